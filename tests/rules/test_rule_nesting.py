"""A page nested past what a site rule's selectors read in bounded time is read by the
engine alone (rules.selectors.MAX_SELECTOR_NESTING): a step "//x//y" walks the descendants of each
x, which on such a page is the page again for each x."""

from __future__ import annotations

from lxml import etree

import newsclean
from newsclean import RuleSet, SiteRule
from newsclean.rules.selectors import MAX_SELECTOR_NESTING, nested_past
from newsclean.rules.testing import try_rule

URL = "https://www.example.com/news/2024/10/23/harbour"
LEVELS, WIDTH = 240, 40
"""Sections nested 240 deep (under libxml2's own limit), 40 paragraphs each: the depths
sum to about 7 million."""


def _page(levels: int) -> str:
    paragraphs = "".join(f"<p>Line {index} of the harbour report, with the berths, the "
                         f"pilots and the tugs of the day.</p>" for index in range(WIDTH))
    return ("<html><head><title>Harbour report</title></head><body>"
            + f"<section>{paragraphs}" * levels + "</section>" * levels + "</body></html>")


RULES = RuleSet([SiteRule(name="Example", domains=("example.com",),
                          story=("//section//section",), title=("//section//p",))])


def test_nested_past_is_the_sum_of_the_depths_over_the_bound() -> None:
    root = etree.fromstring("<r><b><c/><d><e/></d></b><f/></r>")
    # r 0, b 1, c 2, d 2, e 3, f 1
    assert not nested_past(root, 9)
    assert nested_past(root, 8)


def test_a_page_nested_past_the_bound_is_read_without_the_rule() -> None:
    page = _page(LEVELS)
    assert nested_past(etree.HTML(page), MAX_SELECTOR_NESTING)
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
