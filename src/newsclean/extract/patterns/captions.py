"""Picture captions and credits: their class tokens and the forms credits take in several
languages."""

from __future__ import annotations

import re

from .header import AGENCIES
from .pictures import PICTURE_SLOT_WORDS

CAPTION_TAIL = re.compile(
    r"(?:\s+(?:hide caption|toggle caption|show caption|enlarge this image|expand|"
    r"purchase licensing rights|(?:photo|image|picture|foto|bild)\s*:))+\s*$",
    re.IGNORECASE)
"""Picture widgets' button text and a dangling credit label closing a caption."""

CAPTION_TOKENS = frozenset({"caption", "figcaption", "imagecaption", "photocaption",
                            "wpcaptiontext", "captiontext", "description", "legend",
                            "imgcaption", "mediacaption"})
WEAK_CAPTION_TOKENS = frozenset({"description"})
"""Caption names that text blocks bear too (a product's, a banner's, a field's
"description"): one names a caption only beside a picture word (PICTURE_NAME_WORDS:
"imageDescription", "photo-description") or on a short block of inline text."""
PICTURE_NAME_WORDS = (*PICTURE_SLOT_WORDS, "media", "figure", "foto", "bild", "gallery",
                      "slide", "thumb")
"""Words a class or id names a picture's parts with, looked for inside each token (the
tokens of "imageDescription" are "imagedescription" and "description"): a picture slot's
words and those of its wrappers."""
MAX_WEAK_CAPTION = 600
"""A block named by a weak caption word alone that holds more text than this is a text
block (as settings.max_loose_caption, for a block beside a picture)."""
CREDIT_TOKENS = frozenset({"credit", "credits", "copyright", "imagecredit", "photocredit",
                           "source", "attribution", "byline", "author", "photographer",
                           "copyrightholder", "creator", "creditline", "owner"})
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
ENLARGE_LABEL = re.compile(
    r"\W*(?:(?:click|tap)\s+to\s+)?(?:enlarge|zoom|view larger|view full size|expand|"
    r"(?:bild |foto )?vergrößern|agrandir|ampliar|ingrandire|vergroten|powiększ|zvětšit)\W*",
    re.IGNORECASE)
"""A picture's enlarge button, all of a text where its caption would be ("vergrößern")."""
PICTURE_TEXT_TOKENS = CAPTION_TOKENS | CREDIT_TOKENS - {"byline", "author", "source"}
"""Class names of picture text, which a rule's story container leaves out of its text."""

