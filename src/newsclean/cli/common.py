"""What every `newsclean` command shares: exit codes and the site-rule flags."""

from __future__ import annotations

import argparse
from types import FrameType

from ..rules import RuleSet, rules_from_folders

__all__ = ["EXIT_BAD_INPUT", "EXIT_DIFFERENCES", "EXIT_FETCH_FAILED", "EXIT_INTERRUPTED",
           "EXIT_OK", "EXIT_USAGE", "SAMPLE_URL", "add_progress_flags", "add_rules_flags",
           "load_ruleset", "stop_on_sigterm"]

EXIT_OK = 0
EXIT_DIFFERENCES = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_FETCH_FAILED = 4
EXIT_INTERRUPTED = 130  # the shell's code for a process stopped by Ctrl-C (128 + SIGINT)


def add_rules_flags(parser: argparse.ArgumentParser) -> None:
    """--rules DIR (repeatable) and --no-rules, read back by load_ruleset."""
    parser.add_argument("--rules", action="append", default=[], metavar="DIR",
                        help="extra site-rule folder (repeatable; takes precedence)")
    parser.add_argument("--no-rules", action="store_true", help="generic engine only")


def load_ruleset(folders: list[str], no_rules: bool) -> RuleSet | None:
    """The rule set the CLI flags ask for; None means the built-in rules."""
    return rules_from_folders(folders, no_rules=no_rules)


# The address the bundled sample page was published at (`--sample`).
SAMPLE_URL = "https://www.upi.com/Top_News/World-News/2024/10/23/north-korea-troops-russia-austin/1234567890/"


def add_progress_flags(parser: argparse.ArgumentParser) -> None:
    """--progress / --no-progress: the bar is drawn on a terminal unless asked otherwise."""
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="draw the progress bar even when standard error is not a terminal")
    progress.add_argument("--no-progress", dest="progress", action="store_false",
                          help="never draw the progress bar")


def stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """A SIGTERM handler that stops a long command cleanly, as Ctrl-C does."""
    raise KeyboardInterrupt
