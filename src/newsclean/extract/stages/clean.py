"""Cleaning: drop what is never content, complete streamed HTML, apply the rule's strips."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import cast

import lxml.html
from lxml import etree

from ...decoding.charset import decode_html
from ...decoding.tree import set_tail
from ...rules import SiteRule
from ...rules.selectors import select
from ..context import Context, Element, HTMLInput
from ..metadata import UNJOINED, WEB_SCHEMES, absolute, split_url
from ..patterns import (
    CONSENT_VENDORS,
    CONTROL_TAGS,
    DIALOG_ROLES,
    DROP_TAGS,
    HIDDEN_STYLE,
    LAZY_SOURCES,
    LOADING_LINE,
    PHRASING_TAGS,
    REMOVED_LAYOUT,
    SRCSET_SUFFIX,
)
from ..picture_urls import image_url, srcset_candidates
from ..text import collapse, collapsed_length, has_descendant, raw_text, remove, unwrap, within

__all__ = ["apply_replacements", "clean", "complete_streamed_boundaries", "inline_srcdoc", "rebase_links",
           "remove_consent", "remove_layout", "use_noscript_pictures"]

MAX_NOSCRIPT_NEIGHBOURS = 16
"""Elements of a wrapper beside a <noscript> read while looking for the lazy picture it
stands for: a larger wrapper holds more than one picture."""


def apply_replacements(html: HTMLInput, rule: SiteRule | None) -> HTMLInput:
    """The rule's text replacements, done on the markup before it is parsed."""
    if rule is None or not rule.replace:
        return html
    if isinstance(html, bytes):
        html, _ = decode_html(html, None)
    if isinstance(html, str):
        for find, replacement in rule.replace:
            html = html.replace(find, replacement)
    return html


SWALLOWING_TAGS = ("header", "nav", "menu")
"""Site chrome that an unclosed tag in it can stretch over the rest of the page."""
SWALLOWED_TAGS = {"header": ("main", "article"), "nav": ("main",), "menu": ("main", "article")}
"""What such chrome never holds of its own: the page's <main>, or an <article> (a <nav>
may hold story cards set as <article>s: only <main> tells there)."""


def _unname_swallowing(chrome: list[Element]) -> None:
    """A header, nav or menu holding the page's <main> (or a header or menu holding an
    <article>) is broken markup that swallowed the page ("<li>" left open in a menu): it
    becomes a plain <div>, so the story, its related lists and its next / previous links
    are not taken for the site's menus."""
    for element in chrome:
        if any(has_descendant(element, tag) for tag in SWALLOWED_TAGS[str(element.tag)]):
            element.tag = "div"


_BEFORE_DROP = ("template", "iframe", "label", "br", *SWALLOWING_TAGS)
"""What the clean-up's steps before the dropped tags go look for, found in one walk: a
walk costs much the same whatever tags it looks for (most of it is stepping over every
node), and a walk per step made three. One walk after the drop finds the controls."""


def _space_breaks(breaks: list[Element]) -> None:
    """A space after each line break: the text on either side is two lines, and read
    whole (a title's, a caption's, a card's) it ran together ("the Legacy<br>of" read
    "Legacyof")."""
    for br in breaks:
        tail = br.tail
        if not tail or not tail[0].isspace():
            set_tail(br, " " + (tail or ""))


BREAK_PARAGRAPH_PARENTS = frozenset({"body", "div", "section", "article", "main", "td", "p",
                                     "blockquote", "center"})
"""Where two line breaks in a row end a paragraph: text blocks, not a caption, a link or a
heading; nor inline markup (INLINE_BREAK_PARENTS) but in such a block other than a <p>,
where a paragraph made would sit inside another."""
INLINE_BREAK_PARENTS = frozenset({"font", "span"})


def _double_break(br: Element) -> bool:
    """A <br> followed by another, with only white space between them."""
    after = br.getnext()
    return (after is not None and after.tag == "br"
            and (not br.tail or br.tail.isspace()))


