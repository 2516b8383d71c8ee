"""`python -m benchmarks.snapshot`: hash every extraction, to prove a change keeps behaviour.

    python -m benchmarks.snapshot --out results/hashes.json          # before a refactor
    python -m benchmarks.snapshot --check results/hashes.json        # after every commit

Every page of ../shared/data (WCXB, trafilatura's set, Fundus) and of corpus/ is
extracted with the built-in rules and with none, at a fixed reference time, and the
sha256 of `Article.to_json()` (or of the error's type and message) is recorded per page.
`--check` lists the pages whose hash changed and exits 1 when any did.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from .loaders import decode_html, load_corpus, load_trafilatura_eval, load_wcxb, read_page_bytes
from .runner import DEFAULT_CORPUS, DEFAULT_DATA

# A fixed "now", so relative ages ("1 hour ago") hash the same on every run.
REFERENCE_TIME = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)

Job = tuple[str, str, str | None, str | None]  # key, path, url, reference time (ISO)


def _fundus_jobs(root: Path) -> list[Job]:
    jobs: list[Job] = []
    for info in sorted(root.glob("*/meta.info")):
        meta = json.loads(info.read_text(encoding="utf-8"))
        for page in sorted(info.parent.glob("*.html.gz")):
            url = (meta.get(page.name) or {}).get("url")
            jobs.append((f"fundus/{page.parent.name}/{page.name}", str(page), url, None))
    return jobs


def collect_jobs(data: Path, corpus: Path) -> list[Job]:
    jobs: list[Job] = []
    if (data / "wcxb").is_dir():
        jobs += [(p.key, str(p.html_path), p.url, None) for p in load_wcxb(data / "wcxb")]
    if (data / "trafilatura-eval").is_dir():
        jobs += [(p.key, str(p.html_path), p.url, None)
                 for p in load_trafilatura_eval(data / "trafilatura-eval")]
    if (data / "fundus").is_dir():
        jobs += _fundus_jobs(data / "fundus")
    jobs += [(p.key, str(p.html_path), p.url, p.fetched_at) for p in load_corpus(corpus)]
    return jobs


def _digest(job: Job) -> tuple[str, dict[str, str]]:
    import newsclean
    from newsclean.rules import RuleSet

    key, path, url, fetched_at = job
    reference = datetime.fromisoformat(fetched_at) if fetched_at else REFERENCE_TIME
    html = decode_html(read_page_bytes(Path(path)))
    out: dict[str, str] = {}
    for name, rules in (("rules", None), ("norules", RuleSet())):
        try:
            text = newsclean.extract(html, url, rules=rules, reference_time=reference).to_json()
        except Exception as error:
            text = f"{type(error).__name__}: {error}"
        out[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return key, out


def snapshot(data: Path, corpus: Path, workers: int = 2) -> dict[str, dict[str, str]]:
    jobs = collect_jobs(data, corpus)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return dict(sorted(pool.map(_digest, jobs, chunksize=16)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.snapshot", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write the hashes here")
    group.add_argument("--check", type=Path, help="compare with hashes written before")
    args = parser.parse_args(argv)
    hashes = snapshot(args.data, args.corpus, args.workers)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(hashes, indent=0, sort_keys=True), encoding="utf-8")
        print(f"{len(hashes)} pages hashed -> {args.out}")
        return 0
    before: dict[str, dict[str, str]] = json.loads(args.check.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | hashes.keys() if before.get(k) != hashes.get(k))
    for key in changed:
        print(f"changed: {key}")
    print(f"{len(hashes)} pages, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
