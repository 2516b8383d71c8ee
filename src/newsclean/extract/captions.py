"""Captions and credits of story pictures: reading figures, loose captions beside pictures,
credit forms."""

from __future__ import annotations

from itertools import islice

from lxml import etree

from .credit_forms import (
    CAPTION_CREDIT_MARKS,
    clean_credit,
    credit_like,
    ends_in_credit,
    split_credit,
)
from .credits import (
    ancestors_to_figure,
    attribute_credit,
    class_credit,
    has_caption,
    is_caption,
    is_credit,
    leading_credit,
    role_tokens,
    text_without,
    title_credit,
    trailing_credit,
)
from .patterns import (
    AFTER_FIGURE_CREDIT,
    CAPTION_TAIL,
    COPY_TAGS,
    CREDIT_LINE_LABEL,
    CREDIT_PREFIX,
    ENLARGE_LABEL,
    HIDDEN_LABEL_TOKENS,
    INLINE_CAPTION_TAGS,
    LIGHTBOX_CREDITS,
    LINK_CREDIT_LEAD,
    LOOSE_CAPTION_NOT,
    SENTENCE_END,
    TRAILING_CREDIT_TAGS,
    figure_label,
)
from .settings import Settings
from .text import (
    class_tokens,
    collapse,
    collapsed_length,
    element_sibling,
    element_text_length,
    has_descendant,
    link_text_length,
    raw_text,
)

__all__ = ["caption_after", "caption_copies", "card_name", "credit_alone", "is_small",
           "loose_caption", "outside_sources", "read_figure"]

Element = etree._Element


def outside_sources(img: Element) -> Element | None:
    """The <img>'s parent, above the <source>s the parser may have nested it in."""
    node = img.getparent()
    while node is not None and node.tag == "source":
        node = node.getparent()
    return node


def holds_caption(node: Element, checked: list[Element]) -> bool:
    """has_caption(node), leaving unread the subtree of the last of `checked` (wrappers
    found holding no caption) when it is the node's child; `checked` gets the node when
    it holds none (a picture's wrappers are asked from the inside out)."""
    below = checked[-1] if checked else None
    if below is None or below.getparent() is not node:
        found = has_caption(node)
    else:
        found = is_caption(node) or any(has_caption(child) for child in node
                                        if child is not below)
    if not found:
        checked.append(node)
    return found


def is_small(element: Element, limit: int, settings: Settings) -> bool:
    """Whether the element holds at most `limit` characters of text (stops reading there)."""
    total = 0
    for count, text in enumerate(element.itertext()):
        total += len(text.strip())
        if total > limit or count > settings.max_small_pieces:
            return False
    return True


def loose_caption(img: Element, stop: Element, parts: list[tuple[Element, str]] | None,
                  settings: Settings) -> tuple[str | None, str | None]:
    """_loose_caption; for a credit alone, the product's name of a shop's card."""
    caption, credit = _loose_caption(img, stop, parts, settings)
    if caption is None and credit is not None:
        caption = card_name(img, stop, parts, settings)
    return caption, credit


