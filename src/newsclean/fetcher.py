"""Polite, robust HTTP fetching of news pages.

    >>> page = newsclean.fetch("https://example.com/news/story")
    >>> with newsclean.Fetcher(FetchConfig(min_host_interval=2)) as fetcher:
    ...     for url, result in fetcher.fetch_many(urls):
    ...         ...

One `Fetcher` owns one `requests.Session` (so proxies and CA bundles come from the
environment as in requests) and is safe to share between threads. Every hop of a redirect
chain is followed here, not by requests, so the redirect limit, loop detection, robots.txt
and the address guard apply to each hop.

This module holds the settings and the flow of a page: URL checks, redirects, the address
guard, the HTTP cache probe, retries with back-off and `fetch_many`'s scheduling. What it
drives lives beside it: `_transport` (one request and its body, under the caps),
`_politeness` (the page deadline, per-host spacing and slots) and `_robots` (robots.txt).
"""

from __future__ import annotations

import os
import random
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import TracebackType
from typing import IO
from urllib.parse import urljoin, urlsplit

import requests

from ._deadline import NameLookupTimeout, lookup_limit, watch_adapter
from ._http import HTML_TYPES, content_type, normalise_url, url_problem
from ._http_guard import AddressPolicy, mount_guard, resolve
from ._politeness import Deadline, Politeness, host_key, parse_retry_after
from ._robots import ROBOTS_MAX_BYTES, RobotsCache
from ._transport import REDIRECT_STATUSES, Response, Transient, Transport
from ._version import __version__
from .decoding.charset import decode_html
from .errors import (
    FetchError,
    FetchTimeoutError,
    ForbiddenAddressError,
    HTTPStatusError,
    NotHTMLError,
    RetryLaterError,
    TooManyRedirectsError,
)

__all__ = ["DEFAULT_USER_AGENT", "FetchConfig", "Fetcher", "Page", "decode_html", "fetch",
           "parse_retry_after"]

DEFAULT_USER_AGENT = f"newsclean/{__version__} (+https://github.com/newsclean/newsclean)"


@dataclass(frozen=True)
class FetchConfig:
    """Every fetcher setting. Durations are seconds; sizes are bytes."""

    user_agent: str = DEFAULT_USER_AGENT
    headers: Mapping[str, str] = field(default_factory=dict)  # extra request headers
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # longest silence while waiting for bytes
    deadline: float = 60.0  # total per page: redirects, retries and back-off waits
    max_retries: int = 3  # further attempts after the first, per request
    backoff_base: float = 0.5  # first back-off; doubles on each retry
    backoff_max: float = 30.0
    backoff_jitter: float = 0.5  # each wait is shortened by a random 0..jitter fraction
    retry_statuses: frozenset[int] = frozenset({429, *range(500, 600)})
    max_retry_after: float = 120.0  # longer Retry-After values are cut to this
    max_redirects: int = 10
    max_bytes: int = 10 * 1024 * 1024  # decoded body size cap
    max_compression_ratio: float = 100.0  # decoded/transferred, judged past 1 MiB
    content_types: frozenset[str] = HTML_TYPES
    respect_robots: bool = True
    robots_cache_ttl: float = 3600.0
    min_host_interval: float = 1.0  # between request starts to one host
    max_per_host: int = 2  # requests in flight to one host
    honour_crawl_delay: bool = True  # a robots.txt Crawl-delay lengthens the interval
    max_crawl_delay: float = 30.0
    cache_path: str | os.PathLike[str] | None = None  # SQLite HTTP cache; None = no cache
    cache_max_age: float = 0.0  # 0 = always revalidate (ETag/Last-Modified); -1 = forever
    trust_env: bool = True  # proxies, CA bundle and .netrc from the environment
    proxies: Mapping[str, str] | None = None
    verify: bool | str = True  # TLS verification, or a CA bundle path
    allow_private_addresses: bool = True  # False: refuse private/loopback/link-local
    allowed_networks: tuple[str, ...] = ()  # exceptions to the refusal, e.g. "127.0.0.0/8"

    def __post_init__(self) -> None:
        positive = ("connect_timeout", "read_timeout", "deadline", "max_bytes",
                    "max_compression_ratio", "max_per_host")
        for name in positive:
            if getattr(self, name) <= 0:
                raise ValueError(f"FetchConfig.{name} must be positive")
        non_negative = ("max_retries", "backoff_base", "backoff_max", "max_retry_after",
                        "max_redirects", "robots_cache_ttl", "min_host_interval",
                        "max_crawl_delay")
        for name in non_negative:
            if getattr(self, name) < 0:
                raise ValueError(f"FetchConfig.{name} must not be negative")
        if not 0 <= self.backoff_jitter <= 1:
            raise ValueError("FetchConfig.backoff_jitter must be between 0 and 1")
        if self.cache_max_age < 0 and self.cache_max_age != -1:
            raise ValueError("FetchConfig.cache_max_age must be >= 0, or -1 for never")
        AddressPolicy(self.allowed_networks)  # raises ValueError on a bad network


