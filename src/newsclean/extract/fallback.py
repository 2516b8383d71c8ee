"""A second opinion on a weak story: the page's own JSON-LD `articleBody`, then trafilatura.

Runs only when `confidence.assess` scores the engine's story under `Settings.doubt_below`
(or `Settings.fallback_below`, if higher), so most pages never import trafilatura. Under
`fallback_below` (a weak story) the rule, in order:
  1. a JSON-LD `articleBody` of at least `Settings.min_ld_words` words that is longer than the
     engine's story replaces it (the publisher's own text; no second extractor runs);
  2. otherwise trafilatura reads the page (already decoded, never fetched again; comments
     off, its default precision/recall balance), without the parts the page marks as not
     shown (the `hidden` attribute, except a streamed piece that a script moves into
     place) or as a layer over it (`aria-modal` dialogs: a cart drawer, a sign-in box),
     which trafilatura would otherwise read as text; its text replaces the engine's when it
     holds at least `Settings.fallback_gain` times the engine's words, counting neither
     side's footer or small-print lines, nor trafilatura's lines of fewer than
     `Settings.min_line_words` words (menu items), and, when the engine has a story,
     unless more than `Settings.menu_share` of those words are lines of the page's
     navigation (its menus, which trafilatura sometimes reads for a short story), and
     when the engine's lines are all menu text too, the page has no story (a shell a
     script fills in): the text is empty;
     trafilatura's copies of a paragraph (as the engine's reading of a story leaves out:
     a page built once per screen size), and its lines the engine has read as a related
     headline or teaser or as a picture's caption or credit, or that the page marks as a
     caption or credit, are left out before it is weighed; and its distinct words with a
     letter (in those lines) must also be `Settings.vocabulary_gain` times the engine's, so
     a line repeated with small changes (a banner per country or currency) or a text read
     twice cannot win by length alone;
     trafilatura's text, when taken (here or as a doubtful story's, below), goes without
     its lines that are short labels of the page's menus (`_without_menu_labels`);
  3. otherwise the engine's story stays; so it does, without asking trafilatura, when the
     words trafilatura would need are more than the whole page holds (a story already
     holding most of the page: the run, the costliest step of a weak page, could not win),
     or when the page is nested or large past what trafilatura reads in bounded time
     (`MAX_NESTING_WORK`, `MAX_LINK_TEXT_WORK`, `MAX_TEXT_DEPTH_WORK`, `MAX_ELEMENTS`);
     a large page, or one of long runs of siblings, is read by trafilatura in its fast
     mode (`MAX_FULL_RUN_ELEMENTS`, `MAX_FULL_RUN_TAIL_WORK`).
A doubtful story (confidence at or over `fallback_below`, under `Settings.doubt_below`)
skips 1 and 2: trafilatura's text replaces it only when it holds `Settings.prose_gain`
times its prose (distinct words of lines of `Settings.prose_line_words` words or more),
and is kept unasked on the same ground as in 3, or when its prose already reaches
`Settings.doubt_max_prose` distinct words (a story, not the list of labels the doubt is about).

Last, when the story is still empty (the second opinion read nothing, or was not asked),
`last_resort` reads the page's paragraphs of prose wherever they sit. `fallback_below = 0`
turns it off with the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Literal, NamedTuple, cast

from lxml import etree

from ..decoding.tree import parse
from ..model import Image, RelatedLink
from .captions import credit_alone
from .confidence import count_words, distinct_words, word_set
from .context import Context, HTMLInput
from .metadata import ld_text
from .paragraphs import without_copies
from .patterns import CAPTION_TOKENS, DROP_TAGS, is_legal
from .settings import Settings
from .text import (
    collapse,
    has_descendant,
    inner_text,
    link_density,
    remove,
    text_beside_paragraphs,
)

__all__ = ["TextSource", "last_resort", "second_opinion"]

TextSource = Literal["newsclean", "json-ld", "trafilatura"]


def _story_words(paragraphs: list[str], shortest: int = 0) -> int:
    """Words outside footer and small-print lines, and outside lines shorter than
    `shortest` words: what a candidate is weighed by."""
    counts = (count_words(p) for p in paragraphs if not is_legal(p))
    return sum(words for words in counts if words >= shortest)


def _paragraphs(text: str) -> list[str]:
    """The text's lines, stripped, without blank ones. (Split at each line end, not by a
    regex of white space around it: tried at each space of a long run of spaces, such a
    regex reads the rest of the run each time, and trafilatura's text of a page may hold
    runs of thousands.)"""
    return [line for line in map(str.strip, text.split("\n")) if line]


def _raw_ld_body(ctx: Context) -> str | None:
    """articleBody with its line breaks kept (ld_text folds them into spaces)."""
    value = ctx.meta.ld.get("articleBody")
    if isinstance(value, list) and value:
        value = value[0]
    return value if isinstance(value, str) and value.strip() else None


_STREAMED_PIECE = "S:"
"""The id prefix of a hidden piece of a streamed page (React), shown once a script moves it
into its place: trafilatura reads such pages best as they were sent."""


_MAYBE_UNSEEN = etree.XPath('//*[@hidden or @aria-modal="true"]')
"""The elements `_unseen` may reject, found without a Python object for every element
(each costs a call into lxml.html's class lookup on trafilatura's tree)."""


def _unseen(element: etree._Element) -> bool:
    """Not part of the page as shown: marked `hidden` (other than a streamed piece), or a
    modal dialog (closed until a button opens it over the page)."""
    if element.get("hidden") is not None:
        return not element.get("id", "").startswith(_STREAMED_PIECE)
    return element.get("aria-modal") == "true"


def _decoded(html: HTMLInput, url: str | None) -> etree._Element:
    """The page as a tree for trafilatura: decoded and parsed again the way the engine did
    (its own tree has been edited), so str and bytes of one page read the same, with
    lxml.html's element classes, which trafilatura requires of a tree (it reads the tree
    as it would the page serialised, without parsing it a second time); what the page
    does not show is left out."""
    root = parse(html, url, ids=False, classes=True)
    for element in cast(list[etree._Element], _MAYBE_UNSEEN(root)):
        if _unseen(element):
            remove(element)
    return root


_NAVIGATION = etree.XPath('(//nav | //*[@role="navigation"])'
                          '[not(ancestor::nav or ancestor::*[@role="navigation"])]')
"""The outermost menus: a menu inside another is in its text already (read again for each
menu around it, a page of menus left open held millions of characters of them)."""


def _navigation(root: etree._Element) -> str:
    """The text of the page's navigation (its menus), white space folded."""
    texts = (" ".join(cast(str, nav.xpath("string()")).split())
             for nav in cast(list[etree._Element], _NAVIGATION(root)))
    return "\n".join(text for text in texts if text)


