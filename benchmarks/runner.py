"""Run every tool on the same pages, one tool at a time, each in its own child process.

Why a child per tool: timings do not compete (tools never run concurrently), peak RSS
(`ru_maxrss`) is that tool's alone, and a tool that hangs inside C code can be killed
without stopping the run. The child reads and decodes each page outside the timed
region, then times the single extraction call with `time.process_time()`.

A per-page limit is enforced twice: SIGALRM inside the child (a Python-level hang
becomes an exception, so a crash) and, as a back-stop, the parent kills a child that
sends nothing for longer; the page counts as a timeout and a fresh child (warmed up
again) goes on with the next page.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import pickle
import re
import resource
import signal
import statistics
import subprocess
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

from . import scorers
from .adapters import ALIASES, DEFAULT_TOOLS, Adapter, Output, make_adapter
from .annotations.draw import half_of
from .loaders import (
    ANNOTATIONS,
    COLLECTIONS,
    SHARED_DATA,
    Page,
    decode_html,
    load_annotations,
    load_corpus,
    load_wcxb,
    read_page_bytes,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = SHARED_DATA
DEFAULT_ANNOTATIONS = ANNOTATIONS
# Not a peer in the collapse count: the floor keeps every word, it does not extract.
FLOOR = "lxml"
HALVES = ("tune", "hold", "all")
DEFAULT_CORPUS = REPO_ROOT / "corpus"
# Time the parent allows on top of the per-page limit before it kills a silent child.
KILL_GRACE_S = 10.0
SETUP_LIMIT_S = 180.0

Log = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class PageInput:
    """What a child needs to run one page (the ground truth stays in the parent)."""

    key: str
    path: str
    url: str | None
    fetched_at: str | None = None


@dataclass(slots=True)
class PageResult:
    key: str
    output: Output = field(default_factory=Output)
    cpu_s: float | None = None
    error: str | None = None
    timed_out: bool = False


@dataclass(slots=True)
class ToolRun:
    """One child job: a tool over a list of pages."""

    tool: str
    status: str = "ok"
    """"ok", "not installed", or why it could not run."""
    results: dict[str, PageResult] = field(default_factory=dict)
    peak_rss_kib: int = 0
    restarts: int = 0
    info: dict[str, Any] = field(default_factory=dict)


# --- the child ------------------------------------------------------------------------------


class PageTimeout(BaseException):
    """Raised by SIGALRM. Not an Exception, so a peer's own `except Exception` cannot
    swallow it and run on past the limit."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise PageTimeout("per-page time limit")


def _rss_kib() -> int:
    """Peak resident set size of this process, in KiB.

    On Linux `ru_maxrss` survives exec, so a spawned child would report at least the
    parent's size at the fork; VmHWM belongs to the memory map the exec created, so it is
    the tool's own peak. Elsewhere `ru_maxrss` is the best there is.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak // 1024 if sys.platform == "darwin" else peak)  # bytes on macOS


def _reference_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _run_one(adapter: Adapter, page: PageInput, mode: str, limit_s: float) -> PageResult:
    result = PageResult(page.key)
    try:
        data = read_page_bytes(Path(page.path))
    except OSError as exc:
        result.error = f"unreadable page: {exc}"
        return result
    # Decoding happens here, outside the timed call: every peer gets the same str.
    html: str | bytes = data if adapter.takes_bytes else decode_html(data)
    reference_time = _reference_time(page.fetched_at)
    raw: Any = None
    signal.setitimer(signal.ITIMER_REAL, limit_s)
    start = time.process_time()
    try:
        if mode == "metadata":
            raw = adapter.metadata(html, page.url)
        else:
            raw = adapter.extract(html, page.url, reference_time)
    except PageTimeout:
        result.timed_out = True
        result.error = "timeout"
    except Exception as exc:
        result.error = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        result.cpu_s = time.process_time() - start
        signal.setitimer(signal.ITIMER_REAL, 0)
    if result.error is None:
        try:
            result.output = raw if mode == "metadata" else adapter.output(raw)
        except Exception as exc:
            result.error = f"{type(exc).__name__} reading output: {exc}"[:300]
    return result


def child_main(
    conn: multiprocessing.connection.Connection,
    tool: str,
    mode: str,
    pages: list[PageInput],
    ftr_dir: str | None,
    limit_s: float,
    settings: str | None = None,
) -> None:
    """Entry point of a tool's child process (spawned, so it starts from a clean import)."""
    logging.disable(logging.CRITICAL)  # peers log warnings on odd pages; keep the run log readable
    warnings.simplefilter("ignore")
    signal.signal(signal.SIGALRM, _on_alarm)
    adapter = make_adapter(tool, Path(ftr_dir) if ftr_dir else None, settings)
    try:
        adapter.setup()
    except Exception as exc:
        conn.send(("setup-failed", f"{type(exc).__name__}: {exc}"[:300]))
        return
    conn.send(("ready", {k: v for k, v in vars(adapter).items() if k in ("rule_count", "rule_errors")}))
    if pages and mode != "metadata":
        _run_one(adapter, pages[0], mode, limit_s)  # warm-up: caches, lazy imports
    conn.send(("warm", _rss_kib()))
    for index, page in enumerate(pages):
        result = _run_one(adapter, page, mode, limit_s)
        conn.send(("page", index, result, _rss_kib()))
    conn.send(("done", _rss_kib()))


