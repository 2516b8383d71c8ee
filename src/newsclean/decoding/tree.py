"""Input of any accepted kind -> one lxml HTML tree. The only place a page is parsed."""

from __future__ import annotations

import codecs
import re
import threading
from typing import Any

from lxml import etree

from ..errors import DocumentTooLargeError, EmptyDocumentError
from .charset import decode_html, meta_charset

__all__ = ["BINARY_SNIFF", "MAX_INPUT_BYTES", "looks_binary", "parse"]

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Above this the input is refused; a 20 MB page is still extracted."""
# Nesting: libxml2's HTML parser keeps at most 256 levels and drops what lies deeper,
# which bounds every walk over the tree on pathological pages.
BINARY_SNIFF = 2048
"""How many leading bytes decide whether the input is binary."""

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# ASCII white space then "<" but not "<?xml": a byte order mark, or white space only
# Unicode knows, fails this too.
_OPENING_TAG = re.compile(rb"\s*<(?!\?xml)", re.IGNORECASE)
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))
"""Every byte but the control characters text never holds (tabs and line ends are text)."""


def looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls > len(head) // 10


_local = threading.local()


def _parser() -> etree.HTMLParser:
    """One parser per thread (lxml parsers are not shared across threads). Plain
    elements, not lxml.html's classes: the engine needs no more and walks faster.
    It reads UTF-8 bytes, which libxml2 parses faster than a Python str."""
    parser: etree.HTMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                  encoding="utf-8")
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
        if not document or document.isspace():  # as `not strip()`, without the copy
            raise EmptyDocumentError("empty input", url)
        if looks_binary(document):
            raise EmptyDocumentError("input is binary, not HTML", url)
        if _reads_as_utf8(document):
            return _parse_utf8(document.replace(b"\x00", b""), url)
        document, _ = decode_html(document, None)
    if not isinstance(document, str):
        raise TypeError(f"cannot extract from {type(document).__name__}; give str, bytes, "
                        "an lxml element or a BeautifulSoup object")
    if len(document) > MAX_INPUT_BYTES:
        raise DocumentTooLargeError(
            f"input of {len(document):,} characters exceeds the {MAX_INPUT_BYTES:,} limit", url)
    return _parse_text(document, url)


def _reads_as_utf8(data: bytes) -> bool:
    """Whether the page is the UTF-8 that _parse_text would make of it: it declares
    UTF-8, is valid UTF-8 (so decode_html decodes it strictly, and encoding the text gives
    the same bytes back) and opens with a tag other than an XML declaration (so removing
    one changes nothing). Such a page skips the round trip through str."""
    if not _OPENING_TAG.match(data) or meta_charset(data) != "utf-8":
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parse_text(document: str, url: str | None) -> etree._Element:
    document = _XML_DECLARATION.sub("", document, count=1).replace("\x00", "")
    if not document or document.isspace():
        raise EmptyDocumentError("empty input", url)
    return _parse_utf8(document.encode("utf-8", errors="replace"), url)


def _parse_utf8(document: bytes, url: str | None) -> etree._Element:
    try:
        root = etree.fromstring(document, _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise EmptyDocumentError(f"no HTML could be parsed: {exc}", url) from exc
    if root is None:
        raise EmptyDocumentError("no HTML could be parsed", url)
    return root
