"""`discover(site)`: a site's article URLs from its sitemaps, feeds and section pages."""

from __future__ import annotations

import logging
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import IO
from urllib.parse import urlsplit

from lxml import etree

from .._http import HTML_TYPES
from ..decoding.tree import parse
from ..errors import FetchError, NewscleanError, RobotsDisallowedError
from ..fetcher import FetchConfig, Fetcher
from .errors import DiscoveryError, NothingFoundError, SiteDisallowedError, SitemapError
from .feeds import FEED_TYPES, USUAL_FEED_PATHS, find_feed_links, parse_feed
from .links import section_links, story_links
from .seen import CompactSet
from .sitemaps import MAX_SITEMAP_BYTES, iter_sitemap
from .urls import article_like, canonical, same_site, site_host

__all__ = ["DISCOVERY_TYPES", "GUESSED_SITEMAPS", "MAX_FEEDS", "MAX_SITEMAPS", "SPOOL_IN_MEMORY", "Discovered", "ErrorHandler", "discover", "discovery_config", "site_root"]

log = logging.getLogger("newsclean.discover")

# Sitemaps and feeds come with many content types, right or wrong: the body decides.
DISCOVERY_TYPES = HTML_TYPES | FEED_TYPES | frozenset({
    "text/plain", "application/gzip", "application/x-gzip", "application/octet-stream",
    "application/x-xml", "text/x-gzip"})
GUESSED_SITEMAPS = ("/sitemap.xml", "/sitemap_index.xml")
MAX_SITEMAPS = 200  # sitemap files read per site, indexes included
MAX_FEEDS = 10
SPOOL_IN_MEMORY = 1024 * 1024  # a larger sitemap body waits on disk while it is read

ErrorHandler = Callable[[NewscleanError], None]


@dataclass(frozen=True, slots=True)
class Discovered:
    """An article URL of the site: where it was found ("sitemap", "feed" or "page", and
    the URL of that sitemap, feed or page), and the date and title that source gave."""

    url: str
    source: str
    published: datetime | None = None
    title: str | None = None
    found_in: str = ""


def discovery_config(config: FetchConfig | None = None) -> FetchConfig:
    """`config` (or the defaults) accepting sitemap and feed bodies up to the 50 MB a
    sitemap may hold."""
    base = config or FetchConfig()
    return replace(base, content_types=base.content_types | DISCOVERY_TYPES,
                   max_bytes=max(base.max_bytes, MAX_SITEMAP_BYTES))


def _as_utc(value: datetime | date | str | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"since: not an ISO date {value!r}") from None
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def site_root(site: str) -> str:
    """The front page URL of `site` ("example.com", "https://example.com/news")."""
    site = site.strip()
    if "://" not in site:
        site = "https://" + site
    parts = urlsplit(site)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not a site URL: {site!r}")
    return f"{parts.scheme}://{parts.netloc}/"