def _loose_caption(img: Element, stop: Element, parts: list[tuple[Element, str]] | None,
                   settings: Settings) -> tuple[str | None, str | None]:
    """A caption in no caption-named element: a short text block beside the picture's
    wrapper that repeats the picture's alt text or carries a copyright sign
    ("<a><picture>..</picture></a><div>Old friends. | (c) Getty Images</div>"), or the
    caption a lightbox link shows (data-caption)."""
    node: Element | None = img
    for _ in range(settings.lightbox_levels):
        if node is None:
            break
        value = collapse(node.get("data-caption") or "")
        if value and not value.startswith(("<", "{")):
            caption, credit = split_credit(value)
            named = next((collapse(node.get(a) or "") for a in LIGHTBOX_CREDITS
                          if collapse(node.get(a) or "")), None)
            return caption, clean_credit(named) if named else credit
        node = node.getparent()
    alt = collapse(img.get("alt") or "").casefold()
    holder: Element | None = img
    while holder is not None and (above := holder.getparent()) is not None and above.tag == "source":
        holder = above  # the <source>s the parser nested the <img> in
    for _ in range(settings.figure_levels):
        parent = holder.getparent() if holder is not None else None
        if parent is None or holder is stop:
            break
        assert holder is not None
        text = _next_text_block(holder, settings) or _label_before(holder, settings)
        if text is not None:
            element, value = text
            folded = value.casefold()
            # the block repeats the alt, or the alt is the block and a tail (the site's name)
            if ((len(alt) >= settings.min_alt_caption and folded.startswith(alt))
                    or (len(folded) >= settings.min_alt_caption and alt.startswith(folded))
                    or "©" in value or element.tag == "p" or _labelled(element, value)):
                if parts is not None:
                    parts.append((element, "caption"))
                value = value.replace("|", " ").replace("©", " © ")
                caption, credit = split_credit(value)
                if caption and "©" in caption:
                    caption, _, tail = caption.partition("©")
                    caption, credit = collapse(caption) or None, credit or clean_credit(tail)
                return caption, credit
        if parent is stop:
            break  # lines beside the picture need a wrapper of its own
        lines = _lines_beside(holder, settings)
        if lines:
            if parts is not None:
                parts.extend((line, "caption" if i == 0 else "credit")
                             for i, line in enumerate(lines))
            caption, credit = split_credit(text_without(lines[0], lines[1:]))
            if len(lines) > 1:
                credit = clean_credit(raw_text(lines[1])) or credit
            return caption, credit
        holder = parent
        if collapsed_length(holder):  # (remembered: a wrapper left open holds the page)
            break  # the wrapper holds text of its own: the block beside it is not a caption
    return None, None


def caption_after(img: Element, stop: Element, settings: Settings) -> Element | None:
    """A caption-named element right after the picture's wrapper, outside it (a figure
    whose <figcaption> the template set after the figure's own box)."""
    node = outside_sources(img)
    for _ in range(settings.caption_after_levels):
        if node is None or node is stop:
            return None
        sibling = node.getnext()
        while sibling is not None and (not isinstance(sibling.tag, str) or _blank(sibling)):
            sibling = sibling.getnext()  # an empty box (an overlay, a spacer) is no block
        if sibling is not None:
            if (is_caption(sibling) and not has_descendant(sibling, "img")
                    and is_small(sibling, settings.max_loose_caption, settings)):
                return sibling
            return None  # something else follows the picture: the caption is not after it
        node = node.getparent()
    return None


def _blank(element: Element) -> bool:
    """An empty element: no children, no text (read without walking a large sibling)."""
    return not len(element) and not (element.text or "").strip()


def _lines_beside(holder: Element, settings: Settings) -> list[Element]:
    """A wrapper holding only the picture and, after it, one or two short lines of text
    (caption, then credit) that hold no link or paragraph: a figure in all but name, its
    classes hashed ("<div><picture/><div>Fans cheer</div><div>REUTERS</div></div>")."""
    parent = holder.getparent()
    # (len() of an element counts its children one by one: a wrapper left open may hold
    # the page's thousands; only whether there are more than a few is asked)
    if (parent is None or (parent.text or "").strip()
            or next(islice(parent.iterchildren(), settings.max_beside_children, None),
                    None) is not None):
        return []
    children = [child for child in parent if isinstance(child.tag, str)]
    at = next((i for i, child in enumerate(children) if child is holder), None)
    if at is None or any(collapse(raw_text(child)) for child in children[:at]):
        return []
    lines = [child for child in children[at + 1:] if not _blank(child)]  # an empty credit slot
    if not 1 <= len(lines) <= settings.max_beside_lines or any((child.tail or "").strip()
                                                      for child in children):
        return []
    for line in lines:
        if ((line.tag in LOOSE_CAPTION_NOT and line.tag != "p")
                or not is_small(line, settings.max_loose_caption, settings)
                or any(inner.tag not in INLINE_CAPTION_TAGS for inner in line.iterdescendants()
                       if isinstance(inner.tag, str))
                or not collapse(raw_text(line))):
            return []
    # Paragraphs beside a picture are story text unless a credit closes them: a second
    # line that reads as one, or the line's own last part ("<p>Fans cheer <span>AP</span>").
    paragraphs = any(line.tag == "p" for line in lines)
    if len(lines) == 2:
        last = collapse(raw_text(lines[1]))
        if credit_like(last, settings):
            return lines
        # "<div>Sir Tony Blair at home</div><div>The London Standard</div>" under a
        # picture declared large: a short last line without a full stop is its credit.
        return lines if (not paragraphs and _declared_large(holder, settings)
                         and short_credit_line(last, collapse(raw_text(lines[0])),
                                                settings)) else []
    inner = inner_credit(lines[0], settings)
    if inner is not None:
        return [lines[0], inner]
    caption, labelled = split_credit(raw_text(lines[0]))
    if caption and labelled:
        return lines  # "Crowds at the festival. Photo: Jo Park"
    return lines if not paragraphs and _declared_large(holder, settings) else []