# --- the parent -------------------------------------------------------------------------------


def run_tool(
    tool: str,
    pages: Sequence[PageInput],
    *,
    mode: str = "text",
    ftr_dir: Path | None = None,
    limit_s: float = 30.0,
    grace_s: float = KILL_GRACE_S,
    log: Log | None = None,
    settings: str | None = None,
) -> ToolRun:
    """Run `tool` over `pages` in a child process; restart past a page that hangs."""
    run = ToolRun(tool)
    remaining = list(pages)
    context = multiprocessing.get_context("spawn")
    while remaining:
        parent_conn, child_conn = context.Pipe(duplex=False)
        process = context.Process(
            target=child_main,
            args=(child_conn, tool, mode, remaining, str(ftr_dir) if ftr_dir else None, limit_s,
                  settings),
            daemon=True,
        )
        process.start()
        child_conn.close()
        done = 0  # pages of `remaining` with a result
        stuck = False
        phase = "setup"
        while True:
            wait = SETUP_LIMIT_S if phase == "setup" else limit_s + grace_s
            try:
                if not parent_conn.poll(wait):
                    stuck = True
                    break
                message = parent_conn.recv()
            except (EOFError, OSError):
                break  # the child died: the page it was on counts as a crash
            kind = message[0]
            if kind == "setup-failed":
                run.status = f"setup failed: {message[1]}"
                remaining = []
                break
            if kind == "ready":
                run.info.update(message[1])
                phase = "pages"
            elif kind == "warm":
                run.peak_rss_kib = max(run.peak_rss_kib, message[1])
            elif kind == "page":
                _, index, result, rss = message
                run.results[result.key] = result
                run.peak_rss_kib = max(run.peak_rss_kib, rss)
                done = index + 1
                if log and len(run.results) % 100 == 0:
                    log(f"  {tool}: {len(run.results)}/{len(pages)} pages")
            elif kind == "done":
                run.peak_rss_kib = max(run.peak_rss_kib, message[1])
                remaining = []
                break
        if process.is_alive():
            process.kill()
        process.join()
        parent_conn.close()
        if not remaining:
            break
        if phase == "setup":  # the tool never got ready: no page would fare better
            run.status = (
                f"setup failed: not ready after {SETUP_LIMIT_S:.0f} s"
                if stuck
                else f"setup failed: child exited with code {process.exitcode}"
            )
            break
        # The page the child was on hung or killed it; record it and go on after it.
        failed = remaining[done]
        run.results[failed.key] = PageResult(
            failed.key,
            error="timeout (killed)" if stuck else f"child died (exit code {process.exitcode})",
            timed_out=stuck,
        )
        run.restarts += 1
        remaining = remaining[done + 1 :]
        if log:
            log(f"  {tool}: {failed.key}: {run.results[failed.key].error}; restarting")
    return run


# --- configuration and loading ----------------------------------------------------------------


