"""The benchmark harness: loaders on tiny hand-made folders in each published layout, the
child-process runner on misbehaving tools, and a smoke run of the whole command.

Correctness of the harness only; no timing is asserted.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import pickle
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from benchmarks import adapters, loaders, runner
from benchmarks.adapters import Adapter, Output
from benchmarks.report import render_markdown, write_outputs
from benchmarks.runner import PageInput, RunConfig

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = (REPO / ".." / "shared" / "data").resolve()

WORDS = [
    "river", "council", "budget", "school", "harbour", "winter", "market", "bridge", "station",
    "festival", "library", "museum", "garden", "railway", "hospital", "factory", "village",
    "forest", "island", "mountain",
]


def story(n: int) -> list[str]:
    """Three distinct paragraphs of about forty words for page `n`."""
    paragraphs = []
    for p in range(3):
        words = [WORDS[(n * 7 + p * 3 + i) % len(WORDS)] for i in range(40)]
        paragraphs.append(f"Paragraph {p} of story {n}: " + " ".join(words) + ".")
    return paragraphs


def page_html(n: int, title: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in story(n))
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
        '<meta name="author" content="Jane Roe">'
        f'<meta property="article:published_time" content="2024-05-0{n + 1}T10:00:00Z"></head>'
        '<body><nav><a href="/">Home</a> <a href="/world">World</a> Subscribe to our newsletter</nav>'
        f'<article><h1>{title}</h1><p class="byline">By Jane Roe</p>{body}</article>'
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"
    )


def write(path: Path, text: str, *, gz: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def write_json(path: Path, data: Any) -> None:
    write(path, json.dumps(data))


def make_wcxb(root: Path) -> Path:
    base = root / "wcxb"
    kinds = {"0001": "article", "0002": "article", "0003": "category"}
    write_json(base / "metadata.json", {"files": {i: {"page_type": k, "split": "dev"} for i, k in kinds.items()}})
    for n, page_id in enumerate(kinds):
        title = f"Story {n}"
        # one page plain, the others gzipped as published
        write(base / "dev" / "html" / f"{page_id}.html{'' if n == 2 else '.gz'}", page_html(n, title), gz=n != 2)
        write_json(
            base / "dev" / "ground-truth" / f"{page_id}.json",
            {
                "url": f"https://news.example/{page_id}",
                "_internal": {"page_type": {"primary": "listing"}},  # metadata.json wins
                "ground_truth": {
                    "title": title,
                    "author": "Jane Roe" if n else None,
                    "publish_date": f"2024-05-0{n + 1}",
                    "main_content": "\n\n".join(story(n)),
                    "with": [story(n)[1][:60]],
                    "without": ["Subscribe to our newsletter"],
                },
            },
        )
    return base


def make_trafilatura_eval(root: Path) -> Path:
    base = root / "trafilatura-eval"
    entries = {}
    for n, name in enumerate(["a.html", "b.html", "c.html", "missing.html"]):
        key = f"https://blog.example/{name}" if n != 1 else f"hard::{name}"
        entries[key] = {"file": name, "with": [story(n)[0][:50]], "without": ["All rights reserved"]}
    write_json(base / "evaldata.json", entries)
    write(base / "cache" / "a.html.gz", page_html(0, "A"), gz=True)
    write(base / "eval" / "b.html", page_html(1, "B"))
    # c is in both folders: cache/ comes first
    write(base / "cache" / "c.html", page_html(2, "C"))
    write(base / "eval" / "c.html.gz", page_html(9, "wrong"), gz=True)
    return base


def make_readability(root: Path) -> Path:
    base = root / "readability"
    for n in range(3):
        case = base / "test-pages" / f"case-{n}"
        write(case / "source.html", page_html(n, f"Case {n}"))
        write(case / "expected.html", "<div>" + "".join(f"<p>{p}</p>" for p in story(n)) + "</div>")
        write_json(case / "expected-metadata.json", {"title": f"Case {n}", "byline": "By Jane Roe"})
    return base


def make_scrapinghub(root: Path) -> Path:
    base = root / "scrapinghub"
    truth = {}
    for n in range(3):
        page_id = f"{n:040x}"
        write(base / "html" / f"{page_id}.html.gz", page_html(n, f"Hub {n}"), gz=True)
        truth[page_id] = {"url": f"https://hub.example/{n}", "articleBody": "\n".join(story(n))}
    write_json(base / "ground-truth.json", truth)
    return base


def fundus_record(n: int, **extra: Any) -> dict[str, Any]:
    """A Fundus record for page `n`: the first paragraph as summary, the others in a section."""
    paragraphs = story(n)
    return {
        "title": f"F {n}",
        "authors": ["Jane Roe"],
        "publishing_date": f"2024-05-0{n + 1} 10:00:00+02:00",
        "body": {"summary": paragraphs[:1], "sections": [{"headline": [], "paragraphs": paragraphs[1:]}]},
        "images": [{"caption": f"Caption of picture {n} at the harbour", "authors": ["AP"], "is_cover": True,
                    "description": None, "position": 1, "versions": []}],
        **extra,
    }


def fundus_html(n: int) -> str:
    """The page with its captioned picture after the first paragraph."""
    figure = (f'<figure><img src="https://cdn.example/{n}.jpg"><figcaption>Caption of picture {n} '
              "at the harbour <span>Photo: AP</span></figcaption></figure>")
    return page_html(n, f"F {n}").replace("</p>", "</p>" + figure, 1)


def make_fundus(root: Path) -> Path:
    """Two publishers in one country: Herald with two versions (paired in date order, the
    later file plain, its URL only in the canonical link), Post with one."""
    base = root / "fundus"
    country = base / "xx"
    write_json(country / "Herald.json", {"V1_1": fundus_record(1), "V1": fundus_record(0)})
    write_json(country / "Post.json", {"V1": fundus_record(2)})
    write(country / "Herald_2024_05_01.html.gz", fundus_html(0), gz=True)
    canonical = '<link rel="canonical" href="https://herald.example/1?a=1&amp;b=2">'
    write(country / "Herald_2024_06_01.html", fundus_html(1).replace("<title>", canonical + "<title>"))
    write(country / "Post_2024_05_03.html.gz", fundus_html(2), gz=True)
    write_json(
        country / "meta.info",
        {
            "Herald_2024_05_01.html.gz": {"url": "https://herald.example/0", "crawl_date": "2024-05-01"},
            "Herald_2024_06_01.html": {"crawl_date": "2024-06-01"},
            "Post_2024_05_03.html.gz": {"url": "https://post.example/2", "crawl_date": "2024-05-03"},
        },
    )
    return base


def make_corpus(root: Path) -> Path:
    base = root / "corpus"
    for n in range(3):
        case = base / "news.example" / f"story-{n}"
        write(case / "page.html", page_html(n, f"Corpus {n}"))
        write_json(
            case / "page.json",
            {"url": f"https://news.example/story-{n}", "final_url": f"https://news.example/story-{n}",
             "status": 200, "headers": {}, "fetched_at": "2024-05-01T12:00:00+00:00"},
        )
        expected = {
            "url": f"https://news.example/story-{n}",
            "title": f"Corpus {n}",
            "paragraphs": story(n),
            "text": "\n\n".join(story(n)),
            "images": [{"url": "https://news.example/a.jpg", "caption": "A harbour", "credit": "AP", "alt": None}],
            "related": [{"url": "https://news.example/other", "title": "Other story"}],
        }
        write_json(case / "expected.json", expected)
    write(base / "news.example" / "unreviewed" / "page.html", page_html(5, "no expected.json"))
    return base


# --- loaders ------------------------------------------------------------------------------


def test_wcxb_loader_reads_the_published_layout(tmp_path: Path) -> None:
    base = make_wcxb(tmp_path)
    pages = loaders.load_wcxb(base)
    assert [p.id for p in pages] == ["0001", "0002", "0003"]
    # metadata.json decides the type over the ground truth's; "category" is "collection"
    assert [p.page_type for p in pages] == ["article", "article", "collection"]
    assert pages[2].html_path.name == "0003.html"  # plain file accepted too
    first = pages[0]
    assert first.url == "https://news.example/0001"
    assert first.text == "\n\n".join(story(0))
    assert first.author is None and pages[1].author == "Jane Roe"
    assert first.without_snippets == ("Subscribe to our newsletter",)
    assert loaders.read_page_bytes(first.html_path).startswith(b"<!doctype html>")
    assert [p.id for p in loaders.load_wcxb(base, page_type="collection")] == ["0003"]
    # the split folder itself works as the root as well
    assert len(loaders.load_wcxb(base / "dev")) == 3


def test_trafilatura_eval_loader_looks_in_cache_then_eval(tmp_path: Path) -> None:
    base = make_trafilatura_eval(tmp_path)
    pages = {p.id: p for p in loaders.load_trafilatura_eval(base)}
    assert sorted(pages) == ["a.html", "b.html", "c.html"]  # missing.html is left out
    assert pages["a.html"].html_path == base / "cache" / "a.html.gz"
    assert pages["b.html"].html_path == base / "eval" / "b.html"
    assert pages["c.html"].html_path == base / "cache" / "c.html"
    assert pages["a.html"].url == "https://blog.example/a.html"
    assert pages["b.html"].url is None  # "hard::b.html" is no URL
    assert pages["a.html"].without_snippets == ("All rights reserved",)


def test_readability_loader_reads_expected_text_and_metadata(tmp_path: Path) -> None:
    base = make_readability(tmp_path)
    for root in (base, base / "test-pages"):
        pages = loaders.load_readability(root)
        assert [p.id for p in pages] == ["case-0", "case-1", "case-2"]
    page = pages[1]
    assert page.text == "\n\n".join(story(1))
    assert page.title == "Case 1" and page.author == "By Jane Roe"
    assert page.url == loaders.READABILITY_TEST_URL


def test_scrapinghub_and_fundus_loaders(tmp_path: Path) -> None:
    hub = loaders.load_scrapinghub(make_scrapinghub(tmp_path))
    assert len(hub) == 3 and hub[0].text == "\n".join(story(0))
    assert hub[0].html_path.suffix == ".gz"
    fundus = loaders.load_fundus(make_fundus(tmp_path))
    assert [p.id for p in fundus] == ["xx/Herald_2024_05_01", "xx/Herald_2024_06_01", "xx/Post_2024_05_03"]
    # versions in name order (V1, V1_1) pair with the files in date order
    assert [p.title for p in fundus] == ["F 0", "F 1", "F 2"]
    assert [p.url for p in fundus] == ["https://herald.example/0", "https://herald.example/1?a=1&b=2",
                                       "https://post.example/2"]
    assert fundus[2].text == "\n\n".join(story(2))  # summary, then the section's paragraphs
    assert fundus[0].authors == ("Jane Roe",) and fundus[0].published == "2024-05-01 10:00:00+02:00"
    assert fundus[1].images == ({"caption": "Caption of picture 1 at the harbour", "authors": ["AP"],
                                 "is_cover": True},)


def test_fundus_loader_keeps_what_it_can_of_odd_records(tmp_path: Path) -> None:
    country = tmp_path / "fundus" / "xx"
    odd = {"title": "Odd", "body": {"summary": ["Lead."], "sections": ["not a section", {"paragraphs": ["Text."]}]},
           "images": ["not a picture", {"caption": ["not", "text"], "authors": None}]}
    write_json(country / "Odd.json", {"V1": odd})
    write_json(country / "List.json", ["not", "records"])
    write(country / "Odd_2024_01_01.html", page_html(0, "Odd"))
    write(country / "List_2024_01_01.html", page_html(1, "List"))
    [page] = loaders.load_fundus(tmp_path / "fundus")
    assert page.text == "Lead.\n\nText." and page.url is None  # no meta.info, no canonical link
    assert page.images == ({"caption": None, "authors": [], "is_cover": False},)


def test_corpus_loader_skips_unreviewed_and_missing(tmp_path: Path) -> None:
    pages = loaders.load_corpus(make_corpus(tmp_path))
    assert [p.id for p in pages] == ["news.example/story-0", "news.example/story-1", "news.example/story-2"]
    assert pages[0].fetched_at == "2024-05-01T12:00:00+00:00"
    assert pages[0].expected is not None and pages[0].expected["related"][0]["title"] == "Other story"
    assert loaders.load_corpus(tmp_path / "nowhere") == []


def test_decode_html_is_one_decoding_for_all() -> None:
    # a latin-1 declaration is read as windows-1252, as browsers do: 0x93/0x94 are quotes
    latin = b'<meta charset="iso-8859-1"><p>\x93caf\xe9\x94</p>'
    assert "\u201ccaf\u00e9\u201d" in loaders.decode_html(latin)
    # no declaration: UTF-8
    assert "Zürich" in loaders.decode_html("<p>Zürich</p>".encode())
    # a wrong declaration that cannot decode the bytes falls back to UTF-8
    assert "Zürich" in loaders.decode_html('<meta charset="ascii-nonsense"><p>Zürich</p>'.encode())
    assert loaders.decode_html(b"\xef\xbb\xbf<p>x</p>") == "<p>x</p>"


def test_html_to_text_separates_blocks() -> None:
    html = "<div><h2>Head</h2><p>One <b>bold</b></p><p>Two<br>three</p><script>var x;</script>tail</div>"
    assert loaders.html_to_text(html) == "Head\n\nOne bold\n\nTwo three\n\ntail"
    assert loaders.html_to_text("") == ""


def test_lxml_floor_parses_a_str_with_an_xml_declaration() -> None:
    floor = adapters.LxmlFloor()
    floor.setup()
    html = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Zürich</p><script>x()</script></body></html>'
    assert floor.output(floor.extract(html, None, None)).text == "Zürich"


# --- the runner on a misbehaving tool ---------------------------------------------------------


class MisbehavingAdapter(Adapter):
    """A tool whose behaviour the page asks for: crash, slow (Python), hang in "C", die."""

    name = "misbehaving"

    def extract(self, html: str | bytes, url: str | None, reference_time: datetime | None) -> Any:
        text = html if isinstance(html, str) else html.decode()
        if "boom" in text:
            raise ValueError("boom")
        if "slow" in text:
            time.sleep(30)  # interrupted by the child's SIGALRM
        if "hang" in text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # like a C loop
            time.sleep(30)
        if "die" in text:
            os._exit(3)
        return text

    def output(self, raw: Any) -> Output:
        return Output(text=raw)


def test_run_tool_survives_crashes_timeouts_and_dead_children(tmp_path: Path) -> None:
    names = ["ok", "boom", "slow", "hang", "die", "fine"]
    pages = [PageInput(name, str(write(tmp_path / f"{name}.html", f"<p>{name}</p>")), None) for name in names]
    started = time.monotonic()
    run = runner.run_tool(f"{__name__}:MisbehavingAdapter", pages, limit_s=0.5, grace_s=1.0)
    assert time.monotonic() - started < 25
    assert run.status == "ok"
    results = run.results
    assert results["ok"].error is None and results["ok"].output.text == "<p>ok</p>"
    assert results["boom"].error == "ValueError: boom" and not results["boom"].timed_out
    assert results["slow"].timed_out and results["slow"].error == "timeout"
    assert results["hang"].timed_out and results["hang"].error == "timeout (killed)"
    assert results["die"].error == "child died (exit code 3)"
    assert results["fine"].output.text == "<p>fine</p>"
    assert run.restarts == 2
    assert run.peak_rss_kib > 0


class DyingSetupAdapter(MisbehavingAdapter):
    def setup(self) -> None:
        os._exit(4)


def test_run_tool_reports_a_setup_failure(tmp_path: Path) -> None:
    pages = [PageInput("x", str(write(tmp_path / "x.html", "<p>x</p>")), None)]
    run = runner.run_tool("newsclean+ftr", pages)  # no --ftr folder given
    assert run.status == "setup failed: ValueError: newsclean+ftr needs --ftr DIR"
    assert run.results == {}
    # a child that dies while setting up is not restarted page after page
    run = runner.run_tool(f"{__name__}:DyingSetupAdapter", pages * 3)
    assert run.status == "setup failed: child exited with code 4"
    assert run.results == {} and run.restarts == 0


def test_resolve_tools_adds_rows_and_keeps_table_order() -> None:
    config = RunConfig(tools=["lxml", "newspaper4k", "newsclean"], rules_off=True, ftr=Path("x"))
    # newsclean's variants come right after it (they run back to back on the same engine)
    assert runner.resolve_tools(config) == ["newsclean", "newsclean-norules", "newsclean+ftr", "newspaper", "lxml"]


def test_peak_rss_is_the_childs_own(tmp_path: Path) -> None:
    # The parent holds 300 MiB; a child inheriting the parent's peak would report more.
    ballast = b"x" * (300 * 1024 * 1024)
    pages = [PageInput("p", str(write(tmp_path / "p.html", page_html(0, "T"))), None)]
    run = runner.run_tool("lxml", pages)
    assert run.status == "ok" and run.results["p"].error is None
    assert 0 < run.peak_rss_kib < 200 * 1024
    assert len(ballast) == 300 * 1024 * 1024


# --- whole runs -----------------------------------------------------------------------------------


def test_cli_smoke_run_on_every_layout(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_wcxb(data)
    make_trafilatura_eval(data)
    out = tmp_path / "results"
    command = [
        sys.executable, "-m", "benchmarks", "--data", str(data), "--out", str(out),
        "--readability", str(make_readability(tmp_path)),
        "--scrapinghub", str(make_scrapinghub(tmp_path)),
        "--fundus", str(make_fundus(tmp_path)),
        "--corpus", str(make_corpus(tmp_path)),
        "--tools", "newsclean,lxml,trafilatura", "--rules-off", "--timeout", "20",
    ]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads((out / "results.json").read_text())
    tools = {"newsclean", "newsclean-norules", "trafilatura", "lxml"}
    assert list(results["collections"]) == ["wcxb", "trafilatura-eval", "readability", "scrapinghub", "fundus"]
    for name, collection in results["collections"].items():
        assert collection["pages"] == 3, name
        assert set(collection["tools"]) == tools, name
        for tool, s in collection["tools"].items():
            assert s["pages"] == 3
            for key in ("f1", "precision", "recall"):
                assert 0.0 <= s[key] <= 1.0, (name, tool, key)
            assert isinstance(s["crashes"], int)
            assert s["median_cpu_ms"] is not None and s["peak_rss_mib"] > 0
            assert {"total_cpu_s", "ratio_trafilatura", "ratio_lxml"} <= set(s)
        floor = collection["tools"]["lxml"]
        if floor["total_cpu_s"]:
            assert floor["ratio_lxml"] == pytest.approx(1.0)
    fundus = results["collections"]["fundus"]["tools"]
    # the floor keeps every caption in its text: each of the three leaks
    assert fundus["lxml"]["leaked_strings"] == 3 and fundus["lxml"]["leak_candidates"] == 3
    assert fundus["trafilatura"]["caption_recall"] is None and not fundus["trafilatura"]["returns_article"]
    assert fundus["newsclean"]["caption_pages"] == 3 and fundus["newsclean"]["captions"]["total"] == 3
    assert fundus["newsclean"]["date_pages"] == 3 and fundus["newsclean"]["authors_pages"] == 3
    assert all("collapses" in s for s in fundus.values())
    wcxb = results["collections"]["wcxb"]["tools"]
    # newsclean says whose text each page kept; a peer has no such record
    opinion = wcxb["newsclean"]["second_opinion"]
    assert opinion["pages"] == 3 and 0 <= opinion["asked"] <= 3
    assert sum(opinion["text_from"].values()) == 3
    assert set(opinion["text_from"]) <= {"newsclean", "trafilatura", "json-ld"}
    assert "second_opinion" not in wcxb["lxml"]
    # the floor keeps every word: all of the story, plus the navigation and footer
    assert wcxb["lxml"]["recall"] == pytest.approx(1.0) and wcxb["lxml"]["precision"] < 1.0
    assert wcxb["lxml"]["snippets"] == {"with_found": 1.0, "with_total": 3, "without_found": 1.0, "without_total": 3}
    assert set(wcxb["lxml"]["by_page_type"]) == {"article", "collection"}
    traf_eval = results["collections"]["trafilatura-eval"]["tools"]["lxml"]
    assert traf_eval["tp"] + traf_eval["fn"] == 3 and traf_eval["fp"] + traf_eval["tn"] == 3
    assert set(results["metadata"]) == {"wcxb", "readability"}
    assert set(results["metadata"]["wcxb"]) == {"newsclean", "newsclean-norules", "trafilatura"}
    assert results["metadata"]["wcxb"]["trafilatura"]["title_pages"] == 2  # the two articles
    assert results["corpus"]["pages"] == 3
    assert set(results["corpus"]["rules"]) == {"built-in rules", "rules off"}
    for row in results["corpus"]["rules"].values():
        assert row["counts"]["related"]["expected"] == 3
        assert row["leakage"] is not None
    assert results["machine"]["cores"] and results["date"]
    pages = (out / "pages.jsonl").read_text().splitlines()
    assert len(pages) == 5 * 3 * len(tools)
    rows = [json.loads(line) for line in pages]
    assert {r["tool"] for r in rows if "text_source" in r} == {"newsclean", "newsclean-norules"}
    markdown = (out / "results.md").read_text()
    for heading in ("## WCXB (3 pages)", "F1 by page type", "Snippets found", "## Metadata: WCXB articles",
                    "## newsclean on its corpus (3 pages)", "## Fundus parser test pages (3 pages)"):
        assert heading in markdown
    assert "| newsclean-norules |" in markdown and done.stdout.startswith("# Extraction benchmark")
    assert "- newsclean-norules: second opinion asked on " in markdown


def test_missing_peer_is_reported_not_crashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(adapters.Goose, "installed", lambda self: False)
    config = RunConfig(
        data=tmp_path / "no-data",
        tools=["goose3", "lxml"],
        scrapinghub=make_scrapinghub(tmp_path),
        collections=["scrapinghub", "wcxb"],
        corpus=None,
        limit=1,
    )
    results = runner.run_benchmark(config, log=None)
    assert results["tools"]["goose3"]["status"] == "not installed"
    assert set(results["collections"]["scrapinghub"]["tools"]) == {"lxml"}
    assert results["collections"]["scrapinghub"]["pages"] == 1
    assert any(note.startswith("wcxb: not found") for note in results["notes"])
    markdown = render_markdown(results)
    assert "| goose3 |" in markdown and "not installed" in markdown
    paths = write_outputs(results, tmp_path / "out")
    assert json.loads(paths["json"].read_text())["tools"]["goose3"]["status"] == "not installed"


def _saved_keys(path: Path) -> set[str]:
    run = pickle.loads(path.read_bytes())
    assert isinstance(run, runner.ToolRun)
    return set(run.results)


def test_saved_run_over_more_pages_is_reused_for_a_subset_and_never_narrowed(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    sources: dict[str, Any] = {"scrapinghub": make_scrapinghub(tmp_path), "readability": make_readability(tmp_path)}

    def config(collections: list[str], reuse: frozenset[str] = frozenset()) -> RunConfig:
        return RunConfig(data=tmp_path / "no-data", tools=["lxml"], collections=collections, corpus=None,
                         runs=runs, reuse=reuse, **sources)

    both = runner.run_benchmark(config(["scrapinghub", "readability"]), log=None)
    every_key = _saved_keys(runs / "lxml.pickle")
    assert len(every_key) == 6
    subset = runner.run_benchmark(config(["scrapinghub"], frozenset({"lxml"})), log=None)
    assert subset["tools"]["lxml"].get("reused") is True
    scored = subset["collections"]["scrapinghub"]["tools"]["lxml"]
    assert scored["pages"] == 3
    assert scored["f1"] == both["collections"]["scrapinghub"]["tools"]["lxml"]["f1"]
    # Run again over the subset (no reuse): the saved run keeps the other collection's pages.
    rerun = runner.run_benchmark(config(["scrapinghub"]), log=None)
    assert "reused" not in rerun["tools"]["lxml"]
    assert _saved_keys(runs / "lxml.pickle") == every_key


def test_a_failed_run_does_not_replace_a_saved_one(tmp_path: Path) -> None:
    saved = runner.ToolRun("lxml", results={"a": runner.PageResult("a"), "b": runner.PageResult("b")})
    runner._save_run(tmp_path, saved)
    runner._save_run(tmp_path, runner.ToolRun("lxml", status="setup failed: boom"))
    assert _saved_keys(tmp_path / "lxml.pickle") == {"a", "b"}
    runner._save_run(tmp_path, runner.ToolRun("lxml", results={"c": runner.PageResult("c", error="x")}))
    merged = pickle.loads((tmp_path / "lxml.pickle").read_bytes())
    assert set(merged.results) == {"a", "b", "c"} and merged.results["c"].error == "x"


def test_reused_peer_needs_no_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = tmp_path / "runs"
    base: dict[str, Any] = dict(data=tmp_path / "no-data", scrapinghub=make_scrapinghub(tmp_path),
                                collections=["scrapinghub"], corpus=None, runs=runs)
    runner.run_benchmark(RunConfig(tools=["lxml"], **base), log=None)
    # goose3's saved run: the lxml run under its name (the scoring cares for the pages only)
    run = pickle.loads((runs / "lxml.pickle").read_bytes())
    run.tool = "goose3"
    (runs / "goose3.pickle").write_bytes(pickle.dumps(run))
    monkeypatch.setattr(adapters.Goose, "installed", lambda self: False)
    results = runner.run_benchmark(
        RunConfig(tools=["goose3"], reuse=frozenset({"goose3"}), **base), log=None
    )
    assert results["tools"]["goose3"]["status"] == "ok" and results["tools"]["goose3"]["reused"] is True
    assert results["collections"]["scrapinghub"]["tools"]["goose3"]["pages"] == 3
    # without --reuse it is still reported as missing
    results = runner.run_benchmark(RunConfig(tools=["goose3"], **base), log=None)
    assert results["tools"]["goose3"]["status"] == "not installed"


def test_ftr_row_uses_the_ftr_loader_when_present(tmp_path: Path) -> None:
    (tmp_path / "ftr").mkdir()
    config = RunConfig(
        data=tmp_path, tools=["lxml"], fundus=make_fundus(tmp_path), ftr=tmp_path / "ftr",
        collections=["fundus"], corpus=None, limit=1,
    )
    results = runner.run_benchmark(config, log=None)
    info = results["tools"]["newsclean+ftr"]
    try:
        available = importlib.util.find_spec("newsclean.rules.ftr") is not None
    except ModuleNotFoundError:
        available = False
    if available:
        assert info["status"] == "ok" and info["rule_count"] == 0  # an empty folder
        assert "newsclean+ftr" in results["collections"]["fundus"]["tools"]
    else:
        assert info["status"] == "newsclean.rules.ftr is not available"


@pytest.mark.shared_data
@pytest.mark.skipif(not (SHARED_DATA / "wcxb").is_dir(), reason="../shared/data is absent")
def test_smoke_run_on_shared_data(tmp_path: Path) -> None:
    config = RunConfig(data=SHARED_DATA, tools=["newsclean", "lxml"], corpus=None, limit=2,
                       collections=["wcxb", "trafilatura-eval"])
    results = runner.run_benchmark(config, log=None)
    for name in ("wcxb", "trafilatura-eval"):
        collection = results["collections"][name]
        assert collection["pages"] == 2
        assert collection["tools"]["lxml"]["crashes"] == 0
    # keeping every word of a real page finds most of the reference words
    assert results["collections"]["wcxb"]["tools"]["lxml"]["recall"] > 0.9
