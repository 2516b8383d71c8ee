"""Related blocks of rarer shapes, and the menu tests related.py shares with them.

Section teaser groups: below a story, a row of columns each titled by a plain heading
(a section's name, often linking the section's page) over a few headlines of that
section ("Coaching: <4 stories> | Mindset: <4 stories>"). No heading says "related",
but the row of like columns makes them more-from-section lists.

Card lists: unheaded containers of like cards, each one story of the site's, set after
the story's text. Next / previous links: a pager's links to the stories beside this one."""

from __future__ import annotations

from collections import deque
from functools import lru_cache
from itertools import islice

from lxml import etree

from ..model import RelatedLink
from .metadata import absolute, split_url
from .patterns import (
    AUTHOR_HREF,
    BARE_MORE,
    CAROUSEL_TOKENS,
    DURATION,
    HEADING_TAGS,
    MENU_TAGS,
    NEXT_PREVIOUS,
    NEXT_PREVIOUS_HINT,
    NEXT_TOKENS,
    NOT_A_HEADLINE,
    NOT_STORY_CARDS,
    PAGE_MENU_TAGS,
    PAGER_ARROWS,
    PAGER_BACK,
    PAGER_LABEL,
    PAGER_TEXT,
    PREVIOUS_TOKENS,
)
from .related_items import (
    EDGE_SPACES,
    find_title_element,
    headline_links,
    holds_h1,
    is_list_address,
    is_story_path,
    known_headline,
    page_address,
    text_of,
    unmarked,
    usable_href,
)
from .related_names import is_related_heading
from .settings import DEFAULT_SETTINGS, Settings
from .text import (
    ancestors_below,
    class_tokens,
    collapse,
    collapsed_length,
    element_sibling,
    inside,
    link_density,
    names_hint,
    raw_text,
    text_pieces,
)

__all__ = ["card_lists", "in_menu", "is_card", "lists_stories", "menu_named", "named_menu",
           "next_previous", "section_groups", "story_card", "toggle_label"]

Element = etree._Element
GROUP_OUTSIDE = MENU_TAGS | {"footer"}
"""A site's menus and footer list its sections the same way: no story's neighbours."""
TOP_TAGS = frozenset({"body", "html", "article", "main"})
MAX_SECTION_COLUMN_TEXT = 30_000
"""A section teaser's column holds no more text than this (a guard: each heading's column
is read link by link, and where wrappers are left open each holds the rest of the page).
The largest column found on real pages holds 9,800 characters, the median 190."""


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
                    (column, heading, text_of(heading)))
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
    if link is None or not usable_href(link.get("href"), None) or known_headline(link, known, settings):
        return None  # no section's page, or a story's linked title
    if NOT_STORY_CARDS.search(text_of(heading).lower()):
        return None  # "Videos", "Podcasts": a playlist, not stories
    column = title.getparent()
    if (column is None or column.tag in TOP_TAGS
            or collapsed_length(column) > MAX_SECTION_COLUMN_TEXT):
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


# --- unheaded card lists --------------------------------------------------------------


def card_lists(walk: list[Element], body: Element, known: dict[Element, bool],
                host: str | None, settings: Settings, dated: bool = False) -> list[Element]:
    """Containers of repeated sibling cards, each one story of the same site (a title,
    maybe a picture, a teaser, a date), set after the story's text: a related list
    without a heading or a class that says so. On a `dated` page (a story's, by its
    metadata) the cards may be more of the page: a long carousel under a short story."""
    # One walk in document order counts the plain paragraph text met before each
    # container; the story before the list says more than the list does, so the
    # containers above the story's text are not looked into.
    found: list[Element] = []
    text = 0
    # The total is only compared with thresholds: paragraphs are measured when one is
    # asked for, and only until the total reaches it (a story's first few do).
    pending: deque[Element] = deque()
    least = settings.card_list_min_story_text
    # Lists of <li> lines are _is_story_list's; cards sit in block containers.
    # `walk`: the body's <p> and CARD_LIST_TAGS elements in document order (those holding
    # fewer children than a list has stories may be left out).
    for node in walk:
        if node.tag == "p":
            pending.append(node)
            continue
        if len(node) < settings.min_list_stories:
            continue  # holds_cards' first test, spared the call on most wrappers
        text = _story_text(text, least, pending, settings)
        if text >= least and holds_cards(node, known, host, settings):
            length = collapsed_length(node)
            text = _story_text(text, length, pending, settings)
            if text >= length:
                found.append(node)
    found = [parent for parent in found
             if not in_menu(parent, known, settings) and not named_menu(parent)]
    if not found:
        return []
    own = sum(collapsed_length(parent) for parent in found)
    share = settings.card_list_max_share_dated if dated else settings.card_list_max_share
    if own > share * collapsed_length(body):
        return []  # cards are much of the page: a section front's, not a story's
    return found


