"""Every option of every command says what it does; the help texts match the code."""

from __future__ import annotations

import argparse

import pytest

from newsclean.cli import build_parser
from newsclean.cli.common import EXIT_INTERRUPTED
from newsclean.pipeline.core import Runner


def _commands(parser: argparse.ArgumentParser | None = None,
              prefix: str = "") -> dict[str, argparse.ArgumentParser]:
    """Every command and nested subcommand ("rules check") by name."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in (parser or build_parser())._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                found[prefix + name] = command
                found.update(_commands(command, f"{prefix}{name} "))
    return found


def test_every_option_has_help() -> None:
    missing = [f"{name} {action.option_strings or action.dest}"
               for name, command in _commands().items()
               for action in command._actions
               if not isinstance(action, argparse._HelpAction | argparse._SubParsersAction)
               and not action.help]
    assert len(_commands()) > 10
    assert missing == []


def test_top_level_help_lists_the_interrupted_exit_code() -> None:
    text = build_parser().format_help()
    assert f"{EXIT_INTERRUPTED}  interrupted" in text


@pytest.mark.parametrize(("command", "option"), [("batch", "--input-format"),
                                                  ("extract", "--format")])
def test_format_options_explain_their_choices(command: str, option: str) -> None:
    help_text = " ".join(_commands()[command].format_help().split())
    action = next(a for a in _commands()[command]._actions if option in a.option_strings)
    assert action.help and action.choices
    for choice in action.choices:
        assert choice in " ".join(action.help.split())
    assert option in help_text


def test_window_help_says_what_the_default_is() -> None:
    action = next(a for a in _commands()["batch"]._actions if "--window" in a.option_strings)
    assert action.help is not None
    assert "16" in action.help and "4 x workers" in action.help and "2 x fetch workers" in action.help


@pytest.mark.parametrize(("workers", "fetch_workers", "window"), [(0, 1, 16), (6, 8, 24),
                                                                   (2, 20, 40)])
def test_window_default_is_the_one_the_help_gives(workers: int, fetch_workers: int,
                                                  window: int) -> None:
    runner = Runner(workers=workers, rules=None, extract_fn=None, fetcher=None,
                    fetch_workers=fetch_workers, window=None, dedupe=True, skip=None,
                    seen_urls=None, stats=None, timeout=None)
    assert runner.window == window
