"""Reading related-link blocks: their items (headline, section, age, teaser) and ages;
the texts and addresses the block searches ask for again and again, remembered."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from itertools import islice

from lxml import etree

from ..model import RelatedLink
from .guards import MAX_AGE_DIGITS
from .metadata import (
    absolute,
    date_in_text,
    is_when,
    looks_like_name,
    parse_date,
    reads_as_date,
    signed_date,
    split_authors,
    split_url,
)
from .patterns import (
    AGE,
    BLOCK_TAGS,
    BYLINE_PREFIX,
    BYLINE_TOKENS,
    CALL_TO_ACTION,
    CALL_TO_ACTION_OPENING,
    CAMEL_TITLE,
    HEADING_TAGS,
    HIDDEN_LABEL_TOKENS,
    HOME_HREF,
    INLINE_RELATED,
    LIVE_BADGES,
    META_SEPARATOR,
    NOT_A_HEADLINE,
    PAGER_ARROWS,
    PAGER_QUOTES,
    PRICE,
    READING_TIME,
    SECTION_TOKENS,
    SHARE_ACTION,
    STORY_PATH,
    STORY_SLUG,
    TAXONOMY_PATH,
    TEASER_TOKENS,
    TITLE_TOKENS,
    WORK_BY_PREFIX,
)
from .related_names import is_related_heading
from .settings import DEFAULT_SETTINGS, Settings
from .text import (
    ancestors_below,
    class_tokens,
    collapse,
    has_descendant,
    in_deep_tree,
    raw_text,
    short_text,
    visible_text,
    walk_blocks,
    within,
)

__all__ = ["EDGE_SPACES", "Block", "age_delta", "find_title_element", "headline_links", "holds_h1",
           "holds_headline_link", "in_link", "is_headline", "is_home", "is_list_address",
           "is_story_path", "known_headline", "page_address", "published_from_age", "read_item", "read_items",
           "read_meta_line", "remembered_texts", "short_text_of", "text_of", "title_text", "unmarked",
           "usable_href",
           "without_label"]

Element = etree._Element
MAX_ITEMS = 100
RELAXED_SIGNALS = frozenset({"engine:heading", "engine:class"})
"""Blocks named as related lists, whose short titles may be items too."""
META_INLINE_TAGS = frozenset({"span", "time", "small", "em"})
"""Inline elements of an item that may hold its meta line ("2 hours ago") on their own."""


@dataclass(slots=True)
class Block:
    element: Element
    name: str
    heading: Element | None
    signal: str
    items: list[tuple[Element, RelatedLink]] = field(default_factory=list)
    headlines: dict[Element, bool] = field(default_factory=dict)
    """Which links are headlines, shared by the blocks of one page: blocks nest, and an
    item's ancestors are asked again for each link they hold."""


@dataclass(slots=True)
class _Memo:
    texts: dict[Element, str] = field(default_factory=dict)
    h1_held: dict[Element, bool] = field(default_factory=dict)


_memo: ContextVar[_Memo | None] = ContextVar("related_texts", default=None)


@contextmanager
def remembered_texts() -> Iterator[None]:
    """Within: text_of, short_text_of and holds_h1 remember their answers per
    element. Only while the tree is not changed: finding and reading the blocks ask for
    the same links' and containers' texts again and again."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set(_Memo())
    try:
        yield
    finally:
        _memo.reset(token)


MEMO_TEXT_CHARS = 512
"""Longer texts are not remembered: the texts asked for again are links' and headings',
and nested wrappers each holding a hostile page's megabytes would add up."""


def holds_h1(element: Element) -> bool:
    """Whether the element holds an <h1>, remembered within remembered_texts: the lists of
    a page share their wrappers, which may each hold the rest of the page."""
    memo = _memo.get()
    if memo is None:
        return has_descendant(element, "h1")
    held = memo.h1_held.get(element)
    if held is None:
        held = memo.h1_held[element] = has_descendant(element, "h1")
    return held


def text_of(element: Element) -> str:
    """collapse(raw_text(element)), remembered within remembered_texts."""
    memo = _memo.get()
    if memo is None:
        return collapse(raw_text(element))
    text = memo.texts.get(element)
    if text is None:
        text = collapse(raw_text(element))
        if len(text) <= MEMO_TEXT_CHARS:
            memo.texts[element] = text
    return text


HEAD_FACTOR = 4
"""How much raw text, per collapsed character allowed, short_text_of collapses first."""


