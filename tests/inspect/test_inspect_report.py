"""The inspector report without a browser: what the sanitiser keeps, what the panel shows.

The builders here (`story_explanation`, `hostile_explanation`, `large_explanation`) are
also used by test_inspect_browser.py.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import lxml.html
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from newsclean.extract.explain import NODE_ID, Decision, Explanation, annotate
from newsclean.inspect import render_report, sanitise_css, write_report
from newsclean.inspect.css import sanitise_style
from newsclean.inspect.report import MAX_ITEMS
from newsclean.inspect.sanitise import MAX_STYLE, MAX_TEXT, PLACEHOLDER_SRC, prepare_page
from newsclean.inspect.template import REPORT_JS, ROLES, script_hash
from newsclean.model import Article, Dateline, Image, RelatedLink
from tests.html_query import element_by_id, nodes, strings, text_content

STORY_PAGE = """<!DOCTYPE html><html><head><title>Troops confirmed</title>
<meta property="article:published_time" content="2024-10-23T09:10:00-04:00">
<style>body{font-family:Georgia,serif;max-width:760px;margin:1em auto}</style></head>
<body><nav class="menu"><a href="/">Home</a> <a href="/world">World News</a></nav>
<article><h1>Austin confirms North Korean troops are in Russia</h1>
<div class="byline">By <a href="/author/doug">Doug Cunningham</a></div>
<time datetime="2024-10-23">Oct. 23, 2024 / 9:10 AM</time>
<figure class="lead"><img src="https://cdn.example/austin.jpg" alt="Austin at a podium"
 width="400" height="225"><figcaption><span class="cap">Lloyd Austin speaks in Rome.</span>
 <span class="credit">Photo by Olivier Matthys/EPA-EFE</span></figcaption></figure>
