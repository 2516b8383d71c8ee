"""Name lookups are held to the page deadline and the connect timeout like the rest."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import pytest

import newsclean
from newsclean import FetchConfig, FetchTimeoutError
from newsclean._deadline import NameLookupTimeout, getaddrinfo_within
from tests.http_server import LocalServer, html

PAGE = "<html><body><p>Story.</p></body></html>"
SLOW_HOST = "slow-resolver.test"
FAST_HOST = "fast-resolver.test"
LOOKUP_SLEEP = 3.0  # how long the stuck resolver holds a lookup of SLOW_HOST
DEADLINE = 0.4
LOOSE_BOUND = LOOKUP_SLEEP / 2  # far above the deadline, far below the stuck lookup


@pytest.fixture(autouse=True)
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def resolver(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A resolver that hangs on SLOW_HOST, answers 127.0.0.1 for FAST_HOST and leaves
    every other name to the real one; returns the names it was asked for."""
    real = socket.getaddrinfo
    asked: list[str] = []
    lock = threading.Lock()

    def fake(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        with lock:
            asked.append(str(host))
        if host == SLOW_HOST:
            time.sleep(LOOKUP_SLEEP)
            raise socket.gaierror(socket.EAI_AGAIN, "resolver gave up")
        if host == FAST_HOST:
            host = "127.0.0.1"
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return asked


def config(*, guarded: bool, deadline: float = DEADLINE) -> FetchConfig:
    return FetchConfig(allow_private_addresses=not guarded,
                       allowed_networks=("127.0.0.1/32",) if guarded else (),
                       deadline=deadline, min_host_interval=0, backoff_base=0.01,
                       respect_robots=False)


@pytest.mark.parametrize("guarded", [False, True], ids=["urllib3-lookup", "guard-lookup"])
def test_hanging_lookup_ends_at_the_deadline(resolver: list[str], server: LocalServer,
                                             guarded: bool) -> None:
    url = f"http://{SLOW_HOST}:{server.port}/story"
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="name lookup") as info:
        newsclean.fetch(url, config=config(guarded=guarded))
    assert time.monotonic() - started < LOOSE_BOUND
    assert info.value.url == url
    assert SLOW_HOST in resolver
    assert server.log == []


def test_hanging_lookup_ends_at_the_connect_timeout(resolver: list[str],
                                                    server: LocalServer) -> None:
    url = f"http://{SLOW_HOST}:{server.port}/story"
    cfg = FetchConfig(allow_private_addresses=True, connect_timeout=DEADLINE, deadline=30,
                      min_host_interval=0, backoff_base=0.01, max_retries=0,
                      respect_robots=False)
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="name lookup") as info:
        newsclean.fetch(url, config=cfg)
    assert time.monotonic() - started < LOOSE_BOUND
    assert info.value.url == url


@pytest.mark.parametrize("guarded", [False, True], ids=["unguarded", "guarded"])
def test_names_that_resolve_are_fetched(resolver: list[str], server: LocalServer,
                                        guarded: bool) -> None:
    server.route("/story", html(PAGE))
    page = newsclean.fetch(f"http://{FAST_HOST}:{server.port}/story",
                           config=config(guarded=guarded, deadline=10))
    assert page.text == PAGE
    assert FAST_HOST in resolver
    assert server.requests("/story")[0].headers.get("Host") == f"{FAST_HOST}:{server.port}"


def test_loopback_fetch_still_works(server: LocalServer) -> None:
    server.route("/story", html(PAGE))
    assert newsclean.fetch(server.url("/story"), config=config(guarded=True)).text == PAGE


def test_bounded_lookup_passes_results_and_errors_through(resolver: list[str]) -> None:
    infos = getaddrinfo_within(5, FAST_HOST, 80, proto=socket.IPPROTO_TCP)
    assert {info[4][0] for info in infos} == {"127.0.0.1"}
    with pytest.raises(NameLookupTimeout):
        getaddrinfo_within(0.05, SLOW_HOST, 80)
    with pytest.raises(NameLookupTimeout):
        getaddrinfo_within(0, FAST_HOST, 80)
