"""`python -m benchmarks.feed_links`: on every page of ../shared/data, are all the feeds
that a `<link rel="alternate">` announces found by `newsclean.discover.find_feed_links`?

The reference is read independently of lxml: `<link>` tags cut out of the raw HTML by a
regular expression (comments and scripts removed first), their attributes read by the
standard library's HTMLParser. Prints the pages and links checked and any miss.

    python -m benchmarks.feed_links [--data ../shared/data] [--every N]
"""

from __future__ import annotations

import argparse
import gzip
import html
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from newsclean.decoding.tree import parse
from newsclean.discover import find_feed_links

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
BASE = "https://page.example/section/story.html"  # the same base for both readers
LINK_TAG = re.compile(rb"<link\b[^>]*>", re.IGNORECASE)
HIDDEN = re.compile(rb"<!--.*?-->|<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)
BASE_TAG = re.compile(rb"<base\b[^>]*\bhref\s*=\s*[\"']?([^\"' >]+)", re.IGNORECASE)
FEED_TYPE = re.compile(r"^(?:application|text)/(?:rss|atom|rdf|feed)\+(?:xml|json)$")


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attributes: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def announced_feeds(raw: bytes, base: str = BASE) -> set[str]:
    """The feed URLs of the page's <link rel="alternate" type="...+xml|json"> tags."""
    visible = HIDDEN.sub(b"", raw)
    if b"alternate" not in visible.lower():
        return set()
    found = BASE_TAG.search(visible)
    if found:
        base = urljoin(base, html.unescape(found.group(1).decode("utf-8", "replace")).strip())
    feeds: set[str] = set()
    for match in LINK_TAG.finditer(visible):
        reader = _Attributes()
        reader.feed(match.group(0).decode("utf-8", "replace"))
        attrs = reader.attributes
        kind = attrs.get("type", "").split(";")[0].strip().lower()
        href = attrs.get("href", "").strip()
        if "alternate" in attrs.get("rel", "").lower().split() and FEED_TYPE.match(kind) \
                and href:
            feeds.add(urljoin(base, href))
    return feeds


def pages(data: Path) -> Iterator[Path]:
    yield from sorted(data.glob("wcxb/dev/html/*.html.gz"))
    yield from sorted(data.glob("trafilatura-eval/cache/*"))
    yield from sorted(data.glob("trafilatura-eval/eval/*"))
    yield from sorted(data.glob("fundus/*/*.html.gz"))


@dataclass
class Tally:
    pages: int = 0  # pages read (every `every`-th)
    with_feeds: int = 0  # pages announcing at least one feed
    links: int = 0  # feeds announced
    missed: list[tuple[Path, set[str]]] = field(default_factory=list)


def check(data: Path, every: int = 1) -> Tally:
    """Compare the finder with the reference on every `every`-th page."""
    tally = Tally()
    for index, path in enumerate(pages(data)):
        if index % every:
            continue
        raw = path.read_bytes()
        if raw.startswith(b"\x1f\x8b"):
            raw = gzip.decompress(raw)
        tally.pages += 1
        wanted = announced_feeds(raw)
        if not wanted:
            continue
        tally.with_feeds += 1
        tally.links += len(wanted)
        got = set(find_feed_links(parse(raw, BASE), BASE))
        if not wanted <= got:
            tally.missed.append((path, wanted - got))
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.feed_links")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--every", type=int, default=1, metavar="N",
                        help="check every N-th page (default: all)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    tally = check(args.data, args.every)
    print(f"{tally.pages} pages read, {tally.with_feeds} announce feeds, {tally.links} "
          f"feed links: {len(tally.missed)} pages with a miss "
          f"({time.monotonic() - started:.1f}s)")
    for path, missing in tally.missed:
        print(f"  {path}: {sorted(missing)}")
    return 1 if tally.missed else 0


if __name__ == "__main__":
    sys.exit(main())
