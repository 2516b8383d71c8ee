"""The engine's numeric thresholds, as one object a caller may change (for a sweep).

`Settings()` holds the values the engine was tuned with; `Settings(min_lead=40)` or
`Settings.parse("min_lead=40,max_lead=800")` change some. Thresholds of the story scoring
that no stage reads directly stay named constants in `content`.

Module constants that stay so are no tuning (mostly caps against hostile pages):

- `related.MAX_BLOCKS`, `related.MAX_ITEMS`: bound the related blocks and items read from
  one page, so a page of ten thousand links costs no more than a real one.
- `media.DENSITY_PER_WIDTH`: a unit that ranks srcset widths above densities, not a
  threshold.
- `metadata.MAX_SCRIPT_SCAN`, `metadata.MAX_JSON_LD`, `metadata.MAX_JSON_LD_DEPTH`: bound
  the script text and JSON-LD read, against huge or deeply nested data.
- `guards.*` and the input limits of `decoding/`: bounds on what is parsed at all.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..errors import NewscleanError

__all__ = ["DEFAULT_SETTINGS", "Settings", "SettingsError"]


class SettingsError(NewscleanError, ValueError):
    """A settings override names no setting, or its value is not a number."""


@dataclass(frozen=True, slots=True)
class Settings:
    # Cleaning.
    max_control_text: int = 300
    """A form control (<select>, <button>...) holding more text than this was left open by
    broken markup and swallowed the page: it is unwrapped, not removed."""

    # Story.
    min_paragraph: int = 25
    """Blocks with less text than this add nothing to a candidate's story score."""
    discussion_share: float = 0.7
    """Above this share of comment-named text, the story is a discussion page and its
    comment-named blocks are story text."""
    repeat_window: int = 3
    """A paragraph equal to one of this many kept just above is a mobile/desktop copy."""
    scope_levels: int = 5
    """How far above the story container the article's header (h1, lead picture) may sit."""

    # Lead (standfirst) above the story.
    min_lead: int = 30
    """A lead-named block needs this many characters (shorter: a label or a kicker)."""
    min_plain_lead: int = 80
    """A paragraph above the story without a lead-like class needs this many characters."""
    min_heading_lead: int = 8
    """A sub-heading between lead paragraphs needs this many characters."""
    max_lead: int = 1000
    """Longer than this, a block above the story is a teaser list or a second story."""
    min_repeat_words: int = 8
    """Words a standfirst paragraph needs before a near-copy in the story counts as a
    repeat (short ones, "Updated hourly", are left alone)."""
    repeat_overlap: float = 0.8
    """Share of the longer one's words two paragraphs must share to be copies ("Since 7 On
    Your Side's initial report" and "Since ABC 7's initial report")."""

    # Related links.
    max_inline_related: int = 400
    """A "READ MORE: ..." line longer than this is a paragraph that happens to start so."""
    min_inline_title: int = 10
    """Shorter link texts on an inline line are not headlines ("here", "more")."""
    related_min_headline: int = 15
    """Link text shorter than this is not a headline ("More", "World", "Share")."""
    related_min_short_title: int = 10
    """Under a related heading, a shorter title to a story's address is no item."""
    related_max_heading: int = 60
    """Longer than this, a heading is a headline, not a block's name ("Related")."""
    related_max_named_heading: int = 150
    """A "More about <the story's title>" heading may be as long as a title."""
    related_block_levels: int = 4
    """How far up from its heading a block's container may be."""
    max_text_before_heading: int = 200
    """A heading opens its block: more text than this before it belongs to something else."""
    menu_headline_words: int = 5
    """A list in a <nav> whose links average this many words is a story list, not a menu."""
    max_inset_text: int = 600
    """A card link (or a one-story inset) holding more text than this wraps a teaser region."""
    inset_min_paragraph: int = 80
    """A story paragraph this long beside a card link makes it an inset."""
    card_slack: int = 20
    """Characters beside its label and link that a one-story card may hold (a date, a dot)."""
    min_list_stories: int = 3
    """An unheaded list needs this many story links to be a story list."""
    min_list_title_words: int = 4
    """Each headline of an unheaded story list has this many words (menus have fewer)."""
    max_tabs: int = 8
    """A tabbed box's labels come first: only these many are read for its name."""
    max_plain_block_text: int = 1000
    """A block with more text than this needs `min_block_link_density` to be a list."""
    min_block_link_density: float = 0.25
    """Link density a long block needs to be a list rather than a page region."""
    max_teaser: int = 400
    """A plain paragraph longer than this in a block is story text: the block is no list."""
    max_date_title: int = 40
    """A title this short that reads as a date is an archive link."""
    max_priced_share: float = 0.5
    """A list more than this share of whose items carry a price is a shop's."""
    max_pager_links: int = 6
    """An element named "next" holding this many links is no pager ("#__next" of Next.js)."""
    max_pager_text: int = 600
    """An element named "next" holding more text than this is no pager."""

    # Pictures (extract/media.py).
    min_image_side: int = 100
    """Pictures declared (or asked by URL) smaller than this are icons, avatars, spacers."""
    min_story_width: int = 300
    """A picture declared at least this wide is set as a story picture, not as an icon; a
    file name giving a smaller width ("_160x200.png") marks a headshot or a thumbnail."""
    figure_levels: int = 8
    """How far up from an <img> its <figure> (or the caption beside it) may be; galleries
    nest pictures deep."""
    loose_figure_levels: int = 5
    """How far up a wrapper that is no <figure> may be the picture's figure."""
    picture_max_figure_text: int = 1200
    """A wrapper with more text than this holds story text, not one picture's caption."""
    max_loose_caption: int = 600
    """A text block beside a picture longer than this is story text, not its caption."""
    max_small_pieces: int = 60
    """A wrapper with more pieces of text than this is no figure, whatever their length
    (and reading stops there, so a climb through a large page stays cheap)."""
    max_beside_lines: int = 2
    """Lines after a picture in its wrapper that may be its caption and credit."""
    max_beside_children: int = 6
    """A wrapper with more children than this is a section of the page, not a figure."""
    caption_after_levels: int = 4
    """How far up from the picture a caption set after its wrapper is looked for."""
    lightbox_levels: int = 3
    """The <img>, its link and the link's wrapper: where a lightbox keeps the caption."""
    link_levels: int = 3
    """The <img>, its <picture> and wrapper: how far up the link of a thumbnail may be."""
    min_alt_caption: int = 12
    """An alt text this long, repeated by the text beside the picture, marks that text as
    its caption (short alts like "Photo" repeat by chance)."""
    max_image_role_text: int = 300
    """A name like "avatar" says what a picture is only on a wrapper with less text than
    this: on one holding a story it names the post ("has-post-thumbnail")."""
    max_credit: int = 80
    """A credit ("Jo Park/AP", "Getty Images") is no longer than this."""
    max_trailing_credit: int = 60
    """A caption's last part longer than this is caption text, not a credit."""
    min_copy_words: int = 4
    """A caption needs this many words before its printed copy is looked for (short ones
    repeat by chance)."""
    copy_prefix: int = 16
    """Characters of a caption's start that index it while its copies are looked for."""

    # Header.
    byline_scope_levels: int = 4
    """How far above the headline the byline is looked for before author links anywhere."""
    max_byline: int = 120
    """Longer than this, a byline-named element is an author box, not a byline."""
    date_scope_levels: int = 3
    """How far above the headline a printed date is looked for."""
    max_date_text: int = 120
    """Longer than this, a date-named element is more than a date line."""
    max_date_parts: int = 4
    """Child elements a printed date line may hold ("Published <time>…</time> by <a>…</a>")."""
    dateline_paragraphs: int = 3
    """Paragraphs searched for a dateline: the story's first may follow a standfirst."""
    max_ld_dateline: int = 80
    """A JSON-LD `dateline` longer than this is no dateline."""

    # Confidence and second opinion (extract/confidence.py, extract/fallback.py).
    fallback_below: float = 0.5
    """Under this confidence the story gets a second opinion (0 turns the fallback off)."""
    fallback_gain: float = 1.5
    """trafilatura's text replaces the engine's when it holds this many times its words."""
    min_second_words: int = 15
    """A second opinion with fewer words than this is no story, whatever the engine's."""
    min_story_words: int = 40
    """Fewer words than this is a weak story whatever the page holds."""
    coverage_share: float = 0.35
    """A story holding this share of the page's paragraph words is covered in full."""
    page_share: float = 0.1
    """A story holding this share of all the page's words is not a story missed."""
    min_ld_words: int = 60
    """A JSON-LD articleBody shorter than this is a summary, not a body to compare with."""
    ld_agreement: float = 0.6
    """The share of the articleBody's distinct words found in the story that counts as
    agreement; lower shares scale the signal down."""
    headline_lines: int = 400
    """Source lines between the headline and the story's first paragraph beyond which
    the story is likely another block of the page."""

    list_line_words: int = 4
    """A story whose median paragraph holds fewer words than this reads as a list of
    labels; the signal scales with the median."""

    # Second opinion: what a candidate text is weighed by (extract/fallback.py).
    min_line_words: int = 3
    """A line of trafilatura's text with fewer words (a menu item, a button) adds nothing
    to its weight: its menus must not outweigh the engine's prose."""

    @classmethod
    def parse(cls, text: str) -> Settings:
        """`KEY=VALUE[,KEY=VALUE]` over the defaults; an unknown key or a bad value is a
        `SettingsError`."""
        types: dict[str, type[int] | type[float]] = {
            f.name: float if isinstance(f.default, float) else int for f in dataclasses.fields(cls)}
        values: dict[str, int | float] = {}
        for pair in filter(None, (part.strip() for part in text.split(","))):
            key, sep, raw = pair.partition("=")
            key = key.strip()
            if not sep or key not in types:
                raise SettingsError(f"unknown setting {key!r}; known: {', '.join(types)}")
            try:
                values[key] = types[key](raw.strip())
            except ValueError:
                raise SettingsError(f"{key}={raw.strip()!r} is not a number") from None
        return cls(**values)  # type: ignore[arg-type]


DEFAULT_SETTINGS = Settings()
"""The tuned values, for callers outside an extraction (link discovery)."""
