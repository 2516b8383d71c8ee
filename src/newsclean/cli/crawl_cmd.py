"""`newsclean crawl`: find a site's articles, fetch them politely, extract them to JSONL."""

from __future__ import annotations

import argparse
import signal
import sys

from .common import (
    EXIT_BAD_INPUT,
    EXIT_FETCH_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_progress_flags,
    stop_on_sigterm,
)

__all__ = ["DESCRIPTION", "EPILOG", "register", "run"]

DESCRIPTION = """\
Find the articles of SITE - the sitemaps its robots.txt lists, its RSS, Atom and JSON
feeds, the story links of its front and section pages - then fetch each politely
(robots.txt, one host paced, retries) and write one JSON line per article: the
article, or an error record. Menus, tag, author and search pages are left out.

Rerunning with the same --output skips the articles already written, so a killed run
resumes where it stopped, and a run with a larger --max adds only the new ones."""

EPILOG = """\
examples:
  newsclean crawl example.com -o articles.jsonl
  newsclean crawl https://example.com --since 2024-05-01 --max 200 -o may.jsonl
  newsclean crawl example.com --list          # only list the article URLs found

exit status:
  0  every article found has its line (error records included)
  2  usage error
  3  the output file or a rule folder cannot be written or read
  4  no source of the site could be read (robots.txt forbids it, or it is unreachable)
  130  interrupted (the lines written are kept; rerun to resume)
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .common import add_rules_flags

    parser = subparsers.add_parser(
        "crawl", help="find a site's articles and extract them to JSONL",
        description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", metavar="SITE", help="the site: example.com or a URL on it")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="JSONL output, appended to and resumed (required unless --list)")
    parser.add_argument("--since", metavar="DATE",
                        help="leave out articles their source dates before DATE (ISO 8601)")
    parser.add_argument("--max", type=int, metavar="N", dest="max",
                        help="at most N articles (those already in the output count)")
    parser.add_argument("--list", action="store_true",
                        help="print the article URLs found (url, source, date), fetch nothing")
    parser.add_argument("-j", "--workers", type=int, metavar="N",
                        help="extraction processes (default: all cores; 0: in this process)")
    parser.add_argument("--fetch-workers", type=int, default=4, metavar="N",
                        help="pages fetched at once (default: 4)")
    parser.add_argument("--min-host-interval", type=float, default=1.0, metavar="SECONDS",
                        help="pause between two requests to the site (default: 1)")
    parser.add_argument("--user-agent", help="User-Agent of the fetcher")
    parser.add_argument("--overwrite", action="store_true",
                        help="start the output afresh instead of resuming it")
    add_rules_flags(parser)
    add_progress_flags(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..discover import DiscoveryError, crawl, discover
    from ..errors import NewscleanError
    from ..fetcher import FetchConfig, Fetcher
    from ..pipeline import Stats
    from ..pipeline.progress import ProgressBar
    from .common import load_ruleset

    def fail(message: str, code: int) -> int:
        print(f"newsclean crawl: {message}", file=sys.stderr)
        return code

    if args.max is not None and args.max < 0:
        return fail("--max must not be negative", EXIT_USAGE)
    if args.fetch_workers < 1 or args.min_host_interval < 0:
        return fail("--fetch-workers must be positive, --min-host-interval not negative",
                    EXIT_USAGE)
    if not args.output and not args.list:
        return fail("give -o FILE (or --list)", EXIT_USAGE)

    def warn(error: NewscleanError) -> None:
        print(f"newsclean crawl: skipped: {error}", file=sys.stderr)

    config = FetchConfig(min_host_interval=args.min_host_interval,
                         **({"user_agent": args.user_agent} if args.user_agent else {}))
    try:
        rules = load_ruleset(args.rules, args.no_rules)
    except (NewscleanError, OSError) as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    stats = Stats()
    previous = signal.signal(signal.SIGTERM, stop_on_sigterm)  # a clean stop, like Ctrl-C
    interrupted = False
    try:
        if args.list:
            for found in discover(args.site, since=args.since, limit=args.max,
                                  config=config, on_error=warn):
                date = found.published.isoformat() if found.published else ""
                print(f"{found.url}\t{found.source}\t{date}", flush=True)
            return EXIT_OK
        bar = ProgressBar(enabled=args.progress)
        from ..discover import discovery_config

        with Fetcher(discovery_config(config)) as fetcher:
            crawl(args.site, args.output, since=args.since, limit=args.max,
                  resume=not args.overwrite, fetcher=fetcher, rules=rules, reporter=bar,
                  stats=stats, on_error=warn, workers=args.workers,
                  fetch_workers=args.fetch_workers)
    except KeyboardInterrupt:
        interrupted = True
    except ValueError as exc:  # a bad SITE or --since
        return fail(str(exc), EXIT_USAGE)
    except DiscoveryError as exc:
        return fail(str(exc), EXIT_FETCH_FAILED)
    except OSError as exc:  # the output cannot be written
        return fail(f"{args.output}: {exc.strerror or exc}", EXIT_BAD_INPUT)
    finally:
        signal.signal(signal.SIGTERM, previous)
    print(f"newsclean crawl: {stats.summary()} -> {args.output}", file=sys.stderr)
    if interrupted:
        print("newsclean crawl: interrupted; rerun the same command to resume",
              file=sys.stderr)
        return 130
    return EXIT_OK
