"""Finding story pictures; their URLs are read by picture_urls.py, their captions and
credits by captions.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from urllib.parse import parse_qsl

from lxml import etree

from ..model import Image
from .captions import (
    caption_after,
    holds_caption,
    is_small,
    loose_caption,
    outside_sources,
    read_figure,
)
from .credit_forms import credit_like, only_a_credit
from .credits import is_caption, role_tokens, title_credit
from .metadata import absolute, site_host, split_url
from .patterns import (
    ASSET_FOLDER_STEMS,
    ASSET_FOLDER_WORDS,
    ASSET_FOLDERS,
    ATTRIBUTE_IMAGE_URL,
    ENLARGE_LABEL,
    FIGURE_TOKENS,
    FILE_NAME_SIZE,
    FILE_NAME_WORDS,
    HEADING_TAGS,
    HIDDEN_STYLE,
    IMAGE_SUFFIXES,
    LAZY_SOURCES,
    MESSENGER_PHOTO,
    NOT_STORY_FILE_WORDS,
    NOT_STORY_IMAGE,
    NOT_STORY_REGION,
    PICTURE_PARTS,
    PICTURE_SLOT_WORDS,
    PICTURE_TAGS,
    PLAYER_MESSAGE,
    PLAYER_TAGS,
    PLAYER_TOKENS,
    ROLE_ATTRIBUTES,
    SIZE_PARAMETERS,
    STRONG_STORY_TOKENS,
    TAXONOMY_CLASSES,
    TOKEN_SPLIT,
    VECTOR_SUFFIXES,
    WEAK_IMAGE_ROLES,
)
from .picture_urls import image_url, lazy_url, srcsets, usable_url
from .related_items import page_address
from .settings import Settings
from .text import (
    class_tokens,
    climb_finds,
    collapse,
    element_text_length,
    link_text_length,
    raw_text,
)

__all__ = ["find_images"]

Element = etree._Element
LINK_SAME_SITE = "same site"
LINK_OTHER_SITE = "other site"
MIN_PICTURE_PAGE_NAME = 8
"""A link's last path segment this long that starts the picture's file name names the
picture's page (shorter ones, like "2024", match by chance)."""
MAX_ASSET_ALT_WORDS = 4
"""An alt text naming the picture a logo or an icon is this short; a longer one may
describe a scene with a logo in it."""
MAX_ASPECT_SIDE = 21
"""A declared width and height both at most this and unequal are an aspect ratio that
reserves the picture's box (width="16" height="9"), not an icon's size."""
TEXT_ATTRIBUTES = frozenset({"alt", "title", "aria-label"})
"""Attributes that hold words a reader sees, not the picture's address."""
MAX_FIGURE_TEXT = 20_000
"""A <figure> holding more text than this is no picture's figure but markup left open
around the page (each copy of a duplicated figure then holds the rest of it, and reading
each picture's caption would read the page again). A guard, not tuning: the largest
<figure> with a picture of about 2,100 real pages holds 16,700 characters, the next 6,700."""
MAX_FIGURE_PICTURES = 100
"""A <figure> holding more pictures than this is no picture's figure (a guard: each of its
pictures reads it whole). The most a real page's figure holds is 66, a gallery's."""
def _too_small(img: Element, settings: Settings) -> bool:
    if HIDDEN_STYLE.search(img.get("style") or ""):
        return True  # shown at no size: a tracking pixel
    sides = [(img.get(attribute) or "").strip().rstrip("px") for attribute in ("width", "height")]
    if (all(side.isdigit() and 1 < int(side) <= MAX_ASPECT_SIDE for side in sides)
            and sides[0] != sides[1]):
        return False  # an aspect ratio, not a size
    return any(side.isdigit() and int(side) < settings.min_image_side for side in sides)


