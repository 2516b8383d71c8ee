"""newsclean: turn a news page into a clean article.

    >>> import newsclean
    >>> article = newsclean.extract(html, "https://example.com/news/story")
    >>> article.title, article.paragraphs, article.images, article.related
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ._version import __version__
from .discover import Discovered, crawl, discover
from .errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    ExtractionError,
    FetchError,
    FetchTimeoutError,
    ForbiddenAddressError,
    HTTPStatusError,
    NewscleanError,
    NotHTMLError,
    RobotsDisallowedError,
    RuleError,
    TooLargeError,
    TooManyRedirectsError,
)
from .extract import explain, extract
from .extract.explain import Decision, Explanation
from .fetcher import FetchConfig, Fetcher, Page, fetch, scrape
from .model import Article, Dateline, Image, RelatedLink
from .rules import RelatedBlockRule, RuleSet, SiteRule

__all__ = [
    "Article",
    "Dateline",
    "Decision",
    "Discovered",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "Explanation",
    "ExtractionError",
    "FetchConfig",
    "FetchError",
    "FetchTimeoutError",
    "Fetcher",
    "ForbiddenAddressError",
    "HTTPStatusError",
    "Image",
    "NewscleanError",
    "NotHTMLError",
    "Page",
    "RelatedBlockRule",
    "RelatedLink",
    "RobotsDisallowedError",
    "RuleError",
    "RuleSet",
    "SiteRule",
    "TooLargeError",
    "TooManyRedirectsError",
    "__version__",
    "crawl",
    "discover",
    "explain",
    "extract",
    "fetch",
    "sample_path",
    "scrape",
]


def sample_path() -> Path:
    """The sample news page bundled with newsclean (a UPI-style wire story)."""
    return Path(str(resources.files("newsclean") / "data" / "sample.html"))
