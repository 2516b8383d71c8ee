"""Photo credits: the credit forms of captions in several languages, credit elements and
attributes beside a caption, cleaning a credit."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .patterns import (
    BARE_CREDIT_LABEL,
    BARE_CREDIT_TAIL,
    CAMEL_TAIL,
    CAPTION_LABEL,
    CAPTION_TOKENS,
    CREDIT_ATTRIBUTE_NAME,
    CREDIT_CLASS_PARTS,
    CREDIT_LEAD,
    CREDIT_MARKUP,
    CREDIT_PREFIX,
    CREDIT_SEPARATORS,
    CREDIT_SOURCES,
    CREDIT_TOKENS,
    DASH_SEPARATORS,
    EAST_ASIAN_TEXT,
    EQUALS_CREDIT,
    LINK_CREDIT_LEAD,
    NAME_CONNECTORS,
    NAMING_LABEL,
    OPENING_BRACKET,
    PAREN_CREDIT,
    PICTURE_SOURCES,
    ROLE_ATTRIBUTES,
    SENTENCE_END,
    SHOT_BY_REPORTER,
    SLASH_AGENCY,
    SLASH_LABEL,
    SOURCE_IN_BRACKETS,
    STOCK_SOURCES,
    TEXT_DATES,
    TITLE_CREDIT_SEPARATORS,
    TOKEN_SPLIT,
    TRAILING_CREDIT_TAGS,
    UNOPENED_CLOSES,
    may_hold_credit_label,
    search_credit_lead,
    without_dangling_label,
)
from .settings import Settings
from .text import class_tokens, collapse, element_sibling, has_descendant, raw_text

__all__ = ["ancestors_to_figure", "attribute_credit", "class_credit", "clean_credit",
           "credit_like", "ends_in_credit", "has_caption", "is_caption",
           "is_credit", "leading_credit", "only_a_credit", "role_tokens",
           "split_credit", "text_without", "title_credit", "trailing_credit"]

Element = etree._Element
LIGHTBOX_LEVELS = 2
"""A picture outside any figure takes an attribute credit from itself or this many wrappers."""
MAX_NAMES_CREDIT = 80
"""Names closing a caption without a label are a credit up to this length."""
MAX_CREDIT_WORDS = 10
"""... and up to this many words ("Jo Park/AFP via Getty Images" is seven)."""
MIN_CAPITALS_CREDIT = 3
"""A last sentence in capitals is an agency's credit from this length ("AFP", "REUTERS")."""
CAPTION_CREDIT_MARKS = " |/–—-·•,;(（"
"""Marks between a caption and the credit split from its end."""
CREDIT_OPENING_MARKS = " |/–—-·•,;:"
"""Marks left before a credit once its label is gone ("Foto: / Jo Park")."""
CLOSING_CREDIT_MARKS = ".!?|/–—-"
"""Caption text ending in one of these may be followed by its credit's names alone."""
CREDIT_CLEAN_ROUNDS = 4
"""Labels and brackets stack ("(Foto: © dpa)"): clean_credit peels up to this many layers."""
MAX_CREDIT_DEPTH = 6
"""A credit line sits at most this deep inside its figure."""
OWN_LINE_TAGS = frozenset({"br", "div", "p"})
"""Closing a caption, these set the names after them on a line of their own."""
PRODUCT_MARKS = ("™", "®")
"""Marks of a product's name, never of a credit."""
MIN_AGENCY_WORD = 2
"""Each word after a credit's slash has at least this many characters."""
MIN_CREDIT_NAME_WORDS = 2
"""A caption of names with a slash is only a credit when a full name opens it."""
LEADING_CREDIT_TAGS = frozenset({"span", "small", "cite"})
"""Neutral inline elements that may hold a credit printed before the caption."""
OPENING_CREDIT_SEPARATORS = (" | ", " – ", " — ", " - ", ". ")
"""Marks between a credit opening a caption and the caption: "Foto: Jo Park | Fans cheer"."""
MAX_HANDLE = 30
"""A photographer's user name before an agency ("soniabonet | Getty Images"), one word."""
CACHED_CAPTION = 1000
SPLIT_CACHE = 512
"""split_credit remembers this many texts up to CACHED_CAPTION characters (bounded memory)."""
MAX_PERSON_WORDS = 3
"""A person's name after a publication and a slash ("The Spruce / Jo Park"), in words."""


