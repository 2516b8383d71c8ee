"""Built-in site rules on real pages: every page of the evaluation data whose host has a
built-in rule, extracted with the rules on and off, scored both ways.

    python -m benchmarks.ruled_pages                 # the table, and the pages made worse
    python -m benchmarks.ruled_pages --write         # also rewrite the list of tested rules
    python -m benchmarks.ruled_pages --json out.json

A page is worse with its rule when any of these drops: the collection's text score (WCXB
and Fundus word F1, trafilatura's snippet F1 on that page), the truth where the page has
some (annotated related links and story pictures found, captions and credits
found), the
number of pictures and related links (a rule that returns fewer than the engine must be
right where the engine is wrong, which only truth can show), the title, authors and
date where the page's truth has them (Fundus, WCXB articles), or when more caption and
related-title strings leak into the text. Leak candidates are the truth's captions and
related titles and, on every page, the captions and related titles either run returned.

`--write` records, per rule file, the real pages it was run on
(`src/newsclean/rules/real_pages.json`): `newsclean rules list` reads it, and
tests/test_rules_real_pages.py runs each page both ways.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsclean import RuleSet, extract
from newsclean.errors import NewscleanError
from newsclean.rules import SiteRule, default_rules
from newsclean.rules.tested import REAL_PAGES_FILE
from newsclean.rules.tested import rule_key as builtin_key

from . import scorers
from .loaders import (
    FUNDUS_HTML,
    SHARED_DATA,
    Page,
    load_annotations,
    load_fundus,
    load_trafilatura_eval,
    load_wcxb,
    read_page_bytes,
)
from .runner import _reference_time

ANNOTATIONS = Path(__file__).resolve().parent / "annotations" / "pages"
REAL_PAGES = Path(__file__).resolve().parents[1] / "src" / "newsclean" / "rules" / REAL_PAGES_FILE
RULED_TYPES = frozenset({"article", "forum"})
"""The WCXB page types a site rule describes."""
TOLERANCE = 1e-9
"""Scores are equal within float noise."""


@dataclass(frozen=True, slots=True)
class Side:
    """One run (rules on or off) on one page."""

    text: float
    """The collection's text score; None-like -1.0 where it has none (annotations)."""
    pictures: int
    related: int
    leaked: int
    truth: dict[str, float] = field(default_factory=dict)
    """Scores against the page's truth, higher is better (related recall, pictures found,
    captions found)."""
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    collection: str
    id: str
    path: str
    """The page file under the data folder."""
    url: str | None
    rule: str
    """A built-in rule's file name without .toml (else its first domain)."""
    page_type: str | None
    """WCXB's page type."""
    on: Side
    off: Side

    def worse(self) -> list[str]:
        """What the rule makes worse on this page (empty: at least as good everywhere)."""
        on, off = self.on, self.off
        out: list[str] = []
        if on.error and not off.error:
            out.append(f"error {on.error}")
        if on.text < off.text - TOLERANCE:
            out.append(f"text {off.text:.3f}->{on.text:.3f}")
        for name, value in off.truth.items():
            if on.truth.get(name, 0.0) < value - TOLERANCE:
                out.append(f"{name} {value:.2f}->{on.truth.get(name, 0.0):.2f}")
        if on.pictures < off.pictures and "pictures_found" not in off.truth:
            out.append(f"pictures {off.pictures}->{on.pictures}")
        if on.related < off.related and "related_recall" not in off.truth:
            out.append(f"related {off.related}->{on.related}")
        if on.leaked > off.leaked:
            out.append(f"leaked {off.leaked}->{on.leaked}")
        return out


def load_pages(data: Path, annotations: Path = ANNOTATIONS) -> list[Page]:
    """Every article page of the four collections (those whose folder exists), a forum's
    thread counted as its article. Site rules describe a publisher's article pages;
    WCXB's section fronts, listings and service pages of the same hosts are left to the
    engine."""
    pages: list[Page] = []
    if (data / "wcxb").is_dir():
        pages += [page for page in load_wcxb(data / "wcxb") if page.page_type in RULED_TYPES]
    if (data / "trafilatura-eval").is_dir():
        pages += load_trafilatura_eval(data / "trafilatura-eval")
    if (data / "fundus").is_dir():
        pages += load_fundus(data / "fundus")
    if annotations.is_dir():
        pages += load_annotations(annotations, data)
    return pages


def rule_key(rule: SiteRule) -> str:
    return builtin_key(rule) or rule.domains[0]


def ruled_pages(pages: Iterable[Page], rules: RuleSet) -> list[tuple[Page, SiteRule]]:
    out: list[tuple[Page, SiteRule]] = []
    for page in pages:
        rule = rules.for_url(page.url)
        if rule is not None:
            out.append((page, rule))
    return out


