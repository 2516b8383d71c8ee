"""Input of any accepted kind -> one lxml HTML tree. The only place a page is parsed."""

from __future__ import annotations

import codecs
import re
import threading
from typing import Any

from lxml import etree

from ..errors import DocumentTooLargeError, EmptyDocumentError

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Above this the input is refused; a 20 MB page is still extracted."""
# Nesting: libxml2's HTML parser keeps at most 256 levels and drops what lies deeper,
# which bounds every walk over the tree on pathological pages.
BINARY_SNIFF = 2048
"""How many leading bytes decide whether the input is binary."""

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Browsers read these labels as windows-1252, and so do we.
_WINDOWS_1252_ALIASES = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def normalise_charset(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 10


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes: BOM, then the declared charset, then <meta>, then detection.

    A declared (HTTP header) charset that fails to decode the page, or that the page's
    own <meta> contradicts while the meta charset decodes cleanly, loses to the meta.
    Returns (text, codec name).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name
    meta_match = _META_CHARSET.search(data[:8192])
    meta = normalise_charset(meta_match.group(1).decode("ascii", "ignore")) if meta_match else None
    header = normalise_charset(declared)
    candidates = [c for c in (header, meta) if c]
    if header and meta and header != meta:
        candidates = [meta, header]
    for name in candidates:
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        name = normalise_charset(best.encoding) or "utf-8"
        return data.decode(name, errors="replace"), name
    return data.decode("cp1252", errors="replace"), "cp1252"


_local = threading.local()


def _parser() -> etree.HTMLParser:
    """One parser per thread (lxml parsers are not shared across threads). Plain
    elements, not lxml.html's classes: the engine needs no more and walks faster."""
    parser: etree.HTMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        _local.parser = parser
    return parser


def parse(document: Any, url: str | None = None) -> etree._Element:
    """Return the root <html> element of a new tree we may modify.

    `document` is str, bytes, an lxml element or tree, or a BeautifulSoup object.
    """
    if isinstance(document, etree._ElementTree):
        document = document.getroot()
    if isinstance(document, etree._Element):
        # The caller's tree stays untouched: the engine edits its own copy.
        return _parse_text(etree.tostring(document, encoding="unicode", method="html"), url)
    if type(document).__name__ in ("BeautifulSoup", "Tag") and hasattr(document, "decode"):
        document = document.decode()
    if isinstance(document, bytearray | memoryview):
        document = bytes(document)
    if isinstance(document, bytes):
        if len(document) > MAX_INPUT_BYTES:
            raise DocumentTooLargeError(
                f"input of {len(document):,} bytes exceeds the {MAX_INPUT_BYTES:,}-byte limit", url)
        if not document.strip():
            raise EmptyDocumentError("empty input", url)
        if looks_binary(document):
            raise EmptyDocumentError("input is binary, not HTML", url)
        document, _ = decode_html(document)
    if not isinstance(document, str):
        raise TypeError(f"cannot extract from {type(document).__name__}; give str, bytes, "
                        "an lxml element or a BeautifulSoup object")
    if len(document) > MAX_INPUT_BYTES:
        raise DocumentTooLargeError(
            f"input of {len(document):,} characters exceeds the {MAX_INPUT_BYTES:,} limit", url)
    return _parse_text(document, url)


def _parse_text(document: str, url: str | None) -> etree._Element:
    document = _XML_DECLARATION.sub("", document, count=1).replace("\x00", "")
    if not document.strip():
        raise EmptyDocumentError("empty input", url)
    try:
        root = etree.fromstring(document, _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise EmptyDocumentError(f"no HTML could be parsed: {exc}", url) from exc
    if root is None:
        raise EmptyDocumentError("no HTML could be parsed", url)
    return root
