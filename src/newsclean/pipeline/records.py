"""Input records and the readers that produce them (URL lists, JSONL, WARC).

Every reader turns each input record into exactly one `Record`; a record that is already
known to be bad (an invalid JSON line, a truncated WARC record, a non-HTML payload) carries
an `error` instead of HTML, so it still produces its one output line.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any, Literal

from .._http import is_html, parse_content_type, url_problem

__all__ = ["DEFAULT_MAX_BYTES", "InputFormat", "InputMeter", "Record", "RecordError", "check_url",
           "detect_format", "input_size", "read_inputs", "read_jsonl", "read_url_lines",
           "read_warc", "record_from_mapping", "record_from_url_line"]

from ._keys import input_name

InputFormat = Literal["auto", "urls", "jsonl", "warc"]

#: Largest payload read from a WARC record; a bigger one becomes a TooLargeError record.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RecordError:
    """Why one record gave no article: `type` is an exception or pipeline error name."""

    type: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "message": self.message}


@dataclass(frozen=True, slots=True)
class Record:
    """One page to process.

    `html` None means "fetch `url`". `key` identifies the record across reruns (resume);
    readers use the source position ("urls.txt:12", "crawl.warc.gz@40960"). `error` marks a
    record that is already known to be bad; it becomes an error line without any work.
    """

    url: str | None
    html: bytes | str | None = None
    fetched_at: datetime | None = None
    source: str | None = None
    key: str | None = None
    error: RecordError | None = None


class InputMeter:
    """Bytes of input consumed so far, for the progress bar's percentage and ETA."""

    def __init__(self, total: int | None = None) -> None:
        self.total = total
        self.done = 0
        self.base = 0  # bytes of the inputs already finished


# --- single-record helpers ------------------------------------------------------------


def _bad(key: str, url: str | None, kind: str, message: str) -> Record:
    return Record(url=url, source=key, key=key, error=RecordError(kind, message))


def check_url(url: str) -> str | None:
    """None when `url` is an absolute http(s) URL, else the reason it is not (the
    fetcher's own check, so a record is refused here exactly when a fetch would be)."""
    reason = url_problem(url)
    return None if reason is None else f"{reason}: {url!r}"


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def record_from_mapping(obj: Any, key: str) -> Record:
    """A JSONL object (`{"url": ..., "html": ..., "fetched_at": ...}`) as a Record."""
    if not isinstance(obj, Mapping):
        return _bad(key, None, "InvalidRecord", f"expected a JSON object, got {type(obj).__name__}")
    url = obj.get("url")
    html = obj.get("html")
    if url is not None and not isinstance(url, str):
        return _bad(key, None, "InvalidRecord", "'url' must be a string")
    if html is not None and not isinstance(html, str | bytes):
        return _bad(key, url, "InvalidRecord", "'html' must be a string")
    if html is None:
        if not url:
            return _bad(key, url, "InvalidRecord", "a record needs 'html' or a 'url' to fetch")
        reason = check_url(url)
        if reason:
            return _bad(key, url, "InvalidURL", reason)
    return Record(url=url or None, html=html, fetched_at=_parse_time(obj.get("fetched_at")),
                  source=key, key=key)


def record_from_url_line(line: str, key: str) -> Record:
    reason = check_url(line)
    if reason:
        return _bad(key, line, "InvalidURL", reason)
    return Record(url=line, source=key, key=key)


# --- readers ------------------------------------------------------------------------


def read_url_lines(stream: IO[bytes], name: str, meter: InputMeter | None = None,
                   raw: IO[bytes] | None = None) -> Iterator[Record]:
    """One URL a line; blank lines and lines starting with '#' are not records."""
    for number, data in enumerate(stream, 1):
        line = data.decode("utf-8", "replace").strip()
        if not line or line.startswith("#"):
            continue
        _advance(meter, raw or stream)
        yield record_from_url_line(line, f"{name}:{number}")


def read_jsonl(stream: IO[bytes], name: str, meter: InputMeter | None = None,
               raw: IO[bytes] | None = None) -> Iterator[Record]:
    """One JSON object a line; blank lines are not records, any other line is one."""
    for number, data in enumerate(stream, 1):
        if not data.strip():
            continue
        key = f"{name}:{number}"
        _advance(meter, raw or stream)
        try:
            obj = json.loads(data)
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
            yield _bad(key, None, "InvalidJSON", f"{key}: {exc}")
            continue
        yield record_from_mapping(obj, key)


