"""A site rule counts only where it finds something: field by field, what a rule's
selectors do not find is found by the engine, as if the rule did not set that field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

import newsclean
from newsclean import RuleSet, SiteRule
from newsclean.cli import main
from newsclean.rules.model import RelatedBlockRule
from newsclean.rules.substance import RULE_STORY_MIN_WORDS, is_substantive_story, story_words
from newsclean.rules.testing import try_rule

URL = "https://www.example.com/news/2024/10/23/river"

PROSE = ("The river rose overnight and flooded the old town, where shops on the main square "
         "stayed closed and the council opened the school gym for the families who had to "
         "leave their homes before dawn.")
SECOND = ("Engineers said the new flood wall held along most of its length, but water came "
          "in through drains that had not been sealed, and the pumps could not keep up.")

PAGE = f"""<!doctype html><html><head><title>River floods the old town</title>
<meta property="og:title" content="River floods the old town">
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2024-10-23T10:00:00Z">
</head><body>
<a href="#maincontent">Skip to main content</a>
<div id="maincontent"></div>
<div class="menu"><a href="/a">World news and analysis from our desks</a>
<a href="/b">Business news and markets today and every day</a>
<a href="/c">Sport results from the weekend and the week ahead</a>
<a href="/d">Culture and the arts, reviews and interviews</a></div>
<article>
  <h1>River floods the old town</h1>
  <figure class="lead"><img src="/pictures/square.jpg" alt="The square">
    <figcaption>Water in the square. Photo: Cy Dee</figcaption></figure>
  <div class="body"><p>{PROSE}</p><p>{SECOND}</p></div>
</article>
<div class="latest"><h2>Most read</h2><ul>
  <li><a href="/news/one">Bridge reopens after repairs</a></li>
  <li><a href="/news/two">Council approves new budget</a></li>
  <li><a href="/news/three">Schools close early for the holiday</a></li>
</ul></div>
</body></html>"""


def rule(**fields: object) -> RuleSet:
    return RuleSet([SiteRule(name="Example", domains=("example.com",), **fields)])  # type: ignore[arg-type]


def extract(ruleset: RuleSet, page: str = PAGE) -> newsclean.Article:
    return newsclean.extract(page, URL, rules=ruleset)


def element(markup: str) -> lxml_html.HtmlElement:
    return lxml_html.fragment_fromstring(markup, create_parent="div")


# --- what counts as a story -----------------------------------------------------------


def test_story_words_count_prose_outside_links_and_pictures() -> None:
    assert story_words([element("")]) == 0
    assert story_words([element("<p>one two three</p> four")]) == 4
    # link text, captions and scripts are not prose; the text after them is
    assert story_words([element("<p>one <a href='/x'>two three</a> four</p>"
                                "<figure><img src='a.jpg'><figcaption>five six</figcaption>"
                                "</figure><script>var seven</script>eight")]) == 3
    # a CJK character is a word of its own
    assert story_words([element("<p>川が氾濫した</p>")]) == 6


def test_substantive_is_at_least_the_named_number_of_words() -> None:
    words = " ".join(["word"] * RULE_STORY_MIN_WORDS)
    assert is_substantive_story([element(f"<p>{words}</p>")])
    shorter = " ".join(["word"] * (RULE_STORY_MIN_WORDS - 1))
    assert not is_substantive_story([element(f"<p>{shorter}</p>")])
    # words split over several matches add up
    assert is_substantive_story([element(f"<p>{shorter}</p>"), element("<p>more</p>")])


# --- the engine, field by field --------------------------------------------------------


def test_a_story_selector_matching_an_empty_element_leaves_the_story_to_the_engine() -> None:
    alone = extract(RuleSet())
    assert alone.paragraphs == [PROSE, SECOND]
    ruled = extract(rule(story=("//div[@id='maincontent']",)))
    assert ruled.paragraphs == alone.paragraphs


def test_a_story_selector_matching_only_links_leaves_the_story_to_the_engine() -> None:
    ruled = extract(rule(story=("div.menu",)))
    assert ruled.paragraphs == [PROSE, SECOND]


def test_the_first_alternative_with_prose_is_taken() -> None:
    ruled = newsclean.explain(PAGE, URL, rules=rule(
        story=("//div[@id='maincontent']", "div.body")))
    assert ruled.article.paragraphs == [PROSE, SECOND]
    story = [d for d in ruled.decisions if d.role == "story"]
    assert story and all(d.source == "rule:Example" for d in story)


def test_without_engine_fallback_an_empty_story_match_is_no_story() -> None:
    ruleset = RuleSet([SiteRule(name="Example", domains=("example.com",),
                                story=("//div[@id='maincontent']",), engine_fallback=False)])
    assert extract(ruleset).paragraphs == []


def test_image_selectors_that_find_no_picture_keep_the_engine_pictures() -> None:
    alone = extract(RuleSet())
    assert [image.url for image in alone.images] == [
        "https://www.example.com/pictures/square.jpg"]
    for selectors in (("figure.missing",), ("div.menu",)):  # nothing; no <img> inside
        ruled = extract(rule(images=selectors, captions=("figcaption",)))
        assert ruled.images == alone.images


def test_without_rule_pictures_the_engine_reads_pictures_around_its_own_story() -> None:
    # The rule's story container holds the rail too; the engine's does not.
    page = PAGE.replace("<article>", '<div class="page"><article>').replace(
        "</article>", '</article><div class="rail"><p>Sponsored</p>'
        '<img src="/promos/offer.jpg" alt="Deal of the day"></div></div>')
    alone = extract(RuleSet(), page)
    assert [image.url for image in alone.images] == [
        "https://www.example.com/pictures/square.jpg"]
    ruled = extract(rule(story=("div.page",), images=("figure.missing",)), page)
    assert ruled.images == alone.images
    assert ruled.paragraphs == [PROSE, SECOND]


def test_a_rule_picture_skips_the_placeholder_shown_before_scripts_run() -> None:
    page = PAGE.replace(
        '<img src="/pictures/square.jpg" alt="The square">',
        '<img src="/static/grey-placeholder.png"><img src="/pictures/square.jpg">')
    ruled = extract(rule(images=("figure.lead",)), page)
    assert [image.url for image in ruled.images] == [
        "https://www.example.com/pictures/square.jpg"]


def test_related_blocks_without_items_keep_the_engine_blocks() -> None:
    alone = extract(RuleSet())
    assert len(alone.related) == 3
    ruled = extract(rule(related=(RelatedBlockRule(block="div.missing"),)))
    assert ruled.related == alone.related
    ruled = extract(rule(related=(RelatedBlockRule(block="div.body", item=".//li"),)))
    assert ruled.related == alone.related


def test_the_engine_blocks_join_the_rule_blocks() -> None:
    page = PAGE.replace("</article>", """</article>
