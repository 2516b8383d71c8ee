"""`newsclean rules`: write and check site rules.

    rules list [--rules DIR] the rules in use, their fields, and whether a real page tests them
    rules test RULE PAGE     what each selector of a rule matches on a page
    rules check [DIR ...]    validate TOML rule folders (default: the built-in rules)
    rules ftr-report DIR     how a Full-Text RSS site-config folder loads
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import NewscleanError, RuleError
from ..rules import RuleSet
from ..rules.substance import RULE_STORY_MIN_WORDS
from ..rules.testing import preview
from .common import EXIT_BAD_INPUT, EXIT_DIFFERENCES, EXIT_OK, EXIT_USAGE

__all__ = ["register", "render_test", "run_check", "run_ftr_report", "run_list", "run_test"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rules = subparsers.add_parser(
        "rules", help="write and check site rules",
        description="Write and check site rules (TOML files or Full-Text RSS site configs).")
    sub = rules.add_subparsers(dest="rules_command", metavar="SUBCOMMAND")

    listing = sub.add_parser(
        "list", help="list the rules in use and whether a real page tests them",
        description="List the rules newsclean would use (your folders first, then the "
        "built-in rules): the file, the publisher, the fields it sets, and whether it has "
        "been run on a real page of its site (built-in rules with pages in the evaluation "
        "data; every other rule is untested).")
    listing.add_argument("--rules", action="append", default=[], metavar="DIR",
                         help="also list the rules in this folder (repeatable)")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    listing.set_defaults(func=run_list)

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
    check.add_argument("dirs", nargs="*", metavar="DIR",
                       help="rule folder (default: the built-in rules)")
    check.set_defaults(func=run_check)

    report = sub.add_parser(
        "ftr-report", help="how a Full-Text RSS site-config folder loads",
        description="Read every site config in DIR: how many load cleanly, with skipped "
        "lines, or not at all, and every problem with file:line.")
    report.add_argument("dir", metavar="DIR", help="a folder of Full-Text RSS site configs")
    report.add_argument("--warnings", action="store_true",
                        help="also list unknown directives and stray lines")
    report.set_defaults(func=run_ftr_report)
    rules.set_defaults(func=lambda _args: _usage(rules))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


# --- rules list ----------------------------------------------------------------------

_LIST_FIELDS = ("story", "title", "authors", "published", "images", "captions", "credits",
                "related", "strip", "replace")


def run_list(args: argparse.Namespace) -> int:
    from ..rules import load_rules
    from ..rules.tested import real_pages_of

    try:
        ruleset = load_rules([Path(d) for d in args.rules], builtin=True)
    except (NewscleanError, OSError) as exc:
        print(f"newsclean rules list: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    rows: list[dict[str, Any]] = []
    for rule in ruleset:
        pages = real_pages_of(rule)
        kinds = sorted({page.page_type or "article" for page in pages})
        rows.append({
            "source": rule.source, "name": rule.name, "domains": list(rule.domains),
            "fields": [name for name in _LIST_FIELDS if getattr(rule, name)],
            "tested": "real page" if pages else "untested",
            "real_pages": [{"collection": page.collection, "id": page.id, "path": page.path,
                            "page_type": page.page_type} for page in pages],
            "page_types": kinds,
        })
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        count = len(row["real_pages"])
        row["pages"] = f"{count} ({', '.join(row['page_types'])})" if count else "-"
    width = max((len(Path(row["source"]).name) for row in rows), default=4)
    names = max((len(row["name"]) for row in rows), default=9)
    shown = max((len(row["pages"]) for row in rows), default=5)
    print(f"{'rule':{width}}  {'publisher':{names}}  {'tested':9}  {'pages':{shown}}  fields")
    for row in rows:
        print(f"{Path(row['source']).name:{width}}  {row['name']:{names}}  "
              f"{row['tested']:9}  {row['pages']:{shown}}  {' '.join(row['fields'])}")
    tested = sum(1 for row in rows if row["real_pages"])
    print(f"{len(rows)} rules, {tested} tested on a real page of their site, "
          f"{len(rows) - tested} untested")
    return EXIT_OK


# --- rules test ----------------------------------------------------------------------


def run_test(args: argparse.Namespace) -> int:
    from .. import extract
    from ..rules.testing import EngineSummary, resolve_rule, try_rule

    try:
        rule, notes = resolve_rule(args.rule, [Path(d) for d in args.rules])
        data = sys.stdin.buffer.read() if args.page == "-" else Path(args.page).read_bytes()
        tested = try_rule(rule, data, args.url)
    except (NewscleanError, OSError) as exc:
        print(f"newsclean rules test: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    report = tested.to_dict()
    report["notes"] = notes + report["notes"]
    report["page"] = args.page
    page_url = args.url if args.url and rule.matches(urlsplit(args.url).hostname or "") else (
        f"https://{rule.domains[0]}/")
    try:
        summary = EngineSummary.from_article(extract(data, page_url, rules=RuleSet([rule])))
        report["engine"] = {**asdict(summary), "authors": list(summary.authors)}
    except NewscleanError as exc:
        report["engine"] = {"error": str(exc)}
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render_test(report))
    return EXIT_OK


def _verdict(field: dict[str, Any]) -> str:
    """Which alternative the engine takes; without one, the engine finds the field."""
    alternatives = field["alternatives"]
    if field["used"] is not None:
        return f": alternative {field['used'] + 1} is used"
    matched = [n for n, alt in enumerate(alternatives, 1) if alt["count"]]
    if not matched:
        return ": no alternative matched, engine used"
    numbers = ", ".join(str(n) for n in matched)
    return f": no match, engine used (alternative {numbers} matched {_empty(field)})"


def _empty(field: dict[str, Any]) -> str:
    """What a match the engine does not take lacks."""
    if field["field"] == "story":
        return f"fewer than {RULE_STORY_MIN_WORDS} words of prose"
    return "only empty text"


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
        else:
            head += _verdict(field)
        if field["note"]:
            head += f" ({field['note']})"
        lines.append(head)
        for number, alt in enumerate(field["alternatives"], 1):
            mark = "*" if alt["used"] else " "
            if alt["error"]:
                lines.append(f" {mark}{number}. {alt['selector']}\n      error: {alt['error']}")
                continue
            plural = "" if alt["count"] == 1 else "es"
            empty = (f", {_empty(field)}" if alt["count"] and not alt["substantive"]
                     and not field["all_used"] else "")
            lines.append(f" {mark}{number}. {alt['selector']}  "
                         f"({alt['count']} match{plural}{empty})")
            for match in alt["matches"]:
                lines.append(f"      {match['node']} {match['text']!r}")
            if alt["count"] > len(alt["matches"]):
                lines.append(f"      … and {alt['count'] - len(alt['matches'])} more")
    for number, block in enumerate(report["related"], 1):
        label = f" {block['name']!r}" if block["name"] else ""
        unused = "" if any(found["count"] for found in block["blocks"]) else (
            ": no items, engine used")
        lines.append(f"related block {number}{label}: {block['block']}  "
                     f"({block['count']} block{'' if block['count'] == 1 else 's'}{unused})")
        for found in block["blocks"]:
            lines.append(f"   {found['node']} named {found['name']!r}: {found['count']} "
                         f"items ({block['item']})")
            for index, item in enumerate(found["items"], 1):
                shown = "  ".join(f"{k}={preview(v)!r}" if v else f"{k}=-"
                                  for k, v in item.items())
                lines.append(f"     {index}. {shown or '(no item fields set)'}")
            if found["count"] > len(found["items"]):
                lines.append(f"     … and {found['count'] - len(found['items'])} more items")
    if report["related"]:
        lines.append("  (the engine reads the related blocks it finds outside these too)")
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
    return EXIT_DIFFERENCES if failed else EXIT_OK


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
