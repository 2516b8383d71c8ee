"""Finding related-headline blocks: by their heading ("Latest Headlines", "Most read", ...), by
the class tokens of their container, or as cards and story lists. Reading their items is
related_items.py's work."""

from __future__ import annotations

from itertools import islice

from lxml import etree

from .metadata import split_url
from .patterns import (
    CALL_TO_ACTION,
    CARD_LIST_TAGS,
    HEADING_TAGS,
    LIST_AFTER_TAGS,
    LIST_TAGS,
    MENU_CLASS_TOKENS,
    NAMED_HEADING_TAGS,
    POST_EMBED_CLASS,
    RELATED_HEADING,
    RELATED_TOKENS,
    SECTION_HEADING_TAGS,
    TAB_TOKENS,
)
from .related_groups import (
    card_lists,
    holds_cards,
    in_menu,
    is_card,
    is_teaser_card,
    lists_stories,
    menu_named,
    named_menu,
    section_groups,
    toggle_label,
)
from .related_insets import card_links, has_links, picture_insets
from .related_items import (
    PICTURE_INSET,
    Block,
    holds_headline_link,
    in_link,
    is_story_path,
    known_headline,
    remembered_texts,
    short_text_of,
    text_of,
)
from .related_names import (
    CLASS_TITLED_TAGS,
    RELATED_HINT_WORDS,
    TEXT_TITLED_TAGS,
    ends_in_stories,
    is_related_heading,
    named_by_text,
    names_a_title,
    related_heading_kind,
    title_word,
    values_holding,
)
from .settings import DEFAULT_SETTINGS, Settings
from .text import (
    class_tokens,
    collapse,
    collapsed_length,
    element_sibling,
    has_descendant,
    link_density,
    text_pieces,
    within,
)

__all__ = ["find_blocks"]

Element = etree._Element
# Caps against hostile pages, not tuning (the thresholds are in Settings).
MAX_BLOCKS = 40
MAX_NAMED_HEADINGS = 200
"""Headings naming a related list that are weighed per page, at most: each climbs through
its wrappers reading their links. Real pages name at most 62 (the median 1); a page of
duplicated markup left open names a thousand, each wrapper holding the rest of the page."""
MAX_CLIMB_LINKS = 50_000
"""Links the headings' climbs read per page, at most (_block_for_heading); the headings
after are not weighed. Real pages read at most 711 (the median 4); one of duplicated,
unclosed markup read 1.9 million, 200 headings each reading most of the page at every
level."""
INSET_TITLE_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
"""Headings that may title a picture inset."""

# What the walk in _find_blocks does with each tag it meets: one lookup per element
# rather than a test of each tag set in turn. The first four are named a list or a
# heading by their class or id; headings and the page's <header> by their tag.
_CONTAINER, _PARAGRAPH, _SPAN, _LIST, _TITLE, _H1, _HEADER, _QUOTE, _MENU = range(9)
WALK_ROLES: dict[str, int] = {
    **dict.fromkeys(CARD_LIST_TAGS, _CONTAINER),
    "p": _PARAGRAPH,
    **dict.fromkeys(CLASS_TITLED_TAGS, _SPAN),  # only a class naming a title counts
    "ul": _LIST, "ol": _LIST,
    **dict.fromkeys(INSET_TITLE_TAGS, _TITLE),
    "h1": _H1, "header": _HEADER, "blockquote": _QUOTE, "menu": _MENU,
}


def find_blocks(body: Element, page_url: str | None = None,
                settings: Settings = DEFAULT_SETTINGS,
                links: list[Element] | None = None, *, dated: bool = False,
                story: bool = False, menus: list[Element] | None = None) -> list[Block]:
    """The page's related blocks in document order. `links`, when given, receives the
    page's links in document order (next_previous reads them again); `menus` its
    PAGE_MENU_TAGS elements (whose links next_previous sets apart). `dated`: the page's
    metadata gives it a publication date, as a story's and seldom a section front's.
    `story`: the page says it is a story's (dated, or typed an article by its metadata).
    The tree's text stays as it is, but not its shape: a heading's run of paragraphs that
    are each one link is moved into a <div> of its own, the block's element."""
    with remembered_texts():
        return _find_blocks(body, page_url, settings, links, dated, story or dated,
                            [] if menus is None else menus)