def _figure_of(img: Element, stop: Element, settings: Settings) -> Element | None:
    """The element holding the picture and its caption: a <figure>, or the closest small
    wrapper that holds a caption-named element and no other picture (templates name the
    wrapper anything: "widget", "topElement", a hashed class)."""
    node, level = img.getparent(), 0
    large = False  # once a wrapper is too large, so are the ones above it
    checked: list[Element] = []  # the wrappers below found holding no caption
    while node is not None and level < settings.figure_levels:
        if node.tag == "figure":
            return node if _one_figure(node) else None
        if node is stop:
            break
        if not large and level < settings.loose_figure_levels:
            named = bool(role_tokens(node) & FIGURE_TOKENS)
            alone = named or _only_picture(node, img, settings)  # cheap checks before reading text
            if not alone or not is_small(node, settings.picture_max_figure_text, settings):
                # a wrapper too large for a figure, or holding other pictures: so are the
                # ones above it; a <figure> further up still is one
                large = True
                level = max(level, settings.loose_figure_levels)
            elif (named or not _has_heading(node)) and holds_caption(node, checked):
                return node
        if node.tag != "source":  # the parser nests a <picture>'s <source>s: no level
            level += 1
        node = node.getparent()
    return None


def _one_figure(figure: Element) -> bool:
    """Whether a <figure> is one picture's (or a small gallery's): not one holding another
    <figure> (another picture's: the picture's own would be the closer), nor more than
    MAX_FIGURE_PICTURES pictures, nor more than MAX_FIGURE_TEXT characters. Each of its
    pictures reads it whole, so markup left open, where each figure holds the rest of
    the page, would cost the square of the page."""
    return (element_text_length(figure) <= MAX_FIGURE_TEXT
            and next(figure.iterdescendants("figure"), None) is None
            and sum(1 for _ in islice(figure.iter(*PICTURE_TAGS), MAX_FIGURE_PICTURES + 1))
            <= MAX_FIGURE_PICTURES)


def _has_heading(node: Element) -> bool:
    """A card (product, teaser) has a heading; a figure, named as one or not, has none."""
    return any(True for _ in node.iter(*HEADING_TAGS))


def _only_picture(node: Element, img: Element, settings: Settings) -> bool:
    return all(other is img or _too_small(other, settings) for other in node.iter("img"))


_NOT_STORY: Element = etree.Element("not-story")
"""_role_of's answer for a picture excluded whatever its caption."""


