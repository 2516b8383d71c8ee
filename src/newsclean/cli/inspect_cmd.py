"""`newsclean inspect`: one page to an HTML report showing why each block was kept or dropped."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from ..errors import FetchError, NewscleanError
from ..extract.explain import Explanation
from ..rules import RuleSet
from .common import SAMPLE_URL, add_rules_flags, load_ruleset

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "inspect",
        help="write an HTML report of the page with every decision marked",
        description="Extract one page and write a self-contained HTML report: the page "
        "(scripts removed, nothing loaded) with the story, captions, credits, related "
        "blocks and dropped boilerplate marked, and the extracted Article beside it. "
        "Hover a marked block for the rule or signal that decided it.",
        epilog="examples:\n"
        "  newsclean inspect --sample -o sample.html\n"
        "  newsclean inspect corpus/upi.com/1234567890/page.html -o upi.html\n"
        "  newsclean inspect https://example.com/news/story -o story.html\n"
        "  newsclean inspect page.html --url https://example.com/news/story --rules my-rules/\n"
        "\nA file next to a page.json (the corpus layout) takes its URL and fetch time "
        "from it.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("page", nargs="?", help="file path, http(s) URL, or - for stdin")
    parser.add_argument("--sample", action="store_true",
                        help="inspect the sample page bundled with newsclean")
    parser.add_argument("-o", "--output", default="report.html", metavar="FILE",
                        help="where to write the report (default: report.html)")
    parser.add_argument("--url", help="the page's own URL (resolves links, selects site rules)")
    add_rules_flags(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..inspect import write_report

    try:
        rules = load_ruleset(args.rules, args.no_rules)
        if args.sample:
            from .. import explain, sample_path

            explanation = explain(sample_path().read_bytes(), args.url or SAMPLE_URL,
                                  rules=rules)
        elif args.page is None:
            print("newsclean inspect: give a PAGE, a URL, - or --sample", file=sys.stderr)
            return 2
        else:
            explanation = _explain(args.page, args.url, rules)
    except FetchError as exc:
        print(f"newsclean inspect: {exc}", file=sys.stderr)
        return 4
    except (NewscleanError, OSError, ValueError) as exc:
        print(f"newsclean inspect: {exc}", file=sys.stderr)
        return 3
    try:
        path = write_report(explanation, Path(args.output))
    except OSError as exc:
        print(f"newsclean inspect: cannot write {args.output}: {exc}", file=sys.stderr)
        return 3
    print(path)
    return 0


def _explain(page: str, url: str | None, rules: RuleSet | None) -> Explanation:
    from .. import explain, fetch

    if page.startswith(("http://", "https://")):
        fetched = fetch(page)
        return explain(fetched.content, url or fetched.final_url, rules=rules,
                       reference_time=fetched.fetched_at)
    if page == "-":
        return explain(sys.stdin.buffer.read(), url, rules=rules)
    path = Path(page)
    saved_url, fetched_at = _page_metadata(path)
    return explain(path.read_bytes(), url or saved_url, rules=rules, reference_time=fetched_at)


def _page_metadata(path: Path) -> tuple[str | None, datetime | None]:
    """URL and fetch time from a page.json beside the page (the corpus layout), if any."""
    meta = path.with_name("page.json")
    if not meta.is_file():
        return None, None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
        url = data.get("final_url") or data.get("url")
        fetched = data.get("fetched_at")
        return (str(url) if url else None,
                datetime.fromisoformat(fetched) if isinstance(fetched, str) else None)
    except (ValueError, AttributeError, OSError):
        return None, None  # a broken page.json is no reason to refuse the page
