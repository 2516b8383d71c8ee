"""Page metadata from <head>, JSON-LD and a few in-page markers.

Read once, before the engine drops scripts and meta elements.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

from dateutil import parser as date_parser
from lxml import etree

from .escaped import without_tags
from .guards import has_valid_offset, json_too_deep, zone_info
from .patterns import (
    AGENCIES,
    ARTICLE_TYPES,
    AUTHOR_META,
    AUTHOR_ROLE,
    AUTHOR_SPLIT,
    BYLINE_PREFIX,
    CREDENTIALS,
    CREDIT_SLASH,
    DATE_ONLY_LINE,
    DATED_BYLINE,
    DESK_CREDITS,
    DISCUSSION_TYPES,
    FUNCTION_WORDS,
    GLUED_BY,
    GLUED_ROLE,
    MONTHS,
    NAME_LABEL,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    NOT_PUBLISHED_META,
    OTHER_CREDIT,
    PERSON_ROLE,
    PLACE_AFTER_NAME,
    PUBLISHED_META_NAME,
    READING_TIME_TAIL,
    RELATIVE_TIME,
    ROLE_MODIFIERS,
    SCRIPT_AUTHOR,
    SCRIPT_DATE,
    SCRIPT_DATE_KEYS,
    TEXT_DATES,
    TIME_AFTER_DATE,
    URL_DATE,
    URL_MONTH_DATE,
    WORK_BY_PREFIX,
    signed_date_tail,
)
from .text import collapse, raw_text

__all__ = ["MAX_NAME_WORDS", "PageMeta", "absolute", "date_in_text", "date_in_url", "dedupe",
    "is_author_item", "is_when", "ld_authors", "ld_keywords", "ld_text", "looks_like_name",
    "meta_published", "parse_date", "read_head", "reads_as_date", "script_authors",
    "script_published", "signed_date", "site_host", "split_authors", "split_lone_tag",
    "split_url"]

MAX_SCRIPT_SCAN = 2_000_000
"""Characters of inline script searched for a date at most (bounded on huge pages)."""
MAX_JSON_LD = 500_000
"""JSON-LD blocks longer than this are skipped (a bounded parse on hostile pages)."""
MAX_JSON_LD_DEPTH = 64
"""JSON-LD blocks nested deeper than this are skipped: real ones nest a handful of
levels, and the decoder recurses once per level."""


@dataclass(slots=True)
class PageMeta:
    meta: dict[str, str] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    canonical: str | None = None
    html_title: str | None = None
    language: str | None = None
    ld: dict[str, Any] = field(default_factory=dict)
    """The page's article object from JSON-LD, if any."""
    ld_publisher: str | None = None
    ld_published: str | None = None
    """A datePublished from a JSON-LD WebPage object, for pages whose article has none."""
    scripts: list[etree._Element] = field(default_factory=list)
    """Inline scripts that are not JSON-LD, kept for the last-resort date search."""
    ld_people: dict[str, str] = field(default_factory=dict)
    """The names of JSON-LD Person objects by their @id: an article's author may be only a
    reference to one ({"@id": "…#/schema/person/…"})."""
    repeated: dict[str, list[str]] = field(default_factory=dict)
    """Later values of a key that names people (AUTHOR_META), which pages repeat one per
    author (<meta name="author"> twice); `meta` keeps the first."""
    microdata_author: str | None = None
    """The name a <meta itemprop="name"> gives inside the page's first microdata author
    (<div itemprop="author" itemscope><meta itemprop="name" content="Jo Roe">): the
    clean-up drops <meta> elements before the authors are read."""
    discussion: bool = False
    """JSON-LD names the page a discussion (a forum thread, a question and its answers):
    its replies are its text, comment-marked or not."""

    def says_story(self) -> bool:
        """Whether the metadata types the page a story's: a JSON-LD article object, or
        og:type "article"."""
        return bool(self.ld) or (self.first("og:type") or "").lower() == "article"

    def posting(self) -> bool:
        """Whether the JSON-LD article object is a discussion's post (a forum thread's
        first: its author is the thread's first poster)."""
        return not _type_names(self.ld).isdisjoint(DISCUSSION_TYPES)

    def first(self, *names: str) -> str | None:
        for name in names:
            value = self.meta.get(name)
            if value:
                return value
        return None


