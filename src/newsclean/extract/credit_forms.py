"""Photo credits in a caption's text: the credit forms of several languages (a label,
a slash and an agency, names closing the caption, a bracketed source), where a
caption's credit starts, and cleaning a credit."""

from __future__ import annotations

import re
from functools import lru_cache

from .patterns import (
    BARE_CREDIT_LABEL,
    BARE_CREDIT_TAIL,
    CAPTION_LABEL,
    CREDIT_LEAD,
    CREDIT_MARKUP,
    CREDIT_PREFIX,
    CREDIT_SEPARATORS,
    CREDIT_SOURCES,
    DASH_SEPARATORS,
    EAST_ASIAN_TEXT,
    EQUALS_CREDIT,
    NAME_CONNECTORS,
    NAMING_LABEL,
    OPENING_BRACKET,
    PAREN_CREDIT,
    PICTURE_SOURCES,
    SENTENCE_END,
    SHOT_BY_REPORTER,
    SLASH_AGENCY,
    SLASH_LABEL,
    SOURCE_IN_BRACKETS,
    STOCK_SOURCES,
    TEXT_DATES,
    UNOPENED_CLOSES,
    may_hold_credit_label,
    search_credit_lead,
    without_dangling_label,
)
from .settings import Settings
from .text import collapse

__all__ = ["capitalised_words", "clean_credit", "credit_like", "ends_in_credit",
           "names_only", "only_a_credit", "source_line", "split_credit"]

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
CREDIT_CLEAN_ROUNDS = 4
"""Labels and brackets stack ("(Foto: © dpa)"): clean_credit peels up to this many layers."""
PRODUCT_MARKS = ("™", "®")
"""Marks of a product's name, never of a credit."""
MIN_AGENCY_WORD = 2
"""Each word after a credit's slash has at least this many characters."""
MIN_CREDIT_NAME_WORDS = 2
"""A caption of names with a slash is only a credit when a full name opens it."""
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
                            or source_line(opening_bracket.group("credit"), capitals=False)):
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
        if rest and (names_only(rest) or " " not in rest
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
    return match if match and source_line(match.group("credit"), capitals=False) else None


def _credit_trailer(text: str) -> tuple[str, str | None]:
    """A credit closing a caption without a label: as a bare label ("... Bild Jo Park"),
    as the last sentence when that is a picture source or names with a slash ("... the
    lodge. Supplied", "... Hampshire. Jo Park / Forum"), or after a separator ("Fans cheer
    | Jo Park/Getty Images", "... Palma / Jo Park")."""
    bare = BARE_CREDIT_TAIL.search(text)
    if bare and bare.group("credit")[0].isupper() and names_only(bare.group("credit")):
        return text[: bare.start()].strip(), clean_credit(bare.group("credit"))
    for end in SENTENCE_END:
        caption, found, tail = text.rpartition(f"{end} ")
        tail = tail.strip()
        if found and caption.strip() and (source_line(tail) or _source_first(tail)
                                          or ("/" in tail and capitalised_words(tail))):
            return f"{caption}{end}".strip(), clean_credit(tail)
    for separator in CREDIT_SEPARATORS:
        caption, found, tail = text.rpartition(f" {separator} ")
        tail = tail.strip()
        if found and caption.strip() and source_line(tail):
            # "Jo Park | Getty Images" is the credit whole (alone, or after "caption |")
            head, again, name = caption.rpartition(f" {separator} ")
            name = name.strip()
            if name and name[-1] not in SENTENCE_END and (capitalised_words(name) or (
                    " " not in name and len(name) <= MAX_HANDLE and not name.isdigit())):
                return head.strip() if again else "", clean_credit(f"{name} {separator} {tail}")
        if (found and caption.strip() and names_only(tail)
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
        if source_line(tail, capitals=False) or _slash_credit(tail) or (
                unlabelled != tail and names_only(unlabelled)):
            return caption.strip(), clean_credit(tail, bare=True)
    return text, None


def _slash_credit(text: str) -> bool:
    """Names and an agency joined by a slash ("Jo Park/AFP", "JO PARK / AFP"), not a
    product's variant ("Sports Bra - JoyLab™ Red/Pink M"): whole words after the slash."""
    _, slash, agency = text.rpartition("/")
    return (bool(slash) and not any(mark in text for mark in PRODUCT_MARKS)
            and all(len(word) >= MIN_AGENCY_WORD for word in agency.split())
            and (capitalised_words(text) or text.isupper()))


def _opening_credit(rest: str) -> tuple[str | None, str | None] | None:
    """After a label opening the text, names up to a separator and then the caption:
    "Foto: Jo Park/dpa | Der Kanzler in Berlin" -> ("Der Kanzler in Berlin", "Jo Park/dpa")."""
    for separator in OPENING_CREDIT_SEPARATORS:
        names, found, caption = rest.partition(separator)
        names, caption = names.strip(), caption.strip()
        agencies = "/" in names and len(names.split()) <= MAX_CREDIT_WORDS
        if (found and names and len(caption) > len(names) and names[-1] not in SENTENCE_END
                and (names_only(names) or agencies) and not names_only(caption)):
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


def names_only(text: str) -> bool:
    """Whether `text` reads as a credit's names and agencies, not as a sentence: a picture
    source, or a few words, each capitalised, a connector ("van", "via", "for") or holding
    a slash ("Jo Park/AP", "Renata Novak, Seznam Zprávy", "Lorenzo Marina")."""
    return source_line(text) or capitalised_words(text)


def capitalised_words(text: str) -> bool:
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


def source_line(text: str, capitals: bool = True) -> bool:
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
            and capitalised_words(text))


def _source_first(text: str) -> bool:
    """Names opened by a stock agency: "Getty Images for Netflix", "AFP via Getty Images"."""
    folded = text.strip().casefold()
    return (any(folded.startswith((f"{source} ", f"{source}/")) for source in STOCK_SOURCES)
            and capitalised_words(text))


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
    return bool(slash) and named and capitalised_words(text)