def read_warc(stream: IO[bytes], name: str, meter: InputMeter | None = None,
              raw: IO[bytes] | None = None, *, size: int | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """Response records of a WARC (plain or gzipped) as Records; other record types
    (request, metadata, revisit, warcinfo) are not pages and are passed over.

    A non-HTML or non-2xx response, a truncated record or an oversized payload becomes an
    error Record. A WARC that cannot be read further (a damaged header, a gzip member cut
    short) gives one error Record at the failing offset, and the file ends there. `size`,
    the file's length, lets a record lost at the end of a cut gzip file be reported: warcio
    itself stops there without a word.
    """
    from warcio.archiveiterator import ArchiveIterator

    iterator = ArchiveIterator(stream)
    emitted: str | None = None
    try:
        for warc_record in iterator:
            # Before the payload is read, `offset` is the start of the current record.
            key = f"{name}@{iterator.offset}"
            if warc_record.rec_type != "response":
                continue
            _advance(meter, raw or stream)
            emitted = key
            yield _warc_response(warc_record, key, max_bytes)
    except Exception as exc:  # warcio raises assorted errors on damaged input
        offset = getattr(iterator, "offset", 0)
        key = f"{name}@{offset}"
        if key == emitted:
            key += "/end"
        yield _bad(key, _peek_target_uri(name, offset, size), "InvalidWARC",
                   f"{key}: cannot read the record here (truncated or damaged): "
                   f"{type(exc).__name__}: {exc}")
        return
    offset = getattr(iterator, "offset", 0)
    if size is not None and offset < size and f"{name}@{offset}" != emitted:
        key = f"{name}@{offset}"
        yield _bad(key, _peek_target_uri(name, offset, size), "TruncatedRecord",
                   f"{key}: the last {size - offset} bytes are not a complete record")


def _peek_target_uri(path: str, offset: int, size: int | None) -> str | None:
    """The WARC-Target-URI of a damaged record, when its header can still be read."""
    if size is None:
        return None
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            data = handle.read(65536)
    except OSError:
        return None
    if data[:2] == b"\x1f\x8b":
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)
        except zlib.error:
            return None
    header = data.split(b"\r\n\r\n", 1)[0]
    match = re.search(rb"(?im)^WARC-Target-URI:[ \t]*<?([^\s>]+)", header)
    return match.group(1).decode("utf-8", "replace") if match else None


def _warc_response(warc_record: Any, key: str, max_bytes: int) -> Record:
    url = warc_record.rec_headers.get_header("WARC-Target-URI")
    http = warc_record.http_headers
    if http is None:
        return _bad(key, url, "NotHTMLError", f"{key}: response record without HTTP headers")
    try:
        body: bytes = warc_record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # a broken chunked or gzip body
        return _bad(key, url, "InvalidRecord", f"{key}: cannot decode payload: {exc}")
    # The record's own length says how many bytes should have been there.
    if getattr(warc_record.raw_stream, "limit", 0) > 0 and len(body) <= max_bytes:
        return _bad(key, url, "TruncatedRecord",
                    f"{key}: the record ends before its declared Content-Length")
    if len(body) > max_bytes:
        return _bad(key, url, "TooLargeError", f"{key}: payload larger than {max_bytes} bytes")
    status = http.get_statuscode()
    if not (status or "").startswith("2"):
        return _bad(key, url, "HTTPStatusError", f"{key}: HTTP status {status}")
    declared = http.get_header("Content-Type")
    if not is_html(parse_content_type(declared)[0], body):
        return _bad(key, url, "NotHTMLError", f"{key}: not HTML ({declared or 'no content type'})")
    fetched_at = _http_date(http.get_header("Date")) or _parse_time(
        warc_record.rec_headers.get_header("WARC-Date"))
    return Record(url=url, html=body, fetched_at=fetched_at, source=key, key=key)


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _advance(meter: InputMeter | None, raw: IO[bytes]) -> None:
    if meter is None:
        return
    with contextlib.suppress(OSError, ValueError):
        meter.done = meter.base + raw.tell()


# --- files and format detection -------------------------------------------------------


def detect_format(name: str, head: bytes) -> Literal["urls", "jsonl", "warc"]:
    """The format of an input from its name, else from its first bytes (decompressed)."""
    lower = name.lower()
    if ".warc" in lower or lower.endswith(".arc.gz"):
        return "warc"
    if lower.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz")):
        return "jsonl"
    if lower.endswith((".txt", ".txt.gz", ".urls")):
        return "urls"
    text = head.lstrip()
    if text.startswith(b"WARC/"):
        return "warc"
    if text.startswith((b"{", b"[")):
        return "jsonl"
    return "urls"


def read_inputs(paths: Iterable[str], *, input_format: InputFormat = "auto",
                meter: InputMeter | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """Records of every input in turn; "-" is standard input. A file that cannot be opened,
    or stops being readable (a gzip file cut short), gives one error Record (key = its
    path) after the records read so far, and the other inputs are still read."""
    for path in paths:
        try:
            yield from _read_one(path, input_format, meter, max_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            yield _bad(input_name(path), None, "InputError", f"{path}: {reason}")
        if meter is not None and path != "-":
            with contextlib.suppress(OSError):
                meter.base += os.path.getsize(path)
            meter.done = meter.base


def input_size(paths: Iterable[str]) -> int | None:
    """Total bytes of the input files (None when one is standard input or missing)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        try:
            total += os.path.getsize(path)
        except OSError:
            return None
    return total


def _read_one(path: str, input_format: InputFormat, meter: InputMeter | None,
              max_bytes: int) -> Iterator[Record]:
    # Closed in `finally`, once the generator ends or is closed.
    raw: IO[bytes] = sys.stdin.buffer if path == "-" else Path(path).open("rb")  # noqa: SIM115
    try:
        buffered: Any = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
        head = buffered.peek(4096)
        compressed = head[:2] == b"\x1f\x8b"
        if compressed:
            # Peek into the compressed stream without consuming it.
            try:
                head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 256)
            except zlib.error:
                head = b""
        fmt = detect_format(path, head) if input_format == "auto" else input_format
        name = input_name(path)  # keys must not depend on how the path is spelt
        if fmt == "warc":
            # warcio reads gzip members itself, so offsets are those of the file.
            size = None if path == "-" else os.path.getsize(path)
            yield from read_warc(buffered, name, meter, size=size, max_bytes=max_bytes)
            return
        stream: IO[bytes] = gzip.GzipFile(fileobj=buffered) if compressed else buffered  # type: ignore[assignment]
        if fmt == "jsonl":
            yield from read_jsonl(stream, name, meter, raw=buffered)
        else:
            yield from read_url_lines(stream, name, meter, raw=buffered)
    finally:
        if path != "-":
            raw.close()
