"""`python -m benchmarks.speed`: newsclean's CPU per page against trafilatura's, interleaved.

    python -m benchmarks.speed --data ../shared/data            # every 4th page, best of 3
    python -m benchmarks.speed --data ../shared/data --every 1 --rounds 5
    python -m benchmarks.speed --data ../shared/data --every 1 --no-second-opinion

The main benchmark times each tool in its own pass, one after the other, so a change in
the machine's load between the passes moves the ratio (on a shared machine by a quarter
either way). Here both extractors run in one process, page by page in turn, for several
rounds; each page keeps its fastest CPU time per tool, which filters out the moments the
machine was busy. Both are timed as the main benchmark times them: newsclean from the
bytes with the built-in rules off, trafilatura on the page decoded once beforehand.
`--no-second-opinion` times newsclean without its fallback to trafilatura on weak pages
(what that path costs is the difference; run each setting in a process of its own, as
the extraction's caches of one run would serve the other).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .loaders import Page, decode_html, load_trafilatura_eval, load_wcxb, read_page_bytes

COLLECTIONS: dict[str, Callable[[Path], list[Page]]] = {
    "trafilatura-eval": lambda data: load_trafilatura_eval(data / "trafilatura-eval"),
    "wcxb": lambda data: load_wcxb(data / "wcxb"),
}


@dataclass(frozen=True)
class Timing:
    collection: str
    pages: int
    rounds: int
    newsclean_ms: float  # median over pages of each page's fastest round
    trafilatura_ms: float
    newsclean_s: float  # sum over pages of each page's fastest round
    trafilatura_s: float

    @property
    def median_ratio(self) -> float:
        return self.newsclean_ms / self.trafilatura_ms

    @property
    def total_ratio(self) -> float:
        return self.newsclean_s / self.trafilatura_s


def fastest(calls: Sequence[Callable[[], object]], rounds: int) -> list[float]:
    """Each call's fastest CPU seconds over `rounds` rounds, the calls taken in turn."""
    best = [float("inf")] * len(calls)
    for _ in range(rounds):
        for i, call in enumerate(calls):
            started = time.process_time()
            call()
            best[i] = min(best[i], time.process_time() - started)
    return best


def compare(collection: str, pages: Sequence[tuple[bytes, str, str | None]],
            rounds: int, *, second_opinion: bool = True) -> Timing:
    """Time newsclean and trafilatura on (bytes, decoded text, url) pages, interleaved."""
    import trafilatura

    import newsclean

    no_rules = newsclean.RuleSet()
    settings = None if second_opinion else newsclean.Settings(fallback_below=0.0,
                                                              doubt_below=0.0)
    calls: list[Callable[[], object]] = []
    for data, text, url in pages:
        calls.append(partial(newsclean.extract, data, url, rules=no_rules, settings=settings))
        calls.append(partial(trafilatura.extract, text, url=url))
    if calls:
        fastest(calls[:2], 1)  # imports and first-call caches stay out of the figures
    best = fastest(calls, rounds)
    ours, theirs = best[0::2], best[1::2]
    return Timing(collection, len(pages), rounds,
                  statistics.median(ours) * 1000 if ours else 0.0,
                  statistics.median(theirs) * 1000 if theirs else 0.0,
                  sum(ours), sum(theirs))


def build() -> str:
    """Which build of newsclean runs: the compiled one (README: "The compiled build") or
    the Python modules."""
    text = importlib.import_module("newsclean.extract.text")
    return "Python modules" if (text.__file__ or "").endswith(".py") else "compiled"


def report(timings: Sequence[Timing]) -> str:
    lines = [f"newsclean: {build()}", "",
             "| collection | pages | rounds | newsclean median ms | trafilatura median ms "
             "| × (median) | × (total) |", "|---|---|---|---|---|---|---|"]
    for t in timings:
        ratio = (f"{t.median_ratio:.2f} | {t.total_ratio:.2f}" if t.trafilatura_ms
                 else "– | –")
        lines.append(f"| {t.collection} | {t.pages} | {t.rounds} | {t.newsclean_ms:.2f} "
                     f"| {t.trafilatura_ms:.2f} | {ratio} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--collections", default=",".join(COLLECTIONS))
    parser.add_argument("--every", type=int, default=4, help="take every Nth page (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per page (default 3)")
    parser.add_argument("--no-second-opinion", action="store_true",
                        help="newsclean without its fallback to trafilatura on weak pages")
    args = parser.parse_args(argv)
    timings: list[Timing] = []
    for name in args.collections.split(","):
        if name not in COLLECTIONS:
            parser.error(f"unknown collection {name!r}; known: {', '.join(COLLECTIONS)}")
        try:
            loaded = COLLECTIONS[name](args.data)
        except FileNotFoundError as exc:
            print(f"{name}: skipped ({exc})")
            continue
        pages: list[tuple[bytes, str, str | None]] = []
        for page in loaded[::max(1, args.every)]:
            data = read_page_bytes(Path(page.html_path))
            pages.append((data, decode_html(data), page.url))
        if not pages:
            print(f"{name}: no pages under {args.data}")
            continue
        timings.append(compare(name, pages, max(1, args.rounds),
                               second_opinion=not args.no_second_opinion))
    if timings:
        print(report(timings))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
