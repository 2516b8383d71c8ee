"""Pictures of the story: images with their captions and credits, read by the engine
from figures near the story, or by the rule's image, caption and credit selectors."""

from __future__ import annotations

from ...model import Image
from ...rules.selectors import select, select_text
from ..captions import caption_copies, read_figure
from ..content import Story, article_scope
from ..context import Context, Element
from ..credit_forms import clean_credit, split_credit
from ..credits import role_tokens
from ..explain import Role
from ..media import find_images, links_to_itself, picture_name
from ..patterns import (
    AUTHOR_BOX_TOKENS,
    FIGURE_TOKENS,
    IMAGE_SUFFIXES,
    PERSON_TYPE,
    PICTURE_TAGS,
    PLACEHOLDER_MARKS,
    POST_CONTAINER_TOKENS,
)
from ..picture_urls import image_url
from ..text import (
    class_tokens,
    climb_finds,
    collapse,
    element_text_length,
    has_descendant,
    link_text_length,
    raw_text,
    within,
)
from .header import find_authors
from .story import common_ancestor, find_generic

__all__ = ["find_pictures", "is_header_region"]

MAX_ITEM_LEVELS = 3
"""How far above an uncaptioned picture the list item of a card may be."""
MAX_CARD_LEVELS = 5
"""How far above an uncaptioned picture the link of a card holding it may be (a page
builder wraps the picture in two or three elements of its own)."""
MIN_ITEM_LINK_SHARE = 0.8
"""A list item whose text sits this much in links is a card linking to another page."""


def find_pictures(ctx: Context, story: Story | None) -> list[Image]:
    """Before the paragraphs: the captions and credits read here stay out of the text."""
    if ctx.rule and ctx.rule.images:
        found = _rule_images(ctx)
        if found:
            return found
        if story is not None and story.signal == ctx.rule_source:
            # The rule's pictures hold no image: the engine's are those it finds around
            # its own story (a rule's container may reach into rails and promos).
            story = find_generic(ctx, record=False)
    if story is None:
        return []
    scope = article_scope(story, ctx.title_element, ctx.settings.scope_levels)
    if ctx.title_element is None and scope is not None:
        scope = _enclosing_article(scope, ctx.settings.scope_levels)
    holders = [scope] if scope is not None else list(story.blocks)
    lead: set[Element] = set()
    if scope is not None and ctx.title_element is not None:
        between = _lead_between(scope, ctx.title_element)
        lead = set(between)
        holders = [*_lead_holders(between, scope, ctx.title_element), *holders]
    declared = _declared_pictures(ctx)
    images: list[Image] = []
    seen: dict[str | None, set[str | None]] = {}
    parts: list[tuple[Element, str]] = []
    authors = {collapse(name).casefold() for name in (*find_authors(ctx), *ctx.byline_authors)}

    def read(holder: Element, only: set[Element], banner: bool = False) -> list[Image]:
        """The pictures of one holder; with `only`, those showing one of these. A
        `banner`'s picture has a caption only from a <figure> of its own, or a wrapper
        named a figure ("image-display"): the lines beside a hero's picture are its
        headline's, byline's and teaser's."""
        found: list[Image] = []
        boxes: dict[Element, bool] = {}  # _in_author_box's answers
        for element, image in find_images(holder, ctx.url, is_header_region,
                                          None if banner else parts, ctx.settings, declared):
            if only and not _shows(element, only):
                continue  # beside the lead picture in its header, not between
            if banner and not (element.tag == "figure" or role_tokens(element) & FIGURE_TOKENS):
                image = Image(image.url, None, None, image.alt)
            if (_in_author_box(element, holder, boxes) or _named_author(image, authors)
                    or _item_thumbnail(element, image, holder)
                    or _card_thumbnail(element, image, holder, ctx, declared)):
                continue
            # one picture per URL and caption (find_images lets a picture shown again
            # under another caption through); so pictures without URL (their address
            # filled in by script) are not all taken for one
            shown = seen.setdefault(image.url, set())
            if image.url is None and image.caption is None:
                pass  # a credit-only <figure> a script fills: each figure is its own picture
            elif image.caption in shown or (image.url is not None and shown
                                            and (image.caption is None or None in shown)):
                continue
            shown.add(image.caption)
            ctx.note(element, "image", image.caption or image.url or "", "engine:figure")
            found.append(image)
        return found

    for holder in holders:
        images += read(holder, lead if holder is not scope else set())
    if declared and scope is not None and not any(
            image.url and picture_name(image.url) in declared for image in images):
        shown_before = _declared_lead(ctx.body, scope, ctx.title_element, declared, holders)
        if shown_before is not None:
            holders.insert(0, shown_before[0])
            images[:0] = read(shown_before[0], {shown_before[1]}, banner=True)
    covered = {id(element) for element, _ in parts}
    # Copies of a caption (a lightbox's) print it as read or as its element shows it,
    # credit and agency marks included.
    captions = [image.caption for image in images if image.caption]
    captions += [collapse(raw_text(element)) for element, role in parts if role == "caption"]
    for holder in holders:
        parts += [(copy, "caption") for copy in caption_copies(holder, captions, ctx.settings)
                  if id(copy) not in covered]
    for element, role in parts:
        ctx.picture_text.add(element)
        ctx.note(element, "caption" if role == "caption" else "credit",
                 f"figure {role}", "engine:figure")
    return images