def _story_text(text: int, enough: int, pending: deque[Element], settings: Settings) -> int:
    """`text` plus the plain text of the pending paragraphs, taken from `pending` in
    document order until the sum reaches `enough`."""
    while pending and text < enough:
        node = pending.popleft()
        length = collapsed_length(node)
        if length and link_density(node, length) < settings.story_paragraph_link_density:
            text += length
    return text


def holds_cards(parent: Element, known: dict[Element, bool], host: str | None,
                settings: Settings) -> bool:
    least = settings.min_list_stories
    if len(parent) < least:
        return False  # most wrappers: too few children, comments included, to count them
    if sum(1 for _ in islice(parent.iter("a"), least)) < least:
        return False  # each story's card holds a link of its own: too few for a list
    # The children's links first, then the count of stories they point to, then the
    # names and the cards' titles and texts: most containers whose every child holds one
    # link fail at the count (links to sections, or too few), and the later tests read more.
    # The children are read one by one: most wrappers fail at their first (any failing
    # test answers False, so they are counted after).
    children: list[Element] = []
    tag = None
    cards: list[tuple[Element, list[Element]]] = []
    stories = 0
    for child in parent:
        child_tag = child.tag
        if not isinstance(child_tag, str):
            continue  # a comment
        if tag is None:
            tag = child_tag
        children.append(child)
        links = _one_story_links(child, known, settings)
        if links is None:
            return False
        if not links:
            # A button or an ad among the cards, not text of the story.
            if child_tag == "p" or collapsed_length(child) > settings.card_slack:
                return False
            continue
        parts = split_url(links[0].get("href", ""))
        if child_tag != tag or (parts.hostname and host and parts.hostname != host):
            return False  # cards are alike, and link stories of the site
        cards.append((child, links))
        stories += is_story_path(parts.path)
    if len(children) < least:
        return False
    # Some stories' addresses are a section's ("/features/future-cars/"): most are enough.
    if stories < settings.min_list_stories or stories < settings.card_list_min_stories_share * len(cards):
        return False
    grand = parent.getparent()
    if any(_names_other_things(node.get("class"), node.get("id"))
           for node in (parent, children[0], children[-1], grand) if node is not None):
        return False
    return all(_is_card(child, links, settings) for child, links in cards)


def _heading_of(card: Element, link: Element) -> Element | None:
    """The heading inside the card that holds its link: the card's title, though a heading
    naming its section may come first ("<h5>Daily</h5><h3><a>headline</a></h3>")."""
    for node in link.iterancestors():
        if node is card:
            return None
        if node.tag in HEADING_TAGS:
            return node
    return None


NAME_CACHE = 4096
"""Templates repeat their class names: each class and id pair is searched once."""


@lru_cache(maxsize=NAME_CACHE)
def _names_other_things(raw: str | None, ident: str | None) -> bool:
    """The class or id of a card list or card names wares, videos, ads, replies...
    (NOT_STORY_CARDS holds no pattern that could span the space between them)."""
    return NOT_STORY_CARDS.search(f"{raw or ''} {ident or ''}".lower()) is not None


MAX_CARD_LINKS = 64
"""Links a card may hold (its picture's, its title's, its labels'); real cards hold a few.
An element holding more is no card, and is not read through: a wrapper of a copied run
of markup, never closed, may hold the rest of the page, and the next wrapper in it too."""


