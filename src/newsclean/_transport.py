"""One HTTP request of the fetcher, and the body it reads.

`Transport.send` makes one GET on the fetcher's session (no redirects followed, no
retries: the fetcher decides those), holds it to the page deadline even while bytes
trickle in, and reads the body only of a 2xx of a wanted type, under the size cap and the
compression-ratio cap. Whatever goes wrong below HTTP comes out as a FetchError, wrapped
in `Transient` when another attempt could fare better. requests-cache reads bodies
through `cache_filter`, so a cached body is read under the same caps.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any, Protocol

import requests
import urllib3.exceptions
from requests.structures import CaseInsensitiveDict

from ._deadline import NameLookupTimeoutError, watching
from ._http import content_type, looks_like_html
from ._http_guard import ForbiddenPeer
from ._politeness import Deadline, host_key
from .errors import FetchError, FetchTimeoutError, ForbiddenAddressError, TooLargeError

__all__ = ["REDIRECT_STATUSES", "REFUSED", "Response", "Transient", "Transport", "TransportSettings"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_RATIO_FLOOR = 1024 * 1024  # the compression ratio is only judged past 1 MiB decoded
REFUSED = "connection refused by "  # message start; a refusal is not retried
_NETWORK_ERRORS = (
    requests.RequestException,
    urllib3.exceptions.HTTPError,
    http.client.HTTPException,
    OSError,
)
_LOOKUP_NOTE = " (the name lookup timed out)"


def _lookup_timed_out(exc: BaseException) -> bool:
    """Whether a requests/urllib3 timeout came of a name lookup given up on."""
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(exc, NameLookupTimeoutError) or isinstance(reason, NameLookupTimeoutError)


def _socket_of(raw: Any) -> Any:
    conn = getattr(raw, "_connection", None)
    return getattr(conn, "sock", None)


@dataclass
class Response:
    """What one request gave; `body` is None when it was not read (not 2xx, not wanted)."""

    status: int
    reason: str
    headers: CaseInsensitiveDict[str]
    body: bytes | None
    from_cache: bool
    created_at: datetime | None


def _refused(exc: BaseException) -> bool:
    """Whether a connection failure is, somewhere in its chain of causes, a refusal."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ConnectionRefusedError):
            return True
        reason = getattr(current, "reason", None)  # urllib3's MaxRetryError
        todo += [current.__cause__, current.__context__,
                 reason if isinstance(reason, BaseException) else None,
                 *(arg for arg in current.args if isinstance(arg, BaseException))]
    return False


class Transient(Exception):
    """A failure worth another attempt; `error` is what the caller sees if none is left."""

    def __init__(self, error: FetchError) -> None:
        super().__init__(str(error))
        self.error = error


class TransportSettings(Protocol):
    """The FetchConfig settings one request reads (FetchConfig lives above this module)."""

    @property
    def connect_timeout(self) -> float: ...
    @property
    def read_timeout(self) -> float: ...
    @property
    def deadline(self) -> float: ...
    @property
    def max_compression_ratio(self) -> float: ...
    @property
    def content_types(self) -> frozenset[str]: ...


