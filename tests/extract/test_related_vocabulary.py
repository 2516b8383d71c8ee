"""Related blocks and "see also" lines worded in more ways: other languages, typographic
apostrophes, headings that name stories by a word of recency or popularity, and headings
that only end in a word for stories (which must then head a list of stories)."""

from __future__ import annotations

import pytest

import newsclean

STORY = ("<h1>Libraries open on Sundays</h1>"
         + "<p>Neighbourhood libraries will open on Sunday mornings from next month, "
           "the city council said on Tuesday after a vote.</p>" * 5)
URL = "https://example.org/news/libraries-open-on-sundays"


def _extract(inside: str, after: str = "") -> newsclean.Article:
    """The block set inside the story's <article>, after its paragraphs (where an
    unrecognised block is read as story text), or after the article."""
    page = f"<html><body><article>{STORY}{inside}</article>{after}</body></html>"
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def _items(n: int, stem: str = "story") -> str:
    return "".join(f'<li><a href="/news/2025/11/{stem}-council-budget-{i}">Council approves '
                   f"new budget for the river park number {i}</a> <span>Nov {i + 1}</span></li>"
                   for i in range(n))


@pytest.mark.parametrize("heading", [
    "Zobacz również", "Das wird dir auch gefallen", "Editors’ Picks", "Don’t Miss",
    "Entradas relacionadas", "Mohlo by vás zajímat", "Baca juga", "Suggested reading:",
    "Our latest articles", "Die neuesten Meldungen", "My most popular posts",
    "Top-Beiträge & -Seiten", "Empfehlung der Redaktion", "ICYMI: In Case You Missed It",
    "Diese Artikel könnten dich ebenfalls interessieren:", "This might be interesting to you:",
])
def test_more_wordings_of_a_related_heading_take_the_list_out_of_the_text(heading: str) -> None:
    # Two items: fewer than an unheaded list of stories needs, so the heading decides.
    article = _extract(f"<div><h3>{heading}</h3><ul>{_items(2)}</ul></div>")
    assert len(article.related) == 2
    assert {link.block for link in article.related} == {heading}
    assert "river park" not in article.text
    assert heading not in article.text


def test_a_heading_naming_no_list_keeps_its_list_in_the_text() -> None:
    # The control for the test above: under a heading that names no list, the links are
    # no related block and the heading stays story text.
    article = _extract(f"<div><h3>The projects the council chose</h3><ul>{_items(2)}</ul></div>")
    assert article.related == []
    assert "The projects the council chose" in article.text


def test_a_heading_ending_in_a_word_for_stories_heads_a_list_of_stories() -> None:
    article = _extract("", f"<div><h3>Local News</h3><ul>{_items(3, 'local')}</ul></div>")
    assert [link.block for link in article.related] == ["Local News"] * 3


def test_such_a_heading_over_a_menu_names_no_related_block() -> None:
    # Short entries to section pages: a menu's column titled "Local News", "Customer
    # Stories", not a list of stories.
    menu = ('<li><a href="/local/schools">Schools and colleges</a></li>'
            '<li><a href="/local/traffic">Traffic and roads today</a></li>'
            '<li><a href="/local/weather">Weather for the region</a></li>')
    article = _extract("", f"<div><h3>Local News</h3><ul>{menu}</ul></div>"
                           f"<div><h3>Customer Stories</h3><ul>{menu}</ul></div>")
    assert article.related == []


@pytest.mark.parametrize("label", ["Zobacz także:", "Baca juga:", "Lesetipp:", "Voir aussi :",
                                   "Don’t miss:"])
def test_a_see_also_line_in_more_languages_is_an_inline_related_link(label: str) -> None:
    line = (f'<p>{label} <a href="/news/2025/11/park-opens-late">The river park opens '
            "late on Fridays this summer</a></p>")
    article = _extract(line + "<p>The vote passed with a large majority of the council, "
                              "which met in the town hall on Tuesday evening.</p>")
    assert [(link.block, link.url) for link in article.related] == [
        ("inline", "https://example.org/news/2025/11/park-opens-late")]
    assert "opens late on Fridays" not in article.text
    assert "large majority" in article.text


def _thumbnailed(n: int) -> str:
    """Items of a picture link and a title link to one story (no unheaded story list:
    that takes one link per item)."""
    return "".join(f'<li><a href="/news/2025/11/park-{i}-opens-late"><img src="/t/{i}.jpg"></a>'
                   f'<a href="/news/2025/11/park-{i}-opens-late">The river park number {i} '
                   "opens late on Fridays</a></li>" for i in range(n))


