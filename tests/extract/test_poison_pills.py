"""Poison pills: one small, valid-looking value in a page that used to make extraction or
its serialisation raise (impossible time-zone offsets, JSON-LD nested a thousand deep,
zone names dateutil warns about, absurd relative ages), and a fuzz run over mutated pages.

Only correctness is asserted here; the timed fuzz and size runs are benchmarks
(`python -m benchmarks.fuzz`, `python -m benchmarks.sizes`).
"""

from __future__ import annotations

import json
import random
import warnings
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from benchmarks.fuzz import (
    DEFAULT_DATA,
    MUTATIONS,
    Seeds,
    build,
    check,
    corpus_seeds,
    data_seeds,
    mutants,
    random_date,
)
from newsclean.extract.guards import json_too_deep, zone_info
from newsclean.extract.metadata import MAX_JSON_LD_DEPTH, parse_date
from newsclean.extract.related_items import age_delta, published_from_age
from newsclean.model import Article, RelatedLink

STORY = "<article>" + "".join(
    f"<p>The council approved the harbour budget on Tuesday, paragraph {i}.</p>"
    for i in range(3)) + "</article>"


def _published_meta(value: str) -> str:
    return f"<meta property='article:published_time' content='{value}'>{STORY}"


@pytest.mark.parametrize("value", [
    "2022-12-01T15:06:17+24:00",
    "2022-12-01T15:06:17-24:00",
    "2022-12-01T15:06:17+99:59",
    "Thu, 01 Dec 2022 15:06:17 +2400",
    "Thu, 01 Dec 2022 15:06:17 -9900",
])
def test_an_offset_of_a_day_or_more_is_no_date(value: str) -> None:
    assert parse_date(value) is None
    article = newsclean.extract(_published_meta(value))
    assert article.published is None
    assert json.loads(article.to_json())["published"] is None
    article.to_markdown()


def test_an_offset_just_under_a_day_is_kept() -> None:
    found = parse_date("Thu, 01 Dec 2022 15:06:17 +2359")
    assert found is not None and found.utcoffset() == timedelta(hours=23, minutes=59)


def test_a_broken_offset_in_the_meta_falls_back_to_a_time_element() -> None:
    html = ("<meta property='article:published_time' content='2022-12-01T15:06:17+24:00'>"
            "<article><time datetime='2022-12-02T09:00:00+01:00'>2 Dec</time>" + STORY[9:])
    published = newsclean.extract(html).published
    assert published == datetime(2022, 12, 2, 9, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize("where", ["json-ld", "time", "related"])
def test_broken_offsets_from_every_date_source_serialise(where: str) -> None:
    bad = "2022-12-01T15:06:17+24:00"
    if where == "json-ld":
        html = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "'
                + bad + '", "dateModified": "Thu, 01 Dec 2022 15:06:17 +3000"}</script>' + STORY)
    elif where == "time":
        html = f"<article><time datetime='{bad}'>1 Dec</time>{STORY[9:]}"
    else:
        cards = "".join(f"<li><a href='/story-{i}'><h3>Another story about the harbour {i}</h3>"
                        f"</a><time datetime='{bad}'>1 Dec</time></li>" for i in range(5))
        html = f"{STORY}<section class='related'><h2>Related</h2><ul>{cards}</ul></section>"
    article = newsclean.extract(html, "https://example.com/news/x")
    data = json.loads(article.to_json())
    assert data["published"] is None and data["modified"] is None
    assert all(link["published"] is None for link in data["related"])


def test_serialisation_survives_a_datetime_whose_offset_cannot_be_written() -> None:
    from dateutil import tz

    moment = datetime(2022, 12, 1, 15, 6, 17, tzinfo=tz.tzoffset(None, 86_400))
    article = Article(title="t", published=moment, modified=moment,
                      related=[RelatedLink(url="https://example.com/a", title="a",
                                           published=moment)])
    data = json.loads(article.to_json())
    assert data["published"] == data["modified"] == "2022-12-01T15:06:17"
    assert data["related"][0]["published"] == "2022-12-01T15:06:17"
    assert "2022-12-01T15:06:17" in article.to_markdown()


