"""Pages on which an article extractor classically reads nothing still give their story.

Each page is written the way such pages come: text straight in <body>, a long <pre>, nested
divs without paragraphs, table layouts, markup soup, hidden wrappers, escaped entities, and
so on. The story must come out, and what a browser never shows must stay out.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.extract.settings import Settings

TITLE = "Council backs new bus routes"
SENTENCES = [
    "The council met on Monday to discuss the new bus routes for the northern districts.",
    "After a long debate, with many questions from residents, it voted for all of them.",
    "Buses will run every ten minutes from June, and fares stay as they are for a year.",
    "Children under twelve will travel for free on every route the council runs.",
    "The first route links the harbour with the hospital by way of the old market.",
    "A second route serves the university and the new houses beyond the ring road.",
    "Residents of the valley asked for a later last bus, and the council agreed to it.",
    "The changes cost less than the old timetable because the routes are shorter.",
]
FOOTER_ADDRESS = "Example Times, 1200 Harbour Street, Springfield, IL 62701. Call 555-0100."
HIDDEN = "This text is hidden and no reader ever sees it on the page."


def lines(count: int = 8) -> list[str]:
    return [SENTENCES[n % len(SENTENCES)] for n in range(count)]


ENGINE_ALONE = Settings(fallback_below=0.0)
"""No second opinion: these pages test what the engine reads itself."""


def extract(page: str | bytes) -> newsclean.Article:
    return newsclean.extract(page, "https://news.example.com/2024/05/bus-routes",
                             rules=newsclean.RuleSet(), settings=ENGINE_ALONE)


def words(text: str) -> set[str]:
    return set(text.lower().replace(".", " ").replace(",", " ").split())


def assert_story(article: newsclean.Article, expected: list[str], share: float = 0.9) -> None:
    """Most of the expected sentences come out, in their words."""
    text = article.text
    assert text, "the engine read nothing"
    found = sum(1 for sentence in expected if sentence in text)
    assert found >= share * len(expected), (found, len(expected), text[:300])


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>{TITLE}</title>{head}</head><body>{body}</body></html>"


def test_text_straight_in_body_with_breaks() -> None:
    text = "<br><br>".join(lines())
    article = extract(page(f"<h1>{TITLE}</h1>{text}"))
    assert_story(article, lines())


def test_long_preformatted_text() -> None:
    body = "\n\n".join(
        f"   {n}.  {sentence}\n       It is set in fixed width type, as plain text documents are."
        for n, sentence in enumerate(lines(12)))
    article = extract(page(f"<pre>Network Working Group\n\n{body}\n</pre>"))
    assert "It is set in fixed width type" in article.text
    assert sum(sentence in article.text for sentence in SENTENCES) >= len(SENTENCES) - 1


def test_nested_divs_without_paragraphs() -> None:
    inner = "".join(f"<div><div>{sentence}</div></div>" for sentence in lines())
    article = extract(page(
        f'<div id="nav"><a href="/">Home</a> <a href="/news">News</a></div>'
        f"<div><div><h1>{TITLE}</h1>{inner}</div></div>"))
    assert_story(article, lines())
    assert "Home" not in article.paragraphs


def test_table_layout() -> None:
    cells = "<br><br>".join(lines())
    article = extract(page(
        '<table width="100%"><tr><td width="150"><a href="/">Home</a><br><a href="/a">Archive</a>'
        f'</td><td><font size="5"><b>{TITLE}</b></font><br><br>{cells}</td></tr></table>'))
    assert_story(article, lines())


def test_font_and_span_soup() -> None:
    soup = "".join(
        f'<font face="Arial"><span style="color:#333">{sentence}</span></font><br>'
        for sentence in lines())
    article = extract(page(f"<center><h1>{TITLE}</h1></center>{soup}"))
    assert_story(article, lines())


def test_font_set_text_inside_a_wrapper() -> None:
    # The wrapper's text is all in its <font>s: read as its own, as that of a <span> is.
    soup = "".join(f'<font face="Arial">{sentence}</font><br><br>' for sentence in lines())
    article = extract(page(f'<h1>{TITLE}</h1><div class="text">{soup}</div>'))
    assert_story(article, lines())


def test_hidden_wrapper_that_script_reveals() -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in lines())
    article = extract(page(
        f'<div class="js-reveal" aria-hidden="true"><article><h1>{TITLE}</h1>{story}</article>'
        "</div>"))
    assert_story(article, lines())


@pytest.mark.parametrize("wrapper", [
    '<div class="story-body" hidden>{}</div>',
    '<div class="story-body" style="display: none">{}</div>',
    '<div class="story-body hidden">{}</div>',
    '<article aria-hidden="true">{}</article>',
    '<div id="page" style="display:none"><div class="nav"><a href="/">Home</a></div>'
    "<div>{}</div></div>",
])
def test_story_container_hidden_until_script_shows_it(wrapper: str) -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in lines())
    assert_story(extract(page(f"<h1>{TITLE}</h1>" + wrapper.format(story))), lines())


def test_truly_hidden_nodes_stay_out() -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in lines())
    article = extract(page(
        f"<article><h1>{TITLE}</h1>{story}"
        f'<p style="display:none">{HIDDEN}</p><p hidden>{HIDDEN}</p></article>'))
    assert_story(article, lines())
    assert HIDDEN not in article.text


@pytest.mark.parametrize("classes", ["hidden", "d-none", "hide", "is-hidden", "d-none d-lg-block"])
def test_blocks_a_css_framework_hides_stay_out(classes: str) -> None:
    # However much text they hold: a long plain text in a noise-named wrapper is read as
    # story text, a hidden one is not shown at all.
    story = "".join(f"<p>{sentence}</p>" for sentence in lines())
    hidden = "".join(f"<p>{sentence} {HIDDEN}</p>" for sentence in lines(4))
    article = extract(page(
        f'<article><h1>{TITLE}</h1>{story}<div class="{classes}">{hidden}</div></article>'))
    assert_story(article, lines())
    assert HIDDEN not in article.text


@pytest.mark.parametrize("hiding", ['class="panel hide"', 'class="panel d-none"', "hidden",
                                    'style="display: none"'])
def test_a_visible_story_wins_over_a_longer_hidden_block(hiding: str) -> None:
    # A shop's hidden product fields, a closed panel: more text than the story beside
    # it, but no reader sees it.
    story = "".join(f"<p>{sentence}</p>" for sentence in lines(4))
    hidden = "".join(f"<p>{sentence} {HIDDEN}</p>" for sentence in lines(8))
    article = extract(page(
        f'<div class="main"><h1>{TITLE}</h1>{story}</div><div {hiding}>{hidden}</div>'))
    assert_story(article, lines(4))
    assert HIDDEN not in article.text


@pytest.mark.parametrize("classes", ["hidden-xs", "hide-mobile", "not-hidden", "overflow-hidden"])
def test_classes_that_only_name_hiding_keep_the_block(classes: str) -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in lines())
    hidden = "".join(f"<p>{sentence} {HIDDEN}</p>" for sentence in lines(4))
    article = extract(page(
        f'<article><h1>{TITLE}</h1>{story}<div class="{classes}">{hidden}</div></article>'))
    assert HIDDEN in article.text


def test_noscript_story() -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in lines())
    article = extract(page(
        f'<div id="app"></div><noscript><article><h1>{TITLE}</h1>{story}</article></noscript>'))
    assert_story(article, lines())


def test_heavy_entity_escaping() -> None:
    escaped = [s.replace(" ", "&nbsp;", 3).replace("council", "c&#x6f;uncil")
               .replace("the", "&#116;he") for s in lines()]
    story = "".join(f"<p>{sentence}</p>" for sentence in escaped)
    article = extract(page(f"<h1>{TITLE}</h1><div>{story}</div>"))
    expected = [s.replace(" ", "\xa0", 3) for s in lines()]
    assert words(article.text) >= words(" ".join(expected))


def test_double_escaped_markup() -> None:
    story = "".join(f"&lt;p&gt;{sentence}&lt;/p&gt;" for sentence in lines())
    article = extract(page(f"<h1>{TITLE}</h1><div>{story}</div>"))
    assert "The council met on Monday" in article.text


def test_one_very_long_paragraph() -> None:
    long = " ".join(lines(40))
    article = extract(page(f"<h1>{TITLE}</h1><p>{long}</p>"))
    assert article.text.count("The council met on Monday") == 5


def test_story_in_main_beside_a_huge_footer() -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in lines(5))
    links = "".join(f'<li><a href="/s/{n}">Section number {n}</a></li>' for n in range(60))
    footer = (f"<footer><ul>{links}</ul><address>{FOOTER_ADDRESS}</address>"
              + "".join(f"<p>Our newsroom standards, part {n}: we correct errors promptly "
                        "and say so at the foot of every story we change.</p>"
                        for n in range(8)) + "</footer>")
    for holder in ("main", "article"):
        article = extract(page(f"<{holder}><h1>{TITLE}</h1>{story}</{holder}>{footer}"))
        assert_story(article, lines(5))
        assert FOOTER_ADDRESS not in article.text
        assert "newsroom standards" not in article.text


def test_sections_of_short_paragraphs() -> None:
    sections = "".join(
        f"<section><h2>Part {n}</h2><p>{SENTENCES[n]}</p><p>{SENTENCES[n + 1]}</p></section>"
        for n in range(0, 7, 2))
    article = extract(page(f"<article><h1>{TITLE}</h1>{sections}</article>"))
    assert_story(article, SENTENCES)


def test_story_written_as_a_list() -> None:
    items = "".join(f"<li>{sentence}</li>" for sentence in lines())
    article = extract(page(f"<div><h1>{TITLE}</h1><ul>{items}</ul></div>"))
    assert_story(article, lines())


def test_cookie_overlay_over_the_story() -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in lines())
    consent = ('<div class="cookie-consent" role="dialog"><p>We use cookies to improve your '
               "experience on our site and to show you relevant advertising. By continuing "
               "you accept our use of cookies.</p><button>Accept all</button></div>")
    article = extract(page(f"{consent}<article><h1>{TITLE}</h1>{story}</article>"))
    assert_story(article, lines())
    assert "cookies" not in article.text


def test_only_heading_paragraph_pairs() -> None:
    pairs = "".join(f"<h2>Point {n}</h2><p>{sentence}</p>" for n, sentence in enumerate(lines()))
    article = extract(page(f"<h1>{TITLE}</h1>{pairs}"))
    assert_story(article, lines())


def test_xhtml_with_namespaces() -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in lines())
    document = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
        '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:og="http://ogp.me/ns#" xml:lang="en">'
        f'<head><title>{TITLE}</title><meta property="og:title" content="{TITLE}"/></head>'
        f'<body><div id="content"><h1>{TITLE}</h1>{story}</div></body></html>')
    for given in (document, document.encode()):
        assert_story(extract(given), lines())


def test_iframe_srcdoc_story() -> None:
    story = "".join(f"&lt;p&gt;{sentence}&lt;/p&gt;" for sentence in lines())
    article = extract(page(f'<h1>{TITLE}</h1><iframe srcdoc="{story}"></iframe>'))
    assert_story(article, lines())


def test_iframe_srcdoc_without_markup_or_empty() -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in lines())
    for frame in ('<iframe srcdoc=""></iframe>', '<iframe srcdoc="   "></iframe>',
                  '<iframe srcdoc="just words"></iframe>'):
        assert_story(extract(page(f"<article><h1>{TITLE}</h1>{frame}{story}</article>")),
                     lines())


@pytest.mark.parametrize("frames", [
    '<frameset cols="20%,80%"><frame src="nav.html"><frame src="story.html"></frameset>',
])
def test_frameset_is_a_best_effort_result(frames: str) -> None:
    article = extract(f"<html><head><title>{TITLE}</title></head>{frames}</html>")
    assert isinstance(article, newsclean.Article)


NAV = ('<header><nav class="site-nav"><ul>'
       + "".join(f'<li><a href="/s{n}">Section {n}</a></li>' for n in range(25))
       + "</ul></nav></header>")
RAIL = ('<aside class="rail">' + "".join(
    f'<div class="card"><h3><a href="/x{n}">Other story number {n} about the city</a></h3>'
    "<p>A short teaser about the other story, which is linked above, for readers.</p></div>"
    for n in range(6)) + "</aside>")
SITE_FOOTER = (
    f'<footer class="site-footer"><div class="footer-inner"><p>{FOOTER_ADDRESS}</p>'
    "<p>Copyright 2024 Example Times Media Company. All rights reserved. Use of this site "
    "constitutes acceptance of our User Agreement and Privacy Policy.</p><ul>"
    + "".join(f'<li><a href="/f{n}">Footer link {n}</a></li>' for n in range(30))
    + "</ul></div></footer>")


def news_page(story: str) -> str:
    """A large publisher's page: a long menu, a rail of teasers, a footer with an address."""
    return page(f"{NAV}<main><h1>{TITLE}</h1>{story}{RAIL}</main>{SITE_FOOTER}")


