"""One self-contained HTML report: the page with every decision marked, the Article beside it.

Layout: the sanitised page fills a sandboxed `<iframe srcdoc>` on the left; the panel on
the right holds the rule applied, the legend, the block last clicked, the Article's
fields (those in `differing_fields` flagged) and the table of every decision.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from html import escape
from pathlib import Path

from ..extract.explain import Decision, Explanation
from ..model import Article, Image, RelatedLink
from .sanitise import PreparedPage, describe_source, prepare_page
from .template import PAGE_CSP, PAGE_CSS, REPORT_CSP, REPORT_CSS, REPORT_JS, ROLE_BY_NAME, ROLES

__all__ = ["MAX_ITEMS", "MAX_ROWS", "render_report", "write_report"]

MAX_ROWS = 3_000
"""Decisions listed in the table; the rest are counted."""
MAX_ITEMS = 1_000
"""Paragraphs, images or related links listed in the panel; the rest are counted."""

_FIELD_PATH = re.compile(r"\s*([A-Za-z_]+)(?:\[(\d+)\]|\.(\d+))?")
# Fields of Article.to_dict() shown under another: `text` is the paragraphs joined.
_FIELD_ALIASES = {"text": "paragraphs"}


def render_report(explanation: Explanation, *, differing_fields: Sequence[str] = (),
                  title: str | None = None) -> str:
    """The report as one HTML document that loads nothing and runs none of the page's code.

    `differing_fields` names Article fields to flag: top-level `Article.to_dict()` keys
    ("title", "images", "text"), optionally with an item index ("images[1]",
    "related.0.age") to flag that item too. Names the panel has no place for are still
    listed in the summary at the top.
    """
    article = explanation.article
    page = prepare_page(explanation.html, explanation.decisions, csp=PAGE_CSP, styles=PAGE_CSS)
    flagged = _parse_differing(differing_fields)
    heading = title or f"newsclean inspect: {article.title or article.url or 'page'}"
    panel = "\n".join([
        _header(explanation, page, heading),
        _differs_summary(differing_fields),
        _legend(explanation.decisions),
        '<section id="nc-selected"><h2>Selected block</h2><div id="nc-selected-body">'
        '<p class="nc-hint">Hover a marked block in the page to read why it was kept or '
        "dropped; click it to pin the details here.</p></div></section>",
        _fields(article, flagged, {d.role for d in explanation.decisions}),
        _decision_table(explanation.decisions, page),
    ])
    if page.html:
        frame = ('<iframe id="nc-frame" title="The page with newsclean\'s decisions marked" '
                 'sandbox="allow-same-origin" referrerpolicy="no-referrer" '
                 f'srcdoc="{_attr(page.html)}"></iframe>')
    else:
        frame = '<p class="nc-nopage">The explanation holds no page HTML to show.</p>'
    data = {"decisions": _decisions_by_node(explanation.decisions)}
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{_attr(REPORT_CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{escape(heading)}</title>\n<style>{REPORT_CSS}</style>\n</head>\n<body>\n"
        f'<main class="nc-page">{frame}</main>\n'
        f'<aside class="nc-panel">\n{panel}\n</aside>\n'
        f'<script type="application/json" id="nc-data">{_script_json(data)}</script>\n'
        f"<script>{REPORT_JS}</script>\n</body></html>\n"
    )


def write_report(explanation: Explanation, path: Path, *,
                 differing_fields: Sequence[str] = ()) -> Path:
    """Write `render_report(...)` to `path` (a folder gets `report.html`); return the file."""
    path = Path(path)
    if path.is_dir():
        path = path / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(explanation, differing_fields=differing_fields),
                    encoding="utf-8")
    return path


# --- panel sections ----------------------------------------------------------------


def _header(explanation: Explanation, page: PreparedPage, heading: str) -> str:
    article = explanation.article
    rule = (f"Site rule: <strong>{escape(explanation.rule)}</strong>" if explanation.rule
            else "Generic engine (no site rule matched)")
    counts = (f"{_count(len(explanation.decisions), 'decision')} · "
              f"{_count(len(page.shown), 'element')} marked in the page · "
              f"{_count(len(page.offstage), 'decision')} on elements not shown")
    if page.cut_chars:
        counts += f" · {page.cut_chars:,} characters cut to bound the report"
    url = article.url or article.canonical_url
    return (f"<header><h1>{escape(heading)}</h1>"
            + (f'<p class="nc-sub">{escape(url)}</p>' if url else "")
            + f'<p class="nc-rule" id="nc-rule">{rule}</p>'
            + f'<p class="nc-hint">{escape(counts)}</p>'
            + '<div class="nc-nav"><button type="button" id="nc-next" '
            'title="Jump to the next marked decision in page order (key: n)">'
            "Next decision ↓</button>"
            '<span class="nc-hint" id="nc-next-count"></span></div></header>')


def _differs_summary(differing: Sequence[str]) -> str:
    if not differing:
        return ""
    names = ", ".join(f"<code>{escape(name)}</code>" for name in differing)
    return (f'<section class="nc-differs-summary" id="nc-differs">'
            f"<strong>Differs from the expected result:</strong> {names}</section>")


def _legend(decisions: Sequence[Decision]) -> str:
    counts: dict[str, int] = {}
    for decision in decisions:
        counts[decision.role] = counts.get(decision.role, 0) + 1
    items = []
    for style in ROLES:
        items.append(
            f'<li><button type="button" data-role="{style.role}" aria-pressed="true" '
            f'title="Show or hide the {escape(style.label.lower())} marks">'
            f'<span class="nc-swatch" style="background:{style.colour}"></span>'
            f'{escape(style.label)}<span class="nc-count">{counts.get(style.role, 0)}</span>'
            "</button></li>")
    return ('<section class="nc-legend" id="nc-legend"><h2>Legend</h2><ul>'
            + "".join(items) + "</ul></section>")


def _fields(article: Article, flagged: dict[str, set[int]], roles: set[str]) -> str:
    sections: list[str] = []

    def field(name: str, label: str, body: str, locate: str | None = None) -> None:
        differs = name in flagged
        badge = '<span class="nc-badge">differs</span>' if differs else ""
        # "show" scrolls the page to the first element decided in that role.
        button = (f'<button type="button" class="nc-locate" data-locate="{locate}">show</button>'
                  if locate in roles else "")
        sections.append(
            f'<div class="nc-field{" nc-differs" if differs else ""}" data-field="{name}">'
            f"<dt>{escape(label)}{badge}{button}</dt><dd>{body}</dd></div>")

    def items(name: str, values: Sequence[str], ordered: bool = False) -> str:
        if not values:
            return _EMPTY
        tag = "ol" if ordered else "ul"
        marks = flagged.get(name, set())
        more = len(values) - MAX_ITEMS
        return (f'<{tag} class="nc-list">'
                + "".join(f"<li{_item_class(i in marks)}>{v}</li>"
                          for i, v in enumerate(values[:MAX_ITEMS]))
                + f"</{tag}>" + (f'<p class="nc-hint">… and {more:,} more.</p>' if more > 0 else ""))

    field("title", "Title", _text(article.title), "title")
    field("authors", "Authors", items("authors", [escape(a) for a in article.authors]), "byline")
    field("published", "Published", _text(_iso(article.published)), "date")
    field("modified", "Modified", _text(_iso(article.modified)))
    dateline = article.dateline
    field("dateline", "Dateline",
          _EMPTY if dateline is None else escape(" · ".join(
              f"{k}: {v}" for k, v in (("location", dateline.location),
                                       ("date", dateline.date_text),
                                       ("agency", dateline.agency)) if v)), "dateline")
    field("description", "Description", _text(article.description))
    total = sum(len(p) for p in article.paragraphs)
    paragraphs = items("paragraphs", [escape(p) for p in article.paragraphs], ordered=True)
    open_attr = " open" if "paragraphs" in flagged else ""
    field("paragraphs", f"Paragraphs ({len(article.paragraphs)})",
          f"<details{open_attr}><summary>{total:,} characters of text</summary>{paragraphs}"
          "</details>" if article.paragraphs else _EMPTY, "paragraph")
    field("text_source", "Text from", escape(article.text_source))
    field("confidence", f"Confidence ({article.confidence:.2f})",
          items("confidence_reasons", [escape(r) for r in article.confidence_reasons]))
    field("images", f"Images ({len(article.images)})",
          items("images", [_image(i) for i in article.images], ordered=True), "image")
    field("related", f"Related links ({len(article.related)})",
          _related(article.related, flagged.get("related", set())), "related-item")
    field("url", "URL", _text(article.url))
    field("canonical_url", "Canonical URL", _text(article.canonical_url))
    field("site_name", "Site", _text(article.site_name))
    field("language", "Language", _text(article.language))
    field("tags", "Tags", items("tags", [escape(t) for t in article.tags]))
    return ('<section class="nc-fields" id="nc-fields"><h2>Article</h2><dl>'
            + "".join(sections) + "</dl></section>")


def _image(image: Image) -> str:
    # A picture whose address the page leaves to a script has none to show.
    url = escape(image.url) if image.url is not None else NO_URL
    parts = [f'<div class="nc-url">{url}</div>']
    for label, value in (("caption", image.caption), ("credit", image.credit), ("alt", image.alt)):
        if value:
            parts.append(f'<div><span class="nc-meta">{label}:</span> {escape(value)}</div>')
    return "".join(parts)


def _related(links: Sequence[RelatedLink], marks: set[int]) -> str:
    if not links:
        return _EMPTY
    groups: dict[str, list[tuple[int, RelatedLink]]] = {}
    for index, link in enumerate(links[:MAX_ITEMS]):
        groups.setdefault(link.block, []).append((index, link))
    out = []
    for block, members in groups.items():
        rows = []
        for index, link in members:
            meta = " · ".join(v for v in (link.section, link.age, _iso(link.published)) if v)
            rows.append(
                f"<li{_item_class(index in marks)}>{escape(link.title)}"
                + (f'<div class="nc-meta">{escape(meta)}</div>' if meta else "")
                + (f"<div>{escape(link.teaser)}</div>" if link.teaser else "")
                + f'<div class="nc-url">{escape(link.url)}</div></li>')
        out.append(f'<div class="nc-meta">block: <strong>{escape(block)}</strong></div>'
                   f'<ol class="nc-list">{"".join(rows)}</ol>')
    if len(links) > MAX_ITEMS:
        out.append(f'<p class="nc-hint">… and {len(links) - MAX_ITEMS:,} more.</p>')
    return "".join(out)


def _decision_table(decisions: Sequence[Decision], page: PreparedPage) -> str:
    offstage = {id(o.decision): o for o in page.offstage}
    rows = []
    for decision in decisions[:MAX_ROWS]:
        where = offstage.get(id(decision))
        rows.append(
            (f'<tr data-node="{escape(decision.node)}">' if where is None else "<tr>")
            + f"<td>{escape(decision.node)}</td><td>{escape(_role_label(decision.role))}</td>"
            + f"<td>{escape(describe_source(decision.source))}"
            + (f" ({decision.score:.3g})" if decision.score is not None else "")
            + f"</td><td>{escape(decision.reason)}"
            + (f'<div class="nc-meta">{escape(where.where)}</div>' if where else "")
            + "</td></tr>")
    more = len(decisions) - MAX_ROWS
    tail = f'<p class="nc-hint">… and {more:,} more.</p>' if more > 0 else ""
    return (f'<section id="nc-decisions"><h2>Decisions</h2><details>'
            f"<summary>All {len(decisions)} decisions ({len(page.offstage)} on elements not "
            "shown in the page)</summary><table><thead><tr><th>node</th><th>role</th>"
            f"<th>source</th><th>reason</th></tr></thead><tbody>{''.join(rows)}</tbody>"
            f"</table>{tail}</details></section>")


# --- helpers -----------------------------------------------------------------------

_EMPTY = '<span class="nc-empty">none</span>'
NO_URL = '<span class="nc-empty">no URL: the page fills the picture in by script</span>'


def _text(value: str | None) -> str:
    return escape(value) if value else _EMPTY


def _iso(value: object) -> str | None:
    isoformat: Callable[[], str] | None = getattr(value, "isoformat", None)
    return isoformat() if isoformat is not None else None


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _item_class(differs: bool) -> str:
    return ' class="nc-item-differs"' if differs else ""


def _role_label(role: str) -> str:
    style = ROLE_BY_NAME.get(role)
    return style.label if style else role


def _parse_differing(names: Iterable[str]) -> dict[str, set[int]]:
    """{"field": {item indexes}} from names like "title", "images[1]", "related.0.age"."""
    flagged: dict[str, set[int]] = {}
    for name in names:
        match = _FIELD_PATH.match(name)
        if not match:
            continue
        key = _FIELD_ALIASES.get(match[1], match[1])
        marks = flagged.setdefault(key, set())
        index = match[2] or match[3]
        if index is not None:
            marks.add(int(index))
    return flagged


def _decisions_by_node(decisions: Sequence[Decision]) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for d in decisions:
        out.setdefault(d.node, []).append({
            "role": d.role,
            "label": _role_label(d.role),
            "source": describe_source(d.source),
            "score": None if d.score is None else f"{d.score:.3g}",
            "reason": d.reason,
        })
    return out


def _script_json(data: object) -> str:
    # Inside <script>, "</script>" would end the block: escape the characters in JSON.
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _attr(value: str) -> str:
    """`value` for a double-quoted attribute: only & and " need escaping there."""
    return value.replace("&", "&amp;").replace('"', "&quot;")

