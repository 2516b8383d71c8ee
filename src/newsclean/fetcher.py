"""Polite, robust HTTP fetching (being written)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Article
    from .rules import RuleSet


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = "newsclean"


@dataclass(frozen=True)
class Page:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    text: str
    encoding: str
    fetched_at: datetime
    elapsed: float
    redirects: list[str] = field(default_factory=list)


class Fetcher:
    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()

    def fetch(self, url: str) -> Page:
        raise NotImplementedError

    def scrape(self, url: str, *, rules: RuleSet | None = None) -> Article:
        raise NotImplementedError


def fetch(url: str, *, config: FetchConfig | None = None) -> Page:
    return Fetcher(config).fetch(url)


def scrape(url: str, *, rules: RuleSet | None = None, config: FetchConfig | None = None) -> Article:
    return Fetcher(config).scrape(url, rules=rules)
