"""Story pictures: the best URL of a picture, captions and credits wherever the page
puts them, and pictures that are not the story's left out."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html

import newsclean
from newsclean.extract import media, picture_urls
from newsclean.extract.credits import is_caption
from newsclean.extract.picture_urls import image_url
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
    # an image server's default picture and a preset's name are no placeholders
    ('<img src="https://c.example/w_776,c_fill,dpr_1.0/d_transparent.gif/dam/pier.jpg">',
     "https://c.example/w_776,c_fill,dpr_1.0/d_transparent.gif/dam/pier.jpg"),
    ('<img src="https://c.example/image/pier.png?$LazyLoad_Home_PNG$">',
     "https://c.example/image/pier.png?$LazyLoad_Home_PNG$"),
    ('<img data-original="/orig.jpg">', "https://news.example/orig.jpg"),
    ('<img src="/s.jpg" data-lazy-srcset="/a.jpg 300w, /b.jpg 1000w">',
     "https://news.example/b.jpg"),
    # the <source>s of a <picture>
    ('<picture><source srcset="/p-small.webp 400w, /p-big.webp 1600w" type="image/webp">'
     '<img src="/p.jpg"></picture>', "https://news.example/p-big.webp"),
    ('<img src="data:image/gif;base64,R0lGOD">', None),
    # a fragment alone is the page itself until a script sets the address
    ('<img data-src="#" width="530">', None),
    # a theme's stand-in for a missing picture
    ('<img src="/img/missing-image.png" data-src="/lazy.jpg">', "https://news.example/lazy.jpg"),
    ('<img src="/uploads/no_photo.gif">', None),
    ('<img src="/img/casino-image.jpg">', "https://news.example/img/casino-image.jpg"),
])
def test_best_url(markup: str, expected: str | None) -> None:
    assert image_url(_img(markup), BASE) == expected


def test_a_picture_is_read_up_to_its_sources_bound() -> None:
    # Past MAX_PICTURE_SOURCES the <source>s are not read (each <img> of a page whose
    # open <source>s nest would read them all again); the ones before still are.
    sources = "".join(f'<source srcset="/s{n}.webp {100 + n}w">'
                      for n in range(picture_urls.MAX_PICTURE_SOURCES))
    last = '<source srcset="/past-the-bound.webp 9000w">'
    img = _img(f'<picture>{sources}{last}<img src="/p.jpg"></picture>')
    assert image_url(img, BASE) == f"https://news.example/s{picture_urls.MAX_PICTURE_SOURCES - 1}.webp"


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


STORY = ("<p>The ferry service between the islands resumed on Monday after a winter of "
         "repairs to its hull and engines, the operator said in a statement today.</p>"
         "<p>Passengers queued from early morning, and the first crossing left on time, "
         "with every seat taken and a queue of cars waiting on the quay.</p>")


def _pictures(figures: str, url: str = "https://news.example/world/ferry"
              ) -> list[tuple[str | None, str | None, str | None]]:
    page = (f"<html><body><article><h1>Ferry service resumes</h1>{figures}{STORY}"
            "</article></body></html>")
    article = newsclean.extract(page, url, rules=newsclean.RuleSet())
    return [(i.url.rsplit("/", 1)[-1] if i.url else None, i.caption, i.credit)
            for i in article.images]


@pytest.mark.parametrize(("figure", "expected"), [
    # a wrapper with a hashed class holding the picture and a caption-named block
    ('<div class="x9f2a"><div class="image"><img src="/a.jpg"></div>'
     '<p class="imageDescription">The ferry at the pier in the morning.</p></div>',
     ("a.jpg", "The ferry at the pier in the morning.", None)),
    # an unnamed block beside the picture's link repeating its alt, with the credit
    ('<div><a href="/a.jpg"><picture><img src="/a.jpg" alt="The ferry at the pier."></picture>'
     '</a><div class="tw-mt-16">The ferry at the pier. | © Jo Park/Agency</div></div>',
     ("a.jpg", "The ferry at the pier.", "Jo Park/Agency")),
    # a lightbox link's caption
    ('<div><a href="/big/a.jpg" data-caption="Crew members check the hull."><img src="/a.jpg">'
     '</a></div>', ("a.jpg", "Crew members check the hull.", None)),
    # a figure's own footer is its credit
    ('<figure><img src="/a.jpg"><figcaption>The ferry leaves the pier.</figcaption>'
     '<footer>Imago/Jo Park</footer></figure>',
     ("a.jpg", "The ferry leaves the pier.", "Imago/Jo Park")),
    # the caption's last part, in hashed classes, is the credit
    ('<figure><img src="/a.jpg"><figcaption><span class="sc-1 ab">The ferry leaves the pier '
     'at dawn.</span><span class="sc-2 cd">Unsplash/Jo Park</span></figcaption></figure>',
     ("a.jpg", "The ferry leaves the pier at dawn.", "Unsplash/Jo Park")),
    # the picture's title adds the credit to its alt
    ('<figure><img src="/a.jpg" alt="The ferry leaves the pier." '
     'title="The ferry leaves the pier. | Getty Images/Jo Park">'
     '<figcaption>The ferry leaves the pier.</figcaption></figure>',
     ("a.jpg", "The ferry leaves the pier.", "Getty Images/Jo Park")),
    # hashed classes: the picture, then a line of caption and a line of credit
    ('<div class="sc-a1"><picture><img src="/a.jpg"></picture><div class="sc-b2">Fans '
     'cheer the ferry on its return</div><div class="sc-c3">REUTERS</div></div>',
     ("a.jpg", "Fans cheer the ferry on its return", "REUTERS")),
    # a caption-named header holding only an icon is not the caption
    ('<div><figure><img src="/a.jpg"></figure></div><figcaption class="cap"><span '
     'class="caption-header"><i></i></span><p class="caption-title">The ferry leaves the '
     'pier.</p></figcaption>', ("a.jpg", "The ferry leaves the pier.", None)),
    # an empty overlay box between the picture and the caption set after it
    ('<div class="media"><figure><img src="/a.jpg"></figure><div class="float"></div></div>'
     '<div class="caption"><figcaption>The ferry leaves the pier.</figcaption></div>',
     ("a.jpg", "The ferry leaves the pier.", None)),
    # paragraphs beside the picture, closed by a credit line
    ('<div class="w1"><span class="w2"><picture><img src="/a.jpg"></picture></span>'
     '<p><span>Readers meet the crew on the quay.</span></p><p>Image: Jo Park</p></div>',
     ("a.jpg", "Readers meet the crew on the quay.", "Jo Park")),
    # ... or by the credit in its own last part
    ('<div class="w1"><picture><img src="/a.jpg"></picture><p>The crew on the quay. '
     '<span>IMAGO/Jo Park</span></p></div>',
     ("a.jpg", "The crew on the quay.", "IMAGO/Jo Park")),
    # one line with a labelled credit
    ('<li><div class="w"><img src="/a.jpg"></div><span class="info">The crew on the quay. '
     'Photo: Jo Park</span></li>', ("a.jpg", "The crew on the quay.", "Jo Park")),
    # a picture declared large, a caption line, a short credit line and an empty one
    ('<div class="sc-a1"><div class="sc-b2"><picture><img src="/a.jpg" width="2000" '
     'height="1200"></picture></div><div class="sc-c3">The ferry at the pier in the '
     'morning</div><div class="sc-d4">The Island Gazette</div><div class="sc-e5"></div></div>',
     ("a.jpg", "The ferry at the pier in the morning", "The Island Gazette")),
    # width and height that only declare the aspect ratio
    ('<figure><img src="/a.jpg" width="16" height="9"><figcaption>The ferry leaves the '
     'pier.</figcaption></figure>', ("a.jpg", "The ferry leaves the pier.", None)),
    # a link to the picture's own page (an attachment page, a page named by its id)
    ('<figure><a href="/attachment/2164/" rel="attachment wp-att-2164"><img src="/a.jpg">'
     '</a><figcaption>The ferry leaves the pier.</figcaption></figure>',
     ("a.jpg", "The ferry leaves the pier.", None)),
    ('<figure><a href="/photo/20241203-OYT50202/"><img src="/20241203-OYT50202-1.jpg"></a>'
     '<figcaption>The ferry leaves the pier.</figcaption></figure>',
     ("20241203-OYT50202-1.jpg", "The ferry leaves the pier.", None)),
])
def test_captions_and_credits_wherever_the_page_puts_them(
        figure: str, expected: tuple[str, str | None, str | None]) -> None:
    assert _pictures(figure) == [expected]


@pytest.mark.parametrize("figure", [
    '<div><a href="/a.jpg"><img src="/a.jpg" alt="Ferry"></a>'
    '<div>More crossings are planned for the summer season.</div></div>',
    # an icon beside a line of a feature list
    '<div><img src="/a.jpg"><div>Reviews of new models on release day</div>'
    '<div>Read them first</div></div>',
    # story paragraphs after a picture, without a credit
    '<div><img src="/a.jpg"><p>More crossings are planned for the summer season.</p>'
    '<p>Tickets go on sale in May.</p></div>',
])
def test_a_line_after_a_picture_is_no_caption(figure: str) -> None:
    assert _pictures(figure) == [("a.jpg", None, None)]


@pytest.mark.parametrize("figure", [
    '<img src="/wp-content/themes/paper/img/hero-stars.png">',
    '<img src="/uploads/footer-linkedin.svg">',
    '<img src="/img/apple_badge.png">',
    '<img src="/img/ajaxLoader.gif">',
    '<img src="https://cdn.example/u/craig.jpg?width=32&height=32">',
    '<img src="/img/10574158_Jo_Park_160X200.png">',
    # a thumbnail linking to another story of the site
    '<a href="/world/other-story"><img src="/img/other.jpg"></a>',
    # an uncaptioned picture linking to another site: an advert
    '<a href="https://ads.example/click"><img src="/img/offer.jpg"></a>',
    # a thumbnail linking to a story whose slug starts the file's name
    '<a href="/world/ferry-timetable/"><img src="/img/ferry-timetable-400x300.jpg"></a>',
    # a tracking pixel's declared size is no aspect ratio
    '<img src="/img/t.gif" width="1" height="2">',
    # pictures of a menu's flyout, an author box, a byline, a related list
    '<div class="navbar-sub-flyout"><div class="box"><img src="/img/gastritis.webp">'
    '<div class="credits">© Getty Images</div></div></div>',
    '<div class="saboxplugin-wrap"><div class="x"><img src="/img/jo.png"></div></div>',
    '<div data-testid="prism-byline"><span><img src="/img/station.png"></span></div>',
    '<div class="related-stories"><img src="/img/other.jpg"></div>',
    # named a logo by its alt text, or kept in a design folder
    '<img src="/img/origin-station.png" alt="WABC logo">',
    '<img src="/photo/63379366.cms" alt="author">',
    '<img src="/paywall/app_icons/sparkle.png">',
    '<img src="/files/styles/logo/public/brand.png">',
    # hidden by its style (a tracking pixel), or kept in a folder of avatars
    '<img src="https://stats.example/count?id=12" style="display:none">',
    '<img src="https://stats.example/count?id=12" style="visibility: hidden">',
    '<img src="https://secure.gravatar.com/avatar/0a1b2c3d4e5f?s=96&amp;d=mm" alt="">',
])
def test_not_story_pictures(figure: str) -> None:
    assert _pictures(figure + '<figure><img src="/img/story.jpg"></figure>') == [
        ("story.jpg", None, None)]


def test_player_messages_and_bare_credits_are_no_captions() -> None:
    figures = ('<figure><img src="/img/player.jpg"><figcaption>Media playback is unsupported '
               'on your device</figcaption></figure>'
               '<figure><img src="/img/pier.jpg"><figcaption>Reuters</figcaption></figure>')
    assert _pictures(figures) == [("pier.jpg", None, "Reuters")]


def test_the_printed_copy_of_a_lightbox_caption_stays_out_of_the_text() -> None:
    caption = "Crew members check the hull of the ferry before the first crossing"
    figure = (f'<div><img src="/a.jpg" data-caption="{caption}" data-source="Jo Park/Agency">'
              f'</div><div class="x1"><p class="x2">{caption}</p><p class="x3">Jo Park/Agency'
              '</p></div>')
    page = (f"<html><body><article><h1>Ferry service resumes</h1>{figure}{STORY}"
            "</article></body></html>")
    article = newsclean.extract(page, "https://news.example/world/ferry",
                                rules=newsclean.RuleSet())
    assert [(i.caption, i.credit) for i in article.images] == [(caption, "Jo Park/Agency")]
    assert caption not in article.text
    assert "first crossing left on time" in article.text


@pytest.mark.parametrize("page", [
    # an <article>'s own <header>, the headline an <h2>; the page header's picture a logo
    '<html><body><header><div class="brand"><img src="/img/masthead.jpg"></div></header>'
    '<main><nav><h1>News</h1></nav><article><header class="x1"><h2>Ferry service resumes'
    '</h2>{figure}</header><div class="body">{story}</div></article></main></body></html>',
    # a <header> anywhere inside the <article>, the headline outside it
    '<html><body><main><article><div class="sticky"><h1>Ferry service resumes</h1><header '
    'class="c-content">{figure}</header><div class="body">{story}</div></div></article>'
    '</main></body></html>',
])
def test_the_lead_picture_in_the_articles_header(page: str) -> None:
    """An <article>'s <header> holds its lead picture, even when the headline is an <h2>
    or sits elsewhere, however deep in the article; a page header's pictures are logos."""
    figure = ('<figure><img src="/img/ferry.jpg"><figcaption>The ferry leaves the pier.'
              '</figcaption></figure>')
    article = newsclean.extract(page.format(figure=figure, story=STORY),
                                "https://news.example/world/ferry", rules=newsclean.RuleSet())
    assert [((i.url or "").rsplit("/", 1)[-1], i.caption) for i in article.images] == [
        ("ferry.jpg", "The ferry leaves the pier.")]