@dataclass(frozen=True)
class Page:
    """A fetched page. `redirects` lists the URLs that answered with a redirect, in order."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    text: str
    encoding: str
    fetched_at: datetime
    elapsed: float
    redirects: list[str] = field(default_factory=list)
    from_cache: bool = False


# --- small helpers ------------------------------------------------------------------


def _check_url(url: str) -> str:
    """The URL without its fragment; FetchError unless it is an absolute http(s) URL."""
    reason = url_problem(url)
    if reason is not None:
        raise FetchError(reason, url if isinstance(url, str) else repr(url))
    return normalise_url(url)


# --- the fetcher --------------------------------------------------------------------


class Fetcher:
    """A reusable, thread-safe fetcher: one session, one politeness and robots state."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self._transport = Transport(self.config)
        self.session = self._make_session()
        self._policy = (None if self.config.allow_private_addresses
                        else AddressPolicy(self.config.allowed_networks))
        if self._policy is not None:
            mount_guard(self.session, self._policy)
        for adapter in self.session.adapters.values():
            if isinstance(adapter, requests.adapters.HTTPAdapter):
                watch_adapter(adapter)  # the deadline can cut a trickling exchange
        self._polite = Politeness(self.config.max_per_host, self.config.min_host_interval)
        self._robots = RobotsCache(self.config, self._polite, self._robots_hop, self._next_hop)
        self._closed = False

    # -- session -----------------------------------------------------------------

    def _make_session(self) -> requests.Session:
        cfg = self.config
        session: requests.Session
        if cfg.cache_path is not None:
            try:
                import requests_cache
            except ImportError as exc:  # pragma: no cover - depends on the install
                raise ImportError("FetchConfig.cache_path needs requests-cache: "
                                  "pip install 'newsclean[cache]'") from exc
            session = requests_cache.CachedSession(
                str(cfg.cache_path),
                backend="sqlite",
                expire_after=cfg.cache_max_age,
                cache_control=True,
                allowable_codes=(200,),
                allowable_methods=("GET",),
                filter_fn=self._transport.cache_filter,
            )
        else:
            session = requests.Session()
        session.trust_env = cfg.trust_env
        session.verify = cfg.verify
        if cfg.proxies:
            session.proxies.update(cfg.proxies)
        session.headers["User-Agent"] = cfg.user_agent
        session.headers["Accept"] = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
        session.headers.update(cfg.headers)
        return session

    def close(self) -> None:
        self._closed = True
        self.session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- public API --------------------------------------------------------------

    def fetch(self, url: str) -> Page:
        """Fetch one HTML page, following redirects. Raises a FetchError subclass."""
        started = time.monotonic()
        fetched_at = datetime.now(UTC)
        original = url
        if self._closed:
            raise FetchError("the fetcher is closed", str(url))
        current = _check_url(url)
        deadline = Deadline(self.config.deadline)
        chain: list[str] = []
        seen = {current}
        while True:
            self._guard(current, deadline)
            resp = self._cached(current, deadline)
            if resp is None:
                if self.config.respect_robots:
                    self._robots.check(current, deadline)
                resp = self._exchange(current, deadline)
            location = resp.headers.get("Location")
            if resp.status in REDIRECT_STATUSES and location:
                chain.append(current)
                current = self._next_hop(current, location, chain, seen)
                continue
            break
        if resp.status >= 300:
            raise HTTPStatusError(f"HTTP {resp.status} {resp.reason}".rstrip(), current,
                                  resp.status)
        if resp.body is None:  # a 2xx whose body we chose not to read
            media, _ = content_type(resp.headers)
            if media is not None:
                raise NotHTMLError(f"not an HTML page (content type {media!r})", current, media)
            raise NotHTMLError("not an HTML page (no Content-Type, body is not HTML)",
                               current, None)
        _, charset = content_type(resp.headers)
        text, encoding = decode_html(resp.body, charset)
        if resp.from_cache and resp.created_at is not None:
            fetched_at = resp.created_at  # relative ages on the page date from then
        return Page(
            url=original,
            final_url=current,
            status=resp.status,
            headers=dict(resp.headers),
            content=resp.body,
            text=text,
            encoding=encoding,
            fetched_at=fetched_at,
            elapsed=time.monotonic() - started,
            redirects=chain,
            from_cache=resp.from_cache,
        )

    def fetch_to(self, url: str, sink: IO[bytes]) -> Page:
        """Fetch `url` as `fetch` does (any accepted content type, same checks), but write
        the body to `sink` as it arrives instead of holding it: the Page's `content` and
        `text` are empty. For bodies too large to keep in memory (sitemaps); `sink` is
        written from its start and truncated there."""
        if hasattr(self.session, "cache"):  # the cache stores whole bodies anyway
            page = self.fetch(url)
            sink.seek(0)
            sink.truncate()
            sink.write(page.content)
            return replace(page, content=b"", text="")
        with self._transport.spooling_to(sink):
            return self.fetch(url)

    def fetch_many(self, urls: Iterable[str], *, max_workers: int = 16,
                   ) -> Iterator[tuple[str, Page | FetchError]]:
        """Fetch many URLs concurrently, yielding (url, page or error) as each finishes.

        Hosts are served round-robin and a URL is only handed to a worker when its host has
        a free slot, so one slow host never occupies every worker."""
        if max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        queues: dict[str, deque[str]] = {}
        for url in urls:
            queues.setdefault(host_key(url) if isinstance(url, str) else "", deque()).append(url)
        busy: dict[str, int] = dict.fromkeys(queues, 0)
        order = deque(queues)
        running: dict[Future[Page], tuple[str, str]] = {}
        with ThreadPoolExecutor(max_workers=max_workers,
                                thread_name_prefix="newsclean-fetch") as pool:
            while order or running:
                # Hand out URLs one host at a time, round after round, until every worker
                # is busy or every host with work left is at its limit.
                progress = True
                while progress and order and len(running) < max_workers:
                    progress = False
                    for _ in range(len(order)):
                        if len(running) >= max_workers:
                            break
                        host = order.popleft()
                        if busy[host] < self.config.max_per_host:
                            url = queues[host].popleft()
                            busy[host] += 1
                            running[pool.submit(self.fetch, url)] = (url, host)
                            progress = True
                        if queues[host]:
                            order.append(host)
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    url, host = running.pop(future)
                    busy[host] -= 1
                    exc = future.exception()
                    if exc is None:
                        yield url, future.result()
                    elif isinstance(exc, FetchError):
                        yield url, exc
                    else:
                        raise exc

    # -- one hop -----------------------------------------------------------------

    def _next_hop(self, current: str, location: str, chain: list[str], seen: set[str]) -> str:
        try:
            target = _check_url(urljoin(current, location.strip()))
        except (FetchError, ValueError) as exc:  # urljoin refuses e.g. "http://[::1"
            raise FetchError(f"redirect to an unusable URL {location!r}: {exc}",
                             chain[0]) from None
        if target in seen:
            path = " -> ".join([*chain, target])
            raise TooManyRedirectsError(f"redirect loop: {path}", chain[0])
        if len(chain) > self.config.max_redirects:
            raise TooManyRedirectsError(
                f"more than {self.config.max_redirects} redirects (last: {target})", chain[0])
        seen.add(target)
        return target

    def _guard(self, url: str, deadline: Deadline) -> None:
        if self._policy is None:
            return
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        limit = lookup_limit(self.config.connect_timeout, deadline.end) or 0.0
        try:
            addresses = resolve(host, port, limit)
        except NameLookupTimeout:
            raise FetchTimeoutError(f"name lookup of {host} timed out after {limit:.2g}s "
                                    f"(connect timeout or page deadline)", url) from None
        for address in addresses:
            reason = self._policy.refusal(address)
            if reason is not None:
                raise ForbiddenAddressError(
                    f"refused: {host} resolves to {reason} address {address}", url)

    def _cached(self, url: str, deadline: Deadline) -> Response | None:
        """A fresh cached response, without touching the network, or None."""
        if not hasattr(self.session, "cache"):
            return None
        resp = self._send(url, deadline, limit=self.config.max_bytes, html_only=True,
                          only_if_cached=True)
        return resp if resp.from_cache and resp.status == 200 else None

    def _exchange(self, url: str, deadline: Deadline, *, robots: bool = False) -> Response:
        """One request with retries on dropped connections, timeouts, 429 and 5xx.
        Raises HTTPStatusError when a retryable status persists."""
        cfg = self.config
        host = host_key(url)
        limit = ROBOTS_MAX_BYTES if robots else cfg.max_bytes
        attempt = 0
        while True:
            backoff = min(cfg.backoff_max, cfg.backoff_base * 2 ** attempt)
            wait_for = backoff * (1 - cfg.backoff_jitter * random.random())
            retry_after: float | None = None
            try:
                with self._polite.slot(host, deadline, url, spaced=not robots):
                    resp = self._send(url, deadline, limit=limit, html_only=not robots)
            except Transient as exc:
                failure = exc.error
            else:
                if resp.status not in cfg.retry_statuses:
                    return resp
                retry_after = parse_retry_after(resp.headers.get("Retry-After"))
                if retry_after is not None:
                    wait_for = min(retry_after, cfg.max_retry_after)
                    self._polite.hold_off(host, wait_for)  # applies to every request
                failure = HTTPStatusError(
                    f"HTTP {resp.status} {resp.reason}".rstrip() + f" after {attempt + 1} "
                    f"attempt{'s' if attempt else ''}", url, resp.status)
            if attempt >= cfg.max_retries:
                raise failure
            if retry_after is not None and wait_for >= deadline.remaining():
                raise RetryLaterError(
                    f"{failure.message}; the server asks to wait {wait_for:.1f}s, past the "
                    f"{cfg.deadline:g}s deadline", url, wait_for)
            if wait_for >= deadline.remaining():
                failure.args = (f"{failure.args[0]} (next retry in {wait_for:.1f}s would pass "
                                f"the {cfg.deadline:g}s deadline)",)
                raise failure
            time.sleep(wait_for)
            attempt += 1

    def _send(self, url: str, deadline: Deadline, *, limit: int, html_only: bool,
              only_if_cached: bool = False) -> Response:
        """One request on this fetcher's session, without retries (Transport.send)."""
        return self._transport.send(self.session, url, deadline, limit=limit,
                                    html_only=html_only, only_if_cached=only_if_cached)

    # -- robots.txt --------------------------------------------------------------

    def robots_sitemaps(self, url: str) -> list[str]:
        """The `Sitemap:` lines of the robots.txt of `url`'s site (read once, then cached
        like every robots.txt), in file order. Empty when there is no robots.txt."""
        return self._robots.sitemaps(_check_url(url), Deadline(self.config.deadline))

    def _robots_hop(self, url: str, deadline: Deadline) -> Response:
        """The request lent to robots.txt: guarded, polite, retried, size-capped."""
        self._guard(url, deadline)
        return self._exchange(url, deadline, robots=True)


# --- module-level shortcuts ---------------------------------------------------------


def fetch(url: str, *, config: FetchConfig | None = None) -> Page:
    """Fetch one page with a fresh Fetcher (use a Fetcher for many pages)."""
    with Fetcher(config) as fetcher:
        return fetcher.fetch(url)
