"""Dates keep the page's own offset wherever shown; `article:tag` lists are split."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

import newsclean
from newsclean.cli import main
from newsclean.cli.common import SAMPLE_URL
from newsclean.extract.metadata import _date_words, parse_date, reads_as_date, split_lone_tag
from newsclean.inspect import render_report


def _page(head: str) -> str:
    body = "<p>" + "The council met on Tuesday to agree the new budget for the year. " * 4 + "</p>"
    return (f"<html><head>{head}</head><body><article><h1>Budget agreed</h1>"
            f"{body}{body}</article></body></html>")


def test_sample_date_is_the_same_in_markdown_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--sample"]) == 0
    published = json.loads(capsys.readouterr().out)["published"]
    assert main(["extract", "--sample", "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert published.endswith("-04:00")  # the page's own offset, not UTC
    assert published in markdown.splitlines()[2]
    report = render_report(newsclean.explain(newsclean.sample_path().read_bytes(), SAMPLE_URL))
    assert published in report


def test_markdown_and_round_trip_keep_a_non_utc_offset() -> None:
    head = '<meta property="article:published_time" content="2024-03-01T18:45:00+05:30">'
    article = newsclean.extract(_page(head))
    assert article.published is not None
    assert article.published.utcoffset() == timedelta(hours=5, minutes=30)
    assert "2024-03-01T18:45:00+05:30" in article.to_markdown()
    again = newsclean.Article.from_dict(article.to_dict())
    assert again.published is not None and again.published.isoformat() == "2024-03-01T18:45:00+05:30"


@pytest.mark.parametrize(("text", "offset"), [
    ("Wed, 23 Oct 2024 09:10:00 -0400", timedelta(hours=-4)),
    ("October 23, 2024 9:10 AM EDT", timedelta(hours=-4)),
    ("23 October 2024 15:10 CEST", timedelta(hours=2)),
    ("2024-10-23T13:10:00Z", timedelta(0)),
])
def test_parsed_dates_keep_the_written_zone(text: str, offset: timedelta) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.utcoffset() == offset


@pytest.mark.parametrize("text", ["Tuesday", "10:30", "Dec 3", "2024", "9:10 AM"])
def test_a_date_without_its_year_or_month_is_no_date(text: str) -> None:
    # dateutil would take the missing parts from today: a result that moves with the clock.
    assert parse_date(text) is None
    # ...while the text still reads as a date (a calendar's link is no headline).
    assert reads_as_date(text)


def test_a_headline_does_not_read_as_a_date() -> None:
    assert not reads_as_date("Council agrees the budget")


@pytest.mark.parametrize("text", ["Adnan signs for Marrakesch", "Mayo Clinic opens", "Sunset"])
def test_a_name_inside_a_word_is_not_handed_to_the_date_parser(text: str) -> None:
    # The parser's tokens are runs of letters: "Adnan" holds no "nan" for it. The quick
    # look spares its call (tens of microseconds a failure) on such headlines.
    assert _date_words().search(text.lower()) is None
    assert not reads_as_date(text)


@pytest.mark.parametrize("text", ["Mar. 5", "(Tuesday)", "nan", "Sun,"])
def test_a_name_between_other_signs_is_still_looked_at(text: str) -> None:
    assert _date_words().search(text.lower()) is not None


@pytest.mark.parametrize(("text", "expected"), [
    ("December 2024", datetime(2024, 12, 1)),
    ("1 January 2024", datetime(2024, 1, 1)),
    ("Jan 2, 2024", datetime(2024, 1, 2)),
])
def test_a_written_date_reads_the_same_whatever_the_day(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


def test_unknown_zone_name_gives_a_date_without_a_warning(recwarn: pytest.WarningsRecorder) -> None:
    parsed = parse_date("October 23, 2024 9:10 AM XYZT")
    assert parsed is not None and parsed.tzinfo is None and parsed.hour == 9
    assert not recwarn.list


def test_a_lone_comma_separated_tag_is_split() -> None:
    head = '<meta property="article:tag" content="Politics, Labour,  Keir Starmer ,">'
    assert newsclean.extract(_page(head)).tags == ["Politics", "Labour", "Keir Starmer"]


def test_separate_tags_keep_their_commas() -> None:
    head = ('<meta property="article:tag" content="Washington, D.C.">'
            '<meta property="article:tag" content="Elections">')
    assert newsclean.extract(_page(head)).tags == ["Washington, D.C.", "Elections"]


def test_split_lone_tag_leaves_plain_lists_alone() -> None:
    assert split_lone_tag(["Ports"]) == ["Ports"]
    assert split_lone_tag([]) == []
    assert split_lone_tag(["new-york-city,housing,bronx"]) == ["new-york-city", "housing", "bronx"]


@pytest.mark.parametrize(("path", "expected"), [
    ("/2023/10/03/wine-types", "2023-10-03"),
    ("/2023/october/03/wine-types", "2023-10-03"),
    ("/2023/Oct/3/wine-types", "2023-10-03"),
    ("/2023/news/03/wine-types", None),
    ("/2023/march/32/wine-types", None),
])
def test_a_date_in_the_address_with_the_month_in_figures_or_by_name(
        path: str, expected: str | None) -> None:
    article = newsclean.extract(_page(""), "https://example.com" + path)
    assert (article.published.date().isoformat() if article.published else None) == expected
