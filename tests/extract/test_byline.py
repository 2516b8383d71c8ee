"""Bylines in the languages the engine reads: one pattern opens them for every test."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.extract.metadata import split_authors
from newsclean.extract.patterns import CREDIT_SLASH

from .bridge_story import STORY, bridge_article

URL = "https://news.example.com/local/ferry-timetable"
PAGE = """<html><head><title>Ferry timetable changes</title></head><body><article>
<h1>Ferry timetable changes from Monday</h1>{byline}
<div class="article-body">
<p>The ferry company will run two extra crossings on weekday mornings from Monday, after
a winter of complaints about crowded boats and missed connections at the harbour.</p>
<p>The evening timetable stays as it is, the company said, though it will look again at
the late crossings once the summer season starts and more visitors arrive.</p>
</div></article></body></html>"""


@pytest.mark.parametrize(("byline", "expected"), [
    ("<p>By Jane Roe</p>", ["Jane Roe"]),
    ("<p>Av Ola Nordmann</p>", ["Ola Nordmann"]),
    ("<p>Af Mette Hansen</p>", ["Mette Hansen"]),
    ("<p>De Ana Lima</p>", ["Ana Lima"]),
    ("<p>Reporting by Tom Reed</p>", ["Tom Reed"]),
    ("<p>Reported by Tom Reed and Ana Lima</p>", ["Tom Reed", "Ana Lima"]),
    ("<p><i>By Jane Roe</i></p>", ["Jane Roe"]),  # set in inline markup
    ("<table><tr><td><b>By Jane Roe</b></td></tr></table>", ["Jane Roe"]),
    ('<div><span class="k">By</span><span>Jane Roe</span></div>', ["Jane Roe"]),  # label apart
    ("<div><span>By</span> the harbour, boats wait</div>", []),
    ("<div>Ferries <span>By</span><span>Jane Roe</span></div>", []),  # not the line's opening
    ("<p>Ein Kommentar von Max Muster</p>", ["Max Muster"]),
    ("<p>Eine Analyse von Max Muster</p>", ["Max Muster"]),
    ('<p>Por <a href="/autor/ana-lima">Ana Lima</a> | Redactora de Deportes</p>', ["Ana Lima"]),
    ('<p>By <a href="/people/jane-roe">Jane Roe</a></p>', ["Jane Roe"]),
    ('<div class="meta"><a href="/author/jane-roe">Jane Roe</a>, '
     '<a href="/author/ivo-marsh">Ivo Marsh</a></div>', ["Jane Roe", "Ivo Marsh"]),
    ("<p>De acuerdo con la naviera, los barcos irán llenos</p>", []),
    # the writer's role in an element of its own, run into the name when read whole
    ('<div class="author-line"><span class="author-name"><a href="/author/jane-roe">Jane Roe'
     '</a></span> <span class="author-title">Gardener &amp; Astrologer</span></div>',
     ["Jane Roe"]),
    ('<div class="author_information"><strong>ferryfan</strong><br><span class="smalltext">'
     '<p class="team-role">Big Board Owner</p></span></div>', ["ferryfan"]),
    # another story's card, its whole box a link to it, before the story's byline
    ('<ul class="posts-list"><li><article><a href="/reviews/best-ferries"><div '
     'class="details"><h3>The best ferries of the year</h3><p class="author">by Ivo Marsh</p>'
     '</div></a></article></li></ul><p class="byline">By Jane Roe</p>', ["Jane Roe"]),
    # the byline's box itself a link to its author's page
    ('<div class="author"><div class="date">Updated <span>March 2, 2026</span></div><a '
     'href="/author/jane-roe"><div class="text"><div class="name">Written by <span>Jane Roe'
     '</span></div><div class="position">Harbour Reporter</div></div></a></div>', ["Jane Roe"]),
    # the title the writer works for, set apart by its class
    ('<div class="byline-section"><span class="author"><a href="/staff/4/jane-roe/">Jane '
     'Roe</a></span> <span class="publication"><span class="credit">HARBOUR DAILY</span>'
     '</span></div>', ["Jane Roe"]),
])
def test_a_byline_line_under_the_headline(byline: str, expected: list[str]) -> None:
    assert newsclean.extract(PAGE.format(byline=byline), URL).authors == expected


@pytest.mark.parametrize("credit", ["© Agency/Jo Park", "Photo by Jo Park",
                                    "Фото из Инстаграма Яна Рое"])
def test_a_pictures_author_in_its_credit_box_is_no_byline(credit: str) -> None:
    # The picture's credit box names its photographer "author"; the byline follows.
    figure = (f'<div class="article-photo"><img src="/img/ferry.jpg" alt="The ferry">'
              f'<div class="photo-text"><span class="author">{credit}</span></div></div>')
    byline = '<p class="byline">By Jane Roe</p>'
    article = newsclean.extract(PAGE.format(byline=figure + byline), URL,
                                rules=newsclean.RuleSet())
    assert article.authors == ["Jane Roe"]


def test_the_byline_child_limit_is_a_setting() -> None:
    page = PAGE.format(byline="<p>By <span>Jane Roe</span></p>")
    assert newsclean.extract(page, URL).authors == ["Jane Roe"]
    strict = newsclean.extract(page, URL, settings=newsclean.Settings(max_byline_children=0))
    assert strict.authors == []


@pytest.mark.parametrize(("text", "expected"), [
    # the byline word
    ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
    ("Von Max Muster", ["Max Muster"]),
    ("Story by: Ana Lima", ["Ana Lima"]),
    ("By", []),
    # the date and reading time signing the byline
    ("By Jane Roe - Mar 27, 2024", ["Jane Roe"]),
    ("Jane Roe · 27 March 2024 · 4 min read", ["Jane Roe"]),
    ("By Jane Roe on March 27, 2024", ["Jane Roe"]),
    ("Von Max Muster am Do 12.03.2020", ["Max Muster"]),
    ("Posted by Jane Roe", ["Jane Roe"]),
    ("Text: Jane Roe", ["Jane Roe"]),
    ("Autor: Max Muster", ["Max Muster"]),
    ("Jane Roe, Lead Reviewer", ["Jane Roe"]),
    # what follows a role after a comma is the role's: a desk, a place
    ("By Jane Roe, Metro Desk, Springfield", ["Jane Roe"]),
    ("By Jane Roe, Staff Writer, and John Doe", ["Jane Roe", "John Doe"]),
    ("By Jane Roe in Lakeside, Ohio", ["Jane Roe"]),
    ("Jane Roe and John Doe report from Lakeside", ["Jane Roe", "John Doe"]),
    ("Jane Roe with AFP", ["Jane Roe"]),
    ("By Jane Roe - Staff Writer", ["Jane Roe"]),
    ("Jane Roe-Marsh", ["Jane Roe-Marsh"]),
    ("Reporting by Jane Roe; Editing by John Doe", ["Jane Roe"]),
    ("Text: Jane Roe, Photos: John Doe", ["Jane Roe"]),
    ("Jane Roe with John Doe", ["Jane Roe", "John Doe"]),
    ("Ferries in Winter", ["Ferries in Winter"]),  # no full name before "in": not cut
    # an author box's label, its controls and degrees
    ("Author Ivo Marsh", ["Ivo Marsh"]),
    ("Authors:Ana Roe, Jo Patel", ["Ana Roe", "Jo Patel"]),
    ("Text by Hal Dunn", ["Hal Dunn"]),
    ("Posted byDara Webb", ["Dara Webb"]),
    ("Written byDara Webb", ["Dara Webb"]),
    ("undefined", []),
    ("Sat, 20 Dec, 2025 - 06:36", []),  # a byline box holding the date alone
    # the date first, then the names
    ("Published 3 hours ago by Noa Finch", ["Noa Finch"]),
    ("Posted on March 27, 2024 by Noa Finch", ["Noa Finch"]),
    ("POSTED 3 HOURS AGO BY NOA FINCH", ["NOA FINCH"]),  # set in capitals, kept so
    ("March 27, 2024 by Noa Finch and Ivo Marsh", ["Noa Finch", "Ivo Marsh"]),
    ("Stand by Me by Noa Finch", []),  # what stands before "by" is no date
    ("Noa Finch »", ["Noa Finch"]),  # a forum's arrow after the poster's name
    ("Noa Lund Finch og Ivo Marsh", ["Noa Lund Finch", "Ivo Marsh"]),  # Danish "and"
    # An author's bio: the words after its "and" go on with the sentence.
    ("Noa Finch has reported on the ferries of the coast and its harbours", []),
    # ... and so do the words after its commas: no list of names follows a sentence.
    ("Noa Finch is a Harbour Town-based freelance writer specializing in coastal ferries, "
     "tides, lighthouses, and piers.", []),
    ("Article by: Cara Doyle RN, BSN", ["Cara Doyle"]),
    ("Dan Bale, MS, RD, FAND", ["Dan Bale"]),
    ("Jo Roe, M.D., Ph.D.", ["Jo Roe"]),
    ('"Dev Kim"', ["Dev Kim"]),
    ("Cole Grey Cole Grey", ["Cole Grey"]),
    ("Li Ma", ["Li Ma"]),  # a surname, not the degree MA
    ("On Bluesky", []),
    ("View Full Profile", []),
    ("About the Author", []),
    ("Member Login", []),
    ("%t min read", []),
    ("Author information", []),
    # A role or a label glued to the name, set apart by markup, not by a space.
    ("Noa FinchTech Reporter", ["Noa Finch"]),
    ("Ravi OkaforFounder at Example Labs", ["Ravi Okafor"]),
    ("Tam J. QuillEdTech Content writer", ["Tam J. Quill"]),
    ("TravelByNoa FinchTravel News Reporter", ["Noa Finch"]),
    ("ByNoa Finch", ["Noa Finch"]),
    ("AuthorIvo Marsh", ["Ivo Marsh"]),
    ("Byron Marsh", ["Byron Marsh"]),  # a name that opens with the letters
    ("Ivo Marsh, Senior Director of Operations", ["Ivo Marsh"]),
    ("Ana Roe, CEO of Example Labs", ["Ana Roe"]),
    # A role after the name in the same part, with the words that open it.
    ("Noa Finch Senior Transport Reporter", ["Noa Finch"]),
    ("Ivo Marsh Contributing Writer", ["Ivo Marsh"]),
    # What the author made, or a label in lower case, before the name; never a name's
    # own particle.
    ("A film by Noa Finch", ["Noa Finch"]),
    ("Un documentaire de Noa Finch", ["Noa Finch"]),
    ("Ein Film von Noa Finch", ["Noa Finch"]),
    ("magazin von Noa Finch", ["Noa Finch"]),
    ("Charles de Gaulle", ["Charles de Gaulle"]),
    ("Ursula von der Leyen", ["Ursula von der Leyen"]),
    ("Ana Maria Roe Founder", ["Ana Maria Roe"]),
    ("Example Lifestyle Desk", ["Example Lifestyle Desk"]),  # a desk's name, no person's role
    # A capital inside a name is no boundary, nor one inside a word after it.
    ("Sean McAllister", ["Sean McAllister"]),
    ("Ivo Marsh ExampleVoice Staff", ["Ivo Marsh ExampleVoice Staff"]),
    # A template's empty name slot before the title the writer works for.
    (", HARBOUR DAILY", []),
    ("By , Harbour Daily", []),
    # A slash between the writer and the agency, or between agencies; the newsroom's
    # own credit ("red": Redaktion) and the word for agencies name no one.
    ("Noa Finch/dpa", ["Noa Finch"]),
    ("AFP/Reuters", ["AFP", "Reuters"]),
    ("red, Harbourpost.at/Agenturen", ["Harbourpost.at"]),
    ("Noa Finch und Ivo Marsh/Agenturen", ["Noa Finch", "Ivo Marsh"]),
    ("(red)", []),
    ("(dpa)", ["dpa"]),
    ("Quelle: sid/dpa", ["sid", "dpa"]),
    # The label of a link to the writer's page.
    ("View all posts by Noa Finch", ["Noa Finch"]),
    ("More from Noa Finch", ["Noa Finch"]),
    ("Alles von Noa Finch", ["Noa Finch"]),
    ("Alle Beiträge von Noa Finch", ["Noa Finch"]),
    ("Tous les articles de Noa Finch", ["Noa Finch"]),
    ("Plus d’articles de Noa Finch", ["Noa Finch"]),
])
def test_split_authors_keeps_the_names_alone(text: str, expected: list[str]) -> None:
    # Labels, roles, places, dates, controls and degrees are no name, nor part of one.
    assert split_authors(text) == expected


def test_a_credit_slash_is_looked_for_only_where_a_word_starts() -> None:
    # Tried at every letter of a long word with no slash after it, the search would take
    # the square of the word's length (a page may write anything in a JSON-LD name).
    assert CREDIT_SLASH.search("ab/c", 1) is None
    found = CREDIT_SLASH.search("ab/c")
    assert found is not None and found.groups() == ("ab", "c")
    assert split_authors("x" * 5_000 + " /") == []


@pytest.mark.parametrize(("line", "expected"), [
    # A line under the headline signed with a name, its role and the date is the byline.
    ("<p>Noa Finch | Transport Writer | July 2, 2025</p>", ["Noa Finch"]),
    ("<p>By Noa Finch - Mar 27, 2024</p>", ["Noa Finch"]),
    # A name alone before the date may be a title's words.
    ("<p>Ferry Timetable Update 2024-10-04</p>", []),
])
def test_a_date_line_signed_with_a_name_names_the_author(line: str, expected: list[str]) -> None:
    article = newsclean.extract(PAGE.format(byline=line), URL, rules=newsclean.RuleSet())
    assert article.authors == expected


def test_a_threads_starter_outranks_the_first_post_on_its_page() -> None:
    # A thread's later page opens with another user's post, whose microdata names them;
    # the thread's header names its starter.
    page = ("<html><body><div class='p-title'><h1>Ferry timetable changes from Monday</h1>"
            "<div class='p-description'><span class='u-srOnly'>Thread starter</span> "
            "<a href='/members/harbour_jo.81/' class='username'>harbour_jo</a></div></div>"
            "<article class='message' itemscope itemtype='https://schema.org/Comment'>"
            "<div itemprop='author' itemscope itemtype='https://schema.org/Person'>"
            "<h4><a href='/members/ferryfan.74/'><span itemprop='name'>ferryfan</span></a></h4>"
            "</div><div itemprop='text'><p>The ferry company will run two extra crossings on "
            "weekday mornings from Monday, after a winter of complaints about crowded boats."
            "</p></div></article></body></html>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert article.authors == ["harbour_jo"]
    assert "ferryfan" not in article.authors


def test_a_bylines_screen_reader_label_is_no_part_of_the_name() -> None:
    # A brand's name set for screen readers before the visible "von <name>".
    byline = ('<div class="authors"><span class="u-visually-hidden">Magazin</span>'
              '<span> von </span><span class="info-bold">Noa Finch</span></div>')
    article = newsclean.extract(PAGE.format(byline=byline), URL, rules=newsclean.RuleSet())
    assert article.authors == ["Noa Finch"]


@pytest.mark.parametrize("box", [
    '<div class="author-box"><a href="https://bsky.app/profile/x">Bluesky</a></div>'
    '<p class="byline">Jane Roe</p>',
    '<p class="article-author-affiliation">Department of Medicine, Example University, '
    'Springfield</p><p class="byline">Jane Roe</p>',
])
def test_an_author_box_without_a_name_is_passed_by(box: str) -> None:
    article = newsclean.extract(PAGE.format(byline=box), URL, rules=newsclean.RuleSet())
    assert article.authors == ["Jane Roe"]


BOX_PAGE = """<html><head><title>Ferry timetable changes</title>{meta}</head><body><main>
<div class="wrap"><article><header><h1>Ferry timetable changes from Monday</h1></header>
<div class="article-body">
<p>The ferry company will run two extra crossings on weekday mornings from Monday, after
a winter of complaints about crowded boats and missed connections at the harbour.</p>
<p>The evening timetable stays as it is, the company said, though it will look again at
the late crossings once the summer season starts and more visitors arrive.</p>
</div></article></div></main>
{box}</body></html>"""
AUTHOR_BOX = ('<div class="elementor-author-box"><h4 class="elementor-author-box__name">'
              "Noa Finch</h4><p>Noa Finch writes about transport and the coast.</p></div>")


def test_an_author_box_far_from_the_headline_names_the_author() -> None:
    page = BOX_PAGE.format(meta="", box=AUTHOR_BOX)
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == ["Noa Finch"]


def _box(name: str, alt: str) -> str:
    return (f'<div class="blog_author-box"><div class="blog_author-picture"><img src="/a.jpg" '
            f'alt="{alt}"></div><div class="blog_author-text"><div class="text-small">{name}'
            f"</div><p>{name} writes about transport and the coast.</p></div></div>")


@pytest.mark.parametrize(("box", "expected"), [
    # The box's picture and a line of its own give the name, where no class names it.
    (_box("Noa Finch", "Noa Finch"), ["Noa Finch"]),
    (_box("Noa Finch", "Photo of the harbour"), []),  # a picture of something else
    (_box("Noa Finch", "Noa Finch") + _box("Ivo Marsh", "Ivo Marsh"), []),  # cards of others
])
def test_an_author_box_names_the_author_its_picture_shows(box: str, expected: list[str]) -> None:
    page = BOX_PAGE.format(meta="", box=box)
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == expected


def test_the_pages_author_meta_outranks_an_author_box() -> None:
    # The box may be a reviewer's; the page's own <meta name="author"> says who wrote it.
    page = BOX_PAGE.format(meta='<meta name="author" content="Ivo Marsh">', box=AUTHOR_BOX)
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == ["Ivo Marsh"]


@pytest.mark.parametrize(("box", "expected"), [
    # A forum's first post marked up as schema.org microdata: its poster's user name, in
    # a <meta> (which the clean-up drops) or in an element.
    ('<div class="post" itemprop="author" itemscope itemtype="https://schema.org/Person">'
     '<meta itemprop="name" content="ferryfan_22"><a href="/u/ferryfan_22">profile</a></div>',
     ["ferryfan_22"]),
    ('<span class="creator" itemprop="author" itemscope><a itemprop="url" href="/u/noa">'
     '<span itemprop="name">noa.finch</span></a></span>', ["noa.finch"]),
    ('<p>By <span itemprop="author">Noa Finch</span></p>', ["Noa Finch"]),
    # ... the first item only, and no longer text than a name.
    ('<span itemprop="author">Noa Finch</span><span itemprop="author">Ivo Marsh</span>',
     ["Noa Finch"]),
    ('<div itemprop="author">Five ideas for the ferry timetable that you can try today</div>',
     []),
    ('<span itemprop="author"><span itemprop="name">https://example.org/u/noa</span></span>',
     []),
])
def test_a_microdata_author_names_the_author_when_nothing_else_does(
        box: str, expected: list[str]) -> None:
    page = BOX_PAGE.format(meta="", box=box)
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == expected
    # The page's own <meta name="author"> outranks it.
    page = BOX_PAGE.format(meta='<meta name="author" content="Ivo Marsh">', box=box)
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == ["Ivo Marsh"]


def test_one_author_meta_tag_per_author_names_them_all() -> None:
    tags = ('<meta name="author" content="Ivo Marsh"><meta name="author" content="Noa Finch">'
            '<meta name="author" content="Ivo Marsh">')
    page = BOX_PAGE.format(meta=tags, box="")
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == [
        "Ivo Marsh", "Noa Finch"]


LABELLED = ('<meta name="twitter:label1" content="{label}">'
            '<meta name="twitter:data1" content="Ivo Marsh">'
            '<meta name="twitter:label2" content="Est. reading time">'
            '<meta name="twitter:data2" content="4 minutes">')


@pytest.mark.parametrize(("label", "expected"), [
    ("Written by", ["Ivo Marsh"]),
    ("Verfasst von", ["Ivo Marsh"]),
    ("Escrito por", ["Ivo Marsh"]),
    ("Filed under", []),  # a pair, but not the author's
])
def test_a_labelled_meta_pair_names_the_author(label: str, expected: list[str]) -> None:
    page = BOX_PAGE.format(meta=LABELLED.format(label=label), box="")
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == expected


def test_a_json_ld_author_given_by_reference_is_named() -> None:
    graph = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
             '{"@type": "NewsArticle", "headline": "Ferry timetable changes from Monday",'
             ' "author": {"@id": "https://news.example.com/#/schema/person/7f3a"}},'
             '{"@type": "Person", "@id": "https://news.example.com/#/schema/person/7f3a",'
             ' "name": "Ivo Marsh"}]}</script>')
    page = BOX_PAGE.format(meta=graph, box=AUTHOR_BOX)
    # The article's own author outranks the author box, as a named one does.
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == ["Ivo Marsh"]


@pytest.mark.parametrize(("names", "expected"), [
    # a CMS writing each name as its link's markup, in a list
    ('["<a href=\\"/experts/ivo-marsh\\" hreflang=\\"en\\">Ivo Marsh</a>",'
     ' "<a href=\\"/experts/noa-finch\\">Noa Finch</a>"]', ["Ivo Marsh", "Noa Finch"]),
    ('"<a href=\\"/experts/ivo-marsh\\">Ivo Marsh</a>"', ["Ivo Marsh"]),
    ('["Ivo", "Marsh"]', ["Ivo Marsh"]),  # the parts of one name
])
def test_json_ld_author_names_are_read_without_markup(names: str, expected: list[str]) -> None:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org",'
          ' "@type": "NewsArticle", "headline": "Ferry timetable changes from Monday",'
          f' "author": {{"@type": "Person", "name": {names}}}}}</script>')
    page = BOX_PAGE.format(meta=ld, box="")
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == expected


def test_a_default_account_names_no_author() -> None:
    # "admin" in the meta tag: the author box's name is read instead.
    page = BOX_PAGE.format(meta='<meta name="author" content="admin">', box=AUTHOR_BOX)
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == ["Noa Finch"]
    page = BOX_PAGE.format(meta='<meta name="author" content="Admin">', box="")
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == []


def test_cards_naming_different_authors_name_no_author() -> None:
    cards = "".join(f'<div class="card"><a href="/s/{i}">Story {i}</a>'
                    f'<span class="author-name">{name}</span></div>'
                    for i, name in enumerate(["Noa Finch", "Ivo Marsh"]))
    page = BOX_PAGE.format(meta="", box=cards)
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == []


def test_a_comments_author_is_no_byline() -> None:
    # WordPress marks each reader's comment "comment-author vcard": "Jo Roe says:".
    comment = ('<ol class="commentlist"><li><div class="comment-author vcard">'
               '<cite class="fn">Dara Webb</cite> <span class="says">says:</span></div>'
               "<p>Good news for the morning commuters.</p></li></ol>")
    page = PAGE.format(byline="").replace("</article>", comment + "</article>")
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == []


def test_names_set_apart_by_markup_alone_are_each_a_name() -> None:
    byline = ('<div class="article-byline"><span class="simple">Noa Lund Finch</span> '
              '<span class="simple">Ivo Marsh</span></div>')
    article = newsclean.extract(PAGE.format(byline=byline), URL, rules=newsclean.RuleSet())
    assert article.authors == ["Noa Lund Finch", "Ivo Marsh"]
    # A first name and a surname set apart are one name; a role is no second author.
    split = byline.replace("Noa Lund Finch</span> ", "Noa</span> <span>Finch</span> ")
    article = newsclean.extract(PAGE.format(byline=split), URL, rules=newsclean.RuleSet())
    assert "Noa" not in article.authors and "Finch" not in article.authors
    byline = byline.replace("Ivo Marsh", "Senior Reporter")
    article = newsclean.extract(PAGE.format(byline=byline), URL, rules=newsclean.RuleSet())
    assert article.authors != ["Noa Lund Finch", "Senior Reporter"]


def test_a_role_is_not_cut_from_a_title() -> None:
    # "Letters To The Editor" holds no name before its role word: nothing is cut off.
    assert split_authors("Letters To The Editor") != ["Letters To The"]


STORY_HEAD = '<meta property="og:type" content="article">'


@pytest.mark.parametrize(("last", "expected"), [
    ("(Reporting by Noa Finch; Editing by Ivo Marsh)", ["Noa Finch"]),
    ("Written by Noa Finch", ["Noa Finch"]),
    ("By the numbers", []),
])
def test_a_credit_ending_the_story_names_its_author(last: str, expected: list[str]) -> None:
    # Nothing else on the page names anyone: the wire story's end credit, or the label
    # of an author box read with the story, does.
    article = bridge_article([*STORY, last], STORY_HEAD)
    assert article.authors == expected


def test_a_credit_ending_a_page_that_is_no_story_names_nobody() -> None:
    # A shop's or a listing's last line may open with "By" too.
    assert bridge_article([*STORY, "(Reporting by Noa Finch)"]).authors == []


@pytest.mark.parametrize(("box", "expected"), [
    ('<div class="w-box"><div class="small">Written by</div><div class="big">Noa Finch</div>'
     "<p>Hi! I write about the coast.</p></div>", ["Noa Finch"]),
    ('<div class="w-box"><h2>Article by:</h2><div>Noa Finch</div></div>', ["Noa Finch"]),
    # a desk or a sentence after the label: no name
    ('<div class="w-box"><div>Written by</div><div>Example News Staff</div></div>', []),
    ('<div class="w-box"><div>Written by</div><div>two of our readers, last summer</div></div>',
     []),
    # the box's phrase naming the writer in its own line, a role after the comma
    ('<div class="w-box">This post was written by Noa Finch, Head of Marketing</div>',
     ["Noa Finch"]),
    ('<div class="w-box"><a href="/people/">View all posts by Noa Finch</a></div>',
     ["Noa Finch"]),
    ('<div class="w-box">This post was written by our harbour desk</div>', []),
])
def test_a_label_alone_names_the_author_in_the_element_after_it(
        box: str, expected: list[str]) -> None:
    page = BOX_PAGE.format(meta="", box=box)
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == expected


THREAD = """<html><head><title>Ferry timetable thread</title></head><body><main>
<h1>Winter ferry timetable: anyone else missing connections?</h1>
<div class="post"><div class="post-user" itemprop="author" itemscope>
<span itemprop="name">ferryfan_22</span></div><div class="post-body"><p>ferryfan_22</p>
<p>The new winter timetable has the morning boat leaving five minutes before the train
arrives, so I miss it every day.</p>
<p>Has anyone written to the ferry company about it yet, or should we start a petition for
the harbour board?</p></div></div>
<div class="post"><div class="post-body"><p>noa_finch</p>
<p>I wrote to them last week and they said the timetable would be looked at again once the
spring season starts.</p></div></div></main></body></html>"""


def test_a_threads_first_poster_named_by_microdata_stays_in_its_text() -> None:
    # A poster's name heads each post: the thread's text, as the other posters' names are,
    # not a byline left in a story.
    article = newsclean.extract(THREAD, "https://forum.example.org/t/winter-ferry/42",
                                rules=newsclean.RuleSet())
    assert article.authors == ["ferryfan_22"]
    assert article.paragraphs[0] == "ferryfan_22"
    assert "noa_finch" in article.paragraphs


def test_a_discussion_postings_json_ld_names_the_threads_first_poster() -> None:
    posting = ('<script type="application/ld+json">{"@context": "https://schema.org", '
               '"@type": "DiscussionForumPosting", "headline": "Winter ferry timetable", '
               '"author": {"@type": "Person", "name": "ferryfan_22"}, '
               '"datePublished": "2024-02-21T13:00:00Z"}</script>')
    thread = THREAD.replace("</head>", posting + "</head>").replace(' itemprop="author"', "")
    article = newsclean.extract(thread, "https://forum.example.org/t/winter-ferry/42",
                                rules=newsclean.RuleSet())
    assert article.authors == ["ferryfan_22"]
    assert article.published is not None and article.published.date().isoformat() == "2024-02-21"
    assert article.paragraphs[0] == "ferryfan_22"  # the poster's name stays the thread's


def test_a_wordpress_data_layer_names_the_author_when_nothing_else_does() -> None:
    layer = ('<script>var dataLayer_content = {"pagePostType": "post", '
             '"pagePostAuthor": "Noa Finch"};</script>')
    page = BOX_PAGE.format(meta=layer, box="")
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == ["Noa Finch"]
    page = BOX_PAGE.format(meta=layer + '<meta name="author" content="Ivo Marsh">', box="")
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == ["Ivo Marsh"]


@pytest.mark.parametrize(("ld_name", "byline", "expected"), [
    # the account that posted the story, its handle, and the writer the byline names
    ("harbourdesk", "By Jane Roe", ["Jane Roe"]),
    ("jane.roe", "By Jane Roe and Ivo Marsh", ["Jane Roe", "Ivo Marsh"]),
    # a name written without spaces is no handle; nor is a handle beside no full name
    ("新間", "By Jane Roe", ["新間"]),
    ("harbourdesk", "By Jane", ["harbourdesk"]),
    ("Ivo Marsh", "By Jane Roe", ["Ivo Marsh"]),
])
def test_a_handle_in_the_metadata_gives_way_to_the_bylines_full_name(
        ld_name: str, byline: str, expected: list[str]) -> None:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", '
          '"@type": "NewsArticle", "headline": "Ferry timetable changes from Monday", '
          f'"author": {{"@type": "Person", "name": "{ld_name}"}}}}</script>')
    page = PAGE.format(byline=f'<p class="byline">{byline}</p>').replace("</title>",
                                                                       "</title>" + ld)
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == expected


def test_a_readers_profile_link_in_the_comments_names_no_author() -> None:
    comments = ('<div class="comments"><h4>2 comments:</h4><ol><li class="comment"><div '
                'class="comment-header"><cite class="user"><a href="https://blogs.example.net/'
                'profile/4412">Amy Lake</a></cite></div><p>Great read, thanks.</p></li></ol></div>')
    page = PAGE.format(byline="").replace("</article>", "</article>" + comments)
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == []
    # the same link in the story's header is its byline
    page = PAGE.format(byline='<cite class="user"><a href="https://blogs.example.net/profile/'
                              '4412">Amy Lake</a></cite>')
    assert newsclean.extract(page, URL, rules=newsclean.RuleSet()).authors == ["Amy Lake"]


def test_an_empty_headline_still_marks_where_the_byline_is() -> None:
    # The headline is drawn by a script; the title comes from the metadata.
    page = PAGE.format(byline='<div><p class="font-semibold">By Jane Roe</p><p>Harbour '
                              'correspondent</p></div>').replace(
        "<h1>Ferry timetable changes from Monday</h1>", "<h1></h1>")
    article = newsclean.extract(page, URL, rules=newsclean.RuleSet())
    assert article.title == "Ferry timetable changes"
    assert article.authors == ["Jane Roe"]
