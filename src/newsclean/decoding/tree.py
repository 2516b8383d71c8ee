"""Input of any accepted kind -> one lxml HTML tree. The only place a page is parsed."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import threading
import zlib
from typing import Any

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

from ..errors import DocumentTooLargeError, EmptyDocumentError
from .charset import decode_html, meta_charset
from .mojibake import repair_double_utf8

__all__ = ["BINARY_SNIFF", "MAX_INPUT_BYTES", "drop", "looks_binary", "parse", "set_tail", "set_text",
           "text_before", "xml_safe"]

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Above this the input is refused; a 20 MB page is still extracted."""
MAX_TAGS = 250_000
"""Above this many tags (counted as "<") the input is refused. The largest of about
2,100 real pages in the evaluation data has 22,000; a page of a million tiny elements
costs hundreds of MB as a tree and seconds in every walk, and is not an article."""
MAX_DEPTH = 200
"""Elements nested deeper than this are unwrapped when libxml2 gives up on a page.

libxml2 stops at 256 levels, or at a text node or attribute of about 10 MB, and then
drops everything after that point, not just what lies deeper. A page that hits such a
limit is parsed again with the nesting capped here (under 256 with room for the
elements the parser adds itself) and without the size limits. Every later walk over the
tree may rely on this depth bound."""
GZIP_MAGIC = b"\x1f\x8b"
BINARY_SNIFF = 2048
"""How many leading bytes decide whether the input is binary."""

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# ASCII white space then "<" but not "<?xml": a byte order mark, or white space only
# Unicode knows, fails this too.
_OPENING_TAG = re.compile(rb"\s*<(?!\?xml)", re.IGNORECASE)
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))
"""Every byte but the control characters text never holds (tabs and line ends are text)."""
# What lxml refuses in text it is given (XML 1.0's excluded characters): C0 controls
# but tab and line ends, and the non-characters U+FFFE and U+FFFF. The parser keeps
# them in the tree, so an edit that joins two texts would raise; they become spaces
# (in the UTF-8 bytes, where each is one match).
_CONTROL_BYTES = tuple(bytes([b]) for b in range(32) if b < 9 or b in (11, 12) or 13 < b < 32)
"""The controls _NOT_XML_BYTES replaces, one at a time: a look for a single byte runs at
memory speed (memchr), cheaper than any one pass that weighs every byte."""
_NOT_XML_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
# U+FFFE and U+FFFF in UTF-8: looked for only on a page holding their first byte (a
# memchr), and then by this regex (its literal prefix makes it faster than `in` twice).
_NON_CHARACTER = re.compile(rb"\xef\xbf[\xbe\xbf]")
# HTML places whatever follows a </body> or </html> in the body (a template may close
# both in its header and carry on); libxml2 sets what follows a </body> beside the body
# and drops all that follows an </html>. Such a page is read again without them.
_PAGE_END = re.compile(rb"</(?:body|html)\s*>", re.IGNORECASE)
_ELEMENT_AFTER_END = re.compile(
    rb"<(?!(?:script|style|link|meta|noscript|iframe|img|ins|input)\b)[a-z][a-z0-9-]*[\s/>]",
    re.IGNORECASE)
"""An element after the page's end that is more than a script, a style or a pixel."""
_BESIDE_BODY = frozenset({"head", "body", "script", "style", "link", "meta", "noscript",
                          "iframe", "img", "ins", "input"})
