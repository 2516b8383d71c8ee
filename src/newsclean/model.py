"""The typed result of an extraction: an `Article` with its images and related links.

Everything here is a frozen dataclass holding plain values, so results can be
compared, pickled between worker processes and turned into JSON without surprises.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["Article", "Dateline", "Image", "RelatedLink"]


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    try:
        return value.isoformat()
    except (ValueError, OverflowError, TypeError):
        # A zone whose offset cannot be written (a day or more): keep the clock time.
        return value.replace(tzinfo=None).isoformat()


def _fenced(text: str) -> str:
    """A preformatted paragraph as a Markdown code block, its fence longer than any run
    of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


def _parse_iso(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    return datetime.fromisoformat(str(value))


@dataclass(frozen=True, slots=True)
class Dateline:
    """The opening of a wire story: "SEOUL, Oct. 23 (UPI) --"."""

    location: str | None
    date_text: str | None
    agency: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"location": self.location, "date_text": self.date_text, "agency": self.agency}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dateline:
        return cls(data.get("location"), data.get("date_text"), data.get("agency"))


@dataclass(frozen=True, slots=True)
class Image:
    """A picture of the story itself, its caption split from its credit.

    `url` is the picture's best address, or None when the page shows the picture and its
    caption but leaves its address to a script (no src, srcset or lazy-load URL in the
    HTML): the caption and credit are still the story's.
    """

    url: str | None
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "caption": self.caption, "credit": self.credit, "alt": self.alt}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Image:
        return cls(data.get("url"), data.get("caption"), data.get("credit"), data.get("alt"))


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """One item of a related-headline block ("Latest Headlines", "Read more: ...")."""

    url: str
    title: str
    section: str | None = None
    published: datetime | None = None
    age: str | None = None
    teaser: str | None = None
    block: str = "related"

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "section": self.section,
            "published": _iso(self.published),
            "age": self.age,
            "teaser": self.teaser,
            "block": self.block,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RelatedLink:
        return cls(
            url=data["url"],
            title=data["title"],
            section=data.get("section"),
            published=_parse_iso(data.get("published")),
            age=data.get("age"),
            teaser=data.get("teaser"),
            block=data.get("block", "related"),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """A clean news article. `text` is the paragraphs joined by a blank line. A
    paragraph is one line, but for a preformatted block (`<pre>`: code, a plain-text
    document), which keeps its own lines.

    Frozen, compared by value, and not hashable: its lists (paragraphs, images, ...)
    are lists, so `hash(article)` raises TypeError. Key a set or dict by
    `article.to_json()` or by `article.url` instead.
    """

    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    modified: datetime | None = None
    dateline: Dateline | None = None
    description: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    site_name: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    # How sure the engine is of the story text, and which engine produced it.
    confidence: float = 1.0
    """In [0, 1]: 1 when no weakness was seen; see `confidence_reasons`."""
    confidence_reasons: list[str] = field(default_factory=list)
    """Each weakness seen in the engine's own story, then what the second opinion did."""
    text_source: str = "newsclean"
    """"newsclean", or the second opinion that replaced a weak story: "json-ld" (the
    page's articleBody) or "trafilatura"."""

    # Explicit: the generated hash of a frozen dataclass would fail on the lists inside.
    __hash__ = None  # type: ignore[assignment]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "authors": list(self.authors),
            "published": _iso(self.published),
            "modified": _iso(self.modified),
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "description": self.description,
            "paragraphs": list(self.paragraphs),
            "text": self.text,
            "images": [image.to_dict() for image in self.images],
            "related": [link.to_dict() for link in self.related],
            "site_name": self.site_name,
            "language": self.language,
            "tags": list(self.tags),
            "confidence": self.confidence,
            "confidence_reasons": list(self.confidence_reasons),
            "text_source": self.text_source,
        }

    def to_json(self, *, indent: int | None = None, sort_keys: bool = False) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=sort_keys)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        dateline = data.get("dateline")
        return cls(
            url=data.get("url"),
            canonical_url=data.get("canonical_url"),
            title=data.get("title"),
            authors=list(data.get("authors") or []),
            published=_parse_iso(data.get("published")),
            modified=_parse_iso(data.get("modified")),
            dateline=Dateline.from_dict(dateline) if dateline else None,
            description=data.get("description"),
            paragraphs=list(data.get("paragraphs") or []),
            images=[Image.from_dict(i) for i in data.get("images") or []],
            related=[RelatedLink.from_dict(r) for r in data.get("related") or []],
            site_name=data.get("site_name"),
            language=data.get("language"),
            tags=list(data.get("tags") or []),
            confidence=float(data.get("confidence", 1.0)),
            confidence_reasons=list(data.get("confidence_reasons") or []),
            text_source=str(data.get("text_source") or "newsclean"),
        )

    def to_markdown(self) -> str:
        out: list[str] = []
        if self.title:
            out.append(f"# {self.title}")
        byline = []
        if self.authors:
            byline.append("By " + ", ".join(self.authors))
        if self.published:
            byline.append(_iso(self.published) or "")
        if byline:
            out.append(" · ".join(byline))
        if self.images:
            lead = self.images[0]
            if lead.url is not None:
                out.append(f"![{lead.alt or ''}]({lead.url})")
            note = " ".join(x for x in (lead.caption, f"({lead.credit})" if lead.credit else None) if x)
            if note:
                out.append(f"*{note}*")
        out.extend(_fenced(p) if "\n" in p else p for p in self.paragraphs)
        if self.related:
            out.append("## Related")
            out.extend(f"- [{link.title}]({link.url})" for link in self.related)
        return "\n\n".join(out) + "\n"
