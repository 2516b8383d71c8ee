"""Captions that older pages set as a paragraph of their own beside a picture alone in its
block, opened by the picture's number ("FIGURE 2.", "Fig. 3:"): the picture's caption, not
story text. A story paragraph speaking of a figure stays in the story."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

import newsclean
from newsclean.extract.patterns import figure_label

STORY = ("<p>The motor was run on the bench for six weeks, and the team logged every run "
         "so the readings could be compared with those of the older model later on.</p>"
         "<p>Its torque held up well at low speed, the engineers said, though it fell "
         "faster than expected once the motor passed its rated speed of three thousand "
         "turns a minute.</p>")


def _read(body: str) -> newsclean.Article:
    page = (f"<html><body><article><h1>The new motor on the bench</h1>{STORY}{body}{STORY}"
            "</article></body></html>")
    return newsclean.extract(page, "https://magazine.example/motors/bench",
                             rules=newsclean.RuleSet())


@pytest.mark.parametrize(("body", "caption"), [
    ('<p style="text-align: center;"><img src="/f/Figure02.jpg"></p>'
     '<p style="text-align: center;"><strong>FIGURE 2.</strong> Torque vs speed graph.</p>',
     "FIGURE 2. Torque vs speed graph."),
    ('<p><img src="/f/f3.jpg"></p><p><em>Fig. 3: The bench rig in the lab.</em></p>',
     "Fig. 3: The bench rig in the lab."),
    # an AsciiDoc image block: the picture's box, then its title
    ('<div class="imageblock"><div class="content"><img src="/f/f9.png" alt="Rig"></div>'
     '<div class="title">Figure 9. The rig and its sensors</div></div>',
     "Figure 9. The rig and its sensors"),
    # the label alone in bold
    ('<p><img src="/f/c1.jpg"></p><p><b>Chart 1</b> Sales by region</p>',
     "Chart 1 Sales by region"),
    # set above the picture
    ('<p><b>Figure 1 – Layout of the bench.</b></p><p><img src="/f/f1.jpg"></p>',
     "Figure 1 – Layout of the bench."),
])
def test_a_labelled_line_beside_a_picture_is_its_caption(body: str, caption: str) -> None:
    article = _read(body)
    assert [image.caption for image in article.images] == [caption]
    assert caption not in article.text
    assert "Its torque held up well" in article.text


@pytest.mark.parametrize("line", [
    # the story speaking of the figure
    "Figure 2 shows how the torque falls as the speed rises.",
    # ... its label in bold
    "<b>Figure 2</b> shows how the torque falls as the speed rises.",
    # a labelled paragraph too long for a caption
    "Figure 2. " + "The torque falls as the speed rises in every run the team made. " * 6,
])
def test_a_story_paragraph_about_a_figure_stays_in_the_story(line: str) -> None:
    article = _read(f'<p><img src="/f/f2.jpg"></p><p>{line}</p>')
    assert [image.caption for image in article.images] == [None]
    assert str(lxml_html.fromstring(line).xpath("string()")).strip() in article.text


CENTRED = '<p style="text-align: center;">'


@pytest.mark.parametrize(("line", "caption"), [
    # centred and emphasised, as the centred picture above it: its caption
    (f"{CENTRED}<strong><em>The motor on the bench in May.</em></strong></p>",
     "The motor on the bench in May."),
    ('<p class="has-text-align-center"><em>The motor on the bench in May.</em></p>',
     "The motor on the bench in May."),
    # not centred, partly emphasised, or set apart from a picture not centred: story text
    ("<p><strong><em>The motor on the bench in May.</em></strong></p>", None),
    (f"{CENTRED}<em>The motor</em> on the bench in May.</p>", None),
])
def test_an_emphasised_line_centred_under_a_centred_picture_is_its_caption(
        line: str, caption: str | None) -> None:
    article = _read(f'{CENTRED}<img src="/f/bench.jpg"></p>{line}')
    assert [image.caption for image in article.images] == [caption]
    assert ("The motor on the bench in May." in article.text) is (caption is None)
    plain = _read(f'<p><img src="/f/bench.jpg"></p>{line}')
    assert [image.caption for image in plain.images] == [None]


def test_a_label_between_two_pictures_captions_the_one_above() -> None:
    article = _read('<p><img src="/f/a.jpg"></p><p>Figure 1: The old rig.</p>'
                    '<p><img src="/f/b.jpg"></p>')
    assert [image.caption for image in article.images] == ["Figure 1: The old rig.", None]


@pytest.mark.parametrize(("text", "expected"), [
    ("FIGURE 2. Torque", True), ("Fig. 3: Rig", True), ("Figure 4-1: Memory", True),
    ("Photo 2. The crew", True), ("Abb. 4: Aufbau", True), ("Chart 1", True),
    ("Figure 2 shows the rig", False), ("Image 1 of 5", False), ("Table 2.5 million", False),
    ("Photo: Jo Park", False), ("Figures 2 and 3 show", False),
])
def test_figure_labels(text: str, expected: bool) -> None:
    assert figure_label(text) is expected
