"""The outputs: results.json (everything), results.md (the tables), pages.jsonl (per page).

File names carry no timestamp, so a rerun replaces the previous results and a diff of
results.md shows what changed.
"""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Sequence
from pathlib import Path
from typing import Any

WHAT_IS_TIMED = (
    "CPU time (`time.process_time()`) of the single extraction call per page, in a child "
    "process per tool, tools one after another, after one warm-up page. Reading and "
    "gunzipping the file is not timed; peers get the page decoded to `str` once outside "
    "the timed call (the same decoding for all), newsclean gets the bytes and its decoding "
    "is inside its time. Turning a tool's result into text (readability's HTML) is not "
    "timed. Ratios are total CPU over the same pages. Peak RSS is the child's own peak "
    "(VmHWM; `ru_maxrss` where there is no /proc)."
)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info() -> dict[str, Any]:
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# --- formatting ---------------------------------------------------------------------------------


def _num(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}"


def _pct(value: Any) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


METRIC_NOTES = {
    "word-f1": "word F1: mean of per-page bag-of-words precision, recall, F1 (`\\w+`, lowercased)",
    "snippet-f1": "snippet F1: `with`/`without` snippets found, counts summed over all pages",
    "shingle-f1": "shingle F1: 4-word shingles, per-page tp/fp/fn normalised, P and R averaged, F1 of the means",
    "rouge-lsum": "ROUGE-LSum F1, paragraphs as units, mean over pages",
    "fundus": "body word F1 (as WCXB, a CJK character is one token) against the record's summary, "
    "section headlines and paragraphs, mean over pages",
}
def _second_opinion_lines(tools: dict[str, Any]) -> list[str]:
    """How often each newsclean tool asked for a second opinion, and whose text it kept."""
    out = []
    for tool, s in tools.items():
        info = s.get("second_opinion")
        if not info or not info["pages"]:
            continue
        pages = info["pages"]
        taken = ", ".join(f"{source} {count} ({_pct(count / pages)})"
                          for source, count in info["text_from"].items())
        out.append(f"- {tool}: second opinion asked on {info['asked']} of {pages} pages "
                   f"({_pct(info['asked'] / pages)}); text from {taken}.")
    return ["", *out] if out else []


COLLAPSE_NOTE = (
    "Collapses: pages where the tool scores F1 < 0.3 while its best peer (another tool, "
    "not its own variants nor the lxml floor) scores > 0.7. In brackets, how many of them "
    "are pages whose reference is empty: with nothing to extract, a tool that returns nothing "
    "scores 1.0 there and one that returns any text 0.0."
)
NOT_RETURNED = "—"
"""A figure the tool cannot have: it returns no pictures, related links or metadata."""


def _ratio(counts: dict[str, int]) -> str:
    return f"{counts['hits']}/{counts['total']}"


def _if_article(s: dict[str, Any], value: str) -> str:
    return value if s.get("returns_article") else NOT_RETURNED


def _leaks(s: dict[str, Any]) -> str:
    pages = len(s["leaked_pages"])
    return f"{s['leaked_strings']} of {s['leak_candidates']} ({pages} page{'' if pages == 1 else 's'})"


def _fundus_section(tools: dict[str, Any]) -> list[str]:
    out = [
        "",
        "Beyond the body: title exact (whitespace-normalised, case-folded); authors: set F1 of "
        "case-folded names; date: same calendar day in the record's time zone; caption recall: "
        "record captions matched by a returned caption (normalised; word F1 ≥ 0.8, or one "
        "contains the other with ≥ 30 % of its characters), on pages whose record has captions; "
        "credit: matched captions whose returned credit names one of the picture's authors; "
        "leakage: record captions of 4+ words, not in the body, found in the returned text "
        f"(strings of candidates). {NOT_RETURNED} = the tool returns no such field.",
        "",
    ]
    rows = []
    for tool, summary in tools.items():
        # halves by publisher, as the annotation set's (older results have none)
        halves = [("all", summary)] + [
            (half, {**summary, **figures}) for half, figures in (summary.get("halves") or {}).items()
        ]
        for half, s in halves:
            rows.append(
                [
                    tool,
                    half,
                    _if_article(s, f"{_pct(s['title'])} of {s['title_pages']}"),
                    _if_article(s, f"{_num(s['authors_f1'])} ({s['authors_pages']})"),
                    _if_article(s, f"{_pct(s['date'])} of {s['date_pages']}"),
                    _if_article(s, f"{_pct(s['caption_recall'])} ({_ratio(s['captions'])}, {s['caption_pages']} pages)"),
                    _if_article(s, f"{_pct(s['credit'])} ({_ratio(s['credits'])})"),
                    _leaks(s),
                ]
            )
    return out + _table(
        ["tool", "half", "title", "authors F1", "date", "caption recall", "credit", "leakage"], rows
    )


