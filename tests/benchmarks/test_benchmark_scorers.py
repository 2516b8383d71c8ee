"""The benchmark scorers on hand-made cases; every expected value is worked out by hand.

The annotation set is scored on hand-made annotation files of tiny pages."""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from benchmarks import loaders, report, runner, scorers
from benchmarks.adapters import Output
from benchmarks.report import render_markdown
from benchmarks.scorers import PRF


def approx(prf: PRF, precision: float, recall: float, f1: float) -> None:
    assert prf.precision == pytest.approx(precision)
    assert prf.recall == pytest.approx(recall)
    assert prf.f1 == pytest.approx(f1)


# --- word F1 ------------------------------------------------------------------------------


def test_word_f1_counts_the_multiset_overlap() -> None:
    # predicted tokens: the, cat, sat, on, the, mat (6); reference: the, cat, the, dog (4).
    # overlap: the x2 + cat = 3 -> P = 3/6 = 0.5, R = 3/4 = 0.75, F1 = 2*.5*.75/1.25 = 0.6
    approx(scorers.word_prf("The cat sat on the mat.", "the cat, the dog"), 0.5, 0.75, 0.6)


def test_word_f1_ignores_case_and_punctuation() -> None:
    # "Hello, WORLD!" -> hello, world; the same two tokens as the reference: all 1.0
    approx(scorers.word_prf("Hello, WORLD!", "hello world"), 1.0, 1.0, 1.0)


def test_word_f1_empty_cases() -> None:
    approx(scorers.word_prf("", ""), 1.0, 1.0, 1.0)  # nothing expected, nothing given
    approx(scorers.word_prf("!!!", ""), 1.0, 1.0, 1.0)  # punctuation has no tokens
    approx(scorers.word_prf("some words", ""), 0.0, 0.0, 0.0)  # text where none was expected
    approx(scorers.word_prf("", "some words"), 0.0, 0.0, 0.0)  # a crash scores as empty


def test_mean_prf_averages_each_column() -> None:
    # F1 is the mean of per-page F1s (0.6 and 0 -> 0.3), not the F1 of the mean P and R
    pages = [PRF(0.5, 0.75, 0.6), PRF(0.0, 0.0, 0.0)]
    approx(scorers.mean_prf(pages), 0.25, 0.375, 0.3)


# --- WCXB snippet rates -------------------------------------------------------------------


def test_wcxb_snippets_are_case_insensitive_and_whitespace_normalised() -> None:
    text = "Hello   World.\nFoo\tbar and more"
    # "hello world" and "FOO BAR" are found; "missing" is not; "   " is not a snippet: 2 of 3
    found = scorers.snippets_found(text, ["hello world", "FOO BAR", "missing", "   "], ignore_case=True)
    assert found == (2, 3)
    # case-sensitive, only "Hello World" would match
    assert scorers.snippets_found(text, ["Hello World", "foo bar"], ignore_case=False) == (1, 2)


# --- trafilatura snippet F1 ---------------------------------------------------------------


def test_trafilatura_snippet_counts_per_page() -> None:
    text = "Alpha beta gamma. Delta \n epsilon."
    # with: "beta gamma" found, "Delta epsilon" found after whitespace normalisation,
    # "beta Gamma" not (matching keeps case) -> tp 2, fn 1
    # without: "Alpha" found -> fp 1; "Share this" not -> tn 1
    counts = scorers.snippet_counts(
        text, ["beta gamma", "Delta  epsilon", "beta Gamma"], ["Alpha", "Share this"]
    )
    assert counts == scorers.SnippetCounts(tp=2, fp=1, fn=1, tn=1)


def test_trafilatura_snippet_f1_sums_counts_over_pages() -> None:
    page1 = scorers.SnippetCounts(tp=2, fp=1, fn=1, tn=1)
    page2 = scorers.snippet_counts("", ["x y"], ["z"])  # a crash: with missed, without absent
    assert page2 == scorers.SnippetCounts(tp=0, fp=0, fn=1, tn=1)
    total = scorers.sum_counts([page1, page2])
    # tp 2, fp 1, fn 2, tn 2 (7 snippets): P = 2/3, R = 2/4, F1 = 4/(4+1+2) = 4/7,
    # accuracy = (2+2)/7 = 4/7
    assert total == scorers.SnippetCounts(tp=2, fp=1, fn=2, tn=2)
    assert total.precision == pytest.approx(2 / 3)
    assert total.recall == pytest.approx(0.5)
    assert total.f1 == pytest.approx(4 / 7)
    assert total.accuracy == pytest.approx(4 / 7)


# --- ScrapingHub shingles -------------------------------------------------------------------


