"""Duplicated, unclosed tags nest the rest of the page inside every copy. Each step must
stay linear in the page: the text the extractor reads while measuring elements grows with
the page, not with the page times its depth. Counted, not timed (timings are benchmarks)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import lxml.html
import pytest

import newsclean
from newsclean.extract import text as text_module
from newsclean.extract.spans import count_commas

from .compiled import python_modules_only

SMALL, LARGE = 20, 60
"""Copies of the duplicated run; three tags each stay under the parser's nesting cap."""
LINEAR_SLACK = 1.5
"""How much more than proportionally the text read may grow (with depth growing as the
page does, work proportional to size times depth grows by LARGE / SMALL once more)."""
STORY = "".join(f"<p>Story paragraph {index}, which says something, at some length, about "
                f"the news of the day.</p>" for index in range(5))


def _wrappers(copies: int) -> str:
    """A product-page footer duplicated without its closing tags (date-named wrappers)."""
    return "".join(f'<div class="product_meta"><span class="posted_in"><a href="/tag/{index}">'
                   f'Tag {index}</a>, <p class="first-payment-date">Note {index}, a line of '
                   f'text, with commas.' for index in range(copies))


def _links(copies: int) -> str:
    """A paragraph with a link duplicated without closing either."""
    return "".join(f'<p>Paragraph {index}, a sentence of the page, with commas, long enough '
                   f'to count. <a href="/story/{index}">Link {index}' for index in range(copies))


def _teasers(copies: int) -> str:
    """A teaser link in a figure duplicated without closing either, each copy holding the
    rest of the page: its opening is indentation and a short link of its own, and a
    paragraph follows it."""
    indent = " " * 40
    return "".join(f'<figure><a href="/story/teaser-{index}" class="teaser">{indent}<div>'
                   f'{indent}<a href="mailto:desk{index}@example.com">Mail us</a></li></ul>'
                   f"</div></section><p>Paragraph {index}, a sentence of the page, with "
                   "commas, long enough to count.</p>" for index in range(copies))


def _headings(copies: int) -> str:
    """A titled section duplicated without closing its heading: each heading holds the
    rest of the page, so its text is a page long (headings are weighed as related
    lists' names and scored as sub-headings)."""
    return "".join(f'<section><h3 class="title">Heading {index} of the page<div class="x">'
                   f"<p>Paragraph {index}, a sentence of the page, with commas, long enough "
                   "to count." for index in range(copies))


RUNS = {"wrappers": _wrappers, "links": _links, "headings": _headings}


def _page(run: Callable[[int], str], copies: int) -> bytes:
    return (f"<html><head><title>Nested story</title></head><body><article><h1>Nested "
            f"story</h1>{STORY}{run(copies)}</article></body></html>").encode()


class _Counter:
    """Wraps a text function in every extraction module that imported it; sums the
    characters it was given or gave back."""

    def __init__(self) -> None:
        self.calls = 0
        self.chars = 0

    def wrap(self, function: Callable[..., Any], measure_result: bool) -> Callable[..., Any]:
        def counted(*args: Any) -> Any:
            result = function(*args)
            self.calls += 1
            self.chars += len(result) if measure_result else len(args[0])
            return result
        return counted


def _patch_everywhere(monkeypatch: pytest.MonkeyPatch, counter: _Counter) -> None:
    targets = {"raw_text": True, "text_length": False, "collapse": False}
    modules: list[ModuleType] = [module for name, module in sys.modules.items()
                                 if name.startswith("newsclean.") and module is not None]
    for name, measure_result in targets.items():
        original = getattr(text_module, name)
        wrapped = counter.wrap(original, measure_result)
        for module in modules:
            if getattr(module, name, None) is original:
                monkeypatch.setattr(module, name, wrapped)


def _work(monkeypatch: pytest.MonkeyPatch, page: bytes) -> tuple[_Counter, newsclean.Article]:
    counter = _Counter()
    with monkeypatch.context() as patch:
        _patch_everywhere(patch, counter)
        article = newsclean.extract(page, rules=newsclean.RuleSet())
    return counter, article


def test_the_story_before_a_nested_run_is_kept() -> None:
    article = newsclean.extract(_page(_wrappers, LARGE), rules=newsclean.RuleSet())
    assert article.title == "Nested story"
    for index in range(5):
        assert any(paragraph.startswith(f"Story paragraph {index}, which says")
                   for paragraph in article.paragraphs)


@python_modules_only(text_module)
@pytest.mark.parametrize("run", sorted(RUNS))
def test_text_read_grows_linearly_with_nested_copies(monkeypatch: pytest.MonkeyPatch,
                                                     run: str) -> None:
    small, _ = _work(monkeypatch, _page(RUNS[run], SMALL))
    large, article = _work(monkeypatch, _page(RUNS[run], LARGE))
    assert article.title == "Nested story"
    assert small.chars > 0
    ratio = LARGE / SMALL
    assert large.chars <= small.chars * ratio * LINEAR_SLACK
    assert large.calls <= small.calls * ratio * LINEAR_SLACK


