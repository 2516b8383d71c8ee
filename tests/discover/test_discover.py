"""Discovery on a synthetic news site served from 127.0.0.1, and on bad input."""

from __future__ import annotations

import gzip
import io
import tempfile
import tracemalloc
import zlib
from typing import Any

import pytest

from newsclean import FetchConfig, Fetcher
from newsclean.discover import (
    Discovered,
    DiscoveryError,
    FeedError,
    SiteDisallowedError,
    SitemapError,
    discover,
    discovery_config,
    iter_sitemap,
    parse_feed,
)
from newsclean.discover.seen import CompactSet
from newsclean.discover.sitemaps import MAX_SITEMAP_BYTES
from newsclean.errors import NewscleanError
from tests.discover.news_site import ARTICLES, NOT_ARTICLES, OLD, A, serve_site
from tests.http_server import LocalServer, Request, html, respond


def fast(**overrides: Any) -> FetchConfig:
    settings: dict[str, Any] = {"min_host_interval": 0.0, "backoff_base": 0.01,
                                "backoff_jitter": 0.0, "deadline": 10.0, "max_retries": 0}
    settings.update(overrides)
    return discovery_config(FetchConfig(**settings))


@pytest.fixture
def site(server: LocalServer) -> LocalServer:
    serve_site(server)
    return server


def run(server: LocalServer, **kwargs: Any) -> list[Discovered]:
    errors: list[NewscleanError] = []
    with Fetcher(fast()) as fetcher:
        found = list(discover(server.url("/"), fetcher=fetcher, on_error=errors.append,
                              **kwargs))
    assert not [e for e in errors if not isinstance(e, DiscoveryError)], errors
    return found


def test_discover_finds_every_article_and_no_menu_tag_or_author_page(
        site: LocalServer) -> None:
    found = run(site)
    urls = [d.url for d in found]
    assert len(urls) == len(set(urls)), "each URL once"
    assert set(urls) == {site.url(p) for p in ARTICLES}
    for path in NOT_ARTICLES:
        assert site.url(path) not in urls


def test_each_source_gives_its_articles_in_order(site: LocalServer) -> None:
    found = {d.url: d for d in run(site)}
    url = site.url
    assert found[url(A[0])].source == "sitemap"  # also in the feed and on the front page
    assert found[url(A[0])].title == ARTICLES[A[0]]
    assert found[url(A[2])].source == "sitemap"  # an hreflang alternate
    assert found[url(A[5])].source == "feed"  # RSS served as text/html
    assert found[url(A[6])].source == "feed"  # Atom, relative link
    assert found[url(A[8])].source == "page"  # a "Latest Headlines" item
    assert found[url(A[11])].source == "page"  # on a section page
    order = [d.source for d in found.values()]
    assert order == sorted(order, key=["sitemap", "feed", "page"].index)
    published = found[url(A[0])].published
    assert published is not None and published.isoformat() == "2024-05-01T08:00:00+00:00"


def test_each_sitemap_is_read_once_although_the_index_lists_itself(site: LocalServer) -> None:
    run(site)
    assert len(site.requests("/sitemap_index.xml")) == 1
    assert len(site.requests("/sitemap-news.xml")) == 1


def test_since_drops_what_its_source_dates_earlier(site: LocalServer) -> None:
    urls = {d.url for d in run(site, since="2024-05-02")}
    assert site.url(OLD) not in urls
    assert site.url(A[0]) not in urls  # dated 2024-05-01, though undated on the front page
    assert site.url(A[4]) in urls and site.url(A[7]) in urls  # dated later; undated


def test_since_skips_a_child_sitemap_older_than_it(site: LocalServer) -> None:
    run(site, since="2024-05-09")
    assert site.requests("/sitemap-news.xml") == []  # its <lastmod> is 2024-05-08


def test_limit_stops_early(site: LocalServer) -> None:
    found = run(site, limit=3)
    assert len(found) == 3
    assert site.requests("/rss.xml") == []  # the sitemaps sufficed: no further request


