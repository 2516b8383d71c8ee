"""Site rules: declarative publisher knowledge beside the generic engine."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .loader import load_rules
from .model import RelatedBlockRule, SiteRule
from .registry import RuleSet

__all__ = ["RelatedBlockRule", "RuleSet", "SiteRule", "default_rules", "load_rules",
           "rules_from_folders"]


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The rules shipped with newsclean (loaded once)."""
    from .loader import load_builtin

    return load_builtin()


def rules_from_folders(folders: Sequence[str | Path], *, no_rules: bool = False
                       ) -> RuleSet | None:
    """The rule set a user's options ask for: `None` (the built-in rules) when no folder
    is given, an empty set for the generic engine alone, else the folders (first wins)
    over the built-in rules."""
    if no_rules:
        return RuleSet()
    if not folders:
        return None
    return load_rules([Path(folder) for folder in folders], builtin=True)
