"""The generic engine's knowledge, kept together as data: tag sets, class-name tokens,
headings and text patterns. Code in the other modules applies them."""

from __future__ import annotations

import re

__all__ = ["AGE", "AGENCIES", "ARTICLE_TYPES", "AUTHOR_HREF", "AUTHOR_META", "AUTHOR_ROLE",
    "AUTHOR_SPLIT", "BLOCK_TAGS", "BLOCK_TITLE_TOKENS", "BOILERPLATE_LINE", "BUILDER_WORDS",
    "BYLINE_HINT", "BYLINE_LINE_TAGS", "BYLINE_PREFIX", "BYLINE_TOKENS",
    "CAMEL_TAIL", "CAPTION_TAIL", "CAPTION_TOKENS", "COMMENT_STEMS", "CONTROL_TAGS",
    "CREDIT_LEAD", "CREDIT_PREFIX", "CREDIT_TOKENS", "DATELINE", "DATELINE_EAST_ASIAN",
    "DATE_ONLY_LINE", "DATE_TOKENS", "DISCUSSION_TOKENS", "DROP_TAGS", "FIGURE_TOKENS",
    "HEADING_TAGS", "HOME_HREF", "INLINE_LABEL", "INLINE_RELATED", "ITEM_TAGS",
    "LAYOUT_TAGS", "LAZY_SOURCES", "LEAD_NOISE", "LEAD_TOKENS", "LIST_TAGS", "LOADING_LINE",
    "MENU_TAGS", "META_SEPARATOR", "MODIFIED_META", "MONTHS",
    "NAMED_HEADING_TAGS", "NAME_PARTICLES", "NEGATING_SUFFIXES", "NEGATING_TOKENS",
    "NEXT_PREVIOUS", "NEXT_TOKENS", "NOISE_TOKENS", "NOT_PUBLISHED_META", "NOT_STORY_IMAGE",
    "OUTSIDE_TOKENS", "PAGE_MENU_TAGS", "PARAGRAPH_SAFE_TOKENS", "PAREN_CREDIT",
    "PICTURE_TEXT_TOKENS", "PREVIOUS_TOKENS", "PUBLISHED_META", "PUBLISHED_META_NAME",
    "PUBLISHED_PREFIX", "REGION_TOKENS", "RELATED_HEADING", "RELATED_HINTS",
    "RELATED_TOKENS", "REMOVED_LAYOUT", "RESPONSIVE_PREFIXES", "RIGHTS_NOTICES",
    "ROLE_ATTRIBUTES", "SCORED_TAGS", "SCREEN_SIZES", "SCRIPT_DATE", "SCRIPT_DATE_KEYS",
    "SECTION_TOKENS", "STORY_TOKENS", "STRONG_NOISE_TOKENS", "STRONG_STORY_TOKENS",
    "STYLE_PREFIXES", "TABLE_PARTS", "TAG_BONUS", "TEASER_TOKENS", "TEXT_DATES",
    "TEXT_LEVEL_TAGS", "TITLE_SUFFIX", "TITLE_TOKENS", "TOKEN_SPLIT", "URL_DATE",
    "WHOLE_TEXT_TAGS"]

# --- tags -----------------------------------------------------------------------------

# Removed before anything else: never part of a story, never a related block.
DROP_TAGS = (
    "script", "style", "template", "svg", "canvas", "iframe", "object",
    "embed", "input", "link", "meta", "math",
)
# Dropped when small; a large one keeps its content and loses only its tag: a control
# left open by the page (the parser then nests the rest of the page inside it), or a
# <noscript> holding the whole page for crawlers (forum software does this).
CONTROL_TAGS = ("button", "select", "textarea", "dialog", "label", "noscript")
# Threads whose posts are marked as comments: there the comments are the content.
DISCUSSION_TOKENS = frozenset({"comment", "comments", "kommentar", "kommentare",
                               "commentaires", "comentarios", "commenti", "reacties",
                               "komentarze"})
# Kept apart from the story, but read for related links and metadata first.
LAYOUT_TAGS = frozenset({"nav", "footer", "aside", "form", "menu"})

BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th",
    "tbody", "thead", "tfoot", "figure", "figcaption", "header", "footer", "aside", "nav",
    "address", "center", "hr", "details", "summary", "caption", "form", "fieldset",
    "picture", "video", "audio",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# --- class / id tokens ---------------------------------------------------------------
# Class and id values are split into lower-case tokens ("article__body-text" ->
# {"article", "body", "text"}); a container is judged by the tokens it carries.

TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
# "non-paywall", "no-ads", "has-sidebar": the word after these does not describe the element;
# nor in Drupal's "field--label-hidden" (the field's label is hidden, not the field).
NEGATING_TOKENS = frozenset({"non", "no", "not", "without", "has", "with", "hide", "show",
                             "label"})
NEGATING_SUFFIXES = frozenset({"false", "off", "disabled", "none"})
# Utility classes that set a style ("overflow-hidden", "overflow-x-hidden" clip the
# element's content, they do not hide the element): the whole value names nothing.
STYLE_PREFIXES = frozenset({"overflow"})
# Page builders call every block of a page a widget ("elementor-widget-wrap" around one
# paragraph): after their prefix the word names nothing.
BUILDER_WORDS = frozenset({("elementor", "widget")})
# "hidden-xs", "hide-mobile": shown on other screens, so not hidden from the reader.
RESPONSIVE_PREFIXES = frozenset({"hidden", "hide", "visible"})
SCREEN_SIZES = frozenset({"xs", "sm", "md", "lg", "xl", "xxl", "mobile", "phone", "tablet",
                          "desktop", "print", "small", "medium", "large"})

