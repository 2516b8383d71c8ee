"""Related-link blocks: their headings in several languages, item parts, ages, next/previous
links."""

from __future__ import annotations

import re

from .regex import any_apostrophe, by_first_letter

# Wider vocabularies for related-list headings and "see also" lines: the wordings of more
# languages and publishers, each a prefix of the heading (matched case-insensitively).
_WIDER_HEADINGS = (
    # English
    r"suggested (?:reading|reads|articles|stories|posts|for you)", r"explore related",
    r"must[- ]reads?\b", r"reading next", r"what we're reading", r"worth reading",
    r"around the site", r"also in\b",
    r"also worth", r"you'?ll (?:also )?(?:like|love|enjoy)", r"you may have missed", r"icymi\b",
    r"(?:our )?readers (?:also )?read", r"people also read", r"also of interest",
    r"(?:this|these) (?:might|may) (?:also )?(?:be )?interest",
    # German
    r"verwandte (?:artikel|beiträge|nachrichten)", r"das (?:wird|könnte) (?:dir|dich|ihnen|euch)",
    r"letzte (?:artikel|beiträge)", r"entdecke(?:n sie)? (?:weitere|mehr)", r"noch mehr\b",
    r"weitere (?:beiträge|nachrichten|meldungen|news|geschichten)",
    r"mehr (?:news|nachrichten|meldungen|[\w-]+-news)\b", r"(?:auch )?lesenswert", r"lesetipps?\b",
    r"unsere empfehlungen", r"leserempfehlung", r"empfehlung(?:en)? der redaktion",
    r"redaktionsempfehlung", r"(?:diese|weitere) (?:artikel|beiträge) könnten",
    r"das interessiert", r"andere leser",
    r"zuletzt veröffentlicht", r"neu im blog", r"dazu passend", r"weiterführende artikel",
    r"mehr vom autor", r"(?:artikel|beiträge) zum thema", r"themenverwandte",
    r"zum thema\W*$", r"für dich empfohlen", r"am meisten (?:gelesen|kommentiert)", r"newsticker",
    # French
    r"voir aussi", r"à voir (?:aussi|également)", r"(?:à )?lire également",
    r"dans la même rubrique", r"(?:nos )?derniers articles", r"vous pourriez (?:aussi )?aimer",
    r"pour aller plus loin",
    # Spanish
    r"te recomendamos", r"(?:te|le) (?:puede|podría) interesar", r"puede interesarte",
    r"(?:vea|lea|leer|ver) también", r"más (?:artículos|leídas|leídos|vistos|populares)\b", r"más (?:leíd|vist)[oa]\b",
    # Italian
    r"ti potrebbe(?:ro)? (?:interessare|piacere)", r"altre notizie", r"altri articoli",
    r"notizie correlate", r"da non perdere", r"leggi (?:pure|altro)",
    # Portuguese
    r"leia (?:também|mais)", r"veja (?:também|mais)", r"mais (?:notícias|lidas|vistas)", r"mais (?:lid|vist)[oa]s?\b",
    r"outras notícias",
    # Dutch
    r"bekijk ook", r"ook interessant", r"meer (?:artikelen|verhalen)", r"aanbevolen",
    # Polish, Czech, Slovak
    r"zobacz (?:również|więcej)", r"czytaj również", r"przeczytaj (?:także|też|również)",
    r"polecamy", r"warto przeczytać", r"podobne artykuły", r"najpopularniejsze",
    r"mohlo by vás (?:zajímat|zaujímať)", r"čtěte (?:také|též)", r"přečtěte si (?:také|též)",
    r"související", r"súvisiace", r"čítajte (?:aj|tiež)", r"nejčtenější", r"najčítanejšie",
    # Nordic, Hungarian, Romanian, Turkish, Greek
    r"läs även", r"læs mere", r"se også", r"lue myös", r"katso myös", r"luetuimmat",
    r"fleira áhugavert", r"kapcsolódó", r"legolvasottabb", r"citește (?:și|şi)",
    r"cele mai citite", r"articole similare", r"benzer haberler", r"diğer haberler",
    r"ilginizi çekebilir", r"çok okunan", r"διαβάστε (?:επίσης|ακόμα)", r"σχετικά άρθρα",
    # Russian, Ukrainian
    r"смотрите также", r"читайте (?:ещё|еще|також)", r"другие новости", r"материалы по теме",
    r"новости по теме", r"рекомендуем", r"схожі",
    # Indonesian, Vietnamese, Arabic
    r"baca juga", r"berita (?:terkait|lainnya)", r"artikel terkait", r"terpopuler",
    r"tin (?:liên quan|khác)", r"xem thêm", r"đọc thêm", r"اقرأ أيض[اًا]", r"الأكثر قراءة",
    # Japanese, Chinese, Korean
    r"あわせて読みたい", r"おすすめ", r"こちらも", r"延伸阅读", r"延伸閱讀", r"相关阅读", r"相關閱讀",
    r"猜你喜欢", r"推薦", r"함께 보면", r"이 기사와 함께",
)
# Headings led by an article ("Las más leídas", "The most read", "Die neuesten Artikel") or
# writing "more" as a plus sign ("Lo + visto", "Les + lus"): the patterns above name the
# list without them.
_ARTICLES = "the|el|la|las|los|lo|le|les|il|gli|as|os|o|die|der|das|de|het"
_LEADING_ARTICLE = r"(?:(?:" + _ARTICLES + r")\s+)?"
_PLUS_HEADINGS = (r"\+\s*(?:leíd|leid|vist|lid|lus|lu\b|popular|comentad|compartid|commenté)",)
STORIES_NAMED = re.compile(
    r"(?<![-\w])(?:latest|newest|recent|popular|top|featured|selected|more|other|similar|"
    r"weitere|neuesten?|aktuell\w*|beliebte\w*|populäre\w*|meistgelesenen?|empfohlene\w*|"
    r"letzte\w*|mehr|andere)\s+(?:[\w-]+\s+)?(?:articles?|posts?|stor(?:y|ies)|reads|"
    r"beiträge|artikel|meldungen|nachrichten|news|storys)\b", re.IGNORECASE)