def _declared_large(holder: Element, settings: Settings) -> bool:
    """Whether the picture declares a story picture's width (an icon beside a line of
    text is no captioned picture)."""
    img = holder if holder.tag == "img" else next(holder.iter("img"), None)
    width = ((img.get("width") if img is not None else "") or "").strip().removesuffix("px")
    return width.isdigit() and int(width) >= settings.min_story_width


def _next_text_block(holder: Element, settings: Settings) -> tuple[Element, str] | None:
    """The element right after `holder` when it is a short text block without pictures."""
    sibling = element_sibling(holder, before=False)
    if sibling is not None and sibling.tag == "p":
        # A paragraph is story text unless it ends in a credit: "Crowds at the gate.
        # Photo: Jo Park" under a picture (the story leaves such a line out too).
        if (has_descendant(sibling, "img")
                or not is_small(sibling, settings.max_picture_line, settings)):
            return None
        value = collapse(raw_text(sibling))
        return (sibling, value) if value and (ends_in_credit(value)
                                              or _labelled(sibling, value)
                                              or _set_as_caption(holder, sibling)) else None
    if (sibling is None or sibling.tag in LOOSE_CAPTION_NOT or has_descendant(sibling, "img")
            or not is_small(sibling, settings.max_loose_caption, settings)):
        return None
    value = collapse(raw_text(sibling))
    return (sibling, value) if value else None


EMPHASIS_TAGS = frozenset({"em", "i", "strong", "b"})


def _set_as_caption(holder: Element, line: Element) -> bool:
    """Whether a paragraph under the paragraph holding the picture is set as its caption:
    centred as the picture is, all its text emphasised ("<p style='text-align: center'>
    <img></p><p style='text-align: center'><strong><em>The Lion Nebula.</em></strong>
    </p>", a classic editor's way to caption). A story's paragraph is neither."""
    if holder.tag != "p" or (line.text or "").strip() or not len(line):
        return False
    if any(child.tag not in EMPHASIS_TAGS or (child.tail or "").strip() for child in line):
        return False
    return _centred(holder) and _centred(line)


def _centred(element: Element) -> bool:
    """Whether the element's style or class centres it ("text-align: center", "aligncenter",
    "has-text-align-center")."""
    return "center" in f"{element.get('style') or ''} {element.get('class') or ''}".lower()


def _labelled(block: Element, value: str) -> bool:
    """Whether a block's text opens with a figure's number ("Figure 2: ...", "FIG. 3.") or
    its first inline element is that label alone ("<b>Chart 1</b> Sales by region"; not
    "<b>Figure 2</b> shows ...", the story speaking of it)."""
    if figure_label(value):
        return True
    first = block[0] if len(block) else None
    if first is None or (block.text or "").strip() or first.tag not in INLINE_CAPTION_TAGS:
        return False
    label = collapse(raw_text(first))
    return figure_label(label) and not value[len(label):].lstrip()[:1].islower()