def find_images(scope: Element, base: str | None, excluded: Callable[[Element], bool],
                parts: list[tuple[Element, str]] | None, settings: Settings,
                declared: frozenset[str] = frozenset()) -> list[tuple[Element, Image]]:
    """Story pictures in `scope`, in page order, one per URL and caption (`parts` as in
    read_figure). A captioned picture of a <figure> whose address only a script fills in
    is one too, without URL (see _scripted). `declared`: the `picture_name`s of the
    pictures the page names as its own (its og:image): one of them in a box named as a
    thumbnail is the story's lead, caption or not."""
    out: list[tuple[Element, Image]] = []
    seen: set[str] = set()
    taken: set[Element] = set()  # figures that gave a picture
    excluded_above: dict[Element, Element | None] = {}
    in_region: dict[Element, bool] = {}  # _in_region's answers
    for img in scope.iter(*PICTURE_TAGS, "figure"):
        if img.tag == "figure":
            # a <figure> without <img>: the element a script fills, if it has one
            slot = _picture_slot(img)
            if slot is None:
                continue
            img = slot
        if _too_small(img, settings):
            continue
        role = _role_of(img, scope, excluded, settings, excluded_above)
        if role is _NOT_STORY:
            continue
        url = image_url(img, base) or _scripted_source(img, base, settings)
        if url is None:
            found = _scripted(img, scope, base, role, taken, out, parts, settings, in_region)
            if found is not None:
                taken.add(found[0])
                out.append(found)
            continue
        if url in seen:
            again = _shown_again(img, url, scope, taken, out, parts, settings)
            if again is not None:
                taken.add(again[0])
                out.append(again)
            continue
        if (not_story_url(url, settings) or _named_asset(img)
                or (asset_file_name(url) and not _in_captioned_figure(img, scope))):
            continue
        own = bool(declared) and picture_name(url) in declared
        if own:
            # the page's own picture: "post-thumbnail" is a lead's box too, and a lead
            # may link to the shop selling it
            role = None
        link = _link_target(img, base, settings)
        if link == LINK_SAME_SITE:
            continue
        figure = _figure_of(img, scope, settings)
        if role is not None and (figure is None or figure.tag != "figure"):
            continue  # a thumbnail's box in a template's card, not in a <figure>
        seen.add(url)
        caption: str | None = None
        credit: str | None = None
        if figure is not None:
            caption, credit = read_figure(figure, img, parts, settings)
        if role is not None:
            if caption is None and (after := caption_after(img, scope, settings)) is not None:
                caption, credit = read_figure(after, img, parts, settings)
            if caption is None:
                continue  # a thumbnail or an icon without a caption of its own
        if caption is None:
            loose, loose_credit = loose_caption(img, scope, parts, settings)
            caption, credit = loose or caption, credit or loose_credit
        if caption is None:
            after = caption_after(img, scope, settings)
            if after is not None:
                named, named_credit = read_figure(after, img, parts, settings)
                caption, credit = named, credit or named_credit
        if credit is None:
            credit = title_credit(img, caption, settings)
        if caption and caption == credit:
            caption = None  # the figure's credit read again beside it as a loose caption
        if caption and ENLARGE_LABEL.fullmatch(caption):
            caption = None  # the picture's enlarge button, read where a caption would be
        if caption and PLAYER_MESSAGE.search(caption):
            continue  # a video player's stand-in, with its message as "caption"
        if caption and not any(character.isalnum() for character in caption):
            caption = None  # what a template leaves of an empty caption: ". Imagen: Télam"
        if caption and only_a_credit(caption):
            # (Two assignments: the compiled build mistypes the pair (None, str) here.)
            credit = credit or caption
            caption = None
        if caption is None and ((link == LINK_OTHER_SITE and not own)
                                or img.tag not in PICTURE_TAGS):
            continue  # an advert or a badge (a captioned picture may link to its source);
            # a figure's script-filled box is a picture by its caption (banners have none)
        if ((caption is None or credit_like(caption, settings))
                and _in_region(img, scope, in_region)):
            continue  # a menu's, a related list's, an author box's picture (a captioned
            # one there is the story's, in a wrapper oddly named)
        if figure is not None:
            taken.add(figure)
        alt = collapse(img.get("alt") or "") or None
        out.append((figure if figure is not None else img, Image(url, caption, credit, alt)))
    return out


RENDITION_MARKS = re.compile(r"(?:[-_](?:\d+x\d+|scaled|\d+w|w\d+)|@\dx)+$", re.IGNORECASE)
"""What a picture's file name adds for one of its sizes: "-1024x577", "-scaled", "@2x"."""
MIN_PICTURE_NAME = 6
"""Characters of a picture's name that may tell it apart ("image", "1" tell nothing)."""


SOURCE_PARAMETERS = frozenset({"url", "src", "image"})
"""The query parameter an image resizing service reads the original's address from
("/_next/image?url=%2Fphoto.jpg&w=1080", "/dims4/…/resize/1160x/?url=https%3A…")."""


def picture_name(url: str) -> str | None:
    """The picture's file name without its extension and rendition marks, in lower
    case: the same picture in another size has the same name (a resizing service's
    address names its original's). None when too short to tell pictures apart."""
    parts = split_url(url)
    name = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if "." not in name and parts.query:
        for key, value in parse_qsl(parts.query):
            if key.lower() in SOURCE_PARAMETERS and "/" in value and value != url:
                return picture_name(value)
    name = RENDITION_MARKS.sub("", name.rsplit(".", 1)[0]).lower()
    return name if len(name) >= MIN_PICTURE_NAME else None