@pytest.mark.parametrize("story", [
    "".join(f'<div class="paywall"><p>{sentence}</p></div>' for sentence in lines(10)),
    "".join(f'<div class="zn-body__paragraph">{sentence}</div>' for sentence in lines(10)),
    "".join(f"<story-paragraph><p>{sentence}</p></story-paragraph>" for sentence in lines(10)),
    "".join(f'<section class="block"><p>{sentence}</p></section><div class="ad">Ad</div>'
            for sentence in lines(10)),
    "<article>" + "<br><br>".join(lines(10)) + "</article>",
])
def test_news_page_gives_its_story_not_its_footer(story: str) -> None:
    article = extract(news_page(f"<div>{story}</div>"))
    assert_story(article, lines(10))
    assert "Harbour Street" not in article.text
    assert "short teaser" not in article.text
    assert "Section 3" not in article.paragraphs


def test_a_lone_paywall_box_stays_out() -> None:
    story = "".join(f"<p>{sentence}</p>" for sentence in lines(10))
    box = ('<div class="paywall"><p>Subscribe today to keep reading every story, from '
           "just one dollar a week for the first year.</p></div>")
    article = extract(news_page(f'<div class="story">{story}{box}</div>'))
    assert_story(article, lines(10))
    assert "Subscribe today" not in article.text


