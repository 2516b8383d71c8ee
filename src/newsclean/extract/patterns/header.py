"""The story's header: titles, datelines, bylines, author names and date lines."""

from __future__ import annotations

import re
from functools import cache

from .meta import MONTHS
from .regex import by_first_letter

_MONTH_NAME = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
PUBLISHED_PREFIX = re.compile(
    r"^\W*(?:published|posted|first published|date|submitted|"
    r"ver[öo]ffentlicht|publi[ée]|publicado|pubblicato|gepubliceerd|publicerad)"
    r"(?:\s+(?:on|am|le|el|il|op|den))?\s*:?\s", re.IGNORECASE)
"""A short line that says when the page was published ("Published on July 18, 2025"); not
"Last updated": that date is the page's last change, not its publication."""
PUBLISHED_INSIDE = re.compile(r"\s[|·•\-–—]\s+(?:published|posted)(?:\s+on)?\s*:?\s",
                              re.IGNORECASE)
"""...or says it after a label ("Essay - Published: 2025.12.17")."""
READING_TIME_TAIL = re.compile(r"\s*[·•|\-–—]?\s*\d{1,3}\s*min(?:ute)?s?\.?(?:\s+read)?\W*$",
                               re.IGNORECASE)
"""The reading time a date line may end with ("October 16, 2020 · 8 min read")."""
REPLY_TOKENS = frozenset({"review", "reviews", "reply", "replies", "answer", "answers"})
"""Class tokens of a reader's post under the story, whose date is not the story's (with
the comment stems of the story patterns)."""
_DATE_ALONE = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:"
    r"(?:" + _MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?:\d{1,2}\.?\s+" + _MONTH_NAME
    + r",?\s+\d{4})|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"(?:\s*(?:/|at|,|-|\||·)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?\W*$")
DATE_ONLY_LINE = re.compile(r"^\W*" + _DATE_ALONE, re.IGNORECASE)
UPDATED_LABEL = r"(?:last\s+)?(?:updated|modified)"


@cache
def signed_date_tail() -> re.Pattern[str]:
    """The date ending a byline line ("By Jane Roe - Mar 27, 2024", "Jane Roe | Writer |
    July 2, 2025", "Jane Roe 4 August 2010", "By Jane Roe on May 2, 2025", "Von Max Muster
    am Do 12.03.2020", a forum post's "by jroe » Tue Aug 27, 2019 5:58 am"), perhaps
    labelled. Compiled when first asked (only pages their metadata leaves undated need
    it; compiling costs a millisecond)."""
    return re.compile(
        r"\s*(?:[|·•\-–—,»]\s*|(?:on|am|at|um|le|el|il|op|den|vom)\s+)?"
        r"(?:(?:(?P<updated>" + UPDATED_LABEL + r"|zuletzt\s+geändert|aktualisiert)|published|"
        r"posted|veröffentlicht|stand)(?:\s+(?:on|am|at|um))?\s*:?\s*)?"
        r"(?:(?:mo|di|mi|do|fr|sa|so)\.?,?\s+)?" + _DATE_ALONE, re.IGNORECASE)


UPDATED_PREFIX = re.compile(r"^\W*" + UPDATED_LABEL + r"(?:\s+(?:on|at))?\s*:?\s", re.IGNORECASE)
"""A line giving the page's last change ("Updated: 10/31/2024"): its only date when it
shows no other."""
WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d")
"""Every date date_in_text reads holds its year so: a line without one is passed over
before the date forms are tried on it."""
OPENING_TAGS = frozenset({"strong", "b", "span", "em", "i", "small"})
"""Inline elements a line's words may open with, the line itself holding no text before."""
SIGNATURE_SPLIT = re.compile(r"\s+[|·•\-–—»]\s+|,\s+")
"""Between a byline's name and the role or place after it."""

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
# Korean and Japanese wire style: "(서울=연합뉴스) 홍길동 기자 =".
DATELINE_EAST_ASIAN = re.compile(r"^\((?P<location>[^=()]{1,20})=(?P<agency>[^=()]{1,20})\)")
DATELINE = re.compile(
    r"^(?P<head>"
    r"(?:(?P<location>[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+)*(?:, [A-Z][A-Za-z.'’\- ]{1,30}?)?)"
    r"(?:,\s*(?P<date1>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"|(?P<date2>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&/\-]{0,30})\))?"
    r"\s*(?P<dash>--|—|–|-|:)\s)"
)