<div id="article-body"><p>SEOUL, Oct. 23 (UPI) -- North Korean troops are in Russia.</p>
<p>What they are doing there is unclear, Austin said.</p></div></article>
<div class="share-bar">Share on Facebook</div>
<div class="latest"><h3>Latest Headlines</h3><ul>
<li><a href="/samoa">King Charles III arrives in Samoa</a><span class="sec">World News</span>
<span class="age">1 hour ago</span></li>
<li><a href="/harris">Harris campaigns in Pennsylvania</a><span class="age">2 hours ago</span></li>
</ul></div><footer>Copyright UPI</footer></body></html>"""

# Each: (xpath, role, reason, source, score)
STORY_DECISIONS = [
    ("//div[@id='article-body']", "story", "story selector //div[@id='article-body']",
     "rule:UPI", None),
    ("//div[@id='article-body']/p[1]", "paragraph", "text inside the story container",
     "rule:UPI", None),
    ("//div[@id='article-body']/p[1]", "dateline", "wire dateline 'SEOUL, Oct. 23 (UPI) --'",
     "engine:dateline", None),
    ("//div[@id='article-body']/p[2]", "paragraph", "text inside the story container",
     "rule:UPI", None),
    ("//h1", "title", "title selector //h1", "rule:UPI", None),
    ("//div[@class='byline']", "byline", "authors selector .byline a", "rule:UPI", None),
    ("//time", "date", "<time datetime> near the title", "engine:time", 0.82),
    ("//meta[@property]", "date", "meta article:published_time", "engine:meta", None),
    ("//figure", "image", "images selector figure.lead", "rule:UPI", None),
    ("//span[@class='cap']", "caption", "captions selector .cap", "rule:UPI", None),
    ("//span[@class='credit']", "credit", "credits selector .credit", "rule:UPI", None),
    ("//div[@class='latest']", "related-block", "related block div.latest", "rule:UPI", None),
    ("//div[@class='latest']//li[1]", "related-item", "item .//li", "rule:UPI", None),
    ("//div[@class='latest']//li[2]", "related-item", "item .//li", "rule:UPI", None),
    ("//nav", "boilerplate", "link density 0.93 over 0.5", "engine:link-density", 0.93),
    ("//div[@class='share-bar']", "boilerplate", "strip div.share-bar", "rule:UPI", None),
    ("//footer", "boilerplate", "<footer> element", "engine:tag", None),
]

STORY_ARTICLE = Article(
    url="https://www.upi.com/Top_News/World-News/2024/10/23/austin/1234567890/",
    title="Austin confirms North Korean troops are in Russia",
    authors=["Doug Cunningham"],
    dateline=Dateline("SEOUL", "Oct. 23", "UPI"),
    description="The Pentagon confirmed the deployment.",
    paragraphs=["North Korean troops are in Russia.", "What they are doing there is unclear."],
    images=[Image("https://cdn.example/austin.jpg", "Lloyd Austin speaks in Rome.",
                  "Olivier Matthys/EPA-EFE", "Austin at a podium")],
    related=[
        RelatedLink("https://www.upi.com/samoa", "King Charles III arrives in Samoa",
                    section="World News", age="1 hour ago", teaser="The king lands in Apia.",
                    block="Latest Headlines"),
        RelatedLink("https://www.upi.com/harris", "Harris campaigns in Pennsylvania",
                    age="2 hours ago", block="Latest Headlines"),
    ],
)


def annotated(source: str) -> etree._Element:
    root = lxml.html.document_fromstring(source)
    annotate(root)
    return root


def node(root: etree._Element, xpath: str) -> str:
    found = root.xpath(xpath)
    assert isinstance(found, list) and found, xpath
    element = found[0]
    assert isinstance(element, etree._Element)
    return str(element.get(NODE_ID))


def story_explanation(page: str = STORY_PAGE) -> Explanation:
    root = annotated(page)
    decisions = [Decision(node(root, xpath), role, reason, source, score)  # type: ignore[arg-type]
                 for xpath, role, reason, source, score in STORY_DECISIONS]
    return Explanation(STORY_ARTICLE, decisions, lxml.html.tostring(root, encoding="unicode"),
                       "UPI (rules/builtin/upi.com.toml)")


def bypass_vectors(origin: str) -> list[tuple[str, str]]:
    """(name, markup) pairs, each trying to run code or reach `origin` past a sanitiser."""
    o = origin
    pwn = "window.__pwned"
    return [
        # Deleting a token from a sheet used to join "<" and "/style>" into a live end tag.
        ("style-token-reform",
         f'<style><@import;/style><meta http-equiv="refresh" content="0;url={o}/reform-refresh">'
         f'<a id="reform-link" href="{o}/reform-link">out</a><img src="{o}/reform-img" '
         f"onerror=\"{pwn}='reform'\"></style>"),
        ("style-control-char",
         f'<style><\x01/style><meta http-equiv="refresh" content="0;url={o}/ctl-refresh">'
         f"<img src=\"{o}/ctl-img\" onerror=\"{pwn}='ctl'\"></style>"),
        ("svg-style-markup",
         f"<svg><style><img src=\"{o}/svg-style\" onerror=\"{pwn}='svg-style'\"></style></svg>"),
        ("noscript-attribute-markup",
         f'<noscript><p title="</noscript><img src={o}/noscript-attr '
         f"onerror={pwn}='noscript'>\">n</p></noscript>"),
        # Escaped CSS: the browser decodes these to @import, url( and image-set(.
        ("css-import-hex-escape", f"<style>@\\69mport url({o}/import-hex.css);</style>"),
        ("css-import-char-escape", f'<style>@im\\port "{o}/import-char.css";</style>'),
        ("css-import-plain", f"<style>@import url({o}/import.css) screen;</style>"),
        ("css-url-upper-hex-escape", f'<p style="background:\\55 RL({o}/url-upper)">a</p>'),
        ("css-url-mixed-escape",
         f'<style>.m{{background:u\\52 l({o}/url-mixed)}}</style><p class="m">b</p>'),
        ("css-url-six-digit-escape",
         f'<p style="background:\\000075\\000072\\00006c({o}/url-six)">c</p>'),
        ("css-image-set-escape",
         f"<p style=\"background-image:\\69mage-set('{o}/image-set-esc.png' 1x)\">d</p>"),
        ("css-image-set-sheet",
         f'<style>.i{{background-image:-webkit-image-set("{o}/image-set.png" 1x)}}</style>'),
        ("css-image-set-attr",
         f"<p style=\"background-image:image-set('{o}/image-set-attr.png' 1x)\">e</p>"),
        ("css-url-in-comment-split", f"<style>.q{{background:u/**/rl({o}/split)}}</style>"),
        ("css-var-url",
         f"<style>:root{{--u:url({o}/var.png)}} .v{{background:var(--u)}}</style>"),
        ("css-content-url", f"<style>.c::before{{content:url({o}/content.png)}}</style>"),
        ("css-cursor-url", f'<div style="cursor:url({o}/cursor.cur),auto">f</div>'),
        ("css-list-style-image", f"<style>li{{list-style-image:url('{o}/bullet.png')}}</style>"),
        ("css-border-image", f'<div style="border-image:url({o}/border.png) 30">g</div>'),
        ("css-mask-image", f'<div style="-webkit-mask-image:url({o}/mask.png)">h</div>'),
        ("css-font-face", f"<style>@font-face{{font-family:x;src:url({o}/font.woff)}}</style>"),
        ("css-nested-rule", f"<style>p{{color:red;b{{background:url({o}/nested)}}}}</style>"),
        ("css-media-url",
         f"<style>@media screen{{.w{{background:url({o}/media.png)}}}}</style>"),
        ("css-style-attr-url", f"<p style=\"background:url('{o}/inline')\">i</p>"),
        # SVG presentation attributes that take url(...).
        ("svg-fill", f'<svg width="9" height="9"><rect width="9" height="9" '
                     f'fill="url({o}/fill.svg#p)"/></svg>'),
        ("svg-filter", f'<svg width="9" height="9"><rect width="9" height="9" '
                       f'filter="url({o}/filter.svg#f)"/></svg>'),
        ("svg-mask", f'<svg width="9" height="9"><rect width="9" height="9" '
                     f'mask="url({o}/mask.svg#m)"/></svg>'),
        ("svg-clip-path", f'<svg width="9" height="9"><rect width="9" height="9" '
                          f'clip-path="url({o}/clip.svg#c)"/></svg>'),
        ("svg-cursor", f'<svg width="9" height="9"><rect width="9" height="9" '
                       f'cursor="url({o}/cursor.png), auto"/></svg>'),
        ("svg-use-href", f'<svg><use href="{o}/use.svg#i"/></svg>'),
        ("svg-use-xlink-href", f'<svg><use xlink:href="{o}/use-xlink.svg#i"/></svg>'),
        ("svg-image-href", f'<svg><image href="{o}/image.png" width="5" height="5"/></svg>'),
        ("svg-image-xlink-href",
         f'<svg><image xlink:href="{o}/image-xlink.png" width="5" height="5"/></svg>'),
        ("svg-animate-href",
         f'<svg><a id="animated"><animate attributeName="href" values="{o}/animate"/>'
         '<text y="9">animated</text></a></svg>'),
        ("svg-set-href",
         f'<svg><image width="5" height="5"><set attributeName="href" to="{o}/set.png"/>'
         "</image></svg>"),
        ("svg-feimage", f'<svg><filter id="fi"><feImage href="{o}/feimage.png"/></filter></svg>'),
        ("svg-script", f"<svg><script>{pwn}='svg-script'</script></svg>"),
        # The usual ones.
        ("script", f'<script>{pwn}="script"; fetch("{o}/fetch");</script>'),
        ("on-handler", f"<div onmouseover=\"{pwn}='hover'\">j</div>"),
        ("javascript-url", f"<a href=\"javascript:{pwn}='js-url'\">k</a>"),
        ("img-srcset", f'<img src="{o}/img.png" srcset="{o}/srcset.png 2x" alt="l">'),
        ("picture-source", f'<picture><source srcset="{o}/source.png"><img alt="m"></picture>'),
        ("base", f'<base href="{o}/base/">'),
        ("link-stylesheet", f'<link rel="stylesheet" href="{o}/sheet.css">'),
        ("link-prefetch", f'<link rel="prefetch" href="{o}/prefetch">'),
        ("link-preload", f'<link rel="preload" as="image" href="{o}/preload.png">'),
        ("link-icon", f'<link rel="icon" href="{o}/icon.png">'),
        ("iframe", f'<iframe src="{o}/frame"></iframe>'),
        ("iframe-srcdoc", f"<iframe srcdoc=\"<img src='{o}/srcdoc.png'>\"></iframe>"),
        ("object", f'<object data="{o}/object"></object>'),
        ("embed", f'<embed src="{o}/embed">'),
        ("form-action", f'<form action="{o}/form"><button formaction="{o}/formaction">go'
                        "</button></form>"),
        ("meta-refresh", f'<meta http-equiv="refresh" content="0;url={o}/refresh">'),
        ("video-poster", f'<video poster="{o}/poster.png" src="{o}/video"></video>'),
        ("input-image", f'<input type="image" src="{o}/input.png">'),
        ("table-background", f'<table background="{o}/table.png"><tr><td>n</td></tr></table>'),
        ("a-ping", f'<a href="#here" ping="{o}/ping">o</a>'),
        # Kept on purpose, and must still load nothing: same-document references.
        ("svg-same-document",
         '<svg width="9" height="9"><defs><linearGradient id="grad"><stop offset="0" '
         'stop-color="red"/></linearGradient><symbol id="sym"><rect width="4" height="4"/>'
         '</symbol></defs><rect class="gg" width="9" height="9" fill="url(#grad)"/>'
         '<use href="#sym"/></svg><style>.gg{stroke:url(#grad)}</style>'),
    ]


def hostile_page(origin: str) -> str:
    """A page trying every way to run code or reach `origin` (e.g. http://127.0.0.1:PORT)."""
    return f"""<!DOCTYPE html><html><head>
<base href="{origin}/base/">
<meta http-equiv="refresh" content="0;url={origin}/refresh">
<link rel="stylesheet" href="{origin}/sheet.css">
<link rel="preconnect" href="{origin}"><link rel="prefetch" href="{origin}/prefetch">
<style>@import url("{origin}/import.css"); body{{background:url({origin}/css)}}
 .f{{background-image:u\\72l({origin}/escaped)}}
 @font-face{{font-family:x;src:url({origin}/font.woff)}} p{{font-family:x}}</style>
<script>window.__pwned = "head"; fetch("{origin}/fetch");</script>
<noscript><style>body{{display:none}}</style></noscript>
</head><body onload="window.__pwned='onload'; new Image().src='{origin}/onload'">
<h1 id="headline" onclick="window.__pwned='click'">Hostile page</h1>
<p id="story" class="f" style="background:url('{origin}/inline-style')">Story text.</p>
<img id="beacon" src="{origin}/beacon" srcset="{origin}/srcset 2x" alt="beacon" width="10"
 height="10" onerror="window.__pwned='onerror'">
<svg width="20" height="20" onload="window.__pwned='svg'"><image href="{origin}/svg-image"
 width="20" height="20"/><use xlink:href="{origin}/sprite.svg#i"/></svg>
<a id="js-link" href="javascript:window.__pwned='js-url'">click me</a>
<a id="plain-link" href="{origin}/navigate">plain link</a>
<iframe src="{origin}/frame"></iframe><object data="{origin}/object"></object>
<embed src="{origin}/embed"><video poster="{origin}/poster" src="{origin}/video"></video>
<audio src="{origin}/audio"></audio><picture><source srcset="{origin}/source">
<img alt="pic"></picture><input type="image" src="{origin}/input">
<table background="{origin}/table-bg"><tr><td>cell</td></tr></table>
<form action="{origin}/form"><button formaction="{origin}/formaction">go</button></form>
<noscript><img src="{origin}/noscript-pixel"></noscript>
<div onmouseover="window.__pwned='hover'">hover me</div>
<script>window.__pwned = "body"; navigator.sendBeacon("{origin}/beacon2");</script>
<svg><script>window.__pwned = "svg-script"</script></svg>
{"".join(markup for _, markup in bypass_vectors(origin))}
</body></html>"""


def hostile_explanation(origin: str) -> Explanation:
    root = annotated(hostile_page(origin))
    decisions = [
        Decision(node(root, "//p[@id='story']"), "paragraph", "story text", "engine:text", 0.9),
        Decision(node(root, "//h1"), "title", "the only <h1>", "engine:h1"),
        Decision(node(root, "//img[@id='beacon']"), "image", "a picture", "engine:img"),
        Decision(node(root, "//iframe"), "boilerplate", "embedded frame", "engine:tag"),
        Decision(node(root, "//script"), "boilerplate", "script", "engine:tag"),
    ]
    return Explanation(Article(title="Hostile page", paragraphs=["Story text."]), decisions,
                       lxml.html.tostring(root, encoding="unicode"))


def large_explanation(target_bytes: int = 5_000_000) -> Explanation:
    """A page of `target_bytes`: a huge inline script, a data: image, one endless text
    run and thousands of paragraphs, the last of them decided."""
    paragraphs = []
    size = 0
    index = 0
    while size < target_bytes * 0.5:
        text = f"<p class='p{index}'>Paragraph {index} " + "lorem ipsum dolor " * 12 + "</p>\n"
        paragraphs.append(text)
        size += len(text)
        index += 1
    page = ("<html><head><script>var state = " + json.dumps(["x" * 100] * 10_000)
            + ";</script></head><body><img alt='inline' src='data:image/png;base64,"
            + "A" * 800_000 + "'><div id='blob'>" + "word " * 100_000 + "</div>"
            + "<div id='story'>" + "".join(paragraphs) + "</div></body></html>")
    root = annotated(page)
    last = node(root, f"//p[@class='p{index - 1}']")
    decisions = [Decision(node(root, "//div[@id='story']"), "story", "largest text block",
                          "engine:text-density", 0.7),
                 Decision(last, "paragraph", "last paragraph", "engine:text", 0.5)]
    decisions += [Decision(node(root, f"//p[@class='p{i}']"), "paragraph", "text", "engine:text")
                  for i in range(0, index, 50)]
    return Explanation(Article(title="Large"), decisions, lxml.html.tostring(root,
                                                                           encoding="unicode"))


def framed_page(report: str) -> etree._Element:
    """The document shown in the report's frame."""
    doc = lxml.html.document_fromstring(report)
    frames = doc.xpath("//iframe[@id='nc-frame']")
    assert isinstance(frames, list) and len(frames) == 1
    frame = frames[0]
    assert isinstance(frame, etree._Element)
    assert frame.get("sandbox") == "allow-same-origin"  # never allow-scripts
    return lxml.html.document_fromstring(str(frame.get("srcdoc")))


def by_id(root: etree._Element, value: str) -> etree._Element:
    found = root.xpath(f"//*[@{NODE_ID}='{value}']")
    assert isinstance(found, list) and len(found) == 1
    element = found[0]
    assert isinstance(element, etree._Element)
    return element


# Attributes that would make a browser fetch or navigate.
LOADING_ATTRS = {"src", "srcset", "href", "xlink:href", "action", "formaction", "poster",
                 "background", "data", "ping", "manifest", "srcdoc", "lowsrc"}


# --- the framed page is inert ------------------------------------------------------


# Elements that must never reach the shown page, whatever the input.
UNSAFE_TAGS = {"script", "iframe", "object", "embed", "link", "base", "frame", "frameset",
               "image", "feimage", "animate", "set", "source", "form", "noscript",
               "template", "applet", "portal"}


# Attributes a browser only shows as text: an address in them is just words.
TEXT_ATTRS = {"title", "alt", "placeholder", "label", "value", "content"}


def assert_inert(page: etree._Element, origin: str) -> None:
    """Nothing in `page` runs or can reach `origin` (addresses only as text)."""
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        tag = str(element.tag).lower()
        assert tag not in UNSAFE_TAGS, tag
        if tag == "meta":
            assert element.get("http-equiv") in (None, "Content-Security-Policy")
        if tag == "style":
            sheet = element.text or ""
            assert origin not in sheet and "<" not in sheet, sheet
        for name, value in element.attrib.items():
            name, value = str(name).lower(), str(value)
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in value.lower(), (tag, name)
            if name not in TEXT_ATTRS and not name.startswith(("data-", "aria-")):
                assert origin not in value, (tag, name, value)
            if name in LOADING_ATTRS:
                assert (tag, name, value) in (("img", "src", PLACEHOLDER_SRC),
                                              ("use", "href", value)), (tag, name)
                assert tag == "img" or value.startswith("#")


@pytest.mark.parametrize("name", [name for name, _ in bypass_vectors("http://x")])
def test_each_bypass_vector_comes_out_inert(name: str) -> None:
    origin = "http://127.0.0.1:9"
    markup = dict(bypass_vectors(origin))[name]
    root = annotated(f"<html><head></head><body><p id='story'>Story.</p>{markup}"
                     "<p id='after'>After.</p></body></html>")
    explanation = Explanation(Article(), [Decision(node(root, "//p[@id='story']"), "story",
                                                   "story", "engine:text")],
                              lxml.html.tostring(root, encoding="unicode"))
    report = render_report(explanation)
    page = framed_page(report)
    assert_inert(page, origin)
    srcdoc = strings(lxml.html.document_fromstring(report), "//iframe/@srcdoc")[0]
    # Every <style> opened is closed by its own end tag: none ends early in a browser.
    assert srcdoc.lower().count("<style") == srcdoc.lower().count("</style")
    assert page.xpath("//p[@id='after']")  # what follows a vector is still shown


def test_hostile_page_loses_everything_that_runs_or_loads() -> None:
    origin = "http://127.0.0.1:9"
    page = framed_page(render_report(hostile_explanation(origin)))
    assert_inert(page, origin)
    # Same-document references are kept (SVG gradients and symbols still draw).
    assert page.xpath("//rect[@fill='url(#grad)']") and page.xpath("//use[@href='#sym']")


def test_images_become_placeholders_keeping_alt_size_and_address() -> None:
    report = render_report(hostile_explanation("http://127.0.0.1:9"))
    beacon = nodes(framed_page(report), "//img[@id='beacon']")[0]
    assert isinstance(beacon, etree._Element)
    assert beacon.get("src") == PLACEHOLDER_SRC
    assert (beacon.get("alt"), beacon.get("width"), beacon.get("height")) == ("beacon", "10", "10")
    assert beacon.get("data-nc-src") == "http://127.0.0.1:9/beacon"
    assert "a picture" in str(beacon.get("title"))  # decided as the story image
    link = nodes(framed_page(report), "//a[@id='plain-link']")[0]
    assert isinstance(link, etree._Element)
    assert link.get("href") is None and link.get("data-nc-href") == "http://127.0.0.1:9/navigate"


def test_noscript_content_is_kept_hidden_and_embeds_become_boxes() -> None:
    explanation = hostile_explanation("http://127.0.0.1:9")
    page = framed_page(render_report(explanation))
    assert "display:none" not in lxml.html.tostring(page, encoding="unicode")  # head noscript
    hidden = page.xpath("//div[@data-nc-was='noscript']")
    assert isinstance(hidden, list) and len(hidden) == 2  # one more among bypass_vectors
    assert isinstance(hidden[0], etree._Element) and hidden[0].get("hidden") is not None
    assert hidden[0].find("img") is not None
    # lxml's parser nests everything after <embed> inside it: none of that is lost.
    assert page.xpath("//td[text()='cell']") and page.xpath("//div[text()='hover me']")
    # The iframe the explanation calls boilerplate is still there to be marked.
    frame_decision = next(d for d in explanation.decisions if d.reason == "embedded frame")
    box = by_id(page, frame_decision.node)
    assert box.get("data-nc-was") == "iframe"
    assert "nc-r-boilerplate" in str(box.get("class")).split()


@pytest.mark.parametrize("css", [
    "body{background:url(http://evil.test/a.png)}",
    "body{background:URL( 'http://evil.test/a.png' )}",
    'p{background:url("http://evil.test/a(1).png") no-repeat}',
    r"p{background:u\72l(http://evil.test/escaped)}",
    r"p{background:\75 \72 \6c (http://evil.test/hex)}",
    '@import "http://evil.test/x.css"; p{color:red}',
    "@import url(http://evil.test/x.css) screen;",
    'p{background-image:image-set("http://evil.test/a.png" 1x)}',
    'p{background-image:-webkit-image-set("http://evil.test/a.png" 1x)}',
    "@font-face{font-family:f;src:url(http://evil.test/f.woff) format('woff')}",
    'p{background-image:image-set(url("http://evil.test/a.png") 1x, "b.png" 2x)}',
    r"@\69mport 'http://evil.test/x.css';",
    r"@im\port url(http://evil.test/x.css);",
    r"@\000069\00006d port url(http://evil.test/x.css);",
    r"p{background:\55 RL(http://evil.test/a)}",
    r"p{background:u\52 l(http://evil.test/a)}",
    r"p{background:\75\72\6c(http://evil.test/a)}",
    r"p{background:\69mage-set('http://evil.test/a.png' 1x)}",
    r"p{background:\2d webkit-image-set('http://evil.test/a.png' 1x)}",
    "p{cursor:url(http://evil.test/c.cur),auto;fill:url(http://evil.test/f#a)}",
    "p{filter:url(http://evil.test/f#a);mask:url(http://evil.test/m#a)}",
    "p{clip-path:url(http://evil.test/c#a);list-style:url(http://evil.test/l)}",
    ":root{--x:url(http://evil.test/v)}p{background:var(--x)}",
    "p{content:url(http://evil.test/c)}",
    "@media print{@supports (display:grid){p{background:url(http://evil.test/m)}}}",
    "p{color:red;b{background:url(http://evil.test/nested)}}",
    "p{background:image(http://evil.test/i)}p{background:cross-fade(url(x),url(y))}",
    "<@import;/style><p>http://evil.test/text",
    "<\x01/style><img src=http://evil.test/i onerror=alert(1)>",
    "@namespace url(http://evil.test/ns); @charset 'x';",
])
def test_css_loses_every_address(css: str) -> None:
    cleaned = sanitise_css(css)
    assert "evil.test" not in cleaned
    assert not re.search(r"(?i)url\s*\(|@import|image-set|@namespace", cleaned), cleaned
    assert "<" not in cleaned  # it could never close the <style> it is written into


@pytest.mark.parametrize(("css", "kept"), [
    ("@media (max-width:600px){.a>b{color:red}}", "@media (max-width:600px){.a>b{color:red}}"),
    ("@keyframes k{from{opacity:0}50%{opacity:1}}", "@keyframes k{from{opacity:0}50%{opacity:1}}"),
    (".g{fill:url(#grad);margin:1em!important}", ".g{fill:url(#grad);margin:1em!important}"),
    ("p::before{content:'a \\'b\\' <c>'}", 'p::before{content:"a \'b\' \\3c c>"}'),
    ("p{width:1\\65 5px}", "p{width:1\\65 5px}"),  # a unit "e5px", not 1e5 px
    ("a/**/b{color:red}", "a/**/b{color:red}"),  # two tokens stay two tokens
])
def test_css_that_loads_nothing_keeps_its_meaning(css: str, kept: str) -> None:
    assert sanitise_css(css) == kept


CSS_PIECES = st.sampled_from([
    *"aurlimgpot@\\(){};:,'\"/*<>!#%.-+ 0169eE\n\x01", "url(", "@import", "\\75 ", "\\55 ",
    "image-set(", "</style>", "/*", "*/", "--x", "var(", "@media ", "http://evil.test/"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CSS_PIECES, max_size=40).map("".join))
@example("#image-set(){")
def test_rewritten_css_reads_back_as_itself_and_loads_nothing(css: str) -> None:
    for clean in (sanitise_css, sanitise_style):
        out = clean(css)
        assert "<" not in out
        # Idempotent: what a browser tokenises from the output is what was checked.
        assert clean(out) == out
        # A function token is its name and "(" together: "#image-set/**/()" (an id, then a
        # comment) loads nothing, as "#url/**/(x)" does not.
        assert not re.search(r"(?i)url\((?!#)|@import|image-set\(", out), out


def test_css_without_addresses_is_unchanged() -> None:
    css = "p{color:#333;margin:0 auto}.a:hover{text-decoration:underline}"
    assert sanitise_css(css) == css


@pytest.mark.parametrize(("css", "expected"), [
    ("<{}", ""), ("<{color:red}", ""), ("@media <{a{color:red}}", "@media{a{color:red}}")])
def test_a_prelude_that_writes_as_nothing_reads_back_the_same(css: str, expected: str) -> None:
    # "<" is dropped when written: "<{}" once came out as "{}", which then came out as "".
    assert sanitise_css(css) == expected
    assert sanitise_css(expected) == expected


DANGEROUS = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>", "<a href=' java\tscript:alert(1)'>x</a>",
    "<iframe src='http://h/'></iframe>", "<link rel=stylesheet href=http://h/s.css>",
    "<base href='http://h/'>", "<meta http-equiv=refresh content='0;url=http://h/'>",
    "<p style='background:url(http://h/)'>p</p>", "<object data=http://h/></object>",
    "<body background=http://h/>", "<video poster=http://h/>", "<form action=http://h/>",
    "<div onclick=alert(1)>d</div>", "<p>text</p>", "<table><tr><td>t", "</div>", "<b>",
    "<noscript><img src=http://h/></noscript>", "<svg><use href='http://h/#a'/></svg>",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(DANGEROUS, min_size=1, max_size=12))
