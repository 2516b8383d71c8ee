"""The `newsclean` command line: one module per group of subcommands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .._version import __version__
from .common import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE

__all__ = ["COMMAND_MODULES", "EPILOG", "build_parser", "main"]

# Each module defines `register(subparsers)`, which adds its subcommands and sets
# `func(args) -> int` as their handler.
COMMAND_MODULES = (
    "newsclean.cli.extract_cmd",
    "newsclean.cli.rules_cmd",
    "newsclean.cli.fixtures_cmd",
    "newsclean.cli.inspect_cmd",
    "newsclean.cli.batch_cmd",
    "newsclean.cli.crawl_cmd",
)


EPILOG = """\
exit status:
  0  success
  1  differences found (check), or some records failed (batch --strict)
  2  usage error
  3  the input could not be read or extracted
  4  the page could not be fetched
  130  interrupted (Ctrl-C; batch also on SIGTERM)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Turn news pages into clean articles: story, captions, related links.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = args.func(args)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return code
