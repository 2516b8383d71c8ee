"""Keeping the story's paragraphs: noise, pictures, data tables, discussion share, trailing
headings."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from lxml import etree

from .content import is_hidden, own_text_length
from .patterns import (
    BOILERPLATE_LINE,
    COMMENT_STEMS,
    DATE_ONLY_LINE,
    DISCUSSION_TOKENS,
    HEADING_TAGS,
    ITEM_TAGS,
    LAYOUT_TAGS,
    LEAD_NOISE,
    NOISE_TOKENS,
    PARAGRAPH_SAFE_TOKENS,
    RELATED_HEADING,
    RIGHTS_NOTICES,
    STAMP_DATE,
    STAMP_TIME,
    STAMP_UNIT_WORDS,
    STAMP_WORDS,
    STRONG_NOISE_TOKENS,
    STRONG_STORY_TOKENS,
)
from .settings import Settings
from .text import (
    class_tokens,
    collapsed_length,
    element_sibling,
    element_text_length,
    has_descendant,
    link_density,
    own_link_density,
    raw_text,
)

__all__ = ["FormMeasures", "author_bio", "author_line", "discussion_share", "is_noise",
           "is_picture", "keep_paragraph", "list_title", "time_stamp", "trailing_headings",
           "wraps_story"]

Element = etree._Element


OPENER_PICTURE_TAGS = ("img", "picture", "amp-img")
"""Pictures a gallery's opener shows (a control holding one opens the pictures)."""


def is_noise(element: Element, allowed: frozenset[str] = frozenset(), *, settings: Settings,
             in_thread: Callable[[], bool] | None = None) -> bool:
    """Inside the story: containers that carry no story text. Tokens in `allowed` mark
    no noise; nor do DISCUSSION_TOKENS when `in_thread` says so (asked only of an
    element named by one: the answer may cost a walk of the story)."""
    tag = element.tag
    if tag == "form":
        # A form holding paragraphs of plain text wraps content (a product description).
        length = sum(element_text_length(p) for p in element.iter("p"))
        return (length < settings.weak_noise_text
                or link_density(element) > settings.noise_link_density)
    if tag in LAYOUT_TAGS or tag in ("figcaption", "h1"):
        return True
    if tag == "figure":
        return is_picture(element, settings)
    if not element.attrib:
        return False  # every test below reads an attribute
    if is_hidden(element):
        return True
    if element.get("aria-hidden") == "true" and not (
            tag == "p" and class_tokens(element) & PARAGRAPH_SAFE_TOKENS):
        # (A paragraph held back for subscribers is hidden from screen readers until
        # the reader pays; it is shown, and is the story's.)
        return True
    if (element.get("role") == "button"
            and next(element.iter(*OPENER_PICTURE_TAGS), None) is not None
            and collapsed_length(element) <= settings.max_opener_text):
        # A control showing a picture: a gallery's or a video's opener, whose words are
        # its title and a count ("UK news in pictures", "Show all 50"), not story text.
        return True
    tokens = class_tokens(element)
    noise = tokens & NOISE_TOKENS
    if not noise:
        return False  # most elements: nothing below can make noise of them
    if allowed:  # (tokens & NOISE_TOKENS - allowed would copy NOISE_TOKENS on each call)
        noise -= allowed
    if in_thread is not None and noise & DISCUSSION_TOKENS and in_thread():
        noise -= DISCUSSION_TOKENS
    if noise and (tag == "p" or (noise <= PARAGRAPH_SAFE_TOKENS and _in_run(element))):
        noise -= PARAGRAPH_SAFE_TOKENS
        if tag == "p":
            noise -= LEAD_NOISE  # a paragraph named a teaser is the standfirst
    if not noise or tokens & STRONG_STORY_TOKENS:
        return False
    if tag in ("span", "code") and _in_code(element):
        return False  # syntax highlighting: "hljs-comment", "token comment"
    if noise & DISCUSSION_TOKENS:
        # Readers' comments are long plain text too, but never the story (a thread whose
        # posts are marked as comments allows these tokens).
        return True
    # A "noise" wrapper that holds a long, plain text is a story wrapper after all.
    length = collapsed_length(element)
    limit = settings.strong_noise_text if noise & STRONG_NOISE_TOKENS else settings.weak_noise_text
    return length < limit or link_density(element, length) > settings.noise_link_density


FormMeasures = dict[Element, tuple[int, int]]
"""Per element below a form: the text of its paragraph-sized blocks and of its links."""