def split_credit(text: str) -> tuple[str | None, str | None]:
    """'Austin ... issue. File Photo by Olivier Matthys/EPA-EFE' ->
    ('Austin ... issue.', 'Olivier Matthys/EPA-EFE')."""
    # A page asks for the same captions again (read, then split by the figure reader and
    # by the checks of its lines); the long ones are not kept.
    return _cached_split(text) if len(text) <= CACHED_CAPTION else _split_credit(text)


@lru_cache(maxsize=SPLIT_CACHE)
def _cached_split(text: str) -> tuple[str | None, str | None]:
    return _split_credit(text)


def _split_credit(text: str) -> tuple[str | None, str | None]:
    if "<" in text:
        text = CREDIT_MARKUP.sub(" ", text)
    text = collapse(text)
    if not text:
        return None, None
    labelled = _labelled_caption(text)
    if labelled is not None:
        return labelled
    opening_bracket = OPENING_BRACKET.match(text)
    if opening_bracket and (CREDIT_LEAD.match(opening_bracket.group("credit"))
                            or _source_line(opening_bracket.group("credit"), capitals=False)):
        # A credit in brackets opening the caption: "[사진=연합뉴스] 시민들이 ..."
        return (opening_bracket.group("caption").strip() or None,
                clean_credit(opening_bracket.group("credit")))
    match = PAREN_CREDIT.search(text) or _source_in_brackets(text)
    label = (CREDIT_LEAD.search(text, 1, match.start())
             if match and may_hold_credit_label(text) else None)
    if match and label is None:  # else the bracket belongs to a credit begun before it
        caption = text[: match.start()].strip()
        return caption or None, clean_credit(match.group("credit"), bare=True)
    lead = CREDIT_LEAD.match(text)
    if lead:
        # A label opening the text: the whole text is a credit ("Foto: Jo Park, dpa"), or
        # the label names the picture ("Image: Waves break ...", often screen-reader text)
        # and the credit is a later label, if any.
        rest = lead.group("credit")
        naming = NAMING_LABEL.match(lead.group("lead")) is not None
        opening = _opening_credit(rest)
        if opening is not None:
            return opening
        if rest and (_names_only(rest) or " " not in rest
                     or (not naming and len(rest) <= MAX_NAMES_CREDIT)):
            return None, clean_credit(rest)
        text = CREDIT_PREFIX.sub("", text, count=1)
    text = without_dangling_label(text)
    match = search_credit_lead(text)
    if match is None and EAST_ASIAN_TEXT.search(text):
        east = _east_asian_credit(text)
        if east is not None:
            return east
    if match:
        caption = text[: match.start()].strip()
        credit = clean_credit(match.group("credit"))
    else:
        caption, credit = _credit_trailer(text)
    if credit:
        # The mark printed between the two parts ("Lee Elder. | © Jo Park") is neither.
        caption = caption.rstrip(CAPTION_CREDIT_MARKS)
    return caption or None, credit


def _labelled_caption(text: str) -> tuple[str | None, str | None] | None:
    """Screen-reader labels printed with the text ("Image copyright Reuters Image caption
    Fans cheer"): the text after a caption label is the caption, a credit before it the
    credit. None when there is no such label, or text before it that is no credit."""
    label = next(reversed(list(CAPTION_LABEL.finditer(text))), None)  # the last: none after it
    if label is None:
        return None
    before, after = text[: label.start()].strip(), text[label.end():].strip()
    if before and CREDIT_LEAD.match(before) is None:
        return None
    caption, inline = split_credit(after) if after else (None, None)
    return caption, inline or (clean_credit(before) if before else None)


def ends_in_credit(text: str) -> bool:
    """Whether a line ends in a credit that reads as one ("... Photo: Jo Park/AP"), not in
    a sentence a label word happens to open ("... photographs by experimenting with ...")."""
    _, credit = split_credit(text)
    return (credit is not None and len(credit) <= MAX_NAMES_CREDIT
            and credit[-1] not in SENTENCE_END and len(credit.split()) <= MAX_CREDIT_WORDS)


