"""Finding related-headline blocks: by their heading ("Latest Headlines", "Most read", ...), by
the class tokens of their container, or as cards and story lists. Reading their items is
related_items.py's work."""

from __future__ import annotations

from functools import lru_cache
from itertools import islice

from lxml import etree

from .patterns import (
    BLOCK_TITLE_TOKENS,
    CARD_BLOCK_TAGS,
    CARD_LIST_TAGS,
    DURATION,
    HEADING_TAGS,
    LIST_AFTER_TAGS,
    LIST_TAGS,
    MENU_CLASS_TOKENS,
    MENU_TAGS,
    NAMED_HEADING_TAGS,
    NOT_STORY_CARDS,
    PAGE_MENU_TAGS,
    RELATED_HEADING,
    RELATED_HINTS,
    RELATED_TOKENS,
    SECTION_HEADING_TAGS,
    STORIES_LAST,
    TAB_TOKENS,
)
from .related_groups import (
    is_card,
    lists_stories,
    menu_named,
    named_menu,
    section_groups,
    toggle_label,
)
from .related_items import (
    PICTURE_INSET,
    Block,
    find_title_element,
    headline_links,
    is_headline,
    is_related_heading,
    is_story_path,
    split_url,
    usable_href,
)
from .settings import DEFAULT_SETTINGS, Settings
from .text import (
    class_tokens,
    collapse,
    collapsed_length,
    element_sibling,
    inside,
    link_density,
    raw_text,
    within,
)

__all__ = ["find_blocks"]

Element = etree._Element
# Caps against hostile pages, not tuning (the thresholds are in Settings).
MAX_BLOCKS = 40
TITLE_NAME_CACHE = 4096
"""Class token sets weighed as a title's name: templates repeat them within and across pages."""


def find_blocks(body: Element, page_url: str | None = None,
                settings: Settings = DEFAULT_SETTINGS) -> list[Block]:
    candidates: dict[Element, Block] = {}
    page_host = split_url(page_url or "").hostname if page_url else None
    known: dict[Element, bool] = {}
    # Containers whose class or id hints at a related list: weighed after the headings,
    # whose blocks come first. One walk over the page finds both.
    hinted: list[Element] = []
    tabbed: list[Element] = []
    link_lists: list[Element] = []
    # Templates repeat their class names: each (tag, class, id) is weighed once.
    kinds: dict[tuple[str, str | None, str | None], int] = {}
    plain: list[Element] = []  # headings naming no related list: maybe a section's
    for heading in body.iter(*HEADING_TAGS, "header", *NAMED_HEADING_TAGS, *LIST_TAGS):
        tag = heading.tag
        if tag in ("ul", "ol"):
            link_lists.append(heading)
        if tag not in HEADING_TAGS and tag != "header":
            key = (tag, heading.get("class"), heading.get("id"))
            if key[1] is None and key[2] is None:
                continue  # neither class nor id: nothing names it a list or a heading
            kind = kinds.get(key)
            if kind is None:
                kind = kinds[key] = _container_kind(heading, *key)
            if kind & _HINTED:
                hinted.append(heading)
            elif kind & _TABBED:
                tabbed.append(heading)
            if not kind & _TITLED:
                continue
        text = collapse(raw_text(heading))
        # "Local News", "Noticias": a name a menu's column may bear as well, so its list
        # must read as one of stories.
        weak = False
        if not is_related_heading(text, settings):
            weak = (tag != "h1" and len(text) <= settings.related_max_heading
                    and STORIES_LAST.match(text) is not None)
            if not weak:
                if tag in SECTION_HEADING_TAGS and len(text) <= settings.related_max_heading:
                    plain.append(heading)
                continue
        container = _block_for_heading(heading, known, settings)
        if (container is not None and container not in candidates
                and not _in_menu(container, known, settings)
                and not menu_named(heading, container)
                and not (weak and not (lists_stories(container, known, page_host, settings)
                                       and _list_like(container, settings)))):
            candidates[container] = Block(container, text, heading, "engine:heading",
                                          headlines=known)
    for element in hinted:
        if element in candidates:
            continue
        tokens = class_tokens(element)
        if not tokens & RELATED_TOKENS or tokens & MENU_CLASS_TOKENS or _in_menu(element, known, settings):
            continue
        links = headline_links(element, known, settings)
        hrefs = {a.get("href") for a in links}
        if len(hrefs) == 1 and (_is_inset(element, links[0], settings)
                                or collapsed_length(element) <= settings.max_inset_text):
            # A one-story inset between paragraphs ("c-recirculation-link").
            candidates[element] = Block(element, "Related", None, "engine:inset",
                                        headlines=known)
        elif len(links) >= 2:
            first = _first_heading(element)
            if first is not None and headline_links(first, known, settings):
                first = None  # the first item's own title, not the block's
            name = collapse(raw_text(first)) if first is not None else ""
            candidates[element] = Block(element, name or "Related", first, "engine:class",
                                        headlines=known)
    for column, heading, name in section_groups(plain, known, page_host, body, settings):
        # A list found by its own signs inside the column is read as that list.
        if column not in candidates and not any(within(other, column) for other in candidates):
            candidates[column] = Block(column, name, heading, "engine:section", headlines=known)
    for card in _picture_insets(body, known, page_host, settings):
        if card not in candidates and not _in_menu(card, known, settings):
            candidates[card] = Block(card, "Related", None, PICTURE_INSET, headlines=known)
    for card in _card_links(body, known, settings):
        if card not in candidates and not _in_menu(card, known, settings):
            candidates[card] = Block(card, "Related", None, "engine:inset", headlines=known)
    for element in link_lists:
        if element in candidates:
            continue
        toggle = toggle_label(element, settings)
        if toggle is not None and not _in_menu(element, known, settings):
            candidates[element] = Block(element, collapse(raw_text(toggle)), toggle,
                                        "engine:heading", headlines=known)
        elif _is_story_list(element, known, page_host, settings):
            candidates[element] = Block(element, "Related", None, "engine:list",
                                        headlines=known)
    for element in _card_lists(body, known, page_host, settings):
        if element not in candidates:
            candidates[element] = Block(element, "Related", None, "engine:cards",
                                        headlines=known)
    for element in tabbed:
        label = _tab_label(element, settings)
        if (label and element not in candidates and not _in_menu(element, known, settings)
                and len(headline_links(element, known, settings)) >= 2):
            candidates[element] = Block(element, label, None, "engine:tabs",
                                        headlines=known)
    # A "block" holding long plain text is a page region around the story, not a list.
    # (Cards were weighed one by one: their teasers may add up to more than a list's.)
    ordered = [b for b in candidates.values()
               if b.signal == "engine:cards" or _list_like(b.element, settings)]
    kept = [block for block in ordered
            if not any(within(block.element, other.element)
                       for other in ordered if other is not block)]
    if len(kept) > 1:
        kept.sort(key=lambda b: _tree_path(b.element))
    for block in kept:
        if block.heading is None:
            _name_from_line_above(block, settings)
    return kept[:MAX_BLOCKS]