@dataclass(slots=True)
class RunConfig:
    data: Path = DEFAULT_DATA
    out: Path = REPO_ROOT / "results"
    tools: list[str] | None = None
    collections: list[str] | None = None
    limit: int | None = None
    page_type: str | None = None
    readability: Path | None = None
    scrapinghub: Path | None = None
    fundus: Path | None = None
    """Default: `<data>/fundus`."""
    annotations: Path | None = None
    """Default: benchmarks/annotations/pages."""
    corpus: Path | None = DEFAULT_CORPUS
    rules_off: bool = False
    ftr: Path | None = None
    timeout_s: float = 30.0
    settings: str | None = None
    """newsclean.Settings overrides, `KEY=VALUE[,KEY=VALUE]`, for the newsclean rows."""
    runs: Path | None = None
    """Where each tool's run is saved (`<tool>.pickle`, merged into the saved run), and read
    from for `reuse`."""
    reuse: frozenset[str] = frozenset()
    """Tools whose saved run covering these pages is scored instead of running them again
    (peers' results do not change with newsclean's code); such a tool need not be installed."""
    command: str = ""


def resolve_tools(config: RunConfig) -> list[str]:
    names = [ALIASES.get(t, t) for t in (config.tools or DEFAULT_TOOLS)]
    if config.rules_off and "newsclean-norules" not in names:
        names.append("newsclean-norules")
    if config.ftr and "newsclean+ftr" not in names:
        names.append("newsclean+ftr")
    # Keep the table order of the registry, whatever the order on the command line.
    # newsclean's variants run right after it, so all of them measure the same engine.
    order = [DEFAULT_TOOLS[0], "newsclean-norules", "newsclean+ftr", *DEFAULT_TOOLS[1:]]
    seen = dict.fromkeys(names)
    return sorted(seen, key=lambda n: order.index(n) if n in order else len(order))


def load_collections(config: RunConfig, notes: list[str]) -> dict[str, list[Page]]:
    """Every collection that was asked for (or, by default, is present), in a fixed order."""
    roots: dict[str, Path | None] = {
        "wcxb": config.data / "wcxb",
        "trafilatura-eval": config.data / "trafilatura-eval",
        "readability": config.readability,
        "scrapinghub": config.scrapinghub,
        "fundus": config.fundus or config.data / "fundus",
        "annotations": config.annotations or DEFAULT_ANNOTATIONS,
    }
    wanted = config.collections or list(COLLECTIONS)
    loaded: dict[str, list[Page]] = {}
    for name in wanted:
        if name not in COLLECTIONS:
            notes.append(f"unknown collection {name!r} (known: {', '.join(COLLECTIONS)})")
            continue
        root = roots[name]
        if root is None or not root.exists():
            if config.collections or name in ("wcxb", "trafilatura-eval", "fundus"):
                where = f"not found at {root}" if root else f"no folder given (--{name} DIR)"
                notes.append(f"{name}: {where}")
            continue
        try:
            if name == "wcxb":
                pages = load_wcxb(root, page_type=config.page_type)
            elif name == "annotations":
                pages = load_annotations(root, config.data, notes)
            else:
                pages = COLLECTIONS[name].loader(root)
        except (OSError, ValueError, KeyError) as exc:
            notes.append(f"{name}: could not be read ({type(exc).__name__}: {exc})")
            continue
        if config.limit is not None:
            pages = pages[: config.limit]
        if not pages:
            notes.append(f"{name}: no pages at {root}")
            continue
        loaded[name] = pages
    return loaded


def _inputs(pages: Sequence[Page]) -> list[PageInput]:
    return [PageInput(p.key, str(p.html_path), p.url, p.fetched_at) for p in pages]


# --- scoring ------------------------------------------------------------------------------------


def _timing(results: Sequence[PageResult]) -> dict[str, Any]:
    times = [r.cpu_s for r in results if r.cpu_s is not None]
    return {
        "crashes": sum(r.error is not None for r in results),
        "timeouts": sum(r.timed_out for r in results),
        "median_cpu_ms": statistics.median(times) * 1000 if times else None,
        "total_cpu_s": sum(times) if times else None,
        **_second_opinion(results),
    }


def _second_opinion(results: Sequence[PageResult]) -> dict[str, Any]:
    """newsclean only: on how many pages its confidence asked for a second opinion, and
    whose text each page kept (the fallback share the speed target depends on)."""
    # Runs saved before outputs recorded their text's source have no such attribute.
    outputs = [r.output for r in results
               if r.error is None and getattr(r.output, "text_source", None) is not None]
    if not outputs:
        return {}
    sources = Counter(o.text_source for o in outputs)
    return {"second_opinion": {"pages": len(outputs),
                               "asked": sum(o.second_opinion for o in outputs),
                               "text_from": dict(sorted(sources.items()))}}


