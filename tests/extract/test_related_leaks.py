"""Related headlines that leaked into the story: lists the related stage did not see as such."""

from __future__ import annotations

import pytest

import newsclean

URL = "https://example.com/2024/03/harbour-plan-approved"
STORY = "".join(
    f"<p>The council voted on harbour plan number {i} after a long debate about the costs "
    "and the timetable of the works, which start next spring.</p>" for i in range(6))
TITLES = ["Harbour master warns of winter storms along the coast",
          "New ferry timetable starts in the spring for island routes",
          "Fishing fleet returns early after a record season at sea"]


def _page(cards: str) -> str:
    return ("<html><head><title>Harbour plan approved</title></head><body>"
            f"<article><h1>Harbour plan approved</h1>{STORY}</article>{cards}</body></html>")


def _card(i: int, title: str, label: str) -> str:
    href = f"https://example.com/2024/03/story-{i}"
    return (f'<div class="slide"><a href="{href}"><img src="https://example.com/{i}.jpg"></a>'
            f"<div>{label}<h3><a href=\"{href}\">{title}</a></h3></div></div>")


def test_cards_labelled_by_a_category_link_are_a_related_list() -> None:
    for label in ('<a rel="tag" href="https://example.com/category/partner-news/">Our partners '
                  "inform you</a>",
                  '<a href="https://example.com/tag/energy-storage-news/">Energy storage news '
                  "today</a>"):
        cards = "".join(_card(i, title, label) for i, title in enumerate(TITLES))
        article = newsclean.extract(_page(f'<div class="slider">{cards}</div>'), URL)
        assert [link.title for link in article.related] == TITLES
        assert not any(title in article.text for title in TITLES)
        assert article.paragraphs[0].startswith("The council voted on harbour plan number 0")


def test_cards_linking_two_stories_each_are_no_related_list() -> None:
    # Each card's second link is another story, not a label: the cards are no list of
    # single stories (the engine's old reading, kept).
    label = '<a href="https://example.com/2024/02/older-story">Read the older story here</a>'
    cards = "".join(_card(i, title, label) for i, title in enumerate(TITLES))
    article = newsclean.extract(_page(f'<div class="slider">{cards}</div>'), URL)
    assert not any(link.title in TITLES for link in article.related)


STORY_HEAD = '<head><meta property="og:type" content="article"></head>'


def _related_after_story(block: str, head: str = STORY_HEAD) -> newsclean.Article:
    page = (f"<html>{head}<body><article><h1>Harbour plan approved</h1>"
            f"{STORY}{block}</article></body></html>")
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def _list(n: int = 2) -> str:
    return "".join(f'<li><a href="/2024/03/story-{i}">{TITLES[i]}</a></li>' for i in range(n))


@pytest.mark.parametrize("heading", [
    "Las más leídas", "Las + leídas", "Lo + visto", "Les + lus", "The most read",
    "Lo más visto", "O mais lido",
])
def test_headings_led_by_an_article_or_a_plus_sign_name_a_related_list(heading: str) -> None:
    article = _related_after_story(f"<div><h3>{heading}</h3><ul>{_list()}</ul></div>")
    assert [link.title for link in article.related] == TITLES[:2]
    assert {link.block for link in article.related} == {heading}
    assert TITLES[0] not in article.text


def _cards(label: str, ordinary_class: str = "rotulo-seccion") -> str:
    cards = "".join(
        f'<article><a href="/2024/03/story-{i}"><img src="/{i}.jpg">'
        f"<h3>{title}</h3></a><div>{i + 1} views</div></article>"
        for i, title in enumerate(TITLES))
    return (f'<div class="sidebar-box"><div class="box-top"><div class="{ordinary_class}">'
            f"{label}</div></div>{cards}</div>")


def test_a_bare_label_naming_a_related_list_heads_the_cards_after_it() -> None:
    # The label's class names no title; its text alone says what the cards are. Each card
    # follows in the box: all of them are the list, not the first alone.
    article = _related_after_story(_cards("Las + leídas"))
    assert [link.title for link in article.related] == TITLES
    assert not any(title in article.text for title in TITLES)
    assert article.paragraphs[0].startswith("The council voted on harbour plan number 0")


def test_a_bare_label_heads_a_list_only_on_a_storys_page() -> None:
    # A front page's "Latest articles" label heads the page's own list.
    article = _related_after_story(_cards("Las + leídas"), head="")
    assert not any(link.title in TITLES for link in article.related)
    dated = '<head><meta property="article:published_time" content="2024-03-01"></head>'
    article = _related_after_story(_cards("Las + leídas"), head=dated)
    assert [link.title for link in article.related] == TITLES


def test_a_bare_label_naming_nothing_related_heads_nothing() -> None:
    article = _related_after_story(_cards("Harbour works timetable"))
    assert not any(link.title in TITLES for link in article.related)


def test_a_label_holding_more_than_text_is_a_wrapper_not_a_label() -> None:
    article = _related_after_story(_cards("<span>Las</span> + leídas <b>hoy</b>"))
    assert not any(link.title in TITLES for link in article.related)


def _footer_list(label: str, titles: list[str]) -> str:
    # A footer's box: the list's name in a paragraph, its links side by side in a div.
    links = "".join(f'<a href="/2024/03/item-{i}">{title}</a>' for i, title in enumerate(titles))
    return f'<footer><div class="box"><p>{label}</p><div class="wrap">{links}</div></div></footer>'


def _after_story_page(block: str) -> newsclean.Article:
    page = (f"<html>{STORY_HEAD}<body><article><h1>Harbour plan approved</h1>{STORY}"
            f"</article>{block}</body></html>")
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def test_a_paragraph_naming_a_list_of_headlines_heads_it() -> None:
    article = _after_story_page(_footer_list("Latest News", TITLES))
    assert [link.title for link in article.related] == TITLES
    assert {link.block for link in article.related} == {"Latest News"}


@pytest.mark.parametrize(("label", "titles"), [
    # a footer's cloud of topics under a list's name: no headlines
    ("Trending Now", ["Harbour fees today", "Ferry times this week", "Fleet share price",
                      "How to save tax", "Terms of Use"]),
    # a card's button, not a name
    ("READ MORE &gt;", TITLES),
])
def test_a_paragraph_label_heads_no_list_of_topics_nor_as_a_button(
        label: str, titles: list[str]) -> None:
    article = _after_story_page(_footer_list(label, titles))
    assert not any(link.title in titles for link in article.related)


@pytest.mark.parametrize("label", ["MORE", "Mehr"])
def test_a_bare_more_control_names_no_list(label: str) -> None:
    # A footer's cloud of links behind a "More" button that opens the rest of it.
    links = "".join(f'<a href="/2024/03/topic-{i}/story-{i}">{title}</a>' for i, title in
                    enumerate(["Harbour fees today", "Ferry timetable this week",
                               "Fleet share price live", "Storm warning for the coast"]))
    block = f'<footer><div class="box"><div class="show-hide">{label}</div><div>{links}</div></div></footer>'
    assert not any(link.block == label for link in _after_story_page(block).related)
