"""Find the story in a page and read its paragraphs.

One scoring idea, after readability: every paragraph-like element scores by its length
and commas and passes that score up to its parent and, diminishing, to a few more
ancestors. The container with the best score, discounted by its link density, holds the
story; siblings that score well enough join it. Class and id tokens nudge the scores.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from .patterns import (
    BOILERPLATE_LINE,
    DATE_ONLY_LINE,
    DISCUSSION_TOKENS,
    HEADING_TAGS,
    LAYOUT_TAGS,
    NOISE_TOKENS,
    OUTSIDE_TOKENS,
    STORY_TOKENS,
    STRONG_NOISE_TOKENS,
    STRONG_STORY_TOKENS,
)
from .text import class_tokens, collapse, link_density, raw_text, text_length

Element = etree._Element

SHORT_NOISE = 400
LONG_NOISE = 3000
"""Noise-named containers with more plain text than this are kept (weak / strong names)."""
MIN_PARAGRAPH = 25
MIN_HEADING = 8
MAX_HEADING_TEXT = 600
MAX_HEADING_MASS = 150
"""Characters below which an element adds nothing to its ancestors' scores."""
DIVIDERS = (1, 2, 6, 9)
"""How many ancestors share a paragraph's score, and the divisor of each one's share."""
CLASS_WEIGHT = 25.0
STRONG_CLASS_WEIGHT = 50.0
SIBLING_SHARE = 0.2
"""A sibling joins the story when it scores at least this share of the top score."""
MIN_SIBLING_SCORE = 10.0
SCORED_TAGS = ("p", "pre", "td", "blockquote", "div", "section", "li", "dd", "article")
TAG_BONUS = {"div": 5.0, "article": 8.0, "main": 5.0, "section": 2.0, "pre": 3.0,
             "td": 3.0, "blockquote": 3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0,
             "li": -3.0, "form": -3.0, "th": -5.0, "address": -3.0}
FULL_BONUS_MASS = 800
"""Characters of paragraph text a container needs for its full class-name bonus."""
MASS_CAP = 6000
"""Up to this many characters of paragraph text raise a candidate's score, to double."""
RANKED = 12
"""How many top-scoring candidates are weighed by link density and headline proximity."""
TITLE_LEVELS = 4
TITLE_BONUS = 2.0
"""Candidates within TITLE_LEVELS of a common ancestor with the headline score this much more."""
EXPAND_LEVELS = 14
EXPAND_GAIN = 1.6
"""The parent must hold this many times the paragraph text of the story so far."""
EXPAND_MAX_LINK_DENSITY = 0.25


@dataclass(slots=True)
class Story:
    blocks: list[Element]
    """The story container, then any sibling that joined it, in document order."""
    score: float
    signal: str
    container: Element | None = None
    """The best-scoring element (the first block when a rule chose the story)."""

    def __post_init__(self) -> None:
        if self.container is None and self.blocks:
            self.container = self.blocks[0]


def class_weight(element: Element) -> float:
    tokens = class_tokens(element)
    if not tokens:
        return 0.0
    weight = 0.0
    if tokens & STRONG_STORY_TOKENS or element.get("itemprop") == "articleBody":
        weight += STRONG_CLASS_WEIGHT
    elif tokens & STORY_TOKENS:
        weight += CLASS_WEIGHT
    if tokens & OUTSIDE_TOKENS:
        weight -= CLASS_WEIGHT
    return weight


WHOLE_TEXT_TAGS = frozenset({"p", "pre", "blockquote", "td", "li", "dd", "font", "span"})
"""Elements whose whole text counts as their own (nested blocks in them are rare)."""


def own_text_length(element: Element) -> int:
    """Text directly inside the element and its inline children, without nested blocks."""
    if element.tag in WHOLE_TEXT_TAGS:
        return text_length(raw_text(element))
    length = len((element.text or "").strip())
    for child in element:
        if child.tag in ("a", "b", "i", "em", "strong", "span", "br", "sup", "sub", "u"):
            length += text_length(raw_text(child))
        length += len((child.tail or "").strip())
    return length


