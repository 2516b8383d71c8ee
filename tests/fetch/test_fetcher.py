"""The fetcher against a real HTTP server on 127.0.0.1 (see http_server.py)."""

from __future__ import annotations

import email.utils
import gzip
import itertools
import socket
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import newsclean
from newsclean import (
    FetchConfig,
    Fetcher,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    NotHTMLError,
    RobotsDisallowedError,
    TooLargeError,
    TooManyRedirectsError,
)
from newsclean.fetcher import DEFAULT_USER_AGENT, parse_retry_after
from tests.http_server import (
    LocalServer,
    Request,
    drop_connection,
    html,
    redirect,
    respond,
    sequence,
)

PAGE = "<!doctype html><html><head><title>T</title></head><body><p>Story text.</p></body></html>"


@pytest.fixture(autouse=True)
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 must not go through a proxy set in the environment."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)


def most_at_once(server: LocalServer, slack: float = 0.02) -> int:
    """The most requests the server was handling at one time, by its access log."""
    events = []
    for entry in server.log:
        events.append((entry.started, 1))
        events.append((max(entry.started, entry.busy_until - slack), -1))
    most = current = 0
    for _, step in sorted(events, key=lambda event: (event[0], event[1])):
        current += step
        most = max(most, current)
    return most


def fast(**overrides: Any) -> FetchConfig:
    """Defaults shrunk so the suite stays fast; everything else as a user gets it."""
    settings: dict[str, Any] = {"min_host_interval": 0.0, "backoff_base": 0.01,
                                "backoff_jitter": 0.0, "deadline": 10.0}
    settings.update(overrides)
    return FetchConfig(**settings)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(fast()) as f:
        yield f


# --- the basics -------------------------------------------------------------------


def test_fetch_returns_a_complete_page(server: LocalServer) -> None:
    server.route("/story", html(PAGE, headers={"X-Test": "yes"}))
    before = datetime.now(UTC)
    page = newsclean.fetch(server.url("/story"), config=fast())
    assert page.url == page.final_url == server.url("/story")
    assert page.status == 200
    assert page.content == PAGE.encode()
    assert page.text == PAGE
    assert page.encoding == "utf-8"
    assert page.headers["X-Test"] == "yes"
    assert page.fetched_at.tzinfo is not None and before <= page.fetched_at <= datetime.now(UTC)
    assert 0 < page.elapsed < 10
    assert page.redirects == []
    assert not page.from_cache


def test_default_user_agent_identifies_newsclean(server: LocalServer) -> None:
    server.route("/story", html(PAGE))
    newsclean.fetch(server.url("/story"), config=fast())
    agent = server.requests("/story")[0].headers["User-Agent"]
    assert agent == DEFAULT_USER_AGENT
    assert agent.startswith(f"newsclean/{newsclean.__version__} (+https://")
    # robots.txt is asked with the same identity
    assert server.requests("/robots.txt")[0].headers["User-Agent"] == agent


def test_user_agent_and_headers_are_overridable(server: LocalServer) -> None:
    server.route("/story", html(PAGE))
    config = fast(user_agent="mybot/2.0", headers={"Accept-Language": "de"})
    newsclean.fetch(server.url("/story"), config=config)
    sent = server.requests("/story")[0].headers
    assert sent["User-Agent"] == "mybot/2.0"
    assert sent["Accept-Language"] == "de"


def test_fetcher_is_reusable_and_a_context_manager(server: LocalServer) -> None:
    server.route("/a", html("<html><body>A</body></html>"))
    server.route("/b", html("<html><body>B</body></html>"))
    with Fetcher(fast()) as fetcher:
        assert "A" in fetcher.fetch(server.url("/a")).text
        assert "B" in fetcher.fetch(server.url("/b")).text
    with pytest.raises(FetchError, match="closed"):
        fetcher.fetch(server.url("/a"))


@pytest.mark.parametrize("url", ["ftp://example.com/x", "not a url", "javascript:alert(1)",
                                 "http:///nohost", "http://127.0.0.1:99999/"])
