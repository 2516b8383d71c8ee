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


@pytest.mark.parametrize(("text", "expected"), [
    # The clock time printed after the date is the story's time of day.
    ("March 27, 2024 at 10:15 a.m.", datetime(2024, 3, 27, 10, 15)),
    ("May 10, 2022 01:52:54 PM", datetime(2022, 5, 10, 13, 52, 54)),
    ("March 27, 2024 at 12:05 a.m.", datetime(2024, 3, 27, 0, 5)),
    ("27.03.2024, 10:15 Uhr", datetime(2024, 3, 27, 10, 15)),
    ("27.03.2024 10.15 Uhr", datetime(2024, 3, 27, 10, 15)),
    ("27 mars 2024 à 10h15", datetime(2024, 3, 27, 10, 15)),
    ("2024年3月27日 10時15分", datetime(2024, 3, 27, 10, 15)),
    ("2024년 3월 27일", datetime(2024, 3, 27)),
    # No time of day: a figure after the date, a clock past 23:59, "13:45 pm".
    ("March 27, 2024. 12.5 million people", datetime(2024, 3, 27)),
    ("Mar 27, 2024 - 25:00", datetime(2024, 3, 27)),
    ("27 March 2024 13:45 pm", datetime(2024, 3, 27)),
])
def test_the_time_printed_after_a_date(text: str, expected: datetime) -> None:
    assert date_in_text(text) == expected


@pytest.mark.parametrize(("header", "expected"), [
    # A byline signed with the date: after a link to the author, after a plain name on
    # its own line, after a name and a role.
    ('<div><strong>By <a href="/team/jane-roe">Jane Roe</a></strong> - Mar 27, 2024</div>',
     "2024-03-27"),
    ('<p class="author">\n  Andrew Gerrand<br>\n  4 August 2010\n</p>', "2010-08-04"),
    ("<p>Aaron Ricadela | Senior Writer | July 2, 2025</p>", "2025-07-02"),
    # Named in a CSS module's class, the camel-case pair kept whole.
    ('<p class="Author_author__x">Jane Roe</p><p><span class="Author_publicationTime__F2lab">'
     "2022-11-23T08:10+02:00 </span></p>", "2022-11-23"),
    # A forum post's line (phpBB's), opening with a link to the post shown as an icon.
    ('<p class="author"><a href="#p36"><img src="/icon_post.gif" alt="Post"></a>by <strong>'
     '<a href="/memberlist.php?u=16">Harbour Ranger</a></strong> &raquo; Tue Aug 27, 2019 '
     "4:49 am</p>", "2019-08-27"),
])
def test_a_byline_signed_with_a_date(header: str, expected: str) -> None:
    assert _published(header) == expected


def test_a_line_that_is_no_byline_gives_no_date() -> None:
    # One capitalised word before the date is a label or a menu item, not a signature.
    assert _published("<p>Archive | March 3, 2024</p>") is None
    assert _published("<p>the bridge was closed on March 3, 2024</p>") is None


def test_an_updated_date_only_when_the_page_shows_no_other() -> None:
    updated = "<div><i>Updated: 10/31/2024</i></div>"
    assert _published(updated) == "2024-10-31"
    signed = ('<div>By <a href="/author/jane-roe">Jane Roe</a> &sdot; Editor &sdot; '
              "<span>Updated May 6, 2025</span></div>")
    assert _published(signed) == "2025-05-06"
    # A publication date anywhere in reach wins over an earlier "Updated" line.
    both = "<div><i>Updated: 10/31/2024</i></div><p>Published: March 3, 2021</p>"
    assert _published(both) == "2021-03-03"


def test_a_headline_the_metadata_does_not_name_still_anchors_the_date() -> None:
    page = """<html><head><meta property="og:title" content="Another title altogether">
    </head><body><main><section><h1>Which mower suits which lawn?</h1>
    <span class="x1">17.05.2021</span><div><p>Robot mowers differ in the lawn they can
    handle, and the size of the garden decides which one to buy, say the makers.</p>
    <p>A small lawn needs a small mower; a large one needs a mower with a bigger battery and
    a wider cut, which costs more but saves hours of work over a season.</p></div>
    </section></main></body></html>"""
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert article.published == datetime(2021, 5, 17)


def test_a_datelines_date_with_its_year() -> None:
    page = """<html><head><title>Gardens feed the villages</title></head><body><article>
    <h1>Gardens feed the villages</h1>
    <p>RAJSHAHI, Dec 20, 2025 (BSS) - Homestead gardening has been contributing to making
    rural communities more self-reliant, officials and farmers in the district said.</p>
    <p>Families grow vegetables and fruit around their houses, selling what they do not eat
    at the local market, and the income pays for school fees and medicine.</p>
    </article></body></html>"""
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert article.published == datetime(2025, 12, 20)


def test_a_scholarly_citation_date() -> None:
    page = """<html><head><meta name="citation_publication_date" content="2019/03/14">
    </head><body><article><h1>On bridges</h1><p>Bridges carry loads across gaps, and their
    bearings let the deck move as it warms and cools through the seasons of the year.</p>
    </article></body></html>"""
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert article.published == datetime(2019, 3, 14)


def test_a_date_that_is_itself_a_link_elsewhere_is_not_the_storys() -> None:
    # An embedded post closes with its own date, linked to the post.
    embed = ('<blockquote><p>Small languages die first.</p>&mdash; Jane Roe '
             '<a href="https://social.example/jane/status/1">November 20, 2025</a></blockquote>')
    assert _published(embed) is None


@pytest.mark.parametrize(("header", "expected"), [
    ('<p><span>Essay - Published: 2025.12.17 | </span><a href="/tags/ai">ai</a></p>',
     "2025-12-17"),
    ("<p>News | Posted on 2024/03/09</p>", "2024-03-09"),
])
def test_a_published_label_inside_a_line(header: str, expected: str) -> None:
    assert _published(header) == expected


def test_a_version_number_is_no_date() -> None:
    assert date_in_text("release 2025.1.2") is None


FETCHED = datetime.fromisoformat("2024-03-27T14:00:00+00:00")


@pytest.mark.parametrize(("header", "expected"), [
    # The story's age, alone or labelled, counted back from when the page was fetched.
    ('<div class="meta"><span>Published 2 days ago</span></div>', "2024-03-25T14:00:00+00:00"),
    ("<p>3 hours ago</p>", "2024-03-27T11:00:00+00:00"),
    ("<span>yesterday</span>", "2024-03-26T14:00:00+00:00"),
    ('<p class="byline">By <a href="/author/jo-roe">Jo Roe</a> <span>3 hours ago</span></p>',
     "2024-03-27T11:00:00+00:00"),
    # ... not a teaser's age after the story, nor a line saying more than an age.
    ("", None),
    ("<p>The works ended 3 hours ago</p>", None),
])
def test_an_age_near_the_headline_dates_the_story_from_the_fetch_time(
        header: str, expected: str | None) -> None:
    teaser = ('<ul class="more"><li><a href="/news/other-story">Other story</a> '
              "<span>1 hour ago</span></li></ul>")
    page = STORY.format(header=header, after=teaser)
    story = page.replace("<head>", '<head><meta property="og:type" content="article">')
    article = newsclean.extract(story, URL, rules=newsclean.RuleSet(), reference_time=FETCHED)
    assert (article.published.isoformat() if article.published else None) == expected
    # Without the fetch time an age dates nothing; nor on a page not typed a story (a
    # shop's reviews, a section's cards).
    assert newsclean.extract(story, URL, rules=newsclean.RuleSet()).published is None
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet(),
                             reference_time=FETCHED).published is None
