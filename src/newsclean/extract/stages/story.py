"""The story: find its container (rule selectors, else the scoring in `content`), read its
paragraphs, and the lead (standfirst) between the headline and it."""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Callable
from itertools import islice

from lxml import etree

from ...rules.selectors import select
from ...rules.substance import is_substantive_story
from ..captions import credit_alone
from ..content import Story, article_scope, find_story
from ..context import Context, Element
from ..credit_forms import ends_in_credit
from ..headline_cards import links_a_story
from ..paragraphs import (
    FormMeasures,
    StoryCopies,
    discussion_text,
    is_noise,
    is_picture,
    keep_paragraph,
    list_title,
    time_stamp,
    trailing_headings,
    wraps_story,
)
from ..patterns import (
    APPEAL_CONTACT,
    APPEAL_OPENING,
    APPEAL_RULE,
    BLOCK_TAGS,
    DISCUSSION_TOKENS,
    HEADING_TAGS,
    LAYOUT_TAGS,
    LEAD_NOISE,
    LEAD_TOKENS,
    NEWSLETTER_PROMPT,
    NOISE_TOKENS,
    OUTSIDE_TOKENS,
    PICTURE_TEXT_TOKENS,
    SIGN_UP_TERMS,
)
from ..settings import DEFAULT_SETTINGS, Settings
from ..spans import ZERO_WIDTH
from ..text import (
    class_tokens,
    collapse,
    collapsed_length,
    element_sibling,
    has_descendant,
    in_deep_tree,
    link_density,
    raw_text,
    walk_blocks,
    walk_segments,
)
from .header import find_authors, line_authors
from .related import inline_related, titled_links

__all__ = ["find", "find_again", "find_generic", "is_appeal", "read", "read_lead"]

WORD = re.compile(r"\w+")
PULL_QUOTE_WORDS = 8
"""Opening words of a quotation set in a figure that, met in the same order in the story,
make it a pull-quote: so many words in a row are not met again by chance."""
EMPTY_RETRIES = 2
"""Containers tried after one whose story reads to nothing, before giving up."""



def find(ctx: Context) -> Story | None:
    if ctx.rule and ctx.rule.story:
        for selector in ctx.rule.story:
            found = outermost(select(ctx.body, selector))
            # A match without prose (an empty skip-link target) is no match.
            if found and is_substantive_story(found):
                for element in found:
                    ctx.note(element, "story", f"story {selector}", ctx.rule_source)
                return Story(blocks=found, score=0.0, signal=ctx.rule_source)
        if not ctx.rule.engine_fallback:
            return None
    return find_generic(ctx)


def find_generic(ctx: Context, *, record: bool = True) -> Story | None:
    """The container the engine finds without a rule (`record`: note it as the story;
    the pictures stage asks for it unrecorded where a rule's pictures find nothing)."""

    def excluded(element: Element) -> bool:
        return bool(class_tokens(element) & OUTSIDE_TOKENS)

    story = find_story(ctx.body, excluded, ctx.title_element,
                       settings=ctx.settings)
    if story is not None and record:
        for element in story.blocks:
            ctx.note(element, "story", "highest paragraph score, less link density",
                     story.signal, story.score)
    return story


def find_again(ctx: Context, empty: Story) -> tuple[Story | None, list[str]]:
    """The next best container and its paragraphs, when the engine's first choice reads to
    nothing (an author panel by the headline, a block of links): the page may hold its
    text elsewhere. Rare, so the scoring runs again rather than keeping every score."""
    tried: set[Element] = set()
    found: Story | None = empty
    for _ in range(EMPTY_RETRIES):
        if found is None or found.signal != "engine:score":
            break
        for block in found.blocks:
            tried.update(block.iter())
        found = find_story(ctx.body, lambda element: element in tried
                           or bool(class_tokens(element) & OUTSIDE_TOKENS),
                           ctx.title_element, settings=ctx.settings)
        if found is not None:
            paragraphs = read_lead(ctx, found) + read(ctx, found)
            if paragraphs:
                for element in found.blocks:
                    ctx.note(element, "story", "next best container: the first read empty",
                             found.signal, found.score)
                return found, paragraphs
    return None, []


_TAGS_TESTED = LAYOUT_TAGS | {"figure", "figcaption", "h1"}
"""Tags that the skip tests (and is_noise) judge by the tag alone: any other element
without attributes is story text to them."""