_HINTED, _TABBED, _TITLED = 1, 2, 4
"""What a container's tag, class and id make it: named as a related list, as a tab set,
as a heading ("section-title")."""


def _container_kind(element: Element, tag: str, raw: str | None, ident: str | None) -> int:
    kind = 0
    if tag in LIST_TAGS or tag == "p":
        named = raw or ident
        lowered = f"{named} {ident or ''}".lower() if named else ""
        if lowered and RELATED_HINTS.search(lowered):
            kind |= _HINTED
        elif "tab" in lowered and tag in LIST_TAGS:
            kind |= _TABBED
        if tag not in NAMED_HEADING_TAGS:
            return kind
    # Most of these are not headings; a substring test spares the tokenising.
    if not raw:
        return kind
    lowered_class = raw.lower()  # "ContentTitle"
    if not ("title" in lowered_class or "head" in lowered_class or "name" in lowered_class
            or "label" in lowered_class):
        return kind
    return kind | _TITLED if _names_a_title(class_tokens(element)) else kind


@lru_cache(maxsize=TITLE_NAME_CACHE)
def _names_a_title(tokens: frozenset[str]) -> bool:
    """"section-title", "ContentTitle", "widget-heading": a class naming a title."""
    if tokens & BLOCK_TITLE_TOKENS:
        return True
    return any(token.endswith(("title", "heading", "header")) for token in tokens)


def _in_menu(element: Element, known: dict[Element, bool], settings: Settings) -> bool:
    """Inside a site menu; a <nav> holding a list of long headlines is no menu (some
    sites set their "Latest" lists below the story in one)."""
    if not inside(element, MENU_TAGS):
        return False
    if inside(element, PAGE_MENU_TAGS):
        return True
    links = headline_links(element, known, settings)
    if len(links) < 2:
        return True
    words = sum(len(collapse(raw_text(a)).split()) for a in links)
    return words / len(links) < settings.menu_headline_words


def _tree_path(element: Element) -> tuple[int, ...]:
    """The child positions from the root down to the element: sorted, these put elements
    in document order (without numbering the whole page)."""
    path: list[int] = []
    node = element
    parent = node.getparent()
    while parent is not None:
        path.append(parent.index(node))
        node, parent = parent, parent.getparent()
    return tuple(reversed(path))


