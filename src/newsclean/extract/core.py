"""The engine: one parsed tree, a site rule if one matches, one pass to an Article.

Order of work, each step reading what the step before left:
  1. metadata from <head> and JSON-LD (before scripts are dropped);
  2. drop what is never content (scripts, styles, menus) and what the rule strips;
  3. related-headline blocks read, then removed, so they cannot leak into the story;
  4. the story container (rule selectors, else the scoring in `content`);
  5. paragraphs, inline "READ MORE" lines, pictures, byline, dates, dateline.
"""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape
from itertools import islice
from typing import Any, cast

from lxml import etree

from ..decoding.charset import decode_html
from ..decoding.tree import parse
from ..model import Article, Dateline, Image, RelatedLink
from ..rules import RuleSet, SiteRule, default_rules
from ..rules.selectors import select, select_text
from .content import (
    Story,
    discussion_share,
    find_story,
    is_noise,
    is_picture,
    keep_paragraph,
    list_title,
    trailing_headings,
)
from .explain import Explanation, Recorder, annotate
from .guards import MAX_SCANNED_ELEMENTS
from .media import CAPTION_TOKENS, CREDIT_TOKENS, find_images, image_url, read_figure
from .metadata import (
    AUTHOR_META,
    MODIFIED_META,
    PUBLISHED_META,
    PageMeta,
    absolute,
    date_in_text,
    date_in_url,
    dedupe,
    ld_authors,
    ld_keywords,
    ld_text,
    looks_like_name,
    meta_published,
    parse_date,
    read_head,
    script_published,
    split_authors,
)
from .patterns import (
    BLOCK_TAGS,
    BYLINE_PREFIX,
    CONTROL_TAGS,
    DATE_ONLY_LINE,
    DATELINE,
    DATELINE_EAST_ASIAN,
    DISCUSSION_SHARE,
    DISCUSSION_TOKENS,
    DROP_TAGS,
    INLINE_LABEL,
    INLINE_RELATED,
    MAX_CONTROL_TEXT,
    OUTSIDE_TOKENS,
    PUBLISHED_PREFIX,
)
from .related import (
    MAX_BLOCKS,
    MAX_ITEMS,
    Block,
    find_blocks,
    next_previous,
    published_from_age,
    read_item,
    read_items,
    read_meta_line,
)
from .text import class_tokens, collapse, link_density, raw_text, walk_blocks, walk_segments

Element = etree._Element

REMOVED_LAYOUT = ("nav", "aside", "menu", "footer")
BYLINE_TOKENS = frozenset({"byline", "author", "authors", "authorname", "bylineauthor",
                           "contributor", "writer", "reporter"})
PICTURE_TEXT_TOKENS = CAPTION_TOKENS | CREDIT_TOKENS - {"byline", "author", "source"}
LEAD_TOKENS = frozenset({"lead", "intro", "abstract", "excerpt", "standfirst", "dek",
                         "chapo", "summary", "einleitung", "teaser", "bajada", "sapo",
                         "articlelead", "articleintro", "entrysummary", "subheadline",
                         "articleexcerpt", "leader", "description", "deck", "kicker"})
MAX_INLINE_RELATED = 400
"""A "READ MORE: ..." line longer than this is a paragraph that happens to start so."""
MIN_INLINE_TITLE = 10
LEAD_NOISE = frozenset({"teaser"})
"""A noise name that above the story names the standfirst ("article-teaser")."""
MIN_LEAD = 30
MIN_PLAIN_LEAD = 80
"""A paragraph above the story without a lead-like class needs this many characters."""
MIN_HEADING_LEAD = 8
"""A sub-heading between lead paragraphs needs this many characters."""
MAX_LEAD = 1000
REPEAT_WINDOW = 3
BYLINE_SCOPE_LEVELS = 4
BYLINE_HINT = re.compile(r"author|byline|contributor|writer|reporter", re.IGNORECASE)
BYLINE_START = re.compile(r"^\s*(?:by|von|par|por|di|door|written by|words by)\b", re.IGNORECASE)
"""A cheap test of an element's own first text before its whole text is read."""
MAX_BYLINE = 120
BYLINE_LINE_TAGS = frozenset({"p", "span", "div", "li", "address"})
AUTHOR_HREF = re.compile(r"/(?:authors?|writers?|profiles?|people|staff|contributors?|"
                         r"producers?|autor(?:en)?|auteurs?|redaccion|journalists?|byline)/",
                         re.IGNORECASE)
