"""`process()`: records in, results out, extraction in worker processes.

The design in one paragraph: the calling thread reads records lazily and keeps at most
`window` of them in flight. Records that need fetching go to one fetch thread, which hands
batches to `Fetcher.fetch_many` (concurrent across hosts, polite per host); records with
HTML go to a process pool. Completions (fetches and extractions) come back on one queue,
and results are yielded in input order from the head of the window, so memory is bounded
by the window whatever the input size. A worker that dies (segfault, os._exit, OOM kill)
or hangs breaks the pool: the records it held are re-run one at a time in a fresh pool,
so only the record that kills a worker on its own becomes a `WorkerCrash` error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import multiprocessing.context
import os
import queue
import signal
import threading
import time
import warnings
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urldefrag

from ..model import Article
from .records import Record, RecordError, check_url, record_from_mapping

if TYPE_CHECKING:
    from ..rules import RuleSet

__all__ = ["ExtractFn", "Fetcher", "HashedSet", "Result", "Runner", "Stats", "coerce_record",
           "dedupe_key", "extract_one", "process"]


class Fetcher(Protocol):
    """What the pipeline needs of `newsclean.fetcher.Fetcher`: results as
    `(url, Page | FetchError)` pairs, in any order."""

    def fetch_many(self, urls: Iterable[str], *,
                   max_workers: int = ...) -> Iterator[tuple[str, Any]]: ...


class ExtractFn(Protocol):
    """The shape of `newsclean.extract`; a replacement must be picklable (module-level)."""

    def __call__(self, html: Any, url: str | None = None, *, rules: RuleSet | None = None,
                 reference_time: datetime | None = None) -> Article: ...


@dataclass(frozen=True, slots=True)
class Result:
    """What one input record became: an article or an error, never both."""

    key: str
    url: str | None
    article: Article | None = None
    error: RecordError | None = None
    source: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None

    def to_dict(self) -> dict[str, Any]:
        """The output line: `Article.to_dict()` with the input's `url` (the page's own
        URL goes to `final_url` when it differs) and `input`; or an error record."""
        if self.article is not None:
            out = self.article.to_dict()
            page_url = out.get("url")
            out["url"] = self.url if self.url is not None else page_url
            if page_url and page_url != out["url"]:
                out["final_url"] = page_url
        else:
            error = self.error or RecordError("Error", "no result")
            out = {"url": self.url, "error": error.to_dict()}
        out["input"] = self.key
        return out

    def to_json(self) -> str:
        try:
            return json.dumps(self.to_dict(), ensure_ascii=False)
        except Exception as exc:  # one record's content never stops a batch
            error = RecordError(type(exc).__name__,
                                f"the result cannot be written as JSON: {exc or repr(exc)}")
            fallback = Result(self.key, self.url, error=error, source=self.source)
            return json.dumps(fallback.to_dict(), ensure_ascii=False)


@dataclass
class Stats:
    """Running counts, read by the progress bar and the summary line."""

    results: int = 0
    articles: int = 0
    errors: int = 0
    skipped: int = 0
    error_types: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    def add(self, result: Result) -> None:
        self.results += 1
        if result.article is not None:
            self.articles += 1
        else:
            self.errors += 1
            self.error_types[result.error.type if result.error else "Error"] += 1

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def summary(self) -> str:
        rate = self.results / self.elapsed if self.elapsed > 0 else 0.0
        text = (f"{self.results} records: {self.articles} articles, {self.errors} errors"
                f"{', ' + str(self.skipped) + ' skipped (already done)' if self.skipped else ''}"
                f" in {self.elapsed:.1f} s ({rate:.1f}/s)")
        if self.error_types:
            kinds = ", ".join(f"{name} {count}" for name, count in self.error_types.most_common())
            text += f"; errors: {kinds}"
        return text


class HashedSet:
    """A set of strings kept as 64-bit digests: about 60 bytes an entry whatever the
    string's length, so millions of URLs or input keys fit in modest memory."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._digests: set[int] = set()
        for item in items:
            self.add(item)

    @staticmethod
    def _digest(item: str) -> int:
        raw = hashlib.blake2b(item.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        return int.from_bytes(raw, "big")

    def add(self, item: str) -> None:
        self._digests.add(self._digest(item))

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and self._digest(item) in self._digests

    def __len__(self) -> int:
        return len(self._digests)


def dedupe_key(url: str) -> str:
    """Two records are duplicates when their URLs agree up to the fragment."""
    try:
        return urldefrag(url.strip())[0]
    except ValueError:  # a malformed URL ("http://[::1#a"): cut the fragment by hand
        return url.strip().partition("#")[0]


# --- the worker side ----------------------------------------------------------------------

_worker_state: tuple[ExtractFn, RuleSet | None] | None = None


def _init_worker(extract_fn: ExtractFn, rules: RuleSet | None, lifeline: Connection) -> None:
    # Ctrl-C is the parent's business: it shuts the pool down cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker_state
    _worker_state = (extract_fn, rules)
    threading.Thread(target=_exit_with_parent, args=(lifeline,), daemon=True).start()


def _exit_with_parent(lifeline: Connection) -> None:
    """A worker whose parent was killed (SIGKILL, OOM) would wait for work for ever,
    holding the parent's terminal and pipes open. The parent holds the other end of
    `lifeline`; when it dies the kernel closes it and this read ends."""
    with contextlib.suppress(EOFError, OSError):
        lifeline.recv_bytes()
    os._exit(1)


def _run_job(html: bytes | str, url: str | None,
             reference_time: datetime | None) -> Article | RecordError:
    assert _worker_state is not None, "worker not initialised"
    extract_fn, rules = _worker_state
    return extract_one(extract_fn, rules, html, url, reference_time)


def extract_one(extract_fn: ExtractFn, rules: RuleSet | None, html: bytes | str,
                url: str | None, reference_time: datetime | None) -> Article | RecordError:
    """One extraction, any exception turned into a RecordError."""
    try:
        article = extract_fn(html, url, rules=rules, reference_time=reference_time)
    except Exception as exc:
        return RecordError(type(exc).__name__, str(exc) or repr(exc))
    if not isinstance(article, Article):
        return RecordError("ExtractionError", f"extract returned {type(article).__name__}")
    try:
        article.to_json()  # what its output line needs: a page that breaks it is its own error
    except Exception as exc:
        return RecordError(type(exc).__name__,
                           f"the article cannot be written as JSON: {exc or repr(exc)}")
    return article


def _default_extract() -> ExtractFn:
    from ..extract import extract

    return extract


# --- the calling side ---------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class _Slot:
    record: Record
    key: str
    job: tuple[bytes | str, str | None, datetime | None] | None = None
    future: Future[Article | RecordError] | None = None
    result: Result | None = None


class _FetchStage:
    """One thread feeding batches of URLs to `Fetcher.fetch_many`."""

    def __init__(self, fetcher: Fetcher, max_workers: int, batch: int,
                 events: queue.SimpleQueue[tuple[str, _Slot, Any]]) -> None:
        self._fetcher = fetcher
        self._max_workers = max_workers
        self._batch = batch
        self._events = events
        self._inbox: queue.SimpleQueue[_Slot | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name="newsclean-fetch", daemon=True)
        self._thread.start()

    def submit(self, slot: _Slot) -> None:
        self._inbox.put(slot)

    def close(self) -> None:
        self._inbox.put(None)

    def _loop(self) -> None:
        while True:
            first = self._inbox.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while len(batch) < self._batch:
                try:
                    more = self._inbox.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    stop = True
                    break
                batch.append(more)
            self._fetch(batch)
            if stop:
                return

    def _fetch(self, batch: list[_Slot]) -> None:
        waiting: dict[str, list[_Slot]] = {}
        for slot in batch:
            waiting.setdefault(slot.record.url or "", []).append(slot)
        try:
            self._deliver(waiting, self._fetcher.fetch_many(list(waiting),
                                                            max_workers=self._max_workers))
        except Exception:
            # An unexpected error stopped the whole batch; so that it costs only the URL
            # that caused it, the rest are fetched one at a time.
            for url in list(waiting):
                try:
                    self._deliver(waiting, self._fetcher.fetch_many([url], max_workers=1))
                except Exception as exc:
                    self._deliver(waiting, iter([(url, exc)]))
        for slots in waiting.values():
            for slot in slots:
                self._events.put(("fetched", slot, RuntimeError("the fetcher gave no result")))

    def _deliver(self, waiting: dict[str, list[_Slot]],
                 outcomes: Iterator[tuple[str, Any]]) -> None:
        for url, outcome in outcomes:
            for slot in waiting.pop(url, []):
                self._events.put(("fetched", slot, outcome))


class Runner:
    """The machinery behind `process()`; one instance per call."""

    def __init__(self, *, workers: int | None, rules: RuleSet | None,
                 extract_fn: ExtractFn | None, fetcher: Fetcher | None, fetch_workers: int,
                 window: int | None, dedupe: bool, skip: Any, seen_urls: HashedSet | None,
                 stats: Stats | None, timeout: float | None) -> None:
        self.workers = (os.cpu_count() or 1) if workers is None else max(0, workers)
        if self.workers and multiprocessing.current_process().daemon:
            # e.g. inside a Dask or multiprocessing worker, which may not have children.
            warnings.warn("newsclean: this process may not start worker processes (it is "
                          "daemonic); extracting in this process", RuntimeWarning, stacklevel=3)
            self.workers = 0
        self.rules = rules
        self.extract_fn = extract_fn or _default_extract()
        self.fetcher = fetcher
        self.fetch_workers = max(1, fetch_workers)
        self.window = window or max(16, 4 * self.workers, 2 * self.fetch_workers)
        self.seen = (seen_urls if seen_urls is not None else HashedSet()) if dedupe else None
        self.skip = skip
        self.stats = stats if stats is not None else Stats()
        self.timeout = timeout
        self.events: queue.SimpleQueue[tuple[str, _Slot, Any]] = queue.SimpleQueue()
        self.pool: ProcessPoolExecutor | None = None
        self.inflight: dict[_Slot, Future[Article | RecordError]] = {}
        self.fetch_stage: _FetchStage | None = None
        self.lifeline: tuple[Connection, Connection] | None = None
        self.own_fetcher: Any = None  # a Fetcher made here, closed here

    # -- lifecycle --

    def close(self) -> None:
        if self.fetch_stage is not None:
            self.fetch_stage.close()
        if self.own_fetcher is not None:
            self.own_fetcher.close()
        if self.inflight:
            # Stopped early (Ctrl-C, --limit, an abandoned generator): the results in
            # flight will never be read, and a hung worker must not hold the exit.
            self.inflight.clear()
            self._kill_pool()
        elif self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None
        if self.lifeline is not None:
            for end in self.lifeline:
                end.close()
            self.lifeline = None

    def _new_pool(self) -> ProcessPoolExecutor:
        if self.lifeline is None:
            self.lifeline = multiprocessing.Pipe(duplex=False)
        return ProcessPoolExecutor(self.workers, mp_context=_mp_context(),
                                   initializer=_init_worker,
                                   initargs=(self.extract_fn, self.rules, self.lifeline[0]))

    def _kill_pool(self) -> None:
        pool, self.pool = self.pool, None
        if pool is None:
            return
        # A hung or broken pool cannot be shut down politely; its processes are ours.
        for process in list(getattr(pool, "_processes", {}).values()):
            with contextlib.suppress(Exception):
                process.kill()
        pool.shutdown(wait=True, cancel_futures=True)

    # -- the main loop --

    def run(self, records: Iterable[Record | str | Mapping[str, Any]]) -> Iterator[Result]:
        pending: deque[_Slot] = deque()
        source = iter(records)
        index = 0
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.window:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                record = coerce_record(item, index)
                index += 1
                key = record.key or f"#{index - 1}"
                if self.skip is not None and key in self.skip:
                    self.stats.skipped += 1
                    continue
                slot = _Slot(record, key)
                pending.append(slot)
                try:
                    self._start(slot)
                except Exception as exc:  # one record's content never stops a batch
                    if slot.result is None:
                        self._finish(slot, RecordError(type(exc).__name__,
                                                       str(exc) or repr(exc)))
                yield from self._ready(pending)
            yield from self._ready(pending)
            if not pending:
                if exhausted:
                    return
                continue
            self._wait()

    def _ready(self, pending: deque[_Slot]) -> Iterator[Result]:
        while pending and pending[0].result is not None:
            result = pending.popleft().result
            assert result is not None
            self.stats.add(result)
            yield result

    def _finish(self, slot: _Slot, outcome: Article | RecordError) -> None:
        record = slot.record
        if isinstance(outcome, Article):
            slot.result = Result(slot.key, record.url, article=outcome, source=record.source)
        else:
            slot.result = Result(slot.key, record.url, error=outcome, source=record.source)
        slot.job = None  # drop the HTML as soon as possible

    def _start(self, slot: _Slot) -> None:
        record = slot.record
        if record.error is not None:
            self._finish(slot, record.error)
            return
        if self.seen is not None and record.url:
            url_key = dedupe_key(record.url)
            if url_key in self.seen:
                self._finish(slot, RecordError(
                    "DuplicateURL", f"{record.url} appeared earlier in the input"))
                return
            self.seen.add(url_key)
        if record.html is not None:
            slot.job = (record.html, record.url, record.fetched_at)
            self._submit(slot)
            return
        reason = check_url(record.url) if record.url else "no HTML and no URL to fetch"
        if reason:
            self._finish(slot, RecordError("InvalidURL", reason))
            return
        if self.fetch_stage is None:
            if self.fetcher is None:
                from ..fetcher import Fetcher as DefaultFetcher

                self.fetcher = self.own_fetcher = DefaultFetcher()
            assert self.fetcher is not None
            self.fetch_stage = _FetchStage(self.fetcher, self.fetch_workers, self.window,
                                           self.events)
        self.fetch_stage.submit(slot)

    def _submit(self, slot: _Slot) -> None:
        assert slot.job is not None
        if self.workers == 0:
            self._finish(slot, extract_one(self.extract_fn, self.rules, *slot.job))
            return
        if self.pool is None:
            self.pool = self._new_pool()
        try:
            future = self.pool.submit(_run_job, *slot.job)
        except BrokenProcessPool:
            self._recover()
            self._submit(slot)
            return
        slot.future = future
        self.inflight[slot] = future
        future.add_done_callback(lambda f, s=slot: self.events.put(("done", s, f)))  # type: ignore[misc]

    def _wait(self) -> None:
        try:
            event = self.events.get(timeout=self.timeout)
        except queue.Empty:
            # Nothing finished for `timeout` seconds: a worker is stuck.
            if self.inflight:
                self._recover()
            return
        self._handle(event)
        while True:
            try:
                event = self.events.get_nowait()
            except queue.Empty:
                return
            self._handle(event)

    def _handle(self, event: tuple[str, _Slot, Any]) -> None:
        kind, slot, payload = event
        if slot.result is not None:
            return
        if kind == "fetched":
            if isinstance(payload, BaseException):
                self._finish(slot, RecordError(type(payload).__name__, str(payload)))
                return
            page = payload
            slot.job = (page.content, page.final_url or slot.record.url, page.fetched_at)
            self._submit(slot)
            return
        future = slot.future
        if future is None or payload is not future:
            return  # a stale completion from a pool already replaced
        if not future.cancelled() and isinstance(future.exception(), BrokenProcessPool):
            self._recover()
            return
        self.inflight.pop(slot, None)
        self._finish(slot, _outcome(future))

    @staticmethod
    def _futures(slots: list[_Slot]) -> Iterator[tuple[_Slot, Future[Article | RecordError]]]:
        for slot in slots:
            if slot.future is not None:
                yield slot, slot.future

    def _recover(self) -> None:
        """The pool broke or hung: re-run what it held one at a time, so only a record
        that kills (or hangs) a worker on its own is reported as such."""
        suspects = list(self.inflight)
        self.inflight.clear()
        done = {s: f for s, f in self._futures(suspects)
                if f.done() and not f.cancelled()
                and not isinstance(f.exception(), BrokenProcessPool)}
        self._kill_pool()
        for slot in suspects:
            finished = done.get(slot)
            if finished is not None:
                self._finish(slot, _outcome(finished))
                continue
            assert slot.job is not None
            self.pool = self._new_pool()
            future = self.pool.submit(_run_job, *slot.job)
            slot.future = future
            try:
                outcome = future.result(timeout=self.timeout)
            except BrokenProcessPool:
                outcome = RecordError("WorkerCrash", f"a worker process died while extracting {slot.record.url or slot.key}")
                self._kill_pool()
            except TimeoutError:
                outcome = RecordError("Timeout", f"extraction took longer than {self.timeout} s")
                self._kill_pool()
            except Exception as exc:
                outcome = RecordError(type(exc).__name__, str(exc))
            self._finish(slot, outcome)


def _mp_context() -> multiprocessing.context.BaseContext:
    """Workers start from a fork server that has already imported newsclean: forking the
    caller itself is unsafe once it runs threads (the fetch thread, Dask, Scrapy), and
    restarting a pool after a crash stays cheap."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsclean", "newsclean.pipeline"])
    return context


def _outcome(future: Future[Article | RecordError]) -> Article | RecordError:
    if future.cancelled():
        return RecordError("Cancelled", "the extraction was cancelled")
    error = future.exception()
    if error is not None:  # e.g. the result could not be pickled
        return RecordError(type(error).__name__, str(error))
    return future.result()


def coerce_record(item: Record | str | Mapping[str, Any], index: int) -> Record:
    """A Record from what `process()` accepts: a Record, a URL, or a JSONL-style mapping."""
    if isinstance(item, Record):
        return item
    key = f"#{index}"
    if isinstance(item, str):
        return Record(url=item.strip(), source=key, key=key)
    record = record_from_mapping(item, key)
    custom = item.get("key") if isinstance(item, Mapping) else None
    if isinstance(custom, str):
        return Record(record.url, record.html, record.fetched_at, record.source, custom, record.error)
    return record


def process(records: Iterable[Record | str | Mapping[str, Any]], *,
            workers: int | None = None,
            rules: RuleSet | None = None,
            extract_fn: ExtractFn | None = None,
            fetcher: Fetcher | None = None,
            fetch_workers: int = 8,
            window: int | None = None,
            dedupe: bool = True,
            skip: Any = None,
            seen_urls: HashedSet | None = None,
            stats: Stats | None = None,
            timeout: float | None = 300.0) -> Generator[Result, None, None]:
    """Extract every record; yield one `Result` per record, in input order, as they finish.

    `records`: `Record`s, URL strings, or mappings like JSONL lines
    (`{"url": ..., "html": ..., "fetched_at": ..., "key": ...}`); read lazily.
    `workers`: extraction processes (None = all cores, 0 = in this process).
    `extract_fn`: replaces `newsclean.extract` (must be picklable: a module-level function).
    `fetcher`: used for records without HTML (default `Fetcher()`), `fetch_workers` at once.
    `window`: records in flight at most (default max(16, 4 x workers, 2 x fetch_workers));
    it bounds memory. `dedupe`: a URL seen before (up to the fragment) gives a
    `DuplicateURL` error record instead of a second article. `skip`: a container of input
    keys not to process (resume). `timeout`: seconds without any extraction finishing
    after which the workers are considered hung (None = wait for ever).
    """
    runner = Runner(workers=workers, rules=rules, extract_fn=extract_fn, fetcher=fetcher,
                    fetch_workers=fetch_workers, window=window, dedupe=dedupe, skip=skip,
                    seen_urls=seen_urls, stats=stats, timeout=timeout)
    try:
        yield from runner.run(records)
    finally:
        runner.close()
