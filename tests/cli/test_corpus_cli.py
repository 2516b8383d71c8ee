"""`newsclean corpus snapshot|check|minimize`, and the older top-level spellings."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import newsclean
from newsclean.cli import build_parser, main

STORY_URL = "https://example.com/news/pier-story"
STORY = (b"<html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>"
         b"<p>The pier reopened on Monday after the storm damage was repaired.</p>"
         b"<p>Crowds came back within the hour.</p></article></body></html>")
FETCHED = "2024-10-23T14:00:00+00:00"
SAMPLE_URL = "https://www.upi.com/Top_News/World-News/2024/10/23/north-korea-troops-russia-austin/1234567890/"
MINIMIZE_CALLS = 20  # enough to shrink the sample, few enough to stay fast
SPELLINGS = [["corpus"], []]  # the grouped verbs, then the older top-level commands


@pytest.mark.parametrize("group", SPELLINGS)
def test_snapshot_check_and_minimize_under_both_spellings(
        group: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, saved = tmp_path / "corpus", tmp_path / "story.html"
    saved.write_bytes(STORY)
    assert main([*group, "snapshot", str(saved), "--url", STORY_URL, "--fetched-at", FETCHED,
                 "--corpus", str(corpus)]) == 0
    page = corpus / "example.com" / "pier-story"
    assert (page / "page.html").read_bytes() == STORY
    capsys.readouterr()
    assert main([*group, "check", str(corpus)]) == 0
    assert capsys.readouterr().out.strip() == "1 pages, 0 differ"
    small = tmp_path / "small.html"
    sample = newsclean.sample_path()
    assert main([*group, "minimize", str(sample), "--url", SAMPLE_URL, "--max-calls",
                 str(MINIMIZE_CALLS), "-o", str(small)]) == 0
    shrunk = small.read_bytes()
    assert 0 < len(shrunk) < len(sample.read_bytes())
    assert newsclean.extract(shrunk, SAMPLE_URL).title \
        == newsclean.extract(sample.read_bytes(), SAMPLE_URL).title
    assert main([*group, "check", str(tmp_path / "absent")]) == 3


def test_the_command_list_shows_the_group_and_the_group_shows_its_verbs(
        capsys: pytest.CaptureFixture[str]) -> None:
    listing = build_parser().format_help()
    assert "corpus" in listing
    assert not any(line.split()[:1] == ["snapshot"] for line in listing.splitlines())
    # (the older spellings work, unlisted)
    assert main(["corpus"]) == 2
    usage = capsys.readouterr().err
    assert all(verb in usage for verb in ("snapshot", "check", "minimize"))


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parser's subcommands by name (none when it takes no subcommand)."""
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return actions[0].choices if actions else {}


@pytest.mark.parametrize("verb", ["snapshot", "check", "minimize"])
def test_both_spellings_take_the_same_options(verb: str) -> None:
    def options(*argv: str) -> list[str]:
        parser = build_parser()
        for name in argv:
            parser = subcommands(parser)[name]
        return sorted(s for a in parser._actions for s in a.option_strings)

    assert options("corpus", verb) == options(verb)
    assert "--rules" in options(verb)