DATE_TOKENS = frozenset({"date", "published", "pubdate", "posted", "postdate", "entrydate",
                         "timestamp", "datetime", "time", "postmeta", "entrymeta",
                         "articledate", "publishdate", "datum", "fecha", "byline", "meta"})
DATE_SCOPE_LEVELS = 3
MAX_DATE_TEXT = 120
MAX_DATE_PARTS = 4
"""Child elements a printed date line may hold ("Published <time>…</time> by <a>…</a>")."""
SCOPE_LEVELS = 5
"""How far above the story container the article's header (h1, lead picture) may sit."""
TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{2,60}$")


def extract(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
            reference_time: datetime | None = None) -> Article:
    """Extract the article from a page. See the package docstring for input kinds."""
    rule = _rule_for(rules, url)
    root = parse(_apply_replacements(html, rule), url)
    return Engine(root, url, rule, reference_time, None).run()


def explain(html: Any, url: str | None = None, *, rules: RuleSet | None = None,
            reference_time: datetime | None = None) -> Explanation:
    """Extract, and say why each part of the page was kept or dropped."""
    rule = _rule_for(rules, url)
    root = parse(_apply_replacements(html, rule), url)
    annotate(root)
    annotated = etree.tostring(root, encoding="unicode", method="html")
    recorder = Recorder()
    article = Engine(root, url, rule, reference_time, recorder).run()
    source = f"{rule.name} ({rule.source})" if rule else None
    return Explanation(article, recorder.decisions, annotated, source)


def _rule_for(rules: RuleSet | None, url: str | None) -> SiteRule | None:
    ruleset = default_rules() if rules is None else rules
    return ruleset.for_url(url) if url and len(ruleset) else None


def _apply_replacements(html: Any, rule: SiteRule | None) -> Any:
    if rule is None or not rule.replace:
        return html
    if isinstance(html, bytes):
        html, _ = decode_html(html, None)
    if isinstance(html, str):
        for find, replacement in rule.replace:
            html = html.replace(find, replacement)
    return html


def _remove(element: Element) -> None:
    """Remove an element but keep its tail text in the tree."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _unwrap(element: Element) -> None:
    """Replace an element by its content (text, children, tail)."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    text = element.text or ""
    if text:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
    children = list(element)
    if children:
        last = children[-1]
        last.tail = (last.tail or "") + (element.tail or "")
    else:
        holder = element.getprevious()
        if holder is not None:
            holder.tail = (holder.tail or "") + (element.tail or "")
        else:
            parent.text = (parent.text or "") + (element.tail or "")
    element.tail = None
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)