def test_unusable_urls_give_a_fetch_error(url: str, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert url in str(info.value)


def test_invalid_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="deadline"):
        FetchConfig(deadline=0)
    with pytest.raises(ValueError, match="backoff_jitter"):
        FetchConfig(backoff_jitter=2)
    with pytest.raises(ValueError):
        FetchConfig(allowed_networks=("not-a-network",))


def test_scrape_extracts_the_final_page_with_the_fetch_time(
        server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.route("/old", redirect(301, "/story"))
    server.route("/story", html(PAGE))
    seen: dict[str, Any] = {}

    def fake_extract(html: Any, url: str | None = None, **kwargs: Any) -> newsclean.Article:
        seen.update(html=html, url=url, **kwargs)
        return newsclean.Article(url=url, title="extracted")

    monkeypatch.setattr(newsclean._facade, "extract", fake_extract)
    article = newsclean.scrape(server.url("/old"), config=fast())
    assert article.title == "extracted"
    assert seen["html"] == PAGE.encode()
    assert seen["url"] == server.url("/story")
    assert isinstance(seen["reference_time"], datetime)
    assert seen["reference_time"].tzinfo is not None
    assert seen["rules"] is None


def test_scrape_reuses_a_fetcher_the_caller_owns(server: LocalServer) -> None:
    server.route("/story", html(PAGE))
    rules = newsclean.RuleSet()
    with Fetcher(fast()) as fetcher:
        first = newsclean.scrape(server.url("/story"), fetcher=fetcher, rules=rules)
        second = newsclean.scrape(server.url("/story"), fetcher=fetcher, rules=rules)
        assert fetcher.fetch(server.url("/story")).text == PAGE  # still open
    assert first.title == second.title == newsclean.extract(PAGE, rules=rules).title
    assert first.title
    with pytest.raises(ValueError, match="fetcher or a config"):
        newsclean.scrape(server.url("/story"), fetcher=Fetcher(fast()), config=fast())


# --- redirects --------------------------------------------------------------------


def test_redirect_chain_of_every_kind_is_followed_and_kept(server: LocalServer) -> None:
    server.route("/r1", redirect(301, "/r2"))
    server.route("/r2", redirect(302, server.url("/r3")))  # absolute Location too
    server.route("/r3", redirect(307, "r4"))  # relative to /r3
    server.route("/r4", redirect(308, "/final#fragment"))
    server.route("/final", html(PAGE))
    page = newsclean.fetch(server.url("/r1"), config=fast())
    assert page.url == server.url("/r1")
    assert page.final_url == server.url("/final")
    assert page.redirects == [server.url(p) for p in ("/r1", "/r2", "/r3", "/r4")]
    assert page.text == PAGE


def test_redirect_loop_is_detected(server: LocalServer) -> None:
    server.route("/a", redirect(302, "/b"))
    server.route("/b", redirect(302, "/a"))
    with pytest.raises(TooManyRedirectsError, match="loop") as info:
        newsclean.fetch(server.url("/a"), config=fast())
    assert server.url("/a") in str(info.value)
    assert len(server.requests("/a")) == 1  # detected without asking /a again


def test_redirect_limit_is_a_setting(server: LocalServer) -> None:
    for n in range(5):
        server.route(f"/hop{n}", redirect(301, f"/hop{n + 1}"))
    server.route("/hop5", html(PAGE))
    assert newsclean.fetch(server.url("/hop0"), config=fast()).final_url == server.url("/hop5")
    with pytest.raises(TooManyRedirectsError, match="more than 3 redirects"):
        newsclean.fetch(server.url("/hop0"), config=fast(max_redirects=3))


def test_redirect_to_an_unsupported_scheme_is_an_error(server: LocalServer) -> None:
    server.route("/r", redirect(302, "ftp://127.0.0.1/file"))
    with pytest.raises(FetchError, match="unsupported URL scheme"):
        newsclean.fetch(server.url("/r"), config=fast())


# --- statuses and retries -----------------------------------------------------------


@pytest.mark.parametrize("status", [404, 410, 403])
def test_client_errors_raise_once_without_retry(status: int, server: LocalServer) -> None:
    server.route("/gone", respond(status, b"no", {"Content-Type": "text/html"}))
    with pytest.raises(HTTPStatusError) as info:
        newsclean.fetch(server.url("/gone"), config=fast())
    assert info.value.status == status
    assert str(status) in str(info.value) and server.url("/gone") in str(info.value)
    assert len(server.requests("/gone")) == 1


def test_503_twice_then_200_is_retried_with_growing_backoff(server: LocalServer) -> None:
    unavailable = respond(503, b"busy", {"Content-Type": "text/html"})
    server.route("/flaky", sequence(unavailable, unavailable, html(PAGE)))
    page = newsclean.fetch(server.url("/flaky"), config=fast(backoff_base=0.1))
    assert page.text == PAGE
    log = server.requests("/flaky")
    assert len(log) == 3
    first_gap = log[1].started - log[0].started
    second_gap = log[2].started - log[1].started
    # 0.1 s then 0.2 s (jitter off); bounds allow for the server's own scheduling delays
    assert first_gap >= 0.08 and second_gap >= 0.16


def test_persistent_5xx_gives_up_after_max_retries(server: LocalServer) -> None:
    server.route("/down", respond(500, b"", {"Content-Type": "text/html"}))
    with pytest.raises(HTTPStatusError, match="after 3 attempts") as info:
        newsclean.fetch(server.url("/down"), config=fast(max_retries=2))
    assert info.value.status == 500
    assert len(server.requests("/down")) == 3


def test_jitter_shortens_waits_randomly(server: LocalServer) -> None:
    unavailable = respond(503, b"", {"Content-Type": "text/html"})
    server.route("/j", sequence(*[unavailable] * 4, html(PAGE)))
    newsclean.fetch(server.url("/j"), config=fast(backoff_base=0.1, backoff_max=0.1,
                                                  backoff_jitter=0.9, max_retries=4))
    log = server.requests("/j")
    gaps = [b.started - a.started for a, b in itertools.pairwise(log)]
    assert all(0.005 <= gap < 1 for gap in gaps)
    assert len({round(gap, 3) for gap in gaps}) > 1  # not one fixed delay


def test_429_with_retry_after_seconds_is_honoured(server: LocalServer) -> None:
    server.route("/limited", sequence(respond(429, b"", {"Retry-After": "1"}), html(PAGE)))
    page = newsclean.fetch(server.url("/limited"), config=fast())
    assert page.status == 200
    log = server.requests("/limited")
    assert len(log) == 2
    assert log[1].started - log[0].started >= 0.9  # 1 s, not the 0.01 s back-off


def test_429_with_retry_after_http_date_is_honoured_up_to_the_cap(server: LocalServer) -> None:
    later = email.utils.format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    server.route("/limited", sequence(respond(429, b"", {"Retry-After": later}), html(PAGE)))
    page = newsclean.fetch(server.url("/limited"), config=fast(max_retry_after=0.4))
    assert page.status == 200
    log = server.requests("/limited")
    assert 0.3 <= log[1].started - log[0].started < 5  # the hour was cut to 0.4 s


def test_retry_after_that_passes_the_deadline_gives_up_at_once(server: LocalServer) -> None:
    server.route("/limited", respond(429, b"", {"Retry-After": "30"}))
    started = time.monotonic()
    with pytest.raises(newsclean.RetryLaterError, match=r"HTTP 429.*deadline") as info:
        newsclean.fetch(server.url("/limited"), config=fast(deadline=2, max_retry_after=60))
    assert info.value.wait == 30
    assert time.monotonic() - started < 2
    assert len(server.requests("/limited")) == 1


def test_parse_retry_after_reads_both_forms() -> None:
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:30 GMT", now) == 30
    assert parse_retry_after("Thu, 01 Jan 2026 11:00:00 GMT", now) == 0  # in the past
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_dropped_connection_is_retried(server: LocalServer) -> None:
    server.route("/drop", sequence(drop_connection, html(PAGE)))
    page = newsclean.fetch(server.url("/drop"), config=fast())
    assert page.text == PAGE
    assert len(server.requests("/drop")) == 2


def test_connection_refused_fails_at_once_and_says_so(server: LocalServer) -> None:
    port = server.port
    server.shutdown()
    server.server_close()  # nothing listens there any more
    url = f"http://127.0.0.1:{port}/x"
    started = time.monotonic()
    # Retried, the refusal would wait 0.5 + 1 + 2 s between attempts.
    with pytest.raises(FetchError) as info:
        newsclean.fetch(url, config=fast(max_retries=3, backoff_base=0.5))
    assert time.monotonic() - started < 1.5
    assert type(info.value) is FetchError
    # robots.txt is asked first, but the message is about the host, not about robots.txt
    assert str(info.value) == f"{url}: connection refused by 127.0.0.1:{port}"


# --- time limits --------------------------------------------------------------------


def slow_headers(req: Request) -> None:
    time.sleep(1.5)
    req.send(200, PAGE.encode(), {"Content-Type": "text/html"})


def drip(req: Request) -> None:
    """Announce a body and send it one byte every 50 ms: never silent, never done in time."""
    body = PAGE.encode() * 10
    req.send_response(200)
    req.send_header("Content-Type", "text/html")
    req.send_header("Content-Length", str(len(body)))
    req.end_headers()
    for byte in body[:100]:  # 5 s at most, then the server gives up too
        req.wfile.write(bytes([byte]))
        req.wfile.flush()
        time.sleep(0.05)


def test_read_timeout_is_a_timeout_error(server: LocalServer) -> None:
    server.route("/slow", slow_headers)
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="read timed out") as info:
        newsclean.fetch(server.url("/slow"), config=fast(read_timeout=0.3, max_retries=0))
    assert time.monotonic() - started < 1.4
    assert server.url("/slow") in str(info.value)