# Inside a story these containers are not story text.
NOISE_TOKENS = frozenset({
    "share", "sharing", "sharebar", "social", "socials", "newsletter", "newsletters",
    "subscribe", "subscription", "signup", "promo", "promotion", "advert", "advertisement",
    "advertising", "ad", "ads", "adslot", "adunit", "dfp", "gpt", "sponsor", "sponsored",
    "outbrain", "taboola", "comments", "comment", "disqus", "sidebar", "widget", "byline",
    "caption", "figcaption", "credit", "credits", "breadcrumb", "breadcrumbs", "nav",
    "navbar", "navigation", "menu", "footer", "popup", "modal", "cookie", "cookies",
    "consent", "gdpr", "toolbar", "tools", "print", "related", "recommended",
    "recommendations", "recirculation", "recirc", "trending", "popular", "mostread",
    "paywall", "banner", "masthead", "skip", "hidden", "hide", "sr", "visually",
    "screenreader", "tags", "topics", "keywords", "author", "authors", "bio",
    "timestamp", "dateline", "meta", "metadata", "follow", "rating", "reactions",
    "pagination", "pager", "teaser", "teasers", "slideshow", "carousel", "player", "podcast", "playlist", "signin",
    "login", "register", "donate", "feedback", "survey", "notification", "copyright",
    "legal", "kicker", "eyebrow", "badge", "icon", "logo", "sociallinks", "sharetools",
    "relatedlinks", "relatedarticles", "readmore", "newsletterbox", "adcontainer",
    "authorbox", "aboutauthor", "authorbio", "saboxplugin", "disclosure", "nextstory",
    "nextpost", "prevpost", "postnavigation", "navlinks", "commentrespond", "respond",
    "postmetadata", "entrymeta", "entryfooter", "upsell", "crosssell",
}) | DISCUSSION_TOKENS
# Of NOISE_TOKENS, those that mark noise whatever its length; the others ("widget",
# "meta", "author", ...) also name wrappers of whole stories in some templates, so
# they only count on short or link-heavy containers.
STRONG_NOISE_TOKENS = frozenset({
    "share", "sharing", "sharebar", "social", "newsletter", "subscribe", "signup",
    "advert", "advertisement", "ads", "adslot", "sponsored", "outbrain", "taboola",
    "comments", "comment", "disqus", "related", "recommended", "recommendations",
    "cookie", "consent", "breadcrumb", "breadcrumbs", "popup", "modal", "paywall",
    "caption", "figcaption", "credit", "byline", "footer", "nav", "navbar", "menu",
    "authorbox", "aboutauthor", "authorbio", "saboxplugin", "commentrespond", "upsell",
}) | DISCUSSION_TOKENS

# On a paragraph these say what the paragraph belongs to, not what it is: paragraphs
# held back for subscribers are marked "paywall"; the box asking to subscribe is not a <p>.
PARAGRAPH_SAFE_TOKENS = frozenset({"paywall"})

# Tokens that mark the story container itself.
STORY_TOKENS = frozenset({
    "articlebody", "storybody", "entry", "content", "article", "story", "post", "body",
    "text", "main", "blog", "richtext", "prose", "copy", "detail", "single", "news",
    "artikel", "contenido", "corpo", "testo", "texte", "cuerpo", "inhalt", "nota",
})
STRONG_STORY_TOKENS = frozenset({"articlebody", "storybody", "entrycontent", "postcontent",
                                 "articlecontent", "storycontent", "articletext",
                                 "bodytext", "richtext", "postbody", "articlebodytext"})
# Tokens that mark a whole region as not the story: the container is left out of the
# candidates and does not pass its score up.
OUTSIDE_TOKENS = frozenset({
    "comment", "comments", "disqus", "sidebar", "footer", "nav", "navbar", "navigation",
    "menu", "breadcrumb", "breadcrumbs", "related", "cookies", "flyout", "overlay",
    "dsgvo", "gdpr", "usercentrics", "onetrust", "didomi", "borlabs", "cookiebot",
    "cookielaw", "consentmanager", "recommended", "recommendations",
    "outbrain", "taboola", "newsletter", "subscribe", "cookie", "consent", "popup",
    "modal", "masthead", "promo", "sponsored", "advert", "advertisement", "ad", "ads",
    "share", "social", "trending", "popular", "mostread", "recirculation",
}) | DISCUSSION_TOKENS
# --- pictures: regions (issue 14) ------------------------------------------------------
NOT_STORY_REGION = (OUTSIDE_TOKENS | frozenset({"authorbox", "aboutauthor", "authorbio",
                                                "saboxplugin", "byline"})
                    ) - frozenset({"sidebar", "modal", "overlay", "popup", "masthead"})
"""Regions whose pictures are not the story's: menus, related lists, author boxes. (Not
layout words that also name a story's grid, its pictures' lightbox or its lead:
"sidebar-grid", "modal_sizes", "article-masthead".)"""
# Names of page regions whose text is not the story's: a candidate inside one (a comment
# list, a login form in a modal) is rarely the story even when it scores well.
REGION_TOKENS = frozenset({"comment", "comments", "commentlist", "commentsbox", "disqus",
                           "modal", "popup", "overlay"})

# --- related-headline blocks ----------------------------------------------------------

RELATED_HEADING = re.compile(
    r"^\W*(?:"
    r"related|latest|more\b|most (?:read|popular|viewed|shared|watched|commented)|"
    r"recommended|read (?:more|next|also|this next)|(?:you )?(?:may|might) (?:also )?"
    r"(?:like|enjoy|be interested)|trending|top (?:stories|news|headlines)|popular|"
    r"editor'?s? (?:picks?|choice)|also (?:read|on|see)|see also|further reading|"
    r"what to read next|up next|in other news|in case you missed|don't miss|"
    r"elsewhere|recent (?:posts|stories|articles|news)|headlines|other stories|"
    r"news from|stories you|the latest|explore more|keep reading|top picks|picks for you|"
    r"you might have missed|watch next|"
    r"(?:à )?lire aussi|sur le même sujet|les plus lus|à lire|"
    r"mehr zum thema|lesen sie auch|meistgelesen|das könnte sie|weitere artikel|"
    r"más noticias|más información|te puede interesar|lo más leído|lee también|relacionad|"
    r"leggi anche|i più letti|potrebbe interessarti|"
    r"leia também|mais lidas|veja também|vous aimerez|à découvrir|zobacz (?:także|też)|"
    r"czytaj (?:także|też|więcej)|schon gelesen|sie könnten auch|auch interessant|"
    r"weiterlesen|mehr (?:artikel|beiträge|aus|zu)|ähnliche|empfehlungen|"
    r"関連|最新|人気|주요|관련|추천|많이 본|"
    # More vocabularies, as publishers we had not seen title these blocks.
    r"similar (?:posts|articles|stories|reads)|other (?:interesting )?(?:articles|stories|posts|news)|"
    r"interesting articles|recent\b|newly posted|more (?:about|from|on|in)\b|"
    r"articles? (?:en relation|liés|similaires|connexes)|sur (?:ce|le même) (?:thème|sujet)|"
    r"les plus (?:lus|partagés|commentés|populaires)|les dernières|dernières (?:news|nouvelles|"
    r"actualités|infos)|à la une|"
    r"siehe auch|aktuelle? (?:themen|beiträge|nachrichten|artikel|news)|aktuell$|"
    r"neueste?n?\b|neuste|meistkommentiert|meistgeklickt|top[- ]themen|top[- ]artikel|"
    r"das (?:könnte|dürfte) sie|ebenfalls interessant|passend (?:zum thema|dazu)|"
    r"últimas (?:noticias|notícias)|lo último|noticias relacionadas|también te puede|"
    r"ultime notizie|articoli correlati|correlati|più (?:letti|popolari)|"
    r"gerelateerd|lees ook|meer (?:nieuws|over)|meest gelezen|"
    r"najnowsze|najczęściej czytane|polecane|powiązane|"
    r"läs (?:också|mer)|mest (?:läst|lästa|læste)|relaterat|relateret|læs også|les også|"
    r"ilgili haberler|en çok okunan|читайте также|похожие|популярное|по теме|"
    r"相关|热门|推荐|相關|熱門"
    r")",
    re.IGNORECASE,
)
RELATED_TOKENS = frozenset({
    "related", "recommended", "recommendations", "mostread", "popular", "trending",
    "latest", "moreonthis", "readmore", "readnext", "morestories", "morenews", "recirc",
    "recirculation", "headlines", "upnext", "alsoread", "seealso", "outbrain", "taboola",
    "lireaussi", "alireaussi", "leseauch", "lesensieauch", "leggianche", "leiatambem",
    "leetambien", "relacionadas", "relacionados", "correlati", "similar", "similarposts",
    "associated", "associatedposts",
})
_INLINE_LABELS = (
    r"(?:read more|more|related|read also|also read|see also|read|watch|listen|"
    r"related story|related article|related coverage|recommended|read next|go deeper|"
    r"dig deeper|more on this(?: story)?|read more from [\w .]{2,30}|"
    r"lire aussi|à lire aussi|lesen sie auch|mehr dazu|mehr zum thema|leer más|"
    r"lee también|leggi anche|leia também|관련 기사)")
