"""The documentation: every page is in the site's navigation, every API reference entry
names an object that exists, and CI builds the site strictly."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
NAV_PAGE = re.compile(r":\s*(\S+\.md)\s*$")
REFERENCE = re.compile(r"^:::\s*(\S+)", re.MULTILINE)


def _nav_pages() -> list[str]:
    return [m.group(1) for line in (ROOT / "mkdocs.yml").read_text().splitlines()
            if (m := NAV_PAGE.search(line))]


def test_every_page_is_in_the_navigation_and_every_entry_exists() -> None:
    pages = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    nav = _nav_pages()
    assert {"library.md", "pipeline.md", "fixtures.md", "rules.md", "inspector.md"} <= set(nav)
    assert sorted(nav) == sorted(pages)


def _resolve(dotted: str) -> object:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            found = getattr(found, name)
        return found
    raise ModuleNotFoundError(dotted)


@pytest.mark.parametrize("page", sorted((DOCS / "reference").glob("*.md")), ids=lambda p: p.name)
def test_reference_entries_name_real_objects(page: Path) -> None:
    names = REFERENCE.findall(page.read_text())
    assert names
    for name in names:
        if name.startswith("newsclean.contrib."):
            pytest.importorskip(name)
        assert _resolve(name) is not None


def test_ci_builds_the_docs_strictly_after_the_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert 'pip install -q -e ".[docs]"' in ci
    assert ci.index("pytest -q") < ci.index("mkdocs build --strict")
    assert "docs = [" in (ROOT / "pyproject.toml").read_text()


def test_readme_says_how_to_get_the_browser_for_the_inspector_tests() -> None:
    readme = (ROOT / "README.md").read_text()
    development = readme[readme.index("## Development"):]
    assert "apt-get install chromium" in development
