"""Run the pipeline over many shards on a Dask cluster (one machine or many).

    from distributed import Client
    from newsclean.contrib.dask import process_shards

    client = Client("tcp://scheduler:8786")           # or Client(LocalCluster(...))
    reports = process_shards(["crawl-000.warc.gz", "crawl-001.warc.gz"], "out/", client=client)

Each shard (a WARC, JSONL or URL-list file) is one Dask task: it streams the shard through
`newsclean.pipeline.run_batch` and writes `<output_dir>/<shard name>.jsonl`, one line per
input record, resumable like `newsclean batch -o`. Dask spreads the shards over its
workers, so inside a task extraction runs in the worker's own process (`workers=0`) unless
`workers_per_shard` asks for a pool. Dask's worker processes are daemonic and may not
start one unless the config says `distributed.worker.daemon: false` (otherwise the shard
runs in the worker's process, with a warning); a Dask worker per core does the same job. Shard paths and `output_dir` must be readable and
writable from every worker (a shared file system on a multi-machine cluster).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..pipeline import Stats, process, read_inputs, run_batch
from ..pipeline.records import InputFormat

__all__ = ["output_name", "process_shards", "results_bag"]


def output_name(shard: str) -> str:
    """`crawl-000.warc.gz` -> `crawl-000.jsonl`: the shard's file name without its
    compression and format suffixes."""
    name = Path(shard).name
    name = re.sub(r"(\.(gz|warc|arc|jsonl|ndjson|json|txt))+$", "", name, flags=re.IGNORECASE)
    return f"{name or 'shard'}.jsonl"


def _run_shard(job: tuple[str, str], options: dict[str, Any]) -> dict[str, Any]:
    shard, output = job
    stats = Stats()
    run_batch([shard], output, stats=stats, **options)
    report: dict[str, Any] = {
        "shard": shard, "output": output, "results": stats.results,
        "articles": stats.articles, "errors": stats.errors, "skipped": stats.skipped,
        "error_types": dict(stats.error_types), "seconds": round(stats.elapsed, 3),
        "worker": None,
    }
    try:  # which Dask worker ran it, when run on a distributed cluster
        from distributed import get_worker

        report["worker"] = get_worker().address
    except (ImportError, ValueError):
        pass
    return report


def process_shards(shards: Sequence[str | Path], output_dir: str | Path, *,
                   client: Any = None,
                   input_format: InputFormat = "auto",
                   resume: bool = True,
                   workers_per_shard: int = 0,
                   **options: Any) -> list[dict[str, Any]]:
    """Process every shard as one Dask task; return one report per shard, in order:
    `{"shard", "output", "results", "articles", "errors", "skipped", "error_types",
    "seconds", "worker"}`.

    `client`: a `distributed.Client` (None: Dask's current default scheduler, which is the
    most recent Client if one exists). `options` go to `newsclean.pipeline.process`
    (rules, extract_fn, dedupe, fetcher settings...); they are sent to the workers, so they
    must pickle. Duplicate URLs are detected within a shard, not across shards.
    """
    import dask.bag as db

    shard_paths = [str(shard) for shard in shards]
    outputs = [str(Path(output_dir) / output_name(shard)) for shard in shard_paths]
    if len(set(outputs)) != len(outputs):
        raise ValueError("two shards would write the same output file; give shards distinct names")
    Path(output_dir).mkdir(parents=True, exist_ok=True)
    if not shard_paths:
        return []
    settings = dict(options, input_format=input_format, resume=resume, workers=workers_per_shard)
    bag = db.from_sequence(  # type: ignore[no-untyped-call]
        list(zip(shard_paths, outputs, strict=True)), npartitions=len(shard_paths),
    ).map(_run_shard, settings)
    if client is not None:
        reports: list[dict[str, Any]] = client.compute(bag, sync=True)
    else:
        reports = bag.compute()
    return reports


def _partition_results(shards: Sequence[str], options: dict[str, Any]) -> list[dict[str, Any]]:
    settings = dict(options)  # shared between partitions by the threaded scheduler
    input_format = settings.pop("input_format", "auto")
    records = read_inputs(shards, input_format=input_format)
    # A list, not a generator: a partition's result is pickled between Dask workers.
    return [result.to_dict() for result in process(records, **settings)]


def results_bag(shards: Sequence[str | Path], *, input_format: InputFormat = "auto",
                workers_per_shard: int = 0, **options: Any) -> Any:
    """A `dask.bag.Bag` of output records (the dicts `newsclean batch` writes as lines),
    one partition per shard, for further Dask processing:

        results_bag(shards).filter(lambda r: "error" not in r).map(json.dumps).to_textfiles("out/*.jsonl")

    A partition is held in memory once computed; for shards of any size prefer
    `process_shards`, which streams to files."""
    import dask.bag as db

    settings = dict(options, input_format=input_format, workers=workers_per_shard)
    shard_paths = [str(shard) for shard in shards]
    bag = db.from_sequence(shard_paths, npartitions=max(1, len(shard_paths)))  # type: ignore[no-untyped-call]
    return bag.map_partitions(_partition_results, settings)
