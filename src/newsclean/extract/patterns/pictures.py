"""Finding story pictures and their URLs: lazy sources, srcsets, file names that are no story
picture."""

from __future__ import annotations

import re

from .story import OUTSIDE_TOKENS

NOT_STORY_REGION = (OUTSIDE_TOKENS | frozenset({"authorbox", "aboutauthor", "authorbio",
                                                "saboxplugin", "byline"})
                    ) - frozenset({"sidebar", "modal", "overlay", "popup", "masthead"})
"""Regions whose pictures are not the story's: menus, related lists, author boxes. (Not
layout words that also name a story's grid, its pictures' lightbox or its lead:
"sidebar-grid", "modal_sizes", "article-masthead".)"""
FIGURE_TOKENS = frozenset({"figure", "wpcaption", "image", "photo", "media", "picture",
                           "img", "imagewrapper", "lead", "hero"})
NOT_STORY_IMAGE = frozenset({"avatar", "author", "logo", "icon", "profile", "headshot",
                             "thumbnail", "thumb", "sprite", "emoji", "badge", "ad", "ads",
                             "advert", "sponsor", "promo", "tracking", "pixel"})
LAZY_SOURCES = ("data-hi-res-src", "data-full-src", "data-src", "data-lazy-src",
                "data-original", "data-url")
SRCSET_SUFFIX = "srcset"
"""srcset, data-srcset, data-lazy-srcset, data-flickity-lazyload-srcset: all srcsets."""
LAZY_SOURCE_NAME = re.compile(r"data-[a-z-]*(?:src|original)")
SRCSET_URL = re.compile(r"[\s,]*([^\s,]\S*)")
"""The URL of a srcset candidate (which may hold commas), after the separators."""
PLACEHOLDER_SOURCE = re.compile(r"blank\.|placeholder|spacer\.|lazy[-_]?load|1x1\.|pixel\.gif|"
                                r"(?<![\w-])(?:clear|trans)\.(?:gif|png)|"
                                r"[-_/]transparent[-_.]|"
                                r"(?<![\w-])(?:missing|no)[-_]?(?:image|img|photo)\.",
                                re.IGNORECASE)
"""A src a script replaces with the real picture."""
PLACEHOLDER_WORDS = ("blank.", "placeholder", "spacer.", "lazy", "1x1.", "pixel.gif",
                     "clear.gif", "trans.gif", "clear.png", "trans.png", "transparent",
                     "missing", "no-", "no_", "noimage.", "noimg.", "nophoto.")
"""Every PLACEHOLDER_SOURCE match holds one of these (lower case), looked for first: a
new alternative there needs its word here."""


IMAGE_TRANSFORMS = re.compile(r"/(?:[a-z]{1,3}_[^/,]+(?:,[a-z]{1,3}_[^/,]+)+|d_[^/,]+)(?=/)",
                              re.IGNORECASE)
"""An image server's transformations, a segment of the path ("/w_776,h_437,c_fill"), and
its default picture, shown when the one asked for is missing ("/d_transparent.gif")."""


def is_placeholder(url: str) -> bool:
    """Whether the URL's path is a placeholder's (PLACEHOLDER_SOURCE): neither its query
    ("?$LazyLoad_Home_PNG$", a preset's name) nor an image server's transformations say
    what the picture is. ASCII without the pattern's words cannot match, which is ten times
    faster to see on most URLs (outside ASCII, case folding maps other letters onto ASCII
    ones)."""
    if url.isascii():
        low = url.lower()
        if not any(word in low for word in PLACEHOLDER_WORDS):
            return False
    path = url.partition("?")[0].partition("#")[0]
    if "_" in path:
        path = IMAGE_TRANSFORMS.sub("", path)
    return PLACEHOLDER_SOURCE.search(path) is not None
VECTOR_SUFFIXES = (".svg", ".svgz")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff",
                  ".heic", ".heif", ".jxl")
ASSET_FOLDERS = frozenset({"themes", "theme", "plugins", "skin", "skins", "css", "icons",
                           "emoji", "emojis", "sprites", "logos"})
"""Folders of a site's design, not of its stories' pictures."""
ASSET_FOLDER_WORDS = frozenset({"icons", "icon", "logos", "logo", "sprites", "emoji",
                                "emojis", "paywall", "avatar", "avatars", "smilies", "smileys",
                                "smiley", "smiles", "emoticons", "emoticon", "statusicon",
                                "statusicons", "badges", "badge"})