def _find_blocks(body: Element, page_url: str | None, settings: Settings,
                 links: list[Element] | None, dated: bool, story: bool,
                 menus: list[Element]) -> list[Block]:
    candidates: dict[Element, Block] = {}
    page_host = split_url(page_url or "").hostname if page_url else None
    known: dict[Element, bool] = {}
    # Containers whose class or id hints at a related list: weighed after the headings,
    # whose blocks come first. One walk over the page finds both.
    hinted: list[Element] = []
    tabbed: list[Element] = []
    link_lists: list[Element] = []
    # The containers and paragraphs named by a class or id, with "class id": whether it
    # names a related list or a tab set is looked for in all of them at once, after the
    # walk (a post embedded in a quote, `posts`, is a related one whatever its name).
    by_name: list[Element] = []
    name_values: list[str] = []
    posts: set[int] = set()
    # Templates repeat their class names: each (tag, class, id) is weighed once.
    kinds: dict[tuple[str, str, str | None], bool] = {}
    plain: list[Element] = []  # headings naming no related list: maybe a section's
    # Headings over a run of paragraphs that are each one link: the run is the block,
    # gathered into an element of its own once the walk is done.
    runs: list[tuple[Element, str, list[Element], bool]] = []
    weighed = 0  # headings naming a related list
    climbed = [0]  # links their climbs have read
    longest = max(settings.related_max_heading, settings.related_max_named_heading)
    # Each walk over the tree costs about as much whatever it looks for: this one also
    # gathers what the searches below go through, in document order.
    anchors: list[Element] = [] if links is None else links
    card_walk: list[Element] = []  # paragraphs, and containers that may hold a card list
    least_cards = settings.min_list_stories
    titles: list[Element] = []
    paragraphs: list[Element] = []  # <p> and <blockquote>: what a card or inset stands beside
    # The links, a third of what the walk would meet, are listed by lxml alone: cheaper
    # than a step of the walk each.
    anchors.extend(body.iter("a"))
    for heading in body.iter(*WALK_ROLES):
        tag = heading.tag
        role = WALK_ROLES[tag]
        if role == _CONTAINER:
            if len(heading) >= least_cards:
                card_walk.append(heading)  # (card_lists passes by the others)
        elif role == _PARAGRAPH:
            card_walk.append(heading)
            paragraphs.append(heading)
        elif role == _SPAN:
            if not title_word(heading.get("class")):
                continue  # (titled by its class alone: its id is not read)
        elif role == _LIST:
            link_lists.append(heading)
        elif role == _TITLE:
            titles.append(heading)
        elif role == _QUOTE:
            paragraphs.append(heading)  # a paragraph a card link may stand beside
            raw = heading.get("class")
            if raw is not None and POST_EMBED_CLASS in raw:
                # another post embedded: weighed as an inset
                posts.add(len(by_name))
                by_name.append(heading)
                name_values.append("")
            continue
        elif role == _MENU:
            menus.append(heading)
            continue  # a <menu> is gathered for next_previous alone
        elif role == _HEADER:
            menus.append(heading)
        if role <= _LIST:  # named by its class or id, not by its tag
            raw = heading.get("class")
            ident = heading.get("id")
            titled = False
            # Neither class nor id: nothing names it a list or a heading.
            if raw is not None or ident is not None:
                if role != _SPAN:
                    by_name.append(heading)
                    name_values.append(f"{raw or ''} {ident or ''}")
                # (a span's class was seen to name a title above)
                if raw is not None and (role == _SPAN or (tag in NAMED_HEADING_TAGS
                                                          and title_word(raw))):
                    key = (tag, raw, ident)
                    known_titled = kinds.get(key)
                    if known_titled is None:
                        known_titled = kinds[key] = names_a_title(class_tokens(heading))
                    titled = known_titled
            # A bare label names a list only on a story's page: a front page's "Latest
            # articles" label heads the page's own list (named_by_text: a bare text alone,
            # so most divs, wrappers, are passed by without the call).
            if not titled and not (story and tag in TEXT_TITLED_TAGS and not len(heading)
                                   and named_by_text(heading, settings)):
                continue
            # A paragraph of a list's name ("<p>Latest News</p>") names a footer's link
            # cloud ("Trending Now") as often: its list must read as one of stories. One
            # that calls to read on ("READ MORE >") is a card's button.
            paragraph = not titled and role == _PARAGRAPH
        else:
            paragraph = False
        text = short_text_of(heading, longest)
        if text is None:
            continue  # too long for any heading is_related_heading or section_groups take
        if paragraph and CALL_TO_ACTION.match(text):
            continue
        # "Local News", "Noticias": a name a menu's column may bear as well, so its list
        # must read as one of stories; so must one named for topics or resources.
        weak = others = False
        named = related_heading_kind(text, settings)
        if paragraph:
            weak = True
        elif named != "stories":
            others = named == "others"
            weak = (tag != "h1" and len(text) <= settings.related_max_heading
                    and (others or ends_in_stories(text)))
            if not weak:
                if tag in SECTION_HEADING_TAGS and len(text) <= settings.related_max_heading:
                    plain.append(heading)
                continue
        weighed += 1
        if weighed > MAX_NAMED_HEADINGS:
            continue
        if climbed[0] > MAX_CLIMB_LINKS:
            continue
        container = _block_for_heading(heading, known, settings, climbed)
        if container is not None and container.tag == "p":
            run = _link_lines_after(heading, container, known, settings)
            if run:
                runs.append((heading, text, run, weak))  # gathered after the walk
                continue
        if (container is not None and container not in candidates
                and not in_menu(container, known, settings, named=not weak)
                and not menu_named(heading, container)
                and not (weak and not (lists_stories(container, known, page_host, settings)
                                       and _list_like(container, settings)))
                and not (others and not _stories_follow(heading, container, known, settings))):
            candidates[container] = Block(container, text, heading, "engine:heading",
                                          headlines=known)
    for heading, text, run, weak in runs:
        if any(within(run[0], other) for other in candidates):
            continue
        holder = _gathered(run)
        if (not in_menu(holder, known, settings, named=not weak)
                and not (weak and not lists_stories(holder, known, page_host, settings))):
            candidates[holder] = Block(holder, text, heading, "engine:heading", headlines=known)
    if by_name:
        # No word spans the space between class and id: each is searched as alone.
        hints = values_holding(name_values, RELATED_HINT_WORDS)
        tabs = values_holding(name_values, ("tab",))
        for index, element in enumerate(by_name):
            value = name_values[index]
            if value in hints or index in posts:
                hinted.append(element)
            elif value in tabs and element.tag in LIST_TAGS:
                tabbed.append(element)
    for element in hinted:
        if element in candidates:
            continue
        tokens = class_tokens(element)
        if not tokens & RELATED_TOKENS or tokens & MENU_CLASS_TOKENS or in_menu(element, known, settings):
            continue
        links, more = _headlines_read(element, known, settings)
        if links and not more and (_is_inset(element, links[0], settings)
                                or collapsed_length(element) <= settings.max_inset_text):
            # A one-story inset between paragraphs ("c-recirculation-link").
            candidates[element] = Block(element, "Related", None, "engine:inset",
                                        headlines=known)
        elif len(links) >= 2:
            first = _first_heading(element)
            if first is not None and (holds_headline_link(first, known, settings)
                                      or in_link(first, element)):
                first = None  # the first item's own title, not the block's
            name = text_of(first) if first is not None else ""
            candidates[element] = Block(element, name or "Related", first, "engine:class",
                                        headlines=known)
    for column, heading, name in section_groups(plain, known, page_host, body, settings):
        # A list found by its own signs inside the column is read as that list.
        if column not in candidates and not any(within(other, column) for other in candidates):
            candidates[column] = Block(column, name, heading, "engine:section", headlines=known)
    for card in picture_insets(titles, paragraphs, known, page_host, settings):
        if card not in candidates and not in_menu(card, known, settings):
            candidates[card] = Block(card, "Related", None, PICTURE_INSET, headlines=known)
    for card in card_links(anchors, paragraphs, known, settings, groups=story):
        if card not in candidates and not in_menu(card, known, settings):
            candidates[card] = Block(card, "Related", None, "engine:inset", headlines=known)
    for element in link_lists:
        if element in candidates:
            continue
        toggle = toggle_label(element, settings)
        if toggle is not None and not in_menu(element, known, settings):
            candidates[element] = Block(element, text_of(toggle), toggle,
                                        "engine:heading", headlines=known)
        elif _is_story_list(element, known, page_host, settings):
            candidates[element] = Block(element, "Related", None, "engine:list",
                                        headlines=known)
    for element in card_lists(card_walk, body, known, page_host, settings, dated):
        if element not in candidates:
            candidates[element] = Block(element, "Related", None, "engine:cards",
                                        headlines=known)
    for element in tabbed:
        label = _tab_label(element, settings)
        if (label and element not in candidates and not in_menu(element, known, settings)
                and len(_headlines_read(element, known, settings)[0]) >= 2):
            candidates[element] = Block(element, label, None, "engine:tabs",
                                        headlines=known)
    # A "block" holding long plain text is a page region around the story, not a list.
    # (Cards were weighed one by one: their teasers may add up to more than a list's.)
    ordered: list[Block] = []
    for block in candidates.values():
        if block.signal == "engine:cards" or _list_like(block.element, settings):
            ordered.append(block)
        elif block.signal == "engine:heading":
            cards = _named_cards(block.element, known, page_host, settings)
            if cards is not None and cards not in candidates:
                block.element = cards  # the list, not the form or badges beside it
                ordered.append(block)
    # One climb per block, not a test per pair: a page of hundreds of candidates (a
    # fuzzed page's duplicated lists) made the pairs cost seconds.
    holders = {block.element for block in ordered}
    kept = [block for block in ordered
            if not any(node in holders for node in block.element.iterancestors())]
    if len(kept) > 1:
        kept.sort(key=lambda b: _tree_path(b.element))
    for block in kept:
        if block.heading is None:
            _name_from_line_above(block, settings)
    return kept[:MAX_BLOCKS]