"""A short heading anywhere in which a word of recency, popularity or choice names stories
("Our latest articles", "Die neuesten Meldungen", "My most popular posts")."""
STORIES_NAMED_WORDS = ("article", "post", "stor", "read", "beiträge", "artikel", "meldungen",
                       "nachrichten", "news")
"""A word each match of STORIES_NAMED holds (lower-cased): the word for stories it ends
in. Keep it in step with the pattern."""
STORIES_LAST = re.compile(
    r"^\W*(?:[\w&'’-]+\s+){0,3}(?:news|nachrichten|meldungen|schlagzeilen|stories|"
    r"articles|posts|beiträge|artikel|noticias|actualités|notizie|notícias)\W*$",
    re.IGNORECASE)
"""A heading of a few words ending in a word for stories ("Local News", "Blog posts",
"Regionale Nachrichten")."""
STORIES_LAST_WORDS = ("news", "nachrichten", "meldungen", "schlagzeilen", "stories", "articles",
                      "posts", "beiträge", "artikel", "noticias", "actualités", "notizie",
                      "notícias")
"""A word each match of STORIES_LAST holds (lower-cased). Keep it in step with the pattern."""
_WIDER_INLINE = (
    r"also see", r"must read", r"related reading", r"recommended reading", r"suggested reading", r"don't miss",
    r"(?:à )?lire (?:aussi|également)", r"voir aussi", r"lesen sie mehr",
    r"auch interessant", r"lesetipp", r"(?:lea|leer|ver|vea) también",
    r"te recomendamos", r"te puede interesar", r"leia mais", r"veja (?:também|mais)",
    r"leggi (?:pure|altro)", r"lees ook", r"zobacz (?:także|też|również)",
    r"czytaj (?:także|też|również|więcej)", r"przeczytaj (?:także|też|również)",
    r"čtěte (?:také|též)", r"läs (?:också|även|mer)", r"les også", r"læs også", r"se også",
    r"lue myös", r"katso myös", r"читайте (?:также|також)", r"смотрите также", r"baca juga",
    r"اقرأ أيضا", r"関連記事", r"あわせて読みたい", r"延伸阅读", r"延伸閱讀", r"相关阅读",
)



