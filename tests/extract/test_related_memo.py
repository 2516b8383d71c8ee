"""The related stage's remembered texts, and next_previous reading links gathered earlier:
shortcuts that must answer as the plain reading does."""

from __future__ import annotations

from lxml import html

from newsclean.extract.related import find_blocks
from newsclean.extract.related_groups import next_previous
from newsclean.extract.related_items import (
    MEMO_TEXT_CHARS,
    holds_h1,
    remembered_texts,
    short_text_of,
    text_of,
)
from newsclean.extract.text import collapse, collapsed_length, raw_text


def test_whether_a_wrapper_holds_the_headline_is_remembered_inside_the_context_only() -> None:
    # Nested menus left open share the rest of the page: each is searched for the <h1>
    # once per page, not once per list inside it.
    root = html.fromstring("<div><header><nav><ul><li>a</li></ul></nav></header></div>")
    header, nav = root.find("header"), root.find(".//nav")
    assert header is not None and nav is not None
    with remembered_texts():
        assert not holds_h1(header) and not holds_h1(nav)
        nav.append(html.fromstring("<h1>Headline</h1>"))
        assert not holds_h1(header)  # the first answer stands inside
    assert holds_h1(header) and holds_h1(nav)


def test_texts_are_remembered_inside_the_context_only() -> None:
    root = html.fromstring("<div><h2> Most \n  read </h2><p>x</p></div>")
    heading = root.find("h2")
    assert heading is not None
    with remembered_texts():
        assert text_of(heading) == "Most read"
        assert collapsed_length(heading) == len("Most read")
        heading.text = "Changed"
        # Inside, the first answer stands (the stage does not change the tree there).
        assert text_of(heading) == "Most read"
    assert text_of(heading) == "Changed"
    assert collapsed_length(heading) == len("Changed")


def test_long_texts_are_not_kept() -> None:
    root = html.fromstring(f"<div><p>{'word ' * MEMO_TEXT_CHARS}</p></div>")
    paragraph = root.find("p")
    assert paragraph is not None
    with remembered_texts():
        first = text_of(paragraph)
        assert len(first) > MEMO_TEXT_CHARS
        paragraph.text = "short now"
        assert text_of(paragraph) == "short now"


def test_short_text_of_gives_up_only_on_texts_too_long() -> None:
    long = html.fromstring(f"<header>{'  menu item  ' * 400}</header>")
    assert short_text_of(long, 150) is None
    spaced = html.fromstring(f"<h2>Related{' ' * 5000}stories</h2>")
    # Mostly whitespace: long before folding, short after.
    assert short_text_of(spaced, 150) == "Related stories"
    # Too short a source for its head to tell: read whole, the caller weighs the length.
    medium = html.fromstring("<h2>" + "x" * 200 + "</h2>")
    assert short_text_of(medium, 150) == collapse(raw_text(medium)) == "x" * 200


def test_next_previous_reads_given_links_as_it_reads_the_tree() -> None:
    page = html.fromstring(
        "<html><body><p>Story text.</p>"
        "<div class='post-nav'><div class='nav-next'><a href='/news/next-story-title'>"
        "Next: The council votes on the new river park budget</a></div>"
        "<div class='nav-previous'><a href='/news/previous-story-title'>"
        "The library opens on Sundays from next month on</a></div></div>"
        "<a rel='prev' href='/news/older'>An older story about the city budget</a>"
        "</body></html>")
    body = page.find("body")
    assert body is not None
    walked = next_previous(body, "https://example.org/a", set())
    given = next_previous(body, "https://example.org/a", set(), links=list(body.iter("a")))
    assert [(a, link.url, link.block) for a, link in walked] == [
        (a, link.url, link.block) for a, link in given]
    assert [link.block for _, link in walked] == ["next", "previous", "previous"]


PAGER = ("<div class='nav-next'><a href='/news/{0}'>Next: The council votes on the "
         "{0} budget</a></div>")
"""A pager's next link to /news/{0}."""


def test_next_previous_passes_by_the_site_header_and_menu_links_only() -> None:
    # The same pager links inside <header> or <menu> are the site's; under a wrapper
    # that merely shares their class they are the story's.
    page = html.fromstring(
        "<html><body><header><div>" + PAGER.format("header-story") + "</div></header>"
        "<menu>" + PAGER.format("menu-story") + "</menu>"
        "<div class='header'>" + PAGER.format("story-one") + "</div>"
        + PAGER.format("story-two") + "</body></html>")
    body = page.find("body")
    assert body is not None
    links = next_previous(body, "https://example.org/a", set())
    assert [link.url for _, link in links] == ["https://example.org/news/story-one",
                                              "https://example.org/news/story-two"]


def test_next_previous_reads_the_menus_find_blocks_gathered_as_the_tree() -> None:
    page = html.fromstring(
        "<html><body><header><div>" + PAGER.format("header-story") + "</div></header>"
        "<p>Story text.</p><menu>" + PAGER.format("menu-story") + "</menu>"
        + PAGER.format("story-one") + "</body></html>")
    body = page.find("body")
    assert body is not None
    links: list[html.HtmlElement] = []
    menus: list[html.HtmlElement] = []
    find_blocks(body, "https://example.org/a", links=links, menus=menus)
    assert [menu.tag for menu in menus] == ["header", "menu"]
    walked = next_previous(body, "https://example.org/a", set())
    given = next_previous(body, "https://example.org/a", set(), links=links, menus=menus)
    assert [link.url for _, link in given] == [link.url for _, link in walked] == [
        "https://example.org/news/story-one"]
