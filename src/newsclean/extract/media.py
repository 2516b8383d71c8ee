"""Story pictures, with the caption split from its credit."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from ..model import Image
from .metadata import absolute
from .patterns import (
    ASSET_FOLDER_WORDS,
    ASSET_FOLDERS,
    BARE_CREDIT_LABEL,
    BARE_CREDIT_TAIL,
    CAMEL_TAIL,
    CAPTION_TAIL,
    CAPTION_TOKENS,
    CREDIT_ATTRIBUTE_WORDS,
    CREDIT_CLASS_PARTS,
    CREDIT_LEAD,
    CREDIT_MARKUP,
    CREDIT_PREFIX,
    CREDIT_SEPARATORS,
    CREDIT_SOURCES,
    CREDIT_TOKENS,
    DANGLING_LABEL,
    FIGURE_TOKENS,
    FILE_NAME_SIZE,
    FILE_NAME_WORDS,
    HEADING_TAGS,
    IMAGE_SUFFIXES,
    LAZY_SOURCE_NAME,
    LAZY_SOURCES,
    LOOSE_CAPTION_NOT,
    NAME_CONNECTORS,
    NAMING_LABEL,
    NOT_STORY_FILE_WORDS,
    NOT_STORY_IMAGE,
    NOT_STORY_REGION,
    PAREN_CREDIT,
    PICTURE_SOURCES,
    PLACEHOLDER_SOURCE,
    PLAYER_MESSAGE,
    ROLE_ATTRIBUTES,
    SIZE_PARAMETERS,
    SOURCE_IN_BRACKETS,
    SRCSET_SUFFIX,
    SRCSET_URL,
    STOCK_SOURCES,
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
LIGHTBOX_LEVELS = 2
"""A picture outside any figure takes an attribute credit from itself or this many wrappers."""
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
MAX_NAMES_CREDIT = 80
"""Names closing a caption without a label are a credit up to this length."""
MAX_CREDIT_WORDS = 10
"""... and up to this many words ("Jo Park/AFP via Getty Images" is seven)."""
MIN_CAPITALS_CREDIT = 3
"""A last sentence in capitals is an agency's credit from this length ("AFP", "REUTERS")."""
CAPTION_CREDIT_MARKS = " |/–—-·•,;(（"
"""Marks between a caption and the credit split from its end."""
CREDIT_OPENING_MARKS = " |/–—-·•,;:"
"""Marks left before a credit once its label is gone ("Foto: / Jo Park")."""
UNOPENED_CLOSES = (")", "）", ").", "）.")
"""A credit cut from inside brackets ends with the closing one ("... REUTERS).")."""
CLOSING_CREDIT_MARKS = ".!?|/–—-"
"""Caption text ending in one of these may be followed by its credit's names alone."""
CREDIT_CLEAN_ROUNDS = 4
"""Labels and brackets stack ("(Foto: © dpa)"): clean_credit peels up to this many layers."""
MAX_CREDIT_DEPTH = 6
"""A credit line sits at most this deep inside its figure."""


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
    picture = _picture_of(img)
    if single and not sets and picture is None and _plain_candidate(single):
        return absolute(single, base)  # its own only candidate: nothing to weigh
    if single:
        width = (img.get("width") or "").strip().removesuffix("px")
        sets.append(f"{single} {width}w" if width.isdigit() else f"{single} 1x")
    if picture is not None:
        sets += [value for source in picture.iter("source") for value in _srcsets(source)]
    best = _best_candidate(", ".join(s for s in sets if s.strip()))
    return absolute(best, base) if best else None