def test_shingles_are_four_token_runs_with_case_kept() -> None:
    assert scorers.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    # 8 tokens -> 5 shingles; "a b c d" occurs twice
    assert scorers.shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    # fewer than 4 tokens: one shorter shingle; no tokens: none
    assert scorers.shingles("Hello, world") == {("Hello", "world"): 1}
    assert scorers.shingles(" ... ") == {}


def test_shingle_counts_are_normalised_per_page() -> None:
    # pred {abcd, bcdx}, ref {abcd, bcde}: tp 1, fp 1, fn 1 -> each 1/3
    assert scorers.shingle_counts("a b c d x", "a b c d e") == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    # pred abcd x2 + bcda, cdab, dabc; ref abcd: tp 1, fp 4, fn 0 -> (1/5, 4/5, 0)
    assert scorers.shingle_counts("a b c d a b c d", "a b c d") == pytest.approx((0.2, 0.8, 0.0))
    # short texts: ("Hello", "world") vs ("hello", "world") differ by case: fp 1, fn 1
    assert scorers.shingle_counts("hello world", "Hello world") == pytest.approx((0.0, 0.5, 0.5))
    # empty prediction: only fn (2 reference shingles) -> (0, 0, 1)
    assert scorers.shingle_counts("", "a b c d e") == pytest.approx((0.0, 0.0, 1.0))
    assert scorers.shingle_counts("", "") == (0.0, 0.0, 0.0)


def test_shingle_f1_averages_precision_and_recall_over_their_own_pages() -> None:
    pages = [(1 / 3, 1 / 3, 1 / 3), (0.0, 0.0, 1.0), (1.0, 0.0, 0.0), (0.0, 0.0, 0.0)]
    # precision over pages with tp+fp > 0: page 1 (0.5), page 3 (1.0) -> 0.75
    # recall over pages with tp+fn > 0: page 1 (0.5), page 2 (0.0), page 3 (1.0) -> 0.5
    # page 4 (both empty) counts in neither. F1 = 2*.75*.5/1.25 = 0.6
    approx(scorers.shingle_prf(pages), 0.75, 0.5, 0.6)
    approx(scorers.shingle_prf([]), 0.0, 0.0, 0.0)


# --- ROUGE-LSum -----------------------------------------------------------------------------


def test_rouge_lsum_unions_lcs_over_units() -> None:
    # Reference unit r = a b c d e; predicted units c1 = a b f g h, c2 = a c h i e.
    # LCS(r, c1) = a b (positions 0, 1); LCS(r, c2) = a c e (0, 2, 4); union {0,1,2,4}:
    # a, b, c, e = 4 hits. P = 4/10 = 0.4, R = 4/5 = 0.8, F1 = 2*.4*.8/1.2 = 8/15
    approx(scorers.rouge_lsum("a b f g h\n\na c h i e", ["a b c d e"]), 0.4, 0.8, 8 / 15)


def test_rouge_lsum_never_counts_a_token_more_often_than_it_occurs() -> None:
    # Reference units "x y" twice, prediction "x y" once: the first unit takes x and y
    # (2 hits); the prediction has none left for the second. P = 2/2, R = 2/4, F1 = 2/3
    approx(scorers.rouge_lsum("x y", ["x y", "x y"]), 1.0, 0.5, 2 / 3)
    # Prediction repeats the unit: each reference token is hit once. P = 2/4, R = 2/2
    approx(scorers.rouge_lsum("x y\nx y", ["x y"]), 0.5, 1.0, 2 / 3)


def test_rouge_lsum_is_case_insensitive_and_empty_is_zero() -> None:
    approx(scorers.rouge_lsum("Über den Fluss.", ["über den fluss"]), 1.0, 1.0, 1.0)
    approx(scorers.rouge_lsum("", ["a b"]), 0.0, 0.0, 0.0)
    approx(scorers.rouge_lsum("a b", []), 0.0, 0.0, 0.0)


def test_rouge_lsum_agrees_with_rouge_score_on_plain_text() -> None:
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    scorer = rouge_scorer.RougeScorer(["rougeLsum"])
    cases = [
        ("the cat sat on the mat\nit was happy", ["the cat was on the mat", "the cat was happy"]),
        ("a b f g h\na c h i e", ["a b c d e"]),
        ("one two three four\nfive six\nseven", ["two four six", "one three five seven", "eight"]),
    ]
    for predicted, reference in cases:
        theirs = scorer.score("\n".join(reference), predicted)["rougeLsum"]
        ours = scorers.rouge_lsum(predicted, reference)
        approx(ours, theirs.precision, theirs.recall, theirs.fmeasure)


# --- metadata -------------------------------------------------------------------------------


def test_title_exact_match_after_normalisation() -> None:
    assert scorers.title_matches("  Hello\n  World ", "hello world")
    assert not scorers.title_matches("Hello World | Site", "Hello World")
    assert not scorers.title_matches(None, "Hello")
    assert not scorers.title_matches("", "")  # no reference title: nothing to agree with


