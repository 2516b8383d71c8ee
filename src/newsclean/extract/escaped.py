"""Markup shown as text: a page whose story was escaped twice reads "<p>Story...</p>" on
screen. Such a paragraph gives its words; a story about markup keeps the tags it quotes."""

from __future__ import annotations

import html
import re

__all__ = ["unescape_markup", "without_tags"]

MIN_ESCAPED_WORDS = 12
"""Words a paragraph must hold between its literal tags to be escaped markup rather than a
quoted snippet ("<p>Hello</p>" in a tutorial)."""

_TAG_NAMES = ("p|div|span|br|hr|a|em|strong|b|i|u|h[1-6]|li|ul|ol|blockquote|section|"
              "article|small|sup|sub|q|cite|abbr")
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]{{0,300}})?/?>", re.IGNORECASE)
"""One literal tag of the kinds a story's markup holds."""
_BLOCK = re.compile(r"</?(?:p|div|br|hr|h[1-6]|li|ul|ol|blockquote|section|article)"
                    r"(?:\s[^<>]{0,300})?/?>", re.IGNORECASE)
"""A literal tag that breaks the text into paragraphs."""
_OPENING = re.compile(rf"\s*<(?:{_TAG_NAMES})(?:\s[^<>]{{0,300}})?/?>", re.IGNORECASE)
_CLOSING = re.compile(rf"</(?:{_TAG_NAMES})>\s*$", re.IGNORECASE)


def escaped(text: str) -> bool:
    """Whether a paragraph is markup shown as text: it opens with a literal tag, closes
    with one, and holds prose between them."""
    if "<" not in text or not _OPENING.match(text) or not _CLOSING.search(text):
        return False
    return len(without_tags(text).split()) >= MIN_ESCAPED_WORDS


def without_tags(text: str) -> str:
    """The text without the literal tags it holds, each a space ("<a href=…>Jo Roe</a>")."""
    return _TAG.sub(" ", text) if "<" in text else text


def unescape_markup(paragraphs: list[str]) -> list[str]:
    """The paragraphs, each escaped one read as the markup it shows: split at its block
    tags, its inline tags dropped and its entities (escaped with it) decoded."""
    if not any("<" in paragraph for paragraph in paragraphs):
        return paragraphs
    read: list[str] = []
    for paragraph in paragraphs:
        if not escaped(paragraph):
            read.append(paragraph)
            continue
        for piece in _BLOCK.split(paragraph):
            text = " ".join(html.unescape(_TAG.sub("", piece)).split())
            if text:
                read.append(text)
    return read