def score_tree(body: Element, excluded: Callable[[Element], bool], mass: dict[Element, int]
               ) -> dict[Element, float]:
    scores: dict[Element, float] = {}
    # Paragraph text per parent; every ancestor of the parent counts it too, for _expand.
    # Summed per parent first: many paragraphs share one, and the climb is then paid once.
    held: dict[Element, int] = {}
    for element in body.iter(*SCORED_TAGS, "h2", "h3", "h4"):
        tag = element.tag
        if tag in HEADING_TAGS:
            # Sub-headings earn no score but show where the story's sections are.
            length = len(raw_text(element).strip())
            if MIN_HEADING <= length <= MAX_HEADING_MASS:
                parent = element.getparent()
                if parent is not None:
                    held[parent] = held.get(parent, 0) + length
            continue
        if tag in WHOLE_TEXT_TAGS:
            text = raw_text(element)  # once, for the length and the commas
            length = text_length(text)
        else:
            length = own_text_length(element)
            text = ""
        if length < MIN_PARAGRAPH:
            continue
        if not text and tag != "div":
            text = raw_text(element)
        # Latin, CJK and Arabic commas (spelt out: four counts beat a loop over them).
        commas = (text.count(",") + text.count("，") + text.count("、") + text.count("،")
                  if text else 1)
        points = 1.0 + commas + min(length / 100.0, 3.0)
        ancestor = element.getparent()
        if ancestor is not None:
            held[ancestor] = held.get(ancestor, 0) + length
        level = 0
        while ancestor is not None and level < len(DIVIDERS):
            if ancestor.tag in ("body", "html"):
                break
            score = scores.get(ancestor)
            if score is None:
                score = TAG_BONUS.get(ancestor.tag, 0.0) + class_weight(ancestor)
            scores[ancestor] = score + points / DIVIDERS[level]
            ancestor = ancestor.getparent()
            level += 1
    for parent, length in held.items():
        mass[parent] = mass.get(parent, 0) + length
        for holder in parent.iterancestors():
            mass[holder] = mass.get(holder, 0) + length
    return {e: s for e, s in scores.items() if not excluded(e)}


def _near_title(element: Element, title_ancestors: set[Element]) -> bool:
    """Whether the element shares a close ancestor with the headline."""
    node: Element | None = element
    for _ in range(TITLE_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return False
        if node in title_ancestors:
            return True
        node = node.getparent()
    return False


def find_story(body: Element, excluded: Callable[[Element], bool],
               title: Element | None = None) -> Story | None:
    mass: dict[Element, int] = {}
    scores = score_tree(body, excluded, mass)
    if not scores:
        return None
    # A set of the elements themselves, not of id()s: lxml frees an element's proxy
    # when nothing holds it, and a new proxy may then reuse the id.
    title_ancestors: set[Element] = (set(title.iterancestors()) | {title}
                                     if title is not None else set())
    densities: dict[Element, float] = {}

    def density(element: Element) -> float:
        if element not in densities:
            densities[element] = link_density(element)
        return densities[element]

    # The link-density discount is costly, so only the strongest few pay it.
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:RANKED]
    best: Element | None = None
    best_score = 0.0
    for element, score in ranked:
        # A story-like class name on a container with little text ("rich-text" around a
        # one-line promo) is no evidence: its bonus grows with the text it holds.
        bonus = class_weight(element)
        if bonus > 0:
            score -= bonus * (1.0 - min(1.0, mass.get(element, 0) / FULL_BONUS_MASS))
        growth = 1.0 + min(mass.get(element, 0), MASS_CAP) / MASS_CAP
        near = bool(title_ancestors) and _near_title(element, title_ancestors)
        # Without links the candidate would score `ceiling`; when even that cannot beat
        # the best so far, its costly link density is not needed.
        ceiling = score * growth * (TITLE_BONUS if near else 1.0)
        if ceiling <= best_score:
            continue
        final = score * (1.0 - density(element))
        final *= growth
        if near:
            final *= TITLE_BONUS
        if final > best_score:
            best, best_score = element, final
    if best is None:
        return None
    best = _promote(best, best_score, scores, density)
    best = _expand(best, mass, excluded, density)
    blocks = _join_siblings(best, scores.get(best, best_score), scores)
    return Story(blocks=blocks, score=best_score, signal="engine:score", container=best)


