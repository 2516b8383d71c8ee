"""Find the story in a page: score its elements and choose the story's container.

One scoring idea, after readability: every paragraph-like element scores by its length
and commas and passes that score up to its parent and, diminishing, to a few more
ancestors. The container with the best score, discounted by its link density, holds the
story; siblings that score well enough join it, and so do strong candidates with the
winner's exact class (the posts of a thread). Class and id tokens nudge the scores.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from .patterns import (
    DISCUSSION_TOKENS,
    HEADING_TAGS,
    HIDING_CLASSES,
    LAYOUT_TAGS,
    OUTSIDE_TOKENS,
    REGION_TOKENS,
    SCORED_TAGS,
    STORY_TOKENS,
    STRONG_STORY_TOKENS,
    TABLE_PARTS,
    TAG_BONUS,
    WHOLE_TEXT_TAGS,
)
from .settings import Settings
from .text import (
    class_tokens,
    collapse,
    element_commas,
    element_text_length,
    has_descendant,
    length_and_commas,
    link_density,
    raw_text,
    stripped_length,
)

__all__ = ["Story", "article_scope", "find_story", "is_hidden"]

Element = etree._Element


@dataclass(slots=True)
class Story:
    blocks: list[Element]
    """The story container and any sibling or like-named candidate that joined it, in
    document order."""
    score: float
    signal: str
    container: Element | None = None
    """The best-scoring element (the first block when a rule chose the story)."""
    talk_apart: bool = False
    """The story was chosen outside the page's comments, which stay out of it."""

    def __post_init__(self) -> None:
        if self.container is None and self.blocks:
            self.container = self.blocks[0]


def class_weight(element: Element, settings: Settings) -> float:
    return _token_weight(class_tokens(element), element, settings)


def _token_weight(tokens: frozenset[str], element: Element, settings: Settings) -> float:
    """class_weight, given the element's class_tokens."""
    if not tokens:
        return 0.0
    weight = 0.0
    if tokens & STRONG_STORY_TOKENS or element.get("itemprop") == "articleBody":
        weight += settings.strong_class_weight
    elif tokens & STORY_TOKENS:
        weight += settings.class_weight
    if tokens & OUTSIDE_TOKENS:
        weight -= settings.class_weight
    return weight


_OWN_TEXT_TAGS = frozenset({"a", "b", "i", "em", "strong", "span", "br", "sup", "sub", "u",
                            "font"})
"""Inline children whose text counts as the element's own (a page set in <font>s between
<br>s holds all its text in them)."""


def own_text_length(element: Element) -> int:
    """Text directly inside the element and its inline children, without nested blocks."""
    if element.tag in WHOLE_TEXT_TAGS:
        return element_text_length(element)
    return _inline_text_length(element)


def _inline_text_length(element: Element) -> int:
    """own_text_length of an element whose tag is not in WHOLE_TEXT_TAGS."""
    text = element.text
    length = len(text.strip()) if text else 0
    for child in element:
        if child.tag in _OWN_TEXT_TAGS:
            length += element_text_length(child)
        tail = child.tail
        if tail:
            length += len(tail.strip())
    return length


