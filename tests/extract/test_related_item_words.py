"""What a related item's words say about it: a headline opening with "More" is still a
headline, a "Live" badge inside its link is no word of it, and a one-word title sits
where the list's headlines sit even when each story has a folder of its own day."""

from __future__ import annotations

import pytest

import newsclean

STORY = ("<h1>Ferry timetable changes for winter</h1>"
         + "<p>The harbour board said on Monday that the island ferry will sail twice a day "
           "from December, after a vote on the winter budget.</p>" * 5)
URL = "https://harbour.example/news/2025/11/ferry-timetable-changes-for-winter"


def _extract(aside: str) -> newsclean.Article:
    page = f"<html><body><article>{STORY}</article><aside>{aside}</aside></body></html>"
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def _list(heading: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(f'<li><a href="{href}">{title}</a></li>' for href, title in items)
    return f'<div class="widget"><h2 class="widget-title">{heading}</h2><ul>{entries}</ul></div>'


@pytest.mark.parametrize("title", [
    "More than 40 passengers stranded at the pier",
    "Mehr Geld für die Fähre nach Norderwerft",
    "More cyclists take the early boat this year",
])
def test_a_headline_opening_with_more_is_an_item(title: str) -> None:
    article = _extract(_list("Related stories", [
        ("/news/2025/11/pier-lights-repaired-after-storm", "Pier lights repaired after the storm"),
        ("/news/2025/11/new-ticket-office-opens-on-quay", "New ticket office opens on the quay"),
        ("/news/2025/11/more-passengers-stranded", title),
    ]))
    assert title in [link.title for link in article.related]


@pytest.mark.parametrize("label", ["More from Harbour", "Mehr zum Thema", "More island news",
                                   "More »"])
def test_a_more_label_is_no_item(label: str) -> None:
    # The control for the test above: a short "More …" link leads to a list.
    article = _extract(_list("Related stories", [
        ("/news/2025/11/pier-lights-repaired-after-storm", "Pier lights repaired after the storm"),
        ("/news/2025/11/new-ticket-office-opens-on-quay", "New ticket office opens on the quay"),
        ("/news/2025/11/harbour-week-ahead-of-schedule", label),
    ]))
    assert [link.title for link in article.related] == [
        "Pier lights repaired after the storm", "New ticket office opens on the quay"]


def test_a_live_badge_inside_the_link_is_no_word_of_the_title() -> None:
    badge = ('<span class="label-live"><span class="label-live__icon"></span>'
             '<span class="label-live__copy">Live</span></span>')
    article = _extract(_list("Latest news", [
        ("/news/2025/11/storm-closes-the-harbour-live",
         f"{badge}<span>Storm closes the harbour: updates as they happen</span>"),
        ("/news/2025/11/new-ticket-office-opens-on-quay", "New ticket office opens on the quay"),
    ]))
    assert [link.title for link in article.related] == [
        "Storm closes the harbour: updates as they happen", "New ticket office opens on the quay"]


def test_a_one_word_title_in_a_folder_of_its_day_is_an_item() -> None:
    # A blog's "Recent posts": each story in a folder of its day, two titles of one word.
    article = _extract(_list("Recent posts", [
        ("/blog/2025/11/03/ferry-fares-rise-in-the-new-year", "Ferry fares rise in the new year"),
        ("/blog/2025/10/29/lighthouses/", "Lighthouses"),
        ("/blog/2025/10/12/tides-tables-for-the-winter", "Tide tables for the winter months"),
        ("/blog/2025/09/30/breakwaters/", "Breakwaters"),
    ]))
    assert [link.title for link in article.related] == [
        "Ferry fares rise in the new year", "Lighthouses", "Tide tables for the winter months",
        "Breakwaters"]


@pytest.mark.parametrize("label", ["&gt;&gt; Read More:", "» See also:", "Must Read:"])
def test_a_read_more_line_may_open_with_arrows(label: str) -> None:
    line = (f'<p><strong>{label}</strong> <a href="/news/2025/10/winter-routes-explained">'
            "Winter routes explained for islanders</a></p>")
    story = STORY.replace("</p>", "</p>" + line, 1)
    page = f"<html><body><article>{story}</article></body></html>"
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert [(link.title, link.block) for link in article.related] == [
        ("Winter routes explained for islanders", "inline")]
    assert "Winter routes explained" not in article.text
