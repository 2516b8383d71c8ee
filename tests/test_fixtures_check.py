"""`newsclean check`: re-extract stored pages, diff them, update them, report them."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.cli import main
from newsclean.errors import ExtractionError
from newsclean.fixtures import check_corpus, snapshot_file
from newsclean.fixtures.store import PageMeta, StoredPage, extract_page

SAMPLE_URL = "https://www.upi.com/Top_News/World-News/2024/10/23/north-korea-troops-russia-austin/1234567890/"
STORY_URL = "https://example.com/news/pier-story"
STORY = (b"<html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>"
         b"<p>The pier reopened on Monday after the storm damage was repaired.</p>"
         b"<p>Crowds came back within the hour.</p></article></body></html>")
FETCHED = datetime(2024, 10, 23, 14, 0, tzinfo=UTC)
EXTRA = "A paragraph the page does not have."


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two fresh snapshots: upi.com/1234567890 and example.com/pier-story."""
    root = tmp_path / "corpus"
    saved = tmp_path / "sample.html"
    saved.write_bytes(newsclean.sample_path().read_bytes())
    snapshot_file(root, saved, SAMPLE_URL, fetched_at=FETCHED)
    saved.write_bytes(STORY)
    snapshot_file(root, saved, STORY_URL, fetched_at=FETCHED)
    return root


def _edit_expected(page: Path) -> bytes:
    """Make expected.json disagree with any extraction; return the original bytes."""
    path = page / "expected.json"
    original = path.read_bytes()
    data = json.loads(original)
    data["paragraphs"] = [*data["paragraphs"], EXTRA]
    data["title"] = "An edited title"
    path.write_text(json.dumps(data), "utf-8")
    return original


def test_fresh_snapshots_check_clean(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(corpus)]) == 0
    assert capsys.readouterr().out.strip() == "2 pages, 0 differ"