def _text(run: ToolRun, key: str) -> str:
    result = run.results.get(key)
    return result.output.text if result is not None and result.error is None else ""


def score_collection(
    name: str, pages: Sequence[Page], run: ToolRun, rows: list[dict[str, Any]], article: bool = False
) -> dict[str, Any]:
    """Score one tool on one collection with that collection's metric.

    Crashes and timeouts count as an empty text. Per-page rows are appended to `rows`.
    `article`: the tool returns pictures and metadata in its timed call (newsclean), so
    captions, credits, related links and Fundus metadata are scored for it.
    """
    metric = COLLECTIONS[name].metric
    results = [run.results.get(p.key) or PageResult(p.key, error="no result") for p in pages]
    if metric == "captions-related":
        summary = {"pages": len(pages), **score_annotations(pages, run, article), **_timing(results)}
        for page, result in zip(pages, results, strict=True):
            rows.append(
                {
                    "tool": run.tool, "collection": name, "id": page.id, "page_type": page.page_type,
                    "f1": None, "precision": None, "recall": None,
                    "cpu_ms": result.cpu_s * 1000 if result.cpu_s is not None else None,
                    "error": result.error,
                }
            )
        return summary
    summary = {"pages": len(pages)}
    page_scores: list[scorers.PRF] = []
    extra: dict[str, Any] = {}
    if metric == "word-f1":
        page_scores = [scorers.word_prf(_text(run, p.key), p.text or "") for p in pages]
        mean = scorers.mean_prf(page_scores)
        by_type: dict[str, list[scorers.PRF]] = {}
        for page, score in zip(pages, page_scores, strict=True):
            by_type.setdefault(page.page_type or "all", []).append(score)
        if any(p.page_type for p in pages):
            extra["by_page_type"] = {
                kind: {"pages": len(items), **asdict(scorers.mean_prf(items))}
                for kind, items in sorted(by_type.items())
            }
        if any(p.with_snippets or p.without_snippets for p in pages):
            found_with = found_without = n_with = n_without = 0
            for page in pages:
                text = _text(run, page.key)
                hit, seen = scorers.snippets_found(text, page.with_snippets, ignore_case=True)
                found_with, n_with = found_with + hit, n_with + seen
                hit, seen = scorers.snippets_found(text, page.without_snippets, ignore_case=True)
                found_without, n_without = found_without + hit, n_without + seen
            extra["snippets"] = {
                "with_found": found_with / n_with if n_with else None,
                "with_total": n_with,
                "without_found": found_without / n_without if n_without else None,
                "without_total": n_without,
            }
    elif metric == "snippet-f1":
        counts = [
            scorers.snippet_counts(_text(run, p.key), p.with_snippets, p.without_snippets) for p in pages
        ]
        total = scorers.sum_counts(counts)
        mean = scorers.PRF(total.precision, total.recall, total.f1)
        extra.update(asdict(total), accuracy=total.accuracy)
        page_scores = [scorers.PRF(c.precision, c.recall, c.f1) for c in counts]
    elif metric == "shingle-f1":
        triples = [scorers.shingle_counts(_text(run, p.key), p.text or "") for p in pages]
        mean = scorers.shingle_prf(triples)
        page_scores = [scorers.shingle_prf([t]) for t in triples]
    elif metric == "fundus":
        page_scores = [scorers.cjk_word_prf(_text(run, p.key), p.text or "") for p in pages]
        mean = scorers.mean_prf(page_scores)
        extra.update(score_fundus(pages, run, article))
        extra["halves"] = {
            half: score_fundus([p for p in pages if fundus_half(p.id) == half], run, article)
            for half in ("tune", "hold")
        }
    elif metric == "rouge-lsum":
        page_scores = [scorers.rouge_lsum(_text(run, p.key), p.paragraphs) for p in pages]
        mean = scorers.mean_prf(page_scores)
    else:  # pragma: no cover - the registry only holds the metrics above
        raise ValueError(metric)
    summary.update(f1=mean.f1, precision=mean.precision, recall=mean.recall)
    summary.update(_timing(results))
    summary.update(extra)
    for page, result, score in zip(pages, results, page_scores, strict=True):
        rows.append(
            {
                "tool": run.tool,
                "collection": name,
                "id": page.id,
                "page_type": page.page_type,
                "f1": score.f1,
                "precision": score.precision,
                "recall": score.recall,
                "cpu_ms": result.cpu_s * 1000 if result.cpu_s is not None else None,
                "error": result.error,
                **({"text_source": result.output.text_source}
                   if getattr(result.output, "text_source", None) is not None else {}),
            }
        )
    return summary