def _one_story_links(element: Element, known: dict[Element, bool], settings: Settings
                     ) -> list[Element] | None:
    """The element's headline links when they share one address, None when they do not
    (found at the second address: a page wrapper is not read through) or when it holds
    over MAX_CARD_LINKS links."""
    out: list[Element] = []
    for count, a in enumerate(element.iter("a")):
        if count == MAX_CARD_LINKS:
            return None
        if not known_headline(a, known, settings) or _labels_a_list(a):
            continue
        if out and a.get("href") != out[0].get("href"):
            return None
        out.append(a)
    return out


TAXONOMY_RELS = frozenset({"tag", "category"})
"""`rel` values of a link to a list of stories (WordPress marks its category links so)."""


def _labels_a_list(a: Element) -> bool:
    """A link to a tag, category or author page: a card's label ("<a rel='tag'>Batteries</a>"
    above its title), not a second story that would make the card a page region."""
    rel = a.get("rel")
    if rel and not TAXONOMY_RELS.isdisjoint(rel.lower().split()):
        return True
    return is_list_address(a.get("href") or "")


def story_card(card: Element, known: dict[Element, bool], settings: Settings
               ) -> list[Element] | None:
    """The headline links, to one address, of a card (a title of its own or a picture,
    little text beside); None when the element is no such card."""
    links = _one_story_links(card, known, settings)
    if (not links or _names_other_things(card.get("class"), card.get("id"))
            or not _is_card(card, links, settings)):
        return None
    return links


def _is_card(card: Element, links: list[Element], settings: Settings) -> bool:
    """The element holding one story's links is a card: a title of its own or a
    picture, little text beside."""
    title_element = _heading_of(card, links[0])
    if title_element is None:
        title_element = find_title_element(card, links[0], settings)
    if title_element is links[0] and next(card.iter("img"), None) is None:
        return False  # neither a title of its own nor a picture: a line, not a card
    title = text_of(title_element)
    if len(title.split()) < settings.min_card_title_words:
        return False  # a picture alone (a magazine's cover), no story's title
    text = text_of(card)
    if DURATION.search(text):
        return False  # a video's running time
    return len(text) <= len(title) + settings.max_card_teaser + settings.card_slack


# --- lists opened by a control, and menus named as such ---------------------------------


def toggle_label(element: Element, settings: Settings) -> Element | None:
    """The control right before a list that opens it, when it names a related list
    ("<a href='#'>Mehr zum Thema</a><ul>"): the list's heading."""
    label = element_sibling(element, before=True)
    if label is None or label.tag not in ("a", "button") or usable_href(label.get("href"), None):
        return None
    text = text_of(label)
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
    # The list's own "See all" / "More home resources" link is no story, nor counts against.
    links = {a.get("href"): a for a in headline_links(element, known, settings)
             if not NOT_A_HEADLINE.match(text_of(a))}
    if len(links) < settings.min_list_stories:
        return False
    stories = 0
    for href, a in links.items():
        parts = split_url(href or "")
        if parts.hostname and host and parts.hostname != host:
            continue
        if (len(text_of(a).split()) >= settings.story_list_title_words
                and is_story_path(parts.path)):
            stories += 1
    return stories >= settings.card_list_min_stories_share * len(links)


def is_card(node: Element, heading: Element, link: Element, settings: Settings) -> bool:
    """A one-story block: its label ("Related article") and one headline link, nothing else;
    or with a teaser under a headline set as a heading ("<label>Related</label><h5><a>…</a>
    </h5><p>teaser</p>"), one paragraph at most."""
    own = collapsed_length(heading) + collapsed_length(link)
    if collapsed_length(node) <= own + settings.card_slack:
        return True
    return _teaser_shape(node, link, own, settings)


def is_teaser_card(node: Element, link: Element, settings: Settings) -> bool:
    """One story's card with its teaser, set beside the heading that names the block
    ("<div><h3>More for you</h3></div><div><h2><a>…</a></h2><p>teaser</p></div>"): is_card's
    second shape without the label inside."""
    return _teaser_shape(node, link, collapsed_length(link), settings)


def _teaser_shape(node: Element, link: Element, own: int, settings: Settings) -> bool:
    """A headline set as a heading and one paragraph at most, a teaser's length beside
    `own` (what the card's label and link hold)."""
    return (collapsed_length(node) <= own + settings.max_teaser + settings.card_slack
            and node.tag not in CARD_NOT_TAGS
            and any(parent.tag in HEADING_TAGS for parent in ancestors_below(link, node))
            and sum(1 for _ in islice(node.iter("p"), 2)) <= 1)