MAX_DENSITY_LINKS = 1_000
"""Links of a dropped line's element read for its link density, at most; past them the
line's own share in links (as walk_segments counted it) stands for it. A guard: markup
left open nests each segment around the rest of the page, whose links would be read
again for every segment; real pages' dropped lines hold far fewer."""


def _link_share(element: Element, text: str, linked: int) -> float:
    links = sum(1 for _ in islice(element.iter("a"), MAX_DENSITY_LINKS + 1))
    if text and links > MAX_DENSITY_LINKS:
        return linked / len(text)
    return link_density(element, len(text))


def read(ctx: Context, story: Story) -> list[str]:
    """The story's paragraphs; inline related lines met on the way join ctx.related."""
    related = ctx.related
    title = ctx.title
    headline = ctx.title_element
    settings = ctx.settings
    taken = {link.url for link in related}
    rule_story = bool(ctx.rule and ctx.rule.story and story.signal == ctx.rule_source)

    pictures: set[Element] = set()
    if rule_story and ctx.rule:
        for selector in ctx.rule.images:
            pictures.update(select(ctx.body, selector))

    # Comment-marked wrappers hold story text when they hold much of the container's (a
    # thread): measured when is_noise first meets one, as most stories hold none.
    container = None if rule_story or story.talk_apart else story.container
    thread: list[bool] = []

    def in_thread() -> bool:
        if not thread:
            inside, total = discussion_text(container) if container is not None else (0, 0)
            # A post of its own above the comments in one container is a story with
            # comments, however many they are (a thread's posts are comment-marked).
            thread.append(ctx.meta.discussion
                          or (inside > settings.discussion_share * total
                              and total - inside < settings.min_story_beside_talk))
        return thread[0]

    picture_text = ctx.picture_text
    form_measures: FormMeasures = {}
    quotations: set[Element] = set()
    """Figures read as text for the quotation they hold: a pull-quote among them repeats
    the story."""

    def skip(element: Element) -> bool:
        tag = element.tag
        if tag in ("figcaption", "h1") or element in pictures or element in picture_text:
            return True
        if not element.attrib and tag not in _TAGS_TESTED:
            return False  # most elements: every test below reads the tag or an attribute
        if tag == "figure":
            if rule_story or is_picture(element, settings):
                return True
            if has_descendant(element, "blockquote"):
                quotations.add(element)
        if rule_story:
            # The rule chose the container; inside it, what the engine knows is never
            # story text (picture text, share bars, sign-up boxes) still is not.
            return (bool(class_tokens(element) & PICTURE_TEXT_TOKENS)
                    or is_noise(element, settings=settings))
        if story.talk_apart and class_tokens(element) & DISCUSSION_TOKENS:
            return True  # however long: the comments were set apart from the story
        if (tag == "form" and story.container is not None
                and wraps_story(element, story.container, settings, form_measures)):
            return False
        if not is_noise(element, settings=settings,
                        in_thread=in_thread if container is not None else None):
            return False
        # Before any story text, a block named a teaser that links nowhere is the
        # standfirst set inside the container ("teaser-text"); cards of other stories link.
        return bool(kept) or not _standfirst_holder(element, story.blocks, ctx.title_element,
                                                    settings)

    kept: list[tuple[Element, str]] = []
    kept_texts: list[str] = []  # kept's texts, for the repeat test (list `in` runs in C)
    window = settings.repeat_window
    copies = StoryCopies(settings.copy_min_chars)
    above_links: set[int] = set()
    """Kept blocks (by index) right above a dropped link line."""
    titled: list[tuple[str, list[Element]]] = []
    """Lines titling a list ("Read more:", kept or not) and the link lines dropped under
    them: those links are the title's related links."""
    open_title = False
    tables: dict[Element, bool] = {}
    stamps: list[Element] = []
    """Kept lines that are a time stamp alone."""
    for block in story.blocks:
        for element, text, linked in walk_segments(block, skip):
            inline = inline_related(ctx, element, text, taken)
            if inline is not None:
                related.extend(inline)
            if inline is not None or not keep_paragraph(element, text, linked, tables,
                                                        settings=settings):
                dense = inline is None and _link_share(element, text, linked) > (
                    settings.dropped_link_density)
                if kept and (inline is not None or dense):
                    above_links.add(len(kept) - 1)
                if open_title and dense:
                    titled[-1][1].append(element)
                elif inline is None and list_title(element, text, settings):
                    titled.append((text, []))
                    open_title = True
                else:
                    open_title = False
                if (inline is None and not kept and ctx.meta.says_story()
                        and not find_authors(ctx) and (names := line_authors(text, settings))):
                    # The byline set as the story's first line ("By <b>Jo Roe</b>"), where
                    # nothing else names an author: the byline stage reads near the
                    # headline, and this one stood further off. (A story's page only: a
                    # shop's "By Almondina" names a maker.)
                    ctx.byline_authors = names
                    ctx.authors = None  # read again, with it
                    ctx.note(element, "byline", "byline line opening the story",
                             "engine:byline")
                elif inline is None:
                    ctx.note(element, "boilerplate", "boilerplate line or link list",
                             "engine:paragraph")
                continue
            open_title = list_title(element, text, settings)
            if open_title:
                titled.append((text, []))
            if (title and text == title) or element is headline:
                continue  # (the headline's element: its text may hold a kicker the title leaves out)
            if is_appeal(text, settings):
                ctx.note(element, "boilerplate", "appeal to readers to sign up or write in",
                         "engine:appeal")
                continue
            if _picture_line(element, text, settings):
                ctx.note(element, "caption", "caption or credit line under a picture",
                         "engine:picture-line")
                continue
            # (`continues` first: it follows every paragraph, the window test need not.)
            if copies.continues(text) or text in kept_texts[-window:]:
                # The same block again: a mobile and a desktop copy of one element,
                # or of the whole story, or a carousel's cloned slide.
                ctx.note(element, "boilerplate", "repeats a paragraph above",
                         "engine:repeat")
                continue
            if (len(text) < settings.max_date_line and element.tag not in ("td", "th")
                    and time_stamp(text)):
                stamps.append(element)
            kept.append((element, text))
            kept_texts.append(text)
            copies.keep(text)
    if not rule_story:
        for name, lines in titled:
            related.extend(titled_links(ctx, name, lines, taken))
        # A related-list title whose links were dropped means nothing alone.
        titles = {index for index in above_links if list_title(*kept[index], settings)}
        for index in sorted(titles):
            ctx.note(kept[index][0], "boilerplate", "title of a dropped link list",
                     "engine:heading")
        kept = [item for index, item in enumerate(kept) if index not in titles]
        trailing = trailing_headings(kept, settings)
        for element in trailing:
            ctx.note(element, "boilerplate", "heading after the last story text",
                     "engine:heading")
        kept = kept[:len(kept) - len(trailing)]
    if 0 < len(stamps) <= settings.max_story_stamps:
        for element in stamps:
            ctx.note(element, "boilerplate", "time stamp", "engine:stamp")
        kept = [item for item in kept if item[0] not in stamps]
    if quotations:
        kept = _without_pull_quotes(ctx, kept, quotations)
    for element, text in kept:
        ctx.note(element, "paragraph", f"{len(text)} characters", story.signal)
        if ctx.first_paragraph is None:
            ctx.first_paragraph = element
    return [_with_lines(element, text) for element, text in kept]