def read_head(root: etree._Element, url: str | None) -> PageMeta:
    page = PageMeta()
    for element in root.iter("meta", "link", "title", "script"):
        tag = element.tag
        if tag == "meta":
            key = (element.get("property") or element.get("name") or element.get("itemprop")
                   or element.get("http-equiv") or "").strip().lower()
            content = element.get("content")
            if not key or content is None:
                continue
            if key == "name" and page.microdata_author is None and _in_author(element):
                page.microdata_author = collapse(content) or None
            # Collapsed when kept: the first of a repeated key wins.
            if key in ("article:tag", "og:article:tag"):
                page.tags.append(collapse(content))
            elif key not in page.meta:
                page.meta[key] = collapse(content)
            elif key in AUTHOR_META:
                page.repeated.setdefault(key, []).append(collapse(content))
        elif tag == "link":
            # The first canonical address wins: the links after it (style sheets,
            # preloads, icons) need no look.
            if page.canonical is None:
                rel = (element.get("rel") or "").lower().split()
                if "canonical" in rel and element.get("href"):
                    page.canonical = absolute(element.get("href", ""), url)
        elif tag == "title":
            if page.html_title is None:
                page.html_title = collapse(raw_text(element))
        elif (element.get("type") or "").lower().strip() == "application/ld+json":
            _read_json_ld(element.text or "", page)
        elif element.get("src") is None:
            page.scripts.append(element)
    page.tags = split_lone_tag(page.tags)
    lang = root.get("lang") or root.get("xml:lang")
    if not lang:
        lang = page.meta.get("og:locale") or page.meta.get("content-language")
    page.language = lang.strip().replace("_", "-") if lang and lang.strip() else None
    if page.canonical is None and page.meta.get("og:url"):
        page.canonical = absolute(page.meta["og:url"], url)
    return page


def _type_names(item: dict[str, Any]) -> set[str]:
    """A JSON-LD object's @type names, lower case (one name or a list of them)."""
    types = item.get("@type")
    return {str(name).lower() for name in (types if isinstance(types, list) else [types])}


def is_author_item(element: etree._Element) -> bool:
    """Whether a microdata item is an author's (its itemprop names "author", maybe among
    other properties: itemprop="author publisher")."""
    return "author" in (element.get("itemprop") or "").split()


def _in_author(element: etree._Element) -> bool:
    """Whether a microdata property belongs to an author item (its holder's)."""
    holder = element.getparent()
    return holder is not None and is_author_item(holder)


def _read_json_ld(text: str, page: PageMeta) -> None:
    if not text.strip() or len(text) > MAX_JSON_LD or json_too_deep(text, MAX_JSON_LD_DEPTH):
        return
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        try:
            # Control characters inside strings are the usual breakage.
            data = json.loads(re.sub(r"[\x00-\x1f]+", " ", text))
        except (ValueError, RecursionError):
            return
    stack: list[Any] = [data]
    seen = 0
    while stack and seen < 2000:
        seen += 1
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
            continue
        if not isinstance(item, dict):
            continue
        names = _type_names(item)
        if (not page.ld_published and isinstance(item.get("datePublished"), str)
                and any(name.endswith("page") for name in names)):
            # The WebPage object of a page whose article object is missing or undated.
            page.ld_published = item["datePublished"]
        if names & DISCUSSION_TYPES:
            page.discussion = True
        if "person" in names:
            ident, name = item.get("@id"), item.get("name")
            if isinstance(ident, str) and isinstance(name, str) and ident not in page.ld_people:
                page.ld_people[ident] = name
        if names & ARTICLE_TYPES and not page.ld:
            page.ld = item
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                page.ld_publisher = publisher["name"]
        elif (names & {"newsmediaorganization", "organization"}
              and not page.ld_publisher and isinstance(item.get("name"), str)):
            page.ld_publisher = item["name"]
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(item.get(key), list | dict):
                stack.append(item[key])


def meta_published(page: PageMeta) -> datetime | None:
    """A date in a <meta> whose name speaks of publishing, when no known name matched."""
    for key, value in page.meta.items():
        if PUBLISHED_META_NAME.search(key) and not NOT_PUBLISHED_META.search(key):
            found = parse_date(value)
            if found is not None:
                return found
    return None


def _script_texts(page: PageMeta) -> Iterator[str]:
    """The page's inline scripts' texts, MAX_SCRIPT_SCAN characters of them in all."""
    budget = MAX_SCRIPT_SCAN
    for script in page.scripts:
        if budget <= 0:
            break
        text = (script.text or "")[:budget]
        budget -= len(text)
        yield text


