"""Related headlines that leaked into the story: lists the related stage did not see as such."""

from __future__ import annotations

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
