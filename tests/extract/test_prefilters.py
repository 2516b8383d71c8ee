"""The cheap word tests run before case-insensitive regexes must let every match through."""

from __future__ import annotations

import re
from itertools import product

import pytest

from newsclean.extract.media import _may_name_asset, asset_file_name, not_story_url
from newsclean.extract.patterns import (
    ASSET_FOLDER_STEMS,
    ASSET_FOLDER_WORDS,
    AUTHOR_HREF,
    BYLINE_HINT,
    HOME_HREF,
    PLACEHOLDER_SOURCE,
    RELATED_HEADING,
    RELATED_HEADING_INSIDE,
    RELATED_INSIDE_WORDS,
    STORIES_LAST,
    STORIES_LAST_WORDS,
    STORIES_NAMED,
    STORIES_NAMED_WORDS,
)
from newsclean.extract.patterns.captions import (
    CAPTION_TAIL,
    CREDIT_LEAD,
    DANGLING_LABEL,
    search_credit_lead,
    without_dangling_label,
)
from newsclean.extract.patterns.pictures import PLACEHOLDER_WORDS, is_placeholder
from newsclean.extract.related_items import is_home
from newsclean.extract.related_names import _may_hold, _names_related, ends_in_stories
from newsclean.extract.settings import DEFAULT_SETTINGS
from newsclean.extract.stages.header import AUTHOR_HREF_WORDS, BYLINE_WORDS
from newsclean.extract.text import holds_any

PLACEHOLDERS = ["/img/BLANK.gif", "placeholder.svg", "x/Spacer.png", "lazy-load.jpg",
                "LAZY_LOAD.png", "lazyload.gif", "a/1x1.png", "Pixel.GIF", "bg-Transparent.png",
                "/transparent_1.png", "/img/Clear.gif", "/TRANS.gif", "/styles/Clear.png"]
BYLINES = ["Article-Author", "byline__name", "contributorBox", "post-WRITER", "reporter"]
CREDITS = ["Fans cheer. Photo: Jo Park", "Image courtesy of NASA", "FILE PHOTO by Jo Park",
           "Credit: AP", "Source: Reuters", "(C) Jo Park", "Fot. Jo Park", "Bildnachweis: dpa",
           "Quelle: dpa", "Fuente: EFE", "Copyright Jo Park", "Graphic: Jo Park", "Pics: AP",
           "Autor zdjęcia: Jo Park", "Kuva: Jo Park", "Video: AP", "Illustration: Jo Park",
           "Immagine: Ansa", "Imatge: EFE", "Zdroj: CTK", "Kaynak: AA", "Sumber: Antara",
           "Heimild: RUV", "Chanzo: AP", "Kredit: NTB", "Bron: ANP", "Kilde: NTB", "Mynd: RUV",
           "Fonte: Ansa", "Sursa: Agerpres", "Beeld: ANP", "Grafik: dpa"]
CAPTION_TAILS = ["Fans cheer hide caption", "Fans cheer Toggle Caption", "Fans cheer expand",
                 "Fans cheer enlarge this image", "Fans cheer Purchase Licensing Rights",
                 "Fans cheer Photo:", "Fans cheer Bild :"]
AUTHOR_LINKS = ["/Authors/jo", "/writer/jo", "/profiles/jo", "/PEOPLE/jo", "/staff/jo",
                "/contributors/jo", "/producer/jo", "/autoren/jo", "/autor/jo", "/auteurs/jo",
                "/redaccion/jo", "/journalist/jo", "/byline/jo"]


@pytest.mark.parametrize(("pattern", "words", "matching"), [
    (PLACEHOLDER_SOURCE, PLACEHOLDER_WORDS, PLACEHOLDERS),
    (BYLINE_HINT, BYLINE_WORDS, BYLINES),
    (AUTHOR_HREF, AUTHOR_HREF_WORDS, AUTHOR_LINKS),
])
def test_every_match_passes_the_word_test(pattern: re.Pattern[str], words: tuple[str, ...],
                                          matching: list[str]) -> None:
    for text in matching:
        assert pattern.search(text), text
        assert holds_any(text, words), text


def test_the_word_test_rules_out_ascii_text_without_the_words() -> None:
    assert not holds_any("https://cdn.example.com/photo-1200.jpg", PLACEHOLDER_WORDS)
    assert not holds_any("story-body wide", BYLINE_WORDS)


def test_text_outside_ascii_goes_to_the_regex() -> None:
    # Case folding maps the dotless i onto "i": the regex matches, the words would not.
    text = "wr\u0131ter-box"
    assert BYLINE_HINT.search(text)
    assert holds_any(text, BYLINE_WORDS)


def test_is_placeholder_answers_as_the_regex() -> None:
    for url in [*PLACEHOLDERS, "https://cdn.example.com/photo-1200.jpg", "/img/unclear.gif",
                "/ım/blank\u0131.gif"]:
        assert is_placeholder(url) == (PLACEHOLDER_SOURCE.search(url) is not None), url


