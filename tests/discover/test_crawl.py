"""`crawl` and `newsclean crawl` on the synthetic news site: one line per article,
resumable after --max or a kill, never a duplicate."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsclean import Fetcher, crawl
from newsclean.cli import main
from newsclean.discover import discovery_config
from tests.discover.news_site import ARTICLES, serve_site
from tests.discover.test_discover import fast
from tests.http_server import LocalServer, Request

SLOW_ARTICLE = 0.15  # seconds each article takes to answer in the kill test


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def expected(server: LocalServer) -> set[str]:
    return {server.url(p) for p in ARTICLES}


def test_crawl_writes_one_line_per_article(server: LocalServer, tmp_path: Path) -> None:
    serve_site(server)
    out = tmp_path / "out.jsonl"
    with Fetcher(fast()) as fetcher:
        stats = crawl(server.url("/"), out, fetcher=fetcher, workers=0)
    records = lines(out)
    assert sorted(r["url"] for r in records) == sorted(expected(server))
    assert all("error" not in r for r in records), [r.get("error") for r in records]
    by_url = {r["url"]: r for r in records}
    story = next(iter(ARTICLES))
    assert by_url[server.url(story)]["title"] == ARTICLES[story]
    assert stats.articles == len(ARTICLES) and stats.errors == 0


def test_max_then_a_second_run_adds_only_the_rest(server: LocalServer, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    serve_site(server)
    out = tmp_path / "out.jsonl"
    common = [server.url("/"), "-o", str(out), "-j", "0", "--min-host-interval", "0",
              "--no-progress"]
    assert main(["crawl", *common, "--max", "4"]) == 0
    first = [r["url"] for r in lines(out)]
    assert len(first) == 4
    assert main(["crawl", *common]) == 0
    urls = [r["url"] for r in lines(out)]
    assert urls[:4] == first  # kept as they were
    assert len(urls) == len(set(urls)) and set(urls) == expected(server)
    for url in first:  # fetched once, in the first run only
        assert len(server.requests(url.split(str(server.port), 1)[1])) == 1
    assert "skipped (already done)" in capsys.readouterr().err


def test_a_killed_crawl_resumes_without_loss_or_duplicate(server: LocalServer,
                                                         tmp_path: Path) -> None:
    serve_site(server)
    for path, handler in list(server.routes.items()):
        if path in ARTICLES:
            def slow(req: Request, inner: Any = handler) -> None:
                time.sleep(SLOW_ARTICLE)
                inner(req)
            server.route(path, slow)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsclean", "crawl", server.url("/"), "-o", str(out),
               "-j", "0", "--min-host-interval", "0", "--fetch-workers", "1", "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 3):
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    written = out.read_bytes().count(b"\n")
    assert 3 <= written < len(ARTICLES)  # stopped part-way
    with out.open("ab") as handle:
        handle.write(b'{"url": "torn')  # as a kill in the middle of a write leaves it
    assert subprocess.run(command, env=env, stderr=subprocess.DEVNULL).returncode == 0
    urls = [r["url"] for r in lines(out)]
    assert len(urls) == len(set(urls)) and set(urls) == expected(server)


def test_crawl_of_a_site_whose_robots_forbid_everything_exits_4(
        server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serve_site(server, robots="User-agent: *\nDisallow: /\n")
    code = main(["crawl", server.url("/"), "-o", str(tmp_path / "o.jsonl"), "-j", "0",
                 "--min-host-interval", "0", "--no-progress"])
    assert code == 4
    assert "robots.txt forbids every source" in capsys.readouterr().err


def test_list_prints_the_urls_found(server: LocalServer,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    serve_site(server)
    assert main(["crawl", server.url("/"), "--list", "--min-host-interval", "0"]) == 0
    printed = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert sorted(printed) == sorted(expected(server))


def test_bad_arguments_are_usage_errors(tmp_path: Path) -> None:
    assert main(["crawl", "example.com"]) == 2  # no -o
    assert main(["crawl", "example.com", "-o", str(tmp_path / "o"), "--max", "-1"]) == 2
    assert main(["crawl", "ftp://example.com", "-o", str(tmp_path / "o")]) == 2


def test_shared_fetcher_needs_discovery_types() -> None:
    assert discovery_config().content_types >= {"application/xml", "text/html"}
