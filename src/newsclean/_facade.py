"""The package-level helpers that sit above fetching and extracting."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .extract import extract
from .fetcher import FetchConfig, Fetcher
from .model import Article
from .rules import RuleSet, chosen_rules

__all__ = ["sample_path", "scrape"]


def scrape(url: str, *, rules: RuleSet | None = None, config: FetchConfig | None = None,
           fetcher: Fetcher | None = None) -> Article:
    """Fetch a page and extract its Article (relative ages dated from the fetch).

    Pass `fetcher` to reuse one Fetcher (its politeness, cache and session) across many
    pages; otherwise a fresh one is made from `config` and closed afterwards.
    """
    rules = chosen_rules(rules)  # a wrong argument fails before the fetch, not after
    if fetcher is not None:
        if config is not None:
            raise ValueError("pass either a fetcher or a config, not both")
        page = fetcher.fetch(url)
    else:
        with Fetcher(config) as own:
            page = own.fetch(url)
    return extract(page.content, page.final_url, rules=rules, reference_time=page.fetched_at)


def sample_path() -> Path:
    """The sample news page bundled with newsclean (a UPI-style wire story)."""
    return Path(str(resources.files("newsclean") / "data" / "sample.html"))
