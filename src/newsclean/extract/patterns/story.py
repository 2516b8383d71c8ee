"""Story scoring: class tokens and tags that mark story text, noise and regions outside the
story."""

from __future__ import annotations

# Threads whose posts are marked as comments: there the comments are the content.
DISCUSSION_TOKENS = frozenset({"comment", "comments", "kommentar", "kommentare",
                               "commentaires", "comentarios", "commenti", "reacties",
                               "komentarze"})

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
# Names of page regions whose text is not the story's: a candidate inside one (a comment
# list, a login form in a modal) is rarely the story even when it scores well.
REGION_TOKENS = frozenset({"comment", "comments", "commentlist", "commentsbox", "disqus",
                           "modal", "popup", "overlay"})

LEAD_TOKENS = frozenset({"lead", "intro", "abstract", "excerpt", "standfirst", "dek",
                         "chapo", "summary", "einleitung", "teaser", "bajada", "sapo",
                         "articlelead", "articleintro", "entrysummary", "subheadline",
                         "articleexcerpt", "leader", "description", "deck", "kicker"})
LEAD_NOISE = frozenset({"teaser"})
"""A noise name that above the story names the standfirst ("article-teaser"); on a <p>
it does so anywhere ("article__teaser"): teaser cards of other stories are blocks holding
a link, not paragraphs (a run of blocks so named stays noise)."""

SCORED_TAGS = ("p", "pre", "td", "blockquote", "div", "section", "li", "dd", "article")
TAG_BONUS = {"div": 5.0, "article": 8.0, "main": 5.0, "section": 2.0, "pre": 3.0,
             "td": 3.0, "blockquote": 3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0,
             "li": -3.0, "form": -3.0, "th": -5.0, "address": -3.0}
WHOLE_TEXT_TAGS = frozenset({"p", "pre", "blockquote", "td", "li", "dd", "font", "span"})
"""Elements whose whole text counts as their own (nested blocks in them are rare)."""
COMMENT_STEMS = ("omment", "omentar", "eactie")
"""Stems of DISCUSSION_TOKENS ("comment", "Kommentare", "comentarios", "reacties",
"komentarze"): a cheap test before the tokens are read."""