CARD_NOT_TAGS = frozenset({"article", "main", "body", "html"})
"""A story's own containers: a short story with a "Related" label in it is no card."""


def in_menu(element: Element, known: dict[Element, bool], settings: Settings,
            named: bool = False) -> bool:
    """Inside a site menu (by tag or ARIA role: _menu_kind); a <nav> holding a list of long
    headlines is no menu (some sites set their "Latest" lists below the story in one).
    `named`: a heading names the list a related one, which a wrapper of the story may
    hold."""
    if not named:
        kinds = {kind for node in element.iterancestors() if (kind := _menu_kind(node))}
        if not kinds:
            return False
        if _PAGE_MENU in kinds:
            return True
    else:
        menus = _menus_above(element)
        if not menus:
            return False
        if any(_menu_kind(menu) == _PAGE_MENU for menu in menus):
            return True
    links = headline_links(element, known, settings)
    if len(links) < 2:
        return True
    words = sum(len(text_of(a).split()) for a in links)
    return words / len(links) < settings.menu_headline_words


_PAGE_MENU = "page"
_NAV_MENU = "nav"
LANDMARK_MENUS = {"banner": _PAGE_MENU, "navigation": _NAV_MENU}
"""The ARIA roles a template gives its own elements for the page's <header> and a <nav>
("<site-header role='banner'>")."""


def _menu_kind(node: Element) -> str | None:
    """_PAGE_MENU for the site's header or a <menu> (PAGE_MENU_TAGS, role="banner"),
    _NAV_MENU for a <nav> (role="navigation"), else None."""
    tag = node.tag
    if tag in PAGE_MENU_TAGS:
        return _PAGE_MENU
    if tag in MENU_TAGS:
        return _NAV_MENU
    role = node.get("role")
    return LANDMARK_MENUS.get(role) if role else None


def _menus_above(element: Element) -> list[Element]:
    """The menus (MENU_TAGS, or named one by their role) the element sits in, less those
    holding a headline (<h1>): a <header> or <nav> left open by broken markup wraps the
    story, and is no menu (as the layout stage keeps such a region). Only for a list named
    a related one: an unnamed list in such a wrapper may still be a menu's."""
    out: list[Element] = []
    node = element.getparent()
    while node is not None:
        if _menu_kind(node):
            if holds_h1(node):
                break  # the outer ones hold it too
            out.append(node)
        node = node.getparent()
    return out


# --- next / previous story links ----------------------------------------------------


