"""Site rules: declarative publisher knowledge beside the generic engine."""

from __future__ import annotations

from functools import lru_cache

from .model import RelatedBlockRule, SiteRule
from .registry import RuleSet

__all__ = ["RelatedBlockRule", "RuleSet", "SiteRule", "default_rules"]


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The rules shipped with newsclean (loaded once)."""
    from .loader import load_builtin

    return load_builtin()
