"""Loaders for the evaluation collections, each in the layout it is published in.

Every loader takes the folder a user downloaded and returns `Page`s sorted by id, so
`--limit N` always picks the same first N pages. Nothing is downloaded. Page bytes are
not read here: a page names its file, and the tool's own child process reads it.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape as html_unescape
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
    """Reference paragraphs: the summary-level units of ROUGE-LSum."""
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    title: str | None = None
    author: str | None = None
    authors: tuple[str, ...] = ()
    """Fundus: the record's authors, one name each."""
    images: tuple[dict[str, Any], ...] = field(default=(), compare=False)
    """Fundus: the record's pictures (caption, authors as credit names, is_cover)."""
    published: str | None = None
    fetched_at: str | None = None
    """Corpus pages: when the page was fetched (the extraction's reference_time)."""
    expected: dict[str, Any] | None = field(default=None, compare=False)
    """Corpus pages: the expected Article.to_dict(); annotation pages: the annotation."""

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


_CANONICAL = re.compile(
    rb"""<link\b(?=[^>]*\brel\s*=\s*["']?canonical)[^>]*\bhref\s*=\s*["']([^"']+)""", re.I
)
FUNDUS_HTML = re.compile(r"^(?P<publisher>.+)_(?P<date>\d{4}_\d{2}_\d{2})\.html(?:\.gz)?$")


def canonical_link(path: Path) -> str | None:
    """The page's `<link rel="canonical">` URL, if it has one."""
    try:
        match = _CANONICAL.search(read_page_bytes(path))
    except OSError:
        return None
    if match is None:
        return None
    return html_unescape(match.group(1).decode("utf-8", "replace")).strip() or None


def fundus_body(body: Any) -> str:
    """A Fundus record's body as one text: summary, then each section's headlines and
    paragraphs, one block per line of the record."""
    if not isinstance(body, dict):
        return ""
    blocks: list[str] = [str(line) for line in body.get("summary") or []]
    for section in body.get("sections") or []:
        if not isinstance(section, dict):
            continue
        blocks += [str(line) for line in section.get("headline") or []]
        blocks += [str(line) for line in section.get("paragraphs") or []]
    return "\n\n".join(block.strip() for block in blocks if block and block.strip())


def _fundus_image(image: Any) -> dict[str, Any] | None:
    if not isinstance(image, dict):
        return None
    caption = image.get("caption")
    return {
        "caption": caption.strip() or None if isinstance(caption, str) else None,
        "authors": [str(a).strip() for a in image.get("authors") or [] if str(a).strip()],
        "is_cover": bool(image.get("is_cover")),
    }


def load_fundus(root: Path) -> list[Page]:
    """Fundus parser test pages: `<country>/<Publisher>.json` holds one record per parser
    version; versions in name order pair with `<Publisher>_<date>.html.gz` in date order.
    `<country>/meta.info` gives each page's URL; a page without one uses its canonical
    link. Page ids are `<country>/<Publisher>_<date>`.
    """
    root = Path(root)
    pages: list[Page] = []
    for country in sorted(p for p in root.iterdir() if p.is_dir()):
        meta_file = country / "meta.info"
        meta: dict[str, Any] = _read_json(meta_file) if meta_file.is_file() else {}
        files: dict[str, list[Path]] = {}
        for html in country.iterdir():
            match = FUNDUS_HTML.match(html.name)
            if match:
                files.setdefault(match.group("publisher"), []).append(html)
        for record_file in sorted(country.glob("*.json")):
            records = _read_json(record_file)
            if not isinstance(records, dict):
                continue
            # the date in the name sorts as written (YYYY_MM_DD)
            htmls = sorted(files.get(record_file.stem, []), key=lambda p: p.name)
            for version, html in zip(sorted(records), htmls, strict=False):
                record = records[version]
                if not isinstance(record, dict):
                    continue
                url = (meta.get(html.name) or {}).get("url") or canonical_link(html)
                images = tuple(i for i in map(_fundus_image, record.get("images") or []) if i)
                pages.append(
                    Page(
                        collection="fundus",
                        id=f"{country.name}/{html.name.split('.html')[0]}",
                        html_path=html,
                        url=url,
                        text=fundus_body(record.get("body")),
                        title=_str_or_none(record.get("title")),
                        authors=tuple(str(a).strip() for a in record.get("authors") or [] if str(a).strip()),
                        published=_str_or_none(record.get("publishing_date")),
                        images=images,
                    )
                )
    return sorted(pages, key=lambda page: page.id)


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


SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
ANNOTATIONS = Path(__file__).resolve().parent / "annotations" / "pages"


def load_annotations(root: Path, data: Path = SHARED_DATA, notes: list[str] | None = None) -> list[Page]:
    """The caption and related-link annotation set: `pages/<collection>__<id>.json`
    (docs/annotation-protocol.md), each naming its page by `path` under `data`.

    An annotation whose page file is missing, or whose bytes no longer hash to its
    `sha256`, was made for another page: it is skipped with a note, as is one that is
    not valid JSON.
    """
    root = Path(root)
    say = notes.append if notes is not None else (lambda _note: None)
    pages: list[Page] = []
    for file in sorted(root.glob("*.json")):
        try:
            annotation = _read_json(file)
            html = Path(data) / str(annotation["path"])
            digest = hashlib.sha256(html.read_bytes()).hexdigest()
        except (OSError, ValueError, KeyError, TypeError) as exc:
            say(f"annotations: {file.name} skipped ({type(exc).__name__}: {exc})")
            continue
        if digest != annotation.get("sha256"):
            say(f"annotations: {file.name} skipped (sha256 of {annotation['path']} no longer matches)")
            continue
        pages.append(
            Page(
                collection="annotations",
                id=f"{annotation.get('collection')}/{annotation.get('id')}",
                html_path=html,
                url=annotation.get("url"),
                page_type=annotation.get("half"),
                expected=annotation,
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
        Collection("fundus", "Fundus parser test pages", "fundus", load_fundus),
        Collection("annotations", "Caption and related-link annotations", "captions-related", load_annotations),
    )
}
