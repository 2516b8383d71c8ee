"""The core extractor: public API, input kinds, field normalisation, bad input."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from lxml import html as lxml_html

import newsclean
from newsclean.extract.credit_forms import split_credit
from newsclean.extract.related_items import age_delta

PAGE = """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8">
<title>Harbour cranes return to service | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="description" content="Two cranes are back at work.">
<meta property="article:published_time" content="2024-05-02T08:30:00Z">
<meta property="article:tag" content="Ports"><meta property="article:tag" content="Shipping">
<link rel="canonical" href="/business/harbour-cranes">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<main><article>
<h1>Harbour cranes return to service</h1>
<div class="byline">By Ana Lima and Tom Reed</div>
<figure><img src="/img/cranes.jpg" alt="Two cranes" width="800" height="500">
<figcaption>The cranes were repaired over the winter. (AP Photo/Jo Park)</figcaption></figure>
<div class="article-body">
<p>PORTSMOUTH, May 2 (Reuters) - Two container cranes at the harbour went back to work on
Thursday, after a repair that took most of the winter and cost the port authority far more
than planned.</p>
<p>The port said the cranes would handle about a third of the ships calling this summer,
and that a third crane, damaged in the same storm, would follow in the autumn.</p>
<p>READ MORE: <a href="/business/port-storm-damage">Storm damage closes half the harbour</a></p>
<p>Dock workers, who had been moved to other berths, welcomed the news but asked for more
staff on the night shifts, when most of the heavy lifting takes place.</p>
<div class="share-bar"><a href="https://twitter.com/share">Share on X</a></div>
</div>
</article>
<section class="more"><h2>More stories</h2><ul>
<li><a href="/world/river-levels-rise"><h3>River levels rise after a week of rain</h3></a>
<span class="meta">World // 2 hours ago</span><p>Flood barriers went up in three towns as the river rose
higher than at any time this year.</p></li>
<li><a href="/business/airline-adds-routes"><h3>Airline adds eight routes for the summer</h3></a>
<span class="meta">Business // 1 day ago</span></li>
</ul></section></main>
<footer><a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>"""
URL = "https://news.example.com/business/harbour-cranes"
FETCHED = datetime(2024, 5, 2, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def article() -> newsclean.Article:
    return newsclean.extract(PAGE, URL, rules=newsclean.RuleSet(), reference_time=FETCHED)


def test_metadata(article: newsclean.Article) -> None:
    assert article.title == "Harbour cranes return to service"
    assert article.canonical_url == "https://news.example.com/business/harbour-cranes"
    assert article.authors == ["Ana Lima", "Tom Reed"]
    assert article.published == datetime(2024, 5, 2, 8, 30, tzinfo=UTC)
    assert article.site_name == "Example News"
    assert article.language == "en-US"
    assert article.tags == ["Ports", "Shipping"]
    assert article.description == "Two cranes are back at work."


def test_story_paragraphs_only(article: newsclean.Article) -> None:
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("PORTSMOUTH, May 2 (Reuters) - Two container")
    assert article.text == "\n\n".join(article.paragraphs)
    for leak in ("READ MORE", "Share on X", "repaired over the winter", "River levels",
                 "Privacy", "By Ana Lima"):
        assert leak not in article.text


def test_dateline(article: newsclean.Article) -> None:
    assert article.dateline == newsclean.Dateline("PORTSMOUTH", "May 2", "Reuters")


def test_image_caption_and_credit(article: newsclean.Article) -> None:
    assert article.images == [newsclean.Image(
        "https://news.example.com/img/cranes.jpg",
        "The cranes were repaired over the winter.", "AP Photo/Jo Park", "Two cranes")]


def test_related_links(article: newsclean.Article) -> None:
    by_url = {link.url: link for link in article.related}
    inline = by_url["https://news.example.com/business/port-storm-damage"]
    assert inline.block == "inline"
    assert inline.title == "Storm damage closes half the harbour"
    river = by_url["https://news.example.com/world/river-levels-rise"]
    assert river.title == "River levels rise after a week of rain"
    assert (river.section, river.age, river.block) == ("World", "2 hours ago", "More stories")
    assert river.published == FETCHED - timedelta(hours=2)
    assert river.teaser is not None and river.teaser.startswith("Flood barriers")
    airline = by_url["https://news.example.com/business/airline-adds-routes"]
    assert airline.published == FETCHED - timedelta(days=1)
    assert not any("privacy" in url or url.endswith("/world") for url in by_url)


def test_an_inline_related_label_set_inside_its_link_is_no_part_of_the_title() -> None:
    line = ('<p>READ MORE: <a href="/business/port-storm-damage">Storm damage closes half the '
            "harbour</a></p>")
    inside = ('<p><a href="/business/port-storm-damage"> <b>READ MORE: Storm damage closes half '
              "the harbour</b> </a></p>")
    article = newsclean.extract(PAGE.replace(line, inside), URL, rules=newsclean.RuleSet())
    assert [(link.title, link.block) for link in article.related
            if link.url.endswith("/port-storm-damage")] == [
        ("Storm damage closes half the harbour", "inline")]
    assert "READ MORE" not in article.text


def test_no_reference_time_no_computed_date() -> None:
    article = newsclean.extract(PAGE, URL, rules=newsclean.RuleSet())
    assert all(link.published is None for link in article.related)


@pytest.mark.parametrize("kind", ["str", "bytes", "lxml", "soup"])
def test_input_kinds_agree(kind: str, article: newsclean.Article) -> None:
    sources: dict[str, newsclean.HTMLInput] = {
        "str": PAGE,
        "bytes": PAGE.encode("utf-8"),
        "lxml": lxml_html.document_fromstring(PAGE),
        "soup": BeautifulSoup(PAGE, "html.parser"),
    }
    result = newsclean.extract(sources[kind], URL, rules=newsclean.RuleSet(),
                               reference_time=FETCHED)
    assert result == article


def test_caller_tree_is_not_modified() -> None:
    tree = lxml_html.document_fromstring(PAGE)
    before = lxml_html.tostring(tree)
    newsclean.extract(tree, URL, rules=newsclean.RuleSet())
    assert lxml_html.tostring(tree) == before


def test_bytes_in_legacy_charset() -> None:
    page = ('<html><head><meta charset="windows-1252"></head><body><article><p>'
            + "Caf\u00e9 owners in the old town said the new rules were unfair to them, "
            "and that the council had not listened. " * 3 + "</p></article></body></html>")
    article = newsclean.extract(page.encode("cp1252"), rules=newsclean.RuleSet())
    assert "Caf\u00e9 owners" in article.text


def test_json_round_trip(article: newsclean.Article) -> None:
    import json

    data = json.loads(article.to_json())
    assert newsclean.Article.from_dict(data) == article
    assert data["text"] == article.text
    assert article.to_markdown().startswith("# Harbour cranes return to service")


@pytest.mark.parametrize(("caption", "expected"), [
    ("Austin called it a serious issue. File Photo by Olivier Matthys/EPA-EFE",
     ("Austin called it a serious issue.", "Olivier Matthys/EPA-EFE")),
    ("Rescuers at work. (AP Photo/John Doe)", ("Rescuers at work.", "AP Photo/John Doe")),
    ("The stadium at night. Photo: Jane Roe/Reuters", ("The stadium at night.", "Jane Roe/Reuters")),
    ("Flooded streets. © Getty Images", ("Flooded streets.", "Getty Images")),
    ("A quiet street in the rain.", ("A quiet street in the rain.", None)),
    # A label opening the caption names the picture; the credit is the later one.
    ("Image: Waves break over the harbour wall. Image: PA",
     ("Waves break over the harbour wall.", "PA")),
    # Widget buttons and a dangling label closing the caption are no part of it.
    ("A monarch rests on a flower. hide caption toggle caption",
     ("A monarch rests on a flower.", None)),
    ("Das Blätterdach ist fast geschlossen Foto:", ("Das Blätterdach ist fast geschlossen", None)),
])
def test_split_credit(caption: str, expected: tuple[str | None, str | None]) -> None:
    assert split_credit(caption) == expected


@pytest.mark.parametrize(("age", "delta"), [
    ("1 hour ago", timedelta(hours=1)), ("5 mins ago", timedelta(minutes=5)),
    ("2 days ago", timedelta(days=2)), ("yesterday", timedelta(days=1)),
    ("an hour ago", timedelta(hours=1)),
])
def test_age_delta(age: str, delta: timedelta) -> None:
    assert age_delta(age) == delta


@pytest.mark.parametrize(("opening", "expected"), [
    ("SEOUL, Oct. 23 (UPI) -- North Korean", ("SEOUL", "Oct. 23", "UPI")),
    ("Oct. 23 (UPI) -- U.S. Defense", (None, "Oct. 23", "UPI")),
    ("WASHINGTON (AP) — The Senate", ("WASHINGTON", None, "AP")),
    ("KYIV, Ukraine — Air raid sirens", ("KYIV, Ukraine", None, None)),
])
def test_datelines(opening: str, expected: tuple[str | None, ...]) -> None:
    page = f"<html><body><article><p>{opening} sounded across the city on Monday, officials said, " \
           "and people went to the shelters, as they have done many times this year.</p>" \
           "<p>Another paragraph follows here, long enough to count as part of the story text.</p>" \
           "</article></body></html>"
    dateline = newsclean.extract(page, rules=newsclean.RuleSet()).dateline
    assert dateline is not None
    assert (dateline.location, dateline.date_text, dateline.agency) == expected


def test_explain_names_the_decisions() -> None:
    explanation = newsclean.explain(PAGE, URL, rules=newsclean.RuleSet())
    roles = {d.role for d in explanation.decisions}
    assert {"story", "paragraph", "image", "caption", "title", "byline", "dateline",
            "related-block", "related-item", "boilerplate"} <= roles
    ids = {d.node for d in explanation.decisions}
    assert all(f'data-nc-id="{node}"' in explanation.html for node in ids)
    assert explanation.article == newsclean.extract(PAGE, URL, rules=newsclean.RuleSet())


# --- bad input: typed errors or best effort, in bounded time ---------------------------

@pytest.mark.parametrize("data", [b"", b"   \n", ""])
def test_empty_input(data: bytes | str) -> None:
    with pytest.raises(newsclean.EmptyDocumentError):
        newsclean.extract(data)


def test_binary_input() -> None:
    with pytest.raises(newsclean.EmptyDocumentError, match="binary"):
        newsclean.extract(b"%PDF-1.7\x00\x01\x02\x03" * 100)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_text(codec: str) -> None:
    text = "The council met on Monday to discuss the new bus routes, and voted for them."
    page = f"<html><head><title>Bus routes</title></head><body><p>{text}</p></body></html>"
    article = newsclean.extract("\ufeff".encode(codec) + page.encode(codec),
                                rules=newsclean.RuleSet())
    assert article.title == "Bus routes"
    assert article.to_dict() == newsclean.extract(page, rules=newsclean.RuleSet()).to_dict()


@pytest.mark.parametrize("url", ["http://[::1", "http://[::1]:99999/x", "http://a:b:c/"])
def test_a_malformed_url_means_no_site_rule(url: str) -> None:
    article = newsclean.extract("<p>x</p>", url)
    assert isinstance(article, newsclean.Article)
    assert newsclean.RuleSet().for_url(url) is None


def test_unsupported_type() -> None:
    with pytest.raises(TypeError):
        newsclean.extract(12345)  # type: ignore[arg-type]


def test_repeated_block_kept_once() -> None:
    body = "<p>The council met on Monday to discuss the new bus routes, and voted for them.</p>"
    page = f"<html><body><article>{body}{body}<p>Another paragraph, long enough to be kept " \
           "as part of the story, follows the repeated one.</p></article></body></html>"
    paragraphs = newsclean.extract(page, rules=newsclean.RuleSet()).paragraphs
    assert len(paragraphs) == 2 and paragraphs[0].startswith("The council met")


def test_page_without_story() -> None:
    article = newsclean.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert article.paragraphs == [] and article.text == ""


def test_deep_nesting_bounded() -> None:
    page = "<html><body>" + "<div>" * 10_000 + "<p>deep</p>" + "</div>" * 10_000 + "</body></html>"
    start = time.process_time()
    article = newsclean.extract(page)
    assert time.process_time() - start < 10
    assert isinstance(article, newsclean.Article)


def test_large_page_bounded() -> None:
    sentence = "Words of a long story that goes on and on, for a while. " * 8
    page = "<html><body><article>" + "".join(
        f"<p>{n}. {sentence}</p>" for n in range(44_000)) + "</article></body></html>"
    assert len(page) > 20_000_000
    article = newsclean.extract(page)
    assert len(article.paragraphs) == 44_000


def test_too_large_refused() -> None:
    from newsclean.decoding.tree import MAX_INPUT_BYTES

    with pytest.raises(newsclean.DocumentTooLargeError):
        newsclean.extract(b"<p>" + b"x" * MAX_INPUT_BYTES)


@pytest.mark.parametrize("page", [
    "<html><body><p>unclosed <b>bold <i>italic <div>block</p></b>",
    "<<<>>><p>text</p><//p><!-- never closed",
    "<html><body><table><tr><td><p>cell text that is long enough, and has a comma",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>xml declared</p></body></html>',
    "\x00\x00<html><body><p>nulls</p></body></html>",
])
def test_broken_markup_best_effort(page: str) -> None:
    assert isinstance(newsclean.extract(page), newsclean.Article)


def test_rule_selectors_reach_head_metadata() -> None:
    page = PAGE.replace(
        "</head>",
        '<meta name="author" content="Rita Gomes"><meta property="og:title" '
        'content="Cranes back at work"><meta name="pubdate" content="2024-05-01T07:00:00+01:00">'
        "</head>")
    rule = newsclean.SiteRule(
        name="Example", domains=("news.example.com",),
        title=("//meta[@property='og:title']/@content",),
        authors=("//meta[@name='author']/@content",),
        published=("//meta[@name='pubdate']/@content",),
    )
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet([rule]))
    assert article.title == "Cranes back at work"
    assert article.authors == ["Rita Gomes"]
    assert article.published is not None and article.published.isoformat() == "2024-05-01T07:00:00+01:00"
    # The story itself still comes from the engine.
    assert article.paragraphs[0].startswith("PORTSMOUTH")


DATED_STORY = """<html><head>{head}</head><body><article><h1>Bridge reopens after repairs</h1>
{header}<p>The bridge over the river reopened on Monday after six months of repairs, the city
said, and traffic returned to normal within hours of the barriers being lifted.</p>
<p>Engineers replaced the bearings and the deck joints, work that had been postponed twice.</p>
</article></body></html>"""


@pytest.mark.parametrize(("head", "header", "expected"), [
    # A publication date under a <meta> name no list knows.
    ('<meta name="w-published-date" content="2025-05-27T06:03:43Z">', "", "2025-05-27"),
    # ... but not an update date under such a name.
    ('<meta name="w-updated-date" content="2025-05-27T06:03:43Z">', "", None),
    # The WebPage object of JSON-LD when no article object carries the date.
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage", '
     '"datePublished": "2022-10-05T12:53:00-07:00"}]}</script>', "", "2022-10-05"),
    # The page's own script data (a CMS state object), schema.org's key first.
    ('<script>window.__STATE__ = {"createdAt": "2020-01-01T00:00:00Z", '
     '"publishedAt": "2025-07-18T17:34:06Z"};</script>', "", "2025-07-18"),
    ('<script>window.__STATE__ = {"createdAt": "2020-01-01T00:00:00Z"};</script>', "", None),
    # A printed "Published on" line or a bare date line under the headline.
    ("", "<div>Published on July 18, 2025</div>", "2025-07-18"),
    ("", "<div><span>August 16, 2019</span></div>", "2019-08-16"),
    # An update date, the last resort: the page's only date ("Last updated" on an
    # evergreen guide), taken only when it shows no other.
    ("", "<div>Last updated: November 13, 2025</div>", "2025-11-13"),
])
def test_publication_date_fallbacks(head: str, header: str, expected: str | None) -> None:
    article = newsclean.extract(DATED_STORY.format(head=head, header=header),
                                "https://example.org/news/bridge", rules=newsclean.RuleSet())
    got = article.published.date().isoformat() if article.published else None
    assert got == expected


PICTURE_STORY = """<html><body><article><h1>Pier reopens two years after storm</h1>
<div class="page-lead-media"><figure><img src="/lead.jpg" width="800" height="500">
<figcaption>Crowds at the gates on Tuesday. Photo: Jo Park</figcaption></figure></div>
<div class="body">
<p>A Victorian pier that lost its end section in a storm has reopened, two years and
six million pounds later, and hundreds of people queued along the promenade.</p>
<div class="article-image"><div class="image-wrap"><img src="/pier.jpg" width="634" height="423">
<span class="imageCredit">Alamy</span></div>
<p class="imageCaption">The end section of the pier was torn away during a storm in 2022</p></div>
<p>Engineers rebuilt forty metres of decking and replaced more than two hundred columns,
many of them corroded by salt water over more than a century.</p>
</div></article></body></html>"""


def test_picture_text_stays_out_of_the_story() -> None:
    article = newsclean.extract(PICTURE_STORY, "https://example.org/news/pier",
                                rules=newsclean.RuleSet())
    captions = {(image.url or "").rsplit("/", 1)[-1]: (image.caption, image.credit)
                for image in article.images}
    assert captions["pier.jpg"] == (
        "The end section of the pier was torn away during a storm in 2022", "Alamy")
    assert captions["lead.jpg"] == ("Crowds at the gates on Tuesday.", "Jo Park")
    assert "torn away" not in article.text and "Alamy" not in article.text
    assert "Crowds at the gates" not in article.text
    assert article.paragraphs[0].startswith("A Victorian pier")


PICTURE = '<img src="/a.jpg" width="800" height="500">'


@pytest.mark.parametrize(("figure", "expected"), [
    # A "credit-caption" wrapper is neither part; the caption is the inner one.
    ('<div class="credit-caption"><div class="caption"><p>A tower on a farm.</p></div>'
     '<span class="credit">Wendell Price</span></div>', ("A tower on a farm.", "Wendell Price")),
    ('<figcaption><span class="caption__container">Travellers queue.'
     '<span class="caption__source">Eli Brandt / AP</span></span></figcaption>',
     ("Travellers queue.", "Eli Brandt / AP")),
    # The caption's owner, its one paragraph inside: a credit, not a wrapper of both.
    ('<figcaption class="figure-article-caption"><span class="figure-article-caption-text">'
     '<p>Travellers queue.</p></span><span class="figure-article-caption-owner"><p>Photo by '
     'Eli Brandt</p></span></figcaption>', ("Travellers queue.", "Eli Brandt")),
    ('<figcaption class="figure-article-caption"><span class="figure-article-caption-owner">'
     '<p>Example Eats</p></span></figcaption>', (None, "Example Eats")),
    # A credit alone in the caption's place is no caption too.
    ('<figcaption><span class="photo-credit">Wendell Price</span></figcaption>',
     (None, "Wendell Price")),
    # The credit given in an attribute and again at the end of the caption text.
    ('<figcaption data-c-credit="Dylan Mercer">Pumpkins for sale.<span>Dylan Mercer</span>'
     '</figcaption>', ("Pumpkins for sale.", "Dylan Mercer")),
    ('<figcaption>Watches in a window. <span class="credit">Photographer: Stefan Brunner'
     '</span></figcaption>', ("Watches in a window.", "Stefan Brunner")),
    # camelCase template names, in a picture built of divs.
    (f'<div class="InlineImage-imageEmbed"><div class="InlineImage-wrapper">{PICTURE}</div>'
     '<div class="InlineImage-imageEmbedCaption">Traders on the exchange floor.</div>'
     '<div class="InlineImage-imageEmbedCredit">Michael Santos | Getty Images</div></div>',
     ("Traders on the exchange floor.", "Michael Santos | Getty Images")),
    # An unnamed short line set over the picture, beside the <figcaption>.
    (f'<div class="x1">{PICTURE}<span>Getty Images</span></div>'
     "<figcaption>The line crosses remote hills.</figcaption>",
     ("The line crosses remote hills.", "Getty Images")),
])
def test_figure_caption_and_credit(figure: str, expected: tuple[str | None, str]) -> None:
    page = (f'<html><body><article class="post has-post-thumbnail"><h1>Farm towers</h1>'
            f'<p>{"Radio towers on farms now follow the migration of butterflies. " * 4}</p>'
            f'<figure>{figure if PICTURE in figure else PICTURE + figure}</figure>'
            f'<p>{"Volunteers fitted the tags to four hundred of them in the autumn. " * 4}</p>'
            f'</article></body></html>')
    article = newsclean.extract(page, "https://example.org/a", rules=newsclean.RuleSet())
    assert [(image.caption, image.credit) for image in article.images] == [expected]
    assert all(part not in article.text for part in expected if part)


def test_next_previous_article_links_in_a_nav_are_related() -> None:
    page = ("<html><body><article><h1>Libraries open on Sundays</h1>"
            + "<p>Neighbourhood libraries will open on Sunday mornings from next month. </p>" * 4
            + '</article><nav class="article-nav">'
            '<a rel="prev" href="/a/trains-strike"><span>‹ Articolo precedente</span> '
            "<span>Regional trains stop on Friday for a strike</span></a>"
            '<a rel="next" href="/a/fog-flights"><span>Next article</span> '
            "<span>Fog delays flights at the city airport</span></a></nav>"
            '<nav class="pager"><a rel="next" href="/page/2">Older posts</a></nav>'
            "</body></html>")
    article = newsclean.extract(page, "https://example.org/a/libraries", rules=newsclean.RuleSet())
    assert [(link.block, link.url, link.title) for link in article.related] == [
        ("previous", "https://example.org/a/trains-strike",
         "Regional trains stop on Friday for a strike"),
        ("next", "https://example.org/a/fog-flights", "Fog delays flights at the city airport"),
    ]


def test_paragraphs_marked_paywall_are_story_but_a_paywall_box_is_not() -> None:
    page = ("<html><body><article><h1>Watch exports fall again</h1><div class='body'>"
            + "".join(f'<p class="paywall">Swiss watch exports fell for a {n} month as '
                      "demand in China kept sliding, offsetting steady sales in the US.</p>"
                      for n in ("fourth", "fifth", "sixth"))
            + '<div class="paywall-box"><h2>Subscribe to keep reading</h2><form>'
              "<input type='email'><button>Go</button></form></div></div></article>"
              "</body></html>")
    article = newsclean.extract(page, "https://example.org/w", rules=newsclean.RuleSet())
    assert len(article.paragraphs) == 3
    assert "Subscribe" not in article.text


def test_a_paragraph_held_back_for_subscribers_is_story_though_hidden_from_readers() -> None:
    # Templates hide the paragraphs past the paywall from screen readers until the
    # reader pays; they are shown, and are the story's. Another hidden line is not.
    opening = ("<p>Swiss watch exports fell for a fourth month as demand in China kept "
               "sliding, offsetting steady sales in the US.</p>")
    held = ('<p class="paywall" aria-hidden="true">Makers of cheaper watches felt the '
            "fall the most, with exports under 500 francs down by a fifth.</p>")
    hidden = ('<p aria-hidden="true">Makers of cheaper watches felt the fall the most, '
              "with exports under 500 francs down by a fifth.</p>")
    for block, kept in ((held, 2), (hidden, 1)):
        page = ("<html><body><article><h1>Watch exports fall again</h1><div class='body'>"
                f"{opening}{block}</div></article></body></html>")
        article = newsclean.extract(page, "https://example.org/w", rules=newsclean.RuleSet())
        assert len(article.paragraphs) == kept, block


def story_around(block: str) -> str:
    """A short story with `block` between its two paragraphs."""
    return ("<html><body><article><h1>Butter prices climb</h1><div class='body'>"
            "<p>Bakers say the price of butter has doubled in a year, and some have raised "
            f"the price of croissants for the first time in a decade.</p>{block}"
            "<p>Dairies blame a poor season for milk collection across the continent and "
            "say prices should ease in the spring.</p></div></article></body></html>")


@pytest.mark.parametrize(("line", "expected"), [
    ('<p><span class="prefix">À lire aussi</span> <a href="/eco/prix">Inflation : les prix '
     "se stabilisent</a></p>", [("/eco/prix", "Inflation : les prix se stabilisent")]),
    ('<p><strong>Go deeper:</strong> <a href="/tech/nuclear">Big Tech\'s nuclear bet, '
     "explained</a></p>", [("/tech/nuclear", "Big Tech's nuclear bet, explained")]),
    ('<p>Read more from Sky News:<br><a href="/s/tax">Council tax bills set to rise</a><br>'
     '<a href="/s/ferries">New ferries for island routes delayed</a></p>',
     [("/s/tax", "Council tax bills set to rise"),
      ("/s/ferries", "New ferries for island routes delayed")]),
    # A paragraph that merely starts with such words is story text.
    ('<p>Read the report: it says <a href="/r">the council</a> spent too much on consultants '
     "and too little on repairs, and that the next budget has to change that.</p>", []),
])
def test_inline_related_lines(line: str, expected: list[tuple[str, str]]) -> None:
    article = newsclean.extract(story_around(line), "https://example.org/a/butter",
                                rules=newsclean.RuleSet())
    inline = [(link.url.removeprefix("https://example.org"), link.title)
              for link in article.related if link.block == "inline"]
    assert inline == expected
    for _, title in expected:
        assert title not in article.text


@pytest.mark.parametrize(("block", "expected"), [
    # One story under a label, set between paragraphs.
    ('<div class="related-content"><span class="related-content__label">Related article</span>'
     '<a href="/w/phoenix"><span>Phoenix just had its hottest summer on record</span></a></div>',
     ["/w/phoenix"]),
    ('<div class="a_ei"><h3>Más información</h3><article><h2><a href="/c/sombra">Las ciudades '
     'buscan sombra</a></h2></article><article><h2><a href="/c/julio">Córdoba cierra el julio '
     "más caluroso</a></h2></article></div>", ["/c/sombra", "/c/julio"]),
    # A labelled box that says more than its link is not a card.
    ('<div class="note"><span class="note__label">Related article</span> This week the council '
     'also voted on <a href="/w/budget">the budget for the next two years</a>, after a long '
     "debate about the cost of the new bus lanes and the parking rules.</div>", []),
])
def test_related_blocks_by_heading(block: str, expected: list[str]) -> None:
    article = newsclean.extract(story_around(block), "https://example.org/a",
                                rules=newsclean.RuleSet())
    assert [link.url.removeprefix("https://example.org") for link in article.related] == expected


def test_front_page_links_and_framework_roots_are_not_related() -> None:
    page = ('<html><body><div id="__next"><div class="banner"><p>Let us know you agree to '
            'cookies</p><a href="https://example.org/cookies/settings">No, take me to the '
            "settings</a></div><article><h1>Rail line reopens</h1><div class='body'>"
            + "".join(f"<p>The line reopened on {day} after a landslip closed it for a month, "
                      "and the first trains ran on time.</p>"
                      for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                  "Saturday", "Sunday"))
            + '</div></article><section><h2>Read Next</h2><ul>'
              '<li><span class="label"><a href="https://example.org/">Autos &amp; '
              'Transportation</a></span> <a href="/cars/output">UK car output slumps in '
              'September</a></li><li><span class="label"><a href="/">Markets '
              'and Finance</a></span> <a href="/markets/borrowing">Public borrowing overshoots '
              "forecasts</a></li></ul></section></div></body></html>")
    article = newsclean.extract(page, "https://example.org/rail", rules=newsclean.RuleSet())
    assert [link.url for link in article.related] == [
        "https://example.org/cars/output", "https://example.org/markets/borrowing"]


def _comment(n: int) -> str:
    return (f'<li class="comment"><p>Reader {n} writes at length about the film, its cast, '
            'its music, the book it came from, and what they would have done otherwise. '
            'They go on, and on, with more opinions, comparisons, and a few corrections.</p></li>')


def test_long_comment_thread_stays_out_of_the_story() -> None:
    story = "".join(f"<p>Paragraph {n} of the review, about the film and its director, "
                    "long enough to count as story text on its own.</p>" for n in range(12))
    page = ('<html><body><div class="postarea"><h1>The film, again</h1>' + story
            + '<div id="comments" class="comments-wrapper"><ol class="commentlist">'
            + "".join(_comment(n) for n in range(60)) + "</ol></div></div></body></html>")
    article = newsclean.extract(page, rules=newsclean.RuleSet())
    assert len(article.paragraphs) == 12
    assert "Reader" not in article.text


def test_thread_of_comments_is_the_content() -> None:
    page = ('<html><body><h1>Which lens?</h1><div id="comments"><ol class="commentlist">'
            + "".join(_comment(n) for n in range(20)) + "</ol></div></body></html>")
    article = newsclean.extract(page, rules=newsclean.RuleSet())
    assert article.text.count("Reader") == 20


def test_drupal_hidden_label_is_not_a_hidden_field() -> None:
    body = "".join(f"<p>Sentence {n} of the page, long enough, with a comma, to be story.</p>"
                   for n in range(6))
    page = ('<html><body><article><h1>Oral health</h1><div class="field field--name-body '
            f'field--label-hidden">{body}</div></article></body></html>')
    assert len(newsclean.extract(page, rules=newsclean.RuleSet()).paragraphs) == 6


def test_text_beside_a_linked_list_is_judged_on_its_own_links() -> None:
    links = "".join(f'<li><a href="/l{n}">A linked book title number {n}</a></li>' for n in range(8))
    page = ("<html><body><div class='post-body'>I've been thinking about a term for some "
            f"time, and settled on one.<br><ol>{links}</ol>Whether it lasts, time will tell, "
            "and readers will judge.</div></body></html>")
    text = newsclean.extract(page, rules=newsclean.RuleSet()).text
    assert "settled on one" in text and "readers will judge" in text


def test_highlighted_code_keeps_its_comments() -> None:
    prose = "".join(f"<p>Step {n}: run the command below, then check the output.</p>"
                    for n in range(4))
    page = ("<html><body><article>" + prose + '<pre><code class="hljs bash">'
            '<span class="hljs-comment"># initialize git</span>\ngit init</code></pre>'
            "</article></body></html>")
    assert "# initialize git" in newsclean.extract(page, rules=newsclean.RuleSet()).text


def test_page_builder_widgets_are_story_blocks() -> None:
    sections = "".join(
        '<div class="elementor-widget-wrap elementor-element-populated">'
        f'<div class="elementor-widget-container"><p>Tip {n}: save a little every month, '
        "and more when you can.</p></div></div>" for n in range(8))
    page = f'<html><body><div class="elementor elementor-120">{sections}</div></body></html>'
    assert len(newsclean.extract(page, rules=newsclean.RuleSet()).paragraphs) == 8


def test_figure_holding_a_table_is_story() -> None:
    prose = "".join(f"<p>Paragraph {n} of the test report, with a comma, long enough.</p>"
                    for n in range(4))
    rows = "".join(f"<tr><td>Press {n}</td><td>Kept the coffee hot for {n} hours</td></tr>"
                   for n in range(5))
    page = (f"<html><body><article>{prose}<figure class='block-table'><table>{rows}</table>"
            "<figcaption>How long each press kept its heat.</figcaption></figure>"
            "</article></body></html>")
    text = newsclean.extract(page, rules=newsclean.RuleSet()).text
    assert "Kept the coffee hot for 3 hours" in text
    assert "How long each press" not in text


def test_figure_holding_a_quotation_is_story() -> None:
    prose = [f"<p>Paragraph {n} of the report on search, with a comma, long enough.</p>"
             for n in range(4)]
    quote = ("<figure class='quote'><img src='/faces/reinhart.jpg' alt=''><blockquote><p>"
             "Search is not dead, it is different.</p></blockquote><figcaption>Patrick "
             "Reinhart, head of services</figcaption></figure>")
    page = (f"<html><body><article>{''.join(prose[:2])}{quote}{''.join(prose[2:])}"
            "</article></body></html>")
    text = newsclean.extract(page, rules=newsclean.RuleSet()).text
    assert "Search is not dead, it is different." in text
    assert "Patrick Reinhart" not in text


def test_figure_holding_a_picture_is_no_story_text() -> None:
    prose = "".join(f"<p>Paragraph {n} of the report on search, with a comma, long enough.</p>"
                    for n in range(4))
    figure = ("<figure><img src='/photos/office.jpg' alt=''><p>The office in Brooklyn, where "
              "the team works.</p><figcaption>Photo: Ann Lee</figcaption></figure>")
    text = newsclean.extract(f"<html><body><article>{prose}{figure}</article></body></html>",
                             rules=newsclean.RuleSet()).text
    assert "Paragraph 3" in text and "office in Brooklyn" not in text


def test_story_cut_into_builder_modules_is_read_whole() -> None:
    def module(n: int, size: int) -> str:
        text = " ".join(f"Sentence {n}.{i} of this part, with a comma." for i in range(size))
        return (f'<div class="et_pb_section"><div class="et_pb_row"><div class="et_pb_column">'
                f'<div class="et_pb_text_inner"><p>{text}</p></div></div></div></div>')
    page = ('<html><body><article><h1>Tutoring</h1><div class="entry-content">'
            + module(1, 30) + "".join(module(n, 2) for n in range(2, 6))
            + "</div></article></body></html>")
    text = newsclean.extract(page, rules=newsclean.RuleSet()).text
    assert all(f"Sentence {n}.0" in text for n in range(1, 6))


def test_clipped_overflow_is_not_hidden() -> None:
    items = "".join(f'<li><div class="app-description overflow-hidden"><p>App {n} is a '
                    "note-taking tool with tags, sync, and an offline mode.</p></div></li>"
                    for n in range(6))
    page = f"<html><body><main><ol>{items}</ol></main></body></html>"
    assert newsclean.extract(page, rules=newsclean.RuleSet()).text.count("note-taking") == 6


def test_react_streamed_chunks_take_their_places() -> None:
    def chunk(n: int) -> str:
        return (f'<div hidden id="S:{n}"><p>Part {n} of the guide to index funds, streamed '
                "late, with a comma, long enough to count.</p></div>")
    page = ('<html><body><main><h1>How to invest in index funds</h1><div class="article-body">'
            + "".join(f'<!--$?--><template id="B:{n}"></template><div>Loading paragraph...'
                      "</div><!--/$-->" for n in range(3))
            + '<template id="P:3"></template></div></main>'
            + "".join(chunk(n) for n in range(4))
            + '<script>$RC("B:0","S:0");$RC("B:1","S:1");$RC("B:2","S:2")</script>'
            "</body></html>")
    paragraphs = newsclean.extract(page, rules=newsclean.RuleSet()).paragraphs
    assert [p.split(" ")[1] for p in paragraphs] == ["0", "1", "2", "3"]
    assert "Loading" not in " ".join(paragraphs)


def test_a_declarative_shadow_root_is_read_in_its_host() -> None:
    # Shown by the browser in the host element; any other <template> is inert.
    story = "".join(f"<p>Part {n} of the guide to index funds, rendered on the server "
                    "into the component's shadow root, with a comma.</p>" for n in range(4))
    page = ("<html><body><h1>How to invest in index funds</h1><guide-article>"
            f'<template shadowrootmode="open"><article>{story}</article></template>'
            "</guide-article><template><p>Part 9 of an inert template, kept for a script "
            "to copy later, with a comma.</p></template></body></html>")
    paragraphs = newsclean.extract(page, rules=newsclean.RuleSet()).paragraphs
    assert [p.split(" ")[1] for p in paragraphs] == ["0", "1", "2", "3"]


def test_a_pull_quote_repeating_the_story_is_read_once() -> None:
    said = "Those who speak up against the ideologues must be strengthened, she said."
    prose = [f"<p>Paragraph {n} of the report on the vote, with a comma, long enough.</p>"
             for n in range(4)]
    prose[3] = f"<p>The debate went on for hours. {said} Then the vote came.</p>"
    quote = (f"<figure><blockquote><p>“{said}”<br>Ann Lee, member of the council</p>"
             "</blockquote></figure><figure><blockquote>“Then the vote came, and "
             "the harbour plan passed at last,” she added.<br>Ann Lee</blockquote></figure>")
    page = (f"<html><body><article>{''.join(prose[:2])}{quote}{''.join(prose[2:])}"
            "</article></body></html>")
    paragraphs = newsclean.extract(page, rules=newsclean.RuleSet()).paragraphs
    assert sum(said in p for p in paragraphs) == 1
    assert paragraphs[-1].startswith("The debate went on")
    # A quotation whose opening words are not the story's is read.
    assert any(p.startswith("“Then the vote came, and the harbour") for p in paragraphs)


def test_update_date_alone_is_also_the_modified_date() -> None:
    # Dated by its "Last updated" line only: that date is the update's, so `modified`
    # says so too; a printed publication date leaves `modified` to the metadata.
    shown_update = newsclean.extract(
        DATED_STORY.format(head="", header="<div>Last updated: November 13, 2025</div>"),
        "https://example.org/news/bridge", rules=newsclean.RuleSet())
    assert shown_update.modified == shown_update.published
    assert shown_update.modified is not None
    shown_publication = newsclean.extract(
        DATED_STORY.format(head="", header="<div>Published on July 18, 2025</div>"),
        "https://example.org/news/bridge", rules=newsclean.RuleSet())
    assert shown_publication.published is not None
    assert shown_publication.modified is None