class Engine:
    """One extraction. Holds the tree and what each step found."""

    def __init__(self, root: Element, url: str | None, rule: SiteRule | None,
                 reference_time: datetime | None, recorder: Recorder | None) -> None:
        self.root = root
        self.url = url
        self.rule = rule
        self.reference = reference_time
        self.recorder = recorder
        self.rule_source = f"rule:{rule.name}" if rule else ""
        self.title_element: Element | None = None
        self.rule_title: tuple[str, Element | None] | None = None
        self.rule_authors: list[str] = []
        self.byline_authors: list[str] = []
        self.first_paragraph: Element | None = None
        self.rule_published: datetime | None = None
        self.picture_text: set[Element] = set()
        """Caption and credit elements of the story's pictures, kept out of its text."""
        body = root.find("body")
        self.body: Element = body if body is not None else root

    def note(self, element: Element, role: Any, reason: str, source: str,
             score: float | None = None) -> None:
        if self.recorder is not None:
            self.recorder.add(element, role, reason, source, score)

    # --- steps ----------------------------------------------------------------------

    def run(self) -> Article:
        meta = read_head(self.root, self.url)
        self.read_rule_metadata()
        self.clean()
        title, title_element = self.find_title(meta)
        self.title_element = title_element
        self.read_byline()
        related = self.find_related()
        story = self.find_story()
        # Pictures before paragraphs: the captions and credits read here stay out of the text.
        images = self.find_images(story, title_element)
        paragraphs: list[str] = []
        if story is not None:
            paragraphs = self.read_lead(story, title_element) + self.read_story(
                story, related, title)
        authors = self.find_authors(meta)
        published, modified = self.find_dates(meta)
        tags = list(meta.tags) or ld_keywords(meta)
        return Article(
            url=self.url,
            canonical_url=meta.canonical,
            title=title,
            authors=authors,
            published=published,
            modified=modified,
            dateline=self.find_dateline(paragraphs),
            description=meta.first("description", "og:description", "twitter:description")
            or ld_text(meta, "description"),
            paragraphs=paragraphs,
            images=images,
            related=related,
            site_name=meta.first("og:site_name") or meta.ld_publisher,
            language=meta.language,
            tags=dedupe(tags),
        )

    def clean(self) -> None:
        _complete_streamed_boundaries(self.root)
        etree.strip_elements(self.root, *DROP_TAGS, with_tail=False)
        unclosed = []
        for element in list(self.root.iter(*CONTROL_TAGS)):
            if len(raw_text(element)) > MAX_CONTROL_TEXT:
                unclosed.append(element)
            elif element.getparent() is not None:
                _remove(element)
        for element in unclosed:
            _unwrap(element)
        if self.rule:
            for selector in self.rule.strip:
                for element in select(self.body, selector):
                    self.note(element, "boilerplate", f"strip {selector}", self.rule_source)
                    _remove(element)

    def _remove_layout(self) -> None:
        for element in list(self.body.iter(*REMOVED_LAYOUT)):
            if element.getparent() is None:
                continue
            if element.find(".//h1") is not None:
                continue
            self.note(element, "boilerplate", f"<{element.tag}> region", "engine:layout")
            _remove(element)

    def find_related(self) -> list[RelatedLink]:
        blocks: list[Block] = []
        if self.rule and self.rule.related:
            blocks = self._rule_blocks()
        else:
            for block in find_blocks(self.body):
                read_items(block, self.url, self.reference)
                if len(block.items) >= 2 or (block.signal == "engine:heading" and block.items):
                    blocks.append(block)
        out: list[RelatedLink] = []
        taken: set[str] = set()
        for block in blocks:
            self.note(block.element, "related-block", f"block {block.name!r}", block.signal)
            for item_element, link in block.items:
                if link.url in taken:
                    continue
                taken.add(link.url)
                self.note(item_element, "related-item", link.title, block.signal)
                out.append(link)
        for block in blocks:
            _remove(block.element)
        # Before menus go: "next / previous article" links are often set in a <nav>.
        for element, link in next_previous(self.body, self.url, taken):
            self.note(element, "related-item", f"{link.block} link", "engine:next-previous")
            out.append(link)
            _remove(element)
        self._remove_layout()
        return out

    def _rule_blocks(self) -> list[Block]:
        assert self.rule is not None
        blocks: list[Block] = []
        # Nested blocks (a rule's selector matching inside itself on broken markup) would
        # read the same items once per level: each item is read once, in the first block.
        read: set[Element] = set()
        for spec in self.rule.related:
            for element in select(self.body, spec.block):
                name = spec.name
                if not name:
                    heading = next(element.iter("h2", "h3", "h4", "h5", "h6"), None)
                    name = collapse(raw_text(heading)) if heading is not None else "Related"
                block = Block(element, name, None, self.rule_source)
                blocks.append(block)
                if len(blocks) > MAX_BLOCKS:
                    continue  # still removed from the story, but not read
                for item in select(element, spec.item):
                    if len(block.items) >= MAX_ITEMS:
                        break
                    if item in read:
                        continue
                    read.add(item)
                    link = self._rule_item(item, spec, name)
                    if link is not None:
                        block.items.append((item, link))
        return blocks

    def _rule_item(self, item: Element, spec: Any, name: str) -> RelatedLink | None:
        hrefs = select_text(item, spec.url) if spec.url else [
            a.get("href", "") for a in item.iter("a") if a.get("href")]
        if item.tag == "a" and not spec.url and item.get("href"):
            hrefs = [item.get("href", "")]
        hrefs = [h for h in hrefs if h.strip()]
        if not hrefs:
            return None
        url = absolute(hrefs[0], self.url)
        anchor = next((a for a in item.iter("a") if a.get("href") == hrefs[0]), item)
        generic = read_item(item, anchor, url, name, self.reference)

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
                    published = published_from_age(age, self.reference)
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

    def find_story(self) -> Story | None:
        if self.rule and self.rule.story:
            for selector in self.rule.story:
                found = _outermost(select(self.body, selector))
                if found:
                    for element in found:
                        self.note(element, "story", f"story {selector}", self.rule_source)
                    return Story(blocks=found, score=0.0, signal=self.rule_source)
            if not self.rule.engine_fallback:
                return None

        def excluded(element: Element) -> bool:
            return bool(class_tokens(element) & OUTSIDE_TOKENS)

        story = find_story(self.body, excluded, self.title_element)
        if story is not None:
            for element in story.blocks:
                self.note(element, "story", "highest paragraph score, less link density",
                          story.signal, story.score)
        return story

    def read_story(self, story: Story, related: list[RelatedLink], title: str | None
                   ) -> list[str]:
        taken = {link.url for link in related}
        rule_story = bool(self.rule and self.rule.story and story.signal == self.rule_source)

        pictures: set[Element] = set()
        if rule_story and self.rule:
            for selector in self.rule.images:
                pictures.update(select(self.body, selector))

        allowed: frozenset[str] = frozenset()
        if not rule_story and not story.talk_apart and story.container is not None and (
                discussion_share(story.container) > DISCUSSION_SHARE):
            allowed = DISCUSSION_TOKENS

        def skip(element: Element) -> bool:
            if (element.tag in ("figcaption", "h1") or element in pictures
                    or element in self.picture_text):
                return True
            if element.tag == "figure" and (rule_story or is_picture(element)):
                return True
            if rule_story:
                # The rule chose the container; only picture text is left out of it.
                return bool(class_tokens(element) & PICTURE_TEXT_TOKENS)
            if story.talk_apart and class_tokens(element) & DISCUSSION_TOKENS:
                return True  # however long: the comments were set apart from the story
            return is_noise(element, allowed)

        kept: list[tuple[Element, str]] = []
        above_links: set[int] = set()
        """Kept blocks (by index) right above a dropped link line."""
        tables: dict[Element, bool] = {}
        for block in story.blocks:
            for element, text, linked in walk_segments(block, skip):
                inline = self._inline_related(element, text, taken)
                if inline is not None:
                    related.extend(inline)
                if inline is not None or not keep_paragraph(element, text, linked, tables):
                    if kept and (inline is not None or link_density(element, len(text)) > 0.5):
                        above_links.add(len(kept) - 1)
                    if inline is None:
                        self.note(element, "boilerplate", "boilerplate line or link list",
                                  "engine:paragraph")
                    continue
                if title and text == title:
                    continue
                if any(text == seen for _, seen in kept[-REPEAT_WINDOW:]):
                    # The same block again: a mobile and a desktop copy of one element.
                    self.note(element, "boilerplate", "repeats a paragraph just above",
                              "engine:repeat")
                    continue
                kept.append((element, text))
        if not rule_story:
            # A related-list title whose links were dropped means nothing alone.
            titles = {index for index in above_links if list_title(*kept[index])}
            for index in sorted(titles):
                self.note(kept[index][0], "boilerplate", "title of a dropped link list",
                          "engine:heading")
            kept = [item for index, item in enumerate(kept) if index not in titles]
            trailing = trailing_headings(kept)
            for element in trailing:
                self.note(element, "boilerplate", "heading after the last story text",
                          "engine:heading")
            kept = kept[:len(kept) - len(trailing)]
        for element, text in kept:
            self.note(element, "paragraph", f"{len(text)} characters", story.signal)
            if self.first_paragraph is None:
                self.first_paragraph = element
        return [text for _, text in kept]

    def read_lead(self, story: Story, title_element: Element | None) -> list[str]:
        """The standfirst: lead paragraphs, and sub-headings between them, between the
        headline and a story the engine found (a rule's story selector says itself what
        belongs to the story)."""
        if story.signal == self.rule_source or title_element is None:
            return []
        scope = self._scope(story, title_element)
        container = story.blocks[0]
        if scope is None:
            return []
        # A headline further up: read what lies between it and the story, in the
        # region that holds both (a standfirst in the page's header section).
        after: Element | None = None
        if scope is container:
            scope = _common_ancestor(title_element, container)
            if scope is None:
                return []
            after = title_element
        title_line = set(title_element.iterancestors()) if after is not None else set()
        lead: list[str] = []
        headings: list[tuple[Element, str]] = []

        def take(element: Element, text: str, shortest: int) -> None:
            if (lead and element.tag in ("h2", "h3", "h4") and len(text) < MIN_PLAIN_LEAD
                    and len(text) >= MIN_HEADING_LEAD):
                # A sub-heading between lead paragraphs: kept if a paragraph follows.
                headings.append((element, text))
                return
            if shortest <= len(text) <= MAX_LEAD and link_density(element, len(text)) < 0.3:
                for heading, heading_text in headings:
                    self.note(heading, "paragraph", "sub-heading above the story", "engine:lead")
                    lead.append(heading_text)
                headings.clear()
                self.note(element, "paragraph", "lead paragraph above the story", "engine:lead")
                lead.append(text)
                if self.first_paragraph is None:
                    self.first_paragraph = element

        def skip(element: Element) -> bool:
            return (element.tag in ("figure", "figcaption") or element in self.picture_text
                    or is_noise(element, LEAD_NOISE))

        story_line = set(container.iterancestors())
        walker = etree.iterwalk(scope, events=("start",))
        for _, element in walker:
            if element is container:
                break
            if not isinstance(element.tag, str):
                continue
            if after is not None:
                if element is after:
                    after = None
                if element not in title_line:
                    walker.skip_subtree()
                continue
            if skip(element):
                walker.skip_subtree()
                continue
            tag = element.tag
            if element not in story_line and class_tokens(element) & LEAD_TOKENS:
                taken = len(lead)
                if any(child.tag in BLOCK_TAGS for child in element):
                    # A lead-named holder of paragraphs (or of a picture): block by block.
                    for block, text in walk_blocks(element, skip):
                        take(block, text, MIN_LEAD)
                if len(lead) == taken and element.find(".//img") is None and (
                        element.find(".//figure") is None):
                    # Blocks too short on their own (a standfirst cut into spans): whole.
                    take(element, collapse(raw_text(element)), MIN_LEAD)
                walker.skip_subtree()
            # Plain blocks: paragraphs, list items, headings, and a div of plain text
            # beside the story container.
            elif tag in ("p", "li", "h2", "h3", "h4") or (
                    tag == "div" and element.getparent() is container.getparent()
                    and not any(child.tag in BLOCK_TAGS for child in element)):
                text = collapse(raw_text(element))
                before = len(lead) + len(headings)
                take(element, text, MIN_PLAIN_LEAD)
                if len(lead) + len(headings) > before:
                    walker.skip_subtree()
        return lead

    def _inline_related(self, element: Element, text: str, taken: set[str]
                        ) -> list[RelatedLink] | None:
        """The links of a "READ MORE: ..." line between paragraphs, or None when the line
        is not one. A line whose links are all known already yields an empty list."""
        if len(text) > MAX_INLINE_RELATED:
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
            title = collapse(raw_text(anchor))
            url = absolute(anchor.get("href", ""), self.url)
            if len(title) < MIN_INLINE_TITLE or url in taken:
                continue
            taken.add(url)
            links.append(RelatedLink(url=url, title=title, block="inline"))
        if not links and len(anchors) == 1:
            # "READ MORE: <a>…</a>" whose link text is short: the line's own words name it.
            url = absolute(anchors[0].get("href", ""), self.url)
            if url not in taken:
                taken.add(url)
                links.append(RelatedLink(url=url, title=text[len(label):].strip() or text,
                                         block="inline"))
        self.note(element, "related-item", f"inline {label.strip()!r} line",
                  "engine:inline-related")
        return links

    def read_rule_metadata(self) -> None:
        """Run the rule's title, author and date selectors on the page as parsed, before
        the clean-up drops <meta> and <script> elements they may point at."""
        rule = self.rule
        if rule is None:
            return
        for selector in rule.title:
            texts = [collapse(t) for t in select_text(self.root, selector)]
            found = next((t for t in texts if t), None)
            if found:
                elements = select(self.root, selector)
                self.rule_title = (found, elements[0] if elements else None)
                self._note_first(elements, "title", f"title {selector}")
                break
        for selector in rule.authors:
            names: list[str] = []
            for text in select_text(self.root, selector):
                names.extend(split_authors(text))
            if names:
                self.rule_authors = dedupe(names)
                self._note_first(select(self.root, selector), "byline", f"authors {selector}")
                break
        for selector in rule.published:
            for element in select(self.root, selector):
                self.rule_published = parse_date(
                    element.get("datetime") or element.get("content") or collapse(raw_text(element)))
                if self.rule_published:
                    self._note_first([element], "date", f"published {selector}")
                    return
            for text in select_text(self.root, selector):
                self.rule_published = parse_date(text)
                if self.rule_published:
                    return

    def _note_first(self, elements: list[Element], role: Any, reason: str) -> None:
        if self.recorder is not None and elements:
            self.note(elements[0], role, reason, self.rule_source)

    def find_title(self, meta: PageMeta) -> tuple[str | None, Element | None]:
        if self.rule_title is not None:
            return self.rule_title
        reference = ld_text(meta, "headline") or meta.first("og:title", "twitter:title")
        if reference and "&" in reference:
            reference = unescape(reference)  # escaped twice: "Wohngew&#x00E4;chshaus"
        best: tuple[float, str, Element] | None = None
        for heading in self.body.iter("h1", "h2"):
            text = collapse(raw_text(heading))
            if not text or len(text) > 300:
                continue
            if reference:
                score = _similarity(text, reference)
                if heading.tag == "h1":
                    score += 0.1
            else:
                score = 1.0 if heading.tag == "h1" else 0.0
            if score >= 0.5 and (best is None or score > best[0]):
                best = (score, text, heading)
            if heading.tag == "h1" and not reference and best is not None:
                break
        if best is not None:
            self.note(best[2], "title", "headline", "engine:title")
            return best[1], best[2]
        fallback = reference or meta.html_title
        if fallback:
            return _strip_site_suffix(fallback, meta), None
        return None, None

    def read_byline(self) -> None:
        """Find the byline before menus, asides and related blocks are removed (author
        links often sit in a sidebar): first near the headline, then author links anywhere."""
        near = self.title_element
        for _ in range(BYLINE_SCOPE_LEVELS):
            if near is None or near.getparent() is None:
                break
            near = near.getparent()
        # Near the headline every element may be the byline; elsewhere only author links.
        passes = (near.iter() if near is not None else iter(()), self.body.iter("a"))
        for elements in passes:
            for element in islice(elements, MAX_SCANNED_ELEMENTS):
                names = self._byline_names(element)
                if names:
                    self.note(element, "byline", "byline", "engine:byline")
                    self.byline_authors = names
                    return

    @staticmethod
    def _byline_names(element: Element) -> list[str]:
        tag = element.tag
        if tag == "a":
            if element.get("rel") == "author" or AUTHOR_HREF.search(element.get("href") or ""):
                text = collapse(raw_text(element))
                return split_authors(text) if looks_like_name(text) else []
            return []
        named = element.get("class") or element.get("id")
        if (named and BYLINE_HINT.search(f"{named} {element.get('id') or ''}")
                and class_tokens(element) & BYLINE_TOKENS) or element.get("rel") == "author":
            text = raw_text(element)
            if len(text) > MAX_BYLINE * 4:
                return []  # an author box or a whole article, not a byline
            text = collapse(text)
            if 3 <= len(text) <= MAX_BYLINE:
                return dedupe(split_authors(text))
            return []
        if (tag in BYLINE_LINE_TAGS and element.text and BYLINE_START.match(element.text)
                and len(element) <= 3):
            text = collapse(raw_text(element))
            if len(text) <= MAX_BYLINE and BYLINE_PREFIX.match(text):
                names = split_authors(text)
                if names and all(looks_like_name(n) for n in names):
                    return dedupe(names)
        return []

    def find_authors(self, meta: PageMeta) -> list[str]:
        if self.rule_authors:
            return self.rule_authors
        names = ld_authors(meta)
        if names:
            return names
        if self.byline_authors:
            return self.byline_authors
        value = meta.first(*AUTHOR_META)
        return split_authors(value) if value else []

    def find_dates(self, meta: PageMeta) -> tuple[datetime | None, datetime | None]:
        published = self.rule_published
        if published is None:
            published = (parse_date(ld_text(meta, "datePublished"))
                         or parse_date(meta.first(*PUBLISHED_META))
                         or parse_date(meta.ld_published) or meta_published(meta))
        if published is None:
            for element in self.body.iter():
                if element.get("itemprop") == "datePublished" or element.tag == "time":
                    published = parse_date(element.get("datetime") or element.get("content"))
                    if published:
                        self.note(element, "date", "first machine-readable date in the page",
                                  "engine:date")
                        break
        if published is None:
            published = (date_in_url(self.url) or self.visible_date()
                         or script_published(meta) or self.visible_date(named=False))
        modified = parse_date(ld_text(meta, "dateModified")) or parse_date(
            meta.first(*MODIFIED_META))
        return published, modified

    def visible_date(self, named: bool = True) -> datetime | None:
        """A date printed near the headline: in an element named like a date or byline,
        else (named=False) the first short line near the headline that is a date, or says
        "Published on" one."""
        scope = self.title_element.getparent() if self.title_element is not None else None
        for _ in range(DATE_SCOPE_LEVELS):
            if scope is None or scope.getparent() is None:
                break
            scope = scope.getparent()
        if scope is None and not named:
            return None  # without a headline, a bare date could be anybody's
        for element in islice((scope if scope is not None else self.body).iter(),
                              MAX_SCANNED_ELEMENTS):
            if not isinstance(element.tag, str):
                continue
            if named:
                if not class_tokens(element) & DATE_TOKENS:
                    continue
                text = collapse(raw_text(element))
                if len(text) > MAX_DATE_TEXT:
                    continue
            else:
                # A line of its own words (not a wrapper of other lines) is read whole.
                if not (element.text and element.text.strip()) or len(element) > MAX_DATE_PARTS:
                    continue
                text = collapse(raw_text(element))
                if len(text) > MAX_DATE_TEXT or not (
                        DATE_ONLY_LINE.match(text) or PUBLISHED_PREFIX.match(text)):
                    continue
            found = date_in_text(text)
            if found:
                return found
        return None

    def find_images(self, story: Story | None, title_element: Element | None) -> list[Image]:
        if self.rule and self.rule.images:
            return self._rule_images()
        if story is None:
            return []
        scope = self._scope(story, title_element)
        holders = [scope] if scope is not None else story.blocks
        images: list[Image] = []
        seen: set[str] = set()
        parts: list[tuple[Element, str]] = []
        for holder in holders:
            for element, image in find_images(holder, self.url, is_header_region, parts):
                if image.url in seen:
                    continue
                seen.add(image.url)
                self.note(element, "image", image.caption or image.url, "engine:figure")
                images.append(image)
        for element, role in parts:
            self.picture_text.add(element)
            self.note(element, "caption" if role == "caption" else "credit",
                      f"figure {role}", "engine:figure")
        return images

    def _rule_images(self) -> list[Image]:
        assert self.rule is not None
        images: list[Image] = []
        seen: set[str] = set()
        for selector in self.rule.images:
            for figure in select(self.body, selector):
                img = figure if figure.tag == "img" else next(figure.iter("img"), None)
                if img is None:
                    continue
                url = image_url(img, self.url)
                if not url or url in seen:
                    continue
                seen.add(url)
                caption, credit = self._rule_caption(figure, img)
                alt = collapse(img.get("alt") or "") or None
                self.note(figure, "image", f"images {selector}", self.rule_source)
                images.append(Image(url, caption, credit, alt))
        return images

    def _rule_caption(self, figure: Element, img: Element) -> tuple[str | None, str | None]:
        assert self.rule is not None
        from .media import clean_credit, split_credit

        credit_text = self._rule_figure_part(figure, self.rule.credits, "credit")
        caption_text = self._rule_figure_part(figure, self.rule.captions, "caption")
        if caption_text is None and credit_text is None:
            return read_figure(figure, img)
        credit = clean_credit(credit_text) if credit_text else None
        caption = caption_text
        if caption and credit_text and credit_text in caption:
            caption = collapse(caption.replace(credit_text, " ")) or None
        if caption:
            caption, inline_credit = split_credit(caption)
            credit = credit or inline_credit
        return caption, credit

    def _rule_figure_part(self, figure: Element, selectors: tuple[str, ...], role: Any
                          ) -> str | None:
        for selector in selectors:
            texts = [collapse(t) for t in select_text(figure, selector)]
            found = next((t for t in texts if t), None)
            if found:
                if self.recorder is not None:
                    for element in select(figure, selector)[:1]:
                        self.note(element, role, f"{role}s {selector}", self.rule_source)
                return found
        return None

    def _scope(self, story: Story | None, title_element: Element | None) -> Element | None:
        """The article: the story container and, if close above it, the headline."""
        if story is None:
            return None
        container = story.container if story.container is not None else story.blocks[0]
        if title_element is None or title_element.getparent() is None:
            parent = container.getparent()
            return parent if len(story.blocks) > 1 and parent is not None else container
        ancestors = set(title_element.iterancestors())  # elements, not id()s (see content)
        node: Element | None = container
        level = 0
        while node is not None and level <= SCOPE_LEVELS:
            if node in ancestors and node.tag not in ("body", "html"):
                return node
            node = node.getparent()
            level += 1
        return container

    def find_dateline(self, paragraphs: list[str]) -> Dateline | None:
        if not paragraphs:
            return None
        dateline = self._read_dateline(paragraphs[0])
        if dateline is not None and self.first_paragraph is not None:
            self.note(self.first_paragraph, "dateline", "dateline opening the first paragraph",
                      "engine:dateline")
        return dateline

    @staticmethod
    def _read_dateline(opening: str) -> Dateline | None:
        east = DATELINE_EAST_ASIAN.match(opening)
        if east:
            return Dateline(location=east.group("location").strip(), date_text=None,
                            agency=east.group("agency").strip())
        match = DATELINE.match(opening)
        if not match:
            return None
        location = match.group("location")
        date_text = match.group("date1") or match.group("date2")
        agency = match.group("agency")
        if location and not (agency or date_text) and match.group("dash") == ":":
            return None
        if location and len(location.split(",")[0]) < 2:
            return None
        if not (agency or location):
            return None
        return Dateline(location=location, date_text=date_text, agency=agency)


