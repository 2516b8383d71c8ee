"""`newsclean rules test / check / ftr-report`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean
from newsclean import RuleSet, SiteRule
from newsclean.cli import main
from newsclean.rules.loader import builtin_rules
from newsclean.rules.substance import RULE_STORY_MIN_WORDS
from newsclean.rules.tested import real_pages
from newsclean.rules.testing import try_rule

PAGE = """<!doctype html><html><head>
<meta property="og:title" content="Meta headline">
<meta property="article:published_time" content="2024-10-23T10:00:00Z">
</head><body>
<div class="share">Share this</div>
<article>
  <h1 class="headline">River floods the old town</h1>
  <p class="byline">By <a class="author">Ann Lee</a> and <a class="author">Bo Chan</a></p>
  <figure class="lead"><img src="/a.jpg"><figcaption>Water in the square.
    <span class="credit">Photo: Cy Dee</span></figcaption></figure>
  <div id="story"><p>The river rose overnight.</p><p>Shops closed.</p>
    <p>Water stood knee deep in the market square by morning, and the council opened
    the school gym for the families who had to leave their homes before dawn.</p>
    <div class="share">Share again</div></div>
</article>
<div class="latest"><h2>Latest Headlines</h2><ul>
  <li><a href="/news/one">First story</a><span class="age">1 hour ago</span></li>
  <li><a href="/news/two">Second story</a><span class="age">2 hours ago</span></li>
</ul></div>
</body></html>"""

RULE = """\
name = "Example"
domains = ["example.com"]
story = ["//div[@id='missing']", "#story"]
title = ["h1.headline", "//meta[@property='og:title']/@content"]
authors = "a.author"
published = "//meta[@property='article:published_time']/@content"
images = "figure.lead"
captions = "figcaption"
credits = ".credit"
strip = ".share"

