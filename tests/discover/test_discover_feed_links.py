"""Every feed a real page announces with <link rel="alternate"> is found, on the pages
of ../shared/data (skipped when absent). A spread sample here; the whole collection with
`python -m benchmarks.feed_links`."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.feed_links import BASE, DEFAULT_DATA, announced_feeds, check
from newsclean.decoding.tree import parse
from newsclean.discover import find_feed_links

pytestmark = pytest.mark.shared_data
EVERY = 10
"""Every how-many-th page is checked (the whole set takes ~20 s)."""


def test_the_reference_reader_sees_what_a_page_announces() -> None:
    page = (b'<html><head><base href="https://x.example/news/"><!-- <link rel="alternate"'
            b' type="application/rss+xml" href="/hidden.xml"> -->'
            b'<link rel="alternate" type="application/rss+xml" href="rss.xml">'
            b"<link rel='Alternate stylesheet' type='application/atom+xml' href='/a.atom'>"
            b'<link rel="alternate" hreflang="de" href="/de/">'
            b'<link rel="alternate" type="application/feed+json" href="/f.json"></head>'
            b"<body><link rel=alternate type=application/rss+xml href=/late.xml></body></html>")
    want = {"https://x.example/news/rss.xml", "https://x.example/a.atom",
            "https://x.example/f.json", "https://x.example/late.xml"}
    assert announced_feeds(page) == want
    assert set(find_feed_links(parse(page, BASE), BASE)) == want


@pytest.mark.skipif(not Path(DEFAULT_DATA, "wcxb").is_dir(), reason="../shared/data is absent")
def test_every_announced_feed_is_found_on_real_pages() -> None:
    tally = check(DEFAULT_DATA.resolve(), EVERY)
    assert tally.with_feeds >= 50  # the collections hold many pages with feeds
    assert tally.missed == []