@pytest.mark.skipif(sys.platform != "linux", reason="relies on Linux dropping SYNs to a full backlog")
def test_connect_timeout_is_a_timeout_error() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)  # never accepted: once the backlog is full, connects hang
        port = listener.getsockname()[1]
        fillers = [socket.socket() for _ in range(3)]
        for filler in fillers:
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
        try:
            started = time.monotonic()
            url = f"http://127.0.0.1:{port}/x"
            with pytest.raises(FetchTimeoutError, match="connect timed out") as info:
                newsclean.fetch(url, config=fast(connect_timeout=0.3, max_retries=0))
            assert info.value.url == url and "robots.txt" in str(info.value)
            with pytest.raises(FetchTimeoutError, match="connect timed out") as info:
                newsclean.fetch(url, config=fast(connect_timeout=0.3, max_retries=0,
                                                 respect_robots=False))
            assert info.value.url == url and "robots.txt" not in str(info.value)
            assert time.monotonic() - started < 2
        finally:
            for filler in fillers:
                filler.close()


def test_read_timeout_is_retried_within_the_deadline(server: LocalServer) -> None:
    server.route("/slow-once", sequence(slow_headers, html(PAGE)))
    page = newsclean.fetch(server.url("/slow-once"), config=fast(read_timeout=0.3))
    assert page.text == PAGE


