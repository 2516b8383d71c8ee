"""Make an annotated page safe to show offline, and mark newsclean's decisions on it.

The page in a report is hostile until proven otherwise. Three layers keep it inert:

1. this module removes everything that runs or loads: scripts, frames, plug-ins, <base>,
   <link>, <meta http-equiv>, every on* handler and javascript: URL, and every attribute
   that would fetch something (src, srcset, href, poster, background, action, ...); CSS
   loses its url(...), image-set(...) and @import. Images become a data: placeholder that
   keeps their alt text and size; links keep their target in `data-nc-href`;
2. the page is shown in `<iframe sandbox="allow-same-origin">`: no allow-scripts, so no
   script of the page could run even if one survived (allow-same-origin only lets the
   report's own script read the frame to pin a clicked block; it grants the frame nothing);
3. both documents carry a Content-Security-Policy that allows no network at all.

Size stays bounded: comments, scripts and data: URIs go, attribute values over
`MAX_ATTR` characters are dropped, text runs over `MAX_TEXT` characters and style sheets
over `MAX_STYLE` are cut with a visible marker. A report is then about the size of the
page, plus the Article's text and a line per decision (a 5 MB page of nothing but
paragraphs gives a report about twice its size).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from ..extract.explain import NODE_ID, Decision

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
"""Longest <style> sheet kept."""
MAX_ATTR = 4_096
"""Longer attribute values (inline JSON, data: URIs) are dropped."""

# Removed: they load, redirect, change how URLs resolve, or animate an address in.
# Only the tag goes; lxml's parser (HTML 4) treats some of them, like <embed>, as
# containers and nests the rest of the page inside, so their content is kept.
_DROP = frozenset({"base", "link", "param", "set", "animate", "animatemotion",
                   "animatetransform", "animatecolor"})
# Embedded documents and plug-ins: the tag becomes a visible box, so a decision on it
# shows; their content (fallback, or page mis-nested into them) is kept as for _DROP.
_EMBED = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal",
                    "fencedframe"})
# Elements that cannot hold the CSS tooltip (no ::after on replaced or void elements).
_REPLACED = frozenset({"img", "input", "video", "audio", "canvas", "svg", "br", "hr",
                       "textarea", "select"})
# Attributes (by local name) removed: most make the browser fetch or navigate somewhere.
_DROP_ATTRS = frozenset({
    "src", "srcset", "imagesrcset", "href", "action", "formaction", "poster", "background",
    "data", "lowsrc", "dynsrc", "ping", "manifest", "codebase", "archive", "classid",
    "longdesc", "profile", "srcdoc", "attributionsrc", "base", "http-equiv",
    "autofocus",  # not a load, but it would take the focus from the report
})
# Characters lxml refuses in text (the parser lets them in from a str).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SCRIPT_URL = re.compile(r"^(?:javascript|vbscript|livescript|data:text/html)", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")

# Functions that fetch: "url(" spelt plainly or with CSS escapes (\75 = u, \72 = r,
# \6c = l), and image-set(), which takes bare strings as addresses.
_CSS_FETCH = re.compile(
    r"(?:(?:u|\\0{0,4}75\s?|\\u)(?:r|\\0{0,4}72\s?|\\r)(?:l|\\0{0,4}6c\s?|\\l)"
    r"|(?:-webkit-)?image-set)\s*\(", re.I)
_CSS_IMPORT = re.compile(r"@import\b[^;{}]*;?", re.I)
_CSS_OTHER = re.compile(r"expression\s*\(|-moz-binding|behavior\s*:", re.I)

_PLACEHOLDER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80" '
    'preserveAspectRatio="none"><rect width="120" height="80" fill="#dfe3e8"/>'
    '<path d="M18 64 48 34l18 18 12-10 24 22z" fill="#b3bcc6"/>'
    '<circle cx="88" cy="24" r="8" fill="#b3bcc6"/></svg>'
)
PLACEHOLDER_SRC = "data:image/svg+xml;base64," + base64.b64encode(_PLACEHOLDER_SVG.encode()).decode()
"""Every picture of the page is shown as this grey box (a data: URI: no request)."""


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


def sanitise_css(css: str) -> str:
    """`css` with every construct that could load a resource made inert."""
    css = _CSS_IMPORT.sub("", css)
    css = _CSS_OTHER.sub("nc-removed", css)
    out: list[str] = []
    pos = 0
    for match in _CSS_FETCH.finditer(css):
        if match.start() < pos:
            continue
        out.append(css[pos:match.start()])
        out.append("none")
        pos = _skip_to_paren(css, match.end())
    out.append(css[pos:])
    return "".join(out)


def _skip_to_paren(css: str, index: int) -> int:
    """The index just after the ")" closing a function opened just before `index`."""
    quote_char = ""
    depth = 1
    while index < len(css):
        char = css[index]
        if char == "\\":
            index += 2
            continue
        if quote_char:
            if char == quote_char:
                quote_char = ""
        elif char in "\"'":
            quote_char = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return index


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
    _clean(root, page)
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


# --- cleaning ----------------------------------------------------------------------


def _clean(root: etree._Element, page: PreparedPage) -> None:
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            _remove(element)  # entities and anything else the parser kept
            continue
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag == "script" or (tag == "noscript" and _in_head(element)):
            # A <noscript> in <head> only holds links and styles for script-less readers.
            _remove(element)
        elif tag in _DROP or (tag == "meta" and element.get("http-equiv") is not None):
            _unwrap(element)
        elif tag in _EMBED:
            _replace_embed(element, tag)
        else:
            _clean_element(element, tag, page)


def _clean_element(element: etree._Element, tag: str, page: PreparedPage) -> None:
    original_url: str | None = None
    for raw_name, raw_value in list(element.attrib.items()):
        name, value = str(raw_name), str(raw_value)
        local = name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()
        lowered = name.lower()
        if local in ("src", "href") and original_url is None and not _is_script_url(value):
            original_url = value
        if (local in _DROP_ATTRS or lowered.startswith("on") or _is_script_url(value)
                or (len(value) > MAX_ATTR and lowered != "style")
                or (lowered.startswith("data-nc-") and lowered != NODE_ID)):
            del element.attrib[name]
        elif lowered == "style":
            element.set(name, _xml_safe(sanitise_css(value[:MAX_ATTR])))
        elif lowered == "class":
            # The page may not fake our marks.
            element.set(name, " ".join(c for c in value.split() if not c.startswith("nc-")))
    if tag == "img" or (tag == "input" and (element.get("type") or "").lower() == "image"):
        element.set("src", PLACEHOLDER_SRC)
        if original_url:
            element.set("data-nc-src", original_url)
    elif tag in ("a", "area") and original_url:
        element.set("data-nc-href", original_url)
    elif tag == "noscript":
        # The frame runs no script, so a browser would show <noscript>; the page's
        # readers with scripts on never saw it.
        element.tag = "div"
        element.set("hidden", "")
        element.set("data-nc-was", "noscript")
    if tag == "style":
        css = element.text or ""
        if len(css) > MAX_STYLE:
            page.cut_chars += len(css) - MAX_STYLE
            css = css[:MAX_STYLE] + "\n/* newsclean: style sheet cut */"
        element.text = _xml_safe(sanitise_css(css))
        for child in list(element):
            _remove(child)
    else:
        element.text = _cut(element.text, page)
    element.tail = _cut(element.tail, page)


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


def _replace_embed(element: etree._Element, tag: str) -> None:
    if element.getparent() is None:
        return
    source = element.get("src") or element.get("data") or ""
    attrs = {"class": "nc-embed", "data-nc-was": tag}
    if element.get(NODE_ID) is not None:
        attrs[NODE_ID] = element.get(NODE_ID, "")
    box = element.makeelement("div", attrs)
    shown = source[:200] if source and not _is_script_url(source) else ""
    box.text = _xml_safe(f"[{tag} removed" + (f": {shown}" if shown else "") + "]")
    element.addprevious(box)
    _unwrap(element)


def _unwrap(element: etree._Element) -> None:
    """Remove the tag of `element`, keeping its text and children in its place."""
    if isinstance(element, lxml.html.HtmlElement):
        element.drop_tag()
    else:
        _remove(element)


def _remove(element: etree._Element) -> None:
    """Remove `element` and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


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
        reasons = "\n".join(reason_line(d) for d in node_decisions)
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
