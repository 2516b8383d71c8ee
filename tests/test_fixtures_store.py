"""The corpus layout: paths, snapshots (from a file and from a URL), reading pages back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

import newsclean
from newsclean.cli import main
from newsclean.fetcher import FetchConfig
from newsclean.fixtures import (
    FixtureError,
    FixtureExistsError,
    find_pages,
    host_of,
    load_page,
    slug_of,
    snapshot_file,
    snapshot_url,
    stable_json,
)
from tests.http_server import LocalServer, redirect, respond

SAMPLE_URL = "https://www.upi.com/Top_News/World-News/2024/10/23/north-korea-troops-russia-austin/1234567890/"
FETCHED = datetime(2024, 10, 23, 14, 0, tzinfo=UTC)


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "saved.html"
    path.write_bytes(newsclean.sample_path().read_bytes())
    return path


# --- layout ------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "host", "slug"), [
    ("https://www.UPI.com/Top_News/2024/Story_Name.html?q=1#top", "upi.com", "story-name-html"),
    ("https://news.example.co.uk/a/b/", "news.example.co.uk", "b"),
    ("https://www2.example.com/", "www2.example.com", "index"),
    ("http://example.com:8080", "example.com", "index"),
    ("https://example.com/--Ça va, l'été?--/", "example.com", "a-va-l-t"),
    ("https://example.com/" + "x" * 100, "example.com", "x" * 80),
])
def test_host_and_slug(url: str, host: str, slug: str) -> None:
    assert host_of(url) == host
    assert slug_of(url) == slug


def test_a_url_without_host_is_refused() -> None:
    with pytest.raises(FixtureError, match="no host"):
        host_of("/relative/path")


def test_stable_json_is_sorted_indented_utf8_with_final_newline() -> None:
    assert stable_json({"b": "été", "a": [1]}) == '{\n  "a": [\n    1\n  ],\n  "b": "été"\n}\n'


# --- snapshot from a file ---------------------------------------------------------------


def test_snapshot_file_writes_the_three_files(tmp_path: Path, sample_file: Path) -> None:
    directory = snapshot_file(tmp_path / "corpus", sample_file, SAMPLE_URL, fetched_at=FETCHED)
    assert directory == tmp_path / "corpus" / "upi.com" / "1234567890"
    assert (directory / "page.html").read_bytes() == sample_file.read_bytes()
    meta = json.loads((directory / "page.json").read_text("utf-8"))
    assert meta == {"url": SAMPLE_URL, "final_url": SAMPLE_URL, "status": 200, "headers": {},
                    "fetched_at": "2024-10-23T14:00:00+00:00"}
    article = newsclean.extract(sample_file.read_bytes(), SAMPLE_URL, reference_time=FETCHED)
    assert (directory / "expected.json").read_text("utf-8") == stable_json(article.to_dict())


def test_snapshots_are_byte_identical_across_folders(tmp_path: Path, sample_file: Path) -> None:
    a = snapshot_file(tmp_path / "one", sample_file, SAMPLE_URL, fetched_at=FETCHED)
    b = snapshot_file(tmp_path / "two", sample_file, SAMPLE_URL, fetched_at=FETCHED)
    for name in ("page.html", "page.json", "expected.json"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_the_fetch_time_keeps_its_zone(tmp_path: Path, sample_file: Path) -> None:
    # Corpus pages record local fetch times; related-item dates follow that zone.
    local = FETCHED.astimezone(timezone(timedelta(hours=-4)))
    directory = snapshot_file(tmp_path, sample_file, SAMPLE_URL, fetched_at=local)
    assert '"fetched_at": "2024-10-23T10:00:00-04:00"' in (directory / "page.json").read_text()
    assert load_page(directory).meta.fetched_at.utcoffset() == timedelta(hours=-4)


def test_snapshot_refuses_to_overwrite_without_force(tmp_path: Path, sample_file: Path) -> None:
    corpus = tmp_path / "corpus"
    directory = snapshot_file(corpus, sample_file, SAMPLE_URL, fetched_at=FETCHED)
    later = FETCHED + timedelta(days=1)
    with pytest.raises(FixtureExistsError, match="--force"):
        snapshot_file(corpus, sample_file, SAMPLE_URL, fetched_at=later)
    assert "2024-10-23T14" in (directory / "page.json").read_text("utf-8")
    snapshot_file(corpus, sample_file, SAMPLE_URL, fetched_at=later, force=True)
    assert "2024-10-24T14" in (directory / "page.json").read_text("utf-8")


def test_snapshot_without_fetch_time_records_now(tmp_path: Path, sample_file: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    directory = snapshot_file(tmp_path, sample_file, SAMPLE_URL)
    recorded = load_page(directory).meta.fetched_at
    assert before <= recorded <= datetime.now(UTC)


def test_cli_snapshot_file(tmp_path: Path, sample_file: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    argv = ["snapshot", str(sample_file), "--corpus", str(corpus)]
    assert main(argv) == 2
    assert "needs --url" in capsys.readouterr().err
    argv += ["--url", SAMPLE_URL, "--fetched-at", "2024-10-23T10:00:00-04:00"]
    assert main(argv) == 0
    directory = corpus / "upi.com" / "1234567890"
    assert capsys.readouterr().out.strip() == str(directory)
    assert load_page(directory).meta.fetched_at == FETCHED
    assert main(argv) == 2
    assert "--force" in capsys.readouterr().err
    assert main([*argv, "--force"]) == 0
    assert main(["snapshot", str(sample_file), "--url", SAMPLE_URL, "--corpus", str(corpus),
                 "--fetched-at", "yesterday", "--force"]) == 2
    assert main(["snapshot", str(tmp_path / "absent.html"), "--url", SAMPLE_URL,
                 "--corpus", str(corpus), "--force"]) == 3
    assert "absent.html" in capsys.readouterr().err


# --- snapshot from a URL ---------------------------------------------------------------

STORY = (b"<html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>"
         b"<p>The pier reopened on Monday after the storm damage was repaired.</p>"
         b"<p>Crowds came back within the hour.</p></article></body></html>")


@pytest.fixture
def site(server: LocalServer) -> str:
    """A story behind a redirect, served with a header to keep and a cookie to drop."""
    server.route("/old/pier-story", redirect(301, "/news/pier-story"))
    server.route("/news/pier-story", respond(200, STORY, {
        "Content-Type": "text/html; charset=utf-8", "X-Story": "pier",
        "Set-Cookie": "session=secret"}))
    return server.url("")


FAST = FetchConfig(respect_robots=False, min_host_interval=0.0, max_retries=0)


def test_snapshot_url_stores_the_response_as_served(tmp_path: Path, site: str) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    directory = snapshot_url(tmp_path, f"{site}/old/pier-story", config=FAST)
    assert directory == tmp_path / "127.0.0.1" / "pier-story"
    page = load_page(directory)
    assert page.html == STORY
    assert page.meta.url == f"{site}/old/pier-story"
    assert page.meta.final_url == f"{site}/news/pier-story"
    assert page.meta.status == 200
    headers = {k.lower(): v for k, v in page.meta.headers.items()}
    assert headers["x-story"] == "pier"
    assert "set-cookie" not in headers  # a corpus is often published
    assert before <= page.meta.fetched_at <= datetime.now(UTC) + timedelta(seconds=1)
    article = newsclean.extract(STORY, page.meta.final_url, reference_time=page.meta.fetched_at)
    assert page.expected == json.loads(stable_json(article.to_dict()))


def test_cli_snapshot_url_and_fetch_failure(tmp_path: Path, site: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    assert main(["snapshot", f"{site}/news/pier-story", "--corpus", str(corpus)]) == 0
    assert (corpus / "127.0.0.1" / "pier-story" / "page.html").read_bytes() == STORY
    assert main(["snapshot", f"{site}/missing", "--corpus", str(corpus)]) == 4
    assert "404" in capsys.readouterr().err
    assert not (corpus / "127.0.0.1" / "missing").exists()


# --- reading pages back ------------------------------------------------------------------


def _page(tmp_path: Path, meta: str | None = '{"url": "https://example.com/a/b", '
          '"fetched_at": "2024-01-01T00:00:00Z"}') -> Path:
    directory = tmp_path / "example.com" / "b"
    directory.mkdir(parents=True)
    (directory / "page.html").write_bytes(b"<p>hello</p>")
    if meta is not None:
        (directory / "page.json").write_text(meta, "utf-8")
    return directory


def test_load_page_defaults_and_missing_expected(tmp_path: Path) -> None:
    page = load_page(_page(tmp_path))
    assert page.id == "example.com/b"
    assert page.meta.final_url == "https://example.com/a/b"
    assert page.meta.fetched_at == datetime(2024, 1, 1, tzinfo=UTC)
    assert page.expected is None


@pytest.mark.parametrize(("meta", "message"), [
    (None, "page.json is missing"),
    ("{not json", "invalid JSON at line 1"),
    ("[1, 2]", "must hold a JSON object"),
    ('{"fetched_at": "2024-01-01T00:00:00Z"}', '"url" is missing'),
    ('{"url": "https://example.com/a/b"}', '"fetched_at" is missing'),
    ('{"url": "https://example.com/a/b", "fetched_at": "soon"}', '"fetched_at"'),
    ('{"url": "https://e.com/b", "fetched_at": "2024-01-01", "status": "ok"}', '"status"'),
    ('{"url": "https://e.com/b", "fetched_at": "2024-01-01", "headers": [1]}', '"headers"'),
])
def test_load_page_names_what_is_wrong(tmp_path: Path, meta: str | None, message: str) -> None:
    with pytest.raises(FixtureError, match=message) as info:
        load_page(_page(tmp_path, meta))
    assert "example.com/b" in str(info.value)


def test_missing_page_html_and_invalid_expected(tmp_path: Path) -> None:
    directory = _page(tmp_path)
    (directory / "expected.json").write_text('{"title": ', "utf-8")
    with pytest.raises(FixtureError, match=r"expected\.json: invalid JSON"):
        load_page(directory)
    (directory / "page.html").unlink()
    with pytest.raises(FixtureError, match=r"page\.html is missing"):
        load_page(directory)


def test_find_pages_sorted_including_incomplete_ones(tmp_path: Path) -> None:
    for rel in ("b.com/z/page.html", "a.com/y/expected.json", "a.com/x/page.json"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("{}", "utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / ".cache" / "old").mkdir(parents=True)
    (tmp_path / ".cache" / "old" / "page.html").write_text("x", "utf-8")
    pages = find_pages(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in pages] == ["a.com/x", "a.com/y", "b.com/z"]
    assert find_pages(tmp_path / "b.com" / "z") == [tmp_path / "b.com" / "z"]
    with pytest.raises(FixtureError, match="not a folder"):
        find_pages(tmp_path / "absent")


def test_snapshots_match_across_processes_zones_and_hash_seeds(
        tmp_path: Path, sample_file: Path) -> None:
    # Stands in for "another machine": a fresh interpreter with another hash seed,
    # local time zone and locale.
    outputs = []
    for seed, zone in (("1", "UTC"), ("2", "Asia/Tokyo")):
        corpus = tmp_path / f"corpus-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone, "LC_ALL": "C"}
        subprocess.run([sys.executable, "-m", "newsclean", "snapshot", str(sample_file),
                        "--url", SAMPLE_URL, "--fetched-at", "2024-10-23T14:00:00+00:00",
                        "--corpus", str(corpus)], env=env, check=True, capture_output=True)
        outputs.append({name: (corpus / "upi.com" / "1234567890" / name).read_bytes()
                        for name in ("page.html", "page.json", "expected.json")})
    assert outputs[0] == outputs[1]
