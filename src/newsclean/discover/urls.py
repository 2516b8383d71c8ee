"""Which URLs count as the site's own articles, and their canonical form."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

__all__ = ["MAX_URL_LENGTH", "NOT_ARTICLE_PATH", "NOT_ARTICLE_SUFFIX", "article_like", "canonical", "same_site", "site_host"]

# Paths that list or describe rather than tell a story (courlan's navigation filter
# covers tag, author, category and page listings; these are the rest).
NOT_ARTICLE_PATH = re.compile(
    r"/(?:search|login|logout|signin|sign-in|register|subscribe|account|profile|profiles|"
    r"people|contributors?|newsletters?|contact|about|privacy|terms|impressum|imprint|"
    r"feeds?|rss|sitemaps?|wp-admin|wp-json|cdn-cgi)(?:/|$|\.)", re.IGNORECASE)
NOT_ARTICLE_SUFFIX = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|json|xml|rss|atom|gz|zip|pdf|mp3|mp4|webm|"
    r"avi|mov|woff2?|ttf|txt)$", re.IGNORECASE)
MAX_URL_LENGTH = 2048


def canonical(url: str) -> str | None:
    """The URL without fragment and tracking parameters, host lower-cased, query sorted;
    None when it is no http(s) URL."""
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    from courlan import clean_url  # late: courlan is slow to import, and only needed here

    try:
        cleaned = clean_url(url) or url
        parts = urlsplit(cleaned)
    except ValueError:  # courlan gives up on some odd URLs: keep them as they are
        pass
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))


def site_host(url: str) -> str:
    """The host a site's own URLs share, without a leading "www."."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def same_site(url: str, host: str) -> bool:
    """On the site's host, "www." or not (subdomains are other sites)."""
    return site_host(url) == host


def article_like(url: str) -> bool:
    """A page that may hold one story: not the front page, a listing, a tag, author or
    search page, a feed or a file."""
    from courlan import is_navigation_page, is_not_crawlable

    path = urlsplit(url).path
    if path.strip("/") == "":
        return False
    if NOT_ARTICLE_SUFFIX.search(path) or NOT_ARTICLE_PATH.search(path):
        return False
    return not (is_navigation_page(url) or is_not_crawlable(url))
