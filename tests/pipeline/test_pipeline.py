"""`newsclean.pipeline.process`: order, one result per record, crashes, hangs, memory."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from newsclean.errors import FetchError, HTTPStatusError
from newsclean.fetcher import Page
from newsclean.model import Article
from newsclean.pipeline import HashedSet, Record, Result, Stats, process
from newsclean.rules import RuleSet

# Extract functions run in worker processes, so they live at module level (picklable).


def title_extract(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
                  reference_time: datetime | None = None) -> Article:
    """A stand-in for the engine: the page text as title; misbehaves on request."""
    text = html.decode() if isinstance(html, bytes) else html
    if "CRASH" in text:
        os._exit(7)  # the worker dies without a word, as on a segfault
    if "HANG" in text:
        time.sleep(60)
    if "RAISE" in text:
        raise ValueError(f"cannot read {url}")
    # Scramble completion order so that ordered output is not an accident.
    time.sleep(random.random() * 0.005)
    return Article(url=url, title=text, published=reference_time)


def pid_extract(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
                reference_time: datetime | None = None) -> Article:
    time.sleep(0.01)
    return Article(url=url, title=str(os.getpid()))


def not_an_article(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
                   reference_time: datetime | None = None) -> Any:
    return {"title": "a dict"}


def pages(n: int, **special: str) -> list[dict[str, str]]:
    """n JSONL-style records; `special` maps an index (as "i7") to a page body."""
    return [{"url": f"https://news.example/{i}", "html": special.get(f"i{i}", f"page {i}")}
            for i in range(n)]


def test_results_come_in_input_order_one_per_record() -> None:
    results = list(process(pages(60), workers=2, extract_fn=title_extract, window=8))
    assert [r.key for r in results] == [f"#{i}" for i in range(60)]
    assert [r.article.title for r in results if r.article] == [f"page {i}" for i in range(60)]


def test_work_is_spread_over_the_worker_processes() -> None:
    results = list(process(pages(40), workers=2, extract_fn=pid_extract))
    pids = {r.article.title for r in results if r.article}
    assert len(pids) == 2
    assert str(os.getpid()) not in pids


def test_in_process_mode_gives_the_same_results() -> None:
    inline = [r.to_dict() for r in process(pages(10), workers=0, extract_fn=title_extract)]
    pooled = [r.to_dict() for r in process(pages(10), workers=2, extract_fn=title_extract)]
    assert inline == pooled


def test_a_worker_crash_costs_only_the_record_that_caused_it() -> None:
    records = pages(30, i5="CRASH", i17="CRASH")
    results = list(process(records, workers=2, extract_fn=title_extract))
    assert len(results) == 30
    failed = {r.key: r.error.type for r in results if r.error}
    assert failed == {"#5": "WorkerCrash", "#17": "WorkerCrash"}
    assert [r.article.title for r in results if r.article] == [
        f"page {i}" for i in range(30) if i not in (5, 17)]


def test_a_hung_worker_becomes_a_timeout_error() -> None:
    records = pages(6, i2="HANG")
    started = time.monotonic()
    results = list(process(records, workers=2, extract_fn=title_extract, timeout=1.0))
    assert time.monotonic() - started < 30
    assert [r.error.type if r.error else "ok" for r in results] == [
        "ok", "ok", "Timeout", "ok", "ok", "ok"]


def test_closing_the_generator_early_does_not_wait_for_a_hung_worker() -> None:
    results = process(pages(4, i1="HANG"), workers=2, extract_fn=title_extract, timeout=None)
    first = next(results)
    assert first.key == "#0"
    started = time.monotonic()
    results.close()  # what --limit, Ctrl-C or an abandoned loop do
    assert time.monotonic() - started < 20  # the hung worker sleeps for 60 s


def test_exceptions_become_error_records_named_after_the_exception() -> None:
    results = list(process(pages(3, i1="RAISE"), workers=0, extract_fn=title_extract))
    error = results[1].to_dict()
    assert error == {"url": "https://news.example/1",
                     "error": {"type": "ValueError",
                               "message": "cannot read https://news.example/1"},
                     "input": "#1"}
    assert results[0].ok and results[2].ok


def test_an_extract_function_must_return_an_article() -> None:
    [result] = process(pages(1), workers=0, extract_fn=not_an_article)
    assert result.error is not None and result.error.type == "ExtractionError"


def test_second_occurrence_of_a_url_is_a_duplicate_error() -> None:
    records: list[Any] = [*pages(3), {"url": "https://news.example/1#comments", "html": "again"}]
    results = list(process(records, workers=0, extract_fn=title_extract))
    assert [r.error.type if r.error else "ok" for r in results] == ["ok", "ok", "ok", "DuplicateURL"]
    kept = list(process(records, workers=0, extract_fn=title_extract, dedupe=False))
    assert all(r.ok for r in kept)


def test_urls_already_seen_in_an_earlier_run_are_duplicates() -> None:
    seen = HashedSet(["https://news.example/0"])
    results = list(process(pages(2), workers=0, extract_fn=title_extract, seen_urls=seen))
    assert [r.ok for r in results] == [False, True]


def test_skipped_keys_give_no_result_and_are_counted() -> None:
    stats = Stats()
    results = list(process(pages(5), workers=0, extract_fn=title_extract,
                           skip={"#1", "#3"}, stats=stats))
    assert [r.key for r in results] == ["#0", "#2", "#4"]
    assert (stats.skipped, stats.results, stats.articles) == (2, 3, 3)


def test_bad_records_become_error_records_in_place() -> None:
    records: list[Any] = [
        {"url": "https://news.example/a", "html": "fine"},
        {"html": None},                                  # nothing to extract or fetch
        {"url": "ftp://news.example/b"},                 # cannot be fetched
        {"url": 42, "html": "x"},                        # wrong type
        Record(url="https://news.example/c", html="fine too", key="mine"),
        "not a url",
    ]
    results = list(process(records, workers=0, extract_fn=title_extract))
    assert [(r.key, r.error.type if r.error else "ok") for r in results] == [
        ("#0", "ok"), ("#1", "InvalidRecord"), ("#2", "InvalidURL"), ("#3", "InvalidRecord"),
        ("mine", "ok"), ("#5", "InvalidURL")]


def test_reference_time_and_page_url_reach_the_extractor() -> None:
    moment = datetime(2024, 10, 23, 9, 30, tzinfo=UTC)
    records = [{"url": "https://news.example/t", "html": "x",
                "fetched_at": "2024-10-23T09:30:00Z"}]
    [result] = process(records, workers=0, extract_fn=title_extract)
    assert result.article is not None and result.article.published == moment
    line = result.to_dict()
    assert line["url"] == "https://news.example/t" and line["input"] == "#0"
    assert line["published"] == moment.isoformat()


def test_stats_count_articles_and_errors_by_type() -> None:
    stats = Stats()
    list(process(pages(6, i2="RAISE", i4="RAISE"), workers=0, extract_fn=title_extract,
                 stats=stats))
    assert (stats.results, stats.articles, stats.errors) == (6, 4, 2)
    assert stats.error_types == {"ValueError": 2}
    assert "6 records: 4 articles, 2 errors" in stats.summary()


def outcome(result: Result) -> str | None:
    """The error's type when the record failed, else the article's title."""
    if result.error:
        return result.error.type
    assert result.article is not None
    return result.article.title


class FlakyFetcher:
    """Answers from memory; a URL containing "bug" makes fetch_many itself blow up, the way
    an unexpected error inside the fetcher would; "gone" is an ordinary fetch error."""

    def fetch_many(self, urls: Iterable[str], *,
                   max_workers: int = 16) -> Iterator[tuple[str, Page | FetchError]]:
        for url in urls:
            if "bug" in url:
                raise RuntimeError(f"fetcher bug on {url}")
            if "gone" in url:
                yield url, HTTPStatusError("HTTP 410 Gone", url, 410)
                continue
            body = f"fetched {url}".encode()
            yield url, Page(url=url, final_url=url + "?final", status=200, headers={},
                            content=body, text=body.decode(), encoding="utf-8",
                            fetched_at=datetime(2024, 1, 2, tzinfo=UTC), elapsed=0.0)


def test_fetch_errors_stay_with_their_record() -> None:
    urls = ["https://a.example/1", "https://a.example/bug", "https://b.example/gone",
            "https://b.example/2"]
    results = list(process(urls, workers=0, extract_fn=title_extract, fetcher=FlakyFetcher()))
    assert [outcome(r) for r in results if r.article or r.error] == [
        "fetched https://a.example/1", "RuntimeError", "HTTPStatusError",
        "fetched https://b.example/2"]
    first = results[0].to_dict()
    assert first["url"] == "https://a.example/1"
    assert first["final_url"] == "https://a.example/1?final"
    assert first["published"] == "2024-01-02T00:00:00+00:00"  # the fetch time reached extract


def _rss_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def cheap_extract(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
                  reference_time: datetime | None = None) -> Article:
    return Article(url=url, paragraphs=[str(html)])


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
def test_memory_stays_flat_over_100000_records() -> None:
    def synthetic() -> Iterator[dict[str, str]]:
        for i in range(100_000):
            yield {"url": f"https://news.example/{i}", "html": f"<p>{i}</p>" * 20}

    at_10k = 0
    count = 0
    for count, result in enumerate(process(synthetic(), workers=0, extract_fn=cheap_extract), 1):
        assert result.ok
        if count == 10_000:
            at_10k = _rss_bytes()
    assert count == 100_000
    # Only the duplicate-URL digests grow (~60 bytes a URL): well under 50 MB.
    assert _rss_bytes() - at_10k < 50 * 1024 * 1024
