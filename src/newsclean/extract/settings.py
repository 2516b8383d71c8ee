"""The engine's numeric thresholds, as one object a caller may change (for a sweep).

`Settings()` holds the values the engine was tuned with; `Settings(min_lead=40)` or
`Settings.parse("min_lead=40,max_lead=800")` change some (a tuple field is written with
colons: `score_dividers=1:2:4`).

Module constants that stay so are no tuning (mostly caps against hostile pages):

- `related.MAX_BLOCKS`, `related.MAX_ITEMS`: bound the related blocks and items read from
  one page, so a page of ten thousand links costs no more than a real one.
- `picture_urls.DENSITY_PER_WIDTH`: a unit that ranks srcset widths above densities, not a
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

    # Story scoring (extract/content.py): how paragraphs score their containers, how the
    # winner is chosen and widened, and what inside it is story text.
    paragraph_points: float = 1.0
    """What any scored paragraph adds to its containers, before commas and length."""
    div_commas: int = 1
    """Commas assumed for a <div>'s own text: counting them would read its nested blocks."""
    comma_points: float = 1.0
    """Points per comma: commas mark sentences, which menus and teasers lack."""
    length_unit: float = 100.0
    """Characters of paragraph text worth one point..."""
    max_length_points: float = 3.0
    """...up to this many, so one long block does not outweigh many plain paragraphs."""
    score_dividers: tuple[int, ...] = (1, 2, 6, 9)
    """How many ancestors share a paragraph's score, and the divisor of each one's share
    (the parent takes it all, the grandparent half, ...); swept as `1:2:6:9`."""
    min_heading_mass: int = 8
    """A sub-heading shorter than this is a label and marks no section of the story."""
    max_heading_mass: int = 150
    """A sub-heading longer than this is a teaser's title, not a section of the story."""
    class_weight: float = 25.0
    """Score a story-like class name (or minus an outside-like one) gives a container."""
    strong_class_weight: float = 50.0
    """Score an unambiguous story class ("article-body", itemprop=articleBody) gives."""
    full_bonus_mass: int = 800
    """Characters of paragraph text a container needs for its full class-name bonus."""
    ranked: int = 12
    """How many top-scoring candidates are weighed by link density and headline nearness
    (the density is costly, and lower ones do not win)."""
    mass_cap: int = 6000
    """Up to this many characters of paragraph text raise a candidate's score, to double."""
    title_levels: int = 4
    """A candidate within this many levels of a common ancestor with the headline is
    near it..."""
    title_bonus: float = 2.0
    """...and scores this many times more: the story sits by its headline."""
    region_share: float = 0.1
    """A candidate inside a comment list or a modal keeps this share of its score."""
    hidden_share: float = 0.5
    """A candidate the page hides (a closed panel, a shop's hidden product fields) keeps
    this share of its score: a visible story wins over it, and a story a script shows
    later is still read when nothing else is."""
    min_story_beside_talk: int = 1000
    """Paragraph text outside the comments that makes a page a story with comments."""
    promote_share: float = 0.75
    """The winner's parent takes its place when it scores this share of the winner's score
    (the story was split over several children)..."""
    promote_max_link_density: float = 0.4
    """...and has no more link density than this."""
    expand_levels: int = 14
    """How far up a much wider ancestor of the story is looked for."""
    expand_gain: float = 1.6
    """That ancestor must hold this many times the paragraph text of the story so far
    (a story cut into sections scores in each)..."""
    expand_max_link_density: float = 0.25
    """...at no more link density than this."""
    named_body_levels: int = 8
    """How far up a story-named ancestor ("entry-content") is looked for."""
    named_body_gain: float = 1.05
    """A story-named ancestor must hold this many times the paragraph text to be climbed to
    (any gain: its name is the evidence)..."""
    named_body_link_density: float = 0.5
    """...at no more link density than this."""
    table_max_link_density: float = 0.3
    """A story in a table widens to the table's block up to this link density."""
    sibling_share: float = 0.2
    """A sibling joins the story when it scores at least this share of the top score..."""
    min_sibling_score: float = 10.0
    """...and at least this much (a top score near zero takes no empty siblings)."""
    body_sibling_share: float = 0.5
    """Right under <body>, which gets no score, a sibling alike to the story (same tag
    and class) joins it at this share of its score, floor or not: a story set in
    sections straight in <body> (one short paragraph each) scores in each section, and
    no wrapper sums them."""
    sibling_paragraph: int = 80
    """A plain <p> beside the story this long joins it below `sibling_link_density`;
    shorter ones only as a whole unlinked sentence."""
    sibling_link_density: float = 0.25
    """Link density under which a long <p> beside the story joins it."""
    series_share: float = 0.5
    """A candidate with the winner's exact class joins the story from this share of the
    winner's score (the posts of a thread)..."""
    series_max_link_density: float = 0.5
    """...below this link density (a list of same-class cards is no thread)."""
    weak_noise_text: int = 400
    """A container with a weak noise name ("sidebar", "widget") and more plain text than
    this is a story wrapper after all..."""
    strong_noise_text: int = 3000
    """...and one with a strong noise name ("share", "newsletter") from this much."""
    noise_link_density: float = 0.3
    """A noise-named container (or a form) above this link density is noise, however long."""
    story_max_figure_text: int = 1000
    """A <figure> with more text than this holds story text (a pull-quote), not a picture."""
    own_text: int = 100
    """From this length a block's own text is judged by its own links only."""
    data_table_link_density: float = 0.8
    """A table with less of its text in links than this holds data: its linked cells stay."""
    max_date_line: int = 60
    """A line this short reading as a date alone is a time stamp, not story text."""
    max_story_stamps: int = 3
    """A story holding at most this many time-stamp lines ("1 day ago", "Stand: 24.04.2024
    22:58 Uhr") loses them: they date the story or its teasers. More are a listing's (an
    events page's times, a feed's "3 days ago"), which is the page's content."""
    max_author_line: int = 120
    """A line this short naming the story's authors alone is a byline left in the story."""
    max_notice: int = 300
    """A rights notice ("All rights reserved") in a shorter line drops it; longer ones are
    story text that mentions one."""
    max_heading_text: int = 600
    """A heading longer than this is a standfirst set in <h2>, not story text."""
    item_link_density: float = 0.6
    """A list item or cell below this link density is story text..."""
    long_item: int = 150
    """...and so is one longer than this, whatever its links."""
    line_link_density: float = 0.5
    """A line above this link density is navigation ("Home > World", "Tags: a, b")..."""
    short_line: int = 300
    """...when it is shorter than this."""
    max_title_heading: int = 120
    """A heading element with more text than this is a paragraph set in a heading tag."""
    max_list_title: int = 60
    """A plain line up to this long may title a related list ("Lesen Sie auch:")."""
    max_trailing_headings: int = 2
    """Headings after the story's last text are dropped up to this many (a block title and
    its sub-title); more are a list of names set in headings."""
    dropped_link_density: float = 0.5
    """A dropped line above this link density was a link list: the kept line above it may
    be its title."""
    max_appeal: int = 700
    """Characters an appeal to readers ("Share your story ...") has at most; longer ones are
    story text."""
    max_newsletter_prompt: int = 250
    """Characters a line prompting to sign up for a newsletter has at most, wherever in it
    the prompt stands; longer ones are story text about one."""
    lead_link_density: float = 0.3
    """A block above the story with more link density than this is no standfirst."""

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
    max_group_cards: int = 3
    """A group of this many cards at most between a story's paragraphs is an inset (more
    make a grid, card_lists' work)."""
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
    max_card_teaser: int = 500
    """The text a story's card may hold beside its title: a teaser of blog themes' 55
    words (WordPress's excerpt) in long words."""
    max_date_title: int = 40
    """A title this short that reads as a date is an archive link."""
    max_priced_share: float = 0.5
    """A list more than this share of whose items carry a price is a shop's."""
    block_paragraph_link_density: float = 0.1
    """A long paragraph in a block with less of its text in links than this is story text."""
    story_paragraph_link_density: float = 0.5
    """A paragraph beside a card or among insets with less of its text in links is the
    story's."""
    card_list_min_stories_share: float = 0.66
    """Share of a card list's cards that must link to a story's address."""
    list_after_link_density: float = 0.6
    """A list set after a heading among the story's paragraphs is mostly its links' text."""
    min_card_title_words: int = 3
    """Words of a card's visible title (as of any headline link)."""
    max_item_meta_line: int = 80
    """A related item's line longer than this is no "Section // 1 hour ago" meta line."""
    max_item_section: int = 40
    """A section-named line of a related item longer than this is no section name."""
    min_item_teaser: int = 40
    """A related item's line shorter than this is a label, not its teaser."""
    max_pager_links: int = 6
    """An element named "next" holding this many links is no pager ("#__next" of Next.js)."""
    max_pager_text: int = 600
    """An element named "next" holding more text than this is no pager."""
    max_pager_label: int = 30
    """A "Previous Post" / "Nächster Beitrag:" label is no longer than this."""
    max_pager_stories: int = 12
    """A page giving more next (or previous) stories than this sets a list as a pager (a
    site builder rendering every story as the next one, to show one): none is taken."""
    card_list_min_story_text: int = 400
    """Plain paragraph text an unheaded card list needs before it: set after a story it
    lists other stories; alone on a page it is the page's own list."""
    card_list_max_share: float = 0.4
    """Unheaded card lists holding more of the page's text than this are its content."""
    named_cards_share: float = 0.5
    """A heading's block too long in plain text for a list is still one when a list of
    cards holds more than this share of its text (their long teasers are theirs)."""

    # Section teaser groups (extract/related_groups.py).
    section_group_min_columns: int = 2
    """Like columns a row of section teasers has (one is any heading over links)."""
    section_group_min_items: int = 3
    """Headlines under each column's heading."""

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
    max_headline: int = 300
    """A heading longer than this is no headline (a standfirst set in <h1>)."""
    min_headline_similarity: float = 0.5
    """Word similarity a heading needs with the page's declared headline
    (og:title, JSON-LD) to be taken for it: sites shorten or extend the declared one."""
    h1_favour: float = 0.1
    """What an <h1> adds to its similarity: of two near matches, the <h1> is the headline."""
    byline_scope_levels: int = 4
    """How far above the headline the byline is looked for before author links anywhere."""
    max_byline: int = 120
    """Longer than this, a byline-named element is an author box, not a byline."""
    byline_box_factor: int = 4
    """A byline-named element with this many times `max_byline` in untrimmed text is an
    author box or a whole article: not even collapsed is it read."""
    min_byline: int = 3
    """A byline-named element with less text than this holds no name ("|", "By")."""
    max_byline_children: int = 3
    """A "By ..." line with more child elements than this is a paragraph, not a byline
    (a name, a link to the author, a date)."""
    date_scope_levels: int = 5
    """How far above the headline a printed date is looked for in an element named for it."""
    bare_date_scope_levels: int = 3
    """How far above the headline a line that is only a date is looked for (every short
    line is read: the wider scope would cost more than it finds)."""
    early_date_region_elements: int = 40
    """A region near the headline that the layout clean-up drops (an <aside>, a <footer>) is
    read for a date before it only when it holds fewer elements than this: a header's date
    box, not the page's sidebar."""
    date_reply_levels: int = 3
    """A printed date this close under an element named for a comment or a review is the
    reader's post's, not the story's."""
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
    """Under this confidence the story gets a second opinion (0 turns the fallback off, and
    with it the last resort for a page read as empty: the engine's first reading alone)."""
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
    story_link_share: float = 0.5
    """A story whose blocks hold more than this share of link text reads as a list of
    links to other pages; the signal falls to 0 as the share reaches 1."""

    # Second opinion: what a candidate text is weighed by (extract/fallback.py).
    min_line_words: int = 3
    """A line of trafilatura's text with fewer words (a menu item, a button) adds nothing
    to its weight: its menus must not outweigh the engine's prose."""

    menu_share: float = 0.5
    """A second opinion whose weighed words lie more than this share in lines of the page's
    navigation (<nav>, role="navigation") reads the menus, not a story: the engine's
    story, when it has one, stays."""

    copy_min_chars: int = 80
    """A story paragraph this long met again is a copy (the story built again for another
    screen size, a carousel's cloned slide), and so is each paragraph after it that was
    read above too: labels met again elsewhere ("In stock") are kept."""

    # A doubtful story (between fallback_below and doubt_below): asked about, replaced
    # only by much more prose (extract/fallback.py).
    doubt_below: float = 0.6
    """Under this confidence (and at or over fallback_below) the second opinion is asked,
    and weighed by prose alone."""
    prose_line_words: int = 10
    """A line of at least this many words reads as prose (a sentence), not a label."""
    prose_gain: float = 2.0
    """A doubtful story gives way to a second opinion holding this many times its prose
    (distinct words of its prose lines)."""
    doubt_max_prose: int = 200
    """A doubtful story holding this much prose (distinct words of its prose lines) is
    a story, not the list of labels the doubt is about: trafilatura is not asked. Over
    the collections' doubtful stories of at least 150 such words, trafilatura's reading
    never held twice their prose."""

    # A form inside the story (extract/paragraphs.py).
    form_story_share: float = 0.5
    """A form holding less than this share of the story container's text is no wrapper of
    the story (a sign-up or comment form)..."""
    form_block_text: int = 80
    """...a block of it with this much text of its own is a paragraph (a post), not a
    field's label or a drop-down's item..."""
    form_block_share: float = 0.5
    """...and a form whose paragraphs hold less than this share of its text is a form,
    however long (a contact form with a country list, a comparison table)."""

    # Picture text read as story lines (extract/stages/story.py).
    max_picture_line: int = 300
    """A line right under a picture that ends in a credit ("... Photo: Jo Park") is its
    caption, not story text, up to this length."""

    # Leaked picture text and headlines (extract/stages/story.py, stages/clean.py).
    max_credit_line: int = 120
    """A line up to this long that is a labelled credit alone ("Foto: MDR/Jo Park") is a
    left-behind picture's credit wherever it stands."""
    card_list_max_share_dated: float = 0.7
    """On a page whose metadata dates it (a story's), unheaded card lists may hold up to
    this share of the page's text (card_list_max_share elsewhere): a story's carousel of
    30 cards outweighs a short story, a section front seldom carries a publication date."""

    # A story written straight into <body> (extract/content.py).
    min_body_story: int = 200
    """Characters <body> must hold itself (text, inline children, the own text of its
    paragraphs) to be read as the story when no container below it holds more."""

    # Related blocks named only by a word for stories ("Local News", extract/related.py).
    story_list_title_words: int = 5
    """Words of a headline that, with a story's address, make a link one story of such a
    block's list (a menu's entries are shorter: "AP Top News", "3. Liga Tabelle")."""

    # A page of sub-headings alone (extract/content.py).
    min_heading_story: int = 50
    """Characters of sub-headings a page without any scoring paragraph must hold for them
    to be read as its text (one short menu title is not)."""
    min_story_headings: int = 2
    """Such sub-headings a page must hold (one alone titles a box)."""
    heading_story_share: float = 0.5
    """Share of its element's text such sub-headings must make up: the page is its
    headings, not a shop's or a form's page with some headings in it."""
    min_story_heading_words: int = 3
    """Words a sub-heading needs to count as readable text rather than a box's title
    ("Cart (0)", "Need help?")."""

    # Lines of trafilatura's text the engine read as related headlines (extract/fallback.py).
    max_found_share: float = 0.2
    """Share of trafilatura's words that its lines read as related headlines, teasers,
    captions or credits may hold for them to be left out: holding more, the page is a list
    of such headlines (a section front, a recipe index) that the related stage read as
    blocks, and the list is what trafilatura's text is worth."""

    # A second opinion that wins on words must bring new words too (extract/fallback.py).
    vocabulary_gain: float = 1.2
    """Times the engine's distinct words (with a letter) that trafilatura's weighed lines
    must hold as well: a text 1.5 times longer (fallback_gain) holds about 1.2 times the
    distinct words (they grow about as the square root of the length), while a text
    repeated (a shipping banner per country, a product grid read again) brings none."""

    # Link-heavy lines that are prose (a sentence running into its link).
    linked_sentence_words: int = 12
    """A link-heavy line of this many words or more that starts outside its link and ends
    with a full stop is a sentence running into a link, kept as story text..."""
    linked_sentence_lead_words: int = 2
    """...when at least this many of its words come before the link."""

    # A gallery's opener among the story's blocks (extract/paragraphs.py, is_noise).
    max_opener_text: int = 80
    """Characters of a picture-holding control (role="button") read as a gallery's or a
    video's opener: a title and a count. A control holding more wraps a caption or text."""

    # Headline cards read as story lines (extract/headline_cards.py).
    card_link_cover: float = 0.9
    """Share of a heading's text its one link must hold for the heading to be a headline."""

    @classmethod
    def parse(cls, text: str) -> Settings:
        """`KEY=VALUE[,KEY=VALUE]` over the defaults; an unknown key or a bad value is a
        `SettingsError`."""
        defaults = {f.name: f.default for f in dataclasses.fields(cls)}
        values: dict[str, int | float | tuple[int, ...]] = {}
        for pair in filter(None, (part.strip() for part in text.split(","))):
            key, sep, raw = pair.partition("=")
            key, raw = key.strip(), raw.strip()
            if not sep or key not in defaults:
                raise SettingsError(f"unknown setting {key!r}; known: {', '.join(defaults)}")
            default = defaults[key]
            try:
                if isinstance(default, tuple):
                    values[key] = _positive_ints(raw)
                else:
                    values[key] = float(raw) if isinstance(default, float) else int(raw)
            except ValueError:
                raise SettingsError(f"{key}={raw!r} is not a valid value") from None
        return cls(**values)  # type: ignore[arg-type]


def _positive_ints(text: str) -> tuple[int, ...]:
    """`1:2:6:9` -> (1, 2, 6, 9); a ValueError unless all are whole numbers above 0 (they
    divide scores)."""
    numbers = tuple(int(part) for part in text.split(":"))
    if not all(number > 0 for number in numbers):
        raise ValueError(text)
    return numbers


DEFAULT_SETTINGS = Settings()
"""The tuned values, for callers outside an extraction (link discovery)."""
