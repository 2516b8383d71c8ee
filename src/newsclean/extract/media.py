"""Story pictures, with the caption split from its credit."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from ..model import Image
from .metadata import absolute
from .patterns import (
    ASSET_FOLDER_WORDS,
    ASSET_FOLDERS,
    CAMEL_TAIL,
    CAPTION_TAIL,
    CAPTION_TOKENS,
    CREDIT_LEAD,
    CREDIT_PREFIX,
    CREDIT_TOKENS,
    FIGURE_TOKENS,
    FILE_NAME_SIZE,
    FILE_NAME_WORDS,
    HEADING_TAGS,
    IMAGE_SUFFIXES,
    LAZY_SOURCE_NAME,
    LAZY_SOURCES,
    LOOSE_CAPTION_NOT,
    NOT_STORY_FILE_WORDS,
    NOT_STORY_IMAGE,
    NOT_STORY_REGION,
    PAREN_CREDIT,
    PICTURE_SOURCES,
    PLACEHOLDER_SOURCE,
    PLAYER_MESSAGE,
    ROLE_ATTRIBUTES,
    SIZE_PARAMETERS,
    SRCSET_SUFFIX,
    SRCSET_URL,
    STRONG_STORY_TOKENS,
    TOKEN_SPLIT,
    VECTOR_SUFFIXES,
    WEAK_IMAGE_ROLES,
)
from .settings import Settings
from .text import class_tokens, collapse, raw_text

__all__ = [
    "caption_copies",
    "clean_credit",
    "find_images",
    "image_url",
    "loose_caption",
    "read_figure",
    "split_credit",
]

Element = etree._Element

PICTURE_PARTS = frozenset({"source", "picture"})
TAXONOMY_CLASSES = ("category-", "tag-", "categories-", "tags-", "topic-", "section-")
"""Class prefixes that name a post's categories and tags, not the element's role."""
LIGHTBOX_CREDITS = ("data-credit", "data-source", "data-copyright", "data-photographer")
COPY_TAGS = ("p", "div", "span", "figcaption", "small", "em", "i")
INLINE_CAPTION_TAGS = frozenset({"span", "b", "strong", "i", "em", "small", "br", "cite",
                                 "time", "abbr"})
SENTENCE_END = ".!?:"
TRAILING_CREDIT_TAGS = frozenset({"span", "small", "em", "i", "cite", "div", "p", "b",
                                  "strong"})
TITLE_CREDIT_SEPARATORS = ("|", "©", "/", "–", "-", "(")
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
DENSITY_PER_WIDTH = 1000.0
"""Widths rank above densities: a srcset mixing "2x" and "960w" keeps the widest."""


def image_url(img: Element, base: str | None,
              attributes: tuple[str, ...] = ()) -> str | None:
    """The picture's best absolute URL: the largest candidate of its srcsets (its own, its
    lazy ones, those of the <source>s of its <picture>), else its lazy-load URL, else its
    src. `attributes` (a site rule's) are read first."""
    for attribute in attributes:
        candidate = _best_candidate(img.get(attribute) or "")
        if candidate:
            return absolute(candidate, base)
    # The <img>'s own URL is a candidate as wide as its declared width (else "1x"), and on
    # a tie the first candidate wins: a <source> of the same size in another format, or a
    # small-screen one, does not replace it.
    single = next((url for url in (_usable(img.get(a)) for a in LAZY_SOURCES) if url),
                  None) or _lazy_source(img) or _usable(img.get("src"))
    sets = _srcsets(img)
    if single:
        width = (img.get("width") or "").strip().removesuffix("px")
        sets.append(f"{single} {width}w" if width.isdigit() else f"{single} 1x")
    picture = _picture_of(img)
    if picture is not None:
        sets += [value for source in picture.iter("source") for value in _srcsets(source)]
    best = _best_candidate(", ".join(s for s in sets if s.strip()))
    return absolute(best, base) if best else None


def _outside_sources(img: Element) -> Element | None:
    """The <img>'s parent, above the <source>s the parser may have nested it in."""
    node = img.getparent()
    while node is not None and node.tag == "source":
        node = node.getparent()
    return node


def _srcsets(element: Element) -> list[str]:
    """Its srcset and the lazy loaders' copies of it (data-srcset, data-lazy-srcset,
    data-flickity-lazyload-srcset...)."""
    return [str(value) for name, value in element.attrib.items()
            if str(name).lower().endswith(SRCSET_SUFFIX) and str(value).strip()]


def _lazy_source(img: Element) -> str | None:
    """A URL in a lazy loader's attribute not in LAZY_SOURCES (data-lazyload-src...)."""
    for name, value in img.attrib.items():
        if LAZY_SOURCE_NAME.fullmatch(str(name).lower()):
            url = _usable(str(value))
            if url:
                return url
    return None


def _picture_of(img: Element) -> Element | None:
    """The <picture> of an <img>; the parser may nest its void <source>s, so the <img> can
    sit inside them."""
    node = _outside_sources(img)
    return node if node is not None and node.tag == "picture" else None


def _usable(value: str | None) -> str | None:
    """A URL, unless it is a data: URI or a placeholder a script replaces."""
    value = (value or "").strip()
    if not value or value.startswith("data:") or PLACEHOLDER_SOURCE.search(value):
        return None
    return value


def _best_candidate(srcset: str) -> str | None:
    """The largest candidate of a srcset ("a.jpg 480w, b.jpg 960w" -> b.jpg); a plain
    URL is its own candidate. URLs may hold commas ("w_300,h_200"): a candidate ends at
    a comma followed by a space or at the end."""
    best: str | None = None
    best_size = -1.0
    for raw, descriptor in _candidates(srcset):
        url = _usable(raw)
        size = _descriptor_size(descriptor)
        if url is not None and size > best_size:
            best, best_size = url, size
    return best


def _candidates(srcset: str) -> list[tuple[str, str]]:
    """(url, descriptor) pairs, read as browsers do: a URL is a run of non-space
    characters; one ending in a comma has no descriptor; else the descriptor runs to the
    next comma."""
    out: list[tuple[str, str]] = []
    position, end = 0, len(srcset)
    while position < end:
        match = SRCSET_URL.match(srcset, position)
        if match is None:
            break
        url, position = match.group(1), match.end()
        if url.endswith(","):
            out.append((url.rstrip(","), ""))
            continue
        comma = srcset.find(",", position)
        comma = end if comma < 0 else comma
        out.append((url, srcset[position:comma]))
        position = comma + 1
    return out


def _descriptor_size(descriptor: str) -> float:
    """"960w" -> 960; "2x" -> 2 (a density ranks below any width); none -> 0."""
    descriptor = descriptor.strip().lower()
    try:
        if descriptor.endswith("w"):
            return float(descriptor[:-1]) * DENSITY_PER_WIDTH
        if descriptor.endswith("x"):
            return float(descriptor[:-1])
    except ValueError:
        return 0.0
    return 0.0


def _too_small(img: Element, settings: Settings) -> bool:
    sides = [(img.get(attribute) or "").strip().rstrip("px") for attribute in ("width", "height")]
    if (all(side.isdigit() and 1 < int(side) <= MAX_ASPECT_SIDE for side in sides)
            and sides[0] != sides[1]):
        return False  # an aspect ratio, not a size
    return any(side.isdigit() and int(side) < settings.min_image_side for side in sides)


def split_credit(text: str) -> tuple[str | None, str | None]:
    """'Austin ... issue. File Photo by Olivier Matthys/EPA-EFE' ->
    ('Austin ... issue.', 'Olivier Matthys/EPA-EFE')."""
    text = collapse(text)
    if not text:
        return None, None
    match = PAREN_CREDIT.search(text)
    if match:
        caption = text[: match.start()].strip()
        return caption or None, match.group("credit").strip()
    # A credit label at the very start ("Image: Waves break ...", often screen-reader
    # text) names the picture, not its author: the credit is a later label, if any.
    text = CREDIT_PREFIX.sub("", text, count=1) if CREDIT_LEAD.match(text) else text
    text = CAPTION_TAIL.sub("", text)
    match = CREDIT_LEAD.search(text)
    if match:
        caption = text[: match.start()].strip()
        credit = match.group("credit").strip().rstrip(")").strip()
        return caption or None, credit or None
    return text or None, None


def clean_credit(text: str) -> str | None:
    text = collapse(text)
    text = CREDIT_PREFIX.sub("", text).strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return text or None


def _figure_of(img: Element, stop: Element, settings: Settings) -> Element | None:
    """The element holding the picture and its caption: a <figure>, or the closest small
    wrapper that holds a caption-named element and no other picture (templates name the
    wrapper anything: "widget", "topElement", a hashed class)."""
    node = img.getparent()
    level = 0
    large = False  # once a wrapper is too large, so are the ones above it
    while node is not None and level < settings.figure_levels:
        if node.tag == "figure":
            return node
        if node is stop:
            break
        if not large and level < settings.loose_figure_levels:
            named = bool(role_tokens(node) & FIGURE_TOKENS)
            alone = named or _only_picture(node, img, settings)  # cheap checks before reading text
            if not alone or not _small(node, settings.picture_max_figure_text, settings):
                # a wrapper too large for a figure, or holding other pictures: so are the
                # ones above it; a <figure> further up still is one
                large = True
                level = max(level, settings.loose_figure_levels)
            elif (named or not _has_heading(node)) and _has_caption(node):
                return node
        if node.tag != "source":  # the parser nests a <picture>'s <source>s: no level
            level += 1
        node = node.getparent()
    return None


def _small(element: Element, limit: int, settings: Settings) -> bool:
    """Whether the element holds at most `limit` characters of text (stops reading there)."""
    total = 0
    for count, text in enumerate(element.itertext()):
        total += len(text.strip())
        if total > limit or count > settings.max_small_pieces:
            return False
    return True


def _has_heading(node: Element) -> bool:
    """A card (product, teaser) has a heading; a figure, named as one or not, has none."""
    return any(True for _ in node.iter(*HEADING_TAGS))


def _only_picture(node: Element, img: Element, settings: Settings) -> bool:
    return all(other is img or _too_small(other, settings) for other in node.iter("img"))


def loose_caption(img: Element, stop: Element, parts: list[tuple[Element, str]] | None,
                  settings: Settings) -> tuple[str | None, str | None]:
    """A caption in no caption-named element: a short text block beside the picture's
    wrapper that repeats the picture's alt text or carries a copyright sign
    ("<a><picture>..</picture></a><div>Old friends. | (c) Getty Images</div>"), or the
    caption a lightbox link shows (data-caption)."""
    node: Element | None = img
    for _ in range(settings.lightbox_levels):
        if node is None:
            break
        value = collapse(node.get("data-caption") or "")
        if value and not value.startswith(("<", "{")):
            caption, credit = split_credit(value)
            named = next((collapse(node.get(a) or "") for a in LIGHTBOX_CREDITS
                          if collapse(node.get(a) or "")), None)
            return caption, clean_credit(named) if named else credit
        node = node.getparent()
    alt = collapse(img.get("alt") or "").casefold()
    holder: Element | None = img
    while holder is not None and (above := holder.getparent()) is not None and above.tag == "source":
        holder = above  # the <source>s the parser nested the <img> in
    for _ in range(settings.figure_levels):
        parent = holder.getparent() if holder is not None else None
        if parent is None or holder is stop:
            break
        assert holder is not None
        text = _next_text_block(holder, settings)
        if text is not None:
            element, value = text
            folded = value.casefold()
            # the block repeats the alt, or the alt is the block and a tail (the site's name)
            if ((len(alt) >= settings.min_alt_caption and folded.startswith(alt))
                    or (len(folded) >= settings.min_alt_caption and alt.startswith(folded))
                    or "©" in value):
                if parts is not None:
                    parts.append((element, "caption"))
                value = value.replace("|", " ").replace("©", " © ")
                caption, credit = split_credit(value)
                if caption and "©" in caption:
                    caption, _, tail = caption.partition("©")
                    caption, credit = collapse(caption) or None, credit or clean_credit(tail)
                return caption, credit
        if parent is stop:
            break  # lines beside the picture need a wrapper of its own
        lines = _lines_beside(holder, settings)
        if lines:
            if parts is not None:
                parts.extend((line, "caption" if i == 0 else "credit")
                             for i, line in enumerate(lines))
            caption, credit = split_credit(_text_without(lines[0], lines[1:]))
            if len(lines) > 1:
                credit = clean_credit(raw_text(lines[1])) or credit
            return caption, credit
        holder = parent
        if raw_text(holder).strip():
            break  # the wrapper holds text of its own: the block beside it is not a caption
    return None, None


def _caption_after(img: Element, stop: Element, settings: Settings) -> Element | None:
    """A caption-named element right after the picture's wrapper, outside it (a figure
    whose <figcaption> the template set after the figure's own box)."""
    node = _outside_sources(img)
    for _ in range(settings.caption_after_levels):
        if node is None or node is stop:
            return None
        sibling = node.getnext()
        while sibling is not None and (not isinstance(sibling.tag, str) or _blank(sibling)):
            sibling = sibling.getnext()  # an empty box (an overlay, a spacer) is no block
        if sibling is not None:
            if (_is_caption(sibling) and sibling.find(".//img") is None
                    and _small(sibling, settings.max_loose_caption, settings)):
                return sibling
            return None  # something else follows the picture: the caption is not after it
        node = node.getparent()
    return None


def _blank(element: Element) -> bool:
    """An empty element: no children, no text (read without walking a large sibling)."""
    return not len(element) and not (element.text or "").strip()


def _lines_beside(holder: Element, settings: Settings) -> list[Element]:
    """A wrapper holding only the picture and, after it, one or two short lines of text
    (caption, then credit) that hold no link or paragraph: a figure in all but name, its
    classes hashed ("<div><picture/><div>Fans cheer</div><div>REUTERS</div></div>")."""
    parent = holder.getparent()
    if parent is None or (parent.text or "").strip() or len(parent) > settings.max_beside_children:
        return []
    children = [child for child in parent if isinstance(child.tag, str)]
    at = next((i for i, child in enumerate(children) if child is holder), None)
    if at is None or any(collapse(raw_text(child)) for child in children[:at]):
        return []
    lines = [child for child in children[at + 1:] if not _blank(child)]  # an empty credit slot
    if not 1 <= len(lines) <= settings.max_beside_lines or any((child.tail or "").strip()
                                                      for child in children):
        return []
    for line in lines:
        if ((line.tag in LOOSE_CAPTION_NOT and line.tag != "p")
                or not _small(line, settings.max_loose_caption, settings)
                or any(inner.tag not in INLINE_CAPTION_TAGS for inner in line.iterdescendants()
                       if isinstance(inner.tag, str))
                or not collapse(raw_text(line))):
            return []
    # Paragraphs beside a picture are story text unless a credit closes them: a second
    # line that reads as one, or the line's own last part ("<p>Fans cheer <span>AP</span>").
    paragraphs = any(line.tag == "p" for line in lines)
    if len(lines) == 2:
        last = collapse(raw_text(lines[1]))
        if _credit_like(last, settings):
            return lines
        # "<div>Sir Tony Blair at home</div><div>The London Standard</div>" under a
        # picture declared large: a short last line without a full stop is its credit.
        return lines if (not paragraphs and _declared_large(holder, settings)
                         and _short_credit_line(last, collapse(raw_text(lines[0])),
                                                settings)) else []
    inner_credit = _inner_credit(lines[0], settings)
    if inner_credit is not None:
        return [lines[0], inner_credit]
    caption, labelled = split_credit(raw_text(lines[0]))
    if caption and labelled:
        return lines  # "Crowds at the festival. Photo: Jo Park"
    return lines if not paragraphs and _declared_large(holder, settings) else []


def _short_credit_line(text: str, caption: str, settings: Settings) -> bool:
    return (2 <= len(text) <= settings.max_trailing_credit and len(text) < len(caption)
            and text[-1] not in SENTENCE_END and any(ch.isalpha() for ch in text))


def _inner_credit(line: Element, settings: Settings) -> Element | None:
    """The credit a caption line ends with, in its own inline element after the caption's
    text ("<p>Fans cheer <span>IMAGO/Jo Park</span></p>")."""
    children = [child for child in line if isinstance(child.tag, str)]
    if not children or not (line.text or "").strip():
        return None
    last = children[-1]
    if len(last) or (last.tail or "").strip() or last.tag not in TRAILING_CREDIT_TAGS:
        return None
    return last if _credit_like(collapse(raw_text(last)), settings) else None


def _credit_like(text: str, settings: Settings) -> bool:
    """A short line that reads as a credit: "REUTERS", "Getty Images", "Jo Park/AP"."""
    if not 2 <= len(text) <= settings.max_credit:
        return False
    return (text.isupper() or text.strip(" .()").casefold() in PICTURE_SOURCES
            or "/" in text or "©" in text or CREDIT_LEAD.search(text) is not None)


def _declared_large(holder: Element, settings: Settings) -> bool:
    """Whether the picture declares a story picture's width (an icon beside a line of
    text is no captioned picture)."""
    img = holder if holder.tag == "img" else next(holder.iter("img"), None)
    width = ((img.get("width") if img is not None else "") or "").strip().removesuffix("px")
    return width.isdigit() and int(width) >= settings.min_story_width


def _next_text_block(holder: Element, settings: Settings) -> tuple[Element, str] | None:
    """The element right after `holder` when it is a short text block without pictures."""
    sibling = holder.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext()
    if (sibling is None or sibling.tag in LOOSE_CAPTION_NOT or sibling.find(".//img") is not None
            or not _small(sibling, settings.max_loose_caption, settings)):
        return None
    value = collapse(raw_text(sibling))
    return (sibling, value) if value else None


def _is_caption(element: Element) -> bool:
    """A <figcaption> or an element named as a caption."""
    return element.tag == "figcaption" or bool(role_tokens(element) & CAPTION_TOKENS)


def _has_caption(node: Element) -> bool:
    return any(_is_caption(element) for element in node.iter())


def role_tokens(element: Element) -> frozenset[str]:
    """Class and id tokens, plus the words of the attributes templates use to name a
    part of a figure (data-component="Credit", data-qa="image-credit", itemprop), plus
    the last word of camelCase class names ("imageEmbedCaption" -> "caption")."""
    tokens = class_tokens(element)
    classes = element.get("class")
    if classes and not classes.islower():
        tokens = tokens | {word.lower() for word in CAMEL_TAIL.findall(classes)}
    for attribute in ROLE_ATTRIBUTES:
        value = element.get(attribute)
        if value:
            tokens = tokens | {t for t in TOKEN_SPLIT.split(value.lower()) if t}
    return tokens


def _is_credit(element: Element, caption: Element | None, settings: Settings) -> bool:
    tokens = role_tokens(element)
    if tokens & CREDIT_TOKENS:
        # A "credit-caption" wrapper holds both parts and is neither.
        return not (tokens & CAPTION_TOKENS and len(element))
    parent = element.getparent()
    if element.tag == "footer" and parent is not None and parent.tag == "figure":
        return len(raw_text(element)) <= settings.max_credit  # the figure's own footer
    # A <small> closing a caption is its credit ("... kitchen.</p><small>getty</small>").
    return (element.tag == "small" and caption is not None and element.getnext() is None
            and len(raw_text(element)) <= settings.max_credit)


def read_figure(figure: Element, img: Element, parts: list[tuple[Element, str]] | None,
                settings: Settings) -> tuple[str | None, str | None]:
    """Caption and credit of a figure. With `parts`, the elements they were read from are
    appended to it as (element, "caption" | "credit"), for explain()."""
    caption_parts: list[str] = []
    credit: str | None = None
    credit_elements: list[Element] = []
    caption_element = next((e for e in figure.iter("figcaption")), None)
    for element in figure.iter():
        if not isinstance(element.tag, str) or element is figure:
            continue
        if credit is None and _is_credit(element, caption_element, settings):
            credit = clean_credit(raw_text(element))
            credit_elements.append(element)
            if parts is not None:
                parts.append((element, "credit"))
    if credit is None:
        for holder in (figure, caption_element):
            for name, value in (holder.attrib.items() if holder is not None else ()):
                if "credit" in str(name) and str(value).strip():
                    credit = clean_credit(str(value))
                    break
    if credit is None and caption_element is not None:
        trailing = _trailing_credit(caption_element, settings)
        if trailing is not None:
            credit = clean_credit(raw_text(trailing))
            credit_elements.append(trailing)
            if parts is not None:
                parts.append((trailing, "credit"))
    if credit is None and figure.tag == "figure" and caption_element is not None:
        # Unnamed credit: a short line on the picture itself, beside its <figcaption>.
        overlay = _overlay_line(img, caption_element, settings)
        if overlay is not None:
            credit = clean_credit(raw_text(overlay))
            credit_elements.append(overlay)
            if parts is not None:
                parts.append((overlay, "credit"))
    for element in figure.iter():
        if not isinstance(element.tag, str):
            continue
        if _is_caption(element):
            if (any(e is element for e in credit_elements)
                    or _holds_caption(element, credit_elements)
                    or not raw_text(element).strip()):
                continue  # a credit, a wrapper ("credit-caption") of the caption, or an icon
            caption_parts.append(_text_without(element, credit_elements))
            if parts is not None:
                parts.append((element, "caption"))
            break
    caption = collapse(" ".join(caption_parts)) or None
    if credit is None:
        credit = _title_credit(img, caption, settings)
    if caption and credit and caption.endswith(credit) and len(caption) > len(credit):
        # The credit printed at the end of the caption's own text.
        caption = caption[: -len(credit)].strip() or None
    if caption and credit is None:
        caption, credit = split_credit(caption)
    elif caption:
        caption, _ = split_credit(caption)
    return caption, credit


def _trailing_credit(caption: Element, settings: Settings) -> Element | None:
    """The last of a caption's parts when it reads as a credit: templates with hashed
    class names print "<span>caption</span><span>Agency/Name</span>"."""
    children = [child for child in caption if isinstance(child.tag, str)]
    if len(children) < 2 or (caption.text or "").strip():
        return None
    last = children[-1]
    if len(last) or last.tag not in TRAILING_CREDIT_TAGS:
        return None
    text = collapse(raw_text(last))
    first = collapse(raw_text(children[0]))
    if (not 2 <= len(text) <= settings.max_trailing_credit or not first or len(first) <= len(text)
            or text[-1] in SENTENCE_END or not any(ch.isalpha() for ch in text)):
        return None
    return last


def _only_a_credit(caption: str) -> bool:
    """A "caption" that only names where the picture is from ("Reuters", "Getty Images")."""
    return caption.strip(" .()").casefold() in PICTURE_SOURCES


def _title_credit(img: Element, caption: str | None, settings: Settings) -> str | None:
    """A credit the picture's title adds to its alt or caption: "Fans cheer | Getty Images"."""
    title = collapse(img.get("title") or "")
    for known in (caption, collapse(img.get("alt") or "")):
        if known and len(title) > len(known) and title.startswith(known):
            tail = title[len(known):].strip()
            if tail[:1] in TITLE_CREDIT_SEPARATORS:
                credit = clean_credit(tail.lstrip("".join(TITLE_CREDIT_SEPARATORS)))
                if credit and len(credit) <= settings.max_credit:
                    return credit
    return None


def _overlay_line(img: Element, caption: Element, settings: Settings) -> Element | None:
    """The one text element next to the <img> (its wrapper's other child) when it is short
    enough for a credit: "Getty Images" set over the picture."""
    holder = img.getparent()
    if holder is None or holder is caption.getparent():
        return None
    lines = [child for child in holder if child is not img and isinstance(child.tag, str)
             and child.tag not in ("picture", "source", "noscript", "img")]
    if len(lines) != 1 or len(lines[0]):
        return None
    text = collapse(raw_text(lines[0]))
    if not 2 <= len(text) <= settings.max_credit or not any(ch.isalpha() for ch in text):
        return None
    return lines[0] if not CAPTION_TAIL.fullmatch(" " + text) else None


def _holds_caption(element: Element, credits: list[Element]) -> bool:
    """Whether a caption-named element holds another with text: then it is a wrapper
    of the caption, not the caption (an empty one holds an icon: "caption-header")."""
    return any(_is_caption(inner) and not any(inner is credit for credit in credits)
               and raw_text(inner).strip()
               for inner in element.iterdescendants() if isinstance(inner.tag, str))


def _text_without(element: Element, removed: list[Element]) -> str:
    if not removed:
        return raw_text(element)
    parts: list[str] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    skipped: Element | None = None
    for event, node in walker:
        if event == "start":
            if node is not element and any(node is r for r in removed):
                walker.skip_subtree()
                skipped = node
                continue
            if node.text and isinstance(node.tag, str):
                parts.append(node.text)
        else:
            if node is skipped:
                skipped = None
            if node is not element and node.tail:
                parts.append(node.tail)
    return " ".join(parts)


_NOT_STORY: Element = etree.Element("not-story")
"""_role_of's answer for a picture excluded whatever its caption."""


def find_images(scope: Element, base: str | None, excluded: Callable[[Element], bool],
                parts: list[tuple[Element, str]] | None, settings: Settings
                ) -> list[tuple[Element, Image]]:
    """Story pictures in `scope`, in page order, one per URL (`parts` as in read_figure)."""
    out: list[tuple[Element, Image]] = []
    seen: set[str] = set()
    for img in scope.iter("img"):
        if _too_small(img, settings):
            continue
        role = _role_of(img, scope, excluded, settings)
        if role is _NOT_STORY:
            continue
        url = image_url(img, base)
        if not url or url in seen or not_story_url(url, settings) or _named_asset(img):
            continue
        link = _link_target(img, base, settings)
        if link == LINK_SAME_SITE:
            continue
        figure = _figure_of(img, scope, settings)
        if role is not None and (figure is None or figure.tag != "figure"):
            continue  # a thumbnail's box in a template's card, not in a <figure>
        seen.add(url)
        caption = credit = None
        if figure is not None:
            caption, credit = read_figure(figure, img, parts, settings)
        if role is not None:
            if caption is None and (after := _caption_after(img, scope, settings)) is not None:
                caption, credit = read_figure(after, img, parts, settings)
            if caption is None:
                continue  # a thumbnail or an icon without a caption of its own
        if caption is None:
            loose, loose_credit = loose_caption(img, scope, parts, settings)
            caption, credit = loose or caption, credit or loose_credit
        if caption is None:
            after = _caption_after(img, scope, settings)
            if after is not None:
                named, named_credit = read_figure(after, img, parts, settings)
                caption, credit = named, credit or named_credit
        if credit is None:
            credit = _title_credit(img, caption, settings)
        if caption and PLAYER_MESSAGE.search(caption):
            continue  # a video player's stand-in, with its message as "caption"
        if caption and _only_a_credit(caption):
            caption, credit = None, credit or caption
        if link == LINK_OTHER_SITE and caption is None:
            continue  # an advert or a badge; a captioned picture may link to its source
        if (caption is None or _credit_like(caption, settings)) and _in_region(img, scope):
            continue  # a menu's, a related list's, an author box's picture (a captioned
            # one there is the story's, in a wrapper oddly named)
        alt = collapse(img.get("alt") or "") or None
        out.append((figure if figure is not None else img, Image(url, caption, credit, alt)))
    return out


def _named_asset(img: Element) -> bool:
    """A picture whose short alt text names it a logo, icon or avatar ("WABC logo",
    "author avatar image"); a photo's alt describes the scene."""
    words = (img.get("alt") or "").lower().split()
    return len(words) <= MAX_ASSET_ALT_WORDS and not NOT_STORY_FILE_WORDS.isdisjoint(
        word.strip(".,:;()") for word in words)


def not_story_url(url: str, settings: Settings) -> bool:
    """A design asset by its URL: a vector drawing, a file in a theme's or stylesheet's
    folder, a file named as an icon, logo or badge, or one the URL asks at icon size."""
    parts = urlsplit(url)
    path = parts.path.lower()
    if path.endswith(VECTOR_SUFFIXES):
        return True
    folders = path.split("/")[:-1]
    if any(folder in ASSET_FOLDERS or not ASSET_FOLDER_WORDS.isdisjoint(TOKEN_SPLIT.split(folder))
           for folder in folders):
        return True
    name = parts.path.rsplit("/", 1)[-1]
    if {word.lower() for word in FILE_NAME_WORDS.findall(name)} & NOT_STORY_FILE_WORDS:
        return True
    size = FILE_NAME_SIZE.search(name)
    if size and int(size.group("width")) < settings.min_story_width:
        return True  # "face_160x200.png", "photo-250x188.jpg": a headshot or a thumbnail
    for key, value in parse_qsl(parts.query):
        if key.lower() in SIZE_PARAMETERS and value.isdigit() and int(value) < settings.min_image_side:
            return True
    return False


def _link_target(img: Element, base: str | None, settings: Settings) -> str | None:
    """Where the link around a picture goes, when not to the picture's own file or to the
    story: another page of the site (a related item's or a promotion's thumbnail) or
    another site (an advert, a badge, or a picture credited by a link to its source)."""
    node = _outside_sources(img)
    for _ in range(settings.link_levels):
        if node is None:
            return None
        if node.tag == "a":
            href = (node.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:")) or base is None:
                return None
            target = urlsplit(absolute(href, base) or href)
            if target.path.lower().endswith(IMAGE_SUFFIXES):
                return None
            page = urlsplit(base)
            if _site(target.hostname) != _site(page.hostname):
                return LINK_OTHER_SITE
            if target.path.rstrip("/") == page.path.rstrip("/") or _picture_page(node, target.path, img):
                return None
            return LINK_SAME_SITE
        node = node.getparent()
    return None


def _picture_page(link: Element, path: str, img: Element) -> bool:
    """A link to the picture's own page, not to another story: marked as an attachment
    (rel="attachment"), or named by the id the picture's file is named by ("/photo/
    20241203-OYT1/" for "20241203-OYT1-1.jpg")."""
    if "attachment" in (link.get("rel") or "").lower().split():
        return True
    segment = path.rstrip("/").rsplit("/", 1)[-1]
    if len(segment) < MIN_PICTURE_PAGE_NAME:
        return False
    source = _usable(img.get("src")) or next(
        (url for url in (_usable(img.get(a)) for a in LAZY_SOURCES) if url), None)
    name = urlsplit(source).path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if source else ""
    # the file is the page's id and at most a rendition number: a story's slug that
    # the file name merely starts with ("common-wines" for "common-wines-400x300.jpg")
    # is another page
    return (name.startswith(segment) and any(ch.isdigit() for ch in segment)
            and not any(ch.isalpha() for ch in name[len(segment):]))


def _site(host: str | None) -> str:
    return (host or "").lower().removeprefix("www.")


def caption_copies(scope: Element, captions: list[str], settings: Settings) -> list[Element]:
    """Elements of `scope` whose whole text is one of the captions: the printed copy of a
    caption read from an attribute (a lightbox's data-caption)."""
    wanted = {collapse(c) for c in captions if len(c.split()) >= settings.min_copy_words}
    if not wanted:
        return []
    starts: dict[str, list[str]] = {}
    for caption in wanted:
        starts.setdefault(caption[:settings.copy_prefix], []).append(caption)
    out: list[Element] = []
    for element in scope.iter(*COPY_TAGS):
        head = collapse(element.text or "")[:settings.copy_prefix]
        if not head or head not in starts:
            continue
        text = collapse(raw_text(element))
        # the copy may carry the credit after the caption
        if any(text.startswith(c) and len(text) - len(c) <= settings.max_credit for c in starts[head]):
            out.append(element)
    return out


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
             settings: Settings) -> Element | None:
    """None for a picture in no excluded region and in no wrapper named as a design
    asset; else _NOT_STORY, or a wrapper (or the <img>) named only as a thumbnail or an
    icon: names templates also give a story picture's box ("thumb thumb16_9",
    "attachment-post-thumbnail", a lightbox link "icon maximize"), where a <figure> and
    its own caption tell it from a related item's thumbnail."""
    weak: Element | None = None
    node: Element | None = img
    while node is not None:
        if excluded(node):
            return _NOT_STORY
        tokens = class_tokens(node) & NOT_STORY_IMAGE
        if tokens and (node is img or len(raw_text(node)) <= settings.max_image_role_text):
            if not tokens <= WEAK_IMAGE_ROLES:
                return _NOT_STORY
            weak = node
        if node is scope:
            break
        node = node.getparent()
    return weak


def _in_region(img: Element, scope: Element) -> bool:
    """Whether the picture sits in a menu, a related list, an author box... of `scope`."""
    node = img.getparent()
    while node is not None and node is not scope:
        if node.tag not in PICTURE_PARTS:
            tokens = class_tokens(node)
            if (tokens & NOT_STORY_REGION and not tokens & STRONG_STORY_TOKENS
                    and _region_named(node)) or _region_role(node):
                return True
        node = node.getparent()
    return False