def _stories_follow(heading: Element, container: Element, known: dict[Element, bool],
                    settings: Settings) -> bool:
    """The first link after the heading, before any other heading, is a headline: the
    stories are the heading's own list, not one further on that another heading titles
    ("<h2>Popular Topics</h2><ol>tags</ol><h2>Featured</h2><ol>stories</ol>")."""
    after = not within(heading, container)  # a list set beside it: all of it follows
    for node in container.iter("a", *HEADING_TAGS):
        if node is heading:
            after = True
        elif after and not within(node, heading):
            return node.tag == "a" and known_headline(node, known, settings)
    return False


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
    # Teasers are short; a long plain paragraph is story text, so this is no list. (Their
    # lengths are remembered for the page, not their texts: nested blocks ask again.) One
    # set in a link is the link's text: a card's teaser, whatever its length.
    for paragraph in element.iter("p"):
        length = collapsed_length(paragraph)
        if (length > settings.max_teaser
                and link_density(paragraph, length) < settings.block_paragraph_link_density
                and not in_link(paragraph, element)):
            return False
    return True


def _named_cards(block: Element, known: dict[Element, bool], host: str | None,
                 settings: Settings) -> Element | None:
    """The list of cards holding most of a heading's block that is too long in plain text
    for a list (_list_like), if there is one: "<h2>Latest News</h2>" over four posts with
    55 words of excerpt each, as blog themes print them. The teasers are the cards' own,
    not story text beside the list."""
    least = settings.named_cards_share * collapsed_length(block)
    # Only a chain of elements holds more than half the block's text, each the child of
    # the one before: it is walked down, not the whole block.
    node: Element | None = block
    while node is not None:
        if (node.tag in CARD_LIST_TAGS and len(node) >= settings.min_list_stories
                and holds_cards(node, known, host, settings)):
            return node
        node = next((child for child in node
                     if isinstance(child.tag, str) and collapsed_length(child) > least), None)
    return None


