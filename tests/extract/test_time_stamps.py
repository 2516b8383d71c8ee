"""Time-stamp lines in the story: a story's own stamp, or its teasers', printed in any
of the forms pages print one, leaves the text; a listing's many stamps stay."""

from __future__ import annotations

import pytest

from newsclean.extract.paragraphs import time_stamp

from .bridge_story import STORY, bridge_article


def paragraphs(lines: list[str]) -> list[str]:
    return bridge_article(lines + STORY).paragraphs


@pytest.mark.parametrize("line", [
    "Publiziert17. Dezember 2024, 12:17", "1 day ago", "Stand: 24.04.2024 22:58 Uhr",
    "2025年1月14日 20:00", "13:37 Uhr", "17:41 JST, October 13, 2024", "02/02/2025 KL. 09:00",
    "23. 12. 2024 13:31", "vor 3 Stunden",
])
def test_stamps(line: str) -> None:
    assert time_stamp(line)


@pytest.mark.parametrize("line", [
    "2002", "+81 158-23-2012", "1/27/2026 - 3/24/2026", "6:15 PM - 8:15 PM",
    "At 13:37 the police closed the road", "May 2024",
])
def test_no_stamps(line: str) -> None:
    # A year, a phone number, a span of two dates or times, a sentence with a time.
    assert not time_stamp(line)


def test_story_stamps_leave_the_text() -> None:
    assert paragraphs(["Publiziert17. Dezember 2024, 12:17", "1 day ago"]) == STORY


def test_a_listing_keeps_its_stamps() -> None:
    stamps = ["1 day ago", "3 days ago", "1 week ago", "2 weeks ago"]
    assert paragraphs(stamps) == stamps + STORY
