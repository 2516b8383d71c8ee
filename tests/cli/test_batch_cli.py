"""`newsclean batch` end to end: real fetches from 127.0.0.1, kills, resume, exit codes."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsclean.cli import main
from newsclean.pipeline import InputMeter, Stats
from newsclean.pipeline.progress import ProgressBar
from tests.http_server import LocalServer, LogEntry, Request


def pages(req: Request) -> None:
    """/story/N: an article page (slow when N >= 1000); /logo.png: an image; else 404."""
    if req.path.startswith("/story/"):
        number = int(req.path.rsplit("/", 1)[1])
        if number >= 1000:
            time.sleep(0.05)
        body = (f"<html><head><title>Story {number}</title></head><body><article>"
                f"<h1>Story {number}</h1><p>{'Words of the story. ' * 30}</p>"
                f"</article></body></html>").encode()
        req.send(200, body, {"Content-Type": "text/html; charset=utf-8"})
    elif req.path == "/logo.png":
        req.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, {"Content-Type": "image/png"})
    else:
        req.send(404, b"<html><body>not here</body></html>", {"Content-Type": "text/html"})


@pytest.fixture
def site(server: LocalServer) -> str:
    server.fallback = pages
    return server.url("")


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_batch_fetches_urls_and_keeps_input_order(site: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join([f"{site}/story/1", f"{site}/missing", f"{site}/logo.png",
                               f"{site}/story/2", f"{site}/story/1", f"{site}/story/3"]) + "\n")
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(urls), "-o", str(out), "--workers", "1",
                 "--min-host-interval", "0"])
    assert code == 0
    got = read_lines(out)
    assert [line["input"] for line in got] == [f"{urls}:{i}" for i in range(1, 7)]
    assert [line.get("error", {}).get("type", "ok") for line in got] == [
        "ok", "HTTPStatusError", "NotHTMLError", "ok", "DuplicateURL", "ok"]
    assert got[3]["url"] == f"{site}/story/2" and "paragraphs" in got[3]
    summary = capsys.readouterr().err
    assert "6 records: 3 articles, 3 errors" in summary
    assert "\r" not in summary  # no progress bar when standard error is not a terminal


def test_strict_and_missing_inputs_exit_codes(site: str, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{site}/story/1\n{site}/missing\n")
    out = tmp_path / "out.jsonl"
    args = ["batch", str(urls), "-o", str(out), "--workers", "0", "--min-host-interval", "0"]
    assert main([*args, "--strict"]) == 1
    assert main([*args, "--overwrite"]) == 0
    assert main(["batch", str(tmp_path / "nowhere.txt"), "-o", str(out)]) == 3
    assert main(["batch", str(urls), "--workers", "-1"]) == 2
    assert len(read_lines(out)) == 2


def test_jsonl_from_standard_input_to_standard_output(tmp_path: Path) -> None:
    records = "".join(json.dumps({"url": f"https://news.example/{i}",
                                  "html": f"<html><body><p>Text {i}.</p></body></html>"}) + "\n"
                      for i in range(3)) + "not json\n"
    done = subprocess.run([sys.executable, "-m", "newsclean", "batch", "--workers", "1"],
                          input=records.encode(), capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode()
    got = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [line["input"] for line in got] == ["-:1", "-:2", "-:3", "-:4"]
    assert got[3]["error"]["type"] == "InvalidJSON"
    assert b"4 records: 3 articles, 1 errors" in done.stderr


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"no {count} lines in {path} (exit {process.poll()})")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_run_resumes_with_exactly_one_line_per_input(site: str, tmp_path: Path,
                                                              how: signal.Signals) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"{site}/story/{1000 + i}\n" for i in range(60)))
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsclean", "batch", str(urls), "-o", str(out),
               "--workers", "1", "--fetch-workers", "2", "--min-host-interval", "0"]
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_for_lines(out, 5, first)
    first.send_signal(how)
    _, stderr = first.communicate(timeout=60)
    if how == signal.SIGTERM:
        assert first.returncode == 130
        assert b"rerun the same command to resume" in stderr
    written = out.read_bytes().count(b"\n")
    assert 5 <= written < 60

    again = subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert again.returncode == 0, again.stderr.decode()
    assert f"{written} skipped".encode() in again.stderr
    got = read_lines(out)
    assert sorted(line["input"] for line in got) == sorted(f"{urls}:{i}" for i in range(1, 61))
    assert all("error" not in line for line in got)


def test_progress_bar_draws_only_when_enabled() -> None:
    stats, meter = Stats(), InputMeter(total=1000)
    for _ in range(10):
        stats.results += 1
    stats.errors = 2
    meter.done = 250
    shown = io.StringIO()
    bar = ProgressBar(shown, enabled=True, interval=0)
    bar.update(stats, meter)
    text = shown.getvalue()
    assert text.startswith("\r[######") and "25%" in text
    assert "10 pages" in text and "2 errors" in text and "ETA 0:00:" in text
    bar.finish(stats, meter)
    assert shown.getvalue().endswith("\r\x1b[K")

    silent = io.StringIO()  # not a terminal: nothing at all
    quiet = ProgressBar(silent, interval=0)
    quiet.update(stats, meter)
    quiet.finish(stats, meter)
    assert silent.getvalue() == ""


def test_help_lists_examples_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["batch", "--help"])
    text = capsys.readouterr().out
    assert "examples:" in text and "newsclean batch urls.txt -o articles.jsonl" in text
    assert "130  interrupted" in text


PAGE_DELAY = 0.3  # long enough for the requests to overlap


def slow_page(req: Request) -> None:
    time.sleep(PAGE_DELAY)
    req.send(200, f"<html><body><p>Page {req.path}</p></body></html>".encode(),
             {"Content-Type": "text/html"})


def _most_at_once(entries: list[LogEntry]) -> int:
    events = sorted([(e.started, 1) for e in entries] + [(e.busy_until, -1) for e in entries])
    current = most = 0
    for _, step in events:
        current += step
        most = max(most, current)
    return most


def test_fetching_is_concurrent_across_hosts_and_polite_per_host(
        server: LocalServer, other_server: LocalServer, tmp_path: Path) -> None:
    hosts = [server, other_server]
    paths = [f"/p{i}" for i in range(4)]
    for host in hosts:
        for path in paths:
            host.route(path, slow_page)
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"{host.url(path)}\n" for path in paths for host in hosts))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(urls), "-o", str(out), "--workers", "0",
                 "--fetch-workers", "8", "--min-host-interval", "0"]) == 0
    served = {id(host): [e for path in paths for e in host.requests(path)] for host in hosts}
    assert len(read_lines(out)) == 8 and sum(map(len, served.values())) == 8
    # Both hosts were served at the same time...
    assert _most_at_once([e for entries in served.values() for e in entries]) > 2
    # ...but never more than the fetcher's two requests at once to one host.
    for entries in served.values():
        assert _most_at_once(entries) <= 2


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # Requests to 127.0.0.1 must not go through a proxy configured in the environment.
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