MAX_NESTING_WORK = 1_000_000
"""Above this sum of the elements' depths trafilatura is not asked, a guard against
hostile pages, not tuning: its link-density test reads each element's text again for each
element above it, so its work grows with this sum. The largest of about 2,100 real pages
in the evaluation data sums 156,000 (the median 9,000); 864 KB of nested link lists built
to be slow sum 3.3 million and cost trafilatura 7 s of CPU."""
MAX_LINK_TEXT_WORK = 5_000_000
"""...nor above this many characters of text inside links, each counted once for each
link holding it: the same test reads each link's whole text, so links left unclosed
around a long text (libxml2 nests them) cost it that text once per link. The largest
real page counts 252,000 (the median 2,800); a mutated 2.4 MB page with unclosed links
counts 47 million and cost trafilatura 6 s."""
MAX_TEXT_DEPTH_WORK = 30_000_000
"""...nor above this many characters of text, each counted once for each element holding
it: trafilatura's last resort (its port of readability) reads each candidate paragraph's
whole text, and its link-density test each block's, so elements left unclosed around a
long text cost it that text once per element holding it. The largest real page counts
13.8 million (the median 360,000); a mutated 1.7 MB page counts 450 million and cost
trafilatura 5.8 s, a mutated 1.2 MB page 88 million and 3.5 s (of a 5.7 s extraction)."""
MAX_ELEMENTS = 30_000
"""...nor on a page of more elements than this: some of trafilatura's steps grow faster
than the page (an XPath search such as ".//p//text()" merges each paragraph's matches
into the whole result, comparing them). The largest real page holds 15,800 elements (the
median 860); a mutated 2.9 MB page of 56,000 elements cost trafilatura 4 s, a mutated
2.3 MB page of 46,000 elements 3.5 s in its fast mode."""
MAX_FULL_RUN_ELEMENTS = 16_000
"""Past this many elements (and up to MAX_ELEMENTS) trafilatura is asked in its fast mode,
without its comparison with other extractors: justext's classification looks for each
short paragraph's nearest long neighbour, so a run of short paragraphs costs it the
square of its length. The largest real page holds 15,800 elements. Mutated pages of
duplicated tags cost trafilatura, in its full mode and then its fast one, 4.3 s and 1.3 s
(2.0 MB, 25,100 elements), 4.2 s and 2.4 s (3.0 MB, 19,500 elements)."""


