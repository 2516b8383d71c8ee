"""The JSONL output: one line per input record, resumable after a kill.

Each line is written with a single unbuffered write, so a killed run leaves at worst one
torn last line; `scan_output` cuts it away and collects the input keys already written,
and the rerun skips those records.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ._keys import LegacyKeys
from .core import HashedSet, Stats, dedupe_key, process
from .records import DEFAULT_MAX_BYTES, InputFormat, InputMeter, input_size, read_inputs

__all__ = ["JsonlWriter", "Reporter", "ResumeState", "run_batch", "scan_output"]


@dataclass
class ResumeState:
    """What an existing output file already holds."""

    done: HashedSet = field(default_factory=HashedSet)
    """Input keys with a line in the output."""
    urls: HashedSet = field(default_factory=HashedSet)
    """URLs (up to the fragment) already processed, so duplicates stay duplicates."""
    lines: int = 0
    torn_bytes: int = 0
    """Bytes of an incomplete last line removed."""
    foreign_lines: int = 0
    """Complete lines that are not our records (no "input" key); kept as they are."""


def scan_output(path: str | Path, *, repair: bool = True) -> ResumeState:
    """Read an output file; with `repair`, truncate a torn last line away."""
    state = ResumeState()
    legacy = LegacyKeys()
    target = Path(path)
    if not target.exists():
        return state
    with target.open("r+b" if repair else "rb") as handle:
        complete = 0
        for line in handle:
            if not line.endswith(b"\n"):
                break  # the torn tail of a killed run
            complete += len(line)
            state.lines += 1
            try:
                obj: Any = json.loads(line)
            except ValueError:
                obj = None
            if not isinstance(obj, dict) or not isinstance(obj.get("input"), str):
                state.foreign_lines += 1
                continue
            state.done.add(obj["input"])
            alias = legacy.alias(obj["input"])
            if alias is not None:
                state.done.add(alias)
            error = obj.get("error")
            url = obj.get("url")
            duplicate = isinstance(error, dict) and error.get("type") == "DuplicateURL"
            if isinstance(url, str) and not duplicate:
                state.urls.add(dedupe_key(url))
        size = handle.seek(0, os.SEEK_END)
        state.torn_bytes = size - complete
        if repair and state.torn_bytes:
            handle.truncate(complete)
    return state


class JsonlWriter:
    """Appends lines to a file (or standard output), each in one write, then flushed."""

    def __init__(self, path: str | Path | None, *, fsync_every: int = 0) -> None:
        self._fsync_every = fsync_every
        self._count = 0
        self._file: IO[bytes] | None = None
        if path is not None and str(path) != "-":
            self._file = Path(path).open("ab", buffering=0)  # noqa: SIM115 - closed in close()

    def write(self, line: str) -> None:
        data = (line + "\n").encode("utf-8", "surrogatepass")
        if self._file is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        view = memoryview(data)
        while view:
            written = self._file.write(view)
            view = view[written or 0:]
        self._count += 1
        if self._fsync_every and self._count % self._fsync_every == 0:
            os.fsync(self._file.fileno())

    def close(self) -> None:
        if self._file is not None:
            if self._fsync_every:
                os.fsync(self._file.fileno())
            self._file.close()
            self._file = None


class Reporter:
    """What `run_batch` tells as it goes (the CLI's progress bar implements it)."""

    def update(self, stats: Stats, meter: InputMeter) -> None:
        """Called after every output line."""

    def finish(self, stats: Stats, meter: InputMeter) -> None:
        """Called once at the end, also after an interruption."""


def run_batch(inputs: Sequence[str], output: str | Path | None, *,
              input_format: InputFormat = "auto",
              resume: bool = True,
              fsync_every: int = 0,
              limit: int | None = None,
              reporter: Reporter | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES,
              stats: Stats | None = None,
              **options: Any) -> Stats:
    """Read `inputs` (paths, "-" for standard input), write one JSONL line per record to
    `output` (None or "-": standard output). With `resume`, records whose input key is
    already in `output` are skipped; otherwise `output` is overwritten. `limit` stops after
    that many lines. `options` go to `process()` (workers, rules, fetcher, ...)."""
    stats = stats if stats is not None else Stats()
    to_file = output is not None and str(output) != "-"
    state: ResumeState | None = None
    if to_file:
        assert output is not None
        if resume:
            state = scan_output(output)
        else:
            Path(output).write_bytes(b"")
    meter = InputMeter(input_size(inputs))
    records = read_inputs(inputs, input_format=input_format, meter=meter, max_bytes=max_bytes)
    writer = JsonlWriter(output if to_file else None, fsync_every=fsync_every)
    results = process(records, skip=state.done if state else None,
                      seen_urls=state.urls if state else None, stats=stats, **options)
    try:
        for count, result in enumerate(results, 1):
            writer.write(result.to_json())
            if reporter is not None:
                reporter.update(stats, meter)
            if limit is not None and count >= limit:
                break
    finally:
        results.close()
        writer.close()
        if reporter is not None:
            reporter.finish(stats, meter)
    return stats