_RELATED_HEADING_NAMES = (
    r"related|latest|more\b|most (?:read|popular|viewed|shared|watched|commented)|"
    r"recommended|read (?:more|next|also|this next)|(?:you )?(?:may|might) (?:also )?"
    r"(?:like|enjoy|be interested)|trending|top (?:stories|news|headlines)|popular|"
    r"editors?'?s? (?:picks?|choice)|also (?:read|on|see)|see also|further reading|"
    r"what to read next|up next|in other news|in case you missed|don't miss|"
    r"elsewhere|recent (?:posts|stories|articles|news)|headlines|other stories|"
    r"news from|stories you|the latest|explore more|keep reading|continue reading\b|top picks|"
    r"picks for you|"
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
    r"neueste?n?\b|neuste|meistkommentiert|meistgeklickt|top[- ]themen|top[- ]artikel|top[- ]beiträge|"
    r"das (?:könnte|dürfte) sie|ebenfalls interessant|passend (?:zum thema|dazu)|"
    r"últimas (?:noticias|notícias)|lo último|noticias relacionadas|también te puede|"
    r"ultime notizie|articoli correlati|correlati|più (?:letti|popolari)|"
    r"gerelateerd|lees ook|meer (?:nieuws|over)|meest gelezen|"
    r"najnowsze|najczęściej czytane|polecane|powiązane|"
    r"läs (?:också|mer)|mest (?:läst|lästa|læste)|relaterat|relateret|læs også|les også|"
    r"ilgili haberler|en çok okunan|читайте также|похожие|популярное|по теме|"
    r"相关|热门|推荐|相關|熱門|"
    + "|".join(_WIDER_HEADINGS + _PLUS_HEADINGS))
"""What a related list's heading starts with (after an article, maybe)."""


RELATED_HEADING = re.compile(any_apostrophe(
    r"^\W*(?:(?:" + by_first_letter(_ARTICLES) + r")\s+)?(?:"
    + by_first_letter(_RELATED_HEADING_NAMES) + ")"), re.IGNORECASE)
"""A related list's heading: ^\\W* _LEADING_ARTICLE (?:_RELATED_HEADING_NAMES), matched in
the form by_first_letter gives it (several times faster on the many texts it rejects)."""
RELATED_TOKENS = frozenset({
    "related", "recommended", "recommendations", "mostread", "popular", "trending",
    "latest", "moreonthis", "readmore", "readnext", "morestories", "morenews", "recirc",
    "recirculation", "headlines", "upnext", "alsoread", "seealso", "outbrain", "taboola",
    "lireaussi", "alireaussi", "leseauch", "lesensieauch", "leggianche", "leiatambem",
    "leetambien", "relacionadas", "relacionados", "correlati", "similar", "similarposts",
    "associated", "associatedposts", "wpembeddedcontent",
})
POST_EMBED_CLASS = "wp-embedded-content"
"""The class WordPress gives the quote holding a post embedded in another ("<blockquote
class='wp-embedded-content'><a href='/other-post/'>Its title</a></blockquote>", its
iframe beside): one story's inset."""
_INLINE_LABELS = (
    r"(?:read more|more|related|read also|also read|see also|read|watch|listen|"
    r"related story|related article|related coverage|recommended|read next|go deeper|"
    r"dig deeper|more on this(?: story)?|read more from [\w .]{2,30}|"
    r"lire aussi|à lire aussi|lesen sie auch|mehr dazu|mehr zum thema|leer más|"
    r"lee también|leggi anche|leia também|관련 기사|"
                  + "|".join(_WIDER_INLINE) + r")")
_INLINE_LABELS = any_apostrophe(_INLINE_LABELS)
_INLINE_ARROWS = r"(?:[>»›→▶►]{1,3}\s*)?"
"""Arrows a label may open with: ">> Read more:"."""
INLINE_RELATED = re.compile(r"^\s*" + _INLINE_ARROWS + _INLINE_LABELS + r"\s*[:»>|\-–—]\s*",
                            re.IGNORECASE)