def wraps_story(form: Element, story: Element, settings: Settings,
                measures: FormMeasures | None = None) -> bool:
    """Whether a <form> inside the story container wraps the story itself (a forum thread
    whose posts sit in the moderation form): it holds most of the story's text, most of
    its own text in paragraph-sized blocks, and few links. A sign-up or comment form is a
    small part of a story; fields, options and the items of a scripted drop-down are
    short lines. `measures` is shared by the calls of one reading: forms nested in forms
    are measured once, not once per form around them."""
    length = element_text_length(form)
    if length < settings.form_story_share * element_text_length(story):
        return False
    blocks, linked = _form_measures(form, settings.form_block_text,
                                    {} if measures is None else measures)
    density = min(1.0, linked / length) if length else link_density(form, length)
    return (blocks >= settings.weak_noise_text and blocks >= settings.form_block_share * length
            and density <= settings.noise_link_density)


def _form_measures(container: Element, shortest: int, measures: FormMeasures) -> tuple[int, int]:
    """The text of the blocks below `container` whose own text is paragraph-sized (at
    least `shortest` characters), and the text of the links in it (link_text_length),
    summed from its children's up, each element measured once."""
    stack: list[tuple[Element, bool]] = [(container, False)]
    while stack:
        node, counted = stack.pop()
        if node in measures:
            continue
        if not counted:
            # (its children are measured first: they are popped before it)
            stack.append((node, True))
            stack.extend((child, False) for child in node if isinstance(child.tag, str))
            continue
        blocks = linked = 0
        for child in node:
            if isinstance(child.tag, str):
                own = own_text_length(child)
                child_blocks, child_linked = measures[child]
                blocks += child_blocks + (own if own >= shortest else 0)
                linked += child_linked
        if node.tag == "a":
            linked += element_text_length(node)
        measures[node] = (blocks, linked)
    return measures[container]


def _in_run(element: Element) -> bool:
    """Whether a sibling beside it is the same kind of block (same tag and class): each
    paragraph held back for subscribers in its own "paywall" wrapper, where the box asking
    to subscribe stands alone."""
    cls = element.get("class")
    for sibling in (element_sibling(element, before=True), element_sibling(element, before=False)):
        if sibling is not None and sibling.tag == element.tag and sibling.get("class") == cls:
            return True
    return False


def is_picture(figure: Element, settings: Settings) -> bool:
    """A <figure> holding a picture or a clip with its caption, not a table or text
    set in a figure (a comparison table, a pull-quote with a story inside, a quotation:
    HTML sets a <blockquote> in a <figure> to give its source in the caption)."""
    if has_descendant(figure, "table") or has_descendant(figure, "blockquote"):
        return False
    return element_text_length(figure) < settings.story_max_figure_text


def _in_code(element: Element) -> bool:
    return any(True for _ in element.iterancestors("pre", "code"))


_STEM_TEST = " or ".join(f"contains(., '{stem}')" for stem in COMMENT_STEMS)
# The class and id attributes tested as nodes: 2.6 times faster than a predicate on
# every element that reads both attributes for each stem.
_HAS_COMMENT_NAME = etree.XPath(f"boolean(descendant::*/@class[{_STEM_TEST}]"
                                f" | descendant::*/@id[{_STEM_TEST}])")


def discussion_share(container: Element) -> float:
    """The share of the container's text that sits in comment-marked elements."""
    inside, total = discussion_text(container)
    return inside / total if total else 0.0


def discussion_text(container: Element) -> tuple[int, int]:
    """The container's text in comment-marked elements, and all its text (characters)."""
    total = len(raw_text(container))
    if not total or not _HAS_COMMENT_NAME(container):
        return 0, total
    inside = 0
    walker = etree.iterwalk(container, events=("start",))
    for _, element in walker:
        if element is not container and class_tokens(element) & DISCUSSION_TOKENS:
            inside += len(raw_text(element))
            walker.skip_subtree()
    return inside, total


def _data_table(cell: Element, tables: dict[Element, bool] | None, settings: Settings
                ) -> bool:
    """Whether the cell's table holds mostly plain text, not a grid of links."""
    table = next(cell.iterancestors("table"), None)
    if table is None:
        return False
    if tables is None:
        tables = {}
    if table not in tables:
        tables[table] = link_density(table) < settings.data_table_link_density
    return tables[table]


_LETTERS = re.compile(r"[^\W\d_]+")


