"""Load site rules from TOML files (placeholder until the rule format lands)."""

from __future__ import annotations

from .registry import RuleSet


def load_builtin() -> RuleSet:
    return RuleSet()