def score_tree(body: Element, excluded: Callable[[Element], bool], mass: dict[Element, int],
               left_out: set[Element] | frozenset[Element] = frozenset(),
               weights: dict[Element, float] | None = None, *, settings: Settings
               ) -> dict[Element, float]:
    """Paragraph scores of the candidates; fills `mass` (paragraph text held) and, when
    given, `weights` (each candidate's class-name weight). `left_out` elements neither
    score nor count."""
    scores: dict[Element, float] = {}
    regions: set[Element] = set()
    if weights is None:
        weights = {}
    # Paragraph text per parent; every ancestor of the parent counts it too, for _expand.
    # Summed per parent first: many paragraphs share one, and the climb is then paid once.
    held: dict[Element, int] = {}
    dividers = settings.score_dividers
    levels = len(dividers)
    # Read once: the loop below runs for every paragraph-like element of the page.
    shortest, min_heading, max_heading = (settings.min_paragraph, settings.min_heading_mass,
                                          settings.max_heading_mass)
    for element in body.iter(*SCORED_TAGS, "h2", "h3", "h4"):
        if left_out and element in left_out:
            continue
        tag = element.tag
        if tag in HEADING_TAGS:
            # Sub-headings earn no score but show where the story's sections are.
            length = stripped_length(element)
            if min_heading <= length <= max_heading:
                parent = element.getparent()
                if parent is not None:
                    held[parent] = held.get(parent, 0) + length
            continue
        if tag in WHOLE_TEXT_TAGS:
            # (the text read once for both; no commas counted below the shortest)
            length, counted = length_and_commas(element, shortest)
        else:
            length = _inline_text_length(element)  # (own_text_length, the tag known)
            counted = None
        if length < shortest:
            continue
        if counted is None and tag != "div":
            counted = element_commas(element)
        commas = settings.div_commas if counted is None else counted
        points = (settings.paragraph_points + commas * settings.comma_points
                  + min(length / settings.length_unit, settings.max_length_points))
        ancestor = element.getparent()
        if ancestor is not None:
            held[ancestor] = held.get(ancestor, 0) + length
        level = 0
        while ancestor is not None and level < levels:
            score = scores.get(ancestor)
            if score is None:
                # Met for the first time: its tag is read once (<body> and <html> never
                # get a score, so a scored ancestor is neither).
                ancestor_tag = ancestor.tag
                if ancestor_tag in ("body", "html"):
                    break
                tokens = class_tokens(ancestor)
                weight = weights[ancestor] = _token_weight(tokens, ancestor, settings)
                score = TAG_BONUS.get(ancestor_tag, 0.0) + weight
                if tokens & REGION_TOKENS:
                    regions.add(ancestor)
            scores[ancestor] = score + points / dividers[level]
            if regions and level > 0 and ancestor in regions:
                # A comment list passes no score to the page around it (one post, the
                # paragraph's own holder, does: a thread's posts make the thread).
                break
            ancestor = ancestor.getparent()
            level += 1
    for parent, length in held.items():
        mass[parent] = mass.get(parent, 0) + length
        for holder in parent.iterancestors():
            mass[holder] = mass.get(holder, 0) + length
    return {e: s for e, s in scores.items() if not excluded(e)}


def _near_title(element: Element, title_ancestors: set[Element], levels: int) -> bool:
    """Whether the element shares a close ancestor with the headline."""
    node: Element | None = element
    for _ in range(levels):
        if node is None or node.tag in ("body", "html"):
            return False
        if node in title_ancestors:
            return True
        node = node.getparent()
    return False


def find_story(body: Element, excluded: Callable[[Element], bool],
               title: Element | None = None, *, settings: Settings) -> Story | None:
    mass: dict[Element, int] = {}
    weights: dict[Element, float] = {}
    scores = score_tree(body, excluded, mass, weights=weights, settings=settings)
    direct = body_text_length(body)
    if not scores:
        return _body_story(body, direct, settings) or _heading_story(body, excluded, settings)
    # A set of the elements themselves, not of id()s: lxml frees an element's proxy
    # when nothing holds it, and a new proxy may then reuse the id.
    title_ancestors: set[Element] = (set(title.iterancestors()) | {title}
                                     if title is not None else set())
    densities: dict[Element, float] = {}

    def density(element: Element) -> float:
        if element not in densities:
            densities[element] = link_density(element)
        return densities[element]

    best, best_score, adjusted = _choose(scores, mass, weights, title_ancestors, density,
                                         settings)
    if best is None or direct > mass.get(best, 0):
        # The page writes its story straight into <body> (plain text with <br>s, a <pre>,
        # paragraphs with no wrapper): no candidate below it holds as much.
        whole = _body_story(body, direct, settings)
        if whole is not None:
            return whole
        if best is None:
            return _heading_story(body, excluded, settings)
    talk_apart = False
    if _in_discussion(best):
        # Comments under a story outscore it when they are many; the page is a thread
        # only when nothing outside the comments makes a story.
        talk = _discussion_elements(body)
        other_mass: dict[Element, int] = {}
        other_weights: dict[Element, float] = {}
        other = score_tree(body, excluded, other_mass, talk, other_weights, settings=settings)
        alternative, alternative_score, other_adjusted = _choose(
            other, other_mass, other_weights, title_ancestors, density, settings)
        if (alternative is not None
                and other_mass.get(alternative, 0) >= settings.min_story_beside_talk):
            best, best_score = alternative, alternative_score
            scores, mass, adjusted = other, other_mass, other_adjusted
            talk_apart = True
    winner = best
    best = _promote(best, best_score, scores, density, settings)
    best = _expand(best, mass, excluded, density, settings, title_ancestors)
    best = _whole(best, density, settings)
    best = _named_body(best, mass, excluded, density, settings)
    blocks = _join_siblings(best, scores.get(best, best_score), scores, settings)
    blocks = _join_series(winner, blocks, adjusted, density, settings, title)
    return Story(blocks=blocks, score=best_score, signal="engine:score", container=best,
                 talk_apart=talk_apart)


