"""Copied runs of markup that never close nest the rest of the page in every copy. These
readings must stay linear in such a page: the unheaded card lists (whether each child
of a wrapper is one story's card), the picture insets (whether the box above a heading
links one story) and the story's series (other elements named like the story's, which
join it when they do not overlap it). Counted, not timed."""

from __future__ import annotations

import sys
from types import FrameType, ModuleType
from typing import Any

import pytest

import newsclean
from newsclean.extract import content, related_groups, related_insets
from newsclean.extract.stages import story

from .compiled import python_modules_only

SMALL, LARGE = 30, 90
"""Copies of the run; two tags each stay under the parser's nesting cap of 200."""
LINEAR_SLACK = 1.5
URL = "https://example.org/news/nested-story"
STORY = "".join(f"<p>Story paragraph {index}, which says something, at some length, about "
                f"the news of the day.</p>" for index in range(5))


def _page(run: str) -> bytes:
    return (f"<html><head><title>Nested story</title></head><body><article><h1>Nested "
            f"story</h1>{STORY}</article>{run}</body></html>").encode()


def _rows(copies: int) -> str:
    """A row of ten short links and a wrapper, never closed: each wrapper holds every
    later row."""
    return "".join(f"<section>{''.join(f'<a href=/tag/{i}-{n}>T{n}</a>' for n in range(10))}"
                   f"<div class='wrap'>" for i in range(copies))


def _entries(copies: int) -> str:
    """A post's wrapper and its paragraph, the wrapper never closed."""
    return "".join(f"<div class='entry'><p>Entry {i}, a sentence of the page, with commas, "
                   f"long enough to count as a paragraph of text in a post.</p>"
                   for i in range(copies))


def _calls(monkeypatch: pytest.MonkeyPatch, module: ModuleType, name: str, page: bytes
           ) -> tuple[int, newsclean.Article]:
    """The calls of `module.name` while the page is extracted, and the article."""
    calls = 0
    original = getattr(module, name)

    def counted(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        return original(*args)

    monkeypatch.setattr(module, name, counted)
    try:
        article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    finally:
        monkeypatch.setattr(module, name, original)
    return calls, article


@python_modules_only(related_groups)
def test_card_lists_read_a_bounded_number_of_links_per_child(monkeypatch: pytest.MonkeyPatch) -> None:
    (small, _), (large, _) = (_calls(monkeypatch, related_groups, "known_headline",
                                     _page(_rows(copies))) for copies in (SMALL, LARGE))
    assert small > 0
    assert large <= small * (LARGE / SMALL) * LINEAR_SLACK


def _steps(module: ModuleType, event: str, page: bytes) -> tuple[int, newsclean.Article]:
    """The trace events of one kind ("call": each call of a function, and each step of a
    generator, which resumes its frame; "line": each line run) in the module's frames
    while the page is extracted, and the article."""
    count = 0

    def trace(frame: FrameType, kind: str, arg: object) -> Any:
        nonlocal count
        if frame.f_code.co_filename != module.__file__:
            return None  # no events from inside other modules' frames
        if kind == event:
            count += 1
        return trace

    sys.settrace(trace)
    try:
        article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    finally:
        sys.settrace(None)
    return count, article


@python_modules_only(content)
def test_the_series_test_of_nested_namesakes_stays_linear() -> None:
    (small, _), (large, article) = (_steps(content, "call", _page(_entries(copies)))
                                    for copies in (SMALL, LARGE))
    assert large <= small * (LARGE / SMALL) * LINEAR_SLACK
    assert f"Entry {LARGE - 1}, a sentence of the page" in article.text


def _boxes(copies: int) -> str:
    """A heading under a link that every copy repeats, the wrapper never closed."""
    return "".join("<div><a href='/local/pros'>Free estimates from local pros</a><h3>Find a "
                   f"pro near you, number {i}</h3><p>Call today.</p>" for i in range(copies))


@python_modules_only(related_insets)
def test_the_box_above_each_heading_is_measured_before_its_links_are_read() -> None:
    (small, _), (large, _) = (_steps(related_insets, "line", _page(_boxes(copies)))
                              for copies in (SMALL, LARGE))
    assert small > 0
    assert large <= small * (LARGE / SMALL) * LINEAR_SLACK


SENTENCE = ("The council met on Monday to discuss the new bus routes, and after a long "
            "debate, with many questions from residents, it voted for them. ")
STANDFIRST = ("Buses will run every ten minutes from June, the council decided after a "
              "debate that lasted well into the night.")


def _standfirst_copies(copies: int) -> str:
    """A standfirst copied many times above the story and in it."""
    body = "".join(f"<p>{k}. {SENTENCE * 2}</p>" for k in range(40)) + f"<p>{STANDFIRST}</p>" * copies
    return ("<html><body><section class='page-head'><div><div><header><h1>Council backs new "
            f"bus routes</h1>{f'<p>{STANDFIRST}</p>' * copies}</header></div></div></section>"
            f"<section class='page-body'><div><div><div class='story-body'>{body}</div></div>"
            "</div></section></body></html>")


@python_modules_only(story)
def test_a_standfirst_copied_many_times_is_compared_with_the_story_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    (small, _), (large, article) = (_calls(monkeypatch, story, "_may_copy",
                                           _standfirst_copies(copies).encode())
                                    for copies in (SMALL, LARGE))
    assert small > 0
    assert large <= small * LINEAR_SLACK  # the same texts, however many copies
    assert article.paragraphs[0].startswith("0. The council met")  # repeated: left out