def _item_thumbnail(element: Element, image: Image, scope: Element) -> bool:
    """An uncaptioned picture in a list item whose text is a link to another page: a
    related item's thumbnail, its headline beside it ("<li><img><a>Headline</a></li>")."""
    if image.caption is not None:
        return False
    item = element.getparent()
    for _ in range(MAX_ITEM_LEVELS):
        if item is None or item is scope or item.tag == "li":
            break
        item = item.getparent()
    if item is None or item is scope or item.tag != "li":
        return False
    text = element_text_length(item)
    return (text > 0 and link_text_length(item) >= MIN_ITEM_LINK_SHARE * text
            and any(_page_link(a.get("href")) for a in item.iter("a")))


def _card_thumbnail(element: Element, image: Image, scope: Element, ctx: Context,
                    declared: frozenset[str]) -> bool:
    """An uncaptioned picture inside a link to another page that also holds a
    headline's length of text: a card, the picture its thumbnail ("<a href='/podcasts'>
    <div><div><img></div></div><span>Podcasts: tune in to our series</span></a>", its
    link further up than find_images looks for a thumbnail's). A story's picture links
    to itself, its larger file, or to a page without text beside it; and the picture
    the page's metadata declares is the story's, whatever links it (a tile of the story
    itself)."""
    if image.caption is not None or (image.url and picture_name(image.url) in declared):
        return False
    for level, node in enumerate(element.iterancestors()):
        if node is scope or level == MAX_CARD_LEVELS:
            return False
        if node.tag == "a":
            img = element if element.tag in PICTURE_TAGS else next(element.iter("img"), None)
            return (_page_link(node.get("href")) and not links_to_itself(node, img, ctx.url)
                    and element_text_length(node) >= ctx.settings.related_min_headline)
    return False


def _page_link(href: str | None) -> bool:
    """An address of another page: not an anchor, a script, a mail or a picture file."""
    href = (href or "").strip().lower()
    return bool(href) and not href.startswith(("#", "javascript:", "mailto:")) and not (
        href.split("?", 1)[0].endswith(IMAGE_SUFFIXES))


def _named_author(image: Image, authors: set[str]) -> bool:
    """A picture whose alt text or caption is only the name of the story's author: the
    author's headshot beside the byline or the bio."""
    return any(text and collapse(text).casefold() in authors for text in (image.alt, image.caption))


def _in_author_box(element: Element, scope: Element, known: dict[Element, bool]) -> bool:
    """Whether a picture sits in a box about the author (a class so naming it, or
    schema.org markup of the author or a person): a headshot, even with the bio beside
    it read as its caption. `element` is the picture's figure, or the box itself
    (`known`: the answers of elements already climbed, see `climb_finds`)."""
    return climb_finds(element, scope, known, _author_box)


