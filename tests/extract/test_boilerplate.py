"""Boilerplate kept out of the story text: headings after its end, titles of dropped link
lists, readers' comments, and lines that are ad disclosures, credits, notices or meta."""

from __future__ import annotations

import re

import pytest

import newsclean
from newsclean.extract.patterns import lines

from .bridge_story import STORY, URL

CLOSING = ("Shop owners near the bridge said they feared losing customers over the summer, "
           "and asked the council for help with their rents while the works go on.")
LINK_LINE = ('<p><a href="/local/ferry-timetable">Ferry timetable for the summer</a> '
             '<a href="/local/bus-routes">Extra buses on the river routes</a></p>')


def page(body: str, story: list[str] = STORY) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in story)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bridge closed to cars | Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<main><article><h1>Bridge closed to cars for the summer</h1>
<div class="article-body">{paragraphs}{body}</div>
</article></main></body></html>"""


def after_story(body: str) -> list[str]:
    """The paragraphs kept after the three of STORY, with `body` set below them."""
    paragraphs = newsclean.extract(page(body), URL, rules=newsclean.RuleSet()).paragraphs
    assert paragraphs[:3] == STORY
    return paragraphs[3:]


# --- headings after the story's last text ----------------------------------------------

@pytest.mark.parametrize(("body", "expected"), [
    ("<h2>More from the region</h2>", []),
    ("<h2>From our partners</h2><h3>Around the web</h3>", []),
    # A heading followed by story text is a section heading and stays.
    (f"<h2>What happens next</h2><p>{CLOSING}</p><h2>Your reactions</h2>",
     ["What happens next", CLOSING]),
], ids=["one", "two", "after-a-section"])
def test_trailing_headings_dropped(body: str, expected: list[str]) -> None:
    assert after_story(body) == expected


def test_more_than_two_trailing_headings_are_kept() -> None:
    # Two are a block title and its sub-title; three or more are names set in headings.
    assert after_story("<h3>Weather</h3><h3>Traffic</h3>") == []
    assert after_story("<h3>Weather</h3><h3>Traffic</h3><h3>Sport</h3>") == [
        "Weather", "Traffic", "Sport"]


def test_long_heading_counts_as_story_text() -> None:
    long = ("Engineers will now check every other old bridge in the city, starting with the "
            "railway crossing in the north where cracks were seen")
    assert len(long) > 120
    # The run of headings after the story's last text stops at the long one: two short
    # headings are dropped, where three would have been kept.
    assert after_story(f"<h2>{long}</h2><h3>Newsletter</h3><h3>Sign up</h3>") == [long]


# --- titles of dropped link lists ------------------------------------------------------

@pytest.mark.parametrize("title", [
    "<p>Schon gelesen?</p>",
    "<p>Lesen Sie auch:</p>",
    "<p><strong>À lire aussi</strong></p>",
    "<h3>Mehr zum Thema</h3>",
])
def test_title_of_dropped_link_line_dropped(title: str) -> None:
    assert after_story(f"{title}{LINK_LINE}<p>{CLOSING}</p>") == [CLOSING]


def test_title_above_inline_related_line_dropped() -> None:
    # Few of its words are linked, but the label makes it a link line all the same.
    line = '<p>READ MORE: Why the <a href="/local/ferry">ferry</a> will run all summer</p>'
    assert after_story(f"<p>You may also like</p>{line}<p>{CLOSING}</p>") == [CLOSING]


@pytest.mark.parametrize(("body", "kept"), [
    # Worded like a list title, but above story text.
    (f"<h3>Latest figures</h3><p>{CLOSING}</p>", ["Latest figures", CLOSING]),
    # An item of a list or a table cell is not the list's title.
    (f"<ul><li>Lesen Sie auch</li><li>{LINK_LINE[3:-4]}</li></ul><p>{CLOSING}</p>",
     ["Lesen Sie auch", CLOSING]),
    (f"<table><tr><td>Mehr zum Thema</td></tr><tr><td>{LINK_LINE[3:-4]}</td></tr></table>"
     f"<p>{CLOSING}</p>", ["Mehr zum Thema", CLOSING]),
    # Too long for a title: a story sentence that opens with such words.
    (f"<p>Lesen Sie auch den Bericht der Ingenieure, sagte der Bürgermeister.</p>{LINK_LINE}"
     f"<p>{CLOSING}</p>",
     ["Lesen Sie auch den Bericht der Ingenieure, sagte der Bürgermeister.", CLOSING]),
], ids=["above-story-text", "list-item", "table-cell", "long-line"])
def test_list_title_only_left_out_right_above_dropped_links(body: str, kept: list[str]
                                                             ) -> None:
    # The same page also holds a title that is left out, so the case fails without the rule.
    assert after_story(f"<p>Schon gelesen?</p>{LINK_LINE}{body}") == kept


# --- readers' comments -----------------------------------------------------------------

COMMENT = ("I drive over this bridge every day and have said for years that it was in a "
           "bad state, but nobody listened to us until now. Reader number {}.")


def posts(name: str, count: int) -> str:
    return "".join(f'<div class="{name}"><p class="author">Reader {number}</p>'
                   f"<p>{COMMENT.format(number)}</p></div>" for number in range(count))


@pytest.mark.parametrize("name", [
    "comments", "kommentare", "commentaires", "commenti", "comentarios", "reacties",
    "komentarze",
])
def test_comments_left_out_of_a_story_kept_in_a_thread(name: str) -> None:
    story = STORY + [f"{CLOSING} ({number})" for number in range(12)]
    section = f'<section class="{name}">{posts("entry", 24)}</section>'
    assert len(section) > 3000  # long enough to pass for a story wrapper by length alone
    article = newsclean.extract(page(section, story=story), URL, rules=newsclean.RuleSet())
    assert article.paragraphs == story

    thread = f"""<html><head><title>Is the bridge safe?</title></head><body><main>