def relative_path(page: Page, data: Path) -> str:
    try:
        return page.html_path.resolve().relative_to(data.resolve()).as_posix()
    except ValueError:
        return page.html_path.as_posix()


def _run(page: Page, data: bytes, rules: RuleSet | None) -> tuple[dict[str, Any], str | None]:
    try:
        article = extract(data, page.url, rules=rules,
                          reference_time=_reference_time(page.fetched_at))
    except NewscleanError as exc:
        return {"text": "", "images": [], "related": []}, type(exc).__name__
    record = article.to_dict()
    record["text"] = article.text
    return record, None


def _text_score(page: Page, text: str) -> float:
    if page.collection == "wcxb":
        return scorers.word_prf(text, page.text or "").f1
    if page.collection == "trafilatura-eval":
        return scorers.snippet_counts(text, page.with_snippets, page.without_snippets).f1
    if page.collection == "fundus":
        return scorers.cjk_word_prf(text, page.text or "").f1
    return -1.0


def _truth(page: Page, record: dict[str, Any], pictures: list[set[str]]) -> dict[str, float]:
    truth: dict[str, float] = {}
    if page.collection == "annotations" and page.expected:
        related = scorers.related_score(record["related"], page.expected, page.url)
        if related.recall is not None:
            truth["related_recall"] = related.recall
        story_pictures = scorers.story_picture_score(record["images"], page.expected, page.url)
        if story_pictures is not None:
            truth["pictures_found"] = float(story_pictures.hits)
        captions = scorers.annotation_caption_score(record["images"],
                                                    page.expected.get("images") or [])
        if captions.captions.total:
            truth["captions_found"] = float(captions.captions.hits)
            truth["credits_found"] = float(captions.credits.hits)
    if page.collection == "fundus":
        if scorers.normalise_label(page.title):
            truth["title"] = float(scorers.title_matches(record.get("title"), page.title))
        if page.authors:
            truth["authors_f1"] = scorers.author_set_f1(record.get("authors") or [],
                                                        page.authors)
        if scorers.calendar_day(page.published) is not None:
            truth["date"] = float(scorers.same_day_in_reference_zone(
                record.get("published"), page.published))
    if page.collection == "wcxb" and page.page_type in RULED_TYPES:
        if page.title:
            truth["title"] = float(scorers.title_matches(record.get("title"), page.title))
        if page.author:
            truth["author"] = float(scorers.author_agrees(record.get("authors") or [],
                                                          page.author))
        if page.published:
            truth["date"] = float(scorers.date_agrees(record.get("published"),
                                                      page.published))
    if page.collection == "fundus" and any(i.get("caption") for i in page.images):
        captions = scorers.fundus_caption_score(record["images"], page.images)
        truth["captions_found"] = float(captions.captions.hits)
        truth["credits_found"] = float(captions.credits.hits)
    if page.collection == "fundus" and pictures:
        returned = {_asset(str(image.get("url") or "")) for image in record["images"]}
        truth["pictures_found"] = float(sum(bool(keys & returned) for keys in pictures))
    return truth


def _asset(url: str) -> str:
    """What names one picture in all its sizes: the longest segment of its URL's path,
    without extension (a hash or an id; sizes and crops sit in the other segments)."""
    path = urlsplit(url).path
    segments = [segment.split(".")[0] for segment in path.split("/") if segment]
    return max(segments, key=len, default="")


def fundus_pictures(page: Page) -> list[set[str]]:
    """The Fundus record's pictures, each as the assets of its versions (sizes)."""
    match = FUNDUS_HTML.match(page.html_path.name)
    record_file = page.html_path.parent / f"{match.group('publisher')}.json" if match else None
    if record_file is None or not record_file.is_file():
        return []
    records = json.loads(record_file.read_text(encoding="utf-8"))
    htmls = sorted(p.name for p in page.html_path.parent.iterdir()
                   if (m := FUNDUS_HTML.match(p.name)) and m.group("publisher")
                   == match.group("publisher"))  # type: ignore[union-attr]
    versions = dict(zip(htmls, sorted(records), strict=False))
    record = records.get(versions.get(page.html_path.name, ""), {})
    out: list[set[str]] = []
    for image in record.get("images") or []:
        # Some records list the grey stand-in the page shows before its scripts run.
        assets = {_asset(str(v.get("url") or "")) for v in image.get("versions") or []
                  if "placeholder" not in str(v.get("url") or "")}
        assets.discard("")
        if assets:
            out.append(assets)
    return out