INLINE_RELATED = re.compile(r"^\s*" + _INLINE_LABELS + r"\s*[:»>|\-–—]\s*", re.IGNORECASE)
"""A line between paragraphs that points to another story: "READ MORE: <a>…</a>"."""
INLINE_LABEL = re.compile(r"\s*" + _INLINE_LABELS + r"\s*[:»>|\-–—]?\s*", re.IGNORECASE)
"""Such a label on its own, before the link it introduces."""
NEXT_PREVIOUS = re.compile(
    r"^\W*(?:(?:next|previous|prev|older|newer)\b(?: (?:article|story|post))?|"
    r"article (?:précédent|suivant)|articolo (?:precedente|successivo)|"
    r"(?:vorheriger|nächster) (?:artikel|beitrag)|artículo (?:anterior|siguiente))\W*",
    re.IGNORECASE)
"""The label of a next / previous article link, before its headline."""

AGE = re.compile(
    r"\b(?:(?P<n>\d+|an?|one)\s*(?P<unit>sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|"
    r"days?|weeks?|wks?|months?|years?|yrs?)\s+ago|(?P<word>yesterday|just now))\b",
    re.IGNORECASE,
)
META_SEPARATOR = re.compile(r"\s*(?://|\||·|•)\s*")

# --- captions and credits ------------------------------------------------------------

CAPTION_TAIL = re.compile(
    r"(?:\s+(?:hide caption|toggle caption|show caption|enlarge this image|expand|"
    r"purchase licensing rights|(?:photo|image|picture|foto|bild)\s*:))+\s*$",
    re.IGNORECASE)
"""Picture widgets' button text and a dangling credit label closing a caption."""

# --- story lines that are not story ---------------------------------------------------

BOILERPLATE_LINE = re.compile(
    r"^\W*(?:advertisement|advertising|sponsored|ad|story continues below|"
    r"continue reading|scroll to continue|share (?:this|on|via)|"
    r"(?:sign up|subscribe)\b.{0,80}$|follow us|click here|"
    r"all rights reserved|copyright ©|© \d{4}|image source|getty images$|"
    r"listen to (?:this|the) article|\d+ min(?:ute)? read$|"
    r"(?:published|updated|posted|veröffentlicht|aktualisiert|erschienen|publié|mis à jour|"
    r"publicado|actualizado|pubblicato|aggiornato)\b.{0,60}$|"
    r"by [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}(?:,? and [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3})*$|"
    r"leave a (?:comment|reply)|\d* ?comments?|no comments|keine kommentare|kommentare?|"
    r"kommentar schreiben|commentaires?|comentarios?|related (?:posts|articles|stories)|"
    r"ähnliche (?:beiträge|artikel)|weitere (?:informationen|artikel|beiträge)|"
    r"das könnte sie (?:auch )?interessieren|share this(?: article| story| post)?|teilen|"
    r"(?:tags|schlagwörter|kategorien|categories|filed under|posted in)\s*:.{0,120}|"
    r"about the author|über den autor|werbung|anzeige|publicidad|publicité|pubblicità|"
    r"(?:zum|to the) (?:newsletter|top)|newsletter abonnieren|jetzt abonnieren|"
    r"kommentare? (?:verfassen|schreiben|geschlossen)|comments? (?:are )?closed|"
    r"(?:follow (?:us|[\w.]+(?: [\w.]+)? on)|for the latest (?:news|stories|updates)|"
    r"if you (?:enjoyed|liked|like) (?:this|reading)|submit your letter|"
    r"folgen sie uns|puede escribirnos|suivez-nous|seguici|s[ií]guenos|siga-nos|volg ons|"
    r"obserwuj nas).{0,200}|"
    r"(?:to (?:view|read) the full (?:story|article)|please (?:subscribe|log in|register)|"
    r"pour accéder|bitte registrieren|already a subscriber|subscribe (?:now|today)).{0,200}|"
    r"print(?: this)?(?: article)?|drucken|e-?mail|facebook|twitter|whatsapp|linkedin|pinterest|"
    # ad disclosures: "Anzeige, enthält Affiliate Links", "*Werbung. Dieser Beitrag ..."
    r"(?:werbung|anzeige|advertorial|publicidad|publicité|pubblicità)\s*[.,:|\-–—].{0,80}|"
    # a stock agency's credit standing alone: "Name/Getty Images", "Thinkstock"
    r"(?:[\w.' \-]{0,40}/\s*)?(?:getty(?: images)?|thinkstock|istock(?:photo)?|shutterstock|"
    r"imago(?: images)?|picture alliance)|"
    # rights and liability notices opening a line
    r"(?:©|\(c\)|copyright)\s*\d{4}.{0,100}|"
    r"alle angaben ohne gewähr|vervielfältigung\b.{0,80}|"
    # a "read more" link or an empty label left by a removed block ("Kontakt:", "Quellen:")
    r"read more|weiterlesen|mehr lesen|lire la suite|leer más|leia mais|leggi (?:tutto|di più)|"
    r"czytaj (?:dalej|więcej)|lees meer|"
    r"(?:kontakt|contact|telefon|tel|phone|fax|quellen(?:angaben)?|sources?|fuentes?|"
    r"aktualisiert|updated|actualizado|mis à jour)\s*:|"
    # question-and-answer meta lines: "Asked 8 years, 2 months ago", "Viewed 38k times"
    r"(?:asked|answered|edited|modified|viewed)\s+(?:today|yesterday|\d[\w,. ]{0,30}?"
    r"(?:ago|times)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? "
    r"\d{4}(?: at \d{1,2}:\d{2})?)"
    r")\W*$",
    re.IGNORECASE,
)