def _source_in_brackets(text: str) -> re.Match[str] | None:
    """A picture source alone in brackets closing the caption: "... the old town (Pixabay)"."""
    if not text.endswith((")", "）")):
        return None
    match = SOURCE_IN_BRACKETS.search(text)
    return match if match and _source_line(match.group("credit"), capitals=False) else None


def _credit_trailer(text: str) -> tuple[str, str | None]:
    """A credit closing a caption without a label: as a bare label ("... Bild Jo Park"),
    as the last sentence when that is a picture source or names with a slash ("... the
    lodge. Supplied", "... Hampshire. Jo Park / Forum"), or after a separator ("Fans cheer
    | Jo Park/Getty Images", "... Palma / Jo Park")."""
    bare = BARE_CREDIT_TAIL.search(text)
    if bare and bare.group("credit")[0].isupper() and _names_only(bare.group("credit")):
        return text[: bare.start()].strip(), clean_credit(bare.group("credit"))
    for end in SENTENCE_END:
        caption, found, tail = text.rpartition(f"{end} ")
        tail = tail.strip()
        if found and caption.strip() and (_source_line(tail) or _source_first(tail)
                                          or ("/" in tail and _capitalised_words(tail))):
            return f"{caption}{end}".strip(), clean_credit(tail)
    for separator in CREDIT_SEPARATORS:
        caption, found, tail = text.rpartition(f" {separator} ")
        tail = tail.strip()
        if found and caption.strip() and _source_line(tail):
            # "Jo Park | Getty Images" is the credit whole (alone, or after "caption |")
            head, again, name = caption.rpartition(f" {separator} ")
            name = name.strip()
            if name and name[-1] not in SENTENCE_END and (_capitalised_words(name) or (
                    " " not in name and len(name) <= MAX_HANDLE and not name.isdigit())):
                return head.strip() if again else "", clean_credit(f"{name} {separator} {tail}")
        if (found and caption.strip() and _names_only(tail)
                and (separator != "/" or len(caption) > len(tail))):
            return caption.strip(), clean_credit(tail)
    for dash in DASH_SEPARATORS:
        # A dash also joins parts of a sentence: the tail must read as a credit alone,
        # or carry a label ("... the old town – Jo Park/AFP", "... - Foto ANSA").
        caption, found, tail = text.rpartition(f" {dash} ")
        tail = tail.strip()
        if not found or not caption.strip() or len(caption) <= len(tail):
            continue
        unlabelled = BARE_CREDIT_LABEL.sub("", tail, count=1)
        if _source_line(tail, capitals=False) or _slash_credit(tail) or (
                unlabelled != tail and _names_only(unlabelled)):
            return caption.strip(), clean_credit(tail, bare=True)
    return text, None


def _slash_credit(text: str) -> bool:
    """Names and an agency joined by a slash ("Jo Park/AFP", "JO PARK / AFP"), not a
    product's variant ("Sports Bra - JoyLab™ Red/Pink M"): whole words after the slash."""
    _, slash, agency = text.rpartition("/")
    return (bool(slash) and not any(mark in text for mark in PRODUCT_MARKS)
            and all(len(word) >= MIN_AGENCY_WORD for word in agency.split())
            and (_capitalised_words(text) or text.isupper()))


def _opening_credit(rest: str) -> tuple[str | None, str | None] | None:
    """After a label opening the text, names up to a separator and then the caption:
    "Foto: Jo Park/dpa | Der Kanzler in Berlin" -> ("Der Kanzler in Berlin", "Jo Park/dpa")."""
    for separator in OPENING_CREDIT_SEPARATORS:
        names, found, caption = rest.partition(separator)
        names, caption = names.strip(), caption.strip()
        agencies = "/" in names and len(names.split()) <= MAX_CREDIT_WORDS
        if (found and names and len(caption) > len(names) and names[-1] not in SENTENCE_END
                and (_names_only(names) or agencies) and not _names_only(caption)):
            return caption, clean_credit(names)
    return None


