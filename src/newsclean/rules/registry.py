"""A set of site rules, looked up by host."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from .model import SiteRule

__all__ = ["RuleSet"]


class RuleSet:
    """Rules indexed by domain. Rules added first take precedence for the same domain;
    a rule for a more specific domain wins over one for its parent domain."""

    def __init__(self, rules: Iterable[SiteRule] = ()) -> None:
        self._rules: list[SiteRule] = []
        self._by_domain: dict[str, list[SiteRule]] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: SiteRule) -> None:
        self._rules.append(rule)
        for domain in rule.domains:
            self._by_domain.setdefault(domain.lower(), []).append(rule)

    def extend(self, rules: Iterable[SiteRule]) -> None:
        for rule in rules:
            self.add(rule)

    def for_host(self, host: str) -> SiteRule | None:
        host = host.lower().rstrip(".")
        labels = host.split(".")
        for start in range(len(labels)):
            candidates = self._by_domain.get(".".join(labels[start:]))
            if candidates:
                for rule in candidates:
                    if rule.matches(host):
                        return rule
        return None

    def for_url(self, url: str | None) -> SiteRule | None:
        if not url:
            return None
        try:
            host = urlsplit(url if "//" in url else "//" + url).hostname
        except ValueError:  # a malformed URL ("http://[::1") names no site: no rule
            return None
        return self.for_host(host) if host else None

    def __iter__(self) -> Iterator[SiteRule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __repr__(self) -> str:
        return f"RuleSet({len(self._rules)} rules)"
