"""Story pictures whose address only a script fills in: the caption and credit the page
shows are kept, with `url=None`; figures of other things without an address (players,
cards, quotes) give no picture."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import Article, Image

STORY = ("<p>The ferry service between the islands resumed on Monday after a winter of "
         "repairs to its hull and engines, the operator said in a statement today.</p>"
         "<p>Passengers queued from early morning, and the first crossing left on time, "
         "with every seat taken and a queue of cars waiting on the quay.</p>")
PLACEHOLDER = ("data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox="
               "'0%200%20710%20500'%3E%3C/svg%3E")
CAPTION = "Crew members check the hull of the ferry before the first crossing."


def _article(figures: str) -> Article:
    page = (f"<html><body><article><h1>Ferry service resumes</h1>{figures}{STORY}"
            "</article></body></html>")
    return newsclean.extract(page, "https://news.example/world/ferry", rules=newsclean.RuleSet())


def _pictures(figures: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(i.url, i.caption, i.credit) for i in _article(figures).images]


@pytest.mark.parametrize("picture", [
    f'<img src="{PLACEHOLDER}" width="710" height="500" alt="The ferry" class="wp-image-5">',
    '<img width="3000" height="2000" class="lazyload" alt="The ferry">',  # no src at all
    '<div class="figure-media"><div class="img-placeholder"><img class="lazyload"></div></div>',
    '<div class="BlogPostImage_imgWrapper__N3ArD"></div>',  # no <img>: its empty box
])
def test_a_script_filled_picture_keeps_its_caption_and_credit(picture: str) -> None:
    figure = (f'<figure class="wp-caption">{picture}<figcaption>{CAPTION} '
              '<span class="credit">Jo Park/Agency</span></figcaption></figure>')
    article = _article(figure)
    assert [(i.url, i.caption, i.credit) for i in article.images] == [
        (None, CAPTION, "Jo Park/Agency")]
    assert "hull of the ferry" not in article.text  # the caption is picture text
    assert "first crossing left on time" in article.text


def test_script_filled_pictures_are_not_merged_into_one() -> None:
    figures = "".join(f'<figure><img class="lazy" alt=""><figcaption>{caption}</figcaption>'
                      '</figure>' for caption in ("The ferry at the pier.", "The new engines.",
                                                   "The ferry at the pier."))
    # two pictures, not one for their common missing URL; the repeated one is a copy
    assert _pictures(figures) == [(None, "The ferry at the pier.", None),
                                  (None, "The new engines.", None)]


def test_a_picture_with_an_address_comes_before_its_script_filled_copies() -> None:
    figures = (f'<figure><img class="lazy"><img src="/img/ferry.jpg"><figcaption>{CAPTION}'
               '</figcaption></figure>')
    assert _pictures(figures) == [("https://news.example/img/ferry.jpg", CAPTION, None)]


@pytest.mark.parametrize(("figure", "url"), [
    # a lazy loader's URL on the box a script turns into the picture
    (f'<figure><div class="js-delayed-image-load" data-src="/img/ferry.jpg"></div>'
     f'<figcaption>{CAPTION}</figcaption></figure>', "https://news.example/img/ferry.jpg"),
    # AMP's picture element
    (f'<figure><amp-img src="/img/s.jpg" srcset="/img/l.jpg 1368w" layout="fill"></amp-img>'
     f'<figcaption>{CAPTION}</figcaption></figure>', "https://news.example/img/l.jpg"),
    # a responsive-image script's sizes, smallest first, in an attribute of its own
    (f'<figure class="wp-caption"><img data-interchange="[https://cdn.example/f-300x198.jpg, '
     f'small], [https://cdn.example/f-1300x858.jpg, medium]"><div class="wp-caption-text">'
     f'{CAPTION}</div></figure>', "https://cdn.example/f-1300x858.jpg"),
    # a lazy loader's own attribute name
    (f'<figure><img nitro-lazy-src="https://cdn.example/f.webp" width="1080"><figcaption>'
     f'{CAPTION}</figcaption></figure>', "https://cdn.example/f.webp"),
    # the picture file the link around it opens in a lightbox
    (f'<figure><a href="https://cdn.example/f_XXL.jpg"><img src="{PLACEHOLDER}"></a>'
     f'<figcaption>{CAPTION}</figcaption></figure>', "https://cdn.example/f_XXL.jpg"),
])
def test_a_script_filled_picture_takes_an_address_the_page_gives_elsewhere(
        figure: str, url: str) -> None:
    assert _pictures(figure) == [(url, CAPTION, None)]


@pytest.mark.parametrize("figure", [
    # a video player and its stand-ins
    '<figure><div class="video-player"><img class="lazy"></div><figcaption>Watch the '
    'ferry leave the pier on its first crossing.</figcaption></figure>',
    '<figure><video preload="none"><source src="/v/ferry.mp4"></video><img class="lazy">'
    '<figcaption>The ferry leaves the pier.</figcaption></figure>',
    '<figure class="media-with-caption"><div class="player-with-placeholder"><div '
    'class="media-placeholder"></div></div><figcaption>Drone footage shows the '
    'ferry.</figcaption></figure>',
    # related items: a card linking to another story, a card with its headline
    '<a href="/world/ferry-timetable"><figure><img class="lazy"><figcaption>New ferry '
    'timetable for the summer</figcaption></figure></a>',
    '<figure class="card"><div class="image"><img class="lazy"></div><h3>New timetable'
    '</h3><figcaption>The summer timetable.</figcaption></figure>',
    '<figure><img class="lazy"><figcaption><a href="/world/timetable">New ferry timetable '
    'for the summer</a></figcaption></figure>',
    '<div class="related-stories"><figure><img class="lazy"><figcaption>The summer '
    'timetable.</figcaption></figure></div>',
    # a figure's script-filled box without a caption (a banner)
    '<figure><div class="js-delayed-image-load" data-src="/img/web_banner_top.png"></div>'
    '</figure>',
    # not pictures: a quote, an embed, a figure without caption, a bare credit
    '<figure class="quote"><blockquote>We are back.</blockquote><figcaption>The '
    'operator</figcaption></figure>',
    '<figure><iframe src="https://video.example/embed/1"></iframe><figcaption>The ferry '
    'leaves the pier.</figcaption></figure>',
    '<figure><img class="lazy"></figure>',
    '<figure><img class="lazy"><figcaption>Getty Images</figcaption></figure>',
])
def test_figures_without_an_address_that_are_no_story_picture(figure: str) -> None:
    assert _pictures(figure) == []


def test_a_picture_without_address_in_json_markdown_and_back() -> None:
    article = _article(f'<figure><img class="lazy"><figcaption>{CAPTION}</figcaption></figure>')
    data = article.to_dict()
    assert data["images"] == [{"url": None, "caption": CAPTION, "credit": None, "alt": None}]
    assert Article.from_dict(data) == article
    assert Image.from_dict({"caption": CAPTION}) == Image(None, CAPTION)
    markdown = article.to_markdown()
    assert "![" not in markdown and f"*{CAPTION}*" in markdown


def test_a_script_filled_figure_showing_only_its_credit_is_a_picture() -> None:
    figures = "".join(
        f'<figure><div class="img-placeholder"><img class="lazyload" width="3000" height="2000">'
        f'</div><figcaption><span><p>{credit}</p></span></figcaption></figure>'
        for credit in ("Firn | Getty Images", "soniabonet | Getty Images", "Firn | Getty Images"))
    assert [(i.url, i.caption, i.credit) for i in _article(figures).images] == [
        (None, None, "Firn | Getty Images"), (None, None, "soniabonet | Getty Images"),
        (None, None, "Firn | Getty Images")]
