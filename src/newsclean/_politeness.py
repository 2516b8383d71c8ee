"""How hard the fetcher may press on one host, and the page deadline it presses within.

Politeness is counted per host:port (`host_key`): a cap on requests in flight and a
minimum spacing between request starts, which a robots.txt Crawl-delay can lengthen and
a Retry-After can push back for every request to that host. Waiting for the host's turn
counts against the page's `Deadline`; a wait that would pass it fails at once.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from urllib.parse import urlsplit

from .errors import RetryLaterError

__all__ = ["Deadline", "Politeness", "host_key", "origin_of", "parse_retry_after"]


class Deadline:
    """The monotonic time by which one page must be fetched."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def extend(self, seconds: float) -> None:
        self.end += seconds


def host_key(url: str) -> str:
    """host:port, the unit of politeness."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        return ""
    return f"{(parts.hostname or '').lower()}:{port}"


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class _Host:
    def __init__(self, max_in_flight: int, interval: float) -> None:
        self.slots = threading.BoundedSemaphore(max_in_flight)
        self.lock = threading.Lock()
        self.interval = interval
        self.next_start = 0.0  # monotonic time before which no request may start


class Politeness:
    """Per-host spacing between request starts and a cap on requests in flight."""

    def __init__(self, max_in_flight: int, interval: float) -> None:
        self._max = max_in_flight
        self._interval = interval
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def host(self, key: str) -> _Host:
        with self._lock:
            state = self._hosts.get(key)
            if state is None:
                state = self._hosts[key] = _Host(self._max, self._interval)
            return state

    def set_interval(self, key: str, interval: float) -> None:
        state = self.host(key)
        with state.lock:
            state.interval = max(self._interval, interval)

    def hold_off(self, key: str, seconds: float) -> None:
        """No request to this host for `seconds` (a Retry-After applies to everyone)."""
        state = self.host(key)
        with state.lock:
            state.next_start = max(state.next_start, time.monotonic() + seconds)

    @contextmanager
    def slot(self, key: str, deadline: Deadline, url: str, spaced: bool = True
             ) -> Iterator[None]:
        """Wait for a free slot, then for the host's next start. Queueing for a slot does
        not count against the page deadline (it waits for our own requests, each bounded
        by its deadline); the wait for the host's start does (its interval, Crawl-delay or
        Retry-After come from the server), and one that would pass the deadline raises
        RetryLaterError at once instead of sleeping."""
        state = self.host(key)
        queued = time.monotonic()
        state.slots.acquire()
        try:
            deadline.extend(time.monotonic() - queued)
            if spaced:
                with state.lock:
                    now = time.monotonic()
                    start = max(now, state.next_start)
                    wait = start - now
                    if wait >= deadline.remaining():
                        raise RetryLaterError(
                            f"the host's next request is due in {wait:.1f}s (its interval, "
                            "Crawl-delay or Retry-After), past the page deadline; "
                            "no request made", url, wait)
                    state.next_start = start + state.interval
                if wait > 0:
                    time.sleep(wait)
            yield
        finally:
            state.slots.release()
