"""How sure the engine is of its story text, from signals it already has at hand.

Each signal is a score in [0, 1] (1: nothing wrong seen); the confidence is the lowest
of them, and every signal under 1 leaves a reason. The signals:
  - coverage: the story's words against the words of the page's <p> elements (a story
    of 20 words on a page holding 900 words of paragraphs is a story missed);
  - page: the story's words against all the words of the page (menus included), for
    pages that hold their text outside <p> elements;
  - legal: the share of the story's words in lines that read as a footer or small print
    (copyright, terms, a street address);
  - json-ld: the share of the JSON-LD `articleBody` words that the story also has, when
    the page gives a body long enough to compare;
  - headline: the story's first paragraph far below the headline in the page's source;
  - lines: the story's median paragraph of a word or two (a list without its titles);
  - links: the share of the story blocks' text that sits in links (a list of links to
    other pages, such as a "more on this topic" block, taken for the page's own text).
All are linear in the page; none parses anything again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .context import Context, Element
from .metadata import ld_text
from .patterns import is_legal
from .text import (
    element_text_length,
    has_descendant,
    link_text_length,
    raw_text,
    text_beside_paragraphs,
)

__all__ = ["Confidence", "Mass", "assess", "count_words", "distinct_words", "link_share",
           "page_words", "word_set"]

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")
"""A word, or one CJK character: Chinese and Japanese write no spaces between words."""
_HAS_CJK = re.compile(f"[{_CJK}]")
# Any letter of any script (CJK included): a paragraph without one is a number, a price,
# a percentage or a symbol ("17.54 %", "★").
_LETTER = re.compile(r"[^\W\d_]")



@dataclass(frozen=True, slots=True)
class Confidence:
    score: float
    reasons: list[str] = field(default_factory=list)


_WIDE_LEADS = tuple(bytes([lead]) for lead in range(0xE3, 0xF0))
"""The lead bytes of U+3000 to U+FFFF in UTF-8 (where all of _CJK lies)."""


def _holds_cjk(text: str) -> bool:
    """_HAS_CJK.search(text) is not None. A text whose UTF-8 holds no lead byte of the
    range CJK lies in holds none: encoding the text and looking for the bytes tells it
    much faster than the search's look at every character."""
    if text.isascii():
        return False
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return _HAS_CJK.search(text) is not None
    return _cjk_in(text, data)


def _cjk_in(text: str, data: bytes) -> bool:
    """_holds_cjk of a text whose UTF-8 is `data` (as long as the text when ASCII)."""
    return len(data) != len(text) and _wide_utf8(data) and _HAS_CJK.search(text) is not None


def _wide_utf8(data: bytes) -> bool:
    """Whether UTF-8 text holds a character of U+3000 to U+FFFF (a byte looked for at a
    time runs at memory speed; a table over every byte does not)."""
    for lead in _WIDE_LEADS:  # noqa: SIM110 (a loop: any() would build a generator)
        if lead in data:
            return True
    return False


def count_words(text: str) -> int:
    # Without CJK a word is a run between white space (\s and str.split() agree on
    # what that is), and split() is several times faster than the regex.
    if not _holds_cjk(text):
        return _split_count(text)
    return len(_WORD.findall(text))


def _split_count(text: str) -> int:
    """len(text.split()), without making the words when it can: every white space but
    the plain space is unprintable, so a printable text without two spaces in a row has
    one word more than its inner spaces (a story's collapsed lines are such)."""
    if text.isprintable() and "  " not in text:
        words = text.strip()
        return words.count(" ") + 1 if words else 0
    return len(text.split())


@dataclass(frozen=True, slots=True)
class Mass:
    """What a story is measured against: the words of the page's <p> elements, and all
    the words of the page."""

    paragraphs: int
    page: int
    text: str = ""
    """All the text of the page, as read for `page`."""


def page_words(body: Element) -> Mass:
    """The page's text mass, read before menus and footers are removed."""
    # Read as UTF-8 (what lxml decodes raw_text from): the look for CJK needs the bytes.
    if len(body):
        data = etree.tostring(body, method="text", encoding="utf-8", with_tail=False)
        whole = data.decode("utf-8")
        cjk = _cjk_in(whole, data)
    else:
        whole = raw_text(body)
        cjk = _holds_cjk(whole)
    # The count of texts joined by white space is the sum of theirs (on either path of
    # count_words). A page without CJK has none in its paragraphs either.
    texts = [text_beside_paragraphs(p)[0] if has_descendant(p, "p") else raw_text(p)
             for p in body.iter("p")]
    if not cjk:
        return Mass(sum(map(_split_count, texts)), _split_count(whole), whole)
    return Mass(count_words("\n".join(texts)), count_words(whole), whole)