def short_text_of(element: Element, most: int) -> str | None:
    """text_of(element), or None when that is longer than `most`. A long text's head
    tells: collapsed, a prefix of a text is a prefix of the collapsed text. Site headers
    and titled wrappers may hold pages of text, costly to collapse whole."""
    memo = _memo.get()
    if memo is not None:
        text = memo.texts.get(element)
        if text is not None:
            return text if len(text) <= most else None
    if in_deep_tree():
        # Nested wrappers each holding the rest of the page: measured, not read whole.
        text = short_text(element, most)
        if memo is not None and text is not None and len(text) <= MEMO_TEXT_CHARS:
            memo.texts[element] = text
        return text
    raw = raw_text(element)
    head = most * HEAD_FACTOR
    if len(raw) > head and len(collapse(raw[:head])) > most:
        return None
    text = collapse(raw)
    if memo is not None and len(text) <= MEMO_TEXT_CHARS:
        memo.texts[element] = text
    return text


def usable_href(href: str | None, page_url: str | None) -> bool:
    if not href:
        return False
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return False
    if is_home(href):
        return False  # the site's front page: a logo or a section label, never a story
    return not (page_url and href == page_url)


def is_home(href: str) -> bool:
    """HOME_HREF.match(href) is not None: spelt out for an ASCII address on one line,
    several times faster than the case-blind regex, asked of every link."""
    if not href.isascii() or "\n" in href:
        return HOME_HREF.match(href) is not None
    end = len(href)
    for mark in "?#":  # the query or fragment, which may hold anything
        at = href.find(mark, 0, end)
        if at >= 0:
            end = at
    rest = href[:end]
    scheme = rest[:6].lower()
    if scheme.startswith("https:"):
        rest = rest[6:]
    elif scheme.startswith("http:"):
        rest = rest[5:]
    if not rest.startswith("//"):
        return rest in ("", "/")
    # A host, at most a slash after it.
    slash = rest.find("/", 2)
    return len(rest) > 2 if slash < 0 else 2 < slash == len(rest) - 1


def headline_links(element: Element, known: dict[Element, bool] | None = None,
                   settings: Settings = DEFAULT_SETTINGS) -> list[Element]:
    """The links below the element whose text reads as a headline. `known` remembers
    the answer per link while the tree is not changed."""
    if known is None:
        known = {}
    return [a for a in element.iter("a") if known_headline(a, known, settings)]


def holds_headline_link(element: Element, known: dict[Element, bool],
                        settings: Settings) -> bool:
    """Whether a link below the element (or the element itself) reads as a headline:
    headline_links, stopped at the first."""
    return any(known_headline(a, known, settings) for a in element.iter("a"))


def known_headline(a: Element, known: dict[Element, bool], settings: Settings) -> bool:
    """is_headline, remembered in `known` (while the tree is not changed)."""
    headline = known.get(a)
    if headline is None:
        headline = known[a] = is_headline(a, settings)
    return headline


def is_headline(a: Element, settings: Settings) -> bool:
    # The text before the address: most links (a menu's, a tag's) are too short for a
    # headline, which is cheaper to see than whether their address is a usable one.
    # A link holding another (a page's unclosed links nest the rest of the page in each,
    # thousands of times) is told by its opening where that has a headline's length and
    # words: reading each whole cost the square of the page's size.
    if has_descendant(a, "a") and _opening(a, settings):
        return usable_href(a.get("href"), None)
    text = text_of(a) or collapse(_img_alt(a))
    # Collapsed, the text's words are parted by single spaces: counting them spares
    # the split, asked of every link.
    if len(text) >= settings.related_min_headline and text.count(" ") >= 2:
        return usable_href(a.get("href"), None)
    # A card's button ("Read more"), or its link without text (a picture without alt
    # text, an empty link stretched over the card): the card's unlinked heading titles it.
    return ((not text or CALL_TO_ACTION.match(text) is not None)
            and usable_href(a.get("href"), None) and _titled_card(a, settings))


OPENING_LIMIT = 4096
"""Characters of a link's text _opening reads at most (indentation included)."""


def _opening(a: Element, settings: Settings) -> bool:
    """Whether the link's text, read no further than OPENING_LIMIT characters, is of a
    headline's length with three words or more: then so is its whole text (collapsed, a
    text's opening is the opening of the collapsed text)."""
    least = settings.related_min_headline
    pieces: list[str] = []
    read = 0
    enough = least * HEAD_FACTOR
    for piece in a.itertext():
        pieces.append(str(piece))
        read += len(piece)
        if read >= enough:
            head = collapse("".join(pieces))
            if len(head) >= least and head.count(" ") >= 2:
                return True
            if read > OPENING_LIMIT:
                return False
            enough = 2 * read  # mostly indentation so far: read as much again
    return False


