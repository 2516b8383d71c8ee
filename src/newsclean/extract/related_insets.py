"""Related stories set inside the story: a card link (an <a> holding a titled block) alone
between paragraphs or in a group of two or three, and a box whose picture and button link
one story under a plain title. related.find_blocks finds them in its walk's gatherings."""

from __future__ import annotations

from lxml import etree

from .metadata import split_url
from .patterns import CARD_BLOCK_TAGS, HEADING_TAGS
from .related_groups import story_card
from .related_items import (
    holds_headline_link,
    is_story_path,
    text_of,
    usable_href,
)
from .related_names import names_a_title
from .settings import Settings
from .text import (
    class_tokens,
    collapsed_length,
    element_sibling,
    has_descendant,
    in_deep_tree,
    link_density,
)

__all__ = ["card_links", "has_links", "picture_insets"]

Element = etree._Element


CARD_TOP_TAGS = frozenset({"body", "html", "article", "main"})
"""Where the climb from a card link to its wrapper stops."""


def card_links(anchors: list[Element], blocks: list[Element], known: dict[Element, bool],
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
                and not has_links(sibling)):
            return True  # "Learn more about APIs:" introduces the card
    return False


def _is_card_link(a: Element, known: dict[Element, bool], settings: Settings) -> bool:
    """A link holding a block (card_links saw it) whose text is a headline and a title."""
    # Most links holding blocks (a <span> for the icon and one for the text) are no
    # headline: that test rejects more of them than the title's, and the blocks' other
    # searches ask it of the same links (`known`), while the title's reads the class of
    # every element below the link.
    if (not holds_headline_link(a, known, settings)
            or collapsed_length(a) > settings.max_inset_text):
        return False
    if "author" in (a.get("rel") or "").lower():
        return False  # the writer's card (name, job, picture) beside the bio
    return any(node.tag in HEADING_TAGS or (isinstance(node.tag, str)
               and names_a_title(class_tokens(node))) for node in a.iter())


INSET_LEVELS = 3


def picture_insets(titles: list[Element], blocks: list[Element], known: dict[Element, bool],
                    host: str | None, settings: Settings) -> list[Element]:
    """One story's box between paragraphs whose title is no link: its picture and its
    button link the story ("<div><a><img></a></div><div><h5>8 wines to know</h5><p>…
    </p><a>See the list</a></div>"). `blocks`: the body's paragraphs (other elements may
    come along)."""
    out: list[Element] = []
    # The parents of paragraphs: the box's parent must be one (_among_paragraphs), which
    # rules out most titles before the boxes above them are measured.
    holders = {block.getparent() for block in blocks if block.tag == "p"}
    deep = in_deep_tree()
    for heading in titles:  # the body's h2 to h6, in document order
        # A title longer than a box may be has no box (each box above holds its text): seen
        # from its remembered length before its words are read, as a heading left open
        # holds the rest of the page (on a deep tree, before its links are looked for).
        if deep and collapsed_length(heading) > settings.max_inset_text:
            continue
        if (has_links(heading) or collapsed_length(heading) > settings.max_inset_text
                or len(text_of(heading).split()) < settings.min_card_title_words
                or not _below_holder(heading, holders)):
            continue
        # The largest box above the title whose links all go to one address.
        node, box = heading, None
        for _ in range(INSET_LEVELS):
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html", "article", "main"):
                break
            # (Its length first: it is remembered, where its links are read, and a wrapper
            # left open holds the rest of the page, a link repeated in it maybe.)
            if collapsed_length(parent) > settings.max_inset_text:
                break
            hrefs = _first_hrefs(parent, 2)
            if len(hrefs) > 1:
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


def has_links(element: Element) -> bool:
    """Whether the element holds a link."""
    return next(element.iter("a"), None) is not None
