"""Every built-in rule on the real pages of its site: with the rules on, each page scores
at least what the engine alone scores (text by the collection's metric, the truth's
pictures, captions and related links, the number of pictures and related links, and
no more leaked caption or related-title strings). Skipped without ../shared/data."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import pytest

from benchmarks.loaders import SHARED_DATA, Page
from benchmarks.ruled_pages import compare, load_pages, relative_path, rule_key
from newsclean.rules import SiteRule, default_rules
from newsclean.rules.tested import RealPage
from newsclean.rules.tested import real_pages as recorded_pages

pytestmark = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="no ../shared/data")

RECORDED = [(key, page) for key, pages in sorted(recorded_pages().items()) for page in pages]


@lru_cache(maxsize=1)
def ruled() -> dict[tuple[str, str], tuple[Page, SiteRule]]:
    """(collection, page path) → the page and its built-in rule."""
    rules = default_rules()
    out: dict[tuple[str, str], tuple[Page, SiteRule]] = {}
    for page in load_pages(SHARED_DATA):
        rule = rules.for_url(page.url)
        if rule is not None:
            out[(page.collection, relative_path(page, SHARED_DATA))] = (page, rule)
    return out


def test_the_recorded_real_pages_are_every_ruled_page_of_the_data() -> None:
    found = {(rule_key(rule), collection, path)
             for (collection, path), (_, rule) in ruled().items()}
    recorded = {(key, page.collection, page.path) for key, page in RECORDED}
    assert found == recorded, "rerun: python -m benchmarks.ruled_pages --write"


def test_the_comparison_catches_a_harmful_rule() -> None:
    if not RECORDED:
        pytest.skip("no recorded real page")
    page = next(p for _, p in RECORDED if p.collection == "trafilatura-eval")
    data_page, rule = ruled()[(page.collection, page.path)]
    # No fallback either: the second opinion would otherwise rescue the page.
    harmful = dataclasses.replace(rule, strip=("//p",), engine_fallback=False)
    assert any(reason.startswith("text ") for reason in
               compare(data_page, harmful, SHARED_DATA).worse())


@pytest.mark.parametrize(("key", "page"), RECORDED,
                         ids=[f"{key}:{page.collection}/{page.id}" for key, page in RECORDED])
def test_a_rule_does_no_harm_on_its_real_page(key: str, page: RealPage) -> None:
    found = ruled().get((page.collection, page.path))
    if found is None:
        pytest.skip(f"{page.path} is not in this copy of the data")
    data_page, rule = found
    assert rule_key(rule) == key
    comparison = compare(data_page, rule, SHARED_DATA)
    assert comparison.worse() == [], (comparison.on, comparison.off)