def _deep_story(between: str, after: str = "") -> list[tuple[str, str | None]]:
    """An <article> whose headline and story sit far apart: the body under wrappers of
    its own, more of them than `scope_levels`."""
    wrapped = STORY
    for level in range(7):
        wrapped = f'<div class="w{level}">{wrapped}</div>'
    page = (f'<html><body><article><header class="top"><h1>Ferry service resumes</h1>'
            f'{between}</header>{wrapped}{after}</article><footer><img src="/img/footer.jpg">'
            '</footer></body></html>')
    article = newsclean.extract(page, "https://news.example/world/ferry",
                                rules=newsclean.RuleSet())
    return [((i.url or "").rsplit("/", 1)[-1], i.caption) for i in article.images]


def test_the_lead_picture_between_a_far_headline_and_its_story() -> None:
    lead = ('<figure><img src="/img/ferry.jpg"><figcaption>The ferry leaves the pier.'
            '</figcaption></figure>')
    assert _deep_story(lead) == [("ferry.jpg", "The ferry leaves the pier.")]
    # only what lies between: not a picture the <article> holds after its story
    assert _deep_story(lead, after='<div class="x"><img src="/img/later.jpg"></div>') == [
        ("ferry.jpg", "The ferry leaves the pier.")]
    # more pictures there are a strip of logos or a gallery of other pages, not a lead
    strip = "".join(f'<div class="item"><img src="/img/p{n}.jpg"></div>' for n in range(4))
    assert _deep_story(strip) == []
    assert [url for url, _ in _deep_story(strip.rsplit("<div", 1)[0])] == ["p0.jpg", "p1.jpg",
                                                                           "p2.jpg"]