def _label_before(holder: Element, settings: Settings) -> tuple[Element, str] | None:
    """A labelled caption set above its picture ("<p>Figure 2: Sales</p><p><img></p>"),
    unless a picture stands right above it too: the caption then is that one's."""
    sibling = element_sibling(holder, before=True)
    # the size first: a story block before the picture stops it at once
    if (sibling is None or (sibling.tag in LOOSE_CAPTION_NOT and sibling.tag != "p")
            or not is_small(sibling, settings.max_picture_line, settings)):
        return None
    value = collapse(raw_text(sibling))
    if not value or not _labelled(sibling, value) or has_descendant(sibling, "img"):
        return None
    above = element_sibling(sibling, before=True)
    if above is not None and (above.tag == "img" or has_descendant(above, "img")):
        return None
    return sibling, value


def read_figure(figure: Element, img: Element, parts: list[tuple[Element, str]] | None,
                settings: Settings) -> tuple[str | None, str | None]:
    """Caption and credit of a figure. With `parts`, the elements they were read from are
    appended to it as (element, "caption" | "credit"), for explain()."""
    caption_parts: list[str] = []
    credit: str | None = None
    credit_elements: list[Element] = []
    caption_element = next((e for e in figure.iter("figcaption")), None)
    for element in figure.iter():
        if not isinstance(element.tag, str) or element is figure:
            continue
        if credit is None and is_credit(element, caption_element, settings):
            if len(element) == 0 and not (element.text or "").strip():
                # An empty credit-named icon (<i class="fa-copyright">) marks the names
                # that follow it in its parent: "<span><i class=..></i>Jo Park</span>".
                marked = _icon_marked(element, settings)
                if marked is None:
                    continue
                element = marked
            credit = clean_credit(_unlabelled_text(element))
            credit_elements.append(element)
            if parts is not None:
                parts.append((element, "credit"))
    if credit is None:
        credit = attribute_credit((figure, caption_element, img, *ancestors_to_figure(img)),
                                   settings)
    if credit is None and caption_element is not None:
        trailing = trailing_credit(caption_element, settings)
        if trailing is None:
            trailing = leading_credit(caption_element, settings)
        if trailing is not None:
            credit = clean_credit(trailing.tail or "" if trailing.tag == "br"
                                  else raw_text(trailing))
            credit_elements.append(trailing)
            if parts is not None:
                parts.append((trailing, "credit"))
    if credit is None and figure.tag == "figure" and caption_element is not None:
        # Unnamed credit: a short line on the picture itself, beside its <figcaption>.
        overlay = _overlay_line(img, caption_element, settings)
        if overlay is not None:
            credit = clean_credit(raw_text(overlay))
            credit_elements.append(overlay)
            if parts is not None:
                parts.append((overlay, "credit"))
    if credit is None and figure.tag == "figure":
        after = _credit_after(figure, settings)
        if after is not None:
            credit = clean_credit(raw_text(after))
            if parts is not None:
                parts.append((after, "credit"))
    wrapper: Element | None = None
    for element in figure.iter():
        if not isinstance(element.tag, str):
            continue
        if is_caption(element):
            if any(e is element for e in credit_elements) or not raw_text(element).strip():
                continue  # a credit, or an icon
            if _holds_caption(element, credit_elements):
                wrapper = element if wrapper is None else wrapper
                continue  # a wrapper ("credit-caption") of the caption
            # (less a label only screen readers get: "<h2 class='visually-hidden'>
            # Caption</h2>" opening a template's caption field)
            caption_parts.append(_caption_text(element, credit_elements))
            if parts is not None:
                parts.append((element, "caption"))
            for line in _caption_lines_after(element, credit_elements):
                caption_parts.append(_caption_text(line, credit_elements))
                if parts is not None:
                    parts.append((line, "caption"))
            break
    if credit is None and wrapper is not None:
        credit = _loose_credit(wrapper)
    caption = collapse(" ".join(caption_parts)) or None
    if caption and credit_elements and credit_elements[-1].tag == "a":
        caption = LINK_CREDIT_LEAD.sub("", caption).strip() or None  # "... Photo by <a>"
    if caption and credit_elements:
        caption = caption.rstrip(CAPTION_CREDIT_MARKS) or None  # "Fans cheer | <credit>"
    if credit is None:
        credit = title_credit(img, caption, settings)
    if caption and credit and caption == credit:
        caption = None  # the credit printed again where the caption would be
    if caption and credit and caption.endswith(credit) and len(caption) > len(credit):
        # The credit printed at the end of the caption's own text.
        caption = caption[: -len(credit)].strip() or None
    if caption and credit is None:
        caption, credit = split_credit(caption)
    elif caption:
        caption, _ = split_credit(caption)
    return caption, credit


