"""`newsclean batch`: many pages to JSONL, one line per input record, resumable."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from .common import (
    EXIT_BAD_INPUT,
    EXIT_DIFFERENCES,
    EXIT_OK,
    EXIT_USAGE,
    add_progress_flags,
    add_rules_flags,
    load_ruleset,
    stop_on_sigterm,
)

__all__ = ["DESCRIPTION", "EPILOG", "register", "run"]

DESCRIPTION = """\
Extract many pages and write one JSON line per input record: the article, or an
error record {"url", "error": {"type", "message"}, "input"}. Inputs are URL lists
(one a line; fetched politely), JSONL records {"url": ..., "html": ...} (fetched when
"html" is missing) or WARC / WARC.gz files (HTML response records), optionally gzipped;
the format is told from the name, else from the first bytes. No INPUT or "-" reads
standard input.

Output lines follow the input order. Every line carries "input", the record's position
("urls.txt:12", "crawl.warc.gz@40960"); rerunning with the same --output skips the
records already written, so a killed run resumes where it stopped."""

EPILOG = """\
examples:
  newsclean batch urls.txt -o articles.jsonl
  newsclean batch crawl-*.warc.gz -o articles.jsonl --workers 8
  newsclean batch pages.jsonl -o articles.jsonl --limit 1000   # then rerun to go on
  cat urls.txt | newsclean batch --no-progress > articles.jsonl

exit status:
  0  every record has its line (error records included)
  1  --strict and some records are error records
  2  usage error
  3  an input file, the output file or a rule folder cannot be read
  130  interrupted (the lines written are kept; rerun to resume)
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "batch", help="extract many pages (URLs, JSONL, WARC) to JSONL",
        description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="URL list, JSONL or WARC file; - for standard input")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="JSONL output, appended to and resumed (default: standard output)")
    parser.add_argument("--input-format", choices=("auto", "urls", "jsonl", "warc"),
                        default="auto",
                        help="urls: one URL a line; jsonl: {\"url\", \"html\"} records; warc: "
                             "WARC response records (default: auto, told from the name, "
                             "else from the first bytes)")
    parser.add_argument("-j", "--workers", type=int, metavar="N",
                        help="extraction processes (default: all cores; 0: in this process)")
    parser.add_argument("--fetch-workers", type=int, default=8, metavar="N",
                        help="pages fetched at once, across hosts (default: 8)")
    parser.add_argument("--min-host-interval", type=float, default=1.0, metavar="SECONDS",
                        help="pause between two requests to one host (default: 1)")
    parser.add_argument("--user-agent", help="User-Agent of the fetcher")
    parser.add_argument("--window", type=int, metavar="N",
                        help="records in flight at most (default: the largest of 16, "
                             "4 x workers and 2 x fetch workers)")
    parser.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                        help="treat workers as hung after this long without a result (default: 300)")
    parser.add_argument("--no-dedupe", action="store_true",
                        help="extract repeated URLs again instead of a DuplicateURL error record")
    parser.add_argument("--overwrite", action="store_true",
                        help="start the output afresh instead of resuming it")
    parser.add_argument("--limit", type=int, metavar="N", help="stop after N lines")
    parser.add_argument("--fsync-every", type=int, default=0, metavar="N",
                        help="fsync the output every N lines (default: only flush)")
    add_rules_flags(parser)
    parser.add_argument("--strict", action="store_true",
                        help="exit with status 1 when any record is an error record")
    add_progress_flags(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import NewscleanError
    from ..fetcher import FetchConfig, Fetcher
    from ..pipeline import Stats, run_batch
    from ..pipeline.progress import ProgressBar

    def fail(message: str, code: int) -> int:
        print(f"newsclean batch: {message}", file=sys.stderr)
        return code

    for name in ("workers", "window", "limit", "fsync_every"):
        value = getattr(args, name)
        if value is not None and value < 0:
            return fail(f"--{name.replace('_', '-')} must not be negative", EXIT_USAGE)
    if args.fetch_workers < 1 or args.timeout <= 0 or args.min_host_interval < 0:
        return fail("--fetch-workers, --timeout and --min-host-interval must be positive",
                    EXIT_USAGE)
    inputs = args.inputs or ["-"]
    missing = [p for p in inputs if p != "-" and not Path(p).is_file()]
    if missing:
        return fail(f"cannot read {', '.join(missing)}", EXIT_BAD_INPUT)
    try:
        rules = load_ruleset(args.rules, args.no_rules)
    except (NewscleanError, OSError) as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    config = FetchConfig(min_host_interval=args.min_host_interval,
                         **({"user_agent": args.user_agent} if args.user_agent else {}))
    stats = Stats()
    bar = ProgressBar(enabled=args.progress)
    previous = signal.signal(signal.SIGTERM, stop_on_sigterm)  # a clean stop, like Ctrl-C
    interrupted = False
    try:
        with Fetcher(config) as fetcher:
            run_batch(inputs, args.output, input_format=args.input_format,
                      resume=not args.overwrite, fsync_every=args.fsync_every,
                      limit=args.limit, reporter=bar, stats=stats, workers=args.workers,
                      rules=rules, fetcher=fetcher, fetch_workers=args.fetch_workers,
                      window=args.window, dedupe=not args.no_dedupe, timeout=args.timeout)
    except KeyboardInterrupt:
        interrupted = True
    except BrokenPipeError:
        raise  # standard output closed by the reader (`| head`): not an error
    except OSError as exc:  # the output cannot be written
        return fail(f"{args.output or 'output'}: {exc.strerror or exc}", EXIT_BAD_INPUT)
    finally:
        signal.signal(signal.SIGTERM, previous)
    where = f" -> {args.output}" if args.output and args.output != "-" else ""
    print(f"newsclean batch: {stats.summary()}{where}", file=sys.stderr)
    if interrupted:
        print("newsclean batch: interrupted; rerun the same command to resume", file=sys.stderr)
        return 130
    if args.strict and stats.errors:
        return EXIT_DIFFERENCES
    return EXIT_OK