def _annotations_section(coll: dict[str, Any], results: dict[str, Any]) -> list[str]:
    tools = coll["tools"]
    out = [
        "",
        f"## {coll['title']} ({coll['pages']} pages)",
        "",
        "Related links by normalised URL (entities unescaped, resolved against the page, no "
        "scheme, fragment, trailing slash or `utm_*`), neutral URLs left out; P/R micro over "
        "links, macro over pages. Related titles: returned links to an annotated URL whose "
        "title is the annotated title (whitespace-normalised, case-folded). Captions as for Fundus; credit: matched captions with an "
        "annotated credit whose returned credit equals or contains it (or is contained in it); "
        "pictures: returned images that are annotated story pictures (by URL; one without "
        "URL, filled in by script, by its caption and credit), on pages with some. "
        "Leakage: annotated captions and related titles of 4+ words found in the text, story "
        f"strings excepted. {NOT_RETURNED} = the tool returns no such field.",
        "",
    ]
    rows = []
    for tool, s in tools.items():
        for half, h in s["halves"].items():
            rows.append(
                [
                    tool,
                    half,
                    str(h["pages"]),
                    _if_article(s, f"{_num(h['related_precision'])} / {_num(h['related_recall'])}"),
                    _if_article(s, f"{_num(h['related_precision_macro'])} / {_num(h['related_recall_macro'])}"),
                    _if_article(s, f"{_pct(h['related_title_exact'])} ({_ratio(h['related_titles'])})"),
                    _if_article(s, f"{_pct(h['caption_recall'])} ({_ratio(h['captions'])})"),
                    _if_article(s, f"{_pct(h['credit'])} ({_ratio(h['credits'])})"),
                    _if_article(s, f"{_pct(h['picture_precision'])} ({_ratio(h['pictures'])})"),
                    _leaks(h),
                ]
            )
    for tool, info in results["tools"].items():
        if tool not in tools:
            rows.append([tool] + ["–"] * 8 + [str(info.get("status"))])
    header = ["tool", "half", "pages", "related P / R", "macro P / R", "related titles",
              "caption recall", "credit", "pictures P", "leakage"]
    return out + _table(header, rows)


def _collapses(scores: dict[str, Any]) -> str:
    """The collapse count, and in brackets those on pages with an empty reference."""
    if "collapses" not in scores:
        return "–"
    empty = scores.get("collapses_empty_reference")
    return f"{scores['collapses']} ({empty} empty)" if empty else str(scores["collapses"])