def time_stamp(text: str) -> bool:
    """Whether a short line is one time stamp alone ("Publiziert17. Dezember 2024, 12:17",
    "1 day ago", "Stand: 24.04.2024 22:58 Uhr", "2025年1月14日 20:00"): a date, a time or
    both, and besides them only labels, weekdays, "at", zones and figures. Two dates or two
    times are a span (an event's, a term's), which stamps nothing."""
    if not any(char.isdigit() for char in text):
        return False  # every date and time form holds a figure: most lines fail here
    for word in _LETTERS.findall(text):
        low = word.lower()
        if low not in STAMP_WORDS and low not in STAMP_UNIT_WORDS:
            return False  # a word no stamp holds: cheaper to see than the forms
    dates = STAMP_DATE.findall(text)
    times = STAMP_TIME.findall(text)
    if len(dates) > 1 or len(times) > 1 or not (dates or times):
        return False
    rest = STAMP_TIME.sub(" ", STAMP_DATE.sub(" ", text))
    return all(word.lower() in STAMP_WORDS for word in _LETTERS.findall(rest))


_NAME_JOINS = frozenset({"and", "und", "et", "y", "e", "by", "von", "par", "por", "di",
                         "de", "door", "av", "af", "mit", "with"})
"""Words a line naming the authors may hold between and before their names."""


def author_line(text: str, authors: list[str]) -> bool:
    """Whether a short line names the story's authors alone (a byline left in the story:
    "Konstantin Furrer", "By Jane Doe and John Roe", "Jane Doe | Published 4 months ago"),
    besides joining words and a time stamp."""
    rest = text.casefold()
    named = False
    for author in authors:
        name = author.casefold().strip()
        if name and name in rest:
            rest, count = re.subn(r"(?<!\w)" + re.escape(name) + r"(?!\w)", " ", rest)
            named = named or count > 0
    if not named:
        return False
    words = _LETTERS.findall(rest)
    if all(word in _NAME_JOINS for word in words):
        return True
    return time_stamp(rest)


_BIO_OPENING = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:is|was|has been|has written|'s been|’s been)\b")
"""What follows the name in a bio's first sentence (matched after the name: a pattern
made for each author would be compiled on every page)."""
_BIO_TRADE = re.compile(
    r"\b(?:journalist|writer|reporter|editor|columnist|correspondent|contributor|blogger|"
    r"freelancer|freelance)s?\b", re.IGNORECASE)
BIO_TRADE_WINDOW = 120
"""The writer's trade ("an experienced journalist", "a freelance writer living in…") is
named within this many characters of the name, as a bio's first sentence names it."""


def author_bio(text: str, authors: list[str]) -> bool:
    """Whether a paragraph is a bio of one of the story's authors ("Jo Roe is a freelance
    writer…", "Jo is an experienced journalist…"): the author's full name, or the first
    name of a full one, opening a sentence about a writer's trade. Bios sit in the
    author's box at the story's top or end; elsewhere the same sentence is the story's
    (a profile of a colleague), so the caller asks only of the first and the last."""
    for author in authors:
        parts = author.split()
        names = [author, parts[0]] if len(parts) >= 2 and len(parts[0]) > 2 else [author]
        for name in names:
            opening = _BIO_OPENING.match(text, len(name)) if text.startswith(name) else None
            if opening and _BIO_TRADE.search(text, opening.end(),
                                             opening.end() + BIO_TRADE_WINDOW):
                return True
    return False


LINK_RUN = 3
LINK_RUN_DENSITY = 0.9
"""A block of at least LINK_RUN links holding this share of its text in them is a run of
links ("<br>"-parted headlines gathered into one paragraph at a double break), whatever
its length; one link over a long paragraph may be prose set as a link."""


