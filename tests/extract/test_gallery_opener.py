"""A gallery's opener among the story's blocks: a control showing a picture, whose words
are the gallery's title and a count, is no story text."""

from __future__ import annotations

import newsclean

URL = "https://example.com/2024/05/harbour-plan-approved"
STORY = "".join(
    f"<p>The council voted on harbour plan number {i} after a long debate about the costs "
    "and the timetable of the works, which start next spring.</p>" for i in range(6))


def _extract(control: str) -> newsclean.Article:
    half = len(STORY) // 2
    cut = STORY.index("<p>", half)
    page = ("<html><head><title>Harbour plan approved</title></head><body><article>"
            f"<h1>Harbour plan approved</h1>{STORY[:cut]}{control}{STORY[cut:]}"
            "</article></body></html>")
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def test_a_gallery_opener_is_left_out() -> None:
    opener = ('<div class="gallery-btn" role="button" tabindex="0"><header><h2>Harbour news '
              'in pictures</h2><span>Show all 50</span></header>'
              '<div><img src="https://example.com/1.jpg"><img src="https://example.com/2.jpg">'
              "</div></div>")
    article = _extract(opener)
    assert "in pictures" not in article.text
    assert "Show all" not in article.text
    assert article.text.count("The council voted") == 6


def test_a_control_without_a_picture_or_with_much_text_stays() -> None:
    # An accordion's question, and a zoomable picture with a caption of some length.
    question = ('<div role="button"><h2>When will the works on the northern quay be '
                "finished?</h2></div>")
    article = _extract(question)
    assert "When will the works" in article.text
    long_text = ("The quay seen from the ferry at dawn, before the works began; the old crane "
                 "will stay as a monument to the port's past.")
    zoom = (f'<div role="button"><img src="https://example.com/quay.jpg"><p>{long_text}</p>'
            "</div>")
    article = _extract(zoom)
    assert long_text in article.text
