"""Finding related-headline blocks: by their heading ("Latest Headlines", "Most read", ...), by
the class tokens of their container, or as cards and story lists. Reading their items is
related_items.py's work."""

from __future__ import annotations

from itertools import islice

from lxml import etree

from .patterns import (
    CARD_BLOCK_TAGS,
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
    in_menu,
    is_card,
    lists_stories,
    menu_named,
    named_menu,
    section_groups,
    story_card,
    toggle_label,
)
from .related_items import (
    PICTURE_INSET,
    Block,
    ends_in_stories,
    headline_links,
    is_related_heading,
    is_story_path,
    known_headline,
    related_heading_kind,
    remembered_texts,
    short_text_of,
    split_url,
    text_of,
    usable_href,
)
from .related_names import (
    CLASS_TITLED_TAGS,
    HINTED,
    TABBED,
    TEXT_TITLED_TAGS,
    TITLED,
    container_kind,
    named_by_text,
    names_a_title,
    title_word,
)
from .settings import DEFAULT_SETTINGS, Settings
from .text import (
    class_tokens,
    collapsed_length,
    element_sibling,
    has_descendant,
    link_density,
    within,
)

__all__ = ["find_blocks"]

Element = etree._Element
# Caps against hostile pages, not tuning (the thresholds are in Settings).
MAX_BLOCKS = 40
CARD_WALK_TAGS = CARD_LIST_TAGS | {"p"}
"""What card_lists walks through: paragraphs and the containers cards sit in."""
INSET_TITLE_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
"""Headings that may title a picture inset."""


def find_blocks(body: Element, page_url: str | None = None,
                settings: Settings = DEFAULT_SETTINGS,
                links: list[Element] | None = None, *, dated: bool = False,
                story: bool = False) -> list[Block]:
    """The page's related blocks in document order. `links`, when given, receives the
    page's links in document order (next_previous reads them again). `dated`: the page's
    metadata gives it a publication date, as a story's and seldom a section front's.
    `story`: the page says it is a story's (dated, or typed an article by its metadata)."""
    with remembered_texts():
        return _find_blocks(body, page_url, settings, links, dated, story or dated)


