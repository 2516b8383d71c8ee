"""The built-in site rules and the corpus pages keep each other honest.

Every rule file must load, every rule must be exercised by at least one corpus page, and
every corpus page must be covered by a built-in rule. The corpus page's expected.json says
which language the page is in, which is how the language coverage is counted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from newsclean.rules import RuleSet, SiteRule
from newsclean.rules.loader import builtin_rules, load_rule_file

REPO = Path(__file__).resolve().parents[2]
BUILTIN = REPO / "src" / "newsclean" / "rules" / "builtin"
CORPUS = REPO / "corpus"

MIN_ENGLISH_RULES = 40
MIN_OTHER_LANGUAGE_RULES = 10


def _rule_files() -> list[Path]:
    return sorted(BUILTIN.glob("*.toml"))


def _corpus_pages() -> list[tuple[str, Path]]:
    """(host, page folder) for every corpus page; the host is the folder above the slug."""
    return sorted((p.parent.parent.name, p.parent) for p in CORPUS.glob("*/*/expected.json"))


def _language(page: Path) -> str | None:
    language = json.loads((page / "expected.json").read_text(encoding="utf-8")).get("language")
    return language if isinstance(language, str) else None


def _is_english(language: str) -> bool:
    return language.replace("_", "-").split("-")[0].lower() == "en"


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return RuleSet(builtin_rules())


def test_there_are_rules_and_pages() -> None:
    # Guards the parametrised tests below against silently testing nothing.
    assert _rule_files(), f"no rule files in {BUILTIN}"
    assert _corpus_pages(), f"no corpus pages in {CORPUS}"


@pytest.mark.parametrize("path", _rule_files(), ids=lambda p: p.name)
def test_rule_file_loads_and_is_named_after_its_domain(path: Path) -> None:
    rule = load_rule_file(path)
    assert rule.name.strip()
    assert rule.domains
    # builtin/<main domain>.toml: the file name is one of the domains the rule claims.
    assert path.stem in rule.domains, f"{path.name} claims {rule.domains}"


def test_builtin_rules_load_together_without_clashing() -> None:
    # builtin_rules() also rejects two files claiming the same domain.
    rules = builtin_rules()
    assert len(rules) == len(_rule_files())


@pytest.mark.parametrize("path", _rule_files(), ids=lambda p: p.name)
def test_rule_is_matched_by_a_corpus_page(path: Path, ruleset: RuleSet) -> None:
    rule = load_rule_file(path)
    hosts = {host for host, _ in _corpus_pages()}
    matching = sorted(h for h in hosts if rule.matches(h))
    assert matching, f"no corpus page for {rule.name} ({', '.join(rule.domains)})"
    # ...and for at least one of those hosts this rule is the one that applies.
    assert any(_same(ruleset.for_host(h), rule) for h in matching)


@pytest.mark.parametrize("host", sorted({h for h, _ in _corpus_pages()}))
def test_corpus_host_has_a_builtin_rule(host: str, ruleset: RuleSet) -> None:
    assert ruleset.for_host(host) is not None, f"no built-in rule for corpus host {host}"


def test_language_coverage(ruleset: RuleSet) -> None:
    languages: dict[str, set[str]] = defaultdict(set)
    for host, page in _corpus_pages():
        rule = ruleset.for_host(host)
        language = _language(page)
        if rule is not None and language:
            languages[rule.source].add(language)
    english = sorted(s for s, langs in languages.items() if any(map(_is_english, langs)))
    other = sorted(s for s, langs in languages.items() if not all(map(_is_english, langs)))
    assert len(english) >= MIN_ENGLISH_RULES, f"{len(english)} English rules: {english}"
    assert len(other) >= MIN_OTHER_LANGUAGE_RULES, f"{len(other)} other-language rules: {other}"


def _same(a: SiteRule | None, b: SiteRule) -> bool:
    # Rules loaded separately are equal objects but carry their own `source` label.
    return a is not None and a.name == b.name and a.domains == b.domains
