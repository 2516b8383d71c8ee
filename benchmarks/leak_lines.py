"""Lines of the returned text that look like leaked related headlines or picture captions.

For WCXB and trafilatura's set (one half of the sites), every line (paragraph) of
newsclean's text (rules off) that is not in the page's reference is placed in the page's
markup and classified by cause:

- ``link``: the line is (most of) the text of an ``<a>`` pointing to another page of the site,
- ``caption``: it sits in a ``<figure>``, ``<figcaption>`` or caption/credit-classed element,
- ``readmore``: a "Read more: ...", "Related: ...", "See also ..." line,
- ``photo``: a "Photo: ...", "(Image credit ...)" line.

"Not in the reference" is: not contained in WCXB's ``main_content``; for trafilatura's set,
which has no full text, overlapping one of the page's ``without`` snippets (``confirmed``),
and every classified line is counted too (``structural``). Fundus pages of the same half
report the record's captions (4+ words) found in the text, as the benchmark counts them.

    python -m benchmarks.leak_lines --data ../shared/data --half tune [--show 40]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from newsclean.extract.text import raw_text

from . import scorers
from .annotations.draw import half_of, site_of
from .loaders import (
    Page,
    decode_html,
    load_fundus,
    load_trafilatura_eval,
    load_wcxb,
    read_page_bytes,
)
from .runner import fundus_half

MIN_WORDS = 4
"""Lines shorter than this are not counted (the issue's leak is a string of 4+ words)."""
LINK_SHARE = 0.6
"""An anchor's text must cover this share of the line's characters to call it a headline."""
CAPTION_CLASS = re.compile(r"caption|credit|figcaption|photo-?desc|image-?desc|wp-caption", re.I)
READMORE = re.compile(
    r"^\W*(read (more|also|next|this)|related( stor(y|ies)| articles?| coverage)?|see also|"
    r"also read|more( on this)?|recommended|watch|listen|further reading|you may also like)\b\s*[:|\-–—»>]",
    re.I,
)
PHOTO = re.compile(
    r"^\W*(photo|image|picture|foto|bild|video|illustration|graphic)s?\s*(credit|by)?\s*[:|©]"
    r"|\((photo|image|picture)s?( credit)?\s*[:©]?[^)]*\)\s*$"
    r"|^\W*(credit|photo credit|image credit)s?\s*:"
    r"|\b(getty images|reuters|afp|ap photo|shutterstock|istock)\W*$",
    re.I,
)
SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    return SPACE.sub(" ", text).strip().casefold()


@dataclass(frozen=True, slots=True)
class Leak:
    page: str
    cause: str
    line: str


def _lines(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        line = line.strip()
        if len(re.findall(r"\w+", line)) >= MIN_WORDS:
            yield line


def _other_article(href: str, base: str | None) -> bool:
    """`href` names another page of the page's own site."""
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return False
    target = urlsplit(urljoin(base or "", href))
    here = urlsplit(base or "")
    if here.hostname and target.hostname and site_of(target.geturl()) != site_of(here.geturl()):
        return False
    path = target.path.rstrip("/")
    return path.count("/") >= 1 and len(path) > 1 and path != here.path.rstrip("/")


class Markup:
    """The page's anchors and caption-like elements, text normalised once."""

    def __init__(self, html: str, url: str | None) -> None:
        try:
            root = lxml.html.fromstring(html)
        except (ValueError, lxml.etree.ParserError):
            root = None
        self.links: list[str] = []
        self.captions: list[str] = []
        if root is None:
            return
        for element in root.iter("a"):
            text = norm(raw_text(element))
            if len(text) > 10 and _other_article(element.get("href") or "", url):
                self.links.append(text)
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            marks = f"{element.get('class') or ''} {element.get('id') or ''}"
            if element.tag in ("figure", "figcaption") or CAPTION_CLASS.search(marks):
                text = norm(raw_text(element))
                if text and len(text) < 2000:
                    self.captions.append(text)

    def cause(self, line: str) -> str | None:
        key = norm(line)
        if READMORE.search(line):
            return "readmore"
        if PHOTO.search(line):
            return "photo"
        if any(key in text for text in self.captions):
            return "caption"
        for text in self.links:
            if len(text) >= LINK_SHARE * len(key) and (text in key or key in text):
                return "link"
        return None


def _snippet_hit(line: str, snippets: list[str]) -> bool:
    key = norm(line)
    return any(s and (s in key or (len(key) > 20 and key in s)) for s in snippets)


def analyse(pages: list[Page], extract: Any) -> tuple[Counter[str], list[Leak]]:
    counts: Counter[str] = Counter()
    leaks: list[Leak] = []
    for page in pages:
        html = decode_html(read_page_bytes(page.html_path))
        try:
            text = extract(html, page.url).text
        except Exception:
            continue
        counts["pages"] += 1
        markup: Markup | None = None
        reference = norm(page.text or "")
        without = [norm(s) for s in page.without_snippets if s.strip()]
        for line in _lines(text):
            if page.collection == "wcxb" and norm(line) in reference:
                continue
            markup = markup or Markup(html, page.url)
            cause = markup.cause(line)
            if page.collection == "trafilatura-eval":
                confirmed = _snippet_hit(line, without)
                if confirmed:
                    counts[f"confirmed:{cause or 'other'}"] += 1
                if cause is None and not confirmed:
                    continue
                cause = cause or "other"
                cause = cause if confirmed else f"{cause}?"
            elif cause is None:
                counts["unclassified"] += 1
                continue
            counts[cause] += 1
            if page.page_type == "article":
                counts[f"article:{cause}"] += 1
            leaks.append(Leak(f"{page.key} ({page.page_type})" if page.page_type else page.key,
                              cause, line))
    return counts, leaks


def fundus_leaks(pages: list[Page], extract: Any) -> list[Leak]:
    leaks: list[Leak] = []
    for page in pages:
        captions = [str(image["caption"]) for image in page.images if image.get("caption")]
        if not captions:
            continue
        try:
            text = extract(decode_html(read_page_bytes(page.html_path)), page.url).text
        except Exception:
            continue
        found, _ = scorers.fundus_leaks(text, captions, page.text or "")
        leaks += [Leak(page.key, "fundus", line) for line in found]
    return leaks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--half", choices=("tune", "hold"), default="tune")
    parser.add_argument("--show", type=int, default=0, help="print this many leaks per cause")
    parser.add_argument("--only", default="", help="comma list of causes to show")
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each collection")
    args = parser.parse_args(argv)

    import newsclean

    rules = newsclean.RuleSet()

    def extract(html: str, url: str | None) -> Any:
        return newsclean.extract(html, url, rules=rules)

    def in_half(page: Page) -> bool:
        return bool(half_of(site_of(page.url)) == args.half)

    wcxb = [p for p in load_wcxb(args.data / "wcxb") if in_half(p)]
    traf = [p for p in load_trafilatura_eval(args.data / "trafilatura-eval") if in_half(p)]
    fundus = [p for p in load_fundus(args.data / "fundus") if fundus_half(p.id) == args.half]
    if args.limit:
        wcxb, traf, fundus = wcxb[: args.limit], traf[: args.limit], fundus[: args.limit]
    shown = set(filter(None, args.only.split(",")))
    for name, pages in (("wcxb", wcxb), ("trafilatura-eval", traf)):
        counts, leaks = analyse(pages, extract)
        print(f"{name} ({args.half}): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        by_cause: dict[str, list[Leak]] = {}
        for leak in leaks:
            by_cause.setdefault(leak.cause, []).append(leak)
        for cause, items in sorted(by_cause.items()):
            if shown and cause not in shown:
                continue
            for leak in items[: args.show]:
                print(f"  [{cause}] {leak.page}: {leak.line[:140]}")
    found = fundus_leaks(fundus, extract)
    print(f"fundus ({args.half}): {len(found)} caption strings in text, "
          f"{len({leak.page for leak in found})} pages")
    for leak in found[: args.show]:
        print(f"  [fundus] {leak.page}: {leak.line[:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