def _east_asian_credit(text: str) -> tuple[str | None, str | None] | None:
    """The credit forms of Japanese, Korean and Chinese captions: after an equals sign
    ("...（ソウルで）＝ＡＰ", "... 사진=연합뉴스"), an agency after a slash ("... 2024.1.1/뉴스1")
    and the reporter who shot it ("... 新华社记者王明摄")."""
    for pattern in (EQUALS_CREDIT, SHOT_BY_REPORTER, SLASH_AGENCY):
        match = pattern.search(text)
        if match and match.start() > 0:
            caption = text[: match.start()].strip().rstrip(CAPTION_CREDIT_MARKS)
            credit = clean_credit(match.group("credit"))
            if caption and credit:
                return caption, credit
    return None


def _names_only(text: str) -> bool:
    """Whether `text` reads as a credit's names and agencies, not as a sentence: a picture
    source, or a few words, each capitalised, a connector ("van", "via", "for") or holding
    a slash ("Jo Park/AP", "Renata Novak, Seznam Zprávy", "Lorenzo Marina")."""
    return _source_line(text) or _capitalised_words(text)


def _capitalised_words(text: str) -> bool:
    text = text.strip()
    if not 2 <= len(text) <= MAX_NAMES_CREDIT or text[-1] in SENTENCE_END:
        return False
    words = text.replace(",", " ").replace("/", " / ").split()
    if not words or len(words) > MAX_CREDIT_WORDS:
        return False
    if any(c.isdigit() for c in text) and any(date.search(text) for date in TEXT_DATES):
        return False  # a date line ("4 August 2024"): when, not whose
    capitalised = 0
    for word in words:
        first = word.lstrip("(\"'“‘")[:1]
        if word.casefold() in NAME_CONNECTORS:
            continue
        if not first or (first.isalpha() and not first.isupper()):
            return False
        capitalised += first.isupper()
    return capitalised >= 1


def _source_line(text: str, capitals: bool = True) -> bool:
    """A short line that can only be a credit: a picture source ("Supplied", "Getty
    Images"), names ending in a stock agency ("Jo Park/AFP via Getty Images") or, with
    `capitals`, a line in capitals ("AFP/JO PARK")."""
    text = text.strip()
    folded = text.strip(" .()").casefold()
    if not folded or len(folded) > MAX_NAMES_CREDIT or text[-1] in SENTENCE_END:
        return False
    if folded in CREDIT_SOURCES or (capitals and text.isupper()
                                     and len(folded) >= MIN_CAPITALS_CREDIT
                                     and any(ch.isalpha() for ch in folded)):
        return True
    return (any(folded.endswith((f" {source}", f"/{source}")) for source in STOCK_SOURCES)
            and _capitalised_words(text))


def _source_first(text: str) -> bool:
    """Names opened by a stock agency: "Getty Images for Netflix", "AFP via Getty Images"."""
    folded = text.strip().casefold()
    return (any(folded.startswith((f"{source} ", f"{source}/")) for source in STOCK_SOURCES)
            and _capitalised_words(text))


def clean_credit(text: str, bare: bool = False) -> str | None:
    """The credit as shown, without its labels, brackets or separators ("Foto: © dpa" ->
    "dpa"). With `bare`, a label without a colon goes too ("Photo AFP" -> "AFP")."""
    if "<" in text:
        text = CREDIT_MARKUP.sub(" ", text)
    text = collapse(text)
    labelled = False
    for _ in range(CREDIT_CLEAN_ROUNDS):
        before = text
        if text[:1] in "(（[" and text[-1:] in ")）]":
            text = text[1:-1].strip()
        unlabelled = SLASH_LABEL.sub("", CREDIT_PREFIX.sub("", text, count=1), count=1)
        if unlabelled == text and bare and not labelled:
            unlabelled = BARE_CREDIT_LABEL.sub("", text, count=1)
        labelled = labelled or unlabelled != text
        text = unlabelled.strip().lstrip(CREDIT_OPENING_MARKS).strip()
        if text.endswith(UNOPENED_CLOSES) and not any(ch in text for ch in "(（["):
            text = text.rstrip(".").strip()[:-1].strip()
        if text == before:
            break
    return text or None


