"""The publication date printed near the headline, when the page's metadata gives none:
read in the forms pages print it, and never a teaser's or a reader's comment's."""

from __future__ import annotations

from datetime import datetime

import pytest

import newsclean
from newsclean.extract.metadata import date_in_text

URL = "https://example.org/news/bridge-reopens"
STORY = """<html><head><title>Bridge reopens</title></head><body><main><article>
<div class="story-header"><h1>Bridge reopens after repairs</h1>{header}</div>
<div class="story-body">
<p>The bridge over the river reopened on Monday after six months of repairs, the city
said, and traffic returned to normal within hours of the barriers being lifted.</p>
<p>Engineers replaced the bearings and the deck joints, work that had been postponed twice,
and the council said the bridge should now last another forty years without major work.</p>
</div>{after}</article></main></body></html>"""


def _published(header: str, after: str = "") -> str | None:
    article = newsclean.extract(STORY.format(header=header, after=after), URL,
                                rules=newsclean.RuleSet())
    return article.published.date().isoformat() if article.published else None


@pytest.mark.parametrize(("header", "expected"), [
    # Set in the header's <aside> or <footer>, which the layout clean-up drops.
    ('<aside><time datetime="2021-06-06">June 6, 2021</time></aside>', "2021-06-06"),
    ('<footer class="meta"><span class="author__meta-date">March 30, 2023</span></footer>',
     "2023-03-30"),
    # A <time> whose value the parser cannot read: the date it shows.
    ('<span><time datetime="on Friday December 19, 2025 @08:00PM">on Friday December 19, '
     "2025 @08:00PM</time></span>", "2025-12-19"),
    ('<div><span itemprop="datePublished">October 17, 2018</span></div>', "2018-10-17"),
    # Numbers, when their order is plain; a reading time after the date.
    ("<div><i>Posted: 10/31/2024</i></div>", "2024-10-31"),
    ('<ul><li class="header__date"><span>2/24/2026</span></li></ul>', "2026-02-24"),
    ("<div><p>October 16, 2020 · 8 min read</p></div>", "2020-10-16"),
    ('<p><span class="publication-time">2022-11-23T08:10+02:00</span></p>', "2022-11-23"),
    ("<div>[Submitted on 18 Dec 2025]</div>", "2025-12-18"),
    # Linked to the story itself (its permalink): the story's date.
    (f'<p class="posted-on"><a href="{URL}/"><time>May 26, 2025</time></a></p>', "2025-05-26"),
])
def test_printed_dates_near_the_headline(header: str, expected: str) -> None:
    assert _published(header) == expected


def test_a_teasers_date_is_not_the_storys() -> None:
    teaser = ('<ul class="more"><li><a href="/news/other-story"><span class="date">'
              "April 19, 2024</span> Other story</a></li></ul>")
    assert _published(teaser) is None


def test_a_comments_date_is_not_the_storys() -> None:
    comments = ('<ol><li class="comment"><div class="comment-header"><span class="date">'
                "May 10, 2017</span> Reader</div><p>Nice.</p></li></ol>")
    assert _published("", after=comments) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("10/31/2024", datetime(2024, 10, 31)),
    ("31/10/2024", datetime(2024, 10, 31)),
    ("03/04/2025", None),  # March or April, by the reader's country
    ("2022-11-23T08:10+02:00", datetime(2022, 11, 23)),
])
def test_numeric_dates_in_text(text: str, expected: datetime | None) -> None:
    assert date_in_text(text) == expected
