"""Credit forms beyond "Label: names": dashes, brackets, East Asian marks, credits opening
a caption or printed on their own line; and caption or credit lines kept out of the text."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.extract.credit_forms import clean_credit, only_a_credit, split_credit


@pytest.mark.parametrize(("caption", "expected"), [
    # A dash before a credit that reads as one alone, or carries a label.
    ("Boats leave the old harbour – Jo Park/AFP", ("Boats leave the old harbour", "Jo Park/AFP")),
    ("Una barca lascia il porto vecchio - Foto ANSA", ("Una barca lascia il porto vecchio", "ANSA")),
    # "By" in Romance languages, "via", "Courtesy" closing the caption, and "Photo - names".
    ("Una barca lascia il porto. Foto di Jo Park", ("Una barca lascia il porto.", "Jo Park")),
    ("Une barque quitte le port. Photo de Jo Park", ("Une barque quitte le port.", "Jo Park")),
    ("A boat leaves the harbour. Image via Jo Park.", ("A boat leaves the harbour.", "Jo Park")),
    ("A boat leaves the harbour. Courtesy Harbour Gallery.",
     ("A boat leaves the harbour.", "Harbour Gallery")),
    ("A boat leaves the harbour. Photo - Jo Park.", ("A boat leaves the harbour.", "Jo Park")),
    # Labels in more languages.
    ("Łódź wypływa z portu. Fot: Jo Park", ("Łódź wypływa z portu.", "Jo Park")),
    ("Łódź wypływa z portu. Autor zdjęcia: Jo Park", ("Łódź wypływa z portu.", "Jo Park")),
    ("סירה יוצאת מהנמל. צילום: יוסי כהן", ("סירה יוצאת מהנמל.", "יוסי כהן")),
    ("قارب يغادر الميناء. تصوير: محمد علي", ("قارب يغادر الميناء.", "محمد علي")),
    ("Bátur siglir úr höfn. Mynd: Jón Jónsson", ("Bátur siglir úr höfn.", "Jón Jónsson")),
    ("Mashua ikiondoka bandarini. Picha: Juma Ali", ("Mashua ikiondoka bandarini.", "Juma Ali")),
    ("قارب يغادر الميناء (رويترز)", ("قارب يغادر الميناء", "رويترز")),
    ("El submarino en el puerto (Ministerio de Defensa vía AP)",
     ("El submarino en el puerto", "Ministerio de Defensa vía AP")),
    # Square brackets, opening or closing the caption.
    ("A boat leaves the harbour. [Photo: Jo Park]", ("A boat leaves the harbour.", "Jo Park")),
    ("[사진=연합뉴스] 배가 항구를 떠나고 있다.", ("배가 항구를 떠나고 있다.", "연합뉴스")),
    # East Asian marks: an equals sign, a Korean agency after a slash, a Chinese reporter.
    ("港を出る船（横浜で、３日）＝ＡＰ", ("港を出る船（横浜で、３日）", "ＡＰ")),
    ("배가 항구를 떠나고 있다. 사진=연합뉴스", ("배가 항구를 떠나고 있다.", "연합뉴스")),
    ("배가 항구를 떠나고 있다. ⓒ연합뉴스", ("배가 항구를 떠나고 있다.", "연합뉴스")),
    ("배가 항구를 떠나고 있다. 2024.1.1/뉴스1", ("배가 항구를 떠나고 있다. 2024.1.1", "뉴스1")),
    ("渔船驶出港口。新华社记者王明摄", ("渔船驶出港口。", "新华社记者王明")),
    # A credit opening the caption, before a separator.
    ("Foto: Jo Park/dpa | Ein Boot verlässt den alten Hafen",
     ("Ein Boot verlässt den alten Hafen", "Jo Park/dpa")),
    ("© Jo Park – Ein Boot verlässt den alten Hafen", ("Ein Boot verlässt den alten Hafen", "Jo Park")),
])
def test_more_credit_forms(caption: str, expected: tuple[str | None, str | None]) -> None:
    assert split_credit(caption) == expected


@pytest.mark.parametrize("caption", [
    # A dash inside a caption's sentence, and names that are its subject.
    "Fans cheer in Paris - the old town in winter",
    "The press conference in Paris - Emmanuel Macron",
    "Jo Park - Der Kanzler spricht in Berlin vor Journalisten",
    "Der Kanzler – ein Porträt",
    # "Courtesy", "via" and "photo" in the caption's own sentence.
    "The mayor paid a courtesy visit to the school.",
    "Photos via Instagram show the crowd at the gate",
    "The crowd. Pictures From The Archive",
    # An equals sign in a Japanese caption's own text.
    "会見する首相＝2日午後、首相官邸",
    "A view of Tokyo = AP",
])
def test_more_plain_captions(caption: str) -> None:
    assert split_credit(caption) == (caption, None)


def test_a_label_opening_names_joined_by_a_slash() -> None:
    assert clean_credit("Photo / Jo Park") == "Jo Park"
    # written close, the label and the name read as one credit ("Ljósmynd/Aðsend")
    assert clean_credit("Foto/Privat") == "Foto/Privat"


@pytest.mark.parametrize(("caption", "expected"), [
    ("Jo Park/The Daily Post", True),
    ("Getty Images", True),
    ("Paris/Berlin", False),
    ("Before/After", False),
    ("The mayor/the town", False),
])
def test_only_a_credit(caption: str, expected: bool) -> None:
    assert only_a_credit(caption) is expected


STORY = "Boats left the harbour before dawn for the long season at sea, crews said. " * 4
MORE = "Crews said the catch had been better than in any year before this one. " * 4


def _article(middle: str, lead: str = "") -> newsclean.Article:
    page = (f'<html><body><article class="post">{lead}<h1>Harbour news</h1><p>{STORY}</p>'
            f'{middle}<p>{MORE}</p><p>{STORY}</p></article></body></html>')
    return newsclean.extract(page, "https://example.org/a", rules=newsclean.RuleSet())


def test_credit_before_the_caption_on_a_line_of_its_own() -> None:
    article = _article('<figure><img src="/a.jpg" width="800"><figcaption><span>The Daily '
                       'Post</span><br>Boats leave the harbour before dawn.</figcaption></figure>')
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Boats leave the harbour before dawn.", "The Daily Post")]


def test_emphasis_opening_a_caption_stays_in_it() -> None:
    article = _article('<figure><img src="/a.jpg" width="800"><figcaption><b>Jo Park</b><br>'
                       'The harbour master at dawn.</figcaption></figure>')
    assert article.images[0].credit is None
    assert "Jo Park" in (article.images[0].caption or "")


def test_a_caption_that_repeats_its_credit_is_no_caption() -> None:
    article = _article('<figure><img src="/a.jpg" width="800"><figcaption>Jo Park/The Daily Post'
                       '</figcaption></figure>')
    assert [(i.caption, i.credit) for i in article.images] == [(None, "Jo Park/The Daily Post")]


def test_a_paragraph_under_a_picture_ending_in_a_credit_is_its_caption() -> None:
    article = _article('<p><img src="/a.jpg" width="800"></p>'
                       '<p>Boats leave the harbour at dawn. Photo: Jo Park/AP</p>')
    assert "Boats leave the harbour at dawn" not in article.text
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Boats leave the harbour at dawn.", "Jo Park/AP")]


def test_a_credit_line_under_a_figure_stays_out_of_the_text() -> None:
    article = _article('<figure><img src="/a.jpg" width="800"><figcaption>Boats leave the '
                       'harbour.</figcaption></figure><p>Photo: Jo Park/AP</p>')
    assert "Jo Park" not in article.text


def test_a_story_paragraph_after_a_picture_stays() -> None:
    line = "The harbour master, Jo Park, said boats would leave at dawn."
    article = _article(f'<p><img src="/a.jpg" width="800"></p><p>{line}</p>')
    assert line in article.text


def test_a_gallery_item_above_the_story_is_read_without_its_caption() -> None:
    # long enough to be read as a lead paragraph, were it one
    caption = ("Boats leave the harbour at dawn on the first day of the season, watched by "
               "families on the quay.")
    lead = ('<div class="gallery"><ul><li class="item"><div class="wrap"><img src="/a.jpg" '
            f'width="800" alt="Harbour"></div><span class="info">{caption} '
            'Bild: Jo Park/Archiv</span></li></ul></div>')
    page = (f'<html><body><article><header><h1>Harbour news</h1>{lead}</header>'
            f'<div class="text"><p>{STORY}</p><p>{MORE}</p><p>{STORY}</p></div>'
            '</article></body></html>')
    article = newsclean.extract(page, "https://example.org/a", rules=newsclean.RuleSet())
    assert "watched by families" not in article.text
    assert [(i.caption, i.credit) for i in article.images] == [(caption, "Jo Park/Archiv")]


def test_a_credit_marked_by_an_empty_icon() -> None:
    article = _article('<figure><img src="/a.jpg" width="800"><figcaption>Boats leave the '
                       'harbour.<span><i class="fa fa-copyright"></i>Jo Park</span></figcaption>'
                       '</figure>')
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Boats leave the harbour.", "Jo Park")]


def test_a_figure_footer_in_its_caption_box_is_its_credit() -> None:
    article = _article('<figure><div><img src="/a.jpg" width="800"></div><div class="box">'
                       '<figcaption>Boats leave the harbour.</figcaption><footer>'
                       '<small>© Jo Park/Archive</small></footer></div></figure>')
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Boats leave the harbour.", "Jo Park/Archive")]


def test_a_credit_named_line_after_the_figure() -> None:
    article = _article('<figure><img src="/a.jpg" width="800"><figcaption>Boats leave the '
                       'harbour.</figcaption></figure><p class="photo-credit">Jo Park</p>')
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Boats leave the harbour.", "Jo Park")]
    assert "Jo Park" not in article.text


def test_a_byline_after_the_figure_is_no_credit() -> None:
    article = _article('<figure><img src="/a.jpg" width="800"><figcaption>Boats leave the '
                       'harbour.</figcaption></figure><p class="byline">By Jo Park</p>')
    assert [(i.caption, i.credit) for i in article.images] == [("Boats leave the harbour.", None)]


@pytest.mark.parametrize(("caption", "expected"), [
    ("Fans cheer in the square. Getty Images for Netflix",
     ("Fans cheer in the square.", "Getty Images for Netflix")),
    ("Fans cheer in the square. Reuters reported the crowd was large",
     ("Fans cheer in the square. Reuters reported the crowd was large", None)),
])
def test_a_last_sentence_opened_by_an_agency(caption: str,
                                             expected: tuple[str | None, str | None]) -> None:
    assert split_credit(caption) == expected


@pytest.mark.parametrize(("figcaption", "expected"), [
    # Names on a line of their own, or set flush against the caption's last word.
    ("Boats leave the harbour at dawn<div>Jo Park</div>",
     ("Boats leave the harbour at dawn", "Jo Park")),
    ("Boats leave the harbour at dawn<br>Jo Park", ("Boats leave the harbour at dawn", "Jo Park")),
    ("Boats leave the harbour at dawn<span>Jo Park</span>",
     ("Boats leave the harbour at dawn", "Jo Park")),
    # ... but a name set in the caption's sentence after a space is its subject.
    ("The boats of the harbour master <span>Jo Park</span>",
     ("The boats of the harbour master Jo Park", None)),
])
def test_names_apart_closing_a_caption(figcaption: str,
                                       expected: tuple[str | None, str | None]) -> None:
    article = _article(f'<figure><img src="/a.jpg" width="800"><figcaption>{figcaption}'
                       '</figcaption></figure>')
    assert [(i.caption, i.credit) for i in article.images] == [expected]


@pytest.mark.parametrize(("figcaption", "expected"), [
    ('Boats leave the harbour. Photo by <a href="https://example.net/jo">Jo Park</a>',
     ("Boats leave the harbour.", "Jo Park")),
    ('Boats leave the harbour, via <a href="https://example.net/jo">Jo Park</a>',
     ("Boats leave the harbour", "Jo Park")),
    # A linked name in the caption's sentence is its subject.
    ('Boats of the harbour master <a href="https://example.net/jo">Jo Park</a>',
     ("Boats of the harbour master Jo Park", None)),
])
def test_a_linked_name_after_a_label(figcaption: str,
                                     expected: tuple[str | None, str | None]) -> None:
    article = _article(f'<figure><img src="/a.jpg" width="800"><figcaption>{figcaption}'
                       '</figcaption></figure>')
    assert [(i.caption, i.credit) for i in article.images] == [expected]


@pytest.mark.parametrize("line", [
    "Create depth in your photographs by experimenting with foregrounds and backgrounds.",
    "It may be used with the following copyright notification and credit line:",
])
def test_a_sentence_under_a_picture_with_a_label_word_stays(line: str) -> None:
    article = _article(f'<p><img src="/a.jpg" width="800"></p><p>{line}</p>')
    assert line in article.text


def test_a_linked_credit_line_with_two_links_is_whole() -> None:
    article = _article('<figure><img src="/a.jpg" width="800"><figcaption>Image by <a '
                       'href="https://example.net/jo">Jo Park</a> via <a href="https://example.'
                       'net/">Harbour Days</a></figcaption></figure>')
    assert [(i.caption, i.credit) for i in article.images] == [
        (None, "Jo Park via Harbour Days")]


# Credits after a photographer's name and a mark, publication / person, screen-reader labels.

@pytest.mark.parametrize(("caption", "expected"), [
    ("Firn | Getty Images", (None, "Firn | Getty Images")),
    ("soniabonet | Getty Images", (None, "soniabonet | Getty Images")),
    ("Jo Park | Getty Images", (None, "Jo Park | Getty Images")),
    ("Boats leave the harbour | Jo Park | Getty Images",
     ("Boats leave the harbour", "Jo Park | Getty Images")),
    ("Boats leave the harbour. Jo Park / Getty Images",
     ("Boats leave the harbour.", "Jo Park / Getty Images")),
    ("Boats leave the harbour. Source: Jo Park | Reuters",
     ("Boats leave the harbour.", "Jo Park | Reuters")),
    ("Source: Jo Park | Reuters", (None, "Jo Park | Reuters")),
    # BBC-style labels printed for screen readers
    ("Image caption Boats leave the harbour", ("Boats leave the harbour", None)),
    ("Image copyright Reuters", (None, "Reuters")),
    ("Image copyright Getty Images Image caption Boats leave the harbour",
     ("Boats leave the harbour", "Getty Images")),
    ("Caption: Boats leave the harbour", ("Boats leave the harbour", None)),
    ("Image source, Getty Images Image caption, Boats leave the harbour",
     ("Boats leave the harbour", "Getty Images")),
    # a caption ending in a sentence before the agency keeps it
    ("Boats leave the harbour. | Getty Images", ("Boats leave the harbour.", "Getty Images")),
])
def test_agency_and_label_forms(caption: str, expected: tuple[str | None, str | None]) -> None:
    assert split_credit(caption) == expected


@pytest.mark.parametrize("caption", [
    "The photo caption contest winners",
    "Before / After Shots",
])
def test_caption_words_that_are_no_label(caption: str) -> None:
    assert split_credit(caption) == (caption, None)


@pytest.mark.parametrize(("caption", "expected"), [
    ("Treehugger / Lindsey Reynolds", True),
    ("The Spruce / Leticia Almeida", True),
    ("Paris / Berlin", False),
])
def test_a_publication_and_a_person_is_only_a_credit(caption: str, expected: bool) -> None:
    assert only_a_credit(caption) is expected


def test_screen_reader_labels_around_a_bbc_style_figure() -> None:
    article = _article(
        '<figure><span class="image-and-copyright-container"><img src="/a.jpg" width="800">'
        '<span class="off-screen">Image copyright</span><span class="story-image-copyright">'
        'Getty Images</span></span><figcaption><span class="off-screen">Image caption</span>'
        '<span>Boats leave the harbour before dawn.</span></figcaption></figure>')
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Boats leave the harbour before dawn.", "Getty Images")]
    assert "Image caption" not in article.text and "Image copyright" not in article.text


def test_a_credit_part_longer_than_the_caption_part() -> None:
    article = _article('<figure><img src="/a.jpg" width="800"><figcaption><span>A snake plant'
                       '</span><span>The Spruce / Leticia Almeida</span></figcaption></figure>')
    assert [(i.caption, i.credit) for i in article.images] == [
        ("A snake plant", "The Spruce / Leticia Almeida")]


def test_many_caption_labels_are_read_without_recursion() -> None:
    caption, credit = split_credit("Image caption " * 5000 + "Boats leave the harbour")
    assert credit is None and caption is not None and caption.endswith("Boats leave the harbour")