@python_modules_only(text_module)
def test_nested_teaser_links_are_told_headlines_by_their_opening(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Each teaser link holds the rest of the page: read whole to tell whether it is a
    # headline, the text read grew with the square of the copies.
    fewer, more = 60, 180
    small, _ = _work(monkeypatch, _page(_teasers, fewer))
    large, article = _work(monkeypatch, _page(_teasers, more))
    assert article.title == "Nested story"
    assert small.chars > 0
    assert large.chars <= small.chars * (more / fewer) * LINEAR_SLACK


TRICKY = ("<div> a <b>b </b> <i> c</i>\u200b<span>\ufeff</span>d\xa0e<!-- x -->f ,<p>\n</p>"
          "<em> </em><u>g</u>,<s>h\t</s>\u200b<a> i、</a>  <sup></sup>j<span> </span> </div>"
          "<q>k <b> l</b></q><q>m<b>\u200b<i> n</i></b></q><q><b>\u200b </b> o</q>")


def _check_measures(root: text_module.Element) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        raw = text_module.raw_text(element)
        assert text_module.element_text_length(element) == text_module.text_length(raw)
        assert text_module.collapsed_length(element) == len(text_module.collapse(raw))
        commas = text_module.element_commas(element)
        assert commas == (count_commas(raw) if raw else None)


def test_remembered_measures_equal_measuring_the_text() -> None:
    root = lxml.html.fromstring(f"<body>{TRICKY}</body>")
    with text_module.measured_text(lxml.html.fromstring(_page(_wrappers, LARGE))):
        _check_measures(root)
        bold, struck = root.find(".//b"), root.find(".//s")
        assert bold is not None and struck is not None
        text_module.unwrap(bold)
        text_module.remove(struck)
        _check_measures(root)


def test_remembered_lengths_on_a_shallow_tree_follow_remove_and_unwrap() -> None:
    root = lxml.html.fromstring(f"<body>{TRICKY}</body>")
    with text_module.measured_text(root):
        _check_measures(root)  # remembered here, then compared after each change
        for element in root.iter():
            if isinstance(element.tag, str):
                assert text_module.length_and_commas(element) == (
                    text_module.element_text_length(element), text_module.element_commas(element))
        bold, struck = root.find(".//b"), root.find(".//s")
        assert bold is not None and struck is not None
        text_module.unwrap(bold)
        _check_measures(root)
        text_module.remove(struck)
        _check_measures(root)
        quote = root.find(".//q")
        assert quote is not None
        assert text_module.short_text(quote, 2) is None
        assert text_module.short_text(quote, 10) == text_module.collapse(
            text_module.raw_text(quote))


def test_length_and_commas_leaves_commas_of_short_elements_uncounted() -> None:
    root = lxml.html.fromstring("<div><p>one, two, three</p></div>")
    paragraph = root.find(".//p")
    assert paragraph is not None
    with text_module.measured_text(root):
        assert text_module.length_and_commas(paragraph, 16) == (15, None)
        assert text_module.length_and_commas(paragraph, 15) == (15, 2)
        # the length, remembered, is not read again to say so
        assert text_module.length_and_commas(paragraph, 16) == (15, None)


def test_unwrap_puts_the_content_in_the_elements_place_in_order() -> None:
    # The element's text, children and their tails, then its tail, between its neighbours
    # (a control left open that swallowed the page holds tens of thousands of children).
    from lxml import etree
    root = etree.fromstring("<r>a<x/>b<w>t<c>1</c>m" + "".join(f"<i>{n}</i>{n}"
                            for n in range(1000)) + "</w>z<y/>q</r>")
    wrapper = root.find("w")
    assert wrapper is not None
    text_module.unwrap(wrapper)
    expected = "<r>a<x/>bt<c>1</c>m" + "".join(f"<i>{n}</i>{n}" for n in range(999))
    assert etree.tostring(root, encoding=str) == expected + "<i>999</i>999z<y/>q</r>"
    first = etree.fromstring("<r><w>t<c>1</c></w>z</r>")
    text_module.unwrap(first[0])
    assert etree.tostring(first, encoding=str) == "<r>t<c>1</c>z</r>"


def test_a_removed_inline_element_leaves_the_space_after_it() -> None:
    # The space after a control taken out of a sentence is all that parts the words
    # around it: "voted on<button>Share</button> <b>Monday</b>" reads "voted on Monday".
    sentence = "The council met late into the night and heard every objection raised."
    page = ("<html><body><article><h1>Council vote</h1>" + f"<p>{sentence}</p>" * 3
            + "<p>The council voted on<button>Share</button> <b>Monday</b> to close the old "
            "quay for repairs.</p></article></body></html>")
    article = newsclean.extract(page, "https://news.example/2024/vote")
    assert article.paragraphs[-1] == "The council voted on Monday to close the old quay for repairs."
    from lxml import etree
    root = etree.fromstring("<p>on<button>Share</button> <b>Monday</b></p>")
    text_module.remove(root[0])
    assert etree.tostring(root, encoding=str) == "<p>on <b>Monday</b></p>"