def _plain_candidate(url: str) -> bool:
    """A URL that a srcset reads back as itself: no space inside, no comma at either end."""
    return len(url.split(maxsplit=1)) == 1 and not url.startswith(",") and not url.endswith(",")


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
    if "<" in text:
        text = CREDIT_MARKUP.sub(" ", text)
    text = collapse(text)
    if not text:
        return None, None
    match = PAREN_CREDIT.search(text) or _source_in_brackets(text)
    label = CREDIT_LEAD.search(text, 1, match.start()) if match else None
    if match and label is None:  # else the bracket belongs to a credit begun before it
        caption = text[: match.start()].strip()
        return caption or None, clean_credit(match.group("credit"), bare=True)
    lead = CREDIT_LEAD.match(text)
    if lead:
        # A label opening the text: the whole text is a credit ("Foto: Jo Park, dpa"), or
        # the label names the picture ("Image: Waves break ...", often screen-reader text)
        # and the credit is a later label, if any.
        rest = lead.group("credit")
        naming = NAMING_LABEL.match(lead.group("lead")) is not None
        if rest and (_names_only(rest) or " " not in rest
                     or (not naming and len(rest) <= MAX_NAMES_CREDIT)):
            return None, clean_credit(rest)
        text = CREDIT_PREFIX.sub("", text, count=1)
    text = DANGLING_LABEL.sub("", CAPTION_TAIL.sub("", text))
    match = CREDIT_LEAD.search(text)
    if match:
        caption = text[: match.start()].strip()
        credit = clean_credit(match.group("credit"))
    else:
        caption, credit = _credit_trailer(text)
    if credit:
        # The mark printed between the two parts ("Lee Elder. | © Jo Park") is neither.
        caption = caption.rstrip(CAPTION_CREDIT_MARKS)
    return caption or None, credit


def _source_in_brackets(text: str) -> re.Match[str] | None:
    """A picture source alone in brackets closing the caption: "... the old town (Pixabay)"."""
    if not text.endswith((")", "）")):
        return None
    match = SOURCE_IN_BRACKETS.search(text)
    return match if match and _source_line(match.group("credit"), capitals=False) else None


def _credit_trailer(text: str) -> tuple[str, str | None]:
    """A credit closing a caption without a label: as a bare label ("... Bild Jo Park"),
    as the last sentence when that is a picture source or names with a slash ("... the
    lodge. Supplied", "... Hampshire. Jo Park / Forum"), or after a separator ("Fans cheer
    | Jo Park/Getty Images", "... Palma / Jo Park")."""
    bare = BARE_CREDIT_TAIL.search(text)
    if bare and bare.group("credit")[0].isupper() and _names_only(bare.group("credit")):
        return text[: bare.start()].strip(), clean_credit(bare.group("credit"))
    for end in SENTENCE_END:
        caption, found, tail = text.rpartition(f"{end} ")
        tail = tail.strip()
        if found and caption.strip() and (_source_line(tail)
                                          or ("/" in tail and _capitalised_words(tail))):
            return f"{caption}{end}".strip(), clean_credit(tail)
    for separator in CREDIT_SEPARATORS:
        caption, found, tail = text.rpartition(f" {separator} ")
        tail = tail.strip()
        if (found and caption.strip() and _names_only(tail)
                and (separator != "/" or len(caption) > len(tail))):
            return caption.strip(), clean_credit(tail)
    return text, None


def _names_only(text: str) -> bool:
    """Whether `text` reads as a credit's names and agencies, not as a sentence: a picture
    source, or a few words, each capitalised, a connector ("van", "via", "for") or holding
    a slash ("Jo Park/AP", "Renata Novak, Seznam Zprávy", "Lorenzo Marina")."""
    return _source_line(text) or _capitalised_words(text)


def _capitalised_words(text: str) -> bool:
    text = text.strip()
    if not 2 <= len(text) <= MAX_NAMES_CREDIT or text[-1] in SENTENCE_END:
        return False
    words = text.replace(",", " ").replace("/", " / ").split()
    if not words or len(words) > MAX_CREDIT_WORDS:
        return False
    capitalised = 0
    for word in words:
        first = word.lstrip("(\"'“‘")[:1]
        if word.casefold() in NAME_CONNECTORS:
            continue
        if not first or (first.isalpha() and not first.isupper()):
            return False
        capitalised += first.isupper()
    return capitalised >= 1


def _source_line(text: str, capitals: bool = True) -> bool:
    """A short line that can only be a credit: a picture source ("Supplied", "Getty
    Images"), names ending in a stock agency ("Jo Park/AFP via Getty Images") or, with
    `capitals`, a line in capitals ("AFP/JO PARK")."""
    text = text.strip()
    folded = text.strip(" .()").casefold()
    if not folded or len(folded) > MAX_NAMES_CREDIT or text[-1] in SENTENCE_END:
        return False
    if folded in CREDIT_SOURCES or (capitals and text.isupper()
                                     and len(folded) >= MIN_CAPITALS_CREDIT
                                     and any(ch.isalpha() for ch in folded)):
        return True
    return (any(folded.endswith((f" {source}", f"/{source}")) for source in STOCK_SOURCES)
            and _capitalised_words(text))