<div class="thread"><h1>Is the old bridge safe?</h1>{posts(name, 6)}</div></main></body></html>"""
    forum = newsclean.extract(thread, "https://forum.example.com/t/1", rules=newsclean.RuleSet())
    assert forum.paragraphs == [COMMENT.format(number) for number in range(6)]


# --- boilerplate lines -----------------------------------------------------------------

@pytest.mark.parametrize(("line", "sentence"), [
    # ad disclosures
    ("Anzeige, enthält Affiliate Links",
     "Anzeige, Plakat und Flugblatt: mit allem hat die Stadt für die Fähre geworben, und "
     "doch wussten am Montag viele Pendler nichts davon."),
    ("*Werbung. Dieser Beitrag enthält Produktplatzierungen",
     "Werbung für das neue Fährangebot hängt seit Montag an jeder Haltestelle der Stadt."),
    ("Publicidad | Este artículo contiene enlaces de afiliados",
     "La publicidad del nuevo ferry está en todas las paradas de autobús de la ciudad."),
    # a stock agency's credit standing alone
    ("Jane Doe/Getty Images",
     "Getty Images photographers were allowed onto the bridge on Wednesday to record the "
     "cracks."),
    ("imago images",
     "Pictures from the imago images archive show the bridge as it was built in 1902."),
    # rights and liability notices
    ("© 2020 Example News",
     "Photographs of the cracks, © 2024 City of Example, were shown to residents on "
     "Wednesday."),
    # an agency's or a partner's rights, without a year after the sign
    ("© dpa-infocom, dpa:230428-99-483045/5",
     "Die Agentur dpa meldete am Dienstag © und Marke der Fähre seien geschützt worden."),
    ("© The Example Times Ltd. 2024",
     "Readers of The Example Times Ltd. 2024 edition will find the bridge on page three."),
    ("(c) 2021 Example Media GmbH",
     "Under rule (c) 2021 of the city code, works on a bridge must be announced a month "
     "ahead."),
    ("Alle Angaben ohne Gewähr",
     "Alle Angaben der Stadt zu den Kosten seien ohne Gewähr, sagte ein Sprecher der "
     "Opposition am Mittwoch."),
    ("Vervielfältigung nur mit Genehmigung des Verlags",
     "Die Vervielfältigung der Gutachten hatte die Stadt zunächst abgelehnt, obwohl die "
     "Anwohner sie seit Wochen verlangen und der Rat sie im Frühjahr schon zugesagt hatte."),
    # Such notices are looked for anywhere in short lines only: the sentences are long.
    ("This article is the copyrighted property of Example News.",
     "Asked about the old plans, the engineers said all rights reserved by the builder in "
     "1902 had long expired, " + "and that the city was free to change the bridge as it "
     "saw fit, to widen the footpaths or to add a lane for bicycles, " * 3 + "they said."),
    ("Alle Rechte vorbehalten. Nachdruck nur mit Genehmigung.",
     "Lesen Sie die Erklärung der Stadt: alle Rechte vorbehalten, hieß es darin knapp."
     + " Die Anwohner fanden das seltsam, denn es ging um eine Brücke und nicht um ein "
     "Buch, und sie fragten den Bürgermeister, was damit gemeint sei." * 3),
    # "read more" lines and labels left alone by a removed block
    ("Weiterlesen", "Weiterlesen wollte den Bericht der Ingenieure am Dienstag kaum jemand."),
    ("Lire la suite »",
     "Lire la suite du rapport, disent les riverains, n'a rien de rassurant pour eux."),
    ("Czytaj dalej", "Czytaj dalej raport inżynierów, mówią mieszkańcy, nie jest łatwo."),
    ("Kontakt:",
     "Kontakt: Die Stadt hat eine Hotline für Anwohner eingerichtet, erreichbar ab Montag."),
    ("Quellen:", "Sources: two engineers who worked on the survey, speaking to us on Tuesday."),
    # "published / updated" meta lines
    ("Veröffentlicht am 3. Mai 2024, 10:15 Uhr",
     "Veröffentlicht wurde der Bericht der Ingenieure erst am Dienstag, zwei Wochen nachdem "
     "die Risse entdeckt worden waren."),
    ("Mis à jour le 3 mai 2024 à 10h15",
     "Mis à jour chaque semaine, le calendrier des travaux sera affiché sur le pont et sur "
     "le site de la ville."),
    ("Aggiornato il 3 maggio 2024", "Il piano verrà aggiornato il mese prossimo, ha detto."),
    # reading times and a read-on line over an advert
    ("Lesezeit: 2 Min.",
     "Lesezeit: Das ist für die Pendler jetzt die Fahrt mit der Fähre, sagte die Stadt."),
    ("Article continues below",
     "Article continues below the bridge's old plaque, the engineers said, were found."),
    # "follow us" lines
    ("Síguenos en Twitter y Facebook",
     "El alcalde dijo a los vecinos: síguenos en este proyecto, será bueno para todos."),
    ("Volg ons op Instagram", "De burgemeester zei: volg ons advies en neem de fiets."),
    ("Obserwuj nas na Facebooku",
     "Burmistrz powiedział: obserwuj nas, będziemy informować o postępach prac."),
    # a stock agency's credit by way of a photographer, a feed's footer on a syndicated post
    ("Jo Park via Getty Images",
     "The photographs came via Getty Images, the council said, and showed the cracks."),
    ('The post <a href="/local/bridge-closed">Bridge closed for the summer</a> appeared '
     "first on Example News.",
     "The post of bridge warden appeared first on the council's list of jobs to cut."),
    # a picture's credit left as a line of its own, wherever it stands
    ("Foto: MDR/Bernd Cramer",
     "Foto: Die Stadt zeigte am Dienstag Bilder der Risse, die Anwohner waren besorgt."),
    ("Image credit: www.example.org/pictures/",
     "Image credit: that is what the council called the pictures it paid for in May."),
    ("Photo by Jo Park on Unsplash",
     "Photo by photo, the engineers went through the survey of the piers with residents."),
    # a reviewer's credit beside the byline
    ("Medically reviewed by Dr. Jo Park, MD",
     "Medically reviewed by two doctors, the report found the water safe to drink again."),
    # a byline's label left alone, its name read apart
    ("Written by", "Written by hand, the notes of the engineers were hard to read."),
    ("Edited by:", "Edited by the council, the report left out the cost of the repairs."),
    # a table of contents' heading, left when its links went
    ("Table of Contents", "Table of contents pages were missing from the council's report."),
    ("In this article", "In this article the engineers describe the cracks they found."),
    # a picture's or a video's control showing its caption
    ("Show Caption", "Show the caption of the photograph, the council asked the museum."),
    ("Hide photo caption",
     "Hide the caption, the museum answered, and nobody will know who took it."),
    # an account box's prompt
    ("Sign in to your Example News account",
     "Sign in to the council's new portal, residents were told, to follow the works."),
    ("Create a free account",
     "Create a free account for every resident, the opposition asked of the council."),
])
def test_boilerplate_line_dropped_story_sentence_kept(line: str, sentence: str) -> None:
    assert after_story(f"<p>{line}</p><p>{sentence}</p>") == [sentence]


@pytest.mark.parametrize("line", [
    "Graphics: NVIDIA GeForce GTX 970, AMD Radeon RX 470",  # a game's requirements
    "Source: city council, survey of 2024",  # a chart's or a text's source
    "Copyright licence",  # a heading
])
def test_a_label_line_that_credits_no_picture_is_kept(line: str) -> None:
    assert line in after_story(f"<p>{line}</p><p>{CLOSING}</p>")


def _variants(copies: int, headings: list[str]) -> str:
    """The story built once per screen size (desktop, tablet, phone), each copy a
    sibling that the site's style sheet shows at one width only."""
    one = "".join(f"<h2>{heading}</h2><p>{text}</p>"
                  for heading, text in zip(headings, STORY, strict=True))
    return "".join(f'<div class="variant v{i}">{one}</div>' for i in range(copies))