@pytest.mark.parametrize(("href", "kept"), [
    ("/world/ferry;art48,2076,B::pic491,58215", True),  # the page, with parameters
    ("/world/ferry;art48,2076", True),
    ("/world/ferry-two;art48,2077", False),  # another story
    ("/world/ferry/next", False),
])
def test_a_picture_linking_to_its_own_page_with_parameters(href: str, kept: bool) -> None:
    figure = (f'<figure><a href="{href}"><img src="/img/58215_default.jpg"></a><figcaption>'
              'The ferry leaves the pier.</figcaption></figure>')
    found = _pictures(figure, url="https://news.example/world/ferry;art48,2076")
    assert found == ([("58215_default.jpg", "The ferry leaves the pier.", None)] if kept else [])


@pytest.mark.parametrize("figure", [
    # a post's taxonomy classes name no region
    '<div class="post-9 category-popular tag-social-media"><img src="/img/story.jpg"></div>',
    # a captioned picture in an oddly named wrapper is the story's
    '<div class="nav-wrapper"><figure><img src="/img/story.jpg"><figcaption>The ferry '
    'leaves the pier.</figcaption></figure></div>',
])
def test_story_pictures_in_wrappers_named_like_regions(figure: str) -> None:
    assert [name for name, _, _ in _pictures(figure)] == ["story.jpg"]


@pytest.mark.parametrize(("figure", "expected"), [
    # the lazy picture without an address: the <noscript> copy takes its place
    ('<figure><img src="data:image/gif;base64,R0lGOD" class="lazy"><noscript><img '
     'src="/img/ferry.jpg"></noscript><figcaption>The ferry leaves the pier.</figcaption>'
     '</figure>', [("ferry.jpg", "The ferry leaves the pier.", None)]),
    # one hidden until a script shows it (Cloudflare's Mirage): the copy is what shows
    ('<figure><img srcset="/img/ferry-465.jpg 465w" data-cfsrc="/img/ferry.jpg" '
     'style="display:none;visibility:hidden;"><noscript><img srcset="/img/ferry-465.jpg 465w"'
     ' src="/img/ferry.jpg"></noscript><figcaption>The ferry leaves the pier.</figcaption>'
     '</figure>', [("ferry-465.jpg", "The ferry leaves the pier.", None)]),
    # one with an address of its own (here its <picture>'s lazy source) is not doubled
    ('<figure><picture><source data-srcset="/img/x.webp 10w" srcset="data:image/gif;base64,R0"'
     '><img class="lazy"></picture><noscript><img src="/img/ferry.jpg"></noscript>'
     '<figcaption>The ferry leaves the pier.</figcaption></figure>',
     [("x.webp", "The ferry leaves the pier.", None)]),
    ('<figure><img src="/img/ferry.jpg"><noscript><img src="/img/ferry-big.jpg"></noscript>'
     '<figcaption>The ferry leaves the pier.</figcaption></figure>',
     [("ferry.jpg", "The ferry leaves the pier.", None)]),
    # the copy's <picture> comes along: its <source>s hold the larger candidates
    ('<figure><img src="data:image/gif;base64,R0lGOD" aria-hidden="true"><noscript><picture>'
     '<source srcSet="/img/ferry.jpg?dpr=0.5 432w,/img/ferry.jpg?dpr=3 2592w"><img '
     'src="/img/ferry.jpg"></picture></noscript><figcaption>The ferry leaves the pier.'
     '</figcaption></figure>', [("ferry.jpg?dpr=3", "The ferry leaves the pier.", None)]),
    # no picture beside it at all (a script draws one from the figure's data): the
    # <noscript>'s is the figure's picture
    ('<figure data-src="/img/ferry.jpg"><div class="ratio"><noscript><img '
     'src="/img/ferry.jpg"></noscript></div><figcaption>The ferry leaves the pier. Foto: '
     'Jo Park</figcaption></figure>', [("ferry.jpg", "The ferry leaves the pier.", "Jo Park")]),
])
def test_noscript_pictures(figure: str, expected: list[tuple[str, str | None, str | None]]
                           ) -> None:
    assert _pictures(figure) == expected


