"""Sitemaps (sitemaps.org, Google News and image extensions, hreflang alternates), read as
a stream: one <url> at a time is held, whatever the sitemap's size."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from lxml import etree

from ..extract.metadata import parse_date
from .errors import SitemapError
from .xml import BOM, open_body

__all__ = ["MAX_SITEMAP_BYTES", "MAX_TEXT_LINES", "ROOT_ELEMENT", "URL_LINE", "SitemapEntry", "iter_sitemap"]

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # sitemaps.org: at most 50 MB uncompressed
MAX_TEXT_LINES = 50_000  # a plain-text sitemap holds at most this many URLs
URL_LINE = re.compile(rb"^\s*(https?://\S+)\s*$")
# The first element: past the XML declaration, comments, a doctype and processing
# instructions (a doctype with an internal subset is left to the parser to judge).
ROOT_ELEMENT = re.compile(rb"<([A-Za-z_][\w:.-]*)")


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """A <url> of a urlset (kind "url") or a <sitemap> of an index (kind "sitemap")."""

    kind: str
    loc: str
    lastmod: datetime | None = None
    published: datetime | None = None  # news:publication_date
    title: str | None = None  # news:title
    alternates: tuple[str, ...] = ()  # xhtml:link rel="alternate" hreflang=... hrefs


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""  # comments, processing instructions, entity references
    return tag.rpartition("}")[2]


def _text(element: etree._Element) -> str:
    return (element.text or "").strip()


def _entry(kind: str, element: etree._Element) -> SitemapEntry | None:
    loc = ""
    lastmod = published = None
    title = None
    alternates: list[str] = []
    for child in element:
        name = _local(child.tag)
        if name == "loc":
            loc = _text(child)
        elif name == "lastmod":
            lastmod = parse_date(_text(child))
        elif name == "link" and (child.get("rel") or "").lower() == "alternate":
            href = (child.get("href") or "").strip()
            if href:
                alternates.append(href)
        elif name == "news":
            for item in child.iter():
                inner = _local(item.tag)
                if inner == "publication_date":
                    published = parse_date(_text(item))
                elif inner == "title":
                    title = _text(item) or None
    if not loc:
        return None
    return SitemapEntry(kind, loc, lastmod, published, title, tuple(alternates))


def iter_sitemap(data: bytes | IO[bytes], url: str, *, max_bytes: int = MAX_SITEMAP_BYTES
                 ) -> Iterator[SitemapEntry]:
    """The entries of a sitemap or sitemap index (bytes or a binary stream; gzipped or
    not; XML or plain text), one at a time, reading the stream as they are asked for. Raises SitemapError on malformed XML, on a document that is no
    sitemap, or when a gzip body expands past `max_bytes`."""
    stream = open_body(data, max_bytes,
                       SitemapError(f"sitemap expands beyond {max_bytes} bytes", url))
    head = stream.read(512)
    if not head.strip(BOM + b" \t\r\n"):
        raise SitemapError("empty document", url)
    if not head.lstrip(BOM + b" \t\r\n").startswith(b"<"):
        yield from _text_sitemap(head, stream, url)
        return
    root = ROOT_ELEMENT.search(head)
    name = root.group(1).decode("ascii", "replace").rpartition(":")[2] if root else ""
    if name not in ("urlset", "sitemapindex"):
        raise SitemapError(f"not a sitemap (root element <{name or '?'}>)", url)
    yield from _xml_sitemap(_Prefixed(head, stream), url, "url" if name == "urlset"
                            else "sitemap")


def _text_sitemap(head: bytes, stream: IO[bytes], url: str) -> Iterator[SitemapEntry]:
    """A plain-text sitemap: one URL a line (sitemaps.org "Text file")."""
    rest = head + stream.readline()
    count = 0
    while rest:
        for line in rest.splitlines():
            match = URL_LINE.match(line)
            if match is None:
                if line.strip():
                    raise SitemapError("neither an XML nor a text sitemap", url)
                continue
            count += 1
            if count > MAX_TEXT_LINES:
                return
            yield SitemapEntry("url", match.group(1).decode("utf-8", "replace"))
        rest = stream.readline()


class _Prefixed:
    """A stream with bytes already read put back in front."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if self._head:
            out, self._head = self._head, b""
            return out
        return self._stream.read(size)


def _xml_sitemap(source: _Prefixed, url: str, kind: str) -> Iterator[SitemapEntry]:
    events = etree.iterparse(source, events=("end",), tag=("{*}url", "{*}sitemap"),
                             resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, remove_comments=True, remove_pis=True)
    try:
        for _, element in events:
            parent = element.getparent()
            if parent is None or parent.getparent() is not None:
                continue  # only the root's own children are entries
            entry = _entry(kind, element) if _local(element.tag) == kind else None
            # Drop what was read, so memory stays that of one entry.
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del parent[0]
            if entry is not None:
                yield entry
    except etree.XMLSyntaxError as exc:
        raise SitemapError(f"malformed XML: {exc}", url) from None
