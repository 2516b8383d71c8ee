"""Reading untrusted XML: no entities expanded, no network, no huge trees, and a cap on
what a gzip stream may expand to."""

from __future__ import annotations

import gzip
import io
import zlib
from typing import IO, cast

from lxml import etree

__all__ = ["BOM", "GZIP_MAGIC", "CappedReader", "open_body", "safe_parser"]

GZIP_MAGIC = b"\x1f\x8b"
BOM = b"\xef\xbb\xbf"


def safe_parser() -> etree.XMLParser:
    """A parser for whole small documents (feeds)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, remove_comments=True, remove_pis=True)


class CappedReader(io.RawIOBase):
    """Reads a stream, raising `error` once more than `limit` bytes came out of it."""

    def __init__(self, stream: IO[bytes] | gzip.GzipFile, limit: int, error: Exception) -> None:
        self._stream = stream
        self._left = limit
        self._error = error

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        want = self._left + 1 if size < 0 else min(size, self._left + 1)
        try:
            data = self._stream.read(want)
        except (OSError, EOFError, zlib.error) as exc:  # a corrupt or truncated gzip
            raise _with_cause(self._error, f"bad gzip data ({exc})") from None
        self._left -= len(data)
        if self._left < 0:
            raise self._error
        return data

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _with_cause(error: Exception, message: str) -> Exception:
    """An error of the same type as `error` (url kept) with another message."""
    url = getattr(error, "url", "")
    return type(error)(message, url)


def open_body(source: bytes | IO[bytes], limit: int, too_large: Exception) -> IO[bytes]:
    """The body as a stream, gunzipped when it is gzip data, under `limit` bytes."""
    if isinstance(source, bytes):
        if not source.startswith(GZIP_MAGIC):
            return io.BytesIO(source)
        source = io.BytesIO(source)
    buffered = source if isinstance(source, io.BufferedReader | io.BytesIO) else \
        io.BufferedReader(cast(io.RawIOBase, source))
    start = buffered.peek(2)[:2] if isinstance(buffered, io.BufferedReader) else \
        buffered.getvalue()[buffered.tell():buffered.tell() + 2]
    inner: IO[bytes] | gzip.GzipFile = buffered
    if start == GZIP_MAGIC:
        inner = gzip.GzipFile(fileobj=buffered, mode="rb")
    return io.BufferedReader(CappedReader(inner, limit, too_large))
