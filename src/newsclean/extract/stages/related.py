"""Related headlines: blocks found by the engine or named by the rule, next/previous
links, and the inline "READ MORE: ..." lines the story stage meets between paragraphs."""

from __future__ import annotations

from itertools import islice

from ...model import RelatedLink
from ...rules.model import RelatedBlockRule
from ...rules.selectors import select, select_text
from ..context import Context, Element
from ..metadata import absolute, parse_date, split_url
from ..patterns import INLINE_LABEL, INLINE_RELATED, PUBLISHED_META, TAXONOMY_PATH
from ..related import MAX_BLOCKS, find_blocks
from ..related_groups import next_previous
from ..related_items import (
    MAX_ITEMS,
    Block,
    is_headline,
    is_story_path,
    published_from_age,
    read_item,
    read_items,
    read_meta_line,
    remembered_texts,
    title_text,
    without_label,
)
from ..related_names import is_related_heading
from ..text import collapse, raw_text, remove

__all__ = ["find_related", "inline_related", "titled_links"]

ONE_STORY_SIGNALS = frozenset({"engine:heading", "engine:inset", "engine:picture-inset"})
"""Blocks that may hold a single story: a headed card, a one-link inset."""


def find_related(ctx: Context) -> list[RelatedLink]:
    """Read the related blocks, then remove them so they cannot leak into the story."""
    blocks: list[Block] = []
    links: list[Element] = []  # the page's, gathered by find_blocks' walk
    menus: list[Element] = []  # its headers and menus, likewise
    # The tree stays as it is until the blocks are read: texts are measured once.
    with remembered_texts():
        if ctx.rule and ctx.rule.related:
            # A rule names the blocks it knows; the engine still finds the others.
            blocks = [block for block in _rule_blocks(ctx) if block.items]
        ruled = _rule_block_lines(blocks)
        dated = bool(ctx.meta.ld_published or ctx.meta.first(*PUBLISHED_META))
        story = ctx.meta.says_story()
        for block in find_blocks(ctx.body, ctx.url, ctx.settings, links, dated=dated,
                                 story=story, menus=menus):
            if block.element in ruled:
                continue
            read_items(block, ctx.url, ctx.reference, ctx.settings)
            if len(block.items) >= 2 or (block.signal in ONE_STORY_SIGNALS and block.items):
                blocks.append(block)
    out: list[RelatedLink] = []
    taken: set[str] = set()
    for block in blocks:
        ctx.note(block.element, "related-block", f"block {block.name!r}", block.signal)
        for item_element, link in block.items:
            if link.url in taken:
                continue
            taken.add(link.url)
            ctx.note(item_element, "related-item", link.title, block.signal)
            out.append(link)
    gone: set[Element] = set()  # links taken out of the page with their blocks
    for block in blocks:
        heading = block.heading
        # A heading set apart from its list ("<h3>Read more</h3><ul>"): it names nothing
        # once the list is gone.
        apart = heading is not None and not any(
            node is block.element for node in heading.iterancestors())
        _remove(block.element, gone)
        if apart and heading is not None:
            _remove(heading, gone)
    # A "Related: <a>" line set in an <aside> between the story's paragraphs: the story
    # stage reads such lines, but the layout clean-up drops asides before it. (One link:
    # an aside of several is a list, the blocks' to read, or a box of topics.)
    for aside in list(ctx.body.iter("aside")):
        if sum(1 for _ in islice(aside.iter("a"), 2)) != 1:
            continue
        text = collapse(raw_text(aside))
        found = inline_related(ctx, aside, text, taken) if text else None
        if found is not None:
            out.extend(found)
            _remove(aside, gone)
    # Before menus go: "next / previous article" links are often set in a <nav>.
    left = [a for a in links if a not in gone] if gone else links
    for element, link in next_previous(ctx.body, ctx.url, taken, ctx.settings, left, menus):
        ctx.note(element, "related-item", f"{link.block} link", "engine:next-previous")
        out.append(link)
        remove(element)
    ctx.related = out
    return out


def _remove(element: Element, gone: set[Element]) -> None:
    """remove, adding the links it takes out of the page to `gone`."""
    if element.getparent() is not None:
        gone.update(element.iter("a"))
    remove(element)


def _rule_block_lines(blocks: list[Block]) -> set[Element]:
    """The rule's blocks with their ancestors and descendants: a block the engine finds
    there is one of them, or holds one."""
    out: set[Element] = set()
    for block in blocks:
        out.update(block.element.iter())
        out.update(block.element.iterancestors())
    return out


def _rule_blocks(ctx: Context) -> list[Block]:
    assert ctx.rule is not None
    blocks: list[Block] = []
    read: set[Element] = set()
    for spec in ctx.rule.related:
        for element in select(ctx.body, spec.block):
            name = spec.name
            if not name:
                heading = next(element.iter("h2", "h3", "h4", "h5", "h6"), None)
                name = collapse(raw_text(heading)) if heading is not None else "Related"
            block = Block(element, name, None, ctx.rule_source)
            blocks.append(block)
            if len(blocks) > MAX_BLOCKS:
                continue  # still removed from the story, but not read
            for item in select(element, spec.item):
                if len(block.items) >= MAX_ITEMS:
                    break
                # Nested blocks (a selector matching inside itself on broken markup)
                # would read the same items once per level: each is read once.
                if item in read:
                    continue
                read.add(item)
                link = _rule_item(ctx, item, spec, name)
                if link is not None:
                    block.items.append((item, link))
    return blocks