def test_any_mix_of_dangerous_markup_comes_out_inert(parts: list[str]) -> None:
    root = annotated("<html><body>" + "".join(parts) + "</body></html>")
    explanation = Explanation(Article(), [], lxml.html.tostring(root, encoding="unicode"))
    page = framed_page(render_report(explanation))
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in ("script", "iframe", "object", "link", "base")
        for name, value in element.attrib.items():
            assert not str(name).lower().startswith("on")
            assert "http://h/" not in str(value) or str(name).startswith("data-nc-")


# --- marks ---------------------------------------------------------------------------


def test_every_decision_marks_its_element_with_role_and_reason() -> None:
    explanation = story_explanation()
    page = framed_page(render_report(explanation))
    for decision in explanation.decisions:
        element = by_id(page, decision.node)
        assert {"nc-mark", f"nc-r-{decision.role}"} <= set(str(element.get("class")).split())
        reason = str(element.get("data-nc-reason"))
        assert decision.reason in reason and decision.role in reason
        # Pictures cannot hold the CSS tooltip: the browser's own says the same.
        assert element.get("title") == (reason if element.tag == "img" else None)
    first = by_id(page, explanation.decisions[1].node)  # paragraph and dateline
    assert first.get("data-nc-roles") == "paragraph dateline"
    assert "site rule UPI" in str(first.get("data-nc-reason"))
    assert "engine signal dateline" in str(first.get("data-nc-reason"))
    time_element = nodes(page, "//time")[0]
    assert isinstance(time_element, etree._Element)
    assert "score 0.82" in str(time_element.get("data-nc-reason"))


