"""A page gets one verdict whether it is fetched live or read from a WARC record: the
fetcher and the batch pipeline share their URL check and HTML sniff."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import newsclean
from newsclean import FetchConfig, FetchError, NotHTMLError
from newsclean.pipeline import read_inputs
from tests.http_server import LocalServer, respond

FAST = FetchConfig(min_host_interval=0.0, backoff_base=0.01, backoff_jitter=0.0,
                   deadline=10.0, respect_robots=False)

BODIES = [
    b"<!DOCTYPE html><html><body><p>story</p></body></html>",
    b"\xef\xbb\xbf\n  <!doctype html><title>t</title>",
    b"<!-- served by a cache --><html><p>story</p></html>",
    b"\n<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>",
    b"<meta charset='utf-8'><p>story</p>",
    b"<p>a fragment first</p><html><body>then the page</body></html>",
    b"<p>a fragment and nothing else</p>",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b'{"json": true}',
    b"plain text that mentions no tag at all",
]
CONTENT_TYPES = [None, "text/html; charset=utf-8", "TEXT/HTML", "application/xhtml+xml",
                 "application/vnd.wap.xhtml+xml", "text/plain", "image/png",
                 "; charset=utf-8"]


def live_verdict(server: LocalServer, path: str, body: bytes, content_type: str | None) -> bool:
    headers = {"Content-Type": content_type} if content_type is not None else {}
    server.route(path, respond(200, body, headers))
    try:
        newsclean.fetch(server.url(path), config=FAST)
    except NotHTMLError:
        return False
    return True


def warc_verdicts(tmp_path: Path, cases: list[tuple[str, bytes, str | None]]) -> list[bool]:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for url, body, content_type in cases:
        fields = [("Content-Type", content_type)] if content_type is not None else []
        headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers))
    path = tmp_path / "pages.warc"
    path.write_bytes(buffer.getvalue())
    records = list(read_inputs([str(path)]))
    assert len(records) == len(cases)
    verdicts = []
    for record in records:
        assert record.error is None or record.error.type == "NotHTMLError", record.error
        verdicts.append(record.error is None)
    return verdicts


def test_the_same_bytes_get_the_same_html_verdict_live_and_from_a_warc(
        server: LocalServer, tmp_path: Path) -> None:
    cases = [(f"/page{i}", body, content_type)
             for i, (body, content_type) in enumerate(
                 (body, content_type) for body in BODIES for content_type in CONTENT_TYPES)]
    live = [live_verdict(server, path, body, ctype) for path, body, ctype in cases]
    archived = warc_verdicts(tmp_path, [(server.url(path), body, ctype)
                                        for path, body, ctype in cases])
    assert live == archived
    assert any(live) and not all(live)  # both verdicts occur, so the comparison has teeth


@pytest.mark.parametrize("url", ["ftp://news.example/a", "http://", "news.example/a",
                                 "http://news.example:99999/a", "https://[::1/a"])
def test_a_url_is_refused_alike_by_the_fetcher_and_the_pipeline(url: str,
                                                                 tmp_path: Path) -> None:
    with pytest.raises(FetchError) as refused:
        newsclean.fetch(url, config=FAST)
    listing = tmp_path / "urls.txt"
    listing.write_text(url + "\n")
    [record] = read_inputs([str(listing)])
    assert record.error is not None and record.error.type == "InvalidURL"
    assert record.error.message.startswith(refused.value.message)


def test_a_url_accepted_by_the_pipeline_is_fetched(server: LocalServer, tmp_path: Path) -> None:
    server.route("/ok", respond(200, BODIES[0], {"Content-Type": "text/html"}))
    listing = tmp_path / "urls.txt"
    listing.write_text(server.url("/ok#fragment") + "\n")
    [record] = read_inputs([str(listing)])
    assert record.error is None
    assert newsclean.fetch(server.url("/ok#fragment"), config=FAST).content == BODIES[0]
