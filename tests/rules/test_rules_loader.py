"""TOML site rules: loading, validation errors with file:line [key], precedence."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from newsclean.errors import RuleError
from newsclean.rules import loader
from newsclean.rules.loader import (
    builtin_rules,
    check_folder,
    load_builtin,
    load_rule_file,
    load_rules,
    parse_rule_text,
    validate_rule_file,
)
from newsclean.rules.model import normalise_domain
from newsclean.rules.selectors import check_selector, select_text

FULL = """\
# a comment
name = "Example News"
domains = ["example.com", ".Example.org."]
story = "//article//div[@id='body']"
title = ["h1.headline", "//meta[@property='og:title']/@content"]
authors = [
  "//div[@class='author']/a",      # first
  "span.byline",
]
published = "//time/@datetime"
images = "figure.lead"
captions = ".caption"
credits = ".credit"
strip = [".share", "//div[contains(@class,'ad-')]"]
replace = [["<br><br>", "</p><p>"]]
engine_fallback = false
tests = ["https://www.example.com/news/1"]

[[related]]
block = "div.latest"
name = "Latest"
url = ".//a/@href"
title = ".//h3"
section = ".//span[@class='section']"
time = ".//span[@class='age']"
teaser = ".//p"

[[related]]
block = "//aside[@id='more']"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(text: str) -> list[RuleError]:
    rule, errors = parse_rule_text(text, "site.toml")
    assert rule is None
    return errors


def test_full_example_loads_every_field(tmp_path: Path) -> None:
    rule = load_rule_file(write(tmp_path, "example.toml", FULL))
    assert rule.name == "Example News"
    assert rule.domains == ("example.com", "example.org")
    assert rule.source == str(tmp_path / "example.toml")
    assert rule.story == ("//article//div[@id='body']",)
    assert rule.title == ("h1.headline", "//meta[@property='og:title']/@content")
    assert rule.authors == ("//div[@class='author']/a", "span.byline")
    assert rule.strip == (".share", "//div[contains(@class,'ad-')]")
    assert rule.replace == (("<br><br>", "</p><p>"),)
    assert rule.engine_fallback is False and rule.exact_domains is False
    assert rule.tests == ("https://www.example.com/news/1",)
    assert [r.block for r in rule.related] == ["div.latest", "//aside[@id='more']"]
    first, second = rule.related
    assert (first.name, first.url, first.time, first.item) == (
        "Latest", ".//a/@href", ".//span[@class='age']", ".//li")
    assert second.name is None and second.title is None
    assert rule.matches("news.example.org") and not rule.matches("example.net")


def test_unknown_keys_name_line_and_allowed_keys() -> None:
    text = FULL.replace('published = "//time/@datetime"\n', 'publised = "//time"\n')
    text = text.replace('teaser = ".//p"\n', 'teaser = ".//p"\nsummary = ".//p"\n')
    errors = errors_of(text)
    assert [(e.line, e.key) for e in errors] == [(10, "publised"), (27, "related[0].summary")]
    assert "allowed keys: name, domains, story" in str(errors[0])
    assert str(errors[0]).startswith("site.toml:10 [publised]: unknown key 'publised'")
    assert "allowed keys: block, name, item" in str(errors[1])


def test_bad_selectors_are_reported_at_their_key() -> None:
    text = FULL.replace('"span.byline"', '"span..byline"').replace(
        'time = ".//span[@class=\'age\']"', 'time = ".//span[lower-case(@class)=\'age\']"')
    errors = errors_of(text)
    assert [(e.line, e.key) for e in errors] == [(6, "authors"), (25, "related[0].time")]
    assert "span..byline" in str(errors[0])
    assert "lower-case() is not an XPath 1.0 function" in str(errors[1])


def test_xpath_written_without_leading_slash_gets_a_hint() -> None:
    errors = errors_of('name = "X"\ndomains = ["x.com"]\ntitle = "child::h1"\n')
    assert errors[0].line == 3
    assert "must start with '/', './', '..' or '('" in str(errors[0])


@pytest.mark.parametrize("domain", [
    "https://example.com", "example.com/news", "localhost", "exa_mple.com", "-bad.com",
    "müller.de", "", "example..com",
])
def test_invalid_domains(domain: str) -> None:
    errors = errors_of(f'name = "X"\ndomains = ["ok.com", "{domain}"]\n')
    assert [(e.line, e.key) for e in errors] == [(2, "domains")]


def test_domain_normalisation() -> None:
    assert normalise_domain("WWW.Example.COM.") == ("www.example.com", False)
    assert normalise_domain(".example.co.uk") == ("example.co.uk", True)
    assert normalise_domain("xn--mller-kva.de") == ("xn--mller-kva.de", False)


def test_leading_dot_contradicts_exact_domains() -> None:
    errors = errors_of('name = "X"\ndomains = [".example.com"]\nexact_domains = true\n')
    assert errors[0].key == "domains" and "exact_domains" in str(errors[0])


