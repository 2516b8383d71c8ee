"""Page metadata: meta tag names, JSON-LD types and date forms in scripts, URLs and text."""

from __future__ import annotations

import re

ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
    "scholarlyarticle", "techarticle", "report", "posting", "socialmediaposting",
    "discussionforumposting",  # a thread's first post: the thread's title, poster and date
})
PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished",
                  "pubdate", "publishdate", "publish-date", "parsely-pub-date",
                  "sailthru.date", "dc.date.issued", "dc.date", "dcterms.created", "date",
                  "cxenseparse:recs:publishtime", "article.published", "og:published_time")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified",
                 "dcterms.modified", "last-modified", "article.updated")
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author",
               "dc.creator", "byl", "cxenseparse:author")
AUTHOR_LABEL = re.compile(
    r"(?:written|posted|published|interview)\s+by|authors?|verfasst\s+von|geschrieben\s+von|"
    r"autor(?:in)?|auteur|[ée]crit\s+par|escrito\s+por|scritto\s+da|geschreven\s+door",
    re.IGNORECASE)
"""A label of a twitter:labelN / twitter:dataN pair whose value names the author (an SEO
plugin's "Written by" beside "Est. reading time"), matched whole."""
PUBLISHED_META_NAME = re.compile(r"publish|publication|pubdate|posted|release|issued|created|"
                                 r"citation_date|citation_online_date", re.IGNORECASE)
"""Meta names of a publication date the list above does not know ("w-published-date",
the scholarly "citation_publication_date" and "citation_date")."""
NOT_PUBLISHED_META = re.compile(r"modif|updat|expir|revis", re.IGNORECASE)
SCRIPT_DATE = re.compile(
    r'"(?P<key>datePublished|publishedDate|publishDate|published_at|publishedAt|'
    r'first_publication_date|publicationDate|pubDate)"'
    r'\s*:\s*"(?P<value>[^"]{8,40})"')
"""A publication date in the page's own data (Next.js, Contentful, Prismic state)."""
SCRIPT_DATE_KEYS = ("datePublished", "publishedDate", "publishDate", "published_at",
                    "publishedAt", "first_publication_date", "publicationDate", "pubDate")
"""Preference among SCRIPT_DATE's keys, schema.org's name first. Creation dates
(createdAt) are left out: in CMS state they belong to assets as often as to the story."""
SCRIPT_AUTHOR = re.compile(r'"pagePostAuthor"\s*:\s*"(?P<name>[^"\\]{2,60})"')
"""The post's author in a WordPress page's data layer (the Google Tag Manager plugin's
"pagePostAuthor")."""
URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
URL_MONTH_DATE = re.compile(r"/(20\d{2}|19\d{2})/([^\W\d_]{3,9})/(0?[1-9]|[12]\d|3[01])(?:/|-|$)")
"""/2023/october/03/: the month by name (a MONTHS key, any case)."""
MONTHS = {name: number for number, names in enumerate((
    # English, German (and Austrian "Jänner"), French, Spanish, Italian, Portuguese, Dutch,
    # and Czech in the genitive a date is written in ("12. března").
    ("jan", "january", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari",
     "ledna"),
    ("feb", "february", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro",
     "februari", "února"),
    ("mar", "march", "märz", "maerz", "mars", "marzo", "março", "maart", "března"),
    ("apr", "april", "avril", "abril", "aprile", "dubna"),
    ("may", "mai", "mayo", "maggio", "maio", "mei", "května"),
    ("jun", "june", "juni", "juin", "junio", "giugno", "junho", "června"),
    ("jul", "july", "juli", "juillet", "julio", "luglio", "julho", "července"),
    ("aug", "august", "août", "aout", "agosto", "augustus", "srpna"),
    ("sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro", "září"),
    ("oct", "october", "oktober", "octobre", "octubre", "ottobre", "outubro", "října"),
    ("nov", "november", "novembre", "noviembre", "novembro", "listopadu"),
    ("dec", "december", "dezember", "décembre", "decembre", "diciembre", "dicembre",
     "dezembro", "prosince"),
), start=1) for name in names}
TEXT_DATES = (
    # 28 September 2025, 28. September 2025, 28 de septiembre de 2025
    re.compile(r"\b(?P<d>[0-3]?\d)\.?\s+(?:de\s+)?(?P<m>[^\W\d_]{3,10})\.?,?\s+(?:de\s+)?"
               r"(?P<y>(?:19|20)\d{2})\b"),
    # September 28, 2025 / Sept. 28th, 2025
    re.compile(r"\b(?P<m>[^\W\d_]{3,10})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
               r"(?P<y>(?:19|20)\d{2})\b"),
    # 2025-09-28, 2025-09-28T08:10+02:00
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mn>[01]?\d)-(?P<d>[0-3]?\d)(?:\b|(?=T\d))"),
    # 2025.09.28, 2025/09/28: both numbers of two digits (not a version, "2025.1.2")
    re.compile(r"\b(?P<y>(?:19|20)\d{2})([./])(?P<mn>0[1-9]|1[0-2])\2(?P<d>0[1-9]|[12]\d|3[01])\b"),
    # 28.09.2025
    re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<mn>[01]?\d)\.(?P<y>(?:19|20)\d{2})\b"),
    # 10/31/2024 or 31/10/2024: read only when one of the two numbers cannot be a month
    re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d{2})\b"),
    # 2024年3月27日 (Chinese, Japanese), 2024년 3월 27일 (Korean)
    re.compile(r"(?P<y>(?:19|20)\d{2})\s?[年년]\s?(?P<mn>[01]?\d)\s?[月월]\s?(?P<d>[0-3]?\d)\s?[日일]"),
)
TIME_AFTER_DATE = re.compile(
    r"[\s,|·•\-–—]*(?:(?:at|um|à|a las|alle|om|kl\.?)\s+)?"
    r"(?P<h>[0-2]?\d)\s?(?::|h|時|시|\.(?=\d\d\s?Uhr))\s?(?P<min>[0-5]\d)(?::(?P<sec>[0-5]\d))?(?!\d)"
    r"(?:\s?(?P<half>[ap])\.?\s?m\b\.?)?", re.IGNORECASE)
"""The clock time printed right after a date ("March 27, 2024 at 10:15 a.m.", "27.03.2024,
10:15 Uhr", "27 mars 2024 à 10h15", "2024年3月27日 10時15分"): the story's time of day."""

# --- discussions ---------------------------------------------------------------------
DISCUSSION_TYPES = frozenset({"discussionforumposting", "qapage"})
"""JSON-LD types of a page whose replies are its content (a FAQPage's questions are not
replies: "question" alone says nothing)."""