# Rights notices anywhere in a short line ("This article is the copyrighted property of
# X."), lower case; found by substring, which is much cheaper than a regex search.
RIGHTS_NOTICES = (
    "all rights reserved", "copyrighted property", "permission must be obtained",
    "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    "tutti i diritti riservati", "wszelkie prawa zastrzeżone", "todos os direitos reservados",
)

_MONTH_NAME = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
PUBLISHED_PREFIX = re.compile(
    r"^\W*(?:published|posted|first published|date|"
    r"ver[öo]ffentlicht|publi[ée]|publicado|pubblicato|gepubliceerd|publicerad)"
    r"(?:\s+(?:on|am|le|el|il|op|den))?\s*:?\s", re.IGNORECASE)
"""A short line that says when the page was published ("Published on July 18, 2025")."""
DATE_ONLY_LINE = re.compile(
    r"^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:"
    r"(?:" + _MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?:\d{1,2}\.?\s+" + _MONTH_NAME
    + r",?\s+\d{4})|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"(?:\s*(?:/|at|,|-|\||·)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?\W*$",
    re.IGNORECASE,
)

# --- datelines ----------------------------------------------------------------------

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

# --- authors ------------------------------------------------------------------------

# A byline's opening word: "By", "Von", "Par", "Por", "Di", "De", "Door", "Av"/"Af"
# (Scandinavian), "Written by"..., then a colon or a space, or nothing more ("By" before
# a link to the author). One pattern for the byline reader's cheap test of an element's
# own first text, for its test of the whole line, and for the prefix names lose.
BYLINE_PREFIX = re.compile(r"^\s*(?:by|von|par|por|di|de|door|av|af|written by|"
                           r"words by|reporting by|story by)\s*:?(?:\s+|$)", re.IGNORECASE)
AUTHOR_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b|;|\|)\s*")
AUTHOR_ROLE = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|columnist|contributor|producer|staff|"
    r"chief|senior|journalist|analyst|critic|photographer|for|news|desk|bureau|"
    r"redakteur|redaktion|rédaction|envoyé|corresponsal|redacción)\b",
    re.IGNORECASE,
)
AGENCIES = frozenset({"reuters", "associated press", "ap", "afp", "upi", "bloomberg",
                      "dpa", "efe", "ansa", "yonhap", "kyodo", "xinhua", "pa", "aap",
                      "staff", "staff writer", "agencies", "news desk", "editorial staff"})

# --- cleaning ---------------------------------------------------------------------
REMOVED_LAYOUT = ("nav", "aside", "menu", "footer")
LOADING_LINE = re.compile(r"^\W*(?:loading|lade|laden|chargement|cargando|caricamento|carregando)"
                          r"\b.{0,30}$", re.IGNORECASE)

# --- the story's lead (standfirst) ------------------------------------------------
LEAD_TOKENS = frozenset({"lead", "intro", "abstract", "excerpt", "standfirst", "dek",
                         "chapo", "summary", "einleitung", "teaser", "bajada", "sapo",
                         "articlelead", "articleintro", "entrysummary", "subheadline",
                         "articleexcerpt", "leader", "description", "deck", "kicker"})
LEAD_NOISE = frozenset({"teaser"})
"""A noise name that above the story names the standfirst ("article-teaser")."""

# --- story scoring ----------------------------------------------------------------
SCORED_TAGS = ("p", "pre", "td", "blockquote", "div", "section", "li", "dd", "article")
TAG_BONUS = {"div": 5.0, "article": 8.0, "main": 5.0, "section": 2.0, "pre": 3.0,
             "td": 3.0, "blockquote": 3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0,
             "li": -3.0, "form": -3.0, "th": -5.0, "address": -3.0}
ITEM_TAGS = frozenset({"li", "td", "dd", "dt", "th"})
TABLE_PARTS = frozenset({"tbody", "thead", "tr", "table"})
WHOLE_TEXT_TAGS = frozenset({"p", "pre", "blockquote", "td", "li", "dd", "font", "span"})
"""Elements whose whole text counts as their own (nested blocks in them are rare)."""
COMMENT_STEMS = ("omment", "omentar", "eactie")
"""Stems of DISCUSSION_TOKENS ("comment", "Kommentare", "comentarios", "reacties",
"komentarze"): a cheap test before the tokens are read."""

# --- text walking -----------------------------------------------------------------
TEXT_LEVEL_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "span", "li",
                             "strong", "em", "b", "i"})

# --- related blocks: names and hints ----------------------------------------------
TITLE_TOKENS = frozenset({"title", "headline", "heading", "hed", "name"})
HOME_HREF = re.compile(r"^(?:https?:)?(?://[^/?#]+)?/?(?:[?#].*)?$", re.IGNORECASE)
BLOCK_TITLE_TOKENS = TITLE_TOKENS | {"label"}
"""Names of the element titling a related block ("related-content__label")."""
SECTION_TOKENS = frozenset({"section", "category", "kicker", "eyebrow", "label", "rubric",
                            "topic", "tag", "flag", "overline", "department"})
TEASER_TOKENS = frozenset({"teaser", "summary", "description", "dek", "excerpt", "standfirst",
                           "intro", "lede", "blurb", "abstract", "text", "desc"})
MENU_TAGS = frozenset({"nav", "header", "menu"})
PAGE_MENU_TAGS = frozenset({"header", "menu"})
"""Where a next / previous link is the site's, not the story's (a <nav> may be either:
its links need a headline, which page numbers and "Older posts" lack)."""
NAMED_HEADING_TAGS = frozenset({"strong", "span", "div", "p"})
"""Tags that are a block's heading only when their class says so ("section-title")."""
LIST_TAGS = frozenset({"div", "section", "aside", "ul", "ol"})
"""Tags of the containers a class name may mark as a related list."""
NEXT_TOKENS = frozenset({"next", "nextarticle", "nextpost", "nextstory", "apres", "suivant",
                         "naechster", "siguiente", "successivo"})
PREVIOUS_TOKENS = frozenset({"prev", "previous", "prevarticle", "previousarticle",
                             "prevpost", "previouspost", "previousstory", "avant", "precedent",
                             "vorheriger", "anterior", "precedente"})
RELATED_HINTS = re.compile("relat|recomm|most|popular|trend|latest|more|read|recirc|headline"
                           "|next|also|outbrain|taboola|lire|lese|leggi|leia|simil|aussi|correlat|associat")
