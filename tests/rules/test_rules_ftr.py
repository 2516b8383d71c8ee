"""Full-Text RSS site configs read as site rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree, html

from newsclean.errors import RuleError
from newsclean.rules import RuleSet
from newsclean.rules.ftr import (
    load_ftr_rules,
    parse_ftr_file,
    read_ftr_file,
    read_ftr_folder,
    strip_id_or_class_xpath,
    strip_image_src_xpath,
    xpath_literal,
)
from newsclean.rules.selectors import select, select_text

SHARED_FTR = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ftr-site-config"


def site(tmp_path: Path, text: str, name: str = "example.com.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_selector_directives_map_to_fields(tmp_path: Path) -> None:
    rule = parse_ftr_file(site(tmp_path, """\
# comment
title: //h1[@class='headline']
body: //div[@id='story']
body: //article
author: //a[@rel='author']
date: //meta[@property='article:published_time']/@content
strip: //div[@class='share']
"""))
    assert rule.title == ("//h1[@class='headline']",)
    assert rule.story == ("//div[@id='story']", "//article")
    assert rule.authors == ("//a[@rel='author']",)
    assert rule.published == ("//meta[@property='article:published_time']/@content",)
    assert rule.strip == ("//div[@class='share']",)
    assert rule.engine_fallback is True
    assert rule.name == "example.com" and rule.source.endswith("example.com.txt")


def test_values_that_are_not_paths_stay_xpath(tmp_path: Path) -> None:
    rule = parse_ftr_file(site(tmp_path, """\
body: id('main')
author: substring-after(//p[@class='by'], 'By ')
title: "A Fixed Title"
"""))
    root = html.document_fromstring(
        "<html><body><p class='by'>By Ann Lee</p><div id='main'><p>x</p></div></body></html>")
    assert [e.get("id") for e in select(root, rule.story[0])] == ["main"]
    assert select_text(root, rule.authors[0]) == ["Ann Lee"]
    assert select_text(root, rule.title[0]) == ["A Fixed Title"]


def test_strip_id_or_class_matches_id_or_whole_class_token(tmp_path: Path) -> None:
    rule = parse_ftr_file(site(tmp_path, "strip_id_or_class: related\nstrip_id_or_class: 'ad'\n"))
    root = html.document_fromstring("""<html><body>
        <div id="related">1</div><div class="box  related wide">2</div>
        <div class="related-links">3</div><div class="ad">4</div><div class="adx">5</div>
        </body></html>""")
    matched = [e.text for s in rule.strip for e in select(root, s)]
    assert matched == ["1", "2", "4"]


def test_strip_image_src(tmp_path: Path) -> None:
    rule = parse_ftr_file(site(tmp_path, "strip_image_src: /pixel.gif\n"))
    root = html.document_fromstring(
        '<html><body><img src="https://t.example/pixel.gif?a=1"><img src="/photo.jpg"></body></html>')
    assert [e.get("src") for e in select(root, rule.strip[0])] == ["https://t.example/pixel.gif?a=1"]


def test_xpath_literals_with_quotes() -> None:
    root = html.document_fromstring("""<html><body><div class="it's">a</div>
        <img src='x"y&apos;z'></body></html>""")
    assert [e.text for e in select(root, strip_id_or_class_xpath("it's"))] == ["a"]
    assert len(select(root, strip_image_src_xpath("x\"y'z"))) == 1
    assert xpath_literal("plain") == "'plain'"


def test_replacements_pair_in_order_and_allow_empty(tmp_path: Path) -> None:
    rule = parse_ftr_file(site(tmp_path, """\
find_string: <amp-img
replace_string: <img
find_string: width="100%"
replace_string:
replace_string(<br><br>): </p><p>
replace_string(a:b): c):d
"""))
    assert rule.replace == (("<br><br>", "</p><p>"), ("a:b", "c):d"),
                            ("<amp-img", "<img"), ('width="100%"', ""))


def test_unpaired_find_string_is_skipped_and_reported(tmp_path: Path) -> None:
    result = read_ftr_file(site(tmp_path, "title: //h1\nfind_string: x\n"))
    assert result.status == "skipped-lines"
    assert result.rule is not None and result.rule.replace == ()
    assert [(e.line, e.key) for e in result.errors] == [(2, "find_string")]


def test_flags_tests_and_double_br(tmp_path: Path) -> None:
    rule = parse_ftr_file(site(tmp_path, """\
autodetect_on_failure: no
test_url: https://www.example.com/a
test_url: http://example.com/b
convert_double_br_tags: yes
"""))
    assert rule.engine_fallback is False
    assert rule.tests == ("https://www.example.com/a", "http://example.com/b")
    assert ("<br><br>", "</p><p>") in rule.replace and ("<br /><br />", "</p><p>") in rule.replace


def test_known_directives_are_ignored_without_warnings(tmp_path: Path) -> None:
    result = read_ftr_file(site(tmp_path, """\
