"""Why each part of a page was kept or dropped, as data.

Recording is off unless `explain()` asks for it: the engine then calls `Recorder.add`,
and otherwise holds `None` and skips the call, so plain extraction pays nothing.
Elements are named by the `data-nc-id` attribute that `explain()` sets on every element
of the parsed page before the engine runs; `Explanation.html` is that annotated page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from ..model import Article

__all__ = ["NODE_ID", "Decision", "Explanation", "Recorder", "Role", "annotate"]

NODE_ID = "data-nc-id"

Role = Literal[
    "story",        # the container chosen as the story
    "paragraph",    # a block kept as a paragraph of the story
    "title",
    "byline",
    "date",
    "dateline",
    "image",        # a story picture
    "caption",
    "credit",
    "related-block",
    "related-item",
    "boilerplate",  # removed: navigation, share bar, sign-up, advert, footer...
]


@dataclass(frozen=True, slots=True)
class Decision:
    node: str
    """The `data-nc-id` of the element concerned."""
    role: Role
    reason: str
    """Human-readable: the signal and its value, or the rule and selector."""
    source: str
    """"engine:<signal>" for the generic engine, "rule:<rule name>" for a site rule."""
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    article: Article
    decisions: list[Decision]
    html: str
    """The parsed page serialised with `data-nc-id` on every element, before any removal."""
    rule: str | None = None
    """The site rule applied, by name and source file, if any."""

    @property
    def confidence(self) -> float:
        """How sure the engine is of its own story, in [0, 1]."""
        return self.article.confidence

    @property
    def confidence_reasons(self) -> list[str]:
        """The weaknesses seen, then what the second opinion did (if one ran)."""
        return self.article.confidence_reasons

    @property
    def text_source(self) -> str:
        """The engine whose text the article holds: newsclean, json-ld or trafilatura."""
        return self.article.text_source

    def by_role(self, role: Role) -> list[Decision]:
        return [d for d in self.decisions if d.role == role]


@dataclass(slots=True)
class Recorder:
    decisions: list[Decision] = field(default_factory=list)

    def add(self, element: etree._Element, role: Role, reason: str, source: str,
            score: float | None = None) -> None:
        node = element.get(NODE_ID)
        if node is None:
            # An element the engine made (a paragraph opened at a double break, a frame's
            # document put in place) is named by the nearest numbered element around it.
            node = next((named for ancestor in element.iterancestors()
                         if (named := ancestor.get(NODE_ID)) is not None), None)
        if node is not None:
            self.decisions.append(Decision(node, role, reason, source, score))


def annotate(root: etree._Element) -> None:
    """Number every element in document order."""
    for index, element in enumerate(root.iter()):
        if isinstance(element.tag, str):
            element.set(NODE_ID, str(index))