_TAG = re.compile(rb"<(/?)([A-Za-z][^\s/>]*)[^>]*?(/?)>")
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
# libxml2 checks each attribute of a tag against the ones before it, so a tag with
# 100,000 attributes takes seconds. A tag longer than LONG_TAG keeps its first
# MAX_ATTRIBUTES attributes. The search costs about 1 ms per MB of page.
LONG_TAG = 65536
MAX_ATTRIBUTES = 1000
ATTRIBUTE_SIGNS = 50_000
LONG_PAGE = 500_000
"""A long tag's attributes are capped only on a page with more "=" than any of about
2,100 real pages has (39,000 at most) or over 500 KB: a tag of many attributes has many
"=" (or, without values, makes a long page)."""
_LONG_TAG = re.compile(rb"<([A-Za-z][^\s/>]*)([^>]{%d,})>" % LONG_TAG)
_GAP_WINDOW = LONG_TAG // 2
"""A run of LONG_TAG bytes without ">" covers a whole window of this many bytes starting
at a multiple of it: windows holding a ">" (looked up with memchr, about 30 lookups per
MB) need no regex search."""
_ATTRIBUTE = re.compile(rb"""[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")
# A prefixed XHTML page (<h:p> with xmlns:h bound to XHTML): the prefix is dropped so
# the HTML parser sees the elements it knows.
_XHTML_PREFIX = re.compile(rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']http://www\.w3\.org/1999/xhtml["']""")


# What lxml refuses in text it is given, as _NOT_XML_BYTES, and the lone surrogates a
# str may hold. (Escapes read by re, not by Python: the compiled build cannot hold a
# string with a lone surrogate.)
_NOT_XML_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def set_text(element: etree._Element, text: str | None) -> None:
    """element.text = text, for text that may hold what the parser let through but lxml
    refuses to be given: a character reference to a control or a non-character ("&#1;",
    "&#xFFFF;") is read into the tree as that character. Such characters become spaces,
    as in a page's bytes; looking for them in every page's references would cost more
    than the rare retry."""
    try:
        element.text = text
    except ValueError:
        element.text = xml_safe(text or "")


def set_tail(element: etree._Element, text: str | None) -> None:
    """element.tail = text, as `set_text`."""
    try:
        element.tail = text
    except ValueError:
        element.tail = xml_safe(text or "")


def drop(element: etree._Element) -> None:
    """Remove an element from its parent, its tail text kept in its place (after the
    sibling before it, or as the parent's text). A tail of white space is kept too: it
    parts the words around an inline element ("word<span>ad</span> <b>word</b>")."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        text_before(element, element.tail)
    parent.remove(element)


def text_before(element: etree._Element, text: str) -> None:
    """Add text right before an element: to the tail of the sibling before it, or else to
    its parent's text (an element without either has nowhere to put it)."""
    previous = element.getprevious()
    parent = element.getparent()
    if previous is not None:
        set_tail(previous, (previous.tail or "") + text)
    elif parent is not None:
        set_text(parent, (parent.text or "") + text)


def xml_safe(text: str) -> str:
    """The text with each character lxml refuses to be given as a space (a control, a
    non-character, a lone surrogate): for text read from a page's tree, which may hold
    them, that goes into a tree or an attribute again."""
    return _NOT_XML_TEXT.sub(" ", text)


def looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF]
    # UTF-16 and UTF-32 text is full of NUL bytes; with its byte-order mark it is text.
    # (The UTF-32 LE mark starts with the UTF-16 LE one.)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls > len(head) // 10


_local = threading.local()


def _parser(huge: bool = False, ids: bool = True, classes: bool = False) -> etree.HTMLParser:
    """One parser per thread (lxml parsers are not shared across threads). Plain
    elements, not lxml.html's classes: the engine needs no more and walks faster.
    It reads UTF-8 bytes, which libxml2 parses faster than a Python str. The `huge`
    one lifts libxml2's size limits, for the second parse of a page that hit them.
    Without `ids`, the id table XPath's id() reads is not built (7% of the parse).
    With `classes`, elements are lxml.html's (what trafilatura takes as a tree): the
    one HtmlElement class for all, looked up in C, not lxml.html's own lookup, a Python
    call for every element met that gives form fields classes of their own (which
    nothing reads)."""
    name = f"{'huge_' if huge else ''}parser{'' if ids else '_without_ids'}" + (
        "_html" if classes else "")
    parser: etree.HTMLParser | None = getattr(_local, name, None)
    if parser is None:
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                  encoding="utf-8", huge_tree=huge, collect_ids=ids)
        if classes:
            parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
                element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction,
                entity=HtmlEntity))
        setattr(_local, name, parser)
    return parser