MAX_FULL_RUN_TAIL_WORK = 100_000_000
"""...and past this sum, over the page's elements, of each one's children times the text
after them: the port of readability that trafilatura's full mode runs drops elements one
by one, each adding the text after it to the text before, so a long run of dropped
siblings costs the square of their text. The largest real page sums 13.9 million (the
median 29,000); a mutated 2.1 MB page of duplicated menu items sums 2.5 billion and cost
trafilatura 5.5 s in its full mode, 0.3 s in its fast one."""


MAX_TAIL_WORK = 1_000_000_000
"""...and past this sum trafilatura is not asked at all: its clean-up, in either mode,
drops the elements it never reads (forms, embeds, menus) one by one in the same way. The
largest real page sums 13.9 million; a mutated 1.4 MB page of duplicated tags sums 4.8
billion and cost trafilatura 6.4 s in its fast mode, all of it in that clean-up."""


class _Work(NamedTuple):
    """What trafilatura's run on a page grows with (see the bounds above)."""
    depths: int
    link_text: int
    nested_text: int
    elements: int
    sibling_tails: int


def _nesting_work(root: etree._Element) -> _Work:
    """The page's work measures, counted up to just past any bound."""
    depth = total = links = text = deep_text = elements = tails = 0
    # Per open element: [its children so far, the length of their tails].
    open_counts: list[list[int]] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            elements += 1
            total += depth
            depth += 1
            own = len(element.text or "")
            deep_text += depth * own
            if element.tag == "a":
                links += 1
            if links:
                text += links * own
            open_counts.append([0, 0])
        else:
            depth -= 1
            tail = len(element.tail or "")
            deep_text += depth * tail
            if element.tag == "a":
                links -= 1
            if links:
                text += links * tail
            children, their_tails = open_counts.pop()
            tails += children * their_tails
            if open_counts:
                counts = open_counts[-1]
                counts[0] += 1
                counts[1] += tail
        if (total > MAX_NESTING_WORK or text > MAX_LINK_TEXT_WORK
                or deep_text > MAX_TEXT_DEPTH_WORK or elements > MAX_ELEMENTS
                or tails > MAX_TAIL_WORK):
            break
    return _Work(total, text, deep_text, elements, tails)


def _trafilatura(root: etree._Element, url: str | None, fast: bool = False) -> list[str]:
    """trafilatura's paragraphs of the page `_decoded` made (`fast`: in its fast mode)."""
    import trafilatura  # lazily: only weak pages pay for the import and the run

    result: Any = trafilatura.extract(root, url=url, include_comments=False,
                                      include_tables=True, with_metadata=False, fast=fast)
    return _paragraphs(result) if isinstance(result, str) else []