_BODY_INLINE_TAGS = (_OWN_TEXT_TAGS - {"a"}) | {"font", "small", "big", "center", "s", "strike",
                                                "tt"}
"""Inline (or once-inline) children of <body> whose text is the body's own; a link's text
is a menu's as often as a story's, and does not count."""
_BODY_PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote", "div", "h2", "h3", "h4", "h5", "h6"})
"""Direct children of <body> whose own text is story text held by the body itself."""


def body_text_length(body: Element) -> int:
    """Text the body holds itself: its own text, its inline children and the own text of
    its paragraph-like children; not what sits in nested containers."""
    length = len((body.text or "").strip())
    for child in body:
        tag = child.tag
        if tag in _BODY_INLINE_TAGS:
            length += element_text_length(child)
        elif tag in _BODY_PARAGRAPH_TAGS:
            length += own_text_length(child)
        length += len((child.tail or "").strip())
    return length


def _body_story(body: Element, direct: int, settings: Settings) -> Story | None:
    if direct < settings.min_body_story:
        return None
    return Story(blocks=[body], score=0.0, signal="engine:body", container=body)


_SUB_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")


def _heading_story(body: Element, excluded: Callable[[Element], bool], settings: Settings
                   ) -> Story | None:
    """A page whose only text is set in sub-headings (a contents page, a page of section
    titles): no paragraph scores, yet a reader sees text. Unlinked headings of a few words
    outside menus, footers and forms count ("Cart (0)", "Need help?", a product card's
    title do not); the story is the innermost element holding them all, when they are
    most of its text. Rare (nothing scored), so it walks again."""
    headings = [heading for heading in body.iter(*_SUB_HEADING_TAGS)
                if len(raw_text(heading).split()) >= settings.min_story_heading_words
                and not has_descendant(heading, "a")
                and not any(holder.tag in LAYOUT_TAGS or holder.tag == "a" or excluded(holder)
                            for holder in heading.iterancestors())]
    held = sum(len(raw_text(heading).strip()) for heading in headings)
    if len(headings) < settings.min_story_headings or held < settings.min_heading_story:
        return None
    shared = set(headings[0].iterancestors())
    for heading in headings[1:]:
        shared.intersection_update(heading.iterancestors())
    node = next((holder for holder in headings[0].iterancestors() if holder in shared), body)
    if held < settings.heading_story_share * len(collapse(raw_text(node))):
        return None  # headings over other text: a shop's or a form's page, not a story
    return Story(blocks=[node], score=0.0, signal="engine:headings", container=node)


def _choose(scores: dict[Element, float], mass: dict[Element, int],
            weights: dict[Element, float], title_ancestors: set[Element],
            density: Callable[[Element], float], settings: Settings
            ) -> tuple[Element | None, float, dict[Element, float]]:
    """The best candidate, its final score, and every candidate's score after the
    class-name discount."""
    # A story-like class name on a container with little text ("rich-text" around a
    # one-line promo) is no evidence: its bonus grows with the text it holds.
    adjusted: dict[Element, float] = {}
    for element, score in scores.items():
        bonus = weights.get(element, 0.0)
        if bonus > 0:
            score -= bonus * (1.0 - min(1.0, mass.get(element, 0) / settings.full_bonus_mass))
        adjusted[element] = score
    # The link-density discount is costly, so only the strongest few pay it.
    ranked = sorted(adjusted.items(), key=lambda kv: kv[1], reverse=True)[:settings.ranked]
    best: Element | None = None
    best_score = 0.0
    cap = settings.mass_cap
    for element, score in ranked:
        final = score * (1.0 + min(mass.get(element, 0), cap) / cap)
        if title_ancestors and _near_title(element, title_ancestors, settings.title_levels):
            final *= settings.title_bonus
        if final <= best_score:
            continue  # cannot win even without links: its density need not be read
        final *= 1.0 - density(element)
        if final > best_score and is_hidden(element):
            final *= settings.hidden_share
        if final > best_score and _inside_region(element):
            final *= settings.region_share
        if final > best_score:
            best, best_score = element, final
    return best, best_score, adjusted