def _author_box(node: Element) -> bool:
    return bool(class_tokens(node) & AUTHOR_BOX_TOKENS
                or "author" in (node.get("itemprop") or "").lower().split()
                or (node.get("itemtype") or "").lower().rstrip("/").endswith(PERSON_TYPE))


def _enclosing_article(scope: Element, levels: int) -> Element:
    """Without a headline to bound the article, the <article> around the story (if at
    most `levels` up): its lead picture sits in its header, outside the story's text."""
    node: Element | None = scope
    for _ in range(levels + 1):
        if node is None:
            break
        if node.tag == "article":
            return node
        node = node.getparent()
    return scope


MAX_LEAD_PICTURES = 3
"""Pictures between a far headline and its story: more are a strip of logos or a
gallery of other pages, not the story's lead."""


def _lead_between(scope: Element, title: Element) -> list[Element]:
    """The pictures between the headline and the story, when the two sit in one
    <article> too far apart for `scope` to hold the headline (the body deep in wrappers
    of its own): the lead picture in the article's header. Only those between: on some
    sites the <article> wraps the whole page, logos and footer included."""
    if any(ancestor is scope for ancestor in title.iterancestors()):
        return []  # the scope holds the headline and its header
    common = common_ancestor(title, scope)
    if common is None or not (_one_post(common) or any(
            _one_post(ancestor) for ancestor in common.iterancestors())):
        return []
    pictures: list[Element] = []
    after = False
    boxes: dict[Element, bool] = {}  # (an author's headshot beside the byline counts not)
    for element in common.iter(*PICTURE_TAGS, title.tag, scope.tag):
        if element is title:
            after = True
        elif element is scope:
            break
        elif (after and element.tag in PICTURE_TAGS
              and not _in_author_box(element, common, boxes)):
            pictures.append(element)
    return pictures if len(pictures) <= MAX_LEAD_PICTURES else []


def _one_post(element: Element) -> bool:
    """An <article>, or the element a blog's template marks as one post's ("post-135
    type-post hentry" on a page builder's <div>)."""
    return element.tag == "article" or bool(
        element.get("class") and class_tokens(element) & POST_CONTAINER_TOKENS)


def _lead_holders(lead: list[Element], scope: Element, title: Element) -> list[Element]:
    """Where the lead pictures are read, in page order: for each, its highest wrapper
    that holds neither the headline nor the story."""
    stops = {*title.iterancestors(), *scope.iterancestors()}
    holders: list[Element] = []
    for picture in lead:
        node = _own_wrapper(picture, stops)
        if node not in holders:
            holders.append(node)
    return holders


def _own_wrapper(picture: Element, stops: set[Element]) -> Element:
    """The picture's highest wrapper below the `stops` (the headline's and the story's
    ancestors): where it is read without either."""
    node = picture
    while (parent := node.getparent()) is not None and parent not in stops:
        node = parent
    return node


def _declared_lead(body: Element, scope: Element, title: Element | None,
                   declared: frozenset[str], holders: list[Element]
                   ) -> tuple[Element, Element] | None:
    """The page's own picture (its og:image) shown before the story, outside the
    holders: a lead in a hero or a banner above the article. As (its holder, the
    picture): the holder is its highest wrapper holding neither headline nor story."""
    for picture in body.iter(*PICTURE_TAGS):
        sources = " ".join(str(value) for name, value in picture.attrib.items()
                           if "src" in str(name)).lower()
        if not any(name in sources for name in declared):
            continue
        if any(within(picture, holder) for holder in holders) or not _precedes(picture, scope):
            return None  # read with the story, or a copy after it (a related item's)
        url = image_url(picture, None)
        if url is None or picture_name(url) not in declared:
            continue
        stops = {*scope.iterancestors(), *(title.iterancestors() if title is not None else ())}
        return _own_wrapper(picture, stops), picture
    return None


def _precedes(first: Element, second: Element) -> bool:
    """Whether `first` comes before `second` in the page, neither holding the other."""
    chain = [first, *first.iterancestors()]
    position = {node: index for index, node in enumerate(chain)}
    node = second
    for parent in second.iterancestors():
        index = position.get(parent)
        if index is not None:
            return index > 0 and parent.index(chain[index - 1]) < parent.index(node)
        node = parent
    return False


