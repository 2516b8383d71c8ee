"""Feeds: finding them in a page, and reading RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lxml import etree

from ..extract.metadata import absolute, parse_date
from .errors import FeedError
from .xml import BOM, safe_parser

__all__ = ["FEED_TYPES", "MAX_FEED_BYTES", "MAX_FEED_ITEMS", "MAX_FEED_LINKS", "USUAL_FEED_PATHS", "FeedEntry", "find_feed_links", "parse_feed"]

# Media types announcing a feed in <link rel="alternate" type=...>.
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/feed+json", "application/json", "application/x-rss+xml",
    "application/rss", "text/rss+xml", "text/atom+xml", "text/xml", "application/xml",
})
# Tried, in this order, only when the page announces no feed.
USUAL_FEED_PATHS = ("/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml",
                    "/feed.json")
MAX_FEED_ITEMS = 10_000
MAX_FEED_LINKS = 50
MAX_FEED_BYTES = 10 * 1024 * 1024  # a feed is parsed whole: keep its tree modest


@dataclass(frozen=True, slots=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: datetime | None = None


def find_feed_links(root: etree._Element, base: str | None) -> list[str]:
    """The feeds a parsed HTML page announces with <link rel="alternate" type=...>, as
    absolute URLs in page order, each once."""
    found: list[str] = []
    for tag in root.iter("base"):  # relative hrefs resolve against <base href>
        if tag.get("href"):
            base = absolute(tag.get("href", ""), base)
            break
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" not in rel or kind not in FEED_TYPES or not href:
            continue
        url = absolute(href, base)
        if url not in found:
            found.append(url)
        if len(found) >= MAX_FEED_LINKS:
            break
    return found


def parse_feed(data: bytes, url: str) -> list[FeedEntry]:
    """The items of a feed, told from its content whatever the Content-Type said.
    Raises FeedError on malformed data or on a document that is no feed."""
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(f"feed of {len(data):,} bytes exceeds the {MAX_FEED_BYTES:,}-byte "
                        "limit", url)
    start = data.lstrip(BOM + b" \t\r\n")[:1]
    if start in (b"{", b"["):
        return _json_feed(data, url)
    if start != b"<":
        raise FeedError("not a feed (neither XML nor JSON)", url)
    try:
        root = etree.fromstring(data, parser=safe_parser(), base_url=url)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"malformed XML: {exc}", url) from None
    name = _local(root.tag)
    if name == "rss":
        channel = _child(root, "channel")
        items = _children(channel, "item") if channel is not None else []
        return _cap([_rss_item(item, url) for item in items])
    if name == "RDF":
        return _cap([_rss_item(item, url) for item in root.iter("{*}item")])
    if name == "feed":
        return _cap([_atom_entry(entry, url) for entry in _children(root, "entry")])
    raise FeedError(f"not a feed (root element <{name or '?'}>)", url)


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child.tag) == name][:MAX_FEED_ITEMS]


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(str(part) for part in element.itertext()).strip()
    return text or None


def _cap(entries: list[FeedEntry | None]) -> list[FeedEntry]:
    return [e for e in entries if e is not None][:MAX_FEED_ITEMS]


def _rss_item(item: etree._Element, base: str) -> FeedEntry | None:
    link = _text(_child(item, "link"))
    if not link:
        guid = _child(item, "guid")
        permalink = guid is not None and (guid.get("isPermaLink") or "true") != "false"
        link = _text(guid) if permalink else None
    if not link:
        return None
    published = None
    for name in ("pubDate", "date", "published", "updated"):  # dc:date in RSS 1.0
        published = parse_date(_text(_child(item, name)))
        if published is not None:
            break
    return FeedEntry(absolute(link, base), _text(_child(item, "title")), published)


def _atom_entry(entry: etree._Element, base: str) -> FeedEntry | None:
    href = None
    for link in entry:
        if _local(link.tag) != "link":
            continue
        rel = link.get("rel") or "alternate"
        if rel == "alternate" and link.get("href"):
            href = link.get("href", "").strip()
            break
    if not href:
        return None
    published = (parse_date(_text(_child(entry, "published")))
                 or parse_date(_text(_child(entry, "updated"))))
    return FeedEntry(absolute(href, base), _text(_child(entry, "title")), published)


def _json_feed(data: bytes, url: str) -> list[FeedEntry]:
    try:
        feed: Any = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"malformed JSON: {exc}", url) from None
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        raise FeedError("not a JSON Feed (no \"items\" list)", url)
    out: list[FeedEntry] = []
    for item in feed["items"][:MAX_FEED_ITEMS]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        if not isinstance(link, str) or not link.strip():
            continue
        title = item.get("title")
        date = item.get("date_published") or item.get("date_modified")
        out.append(FeedEntry(absolute(link, url), title if isinstance(title, str) else None,
                             parse_date(date) if isinstance(date, str) else None))
    return out
