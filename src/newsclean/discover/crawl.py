"""`crawl(site, output)`: discover a site's articles, fetch them politely, extract them,
one JSONL line per article, resumable."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fetcher import FetchConfig, Fetcher
from ..rules import RuleSet
from .core import ErrorHandler, discover, discovery_config

__all__ = ["crawl"]

if TYPE_CHECKING:
    from ..pipeline import Record, Stats
    from ..pipeline.output import Reporter


def crawl(site: str, output: str | Path, *, since: datetime | date | str | None = None,
          limit: int | None = None, resume: bool = True, fetcher: Fetcher | None = None,
          config: FetchConfig | None = None, rules: RuleSet | None = None,
          reporter: Reporter | None = None, stats: Stats | None = None,
          on_error: ErrorHandler | None = None, fsync_every: int = 0,
          **options: Any) -> Stats:
    """Discover up to `limit` articles of `site` and write one JSON line per article to
    `output` (the article, or an error record). With `resume`, articles already in
    `output` are not fetched again, so a second run (after a kill, or with a larger
    `limit`) adds only what is missing. `options` go to `pipeline.process()` (workers,
    fetch_workers, window, timeout, ...)."""
    # Late: the pipeline (multiprocessing and all) is only needed once a crawl starts.
    from ..pipeline import Record, Stats, process, scan_output
    from ..pipeline.output import JsonlWriter
    from ..pipeline.records import InputMeter

    stats = stats if stats is not None else Stats()
    target = Path(output)
    if resume:
        state = scan_output(target)
    else:
        target.write_bytes(b"")
        state = None
    own = fetcher is None
    active = fetcher if fetcher is not None else Fetcher(discovery_config(config))
    meter = InputMeter(None)

    def records() -> Iterator[Record]:
        for found in discover(site, since=since, limit=limit, fetcher=active,
                              on_error=on_error):
            # The canonical URL is the record's key: the same article, the same line.
            yield Record(url=found.url, source=found.source, key=found.url)

    writer = JsonlWriter(target, fsync_every=fsync_every)
    results = process(records(), skip=state.done if state else None,
                      seen_urls=state.urls if state else None, stats=stats, rules=rules,
                      fetcher=active, **options)
    try:
        for result in results:
            writer.write(result.to_json())
            if reporter is not None:
                reporter.update(stats, meter)
    finally:
        results.close()
        writer.close()
        if reporter is not None:
            reporter.finish(stats, meter)
        if own:
            active.close()
    return stats
