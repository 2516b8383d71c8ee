"""UTF-8 text encoded twice, repaired in the page's bytes before the parse.

A page whose UTF-8 text was once read as Latin-1 or Windows-1252 and saved again as UTF-8
shows each curly quote, dash or emoji as two to four junk characters ("it’s" becomes
"itâ\x80\x99s" or "itâ€™s"). Each junk character is itself valid UTF-8, so no charset
test can tell. Such a sequence has a shape: a character U+00C2–U+00F4 (a UTF-8 lead byte
read as one character), then as many characters as that lead byte needs, each one
U+0080–U+00BF or a Windows-1252 mark standing for a byte 0x80–0x9F. It is read as the one
character its bytes make when they are valid UTF-8 and either a byte read as a Latin-1
control character (U+0080–U+009F, which no text holds) or the character they make is
punctuation, a symbol or an emoji. A letter is never made from marks alone: "ß" then "“"
closing a German quotation, or "é", a no-break space and "–" in Czech, have the shape and
stay as they are; so does "Ã©", a page's "é" read twice, which may be written on purpose.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["repair_double_utf8"]


def _windows_1252_marks() -> dict[bytes, int]:
    """The UTF-8 bytes of each Windows-1252 character for a byte 0x80–0x9F, with that byte."""
    marks: dict[bytes, int] = {}
    for byte in range(0x80, 0xA0):
        try:
            character = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue  # five bytes Windows-1252 leaves undefined: read as Latin-1 controls
        marks[character.encode("utf-8")] = byte
    return marks


_MARKS = _windows_1252_marks()
_FOLLOWING = b"(?:\xc2[\x80-\xbf]|" + b"|".join(re.escape(mark) for mark in _MARKS) + b")"
_TWICE = re.compile(b"\xc3[\x82-\x9f]" + _FOLLOWING
                    + b"|\xc3[\xa0-\xaf]" + _FOLLOWING + b"{2}"
                    + b"|\xc3[\xb0-\xb4]" + _FOLLOWING + b"{3}")
"""A lead character and as many following ones as its byte opens (two-, three- and
four-byte characters), in the page's UTF-8 bytes."""


def repair_double_utf8(document: bytes) -> bytes:
    """The page with each twice-encoded character written once; the same object when it
    holds none (a page without the byte 0xC3 is passed by at the cost of one scan)."""
    if b"\xc3" not in document:
        return document
    return _TWICE.sub(_once, document)


def _once(match: re.Match[bytes]) -> bytes:
    return _repaired(match.group())


@lru_cache(maxsize=4096)  # a page repeats the same few damaged characters
def _repaired(found: bytes) -> bytes:
    original = bytearray([0xC0 | (found[1] & 0x3F)])  # U+00C0 + n is written \xc3 (0x80 + n)
    controls = False  # a byte 0x80-0x9F read as Latin-1: a control character no text holds
    position = 2
    while position < len(found):
        if found[position] == 0xC2:
            byte = found[position + 1]
            controls = controls or byte <= 0x9F
            original.append(byte)
            position += 2
        else:
            mark = next(mark for mark in _MARKS if found.startswith(mark, position))
            original.append(_MARKS[mark])
            position += len(mark)
    try:
        character = bytes(original).decode("utf-8")
    except UnicodeDecodeError:
        return found
    if not controls and not _punctuation_or_symbol(ord(character)):
        # "ß" + "“" closing a German quotation; "é" + no-break space + "–" in Czech
        return found
    return character.encode("utf-8")


def _punctuation_or_symbol(code: int) -> bool:
    """Punctuation, currency signs, arrows and other symbols (U+2000-U+2BFF), the byte
    order mark and the replacement character, emoji: what a page's text writes in UTF-8
    and Windows-1252 mangles, where a letter after an accented one is a page's own text."""
    return 0x2000 <= code <= 0x2BFF or 0xFE00 <= code <= 0xFFFF or code >= 0x1F000
