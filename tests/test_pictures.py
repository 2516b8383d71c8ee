"""Story pictures: the best URL of a picture, captions and credits wherever the page
puts them, and pictures that are not the story's left out."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

import newsclean
from newsclean.extract.media import image_url
from newsclean.rules.loader import parse_rule_text

BASE = "https://news.example/world/story"


def _img(markup: str) -> lxml_html.HtmlElement:
    root = lxml_html.fromstring(f"<div>{markup}</div>")
    return next(root.iter("img"))


@pytest.mark.parametrize(("markup", "expected"), [
    ('<img src="/a.jpg">', "https://news.example/a.jpg"),
    # the widest srcset candidate, URLs with commas included
    ('<img src="/s.jpg" srcset="/m.jpg 480w, /l.jpg 1200w, /x.jpg 960w">',
     "https://news.example/l.jpg"),
    ('<img src="/s.jpg" srcset="https://c.example/w_300,h_200/a.jpg 300w, '
     'https://c.example/w_900,h_600/a.jpg 900w">', "https://c.example/w_900,h_600/a.jpg"),
    ('<img src="/s.jpg" srcset="/one.jpg, /two.jpg 2x">', "https://news.example/two.jpg"),
    # lazy loading: the placeholder src is not the picture
    ('<img src="data:image/gif;base64,R0lGOD" data-src="/lazy.jpg">',
     "https://news.example/lazy.jpg"),
    ('<img src="/img/blank.gif" data-lazy-src="/lazy.jpg">', "https://news.example/lazy.jpg"),
    ('<img data-original="/orig.jpg">', "https://news.example/orig.jpg"),
    ('<img src="/s.jpg" data-lazy-srcset="/a.jpg 300w, /b.jpg 1000w">',
     "https://news.example/b.jpg"),
    # the <source>s of a <picture>
    ('<picture><source srcset="/p-small.webp 400w, /p-big.webp 1600w" type="image/webp">'
     '<img src="/p.jpg"></picture>', "https://news.example/p-big.webp"),
    ('<img src="data:image/gif;base64,R0lGOD">', None),
])
def test_best_url(markup: str, expected: str | None) -> None:
    assert image_url(_img(markup), BASE) == expected


def test_rule_attributes_come_first() -> None:
    img = _img('<img src="/s.jpg" data-zoom="/zoom.jpg" srcset="/l.jpg 1200w">')
    assert image_url(img, BASE, ("data-zoom",)) == "https://news.example/zoom.jpg"
    assert image_url(img, BASE, ("data-missing",)) == "https://news.example/l.jpg"


RULE = """name = "Lazy Times"
domains = ["lazy.example"]
story = "article"
images = "div.pic"
captions = ".cap"
credits = ".by"
image_url_attributes = ["data-src", "data-hd"]
"""

LAZY_PAGE = """<html><body><article><h1>Ferry returns</h1>
<div class="pic"><div class="frame" data-src="/img/ferry.jpg"></div>
<p class="cap">The ferry leaves the pier at dawn on Monday.</p><span class="by">Jo Park</span></div>
<p>The ferry service between the islands resumed on Monday after a winter of repairs to
its hull and engines, the operator said in a statement.</p>
<p>Passengers queued from early morning, and the first crossing left on time.</p>
</article></body></html>"""


def test_rule_key_for_the_url_attribute() -> None:
    rule, errors = parse_rule_text(RULE, "lazy.toml")
    assert errors == [] and rule is not None
    assert rule.image_url_attributes == ("data-src", "data-hd")
    article = newsclean.extract(LAZY_PAGE, "https://lazy.example/news/ferry",
                                rules=newsclean.RuleSet([rule]))
    assert [(i.url, i.caption, i.credit) for i in article.images] == [
        ("https://lazy.example/img/ferry.jpg",
         "The ferry leaves the pier at dawn on Monday.", "Jo Park")]


@pytest.mark.parametrize("value", ['"data src"', "[1]", '["<img>"]'])
def test_rule_key_for_the_url_attribute_is_checked(value: str) -> None:
    text = RULE.replace('["data-src", "data-hd"]', value)
    rule, errors = parse_rule_text(text, "lazy.toml")
    assert rule is None
    assert [(e.key, e.line) for e in errors] == [("image_url_attributes", 7)]
