"""values_holding, which tells which classes and ids name a related list, must answer as
RELATED_HINTS searched in each lowered value alone."""

from __future__ import annotations

from newsclean.extract.patterns import RELATED_HINTS
from newsclean.extract.related_names import RELATED_HINT_WORDS, values_holding

VALUES = [
    "", "post related-posts", "RelatedPosts", "nav menu", " latest", "mostread ",
    "col-md-8 row", "taboola", "READ-MORE", "x\nrecirc", "İrelat", "tab-list", "tabs",
    "related", "stable", "\u212aoutbrain", "corre lat", "re lat", "post related-posts",
    "rel", "at", "ΣΑΣ", "widget", "sharing", "next",
]


def test_the_hint_words_are_plain_lower_case_words() -> None:
    # values_holding looks for them as they are in lowered values: RELATED_HINTS must stay
    # an alternation of such words for its split to give them.
    assert RELATED_HINT_WORDS and all(word.isalpha() and word.islower()
                                      for word in RELATED_HINT_WORDS)


def test_values_holding_answers_as_the_regex_per_value() -> None:
    found = values_holding(VALUES, RELATED_HINT_WORDS)
    assert found == {value for value in VALUES if RELATED_HINTS.search(value.lower())}
    # The pieces of a word in two values are no word.
    assert not values_holding(["re", "lat"], RELATED_HINT_WORDS)


def test_values_holding_finds_each_word_in_every_value() -> None:
    values = ["a tab", "b", "tab", "c tab tab", "table"]
    assert values_holding(values, ("tab",)) == {"a tab", "tab", "c tab tab", "table"}
    assert values_holding([], ("tab",)) == set()
    # A value holding the separator the values are joined by is still read alone.
    assert values_holding(["x\x00tab", "y"], ("tab",)) == {"x\x00tab"}


def test_headlines_read_stops_at_a_second_address() -> None:
    from lxml import etree, html

    from newsclean.extract.related import _headlines_read
    from newsclean.extract.related_items import headline_links
    from newsclean.extract.settings import DEFAULT_SETTINGS

    page = html.fromstring(
        "<div><a href='/menu'>Home</a>"
        "<a href='/a/one-story-here'>The first story of the list here</a>"
        "<a href='/a/one-story-here'>The first story again, by its picture</a>"
        "<a href='/b/two-story-here'>The second story of the list here</a>"
        "<a href='/c/three-story-here'>The third story of the list here</a></div>")
    known: dict[etree._Element, bool] = {}
    every = headline_links(page, {}, DEFAULT_SETTINGS)
    assert len(every) == 4
    links, more = _headlines_read(page, known, DEFAULT_SETTINGS)
    assert more and links == every[:3]
    # Its own links left out, one address alone: all are read.
    links, more = _headlines_read(page, known, DEFAULT_SETTINGS, set(every[2:]))
    assert not more and links == every[:2]
    links, more = _headlines_read(page[0], known, DEFAULT_SETTINGS)
    assert not more and links == []