"""A line between paragraphs that points to another story: "READ MORE: <a>…</a>"."""
INLINE_LABEL = re.compile(r"\s*" + _INLINE_ARROWS + _INLINE_LABELS + r"\s*[:»>|\-–—]?\s*",
                          re.IGNORECASE)
"""Such a label on its own, before the link it introduces."""
NEXT_PREVIOUS = re.compile(
    r"^\W*(?:(?:next|previous|prev|older|newer)\b(?: (?:article|story|post))?|"
    r"article (?:précédent|suivant)|articolo (?:precedente|successivo)|"
    r"(?:vorheriger|nächster) (?:artikel|beitrag)|artículo (?:anterior|siguiente))\W*",
    re.IGNORECASE)
"""The label of a next / previous article link, before its headline."""
_PAGER_NEXT = r"next|newer|suivante?|nächste[rs]?|weiter|siguiente|successivo|próxim[oa]"
_PAGER_PREVIOUS = r"previous|prev|older|précédente?|vorherige[rs]?|anterior|precedente"
_PAGER_NOUNS = (r"article|story|post|entry|artikel|beitrag|artículo|entrada|articolo|"
                r"artigo|billet|notícia|noticia")
PAGER_LABEL = re.compile(
    r"^\W*(?:(?:(?P<next>" + _PAGER_NEXT + r")|" + _PAGER_PREVIOUS + r")(?:\s+(?:"
    + _PAGER_NOUNS + r"))?|(?:" + _PAGER_NOUNS + r")\s+(?:(?P<next2>" + _PAGER_NEXT
    + r")|" + _PAGER_PREVIOUS + r"))\W*$", re.IGNORECASE)
"""A next / previous label that is all of a text of its own ("Previous Post", "« Older",
"Nächster Beitrag:", "Article suivant"): the named group next (or next2) says which."""
PAGER_ARROWS = "←→⟵⟶⇐⇒⇦⇨❮❯❰❱◀▶◄►"
"""Arrows a pager's link sets beside its headline; never a headline's own ends."""
PAGER_QUOTES = {"«": "»", "‹": "›", "<": ">"}
"""Marks a pager's link sets before (or, mirrored, after) its headline: dropped unless
the headline holds their counterpart (a quoted title: "« Le titre »")."""

AGE = re.compile(
    r"\b(?:(?P<n>\d+|an?|one)\s*(?P<unit>sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|"
    r"days?|weeks?|wks?|months?|years?|yrs?)\s+ago|(?P<word>yesterday|just now))\b",
    re.IGNORECASE,
)
META_SEPARATOR = re.compile(r"\s*(?://|\||·|•)\s*")

TITLE_TOKENS = frozenset({"title", "headline", "heading", "hed", "name"})
HOME_HREF = re.compile(r"^(?:https?:)?(?://[^/?#]+)?/?(?:[?#].*)?$", re.IGNORECASE)
BLOCK_TITLE_TOKENS = TITLE_TOKENS | {"label"}
"""Names of the element titling a related block ("related-content__label")."""
CAMEL_TITLE = re.compile(r"(?<![\w-])(?!sub)[a-z][a-z0-9]*Title(?![\w-])")
"""A class naming a title in camelCase ("postTitle", "cardTitle"; not "subTitle"), which
class_tokens keeps as one word."""
SECTION_TOKENS = frozenset({"section", "category", "kicker", "eyebrow", "label", "rubric",
                            "topic", "tag", "flag", "overline", "department"})
TEASER_TOKENS = frozenset({"teaser", "summary", "description", "dek", "excerpt", "standfirst",
                           "intro", "lede", "blurb", "abstract", "text", "desc"})
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

RELATED_HEADING_NOT = re.compile(
    r"\b(?:products?|services?|tasks?|topics?|tags?|categories|links|searches|tools|"
    r"resources|courses|deals|offers|shop|produkte|themen ?seiten|schlagworte|comments|"
    r"kommentare|commentaires|comentarios|commenti|reacties)\b",
    re.IGNORECASE)
"""A heading naming links that are not stories ("Popular Topics", "Related products")."""
RELATED_HEADING_STORIES = re.compile(
    r"\b(?:articles?|stories|story|posts?|news|reads?|tips|guides?|reviews?)\b", re.IGNORECASE)
