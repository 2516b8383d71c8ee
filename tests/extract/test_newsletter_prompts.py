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
    "Get our free health newsletter every Wednesday, with the week's news from the clinics.",
    "By signing up, you agree to our privacy policy and terms of use.",
])
def test_prompts_leave_the_story(line: str) -> None:
    assert paragraphs(line) == STORY


def test_newsletters_in_general_stay() -> None:
    line = ("Shop owners said they would follow the works closely and subscribe to industry "
            "newsletters to hear when the bridge opens again.")
    assert paragraphs(line) == [*STORY, line]


def test_agreeing_in_a_story_stays() -> None:
    line = ("By signing up for the scheme, the council said, you agree to keep the bridge's "
            "cycle lane clear on market days.")
    assert paragraphs(line) == [*STORY, line]
