"""The header: title, byline and authors, dates, and the dateline opening the story.

The rule's title, author and date selectors run before the clean-up (they may point at
<meta> or <script>); the engine's title and byline right after it, while menus and asides
(where author links often sit) are still there; authors, dates and the dateline last.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from html import unescape
from itertools import islice
from typing import cast

from lxml import etree

from ...model import Dateline
from ...rules.selectors import select, select_text
from ..context import Context, Element
from ..guards import MAX_SCANNED_ELEMENTS
from ..metadata import (
    MAX_NAME_WORDS,
    PageMeta,
    absolute,
    date_in_text,
    date_in_url,
    dedupe,
    is_author_item,
    ld_authors,
    ld_text,
    looks_like_name,
    meta_published,
    parse_date,
    script_authors,
    script_published,
    signed_date,
    split_authors,
)
from ..patterns import (
    ACCOUNT_NAMES,
    AUTHOR_HREF,
    AUTHOR_LABEL,
    AUTHOR_META,
    AUTHOR_ROLE,
    BYLINE_HINT,
    BYLINE_LINE_TAGS,
    BYLINE_PREFIX,
    BYLINE_TOKENS,
    COMMENT_STEMS,
    DATE_HINT,
    DATE_ONLY_LINE,
    DATE_TOKENS,
    DATELINE,
    DATELINE_EAST_ASIAN,
    MODIFIED_META,
    NOT_BYLINE_TOKENS,
    OPENING_TAGS,
    PICTURE_CREDIT_OPENING,
    PUBLISHED_INSIDE,
    PUBLISHED_META,
    PUBLISHED_PREFIX,
    RELATIVE_TIME,
    REMOVED_LAYOUT,
    REPLY_TOKENS,
    SIGNATURE_SPLIT,
    THREAD_HEADING,
    TITLE_HEAD,
    TITLE_LABEL,
    TITLE_SUFFIX,
    UPDATED_PREFIX,
    WRITTEN_YEAR,
)
from ..related_items import published_from_age
from ..settings import Settings
from ..text import (
    class_tokens,
    collapse,
    holds_any,
    names_hint,
    raw_text,
    short_text,
    text_pieces,
    visible_text,
    within,
    without_permalink,
)

__all__ = ["dateline_date", "find_authors", "find_dateline", "find_dates", "find_title",
           "line_authors", "read_byline", "read_rule_fields"]


def read_rule_fields(ctx: Context) -> None:
    """Run the rule's title, author and date selectors on the page as parsed, before
    the clean-up drops <meta> and <script> elements they may point at."""
    rule = ctx.rule
    if rule is None:
        return
    for selector in rule.title:
        texts = [collapse(t) for t in select_text(ctx.root, selector)]
        found = next((t for t in texts if t), None)
        if found:
            elements = select(ctx.root, selector)
            ctx.rule_title = (found, elements[0] if elements else None)
            ctx.note_first(elements, "title", f"title {selector}")
            break
    # (as _byline_names: a longer text is an author box or a whole article; on broken
    # markup a selector may match element after element each holding the rest of the page)
    longest = ctx.settings.max_byline * ctx.settings.byline_box_factor
    for selector in rule.authors:
        names: list[str] = []
        for text in select_text(ctx.root, selector):
            text = collapse(text)
            if len(text) <= longest:
                names.extend(split_authors(text))
        if names:
            ctx.rule_authors = dedupe(names)
            ctx.note_first(select(ctx.root, selector), "byline", f"authors {selector}")
            break
    for selector in rule.published:
        for element in select(ctx.root, selector):
            ctx.rule_published = parse_date(
                element.get("datetime") or element.get("content") or collapse(raw_text(element)))
            if ctx.rule_published:
                ctx.note_first([element], "date", f"published {selector}")
                return
        for text in select_text(ctx.root, selector):
            ctx.rule_published = parse_date(text)
            if ctx.rule_published:
                return


def find_title(ctx: Context) -> None:
    ctx.title, ctx.title_element = _title(ctx)


def _title(ctx: Context) -> tuple[str | None, Element | None]:
    meta = ctx.meta
    if ctx.rule_title is not None:
        return ctx.rule_title
    reference = ld_text(meta, "headline") or meta.first("og:title", "twitter:title")
    if reference and "&" in reference:
        reference = unescape(reference)  # escaped twice: "Wohngew&#x00E4;chshaus"
    if reference or not meta.html_title:
        best = _headline(ctx.body, reference, ctx.settings)
    else:
        # Without a title in the metadata, the title tag points at the headline (a
        # forum's h1 is often its name, the thread's title an h2); failing that, the
        # first h1 is taken.
        best = _headline(ctx.body, meta.html_title, ctx.settings)
        if best is not None:
            reference = meta.html_title
        else:
            best = _headline(ctx.body, None, ctx.settings)
    if best is not None:
        ctx.note(best[2], "title", "headline", "engine:title")
        text = best[1]
        if reference and len(best[2]) and text.casefold() != reference.casefold():
            text = _part_named(best[2], reference) or _before_byline(text, reference)
            if _kicker_joined(text, reference):
                # Its parts set as lines ("<span>Kicker</span><span>Headline</span>")
                # read as one run of words: the metadata's title says it with the colon.
                text = collapse(reference)
        return _without_site_name(text, meta), best[2]
    fallback = reference or meta.html_title
    if fallback:
        return strip_site_suffix(fallback, meta), None
    return None, None


def _headline(body: Element, reference: str | None, settings: Settings
              ) -> tuple[float, str, Element] | None:
    """The h1 or h2 most like the title `reference` (each h1 favoured), with its score
    and text; without a reference, the first h1."""
    # The title before a separator ("Headline | a tagline of the blog"): the headline may
    # be that part alone.
    head = TITLE_HEAD.match(reference) if reference else None
    best: tuple[float, str, Element] | None = None
    for heading in body.iter("h1", "h2"):
        text = collapse(raw_text(heading))
        if not text or len(text) > settings.max_headline or THREAD_HEADING.match(text):
            continue
        text = without_permalink(TITLE_LABEL.sub("", text)) or text
        if reference:
            score = similarity(text, reference)
            if head is not None and heading.tag == "h1":
                score = max(score, similarity(text, head.group(1)))
            if heading.tag == "h1":
                score += settings.h1_favour
        else:
            score = 1.0 if heading.tag == "h1" else 0.0
        if score >= settings.min_headline_similarity and (best is None or score > best[0]):
            best = (score, text, heading)
        if heading.tag == "h1" and not reference and best is not None:
            break
    return best


def _kicker_joined(text: str, reference: str) -> bool:
    """Whether the headline is the metadata's "Kicker: Headline" with the colon lost
    between the two parts."""
    kicker, colon, rest = collapse(reference).partition(": ")
    return bool(colon) and f"{kicker} {rest}".casefold() == text.casefold()


def _before_byline(headline: str, reference: str) -> str:
    """The headline without the byline or date line that markup left open inside it ("…
    Security Posted on July 1, 2024 by Jo"): the metadata's title, then such a line."""
    if headline[:len(reference)].casefold() != reference.casefold():
        return headline
    rest = headline[len(reference):]
    if rest[:1].isspace() and (PUBLISHED_PREFIX.match(rest) or UPDATED_PREFIX.match(rest)
                               or BYLINE_PREFIX.match(rest)):
        return headline[:len(reference)]
    return headline


def _part_named(heading: Element, reference: str) -> str | None:
    """The text of an element inside the headline that is the page's title as its
    metadata gives it: the headline without its kicker ("<h1><span>Housing</span><span>
    Rents keep rising</span></h1>", set as two lines, read as one run of words)."""
    wanted = collapse(reference).casefold()
    for part in heading.iterdescendants():
        text = collapse(raw_text(part))
        if text.casefold() == wanted:
            return text
    return None


def read_byline(ctx: Context) -> None:
    """Find the byline before menus, asides and related blocks are removed (author
    links often sit in a sidebar): first near the headline, then author links anywhere."""
    # Without a headline read (an empty <h1>, the title from the metadata), the page's
    # first <h1> still marks where the story's header is.
    near = ctx.title_element if ctx.title_element is not None else next(ctx.body.iter("h1"), None)
    for _ in range(ctx.settings.byline_scope_levels):
        if near is None or near.getparent() is None:
            break
        near = near.getparent()
    settings = ctx.settings
    # Near the headline every element may be the byline; elsewhere only author links.
    read = 0
    if near is not None:
        for element in islice(near.iter(), MAX_SCANNED_ELEMENTS):
            read += 1
            names = _byline_names(element, settings)
            if (names and not _in_other_piece(element, near, ctx.title_element)
                    and not (element.tag == "a" and _in_comment(element))):
                _take_byline(ctx, element, names)
                return
    # The links near the headline were read above (when all of it was): not again.
    done = set(near.iter("a")) if near is not None and read < MAX_SCANNED_ELEMENTS else ()
    for link in islice(ctx.body.iter("a"), MAX_SCANNED_ELEMENTS):
        if link not in done:
            names = _linked_names(link, settings)
            if names and not _in_comment(link):
                _take_byline(ctx, link, names)
                return
    # A forum thread has no byline, and its header may name its starter.
    if ctx.title_element is not None:
        ctx.starter_authors = _thread_starter(ctx, ctx.title_element)
    if _people(ld_authors(ctx.meta)) or _people(_meta_authors(ctx.meta)):
        return  # an author box away from the headline counts after these (_authors)
    holders = [cast(Element, value.getparent())
               for value in islice(cast(list[etree._ElementUnicodeResult],
                                        _AUTHOR_CLASSES(ctx.body)), MAX_SCANNED_ELEMENTS)]
    named = (_named_author(holders, settings) or _labelled_name(ctx.body, ctx.page_text)
             or _pictured_name(holders))
    if named is not None:
        ctx.note(named[0], "byline", "author box", "engine:byline")
        ctx.box_authors = named[1]


STARTER_LABELS = frozenset({"thread starter", "topic starter", "discussion starter",
                            "started by", "original poster", "themenstarter"})
"""What a forum thread's header sets before its starter's user name."""
MAX_LABEL = 30
"""Characters of a starter's label as written, white space and all."""
MAX_USER_NAME = 40
"""Characters of a user name (a forum's, so no test of it as a person's name)."""
AFTER_HEADLINE = 60
"""Elements after the headline that may be its byline's line or a thread's header."""


def _after_headline(title: Element) -> Iterator[Element]:
    """The elements that follow the headline in the page, nearest first, AFTER_HEADLINE
    at most: its later siblings and theirs, then those of its wrappers."""
    count = 0
    node: Element | None = title
    while node is not None:
        for sibling in node.itersiblings():
            for element in sibling.iter():
                yield element
                count += 1
                if count >= AFTER_HEADLINE:
                    return
        node = node.getparent()


def _thread_starter(ctx: Context, title: Element) -> list[str]:
    """The user name a thread's header, under its headline, labels as its starter
    ("<span>Thread starter</span> <a>jroe</a>"): a thread's page may open with another
    user's post (its second page, a moderator's note), whose author its microdata names."""
    for label in _after_headline(title):
        text = label.text
        if (not text or len(text) > MAX_LABEL or len(label)
                or " ".join(text.split()).rstrip(":").lower() not in STARTER_LABELS):
            continue
        name = label.getnext()
        if name is None or (label.tail or "").strip():
            continue
        user = collapse(raw_text(name))
        if 0 < len(user) <= MAX_USER_NAME and len(user.split()) <= MAX_NAME_WORDS:
            ctx.note(name, "byline", "thread starter", "engine:byline")
            return [user]
    return []


_LABELS = frozenset({"written by", "article by", "words by", "story by", "text by",
                     "posted by"})
_BOX_PHRASE = re.compile(
    r"(?:(?:view\s+)?all\s+(?:articles|posts|stories)|more\s+(?:articles|posts|stories)|"
    r"(?:this\s+(?:post|article|story)\s+(?:was\s+)?)?written)\s+by\s+(?P<name>[^,|(\n]+)",
    re.IGNORECASE)
"""An author box's line naming its writer in the same text: "All articles by Jo Roe"
(its button), "View all posts by Jo Roe", "This post was written by Jo Roe, Editor"."""
_PHRASE_OPENINGS = ("all articles by", "all posts by", "all stories by", "more articles by",
                    "more posts by", "more stories by", "written by")
_SHORT_BY_TEXTS = etree.XPath(
    "descendant::text()[contains(., 'by') or contains(., 'By') or contains(., 'BY')]"
    "[string-length(.) < 120]")
"""Short texts holding "by", among which an author box's label alone ("Written by",
"Article by:") or its phrase (_BOX_PHRASE), found by libxml2: a walk in Python would
make an object of every element."""
MAX_LABEL_TEXT = 40
"""Characters of a label alone, as written."""
MAX_LABELLED_NAME = 60


def _labelled_name(body: Element, page_text: str) -> tuple[Element, list[str]] | None:
    """The name an author box sets in the element after its label, away from the
    headline ("<div>Written by</div><div>Jo Roe</div>"): a full name alone. The search
    of the tree costs a millisecond: only a page whose text holds a label is searched."""
    lowered = page_text.lower()
    if not any(label in lowered for label in (*_LABELS, *_PHRASE_OPENINGS)):
        return None
    for piece in cast(list[etree._ElementUnicodeResult], _SHORT_BY_TEXTS(body)):
        label = piece.getparent()
        if not piece.is_text or label is None:
            continue
        phrase = _BOX_PHRASE.match(piece.strip())
        if phrase is not None:
            text = collapse(phrase.group("name")).rstrip(".:;")
            if _full_name(text):
                return label, [text]
            continue
        if (len(piece) >= MAX_LABEL_TEXT or len(label)
                or " ".join(piece.split()).rstrip(":").lower() not in _LABELS):
            continue
        name = label.getnext()
        if name is None:
            continue
        text = collapse(raw_text(name))
        if _full_name(text):
            return name, [text]
    return None


def _full_name(text: str) -> bool:
    """A person's full name alone: two to four words, no role."""
    return (len(text) <= MAX_LABELLED_NAME and 2 <= len(text.split()) <= 4
            and looks_like_name(text) and not AUTHOR_ROLE.search(text))


_AUTHOR_CLASSES = etree.XPath("descendant::*/@class[contains(., 'uthor')]")
"""The class attributes that may name an author ("author-name", "authorName", "Author"),
found by libxml2 (a walk in Python would make an object of every element)."""
_NAME_TOKENS = frozenset({"name", "authorname"})


def _named_author(holders: list[Element], settings: Settings
                  ) -> tuple[Element, list[str]] | None:
    """The one name that the page's elements classed as an author's name give
    ("author-box__name"), wherever they sit: an author box at the story's end. Different
    names (cards of other stories, each with its author) name no author of this page."""
    found: tuple[Element, list[str]] | None = None
    for element in holders:
        tokens = class_tokens(element)
        if not tokens & _NAME_TOKENS or not tokens & BYLINE_TOKENS or tokens & NOT_BYLINE_TOKENS:
            continue
        text = short_text(element, settings.max_byline)
        if text is None or len(text) < settings.min_byline:
            continue
        names = dedupe(split_authors(text))
        if not names or not all(looks_like_name(name) for name in names):
            continue
        if found is None:
            found = (element, names)
        elif [name.casefold() for name in names] != [name.casefold() for name in found[1]]:
            return None
    return found


MAX_BOX_LEVELS = 4
"""Wrappers above an author's picture that may be its box."""


def _pictured_name(holders: list[Element]) -> tuple[Element, list[str]] | None:
    """The name an author box gives twice, as its picture's alt text and as a line of
    its own ("<img alt='Jo Roe'><div>Jo Roe</div>"), where nothing names the line: the
    one such name on the page (cards of other stories each show theirs). `holders`:
    the elements whose class may name an author's box."""
    found: tuple[Element, list[str]] | None = None
    pictures = dict.fromkeys(picture for holder in holders for picture in holder.iter("img"))
    for picture in islice(pictures, MAX_SCANNED_ELEMENTS):
        name = collapse(picture.get("alt") or "")
        if not (2 <= len(name.split()) <= 4 and looks_like_name(name)):
            continue
        line = None
        # The box: the picture's wrappers classed as an author's, the nearest first (the
        # nearest may hold the picture alone).
        for box in islice(picture.iterancestors(), MAX_BOX_LEVELS):
            tokens = class_tokens(box)
            if tokens & NOT_BYLINE_TOKENS:
                break
            if tokens & BYLINE_TOKENS:
                line = next((element for element in box.iter(*BYLINE_LINE_TAGS)
                             if not len(element) and collapse(element.text or "") == name),
                            None)
                if line is not None:
                    break
        if line is None:
            continue
        if found is None:
            found = (line, [name])
        elif found[1][0].casefold() != name.casefold():
            return None
    return found


def _in_other_piece(element: Element, near: Element, title: Element | None) -> bool:
    """Whether the element sits, below `near`, inside a link to a page other than an
    author's that does not hold the headline: a byline there is another story's (a
    card's whole box links its story)."""
    node = element.getparent()
    while node is not None and node is not near:
        if (node.tag == "a" and node.get("href") and not _is_author_link(node)
                and (title is None or not within(title, node))):
            return True
        node = node.getparent()
    return False


def _in_comment(link: Element) -> bool:
    """Whether an author link sits in a reader's comment (its profile link)."""
    return any(node.get("class") and class_tokens(node) & NOT_BYLINE_TOKENS
               for node in link.iterancestors())


def _take_byline(ctx: Context, element: Element, names: list[str]) -> None:
    ctx.note(element, "byline", "byline", "engine:byline")
    ctx.byline_authors = names


BYLINE_WORDS = ("author", "byline", "contributor", "writer", "reporter")
"""Every BYLINE_HINT match holds one of these (lower case): looked for first."""
AUTHOR_HREF_WORDS = ("/author", "/writer", "/profile", "/people", "/staff", "/contributor",
                     "/producer", "/autor", "/auteur", "/redaccion", "/journalist", "/byline")
"""...and every AUTHOR_HREF match one of these."""


def _linked_names(link: Element, settings: Settings) -> list[str]:
    """The names an author link gives, with those of the author links beside it in its
    byline line ("<a>Jo Roe</a>, <a>Ana Lima</a>": a line no longer than a byline)."""
    names = _link_names(link)
    line = link.getparent()
    if not names or line is None or short_text(line, settings.max_byline) is None:
        return names
    for other in line.iter("a"):
        if other is not link:
            names.extend(_link_names(other))
    return dedupe(names)


def _link_names(link: Element) -> list[str]:
    """The names an author link (_is_author_link) gives."""
    if _is_author_link(link):
        text = collapse(raw_text(link))
        return split_authors(text) if looks_like_name(text) else []
    return []


def _is_author_link(link: Element) -> bool:
    """rel="author", or an author page's address."""
    href = link.get("href") or ""
    return link.get("rel") == "author" or (holds_any(href, AUTHOR_HREF_WORDS)
                                           and AUTHOR_HREF.search(href) is not None)


def _byline_names(element: Element, settings: Settings) -> list[str]:
    max_byline = settings.max_byline
    tag = element.tag
    if tag == "a":
        return _linked_names(element, settings)
    ident = element.get("id")
    named = element.get("class") or ident
    if (named and _names_byline(named, ident or "")
            and (tokens := class_tokens(element)) & BYLINE_TOKENS
            and not tokens & NOT_BYLINE_TOKENS) or element.get("rel") == "author":
        text = raw_text(element)
        if len(text) > max_byline * settings.byline_box_factor:
            return []  # an author box or a whole article, not a byline
        # Less its screen-reader labels: a brand's name set before "von Jo Roe".
        text = collapse(visible_text(element) if len(element) else text)
        if PICTURE_CREDIT_OPENING.match(text):
            return []  # a picture's credit, named for its author
        if settings.min_byline <= len(text) <= max_byline:
            names = dedupe(split_authors(text))
            roles = _role_parts(element) if names and len(element) else []
            if roles:
                # (its parts apart are not names then: one is the role)
                return _without_role_parts(element, names, roles)
            return names if len(names) > 1 else _names_apart(element) or names
        return []
    # (A blank opening, a wrapper's indent, holds no "By": the match is not tried.)
    if (tag in BYLINE_LINE_TAGS and (opening := element.text) and not opening.isspace()
            and BYLINE_PREFIX.match(opening) and len(element) <= settings.max_byline_children):
        text = collapse(raw_text(element))
        if BYLINE_PREFIX.fullmatch(text):
            # The label set alone ("<span>By</span><span>Jo Roe</span>"): its line is
            # the element it opens, its parts apart (the style sheet spaces them).
            line = element.getparent()
            if line is None or line[0] is not element or (line.text and not line.text.isspace()):
                return []
            text = collapse(" ".join(text_pieces(line)))
        if len(text) <= max_byline and BYLINE_PREFIX.match(text):
            names = split_authors(text)
            if names and all(looks_like_name(n) for n in names):
                return dedupe(names)
    return []


ROLE_CLASS_TOKENS = frozenset({"role", "job", "jobtitle", "position", "designation",
                               "occupation", "publication", "affiliation", "organization",
                               "organisation"})
"""Class words of the element a byline sets its writer's role in ("team-role"), or the
title the writer works for ("<span class='publication'>USA TODAY</span>")."""


def _role_parts(byline: Element) -> list[Element]:
    """The byline's elements holding the writer's role or employer: classed as a role or
    a publication, or as the author's title (beside "author-name")."""
    roles = []
    for node in byline.iterdescendants():
        if not isinstance(node.tag, str) or not node.get("class"):
            continue
        tokens = class_tokens(node)
        if tokens & ROLE_CLASS_TOKENS or ("title" in tokens and tokens & BYLINE_TOKENS):
            roles.append(node)
    return roles


def _without_role_parts(byline: Element, names: list[str], roles: list[Element]
                        ) -> list[str]:
    """The names read again without the byline's `roles` (_role_parts), when they ran
    into them ("Celeste Longacre Gardener", "Astrologer" from "<span
    class='author-title'>Gardener &amp; Astrologer</span>")."""
    said = {word for role in roles for word in raw_text(role).split()}
    if not any(said.intersection(name.split()) for name in names):
        return names  # the role was left out already
    return dedupe(split_authors(collapse(visible_text(byline, roles)))) or names


def _names_apart(byline: Element) -> list[str]:
    """The names a byline sets in elements of their own ("<span>Jo Roe</span> <span>Ana
    Roe</span>"), which its text read whole runs into one name: each innermost element's
    text, when there are two or more, each a name of two words or more (not a first name
    and a surname set apart) and no role."""
    parts = [element for element in byline.iter() if element is not byline and not len(element)]
    if len(parts) < 2:
        return []
    names = [collapse(raw_text(element)) for element in parts]
    if not all(looks_like_name(name) and " " in name and not AUTHOR_ROLE.search(name)
               for name in names):
        return []
    return dedupe(names)


@lru_cache(maxsize=4096)
def _names_byline(named: str, ident: str) -> bool:
    """Whether a class (or id) and id may name a byline: a page repeats the same few
    names on many elements, so each is tested once."""
    hint = f"{named} {ident}"
    return holds_any(hint, BYLINE_WORDS) and BYLINE_HINT.search(hint) is not None


def find_authors(ctx: Context) -> list[str]:
    """The page's authors: read once, kept in ctx.authors (all they are read from is
    known once the byline is read; the pictures stage asks, then the engine)."""
    if ctx.authors is None:
        ctx.authors = _authors(ctx)
    return ctx.authors


def _authors(ctx: Context) -> list[str]:
    """The first source that names a person (a CMS's default account, "admin", names
    none: the next source is read)."""
    if ctx.rule_authors:
        return ctx.rule_authors
    for names, posters in _author_sources(ctx):
        people = _people(names)
        if people:
            ctx.posters = posters
            return people
    return []


CREDIT_LINES = 3
"""The story's last lines that may credit its writer ("Written by Jo Roe", "(Reporting by
Jo Roe; Editing by Ana Lima)"): an author box's label, a wire story's end credit."""


def credit_authors(paragraphs: list[str], settings: Settings) -> list[str]:
    """The authors a byline line among the story's last lines names, for a page where
    nothing else names any: short, opening with a byline's word, and names alone after it."""
    for text in reversed(paragraphs[-CREDIT_LINES:]):
        names = line_authors(text, settings)
        if names:
            return names
    return []


def line_authors(text: str, settings: Settings) -> list[str]:
    """The authors a byline's line names ("By Jo Roe and Ana Lima"): short, opening with
    a byline's word, and names alone after it; none for any other line."""
    line = text.strip().strip("()[]").strip()
    if len(line) > settings.max_author_line or not BYLINE_PREFIX.match(line):
        return []
    names = _people(split_authors(line))
    return names if names and all(looks_like_name(name) for name in names) else []


def _people(names: list[str]) -> list[str]:
    return [name for name in names if name.casefold() not in ACCOUNT_NAMES]


_HANDLE = re.compile(r"[A-Za-z0-9._-]+")
"""An account's handle: one word of Latin letters, digits, dots, dashes and underscores
(a Chinese or Japanese name is written without spaces too)."""


def _unless_handles(names: list[str], ctx: Context) -> list[str]:
    """A story's metadata authors, unless each is an account's handle ("jroe", "KatieS")
    while the byline names people in full (each two words or more): the CMS's account
    that posted the story, not its writer."""
    byline = ctx.byline_authors
    if (names and byline and all(_HANDLE.fullmatch(name) for name in names)
            and all(" " in name for name in byline)):
        return []
    return names


def _author_sources(ctx: Context) -> Iterator[tuple[list[str], bool]]:
    """The authors each source gives, in order of trust, each read only when asked, and
    whether they are a thread's posters (see Context.posters)."""
    posting = ctx.meta.posting()
    metadata = ld_authors(ctx.meta)
    yield (metadata if posting else _unless_handles(metadata, ctx)), posting
    yield ctx.starter_authors, True
    yield ctx.byline_authors, False
    yield _meta_authors(ctx.meta), False
    yield ctx.box_authors, False
    yield _microdata_authors(ctx), True
    yield script_authors(ctx.meta), False
    yield _signed_author(ctx), False


_MICRODATA_AUTHORS = etree.XPath("//@itemprop[contains(., 'author')]")
"""The itemprop attributes that may name an author item, found by libxml2 (read only on a
page no other source names an author of)."""
_MICRODATA_NAME = etree.XPath(".//*[@itemprop='name']")
MAX_MICRODATA_NAME = 60
"""Characters of an author item's name (and words, MAX_NAME_WORDS): a longer text is a
box's or a title's, not a name."""


def _microdata_authors(ctx: Context) -> list[str]:
    """The name the page's first microdata author item gives (schema.org's
    itemprop="author": a forum thread's first poster, a story's writer): its
    itemprop="name" (a <meta>'s, kept by read_head, or an element's text), else its own
    short text. What the markup names is taken as written: a forum's user name too."""
    if ctx.meta.microdata_author:
        return [ctx.meta.microdata_author]
    for value in cast(list[etree._ElementUnicodeResult], _MICRODATA_AUTHORS(ctx.body)):
        item = cast(Element, value.getparent())
        if not is_author_item(item):
            continue
        named = cast(list[Element], _MICRODATA_NAME(item))
        holder = named[0] if named else item
        text = collapse(holder.get("content") or "") or short_text(holder, MAX_MICRODATA_NAME)
        if (text and len(text) <= MAX_MICRODATA_NAME and len(text.split()) <= MAX_NAME_WORDS
                and "://" not in text):
            return [text]
        return []
    return []


def _meta_authors(meta: PageMeta) -> list[str]:
    """The names <meta name="author"> (AUTHOR_META) gives, one tag or one per author,
    else a labelled pair's."""
    for key in AUTHOR_META:
        value = meta.meta.get(key)
        if value:
            names = split_authors(value)
            for more in meta.repeated.get(key, ()):
                names.extend(split_authors(more))
            return dedupe(names)
    value = _labelled_author(meta)
    return split_authors(value) if value else []


LABELLED_PAIRS = 4
"""twitter:label1..N: the plugins that write them give two or three."""


def _labelled_author(meta: PageMeta) -> str | None:
    """The value of a twitter:dataN whose twitter:labelN says it is the author's
    ("Written by" / "Jo Roe")."""
    for number in range(1, LABELLED_PAIRS + 1):
        label = meta.meta.get(f"twitter:label{number}")
        if label is None:
            return None
        if AUTHOR_LABEL.fullmatch(label):
            return meta.meta.get(f"twitter:data{number}")
    return None


# The body and its elements marked as the publication date, or <time>, in page order
# (XPath's selection instead of a walk over every element in Python).
_MACHINE_DATES = etree.XPath(
    "descendant-or-self::*[@itemprop = 'datePublished' or self::time]")
# The same two kinds apart: a step to the attributes and a walk in C for the tag cost a
# fifth of the predicate tested on every element.
_DATE_PROPS = etree.XPath("descendant-or-self::*/@itemprop[. = 'datePublished']")


def _machine_dates(body: Element) -> list[Element]:
    """_MACHINE_DATES(body)."""
    times = list(body.iter("time"))
    values = cast(list[etree._ElementUnicodeResult], _DATE_PROPS(body))
    marked = [cast(Element, value.getparent()) for value in values]
    if times and marked:
        # Both (seldom): the XPath merges them in page order.
        return cast(list[Element], _MACHINE_DATES(body))
    return times or marked


def find_dates(ctx: Context) -> tuple[datetime | None, datetime | None]:
    meta = ctx.meta
    published = ctx.rule_published
    if published is None:
        published = (parse_date(ld_text(meta, "datePublished"))
                     or parse_date(meta.first(*PUBLISHED_META))
                     or parse_date(meta.ld_published) or meta_published(meta))
    if published is None:
        for element in _machine_dates(ctx.body):
            published = parse_date(element.get("datetime") or element.get("content"))
            if published is None:
                # A value the parser cannot read ("on Friday December 19, 2025 @08:00PM"),
                # or none: the date the element shows.
                text = short_text(element, ctx.settings.max_date_text)
                published = date_in_text(text) if text else None
            if published:
                ctx.note(element, "date", "first machine-readable date in the page",
                         "engine:date")
                break
    updated: datetime | None = None
    if published is None:
        published = (date_in_url(ctx.url) or visible_date(ctx) or _header_date(ctx, True)
                     or script_published(meta))
    if published is None:
        # The first "Updated" line the bare scan meets: the page's only date, last.
        published, updated = bare_dates(ctx)
        published = published or _header_date(ctx, False)
    modified = parse_date(ld_text(meta, "dateModified")) or parse_date(
        meta.first(*MODIFIED_META))
    if published is None and updated is not None:
        published = updated
        if modified is None:
            modified = updated  # the page says it is the update's date: both fields hold it
    if published is None and ctx.reference is not None and ctx.meta.says_story():
        published = _relative_date(ctx, ctx.reference)
    return published, modified


MAX_AGE_LINE = 40
"""Characters of a line near the headline that tells its age ("Published 3 hours ago")."""


def _relative_date(ctx: Context, reference: datetime) -> datetime | None:
    """The date a line near the headline tells as a time from now, alone or after its
    label ("3 hours ago", "Published 2 days ago"), counted back from when the page was
    fetched: a fresh story's page may print no other. Asked only of a page typed a story
    (`PageMeta.says_story`): a shop's or a section's ages are its reviews' and cards'."""
    scope = _date_scope(ctx, False)
    if scope is None:
        return None
    for element in islice(scope.iter(), MAX_SCANNED_ELEMENTS):
        if not isinstance(element.tag, str) or len(element):
            continue
        text = collapse(element.text or "")
        if not text or len(text) > MAX_AGE_LINE:
            continue
        label = PUBLISHED_PREFIX.match(text)
        age = text[label.end():] if label else text
        if RELATIVE_TIME.match(age) and not _teaser_age(ctx, element, scope):
            found = published_from_age(age, reference)
            if found is not None:
                ctx.note(element, "date", "age near the headline, from the fetch time",
                         "engine:date")
                return found
    return None


def keep_header_date_regions(ctx: Context) -> None:
    """Set aside the regions near the headline that the layout clean-up drops (an <aside>
    or a <footer> of the story's header often holds its date) when the page's metadata
    names no date: `find_dates` reads them only when the page gives no date otherwise."""
    if ctx.title_element is None or ctx.rule_published is not None or _meta_date(ctx.meta):
        return
    scope = _date_scope(ctx)
    if scope is None:
        return
    regions = list(scope.iter(*REMOVED_LAYOUT))
    if not regions:
        return
    inner = set(regions)
    near = _date_scope(ctx, named=False)
    # A header's aside or footer holding its date is a few elements; a page's sidebar or
    # footer in reach of a wide scope is many, and no place for the story's date.
    most = ctx.settings.early_date_region_elements
    ctx.header_date_regions = [
        (region, near is not None and (region is near or within(region, near)))
        for region in regions
        if not any(above in inner for above in region.iterancestors())
        and next(islice(region.iter(), most, None), None) is None]


def _header_date(ctx: Context, named: bool) -> datetime | None:
    """The first date the regions set aside by keep_header_date_regions show, read as
    visible_date (`named`) or bare_dates reads one (a bare date line only in those
    within its nearer reach)."""
    for region, near in ctx.header_date_regions:
        if named or near:
            found = _scan(ctx, region, None, named)[0]
            if found:
                return found
    return None


def _meta_date(meta: PageMeta) -> bool:
    return bool(ld_text(meta, "datePublished") or meta.first(*PUBLISHED_META)
                or meta.ld_published)


def _date_scope(ctx: Context, named: bool = True) -> Element | None:
    """The headline's parent and a few levels above: where its date is printed. Without
    a headline (the metadata's title is not the page's), a bare date line is looked for
    near the first <h1> (a named one anywhere: the caller reads the whole body)."""
    anchor = ctx.title_element
    if anchor is None and not named:
        anchor = next(ctx.body.iter("h1"), None)
    scope = anchor.getparent() if anchor is not None else None
    levels = ctx.settings.date_scope_levels if named else ctx.settings.bare_date_scope_levels
    for _ in range(levels):
        if scope is None or scope.getparent() is None:
            break
        scope = scope.getparent()
    return scope


def visible_date(ctx: Context) -> datetime | None:
    """A date printed near the headline in an element named like a date or byline."""
    scope = _date_scope(ctx, True)
    return _scan(ctx, scope if scope is not None else ctx.body, scope, True)[0]


def bare_dates(ctx: Context) -> tuple[datetime | None, datetime | None]:
    """The first short line near the headline that is a date, says "Published on" one,
    or signs a byline with one ("By Jane Roe - Mar 27, 2024"); and the date of the first
    line saying "Updated" one that the scan met before it (None when it met none)."""
    scope = _date_scope(ctx, False)
    if scope is None:
        return None, None  # without a headline, a bare date could be anybody's
    return _scan(ctx, scope, scope, False)


DATE_LINE, UPDATED_LINE = 1, 2


def _date_line(text: str) -> int:
    """Whether a short line reads as a date line (see bare_dates): DATE_LINE,
    UPDATED_LINE or 0."""
    bare, tail = signed_date(text)
    if (DATE_ONLY_LINE.match(bare) or PUBLISHED_PREFIX.match(text)
            or PUBLISHED_INSIDE.search(text)):
        return DATE_LINE
    if UPDATED_PREFIX.match(text):
        return UPDATED_LINE
    if tail is None or _signer(text, tail) is None:
        return 0
    return UPDATED_LINE if tail.group("updated") else DATE_LINE


def _signer(text: str, tail: re.Match[str] | None) -> str | None:
    """The name signing a line that ends with a date (`tail`, signed_date's): "By" and a
    name, or a name of two words or more, perhaps with a role or place after it ("Jane
    Roe | Senior Writer | July 2, 2025"); None when nothing signs it."""
    if tail is None or tail.start() == 0:
        return None
    head = text[:tail.start()]
    signed = BYLINE_PREFIX.match(head)
    if signed:
        head = head[signed.end():]
    name = SIGNATURE_SPLIT.split(head.strip(), maxsplit=1)[0]
    if not (looks_like_name(name) and (signed is not None or len(name.split()) > 1)):
        return None
    return name


_hints_date = names_hint(DATE_HINT)


def _scan(ctx: Context, root: Element, scope: Element | None, named: bool
          ) -> tuple[datetime | None, datetime | None]:
    """The first date under `root` read as visible_date (`named`) or bare_dates reads one
    (`scope`: its reach), and, bare, the first "Updated" line's date met before it."""
    updated: datetime | None = None
    most_parts, longest = ctx.settings.max_date_parts, ctx.settings.max_date_text
    for element in islice(root.iter(), MAX_SCANNED_ELEMENTS):
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if named:
            # Most elements are named nothing, or nothing like a date: no tokens to make
            # of them (nor a look at a name they do not have).
            if tag != "time":
                name, ident = element.get("class"), element.get("id")
                if ((name is None and ident is None) or not _hints_date(name, ident)
                        or not class_tokens(element) & DATE_TOKENS):
                    continue
        elif not _own_line(element, most_parts):
            continue  # a wrapper of other lines: they are read each as met
        # Measured before read: a date-named wrapper may hold the rest of the page.
        text = short_text(element, longest)
        if text is None or WRITTEN_YEAR.search(text) is None:
            continue
        kind = DATE_LINE if named else _date_line(text)
        if not kind or (kind == UPDATED_LINE and updated is not None):
            continue
        found = date_in_text(text)
        if found and not _links_elsewhere(ctx, element, scope):
            if kind == DATE_LINE:
                return found, updated
            updated = found
    return None, updated


def _own_line(element: Element, most_parts: int) -> bool:
    """Whether an element is a line of its own words, not a wrapper of other lines (a
    line may open in a bold or a span: "<strong>By <a>…</a></strong> - Mar 27, 2024")."""
    parts = len(element)
    opening = element.text
    if parts and (not opening or opening.isspace()) and _icon(element[0]):
        opening = element[0].tail  # after an icon ("<a><img></a>by <strong>…")
    return parts <= most_parts and bool(
        (opening and not opening.isspace())
        or (parts and element[0].tag in OPENING_TAGS
            and BYLINE_PREFIX.match(element[0].text or "")))


def _signed_author(ctx: Context) -> list[str]:
    """The name signing a date line right under the headline ("Jane Roe | Senior Writer |
    July 2, 2025", "By Jane Roe - Mar 27, 2024"), read as bare_dates reads the line:
    asked last, of a page nothing else names an author of (its metadata may date it, so
    the date scan may not have met it)."""
    # (Without a headline the metadata's title names, the first <h1>, as bare_dates.)
    title = ctx.title_element
    if title is None:
        title = next(ctx.body.iter("h1"), None)
        if title is None:
            return []
    scope = _date_scope(ctx, False)
    most_parts, longest = ctx.settings.max_date_parts, ctx.settings.max_date_text
    for element in _after_headline(title):
        if not isinstance(element.tag, str) or not _own_line(element, most_parts):
            continue
        text = short_text(element, longest)
        if text is None or WRITTEN_YEAR.search(text) is None:
            continue
        tail = signed_date(text)[1]
        name = _signer(text, tail)
        # A name alone before the date may be a title's words ("Development Update
        # 2024-10-04"): a byline's "By", or a role set apart after it, says it is one.
        if (name is None or tail is None
                or not (BYLINE_PREFIX.match(text)
                        or SIGNATURE_SPLIT.search(text, text.find(name) + len(name),
                                                  tail.start()))):
            continue
        if not _links_elsewhere(ctx, element, scope):
            return split_authors(name)
    return []


def _icon(element: Element) -> bool:
    """Whether an element shows a picture alone (an <img>, or a link or span holding just
    one): a line opening with it opens with the words after it."""
    if element.tag == "img":
        return True
    return (len(element) == 1 and element[0].tag == "img"
            and not (element.text or "").strip() and not (element[0].tail or "").strip())


def _teaser_age(ctx: Context, element: Element, scope: Element) -> bool:
    """Whether an age line is a teaser's or a comment's (`_links_elsewhere`), or stands
    beside a link to another page that is no author's ("<li><a>Other story</a> <span>1
    hour ago</span></li>"; a byline's "By <a href=/author/jo>Jo Roe</a> · 3 hours ago"
    dates the story)."""
    if _links_elsewhere(ctx, element, scope):
        return True
    line = element.getparent()
    return line is not None and any(
        not _links_home(ctx, link.get("href")) and not _link_names(link)
        for link in line.iter("a"))


def _links_elsewhere(ctx: Context, element: Element, scope: Element | None) -> bool:
    """Whether the date is a teaser's, a comment's or a review's: set in a link to another
    page (a date linked to the story itself, its permalink, is the story's), or in a
    comment or review."""
    # The line itself may be the link ("<a href=…/status/1>November 20, 2025</a>" closing
    # an embedded post).
    if element.tag == "a" and not _links_home(ctx, element.get("href")):
        return True
    for level, above in enumerate(element.iterancestors()):
        if above is scope:
            break
        # Only a post's own box, close by: the story's wrapper may be named for its
        # category ("category-product-reviews") or say it takes comments ("comments-open").
        if level < ctx.settings.date_reply_levels:
            tokens = class_tokens(above)
            if tokens & REPLY_TOKENS or any(stem in token for token in tokens
                                            for stem in COMMENT_STEMS):
                return True
        if above.tag == "a" and not _links_home(ctx, above.get("href")):
            return True
    return False


def _links_home(ctx: Context, href: str | None) -> bool:
    """Whether a link leads to the page itself (a fragment of it, or its address, whole or
    relative: a page's <base> is not read, so a relative path is matched by its end)."""
    if not href or href.startswith("#"):
        return True
    target = href.split("#")[0].split("?")[0].rstrip("/")
    for own in (ctx.url, ctx.meta.canonical):
        if not own:
            continue
        own = own.split("#")[0].split("?")[0].rstrip("/")
        if absolute(target, own) == own or (target and own.endswith("/" + target.lstrip("./"))):
            return True
    return False


def find_dateline(ctx: Context, paragraphs: list[str]) -> Dateline | None:
    """The dateline opening the story's first paragraph (after a standfirst, if any), else
    the one the page's JSON-LD gives."""
    for index, opening in enumerate(paragraphs[:ctx.settings.dateline_paragraphs]):
        dateline = read_dateline(opening)
        if dateline is not None:
            if index == 0 and ctx.first_paragraph is not None:
                ctx.note(ctx.first_paragraph, "dateline",
                         "dateline opening the first paragraph", "engine:dateline")
            return dateline
    return ld_dateline(ld_text(ctx.meta, "dateline"), ctx.settings.max_ld_dateline)


def dateline_date(dateline: Dateline | None) -> datetime | None:
    """The date a dateline gives with its year ("RAJSHAHI, Dec 20, 2025 (BSS) -"): the
    story's, for a page that shows no other."""
    if dateline is None or not dateline.date_text:
        return None
    return date_in_text(dateline.date_text)


def ld_dateline(text: str | None, max_length: int) -> Dateline | None:
    """A JSON-LD `dateline` ("NEW JERSEY (WABC)", "Berlin"): read like one opening a
    paragraph, else taken whole as the place."""
    if not text or len(text) > max_length:
        return None
    text = text.rstrip(" -–—:")
    if not text:
        return None
    return read_dateline(f"{text} -- ") or Dateline(location=text, date_text=None, agency=None)


def read_dateline(opening: str) -> Dateline | None:
    east = DATELINE_EAST_ASIAN.match(opening)
    if east:
        return Dateline(location=east.group("location").strip(), date_text=None,
                        agency=east.group("agency").strip())
    match = DATELINE.match(opening)
    if not match:
        return None
    location = match.group("location")
    date_text = match.group("date1") or match.group("date2")
    agency = match.group("agency")
    if location and not (agency or date_text) and match.group("dash") == ":":
        return None
    if location and len(location.split(",")[0]) < 2:
        return None
    if not (agency or location):
        return None
    return Dateline(location=location, date_text=date_text, agency=agency)


SHORT_TITLE_ALLOWANCE = 1.5
"""similarity(a, b) is the share of a's words found in b, scaled down when b holds many
words that a lacks; b may hold this many times a's shared words before it is."""
MIN_TITLE_BEFORE_SUFFIX = 20
"""A " | Site" tail is cut only after this many characters, so a short title keeps a "-"."""


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), 1) * min(1.0, len(wa & wb) / max(len(wb), 1) * SHORT_TITLE_ALLOWANCE)


SITE_SEPARATORS = "|-–—:·•»"
"""What sets the site's name apart after a title ("Headline | Site", "Headline – Site")."""


def _without_site_name(headline: str, meta: PageMeta) -> str:
    """The headline without the site's name set after it ("… – Artlyst" on Artlyst's
    pages): a template that writes the page's title tag into its headline."""
    site = meta.first("og:site_name") or meta.ld_publisher
    if site and headline.endswith(site) and len(headline) > len(site):
        stripped = headline[: -len(site)]
        if stripped[-1:].isspace() and stripped.rstrip()[-1:] in SITE_SEPARATORS:
            return stripped.rstrip().rstrip(SITE_SEPARATORS).rstrip() or headline
    return headline


def strip_site_suffix(title: str, meta: PageMeta) -> str:
    site = meta.first("og:site_name") or meta.ld_publisher
    if site and title.endswith(site):
        stripped = title[: -len(site)].rstrip(" " + SITE_SEPARATORS)
        if stripped:
            return stripped
    match = TITLE_SUFFIX.search(title)
    if match and match.start() > MIN_TITLE_BEFORE_SUFFIX:
        return title[: match.start()]
    return title