def test_robots_disallowing_everything_is_a_typed_error(server: LocalServer) -> None:
    serve_site(server, robots="User-agent: *\nDisallow: /\n"
                              f"Sitemap: {server.url('/sitemap_index.xml')}\n")
    with Fetcher(fast()) as fetcher, pytest.raises(SiteDisallowedError):
        list(discover(server.url("/"), fetcher=fetcher, on_error=lambda e: None))
    assert [e.path for e in server.log] == ["/robots.txt"]


def test_a_malformed_sitemap_is_reported_and_the_other_sources_still_read(
        site: LocalServer) -> None:
    site.route("/sitemap-news.xml", html("<urlset><url><loc>broken", "application/xml"))
    errors: list[NewscleanError] = []
    with Fetcher(fast()) as fetcher:
        urls = {d.url for d in discover(site.url("/"), fetcher=fetcher,
                                        on_error=errors.append)}
    assert [type(e) for e in errors] == [SitemapError]
    assert site.url(A[4]) in urls and site.url(A[5]) in urls


def gzip_of_blanks(head: bytes, size: int) -> bytes:
    """gzip data expanding past `head` + `size` bytes, mostly blanks, made without
    holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip framing
    parts = [packer.compress(head)]
    # A text node may not pass 10 MB (libxml2 without huge_tree): an entry every MB.
    block = b"<url><loc>https://a.example/x</loc></url>" + b" " * (1024 * 1024)
    for _ in range(size // len(block) + 1):
        parts.append(packer.compress(block))
    return b"".join(parts) + packer.flush()


def test_a_gzip_bomb_sitemap_is_refused(site: LocalServer) -> None:
    bomb = gzip_of_blanks(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
                          MAX_SITEMAP_BYTES + 2 * 1024 * 1024)
    assert len(bomb) < MAX_SITEMAP_BYTES // 100
    site.route("/sitemap-news.xml", respond(200, bomb, {"Content-Type": "application/gzip"}))
    errors: list[NewscleanError] = []
    with Fetcher(fast()) as fetcher:
        urls = {d.url for d in discover(site.url("/"), fetcher=fetcher,
                                        on_error=errors.append)}
    assert len(errors) == 1 and isinstance(errors[0], SitemapError)
    assert "expands beyond" in str(errors[0])
    assert site.url(A[4]) in urls  # the other sitemaps are still read


def test_a_large_sitemap_is_spooled_not_held(site: LocalServer) -> None:
    with Fetcher(fast()) as fetcher, tempfile.SpooledTemporaryFile(max_size=10) as spool:
        page = fetcher.fetch_to(site.url("/sitemap-news.xml"), spool)
        assert page.content == b"" and spool.tell() > 100
        spool.seek(0)
        assert next(e.loc for e in iter_sitemap(spool, page.final_url)) == site.url(A[0])


def test_a_spooled_body_starts_afresh_on_a_retry(server: LocalServer) -> None:
    calls = []

    def flaky(req: Request) -> None:
        calls.append(1)
        if len(calls) == 1:  # half a body, then the connection drops
            req.send_response(200)
            req.send_header("Content-Length", "1000")
            req.end_headers()
            req.wfile.write(b"<urlset>broken")
            req.wfile.flush()
            req.connection.shutdown(2)
            return
        req.send(200, b"<urlset><url><loc>https://a.example/x</loc></url></urlset>",
                 {"Content-Type": "application/xml"})

    server.route("/s.xml", flaky)
    with Fetcher(fast(max_retries=2)) as fetcher, tempfile.SpooledTemporaryFile() as spool:
        fetcher.fetch_to(server.url("/s.xml"), spool)
        spool.seek(0)
        assert spool.read().startswith(b"<urlset><url>")
    assert len(calls) == 2


def test_compact_set_remembers_what_was_added() -> None:
    seen = CompactSet()
    for i in range(40_000):  # past a few merges of its buffer
        seen.add(f"https://a.example/{i}")
    seen.add("https://a.example/7")
    assert len(seen) == 40_000
    assert all(f"https://a.example/{i}" in seen for i in range(0, 40_000, 13))
    assert not any(f"https://b.example/{i}" in seen for i in range(2_000))
    assert 42 not in seen


def test_iter_sitemap_caps_what_gzip_expands_to() -> None:
    data = gzip.compress(b"<urlset>" + b" " * 200_000 + b"</urlset>")
    with pytest.raises(SitemapError, match="expands beyond"):
        list(iter_sitemap(data, "https://a.example/s.xml.gz", max_bytes=100_000))


BOMB = (b'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(b'<!ENTITY %s "%s">' % (b"a" * (i + 2), (b"&" + b"a" * (i + 1) + b";") * 10)
                   for i in range(8))
        + b']><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>'
        b"https://a.example/&aaaaaaaaa;</loc></url></urlset>")


@pytest.mark.parametrize("parse", [iter_sitemap, parse_feed])
def test_an_entity_bomb_is_not_expanded(parse: Any) -> None:
    tracemalloc.start()
    try:
        result = list(parse(BOMB, "https://a.example/x.xml"))
    except DiscoveryError:
        result = []
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 5_000_000  # 10^9 characters had it been expanded
    assert all("aaaaaaaaaa" not in entry.loc for entry in result if hasattr(entry, "loc"))


@pytest.mark.parametrize("data", [b"", b"<urlset><url>", b"<html><body>hi</body></html>",
                                  b"\x1f\x8b\x08\x00garbage", b"not a sitemap at all\n"])
def test_bad_sitemaps_are_typed_errors(data: bytes) -> None:
    with pytest.raises(SitemapError):
        list(iter_sitemap(data, "https://a.example/sitemap.xml"))


@pytest.mark.parametrize("data", [b"", b"<rss><channel>", b"<html><body/></html>",
                                  b'{"no": "items"}', b"[" * 100_000, b"plain text",
                                  b"<rss>" + b" " * (11 * 1024 * 1024)])
def test_bad_feeds_are_typed_errors(data: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(data, "https://a.example/feed")


class CountingReader(io.RawIOBase):
    """A binary stream that tells how much of it has been read."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        self.consumed += len(chunk)
        return len(chunk)


