"""Never empty, never behind a peer: consent dialogs, a first choice that reads to
nothing, a list read without its titles, and a second opinion that is only a menu."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.decoding.tree import parse
from newsclean.extract import engine, fallback
from newsclean.extract.content import Story
from newsclean.extract.context import Context
from newsclean.extract.stages import clean, header, related, story
from newsclean.extract.text import measured_text

SENTENCES = [f"The council voted on harbour plan number {i} after a long debate about the "
             "costs and the timetable of the works." for i in range(8)]
STORY = "".join(f"<p>{s}</p>" for s in SENTENCES[:3])
COOKIE_TEXT = ("When you visit any website, it may store or retrieve information on your "
               "browser, mostly in the form of cookies, about you, your preferences or your "
               "device, and is mostly used to make the site work as you expect it to.")


def _page(body: str) -> str:
    return (f"<html><head><title>Harbour plan approved</title></head><body>"
            f"<h1>Harbour plan approved</h1>{body}</body></html>")


def _second_opinion(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    monkeypatch.setattr(fallback, "_trafilatura", lambda *args: list(lines))


def test_a_consent_dialog_is_never_the_story() -> None:
    dialog = ('<div id="onetrust-consent-sdk"><div role="dialog" aria-modal="true">'
              + "".join(f"<p>{COOKIE_TEXT}</p>" for _ in range(6)) + "</div></div>")
    page = _page(f'<div class="post">{STORY}</div>{dialog}')
    article = newsclean.extract(page, rules=newsclean.RuleSet())
    assert article.paragraphs == SENTENCES[:3]
    assert "cookies" not in article.text
    # The same dialog under a name no consent platform uses is not removed by name.
    unnamed = newsclean.extract(page.replace("onetrust-consent-sdk", "page-extras"),
                                rules=newsclean.RuleSet())
    assert "cookies" in unnamed.text


@pytest.mark.parametrize("name", ['id="cmplz-cookiebanner-container"',
                                  'class="qc-cmp2-container"', 'id="sp_message_container_1"',
                                  'class="cky-consent-container"', 'id="cookie-law-info-bar"'])
def test_the_dialogs_of_more_consent_platforms_are_never_the_story(name: str) -> None:
    # Not marked as a modal: only the platform's name tells the dialog.
    dialog = f"<div {name}><div>" + "".join(f"<p>{COOKIE_TEXT}</p>" for _ in range(6))
    article = newsclean.extract(_page(f'<div class="post">{STORY}</div>{dialog}</div></div>'),
                                rules=newsclean.RuleSet())
    assert article.paragraphs == SENTENCES[:3]


def test_a_consent_name_on_the_page_wrapper_keeps_the_page() -> None:
    page = _page(f'<div class="didomi-processed"><h1>Harbour plan approved</h1>{STORY}</div>')
    article = newsclean.extract(page, rules=newsclean.RuleSet())
    assert article.paragraphs == SENTENCES[:3]


def _context(page: str) -> Context:
    ctx = engine._context(parse(page, None), None, None, None, None, newsclean.Settings())
    header.read_rule_fields(ctx)
    clean.clean(ctx)
    return ctx


def test_a_first_choice_that_reads_to_nothing_gives_way_to_the_next() -> None:
    ctx = _context(_page(f'<div class="panel"><span></span></div><div class="post">{STORY}'
                         "</div>"))
    with measured_text(ctx.root):
        header.find_title(ctx)
        related.find_related(ctx)
        clean.remove_layout(ctx)
        panel = ctx.body.find(".//div[@class='panel']")
        assert panel is not None
        empty = Story(blocks=[panel], score=1.0, signal="engine:score", container=panel)
        assert story.read(ctx, empty) == []
        found, paragraphs = story.find_again(ctx, empty)
    assert found is not None and panel not in found.blocks
    assert paragraphs == SENTENCES[:3]


def test_a_rule_story_is_not_searched_again() -> None:
    ctx = _context(_page(f'<div class="panel"></div><div class="post">{STORY}</div>'))
    panel = ctx.body.find(".//div[@class='panel']")
    assert panel is not None
    assert story.find_again(ctx, Story(blocks=[panel], score=0.0, signal="rule:x")) == (None, [])


def test_a_list_of_numbers_is_a_weak_story(monkeypatch: pytest.MonkeyPatch) -> None:
    # A ranking whose titles are links: the engine keeps the numbers and drops the titles.
    ports = ["Aberdeen", "Bergen", "Cadiz", "Dover", "Esbjerg", "Falmouth", "Genoa", "Hull",
             "Ipswich", "Kiel", "Lisbon", "Malmo", "Naples", "Oslo", "Plymouth", "Riga",
             "Swansea", "Tallinn", "Valencia", "Wexford", "Bilbao", "Cork", "Dundee", "Gdansk",
             "Hamburg", "Leith", "Marseille", "Narvik", "Porto", "Rostock"]
    titles = [f"The harbour works company of {port} is hiring engineers and divers"
              for port in ports]
    _second_opinion(monkeypatch, titles)
    rows = "".join(f"<tr><td>{i}.</td><td><a href='/job/{i}'>{t}</a></td></tr>"
                   for i, t in enumerate(titles, 1))
    page = _page(f"<div class='jobs'><p>{SENTENCES[0]}</p><table>{rows}</table></div>")
    alone = newsclean.extract(page, rules=newsclean.RuleSet(),
                              settings=newsclean.Settings(fallback_below=0.0))
    assert alone.paragraphs[1:4] == ["1.", "2.", "3."]
    assert any(r.startswith("lines:") for r in alone.confidence_reasons)
    assert alone.confidence < newsclean.Settings().fallback_below
    article = newsclean.extract(page, rules=newsclean.RuleSet())
    assert article.text_source == "trafilatura"
    assert article.paragraphs == titles


def test_the_lines_signal_scales_with_the_median_paragraph() -> None:
    labels = "".join(f"<p>{i}.</p>" for i in range(40))
    weak = newsclean.extract(_page(f"<div class='list'>{labels}<p>{SENTENCES[0]}</p></div>"),
                             rules=newsclean.RuleSet(),
                             settings=newsclean.Settings(fallback_below=0.0, min_paragraph=1))
    prose = newsclean.extract(_page(f"<article>{STORY}</article>"), rules=newsclean.RuleSet(),
                              settings=newsclean.Settings(fallback_below=0.0))
    assert weak.paragraphs[:2] == ["0.", "1."]
    assert any(r.startswith("lines: half the story's paragraphs hold 1 words")
               for r in weak.confidence_reasons)
    assert weak.confidence <= 1 / newsclean.Settings().list_line_words
    assert not any(r.startswith("lines:") for r in prose.confidence_reasons)


def test_a_menu_does_not_outweigh_the_engines_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    # A short story asks for a second opinion; a menu of three times its words, all in
    # lines of one or two words, does not replace it, and prose of as many words does
    # (both on the page, where trafilatura could find them).
    short = "The council approved the harbour plan after a long debate on Monday."
    menu = [item for i in range(12) for item in (f"Shop {i}", "About us", "Contact")]
    prose = [f"{s} And more was said." for s in SENTENCES[:3]]
    page = _page("<nav>" + "".join(f"<a href='/{i}'>{item}</a>" for i, item in enumerate(menu))
                 + f"</nav><div class='intro'><p>{short}</p></div><aside>"
                 + "".join(f"<p>{p}</p>" for p in prose) + "</aside>")
    _second_opinion(monkeypatch, menu)
    article = newsclean.extract(page, rules=newsclean.RuleSet())
    assert article.confidence < newsclean.Settings().fallback_below
    assert article.text_source == "newsclean"
    assert article.paragraphs == [short]
    _second_opinion(monkeypatch, prose)
    assert newsclean.extract(page, rules=newsclean.RuleSet()).text_source == "trafilatura"


def test_menu_lines_weigh_nothing() -> None:
    assert fallback._story_words(["Home", "About us", SENTENCES[0]], 3) == len(SENTENCES[0].split())
    assert fallback._story_words(["Home", "About us"], 0) == 3


def test_a_dialogs_headline_does_not_keep_the_footer() -> None:
    terms = ("We may change these terms of use at any time, and your use of the site after a "
             "change means that you accept the terms as changed, in full and without reserve. ")
    dialog = ('<div role="dialog" aria-modal="true"><h1>Terms of use</h1>'
              + "".join(f"<p>{terms * 3}</p>" for _ in range(8)) + "</div>")
    page = _page(f"<div class='post'>{STORY}</div><footer><a href='/terms'>Terms</a>{dialog}"
                 "</footer>")
    article = newsclean.extract(page, rules=newsclean.RuleSet())
    assert article.paragraphs == SENTENCES[:3]
    # A footer that holds the page's own headline is still kept.
    kept = newsclean.extract(_page(f"<footer><h1>Harbour plan</h1>{STORY}</footer>"),
                             rules=newsclean.RuleSet())
    assert kept.paragraphs == SENTENCES[:3]


def test_a_story_made_of_links_is_a_weak_story() -> None:
    # A topic page: a line of introduction, then the headlines of other stories as links.
    heads = "".join(f"<div><h3><a href='/story/{i}'>{s}</a></h3></div>"
                    for i, s in enumerate(SENTENCES[1:]))
    listed = newsclean.extract(_page(f"<div class='topic'><p>{SENTENCES[0]}</p>{heads}</div>"),
                               rules=newsclean.RuleSet(),
                               settings=newsclean.Settings(fallback_below=0.0))
    assert listed.paragraphs == SENTENCES
    assert any(r.startswith("links: 88% of the story's text") for r in listed.confidence_reasons)
    assert listed.confidence < newsclean.Settings().fallback_below
    # A story with a few links in its sentences is not a list of links.
    linked = "".join(f"<p>{s} <a href='/plan'>The plan</a>.</p>" for s in SENTENCES)
    prose = newsclean.extract(_page(f"<article>{linked}</article>"), rules=newsclean.RuleSet(),
                              settings=newsclean.Settings(fallback_below=0.0))
    assert not any(r.startswith("links:") for r in prose.confidence_reasons)


def test_the_second_opinion_reads_only_what_the_page_shows() -> None:
    page = _page(
        f"<div>{STORY}</div>"
        "<ul hidden><li>Choosing a selection results in a full page refresh.</li></ul>"
        "<div role='dialog' aria-modal='true'><h2>Your cart is empty</h2></div>"
        "<template id='B:0'></template><div>Loading...</div>"
        f"<div hidden id='S:0'><p>{SENTENCES[5]}</p></div>")
    decoded = " ".join(map(str, fallback._decoded(page, None).itertext()))
    assert SENTENCES[0] in decoded
    assert "full page refresh" not in decoded and "Your cart" not in decoded
    # A streamed piece is hidden only until a script moves it: trafilatura reads it.
    assert SENTENCES[5] in decoded


def _widget(rating: str, figure: str) -> str:
    group = ["Top picks", rating, "Harbour Growth Fund", "Yearly return", figure, "Buy now"]
    return "".join(f"<p>{line}</p>" for i in range(6) for line in group)


def test_bare_figures_among_labels_weaken_the_lines_signal(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Two lists of the same line lengths: names only, and names with ratings and returns
    # (a fund or price widget). Only the second asks for a second opinion.
    settings = newsclean.Settings(fallback_below=0.0, min_paragraph=1)
    names = newsclean.extract(_page(f"<div class='list'>{_widget('Rated', 'Twelve percent')}"
                                    "</div>"), rules=newsclean.RuleSet(), settings=settings)
    widget = newsclean.extract(_page(f"<div class='list'>{_widget('★★', '12.5 %')}</div>"),
                               rules=newsclean.RuleSet(), settings=settings)
    assert "12.5 %" in widget.paragraphs and "Twelve percent" in names.paragraphs
    below = newsclean.Settings().fallback_below
    assert names.confidence >= below
    assert widget.confidence < below
    assert any("hold no letter" in r for r in widget.confidence_reasons)
    prose = [f"{s} And more was said." for s in SENTENCES]
    _second_opinion(monkeypatch, prose)
    # The prose is on the page too (in an aside the engine leaves out), where trafilatura
    # could find it.
    aside = "<aside>" + "".join(f"<p>{p}</p>" for p in prose) + "</aside>"
    article = newsclean.extract(_page(f"<div class='list'>{_widget('★★', '12.5 %')}</div>{aside}"),
                                rules=newsclean.RuleSet(),
                                settings=newsclean.Settings(min_paragraph=1))
    assert article.text_source == "trafilatura"
    assert article.paragraphs == prose