def test_required_keys_and_types() -> None:
    errors = errors_of('story = 3\ntitle = ["h1", 2]\nreplace = [["a"]]\n'
                       'engine_fallback = "no"\ntests = ["example.com/x"]\n')
    found = {(e.key, e.line) for e in errors}
    assert found == {("name", None), ("domains", None), ("story", 1), ("title", 2),
                     ("replace", 3), ("engine_fallback", 4), ("tests", 5)}
    messages = " | ".join(str(e) for e in errors)
    assert "expected a string or a list of strings, got int 3" in messages
    assert "expected true or false" in messages


def test_related_needs_a_block_and_single_selectors() -> None:
    text = ('name = "X"\ndomains = ["x.com"]\n\n[[related]]\nblock = "div.a"\n\n'
            '[[related]]\nitem = "li"\ntitle = ["h3", "h4"]\n')
    errors = errors_of(text)
    assert {(e.key, e.line) for e in errors} == {("related[1].block", 7),
                                                 ("related[1].title", 9)}


def test_toml_syntax_error_has_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.toml", 'name = "X"\ndomains = ["x.com"\ntitle = "h1"\n')
    with pytest.raises(RuleError) as info:
        load_rule_file(path)
    assert info.value.path == str(path) and info.value.line is not None
    assert "not valid TOML" in str(info.value)


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('name = "Caf\xe9"\ndomains = ["x.com"]\n'.encode("latin-1"))
    _, errors = validate_rule_file(path)
    assert len(errors) == 1 and "not UTF-8" in str(errors[0])


def test_lines_are_found_past_multiline_values() -> None:
    # brackets in selectors, a multi-line array and a multi-line string that contains
    # text looking like a key must not shift the lines found for later keys
    text = ('name = "X"\ndomains = ["x.com"]\nstrip = [\n  "//div[@a=\'[\']",\n'
            '  ["nested"],\n]\ntitle = """\nstory = 1\n"""\nstory = 2\n')
    errors = errors_of(text)
    assert {(e.key, e.line) for e in errors} == {("strip", 3), ("title", 7), ("story", 10)}


def test_lines_after_one_line_triple_quoted_strings() -> None:
    text = ('name = "X"\ndomains = ["x.com"]\ntitle = """h1"""\nstory = 1\n'
            "authors = '''//a[1]'''\ncaptions = 2\n")
    assert {(e.key, e.line) for e in errors_of(text)} == {("story", 4), ("captions", 6)}


def test_load_rule_file_raises_the_first_of_several_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "x.toml", 'name = "X"\ndomains = ["x.com"]\nfoo = 1\nbar = 2\n')
    with pytest.raises(RuleError) as info:
        load_rule_file(path)
    assert (info.value.line, info.value.key) == (3, "foo")
    assert "and 1 more" in str(info.value)


def rule_text(name: str, domain: str, title: str = "h1") -> str:
    return f'name = "{name}"\ndomains = ["{domain}"]\ntitle = "{title}"\n'


def test_user_folders_take_precedence_in_order(tmp_path: Path) -> None:
    write(tmp_path / "a", "one.toml", rule_text("A", "example.com"))
    write(tmp_path / "b", "one.toml", rule_text("B", "example.com"))
    write(tmp_path / "b", "two.toml", rule_text("B2", "example.net"))
    rules = load_rules([tmp_path / "a", tmp_path / "b"], builtin=False)
    assert len(rules) == 3
    found = rules.for_host("www.example.com")
    assert found is not None and found.name == "A"
    found = rules.for_host("example.net")
    assert found is not None and found.name == "B2"


def test_user_rule_overrides_a_builtin(tmp_path: Path) -> None:
    if not builtin_rules():
        pytest.skip("no built-in rules")
    builtin = builtin_rules()[0]
    write(tmp_path, "mine.toml", rule_text("Mine", builtin.domains[0]))
    rules = load_rules([tmp_path])
    assert len(rules) == len(builtin_rules()) + 1
    assert rules.for_host(builtin.domains[0]) is not None
    assert rules.for_host(builtin.domains[0]).name == "Mine"  # type: ignore[union-attr]
    assert load_rules([]).for_host(builtin.domains[0]) == builtin


def test_a_broken_user_folder_raises(tmp_path: Path) -> None:
    write(tmp_path, "good.toml", rule_text("A", "a.com"))
    write(tmp_path, "bad.toml", rule_text("B", "b.com", title="h1["))
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert info.value.path == str(tmp_path / "bad.toml") and info.value.line == 3
    with pytest.raises(RuleError, match="not found"):
        load_rules([tmp_path / "missing"])


