"""A synthetic news site on the loopback server: robots.txt with sitemaps, a sitemap
index (which lists itself), a news sitemap, a gzipped sitemap with images, an RSS feed
served as HTML, an Atom feed, a front page and section pages with menus, tag links,
author links and "Latest Headlines" blocks. `ARTICLES` is what discovery must find."""

from __future__ import annotations

import gzip

from tests.http_server import LocalServer, html, respond

# path -> headline; every one is a story page of the site.
ARTICLES = {
    "/news/2024/05/01/storm-batters-northern-coast.html": "Storm batters the northern coast overnight",
    "/news/2024/05/02/council-approves-new-budget.html": "Council approves the new city budget",
    "/de/news/2024/05/02/council-approves-new-budget.html": "Rat beschliesst den neuen Haushalt der Stadt",
    "/news/2020/03/03/old-bridge-reopens.html": "The old bridge reopens after long repairs",
    "/news/2024/05/04/school-wins-science-prize.html": "Local school wins the national science prize",
    "/news/2024/05/05/train-strike-called-off.html": "Train strike called off after late talks",
    "/news/2024/05/06/museum-opens-new-wing.html": "Museum opens a new wing for modern art",
    "/news/2024/05/07/mayor-announces-housing-plan.html": "Mayor announces a housing plan for families",
    "/news/2024/05/08/heatwave-warning-issued.html": "Heatwave warning issued for the weekend",
    "/world/2024/05/09/summit-ends-without-deal.html": "Summit ends without a deal on trade rules",
    "/world/2024/05/10/elections-called-abroad.html": "Snap elections called after coalition collapse",
    "/sport/2024/05/11/home-team-wins-the-cup.html": "Home team wins the cup in extra time",
}
NOT_ARTICLES = ("/", "/world/", "/sport/", "/tag/climate/", "/tags/elections/",
                "/author/jane-doe/", "/authors/max-mustermann/", "/search?q=storm",
                "/about/", "/rss.xml", "/atom.xml")
A = list(ARTICLES)
OLD = A[3]  # dated 2020 by the sitemap


def _menu() -> str:
    return ('<header><nav class="main-menu"><a href="/">Home</a> <a href="/world/">World</a>'
            ' <a href="/sport/">Sport</a> <a href="/tag/climate/">Climate change and the '
            'planet today</a></nav></header>')


def _footer() -> str:
    return ('<footer><a href="/about/">About this newspaper and its people</a>'
            ' <a href="/search?q=storm">Search the whole archive of stories</a></footer>')


def _story(path: str, extra: str = "") -> str:
    return (f'<article class="teaser"><h2><a href="{path}">{ARTICLES[path]}</a></h2>'
            f'<p>A short teaser of the story. {extra}</p>'
            '<p class="tags"><a href="/tag/climate/">#climate</a> '
            '<a href="/tags/elections/">Elections</a></p>'
            '<p class="byline"><a href="/author/jane-doe/">By Jane Doe</a></p></article>')


def _latest(*paths: str) -> str:
    items = "".join(f'<li><a href="{p}">{ARTICLES[p]}</a><span>2h ago</span></li>'
                    for p in paths)
    return f'<aside class="sidebar"><h3>Latest Headlines</h3><ul>{items}</ul></aside>'


def _page(title: str, body: str, head: str = "") -> str:
    return (f"<!doctype html><html><head><title>{title}</title>{head}</head><body>"
            f"{_menu()}<main><h1>{title}</h1>{body}</main>{_footer()}</body></html>")


def _article(path: str) -> str:
    title = ARTICLES[path]
    paragraphs = "".join(f"<p>{title} - paragraph {i} of the story, long enough to be "
                         "read as the body of a real news article by the engine.</p>"
                         for i in range(5))
    return _page(title, f'<article><p class="byline">By Jane Doe</p>{paragraphs}</article>')


def _urlset(base: str, rows: list[str], extra_ns: str = "") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
            'schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
            ' xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/'
            f'schemas/sitemap-image/1.1"{extra_ns}>' + "".join(rows) + "</urlset>").encode()