def _shown_again(img: Element, url: str, scope: Element, taken: set[Element],
                 found: list[tuple[Element, Image]], parts: list[tuple[Element, str]] | None,
                 settings: Settings) -> tuple[Element, Image] | None:
    """A picture already found, shown again in a <figure> of its own under another
    caption (a gallery repeating the lead picture): another picture of the story. A copy
    with the same caption, or none, is the same picture."""
    figure = _figure_of(img, scope, settings)
    if (figure is None or figure.tag != "figure" or figure in taken
            or any(other is not img for other in islice(figure.iter(*PICTURE_TAGS), 2))):
        return None  # (a figure holding other pictures too is a gallery's, not the copy's)
    read: list[tuple[Element, str]] = []
    caption, credit = read_figure(figure, img, read, settings)
    if (caption is None or PLAYER_MESSAGE.search(caption) or only_a_credit(caption)
            or credit_like(caption, settings)
            or any(image.url == url and image.caption in (None, caption) for _, image in found)):
        return None
    if parts is not None:
        parts.extend(read)
    return figure, Image(url, caption, credit, collapse(img.get("alt") or "") or None)


def _scripted_source(img: Element, base: str | None, settings: Settings) -> str | None:
    """For a picture with no src, srcset or lazy URL: the largest picture file named in
    another of its attributes (a lazy loader's own name for it, "nitro-lazy-src"; a
    responsive-image script's list of sizes), else the picture file the link around it
    opens (its full size, in a lightbox)."""
    for name, value in reversed(img.attrib.items()):
        if str(name).lower() not in TEXT_ATTRIBUTES:
            found = [url for url in ATTRIBUTE_IMAGE_URL.findall(str(value)) if usable_url(url)]
            if found:
                return absolute(found[-1], base)
    link = _enclosing_link(img, settings)
    href = usable_url(link.get("href")) if link is not None else None
    if href and split_url(href).path.lower().endswith(IMAGE_SUFFIXES):
        return absolute(href, base)
    return None


def _picture_slot(figure: Element) -> Element | None:
    """In a <figure> without <img>, the element that shows its picture: one carrying a
    lazy loader's URL (`<div data-src>`), else an empty one named as the picture's box.
    None for a figure of something else (a quote, a table, an embed)."""
    if next(figure.iter(*PICTURE_TAGS), None) is not None:
        return None  # its <img> stands for it
    named: Element | None = None
    waiting = _slot_children(figure)
    while waiting:  # the figure's elements in page order, its caption's left out
        element = waiting.pop()
        if element.tag == "figcaption" or is_caption(element):
            continue
        waiting += _slot_children(element)
        if element.attrib and (any(element.get(name) for name in LAZY_SOURCES)
                               or srcsets(element)):
            return element
        if (named is None and element.tag not in PLAYER_TAGS and not len(element)
                and not (element.text or "").strip() and _slot_named(element)):
            named = element
    return named


def _slot_children(element: Element) -> list[Element]:
    """The element's children _picture_slot looks into next, last first. A <figure> inside
    is looked into by a call of its own: a figure duplicated around the page (each copy
    holding the rest of it) would be walked again for every copy."""
    return [child for child in reversed(element)
            if isinstance(child.tag, str) and child.tag != "figure"]


def _slot_named(element: Element) -> bool:
    value = (element.get("class") or "").lower()
    return any(word in value for word in PICTURE_SLOT_WORDS)


def _scripted(img: Element, scope: Element, base: str | None, role: Element | None,
              taken: set[Element], found: list[tuple[Element, Image]],
              parts: list[tuple[Element, str]] | None, settings: Settings,
              in_region: dict[Element, bool]) -> tuple[Element, Image] | None:
    """A picture whose address a script fills in (no src, srcset or lazy URL; a data:
    or placeholder stand-in): the story's only in a <figure> of its own that shows a
    caption and holds no player, no heading, no link to another page and no other
    picture with an address. Its caption and credit are read as a figure's."""
    if role is not None or _named_asset(img):
        return None
    figure = _figure_of(img, scope, settings)
    if (figure is None or figure in taken
            or _link_target(img, base, settings) is not None or _player(figure)
            or _has_heading(figure) or _in_region(img, scope, in_region)):
        return None
    if any(other is not img and image_url(other, base) for other in figure.iter(*PICTURE_TAGS)):
        return None  # its real picture follows (a <noscript> copy, another size)
    read: list[tuple[Element, str]] = []
    caption, credit = read_figure(figure, img, read, settings)
    if caption is None:  # a <figure> showing only its credit ("Jo Park | Getty Images")
        if figure.tag != "figure" or credit is None or not read:
            return None
    elif PLAYER_MESSAGE.search(caption) or only_a_credit(caption) or credit_like(caption, settings):
        return None
    shown = next((element for element, role_name in read if role_name == "caption"), None)
    if shown is not None and 2 * link_text_length(shown) > element_text_length(shown):
        return None  # a card's headline, linked to its story
    if caption is not None and any(image.caption == caption for _, image in found):
        return None  # another copy of a picture already found
    if parts is not None:
        parts.extend(read)
    alt = collapse(img.get("alt") or "") or None
    return figure, Image(None, caption, credit, alt)