def test_author_agreement() -> None:
    reference = "Nicholas Collins, Scott Munro"
    assert scorers.author_agrees(["Scott Munro"], reference)  # contained in the reference
    assert scorers.author_agrees(["nobody", "NICHOLAS  collins"], reference)  # any author
    assert scorers.author_agrees(["Scott Munro"], "scott munro")  # equal, case-insensitive
    assert not scorers.author_agrees(["Munro Scott"], reference)
    assert not scorers.author_agrees([], reference)
    assert not scorers.author_agrees(["Scott"], None)


def test_date_agreement_on_the_calendar_day() -> None:
    assert scorers.date_agrees("2025-09-04T23:30:00-05:00", "2025-09-04")
    assert scorers.date_agrees(datetime(2025, 9, 4, 1, 0, tzinfo=UTC), "2025-09-04")
    assert not scorers.date_agrees(datetime(2025, 9, 5, 1, 0, tzinfo=UTC), "2025-09-04")
    assert scorers.date_agrees("September 4, 2025", "2025-09-04T10:00:00Z")
    assert not scorers.date_agrees(None, "2025-09-04")
    assert not scorers.date_agrees("2025-09-04", None)


def test_metadata_score_counts_only_pages_with_a_reference() -> None:
    one = scorers.metadata_score("Title", ["A. Writer"], "2024-01-02", "title", None, "2024-01-02")
    two = scorers.metadata_score("Other", [], None, "Title", "B. Writer", "2024-01-03")
    total = one + two
    # titles: page 1 agrees, page 2 not (1 of 2); author: only page 2 has one, missed
    # (0 of 1); date: page 1 agrees, page 2 missed (1 of 2)
    assert total == scorers.MetadataScore(1, 2, 0, 1, 1, 2)
    assert scorers.MetadataScore.rate(total.title_hits, total.title_pages) == 0.5
    assert scorers.MetadataScore.rate(0, 0) is None


# --- corpus -------------------------------------------------------------------------------------


EXPECTED: dict[str, Any] = {
    "text": "Body text about what is happening. The Third Way was a slogan.",
    "images": [
        {"url": "https://x/1.jpg", "caption": "A cat.", "credit": "AP"},
        {"url": "https://x/2.jpg", "caption": "Dog", "credit": None},
    ],
    "related": [
        {"url": "https://x/r1", "title": "Other story"},
        {"url": "https://x/r2", "title": "Third Way"},
    ],
}


def test_corpus_page_score_matches_by_url_and_text() -> None:
    predicted = {
        "text": "Body text about what is happening. Other story",
        "images": [{"url": "https://x/1.jpg", "caption": "A  cat.", "credit": "Reuters"}],
        "related": [{"url": "https://x/r1"}, {"url": "https://x/r3"}],
    }
    score = scorers.corpus_page_score(predicted, EXPECTED)
    # captions: (1.jpg, "A cat.") matches after whitespace normalisation; 2.jpg missed
    assert score.captions == scorers.Matches(matched=1, predicted=1, expected=2)
    # credits: Reuters is not AP
    assert score.credits == scorers.Matches(matched=0, predicted=1, expected=1)
    # related: r1 found, r3 extra, r2 missed
    assert score.related == scorers.Matches(matched=1, predicted=2, expected=2)
    assert score.related.precision == 0.5
    # "Other story" (a related title) sits in the extracted text
    assert score.leaked


def test_corpus_leakage_needs_whole_words_and_ignores_quoted_text() -> None:
    # "AP" inside "happening" is no leak; "Third Way" is in the expected text itself
    predicted = {"text": EXPECTED["text"], "images": [], "related": []}
    score = scorers.corpus_page_score(predicted, EXPECTED)
    assert not score.leaked
    assert score.captions.precision is None  # nothing predicted
    assert score.captions.recall == 0.0
    leaky = {"text": EXPECTED["text"] + " Photo: AP", "images": [], "related": []}
    assert scorers.corpus_page_score(leaky, EXPECTED).leaked


# --- Fundus: CJK tokens, captions, credits, authors, dates, leakage ---------------------------


def test_cjk_characters_are_one_token_each() -> None:
    assert scorers.cjk_word_tokens("東京タワー is 333m tall") == ["東", "京", "タ", "ワ", "ー", "is", "333m", "tall"]
    # 東 京 は 晴 れ (5) against 東 京 は 雨 (4): 3 shared -> P 3/5, R 3/4, F1 = 1.2*.75... = 2/3
    approx(scorers.cjk_word_prf("東京は晴れ", "東京は雨"), 0.6, 0.75, 2 / 3)
    # WCXB's tokens see one word on each side, and different words: 0
    approx(scorers.word_prf("東京は晴れ", "東京は雨"), 0.0, 0.0, 0.0)
    # Hangul is written with spaces: words, not characters
    assert scorers.cjk_word_tokens("서울 날씨") == ["서울", "날씨"]