def _list_like(element: Element, settings: Settings) -> bool:
    length = collapsed_length(element)
    if (length > settings.max_plain_block_text
            and link_density(element, length) < settings.min_block_link_density):
        return False
    # Teasers are short; a long plain paragraph is story text, so this is no list.
    for paragraph in element.iter("p"):
        text = collapse(raw_text(paragraph))
        if len(text) > settings.max_teaser and link_density(paragraph, len(text)) < settings.block_paragraph_link_density:
            return False
    return True


def _block_for_heading(heading: Element, known: dict[Element, bool],
                       settings: Settings) -> Element | None:
    node = heading.getparent()
    level = 0
    # The heading's own links, once: climbing from each link to test it cost the depth of
    # the page per link and level (seconds on nested, duplicated markup).
    own = set(heading.iter("a"))
    while node is not None and level < settings.related_block_levels and node.tag not in ("body", "html"):
        links = [a for a in headline_links(node, known, settings) if a not in own]
        hrefs = {a.get("href") for a in links}
        if len(hrefs) == 1 and level == 0 and is_card(node, heading, links[0], settings):
            return node
        if (not hrefs and not _has_links(node)
                and collapsed_length(node)
                <= collapsed_length(heading) + settings.card_slack):
            # A heading alone in its wrapper, the list set beside it ("<section><h2>More
            # Articles</h2></section><section>cards</section>").
            sibling = element_sibling(node, before=False)
            if sibling is not None and _list_or_card(sibling, known, settings):
                return node.getparent() if _only_pair(node, sibling) else sibling
        if len(hrefs) >= 2:
            # The heading opens its block; text well before it belongs to something else.
            text = collapse(raw_text(node))
            heading_text = collapse(raw_text(heading))
            if text.find(heading_text) > settings.max_text_before_heading:
                return _list_after(heading, known, settings)
            return node
        node = node.getparent()
        level += 1
    return _list_after(heading, known, settings)


def _card_links(body: Element, known: dict[Element, bool], settings: Settings) -> list[Element]:
    """Links set as a card of their own: an <a> holding block elements with a title
    ("<a class='wp-embed'><div class='wp-embed-title'>…</div><p>excerpt</p></a>"),
    alone in its wrapper. Embedded posts between paragraphs are made so."""
    out: list[Element] = []
    for a in body.iter("a"):
        if not len(a) or not _is_card_link(a, known, settings):  # most links hold text alone
            continue
        text = collapsed_length(a)
        node = a
        parent = node.getparent()
        while (parent is not None and parent.tag not in ("body", "html", "article", "main")
               and collapsed_length(parent) <= text + settings.card_slack):
            node, parent = parent, parent.getparent()
        if _between_paragraphs(node, settings):
            out.append(node)
    return out


def _between_paragraphs(node: Element, settings: Settings) -> bool:
    """Next to a paragraph of the story: an inset, not one card of a grid."""
    for sibling in (element_sibling(node, before=True), element_sibling(node, before=False)):
        if sibling is None or sibling.tag not in ("p", "blockquote"):
            continue
        text = collapse(raw_text(sibling))
        if (len(text) >= settings.inset_min_paragraph
                and link_density(sibling, len(text)) < settings.story_paragraph_link_density):
            return True
        if sibling is node.getprevious() and text and not _has_links(sibling):
            return True  # "Learn more about APIs:" introduces the card
    return False


def _is_card_link(a: Element, known: dict[Element, bool], settings: Settings) -> bool:
    if not len(a) or next((child for child in a if child.tag in CARD_BLOCK_TAGS), None) is None:
        return False
    if not headline_links(a, known, settings) or collapsed_length(a) > settings.max_inset_text:
        return False
    return any(node.tag in HEADING_TAGS or (isinstance(node.tag, str)
               and _names_a_title(class_tokens(node))) for node in a.iter())


def _is_story_list(element: Element, known: dict[Element, bool], host: str | None,
                   settings: Settings) -> bool:
    """An unheaded list whose every item is one long headline linking to a story of the
    same site ("/2025/11/council-passes-budget"): a story list, whatever its name."""
    items = [child for child in element if child.tag == "li"]
    if len(items) < settings.min_list_stories or _in_menu(element, known, settings) or named_menu(element):
        return False
    for item in items:
        links = item.findall(".//a")
        if len(links) != 1 or not known.get(links[0], is_headline(links[0], settings)):
            return False
        title = collapse(raw_text(links[0]))
        if (len(title.split()) < settings.min_list_title_words
                or collapsed_length(item) > len(title) + settings.card_slack):
            return False
        parts = split_url(links[0].get("href", ""))
        if parts.hostname and host and parts.hostname != host:
            return False
        if not is_story_path(parts.path):
            return False
    return True


