"""Confidence in the story, and the second opinion on a weak one."""

from __future__ import annotations

import json

import pytest

import newsclean
from newsclean import Article
from newsclean.extract import fallback

SENTENCES = [f"The council voted on harbour plan number {i} after a long debate about the "
             "costs and the timetable of the works." for i in range(8)]
HEAD = "<head><title>Harbour plan approved</title></head>"
FOOTER = (
    '<div class="site-info"><p>The Daily Gazette is published at 1200 Market Street, Suite '
    "400, Springfield, IL 62701, by Gazette Media Group.</p><p>Call the newsroom at 555-0100, "
    "or write to the editors at the address above; letters may be edited for length.</p>"
    "<p>© 2024 The Daily Gazette. All rights reserved. Use of this site means you accept our "
    "terms of use and privacy policy.</p></div>")


def _page(story: str, head: str = HEAD) -> str:
    return f"<html>{head}<body><h1>Harbour plan approved</h1>{story}{FOOTER}</body></html>"


def _no_trafilatura(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []

    def record(*args: object) -> list[str]:
        calls.append(args)
        return []

    monkeypatch.setattr(fallback, "_trafilatura", record)
    return calls


def test_a_strong_story_gets_no_second_opinion(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_trafilatura(monkeypatch)
    article = newsclean.extract(_page("<article>" + "".join(f"<p>{s}</p>" for s in SENTENCES)
                                      + "</article>"))
    assert calls == []
    assert article.text_source == "newsclean"
    assert article.confidence >= newsclean.Settings().fallback_below
    assert article.paragraphs[0] == SENTENCES[0]


def test_an_empty_story_takes_the_json_ld_article_body(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_trafilatura(monkeypatch)
    body = "\n".join(SENTENCES)
    ld = json.dumps({"@type": "NewsArticle", "headline": "Harbour plan approved",
                     "articleBody": body})
    head = f'<head><script type="application/ld+json">{ld}</script></head>'
    # The story only exists in the JSON-LD: the page shows a sign-up box and a footer.
    article = newsclean.extract(
        f"<html>{head}<body><h1>Harbour plan approved</h1>"
        '<div class="newsletter-signup"><p>Sign up for our newsletter today.</p></div>'
        "</body></html>")
    assert article.text_source == "json-ld"
    assert article.paragraphs == SENTENCES
    assert article.confidence < newsclean.Settings().fallback_below
    assert any(r.startswith("json-ld articleBody") for r in article.confidence_reasons)
    assert calls == []  # the publisher's own body was enough


def test_a_footer_address_story_is_replaced_by_trafilatura() -> None:
    # The story sits in a box the engine drops as an overlay; what is left is the footer.
    page = _page('<div class="paywall-overlay">' + "".join(f"<p>{s}</p>" for s in SENTENCES)
                 + "</div>")
    alone = newsclean.extract(page, settings=newsclean.Settings(fallback_below=0.0))
    assert "Market Street" in alone.text and SENTENCES[0] not in alone.text
    assert any(r.startswith("legal:") for r in alone.confidence_reasons)
    assert alone.text_source == "newsclean"
    article = newsclean.extract(page)
    assert article.text_source == "trafilatura"
    assert SENTENCES[0] in article.paragraphs and SENTENCES[-1] in article.text
    assert article.confidence == alone.confidence
    assert article.confidence_reasons[-1].startswith("trafilatura:")


def test_bytes_reach_trafilatura_decoded() -> None:
    page = _page('<div class="paywall-overlay"><p>Ärger im Hafen: der Rat stimmte ab.</p>'
                 + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</div>")
    article = newsclean.extract(page.encode("utf-8"))
    assert article.text_source == "trafilatura"
    assert "Ärger im Hafen" in article.text


def test_the_new_fields_round_trip_and_show_in_explain() -> None:
    page = _page('<div class="paywall-overlay">' + "".join(f"<p>{s}</p>" for s in SENTENCES)
                 + "</div>")
    explanation = newsclean.explain(page)
    article = explanation.article
    assert explanation.text_source == "trafilatura"
    assert explanation.confidence == article.confidence < 1.0
    assert explanation.confidence_reasons == article.confidence_reasons
    again = Article.from_dict(json.loads(article.to_json()))
    assert again == article
    assert Article.from_dict({}).text_source == "newsclean"


def test_the_inspector_shows_where_the_text_came_from() -> None:
    from newsclean.inspect import render_report

    page = _page('<div class="paywall-overlay">' + "".join(f"<p>{s}</p>" for s in SENTENCES)
                 + "</div>")
    explanation = newsclean.explain(page)
    report = render_report(explanation)
    assert 'data-field="text_source"' in report and ">trafilatura<" in report
    assert 'data-field="confidence"' in report
    assert explanation.article.confidence_reasons[0][:20] in report


def _list_story(extra: str = "") -> str:
    # Half the story's lines are one word long: a weak story (a list) that is most of
    # the page's words, unless `extra` adds more text beside it.
    lines: list[str] = []
    for i in range(12):
        lines.append(f"<p>Berth{i}</p>")
        if i % 3 == 0:
            lines.append(f"<p>{SENTENCES[i // 3]}</p>")
    return (f"<html>{HEAD}<body><h1>Harbour plan approved</h1><article>{''.join(lines)}"
            f"</article>{extra}</body></html>")


def test_trafilatura_is_not_asked_for_more_words_than_the_page_holds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_trafilatura(monkeypatch)
    article = newsclean.extract(_list_story())
    assert article.confidence < newsclean.Settings().fallback_below
    assert calls == []
    assert article.text_source == "newsclean"
    assert article.confidence_reasons[-1].startswith("unasked: trafilatura would need")
    assert article.paragraphs[0] == "Berth0"


def test_trafilatura_is_asked_when_the_page_holds_enough_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_trafilatura(monkeypatch)
    aside = '<aside class="sidebar">' + "".join(f"<p>{s}</p>" for s in SENTENCES * 2) + "</aside>"
    article = newsclean.extract(_list_story(aside))
    assert article.confidence < newsclean.Settings().fallback_below
    assert len(calls) == 1
    assert article.confidence_reasons[-1].startswith("kept: trafilatura found 0 words")


def test_the_nesting_work_is_the_sum_of_the_depths() -> None:
    from lxml import etree
    root = etree.fromstring("<r><b><c/><d><e/></d></b><f/></r>")
    # r 0, b 1, c 2, d 2, e 3, f 1
    assert fallback._nesting_work(root) == (9, 0, 0, 6, 0)


def test_the_sibling_tail_work_is_each_elements_children_times_their_tails() -> None:
    from lxml import etree
    root = etree.fromstring("<r><a/>xy<b><c/>z<d/>uvw</b>q</r>")
    # r: children a, b with tails "xy", "q" (2 * 3); b: children c, d with tails "z",
    # "uvw" (2 * 4); the leaves none
    assert fallback._nesting_work(root)[4] == 2 * 3 + 2 * 4


def test_the_link_text_work_counts_each_character_once_per_link_holding_it() -> None:
    from lxml import etree
    root = etree.fromstring("<r>out<a>ab<a>cde</a>fg<b>h</b>i</a>jk</r>")
    # "ab" 1 link, "cde" 2, "fg" (the inner link's tail) 1, "h" 1, "i" 1; "out", "jk" none
    assert fallback._nesting_work(root)[1] == 2 + 6 + 2 + 1 + 1


def test_the_text_depth_work_counts_each_character_once_per_element_holding_it() -> None:
    from lxml import etree
    root = etree.fromstring("<r>ab<p>cde<p>f</p>gh</p>ij</r>")
    # "ab" and "ij" (the outer p's tail) are held by 1 element, "cde" and "gh" (the inner
    # p's tail) by 2, "f" by 3
    assert fallback._nesting_work(root)[2] == 2 * 1 + 2 * 1 + 3 * 2 + 2 * 2 + 1 * 3


SIDEBAR = ('<aside class="sidebar">' + "".join(f"<p>{s}</p>" for s in SENTENCES * 2)
           + "</aside>")
SPACED_SIDEBAR = ('<aside class="sidebar">\n' + "\n".join(f"<p>{s}</p>" for s in SENTENCES * 2)
                  + "\n</aside>")
LINKS_LEFT_OPEN = ('<aside class="sidebar">' + '<a href="/x">' * 5
                   + "".join(f"<p>{s}</p>" for s in SENTENCES * 2) + "</aside>")


@pytest.mark.parametrize(("bound", "lowered", "aside", "reason"), [
    # Its work grows with the sum of the elements' depths.
    ("MAX_NESTING_WORK", 50, SIDEBAR, "unasked: the page's nesting"),
    # Unclosed links nest: it reads each one's whole text once per link above it.
    ("MAX_LINK_TEXT_WORK", 500, LINKS_LEFT_OPEN, "unasked: the page's links nest"),
    # Unclosed paragraphs nest: its last resort reads each one's whole text once per
    # paragraph above it.
    ("MAX_TEXT_DEPTH_WORK", 5_000, SIDEBAR, "unasked: the page's elements nest"),
    # Some of its steps grow faster than the page.
    ("MAX_ELEMENTS", 20, SIDEBAR, "unasked: the page holds over 20 elements"),
    # Its clean-up drops elements one by one, each joining the text after it to the
    # text before, in either mode.
    ("MAX_TAIL_WORK", 50, SPACED_SIDEBAR, "unasked: the text after the page's elements"),
])
def test_a_page_past_a_bound_is_not_handed_to_trafilatura(
        monkeypatch: pytest.MonkeyPatch, bound: str, lowered: int, aside: str,
        reason: str) -> None:
    # Past a bound, the engine's story stays unasked rather than wait on trafilatura (each
    # bound lowered to fit a small page, which is asked under the real ones).
    calls = _no_trafilatura(monkeypatch)
    newsclean.extract(_list_story(aside))
    assert len(calls) == 1
    monkeypatch.setattr(fallback, bound, lowered)
    article = newsclean.extract(_list_story(aside))
    assert len(calls) == 1
    assert article.confidence_reasons[-1].startswith(reason)
    assert article.paragraphs[0] == "Berth0"


@pytest.mark.parametrize(("bound", "lowered", "aside"), [
    # Past MAX_FULL_RUN_ELEMENTS, trafilatura runs without its comparison with justext,
    # whose search grows with the square of the page's short paragraphs...
    ("MAX_FULL_RUN_ELEMENTS", 20, SIDEBAR),
    # ... past MAX_FULL_RUN_TAIL_WORK, without the port of readability that drops elements
    # one by one, each joining the text after it to the text before.
    ("MAX_FULL_RUN_TAIL_WORK", 50, SPACED_SIDEBAR),
])
def test_a_page_past_a_full_run_bound_is_read_by_trafilatura_in_its_fast_mode(
        monkeypatch: pytest.MonkeyPatch, bound: str, lowered: int, aside: str) -> None:
    # (The bound lowered to fit a small page, which gets the full run under the real one.)
    modes: list[bool] = []

    def record(root: object, url: object, fast: bool = False) -> list[str]:
        modes.append(fast)
        return []

    monkeypatch.setattr(fallback, "_trafilatura", record)
    newsclean.extract(_list_story(aside))
    monkeypatch.setattr(fallback, bound, lowered)
    newsclean.extract(_list_story(aside))
    assert modes == [False, True]


TOOLS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
TASKS = ["plan berths", "book pilots", "track tugs", "invoice owners", "schedule cranes",
         "log cargo", "clear customs", "rota crews", "report delays", "audit safety"]
TOOL_LINES = [line for name, task in zip(TOOLS, TASKS, strict=True)
              for line in (f"Product {name}", f"Use {name} to {task} from any desk")]
OPENING = "Plan, book and track every berth in one place, built for busy ports."


def _tools_page(menu: str) -> str:
    """A short opening under the headline, and the tool links, each with a line of
    description, in a block opened by `menu`."""
    items = "".join(f'<li><a href="/{name}"><p>Product {name}</p><p>Use {name} to {task} '
                    "from any desk</p></a></li>" for name, task in zip(TOOLS, TASKS, strict=True))
    close = "</" + menu[1:].split()[0].rstrip(">") + ">"
    return (f"<html>{HEAD}<body>{menu}<ul>{items}</ul>{close}<main><h1>Harbour tools "
            f"for every crew</h1><p>{OPENING}</p></main></body></html>")


def _trafilatura_reads(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    monkeypatch.setattr(fallback, "_trafilatura", lambda *args: lines)


def test_trafilatura_reading_the_menus_does_not_replace_a_short_story(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The menu twice (desktop and mobile), as trafilatura reads such pages.
    _trafilatura_reads(monkeypatch, TOOL_LINES * 2)
    article = newsclean.extract(_tools_page("<nav>"))
    assert article.confidence < newsclean.Settings().fallback_below
    assert article.text_source == "newsclean"
    assert article.paragraphs == [OPENING]
    assert article.confidence_reasons[-1].startswith("kept: ")
    assert article.confidence_reasons[-1].endswith("are the page's menus")


def test_the_same_lines_outside_the_menus_replace_a_short_story(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _trafilatura_reads(monkeypatch, TOOL_LINES * 2)
    article = newsclean.extract(_tools_page('<div class="sidebar">'))
    assert article.text_source == "trafilatura"
    assert article.paragraphs[:2] == TOOL_LINES[:2]


def test_the_menus_are_nav_elements_and_navigation_roles() -> None:
    page = ("<html><body><nav><a href='/a'>Shop  all</a></nav><div role='navigation'>"
            "<a href='/b'>Find a store</a></div><div class='menu'>Gift cards</div>"
            "<p>Opening line</p></body></html>")
    assert fallback._navigation(fallback._decoded(page, None)).split("\n") == [
        "Shop all", "Find a store"]


def test_a_menu_inside_another_is_read_once() -> None:
    # Menus left open, each holding the rest: read with every menu around it, their text
    # would grow with the square of the page.
    page = ("<html><body>" + "".join(f"<nav> <a href='/{i}'>Section {i}</a>" for i in range(50))
            + "</nav>" * 50 + "<p>Opening line</p></body></html>")
    menus = fallback._navigation(fallback._decoded(page, None))
    assert menus == " ".join(f"Section {i}" for i in range(50))


def test_trafilatura_reading_the_story_once_per_screen_size_gives_it_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The page holds the story twice (desktop and phone); trafilatura reads both.
    _trafilatura_reads(monkeypatch, [*SENTENCES, "Share this story"] * 2)
    page = _page('<div class="paywall-overlay">' + "".join(f"<p>{s}</p>" for s in SENTENCES)
                 + "</div>")
    article = newsclean.extract(page)
    assert article.text_source == "trafilatura"
    assert article.paragraphs == [*SENTENCES, "Share this story"]


BANNER = [f"Free standard shipping on orders over {amount}. For more information on shipping "
          "rates and timelines, please visit our international page"
          for amount in ("$40", "$60 CAD", "$110 AUD", "£35", "€45", "$70 NZD")]
SETS = "Our best sellers in sets, each for less than its parts, while stocks last."
PRODUCTS = ["Balm Trio", "£49", "£57", "Super Pack", "£104", "£121", "Dewy Look", "£51", "£64"]


def _shop_page() -> str:
    """A short product list, weak as a story, and enough page text for a second opinion."""
    items = "".join(f"<p>{line}</p>" for line in [SETS, *PRODUCTS])
    banners = "".join(f"<div class='promo-bar'><span>{line}</span></div>" for line in BANNER)
    return (f"<html>{HEAD}<body><div>{banners}</div><h1>Skincare sets</h1><article>{items}"
            "</article></body></html>")


def test_a_banner_repeated_with_small_changes_does_not_replace_a_short_story(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _trafilatura_reads(monkeypatch, BANNER)
    article = newsclean.extract(_shop_page())
    assert article.confidence < newsclean.Settings().fallback_below
    assert article.text_source == "newsclean"
    assert article.paragraphs[:3] == [SETS, *PRODUCTS[:2]]
    assert "distinct words" in article.confidence_reasons[-1]


DESCRIPTIONS = [
    "Balm Trio gathers three lip balms: the original, a cherry one and a mint one for winter.",
    "Super Pack holds all three serums, to be used morning and evening on a clean face.",
    "Dewy Look pairs a cream blush with a gel that leaves skin glowing through the day.",
    "Every set ships in a recycled pouch that you may keep for travelling or give away.",
    "Orders placed before noon leave our warehouse the same day from Monday to Friday.",
]


def test_as_many_words_that_are_new_words_replace_a_short_story(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _trafilatura_reads(monkeypatch, DESCRIPTIONS)
    article = newsclean.extract(_shop_page())
    assert article.text_source == "trafilatura"
    assert article.paragraphs == DESCRIPTIONS


def test_distinct_words_count_each_cjk_character() -> None:
    from newsclean.extract.confidence import distinct_words

    assert distinct_words("港の計画、港の工事") == {"港", "の", "計", "画", "、", "工", "事"}
    assert distinct_words("The port, the Port.") == {"the", "port"}


def _shell_page(story: str) -> str:
    """A menu of the tools, with a "Support" entry, over a main block holding `story`
    alone (a page whose story a script fills in)."""
    items = "\n".join(f'<li><a href="/{n}">{line}</a></li>'
                      for n, line in enumerate([*TOOL_LINES, "Support"]))
    return (f"<html>{HEAD}<body><nav><ul>\n{items}\n</ul></nav><main><h1>Harbour tools for "
            f"every crew</h1>{story}</main></body></html>")


def test_a_story_of_menu_lines_with_trafilatura_reading_the_menus_is_no_story(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _trafilatura_reads(monkeypatch, TOOL_LINES * 2)
    article = newsclean.extract(_shell_page(f"<p>{TOOL_LINES[0]}</p><p>{TOOL_LINES[1]}</p>"))
    assert article.paragraphs == []
    assert article.text_source == "newsclean"
    assert article.confidence_reasons[-1].startswith("no story: ")


def test_a_story_line_outside_the_menus_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    _trafilatura_reads(monkeypatch, TOOL_LINES * 2)
    # Words of a menu's lines are not its lines: "Support alpha" is none of them.
    story = [TOOL_LINES[1], "Support alpha"]
    article = newsclean.extract(_shell_page("".join(f"<p>{line}</p>" for line in story)))
    assert article.paragraphs == story
    assert article.confidence_reasons[-1].startswith("kept: ")


MENU = ["Home", "World news", "Local news and weather", "Sign in"]


def _overlay_page_with_menu() -> str:
    """The story in an overlay the engine drops (a weak story: the footer), under a menu."""
    nav = "<nav><ul>" + "\n".join(f'<li><a href="/{n}">{label}</a></li>'
                                  for n, label in enumerate(MENU)) + "</ul></nav>"
    return _page(nav + '<div class="paywall-overlay">' + "".join(f"<p>{s}</p>" for s in SENTENCES)
                 + "</div>")


@pytest.mark.parametrize("doubtful", [False, True])
def test_trafilatura_text_taken_leaves_out_the_menu_labels_it_read(
        monkeypatch: pytest.MonkeyPatch, doubtful: bool) -> None:
    # The menu's labels, and a menu line as long as a sentence, which stays (a teaser).
    teaser = "Read how the council voted on every harbour plan since the works began"
    monkeypatch.setattr(fallback, "_navigation", lambda root: "\n".join([*MENU, teaser]))
    _trafilatura_reads(monkeypatch, [*MENU, *SENTENCES, teaser])
    # The engine's story (the footer) scores 0.476: doubtful under the first settings, where
    # the sentences, which share most of their words, must not need much more prose.
    settings = (newsclean.Settings(fallback_below=0.4, doubt_below=0.6, prose_gain=0.5)
                if doubtful else newsclean.Settings())
    article = newsclean.extract(_overlay_page_with_menu(), settings=settings)
    assert article.text_source == "trafilatura"
    assert article.paragraphs == [*SENTENCES, teaser]
    assert ("distinct words of prose" in article.confidence_reasons[-1]) == doubtful


def test_the_second_opinions_lines_are_stripped_and_blank_ones_dropped() -> None:
    text = " first line \r\n\u00a0\n\n\tsecond\u00a0 line\u2028same  \n" + " " * 5000 + "third"
    assert fallback._paragraphs(text) == ["first line", "second\u00a0 line\u2028same", "third"]
    assert fallback._paragraphs(" \n\t\n ") == []


def test_paragraphs_left_open_count_their_words_once() -> None:
    from newsclean.decoding.tree import parse
    from newsclean.extract.confidence import page_words

    # "<p>…<span><p>…": libxml2 keeps the second paragraph inside the first.
    body = parse("<html><body><p>one two three <span><p>four five</p></span> six</p>"
                 "<p>seven</p></body></html>").find("body")
    assert body is not None and body.find("p/span/p") is not None
    assert page_words(body).paragraphs == 7


def test_the_last_resort_reads_paragraphs_left_open_once_each(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _no_trafilatura(monkeypatch)  # (the second opinion reads nothing either)
    # The only prose sits in an <aside>, in paragraphs each left open inside the last.
    opened = "".join(f"<p>{sentence}<span>" for sentence in SENTENCES)
    page = (f"<html>{HEAD}<body><aside>{opened}</aside></body></html>")
    article = newsclean.extract(page, "https://example.com/a", rules=newsclean.RuleSet())
    assert article.confidence_reasons[-1].startswith("last resort: 8 paragraphs")
    assert article.paragraphs == SENTENCES
