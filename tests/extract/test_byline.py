"""Bylines in the languages the engine reads: one pattern opens them for every test."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.extract.metadata import split_authors

URL = "https://news.example.com/local/ferry-timetable"
PAGE = """<html><head><title>Ferry timetable changes</title></head><body><article>
<h1>Ferry timetable changes from Monday</h1>{byline}
<div class="article-body">
<p>The ferry company will run two extra crossings on weekday mornings from Monday, after
a winter of complaints about crowded boats and missed connections at the harbour.</p>
<p>The evening timetable stays as it is, the company said, though it will look again at
the late crossings once the summer season starts and more visitors arrive.</p>
</div></article></body></html>"""


@pytest.mark.parametrize(("byline", "expected"), [
    ("<p>By Jane Roe</p>", ["Jane Roe"]),
    ("<p>Av Ola Nordmann</p>", ["Ola Nordmann"]),
    ("<p>Af Mette Hansen</p>", ["Mette Hansen"]),
    ("<p>De Ana Lima</p>", ["Ana Lima"]),
    ("<p>Reporting by Tom Reed</p>", ["Tom Reed"]),
    ('<p>By <a href="/people/jane-roe">Jane Roe</a></p>', ["Jane Roe"]),
    ("<p>De acuerdo con la naviera, los barcos irán llenos</p>", []),
])
def test_a_byline_line_under_the_headline(byline: str, expected: list[str]) -> None:
    assert newsclean.extract(PAGE.format(byline=byline), URL).authors == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
    ("Von Max Muster", ["Max Muster"]),
    ("Story by: Ana Lima", ["Ana Lima"]),
    ("By", []),
])
def test_split_authors_drops_the_byline_word(text: str, expected: list[str]) -> None:
    assert split_authors(text) == expected


def test_the_byline_child_limit_is_a_setting() -> None:
    page = PAGE.format(byline="<p>By <span>Jane Roe</span></p>")
    assert newsclean.extract(page, URL).authors == ["Jane Roe"]
    strict = newsclean.extract(page, URL, settings=newsclean.Settings(max_byline_children=0))
    assert strict.authors == []
