"""Next / previous story links told by their labels ("Previous Post", "Next article"):
the labels and headlines leave the story's text, the links are related items titled by
the headline alone."""

from __future__ import annotations

import pytest

import newsclean

URL = "https://example.com/2024/03/harbour-plan-approved"
STORY = "".join(
    f"<p>The council voted on harbour plan number {i} after a long debate about the costs "
    "and the timetable of the works, which start next spring.</p>" for i in range(6))
PREVIOUS = ("https://example.com/2024/03/ferry-timetable",
            "New ferry timetable starts in the spring")
NEXT = ("https://example.com/2024/03/fishing-fleet",
        "Fishing fleet returns early after a record season")


def _extract(pager: str) -> newsclean.Article:
    page = ("<html><head><title>Harbour plan approved</title></head><body><article>"
            f"<h1>Harbour plan approved</h1>{STORY}{pager}</article></body></html>")
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def _pair(template: str) -> str:
    return "".join(template.format(href=href, title=title, label=label, kind=kind)
                   for (href, title), label, kind in ((PREVIOUS, "Previous Post", "prev"),
                                                      (NEXT, "Next Post", "next")))


@pytest.mark.parametrize("pager", [
    # The heading inside the link is the label, the headline a paragraph after it.
    '<ul class="post-series">' + _pair(
        '<li class="entry__series__{kind}"><a href="{href}"><div><h2>{label}</h2><p>{title}</p>'
        "</div></a></li>") + "</ul>",
    # A label glued to the headline, and an arrow beside it.
    '<div class="links">' + _pair('<a class="nav-{kind}" href="{href}"><small>{label}</small>'
                                  "{title} →</a>") + "</div>",
])
def test_labelled_next_previous_links_are_related_not_story(pager: str) -> None:
    article = _extract(pager)
    assert [(link.block, link.url, link.title) for link in article.related] == [
        ("previous", *PREVIOUS), ("next", *NEXT)]
    for line in ("Previous Post", "Next Post", PREVIOUS[1], NEXT[1]):
        assert line not in article.text
    assert len(article.paragraphs) == 6


def test_labels_of_other_languages_and_a_screen_reader_copy_are_no_part_of_the_title() -> None:
    article = _extract(
        '<nav class="post-navigation"><div class="nav-previous"><a href="' + PREVIOUS[0] + '">'
        '<span class="meta-nav">Vorheriger Beitrag</span> <span class="screen-reader-text">'
        'Vorheriger Beitrag:</span> <span>' + PREVIOUS[1] + '</span></a></div>'
        '<div class="nav-next"><a href="' + NEXT[0] + '"><span>Article suivant</span>'
        "<span>" + NEXT[1] + "</span><span>Next</span></a></div></nav>")
    assert [link.title for link in article.related] == [PREVIOUS[1], NEXT[1]]


def test_a_quoted_title_keeps_its_quote_marks_but_a_lone_mark_goes() -> None:
    article = _extract(
        '<div class="navbillets"><a class="avant" href="' + PREVIOUS[0] + '">« Le port vote '
        "son plan d'investissement »</a><a class=\"apres\" href=\"" + NEXT[0] + '">Le port '
        "vote son plan d'investissement »</a></div>")
    assert [link.title for link in article.related] == [
        "« Le port vote son plan d'investissement »", "Le port vote son plan d'investissement"]


def test_a_pager_link_to_the_page_itself_is_no_related_story() -> None:
    article = _extract(f'<div class="nav-next"><a href="{URL}"><div>Next</div>'
                       "<div>Harbour plan approved by the council</div></a></div>")
    assert article.related == []


def test_a_sentence_beginning_with_next_before_a_link_stays_in_the_story() -> None:
    sentence = ('<p>Next, <a href="https://example.com/2024/03/budget">the council budget</a> '
                "goes to a vote, which the mayor expects to win by a wide margin after the "
                "long debate about the harbour.</p>")
    article = _extract(sentence)
    assert article.related == []
    assert "Next, the council budget goes to a vote" in article.text


def test_a_list_rendered_as_a_pager_gives_no_next_or_previous_story() -> None:
    # A site builder writes every story of the list as the previous one and shows one.
    def pager(count: int) -> str:
        return '<div class="prevnext">' + "".join(
            f'<a class="prevnext-link is-previous" href="/2024/03/plan-{i}"><div>Previous</div>'
            f"<div>Harbour plan number {i} goes to the council</div></a>"
            for i in range(count)) + "</div>"
    settings = newsclean.Settings()
    alone = _extract(pager(1))
    assert [(link.block, link.title) for link in alone.related] == [
        ("previous", "Harbour plan number 0 goes to the council")]
    assert _extract(pager(settings.max_pager_stories)).related != []
    assert _extract(pager(settings.max_pager_stories + 1)).related == []


@pytest.mark.parametrize("pager", [
    # A forum's link back to its list of topics, styled as the previous one.
    '<ul class="pager"><li class="pager-prev"><a href="/forum/12-harbour-talk/">Go to topic '
    "listing</a></li></ul>",
    # A carousel's slides, whose classes say which one shows next and which before.
    '<div class="promo-slides">' + "".join(
        f'<div class="promo-slide {kind}"><a href="/offers/{kind}">Become a member this month and '
        f"earn a reward card</a></div>" for kind in ("next", "prev")) + "</div>",
    # An icon font's glyph name as the link's only text.
    '<div class="nav-next"><a href="/2024/03/page-2">keyboard_arrow_right</a></div>',
])
def test_links_styled_as_a_pager_that_lead_to_no_story_are_not_related(pager: str) -> None:
    assert _extract(pager).related == []


def test_a_pager_to_the_page_itself_with_a_query_is_its_own_lists_next_page() -> None:
    pager = (f'<div class="timeline-next"><a href="{URL}?timeline-page=2">Load older stories from '
             "the harbour</a></div>")
    assert _extract(pager).related == []
    # A page whose address is a query of its own ("?topic=12") has its neighbours so too.
    page = ("<html><head><title>Harbour plan approved</title></head><body><article>"
            f'<h1>Harbour plan approved</h1>{STORY}<div class="nav-next"><a href="/index.php?topic=13">'
            f"{NEXT[1]}</a></div></article></body></html>")
    article = newsclean.extract(page, "https://example.com/index.php?topic=12",
                                rules=newsclean.RuleSet())
    assert [(link.block, link.url) for link in article.related] == [
        ("next", "https://example.com/index.php?topic=13")]