def test_a_story_built_once_per_screen_size_is_read_once() -> None:
    headings = ["The vote", "Getting across", "The cost"]
    html = f"""<html><head><title>Bridge closed to cars</title></head><body><main>
<h1>Bridge closed to cars for the summer</h1>{_variants(3, headings)}</main></body></html>"""
    article = newsclean.extract(html, URL)
    assert article.paragraphs == [line for pair in zip(headings, STORY, strict=True)
                                  for line in pair]


def test_short_lines_repeated_apart_in_one_story_are_kept() -> None:
    # A heading used twice in one story ("Update") is no copy: no long paragraph repeats.
    body = (f"<h2>Update</h2><p>{STORY[0]}</p><p>{STORY[1]}</p><p>{CLOSING}</p>"
            f"<h2>Update</h2><p>{STORY[2]}</p>")
    html = f"""<html><head><title>Bridge closed to cars</title></head><body><main>
<h1>Bridge closed to cars for the summer</h1>{body}</main></body></html>"""
    article = newsclean.extract(html, URL)
    assert article.paragraphs.count("Update") == 2
    assert article.paragraphs[-1] == STORY[2]


def test_labels_that_listing_cards_share_are_kept() -> None:
    # Labels met again in later cards are no copy: no sentence-long paragraph repeats.
    cards = [[f"Desk lamp model {i}", "In stock", "Free delivery", STORY[i % 3]]
             for i in range(3)]
    body = "".join(f'<div class="card">{"".join(f"<p>{line}</p>" for line in card)}</div>'
                   for card in cards)
    html = f"""<html><head><title>Desk lamps</title></head><body><main>
<h1>Desk lamps</h1>{body}</main></body></html>"""
    article = newsclean.extract(html, URL)
    assert article.paragraphs == [line for card in cards for line in card]


