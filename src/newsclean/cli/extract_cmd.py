"""`newsclean extract`: one page to one article."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from ..errors import ExtractionError, FetchError, NewscleanError
from .common import SAMPLE_URL, add_rules_flags, load_ruleset

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract one page and print the article",
        description="Extract one page (a file, a URL, or - for standard input).",
        epilog="examples:\n"
        "  newsclean extract --sample\n"
        "  newsclean extract page.html --url https://example.com/news/story\n"
        "  newsclean extract https://example.com/news/story --format markdown\n"
        "  curl -s https://example.com/story | newsclean extract - --url https://example.com/story\n"
        "\nexit status: 0 success, 2 usage error, 3 the page could not be read or extracted,\n"
        "4 the page could not be fetched, 130 interrupted",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("page", nargs="?", help="file path, http(s) URL, or - for stdin")
    parser.add_argument("--sample", action="store_true",
                        help="extract the sample page bundled with newsclean")
    parser.add_argument("--url", help="the page's own URL (resolves links, selects site rules)")
    parser.add_argument("--format", choices=("json", "markdown", "text"), default="json",
                        help="json: every field (default); markdown: title, byline, lead "
                             "picture, paragraphs, related links; text: the paragraphs only")
    add_rules_flags(parser)
    parser.add_argument("--fetched-at", type=_aware_datetime, metavar="ISO-TIME",
                        help="when the page was fetched (dates related items shown as "
                        "'1 hour ago'); a URL uses its own fetch time")
    parser.set_defaults(func=run)


def _aware_datetime(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 time: {value!r}") from exc
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"give a time zone, e.g. {value}+00:00")
    return moment


def run(args: argparse.Namespace) -> int:
    from .. import extract, sample_path, scrape

    try:
        rules = load_ruleset(args.rules, args.no_rules)
        if args.sample:
            article = extract(sample_path().read_bytes(), args.url or SAMPLE_URL, rules=rules,
                              reference_time=args.fetched_at)
        elif args.page is None:
            print("newsclean extract: give a PAGE, a URL, - or --sample", file=sys.stderr)
            return 2
        elif args.page.startswith(("http://", "https://")):
            article = scrape(args.page, rules=rules)
        elif args.page == "-":
            article = extract(sys.stdin.buffer.read(), args.url, rules=rules,
                              reference_time=args.fetched_at)
        else:
            article = extract(Path(args.page).read_bytes(), args.url, rules=rules,
                              reference_time=args.fetched_at)
    except FetchError as exc:
        print(f"newsclean extract: {exc}", file=sys.stderr)
        return 4
    except (ExtractionError, NewscleanError, OSError) as exc:
        print(f"newsclean extract: {exc}", file=sys.stderr)
        return 3
    except Exception as exc:  # an engine bug must still end with a status, not a trace
        print(f"newsclean extract: internal error on this page: {exc!r}", file=sys.stderr)
        return 3
    if args.format == "json":
        print(article.to_json(indent=2))
    elif args.format == "markdown":
        sys.stdout.write(article.to_markdown())
    else:
        print(article.text)
    return 0


