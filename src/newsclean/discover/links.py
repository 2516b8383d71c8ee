"""The story links of a front or section page, told from menus, tags and author pages
with the engine's headline and related-block knowledge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from ..extract.metadata import absolute
from ..extract.patterns import LAYOUT_TAGS, MENU_TAGS
from ..extract.related import find_blocks
from ..extract.related_items import headline_links, read_items
from ..extract.text import collapse, inside, raw_text

__all__ = ["MAX_SECTIONS", "NAVIGATION_TAGS", "Element", "PageLink", "section_links", "story_links"]

Element = etree._Element

# Where a site keeps its menus: every link there is navigation unless it sits in a
# related-headline block ("Latest Headlines" in a sidebar is a list of stories).
NAVIGATION_TAGS = MENU_TAGS | LAYOUT_TAGS
MAX_SECTIONS = 30


@dataclass(frozen=True, slots=True)
class PageLink:
    url: str
    title: str
    published: datetime | None = None


def story_links(root: Element, base: str, reference: datetime | None = None
                ) -> list[PageLink]:
    """Headline links of the page (text of a headline's length and shape) outside its
    menus, plus the items of its related-headline blocks, in page order, each once."""
    body = root.find(".//body")
    if body is None:
        body = root
    known: dict[Element, bool] = {}
    found: dict[str, PageLink] = {}
    for block in find_blocks(body):
        read_items(block, base, reference)
        for _, related in block.items:
            found.setdefault(related.url, PageLink(related.url, related.title,
                                                   related.published))
    blocks = list(found.values())
    found = {}
    for a in headline_links(body, known):
        if inside(a, NAVIGATION_TAGS):
            continue
        url = absolute(a.get("href", ""), base)
        title = collapse(raw_text(a))
        found.setdefault(url, PageLink(url, title))
    for link in blocks:
        found.setdefault(link.url, link)
    return list(found.values())


def section_links(root: Element, base: str) -> list[str]:
    """The links of the page's menus: where its section pages are, in page order."""
    out: list[str] = []
    for nav in root.iter(*NAVIGATION_TAGS):
        if nav.tag in ("footer", "aside", "form"):
            continue
        for a in nav.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
                continue
            url = absolute(href, base)
            if url not in out:
                out.append(url)
            if len(out) >= MAX_SECTIONS:
                return out
    return out