def _with_lines(element: Element, text: str) -> str:
    """A <pre> block's text with its own lines (code, a plain-text document such as an
    RFC), which the tests above read collapsed: its lines as set, without trailing
    spaces, blank lines at either end or the indent common to all. Only when it is the
    text that was read: nothing inside the block was left out as noise."""
    if element.tag != "pre":
        return text
    lines = raw_text(element).replace("\r\n", "\n").split("\n")
    kept = textwrap.dedent("\n".join(line.rstrip() for line in lines)).strip("\n")
    return kept if "\n" in kept and collapse(kept) == text else text


def _standfirst_holder(element: Element, blocks: list[Element], title: Element | None,
                       settings: Settings) -> bool:
    """Whether a block the noise test dropped is named only as a lead ("teaser"), holds
    no link, and a standfirst's text (sentences, not a card's headline alone), and
    follows the headline in the story's container: teaser cards of other stories
    stand apart from it."""
    if title is None:
        return False
    noise = class_tokens(element) & NOISE_TOKENS
    if not noise or not noise <= LEAD_NOISE or has_descendant(element, "a"):
        return False
    if not settings.min_plain_lead <= collapsed_length(element) <= settings.max_lead:
        return False
    title_line = {title, *title.iterancestors()}
    node: Element | None = element
    while node is not None and node not in blocks:
        if any(sibling in title_line for sibling in node.itersiblings(preceding=True)):
            return True
        node = node.getparent()
    return False