PITCH = ("Every cabin has a window on the sea, and the crossing takes less than an hour "
         "in all weathers, with coffee and breakfast served on board from six.")


@pytest.mark.parametrize("block", [
    f'<div class="hero__description"><p>{PITCH}</p></div>',
    f'<p class="card-description">{PITCH}</p>',
    f'<div class="description"><h3>On board</h3>{PITCH}</div>',
    f'<div class="field--name-field-description">{PITCH * 5}</div>',
])
def test_a_description_of_text_beside_a_picture_is_no_caption(block: str) -> None:
    # A product's, a banner's or a field's "description" is named as some captions are,
    # but a block of paragraphs or headings, or a long text, is no picture's caption.
    figure = f'<div class="x9f2a"><div><img src="/a.jpg"></div>{block}</div>'
    assert _pictures(figure) == [("a.jpg", None, None)]


@pytest.mark.parametrize("block", [
    '<div class="description"><strong>The ferry at the pier in the morning.</strong></div>',
    '<p class="photo-description">The ferry at the pier in the morning.</p>',
    '<div class="image-description"><p>The ferry at the pier in the morning.</p></div>',
])
def test_a_description_beside_a_picture_is_its_caption(block: str) -> None:
    # Short inline text, or a name that says it is a picture's part.
    figure = f'<div class="x9f2a"><div><img src="/a.jpg"></div>{block}</div>'
    assert _pictures(figure) == [("a.jpg", "The ferry at the pier in the morning.", None)]


def test_a_lightbox_copy_of_a_caption_with_its_credits_stays_out_of_the_text() -> None:
    caption = "Crew members check the hull of the ferry before the first crossing."
    marks = ("Foto: Johanna Maria Parkinson/Agency +++ Agency picture service +++ <span "
             "class='c'>Bild: Johanna Maria Parkinson/Agency</span>")
    figure = (f'<div class="detail-img"><img src="/a.jpg"><div class="detail-img__description">'
              f'<div>{caption} {marks}</div></div></div>')
    lightbox = f'<div class="zoom"><p>{caption} {marks}</p></div>'
    page = (f"<html><body><article><h1>Ferry service resumes</h1>{figure}{STORY}{lightbox}"
            "</article></body></html>")
    article = newsclean.extract(page, "https://news.example/world/ferry",
                                rules=newsclean.RuleSet())
    assert [i.caption for i in article.images] == [caption]
    assert "check the hull" not in article.text
    assert "first crossing left on time" in article.text


@pytest.mark.parametrize(("figure", "expected"), [
    # a box named "thumb" inside a captioned <figure>, and WordPress's featured-image class
    ('<figure><div class="thumb thumb16_9"><img src="/img/ferry.jpg"></div><figcaption>The '
     'ferry leaves the pier.</figcaption></figure>', ["ferry.jpg"]),
    ('<figure><img class="attachment-post-thumbnail wp-post-image" src="/img/ferry.jpg">'
     '<figcaption>The ferry leaves the pier.</figcaption></figure>', ["ferry.jpg"]),
    # a lightbox link named "icon", its caption set after the <figure>
    ('<div><figure><a class="slides icon maximize" href="/img/ferry-big.jpg"><img '
     'src="/img/ferry.jpg"></a></figure><figcaption>The ferry leaves the pier.</figcaption>'
     '</div>', ["ferry.jpg"]),
    # without a caption of its own, or outside a <figure>, a thumbnail is no story picture
    ('<figure><div class="thumb"><img src="/img/ferry.jpg"></div></figure>', []),
    ('<div class="teaser"><div class="teaser-image article-icon"><img src="/img/ferry.jpg">'
     '</div><div class="teaser-caption">Ferry fares rise again</div></div>', []),
    # a name other than thumbnail or icon excludes the picture, caption or not
    ('<figure><div class="avatar"><img src="/img/ferry.jpg"></div><figcaption>Jo Park'
     '</figcaption></figure>', []),
])
def test_captioned_pictures_in_boxes_named_thumbnail_or_icon(figure: str, expected: list[str]
                                                             ) -> None:
    assert [name for name, _, _ in _pictures(figure)] == expected


def test_a_button_around_a_figures_picture_is_kept() -> None:
    figure = ('<figure><button class="enlarge"><img src="/img/ferry.jpg"></button><figcaption>'
              'The ferry leaves the pier.</figcaption></figure>')
    assert _pictures(figure) == [("ferry.jpg", "The ferry leaves the pier.", None)]
    # a control outside a figure still goes, its icon with it
    assert _pictures('<button class="share"><img src="/img/share-ferry.png" width="400">'
                     '</button>') == []


def test_a_transparent_placeholder_gives_way_to_the_noscript_picture() -> None:
    figures = "".join(
        f'<figure><div><img src="/index-transparent_h-3_w-4.gif"><noscript><img '
        f'src="/img/ferry-{n}.jpg"></noscript></div><figcaption>The ferry, picture {n}.'
        f'</figcaption></figure>' for n in (1, 2))
    assert _pictures(figures) == [("ferry-1.jpg", "The ferry, picture 1.", None),
                                  ("ferry-2.jpg", "The ferry, picture 2.", None)]


@pytest.mark.parametrize(("figure", "expected"), [
    # a <figure> set straight in the story, the block after it repeating its alt
    ('<figure><img src="/img/ferry.jpg" alt="The ferry leaves the pier. Photo: Jo Park">'
     '</figure><div class="descent"><span>The ferry leaves the pier. Photo: Jo Park</span>'
     '</div>', ("ferry.jpg", "The ferry leaves the pier.", "Jo Park")),
    # the alt is the caption and the site's name
    ('<div><div><img src="/img/ferry.jpg" alt="The ferry leaves the pier - News Example">'
     '</div><div><span>The ferry leaves the pier</span></div></div>',
     ("ferry.jpg", "The ferry leaves the pier", None)),
])
def test_a_block_after_the_picture_repeating_its_alt_is_its_caption(
        figure: str, expected: tuple[str, str | None, str | None]) -> None:
    assert _pictures(figure) == [expected]