FUNDUS_PAGE_ID = re.compile(r"^(?P<publisher>.+)_\d{4}_\d{2}_\d{2}$")


def _output(run: ToolRun, key: str) -> Output:
    result = run.results.get(key)
    return result.output if result is not None and result.error is None else Output()


def fundus_half(page_id: str) -> str:
    """The annotation set's half of a Fundus page's publisher ("de/DerStandard_2024_01_02")."""
    name = page_id.rsplit("/", 1)[-1]
    match = FUNDUS_PAGE_ID.match(name)
    return half_of(match.group("publisher") if match else name)


def score_fundus(pages: Sequence[Page], run: ToolRun, article: bool) -> dict[str, Any]:
    """Fundus beyond the body: metadata and captions (for a tool that returns them) and
    leakage of the record's captions into the text (for every tool)."""
    title = date = scorers.Ratio()
    author_f1s: list[float] = []
    captions = scorers.CaptionScore()
    caption_pages = 0
    leaked = considered = 0
    leaked_pages: list[str] = []
    for page in pages:
        out = _output(run, page.key)
        record_captions = [str(i["caption"]) for i in page.images if i.get("caption")]
        strings, seen = scorers.fundus_leaks(out.text, record_captions, page.text or "")
        leaked, considered = leaked + len(strings), considered + seen
        if strings:
            leaked_pages.append(page.id)
        if not article:
            continue
        if scorers.normalise_label(page.title):
            title = title + scorers.Ratio(int(scorers.title_matches(out.title, page.title)), 1)
        if page.authors:
            author_f1s.append(scorers.author_set_f1(out.authors, page.authors))
        if scorers.calendar_day(page.published) is not None:
            date = date + scorers.Ratio(int(scorers.same_day_in_reference_zone(out.published, page.published)), 1)
        if record_captions:
            caption_pages += 1
            captions = captions + scorers.fundus_caption_score(out.images, page.images)
    return {
        "title": title.rate,
        "title_pages": title.total,
        "authors_f1": scorers.mean(author_f1s) if author_f1s else None,
        "authors_pages": len(author_f1s),
        "date": date.rate,
        "date_pages": date.total,
        "caption_recall": captions.captions.rate if article else None,
        "caption_pages": caption_pages,
        "captions": asdict(captions.captions),
        "credit": captions.credits.rate if article else None,
        "credits": asdict(captions.credits),
        "leaked_strings": leaked,
        "leak_candidates": considered,
        "leaked_pages": leaked_pages,
    }


def _annotation_half(pages: Sequence[Page], run: ToolRun, article: bool) -> dict[str, Any]:
    related = scorers.RelatedScore()
    titles = scorers.Ratio()
    precisions: list[float] = []
    recalls: list[float] = []
    captions = scorers.CaptionScore()
    pictures = scorers.Ratio()
    picture_pages = 0
    leaked = considered = 0
    leaked_pages: list[str] = []
    for page in pages:
        annotation = page.expected or {}
        out = _output(run, page.key)
        strings, seen = scorers.leaked_strings(
            out.text, scorers.annotation_leak_candidates(annotation), annotation.get("story_strings") or []
        )
        leaked, considered = leaked + len(strings), considered + seen
        if strings:
            leaked_pages.append(page.id)
        if not article:
            continue
        one = scorers.related_score(out.related, annotation, page.url)
        related = related + one
        titles = titles + scorers.related_title_score(out.related, annotation, page.url)
        if one.precision is not None:
            precisions.append(one.precision)
        if one.recall is not None:
            recalls.append(one.recall)
        captions = captions + scorers.annotation_caption_score(out.images, annotation.get("images") or [])
        picture = scorers.story_picture_score(out.images, annotation, page.url)
        if picture is not None:
            pictures, picture_pages = pictures + picture, picture_pages + 1
    return {
        "pages": len(pages),
        "related_precision": related.precision if article else None,
        "related_recall": related.recall if article else None,
        "related_precision_macro": scorers.mean(precisions) if precisions else None,
        "related_recall_macro": scorers.mean(recalls) if recalls else None,
        "related": asdict(related),
        "related_title_exact": titles.rate if article else None,
        "related_titles": asdict(titles),
        "caption_recall": captions.captions.rate if article else None,
        "captions": asdict(captions.captions),
        "credit": captions.credits.rate if article else None,
        "credits": asdict(captions.credits),
        "picture_precision": pictures.rate if article else None,
        "pictures": asdict(pictures),
        "picture_pages": picture_pages,
        "leaked_strings": leaked,
        "leak_candidates": considered,
        "leaked_pages": leaked_pages,
    }


