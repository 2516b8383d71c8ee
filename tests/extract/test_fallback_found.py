"""trafilatura's text without the lines the engine has read as related headlines or as a
picture's caption and credit."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.extract import fallback

# Each line its own subject: a second opinion must bring new words, not only more of them.
SUBJECTS = [("harbour", "dredging"), ("ferry", "pier"), ("bridge", "repairs"),
            ("school", "roof"), ("library", "hours"), ("market", "stalls"),
            ("tram", "depot"), ("museum", "wing"), ("park", "lighting"), ("river", "banks"),
            ("station", "lifts"), ("stadium", "seats"), ("hospital", "parking"),
            ("airport", "runway"), ("castle", "walls"), ("beach", "showers")]
SENTENCES = [f"The council voted on the {place} {work} plan after a long debate about the "
             "costs and the timetable of the works." for place, work in SUBJECTS]
RELATED = ["Harbour master warns of winter storms along the coast",
           "New ferry timetable starts in the spring for island routes",
           "Fishing fleet returns early after a record season at sea"]
CAPTION = "The harbour seen from the lighthouse on a calm morning"
CREDIT = "Photo: Jane Doe"
TEASER = "The storms could close the harbour for a week, the master said."


def _page(teaser: str = "") -> str:
    items = "".join(
        f'<li><a href="https://example.com/news/2024/03/story-{i}">{title}</a>'
        + (f"<p>{teaser}</p>" if teaser and i == 0 else "") + "</li>"
        for i, title in enumerate(RELATED))
    # A short story (one paragraph beside its picture): weak enough for a second opinion.
    return ("<html><head><title>Harbour plan approved</title></head><body>"
            "<h1>Harbour plan approved</h1><article>"
            '<figure><img src="https://example.com/harbour.jpg">'
            f'<figcaption>{CAPTION} <span class="credit">{CREDIT}</span></figcaption></figure>'
            "<p>The plan was approved by the council on Monday evening after a vote.</p>"
            "<p>Work starts next year.</p></article>"
            f"<aside><h2>Related stories</h2><ul>{items}</ul></aside></body></html>")


def _trafilatura_reads(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    def read(*args: object) -> list[str]:
        return list(lines)

    monkeypatch.setattr(fallback, "_trafilatura", read)


def test_related_headlines_and_captions_are_no_line_of_trafilaturas_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _trafilatura_reads(monkeypatch, [CAPTION, CREDIT, *SENTENCES, f"{CAPTION} {CREDIT}",
                                     *RELATED])
    article = newsclean.extract(_page(), "https://example.com/news/2024/03/harbour-plan")
    assert [link.title for link in article.related] == RELATED
    assert [(image.caption, image.credit) for image in article.images] == [(CAPTION, "Jane Doe")]
    assert article.text_source == "trafilatura"
    assert article.paragraphs == SENTENCES


def test_a_card_read_as_one_line_is_left_out_too(monkeypatch: pytest.MonkeyPatch) -> None:
    _trafilatura_reads(monkeypatch, [*SENTENCES, f"{RELATED[0]} {TEASER}", TEASER])
    article = newsclean.extract(_page(TEASER), "https://example.com/news/2024/03/harbour-plan")
    assert article.related[0].teaser == TEASER
    assert article.text_source == "trafilatura"
    assert article.paragraphs == SENTENCES


def test_a_line_only_holding_a_headline_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only whole lines go: a sentence of the story that names another story is the story's.
    line = f"Earlier this week: {RELATED[0]}, the agency said in a statement."
    _trafilatura_reads(monkeypatch, [*SENTENCES, line])
    article = newsclean.extract(_page(), "https://example.com/news/2024/03/harbour-plan")
    assert article.text_source == "trafilatura"
    assert article.paragraphs == [*SENTENCES, line]


def test_a_page_listing_the_headlines_keeps_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # Most of trafilatura's text is the headlines the related stage read: they are what the
    # page lists (a section front), so they stay its text.
    _trafilatura_reads(monkeypatch, [SENTENCES[0], *RELATED])
    settings = newsclean.Settings(min_second_words=10)
    article = newsclean.extract(_page(), "https://example.com/news/2024/03/harbour-plan",
                                settings=settings)
    assert article.text_source == "trafilatura"
    assert article.paragraphs == [SENTENCES[0], *RELATED]
    loose = newsclean.Settings(min_second_words=10, max_found_share=1.0)
    article = newsclean.extract(_page(), "https://example.com/news/2024/03/harbour-plan",
                                settings=loose)
    assert RELATED[0] not in article.text


def test_a_headline_of_a_few_words_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Marty Supreme": a name in a list of the page's own as often as another story's title.
    short = "Harbour news"
    page = _page().replace(RELATED[2], short)
    _trafilatura_reads(monkeypatch, [*SENTENCES, short, RELATED[0]])
    article = newsclean.extract(page, "https://example.com/news/2024/03/harbour-plan")
    assert short in [link.title for link in article.related]
    assert article.paragraphs == [*SENTENCES, short]


OTHER_CAPTION = "Ferry passengers wait on the pier in the rain"
OTHER_CREDIT = "John Roe/Getty Images"
PRODUCT = "A waterproof jacket for long walks along the harbour wall"


def _page_with_other_pictures() -> str:
    # Pictures outside the story (a sidebar's), captioned as the page marks captions.
    return _page().replace("</body>", (
        '<div class="sidebar"><figure><img src="https://example.com/ferry.jpg"><figcaption>'
        f'{OTHER_CAPTION} <b class="image-credit">{OTHER_CREDIT}</b></figcaption></figure>'
        f'<div class="Photo-Caption">{OTHER_CAPTION} too</div>'
        f'<div class="product-description">{PRODUCT}</div></div></body>'))


def test_any_caption_or_credit_the_page_marks_is_no_line_of_trafilaturas_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _trafilatura_reads(monkeypatch, [*SENTENCES, OTHER_CAPTION, OTHER_CREDIT,
                                     f"{OTHER_CAPTION} {OTHER_CREDIT}", f"{OTHER_CAPTION} too",
                                     PRODUCT])
    article = newsclean.extract(_page_with_other_pictures(),
                                "https://example.com/news/2024/03/harbour-plan")
    assert article.text_source == "trafilatura"
    # A "description" is a shop's text as often as a caption: it stays.
    assert article.paragraphs == [*SENTENCES, PRODUCT]


def test_captions_go_even_when_they_are_most_of_trafilaturas_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Unlike a page's list of headlines, captions are never its text: trafilatura reading
    # little but captions (a section front's pictures) is no story.
    _trafilatura_reads(monkeypatch, [SENTENCES[0], *[OTHER_CAPTION] * 6])
    settings = newsclean.Settings(min_second_words=10)
    article = newsclean.extract(_page_with_other_pictures(),
                                "https://example.com/news/2024/03/harbour-plan",
                                settings=settings)
    assert OTHER_CAPTION not in article.text


def test_a_credit_line_alone_is_no_line_of_trafilaturas_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A slideshow's credits ("Image credit: ..." under each slide), of pictures the engine
    # did not take: the engine's own text leaves such a line out wherever it stands.
    credits = ["Image credit: www.example.org/press/", "Foto: Jo Park / dpa"]
    _trafilatura_reads(monkeypatch, [SENTENCES[0], credits[0], *SENTENCES[1:8], credits[1],
                                     *SENTENCES[8:], credits[0]])
    article = newsclean.extract(_page(), "https://example.com/news/2024/03/harbour-plan")
    assert article.text_source == "trafilatura"
    assert article.paragraphs == SENTENCES
