"""Text and tree helpers shared by the stages: whitespace, class tokens, block walking,
removing and unwrapping elements."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from itertools import pairwise

from lxml import etree

from ..decoding.tree import drop, set_tail, text_before
from .guards import COLLAPSE_CHUNK
from .patterns import (
    BLOCK_TAGS,
    BUILDER_WORDS,
    HIDDEN_LABEL_TOKENS,
    NEGATING_SUFFIXES,
    NEGATING_TOKENS,
    PERMALINK_MARKS,
    RESPONSIVE_PREFIXES,
    SCREEN_SIZES,
    STYLE_PREFIXES,
    TEXT_LEVEL_TAGS,
    TOKEN_SPLIT,
)
from .spans import Span, count_commas, element_span, is_deep

__all__ = [
    "ancestors_below",
    "class_tokens",
    "climb_finds",
    "collapse",
    "collapsed_length",
    "element_sibling",
    "element_text_length",
    "has_descendant",
    "holds_any",
    "in_deep_tree",
    "inside",
    "length_and_commas",
    "link_density",
    "measured_text",
    "names_hint",
    "own_link_density",
    "raw_text",
    "remove",
    "short_text",
    "stripped_length",
    "text_beside_paragraphs",
    "text_length",
    "text_pieces",
    "unwrap",
    "visible_text",
    "walk_blocks",
    "walk_segments",
    "within",
    "without_permalink",
]

Element = etree._Element


def collapse(text: str) -> str:
    """Runs of whitespace (non-breaking and zero-width included) -> one space, stripped."""
    # Every white space but the plain space, and the zero-width ones, are unprintable:
    # a printable text without two spaces in a row is collapsed once stripped (most
    # texts asked for are; splitting and joining their words costs several times more).
    if text.isprintable() and "  " not in text:
        return text.strip()
    # Looking is much cheaper than replacing nothing in a long non-ASCII text; an ASCII
    # one (known without a scan) holds neither.
    if not text.isascii():
        text = _without_zero_width(text)
    if len(text) <= COLLAPSE_CHUNK:
        return " ".join(text.split())
    out: list[str] = []
    space = False  # whitespace seen since the last word written
    for start in range(0, len(text), COLLAPSE_CHUNK):
        chunk = text[start:start + COLLAPSE_CHUNK]
        words = " ".join(chunk.split())
        if not words:
            space = True
            continue
        if out and (space or chunk[0].isspace()):
            out.append(" ")
        out.append(words)  # a word cut by the chunk boundary is rejoined: no space added
        space = chunk[-1].isspace()
    return "".join(out)


def class_tokens(element: Element) -> frozenset[str]:
    """Lower-case tokens of class and id, plus each value with separators removed
    ("article-body" -> {"article", "body", "articlebody"}); remembered per element
    within measured_text (the stages ask for the same elements' tokens again and again,
    and no stage changes a class or an id)."""
    state = _state.get()
    if state is None:
        return _class_tokens(element)
    known = state.tokens
    tokens = known.get(element)
    if tokens is None:
        tokens = known[element] = _class_tokens(element)
    return tokens


HINT_CACHE = 4096
"""Templates repeat their class names: each class and id pair is searched once per pattern."""


def names_hint(pattern: re.Pattern[str]) -> Callable[[str | None, str | None], bool]:
    """A test of whether a class and id pair, in lower case, holds what `pattern` looks
    for: a cheap look before tokenising them (class_tokens), for patterns every token of
    a set holds a piece of ("date|publish|…" for the date tokens). Each test remembers
    its own pairs (a cache keyed by the pattern would hash its compiled code each time)."""

    @lru_cache(maxsize=HINT_CACHE)
    def hints(raw: str | None, ident: str | None) -> bool:
        return pattern.search(f"{raw or ''} {ident or ''}".lower()) is not None

    return hints


def _class_tokens(element: Element) -> frozenset[str]:
    value = element.get("class")
    # Long ids of text-level elements are anchors made from their text
    # ("nav_nur_die_folie__1") and say nothing about the element's role; short ones
    # ("newsletter-teaser") do.
    ident = element.get("id")
    if ident and element.tag in TEXT_LEVEL_TAGS and len(TOKEN_SPLIT.split(ident)) > 2:
        ident = None
    # Apart: a class's tokens are remembered for every element it names, whatever its id.
    if not ident:
        return _tokens(value) if value else _EMPTY
    if not value:
        return _tokens(ident)
    return _tokens(value) | _tokens(ident)


_EMPTY: frozenset[str] = frozenset()


@lru_cache(maxsize=16384)
def _tokens(raw: str) -> frozenset[str]:
    values = raw.lower().split()
    if len(values) == 1:
        return _value_tokens(values[0])
    out: set[str] = set()
    for value in values:
        out.update(_value_tokens(value))
    return frozenset(out)


@lru_cache(maxsize=16384)
def _value_tokens(value: str) -> frozenset[str]:
    """The tokens of one lower-case class or id value: pages combine the same few values
    in many class attributes, so each is split once."""
    # A value of letters and digits alone (a lower-case ASCII one: [a-z0-9]) is its one
    # part: the split is spared.
    parts = [value] if value.isalnum() and value.isascii() else TOKEN_SPLIT.split(value)
    # Separators at either end leave an empty part there, and only there.
    if not parts[-1]:
        parts.pop()
    if parts and not parts[0]:
        del parts[0]
    if not parts:
        return _EMPTY
    if parts[-1] in NEGATING_SUFFIXES:
        return _EMPTY  # "sidebar-enabled--false": a switched-off feature names nothing
    first = parts[0]
    if first in STYLE_PREFIXES:
        return _EMPTY  # "overflow-hidden": a style, not a role
    if len(parts) == 1:
        return frozenset(parts)
    if first in RESPONSIVE_PREFIXES and parts[1] in SCREEN_SIZES:
        return _EMPTY  # "hidden-xs": shown on other screens
    out = {first, "".join(parts)}
    for before, part in pairwise(parts):
        if before not in NEGATING_TOKENS and (before, part) not in BUILDER_WORDS:
            out.add(part)
        # camelCase-free compounds: "story__body--wide" -> also "storybody"
        out.add(before + part)
    return frozenset(out)


def raw_text(element: Element) -> str:
    """All text below the element, as in the source: "".join(element.itertext()), which
    libxml2's serialiser builds several times faster (comments and processing
    instructions are left out by both)."""
    if not len(element) and isinstance(element.tag, str):
        # A leaf element's text is all of it: reading it costs a tenth of serialising.
        return element.text or ""
    # (encoding=str, not "unicode": lxml then skips comparing the name)
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def visible_text(element: Element, left_out: Iterable[Element] = ()) -> str:
    """raw_text less what only screen readers get ("<span class='visually-hidden'>
    Video</span>", a byline's hidden brand name), and less the `left_out` elements."""
    hidden = {node for node in element.iter()
              if isinstance(node.tag, str) and node.get("class")
              and class_tokens(node) & HIDDEN_LABEL_TOKENS}
    hidden.update(left_out)
    if not hidden:
        return raw_text(element)
    parts: list[str] = []

    def walk(node: Element) -> None:
        if node in hidden:
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


_PERMALINK_ENDS = tuple(PERMALINK_MARKS)


def without_permalink(text: str) -> str:
    """The line without the permalink signs ending it ("Session Objects¶"), and the
    space before them."""
    return text.rstrip(PERMALINK_MARKS).rstrip() if text.endswith(_PERMALINK_ENDS) else text


def text_pieces(element: Element) -> Iterator[str]:
    """element.itertext(), typed: the texts of a parsed HTML tree are str."""
    for piece in element.itertext():
        yield piece if isinstance(piece, str) else piece.decode()


def inner_text(element: Element) -> str:
    return collapse(raw_text(element))


def text_beside_paragraphs(paragraph: Element) -> tuple[str, int]:
    """The text of a paragraph that holds paragraphs (markup left open, "<p>…<span><p>…"),
    outside them, and how many of its characters sit in links: a walk of its subtree that
    passes the paragraphs inside by. Each of them is read on its own: every paragraph of
    such a page read whole would cost the square of its text."""
    texts: list[str] = []
    linked = 0
    for _, text, in_links in walk_segments(paragraph, _is_paragraph):
        texts.append(text)
        linked += in_links
    return " ".join(texts), linked


def _is_paragraph(element: Element) -> bool:
    return element.tag == "p"


def _without_zero_width(text: str) -> str:
    """The text without the ZERO_WIDTH characters (spans.py), which collapse drops."""
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    return text


def text_length(text: str) -> int:
    """len(collapse(text)), without building the folded string."""
    if "  " in text or "\n" in text or "\t" in text or (
            not text.isascii() and ("\xa0" in text or "\u200b" in text)):
        # Something folds: collapse's shortcut (a printable text without two spaces in
        # a row) cannot apply, and the words joined by single spaces are only counted.
        if len(text) > COLLAPSE_CHUNK:
            return len(collapse(text))
        if not text.isascii():
            text = _without_zero_width(text)
        words = text.split()
        return sum(map(len, words)) + len(words) - 1 if words else 0
    return len(text.strip())


class _Measured:
    """What measured_text remembers: on a deep tree each element's span, on another its
    text_length and collapsed length (read from its text, the stages ask for the same
    elements' again: a link's for each block around it); class tokens on either."""

    __slots__ = ("collapsed", "lengths", "spans", "tokens")

    def __init__(self, deep: bool) -> None:
        self.spans: dict[Element, Span] | None = {} if deep else None
        self.lengths: dict[Element, int] = {}
        self.collapsed: dict[Element, int] = {}
        self.tokens: dict[Element, frozenset[str]] = {}


_state: ContextVar[_Measured | None] = ContextVar("measured", default=None)


@contextmanager
def measured_text(root: Element) -> Iterator[None]:
    """Within: class_tokens are remembered per element, and element text lengths until
    remove or unwrap changes the element's text."""
    token = _state.set(_Measured(is_deep(root)))
    try:
        yield
    finally:
        _state.reset(token)


def _forget(element: Element) -> None:
    state = _state.get()
    if state is None:
        return
    measures = state.spans
    if measures is None:
        lengths, collapsed = state.lengths, state.collapsed
        if lengths or collapsed:
            # Each ancestor's text holds the element's (a shallow tree: a short climb).
            node: Element | None = element
            while node is not None:
                lengths.pop(node, None)
                collapsed.pop(node, None)
                node = node.getparent()
        return
    # Measured elements have measured descendants: the climb stops at the first unknown.
    node = element
    while node is not None and measures.pop(node, None) is not None:
        node = node.getparent()


def element_text_length(element: Element) -> int:
    """text_length(raw_text(element)), remembered within measured_text."""
    state = _state.get()
    if state is None:
        return text_length(raw_text(element))
    measures = state.spans
    if measures is None:
        lengths = state.lengths
        length = lengths.get(element)
        if length is None:
            length = lengths[element] = text_length(raw_text(element))
        return length
    span = element_span(element, measures)
    return span[6] if span[3] else _stripped(span)


def collapsed_length(element: Element) -> int:
    """len(collapse(raw_text(element))), remembered within measured_text."""
    state = _state.get()
    if state is None:
        return len(collapse(raw_text(element)))
    measures = state.spans
    if measures is None:
        known = state.collapsed
        length = known.get(element)
        if length is None:
            length = known[element] = len(collapse(raw_text(element)))
        return length
    return element_span(element, measures)[6]


def stripped_length(element: Element) -> int:
    """len(raw_text(element).strip()); on a deep tree measured from the children's."""
    state = _state.get()
    if state is None or state.spans is None:
        return len(raw_text(element).strip())
    return _stripped(element_span(element, state.spans))


def _stripped(span: Span) -> int:
    """The length of a span's text without its leading and trailing white space."""
    return span[0] - span[1] - span[2] if span[1] < span[0] else 0


def in_deep_tree() -> bool:
    """Whether the page measured (measured_text) is a deep tree, whose elements' texts
    are measured from their children's rather than read whole."""
    state = _state.get()
    return state is not None and state.spans is not None


def short_text(element: Element, limit: int) -> str | None:
    """collapse(raw_text(element)) if collapsed_length(element) <= limit, else None; the
    text is read once (on a deep tree, only when short: a wrapper may hold the page)."""
    state = _state.get()
    if state is not None and state.spans is not None:
        if element_span(element, state.spans)[6] > limit:
            return None
        return collapse(raw_text(element))
    if state is not None:
        known = state.collapsed.get(element)
        if known is not None and known > limit:
            return None
    text = collapse(raw_text(element))
    if state is not None:
        state.collapsed[element] = len(text)
    return text if len(text) <= limit else None


def length_and_commas(element: Element, shortest: int = 0) -> tuple[int, int | None]:
    """(element_text_length(element), element_commas(element)), the text read once; the
    commas None, uncounted, when the length is under `shortest` (the scoring passes
    such elements by: most are menu items)."""
    state = _state.get()
    if state is None or state.spans is not None:
        return element_text_length(element), element_commas(element)
    lengths = state.lengths
    length = lengths.get(element)
    if length is not None and length < shortest:
        return length, None  # known short: the text need not be read
    text = raw_text(element)
    if length is None:
        length = lengths[element] = text_length(text)
    if length < shortest:
        return length, None
    return length, (count_commas(text) if text else None)


def element_commas(element: Element) -> int | None:
    """count_commas(raw_text(element)), None when the element holds no text at all;
    remembered within measured_text."""
    state = _state.get()
    if state is None or state.spans is None:
        text = raw_text(element)
        return count_commas(text) if text else None
    span = element_span(element, state.spans)
    return span[9] if span[0] else None


def link_text_length(element: Element) -> int:
    """The summed element_text_length of the element's links (and its own, if a link)."""
    state = _state.get()
    if state is None or state.spans is not None:
        return sum(element_text_length(a) for a in element.iter("a"))
    # element_text_length inlined for a shallow tree: a candidate holds hundreds of links.
    lengths = state.lengths
    total = 0
    for anchor in element.iter("a"):
        length = lengths.get(anchor)
        if length is None:
            length = lengths[anchor] = text_length(raw_text(anchor))
        total += length
    return total


def own_link_density(element: Element, length: int) -> float:
    """Share of a block's own text (as walk_blocks yields it) that sits in links: links
    inside nested blocks belong to those blocks."""
    if length == 0:
        return 0.0
    linked = 0
    for anchor in element.iter("a"):
        holder = anchor.getparent()
        while holder is not None and holder is not element and holder.tag not in BLOCK_TAGS:
            holder = holder.getparent()
        if holder is element:
            linked += element_text_length(anchor)
    return min(1.0, linked / length)


def link_density(element: Element, length: int | None = None) -> float:
    """Share of the element's text that sits in links."""
    if length is None:
        length = element_text_length(element)
    if length == 0:
        return 1.0 if any(True for _ in element.iter("a")) else 0.0
    return min(1.0, link_text_length(element) / length)


def walk_blocks(container: Element, skip: Callable[[Element], bool]
                ) -> Iterator[tuple[Element, str]]:
    """Yield (block element, its own text) in document order.

    A block's own text is its text and that of its inline descendants; nested blocks
    yield separately, so "<div>a <p>b</p> c</div>" gives "a", "b", "c". Subtrees for
    which `skip` is true are left out whole. <br> separates lines inside a block by a
    space, as whitespace collapsing would anyway.
    """
    for element, text, _ in walk_segments(container, skip):
        yield element, text


def walk_segments(container: Element, skip: Callable[[Element], bool]
                  ) -> Iterator[tuple[Element, str, int]]:
    """walk_blocks, with the number of characters of each text that sit in links
    opened inside that block (a block nested in a link is not link text of its own, as
    link_density would not count it either)."""
    # Per open block: its text parts, and [characters in links, links open]; `parts`
    # and `links` are those of the innermost open block (held apart: read per text).
    stack: list[tuple[Element, list[str], list[int]]] = []
    parts: list[str] = []
    links = [0, 0]
    skipped: Element | None = None
    # Open links, innermost last. An element's end is told apart by identity (the
    # innermost open block or link), not by reading its tag again.
    anchors: list[Element] = []
    walker = etree.iterwalk(container, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            tag = element.tag
            if not isinstance(tag, str):
                # comments and processing instructions: only their tail is text
                text = element.tail
                if text and stack:
                    parts.append(text)
                    if links[1] > 0:
                        links[0] += text_length(text)
                continue
            if element is not container and skip(element):
                walker.skip_subtree()
                skipped = element
                continue
            if tag in BLOCK_TAGS or element is container:
                if parts:
                    text = _block_text(parts)
                    if text:
                        yield stack[-1][0], text, links[0]
                    parts.clear()
                    links[0] = 0
                parts = []
                links = [0, 0]
                stack.append((element, parts, links))
            if tag == "a":
                links[1] += 1
                anchors.append(element)
            elif tag == "br":
                parts.append(" ")
            text = element.text
            if text:
                parts.append(text)
                if links[1] > 0:
                    links[0] += text_length(text)
        else:
            if element is skipped:
                # Its subtree is left out; its tail still belongs to the enclosing block.
                skipped = None
            elif element is stack[-1][0]:
                block, done, counts = stack.pop()
                if done:
                    text = _block_text(done)
                    if text:
                        yield block, text, counts[0]
                if not stack:
                    return  # the container's end
                _, parts, links = stack[-1]
            elif anchors and element is anchors[-1]:
                anchors.pop()
                links[1] -= 1
            text = element.tail
            if text:
                parts.append(text)
                if links[1] > 0:
                    links[0] += text_length(text)


def _block_text(parts: list[str]) -> str:
    """collapse("".join(parts)), without the call for the many blocks that hold only
    the whitespace between their child blocks (str.split and isspace agree on it)."""
    joined = "".join(parts)
    return "" if not joined or joined.isspace() else collapse(joined)


def remove(element: Element) -> None:
    """Remove an element but keep its tail text in the tree (`decoding.tree.drop`), and
    forget what was remembered of its text."""
    if element.getparent() is None:
        return
    _forget(element)
    drop(element)


def unwrap(element: Element) -> None:
    """Replace an element by its content (text, children, tail)."""
    parent = element.getparent()
    if parent is None:
        return
    _forget(element)
    if element.text:
        text_before(element, element.text)
    children = list(element)
    tail = element.tail
    if children:
        last = children[-1]
        set_tail(last, (last.tail or "") + (tail or ""))
    elif tail:
        text_before(element, tail)
    element.tail = None
    # Each child set before the element, in order: inserting at an index walks the
    # parent's children to it, which on a wrapper of thousands costs their square.
    for child in children:
        element.addprevious(child)
    parent.remove(element)


def ancestors_below(element: Element, top: Element) -> list[Element]:
    """The element's ancestors below `top` (all of them when `top` is none of them)."""
    out: list[Element] = []
    node = element.getparent()
    while node is not None and node is not top:
        out.append(node)
        node = node.getparent()
    return out


def within(element: Element, ancestor: Element) -> bool:
    """Whether `ancestor` is an ancestor of the element (the element itself is not)."""
    node = element.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def element_sibling(node: Element, *, before: bool) -> Element | None:
    """The nearest element before (or after) the node among its siblings, past comments
    (a step at a time: cheaper than an iterator made for the one element most want)."""
    sibling = node.getprevious() if before else node.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getprevious() if before else sibling.getnext()
    return sibling


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text in lower case holds one of `words` (lower-case ASCII), or is not
    ASCII: an exact first test for a case-insensitive regex each of whose matches holds
    one of the words, many times cheaper than its search (outside ASCII, case folding
    maps other letters onto ASCII ones: "ı", "ſ", the Kelvin sign)."""
    if not text.isascii():
        return True
    low = text.lower()
    for word in words:  # noqa: SIM110 (a loop: any() would build a generator per call)
        if word in low:
            return True
    return False


def climb_finds(element: Element | None, stop: Element, known: dict[Element, bool],
                test: Callable[[Element], bool]) -> bool:
    """Whether `test` holds for the element or an ancestor below `stop`. Each element
    climbed through keeps its answer in `known`, for later climbs from below it: the
    pictures of one scope share their wrappers, and where wrappers are left open every
    picture is inside all those above."""
    climbed: list[Element] = []
    found = False
    node = element
    while node is not None and node is not stop:
        remembered = known.get(node)
        if remembered is not None:
            found = remembered
            break
        climbed.append(node)
        if test(node):
            found = True
            break
        node = node.getparent()
    for node in climbed:
        known[node] = found
    return found


def has_descendant(element: Element, tag: str) -> bool:
    """element.find(".//tag") is not None, without ElementPath's Python steps (nor an
    iterator for an element without children)."""
    return len(element) > 0 and next(element.iterdescendants(tag), None) is not None


def inside(element: Element, tags: frozenset[str]) -> bool:
    """Whether an ancestor of the element has one of these tags (a menu, a footer)."""
    node = element.getparent()
    while node is not None:
        if node.tag in tags:
            return True
        node = node.getparent()
    return False