def test_undecided_elements_carry_no_marks_even_when_the_page_fakes_them() -> None:
    root = annotated("<html><body><p class='nc-mark nc-r-story lead' data-nc-reason='fake'>"
                     "fake</p><p>real</p></body></html>")
    real = node(root, "//p[2]")
    explanation = Explanation(Article(), [Decision(real, "paragraph", "kept", "engine:text")],
                              lxml.html.tostring(root, encoding="unicode"))
    page = framed_page(render_report(explanation))
    fake = nodes(page, "//p[1]")[0]
    assert isinstance(fake, etree._Element)
    assert fake.get("class") == "lead" and fake.get("data-nc-reason") is None
    assert by_id(page, real).get("data-nc-reason") is not None


def test_decisions_off_the_page_are_listed_with_where_they_are() -> None:
    explanation = story_explanation()
    extra = Decision("999999", "related-item", "gone", "engine:x")
    report = render_report(Explanation(explanation.article, [*explanation.decisions, extra],
                                       explanation.html, explanation.rule))
    doc = lxml.html.document_fromstring(report)
    table = text_content(element_by_id(doc, "nc-decisions"))
    assert "in <head>" in table  # the meta published_time
    assert "not in the page" in table  # the unknown node
    header = nodes(doc, "//header")[0]
    assert isinstance(header, etree._Element)
    text = text_content(header)
    shown = len({d.node for d in explanation.decisions}) - 1  # the meta is in <head>
    assert f"{shown} elements marked in the page" in text
    assert "2 decisions on elements not shown" in text