def clean_credit(text: str, bare: bool = False) -> str | None:
    """The credit as shown, without its labels, brackets or separators ("Foto: © dpa" ->
    "dpa"). With `bare`, a label without a colon goes too ("Photo AFP" -> "AFP")."""
    if "<" in text:
        text = CREDIT_MARKUP.sub(" ", text)
    text = collapse(text)
    labelled = False
    for _ in range(CREDIT_CLEAN_ROUNDS):
        before = text
        if text[:1] in "(（" and text[-1:] in ")）":
            text = text[1:-1].strip()
        unlabelled = CREDIT_PREFIX.sub("", text, count=1)
        if unlabelled == text and bare and not labelled:
            unlabelled = BARE_CREDIT_LABEL.sub("", text, count=1)
        labelled = labelled or unlabelled != text
        text = unlabelled.strip().lstrip(CREDIT_OPENING_MARKS).strip()
        if text.endswith(UNOPENED_CLOSES) and not any(ch in text for ch in "(（"):
            text = text.rstrip(".").strip()[:-1].strip()
        if text == before:
            break
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
    if tokens & CREDIT_TOKENS or (_class_credit(element) and element.find(".//img") is None
                                  and not _has_caption(element)):
        # A "credit-caption" wrapper holds both parts and is neither.
        return not (tokens & CAPTION_TOKENS and len(element))
    parent = element.getparent()
    if element.tag == "footer" and parent is not None and parent.tag == "figure":
        return len(raw_text(element)) <= settings.max_credit  # the figure's own footer
    if (_marked_credit(element, settings) or _labelled_credit(element, settings)
            or _unnamed_credit(element, settings)):
        return True
    # A <small> closing a caption is its credit ("... kitchen.</p><small>getty</small>").
    return (element.tag == "small" and caption is not None and element.getnext() is None
            and len(raw_text(element)) <= settings.max_credit)


def _unnamed_credit(element: Element, settings: Settings) -> bool:
    """A short line of its own in the figure, outside its caption, that can only be a
    credit: "<p>Jo Park/AP</p>", "<span>© Getty Images</span>", "<div>REUTERS</div>"."""
    if len(element) or element.tag not in TRAILING_CREDIT_TAGS or _is_caption(element):
        return False
    text = collapse(element.text or "")
    if not 2 <= len(text) <= settings.max_credit or not (
            _source_line(text, capitals=False) or text.startswith(("©", "(c)", "(C)"))
            or ("/" in text and _capitalised_words(text))):
        return False
    return not any(_is_caption(above) or above.tag == "figure"
                   for above in _ancestors_to_figure(element))


def _ancestors_to_figure(element: Element) -> list[Element]:
    """The element's ancestors up to and without its <figure> (or the whole chain)."""
    out: list[Element] = []
    above = element.getparent()
    while above is not None and above.tag != "figure" and len(out) < MAX_CREDIT_DEPTH:
        out.append(above)
        above = above.getparent()
    return out


def _class_credit(element: Element) -> bool:
    """A class or id that names a credit inside a longer word ("imgCopyright",
    "mediacredit", "foto-fotograf")."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(part in names for part in CREDIT_CLASS_PARTS)


def _marked_credit(element: Element, settings: Settings) -> bool:
    """A short text element whose attribute names it a credit, with or without a value:
    <span data-aida-captionauthor> / Jo Park</span>, <p data-credit>Jo Park</p>."""
    if not any(word in str(name).lower() for name in element.attrib
               for word in CREDIT_ATTRIBUTE_WORDS) or _has_caption(element):
        return False  # a caption carrying its credit in an attribute is still the caption
    text = collapse(raw_text(element))
    return bool(text) and len(text) <= settings.max_credit and element.find(".//img") is None


def _labelled_credit(element: Element, settings: Settings) -> bool:
    """A short element, not a caption, whose text is a credit label and names: "<span>Foto:
    Jo Park, dpa</span>" beside a <figcaption> in a template with hashed class names."""
    if _is_caption(element) or (not (element.text or "").strip() and (
            not len(element) or not (element[0].text or "").strip())):
        return False  # the label opens the element's own text or its first child's
    text = collapse(raw_text(element))
    match = CREDIT_LEAD.match(text) if len(text) <= settings.max_credit else None
    return (match is not None and element.find(".//img") is None
            and not _has_caption(element) and _names_only(match.group("credit")))


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
        credit = _attribute_credit((figure, caption_element, img, *_ancestors_to_figure(img)),
                                   settings)
    if credit is None and caption_element is not None:
        trailing = _trailing_credit(caption_element, settings)
        if trailing is not None:
            credit = clean_credit(trailing.tail or "" if trailing.tag == "br"
                                  else raw_text(trailing))
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
    if caption and credit_elements:
        caption = caption.rstrip(CAPTION_CREDIT_MARKS) or None  # "Fans cheer | <credit>"
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
    if (caption.text or "").strip() or len(children) == 1:
        return _closing_credit(caption, settings)
    if len(children) < 2:
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