"""...unless it names stories too ("Related Tips & Topics")."""
_LIST_FOLDERS = (
    r"tags?|category|categories|author|authors|autor|autoren|autores|autori|auteur|auteurs|"
    r"profile|profiles|topics?|"
    r"schlagwort|stichwort|thema|themen|rubrik|kategorie|etiqueta|categoria|categorie|"
    r"wishlist|cart|checkout|warenkorb|panier|login|account")
_LIST_PATH_ENDS = r"/page/\d|/comment-page-|#comments?\b|#respond\b"
TAXONOMY_PATH = re.compile(
    r"/(?:" + by_first_letter(_LIST_FOLDERS) + r")/|" + _LIST_PATH_ENDS, re.IGNORECASE)
"""A link to a tag, category, author or archive page, not to a story: a folder of
_LIST_FOLDERS or one of _LIST_PATH_ENDS (merged by_first_letter: each slash of an address
is a place its search tries every folder's name)."""
SHARE_ACTION = re.compile(r"(?:^|[&;])share=", re.IGNORECASE)
"""A query asking the page to share itself ("?share=facebook", WordPress's share buttons):
a button's address, never a story's."""
NOT_A_HEADLINE = re.compile(
    r"^\W*(?:back to|zurück zu|retour |see all|view all|show all|alle? |(?:more|mehr)\b"
    r"(?:(?:\s+\S+){0,2}\W*$|\s+(?:from|on|in|of|about|to|like|news|stories|articles|posts"
    r"|videos|headlines|related|top|info|details|zum|zur|zu|aus|von|vom|über|nachrichten"
    r"|artikel|beiträge|themen|lesen|erfahren|infos)\b))", re.IGNORECASE)
"""Link texts that lead to a list, not to a story ("Back to blogs", "See all", "More
from Sport", "Mehr zum Thema", "More home resources"). A longer text opening with
"More" or "Mehr" is a headline as often ("More than 40 hurt in crash", "Mehr Geld für
Pflegekräfte")."""
PRICE = re.compile(r"(?:[$€£¥]\s?\d|\d(?:[.,]\d{2})?\s?(?:€|eur\b|usd\b|chf\b))",
                   re.IGNORECASE)
"""A price: a list whose items carry prices is a shop's, not a story list."""
PAGER_TEXT = re.compile(
    r"^\W*(?:nächste|vorherige|next|previous|page|seite|página|pagina|suivante|précédente)"
    r"\W*(?:seite|page|página|pagina|\d+)?\W*$", re.IGNORECASE)
"""What a page-of-results pager's link says ("nächste Seite →"): no story title."""
PAGER_BACK = re.compile(
    r"^\W*(?:go|back|return)\s+to\s+(?:the\s+)?(?:topic|thread|forum|subforum|board|list|"
    r"listing|index|overview|all)\b|^[a-z]+(?:_[a-z]+)+$", re.IGNORECASE)
"""A link of a forum's pager back to its list ("Go to topic listing"), or an icon font's
glyph name read as text ("keyboard_arrow_right"): no story title."""
CAROUSEL_TOKENS = frozenset({"slide", "slides", "slider", "carousel", "swiper", "swiperslide",
                             "slick", "slickslide", "glide", "glideslide", "carouselitem"})
"""A carousel's slide, whose "next" and "prev" classes say which slide shows next: no pager."""
HIDDEN_LABEL_TOKENS = frozenset({"visuallyhidden", "sronly", "offscreen", "screenreader",
                                 "screenreaderonly", "srtext", "hiddenvisually", "assistive",
                                 "visuallyhide", "sronlyfocusable", "readerbreak"})
"""Text only screen readers hear ("Video", "Read more about"): never part of a title."""

NOT_STORY_CARDS = re.compile("product|video|playlist|podcast|shop|sponsor|partner|promo|advert"
                             "|comment|(?<![a-z])toc(?![a-z])")
