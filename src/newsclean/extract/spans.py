"""Text figures of an element measured from its children's, for deep trees: nested,
unclosed markup puts most of the page below thousands of elements, and reading each
element's text whole would cost the page's length again at every level."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

__all__ = ["CACHED_TEXT", "DEEP_TREE", "NO_SPAN", "SPAN_CACHE", "ZERO_WIDTH", "Span",
           "count_commas", "element_span", "is_deep", "join_spans", "span_of"]

Element = etree._Element


# What text_length and collapse need to know of a text, so that the figures of a
# concatenation follow from its parts: (length, leading and trailing whitespace, whether
# text_length folds it, starts and ends with a space, collapsed length, collapsed text
# starts and ends with whitespace, commas). Nested, unclosed markup puts most of the page below
# thousands of elements; measured from its children each element costs its own text only.
Span = tuple[int, int, int, bool, bool, bool, int, bool, bool, int]
NO_SPAN: Span = (0, 0, 0, False, False, False, 0, False, False, 0)
SPAN_CACHE = 4096
CACHED_TEXT = 64
"""Only short texts are kept in the cache (its memory stays small)."""
ZERO_WIDTH = ("\u200b", "\ufeff")
"""The zero-width space and the byte-order mark: collapse drops them (str.split does not
take them for white space), joining the pieces of a word around them. (_text_span and
text._without_zero_width, called for most texts, spell them out: a loop over this costs
them more than the look itself.)"""


def span_of(text: str | None) -> Span:
    if not text:
        return NO_SPAN
    return _text_span(text) if len(text) > CACHED_TEXT else _cached_span(text)


@lru_cache(maxsize=SPAN_CACHE)  # indentation and one-word texts repeat across a page
def _cached_span(text: str) -> Span:
    return _text_span(text)


def _text_span(text: str) -> Span:
    size = len(text)
    rest = text.lstrip()
    lead = size - len(rest)
    trail = size - len(text.rstrip()) if rest else size
    folds = ("  " in text or "\n" in text or "\t" in text or "\xa0" in text
             or "\u200b" in text)
    commas = count_commas(text)
    bare = text
    if "\u200b" in bare:
        bare = bare.replace("\u200b", "")
    if "\ufeff" in bare:
        bare = bare.replace("\ufeff", "")
    if not bare:
        return (size, lead, trail, folds, False, False, 0, False, False, commas)
    words = bare.split()
    collapsed = sum(map(len, words)) + len(words) - 1 if words else 0
    return (size, lead, trail, folds, text[0] == " ", text[-1] == " ", collapsed,
            bare[0].isspace(), bare[-1].isspace(), commas)


def join_spans(a: Span, b: Span) -> Span:
    if not a[0]:
        return b
    if not b[0]:
        return a
    lead = a[1] if a[1] < a[0] else a[0] + b[1]
    trail = b[2] if b[2] < b[0] else b[0] + a[2]
    words = a[6] + b[6] + (1 if a[6] and b[6] and (a[8] or b[7]) else 0)
    return (a[0] + b[0], lead, trail, a[3] or b[3] or (a[5] and b[4]), a[4], b[5], words,
            a[7] if a[6] else a[7] or b[7], b[8] if b[6] else b[8] or a[8], a[9] + b[9])


def element_span(element: Element, measures: dict[Element, Span]) -> Span:
    known = measures.get(element)
    if known is not None:
        return known
    if not len(element):
        known = measures[element] = span_of(element.text)
        return known
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if node in measures:
            if event == "start":
                walker.skip_subtree()
            continue
        if event == "end":
            span = span_of(node.text)
            for child in node:  # each child's own end came first
                if isinstance(child.tag, str):
                    span = join_spans(span, measures[child])
                span = join_spans(span, span_of(child.tail))
            measures[node] = span
    return measures[element]


DEEP_TREE = 64
"""Trees at least this deep have their text lengths remembered: walking the tree in Python
costs more than libxml2 reading the text again, unless nesting makes each reading long."""


# A path DEEP_TREE elements long from the element itself: libxml2 follows it level by
# level, four times faster than walking the tree in Python (with each element's proxy
# already made).
_DEEP_PATH = etree.XPath("boolean(self::*" + "/*" * (DEEP_TREE - 1) + ")")


def is_deep(root: Element) -> bool:
    """Whether an element lies DEEP_TREE levels down (the root being the first)."""
    return bool(_DEEP_PATH(root))


def count_commas(text: str) -> int:
    """Latin, CJK and Arabic commas (spelt out: four counts beat a loop over them)."""
    return text.count(",") + text.count("，") + text.count("、") + text.count("،")