def test_caption_normalisation_strips_punctuation_at_the_ends_only() -> None:
    assert scorers.normalise_caption("  «Firefighters  at the SCENE.» ") == "firefighters at the scene"
    assert scorers.normalise_caption("(Tom, left, and Ann)") == "tom, left, and ann"
    assert scorers.normalise_caption("...") == "" and scorers.normalise_caption(None) == ""


def test_caption_match_rules() -> None:
    long = "Firefighters at the scene on Monday, when the fire had spread to three houses"
    # word F1 exactly 0.8 (4 of 5 tokens on each side) matches; 0.6 does not
    assert scorers.captions_match("one two three four five", "one two three four six")
    assert not scorers.captions_match("one two three four five", "one two three six seven")
    # F1 4/14 tokens = 0.444, but contained and 25 of 77 characters (32 %): a match
    assert scorers.captions_match("«Firefighters at the scene»", long)
    assert scorers.captions_match(long, "Firefighters at the scene.")  # either way round
    # contained but 12 of 77 characters (16 %): no match
    assert not scorers.captions_match("Firefighters", long)
    assert not scorers.captions_match("", long) and not scorers.captions_match(None, long)


def test_best_caption_match_prefers_the_highest_f1() -> None:
    returned = [
        {"caption": "Firefighters at the scene", "credit": "A"},  # contained: F1 0.8 against the reference below
        {"caption": "Firefighters at the scene on Monday", "credit": "B"},  # equal: F1 1.0
    ]
    match = scorers.best_caption_match("Firefighters at the scene on Monday.", returned)
    assert match is not None and match["credit"] == "B"
    assert scorers.best_caption_match("A dog in the park", returned) is None


def test_credit_containment() -> None:
    # Fundus: the returned credit contains one of the picture's authors, case folded
    assert scorers.credit_names_one_of("Foto: IMAGO/ZUMA Press", ["Reuters", "imago/zuma press"])
    assert not scorers.credit_names_one_of("AP", ["Reuters"])
    assert not scorers.credit_names_one_of(None, ["AP"]) and not scorers.credit_names_one_of("AP", [""])
    # annotations: containment either way, after caption normalisation
    assert scorers.credits_agree("Photo: Jane Doe/AP", "Jane Doe/AP")
    assert scorers.credits_agree("AP", "(Jane Doe/AP)")
    assert not scorers.credits_agree("Reuters", "AP") and not scorers.credits_agree(None, "AP")


def test_author_set_f1() -> None:
    # 1 shared of 2 returned and 3 expected: P 1/2, R 1/3, F1 = (1/3)/(5/6) = 0.4
    f1 = scorers.author_set_f1(["jane roe", "ORF.at/Agenturen"], ["Jane  Roe", "John Doe", "Ann Lee"])
    assert f1 == pytest.approx(0.4)
    assert scorers.author_set_f1([], ["Ann Lee"]) == 0.0
    assert scorers.author_set_f1(["ANN LEE", "ann lee"], ["Ann Lee"]) == 1.0  # a set: counted once


def test_date_is_the_calendar_day_in_the_records_time_zone() -> None:
    # 23:30 UTC is 01:30 the next day at +02:00: the record's day
    assert scorers.same_day_in_reference_zone("2024-05-02T23:30:00+00:00", "2024-05-03 01:30:00+02:00")
    # the same instant is 08:30 on 3 May at +09:00: not the record's 2 May
    assert not scorers.same_day_in_reference_zone("2024-05-02T23:30:00+00:00", "2024-05-02 10:00:00+09:00")
    # a naive record: each day as written
    assert scorers.same_day_in_reference_zone("2024-04-30T23:00:00-05:00", "2024-04-30 00:00:00")
    assert not scorers.same_day_in_reference_zone(None, "2024-04-30 00:00:00")
    assert not scorers.same_day_in_reference_zone("2024-04-30", None)


def test_fundus_caption_score_counts_recall_and_credit() -> None:
    reference: list[dict[str, Any]] = [
        {"caption": "Bondi and Trump in Florida in 2016", "authors": ["IMAGO/ZUMA Press"]},
        {"caption": "The harbour at dawn", "authors": []},  # not returned
        {"caption": None, "authors": ["AP"]},  # no caption: not counted
        {"caption": "A crowd outside the court", "authors": ["Reuters"]},  # returned, wrong credit
    ]
    returned = [
        {"caption": "Bondi and Trump in Florida in 2016.", "credit": "Foto: Imago/Zuma Press"},
        {"caption": "A crowd outside the court", "credit": "AFP"},
        {"caption": "An unrelated picture", "credit": "Reuters"},
    ]
    score = scorers.fundus_caption_score(returned, reference)
    # 2 of 3 captions matched; of the 2 matched with authors, 1 credit names them
    assert score.captions == scorers.Ratio(2, 3) and score.credits == scorers.Ratio(1, 2)


