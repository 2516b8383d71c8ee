"""newsclean's own corpus/ follows the fixture layout exactly (the extraction itself is
checked page by page through the plugin, see conftest.py)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from newsclean.fixtures import find_pages, host_of, load_page, slug_of, stable_json

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PAGES = find_pages(CORPUS) if CORPUS.is_dir() else []


@pytest.mark.skipif(not PAGES, reason="no corpus pages")
@pytest.mark.parametrize("directory", PAGES, ids=lambda d: f"{d.parent.name}/{d.name}")
def test_corpus_page_follows_the_layout(directory: Path) -> None:
    page = load_page(directory)  # all three files present and valid
    assert page.expected is not None
    assert page.id == f"{host_of(page.meta.url)}/{slug_of(page.meta.url)}"
    raw_time = json.loads((directory / "page.json").read_text("utf-8"))["fetched_at"]
    assert datetime.fromisoformat(raw_time).tzinfo is not None, "fetched_at needs a zone"
    for name in ("page.json", "expected.json"):
        raw = (directory / name).read_text("utf-8")
        assert raw == stable_json(json.loads(raw)), f"{name} is not in the stable form"