DATED_BYLINE = re.compile(
    r"^\W*(?:(?:first\s+)?(?:published|posted|updated|last\s+updated)(?:\s+on)?\s+)?"
    r"(?P<when>.{1,40}?)\s+by\s+(?=\S)", re.IGNORECASE)
"""A byline whose date comes first ("Published 3 hours ago by Jo Roe", "Posted on March
27, 2024 by Jo Roe"); what is before "by" is the date only if DATE_ONLY_LINE or
RELATIVE_TIME reads it whole."""
RELATIVE_TIME = re.compile(
    r"^(?:(?:about|over|almost)\s+)?(?:\d{1,3}|an?|one)\s*(?:seconds?|secs?|minutes?|mins?|"
    r"hours?|hrs?|h|days?|weeks?|months?)\s+ago$|^(?:yesterday|today|just now)$", re.IGNORECASE)
"""A time told from now: "3 hours ago", "a day ago", "yesterday"."""

# A byline's opening word: "By", "Von", "Par", "Por", "Di", "De", "Door", "Av"/"Af"
# (Scandinavian), "Written by"..., then a colon or a space, or nothing more ("By" before
# a link to the author). One pattern for the byline reader's cheap test of an element's
# own first text, for its test of the whole line, and for the prefix names lose.
# (Merged by first letter, as each alternative opens with one: what matches, and where
# a match ends, are as written; a line's opening is tried against fewer alternatives.)
BYLINE_WORDS = ("by|von|par|por|di|de|door|av|af|written by|words by|reporting by|reported by|"
                "story by|ein kommentar von|eine analyse von|ein gastbeitrag von|"
                "eine kolumne von|eine reportage von|ein essay von|posted by|published by|"
                "veröffentlicht von")
BYLINE_PREFIX = re.compile(r"^\s*(?:" + by_first_letter(BYLINE_WORDS) + r")\s*:?(?:\s+|$)",
                           re.IGNORECASE)
WORK_BY_PREFIX = re.compile(
    r"^(?:(?i:a|an|un|une|ein|eine|una|uno|um|uma)\s+\w+|[a-zß-ÿ][\w-]*)\s+"
    r"(?:by|von|de|di|par|por|door|av|af)\s+(?=\w)")
"""What a byline says its author made, or a label in lower case, before the name ("A film
by", "Un documentaire de", "Ein Film von", "capital von"): never a name's first word,
which is capitalised and no article ("Charles de Gaulle", "Ursula von der Leyen")."""
AUTHOR_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b|\bog\b|\boch\b|;|\||"
                          r"\bwith\b|(?<=\s)[-–—](?=\s))\s*")
"""Between the names of a byline ("with": a co-author, or the agency that is left out; a
dash set apart: "Jo Roe - Staff Writer")."""
CREDIT_SLASH = re.compile(r"(?<![^\s,/])([^\s,/]++)/(?=([^\s,/]+))")
"""A slash between two words: between a writer and an agency, or agencies ("Jo Roe/dpa",
"AFP/Reuters"), when one of them is a credit (see split_authors); otherwise part of a name
("Bündnis 90/Die Grünen") or a line of fields ("Jo Roe / 6. November 2023"). A match
starts only where a word does: tried at every letter of a long word, the search would
take the square of its length."""
_PERSON_ROLE_WORDS = ("correspondent", "reporter", "editor", "writer", "columnist",
                      "contributor", "producer", "journalist", "senior", "chief", "founder",
                      "co-?founder", "director", "manager", "reviewer")
