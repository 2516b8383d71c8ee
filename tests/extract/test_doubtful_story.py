"""A doubtful story (confidence between `fallback_below` and `doubt_below`): the second
opinion is asked, and replaces it only when it holds much more prose, counted in distinct
words of sentence-long lines, so that a list of labels gives way to the page's text while
menus and a banner repeated in many variants do not win by length."""

from __future__ import annotations

import dataclasses

import pytest

import newsclean
from newsclean.extract import fallback

SPECS = ["Slim fit", "Light fabric", "Flat seams", "Quick drying", "Straight hem", "Crew neck",
         "Printed logo", "Polyester", "Machine wash", "Size M"]
GRID = [("Colour", "Black"), ("Price", "$22"), ("Delivery", "Free"), ("Returns", "30 days")]
OPENING = ["A light shirt for training, cut slim, with a crew neck and a straight hem.",
           "Made to be worn hard and washed often, it keeps its shape for years."]
PAGE = ("<html><head><title>Arrival shirt</title></head><body><h1>Arrival shirt</h1><main>"
        '<div class="product">' + "".join(f"<p>{line}</p>" for line in OPENING)
        + '<ul class="specs">' + "".join(f"<li>{spec}</li>" for spec in SPECS) + "</ul><dl>"
        + "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in GRID)
        + "</dl></div></main>{aside}</body></html>")
"""A product page read as a list of labels under two sentences: confidence about 0.5."""


def _page(lines: list[str]) -> str:
    """PAGE holding the second opinion's lines too, in a footer the engine leaves out:
    trafilatura reads nothing that is not on the page."""
    return PAGE.replace("{aside}", "<footer>" + "".join(f"<p>{p}</p>" for p in lines)
                        + "</footer>")
PROSE = [
    "The shirt is cut from a light polyester knit that dries within minutes of a hard "
    "session, so it can go from the gym floor to the bag without a second thought.",
    "Its seams lie flat against the skin, which keeps them from rubbing on long runs, and "
    "the hem falls straight to sit neatly over shorts or under a jacket.",
    "We tested it through a winter of early mornings and a summer of hill repeats; it came "
    "back from every wash looking as it did on the first day.",
    "Choose your usual size for a close fit, or one larger if you prefer room to move.",
]
BANNER = [f"Free standard shipping on orders of {amount} or more in your country; see our "
          "delivery page for the rates and timelines that apply." for amount in range(40, 52)]
MENU = ["Shop women", "Shop men", "New arrivals this week", "Sale", "Gift cards", "Our stores",
        "Find a store near you", "Track my order", "Help and returns"]
DOUBTFUL = newsclean.Settings(fallback_below=0.01, doubt_below=1.0)
"""Every story short of full confidence is doubtful, none weak: the rule under test alone."""


def _second_opinion(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> list[object]:
    calls: list[object] = []

    def answer(*args: object) -> list[str]:
        calls.append(args)
        return lines

    monkeypatch.setattr(fallback, "_trafilatura", answer)
    return calls


def test_labels_give_way_to_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _second_opinion(monkeypatch, PROSE)
    article = newsclean.extract(_page(PROSE), rules=newsclean.RuleSet(), settings=DOUBTFUL)
    assert len(calls) == 1
    assert article.text_source == "trafilatura"
    assert article.paragraphs == PROSE
    assert article.confidence_reasons[-1].startswith("trafilatura:")


@pytest.mark.parametrize("lines", [BANNER, MENU], ids=["repeated-banner", "menu"])
def test_labels_stay_against_repeats_and_menus(monkeypatch: pytest.MonkeyPatch,
                                               lines: list[str]) -> None:
    _second_opinion(monkeypatch, lines)
    article = newsclean.extract(_page(lines), rules=newsclean.RuleSet(), settings=DOUBTFUL)
    assert article.text_source == "newsclean"
    assert article.paragraphs[:2] == OPENING and "Colour" in article.paragraphs
    assert article.confidence_reasons[-1].startswith("kept: ")


def test_a_banner_repeated_outweighs_one_sentence_by_length_only() -> None:
    # Twelve variants of one banner hold twelve times its words, not twice its vocabulary.
    one = fallback._prose_words(BANNER[:1], 10)
    assert fallback._prose_words(BANNER, 10) < 2 * one
    assert sum(len(line.split()) for line in BANNER) > 10 * one


def test_no_fallback_means_no_doubt_either(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _second_opinion(monkeypatch, PROSE)
    off = newsclean.Settings(fallback_below=0.0, doubt_below=1.0)
    article = newsclean.extract(_page(PROSE), rules=newsclean.RuleSet(), settings=off)
    assert calls == [] and article.text_source == "newsclean"


def test_not_asked_for_more_prose_than_the_page_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    # The page holds only its own labels and sentences: no second opinion could hold twice
    # their prose, so trafilatura is not run.
    calls = _second_opinion(monkeypatch, PROSE)
    article = newsclean.extract(_page([]), rules=newsclean.RuleSet(), settings=DOUBTFUL)
    assert calls == [] and article.text_source == "newsclean"
    assert article.confidence_reasons[-1].startswith("unasked: ")


@pytest.mark.parametrize("over", [0, 1])
def test_a_story_of_enough_prose_is_not_doubted(monkeypatch: pytest.MonkeyPatch,
                                                over: int) -> None:
    # The story's prose is its two opening sentences: at the bound it is a story and
    # trafilatura is not run; one word under it, the doubt is asked about.
    calls = _second_opinion(monkeypatch, PROSE)
    own = fallback._prose_words(OPENING, DOUBTFUL.prose_line_words)
    settings = dataclasses.replace(DOUBTFUL, doubt_max_prose=own + over)
    article = newsclean.extract(_page(PROSE), rules=newsclean.RuleSet(), settings=settings)
    if over:
        assert len(calls) == 1 and article.text_source == "trafilatura"
    else:
        assert calls == [] and article.text_source == "newsclean"
        assert article.confidence_reasons[-1] == (
            f"unasked: the engine's story holds {own} distinct words of prose, "
            "a story, not a list of labels")
