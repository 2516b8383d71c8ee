"""Forms inside the story: a search box or sign-up form is not story text, a form that
wraps the page's own text (a forum thread inside its moderation form) is."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.extract import content, fallback, paragraphs

from .compiled import python_modules_only

POSTS = [
    "I moved our club's forum to the new version last week and the search is much faster, "
    "though the old themes no longer load and members keep asking where the dark mode went.",
    "The themes have to be ported by hand, I am afraid. Most of the work is in the templates, "
    "and the stylesheet changes are small once you see which classes were renamed.",
    "Thanks, that helped. I ported the dark theme in an evening and put it up for the others "
    "to try, with a note on the two templates that still need a look.",
]


def _thread(posts: str) -> str:
    return ("<html><head><title>Moving to the new version</title></head><body>"
            "<div class='nav'><a href='/'>Home</a> <a href='/forum'>Forum</a></div>"
            "<div id='topic'><h1>Moving to the new version</h1>"
            "<p class='started'>Started by Ana, March 3, in Club software</p>"
            f"<form action='/moderate' method='post'>{posts}"
            "<select name='action'><option>Move</option><option>Lock</option></select>"
            "<button>Apply</button></form></div></body></html>")


def test_a_thread_inside_a_moderation_form_is_the_story(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    # The engine's own reading: no second opinion to make up for a thread it dropped.
    monkeypatch.setattr(fallback, "_trafilatura", lambda *args: [])
    posts = "".join(f"<div class='wrapper'><div class='area'><div class='post'><div class='inner'>"
                    f"{text}</div></div></div></div>" for text in POSTS)
    article = newsclean.extract(_thread(posts), "https://forum.example.org/t/1",
                                rules=newsclean.RuleSet())
    for text in POSTS:
        assert text in article.paragraphs


def _story_around(form: str) -> newsclean.Article:
    """The posts as the story's paragraphs, with `form` after the first."""
    first, *rest = (f"<p>{text}</p>" for text in POSTS)
    page = ("<html><body><article><h1>Moving to the new version</h1>"
            f"<div class='body'>{first}{form}{''.join(rest)}</div>"
            "</article></body></html>")
    return newsclean.extract(page, rules=newsclean.RuleSet())


def test_a_form_of_fields_and_options_stays_out_of_the_story() -> None:
    countries = "".join(f"<option>Country number {n} of the long list</option>" for n in range(40))
    form = (f"<form action='/signup'><label>Your country</label><select>{countries}</select>"
            "<textarea>Tell us why you want the newsletter</textarea>"
            "<button>Sign me up for the weekly letter</button></form>")
    article = _story_around(form)
    assert "Country number" not in article.text
    assert "Sign me up" not in article.text
    assert article.paragraphs == POSTS


def test_a_long_form_of_short_lines_stays_out_despite_a_few_long_notes() -> None:
    # A scripted drop-down (plain <li>s, no <select>) and five long help notes: the notes
    # are paragraph-sized, but most of the form's text is its drop-down.
    items = "".join(f"<li>Region {n} of the service area</li>" for n in range(60))
    notes = "".join(f"<div class='help'>Note {n}: we answer within two working days, and a "
                    "member of the team will call you back at the number you gave us.</div>"
                    for n in range(5))
    form = f"<form action='/contact'><ul class='choices'>{items}</ul>{notes}</form>"
    article = _story_around(form)
    assert "Region 7" not in article.text
    assert "working days" not in article.text
    assert article.paragraphs == POSTS


def test_a_sign_up_form_with_long_descriptions_stays_out_of_a_long_story() -> None:
    # Each newsletter described in a paragraph-sized block: the form is still a small part
    # of the story around it, not its wrapper.
    letters = "".join(f"<div class='choice'>Letter {n}: a short read each morning with the "
                      "stories of the day, the numbers behind them and one long read for "
                      "the weekend.</div>" for n in range(4))
    form = f"<form action='/subscribe'>{letters}</form>"
    paragraphs = [f"{text} ({n})" for n in range(3) for text in POSTS]
    story = "".join(f"<p>{text}</p>" for text in paragraphs)
    page = ("<html><body><article><h1>Moving to the new version</h1>"
            f"<div class='body'>{story}{form}</div></article></body></html>")
    article = newsclean.extract(page, rules=newsclean.RuleSet())
    assert "Letter 2" not in article.text
    assert article.paragraphs == paragraphs


PYTHON_MODULES_ONLY = python_modules_only(paragraphs)


@PYTHON_MODULES_ONLY
def test_forms_nested_in_forms_are_measured_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tags left open can nest a page's forms in one another hundreds deep, each holding
    # the whole thread: each element is measured once, not once per form around it.
    monkeypatch.setattr(fallback, "_trafilatura", lambda *args: [])
    measured = [0]
    own_text_length = content.own_text_length

    def counted(element: object) -> int:
        measured[0] += 1
        return own_text_length(element)  # type: ignore[arg-type]

    monkeypatch.setattr(paragraphs, "own_text_length", counted)
    depth = 60
    posts = "".join(f"<div class='post'><div class='inner'>{text}</div></div>" for text in POSTS)
    nested = ("<form action='/moderate'><div class='area'>" * depth + posts
              + "</div></form>" * depth)
    article = newsclean.extract(_thread(nested), "https://forum.example.org/t/1",
                                rules=newsclean.RuleSet())
    for text in POSTS:
        assert text in article.paragraphs
    assert 0 < measured[0] <= 2 * (2 * depth + 4 * len(POSTS) + 8)