def _read_by_trafilatura(ctx: Context, html: HTMLInput, images: Iterable[Image]
                         ) -> tuple[list[str], str] | str:
    """trafilatura's lines of the page, weighed as both rules weigh them (without credit
    lines, the lines the engine read as related items or picture texts, and copies),
    with the text of the page's menus; or, when trafilatura is not asked to read the
    page at all, why."""
    settings = ctx.settings
    root = _decoded(html, ctx.url)
    nesting, link_text, deep_text, elements, sibling_tails = _nesting_work(root)
    if nesting > MAX_NESTING_WORK:
        return (f"unasked: the page's nesting (its elements' depths sum to over "
                f"{MAX_NESTING_WORK:,}) is past what trafilatura reads in bounded time")
    if link_text > MAX_LINK_TEXT_WORK:
        return (f"unasked: the page's links nest around over {MAX_LINK_TEXT_WORK:,} "
                "characters of text, past what trafilatura reads in bounded time")
    if deep_text > MAX_TEXT_DEPTH_WORK:
        return (f"unasked: the page's elements nest around over {MAX_TEXT_DEPTH_WORK:,} "
                "characters of text, past what trafilatura reads in bounded time")
    if elements > MAX_ELEMENTS:
        return (f"unasked: the page holds over {MAX_ELEMENTS:,} elements, past what "
                "trafilatura reads in bounded time")
    if sibling_tails > MAX_TAIL_WORK:
        return (f"unasked: the text after the page's elements, counted once for each of "
                f"their siblings, sums to over {MAX_TAIL_WORK:,} characters, past what "
                "trafilatura reads in bounded time")
    menus = _navigation(root)  # before trafilatura, which may edit the tree
    marked = _picture_texts(root)
    fast = elements > MAX_FULL_RUN_ELEMENTS or sibling_tails > MAX_FULL_RUN_TAIL_WORK
    read = _without_credit_lines(_trafilatura(root, ctx.url, fast), settings)
    other = without_copies(_without_found(read, ctx.related, images,
                                          settings.max_found_share, marked),
                           settings.copy_min_chars)
    return other, menus


def _without_credit_lines(paragraphs: list[str], settings: Settings) -> list[str]:
    """`paragraphs` without the lines that are a picture's credit alone ("Image credit:
    example.com"), which the engine leaves out of its own text wherever they stand: the
    credited picture may be one the engine did not take (a slideshow's)."""
    return [paragraph for paragraph in paragraphs if not credit_alone(paragraph, settings)]


def _without_found(paragraphs: list[str], related: list[RelatedLink],
                   images: Iterable[Image], most: float,
                   marked: frozenset[str] = frozenset()) -> list[str]:
    """`paragraphs` without the lines the engine has already read as something other than
    the story: a related headline or its teaser (of `FOUND_MIN_WORDS` words or more), a
    picture's caption or credit, or a text the page marks as one (`marked`, from
    `_picture_texts`; trafilatura reads the page whole, its related lists and captions
    included). Headlines stay when they hold more than the share `most` of the other
    lines' words (a page listing stories: the list is its text)."""
    headlines: set[str] = set()
    for link in related:
        headlines.add(_folded(link.title))
        if link.teaser:
            headlines.add(_folded(link.teaser))
            headlines.add(_folded(f"{link.title} {link.teaser}"))  # a card read as one line
    captions: list[str] = []
    credits: list[str] = []
    for image in images:
        if image.caption:
            captions.append(_folded(image.caption))
        if image.credit:
            credits.append(_folded(image.credit))
    pictures = set(captions) | marked
    if not headlines and not pictures and not credits:
        return paragraphs
    # Captions and credits are never the story's text; headlines may be a page's own list.
    shown: list[str] = []
    kept: list[str] = []
    for paragraph in paragraphs:
        folded = _folded(paragraph)
        if folded in pictures or _credit_line(folded, captions, credits):
            continue
        shown.append(paragraph)
        if not (folded in headlines and count_words(paragraph) >= FOUND_MIN_WORDS):
            kept.append(paragraph)
    if len(kept) == len(shown):
        return kept
    total = sum(count_words(p) for p in shown)
    return kept if total - sum(count_words(p) for p in kept) <= most * total else shown


