"""A short line naming the story's authors alone (a byline left among the paragraphs)
leaves the text; a sentence naming them stays. So does the author's bio, at the story's
top or end."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.extract.paragraphs import author_bio, author_line

from .bridge_story import STORY, bridge_article

AUTHORS = ["Jane Doe", "Deutsche Presse-Agentur"]


@pytest.mark.parametrize("line", [
    "Jane Doe", "Jane Doe, Deutsche Presse-Agentur", "By Jane Doe and Deutsche Presse-Agentur",
    "Jane Doe | Published 4 months ago",
])
def test_author_lines(line: str) -> None:
    assert author_line(line, AUTHORS)


@pytest.mark.parametrize("line", [
    "Jane Doe said the bridge would reopen in September.", "Jane Doerr", "John Roe",
])
def test_no_author_lines(line: str) -> None:
    assert not author_line(line, AUTHORS)


def test_byline_left_in_the_story_leaves_the_text() -> None:
    article = bridge_article(["Jane Doe", *STORY], '<meta name="author" content="Jane Doe">')
    assert article.authors == ["Jane Doe"]
    assert article.paragraphs == STORY


BIO = ("Jane is an experienced journalist who has covered the city's transport for ten "
       "years, and who still takes the ferry to work.")


@pytest.mark.parametrize("line", [
    BIO, "Jane Doe is a freelance writer living in the north of the city.",
    "Jane Doe (she/her) has been a reporter at Example News since 2019.",
])
def test_author_bios(line: str) -> None:
    assert author_bio(line, AUTHORS)


@pytest.mark.parametrize("line", [
    # the authors' names, but no sentence about a writer's trade
    "Jane Doe is the city's new bridge engineer, the council said on Tuesday.",
    # a trade, but someone else's
    "John Roe is a journalist who has covered the city's transport for ten years.",
    # the trade too far from the name to be the bio's first sentence
    "Jane is sure the bridge will reopen: the engineers told her so on Tuesday, and they "
    "have been right before about every bridge of the city, as any reporter knows.",
])
def test_no_author_bios(line: str) -> None:
    assert not author_bio(line, AUTHORS)


def test_bio_leaves_the_top_and_the_end_of_the_story_not_its_middle() -> None:
    head = '<meta name="author" content="Jane Doe">'
    article = bridge_article([BIO, *STORY, BIO], head)
    assert article.paragraphs == STORY
    middle = [*STORY[:1], BIO, *STORY[1:]]
    assert bridge_article(middle, head).paragraphs == middle


def _far_byline_page(head: str) -> str:
    """A page whose headline sits deep in its header, far from the story, which opens
    with its byline line."""
    body = "".join(f"<p>{text}</p>" for text in STORY)
    return (f'<html><head>{head}<title>Bridge closed</title></head><body><header><div><div>'
            "<div><div><h1>Bridge closed to cars for the summer</h1></div></div></div></div>"
            '</header><main><div class="story"><figure><img src="/bridge.jpg"><figcaption>'
            "The old bridge seen from the river.</figcaption></figure><p>By <strong>Jane Doe"
            f"</strong></p>{body}</div></main></body></html>")


def test_a_byline_line_opening_the_story_names_its_author() -> None:
    page = _far_byline_page('<meta property="og:type" content="article">')
    article = newsclean.extract(page, "https://news.example.com/local/bridge-closed",
                                rules=newsclean.RuleSet())
    assert article.authors == ["Jane Doe"]
    assert article.paragraphs == STORY
    # A page that does not say it is a story's (a shop's "By <maker>") names no author so.
    shop = newsclean.extract(_far_byline_page(""), "https://shop.example.com/p/bridge",
                             rules=newsclean.RuleSet())
    assert shop.authors == []