CARD_TITLE_LEVELS = 3
"""How far above a card's "Learn more" link its title heading may sit."""


def _titled_card(a: Element, settings: Settings) -> bool:
    """The link closes a card titled by an unlinked heading of headline length (no link
    inside it nor around it: a card whose title is a link of its own is read from that)."""
    node = a.getparent()
    for _ in range(CARD_TITLE_LEVELS):
        if node is None:
            return False
        for heading in node.iter(*HEADING_TAGS):
            title = text_of(heading)
            # The block's own heading ("Recent posts") above a link to the list's page
            # titles no card.
            return (not has_descendant(heading, "a") and not in_link(heading, node)
                    and len(title.split()) >= 3
                    and len(title) >= settings.related_min_headline
                    and not is_related_heading(title, settings))
        node = node.getparent()
    return False


def in_link(node: Element, block: Element) -> bool:
    """Whether a link inside the block holds the node (a card's title set in its link:
    "<a href><h4>Headline</h4></a>")."""
    return any(ancestor.tag == "a" for ancestor in ancestors_below(node, block))


def _img_alt(a: Element) -> str:
    for img in a.iter("img"):
        return img.get("alt") or ""
    return ""


def is_story_path(path: str) -> bool:
    """A story's address: a last segment holding a slug of three words or more, a long
    id, a dated path. The slug is looked for in the last segment alone: one pattern
    spanning the path backtracked for seconds over long ad-tracking addresses."""
    last = path[:-1] if path.endswith("/") else path
    slash = last.rfind("/")
    if STORY_SLUG.search(last, slash + 1):  # a relative address has no slash
        return True
    return STORY_PATH.search(path) is not None


def read_items(block: Block, base: str | None, reference: datetime | None,
               settings: Settings = DEFAULT_SETTINGS) -> None:
    seen: set[str] = set()
    pictured: dict[str, int] = {}  # items titled by a textless link's picture: their index
    ordered = headline_links(block.element, block.headlines, settings)
    headlines = set(ordered)
    # Under a heading that names a story list, a short title ("Corona & Asthma") to a
    # story's address is an item too.
    relaxed = block.signal in RELAXED_SIGNALS and len(headlines) >= 2

    @cache
    def shapes() -> frozenset[Shape]:
        """Where the headlines sit: worked out when a short title first asks (most blocks
        never do: their links are headlines, or fail _short_story_link's cheaper tests)."""
        return frozenset(_shape(a, block.element, base) for a in ordered)

    for a in block.element.iter("a") if relaxed else ordered:
        if a not in headlines and not _short_story_link(a, block, shapes, base, settings):
            continue
        if block.heading is not None and within(a, block.heading):
            continue
        href = a.get("href", "")
        url = absolute(href, base)
        if url in seen:
            # A card's picture link first, read by its picture's text, and its titled
            # link further on: the item is read again from the titled one (unless its
            # text holds the picture's, a label added: "Article 'Title'").
            index = pictured.pop(url, None)
            if index is not None and text_of(a):
                item = _item_of(a, block.element, block.headlines, settings)
                link = read_item(item, a, url, block.name, reference, settings)
                if (_is_story_link(link, block.name, settings)
                        and block.items[index][1].title not in link.title):
                    block.items[index] = (item, link)
            continue
        if base and _into_this_page(url, base):
            continue  # a contents list points into the page itself, not to other stories
        seen.add(url)
        item = _item_of(a, block.element, block.headlines, settings)
        link = read_item(item, a, url, block.name, reference, settings)
        if not _is_story_link(link, block.name, settings):
            continue
        if not text_of(a) and link.title == collapse(_img_alt(a)):
            pictured[url] = len(block.items)  # (titled by its picture: no heading beside)
        block.items.append((item, link))
        if len(block.items) >= MAX_ITEMS:
            break
    if not block.items and block.signal == PICTURE_INSET:
        _read_picture_inset(block, base, reference)
    # Prices counted over the whole block: a product's price may sit beside its title,
    # outside the item read for it (a "wishlist" link splits the product's box).
    priced = sum(1 for _ in islice(PRICE.finditer(raw_text(block.element)), len(block.items) + 1))
    if block.items and priced > settings.max_priced_share * len(block.items):
        block.items.clear()  # a shop's product list


def _into_this_page(url: str, base: str) -> bool:
    """`url` is a place (#fragment) in the page at `base`: a contents entry. A plain link
    to the page itself stays, as a list of latest stories may hold it. The query is left
    out: the page may have been fetched with a tracking one ("?srsltid=…") its own
    contents links lack."""
    address, mark, _ = url.partition("#")
    if not mark:
        return False
    return page_address(address) == page_address(base.partition("#")[0])