def _gathered(element: Element) -> bool:
    """Whether a paragraph opened at a double break takes in this element after it: inline
    content (a comment too), but not the next double break, nor inline markup holding a
    break or a paragraph of its own (markup left open, where each holds the rest of the
    page, would nest the paragraphs)."""
    tag = element.tag
    if not isinstance(tag, str):
        return True
    if tag == "br":
        return not _double_break(element)
    return tag in PHRASING_TAGS and next(element.iterdescendants("br", "p"), None) is None


def _in_text_block(inline: Element, known: dict[Element, bool]) -> bool:
    """Whether the nearest block above inline markup is one where breaks part paragraphs,
    other than a <p>. Each inline element climbed through keeps the answer in `known`
    (inline markup left open nests the rest of the page)."""
    climbed = [inline]
    node = inline.getparent()
    while node is not None and node.tag in PHRASING_TAGS and node not in known:
        climbed.append(node)
        node = node.getparent()
    if node is not None and node in known:
        answer = known[node]
    else:
        answer = node is not None and node.tag != "p" and node.tag in BREAK_PARAGRAPH_PARENTS
    for element in climbed:
        known[element] = answer
    return answer


def _paragraphs_at_double_breaks(breaks: list[Element]) -> None:
    """Text set as paragraphs parted by <br><br> (a page without <p>s, a post written in
    a text box) becomes <p>s: each double break opens one, which holds the inline content
    after it up to the next double break or block. The text before the first stays the
    parent's own; a <p> parent becomes a <div> (a <p> holds no <p>)."""
    known: dict[Element, bool] = {}
    for br in breaks:
        parent = br.getparent()
        if parent is None or not _double_break(br) or not (
                parent.tag in BREAK_PARAGRAPH_PARENTS
                or (parent.tag in INLINE_BREAK_PARENTS and _in_text_block(parent, known))):
            continue
        after = br.getnext()
        while after is not None and _double_break(br):
            # the run of breaks goes, the last one's text stays
            set_tail(br, after.tail)
            after.tail = None
            parent.remove(after)
            after = br.getnext()
        paragraph = etree.Element("p")
        paragraph.text, br.tail = br.tail, None
        if br.sourceline:
            paragraph.sourceline = br.sourceline  # where the story starts, for confidence
        br.addnext(paragraph)
        parent.remove(br)
        following = paragraph.getnext()
        while following is not None and _gathered(following):
            paragraph.append(following)  # with its tail
            following = paragraph.getnext()
        if parent.tag == "p":
            parent.tag = "div"


REBASED_ATTRIBUTES = frozenset({"href", "src", "poster", *LAZY_SOURCES})
"""Attributes holding one address, which a page's <base href> resolves."""
NOT_REBASED = ("#", "javascript:", "mailto:", "tel:", "data:")
"""Values no base resolves: a place in the page itself, a script, a mail, inline data."""
ABSOLUTE_OR_NOT_REBASED = (*WEB_SCHEMES, *NOT_REBASED)


def rebase_links(root: Element, url: str | None) -> str | None:
    """Resolve the page's relative addresses against its <base href> where that differs
    from the page's own address (government sites' builders write every address from
    the site's root: "assets/images/a.jpg" on "/press/story"), and return the address
    they are read against. Done to the tree, once: every stage reads addresses against
    the page's address."""
    head = root.find("head")
    element = head.find("base") if head is not None else None
    href = (element.get("href") or "").strip() if element is not None else ""
    if not url or not href:
        return url
    base = absolute(href, url)
    if not base.startswith(WEB_SCHEMES) or base == url:
        return url
    join = _joiner(base)
    for node in root.iter(etree.Element):
        # (one call per element: most hold no address; lxml gives str for str input)
        for name, value in cast(list[tuple[str, str]], node.items()):
            if name in REBASED_ATTRIBUTES:
                if value and not value.startswith(ABSOLUTE_OR_NOT_REBASED):
                    node.set(name, join(value))
            elif name.endswith(SRCSET_SUFFIX) and value:
                node.set(name, ", ".join(
                    f"{join(candidate)} {descriptor.strip()}".rstrip()
                    for candidate, descriptor in srcset_candidates(value)))
    return base