def _without_pull_quotes(ctx: Context, kept: list[tuple[Element, str]], figures: set[Element]
                         ) -> list[tuple[Element, str]]:
    """Leave out a paragraph read from a figure whose opening words stand, in order, in
    the story's other paragraphs: a pull-quote, the story's own sentence set large (its
    speaker's name may follow in the quotation)."""
    quoted = [any(holder in figures for holder in element.iterancestors())
              for element, _ in kept]
    if not any(quoted):
        return kept
    rest = " ".join(" ".join(WORD.findall(text.lower()))
                    for (_, text), inside in zip(kept, quoted, strict=True) if not inside)
    rest = f" {rest} "
    out: list[tuple[Element, str]] = []
    for (element, text), inside in zip(kept, quoted, strict=True):
        if inside:
            words = " ".join(WORD.findall(text.lower())[:PULL_QUOTE_WORDS])
            if words and f" {words} " in rest:
                ctx.note(element, "boilerplate", "pull-quote: repeats the story",
                         "engine:repeat")
                continue
        out.append((element, text))
    return out


def _picture_line(element: Element, text: str, settings: Settings) -> bool:
    """A short line ending in a picture's credit ("Crowds at the gate. Photo: Jo Park",
    "© Jo Park/AP") right under a picture, or beside one in its own block: the picture's
    caption or credit, which no figure markup set apart."""
    if len(text) > settings.max_picture_line:
        return False
    if credit_alone(text, settings):
        return True  # wherever it stands: the picture it credits was left out
    return _under_picture(element) and ends_in_credit(text)


def _under_picture(element: Element) -> bool:
    """Whether the block holds a picture or comes right after one (a picture alone in
    its block: "<p><img></p><p>...</p>")."""
    if element.tag == "p" and has_descendant(element, "img"):
        return True  # "<p><img><br>Crowds at the gate. Photo: Jo Park</p>"
    above = element_sibling(element, before=True)
    if above is None:
        return False
    if above.tag in ("img", "picture", "figure"):
        return True
    return has_descendant(above, "img") and not raw_text(above).strip()


def is_appeal(text: str, settings: Settings = DEFAULT_SETTINGS) -> bool:
    """A call to readers (send us your story, sign up for the newsletter) rather than
    story text: it opens the paragraph, and a rule of dashes or a way to reply comes
    with it; or a short line prompts to sign up for a newsletter, wherever it says so."""
    if len(text) <= settings.max_newsletter_prompt:
        low = text.lower()  # every prompt names one of the two: a cheap look first
        if ("newsletter" in low or "whatsapp" in low) and NEWSLETTER_PROMPT.search(text):
            return True
        if "by s" in low and SIGN_UP_TERMS.match(text):
            return True
    return (len(text) <= settings.max_appeal and APPEAL_OPENING.match(text) is not None
            and (APPEAL_RULE.match(text) is not None or APPEAL_CONTACT.search(text) is not None))