def _player(figure: Element) -> bool:
    """Whether a <figure> holds or names a video or audio player."""
    return (next(figure.iter(*PLAYER_TAGS), None) is not None
            or any(not PLAYER_TOKENS.isdisjoint(class_tokens(element))
                   for element in figure.iter() if isinstance(element.tag, str)))


def _named_asset(img: Element) -> bool:
    """A picture whose short alt text names it a logo, icon or avatar ("WABC logo",
    "author avatar image"); a photo's alt describes the scene."""
    words = (img.get("alt") or "").lower().split()
    return len(words) <= MAX_ASSET_ALT_WORDS and not NOT_STORY_FILE_WORDS.isdisjoint(
        word.strip(".,:;()") for word in words)


def _may_name_asset(folder: str) -> bool:
    """Whether a (lower-case) folder name holds a stem every ASSET_FOLDER_WORDS word
    holds: most hold none, and are not split into words."""
    for stem in ASSET_FOLDER_STEMS:  # noqa: SIM110 (a loop: any() would build a generator)
        if stem in folder:
            return True
    return False


def not_story_url(url: str, settings: Settings) -> bool:
    """A design asset by its URL: a vector drawing, a file in a theme's or stylesheet's
    folder, or one the URL asks at icon size. (A file named as an icon, a logo or a badge
    is `asset_file_name`'s: a captioned figure outweighs its name.)"""
    parts = split_url(url)
    path = parts.path.lower()
    if path.endswith(VECTOR_SUFFIXES):
        return True
    folders = path.split("/")[:-1]
    if any(folder in ASSET_FOLDERS or (_may_name_asset(folder)
                                       and not ASSET_FOLDER_WORDS.isdisjoint(TOKEN_SPLIT.split(folder)))
           for folder in folders):
        return True
    size = FILE_NAME_SIZE.search(parts.path.rsplit("/", 1)[-1])
    if size and int(size.group("width")) < settings.min_story_width:
        return True  # "face_160x200.png", "photo-250x188.jpg": a headshot or a thumbnail
    for key, value in parse_qsl(parts.query):
        if key.lower() in SIZE_PARAMETERS and value.isdigit() and int(value) < settings.min_image_side:
            return True
    return False


def asset_file_name(url: str) -> bool:
    """Whether the picture's file is named as an icon, a logo, a badge or an avatar
    ("facebook.png", "author-photo.jpg")."""
    name = split_url(url).path.rsplit("/", 1)[-1]
    asset_words = {word.lower() for word in FILE_NAME_WORDS.findall(name)} & NOT_STORY_FILE_WORDS
    return bool(asset_words) and not (asset_words == {"whatsapp"}
                                      and MESSENGER_PHOTO.search(name) is not None)


MIN_FIGURE_CAPTION_WORDS = 3
"""Words of a <figure>'s own caption that make its picture the story's, whatever its
file's name: a story about a network shows its badge, its logo, its certificate."""


def _in_captioned_figure(img: Element, scope: Element) -> bool:
    """Whether the picture is in a <figure> (inside `scope`) whose <figcaption> holds a
    caption of MIN_FIGURE_CAPTION_WORDS words or more."""
    for ancestor in img.iterancestors():
        if ancestor.tag == "figure":
            caption = next(ancestor.iter("figcaption"), None)
            return caption is not None and len(
                raw_text(caption).split()) >= MIN_FIGURE_CAPTION_WORDS
        if ancestor is scope:
            return False
    return False


