"""Make an annotated page safe to show offline, and mark newsclean's decisions on it.

The page in a report is hostile until proven otherwise. Three layers keep it inert:

1. this module builds a new document from an allow-list: only listed elements and
   attributes are copied (scripts, frames, plug-ins, <base>, <link>, <meta http-equiv>,
   on* handlers and every attribute holding an address stay behind), and CSS is rebuilt
   from its tokens by `css.py` (no url(), image-set(), @import, however escaped). Images
   become a small data: placeholder that keeps their alt text and size; links keep their
   target in `data-nc-href`. Nothing is cut out of the page's own markup, so no removal
   can join two harmless pieces into a live one;
2. the page is shown in `<iframe sandbox="allow-same-origin">`: no allow-scripts, so no
   script of the page could run even if one survived (allow-same-origin only lets the
   report's own script read the frame to pin a clicked block; it grants the frame nothing);
3. both documents carry a Content-Security-Policy that allows no network at all.

Size and time stay bounded: comments, scripts and data: URIs go, attribute values over
`MAX_ATTR` characters are dropped, text runs over `MAX_TEXT` characters and style sheets
past `MAX_STYLE` characters in all are cut with a visible marker. A report is then about
the size of the page, plus the Article's text and a line per decision (a 5 MB page of
nothing but paragraphs gives a report about twice its size).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from ..decoding.tree import xml_safe
from ..extract.explain import NODE_ID, Decision
from .css import sanitise_css, sanitise_style, sanitise_value

__all__ = [
    "MAX_ATTR",
    "MAX_STYLE",
    "MAX_TEXT",
    "PLACEHOLDER_SRC",
    "Offstage",
    "PreparedPage",
    "describe_source",
    "prepare_page",
    "reason_line",
    "sanitise_css",
]

MAX_TEXT = 20_000
"""Longest text run kept; longer ones are cut with a marker."""
MAX_STYLE = 400_000
"""Characters of <style> kept in all (the sheets are rewritten token by token)."""
MAX_ATTR = 4_096
"""Longer attribute values (inline JSON, data: URIs) are dropped."""

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements copied into the shown page (with their allowed attributes). Anything not
# named here is left out and its content kept in its place, except _DROP_WITH_CONTENT.
_ELEMENTS = _words("""
html head body title meta style div span p a abbr address article aside b bdi bdo big
blockquote br caption center cite code col colgroup data dd del details dfn dialog dl dt
em fieldset figcaption figure font footer h1 h2 h3 h4 h5 h6 header hgroup hr i img ins kbd
label legend li main mark menu meter nav nobr ol optgroup option output p picture pre
progress q rp rt ruby s samp section select small strike strong sub summary sup table
tbody td textarea tfoot th thead time tr tt u ul var wbr button input canvas video audio
svg g path rect circle ellipse line polyline polygon text tspan defs symbol use
lineargradient radialgradient stop clippath mask pattern desc marker
math mi mo mn ms mrow msup msub msubsup mfrac msqrt mroot mtext mtable mtr mtd mspace
mover munder munderover semantics
""")
# Left out with everything inside: code, its fallbacks for script-less readers in <head>,
# and inert templates. (<noscript> in the body is shown hidden; see _rebuild.)
_DROP_WITH_CONTENT = frozenset({"script", "template", "xmp", "plaintext", "noembed",
                                "noframes", "annotation-xml", "foreignobject"})
# Embedded documents and plug-ins: a visible box takes the tag's place, so a decision on
# it shows; their content (fallback, or page mis-nested into them by lxml's HTML 4
# parser) is kept after it.
_EMBED = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal",
                    "fencedframe"})
# Elements that cannot hold the CSS tooltip (no ::after on replaced or void elements).
_REPLACED = frozenset({"img", "input", "video", "audio", "canvas", "svg", "br", "hr",
                       "textarea", "select"})
# A custom element (<my-widget>): harmless without script, and the page's CSS names it.
_CUSTOM_ELEMENT = re.compile(r"[a-z][a-z0-9._]*-[a-z0-9._-]*")
_GLOBAL_ATTRS = frozenset({"id", "class", "title", "lang", "dir", "hidden", "role",
                           "translate", "itemprop", "itemscope", "align", "valign", "width",
                           "height", "bgcolor", "nowrap"})
_DATA_OR_ARIA = re.compile(r"(?:data|aria)-[a-z0-9_.-]+")
_ELEMENT_ATTRS: dict[str, frozenset[str]] = {
    "img": frozenset({"alt"}),
    "td": frozenset({"colspan", "rowspan", "headers", "scope", "abbr"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr"}),
    "table": frozenset({"border", "cellpadding", "cellspacing", "summary"}),
    "col": frozenset({"span"}), "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}), "li": frozenset({"value", "type"}),
    "time": frozenset({"datetime"}), "data": frozenset({"value"}),
    "del": frozenset({"datetime"}), "ins": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "meta": frozenset({"name", "property", "content"}),
    "input": frozenset({"type", "value", "placeholder", "checked", "disabled", "readonly",
                        "size", "maxlength"}),
    "button": frozenset({"disabled"}),
    "select": frozenset({"multiple", "size", "disabled"}),
    "option": frozenset({"value", "selected", "disabled", "label"}),
    "optgroup": frozenset({"label", "disabled"}),
    "textarea": frozenset({"rows", "cols", "placeholder", "readonly", "disabled"}),
    "label": frozenset({"for"}),
    "font": frozenset({"color", "size", "face"}),
    "hr": frozenset({"size", "noshade"}),
    "progress": frozenset({"value", "max"}),
    "meter": frozenset({"value", "max", "min", "low", "high", "optimum"}),
}
_SVG_ATTRS = _words("""
viewbox preserveaspectratio x y x1 y1 x2 y2 cx cy r rx ry d points transform fill-opacity
fill-rule stroke-width stroke-linecap stroke-linejoin stroke-dasharray stroke-dashoffset
stroke-opacity stroke-miterlimit opacity offset stop-color stop-opacity gradientunits
gradienttransform fx fy spreadmethod patternunits patterncontentunits patterntransform
clip-rule markerwidth markerheight refx refy orient font-size font-family font-weight
text-anchor dominant-baseline dx dy visibility display color vector-effect maskunits
maskcontentunits clippathunits textlength lengthadjust mathvariant displaystyle
""")
# SVG attributes read as CSS values: each may hold url(...), so each passes the CSS check.
_SVG_CSS_ATTRS = frozenset({"fill", "stroke", "clip-path", "mask", "filter", "cursor",
                            "marker-start", "marker-mid", "marker-end"})
_SVG_ELEMENTS = _words("""
svg g path rect circle ellipse line polyline polygon text tspan defs symbol use
lineargradient radialgradient stop clippath mask pattern desc marker
""")
# The one address kept: <use href="#id">, an element of the same document.
_FRAGMENT_HREF = re.compile(r"#[A-Za-z_][A-Za-z0-9_-]*")
# Characters lxml refuses in text (the parser lets them in from a str).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SCRIPT_URL = re.compile(r"^(?:javascript|vbscript|livescript|data:text/html)", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")

_PLACEHOLDER_WIDTH, _PLACEHOLDER_HEIGHT = 48, 32
_PLACEHOLDER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="32" viewBox="0 0 120 80">'
    '<rect width="120" height="80" fill="#dfe3e8"/>'
    '<path d="M18 64 48 34l18 18 12-10 24 22z" fill="#b3bcc6"/>'
    '<circle cx="88" cy="24" r="8" fill="#b3bcc6"/></svg>'
)
PLACEHOLDER_SRC = "data:image/svg+xml;base64," + base64.b64encode(_PLACEHOLDER_SVG.encode()).decode()
"""Every picture of the page is shown as this small grey box (a data: URI: no request)."""


@dataclass(frozen=True, slots=True)
class Offstage:
    """A decision on an element that is not visible in the shown page."""

    decision: Decision
    where: str
    """E.g. "<meta property=article:published_time> in <head>" or "not in the page"."""


@dataclass(slots=True)
class PreparedPage:
    html: str
    """The safe, marked page, a complete HTML document (empty when there was no page)."""
    shown: set[str] = field(default_factory=set)
    """The `data-nc-id`s of marked elements visible in the page body."""
    offstage: list[Offstage] = field(default_factory=list)
    cut_chars: int = 0
    """Characters removed by the size limits (text, style sheets)."""
    style_chars: int = 0
    """Characters of <style> sheets read so far (all sheets share `MAX_STYLE`)."""


def prepare_page(html: str, decisions: Sequence[Decision], *, csp: str,
                 styles: str) -> PreparedPage:
    """The page made safe, each decided element marked.

    `csp` becomes the first element of <head>, before anything that could load;
    `styles` (the marking CSS) the last, so it wins over the page's own.
    """
    root = _parse(html)
    if root is None:
        return PreparedPage("", offstage=[Offstage(d, "not in the page") for d in decisions])
    page = PreparedPage("")
    root = _rebuild(root, page)
    _mark(root, decisions, page)
    head = _ensure_head(root)
    policy = head.makeelement("meta", {"http-equiv": "Content-Security-Policy", "content": csp})
    head.insert(0, policy)
    style = head.makeelement("style", {"data-nc": "marks"})
    style.text = styles
    head.append(style)
    page.html = "<!DOCTYPE html>\n" + lxml.html.tostring(root, encoding="unicode", method="html")
    return page


def _parse(html: str) -> etree._Element | None:
    if not html or not html.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True,
                                  no_network=True)
    try:
        return lxml.html.document_fromstring(html, parser=parser)
    except ValueError:
        # A str carrying an XML encoding declaration: hand lxml bytes instead.
        try:
            return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
        except (etree.ParserError, ValueError):
            return None
    except etree.ParserError:
        return None


def _ensure_head(root: etree._Element) -> etree._Element:
    head = root.find("head")
    if head is None:
        head = root.makeelement("head", {})
        root.insert(0, head)
    return head


# --- rebuilding ----------------------------------------------------------------------


def _rebuild(source: etree._Element, page: PreparedPage) -> etree._Element:
    """A new document holding only the allowed elements and attributes of `source`.

    Nothing is deleted from the parsed page: each kept element is created anew and given
    only checked attributes, so no removal can join two harmless pieces into a live one.
    Walks with an explicit stack: pages nest deeper than Python recurses.
    """
    root: etree._Element = lxml.html.Element("html")
    for name, value in _attributes(source, "html"):
        root.set(name, value)
    # Work items: (source element, target parent), or (text, target parent) for a tail.
    stack: list[tuple[etree._Element | str, etree._Element]] = [
        (child, root) for child in reversed(list(source))]
    while stack:
        item, parent = stack.pop()
        if isinstance(item, str):
            _append_text(parent, _cut(item, page))
            continue
        if item.tail:
            stack.append((item.tail, parent))
        container = _copy(item, parent, page)
        if container is not None:
            stack.extend((child, container) for child in reversed(list(item)))
    return root


def _copy(element: etree._Element, parent: etree._Element,
          page: PreparedPage) -> etree._Element | None:
    """Put what `element` becomes into `parent`; return where its children go, if kept."""
    if not isinstance(element.tag, str):
        return None  # comments, entities, processing instructions
    tag = element.tag.rsplit("}", 1)[-1].lower()
    if tag in _DROP_WITH_CONTENT or (tag == "noscript" and _in_head(element)):
        return None
    if tag == "style":
        _add_style(element, parent, page)
        return None
    if tag in _EMBED:
        _add_embed(element, parent, tag)
        return parent
    if tag == "noscript":
        # The frame runs no script, so a browser would show <noscript>; the page's
        # readers with scripts on never saw it.
        copy = _element(parent, "div", [*_attributes(element, "div"), ("hidden", ""),
                                        ("data-nc-was", "noscript")])
    elif tag == "input" and (element.get("type") or "").strip().lower() == "image":
        copy = _element(parent, "img", _attributes(element, "img"))
        _set_picture(copy, element)
    elif tag in _ELEMENTS or _CUSTOM_ELEMENT.fullmatch(tag):
        if tag == "meta" and element.get("http-equiv") is not None:
            return None
        copy = _element(parent, tag, _attributes(element, tag))
        if tag == "img":
            _set_picture(copy, element)
        elif tag in ("a", "area"):
            url = _first_url(element)
            if url:
                copy.set("data-nc-href", url)
    else:
        _append_text(parent, _cut(element.text, page))
        return parent  # an element not allowed: its content stays, in its place
    copy.text = _cut(element.text, page)
    return copy


def _element(parent: etree._Element, tag: str,
             attributes: Iterable[tuple[str, str]]) -> etree._Element:
    child: etree._Element = etree.SubElement(parent, tag)
    for name, value in attributes:
        child.set(name, value)
    return child


def _attributes(element: etree._Element, tag: str) -> list[tuple[str, str]]:
    """The attributes of `element` that a `tag` in the shown page may carry, made safe."""
    allowed = _ELEMENT_ATTRS.get(tag, frozenset())
    svg = tag in _SVG_ELEMENTS
    kept: list[tuple[str, str]] = []
    for raw_name, raw_value in element.attrib.items():
        name, value = str(raw_name).lower(), _xml_safe(str(raw_value))
        if name == "style":
            style = sanitise_style(value[:MAX_ATTR])
            if style:
                kept.append((name, style))
            continue
        if len(value) > MAX_ATTR:
            continue
        if name == "class":
            # The page may not fake our marks.
            kept.append((name, " ".join(c for c in value.split() if not c.startswith("nc-"))))
        elif name in _GLOBAL_ATTRS or name in allowed or (svg and name in _SVG_ATTRS):
            kept.append((name, value))
        elif _DATA_OR_ARIA.fullmatch(name):
            if not name.startswith("data-nc-") or name == NODE_ID:
                kept.append((name, value))
        elif svg and name in _SVG_CSS_ATTRS:
            checked = sanitise_value(value)
            if checked is not None:
                kept.append((name, checked))
        elif (tag == "use" and name in ("href", "xlink:href")
              and _FRAGMENT_HREF.fullmatch(value.strip())):
            kept.append(("href", value.strip()))
    return kept


def _set_picture(copy: etree._Element, element: etree._Element) -> None:
    copy.set("src", PLACEHOLDER_SRC)
    copy.set("data-nc-placeholder", "")
    url = _first_url(element)
    if url:
        copy.set("data-nc-src", url)


def _first_url(element: etree._Element) -> str | None:
    """The element's address (src or href), kept as text for the reader."""
    for raw_name, raw_value in element.attrib.items():
        local = str(raw_name).rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()
        value = _xml_safe(str(raw_value))
        if local in ("src", "href") and not _is_script_url(value) and len(value) <= MAX_ATTR:
            return value
    return None