def _rule_item(ctx: Context, item: Element, spec: RelatedBlockRule, name: str
               ) -> RelatedLink | None:
    hrefs = select_text(item, spec.url) if spec.url else [
        a.get("href", "") for a in item.iter("a") if a.get("href")]
    if item.tag == "a" and not spec.url and item.get("href"):
        hrefs = [item.get("href", "")]
    hrefs = [h for h in hrefs if h.strip()]
    if not hrefs:
        return None
    url = absolute(hrefs[0], ctx.url)
    anchor = next((a for a in item.iter("a") if a.get("href") == hrefs[0]), item)
    generic = read_item(item, anchor, url, name, ctx.reference, ctx.settings)

    def field(selector: str | None, fallback: str | None) -> str | None:
        if not selector:
            return fallback
        texts = [collapse(t) for t in select_text(item, selector)]
        return next((t for t in texts if t), None)

    title = field(spec.title, generic.title) or generic.title
    age = generic.age
    published = generic.published
    section = generic.section
    if spec.time:
        found = field(spec.time, None)
        if found:
            meta = read_meta_line(found)
            if meta is not None:
                age = meta[0]
                if meta[1] and not spec.section:
                    section = meta[1]
                published = published_from_age(age, ctx.reference)
            else:
                age = None
                times = select(item, spec.time)
                stamp = times[0].get("datetime") if times else found
                published = parse_date(stamp) or published
    if spec.section:
        section = field(spec.section, None)
    elif section == generic.section and generic.age is None:
        # Without a meta line ("World // 1 hour ago") a rule names the section itself;
        # labels and kickers the generic reader might take are not sections.
        section = None
    teaser = field(spec.teaser, None) if spec.teaser else generic.teaser
    if teaser and title and teaser.casefold() == title.casefold():
        teaser = None
    return RelatedLink(url=url, title=title, section=section, published=published,
                       age=age, teaser=teaser, block=name)


def inline_related(ctx: Context, element: Element, text: str, taken: set[str]
                   ) -> list[RelatedLink] | None:
    """The links of a "READ MORE: ..." line between paragraphs, or None when the line
    is not one. A line whose links are all known already yields an empty list."""
    if len(text) > ctx.settings.max_inline_related:
        return None
    # A line that opens with no label (which INLINE_RELATED opens with too) is none,
    # whatever its links: looked at first, as the links are searched for in the whole
    # element, which may hold much more than the line (a page's unclosed paragraphs nest
    # the rest of the page in each).
    if INLINE_LABEL.match(text) is None:
        return None
    anchors = [a for a in element.iter("a") if a.get("href")]
    if not anchors:
        return None
    match = INLINE_RELATED.match(text)
    if match:
        label = match.group(0)
    else:
        # The label set apart from its link without punctuation ("À lire aussi <a>").
        first = collapse(raw_text(anchors[0]))
        start = text.find(first) if first else -1
        if start <= 0 or not INLINE_LABEL.fullmatch(text[:start]):
            return None
        label = text[:start]
    links: list[RelatedLink] = []
    for anchor in anchors:
        title = without_label(collapse(raw_text(anchor)))
        url = absolute(anchor.get("href", ""), ctx.url)
        if len(title) < ctx.settings.min_inline_title or url in taken:
            continue
        taken.add(url)
        links.append(RelatedLink(url=url, title=title, block="inline"))
    if not links and len(anchors) == 1:
        # "READ MORE: <a>…</a>" whose link text is short: the line's own words name it.
        url = absolute(anchors[0].get("href", ""), ctx.url)
        if url not in taken:
            taken.add(url)
            links.append(RelatedLink(url=url, title=text[len(label):].strip() or text,
                                     block="inline"))
    ctx.note(element, "related-item", f"inline {label.strip()!r} line",
             "engine:inline-related")
    return links


def titled_links(ctx: Context, title: str, lines: list[Element], taken: set[str]
                 ) -> list[RelatedLink]:
    """The headline links of link lines the story stage dropped right under a list's
    title set as a line of its own ("<p>Read more:</p><p><a>…</a></p>"): that title's
    related links."""
    links: list[RelatedLink] = []
    if not lines or not is_related_heading(title, ctx.settings):
        return links  # "Related searches", "Ähnliche Produkte": no stories
    host = split_url(ctx.url or "").hostname
    for line in lines:
        for anchor in line.iter("a"):
            if len(links) >= MAX_ITEMS or not is_headline(anchor, ctx.settings):
                continue
            url = absolute(anchor.get("href", ""), ctx.url)
            parts = split_url(url)
            # Stories of the site only: a line under a title may also point to a shop,
            # a tag page or a review site.
            if (url in taken or (host and parts.hostname != host)
                    or not is_story_path(parts.path) or TAXONOMY_PATH.search(parts.path)):
                continue
            taken.add(url)
            # (read as a block's item is: a byline or a date inside the link is no title's)
            links.append(RelatedLink(url=url, title=collapse(title_text(anchor)), block=title))
    return links
