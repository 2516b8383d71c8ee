"""`python -m benchmarks.sizes`: extraction cost on very large pages of hostile shapes.

    python -m benchmarks.sizes                 # every shape at 20 MB
    python -m benchmarks.sizes --mb 5 --shapes cards,table

Each shape runs in its own child process, which builds the page, extracts it and
reports its CPU seconds and peak resident memory. Fails (exit 1) where CPU exceeds
MAX_CPU_SECONDS, or the peak exceeds the child's baseline (interpreter and newsclean
loaded, before the page is built) by more than MAX_RSS_FACTOR times the page size.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MAX_CPU_SECONDS = 5.0
MAX_RSS_FACTOR = 10
CHILD_TIMEOUT = 300
"""Seconds of wall clock a child may take before it counts as hung."""
MB = 1_000_000

STORY = "<article><h1>Harbour budget approved</h1>" + "".join(
    f"<p>The council approved the harbour budget on Tuesday after a long debate, {i}.</p>"
    for i in range(5)) + "</article>"


def _fill(unit: Callable[[int], str], size: int) -> str:
    """Units i = 0, 1, ... joined until `size` characters."""
    parts: list[str] = []
    total = i = 0
    while total < size:
        piece = unit(i)
        parts.append(piece)
        total += len(piece)
        i += 1
    return "".join(parts)


def deep_nesting(size: int) -> str:
    depth = size // 11
    return "<html><body>" + "<div>" * depth + STORY + "</div>" * depth + "</body></html>"


def huge_text(size: int) -> str:
    return STORY + "<p>" + _fill(lambda i: f"word{i % 97} ", size) + "</p>"


def huge_attribute(size: int) -> str:
    return '<div title="' + "a" * size + '">x</div>' + STORY


def many_attributes(size: int) -> str:
    count = 100_000
    pad = "v" * max(1, size // count - 12)
    return "<div " + " ".join(f'a{i}="{pad}"' for i in range(count)) + ">x</div>" + STORY


def cards(size: int) -> str:
    return STORY + _fill(lambda i: f'<div class="post"><p>Card {i} says something about '
                         f"topic {i % 113} and place {i * 7 % 89}.</p></div>", size)


def table(size: int) -> str:
    cells = 100_000
    pad = "c" * max(1, size // cells - 20)
    rows = "".join("<tr>" + "".join(f"<td>{r * 10 + c} {pad}</td>" for c in range(10)) + "</tr>"
                   for r in range(cells // 10))
    return STORY + "<table>" + rows + "</table>"


def inline_elements(size: int) -> str:
    count = max(1_000_000, size // 20)
    return STORY + "<p>" + "".join(f"<span>w{i % 10}</span>" for i in range(count)) + "</p>"


def one_line(size: int) -> str:
    return _fill(lambda i: f"word{i % 89} ", size)


def scripts(size: int) -> str:
    return STORY + _fill(lambda i: f"<script>window.x{i} = {{\"datePublished\": "
                         f"\"2024-01-{i % 28 + 1:02d}\", \"n\": {i}}};</script>", size)


def json_ld(size: int) -> str:
    items = _fill(lambda i: json.dumps({"@type": "NewsArticle", "headline": f"Story {i}",
                                        "datePublished": "2024-01-01T00:00:00Z"}) + ",", size)
    return ('<script type="application/ld+json">{"@graph": [' + items.rstrip(",")
            + "]}</script>" + STORY)


def breaks(size: int) -> str:
    # Text set as paragraphs parted by <br><br>, without <p>s: each break opens a paragraph.
    return STORY + "<div>" + _fill(lambda i: f"Line {i} of a text set without paragraphs."
                                   "<br><br>", size) + "</div>"


def open_breaks(size: int) -> str:
    # Inline markup left open, each holding a double break and the rest of the page.
    return STORY + "<div>" + _fill(lambda i: f"<span>Line {i} of the text<br><br><b>{i}</b>",
                                   size) + "</div>"


OPEN_PARAGRAPHS = 150
"""Paragraphs left open in `open_paragraphs`: fewer than MAX_DEPTH, so the parser keeps
them all nested."""


def open_paragraphs(size: int) -> str:
    # Paragraphs left open inside inline markup, each before a run of closed ones: the
    # parser nests each in the one before, so each holds the rest of the page.
    run = max(1, size // OPEN_PARAGRAPHS // 60)
    return STORY + "".join(
        f"<p>Opening {i} of a part whose markup was left open.<span>"
        + "".join(f"<p>Paragraph {i}.{j} of the part, closed.</p>" for j in range(run))
        for i in range(OPEN_PARAGRAPHS))


def _in_story(units: str) -> str:
    """The units inside the story's <article>, where its pictures are looked for."""
    return STORY.removesuffix("</article>") + units + "</article>"