"""The role words only a person's role holds ("Jo Roe Senior Autos Reporter"); "Desk",
"News", "Staff" also end a desk's or a paper's name ("TOI Lifestyle Desk"), which is no
person followed by a role."""
AUTHOR_ROLE = re.compile(
    r"\b(?:" + "|".join(_PERSON_ROLE_WORDS) + r"|staff|analyst|critic|photographer|for|news|"
    r"desk|bureau|ceo|president|redakteur|redaktion|rédaction|envoyé|corresponsal|"
    r"redacción|redactora?)\b",
    re.IGNORECASE,
)
ACCOUNT_NAMES = frozenset({"admin", "administrator", "webmaster", "wpadmin", "site admin"})
"""A site's default accounts (lower case), which a CMS gives as the author of what they
post: no person's name."""
PERSON_ROLE = re.compile(r"\b(?:" + "|".join(_PERSON_ROLE_WORDS) + r")\b", re.IGNORECASE)
"""A person's role after a name, in _PERSON_ROLE_WORDS."""
ROLE_MODIFIERS = frozenset({"contributing", "managing", "associate", "assistant", "deputy",
                            "executive", "staff", "special", "guest", "freelance",
                            "digital", "editorial", "lead", "head"})
"""Words that open a role before its noun ("Contributing Writer", "Managing Director")."""
FUNCTION_WORDS = frozenset({"the", "to", "of", "for", "and", "a", "an", "in", "on", "at"})
"""Words no name is made of: text before a role holding one is a title ("Letters To The
Editor"), not a person's name."""
GLUED_ROLE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
"""Where an author box's name runs into the role set after it without a space ("Jo
RoeTech Reporter", "Jo RoeFounder at Acme"): a capital right after small letters. The
role is cut there only when it reads as one (AUTHOR_ROLE) and leaves a name of two words
(a middle initial aside): "McCarthy" or "DeMarco" is one name, and "Jo Roe PhillyVoice
Staff" holds no boundary after a name."""
GLUED_BY = re.compile(r"^(?:\S*?[a-z])?(?:By|Author)(?=[A-Z][a-z])")
"""A "By" or "Author" glued to the name, after the labels before it or alone ("TravelByJo
Roe", "ByJo Roe", "AuthorJo Roe")."""
AGENCIES = frozenset({"reuters", "associated press", "ap", "afp", "upi", "bloomberg",
                      "dpa", "efe", "ansa", "yonhap", "kyodo", "xinhua", "pa", "aap",
                      "apa", "sda", "sid", "kna", "epd",
                      "staff", "staff writer", "agencies", "news desk", "editorial staff",
                      "redaktion"})
DESK_CREDITS = frozenset({"red", "agenturen", "agences", "agencias", "agenzie"})
"""A byline's credit that names no writer, even alone, and is no picture's credit either
("red" is a colour): German-language pages' "red" (Redaktion, the newsroom) and the word
for agencies ("red, ORF.at/Agenturen", "Jo Roe/red")."""

BYLINE_TOKENS = frozenset({"byline", "author", "authors", "authorname", "bylineauthor",
                           "contributor", "writer", "reporter"})
NOT_BYLINE_TOKENS = frozenset({"affiliation", "affiliations", "comment", "comments",
                               "commentauthor", "reply"})
"""An author's affiliation ("c-article-author-affiliation") names institutions and an
address, not the authors; a comment's author ("comment-author vcard": "Jo Roe says:") is a
reader."""
BYLINE_HINT = re.compile(r"author|byline|contributor|writer|reporter", re.IGNORECASE)
BYLINE_LINE_TAGS = frozenset({"p", "span", "div", "li", "address", "i", "em", "b", "strong",
                              "font", "td", "small"})
AUTHOR_HREF = re.compile(r"/(?:authors?|writers?|profiles?|people|staff|contributors?|"
                         r"producers?|autor(?:en)?|auteurs?|redaccion|journalists?|byline)/",
                         re.IGNORECASE)
DATE_TOKENS = frozenset({"date", "published", "pubdate", "posted", "postdate", "entrydate",
                         "timestamp", "datetime", "time", "postmeta", "entrymeta",
                         "articledate", "publishdate", "datum", "fecha", "byline", "meta",
                         # CSS-module names keep a camel-case pair whole
                         # ("Author_publicationTime__F2lab" -> "publicationtime").
                         "publicationdate", "publicationtime", "publishtime", "publishedat",
                         "publishedon", "publisheddate", "publishedtime", "pubtime"})
