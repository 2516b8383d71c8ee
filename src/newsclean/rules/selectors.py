"""Compile rule selectors (XPath or CSS) once and reuse them."""

from __future__ import annotations

import re
from functools import lru_cache

from cssselect import GenericTranslator
from cssselect.parser import SelectorError
from lxml import etree

from ..errors import RuleError

__all__ = ["MAX_SELECTOR_NESTING", "MAX_SELF_NESTING", "check_selector", "compile_selector",
           "is_xpath", "select", "select_text", "selector_hazard"]

_XPATH_STARTS = ("/", "./", "..", "(")
_translator = GenericTranslator()


def is_xpath(selector: str) -> bool:
    return selector.lstrip().startswith(_XPATH_STARTS)


@lru_cache(maxsize=4096)
def compile_selector(selector: str) -> etree.XPath:
    """Return a compiled XPath for an XPath or CSS selector; RuleError when invalid."""
    text = selector.strip()
    try:
        if is_xpath(text):
            return etree.XPath(text)
        return etree.XPath(_translator.css_to_xpath(text, prefix="descendant-or-self::"))
    except (etree.XPathSyntaxError, SelectorError) as exc:
        raise RuleError(f"invalid selector {selector!r}: {exc}") from exc
    except ValueError as exc:  # lxml refuses characters XML cannot hold ("\ufffe", NUL)
        raise RuleError(f"invalid selector {selector!r}: {exc}") from exc


def select(node: etree._Element, selector: str) -> list[etree._Element]:
    """Elements matched by `selector` under `node` (strings and numbers are dropped)."""
    found = compile_selector(selector)(node)
    if not isinstance(found, list):
        return []
    return [x for x in found if isinstance(x, etree._Element)]


def select_text(node: etree._Element, selector: str) -> list[str]:
    """Texts matched by `selector`: element text content or attribute/string results."""
    found = compile_selector(selector)(node)
    if isinstance(found, str):
        return [found]
    if not isinstance(found, list):
        return []
    out: list[str] = []
    for item in found:
        if isinstance(item, etree._Element):
            out.append("".join(str(t) for t in item.itertext()))
        elif isinstance(item, str):
            out.append(str(item))
    return out


MAX_SELECTOR_NESTING = 1_000_000
"""Above this sum of the elements' depths a site rule's selectors are not run: an XPath
step "//x//y" walks the descendants of each x, and the depths sum to the sizes of all
the subtrees. The largest of about 2,100 real pages sums 156,000 (the median 9,000); a
1.3 MB page of 196 nested <article>s sums over a million, and two of a rule's selectors
("//article//div[...]") took 10 s each on it."""
MAX_SELF_NESTING = 32
"""Nor above this many ancestors of an element's own kind (its tag; a <div>'s tag and
class): "//article//span" finds each span once for every <article> around it, and libxml2
merges the finds, each against those before it. Of about 2,200 real pages none nests a
kind deeper than 21 in itself (13 but for one div class); a page whose copied run of
markup opened 99 <article>s and <main>s that never closed summed only 910,000, and a
rule's selectors took 13 s on it."""


def selector_hazard(root: etree._Element) -> str | None:
    """Why a site rule's selectors would not read the page under `root` in bounded time
    (MAX_SELECTOR_NESTING, MAX_SELF_NESTING), or None when they would."""
    depth = total = 0
    nested: dict[object, int] = {}  # open elements of each kind
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        kind = (tag, element.get("class")) if tag == "div" else tag
        if event == "end":
            depth -= 1
            nested[kind] -= 1
            continue
        total += depth
        if total > MAX_SELECTOR_NESTING:
            return f"the page's elements' depths sum to over {MAX_SELECTOR_NESTING:,}"
        depth += 1
        count = nested.get(kind, 0)
        if count >= MAX_SELF_NESTING:
            return f"its <{tag}> elements nest over {MAX_SELF_NESTING} deep in each other"
        nested[kind] = count + 1
    return None


# XPath 1.0 core functions and node-type tests with their (min, max) arguments. lxml
# compiles a call to any other name, or with a wrong number of arguments, and only fails
# when the call is evaluated, i.e. on some page; checking up front makes that a
# load-time error.
_MANY = 1 << 16
_XPATH_FUNCTIONS: dict[str, tuple[int, int]] = {
    "last": (0, 0), "position": (0, 0), "count": (1, 1), "id": (1, 1),
    "local-name": (0, 1), "namespace-uri": (0, 1), "name": (0, 1), "string": (0, 1),
    "concat": (2, _MANY), "starts-with": (2, 2), "contains": (2, 2),
    "substring-before": (2, 2), "substring-after": (2, 2), "substring": (2, 3),
    "string-length": (0, 1), "normalize-space": (0, 1), "translate": (3, 3),
    "boolean": (1, 1), "not": (1, 1), "true": (0, 0), "false": (0, 0), "lang": (1, 1),
    "number": (0, 1), "sum": (1, 1), "floor": (1, 1), "ceiling": (1, 1), "round": (1, 1),
    "node": (0, 0), "text": (0, 0), "comment": (0, 0), "processing-instruction": (0, 1),
}
_OPERATORS = frozenset({"and", "or", "div", "mod"})  # may be followed by "("
_LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")
_CALL = re.compile(r"(?<![\w.:-])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*\(")
_PREFIXED = re.compile(r"(?<![\w.:-])([A-Za-z_][\w.-]*):(?!:)(?=[A-Za-z_*])")


def _argument_count(code: str, start: int) -> int:
    """Arguments of the call whose "(" is at code[start - 1] (literals already blanked)."""
    depth, commas, empty = 0, 0, True
    for char in code[start:]:
        if char in "([":
            depth += 1
        elif char in ")]":
            if depth == 0:
                break
            depth -= 1
        elif char == "," and depth == 0:
            commas += 1
        if not char.isspace() and not (char == ")" and depth == 0):
            empty = False
    return 0 if empty else commas + 1


def check_selector(selector: str) -> etree.XPath:
    """Like `compile_selector`, but also reject what compiles yet fails on every page
    that reaches it: calls to functions outside XPath 1.0 (`lower-case`, `contain`),
    wrong argument counts (`contains(@class='x')`), undeclared namespace prefixes
    (`php:function`) and variables (`$name`). RuleError when bad."""
    if not selector.strip():
        raise RuleError("empty selector")
    compiled = compile_selector(selector)
    if is_xpath(selector):
        code = _LITERAL.sub("''", selector)
        for match in _PREFIXED.finditer(code):
            if match.group(1) != "xml":
                raise RuleError(f"invalid selector {selector!r}: namespace prefix "
                                f"{match.group(1)!r} is not defined")
        variable = re.search(r"\$[A-Za-z_][\w.-]*", code)
        if variable:
            raise RuleError(f"invalid selector {selector!r}: variable {variable.group()} "
                            "is not defined")
        for match in _CALL.finditer(code):
            name = match.group(1)
            if name in _OPERATORS:
                continue
            if name not in _XPATH_FUNCTIONS:
                raise RuleError(f"invalid selector {selector!r}: {name}() is not "
                                "an XPath 1.0 function")
            low, high = _XPATH_FUNCTIONS[name]
            count = _argument_count(code, match.end())
            if not low <= count <= high:
                wanted = str(low) if low == high else f"{low} or more" if high == _MANY \
                    else f"{low} to {high}"
                raise RuleError(f"invalid selector {selector!r}: {name}() takes {wanted} "
                                f"argument{'' if wanted == '1' else 's'}, not {count}")
    return compiled