def _add_style(element: etree._Element, parent: etree._Element, page: PreparedPage) -> None:
    css = _xml_safe("".join(str(text) for text in element.itertext()))
    cut = ""
    room = max(0, MAX_STYLE - page.style_chars)
    if len(css) > room:
        page.cut_chars += len(css) - room
        css, cut = css[:room], "\n/* newsclean: style sheet cut */"
    page.style_chars += len(css)
    sheet = sanitise_css(css) + cut
    if sheet:
        _element(parent, "style", []).text = sheet


def _add_embed(element: etree._Element, parent: etree._Element, tag: str) -> None:
    source = _xml_safe(element.get("src") or element.get("data") or "")
    attrs = [("class", "nc-embed"), ("data-nc-was", tag)]
    if element.get(NODE_ID) is not None:
        attrs.append((NODE_ID, _xml_safe(element.get(NODE_ID, ""))))
    shown = source[:200] if source and not _is_script_url(source) else ""
    box = _element(parent, "div", attrs)
    box.text = f"[{tag} removed" + (f": {shown}" if shown else "") + "]"


def _append_text(parent: etree._Element, text: str | None) -> None:
    if not text:
        return
    try:
        last = parent[-1]  # lxml finds the last child directly; len() counts them all
    except IndexError:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _in_head(element: etree._Element) -> bool:
    return any(ancestor.tag == "head" for ancestor in element.iterancestors())


