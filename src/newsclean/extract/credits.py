"""Photo credits beside a caption: the elements and attributes that hold a picture's
credit (a credit-named element, a line closing or opening the caption, a title or
data attribute). Credit forms in a text are read by credit_forms.py."""

from __future__ import annotations

from lxml import etree

from .credit_forms import (
    capitalised_words,
    clean_credit,
    credit_like,
    names_only,
    only_a_credit,
    source_line,
    split_credit,
)
from .patterns import (
    CAMEL_TAIL,
    CAPTION_TOKENS,
    CREDIT_ATTRIBUTE_NAME,
    CREDIT_CLASS_PARTS,
    CREDIT_LEAD,
    CREDIT_PREFIX,
    CREDIT_TOKENS,
    HEADING_TAGS,
    LINK_CREDIT_LEAD,
    MAX_WEAK_CAPTION,
    PICTURE_NAME_WORDS,
    ROLE_ATTRIBUTES,
    SENTENCE_END,
    TITLE_CREDIT_SEPARATORS,
    TOKEN_SPLIT,
    TRAILING_CREDIT_TAGS,
    WEAK_CAPTION_TOKENS,
)
from .settings import Settings
from .text import class_tokens, collapse, element_sibling, has_descendant, raw_text

__all__ = ["ancestors_to_figure", "attribute_credit", "class_credit", "has_caption",
           "is_caption", "is_credit", "leading_credit", "role_tokens", "text_without",
           "title_credit", "trailing_credit"]

Element = etree._Element
LIGHTBOX_LEVELS = 2
"""A picture outside any figure takes an attribute credit from itself or this many wrappers."""
CLOSING_CREDIT_MARKS = ".!?|/–—-"
"""Caption text ending in one of these may be followed by its credit's names alone."""
MAX_CREDIT_DEPTH = 6
"""A credit line sits at most this deep inside its figure."""
OWN_LINE_TAGS = frozenset({"br", "div", "p"})
"""Closing a caption, these set the names after them on a line of their own."""
LEADING_CREDIT_TAGS = frozenset({"span", "small", "cite"})
"""Neutral inline elements that may hold a credit printed before the caption."""


def is_caption(element: Element) -> bool:
    """A <figcaption> or an element named as a caption. A name that text blocks bear too
    (WEAK_CAPTION_TOKENS) names one only beside a picture word or on a short block of
    inline text: a "description" of paragraphs or headings, or a long one, is a product's
    or a banner's text, read as story text if it is any."""
    if element.tag == "figcaption":
        return True
    tokens = role_tokens(element)
    named = tokens & CAPTION_TOKENS
    if not named:
        return False
    if named <= WEAK_CAPTION_TOKENS and not _names_picture(tokens):
        return (element.tag != "p"
                and next(element.iterdescendants(*TEXT_BLOCK_TAGS), None) is None
                and len(raw_text(element)) <= MAX_WEAK_CAPTION)
    return True


TEXT_BLOCK_TAGS = ("p", *HEADING_TAGS)
"""Blocks of text a caption does not hold."""


def _names_picture(tokens: frozenset[str]) -> bool:
    return any(word in token for token in tokens for word in PICTURE_NAME_WORDS)


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
        return not (tokens & CAPTION_TOKENS and _holds_parts(element))
    parent = element.getparent()
    if element.tag == "footer" and parent is not None and parent.tag == "figure":
        return len(raw_text(element)) <= settings.max_credit  # the figure's own footer
    if (_marked_credit(element, settings) or _labelled_credit(element, settings)
            or _unnamed_credit(element, settings)):
        return True
    # A <small> closing a caption is its credit ("... kitchen.</p><small>getty</small>").
    return (element.tag == "small" and caption is not None and element.getnext() is None
            and len(raw_text(element)) <= settings.max_credit)


def _label_of(child: Element, wrapper: Element) -> bool:
    """The child holds no more than the credit label opening the wrapper's text."""
    label = CREDIT_PREFIX.match(collapse(raw_text(wrapper)))
    return label is not None and len(collapse(raw_text(child))) <= label.end()


def _holds_parts(wrapper: Element) -> bool:
    """Whether an element named both caption and credit holds parts of its own: text
    beside an element, two elements with text, or one named a caption or a credit. A
    lone paragraph inside ("<span class='caption-owner'><p>Jo Park</p></span>") is its
    one text."""
    if (wrapper.text or "").strip():
        return len(wrapper) > 0
    held = [child for child in wrapper if isinstance(child.tag, str) and raw_text(child).strip()]
    if len(held) == 1 and _label_of(held[0], wrapper):
        return False  # "<span>Credit</span>: Photo: PA": one credit, its label apart
    if len(held) != 1 or any((child.tail or "").strip() for child in wrapper):
        return len(held) > 0
    return bool(role_tokens(held[0]) & (CAPTION_TOKENS | CREDIT_TOKENS))


def _unnamed_credit(element: Element, settings: Settings) -> bool:
    """A short line of its own in the figure, outside its caption, that can only be a
    credit: "<p>Jo Park/AP</p>", "<span>© Getty Images</span>", "<div>REUTERS</div>"."""
    if len(element) or element.tag not in TRAILING_CREDIT_TAGS or is_caption(element):
        return False
    text = collapse(element.text or "")
    if not 2 <= len(text) <= settings.max_credit or not (
            source_line(text, capitals=False) or text.startswith(("©", "(c)", "(C)"))
            or ("/" in text and capitalised_words(text))):
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
            and not has_caption(element) and names_only(match.group("credit")))


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
            or not (names_only(text) or credit_like(text, settings))):
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
                and len(rest) > len(text) and names_only(text)
                and split_credit(rest)[0] is not None else None)
    elif len(last) or last.tag not in TRAILING_CREDIT_TAGS or (last.tail or "").strip():
        return None
    else:
        text = collapse(last.text or "")
        before = collapse(text_without(holder, [last]))
    if (not 2 <= len(text) <= settings.max_trailing_credit or len(before) <= len(text)
            or not names_only(text)):
        return None
    strong = source_line(text, capitals=False) or "/" in text or text.startswith("©")
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
            CREDIT_LEAD.match(title) or source_line(title)):
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