def test_fundus_leaks_need_four_words_and_a_caption_not_in_the_body() -> None:
    body = "The council met on Monday. Firefighters at the scene on Monday were praised."
    captions = [
        "Firefighters at the scene on Monday",  # in the body: quoting it is no leak
        "Smoke over the harbour at dawn",  # leaked
        "The mayor speaks",  # three words: not considered
        "A view of the river bank",  # not in the text
    ]
    text = "The council met on Monday.\n\nSMOKE over   the harbour at dawn.\n\nFirefighters at the scene on Monday."
    assert scorers.fundus_leaks(text, captions, body) == (["Smoke over the harbour at dawn"], 2)


# --- the annotation set: URLs, related links, pictures, leakage --------------------------------


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("https://Example.COM/a/b/?utm_source=x&id=3&UTM_medium=y#top", None, "example.com/a/b?id=3"),
        ("http://example.com/a/b", None, "example.com/a/b"),  # the scheme does not count
        ("../c/", "https://news.example/x/y/z.html", "news.example/x/c"),
        ("/search?q=1&amp;utm_campaign=z&amp;p=2", "http://news.example/", "news.example/search?q=1&p=2"),
        ("//cdn.example/i.jpg", "https://news.example/", "cdn.example/i.jpg"),
        ("https://news.example:8080/A/", None, "news.example:8080/A"),  # the path keeps its case
        ("   ", None, None),
        (None, None, None),
    ],
)
def test_url_normalisation(url: str | None, base: str | None, expected: str | None) -> None:
    assert scorers.normalise_url(url, base) == expected


def test_related_titles_are_scored_on_the_annotated_urls_returned() -> None:
    annotation = {"related": [{"items": [
        {"url": "https://news.example/a", "title": "Storm  knocks out power"},
        {"url": "/b/", "title": "Floods close the road"},
        {"url": "https://news.example/c", "title": "Not returned"},
        {"url": "https://news.example/d"},  # no title: not scored
    ]}]}
    returned = [
        {"url": "http://news.example/a#top", "title": "storm knocks out power"},  # same, folded
        {"url": "https://news.example/a", "title": "Another copy"},  # the URL once only
        {"url": "https://news.example/b", "title": "EDITOR PICK Floods close the road"},
        {"url": "https://news.example/d", "title": "Anything"},
        {"url": "https://news.example/x", "title": "Not annotated"},
    ]
    score = scorers.related_title_score(returned, annotation, "https://news.example/story")
    assert (score.hits, score.total) == (1, 2)
    assert scorers.related_title_score([], annotation, None).rate is None


def test_related_score_leaves_neutral_urls_out() -> None:
    annotation = {
        "related": [
            {"items": [{"url": "https://news.example/a", "title": "A"}, {"url": "/b/", "title": "B"}]},
            {"items": [{"url": "https://news.example/c", "title": "C"}]},
        ],
        # c is both annotated and neutral: annotated wins
        "neutral_urls": ["https://news.example/n", "https://news.example/c"],
    }
    returned = [{"url": "http://news.example/a#x"}, {"url": "https://news.example/b"},
                {"url": "/n"}, {"url": "https://news.example/x"}, {"url": "https://news.example/a"}]
    score = scorers.related_score(returned, annotation, "https://news.example/story")
    # returned, not neutral: a, b, x (a once) -> 2 of 3 annotated; annotated a, b, c -> 2 of 3 returned
    assert score == scorers.RelatedScore(returned_hits=2, returned=3, annotated_hits=2, annotated=3)
    assert score.precision == pytest.approx(2 / 3) and score.recall == pytest.approx(2 / 3)
    assert scorers.related_score([], {"related": []}, None).precision is None


def test_story_picture_precision_needs_annotated_sources() -> None:
    annotation = {"images": [{"src": "https://cdn.example/lead.jpg"}, {"src": None}]}
    returned = [{"url": "http://cdn.example/lead.jpg?utm_source=rss"}, {"url": "https://cdn.example/ad.gif"}]
    assert scorers.story_picture_score(returned, annotation, None) == scorers.Ratio(1, 2)
    assert scorers.story_picture_score(returned, {"images": [{"src": None}]}, None) is None


def test_story_pictures_without_url_count_by_their_shown_text() -> None:
    annotation = {"images": [{"src": None, "caption": "The ferry at the pier.", "credit": "AP"},
                             {"src": None, "caption": None, "credit": "Firn | Getty Images"}]}
    returned: list[dict[str, str | None]] = [
                {"url": None, "caption": "The ferry at the pier.", "credit": "AP"},
                {"url": None, "caption": "The ferry at the pier.", "credit": "AP"},  # a copy
                {"url": None, "caption": "Firn", "credit": "Getty Images"},
                {"url": None, "caption": "Watch the ferry leave", "credit": None},
                {"url": "https://cdn.example/ad.gif"}]
    # one to one: the copy is no second hit; no URL-less annotated picture matches a URL
    assert scorers.story_picture_score(returned, annotation, None) == scorers.Ratio(2, 5)