_PICTURE_WORDS = (
    r"(?:file |archive |stock )?(?:photo(?:graph|graphy)?s?|images?|pictures?|pics?|videos?|"
    r"illustrations?|graphics?|photographer|fotos?|fotografie|fotograf(?:in)?|"
    r"bild(?:er|quelle|nachweis|rechte)?|grafik|beeld|bilde|fotograf[íi]as?|imagen(?:es)?|"
    r"imagem|immagin[ei]|imatges?|zdj[eę]cie|snímek|fotó|fotoğraf|kuva|фото(?:графия)?|φωτογραφία|"
    r"ljósmynd|mynd|picha|צילום|تصوير|صورة)"
)
_SOURCE_WORDS = (
    r"(?:sources?|quelle|bron|kilde|källa|fuente|fonte|sursa|sursă|źródło|zdroj|источник|"
    r"джерело|kaynak|forrás|lähde|πηγή|sumber|heimild|chanzo|מקור|المصدر)"
)
_CREDIT_WORDS = (
    r"(?:credits?|crédits?|créditos?|credito|crediti|kredit|copyright|bildnachweis)"
)
_CJK_CREDIT_WORDS = r"(?:写真|撮影|画像|图片来源|图片|摄影|来源|圖片來源|圖片|攝影|來源|사진(?:\s*제공)?|출처)"
_CREDIT_LABEL = (
    # "Photo by", "Foto:", "Photo credit:", "Crédit photo :", "Image source:", "Fot."
    rf"(?<![\w'’])(?:{_PICTURE_WORDS}(?:\s+by\b|\s*(?:{_CREDIT_WORDS}|{_SOURCE_WORDS})?\s*[:：]"
    rf"|\s+(?:{_CREDIT_WORDS}|{_SOURCE_WORDS})\s*,)"
    rf"|{_CREDIT_WORDS}(?:\s+{_PICTURE_WORDS})?\s*(?:[:：]|\.\.\.|…)|{_SOURCE_WORDS}\s*[:：]"
    rf"|(?:{_PICTURE_WORDS}\s+)?(?=courtesy\s+of\b)|(?:{_PICTURE_WORDS}\s+)?copyright\b|\(c\)"
    rf"|fot(?:\.|\s*:)"
    rf"|autor(?:ka)?\s+(?:zdj[eę](?:cia|ć)|fotografie|fotky|snímku)\s*:)"
    rf"|[©ⓒ]|{_CJK_CREDIT_WORDS}\s*[:：=＝]"
)
CREDIT_LEAD = re.compile(rf"(?P<lead>{_CREDIT_LABEL})\s*(?P<credit>.*?)\s*$", re.IGNORECASE)
"""A credit label and what follows it to the end: "... at night. Photo: Jane Roe/Reuters"."""
CREDIT_PREFIX = re.compile(rf"^\s*(?:{_CREDIT_LABEL})\s*", re.IGNORECASE)
"""A credit label opening a text ("Foto: dpa", "© Getty Images", "Photo credit: ...")."""
# A credit standing as a line of its own, opened by a picture's or a credit's label and a
# colon ("Foto: MDR/Jo Park", "Image credit: ...", "Photo by ..."); not a chart's or a
# text's source ("Graphics: ...", "Source: ...") nor a notice ("© 2024 ...").
CREDIT_LINE_LABEL = re.compile(
    rf"^\s*(?!graphics?\b|grafik\b)(?:{_PICTURE_WORDS}(?:\s+by\b|\s*(?:{_CREDIT_WORDS}|"
    rf"{_SOURCE_WORDS})?\s*[:：])|{_CREDIT_WORDS}(?:\s+{_PICTURE_WORDS})?\s*[:：])",
    re.IGNORECASE,
)
PAREN_CREDIT = re.compile(
    r"\s*[(（\[](?P<credit>(?:AP|AFP|Reuters|EPA|Getty|UPI|AAP|PA|Bloomberg|Xinhua|Yonhap|"
    rf"Kyodo|dpa|ANSA|EFE|{_PICTURE_WORDS}|{_CREDIT_WORDS}|{_SOURCE_WORDS}|©)(?![\w'’])"
    rf"[^()（）\[\]]{{0,80}}|{_CJK_CREDIT_WORDS}[^()（）\[\]]{{0,40}}"
    r"|[^()（）\[\]]{2,60}/[^()（）\[\]]{2,40})[)）\]]\.?\s*$",
    re.IGNORECASE,
)
"""A credit in parentheses closing a caption: "(AP Photo/John Doe)", "(Quelle: dpa)"."""
PICTURE_CREDIT_OPENING = re.compile(rf"^\s*(?:[©ⓒ]|\(c\)|{_PICTURE_WORDS}(?![\w'’]))",
                                    re.IGNORECASE)
"""A text opening as a picture's credit does, with a copyright sign or a picture's word
("© Agency/Jo Park", "Photo by Jo Park", "Фото из Инстаграма …"): never an article's byline,
even in an element named for the author (a picture's "author" in its credit box)."""
NAMING_LABEL = re.compile(rf"^\s*{_PICTURE_WORDS}\s*[:：]\s*$", re.IGNORECASE)
"""A label that may name the picture rather than its author ("Image: Waves break ...")."""
DANGLING_LABEL = re.compile(
    rf"(?:(?<=[.!?…])\s*|\s+)(?:{_PICTURE_WORDS}|{_CREDIT_WORDS}|{_SOURCE_WORDS})\s*[:：]\s*$"
    rf"|(?<=[.!?…])\s*(?:{_PICTURE_WORDS}|{_CREDIT_WORDS}|{_SOURCE_WORDS})\s*$",
    re.IGNORECASE)