def _cut(text: str | None, page: PreparedPage) -> str | None:
    if text is None:
        return None
    text = _xml_safe(text)
    if len(text) <= MAX_TEXT:
        return text
    page.cut_chars += len(text) - MAX_TEXT
    return f"{text[:MAX_TEXT]} [… {len(text) - MAX_TEXT:,} characters cut by newsclean]"


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _is_script_url(value: str) -> bool:
    return bool(_SCRIPT_URL.match(_INVISIBLE.sub("", value)))


# --- marking -----------------------------------------------------------------------


def describe_source(source: str) -> str:
    kind, _, name = source.partition(":")
    if kind == "rule":
        return f"site rule {name}"
    if kind == "engine":
        return f"engine signal {name}"
    return source


def reason_line(decision: Decision) -> str:
    """One decision as the tooltip and the panel print it."""
    score = f" (score {decision.score:.3g})" if decision.score is not None else ""
    return f"{decision.role} · {describe_source(decision.source)}{score}: {decision.reason}"


def _mark(root: etree._Element, decisions: Sequence[Decision], page: PreparedPage) -> None:
    by_node: dict[str, list[Decision]] = {}
    for decision in decisions:
        by_node.setdefault(decision.node, []).append(decision)
    elements = {e.get(NODE_ID): e for e in root.iter() if isinstance(e.tag, str)
                and e.get(NODE_ID) is not None}
    for node, node_decisions in by_node.items():
        element = elements.get(node)
        if element is None:
            page.offstage.extend(Offstage(d, "not in the page (removed as unsafe)")
                                 for d in node_decisions)
            continue
        roles = _unique(d.role for d in node_decisions)
        classes = (element.get("class") or "").split() + ["nc-mark"] + [f"nc-r-{r}" for r in roles]
        element.set("class", " ".join(classes))
        element.set("data-nc-roles", " ".join(roles))
        # A reason may quote the page's text, which may hold what lxml refuses in an
        # attribute (a "&#xFFFF;" caption).
        reasons = xml_safe("\n".join(reason_line(d) for d in node_decisions))
        element.set("data-nc-reason", reasons)
        if element.tag in _REPLACED:
            element.set("title", reasons)  # no ::after tooltip on these: the browser's own
        where = _hidden_where(element)
        if where:
            page.offstage.extend(Offstage(d, f"{_label(element)} {where}") for d in node_decisions)
        else:
            page.shown.add(node)


def _hidden_where(element: etree._Element) -> str | None:
    for ancestor in element.iterancestors():
        if ancestor.tag == "head":
            return "in <head>"
        if ancestor.get("data-nc-was") == "noscript":
            return "inside <noscript>"
    if element.tag in ("head", "title", "meta"):
        return "in <head>"
    return None


def _label(element: etree._Element) -> str:
    keys = [f"{k}={element.get(k)}" for k in ("name", "property", "itemprop", "id")
            if element.get(k)]
    return "<" + " ".join([str(element.tag), *keys]) + ">"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