def test_leakage_excludes_story_strings() -> None:
    text = "Why cats sleep all day long. A cat asleep on the warm windowsill. Budget talks."
    candidates = ["A cat asleep on the warm windowsill", "Why cats sleep all day long", "Budget talks",
                  "Why cats sleep all day long."]  # the same string twice counts once
    leaked, considered = scorers.leaked_strings(text, candidates, ["A cat asleep on the warm windowsill"])
    assert leaked == ["Why cats sleep all day long"] and considered == 1


# --- collapses ---------------------------------------------------------------------------------


def test_collapse_counting_and_worst_losses() -> None:
    own = {"p1": 0.1, "p2": 0.25, "p3": 0.9, "p4": 0.2}
    peers = {
        "trafilatura": {"p1": 0.8, "p2": 0.7, "p3": 0.95, "p4": 0.5},
        "readability": {"p1": 0.6, "p2": 0.65, "p3": 0.2, "p4": 0.75},
    }
    losses = scorers.losses_to_best_peer(own, peers)
    # p1 (0.1 vs 0.8) and p4 (0.2 vs 0.75) collapse; p2's best peer has 0.7, not above it
    assert [loss.page for loss in losses if scorers.is_collapse(loss)] == ["p1", "p4"]
    worst = scorers.worst_losses(losses, n=3)
    assert [(w.page, w.peer, round(w.loss, 2)) for w in worst] == [
        ("p1", "trafilatura", 0.7), ("p4", "readability", 0.55), ("p2", "trafilatura", 0.45)
    ]


def test_collapses_per_tool_leave_out_own_variants_and_the_floor() -> None:
    def row(tool: str, page: str, f1: float) -> dict[str, object]:
        return {"tool": tool, "collection": "wcxb", "id": page, "f1": f1}

    rows = [
        row("newsclean", "p1", 0.1), row("newsclean", "p2", 0.9),
        row("newsclean-norules", "p1", 0.95), row("newsclean-norules", "p2", 0.1),  # not a peer of newsclean
        row("lxml", "p1", 0.99), row("lxml", "p2", 0.99),  # the floor: no one's peer
        row("trafilatura", "p1", 0.8), row("trafilatura", "p2", 0.2),
        {"tool": "trafilatura", "collection": "other", "id": "p3", "f1": 1.0},
    ]
    tools = ["newsclean", "newsclean-norules", "trafilatura", "lxml"]
    out = runner.score_collapses("wcxb", tools, rows)
    assert out["newsclean"]["collapses"] == 1 and out["newsclean"]["peers"] == ["trafilatura"]
    assert out["newsclean"]["worst"] == [
        {"id": "p1", "f1": 0.1, "peer": "trafilatura", "peer_f1": 0.8, "loss": pytest.approx(0.7),
         "empty_reference": False}
    ]
    assert out["newsclean"]["collapses_empty_reference"] == 0  # no page was said to be empty
    assert out["newsclean-norules"]["collapses"] == 0  # its p2 loses, but trafilatura has only 0.2
    # trafilatura's peers are the newsclean rows: p2 (0.2 against newsclean's 0.9) collapses
    assert out["trafilatura"]["collapses"] == 1 and "worst" not in out["trafilatura"]
    assert out["lxml"]["collapses"] == 0


def test_collapses_on_pages_with_an_empty_reference_are_counted_apart() -> None:
    def row(tool: str, page: str, f1: float) -> dict[str, object]:
        return {"tool": tool, "collection": "wcxb", "id": page, "f1": f1}

    # p1: nothing to extract, and the peer returned nothing; p2: a story the tool missed
    rows = [row("newsclean", "p1", 0.0), row("newsclean", "p2", 0.1), row("newsclean", "p3", 0.9),
            row("justext", "p1", 1.0), row("justext", "p2", 0.8), row("justext", "p3", 0.9)]
    out = runner.score_collapses("wcxb", ["newsclean", "justext"], rows, empty={"p1"})
    assert out["newsclean"]["collapses"] == 2 and out["newsclean"]["collapses_empty_reference"] == 1
    assert [(w["id"], w["empty_reference"]) for w in out["newsclean"]["worst"]] == [("p1", True), ("p2", False)]
    assert out["justext"]["collapses"] == 0 and out["justext"]["collapses_empty_reference"] == 0
    assert report._collapses(out["newsclean"]) == "2 (1 empty)"
    assert report._collapses(out["justext"]) == "0" and report._collapses({}) == "–"
    losses = report._losses_section({"newsclean": out["newsclean"]})
    assert any(line.startswith("| p1 (empty reference) |") for line in losses)
    assert any(line.startswith("| p2 |") for line in losses)