def _leak_candidates(page: Page, records: Sequence[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(candidates, story strings that are not leaks) for one page."""
    candidates: list[str] = []
    exclude: list[str] = []
    if page.collection == "annotations" and page.expected:
        candidates += scorers.annotation_leak_candidates(page.expected)
        exclude += page.expected.get("story_strings") or []
    if page.collection == "fundus":
        captions = [str(i["caption"]) for i in page.images if i.get("caption")]
        body = scorers.normalise_text(page.text or "")
        candidates += [c for c in captions if not scorers.appears_in(body, c)]
    for record in records:
        candidates += [str(i["caption"]) for i in record["images"] if i.get("caption")]
        candidates += [str(r["title"]) for r in record["related"] if r.get("title")]
    if page.collection in ("wcxb", "fundus") and page.text:
        # What the reference text holds is content there (a listing's headlines).
        exclude.append(page.text)
    return candidates, exclude


def compare(page: Page, rule: SiteRule, data: Path) -> Comparison:
    html = read_page_bytes(page.html_path)
    on, on_error = _run(page, html, RuleSet([rule]))
    off, off_error = _run(page, html, RuleSet())
    candidates, exclude = _leak_candidates(page, (on, off))
    pictures = fundus_pictures(page) if page.collection == "fundus" else []

    def side(record: dict[str, Any], error: str | None) -> Side:
        leaked, _ = scorers.leaked_strings(record["text"], candidates, exclude)
        return Side(text=_text_score(page, record["text"]), pictures=len(record["images"]),
                    related=len(record["related"]), leaked=len(leaked),
                    truth=_truth(page, record, pictures), error=error)

    return Comparison(page.collection, page.id, relative_path(page, data), page.url,
                      rule_key(rule), page.page_type if page.collection == "wcxb" else None,
                      side(on, on_error), side(off, off_error))


def real_pages(comparisons: Iterable[Comparison]) -> dict[str, list[dict[str, str | None]]]:
    """Rule file → the real pages it was run on (the data `rules list` and the test read)."""
    out: dict[str, list[dict[str, str | None]]] = {}
    seen: set[tuple[str, str]] = set()
    for item in comparisons:
        if (item.rule, item.path + item.collection) in seen:
            continue
        seen.add((item.rule, item.path + item.collection))
        out.setdefault(item.rule, []).append(
            {"collection": item.collection, "id": item.id, "path": item.path,
             "url": item.url or "", "page_type": item.page_type})
    return {rule: out[rule] for rule in sorted(out)}


def _format(item: Comparison) -> str:
    on, off = item.on, item.off
    text = f"{off.text:5.2f} {on.text:5.2f}" if on.text >= 0 else "    -     -"
    verdict = "; ".join(item.worse()) or "ok"
    return (f"{item.rule:28} {item.collection:16} {item.id[:34]:34} {text}  "
            f"pic {off.pictures:2}/{on.pictures:<2} rel {off.related:2}/{on.related:<2} "
            f"leak {off.leaked}/{on.leaked}  {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ruled_pages",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--write", action="store_true",
                        help=f"rewrite {REAL_PAGES.name} (rule file -> its real pages)")
    parser.add_argument("--json", type=Path, help="write every comparison as JSON")
    args = parser.parse_args(argv)
    rules = default_rules()
    pages = ruled_pages(load_pages(args.data), rules)
    if not pages:
        print(f"no page of {args.data} has a host with a built-in rule", file=sys.stderr)
        return 1
    comparisons = [compare(page, rule, args.data) for page, rule in pages]
    print(f"{'rule':28} {'collection':16} {'page':34}  off    on  (pictures, related, "
          "leaked: off/on)")
    for item in comparisons:
        print(_format(item))
    worse = [item for item in comparisons if item.worse()]
    tested = {item.rule for item in comparisons}
    print(f"\n{len(comparisons)} pages, {len(tested)} of {len(rules)} rules have a real page; "
          f"{len(worse)} pages worse with the rules on")
    for name, total in _sums(comparisons).items():
        print(f"  {name}: {total}")
    if args.json:
        args.json.write_text(json.dumps([asdict(item) | {"worse": item.worse()}
                                         for item in comparisons], indent=1))
    if args.write:
        REAL_PAGES.write_text(json.dumps(real_pages(comparisons), indent=1,
                                         ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {REAL_PAGES}")
    return 0


def _sums(comparisons: Sequence[Comparison]) -> dict[str, str]:
    def total(name: str, on: bool) -> float:
        return float(sum(getattr(item.on if on else item.off, name) for item in comparisons))

    out = {name: f"off {total(name, False):g}, on {total(name, True):g}"
           for name in ("pictures", "related", "leaked")}
    for collection in ("wcxb", "trafilatura-eval", "fundus"):
        items = [item for item in comparisons if item.collection == collection]
        if items:
            off = sum(item.off.text for item in items) / len(items)
            on = sum(item.on.text for item in items) / len(items)
            out[f"{collection} text ({len(items)} pages)"] = f"off {off:.3f}, on {on:.3f}"
    return out


if __name__ == "__main__":
    raise SystemExit(main())
