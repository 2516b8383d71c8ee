"""HTTP helpers shared by the fetcher and the batch pipeline, so that a URL or a body
gets the same verdict whether it is fetched live or read from a WARC record."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

__all__ = ["HTML_TYPES", "content_type", "is_html", "looks_like_html", "normalise_url",
           "parse_content_type", "url_problem"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"})
"""Media types that are HTML pages."""

_SNIFF_BYTES = 1024
"""How far into a body without a Content-Type the HTML sniff looks."""
_BOM_AND_SPACE = b"\xef\xbb\xbf \t\r\n\f"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--",
                b"<meta", b"<title")


def url_problem(url: object) -> str | None:
    """None when `url` is an absolute http(s) URL with a host (and a valid port, if any),
    else the reason it is not."""
    if not isinstance(url, str):
        return f"expected a URL string, got {type(url).__name__}"
    try:
        parts = urlsplit(url.strip())
        _ = parts.port  # reading it validates it
    except ValueError as exc:
        return f"invalid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return f"unsupported URL scheme {parts.scheme!r} (http and https only)"
    if not parts.hostname:
        return "URL has no host"
    return None


def normalise_url(url: str) -> str:
    """A URL that passed `url_problem`, stripped of spaces and its fragment."""
    return urlunsplit(urlsplit(url.strip())._replace(fragment=""))


def content_type(headers: Mapping[str, str]) -> tuple[str | None, str | None]:
    """(media type lowercased, charset) from a Content-Type header."""
    return parse_content_type(headers.get("Content-Type"))


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """(media type lowercased, charset) from a Content-Type value."""
    if not value:
        return None, None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media.strip().lower() or None, charset


def looks_like_html(body: bytes) -> bool:
    """Whether a body sent without a Content-Type is HTML: it starts (after a byte-order
    mark and white space) like an HTML document, or has an <html> tag near the top."""
    head = body[:_SNIFF_BYTES].lstrip(_BOM_AND_SPACE).lower()
    return head.startswith(_HTML_STARTS) or b"<html" in head


def is_html(media: str | None, body: bytes, accepted: frozenset[str] = HTML_TYPES) -> bool:
    """The verdict on a 2xx body: its media type (from `content_type`) is accepted, or,
    without one, the body looks like HTML."""
    if media is not None:
        return media in accepted
    return looks_like_html(body)
