"""`newsclean.contrib.dask` on a real distributed LocalCluster (two worker processes)."""

from __future__ import annotations

import io
import json
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
from distributed import Client, LocalCluster
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsclean.contrib.dask import output_name, process_shards, results_bag


def page(title: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{'A sentence of the story about ' + title + '. ' * 20}</p>"
            "</article></body></html>")


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,  # type: ignore[no-untyped-call]
                      dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as dask_client:  # type: ignore[no-untyped-call]
        yield dask_client


@pytest.fixture
def shards(tmp_path: Path) -> list[Path]:
    jsonl = tmp_path / "shard-a.jsonl"
    lines = [json.dumps({"url": f"https://news.example/a{i}", "html": page(f"A{i}")})
             for i in range(5)]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"url": "https://news.example/a0", "html": page("again")}))
    jsonl.write_text("\n".join(lines) + "\n")

    warc = tmp_path / "shard-b.warc.gz"
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(4):
            body = page(f"B{i}").encode()
            kind = "image/jpeg" if i == 3 else "text/html"
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/b{i}", "response", payload=io.BytesIO(body),
                length=len(body), http_headers=headers))
    return [jsonl, warc]


def read(path: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text().splitlines()]


def test_shards_run_on_the_cluster_and_write_one_line_per_record(
        client: Client, shards: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    reports = process_shards(shards, out, client=client)
    assert [r["shard"] for r in reports] == [str(s) for s in shards]
    # Each shard ran inside a Dask worker (a worker the nanny restarted on a loaded machine
    # has a new address, so the addresses are not compared with the cluster's list now).
    assert all(str(r["worker"]).startswith("tcp://127.0.0.1:") for r in reports)

    a, b = reports
    assert (a["results"], a["articles"], a["error_types"]) == (
        7, 5, {"InvalidJSON": 1, "DuplicateURL": 1})
    assert (b["results"], b["articles"], b["error_types"]) == (4, 3, {"NotHTMLError": 1})

    lines_a = read(a["output"])
    assert a["output"] == str(out / "shard-a.jsonl")
    assert [line["input"] for line in lines_a] == [f"{shards[0]}:{i}" for i in range(1, 8)]
    assert [line["url"] for line in read(b["output"])] == [
        f"https://news.example/b{i}" for i in range(4)]

    again = process_shards(shards, out, client=client)  # resumes: nothing left to do
    assert [(r["results"], r["skipped"]) for r in again] == [(0, 7), (0, 4)]
    assert len(read(a["output"])) == 7


def test_results_bag_yields_the_output_records(client: Client, shards: list[Path]) -> None:
    bag = results_bag(shards)
    records = client.compute(bag, sync=True)  # type: ignore[no-untyped-call]
    assert len(records) == 11
    assert sum("error" in r for r in records) == 3
    good = bag.filter(lambda r: "error" not in r).pluck("url")
    urls = client.compute(good, sync=True)  # type: ignore[no-untyped-call]
    assert sorted(urls)[:2] == ["https://news.example/a0", "https://news.example/a1"]


def test_the_readme_take_reads_across_shards_without_a_warning(
        client: Client, shards: list[Path]) -> None:
    # As the README shows it: more titles than the first shard holds, from every shard.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        titles = results_bag(shards).filter(lambda r: "error" not in r).pluck("title").take(
            6, npartitions=-1)
    assert list(titles) == ["A0", "A1", "A2", "A3", "A4", "B0"]
    assert "take(5, npartitions=-1)" in (Path(__file__).parents[2] / "README.md").read_text()


def test_a_pool_per_shard_falls_back_inside_daemonic_workers(
        client: Client, shards: list[Path], tmp_path: Path) -> None:
    plain = process_shards(shards, tmp_path / "plain", client=client)
    pooled = process_shards(shards, tmp_path / "pooled", client=client, workers_per_shard=2)
    assert [r["results"] for r in pooled] == [r["results"] for r in plain] == [7, 4]
    for a, b in zip(plain, pooled, strict=True):
        assert read(a["output"]) == read(b["output"])


def test_output_names_and_collisions(tmp_path: Path) -> None:
    assert output_name("/data/crawl-000.warc.gz") == "crawl-000.jsonl"
    assert output_name("pages.jsonl") == "pages.jsonl"
    with pytest.raises(ValueError, match="same output file"):
        process_shards(["x/a.jsonl", "y/a.jsonl"], tmp_path)