"""A cheap look at the raw class and id before tokenising them for RELATED_TOKENS."""

# --- pictures ---------------------------------------------------------------------
CAPTION_TOKENS = frozenset({"caption", "figcaption", "imagecaption", "photocaption",
                            "wpcaptiontext", "captiontext", "description", "legend",
                            "imgcaption", "mediacaption"})
CREDIT_TOKENS = frozenset({"credit", "credits", "copyright", "imagecredit", "photocredit",
                           "source", "attribution", "byline", "author", "photographer",
                           "copyrightholder", "creator", "creditline"})
FIGURE_TOKENS = frozenset({"figure", "wpcaption", "image", "photo", "media", "picture",
                           "img", "imagewrapper", "lead", "hero"})
NOT_STORY_IMAGE = frozenset({"avatar", "author", "logo", "icon", "profile", "headshot",
                             "thumbnail", "thumb", "sprite", "emoji", "badge", "ad", "ads",
                             "advert", "sponsor", "promo", "tracking", "pixel"})
ROLE_ATTRIBUTES = ("data-component", "data-qa", "data-testid", "itemprop", "data-type")
CAMEL_TAIL = re.compile(r"(?<=[a-z])[A-Z][a-z]{2,}(?=$|[^A-Za-z])")
"""The last word of a camelCase name. Read for picture parts only: on containers such
words mislead ("heroBanner" is no banner advert)."""
LAZY_SOURCES = ("data-hi-res-src", "data-full-src", "data-src", "data-lazy-src",
                "data-original", "data-url")
# --- pictures: URLs -------------------------------------------------------------------
SRCSET_SUFFIX = "srcset"
"""srcset, data-srcset, data-lazy-srcset, data-flickity-lazyload-srcset: all srcsets."""
LAZY_SOURCE_NAME = re.compile(r"data-[a-z-]*(?:src|original)")
SRCSET_URL = re.compile(r"[\s,]*([^\s,]\S*)")
"""The URL of a srcset candidate (which may hold commas), after the separators."""
PLACEHOLDER_SOURCE = re.compile(r"blank\.|placeholder|spacer\.|lazy[-_]?load|1x1\.|pixel\.gif|"
                                r"[-_/]transparent[-_.]",
                                re.IGNORECASE)
"""A src a script replaces with the real picture."""
VECTOR_SUFFIXES = (".svg", ".svgz")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff")
ASSET_FOLDERS = frozenset({"themes", "theme", "plugins", "skin", "skins", "css", "icons",
                           "emoji", "emojis", "sprites", "logos"})
"""Folders of a site's design, not of its stories' pictures."""
ASSET_FOLDER_WORDS = frozenset({"icons", "icon", "logos", "logo", "sprites", "emoji",
                                "emojis", "paywall"})
"""Words of a folder's name that make it a design folder ("app_icons", "styles/logo")."""
FILE_NAME_SIZE = re.compile(r"(?<![0-9])(?P<width>[0-9]{2,4})[xX](?P<height>[0-9]{2,4})(?![0-9])")
"""A size in a file name ("-250x188.jpg"), as resizing services and CMSs write it."""
FILE_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
NOT_STORY_FILE_WORDS = frozenset({"logo", "icon", "icons", "favicon", "badge", "avatar",
                                  "sprite", "loader", "spinner", "spacer", "pixel", "emoji",
                                  "placeholder", "facebook", "twitter", "instagram",
                                  "linkedin", "whatsapp", "pinterest", "youtube", "pdf",
                                  "headshot", "mugshot", "gravatar"})
"""Words of a file name that say the picture is an icon, a logo or a person's avatar."""
SIZE_PARAMETERS = frozenset({"w", "width", "h", "height"})
LOOSE_CAPTION_NOT = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
                               "blockquote", "form", "button", "script", "style"})
"""Blocks beside a picture that are story text or controls, never its unnamed caption."""
PICTURE_SOURCES = AGENCIES | frozenset({
    "getty", "getty images", "afp via getty images", "shutterstock", "alamy", "epa", "epa-efe",
    "imago", "istock", "istockphoto", "pa media", "pa wire", "ap photo", "reuters/alamy",
    "bbc", "handout", "supplied", "courtesy", "file photo", "stock photo", "picture alliance",
    "keystone", "anp", "belga", "tass", "ria novosti", "sipa"})
"""Names that, alone, are a picture's credit and never its caption."""
PLAYER_MESSAGE = re.compile(
    r"media playback is (?:unsupported|not supported)|your (?:browser|device) does not "
    r"support|(?:enable|requires?) javascript to (?:play|view|watch)|video (?:player|is "
    r"loading)|this video (?:is|can ?not)", re.IGNORECASE)
"""A video player's message where a picture's caption would be."""
__all__ += [
    "ASSET_FOLDERS",
    "ASSET_FOLDER_WORDS",
    "FILE_NAME_SIZE",
    "FILE_NAME_WORDS",
    "IMAGE_SUFFIXES",
    "LAZY_SOURCE_NAME",
    "LOOSE_CAPTION_NOT",
    "NOT_STORY_FILE_WORDS",
    "NOT_STORY_REGION",
    "PICTURE_SOURCES",
    "PLACEHOLDER_SOURCE",
    "PLAYER_MESSAGE",
    "SIZE_PARAMETERS",
    "SRCSET_SUFFIX",
    "SRCSET_URL",
    "VECTOR_SUFFIXES",
    "WEAK_IMAGE_ROLES",
]
# --- pictures: names a story picture's box may carry too --------------------------------
WEAK_IMAGE_ROLES = frozenset({"thumb", "thumbnail", "icon"})
"""Of NOT_STORY_IMAGE, the names templates also give a story picture's box or its
lightbox link: a picture so named is the story's when it has a caption of its own."""
PICTURE_TEXT_TOKENS = CAPTION_TOKENS | CREDIT_TOKENS - {"byline", "author", "source"}
"""Class names of picture text, which a rule's story container leaves out of its text."""

# --- header: byline, dates, title -------------------------------------------------
BYLINE_TOKENS = frozenset({"byline", "author", "authors", "authorname", "bylineauthor",
                           "contributor", "writer", "reporter"})
BYLINE_HINT = re.compile(r"author|byline|contributor|writer|reporter", re.IGNORECASE)
BYLINE_LINE_TAGS = frozenset({"p", "span", "div", "li", "address"})
AUTHOR_HREF = re.compile(r"/(?:authors?|writers?|profiles?|people|staff|contributors?|"
                         r"producers?|autor(?:en)?|auteurs?|redaccion|journalists?|byline)/",
                         re.IGNORECASE)
