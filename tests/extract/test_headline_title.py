"""The page's title: the headline the metadata's title points at, read without what a
template sets around it."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.extract.stages.header import _before_byline

URL = "https://news.example.com/local/ferry-timetable"
STORY = """<p>The ferry company will run two extra crossings on weekday mornings from Monday,
after a winter of complaints about crowded boats and missed connections at the harbour.</p>
<p>The evening timetable stays as it is, the company said, though it will look again at the
late crossings once the summer season starts and more visitors arrive.</p>"""


def title_of(head: str, body: str) -> str | None:
    page = (f"<html><head>{head}</head><body><main><article>{body}"
            f"<div class='article-body'>{STORY}</div></article></main></body></html>")
    return newsclean.extract(page, URL, rules=newsclean.RuleSet()).title


SITE = '<meta property="og:site_name" content="Harbour Times">'


@pytest.mark.parametrize(("head", "body", "expected"), [
    # The metadata's title adds a tagline after a separator: the headline is its head.
    ('<meta property="og:title" content="Ferry timetable changes from Monday | Notes from '
     "a harbour town, written on the crossing every morning since 2019 by two friends who "
     'moved here for the boats, the fish and the long evenings on the pier">',
     "<h1>Ferry timetable changes from Monday</h1>", "Ferry timetable changes from Monday"),
    # The template writes the site's name into the headline.
    (SITE + '<meta property="og:title" content="Ferry timetable changes – Harbour Times">',
     "<h1>Ferry timetable changes – Harbour Times</h1>", "Ferry timetable changes"),
    # A label before the headline's words.
    ('<meta property="og:title" content="Ferry timetable changes from Monday">',
     '<h1><span class="descriptor">Title:</span>Ferry timetable changes from Monday</h1>',
     "Ferry timetable changes from Monday"),
    # The replies' heading quotes the title: the metadata's title is read instead.
    ('<meta property="og:title" content="Ferry timetable changes from Monday">',
     "<h2>15 Replies to “Ferry timetable changes from Monday”</h2>",
     "Ferry timetable changes from Monday"),
    # A documentation page's link to the heading itself.
    ('<meta property="og:title" content="Ferry timetable changes from Monday">',
     '<h1>Ferry timetable changes from Monday<a class="headerlink" href="#top">¶</a></h1>',
     "Ferry timetable changes from Monday"),
    # A kicker and the headline set as two lines: the colon the metadata puts between them.
    ('<meta property="og:title" content="Harbour ferries: Timetable changes from Monday">',
     '<h2><span class="kicker">Harbour ferries</span> <span>Timetable changes from Monday'
     "</span></h2>", "Harbour ferries: Timetable changes from Monday"),
])
def test_headline_read_without_its_surroundings(head: str, body: str, expected: str) -> None:
    assert title_of(head, body) == expected


@pytest.mark.parametrize(("head", "body", "expected"), [
    # A headline that ends with words of the site's name, not set apart: kept whole.
    (SITE + '<meta property="og:title" content="Ferry skippers join the Harbour Times">',
     "<h1>Ferry skippers join the Harbour Times</h1>", "Ferry skippers join the Harbour Times"),
    # A headline that goes on after the metadata's shorter title, not with a byline.
    ('<meta property="og:title" content="Ferry timetable changes">',
     "<h1>Ferry timetable changes from Monday</h1>", "Ferry timetable changes from Monday"),
])
def test_headline_kept_whole(head: str, body: str, expected: str) -> None:
    assert title_of(head, body) == expected


@pytest.mark.parametrize(("headline", "expected"), [
    # the byline or date line that markup left open inside the headline
    ("Ferry timetable changes Posted on July 1, 2024 by Jo Roe", "Ferry timetable changes"),
    ("Ferry timetable changes By Jo Roe", "Ferry timetable changes"),
    ("Ferry timetable changes Updated: 2 July 2024", "Ferry timetable changes"),
    # more words of the headline after the metadata's shorter title
    ("Ferry timetable changes from Monday", "Ferry timetable changes from Monday"),
    ("Ferry timetable changes bypass the harbour", "Ferry timetable changes bypass the harbour"),
])
def test_headline_without_the_byline_left_in_it(headline: str, expected: str) -> None:
    assert _before_byline(headline, "Ferry timetable changes") == expected


@pytest.mark.parametrize(("head", "body", "expected"), [
    # A forum's h1 is its name; the thread's title, an h2, is the one the title tag gives.
    ("<title>Is the night ferry worth it? - harbourforum.example</title>",
     "<h1>harbourforum.example</h1><h2>Is the night ferry worth it?</h2>",
     "Is the night ferry worth it?"),
    # A title tag that names only the site points at no heading: the first h1 is taken.
    ("<title>Harbour Times</title>",
     "<h1>Ferry timetable changes from Monday</h1><h2>What changes</h2>",
     "Ferry timetable changes from Monday"),
])
def test_the_title_tag_points_at_the_headline_without_metadata(
        head: str, body: str, expected: str) -> None:
    assert title_of(head, body) == expected


def test_permalink_signs_leave_the_text() -> None:
    page = ("<html><head><title>Ferries</title></head><body><main><article>"
            "<h1>Ferry timetable changes from Monday</h1>"
            '<h2>What changes<a class="headerlink" href="#what">¶</a></h2>'
            f"{STORY}<h2>Links 🔗</h2><p>¶</p></article></main></body></html>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert article.paragraphs[0] == "What changes"
    assert article.paragraphs[-1] == "Links"
    assert not any("¶" in text for text in article.paragraphs)


def test_a_line_nothing_shows_of_leaves_the_text() -> None:
    # A builder's spacer paragraph: a zero-width joiner alone; an emoji joined by one stays.
    page = ("<html><head><title>Ferries</title></head><body><main><article>"
            "<h1>Ferry timetable changes from Monday</h1>"
            f"{STORY}<p>\u200d</p><p>\u200d \u200c</p><p>Crew 👩\u200d✈️</p></article>"
            "</main></body></html>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert article.paragraphs[-1] == "Crew 👩\u200d✈️"
    assert not any(text.strip("\u200d\u200c ") == "" for text in article.paragraphs)
