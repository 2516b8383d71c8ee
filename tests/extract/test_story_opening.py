"""The story's opening: a dateline after a standfirst or from JSON-LD, a standfirst the
story repeats, and appeals to readers (send us your story, sign up) left out."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

import newsclean
from newsclean.extract.stages import story
from newsclean.extract.stages.story import is_appeal

FILLER = ("The committee heard from residents who had waited months for an answer about "
          "the repairs, and several of them said the delays had cost them dearly. ")
LEAD = ("Since our first report, a new source familiar with the workings of the moving "
        "business has come forward with more details.")
STORY_COPY = ("Since the station's first report, a new source familiar with the workings of "
              "the moving business has come forward with more details.")


def _page(lead: str, paragraphs: list[str], ld: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    script = f'<script type="application/ld+json">{ld}</script>' if ld else ""
    return (f"<html><head><title>Movers accused</title>{script}</head><body><article>"
            f"<header><h1>Movers accused of raising prices</h1><p class='standfirst'>{lead}</p>"
            f"</header><div class='story-body'>{body}</div></article></body></html>")


def test_dateline_after_a_standfirst_is_found() -> None:
    story = ["NEW JERSEY (WABC) -- " + FILLER, FILLER * 2, FILLER]
    article = newsclean.extract(_page("A summary of the story that is not repeated in it "
                                      "anywhere, longer than a line.", story))
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency) == ("NEW JERSEY", "WABC")


def test_dateline_from_json_ld_when_no_paragraph_has_one() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Movers accused",
                     "dateline": "NEWARK, N.J.  (WABC)"})
    article = newsclean.extract(_page("", [FILLER * 2, FILLER, FILLER], ld))
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency) == ("NEWARK, N.J.", "WABC")


def test_a_plain_json_ld_dateline_is_the_place() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Movers accused", "dateline": "Berlin"})
    article = newsclean.extract(_page("", [FILLER * 2, FILLER], ld))
    assert article.dateline is not None and article.dateline.location == "Berlin"


def test_a_standfirst_the_story_repeats_is_left_out() -> None:
    article = newsclean.extract(_page(LEAD, [FILLER * 2, STORY_COPY, FILLER]))
    assert LEAD not in article.paragraphs
    assert article.paragraphs.count(STORY_COPY) == 1
    assert article.paragraphs[0] == (FILLER * 2).strip()


def test_explain_marks_a_repeated_standfirst_as_boilerplate_only() -> None:
    explanation = newsclean.explain(_page(LEAD, [FILLER * 2, STORY_COPY, FILLER]))
    dropped = [d.node for d in explanation.decisions if d.reason == "standfirst repeated in the story"]
    assert len(dropped) == 1 and all(d.role == "boilerplate" for d in explanation.decisions
                                     if d.node == dropped[0])
    kept = newsclean.explain(_page("Residents say the repairs were promised two years ago "
                                   "and never began.", [FILLER * 2, FILLER]))
    assert [d.reason for d in kept.decisions if d.source == "engine:lead"] == [
        "lead paragraph above the story"]


def test_a_standfirst_of_its_own_stays() -> None:
    lead = "Residents say the repairs were promised two years ago and never began."
    article = newsclean.extract(_page(lead, [FILLER * 2, STORY_COPY, FILLER]))
    assert article.paragraphs[0] == lead


@pytest.mark.parametrize("text", [
    "---------- SHARE YOUR STORY Do you have an issue with a company that you haven't been "
    "able to resolve? If so, fill out the form below or email us.",
    "Got a news tip? Email newsroom@example.com or message us on WhatsApp.",
    "----- Send us your photos of the storm: we may publish them on our site.",
    "Sign up for our free morning newsletter to get the day's news in your inbox.",
    "Love ferries? The Harbour Daily's Crossings newsletter has the best trips, delivered "
    "to your inbox. Sign up now and sail with us.",
    "Haben Sie einen Hinweis? Schreiben Sie uns eine E-Mail an redaktion@example.de.",
    "Envoyez-nous vos témoignages via notre formulaire.",
    "¿Tienes una historia que contar? Escríbenos a redaccion@example.es",
    "We want to hear what you think about this article. Submit a letter to the editor or "
    "write to letters@example.com.",
])
def test_appeals_to_readers_are_recognised(text: str) -> None:
    assert is_appeal(text)


@pytest.mark.parametrize("text", [
    # an interviewer's question, with no way to reply named
    "Do you have a problem with the new rules? Not at all, I think they are fair.",
    # story text that happens to begin like a sign-up
    "Sign up for the vaccine appointments opened on Monday, and by noon every slot was gone.",
    # an appeal of the story's subject, not of the publisher
    "Register to vote by Friday, election officials urged residents in emails this week.",
    # a call quoted in the story, not opening it
    'The station asked viewers to "share your story" and received hundreds of emails.',
    # the story's subject asking, with no way to reply named
    "We want to hear what you think, the mayor told residents at the town hall meeting.",
    # a story sentence naming a newsletter, the sign-up not an imperative of its own
    "The council's newsletter asks residents to sign up now for the ferry survey.",
    # a long paragraph is story text whatever its opening
    "Share your story, the campaign urged, and email it in. " + FILLER * 8,
])
def test_story_text_is_not_an_appeal(text: str) -> None:
    assert not is_appeal(text)


def test_an_appeal_closing_the_story_is_dropped() -> None:
    appeal = ("---------- SHARE YOUR STORY Do you have an issue you want us to look into? "
              "Email the newsroom with your name and phone number.")
    article = newsclean.extract(_page("", [FILLER * 2, FILLER, appeal]))
    assert article.paragraphs and not any("SHARE YOUR STORY" in p for p in article.paragraphs)
    assert len(article.paragraphs) == 2


WCXB_ABC7 = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "wcxb" / "dev"
             / "html" / "0031.html.gz").resolve()


@pytest.mark.shared_data
@pytest.mark.skipif(not WCXB_ABC7.exists(), reason="../shared/data is absent")
def test_abc7ny_page_dateline_standfirst_and_appeal() -> None:
    html = gzip.decompress(WCXB_ABC7.read_bytes())
    article = newsclean.extract(
        html, "https://abc7ny.com/post/7-side-moving-company-investigation/18153161/")
    assert article.dateline is not None and article.dateline.agency == "WABC"
    assert article.paragraphs[0].startswith("NEW JERSEY (WABC) --")
    assert not any(p.startswith("Since 7 On Your Side's initial report") for p in article.paragraphs)
    assert not any("SHARE YOUR STORY" in p for p in article.paragraphs)


@pytest.mark.parametrize("markup", [
    "<p>fo<!-- a note -->o ba<br>r</p><div>qu<p>ux</p>ack</div>",
    "<p>zero\u200bwidth\ufeffjoined</p>",
    "<p>ΟΔΟΣ<br>ΑΘΗΝΑΣ</p>",
])
def test_the_story_text_holds_every_word_of_its_blocks(markup: str) -> None:
    # The look that spares reading the blocks one by one must not miss a block's word.
    from lxml import html

    from newsclean.extract.content import Story
    from newsclean.extract.stages.story import WORD, _story_text
    from newsclean.extract.text import walk_blocks

    container = html.fromstring(f"<div>{markup}</div>")
    whole = _story_text(Story(blocks=[container], score=0.0, signal="test"))
    for _, text in walk_blocks(container, lambda element: False):
        assert whole == "" or all(word in whole for word in WORD.findall(text.lower()))


def test_a_dropped_line_among_very_many_links_is_weighed_by_its_own_links(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Markup left open nests each line around the rest of the page: its element's links
    # are not all read again for every line.
    links = "".join(f'<a href="/s/{n}">Story {n}</a>'
                    for n in range(story.MAX_DENSITY_LINKS + 1))
    crowded = lxml_html.fromstring(f"<div><p>Harbour news</p>{links}</div>")
    few = lxml_html.fromstring('<div>Harbour news <a href="/s/1">Story 1</a></div>')
    assert story._link_share(few, "Harbour news Story 1", 7) == pytest.approx(7 / 20)

    def unread(element: etree._Element, length: int | None = None) -> float:
        raise AssertionError("every link of the element read")

    monkeypatch.setattr(story, "link_density", unread)
    assert story._link_share(crowded, "Harbour news", 0) == 0.0
