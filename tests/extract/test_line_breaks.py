"""Text on either side of a <br> is two lines: read whole, it keeps a space between. Two
<br>s in a row part paragraphs."""

from __future__ import annotations

import importlib

import lxml.html

import newsclean

URL = "https://news.example.com/2025/03/01/harbour-cranes"

PAGE = """<html><head><title>x</title></head><body><article>
<h1>Rebuilding the Legacy<br>of the Harbour</h1>
<figure><img src="/cranes.jpg" alt="">
<figcaption>Cranes at the quay,<br>ready for the first ships</figcaption></figure>
<p>The harbour's cranes returned to service on Saturday after a winter of repairs, the
port authority said, and the first ships were unloaded within the hour.</p>
<p>Dock workers said the repairs had taken longer than planned because parts had to be
made to order, and the port had sent its cargo by rail in the meantime.</p>
</article></body></html>"""


def test_a_title_broken_in_two_lines_reads_with_a_space() -> None:
    article = newsclean.extract(PAGE, URL)
    assert article.title == "Rebuilding the Legacy of the Harbour"


def test_a_caption_in_two_lines_keeps_the_words_apart() -> None:
    article = newsclean.extract(PAGE, URL)
    [image] = article.images
    assert image.caption == "Cranes at the quay, ready for the first ships"


def test_a_date_on_the_line_after_a_caption_is_no_credit() -> None:
    page = PAGE.replace("Cranes at the quay,<br>ready for the first ships",
                        "Cranes at the quay<br>4 August 2024")
    [image] = newsclean.extract(page, URL).images
    assert image.credit is None
    assert image.caption == "Cranes at the quay 4 August 2024"


POST = ["The ferry to the island will run twice a day from April, the operator said on "
        "Monday, after a winter of one crossing a day.",
        "Islanders had asked for a second sailing for years: the morning boat left too early "
        "for the school, and the evening one too late for the clinic.",
        "The operator said the new timetable was made possible by a second crew, hired in "
        "January and trained on the route over the winter."]


def _post(body: str) -> newsclean.Article:
    return newsclean.extract(f"<html><head><title>x</title></head><body><h1>Ferry timetable"
                             f"</h1>{body}</body></html>", URL, rules=newsclean.RuleSet())


def test_two_breaks_in_a_row_part_paragraphs() -> None:
    # Text set without <p>s, a line left blank between paragraphs: one paragraph each,
    # the first (the wrapper's own text) too; a single break stays inside its paragraph.
    first, second, third = POST
    opening, rest = second.split(": ")
    article = _post(f'<div class="post">{first}<br><br>\n<b>{opening}</b>:<br>{rest}'
                    f"<br>\n<br><br>{third}</div>")
    assert article.paragraphs == POST


def test_two_breaks_in_a_paragraph_part_it_too() -> None:
    article = _post(f"<p>{POST[0]}<br><br>{POST[1]}</p><p>{POST[2]}</p>")
    assert article.paragraphs == POST


def test_two_breaks_in_a_caption_part_nothing() -> None:
    page = ("<article><h1>Ferry timetable</h1>" + "".join(f"<p>{line}</p>" for line in POST)
            + '<figure><img src="/ferry.jpg"><figcaption>The ferry at the pier<br><br>'
            "Photo: Jo Park</figcaption></figure></article>")
    article = newsclean.extract(f"<html><head><title>x</title></head><body>{page}</body></html>",
                                URL)
    assert article.paragraphs == POST
    [image] = article.images
    assert image.caption == "The ferry at the pier" and image.credit == "Jo Park"


def test_paragraphs_made_at_breaks_never_nest() -> None:
    # Inline markup left open nests the rest of the page: a paragraph made in each never
    # takes in the next (it holds breaks of its own), and a <p> gets none inside it.
    clean = importlib.import_module("newsclean.extract.stages.clean")
    open_spans = lxml.html.fromstring("<div>" + "<span>text<br><br><b>x</b>" * 50 + "</div>")
    clean._paragraphs_at_double_breaks(list(open_spans.iter("br")))
    paragraphs = list(open_spans.iter("p"))
    assert len(paragraphs) == 50
    assert not any(next(p.iterancestors("p"), None) is not None for p in paragraphs)
    in_paragraph = lxml.html.fromstring("<div><p><span>one<br><br>two</span></p></div>")
    clean._paragraphs_at_double_breaks(list(in_paragraph.iter("br")))
    assert len(list(in_paragraph.iter("p"))) == 1


def test_a_paragraph_made_at_a_break_keeps_its_line_in_the_source() -> None:
    # Confidence weighs how far the story starts from the headline, in source lines: a
    # paragraph made at a double break stands where its break stood.
    lines = "".join(f"<br><br>{line}" for line in POST)
    page = ("<html><head><title>x</title></head><body><h1>Ferry timetable</h1>" + "\n" * 500
            + f"<div>{lines}</div></body></html>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert article.paragraphs == POST
    assert any(reason.startswith("headline: the story starts 500 ")
               for reason in article.confidence_reasons)


def test_explain_names_each_paragraph_made_at_a_break() -> None:
    # The page explain() shows is the one parsed, without the paragraphs the engine made:
    # each is named by the block that held its text.
    page = ("<html><head><title>x</title></head><body><h1>Ferry timetable</h1><div>"
            + "<br><br>".join(POST) + "</div></body></html>")
    explanation = newsclean.explain(page, URL, rules=newsclean.RuleSet())
    [story] = explanation.by_role("story")
    paragraphs = explanation.by_role("paragraph")
    assert [d.node for d in paragraphs] == [story.node] * len(POST)
    assert [d.reason for d in paragraphs] == [f"{len(line)} characters" for line in POST]


def test_links_set_one_per_line_after_the_story_are_no_paragraph() -> None:
    # The double break opens a paragraph that gathers the whole run of links, past the
    # length under which a link-heavy line counts as navigation.
    story = "<br><br>".join(
        f"Part {n} of the story: the harbour's cranes returned to service on Saturday after "
        "a winter of repairs, the port authority said." for n in range(3))
    links = "<br>".join(f'<a href="/news/{n}">Another story from the port, number {n} of '
                        "the week's headlines</a>" for n in range(8))
    page = f"<html><body><h2>Harbour news</h2>{story}<br><br>{links}</body></html>"
    paragraphs = newsclean.extract(page, URL, rules=newsclean.RuleSet()).paragraphs
    assert [p[:6] for p in paragraphs if p.startswith("Part")] == ["Part 0", "Part 1", "Part 2"]
    assert not any("Another story" in p for p in paragraphs)


def test_a_long_paragraph_set_in_one_link_stays() -> None:
    text = ("The port authority published its report on the repairs today, with the costs "
            "of each crane and the names of the firms that made the parts, and it asks "
            "readers for their views on the plans for next winter before the end of April.")
    linked = ("Read the whole report of the port authority, with its tables of costs for each "
              "crane, the firms that made the parts, the timetable of the works and the plans "
              "for next winter, as one document of forty pages, in English and in French, with "
              "the answers the authority gave to the questions readers sent in last year.")
    page = (f"<html><body><article><h1>Harbour report</h1><p>{text}</p>"
            f'<p><a href="/report.pdf">{linked}</a></p></article></body></html>')
    paragraphs = newsclean.extract(page, URL, rules=newsclean.RuleSet()).paragraphs
    assert paragraphs == [text, linked]