_WORD_EDGES = ".,;:!?\"'()[]«»“”‘’"
"""Punctuation a word is read without ("Park," and "Park" are one word)."""


def word_set(text: str) -> set[str]:
    return _folded(text.split())


def distinct_words(text: str) -> set[str]:
    """`word_set` with each CJK character a word, as `count_words` counts them (a Chinese
    or Japanese line holds no spaces: split, it is one word)."""
    if not _holds_cjk(text):
        return word_set(text)
    return _folded(_WORD.findall(text))


def _folded(words: list[str]) -> set[str]:
    """The words in lower case without the punctuation around them; none left empty."""
    return {word.strip(_WORD_EDGES).lower() for word in words} - {""}


def _line(element: Element | None) -> int:
    """The element's line in the page source; 0 when unknown."""
    line = getattr(element, "sourceline", None) if element is not None else None
    return line if isinstance(line, int) else 0


def link_share(blocks: list[Element]) -> float:
    """The share of the blocks' text that sits in links (0 for blocks without text)."""
    length = sum(element_text_length(block) for block in blocks)
    if length == 0:
        return 0.0
    return min(1.0, sum(link_text_length(block) for block in blocks) / length)


def assess(ctx: Context, paragraphs: list[str], mass: Mass,
           blocks: list[Element] | None = None) -> Confidence:
    """The confidence in `paragraphs`, read from `blocks`, as the story of the page in
    `ctx`."""
    settings = ctx.settings
    # Looked for once in all the paragraphs: without CJK in any, each is counted by split.
    if _holds_cjk("\n".join(paragraphs)):
        counts = [count_words(p) for p in paragraphs]
    else:
        counts = [_split_count(p) for p in paragraphs]
    words = sum(counts)
    scores: list[tuple[float, str]] = []
    if words == 0:
        scores.append((0.0, "coverage: no story text"))
    else:
        expected = max(settings.min_story_words, settings.coverage_share * mass.paragraphs)
        if words < expected:
            scores.append((words / expected, f"coverage: {words} story words of "
                           f"{mass.paragraphs} in the page's paragraphs"))
        if words < settings.page_share * mass.page:
            scores.append((words / (settings.page_share * mass.page),
                           f"page: {words} story words of {mass.page} on the page"))
        # Half the paragraphs a word or so long: a list read without its titles (the
        # numbers of a ranking, prices, labels), however many lines it has.
        middle = sorted(counts)[len(counts) // 2]
        if middle < settings.list_line_words:
            # Lines of bare figures and symbols among the labels make it a data widget
            # (ratings, returns, prices) rather than a list of names: weaker still.
            bare = sum(1 for p in paragraphs if _LETTER.search(p) is None) / len(paragraphs)
            reason = f"lines: half the story's paragraphs hold {middle} words or fewer"
            if bare:
                reason += f", {bare:.0%} hold no letter"
            scores.append((middle / settings.list_line_words * (1.0 - bare), reason))
        legal = sum(count for count, p in zip(counts, paragraphs, strict=True) if is_legal(p))
        if legal:
            scores.append((1.0 - legal / words, f"legal: {legal} of {words} words read as "
                           "footer or small print"))
        linked = link_share(blocks) if blocks else 0.0
        if linked > settings.story_link_share:
            scores.append(((1.0 - linked) / (1.0 - settings.story_link_share),
                           f"links: {linked:.0%} of the story's text sits in links"))
    body = ld_text(ctx.meta, "articleBody")
    if body is not None and count_words(body) >= settings.min_ld_words:
        reference = word_set(body)
        shared = len(reference & word_set(" ".join(paragraphs))) / len(reference)
        if shared < settings.ld_agreement:
            scores.append((shared / settings.ld_agreement,
                           f"json-ld: the story has {shared:.0%} of the articleBody's words"))
    title, first = ctx.title_element, ctx.first_paragraph
    start, end = _line(title), _line(first)
    if start and end:
        gap = end - start
        if abs(gap) > settings.headline_lines:
            scores.append((settings.headline_lines / abs(gap),
                           f"headline: the story starts {gap} source lines from the headline"))
    if not scores:
        return Confidence(1.0)
    return Confidence(round(min(score for score, _ in scores), 3), [reason for _, reason in scores])
