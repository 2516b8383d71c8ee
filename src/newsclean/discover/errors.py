"""The errors of site discovery: each names the sitemap, feed or site at fault."""

from __future__ import annotations

from ..errors import _URLError

__all__ = ["DiscoveryError", "FeedError", "NothingFoundError", "SiteDisallowedError", "SitemapError"]


class DiscoveryError(_URLError):
    """A site's articles could not be listed from one of its sources."""


class SitemapError(DiscoveryError):
    """A sitemap is malformed, too large once decompressed, or not a sitemap at all."""


class FeedError(DiscoveryError):
    """A feed is malformed, or the document is no RSS, Atom or JSON feed."""


class SiteDisallowedError(DiscoveryError):
    """robots.txt forbids every source of the site (front page, sitemaps, feeds)."""


class NothingFoundError(DiscoveryError):
    """No source of the site could be read; the message gives the first failure."""