_MAYBE_PICTURE_TEXT = etree.XPath(
    "//figcaption | //*[contains(translate(@class, 'CAPTIONRED', 'captionred'), 'caption')"
    " or contains(translate(@class, 'CAPTIONRED', 'captionred'), 'credit')]")
"""Elements that may be a picture's caption or credit (`_picture_texts` reads their class)."""
PICTURE_TEXT_CLASSES = (CAPTION_TOKENS - {"description", "legend"}) | frozenset({
    "credit", "credits", "imagecredit", "photocredit", "creditline", "captioncredit",
    "creditcaption"})
"""Class tokens of a picture's caption or credit: the engine's caption names but those
that name other text as often ("description", "legend": a shop's product text, a
chart's key), and the credit names but "copyright" (a footer's notice)."""
MAX_PICTURE_TEXT = 1000
"""A caption-named element holding more text than this is a wrapper of the page's text."""
_CLASS_SPLIT = re.compile(r"[^a-z0-9]+")


def _picture_texts(root: etree._Element) -> frozenset[str]:
    """The texts, folded, that the page marks as pictures' captions or credits (a
    <figcaption>, a "caption" or "credit" class), whole and each node's own leading text
    (the caption before its credit: "<p>Caption <b class='credit'>Credit</b></p>"), of
    every picture of the page, the story's or not."""
    texts: set[str] = set()
    for element in cast(list[etree._Element], _MAYBE_PICTURE_TEXT(root)):
        if element.tag != "figcaption":
            parts = [part for part in _CLASS_SPLIT.split((element.get("class") or "").lower())
                     if part]
            if PICTURE_TEXT_CLASSES.isdisjoint(parts) and "".join(parts) not in PICTURE_TEXT_CLASSES:
                continue
        whole = cast(str, element.xpath("string()"))
        if len(whole) > MAX_PICTURE_TEXT:
            continue
        texts.add(_folded(whole))
        for node in element.iter():
            if isinstance(node.tag, str) and node.text:
                texts.add(_folded(node.text))
    texts.discard("")
    return frozenset(texts)


def _credit_line(line: str, captions: list[str], credits: list[str]) -> bool:
    """The line is a picture's credit as the page shows it: alone or labelled ("Photo:
    Jane Doe", "© Jane Doe"), maybe after its caption. The engine keeps the credit without
    its label, so the line is matched by its end."""
    for credit in credits:
        if not credit or not line.endswith(credit):
            continue
        head = line[: len(line) - len(credit)].strip()
        for caption in captions:
            if caption and head.startswith(caption):
                head = head[len(caption):].strip()
                break
        if not head or (head.endswith((":", "©")) and len(head.split()) <= CREDIT_LABEL_WORDS):
            return True
    return False


FOUND_MIN_WORDS = 4
"""Words of a line `_without_found` may leave out: shorter ones name things (a film, a
product) of a list of the page's own as often as they are another story's headline."""
CREDIT_LABEL_WORDS = 2
"""Words of a credit's label ("Photo:", "Image credit:", "©")."""


def _folded(text: str) -> str:
    return collapse(text).casefold()


def _menu_words(paragraphs: list[str], menus: str, shortest: int) -> int:
    """The weighed words of `paragraphs` (as `_story_words`) in lines found in the page's
    navigation."""
    return sum(count_words(p) for p in paragraphs
               if not is_legal(p) and count_words(p) >= shortest
               and " ".join(p.split()) in menus)


def _in_menus(menus: str) -> Callable[[str], bool]:
    """Whether a line is, word for word, text of the page's navigation (`menus`)."""
    padded = f" {' '.join(menus.split())} "
    return lambda line: f" {' '.join(line.split())} " in padded