def page_address(url: str) -> str:
    """The address without its query and trailing slash."""
    return url.partition("?")[0].rstrip("/")


Shape = tuple[tuple[str, ...], str | None, str]
"""Where a link sits in its block (the tags from the block down to it), with the host
and folder of its address ("/en/recipes")."""


def _shape(a: Element, block: Element, base: str | None) -> Shape:
    tags: list[str] = []
    node: Element | None = a
    while node is not None and node is not block:
        tags.append(str(node.tag))
        node = node.getparent()
    address = absolute(a.get("href", ""), base)
    return (tuple(tags), split_url(address).hostname, _folder(address))


def _short_story_link(a: Element, block: Block, shapes: Callable[[], frozenset[Shape]],
                      base: str | None, settings: Settings) -> bool:
    """Under a related heading, a short title is an item when it links a story's
    address ("Corona & Asthma"), or when it sits where the headline links sit and its
    address in their folder ("Yogurt Chicken" among the recipes)."""
    href = a.get("href")
    if not usable_href(href, None):
        return False
    text = text_of(a)
    if len(text) < settings.related_min_short_title:
        return False
    if any(within(a, item) for item, _ in block.items):
        return False
    if len(text.split()) >= 2 and is_story_path(split_url(href or "").path):
        return True
    shape = _shape(a, block.element, base)
    return bool(shape[2]) and shape in shapes()  # a site's top folder holds its sections too


def _folder(url: str) -> str:
    """The folder of the address, its numbers alike: a blog's stories sit in a folder
    per day ("/2023/10/29/"), one list's items in as many."""
    return _NUMBER.sub("0", split_url(url).path.rstrip("/").rpartition("/")[0])


_NUMBER = re.compile(r"\d+")


def is_list_address(url: str) -> bool:
    """The address leads to a tag, category, author, archive or comments page, not to a
    story (its path and fragment read as TAXONOMY_PATH names them)."""
    parts = split_url(url)
    return TAXONOMY_PATH.search(f"{parts.path}/#{parts.fragment}") is not None


def _is_story_link(link: RelatedLink, block_name: str, settings: Settings) -> bool:
    """Not a link to a list (tag, category, archive, "Back to blogs"), nor the block's
    own "more" link, nor a date (an archive's "November 2025"), nor a share button's
    ("?share=facebook" on a card of the list)."""
    title = link.title
    if not title or NOT_A_HEADLINE.match(title) or title.casefold() == block_name.casefold():
        return False
    if is_list_address(link.url) or SHARE_ACTION.search(split_url(link.url).query):
        return False
    return not (len(title) <= settings.max_date_title and reads_as_date(title))


def _item_of(a: Element, block: Element, known: dict[Element, bool],
             settings: Settings) -> Element:
    """The largest ancestor of the link below the block that holds no other headline."""
    href = a.get("href")
    node = a
    if a is block:
        return a
    while True:
        parent = node.getparent()
        if parent is None or parent is block:
            return node
        if _holds_other_headline(parent, href, known, settings):
            return node
        node = parent


def _holds_other_headline(element: Element, href: str | None, known: dict[Element, bool],
                          settings: Settings) -> bool:
    """A headline link below the element goes elsewhere than `href`: read until the first
    (a block's items are met one level up, and each item's climb would read them all)."""
    for a in element.iter("a"):
        if a.get("href") != href and known_headline(a, known, settings):
            return True
    return False


