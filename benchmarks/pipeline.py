"""Pipeline benchmark: pages per second with 1 and 2 worker processes, and memory over a
long run.

    python -m benchmarks.pipeline                 # WCXB pages when ../shared/data is there
    python -m benchmarks.pipeline --pages 2000 --long 200000 --json pipeline.json

Throughput: the same pages (WCXB's dev pages, else synthetic articles) go through
`newsclean.pipeline.process` with the real engine, once per worker count; wall-clock
pages/s including the pool start, and the 2-worker / 1-worker ratio (2.0 is perfect
scaling; the machine needs 2 free cores for it).

Memory: a long run of tiny synthetic records through a cheap extract function, so that
what is measured is the pipeline itself (reader, window, reorder buffer, IPC, output);
then a shorter run with the real engine, which would show a leak in extraction. The RSS
of this process and of its worker processes is sampled every 0.2 s; reported are the
total at 10% and at 100% of the run and the peak.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from newsclean.model import Article
from newsclean.pipeline import Stats, process
from newsclean.rules import RuleSet

REPO_ROOT = Path(__file__).resolve().parents[1]
WCXB = REPO_ROOT / ".." / "shared" / "data" / "wcxb" / "dev"


def cheap_extract(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
                  reference_time: datetime | None = None) -> Article:
    """Stands in for the engine in the memory run: touches the input, returns an Article."""
    text = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    return Article(url=url, title=text[:60], paragraphs=[text[:200]])


def load_pages(limit: int) -> tuple[list[dict[str, Any]], str]:
    """WCXB pages as records (repeated up to `limit`), else synthetic article pages."""
    pages: list[dict[str, Any]] = []
    if WCXB.is_dir():
        for path in sorted((WCXB / "html").glob("*.html.gz")):
            truth = WCXB / "ground-truth" / (path.name.removesuffix(".html.gz") + ".json")
            url = None
            if truth.exists():
                url = json.loads(truth.read_text()).get("url")
            pages.append({"url": url, "html": gzip.decompress(path.read_bytes())})
        source = f"WCXB dev ({len(pages)} distinct pages)"
    if not pages:
        pages = [synthetic(i) for i in range(200)]
        source = "synthetic (200 distinct pages)"
    repeated = [pages[i % len(pages)] for i in range(limit)]
    return repeated, source


def synthetic(i: int) -> dict[str, Any]:
    paragraphs = "".join(f"<p>Paragraph {n} of story {i}: " + "words of the story " * 25 + "</p>"
                         for n in range(8))
    html = (f"<html><head><title>Story {i}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Story {i}</h1><p class='byline'>By A. Writer</p>{paragraphs}</article>"
            "<aside><h2>Latest Headlines</h2><ul>"
            + "".join(f"<li><a href='/s/{i}-{k}'>Other story {k}</a></li>" for k in range(6))
            + "</ul></aside></body></html>")
    return {"url": f"https://news.example/story/{i}", "html": html}


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class RssSampler:
    """Total RSS of this process and its worker processes, sampled in a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.samples: list[tuple[int, int]] = []  # (records done, bytes)
        self.done = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def total(self) -> int:
        pids = [os.getpid()] + [p.pid for p in multiprocessing.active_children() if p.pid]
        return sum(_rss(pid) for pid in pids)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.samples.append((self.done, self.total()))

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def at(self, share: float, total: int) -> int:
        """The first sample taken once `share` of `total` records were done."""
        for done, rss in self.samples:
            if done >= share * total:
                return rss
        return self.samples[-1][1] if self.samples else 0


def throughput(pages: list[dict[str, Any]], workers: int) -> dict[str, Any]:
    stats = Stats()
    started = time.perf_counter()
    for _ in process(pages, workers=workers, dedupe=False, stats=stats):
        pass
    seconds = time.perf_counter() - started
    return {"workers": workers, "pages": stats.results, "articles": stats.articles,
            "errors": stats.errors, "seconds": round(seconds, 2),
            "pages_per_s": round(stats.results / seconds, 1)}


def long_run(count: int, workers: int, real: bool) -> dict[str, Any]:
    def records() -> Iterator[dict[str, Any]]:
        for i in range(count):
            record = synthetic(i % 500) if real else {
                "html": f"<html><body><p>record {i}</p></body></html>"}
            yield {"url": f"https://news.example/long/{i}", "html": record["html"]}

    stats = Stats()
    with RssSampler() as sampler:
        for result in process(records(), workers=workers, stats=stats,
                              extract_fn=None if real else cheap_extract):
            sampler.done += 1
            result.to_json()  # what the writer would do
    mib = 1024 * 1024
    peak = max((rss for _, rss in sampler.samples), default=sampler.total())
    return {"records": stats.results, "workers": workers,
            "extract": "newsclean.extract" if real else "cheap_extract",
            "seconds": round(stats.elapsed, 1),
            "rss_at_10pct_mib": round(sampler.at(0.1, count) / mib, 1),
            "rss_at_end_mib": round(sampler.at(1.0, count) / mib, 1),
            "rss_peak_mib": round(peak / mib, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1040, help="pages per throughput run")
    parser.add_argument("--long", type=int, default=100_000, help="records in the memory run")
    parser.add_argument("--long-real", type=int, default=3000,
                        help="records in the memory run with the real engine")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    pages, source = load_pages(args.pages)
    print(f"throughput on {len(pages)} pages from {source}, {os.cpu_count()} cores")
    runs = [throughput(pages, workers) for workers in (1, 2)]
    for run in runs:
        print(f"  workers={run['workers']}: {run['pages_per_s']:7.1f} pages/s "
              f"({run['seconds']} s, {run['errors']} error records)")
    ratio = runs[1]["pages_per_s"] / runs[0]["pages_per_s"] if runs[0]["pages_per_s"] else 0.0
    print(f"  scaling 2 workers / 1 worker: {ratio:.2f}x")

    memory = [long_run(args.long, 2, real=False)]
    if args.long_real:
        memory.append(long_run(args.long_real, 2, real=True))
    for run in memory:
        print(f"memory, {run['records']} records, {run['extract']}, {run['workers']} workers, "
              f"{run['seconds']} s: RSS {run['rss_at_10pct_mib']} MiB at 10%, "
              f"{run['rss_at_end_mib']} MiB at the end, peak {run['rss_peak_mib']} MiB "
              f"(this process and its workers)")
    if args.json:
        args.json.write_text(json.dumps({"source": source, "throughput": runs,
                                         "scaling_ratio": round(ratio, 2), "memory": memory},
                                        indent=2) + "\n")


if __name__ == "__main__":
    main()