DATE_HINT = re.compile("date|publish|posted|time|datum|fecha|byline|meta")
"""A cheap look at a class or id before tokenising it: every DATE_TOKENS word holds one."""
THREAD_HEADING = re.compile(
    r"^\W*(?:\d+|no|one|two|three|four|five)\s+(?:repl(?:y|ies)|responses?|comments?|"
    r"thoughts?)\s+(?:to|on)\b", re.IGNORECASE)
"""The heading of the replies under a story ("15 Replies to “Title”", "One thought on
“Title”"), which quotes the headline but is none."""
TITLE_LABEL = re.compile(r"^title\s*:\s*", re.IGNORECASE)
"""A label before the headline's words ("Title:" on a paper's abstract page)."""
TITLE_HEAD = re.compile(r"^(.{20,}?)\s+[|\-–—·•»]\s+\S")
"""A title's part before its first separator set apart by spaces, of 20 characters or
more."""
TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{2,60}$")
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "den", "la", "le", "di", "del",
                            "du", "bin", "al", "y", "e"})
NAME_LABEL = re.compile(
    r"^(?:(?:posted|text|article|authored|written|post|photos?|words|story|reporting)\s*by"
    r"|authors?)\b\s*:?\s*|^(?:posted|text|article|authored|written)\s*by(?=[A-Z])"
    r"|^(?:text|texto|texte|story|words|reporting|autor(?:in)?|auteur|quelle|source|fuente"
    r"|fonte)\s*:\s*"
    # a link to the writer's page, labelled as one
    r"|^(?:(?:view|see|read|browse|show)\s+)?(?:all|more)\s+(?:(?:posts|articles|stories"
    r"|entries|news|content)\s+)?(?:by|from)\s+(?=\w)"
    r"|^(?:alle[s]?|mehr|weitere)\s+(?:(?:beiträge|artikel|texte|news)\s+)?von\s+(?=\w)"
    r"|^(?:tous\s+les|plus\s+d['’])\s*articles\s+d(?:e\s+|['’])(?=\w)"
    r"|^(?:todos\s+los|más)\s+artículos\s+de\s+(?=\w)"
    r"|^(?:tutti\s+gli|altri)\s+articoli\s+di\s+(?=\w)",
    re.IGNORECASE)
"""A label an author box writes before the name ("Author Jo Roe", "Text by Jo Roe",
"Authors: Jo Roe", "Text: Jo Roe", "Posted byJo Roe" where the name was a link set
without a space, "Quelle: dpa"), or the label of a link to the writer's page ("View all
posts by Jo Roe", "Alle Beiträge von Jo Roe", "Tous les articles de Jo Roe")."""
OTHER_CREDIT = re.compile(r"(?:edit(?:ing|ed)|photos?|photography|graphics|illustrations?|"
                          r"video|translat(?:ion|ed)|compiled|additional reporting)\b\W*(?:by\b)?",
                          re.IGNORECASE)
"""A credit in a byline that names no author ("Editing by Jo Roe", "Photos: Jo Roe")."""
PLACE_AFTER_NAME = re.compile(r"(?<=\w)\s+(?:in|at|reports?\s+from|reporting\s+from)\s+(?=[A-Z])")
"""Where a place follows the name ("Jo Roe in Springfield", "Jo Roe reports from
Springfield")."""
NOT_NAME_WORDS = frozenset({
    "login", "log", "sign", "profile", "profiles", "comment", "comments", "website",
    "bluesky", "twitter", "facebook", "linkedin", "instagram", "threads", "mastodon",
    "youtube", "tiktok", "email", "view", "follow", "subscribe", "share", "read", "min",
    "author", "authors", "about", "posts", "bio", "account", "settings",
    "undefined", "null"})
"""Words of an author box's controls and links ("View Full Profile", "On Bluesky",
"Comments", "Member Login", "About the Author", "Account Settings", "5 min read"), and
what a script writes for an empty field ("undefined"): a part holding one is no name."""
CREDENTIALS = frozenset({
    "md", "m.d", "phd", "ph.d", "rn", "bsn", "msn", "np", "dds", "dmd", "mba", "cpa",
    "jd", "esq", "mph", "facp", "lcsw", "pharmd", "dvm", "ms", "ma", "bsc", "msc", "rd",
    "cfp", "cfa", "pa-c", "frcp", "mbbs"})