def read_item(item: Element, a: Element, url: str, block_name: str,
              reference: datetime | None, settings: Settings = DEFAULT_SETTINGS) -> RelatedLink:
    title_element = find_title_element(item, a, settings)
    if title_element is not a and within(title_element, a) and _titled_whole(a):
        title_element = a  # (its parts: "<span class='headline-intro'>Retail:</span>…")
    elif title_element is a:
        block = _title_block(a, settings)
        if block is None:
            block = _alt_named_part(a)
        if block is not None:
            title_element = block
    # A title heading only screen readers get leaves the link's own text to read.
    title = (collapse(title_text(title_element)) or collapse(visible_text(a))
             or collapse(_img_alt(a)))
    title = unmarked(without_label(title))
    if title.endswith(TRUNCATION_MARKS):
        title = _untruncated(title, a)
    section = age = teaser = None
    # Inline children (spans) carry meta lines too, and the first <time> its date: both
    # found by one pass over the item's few elements (a tag matcher built per call for
    # each search cost more).
    inline: list[Element] = []
    first_time: Element | None = None
    for node in item.iter():
        tag = node.tag
        if tag in META_INLINE_TAGS:
            inline.append(node)
            if first_time is None and tag == "time":
                first_time = node
    published = parse_date(first_time.get("datetime")) if first_time is not None else None
    texts: list[tuple[Element, str]] = []
    if len(item) == 1 and item[0] is title_element:
        # The item holds its title alone ("<li><a>…</a></li>"): what walk_blocks would
        # yield is the text around the title, read without the walk.
        around = (item.text or "") + (title_element.tail or "")
        if around and not around.isspace():
            texts.append((item, collapse(around)))
    else:
        for element, text in walk_blocks(item, lambda e: e is title_element):
            texts.append((element, text))
    # The inline children's texts split the block texts by their children.
    for element in inline:
        text = text_of(element)
        if text:
            texts.append((element, text))
    for element, text in texts:
        if text == title or text in title:
            continue
        if len(title) >= settings.related_min_headline:
            # The card read whole, or the link's words for screen readers: what stands
            # before or after the title ("Title Read Post 22 min read", "Read more about
            # Title") is read for itself. (A teaser naming it further in stays whole.)
            if text.startswith(title):
                text = text[len(title):].lstrip(META_SEPARATORS)
            elif text.endswith(title):
                text = text[:-len(title)].rstrip(META_SEPARATORS)
            if not text:
                continue
        tokens = class_tokens(element)
        meta = read_meta_line(text) if len(text) <= settings.max_item_meta_line else None
        if meta is not None:
            age = age or meta[0]
            section = section or meta[1]
            continue
        if len(text) <= settings.max_item_meta_line and any(ch.isdigit() for ch in text):
            # A date ending the line is the item's, not its section's: "Docker Captain
            # Dec 19, 2025" (a kicker's two spans read as one block), "Dec 17, 2025".
            bare, signed = signed_date(text)
            if signed is not None:
                published = published or date_in_text(bare[signed.start():])
                text = bare[:signed.start()].rstrip(META_SEPARATORS)
                if not text:
                    continue
        if tokens & SECTION_TOKENS and len(text) <= settings.max_item_section and section is None:
            section = text
            continue
        if element.tag == "time" or len(text) < settings.min_item_teaser:
            continue
        when = next(element.iter("time"), None)
        if when is not None and len(text) - len(text_of(when)) < settings.min_item_teaser:
            continue  # a date and labels: the item's meta line ("12/19/2025 • Wire • Jo Roe")
        better = teaser is None or (tokens & TEASER_TOKENS and len(text) > len(teaser))
        if (better and not _copy_of(text, title) and not CALL_TO_ACTION_OPENING.match(text)
                and "://" not in text):  # (a script's data: "https://…/a.jpg 1707 2560")
            teaser = text
    if age:
        published = published_from_age(age, reference) or published
    return RelatedLink(url=url, title=title, section=section, published=published, age=age,
                       teaser=teaser, block=block_name)


def _titled_whole(a: Element) -> bool:
    """The link's `title` attribute is its whole text: the site's own word that all of
    it is the headline, whatever parts its markup names."""
    given = a.get("title")
    if not given:
        return False
    return collapse(given) == collapse(visible_text(a))


MAX_DATE_PART = 40
"""Characters of a date or a reading time set inside a title's element ("14.10.2021 -
11:49")."""
MAX_BYLINE_PART = 80
"""...and of a byline ("Ein Interview von Martin Hesse")."""


def title_text(element: Element) -> str:
    """The title element's visible text less a date, a reading time or a byline set inside
    it in an element of its own ("<strong>Title<span class='news-time'>14.10.2021 - 11:49
    </span></strong>", "<span class='reading-time'><i></i>5 min read</span>", "<span>Eine
    Kolumne von Jo Roe</span>"): the card's meta line, not words of its headline. (A
    heading holding a date alone leaves read_item the link's own text.)"""
    if not len(element):
        return visible_text(element)  # (most: a link's or a heading's text alone)
    meta = [node for node in element.iterdescendants() if _meta_part(node)]
    return visible_text(element, meta)


def _meta_part(node: Element) -> bool:
    """A date, a reading time, a byline or a call to read on alone in an element holding
    at most an icon beside it (a <time>'s text is a date, whatever it reads)."""
    if len(node) > 1 or not isinstance(node.tag, str):
        return False
    text = node.text
    if len(node):
        icon = node[0]
        if icon.text or len(icon):
            return False  # (an element of text beside it, not an icon)
        text = f"{text or ''}{icon.tail or ''}"
    if not text or len(text) > MAX_BYLINE_PART:
        return node.tag == "time" and bool(text)
    if node.tag == "time":
        return True
    text = collapse(text)
    if CALL_TO_ACTION.match(text) or text.casefold() in LIVE_BADGES:
        return True  # the card's "Read more" or "Live" badge set inside its link
    if len(text) <= MAX_DATE_PART and any(c.isdigit() for c in text) and (
            is_when(text) or READING_TIME.fullmatch(text) is not None):
        return True
    return _names_writer(text)