<div class="promo"><a href="/news/promo">Our new podcast about the city and its rivers</a></div>""")
    ruled = extract(rule(related=(RelatedBlockRule(block="div.promo", item=".//a",
                                                   name="Promo"),)), page)
    blocks = [(link.block, link.url.rsplit("/", 1)[1]) for link in ruled.related]
    assert ("Promo", "promo") in blocks
    assert [url for block, url in blocks if block != "Promo"] == ["one", "two", "three"]


def test_title_author_date_selectors_that_find_nothing_fall_back() -> None:
    alone = extract(RuleSet())
    assert alone.title == "River floods the old town" and alone.authors == ["Ann Lee"]
    assert alone.published is not None
    ruled = extract(rule(title=("h1.missing", "div#maincontent"),
                         authors=("span.byline",), published=("time.missing",)))
    assert (ruled.title, ruled.authors, ruled.published) == (
        alone.title, alone.authors, alone.published)


def test_an_author_selector_reads_no_name_from_a_whole_box_of_text() -> None:
    # On broken markup a selector may match wrappers holding the rest of the page: a
    # byline is a short line, and a text longer than an author box gives no names.
    boxed = PAGE.replace("<h1>River floods the old town</h1>",
                         '<h1>River floods the old town</h1><div class="credit">By Bo Park and Cy Dee '
                         + "x " * 300 + "</div>")
    ruled = extract(rule(authors=("div.credit",)), boxed)
    assert ruled.authors == ["Ann Lee"]


# --- rules test says the same --------------------------------------------------------


def test_rules_test_reports_empty_fields_as_engine_used(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = SiteRule(name="Example", domains=("example.com",),
                    story=("//div[@id='maincontent']", "div.menu"), images=("div.menu",),
                    related=(RelatedBlockRule(block="div.body"),))
    report = try_rule(site, PAGE, URL)
    fields = {f.field: f for f in report.fields}
    assert fields["story"].used is None
    assert [a.count for a in fields["story"].alternatives] == [1, 1]
    assert fields["images"].note == "no container holds a picture: no match, engine used"
    assert report.related[0].blocks[0].count == 0

    rule_file = tmp_path / "example.com.toml"
    rule_file.write_text('name = "Example"\ndomains = ["example.com"]\n'
                         'story = ["//div[@id=\'maincontent\']"]\nimages = "div.menu"\n'
                         '[[related]]\nblock = "div.body"\n', encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["rules", "test", str(rule_file), str(page), "--url", URL]) == 0
    out = capsys.readouterr().out
    assert "story: no match, engine used (alternative 1 matched fewer than" in out
    assert "no container holds a picture: no match, engine used" in out
    assert "(1 block: no items, engine used)" in out
    assert main(["rules", "test", str(rule_file), str(page), "--url", URL, "--json"]) == 0
    engine = json.loads(capsys.readouterr().out)["engine"]
    # and what the engine made of the page is the engine's own reading
    assert engine["paragraphs"] == 2 and engine["images"] == 1 and engine["related"] == 3