def test_dripping_server_hits_the_total_deadline(server: LocalServer) -> None:
    server.route("/drip", drip)
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="deadline") as info:
        newsclean.fetch(server.url("/drip"), config=fast(deadline=0.6, read_timeout=5))
    took = time.monotonic() - started
    assert 0.5 <= took < 2.5  # each byte came well within the read timeout
    assert server.url("/drip") in str(info.value)


# --- size limits --------------------------------------------------------------------


def endless(req: Request) -> None:
    req.send_response(200)
    req.send_header("Content-Type", "text/html")
    req.end_headers()
    chunk = b"<p>" + b"x" * 65_000 + b"</p>"
    for _ in range(10_000):  # ~650 MB: far past any cap, finite so the thread ends
        req.wfile.write(chunk)


def test_endless_body_stops_at_the_default_10_mb_cap(server: LocalServer) -> None:
    server.route("/endless", endless)
    with pytest.raises(TooLargeError, match="10485760-byte cap") as info:
        newsclean.fetch(server.url("/endless"), config=fast())
    assert server.url("/endless") in str(info.value)


def test_size_cap_is_a_setting(server: LocalServer) -> None:
    body = PAGE.encode() + b" " * 5000
    server.route("/page", html(body))
    assert newsclean.fetch(server.url("/page"), config=fast(max_bytes=6000)).content == body
    with pytest.raises(TooLargeError, match="Content-Length"):
        newsclean.fetch(server.url("/page"), config=fast(max_bytes=4000))