[[related]]
block = "div.latest"
url = ".//a/@href"
title = ".//a"
time = ".//span[@class='age']"
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    rule = tmp_path / "example.com.toml"
    rule.write_text(RULE, encoding="utf-8")
    return rule, page


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_rules_test_json_reports_each_alternative(
        files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    rule, page = files
    code, out, _ = run(capsys, "rules", "test", str(rule), str(page), "--json",
                       "--url", "https://www.example.com/news/flood")
    assert code == 0
    report = json.loads(out)
    fields = {f["field"]: f for f in report["fields"]}
    story = fields["story"]
    assert story["used"] == 1
    assert [a["count"] for a in story["alternatives"]] == [0, 1]
    # strip ran first: the share box inside the story is gone from its text
    text = story["alternatives"][1]["matches"][0]["text"]
    assert text.startswith("The river rose overnight. Shops closed. Water stood")
    assert "Share again" not in text
    assert fields["strip"]["alternatives"][0]["count"] == 2
    assert fields["title"]["used"] == 0
    assert [a["count"] for a in fields["title"]["alternatives"]] == [1, 1]
    assert [m["text"] for m in fields["authors"]["alternatives"][0]["matches"]] == [
        "Ann Lee", "Bo Chan"]
    assert fields["published"]["alternatives"][0]["matches"][0] == {
        "node": "@content", "text": "2024-10-23T10:00:00Z"}
    assert fields["credits"]["alternatives"][0]["matches"][0]["text"] == "Photo: Cy Dee"
    assert "inside each of the 1 image containers" in fields["credits"]["note"]
    (block,) = report["related"]
    assert block["count"] == 1
    assert block["blocks"][0]["name"] == "Latest Headlines"
    assert block["blocks"][0]["items"] == [
        {"url": "https://www.example.com/news/one", "title": "First story",
         "time": "1 hour ago"},
        {"url": "https://www.example.com/news/two", "title": "Second story",
         "time": "2 hours ago"},
    ]
    assert report["notes"] == []
    assert set(report["engine"]) >= {"title", "paragraphs", "related"}


def test_rules_test_text_marks_the_alternative_used(
        files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    rule, page = files
    code, out, _ = run(capsys, "rules", "test", str(rule), str(page),
                       "--url", "https://other.org/x")
    assert code == 0
    assert "story: alternative 2 is used" in out
    assert "  1. //div[@id='missing']  (0 matches)" in out
    assert " *2. #story  (1 match)" in out
    assert "'River floods the old town'" in out
    assert "do not match 'other.org'" in out
    assert "with the engine" in out


def test_rules_test_previews_are_cut_to_80_characters(
        tmp_path: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    rule, _ = files
    page = tmp_path / "long.html"
    page.write_text(f"<html><body><div id='story'>{'word ' * 100}</div></body></html>")
    code, out, _ = run(capsys, "rules", "test", str(rule), str(page), "--json")
    assert code == 0
    story = next(f for f in json.loads(out)["fields"] if f["field"] == "story")
    text = story["alternatives"][1]["matches"][0]["text"]
    assert len(text) == 80 and text.endswith("…")


def test_rules_test_with_an_ftr_file(tmp_path: Path, files: tuple[Path, Path],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    _, page = files
    ftr = tmp_path / "example.com.txt"
    ftr.write_text("body: //div[@id='story']\ntitle: //h1\nstrip_id_or_class: share\n"
                   "date: //time\nbogus: 1\n")
    code, out, _ = run(capsys, "rules", "test", str(ftr), str(page), "--json")
    assert code == 0
    report = json.loads(out)
    fields = {f["field"]: f for f in report["fields"]}
    assert fields["strip"]["alternatives"][0]["count"] == 2
    assert fields["story"]["used"] == 0
    assert fields["published"]["used"] is None
    assert any("unknown directive 'bogus'" in n for n in report["notes"])


def test_rules_test_with_a_builtin_domain(files: tuple[Path, Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    if not builtin_rules():
        pytest.skip("no built-in rules")
    _, page = files
    builtin = builtin_rules()[0]
    code, out, _ = run(capsys, "rules", "test", "www." + builtin.domains[0], str(page))
    assert code == 0
    assert out.startswith(f"rule: {builtin.name} ({builtin.source})")


def test_rules_test_errors(tmp_path: Path, files: tuple[Path, Path],
                           capsys: pytest.CaptureFixture[str]) -> None:
    rule, page = files
    code, _, err = run(capsys, "rules", "test", "no-such-site.example", str(page))
    assert code == 3 and "no rule for the domain 'no-such-site.example'" in err
    broken = tmp_path / "broken.toml"
    broken.write_text('name = "B"\ndomains = ["b.com"]\ntitle = "h1["\n')
    code, _, err = run(capsys, "rules", "test", str(broken), str(page))
    assert code == 3 and f"{broken}:3 [title]" in err
    code, _, err = run(capsys, "rules", "test", str(rule), str(tmp_path / "missing.html"))
    assert code == 3 and "missing.html" in err


def test_rules_check_lists_every_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.toml").write_text(RULE)
    (tmp_path / "bad.toml").write_text('name = "B"\ndomains = ["http://b.com"]\ncolor = 1\n')
    code, out, _ = run(capsys, "rules", "check", str(tmp_path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'bad.toml'}:2 [domains]: 'http://b.com'")
    assert lines[1].startswith(f"{tmp_path / 'bad.toml'}:3 [color]: unknown key")
    assert lines[2] == f"{tmp_path}: 2 rule files, 1 valid, 2 errors in 1 file"
    (tmp_path / "bad.toml").unlink()
    assert run(capsys, "rules", "check", str(tmp_path))[0] == 0
    assert run(capsys, "rules", "check", str(tmp_path / "nope"))[0] == 3


def test_rules_check_defaults_to_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "check")
    assert code == 0
    count = len(builtin_rules())
    assert out.rstrip().endswith(f"{count} rule files, {count} valid, 0 errors in 0 files")


def test_ftr_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.com.txt").write_text("body: //article\nprune: no\n")
    (tmp_path / "half.com.txt").write_text("title: //h1\nstrip: //div[\n")
    (tmp_path / "dead.com.txt").write_text("body: //div[contains(@class='x')]\n")
    (tmp_path / "typo.com.txt").write_text("titl: //h1\n")
    (tmp_path / "LICENSE.txt").write_text("Public domain.\n")
    code, out, _ = run(capsys, "rules", "ftr-report", str(tmp_path), "--warnings")
    assert code == 0
    assert f"{tmp_path}: 4 site configs" in out
    assert "not site configs, not read: LICENSE.txt" in out
    counts = {line.split(":")[0].strip(): line.split(":")[1].strip()
              for line in out.splitlines() if line.startswith("  ") and ":" in line}
    assert counts["loaded clean"] == "2"
    assert counts["loaded with skipped lines"] == "1"
    assert counts["failed"] == "1"
    assert counts["loaded"] == "75.0%"
    assert f"{tmp_path / 'half.com.txt'}:2 [strip]" in out
    assert f"{tmp_path / 'dead.com.txt'}:1 [body]" in out and "[file failed]" in out
    assert f"{tmp_path / 'typo.com.txt'}:1 [titl]: unknown directive" in out
    assert "accepted, not applied: prune 1" in out


# A Guardian page whose body selector misses (a live blog, say): the rule's fallback
# finds only the empty skip-link target <div id="maincontent">.
GUARDIAN_PAGE = """<!doctype html><html><head><title>Live</title></head><body>
<a href="#maincontent">Skip to main content</a>
<div id="maincontent" tabindex="0"></div>
<article><div data-gu-name="headline"><h1>Live: the day in politics</h1></div>
<div class="live-blog"><p>First update of the day: the committee meets at nine, and the
minister is expected to answer questions on the budget for the first time.</p>
<p>Second update: the meeting has been moved to the afternoon, a spokesperson says,
because two members of the committee are stuck on a delayed train.</p></div></article>
</body></html>"""


def test_rules_test_says_the_engine_is_used_when_the_story_match_is_empty(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "live.html"
    page.write_text(GUARDIAN_PAGE, encoding="utf-8")
    code, out, _ = run(capsys, "rules", "test", "theguardian.com", str(page))
    assert code == 0
    story_line = next(line for line in out.splitlines() if line.startswith("story"))
    assert story_line == (f"story: no match, engine used (alternative 2 matched fewer "
                          f"than {RULE_STORY_MIN_WORDS} words of prose)")
    assert (f"  2. //div[@id='maincontent']  (1 match, fewer than {RULE_STORY_MIN_WORDS} "
            "words of prose)") in out
    code, out, _ = run(capsys, "rules", "test", "theguardian.com", str(page), "--json")
    story = next(f for f in json.loads(out)["fields"] if f["field"] == "story")
    assert story["used"] is None
    assert [(a["count"], a["substantive"], a["used"]) for a in story["alternatives"]] == [
        (0, False, False), (1, False, False)]
    # as the engine does: the live blog's updates, read by the engine, not the empty div
    article = newsclean.extract(GUARDIAN_PAGE, "https://www.theguardian.com/live/1")
    assert [p[:20] for p in article.paragraphs] == ["First update of the ",
                                                   "Second update: the m"]


def test_try_rule_reports_what_the_engine_takes() -> None:
    rule = SiteRule(name="t", domains=("example.com",),
                    story=("//div[@id='empty']", "//div[@id='story']"),
                    title=("//h2[@class='blank']", "//h1"),
                    authors=("//span[@class='blank']",))
    html = ("<html><body><div id='empty'></div><h2 class='blank'> </h2><h1>Head</h1>"
            "<span class='blank'></span><div id='story'><p>Text.</p></div></body></html>")
    report = try_rule(rule, html.encode(), "https://example.com/a")
    fields = {f.field: f for f in report.fields}
    # a story alternative whose match holds too little prose is not taken: the engine
    # finds the story itself, whichever alternative matched
    assert fields["story"].used is None
    assert [a.count for a in fields["story"].alternatives] == [1, 1]
    assert not any(a.substantive for a in fields["story"].alternatives)
    # and the first title alternative whose match holds text
    assert fields["title"].used == 1
    assert fields["title"].alternatives[1].matches[0].text == "Head"
    assert fields["authors"].used is None and fields["authors"].alternatives[0].count == 1
    assert newsclean.extract(html, "https://example.com/a",
                             rules=RuleSet([rule])).title == "Head"


def test_rules_list_marks_rules_without_a_real_page_untested(
        files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    rule, _ = files
    code, out, _ = run(capsys, "rules", "list", "--rules", str(rule.parent), "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows[0]["source"] == str(rule)  # the user's folder first
    assert rows[0]["tested"] == "untested" and rows[0]["real_pages"] == []
    builtin = {Path(row["source"]).stem: row for row in rows[1:]}
    assert set(builtin) == {Path(r.source).stem for r in builtin_rules()}
    recorded = real_pages()
    for key, row in builtin.items():
        pages = recorded.get(key, ())
        assert row["tested"] == ("real page" if pages else "untested")
        assert [p["path"] for p in row["real_pages"]] == [p.path for p in pages]
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0
    tested = sum(1 for key in builtin if recorded.get(key))
    assert out.splitlines()[-1] == (f"{len(builtin)} rules, {tested} tested on a real page "
                                    f"of their site, {len(builtin) - tested} untested")
    line = next(line for line in out.splitlines() if line.startswith("theguardian.com.toml"))
    assert "real page" in line
