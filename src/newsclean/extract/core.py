"""Placeholder while the engine is written."""

from __future__ import annotations

from typing import Any

from ..model import Article
from ..rules import RuleSet
from .explain import Explanation


def extract(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
            reference_time: Any = None) -> Article:
    return Article(url=url)


def explain(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
            reference_time: Any = None) -> Explanation:
    return Explanation(Article(url=url), [], "")