def _losses_section(tools: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for tool, s in tools.items():
        worst = s.get("worst")
        if not worst:
            continue
        out += ["", f"Largest losses of {tool} to the best peer:", ""]
        out += _table(
            ["page", "F1", "best peer", "peer F1", "loss"],
            [[w["id"] + (" (empty reference)" if w.get("empty_reference") else ""), _num(w["f1"]),
              w["peer"], _num(w["peer_f1"]), _num(w["loss"])] for w in worst],
        )
    return out


def render_markdown(results: dict[str, Any]) -> str:
    machine = results["machine"]
    # newsclean's rule variants are the same package: list each distribution once
    versions = ", ".join(
        dict.fromkeys(
            f"{info.get('distribution', tool)} {info['version']}"
            for tool, info in results["tools"].items()
            if info.get("version")
        )
    )
    out = [
        "# Extraction benchmark",
        "",
        f"- Date: {results['date']}",
        f"- Machine: {machine['cpu']}, {machine['cores']} cores, Python {machine['python']}, {machine['platform']}",
        f"- Command: `{results['command']}`"
        + (f" at revision {results['revision']}" if results.get("revision") else ""),
        f"- Versions: {versions}",
        f"- Per-page limit: {results['settings']['timeout_s']} s; crashes and timeouts score as empty text.",
        f"- Timed: {WHAT_IS_TIMED}",
    ]
    reused = [tool for tool, info in results["tools"].items() if info.get("reused")]
    if reused:
        out.append(f"- Runs of {', '.join(reused)} were measured by an earlier run over the same "
                   "pages on this machine (`--reuse`) and scored again here.")
    for coll in results["collections"].values():
        tools = coll["tools"]
        if coll["metric"] == "captions-related":
            out += _annotations_section(coll, results)
            continue
        filt = f", page type {coll['page_type_filter']}" if coll.get("page_type_filter") else ""
        out += ["", f"## {coll['title']} ({coll['pages']} pages{filt})", "", METRIC_NOTES[coll["metric"]], ""]
        accuracy = coll["metric"] == "snippet-f1"
        header = ["tool", "pages", "F1", "P", "R"] + (["acc."] if accuracy else [])
        header += ["collapses", "crashes", "median CPU ms", "total CPU s", "× trafilatura", "× lxml floor",
                   "peak RSS MiB"]
        rows = []
        for tool, s in tools.items():
            row = [tool, str(s["pages"]), _num(s["f1"]), _num(s["precision"]), _num(s["recall"])]
            row += [_num(s.get("accuracy"))] if accuracy else []
            crashes = str(s["crashes"]) + (f" ({s['timeouts']} timeouts)" if s["timeouts"] else "")
            row += [
                _collapses(s),
                crashes,
                _num(s["median_cpu_ms"], 1),
                _num(s["total_cpu_s"], 2),
                _num(s.get("ratio_trafilatura"), 2),
                _num(s.get("ratio_lxml"), 1),
                _num(s.get("peak_rss_mib"), 0),
            ]
            rows.append(row)
        for tool, info in results["tools"].items():
            if tool not in tools:
                rows.append([tool] + ["–"] * (len(header) - 2) + [str(info.get("status"))])
        out += _table(header, rows)
        out += ["", COLLAPSE_NOTE]
        out += _second_opinion_lines(tools)
        if coll["metric"] == "fundus":
            out += _fundus_section(tools)
        kinds = sorted({k for s in tools.values() for k in s.get("by_page_type", {})})
        if len(kinds) > 1:
            counts = next(iter(tools.values()))["by_page_type"]
            out += ["", "F1 by page type:", ""]
            header = ["tool"] + [f"{k} ({counts[k]['pages']})" for k in kinds] + ["all"]
            out += _table(
                header,
                [
                    [tool] + [_num(s["by_page_type"][k]["f1"]) for k in kinds] + [_num(s["f1"])]
                    for tool, s in tools.items()
                ],
            )
        if any("snippets" in s for s in tools.values()):
            first = next(s["snippets"] for s in tools.values() if "snippets" in s)
            out += [
                "",
                f"Snippets found (case-insensitive): `with` should be found ({first['with_total']}), "
                f"`without` should not ({first['without_total']}):",
                "",
            ]
            out += _table(
                ["tool", "with found", "without found"],
                [
                    [tool, _pct(s["snippets"]["with_found"]), _pct(s["snippets"]["without_found"])]
                    for tool, s in tools.items()
                    if "snippets" in s
                ],
            )
        out += _losses_section(tools)
    for name, per_tool in results["metadata"].items():
        label = "WCXB articles" if name == "wcxb" else results["collections"][name]["title"]
        out += ["", f"## Metadata: {label}", ""]
        out += ["Title exact (whitespace-normalised, case-folded); author: a listed author equals or "
                "is contained in the reference; date: same calendar day. Each over the pages whose "
                "reference has that field.", ""]
        rows = []
        for tool, s in per_tool.items():
            if "status" in s:
                rows.append([tool, "–", "–", "–", str(s["status"])])
                continue
            rows.append(
                [
                    tool,
                    str(s["pages"]),
                    f"{_pct(s['title'])} of {s['title_pages']}",
                    f"{_pct(s['author'])} of {s['author_pages']}",
                    f"{_pct(s['date'])} of {s['date_pages']}",
                ]
            )
        out += _table(["tool", "pages", "title", "author", "date"], rows)
    corpus = results["corpus"]
    out += ["", f"## newsclean on its corpus ({corpus['pages']} pages)", ""]
    if corpus["rules"]:
        out += ["Captions and credits match by image URL and equal text, related links by URL "
                "(micro-averaged); leakage = share of pages whose `text` contains an expected "
                "caption, credit or related-link title.", ""]
        rows = []
        for label, s in corpus["rules"].items():
            if "status" in s:
                rows.append([label] + ["–"] * 9 + [str(s["status"])])
                continue
            rows.append(
                [label, str(s["pages"]), _num(s["text_f1"])]
                + [_num(s[k]) for k in ("caption_precision", "caption_recall", "credit_precision",
                                        "credit_recall", "related_precision", "related_recall")]
                + [_pct(s["leakage"]), str(s["crashes"])]
            )
        out += _table(
            ["rules", "pages", "text F1", "caption P", "caption R", "credit P", "credit R",
             "related P", "related R", "leakage", "crashes"],
            rows,
        )
    else:
        out += ["Not measured (no reviewed corpus pages, or newsclean not run)."]
    settings = []
    for tool, info in results["tools"].items():
        line = f"- {tool}: {info.get('settings') or info.get('status', '')}"
        if "rule_count" in info:
            line += f" ({info['rule_count']} rules loaded, {info['rule_errors']} errors reported)"
        settings.append(line)
    out += ["", "## Tools and settings", "", *settings]
    if results["notes"]:
        out += ["", "## Notes", "", *[f"- {note}" for note in results["notes"]]]
    return "\n".join(out) + "\n"


def write_outputs(results: dict[str, Any], out_dir: Path) -> dict[str, Path]:
    """results.json (without the per-page rows), pages.jsonl, results.md."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "json": out_dir / "results.json",
        "markdown": out_dir / "results.md",
        "pages": out_dir / "pages.jsonl",
    }
    summary = {k: v for k, v in results.items() if k != "pages"}
    paths["json"].write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    with paths["pages"].open("w", encoding="utf-8") as handle:
        for row in results["pages"]:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    paths["markdown"].write_text(render_markdown(results), encoding="utf-8")
    return paths
