"""A watchdog that holds a fetch to its deadline while the server trickles bytes.

Socket timeouts bound one silence, not a whole exchange: a server that sends one byte a
second (of a status line, headers, a gzip file name, chunked trailers, endless
`100 Continue`s) keeps every read short and the exchange endless. So each fetch arms a
`Watch` with its deadline; the connections of a watched adapter attach their sockets to
the watch of the fetch running in their thread, and when the deadline passes the watchdog
thread shuts those sockets down. The blocked read then returns at once, and the fetcher,
seeing `watch.expired`, reports a timeout whatever the read made of the cut.
"""

from __future__ import annotations

import contextlib
import heapq
import ipaddress
import itertools
import os
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3 import PoolManager
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import allowed_gai_family

_WATCHED_MARK = "_newsclean_watched"
# Name lookups running at once, stray ones (given up on, still blocked in the resolver)
# included: a hanging resolver cannot pile up threads without end.
_MAX_LOOKUPS = 32
_AddrInfo = tuple[Any, Any, int, str, Any]


class Watch:
    """One exchange's deadline (a `time.monotonic()` value) and the sockets it uses."""

    def __init__(self, end: float) -> None:
        self.end = end
        self.expired = False
        self._finished = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def attach(self, sock: socket.socket) -> None:
        with self._lock:
            if self._finished:
                return
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def fire(self) -> None:
        with self._lock:
            if self._finished:
                return
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def finish(self) -> None:
        """The exchange is over: its sockets may go back to the pool untouched."""
        with self._lock:
            self._finished = True
            self._sockets.clear()

    @property
    def finished(self) -> bool:
        return self._finished


def _shut(sock: socket.socket) -> None:
    # shutdown(), not close(): it wakes a recv() blocked in another thread.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _Watchdog:
    """One daemon thread firing watches at their deadlines, earliest first."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Watch]] = []
        self._order = itertools.count()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def add(self, watch: Watch) -> None:
        with self._cond:
            heapq.heappush(self._heap, (watch.end, next(self._order), watch))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="newsclean-deadline",
                                                daemon=True)
                self._thread.start()
            self._cond.notify()

    def _run(self) -> None:
        while True:
            due: list[Watch] = []
            with self._cond:
                while self._heap and self._heap[0][2].finished:
                    heapq.heappop(self._heap)
                now = time.monotonic()
                while self._heap and self._heap[0][0] <= now:
                    due.append(heapq.heappop(self._heap)[2])
                if not due:
                    wait = self._heap[0][0] - now if self._heap else None
                    self._cond.wait(wait)
                    continue
            for watch in due:
                watch.fire()

    def reset_after_fork(self) -> None:
        # The thread does not survive a fork, and its lock may have been held by it.
        self._heap = []
        self._cond = threading.Condition()
        self._thread = None


_WATCHDOG = _Watchdog()
os.register_at_fork(after_in_child=_WATCHDOG.reset_after_fork)
_current = threading.local()


@contextlib.contextmanager
def watching(end: float) -> Iterator[Watch]:
    """Watch the connections this thread uses inside the block until `end`."""
    watch = Watch(end)
    previous: Watch | None = getattr(_current, "watch", None)
    _current.watch = watch
    _WATCHDOG.add(watch)
    try:
        yield watch
    finally:
        watch.finish()
        _current.watch = previous


class NameLookupTimeout(Exception):
    """A name lookup did not finish within its time (not an OSError, so no caller that
    treats a failed lookup as "no addresses" can swallow it)."""


class NameLookupTimeoutError(ConnectTimeoutError):
    """urllib3's form of `NameLookupTimeout`, which requests reports as a connect timeout."""


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


class _Lookups:
    """socket.getaddrinfo with a time limit. The resolver cannot be interrupted, so each
    lookup runs in a daemon thread; one given up on finishes (or hangs) on its own, holding
    one of a bounded number of slots, and never delays the interpreter's exit."""

    def __init__(self) -> None:
        self._slots = threading.BoundedSemaphore(_MAX_LOOKUPS)

    def getaddrinfo(self, timeout: float | None, host: str, port: int, family: int = 0,
                    type: int = 0, proto: int = 0) -> list[_AddrInfo]:
        if timeout is None or _is_ip(host):  # an address literal needs no resolver
            return socket.getaddrinfo(host, port, family, type, proto)
        end = time.monotonic() + timeout
        slots = self._slots
        if timeout <= 0 or not slots.acquire(timeout=timeout):
            raise NameLookupTimeout(host)
        done = threading.Event()
        outcome: list[list[_AddrInfo] | BaseException] = []

        def run() -> None:
            try:
                outcome.append(socket.getaddrinfo(host, port, family, type, proto))
            except BaseException as exc:  # handed to the waiting caller
                outcome.append(exc)
            finally:
                slots.release()
                done.set()

        threading.Thread(target=run, name="newsclean-lookup", daemon=True).start()
        if not done.wait(max(0.0, end - time.monotonic())):
            raise NameLookupTimeout(host)
        result = outcome[0]
        if isinstance(result, BaseException):
            raise result
        return result

    def reset_after_fork(self) -> None:
        self._slots = threading.BoundedSemaphore(_MAX_LOOKUPS)  # strays did not fork