def _caption_text(element: Element, credits: list[Element]) -> str:
    """The caption element's text less its credits and the labels inside it only screen
    readers get (its own class may name such a label's style: "field--label-
    visually_hidden")."""
    hidden = [node for node in element.iterdescendants()
              if isinstance(node.tag, str) and node.get("class")
              and class_tokens(node) & HIDDEN_LABEL_TOKENS]
    return text_without(element, credits + hidden if hidden else credits)


def _unlabelled_text(element: Element) -> str:
    """A credit element's text less a label set in an element of its own before the
    names, without a colon ("<div class='field--credit'><div class='label'>Photo Credit
    </div><div>Jo Park</div></div>"): a label with a colon clean_credit takes off."""
    if len(element) >= 2 and not (element.text or "").strip():
        label = collapse(raw_text(element[0]))
        if label and not (element[0].tail or "").strip() and CREDIT_PREFIX.fullmatch(f"{label}:"):
            return text_without(element, [element[0]])
    return raw_text(element)


def _loose_credit(wrapper: Element) -> str | None:
    """The credit a caption's wrapper sets in its own text, outside the caption inside it:
    "<figcaption><span class="caption">Fans cheer.</span> Photograph: Jo Park</figcaption>"
    (text that does not read as a credit alone stays out, as before)."""
    loose = collapse(" ".join([wrapper.text or "", *(child.tail or "" for child in wrapper)]))
    if not loose:
        return None
    caption, credit = split_credit(loose)
    return credit if caption is None else None


def _caption_lines_after(caption: Element, credits: list[Element]) -> list[Element]:
    """Caption-named elements following the caption beside it, inside its <figcaption>:
    one caption in parts, a headline and its text ("gallery-caption-head",
    "gallery-caption"), not its credit."""
    parent = caption.getparent()
    if parent is None or not any(is_caption(e) for e in (parent, *ancestors_to_figure(parent))):
        return []
    return [sibling for sibling in caption.itersiblings() if isinstance(sibling.tag, str)
            and is_caption(sibling) and not any(sibling is credit for credit in credits)
            and not _holds_caption(sibling, credits) and raw_text(sibling).strip()]


def _credit_after(figure: Element, settings: Settings) -> Element | None:
    """A credit-named line right after the figure: "<figure>..</figure><p
    class="photo-credit">Jo Park/AP</p>" (a byline's names there are the story's)."""
    sibling = element_sibling(figure, before=False)
    if sibling is None or not (role_tokens(sibling) & AFTER_FIGURE_CREDIT or class_credit(sibling)):
        return None
    if has_descendant(sibling, "img") or has_caption(sibling):
        return None
    text = collapse(raw_text(sibling))
    return sibling if 2 <= len(text) <= settings.max_credit else None


def _icon_marked(icon: Element, settings: Settings) -> Element | None:
    """The short line an empty icon opens, when it is no caption: the credit it marks."""
    line = icon.getparent()
    if line is None or line[0] is not icon or (line.text or "").strip() or is_caption(line):
        return None
    text = collapse(raw_text(line))
    return line if 2 <= len(text) <= settings.max_credit else None


def _overlay_line(img: Element, caption: Element, settings: Settings) -> Element | None:
    """The one text element next to the <img> (its wrapper's other child) when it is short
    enough for a credit: "Getty Images" set over the picture."""
    holder = img.getparent()
    if holder is None or holder is caption.getparent():
        return None
    lines = [child for child in holder if child is not img and isinstance(child.tag, str)
             and child.tag not in ("picture", "source", "noscript", "img")]
    if len(lines) != 1 or len(lines[0]):
        return None
    text = collapse(raw_text(lines[0]))
    if not 2 <= len(text) <= settings.max_credit or not any(ch.isalpha() for ch in text):
        return None
    if CAPTION_TAIL.fullmatch(" " + text) or ENLARGE_LABEL.fullmatch(text):
        return None  # the picture's buttons
    return lines[0]