def test_an_empty_reference_holds_no_word() -> None:
    assert scorers.empty_reference("") and scorers.empty_reference(" \n — ")
    assert not scorers.empty_reference("A word") and not scorers.empty_reference("東京")
    assert not scorers.empty_reference(None)  # a snippet collection's page has no reference text


# --- the annotation set, end to end on hand-made annotation files -------------------------------

STORM_URL = "https://news.example/world/storm.html"


def _annotation(page_id: str, half: str, url: str, data: Path, html: str, **fields: object) -> dict[str, object]:
    path = data / "wcxb" / "dev" / "html" / f"{page_id}.html.gz"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(html.encode("utf-8"), mtime=0))
    return {
        "collection": "wcxb", "id": page_id, "path": f"wcxb/dev/html/{page_id}.html.gz",
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "url": url,
        "site": url.split("/")[2], "half": half, "images": [], "related": [], "neutral_urls": [],
        "story_strings": [], "notes": "", **fields,
    }


def make_annotations(root: Path) -> tuple[Path, Path]:
    """Three annotated pages (two tune, one hold) and one whose page has changed since."""
    data, folder = root / "data", root / "pages"
    folder.mkdir(parents=True)
    storm = (
        "<html><head><title>Storm</title></head><body><article><h1>Storm hits the city</h1>"
        "<p>Rain fell all day and the wind rose in the evening over the whole city and its harbour.</p>"
        '<figure><img src="https://cdn.news.example/img/lead.jpg"><figcaption>Firefighters at the scene on '
        "Monday. <span>Photo: Jane Doe/AP</span></figcaption></figure>"
        "<p>Power was cut in three districts; crews worked through the night to restore it.</p></article>"
        '<aside><h2>Related</h2><a href="/world/power-cuts">Storm knocks out power across the city</a>'
        '<a href="https://news.example/world/floods/">Floods close the river road</a></aside></body></html>'
    )
    annotations = {
        "wcxb__0001": _annotation(
            "0001", "tune", STORM_URL, data, storm,
            images=[
                {"src": "https://cdn.news.example/img/lead.jpg", "caption": "Firefighters at the scene on Monday.",
                 "credit": "Jane Doe/AP"},
                {"src": None, "caption": None, "credit": None},
            ],
            related=[{"heading": "Related", "kind": "block", "items": [
                {"url": "https://news.example/world/power-cuts", "title": "Storm knocks out power across the city"},
                {"url": "https://news.example/world/floods/", "title": "Floods close the river road"},
            ]}],
            neutral_urls=["https://news.example/live"],
        ),
        "wcxb__0002": _annotation(
            "0002", "tune", "https://blog.example/post/1/", data,
            "<html><body><article><p>A cat asleep on the warm windowsill is our topic today.</p>"
            '<img src="/pics/cat.jpg"><p>Read more: <a href="/post/2/">Why cats sleep all day long</a></p>'
            "</article></body></html>",
            images=[{"src": "https://blog.example/pics/cat.jpg", "caption": "A cat asleep on the warm windowsill",
                     "credit": None}],
            related=[{"heading": None, "kind": "inline", "items": [
                {"url": "https://blog.example/post/2/", "title": "Why cats sleep all day long"}]}],
            story_strings=["A cat asleep on the warm windowsill"],
        ),
        "wcxb__0003": _annotation(
            "0003", "hold", "https://paper.example/a/", data,
            '<html><body><p>Nothing here.</p><a href="/b">Budget talks stall again</a></body></html>',
            related=[{"heading": "More", "kind": "block", "items": [
                {"url": "https://paper.example/b", "title": "Budget talks stall again"}]}],
        ),
        "wcxb__0004": {
            **_annotation("0004", "hold", "https://gone.example/", data, "<p>old</p>"),
            "sha256": "0" * 64,
        },
    }
    for name, annotation in annotations.items():
        (folder / f"{name}.json").write_text(json.dumps(annotation), encoding="utf-8")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    return folder, data


def test_annotation_loader_skips_changed_pages_with_a_note(tmp_path: Path) -> None:
    folder, data = make_annotations(tmp_path)
    notes: list[str] = []
    pages = loaders.load_annotations(folder, data, notes)
    assert [(p.id, p.page_type) for p in pages] == [("wcxb/0001", "tune"), ("wcxb/0002", "tune"),
                                                      ("wcxb/0003", "hold")]
    assert pages[0].url == STORM_URL and pages[0].expected is not None
    assert len(notes) == 2
    assert "broken.json" in notes[0] and "wcxb__0004.json" in notes[1] and "sha256" in notes[1]


def _output(**fields: object) -> runner.PageResult:
    return runner.PageResult("", output=Output(**fields))  # type: ignore[arg-type]


