"""Decoding HTML bytes to text the way a browser would.

Order of evidence: byte-order mark, then the HTTP header charset (unless the page's own
`<meta>` declaration contradicts it and decodes better), then `<meta>` / the XML
declaration, then statistical detection (charset-normalizer), then UTF-8 with replacement.
Declared labels are read as the WHATWG Encoding Standard says (ISO-8859-1 and US-ASCII
mean windows-1252, Shift_JIS means windows-31j, ...); a label it does not know is ignored.
"""

from __future__ import annotations

import codecs
import re

from ._labels import WEB_CODECS, codec_for_label

__all__ = ["decode_html", "meta_charset", "normalize_encoding"]

# A codec name from detection (Python's spelling) -> the codec browsers use instead.
_BROWSER_CODEC = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
}
# A page declaring UTF-16 in an ASCII-compatible <meta> cannot really be UTF-16.
_UTF16 = {"utf-16", "utf-16-le", "utf-16-be"}
_MULTIBYTE = {"utf-8", "cp932", "euc_jp", "iso2022_jp", "cp949", "gb18030", "big5hkscs", "cp950"}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Covers <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
_META_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)""", re.I)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_:.+-]+)""", re.I)
_PRESCAN_BYTES = 4096


def normalize_encoding(label: str | None) -> str | None:
    """The Python codec a browser would use for `label`, or None when the WHATWG Encoding
    Standard has no such label (so `cp037` or `utf-7` in a page are not obeyed)."""
    if not label:
        return None
    return codec_for_label(label.strip().strip("\"'"))


def _web_codec(name: str) -> str | None:
    """A detector's codec name as the codec browsers use, or None if they have none."""
    try:
        canonical = codecs.lookup(name).name
    except (LookupError, ValueError):
        return None
    canonical = _BROWSER_CODEC.get(canonical, canonical)
    return canonical if canonical in WEB_CODECS else None


def meta_charset(content: bytes) -> str | None:
    """The encoding the page declares about itself in its first few KB, normalised."""
    head = content[:_PRESCAN_BYTES]
    match = _XML_DECL_RE.match(head) or _META_RE.search(head)
    if not match:
        return None
    name = normalize_encoding(match.group(1).decode("ascii", "replace"))
    return "utf-8" if name in _UTF16 else name


def _decodes(content: bytes, encoding: str) -> bool:
    try:
        content.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _mostly_decodes(content: bytes, encoding: str) -> bool:
    """At most one non-ASCII byte in ten is undecodable (a page mislabelled as UTF-8 fails
    on nearly every one; a UTF-8 page with a stray Latin-1 byte on very few)."""
    non_ascii = len(content.translate(None, bytes(range(128))))
    errors = content.decode(encoding, "replace").count("\ufffd")
    return errors * 10 <= non_ascii


def _detect(content: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    return _web_codec(best.encoding) if best is not None else None


def _choose(content: bytes, header: str | None, meta: str | None) -> tuple[str, bool]:
    """(encoding, strict): strict means the whole body decodes without errors."""
    if header and meta and header != meta:
        header_ok, meta_ok = _decodes(content, header), _decodes(content, meta)
        if header_ok and meta_ok:
            # Any single-byte codec "decodes" anything, so a clean decode is only evidence
            # for a multi-byte one: the classic case is a server claiming ISO-8859-1 for a
            # UTF-8 page that says so in <meta>. Otherwise the header wins, as in browsers.
            if meta in _MULTIBYTE and header not in _MULTIBYTE:
                return meta, True
            return header, True
        if meta_ok:
            return meta, True
        if header_ok:
            return header, True
        declared: str | None = None  # both wrong: let detection decide
    else:
        declared = header or meta
        if declared and _decodes(content, declared):
            return declared, True
        if declared and _mostly_decodes(content, declared):
            return declared, False  # a few corrupt bytes do not make the declaration wrong
    detected = _detect(content)
    if detected and _decodes(content, detected):
        return detected, True
    return declared or detected or "utf-8", False


def decode_html(content: bytes, header_charset: str | None) -> tuple[str, str]:
    """Decode an HTML body; returns (text, encoding name as Python knows it)."""
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom):].decode(encoding, "replace"), encoding
    encoding, strict = _choose(content, normalize_encoding(header_charset), meta_charset(content))
    return content.decode(encoding, "strict" if strict else "replace"), encoding