def credit_like(text: str, settings: Settings) -> bool:
    """A short line that reads as a credit: "REUTERS", "Getty Images", "Jo Park/AP"."""
    if not 2 <= len(text) <= settings.max_credit:
        return False
    return (text.isupper() or text.strip(" .()").casefold() in PICTURE_SOURCES
            or "/" in text or "©" in text or search_credit_lead(text) is not None)


def is_caption(element: Element) -> bool:
    """A <figcaption> or an element named as a caption."""
    return element.tag == "figcaption" or bool(role_tokens(element) & CAPTION_TOKENS)


def has_caption(node: Element) -> bool:
    return any(is_caption(element) for element in node.iter())


def role_tokens(element: Element) -> frozenset[str]:
    """Class and id tokens, plus the words of the attributes templates use to name a
    part of a figure (data-component="Credit", data-qa="image-credit", itemprop), plus
    the last word of camelCase class names ("imageEmbedCaption" -> "caption")."""
    tokens = class_tokens(element)
    classes = element.get("class")
    if classes and not classes.islower():
        tokens = tokens | {word.lower() for word in CAMEL_TAIL.findall(classes)}
    for attribute in ROLE_ATTRIBUTES:
        value = element.get(attribute)
        if value:
            tokens = tokens | {t for t in TOKEN_SPLIT.split(value.lower()) if t}
    return tokens


def is_credit(element: Element, caption: Element | None, settings: Settings) -> bool:
    if has_descendant(element, "img"):
        return False  # a wrapper holding the picture ("image-and-copyright-container")
    tokens = role_tokens(element)
    if tokens & CREDIT_TOKENS or (class_credit(element) and not has_caption(element)):
        # A "credit-caption" wrapper holds both parts and is neither.
        return not (tokens & CAPTION_TOKENS and len(element))
    parent = element.getparent()
    if element.tag == "footer" and parent is not None and parent.tag == "figure":
        return len(raw_text(element)) <= settings.max_credit  # the figure's own footer
    if (_marked_credit(element, settings) or _labelled_credit(element, settings)
            or _unnamed_credit(element, settings)):
        return True
    # A <small> closing a caption is its credit ("... kitchen.</p><small>getty</small>").
    return (element.tag == "small" and caption is not None and element.getnext() is None
            and len(raw_text(element)) <= settings.max_credit)


def _unnamed_credit(element: Element, settings: Settings) -> bool:
    """A short line of its own in the figure, outside its caption, that can only be a
    credit: "<p>Jo Park/AP</p>", "<span>© Getty Images</span>", "<div>REUTERS</div>"."""
    if len(element) or element.tag not in TRAILING_CREDIT_TAGS or is_caption(element):
        return False
    text = collapse(element.text or "")
    if not 2 <= len(text) <= settings.max_credit or not (
            _source_line(text, capitals=False) or text.startswith(("©", "(c)", "(C)"))
            or ("/" in text and _capitalised_words(text))):
        return False
    return not any(is_caption(above) or above.tag == "figure"
                   for above in ancestors_to_figure(element))


def ancestors_to_figure(element: Element) -> list[Element]:
    """The element's ancestors up to and without its <figure> (or the whole chain)."""
    out: list[Element] = []
    above = element.getparent()
    while above is not None and above.tag != "figure" and len(out) < MAX_CREDIT_DEPTH:
        out.append(above)
        above = above.getparent()
    return out


