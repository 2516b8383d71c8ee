"""The engine's numeric thresholds, as one object a caller may change (for a sweep).

`Settings()` holds the values the engine was tuned with; `Settings(min_lead=40)` or
`Settings.parse("min_lead=40,max_lead=800")` change some. Thresholds of the story scoring
that no stage reads directly stay named constants in `content`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..errors import NewscleanError

__all__ = ["Settings", "SettingsError"]


class SettingsError(NewscleanError, ValueError):
    """A settings override names no setting, or its value is not a number."""


@dataclass(frozen=True, slots=True)
class Settings:
    # Cleaning.
    max_control_text: int = 300
    """A form control (<select>, <button>...) holding more text than this was left open by
    broken markup and swallowed the page: it is unwrapped, not removed."""

    # Story.
    min_paragraph: int = 25
    """Blocks with less text than this add nothing to a candidate's story score."""
    discussion_share: float = 0.7
    """Above this share of comment-named text, the story is a discussion page and its
    comment-named blocks are story text."""
    repeat_window: int = 3
    """A paragraph equal to one of this many kept just above is a mobile/desktop copy."""
    scope_levels: int = 5
    """How far above the story container the article's header (h1, lead picture) may sit."""

    # Lead (standfirst) above the story.
    min_lead: int = 30
    """A lead-named block needs this many characters (shorter: a label or a kicker)."""
    min_plain_lead: int = 80
    """A paragraph above the story without a lead-like class needs this many characters."""
    min_heading_lead: int = 8
    """A sub-heading between lead paragraphs needs this many characters."""
    max_lead: int = 1000
    """Longer than this, a block above the story is a teaser list or a second story."""

    # Related links.
    max_inline_related: int = 400
    """A "READ MORE: ..." line longer than this is a paragraph that happens to start so."""
    min_inline_title: int = 10
    """Shorter link texts on an inline line are not headlines ("here", "more")."""

    # Header.
    byline_scope_levels: int = 4
    """How far above the headline the byline is looked for before author links anywhere."""
    max_byline: int = 120
    """Longer than this, a byline-named element is an author box, not a byline."""
    date_scope_levels: int = 3
    """How far above the headline a printed date is looked for."""
    max_date_text: int = 120
    """Longer than this, a date-named element is more than a date line."""
    max_date_parts: int = 4
    """Child elements a printed date line may hold ("Published <time>…</time> by <a>…</a>")."""

    # Confidence and second opinion (extract/confidence.py, extract/fallback.py).
    fallback_below: float = 0.5
    """Under this confidence the story gets a second opinion (0 turns the fallback off)."""
    fallback_gain: float = 1.5
    """trafilatura's text replaces the engine's when it holds this many times its words."""

    @classmethod
    def parse(cls, text: str) -> Settings:
        """`KEY=VALUE[,KEY=VALUE]` over the defaults; an unknown key or a bad value is a
        `SettingsError`."""
        types: dict[str, type[int] | type[float]] = {
            f.name: float if isinstance(f.default, float) else int for f in dataclasses.fields(cls)}
        values: dict[str, int | float] = {}
        for pair in filter(None, (part.strip() for part in text.split(","))):
            key, sep, raw = pair.partition("=")
            key = key.strip()
            if not sep or key not in types:
                raise SettingsError(f"unknown setting {key!r}; known: {', '.join(types)}")
            try:
                values[key] = types[key](raw.strip())
            except ValueError:
                raise SettingsError(f"{key}={raw.strip()!r} is not a number") from None
        return cls(**values)  # type: ignore[arg-type]
