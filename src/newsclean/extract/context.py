"""What one extraction carries from stage to stage: the page, the rule, and the findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, TypeAlias

from lxml import etree

from ..model import RelatedLink
from ..rules import SiteRule
from .explain import Recorder, Role
from .metadata import PageMeta
from .settings import Settings

__all__ = ["Context", "Element", "HTMLInput"]

Element = etree._Element


class _Soup(Protocol):
    """A BeautifulSoup document or tag: its markup is what decode() returns."""

    def decode(self) -> str: ...


HTMLInput: TypeAlias = (str | bytes | bytearray | memoryview | etree._Element
                        | etree._ElementTree | _Soup)
"""What `extract` and `explain` read: markup (bytes are decoded as a browser would), a
parsed lxml element or tree (copied, never changed), or a BeautifulSoup object."""


@dataclass(slots=True)
class Context:
    """The input of one extraction, and what the stages found so far (each stage reads
    what the stages before it left and adds its own)."""

    root: Element
    url: str | None
    rule: SiteRule | None
    reference: datetime | None
    """"Now" for relative ages ("2 hours ago"); None means the clock."""
    recorder: Recorder | None
    meta: PageMeta
    """<head> and JSON-LD, read before the clean-up drops <meta> and <script>."""
    settings: Settings
    body: Element = field(init=False)
    rule_source: str = field(init=False)
    """"rule:<name>" in decisions and story signals, "" without a rule."""

    # Found by the header stage before the clean-up (rule selectors may point at <meta>).
    rule_title: tuple[str, Element | None] | None = None
    rule_authors: list[str] = field(default_factory=list)
    rule_published: datetime | None = None
    page_text: str = ""
    """The body's text after the clean-up (confidence.page_words reads it), for the
    stages' cheap looks for a word before a search of the tree."""
    # Found by the header stage after the clean-up.
    title: str | None = None
    title_element: Element | None = None
    byline_authors: list[str] = field(default_factory=list)
    box_authors: list[str] = field(default_factory=list)
    """The name an author box gives away from the headline: read after the page's
    <meta name="author">, which it would otherwise outrank (a reviewer's box)."""
    starter_authors: list[str] = field(default_factory=list)
    """The user a forum thread's header names as its starter ("Thread starter")."""
    header_date_regions: list[tuple[Element, bool]] = field(default_factory=list)
    """The small regions near the headline that the layout clean-up drops, set aside
    before it for the dates they may print, each with whether it is near enough for a bare
    date line; read only when the page gives no date otherwise."""
    # Found by the related stage, extended by the story stage (inline lines).
    related: list[RelatedLink] = field(default_factory=list)
    # Found by the pictures stage.
    picture_text: set[Element] = field(default_factory=set)
    """Caption and credit elements of the story's pictures, kept out of its text."""
    # Found by the story stage.
    first_paragraph: Element | None = None
    # Found by the header stage when first asked (the pictures stage asks, then the engine).
    authors: list[str] | None = None
    posters: bool = False
    """The authors are a thread's first poster's (a discussion's JSON-LD, a microdata
    author item): their names in the text are the thread's, no byline left in it."""

    def __post_init__(self) -> None:
        body = self.root.find("body")
        self.body = body if body is not None else self.root
        self.rule_source = f"rule:{self.rule.name}" if self.rule else ""

    def note(self, element: Element, role: Role, reason: str, source: str,
             score: float | None = None) -> None:
        if self.recorder is not None:
            self.recorder.add(element, role, reason, source, score)

    def note_first(self, elements: list[Element], role: Role, reason: str) -> None:
        """Record the first element a rule selector matched."""
        if self.recorder is not None and elements:
            self.note(elements[0], role, reason, self.rule_source)
