"""`newsclean rules`: write and check site rules.

    rules test RULE PAGE     what each selector of a rule matches on a page
    rules check [DIR ...]    validate TOML rule folders (default: the built-in rules)
    rules ftr-report DIR     how a Full-Text RSS site-config folder loads
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from ..errors import NewscleanError, RuleError
from ..rules.model import RelatedBlockRule, SiteRule
from ..rules.registry import RuleSet
from ..rules.selectors import compile_selector

EXIT_OK, EXIT_FOUND, EXIT_BAD_INPUT = 0, 1, 3
PREVIEW_CHARS = 80
PREVIEWS = 5  # per selector alternative
RELATED_ITEMS = 10  # per block


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rules = subparsers.add_parser(
        "rules", help="write and check site rules",
        description="Write and check site rules (TOML files or Full-Text RSS site configs).")
    sub = rules.add_subparsers(dest="rules_command", metavar="SUBCOMMAND")

    test = sub.add_parser(
        "test", help="show what each selector of a rule matches on a page",
        description="Run every selector of RULE against PAGE and show, per field and per "
        "alternative, the matches and which alternative is used.",
        epilog="examples:\n"
        "  newsclean rules test my-rules/example.com.toml page.html\n"
        "  newsclean rules test upi.com page.html --url https://www.upi.com/Top_News/...\n"
        "  newsclean rules test ftr-site-config/example.com.txt page.html",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    test.add_argument("rule", metavar="RULE",
                      help="a .toml rule file, a Full-Text RSS .txt file, or a domain with a "
                      "built-in rule")
    test.add_argument("page", metavar="PAGE", help="an HTML file, or - for standard input")
    test.add_argument("--url", help="the page's URL (resolves related links)")
    test.add_argument("--rules", action="append", default=[], metavar="DIR",
                      help="also look the domain up in this rule folder (repeatable)")
    test.add_argument("--json", action="store_true", help="print the report as JSON")
    test.set_defaults(func=run_test)

    check = sub.add_parser(
        "check", help="validate rule folders and list every error",
        description="Validate every *.toml rule in each DIR (default: the built-in rules); "
        "exit 1 when any is invalid.")
    check.add_argument("dirs", nargs="*", metavar="DIR")
    check.set_defaults(func=run_check)

    report = sub.add_parser(
        "ftr-report", help="how a Full-Text RSS site-config folder loads",
        description="Read every site config in DIR: how many load cleanly, with skipped "
        "lines, or not at all, and every problem with file:line.")
    report.add_argument("dir", metavar="DIR")
    report.add_argument("--warnings", action="store_true",
                        help="also list unknown directives and stray lines")
    report.set_defaults(func=run_ftr_report)
    rules.set_defaults(func=lambda _args: _usage(rules))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


# --- rules test ----------------------------------------------------------------------


def run_test(args: argparse.Namespace) -> int:
    try:
        rule, notes = resolve_rule(args.rule, [Path(d) for d in args.rules])
        data = sys.stdin.buffer.read() if args.page == "-" else Path(args.page).read_bytes()
        page = parse_page(data, rule)
    except (NewscleanError, OSError) as exc:
        print(f"newsclean rules test: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    report = test_rule(rule, page, args.url)
    report["notes"] = notes + report["notes"]
    report["page"] = args.page
    report["engine"] = engine_summary(data, rule, args.url)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render_test(report))
    return EXIT_OK


def resolve_rule(name: str, folders: list[Path]) -> tuple[SiteRule, list[str]]:
    """A rule file (.toml, or .txt as a Full-Text RSS site config) or a domain/URL looked
    up in `folders` and the built-in rules. Notes say what was skipped on the way."""
    path = Path(name)
    if path.suffix == ".toml" or (path.suffix == ".txt" and path.exists()):
        if path.suffix == ".toml":
            from ..rules.loader import load_rule_file

            return load_rule_file(path), []
        from ..rules.ftr import read_ftr_file

        result = read_ftr_file(path)
        notes = [f"skipped: {e}" for e in result.errors] + [str(w) for w in result.warnings]
        if result.rule is None:
            raise RuleError("no usable rule:\n  " + "\n  ".join(notes), str(path))
        return result.rule, notes
    from ..rules.loader import load_rules

    ruleset = load_rules(folders, builtin=True)
    rule = ruleset.for_url(name)
    if rule is None:
        raise RuleError(f"no rule file {name!r} and no rule for the domain {name!r} "
                        f"among {len(ruleset)} rules")
    return rule, []


def parse_page(data: bytes, rule: SiteRule) -> etree._Element:
    """The page as the rule sees it: the rule's replacements applied to the text, then
    parsed (the engine also drops scripts and styles first; this does not)."""
    from ..decoding.charset import decode_html

    text, _ = decode_html(data, None)
    for find, replacement in rule.replace:
        text = text.replace(find, replacement)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str with an encoding decl
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise RuleError(f"cannot parse the page: {exc}") from exc


def test_rule(rule: SiteRule, root: etree._Element, url: str | None) -> dict[str, Any]:
    """What every selector of `rule` matches under `root`, as JSON-ready data."""
    notes: list[str] = []
    if url:
        host = urlsplit(url).hostname or ""
        if not rule.matches(host):
            notes.append(f"the rule's domains ({', '.join(rule.domains)}) do not match "
                         f"{host!r}: newsclean would not apply it to this URL")
    report: dict[str, Any] = {
        "rule": {"name": rule.name, "source": rule.source, "domains": list(rule.domains),
                 "exact_domains": rule.exact_domains,
                 "engine_fallback": rule.engine_fallback},
        "notes": notes,
        "replace": [{"find": f, "replace": r} for f, r in rule.replace],
        "fields": [],
        "related": [],
    }
    # strip first, as the engine does: the other fields are read without what it removes
    report["fields"].append(field_report("strip", rule.strip, [root], all_used=True))
    for alternative in rule.strip:
        for element in _elements(root, alternative):
            _drop(element)
    for name in ("story", "title", "authors", "published"):
        report["fields"].append(field_report(name, getattr(rule, name), [root]))
    # The engine takes the pictures of every images alternative (lead and body pictures)
    report["fields"].append(field_report("images", rule.images, [root], all_used=True))
    figures = [f for selector in rule.images for f in _elements(root, selector)]
    scope = figures or [root]
    where = (f"inside each of the {len(figures)} image containers" if figures
             else "in the whole page (no image container matched)")
    for name in ("captions", "credits"):
        if getattr(rule, name):
            report["fields"].append(field_report(name, getattr(rule, name), scope, note=where))
    report["related"] = [related_report(spec, root, url) for spec in rule.related]
    return report


def field_report(name: str, selectors: tuple[str, ...], scopes: list[etree._Element], *,
                 all_used: bool = False, note: str | None = None) -> dict[str, Any]:
    alternatives: list[dict[str, Any]] = []
    used: int | None = None
    for index, selector in enumerate(selectors):
        result = run_selector(selector, scopes)
        found = bool(result["count"]) and any(p["text"] for p in result["matches"])
        if all_used:
            result["used"] = bool(result["count"])
        elif used is None and found:
            used = index
            result["used"] = True
        else:
            result["used"] = False
        alternatives.append(result)
    return {"field": name, "note": note, "alternatives": alternatives,
            "used": used if not all_used else None}


def run_selector(selector: str, scopes: list[etree._Element]) -> dict[str, Any]:
    """Count and preview what `selector` matches under each of `scopes`."""
    matches: list[dict[str, str]] = []
    count = 0
    try:
        compiled = compile_selector(selector)
        for scope in scopes:
            found = compiled(scope)
            items = found if isinstance(found, list) else [found]
            for item in items:
                if isinstance(item, bool | float) and not isinstance(found, list):
                    text = str(item)
                elif isinstance(item, etree._Element | str):
                    text = _text(item)
                else:
                    continue
                count += 1
                if len(matches) < PREVIEWS:
                    matches.append({"node": _describe(item), "text": _preview(text)})
    except (RuleError, etree.XPathError) as exc:
        return {"selector": selector, "count": 0, "matches": [], "error": str(exc)}
    return {"selector": selector, "count": count, "matches": matches, "error": None}


def related_report(spec: RelatedBlockRule, root: etree._Element,
                   url: str | None) -> dict[str, Any]:
    blocks = _elements(root, spec.block)
    out: dict[str, Any] = {"block": spec.block, "name": spec.name, "item": spec.item,
                           "count": len(blocks), "blocks": []}
    for block in blocks:
        items = _elements(block, spec.item)
        heading = next(block.iter("h2", "h3", "h4", "h5", "h6"), None)
        entry: dict[str, Any] = {
            "node": _describe(block),
            "name": spec.name or (_preview(_text(heading)) if heading is not None else None),
            "count": len(items),
            "items": [],
        }
        for item in items[:RELATED_ITEMS]:
            fields: dict[str, str | None] = {}
            for key in ("url", "title", "section", "time", "teaser"):
                selector = getattr(spec, key)
                if selector is None:
                    continue
                texts = [t for t in _texts(item, selector) if t]
                value = texts[0] if texts else None
                if key == "url" and value and url:
                    value = urljoin(url, value)
                fields[key] = value
            entry["items"].append(fields)
        out["blocks"].append(entry)
    return out


def engine_summary(data: bytes, rule: SiteRule, url: str | None) -> dict[str, Any]:
    """What newsclean.extract makes of the page with this rule alone."""
    from .. import extract

    page_url = url if url and rule.matches(urlsplit(url).hostname or "") else (
        f"https://{rule.domains[0]}/")
    try:
        article = extract(data, page_url, rules=RuleSet([rule]))
    except NewscleanError as exc:
        return {"error": str(exc)}
    return {
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published.isoformat() if article.published else None,
        "paragraphs": len(article.paragraphs),
        "first_paragraph": _preview(article.paragraphs[0]) if article.paragraphs else None,
        "images": len(article.images),
        "related": len(article.related),
    }


def _elements(node: etree._Element, selector: str) -> list[etree._Element]:
    try:
        found = compile_selector(selector)(node)
    except (RuleError, etree.XPathError):
        return []
    return [x for x in found if isinstance(x, etree._Element)] if isinstance(found, list) else []


def _texts(node: etree._Element, selector: str) -> list[str]:
    try:
        found = compile_selector(selector)(node)
    except (RuleError, etree.XPathError):
        return []
    items = found if isinstance(found, list) else [found]
    return [_collapse(_text(x)) for x in items if isinstance(x, etree._Element | str)]


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        element.drop_tree() if isinstance(element, lxml_html.HtmlElement) else parent.remove(
            element)


def _text(item: etree._Element | str) -> str:
    if isinstance(item, str):
        return str(item)
    if not isinstance(item.tag, str):  # comments, processing instructions
        return str(item.text or "")
    parts: list[str] = []
    _walk(item, parts)
    text = "".join(parts)
    # <meta content> and <time datetime> carry their value in an attribute
    return text if text.strip() else item.get("content") or item.get("datetime") or text


_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6",
                     "figcaption", "figure", "section", "article", "aside", "header",
                     "footer", "blockquote", "tr", "td", "th", "dt", "dd", "table"})


def _walk(element: etree._Element, parts: list[str]) -> None:
    """Text content with a space between blocks, so paragraphs do not run together."""
    block = element.tag in _BLOCKS
    if block:
        parts.append(" ")
    if isinstance(element.tag, str) and element.text:
        parts.append(str(element.text))
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(str(child.tail))
    if block:
        parts.append(" ")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _preview(text: str) -> str:
    text = _collapse(text)
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS - 1] + "…"


def _describe(item: Any) -> str:
    if isinstance(item, etree._Element) and isinstance(item.tag, str):
        attrs = "".join(f' {k}="{item.get(k)}"' for k in ("id", "class") if item.get(k))
        return f"<{item.tag}{attrs}>"[:PREVIEW_CHARS]
    if isinstance(item, str) and getattr(item, "attrname", None):
        return f"@{item.attrname}"  # type: ignore[attr-defined]
    return "text"


def render_test(report: dict[str, Any]) -> str:
    rule = report["rule"]
    lines = [f"rule: {rule['name']} ({rule['source']})",
             f"  domains: {', '.join(rule['domains'])}"
             + (" (exact)" if rule["exact_domains"] else " and sub-domains")
             + ("" if rule["engine_fallback"] else "; no engine fallback"),
             f"page: {report['page']}"]
    lines += [f"note: {n}" for n in report["notes"]]
    if report["replace"]:
        lines.append("replace (applied to the page text before parsing)")
        lines += [f"  {r['find']!r} -> {r['replace']!r}" for r in report["replace"]]
    for field in report["fields"]:
        if not field["alternatives"]:
            lines.append(f"{field['field']}: (not set: the generic engine decides)")
            continue
        head = field["field"]
        if field["field"] == "strip":
            head += " (removed before the fields below are read)"
        elif field["field"] == "images":
            head += " (every alternative is used)"
        elif field["used"] is None:
            head += ": no alternative matched"
        else:
            head += f": alternative {field['used'] + 1} is used"
        if field["note"]:
            head += f" ({field['note']})"
        lines.append(head)
        for number, alt in enumerate(field["alternatives"], 1):
            mark = "*" if alt["used"] else " "
            if alt["error"]:
                lines.append(f" {mark}{number}. {alt['selector']}\n      error: {alt['error']}")
                continue
            plural = "" if alt["count"] == 1 else "es"
            lines.append(f" {mark}{number}. {alt['selector']}  ({alt['count']} match{plural})")
            for match in alt["matches"]:
                lines.append(f"      {match['node']} {match['text']!r}")
            if alt["count"] > len(alt["matches"]):
                lines.append(f"      … and {alt['count'] - len(alt['matches'])} more")
    for number, block in enumerate(report["related"], 1):
        label = f" {block['name']!r}" if block["name"] else ""
        lines.append(f"related block {number}{label}: {block['block']}  "
                     f"({block['count']} block{'' if block['count'] == 1 else 's'})")
        for found in block["blocks"]:
            lines.append(f"   {found['node']} named {found['name']!r}: {found['count']} "
                         f"items ({block['item']})")
            for index, item in enumerate(found["items"], 1):
                shown = "  ".join(f"{k}={_preview(v)!r}" if v else f"{k}=-"
                                  for k, v in item.items())
                lines.append(f"     {index}. {shown or '(no item fields set)'}")
            if found["count"] > len(found["items"]):
                lines.append(f"     … and {found['count'] - len(found['items'])} more items")
    engine = report.get("engine") or {}
    if engine.get("error"):
        lines.append(f"engine: {engine['error']}")
    elif engine:
        lines.append("with the engine (newsclean.extract, this rule only):")
        for key in ("title", "authors", "published", "paragraphs", "first_paragraph",
                    "images", "related"):
            lines.append(f"  {key}: {engine[key]!r}")
    return "\n".join(lines) + "\n"


# --- rules check ---------------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    from ..rules.loader import builtin_folder_path, check_folder

    folders = [Path(d) for d in args.dirs] or [builtin_folder_path()]
    failed = False
    for folder in folders:
        if not folder.is_dir():
            print(f"newsclean rules check: {folder}: not a folder", file=sys.stderr)
            return EXIT_BAD_INPUT
        files = sorted(folder.glob("*.toml"))
        rules, errors = check_folder(folder)
        for error in errors:
            print(error)
        bad = len({e.path for e in errors})
        print(f"{folder}: {len(files)} rule files, {len(rules)} valid, "
              f"{len(errors)} error{'' if len(errors) == 1 else 's'} in {bad} file"
              f"{'' if bad == 1 else 's'}")
        if not files and any(folder.glob("*.txt")):
            print(f"  (*.txt files are Full-Text RSS site configs: "
                  f"`newsclean rules ftr-report {folder}`)")
        failed = failed or bool(errors)
    return EXIT_FOUND if failed else EXIT_OK


# --- rules ftr-report ----------------------------------------------------------------


def run_ftr_report(args: argparse.Namespace) -> int:
    from ..rules.ftr import read_ftr_folder

    try:
        report = read_ftr_folder(args.dir)
    except RuleError as exc:
        print(f"newsclean rules ftr-report: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    total = len(report.files)
    warnings = [w for f in report.files for w in f.warnings]
    print(f"{report.folder}: {total} site configs")
    if report.not_site_configs:
        print("  not site configs, not read: "
              + ", ".join(p.name for p in report.not_site_configs))
    counts = (("loaded clean", report.count("clean")),
              ("loaded with skipped lines", report.count("skipped-lines")),
              ("failed", report.count("failed")))
    for label, count in counts:
        print(f"  {label + ':':28}{count:6}")
    print(f"  {'loaded:':28}{report.loaded_share:7.1%}")
    print(f"  {'warnings:':28}{len(warnings):6}"
          + ("" if args.warnings or not warnings else "  (--warnings lists them)"))
    ignored = report.ignored_directives()
    if ignored:
        print("  accepted, not applied: "
              + ", ".join(f"{name} {count}" for name, count in ignored.most_common()))
    problems = [f for f in report.files if f.errors]
    if problems:
        print("skipped lines and failed files:")
        for file in problems:
            for error in file.errors:
                print(f"  {error}" + ("  [file failed]" if file.rule is None else ""))
    if args.warnings and warnings:
        print("warnings:")
        for warning in warnings:
            print(f"  {warning}")
    return EXIT_OK
