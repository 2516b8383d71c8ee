"""Batch processing: many pages in, one JSONL line per page out.

    >>> from newsclean.pipeline import process
    >>> for result in process(["https://example.com/a", {"url": u, "html": html}]):
    ...     result.to_json()

`process()` streams (memory stays flat whatever the input size), extracts in worker
processes, preserves input order and never drops a record: each input gives exactly one
`Result`, an article or an error. `run_batch()` adds input files, a resumable JSONL output
and progress reporting; it is what `newsclean batch` calls.
"""

from __future__ import annotations

from .core import ExtractFn, HashedSet, Result, Stats, process
from .output import ResumeState, run_batch, scan_output
from .records import InputMeter, Record, RecordError, read_inputs

__all__ = [
    "ExtractFn",
    "HashedSet",
    "InputMeter",
    "Record",
    "RecordError",
    "Result",
    "ResumeState",
    "Stats",
    "process",
    "read_inputs",
    "run_batch",
    "scan_output",
]
