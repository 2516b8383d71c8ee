"""Addresses made absolute: the short way for addresses already absolute gives what
urljoin gives."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

import newsclean
from newsclean.extract.metadata import _absolute, absolute
from newsclean.extract.stages.clean import _joiner

BASES = ("https://example.com/news/story.html", "http://example.com", "HTTPS://example.com/a/")
HREFS = (
    "https://example.com/img/a.jpg", "http://cdn.example.net/a.jpg?w=640#top",
    "https://example.com/a;v=1", "https://example.com/a;", "https://example.com/a?",
    "https://example.com/a#", "https://example.com/a?#f", "https:///a", "https://?q",
    "https://#f", "https://example.com/a\tb", "HTTPS://example.com/a",
    "https://example.com//a/../b", "https://[::1/a", "/img/a.jpg", "a.jpg", "//cdn.x/a",
    "  https://example.com/spaced  ",
)


def _joined(href: str, base: str) -> str:
    try:
        return urljoin(base, href.strip())
    except ValueError:
        return href.strip()


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("href", HREFS)
def test_absolute_matches_urljoin(href: str, base: str) -> None:
    assert _absolute(href, base) == _joined(href, base)
    assert absolute(href, base) == _joined(href, base)


def test_a_relative_address_is_joined_to_its_base() -> None:
    assert absolute("/img/a.jpg", BASES[0]) == "https://example.com/img/a.jpg"
    assert absolute("https://example.com/a?", BASES[0]) == "https://example.com/a"


def test_a_pages_base_href_resolves_its_relative_addresses() -> None:
    story = "".join(f"<p>Paragraph {index}: the ferry to the island resumed service on "
                    "Monday after the storm damaged the pier, the harbour board said.</p>"
                    for index in range(6))
    related = "".join(f'<li><a href="news/2025/11/{slug}">{title}</a></li>' for slug, title in (
        ("pier-lights-repaired-after-storm", "Pier lights repaired after the storm"),
        ("new-ticket-office-opens-on-quay", "New ticket office opens on the quay"),
        ("winter-timetable-for-the-ferry", "Winter timetable for the island ferry")))
    page = ('<html><head><base href="https://harbour.example/"></head><body><article>'
            "<h1>Ferry service resumes</h1><figure>"
            '<img src="assets/images/ferry.jpg" srcset="assets/images/ferry-800.jpg 800w, '
            'assets/images/ferry-1600.jpg 1600w"><figcaption>The ferry at the pier.</figcaption>'
            f'</figure><p><a href="#timetable">Timetable</a></p>{story}</article>'
            f"<aside><h2>Related stories</h2><ul>{related}</ul></aside></body></html>")
    article = newsclean.extract(page, "https://harbour.example/press/releases/ferry.html",
                                rules=newsclean.RuleSet())
    # against the base, not the page's folder ("/press/releases/assets/...")
    assert [image.url for image in article.images] == [
        "https://harbour.example/assets/images/ferry-1600.jpg"]
    assert [link.url for link in article.related] == [
        "https://harbour.example/news/2025/11/pier-lights-repaired-after-storm",
        "https://harbour.example/news/2025/11/new-ticket-office-opens-on-quay",
        "https://harbour.example/news/2025/11/winter-timetable-for-the-ferry"]


@pytest.mark.parametrize("base", ["https://harbour.example/", "https://harbour.example",
                                  "https://harbour.example/press/index.html?lang=en",
                                  "https://archive.example/web/1/https://harbour.example/"])
@pytest.mark.parametrize("value", [
    "/news/ferry", "news/ferry.html", "news/ferry.html?x=1#top", "../news/ferry",
    "./news/ferry", "news/../ferry", "?page=2", "news/ferry#", "news/ferry?", "//cdn.example/a.jpg",
    "ünïcode/pfad", "a:b/c", "a/b:c", " news/ferry ", "news/fer\try", "%20news"])
def test_the_rebase_joins_as_urljoin_does(base: str, value: str) -> None:
    assert _joiner(base)(value) == _absolute(value, base)