def serve_site(server: LocalServer, *, robots: str | None = None) -> None:
    base = server.url("")
    server.route("/robots.txt", respond(200, (robots or (
        "User-agent: *\nAllow: /\n"
        f"Sitemap: {base}/sitemap_index.xml\n")).encode(), {"Content-Type": "text/plain"}))
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
             'sitemap/0.9">'
             f"<sitemap><loc>{base}/sitemap_index.xml</loc></sitemap>"  # itself: a cycle
             f"<sitemap><loc>{base}/sitemap-news.xml</loc><lastmod>2024-05-08</lastmod>"
             f"</sitemap><sitemap><loc>{base}/sitemap-posts.xml.gz</loc></sitemap>"
             "</sitemapindex>")
    server.route("/sitemap_index.xml", html(index, "application/xml"))
    news = _urlset(base, [
        f"<url><loc>{base}{A[0]}</loc><news:news><news:publication><news:name>Daily"
        "</news:name><news:language>en</news:language></news:publication>"
        "<news:publication_date>2024-05-01T08:00:00+00:00</news:publication_date>"
        f"<news:title>{ARTICLES[A[0]]}</news:title></news:news></url>",
        f"<url><loc>{base}{A[1]}?utm_source=sitemap</loc><lastmod>2024-05-02</lastmod>"
        f'<xhtml:link rel="alternate" hreflang="de" href="{base}{A[2]}"/>'
        f'<xhtml:link rel="alternate" hreflang="en" href="{base}{A[1]}"/></url>',
    ])
    server.route("/sitemap-news.xml", html(news, "text/xml"))
    posts = _urlset(base, [
        f"<url><loc>{base}{A[3]}</loc><lastmod>2020-03-03T10:00:00Z</lastmod>"
        f"<image:image><image:loc>{base}/img/bridge.jpg</image:loc></image:image></url>",
        f"<url><loc>{base}{A[4]}</loc><lastmod>2024-05-04</lastmod></url>",
        f"<url><loc>{base}/tag/climate/</loc></url>",
        f"<url><loc>{base}/author/jane-doe/</loc></url>",
        "<url><loc>https://elsewhere.example/news/other-site-story.html</loc></url>",
    ])
    server.route("/sitemap-posts.xml.gz", respond(200, gzip.compress(posts),
                                                  {"Content-Type": "application/x-gzip"}))
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Daily</title>'
           f"<link>{base}/</link>"
           f"<item><title>{ARTICLES[A[0]]}</title><link>{base}{A[0]}</link>"
           "<pubDate>Wed, 01 May 2024 08:00:00 GMT</pubDate></item>"
           f"<item><title>{ARTICLES[A[5]]}</title><link>{base}{A[5]}#comments</link>"
           "<pubDate>Sun, 05 May 2024 09:00:00 GMT</pubDate></item></channel></rss>")
    server.route("/rss.xml", html(rss, "text/html; charset=utf-8"))  # the wrong type
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Daily</title><entry><title>{ARTICLES[A[6]]}</title>"
            f'<link rel="alternate" href="{A[6]}"/><updated>2024-05-06T10:00:00Z</updated>'
            "</entry></feed>")
    server.route("/atom.xml", html(atom, "application/atom+xml"))
    feeds = ('<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">'
             '<link rel="alternate" type="application/atom+xml" href="/atom.xml">')
    server.route("/", html(_page("Daily News", _story(A[7]) + _story(A[0]) + _latest(A[8]),
                                 feeds)))
    server.route("/world/", html(_page("World", _story(A[9]) + _story(A[10])
                                       + _latest(A[8], A[10]))))
    server.route("/sport/", html(_page("Sport", _story(A[11]))))
    server.route("/tag/climate/", html(_page("Climate", _story(A[0]))))
    server.route("/author/jane-doe/", html(_page("Jane Doe", _story(A[1]))))
    for path in ARTICLES:
        server.route(path.split("?")[0], html(_article(path)))
