"""Try a site rule on a page: what each selector alternative matches, and which one the
engine would use. `newsclean rules test` prints these reports.

The page is read as the engine reads it (the rule's replacements, then
`newsclean.decoding.tree.parse`) and selectors run through `newsclean.rules.selectors`,
so a match shown here is a match the engine sees. How the engine picks an alternative:
for `story`, the first whose match holds prose (`substance.RULE_STORY_MIN_WORDS` words
outside links and pictures); for the other single-valued fields, the first whose
matches hold text; `strip` and `images` use all. Where no alternative qualifies, the
engine finds the field as if the rule did not set it ("no match, engine used"); so it
does for pictures when no image container holds an <img>, and for related links when
a block has no items (the engine's own related blocks are read beside the rule's).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from ..decoding.charset import decode_html
from ..decoding.tree import drop, parse
from ..errors import RuleError
from ..model import Article
from .model import RelatedBlockRule, SiteRule
from .registry import RuleSet
from .selectors import compile_selector, select, select_text, selector_hazard
from .substance import is_substantive_story

__all__ = ["PREVIEWS", "PREVIEW_CHARS", "RELATED_ITEMS", "Alternative", "EngineSummary",
           "FieldReport", "Match", "RelatedBlockMatch", "RelatedReport", "RuleTestReport",
           "preview", "resolve_rule", "try_rule"]

PREVIEW_CHARS = 80
PREVIEWS = 5  # per selector alternative
RELATED_ITEMS = 10  # per block
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_SINGLE_FIELDS = ("story", "title", "authors", "published")
_RELATED_FIELDS = ("url", "title", "section", "time", "teaser")


@dataclass(frozen=True, slots=True)
class Match:
    node: str
    """`<tag id class>` of a matched element, `@name` of an attribute, or "text"."""
    text: str
    """The match's text, white space collapsed, cut to PREVIEW_CHARS."""


@dataclass(frozen=True, slots=True)
class Alternative:
    selector: str
    count: int
    matches: tuple[Match, ...]
    """The first PREVIEWS matches."""
    error: str | None
    substantive: bool
    """Some match holds text (not only empty elements); for `story`, the matches hold
    prose enough for the engine to take them (`is_substantive_story`)."""
    used: bool
    """The engine takes this alternative (every matching one for strip and images)."""


@dataclass(frozen=True, slots=True)
class FieldReport:
    field: str
    alternatives: tuple[Alternative, ...]
    used: int | None
    """Index of the alternative the engine takes; None for strip and images (all are
    used) or when none qualifies (the engine then finds the field itself)."""
    all_used: bool
    note: str | None = None


@dataclass(frozen=True, slots=True)
class RelatedBlockMatch:
    node: str
    name: str | None
    count: int
    items: tuple[dict[str, str | None], ...]
    """The fields of the first RELATED_ITEMS items."""


@dataclass(frozen=True, slots=True)
class RelatedReport:
    block: str
    name: str | None
    item: str
    blocks: tuple[RelatedBlockMatch, ...]

    @property
    def count(self) -> int:
        return len(self.blocks)


@dataclass(frozen=True, slots=True)
class EngineSummary:
    """What the whole engine made of the page with the rule alone."""

    title: str | None
    authors: tuple[str, ...]
    published: str | None
    paragraphs: int
    first_paragraph: str | None
    images: int
    related: int

    @classmethod
    def from_article(cls, article: Article) -> EngineSummary:
        return cls(title=article.title, authors=tuple(article.authors),
                   published=article.published.isoformat() if article.published else None,
                   paragraphs=len(article.paragraphs),
                   first_paragraph=preview(article.paragraphs[0]) if article.paragraphs
                   else None,
                   images=len(article.images), related=len(article.related))


@dataclass(frozen=True, slots=True)
class RuleTestReport:
    rule: SiteRule
    notes: tuple[str, ...]
    fields: tuple[FieldReport, ...]
    related: tuple[RelatedReport, ...]

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        rule = self.rule
        return {
            "rule": {"name": rule.name, "source": rule.source, "domains": list(rule.domains),
                     "exact_domains": rule.exact_domains,
                     "engine_fallback": rule.engine_fallback},
            "notes": list(self.notes),
            "replace": [{"find": f, "replace": r} for f, r in rule.replace],
            "fields": [{"field": f.field, "note": f.note, "used": f.used,
                        "all_used": f.all_used,
                        "alternatives": [_alternative_dict(a) for a in f.alternatives]}
                       for f in self.fields],
            "related": [{"block": r.block, "name": r.name, "item": r.item, "count": r.count,
                         "blocks": [{"node": b.node, "name": b.name, "count": b.count,
                                     "items": [dict(i) for i in b.items]}
                                    for b in r.blocks]}
                        for r in self.related],
        }


