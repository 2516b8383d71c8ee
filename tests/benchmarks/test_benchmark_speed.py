"""The interleaved speed comparison: which figures it keeps, not how fast anything is."""

from __future__ import annotations

import importlib.machinery
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benchmarks import speed

PAGE = ("<html><head><title>Harbour budget</title></head><body><article><h1>Harbour budget</h1>"
        + "<p>The council approved the harbour budget on Tuesday after a long debate.</p>" * 6
        + "</article></body></html>")


def _fake_clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [0.0]
    monkeypatch.setattr("benchmarks.speed.time.process_time", lambda: now[0])
    return now


def _costs(now: list[float], costs: list[float]) -> Callable[[], None]:
    """A call that takes costs[0] the first time, costs[1] the second, ..."""
    def call() -> None:
        now[0] += costs.pop(0)
    return call


def test_each_call_keeps_its_fastest_round(monkeypatch: pytest.MonkeyPatch) -> None:
    now = _fake_clock(monkeypatch)
    calls = [_costs(now, [0.5, 0.1, 0.3]), _costs(now, [0.2, 0.4, 0.6])]
    assert speed.fastest(calls, 3) == pytest.approx([0.1, 0.2])


def test_compare_times_both_extractors_page_by_page(monkeypatch: pytest.MonkeyPatch) -> None:
    now = _fake_clock(monkeypatch)
    ticks = iter([0.002, 0.004] * 10)  # newsclean, trafilatura, in turn
    real_fastest = speed.fastest

    def ticking(calls: list[Callable[[], object]], rounds: int) -> list[float]:
        def timed(call: Callable[[], object]) -> Callable[[], object]:
            def run() -> object:
                result = call()
                now[0] += next(ticks)
                return result
            return run
        return real_fastest([timed(c) for c in calls], rounds)

    monkeypatch.setattr(speed, "fastest", ticking)
    pages = [(PAGE.encode(), PAGE, "https://news.example/a"),
             (PAGE.encode(), PAGE, "https://news.example/b")]
    timing = speed.compare("tiny", pages, rounds=2)
    assert (timing.pages, timing.rounds) == (2, 2)
    assert timing.newsclean_ms == pytest.approx(2.0)
    assert timing.trafilatura_ms == pytest.approx(4.0)
    assert timing.median_ratio == pytest.approx(0.5)
    assert "| tiny | 2 | 2 | 2.00 | 4.00 | 0.50 | 0.50 |" in speed.report([timing])


def test_missing_data_is_skipped_with_a_note(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert speed.main(["--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "trafilatura-eval: skipped" in out and "wcxb: skipped" in out
    assert "| collection |" not in out


def test_unknown_collection_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        speed.main(["--data", str(tmp_path), "--collections", "nope"])
    assert stop.value.code == 2


@pytest.mark.parametrize("second_opinion", [True, False])
def test_the_second_opinion_can_be_left_out_of_the_timing(
        monkeypatch: pytest.MonkeyPatch, second_opinion: bool) -> None:
    import newsclean
    seen: list[object] = []
    real_extract = newsclean.extract

    def extract(*args: Any, **kwargs: Any) -> object:
        seen.append(kwargs.get("settings"))
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(newsclean, "extract", extract)
    speed.compare("tiny", [(PAGE.encode(), PAGE, "https://news.example/a")], rounds=1,
                  second_opinion=second_opinion)
    assert seen
    if second_opinion:
        assert all(settings is None for settings in seen)
    else:
        assert all(isinstance(settings, newsclean.Settings) and settings.fallback_below == 0
                   and settings.doubt_below == 0 for settings in seen)


def test_the_report_names_the_build_that_ran() -> None:
    module = importlib.import_module("newsclean.extract.text").__file__ or ""
    compiled = module.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    first = speed.report([]).splitlines()[0]
    assert first == ("newsclean: compiled" if compiled else "newsclean: Python modules")
