"""Hostile and broken markup: a typed error or a best-effort result, never a crash,
and never the story lost because of something before it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import newsclean
from newsclean.decoding.tree import (
    _LONG_TAG,
    LONG_TAG,
    MAX_DEPTH,
    MAX_INPUT_BYTES,
    _has_long_tag,
    cap_nesting,
    parse,
)
from newsclean.errors import DocumentTooLargeError, EmptyDocumentError

SENTENCE = "The council approved the new budget for the harbour district on Tuesday. "
STORY = "<article>" + "".join(f"<p>{SENTENCE * 3}Paragraph {i}.</p>" for i in range(4)) + "</article>"


def _story_kept(html: str) -> None:
    paragraphs = newsclean.extract(html).paragraphs
    story = [p for p in paragraphs if p.startswith(SENTENCE.strip())]
    assert [p[-12:] for p in story] == [f"Paragraph {i}." for i in range(4)], paragraphs


@pytest.mark.parametrize("text", [
    "<div><span>a</span><nav>m</nav>\x0bt</div>",
    "<div><span>a</span><nav>m</nav>\x01t</div>" + STORY,
    "<div><button>" + "x\x1f" * 20 + "</button><label>\x0c</label></div>" + STORY,
    "<p>a\ufffe</p><nav>m</nav>\uffffb" + STORY,
])
def test_control_characters_never_raise(text: str) -> None:
    article = newsclean.extract(text)
    article.to_json()
    assert all("\x0b" not in p and "\x01" not in p and "\uffff" not in p for p in article.paragraphs)
    assert newsclean.extract(text.encode("utf-8")).paragraphs == article.paragraphs


@pytest.mark.parametrize("before", [
    "<div>" * 255 + "</div>" * 255,  # an empty closed chain at libxml2's depth limit
    "<div>" * 5000 + "deep" + "</div>" * 5000,  # deeper than the lifted limit too
    "<p>" + "a" * 10_500_000 + "</p>",  # one text node over libxml2's size limit
    '<p title="' + "a" * 10_500_000 + '">x</p>',  # one attribute over it
])
def test_what_follows_a_parser_limit_is_kept(before: str) -> None:
    _story_kept("<html><body>" + before + STORY + "</body></html>")


HEADER = '<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'


@pytest.mark.parametrize("page", [
    # A template that closes the page in its header partial and carries on, its footer
    # closing it again (or not), or a page going on after its only end tags.
    f"<html><body>{HEADER}</body></html>\n<main>{STORY}</main></body></html>",
    f"<html><body>{HEADER}</body></html>\n<main>{STORY}</main></body>",
    f"<html><body>{HEADER}</body></html>\n<main>{STORY}</main>",
    f"<html><body>{HEADER}</body>\n<main>{STORY}</main></html>",
    f"<HTML><BODY>{HEADER}</BODY></HTML>\n<MAIN>{STORY}</MAIN></BODY></HTML>",
])
def test_what_follows_an_early_end_of_the_page_is_read_as_its_body(page: str) -> None:
    _story_kept(page)
    assert newsclean.extract(page.encode()).paragraphs == newsclean.extract(page).paragraphs


def test_scripts_after_the_end_of_the_page_leave_it_as_parsed() -> None:
    page = (f"<html><body>{STORY}<script>if (a<b) document.write('</html>')</script>"
            "</body></html><script>var x = 1;</script><img src='/pixel.gif'>")
    root = parse(page)
    assert [child.tag for child in root] == ["body"]
    assert root.find("body/article") is not None


def test_a_capped_tree_stays_within_the_depth_bound() -> None:
    root = parse("<div>" * 5000 + "<p>deep</p>" + "</div>" * 5000 + STORY)
    deepest = max(len(list(element.iterancestors())) for element in root.iter())
    assert deepest <= MAX_DEPTH + 5
    assert "deep" in "".join(str(text) for text in root.itertext())


def test_cap_nesting_unwraps_only_below_the_cap() -> None:
    page = b"<div><div><div><p>x</p></div></div></div><br><img src=a>"
    assert cap_nesting(page, 2) == b"<div><div>x</div></div><br><img src=a>"
    assert cap_nesting(page, 10) == page


def test_noframes_body_is_read_as_markup() -> None:
    _story_kept('<html><frameset><frame src="a.html"><noframes><body>' + STORY
                + "</body></noframes></frameset></html>")


def test_prefixed_xhtml_is_read() -> None:
    prefixed = STORY.replace("<", "<h:").replace("<h:/", "</h:")
    _story_kept('<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:body>'
                + prefixed + "</h:body></h:html>")


def test_a_tag_with_100000_attributes_is_cut_to_its_first_ones() -> None:
    html = "<div " + " ".join(f'a{i}="v {i}"' for i in range(100_000)) + ">x</div>" + STORY
    root = parse(html)
    div = root.find(".//div")
    assert div is not None and div.get("a0") == "v 0" and div.get("a999") == "v 999"
    assert div.get("a1000") is None
    _story_kept(html)


@pytest.mark.parametrize("offset", [0, 1, 777, LONG_TAG // 2 - 1, LONG_TAG // 2, LONG_TAG + 3])
def test_the_long_tag_search_by_windows_finds_what_the_whole_page_search_finds(
        offset: int) -> None:
    # The shortest tag the search finds, wherever it starts, among ">" signs as dense as
    # a page's, after a script as long without one; and the same page with it cut short.
    filler = b"<b>" * (offset // 3) + b"x" * (offset % 3)
    script = b"<script>" + b"x = 1 < 2;" * LONG_TAG + b"</script>"
    for before in (b"", script):
        for length, found in ((LONG_TAG - 3, True), (LONG_TAG - 4, False)):
            page = before + filler + b"<div " + b"a" * length + b">" + b"<i>" * LONG_TAG
            assert bool(_LONG_TAG.search(page)) is found
            assert _has_long_tag(page) is found
    assert not _has_long_tag(b"<i>" * LONG_TAG + b"<div " + b"a" * LONG_TAG)


def test_gzipped_bytes_are_read_as_the_page() -> None:
    page = ("<html><body>" + STORY + "</body></html>").encode("utf-8")
    assert newsclean.extract(gzip.compress(page)).paragraphs == newsclean.extract(page).paragraphs


def test_a_gzip_bomb_or_a_broken_gzip_is_a_typed_error() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * (MAX_INPUT_BYTES + 10))
    with pytest.raises(DocumentTooLargeError):
        newsclean.extract(bomb)
    with pytest.raises(EmptyDocumentError):
        newsclean.extract(gzip.compress(b"<p>story</p>")[:12])


def test_hash_of_an_article_says_it_is_unhashable() -> None:
    article = newsclean.extract("<html><body>" + STORY + "</body></html>")
    with pytest.raises(TypeError, match="unhashable"):
        hash(article)
    assert article == newsclean.extract("<html><body>" + STORY + "</body></html>")


def test_cli_extracts_a_gzipped_page_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsclean.cli import main

    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(("<html><body>" + STORY + "</body></html>").encode("utf-8")))
    assert main(["extract", str(page)]) == 0
    assert "Paragraph 3." in capsys.readouterr().out


def test_a_page_of_more_tags_than_the_limit_is_a_typed_error() -> None:
    from newsclean.decoding.tree import MAX_TAGS

    with pytest.raises(DocumentTooLargeError, match="tag limit"):
        newsclean.extract("<b>x</b>" * (MAX_TAGS // 2 + 1) + STORY)
    _story_kept("<b>x</b>" * (MAX_TAGS // 4) + STORY)


HARBOUR = "".join(f"<p>Paragraph {n} of the story on the harbour plan, long enough to count.</p>"
                for n in range(4))


@pytest.mark.parametrize("address", ["http://[::1", "http://[zz]/a.jpg", "//[/x.jpg"])
def test_a_picture_address_that_cannot_be_read_is_passed_over(address: str) -> None:
    # urlsplit raises on an unclosed or invalid IPv6 host; the picture is what is lost.
    page = (f'<html><body><article><h1>Harbour</h1><a href="{address}"><img src="{address}">'
            f'</a><figure><img src="/pictures/quay-{address[-1]}.jpg"><figcaption>The quay'
            f"</figcaption></figure>{HARBOUR}</article></body></html>")
    article = newsclean.extract(page, "https://example.org/news/harbour", rules=newsclean.RuleSet())
    assert article.paragraphs[0].startswith("Paragraph 0")
    assert [image.caption for image in article.images] == ["The quay"]


def test_a_streamed_chunk_holding_its_own_placeholder_stays_put() -> None:
    # A broken page (or a hostile one): the placeholder sits inside the chunk meant to
    # replace it, so the chunk cannot move into its place.
    page = ('<html><body><main><h1>Harbour</h1><div id="story">' + HARBOUR + "</div></main>"
            '<div hidden id="S:0"><div><template id="B:0"></template><p>Streamed part, long '
            'enough to be read as a paragraph of the story.</p></div></div>'
            '<script>$RC("B:0","S:0")</script></body></html>')
    article = newsclean.extract(page, rules=newsclean.RuleSet())
    assert article.paragraphs[0].startswith("Paragraph 0")


@pytest.mark.parametrize("reference", ["&#xFFFF;", "&#65534;", "&#x1;", "&#8;", "&#31;"])
def test_a_reference_to_a_character_lxml_refuses_never_raises(reference: str) -> None:
    # The parser reads such a reference into the tree; lxml then refuses the text when the
    # engine moves it (a line break's space, a removed element's tail).
    page = (f"<html><body><article><h1>Harbour</h1><p>Quay<br>{reference}side</p>{HARBOUR}"
            f"<p>Last<span class='share'>Share</span>{reference} words of the story, long "
            "enough to be read as a paragraph.</p></article></body></html>")
    article = newsclean.extract(page, rules=newsclean.RuleSet())
    assert article.paragraphs[1].startswith("Paragraph 0")
    assert "side" in article.paragraphs[0]