def _find_blocks(body: Element, page_url: str | None, settings: Settings,
                 links: list[Element] | None, dated: bool = False,
                 story: bool = False) -> list[Block]:
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
    longest = max(settings.related_max_heading, settings.related_max_named_heading)
    # Each walk over the tree costs about as much whatever it looks for: this one also
    # gathers what the searches below go through, in document order.
    anchors: list[Element] = [] if links is None else links
    card_walk: list[Element] = []
    titles: list[Element] = []
    paragraphs: list[Element] = []  # <p> and <blockquote>: what a card or inset stands beside
    for heading in body.iter(*HEADING_TAGS, "header", *NAMED_HEADING_TAGS, *LIST_TAGS, "a",
                             "blockquote"):
        tag = heading.tag
        if tag == "a":
            anchors.append(heading)
            continue
        # The tags' lists are apart: one test of each, the commonest (div) first.
        if tag in CARD_WALK_TAGS:
            card_walk.append(heading)
            if tag == "p":
                paragraphs.append(heading)
        elif tag in INSET_TITLE_TAGS:
            titles.append(heading)
        elif tag == "blockquote":
            paragraphs.append(heading)  # a paragraph a card link may stand beside
            raw = heading.get("class")
            if raw is not None and POST_EMBED_CLASS in raw:
                hinted.append(heading)  # another post embedded: weighed as an inset
            continue
        elif tag == "ul" or tag == "ol":
            link_lists.append(heading)
        if tag not in HEADING_TAGS and tag != "header":
            raw = heading.get("class")
            kind = 0
            if tag not in CLASS_TITLED_TAGS or title_word(raw):
                # (otherwise: what container_kind would find, without reading the id)
                ident = heading.get("id")
                # Neither class nor id: nothing names it a list or a heading.
                if raw is not None or ident is not None:
                    key = (tag, raw, ident)
                    known_kind = kinds.get(key)
                    if known_kind is None:
                        known_kind = kinds[key] = container_kind(heading, tag, raw, ident)
                    kind = known_kind
                    if kind & HINTED:
                        hinted.append(heading)
                    elif kind & TABBED:
                        tabbed.append(heading)
            # A bare label names a list only on a story's page: a front page's "Latest
            # articles" label heads the page's own list (named_by_text: a bare text alone,
            # so most divs, wrappers, are passed by without the call).
            if not kind & TITLED and not (story and tag in TEXT_TITLED_TAGS and not len(heading)
                                           and named_by_text(heading, settings)):
                continue
        text = short_text_of(heading, longest)
        if text is None:
            continue  # too long for any heading is_related_heading or section_groups take
        # "Local News", "Noticias": a name a menu's column may bear as well, so its list
        # must read as one of stories; so must one named for topics or resources.
        weak = others = False
        named = related_heading_kind(text, settings)
        if named != "stories":
            others = named == "others"
            weak = (tag != "h1" and len(text) <= settings.related_max_heading
                    and (others or ends_in_stories(text)))
            if not weak:
                if tag in SECTION_HEADING_TAGS and len(text) <= settings.related_max_heading:
                    plain.append(heading)
                continue
        container = _block_for_heading(heading, known, settings)
        if (container is not None and container not in candidates
                and not in_menu(container, known, settings, named=not weak)
                and not menu_named(heading, container)
                and not (weak and not (lists_stories(container, known, page_host, settings)
                                       and _list_like(container, settings)))
                and not (others and not _stories_follow(heading, container, known, settings))):
            candidates[container] = Block(container, text, heading, "engine:heading",
                                          headlines=known)
    for element in hinted:
        if element in candidates:
            continue
        tokens = class_tokens(element)
        if not tokens & RELATED_TOKENS or tokens & MENU_CLASS_TOKENS or in_menu(element, known, settings):
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
            name = text_of(first) if first is not None else ""
            candidates[element] = Block(element, name or "Related", first, "engine:class",
                                        headlines=known)
    for column, heading, name in section_groups(plain, known, page_host, body, settings):
        # A list found by its own signs inside the column is read as that list.
        if column not in candidates and not any(within(other, column) for other in candidates):
            candidates[column] = Block(column, name, heading, "engine:section", headlines=known)
    for card in _picture_insets(titles, paragraphs, known, page_host, settings):
        if card not in candidates and not in_menu(card, known, settings):
            candidates[card] = Block(card, "Related", None, PICTURE_INSET, headlines=known)
    for card in _card_links(anchors, paragraphs, known, settings, groups=story):
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
    # Teasers are short; a long plain paragraph is story text, so this is no list.
    for paragraph in element.iter("p"):
        text = text_of(paragraph)
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
                return (node.getparent() if _only_pair(node, sibling) or _run_of_items(node, sibling)
                        else sibling)
        if len(hrefs) >= 2:
            # The heading opens its block; text well before it belongs to something else.
            text = text_of(node)
            heading_text = text_of(heading)
            if text.find(heading_text) > settings.max_text_before_heading:
                return _list_after(heading, known, settings)
            return node
        node = node.getparent()
        level += 1
    return _list_after(heading, known, settings)


CARD_TOP_TAGS = frozenset({"body", "html", "article", "main"})
"""Where the climb from a card link to its wrapper stops."""


def _card_links(anchors: list[Element], blocks: list[Element], known: dict[Element, bool],
                settings: Settings, *, groups: bool = True) -> list[Element]:
    """Links set as a card of their own: an <a> holding block elements with a title
    ("<a class='wp-embed'><div class='wp-embed-title'>…</div><p>excerpt</p></a>"),
    alone in its wrapper, or with one or two other cards in a small group. Embedded posts
    and "read also" cards between paragraphs are made so. `blocks`: the body's paragraphs
    and quotes (other elements may come along). `groups`: the page is a story's, where
    such groups link other stories (elsewhere they may be a page's feature cards)."""
    out: list[Element] = []
    beside = _beside_paragraphs(blocks)
    near: dict[Element, bool] = {}
    seen: dict[Element, Element | None] = {}
    for a in anchors:
        # Most links hold text alone; most others hold no block, or stand nowhere beside a
        # paragraph, nor does any wrapper of theirs: all cheaper to see than the link's
        # own tests.
        if not len(a):
            continue
        # The children read in a loop: iterchildren(*tags) builds a tag matcher per call,
        # costlier than reading the one or two children most links hold.
        for child in a:
            if child.tag in CARD_BLOCK_TAGS:
                break
        else:
            continue
        if not _near(a, beside, near) or not _is_card_link(a, known, settings):
            continue
        text = collapsed_length(a)
        node = a
        parent = node.getparent()
        while (parent is not None and parent.tag not in CARD_TOP_TAGS
               and collapsed_length(parent) <= text + settings.card_slack):
            node, parent = parent, parent.getparent()
        if (parent is not None and parent.tag == "article"
                and collapsed_length(parent) <= text + settings.card_slack):
            node, parent = parent, parent.getparent()  # each card an <article> of its own
        if _between_paragraphs(node, settings):
            out.append(node)
        elif groups and parent is not None and parent.tag not in CARD_TOP_TAGS:
            # The climb stopped at the card's siblings: a group of a few cards.
            if parent not in seen:
                seen[parent] = _card_group(parent, node.tag, known, settings)
            group = seen[parent]
            if group is not None:
                out.append(group)
                seen[parent] = None  # taken once
    return out