"""Degrees and titles written after a name ("Jo Roe, MD, PhD"): not a name, nor part of
one. Looked up in lower case without a closing dot, and only when written otherwise than
a name's word is ("MA", not the surname "Ma")."""

# --- a line that is a time stamp alone, in any of the forms pages print one -------------
_STAMP_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))  # the date patterns' months
_STAMP_UNITS = (r"(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?|"
                r"minuten|stunden?|tagen?|wochen?|monaten?|jahren?|minutes|heures?|jours?|"
                r"minutos?|horas?|días?|minuti|ore|giorni|minut|hodin[ay]?|dn[ůíy])")
STAMP_TIME = re.compile(r"(?<!\d)\d{1,2}\s?:\s?\d{2}(?!\d)")
"""A clock time in a time-stamp line."""
STAMP_DATE = re.compile(
    r"(?<![\d+])(?:\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?(?:\d{4}|\d{2})"    # 24.04.2024
    r"|\d{4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{1,2})(?![\d-])"                 # 2024/12/04
    r"|\d{1,4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?|\d{1,2}\s?月\s?\d{1,2}\s?日"
    r"|\b\d{1,2}\.?\s*(?:de\s+)?(?:" + _STAMP_MONTHS + r")\b\.?"   # 17. Dezember
    r"|\b(?:" + _STAMP_MONTHS + r")\.?\s+\d{1,2}\b"              # October 13
    r"|\b\d{1,3}\s+" + _STAMP_UNITS + r"\s+ago\b"                # 1 day ago
    r"|\b(?:vor|il y a|hace|fa|před)\s+\d{1,3}\s+" + _STAMP_UNITS + r"\b",
    re.IGNORECASE)
"""The date in a time-stamp line: in figures, with its month by name (in the languages
the story patterns read), or a time "ago"."""
STAMP_WORDS = frozenset(_STAMP_MONTHS.split("|")) | frozenset({
    "mon", "monday", "tue", "tuesday", "wed", "wednesday", "thu", "thursday", "fri",
    "friday", "sat", "saturday", "sun", "sunday", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes",
    "sábado", "domingo", "published", "posted", "updated", "last", "first", "date", "time",
    "stand", "publiziert", "veröffentlicht", "aktualisiert", "zuletzt", "erstellt",
    "publié", "mis", "jour", "publicado", "actualizado", "pubblicato", "aggiornato",
    "gepubliceerd", "bijgewerkt", "publikováno", "aktualizováno", "at", "on", "um", "am",
    "an", "le", "à", "el", "de", "del", "a", "las", "los", "alle", "ore", "kl", "klo",
    "uhr", "h", "hrs", "ago", "today", "yesterday", "heute", "gestern", "aujourd", "hui",
    "hier", "hoy", "ayer", "oggi", "ieri", "vandaag", "gisteren", "dnes", "včera", "vor",
    "il", "y", "hace", "fa", "před", "pm", "m", "p", "jst", "kst", "utc", "gmt", "cet",
    "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "ist", "mez",
    "mesz", "et", "pt", "ct", "aest", "aedt", "sgt", "hkt", "年", "月", "日", "時", "分"})
"""Words a time-stamp line holds beside its date or time: labels, weekdays, month names,
"at", clock and zone names, "ago", "today"."""
STAMP_UNIT_WORDS = frozenset({
    "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hour", "hours",
    "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years",
    "minuten", "stunde", "stunden", "tag", "tage", "tagen", "woche", "wochen", "monat",
    "monaten", "jahr", "jahren", "heure", "heures", "jour", "jours", "minuto", "minutos",
    "hora", "horas", "día", "días", "minuti", "giorni", "minut", "hodin", "hodina", "hodiny",
    "dnů", "dní", "dny"})
"""The units a time "ago" is counted in: with STAMP_WORDS, every word a stamp may hold."""
