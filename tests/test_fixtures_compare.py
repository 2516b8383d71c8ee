"""compare(): the field-by-field diff shared by check, the pytest plugin and the benchmark."""

from __future__ import annotations

import copy
import importlib
from typing import Any

import pytest

from newsclean.fixtures import compare, format_diffs
from newsclean.model import Article, Dateline, Image, RelatedLink

# The package exports the function `compare`, which shadows its module's name.
compare_module = importlib.import_module("newsclean.fixtures.compare")


def _expected() -> dict[str, Any]:
    return Article(
        url="https://example.com/news/story",
        title="Pier reopens",
        authors=["Ann Writer"],
        dateline=Dateline("SEOUL", "Oct. 23", "UPI"),
        paragraphs=["First paragraph.", "Second paragraph.", "Third paragraph."],
        images=[
            Image("https://example.com/a.jpg", caption="The pier", credit="AP"),
            Image("https://example.com/b.jpg", caption="The town", credit="Reuters"),
        ],
        related=[
            RelatedLink("https://example.com/r1", "One", section="World", age="1 hour ago"),
            RelatedLink("https://example.com/r2", "Two", section="UK"),
        ],
    ).to_dict()


def test_identical_dicts_have_no_diff() -> None:
    assert compare(_expected(), _expected()) == []


def test_scalar_change_reads_old_to_new() -> None:
    actual = _expected() | {"title": "Pier closes"}
    [diff] = compare(_expected(), actual)
    assert diff.field == "title"
    assert diff.format() == 'title: "Pier reopens" -> "Pier closes"'


def test_paragraphs_lost_and_added_are_listed_and_text_is_not_repeated() -> None:
    expected = _expected()
    paragraphs = ["First paragraph.", "An advert that slipped in.", "Third paragraph."]
    actual = Article.from_dict(expected | {"paragraphs": paragraphs}).to_dict()
    diffs = compare(expected, actual)
    assert [d.field for d in diffs] == ["paragraphs"]  # "text" follows from paragraphs
    text = diffs[0].format()
    assert '- [2] "Second paragraph."' in text
    assert '+ [2] "An advert that slipped in."' in text
    assert "1 lost, 1 added" in text
    assert "First paragraph." not in text


def test_text_alone_is_reported_when_paragraphs_agree() -> None:
    actual = _expected() | {"text": "something else"}
    assert [d.field for d in compare(_expected(), actual)] == ["text"]


def test_images_are_matched_by_url() -> None:
    expected = _expected()
    actual = copy.deepcopy(expected)
    actual["images"][0]["caption"] = "The pier at dawn"
    del actual["images"][1]
    actual["images"].append({"url": "https://example.com/c.jpg", "caption": None,
                             "credit": None, "alt": None})
    [diff] = compare(expected, actual)
    text = diff.format()
    assert '~ https://example.com/a.jpg caption: "The pier" -> "The pier at dawn"' in text
    assert "- missing image https://example.com/b.jpg" in text
    assert "+ unexpected image https://example.com/c.jpg" in text
    assert "credit" not in text.replace("b.jpg", "")  # unchanged fields stay quiet


def test_related_missing_unexpected_changed_and_reordered() -> None:
    expected = _expected()
    changed = copy.deepcopy(expected)
    changed["related"][1]["section"] = None
    changed["related"].append({"url": "https://example.com/r3", "title": "Three"})
    diff = compare(expected, changed)[0]
    assert diff.field == "related"
    assert '~ https://example.com/r2 section: "UK" -> null' in diff.details
    assert any(d.startswith("+ unexpected related link https://example.com/r3") for d in diff.details)

    reordered = copy.deepcopy(expected)
    reordered["related"].reverse()
    [diff] = compare(expected, reordered)
    assert diff.details == ("~ order changed",)


def test_duplicate_urls_are_matched_in_order() -> None:
    expected = _expected()
    link = expected["related"][0]
    expected["related"] = [link, link | {"block": "inline"}]
    actual = copy.deepcopy(expected)
    actual["related"][1]["block"] = "next"
    [diff] = compare(expected, actual)
    assert diff.details == ('~ https://example.com/r1 block: "inline" -> "next"',)


def test_dateline_fields_and_lists_of_names() -> None:
    actual = _expected()
    actual["dateline"] = {"location": None, "date_text": "Oct. 23", "agency": "UPI"}
    actual["authors"] = ["Ann Writer", "Bob Reporter"]
    diffs = {d.field: d for d in compare(_expected(), actual)}
    assert diffs["dateline"].details == ('~ location: "SEOUL" -> null',)
    assert diffs["authors"].details == ('+ [2] "Bob Reporter"',)


def test_a_field_missing_on_one_side_differs() -> None:
    actual = _expected()
    del actual["title"]
    [diff] = compare(_expected(), actual)
    assert diff.format() == 'title: "Pier reopens" -> null'


def test_volatile_keys_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    actual = _expected() | {"title": "Other"}
    monkeypatch.setattr(compare_module, "VOLATILE_KEYS", frozenset({"title"}))
    assert compare(_expected(), actual) == []
    assert "title" not in compare_module.strip_volatile(actual)


def test_format_diffs_joins_every_field() -> None:
    actual = _expected() | {"title": "X", "language": "fr"}
    text = format_diffs(compare(_expected(), actual))
    assert text.splitlines() == ['language: null -> "fr"', 'title: "Pier reopens" -> "X"']


def test_a_slightly_changed_paragraph_is_one_word_diff() -> None:
    expected = _expected()
    long = ("Waves broke over the harbour wall at Oban on Tuesday morning as the storm "
            "arrived from the Atlantic and every ferry stayed in port.")
    expected["paragraphs"][1] = long
    actual = copy.deepcopy(expected)
    actual["paragraphs"][1] = long.replace("morning as", "morning, as")
    actual["images"][1]["caption"] = "The town seen from the end of the pier on a calm day"
    expected["images"][1]["caption"] = "The town seen from the end of the pier on a calm day."
    diffs = {d.field: d for d in compare(expected, actual)}
    assert diffs["paragraphs"].summary == "1 changed (expected 3, got 3)"
    assert diffs["paragraphs"].details == (
        '~ [2] "…wall at Oban on Tuesday [-morning-]{+morning,+} as the storm arrived from…"',)
    # Short strings stay whole: the change is plain to see.
    assert diffs["images"].details == ('~ https://example.com/b.jpg caption: '
                                       '"The town seen from the end of the pier on a calm day." -> '
                                       '"The town seen from the end of the pier on a calm day"',)