def read_lead(ctx: Context, story: Story) -> list[str]:
    """The standfirst: lead paragraphs, and sub-headings between them, between the
    headline and the story (the engine's or a rule's: rule containers hold the body and
    leave the standfirst above, as the engine's do)."""
    title_element = ctx.title_element
    settings = ctx.settings
    if title_element is None:
        return []
    scope = article_scope(story, title_element, ctx.settings.scope_levels)
    container = story.blocks[0]
    if scope is None:
        return []
    # A headline further up: read what lies between it and the story, in the
    # region that holds both (a standfirst in the page's header section).
    after: Element | None = None
    if scope is container:
        scope = common_ancestor(title_element, container)
        if scope is None:
            return []
        after = title_element
    title_line = set(title_element.iterancestors()) if after is not None else set()
    lead: list[str] = []
    lead_elements: list[Element] = []
    sub_headings: set[Element] = set()
    headings: list[tuple[Element, str]] = []

    def take(element: Element, text: str, shortest: int) -> None:
        if element.tag in HEADING_TAGS and links_a_story(element, text, ctx.url, settings):
            return  # another story's headline: a card beside the standfirst
        if (lead and element.tag in ("h2", "h3", "h4") and len(text) < settings.min_plain_lead
                and len(text) >= settings.min_heading_lead):
            # A sub-heading between lead paragraphs: kept if a paragraph follows.
            headings.append((element, text))
            return
        if (shortest <= len(text) <= settings.max_lead
                and link_density(element, len(text)) < settings.lead_link_density):
            for heading, heading_text in headings:
                lead.append(heading_text)
                lead_elements.append(heading)
                sub_headings.add(heading)
            headings.clear()
            lead.append(text)
            lead_elements.append(element)

    picture_text = ctx.picture_text

    def skip(element: Element) -> bool:
        tag = element.tag
        if tag in ("figure", "figcaption") or element in picture_text:
            return True
        if not element.attrib and tag not in _TAGS_TESTED:
            return False  # is_noise reads nothing else
        return is_noise(element, LEAD_NOISE, settings=settings)

    story_line = set(container.iterancestors())
    # Blocks holding a picture's caption or credit (a gallery item: picture, caption):
    # their text is read without it.
    picture_holders = {above for element in ctx.picture_text for above in element.iterancestors()}
    deep = in_deep_tree()
    walker = etree.iterwalk(scope, events=("start",))
    for _, element in walker:
        if element is container:
            break
        if not isinstance(element.tag, str):
            continue
        if after is not None:
            if element is after:
                after = None
            if element not in title_line:
                walker.skip_subtree()
            continue
        if element is title_element or skip(element):
            # (the headline is no standfirst, when the walk meets it below the scope)
            walker.skip_subtree()
            continue
        tag = element.tag
        if element not in story_line and class_tokens(element) & LEAD_TOKENS:
            taken = len(lead)
            if any(child.tag in BLOCK_TAGS for child in element):
                # A lead-named holder of paragraphs (or of a picture): block by block.
                for block, text in walk_blocks(element, skip):
                    take(block, text, settings.min_lead)
            if len(lead) == taken and not has_descendant(element, "img") and (
                    not has_descendant(element, "figure")):
                # Blocks too short on their own (a standfirst cut into spans): whole.
                take(element, _text_of(element, picture_holders, skip), settings.min_lead)
            walker.skip_subtree()
        # Plain blocks: paragraphs, list items, headings, and a div of plain text
        # beside the story container.
        elif tag in ("p", "li", "h2", "h3", "h4") or (
                tag == "div" and element.getparent() is container.getparent()
                and not any(child.tag in BLOCK_TAGS for child in element)):
            if (deep and element not in picture_holders
                    and collapsed_length(element) > settings.max_lead):
                # Too long for a lead block, seen from its length, which a deep tree
                # remembers: its text is not read (a block left open holds the rest of
                # the page, and the next in it).
                continue
            text = _text_of(element, picture_holders, skip)
            before = len(lead) + len(headings)
            take(element, text, settings.min_plain_lead)
            if len(lead) + len(headings) > before:
                walker.skip_subtree()
    if lead:
        lead, lead_elements = _drop_repeated(ctx, story, lead, lead_elements)
    for element in lead_elements:
        # Noted once kept: a repeated standfirst is noted as boilerplate instead.
        ctx.note(element, "paragraph", "sub-heading above the story" if element in sub_headings
                 else "lead paragraph above the story", "engine:lead")
    if ctx.first_paragraph is None:
        ctx.first_paragraph = next(
            (element for element in lead_elements if element not in sub_headings), None)
    return lead


def _text_of(element: Element, picture_holders: set[Element],
             skip: Callable[[Element], bool]) -> str:
    """A lead block's text; without the picture text it holds, if any."""
    if element not in picture_holders:
        return collapse(raw_text(element))
    return collapse(" ".join(text for _, text in walk_blocks(element, skip)))


