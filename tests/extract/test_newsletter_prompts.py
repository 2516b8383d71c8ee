"""A short line prompting to sign up for the site's own newsletter or channel leaves the
story wherever in the line the prompt stands; a mention of newsletters in general stays."""

from __future__ import annotations

import pytest

from .bridge_story import STORY, bridge_article


def paragraphs(line: str) -> list[str]:
    return bridge_article([*STORY, line]).paragraphs


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