def score_annotations(pages: Sequence[Page], run: ToolRun, article: bool) -> dict[str, Any]:
    """The annotation set's figures for the tune half, the hold half and all pages."""
    halves = {
        "tune": [p for p in pages if p.page_type == "tune"],
        "hold": [p for p in pages if p.page_type == "hold"],
        "all": list(pages),
    }
    return {"halves": {half: _annotation_half(items, run, article) for half, items in halves.items()}}


def _family(tool: str) -> str:
    return "newsclean" if tool.startswith("newsclean") else tool


def score_collapses(name: str, tools: Sequence[str], rows: Sequence[dict[str, Any]],
                    empty: Collection[str] = ()) -> dict[str, Any]:
    """Per tool: collapses (F1 < 0.3 where the best peer has > 0.7), how many of them
    are on pages whose reference is `empty` (ids), and, for newsclean rows, the pages with
    the largest loss to the best peer. A tool's peers are the other tools run, except its
    own variants and the lxml floor."""
    f1: dict[str, dict[str, float]] = {tool: {} for tool in tools}
    for row in rows:
        if row["collection"] == name and row["tool"] in f1 and row["f1"] is not None:
            f1[row["tool"]][row["id"]] = row["f1"]
    out: dict[str, Any] = {}
    for tool in tools:
        peers = {t: f1[t] for t in tools if t != FLOOR and _family(t) != _family(tool)}
        if not peers:
            continue
        losses = scorers.losses_to_best_peer(f1[tool], peers)
        collapsed = [loss.page for loss in losses if scorers.is_collapse(loss)]
        entry: dict[str, Any] = {
            "collapses": len(collapsed),
            "collapses_empty_reference": sum(page in empty for page in collapsed),
            "peers": list(peers),
        }
        if _family(tool) == "newsclean":
            entry["worst"] = [
                {"id": loss.page, "f1": loss.f1, "peer": loss.peer, "peer_f1": loss.peer_f1, "loss": loss.loss,
                 "empty_reference": loss.page in empty}
                for loss in scorers.worst_losses(losses)
            ]
        out[tool] = entry
    return out


def score_metadata(pages: Sequence[Page], run: ToolRun) -> dict[str, Any]:
    total = scorers.MetadataScore()
    for page in pages:
        result = run.results.get(page.key)
        out = result.output if result is not None and result.error is None else Output()
        total = total + scorers.metadata_score(
            out.title, out.authors, out.published, page.title, page.author, page.published
        )
    rate = scorers.MetadataScore.rate
    return {
        "pages": len(pages),
        "title": rate(total.title_hits, total.title_pages),
        "title_pages": total.title_pages,
        "author": rate(total.author_hits, total.author_pages),
        "author_pages": total.author_pages,
        "date": rate(total.date_hits, total.date_pages),
        "date_pages": total.date_pages,
    }


def score_corpus(pages: Sequence[Page], run: ToolRun) -> dict[str, Any]:
    captions, credits, related = scorers.Matches(), scorers.Matches(), scorers.Matches()
    leaked: list[str] = []
    f1s: list[float] = []
    for page in pages:
        result = run.results.get(page.key)
        out = result.output if result is not None and result.error is None else Output()
        predicted = {"text": out.text, "images": out.images, "related": out.related}
        score = scorers.corpus_page_score(predicted, page.expected or {})
        captions, credits, related = captions + score.captions, credits + score.credits, related + score.related
        if score.leaked:
            leaked.append(page.id)
        f1s.append(scorers.word_prf(out.text, page.text or "").f1)
    return {
        "pages": len(pages),
        "text_f1": scorers.mean(f1s),
        "caption_precision": captions.precision,
        "caption_recall": captions.recall,
        "credit_precision": credits.precision,
        "credit_recall": credits.recall,
        "related_precision": related.precision,
        "related_recall": related.recall,
        "leakage": len(leaked) / len(pages) if pages else None,
        "leaked_pages": leaked,
        "counts": {"captions": asdict(captions), "credits": asdict(credits), "related": asdict(related)},
        **_timing([run.results.get(p.key) or PageResult(p.key, error="no result") for p in pages]),
    }