_LOOKUPS = _Lookups()
os.register_at_fork(after_in_child=_LOOKUPS.reset_after_fork)


def getaddrinfo_within(timeout: float | None, host: str, port: int, family: int = 0,
                       type: int = 0, proto: int = 0) -> list[_AddrInfo]:
    """socket.getaddrinfo, raising `NameLookupTimeout` after `timeout` seconds (None: no
    limit). The same errors as getaddrinfo otherwise."""
    return _LOOKUPS.getaddrinfo(timeout, host, port, family, type, proto)


def lookup_limit(connect_timeout: object, end: float | None = None) -> float | None:
    """How long a name lookup may take: the connect timeout, cut to what is left until
    `end` (by default the current watch's deadline in this thread); None: neither applies."""
    limits = [float(connect_timeout)] if isinstance(connect_timeout, (int, float)) else []
    if end is None:
        watch: Watch | None = getattr(_current, "watch", None)
        end = watch.end if watch is not None else None
    if end is not None:
        limits.append(end - time.monotonic())
    return max(0.0, min(limits)) if limits else None


def _attach(sock: Any) -> None:
    watch: Watch | None = getattr(_current, "watch", None)
    if watch is not None and isinstance(sock, socket.socket):
        watch.attach(sock)


class _WatchedConnection:
    """Mixed into urllib3 connection classes: report each socket to the current watch."""

    def _new_conn(self) -> Any:
        sock = self._connect_bounded()
        _attach(sock)  # before a TLS handshake, which a server can trickle too
        return sock

    def _connect_bounded(self) -> Any:
        """urllib3's connect, with the name looked up here within `lookup_limit` (urllib3's
        own lookup has no limit) and each address it gives connected to as a literal."""
        host = getattr(self, "_dns_host", None)
        # A SOCKS connection hands the name to its proxy (remote DNS): leave it alone.
        if (not isinstance(host, str) or _is_ip(host.strip("[]"))
                or getattr(self, "_socks_options", None) is not None):
            return super()._new_conn()  # type: ignore[misc]
        port = getattr(self, "port", None)
        limit = lookup_limit(getattr(self, "timeout", None))
        try:
            infos = getaddrinfo_within(limit, host, int(port or 0), allowed_gai_family(),
                                       socket.SOCK_STREAM)
        except NameLookupTimeout:
            raise NameLookupTimeoutError(
                self, f"name lookup of {host} timed out after {limit or 0:.2g}s") from None
        except socket.gaierror as exc:
            raise NameResolutionError(host, self, exc) from exc  # type: ignore[arg-type]
        except UnicodeError:
            return super()._new_conn()  # type: ignore[misc]  # urllib3 names the bad label
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            raise NewConnectionError(self,  # type: ignore[arg-type]
                                     "Failed to establish a new connection: no addresses")
        failure: ConnectTimeoutError | None = None
        try:
            for address in addresses:  # in the resolver's order, as urllib3 would
                self._dns_host = address
                try:
                    return super()._new_conn()  # type: ignore[misc]
                except ConnectTimeoutError as exc:  # NewConnectionError included
                    failure = exc
        finally:
            self._dns_host = host
        assert failure is not None
        raise failure

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        _attach(getattr(self, "sock", None))  # a kept-alive connection reused
        return super().getresponse(*args, **kwargs)  # type: ignore[misc]


def _watched_pool(pool_cls: type[Any]) -> type[Any]:
    if getattr(pool_cls, _WATCHED_MARK, False):
        return pool_cls
    connection_cls = type(f"Watched{pool_cls.ConnectionCls.__name__}",
                          (_WatchedConnection, pool_cls.ConnectionCls), {})
    return type(f"Watched{pool_cls.__name__}", (pool_cls,),
                {"ConnectionCls": connection_cls, _WATCHED_MARK: True})


def _watch_manager(manager: PoolManager) -> None:
    # A new dict: urllib3's default one is shared by every pool manager in the process.
    manager.pool_classes_by_scheme = {
        scheme: _watched_pool(cls) for scheme, cls in manager.pool_classes_by_scheme.items()
    }


def watch_adapter(adapter: HTTPAdapter) -> None:
    """Make `adapter`'s connections, direct or through a proxy, attach to the watch of the
    fetch using them. Keeps whatever connection classes the adapter had (the address guard)."""
    if getattr(adapter, _WATCHED_MARK, False):
        return
    _watch_manager(adapter.poolmanager)
    make_proxy_manager = adapter.proxy_manager_for

    def proxy_manager_for(proxy: str, **kwargs: Any) -> Any:
        manager = make_proxy_manager(proxy, **kwargs)
        _watch_manager(manager)
        return manager

    adapter.proxy_manager_for = proxy_manager_for  # type: ignore[method-assign]
    setattr(adapter, _WATCHED_MARK, True)


__all__ = ["NameLookupTimeout", "NameLookupTimeoutError", "Watch", "getaddrinfo_within",
           "lookup_limit", "watch_adapter", "watching"]