def _alternative_dict(alt: Alternative) -> dict[str, Any]:
    return {"selector": alt.selector, "count": alt.count,
            "matches": [{"node": m.node, "text": m.text} for m in alt.matches],
            "error": alt.error, "substantive": alt.substantive, "used": alt.used}


def resolve_rule(name: str, folders: list[Path]) -> tuple[SiteRule, list[str]]:
    """A rule file (.toml, or .txt as a Full-Text RSS site config) or a domain/URL looked
    up in `folders` and the built-in rules. Notes say what was skipped on the way."""
    path = Path(name)
    if path.suffix == ".toml":
        from .loader import load_rule_file

        return load_rule_file(path), []
    if path.suffix == ".txt" and path.exists():
        from .ftr import read_ftr_file

        result = read_ftr_file(path)
        notes = [f"skipped: {e}" for e in result.errors] + [str(w) for w in result.warnings]
        if result.rule is None:
            raise RuleError("no usable rule:\n  " + "\n  ".join(notes), str(path))
        return result.rule, notes
    from .loader import load_rules

    ruleset: RuleSet = load_rules(folders, builtin=True)
    rule = ruleset.for_url(name)
    if rule is None:
        raise RuleError(f"no rule file {name!r} and no rule for the domain {name!r} "
                        f"among {len(ruleset)} rules")
    return rule, []


def try_rule(rule: SiteRule, page: bytes | str, url: str | None = None) -> RuleTestReport:
    """Run every selector of `rule` on `page`. Raises a NewscleanError when the page
    cannot be parsed (empty, binary, too large)."""
    root = parse(_apply_replacements(page, rule), url)
    notes: list[str] = []
    if url:
        host = urlsplit(url).hostname or ""
        if not rule.matches(host):
            notes.append(f"the rule's domains ({', '.join(rule.domains)}) do not match "
                         f"{host!r}: newsclean would not apply it to this URL")
    hazard = selector_hazard(root)
    if hazard is not None:
        # As the engine does: its selectors could take minutes on such a page.
        notes.append(f"{hazard}: newsclean sets the rule aside on it, and no selector was run")
        return RuleTestReport(rule=rule, notes=tuple(notes), fields=(), related=())
    fields = [_field("strip", rule.strip, [root], all_used=True)]
    # strip first, as the engine does: the other fields are read without what it removes
    for selector in rule.strip:
        for element in _elements(root, selector):
            drop(element)
    fields += [_field(name, getattr(rule, name), [root]) for name in _SINGLE_FIELDS]
    # The engine takes the pictures of every images alternative (lead and body pictures)
    figures = [f for selector in rule.images for f in _elements(root, selector)]
    pictures = sum(1 for f in figures if f.tag == "img" or f.find(".//img") is not None)
    fields.append(_field(
        "images", rule.images, [root], all_used=True,
        note=None if pictures or not rule.images else
        "no container holds a picture: no match, engine used"))
    where = (f"inside each of the {len(figures)} image containers" if figures
             else "in the whole page (no image container matched)")
    for name in ("captions", "credits"):
        if getattr(rule, name):
            fields.append(_field(name, getattr(rule, name), figures or [root], note=where))
    related = tuple(_related(spec, root, url) for spec in rule.related)
    return RuleTestReport(rule=rule, notes=tuple(notes), fields=tuple(fields), related=related)


def _apply_replacements(page: bytes | str, rule: SiteRule) -> bytes | str:
    """The rule's plain replacements, applied to the decoded text as the engine does."""
    if not rule.replace:
        return page
    text = decode_html(page, None)[0] if isinstance(page, bytes) else page
    for find, replacement in rule.replace:
        text = text.replace(find, replacement)
    return text