def test_short_text_in_body_does_not_hide_a_short_story() -> None:
    # The body's own line outweighs the one paragraph of the story, but is too short to
    # be a story itself: the story container still wins.
    notice = "This site works best with a recent browser; some parts may not show otherwise."
    story = SENTENCES[0]
    article = extract(page(f'<p>{notice} {notice}</p><div class="story"><p>{story}</p></div>'))
    assert story in article.text


SECTION_HEADINGS = ["Getting started with the bus timetable", "Routes in the northern districts",
                    "Fares and tickets for every route", "Late buses in the valley"]


@pytest.mark.parametrize("wrapped", [True, False])
@pytest.mark.parametrize("count", [2, 4])
def test_a_page_of_headings_alone_reads_them(wrapped: bool, count: int) -> None:
    headings = "".join(f"<h{2 + n % 2}>{text}</h{2 + n % 2}>"
                       for n, text in enumerate(SECTION_HEADINGS[:count]))
    body = f"<h1>{TITLE}</h1>{headings}"
    article = extract(page(f"<div class='doc'>{body}</div>" if wrapped else body))
    assert article.text.split("\n\n") == SECTION_HEADINGS[:count]


def test_a_page_of_one_short_heading_stays_empty() -> None:
    assert extract(page(f"<h1>{TITLE}</h1><div><h2>Menu</h2></div>")).text == ""



