"""robots.txt: read once per origin, kept for a while, asked before every request.

`RobotsCache` owns the per-origin entries and their locks (one read of a robots.txt
however many threads want it), turns the response into an entry (RFC 9309: a 5xx or 429
means disallow all for a short while, any other failure allow all), and hands a
Crawl-delay to the host's politeness. The request itself is the fetcher's, lent as `hop`
(address guard, politeness slot, retries, the robots.txt size cap) and `next_hop` (its
redirect checks), so robots.txt is fetched as carefully as any page.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from protego import Protego
from requests.structures import CaseInsensitiveDict

from ._politeness import Deadline, Politeness, host_key, origin_of
from ._transport import REDIRECT_STATUSES, REFUSED, Response
from .errors import (
    FetchError,
    FetchTimeoutError,
    ForbiddenAddressError,
    HTTPStatusError,
    RetryLaterError,
    RobotsDisallowedError,
    TooManyRedirectsError,
)

__all__ = ["ROBOTS_MAX_BYTES", "RobotsCache", "RobotsEntry", "RobotsSettings"]

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to parse at least 500 KiB
_ERROR_TTL = 30.0  # a 5xx robots.txt means "disallow all", but only briefly
# Error classes built as Cls(message, url), so they can be re-raised naming another URL.
_SIMPLE_ERRORS = (FetchError, FetchTimeoutError, ForbiddenAddressError, TooManyRedirectsError)


class RobotsSettings(Protocol):
    """The FetchConfig settings robots.txt handling reads (FetchConfig lives above)."""

    @property
    def user_agent(self) -> str: ...
    @property
    def deadline(self) -> float: ...
    @property
    def robots_cache_ttl(self) -> float: ...
    @property
    def honour_crawl_delay(self) -> bool: ...
    @property
    def max_crawl_delay(self) -> float: ...


@dataclass
class RobotsEntry:
    """One origin's robots.txt as read, until `expires` (monotonic time)."""

    parser: Protego | None  # None: everything allowed
    deny_all: bool
    expires: float
    status: int | None = None


class RobotsCache:
    """The robots.txt entries of one fetcher, by origin."""

    def __init__(self, config: RobotsSettings, polite: Politeness,
                 hop: Callable[[str, Deadline], Response],
                 next_hop: Callable[[str, str, list[str], set[str]], str]) -> None:
        self.config = config
        self._polite = polite
        self._hop = hop  # one request, no redirect followed
        self._next_hop = next_hop  # the redirect target, or FetchError
        self._entries: dict[str, RobotsEntry] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def sitemaps(self, url: str, deadline: Deadline) -> list[str]:
        entry = self.entry(url, deadline)
        return list(entry.parser.sitemaps) if entry.parser is not None else []

    def entry(self, url: str, deadline: Deadline) -> RobotsEntry:
        origin = origin_of(url)
        with self._lock:
            lock = self._locks.setdefault(origin, threading.Lock())
        # One fetch of robots.txt per origin, however many threads ask; waiting for
        # another thread's fetch of it counts against this page's deadline.
        if not lock.acquire(timeout=max(0.0, deadline.remaining())):
            raise FetchTimeoutError(f"deadline of {self.config.deadline:g}s exceeded waiting "
                                    f"for robots.txt of {origin}", url)
        try:
            entry = self._entries.get(origin)
            if entry is None or entry.expires < time.monotonic():
                try:
                    entry = self._entries[origin] = self._load(origin, deadline)
                except RetryLaterError as exc:
                    raise RetryLaterError(f"robots.txt: {exc.message}", url, exc.wait) from None
                except FetchError as exc:
                    if type(exc) not in _SIMPLE_ERRORS:
                        raise
                    if exc.message.startswith(REFUSED):  # about the host, not robots.txt
                        raise FetchError(exc.message, url) from None
                    # Name the page the caller asked for; the message keeps robots.txt's URL.
                    raise type(exc)(f"could not read robots.txt: {exc}", url) from None
        finally:
            lock.release()
        return entry

    def check(self, url: str, deadline: Deadline) -> None:
        """RobotsDisallowedError unless robots.txt lets the configured agent fetch `url`."""
        origin = origin_of(url)
        entry = self.entry(url, deadline)
        if entry.deny_all:
            raise RobotsDisallowedError(
                f"robots.txt is unavailable (HTTP {entry.status}), which means "
                "disallow all (RFC 9309); no request made", url)
        if entry.parser is not None and not entry.parser.can_fetch(url, self.config.user_agent):
            raise RobotsDisallowedError(
                f"robots.txt of {origin} disallows this URL for {self.config.user_agent!r}; "
                "no request made", url)

    def _load(self, origin: str, deadline: Deadline) -> RobotsEntry:
        cfg = self.config
        current = origin + "/robots.txt"
        chain: list[str] = []
        seen = {current}
        for _ in range(6):  # RFC 9309: follow at least five redirects
            try:
                resp = self._hop(current, deadline)
            except HTTPStatusError as exc:  # 429/5xx persisted: "unreachable"
                return RobotsEntry(None, True, time.monotonic() + _ERROR_TTL, exc.status)
            location = resp.headers.get("Location")
            if resp.status in REDIRECT_STATUSES and location:
                chain.append(current)
                try:
                    current = self._next_hop(current, location, chain, seen)
                except FetchError:
                    break
                continue
            break
        else:
            resp = Response(404, "", CaseInsensitiveDict(), None, False, None)
        expires = time.monotonic() + cfg.robots_cache_ttl
        if resp.status >= 500 or resp.status == 429:  # when not in retry_statuses
            return RobotsEntry(None, True, time.monotonic() + _ERROR_TTL, resp.status)
        if not 200 <= resp.status < 300 or resp.body is None:
            return RobotsEntry(None, False, expires, resp.status)  # no robots.txt: all allowed
        parser = Protego.parse(resp.body.decode("utf-8", "replace"))
        if cfg.honour_crawl_delay:
            delay = parser.crawl_delay(cfg.user_agent)
            if delay:
                self._polite.set_interval(host_key(origin), min(delay, cfg.max_crawl_delay))
        return RobotsEntry(parser, False, expires, resp.status)