def _field(name: str, selectors: tuple[str, ...], scopes: list[etree._Element], *,
           all_used: bool = False, note: str | None = None) -> FieldReport:
    runs = [_run(selector, scopes, story=name == "story") for selector in selectors]
    used: int | None = None
    if not all_used:
        for index, (count, _, _, substantive, error) in enumerate(runs):
            if error is None and count and substantive:
                used = index
                break
    alternatives = tuple(
        Alternative(selector=selector, count=count, matches=matches, error=error,
                    substantive=substantive,
                    used=bool(count) and error is None if all_used else index == used)
        for index, (selector, (count, _, matches, substantive, error))
        in enumerate(zip(selectors, runs, strict=True)))
    return FieldReport(field=name, alternatives=alternatives, used=used, all_used=all_used,
                       note=note)


def _run(selector: str, scopes: list[etree._Element], *, story: bool = False
         ) -> tuple[int, int, tuple[Match, ...], bool, str | None]:
    """(matches, element matches, previews, any match holds text, error) of `selector`;
    for a `story` selector, "holds text" is "holds prose enough for the engine"."""
    try:
        compiled = compile_selector(selector)
        results = [compiled(scope) for scope in scopes]
    except (RuleError, etree.XPathError) as exc:
        return 0, 0, (), False, str(exc)
    count = elements = 0
    substantive = False
    previews: list[Match] = []
    for found in results:
        items = found if isinstance(found, list) else [found]
        for item in items:
            if isinstance(item, etree._Element):
                elements += 1
                text = _element_text(item)
            elif isinstance(item, str | bool | float):
                text = str(item)
            else:
                continue
            count += 1
            substantive = substantive or bool(text.strip())
            if len(previews) < PREVIEWS:
                previews.append(Match(node=_describe(item), text=preview(text)))
    if story:
        matched: list[etree._Element] = []
        for found in results:
            for item in found if isinstance(found, list) else [found]:
                if isinstance(item, etree._Element):
                    matched.append(item)
        substantive = is_substantive_story(_outermost(matched))
    return count, elements, tuple(previews), substantive, None


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    """The matches not inside another match (the engine reads those once)."""
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def _related(spec: RelatedBlockRule, root: etree._Element, url: str | None) -> RelatedReport:
    blocks: list[RelatedBlockMatch] = []
    for block in _elements(root, spec.block):
        items = _elements(block, spec.item)
        heading = next(block.iter(*_HEADINGS), None)
        found: list[dict[str, str | None]] = []
        for item in items[:RELATED_ITEMS]:
            values: dict[str, str | None] = {}
            for key in _RELATED_FIELDS:
                selector = getattr(spec, key)
                if selector is None:
                    continue
                texts = [t for t in _texts(item, selector) if t]
                value = texts[0] if texts else None
                if key == "url" and value and url:
                    value = urljoin(url, value)
                values[key] = value
            found.append(values)
        name = spec.name or (preview(_element_text(heading)) if heading is not None else None)
        blocks.append(RelatedBlockMatch(node=_describe(block), name=name, count=len(items),
                                        items=tuple(found)))
    return RelatedReport(block=spec.block, name=spec.name, item=spec.item,
                         blocks=tuple(blocks))


def _elements(node: etree._Element, selector: str) -> list[etree._Element]:
    try:
        return select(node, selector)
    except (RuleError, etree.XPathError):
        return []


def _texts(node: etree._Element, selector: str) -> list[str]:
    try:
        return [_collapse(t) for t in select_text(node, selector)]
    except (RuleError, etree.XPathError):
        return []


def _element_text(element: etree._Element) -> str:
    """Text content with a space between text nodes, so paragraphs do not run together;
    <meta content> and <time datetime> carry their value in an attribute."""
    if not isinstance(element.tag, str):  # comments, processing instructions
        return str(element.text or "")
    text = " ".join(str(t) for t in element.itertext())
    return text if text.strip() else element.get("content") or element.get("datetime") or text


def _collapse(text: str) -> str:
    return " ".join(text.split())


def preview(text: str) -> str:
    """`text` with white space collapsed, cut to PREVIEW_CHARS."""
    text = _collapse(text)
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS - 1] + "…"


def _describe(item: object) -> str:
    if isinstance(item, etree._Element) and isinstance(item.tag, str):
        attrs = "".join(f' {k}="{item.get(k)}"' for k in ("id", "class") if item.get(k))
        return f"<{item.tag}{attrs}>"[:PREVIEW_CHARS]
    name = getattr(item, "attrname", None)
    if isinstance(item, str) and name:
        return f"@{name}"
    return "text"
