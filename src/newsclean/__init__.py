"""newsclean: turn a news page into a clean article.

    >>> import newsclean
    >>> article = newsclean.extract(html, "https://example.com/news/story")
    >>> article.title, article.paragraphs, article.images, article.related
"""

from ._facade import sample_path, scrape
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
    RetryLaterError,
    RobotsDisallowedError,
    RuleError,
    TooLargeError,
    TooManyRedirectsError,
)
from .extract import HTMLInput, Settings, SettingsError, explain, extract
from .extract.explain import Decision, Explanation
from .fetcher import FetchConfig, Fetcher, Page, fetch
from .model import Article, Dateline, Image, RelatedLink
from .rules import RelatedBlockRule, RuleSet, SiteRule, load_rules

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
    "HTMLInput",
    "HTTPStatusError",
    "Image",
    "NewscleanError",
    "NotHTMLError",
    "Page",
    "RelatedBlockRule",
    "RelatedLink",
    "RetryLaterError",
    "RobotsDisallowedError",
    "RuleError",
    "RuleSet",
    "Settings",
    "SettingsError",
    "SiteRule",
    "TooLargeError",
    "TooManyRedirectsError",
    "__version__",
    "crawl",
    "discover",
    "explain",
    "extract",
    "fetch",
    "load_rules",
    "sample_path",
    "scrape",
]