_STREAMED = etree.XPath("//div[@hidden][starts-with(@id, 'S:')]")
_STREAM_CALL = re.compile(r'\$R([CS])\("([BSP]:[0-9a-z]+)","([BSP]:[0-9a-z]+)"')
LOADING_LINE = re.compile(r"^\W*(?:loading|lade|laden|chargement|cargando|caricamento|carregando)"
                          r"\b.{0,30}$", re.IGNORECASE)


def _complete_streamed_boundaries(root: Element) -> None:
    """Do what React's streaming script would: each hidden `<div id="S:n">` sent at the
    end of the page takes the place of its placeholder, a `<template id="P:n">` segment
    or a `<template id="B:n">` boundary with the fallback after it. The pairs are read
    from the $RC/$RS calls, else matched by number. Without this the story sits in
    hidden pieces at the end of <body>, and "Loading..." in its place."""
    streamed = cast(list[Element], _STREAMED(root))
    if not streamed:
        return
    places = {t.get("id"): t for t in root.iter("template")
              if t.get("id", "")[:2] in ("B:", "P:")}
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
        if place is None or parent is None:
            continue
        fallback: list[Element] = []
        after = place.getnext()
        if (place.get("id", "").startswith("B:") and after is not None
                and isinstance(after.tag, str)):
            # The fallback follows the boundary (the parser drops the <!--/$--> that
            # ends it): an empty skeleton or a "Loading..." line.
            text = collapse(raw_text(after))
            if LOADING_LINE.match(text) or not (text or after.find(".//img") is not None):
                fallback.append(after)
        index = parent.index(place)
        for offset, child in enumerate(list(chunk)):
            parent.insert(index + offset, child)
        for old in [place, *fallback]:
            _remove(old)
        _remove(chunk)


def is_header_region(element: Element) -> bool:
    """A page or section header without the headline: its pictures are logos and promos.
    (Menus, asides and footers without the headline are gone by then: _remove_layout.)"""
    return element.tag == "header" and element.find(".//h1") is None


def _common_ancestor(a: Element, b: Element) -> Element | None:
    ancestors = set(a.iterancestors())
    for node in b.iterancestors():
        if node in ancestors:
            return node
    return None


def _outermost(elements: list[Element]) -> list[Element]:
    chosen: list[Element] = []
    chosen_from = set(elements)
    for element in elements:
        if not any(a in chosen_from for a in element.iterancestors()):
            chosen.append(element)
    return chosen


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), 1) * min(1.0, len(wa & wb) / max(len(wb), 1) * 1.5)


def _strip_site_suffix(title: str, meta: PageMeta) -> str:
    site = meta.first("og:site_name") or meta.ld_publisher
    if site and title.endswith(site):
        stripped = title[: -len(site)].rstrip(" |-–—:·•»")
        if stripped:
            return stripped
    match = TITLE_SUFFIX.search(title)
    if match and match.start() > 20:
        return title[: match.start()]
    return title