# --- the panel -----------------------------------------------------------------------


def panel_field(report: str, name: str) -> etree._Element:
    doc = lxml.html.document_fromstring(report)
    found = doc.xpath(f"//div[@data-field='{name}']")
    assert isinstance(found, list) and len(found) == 1, name
    element = found[0]
    assert isinstance(element, etree._Element)
    return element


def test_panel_shows_a_picture_whose_address_a_script_fills_in() -> None:
    base = story_explanation()
    article = Article.from_dict(base.article.to_dict() | {"images": [
        {"url": None, "caption": "Troops at the border.", "credit": "AP", "alt": None}]})
    report = render_report(Explanation(article, base.decisions, base.html, base.rule))
    images = text_content(panel_field(report, "images"))
    assert "no URL" in images and "caption: Troops at the border." in images
    assert "credit: AP" in images


def test_panel_shows_the_article_fields_the_rule_and_a_legend() -> None:
    explanation = story_explanation()
    report = render_report(explanation)
    article = explanation.article
    assert article.title and article.title in text_content(panel_field(report, "title"))
    assert "Doug Cunningham" in text_content(panel_field(report, "authors"))
    assert "location: SEOUL" in text_content(panel_field(report, "dateline"))
    paragraphs = panel_field(report, "paragraphs")
    assert "Paragraphs (2)" in text_content(paragraphs)
    assert len(nodes(paragraphs, ".//li")) == 2
    images = text_content(panel_field(report, "images"))
    assert "caption: Lloyd Austin speaks in Rome." in images
    assert "credit: Olivier Matthys/EPA-EFE" in images
    related = text_content(panel_field(report, "related"))
    for expected in ("Latest Headlines", "World News", "1 hour ago", "The king lands in Apia."):
        assert expected in related
    doc = lxml.html.document_fromstring(report)
    assert "UPI (rules/builtin/upi.com.toml)" in text_content(element_by_id(doc, "nc-rule"))
    legend = doc.xpath("//section[@id='nc-legend']//button/@data-role")
    assert legend == [style.role for style in ROLES]
    boilerplate = nodes(doc, "//button[@data-role='boilerplate']//span[@class='nc-count']")[0]
    assert isinstance(boilerplate, etree._Element) and boilerplate.text == "3"


