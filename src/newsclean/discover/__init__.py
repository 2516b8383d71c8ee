"""Finding a site's articles: sitemaps, feeds and section pages, and a polite crawl.

    >>> for found in newsclean.discover("https://example.com", since="2024-01-01"):
    ...     found.url, found.source, found.published
    >>> newsclean.crawl("https://example.com", "articles.jsonl", limit=100)
"""

from __future__ import annotations

from .core import DISCOVERY_TYPES, Discovered, discover, discovery_config, site_root
from .crawl import crawl
from .errors import (
    DiscoveryError,
    FeedError,
    NothingFoundError,
    SiteDisallowedError,
    SitemapError,
)
from .feeds import FeedEntry, find_feed_links, parse_feed
from .links import PageLink, section_links, story_links
from .sitemaps import SitemapEntry, iter_sitemap

__all__ = [
    "DISCOVERY_TYPES",
    "Discovered",
    "DiscoveryError",
    "FeedEntry",
    "FeedError",
    "NothingFoundError",
    "PageLink",
    "SiteDisallowedError",
    "SitemapEntry",
    "SitemapError",
    "crawl",
    "discover",
    "discovery_config",
    "find_feed_links",
    "iter_sitemap",
    "parse_feed",
    "section_links",
    "site_root",
    "story_links",
]