def _tab_label(element: Element, settings: Settings) -> str | None:
    """The first tab's label of a tabbed box ("Meistgelesen | Neu"), when it names a
    story list; None for other tab sets."""
    tokens = class_tokens(element)
    # "ajaxTabBoxSide": the word runs into others; "table", "stable" are no tabs.
    if not (tokens & TAB_TOKENS or any("tab" in t and "tabl" not in t for t in tokens)):
        return None
    for node in islice(element.iter("li", "button", "a"), settings.max_tabs):
        text = collapse(raw_text(node))
        if text and len(text) <= settings.related_max_heading and RELATED_HEADING.match(text):
            return text if is_related_heading(text, settings) else None
    return None


def _is_inset(element: Element, link: Element, settings: Settings) -> bool:
    return (collapsed_length(element)
            <= collapsed_length(link) + settings.card_slack)


def _has_links(element: Element) -> bool:
    return next(element.iter("a"), None) is not None


def _only_pair(first: Element, second: Element) -> bool:
    """The parent holds nothing but the heading's wrapper and the list after it."""
    parent = first.getparent()
    return parent is not None and parent.tag not in ("body", "html") and sum(
        1 for child in parent if isinstance(child.tag, str)) == 2


def _first_heading(element: Element) -> Element | None:
    for node in element.iter(*HEADING_TAGS):
        return node
    return None


# --- unheaded card lists --------------------------------------------------------------


def _card_lists(body: Element, known: dict[Element, bool], host: str | None,
                settings: Settings) -> list[Element]:
    """Containers of repeated sibling cards, each one story of the same site (a title,
    maybe a picture, a teaser, a date), set after the story's text: a related list
    without a heading or a class that says so."""
    # One walk in document order counts the plain paragraph text met before each
    # container; the story before the list says more than the list does, so the
    # containers above the story's text are not looked into.
    found: list[Element] = []
    text = 0
    # Lists of <li> lines are _is_story_list's; cards sit in block containers.
    for node in body.iter("p", *CARD_LIST_TAGS):
        if node.tag == "p":
            length = collapsed_length(node)
            if length and link_density(node, length) < settings.story_paragraph_link_density:
                text += length
        elif (text >= settings.card_list_min_story_text
              and _holds_cards(node, known, host, settings)
              and text >= collapsed_length(node)):
            found.append(node)
    found = [parent for parent in found
             if not _in_menu(parent, known, settings) and not named_menu(parent)]
    if not found:
        return []
    own = sum(collapsed_length(parent) for parent in found)
    if own > settings.card_list_max_share * collapsed_length(body):
        return []  # cards are much of the page: a section front's, not a story's
    return found


def _holds_cards(parent: Element, known: dict[Element, bool], host: str | None,
                 settings: Settings) -> bool:
    if len(parent) < settings.min_list_stories:
        return False  # most wrappers: too few children, comments included, to count them
    children = [child for child in parent if isinstance(child.tag, str)]
    if len(children) < settings.min_list_stories:
        return False
    grand = parent.getparent()
    named = " ".join(f"{node.get('class') or ''} {node.get('id') or ''}" for node in
                     (parent, children[0], children[-1], grand) if node is not None)
    if NOT_STORY_CARDS.search(named.lower()):
        return False
    tag = children[0].tag
    cards = stories = 0
    for child in children:
        links = _one_story_links(child, known, settings)
        if links is None:
            return False
        if not links:
            # A button or an ad among the cards, not text of the story.
            if child.tag == "p" or collapsed_length(child) > settings.card_slack:
                return False
            continue
        story = _card_story(child, links, host, settings)
        if child.tag != tag or story is None:
            return False
        cards += 1
        stories += story
    # Some stories' addresses are a section's ("/features/future-cars/"): most are enough.
    return stories >= settings.min_list_stories and stories >= settings.card_list_min_stories_share * cards


def _one_story_links(element: Element, known: dict[Element, bool], settings: Settings
                     ) -> list[Element] | None:
    """The element's headline links when they share one address, None when they do not
    (found at the second address: a page wrapper is not read through)."""
    out: list[Element] = []
    for a in element.iter("a"):
        headline = known.get(a)
        if headline is None:
            headline = known[a] = is_headline(a, settings)
        if not headline:
            continue
        if out and a.get("href") != out[0].get("href"):
            return None
        out.append(a)
    return out


