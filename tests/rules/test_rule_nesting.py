"""A page nested past what a site rule's selectors read in bounded time is read by the
engine alone (rules.selectors.selector_hazard): a step "//x//y" walks the descendants of each
x, which on such a page is the page again for each x (MAX_SELECTOR_NESTING), and finds each y
once for every x around it (MAX_SELF_NESTING)."""

from __future__ import annotations

from lxml import etree

import newsclean
from newsclean import RuleSet, SiteRule
from newsclean.rules.selectors import MAX_SELF_NESTING, selector_hazard
from newsclean.rules.testing import try_rule

URL = "https://www.example.com/news/2024/10/23/harbour"
LEVELS, WIDTH = 240, 40
"""Sections nested 240 deep (under libxml2's own limit), 40 paragraphs each: the depths
sum to about 7 million."""


def _page(levels: int, kinds: bool = False) -> str:
    """Sections nested `levels` deep; with `kinds`, divs of a class of their own each."""
    paragraphs = "".join(f"<p>Line {index} of the harbour report, with the berths, the "
                         f"pilots and the tugs of the day.</p>" for index in range(WIDTH))
    opening = [f"<div class='level-{level}'>" if kinds else "<section>" for level in range(levels)]
    closing = "</div>" if kinds else "</section>"
    return ("<html><head><title>Harbour report</title></head><body>"
            + "".join(tag + paragraphs for tag in opening) + closing * levels + "</body></html>")


RULES = RuleSet([SiteRule(name="Example", domains=("example.com",),
                          story=("//section//section",), title=("//section//p",))])


def _articles(levels: int) -> str:
    """<article>s opened and never closed, each holding a short run of links: their
    depths sum to under 100,000 at 40 levels."""
    links = "".join(f"<li><a href='/news/{index}'>Item {index}</a></li>" for index in range(8))
    return ("<html><head><title>Harbour report</title></head><body>"
            + f"<article><ul>{links}</ul><p>The berths and the pilots of the day.</p>" * levels
            + "</body></html>")


def test_the_hazard_names_the_depths_or_the_kind_nested_in_itself() -> None:
    deep = selector_hazard(etree.HTML(_page(LEVELS, kinds=True)))
    assert deep is not None and "depths sum" in deep
    nested = selector_hazard(etree.HTML(_articles(MAX_SELF_NESTING + 1)))
    assert nested is not None and "<article>" in nested
    assert selector_hazard(etree.HTML(_articles(MAX_SELF_NESTING))) is None
    # Divs nest deeply on real pages: only those of one class count as one kind.
    divs = "".join(f"<div class='level-{index}'>" for index in range(3 * MAX_SELF_NESTING))
    assert selector_hazard(etree.HTML(f"<html><body>{divs}<p>Text</p></body></html>")) is None


def test_a_page_of_articles_nested_in_each_other_is_read_without_the_rule() -> None:
    rules = RuleSet([SiteRule(name="Example", domains=("example.com",),
                              story=("//article//article",), title=("//article//li",))])
    page = _articles(2 * MAX_SELF_NESTING)
    explained = newsclean.explain(page, URL, rules=rules)
    assert explained.rule is not None and "set aside" in explained.rule
    assert (newsclean.extract(page, URL, rules=rules).to_json()
            == newsclean.extract(page, URL, rules=RuleSet()).to_json())
    near = newsclean.explain(_articles(4), URL, rules=rules)
    assert near.rule is not None and "set aside" not in near.rule


def test_a_page_nested_past_the_bound_is_read_without_the_rule() -> None:
    page = _page(LEVELS)
    explained = newsclean.explain(page, URL, rules=RULES)
    assert explained.rule is not None and "set aside" in explained.rule
    article = newsclean.extract(page, URL, rules=RULES)
    assert article.to_json() == newsclean.extract(page, URL, rules=RuleSet()).to_json()


def test_the_same_page_less_deep_is_read_with_the_rule() -> None:
    page = _page(3)
    explained = newsclean.explain(page, URL, rules=RULES)
    assert explained.rule is not None and "set aside" not in explained.rule
    article = newsclean.extract(page, URL, rules=RULES)
    assert article.title is not None and article.title.startswith("Line 0 of the harbour")


def test_rules_test_runs_no_selector_on_such_a_page_and_says_why() -> None:
    rule = next(iter(RULES))
    report = try_rule(rule, _page(LEVELS), URL)
    assert report.fields == () and report.related == ()
    assert any("sets the rule aside" in note for note in report.notes)
    assert try_rule(rule, _page(3), URL).fields != ()
