"""Input readers (URL lists, JSONL, WARC) and the resumable JSONL output of run_batch."""

from __future__ import annotations

import gzip
import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsclean.model import Article
from newsclean.pipeline import read_inputs, run_batch, scan_output
from newsclean.rules import RuleSet


def crashing_extract(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
                     reference_time: datetime | None = None) -> Article:
    if url and url.endswith("/crash"):
        os._exit(9)
    return echo_extract(html, url, rules=rules, reference_time=reference_time)


def echo_extract(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
                 reference_time: datetime | None = None) -> Article:
    text = html.decode() if isinstance(html, bytes) else html
    return Article(url=url, title=text[:40], published=reference_time)


def warc_bytes(responses: list[tuple[str, str, bytes, str]], *, gz: bool,
               request_first: bool = False) -> bytes:
    """A WARC of (url, content type, body, status) responses, made with warcio's writer."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "test"}))
    for url, content_type, body, status in responses:
        if request_first:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "news.example")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders(status, [("Content-Type", content_type),
                                            ("Date", "Wed, 23 Oct 2024 09:30:00 GMT")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers))
    return buffer.getvalue()


HTML = b"<html><body><p>" + b"story text " * 300 + b"</p></body></html>"


@pytest.mark.parametrize("gz", [False, True])
def test_warc_responses_html_only_with_their_http_date(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(warc_bytes([
        ("https://news.example/a", "text/html; charset=utf-8", HTML, "200 OK"),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n....", "200 OK"),
        ("https://news.example/gone", "text/html", b"<html>not found</html>", "404 Not Found"),
        ("https://news.example/b", "application/xhtml+xml", HTML, "200 OK"),
    ], gz=gz, request_first=True))
    records = list(read_inputs([str(path)]))
    # Request and warcinfo records are not pages: four responses, four records.
    assert [r.url for r in records] == ["https://news.example/a", "https://news.example/logo.png",
                                        "https://news.example/gone", "https://news.example/b"]
    assert [r.error.type if r.error else "ok" for r in records] == [
        "ok", "NotHTMLError", "HTTPStatusError", "ok"]
    assert records[0].html == HTML
    assert records[0].fetched_at == datetime(2024, 10, 23, 9, 30, tzinfo=UTC)
    keys = [r.key or "" for r in records]
    assert len(set(keys)) == 4 and all(k.startswith(f"{path}@") for k in keys)


def record_offsets(data: bytes) -> list[int]:
    iterator = ArchiveIterator(io.BytesIO(data))
    offsets = []
    for record in iterator:
        offsets.append(iterator.offset)
        record.content_stream().read()
    return offsets


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_warc_gives_an_error_record_and_keeps_the_rest(tmp_path: Path, gz: bool,
                                                                 keep: float) -> None:
    whole = warc_bytes([(f"https://news.example/{i}", "text/html", HTML, "200 OK")
                        for i in range(3)], gz=gz)
    last = record_offsets(whole)[-1]
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(whole[: last + int((len(whole) - last) * keep)])  # cut the last record
    other = tmp_path / "next.jsonl"
    other.write_text(json.dumps({"url": "https://news.example/next", "html": "<p>x</p>"}) + "\n")
    records = list(read_inputs([str(path), str(other)]))
    assert [r.error.type if r.error else "ok" for r in records][:2] == ["ok", "ok"]
    cut = records[2]
    assert cut.error is not None and cut.error.type in ("TruncatedRecord", "InvalidWARC")
    assert cut.key == f"{path}@{last}"
    # The URL is read from what is left of the header (a short gzip stub may hide it).
    assert cut.url == "https://news.example/2" or (gz and keep < 0.5 and cut.url is None)
    assert [r.url for r in records[3:]] == ["https://news.example/next"]


def test_a_warc_cut_inside_a_header_ends_with_one_error(tmp_path: Path) -> None:
    whole = warc_bytes([(f"https://news.example/{i}", "text/html", HTML, "200 OK")
                        for i in range(2)], gz=False)
    second = whole.rindex(b"WARC/1.")
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: second + 40] + b"\r\nContent-Length: nonsense\r\n\r\n")
    records = list(read_inputs([str(path)]))
    assert records[0].error is None
    assert len(records) == 2 and records[1].error is not None


def test_jsonl_lines_with_invalid_json_are_records_too(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_bytes(b'{"url": "https://news.example/1", "html": "<p>one</p>"}\n'
                     b'{"url": "https://news.example/2", "html": \n'   # torn
                     b'\n'                                              # blank: not a record
                     b'[1, 2]\n'
                     b'\xff\xfe not even text\n'
                     b'{"url": "https://news.example/3"}\n')
    records = list(read_inputs([str(path)]))
    assert [(r.key, r.error.type if r.error else "ok") for r in records] == [
        (f"{path}:1", "ok"), (f"{path}:2", "InvalidJSON"), (f"{path}:4", "InvalidRecord"),
        (f"{path}:5", "InvalidJSON"), (f"{path}:6", "ok")]
    assert records[-1].html is None  # to be fetched


def test_url_lists_and_format_detection(tmp_path: Path) -> None:
    urls = tmp_path / "list"
    urls.write_text("# seeds\nhttps://news.example/1\n\n  https://news.example/2  \nmailto:x@y\n")
    gzipped = tmp_path / "more.gz"
    gzipped.write_bytes(gzip.compress(b'{"url": "https://news.example/3", "html": "<p>3</p>"}\n'))
    records = list(read_inputs([str(urls), str(gzipped), str(tmp_path / "missing.txt")]))
    assert [(r.url, r.error.type if r.error else "ok") for r in records] == [
        ("https://news.example/1", "ok"), ("https://news.example/2", "ok"),
        ("mailto:x@y", "InvalidURL"), ("https://news.example/3", "ok"),
        (None, "InputError")]


def test_a_gzip_file_cut_short_keeps_its_records_and_reports_the_cut(tmp_path: Path) -> None:
    packed = gzip.compress("".join(
        json.dumps({"url": f"https://news.example/{i}", "html": f"<p>{i} {os.urandom(64).hex()}</p>"})
        + "\n" for i in range(200)).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    records = list(read_inputs([str(path)]))
    assert 10 < len(records) < 200
    assert all(r.error is None for r in records[:-1])
    assert records[-1].error is not None and records[-1].error.type == "InputError"
    assert records[-1].key == str(path)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def write_jsonl(path: Path, n: int) -> None:
    with path.open("w") as handle:
        for i in range(n):
            handle.write(json.dumps({"url": f"https://news.example/{i}", "html": f"page {i}"}) + "\n")
        handle.write("{broken\n")
        handle.write(json.dumps({"url": "https://news.example/3", "html": "dup"}) + "\n")


def test_batch_writes_one_line_per_record(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, 20)
    stats = run_batch([str(source)], out, workers=2, extract_fn=echo_extract)
    got = lines(out)
    assert [line["input"] for line in got] == [f"{source}:{i}" for i in range(1, 23)]
    assert got[20]["error"]["type"] == "InvalidJSON" and got[20]["url"] is None
    assert got[21]["error"]["type"] == "DuplicateURL"
    assert (stats.articles, stats.errors) == (20, 2)


def test_resume_after_a_stop_and_a_torn_line(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, 30)
    first = run_batch([str(source)], out, workers=2, extract_fn=echo_extract, limit=12)
    assert first.results == 12
    # A kill in the middle of a write leaves a torn last line.
    with out.open("ab") as handle:
        handle.write(b'{"url": "https://news.example/12", "title": "pa')
    state = scan_output(out, repair=False)
    assert (state.lines, state.torn_bytes > 0) == (12, True)

    second = run_batch([str(source)], out, workers=2, extract_fn=echo_extract)
    assert (second.skipped, second.results) == (12, 20)
    got = lines(out)  # parses: the torn line is gone
    assert sorted(line["input"] for line in got) == sorted(f"{source}:{i}" for i in range(1, 33))
    # The duplicate of a URL done in the first run is still reported as a duplicate.
    assert [line["error"]["type"] for line in got if "error" in line] == ["InvalidJSON", "DuplicateURL"]

    third = run_batch([str(source)], out, workers=0, extract_fn=echo_extract)
    assert (third.skipped, third.results) == (32, 0)
    assert len(lines(out)) == 32


def test_no_resume_overwrites(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, 3)
    run_batch([str(source)], out, workers=0, extract_fn=echo_extract)
    run_batch([str(source)], out, workers=0, extract_fn=echo_extract, resume=False)
    assert len(lines(out)) == 5


def test_one_run_over_every_kind_of_bad_record(tmp_path: Path) -> None:
    """Invalid JSON, a duplicate, a worker crash, a non-HTML payload and a truncated WARC
    record in one run: each is an error line in its place and the run goes on."""
    pages = tmp_path / "pages.jsonl"
    pages.write_text("\n".join([
        json.dumps({"url": "https://news.example/1", "html": "<p>one</p>"}),
        "{oops",
        json.dumps({"url": "https://news.example/crash", "html": "<p>boom</p>"}),
        json.dumps({"url": "https://news.example/1", "html": "<p>one again</p>"}),
        json.dumps({"url": "https://news.example/2", "html": "<p>two</p>"}),
    ]) + "\n")
    whole = warc_bytes([("https://news.example/w1", "text/html", HTML, "200 OK"),
                        ("https://news.example/w.pdf", "application/pdf", b"%PDF-1.4", "200 OK"),
                        ("https://news.example/w2", "text/html", HTML, "200 OK")], gz=False)
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(whole[:-200])
    out = tmp_path / "out.jsonl"
    stats = run_batch([str(pages), str(crawl)], out, workers=2, extract_fn=crashing_extract)
    got = lines(out)
    assert [(line["url"], line.get("error", {}).get("type", "ok")) for line in got] == [
        ("https://news.example/1", "ok"), (None, "InvalidJSON"),
        ("https://news.example/crash", "WorkerCrash"), ("https://news.example/1", "DuplicateURL"),
        ("https://news.example/2", "ok"), ("https://news.example/w1", "ok"),
        ("https://news.example/w.pdf", "NotHTMLError"),
        ("https://news.example/w2", "TruncatedRecord")]
    assert (stats.articles, stats.errors) == (3, 5)
