"""HTML tag sets the engine reads structure by."""

from __future__ import annotations

# Removed before anything else: never part of a story, never a related block.
DROP_TAGS = (
    "script", "style", "template", "svg", "canvas", "iframe", "object",
    "embed", "input", "link", "meta", "math",
)
# Dropped when small; a large one keeps its content and loses only its tag: a control
# left open by the page (the parser then nests the rest of the page inside it), or a
# <noscript> holding the whole page for crawlers (forum software does this).
CONTROL_TAGS = ("button", "select", "textarea", "dialog", "label", "noscript")
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
PHRASING_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "img", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
})
"""Inline content: what a paragraph made at a double break gathers after it, and what
the climb to a text's block passes through."""

REMOVED_LAYOUT = ("nav", "aside", "menu", "footer")
ITEM_TAGS = frozenset({"li", "td", "dd", "dt", "th"})
TABLE_PARTS = frozenset({"tbody", "thead", "tr", "table"})

TEXT_LEVEL_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "span", "li",
                             "strong", "em", "b", "i"})
MENU_TAGS = frozenset({"nav", "header", "menu"})
