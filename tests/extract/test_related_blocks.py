"""Related-headline blocks the generic engine finds on pages it has no rule for."""

from __future__ import annotations

from datetime import datetime

import pytest
from lxml import etree

import newsclean
from newsclean.extract.related_groups import section_groups
from newsclean.extract.related_items import known_headline
from newsclean.extract.settings import DEFAULT_SETTINGS
from newsclean.extract.text import collapse

STORY = ("<h1>Libraries open on Sundays</h1>"
         + "<p>Neighbourhood libraries will open on Sunday mornings from next month, "
           "the city council said on Tuesday after a vote.</p>" * 5)
URL = "https://example.org/news/libraries-open-on-sundays"


def _extract(body: str) -> newsclean.Article:
    page = f"<html><body><article>{STORY}</article>{body}</body></html>"
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def _cards(n: int, stem: str = "story") -> str:
    return "".join(f'<div class="card"><a href="/news/{stem}-{i}">Council approves new '
                   f"budget for the river park number {i}</a></div>" for i in range(n))


def test_a_heading_alone_in_its_wrapper_names_the_card_list_beside_it() -> None:
    article = _extract(f'<section><h2>More Articles</h2></section><section>{_cards(3)}</section>')
    assert [link.url for link in article.related] == [
        f"https://example.org/news/story-{i}" for i in range(3)]
    assert "river park" not in article.text


def test_headings_in_other_languages_and_run_together_title_classes() -> None:
    french = _extract(f"<div><h4>Articles en relation</h4>{_cards(2, 'fr')}</div>")
    assert len(french.related) == 2
    named = _extract(f'<div><div class="bdc-ContentTitle">Related Articles</div>{_cards(2)}</div>')
    assert len(named.related) == 2


@pytest.mark.parametrize("heading", ["Continue Reading", "Keep reading"])
def test_a_heading_calling_to_read_on_names_the_list_under_it(heading: str) -> None:
    article = _extract(f"<div><h2>{heading}</h2>{_cards(3)}</div>")
    assert len(article.related) == 3
    assert {link.block for link in article.related} == {heading}


def test_a_latest_list_in_a_nav_is_related_but_a_menu_is_not() -> None:
    latest = _extract(f"<nav><div><h3>Latest News</h3>{_cards(3)}</div></nav>")
    assert len(latest.related) == 3
    menu = _extract('<nav><div><h3>Latest</h3><a href="/world">World news</a>'
                    '<a href="/sport">Sport results</a><a href="/arts">Arts and culture</a>'
                    "</div></nav>")
    assert menu.related == []


def test_the_sites_header_by_its_aria_role_is_a_menu_as_a_header_is() -> None:
    # A template's own elements for the header and its mega menu ("<site-header
    # role='banner'>"): the latest stories of each section in its flyout are the menu's.
    flyout = (f"<nav><ul><li><h3>Latest articles on parks</h3>{_cards(3, 'parks')}</li>"
              f"<li><h3>Latest articles on roads</h3>{_cards(3, 'roads')}</li></ul></nav>")
    for header in ("<site-header role='banner'>{}</site-header>", "<header>{}</header>"):
        page = (f"<html><body>{header.format(flyout)}<article>{STORY}</article>"
                "</body></html>")
        assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).related == []
    # The same lists in a <nav> of the page's body stay related (test above).
    assert len(_extract(flyout).related) == 6


def test_a_named_list_in_a_header_that_wraps_the_story_is_no_menu_s() -> None:
    # Broken markup: the site's <header> is never closed, and holds the story (its <h1>)
    # and what follows. A list a heading names related is then no menu's; an unnamed
    # list of short labels there still is.
    menu = ('<ul><li><a href="/news/world">World news today</a></li>'
            '<li><a href="/news/sport">Sport results today</a></li></ul>')
    page = (f"<html><body><header><div class='top'>{menu}</div><article>{STORY}</article>"
            f"<aside><h2>Related Posts</h2>{_cards(3)}</aside></header></body></html>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert [link.url for link in article.related] == [
        f"https://example.org/news/story-{i}" for i in range(3)]


def test_a_post_embedded_in_the_story_is_a_related_inset() -> None:
    # WordPress's embed of another post: a quote of that class holding the post's link,
    # its iframe beside.
    embed = ('<figure class="wp-block-embed is-type-wp-embed"><div class="wp-block-embed__'
             'wrapper"><blockquote class="wp-embedded-content"><a href="/news/2025/11/park-'
             'opens-late">The river park opens late on Fridays</a></blockquote><iframe '
             'class="wp-embedded-content" src="/news/2025/11/park-opens-late/embed/">'
             "</iframe></div></figure>")
    page = (f"<html><body><article>{STORY}{embed}<p>The vote passed with a large majority of "
            "the council, which met in the town hall on Tuesday evening.</p></article>"
            "</body></html>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert [link.url for link in article.related] == [
        "https://example.org/news/2025/11/park-opens-late"]
    assert "Fridays" not in article.text


def test_links_to_lists_products_and_comments_are_not_stories() -> None:
    article = _extract(
        "<div><h3>Related stories</h3>" + _cards(2)
        + '<a href="/tag/river-park">All stories about the river park</a>'
        '<a href="/news/archive/2025/11">November 28, 2025</a>'
        '<a href="/blogs">Back to the newsroom blogs</a></div>'
        '<div><h3>Popular Topics</h3><a href="/t/a">Council budget and spending</a>'
        '<a href="/t/b">Public libraries in the city</a></div>'
        '<div><h3>Recent Comments</h3><a href="/news/x/comment-page-2#comment-9">'
        "Reader on Council approves the budget</a>"
        '<a href="/news/y/comment-page-1#comment-3">Another reader on the park plan</a></div>')
    assert [link.url for link in article.related] == [
        f"https://example.org/news/story-{i}" for i in range(2)]


def test_a_shop_list_with_prices_is_not_related() -> None:
    items = "".join(f'<li><a href="/p/grease-{i}">Lithium grease for bearings size {i}</a>'
                    f"<span>{i + 9},99 €</span></li>" for i in range(3))
    article = _extract(f"<div><h3>You might also like</h3><ul>{items}</ul></div>")
    assert article.related == []


def test_a_tabbed_box_named_by_its_first_tab() -> None:
    article = _extract('<div class="widget-tabs"><ul><li><a href="#t1">Meistgelesen</a></li>'
                       f'<li><a href="#t2">Neu</a></li></ul><div id="t1">{_cards(2)}</div>'
                       f'<div id="t2">{_cards(2, "neu")}</div></div>')
    assert len(article.related) == 4
    assert {link.block for link in article.related} == {"Meistgelesen"}


def test_one_story_inset_and_screen_reader_labels_stay_out_of_titles() -> None:
    article = _extract(
        '<p class="c-recirculation-link"><a href="/news/heat">Read: Two heatwaves are '
        "worse than one</a></p>"
        '<div><h2>Top stories</h2><a href="/news/v1"><span class="visually-hidden">Video'
        "</span>Coronavirus: the city reopens its pools</a>"
        '<a href="/news/v2">Tram line seven extended to the harbour</a></div>')
    titles = {link.url.rsplit("/", 1)[1]: link.title for link in article.related}
    assert titles["heat"] == "Two heatwaves are worse than one"
    assert titles["v1"] == "Coronavirus: the city reopens its pools"
    assert "Two heatwaves" not in article.text


def test_a_pager_link_is_no_next_story() -> None:
    article = _extract('<div class="pagination"><a rel="next" href="?start=10">'
                       "nächste Seite →</a></div>")
    assert article.related == []


def test_an_authors_page_is_no_next_story_where_every_link_is_styled_next() -> None:
    # The site names every link "next-link": the story's next link stays one, its
    # author's page is none.
    article = _extract(
        '<div class="post-nav"><a class="next-link" href="/news/the-river-park-opens-its-gates">'
        "The river park opens its gates to families</a></div>"
        '<div class="author-ui"><a class="next-link" href="/author/jo-roe"><p>Jo Roe and the '
        "river park desk</p></a></div>")
    assert [(link.url.rsplit("/", 1)[1], link.block) for link in article.related] == [
        ("the-river-park-opens-its-gates", "next")]