def _block_for_heading(heading: Element, known: dict[Element, bool],
                       settings: Settings, climbed: list[int]) -> Element | None:
    """The related block a heading names, climbing through its wrappers; `climbed` counts
    the links read (see MAX_CLIMB_LINKS: past it, the climb gives up)."""
    node = heading.getparent()
    level = 0
    # The heading's own links, once: climbing from each link to test it cost the depth of
    # the page per link and level (seconds on nested, duplicated markup).
    own = set(heading.iter("a"))
    while node is not None and level < settings.related_block_levels and node.tag not in ("body", "html"):
        links, more = _headlines_read(node, known, settings, own, climbed)
        if climbed[0] > MAX_CLIMB_LINKS:
            return None
        if links and not more and level == 0 and is_card(node, heading, links[0], settings):
            return node
        if (not links and not has_links(node)
                and collapsed_length(node)
                <= collapsed_length(heading) + settings.card_slack):
            # A heading alone in its wrapper, the list set beside it ("<section><h2>More
            # Articles</h2></section><section>cards</section>").
            sibling = element_sibling(node, before=False)
            if sibling is not None and _list_or_card(sibling, known, settings):
                return (node.getparent() if _only_pair(node, sibling) or _run_of_items(node, sibling)
                        else sibling)
        if more:
            # The heading opens its block; text well before it belongs to something else.
            if not _opens_within(node, text_of(heading), settings.max_text_before_heading):
                return _list_after(heading, known, settings)
            return node
        node = node.getparent()
        level += 1
    return _list_after(heading, known, settings)