class _Run:
    """The state of one discovery: what was seen, what failed."""

    def __init__(self, root: str, fetcher: Fetcher, since: datetime | None,
                 on_error: ErrorHandler | None) -> None:
        self.root = root
        self.host = site_host(root)
        self.fetcher = fetcher
        self.since = since
        self.on_error = on_error
        self.seen = CompactSet()
        self.skip: set[str] = set()  # section pages: never articles
        self.errors: list[NewscleanError] = []
        self.fetched = 0
        self.refused = 0

    def fail(self, error: NewscleanError) -> None:
        self.errors.append(error)
        if isinstance(error, RobotsDisallowedError):
            self.refused += 1
        if self.on_error is not None:
            self.on_error(error)
        else:
            log.warning("%s", error)

    def get(self, url: str, *, quiet: bool = False) -> tuple[str, bytes] | None:
        try:
            page = self.fetcher.fetch(url)
        except FetchError as exc:
            if not quiet or isinstance(exc, RobotsDisallowedError):
                self.fail(exc)
            return None
        self.fetched += 1
        return page.final_url, page.content

    def take(self, url: str, source: str, found_in: str, published: datetime | None,
             title: str | None) -> Discovered | None:
        key = canonical(url)
        if key is None or key in self.skip or not same_site(key, self.host):
            return None
        if not article_like(key) or key in self.seen:
            return None
        if published is not None and published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
        if self.since is not None and published is not None and published < self.since:
            self.seen.add(key)  # dated too early: an undated later source may not bring it
            return None
        self.seen.add(key)
        return Discovered(key, source, published, title or None, found_in)

    # -- sitemaps --------------------------------------------------------------------

    def sitemaps(self) -> Iterator[Discovered]:
        try:
            listed = self.fetcher.robots_sitemaps(self.root)
        except FetchError as exc:
            self.fail(exc)
            listed = []
        queue = deque(listed or [self.root.rstrip("/") + p for p in GUESSED_SITEMAPS])
        guessed = not listed
        visited: set[str] = set()
        while queue and len(visited) < MAX_SITEMAPS:
            url = queue.popleft()
            key = canonical(url)
            if key is None or key in visited:
                continue  # an index listing itself, or a cycle of indexes
            visited.add(key)
            with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
                yield from self._sitemap(url, spool, guessed, queue)

    def _sitemap(self, url: str, spool: IO[bytes], guessed: bool, queue: deque[str]
                 ) -> Iterator[Discovered]:
        """One sitemap, spooled to `spool` as it arrives, then read as a stream."""
        try:
            final = self.fetcher.fetch_to(url, spool).final_url
        except FetchError as exc:
            if not guessed or isinstance(exc, RobotsDisallowedError):
                self.fail(exc)
            return
        self.fetched += 1
        spool.seek(0)
        try:
            for entry in iter_sitemap(spool, final):
                if entry.kind == "sitemap":
                    stale = (self.since is not None and entry.lastmod is not None
                             and _as_utc(entry.lastmod) < self.since)  # type: ignore[operator]
                    if not stale and same_site(entry.loc, self.host):
                        queue.append(entry.loc)
                    continue
                published = entry.published or entry.lastmod
                for loc in (entry.loc, *entry.alternates):
                    found = self.take(loc, "sitemap", final, published, entry.title)
                    if found is not None:
                        yield found
        except SitemapError as exc:
            if not guessed:
                self.fail(exc)

    # -- the front page: feeds and sections --------------------------------------------

    def front(self) -> etree._Element | None:
        got = self.get(self.root)
        if got is None:
            return None
        final, body = got
        try:
            return parse(body, final)
        except NewscleanError as exc:
            self.fail(exc)
            return None

    def feeds(self, front: etree._Element | None) -> Iterator[Discovered]:
        links = find_feed_links(front, self.root) if front is not None else []
        guessed = not links
        if guessed:
            links = [self.root.rstrip("/") + p for p in USUAL_FEED_PATHS]
        read = 0
        for url in links[:MAX_FEEDS]:
            got = self.get(url, quiet=guessed)
            if got is None:
                continue
            final, body = got
            try:
                entries = parse_feed(body, final)
            except DiscoveryError as exc:
                if not guessed:
                    self.fail(exc)
                continue
            read += 1
            for entry in entries:
                found = self.take(entry.url, "feed", final, entry.published, entry.title)
                if found is not None:
                    yield found
            if guessed and read:
                break  # one guessed feed is the site's feed; the others repeat it

    def pages(self, front: etree._Element | None) -> Iterator[Discovered]:
        if front is None:
            return
        sections = [u for u in section_links(front, self.root)
                    if same_site(u, self.host) and canonical(u) is not None]
        self.skip.update(canonical(u) or u for u in sections)
        yield from self._stories(front, self.root)
        done = {canonical(self.root)}
        for url in sections:
            key = canonical(url)
            if key in done:
                continue
            done.add(key)
            got = self.get(url)
            if got is None:
                continue
            final, body = got
            try:
                tree = parse(body, final)
            except NewscleanError as exc:
                self.fail(exc)
                continue
            yield from self._stories(tree, final)

    def _stories(self, tree: etree._Element, page: str) -> Iterator[Discovered]:
        for link in story_links(tree, page, datetime.now(UTC)):
            found = self.take(link.url, "page", page, link.published, link.title)
            if found is not None:
                yield found


def _sources(run: _Run) -> Iterator[Discovered]:
    yield from run.sitemaps()
    front = run.front()  # read only once the sitemaps are done (or a limit stops first)
    yield from run.feeds(front)
    yield from run.pages(front)


def discover(site: str, *, since: datetime | date | str | None = None,
             limit: int | None = None, fetcher: Fetcher | None = None,
             config: FetchConfig | None = None, on_error: ErrorHandler | None = None,
             ) -> Iterator[Discovered]:
    """Yield the article URLs of `site`, each once: from the sitemaps its robots.txt
    lists (indexes, news and image sitemaps, gzipped or not, hreflang alternates), then
    its RSS, Atom and JSON feeds, then the story links of its front and section pages.

    Only the site's own article-like URLs are kept (no menus, tag, author or search
    pages), canonicalised. `since` drops entries dated before it by their source (undated
    ones are kept). Every request goes through the `Fetcher` (robots.txt, per-host pace,
    retries, size caps); pass one made with `discovery_config()` to share it. A source
    that fails is passed to `on_error` (default: a logged warning) and skipped; when no
    source could be read at all, raises SiteDisallowedError (robots.txt forbids them) or
    NothingFoundError.
    """
    if limit is not None and limit < 0:
        raise ValueError("limit must not be negative")
    root = site_root(site)
    cutoff = _as_utc(since)
    own = fetcher is None or not fetcher.config.content_types >= DISCOVERY_TYPES
    active = Fetcher(discovery_config(fetcher.config if fetcher else config)) if own else fetcher
    assert active is not None
    run = _Run(root, active, cutoff, on_error)
    count = 0
    try:
        if limit == 0:
            return
        for found in _sources(run):
            yield found
            count += 1
            if limit is not None and count >= limit:
                return
        if count == 0 and run.fetched == 0 and run.errors:
            if run.refused and run.refused == len(
                    [e for e in run.errors if isinstance(e, FetchError)]):
                raise SiteDisallowedError("robots.txt forbids every source of the site", root)
            raise NothingFoundError(f"no source could be read; first failure: "
                                    f"{run.errors[0]}", root)
    finally:
        if own:
            active.close()
