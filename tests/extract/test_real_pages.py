"""The extractor on real pages from ../shared/data (skipped when the data is absent).

A sample, not the benchmark: it guards against regressions that break whole pages
(crashes, empty results, a story chosen from the wrong region), with floors well under
the benchmark's figures so that ordinary tuning does not trip them.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

import newsclean

DATA = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data").resolve()
WCXB = DATA / "wcxb"
TRAFILATURA_EVAL = DATA / "trafilatura-eval"
SAMPLE = 60
"""Every how-many-th page is taken: a spread over the whole collection."""

pytestmark = pytest.mark.shared_data


def word_f1(predicted: str, reference: str) -> float:
    got = Counter(re.findall(r"\w+", predicted.lower()))
    want = Counter(re.findall(r"\w+", reference.lower()))
    if not want:
        return 1.0 if not got else 0.0
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.skipif(not WCXB.is_dir(), reason="../shared/data/wcxb is absent")
def test_wcxb_article_sample() -> None:
    kinds = json.loads((WCXB / "metadata.json").read_text())["files"]
    pages = sorted((WCXB / "dev" / "html").glob("*.html.gz"))
    scores = []
    for path in pages[::SAMPLE // 10]:
        page_id = path.name.split(".")[0]
        if kinds[page_id]["page_type"] != "article":
            continue
        truth = json.loads((WCXB / "dev" / "ground-truth" / f"{page_id}.json").read_text())
        article = newsclean.extract(gzip.decompress(path.read_bytes()), truth["url"])
        scores.append(word_f1(article.text, truth["ground_truth"]["main_content"]))
    assert len(scores) >= 30
    assert sum(scores) / len(scores) >= 0.85
    assert sum(score < 0.2 for score in scores) <= len(scores) // 10


@pytest.mark.skipif(not TRAFILATURA_EVAL.is_dir(), reason="../shared/data/trafilatura-eval is absent")
def test_trafilatura_eval_sample() -> None:
    entries = json.loads((TRAFILATURA_EVAL / "evaldata.json").read_text())
    found = missed = leaked = 0
    for url, entry in list(entries.items())[::SAMPLE // 10]:
        candidates = [TRAFILATURA_EVAL / folder / f"{entry['file']}{suffix}"
                      for folder in ("cache", "eval") for suffix in ("", ".gz")]
        path = next((c for c in candidates if c.is_file()), None)
        if path is None:
            continue
        data = path.read_bytes()
        text = newsclean.extract(gzip.decompress(data) if path.suffix == ".gz" else data, url).text
        text = " ".join(text.split())
        for snippet in entry["with"]:
            if " ".join(snippet.split()) in text:
                found += 1
            else:
                missed += 1
        leaked += sum(" ".join(snippet.split()) in text for snippet in entry["without"])
    assert found + missed >= 100
    f1 = 2 * found / (2 * found + leaked + missed)
    assert f1 >= 0.85


@pytest.mark.skipif(not WCXB.is_dir(), reason="../shared/data/wcxb is absent")
def test_extraction_is_deterministic() -> None:
    """The same page gives the same Article whatever was extracted before it."""
    pages = [gzip.decompress(p.read_bytes())
             for p in sorted((WCXB / "dev" / "html").glob("*.html.gz"))[::SAMPLE // 4]]
    forward = [newsclean.extract(page).to_dict() for page in pages]
    backward = [newsclean.extract(page).to_dict() for page in reversed(pages)]
    assert forward == backward[::-1]
