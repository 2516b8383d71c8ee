"""Compile rule selectors (XPath or CSS) once and reuse them."""

from __future__ import annotations

from functools import lru_cache

from cssselect import GenericTranslator
from cssselect.parser import SelectorError
from lxml import etree

from ..errors import RuleError

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
            out.append("".join(item.itertext()))
        elif isinstance(item, str):
            out.append(str(item))
    return out