def test_a_picture_shown_again_under_another_caption_is_another_story_picture() -> None:
    def figure(caption: str) -> str:
        return (f'<figure><img src="/img/fire.jpg">'
                f'{f"<figcaption>{caption}</figcaption>" if caption else ""}</figure>')

    figures = (figure("Firefighters at the scene.") + figure("Smoke rises over the roofs.")
               + figure("Firefighters at the scene.") + figure(""))
    # the gallery repeats the lead picture under its own caption; copies add nothing
    assert _pictures(figures) == [("fire.jpg", "Firefighters at the scene.", None),
                                  ("fire.jpg", "Smoke rises over the roofs.", None)]


def test_a_picture_shown_again_in_a_figure_with_other_pictures_adds_nothing() -> None:
    # That figure is a gallery's (its caption goes with the new picture), not the copy's
    # own; reading it for each copy cost a page whose open figures nest the square of its
    # pictures.
    figures = ('<figure><img src="/img/fire.jpg"><figcaption>Firefighters at the scene.'
               '</figcaption></figure><figure><img src="/img/fire.jpg"><img src="/img/hose.jpg">'
               '<figcaption>Smoke rises over the roofs.</figcaption></figure>')
    assert _pictures(figures) == [("fire.jpg", "Firefighters at the scene.", None),
                                  ("hose.jpg", "Smoke rises over the roofs.", None)]


def test_a_figure_holding_another_figure_or_too_many_pictures_is_no_pictures_figure() -> None:
    # Each picture reads its figure whole: where open <figure>s nest, or one holds a
    # page's worth of pictures, that would cost the square of the page.
    gallery = _img("<figure>" + '<img src="/a.jpg">' * 3 + "<figcaption>Three views."
                   "</figcaption></figure>").getparent()
    assert media._one_figure(gallery)
    nested = _img('<figure><img src="/a.jpg"><figure><img src="/b.jpg"></figure>'
                  "</figure>").getparent()
    assert not media._one_figure(nested)
    crowded = _img("<figure>" + '<img src="/a.jpg">' * (media.MAX_FIGURE_PICTURES + 1)
                   + "</figure>").getparent()
    assert not media._one_figure(crowded)


def test_a_caption_in_parts_is_read_whole_without_its_credit() -> None:
    figure = ('<figure><img src="/img/paulson.jpg"><figcaption class="item__caption"><div '
              'class="item__description"><div class="gallery-caption-head">John Paulson</div>'
              '<div class="gallery-caption">He hosted the fundraiser in Palm Beach.</div>'
              '<div class="caption-credit">Jo Park/Agency</div></div></figcaption></figure>')
    assert _pictures(figure) == [
        ("paulson.jpg", "John Paulson He hosted the fundraiser in Palm Beach.", "Jo Park/Agency")]


# A srcset of densities beside a declared width; headshots in author boxes.

@pytest.mark.parametrize(("markup", "expected"), [
    # the src is the "1x" copy whatever its declared width: the "2x" copy is larger
    ('<img width="770" src="/a.webp" srcset="/a.webp 1x, /a@2x.webp 2x">',
     "https://news.example/a@2x.webp"),
    # a src that is no candidate of the srcset keeps its declared width
    ('<img width="1600" src="/big.jpg" srcset="/s.jpg 1x, /m.jpg 2x">',
     "https://news.example/big.jpg"),
    # widths still rank above densities
    ('<img width="770" src="/a.webp" srcset="/a.webp 1x, /b.webp 1200w">',
     "https://news.example/b.webp"),
    # a candidate without a descriptor is the "1x" one
    ('<img width="776" src="/a.webp" srcset="/a.webp, /a@2x.webp 2x">',
     "https://news.example/a@2x.webp"),
])
def test_best_url_beside_densities(markup: str, expected: str) -> None:
    assert image_url(_img(markup), BASE) == expected


@pytest.mark.parametrize("box", [
    # the author's bio beside the headshot reads as a caption: the box is the author's
    '<div class="saboxplugin-wrap"><div><img src="/img/jo.png" width="100"></div>'
    '<div itemprop="description"><p>Jo Park is the owner of a cleaning company.</p></div></div>',
    '<div itemprop="author" itemscope><figure><img src="/img/jo.png">'
    '<figcaption>Jo Park writes about ferries.</figcaption></figure></div>',
    '<div itemscope itemtype="https://schema.org/Person"><figure><img src="/img/jo.png">'
    '<figcaption>Jo Park writes about ferries.</figcaption></figure></div>',
])
def test_a_captioned_headshot_in_an_author_box_is_no_story_picture(box: str) -> None:
    assert _pictures('<figure><img src="/img/story.jpg"></figure>' + box) == [
        ("story.jpg", None, None)]


PRODUCT_CARD = (
    '<div class="product-embed"><a href="https://shop.example/p/{n}" rel="sponsored">'
    '<span><picture><img src="/img/{n}.jpg" alt="A tent"></picture></span>'
    '<p>Photograph: Shop</p></a><div class="content"><div><div>{name}</div></div>'
    '<div><a href="https://shop.example/buy/{n}">$40 at Shop</a></div></div></div>')


def test_a_product_cards_picture_is_captioned_with_the_products_name() -> None:
    cards = "".join(PRODUCT_CARD.format(n=n, name=name)
                    for n, name in (("tent", "Big Agnes Tent 2"), ("bag", "Nemo Forte 20")))
    page = (f"<html><body><article><h1>The best tents</h1>{STORY}{cards}{STORY}"
            "</article></body></html>")
    article = newsclean.extract(page, "https://news.example/gear/tents", rules=newsclean.RuleSet())
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Big Agnes Tent 2", "Shop"), ("Nemo Forte 20", "Shop")]
    assert "Big Agnes Tent 2" not in article.text


def test_an_advert_linking_elsewhere_without_a_credit_has_no_name() -> None:
    card = PRODUCT_CARD.format(n="tent", name="Big Agnes Tent 2").replace(
        "<p>Photograph: Shop</p>", "")
    assert _pictures(card + '<figure><img src="/img/story.jpg"></figure>') == [
        ("story.jpg", None, None)]


def test_a_picture_named_only_by_the_authors_name_is_a_headshot() -> None:
    page = ('<html><body><article><h1>Ferry service resumes</h1><div class="meta">'
            '<img src="/img/jo-park.jpg" alt="Jo Park"> By <a href="/author/jo-park" rel="author">'
            f'Jo Park</a></div><figure><img src="/img/story.jpg" alt="The ferry"></figure>{STORY}'
            '</article></body></html>')
    article = newsclean.extract(page, "https://news.example/world/ferry", rules=newsclean.RuleSet())
    assert article.authors == ["Jo Park"]
    assert [i.url for i in article.images] == ["https://news.example/img/story.jpg"]


