"""`python -m benchmarks`: run the extraction benchmark and write results/.

    python -m benchmarks --data ../shared/data --out results/
    python -m benchmarks --limit 5 --tools newsclean,trafilatura,lxml
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from newsclean import Settings, SettingsError

from .adapters import ALIASES, DEFAULT_TOOLS
from .loaders import COLLECTIONS
from .report import write_outputs
from .runner import DEFAULT_CORPUS, DEFAULT_DATA, RunConfig, run_benchmark


def _names(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _settings(value: str) -> str:
    """Checked here, so a misspelt key stops the run before any tool starts."""
    try:
        Settings.parse(value)
    except SettingsError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure newsclean and its peers on the same pages, each collection "
        "with its own published metric. Nothing is downloaded: collections are folders.",
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder holding wcxb/, trafilatura-eval/ and fundus/ (default: ../shared/data)")
    parser.add_argument("--out", type=Path, default=Path("results"),
                        help="where results.json, results.md and pages.jsonl go (default: results/)")
    parser.add_argument("--tools", type=_names, default=None,
                        help=f"comma-separated (default: all: {','.join(DEFAULT_TOOLS)}); "
                        f"also newsclean-norules, newsclean+ftr; aliases {', '.join(ALIASES)}")
    parser.add_argument("--collections", type=_names, default=None,
                        help=f"comma-separated subset of {','.join(COLLECTIONS)} (default: all found)")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each collection")
    parser.add_argument("--page-type", default=None,
                        help="WCXB: keep only this page type (article, forum, product, ...)")
    parser.add_argument("--readability", type=Path, default=None,
                        help="Mozilla Readability checkout (or its test-pages/ folder)")
    parser.add_argument("--scrapinghub", type=Path, default=None,
                        help="article-extraction-benchmark folder (ground-truth.json + html/)")
    parser.add_argument("--fundus", type=Path, default=None,
                        help="Fundus parser test pages (<country>/<Publisher>.json, "
                        "<Publisher>_<date>.html.gz, meta.info; default: DATA/fundus)")
    parser.add_argument("--annotations", type=Path, default=None,
                        help="caption and related-link annotation files, page paths relative to "
                        "--data (default: benchmarks/annotations/pages)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="newsclean's corpus for caption/related-link metrics (default: corpus/)")
    parser.add_argument("--rules-off", action="store_true",
                        help="add a row for newsclean with no site rules (RuleSet())")
    parser.add_argument("--ftr", type=Path, default=None,
                        help="Full-Text RSS site-config folder: add a row newsclean+ftr using only those rules")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="per-page limit in seconds; past it the page counts as a crash (default 30)")
    parser.add_argument("--settings", type=_settings, default=None, metavar="KEY=VALUE[,KEY=VALUE]",
                        help="newsclean.Settings overrides for the newsclean rows (a threshold sweep)")
    parser.add_argument("--runs", type=Path, default=None,
                        help="save each tool's run here (<tool>.pickle), merged into the run "
                        "saved there: the pages run now replace theirs, the others are kept")
    parser.add_argument("--reuse", type=_names, default=None,
                        help="comma-separated tools whose run saved in --runs is scored instead of "
                        "run again when it covers every page asked for (the tool need not be installed)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    shown = sys.argv[1:] if argv is None else argv
    config = RunConfig(
        data=args.data,
        out=args.out,
        tools=args.tools,
        collections=args.collections,
        limit=args.limit,
        page_type=args.page_type,
        readability=args.readability,
        scrapinghub=args.scrapinghub,
        fundus=args.fundus,
        annotations=args.annotations,
        corpus=args.corpus,
        rules_off=args.rules_off,
        ftr=args.ftr,
        timeout_s=args.timeout,
        settings=args.settings,
        runs=args.runs,
        reuse=frozenset(args.reuse or ()),
        command=shlex.join(["python", "-m", "benchmarks", *shown]),
    )
    results = run_benchmark(config)
    paths = write_outputs(results, args.out)
    print(paths["markdown"].read_text(encoding="utf-8"))
    print(f"wrote {paths['json']}, {paths['markdown']}, {paths['pages']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