def open_figures(size: int) -> str:
    # Figures left open: each holds a picture, its caption and the rest of the page.
    return _in_story(_fill(lambda i: f'<figure><img src="/img/{i}.jpg"><figcaption>Picture {i}'
                         "</figcaption>", size))


def open_captions(size: int) -> str:
    # Captioned wrappers left open, in no <figure>: each picture's caption is looked for
    # beside it, in wrappers holding the rest of the page.
    return _in_story(_fill(lambda i: f'<div class="caption"><img src="/img/{i}.jpg">'
                           f'<span class="credit">Photo {i}</span>', size))


def open_sources(size: int) -> str:
    # A <picture>'s <source>s left open: the parser nests them, each picture inside all.
    return _in_story(_fill(lambda i: f'<picture><source srcset="/s{i}.webp 100w">'
                           f'<img src="/p{i}.jpg">', size))


SHAPES: dict[str, Callable[[int], str]] = {
    "deep_nesting": deep_nesting, "huge_text": huge_text, "huge_attribute": huge_attribute,
    "many_attributes": many_attributes, "cards": cards, "table": table,
    "inline_elements": inline_elements, "one_line": one_line, "scripts": scripts,
    "json_ld": json_ld, "open_paragraphs": open_paragraphs, "open_figures": open_figures,
    "open_captions": open_captions,
    "open_sources": open_sources, "breaks": breaks, "open_breaks": open_breaks,
}


def _peak_rss_mb() -> float:
    """This process's peak resident memory. /proc's VmHWM, where there is one: getrusage's
    figure carries over the parent's peak across fork and exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1000
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000  # kB on Linux


def run_one(shape: str, path: Path) -> dict[str, object]:
    """In the child: read the page the parent built, extract it, measure."""
    import newsclean
    from newsclean.errors import NewscleanError

    newsclean.extract(STORY)  # load rules and modules before the baseline
    baseline = _peak_rss_mb()
    page = path.read_bytes()
    error = None
    start = time.process_time()
    try:
        article = newsclean.extract(page)
        article.to_json()
        paragraphs = len(article.paragraphs)
    except NewscleanError as exc:
        error, paragraphs = f"{type(exc).__name__}: {exc}", 0
    cpu = time.process_time() - start
    return {"shape": shape, "bytes": len(page), "cpu": cpu, "baseline_mb": baseline,
            "peak_mb": _peak_rss_mb(), "paragraphs": paragraphs, "error": error}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sizes", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=20.0, help="page size in MB (default 20)")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--page", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    size = int(args.mb * MB)
    if args.one:
        print(json.dumps(run_one(args.one, args.page)))
        return 0

    failed = False
    print(f"{'shape':16} {'MB':>6} {'CPU s':>7} {'peak MB':>8} {'base MB':>8}  result")
    for shape in [s.strip() for s in args.shapes.split(",") if s.strip()]:
        if shape not in SHAPES:
            print(f"unknown shape {shape!r}; known: {', '.join(SHAPES)}", file=sys.stderr)
            return 2
        # Built here, so that building does not count in the child's peak memory.
        with tempfile.TemporaryDirectory() as folder:
            page = Path(folder) / "page.html"
            page.write_bytes(SHAPES[shape](size).encode("utf-8"))
            try:
                child = subprocess.run(
                    [sys.executable, "-m", "benchmarks.sizes", "--one", shape, "--page", str(page)],
                    capture_output=True, text=True, timeout=CHILD_TIMEOUT, check=False)
            except subprocess.TimeoutExpired:
                child = None
        if child is None:
            print(f"{shape:16} {'':>6} {'>' + str(CHILD_TIMEOUT):>7}  FAIL: hung")
            failed = True
            continue
        if child.returncode != 0:
            tail = (child.stderr.strip().splitlines() or ["?"])[-1]
            print(f"{shape:16} FAIL: child exited {child.returncode}: {tail}")
            failed = True
            continue
        row = json.loads(child.stdout.strip().splitlines()[-1])
        page_mb = row["bytes"] / MB
        problems = []
        if row["cpu"] > MAX_CPU_SECONDS:
            problems.append(f"CPU over {MAX_CPU_SECONDS:g} s")
        if row["peak_mb"] > row["baseline_mb"] + MAX_RSS_FACTOR * page_mb:
            problems.append(f"memory over {MAX_RSS_FACTOR}x the page")
        failed = failed or bool(problems)
        result = row["error"] or f"{row['paragraphs']} paragraphs"
        print(f"{shape:16} {page_mb:6.1f} {row['cpu']:7.2f} {row['peak_mb']:8.0f} "
              f"{row['baseline_mb']:8.0f}  {result}"
              + (f"  FAIL: {'; '.join(problems)}" if problems else ""), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