def _joiner(base: str) -> Callable[[str], str]:
    """`absolute(value, base)`, spelt out for the two forms most relative addresses take
    ("/path", "path"): urljoin's parse of each was most of the rebase's time. Any other
    form ("../a", "?q", "./a", a scheme of its own) takes urljoin's way. (An attribute's
    value joined to another's holds no character the tree refuses.)"""
    parts = split_url(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    path = parts.path or "/"
    folder = origin + path[:path.rfind("/") + 1]
    # (urljoin also folds "//" in the base's path, and dot segments, an empty query
    # and an empty fragment in the value: those take its way)
    plain_base = "//" not in path

    def join(value: str) -> str:
        value = value.strip()
        if (not plain_base or "./" in value or value.endswith(("#", "?"))
                or any(character in value for character in UNJOINED)):
            return absolute(value, base)
        if value.startswith("/") and not value.startswith("//"):
            return origin + value
        if value[:1].isalnum() and ":" not in value.partition("/")[0]:
            return folder + value
        return absolute(value, base)
    return join


def clean(ctx: Context) -> None:
    root = ctx.root
    base = rebase_links(root, ctx.url)
    found = list(root.iter(*_BEFORE_DROP))
    templates = [e for e in found if e.tag == "template"]
    streamed = complete_streamed_boundaries(root, templates)
    if open_shadow_roots(templates) or streamed:
        found = list(root.iter(*_BEFORE_DROP))
    if inline_srcdoc(root, [e for e in found if e.tag == "iframe"]):
        found = list(root.iter(*_BEFORE_DROP))  # the frames' documents hold labels too
    # Before the inputs go: a label beside one names a form's field.
    free_labels = _free_labels([e for e in found if e.tag == "label"])
    breaks = [e for e in found if e.tag == "br"]
    _space_breaks(breaks)
    _paragraphs_at_double_breaks(breaks)
    _unname_swallowing([e for e in found if e.tag in SWALLOWING_TAGS])
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    controls = list(root.iter(*CONTROL_TAGS))
    # (Moving a picture out of its <noscript> moves no control: the list stays true.)
    use_noscript_pictures(root, base, [e for e in controls if e.tag == "noscript"])
    unclosed = []
    for element in controls:
        if element in free_labels:
            continue
        if (len(raw_text(element)) > ctx.settings.max_control_text
                or has_descendant(element, "figure") or _figure_button(element)):
            # broken markup that swallowed the page, or a lightbox button around a figure
            # or around the picture of one
            unclosed.append(element)
        elif element.getparent() is not None:
            remove(element)
    for element in unclosed:
        unwrap(element)
    remove_consent(ctx)
    if ctx.rule:
        for selector in ctx.rule.strip:
            for element in select(ctx.body, selector):
                ctx.note(element, "boilerplate", f"strip {selector}", ctx.rule_source)
                remove(element)


def open_shadow_roots(templates: list[Element]) -> bool:
    """A declarative shadow root (`<template shadowrootmode="open">`) is shown in its
    host, as the browser does, unlike any other <template>, which is inert: its content
    takes the template's place, before the host's own children (those a <slot> shows).
    Whether any was opened."""
    opened = False
    for template in templates:
        if (template.get("shadowrootmode") is not None or template.get("shadowroot") is not None
                ) and template.getparent() is not None:
            unwrap(template)
            opened = True
    return opened


MAX_SRCDOC = 2_000_000
"""Characters of an <iframe srcdoc> document read into the page; a longer one stays out."""


def inline_srcdoc(root: Element, frames: list[Element] | None = None) -> bool:
    """Put the document an <iframe srcdoc> carries in the frame's place: the browser shows
    it there, and a page may hold its whole story that way. One level: a frame inside the
    inlined document stays a frame (and goes with the other frames). `frames`: the page's
    <iframe>s when already found. Whether any frame was replaced."""
    # The page's frames are few: read from a walk in C, several times cheaper than an
    # XPath's step over every node.
    if frames is None:
        frames = list(root.iter("iframe"))
    changed = False
    for frame in [frame for frame in frames if frame.get("srcdoc") is not None]:
        source = frame.get("srcdoc") or ""
        parent = frame.getparent()
        if not source.strip() or len(source) > MAX_SRCDOC or parent is None:
            continue
        try:
            document = lxml.html.document_fromstring(source)
        except (etree.ParserError, ValueError):
            continue  # no markup in it: nothing to show
        body = document.find("body")
        holder = etree.Element("div")
        holder.extend(list(body if body is not None else document))
        set_tail(holder, frame.tail)
        parent.replace(frame, holder)
        changed = True
    return changed


_FIELD_TAGS = ("input", "select", "textarea", "button")
"""Form fields a <label> may name."""


_TITLED_TAGS = frozenset({"a", "h2", "h3", "h4", "h5", "h6"})
"""What a card's label sits before: its link, or the heading holding it."""


def _free_labels(labels: list[Element]) -> set[Element]:
    """The labels that name a card rather than a form field ("Related" before a
    headline's link): no `for`, no field inside or beside them, no <form> around them,
    and the next element a link or a heading with one. A label beside an icon is a
    widget's."""
    free: set[Element] = set()
    for label in labels:
        if label.get("for") is not None or next(label.iter(*_FIELD_TAGS), None) is not None:
            continue
        parent = label.getparent()
        following = _card_title_after(label)
        if (parent is None or following is None
                or any(sibling.tag in _FIELD_TAGS for sibling in parent)):
            continue
        linked = following if following.tag == "a" else following.find(".//a")
        if (linked is not None and linked.get("href")
                and next(label.iterancestors("form"), None) is None):
            free.add(label)
    return free


def _card_title_after(label: Element) -> Element | None:
    """The link or heading right after the label, looked for through a wrapper that holds
    the label alone ("<span><label>Related</label></span>") and a wrapper that opens with
    the title ("<div><h5><a>…</a></h5><p>…</p></div>")."""
    node = label
    for _ in range(_LABEL_WRAPPERS):
        parent = node.getparent()
        if node.getnext() is not None or parent is None or len(parent) != 1:
            break
        if (parent.text or "").strip() or (node.tail or "").strip():
            break  # the wrapper says more than the label
        node = parent
    following = node.getnext()
    for _ in range(_LABEL_WRAPPERS + 1):
        if following is None or following.tag in _TITLED_TAGS:
            return following
        if (following.text or "").strip() or not len(following):
            return None
        following = following[0]
    return None


_LABEL_WRAPPERS = 1
"""How many wrappers around a card's label, and around its title, the look may pass."""


def _figure_button(element: Element) -> bool:
    """A button inside a <figure> holding its picture (one that enlarges it)."""
    return (element.tag == "button" and has_descendant(element, "img")
            and next(element.iterancestors("figure"), None) is not None)


def use_noscript_pictures(root: Element, base: str | None,
                          noscripts: list[Element] | None = None) -> None:
    """A lazy picture whose address only a script fills keeps, in the <noscript> beside it,
    the <img> shown without scripts: that one takes its place (the <noscript> goes with
    the other controls, so a picture with an address of its own is not doubled).
    `noscripts`: the page's <noscript>s when already found."""
    for noscript in list(root.iter("noscript")) if noscripts is None else noscripts:
        img = next(noscript.iter("img"), None)
        if img is None:
            continue
        # Its <picture> comes along: the <source>s hold its larger candidates.
        shown = next(img.iterancestors("picture"), img)
        if not within(shown, noscript):
            shown = img
        # The neighbour first: most <noscript> pictures (tracking pixels) have no lazy
        # one beside them, and finding none costs a tenth of reading a picture's URL.
        lazy = _lazy_beside(noscript)
        if lazy is None:
            if _figure_without_picture(noscript) and image_url(img, base) is not None:
                # The script draws the picture from the figure's data alone: without
                # scripts the <noscript>'s is the figure's picture, its caption's.
                set_tail(shown, noscript.tail)
                cast(Element, noscript.getparent()).replace(noscript, shown)
            continue
        if image_url(img, base) is None or (image_url(lazy, base) is not None
                                              and not HIDDEN_STYLE.search(lazy.get("style") or "")):
            continue  # (a hidden one is shown by a script only: Cloudflare's Mirage)
        holder = lazy.getparent()
        if holder is None:
            continue
        set_tail(shown, lazy.tail)
        holder.replace(lazy, shown)


def _figure_without_picture(noscript: Element) -> bool:
    """Whether the <noscript> is in a <figure> that shows no picture outside it (no <img>,
    no <source> a script fills)."""
    figure = next(noscript.iterancestors("figure"), None)
    return figure is not None and all(within(node, noscript)
                                      for node in figure.iter("img", "source"))


def _lazy_beside(noscript: Element) -> Element | None:
    """The one <img> right before or after the <noscript> (itself or in a small wrapper),
    or the one other <img> of a small parent."""
    for sibling in (noscript.getprevious(), noscript.getnext()):
        if sibling is not None and isinstance(sibling.tag, str):
            found = _only_img(sibling, None)
            if found is not None:
                return found
    parent = noscript.getparent()
    return _only_img(parent, noscript) if parent is not None else None


def _only_img(element: Element, without: Element | None) -> Element | None:
    """The only <img> of a small element, outside `without` (None if it is large)."""
    nodes = list(itertools.islice(element.iter(), MAX_NOSCRIPT_NEIGHBOURS))
    if len(nodes) == MAX_NOSCRIPT_NEIGHBOURS:
        return None  # a wrapper of more than one picture's parts
    found = [node for node in nodes if node.tag == "img"
             and (without is None or not within(node, without))]
    return found[0] if len(found) == 1 else None


CONSENT_DEPTH = 2
"""Consent platforms add their dialog at the end of <body>, as a child or grandchild:
looking no deeper keeps the search to a few dozen elements."""


_CONSENT_VENDOR = re.compile("|".join(map(re.escape, CONSENT_VENDORS)))
"""Any of CONSENT_VENDORS in a class or id: one search, not one look per vendor."""


def remove_consent(ctx: Context) -> None:
    """Consent dialogs, unless one holds the headline (a name left on a page wrapper)."""
    level: list[Element] = [ctx.body]
    for _ in range(CONSENT_DEPTH):
        level = [child for parent in level for child in parent if isinstance(child.tag, str)]
        for element in level:
            names = f"{element.get('id') or ''} {element.get('class') or ''}".lower()
            if (_CONSENT_VENDOR.search(names)
                    and element.getparent() is not None and not has_descendant(element, "h1")):
                ctx.note(element, "boilerplate", "consent dialog", "engine:consent")
                remove(element)


def remove_layout(ctx: Context) -> None:
    """Menus, asides and footers (unless they hold the headline): after the related stage,
    which reads next/previous links that are often set in a <nav>."""
    body = ctx.body
    for element in list(body.iter(*REMOVED_LAYOUT)):
        if element.getparent() is None:
            continue
        if _holds_page_h1(element) or _figure_footer(element) or _picture_aside(element):
            continue
        ctx.note(element, "boilerplate", f"<{element.tag}> region", "engine:layout")
        # A region inside one removed before it went with it: taking it out of that
        # detached copy again changes nothing read later, and lxml's removal walks the
        # whole region (which, in markup left open, holds the rest of the page).
        if within(element, body):
            remove(element)


def _picture_aside(region: Element) -> bool:
    """An <aside> that is a captioned picture set beside the story's text (politico's
    "story-enhancement"): all its text in <figure>s, each with its picture and caption.
    The pictures stage reads it; a sidebar holds text of its own."""
    if region.tag != "aside":
        return False
    figures = [figure for figure in region.iter("figure")
               if has_descendant(figure, "img") and has_descendant(figure, "figcaption")]
    if not figures:
        return False
    held = sum(collapsed_length(figure) for figure in figures)
    return held > 0 and held >= collapsed_length(region)


def _holds_page_h1(region: Element) -> bool:
    """An <h1> in the region, other than one of a dialog's (the terms of use a footer
    link opens carry their own <h1>, and are not the page's story)."""
    return any(not _in_dialog(h1, region) for h1 in region.iter("h1"))


def _in_dialog(element: Element, region: Element) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.get("aria-modal") == "true" or ancestor.get("role") in DIALOG_ROLES:
            return True
        if ancestor is region:
            return False
    return False


FIGURE_FOOTER_LEVELS = 3
"""A <figure>'s footer may sit in a caption box of the figure this many levels down."""


def _figure_footer(element: Element) -> bool:
    """A <figure>'s own <footer> holds its picture's credit, which the pictures stage reads
    (set in the figure or in its caption box: <figure>..<div><figcaption/><footer>)."""
    return element.tag == "footer" and any(
        above.tag == "figure"
        for above in itertools.islice(element.iterancestors(), FIGURE_FOOTER_LEVELS))


_STREAMED = etree.XPath("descendant-or-self::div[@hidden][starts-with(@id, 'S:')]")
_STREAM_CALL = re.compile(r'\$R([CS])\("([BSP]:[0-9a-z]+)","([BSP]:[0-9a-z]+)"')


def complete_streamed_boundaries(root: Element, templates: list[Element] | None = None
                                 ) -> bool:
    """Do what React's streaming script would: each hidden `<div id="S:n">` sent at the
    end of the page takes the place of its placeholder, a `<template id="P:n">` segment
    or a `<template id="B:n">` boundary with the fallback after it. The pairs are read
    from the $RC/$RS calls, else matched by number. Without this the story sits in
    hidden pieces at the end of <body>, and "Loading..." in its place. `templates`: the
    page's <template>s when already found. Whether the tree may have changed."""
    # Without a <template> no chunk has a place to take: a look for one (a walk in C)
    # is much cheaper than the XPath's.
    if templates is None:
        templates = list(root.iter("template"))
    if not templates:
        return False
    streamed = cast(list[Element], _STREAMED(root))
    if not streamed:
        return False
    places = {t.get("id"): t for t in templates if t.get("id", "")[:2] in ("B:", "P:")}
    target: dict[str, str] = {}
    for script in root.iter("script"):
        for kind, first, second in _STREAM_CALL.findall(script.text or ""):
            if kind == "C":
                target[second] = first  # $RC("B:1", "S:1")
            else:
                target[first] = second  # $RS("S:1", "P:1")
    for chunk in streamed:
        ident = chunk.get("id", "")
        place = None
        for name in (target.get(ident), "P:" + ident[2:], "B:" + ident[2:]):
            place = places.get(name) if name else None
            if place is not None:  # (an element without children is falsy)
                break
        parent = place.getparent() if place is not None else None
        if place is None or parent is None or within(place, chunk):
            continue  # (a placeholder inside its own chunk has no place to give it)
        fallback: list[Element] = []
        after = place.getnext()
        if (place.get("id", "").startswith("B:") and after is not None
                and isinstance(after.tag, str)):
            # The fallback follows the boundary (the parser drops the <!--/$--> that
            # ends it): an empty skeleton or a "Loading..." line.
            text = collapse(raw_text(after))
            if LOADING_LINE.match(text) or not (text or has_descendant(after, "img")):
                fallback.append(after)
        for child in list(chunk):  # (set before the place: an insert at an index walks to it)
            place.addprevious(child)
        for old in [place, *fallback]:
            remove(old)
        remove(chunk)
    return True
