"""Settings: the engine's thresholds as an object, passed to extract() and the benchmark."""

from __future__ import annotations

import dataclasses

import pytest

import newsclean
from benchmarks.__main__ import build_parser
from benchmarks.adapters import make_adapter
from newsclean import Settings, SettingsError
from newsclean.extract.stages.story import is_appeal

URL = "https://news.example.com/business/harbour-cranes"
PAGE = """<html><head><title>Harbour cranes return</title></head><body>
<article><div class="article-header"><h1>Harbour cranes return to service</h1>
<p class="standfirst">The two cranes damaged in the winter storm are working again.</p>
</div><div class="article-body">
<p>Two container cranes at the harbour went back to work on Thursday, after a repair that
took most of the winter and cost the port authority far more than planned.</p>
<p>The port said the cranes would handle about a third of the ships calling this summer,
and that a third crane, damaged in the same storm, would follow in the autumn.</p>
<p>Dock workers welcomed the news but asked for more staff on the night shifts.</p>
</div></article></body></html>"""
STANDFIRST = "The two cranes damaged in the winter storm are working again."


def test_defaults_are_the_engine_as_tuned() -> None:
    default = newsclean.extract(PAGE, URL)
    assert newsclean.extract(PAGE, URL, settings=Settings()) == default
    assert default.paragraphs[0] == STANDFIRST
    assert len(default.paragraphs) == 4


def test_a_paragraph_minimum_above_every_block_finds_no_story() -> None:
    article = newsclean.extract(PAGE, URL, settings=Settings(min_paragraph=10_000, fallback_below=0.0))
    assert article.paragraphs == []
    assert article.title == "Harbour cranes return to service"


def test_explain_takes_settings_too() -> None:
    explained = newsclean.explain(PAGE, URL, settings=Settings(min_paragraph=10_000, fallback_below=0.0))
    assert explained.article.paragraphs == []
    assert not explained.by_role("story")


def test_parse_overrides_named_settings_with_their_types() -> None:
    settings = Settings.parse("min_lead=40, discussion_share=0.5")
    assert settings.min_lead == 40 and isinstance(settings.min_lead, int)
    assert settings.discussion_share == 0.5
    assert settings.max_lead == Settings().max_lead
    assert Settings.parse("") == Settings()


@pytest.mark.parametrize("text", ["min_leed=40", "min_lead", "min_lead=forty",
                                  "discussion_share=half"])
def test_an_unknown_key_or_a_bad_value_is_an_error(text: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.parse(text)
    assert isinstance(caught.value, newsclean.NewscleanError)


def test_settings_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().min_lead = 1  # type: ignore[misc]


def test_benchmark_cli_refuses_an_unknown_setting(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--settings", "min_leed=40"])
    assert "min_leed" in capsys.readouterr().err
    args = build_parser().parse_args(["--settings", "min_lead=40"])
    assert args.settings == "min_lead=40"


def test_benchmark_adapter_passes_settings_to_the_engine() -> None:
    tuned = make_adapter("newsclean-norules", settings="min_paragraph=10000,fallback_below=0")
    tuned.setup()
    plain = make_adapter("newsclean-norules")
    plain.setup()
    assert plain.extract(PAGE, URL, None).paragraphs
    assert tuned.extract(PAGE, URL, None).paragraphs == []


RELATED_PAGE = PAGE.replace("</article>", """</article>
<aside><h2>Related stories</h2><ul>
<li><a href="/business/port-authority-budget-overrun">Port authority budget overrun grows again</a></li>
<li><a href="/business/night-shift-dock-staff">Dock workers ask for more night staff</a></li>
</ul></aside>""")


def test_a_headline_minimum_above_every_link_finds_no_related_block() -> None:
    default = newsclean.extract(RELATED_PAGE, URL)
    assert [link.title for link in default.related] == [
        "Port authority budget overrun grows again", "Dock workers ask for more night staff"]
    strict = newsclean.extract(RELATED_PAGE, URL, settings=Settings(related_min_headline=200))
    assert strict.related == []
    assert strict.paragraphs == default.paragraphs


def test_moved_thresholds_are_named_settings() -> None:
    settings = Settings.parse("card_slack=0,max_priced_share=0.9")
    assert settings.card_slack == 0 and settings.max_priced_share == 0.9


PICTURE_PAGE = PAGE.replace('<div class="article-body">', """<div class="article-body">
<figure><img src="/img/cranes.jpg" width="640" height="360">
<figcaption>The repaired cranes on Thursday. Photo: Jo Park</figcaption></figure>""")


def test_a_picture_side_minimum_above_the_picture_drops_it() -> None:
    default = newsclean.extract(PICTURE_PAGE, URL)
    assert [image.url for image in default.images] == ["https://news.example.com/img/cranes.jpg"]
    strict = newsclean.extract(PICTURE_PAGE, URL, settings=Settings(min_image_side=1000))
    assert strict.images == []
    assert strict.paragraphs == default.paragraphs


def test_a_story_word_minimum_above_the_story_lowers_the_confidence() -> None:
    default = newsclean.extract(PAGE, URL, settings=Settings(fallback_below=0.0))
    strict = newsclean.extract(PAGE, URL, settings=Settings(min_story_words=10_000,
                                                            fallback_below=0.0))
    assert strict.confidence < default.confidence
    assert strict.paragraphs == default.paragraphs


NOTE = """<div class="widget"><p>The harbour master said the repair crews had worked through
the coldest weeks of the year, often at night, to keep the berths open for the ferries, and
that the port would publish a full account of the cost, the delays and the lessons learned
once the third crane is back in service in the autumn. She thanked the crews, the suppliers
who rushed spare parts from abroad, and the ferry lines that changed their timetables while
the work went on.</p></div>"""
NOTE_PAGE = PAGE.replace("<p>Dock workers", NOTE + "<p>Dock workers")


def test_the_noise_text_limit_decides_a_noise_named_wrapper() -> None:
    # The widget's plain text (about 480 characters) is over the tuned limit: story text.
    default = newsclean.extract(NOTE_PAGE, URL)
    assert any(p.startswith("The harbour master said") for p in default.paragraphs)
    strict = newsclean.extract(NOTE_PAGE, URL, settings=Settings(weak_noise_text=1000))
    assert not any(p.startswith("The harbour master said") for p in strict.paragraphs)
    assert len(strict.paragraphs) == len(default.paragraphs) - 1


def test_story_scoring_thresholds_sweep_from_the_benchmark_cli() -> None:
    args = build_parser().parse_args(["--settings", "weak_noise_text=1000,score_dividers=1:2:4"])
    settings = Settings.parse(args.settings)
    assert settings.weak_noise_text == 1000 and settings.score_dividers == (1, 2, 4)
    tuned = make_adapter("newsclean-norules", settings=args.settings)
    tuned.setup()
    assert not any(p.startswith("The harbour master said")
                   for p in tuned.extract(NOTE_PAGE, URL, None).paragraphs)


@pytest.mark.parametrize("text", ["score_dividers=1:0:2", "score_dividers=", "score_dividers=a:b",
                                  "mass_cap=1.5"])
def test_a_bad_story_scoring_value_is_an_error(text: str) -> None:
    with pytest.raises(SettingsError):
        Settings.parse(text)


def test_the_appeal_limit_is_a_setting() -> None:
    appeal = "SHARE YOUR STORY: Do you have an issue with the port? Email news@example.com."
    assert is_appeal(appeal)
    assert not is_appeal(appeal, Settings(max_appeal=len(appeal) - 1))