def test_an_embedded_post_card_between_paragraphs_is_related_but_a_grid_card_is_not() -> None:
    paragraph = ("<p>The council will review the opening hours again next spring, after a "
                 "survey of readers in every district of the city.</p>")
    card = ('<div class="wp-embed"><a href="/news/budget-vote"><div class="wp-embed-title">'
            "Council passes its budget after a long night</div><p>The vote came at 3am.</p>"
            "</a></div>")
    article = newsclean.extract(f"<html><body><article>{STORY}{card}{paragraph}</article>"
                                "</body></html>", URL, rules=newsclean.RuleSet())
    assert [link.title for link in article.related] == [
        "Council passes its budget after a long night"]
    assert "long night" not in article.text
    grid = "".join(card.replace("budget-vote", f"vote-{i}") for i in range(3))
    alone = newsclean.extract(f"<html><body><article>{STORY}</article><div>{grid}</div>"
                              "</body></html>", URL, rules=newsclean.RuleSet())
    assert alone.related == []


def test_french_next_link_and_lire_aussi_class() -> None:
    article = _extract(
        '<div class="navbillets"><a class="apres" href="/news/next-one">'
        "Bienvenue au pays des sentiments blessés</a></div>"
        '<div class="lire-aussi"><a href="/news/a1">La politique du rayon de soleil en Corée</a>'
        '<a href="/news/a2">Les deux dirigeants se renvoient la bombe</a></div>')
    blocks = {link.url.rsplit("/", 1)[1]: link.block for link in article.related}
    assert blocks["next-one"] == "next"
    assert {"a1", "a2"} <= blocks.keys()


def test_an_unheaded_list_of_same_site_story_links_is_related_but_a_menu_is_not() -> None:
    items = "".join(f'<li><a href="/2025/11/council-story-number-{i}">Council approves the '
                    f"river park budget part {i}</a></li>" for i in range(3))
    article = _extract(f"<div><ul>{items}</ul></div>")
    assert len(article.related) == 3
    menu = _extract(f'<div class="side-navigation"><ul>{items}</ul></div>')
    assert menu.related == []
    elsewhere = items.replace('href="/', 'href="https://other.example.com/')
    assert _extract(f"<div><ul>{elsewhere}</ul></div>").related == []


def test_a_list_hanging_below_a_menu_entrys_link_is_a_branch_of_the_menu() -> None:
    items = "".join(f'<li><a href="/2025/11/council-story-number-{i}">Council approves the '
                    f"river park budget part {i}</a></li>" for i in range(3))
    tree = (f'<div class="levels"><ul><li><a href="/council">Council</a><ul>{items}</ul></li>'
            '<li><a href="/parks">Parks</a></li></ul></div>')
    assert _extract(tree).related == []
    # A list in an item with no link of its own before it is no menu's branch.
    boxed = f"<div><ul><li><span>Today</span><ul>{items}</ul></li></ul></div>"
    assert len(_extract(boxed).related) == 3


def _link_lines(titles: list[str]) -> str:
    return "".join(f'<p><a href="/news/other-story-{i}">{title}</a></p>'
                   for i, title in enumerate(titles))


LINE_TITLES = ["Council approves new budget for the river park",
               "Best river walks", "Bridge repairs start on Monday next week"]
LAST_LINE = "The library board meets again in May to decide on the evening hours for winter."


def _story_over_lines(lines: str) -> newsclean.Article:
    paragraphs = "".join(f"<p>Neighbourhood libraries will open on Sunday mornings from next "
                         f"month, the council said in its vote number {i} on Tuesday.</p>"
                         for i in range(5))
    page = (f"<html><body><article><h1>Libraries open on Sundays</h1>{paragraphs}"
            f"<h4>Related Articles:</h4>{lines}<p>{LAST_LINE}</p></article></body></html>")
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def test_a_heading_over_paragraphs_that_are_each_one_link_heads_them_all() -> None:
    article = _story_over_lines(_link_lines(LINE_TITLES))
    assert [link.title for link in article.related] == LINE_TITLES
    assert {link.block for link in article.related} == {"Related Articles:"}
    assert not any(title in article.text for title in LINE_TITLES)
    assert article.paragraphs[0].startswith("Neighbourhood libraries")
    assert LAST_LINE in article.text


def test_a_run_of_link_lines_ends_at_a_line_of_text() -> None:
    lines = _link_lines(LINE_TITLES[:2]) + (
        '<p>The plan is on <a href="/news/other-story-9">the council\'s website</a> since '
        "Monday.</p>"
        ) + _link_lines(LINE_TITLES[2:]).replace("story-0", "story-8")
    article = _story_over_lines(lines)
    assert LINE_TITLES[2] not in [link.title for link in article.related]
    assert "since Monday." in article.text


def _cards_of_picture_links(titled_link: bool) -> str:
    cards = []
    for i, title in enumerate([*LINE_TITLES[::2], "Ferry timetable changes for the summer"]):
        href = f"/news/card-story-{i}"
        picture = f'<a href="{href}"><img src="/img/card-{i}.jpg" alt=""></a>'
        if titled_link:  # the picture first, then a section's label, the title a link
            cards.append(f'<article><div>{picture}<div><a href="/section/river">River news</a>'
                         f'</div><a href="{href}"><h3><span>{title}</span>'
                         "</h3></a></div></article>")
        else:
            cards.append(f"<article><header><h3>{title}</h3></header>{picture}</article>")
    return "".join(cards)


@pytest.mark.parametrize("titled_link", [False, True])
def test_a_cards_picture_link_is_titled_by_the_cards_heading(titled_link: bool) -> None:
    # The card's only link is its picture; its title an unlinked heading (or, the other
    # way, the title its own link: read from that one).
    cards = _cards_of_picture_links(titled_link)
    article = _extract(f"<div><h2>Weitere Beiträge zum Thema</h2>{cards}</div>")
    assert [link.title for link in article.related] == [
        *LINE_TITLES[::2], "Ferry timetable changes for the summer"]
    assert [link.url.rsplit("/", 1)[1] for link in article.related] == [
        "card-story-0", "card-story-1", "card-story-2"]


def test_a_class_named_inset_with_picture_title_and_excerpt_is_one_story() -> None:
    inset = ('<div class="associated-posts"><div class="associated-post">'
             '<a href="/news/heated-jackets"><img src="/j.jpg" alt="Jacket on a hook"></a>'
             '<h2 class="post-title"><a href="/news/heated-jackets">The eight best heated '
             "jackets</a></h2><p>We tried them on building sites in November.</p></div></div>")
    article = _story_and(inset)
    assert [link.title for link in article.related] == ["The eight best heated jackets"]
    assert "heated jackets" not in article.text


def _story_and(inset: str, after: bool = False) -> newsclean.Article:
    """The story with `inset` set inside its <article>, or `after` it."""
    body = f"<article>{STORY}</article>{inset}" if after else f"<article>{STORY}{inset}</article>"
    return newsclean.extract(f"<html><body>{body}</body></html>", URL, rules=newsclean.RuleSet())


def test_short_titles_under_a_related_heading_count_when_they_lead_to_stories() -> None:
    article = _extract(
        "<div><h3>Mehr zum Thema</h3>" + _cards(2)
        + '<a href="/news/corona-und-asthma">Corona &amp; Asthma</a>'
        '<a href="/about">About us</a></div>')
    urls = {link.url.rsplit("/", 1)[1] for link in article.related}
    assert "corona-und-asthma" in urls
    assert "about" not in urls


def _story_cards(n: int, extra: str = "", stem: str = "council-story") -> str:
    return "".join(
        f'<article class="post"><a href="/2025/11/{stem}-{i}"><img src="/p{i}.jpg" alt=""></a>'
        f'<h3><a href="/2025/11/{stem}-{i}">Council approves budget for river park {i}</a></h3>'
        f"<p>The plan adds benches and lights along the water, officials said.</p>{extra}"
        f'<a href="/2025/11/{stem}-{i}">Read on</a></article>' for i in range(n))


def test_an_unheaded_card_list_after_the_story_is_related() -> None:
    article = _extract(f'<div class="grid">{_story_cards(3)}</div>')
    assert [link.url for link in article.related] == [
        f"https://example.org/2025/11/council-story-{i}" for i in range(3)]
    assert "river park" not in article.text
    assert "Libraries open" not in " ".join(link.title for link in article.related)


def test_card_lists_that_are_the_page_or_not_stories_stay() -> None:
    # No story before it: the list is the page itself (a section front), not related.
    alone = newsclean.extract(f'<html><body><div class="grid">{_story_cards(3)}</div>'
                              "</body></html>", URL, rules=newsclean.RuleSet())
    assert alone.related == []
    # A video playlist, running times shown, and cards of two stories each are no list.
    videos = _extract(f'<div class="video-rail">{_story_cards(3)}</div>')
    assert videos.related == []
    timed = _extract(f'<div class="grid">{_story_cards(3, "<span>04:34</span>")}</div>')
    assert timed.related == []
    two = _extract('<div class="grid">' + _story_cards(3, '<a href="/2025/11/other-story-x">'
                                                         "Another story about the council</a>")
                   + "</div>")
    assert two.related == []


