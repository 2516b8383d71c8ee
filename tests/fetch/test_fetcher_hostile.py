"""The fetcher against servers that misbehave at the byte level: the page deadline bounds
the whole fetch (robots.txt included) however slowly or endlessly the server talks, and
every failure is a typed error. The raw servers here speak HTTP by hand on 127.0.0.1."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import newsclean
from newsclean import FetchConfig, Fetcher, FetchError, FetchTimeoutError, RetryLaterError
from tests.http_server import LocalServer, html, redirect, respond

DEADLINE = 0.5
MARGIN = 1.0  # scheduling slack on a loaded machine; the server would go on for 10 s
SERVER_GIVES_UP = 10.0
GAP = 0.02  # between two dribbled pieces
PAGE = b"<!doctype html><html><head><title>T</title></head><body><p>Story.</p></body></html>"
HEAD_200 = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

Talker = Callable[[socket.socket, str], None]


class RawServer:
    """Accepts connections on 127.0.0.1, reads one request head, hands the socket and the
    request path to `talk`, then closes the socket."""

    def __init__(self, talk: Talker) -> None:
        self.talk = talk
        self.stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}{path}"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            head = b""
            while b"\r\n\r\n" not in head:
                data = conn.recv(4096)
                if not data:
                    return
                head += data
            path = head.split(b" ", 2)[1].decode("ascii", "replace")
            with contextlib.suppress(OSError):  # the client hung up, as it should
                self.talk(conn, path)

    def close(self) -> None:
        self.stop.set()
        self.listener.close()
        self.thread.join()


def dribble(conn: socket.socket, first: bytes, piece: bytes,
            stop: threading.Event | None = None) -> None:
    """Send `first`, then `piece` every GAP seconds until the client hangs up."""
    conn.sendall(first)
    end = time.monotonic() + SERVER_GIVES_UP
    while time.monotonic() < end and not (stop and stop.is_set()):
        conn.sendall(piece)
        time.sleep(GAP)


@pytest.fixture
def raw() -> Iterator[Callable[[Talker], RawServer]]:
    servers: list[RawServer] = []

    def start(talk: Talker) -> RawServer:
        servers.append(RawServer(talk))
        return servers[-1]

    yield start
    for srv in servers:
        srv.close()


def config(**overrides: Any) -> FetchConfig:
    settings: dict[str, Any] = {"deadline": DEADLINE, "min_host_interval": 0.0,
                                "backoff_base": 0.01, "backoff_jitter": 0.0}
    settings.update(overrides)
    return FetchConfig(**settings)


def page_after_robots(page_talk: Callable[[socket.socket], None]) -> Talker:
    def talk(conn: socket.socket, path: str) -> None:
        if path == "/robots.txt":
            conn.sendall(NOT_FOUND)
        else:
            page_talk(conn)

    return talk


# Each server keeps a fetch busy without ever letting a socket read wait long.
TRICKLES: dict[str, Talker] = {
    "status line": page_after_robots(lambda c: dribble(c, b"HTTP/1.1 2", b"0")),
    "headers": page_after_robots(lambda c: dribble(c, HEAD_200 + b"X-Long: ", b"x")),
    "robots.txt headers": lambda c, _: dribble(c, b"HTTP/1.1 200 OK\r\nX-Long: ", b"x"),
    # gzip header with the FNAME flag (0x08) and a file name that never ends
    "gzip file name": page_after_robots(lambda c: dribble(
        c, HEAD_200 + b"Content-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x08\0\0\0\0\0\xff", b"a")),
    # a zlib header, then empty non-final stored blocks: no output, ever
    "deflate empty blocks": page_after_robots(lambda c: dribble(
        c, HEAD_200 + b"Content-Encoding: deflate\r\n\r\n\x78\x9c", b"\0\0\0\xff\xff")),
    "chunked trailers": page_after_robots(lambda c: dribble(
        c, HEAD_200 + b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n", b"X-T: y\r\n")),
    "100 continue": page_after_robots(lambda c: dribble(
        c, b"", b"HTTP/1.1 100 Continue\r\n\r\n")),
}


@pytest.mark.parametrize("trickle", TRICKLES, ids=list(TRICKLES))
def test_the_deadline_bounds_a_trickling_exchange(
        raw: Callable[[Talker], RawServer], trickle: str) -> None:
    srv = raw(TRICKLES[trickle])
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="deadline"):
        newsclean.fetch(srv.url("/page"), config=config())
    assert time.monotonic() - started < DEADLINE + MARGIN


def test_a_trickling_page_does_not_stall_the_next_fetch(
        raw: Callable[[Talker], RawServer], server: LocalServer) -> None:
    # The cut socket goes back to no one: the same fetcher then fetches normally.
    srv = raw(TRICKLES["chunked trailers"])
    server.route("/page", html(PAGE))
    with Fetcher(config(deadline=2 * DEADLINE)) as fetcher:
        with pytest.raises(FetchTimeoutError):
            fetcher.fetch(srv.url("/page"))
        assert fetcher.fetch(server.url("/page")).content == PAGE


def test_a_slow_but_finite_page_inside_the_deadline_is_read_whole(
        raw: Callable[[Talker], RawServer]) -> None:
    body = b"<p>" + b"x" * 20 + b"</p>"

    def talk(conn: socket.socket) -> None:
        conn.sendall(HEAD_200 + b"Content-Length: %d\r\n\r\n" % len(body))
        for byte in body:  # 24 pieces, 0.5 s in all
            conn.sendall(bytes([byte]))
            time.sleep(GAP)

    srv = raw(page_after_robots(talk))
    page = newsclean.fetch(srv.url("/page"), config=config(deadline=5.0))
    assert page.content == body


# --- waits the server asks for ------------------------------------------------------


def test_a_retry_after_past_the_deadline_is_a_try_later_error(server: LocalServer) -> None:
    server.route("/busy", respond(503, b"", {"Retry-After": "3600"}))
    server.route("/other", html(PAGE))
    with Fetcher(config()) as fetcher:
        started = time.monotonic()
        with pytest.raises(RetryLaterError, match="HTTP 503") as info:
            fetcher.fetch(server.url("/busy"))
        assert info.value.wait == 120  # max_retry_after
        assert info.value.url == server.url("/busy")
        # the pause holds off the whole host: the next page is not even asked for
        with pytest.raises(RetryLaterError, match="no request made") as info:
            fetcher.fetch(server.url("/other"))
        assert 100 < info.value.wait <= 120
        assert time.monotonic() - started < 2 * DEADLINE + MARGIN
    assert server.requests("/other") == []
    assert len(server.requests("/busy")) == 1


def test_a_huge_crawl_delay_is_a_try_later_error(server: LocalServer) -> None:
    server.route("/robots.txt", respond(200, b"User-agent: *\nCrawl-delay: 1e308\n",
                                       {"Content-Type": "text/plain"}))
    server.route("/a", html(PAGE))
    server.route("/b", html(PAGE))
    with Fetcher(config()) as fetcher:
        assert fetcher.fetch(server.url("/a")).content == PAGE
        started = time.monotonic()
        with pytest.raises(RetryLaterError) as info:
            fetcher.fetch(server.url("/b"))
        assert time.monotonic() - started < DEADLINE + MARGIN
    assert 25 < info.value.wait <= 30  # max_crawl_delay
    assert server.requests("/b") == []


def test_a_retry_after_on_robots_txt_names_the_page(server: LocalServer) -> None:
    server.route("/robots.txt", respond(429, b"", {"Retry-After": "60"}))
    with pytest.raises(RetryLaterError, match=r"robots\.txt") as info:
        newsclean.fetch(server.url("/page"), config=config())
    assert info.value.url == server.url("/page")
    assert info.value.wait == 60


# --- malformed answers --------------------------------------------------------------


def test_a_redirect_to_a_malformed_url_is_a_fetch_error(server: LocalServer) -> None:
    server.route("/moved", redirect(302, "http://[::1"))
    with pytest.raises(FetchError, match="Invalid IPv6 URL") as info:
        newsclean.fetch(server.url("/moved"), config=config(deadline=5.0))
    assert type(info.value) is FetchError


def test_a_nul_in_the_header_charset_is_ignored(server: LocalServer) -> None:
    server.route("/page", html(PAGE, content_type="text/html; charset=utf-8\x00x"))
    page = newsclean.fetch(server.url("/page"), config=config(deadline=5.0))
    assert page.text == PAGE.decode()