def _drop_repeated(ctx: Context, story: Story, lead: list[str], elements: list[Element]
                   ) -> tuple[list[str], list[Element]]:
    """Leave out lead paragraphs the story repeats (nearly) word for word further down:
    the standfirst summarised a paragraph that is read in its place in the story."""
    overlap = ctx.settings.repeat_overlap
    # Read only when a lead paragraph is long enough to be compared: each story block's
    # text, lower case, and its words once a block is not ruled out by `_may_copy`.
    story_texts: list[tuple[str, str]] | None = None
    story_words: dict[int, _Words] = {}
    whole: str | None = None
    kept: list[str] = []
    kept_elements: list[Element] = []
    # Each text is compared once: a copied run of markup repeats its paragraphs, in the
    # lead and in the story, and each pair was compared again.
    repeats: dict[str, bool] = {}
    for text, element in zip(lead, elements, strict=True):
        known = repeats.get(text)
        if known is not None:
            if known:
                ctx.note(element, "boilerplate", "standfirst repeated in the story",
                         "engine:lead")
            else:
                kept.append(text)
                kept_elements.append(element)
            continue
        repeats[text] = False
        words = _Words(text)
        if words.total >= ctx.settings.min_repeat_words:
            # Longest first: a long word is the likeliest to be missing from a block.
            distinct = sorted(words.counts.items(), key=lambda item: -len(item[0]))
            if whole is None:
                whole = _story_text(story)
            if whole and not _may_copy(words.total, distinct, whole, overlap):
                # A word missing from the whole story is missing from each of its blocks:
                # none can copy the paragraph, and the blocks need not be read (most
                # standfirsts are not repeated).
                kept.append(text)
                kept_elements.append(element)
                continue
            if story_texts is None:
                story_texts = [(text, text.lower()) for text in dict.fromkeys(
                    text for block in story.blocks for _, text in walk_blocks(block, _keep_all))]
            repeated = False
            for index, (block_text, lowered) in enumerate(story_texts):
                if not _may_copy(words.total, distinct, lowered, overlap):
                    continue
                other = story_words.get(index)
                if other is None:
                    other = story_words[index] = _Words(block_text)
                if _copies(words, other, overlap):
                    repeated = True
                    break
            if repeated:
                repeats[text] = True
                ctx.note(element, "boilerplate", "standfirst repeated in the story",
                         "engine:lead")
                continue
        kept.append(text)
        kept_elements.append(element)
    return kept, kept_elements


def _story_text(story: Story) -> str:
    """The story blocks' text in lower case, for `_may_copy`: each word of a block's text
    (as walk_blocks reads it) is found in it. "" when that may fail: walk_blocks drops
    the ZERO_WIDTH characters, which join a word's pieces, and a capital sigma lowers to
    a final one or not by the letter after it, which a block's end may change."""
    text = "\n".join(raw_text(block) for block in story.blocks)
    if "\u03a3" in text or any(mark in text for mark in ZERO_WIDTH):
        return ""
    return text.lower()


def _may_copy(total: int, distinct: list[tuple[str, int]], lowered: str,
              overlap: float) -> bool:
    """Whether a text of `total` words (`distinct`: each word and its count) may share
    enough words with a block (`lowered`: its text in lower case) for `_copies`: a word
    of the block is found in its text, so the words not found there bound the words
    shared, without reading the block's words (most blocks are ruled out this way)."""
    missing = 0
    for word, count in distinct:
        if word not in lowered:
            missing += count
            # _copies needs at least overlap * total shared (the longer text has at
            # least `total` words).
            if total - missing < overlap * total:
                return False
    return True


def _keep_all(element: Element) -> bool:
    return False


class _Words:
    """A text's words (lower case), counted only when two texts' lengths are close
    enough for their words to be compared."""

    __slots__ = ("_counts", "total", "words")

    def __init__(self, text: str) -> None:
        self.words: list[str] = WORD.findall(text.lower())
        self.total = len(self.words)
        self._counts: Counter[str] | None = None

    @property
    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = Counter(self.words)
        return self._counts


def _copies(a: _Words, b: _Words, overlap: float) -> bool:
    shorter, longer = sorted((a.total, b.total))
    # Lengths alone rule most pairs out before the words are compared.
    return shorter >= overlap * longer and (a.counts & b.counts).total() >= overlap * longer


def common_ancestor(a: Element, b: Element) -> Element | None:
    ancestors = set(a.iterancestors())
    for node in b.iterancestors():
        if node in ancestors:
            return node
    return None


def outermost(elements: list[Element]) -> list[Element]:
    chosen: list[Element] = []
    chosen_from = set(elements)
    for element in elements:
        if not any(a in chosen_from for a in element.iterancestors()):
            chosen.append(element)
    return chosen
