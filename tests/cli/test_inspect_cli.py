"""`newsclean inspect`: files, standard input and URLs to a report file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import lxml.html
import pytest

from newsclean.cli import main
from tests.html_query import strings, text_content
from tests.http_server import LocalServer, html

PAGE = b"""<!DOCTYPE html><html><head><title>Pier reopens</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Pier reopens after storm</h1>
<p>The pier reopened on Saturday after months of repairs to the storm damage.</p>
<p>Crowds queued from early morning to walk its full length again.</p></article>
<script>window.__pwned = 1</script></body></html>"""


def report_header(path: Path) -> str:
    doc = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    header = doc.find(".//header")
    assert header is not None
    return text_content(header)


def test_a_corpus_page_takes_its_url_from_page_json(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "example.com" / "pier-reopens"
    folder.mkdir(parents=True)
    (folder / "page.html").write_bytes(PAGE)
    url = "https://example.com/news/pier-reopens"
    (folder / "page.json").write_text(json.dumps({
        "url": url, "final_url": url, "status": 200, "headers": {},
        "fetched_at": "2024-10-23T14:00:00+00:00"}), encoding="utf-8")
    out = tmp_path / "reports" / "pier.html"
    assert main(["inspect", str(folder / "page.html"), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert url in report_header(out)
    report = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in report and "__pwned" not in report

    other = "https://example.org/elsewhere"
    assert main(["inspect", str(folder / "page.html"), "-o", str(out), "--url", other]) == 0
    assert other in report_header(out) and url not in report_header(out)


def test_standard_input_and_the_default_output(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE)))
    assert main(["inspect", "-", "--url", "https://example.com/a", "--no-rules"]) == 0
    assert "https://example.com/a" in report_header(tmp_path / "report.html")


def test_extra_rules_are_applied_and_named(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "example.com.toml").write_text(
        'name = "Example News"\ndomains = ["example.com"]\nstory = "//article"\n',
        encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    out = tmp_path / "r.html"
    args = ["inspect", str(page), "-o", str(out), "--url", "https://example.com/news/pier"]
    assert main([*args, "--rules", str(rules)]) == 0
    assert "Site rule: Example News" in report_header(out)
    assert main(args) == 0
    assert "Example News" not in report_header(out)


def test_a_broken_rule_file_is_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.toml").write_text('name = "Bad"\nstory = 3\n', encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    assert main(["inspect", str(page), "-o", str(tmp_path / "r.html"),
                 "--rules", str(rules)]) == 3
    assert "bad.toml" in capsys.readouterr().err


def test_a_missing_page_is_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["inspect", str(tmp_path / "nope.html"), "-o", str(out)]) == 3
    assert "nope.html" in capsys.readouterr().err
    assert not out.exists()


@pytest.fixture
def site(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    server.route("/news/pier", html(PAGE))
    return server.url("")


def test_a_url_is_fetched_and_a_failed_fetch_is_exit_4(site: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["inspect", f"{site}/news/pier", "-o", str(out)]) == 0
    assert f"{site}/news/pier" in report_header(out)
    assert main(["inspect", f"{site}/missing", "-o", str(tmp_path / "x.html")]) == 4
    assert "/missing" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_sample_flag_inspects_the_bundled_page(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sample.html"
    assert main(["inspect", "--sample", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    doc = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    # The bundled page is a UPI story: its site rule applies and its story is marked.
    assert "upi.com" in report_header(out)
    assert "Site rule" in report_header(out)
    frame = lxml.html.document_fromstring(strings(doc, "//iframe/@srcdoc")[0])
    assert frame.xpath("//*[contains(concat(' ', @class, ' '), ' nc-r-paragraph ')]")


def test_no_page_and_no_sample_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect"]) == 2
    assert "--sample" in capsys.readouterr().err