def _names_writer(text: str) -> bool:
    """A byline ("Von Ines Zöttl, Washington", "Eine Kolumne von Henrik Müller"): its
    label, then names."""
    if BYLINE_PREFIX.match(text) is None and WORK_BY_PREFIX.match(text) is None:
        return False
    names = split_authors(text)
    return bool(names) and all(looks_like_name(name) for name in names)


META_SEPARATORS = " :|·•–—-"
"""What sets a card's title apart from what stands beside it on one line."""


def _copy_of(text: str, title: str) -> bool:
    """The text is the title's opening, perhaps cut short ("Drei Sternzeichen können
    besonders schwer Nein sag..."): a copy of it, no teaser."""
    return title.startswith(_uncut(text) if text.endswith(TRUNCATION_MARKS) else text)


def without_label(title: str) -> str:
    """The title without a "Read more:" label set inside the link before it ("<a>READ
    MORE: Title</a>"); a label alone stays what it is."""
    label = INLINE_RELATED.match(title)
    return title[label.end():] if label and label.end() < len(title) else title


def unmarked(text: str) -> str:
    """The headline without the arrows and quote marks a link sets beside it ("« Title",
    "Title »", "Title →"); a mark whose counterpart the headline holds quotes it and
    stays ("« Le titre »")."""
    text = text.strip(PAGER_ARROWS + EDGE_SPACES)
    if text[:1] in PAGER_QUOTES and PAGER_QUOTES[text[0]] not in text:
        text = text.lstrip(text[0] + EDGE_SPACES)
    if text[-1:] in _CLOSING_QUOTES and _CLOSING_QUOTES[text[-1]] not in text:
        text = text.rstrip(text[-1] + EDGE_SPACES)
    return text.strip(PAGER_ARROWS + EDGE_SPACES)


EDGE_SPACES = " \t\n\r\u00a0"
"""White space a title's marks are stripped with (a no-break space included)."""
_CLOSING_QUOTES = {close: open_ for open_, close in PAGER_QUOTES.items()}
TRUNCATION_MARKS = ("…", "...")
"""What a card sets where it cuts a long headline short."""


def _uncut(text: str) -> str:
    """The text without the mark a card cuts a long headline short with ("Title…")."""
    return text.removesuffix(TRUNCATION_MARKS[0]).removesuffix(TRUNCATION_MARKS[1]).rstrip()


def _untruncated(title: str, a: Element) -> str:
    """A headline the card cut short ("Mastering Layer 2 Solutions: A…") in full, from the
    link's or its picture's `title` attribute, when that holds it."""
    stem = _uncut(title)
    if not stem:
        return title
    for node in a.iter():
        full = node.get("title") if isinstance(node.tag, str) else None
        if full:
            full = collapse(full)
            if len(full) > len(stem) and full.startswith(stem):
                return full
    return title


def read_meta_line(text: str) -> tuple[str, str | None] | None:
    """'World News // 1 hour ago' -> ('1 hour ago', 'World News'); None without an age."""
    match = AGE.search(text)
    if not match:
        return None
    parts = META_SEPARATOR.split(text)
    section = None
    if len(parts) > 1 and not AGE.search(parts[0]):
        section = parts[0].strip() or None
    return match.group(0), section


def published_from_age(age: str, reference: datetime | None) -> datetime | None:
    """The fetch time less the age, when both are known."""
    delta = age_delta(age)
    if reference is None or delta is None:
        return None
    try:
        return reference - delta
    except OverflowError:  # "5000 years ago": before year 1
        return None


