"""collapse returns a printable text without double spaces merely stripped: that shortcut
must answer as splitting and joining the words does, for every kind of white space."""

from __future__ import annotations

import sys

import pytest

from newsclean.extract.spans import ZERO_WIDTH
from newsclean.extract.text import collapse


def _by_words(text: str) -> str:
    for mark in ZERO_WIDTH:
        text = text.replace(mark, "")
    return " ".join(text.split())


def test_no_white_space_but_the_plain_space_is_printable() -> None:
    # What the shortcut rests on: any other separator sends the text the long way.
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert " " in spaces and len(spaces) > 20
    assert [s for s in spaces if s != " " and s.isprintable()] == []
    assert not any(mark.isprintable() for mark in ZERO_WIDTH)


@pytest.mark.parametrize("separator", [
    " ", "  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u1680", "\u2002",
    "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\u200b", "\ufeff",
    " \u200b ", "\u200b\u200b",
])
def test_each_separator_collapses_as_the_words_split(separator: str) -> None:
    for text in (f"a{separator}b", f"{separator}a b{separator}", f" a{separator}b ",
                 f"Öl{separator}und “Wasser”", separator, f"x{separator}"):
        assert collapse(text) == _by_words(text), repr(text)


def test_printable_texts_are_stripped_only() -> None:
    for text in ("", " ", "word", " two words ", "Crème brûlée – “quoted”", "日本語 テキスト"):
        assert collapse(text) == _by_words(text) == text.strip()