def test_a_heading_alone_in_its_wrapper_names_the_one_card_beside_it() -> None:
    card = ('<div><a href="/news/nicklaus-man-of-great-words"><img src="/n.jpg" alt="">'
            "<p>Birthday</p><h2>Nicklaus, a man of great words</h2></a>"
            "<p>21 January 2022</p></div>")
    article = _extract(f'<aside><div><h3>More on this topic</h3></div>{card}</aside>')
    assert [link.url for link in article.related] == [
        "https://example.org/news/nicklaus-man-of-great-words"]
    # Beside such a heading, a paragraph that holds a link is story text, not a card.
    paragraph = ('<p>The council voted on Tuesday after a long debate, and the mayor said '
                 'the <a href="/news/budget-vote-explained">budget vote explained here</a> '
                 "would shape the next five years of spending on parks and libraries.</p>")
    page = (f"<html><body><article>{STORY}<div><div><h3>More</h3></div>{paragraph}</div>"
            "</article></body></html>")
    kept = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert kept.related == []
    assert "next five years" in kept.text


def test_a_heading_alone_in_its_wrapper_names_the_teaser_card_beside_it() -> None:
    teaser = ("<p>The lock keepers open the old gates for visitors on the first Saturday "
              "of each month, and the tour ends at the pump house.</p>")
    card = ('<div class="shortcode"><article><a href="/news/canal-locks-open-day">'
            '<img src="/l.jpg" alt=""><span>Photo: the lower lock</span></a>'
            '<h2><a href="/news/canal-locks-open-day">Canal locks hold an open day</a></h2>'
            f"{teaser}</article></div>")
    story = "<h1>Libraries open on Sundays</h1>" + "".join(
        f"<p>Library number {n} will open on Sunday mornings from next month, the city "
        "council said on Tuesday after a long vote on the budget.</p>" for n in range(6))
    page = (f"<html><body><article>{story}<div><h3>More for you</h3></div>{card}</article>"
            "</body></html>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert article.text_source == "newsclean"
    assert [link.title for link in article.related] == ["Canal locks hold an open day"]
    assert "lock keepers" not in article.text and "More for you" not in article.text
    # Two paragraphs beside the headline are a section of the story, not a teaser.
    section = ('<div class="shortcode"><article><h2><a href="/news/canal-locks-open-day">'
               f'Canal locks hold an open day</a></h2>{teaser}'
               f'{teaser.replace("lock keepers", "volunteers")}</article></div>')
    page = (f"<html><body><article>{story}<div><h3>More for you</h3></div>{section}"
            "</article></body></html>")
    kept = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert kept.related == [] and "lock keepers" in kept.text


def test_a_related_heading_between_paragraphs_takes_the_list_after_it() -> None:
    links = ('<ul><li><a href="/news/park-benches-arrive">Park benches arrive next week'
             '</a></li><li><a href="/news/river-lights-switched-on">River lights are '
             "switched on</a></li></ul>")
    after = ("<p>The mayor said the libraries would also lend tools and seeds from the "
             "spring, once the new shelving is in place.</p>")
    page = (f"<html><body><article>{STORY}<h3>Read more</h3>{links}{after}</article>"
            "</body></html>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert [link.title for link in article.related] == [
        "Park benches arrive next week", "River lights are switched on"]
    assert "Read more" not in article.text and "River lights" not in article.text
    assert "tools and seeds" in article.text
    # A subheading that only starts like one keeps the paragraph after it.
    prose = ('<p>The council <a href="/news/vote-report">reported on the vote</a> and '
             "said the libraries would also lend tools and seeds from the spring.</p>")
    page = (f"<html><body><article>{STORY}<h3>More books for children</h3>{prose}"
            "</article></body></html>")
    kept = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert kept.related == [] and "tools and seeds" in kept.text


def test_a_heading_naming_similar_or_related_stories_further_in() -> None:
    article = _extract(f"<div><h3>New and exciting similar dishes to try</h3>{_cards(2)}</div>")
    assert len(article.related) == 2
    # "heat-related" names no block.
    story = _extract(f"<div><h3>Heat-related illness on the rise</h3>{_cards(2)}</div>")
    assert story.related == []


def test_a_card_list_may_hold_a_section_link_among_its_stories() -> None:
    cards = _story_cards(3) + (
        '<article class="post"><a href="/features/future-cars"><img src="/f.jpg" alt="">'
        "<h3>Future cars worth waiting for</h3></a></article>")
    article = _extract(f'<div class="grid">{cards}</div>')
    assert len(article.related) == 4
    assert "worth waiting" not in article.text
    sections = "".join(
        f'<article class="post"><a href="/features/section{i}"><img src="/s{i}.jpg" alt="">'
        f"<h3>Our guide to section {i}</h3></a></article>" for i in range(3))
    assert _extract(f'<div class="grid">{_story_cards(1)}{sections}</div>').related == []


def _story_with(box: str) -> newsclean.Article:
    paragraphs = STORY.split("</h1>", 1)[1]
    page = (f"<html><body><article>{STORY}<hr>{box}<hr>{paragraphs}</article></body></html>")
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def test_a_picture_inset_titled_by_a_heading_is_one_related_story() -> None:
    box = ('<div class="row"><div><a href="/review/common-types-of-wine/"><img src="/w.jpg" '
           'alt="wines"></a></div><div><h5>Eight common wines to know</h5><p>Just getting '
           'started? Here are the wines everyone should know.</p><p><a href="/review/'
           'common-types-of-wine/">See list</a></p></div></div>')
    article = _story_with(box)
    assert [(link.url, link.title) for link in article.related] == [
        ("https://example.org/review/common-types-of-wine/", "Eight common wines to know")]
    assert "common wines" not in article.text
    # Without a picture it is a section of the story: a subheading and its paragraph.
    section = ("<div><h3>What the budget pays for this year</h3><p>Benches and lights, as "
               '<a href="/review/budget-lines-explained/">the budget lines</a> show.</p></div>')
    kept = _story_with(section)
    assert kept.related == [] and "Benches and lights" in kept.text


def test_a_long_tracking_link_under_a_related_heading_is_read_without_backtracking() -> None:
    # An advert's address: thousands of characters, dozens of hyphens, no story slug at
    # its end. Under a heading that names a story list, every link is asked whether it
    # goes to a story; the answer must come at once and be no.
    segment = "-".join(["JPFdgOc2pW9TOxFm61ipl6UAAAGcvo"] * 60)
    advert = f'<li><a href="https://ads.example.net/x/c/{segment}/clv1c_ek-wxf">Shop deals</a></li>'
    stories = "".join(f'<li><a href="/news/council-passes-budget-{i}">Council passes the '
                      f"budget for the river park {i}</a></li>" for i in range(3))
    article = _extract(f"<section><h2>More Articles</h2><ul>{stories}{advert}</ul></section>")
    urls = [link.url for link in article.related]
    assert urls == [f"https://example.org/news/council-passes-budget-{i}" for i in range(3)]


def test_a_contents_list_into_the_page_itself_is_not_related() -> None:
    contents = "".join(f'<li><a href="{URL}#part-{i}">Part {i}: how the opening hours '
                       "were chosen</a></li>" for i in range(4))
    article = _extract(f"<aside><h2>Related</h2><ul>{contents}</ul></aside>")
    assert article.related == []
    stories = "".join(f'<li><a href="/news/story-{i}">Council approves new budget for '
                      f"the river park number {i}</a></li>" for i in range(2))
    article = _extract(f"<aside><h2>Related</h2><ul>{contents}{stories}</ul></aside>")
    assert [link.url for link in article.related] == [
        f"https://example.org/news/story-{i}" for i in range(2)]
    tracked = f"<html><body><article>{STORY}</article><aside><h2>Related</h2><ul>{contents}</ul></aside></body></html>"
    assert newsclean.extract(tracked, URL + "?srsltid=AfmBO", rules=newsclean.RuleSet()).related == []


def test_an_item_titled_only_for_screen_readers_takes_its_link_text() -> None:
    items = "".join(f'<li><h3 class="sr-only">Council story {i}</h3><div><a href="/news/'
                    f'popular-{i}">Council approves new budget for the river park number '
                    f"{i}</a></div></li>" for i in range(3))
    article = _extract(f"<div><h2>Most Popular</h2><ul>{items}</ul></div>")
    assert [link.title for link in article.related] == [
        f"Council approves new budget for the river park number {i}" for i in range(3)]


def test_cards_titled_by_a_heading_are_read_through_their_learn_more_links() -> None:
    cards = "".join(f"<li><div><h5>Council approves new budget for the river park {i}</h5>"
                    f"</div><p>What the new budget pays for.</p><div><a href='/news/"
                    f"river-park-budget-{i}'>Learn more</a></div></li>" for i in range(3))
    article = _extract(f"<div><div><h5>Related Content</h5></div><ul>{cards}</ul></div>")
    assert [(link.url, link.title) for link in article.related] == [
        (f"https://example.org/news/river-park-budget-{i}",
         f"Council approves new budget for the river park {i}") for i in range(3)]
    assert "river park 1" not in article.text
    # A "Read more" under the list's own heading goes to the list's page: no card.
    more = "<div><h3>Recent Blog Posts</h3><p><a href='/blog'>Read more</a></p></div>"
    assert _extract(more).related == []


def test_short_titles_set_like_the_headlines_of_a_headed_list_are_items() -> None:
    cards = "".join(f'<div class="item"><h5><a href="/recipes/{slug}">{title}</a></h5></div>'
                    for slug, title in (("lemon-coconut-chicken", "Lemon Coconut Chicken"),
                                        ("yogurt-chicken", "Yogurt Chicken"),
                                        ("chicken-soup-with-lemon", "Chicken Soup with Lemon")))
    article = _extract(f"<div><h3>Similar dishes for you</h3>{cards}"
                       '<p><a href="/shop/gift-cards">Gift cards</a></p></div>')
    assert [link.title for link in article.related] == [
        "Lemon Coconut Chicken", "Yogurt Chicken", "Chicken Soup with Lemon"]


def _column(section: str, n: int) -> str:
    links = "".join(f'<a href="/{section}/story-number-{i}-of-{section}">A long {section} '
                    f"headline number {i}</a>" for i in range(n))
    return f'<div class="col"><a href="/c/{section}/"><h4>{section.title()}</h4></a>{links}</div>'


def test_a_row_of_section_columns_after_the_story_is_related_by_section() -> None:
    article = _extract(f'<section><div class="row">{_column("coaching", 3)}'
                       f"{_column('mindset', 4)}</div></section>")
    assert len(article.related) == 7
    assert {link.block for link in article.related} == {"Coaching", "Mindset"}
    assert "headline number" not in article.text


def test_one_section_column_or_a_footer_row_of_them_is_not_related() -> None:
    assert _extract(f"<section>{_column('coaching', 4)}</section>").related == []
    footer = _extract(f"<footer><div>{_column('coaching', 3)}{_column('mindset', 3)}</div></footer>")
    assert footer.related == []
    few = _extract(f"<section><div>{_column('coaching', 2)}{_column('mindset', 2)}</div></section>")
    assert few.related == []


def test_a_list_opened_by_a_control_naming_it_is_headed_by_it_but_a_more_menu_is_not() -> None:
    links = "".join(f'<li><a href="/news/story-{i}">Council approves new budget for the park '
                    f"number {i}</a></li>" for i in range(3))
    opened = _extract(f'<div><a href="#">Mehr zum Thema</a><ul>{links}</ul></div>')
    assert {link.block for link in opened.related} == {"Mehr zum Thema"}
    assert "Mehr zum Thema" not in opened.text
    more = _extract(f'<div><ul><li><a href="#">More</a><ul>{links}</ul></li></ul></div>')
    assert "More" not in {link.block for link in more.related}


def test_a_headed_column_named_as_a_menu_is_no_related_list() -> None:
    article = _extract(f'<div class="HubMenuWrapper"><h3 class="MenuHeadline">Explore More</h3>'
                       f"{_cards(3)}</div>")
    assert article.related == []


def test_a_shop_list_is_dropped_when_prices_sit_beside_the_item_titles() -> None:
    products = "".join(
        f'<li><h3><a href="/shop/piston-ring-cleaner-size-{i}">Piston ring cleaner in size {i}</a></h3>'
        f'<span class="price">{i},47 €</span>'
        f'<a href="/wishlist/add/{i}">Add to the wishlist</a></li>' for i in range(3))
    article = _extract(f'<div class="box-related"><h3>Related</h3><ul>{products}</ul></div>')
    assert article.related == []


def test_short_titles_in_a_list_named_related_by_its_class_are_items() -> None:
    links = "".join(f'<li><a href="/recipes/{slug}">{title}</a></li>'
                    for slug, title in (("lemon-coconut-chicken", "Lemon Coconut Chicken"),
                                        ("yogurt-chicken", "Yogurt Chicken"),
                                        ("chicken-soup-with-lemon", "Chicken Soup with Lemon")))
    article = _extract(f'<div class="related-recipes"><ul>{links}</ul></div>')
    assert "Yogurt Chicken" in [link.title for link in article.related]


def _labelled_card(label: str) -> newsclean.Article:
    paragraph = STORY.split("</h1>")[1].split("</p>")[0] + "</p>"
    card = (f'<div class="card">{label}<a href="/news/other-story">Council approves new '
            "budget for the river park this spring</a></div>")
    page = (f"<html><body><article><h1>Libraries open on Sundays</h1>{paragraph * 3}{card}"
            f"{paragraph * 2}</article></body></html>")
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def test_a_label_naming_a_card_in_the_story_names_its_related_story() -> None:
    article = _labelled_card("<label>Related</label>")
    assert [link.url for link in article.related] == ["https://example.org/news/other-story"]
    assert "river park" not in article.text


def test_a_form_field_label_is_no_card_label() -> None:
    for label in ('<label for="email">Related</label>',
                  "<label>Related <select><option>1</option></select></label>"):
        assert _labelled_card(label).related == []


def test_a_label_beside_no_link_stays_out_of_the_text() -> None:
    paragraph = STORY.split("</h1>")[1].split("</p>")[0] + "</p>"
    widget = '<div class="toggle"><i class="icon"></i><label>Expand menu</label></div>'
    page = (f"<html><body>{widget}<article><h1>Libraries open on Sundays</h1>"
            f"{paragraph * 4}</article></body></html>")
    assert "Expand menu" not in newsclean.extract(page, URL, rules=newsclean.RuleSet()).text


def test_a_wrapped_label_names_a_card_whose_title_opens_its_own_wrapper() -> None:
    # "<span><label>Related</label></span><div><h5><a>…</a></h5><p>teaser</p></div>"
    paragraphs = [f"<p>Library number {i} will open on Sunday mornings from next month, the "
                  "city council said on Tuesday after a long vote.</p>" for i in range(5)]
    card = ('<div class="card"><span class="card-label"><label>Related</label></span>'
            '<div class="card-content"><h5><a href="/news/other-story">Council approves new '
            "budget for the river park this spring</a></h5>"
            "<p>The plan adds benches and lights.</p></div></div>")
    page = ("<html><body><article><h1>Libraries open on Sundays</h1>"
            f"{''.join(paragraphs[:3])}{card}{''.join(paragraphs[3:])}</article></body></html>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert [link.url for link in article.related] == ["https://example.org/news/other-story"]
    assert "river park" not in article.text
    assert "benches" not in article.text
    assert len(article.paragraphs) == len(paragraphs)


def _carousel_page(head: str) -> str:
    """A short story followed, in its own container, by four rows of three cards: more
    of the page's text than the story's."""
    story = "".join(f"<p>The council voted on Tuesday to close bridge number {i} to cars for "
                    "the summer, after engineers found cracks in two of its piers.</p>"
                    for i in range(4))
    rows = "".join(
        '<div class="row">' + "".join(
            f'<div class="card"><a href="/news/2024/05/story-{r}-{i}"><img src="/p{r}{i}.jpg">'
            f'</a><h3><a href="/news/2024/05/story-{r}-{i}">Ferry service number {r}{i} starts '
            "across the river</a></h3></div>" for i in range(3)) + "</div>"
        for r in range(4))
    return (f"<html><head>{head}</head><body><article><h1>Bridge closed for the summer</h1>"
            f'{story}<div class="more">{rows}</div></article></body></html>')


def test_a_dated_story_may_carry_a_carousel_longer_than_itself() -> None:
    url = "https://news.example.com/news/2024/05/bridge-closed"
    dated = newsclean.extract(_carousel_page(
        '<meta property="article:published_time" content="2024-05-02T10:00:00Z">'),
        url, rules=newsclean.RuleSet())
    assert len(dated.related) == 12
    assert "Ferry service" not in dated.text
    assert len(dated.paragraphs) == 4
    # Undated, so many cards beside so little text may be a section front's: left alone.
    undated = newsclean.extract(_carousel_page(""), url, rules=newsclean.RuleSet())
    assert "Ferry service" in undated.text


def test_a_card_is_titled_by_the_heading_holding_its_link_not_its_section_heading() -> None:
    # "<h5>Daily</h5><h3><a>headline</a></h3>": the first heading names the section
    section = '<h5 class="categories"><a href="/category/daily/">Daily</a></h5>'
    teaser = "The ferry will run every hour."
    story = "".join(f"<p>The council voted on Tuesday to close bridge number {i} to cars for "
                    "the summer, after engineers found cracks in two of its piers.</p>"
                    for i in range(5))
    cards = "".join(
        f'<div class="post"><a href="/news/2024/05/story-{i}"><img src="/p{i}.jpg"></a>'
        f'<div class="copy">{section}<h3 class="title"><a href="/news/2024/05/story-{i}">'
        f"Ferry service number {i} starts across the river</a></h3><p>{teaser}</p></div></div>"
        for i in range(3))
    page = ("<html><body><article><h1>Bridge closed for the summer</h1>"
            f'{story}<div class="list">{cards}</div></article></body></html>')
    article = newsclean.extract(page, "https://news.example.com/news/2024/05/bridge-closed",
                                rules=newsclean.RuleSet())
    assert len(article.related) == 3
    assert "Ferry service" not in article.text
    assert len(article.paragraphs) == 5


@pytest.mark.parametrize(("kicker", "section"), [
    # a kicker's label and date read as one block: the date is the item's
    ('<span class="eyebrow-left">Harbour</span> <span class="eyebrow-right">Dec 19, 2025</span>',
     "Harbour"),
    ('<span class="eyebrow-left"></span> <span class="eyebrow-right">Dec 19, 2025</span>', None),
])
def test_a_date_ending_a_cards_kicker_is_its_date_not_its_section(
        kicker: str, section: str | None) -> None:
    story = "".join(f"<p>The council voted on Tuesday to close bridge number {i} to cars for "
                    "the summer, after engineers found cracks in two of its piers.</p>"
                    for i in range(5))
    cards = "".join(
        f'<li><a href="/news/story-{i}"><div class="eyebrow">{kicker}</div><h4>Ferry service '
        f"number {i} starts across the river</h4></a></li>" for i in range(3))
    page = ("<html><body><article><h1>Bridge closed for the summer</h1>"
            f'{story}<h2>Related stories</h2><ul class="related">{cards}</ul></article></body></html>')
    article = newsclean.extract(page, "https://news.example.com/news/bridge-closed",
                                rules=newsclean.RuleSet())
    assert [(link.section, link.published) for link in article.related] == [
        (section, datetime(2025, 12, 19))] * 3


STORY_HEAD = '<head><meta property="og:type" content="article"></head>'
LATER = ("<p>The council will review the opening hours again next spring, after a survey of "
         "readers in every district of the city.</p>")


def _story_page(inner: str) -> newsclean.Article:
    page = f"<html>{STORY_HEAD}<body><article>{inner}</article></body></html>"
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def test_a_pair_of_story_cards_between_paragraphs_is_related() -> None:
    # Each card an <article> of its own: the climb from the link stops there.
    cards = "".join(
        f'<article><a href="/article/1003{i}"><div><img src="/p{i}.jpg" alt=""></div><div>'
        f"<h3>Rents in the river district rise again, part {i}</h3><p>Tenants say the "
        "new rules came too late.</p></div></a></article>" for i in range(2))
    article = _story_page(f"{STORY}<div class='flex'>{cards}</div>{LATER}")
    assert [link.url for link in article.related] == [
        f"https://example.org/article/1003{i}" for i in range(2)]
    assert "river district" not in article.text
    assert "opening hours" in article.text


def test_a_links_grid_between_wrapped_paragraphs_is_related() -> None:
    # Paragraphs each in wrappers of their own; the stories' addresses are opaque ids,
    # on a sister site's host; the titles are headings in the links.
    def wrapped(text: str) -> str:
        return f"<div class='text-block'><div><div><p>{text}</p></div></div></div>"
    cards = "".join(
        f'<div class="card"><div><a href="https://news.example.net/articles/c0{i}x7zq">'
        f"<div><h2>Ministers meet union leaders over strike number {i}</h2></div></a></div>"
        "</div>" for i in range(3))
    body = (wrapped("Neighbourhood libraries will open on Sunday mornings from next month, "
                    "the city council said on Tuesday after a vote.") * 4
            + f"<div class='links-block'><div class='links-grid'>{cards}</div></div>"
            + wrapped("The vote passed with a large majority of the council, which met in "
                      "the town hall on Tuesday evening."))
    article = _story_page(f"<h1>Libraries open on Sundays</h1>{body}")
    assert len(article.related) == 3
    assert "union leaders" not in article.text
    assert "town hall" in article.text


def test_a_bare_card_title_over_its_wrapped_teaser_is_no_inset() -> None:
    # A feature card: its link's heading over a description in a wrapper of its own.
    card = ('<div class="card"><div class="card-text"><a href="/products/customer-agent-tool">'
            "<h3>Customer agent tool</h3></a><div class='rich'><p>Drive engagement with an "
            "agent that answers visitors and guides them to the right resources.</p></div>"
            "</div></div>")
    article = _story_page(f"{STORY}{card}{LATER}")
    assert article.related == []
    assert "Customer agent tool" in article.text


def test_the_writers_card_beside_the_bio_is_no_related_inset() -> None:
    card = ('<div class="profile"><div><a rel="author" href="/Ines-Arndt/!a132/"><h4>Ines '
            "Arndt, economy desk</h4><img src='/a.jpg' alt=''></a></div></div>"
            "<div><p>Writes for the paper since 2008 on energy, climate and the question of "
            "whether markets can be green.</p></div>")
    article = _story_page(f"{STORY}{card}{LATER}")
    assert article.related == []


def test_the_walk_has_a_role_for_every_tag_it_weighs_and_no_other() -> None:
    # find_blocks walks the tags of WALK_ROLES: a tag added to one of the tag sets but
    # not given a role would go unseen.
    from newsclean.extract.patterns import (
        CARD_LIST_TAGS,
        HEADING_TAGS,
        LIST_TAGS,
        NAMED_HEADING_TAGS,
        PAGE_MENU_TAGS,
    )
    from newsclean.extract.related import WALK_ROLES
    assert set(WALK_ROLES) == (HEADING_TAGS | PAGE_MENU_TAGS | NAMED_HEADING_TAGS | LIST_TAGS
                               | CARD_LIST_TAGS | {"p", "blockquote"})


def test_a_column_headed_by_a_story_link_is_no_section_whatever_was_judged_before() -> None:
    story = "".join(f"<p>Paragraph {i} of the story tells what the council decided on Monday "
                    "and why it matters to the town.</p>" for i in range(6))
    columns = "".join(
        f'<div><h3><a href="/news/2024/the-linked-story-{n}">The linked story number {n} has '
        f"a long title</a></h3>" + "".join(
            f'<p><a href="/news/2024/other-story-{n}-{i}">Other story {i} with a long enough '
            f"headline</a></p>" for i in range(3)) + "</div>" for n in range(2))
    body = etree.fromstring(f"<html><body>{story}<section><div>{columns}</div></section>"
                            "</body></html>", etree.HTMLParser()).find("body")
    assert body is not None
    headings = list(body.iter("h3"))
    judged: dict[etree._Element, bool] = {}
    for heading in headings:
        assert known_headline(next(heading.iter("a")), judged, DEFAULT_SETTINGS)
    # The heading's link reads as a story's title: its column is no section's, whether
    # an earlier search happened to judge that link or not.
    for known in ({}, judged):
        assert section_groups(headings, known, "news.example", body, DEFAULT_SETTINGS) == []


def test_a_column_past_the_section_text_bound_is_no_sections() -> None:
    # Each heading's column is read link by link; where wrappers are left open each holds
    # the rest of the page, so a column holding more text than any real section's is
    # passed by unread (the same row, its columns short, is a row of sections).
    from newsclean.extract.related_groups import MAX_SECTION_COLUMN_TEXT
    story = "".join(f"<p>Paragraph {i} of the story tells what the council decided on Monday "
                    "and why it matters to the town.</p>" for i in range(6))

    def row(items: int) -> list[tuple[str, str]]:
        body = etree.fromstring(f"<html><body>{story}<section>" + "".join(
            f'<div><h3><a href="/{name}/">{name.title()}</a></h3>' + "".join(
                f'<p><a href="/{name}/2024/story-{i}">The {name} story number {i} has a long '
                f"enough headline</a></p>" for i in range(items if name == "sport" else 3))
            + "</div>" for name in ("sport", "business")) + "</section></body></html>",
            etree.HTMLParser()).find("body")
        assert body is not None
        found = section_groups(list(body.iter("h3")), {}, "news.example", body,
                               DEFAULT_SETTINGS)
        return [(name, column.tag) for column, _, name in found]

    assert row(3) == [("Sport", "div"), ("Business", "div")]
    assert row(MAX_SECTION_COLUMN_TEXT // 50) == []


def test_a_card_title_set_in_its_link_is_no_name_of_the_block() -> None:
    # The first heading of a block named "related" is its name unless it is a card's own
    # title; set inside the card's link, it was taken for the name and its card was lost.
    tiles = "".join(f'<div class="tile"><a href="/news/story-{i}"><h4>Council approves new '
                    f"budget for the river park number {i}</h4></a></div>" for i in range(3))
    article = _extract(f'<div class="related-grid">{tiles}</div>')
    assert [link.url for link in article.related] == [
        f"https://example.org/news/story-{i}" for i in range(3)]
    assert {link.block for link in article.related} == {"Related"}


def test_a_related_line_set_in_an_aside_between_paragraphs() -> None:
    aside = ('<aside><b>Related:</b> <a href="/news/2024/park-budget">Council approves new '
             "budget for the river park</a></aside>")
    paragraph = ("<p>Neighbourhood libraries will open on Sunday mornings from next month, "
                 "the city council said on Tuesday after a vote.</p>")
    page = (f"<html><body><article><h1>Libraries open on Sundays</h1>{paragraph * 2}{aside}"
            f"{paragraph.replace('libraries', 'reading rooms') * 2}</article></body></html>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert [(link.url, link.title) for link in article.related] == [
        ("https://example.org/news/2024/park-budget",
         "Council approves new budget for the river park")]
    assert "river park" not in article.text
    # An aside of several links is a list, read as a block or not at all.
    topics = ('<aside><b>Related:</b> <a href="/topic/parks">Parks</a>, '
              '<a href="/topic/libraries">Libraries</a></aside>')
    assert newsclean.extract(page.replace(aside, topics), URL,
                             rules=newsclean.RuleSet()).related == []


def _titles(items: str) -> list[str]:
    return [link.title for link in _extract(f"<aside><h2>Related Posts</h2>{items}</aside>").related]


def test_a_card_link_names_its_title_element_by_aria_labelledby() -> None:
    # The link wraps a kicker, the title, the writer and a teaser, with no space between.
    cards = "".join(
        f'<div class="card"><a href="/news/park-{i}" aria-labelledby="t{i}"><span>EDITOR PICK'
        f'</span><span id="t{i}">River park number {i} opens its gates</span><span>Jo Park'
        f"</span><span>Families came early to see the new playground.</span></a></div>"
        for i in range(3))
    assert _titles(cards) == [f"River park number {i} opens its gates" for i in range(3)]


def test_titles_lose_the_arrows_set_beside_them_and_are_read_in_full_when_cut_short() -> None:
    arrows = "".join(f'<div class="card"><a href="/news/park-{i}">River park number {i} opens '
                     f"its gates &raquo;</a></div>" for i in range(3))
    assert _titles(arrows) == [f"River park number {i} opens its gates" for i in range(3)]
    quoted = "".join(f'<div class="card"><a href="/news/park-{i}">« River park number {i} '
                     f"opens its gates »</a></div>" for i in range(3))
    assert _titles(quoted) == [f"« River park number {i} opens its gates »" for i in range(3)]
    cut = "".join(f'<div class="card"><a href="/news/park-{i}"><img src="/p{i}.jpg" '
                  f'title="River park number {i} opens its gates to families">River park '
                  f"number {i} opens its…</a></div>" for i in range(3))
    assert _titles(cut) == [f"River park number {i} opens its gates to families"
                            for i in range(3)]


def test_a_cards_share_buttons_are_not_related_stories() -> None:
    cards = "".join(
        f'<div class="card"><a href="/news/park-{i}">River park number {i} opens its gates</a>'
        f'<a href="/news/park-{i}/?share=facebook">Click to share on Facebook (Opens in new '
        f"window)</a></div>" for i in range(3))
    assert [link.url for link in _extract(f"<aside><h2>Related Posts</h2>{cards}</aside>").related
            ] == [f"https://example.org/news/park-{i}" for i in range(3)]


def test_a_title_wrapper_holding_a_kicker_gives_its_inner_title() -> None:
    cards = "".join(
        f'<div class="card"><a href="/news/park-{i}"><div class="card-heading"><div '
        f'class="card-kicker">Parks</div><div class="card-title">River park number {i} opens '
        f"its gates</div></div></a></div>" for i in range(3))
    assert _titles(cards) == [f"River park number {i} opens its gates" for i in range(3)]


def _card_links(inner: str) -> str:
    """Three card links wrapping `inner` (with {i} for the card's number) and nothing else."""
    return "".join(f'<div class="card"><a href="/news/park-{i}">{inner.format(i=i)}</a></div>'
                   for i in range(3))


PARK_TITLES = [f"River park number {i} opens its gates" for i in range(3)]
TEASER = "Families came early to see the new playground by the water."


@pytest.mark.parametrize("inner", [
    # Kicker, title and teaser as blocks with no space between, and no name for any.
    f"<div>Parks</div><p>River park number {{i}} opens its gates</p><p>{TEASER}</p>",
    # A longer kicker over a headline.
    "<div>Town planning</div><div>River park number {i} opens its gates</div>",
    # A label in capitals, a meta line after the title.
    "<div>SPONSORED CONTENT</div><div>River park number {i} opens its gates</div>"
    "<div>2 hours ago</div>",
    # A title in a block named for text of any kind, under a short label.
    '<div>Sponsored</div><p class="card-text">River park number {i} opens its gates</p>',
    # A block styled as a heading by its class, wherever it stands.
    f'<p>{TEASER}</p><p class="h5">River park number {{i}} opens its gates</p>',
], ids=["kicker", "long-kicker", "capitals-label", "text-named", "heading-class"])
def test_a_link_wrapping_a_whole_card_gives_the_block_of_its_title(inner: str) -> None:
    assert _titles(_card_links(inner)) == PARK_TITLES


def test_the_block_after_a_whole_card_links_title_is_its_teaser() -> None:
    cards = _card_links(f"<div>Parks</div><p>River park number {{i}} opens its gates</p>"
                        f"<p>{TEASER}</p>")
    related = _extract(f"<aside><h2>Related Posts</h2>{cards}</aside>").related
    assert [(link.title, link.teaser) for link in related] == [
        (title, TEASER) for title in PARK_TITLES]


def test_a_short_title_over_a_teaser_stays_the_title() -> None:
    cards = _card_links("<p>Park security</p><p>Read how the rangers keep the river park safe "
                        "for the families who visit it at night.</p>")
    assert _titles(cards) == ["Park security"] * 3


def test_a_card_named_for_its_title_and_teaser_is_not_its_own_title() -> None:
    # "card-title-teaser" names the kind of card; its link holds the title, a dated line
    # names its section and writer, and the paragraph is its teaser.
    cards = "".join(
        f'<article class="card-title-teaser"><div><a href="/news/park-{i}">River park number '
        f'{i} opens its gates</a></div><div><time datetime="2025-12-19">12/19/2025</time> • '
        'Parks and gardens desk • <a href="/profile/jo-roe">Jo Roe</a></div><p>Families '
        "came early to see the new playground by the water.</p></article>" for i in range(3))
    related = _extract(f"<aside><h2>Related Posts</h2>{cards}</aside>").related
    assert [link.title for link in related] == [
        f"River park number {i} opens its gates" for i in range(3)]
    assert [link.teaser for link in related] == [
        "Families came early to see the new playground by the water."] * 3


def test_of_a_cards_headings_the_title_is_the_highest_in_its_link_and_links_the_story() -> None:
    titles = [f"River park number {i} opens its gates" for i in range(3)]
    # A kicker set in a smaller heading above the title, both in the link.
    ranked = _card_links("<h5>News from the city</h5><h4>River park number {i} opens its gates"
                         "</h4>")
    assert _titles(ranked) == titles
    # A kicker heading linking its section's page, beside the story's own link.
    section = "".join(
        f'<div class="card"><a href="/topics/parks"><h5>Parks</h5></a><a href="/news/park-{i}">'
        f"<h2>River park number {i} opens its gates</h2></a></div>" for i in range(3))
    assert _titles(section) == titles
    # A section name in a larger heading after the card's title heading stays no title.
    after = "".join(
        f'<div class="card"><h3><a href="/news/park-{i}">River park number {i} opens its '
        f'gates</a></h3><h2 class="unibrow">Parks</h2></div>' for i in range(3))
    assert _titles(after) == titles


def _picture_cards(alt: str, title: str) -> str:
    """Three cards whose picture link (alt text `alt`) comes first and whose titled link
    (`title`) to the same story sits after a section's link; {i}: the card's number."""
    return "".join(
        f'<div class="card"><div class="media"><a href="/news/park-{i}"><img src="/p{i}.jpg" '
        f'alt="{alt.format(i=i)}"></a></div><div class="content"><a href="/topics/city-parks-'
        f'and-gardens">City parks and gardens</a><h2><a href="/news/park-{i}">'
        f"{title.format(i=i)}</a></h2></div></div>" for i in range(3))


def test_a_cards_picture_link_first_gives_way_to_its_titled_link() -> None:
    # The picture link is read by its picture's text; the titled link gives the title.
    cards = _picture_cards("Article thumbnail image", "River park number {i} opens its gates")
    assert _titles(cards) == PARK_TITLES
    # A titled link that holds the picture's text with a label added keeps the picture's.
    labelled = _picture_cards("River park number {i} opens",
                              "Article 'River park number {i} opens'")
    assert _titles(labelled) == [f"River park number {i} opens" for i in range(3)]


def test_an_embedded_post_card_is_titled_by_its_title_not_its_publications_name() -> None:
    # The card names its publication ("…-publication-name") above its title, and a heading
    # linking the site's home page sits in the same wrapper.
    cards = "".join(
        f'<div class="embed"><h1><a href="/">The Parks Letter</a></h1><a class="embedded-post" '
        f'href="/news/park-{i}"><span class="embedded-post-publication-name">The Parks Letter'
        f'</span><div class="embedded-post-title">River park number {i} opens its gates</div>'
        "</a></div>" for i in range(3))
    assert _titles(cards) == [f"River park number {i} opens its gates" for i in range(3)]


def test_a_heading_only_screen_readers_get_does_not_title_a_card() -> None:
    cards = _card_links('<span>News</span><h3 class="sr-only">Publish date</h3><time '
                        'datetime="2025-06-24">24 Jun 2025</time><h3>River park number {i} '
                        f"opens its gates</h3><div>{TEASER}</div>")
    assert _titles(cards) == PARK_TITLES


@pytest.mark.parametrize("date", [
    '<span class="news-time">14.10.2021 - 11:49</span>',
    '<time datetime="2025-06-24">24 Jun</time>',
    "<span>June 24, 2025</span>",
    # A reading time beside its icon.
    '<span class="reading-time"><i class="icon"></i>5 min read</span>',
    # A byline.
    "<span>Von Ines Roe, Washington</span>",
    # A call to read on, set inside the link.
    '<span class="read-more" aria-hidden="true">Read more</span>',
    "<span>Weiterlesen</span>",
])
def test_a_date_set_inside_a_cards_title_is_not_part_of_it(date: str) -> None:
    cards = _card_links(f'<strong class="news-headline">River park number {{i}} opens its gates'
                        f"{date}</strong>")
    assert _titles(cards) == PARK_TITLES


def _three(template: str) -> str:
    """Three cards from `template`, {i} standing for each one's number."""
    return "".join(template.format(i=i) for i in range(3))


def test_a_heading_holding_a_date_alone_leaves_the_link_to_title_the_card() -> None:
    cards = _three('<div class="card"><h3><time datetime="2025-06-24">24 Jun 2025</time></h3>'
                   '<a href="/news/park-{i}">River park number {i} opens its gates</a></div>')
    assert _titles(cards) == PARK_TITLES


def test_a_heading_named_a_category_gives_way_to_the_element_named_the_title() -> None:
    cards = _card_links('<div class="card-info"><h4 class="card-category">Parks</h4>'
                        '<p class="card-title">River park number {i} opens its gates</p>'
                        '<span class="card-date">Aug 01, 2024</span></div>')
    links = _extract(f"<aside><h2>Related Posts</h2>{cards}</aside>").related
    assert [link.title for link in links] == PARK_TITLES
    assert [link.section for link in links] == ["Parks"] * 3
    # A heading named a category that is the card's only title stays its title.
    alone = _card_links('<h4 class="card-category">River park number {i} opens its gates</h4>'
                        f"<p>{TEASER}</p>")
    assert _titles(alone) == PARK_TITLES


@pytest.mark.parametrize(("kicker", "title_class"), [
    ('<span class="ctaText">See also</span>&nbsp; ', "postTitle"),
    ('<span class="obelinks">Town | Parks</span> ', "middleTitle"),
    ('<span class="kicker">Town planning</span> ', "card cardTitle"),
])
def test_a_class_naming_a_title_in_camel_case_titles_the_card(kicker: str,
                                                               title_class: str) -> None:
    # The kicker and the title on one line, inside the link: only the class tells them.
    cards = _card_links(f'<div>{kicker}<span class="{title_class}">River park number {{i}} '
                        "opens its gates</span></div>")
    assert _titles(cards) == PARK_TITLES


def test_a_heading_holding_a_kicker_and_a_named_title_is_read_by_the_title() -> None:
    cards = _card_links('<h3><span class="teaser-titleheader">Town planning news</span>'
                        '<span class="teaser-title">River park number {i} opens its gates</span></h3>')
    assert _titles(cards) == PARK_TITLES


@pytest.mark.parametrize("prefix", [
    # A label the class names a title's prefix: too short for a headline.
    '<span class="article-title__prefix">Opinion. </span>',
    # A kicker, whatever else its class says.
    '<span class="title-kicker">Town planning news </span>',
])
def test_a_label_named_inside_a_heading_does_not_title_the_card(prefix: str) -> None:
    cards = _card_links(f"<h3>{prefix}River park number {{i}} opens its gates</h3>")
    label = collapse(prefix.split(">")[1].split("<")[0])
    assert _titles(cards) == [f"{label} {title}" for title in PARK_TITLES]


def test_a_link_whose_title_attribute_is_its_whole_text_is_titled_whole() -> None:
    # The markup names the intro a headline's part; the site's own title says it is all one.
    cards = _three(
        '<div class="item"><a href="/news/park-{i}" title="Town planning: River park number {i} '
        'opens its gates"><span class="asset-headline-intro">Town planning:</span><span '
        'class="asset-headline"> River park number {i} opens its gates</span></a></div>')
    assert _titles(cards) == [f"Town planning: {title}" for title in PARK_TITLES]


def test_a_kicker_in_a_smaller_heading_above_the_title_does_not_title_the_card() -> None:
    cards = _three(
        '<div class="teaser"><h3><span>Archive</span></h3><h2><span>River park number {i} opens '
        f'its gates</span></h2><p>{TEASER}</p><a href="/news/park-{{i}}"><span class="invisible">'
        "River park number {i} opens its gates</span></a></div>")
    assert _titles(cards) == PARK_TITLES


def test_a_writers_name_does_not_title_a_card_whose_title_is_unnamed() -> None:
    # The picture link comes first; the story's titled link and the writer's name follow,
    # the name's class the only one naming anything.
    cards = _three(
        '<div class="related-item"><a href="/news/park-{i}"><img src="/p{i}.jpg" alt="Article '
        'image"></a><a href="/news/park-{i}" class="lego">River park number {i} opens its gates'
        '</a><div class="author-name"><a href="/users/jo-park">Jo Park</a></div></div>')
    assert _titles(cards) == PARK_TITLES


def _headed_cards(title: str, beside: str) -> list[tuple[str, str | None]]:
    """(title, teaser) of three cards whose heading links `title` with `beside` after it."""
    cards = _three(f'<div class="card"><h3><a href="/news/park-{{i}}">{title}</a></h3>{beside}'
                   "</div>")
    return [(link.title, link.teaser)
            for link in _extract(f"<aside><h2>Related Posts</h2>{cards}</aside>").related]


@pytest.mark.parametrize("beside", [
    # The card read whole: its title and its reading time.
    "<div>River park number {i} opens its gates Read Post 22 min read</div>",
    # A link's words for screen readers.
    '<a href="/news/park-{i}">Read more<span class="hidden"> about River park number {i} opens '
    "its gates</span></a>",
    # A script's data set out as text.
    "<p>https://example.org/uploads/park-{i}.jpg 1707 2560 Jo Park https://example.org/logo.png</p>",
])
def test_a_copy_of_the_title_or_a_call_to_read_on_is_no_teaser(beside: str) -> None:
    read = _headed_cards("River park number {i} opens its gates", beside)
    assert read == [(title, None) for title in PARK_TITLES]


def test_a_teaser_naming_the_title_further_in_stays_whole() -> None:
    teaser = ("Families came early to see how river park number {i} opens its gates, and stayed "
              "for the music.")
    read = _headed_cards("river park number {i} opens its gates", f"<p>{teaser}</p>")
    assert [teaser for _, teaser in read] == [teaser.format(i=i) for i in range(3)]


def test_a_copy_of_a_long_title_cut_short_is_no_teaser() -> None:
    title = "River park number {i} opens its gates to families after four years of works"
    read = _headed_cards(title, f"<p>{title[:50]}...</p>")
    assert read == [(title.format(i=i), None) for i in range(3)]


def test_the_heading_naming_a_one_story_inset_does_not_title_its_story() -> None:
    inset = ('<section class="article related"><div><a href="javascript:history.go(-1);">Back '
             "to the overview</a><h2>Das könnte Dich auch interessieren:</h2><article><a "
             'href="/de/heated-jackets--580"><img src="/j.jpg" alt="Jackets"><div class="bar">'
             '<div class="left">Outdoor | Tests</div><div class="middle-title">The eight best '
             'heated jackets</div><div class="under">01 | 05 | 2020</div></div></a></article>'
             "</div></section>")
    titles = [link.title for link in _story_and(inset, after=True).related]
    assert titles == ["The eight best heated jackets"]


@pytest.mark.parametrize("folder", ["autores", "autori", "auteurs", "profile"])
def test_a_writers_page_in_a_list_of_stories_is_no_related_story(folder: str) -> None:
    stories = _three('<li><a href="/news/park-{i}">River park number {i} opens its gates</a></li>')
    writer = f'<li><a href="/{folder}/ana-lima-roe/">Ana Lima Roe de la Fuente</a></li>'
    urls = [link.url for link in _extract(f"<aside><h2>Related Posts</h2><ul>{stories}{writer}"
                                          "</ul></aside>").related]
    assert urls == [f"https://example.org/news/park-{i}" for i in range(3)]


def test_a_sections_link_named_a_headline_does_not_title_the_story_beside_it() -> None:
    items = _three('<li><div class="headline-container"><a href="/news/parks"><p class="headline">'
                   'Parks</p></a></div><a href="/news/park-{i}"><p class="title">River park number '
                   "{i} opens its gates</p></a></li>")
    assert _titles(f"<ul>{items}</ul>") == PARK_TITLES


EXCERPT = ("The harbour board met on Thursday to weigh the cost of new ferry berths, and the "
           "members asked the city for a survey of the pier before any vote. Residents spoke "
           "for an hour about noise, parking and the opening times of the ticket office, and "
           "the chair promised a second meeting in spring. The board's report, due in March, "
           "will set out three options and their costs for the council to choose from before")


def _post_cards(n: int) -> str:
    return "".join(
        f'<article class="post"><h3 class="post-title"><a href="/blog/harbour-board-story-{i}">'
        f"Harbour board weighs the cost of new ferry berths {i}</a></h3><div class='date'>"
        f"March {i + 1}, 2025</div><div class='excerpt'><p>{EXCERPT} {i}.</p></div>"
        f'<a class="more" href="/blog/harbour-board-story-{i}">Read More</a></article>'
        for i in range(n))


def _long_story_and(after: str) -> newsclean.Article:
    paragraphs = "".join(f"<p>Neighbourhood libraries will open on Sunday mornings from next "
                         f"month, the council said in its vote number {i} on Tuesday, after "
                         f"a year of requests from parents and students.</p>" for i in range(12))
    page = (f"<html><body><article><h1>Libraries open on Sundays</h1>{paragraphs}</article>"
            f"{after}</body></html>")
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def test_a_named_list_of_cards_with_long_excerpts_is_related() -> None:
    # A blog theme's "Latest News" widget: each card's excerpt runs to 55 words, longer
    # than a list's teaser, and a sign-up form sits in the same column.
    form = ("<div class='signup'><p>Get our newsletter</p><form><input name='email'>"
            "<button>Subscribe</button></form></div>")
    column = (f"<div class='col'><div class='widget'><h2>Latest News</h2></div>"
              f"<div class='widget'><div class='posts'>{_post_cards(4)}</div></div>{form}</div>")
    article = _long_story_and(column)
    assert [link.url for link in article.related] == [
        f"https://example.org/blog/harbour-board-story-{i}" for i in range(4)]
    assert {link.block for link in article.related} == {"Latest News"}
    assert all(link.teaser and link.teaser.startswith("The harbour board met") for link in article.related)
    assert "harbour board met" not in article.text


def test_a_named_block_mostly_of_plain_text_is_no_list_of_cards() -> None:
    # The control: the same cards beside more plain text than they hold are part of a
    # region, not the named list.
    prose = "".join(f"<p>{EXCERPT} again {i}.</p>" for i in range(8))
    region = (f"<div class='col'><div class='widget'><h2>Latest News</h2></div>{prose}"
              f"<div class='posts'>{_post_cards(3)}</div></div>")
    article = _long_story_and(region)
    assert "Latest News" not in {link.block for link in article.related}


def test_a_long_excerpt_set_inside_its_cards_link_is_the_cards_teaser() -> None:
    # Each card is one link holding its title and excerpt; one excerpt runs past the
    # length of a list's teaser and of a card's, yet it is linked text, not story text.
    excerpts = ["What the new budget pays for.", " ".join([EXCERPT] * 3), "Who voted for it."]
    cards = "".join(f"<li><a href='/news/river-park-budget-{i}'><h3>Council approves new "
                    f"budget for the river park {i}</h3><p>{excerpt}</p><p>Read More...</p>"
                    f"</a></li>" for i, excerpt in enumerate(excerpts))
    article = _long_story_and(f"<div class='related'><h2>More Articles</h2><ul>{cards}</ul></div>")
    assert [(link.url, link.title) for link in article.related] == [
        (f"https://example.org/news/river-park-budget-{i}",
         f"Council approves new budget for the river park {i}") for i in range(3)]
    assert "Who voted for it" not in article.text


def test_cards_read_through_an_explore_button_are_titled_by_their_heading() -> None:
    cards = "".join(f"<div class='item'><img src='/img/berth-{i}.webp' alt=''><h3>Council "
                    f"approves new budget for the river park {i}</h3><p>What the new budget "
                    f"pays for.</p><div class='button'><a href='/news/river-park-budget-{i}'>"
                    "Explore <i class='icon'></i></a></div></div>" for i in range(3))
    article = _extract(f"<section><div><h2>Recent Blogs</h2></div><div>{cards}</div></section>")
    assert [(link.url, link.title) for link in article.related] == [
        (f"https://example.org/news/river-park-budget-{i}",
         f"Council approves new budget for the river park {i}") for i in range(3)]


def test_a_cards_title_is_the_part_of_its_link_its_pictures_alt_text_names() -> None:
    # The whole card is one link: picture, title and teaser in spans run together.
    cards = "".join(
        f'<a href="/news/river-park-budget-{i}"><div><img data-src="/img/p{i}.jpg" '
        f'alt="River park budget {i}"></div><div><span class="font-bold">River park budget '
        f'{i}</span> <span class="line-clamp">Will the new budget pay for the bridge and the '
        f"boat house this year?...</span></div></a>" for i in range(3))
    article = _extract(f"<div><span>Popular Now</span></div><div>{cards}</div>".join(
        ["<div class='box'>", "</div>"]))
    assert [link.title for link in article.related] == [
        f"River park budget {i}" for i in range(3)]
    assert all(link.teaser and link.teaser.startswith("Will the new budget")
               for link in article.related)
