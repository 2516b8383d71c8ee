"""Boilerplate lines inside the story: notices, appeals, loading and legal text."""

from __future__ import annotations

import re

from .regex import by_first_letter

_REVIEWER = r" [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}(?:,\s*[A-Z][A-Za-z.]{1,8}){0,3}$"
"""A reviewer's name and degrees after the label ("Dr. Jo Roe, MD")."""
_BOILERPLATE_LINES = (
    r"advertisement|advertising|sponsored|ad|(?:story|article) continues below|"
    r"continue reading|scroll to continue|share (?:this|on|via)|"
    r"(?:sign up|subscribe)\b.{0,80}$|follow us|click here|"
    r"all rights reserved|copyright ©|© \d{4}|image source|getty images$|"
    r"listen to (?:this|the) article|\d+ min(?:ute)? read$|"
    r"(?:lesezeit|lesedauer|reading time|temps de lecture|tiempo de lectura)\s*:?\s*"
    r"(?:ca\.\s*)?\d+\s*min\w*|\d+\s*min\.?\s*(?:lesezeit|lesedauer)|"
    r"(?:published|updated|posted|veröffentlicht|aktualisiert|erschienen|publié|mis à jour|"
    r"publicado|actualizado|pubblicato|aggiornato)\b.{0,60}$|"
    r"by [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}(?:,? and [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3})*$|"
    # a reviewer's credit beside the byline ("Medically reviewed by Dr. Jo Roe, MD"); each
    # alternative opens with its letter, as by_first_letter merges them by it
    + "|".join(label + _REVIEWER for label in (
        "reviewed by", "medically reviewed by", "expert[- ]reviewed by",
        "fact[- ]checked by", "fact[- ]checked and reviewed by")) + "|"
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
    # an account box's prompt ("Sign in to your XDA account", "Log in", "Create an account")
    r"sign ?in(?: to (?:your|the) [\w .'’&\-]{0,40}?account)?|"
    r"log ?in(?: to (?:your|the) [\w .'’&\-]{0,40}?account)?|"
    r"create (?:a|an|your) (?:free )?account|"
    r"print(?: this)?(?: article)?|drucken|e-?mail|facebook|twitter|whatsapp|linkedin|pinterest|"
    # ad disclosures: "Anzeige, enthält Affiliate Links", "*Werbung. Dieser Beitrag ..."
    r"(?:werbung|anzeige|advertorial|publicidad|publicité|pubblicità)\s*[.,:|\-–—].{0,80}|"
    # a stock agency's credit standing alone: "Name/Getty Images", "Thinkstock"
    r"(?:[\w.' \-]{0,40}(?:/|\bvia\b)\s*)?(?:getty(?: images)?|thinkstock|istock(?:photo)?|shutterstock|"
    r"imago(?: images)?|picture alliance)|"
    # a feed's footer on a post syndicated from a blog: "The post <a>Title</a> appeared first
    # on …" (the post's title opens with a capital)
    r"the post (?-i:[^a-z\s]).{0,300} appeared first on .{1,100}|"
    # rights and liability notices opening a line
    r"(?:©|\(c\)|copyright)\s*\d{4}.{0,100}|"
    # a short line opening with the sign: an agency's or a partner's rights ("© dpa-infocom,
    # dpa:230428-99-483045/5", "© The Financial Times Ltd. 2024")
    r"©\s*\w.{0,80}|"
    r"alle angaben ohne gewähr|vervielfältigung\b.{0,80}|"
    # a byline's label left alone, its name read (or set apart) as the author's
    r"(?:written|edited|reviewed|medically reviewed|fact[- ]checked|reported|updated|"
    r"posted|published) by|"
    # the heading of a table of contents, its links gone with the menus
    r"table of contents|in this (?:article|post|guide|story)|on this page|"
    r"inhaltsverzeichnis|sommaire|tabla de contenidos?|"
    # a picture's or a video's control to show its caption ("Show Caption", "Hide caption")
    r"(?:show|hide|view|toggle|expand|collapse)\s+(?:the\s+)?(?:(?:image|photo|video)\s+)?"
    r"captions?|"
    # a "read more" link or an empty label left by a removed block ("Kontakt:", "Quellen:")
    r"read more|weiterlesen|mehr lesen|lire la suite|leer más|leia mais|leggi (?:tutto|di più)|"
    r"czytaj (?:dalej|więcej)|lees meer|"
    r"(?:kontakt|contact|telefon|tel|phone|fax|quellen(?:angaben)?|sources?|fuentes?|"
    r"aktualisiert|updated|actualizado|mis à jour)\s*:|"
    # question-and-answer meta lines: "Asked 8 years, 2 months ago", "Viewed 38k times"
    r"(?:asked|answered|edited|modified|viewed)\s+(?:today|yesterday|\d[\w,. ]{0,30}?"
    r"(?:ago|times)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? "
    r"\d{4}(?: at \d{1,2}:\d{2})?)"
)
"""What a boilerplate line is, the signs around it aside (see BOILERPLATE_LINE)."""
BOILERPLATE_LINE = re.compile(r"^\W*(?:" + by_first_letter(_BOILERPLATE_LINES) + r")\W*$",
                              re.IGNORECASE)
