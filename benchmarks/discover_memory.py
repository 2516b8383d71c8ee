"""`python -m benchmarks.discover_memory`: peak memory of discovery as a sitemap grows.

A loopback server (in this process) serves robots.txt and one sitemap of N URLs from a
temporary file; a fresh child process runs `newsclean.discover()` on it and reports its
peak resident memory (ru_maxrss) before and after. Modes:

  gzip   the sitemap served as sitemap.xml.gz (how large sitemaps are usually served)
  plain  the sitemap served uncompressed (the Fetcher holds the whole body, under its cap)
  parse  no network: `iter_sitemap` reads the gzipped file as a stream

    python -m benchmarks.discover_memory [--sizes 10000,200000] [--modes gzip,plain,parse]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

KIB = 1024
CHUNK = 64 * KIB


def write_sitemap(path: Path, count: int, compress: bool) -> None:
    opener = gzip.open if compress else open
    with opener(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.'
                  b'sitemaps.org/schemas/sitemap/0.9">\n')
        for i in range(count):
            out.write(b"<url><loc>http://127.0.0.1/news/2024/05/%02d/story-number-%d-of-"
                      b"the-day.html</loc><lastmod>2024-05-%02dT10:00:00Z</lastmod></url>\n"
                      % (i % 28 + 1, i, i % 28 + 1))
        out.write(b"</urlset>\n")


def serve(folder: Path) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            host = f"http://{self.headers.get('Host')}"
            if self.path == "/robots.txt":
                body = (f"User-agent: *\nAllow: /\nSitemap: {host}/sitemap.xml.gz\n"
                        f"Sitemap: {host}/sitemap.xml\n").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            target = folder / self.path.lstrip("/")
            if not self.path.startswith("/sitemap") or not target.is_file():
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            kind = "application/gzip" if target.suffix == ".gz" else "application/xml"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(target.stat().st_size))
            self.end_headers()
            with target.open("rb") as source:
                shutil.copyfileobj(source, self.wfile, CHUNK)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def child(mode: str, url: str, path: str) -> None:
    """Run in a fresh process: import, note memory, discover, note the peak."""
    from newsclean.discover import discover, iter_sitemap
    from newsclean.fetcher import FetchConfig

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if mode == "parse":
        with open(path, "rb") as stream:
            count = sum(1 for _ in iter_sitemap(stream, path))
    else:
        config = FetchConfig(min_host_interval=0.0, max_retries=0)
        count = sum(1 for _ in discover(url, config=config, on_error=lambda error: None))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"count": count, "before_kib": before, "peak_kib": peak}))


def measure(mode: str, size: int, folder: Path, server: ThreadingHTTPServer) -> dict[str, int]:
    for name in ("sitemap.xml.gz", "sitemap.xml"):
        (folder / name).unlink(missing_ok=True)
    compress = mode != "plain"
    name = "sitemap.xml.gz" if compress else "sitemap.xml"
    write_sitemap(folder / name, size, compress)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    done = subprocess.run([sys.executable, "-m", "benchmarks.discover_memory", "--child", mode,
                           url, str(folder / name)], capture_output=True, text=True, check=True)
    result: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    result["bytes"] = (folder / name).stat().st_size
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.discover_memory")
    parser.add_argument("--sizes", default="10000,200000")
    parser.add_argument("--modes", default="gzip,plain,parse")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "URL", "PATH"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        server = serve(folder)
        try:
            print(f"{'mode':6} {'URLs':>8} {'found':>8} {'file KiB':>9} {'start MiB':>9} "
                  f"{'peak MiB':>9}")
            for mode in args.modes.split(","):
                peaks = []
                for size in sizes:
                    r = measure(mode, size, folder, server)
                    peaks.append(r["peak_kib"])
                    print(f"{mode:6} {size:8} {r['count']:8} {r['bytes'] // KIB:9} "
                          f"{r['before_kib'] / KIB:9.1f} {r['peak_kib'] / KIB:9.1f}")
                growth = (max(peaks) - min(peaks)) / min(peaks) * 100
                print(f"{mode:6} peak grows {growth:.1f} % from {sizes[0]} to {sizes[-1]} URLs")
        finally:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
