"""Markup left open can nest the rest of the page in each of a thousand copies of a
heading or its wrapper. Shortcuts keep the heading searches in bounded time: where a
heading starts in its wrapper's text is read from the wrapper's first characters, at most
MAX_NAMED_HEADINGS headings naming a related list are weighed, their climbs read at most
MAX_CLIMB_LINKS links, and a title longer than any inset box is passed by unread."""

from __future__ import annotations

import itertools

import pytest
from lxml import html

import newsclean
from newsclean.extract import related
from newsclean.extract.related_items import text_of

from .compiled import python_modules_only

PYTHON_MODULES_ONLY = python_modules_only(related)
"""For the tests that count calls by putting a counter in a function's place."""

WRAPPERS = [
    "<div><h2>Related</h2><ul><li><a href='/a'>One story</a></li></ul></div>",
    "<div>  lead \n\n text  <span>be</span>fore <h2> More \xa0 news </h2> after</div>",
    "<div>" + "word " * 80 + "<h3>Read next</h3>" + " tail" * 40 + "</div>",
    "<div>\u200b<b>x</b>\t\t<h2>Also\u200b read</h2>" + "<p>para</p>" * 30 + "</div>",
    "<div>" + "<span> </span>" * 200 + "<h2>Latest</h2></div>",
    "<div>" + "long" * 100 + "<h2>Top stories</h2></div>",
]


@pytest.mark.parametrize(("markup", "limit"), list(itertools.product(WRAPPERS, [0, 3, 10, 50, 200])))
def test_where_a_heading_opens_is_read_as_the_whole_text_would_give_it(
        markup: str, limit: int) -> None:
    node = html.fromstring(markup)
    for heading in node.iter("h2", "h3"):
        heading_text = text_of(heading)
        expected = text_of(node).find(heading_text) <= limit
        assert related._opens_within(node, heading_text, limit) is expected


def _first_arguments(monkeypatch: pytest.MonkeyPatch, name: str) -> list[object]:
    """The first argument of each call the related module makes to its function `name`,
    gathered by a counter put in the function's place."""
    calls: list[object] = []
    original = getattr(related, name)

    def counted(*args: object) -> object:
        calls.append(args[0])
        return original(*args)

    monkeypatch.setattr(related, name, counted)
    return calls


HEADING = ("<section class='box'><h2>Related</h2><ul><li><a href='/news/{0}/one-story-of-the-day'>"
           "One story of the day, told at length {0}</a></li><li><a href='/news/{0}/another-story'>"
           "Another story of the day, told at length {0}</a></li></ul></section>")


@PYTHON_MODULES_ONLY
def test_at_most_the_bound_of_named_headings_is_weighed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _first_arguments(monkeypatch, "_block_for_heading")
    story = "<p>" + "The story of the day, in some words. " * 20 + "</p>"
    page = ("<html><body><article><h1>Story</h1>" + story + "</article>"
            + "".join(HEADING.format(index) for index in range(related.MAX_NAMED_HEADINGS + 5))
            + "</body></html>")
    newsclean.extract(page, "https://news.example/2024/story")
    assert len(calls) == related.MAX_NAMED_HEADINGS


@PYTHON_MODULES_ONLY
def test_a_title_longer_than_any_inset_box_is_not_read_for_its_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A heading left open holds the rest of the page: each box above it holds more text
    # than an inset may, so it titles none, and its (long) text is not read to say so.
    from lxml import etree

    from newsclean.extract import related_insets
    from newsclean.extract.related_items import text_of as original
    read: list[int] = []

    def counted(element: etree._Element) -> str:
        text = original(element)
        read.append(len(text))
        return text

    monkeypatch.setattr(related_insets, "text_of", counted)
    settings = newsclean.Settings()
    long_title = "<h3>" + "A title that runs on and on " * 40 + "</h3>"
    page = ("<html><body><article><h1>Story</h1><div><p>" + "Story text, at length. " * 20
            + "</p><div>" + long_title + "</div><p>" + "More story text here. " * 20
            + "</p></div></article></body></html>")
    newsclean.extract(page, "https://news.example/2024/story")
    assert not [length for length in read if length > settings.max_inset_text]


@PYTHON_MODULES_ONLY
def test_the_headings_climbs_read_a_bounded_number_of_links(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Each heading's wrapper is left open, so it holds the rest of the page: every level
    # of every heading's climb would read most of the page's links.
    read = _first_arguments(monkeypatch, "known_headline")
    monkeypatch.setattr(related, "MAX_CLIMB_LINKS", 2_000)
    links_each = 50
    opened = "".join("<div><h2>Related</h2>" + "<a href='/tag/x'>x</a>" * links_each
                     for _ in range(40))
    story = "<p>" + "The story of the day, in some words. " * 20 + "</p>"
    page = f"<html><body><article><h1>Story</h1>{story}</article>{opened}</body></html>"
    newsclean.extract(page, "https://news.example/2024/story")
    # The cap, and at most one wrapper's links read past it.
    assert len(read) <= 2_000 + 40 * links_each
