"""A short line naming the story's authors alone (a byline left among the paragraphs)
leaves the text; a sentence naming them stays."""

from __future__ import annotations

import pytest

from newsclean.extract.paragraphs import author_line

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