"""A line that is boilerplate whole, matched in the form by_first_letter gives it: a
story line is tried against one alternative per first letter, not against each (its
match is only tested)."""

# Rights notices anywhere in a short line ("This article is the copyrighted property of
# X."), lower case; found by substring, which is much cheaper than a regex search.
RIGHTS_NOTICES = (
    "all rights reserved", "copyrighted property", "permission must be obtained",
    "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    "tutti i diritti riservati", "wszelkie prawa zastrzeżone", "todos os direitos reservados",
)
PERMALINK_MARKS = "¶🔗"
"""Signs a heading's link to itself shows after its words (documentation generators'
"Session Objects¶"): no text of the page."""
LOADING_LINE = re.compile(r"^\W*(?:loading|lade|laden|chargement|cargando|caricamento|carregando)"
                          r"\b.{0,30}$", re.IGNORECASE)

APPEAL_RULE = re.compile(r"^\s*[-_=*~•—–]{4,}")
_APPEALS = (
    r"share your (?:story|stories|photos?|videos?|tips?|experiences?|news)|"
    r"send (?:us )?your (?:story|stories|photos?|videos?|tips?|questions?|news)|"
    r"submit (?:your|a) (?:story|news tip|tip|photos?|videos?|questions?|letter)|"
    r"tell us (?:your story|what you think)|(?:got|have) a (?:news )?tip|"
    r"do you have (?:a|an) (?:story|news tip|tip|question|issue|problem|complaint)\b|"
    r"we (?:want|would like|'d like) to hear (?:from you|what you think)|fill out the form|"
    r"(?:sign up|subscribe)\b.{0,60}\b(?:newsletters?|alerts|emails?|briefing)\b|"
    r"haben sie (?:einen|eine) (?:hinweis|tipp|geschichte|frage)|(?:schicken|senden) sie uns|"
    r"teilen sie (?:uns )?ihre|melden sie sich\b.{0,40}\bnewsletter|abonnieren sie\b|"
    r"envoyez-nous|partagez (?:votre|vos) (?:histoire|témoignages?|photos?)|"
    r"vous avez (?:une|un) (?:histoire|information|témoignage)|inscrivez-vous\b|abonnez-vous\b|"
    r"env[ií]anos|comparte tu (?:historia|experiencia)|¿?tienes (?:una|algún) (?:historia|denuncia)|"
    r"suscr[ií]bete\b|inviaci|condividi la tua (?:storia|esperienza)|iscriviti\b|"
    r"envie-nos|inscreva-se\b|stuur (?:ons|je)\b|heb je een tip|meld je aan\b"
)
APPEAL_OPENING = re.compile(
    r"^\s*(?:[-_=*~•—–]{4,}\s*(?:[^\n]{0,60}?\b)?)?[*#>•]*\s*(?:"
    + by_first_letter(_APPEALS) + ")", re.IGNORECASE)
