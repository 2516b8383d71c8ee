"""A real HTTP server on 127.0.0.1 for fetcher tests: handlers per path, an access log.

    server.route("/page", html("<p>hi</p>"))
    server.route("/slow", lambda req: ...)   # any callable writing to the request
    fetcher.fetch(server.url("/page")); server.requests("/page")  # log entries
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Handler = Callable[["Request"], None]


@dataclass
class LogEntry:
    path: str  # as sent on the request line (absolute-form through a proxy)
    headers: dict[str, str]
    started: float  # time.monotonic() when the request line was read
    finished: float = float("inf")  # when the handler returned
    answered: float = float("inf")  # when `send` began the answer (a client may ask again
    # as soon as it has it, before the handler's thread sets `finished`)

    @property
    def busy_until(self) -> float:
        """The end of the time the server held the request unanswered."""
        return min(self.answered, self.finished)


class Request(BaseHTTPRequestHandler):
    """One request; handlers write the answer with `send` or the raw stream."""

    server: LocalServer
    entry: LogEntry
    protocol_version = "HTTP/1.0"  # the connection closes after each answer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        # Logged before answering, so a client that has its answer sees its entry.
        entry = self.entry = LogEntry(self.path, dict(self.headers.items()), time.monotonic())
        self.server.record(entry)
        handler = self.server.routes.get(urlsplit(self.path).path or "/", self.server.fallback)
        self.server.enter()
        try:
            handler(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as several tests intend
        finally:
            self.server.leave()
            entry.finished = time.monotonic()

    do_POST = do_HEAD = do_GET  # a beacon answers whatever a page sends it

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None,
             content_length: bool = True) -> None:
        if hasattr(self, "entry"):
            self.entry.answered = time.monotonic()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if content_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Request)
        self.routes: dict[str, Handler] = {}
        self.fallback: Handler = not_found  # answers the paths no route names
        self.log: list[LogEntry] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def record(self, entry: LogEntry) -> None:
        with self._lock:
            self.log.append(entry)

    def enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def requests(self, path: str) -> list[LogEntry]:
        """Log entries for `path` (matching the path part of absolute-form targets too)."""
        with self._lock:
            return [e for e in self.log if (urlsplit(e.path).path or "/") == path]


# --- handler factories ------------------------------------------------------------------


def not_found(req: Request) -> None:
    req.send(404, b"not found", {"Content-Type": "text/plain"})


def respond(status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> Handler:
    def handler(req: Request) -> None:
        req.send(status, body, headers)

    return handler


def html(body: bytes | str, content_type: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> Handler:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return respond(200, data, {"Content-Type": content_type, **(headers or {})})


def redirect(status: int, location: str) -> Handler:
    return respond(status, b"", {"Location": location})


def sequence(*handlers: Handler) -> Handler:
    """The first request gets handlers[0], the next handlers[1], ...; the last repeats."""
    calls = iter(range(10**9))
    lock = threading.Lock()

    def handler(req: Request) -> None:
        with lock:
            n = next(calls)
        handlers[min(n, len(handlers) - 1)](req)

    return handler


def drop_connection(req: Request) -> None:
    """Close the socket without answering (a dropped connection for the client)."""
    req.close_connection = True
    req.connection.shutdown(2)


@contextmanager
def running_server(wrap: Callable[[socket.socket], socket.socket] | None = None,
                   ) -> Iterator[LocalServer]:
    """A LocalServer serving on a thread until the block ends; `wrap` replaces its
    listening socket (to serve TLS, say)."""
    srv = LocalServer()
    if wrap is not None:
        srv.socket = wrap(srv.socket)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.01},
                              daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
