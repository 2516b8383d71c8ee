"""A batch survives any one record, and resumes however its input path is spelt."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.cli import main
from newsclean.model import Article
from newsclean.pipeline.core import Result
from newsclean.pipeline.records import read_inputs

STORY = "<html><head><title>{title}</title></head><body><p>{title} story.</p></body></html>"
# A UTC offset of 24 h: a datetime holds it, but cannot print it.
POISON = ("<html><head><meta property='article:published_time' "
          "content='2022-12-01T15:06:17+24:00'><title>Poison</title></head>"
          "<body><p>Poison story.</p></body></html>")


def write_jsonl(path: Path, pages: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(page) + "\n" for page in pages))


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def batch(*args: str) -> int:
    return main(["batch", *args, "--workers", "0"])


# --- one record never stops the batch ----------------------------------------------------


class Unprintable(Article):
    """An article whose output line cannot be made."""

    def to_dict(self) -> dict[str, Any]:
        raise OverflowError("cannot print this article")


def hostile_extract(html: Any, url: str | None = None, **kwargs: Any) -> Article:
    text = html.decode() if isinstance(html, bytes) else str(html)
    if "RAISE" in text:
        raise KeyError("an engine bug")  # not a NewscleanError
    if "UNPRINTABLE" in text:
        return Unprintable(url=url, title="unprintable")
    return newsclean.extract(html, url, rules=newsclean.RuleSet())


def test_a_record_that_breaks_extraction_or_output_becomes_an_error_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the batch's default extractor, looked up when the batch starts
    monkeypatch.setattr(sys.modules["newsclean.extract"], "extract", hostile_extract)
    pages = tmp_path / "pages.jsonl"
    write_jsonl(pages, [
        {"url": "https://news.example/1", "html": STORY.format(title="One")},
        {"url": "https://news.example/2", "html": STORY.format(title="RAISE")},
        {"url": "https://news.example/3", "html": STORY.format(title="UNPRINTABLE")},
        {"url": "https://news.example/4", "html": POISON},
        {"url": "http://[::1#frag", "html": STORY.format(title="Bad URL")},
        {"url": "https://news.example/6", "html": STORY.format(title="Six")},
    ])
    out = tmp_path / "out.jsonl"
    assert batch(str(pages), "-o", str(out)) == 0
    got = read_lines(out)
    assert [line["input"] for line in got] == [f"{pages}:{n}" for n in range(1, 7)]
    assert got[0]["title"] == "One" and got[5]["title"] == "Six"
    assert got[1]["error"]["type"] == "KeyError"
    assert got[2]["error"] == {"type": "OverflowError", "message":
                               "the article cannot be written as JSON: cannot print this article"}
    # the poison pill gives an article or an error line, whichever its date allows
    assert got[3].get("title") == "Poison" or "error" in got[3]
    assert got[4]["url"] == "http://[::1#frag"


def test_a_result_that_cannot_be_written_is_written_as_an_error() -> None:
    line = json.loads(Result("k:1", "https://news.example/1", article=Unprintable()).to_json())
    assert line["error"]["type"] == "OverflowError" and line["input"] == "k:1"


# --- resume keys --------------------------------------------------------------------------


def test_resume_does_not_depend_on_how_the_input_path_is_spelt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    write_jsonl(tmp_path / "pages.jsonl",
                [{"url": f"https://news.example/{n}", "html": STORY.format(title=f"T{n}")}
                 for n in range(8)])
    os.symlink(tmp_path / "pages.jsonl", tmp_path / "sub" / "link.jsonl")
    out = "o.jsonl"
    spellings = ["pages.jsonl", "./pages.jsonl", str(tmp_path / "pages.jsonl"),
                 "sub/../pages.jsonl", "sub/link.jsonl"]
    for spelling in spellings:
        assert batch(spelling, "-o", out, "--limit", "2") == 0
    got = read_lines(tmp_path / out)
    keys = [line["input"] for line in got]
    assert len(got) == 8 and len(set(keys)) == 8
    assert keys == [f"{tmp_path.resolve() / 'pages.jsonl'}:{n}" for n in range(1, 9)]
    assert [line["url"] for line in got] == [f"https://news.example/{n}" for n in range(8)]


def test_an_output_keyed_by_the_old_relative_spelling_still_resumes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "pages.jsonl",
                [{"url": f"https://news.example/{n}", "html": STORY.format(title=f"T{n}")}
                 for n in range(4)])
    # lines as a run before keys were resolved wrote them
    old = [{"url": f"https://news.example/{n}", "title": f"T{n}", "input": f"pages.jsonl:{n + 1}"}
           for n in range(2)]
    write_jsonl(tmp_path / "o.jsonl", old)
    assert batch("./pages.jsonl", "-o", "o.jsonl") == 0
    got = read_lines(tmp_path / "o.jsonl")
    assert [line["url"] for line in got] == [f"https://news.example/{n}" for n in range(4)]


def test_an_unreadable_input_has_one_key_however_spelt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-folder").mkdir()
    keys = {record.key for spelling in ["a-folder", "./a-folder", str(tmp_path / "a-folder")]
            for record in read_inputs([spelling])}
    assert keys == {str(tmp_path.resolve() / "a-folder")}