def test_linked_card_titles_and_headings_over_other_text_are_no_story() -> None:
    cards = "".join(f'<a href="/item-{n}"><h3>{text}</h3></a>'
                    for n, text in enumerate(SECTION_HEADINGS))
    assert extract(page(f"<h1>{TITLE}</h1><div>{cards}</div>")).text == ""
    prices = "<ul>" + "".join(f"<li>Size {n}: in stock</li>" for n in range(30)) + "</ul>"
    headings = "".join(f"<h2>{text}</h2>" for text in SECTION_HEADINGS[:2])
    assert extract(page(f"<h1>{TITLE}</h1><div>{headings}{prices}</div>")).text == ""
    assert extract(page(f"<h1>{TITLE}</h1><div>{headings}</div>")).text  # the headings alone

def test_double_escaped_markup_gives_its_words_without_tags() -> None:
    story = "".join(f"&lt;p&gt;{sentence}&lt;/p&gt;" for sentence in lines())
    article = extract(page(f"<h1>{TITLE}</h1><div>{story}</div>"))
    assert "<p>" not in article.text and "</p>" not in article.text
    assert_story(article, lines())


def test_double_escaped_inline_markup_and_entities() -> None:
    story = "".join(f"&lt;p&gt;&lt;em&gt;{sentence}&lt;/em&gt; Tom &amp;amp; Jo.&lt;/p&gt;"
                    for sentence in lines())
    article = extract(page(f"<h1>{TITLE}</h1><div>{story}</div>"))
    assert "<" not in article.text and "&amp;" not in article.text
    assert "Tom & Jo." in article.text
    assert_story(article, lines())