def script_published(page: PageMeta) -> datetime | None:
    """The most publishing-like date key in the page's inline script data."""
    found: dict[str, str] = {}
    for text in _script_texts(page):
        for match in SCRIPT_DATE.finditer(text):
            found.setdefault(match.group("key"), match.group("value"))
    for key in SCRIPT_DATE_KEYS:
        if key in found:
            date = parse_date(found[key])
            if date is not None:
                return date
    return None


def script_authors(page: PageMeta) -> list[str]:
    """The post's author a WordPress data layer names in the page's inline scripts
    (SCRIPT_AUTHOR)."""
    for text in _script_texts(page):
        # (a look for the key first: most scripts hold none, and a substring search is
        # cheaper than the pattern's)
        match = SCRIPT_AUTHOR.search(text) if "pagePostAuthor" in text else None
        if match is not None:
            return split_authors(match.group("name"))
    return []


ABSOLUTE_CACHE = 4096
"""Addresses resolved and remembered: a page names the same picture or story in several
places (a <noscript> copy, a teaser and its headline), and urljoin parses both URLs."""
CACHED_URL = 2048
"""Only addresses this short are remembered (a page's data: URIs stay out of memory)."""


def absolute(href: str, base: str | None) -> str:
    if len(href) > CACHED_URL or (base is not None and len(base) > CACHED_URL):
        return _absolute(href, base)
    return _cached_absolute(href, base)


_NO_URL = SplitResult("", "", "", "", "")
URL_CACHE = 4096
"""Addresses split: a block's links are weighed by several tests each."""


@lru_cache(maxsize=URL_CACHE)
def split_url(url: str) -> SplitResult:
    """urlsplit, or an empty address for one it cannot read ("http://[::1"): a page's
    addresses are whatever its authors wrote."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018  (raises on a bad host)
    except ValueError:
        return _NO_URL
    return parts


def site_host(host: str | None) -> str:
    """The host without "www.": one site's pages with and without it ("www.x.org", "x.org")."""
    return (host or "").lower().removeprefix("www.")


@lru_cache(maxsize=ABSOLUTE_CACHE)
def _cached_absolute(href: str, base: str | None) -> str:
    return _absolute(href, base)


WEB_SCHEMES = ("https://", "http://")
UNJOINED = frozenset("\t\r\n;")
"""Characters urljoin drops or splits on: an address holding one takes the long way."""
HOSTLESS = ("", "/", "?", "#")
"""What may follow the scheme's slashes of an address naming no host."""


def _absolute(href: str, base: str | None) -> str:
    href = href.strip()
    if not base:
        return href
    if _already_absolute(href, base):
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def _already_absolute(href: str, base: str) -> bool:
    """An address of the base's own web scheme with a host, that urljoin would give back
    unchanged: most links and pictures are such, and urljoin parses both addresses."""
    for scheme in WEB_SCHEMES:
        if base.startswith(scheme):
            break
    else:
        return False
    return (href.startswith(scheme) and href[len(scheme):len(scheme) + 1] not in HOSTLESS
            and not href.endswith(("?", "#")) and "?#" not in href
            and UNJOINED.isdisjoint(href))


MAX_DATE_TEXT = 80
"""Longer than any written date with its zone: such a value is prose, not a date."""
MAX_AUTHOR_CHARS = 60
"""A byline part longer than this is a sentence or a role description, not a name."""
MAX_NAME_WORDS = 5
"""Names with more words than this ("Maria de la Cruz Fernández Ruiz" has six and is rare)
are more often a headline fragment read as a byline."""


_UNWRITTEN = datetime(1, 1, 1)
_UNWRITTEN_TOO = datetime(2, 2, 2)
"""Two defaults for the parts of a date its text does not give: a part that differs
between the two readings was not written."""


def parse_date(value: str | None) -> datetime | None:
    """An ISO-8601 or RFC-2822-like date string -> datetime (aware when a zone is given).
    A text that leaves out the year, or gives a year alone, is no date: dateutil would
    take the missing parts from today, a result that moves with the clock."""
    return _read_date(value, whole=True)


def reads_as_date(value: str | None) -> bool:
    """Whether a short text is written as a date or a time, whole or in part ("Tuesday",
    "5", "November 2025"): a calendar's or an archive's link rather than a headline."""
    # Most headlines hold nothing the parser could read as a date: they are told apart
    # without it (its failure costs tens of microseconds).
    if not value or _date_words().search(value.lower()) is None:
        return False
    return _read_date(value, whole=False) is not None


