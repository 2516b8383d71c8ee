"""When a rule's match counts: a story selector counts only where what it selects holds
prose. The engine (`extract.stages.story`) and `rules test` both decide with this, so the
report says what the engine does.

A skip-link target (`<div id="maincontent"></div>`), a shell the page's scripts fill
later, or a container of links and pictures is a match without a story in it: the
engine then reads the page as if the rule had no story selector.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

__all__ = ["RULE_STORY_MIN_WORDS", "is_substantive_story", "story_words"]

RULE_STORY_MIN_WORDS = 30
"""Words of prose a story selector's match must hold to be used: two short sentences.
An empty skip-link target, a caption or a list of headlines holds fewer words outside
links; the shortest news brief holds more."""

_NOT_PROSE = frozenset({"a", "figure", "figcaption", "script", "style", "noscript",
                        "template", "button", "select", "option", "svg"})
"""Text inside these is not the story's prose (links, picture text, code, controls)."""

# A CJK character is a word of its own (those scripts write no spaces between words).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


def _count(text: str | None) -> int:
    return len(_WORD.findall(text)) if text else 0


def story_words(elements: Iterable[etree._Element]) -> int:
    """Words of text in `elements` outside links, pictures, scripts and controls."""
    total = 0
    for element in elements:
        walker = etree.iterwalk(element, events=("start",))
        for _, node in walker:
            if node is not element:
                total += _count(node.tail)  # a tail is its parent's text
            tag = node.tag
            if not isinstance(tag, str):
                continue  # a comment or a processing instruction
            if tag.lower() in _NOT_PROSE:
                walker.skip_subtree()
                continue
            total += _count(node.text)
    return total


def is_substantive_story(elements: Iterable[etree._Element],
                         min_words: int = RULE_STORY_MIN_WORDS) -> bool:
    """The match holds at least `min_words` words of prose."""
    return story_words(elements) >= min_words