"""A credit label left closing a caption once its names went to the credit."""
BARE_CREDIT_TAIL = re.compile(
    r"(?<=[.!?…])\s+(?P<lead>(?i:(?:fotos?|fotograf[íi]a|bild(?:er)?|photos?|beeld|kuva|фото|imagen|"
    r"immagine)(?:\s+(?:di|de|par|door|via)|\s*[-–—])?|(?:images?|pictures?)\s+via|"
    r"(?:images?\s+|photos?\s+)?courtesy(?:\s+of)?(?:\s+the)?))\s+"
    r"(?P<credit>[^\W\d_][^.!?:]{1,50})\.?$"
)
"""A label without a colon before a name, closing a caption: "... Behörden. Bild Paul Muster",
"... Foto di Jo Park", "... Image via Jo Park", "... Courtesy Jo Park"."""
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
    "y", "e", "and", "und", "et", "via", "vía", "for", "for the", "of", "&", "/", "-", "–"})
"""Small words inside a credit's names ("Ludwig van Beethoven", "Jo Park for The Times")."""
BARE_CREDIT_LABEL = re.compile(rf"^(?:{_PICTURE_WORDS}|{_SOURCE_WORDS})(?:\s+|\s*/\s*)(?=\S)",
                               re.IGNORECASE)
"""A label without a colon opening a credit in parentheses: "(Photo AFP)", "(Foto/dpa)"."""
STOCK_SOURCES = ("getty images", "shutterstock", "alamy", "istock", "istockphoto", "imago",
                 "afp", "reuters", "epa", "epa-efe", "dpa", "picture alliance", "picture-alliance",
                 "keystone", "associated press", "anp", "belga", "ansa", "efe", "aap",
                 "pa wire", "pa media", "xinhua", "sipa", "bloomberg", "ap")
"""Agencies whose name closes a credit: "Jo Park/AFP via Getty Images"."""
SOURCE_IN_BRACKETS = re.compile(r"\s*[(（\[](?P<credit>[^()（）\[\]]{2,60})[)）\]]\.?\s*$")
"""The last bracket of a caption, which is its credit when it names a picture source."""
CREDIT_SOURCES = PICTURE_SOURCES | frozenset({
    "privat", "private", "zvg", "archiv", "archive", "archivo", "archivbild", "pool",
    "imago images", "picture-alliance", "dpa-bildfunk", "keystone-sda", "sda", "apa", "ddp",
    "kna", "epd", "ctk", "čtk", "pap", "mti", "tt", "ntb", "ritzau", "stt", "lehtikuva",
    "europa press", "ria", "unsplash", "pexels", "pixabay", "wikimedia commons", "wikipedia",
    "adobe stock", "stock.adobe.com", "getty images/istockphoto", "depositphotos", "canva",
    "nasa", "ap images", "ap photo/file", "reuters/file photo", "afp photo",
    # Arabic: Reuters, AFP, AP, EPA, Anadolu, agencies
    "رويترز", "أ ف ب", "أ.ف.ب", "فرانس برس", "أ ب", "أسوشيتد برس", "إ ب أ", "الأناضول",
    "وكالات"})
"""Names that, alone, are a picture's credit, in many languages ("Foto: privat" -> "privat",
"... the city. Pixabay", "(Unsplash)")."""
SENTENCE_END = ".!?:"
TRAILING_CREDIT_TAGS = frozenset({"span", "small", "em", "i", "cite", "div", "p", "b",
                                  "strong"})