@pytest.mark.parametrize("age", ["99999999999 years ago", "9" * 5000 + " days ago",
                                 "5000 years ago", "999999 weeks ago"])
def test_absurd_relative_ages_give_no_date(age: str) -> None:
    assert published_from_age(age, datetime(2024, 1, 1, tzinfo=UTC)) is None


def test_plausible_relative_ages_still_give_a_date() -> None:
    assert age_delta("3 hours ago") == timedelta(hours=3)
    assert published_from_age("2 days ago", datetime(2024, 1, 3, tzinfo=UTC)) == datetime(
        2024, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("ld", [
    "[" * 1000 + "]" * 1000,
    '{"a":' * 1000 + "1" + "}" * 1000,
    '{"@graph": ' + "[" * 100_000,
    '{"@type": "NewsArticle", "x": ' + "[" * 5000 + "]" * 5000 + "}",
])
def test_deeply_nested_json_ld_is_skipped(ld: str) -> None:
    html = f'<script type="application/ld+json">{ld}</script>{STORY}'
    article = newsclean.extract(html)
    assert len(article.paragraphs) == 3
    article.to_json()


def test_json_ld_of_ordinary_depth_is_still_read() -> None:
    nested = '{"x": ' * (MAX_JSON_LD_DEPTH - 2) + "1" + "}" * (MAX_JSON_LD_DEPTH - 2)
    ld = ('{"@type": "NewsArticle", "headline": "Harbour budget [approved] {today}", '
          '"author": {"name": "Jane Roe"}, "deep": ' + nested + "}")
    article = newsclean.extract(f'<script type="application/ld+json">{ld}</script>{STORY}')
    assert article.authors == ["Jane Roe"]


@pytest.mark.parametrize(("text", "deep"), [
    ("[" * 65, True),
    ("[" * 64 + "]" * 64, False),
    ('["' + "[" * 100 + '"]', False),  # brackets inside a string do not nest
    ('["\\"' + "[" * 100 + '"]', False),  # nor after an escaped quote
    ('["\\\\"' + "[" * 100, True),  # an escaped backslash ends the string
    ("{" * 30 + "[" * 35, True),
])
def test_json_depth_scan(text: str, deep: bool) -> None:
    assert json_too_deep(text, 64) is deep


@pytest.mark.parametrize(("value", "offset"), [
    ("1 Dec 2022 15:06 CET", timedelta(hours=1)),
    ("1 Dec 2022 15:06 CEST", timedelta(hours=2)),
    ("December 1, 2022 3:06 PM EST", timedelta(hours=-5)),
    ("December 1, 2022 3:06 PM PDT", timedelta(hours=-7)),
    ("Thu, 01 Dec 2022 15:06:17 JST", timedelta(hours=9)),
    ("1 Dec 2022 15:06 AEDT", timedelta(hours=11)),
    ("1 Dec 2022 15:06 GMT", timedelta(0)),
    ("1 Dec 2022 15:06 +0530", timedelta(hours=5, minutes=30)),
])
def test_zone_names_are_understood_without_a_warning(value: str, offset: timedelta) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = parse_date(value)
    assert found is not None and found.utcoffset() == offset


@pytest.mark.parametrize("value", ["1 Dec 2022 15:06 IST", "1 Dec 2022 15:06 CST",
                                   "1 Dec 2022 15:06 XYZ", "1 Dec 2022 10:00 ET"])
def test_unknown_or_ambiguous_zone_names_keep_the_clock_time_only(value: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = parse_date(value)
        newsclean.extract(_published_meta(value)).to_json()
    assert found is not None and found.tzinfo is None and found.hour in (10, 15)


def test_zone_names_do_not_depend_on_the_machine_zone() -> None:
    # dateutil alone maps a name equal to the machine's zone to tzlocal(); ours never does.
    assert zone_info(None, None) is None
    assert zone_info("XYZ", None) is None
    assert zone_info("cet", None) is not None


# --- fuzzing -----------------------------------------------------------------------------

FUZZ_SEED = 17
CORPUS_MUTANTS = 120
DATA_MUTANTS = 20
"""Mutants of shared-data pages, when that folder is present (larger pages, fewer)."""
DATA_PARTS = 4


def _assert_sound(data: bytes, url: str | None, label: str) -> None:
    outcome, problems = check(data, url)
    assert not problems, f"{label}: {problems}"
    if outcome.result is not None:
        json.loads(outcome.result)


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_mutated_corpus_pages_never_crash(kind: str) -> None:
    seeds = Seeds(corpus_seeds(), scale=1)
    assert len(seeds.pages) > 20
    plan = [entry for entry in mutants(seeds, CORPUS_MUTANTS, FUZZ_SEED) if entry[2] == kind]
    assert plan
    for index, page, mutation, rng in plan:
        _assert_sound(build(seeds, page, mutation, rng), page.url,
                      f"#{index} {mutation} of {page.name}")


@pytest.mark.parametrize("part", range(DATA_PARTS))
def test_mutated_shared_data_pages_never_crash(part: int) -> None:
    pages = data_seeds(DEFAULT_DATA)
    if not pages:
        pytest.skip("no shared data")
    seeds = Seeds(pages, scale=1)
    for index, page, mutation, rng in mutants(seeds, DATA_MUTANTS, FUZZ_SEED):
        if index % DATA_PARTS == part:
            _assert_sound(build(seeds, page, mutation, rng), page.url,
                          f"#{index} {mutation} of {page.name}")


def test_mutation_is_reproducible_from_its_seed() -> None:
    seeds = Seeds(corpus_seeds(), scale=1)
    first = [build(seeds, p, m, r) for _i, p, m, r in mutants(seeds, 20, FUZZ_SEED)]
    again = [build(seeds, p, m, r) for _i, p, m, r in mutants(seeds, 20, FUZZ_SEED)]
    assert first == again
    assert any(data != seeds.read(p) for data, (_i, p, _m, _r)
               in zip(first, mutants(seeds, 20, FUZZ_SEED), strict=True))


_DATE_TEXT = st.one_of(
    st.text(alphabet="0123456789-:+TZ ./ADEGJMNOPSTUabcdeghlnoprtuy", max_size=40),
    st.builds(lambda r: random_date(random.Random(r)), st.integers(0, 2 ** 32)),
)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(_DATE_TEXT)
def test_any_date_value_serialises_without_warnings(value: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = parse_date(value)
    if found is not None:
        Article(title="t", published=found).to_json()
        assert found.utcoffset() is None or abs(found.utcoffset() or timedelta(0)) < timedelta(1)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | _DATE_TEXT | st.sampled_from(["NewsArticle", "WebPage", "Organization", "Person"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "@graph", "datePublished", "dateModified", "author", "name",
                         "headline", "publisher", "keywords", "mainEntity", "creator"]),
        children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(_JSON)
def test_any_json_ld_is_read_or_skipped(data: object) -> None:
    html = f'<script type="application/ld+json">{json.dumps(data)}</script>{STORY}'
    _assert_sound(html.encode(), "https://example.com/news/a", "json-ld")


@pytest.mark.parametrize("at", [0, 1, -1])
def test_long_texts_fold_as_short_ones_do(at: int) -> None:
    from newsclean.extract.guards import COLLAPSE_CHUNK
    from newsclean.extract.text import collapse

    # Chunk boundaries inside a word, inside a run of spaces, and right at a space.
    word = "ab" * 7
    text = (" \n" + (word + " \xa0") * (COLLAPSE_CHUNK // 9)) [:COLLAPSE_CHUNK + at]
    text += "x" * 3 + " " * (COLLAPSE_CHUNK + 5) + "yz " + "w" * COLLAPSE_CHUNK + "\t"
    assert collapse(text) == " ".join(text.split())
