"""Headline cards met among the story's lines: headings that are wholly a link to another
story of the site ("<h3><a>headline</a></h3>", a picture card whose link wraps its title),
teasers of other stories that no heading, class or position set apart."""

from __future__ import annotations

from itertools import islice

from .context import Element
from .metadata import absolute, site_host, split_url
from .patterns import HEADING_TAGS
from .related_items import is_story_path, usable_href
from .settings import Settings
from .text import collapsed_length

LINK_LEVELS = 2
"""How far above a heading the link wrapping a whole card ("<a><img><h3>…</h3></a>") may sit."""


def headline_href(element: Element, text: str, settings: Settings) -> str | None:
    """The address a heading's text wholly links to, or None: a link around the heading,
    or the one link inside it holding (nearly) all its text."""
    if element.tag not in HEADING_TAGS:
        return None
    for above in islice(element.iterancestors(), LINK_LEVELS):
        if above.tag == "a":
            return above.get("href")
    anchors = [a for a in element.iter("a") if a.get("href")]
    if len(anchors) != 1:
        return None
    linked = collapsed_length(anchors[0])
    return anchors[0].get("href") if linked >= settings.card_link_cover * len(text) else None


def links_a_story(element: Element, text: str, page_url: str | None, settings: Settings
                  ) -> bool:
    """A heading that is wholly a link to another story of the site: a card's headline."""
    return _site_story(headline_href(element, text, settings), page_url) is not None


def _site_story(href: str | None, page_url: str | None) -> str | None:
    """`href` made absolute when it names another story of the page's site."""
    if href is None or not usable_href(href, page_url):
        return None
    url = absolute(href.strip(), page_url)
    parts = split_url(url)
    here = split_url(page_url or "")
    if (here.hostname and parts.hostname
            and site_host(parts.hostname) != site_host(here.hostname)):
        return None
    if parts.path.rstrip("/") == here.path.rstrip("/") or not is_story_path(parts.path):
        return None
    return url