body: //article
prune: no
tidy: no
single_page_link: //a[@class='print']
next_page_link: //a[@rel='next']
http_header(user-agent): Mozilla/5.0
wrap_in(blockquote): //div[@class='quote']
login_uri: https://example.com/login
test_contains: some text
skip_json_ld: yes
"""))
    assert result.status == "clean" and result.warnings == []
    assert result.ignored == ["prune", "tidy", "single_page_link", "next_page_link",
                              "http_header", "wrap_in", "login_uri", "test_contains",
                              "skip_json_ld"]


def test_unknown_directives_are_warnings_not_errors(tmp_path: Path) -> None:
    result = read_ftr_file(site(tmp_path, "titl: //h1\nbody: //article\n// stray note\n"))
    assert result.status == "clean" and result.errors == []
    assert [(w.line, w.directive) for w in result.warnings] == [(1, "titl"), (3, "?")]
    assert "unknown directive 'titl'" in str(result.warnings[0])


def test_a_bad_selector_skips_only_its_line(tmp_path: Path) -> None:
    result = read_ftr_file(site(tmp_path, """\
body: //div[contains(@class='story')]
body: //article
strip: //div[@class='x'
autodetect_on_failure: maybe
"""))
    assert result.status == "skipped-lines"
    assert result.rule is not None and result.rule.story == ("//article",)
    assert [(e.line, e.key) for e in result.errors] == [(1, "body"), (3, "strip"),
                                                        (4, "autodetect_on_failure")]
    assert str(result.errors[0]).startswith(f"{tmp_path / 'example.com.txt'}:1 [body]: ")


def test_a_file_with_nothing_usable_fails(tmp_path: Path) -> None:
    path = site(tmp_path, "body: //div[\n")
    assert read_ftr_file(path).status == "failed"
    with pytest.raises(RuleError, match="nothing usable"):
        parse_ftr_file(path)


def test_a_file_of_only_test_urls_is_a_clean_empty_rule(tmp_path: Path) -> None:
    result = read_ftr_file(site(tmp_path, "test_url: https://example.com/a\n"))
    assert result.status == "clean" and result.rule is not None
    assert result.rule.story == () and result.rule.tests == ("https://example.com/a",)


def test_unreadable_files_fail(tmp_path: Path) -> None:
    (tmp_path / "latin.com.txt").write_bytes(b"title: //h1[.='caf\xe9']\n")
    assert "not UTF-8" in str(read_ftr_file(tmp_path / "latin.com.txt").errors[0])
    bad = site(tmp_path, "title: //h1\n", name="exa_mple.com.txt")
    assert read_ftr_file(bad).status == "failed"


def test_domains_from_file_names(tmp_path: Path) -> None:
    exact = parse_ftr_file(site(tmp_path, "title: //h1\n", name="example.com.txt"))
    assert exact.domains == ("example.com", "www.example.com") and exact.exact_domains
    assert not exact.matches("news.example.com")
    wild = parse_ftr_file(site(tmp_path, "title: //h2\n", name=".example.com.txt"))
    assert wild.domains == ("example.com",) and not wild.exact_domains
    assert wild.matches("news.example.com")


def test_folder_order_and_precedence(tmp_path: Path) -> None:
    site(tmp_path, "title: //h2\n", name=".example.com.txt")
    site(tmp_path, "title: //h1\n", name="example.com.txt")
    site(tmp_path, "body: //div[\n", name="broken.org.txt")
    site(tmp_path, "These files are public domain.\n", name="LICENSE.txt")
    site(tmp_path, "title: //meta[@property='og:title']/@content\n", name="global.txt")
    report = read_ftr_folder(tmp_path)
    assert [f.path.name for f in report.files] == ["broken.org.txt", "example.com.txt",
                                                    ".example.com.txt"]
    assert sorted(p.name for p in report.not_site_configs) == ["LICENSE.txt", "global.txt"]
    assert (report.count("clean"), report.count("failed")) == (2, 1)
    assert report.loaded_share == pytest.approx(2 / 3)

    rules, errors = load_ftr_rules(tmp_path)
    assert [e.path for e in errors] == [str(tmp_path / "broken.org.txt")] * 2
    ruleset = RuleSet(rules)
    assert ruleset.for_host("www.example.com").title == ("//h1",)  # type: ignore[union-attr]
    assert ruleset.for_host("example.com").title == ("//h1",)  # type: ignore[union-attr]
    assert ruleset.for_host("m.example.com").title == ("//h2",)  # type: ignore[union-attr]


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="not found"):
        load_ftr_rules(tmp_path / "nope")


@pytest.mark.shared_data
def test_shared_collection_loads() -> None:
    if not SHARED_FTR.is_dir():
        pytest.skip("../shared/data/ftr-site-config is absent")
    report = read_ftr_folder(SHARED_FTR)
    assert len(report.files) >= 1000
    assert report.loaded_share >= 0.98
    assert report.count("clean") / len(report.files) >= 0.95
    for error in report.errors:  # each problem is located
        assert error.path and Path(error.path).parent == SHARED_FTR
    assert all(e.line for f in report.files if f.status == "skipped-lines" for e in f.errors)
    rules = RuleSet(report.rules)
    assert len(rules) == len(report.files) - report.count("failed")


# Characters XML can hold: no controls, surrogates or non-characters ("\ufffe", "Cn").
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cn")), max_size=40))
def test_xpath_literal_round_trips(text: str) -> None:
    root = html.document_fromstring("<p>x</p>")
    assert etree.XPath(f"string({xpath_literal(text)})")(root) == text


def test_a_value_xml_cannot_hold_is_a_located_error_not_a_crash() -> None:
    found = read_ftr_file("example.com.txt", "body: //article\nstrip_id_or_class: a\ufffeb\n")
    assert [e.line for e in found.errors] == [2]
    assert "strip_id_or_class" in str(found.errors[0])
