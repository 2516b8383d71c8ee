"""holds_caption answers as has_caption does while leaving a checked child unread."""
from __future__ import annotations

from lxml import etree, html

from newsclean.extract.captions import holds_caption
from newsclean.extract.credits import has_caption

PAGE = """<div id="outer"><div id="mid"><div id="inner"><img src="a.jpg"></div>
<span class="photo-caption">A harbour at dawn.</span></div><p>text</p></div>"""


def _by_id(root: etree._Element, ident: str) -> etree._Element:
    found = root.find(f".//*[@id='{ident}']")
    assert found is not None
    return found


def test_outer_wrappers_find_a_caption_beside_a_checked_child() -> None:
    root = html.fromstring(PAGE)
    inner, mid = _by_id(root, "inner"), _by_id(root, "mid")
    checked: list[etree._Element] = []
    assert not holds_caption(inner, checked)
    assert checked == [inner]
    assert holds_caption(mid, checked) is has_caption(mid) is True
    assert checked == [inner]


def test_a_checked_element_that_is_no_child_is_not_trusted() -> None:
    root = html.fromstring(PAGE)
    inner = _by_id(root, "inner")
    checked = [inner]
    assert holds_caption(root, checked) is True  # inner is a grandchild: read in full
    lone = html.fromstring("<div><p>no caption here</p></div>")
    assert holds_caption(lone, []) is has_caption(lone) is False