@pytest.mark.parametrize("url", [
    "https://c.example/w_776,h_437,c_fill/d_transparent.gif/dam/pier.jpg",
    "https://c.example/image/upload/d_blank.gif/v1/pier.jpg",
    "https://c.example/image/pier.png?$LazyLoad_Home_PNG$",
    "https://c.example/image/pier.png?placeholderIfAbsent=true",
])
def test_a_placeholders_name_outside_the_pictures_path_makes_no_placeholder(url: str) -> None:
    assert PLACEHOLDER_SOURCE.search(url) is not None
    assert not is_placeholder(url)


def test_a_placeholder_is_one_whatever_its_query() -> None:
    assert is_placeholder("https://c.example/img/blank.gif?v=2")
    assert is_placeholder("https://c.example/w_300,c_fill/img/spacer.gif")


RELATED_INSIDE = ["Other related stories", "New and exciting similar dishes", "Ähnliche Artikel",
                  "Articles similaires", "Entradas relacionadas", "Artigos RELACIONADOS",
                  "Articoli correlati", "Articles connexes", "Articles liés", "Nieuws gerelateerd",
                  "Artiklar relaterade", "مقالات ذات صلة"]
STORIES = ["Our latest articles", "Die neuesten Beiträge", "Weitere Meldungen", "My most popular posts",
           "Other Stories", "Mehr Nachrichten", "Top reads", "Empfohlene Artikel", "More local news",
           "Featured story"]
STORIES_LAST_MATCHING = ["Local News", "Blog posts", "Regionale Nachrichten", "Neueste Beiträge",
                         "Últimas noticias", "Dernières actualités", "Ultime notizie",
                         "Mais notícias", "Top Stories", "Die Schlagzeilen", "Weitere Meldungen",
                         "Related Articles:", "Unsere Artikel"]


@pytest.mark.parametrize(("pattern", "words", "matching"), [
    (RELATED_HEADING_INSIDE, RELATED_INSIDE_WORDS, RELATED_INSIDE),
    (STORIES_NAMED, STORIES_NAMED_WORDS, STORIES),
    (STORIES_LAST, STORIES_LAST_WORDS, STORIES_LAST_MATCHING),
])
def test_every_related_heading_match_passes_the_word_test(
        pattern: re.Pattern[str], words: tuple[str, ...], matching: list[str]) -> None:
    for text in matching:
        assert pattern.search(text), text
        assert _may_hold(text, text.lower(), words), text


def test_letters_folding_onto_ascii_send_the_heading_to_the_regex() -> None:
    # "ſ" matches "s" case-insensitively, though "poſts" does not hold "post".
    text = "Selected poſts"
    assert STORIES_NAMED.search(text)
    assert _may_hold(text, text.lower(), STORIES_NAMED_WORDS)
    assert not _may_hold("Selected photos", "selected photos", STORIES_NAMED_WORDS)


def test_names_related_answers_as_the_regexes() -> None:
    for text in [*RELATED_INSIDE, *STORIES, "Selected poſts", "Share this article", "Comments",
                 "Ähnliche Produkte", "Related", "The city council passes its budget"]:
        expected = bool(RELATED_HEADING.match(text) or RELATED_HEADING_INSIDE.search(text)
                        or STORIES_NAMED.search(text))
        assert _names_related(text) == expected, text


def test_ends_in_stories_answers_as_the_regex() -> None:
    for text in [*STORIES_LAST_MATCHING, "Local new\u017f", "Local News today", "Share this"]:
        assert ends_in_stories(text) == (STORIES_LAST.match(text) is not None), text


HOME_PARTS = ["", "h", "t", "p", "s", "S", ":", "/", "?", "#", "a", ".", "\n", "\r", " ", "é",
              "ſ", "http:", "HTTPS:", "//"]


def test_is_home_answers_as_the_regex() -> None:
    hrefs = ["".join(parts) for size in range(4) for parts in product(HOME_PARTS, repeat=size)]
    hrefs += ["https://example.com", "https://example.com/", "//example.com/?ref=nav",
              "/#top", "https://example.com/news/story", "/news/", "HTTP://EXAMPLE.COM/"]
    homes = [href for href in hrefs if is_home(href)]
    assert homes == [href for href in hrefs if HOME_HREF.match(href)]
    assert "https://example.com/" in homes and "/news/" not in homes


def test_related_heading_merged_by_first_letter_matches_as_written() -> None:
    """RELATED_HEADING is its alternatives merged by first letter: the same texts match
    as with the alternatives written out one by one."""
    from newsclean.extract.patterns.regex import any_apostrophe, by_first_letter
    from newsclean.extract.patterns.related import _LEADING_ARTICLE, _RELATED_HEADING_NAMES
    written = re.compile(any_apostrophe(
        r"^\W*" + _LEADING_ARTICLE + "(?:" + _RELATED_HEADING_NAMES + ")"), re.IGNORECASE)
    words = sorted(set(re.findall(r"[^\W\d_]+", _RELATED_HEADING_NAMES)))
    texts = [f"{lead}{first} {second}" for lead in ("", "  ", "» ", "The ", "las ", "+ ")
             for first in words for second in ("", "more", "the news", "lus")]
    texts += [text.upper() for text in texts] + ["Lo + visto", "Editors’ Picks", "ſee also",
                                                  "Don't miss", "関連記事", "Council passes budget"]
    assert [text for text in texts if RELATED_HEADING.match(text)] == [
        text for text in texts if written.match(text)]
    assert sum(1 for text in texts if written.match(text)) > len(texts) // 10
    assert by_first_letter("related|read (?:more|next)|s?een|(?:you )?may|o") == (
        "r(?:elated|ead (?:more|next))|s?een|(?:you )?may|o")