def _promote(best: Element, best_score: float, scores: dict[Element, float],
             density: Callable[[Element], float]) -> Element:
    """Climb while the parent scores nearly as well: the story was split across
    several children (readability does the same with its top candidates)."""
    node = best
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html") or parent not in scores:
            return node
        if scores[parent] < best_score * 0.75:
            return node
        if density(parent) > 0.4:
            return node
        node = parent
        best_score = max(best_score, scores[parent])


def _expand(node: Element, mass: dict[Element, int], excluded: Callable[[Element], bool],
            density: Callable[[Element], float]) -> Element:
    """Climb while the parent holds much more paragraph text at a low link density:
    a story cut into sections ("1. ...", "2. ...") scores in each section, and the
    best section alone is only part of it."""
    while True:
        ancestor = node.getparent()
        grown: Element | None = None
        for _ in range(EXPAND_LEVELS):
            if ancestor is None or ancestor.tag in ("body", "html") or excluded(ancestor):
                break
            if mass.get(ancestor, 0) >= mass.get(node, 0) * EXPAND_GAIN:
                grown = ancestor
                break
            ancestor = ancestor.getparent()
        if grown is None or density(grown) > EXPAND_MAX_LINK_DENSITY:
            return node
        node = grown


def _join_siblings(best: Element, best_score: float, scores: dict[Element, float]
                   ) -> list[Element]:
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(MIN_SIBLING_SCORE, best_score * SIBLING_SHARE)
    blocks = []
    for sibling in parent:
        if sibling is best:
            blocks.append(sibling)
            continue
        if not isinstance(sibling.tag, str):
            continue
        tokens = class_tokens(sibling)
        if tokens & OUTSIDE_TOKENS or sibling.tag in LAYOUT_TAGS:
            continue
        score = scores.get(sibling, 0.0)
        if score >= threshold:
            blocks.append(sibling)
        elif sibling.tag == "p":
            text = collapse(raw_text(sibling))
            density = link_density(sibling, len(text))
            if (len(text) > 80 and density < 0.25) or (
                    0 < len(text) <= 80 and density == 0 and text.endswith((".", "!", "?"))):
                blocks.append(sibling)
    return blocks


def is_noise(element: Element, allowed: frozenset[str] = frozenset()) -> bool:
    """Inside the story: containers that carry no story text."""
    tag = element.tag
    if tag in LAYOUT_TAGS or tag in ("figure", "figcaption", "h1"):
        return True
    if not element.items():
        return False  # every test below reads an attribute
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    if style and "display:none" in style.replace(" ", "").lower():
        return True
    tokens = class_tokens(element)
    noise = tokens & NOISE_TOKENS - allowed
    if not noise or tokens & STRONG_STORY_TOKENS:
        return False
    # A "noise" wrapper that holds a long, plain text is a story wrapper after all.
    length = len(collapse(raw_text(element)))
    limit = LONG_NOISE if noise & STRONG_NOISE_TOKENS else SHORT_NOISE
    return length < limit or link_density(element, length) > 0.3


_HAS_COMMENT_NAME = etree.XPath(
    "boolean(.//*[contains(@class, 'omment') or contains(@id, 'omment')])")


def discussion_share(container: Element) -> float:
    """The share of the container's text that sits in comment-marked elements."""
    if not _HAS_COMMENT_NAME(container):
        return 0.0
    total = len(raw_text(container))
    if not total:
        return 0.0
    inside = 0
    walker = etree.iterwalk(container, events=("start",))
    for _, element in walker:
        if element is not container and class_tokens(element) & DISCUSSION_TOKENS:
            inside += len(raw_text(element))
            walker.skip_subtree()
    return inside / total


def keep_paragraph(element: Element, text: str) -> bool:
    if BOILERPLATE_LINE.match(text) or (len(text) < 60 and DATE_ONLY_LINE.match(text)):
        return False
    tag = element.tag
    length = len(text)
    if tag in HEADING_TAGS:
        # Long "headings" are mostly standfirsts set in <h2>.
        return length <= MAX_HEADING_TEXT
    if tag in ("li", "td", "dd", "dt", "th"):
        return link_density(element, length) < 0.6 or length > 150
    # Short link-heavy lines are navigation ("Home > World", "Tags: a, b").
    return not (link_density(element, length) > 0.5 and length < 300)