def test_a_story_about_markup_keeps_its_tags() -> None:
    about = ("Every web page wraps its paragraphs in a &lt;p&gt; element, the oldest of the "
             "tags, and browsers still show it as they did thirty years ago.")
    story = "".join(f"<p>{sentence}</p>" for sentence in lines()[:4])
    article = extract(page(f"<h1>{TITLE}</h1><div>{story}<p>{about}</p></div>"))
    assert "wraps its paragraphs in a <p> element" in article.text


@pytest.mark.parametrize("holder", [
    "<aside>{}</aside>",
    '<div class="nav"><a href="/">Home</a></div><footer>{}</footer>',
    '<div class="comments">{}</div>',
])
def test_prose_where_no_story_is_looked_for_is_the_last_resort(holder: str) -> None:
    # A page whose only text sits in a place the story is never looked for: both the
    # engine and the second opinion pass it by, and an empty result would lose the page.
    story = page(holder.format("".join(f"<p>{sentence}</p>" for sentence in lines())))
    article = newsclean.extract(story, "https://example.com/a", rules=newsclean.RuleSet())
    assert_story(article, lines())
    assert article.text_source == "newsclean"
    assert article.confidence_reasons[-1].startswith("last resort: 8 paragraphs")
    assert extract(story).text == ""  # (the fallback turned off: the engine's reading alone)


def test_a_lone_banner_is_no_last_resort() -> None:
    # One paragraph of prose on a page of nothing else is a notice, not a story.
    banner = ("If you or someone you know needs help right away, call the number below "
              "or go to the nearest hospital; our team cannot answer urgent messages here.")
    article = newsclean.extract(page(f"<aside><p>{banner}</p></aside>"), "https://example.com/a")
    assert article.text == ""
    assert not any(reason.startswith("last resort") for reason in article.confidence_reasons)


def test_links_and_small_print_are_no_last_resort() -> None:
    links = "".join(f'<p><a href="/{n}">{sentence}</a></p>' for n, sentence in enumerate(lines()))
    small = ("<p>Copyright 2024 Example Media Ltd. All rights reserved. No part of this site "
             "may be copied without our written permission.</p>"
             "<p>By using this site you agree to our Terms of Use and Privacy Policy, and to "
             "the use of cookies as our Cookie Policy describes.</p>")
    article = newsclean.extract(page(f"<aside>{links}{small}</aside>"), "https://example.com/a")
    assert article.text == ""