def test_taxonomy_path_merged_by_first_letter_matches_as_written() -> None:
    from newsclean.extract.patterns import TAXONOMY_PATH
    from newsclean.extract.patterns.related import _LIST_FOLDERS, _LIST_PATH_ENDS
    written = re.compile(r"/(?:" + _LIST_FOLDERS + r")/|" + _LIST_PATH_ENDS, re.IGNORECASE)
    folders = [*re.findall(r"[a-z]+", _LIST_FOLDERS), "tag", "topic", "news", "2025"]
    paths = [f"/{a}/{b}{end}" for a in folders for b in folders
             for end in ("", "/", "/page/2", "#comments", "#respond")]
    paths += [path.upper() for path in paths]
    assert [p for p in paths if TAXONOMY_PATH.search(p)] == [p for p in paths if written.search(p)]
    assert TAXONOMY_PATH.search("/news/tag/budget/") and not TAXONOMY_PATH.search("/news/budget")


def test_the_credit_searches_give_what_their_regexes_give() -> None:
    for text in [*CREDITS, *CAPTION_TAILS, "Fans cheer at the final.", "Fans cheer. Photo",
                 "Fans cheer. Fotó: MTI", "Fans cheer. ©", "Fans cheer \u017fource:"]:
        expected = CREDIT_LEAD.search(text)
        found = search_credit_lead(text)
        assert (found and found.group(0)) == (expected and expected.group(0)), text
        assert without_dangling_label(text) == DANGLING_LABEL.sub("", CAPTION_TAIL.sub("", text))


def test_every_asset_folder_word_holds_a_stem() -> None:
    for word in ASSET_FOLDER_WORDS:
        assert any(stem in word for stem in ASSET_FOLDER_STEMS), word
        assert _may_name_asset(f"app_{word}-2x")
    assert not _may_name_asset("2024")


def test_asset_folders_are_found_through_the_stem_test() -> None:
    assert not_story_url("https://a.example/static/app_icons/photo.jpg", DEFAULT_SETTINGS)
    assert not_story_url("https://a.example/gravatar/avatar/abc/photo.jpg", DEFAULT_SETTINGS)
    assert not not_story_url("https://a.example/2024/05/harbour-photo.jpg", DEFAULT_SETTINGS)
    # A forum's smileys, in a post among its pictures.
    assert not_story_url("https://forum.example/images/smilies/wink.gif", DEFAULT_SETTINGS)
    assert not_story_url("https://forum.example/uploads/emoticons/grin.png", DEFAULT_SETTINGS)
    # Its status icons and its members' badges, beside each post.
    assert not_story_url("https://forum.example/images/statusicon/user_offline.gif",
                         DEFAULT_SETTINGS)
    assert not_story_url("https://forum.example/images/badges/miles/miles-500k.png",
                         DEFAULT_SETTINGS)


@pytest.mark.parametrize(("name", "asset"), [
    ("whatsapp.png", True),
    ("share-whatsapp-icon.png", True),
    ("WhatsApp-Image-2022-05-03-at-8.25.36-PM.jpeg", False),  # a photo a messenger saved
    ("514722-whatsapp-20image-202022-05-03-20at-208-25-36-20pm.jpeg", False),
    ("whatsapp-foto-marcha.jpg", False),
])
def test_a_messengers_photo_is_no_messengers_icon(name: str, asset: bool) -> None:
    assert asset_file_name(f"https://news.example/2022-05/{name}") is asset


def test_byline_prefix_merged_by_first_letter_matches_as_written() -> None:
    """BYLINE_PREFIX's words merged by first letter: the same lines match, to the same
    end (names lose the prefix by its match)."""
    from newsclean.extract.patterns.header import BYLINE_PREFIX, BYLINE_WORDS

    written = re.compile(r"^\s*(?:" + BYLINE_WORDS + r")\s*:?(?:\s+|$)", re.IGNORECASE)
    words = [*BYLINE_WORDS.split("|"), "b", "do", "dor", "written", "wordsby", "avant"]
    texts = [f"{lead}{word}{tail}" for lead in ("", " ", "\n") for word in words
             for tail in ("", " ", ":", " : Jo Park", " Jo Park", "Jo", "by Jo")]
    texts += [text.upper() for text in texts] + ["ſtory by Jo", "DOOR Jo", "Bylined"]
    for text in texts:
        merged, plain = BYLINE_PREFIX.match(text), written.match(text)
        assert (merged and merged.span()) == (plain and plain.span()), text
    assert BYLINE_PREFIX.pattern != written.pattern
