"""Story pictures, with the caption split from its credit."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ..model import Image
from .metadata import absolute
from .patterns import (
    CAMEL_TAIL,
    CAPTION_TAIL,
    CAPTION_TOKENS,
    CREDIT_LEAD,
    CREDIT_PREFIX,
    CREDIT_TOKENS,
    FIGURE_TOKENS,
    LAZY_SOURCES,
    NOT_STORY_IMAGE,
    PAREN_CREDIT,
    PLACEHOLDER_SOURCE,
    ROLE_ATTRIBUTES,
    SRCSET_ATTRIBUTES,
    SRCSET_URL,
    TOKEN_SPLIT,
)
from .text import class_tokens, collapse, raw_text

__all__ = ["clean_credit", "find_images", "image_url", "read_figure", "split_credit"]

Element = etree._Element

MIN_IMAGE_SIDE = 100
"""Pictures declared smaller than this (icons, avatars, spacers) are not story pictures."""
FIGURE_LEVELS = 4
"""How far up from an <img> its figure (the element holding its caption) may be."""
MAX_IMAGE_ROLE_TEXT = 300
"""A name like "avatar" or "thumbnail" says what a picture is only on a wrapper with
little text: on one holding a story it names the post ("has-post-thumbnail")."""
MAX_CREDIT = 80
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
    sets = [img.get(a) or "" for a in SRCSET_ATTRIBUTES]
    picture = _picture_of(img)
    if picture is not None:
        sets += [source.get(a) or "" for source in picture.iter("source")
                 for a in SRCSET_ATTRIBUTES]
    best = _best_candidate(", ".join(s for s in sets if s.strip()))
    if best is None:
        best = next((url for url in (_usable(img.get(a)) for a in LAZY_SOURCES) if url), None)
    if best is None:
        best = _usable(img.get("src"))
    return absolute(best, base) if best else None


def _picture_of(img: Element) -> Element | None:
    """The <picture> of an <img>; the parser may nest its void <source>s, so the <img> can
    sit inside them."""
    node = img.getparent()
    while node is not None and node.tag == "source":
        node = node.getparent()
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


def _too_small(img: Element) -> bool:
    for attribute in ("width", "height"):
        value = (img.get(attribute) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < MIN_IMAGE_SIDE:
            return True
    return False


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


def _figure_of(img: Element, stop: Element) -> Element | None:
    node = img.getparent()
    level = 0
    while node is not None and level < FIGURE_LEVELS:
        if node.tag == "figure" or (role_tokens(node) & FIGURE_TOKENS and _has_caption(node)):
            return node
        if node is stop:
            break
        node = node.getparent()
        level += 1
    return None


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


def _is_credit(element: Element, caption: Element | None) -> bool:
    tokens = role_tokens(element)
    if tokens & CREDIT_TOKENS:
        # A "credit-caption" wrapper holds both parts and is neither.
        return not (tokens & CAPTION_TOKENS and len(element))
    # A <small> closing a caption is its credit ("... kitchen.</p><small>getty</small>").
    return (element.tag == "small" and caption is not None and element.getnext() is None
            and len(raw_text(element)) <= MAX_CREDIT)


def read_figure(figure: Element, img: Element,
                parts: list[tuple[Element, str]] | None = None) -> tuple[str | None, str | None]:
    """Caption and credit of a figure. With `parts`, the elements they were read from are
    appended to it as (element, "caption" | "credit"), for explain()."""
    caption_parts: list[str] = []
    credit: str | None = None
    credit_elements: list[Element] = []
    caption_element = next((e for e in figure.iter("figcaption")), None)
    for element in figure.iter():
        if not isinstance(element.tag, str) or element is figure:
            continue
        if credit is None and _is_credit(element, caption_element):
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
    if credit is None and figure.tag == "figure" and caption_element is not None:
        # Unnamed credit: a short line on the picture itself, beside its <figcaption>.
        overlay = _overlay_line(img, caption_element)
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
                    or _holds_caption(element, credit_elements)):
                continue  # a credit, or a wrapper ("credit-caption") of the caption
            caption_parts.append(_text_without(element, credit_elements))
            if parts is not None:
                parts.append((element, "caption"))
            break
    caption = collapse(" ".join(caption_parts)) or None
    if caption and credit and caption.endswith(credit) and len(caption) > len(credit):
        # The credit printed at the end of the caption's own text.
        caption = caption[: -len(credit)].strip() or None
    if caption and credit is None:
        caption, credit = split_credit(caption)
    elif caption:
        caption, _ = split_credit(caption)
    return caption, credit


def _overlay_line(img: Element, caption: Element) -> Element | None:
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
    if not 2 <= len(text) <= MAX_CREDIT or not any(ch.isalpha() for ch in text):
        return None
    return lines[0] if not CAPTION_TAIL.fullmatch(" " + text) else None


def _holds_caption(element: Element, credits: list[Element]) -> bool:
    return any(_is_caption(inner) and not any(inner is credit for credit in credits)
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


def find_images(scope: Element, base: str | None, excluded: Callable[[Element], bool],
                parts: list[tuple[Element, str]] | None = None) -> list[tuple[Element, Image]]:
    """Story pictures in `scope`, in page order, one per URL (`parts` as in read_figure)."""
    out: list[tuple[Element, Image]] = []
    seen: set[str] = set()
    for img in scope.iter("img"):
        if _too_small(img) or _in_excluded(img, scope, excluded):
            continue
        url = image_url(img, base)
        if not url or url in seen:
            continue
        seen.add(url)
        figure = _figure_of(img, scope)
        caption = credit = None
        if figure is not None:
            caption, credit = read_figure(figure, img, parts)
        alt = collapse(img.get("alt") or "") or None
        out.append((figure if figure is not None else img, Image(url, caption, credit, alt)))
    return out


def _in_excluded(img: Element, scope: Element, excluded: Callable[[Element], bool]) -> bool:
    node: Element | None = img
    while node is not None:
        if excluded(node) or (class_tokens(node) & NOT_STORY_IMAGE and (
                node is img or len(raw_text(node)) <= MAX_IMAGE_ROLE_TEXT)):
            return True
        if node is scope:
            return False
        node = node.getparent()
    return False
