"""The benchmark scorers on hand-made cases; every expected value is worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from benchmarks import scorers
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


EXPECTED = {
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