def is_hidden(element: Element) -> bool:
    """Whether the element hides itself from the reader: the `hidden` attribute, an inline
    `display: none`, or a utility class of the CSS frameworks that sets it ("hidden",
    "d-none"). One that another class shows again from some screen width on ("d-none
    d-md-block", "hidden md:flex") counts too: a page built for phones first hides its
    sidebars and desktop menus there, never its story."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    if style and "display:none" in style.replace(" ", "").lower():
        return True
    raw = element.get("class")
    return raw is not None and not HIDING_CLASSES.isdisjoint(raw.split())


def _in_discussion(element: Element) -> bool:
    node: Element | None = element
    while node is not None:
        if class_tokens(node) & DISCUSSION_TOKENS:
            return True
        node = node.getparent()
    return False


def _discussion_elements(body: Element) -> set[Element]:
    """Every element inside a comment-marked region."""
    inside: set[Element] = set()
    walker = etree.iterwalk(body, events=("start",))
    for _, element in walker:
        if isinstance(element.tag, str) and class_tokens(element) & DISCUSSION_TOKENS:
            inside.update(element.iter())
            walker.skip_subtree()
    return inside


def _add_overlapping(overlapping: set[Element], part: Element) -> None:
    """A part of the story, the elements inside it and those around it."""
    overlapping.update(part.iter())
    overlapping.update(part.iterancestors())


def _join_series(winner: Element, blocks: list[Element], adjusted: dict[Element, float],
                 density: Callable[[Element], float], settings: Settings,
                 title: Element | None = None) -> list[Element]:
    """Other strong candidates named exactly like the winner, outside the story so far,
    join it: the posts of a thread, a story's sections in sibling page rows. When some
    of them sit below the headline, those above it are left out, the winner too: a page
    builder names every module alike, and above the headline such a module is a banner
    (an offer and its small print), not a part of the story."""
    name = winner.get("class")
    if not name:
        return blocks
    # The story so far, the elements inside it and those around a part of it, gathered
    # when a first candidate is met: whether one overlaps the story is then one look, not
    # a walk of its subtree and its ancestors (elements of one class nested in each
    # other, a copied run of markup never closed, made those walks quadratic).
    overlapping: set[Element] | None = None
    extra = []
    least = adjusted[winner] * settings.series_share
    above_winner = set(winner.iterancestors())
    for element, score in adjusted.items():
        if (element is winner or score < least or element.tag != winner.tag
                or element.get("class") != name):
            continue
        if overlapping is None:
            overlapping = set()
            for block in blocks:
                _add_overlapping(overlapping, block)
        # Not inside the story so far, not around a part of it.
        if element in overlapping:
            continue
        if density(element) > settings.series_max_link_density or _inside_region(element):
            continue
        if _own_headline(element, above_winner, title):
            continue
        extra.append(element)
        _add_overlapping(overlapping, element)
    if not extra:
        return blocks
    # Document order from one walk: an XPath count of preceding elements per block
    # made this quadratic on pages of thousands of same-class cards.
    order = {element: index for index, element in enumerate(winner.getroottree().iter())}
    members = blocks + extra
    if title is not None and title in order:
        around = set(title.iterancestors())
        below = [element for element in members
                 if element in around or order[element] > order[title]]
        if below:
            members = below
    return sorted(members, key=order.__getitem__)


def _own_headline(element: Element, above_winner: set[Element], title: Element | None) -> bool:
    """Whether the element sits in a part of the page, beside the winner's (whose
    ancestors are `above_winner`), that holds a headline (<h1>) other than the page's: the
    next story of an endless page ("<article><h1>Whales</h1>...</article><article><h1>
    Election day</h1>..."), built like the first, not a post of a thread or a section of
    the story."""
    branch = element
    for ancestor in element.iterancestors():
        if ancestor in above_winner:
            break
        branch = ancestor
    return any(heading is not title for heading in branch.iter("h1"))


def _inside_region(element: Element) -> bool:
    """Whether an ancestor is a comment list or a modal: a comment list or a login form
    inside one scores well on its own."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            return False
        if class_tokens(ancestor) & REGION_TOKENS:
            return True
    return False


def _promote(best: Element, best_score: float, scores: dict[Element, float],
             density: Callable[[Element], float], settings: Settings) -> Element:
    """Climb while the parent scores nearly as well: the story was split across
    several children (readability does the same with its top candidates)."""
    node = best
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html") or parent not in scores:
            return node
        if scores[parent] < best_score * settings.promote_share:
            return node
        if density(parent) > settings.promote_max_link_density:
            return node
        node = parent
        best_score = max(best_score, scores[parent])


def _expand(node: Element, mass: dict[Element, int], excluded: Callable[[Element], bool],
            density: Callable[[Element], float], settings: Settings,
            title_ancestors: frozenset[Element] | set[Element] = frozenset()) -> Element:
    """Climb while the parent holds much more paragraph text at a low link density:
    a story cut into sections ("1. ...", "2. ...") scores in each section, and the
    best section alone is only part of it. An <article> holding the headline is the
    whole story already: what is around it is the page's (teasers of other stories, a
    sidebar), however much text it holds."""
    while True:
        if node.tag == "article" and node in title_ancestors:
            return node
        ancestor = node.getparent()
        grown: Element | None = None
        for _ in range(settings.expand_levels):
            if ancestor is None or ancestor.tag in ("body", "html") or excluded(ancestor):
                break
            if mass.get(ancestor, 0) >= mass.get(node, 0) * settings.expand_gain and (
                    mass.get(ancestor, 0) - _region_mass(ancestor, node, mass)
                    >= mass.get(node, 0) * settings.expand_gain):
                grown = ancestor
                break
            ancestor = ancestor.getparent()
        if grown is None or density(grown) > settings.expand_max_link_density:
            return node
        node = grown


def _named_body(node: Element, mass: dict[Element, int], excluded: Callable[[Element], bool],
                density: Callable[[Element], float], settings: Settings) -> Element:
    """Climb to a close ancestor named as the story body ("entry-content",
    itemprop=articleBody) when it holds more paragraph text: page builders cut a story
    into many small modules, and the best of them is only a part."""
    ancestor = node.getparent()
    for _ in range(settings.named_body_levels):
        if ancestor is None or ancestor.tag in ("body", "html") or excluded(ancestor):
            return node
        if (class_tokens(ancestor) & STRONG_STORY_TOKENS
                or ancestor.get("itemprop") == "articleBody"):
            if (mass.get(ancestor, 0) >= mass.get(node, 0) * settings.named_body_gain
                    and density(ancestor) <= settings.named_body_link_density):
                return ancestor
            return node
        ancestor = ancestor.getparent()
    return node


def _region_mass(ancestor: Element, node: Element, mass: dict[Element, int]) -> int:
    """Paragraph text beside the node, up to `ancestor`, in comment lists and modals
    (the comments after an article): it does not make the ancestor more of a story."""
    total = 0
    path: Element | None = node
    while path is not None and path is not ancestor:
        parent = path.getparent()
        if parent is None:
            break
        for sibling in parent:
            if (sibling is not path and isinstance(sibling.tag, str)
                    and sibling in mass and class_tokens(sibling) & REGION_TOKENS):
                total += mass[sibling]
        path = parent
    return total


def _whole(node: Element, density: Callable[[Element], float], settings: Settings) -> Element:
    """A table, or a part of one, is laid out in a block: the story is the block that
    holds it with the text around it (an introduction above the table)."""
    while node.tag in TABLE_PARTS:
        parent = node.getparent()
        if (parent is None or parent.tag in ("body", "html")
                or density(parent) > settings.table_max_link_density):
            break
        node = parent
    return node


def _join_siblings(best: Element, best_score: float, scores: dict[Element, float],
                   settings: Settings) -> list[Element]:
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(settings.min_sibling_score, best_score * settings.sibling_share)
    # Under <body> no ancestor sums a story's sections (see body_sibling_share).
    alike = best_score * settings.body_sibling_share if parent.tag == "body" else None
    name = best.get("class")
    shortest = settings.sibling_paragraph
    blocks = []
    for sibling in parent:
        if sibling is best:
            blocks.append(sibling)
            continue
        if not isinstance(sibling.tag, str):
            continue
        tokens = class_tokens(sibling)
        if tokens & OUTSIDE_TOKENS or sibling.tag in LAYOUT_TAGS or is_hidden(sibling):
            continue
        score = scores.get(sibling, 0.0)
        if score >= threshold or (alike is not None and score >= alike
                                  and sibling.tag == best.tag and sibling.get("class") == name):
            blocks.append(sibling)
        elif sibling.tag == "p":
            text = collapse(raw_text(sibling))
            density = link_density(sibling, len(text))
            if (len(text) > shortest and density < settings.sibling_link_density) or (
                    0 < len(text) <= shortest and density == 0
                    and text.endswith((".", "!", "?"))):
                blocks.append(sibling)
    return blocks


def article_scope(story: Story | None, title_element: Element | None, levels: int
                  ) -> Element | None:
    """The article: the story container and, if at most `levels` above it, the headline."""
    if story is None:
        return None
    container = story.container if story.container is not None else story.blocks[0]
    if title_element is None or title_element.getparent() is None:
        parent = container.getparent()
        return parent if len(story.blocks) > 1 and parent is not None else container
    ancestors = set(title_element.iterancestors())  # elements, not id()s (see above)
    node: Element | None = container
    level = 0
    while node is not None and level <= levels:
        if node in ancestors and node.tag not in ("body", "html"):
            return node
        node = node.getparent()
        level += 1
    return container
