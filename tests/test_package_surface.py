"""The package facade: what `import newsclean` offers, and nothing stray."""

from __future__ import annotations

import importlib
import types
from pathlib import Path

import pytest

import newsclean
from newsclean import RuleError

REPO = Path(__file__).resolve().parent.parent
SAMPLE_ORIGIN = REPO / "corpus" / "upi.com" / "1234567890" / "page.html"

RULE = """\
name = "Example News"
domains = ["example.com"]
title = ["//h1[@class='headline']"]
"""


def test_the_facade_shows_its_api_and_its_submodules_only() -> None:
    public = {name for name in dir(newsclean) if not name.startswith("_")}
    modules = {name for name in public if isinstance(getattr(newsclean, name), types.ModuleType)}
    api = set(newsclean.__all__)
    assert public - modules == api - {"__version__"}
    for stray in ("Path", "annotations", "resources"):
        assert stray not in dir(newsclean)
    assert all(hasattr(newsclean, name) for name in api)


def test_load_rules_reads_a_folder_of_toml_rules(tmp_path: Path) -> None:
    (tmp_path / "example.com.toml").write_text(RULE)
    html = "<html><body><h1 class='headline'>From the rule</h1><h1>Other</h1></body></html>"
    for folders in (tmp_path, str(tmp_path), [tmp_path]):
        rules = newsclean.load_rules(folders)
        rule = rules.for_url("https://www.example.com/a")
        assert rule is not None and rule.name == "Example News"
        assert len(rules) > 1  # the built-in rules come after the folder's
        assert newsclean.extract(html, "https://example.com/a", rules=rules).title \
            == "From the rule"
    assert len(newsclean.load_rules(tmp_path, builtin=False)) == 1


def test_load_rules_names_the_bad_file(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('name = "x"\ndomains = ["example.com"]\ntitle = ["//h1["]\n')
    with pytest.raises(RuleError, match=r"bad\.toml"):
        newsclean.load_rules(tmp_path)


def test_the_bundled_sample_is_the_corpus_page_byte_for_byte() -> None:
    assert newsclean.sample_path().read_bytes() == SAMPLE_ORIGIN.read_bytes()


def _modules_outside_the_engine() -> list[str]:
    package = Path(newsclean.__file__).parent
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).with_suffix("").parts
        if parts[0] == "extract" or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(("newsclean", *parts)))
    return names


@pytest.mark.parametrize("name", _modules_outside_the_engine())
def test_every_module_declares_what_it_offers(name: str) -> None:
    module = importlib.import_module(name)
    declared = getattr(module, "__all__", None)
    assert isinstance(declared, list | tuple), f"{name} has no __all__"
    missing = [item for item in declared if not hasattr(module, item)]
    assert not missing


@pytest.mark.parametrize("wrong", [False, True, "none", ["upi"]])
def test_a_rules_argument_that_is_no_rule_set_is_refused_with_the_spelling_that_works(
        wrong: object) -> None:
    page = newsclean.sample_path().read_bytes()
    for call in (newsclean.extract, newsclean.explain):
        with pytest.raises(TypeError, match=r"RuleSet\(\) extracts with no site rules"):
            call(page, "https://www.upi.com/x.html", rules=wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not " + type(wrong).__name__):
        # Refused before the fetch: the address is never asked for.
        newsclean.scrape("http://127.0.0.1:9/never-fetched", rules=wrong)  # type: ignore[arg-type]
    assert newsclean.extract(page, "https://www.upi.com/x.html", rules=newsclean.RuleSet()).title