def _holds_caption(element: Element, credits: list[Element]) -> bool:
    """Whether a caption-named element holds another with text: then it is a wrapper
    of the caption, not the caption (an empty one holds an icon: "caption-header")."""
    return any(is_caption(inner) and not any(inner is credit for credit in credits)
               and raw_text(inner).strip()
               for inner in element.iterdescendants() if isinstance(inner.tag, str))


def caption_copies(scope: Element, captions: list[str], settings: Settings) -> list[Element]:
    """Elements of `scope` whose whole text is one of the captions: the printed copy of a
    caption read from an attribute (a lightbox's data-caption)."""
    wanted = {collapse(c) for c in captions if len(c.split()) >= settings.min_copy_words}
    if not wanted:
        return []
    starts: dict[str, list[str]] = {}
    for caption in wanted:
        starts.setdefault(caption[:settings.copy_prefix], []).append(caption)
    out: list[Element] = []
    for element in scope.iter(*COPY_TAGS):
        head = collapse(element.text or "")[:settings.copy_prefix]
        if not head or head not in starts:
            continue
        text = collapse(raw_text(element))
        # the copy may carry the credit after the caption
        if any(text.startswith(c) and len(text) - len(c) <= settings.max_credit for c in starts[head]):
            out.append(element)
    return out


def short_credit_line(text: str, caption: str, settings: Settings) -> bool:
    return (2 <= len(text) <= settings.max_trailing_credit and len(text) < len(caption)
            and text[-1] not in SENTENCE_END and any(ch.isalpha() for ch in text))


def inner_credit(line: Element, settings: Settings) -> Element | None:
    """The credit a caption line ends with, in its own inline element after the caption's
    text ("<p>Fans cheer <span>IMAGO/Jo Park</span></p>")."""
    children = [child for child in line if isinstance(child.tag, str)]
    if not children or not (line.text or "").strip():
        return None
    last = children[-1]
    if len(last) or (last.tail or "").strip() or last.tag not in TRAILING_CREDIT_TAGS:
        return None
    return last if credit_like(collapse(raw_text(last)), settings) else None


MAX_CARD_NAME = 80
"""A product's name on a shop's card is at most this long."""


def card_name(img: Element, stop: Element, parts: list[tuple[Element, str]] | None,
              settings: Settings) -> str | None:
    """The name a product card prints under its credited picture, which links to a shop:
    "<a><img><p>Photograph: Shop</p></a><div><div>Tent 2</div><a>$40 at Shop</a></div>":
    the first line of the block after the link, short, not a sentence, with nothing else
    in the block but links (its offers)."""
    link: Element | None = outside_sources(img)
    for _ in range(settings.link_levels):
        if link is None or link is stop or link.tag == "a":
            break
        link = link.getparent()
    if link is None or link.tag != "a" or link is stop:
        return None
    block = element_sibling(link, before=False)
    if (block is None or has_descendant(block, "img") or not len(block)
            or not is_small(block, settings.max_loose_caption, settings)):
        return None
    line = next((e for e in block.iter() if isinstance(e.tag, str) and (e.text or "").strip()), None)
    if line is None or line.tag == "a" or len(line) or any(a.tag == "a" for a in line.iterancestors("a")):
        return None
    name = collapse(line.text or "")
    rest = element_text_length(block) - element_text_length(line)
    if (not name or len(name) > MAX_CARD_NAME or name[-1] in SENTENCE_END
            or rest <= 0 or link_text_length(block) < rest):
        return None
    if parts is not None:
        parts.append((line, "caption"))
    return name


def credit_alone(text: str, settings: Settings) -> bool:
    """A line that is a credit and nothing else, opened by its label ("Foto: MDR/Jo
    Park", "Image credit: example.com"): no story sentence reads so."""
    if len(text) > settings.max_credit_line or CREDIT_LINE_LABEL.match(text) is None:
        return False
    caption, _ = split_credit(text)
    return caption is None and ends_in_credit(text)