@cache
def _date_words() -> re.Pattern[str]:
    """What dateutil's parser must meet in a text to read any date or time from it: a
    digit, a number float() reads without one ("nan", "inf"), or a month's or a
    weekday's name (its other words, "at", "of", "AM", zone names, need a number too).
    A name counts as a word of its own: the parser's tokens are runs of letters, so
    "Marrakesch" and "Adnan" hold no "mar" or "nan" for it."""
    info = date_parser.parserinfo
    names = {name.lower() for names in (*info.MONTHS, *info.WEEKDAYS)
             for name in names}
    words = sorted(names | {"nan", "inf"}, key=len, reverse=True)
    letter = r"[^\W\d_]"
    return re.compile(rf"\d|(?<!{letter})(?:{'|'.join(map(re.escape, words))})(?!{letter})")


def _read_date(value: str | None, whole: bool) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    if not value or len(value) > MAX_DATE_TEXT:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        pass
    if re.fullmatch(r"\d{10}(\d{3})?", value):
        return None  # epoch numbers: zone unknown to the reader, skip
    try:
        # Zone names resolve through our own table (zone_info), never with a warning.
        # The parts the text leaves out come from a sentinel default, never from today.
        found = date_parser.parse(value, default=_UNWRITTEN, fuzzy=False, tzinfos=zone_info)
        if whole and found.year == _UNWRITTEN.year:
            return None  # no year written
        if whole and (found.month == _UNWRITTEN.month or found.day == _UNWRITTEN.day):
            again = date_parser.parse(value, default=_UNWRITTEN_TOO, fuzzy=False,
                                      tzinfos=zone_info)
            if again.month != found.month:
                return None  # a year alone
            # "December 2024": the month's first day, whatever the day today is.
    except (ValueError, OverflowError, TypeError, ArithmeticError, LookupError):
        return None
    # An offset of a day or more ("+24:00") marks the whole string as broken: no date,
    # so that a sounder source further down the list is used instead.
    return found if has_valid_offset(found) else None


def date_in_url(url: str | None) -> datetime | None:
    """/2024/10/23/, /2024-10-23- or /2023/october/03/ in the URL path."""
    if not url:
        return None
    match = URL_DATE.search(url)
    if match:
        month: int | None = int(match.group(2))
    else:
        match = URL_MONTH_DATE.search(url)
        if not match:
            return None
        month = MONTHS.get(match.group(2).lower())
    if month is None:
        return None
    try:
        return datetime(int(match.group(1)), month, int(match.group(3)))
    except ValueError:
        return None


def date_in_text(text: str) -> datetime | None:
    """The first calendar date written out in a short text, in a few common forms."""
    for pattern in TEXT_DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month: int | None
            if groups.get("a"):
                day_month = _day_and_month(int(groups["a"]), int(groups["b"]))
                if day_month is None:
                    continue
                day, month = day_month
            else:
                day = int(groups["d"])
                month = (int(groups["mn"]) if groups.get("mn")
                         else MONTHS.get(groups["m"].lower().rstrip(".")))
            if not month:
                continue
            try:
                return datetime(int(groups["y"]), month, day, *_time_after(text, match.end()))
            except ValueError:
                continue
    return None


def _time_after(text: str, end: int) -> tuple[int, int, int]:
    """(hour, minute, second) of the clock time right after a date that ends at `end`;
    midnight when none is printed there (or none that reads as a time of day)."""
    match = TIME_AFTER_DATE.match(text, end)
    if match is None:
        return 0, 0, 0
    hour, minute = int(match.group("h")), int(match.group("min"))
    half = (match.group("half") or "").lower()
    if half and not 1 <= hour <= 12:
        return 0, 0, 0
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return (hour, minute, int(match.group("sec") or 0)) if hour < 24 else (0, 0, 0)


def _day_and_month(first: int, second: int) -> tuple[int, int] | None:
    """(day, month) of a slashed date, when the order is plain: one number over 12 is the
    day. "03/04/2025" is April in Europe and March in America: no date."""
    if first > 12 >= second:
        return first, second
    if second > 12 >= first:
        return second, first
    if first == second:
        return first, first
    return None


def ld_text(page: PageMeta, key: str) -> str | None:
    value = page.ld.get(key)
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str) and value.strip():
        return collapse(value)
    return None


