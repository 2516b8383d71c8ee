"""Related blocks of rarer shapes, and the menu tests related.py shares with them.

Section teaser groups: below a story, a row of columns each titled by a plain heading
(a section's name, often linking the section's page) over a few headlines of that
section ("Coaching: <4 stories> | Mindset: <4 stories>"). No heading says "related",
but the row of like columns makes them more-from-section lists."""

from __future__ import annotations

from itertools import islice

from lxml import etree

from .patterns import BARE_MORE, HEADING_TAGS, MENU_TAGS, NOT_STORY_CARDS
from .related_items import (
    headline_links,
    is_related_heading,
    is_story_path,
    split_url,
    usable_href,
)
from .settings import Settings
from .text import collapse, collapsed_length, element_sibling, inside, link_density, raw_text

__all__ = ["is_card", "lists_stories", "menu_named", "named_menu", "section_groups", "toggle_label"]

Element = etree._Element
GROUP_OUTSIDE = MENU_TAGS | {"footer"}
"""A site's menus and footer list its sections the same way: no story's neighbours."""
TOP_TAGS = frozenset({"body", "html", "article", "main"})


def section_groups(headings: list[Element], known: dict[Element, bool], host: str | None,
                   body: Element, settings: Settings) -> list[tuple[Element, Element, str]]:
    """(column, heading, name) of each column of a section teaser row set after a story."""
    columns: dict[Element, list[tuple[Element, Element, str]]] = {}
    for heading in headings:
        column = _column(heading, known, host, settings)
        if column is not None:
            parent = column.getparent()
            if parent is not None:
                columns.setdefault(parent, []).append(
                    (column, heading, collapse(raw_text(heading))))
    rows = [row for row in columns.values() if len(row) >= settings.section_group_min_columns]
    if not rows:
        return []
    first = {row[0][0]: row for row in rows}
    # The plain paragraph text met before each row: a row above the story, or alone on a
    # page, is the page's own list.
    text = 0
    out: list[tuple[Element, Element, str]] = []
    for node in body.iter():
        row = first.get(node)
        if row is not None:
            if text >= settings.card_list_min_story_text and not inside(node, GROUP_OUTSIDE):
                out.extend(row)
        elif node.tag == "p":
            length = collapsed_length(node)
            if length and link_density(node, length) < settings.story_paragraph_link_density:
                text += length
    return out


def _column(heading: Element, known: dict[Element, bool], host: str | None,
            settings: Settings) -> Element | None:
    """The heading's wrapper when it holds the heading and headlines of the site's alone."""
    # The heading links the section's page ("<a href='/c/coaching/'><h3>Coaching</h3></a>"):
    # a plain heading over links titles a site's index or a menu as often as a section.
    title = heading
    parent = title.getparent()
    if parent is not None and parent.tag == "a" and collapsed_length(parent) == collapsed_length(heading):
        title = parent
        link: Element | None = parent
    else:
        link = next(heading.iter("a"), None)
    if link is None or not usable_href(link.get("href"), None) or known.get(link, False):
        return None  # no section's page, or a story's linked title
    if NOT_STORY_CARDS.search(collapse(raw_text(heading)).lower()):
        return None  # "Videos", "Podcasts": a playlist, not stories
    column = title.getparent()
    if column is None or column.tag in TOP_TAGS:
        return None
    links = headline_links(column, known, settings)
    hrefs = {a.get("href") for a in links}
    if len(hrefs) < settings.section_group_min_items:
        return None
    for a in links:
        hostname = split_url(a.get("href") or "").hostname
        if hostname and host and hostname != host:
            return None
    # Headlines and the heading, little else: no teaser paragraphs, no story text.
    own = collapsed_length(title) + sum(collapsed_length(a) for a in links)
    if collapsed_length(column) > own + settings.card_slack * len(links):
        return None
    return column


# --- lists opened by a control, and menus named as such ---------------------------------


def toggle_label(element: Element, settings: Settings) -> Element | None:
    """The control right before a list that opens it, when it names a related list
    ("<a href='#'>Mehr zum Thema</a><ul>"): the list's heading."""
    label = element_sibling(element, before=True)
    if label is None or label.tag not in ("a", "button") or usable_href(label.get("href"), None):
        return None
    text = collapse(raw_text(label))
    if BARE_MORE.match(text) or named_menu(element):
        return None  # a menu's "More ▾" drop-down
    return label if is_related_heading(text, settings) else None


def menu_named(heading: Element, container: Element) -> bool:
    """The heading or its block is named a menu's ("MenuHeadline", "HubMenuWrapper"):
    a column of the site's menu set outside a <nav>."""
    return any("menu" in (node.get("class") or "").lower() for node in (heading, container))


NAMED_MENU_LEVELS = 2
"""The list and its parent: a menu's name sits on one of them."""


def named_menu(element: Element) -> bool:
    """The list or its parent is named a menu or navigation ("SideNavigationContainer")."""
    node: Element | None = element
    for _ in range(NAMED_MENU_LEVELS):
        if node is None:
            return False
        raw = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if "nav" in raw or "menu" in raw:
            return True
        node = node.getparent()
    return False


def lists_stories(element: Element, known: dict[Element, bool], host: str | None,
                  settings: Settings) -> bool:
    """Whether most of the element's headline links are stories of the site: a long
    title and a story's address ("/2025/11/council-passes-budget"): what a block named
    only by a word for stories ("Local News") must hold, as a menu's column may be so named."""
    if next(element.iter("figcaption"), None) is not None:
        return False  # a captioned picture is the story's, not a list's thumbnail
    links = {a.get("href"): a for a in headline_links(element, known, settings)}
    if len(links) < settings.min_list_stories:
        return False
    stories = 0
    for href, a in links.items():
        parts = split_url(href or "")
        if parts.hostname and host and parts.hostname != host:
            continue
        if (len(collapse(raw_text(a)).split()) >= settings.story_list_title_words
                and is_story_path(parts.path)):
            stories += 1
    return stories >= settings.card_list_min_stories_share * len(links)


def is_card(node: Element, heading: Element, link: Element, settings: Settings) -> bool:
    """A one-story block: its label ("Related article") and one headline link, nothing else;
    or with a teaser under a headline set as a heading ("<label>Related</label><h5><a>…</a>
    </h5><p>teaser</p>"), one paragraph at most."""
    own = collapsed_length(heading) + collapsed_length(link)
    length = collapsed_length(node)
    if length <= own + settings.card_slack:
        return True
    return (length <= own + settings.max_teaser + settings.card_slack
            and node.tag not in CARD_NOT_TAGS
            and any(parent.tag in HEADING_TAGS for parent in _up_to(link, node))
            and sum(1 for _ in islice(node.iter("p"), 2)) <= 1)


CARD_NOT_TAGS = frozenset({"article", "main", "body", "html"})
"""A story's own containers: a short story with a "Related" label in it is no card."""


def _up_to(element: Element, top: Element) -> list[Element]:
    """The element's ancestors below `top`."""
    out: list[Element] = []
    node = element.getparent()
    while node is not None and node is not top:
        out.append(node)
        node = node.getparent()
    return out