def test_annotation_scores_per_half(tmp_path: Path) -> None:
    folder, data = make_annotations(tmp_path)
    pages = loaders.load_annotations(folder, data)
    outputs = {
        "wcxb/0001": _output(
            text="Rain fell all day. Storm knocks out power across the city. More text.",
            images=[
                {"url": "http://cdn.news.example/img/lead.jpg?utm_source=feed",
                 "caption": "Firefighters at the scene on Monday", "credit": "Photo: Jane Doe/AP"},
                {"url": "https://cdn.news.example/ads/banner.jpg", "caption": None, "credit": None},
            ],
            related=[{"url": "https://news.example/world/power-cuts#comments"}, {"url": "https://news.example/live"},
                     {"url": "https://news.example/sport/goal"}],
        ),
        "wcxb/0002": _output(
            text="A cat asleep on the warm windowsill is our topic today. Why cats sleep all day long.",
            related=[{"url": "/post/2"}],
        ),
        "wcxb/0003": _output(
            text="Nothing here.",
            images=[{"url": "https://paper.example/x.jpg", "caption": "Some caption", "credit": None}],
        ),
    }
    run = runner.ToolRun("newsclean", results={f"annotations/{k}": v for k, v in outputs.items()})
    rows: list[dict[str, object]] = []
    halves = runner.score_collection("annotations", pages, run, rows, article=True)["halves"]
    tune, hold, every = halves["tune"], halves["hold"], halves["all"]
    # page 1: returned power-cuts, sport/goal (live is neutral) -> 1 of 2; annotated 2, 1 returned.
    # page 2: post/2 returned and annotated -> 1 of 1 both ways. page 3: none returned, 1 annotated.
    assert tune["related"] == {"returned_hits": 2, "returned": 3, "annotated_hits": 2, "annotated": 3}
    assert tune["related_precision"] == pytest.approx(2 / 3) and tune["related_recall"] == pytest.approx(2 / 3)
    assert tune["related_precision_macro"] == pytest.approx(0.75)  # mean of 1/2 and 1
    assert hold["related_precision"] is None and hold["related_recall"] == 0.0
    assert every["related_recall"] == pytest.approx(0.5)  # 2 of 4
    assert every["related_precision_macro"] == pytest.approx(0.75)  # page 3 returned none: no precision
    assert every["related_recall_macro"] == pytest.approx(0.5)  # mean of 1/2, 1, 0
    # titles: the returned links to annotated URLs (power-cuts, post/2) carry none
    assert tune["related_titles"] == {"hits": 0, "total": 2} and tune["related_title_exact"] == 0.0
    assert hold["related_title_exact"] is None
    # captions: page 1's matched (credit contained), page 2's not returned
    assert tune["captions"] == {"hits": 1, "total": 2} and tune["credits"] == {"hits": 1, "total": 1}
    assert hold["caption_recall"] is None and hold["credit"] is None
    # pictures: page 1 returned the lead (utm and scheme aside) and an advert; page 2 none;
    # page 3 has no annotated picture, so its returned one is not counted
    assert every["pictures"] == {"hits": 1, "total": 2} and every["picture_pages"] == 2
    # leakage: page 1's related title, page 2's "Read more" title (its caption is a story string)
    assert (tune["leaked_strings"], tune["leak_candidates"], tune["leaked_pages"]) == (
        2, 4, ["wcxb/0001", "wcxb/0002"])
    assert (hold["leaked_strings"], hold["leak_candidates"]) == (0, 1)
    assert every["pages"] == 3 and every["leak_candidates"] == 5
    assert [row["f1"] for row in rows] == [None, None, None]


def test_annotations_collection_runs_newsclean_with_and_without_rules(tmp_path: Path) -> None:
    folder, data = make_annotations(tmp_path)
    config = runner.RunConfig(data=data, annotations=folder, tools=["newsclean", "newsclean-norules"],
                              collections=["annotations"], corpus=None)
    results = runner.run_benchmark(config, log=None)
    tools = results["collections"]["annotations"]["tools"]
    assert list(tools) == ["newsclean", "newsclean-norules"]
    for summary in tools.values():
        halves = summary["halves"]
        assert [halves[h]["pages"] for h in ("tune", "hold", "all")] == [2, 1, 3]
        # what is a candidate depends on the annotations alone, whatever the tool returned
        assert [halves[h]["leak_candidates"] for h in ("tune", "hold", "all")] == [4, 1, 5]
        assert halves["all"]["related"]["annotated"] == 4 and halves["all"]["captions"]["total"] == 2
    assert any("wcxb__0004.json" in note for note in results["notes"])
    markdown = render_markdown(results)
    assert "## Caption and related-link annotations (3 pages)" in markdown
    assert "| newsclean-norules | hold | 1 |" in markdown