def ld_authors(page: PageMeta) -> list[str]:
    """The authors of the page's JSON-LD article object; a forum posting's as written (a
    user name: "ferryfan_22"), a story's as a byline is read."""
    value = page.ld.get("author") or page.ld.get("creator")
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    read = _as_written if page.posting() else split_authors
    for item in items:
        if isinstance(item, dict):
            kind = str(item.get("@type") or "").lower()
            if kind in ("organization", "newsmediaorganization", "corporation"):
                continue  # a publisher credited as author names no person
            name = item.get("name")
            if name is None and isinstance(item.get("@id"), str):
                name = page.ld_people.get(item["@id"])  # a reference to a Person object
            if isinstance(name, list):
                # (a CMS may write a name as its link's markup: "<a href=…>Jo Roe</a>")
                parts = [" ".join(without_tags(str(n)).split()) for n in name]
                # Full names each, or the parts of one ("Jo", "Roe").
                name = (", " if len(parts) > 1 and all(" " in part for part in parts)
                        else " ").join(parts)
            if isinstance(name, str):
                names.extend(read(without_tags(name)))
        elif isinstance(item, str):
            names.extend(read(without_tags(item)))
    return dedupe(names)


def _as_written(name: str) -> list[str]:
    """A user name as the page writes it, white space folded."""
    name = collapse(name)
    return [name] if name else []


def split_lone_tag(tags: list[str]) -> list[str]:
    """Tags from `article:tag`. A page giving several has one tag in each, and a comma
    inside one is part of its name ("Washington, D.C."); a page giving a single one with
    commas has put the whole list in it ("Angst, Panik, Gehirn"), which is split."""
    if len(tags) != 1 or "," not in tags[0]:
        return tags
    return [part for part in (collapse(p) for p in tags[0].split(",")) if part]


def ld_keywords(page: PageMeta) -> list[str]:
    value = page.ld.get("keywords")
    if isinstance(value, str):
        return dedupe(collapse(v) for v in value.split(","))
    if isinstance(value, list):
        return dedupe(collapse(str(v)) for v in value if isinstance(v, str | int))
    return []


def split_authors(text: str) -> list[str]:
    """'By Jane Roe and John Doe, Staff Writers' -> ['Jane Roe', 'John Doe']."""
    text = collapse(text)
    if " by " in text or " By " in text or " BY " in text:
        dated = DATED_BYLINE.match(text)
        if dated is not None and is_when(dated.group("when")):
            text = text[dated.end():]
    text = WORK_BY_PREFIX.sub("", BYLINE_PREFIX.sub("", text), count=1)
    if not text or text.startswith(("http://", "https://")) or DATE_ONLY_LINE.match(text):
        return []  # (a byline box holding the date alone: "Sat, 20 Dec, 2025 - 06:36")
    if text.startswith(","):
        return []  # a template's empty name before its affiliation: ", USA TODAY"
    if any(ch.isdigit() for ch in text):
        text = _without_date_tail(text)
    if "/" in text:
        text = CREDIT_SLASH.sub(_credit_slash, text)
    names: list[str] = []
    agencies: list[str] = []  # (AP and PA: too short to tell from initials)
    # What follows a role or a place after a comma is theirs too: "Jo Roe, BBC News, New
    # York" and "Jo Roe in Lakeside, Ohio" name one author ("…, Reuters, and Ana Lima" two).
    separators = [""] + [match.group().strip() for match in AUTHOR_SPLIT.finditer(text)]
    in_role = False
    for separator, part in zip(separators, AUTHOR_SPLIT.split(text), strict=True):
        if in_role and separator == ",":
            continue
        in_role = False
        if OTHER_CREDIT.match(part.strip()):
            in_role = True  # "Reporting by Jo Roe; Editing by Ana Lima": the editor's
            continue
        place = PLACE_AFTER_NAME.search(part)
        if (place is not None and len(part[:place.start()].split()) >= 2
                and looks_like_name(part[:place.start()])):
            part, in_role = part[:place.start()], True  # "Jo Roe in Springfield"
        part = _name_of(part)
        credit = part.strip("()[]")
        if not part or credit.lower() in DESK_CREDITS:
            continue
        if credit.lower() in AGENCIES:
            if len(credit) > 2:
                agencies.append(credit)
            continue
        if len(part) > MAX_AUTHOR_CHARS:
            if len(part.split()) > MAX_NAME_WORDS:
                break  # a sentence (an author's bio): what follows goes on with it
            continue
        if any(ch.isdigit() for ch in part) or "@" in part:
            continue
        if names and (AUTHOR_ROLE.search(part) or part[:1].islower()):
            in_role = True
            continue  # "Jane Roe, Political Correspondent": a role, not a second name
        if names and part.isupper() and " " not in part:
            continue  # "Jo Roe, MS, FAND": a degree's letters, not a second name
        if not names:
            part = _without_role(part)
        words = part.split()
        if len(words) > MAX_NAME_WORDS:
            break  # a sentence (an author's bio): what follows it goes on with it
        names.append(part)
    # A wire story credited to agencies only keeps that credit ("dpa", "AFP/Reuters").
    return names or dedupe(agencies)


