"""Loaders for the evaluation collections, each in the layout it is published in.

Every loader takes the folder a user downloaded and returns `Page`s sorted by id, so
`--limit N` always picks the same first N pages. Nothing is downloaded. Page bytes are
not read here: a page names its file, and the tool's own child process reads it.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

# The URL Mozilla's Readability test suite gives its test pages.
READABILITY_TEST_URL = "http://fakehost/test/page.html"


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a collection and its ground truth (the fields its metric needs)."""

    collection: str
    id: str
    html_path: Path
    url: str | None = None
    page_type: str | None = None
    text: str | None = None
    """Reference text (WCXB main_content, Readability expected.html, ScrapingHub articleBody)."""
    paragraphs: tuple[str, ...] = ()
    """Reference paragraphs (Fundus body): the summary-level units of ROUGE-LSum."""
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    title: str | None = None
    author: str | None = None
    published: str | None = None
    fetched_at: str | None = None
    """Corpus pages: when the page was fetched (the extraction's reference_time)."""
    expected: dict[str, Any] | None = field(default=None, compare=False)
    """Corpus pages: the expected Article.to_dict()."""

    @property
    def key(self) -> str:
        return f"{self.collection}/{self.id}"


# --- reading page bytes ----------------------------------------------------------------


def read_page_bytes(path: Path) -> bytes:
    """The page as served: gunzipped when the file is gzip (by its magic bytes)."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        return gzip.decompress(data)
    return data


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Browsers read these labels as windows-1252; so do we.
_AS_CP1252 = {"iso-8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "iso8859-1"}


def decode_html(data: bytes) -> str:
    """Decode page bytes the one way every peer receives them.

    BOM, then a `<meta charset>` declaration that really decodes the bytes, then UTF-8,
    then charset-normalizer's guess, then windows-1252 with replacement characters.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    declared: str | None = None
    match = _META_CHARSET.search(data[:4096])
    if match:
        label = match.group(1).decode("ascii", "ignore").lower()
        label = "cp1252" if label in _AS_CP1252 else label
        try:
            declared = codecs.lookup(label).name
        except LookupError:
            declared = None
    for candidate in (declared, "utf-8"):
        if candidate:
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except Exception:  # a guesser failing is no reason to lose the page
        pass
    return data.decode(declared or "cp1252", errors="replace")


