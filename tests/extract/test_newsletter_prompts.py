"""A short line prompting to sign up for the site's own newsletter or channel leaves the
story wherever in the line the prompt stands; a mention of newsletters in general stays."""

from __future__ import annotations

import pytest

import newsclean

URL = "https://news.example.com/local/bridge-closed"
STORY = [
    "The council voted on Tuesday to close the old bridge to cars for the whole summer, "
    "after engineers found cracks in two of its supporting piers during a routine check.",
    "Cyclists and people on foot may still cross, the council said, while a temporary ferry "
    "will carry vans and lorries between the two banks of the river from next Monday.",
]


def paragraphs(line: str) -> list[str]:
    body = "".join(f"<p>{text}</p>" for text in [*STORY, line])
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bridge closed | Example News</title></head><body><main><article>
<h1>Bridge closed to cars for the summer</h1><div class="article-body">{body}</div>
</article></main></body></html>"""
    return newsclean.extract(html, URL, rules=newsclean.RuleSet()).paragraphs


@pytest.mark.parametrize("line", [
    "Check out more of the Example News’s latest travel stories by signing up to our free "
    "weekly newsletter",
    "For the latest breaking news from across the globe, sign up for our newsletters.",
    "Ground Game: Sign up for AP’s weekly politics newsletter to get it in your inbox.",
    "Folgst du schon Example News auf Whatsapp?",
])
def test_prompts_leave_the_story(line: str) -> None:
    assert paragraphs(line) == STORY


def test_newsletters_in_general_stay() -> None:
    line = ("Shop owners said they would follow the works closely and subscribe to industry "
            "newsletters to hear when the bridge opens again.")
    assert paragraphs(line) == [*STORY, line]