_CREDITS = AGENCIES | DESK_CREDITS


def _credit_slash(match: re.Match[str]) -> str:
    """A slash beside an agency's or the newsroom's credit parts two credits ("Jo Roe/dpa"
    -> "Jo Roe, dpa"); any other stays."""
    if any(word.strip("()[]").lower() in _CREDITS for word in match.groups()):
        return f"{match.group(1)}, "
    return match.group()


def is_when(text: str) -> bool:
    """Whether a text tells when alone (a byline's opening, a card's date): a date, or a
    time from now."""
    text = text.strip(" ,|·•-–—")
    return bool(DATE_ONLY_LINE.match(text) or RELATIVE_TIME.match(text))


def _without_date_tail(text: str) -> str:
    """The byline without the reading time and the date signing it ("Jo Roe - Mar 27,
    2024 · 4 min read" -> "Jo Roe")."""
    bare, tail = signed_date(text)
    return bare[:tail.start()] if tail is not None and tail.start() else bare


def signed_date(text: str) -> tuple[str, re.Match[str] | None]:
    """The line without the reading time ending it, and the date that then ends it (a
    byline's: "Jo Roe - Mar 27, 2024 · 4 min read"), if any. The text without the reading
    time is a prefix of the line: the date's place is the same in both."""
    bare = READING_TIME_TAIL.sub("", text)
    return bare, signed_date_tail().search(bare)


def _name_of(part: str) -> str:
    """A part of a byline as a name: without the label before it ("Author", "Text by"),
    quotes, degrees after it ("Jo Roe MD") or its words said twice ("Jo Roe Jo Roe"); empty
    when it is a control of an author box ("View Full Profile") or a degree alone."""
    part = part.strip(" .:;-–—|»«›‹")
    named = NAME_LABEL.sub("", part)
    if named != part and named[:1].islower() and named.lower() not in AGENCIES:
        return ""  # "Author information": the label's word in a phrase, not before a name
    named = _without_glued_role(named)
    words = named.strip(" .:;-–—|\"“”‘’'").split()
    if any(word.lower().strip(".,:;!?()") in NOT_NAME_WORDS or "%" in word for word in words):
        return ""
    while words and _credential(words[-1]):
        words.pop()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]
    return " ".join(words)


def _without_glued_role(text: str) -> str:
    """The name between a glued "By" and a glued role ("TravelByJo RoeTech Reporter" ->
    "Jo Roe")."""
    text = GLUED_BY.sub("", text, count=1)
    for boundary in GLUED_ROLE.finditer(text):
        head, tail = text[:boundary.start()], text[boundary.start():]
        words = head.split()
        if (len(words) == 2 or (len(words) == 3 and _initial(words[1]))) and AUTHOR_ROLE.search(tail):
            return head
    return text


def _without_role(part: str) -> str:
    """The name before a person's role set after it in the same part ("Jo Roe Senior
    Autos Reporter", "Jo Roe Contributing Writer" -> "Jo Roe"), when it is two to four
    capitalised words, none a function word ("Letters To The Editor" names no one)."""
    role = PERSON_ROLE.search(part)
    if role is None or not role.start():
        return part
    words = part[:role.start()].rstrip(" ,-–—|").split()
    while words and words[-1].lower() in ROLE_MODIFIERS:
        words.pop()
    if not 2 <= len(words) <= 4 or any(word.lower() in FUNCTION_WORDS
                                       or not word[:1].isupper() for word in words):
        return part
    return " ".join(words)


def _initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def _credential(word: str) -> bool:
    lowered = word.lower().rstrip(".")
    return lowered in CREDENTIALS and (word != word.capitalize() or lowered == "esq")


def looks_like_name(text: str) -> bool:
    """One to five words, each starting with a capital letter, no digits."""
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(ch.isdigit() for ch in text) or "@" in text:
        return False
    return all(word[0].isupper() or word.lower() in NAME_PARTICLES for word in words)


def dedupe(items: Any) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out