"""Words of a folder's name that make it a design folder ("app_icons", "styles/logo"),
one of people's avatars ("gravatar.com/avatar/<hash>") or a forum's smileys, status icons
("user_offline.gif") and members' badges."""
ASSET_FOLDER_STEMS = ("icon", "logo", "sprite", "emoji", "paywall", "avatar", "smil",
                      "emoticon", "badge")
"""A stem each ASSET_FOLDER_WORDS word holds. Keep it in step with them."""
FILE_NAME_SIZE = re.compile(r"(?<![0-9])(?P<width>[0-9]{2,4})[xX](?P<height>[0-9]{2,4})(?![0-9])")
"""A size in a file name ("-250x188.jpg"), as resizing services and CMSs write it."""
FILE_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
NOT_STORY_FILE_WORDS = frozenset({"logo", "icon", "icons", "favicon", "badge", "avatar",
                                  "sprite", "loader", "spinner", "spacer", "pixel", "emoji",
                                  "placeholder", "facebook", "twitter", "instagram",
                                  "linkedin", "whatsapp", "pinterest", "youtube", "pdf",
                                  "headshot", "mugshot", "gravatar", "author"})
"""Words of a file name that say the picture is an icon, a logo or a person's avatar."""
MESSENGER_PHOTO = re.compile(r"whatsapp[\W_]*(?:\d\d)?(?:image|imagen|foto|photo)", re.IGNORECASE)
"""A photo a messenger saved, named by it ("WhatsApp Image 2022-05-03 at 8.25.36 PM.jpeg",
"whatsapp-20image-…" escaped once more): a news photo, not the messenger's icon."""
SIZE_PARAMETERS = frozenset({"w", "width", "h", "height"})
WEAK_IMAGE_ROLES = frozenset({"thumb", "thumbnail", "icon"})
"""Of NOT_STORY_IMAGE, the names templates also give a story picture's box or its
lightbox link: a picture so named is the story's when it has a caption of its own."""

PICTURE_PARTS = frozenset({"source", "picture"})
TAXONOMY_CLASSES = ("category-", "tag-", "categories-", "tags-", "topic-", "section-")
"""Class prefixes that name a post's categories and tags, not the element's role."""

PLACEHOLDER_MARKS = ("placeholder", "blank.", "spacer.")
"""In a picture's address: a stand-in shown until scripts load the picture."""

# Pictures whose address a script fills in (Image.url None).
PICTURE_TAGS = ("img", "amp-img")
"""Elements that show a picture (AMP's <amp-img> carries src and srcset as <img> does)."""
PICTURE_SLOT_WORDS = ("img", "image", "photo", "picture")
"""In the class of an empty element of a <figure> without an <img>: the box a script
fills with the picture ("img-placeholder", "BlogPostImage_imgWrapper")."""
PLAYER_TAGS = ("video", "audio", "iframe", "object", "embed")
PLAYER_TOKENS = frozenset({"player", "video", "videos", "youtube", "vimeo", "embed", "audio",
                           "podcast", "playlist"})
"""A <figure> holding one of these, or so named, shows a player, not a picture."""
ATTRIBUTE_IMAGE_URL = re.compile(
    r"(?:https?:)?//[^\s\"'<>\[\](),]+?\.(?:jpe?g|png|webp|gif|avif)(?:\?[^\s\"'<>\[\](),]*)?"
    r"(?![\w.])", re.IGNORECASE)
"""A picture file's address inside another attribute's value, the way responsive-image
scripts keep their sizes ("[https://…-300x198.jpg, small], [https://…-1300x858.jpg,
medium]"), smallest first."""

# Author boxes: their pictures are headshots, captioned or not.
AUTHOR_BOX_TOKENS = frozenset({"authorbox", "aboutauthor", "authorbio", "saboxplugin"})
"""Class names of a box about the story's author (its caption-like text is the bio)."""
PERSON_TYPE = "/person"
"""The end of a schema.org itemtype naming an element a person (an author's card)."""
# Pictures shown at no size.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
"""An inline style that hides a picture (tracking pixels in <noscript>)."""
POST_CONTAINER_TOKENS = frozenset({"hentry", "typepost"})
"""Classes a blog's template gives the element holding one post, its headline and its
body ("post-135 type-post hentry"), an <article> or not."""
