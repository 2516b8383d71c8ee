"""Shortcuts taken for speed answer as the plain computations they replace: class tokens,
link text, the byline's name test, and authors read once per page."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.decoding.tree import parse
from newsclean.extract import engine
from newsclean.extract.patterns import (
    BUILDER_WORDS,
    NEGATING_SUFFIXES,
    NEGATING_TOKENS,
    RESPONSIVE_PREFIXES,
    SCREEN_SIZES,
    STYLE_PREFIXES,
    TOKEN_SPLIT,
)
from newsclean.extract.stages import header
from newsclean.extract.text import (
    _class_tokens,
    _value_tokens,
    element_text_length,
    link_text_length,
    measured_text,
    remove,
)


def _plain_tokens(value: str) -> frozenset[str]:
    """Class tokens as first specified: split, then the three ways a value names nothing,
    then parts (but those after a negating word or a builder's prefix) and compounds."""
    parts = [p for p in TOKEN_SPLIT.split(value) if p]
    if parts and (parts[-1] in NEGATING_SUFFIXES or parts[0] in STYLE_PREFIXES):
        return frozenset()
    if len(parts) > 1 and parts[0] in RESPONSIVE_PREFIXES and parts[1] in SCREEN_SIZES:
        return frozenset()
    out = {part for i, part in enumerate(parts)
           if i == 0 or (parts[i - 1] not in NEGATING_TOKENS
                         and (parts[i - 1], part) not in BUILDER_WORDS)}
    if len(parts) > 1:
        out.add("".join(parts))
        out.update(parts[i] + parts[i + 1] for i in range(len(parts) - 1))
    return frozenset(out)


_WORDS = sorted({*NEGATING_SUFFIXES, *STYLE_PREFIXES, *RESPONSIVE_PREFIXES, *SCREEN_SIZES,
                 *NEGATING_TOKENS, *(w for pair in BUILDER_WORDS for w in pair),
                 "story", "body", "a", "9"})
_VALUE = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(["-", "_", "--", ":", "é"])),
                  min_size=1, max_size=6).map("".join)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(_VALUE)
def test_value_tokens_are_the_plain_ones(value: str) -> None:
    assert _value_tokens.__wrapped__(value) == _plain_tokens(value)


def test_value_tokens_of_edge_values() -> None:
    for value in ("-story-", "--", "story", "overflow-x-hidden", "hidden-xs", "no-ads",
                  "elementor-widget-wrap", "sidebar-enabled--false", "story__body--wide"):
        assert _value_tokens.__wrapped__(value) == _plain_tokens(value), value
    assert _value_tokens.__wrapped__("story__body--wide") >= {"storybody", "bodywide"}


def test_link_text_is_each_links_text_and_follows_removals() -> None:
    root = parse("<html><body><div id='c'><p>Read <a href='/a'>the  first\n story</a> and "
                 "<a href='/b'><b>another</b> one</a>.</p><a href='/c'>Last</a></div>"
                 "</body></html>", None)
    container = root.find(".//div")
    assert container is not None
    with measured_text(root):
        assert link_text_length(container) == len("the first story") + len("another one") + 4
        assert link_text_length(container) == sum(element_text_length(a)
                                                  for a in container.iter("a"))
        remove(container.findall(".//a")[-1])
        assert link_text_length(container) == len("the first story") + len("another one")
    assert link_text_length(container) == len("the first story") + len("another one")


def test_byline_names_test_is_the_word_and_pattern_test() -> None:
    assert header._names_byline("post-Author", "")
    assert header._names_byline("meta", "byline-1")
    assert not header._names_byline("story-body", "main")
    assert not header._names_byline("writ-er", "")


def test_authors_are_read_once_per_page() -> None:
    page = ("<html><head><meta name='author' content='Jo Park'></head><body><h1>Harbour</h1>"
            "<p>Text.</p></body></html>")
    ctx = engine._context(parse(page, None), None, None, None, None, newsclean.Settings())
    first = header.find_authors(ctx)
    assert first == ["Jo Park"]
    ctx.byline_authors = ["Someone Else"]  # found later: the first answer stands
    assert header.find_authors(ctx) is first


def test_class_and_id_tokens_are_those_of_both_values_together() -> None:
    root = parse("<html><body><div class='Story-Body wide' id='main-Story'></div>"
                 "<div id='only-id'></div><p class='lead'></p><div class='  '></div>"
                 "<span id='nav_nur_die_folie__1'></span><span id='new-teaser'></span>"
                 "</body></html>", None)
    for element in root.iter("div", "p", "span"):
        cls, ident = element.get("class"), element.get("id")
        if ident and element.tag == "span" and len(TOKEN_SPLIT.split(ident)) > 2:
            ident = None  # a text-level element's long id is an anchor made of its text
        joined = f"{cls or ''} {ident or ''}".lower().split()
        expected = frozenset().union(*(_plain_tokens(value) for value in joined))
        assert _class_tokens(element) == expected, (cls, ident)
    first = root.find(".//div")
    assert first is not None
    assert _class_tokens(first) >= {"storybody", "mainstory", "wide"}