def test_long_lists_in_the_panel_are_cut_and_counted() -> None:
    article = Article(paragraphs=[f"Paragraph {i}." for i in range(MAX_ITEMS + 250)],
                      related=[RelatedLink(f"https://x.test/{i}", f"Link {i}")
                               for i in range(MAX_ITEMS + 7)])
    report = render_report(Explanation(article, [], "<p>x</p>"))
    paragraphs = panel_field(report, "paragraphs")
    assert len(nodes(paragraphs, ".//li")) == MAX_ITEMS
    assert f"Paragraphs ({MAX_ITEMS + 250})" in text_content(paragraphs)
    assert "… and 250 more." in text_content(paragraphs)
    assert "… and 7 more." in text_content(panel_field(report, "related"))


def test_differing_fields_are_flagged_and_only_those() -> None:
    names = ["title", "images[0].credit", "text", "related.1.age", "no_such_field"]
    report = render_report(story_explanation(), differing_fields=names)
    for name in ("title", "images", "paragraphs", "related"):
        field = panel_field(report, name)
        assert "nc-differs" in str(field.get("class")).split(), name
        assert "differs" in text_content(field)
    for name in ("authors", "published", "dateline", "description", "tags"):
        assert "nc-differs" not in str(panel_field(report, name).get("class")), name
    flagged = panel_field(report, "related").xpath(".//li[@class='nc-item-differs']")
    assert isinstance(flagged, list) and len(flagged) == 1
    assert isinstance(flagged[0], etree._Element)
    assert "Harris" in text_content(flagged[0])
    summary = element_by_id(lxml.html.document_fromstring(report), "nc-differs")
    for name in names:
        assert name in text_content(summary)
    plain = lxml.html.document_fromstring(render_report(story_explanation()))
    assert not plain.xpath("//*[contains(@class, 'nc-differs')]")


