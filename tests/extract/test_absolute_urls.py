"""Addresses made absolute: the short way for addresses already absolute gives what
urljoin gives."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

from newsclean.extract.metadata import _absolute, absolute

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