def class_credit(element: Element) -> bool:
    """A class or id that names a credit inside a longer word ("imgCopyright",
    "mediacredit", "foto-fotograf")."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(part in names for part in CREDIT_CLASS_PARTS)


def _marked_credit(element: Element, settings: Settings) -> bool:
    """A short text element whose attribute names it a credit, with or without a value:
    <span data-aida-captionauthor> / Jo Park</span>, <p data-credit>Jo Park</p>."""
    if not any(CREDIT_ATTRIBUTE_NAME.search(str(name).lower()) for name in element.attrib
               ) or has_caption(element):
        return False  # a caption carrying its credit in an attribute is still the caption
    text = collapse(raw_text(element))
    return bool(text) and len(text) <= settings.max_credit and not has_descendant(element, "img")


def _labelled_credit(element: Element, settings: Settings) -> bool:
    """A short element, not a caption, whose text is a credit label and names: "<span>Foto:
    Jo Park, dpa</span>" beside a <figcaption> in a template with hashed class names."""
    if is_caption(element) or (not (element.text or "").strip() and (
            not len(element) or not (element[0].text or "").strip())):
        return False  # the label opens the element's own text or its first child's
    text = collapse(raw_text(element))
    match = CREDIT_LEAD.match(text) if len(text) <= settings.max_credit else None
    return (match is not None and not has_descendant(element, "img")
            and not has_caption(element) and _names_only(match.group("credit")))


def trailing_credit(caption: Element, settings: Settings) -> Element | None:
    """The last of a caption's parts when it reads as a credit: templates with hashed
    class names print "<span>caption</span><span>Agency/Name</span>"."""
    children = [child for child in caption if isinstance(child.tag, str)]
    if (caption.text or "").strip() or len(children) == 1:
        return _closing_credit(caption, settings)
    if len(children) < 2:
        return None
    last = children[-1]
    if len(last) or last.tag not in TRAILING_CREDIT_TAGS:
        return None
    text = collapse(raw_text(last))
    first = collapse(raw_text(children[0]))
    if (not 2 <= len(text) <= settings.max_trailing_credit or not first
            or (len(first) <= len(text) and not only_a_credit(text))  # "The Spruce / Jo Park"
            or text[-1] in SENTENCE_END or not any(ch.isalpha() for ch in text)):
        return None
    return last


def leading_credit(caption: Element, settings: Settings) -> Element | None:
    """A credit printed before the caption, on a line of its own: "<figcaption><span>The
    Daily Post</span><br>Fans cheer in the square.</figcaption>". Emphasis (<b>, <em>)
    opening a caption is its headline or subject, not a credit."""
    children = [child for child in caption if isinstance(child.tag, str)]
    if (caption.text or "").strip() or len(children) < 2:
        return None
    first, after = children[0], children[1]
    if (first.tag not in LEADING_CREDIT_TAGS or len(first) or (first.tail or "").strip()
            or after.tag != "br"):
        return None
    text = collapse(first.text or "")
    rest = collapse(text_without(caption, [first]))
    if (not 2 <= len(text) <= settings.max_trailing_credit or len(rest) <= 2 * len(text)
            or not (_names_only(text) or credit_like(text, settings))):
        return None
    return first


def _closing_credit(caption: Element, settings: Settings) -> Element | None:
    """An inline element closing the caption's text after a sentence or a separator, with
    names only: "<figcaption>Fans cheer. <em>Jo Park</em></figcaption>" (also inside the
    caption's one paragraph)."""
    holder = caption
    if len(caption) == 1 and not (caption.text or "").strip() and len(caption[0]):
        holder = caption[0]
    children = [child for child in holder if isinstance(child.tag, str)]
    if not children:
        return None
    last = children[-1]
    if holder is not caption and (holder.tail or "").strip():
        return None
    if last.tag == "br":  # "Fans cheer in Paris<br>Jo Park": the line after the break
        text = collapse(last.tail or "")
        before = collapse(text_without(holder, [last])[: -len(last.tail or "") or None])
    elif last.tag == "a" and not len(last) and not (last.tail or "").strip():
        # A linked name after a label: "Fans cheer. Photo by <a>Jo Park</a>".
        text = collapse(last.text or "")
        before = collapse(text_without(holder, [last]))
        labelled = LINK_CREDIT_LEAD.search(before)
        rest = before[: labelled.start()].strip() if labelled else ""
        # "Image by <a>Jo Park</a> via <a>Site</a>": the whole line is the credit.
        return (last if labelled and 2 <= len(text) <= settings.max_trailing_credit
                and len(rest) > len(text) and _names_only(text)
                and split_credit(rest)[0] is not None else None)
    elif len(last) or last.tag not in TRAILING_CREDIT_TAGS or (last.tail or "").strip():
        return None
    else:
        text = collapse(last.text or "")
        before = collapse(text_without(holder, [last]))
    if (not 2 <= len(text) <= settings.max_trailing_credit or len(before) <= len(text)
            or not _names_only(text)):
        return None
    strong = _source_line(text, capitals=False) or "/" in text or text.startswith("©")
    # Names on a line of their own (after a break, in a block) or set flush against the
    # caption's last word (styled apart, "...the square<span>Jo Park</span>") are its credit.
    apart = last.tag in OWN_LINE_TAGS or _flush(holder, last)
    return last if strong or apart or before[-1] in CLOSING_CREDIT_MARKS else None


