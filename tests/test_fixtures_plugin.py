"""The pytest plugin: a corpus folder becomes one test per page via three conftest lines."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

import newsclean.fixtures.pytest_plugin as plugin
from newsclean.fixtures import snapshot_file

pytest_plugins = ["pytester"]

CONFTEST = """\
from newsclean.fixtures.pytest_plugin import corpus_tests

pytest_collect_file = corpus_tests("../corpus")
"""
PAGE = (b"<html><head><title>%s</title></head><body><article><h1>%s</h1>"
        b"<p>The pier reopened on Monday after the storm damage was repaired.</p>"
        b"<p>Crowds came back within the hour.</p></article></body></html>")
FETCHED = datetime(2024, 10, 23, 14, 0, tzinfo=UTC)
EXTRA = "A paragraph the page does not have."


def _run(project: pytest.Pytester, *args: str) -> pytest.RunResult:
    # Hypothesis' plugin re-imports hypothesis in every inner run: seconds each.
    return project.runpytest("-p", "no:hypothesispytest", "-p", "no:cacheprovider", *args)


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """corpus/ with a matching and a differing page, tests/conftest.py using the plugin."""
    saved = pytester.path / "saved.html"
    for slug in ("pier-story", "town-story"):
        saved.write_bytes(PAGE % (slug.encode(), slug.encode()))
        snapshot_file(pytester.path / "corpus", saved, f"https://www.example.com/news/{slug}",
                      fetched_at=FETCHED)
    saved.unlink()
    expected = pytester.path / "corpus" / "example.com" / "town-story" / "expected.json"
    data = json.loads(expected.read_text("utf-8"))
    data["paragraphs"].append(EXTRA)
    expected.write_text(json.dumps(data), "utf-8")
    tests = pytester.mkdir("tests")
    (tests / "conftest.py").write_text(CONFTEST, "utf-8")
    (tests / "test_plain.py").write_text("def test_plain():\n    assert True\n", "utf-8")
    return pytester


def test_one_test_per_page_with_a_readable_failure(project: pytest.Pytester) -> None:
    result = _run(project, "tests", "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines([
        "corpus::example.com/pier-story PASSED*",
        "corpus::example.com/town-story FAILED*",
    ])
    result.stdout.fnmatch_lines([
        "example.com/town-story: differs in paragraphs",
        "  paragraphs: 1 lost (expected 3, got 2)",
        f'    - [3] "{EXTRA}"',
        "(after review: newsclean check --update *town-story)",
    ])
    # The diff is the whole message: no traceback into the plugin.
    assert "def runtest" not in result.stdout.str()


def test_pages_are_selected_by_host_and_slug(project: pytest.Pytester) -> None:
    result = _run(project, "tests", "-k", "pier")
    result.assert_outcomes(passed=1)


def test_running_one_test_file_leaves_the_corpus_out(project: pytest.Pytester) -> None:
    result = _run(project, "tests/test_plain.py")
    result.assert_outcomes(passed=1)


def test_a_broken_page_fails_with_its_error(project: pytest.Pytester) -> None:
    (project.path / "corpus" / "example.com" / "town-story" / "page.json").unlink()
    result = _run(project, "tests")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["example.com/town-story: error: *page.json is missing"])


def test_a_missing_corpus_folder_is_a_collection_error(project: pytest.Pytester) -> None:
    (project.path / "tests" / "conftest.py").write_text(
        CONFTEST.replace("../corpus", "../no-such-corpus"), "utf-8")
    result = _run(project, "tests")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*newsclean corpus folder not found: *no-such-corpus*"])


def test_without_a_conftest_the_plugin_does_nothing(project: pytest.Pytester) -> None:
    (project.path / "tests" / "conftest.py").unlink()
    result = _run(project, "tests", "--collect-only", "-q")
    result.stdout.fnmatch_lines(["tests/test_plain.py::test_plain", "1 test collected*"])


def test_the_auto_loaded_module_defines_no_hooks_and_imports_little() -> None:
    # Loaded in every pytest run of anyone with newsclean installed: it must stay inert.
    assert [name for name in vars(plugin) if name.startswith("pytest_")] == []
    code = ("import sys, newsclean.fixtures.pytest_plugin; "
            "print(sorted(m for m in sys.modules if m.startswith('newsclean.fixtures.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parent).stdout
    assert "newsclean.fixtures.minimize" not in out
    assert "newsclean.fixtures.pytest_plugin" in out


def test_rule_folders_are_used_for_the_check(project: pytest.Pytester) -> None:
    # A site rule that takes the title from the first paragraph: expectations written
    # with it match only when the plugin extracts with the same rule folder.
    rules = project.mkdir("rules")
    (rules / "example.com.toml").write_text(
        'name = "Example"\ndomains = ["example.com"]\ntitle = "//article/p[1]"\n', "utf-8")
    from newsclean.rules.loader import load_rules

    saved = project.path / "saved.html"
    saved.write_bytes(PAGE % (b"pier-story", b"pier-story"))
    page = snapshot_file(project.path / "corpus", saved, "https://www.example.com/news/pier-story",
                         fetched_at=FETCHED, rules=load_rules([rules]), force=True)
    assert json.loads((page / "expected.json").read_text("utf-8"))["title"].startswith("The pier")
    with_rules = CONFTEST.replace('"../corpus")', '"../corpus", rules="../rules")')
    (project.path / "tests" / "conftest.py").write_text(with_rules, "utf-8")
    _run(project, "tests", "-k", "pier").assert_outcomes(passed=1)
    (project.path / "tests" / "conftest.py").write_text(CONFTEST, "utf-8")
    _run(project, "tests", "-k", "pier").assert_outcomes(failed=1)
