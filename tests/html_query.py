"""Typed look-ups in parsed HTML for the tests.

lxml's stubs type an XPath result as a union of every kind XPath can return and leave out
lxml.html's element methods, so each helper here checks the kind it hands back.
"""

from __future__ import annotations

from lxml import etree

__all__ = ["element_by_id", "nodes", "strings", "text_content"]


def nodes(root: etree._Element, xpath: str) -> list[etree._Element]:
    """The elements `xpath` selects under `root` (an XPath that selects anything else fails)."""
    found = root.xpath(xpath)
    assert isinstance(found, list), f"{xpath} selects no node-set"
    elements = [item for item in found if isinstance(item, etree._Element)]
    assert len(elements) == len(found), f"{xpath} selects more than elements"
    return elements


def strings(root: etree._Element, xpath: str) -> list[str]:
    """The attribute values or text nodes `xpath` selects under `root`."""
    found = root.xpath(xpath)
    assert isinstance(found, list), f"{xpath} selects no node-set"
    values = [str(item) for item in found if isinstance(item, str)]
    assert len(values) == len(found), f"{xpath} selects more than strings"
    return values


def text_content(element: etree._Element) -> str:
    """All text below `element`, as lxml.html's `text_content()` gives it (XPath string())."""
    value = element.xpath("string()")
    assert isinstance(value, str)
    return str(value)


def element_by_id(root: etree._Element, value: str) -> etree._Element:
    """The first element under `root` with this id, as lxml.html's `get_element_by_id()`
    finds it; there must be one."""
    found = root.xpath("//*[@id=$id]", id=value)
    assert isinstance(found, list) and found, f"no element with id {value!r}"
    element = found[0]
    assert isinstance(element, etree._Element)
    return element