def _link_lines_after(heading: Element, first: Element, known: dict[Element, bool],
                      settings: Settings) -> list[Element] | None:
    """The paragraphs right after the heading, from `first` on, that are each one link
    and nothing else ("<h4>Related Articles:</h4><p><a>…</a></p><p><a>…</a></p>" among a
    story's paragraphs), when two or more of the links are headlines; else None."""
    if element_sibling(heading, before=False) is not first:
        return None
    run: list[Element] = []
    headlines = 0
    node: Element | None = first
    while node is not None and node.tag == "p" and (link := _only_link(node)) is not None:
        run.append(node)
        headlines += known_headline(link, known, settings)
        node = element_sibling(node, before=False)
    # (The short titles among them are read as a named list's are: read_items.)
    return run if headlines >= settings.min_list_stories else None


def _only_link(paragraph: Element) -> Element | None:
    """The paragraph's link when it is that link and nothing else, its tail blank."""
    links = paragraph.iter("a")
    link = next(links, None)
    if link is None or next(links, None) is not None or (paragraph.tail or "").strip():
        return None
    return link if collapsed_length(paragraph) == collapsed_length(link) else None


def _gathered(run: list[Element]) -> Element:
    """The run of sibling elements moved into a <div> of their own, in their place: a
    block is one element. Their text and its order in the page stay as they were."""
    holder = etree.Element("div")
    run[0].addprevious(holder)
    holder.extend(run)
    return holder


def _opens_within(node: Element, text: str, limit: int) -> bool:
    """Whether text_of(node).find(text) <= limit, for the text of an element inside the
    node (which text_of(node) therefore holds). Read from the node's first characters:
    folded, they are a prefix of text_of(node) (a word cut at the end is a prefix of the
    word), so once that prefix is limit + len(text) long, the text starts within `limit`
    if it is found there, and past it if not. A node of a broken page may hold the rest
    of it, and be climbed through from each heading inside."""
    need = limit + len(text)
    pieces: list[str] = []
    size = 0
    check = need
    for piece in text_pieces(node):
        pieces.append(piece)
        size += len(piece)
        if size >= check:
            head = collapse("".join(pieces))
            if len(head) >= need:
                return 0 <= head.find(text) <= limit
            check = 2 * size  # white space folded away: read on
    return collapse("".join(pieces)).find(text) <= limit


def _is_story_list(element: Element, known: dict[Element, bool], host: str | None,
                   settings: Settings) -> bool:
    """An unheaded list whose every item is one long headline linking to a story of the
    same site ("/2025/11/council-passes-budget"): a story list, whatever its name."""
    if len(element) < settings.min_list_stories:
        return False  # fewer children, let alone items
    # The items first: most lists fail at their first, sooner than the menu tests tell;
    # read one by one, the others need not be (any failing test answers False, so they
    # are counted after).
    count = 0
    # The children read in a loop: iterchildren("li") builds a tag matcher per call.
    for item in element:
        if item.tag != "li":
            continue
        count += 1
        # An <li> is no link: its links are all below it (a second tells it holds more
        # than one).
        links = item.iter("a")
        link = next(links, None)
        if link is None or next(links, None) is not None:
            return False
        # The title's words before the headline test, which costs more: a menu's short
        # labels fail at the words.
        title = text_of(link)
        if (len(title.split()) < settings.min_list_title_words
                or not known_headline(link, known, settings)
                or collapsed_length(item) > len(title) + settings.card_slack):
            return False
        parts = split_url(link.get("href", ""))
        if parts.hostname and host and parts.hostname != host:
            return False
        if not is_story_path(parts.path):
            return False
    if count < settings.min_list_stories:
        return False
    return not (_sub_menu(element) or in_menu(element, known, settings) or named_menu(element))