def _all_menu(paragraphs: list[str], menus: str) -> bool:
    """Every line of `paragraphs` is text of the page's navigation: the engine read a
    menu's labels (a shell whose story a script fills in), not a story."""
    return bool(paragraphs and menus) and all(map(_in_menus(menus), paragraphs))


def _without_menu_labels(paragraphs: list[str], menus: str, longest: int) -> list[str]:
    """`paragraphs` without the lines shorter than `longest` words that are text of the
    page's navigation: the menu labels trafilatura reads with a page's text, which the
    engine's own reading leaves out with the menus. A longer line stays (a menu holding
    a teaser's sentence, or a page's text marked as its navigation)."""
    if not menus:
        return paragraphs
    in_menus = _in_menus(menus)
    return [p for p in paragraphs if count_words(p) >= longest or not in_menus(p)]


def second_opinion(ctx: Context, html: HTMLInput, paragraphs: list[str], page_words: int, *,
                   doubtful: bool = False, images: Iterable[Image] = ()
                   ) -> tuple[list[str], TextSource, str]:
    """The paragraphs to keep, which engine produced them, and why. `page_words` is all
    the words of the page (`confidence.page_words`): trafilatura, which reads no more
    than the page, is not asked for more words than that. A `doubtful` story (not weak
    enough for the rule above) gives way only to much more prose: a list of labels taken
    for a page whose text is sentences. `images` are the story's pictures: their captions
    and credits, like the related headlines in `ctx.related`, are no line of trafilatura's
    text (`_without_found`)."""
    if doubtful:
        return _more_prose(ctx, html, paragraphs, page_words, images)
    own = _story_words(paragraphs)
    body = _raw_ld_body(ctx)
    if body is not None and ld_text(ctx.meta, "articleBody"):
        ld_paragraphs = _paragraphs(body)
        ld_words = _story_words(ld_paragraphs)
        if ld_words >= ctx.settings.min_ld_words and ld_words > own:
            return ld_paragraphs, "json-ld", (
                f"json-ld articleBody: {ld_words} words against the engine's {own}")
    needed = max(ctx.settings.min_second_words, ctx.settings.fallback_gain * own)
    if needed > page_words:
        return paragraphs, "newsclean", (
            f"unasked: trafilatura would need {needed:.0f} words, the page holds {page_words}")
    read = _read_by_trafilatura(ctx, html, images)
    if isinstance(read, str):
        return paragraphs, "newsclean", read
    other, menus = read
    other_words = _story_words(other, ctx.settings.min_line_words)
    if other_words >= needed and own:
        menu = _menu_words(other, menus, ctx.settings.min_line_words)
        if menu > ctx.settings.menu_share * other_words:
            if _all_menu(paragraphs, menus):
                return [], "newsclean", (
                    f"no story: the engine's lines and {menu} of trafilatura's "
                    f"{other_words} words are the page's menus")
            return paragraphs, "newsclean", (
                f"kept: {menu} of trafilatura's {other_words} words are the page's menus")
    if other_words >= needed:
        # More words but not more vocabulary: a banner repeated per country or currency, a
        # product grid read twice. Its words must be new words too.
        other_vocabulary = _vocabulary(other, ctx.settings.min_line_words)
        own_vocabulary = _vocabulary(paragraphs, 0)
        if other_vocabulary < ctx.settings.vocabulary_gain * own_vocabulary:
            return paragraphs, "newsclean", (
                f"kept: trafilatura's {other_words} words hold {other_vocabulary} distinct "
                f"words, the engine's {own_vocabulary}")
        return (_without_menu_labels(other, menus, ctx.settings.prose_line_words), "trafilatura",
                f"trafilatura: {other_words} words against the engine's {own}")
    return paragraphs, "newsclean", (
        f"kept: trafilatura found {other_words} words, the engine {own}")