def test_a_slide_cloned_for_a_looping_carousel_is_read_once() -> None:
    slides = [f'<div class="slide"><h3>Voice {i}</h3><p>{text}</p></div>'
              for i, text in enumerate(STORY)]
    # The carousel repeats its first slides after the last, so that it can loop.
    body = f"<p>{CLOSING}</p><div class='carousel'>{''.join(slides + slides[:2])}</div>"
    html = f"""<html><head><title>Bridge closed to cars</title></head><body><main>
<h1>Bridge closed to cars for the summer</h1>{body}</main></body></html>"""
    article = newsclean.extract(html, URL)
    assert article.paragraphs == [CLOSING] + [line for i, text in enumerate(STORY)
                                              for line in (f"Voice {i}", text)]


@pytest.mark.parametrize("line", [
    "Advertisement", "ADVERTISING", "Ad", "Share this article", "Jo Park/Getty Images",
    "Photo via Shutterstock", "5 min read", "Lesezeit: ca. 4 Min.", "By Jane Roe and John Doe",
    "3 comments", "Tags: bridge, river", "The post Bridge works appeared first on Example",
    "Asked 8 years, 2 months ago", "Kontakt:", "e-mail", "Über den Autor", "ähnliche Artikel",
    "© 2024 Example News", "Read more", "Follow us on Mastodon for more",
    "Share your story with us", "---- Send us your photos", "Abonnieren Sie jetzt",
    "Adverts in the river towns pay for the ferry.", "Bylaws of the town were changed.",
    "Sponsors of the works met on Monday.",
])
def test_merged_line_patterns_match_as_written(line: str) -> None:
    # BOILERPLATE_LINE and APPEAL_OPENING are compiled merged by first letter: they must
    # accept and reject what their alternatives as written do
    written = re.compile(r"^\W*(?:" + lines._BOILERPLATE_LINES + r")\W*$", re.IGNORECASE)
    assert (lines.BOILERPLATE_LINE.match(line) is None) == (written.match(line) is None)
    appeal = re.compile(r"^\s*(?:[-_=*~•—–]{4,}\s*(?:[^\n]{0,60}?\b)?)?[*#>•]*\s*(?:"
                        + lines._APPEALS + ")", re.IGNORECASE)
    assert (lines.APPEAL_OPENING.match(line) is None) == (appeal.match(line) is None)