def find_title_element(item: Element, a: Element, settings: Settings) -> Element:
    """The element holding the item's title: the one the link says names it
    (`aria-labelledby`), a heading, or one whose class names a title ("card-title");
    else the link."""
    labelled = a.get("aria-labelledby")
    if labelled:
        ident = labelled.split()[0]
        for node in item.iter():
            if node.get("id") == ident and text_of(node):
                return node
    # The first heading; of the link's own, the one of the highest rank: a card may set
    # its kicker in a smaller one above ("<a><h5>News from the site</h5><h4>Title</h4>
    # </a>"), and a heading beside the link may name its section. A heading linking
    # elsewhere (its section's page, the site's home) titles another page; one only screen
    # readers get ("<h3 class='sr-only'>Publish date</h3>") titles none. (The tags are
    # tested here, not by iter(*HEADING_TAGS): an item holds a few elements, fewer than
    # the six tags lxml's matcher is built for on each call.)
    href = a.get("href")
    for node in item.iter():
        if (node.tag in HEADING_TAGS and text_of(node) and not _links_elsewhere(node, a, href)
                and not (node.get("class") and class_tokens(node) & HIDDEN_LABEL_TOKENS)):
            own = within(node, a)
            if not own and is_related_heading(text_of(node), settings):
                continue  # the block's own name ("You might also like:") above its story
            if _kicker_before_title(node):
                continue  # ("<h4 class='card-category'>Blog</h4><p class='card-title'>…")
            if own:
                for other in node.itersiblings():  # the link's later headings (its own)
                    if other.tag in HEADING_TAGS and other.tag < node.tag and text_of(other):
                        node = other
            elif not within(a, node):
                # A kicker set in a smaller heading right above the title's
                # ("<h3>Archive</h3><h2>Title</h2>"); a heading holding the link is its
                # title, whatever follows ("<h2 class='unibrow'>Parks</h2>").
                title = node.getnext()
                if (title is not None and title.tag in HEADING_TAGS and title.tag < node.tag
                        and text_of(title) and not _links_elsewhere(title, a, href)):
                    node = title
            return _title_within(node, settings)
    # A class naming a title before one naming a name alone (a card's publication name
    # above its title: "embedded-post-publication-name").
    named: Element | None = None
    for node in item.iter():
        # (The item itself is not its title: "card-title-teaser" names a kind of card.)
        if node is item or not isinstance(node.tag, str) or node.tag == "img":
            continue
        classes = class_tokens(node)
        tokens = classes & TITLE_TOKENS or _camel_title(node.get("class"))
        if not tokens or not text_of(node) or _links_elsewhere(node, a, href):
            continue  # (a section's link named a "headline" above the story's own)
        if tokens & _TITLE_NAMES:
            # The innermost: a "heading" wrapper may hold a subtitle beside the title.
            return next((inner for inner in node.iterdescendants() if _titled(inner)), node)
        if named is None and not classes & BYLINE_TOKENS:
            named = node  # (not a writer's: "author-name")
    return named if named is not None else a


_TITLE = frozenset({"title"})


def _camel_title(raw: str | None) -> frozenset[str]:
    """{"title"} when the class names a title in camelCase, else nothing."""
    return _TITLE if raw and "Title" in raw and CAMEL_TITLE.search(raw) else frozenset()


def _kicker_before_title(heading: Element) -> bool:
    """The heading's class names a kicker (a section, a category) and an element named a
    title follows it: the card's title is that one."""
    if not heading.get("class") or not class_tokens(heading) & SECTION_TOKENS:
        return False
    return any(_titled(node) and not class_tokens(node) & SECTION_TOKENS
               for sibling in heading.itersiblings() for node in sibling.iter())


def _title_within(heading: Element, settings: Settings) -> Element:
    """The element inside the heading whose class names a title, when the heading holds
    more beside it ("<h3><span class='teaser-titleheader'>Kicker</span><span
    class='teaser-title'>Title</span></h3>": read whole, the two run together); else the
    heading. One of a headline's length, not named a kicker: a "title-prefix" label
    ("Opinion.") is no title."""
    whole: int | None = None
    for inner in heading.iterdescendants():
        if not _titled(inner) or class_tokens(inner) & SECTION_TOKENS:
            continue
        length = len(text_of(inner))
        if whole is None:
            whole = len(text_of(heading))
        if settings.related_min_headline <= length < whole:
            return inner
    return heading


HEADING_CLASS_TOKENS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
"""Classes that set a block as a heading of that level (`<p class="h5">`, Bootstrap's and
many site builders' way of styling a title without the tag)."""