# --- HTML to text (Readability's expected.html, readability-lxml's output) -------------

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment, one paragraph per block element.

    Block boundaries become blank lines so words of adjacent blocks never run together.
    """
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    skipping = 0
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SKIP_TAGS:
                skipping += 1
            if skipping:
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")
            if element.text and isinstance(element.tag, str):
                parts.append(element.text)
        else:
            if tag in _SKIP_TAGS:
                skipping -= 1
            if skipping:
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            if element.tail and element is not root:
                parts.append(element.tail)
    blocks = re.split(r"\n\s*\n", "".join(parts))
    cleaned = (" ".join(block.split()) for block in blocks)
    return "\n\n".join(block for block in cleaned if block)


# --- the collections -------------------------------------------------------------------


def _first_existing(candidates: list[Path]) -> Path | None:
    return next((path for path in candidates if path.is_file()), None)


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # a few ground truths list several authors
        value = ", ".join(str(item) for item in value if item)
    text = str(value).strip()
    return text or None


def _page_type(value: Any) -> str | None:
    if not value:
        return None
    kind = str(value).strip().lower()
    return "collection" if kind == "category" else kind


def load_wcxb(root: Path, page_type: str | None = None) -> list[Page]:
    """WCXB: `metadata.json` + `<split>/html/<id>.html.gz` + `<split>/ground-truth/<id>.json`.

    `root` may be the collection folder (every split found is read) or one split folder.
    The page type comes from metadata.json, else from the ground truth; "category" counts
    as "collection". `page_type` keeps only pages of that type.
    """
    root = Path(root)
    meta_file = _first_existing([root / "metadata.json", root.parent / "metadata.json"])
    files: dict[str, Any] = _read_json(meta_file).get("files", {}) if meta_file else {}
    if (root / "ground-truth").is_dir():
        splits = [root]
    else:
        splits = sorted(p for p in root.iterdir() if (p / "ground-truth").is_dir())
    pages: list[Page] = []
    for split in splits:
        for truth_file in sorted((split / "ground-truth").glob("*.json")):
            page_id = truth_file.stem
            html = _first_existing(
                [split / "html" / f"{page_id}.html.gz", split / "html" / f"{page_id}.html"]
            )
            if html is None:
                continue
            doc = _read_json(truth_file)
            truth = doc.get("ground_truth") or {}
            internal = (doc.get("_internal") or {}).get("page_type") or {}
            kind = _page_type((files.get(page_id) or {}).get("page_type") or internal.get("primary"))
            if page_type and kind != _page_type(page_type):
                continue
            pages.append(
                Page(
                    collection="wcxb",
                    id=page_id,
                    html_path=html,
                    url=doc.get("url"),
                    page_type=kind,
                    text=truth.get("main_content") or "",
                    with_snippets=tuple(truth.get("with") or ()),
                    without_snippets=tuple(truth.get("without") or ()),
                    title=_str_or_none(truth.get("title")),
                    author=_str_or_none(truth.get("author")),
                    published=_str_or_none(truth.get("publish_date")),
                )
            )
    return pages


def load_trafilatura_eval(root: Path) -> list[Page]:
    """trafilatura's evaluation set: `evaldata.json` + pages in `cache/` or `eval/`.

    A page file may be stored as named or gzipped (`<name>.gz`); `cache/` is looked in
    first. Entries whose file is in neither folder are left out.
    """
    root = Path(root)
    data: dict[str, Any] = _read_json(root / "evaldata.json")
    pages: list[Page] = []
    for key, entry in data.items():
        name = entry["file"]
        html = _first_existing(
            [root / folder / f"{name}{suffix}" for folder in ("cache", "eval") for suffix in ("", ".gz")]
        )
        if html is None:
            continue
        pages.append(
            Page(
                collection="trafilatura-eval",
                id=name,
                html_path=html,
                url=key if key.startswith(("http://", "https://")) else None,
                with_snippets=tuple(entry.get("with") or ()),
                without_snippets=tuple(entry.get("without") or ()),
            )
        )
    return sorted(pages, key=lambda page: page.id)


def load_readability(root: Path) -> list[Page]:
    """Mozilla Readability's test pages: `test-pages/<name>/{source.html, expected.html,
    expected-metadata.json}`. `root` may be the repository or its test-pages folder."""
    root = Path(root)
    folder = root / "test-pages" if (root / "test-pages").is_dir() else root
    pages: list[Page] = []
    for case in sorted(p for p in folder.iterdir() if p.is_dir()):
        source = _first_existing([case / "source.html", case / "source.html.gz"])
        expected = _first_existing([case / "expected.html", case / "expected.html.gz"])
        if source is None or expected is None:
            continue
        meta_file = case / "expected-metadata.json"
        meta: dict[str, Any] = _read_json(meta_file) if meta_file.is_file() else {}
        pages.append(
            Page(
                collection="readability",
                id=case.name,
                html_path=source,
                url=READABILITY_TEST_URL,
                text=html_to_text(decode_html(read_page_bytes(expected))),
                title=_str_or_none(meta.get("title")),
                author=_str_or_none(meta.get("byline")),
                published=_str_or_none(meta.get("publishedTime")),
            )
        )
    return pages


def load_scrapinghub(root: Path) -> list[Page]:
    """ScrapingHub article-extraction-benchmark: `ground-truth.json` + `html/<id>.html.gz`."""
    root = Path(root)
    data: dict[str, Any] = _read_json(root / "ground-truth.json")
    pages: list[Page] = []
    for page_id, entry in sorted(data.items()):
        html = _first_existing([root / "html" / f"{page_id}.html.gz", root / "html" / f"{page_id}.html"])
        if html is None:
            continue
        pages.append(
            Page(
                collection="scrapinghub",
                id=page_id,
                html_path=html,
                url=entry.get("url"),
                text=entry.get("articleBody") or "",
            )
        )
    return pages


def load_fundus(root: Path) -> list[Page]:
    """Fundus evaluation: `ground_truth.json` (`body` = paragraphs) + `html/<id>.html[.gz]`."""
    root = Path(root)
    data: dict[str, Any] = _read_json(root / "ground_truth.json")
    pages: list[Page] = []
    for page_id, entry in sorted(data.items()):
        html = _first_existing([root / "html" / f"{page_id}.html", root / "html" / f"{page_id}.html.gz"])
        if html is None:
            continue
        body = entry.get("body") or []
        paragraphs = tuple(body.split("\n")) if isinstance(body, str) else tuple(map(str, body))
        paragraphs = tuple(p for p in paragraphs if p.strip())
        pages.append(
            Page(
                collection="fundus",
                id=page_id,
                html_path=html,
                url=entry.get("url"),
                text="\n\n".join(paragraphs),
                paragraphs=paragraphs,
            )
        )
    return pages


def load_corpus(root: Path) -> list[Page]:
    """The project's corpus: `<host>/<slug>/{page.html, page.json, expected.json}`.

    A missing or empty folder is no corpus; a page without expected.json is not yet
    reviewed and is left out.
    """
    root = Path(root)
    if not root.is_dir():
        return []
    pages: list[Page] = []
    for expected_file in sorted(root.glob("*/*/expected.json")):
        case = expected_file.parent
        html = case / "page.html"
        if not html.is_file():
            continue
        try:
            expected = _read_json(expected_file)
            meta: dict[str, Any] = _read_json(case / "page.json") if (case / "page.json").is_file() else {}
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        pages.append(
            Page(
                collection="corpus",
                id=f"{case.parent.name}/{case.name}",
                html_path=html,
                url=meta.get("final_url") or meta.get("url") or expected.get("url"),
                text=expected.get("text") or "\n\n".join(expected.get("paragraphs") or []),
                title=_str_or_none(expected.get("title")),
                fetched_at=meta.get("fetched_at"),
                expected=expected,
            )
        )
    return pages


@dataclass(frozen=True, slots=True)
class Collection:
    """A collection: how to load it, which metric scores it, and how to describe it."""

    name: str
    title: str
    metric: str
    loader: Callable[[Path], list[Page]]


COLLECTIONS: dict[str, Collection] = {
    c.name: c
    for c in (
        Collection("wcxb", "WCXB", "word-f1", load_wcxb),
        Collection("trafilatura-eval", "trafilatura evaluation set", "snippet-f1", load_trafilatura_eval),
        Collection("readability", "Mozilla Readability test pages", "word-f1", load_readability),
        Collection("scrapinghub", "ScrapingHub article-extraction-benchmark", "shingle-f1", load_scrapinghub),
        Collection("fundus", "Fundus evaluation", "rouge-lsum", load_fundus),
    )
}