def next_previous(body: Element, base: str | None, taken: set[str],
                  settings: Settings = DEFAULT_SETTINGS, links: list[Element] | None = None,
                  menus: list[Element] | None = None) -> list[tuple[Element, RelatedLink]]:
    """Links to the next and previous stories. `links`: the body's links in document
    order when the caller has them already (a walk over the tree costs as much); `menus`:
    likewise its PAGE_MENU_TAGS elements (those since taken out of the body hold links
    no longer among `links`)."""
    out: list[tuple[Element, RelatedLink]] = []
    # Links share their wrappers: each wrapper is asked once (the tree does not change here).
    kinds: dict[Element, str | None] = {}
    hints = _hints_pager
    # A link in the site's header or menu is never taken (below): those, a third of a
    # page's links, are set apart first, at the cost of one walk, rather than having
    # their names and their wrappers' read (most of this loop's time).
    in_menus: set[Element] = set()
    for menu in body.iter(*PAGE_MENU_TAGS) if menus is None else menus:
        in_menus.update(menu.iter("a"))
    page = (base or "").rstrip("/")
    # The page's address when it has no query: a link to it with one added is a pager of
    # its own (a page whose address is a query, "index.php?topic=12", is not so read).
    bare = "" if "?" in page or "#" in page else page
    shortest = settings.related_min_headline
    for a in body.iter("a") if links is None else links:
        if a in in_menus:
            continue
        # A link holding a short text alone (half the links: menus', tags', "Read more")
        # has no title long enough, whatever its names say: its title is that text or
        # less. Seen before any of its or its wrappers' names are read.
        if not len(a) and len(a.text or "") < shortest:
            continue
        rel_value = a.get("rel")
        kind: str | None = None
        if rel_value:
            rel = rel_value.lower().split()
            kind = "next" if "next" in rel else "previous" if "prev" in rel or "previous" in rel else None
        if kind is None:
            # The link itself is no other link's wrapper: not worth remembering. Most
            # links and wrappers are named no pager's: that look is spelt out here, as
            # calling _pager_kind for each was much of this walk's time.
            raw = a.get("class")
            ident = a.get("id")
            if (raw or ident) and hints(raw, ident):
                kind = _pager_kind(a, settings)
        holder: Element | None = a.getparent()
        level = 1
        while kind is None and holder is not None and level < 3:
            if holder in kinds:
                kind = kinds[holder]
            else:
                raw = holder.get("class")
                ident = holder.get("id")
                kind = kinds[holder] = (_pager_kind(holder, settings)
                                        if (raw or ident) and hints(raw, ident) else None)
            holder = holder.getparent()
            level += 1
        if kind is None:
            continue
        href = a.get("href")
        if not usable_href(href, None) or inside(a, PAGE_MENU_TAGS):
            continue
        text = _pager_title(a, settings)
        if len(text) < shortest or PAGER_TEXT.match(text) or PAGER_BACK.match(text):
            continue
        url = absolute(href or "", base)
        if (url in taken or url.rstrip("/") == page or AUTHOR_HREF.search(url)
                or (bare and _queried_copy(url, bare))):
            # (an author's page: a site styling every link "next-link"; the page itself
            # with a query added: its own list's next page, "?page=2", "Load older")
            continue
        taken.add(url)
        out.append((a, RelatedLink(url=url, title=text, block=kind)))
    for kind in ("next", "previous"):
        if sum(link.block == kind for _, link in out) > settings.max_pager_stories:
            out = [(a, link) for a, link in out if link.block != kind]
    return out


def _queried_copy(url: str, bare: str) -> bool:
    """The address is `bare` (a page's, without query or trailing slash) with a query or
    a fragment added."""
    return ("?" in url or "#" in url) and page_address(url.partition("#")[0]) == bare


def _pager_title(a: Element, settings: Settings) -> str:
    """The headline of a pager's link: its heading's text, or its own when the heading
    is but the label, without the labels and arrows set apart from the headline."""
    for heading in a.iter(*HEADING_TAGS):
        text = _unlabelled(heading, settings)
        if text:
            return unmarked(text)
    # A label in the link's own text ("Next: Title") is cut from the link's text alone:
    # a heading starting so is a headline ("Next steps for the harbour").
    return unmarked(NEXT_PREVIOUS.sub("", _unlabelled(a, settings), count=1))


def _unlabelled(element: Element, settings: Settings) -> str:
    """The element's text without its pieces that are a label or an arrow alone
    ("Previous" in "<small>Previous</small>Title", which the text glues to the headline)."""
    pieces = list(text_pieces(element))
    return collapse("".join(" " if _is_label(piece, settings) else piece for piece in pieces))


def _is_label(piece: str, settings: Settings) -> bool:
    if len(piece) > settings.max_pager_label or piece.isspace():
        return False
    return PAGER_LABEL.match(piece) is not None or not piece.strip(PAGER_ARROWS + EDGE_SPACES)


def _holds_more_than_a_pager(element: Element, settings: Settings) -> bool:
    return (any(True for _ in islice(element.iter("a"), settings.max_pager_links, None))
            or len(raw_text(element)) > settings.max_pager_text)


_hints_pager = names_hint(NEXT_PREVIOUS_HINT)


def _pager_kind(holder: Element, settings: Settings) -> str | None:
    """"next" or "previous" when the element's class or id names it a pager's link and it
    holds no more than a pager."""
    raw = holder.get("class")
    ident = holder.get("id")
    if not raw and not ident:
        return None
    if not _hints_pager(raw, ident):
        return None
    tokens = class_tokens(holder)
    if (not tokens & (NEXT_TOKENS | PREVIOUS_TOKENS) or tokens & CAROUSEL_TOKENS
            or _holds_more_than_a_pager(holder, settings)):
        return None
    return "next" if tokens & NEXT_TOKENS else "previous"