def _shows(element: Element, pictures: set[Element]) -> bool:
    """Whether `element` (a picture or its figure) is or holds one of `pictures`."""
    return element in pictures or any(node in pictures for node in element.iter(*PICTURE_TAGS))


DECLARED_PICTURE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image")
"""The head's names for the page's own picture (the one shown when it is shared)."""


def _declared_pictures(ctx: Context) -> frozenset[str]:
    """The `picture_name`s of the pictures the page's head names as its own."""
    names = {picture_name(value) for key in DECLARED_PICTURE_KEYS
             if (value := ctx.meta.meta.get(key))}
    return frozenset(name for name in names if name is not None)


def _rule_images(ctx: Context) -> list[Image]:
    assert ctx.rule is not None
    images: list[Image] = []
    seen: set[str] = set()
    attributes = ctx.rule.image_url_attributes
    for selector in ctx.rule.images:
        for figure in select(ctx.body, selector):
            found = _rule_picture(figure, ctx.url, attributes)
            if found is None:
                continue
            img, url = found
            if url in seen:
                continue
            seen.add(url)
            caption, credit = _rule_caption(ctx, figure, img)
            alt = collapse(img.get("alt") or "") or None
            ctx.note(figure, "image", f"images {selector}", ctx.rule_source)
            images.append(Image(url, caption, credit, alt))
    return images


def _rule_picture(figure: Element, base: str | None, attributes: tuple[str, ...]
                  ) -> tuple[Element, str] | None:
    """The picture of a rule's image container: its first <img> with an address, past
    a placeholder shown until scripts load the real one (a grey square first), or the
    element carrying one of the rule's URL attributes when the page fills the picture by
    script (`<div data-src>`)."""
    candidates = [figure] if figure.tag == "img" else list(figure.iter("img"))
    if not candidates and attributes:
        candidates = [e for e in figure.iter() if isinstance(e.tag, str)
                      and any(e.get(a) for a in attributes)][:1]
    found = [(img, url) for img in candidates if (url := image_url(img, base, attributes))]
    real = [(img, url) for img, url in found
            if not any(mark in url.lower() for mark in PLACEHOLDER_MARKS)]
    chosen = real or found
    return chosen[0] if chosen else None


def _rule_caption(ctx: Context, figure: Element, img: Element
                  ) -> tuple[str | None, str | None]:
    assert ctx.rule is not None

    credit_text = _rule_figure_part(ctx, figure, ctx.rule.credits, "credit")
    caption_text = _rule_figure_part(ctx, figure, ctx.rule.captions, "caption")
    if caption_text is None and credit_text is None:
        return read_figure(figure, img, None, ctx.settings)
    credit = clean_credit(credit_text) if credit_text else None
    caption = caption_text
    if caption and credit_text and credit_text in caption:
        caption = collapse(caption.replace(credit_text, " ")) or None
    if caption:
        caption, inline_credit = split_credit(caption)
        credit = credit or inline_credit
    return caption, credit


def _rule_figure_part(ctx: Context, figure: Element, selectors: tuple[str, ...],
                      role: Role) -> str | None:
    for selector in selectors:
        texts = [collapse(t) for t in select_text(figure, selector)]
        found = next((t for t in texts if t), None)
        if found:
            if ctx.recorder is not None:
                for element in select(figure, selector)[:1]:
                    ctx.note(element, role, f"{role}s {selector}", ctx.rule_source)
            return found
    return None


def is_header_region(element: Element) -> bool:
    """A page or section header without the headline: its pictures are logos and promos.
    (Menus, asides and footers without the headline are gone by then: clean.remove_layout.)
    An <article>'s own <header> holds its lead picture, headline or not (the headline may
    be an <h2> styled as the title, or sit beside the header), however deep in the
    article's wrappers it sits."""
    if element.tag != "header" or has_descendant(element, "h1"):
        return False
    return next(element.iterancestors("article"), None) is None