def _title_block(a: Element, settings: Settings) -> Element | None:
    """The block holding the title of a link that wraps a whole card and names no title
    element ("<a><div>Research</div><p>Title</p><p>Teaser…</p></a>"): read whole, its
    blocks run together ("ResearchTitleTeaser…"). In turn: the block styled as a
    heading; the first of a headline's shape, passing by a kicker above it (a shorter
    line followed by a headline) and blocks named a teaser; the first of a headline's
    shape; the first line, when a longer one (its teaser) follows. None when the link
    holds one block, or when the title is the link's own loose text."""
    if not len(a) or not any(node.tag in BLOCK_TAGS for node in a.iterdescendants()):
        return None  # (most links: a text, inline markup, a picture)
    blocks = list(walk_blocks(a, lambda element: False))
    if len(blocks) < 2:
        return None
    for element, _ in blocks:
        if element is not a and class_tokens(element) & HEADING_CLASS_TOKENS:
            return _whole(element, a, blocks)
    # Meta lines ("2 hours ago"), labels in capitals ("PARTNER CONTENT") and blocks
    # named a kicker are no title.
    lines = [(element, text) for element, text in blocks
             if read_meta_line(text) is None and not text.isupper()
             and not class_tokens(element) & SECTION_TOKENS]
    shaped = [_headline_shaped(text, settings) for _, text in lines]
    for index, (element, text) in enumerate(lines):
        if not shaped[index] or class_tokens(element) & TEASER_TOKENS:
            continue  # "Research", a teaser's sentences
        if (index + 1 < len(lines) and shaped[index + 1]
                and len(text) <= settings.max_item_section < len(lines[index + 1][1])):
            continue  # a kicker over the title ("Netlist vs. Samsung")
        return _whole(element, a, blocks)
    # A block named for text of any kind ("related-text") may hold the title after all.
    for index, (element, _) in enumerate(lines):
        if shaped[index]:
            return _whole(element, a, blocks)
    # A short title over its teaser ("Park security", then sentences).
    if len(lines) >= 2 and len(lines[1][1]) > len(lines[0][1]):
        return _whole(lines[0][0], a, blocks)
    return None


def _alt_named_part(a: Element) -> Element | None:
    """The element of a card's link whose whole text is the link's picture's alt text,
    when the link says more ("<a><img alt='Title'><span>Title</span><span>Teaser…</span>
    </a>"): the card's title, the rest its teaser."""
    img = next(a.iter("img"), None)
    if img is None:
        return None
    alt = collapse(img.get("alt") or "").casefold()
    if not alt:
        return None
    for node in a.iterdescendants():
        if (node is not img and not len(node) and isinstance(node.tag, str)
                and collapse(node.text or "").casefold() == alt):
            return node
    return None


def _whole(element: Element, a: Element, blocks: list[tuple[Element, str]]) -> Element | None:
    """The block, unless it is the link's own loose text or holds another block (whose
    text would be read with its own)."""
    if element is a or any(within(other, element) for other, _ in blocks if other is not element):
        return None
    return element


def _headline_shaped(text: str, settings: Settings) -> bool:
    """A headline's length, and no sentence ended by a full stop (a teaser's)."""
    return (settings.related_min_headline <= len(text) <= settings.max_title_heading
            and not (text.endswith(".") and not text.endswith("..")))


def _links_elsewhere(heading: Element, a: Element, href: str | None) -> bool:
    """Whether the heading sits in, or holds, a link other than `a` to another address
    ("<a href='/category/ux'><h5>UX design</h5></a>" over the story's own link)."""
    link = next(heading.iterancestors("a"), None)
    if link is None:
        link = next(heading.iter("a"), None)
    return link is not None and link is not a and link.get("href") != href


NAME_TOKENS = frozenset({"name"})
"""Of TITLE_TOKENS, those a card's other names bear too (its publication's, its writer's)."""
_TITLE_NAMES = TITLE_TOKENS - NAME_TOKENS


def _titled(node: Element) -> bool:
    return (isinstance(node.tag, str) and node.tag != "img"
            and bool(class_tokens(node) & _TITLE_NAMES) and bool(text_of(node)))


_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 31536000}


def age_delta(age: str) -> timedelta | None:
    match = AGE.search(age)
    if not match:
        return None
    word = (match.group("word") or "").lower()
    if word == "yesterday":
        return timedelta(days=1)
    if word == "just now":
        return timedelta(0)
    count_text = (match.group("n") or "1").lower()
    if len(count_text) > MAX_AGE_DIGITS:
        return None
    count = int(count_text) if count_text.isdigit() else 1
    unit = match.group("unit").lower()
    if unit.startswith("mo"):
        return timedelta(days=30 * count)
    key = "m" if unit.startswith("min") else unit[0]
    return timedelta(seconds=_UNIT_SECONDS[key] * count)


PICTURE_INSET = "engine:picture-inset"
"""How far up from its title a one-story inset's box may be."""


def _read_picture_inset(block: Block, base: str | None, reference: datetime | None) -> None:
    """The one story of a picture inset, titled by its heading: its links are a picture
    and a button ("See the list"), no headline."""
    a = next(block.element.iter("a"), None)
    if a is None:
        return
    link = read_item(block.element, a, absolute(a.get("href", ""), base), block.name, reference)
    if link.title:
        block.items.append((block.element, link))