def _flush(holder: Element, last: Element) -> bool:
    """Whether `last`'s text follows the text before it without a space."""
    previous = element_sibling(last, before=True)
    before = (previous.tail if previous is not None else holder.text) or ""
    if previous is not None and not before:
        before = raw_text(previous)
    own = last.text or ""
    return bool(before) and before[-1:].isalpha() and own[:1].isalpha()


def only_a_credit(caption: str) -> bool:
    """A "caption" that only names where the picture is from ("Reuters", "Getty Images"),
    or who took it for whom ("Jo Park/The Daily Post": a name of two words or more, a
    slash, names)."""
    text = caption.strip(" .()")
    if text.casefold() in CREDIT_SOURCES:
        return True
    person, slash, after = text.partition("/")
    # "Jo Park/The Daily Post", or a publication and then the person: "The Spruce / Jo Park".
    named = (len(person.split()) >= MIN_CREDIT_NAME_WORDS
             or (" / " in text and "/" not in after
                 and MIN_CREDIT_NAME_WORDS <= len(after.split()) <= MAX_PERSON_WORDS))
    return bool(slash) and named and _capitalised_words(text)


def title_credit(img: Element, caption: str | None, settings: Settings) -> str | None:
    """A credit the picture's title adds to its alt or caption ("Fans cheer | Getty
    Images"), a title that is only a credit ("© Reuters", "Foto: dpa"), or a credit the
    picture's attributes give (data-credit, data-copyright, data-photographer)."""
    title = collapse(img.get("title") or "")
    for known in (caption, collapse(img.get("alt") or "")):
        if known and len(title) > len(known) and title.startswith(known):
            tail = title[len(known):].strip()
            if tail[:1] in TITLE_CREDIT_SEPARATORS:
                credit = clean_credit(tail.lstrip("".join(TITLE_CREDIT_SEPARATORS)))
                if credit and len(credit) <= settings.max_credit:
                    return credit
    if title and len(title) <= settings.max_credit and (
            CREDIT_LEAD.match(title) or _source_line(title)):
        only, credit = split_credit(title)
        if only is None and credit:
            return credit
    return attribute_credit((img, *ancestors_to_figure(img)[:LIGHTBOX_LEVELS]), settings)


def attribute_credit(holders: tuple[Element | None, ...], settings: Settings) -> str | None:
    """The first credit given as an attribute's value (data-credit="Jo Park/AP"), not
    markup, JSON or a URL."""
    for holder in holders:
        for name, value in (holder.attrib.items() if holder is not None else ()):
            if CREDIT_ATTRIBUTE_NAME.search(str(name).lower()) is None:
                continue  # the name first: collapsing every value (srcset, JSON) cost more
            text = collapse(str(value))
            if text and len(text) <= settings.max_credit and text[0] not in "<{[" and "://" not in text:
                return clean_credit(text)
    return None


def text_without(element: Element, removed: list[Element]) -> str:
    if not removed:
        return raw_text(element)
    parts: list[str] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    skipped: Element | None = None
    for event, node in walker:
        if event == "start":
            if node is not element and any(node is r for r in removed):
                walker.skip_subtree()
                skipped = node
                continue
            if node.text and isinstance(node.tag, str):
                parts.append(node.text)
        else:
            if node is skipped:
                skipped = None
            if node is not element and node.tail:
                parts.append(node.tail)
    return " ".join(parts)