TITLE_CREDIT_SEPARATORS = ("|", "©", "/", "–", "-", "(")
UNOPENED_CLOSES = (")", "）", ").", "）.", "]", "].")
"""A credit cut from inside brackets ends with the closing one ("... REUTERS).")."""
LIGHTBOX_CREDITS = ("data-credit", "data-source", "data-copyright", "data-photographer")
COPY_TAGS = ("p", "div", "span", "figcaption", "small", "em", "i")
INLINE_CAPTION_TAGS = frozenset({"span", "b", "strong", "i", "em", "small", "br", "cite",
                                 "time", "abbr"})

# --- credits: forms beyond a label and a colon ----------------------------------------------

DASH_SEPARATORS = ("–", "—", "-")
"""Dashes printed between a caption and a credit that must then read as one on its own
("... the old town – Jo Park/AFP", "... il centro - Foto ANSA")."""
SLASH_LABEL = re.compile(rf"^(?:{_PICTURE_WORDS})\s+/\s+(?=\S)", re.IGNORECASE)
"""A label set apart from the credit by a slash: "Photo / Jo Park" (written close, as in
"Foto/dpa", the two read as one credit)."""
_EAST_ASIAN = r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff01-\uff60"
EAST_ASIAN_TEXT = re.compile(rf"[{_EAST_ASIAN}]")
EQUALS_CREDIT = re.compile(
    rf"(?<=[{_EAST_ASIAN}）)\]」』\d.])\s*(?:{_CJK_CREDIT_WORDS}\s*)?[=＝]\s*"
    rf"(?P<credit>[^\s=＝。、，,()（）\[\]「」]{{1,20}}(?:\s[^\s=＝。、，,()（）\[\]]{{1,12}})?)\s*$")
"""The credit after an equals sign closing an East Asian caption: "...（ソウルで）＝ＡＰ",
"... 있다. 사진=연합뉴스"."""
SLASH_AGENCY = re.compile(r"(?<=[\uac00-\ud7af\d.])\s*/\s*(?P<credit>[^\s/]{2,12})\s*$")
"""A Korean caption's agency after a slash: "... 2024.1.1/뉴스1"."""
SHOT_BY_REPORTER = re.compile(
    r"[（(]?(?P<credit>[^\s。，、；（）()]{0,12}记者[^。，、；（）()]{1,20}?)\s*(?<!拍)摄\s*[)）]?\s*$")
"""A Chinese caption's photographer: "... 新华社记者王明摄" (shot by reporter Wang Ming)."""
OPENING_BRACKET = re.compile(
    r"^\s*[\[(（【](?P<credit>[^\[\]()（）【】]{2,40})[\])）】]\s*(?P<caption>\S.*)$")
"""A bracket opening a caption, which is its credit when it reads as one: "[사진=연합뉴스] ..."."""
AFTER_FIGURE_CREDIT = CREDIT_TOKENS - {"byline", "author", "creator", "source"}
"""Class tokens of a credit line set after its figure (not a byline's, nor a source box's)."""
LINK_CREDIT_LEAD = re.compile(
    rf"(?<![\w'’])(?:(?:{_PICTURE_WORDS})(?:\s+(?:by|via|von|par|di|de|door|af|av|courtesy(?:\s+of)?))?"
    rf"|{_CREDIT_WORDS}|{_SOURCE_WORDS}|by|via|courtesy(?:\s+of)?|[©ⓒ])\s*[:：]?\s*$",
    re.IGNORECASE)
"""A label closing a caption's text before a linked name: "... Photo by <a>Jo Park</a>"."""


# Caption labels (screen-reader text printed before a caption: "Image caption Fans cheer").
CAPTION_LABEL = re.compile(
    rf"(?<![\w'’])(?:{_PICTURE_WORDS}|media)\s+caption\b\s*[:：,]?\s*|^\s*captions?\s*[:：]\s*",
    re.IGNORECASE)