def _card_story(card: Element, links: list[Element], host: str | None,
                settings: Settings) -> bool | None:
    """None when the element is no card of one link of the site's (a title of its own
    or a picture, little text beside); else whether that link's address is a story's."""
    href = links[0].get("href", "")
    parts = split_url(href)
    if parts.hostname and host and parts.hostname != host:
        return None
    title_element = find_title_element(card, links[0])
    if title_element is links[0] and next(card.iter("img"), None) is None:
        return None  # neither a title of its own nor a picture: a line, not a card
    title = collapse(raw_text(title_element))
    if len(title.split()) < settings.min_card_title_words:
        return None  # a picture alone (a magazine's cover), no story's title
    text = collapse(raw_text(card))
    if DURATION.search(text):
        return None  # a video's running time
    if len(text) > len(title) + settings.max_teaser + settings.card_slack:
        return None
    return is_story_path(parts.path)


def _list_or_card(element: Element, known: dict[Element, bool], settings: Settings) -> bool:
    """Beside a heading alone in its wrapper: a list of two stories or more, or one
    story's card (its link and a date, say: no paragraph of text of its own)."""
    links = headline_links(element, known, settings)
    hrefs = {a.get("href") for a in links}
    return len(hrefs) >= 2 or (len(hrefs) == 1 and _is_inset(element, links[0], settings))


def _list_after(heading: Element, known: dict[Element, bool], settings: Settings
                ) -> Element | None:
    """The links right after a heading set among other text ("<h3>Read more</h3><ul>…
    </ul>" between a story's paragraphs): the block is that list alone."""
    sibling = element_sibling(heading, before=False)
    if (sibling is None or sibling.tag not in LIST_AFTER_TAGS or (heading.tail or "").strip()
            or not _list_or_card(sibling, known, settings)):
        return None  # a link inside a sentence that runs on after the label is no list
    length = collapsed_length(sibling)
    if link_density(sibling, length) < settings.list_after_link_density or not _list_like(sibling, settings):
        return None
    return sibling


def _name_from_line_above(block: Block, settings: Settings) -> None:
    """A list found by its shape or class, under a line of text that names it ("Related
    content:"): the line is its heading, read as its name and removed with it."""
    line = element_sibling(block.element, before=True)
    if line is None or line.tag in LIST_TAGS - {"div"} or _has_links(line):
        return
    text = collapse(raw_text(line))
    if is_related_heading(text, settings):
        block.heading = line
        block.name = text.rstrip(":").strip() or block.name


INSET_LEVELS = 3


def _picture_insets(body: Element, known: dict[Element, bool], host: str | None,
                    settings: Settings) -> list[Element]:
    """One story's box between paragraphs whose title is no link: its picture and its
    button link the story ("<div><a><img></a></div><div><h5>8 wines to know</h5><p>…
    </p><a>See the list</a></div>")."""
    out: list[Element] = []
    for heading in body.iter("h2", "h3", "h4", "h5", "h6"):
        if _has_links(heading) or len(collapse(raw_text(heading)).split()) < settings.min_card_title_words:
            continue
        # The largest box above the title whose links all go to one address.
        node, box = heading, None
        for _ in range(INSET_LEVELS):
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html", "article", "main"):
                break
            hrefs = _first_hrefs(parent, 2)
            if len(hrefs) > 1 or collapsed_length(parent) > settings.max_inset_text:
                break
            node = parent
            if hrefs:
                box = node
        if box is None or not usable_href(next(box.iter("a")).get("href"), None):
            continue
        node = box
        hrefs = {next(box.iter("a")).get("href")}
        href = next(iter(hrefs)) or ""
        parts = split_url(href)
        if (parts.hostname and host and parts.hostname != host) or not is_story_path(parts.path):
            continue
        if (not any(a.find(".//img") is not None for a in node.iter("a"))
                or collapsed_length(node) > settings.max_inset_text):
            continue
        if _among_paragraphs(node, settings):
            out.append(node)
    return out


def _among_paragraphs(node: Element, settings: Settings) -> bool:
    """Set among a story's paragraphs (rules or pictures may stand between)."""
    parent = node.getparent()
    if parent is None:
        return False
    for child in parent:
        if child.tag != "p":
            continue
        text = collapse(raw_text(child))
        if (len(text) >= settings.inset_min_paragraph
                and link_density(child, len(text)) < settings.story_paragraph_link_density):
            return True
    return False


def _first_hrefs(element: Element, most: int) -> set[str | None]:
    """The addresses of the element's links, read until `most` differ."""
    out: set[str | None] = set()
    for a in element.iter("a"):
        out.add(a.get("href"))
        if len(out) >= most:
            break
    return out
