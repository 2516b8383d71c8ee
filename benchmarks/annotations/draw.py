"""Draw the pages of the caption and related-link annotation set.

    python -m benchmarks.annotations.draw --data ../shared/data > benchmarks/annotations/sample.json

A fixed seed draws 400 WCXB dev articles and 240 pages of trafilatura's set, at most one
page per site, so the set spans 640 sites. The pages are taken in one shuffled order, so a
larger draw keeps every page of a smaller one: the set grew from 100 and 60 pages by
annotating the pages added, not by drawing again. Each site falls in the "tune" or the "hold"
half by a hash of its name: changes are tuned on one half and checked on the other.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..loaders import load_trafilatura_eval, load_wcxb

SEED = 20261204
WCXB_PAGES = 400
TRAFILATURA_PAGES = 240


def site_of(url: str | None) -> str:
    host = (urlsplit(url or "").hostname or "").lower()
    return host.removeprefix("www.")


def half_of(site: str) -> str:
    """A stable half per site: the first byte of the site name's sha256, even or odd."""
    return "tune" if hashlib.sha256(site.encode("utf-8")).digest()[0] % 2 == 0 else "hold"


def draw(data: Path) -> list[dict[str, str]]:
    rng = random.Random(SEED)
    chosen: list[dict[str, str]] = []
    sites: set[str] = set()
    wcxb = [p for p in load_wcxb(data / "wcxb") if p.page_type == "article"]
    traf = load_trafilatura_eval(data / "trafilatura-eval")
    for pages, wanted in ((wcxb, WCXB_PAGES), (traf, TRAFILATURA_PAGES)):
        order = list(pages)
        rng.shuffle(order)
        taken = 0
        for page in order:
            site = site_of(page.url)
            if not site or site in sites:
                continue
            sites.add(site)
            taken += 1
            path = page.html_path.relative_to(data).as_posix()
            chosen.append({
                "collection": page.collection, "id": page.id, "path": path, "url": page.url or "",
                "site": site, "half": half_of(site),
                "sha256": hashlib.sha256(page.html_path.read_bytes()).hexdigest(),
            })
            if taken == wanted:
                break
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.annotations.draw")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args(argv)
    json.dump(draw(args.data), sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