DATE_TOKENS = frozenset({"date", "published", "pubdate", "posted", "postdate", "entrydate",
                         "timestamp", "datetime", "time", "postmeta", "entrymeta",
                         "articledate", "publishdate", "datum", "fecha", "byline", "meta"})
TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{2,60}$")

# --- metadata: <meta> names, script keys, dates in URLs and text, names -----------
ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
    "scholarlyarticle", "techarticle", "report", "posting", "socialmediaposting",
})
PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished",
                  "pubdate", "publishdate", "publish-date", "parsely-pub-date",
                  "sailthru.date", "dc.date.issued", "dc.date", "dcterms.created", "date",
                  "cxenseparse:recs:publishtime", "article.published", "og:published_time")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified",
                 "dcterms.modified", "last-modified", "article.updated")
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author",
               "dc.creator", "byl", "cxenseparse:author")
PUBLISHED_META_NAME = re.compile(r"publish|pubdate|posted|release|issued|created", re.IGNORECASE)
"""Meta names of a publication date the list above does not know ("w-published-date")."""
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
URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
MONTHS = {name: number for number, names in enumerate((
    ("jan", "january", "januar", "janvier", "enero", "gennaio", "janeiro"),
    ("feb", "february", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro"),
    ("mar", "march", "märz", "maerz", "mars", "marzo", "março"),
    ("apr", "april", "avril", "abril", "aprile"),
    ("may", "mai", "mayo", "maggio", "maio"),
    ("jun", "june", "juni", "juin", "junio", "giugno", "junho"),
    ("jul", "july", "juli", "juillet", "julio", "luglio", "julho"),
    ("aug", "august", "août", "aout", "agosto"),
    ("sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro"),
    ("oct", "october", "oktober", "octobre", "octubre", "ottobre", "outubro"),
    ("nov", "november", "novembre", "noviembre", "novembro"),
    ("dec", "december", "dezember", "décembre", "decembre", "diciembre", "dicembre",
     "dezembro"),
), start=1) for name in names}
TEXT_DATES = (
    # 28 September 2025, 28. September 2025, 28 de septiembre de 2025
    re.compile(r"\b(?P<d>[0-3]?\d)\.?\s+(?:de\s+)?(?P<m>[^\W\d_]{3,10})\.?,?\s+(?:de\s+)?"
               r"(?P<y>(?:19|20)\d{2})\b"),
    # September 28, 2025 / Sept. 28th, 2025
    re.compile(r"\b(?P<m>[^\W\d_]{3,10})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
               r"(?P<y>(?:19|20)\d{2})\b"),
    # 2025-09-28
    re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mn>[01]?\d)-(?P<d>[0-3]?\d)\b"),
    # 28.09.2025
    re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<mn>[01]?\d)\.(?P<y>(?:19|20)\d{2})\b"),
)
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "den", "la", "le", "di", "del",
                            "du", "bin", "al", "y", "e"})

# --- appeals to readers: sign-up and submission calls -----------------------------------
# A block of its own: "---------- SHARE YOUR STORY Do you have an issue ...? Fill out the
# form below or email ...". A paragraph counts when it opens with such a call (after an
# optional rule of dashes) and either opens with that rule or names a way to reply; a
# question alone ("Do you have a question?") may be an interviewer's.

__all__ += ["APPEAL_CONTACT", "APPEAL_OPENING", "APPEAL_RULE"]

APPEAL_RULE = re.compile(r"^\s*[-_=*~•—–]{4,}")
APPEAL_OPENING = re.compile(
    r"^\s*(?:[-_=*~•—–]{4,}\s*(?:[^\n]{0,60}?\b)?)?[*#>•]*\s*(?:"
    r"share your (?:story|stories|photos?|videos?|tips?|experiences?|news)|"
    r"send (?:us )?your (?:story|stories|photos?|videos?|tips?|questions?|news)|"
    r"submit (?:your|a) (?:story|news tip|tip|photos?|videos?|questions?|letter)|"
    r"tell us (?:your story|what you think)|(?:got|have) a (?:news )?tip|"
    r"do you have (?:a|an) (?:story|news tip|tip|question|issue|problem|complaint)\b|"
    r"we (?:want|would like|'d like) to hear from you|fill out the form|"
    r"(?:sign up|subscribe)\b.{0,60}\b(?:newsletters?|alerts|emails?|briefing)\b|"
    r"haben sie (?:einen|eine) (?:hinweis|tipp|geschichte|frage)|(?:schicken|senden) sie uns|"
    r"teilen sie (?:uns )?ihre|melden sie sich\b.{0,40}\bnewsletter|abonnieren sie\b|"
    r"envoyez-nous|partagez (?:votre|vos) (?:histoire|témoignages?|photos?)|"
    r"vous avez (?:une|un) (?:histoire|information|témoignage)|inscrivez-vous\b|abonnez-vous\b|"
    r"env[ií]anos|comparte tu (?:historia|experiencia)|¿?tienes (?:una|algún) (?:historia|denuncia)|"
    r"suscr[ií]bete\b|inviaci|condividi la tua (?:storia|esperienza)|iscriviti\b|"
    r"envie-nos|inscreva-se\b|stuur (?:ons|je)\b|heb je een tip|meld je aan\b"
    r")",
    re.IGNORECASE,
)
APPEAL_CONTACT = re.compile(
    r"e-?mail|@|\bform(?:ular(?:io)?|ulaire)?\b|newsletter|whatsapp|\bcontact|\bkontakt|"
    r"write to us|schreiben sie uns|écrivez-nous|escr[ií]benos|scrivici|schrijf ons|"
    r"click here|hier klicken|cliquez ici|haz clic|clicca qui",
    re.IGNORECASE,
)

# --- related blocks: what a list of story links is not ---------------------------------
RELATED_HEADING_NOT = re.compile(
    r"\b(?:products?|services?|tasks?|topics?|tags?|categories|links|searches|tools|"
    r"resources|courses|deals|offers|shop|produkte|themen ?seiten|schlagworte|comments|"
    r"kommentare|commentaires|comentarios|commenti|reacties)\b",
    re.IGNORECASE)
"""A heading naming links that are not stories ("Popular Topics", "Related products")."""
RELATED_HEADING_STORIES = re.compile(
    r"\b(?:articles?|stories|story|posts?|news|reads?|tips|guides?|reviews?)\b", re.IGNORECASE)
"""...unless it names stories too ("Related Tips & Topics")."""
TAXONOMY_PATH = re.compile(
    r"/(?:tags?|category|categories|author|authors|autor|autoren|auteur|topics?|"
    r"schlagwort|stichwort|thema|themen|rubrik|kategorie|etiqueta|categoria|categorie|"
    r"wishlist|cart|checkout|warenkorb|panier|login|account)/|/page/\d|"
    r"/comment-page-|#comments?\b|#respond\b", re.IGNORECASE)