"""A label naming the text after it the picture's caption; what comes before it, if
anything, is the credit ("Image copyright Reuters Image caption Fans cheer")."""


# One search for CREDIT_ATTRIBUTE_WORDS (pictures and their wrappers carry many attributes).
CREDIT_ATTRIBUTE_NAME = re.compile("|".join(map(re.escape, CREDIT_ATTRIBUTE_WORDS)))
"""A lower-case attribute name holding one of CREDIT_ATTRIBUTE_WORDS."""

# Cheap first tests for the slowest credit searches (a search tries their many
# alternatives at every position of the text).
CREDIT_LABEL_WORDS = (
    "pic", "image", "photo", "video", "illustration", "graphic", "fot", "bild", "grafik",
    "beeld", "immagin", "imatge", "zdj", "kuva", "mynd", "source", "quelle", "bron", "kilde",
    "fuente", "fonte", "sursa", "zdroj", "kaynak", "sumber", "heimild", "chanzo", "credit",
    "kredit", "copyright", "courtesy", "(c)", "autor")
"""Every match of CREDIT_LEAD, CREDIT_PREFIX or DANGLING_LABEL in ASCII text holds one of
these (lower case): the ASCII spellings of their picture, source and credit words."""
CAPTION_TAIL_WORDS = ("caption", "image", "expand", "rights", "photo", "picture", "foto",
                      "bild")
"""...and every CAPTION_TAIL match one of these."""


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text in lower case holds one of the words, or is not ASCII (case
    folding maps some other letters onto ASCII ones)."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(word in low for word in words)


def may_hold_credit_label(text: str) -> bool:
    """False when CREDIT_LEAD (or CREDIT_PREFIX, DANGLING_LABEL) cannot match the text."""
    return _holds_any(text, CREDIT_LABEL_WORDS)


def search_credit_lead(text: str) -> re.Match[str] | None:
    """CREDIT_LEAD.search(text)."""
    return CREDIT_LEAD.search(text) if may_hold_credit_label(text) else None


def without_dangling_label(text: str) -> str:
    """DANGLING_LABEL.sub("", CAPTION_TAIL.sub("", text)): widgets' button text and a
    credit label left closing a caption removed; each searched only where it may match."""
    if _holds_any(text, CAPTION_TAIL_WORDS):
        text = CAPTION_TAIL.sub("", text)
    return DANGLING_LABEL.sub("", text) if may_hold_credit_label(text) else text


# A numbered figure label opening a caption set as a block of its own beside its picture.
FIGURE_LABEL = re.compile(
    r"^\s*(?:fig(?:ure|s)?\.?|photo(?:graph)?|image|picture|illustration|chart|graph|diagram|"
    r"exhibit|plate|map|table|abb(?:\.|ildung)|bild|grafik|figura|imagen|foto)\s*"
    r"\d{1,3}(?:[.\-–]\d{1,3})?[a-z]?(?:\s*[:–—|]|\s*\.(?!\d)|\s+-\s|\s*$)",
    re.IGNORECASE)
"""A label numbering a picture at the start of its caption: "FIGURE 2.", "Fig. 3:",
"Figure 1 –", "Photo 2.", "Chart 1", "Abb. 4:" (not "Figure 2 shows ...", which is the
story speaking of the picture, nor "Image 1 of 5", a gallery's counter)."""
FIGURE_LABEL_WORDS = ("fig", "photo", "image", "picture", "illustration", "chart", "graph",
                      "diagram", "exhibit", "plate", "map", "table", "abb", "bild", "grafik",
                      "imagen", "foto")
"""Every FIGURE_LABEL match holds one of these (lower case) in its first words."""


def figure_label(text: str) -> bool:
    """Whether the text opens with a FIGURE_LABEL (a cheap look at its first characters first)."""
    return _holds_any(text[:16], FIGURE_LABEL_WORDS) and FIGURE_LABEL.match(text) is not None
