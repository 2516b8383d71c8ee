"""What names an element a related block's heading or list: its class or id ("related-
list", "section-title", a tab set) or, for a bare label, its own text ("Las + leídas");
and what a heading's text names (related_heading_kind). related.py's walk asks these of
every named container of the page."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from .patterns import (
    ASCII_FOLDS,
    BARE_MORE,
    BLOCK_TITLE_TOKENS,
    LIST_TAGS,
    LONG_HEADING,
    NAMED_HEADING_TAGS,
    RELATED_HEADING,
    RELATED_HEADING_INSIDE,
    RELATED_HEADING_NOT,
    RELATED_HEADING_STORIES,
    RELATED_HINTS,
    RELATED_INSIDE_WORDS,
    STORIES_LAST,
    STORIES_LAST_WORDS,
    STORIES_NAMED,
    STORIES_NAMED_WORDS,
)
from .settings import Settings
from .text import collapse

__all__ = ["CLASS_TITLED_TAGS", "RELATED_HINT_WORDS", "TEXT_TITLED_TAGS", "ends_in_stories",
           "is_related_heading", "named_by_text", "names_a_title", "related_heading_kind",
           "title_word", "values_holding"]

Element = etree._Element
TITLE_NAME_CACHE = 4096
"""Class token sets weighed as a title's name: templates repeat them within and across pages."""
CLASS_TITLED_TAGS = NAMED_HEADING_TAGS - LIST_TAGS - {"p"}
"""Tags only a class naming a title makes something of ("<span class='block-title'>")."""

RELATED_HINT_WORDS: tuple[str, ...] = tuple(RELATED_HINTS.pattern.split("|"))
"""RELATED_HINTS's words, plain lower-case ones: a class or id names a related list when,
lowered, it holds one (values_holding)."""

SEPARATOR = "\x00"
"""Between the values values_holding searches together: no attribute value holds it (libxml2
keeps them as C strings), nor any word."""


def values_holding(values: list[str], words: tuple[str, ...]) -> set[str]:
    """The values that hold one of `words` (lower-case letters) once lowered, as
    `any(word in value.lower() for word in words)` tells. The values, each once, are
    joined and searched once per word: the classes and ids of a page's containers, most
    of which hold none, cost a search each otherwise (a regex's, hundreds of instructions
    a letter)."""
    unique = list(dict.fromkeys(values))  # templates repeat their classes
    text = SEPARATOR.join(unique).lower()
    if text.count(SEPARATOR) != len(unique) - 1:  # a value holding the separator after all
        return {value for value in unique if any(word in value.lower() for word in words)}
    found: set[str] = set()
    for word in words:
        at = text.find(word)
        index = last = 0
        while at >= 0:
            index += text.count(SEPARATOR, last, at)
            found.add(unique[index])
            # On from the next value: this one is found.
            last = text.find(SEPARATOR, at)
            if last < 0:
                break
            at = text.find(word, last)
    return found


TEXT_TITLED_TAGS = frozenset({"div", "p"})
"""Tags whose own text alone may make them a block's heading (`_named_by_text`): a block's
label (a paragraph's only as a weak name: find_blocks). Inline ones (<strong>, <span>) lead
into a story's own list as often ("See also")."""
LABEL_SPACE_FACTOR = 4
"""A label's raw text may be this many times its longest collapsed length (indentation)."""


def named_by_text(element: Element, settings: Settings) -> bool:
    """A bare label whose text names a related list ("<div class='rotulo'>Las + leídas
    </div>"): a heading whatever its class, which names it in words the engine does not
    read as a title's. Only a text with nothing inside it: a wrapper is no label."""
    if len(element):
        return False  # elements (or comments) inside: a wrapper, most divs
    text = element.text
    if not text or len(text) > settings.related_max_heading * LABEL_SPACE_FACTOR:
        return False
    text = collapse(text)
    # A bare "More" is a control that opens the rest of a list (a footer's link cloud),
    # not a name: as a heading's text it may name one, as a bare label not.
    return (len(text) <= settings.related_max_heading and BARE_MORE.match(text) is None
            and RELATED_HEADING.match(text) is not None and is_related_heading(text, settings))


def title_word(raw: str | None) -> bool:
    """The class may name a title ("ContentTitle"): most are no headings, and a
    substring test spares the tokenising."""
    return raw is not None and _names_title_word(raw.lower())


def _names_title_word(lowered: str) -> bool:
    return "title" in lowered or "head" in lowered or "name" in lowered or "label" in lowered


@lru_cache(maxsize=TITLE_NAME_CACHE)
def names_a_title(tokens: frozenset[str]) -> bool:
    """"section-title", "ContentTitle", "widget-heading": a class naming a title."""
    if tokens & BLOCK_TITLE_TOKENS:
        return True
    return any(token.endswith(("title", "heading", "header")) for token in tokens)


def related_heading_kind(text: str, settings: Settings) -> str | None:
    """What a heading names: "stories" (a related list's name), "others" (a related
    list's name that says its links are other things than stories: "Related topics &
    resources", "Popular links"; many such lists hold stories, which the list itself must
    then show), or None."""
    if not text:
        return None
    # The length before the patterns, which cost more: a story's title set as a heading
    # is too long for any name of a list. A name of a list about something ("More about
    # <the story's title>") may be longer; whether the text is one is asked only when
    # its length or its answer needs it (most texts name no list).
    long: bool | None = None
    length = len(text)
    if length > settings.related_max_heading or length > settings.related_max_named_heading:
        long = LONG_HEADING.match(text) is not None
        if length > (settings.related_max_named_heading if long else settings.related_max_heading):
            return None
    if not _names_related(text):
        return None
    if long is None:
        long = LONG_HEADING.match(text) is not None
    if long or not (RELATED_HEADING_NOT.search(text) and not RELATED_HEADING_STORIES.search(text)):
        return "stories"
    return "others"


def is_related_heading(text: str, settings: Settings) -> bool:
    return related_heading_kind(text, settings) == "stories"


HEADING_CACHE = 4096
"""Headings repeat within and across a site's pages ("Share this article", "Comments")."""


@lru_cache(maxsize=HEADING_CACHE)
def _names_related(text: str) -> bool:
    """The text starts as a related list's name, or names one further in: the
    patterns' work, long as they are."""
    # The searches scan the whole text: most texts hold none of the words they look for.
    low = text.lower()
    return bool(RELATED_HEADING.match(text)
                or (_may_hold(text, low, RELATED_INSIDE_WORDS) and RELATED_HEADING_INSIDE.search(text))
                or (_may_hold(text, low, STORIES_NAMED_WORDS) and STORIES_NAMED.search(text)))


def ends_in_stories(text: str) -> bool:
    """A heading of a few words ending in a word for stories ("Local News"): STORIES_LAST,
    searched only in texts holding one of its words."""
    return _may_hold(text, text.lower(), STORIES_LAST_WORDS) and STORIES_LAST.match(text) is not None


def _may_hold(text: str, low: str, words: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern each of whose matches holds one of `words`
    (lower-case) may match the text, `low` being the text lower-cased."""
    if not text.isascii():
        # Loops: any() would build a generator per call.
        for fold in ASCII_FOLDS:
            if fold in text:
                return True
    for word in words:  # noqa: SIM110
        if word in low:
            return True
    return False