PAGE_PARAMETER_MARKS = (";", ",")
"""What sets a page's parameters after its path: the page with more is the same page."""


def _link_target(img: Element, base: str | None, settings: Settings) -> str | None:
    """Where the link around a picture goes, when not to the picture's own file or to the
    story: another page of the site (a related item's or a promotion's thumbnail) or
    another site (an advert, a badge, or a picture credited by a link to its source)."""
    node = _enclosing_link(img, settings)
    if node is None:
        return None
    href = (node.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")) or base is None:
        return None
    address = absolute(href, base) or href
    target = split_url(address)
    if target.path.lower().endswith(IMAGE_SUFFIXES) or _same_picture(address, img):
        return None
    page = split_url(base)
    if site_host(target.hostname) != site_host(page.hostname):
        return LINK_OTHER_SITE
    if _same_page(target.path, page.path) or _picture_page(node, target.path, img):
        return None
    return LINK_SAME_SITE


def links_to_itself(link: Element, img: Element | None, base: str | None) -> bool:
    """The link around the picture goes to the picture itself (its file, the file in
    another size, the picture's own page) or to the page showing it (its address, a
    place in it)."""
    address = absolute((link.get("href") or "").strip(), base)
    if base and page_address(address.partition("#")[0]) == page_address(base.partition("#")[0]):
        return True
    path = split_url(address).path
    return img is not None and (path.lower().endswith(IMAGE_SUFFIXES)
                                or _same_picture(address, img) or _picture_page(link, path, img))


def _same_picture(address: str, img: Element) -> bool:
    """The link goes to the picture itself in another size, its file named alike
    ("/storyimage/311039909.jpg&MaxW=900" for "…/311039909.jpg&ExactW=350"), where the
    parameters glued to the path hide the file's suffix."""
    last = split_url(address).path.rsplit("/", 1)[-1].lower()
    if not any(mark in last for mark in PAGE_GLUE) or not any(
            f"{suffix}{mark}" in last for suffix in IMAGE_SUFFIXES for mark in PAGE_GLUE):
        return False  # a page named as the picture is ("/ghostwriting" for ghostwriting.png)
    source = _source(img)
    if not source:
        return False
    name = picture_name(address)
    return name is not None and name == picture_name(source)


def _source(img: Element) -> str | None:
    """The picture's own address, as its page names it (its src, else its lazy one)."""
    return usable_url(img.get("src")) or lazy_url(img)


PAGE_SUFFIXES = frozenset({"html", "htm", "php", "aspx", "asp", "jsp", "shtml"})
"""The suffixes of a page's file name: a picture's page may be named as its file is."""
PAGE_GLUE = ("&", ";", ",")
"""What glues a resizing service's parameters to a picture's path: "photo.jpg&MaxW=900"."""


def _same_page(path: str, page: str) -> bool:
    """Whether `path` is the page's own, or the page's with parameters after it (a
    picture's view of it: "/story;art48,2076" linking "/story;art48,2076,B::pic491")."""
    own = page.rstrip("/")
    return path.rstrip("/") == own or (path.startswith(own) and path[len(own):len(own) + 1]
                                       in PAGE_PARAMETER_MARKS)


def _enclosing_link(img: Element, settings: Settings) -> Element | None:
    """The <a> around a picture, at most `settings.link_levels` levels above it."""
    node = outside_sources(img)
    for _ in range(settings.link_levels):
        if node is None or node.tag == "a":
            return node
        node = node.getparent()
    return None


def _picture_page(link: Element, path: str, img: Element) -> bool:
    """A link to the picture's own page, not to another story: marked as an attachment
    (rel="attachment"), or named by the id the picture's file is named by ("/photo/
    20241203-OYT1/" for "20241203-OYT1-1.jpg")."""
    if "attachment" in (link.get("rel") or "").lower().split():
        return True
    segment = path.rstrip("/").rsplit("/", 1)[-1]
    stem, dot, suffix = segment.rpartition(".")
    if dot and suffix.lower() in PAGE_SUFFIXES:
        segment = stem  # "/fotos/ferry-010.html" for "ferry-010.jpg"
    if len(segment) < MIN_PICTURE_PAGE_NAME:
        return False
    source = _source(img)
    name = split_url(source).path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if source else ""
    # the file is the page's id and at most a rendition number: a story's slug that
    # the file name merely starts with ("common-wines" for "common-wines-400x300.jpg")
    # is another page
    return (name.startswith(segment) and any(ch.isdigit() for ch in segment)
            and not any(ch.isalpha() for ch in name[len(segment):]))


def _region_named(node: Element) -> bool:
    """Whether a class or id of its own (not a post's taxonomy: "category-popular",
    "tag-social-media") names the element as a region without story pictures."""
    names = f"{node.get('class') or ''} {node.get('id') or ''}".lower().split()
    return any(not name.startswith(TAXONOMY_CLASSES)
               and not NOT_STORY_REGION.isdisjoint(
                   [*TOKEN_SPLIT.split(name), TOKEN_SPLIT.sub("", name)])
               for name in names)


def _region_role(node: Element) -> bool:
    """Whether a template's role attribute (data-testid="prism-byline") names the element
    as a region without story pictures."""
    for attribute in ROLE_ATTRIBUTES:
        value = node.get(attribute)
        if value and not NOT_STORY_REGION.isdisjoint(TOKEN_SPLIT.split(value.lower())):
            return True
    return False


def _role_of(img: Element, scope: Element, excluded: Callable[[Element], bool],
             settings: Settings, known: dict[Element, Element | None] | None = None
             ) -> Element | None:
    """None for a picture in no excluded region and in no wrapper named as a design
    asset; else _NOT_STORY, or a wrapper (or the <img>) named only as a thumbnail or an
    icon: names templates also give a story picture's box ("thumb thumb16_9",
    "attachment-post-thumbnail", a lightbox link "icon maximize"), where a <figure> and
    its own caption tell it from a related item's thumbnail. `known` remembers the
    wrappers' answer for the other pictures of `scope` (they share wrappers; the tree
    does not change meanwhile)."""
    own = _own_role(img, img, excluded, settings)
    if own is _NOT_STORY or img is scope:
        return own
    if known is None:
        known = {}
    climbed: list[tuple[Element, Element | None]] = []
    above: Element | None = None
    node = img.getparent()
    while node is not None:
        if node in known:
            above = known[node]
            break
        role = _own_role(node, img, excluded, settings)
        climbed.append((node, role))
        if role is _NOT_STORY or node is scope:
            above = None
            break
        node = node.getparent()
    for node, role in reversed(climbed):
        if role is _NOT_STORY or above is _NOT_STORY:
            above = _NOT_STORY
        elif role is not None:
            above = role
        known[node] = above
    return above if above is not None else own


def _own_role(node: Element, img: Element, excluded: Callable[[Element], bool],
              settings: Settings) -> Element | None:
    """_role_of's answer for one element alone: _NOT_STORY, the element if it is named
    only as a thumbnail or an icon, else None."""
    if excluded(node):
        return _NOT_STORY
    tokens = class_tokens(node) & NOT_STORY_IMAGE
    if tokens and (node is img or len(raw_text(node)) <= settings.max_image_role_text):
        return node if tokens <= WEAK_IMAGE_ROLES else _NOT_STORY
    return None


def _in_region(img: Element, scope: Element, known: dict[Element, bool]) -> bool:
    """Whether the picture sits in a menu, a related list, an author box... of `scope`
    (`known`: the answers of wrappers already climbed, see `climb_finds`)."""
    return climb_finds(img.getparent(), scope, known, _region_wrapper)


def _region_wrapper(node: Element) -> bool:
    if node.tag in PICTURE_PARTS:
        return False
    tokens = class_tokens(node)
    return bool(tokens & NOT_STORY_REGION and not tokens & STRONG_STORY_TOKENS
                and _region_named(node)) or _region_role(node)
