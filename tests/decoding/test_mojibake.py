"""UTF-8 text that was encoded twice is read as written once; text that only looks like
it is left alone."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.decoding.mojibake import repair_double_utf8

URL = "https://news.example.com/harbour/ferry"


def _twice(text: str, via: str) -> str:
    """`text` as a page shows it after its UTF-8 bytes were read as `via` and saved again
    (a byte Windows-1252 leaves undefined is read as Latin-1 reads it, as software does)."""
    return "".join(_read(byte, via) for byte in text.encode("utf-8"))


def _read(byte: int, via: str) -> str:
    try:
        return bytes([byte]).decode(via)
    except UnicodeDecodeError:
        return chr(byte)


@pytest.mark.parametrize("via", ["latin-1", "cp1252"])
@pytest.mark.parametrize("text", ["the ferry’s timetable", "“late”, again — and…",
                                  "fares in € stay", "boats ⭐ and 😀"])
def test_text_encoded_twice_reads_as_written(text: str, via: str) -> None:
    mangled = _twice(text, via)
    assert mangled != text
    assert repair_double_utf8(mangled.encode("utf-8")).decode("utf-8") == text


@pytest.mark.parametrize("text", [
    "„Das macht Spaß“, sagte sie.",  # ß then a closing German quotation mark
    "je to těžké\u00a0– s médii",  # é, a no-break space, an en dash (Czech)
    "Ã© is how a page about encodings writes é read twice",
    "café, naïve, Straße, Łódź, 東京",
])
def test_text_written_once_is_left_alone(text: str) -> None:
    data = text.encode("utf-8")
    assert repair_double_utf8(data) == data


def test_the_article_reads_the_repaired_text() -> None:
    story = ("The ferry’s new timetable starts on Monday, with two more crossings "
             "each weekday morning for the commuters who wrote in about crowded boats.")
    page = (f"<html><head><meta charset='utf-8'><title>Ferry</title></head><body><article>"
            f"<h1>The ferry’s timetable</h1><p>{story}</p><p>{story}</p></article></body></html>")
    mangled = _twice(page, "cp1252").encode("utf-8")
    article = newsclean.extract(mangled, URL)
    assert article.title == "The ferry’s timetable"
    assert "ferry’s new timetable" in article.text
