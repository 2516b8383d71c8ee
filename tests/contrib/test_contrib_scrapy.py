"""`newsclean.contrib.scrapy`: a real Scrapy crawl of pages served on 127.0.0.1.

The crawl runs in a subprocess: Twisted's reactor cannot be restarted in one process."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest

pytest.importorskip("scrapy")

from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.utils.test import get_crawler

from newsclean.contrib.scrapy import (
    ArticleItem,
    NewscleanPipeline,
    RelatedLinkItem,
    response_items,
)
from newsclean.model import Article
from tests.http_server import html, respond, running_server

PAGES = {
    "/": "<html><body><h1>Front page</h1><a href='/story/a'>A</a>"
         "<a href='/logo.png'>logo</a></body></html>",
    "/story/a": "<html><head><title>Story A</title></head><body><article><h1>Story A</h1>"
                "<p>First paragraph of story A, long enough to be a story paragraph.</p>"
                "<p>Second paragraph of story A, with more words in it than a caption.</p>"
                "</article><aside class='related'><h2>Related</h2><ul>"
                "<li><a href='/story/b'>Story B headline</a></li>"
                "<li><a href='/story/c'>Story C headline</a></li></ul></aside></body></html>",
    "/story/b": "<html><head><title>Story B</title></head><body><article><h1>Story B</h1>"
                "<p>Story B has one paragraph only, but it is a real one.</p></article>"
                "</body></html>",
    "/story/c": "<html><head><title>Story C</title></head><body><article><h1>Story C</h1>"
                "<p>Story C is found through the related links of story A.</p></article>"
                "</body></html>",
}


CRAWL = textwrap.dedent('''
    import sys

    import scrapy
    from lxml import html as lxml_html
    from scrapy.crawler import CrawlerProcess

    from newsclean.model import Article, RelatedLink


    def aside_extract(html, url=None, *, rules=None, reference_time=None):
        """Related links from <aside class=related>: the crawl's links do not depend on
        how the generic engine judges this tiny page."""
        tree = lxml_html.fromstring(html)
        tree.make_links_absolute(url)
        related = [RelatedLink(url=a.get("href"), title=a.text_content(), block="Related")
                   for a in tree.xpath("//aside[@class='related']//a")]
        return Article(url=url, title=tree.findtext(".//h1"),
                       paragraphs=[p.text_content() for p in tree.xpath("//article/p")],
                       related=related)

    class Walker(scrapy.Spider):
        """Follows the links of the front page only; the middleware follows related links."""
        name = "walker"
        custom_settings = {"NEWSCLEAN_EXTRACT": aside_extract, "NEWSCLEAN_FOLLOW_RELATED": True}

        def parse(self, response):
            if response.url.rstrip("/").endswith(str(self.settings.get("PORT"))):
                yield from response.follow_all(css="a")

    class Engine(Walker):
        """The same walk with the real extraction engine."""
        name = "engine"
        custom_settings = {"NEWSCLEAN_FOLLOW_RELATED": False}

    out, port = sys.argv[1], int(sys.argv[2])
    process = CrawlerProcess(settings={
        "SPIDER_MIDDLEWARES": {"newsclean.contrib.scrapy.NewscleanSpiderMiddleware": 543},
        "FEEDS": {out + "/%(name)s.jsonl": {"format": "jsonlines"}},
        "ROBOTSTXT_OBEY": False, "LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False,
        "PORT": port,
    })
    for spider in (Walker, Engine):
        process.crawl(spider, start_urls=[f"http://127.0.0.1:{port}/"])
    process.start()
''')


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("crawl")
    script = folder / "crawl.py"
    script.write_text(CRAWL)
    with running_server() as site:
        for path, page in PAGES.items():
            site.route(path, html(page))
        site.route("/logo.png", respond(200, b"\x89PNG\r\n\x1a\n" + b"0" * 32,
                                        {"Content-Type": "image/png"}))
        done = subprocess.run([sys.executable, str(script), str(folder), str(site.port)],
                              capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    return {name: [json.loads(line) for line in (folder / f"{name}.jsonl").read_text().splitlines()]
            for name in ("walker", "engine")}


def paths(items: list[dict[str, Any]], key: str = "url") -> list[str]:
    return sorted(item[key].split("/", 3)[3] for item in items)


def test_each_html_page_gives_an_article_item(crawl: dict[str, list[dict[str, Any]]]) -> None:
    items = crawl["walker"]
    articles = [i for i in items if "paragraphs" in i]
    # The front page, story A, and B and C reached through A's related links; no logo.
    assert paths(articles) == ["", "story/a", "story/b", "story/c"]
    story_a = next(i for i in articles if i["url"].endswith("/story/a"))
    assert story_a["title"] == "Story A" and len(story_a["paragraphs"]) == 2
    assert story_a["fetched_at"]


def test_related_links_become_items(crawl: dict[str, list[dict[str, Any]]]) -> None:
    links = [i for i in crawl["walker"] if "article_url" in i]
    assert [(link["title"], link["block"]) for link in sorted(links, key=lambda x: x["url"])] == [
        ("Story B headline", "Related"), ("Story C headline", "Related")]
    assert all(link["article_url"].endswith("/story/a") for link in links)


def test_the_real_engine_runs_in_the_crawl(crawl: dict[str, list[dict[str, Any]]]) -> None:
    articles = [i for i in crawl["engine"] if "paragraphs" in i]
    # Without following related links only the front page and story A are crawled.
    assert paths(articles) == ["", "story/a"]
    story_a = next(i for i in articles if i["url"].endswith("/story/a"))
    assert any("First paragraph of story A" in p for p in story_a["paragraphs"])


def test_items_cover_every_article_field() -> None:
    assert set(Article().to_dict()) <= set(ArticleItem.fields)
    assert set(RelatedLinkItem.fields) >= {"url", "title", "section", "age", "block"}


def test_response_items_skip_non_html() -> None:
    request = Request("https://news.example/feed.json")
    response = TextResponse(request.url, body=b'{"a": 1}', request=request,
                            headers={"Content-Type": "application/json"})
    assert response_items(response) == []
    page = HtmlResponse("https://news.example/s", request=Request("https://news.example/s"),
                        body=b"<html><body><article><h1>Headline</h1><p>"
                             + b"A paragraph of the story. " * 10 + b"</p></article></body></html>",
                        headers={"Content-Type": "text/html", "Date": "Wed, 23 Oct 2024 09:30:00 GMT"})
    [article] = response_items(page)
    assert isinstance(article, ArticleItem)
    assert article["url"] == "https://news.example/s"
    assert article["fetched_at"] == "2024-10-23T09:30:00+00:00"


def test_pipeline_turns_page_items_into_articles() -> None:
    pipeline = NewscleanPipeline.from_crawler(get_crawler(settings_dict={}))
    other = {"kind": "not a page"}
    assert pipeline.process_item(other) is other
    item = pipeline.process_item({"url": "https://news.example/p", "html":
                                  "<html><body><article><h1>Title here</h1><p>"
                                  + "Some words of the story. " * 10
                                  + "</p></article></body></html>"})
    assert isinstance(item, ArticleItem) and item["url"] == "https://news.example/p"
    assert any("Some words of the story." in p for p in item["paragraphs"])