@pytest.mark.parametrize(("shared", "expected"), [
    # the page names the picture as its own, in another size: the thumbnail box is the lead's
    ("https://cdn.example/up/2025/ferry-at-the-pier-1200x630.jpg", ["ferry-at-the-pier-scaled.jpg"]),
    ("https://cdn.example/up/2025/other-picture.jpg", []),
    (None, []),
])
def test_a_thumbnail_box_holding_the_pages_own_picture_is_its_lead(
        shared: str | None, expected: list[str]) -> None:
    head = f'<meta property="og:image" content="{shared}">' if shared else ""
    page = (f'<html><head>{head}</head><body><article><h1>Ferry service resumes</h1>'
            '<div class="post-thumbnail"><img src="/up/2025/ferry-at-the-pier-scaled.jpg"></div>'
            f'{STORY}</article></body></html>')
    article = newsclean.extract(page, "https://news.example/world/ferry",
                                rules=newsclean.RuleSet())
    assert [(i.url or "").rsplit("/", 1)[-1] for i in article.images] == expected


def test_the_pages_own_picture_may_link_to_another_site() -> None:
    """A lead linking to the shop that sells what it shows is no advert; a picture that
    is not the page's own, linking elsewhere without a caption, is one."""
    head = '<meta property="og:image" content="https://cdn.example/up/ferry-model-kit.jpg">'
    pictures = "".join(f'<p><a href="https://shop.example/{n}"><img src="/up/{n}.jpg"></a></p>'
                       for n in ("ferry-model-kit", "summer-sale"))
    page = (f'<html><head>{head}</head><body><article><h1>Ferry service resumes</h1>'
            f'{pictures}{STORY}</article></body></html>')
    article = newsclean.extract(page, "https://news.example/world/ferry",
                                rules=newsclean.RuleSet())
    assert [(i.url or "").rsplit("/", 1)[-1] for i in article.images] == ["ferry-model-kit.jpg"]


@pytest.mark.parametrize(("figure", "expected"), [
    # a template's empty caption leaves its separator before the credit
    ('<figure><img src="/img/ferry.jpg"><figcaption>. Imagen: Jo Park</figcaption></figure>',
     [("ferry.jpg", None, "Jo Park")]),
    # a link to the picture's full size in a format of phones' cameras, on a CDN
    ('<figure><a href="https://cdn.example/fetch/w_1456/ferry.heic"><img '
     'src="https://cdn.example/fetch/w_728/ferry.heic"></a></figure>', [("ferry.heic", None, None)]),
])
def test_pictures_of_templates_and_cdns(figure: str, expected: list[tuple[str, str | None,
                                                                          str | None]]) -> None:
    assert _pictures(figure) == expected