# --- the whole run ----------------------------------------------------------------------------


def _revision() -> str | None:
    """The repository's commit, marked "+changes" when the work tree differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=10
        )
        if head.returncode != 0:
            return None
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "src"],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=10,
        )
        return head.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return None


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _load_run(path: Path) -> ToolRun | None:
    """The run pickled at `path`, or None when there is none (or it is not a run)."""
    if not path.is_file():
        return None
    run = pickle.loads(path.read_bytes())
    return run if isinstance(run, ToolRun) else None


def _saved_run(config: RunConfig, tool: str, inputs: Sequence[PageInput]) -> ToolRun | None:
    """The tool's saved run, narrowed to these pages, when `reuse` names it and the run
    covers every one of them (a run over all collections serves a run over one)."""
    if tool not in config.reuse or config.runs is None:
        return None
    run = _load_run(config.runs / f"{tool}.pickle")
    keys = [page.key for page in inputs]
    if run is None or run.status != "ok" or not set(keys) <= set(run.results):
        return None
    return ToolRun(tool=run.tool, status=run.status, results={key: run.results[key] for key in keys},
                   peak_rss_kib=run.peak_rss_kib, restarts=run.restarts, info=dict(run.info))


def _save_run(runs_dir: Path, run: ToolRun) -> None:
    """Save `run` as `<tool>.pickle`, merged into the run saved there before, so that a run
    over fewer pages never loses the others: the pages run now replace their saved rows.
    A run that failed does not replace a saved one that worked."""
    runs_dir.mkdir(parents=True, exist_ok=True)
    path = runs_dir / f"{run.tool}.pickle"
    saved = _load_run(path)
    if saved is not None and saved.status == "ok":
        if run.status != "ok":
            return
        run = ToolRun(
            tool=run.tool, status=run.status, results={**saved.results, **run.results},
            peak_rss_kib=max(run.peak_rss_kib, saved.peak_rss_kib),
            restarts=run.restarts + saved.restarts, info={**saved.info, **run.info},
        )
    path.write_bytes(pickle.dumps(run))


def run_benchmark(config: RunConfig, log: Log | None = _stderr) -> dict[str, Any]:
    """Load, run every tool in turn, score; returns the JSON-ready results."""
    from .report import machine_info

    say: Log = log or (lambda _message: None)
    notes: list[str] = []
    collections = load_collections(config, notes)
    corpus_pages = load_corpus(config.corpus) if config.corpus else []
    if config.limit is not None:
        corpus_pages = corpus_pages[: config.limit]
    all_pages = [page for pages in collections.values() for page in pages]
    meta_sets = {
        "wcxb": [p for p in collections.get("wcxb", []) if p.page_type == "article"],
        "readability": collections.get("readability", []),
    }
    meta_sets = {name: pages for name, pages in meta_sets.items() if pages}
    say(f"{len(all_pages)} pages in {len(collections)} collections; {len(corpus_pages)} corpus pages")

    tools = resolve_tools(config)
    runs: dict[str, ToolRun] = {}
    tool_info: dict[str, dict[str, Any]] = {}
    for tool in tools:
        try:
            adapter = make_adapter(tool, config.ftr, config.settings)
        except (KeyError, ImportError, AttributeError, TypeError) as exc:
            tool_info[tool] = {"status": f"unknown tool ({type(exc).__name__})"}
            continue
        info: dict[str, Any] = {
            "version": adapter.version(),
            "distribution": adapter.distribution or tool,
            "settings": adapter.note,
        }
        tool_info[tool] = info
        started = time.monotonic()
        inputs = _inputs(all_pages)
        # A saved run is all that scoring needs: the tool itself need not be installed.
        saved = _saved_run(config, tool, inputs)
        if saved is None and not adapter.installed():
            info["status"] = (
                "newsclean.rules.ftr is not available" if tool == "newsclean+ftr" else "not installed"
            )
            say(f"{tool}: {info['status']}")
            continue
        if saved is not None:
            say(f"{tool}: the run saved in {config.runs} ({len(all_pages)} pages)")
            info["reused"] = True
            run = saved
        else:
            say(f"{tool}: {len(all_pages)} pages")
            run = run_tool(tool, inputs, ftr_dir=config.ftr, limit_s=config.timeout_s, log=say,
                           settings=config.settings)
            if config.runs is not None:
                _save_run(config.runs, run)
        runs[tool] = run
        info.update(
            status=run.status,
            peak_rss_mib=run.peak_rss_kib / 1024 if run.peak_rss_kib else None,
            restarts=run.restarts,
            wall_s=round(time.monotonic() - started, 1),
            **run.info,
        )
        say(f"{tool}: {run.status}, {info['wall_s']} s")

    rows: list[dict[str, Any]] = []
    scored: dict[str, Any] = {}
    for name, pages in collections.items():
        per_tool: dict[str, Any] = {}
        for tool, run in runs.items():
            if run.status == "ok":
                article = make_adapter(tool, config.ftr).returns_article
                per_tool[tool] = score_collection(name, pages, run, rows, article)
                per_tool[tool]["returns_article"] = article
                per_tool[tool]["peak_rss_mib"] = tool_info[tool].get("peak_rss_mib")
        if COLLECTIONS[name].metric != "captions-related":
            empty = {page.id for page in pages if scorers.empty_reference(page.text)}
            for tool, collapse in score_collapses(name, list(per_tool), rows, empty).items():
                per_tool[tool].update(collapse)
        for tool_scores in per_tool.values():
            for floor in ("trafilatura", "lxml"):
                base = (per_tool.get(floor) or {}).get("total_cpu_s")
                own = tool_scores.get("total_cpu_s")
                tool_scores[f"ratio_{floor}"] = own / base if own is not None and base else None
        scored[name] = {
            "title": COLLECTIONS[name].title,
            "metric": COLLECTIONS[name].metric,
            "pages": len(pages),
            "page_type_filter": config.page_type if name == "wcxb" else None,
            "tools": per_tool,
        }

    metadata: dict[str, Any] = {name: {} for name in meta_sets}
    meta_pages = [page for pages in meta_sets.values() for page in pages]
    for tool, run in runs.items():
        if run.status != "ok" or not make_adapter(tool, config.ftr, config.settings).has_metadata or not meta_pages:
            continue
        meta_run = run
        if tool == "trafilatura":  # its own untimed pass: the timed run used extract() defaults
            say(f"{tool}: metadata pass ({len(meta_pages)} pages)")
            meta_run = run_tool(tool, _inputs(meta_pages), mode="metadata", limit_s=config.timeout_s,
                                log=say, settings=config.settings)
        for name, pages in meta_sets.items():
            metadata[name][tool] = (
                score_metadata(pages, meta_run) if meta_run.status == "ok" else {"status": meta_run.status}
            )

    corpus: dict[str, Any] = {"pages": len(corpus_pages), "root": str(config.corpus), "rules": {}}
    if corpus_pages and "newsclean" in runs:
        for label, tool in (("built-in rules", "newsclean"), ("rules off", "newsclean-norules")):
            say(f"{tool}: corpus ({len(corpus_pages)} pages)")
            corpus_run = run_tool(tool, _inputs(corpus_pages), limit_s=config.timeout_s, log=say,
                                  settings=config.settings)
            corpus["rules"][label] = (
                score_corpus(corpus_pages, corpus_run)
                if corpus_run.status == "ok"
                else {"status": corpus_run.status}
            )
    elif not corpus_pages:
        notes.append(f"corpus: no reviewed pages at {config.corpus}")

    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "revision": _revision(),
        "command": config.command,
        "machine": machine_info(),
        "settings": {
            "data": str(config.data),
            "limit": config.limit,
            "page_type": config.page_type,
            "timeout_s": config.timeout_s,
            "rules_off": config.rules_off,
            "ftr": str(config.ftr) if config.ftr else None,
        },
        "tools": tool_info,
        "collections": scored,
        "metadata": metadata,
        "corpus": corpus,
        "notes": notes,
        "pages": rows,
    }
