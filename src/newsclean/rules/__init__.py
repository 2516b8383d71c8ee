"""Site rules: declarative publisher knowledge beside the generic engine."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .loader import load_rules
from .model import RelatedBlockRule, SiteRule
from .registry import RuleSet

__all__ = ["RelatedBlockRule", "RuleSet", "SiteRule", "chosen_rules", "default_rules",
           "load_rules", "rules_from_folders"]


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The rules shipped with newsclean (loaded once)."""
    from .loader import load_builtin

    return load_builtin()


def chosen_rules(rules: RuleSet | None) -> RuleSet:
    """The rule set a `rules=` argument asks for: the built-in rules for `None`. Anything
    else than a RuleSet (`rules=False` meant as "no rules") is refused before any work,
    with the spelling that does it, instead of failing somewhere inside the engine."""
    if rules is None:
        return default_rules()
    if not isinstance(rules, RuleSet):
        raise TypeError(f"rules must be a RuleSet or None (the built-in rules), not "
                        f"{type(rules).__name__}; RuleSet() extracts with no site rules")
    return rules


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
