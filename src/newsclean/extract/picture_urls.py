"""Where a picture's file is: the best URL of an <img>, read from its srcsets, the
<source>s of its <picture>, its lazy loaders' attributes and its src."""

from __future__ import annotations

from itertools import islice

from lxml import etree

from .captions import outside_sources
from .metadata import absolute
from .patterns import LAZY_SOURCE_NAME, LAZY_SOURCES, SRCSET_SUFFIX, SRCSET_URL
from .patterns.pictures import is_placeholder

__all__ = ["image_url", "lazy_url", "srcset_candidates", "srcsets", "usable_url"]

Element = etree._Element

DENSITY_PER_WIDTH = 1000.0
"""Widths rank above densities: a srcset mixing "2x" and "960w" keeps the widest."""
NO_SIZE = -1.0
"""A candidate's size that never wins (nor does one below it, nor NaN)."""
MAX_PICTURE_SOURCES = 50
"""The <source>s of a <picture> read for its candidates, the first in document order: one
for each format or screen width. A guard, not tuning: the parser nests <source>s left
open, and each <img> inside them reads them all again. The most a real page's picture
holds is 25; a mutated 3.2 MB page of 1,100 pictures inside 3,200 nested sources spent
22 s of CPU reading them."""


def image_url(img: Element, base: str | None,
              attributes: tuple[str, ...] = ()) -> str | None:
    """The picture's best absolute URL: the largest candidate of its srcsets (its own, its
    lazy ones, those of the <source>s of its <picture>), else its lazy-load URL, else its
    src. `attributes` (a site rule's) are read first."""
    for attribute in attributes:
        candidate = _best_candidate(img.get(attribute) or "")
        if candidate:
            return absolute(candidate, base)
    # The <img>'s own URL is a candidate as wide as its declared width (else "1x"), and on
    # a tie the first candidate wins: a <source> of the same size in another format, or a
    # small-screen one, does not replace it.
    single = lazy_url(img) or _lazy_source(img) or usable_url(img.get("src"))
    sets = srcsets(img)
    picture = _picture_of(img)
    if single and not sets and picture is None and _plain_candidate(single):
        return absolute(single, base)  # its own only candidate: nothing to weigh
    if single:
        width = (img.get("width") or "").strip().removesuffix("px")
        # The src a srcset of densities calls "1x" ("a.webp 1x, a@2x.webp 2x") is that,
        # whatever its declared width: the "2x" copy is larger. (A candidate without a
        # descriptor is "1x": "a.webp, a@2x.webp 2x".)
        pairs = [(raw, d.strip().lower() or "1x") for value in sets
                 for raw, d in srcset_candidates(value)]
        one_x = (single, "1x") in pairs and all(d.endswith("x") for _, d in pairs)
        sets.append(f"{single} {width}w" if width.isdigit() and not one_x else f"{single} 1x")
    if picture is not None:
        sets += [value for source in islice(picture.iter("source"), MAX_PICTURE_SOURCES)
                 for value in srcsets(source)]
    best = _best_candidate(", ".join(s for s in sets if s.strip()))
    return absolute(best, base) if best else None


def _plain_candidate(url: str) -> bool:
    """A URL that a srcset reads back as itself: no space inside, no comma at either end."""
    return len(url.split(maxsplit=1)) == 1 and not url.startswith(",") and not url.endswith(",")


def srcsets(element: Element) -> list[str]:
    """Its srcset and the lazy loaders' copies of it (data-srcset, data-lazy-srcset,
    data-flickity-lazyload-srcset...)."""
    return [str(value) for name, value in element.attrib.items()
            if str(name).lower().endswith(SRCSET_SUFFIX) and str(value).strip()]


def lazy_url(img: Element) -> str | None:
    """The first usable URL of its LAZY_SOURCES attributes (those it has: most have none)."""
    attrib = img.attrib
    for name in LAZY_SOURCES:
        value = attrib.get(name)
        if value and (url := usable_url(value)):
            return url
    return None


def _lazy_source(img: Element) -> str | None:
    """A URL in a lazy loader's attribute not in LAZY_SOURCES (data-lazyload-src...)."""
    for name, value in img.attrib.items():
        lowered = str(name).lower()
        if lowered.startswith("data-") and LAZY_SOURCE_NAME.fullmatch(lowered):
            url = usable_url(str(value))
            if url:
                return url
    return None


def _picture_of(img: Element) -> Element | None:
    """The <picture> of an <img>; the parser may nest its void <source>s, so the <img> can
    sit inside them."""
    node = outside_sources(img)
    return node if node is not None and node.tag == "picture" else None


def usable_url(value: str | None) -> str | None:
    """A URL, unless it is a data: URI, a placeholder a script replaces, or a fragment
    alone ("#": the page itself, until a script sets the address)."""
    value = (value or "").strip()
    if not value or value.startswith(("data:", "#")) or is_placeholder(value):
        return None
    return value


def _best_candidate(srcset: str) -> str | None:
    """The largest candidate of a srcset ("a.jpg 480w, b.jpg 960w" -> b.jpg); a plain
    URL is its own candidate. URLs may hold commas ("w_300,h_200"): a candidate ends at
    a comma followed by a space or at the end."""
    # Largest first, the first of equal ones ahead (stable sort; NaN and sizes not above
    # NO_SIZE never win): only candidates down to the first usable one are checked.
    sized = [(size, raw) for raw, descriptor in srcset_candidates(srcset)
             if (size := _descriptor_size(descriptor)) > NO_SIZE]
    sized.sort(key=lambda pair: -pair[0])
    return next((url for _, raw in sized if (url := usable_url(raw)) is not None), None)


def srcset_candidates(srcset: str) -> list[tuple[str, str]]:
    """(url, descriptor) pairs, read as browsers do: a URL is a run of non-space
    characters; one ending in a comma has no descriptor; else the descriptor runs to the
    next comma."""
    out: list[tuple[str, str]] = []
    position, end = 0, len(srcset)
    while position < end:
        match = SRCSET_URL.match(srcset, position)
        if match is None:
            break
        url, position = match.group(1), match.end()
        if url.endswith(","):
            out.append((url.rstrip(","), ""))
            continue
        comma = srcset.find(",", position)
        comma = end if comma < 0 else comma
        out.append((url, srcset[position:comma]))
        position = comma + 1
    return out


def _descriptor_size(descriptor: str) -> float:
    """"960w" -> 960; "2x" -> 2 (a density ranks below any width); none -> 0."""
    descriptor = descriptor.strip().lower()
    try:
        if descriptor.endswith("w"):
            return float(descriptor[:-1]) * DENSITY_PER_WIDTH
        if descriptor.endswith("x"):
            return float(descriptor[:-1])
    except ValueError:
        return 0.0
    return 0.0