@pytest.mark.parametrize(("figure", "expected"), [
    # a <figure>'s own caption makes a picture named as a badge the story's
    ('<figure><img src="/up/linkedin-certificate-badge.png"><figcaption>The free '
     'certificate the course gives</figcaption></figure>',
     [("linkedin-certificate-badge.png", "The free certificate the course gives", None)]),
    # without one, the name tells: a network's badge
    ('<figure><img src="/up/linkedin-certificate-badge.png"></figure>', []),
    ('<figure><img src="/up/linkedin-certificate-badge.png"><figcaption>Badge</figcaption>'
     '</figure>', []),
    ('<div><img src="/up/linkedin-certificate-badge.png"><p class="caption">The free '
     'certificate the course gives</p></div>', []),
])
def test_a_picture_named_as_an_asset_in_a_captioned_figure_is_the_storys(
        figure: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _pictures(figure) == expected


def _hero_page(shared: str | None, hero: str, after: str = "") -> list[tuple[str, str | None,
                                                                          str | None]]:
    head = f'<meta property="og:image" content="https://cdn.example/up/{shared}">' if shared else ""
    page = (f'<html><head>{head}</head><body><main><section class="hero"><div class="copy">'
            '<p class="kicker">World</p><p class="by">by Jo Park</p></div>'
            f'<div class="visual">{hero}</div></section><div class="layout"><div class="col">'
            f'<article><h1>Ferry service resumes</h1>{STORY}</article></div></div>{after}'
            '</main></body></html>')
    article = newsclean.extract(page, "https://news.example/world/ferry",
                                rules=newsclean.RuleSet())
    return [((i.url or "").rsplit("/", 1)[-1], i.caption, i.credit) for i in article.images]


def test_the_pages_own_picture_in_a_hero_above_the_article() -> None:
    hero = '<img src="/up/ferry-at-dawn-1600x900.jpg" alt="The ferry at dawn">'
    assert _hero_page("ferry-at-dawn.jpg", hero) == [("ferry-at-dawn-1600x900.jpg", None, None)]
    # a <figure> of its own gives its caption and credit
    figure = f"<figure>{hero}<figcaption>The ferry at dawn. Photo: Ann Lee</figcaption></figure>"
    assert _hero_page("ferry-at-dawn.jpg", figure) == [
        ("ferry-at-dawn-1600x900.jpg", "The ferry at dawn.", "Ann Lee")]
    # ... and so does a wrapper named a figure, holding a caption field (whose label
    # only screen readers get)
    field = (f'<div class="image-display">{hero}<div class="field--caption"><h2 class='
             '"visually-hidden">Caption</h2><p>The ferry at dawn.</p></div></div>')
    assert _hero_page("ferry-at-dawn.jpg", field) == [
        ("ferry-at-dawn-1600x900.jpg", "The ferry at dawn.", None)]
    # but a wrapper named otherwise gives none: its "caption" may be a label of the header
    labelled = f'<div class="header-right">{hero}<div class="caption">Author</div></div>'
    assert _hero_page("ferry-at-dawn.jpg", labelled) == [
        ("ferry-at-dawn-1600x900.jpg", None, None)]
    # without the head naming it, a hero's picture is no story picture
    assert _hero_page(None, hero) == []
    assert _hero_page("other-picture.jpg", hero) == []
    # the page's picture shown only after the story is a related item's
    later = '<div class="more"><img src="/up/ferry-at-dawn-400x300.jpg"></div>'
    assert _hero_page("ferry-at-dawn.jpg", "", after=later) == []


@pytest.mark.parametrize(("post", "expected"), [
    # a blog template's post container, a <div>: the lead between headline and body is
    # the story's
    ("post-9 post type-post hentry", ["ferry-lead.jpg"]),
    # any other wrapper may hold the whole page, logos and all: nothing is taken there
    ("region-main", []),
])
def test_a_lead_picture_between_a_far_headline_and_the_body_of_one_post(
        post: str, expected: list[str]) -> None:
    wrappers = 6  # the body this deep in wrappers of its own: the story's scope holds no headline
    page = (f'<html><body><div class="site"><div class="{post}"><div class="t1"><div '
            'class="t2"><h1>Ferry service resumes</h1></div></div><div class="f1"><div '
            'class="featured"><img src="/up/ferry-lead.jpg" width="1200" height="800"></div>'
            "</div>" + "<div>" * wrappers + STORY * 3 + "</div>" * wrappers
            + "</div></div></body></html>")
    article = newsclean.extract(page, "https://news.example/2025/11/ferry",
                                rules=newsclean.RuleSet())
    assert [(i.url or "").rsplit("/", 1)[-1] for i in article.images] == expected


def test_author_headshots_between_a_far_headline_and_the_body_leave_the_lead() -> None:
    # More pictures than a lead's between headline and body are a strip of logos, not a
    # lead; the authors' headshots beside the byline are not counted among them.
    authors = "".join(f'<div class="author-box"><img src="/up/{name}.jpg" width="96" '
                      f'height="96"><h4>{name}</h4></div>' for name in ("jo", "ann", "lee"))
    wrappers = 6
    page = ('<html><body><div class="site"><div class="post-9 post type-post hentry"><div '
            f'class="t1"><h1>Ferry service resumes</h1></div><div class="a1">{authors}</div>'
            '<div class="f1"><div class="featured"><img src="/up/ferry-lead.jpg" width="1200" '
            'height="800"></div></div>' + "<div>" * wrappers + STORY * 3 + "</div>" * wrappers
            + "</div></div></body></html>")
    article = newsclean.extract(page, "https://news.example/2025/11/ferry",
                                rules=newsclean.RuleSet())
    assert [(i.url or "").rsplit("/", 1)[-1] for i in article.images] == ["ferry-lead.jpg"]


def test_the_pages_own_picture_through_a_resizing_service_is_its_lead() -> None:
    hero = ('<picture><source srcset="/_next/image?url=%2Fup%2Fferry-at-dawn.jpg&amp;w=640">'
            '<img src="/_next/image?url=%2Fup%2Fferry-at-dawn.jpg&amp;w=1080"></picture>')
    assert _hero_page("ferry-at-dawn.jpg", hero) == [
        ("image?url=%2Fup%2Fferry-at-dawn.jpg&w=1080", None, None)]


def test_a_heros_byline_is_no_credit_of_its_picture() -> None:
    """Beside a hero's picture stand its headline, byline and teaser: outside a <figure>
    of its own, none of them is the picture's caption or credit."""
    page = ('<html><head><meta property="og:image" content="https://cdn.example/up/ferry-at-dawn.jpg">'
            '</head><body><main><section class="hero"><div class="wrap"><div class="post">'
            '<p class="post-title">Ferry service resumes</p><div class="meta"><span '
            'class="author">by <a href="/author/jo-park/">Jo Park</a></span></div></div><div '
            'class="post-image"><img src="/up/ferry-at-dawn-768x432.jpg"></div><div class="after"><p '
            'class="caption">The ferry at dawn.</p></div></div></section><div class="a"><div '
            f'class="b"><div class="c"><div class="d"><div class="e">{STORY}</div></div></div>'
            '</div></div></main></body></html>')
    article = newsclean.extract(page, "https://news.example/world/ferry",
                                rules=newsclean.RuleSet())
    assert [((i.url or "").rsplit("/", 1)[-1], i.caption, i.credit) for i in article.images] == [
        ("ferry-at-dawn-768x432.jpg", None, None)]
    assert article.authors == ["Jo Park"]


@pytest.mark.parametrize(("url", "name"), [
    ("https://cdn.example/a/ferry-at-the-pier-1024x577.jpg?w=2", "ferry-at-the-pier"),
    ("https://cdn.example/a/Ferry-At-The-Pier@2x.png", "ferry-at-the-pier"),
    ("https://cdn.example/a/image.jpg", None),  # too short to tell pictures apart
    # a resizing service's address names its original's
    ("https://news.example/_next/image?url=%2Fup%2Fferry-at-the-pier.jpg&w=1080&q=75",
     "ferry-at-the-pier"),
    ("https://cdn.example/dims4/default/2c8/resize/1160x%3E/quality/90/?url=https%3A%2F%2F"
     "cdn.example%2Fc2%2Fferry-at-the-pier-gty-7.jpg", "ferry-at-the-pier-gty-7"),
    ("https://cdn.example/img?w=800&url=ferry-at-the-pier", None),  # no address in it
])
def test_picture_name(url: str, name: str | None) -> None:
    assert media.picture_name(url) == name


@pytest.mark.parametrize("picture", [
    # an item of a list of other stories: its thumbnail, its headline a link beside it
    '<ul><li><img src="/img/o1.jpg"><a href="/world/other-story">Another story of the day'
    '</a></li><li><img src="/img/o2.jpg"><a href="/world/more">More news of the day</a></li></ul>',
    # a spacer's classic names
    '<img src="/img/clear.gif">',
    '<img src="/img/trans.gif">',
    '<img src="/styles/default/clear.png" alt="Like">',
])
def test_list_item_thumbnails_and_spacers_are_no_story_pictures(picture: str) -> None:
    assert _pictures(picture + '<figure><img src="/img/story.jpg"></figure>') == [
        ("story.jpg", None, None)]


def test_a_gallery_list_linking_to_its_own_files_keeps_its_pictures() -> None:
    gallery = ('<ul><li><img src="/img/g1.jpg"><a href="/img/g1-large.jpg">Enlarge</a></li>'
               '<li><img src="/img/g2.jpg"><a href="/img/g2-large.jpg">Enlarge</a></li></ul>')
    assert [name for name, _, _ in _pictures(gallery)] == ["g1.jpg", "g2.jpg"]


@pytest.mark.parametrize(("figure", "expected"), [
    # a link to the picture's own page, named as its file is
    ('<div class="pic"><a href="/fotos/harbour/ferry-at-the-pier-010.html">'
     '<img src="/harbour/ferry-at-the-pier-010.jpg?v=2"></a></div>',
     ("ferry-at-the-pier-010.jpg?v=2", None, None)),
    # a link to the picture in another size, its parameters glued to the path
    ('<div class="pic"><a href="/storyimage/2021/311039909.jpg&amp;MaxW=900"><img '
     'src="/storyimage/2021/311039909.jpg&amp;ExactW=350"></a><div>The ferry at the pier '
     "at dawn. (Foto: Jo Park)</div></div>",
     ("311039909.jpg&ExactW=350", "The ferry at the pier at dawn.", "Jo Park")),
    # the picture's enlarge button is neither its caption nor its credit
    ('<div class="picture-container image"><a href="/fotos/harbour/ferry-at-the-pier-010.html">'
     '<img src="/harbour/ferry-at-the-pier-010.jpg"><span class="picture-enlarge"><i '
     'class="fa fa-search-plus"></i>vergrößern </span><span class="picture-source">'
     "(Bildquelle: Jo Park) </span></a></div>",
     ("ferry-at-the-pier-010.jpg", None, "Jo Park")),
    ('<figure><a href="/img/pier-large.jpg"><img src="/img/pier.jpg"><span class="zoom">'
     "Click to enlarge</span></a><figcaption>Photo: Jo Park</figcaption></figure>",
     ("pier.jpg", None, "Jo Park")),
])
def test_a_picture_linking_to_its_own_page_or_file(
        figure: str, expected: tuple[str, str | None, str | None]) -> None:
    assert _pictures(figure) == [expected]


def _card(href: str, picture: str, text: str) -> str:
    # a page builder's card: the picture wrapped three times, the whole card one link
    # (further above the picture than a thumbnail's link is looked for)
    return (f'<a class="box" href="{href}"><div class="inner"><div class="widget">'
            f'<div class="widget-inner"><img src="{picture}"></div></div></div>'
            f"<div><p>{text}</p><span>See more</span></div></a>")


def _pictures_with_cards(cards: str) -> list[str | None]:
    page = (f"<html><body><article><h1>Ferry service resumes</h1>"
            f'<figure><img src="/img/story.jpg"></figure>{STORY}<div>{cards}</div>'
            "</article></body></html>")
    article = newsclean.extract(page, "https://news.example/world/ferry",
                                rules=newsclean.RuleSet())
    return [image.url.rsplit("/", 1)[-1] if image.url else None for image in article.images]


def test_a_picture_inside_a_link_to_another_page_with_its_text_is_a_cards_thumbnail() -> None:
    cards = (_card("/library/podcasts", "/img/harbour-podcasts.jpg",
                   "Podcasts: tune in to our series on the coast")
             + _card("/library/guides", "/img/ferry-guides.jpg",
                     "Guides: read our guides to every ferry line"))
    assert _pictures_with_cards(cards) == ["story.jpg"]


@pytest.mark.parametrize("card", [
    # the link goes to the picture's larger file
    _card("/img/pier-large.jpg", "/img/pier.jpg", "The pier at dawn, seen from the quay"),
    # a tile of the story itself, linking to its own page
    _card("/world/ferry#article", "/img/pier.jpg", "Ferry service resumes on the island"),
])
def test_a_linked_picture_that_is_no_card_stays_a_story_picture(card: str) -> None:
    assert _pictures_with_cards(card) == ["story.jpg", "pier.jpg"]


def test_a_figure_holding_more_text_than_any_caption_is_no_figure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A <figure> left open around the story: its "caption" would be the story. Past
    # media.MAX_FIGURE_TEXT (lowered here to fit a small page) it is no picture's figure.
    story = "".join(f"<p>Paragraph {index} of the story, which tells at some length what "
                    f"happened in the harbour on the night of the storm.</p>"
                    for index in range(30))
    page = ("<html><head><title>Storm</title></head><body><article><h1>Storm in the "
            'harbour</h1><figure><img src="/p/boats.jpg" width="800"><figcaption>Boats tied '
            f"up in the harbour. {story}</figcaption></figure></article></body></html>")
    url = "https://news.example/2024/storm"
    read = newsclean.extract(page, url)
    assert read.images and read.images[0].caption is not None
    assert len(read.images[0].caption) > 3000
    monkeypatch.setattr(media, "MAX_FIGURE_TEXT", 1000)
    bounded = newsclean.extract(page, url)
    assert [image.url for image in bounded.images] == ["https://news.example/p/boats.jpg"]
    assert bounded.images[0].caption is None


def test_region_answers_remembered_for_the_pictures_of_a_scope_are_those_read_alone() -> None:
    # Pictures share their wrappers (where wrappers are left open, every picture is inside
    # all the ones above): each wrapper's answer is read once and remembered.
    root = lxml_html.fromstring(
        '<div><div class="related"><div><img src="/a.jpg"></div><img src="/b.jpg"></div>'
        '<div><div><img src="/c.jpg"></div><img src="/d.jpg"></div></div>')
    pictures = list(root.iter("img"))
    alone = [media._in_region(img, root, {}) for img in pictures]
    known: dict[etree._Element, bool] = {}
    shared = [media._in_region(img, root, known) for img in pictures]
    assert alone == shared == [True, True, False, False]
    assert len(known) == 4  # the related list, the wrapper below it, the two plain wrappers


def test_figures_nested_around_the_page_are_each_looked_into_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Duplicated markup left open: each <figure> holds the rest of the page. Each looks
    # for the element showing its picture among its own elements, not its inner figures'.
    depth = 150
    copy = '<div class="frame"><span>Harbour</span><div class="slot"></div><figure>'
    page = copy * depth + "</figure></div>" * depth
    scope = lxml_html.fromstring(f"<html><body><figure>{page}</figure></body></html>")
    elements = sum(1 for _ in scope.iter())
    looked_at: list[etree._Element] = []

    def counted(element: etree._Element) -> bool:
        looked_at.append(element)
        return is_caption(element)

    monkeypatch.setattr(media, "is_caption", counted)
    media.find_images(scope, None, lambda element: False, None,
                      newsclean.Settings())
    assert len(looked_at) <= elements


def test_a_captioned_picture_set_in_an_aside_is_the_storys() -> None:
    photo = ('<aside class="story-enhancement"><figure class="story-photo"><div><img '
             'src="/img/ferry-crew.jpg"></div><figcaption><p>The crew at the pier in May. | '
             'Jo Park/AP Photo</p></figcaption></figure></aside>')
    assert _pictures(photo) == [("ferry-crew.jpg", "The crew at the pier in May.", "Jo Park/AP Photo")]
    # a sidebar with text of its own beside its picture is no picture of the story
    sidebar = ('<aside class="sidebar"><figure><img src="/img/columnist.jpg"><figcaption>Jo '
               'Park</figcaption></figure><p>Jo Park writes about the harbour every week, and '
               'answers readers\' questions on Fridays.</p></aside>')
    assert _pictures(sidebar) == []