def _card_group(group: Element, tag: str, known: dict[Element, bool], settings: Settings
                ) -> Element | None:
    """The group, with the wrappers around it that hold nothing else, when it is a few
    like cards each linking one story and it stands between paragraphs
    ("<div><article>card</article><article>card</article></div>" among the <p>s)."""
    children = [child for child in group if isinstance(child.tag, str)]
    if not 2 <= len(children) <= settings.max_group_cards or any(
            child.tag != tag for child in children):
        return None
    length = collapsed_length(group)
    if length > settings.max_group_cards * settings.max_inset_text:
        return None
    hrefs: set[str] = set()
    for child in children:
        links = story_card(child, known, settings)
        if links is None:
            return None
        # Any host: set among the paragraphs, the cards may link a sister site's stories
        # (bbc.com's to bbc.co.uk), as a lone card link may; a story's address, or a
        # title set in the link, as a card link's is ("cde51y0zgjyo" is no slug).
        href = links[0].get("href") or ""
        if not (is_story_path(split_url(href).path) or _is_card_link(links[0], known, settings)):
            return None
        hrefs.add(href)
    if len(hrefs) < len(children):
        return None
    top = group
    parent = top.getparent()
    while (parent is not None and parent.tag not in CARD_TOP_TAGS
           and collapsed_length(parent) <= length + settings.card_slack):
        top, parent = parent, parent.getparent()
    return top if _between_paragraphs(top, settings) else None


WRAPPER_LEVELS = 3
"""How many wrappers holding nothing else a paragraph may sit in ("<div><div><p>")."""


def _beside_paragraphs(blocks: list[Element]) -> set[Element]:
    """The elements right before or after a paragraph or a quote, or a wrapper of it
    holding nothing else, among its siblings: the only ones _between_paragraphs may take."""
    out: set[Element] = set()
    for block in blocks:
        if block.tag in ("p", "blockquote"):
            node: Element | None = block
            for _ in range(WRAPPER_LEVELS + 1):
                if node is None:
                    break
                before = element_sibling(node, before=True)
                after = element_sibling(node, before=False)
                if before is not None:
                    out.add(before)
                if after is not None:
                    out.add(after)
                if before is not None or after is not None:
                    break
                node = node.getparent()
    return out


NEAR_TOP_TAGS = CARD_TOP_TAGS - {"article"}


def _near(a: Element, beside: set[Element], known: dict[Element, bool]) -> bool:
    """The link, or a wrapper of it below NEAR_TOP_TAGS, stands beside a paragraph.
    `known` holds the answer for the wrappers climbed through: links share them, and
    the climb from each link to the top cost the page's depth per link."""
    climbed: list[Element] = []
    node: Element | None = a
    answer = False
    # Through an <article>: each card of a group may be one.
    while node is not None and node.tag not in NEAR_TOP_TAGS:
        if node in beside:
            answer = True
            break
        seen = known.get(node)
        if seen is not None:
            answer = seen
            break
        climbed.append(node)
        node = node.getparent()
    for node in climbed:
        known[node] = answer
    return answer


def _paragraph_in(element: Element) -> Element | None:
    """The paragraph or quote the element is, or wraps holding nothing else."""
    node = element
    for _ in range(WRAPPER_LEVELS + 1):
        if node.tag in ("p", "blockquote"):
            return node
        if node.tag != "div" or (node.text or "").strip():
            return None
        inner = None
        for child in node:
            if isinstance(child.tag, str):
                if inner is not None:
                    return None
                inner = child
        if inner is None:
            return None
        node = inner
    return None


