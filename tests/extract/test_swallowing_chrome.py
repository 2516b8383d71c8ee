"""A menu item left open in the site's header stretches the header over the whole page:
the story, its related lists and its next / previous links then sit inside <header> and
<nav>. Chrome holding the page's <main> (or a header holding an <article>) is read as the
plain wrapper it has become."""

from __future__ import annotations

import lxml.html
import pytest

import newsclean
from newsclean.extract.stages.clean import _unname_swallowing

URL = "https://example.com/2024/05/river-bridge-reopens"
STORY = "".join(
    f"<p>The river bridge reopened on day {i} of the works, after the engineers checked the "
    "new bearings and the deck, and the council thanked the residents for their patience.</p>"
    for i in range(6))
NEXT = ("https://example.com/2024/05/ferry-fares-frozen", "Ferry fares frozen for another year")
RELATED = [(f"https://example.com/2024/05/story-{i}", f"Council approves the new cycle lane plan {i}")
           for i in range(3)]


def _page(open_menu: bool, wrapper: str) -> str:
    # "<li><div>" left open in the menu: the parser nests the rest of the page in them.
    menu = ('<header class="site-header"><nav class="site-nav"><ul>'
            '<li class="menu-item"><a href="/news/">News</a><div class="dropdown">'
            + ("" if open_menu else "</div></li></ul></nav></header>"))
    related = "".join(f'<li><a href="{url}">{title}</a></li>' for url, title in RELATED)
    story = (f"<h1>River bridge reopens</h1>{STORY}"
             f'<div class="post-nav"><div class="nav-next"><a href="{NEXT[0]}">'
             f"<span>Next Post</span> <span>{NEXT[1]}</span></a></div></div>"
             f"<h2>Related stories</h2><ul>{related}</ul>")
    return (f"<html><head><title>River bridge reopens</title></head><body>{menu}"
            f"<{wrapper}>{story}</{wrapper}><footer>Contact us</footer></body></html>")


@pytest.mark.parametrize("wrapper", ["main", "article"])
def test_a_header_swallowing_the_page_hides_neither_related_links_nor_the_next_story(
        wrapper: str) -> None:
    closed = newsclean.extract(_page(False, wrapper), URL, rules=newsclean.RuleSet())
    opened = newsclean.extract(_page(True, wrapper), URL, rules=newsclean.RuleSet())
    expected = {NEXT[0], *(url for url, _ in RELATED)}
    assert {link.url for link in closed.related} == expected
    assert {link.url for link in opened.related} == expected
    assert opened.paragraphs == closed.paragraphs
    assert NEXT[1] not in opened.text


def test_a_nav_holding_story_cards_as_articles_stays_a_nav() -> None:
    # A <nav> of <article> cards, no <main> inside: it is the site's, not a swallowing one.
    tree = lxml.html.fromstring('<div><nav><article><a href="/a">Card</a></article></nav>'
                                '<header><main><p>Story</p></main></header></div>')
    chrome = list(tree.iter("nav", "header"))
    _unname_swallowing(chrome)
    assert [element.tag for element in chrome] == ["nav", "div"]
