"""Scrapy integration: every HTML response becomes an article item and related-link items.

Spider middleware (a response in, items out)::

    SPIDER_MIDDLEWARES = {"newsclean.contrib.scrapy.NewscleanSpiderMiddleware": 543}

For each HTML response a spider callback handles, the middleware adds to the callback's
output one `ArticleItem` (the fields of `Article.to_dict()`) and one `RelatedLinkItem` per
related link (`RelatedLink.to_dict()` plus `article_url`). With `NEWSCLEAN_FOLLOW_RELATED`
it also yields a request for every related link, so a crawl walks the news graph.

Item pipeline (an item in, an item out), for spiders that yield pages themselves::

    ITEM_PIPELINES = {"newsclean.contrib.scrapy.NewscleanPipeline": 300}
    # in the spider: yield {"url": response.url, "html": response.text}

turns an item with an "html" field into an `ArticleItem` (related links in its "related"
field); other items pass through.

Settings: `NEWSCLEAN_RULES` (list of extra rule folders), `NEWSCLEAN_NO_RULES` (generic engine
only), `NEWSCLEAN_EXTRACT` (a replacement for `newsclean.extract`: a callable or its dotted
path), `NEWSCLEAN_RELATED_ITEMS` (default True), `NEWSCLEAN_FOLLOW_RELATED` (default False).
Extraction runs in Scrapy's process; for large crawls write WARC or JSONL and run
`newsclean batch` on it, which uses every core.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib import import_module
from typing import Any

import scrapy
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse

from ..model import Article
from ..rules import RuleSet, rules_from_folders

__all__ = ["ArticleItem", "NewscleanPipeline", "NewscleanSpiderMiddleware", "RelatedLinkItem",
           "response_items"]

logger = logging.getLogger(__name__)

class ArticleItem(scrapy.Item):
    """An extracted article: the keys of `Article.to_dict()`, plus the response's
    `final_url` (after redirects) and `fetched_at`."""

    url = scrapy.Field()
    canonical_url = scrapy.Field()
    title = scrapy.Field()
    authors = scrapy.Field()
    published = scrapy.Field()
    modified = scrapy.Field()
    dateline = scrapy.Field()
    description = scrapy.Field()
    paragraphs = scrapy.Field()
    text = scrapy.Field()
    images = scrapy.Field()
    related = scrapy.Field()
    site_name = scrapy.Field()
    language = scrapy.Field()
    tags = scrapy.Field()
    confidence = scrapy.Field()
    confidence_reasons = scrapy.Field()
    text_source = scrapy.Field()
    final_url = scrapy.Field()
    fetched_at = scrapy.Field()


class RelatedLinkItem(scrapy.Item):
    """One related link of an article (`RelatedLink.to_dict()`); `article_url` is the page
    it was found on."""

    url = scrapy.Field()
    title = scrapy.Field()
    section = scrapy.Field()
    published = scrapy.Field()
    age = scrapy.Field()
    teaser = scrapy.Field()
    block = scrapy.Field()
    article_url = scrapy.Field()


class _Extractor:
    """Settings -> the extract call, shared by the middleware and the pipeline."""

    def __init__(self, settings: Any) -> None:
        self.rules = rules_from_folders(settings.getlist("NEWSCLEAN_RULES"),
                                        no_rules=settings.getbool("NEWSCLEAN_NO_RULES"))
        self.extract = _extract_fn(settings.get("NEWSCLEAN_EXTRACT"))
        self.related_items = settings.getbool("NEWSCLEAN_RELATED_ITEMS", True)
        self.follow = settings.getbool("NEWSCLEAN_FOLLOW_RELATED", False)
        self.stats = None

    def __call__(self, html: Any, url: str | None, fetched_at: datetime | None) -> Article:
        article = self.extract(html, url, rules=self.rules, reference_time=fetched_at)
        if not isinstance(article, Article):
            raise TypeError(f"NEWSCLEAN_EXTRACT returned {type(article).__name__}, not an Article")
        return article


def _extract_fn(setting: Any) -> Callable[..., Any]:
    if setting is None:
        from ..extract import extract

        return extract
    if callable(setting):
        return setting  # type: ignore[no-any-return]
    module, _, name = str(setting).replace(":", ".").rpartition(".")
    function: Callable[..., Any] = getattr(import_module(module), name)
    return function


def _response_time(response: Any) -> datetime:
    """The time the page was fetched: its HTTP Date header, else now."""
    raw = response.headers.get("Date")
    if raw:
        try:
            moment = parsedate_to_datetime(raw.decode("latin-1"))
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        except (TypeError, ValueError):
            pass
    return datetime.now(UTC)


def _items(article: Article, url: str, fetched_at: datetime,
           related_items: bool) -> list[scrapy.Item]:
    data = article.to_dict()
    page_url = data.get("url") or url
    data.update(url=page_url, final_url=url, fetched_at=fetched_at.isoformat())
    # Unknown keys (a newer Article) are left out rather than failing the crawl.
    items: list[scrapy.Item] = [ArticleItem({k: v for k, v in data.items()
                                             if k in ArticleItem.fields})]
    if related_items:
        items.extend(RelatedLinkItem({k: v for k, v in link.to_dict().items()
                                      if k in RelatedLinkItem.fields}, article_url=page_url)
                     for link in article.related)
    return items


def response_items(response: Any, *, rules: RuleSet | None = None,
                   extract_fn: Callable[..., Any] | None = None,
                   related_items: bool = True) -> list[scrapy.Item]:
    """The items of one Scrapy response: `[ArticleItem, RelatedLinkItem...]`, or `[]` when
    the response is not HTML. Extraction errors propagate (newsclean.errors)."""
    if not isinstance(response, HtmlResponse):
        return []
    fetched_at = _response_time(response)
    extract = extract_fn or _extract_fn(None)
    article = extract(response.body, response.url, rules=rules, reference_time=fetched_at)
    return _items(article, response.url, fetched_at, related_items)


class NewscleanSpiderMiddleware:
    """Adds article and related-link items (and, optionally, requests for related links)
    to the output of every spider callback that handled an HTML response."""

    def __init__(self, extractor: _Extractor, crawler: Any = None) -> None:
        self.extractor = extractor
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> NewscleanSpiderMiddleware:
        return cls(_Extractor(crawler.settings), crawler)

    def _inc(self, key: str, count: int = 1) -> None:
        if self.crawler is not None and count:
            self.crawler.stats.inc_value(f"newsclean/{key}", count)

    def _extra(self, response: Any) -> list[Any]:
        if not isinstance(response, HtmlResponse):
            return []
        fetched_at = _response_time(response)
        try:
            article = self.extractor(response.body, response.url, fetched_at)
        except Exception as exc:  # one bad page must not stop the crawl
            self._inc("errors")
            logger.warning("newsclean: cannot extract %s: %s: %s", response.url,
                           type(exc).__name__, exc)
            return []
        out: list[Any] = _items(article, response.url, fetched_at, self.extractor.related_items)
        self._inc("articles")
        self._inc("related_links", len(out) - 1)
        if self.extractor.follow:
            out.extend(response.follow(link.url) for link in article.related)
        return out

    def process_spider_output(self, response: Any, result: Iterable[Any],
                              spider: Any = None) -> Iterator[Any]:
        yield from result
        yield from self._extra(response)

    async def process_spider_output_async(self, response: Any, result: AsyncIterator[Any],
                                          spider: Any = None) -> AsyncIterator[Any]:
        async for item in result:
            yield item
        for extra in self._extra(response):
            yield extra


class NewscleanPipeline:
    """Turns items with an "html" field (and "url", optionally "fetched_at" as ISO text)
    into `ArticleItem`s; a page that cannot be extracted is dropped with the reason."""

    def __init__(self, extractor: _Extractor) -> None:
        self.extractor = extractor

    @classmethod
    def from_crawler(cls, crawler: Any) -> NewscleanPipeline:
        return cls(_Extractor(crawler.settings))

    def process_item(self, item: Any, spider: Any = None) -> Any:
        try:
            html = item["html"]
        except (KeyError, TypeError):
            return item
        url = item.get("url")
        fetched = item.get("fetched_at")
        fetched_at = datetime.fromisoformat(fetched) if isinstance(fetched, str) else datetime.now(UTC)
        try:
            article = self.extractor(html, url, fetched_at)
        except Exception as exc:
            raise DropItem(f"newsclean: cannot extract {url}: {type(exc).__name__}: {exc}") from exc
        return _items(article, url or "", fetched_at, related_items=False)[0]