"""An appeal to readers opening a paragraph (only tested: merged by first letter)."""
NEWSLETTER_PROMPT = re.compile(
    r"\b(?:sign(?:ing)? up|subscrib(?:e|ing))\s+(?:for|to)\s+(?:our\b|(?:the\s+)?[\w&.\-]+"
    r"(?:\s[\w&.\-]+){0,3}['’]s?\s).{0,60}\b(?:newsletters?|whatsapp)\b"
    r"|\bget\s+our\b.{0,40}\bnewsletters?\b"
    r"|\bnewsletters?\b.{0,120}[.!?]\s+sign\s+up\s+(?:now|today|here)\b"
    r"|\babonnier(?:e|en sie)\b.{0,60}\b(?:newsletter|whatsapp)"
    r"|\b(?:newsletter|whatsapp-kanal)\b.{0,40}\babonnieren\b"
    r"|\bfolg(?:e|st du|en sie)\b.{0,40}\bauf whatsapp\b",
    re.IGNORECASE,
)
"""A prompt to sign up for the site's own newsletter or channel ("our", "AP's"), anywhere
in a short line ("Check out more stories by signing up to our free weekly newsletter",
"… Watch Party newsletter has all the best picks. Sign up now"); not a mention of
newsletters in general ("subscribe to industry newsletters")."""
SIGN_UP_TERMS = re.compile(r"^\W*by (?:signing up|subscribing),?\s+you agree\b", re.IGNORECASE)
"""The terms under a sign-up box ("By signing up, you agree to our privacy policy")."""
APPEAL_CONTACT = re.compile(
    r"e-?mail|@|\bform(?:ular(?:io)?|ulaire)?\b|newsletter|whatsapp|\bcontact|\bkontakt|"
    r"write to us|schreiben sie uns|écrivez-nous|escr[ií]benos|scrivici|schrijf ons|"
    r"click here|hier klicken|cliquez ici|haz clic|clicca qui",
    re.IGNORECASE,
)
# Confidence: text that reads as a page's footer or legal small print, not a story.
_STREET_ADDRESS = (r"\b\d{1,5}\s+(?:[A-Z][\w.]*\s+){1,4}(?:street|st\.|avenue|ave\.?|road|rd\.|"
                   r"boulevard|blvd\.?|drive|suite|plaza)(?=\W|$)")
LEGAL_TEXT = re.compile(
    r"©|\(c\)\s*(?:19|20)\d{2}|\bcopyright\b|\ball rights reserved\b|\bprivacy (?:policy|notice)\b"
    r"|\bterms (?:of (?:use|service)|and conditions)\b|\bcookie (?:policy|settings)\b"
    r"|\bdo not sell\b|\bimpressum\b|\bdatenschutz\b|\balle rechte vorbehalten\b"
    r"|" + _STREET_ADDRESS,
    re.IGNORECASE)
STREET_ADDRESS = re.compile(_STREET_ADDRESS, re.IGNORECASE)
"""LEGAL_TEXT's last alternative alone: a street address."""
LEGAL_WORDS = ("©", "(c)", "copyright", "rights reserved", "privacy", "terms ", "cookie",
               "do not sell", "impressum", "datenschutz", "vorbehalten")
"""Every LEGAL_TEXT match but a street address holds one of these (lower case)."""
ADDRESS_WORDS = ("street", "st.", "avenue", "ave", "road", "rd.", "boulevard", "blvd",
                 "drive", "suite", "plaza")
"""...and a street address holds a digit and one of these."""
DIGIT = re.compile(r"\d")


def is_legal(text: str) -> bool:
    """LEGAL_TEXT.search(text), with a look for its words first: the regex tries its
    alternatives at every character, which cost milliseconds a page on story text."""
    low = text.lower()
    for word in LEGAL_WORDS:
        if word in low:
            return LEGAL_TEXT.search(text) is not None
    for word in ADDRESS_WORDS:
        if word in low:
            # An address holds a digit: looked for only in a line holding an address's
            # word (the words cost less to look for than a digit in a line without any).
            if DIGIT.search(text) is None:
                return False
            # Without a legal word, only the address can match: the one alternative is
            # searched, many times faster than all of them ("ave" is in "have", so many
            # a story line gets here). Unless a letter the regex folds onto ASCII in ways
            # lower() does not ("ſ" for "s") could hide a legal word from the look above.
            if _ODD_FOLDING.search(text) is None:
                return STREET_ADDRESS.search(text) is not None
            return LEGAL_TEXT.search(text) is not None
    return False


ASCII_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The letters beyond ASCII that an ASCII letter of a case-insensitive pattern matches
("İ", "ı", "ſ" and the Kelvin sign, with i, s or k): str.lower() gives another letter
(or, for İ, two), so a look for a pattern's words in lower-cased text misses them."""
_ODD_FOLDING = re.compile("[" + "".join(ASCII_FOLDS) + "]")


# Consent dialogs: the containers of the consent platforms, named in their ids and classes.
# Their text (cookie categories, vendor lists) outscores a short story but is never one.
CONSENT_VENDORS = ("onetrust", "didomi", "usercentrics", "cookiebot", "cookielaw",
                   "consentmanager", "borlabs",
                   # More platforms, by the names their dialogs carry: Complianz, iubenda,
                   # Quantcast Choice, Sourcepoint, TrustArc, CookieYes, GDPR Cookie
                   # Compliance, Osano, Termly.
                   "cmplz", "iubenda-cs", "qc-cmp2", "sp_message_container", "truste-consent",
                   "cky-consent", "cookie-law-info", "moove_gdpr", "osano-cm", "termly")
DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
"""ARIA roles of a box that opens over the page (terms of use, a sign-up form)."""