_LETTER = re.compile(r"[^\W\d_]")
"""A letter of any script: a word without one is a figure (a price, a rank, an amount)."""


def _line_vocabulary(paragraphs: list[str], shortest: int,
                     words: Callable[[str], set[str]]) -> set[str]:
    """The distinct `words` of the lines of `shortest` words or more, outside footer and
    small-print lines: a line repeated in twenty variants (a banner per country, per
    currency) gives one line's words."""
    vocabulary: set[str] = set()
    for paragraph in paragraphs:
        if count_words(paragraph) >= shortest and not is_legal(paragraph):
            vocabulary |= words(paragraph)
    return vocabulary


def _vocabulary(paragraphs: list[str], shortest: int) -> int:
    """The distinct words with a letter (`_line_vocabulary`, a CJK character a word): a line
    repeated with another figure adds nothing, nor do the figures of a price list."""
    vocabulary = _line_vocabulary(paragraphs, shortest, distinct_words)
    return sum(1 for word in vocabulary if _LETTER.search(word))


def _prose_words(paragraphs: list[str], shortest: int) -> int:
    """Distinct words (`_line_vocabulary`) of the lines long enough to be sentences, not
    labels."""
    return len(_line_vocabulary(paragraphs, shortest, word_set))


def _more_prose(ctx: Context, html: HTMLInput, paragraphs: list[str], page_words: int,
                images: Iterable[Image]) -> tuple[list[str], TextSource, str]:
    settings = ctx.settings
    own = _prose_words(paragraphs, settings.prose_line_words)
    if own >= settings.doubt_max_prose:
        return paragraphs, "newsclean", (
            f"unasked: the engine's story holds {own} distinct words of prose, "
            f"a story, not a list of labels")
    needed = max(settings.min_second_words, settings.prose_gain * own)
    # Distinct words are never more than words, so the page's count bounds them too.
    if needed > page_words:
        return paragraphs, "newsclean", (
            f"unasked: trafilatura would need {needed:.0f} distinct words of prose, "
            f"the page holds {page_words} words")
    read = _read_by_trafilatura(ctx, html, images)
    if isinstance(read, str):
        return paragraphs, "newsclean", read
    other, menus = read
    other_prose = _prose_words(other, settings.prose_line_words)
    if other_prose >= needed:
        return _without_menu_labels(other, menus, settings.prose_line_words), "trafilatura", (
            f"trafilatura: {other_prose} distinct words of prose against the engine's {own}")
    return paragraphs, "newsclean", (
        f"kept: trafilatura found {other_prose} distinct words of prose, the engine {own}")


def last_resort(ctx: Context, html: HTMLInput) -> tuple[list[str], str | None]:
    """For a page both engines read as empty: the paragraphs of prose it shows anywhere,
    in page order, and why; else no paragraphs and None. Its only text may sit where no
    story is looked for (an <aside>, a <footer>, a box named for comments), and a reader
    who gets nothing loses the page. A prose paragraph is a <p> of `prose_line_words` or
    more, mostly not links, and no small print; it takes two or more of them holding
    `min_story_words` in all, as a story would: a page's lone banner (a crisis line, a
    cookie notice) is no story."""
    settings = ctx.settings
    root = _decoded(html, ctx.url)  # (what the page does not show is left out)
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    prose: list[str] = []
    for paragraph in root.iter("p"):
        nested = has_descendant(paragraph, "p")
        text, linked = text_beside_paragraphs(paragraph) if nested else (inner_text(paragraph), 0)
        if count_words(text) < settings.prose_line_words or is_legal(text):
            continue
        density = linked / len(text) if nested else link_density(paragraph)
        if density <= settings.noise_link_density:
            prose.append(text)
    prose = without_copies(prose, settings.copy_min_chars)
    words = sum(map(count_words, prose))
    if len(prose) < 2 or words < settings.min_story_words:
        return [], None
    return prose, (f"last resort: {len(prose)} paragraphs of prose ({words} words) where "
                   "no story is looked for")