"""Raw class or id of a card list (or of its cards) that lists other things than stories:
wares, a video playlist, paid placements, replies, a table of contents."""
DURATION = re.compile(r"(?<![\d:])\d{1,2}:\d\d(?![\d:])(?!\s*[ap]\.?m\b)", re.IGNORECASE)
"""A running time ("04:34", not "7:14 pm"): cards that show one are videos."""
RELATED_HEADING_INSIDE = re.compile(
    r"(?<![-\w])(?:similar|related|ähnliche|similaires|relacionad[oa]s|correlat[ie])\s+\w|"
    # ...or that ends in the word ("Entradas relacionadas", "Artigos relacionados").
    r"(?<![-\w])(?:related|relacionad[oa]s|correlat[ie]|similaires|connexes|liée?s|"
    r"gerelateerde?|relaterade|ذات صلة)\W*$",
    re.IGNORECASE)
"""A heading that names the related stories further in ("Other related stories", "New
and exciting similar dishes for you")."""
RELATED_INSIDE_WORDS = ("simila", "relat", "ähnliche", "relacionad", "connexes", "lié",
                        "ذات صلة")
"""A word each match of RELATED_HEADING_INSIDE holds (lower-cased): the search is
skipped on texts holding none. Keep it in step with the pattern."""

CALL_TO_ACTION = re.compile(
    r"^\W*(?:learn more|read more|read (?:the )?(?:full )?(?:story|article|post)|explore|"
    r"find out more|continue reading|mehr erfahren|weiterlesen|mehr lesen|lire la suite|"
    r"en savoir plus|leer más|leia mais|leggi (?:tutto|di più)|lees meer)\W*$", re.IGNORECASE)
"""The whole text of a card's link when the card's title is a heading of its own
("<h5>Title</h5><p>teaser</p><a>Learn more</a>")."""
LIVE_BADGES = frozenset({"live", "live updates", "liveblog", "live blog", "liveticker",
                         "live-ticker", "breaking", "breaking news", "eilmeldung", "en direct",
                         "en vivo", "ao vivo", "in diretta"})
"""A card's badge, in an element of its own inside the headline's link ("<span>Live</span>
<span>Title</span>"): no words of the headline."""
READING_TIME = re.compile(r"\W*\d{1,3}\+?\s*min(?:ute)?s?\.?\s+read\W*", re.IGNORECASE)
"""A card's reading time, all of a text ("5 min read", "15+ min read")."""
CALL_TO_ACTION_OPENING = re.compile(
    r"^\W*(?:read more|continue reading|weiterlesen|mehr lesen|lire la suite|leer más|"
    r"leia mais)", re.IGNORECASE)
"""A line that opens as a call to read on ("Read More about Title", "Read moreTitle"):
a card's link, not its teaser."""

LONG_HEADING = re.compile(r"^\W*more (?:about|from|on)\b", re.IGNORECASE)
NEXT_PREVIOUS_HINT = re.compile("next|prev|apres|suivant|avant|precedent|vorherig|naechst"
                                "|siguiente|anterior|successiv")
"""A cheap look at a class or id before tokenising it for NEXT_TOKENS / PREVIOUS_TOKENS."""
STORY_SLUG = re.compile(r"\w-\w+-\w")
"""Three words or more joined by hyphens ("council-passes-budget"), in the last segment."""
STORY_PATH = re.compile(r"/\d{5,}|\.html?$|/20\d\d/")
"""A story's address besides its slug: a long id, a dated path."""
CARD_BLOCK_TAGS = frozenset({"div", "p", "h2", "h3", "h4", "h5", "h6", "section", "span"})
"""Children that make a link a card rather than a line of text."""
MENU_CLASS_TOKENS = frozenset({"menu", "megamenu"})
"""A container named a menu is one, whatever else its name says ("menu-popular-links")."""
TAB_TOKENS = frozenset({"tab", "tabs", "tabbed", "tabber", "tabcontent", "tabcontainer",
                        "tabbox", "tabwidget"})


CARD_LIST_TAGS = frozenset({"div", "section", "aside"})


LIST_AFTER_TAGS = frozenset({"ul", "ol", "div", "p", "section", "aside"})


# Section teaser groups (extract/related_groups.py).
SECTION_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
"""Headings that may title one column of a row of section teasers."""
BARE_MORE = re.compile(r"^\W*(?:more|mehr|plus|más)\W*$", re.IGNORECASE)
"""A control that only says "More": a drop-down of the site's menu, not a list's name."""
