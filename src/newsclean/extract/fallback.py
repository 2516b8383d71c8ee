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
     navigation (its menus, which trafilatura sometimes reads for a short story);
     trafilatura's copies of a paragraph (as the engine's reading of a story leaves out:
     a page built once per screen size) are left out before it is weighed; and its
     distinct words with a letter (in those lines) must also be `Settings.vocabulary_gain`
     times the engine's, so a line repeated with small changes (a banner per country or
     currency) or a text read twice cannot win by length alone;
  3. otherwise the engine's story stays; so it does, without asking trafilatura, when the
     words trafilatura would need are more than the whole page holds (a story already
     holding most of the page: the run, the costliest step of a weak page, could not win).
A doubtful story (confidence at or over `fallback_below`, under `Settings.doubt_below`)
skips 1 and 2: trafilatura's text replaces it only when it holds `Settings.prose_gain`
times its prose (distinct words of lines of `Settings.prose_line_words` words or more),
and is kept unasked on the same ground as in 3.
"""

from __future__ import annotations

import re
from typing import Any, Literal, cast

from lxml import etree

from ..decoding.tree import parse
from .confidence import count_words, distinct_words, word_set
from .context import Context, HTMLInput
from .metadata import ld_text
from .paragraphs import without_copies
from .patterns import is_legal
from .text import remove

__all__ = ["TextSource", "second_opinion"]

TextSource = Literal["newsclean", "json-ld", "trafilatura"]


_LINES = re.compile(r"\s*\n\s*")


def _story_words(paragraphs: list[str], shortest: int = 0) -> int:
    """Words outside footer and small-print lines, and outside lines shorter than
    `shortest` words: what a candidate is weighed by."""
    counts = (count_words(p) for p in paragraphs if not is_legal(p))
    return sum(words for words in counts if words >= shortest)


def _paragraphs(text: str) -> list[str]:
    return [line for line in _LINES.split(text.strip()) if line]


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


_NAVIGATION = etree.XPath('//nav | //*[@role="navigation"]')


def _navigation(root: etree._Element) -> str:
    """The text of the page's navigation (its menus), white space folded."""
    texts = (" ".join(cast(str, nav.xpath("string()")).split())
             for nav in cast(list[etree._Element], _NAVIGATION(root)))
    return "\n".join(text for text in texts if text)


def _trafilatura(root: etree._Element, url: str | None) -> list[str]:
    """trafilatura's paragraphs of the page `_decoded` made."""
    import trafilatura  # lazily: only weak pages pay for the import and the run

    result: Any = trafilatura.extract(root, url=url, include_comments=False,
                                      include_tables=True, with_metadata=False)
    return _paragraphs(result) if isinstance(result, str) else []


def _menu_words(paragraphs: list[str], menus: str, shortest: int) -> int:
    """The weighed words of `paragraphs` (as `_story_words`) in lines found in the page's
    navigation."""
    return sum(count_words(p) for p in paragraphs
               if not is_legal(p) and count_words(p) >= shortest
               and " ".join(p.split()) in menus)


def second_opinion(ctx: Context, html: HTMLInput, paragraphs: list[str], page_words: int, *,
                   doubtful: bool = False) -> tuple[list[str], TextSource, str]:
    """The paragraphs to keep, which engine produced them, and why. `page_words` is all
    the words of the page (`confidence.page_words`): trafilatura, which reads no more
    than the page, is not asked for more words than that. A `doubtful` story (not weak
    enough for the rule above) gives way only to much more prose: a list of labels taken
    for a page whose text is sentences."""
    if doubtful:
        return _more_prose(ctx, html, paragraphs, page_words)
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
    root = _decoded(html, ctx.url)
    menus = _navigation(root)  # before trafilatura, which may edit the tree
    other = without_copies(_trafilatura(root, ctx.url), ctx.settings.copy_min_chars)
    other_words = _story_words(other, ctx.settings.min_line_words)
    if other_words >= needed and own:
        menu = _menu_words(other, menus, ctx.settings.min_line_words)
        if menu > ctx.settings.menu_share * other_words:
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
        return other, "trafilatura", f"trafilatura: {other_words} words against the engine's {own}"
    return paragraphs, "newsclean", (
        f"kept: trafilatura found {other_words} words, the engine {own}")


_LETTER = re.compile(r"[^\W\d_]")
"""A letter of any script: a word without one is a figure (a price, a rank, an amount)."""


def _vocabulary(paragraphs: list[str], shortest: int) -> int:
    """The distinct words with a letter in the lines of `shortest` words or more, outside
    footer and small-print lines: a line repeated with another figure or currency (a
    shipping banner per country) adds nothing, nor do the figures of a price list."""
    vocabulary: set[str] = set()
    for paragraph in paragraphs:
        if count_words(paragraph) >= shortest and not is_legal(paragraph):
            vocabulary |= distinct_words(paragraph)
    return sum(1 for word in vocabulary if _LETTER.search(word))


def _prose_words(paragraphs: list[str], shortest: int) -> int:
    """Distinct words of the lines of `shortest` words or more (sentences, not labels),
    outside footer and small-print lines: a banner repeated in twenty variants (one per
    country, per currency) is one banner's words."""
    vocabulary: set[str] = set()
    for paragraph in paragraphs:
        if count_words(paragraph) >= shortest and not is_legal(paragraph):
            vocabulary |= word_set(paragraph)
    return len(vocabulary)


def _more_prose(ctx: Context, html: HTMLInput, paragraphs: list[str], page_words: int
                ) -> tuple[list[str], TextSource, str]:
    settings = ctx.settings
    own = _prose_words(paragraphs, settings.prose_line_words)
    needed = max(settings.min_second_words, settings.prose_gain * own)
    # Distinct words are never more than words, so the page's count bounds them too.
    if needed > page_words:
        return paragraphs, "newsclean", (
            f"unasked: trafilatura would need {needed:.0f} distinct words of prose, "
            f"the page holds {page_words} words")
    other = without_copies(_trafilatura(_decoded(html, ctx.url), ctx.url),
                            settings.copy_min_chars)
    other_prose = _prose_words(other, settings.prose_line_words)
    if other_prose >= needed:
        return other, "trafilatura", (
            f"trafilatura: {other_prose} distinct words of prose against the engine's {own}")
    return paragraphs, "newsclean", (
        f"kept: trafilatura found {other_prose} distinct words of prose, the engine {own}")