class Transport:
    """Sends the fetcher's requests; its thread-local state is the request in flight."""

    def __init__(self, config: TransportSettings) -> None:
        self.config = config
        self._local = threading.local()  # the body reader of the request in flight

    @contextmanager
    def spooling_to(self, sink: IO[bytes]) -> Iterator[None]:
        """Bodies read in this thread meanwhile go to `sink` instead of memory."""
        self._local.sink = sink
        try:
            yield
        finally:
            self._local.sink = None

    def send(self, session: requests.Session, url: str, deadline: Deadline, *, limit: int,
             html_only: bool, only_if_cached: bool = False) -> Response:
        """One HTTP request; reads the body of a 2xx response of an acceptable type.
        Failures worth retrying come out as Transient."""
        cfg = self.config
        remaining = deadline.remaining()
        if remaining <= 0:
            raise FetchTimeoutError(f"deadline of {cfg.deadline:g}s exceeded", url)
        kwargs: dict[str, Any] = {"only_if_cached": True} if only_if_cached else {}
        self._local.reader = lambda r: self._read_if_wanted(r, url, deadline, limit, html_only)
        self._local.precheck = only_if_cached
        with self._watched(url, deadline):
            try:
                resp = session.get(
                    url, stream=True, allow_redirects=False,
                    timeout=(min(cfg.connect_timeout, remaining), min(cfg.read_timeout, remaining)),
                    **kwargs)
                try:
                    body = self._read_if_wanted(resp, url, deadline, limit, html_only)
                finally:
                    resp.close()
            except ForbiddenPeer as exc:
                raise ForbiddenAddressError(f"refused: connected to {exc.reason} address "
                                            f"{exc.address}", url) from None
            except FetchError:
                raise
            except requests.exceptions.SSLError as exc:
                raise FetchError(f"TLS error: {exc}", url) from None
            except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                    requests.exceptions.MissingSchema, requests.exceptions.InvalidHeader) as exc:
                raise FetchError(f"invalid request: {exc}", url) from None
            except (requests.exceptions.ContentDecodingError, urllib3.exceptions.DecodeError) as exc:
                raise FetchError(f"could not decompress the body: {exc}", url) from None
            except (requests.exceptions.Timeout, urllib3.exceptions.TimeoutError,
                    TimeoutError) as exc:
                if deadline.remaining() <= 0:
                    note = _LOOKUP_NOTE if _lookup_timed_out(exc) else ""
                    raise FetchTimeoutError(f"deadline of {cfg.deadline:g}s exceeded{note}",
                                            url) from None
                what = ("connect timed out" if isinstance(exc, requests.exceptions.ConnectTimeout)
                        else "read timed out")
                raise Transient(FetchTimeoutError(f"{what} ({exc})", url)) from None
            except _NETWORK_ERRORS as exc:
                if _refused(exc) and not isinstance(exc, requests.exceptions.ProxyError):
                    # Nobody listens there: another attempt would not change that.
                    raise FetchError(REFUSED + host_key(url), url) from None
                raise Transient(FetchError(f"connection failed: {exc}", url)) from None
            except ValueError as exc:  # requests parses a malformed Location ("http://[::1")
                raise FetchError(f"malformed response: {exc}", url) from None
            finally:
                self._local.reader = None
                self._local.precheck = False
        created = getattr(resp, "created_at", None)
        return Response(resp.status_code, resp.reason or "", CaseInsensitiveDict(resp.headers),
                        body, bool(getattr(resp, "from_cache", False)),
                        created if isinstance(created, datetime) else None)

    @contextmanager
    def _watched(self, url: str, deadline: Deadline) -> Iterator[None]:
        """Hold the exchange inside to the deadline even while bytes trickle in: at the
        deadline its socket is shut down, and whatever came of that (an error, or a body
        cut short that looks complete) is reported as the timeout it is."""
        with watching(deadline.end) as watch:
            try:
                yield
            except FetchTimeoutError:
                raise  # already says what ran out
            except Exception:
                if watch.expired:
                    raise FetchTimeoutError(f"deadline of {self.config.deadline:g}s exceeded",
                                            url) from None
                raise
            if watch.expired:
                raise FetchTimeoutError(f"deadline of {self.config.deadline:g}s exceeded", url)

    # -- bodies ------------------------------------------------------------------

    def _wanted(self, resp: requests.Response, html_only: bool) -> bool:
        if not 200 <= resp.status_code < 300:
            return False
        if not html_only:
            return True
        media, _ = content_type(resp.headers)
        return media is None or media in self.config.content_types

    def _read_if_wanted(self, resp: requests.Response, url: str, deadline: Deadline,
                        limit: int, html_only: bool) -> bytes | None:
        memo: bytes | None = getattr(resp, "_newsclean_body", None)
        if memo is not None:
            return memo
        if not self._wanted(resp, html_only):
            return None
        if getattr(resp, "from_cache", False):
            body = resp.content
            if len(body) > limit:
                raise TooLargeError(f"cached body of {len(body)} bytes exceeds the "
                                    f"{limit}-byte cap", url)
        else:
            try:
                body = self._read_body(resp, url, deadline, limit, truncate=not html_only)
            except BaseException:
                resp.close()  # inside requests-cache nobody else would: free the connection
                raise
        spooled = getattr(self._local, "sink", None) is not None
        if (html_only and not spooled and content_type(resp.headers)[0] is None
                and not looks_like_html(body)):
            return None  # no Content-Type and no HTML inside: reported as not HTML
        resp._newsclean_body = body  # type: ignore[attr-defined]
        resp._content = body  # what requests-cache stores
        return body

    def _read_body(self, resp: requests.Response, url: str, deadline: Deadline, limit: int,
                   truncate: bool) -> bytes:
        """Stream the decoded body under the size cap, the ratio cap and the deadline."""
        cfg = self.config
        declared = resp.headers.get("Content-Length", "")
        if not truncate and declared.isdigit() and int(declared) > limit:
            raise TooLargeError(f"Content-Length {declared} exceeds the {limit}-byte cap", url)
        raw = resp.raw
        chunks: list[bytes] = []
        total = 0
        sink: IO[bytes] | None = None if truncate else getattr(self._local, "sink", None)
        if sink is not None:  # a retry starts the body afresh
            sink.seek(0)
            sink.truncate()
        while True:
            remaining = deadline.remaining()
            if remaining <= 0:
                raise FetchTimeoutError(
                    f"deadline of {cfg.deadline:g}s exceeded after {total} bytes of body", url)
            sock = _socket_of(raw)
            if sock is not None:  # the socket wait may not outlive the deadline either
                sock.settimeout(min(cfg.read_timeout, remaining))
            chunk = raw.read1(_CHUNK, decode_content=True)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                if truncate:
                    chunks.append(chunk[: len(chunk) - (total - limit)])
                    break
                raise TooLargeError(f"body exceeds the {limit}-byte cap", url)
            transferred = raw.tell()
            if (total > _RATIO_FLOOR and transferred
                    and total / transferred > cfg.max_compression_ratio):
                raise TooLargeError(
                    f"decompression bomb: {transferred} bytes expand beyond {total} "
                    f"(ratio over {cfg.max_compression_ratio:g})", url)
            if sink is not None:
                sink.write(chunk)
            else:
                chunks.append(chunk)
        return b"".join(chunks)

    def cache_filter(self, resp: requests.Response) -> bool:
        """requests-cache asks this before storing a response; it would read the whole
        body unbounded, so the body is read here first, under our caps."""
        if getattr(resp, "from_cache", False) or getattr(self._local, "precheck", False):
            return True  # never let a cache probe delete an entry kept for revalidation
        reader = getattr(self._local, "reader", None)
        if reader is None or not 200 <= resp.status_code < 300:
            return False
        return reader(resp) is not None