def _between_paragraphs(node: Element, settings: Settings) -> bool:
    """Next to a paragraph of the story: an inset, not one card of a grid."""
    for sibling in (element_sibling(node, before=True), element_sibling(node, before=False)):
        if sibling is None:
            continue
        # A paragraph in wrappers of its own stands beside a card in a wrapper of its own;
        # a bare link beside one is a card's title over its teaser ("<a><h3>…</h3></a>
        # <div><p>teaser</p></div>").
        paragraph = sibling if sibling.tag in ("p", "blockquote") else (
            _paragraph_in(sibling) if node.tag != "a" else None)
        if paragraph is None:
            continue
        text = text_of(paragraph)
        if (len(text) >= settings.inset_min_paragraph
                and link_density(paragraph, len(text)) < settings.story_paragraph_link_density):
            return True
        if (sibling is paragraph and sibling is node.getprevious() and text
                and not _has_links(sibling)):
            return True  # "Learn more about APIs:" introduces the card
    return False


def _is_card_link(a: Element, known: dict[Element, bool], settings: Settings) -> bool:
    """A link holding a block (_card_links saw it) whose text is a headline and a title."""
    # Most links holding blocks (a <span> for the icon and one for the text) are no
    # headline: that test rejects more of them than the title's, and the blocks' other
    # searches ask it of the same links (`known`), while the title's reads the class of
    # every element below the link.
    if not headline_links(a, known, settings) or collapsed_length(a) > settings.max_inset_text:
        return False
    if "author" in (a.get("rel") or "").lower():
        return False  # the writer's card (name, job, picture) beside the bio
    return any(node.tag in HEADING_TAGS or (isinstance(node.tag, str)
               and names_a_title(class_tokens(node))) for node in a.iter())


def _is_story_list(element: Element, known: dict[Element, bool], host: str | None,
                   settings: Settings) -> bool:
    """An unheaded list whose every item is one long headline linking to a story of the
    same site ("/2025/11/council-passes-budget"): a story list, whatever its name."""
    items = list(element.iterchildren("li"))
    if len(items) < settings.min_list_stories:
        return False
    # The items first: most lists fail at their first, sooner than the menu tests tell.
    for item in items:
        links = list(item.iter("a"))  # an <li> is no link: its links are all below it
        if len(links) != 1:
            return False
        # The title's words before the headline test, which costs more: a menu's short
        # labels fail at the words.
        title = text_of(links[0])
        if (len(title.split()) < settings.min_list_title_words
                or not known_headline(links[0], known, settings)
                or collapsed_length(item) > len(title) + settings.card_slack):
            return False
        parts = split_url(links[0].get("href", ""))
        if parts.hostname and host and parts.hostname != host:
            return False
        if not is_story_path(parts.path):
            return False
    return not (in_menu(element, known, settings) or named_menu(element))


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


def _has_links(element: Element) -> bool:
    return next(element.iter("a"), None) is not None


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
    text = text_of(line)
    if is_related_heading(text, settings):
        block.heading = line
        block.name = text.rstrip(":").strip() or block.name


INSET_LEVELS = 3


def _picture_insets(titles: list[Element], blocks: list[Element], known: dict[Element, bool],
                    host: str | None, settings: Settings) -> list[Element]:
    """One story's box between paragraphs whose title is no link: its picture and its
    button link the story ("<div><a><img></a></div><div><h5>8 wines to know</h5><p>…
    </p><a>See the list</a></div>"). `blocks`: the body's paragraphs (other elements may
    come along)."""
    out: list[Element] = []
    # The parents of paragraphs: the box's parent must be one (_among_paragraphs), which
    # rules out most titles before the boxes above them are measured.
    holders = {block.getparent() for block in blocks if block.tag == "p"}
    for heading in titles:  # the body's h2 to h6, in document order
        if (_has_links(heading) or len(text_of(heading).split()) < settings.min_card_title_words
                or not _below_holder(heading, holders)):
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
        if (not any(has_descendant(a, "img") for a in node.iter("a"))
                or collapsed_length(node) > settings.max_inset_text):
            continue
        if _among_paragraphs(node, settings):
            out.append(node)
    return out


def _below_holder(heading: Element, holders: set[Element | None]) -> bool:
    """One of the parents a box above the title may have (INSET_LEVELS up from its
    parent) is among `holders`."""
    node = heading.getparent()
    for _ in range(INSET_LEVELS):
        if node is None:
            return False
        node = node.getparent()
        if node in holders:
            return True
    return False


def _among_paragraphs(node: Element, settings: Settings) -> bool:
    """Set among a story's paragraphs (rules or pictures may stand between)."""
    parent = node.getparent()
    if parent is None:
        return False
    for child in parent:
        if child.tag != "p":
            continue
        text = text_of(child)
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
