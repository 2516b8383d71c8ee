"""Which built-in rules have been run on a real page of their site.

The list is data, not a claim: `real_pages.json` beside this module names, per built-in
rule file, the pages of the evaluation data (paths under its folder) whose host the rule
covers. `python -m benchmarks.ruled_pages --write` writes it after running every such
page with the rules on and off; tests/test_rules_real_pages.py runs them again and
fails when a rule makes one worse. `newsclean rules list` shows a rule without pages as
untested.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import PurePosixPath

from .model import SiteRule

__all__ = ["BUILTIN_SOURCE", "REAL_PAGES_FILE", "RealPage", "real_pages", "real_pages_of",
           "rule_key"]

REAL_PAGES_FILE = "real_pages.json"
BUILTIN_SOURCE = "newsclean/rules/builtin/"
"""How a built-in rule's `source` starts (the loader names them so)."""


@dataclass(frozen=True, slots=True)
class RealPage:
    collection: str
    """wcxb, trafilatura-eval, fundus or annotations."""
    id: str
    path: str
    """The page file, relative to the evaluation data folder."""
    url: str
    page_type: str | None = None
    """WCXB's page type (article, listing...); None where the collection has none."""


def rule_key(rule: SiteRule) -> str | None:
    """The built-in rule's file name without `.toml`; None for any other rule."""
    if not rule.source.startswith(BUILTIN_SOURCE):
        return None
    return PurePosixPath(rule.source).stem


@lru_cache(maxsize=1)
def real_pages() -> dict[str, tuple[RealPage, ...]]:
    """Built-in rule file (without .toml) → its real pages; empty if the file is absent."""
    try:
        text = resources.files(__package__).joinpath(REAL_PAGES_FILE).read_text("utf-8")
    except (OSError, ModuleNotFoundError):
        return {}
    data = json.loads(text)
    return {
        key: tuple(RealPage(collection=str(page["collection"]), id=str(page["id"]),
                            path=str(page["path"]), url=str(page.get("url") or ""),
                            page_type=page.get("page_type"))
                   for page in pages)
        for key, pages in data.items()
    }


def real_pages_of(rule: SiteRule) -> tuple[RealPage, ...]:
    key = rule_key(rule)
    return real_pages().get(key, ()) if key else ()