def _closing_credit(caption: Element, settings: Settings) -> Element | None:
    """An inline element closing the caption's text after a sentence or a separator, with
    names only: "<figcaption>Fans cheer. <em>Jo Park</em></figcaption>" (also inside the
    caption's one paragraph)."""
    holder = caption
    if len(caption) == 1 and not (caption.text or "").strip() and len(caption[0]):
        holder = caption[0]
    children = [child for child in holder if isinstance(child.tag, str)]
    if not children:
        return None
    last = children[-1]
    if holder is not caption and (holder.tail or "").strip():
        return None
    if last.tag == "br":  # "Fans cheer in Paris<br>Jo Park": the line after the break
        text = collapse(last.tail or "")
        before = collapse(_text_without(holder, [last])[: -len(last.tail or "") or None])
    elif len(last) or last.tag not in TRAILING_CREDIT_TAGS or (last.tail or "").strip():
        return None
    else:
        text = collapse(last.text or "")
        before = collapse(_text_without(holder, [last]))
    if (not 2 <= len(text) <= settings.max_trailing_credit or len(before) <= len(text)
            or not _names_only(text)):
        return None
    strong = _source_line(text, capitals=False) or "/" in text or text.startswith("©")
    return last if strong or before[-1] in CLOSING_CREDIT_MARKS else None


def _only_a_credit(caption: str) -> bool:
    """A "caption" that only names where the picture is from ("Reuters", "Getty Images")."""
    return caption.strip(" .()").casefold() in CREDIT_SOURCES


def _title_credit(img: Element, caption: str | None, settings: Settings) -> str | None:
    """A credit the picture's title adds to its alt or caption ("Fans cheer | Getty
    Images"), a title that is only a credit ("© Reuters", "Foto: dpa"), or a credit the
    picture's attributes give (data-credit, data-copyright, data-photographer)."""
    title = collapse(img.get("title") or "")
    for known in (caption, collapse(img.get("alt") or "")):
        if known and len(title) > len(known) and title.startswith(known):
            tail = title[len(known):].strip()
            if tail[:1] in TITLE_CREDIT_SEPARATORS:
                credit = clean_credit(tail.lstrip("".join(TITLE_CREDIT_SEPARATORS)))
                if credit and len(credit) <= settings.max_credit:
                    return credit
    if title and len(title) <= settings.max_credit and (
            CREDIT_LEAD.match(title) or _source_line(title)):
        only, credit = split_credit(title)
        if only is None and credit:
            return credit
    return _attribute_credit((img, *_ancestors_to_figure(img)[:LIGHTBOX_LEVELS]), settings)


def _attribute_credit(holders: tuple[Element | None, ...], settings: Settings) -> str | None:
    """The first credit given as an attribute's value (data-credit="Jo Park/AP"), not
    markup, JSON or a URL."""
    for holder in holders:
        for name, value in (holder.attrib.items() if holder is not None else ()):
            text = collapse(str(value))
            if (text and len(text) <= settings.max_credit and text[0] not in "<{["
                    and "://" not in text
                    and any(word in str(name).lower() for word in CREDIT_ATTRIBUTE_WORDS)):
                return clean_credit(text)
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
    excluded_above: dict[Element, Element | None] = {}
    for img in scope.iter("img"):
        if _too_small(img, settings):
            continue
        role = _role_of(img, scope, excluded, settings, excluded_above)
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