def parse(document: Any, url: str | None = None, *, ids: bool = True,
          classes: bool = False) -> etree._Element:
    """Return the root <html> element of a new tree we may modify.

    `document` is str, bytes, an lxml element or tree, or a BeautifulSoup object.
    `ids=False` when nothing will evaluate XPath's id() on the tree (a faster parse).
    `classes=True` for elements of lxml.html's classes (`lxml.html.HtmlElement`).
    """
    if isinstance(document, etree._ElementTree):
        document = document.getroot()
    if isinstance(document, etree._Element):
        # The caller's tree stays untouched: the engine edits its own copy.
        return _parse_text(etree.tostring(document, encoding="unicode", method="html"), url,
                           ids, classes)
    if type(document).__name__ in ("BeautifulSoup", "Tag") and hasattr(document, "decode"):
        document = document.decode()
    if isinstance(document, bytearray | memoryview):
        document = bytes(document)
    if isinstance(document, bytes):
        if document[:2] == GZIP_MAGIC:
            document = _gunzip(document, url)
        if len(document) > MAX_INPUT_BYTES:
            raise DocumentTooLargeError(
                f"input of {len(document):,} bytes exceeds the {MAX_INPUT_BYTES:,}-byte limit", url)
        if not document or document.isspace():  # as `not strip()`, without the copy
            raise EmptyDocumentError("empty input", url)
        if looks_binary(document):
            raise EmptyDocumentError("input is binary, not HTML", url)
        if _may_be_utf8(document):
            try:
                return _parse_utf8(document.replace(b"\x00", b""), url, ids, classes,
                                   source=None if document.isascii() else document)
            except _NotUtf8:
                pass  # read as the text it decodes to, as a page in another encoding
        document, _ = decode_html(document, None)
    if not isinstance(document, str):
        raise TypeError(f"cannot extract from {type(document).__name__}; give str, bytes, "
                        "an lxml element or a BeautifulSoup object")
    if len(document) > MAX_INPUT_BYTES:
        raise DocumentTooLargeError(
            f"input of {len(document):,} characters exceeds the {MAX_INPUT_BYTES:,} limit", url)
    return _parse_text(document, url, ids, classes)


def _gunzip(data: bytes, url: str | None) -> bytes:
    """A gzipped page (a saved `page.html.gz`), read up to the input limit: a
    decompression bomb stops there instead of filling memory."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            page = stream.read(MAX_INPUT_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise EmptyDocumentError(f"input is gzip that cannot be read: {exc}", url) from exc
    if len(page) > MAX_INPUT_BYTES:
        raise DocumentTooLargeError(
            f"gzipped input unpacks to more than the {MAX_INPUT_BYTES:,}-byte limit", url)
    return page


def _may_be_utf8(data: bytes) -> bool:
    """Whether the page may be the UTF-8 that _parse_text would make of it: it declares
    UTF-8, or no encoding at all, and opens with a tag other than an XML declaration (so
    removing one changes nothing). If it is also valid UTF-8 (so decode_html decodes it
    strictly, and encoding the text gives the same bytes back), it skips the round trip
    through str: the parse tells (see _misread). A page declaring nothing is read as
    UTF-8 when it is valid UTF-8 (what statistical detection finds for such a page),
    which spares the detection, a third of such a page's parse."""
    return _OPENING_TAG.match(data) is not None and meta_charset(data) in ("utf-8", None)


class _NotUtf8(Exception):
    """The page declared UTF-8 but is not valid UTF-8."""


REPORTED_ERRORS = 100
"""libxml2 reports at most this many errors of one parse: past them, an invalid byte may
go unreported."""