def keep_paragraph(element: Element, text: str, linked: int | None = None,
                   tables: dict[Element, bool] | None = None, *, settings: Settings) -> bool:
    """Whether a block read from the story is story text. `linked` is how much of the
    text sits in links; `tables` caches, across the calls for one story, which tables
    hold data rather than links."""
    length = len(text)
    # A date alone is no story line however many there are (a thread's posts' dates);
    # story.read drops the other languages' time stamps only when a story holds few,
    # as a listing's are its content.
    if BOILERPLATE_LINE.match(text) or (
            length < settings.max_date_line and DATE_ONLY_LINE.match(text)):
        return False
    if length < settings.max_notice:
        low = text.lower()  # once, not once per notice
        if any(notice in low for notice in RIGHTS_NOTICES):
            return False
    tag = element.tag
    if tag in HEADING_TAGS:
        # Long "headings" are mostly standfirsts set in <h2>.
        return length <= settings.max_heading_text
    # A block's own text is judged by its own links, not by a list of links nested in it.
    # Without the count from the walk, a short line goes with its nested blocks.
    if linked is not None and length:
        density = min(1.0, linked / length)
    elif length >= settings.own_text:
        density = own_link_density(element, length)
    else:
        density = link_density(element, length)
    if tag in ITEM_TAGS:
        if density < settings.item_link_density or length > settings.long_item:
            return True
        # A linked name in a table of data ("Stadium: <a>...</a>") stays.
        return tag in ("td", "th") and _data_table(element, tables, settings)
    # Short link-heavy lines are navigation ("Home > World", "Tags: a, b"), unless the
    # line is a sentence that runs on into its link.
    if density > settings.line_link_density and length < settings.short_line:
        return _linked_sentence(element, text, settings)
    # A run of links set in one block, however long, is a list of them, not prose.
    return (density < LINK_RUN_DENSITY
            or sum(1 for _ in islice(element.iter("a"), LINK_RUN)) < LINK_RUN)


# --- a sentence running into a link ---------------------------------------------------
_SENTENCE_CLOSE = ".!?…"
_CLOSING_MARKS = "\"'”’»)]"
_LEAD_CLOSE = _SENTENCE_CLOSE + ":"


def _linked_sentence(element: Element, text: str, settings: Settings) -> bool:
    """A paragraph whose words start outside its link and run on into it to a full stop
    ("X replaces Y, <a>who held the post for the last eight months.</a>"): prose with a
    link over most of its length, which a menu line, a tag list or a teaser link is not
    (those start inside a link, or hold a few words, or end without a full stop)."""
    lead = element.text
    if not lead or len(lead.split()) < settings.linked_sentence_lead_words:
        return False
    if lead.rstrip()[-1:] in _LEAD_CLOSE:
        return False  # a sentence or a label of its own before the link ("Like it? <a>")
    if len(text.split()) < settings.linked_sentence_words:
        return False
    return text.rstrip(_CLOSING_MARKS)[-1:] in _SENTENCE_CLOSE


def trailing_headings(kept: list[tuple[Element, str]], settings: Settings) -> list[Element]:
    """Headings after the story's last text: they titled what was left out below (a
    "More on this" list, a comment form, a teaser row) and mean nothing alone."""
    trailing: list[Element] = []
    for element, text in reversed(kept):
        # Longer "headings" are paragraphs set in heading tags and count as story text.
        if element.tag not in HEADING_TAGS or len(text) > settings.max_title_heading:
            break
        trailing.append(element)
    # A longer run, or a story of headings alone, is a list set in headings.
    return trailing if len(trailing) <= settings.max_trailing_headings < len(kept) else []


def list_title(element: Element, text: str, settings: Settings) -> bool:
    """Whether a kept line is the title of a related list ("Schon gelesen?", "Lesen Sie
    auch:"): short, worded as one, and not itself an item of a list or table."""
    if element.tag in ITEM_TAGS:
        return False
    limit = (settings.max_title_heading if element.tag in HEADING_TAGS
             else settings.max_list_title)
    return len(text) <= limit and RELATED_HEADING.match(text) is not None


class StoryCopies:
    """Copies of the story met while reading it in order (a story built once per screen
    size, a carousel's cloned slide): a paragraph of `min_chars` or more met again starts
    a copy, each paragraph after it that was met above too continues it, a new one ends
    it. Shorter repeats ("In stock", a label met again elsewhere) are no copy."""

    __slots__ = ("_copying", "_min_chars", "_seen")

    def __init__(self, min_chars: int) -> None:
        self._min_chars = min_chars
        self._seen: set[str] = set()
        self._copying = False

    def continues(self, text: str) -> bool:
        """Whether `text`, the next paragraph read, belongs to a copy."""
        if text in self._seen:
            self._copying = self._copying or len(text) >= self._min_chars
            return self._copying
        self._copying = False
        return False

    def keep(self, text: str) -> None:
        """Record a paragraph the reading keeps."""
        self._seen.add(text)


def without_copies(paragraphs: list[str], min_chars: int) -> list[str]:
    """`paragraphs` without the copies `StoryCopies` finds."""
    copies = StoryCopies(min_chars)
    kept: list[str] = []
    for paragraph in paragraphs:
        if not copies.continues(paragraph):
            copies.keep(paragraph)
            kept.append(paragraph)
    return kept