@pytest.mark.parametrize("compress", [False, True])
def test_a_sitemap_of_50000_urls_is_streamed(compress: bool) -> None:
    rows = b"".join(b"<url><loc>https://a.example/news/story-%d.html</loc>"
                    b"<lastmod>2024-05-01</lastmod></url>" % i for i in range(50_000))
    data = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
            b'sitemap/0.9">' + rows + b"</urlset>")
    body = gzip.compress(data) if compress else data
    reader = CountingReader(body)
    entries = iter_sitemap(io.BufferedReader(reader), "https://a.example/sitemap.xml")
    first = next(entries)
    assert first.loc == "https://a.example/news/story-0.html"
    # The first entry comes before the rest is read (gzip reads ahead more).
    assert reader.consumed < len(body) // (2 if compress else 10)
    assert 1 + sum(1 for _ in entries) == 50_000
    assert reader.consumed == len(body)


def test_json_feed_and_rss_1_are_read() -> None:
    feed = (b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", '
            b'"url": "https://a.example/news/one.html", "title": "One", '
            b'"date_published": "2024-05-01T10:00:00Z"}, {"id": "2"}]}')
    entries = parse_feed(feed, "https://a.example/feed.json")
    assert [(e.url, e.title) for e in entries] == [("https://a.example/news/one.html", "One")]
    rdf = (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           b'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           b'<channel rdf:about="x"><title>T</title></channel><item rdf:about="y">'
           b"<title>Two</title><link>https://a.example/news/two.html</link>"
           b"<dc:date>2024-05-02T00:00:00Z</dc:date></item></rdf:RDF>")
    [entry] = parse_feed(rdf, "https://a.example/rss.rdf")
    assert entry.url == "https://a.example/news/two.html" and entry.published is not None


def test_usual_feed_paths_are_tried_when_the_page_announces_none(server: LocalServer) -> None:
    serve_site(server)
    server.route("/", html("<html><body><p>Front page without feed links.</p></body></html>"))
    server.route("/rss", html(b"", "text/html"))  # empty: not a feed, tried next path
    server.route("/rss.xml", server.routes["/rss.xml"])
    urls = {d.url for d in run(server)}
    assert server.url(A[5]) in urls
    assert server.requests("/atom.xml") == []  # one readable guessed feed is enough
