"""The engine: one parsed tree, a site rule if one matches, the stages in order, an Article.

Order of work, each stage reading what the stages before it left in the `Context`:
  1. metadata from <head> and JSON-LD, and the rule's title, author and date selectors
     (before scripts are dropped);
  2. clean: drop what is never content (scripts, styles), what the rule strips;
  3. header: the headline and the byline (while menus and asides still stand);
  4. related: headline blocks read, then removed, so they cannot leak into the story;
     then menus, asides and footers go;
  5. story: the container (rule selectors, else the scoring in `content`);
  6. pictures, before the paragraphs, so captions and credits stay out of the text;
  7. story: the lead above the container and its paragraphs;
  8. header: authors, dates, dateline;
  9. confidence: how sure the engine is of the story (`confidence.assess`); under
     `Settings.fallback_below`, a second opinion (`fallback.second_opinion`: the page's
     JSON-LD articleBody, then trafilatura) may replace the paragraphs; under
     `Settings.doubt_below`, trafilatura's text may, when it holds much more prose.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

from lxml import etree

from ..decoding.tree import parse
from ..model import Article
from ..rules import RuleSet, SiteRule, chosen_rules
from ..rules.selectors import selector_hazard
from . import confidence, fallback
from .context import Context, Element, HTMLInput
from .escaped import unescape_markup
from .explain import Explanation, Recorder, annotate
from .metadata import dedupe, ld_keywords, ld_text, read_head
from .paragraphs import author_bio, author_line
from .settings import DEFAULT_SETTINGS, Settings
from .stages import clean, header, pictures, related, story
from .text import measured_text, without_permalink

__all__ = ["explain", "extract"]


def extract(html: HTMLInput, url: str | None = None, *, rules: RuleSet | None = None,
            reference_time: datetime | None = None, settings: Settings | None = None
            ) -> Article:
    """Extract the article from a page. See the package docstring for input kinds."""
    rule = _rule_for(rules, url)
    # Only a rule's selectors may call XPath's id(); the engine's own never do.
    root = parse(clean.apply_replacements(html, rule), url, ids=rule is not None)
    if rule is not None and selector_hazard(root) is not None:
        rule = None
    return run(_context(root, url, rule, reference_time, None, settings), html)


def explain(html: HTMLInput, url: str | None = None, *, rules: RuleSet | None = None,
            reference_time: datetime | None = None, settings: Settings | None = None
            ) -> Explanation:
    """Extract, and say why each part of the page was kept or dropped."""
    rule = _rule_for(rules, url)
    root = parse(clean.apply_replacements(html, rule), url)
    source = f"{rule.name} ({rule.source})" if rule else None
    hazard = selector_hazard(root) if rule is not None else None
    if hazard is not None:
        rule = None
        source = f"{source}, set aside: {hazard}, past what its selectors read in bounded time"
    annotate(root)
    annotated = etree.tostring(root, encoding="unicode", method="html")
    recorder = Recorder()
    article = run(_context(root, url, rule, reference_time, recorder, settings), html)
    return Explanation(article, recorder.decisions, annotated, source)


def composed(paragraphs: list[str]) -> list[str]:
    """The paragraphs in composed form (NFC): a page typed on some systems spells "ü" as
    "u" and a combining mark, which no search for the word, typed composed, finds.
    (The check is cheap, and most paragraphs need nothing.)"""
    return [text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
            for text in paragraphs]


def without_permalinks(paragraphs: list[str]) -> list[str]:
    """The paragraphs without the permalink signs ending them (a line of the sign alone
    goes), and without the lines nothing shows of (a zero-width joiner alone, a spacer
    of builders such as Webflow)."""
    return [line for line in map(without_permalink, paragraphs) if line and _visible(line)]


def _visible(line: str) -> bool:
    """Whether a line holds a character a reader sees: not only format characters
    (category Cf: joiners, marks of direction)."""
    # Every visible line but those of joined emoji is printable: the look is then cheap.
    return line.isprintable() or any(
        unicodedata.category(char) not in ("Cf", "Zs", "Zl", "Zp", "Cc") for char in line)


def _rule_for(rules: RuleSet | None, url: str | None) -> SiteRule | None:
    ruleset = chosen_rules(rules)
    return ruleset.for_url(url) if url and len(ruleset) else None


def _context(root: Element, url: str | None, rule: SiteRule | None,
             reference_time: datetime | None, recorder: Recorder | None,
             settings: Settings | None) -> Context:
    meta = read_head(root, url)  # first: the clean-up drops <meta> and JSON-LD scripts
    # The defaults are frozen: one instance serves every page (making one cost a field
    # each, some 150).
    return Context(root, url, rule, reference_time, recorder, meta,
                   settings if settings is not None else DEFAULT_SETTINGS)


def run(ctx: Context, html: HTMLInput | None = None) -> Article:
    """The stages in order; see the module docstring. `html` is the page as given, for
    the second opinion on a weak story (without it, no second opinion)."""
    header.read_rule_fields(ctx)
    clean.clean(ctx)
    # Every walk over the tree makes a Python object for each element it meets, and
    # frees it after; held here for the rest of the run, each is made once. Made after
    # the clean-up: held earlier, what it drops (scripts, styles) would stay allocated
    # until the end, and cost a proxy each for nothing.
    alive = list(ctx.root.iter())
    mass = confidence.page_words(ctx.body)  # before menus and footers go
    ctx.page_text = mass.text
    with measured_text(ctx.root):
        header.find_title(ctx)
        header.read_byline(ctx)
        related.find_related(ctx)
        header.keep_header_date_regions(ctx)
        clean.remove_layout(ctx)
        found = story.find(ctx)
        images = pictures.find_pictures(ctx, found)
        paragraphs: list[str] = []
        if found is not None:
            paragraphs = story.read_lead(ctx, found) + story.read(ctx, found)
            if not paragraphs:
                # Never empty while the page holds text elsewhere.
                found, paragraphs = story.find_again(ctx, found)
        assessed = confidence.assess(ctx, paragraphs, mass,
                                     found.blocks if found is not None else None)
        source: fallback.TextSource = "newsclean"
        # A rule that forbids the engine's fallback (`engine_fallback = false`) gets no
        # second opinion either: its page is what its selectors find.
        allowed = ctx.rule is None or ctx.rule.engine_fallback
        weak, doubt = ctx.settings.fallback_below, ctx.settings.doubt_below
        if weak > 0 and assessed.score < max(weak, doubt) and html is not None and allowed:
            doubtful = assessed.score >= weak
            paragraphs, source, why = fallback.second_opinion(
                ctx, html, paragraphs, mass.page, doubtful=doubtful, images=images)
            assessed = confidence.Confidence(assessed.score, [*assessed.reasons, why])
        if not paragraphs and weak > 0 and html is not None and allowed:
            # Never empty while the page shows prose, wherever it sits.
            paragraphs, last = fallback.last_resort(ctx, html)
            if last is not None:
                assessed = confidence.Confidence(assessed.score, [*assessed.reasons, last])
        paragraphs = without_permalinks(composed(unescape_markup(paragraphs)))
        authors = header.find_authors(ctx)
        if not authors and ctx.meta.says_story():
            # (a story's page only: "By Appointment Only" ends a shop's)
            authors = ctx.authors = header.credit_authors(paragraphs, ctx.settings)
        if authors and not ctx.posters:
            # (known only now: the authors come from the byline and the metadata)
            paragraphs = [text for text in paragraphs
                          if len(text) > ctx.settings.max_author_line
                          or not author_line(text, authors)]
            # The author's bio, from a box at the story's top or end (never the last line).
            while len(paragraphs) > 1 and author_bio(paragraphs[0], authors):
                del paragraphs[0]
            while len(paragraphs) > 1 and author_bio(paragraphs[-1], authors):
                del paragraphs[-1]
        published, modified = header.find_dates(ctx)
        dateline = header.find_dateline(ctx, paragraphs)
        if published is None:
            published = header.dateline_date(dateline)
        meta = ctx.meta
        tags = list(meta.tags) or ld_keywords(meta)
    del alive
    return Article(
        url=ctx.url,
        canonical_url=meta.canonical,
        title=ctx.title,
        authors=authors,
        published=published,
        modified=modified,
        dateline=dateline,
        description=meta.first("description", "og:description", "twitter:description")
        or ld_text(meta, "description"),
        paragraphs=paragraphs,
        images=images,
        related=ctx.related,
        site_name=meta.first("og:site_name") or meta.ld_publisher,
        language=meta.language,
        tags=dedupe(tags),
        confidence=assessed.score,
        confidence_reasons=assessed.reasons,
        text_source=source,
    )