"""A link to a tag, category, author or archive page, not to a story."""
NOT_A_HEADLINE = re.compile(
    r"^\W*(?:back to|zurück zu|retour |more\b|mehr\b|see all|view all|show all|alle? )",
    re.IGNORECASE)
"""Link texts that lead to a list, not to a story ("Back to blogs", "See all")."""
PRICE = re.compile(r"(?:[$€£¥]\s?\d|\d(?:[.,]\d{2})?\s?(?:€|eur\b|usd\b|chf\b))",
                   re.IGNORECASE)
"""A price: a list whose items carry prices is a shop's, not a story list."""
PAGER_TEXT = re.compile(
    r"^\W*(?:nächste|vorherige|next|previous|page|seite|página|pagina|suivante|précédente)"
    r"\W*(?:seite|page|página|pagina|\d+)?\W*$", re.IGNORECASE)
"""What a page-of-results pager's link says ("nächste Seite →"): no story title."""
HIDDEN_LABEL_TOKENS = frozenset({"visuallyhidden", "sronly", "offscreen", "screenreader",
                                 "screenreaderonly", "srtext", "hiddenvisually", "assistive",
                                 "visuallyhide", "sronlyfocusable", "readerbreak"})
"""Text only screen readers hear ("Video", "Read more about"): never part of a title."""

__all__ += ["HIDDEN_LABEL_TOKENS", "NOT_A_HEADLINE", "PAGER_TEXT", "PRICE", "RELATED_HEADING_NOT", "RELATED_HEADING_STORIES", "TAXONOMY_PATH"]
# Confidence: text that reads as a page's footer or legal small print, not a story.
LEGAL_TEXT = re.compile(
    r"©|\(c\)\s*(?:19|20)\d{2}|\bcopyright\b|\ball rights reserved\b|\bprivacy (?:policy|notice)\b"
    r"|\bterms (?:of (?:use|service)|and conditions)\b|\bcookie (?:policy|settings)\b"
    r"|\bdo not sell\b|\bimpressum\b|\bdatenschutz\b|\balle rechte vorbehalten\b"
    r"|\b\d{1,5}\s+(?:[A-Z][\w.]*\s+){1,4}(?:street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd\.?"
    r"|drive|suite|plaza)(?=\W|$)",
    re.IGNORECASE)
LEGAL_WORDS = ("©", "(c)", "copyright", "rights reserved", "privacy", "terms ", "cookie",
               "do not sell", "impressum", "datenschutz", "vorbehalten")
"""Every LEGAL_TEXT match but a street address holds one of these (lower case)."""
ADDRESS_WORDS = ("street", "st.", "avenue", "ave", "road", "rd.", "boulevard", "blvd",
                 "drive", "suite", "plaza")
"""...and a street address holds a digit and one of these."""
DIGIT = re.compile(r"\d")
__all__ += ["ADDRESS_WORDS", "DIGIT", "LEGAL_TEXT", "LEGAL_WORDS", "is_legal"]


def is_legal(text: str) -> bool:
    """LEGAL_TEXT.search(text), with a look for its words first: the regex tries its
    alternatives at every character, which cost milliseconds a page on story text."""
    low = text.lower()
    if not any(word in low for word in LEGAL_WORDS) and not (
            any(word in low for word in ADDRESS_WORDS) and DIGIT.search(text)):
        return False
    return LEGAL_TEXT.search(text) is not None

# --- unheaded card lists (extract/related.py) --------------------------------------------
NOT_STORY_CARDS = re.compile("product|video|playlist|podcast|shop|sponsor|partner|promo|advert"
                             "|comment|(?<![a-z])toc(?![a-z])")
"""Raw class or id of a card list (or of its cards) that lists other things than stories:
wares, a video playlist, paid placements, replies, a table of contents."""
DURATION = re.compile(r"(?<![\d:])\d{1,2}:\d\d(?![\d:])(?!\s*[ap]\.?m\b)", re.IGNORECASE)
"""A running time ("04:34", not "7:14 pm"): cards that show one are videos."""
RELATED_HEADING_INSIDE = re.compile(
    r"(?<![-\w])(?:similar|related|ähnliche|similaires|relacionad[oa]s|correlat[ie])\s+\w",
    re.IGNORECASE)
"""A heading that names the related stories further in ("Other related stories", "New
and exciting similar dishes for you")."""

# Consent dialogs: the containers of the consent platforms, named in their ids and classes.
# Their text (cookie categories, vendor lists) outscores a short story but is never one.
CONSENT_VENDORS = ("onetrust", "didomi", "usercentrics", "cookiebot", "cookielaw",
                   "consentmanager", "borlabs")
DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
"""ARIA roles of a box that opens over the page (terms of use, a sign-up form)."""
__all__ += ["CONSENT_VENDORS", "DIALOG_ROLES"]

# --- photo credits: labels and trailers, in many languages ------------------------------