def test_a_difference_prints_a_per_field_diff_and_exits_1(
        corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit_expected(corpus / "example.com" / "pier-story")
    assert main(["check", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert "example.com/pier-story: differs in paragraphs, title" in out
    assert re.search(rf'^ +- \[\d+\] "{re.escape(EXTRA)}"$', out, re.M)  # a lost paragraph
    assert '"An edited title" -> ' in out
    assert "upi.com/1234567890" not in out  # pages that agree stay quiet
    assert out.splitlines()[-1] == "2 pages, 1 differ"


def test_update_rewrites_exactly_what_snapshot_wrote(
        corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = corpus / "example.com" / "pier-story"
    original = _edit_expected(page)
    assert main(["check", str(corpus), "--update"]) == 0
    out = capsys.readouterr().out
    assert "updated example.com/pier-story" in out
    assert "updated upi.com" not in out
    assert (page / "expected.json").read_bytes() == original
    assert main(["check", str(corpus), "-q"]) == 0


def test_bad_pages_are_reported_and_the_check_goes_on(
        corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit_expected(corpus / "example.com" / "pier-story")
    no_meta = corpus / "example.com" / "no-meta"
    no_meta.mkdir()
    (no_meta / "page.html").write_bytes(STORY)
    (corpus / "upi.com" / "1234567890" / "expected.json").write_text("{oops", "utf-8")
    assert main(["check", str(corpus)]) == 3
    captured = capsys.readouterr()
    assert "example.com/no-meta: error:" in captured.err and "page.json is missing" in captured.err
    assert "upi.com/1234567890: error:" in captured.err and "invalid JSON" in captured.err
    assert "example.com/pier-story: differs" in captured.out
    assert captured.out.splitlines()[-1] == "3 pages, 1 differ, 2 failed"


def test_missing_expected_is_an_error_until_update_writes_it(
        corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = corpus / "example.com" / "pier-story" / "expected.json"
    original = expected.read_bytes()
    expected.unlink()
    assert main(["check", str(corpus)]) == 3
    assert "expected.json is missing" in capsys.readouterr().err
    assert main(["check", str(corpus), "--update"]) == 0
    assert expected.read_bytes() == original


def test_an_extraction_failure_is_one_page_error(
        corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_module = sys.modules["newsclean.fixtures.check"]
    real = extract_page  # what check_module.extract_page is until it is patched

    def flaky(html: bytes, meta: PageMeta, rules: Any = None) -> newsclean.Article:
        if "upi.com" in meta.url:
            raise ExtractionError("no story found", meta.url)
        if html == b"crash":
            raise RuntimeError("engine bug")
        return real(html, meta, rules)

    monkeypatch.setattr(check_module, "extract_page", flaky)
    crash = corpus / "example.com" / "crash"
    crash.mkdir()
    (crash / "page.html").write_bytes(b"crash")
    (crash / "page.json").write_bytes((corpus / "example.com/pier-story/page.json").read_bytes())
    results = {r.id: r for r in check_corpus(corpus)}
    assert results["upi.com/1234567890"].error is not None
    assert "extraction failed: no story found" in results["upi.com/1234567890"].error
    assert "extraction crashed: RuntimeError: engine bug" in str(results["example.com/crash"].error)
    assert results["example.com/pier-story"].ok


def test_check_accepts_a_single_page_folder_and_rejects_a_missing_one(
        corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(corpus / "upi.com" / "1234567890")]) == 0
    assert capsys.readouterr().out.strip() == "1 pages, 0 differ"
    assert main(["check", str(tmp_path / "absent")]) == 3
    assert "not a folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["check", str(tmp_path / "empty")]) == 3
    assert "no pages under" in capsys.readouterr().err


def test_report_without_the_inspector_says_so(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _edit_expected(corpus / "example.com" / "pier-story")
    monkeypatch.setitem(sys.modules, "newsclean.inspect", None)  # makes the import fail
    assert main(["check", str(corpus), "--report", str(tmp_path / "reports")]) == 1
    assert "--report needs newsclean.inspect" in capsys.readouterr().err
    assert not (tmp_path / "reports").exists()


def test_report_is_written_per_differing_page(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    if importlib.util.find_spec("newsclean.inspect") is None:
        pytest.skip("newsclean.inspect is not installed")
    calls: list[tuple[str, Path, list[str]]] = []
    inspect = importlib.import_module("newsclean.inspect")
    real = inspect.write_report

    def spy(explanation: newsclean.Explanation, path: Path, *,
            differing_fields: list[str]) -> Path:
        calls.append((str(explanation.article.url), path, list(differing_fields)))
        written: Path = real(explanation, path, differing_fields=differing_fields)
        return written

    monkeypatch.setattr(inspect, "write_report", spy)
    _edit_expected(corpus / "example.com" / "pier-story")
    reports = tmp_path / "reports"
    assert main(["check", str(corpus), "--report", str(reports)]) == 1
    assert calls == [(STORY_URL, reports / "example.com" / "pier-story.html",
                      ["paragraphs", "title"])]
    assert (reports / "example.com" / "pier-story.html").is_file()
    assert "report example.com/pier-story:" in capsys.readouterr().out


def test_page_result_keeps_the_loaded_page(corpus: Path) -> None:
    [upi] = [r for r in check_corpus(corpus) if r.id.startswith("upi.com")]
    assert isinstance(upi.page, StoredPage)
    assert upi.page.meta.fetched_at == FETCHED
    assert upi.actual == upi.page.expected


def test_rules_flags_reach_snapshot_and_check(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "example.com.toml").write_text(
        'name = "Example"\ndomains = ["example.com"]\ntitle = "//article/p[1]"\n', "utf-8")
    saved = tmp_path / "story.html"
    saved.write_bytes(STORY)
    corpus = tmp_path / "corpus"
    assert main(["snapshot", str(saved), "--url", STORY_URL, "--corpus", str(corpus),
                 "--fetched-at", FETCHED.isoformat(), "--rules", str(rules)]) == 0
    expected = json.loads((corpus / "example.com/pier-story/expected.json").read_text("utf-8"))
    assert expected["title"].startswith("The pier reopened")
    assert main(["check", str(corpus), "--rules", str(rules)]) == 0
    assert main(["check", str(corpus)]) == 1
    assert "title:" in capsys.readouterr().out
    (rules / "broken.toml").write_text('name = "Broken"\n', "utf-8")
    assert main(["check", str(corpus), "--rules", str(rules)]) == 3
    assert "broken.toml" in capsys.readouterr().err