# --- the document itself -----------------------------------------------------------


def test_both_documents_open_with_a_policy_that_allows_no_network() -> None:
    report = render_report(story_explanation())
    doc = lxml.html.document_fromstring(report)
    head = doc.find("head")
    assert head is not None
    policy = head.xpath("meta[@http-equiv='Content-Security-Policy']/@content")
    assert isinstance(policy, list) and len(policy) == 1
    assert "default-src 'none'" in str(policy[0])
    assert f"script-src '{script_hash(REPORT_JS)}'" in str(policy[0])
    inline = [s for s in doc.iter("script") if s.get("type") is None]
    assert [s.text for s in inline] == [REPORT_JS]
    page_head = framed_page(report).find("head")
    assert page_head is not None and page_head[0].tag == "meta"
    assert page_head[0].get("http-equiv") == "Content-Security-Policy"
    assert "script-src 'none'" in str(page_head[0].get("content"))


def test_reasons_cannot_break_out_of_the_data_block() -> None:
    explanation = story_explanation()
    evil = "</script><script>window.__pwned=1</script>"
    decision = Decision(explanation.decisions[0].node, "story", evil, "engine:x")
    report = render_report(Explanation(explanation.article, [decision], explanation.html))
    doc = lxml.html.document_fromstring(report)
    assert len(list(doc.iter("script"))) == 2
    data = json.loads(element_by_id(doc, "nc-data").text or "")
    assert data["decisions"][decision.node][0]["reason"] == evil