def test_gzip_bomb_is_stopped_by_the_size_cap(server: LocalServer) -> None:
    bomb = gzip.compress(b"<html>" + b"\0" * (50 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100_000
    server.route("/bomb", html(bomb, "text/html", {"Content-Encoding": "gzip"}))
    with pytest.raises(TooLargeError):
        newsclean.fetch(server.url("/bomb"), config=fast())


def test_gzip_bomb_under_the_cap_is_stopped_by_the_ratio(server: LocalServer) -> None:
    bomb = gzip.compress(b"<html>" + b" " * (4 * 1024 * 1024), compresslevel=9)
    server.route("/bomb", html(bomb, "text/html", {"Content-Encoding": "gzip"}))
    with pytest.raises(TooLargeError, match="decompression bomb"):
        newsclean.fetch(server.url("/bomb"), config=fast())
    relaxed = fast(max_compression_ratio=10_000)
    assert len(newsclean.fetch(server.url("/bomb"), config=relaxed).content) > 4_000_000


def test_ordinary_gzip_page_is_decoded(server: LocalServer) -> None:
    server.route("/gz", html(gzip.compress(PAGE.encode()), "text/html; charset=utf-8",
                             {"Content-Encoding": "gzip"}))
    page = newsclean.fetch(server.url("/gz"), config=fast())
    assert page.text == PAGE


# --- content types ------------------------------------------------------------------


def test_pdf_is_refused_naming_the_type(server: LocalServer) -> None:
    server.route("/paper.pdf", respond(200, b"%PDF-1.7 ...", {"Content-Type": "application/pdf"}))
    with pytest.raises(NotHTMLError, match="application/pdf") as info:
        newsclean.fetch(server.url("/paper.pdf"), config=fast())
    assert info.value.content_type == "application/pdf"
    assert server.url("/paper.pdf") in str(info.value)


def test_xhtml_is_accepted(server: LocalServer) -> None:
    doc = '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"/>'
    server.route("/x", html(doc, "application/xhtml+xml"))
    assert newsclean.fetch(server.url("/x"), config=fast()).text == doc


def test_missing_content_type_is_sniffed(server: LocalServer) -> None:
    server.route("/html", respond(200, PAGE.encode()))
    server.route("/blob", respond(200, b"\x89PNG\r\n\x1a\n...."))
    assert newsclean.fetch(server.url("/html"), config=fast()).text == PAGE
    with pytest.raises(NotHTMLError, match="no Content-Type"):
        newsclean.fetch(server.url("/blob"), config=fast())


def test_accepted_types_are_a_setting(server: LocalServer) -> None:
    server.route("/t", respond(200, b"<p>plain</p>", {"Content-Type": "text/plain"}))
    with pytest.raises(NotHTMLError, match="text/plain"):
        newsclean.fetch(server.url("/t"), config=fast())
    page = newsclean.fetch(server.url("/t"),
                           config=fast(content_types=frozenset({"text/html", "text/plain"})))
    assert page.text == "<p>plain</p>"


# --- charsets (end to end; decode_html itself in test_fetcher_charset.py) ----------


def test_cp1252_page_declared_as_iso_8859_1(server: LocalServer) -> None:
    body = "<html><body>\u20ac5 caf\u00e9 \u201cquoted\u201d</body></html>".encode("cp1252")
    server.route("/p", html(body, "text/html; charset=ISO-8859-1"))
    page = newsclean.fetch(server.url("/p"), config=fast())
    assert page.text == "<html><body>\u20ac5 caf\u00e9 \u201cquoted\u201d</body></html>"
    assert page.encoding == "cp1252"


def test_shift_jis_page_with_meta_only(server: LocalServer) -> None:
    text = '<html><head><meta charset="Shift_JIS"></head><body>日本語のニュース記事です。</body></html>'
    server.route("/p", html(text.encode("shift_jis"), "text/html"))
    page = newsclean.fetch(server.url("/p"), config=fast())
    assert page.text == text
    assert page.encoding == "cp932"


def test_utf8_bom_beats_a_wrong_header(server: LocalServer) -> None:
    server.route("/p", html(b"\xef\xbb\xbf<html>caf\xc3\xa9</html>", "text/html; charset=cp1252"))
    page = newsclean.fetch(server.url("/p"), config=fast())
    assert page.text == "<html>café</html>"
    assert page.encoding == "utf-8"


def test_header_contradicted_by_meta_on_a_utf8_page(server: LocalServer) -> None:
    text = '<html><head><meta charset="utf-8"></head><body>Zürich – “Nachrichten”</body></html>'
    server.route("/p", html(text.encode("utf-8"), "text/html; charset=iso-8859-1"))
    page = newsclean.fetch(server.url("/p"), config=fast())
    assert page.text == text
    assert page.encoding == "utf-8"


# --- robots.txt ---------------------------------------------------------------------


ROBOTS = b"""User-agent: *
Disallow: /private

User-agent: newsclean
Disallow: /no-newsclean
"""


def test_robots_disallow_raises_without_requesting_the_page(server: LocalServer) -> None:
    server.route("/robots.txt", respond(200, ROBOTS, {"Content-Type": "text/plain"}))
    server.route("/no-newsclean/story", html(PAGE))
    server.route("/private/story", html(PAGE))
    server.route("/public", html(PAGE))
    with Fetcher(fast()) as fetcher:
        with pytest.raises(RobotsDisallowedError) as info:
            fetcher.fetch(server.url("/no-newsclean/story"))
        assert server.url("/no-newsclean/story") in str(info.value)
        # the wildcard group does not apply to us: we have our own group
        assert fetcher.fetch(server.url("/private/story")).text == PAGE
        assert fetcher.fetch(server.url("/public")).text == PAGE
    assert server.requests("/no-newsclean/story") == []
    assert len(server.requests("/robots.txt")) == 1  # cached per host


def test_robots_applies_to_the_configured_agent_and_can_be_turned_off(
        server: LocalServer) -> None:
    server.route("/robots.txt", respond(200, ROBOTS, {"Content-Type": "text/plain"}))
    server.route("/private/story", html(PAGE))
    with pytest.raises(RobotsDisallowedError, match="otherbot"):
        newsclean.fetch(server.url("/private/story"), config=fast(user_agent="otherbot/1"))
    page = newsclean.fetch(server.url("/private/story"),
                           config=fast(user_agent="otherbot/1", respect_robots=False))
    assert page.text == PAGE


def test_robots_checked_on_every_redirect_hop(server: LocalServer) -> None:
    server.route("/robots.txt", respond(200, ROBOTS, {"Content-Type": "text/plain"}))
    server.route("/moved", redirect(301, "/no-newsclean/story"))
    server.route("/no-newsclean/story", html(PAGE))
    with pytest.raises(RobotsDisallowedError):
        newsclean.fetch(server.url("/moved"), config=fast())
    assert server.requests("/no-newsclean/story") == []


def test_robots_server_error_means_disallow_all(server: LocalServer) -> None:
    server.route("/robots.txt", respond(503, b"", {"Content-Type": "text/plain"}))
    server.route("/story", html(PAGE))
    with pytest.raises(RobotsDisallowedError, match="503"):
        newsclean.fetch(server.url("/story"), config=fast(max_retries=1))
    assert server.requests("/story") == []


def test_missing_robots_allows_everything(server: LocalServer) -> None:
    server.route("/story", html(PAGE))  # /robots.txt answers 404
    assert newsclean.fetch(server.url("/story"), config=fast()).text == PAGE
    assert len(server.requests("/robots.txt")) == 1


# --- politeness ---------------------------------------------------------------------


def test_minimum_interval_per_host_in_the_access_log(server: LocalServer) -> None:
    for n in range(4):
        server.route(f"/s{n}", html(PAGE))
    with Fetcher(fast(min_host_interval=0.25)) as fetcher:
        for n in range(4):
            fetcher.fetch(server.url(f"/s{n}"))
    starts = sorted(e.started for e in server.log if e.path != "/robots.txt")
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(gaps) == 3
    assert min(gaps) >= 0.2, gaps  # 0.25 s, less the server's scheduling jitter


def test_crawl_delay_lengthens_the_interval(server: LocalServer) -> None:
    robots = b"User-agent: *\nCrawl-delay: 0.3\n"
    server.route("/robots.txt", respond(200, robots, {"Content-Type": "text/plain"}))
    for n in range(3):
        server.route(f"/s{n}", html(PAGE))
    with Fetcher(fast(min_host_interval=0.0)) as fetcher:
        for n in range(3):
            fetcher.fetch(server.url(f"/s{n}"))
    starts = sorted(e.started for e in server.log if e.path != "/robots.txt")
    assert min(b - a for a, b in itertools.pairwise(starts)) >= 0.24


def slow_page(req: Request) -> None:
    time.sleep(0.2)
    req.send(200, PAGE.encode(), {"Content-Type": "text/html"})


def slower_page(req: Request) -> None:
    time.sleep(0.4)
    req.send(200, PAGE.encode(), {"Content-Type": "text/html"})


def test_fetch_many_is_polite_per_host_and_concurrent_across_hosts(
        server: LocalServer, other_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # When each request is sent, seen from the client: the server's own log notes a request
    # only when a thread of its reads it, which a loaded machine may delay.
    sent: dict[str, float] = {}
    send = Fetcher._send

    def timed_send(self: Fetcher, url: str, *args: Any, **kwargs: Any) -> Any:
        sent.setdefault(url, time.monotonic())
        return send(self, url, *args, **kwargs)

    monkeypatch.setattr(Fetcher, "_send", timed_send)
    urls = []
    for srv in (server, other_server):
        for n in range(4):
            srv.route(f"/p{n}", slower_page)
            urls.append(srv.url(f"/p{n}"))
    server.route("/bad", respond(404, b""))
    urls.append(server.url("/bad"))
    # Starts due at 0, 0.15, then when a slot frees (0.4, 0.55): two in flight at a time.
    with Fetcher(fast(max_per_host=2, min_host_interval=0.15)) as fetcher:
        results = dict(fetcher.fetch_many(urls, max_workers=8))
    assert set(results) == set(urls)
    assert isinstance(results[server.url("/bad")], HTTPStatusError)
    assert all(isinstance(results[u], newsclean.Page) for u in urls if not u.endswith("/bad"))
    for srv in (server, other_server):
        # The cap was reached, never passed. Counted from the server's log with a little
        # slack: the server notes a reply finished only after the client has read it.
        assert most_at_once(srv) == 2
        starts = sorted(sent[srv.url(f"/p{n}")] for n in range(4))
        assert min(b - a for a, b in itertools.pairwise(starts)) >= 0.14
    # the two hosts were served at the same time
    first = [e for e in server.log if e.path.startswith("/p")]
    second = [e for e in other_server.log if e.path.startswith("/p")]
    assert any(a.started < b.finished and b.started < a.finished
               for a in first for b in second)


def test_fetch_many_with_one_host_respects_max_per_host(server: LocalServer) -> None:
    for n in range(4):
        server.route(f"/p{n}", slow_page)
    with Fetcher(fast(max_per_host=1)) as fetcher:
        results = list(fetcher.fetch_many([server.url(f"/p{n}") for n in range(4)]))
    assert len(results) == 4
    assert most_at_once(server) == 1


def test_fetch_many_does_not_let_a_slow_host_starve_the_others(
        server: LocalServer, other_server: LocalServer) -> None:
    slow_urls, fast_urls = [], []
    for n in range(4):
        server.route(f"/slow{n}", slow_page)
        slow_urls.append(server.url(f"/slow{n}"))
        other_server.route(f"/fast{n}", html(PAGE))
        fast_urls.append(other_server.url(f"/fast{n}"))
    with Fetcher(fast(max_per_host=1)) as fetcher:
        order = [url for url, _ in fetcher.fetch_many(slow_urls + fast_urls, max_workers=2)]
    assert sorted(order) == sorted(slow_urls + fast_urls)
    # one worker stays on the slow host while the other clears the fast host; handing URLs
    # out in input order would have put both workers on the slow host first
    last_fast = max(order.index(url) for url in fast_urls)
    second_slow = sorted(order.index(url) for url in slow_urls)[1]
    assert last_fast < second_slow, order


def test_concurrent_fetches_ask_robots_once(server: LocalServer) -> None:
    server.route("/robots.txt", respond(200, b"User-agent: *\nDisallow: /x\n",
                                        {"Content-Type": "text/plain"}))
    for n in range(6):
        server.route(f"/p{n}", html(PAGE))
    with Fetcher(fast(max_per_host=3)) as fetcher:
        results = list(fetcher.fetch_many([server.url(f"/p{n}") for n in range(6)]))
    assert all(isinstance(page, newsclean.Page) for _, page in results)
    assert len(server.requests("/robots.txt")) == 1


def test_retry_after_holds_off_the_whole_host(server: LocalServer) -> None:
    server.route("/limited", sequence(respond(429, b"", {"Retry-After": "1"}), html(PAGE)))
    server.route("/other", html(PAGE))
    with Fetcher(fast(max_per_host=4)) as fetcher:
        results = dict(fetcher.fetch_many([server.url("/limited"), server.url("/other")]))
    assert all(isinstance(r, newsclean.Page) for r in results.values())
    first_429 = server.requests("/limited")[0].started
    other = server.requests("/other")[0].started
    # /other either went first or waited for the Retry-After like everyone else
    assert other < first_429 + 0.05 or other >= first_429 + 0.9


# --- HTTP cache ---------------------------------------------------------------------


def etag_page(req: Request) -> None:
    if req.headers.get("If-None-Match") == '"v1"':
        req.send(304, b"", {"ETag": '"v1"'}, content_length=False)
    else:
        req.send(200, PAGE.encode(), {"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'})


def test_cache_revalidates_with_etag(server: LocalServer, tmp_path: Any) -> None:
    pytest.importorskip("requests_cache")
    server.route("/story", etag_page)
    config = fast(cache_path=tmp_path / "http-cache")
    first = newsclean.fetch(server.url("/story"), config=config)
    second = newsclean.fetch(server.url("/story"), config=config)  # a new Fetcher: disk cache
    assert not first.from_cache and second.from_cache
    assert second.content == first.content and second.text == PAGE
    log = server.requests("/story")
    assert len(log) == 2
    assert "If-None-Match" not in log[0].headers
    assert log[1].headers["If-None-Match"] == '"v1"'  # answered 304, no body sent


def test_cache_without_expiry_makes_reruns_free(server: LocalServer, tmp_path: Any) -> None:
    pytest.importorskip("requests_cache")
    server.route("/story", html(PAGE, headers={"Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT"}))
    config = fast(cache_path=tmp_path / "http-cache", cache_max_age=-1)
    first = newsclean.fetch(server.url("/story"), config=config)
    requests_before = len(server.log)
    time.sleep(0.05)
    asked = datetime.now(UTC)
    second = newsclean.fetch(server.url("/story"), config=config)
    assert second.from_cache and second.content == first.content
    # dated when the bytes were really fetched: relative ages on the page count from then
    assert abs(second.fetched_at - first.fetched_at) < timedelta(seconds=1)
    assert second.fetched_at < asked
    assert len(server.log) == requests_before  # not even robots.txt


def test_cache_does_not_lift_the_size_cap(server: LocalServer, tmp_path: Any) -> None:
    pytest.importorskip("requests_cache")
    server.route("/endless", endless)
    with pytest.raises(TooLargeError):
        newsclean.fetch(server.url("/endless"),
                        config=fast(cache_path=tmp_path / "c", max_bytes=1_000_000))


# --- environment: proxies ------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_proxy_from_the_environment_is_used(server: LocalServer,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    server.route("/article", html(PAGE))
    target = f"http://127.0.0.1:{closed_port()}/article"  # only reachable through the proxy
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{server.port}")
    page = newsclean.fetch(target, config=fast())
    assert page.text == PAGE
    assert [e.path for e in server.requests("/article")] == [target]  # absolute-form
    with pytest.raises(FetchError, match=r"connection refused by 127\.0\.0\.1:"):
        newsclean.fetch(target, config=fast(trust_env=False, max_retries=0))
    page = newsclean.fetch(target, config=fast(trust_env=False,
                                               proxies={"http": server.url("")}))
    assert page.text == PAGE
