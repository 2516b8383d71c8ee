"""`python -m benchmarks.fuzz`: extract mutated real pages and report what breaks.

    python -m benchmarks.fuzz --data ../shared/data --mutants 3000 --seed 1

Seeds are the repository's corpus/ pages plus, when the folder is there, pages of the
shared evaluation data. Each mutant is one seed page changed by one mutation (byte flips,
truncation, a duplicated run of tags, deep nesting, a huge attribute, control characters
and non-characters, odd date values, random JSON-LD, a splice of two pages, a declared
charset). Every mutant is extracted twice.

Fails (exit 1) on any exception that is not a NewscleanError, a warning, a result that
differs between the two runs or whose to_json() raises, or a page over MAX_CPU_SECONDS.
The mutation functions are shared with tests/test_poison_pills.py.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import newsclean
from newsclean.errors import NewscleanError

from .loaders import read_page_bytes

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_DATA = ROOT / ".." / "shared" / "data"
MAX_CPU_SECONDS = 5.0
"""A page that takes longer than this to extract is a failure."""
SLOWEST_SHOWN = 10
PROGRESS_EVERY = 250

Mutation = Callable[[bytes, random.Random, "Seeds"], bytes]


@dataclass(frozen=True, slots=True)
class Seed:
    name: str
    url: str | None
    path: Path | None = None
    data: bytes | None = None

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return read_page_bytes(self.path)


@dataclass(slots=True)
class Seeds:
    pages: list[Seed]
    scale: int = 1
    """Multiplies the size of inserted runs (the benchmark uses larger ones than tests)."""
    cache: dict[str, bytes] = field(default_factory=dict)

    def read(self, seed: Seed) -> bytes:
        data = self.cache.get(seed.name)
        if data is None:
            data = seed.read()
            if len(self.cache) > 64:
                self.cache.clear()
            self.cache[seed.name] = data
        return data


def corpus_seeds(corpus: Path = DEFAULT_CORPUS) -> list[Seed]:
    """The corpus pages, with the URL each was fetched from."""
    seeds = []
    for page in sorted(corpus.glob("*/*/page.html")):
        url = None
        meta = page.with_name("page.json")
        if meta.is_file():
            url = json.loads(meta.read_text(encoding="utf-8")).get("final_url")
        seeds.append(Seed(f"corpus/{page.parent.parent.name}/{page.parent.name}", url, page))
    return seeds


def data_seeds(data: Path) -> list[Seed]:
    """Every page file of the shared data (any collection); none when it is absent."""
    if not data.is_dir():
        return []
    found = []
    for path in sorted(data.rglob("*")):
        name = path.name
        if path.is_file() and (name.endswith((".html", ".html.gz", ".htm"))
                               or (path.parent.name in ("eval", "cache")
                                   and "trafilatura" in str(path))):
            found.append(Seed(str(path.relative_to(data)), None, path))
    return found


# --- mutations ---------------------------------------------------------------------------

_TAGS = (b"div", b"span", b"p", b"a", b"li", b"ul", b"table", b"tr", b"td", b"b", b"section",
         b"article", b"figure", b"time", b"h1", b"script", b"noscript", b"template", b"svg")
_ODD_CHARS = ("\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029",
              "\ufeff", "\ufffe", "\uffff", "\U0010ffff", "\u200b", "\u202e", "\ufdd0", "&#0;",
              "&#xd800;", "&#x110000;", "&#99999999999;", "&nbsp", "&", "<", "]]>", "<!--",
              "<![CDATA[", "\r", "\xa0")
_ZONES = ("CET", "CEST", "EST", "PDT", "IST", "CST", "XYZ", "Z", "UTC", "GMT+3", "ET", "")


def _position(page: bytes, rng: random.Random) -> int:
    return rng.randrange(len(page) + 1)


def _insert(page: bytes, rng: random.Random, piece: bytes) -> bytes:
    at = _position(page, rng)
    return page[:at] + piece + page[at:]


def flip_bytes(page: bytes, rng: random.Random, seeds: Seeds) -> bytes:
    data = bytearray(page)
    for _ in range(rng.randint(1, 32)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def truncate(page: bytes, rng: random.Random, seeds: Seeds) -> bytes:
    return page[:_position(page, rng)]


def duplicate_tags(page: bytes, rng: random.Random, seeds: Seeds) -> bytes:
    starts = [match.start() for match in re.finditer(rb"<[a-zA-Z]", page)]
    if not starts:
        return page
    start = rng.choice(starts)
    piece = page[start:start + rng.randint(10, 3000)]
    return page[:start] + piece * rng.randint(2, 300 * seeds.scale) + page[start:]


def deep_nesting(page: bytes, rng: random.Random, seeds: Seeds) -> bytes:
    tag = rng.choice(_TAGS)
    depth = rng.randint(100, 5000 * seeds.scale)
    opened = b"<" + tag + b">"
    closed = b"</" + tag + b">" if rng.random() < 0.5 else b""
    return _insert(page, rng, opened * depth + b"text" + closed * depth)


def huge_attribute(page: bytes, rng: random.Random, seeds: Seeds) -> bytes:
    name = rng.choice((b"class", b"style", b"data-x", b"href", b"src", b"srcset", b"title"))
    size = rng.randint(1000, 200_000 * seeds.scale)
    value = rng.choice((b"a", b"a ", b"x,", b"\\\"", b"&amp;"))
    tag = rng.choice(_TAGS)
    return _insert(page, rng, b"<" + tag + b" " + name + b'="' + value * (size // len(value))
                   + b'">x</' + tag + b">")


def odd_characters(page: bytes, rng: random.Random, seeds: Seeds) -> bytes:
    for _ in range(rng.randint(1, 50)):
        char = rng.choice(_ODD_CHARS) * rng.randint(1, 20)
        page = _insert(page, rng, char.encode("utf-8", "surrogatepass"))
    if rng.random() < 0.2:
        page = _insert(page, rng, b"\xed\xa0\x80\xff\xfe\xc0\x80")  # lone surrogate, bad UTF-8
    return page


def random_date(rng: random.Random) -> str:
    """A date value as pages write them, often broken: offsets of a day or more, years
    out of range, unknown zone names, ages of absurd size, plain noise."""
    year = rng.choice((rng.randint(1, 9999), rng.randint(1900, 2030), 0, 10_000, 99_999))
    month, day = rng.randint(0, 13), rng.randint(0, 32)
    hour, minute = rng.randint(0, 25), rng.randint(0, 61)
    sign = rng.choice("+-")
    offset = f"{sign}{rng.randint(0, 99):02d}:{rng.randint(0, 99):02d}"
    forms = (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00{offset}",
        f"{year}-{month}-{day} {hour}:{minute} {rng.choice(_ZONES)}",
        f"Thu, {day:02d} Dec {year} {hour:02d}:{minute:02d}:17 {offset.replace(':', '')}",
        f"{day} {rng.choice(('December', 'Dez', 'mars', 'Foo'))} {year} {rng.choice(_ZONES)}",
        f"{rng.randint(0, 10 ** rng.randint(1, 30))} {rng.choice(('years', 'days', 'h'))} ago",
        str(rng.randint(0, 10 ** 15)),
        "".join(rng.choice("0123456789-:+TZ ./") for _ in range(rng.randint(0, 40))),
    )
    return rng.choice(forms)


def date_values(page: bytes, rng: random.Random, seeds: Seeds) -> bytes:
    value = random_date(rng).encode()
    piece = rng.choice((
        b"<meta property='article:published_time' content='" + value + b"'>",
        b"<meta name='article:modified_time' content='" + value + b"'>",
        b"<meta name='w-published-date' content='" + value + b"'>",
        b"<time datetime='" + value + b"'>" + value + b"</time>",
        b"<p class='date'>Published " + value + b"</p>",
        b"<li><a href='/x'><h3>A related story headline</h3></a><span>" + value + b"</span></li>",
        b"<script>{\"datePublished\":\"" + value + b"\"}</script>",
    ))
    return _insert(page, rng, piece)


def random_json(rng: random.Random, depth: int = 0) -> object:
    """Random JSON shaped a little like JSON-LD: objects with @type, dates, authors."""
    if depth > 6 or rng.random() < 0.3:
        return rng.choice((None, True, 0, -1.5e308, "x" * rng.randint(0, 50), random_date(rng),
                           "NewsArticle", [], {}))
    if rng.random() < 0.4:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    keys = ("@type", "@graph", "datePublished", "dateModified", "author", "name", "headline",
            "publisher", "keywords", "mainEntity", "itemListElement", "creator", "image")
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randint(0, 6))}


def json_ld(page: bytes, rng: random.Random, seeds: Seeds) -> bytes:
    if rng.random() < 0.2:
        depth = rng.randint(50, 3000)
        text = rng.choice(("[", '{"@graph":', '{"a":[')) * depth
    else:
        data = random_json(rng)
        if isinstance(data, dict) and rng.random() < 0.7:
            data["@type"] = rng.choice(("NewsArticle", ["Article", 3], "WebPage", None))
        text = json.dumps(data)
        if rng.random() < 0.3:
            text = text[:_position(text.encode(), rng)]
    return _insert(page, rng, b'<script type="application/ld+json">'
                   + text.encode("utf-8", "replace") + b"</script>")


def splice(page: bytes, rng: random.Random, seeds: Seeds) -> bytes:
    other = seeds.read(rng.choice(seeds.pages))
    return page[:_position(page, rng)] + other[_position(other, rng):]


def charset(page: bytes, rng: random.Random, seeds: Seeds) -> bytes:
    name = rng.choice((b"utf-16", b"shift_jis", b"x-bogus", b"utf-7", b"iso-2022-jp", b"gb18030",
                       b"", b"utf-8" * 200))
    prefix = rng.choice((b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    return prefix + b"<meta charset='" + name + b"'>" + page


MUTATIONS: dict[str, Mutation] = {
    "flip_bytes": flip_bytes, "truncate": truncate, "duplicate_tags": duplicate_tags,
    "deep_nesting": deep_nesting, "huge_attribute": huge_attribute,
    "odd_characters": odd_characters, "date_values": date_values, "json_ld": json_ld,
    "splice": splice, "charset": charset,
}


def mutants(seeds: Seeds, count: int, seed: int) -> list[tuple[int, Seed, str, random.Random]]:
    """What to build, in a fixed order for a given seed: (index, page, mutation, rng)."""
    rng = random.Random(seed)
    names = sorted(MUTATIONS)
    plan = []
    for index in range(count):
        plan.append((index, rng.choice(seeds.pages), names[index % len(names)],
                     random.Random(rng.getrandbits(64))))
    return plan


def build(seeds: Seeds, seed: Seed, mutation: str, rng: random.Random) -> bytes:
    return MUTATIONS[mutation](seeds.read(seed), rng, seeds)


@dataclass(slots=True)
class Outcome:
    result: str | None = None
    """The to_json() of the article, or None when extraction raised."""
    error: BaseException | None = None
    typed: bool = False
    """The error is a NewscleanError (an allowed outcome)."""
    warnings: list[str] = field(default_factory=list)
    cpu: float = 0.0


def run_once(data: bytes, url: str | None) -> Outcome:
    outcome = Outcome()
    start = time.process_time()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            outcome.result = newsclean.extract(data, url).to_json()
        except NewscleanError as error:
            outcome.error, outcome.typed = error, True
        except Exception as error:  # the point is to see every kind
            outcome.error = error
    outcome.cpu = time.process_time() - start
    outcome.warnings = [f"{w.category.__name__}: {w.message}" for w in caught]
    return outcome


def check(data: bytes, url: str | None) -> tuple[Outcome, list[str]]:
    """Extract twice; the problems found (empty when the page passes, timing aside)."""
    first = run_once(data, url)
    problems = []
    if first.error is not None and not first.typed:
        problems.append(f"{type(first.error).__name__}: {str(first.error)[:200]}")
    problems.extend(first.warnings)
    if first.error is None or first.typed:
        second = run_once(data, url)
        if (second.result, type(second.error)) != (first.result, type(first.error)):
            problems.append("different result on a second run")
    return first, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mutants", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=int, default=4,
                        help="size multiplier of inserted runs (default 4)")
    parser.add_argument("--save", type=Path, default=None,
                        help="write each failing mutant here, to reproduce it")
    args = parser.parse_args(argv)

    seeds = Seeds(corpus_seeds(args.corpus) + data_seeds(args.data), scale=args.scale)
    if not seeds.pages:
        print("no seed pages found", file=sys.stderr)
        return 2
    outcomes: Counter[str] = Counter()
    failures: list[tuple[str, str, str]] = []
    timings: list[tuple[float, str, str, int]] = []
    started = time.monotonic()
    for index, page, mutation, rng in mutants(seeds, args.mutants, args.seed):
        data = build(seeds, page, mutation, rng)
        outcome, problems = check(data, page.url)
        label = f"#{index} {mutation} of {page.name}"
        timings.append((outcome.cpu, label, mutation, len(data)))
        if outcome.cpu > MAX_CPU_SECONDS:
            problems.append(f"{outcome.cpu:.1f} s CPU")
        if outcome.error is None:
            outcomes["ok"] += 1
        else:
            outcomes[("typed " if outcome.typed else "UNTYPED ") + type(outcome.error).__name__] += 1
        for problem in problems:
            failures.append((label, mutation, problem))
        if (index + 1) % PROGRESS_EVERY == 0:
            print(f"... {index + 1} mutants, {len(failures)} failures", file=sys.stderr,
                  flush=True)
        if problems and args.save is not None:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"mutant-{args.seed}-{index}.html").write_bytes(data)
    elapsed = time.monotonic() - started

    print(f"{args.mutants} mutants of {len(seeds.pages)} seed pages, seed {args.seed}, "
          f"scale {args.scale}, {elapsed:.0f} s")
    print("outcomes:", ", ".join(f"{name} {count}" for name, count in outcomes.most_common()))
    cpu_total = sum(t[0] for t in timings)
    print(f"CPU: {cpu_total:.1f} s in all, mean {cpu_total / max(1, len(timings)):.3f} s")
    print(f"slowest {SLOWEST_SHOWN}:")
    for cpu, label, _mutation, size in sorted(timings, reverse=True)[:SLOWEST_SHOWN]:
        print(f"  {cpu:7.3f} s  {size / 1e6:7.2f} MB  {label}")
    by_kind = Counter(problem.split(":")[0] for _label, _mutation, problem in failures)
    print(f"failures: {len(failures)}", dict(by_kind) if by_kind else "")
    for label, _mutation, problem in failures[:30]:
        print(f"  {label}: {problem}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
