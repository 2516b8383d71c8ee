"""A page declaring UTF-8 is parsed from its bytes, and libxml2's report of an invalid
sequence tells whether it was UTF-8 at all: the tree must be the one the page's decoded
text gives whenever it is not, wherever the bad bytes sit."""

from __future__ import annotations

import pytest
from lxml import etree

from newsclean.decoding.charset import decode_html
from newsclean.decoding.tree import REPORTED_ERRORS, _parse_text, _parser, parse

HEAD = b"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
BAD = (b"\xe4", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xff",
       b"\xe2\x82", b"\xf0\x9f\x98")
"""Invalid UTF-8: a Latin-1 letter, cut sequences, an overlong form, a surrogate, a code
point past U+10FFFF, a lone continuation byte, a byte UTF-8 never uses."""
PLACES = (b"<p>a%sb</p>", b'<p title="a%sb">x</p>', b"<script>var a='%s';</script>",
          b"<style>.a{content:'%s'}</style>", b"<!-- %s -->", b"<title>%s</title>",
          b"<textarea>%s</textarea>", b"<p>x</p>%s", b"<a%s>x</a>")


def _as_text(page: bytes) -> bytes:
    """The tree of the page read the long way: decoded to text, then parsed."""
    text, _ = decode_html(page, None)
    return etree.tostring(_parse_text(text, None))


@pytest.mark.parametrize("place", PLACES)
def test_invalid_bytes_anywhere_give_the_tree_of_the_decoded_text(place: bytes) -> None:
    for bad in BAD:
        page = HEAD + (place % bad) + b"</body></html>"
        assert etree.tostring(parse(page)) == _as_text(page), (place, bad)


def test_valid_utf8_is_read_as_itself() -> None:
    page = HEAD + "<p>Grüße “quoted” 日本</p></body></html>".encode()
    root = parse(page)
    assert root.findtext(".//p") == "Grüße “quoted” 日本"
    assert etree.tostring(root) == _as_text(page)


def test_an_invalid_byte_past_the_reported_errors_is_still_found() -> None:
    # libxml2 stops reporting at its cap; then the bytes are decoded to tell.
    mismatches = b"<p>x</q>" * (REPORTED_ERRORS + 20)
    page = HEAD + mismatches + b"<p>caf\xe9</p></body></html>"
    assert etree.tostring(parse(page)) == _as_text(page)
    assert parse(page).xpath("string(//p[last()])") == "café"  # read as Windows-1252


def test_the_cap_of_reported_errors_is_libxml2s() -> None:
    # What the check above rests on: no more errors are reported than REPORTED_ERRORS,
    # and an invalid byte before the cap is reported.
    parser = _parser()
    etree.fromstring(HEAD + b"<p>x</q>" * (REPORTED_ERRORS * 2) + b"</body></html>", parser)
    assert len(parser.error_log) == REPORTED_ERRORS
    etree.fromstring(HEAD + b"<p>x</q>" * (REPORTED_ERRORS - 5) + b"\xe4</body></html>", parser)
    assert any(error.type_name == "ERR_INVALID_ENCODING" for error in parser.error_log)


def test_a_nul_inside_a_sequence_does_not_make_it_valid() -> None:
    # Without the NUL the bytes read "é"; as given they are not UTF-8 (the NUL past the
    # first bytes, where it would make the page binary).
    page = HEAD + b"<p>filler</p>" * 300 + b"<p>caf\xc3\x00\xa9</p></body></html>"
    assert etree.tostring(parse(page)) == _as_text(page)
    assert "café" not in str(parse(page).xpath("string(//body)"))


UNDECLARED = b"<!DOCTYPE html><html><head><title>t</title></head><body>"


def test_an_undeclared_valid_utf8_page_is_read_as_utf8_without_detection(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Detection would say UTF-8 for it; it is not asked (a third of such a page's parse).
    def no_detection(content: bytes) -> str:
        raise AssertionError("detection ran")

    monkeypatch.setattr("newsclean.decoding.charset._detect", no_detection)
    page = UNDECLARED + "<p>Grüße “quoted” 日本</p></body></html>".encode()
    assert parse(page).findtext(".//p") == "Grüße “quoted” 日本"


@pytest.mark.parametrize("bad", BAD)
def test_an_undeclared_page_that_is_not_utf8_is_still_detected(bad: bytes) -> None:
    page = UNDECLARED + b"<p>a" + bad + b"b caf\xe9 na\xefve</p></body></html>"
    assert etree.tostring(parse(page)) == _as_text(page)