@pytest.mark.parametrize("html", ["", "   ", "\x00\x01\x02", "<<<>>>", "plain text"])
def test_empty_or_junk_pages_still_give_a_report(html: str) -> None:
    report = render_report(Explanation(Article(title="T"), [Decision("1", "story", "r", "x")],
                                       html))
    doc = lxml.html.document_fromstring(report)
    assert element_by_id(doc, "nc-fields") is not None
    frames = doc.xpath("//iframe")
    notes = doc.xpath("//p[@class='nc-nopage']")
    assert isinstance(frames, list) and isinstance(notes, list)
    assert len(frames) + len(notes) == 1


def test_a_five_megabyte_page_gives_a_bounded_report_in_bounded_time() -> None:
    explanation = large_explanation()
    assert len(explanation.html) > 5_000_000
    started = time.monotonic()
    report = render_report(explanation)
    assert time.monotonic() - started < 60
    # The script and data: image go, the endless text run is cut, the paragraphs stay.
    assert len(report) < len(explanation.html)
    page = framed_page(report)
    blob = element_by_id(page, "blob").text or ""
    assert len(blob) < MAX_TEXT + 100 and "characters cut by newsclean" in blob
    last = by_id(page, explanation.decisions[1].node)
    assert "nc-r-paragraph" in str(last.get("class"))


def test_all_style_sheets_share_one_budget() -> None:
    sheet = "p{color:red}" * (MAX_STYLE // 20)  # over half the budget each
    html = "<html><head>" + f"<style>{sheet}</style>" * 3 + "</head><body><p>x</p></body></html>"
    page = framed_page(render_report(Explanation(Article(), [], html)))
    kept = [style.text or "" for style in page.iter("style")][:-1]  # the last is the marks'
    assert sum(len(text) for text in kept) <= MAX_STYLE + 100
    assert kept[0] == sheet and "style sheet cut" in kept[1]


def test_write_report_creates_folders_and_accepts_a_folder(tmp_path: Path) -> None:
    explanation = story_explanation()
    target = write_report(explanation, tmp_path / "out" / "upi" / "page.html",
                          differing_fields=["title"])
    assert target == tmp_path / "out" / "upi" / "page.html"
    assert "nc-differs" in target.read_text(encoding="utf-8")
    assert write_report(explanation, tmp_path) == tmp_path / "report.html"
    assert (tmp_path / "report.html").stat().st_size > 0


def test_a_reason_quoting_a_character_lxml_refuses_is_marked_with_a_space() -> None:
    # libxml2 reads "&#xFFFF;" into the tree; a caption's reason quotes it, and lxml
    # refuses it in the marked element's attribute.
    import newsclean

    story = "<p>Words of a long enough story paragraph that says what the town did.</p>" * 5
    page = ("<html><body><article><h1>Title</h1><figure><img src='/a.jpg'>"
            f"<figcaption>The quay&#xFFFF;at dawn</figcaption></figure>{story}</article>"
            "</body></html>")
    explanation = newsclean.explain(page, "https://news.example/story")
    assert any("\uffff" in decision.reason for decision in explanation.decisions)
    render_report(explanation)  # raised ValueError
    prepared = prepare_page(explanation.html, explanation.decisions, csp="", styles="")
    reasons = [element.get("data-nc-reason") or ""
               for element in lxml.html.fromstring(prepared.html).iter("figcaption")]
    assert reasons and all("\uffff" not in reason for reason in reasons)
    assert any(" " in reason for reason in reasons)