def test_check_folder_lists_every_error_and_duplicate_domains(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", rule_text("A", "example.com"))
    write(tmp_path, "b.toml", rule_text("B", "example.com"))
    write(tmp_path, "c.toml", 'name = "C"\ndomains = ["c.com"]\nx = 1\ny = 2\n')
    rules, errors = check_folder(tmp_path)
    assert [r.name for r in rules] == ["A", "B"]
    assert [(Path(e.path or "").name, e.line, e.key) for e in errors] == [
        ("c.toml", 3, "x"), ("c.toml", 4, "y"), ("b.toml", None, "domains")]
    assert "already claimed by" in str(errors[-1])


def test_ftr_files_in_a_user_folder_load_after_its_toml_rules(tmp_path: Path) -> None:
    write(tmp_path, "example.com.toml", rule_text("Native", "example.com"))
    write(tmp_path, "example.com.txt", "title: //h2\n")
    write(tmp_path, "example.net.txt", "title: //h2\nbody: //article[\n")
    rules = load_rules([tmp_path], builtin=False)
    assert [r.name for r in rules] == ["Native", "example.com", "example.net"]
    assert rules.for_host("example.com").name == "Native"  # type: ignore[union-attr]
    net = rules.for_host("www.example.net")
    assert net is not None and net.title == ("//h2",) and net.story == ()


def test_every_builtin_rule_file_loads() -> None:
    folder = resources.files("newsclean.rules") / "builtin"
    files = sorted(e.name for e in folder.iterdir() if e.name.endswith(".toml"))
    rules = builtin_rules()  # raises RuleError on any broken built-in
    assert [Path(r.source).name for r in rules] == files
    assert builtin_rules() is rules  # read once
    assert len(load_builtin()) == len(files)
    for rule in rules:
        assert rule.domains, rule.source
        assert all(rule.matches(d) for d in rule.domains)


def test_a_broken_builtin_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "good.com.toml", rule_text("Good", "good.com"))
    write(tmp_path, "bad.com.toml", rule_text("Bad", "bad.com") + "colour = 'red'\n")
    monkeypatch.setattr(loader, "_builtin_folder", lambda: tmp_path)
    builtin_rules.cache_clear()
    try:
        with pytest.raises(RuleError) as info:
            builtin_rules()
        assert "newsclean/rules/builtin/bad.com.toml:4 [colour]" in str(info.value)
    finally:
        monkeypatch.undo()
        builtin_rules.cache_clear()


@pytest.mark.parametrize(("selector", "problem"), [
    ("//div[contains(@class='x')]", "contains() takes 2 arguments, not 1"),
    ("//p[translate(., 'a')]", "translate() takes 3 arguments, not 2"),
    ("//p[matches(., 'a')]", "matches() is not an XPath 1.0 function"),
    ("//*[php:functionString('f', @x)]", "namespace prefix 'php' is not defined"),
    ("//a[@href=$link]", "variable $link is not defined"),
    ("//div[@class='a'", "invalid selector"),
    ("div..x", "invalid selector"),
    ("  ", "empty selector"),
])
def test_check_selector_rejects(selector: str, problem: str) -> None:
    with pytest.raises(RuleError, match=re.escape(problem)):
        check_selector(selector)


@pytest.mark.parametrize("selector", [
    "//div[@x and (@y or @z)]",
    "(//p)[last()]",
    "//p[contains(concat(' ', normalize-space(@class), ' '), ' a(b, c) ')]",
    "//a/@xml:lang",
    "(substring-after(//p[1], 'By '))",
    "child::div/following-sibling::text()".join(("(", ")")),
    "div.story > p:first-child",
])
def test_check_selector_accepts(selector: str) -> None:
    check_selector(selector)


def test_string_valued_xpath_is_read_as_text() -> None:
    root = html.document_fromstring("<html><body><p>By Jane Doe</p></body></html>")
    check_selector("(substring-after(//p, 'By '))")
    assert select_text(root, "(substring-after(//p, 'By '))") == ["Jane Doe"]


def test_a_single_related_table_is_accepted() -> None:
    rule, errors = parse_rule_text('name = "X"\ndomains = ["x.com"]\n[related]\nblock = "ul"\n'
                                   'title = "h3["\n', "site.toml")
    assert rule is None and [(e.key, e.line) for e in errors] == [("related[0].title", 5)]
    rule, errors = parse_rule_text('name = "X"\ndomains = ["x.com"]\n[related]\nblock = "ul"\n',
                                   "site.toml")
    assert errors == [] and rule is not None and rule.related[0].block == "ul"


selector_text = st.text(alphabet=st.sampled_from(list("ab[]{}()'\"#=\\ /@.\n")), max_size=30)


@settings(max_examples=200, deadline=None)
@given(values=st.lists(selector_text, max_size=4), inline=st.booleans())
def test_key_lines_survive_any_string_content(values: list[str], inline: bool) -> None:
    # json.dumps writes valid TOML basic strings; the key after the array must be found
    # on its own line whatever brackets, quotes or hashes the strings hold
    items = [json.dumps(v) for v in values]
    array = "[" + ", ".join(items) + "]" if inline else "[\n" + "".join(
        f"  {item},  # note [\n" for item in items) + "]"
    text = f'name = "X"\nstrip = {array}\ntitle = "h1"\n'
    assert tomllib.loads(text)["strip"] == values
    lines = loader._KeyLines(text)
    assert lines.line("strip") == 2
    assert lines.line("title") == text.count("\n")


def test_the_readme_example_rule_is_valid() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("```toml\n") + len("```toml\n")
    rule, errors = parse_rule_text(readme[start:readme.index("```", start)], "README.md")
    assert errors == [] and rule is not None
    assert len(rule.related) == 2 and rule.images == ("figure.lead", "#story-body figure")