def _sub_menu(element: Element) -> bool:
    """The list hangs in an item of another list, below that item's own link: a menu
    tree's branch (a section's pages under the section's entry), not a story list."""
    item = element.getparent()
    if item is None or item.tag != "li":
        return False
    outer = item.getparent()
    if outer is None or outer.tag not in ("ul", "ol"):
        return False
    for node in item:
        if node is element:
            return False
        if node.tag == "a" or has_descendant(node, "a"):
            return True
    return False


def _tab_label(element: Element, settings: Settings) -> str | None:
    """The first tab's label of a tabbed box ("Meistgelesen | Neu"), when it names a
    story list; None for other tab sets."""
    tokens = class_tokens(element)
    # "ajaxTabBoxSide": the word runs into others; "table", "stable" are no tabs.
    if not (tokens & TAB_TOKENS or any("tab" in t and "tabl" not in t for t in tokens)):
        return None
    for node in islice(element.iter("li", "button", "a"), settings.max_tabs):
        text = text_of(node)
        if text and len(text) <= settings.related_max_heading and RELATED_HEADING.match(text):
            return text if is_related_heading(text, settings) else None
    return None


def _is_inset(element: Element, link: Element, settings: Settings) -> bool:
    return (collapsed_length(element)
            <= collapsed_length(link) + settings.card_slack)




def _only_pair(first: Element, second: Element) -> bool:
    """The parent holds nothing but the heading's wrapper and the list after it."""
    parent = first.getparent()
    return parent is not None and parent.tag not in ("body", "html") and sum(
        1 for child in parent if isinstance(child.tag, str)) == 2


def _run_of_items(first: Element, second: Element) -> bool:
    """The parent holds nothing but the heading's wrapper and items alike after it (a
    story's card each, "<div><div>Most read</div><article/><article/>…</div>"): the list
    is the parent, not its first card."""
    parent = first.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return False
    items = [child for child in parent if isinstance(child.tag, str) and child is not first]
    return len(items) >= 2 and all(item.tag == second.tag for item in items)


def _first_heading(element: Element) -> Element | None:
    for node in element.iter(*HEADING_TAGS):
        return node
    return None


def _list_or_card(element: Element, known: dict[Element, bool], settings: Settings) -> bool:
    """Beside a heading alone in its wrapper: a list of two stories or more, or one
    story's card (its link and a date, say, or its headline and a teaser)."""
    links, more = _headlines_read(element, known, settings)
    # (One story's links all go to it: its picture's and its headline's.)
    return more or (bool(links) and (_is_inset(element, links[0], settings)
                                     or any(is_teaser_card(element, link, settings)
                                            for link in links)))


def _headlines_read(element: Element, known: dict[Element, bool], settings: Settings,
                    own: set[Element] | None = None, read: list[int] | None = None
                    ) -> tuple[list[Element], bool]:
    """The element's headline links (not those of `own`), read until one goes to a second
    address, and whether one did: then the list ends with it. What the climbs and the
    named blocks ask of a wrapper, which may hold much of the page (and the wrappers of
    a heading are each read again at the level above). `read`, when given, counts the
    links read."""
    links: list[Element] = []
    href: str | None = None
    for a in element.iter("a"):
        if read is not None:
            read[0] += 1
        if (own is not None and a in own) or not known_headline(a, known, settings):
            continue
        if not links:
            href = a.get("href")
        elif a.get("href") != href:
            links.append(a)
            return links, True
        links.append(a)
    return links, False


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
    if line is None or line.tag in LIST_TAGS - {"div"} or has_links(line):
        return
    text = text_of(line)
    if is_related_heading(text, settings):
        block.heading = line
        block.name = text.rstrip(":").strip() or block.name
