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
import itertools
import os
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3 import PoolManager

_WATCHED_MARK = "_newsclean_watched"


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


def _attach(sock: Any) -> None:
    watch: Watch | None = getattr(_current, "watch", None)
    if watch is not None and isinstance(sock, socket.socket):
        watch.attach(sock)


class _WatchedConnection:
    """Mixed into urllib3 connection classes: report each socket to the current watch."""

    def _new_conn(self) -> Any:
        sock = super()._new_conn()  # type: ignore[misc]
        _attach(sock)  # before a TLS handshake, which a server can trickle too
        return sock

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


__all__ = ["Watch", "watch_adapter", "watching"]
