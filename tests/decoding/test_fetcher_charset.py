"""`newsclean.fetcher.decode_html`: BOM, header, <meta>, detection, in that order."""

from __future__ import annotations

import pytest

from newsclean.decoding.charset import meta_charset, normalize_encoding
from newsclean.fetcher import decode_html

FRENCH = ("<html><body><p>Le président a déclaré mercredi que la réforme des retraites "
          "serait présentée à l'Assemblée dès la rentrée, malgré l'opposition des syndicats "
          "et une grève très suivie à Paris, à Marseille et à Lyon. « Nous irons jusqu'au "
          "bout », a-t-il ajouté devant les députés de la majorité.</p></body></html>")
JAPANESE = ("<html><body><p>東京都は二十三日、新型の感染症対策として、都内の飲食店に対する営業時間の"
            "短縮要請を延長すると発表した。小池知事は記者会見で「引き続き都民の皆様のご協力を"
            "お願いしたい」と述べた。対象期間は来月末までとなる見通しだ。</p></body></html>")


def meta_page(charset: str, body: str = "café – “quoted”") -> str:
    return f'<html><head><meta charset="{charset}"><title>t</title></head><body>{body}</body></html>'


@pytest.mark.parametrize(("label", "codec"), [
    ("ISO-8859-1", "cp1252"), ("latin1", "cp1252"), ("us-ascii", "cp1252"),
    ("windows-1252", "cp1252"), ("UTF8", "utf-8"), ("Shift_JIS", "cp932"),
    ("x-sjis", "cp932"), ("gb2312", "gb18030"), ("EUC-KR", "cp949"), ('"utf-8"', "utf-8"),
    (" utf-8\f", "utf-8"), ("unicode", "utf-16-le"), ("koi8-u", "koi8-u"),
    ("x-mac-cyrillic", "mac-cyrillic"), ("iso-8859-8-i", "iso8859-8"),
])
def test_labels_map_to_the_codec_browsers_use(label: str, codec: str) -> None:
    assert normalize_encoding(label) == codec


# Labels Python knows but the WHATWG Encoding Standard does not: a browser ignores them.
@pytest.mark.parametrize("label", ["utf-7", "base64", "rot13", "unicode_escape", "x-bogus", "",
                                   "cp037", "ebcdic-cp-us", "utf-32", "latin-1", "cp850",
                                   "iso-2022-kr", "x-user-defined", "utf-8\x00", "\x00"])
def test_unknown_or_unsafe_labels_are_ignored(label: str) -> None:
    assert normalize_encoding(label) is None


def test_bom_wins_over_everything() -> None:
    page = meta_page("windows-1252").encode("utf-8")
    assert decode_html(b"\xef\xbb\xbf" + page, "iso-8859-1") == (page.decode("utf-8"), "utf-8")
    utf16 = "<html>Grüße</html>".encode("utf-16-le")
    assert decode_html(b"\xff\xfe" + utf16, "utf-8") == ("<html>Grüße</html>", "utf-16-le")


def test_iso_8859_1_header_is_read_as_windows_1252() -> None:
    content = "<p>€5 – “quoted” café</p>".encode("cp1252")
    assert decode_html(content, "ISO-8859-1") == ("<p>€5 – “quoted” café</p>", "cp1252")


def test_header_charset_is_used_when_nothing_contradicts_it() -> None:
    content = "<p>Grüße</p>".encode("iso-8859-2")
    text, encoding = decode_html(content, "iso-8859-2")
    assert (text, encoding) == ("<p>Grüße</p>", "iso8859-2")


def test_server_claiming_latin1_for_a_utf8_page_with_meta() -> None:
    page = meta_page("utf-8")
    assert decode_html(page.encode("utf-8"), "iso-8859-1") == (page, "utf-8")


def test_meta_wins_when_the_header_cannot_decode_the_page() -> None:
    page = meta_page("windows-1252")
    assert decode_html(page.encode("cp1252"), "utf-8") == (page, "cp1252")


def test_header_wins_when_the_page_really_is_in_the_header_charset() -> None:
    page = meta_page("windows-1252")  # a stale <meta> on a page re-encoded as UTF-8
    assert decode_html(page.encode("utf-8"), "utf-8") == (page, "utf-8")


def test_http_equiv_and_xml_declarations_are_read() -> None:
    equiv = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
             'charset=Shift_JIS"></head><body>日本</body></html>')
    assert decode_html(equiv.encode("shift_jis"), None) == (equiv, "cp932")
    xml = '<?xml version="1.0" encoding="ISO-8859-15"?><html><body>€</body></html>'
    assert decode_html(xml.encode("iso-8859-15"), None) == (xml, "iso8859-15")


def test_meta_declaring_utf16_on_an_ascii_page_means_utf8() -> None:
    page = meta_page("utf-16")
    assert meta_charset(page.encode("utf-8")) == "utf-8"
    assert decode_html(page.encode("utf-8"), None) == (page, "utf-8")


def test_detection_without_any_declaration() -> None:
    text, encoding = decode_html(JAPANESE.encode("shift_jis"), None)
    assert text == JAPANESE and encoding in ("cp932", "shift_jis_2004")
    text, _ = decode_html(FRENCH.encode("utf-8"), None)
    assert text == FRENCH


def test_wrong_header_without_meta_falls_back_to_detection() -> None:
    text, encoding = decode_html(JAPANESE.encode("shift_jis"), "utf-8")
    assert text == JAPANESE
    assert encoding != "utf-8"


def test_a_stray_bad_byte_does_not_discard_a_correct_declaration() -> None:
    content = FRENCH.encode("utf-8").replace(b"</p>", b"\xa0</p>")  # one Latin-1 byte
    text, encoding = decode_html(content, "utf-8")
    assert encoding == "utf-8"
    assert text == FRENCH.replace("</p>", "\ufffd</p>")


def test_bad_input_never_raises() -> None:
    assert decode_html(b"", None)[0] == ""
    text, _ = decode_html(bytes(range(256)) * 4, "x-unknown")
    assert isinstance(text, str) and len(text) > 0


def test_a_non_browser_label_does_not_garble_a_utf8_page() -> None:
    page = meta_page("cp037").encode("utf-8")
    assert decode_html(page, "cp037") == (page.decode("utf-8"), "utf-8")


def test_a_nul_in_the_header_charset_is_no_label() -> None:
    page = meta_page("utf-8").encode("utf-8")
    assert decode_html(page, "utf-8\x00") == (page.decode("utf-8"), "utf-8")
    assert decode_html(page, "\x00\x00") == (page.decode("utf-8"), "utf-8")


@pytest.mark.parametrize(("bom", "codec"), [
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
])
def test_utf32_with_a_bom_decodes_either_way_round(bom: bytes, codec: str) -> None:
    page = meta_page("utf-32")
    assert decode_html(bom + page.encode(codec), None) == (page, codec)