_PICTURE_WORDS = (
    r"(?:file |archive |stock )?(?:photo(?:graph|graphy)?s?|images?|pictures?|pics?|videos?|"
    r"illustrations?|graphics?|photographer|fotos?|fotografie|fotograf(?:in)?|"
    r"bild(?:er|quelle|nachweis|rechte)?|grafik|beeld|bilde|fotograf[íi]as?|imagen(?:es)?|"
    r"imagem|immagin[ei]|zdj[eę]cie|snímek|fotó|fotoğraf|kuva|фото(?:графия)?|φωτογραφία)"
)
_SOURCE_WORDS = (
    r"(?:sources?|quelle|bron|kilde|källa|fuente|fonte|sursa|sursă|źródło|zdroj|источник|"
    r"джерело|kaynak|forrás|lähde|πηγή)"
)
_CREDIT_WORDS = (
    r"(?:credits?|crédits?|créditos?|credito|crediti|kredit|copyright|bildnachweis)"
)
_CJK_CREDIT_WORDS = r"(?:写真|撮影|画像|图片来源|图片|摄影|来源|圖片來源|圖片|攝影|來源|사진|출처)"
_CREDIT_LABEL = (
    # "Photo by", "Foto:", "Photo credit:", "Crédit photo :", "Image source:", "Fot."
    rf"(?<![\w'’])(?:{_PICTURE_WORDS}(?:\s+by\b|\s*(?:{_CREDIT_WORDS}|{_SOURCE_WORDS})?\s*[:：]"
    rf"|\s+(?:{_CREDIT_WORDS}|{_SOURCE_WORDS})\s*,)"
    rf"|{_CREDIT_WORDS}(?:\s+{_PICTURE_WORDS})?\s*(?:[:：]|\.\.\.|…)|{_SOURCE_WORDS}\s*[:：]"
    rf"|(?:{_PICTURE_WORDS}\s+)?(?=courtesy\s+of\b)|copyright\b|\(c\)|fot\.)"
    rf"|©|{_CJK_CREDIT_WORDS}\s*[:：]"
)
CREDIT_LEAD = re.compile(rf"(?P<lead>{_CREDIT_LABEL})\s*(?P<credit>.*?)\s*$", re.IGNORECASE)
"""A credit label and what follows it to the end: "... at night. Photo: Jane Roe/Reuters"."""
CREDIT_PREFIX = re.compile(rf"^\s*(?:{_CREDIT_LABEL})\s*", re.IGNORECASE)
"""A credit label opening a text ("Foto: dpa", "© Getty Images", "Photo credit: ...")."""
PAREN_CREDIT = re.compile(
    r"\s*[(（](?P<credit>(?:AP|AFP|Reuters|EPA|Getty|UPI|AAP|PA|Bloomberg|Xinhua|Yonhap|"
    rf"Kyodo|dpa|ANSA|EFE|{_PICTURE_WORDS}|{_CREDIT_WORDS}|{_SOURCE_WORDS}|©)(?![\w'’])"
    rf"[^()（）]{{0,80}}|{_CJK_CREDIT_WORDS}[^()（）]{{0,40}}"
    r"|[^()（）]{2,60}/[^()（）]{2,40})[)）]\.?\s*$",
    re.IGNORECASE,
)
"""A credit in parentheses closing a caption: "(AP Photo/John Doe)", "(Quelle: dpa)"."""
NAMING_LABEL = re.compile(rf"^\s*{_PICTURE_WORDS}\s*[:：]\s*$", re.IGNORECASE)
"""A label that may name the picture rather than its author ("Image: Waves break ...")."""
DANGLING_LABEL = re.compile(
    rf"(?:(?<=[.!?…])\s*|\s+)(?:{_PICTURE_WORDS}|{_CREDIT_WORDS}|{_SOURCE_WORDS})\s*[:：]\s*$"
    rf"|(?<=[.!?…])\s*(?:{_PICTURE_WORDS}|{_CREDIT_WORDS}|{_SOURCE_WORDS})\s*$",
    re.IGNORECASE)
"""A credit label left closing a caption once its names went to the credit."""
BARE_CREDIT_TAIL = re.compile(
    r"(?<=[.!?…])\s+(?P<lead>(?i:fotos?|bild(?:er)?|photos?|beeld|kuva|фото))\s+"
    r"(?P<credit>[^\W\d_][^.!?:]{1,50})$"
)
"""A label without a colon before a name, closing a caption: "... Behörden. Bild Paul Muster"."""
CREDIT_SEPARATORS = ("|", "/")
"""Marks printed between a caption and its credit: "Fans cheer | Jo Park/Getty Images"."""
CREDIT_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,60}>")
"""Tags left in a caption attribute's text ("... - <i>Fotos: Jo Park</i>")."""
CREDIT_ATTRIBUTE_WORDS = ("credit", "copyright", "photographer", "captionauthor")
"""Words in the name of an attribute that marks an element as a picture's credit
(data-credit, data-captionauthor)."""
CREDIT_CLASS_PARTS = ("credit", "copyright", "photographer", "fotograf", "bildnachweis",
                      "courtesy", "attribution")
"""Parts of a class or id naming a credit, even glued to other words ("imgCopyright")."""
NAME_CONNECTORS = frozenset({
    "von", "van", "der", "den", "de", "da", "di", "del", "della", "des", "du", "la", "le",
    "y", "e", "and", "und", "et", "via", "for", "for the", "of", "&", "/", "-", "–"})
"""Small words inside a credit's names ("Ludwig van Beethoven", "Jo Park for The Times")."""
BARE_CREDIT_LABEL = re.compile(rf"^(?:{_PICTURE_WORDS}|{_SOURCE_WORDS})(?:\s+|\s*/\s*)(?=\S)",
                               re.IGNORECASE)
"""A label without a colon opening a credit in parentheses: "(Photo AFP)", "(Foto/dpa)"."""
STOCK_SOURCES = ("getty images", "shutterstock", "alamy", "istock", "istockphoto", "imago",
                 "afp", "reuters", "epa", "epa-efe", "dpa", "picture alliance", "picture-alliance",
                 "keystone", "associated press", "anp", "belga", "ansa", "efe", "aap",
                 "pa wire", "pa media", "xinhua", "sipa", "bloomberg", "ap")
"""Agencies whose name closes a credit: "Jo Park/AFP via Getty Images"."""
SOURCE_IN_BRACKETS = re.compile(r"\s*[(（](?P<credit>[^()（）]{2,60})[)）]\.?\s*$")
"""The last bracket of a caption, which is its credit when it names a picture source."""
CREDIT_SOURCES = PICTURE_SOURCES | frozenset({
    "privat", "private", "zvg", "archiv", "archive", "archivo", "archivbild", "pool",
    "imago images", "picture-alliance", "dpa-bildfunk", "keystone-sda", "sda", "apa", "ddp",
    "kna", "epd", "ctk", "čtk", "pap", "mti", "tt", "ntb", "ritzau", "stt", "lehtikuva",
    "europa press", "ria", "unsplash", "pexels", "pixabay", "wikimedia commons", "wikipedia",
    "adobe stock", "stock.adobe.com", "getty images/istockphoto", "depositphotos", "canva",
    "nasa", "ap images", "ap photo/file", "reuters/file photo", "afp photo"})
"""Names that, alone, are a picture's credit, in many languages ("Foto: privat" -> "privat",
"... the city. Pixabay", "(Unsplash)")."""
__all__ += [
    "BARE_CREDIT_LABEL",
    "BARE_CREDIT_TAIL",
    "CREDIT_ATTRIBUTE_WORDS",
    "CREDIT_CLASS_PARTS",
    "CREDIT_MARKUP",
    "CREDIT_SEPARATORS",
    "CREDIT_SOURCES",
    "DANGLING_LABEL",
    "NAME_CONNECTORS",
    "NAMING_LABEL",
    "SOURCE_IN_BRACKETS",
    "STOCK_SOURCES",
]

# --- related: call-to-action links of titled cards ---------------------------------------

CALL_TO_ACTION = re.compile(
    r"^\W*(?:learn more|read more|read (?:the )?(?:full )?(?:story|article|post)|"
    r"continue reading|weiterlesen|mehr lesen|lire la suite|en savoir plus|leer más|"
    r"leia mais|leggi (?:tutto|di più)|lees meer)\W*$", re.IGNORECASE)
"""The whole text of a card's link when the card's title is a heading of its own
("<h5>Title</h5><p>teaser</p><a>Learn more</a>")."""