def test_a_block_named_by_a_word_for_stories_holds_no_captioned_picture() -> None:
    listed = _extract("", f"<div><h3>Local News</h3><ul>{_thumbnailed(3)}</ul></div>")
    assert [link.block for link in listed.related] == ["Local News"] * 3
    # The same heading over a region that holds a captioned picture: the story's, so the
    # region is not a list of other stories.
    pictured = _extract("", '<div><h3>Local News</h3><figure><img src="/p/park.jpg">'
                            "<figcaption>The river park at dawn, seen from the bridge"
                            f"</figcaption></figure><ul>{_thumbnailed(3)}</ul></div>")
    assert "Local News" not in {link.block for link in pictured.related}


@pytest.mark.parametrize("title", ["<p>Read more:</p>", "<p><strong>LESEN SIE AUCH</strong></p>",
                                   "<h4>Related</h4>"])
def test_link_lines_under_a_list_title_of_their_own_are_its_related_links(title: str) -> None:
    lines = ('<ul><li><a href="/news/2025/11/park-opens-late">The river park opens late on '
             'Fridays this summer</a></li><li><a href="/news/2025/11/bridge-closes-for-repairs">'
             "The bridge closes for a month of repairs</a></li></ul>")
    article = _extract(title + lines + "<p>The vote passed with a large majority of the "
                                       "council, which met in the town hall.</p>")
    assert [link.url for link in article.related] == [
        "https://example.org/news/2025/11/park-opens-late",
        "https://example.org/news/2025/11/bridge-closes-for-repairs"]
    assert "Fridays" not in article.text
    assert "large majority" in article.text


def test_a_byline_inside_a_link_under_a_list_title_is_no_part_of_its_title() -> None:
    lines = ('<p><a href="/news/2025/11/park-opens-late"><span>The river park opens late on '
             'Fridays this summer</span><span class="block">Eine Kolumne von Ines Roe</span></a></p>')
    article = _extract("<p>Read more:</p>" + lines + "<p>The vote passed with a large majority "
                       "of the council, which met in the town hall.</p>")
    assert [link.title for link in article.related] == [
        "The river park opens late on Fridays this summer"]


def test_links_under_a_title_naming_no_stories_or_to_other_sites_are_not_related() -> None:
    searches = _extract('<p>Related searches</p><p><a href="/news/2025/11/park-opens-late">'
                        "The river park opens late on Fridays this summer</a></p>")
    assert searches.related == []
    elsewhere = _extract('<p>Read more:</p><p><a href="https://shop.example.com/p/park-map-'
                         'poster-large">A large poster of the river park map</a></p>')
    assert elsewhere.related == []


def test_a_labelled_card_with_a_teaser_between_paragraphs_is_a_related_inset() -> None:
    card = ('<div class="story-card"><span class="card-label">Related</span>'
            '<h5><a href="/news/2025/11/park-opens-late">The river park opens late on Fridays '
            'this summer</a></h5><p class="excerpt">Longer evenings bring the gardens a new '
            "crowd, and the council a new bill for the lights.</p></div>")
    article = _extract(card + "<p>The vote passed with a large majority of the council, "
                              "which met in the town hall on Tuesday evening.</p>")
    assert [link.url for link in article.related] == [
        "https://example.org/news/2025/11/park-opens-late"]
    assert "Longer evenings" not in article.text
    assert "large majority" in article.text


def _tiles(n: int) -> str:
    """Picture tiles whose title is a span: stories, a service's page and the list's own
    "See all" tile."""
    tiles = "".join(f'<div class="tile-box"><a class="tile" href="/resources/articles/how-to-'
                    f'insure-a-rented-home-{i}"><div style="background:url(/t/{i}.jpg)"></div>'
                    f'<span class="tile-title">How to insure the home you rent out, part {i}'
                    "</span></a></div>" for i in range(n))
    return tiles + ''.join(f'<div class="tile-box"><a class="tile" href="{href}"><div></div>'
                           f'<span class="tile-title">{title}</span></a></div>'
                           for href, title in (("/insurance/home/", "Get a home insurance quote"),
                                               ("/resources/", "More home resources")))


def test_a_related_heading_naming_topics_heads_its_own_list_of_stories() -> None:
    # "Topics", "resources": words for links that are no stories, unless the list shows
    # it holds stories (its own "More ..." tile aside: not one, nor one against).
    article = _extract("", f"<section><h2>Related topics &amp; resources</h2>"
                           f"<div>{_tiles(3)}</div></section>")
    assert [link.block for link in article.related] == ["Related topics & resources"] * 4


def test_such_a_heading_over_tag_links_names_no_list_further_on() -> None:
    # Its own list is of tags; the stories further on are another heading's.
    tags = "".join(f'<li><a href="/tags/{t}">{t}</a></li>' for t in ("ubuntu", "python", "mysql"))
    article = _extract("", f"<aside><h2>Popular Topics</h2><ol>{tags}</ol>"
                           f"<h2>Featured tutorials</h2><ol>{_items(3)}</ol></aside>")
    assert "Popular Topics" not in {link.block for link in article.related}
