"""`newsclean corpus snapshot|check|minimize`: pages kept as fixtures.

The verbs were top-level commands first; `newsclean snapshot`, `check` and `minimize`
still work, unlisted, with the same options.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import FetchError, NewscleanError
from .common import (
    EXIT_BAD_INPUT,
    EXIT_DIFFERENCES,
    EXIT_FETCH_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_rules_flags,
    load_ruleset,
)

if TYPE_CHECKING:
    from ..fixtures.check import PageResult
    from ..rules import RuleSet

    _Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["register", "run_check", "run_minimize", "run_snapshot"]


def register(subparsers: _Subparsers) -> None:
    corpus = subparsers.add_parser(
        "corpus", help="keep real pages with their expected extraction: snapshot, check, "
        "minimize",
        description="Keep real pages with their expected extraction (a corpus), diff them "
        "after a change, shrink a page to a small test case.")
    verbs = corpus.add_subparsers(dest="corpus_command", metavar="SUBCOMMAND")
    for register_verb in (_register_snapshot, _register_check, _register_minimize):
        register_verb(verbs, "newsclean corpus", listed=True)
        register_verb(subparsers, "newsclean", listed=False)  # the older spelling
    corpus.set_defaults(func=lambda _args: _usage(corpus))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _add_verb(subparsers: _Subparsers, name: str, prefix: str, listed: bool, help: str,
              description: str, examples: tuple[str, ...]) -> argparse.ArgumentParser:
    """A verb's parser; an unlisted one (an older alias) is left out of the command list."""
    epilog = "examples:\n" + "\n".join(f"  {prefix} {name} {example}" for example in examples)
    if listed:
        return subparsers.add_parser(name, help=help, description=description, epilog=epilog,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    return subparsers.add_parser(name, description=description, epilog=epilog,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)


def _error(command: str, message: object) -> None:
    print(f"newsclean {command}: {message}", file=sys.stderr)


# --- snapshot ------------------------------------------------------------------------


def _register_snapshot(subparsers: _Subparsers, prefix: str, listed: bool) -> None:
    parser = _add_verb(
        subparsers, "snapshot", prefix, listed,
        help="store a page and its expected extraction in a corpus",
        description="Store a page (fetched from a URL, or a saved FILE) under "
        "CORPUS/<host>/<slug>/ as page.html, page.json and expected.json.",
        examples=("https://www.upi.com/Top_News/.../story/123/ --corpus corpus",
                  "saved.html --url https://example.com/news/story --corpus corpus",
                  "saved.html --url URL --fetched-at 2024-10-23T12:00:00+00:00 "
                  "--corpus corpus --force"),
    )
    parser.add_argument("page", metavar="URL|FILE", help="http(s) URL to fetch, or a saved page")
    parser.add_argument("--corpus", required=True, metavar="DIR", help="the corpus folder")
    parser.add_argument("--url", help="the page's URL (required for a FILE: it names the "
                        "folder and selects the site rules)")
    parser.add_argument("--fetched-at", metavar="ISO",
                        help="when a FILE was fetched (ISO 8601; default: now)")
    parser.add_argument("--force", action="store_true", help="overwrite a stored page")
    add_rules_flags(parser)
    parser.set_defaults(func=run_snapshot)


def run_snapshot(args: argparse.Namespace) -> int:
    from ..fixtures.store import FixtureExistsError, parse_time, snapshot_file, snapshot_url

    is_url = args.page.startswith(("http://", "https://"))
    if not is_url and not args.url:
        _error("snapshot", "a FILE needs --url (the page's URL names its folder)")
        return EXIT_USAGE
    if is_url and args.fetched_at:
        _error("snapshot", "--fetched-at is for a FILE; a fetched page records its own time")
        return EXIT_USAGE
    try:
        fetched_at = parse_time(args.fetched_at) if args.fetched_at else None
    except ValueError as exc:
        _error("snapshot", f"--fetched-at: {exc}")
        return EXIT_USAGE
    corpus = Path(args.corpus)
    try:
        rules = load_ruleset(args.rules, args.no_rules)
        if is_url:
            directory = snapshot_url(corpus, args.page, rules=rules, force=args.force)
        else:
            directory = snapshot_file(corpus, Path(args.page), args.url, fetched_at=fetched_at,
                                      rules=rules, force=args.force)
    except FixtureExistsError as exc:
        _error("snapshot", exc)
        return EXIT_USAGE
    except FetchError as exc:
        _error("snapshot", exc)
        return EXIT_FETCH_FAILED
    except NewscleanError as exc:
        _error("snapshot", exc)
        return EXIT_BAD_INPUT
    print(directory)
    return EXIT_OK


# --- check ---------------------------------------------------------------------------


def _register_check(subparsers: _Subparsers, prefix: str, listed: bool) -> None:
    parser = _add_verb(
        subparsers, "check", prefix, listed,
        help="re-extract stored pages and diff them with their expected extraction",
        description="Re-extract every page under DIR (a corpus, a host folder or one page "
        "folder) and compare field by field with expected.json. Exit status 1 when a page "
        "differs, 3 when a page cannot be read or extracted.",
        examples=("corpus", "corpus/upi.com --report /tmp/reports",
                  "corpus/upi.com/some-story --update"),
    )
    parser.add_argument("dir", metavar="DIR", help="corpus, host or page folder")
    parser.add_argument("--update", action="store_true",
                        help="rewrite expected.json of the pages that differ (after review)")
    parser.add_argument("--report", metavar="OUT", help="write an inspector report per "
                        "differing page into this folder")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the summary")
    add_rules_flags(parser)
    parser.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from ..fixtures.check import check_corpus, update_expected
    from ..fixtures.store import FixtureError

    try:
        rules = load_ruleset(args.rules, args.no_rules)
        results = list(_each_result(check_corpus(Path(args.dir), rules), args.quiet))
    except NewscleanError as exc:  # bad rules, or DIR is not a folder
        _error("check", exc)
        return EXIT_BAD_INPUT
    if not results:
        _error("check", f"no pages under {args.dir} (a page is <host>/<slug>/page.html, "
               "page.json, expected.json)")
        return EXIT_BAD_INPUT
    differ = [r for r in results if r.diffs]
    failed = [r for r in results if r.error is not None]
    updated = 0
    if args.update:
        for result in results:
            # A page with no expected.json yet gets one; a broken page does not.
            if result.diffs or (result.error is not None and result.actual is not None):
                try:
                    if update_expected(result) is not None:
                        updated += 1
                        print(f"updated {result.id}")
                except FixtureError as exc:
                    _error("check", exc)
    if args.report and differ:
        _write_reports(differ, Path(args.report), rules)
    summary = f"{len(results)} pages, {len(differ)} differ"
    if failed:
        summary += f", {len(failed)} failed"
    if args.update:
        summary += f", {updated} updated"
    print(summary)
    if args.update:
        still_failed = [r for r in failed if r.actual is None]
        return EXIT_BAD_INPUT if still_failed else EXIT_OK
    if failed:
        return EXIT_BAD_INPUT
    return EXIT_DIFFERENCES if differ else EXIT_OK


def _each_result(results: Iterable[PageResult], quiet: bool) -> Iterator[PageResult]:
    """Print each page's outcome as it comes (long corpora show progress)."""
    for result in results:
        if not result.ok:
            stream = sys.stderr if result.error is not None else sys.stdout
            if not quiet or result.error is not None:
                print(result.format(), file=stream)
        yield result


def _write_reports(results: list[PageResult], out: Path, rules: RuleSet | None) -> None:
    try:
        # Looked up by name: the inspector is optional and loads a browser toolkit.
        write_report = importlib.import_module("newsclean.inspect").write_report
    except (ImportError, AttributeError):
        _error("check", "--report needs newsclean.inspect, which this installation lacks; "
               "no reports written")
        return
    from .. import explain

    for result in results:
        page = result.page
        if page is None:
            continue
        host, slug = result.id.split("/", 1)
        target = out / host / f"{slug}.html"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            explanation = explain(page.html, page.meta.final_url, rules=rules,
                                  reference_time=page.meta.fetched_at)
            written = write_report(explanation, target,
                                   differing_fields=[d.field for d in result.diffs])
        except (NewscleanError, OSError) as exc:
            _error("check", f"{result.id}: report not written: {exc}")
            continue
        print(f"report {result.id}: {written}")


# --- minimize ------------------------------------------------------------------------


def _register_minimize(subparsers: _Subparsers, prefix: str, listed: bool) -> None:
    from ..fixtures.minimize import DEFAULT_MAX_CALLS

    parser = _add_verb(
        subparsers, "minimize", prefix, listed,
        help="shrink a page to the smallest HTML with the same extraction",
        description="Remove subtrees, attributes and text from PAGE while its extraction "
        "stays the same. PAGE is a corpus page folder (its URL and fetch time come from "
        "page.json) or an HTML file (give --url).",
        examples=("corpus/upi.com/some-story -o small.html",
                  "saved.html --url https://example.com/news/story > small.html"),
    )
    parser.add_argument("page", metavar="PAGE", help="corpus page folder or HTML file")
    parser.add_argument("--url", help="the page's URL (for a file)")
    parser.add_argument("--reference-time", metavar="ISO",
                        help="fetch time for relative dates (for a file)")
    parser.add_argument("--max-calls", type=int, default=DEFAULT_MAX_CALLS, metavar="N",
                        help=f"stop after N extractions (default {DEFAULT_MAX_CALLS})")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_rules_flags(parser)
    parser.set_defaults(func=run_minimize)


def run_minimize(args: argparse.Namespace) -> int:
    from ..fixtures.minimize import minimize, summary_lines
    from ..fixtures.store import is_page_dir, load_page, parse_time

    source = Path(args.page)
    reference_time: datetime | None = None
    try:
        if args.reference_time:
            reference_time = parse_time(args.reference_time)
    except ValueError as exc:
        _error("minimize", f"--reference-time: {exc}")
        return EXIT_USAGE
    try:
        rules = load_ruleset(args.rules, args.no_rules)
        if source.is_dir() and is_page_dir(source):
            page = load_page(source)
            html, url = page.html, args.url or page.meta.final_url
            reference_time = reference_time or page.meta.fetched_at
        else:
            html, url = source.read_bytes(), args.url
        result = minimize(html, url, rules=rules, reference_time=reference_time,
                          max_calls=args.max_calls)
    except (NewscleanError, OSError) as exc:
        _error("minimize", exc)
        return EXIT_BAD_INPUT
    for line in summary_lines(result):
        print(line, file=sys.stderr)
    if args.output:
        try:
            Path(args.output).write_bytes(result.html)
        except OSError as exc:
            _error("minimize", exc)
            return EXIT_BAD_INPUT
    else:
        sys.stdout.buffer.write(result.html)
        sys.stdout.flush()
    return EXIT_OK