def _misread(log: etree._ListErrorLog, source: bytes, trusted: bool) -> bool:
    """Whether the page a parse just read as UTF-8 is not valid UTF-8 (`log`: the
    parse's errors). libxml2 reports
    each invalid sequence it reads (ERR_INVALID_ENCODING), which spares decoding the page
    to find out; unless it may not have read the bytes as given (`trusted` false: some
    were rewritten, or the parse stopped at a limit) or may have left one unreported
    (past its cap of errors): then the bytes are decoded to tell."""
    if trusted and len(log) < REPORTED_ERRORS:
        return any(error.type_name == "ERR_INVALID_ENCODING" for error in log)
    return not _valid_utf8(source)


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parse_text(document: str, url: str | None, ids: bool = True, classes: bool = False
                ) -> etree._Element:
    document = _XML_DECLARATION.sub("", document, count=1).replace("\x00", "")
    data = document.encode("utf-8", errors="replace")
    # Looked for in the bytes, as _parse_utf8 does: much faster than a regex over the
    # text. Each character lxml refuses becomes a space in either form.
    if _has_unparsable(data):
        data = _NOT_XML_BYTES.sub(b" ", data)
        document = data.decode("utf-8")
    if not document or document.isspace():
        raise EmptyDocumentError("empty input", url)
    return _parse_utf8(data, url, ids, classes)


def _has_unparsable(data: bytes) -> bool:
    """Whether _NOT_XML_BYTES would find anything."""
    return any(control in data for control in _CONTROL_BYTES) or (
        b"\xef" in data and _NON_CHARACTER.search(data) is not None)


def _parse_utf8(document: bytes, url: str | None, ids: bool = True, classes: bool = False,
                source: bytes | None = None) -> etree._Element:
    """The tree of UTF-8 bytes. `source`: the page as given when it is not yet known to
    be valid UTF-8 (_NotUtf8 is raised if it is not; `document` is it without NULs)."""
    given = document
    document = repair_double_utf8(document)
    # A page of no more bytes than the tag limit cannot hold more tags: no count needed.
    tags = document.count(b"<") if len(document) > MAX_TAGS else 0
    if tags > MAX_TAGS:
        if source is not None and not _valid_utf8(source):
            raise _NotUtf8  # refused or not as the text it decodes to
        raise DocumentTooLargeError(
            f"input has {tags:,} tags, more than the {MAX_TAGS:,}-tag limit", url)
    if _has_unparsable(document):
        document = _NOT_XML_BYTES.sub(b" ", document)
    prefix = _XHTML_PREFIX.search(document, 0, 4096)
    if prefix:
        document = re.sub(rb"<(/?)" + re.escape(prefix.group(1)) + rb":", rb"<\1", document)
    if _needs_capped_attributes(document):
        document = _LONG_TAG.sub(_cap_attributes, document)
    parser = _parser(ids=ids, classes=classes)
    try:
        root = _fromstring(document, parser, url)
    except EmptyDocumentError:
        if source is not None and _misread(parser.error_log, source, trusted=False):
            raise _NotUtf8 from None
        raise
    # (each read of a parser's error_log copies it: read once per parse)
    log = parser.error_log
    limited = _hit_limit(log)
    if source is not None and _misread(log, source,
                                       trusted=document is given is source and not limited):
        raise _NotUtf8
    if limited:
        parser = _parser(huge=True, ids=ids, classes=classes)
        document = cap_nesting(document, MAX_DEPTH)
        root = _fromstring(document, parser, url)
        log = parser.error_log
    if _ended_early(root, document, log):
        root = _fromstring(_PAGE_END.sub(b"", document), parser, url)
    for holder in root.iter("noframes"):
        _parse_noframes(holder)
    return root


def _fromstring(document: bytes, parser: etree.HTMLParser, url: str | None) -> etree._Element:
    try:
        root = etree.fromstring(document, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise EmptyDocumentError(f"no HTML could be parsed: {exc}", url) from exc
    if root is None:
        raise EmptyDocumentError("no HTML could be parsed", url)
    return root


def _hit_limit(log: etree._ListErrorLog) -> bool:
    """Whether libxml2 stopped early at one of its resource limits (depth or size), by
    the parse's errors."""
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in log.filter_from_fatals())


