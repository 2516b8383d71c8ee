"""A short line naming the story's authors alone (a byline left among the paragraphs)
leaves the text; a sentence naming them stays."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.extract.paragraphs import author_line

URL = "https://news.example.com/local/bridge-closed"
STORY = [
    "The council voted on Tuesday to close the old bridge to cars for the whole summer, "
    "after engineers found cracks in two of its supporting piers during a routine check.",
    "Cyclists and people on foot may still cross, the council said, while a temporary ferry "
    "will carry vans and lorries between the two banks of the river from next Monday.",
]
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
    body = "".join(f"<p>{text}</p>" for text in ["Jane Doe", *STORY])
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="author" content="Jane Doe"><title>Bridge closed | Example News</title></head>
<body><main><article><h1>Bridge closed to cars for the summer</h1>
<div class="article-body">{body}</div></article></main></body></html>"""
    article = newsclean.extract(html, URL, rules=newsclean.RuleSet())
    assert article.authors == ["Jane Doe"]
    assert article.paragraphs == STORY
