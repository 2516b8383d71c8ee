"""minimize(): the smallest HTML that still gives the same extraction."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import newsclean
from newsclean.cli import main
from newsclean.errors import ExtractionError
from newsclean.fixtures import snapshot_file
from newsclean.fixtures.minimize import minimize
from tests.html_query import text_content

URL = "https://www.example.com/news/2024/10/23/pier-reopens-after-storm"
FETCHED = datetime(2024, 10, 23, 14, 0, tzinfo=UTC)

# A small news page with everything an extraction looks at, and plenty around it.
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="windows-1252">
<title>Pier reopens after storm | Example News</title>
<meta property="og:title" content="Pier reopens after storm">
<meta name="author" content="Ann Writer">
<meta property="article:published_time" content="2024-10-23T09:10:00+00:00">
<meta name="description" content="The town's pier reopened on Monday.">
<link rel="canonical" href="https://www.example.com/news/2024/10/23/pier-reopens-after-storm">
<style>body { font-family: serif }</style><script>window.ads = [];</script>
</head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article class="story">
<h1 class="headline">Pier reopens after storm</h1>
<p class="byline">By <a href="/authors/ann" rel="author">Ann Writer</a></p>
<time datetime="2024-10-23T09:10:00+00:00">23 October 2024</time>
<figure class="lead"><img src="/img/pier.jpg" alt="The pier" width="800" height="450">
<figcaption>The pier at dawn on Monday. <span class="credit">Photo: Jo Lens/Example Agency</span>
</figcaption></figure>
<div class="story-body" id="body">
<p>BRIGHTSEA, Oct. 23 -- The town's Victorian pier reopened on Monday, eleven months after a
storm tore away a third of its deck and left the arcade hanging over the sea.</p>
<p>Engineers replaced two hundred timber piles and rebuilt the deck in steel, the council said,
at a cost of \xa34.2 million shared with a national heritage fund.</p>
<div class="ad-slot" data-ad="mpu">Advertisement</div>
<p>\u201cIt feels like the town has its heart back,\u201d said Mary Fisher, who has run the caf\xe9
at the end of the pier for thirty years.</p>
<p>The arcade and the caf\xe9 reopen at the weekend; the fishing platform stays closed until spring
while divers inspect the lower supports.</p>
<div class="share-bar"><a href="#">Share</a><a href="#">Tweet</a><a href="#">Email</a></div>
</div>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/news/2024/10/22/storm-warning-coast">Storm warning for the coast</a>
<span class="age">1 hour ago</span></li>
<li><a href="/news/2024/10/21/council-budget">Council agrees seafront budget</a>
<span class="age">2 days ago</span></li></ul></aside>
</article></main>
<footer><p>\xa9 2024 Example News. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li>
<li><a href="/terms">Terms</a></li></ul></footer>
</body></html>
""".encode("cp1252")


def _extraction(page: bytes) -> dict[str, Any]:
    return newsclean.extract(page, URL, reference_time=FETCHED).to_dict()


def test_the_result_is_smaller_and_extracts_the_same() -> None:
    result = minimize(PAGE, URL, reference_time=FETCHED, max_calls=400)
    assert result.preserved
    assert result.original_size == len(PAGE)
    assert result.size < len(PAGE)
    assert result.calls <= 400
    assert _extraction(result.html) == _extraction(PAGE)


def _story_paragraphs(page: bytes) -> dict[str, Any]:
    """A judge that is easy to reason about: the title and the story's paragraphs."""
    doc = lxml.html.document_fromstring(page)
    return {"title": doc.findtext(".//title"),
            "paragraphs": [text_content(p) for p in doc.cssselect("div.story-body > p")]}


def test_everything_the_judge_ignores_goes() -> None:
    result = minimize(PAGE, extractor=_story_paragraphs)
    assert result.complete and result.preserved
    assert _story_paragraphs(result.html) == _story_paragraphs(PAGE)
    text = result.html.decode("utf-8")
    for gone in ("<nav", "<footer", "<script", "<figure", "ad-slot", "share-bar", "og:title",
                 "Related", 'id="body"', "headline"):
        assert gone not in text, gone
    # What the judge needs stays: the class its selector uses, the title, the text.
    assert 'class="story-body"' in text
    assert "café" in text and "£4.2 million" in text
    # Decoded once and declared UTF-8 from then on.
    assert 'charset="utf-8"' in text


def test_the_call_limit_ends_the_run_early() -> None:
    result = minimize(PAGE, extractor=_story_paragraphs, max_calls=5)
    assert not result.complete
    assert result.calls == 5
    assert _story_paragraphs(result.html) == _story_paragraphs(PAGE)


def test_a_page_that_changes_when_reserialised_is_returned_unchanged() -> None:
    result = minimize(PAGE, extractor=lambda page: {"bytes": page.hex()})
    assert not result.preserved
    assert result.html == PAGE


def test_an_original_that_cannot_be_extracted_raises() -> None:
    def refuse(page: bytes) -> dict[str, Any]:
        raise ExtractionError("no story", URL)

    with pytest.raises(ExtractionError, match="no story"):
        minimize(PAGE, extractor=refuse)


def test_a_candidate_that_breaks_the_judge_is_just_rejected() -> None:
    def fragile(page: bytes) -> dict[str, Any]:
        if b"story-body" not in page:
            raise RuntimeError("selector found nothing")
        return _story_paragraphs(page)

    result = minimize(PAGE, extractor=fragile)
    assert result.preserved and result.size < len(PAGE)
    assert fragile(result.html) == _story_paragraphs(PAGE)


def test_cli_minimizes_a_corpus_page_and_a_file(
        tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    saved = tmp_path / "saved.html"
    saved.write_bytes(PAGE)
    page = snapshot_file(tmp_path / "corpus", saved, URL, fetched_at=FETCHED)
    out = tmp_path / "small.html"
    assert main(["minimize", str(page), "-o", str(out), "--max-calls", "300"]) == 0
    assert b"minimized %d -> %d bytes" % (len(PAGE), out.stat().st_size) in \
        capsysbinary.readouterr().err
    assert _extraction(out.read_bytes()) == _extraction(PAGE)

    assert main(["minimize", str(saved), "--url", URL, "--reference-time", FETCHED.isoformat(),
                 "--max-calls", "300"]) == 0
    assert _extraction(capsysbinary.readouterr().out) == _extraction(PAGE)

    assert main(["minimize", str(tmp_path / "absent.html")]) == 3