def _ended_early(root: etree._Element, document: bytes, log: etree._ListErrorLog) -> bool:
    """Whether the tree lacks elements the page holds after a </body> or </html> that is
    not its last (see _PAGE_END): elements set beside the body, elements after the
    page's last </html> (which on most pages is in its last bytes), or an end tag of
    the body or page that libxml2 met after it had stopped building the tree."""
    after = root.find("body")
    while after is not None:
        after = after.getnext()
        if after is not None and isinstance(after.tag, str) and after.tag not in _BESIDE_BODY:
            return True
    end = document.rfind(b"</html")
    if end < 0:
        end = document.rfind(b"</HTML")
    if end >= 0 and _ELEMENT_AFTER_END.search(document, end + 2) is not None:
        return True
    if not any(error.type_name == "ERR_TAG_NAME_MISMATCH"
               and error.message.rstrip().endswith((": body", ": html"))
               for error in log):
        return False
    first = _PAGE_END.search(document)  # a second end tag: were there elements between?
    return first is not None and _ELEMENT_AFTER_END.search(document, first.end()) is not None


def _needs_capped_attributes(document: bytes) -> bool:
    """Whether a tag's attributes are capped: a long tag on a long page, or on one with
    more "=" than ATTRIBUTE_SIGNS. The cheapest test first: a page no longer than the
    signs limit cannot pass; the windowed search for a long tag costs a few lookups on
    an ordinary page, counting its "=" a scan of every byte."""
    size = len(document)
    return (size > ATTRIBUTE_SIGNS and _has_long_tag(document)
            and (size > LONG_PAGE or document.count(b"=") > ATTRIBUTE_SIGNS))


def _has_long_tag(document: bytes) -> bool:
    """Whether _LONG_TAG matches, searched only where it could: a match runs LONG_TAG
    bytes without ">", so it covers a window of _GAP_WINDOW bytes starting at a multiple
    of that; each window without a ">" (most pages have none) is searched from the ">"
    before it to the one after it."""
    end = -1
    for start in range(0, len(document) - _GAP_WINDOW + 1, _GAP_WINDOW):
        if start < end or document.find(b">", start, start + _GAP_WINDOW) >= 0:
            continue
        end = document.find(b">", start + _GAP_WINDOW)
        if end < 0:
            return False  # no ">" left to close a tag
        if _LONG_TAG.search(document, document.rfind(b">", 0, start) + 1, end + 1):
            return True
    return False


def _cap_attributes(tag: re.Match[bytes]) -> bytes:
    kept = [m.group() for _, m in zip(range(MAX_ATTRIBUTES), _ATTRIBUTE.finditer(tag.group(2)), strict=False)]
    return b"<" + tag.group(1) + b" " + b" ".join(kept) + b">"


def cap_nesting(document: bytes, depth: int) -> bytes:
    """The page with every tag that would open deeper than `depth` removed, and its
    closing tag with it. The count is by tags as written (the parser's own closing of
    open elements is not modelled), so it may unwrap more than needed, never less."""
    parts: list[bytes] = []
    level = dropped = start = 0
    for tag in _TAG.finditer(document):
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name in _VOID or self_closing:
            continue
        if closing:
            if dropped:
                dropped -= 1
                parts.append(document[start:tag.start()])
                start = tag.end()
            elif level:
                level -= 1
        elif level >= depth:
            dropped += 1
            parts.append(document[start:tag.start()])
            start = tag.end()
        else:
            level += 1
    parts.append(document[start:])
    return b"".join(parts)


def _parse_noframes(holder: etree._Element) -> None:
    """libxml2 keeps a <noframes> body as raw text; a reader without frames sees markup.
    The text is parsed and put in its place, so a frameset page has its story."""
    text = holder.text or ""
    if "<" not in text or len(holder):
        return
    fragment = etree.fromstring(f"<div>{text}</div>".encode("utf-8", errors="replace"), _parser())
    body = fragment.find(".//div") if fragment is not None else None
    if body is None:
        return
    holder.tag = "div"
    holder.text = body.text
    for child in list(body):
        holder.append(child)
