"""Site rules as data: what a rule may say about one publisher's pages.

A selector is XPath when it starts with "/", "./", ".." or "(", and CSS otherwise.
Each field holds alternatives tried in order; the first that matches wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["RelatedBlockRule", "SiteRule", "normalise_domain"]

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def normalise_domain(value: str) -> tuple[str, bool]:
    """`(host, wildcard)` for a domain as written in a rule; ValueError says what is wrong.

    A leading "." marks "every sub-domain" and is dropped; case and a trailing dot are
    normalised away. Schemes, paths, ports and non-ASCII names are refused.
    """
    text = value.strip().lower().rstrip(".")
    if "://" in text or "/" in text:
        raise ValueError(f"{value!r} is not a host name (no scheme or path: write 'example.com')")
    wildcard = text.startswith(".")
    text = text.lstrip(".") if wildcard else text
    if not text:
        raise ValueError("empty domain")
    if not text.isascii():
        raise ValueError(f"{value!r}: write internationalised names in their xn-- form")
    labels = text.split(".")
    if len(labels) < 2:
        raise ValueError(f"{value!r} is not a host name: it needs a dot (example.com)")
    for label in labels:
        if not _LABEL.match(label):
            raise ValueError(f"{value!r} is not a host name: {label!r} is not a valid label "
                             "(letters, digits and inner hyphens)")
    return text, wildcard


@dataclass(frozen=True, slots=True)
class RelatedBlockRule:
    """Where one related-headline block sits and how to read its items."""

    block: str
    """Selector of the block's container."""
    item: str = ".//li"
    """Selector of one item, relative to the block."""
    name: str | None = None
    """Label stored in `RelatedLink.block`; default: derived from the block's heading."""
    url: str | None = None
    title: str | None = None
    section: str | None = None
    time: str | None = None
    teaser: str | None = None


@dataclass(frozen=True, slots=True)
class SiteRule:
    """Everything newsclean knows about one site. Unset fields fall to the engine."""

    name: str
    domains: tuple[str, ...]
    """Host names; a rule for "example.com" matches "www.example.com" and other sub-domains
    unless `exact_domains` is set."""
    source: str = "<memory>"
    story: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    """Containers of a story picture (figure-like); caption and credit are read inside."""
    captions: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    image_url_attributes: tuple[str, ...] = ()
    """Attributes of a picture's element holding its URL (lazy loading: "data-src"), read
    before the ones the engine knows; a srcset-like value gives its widest candidate."""
    related: tuple[RelatedBlockRule, ...] = ()
    strip: tuple[str, ...] = ()
    replace: tuple[tuple[str, str], ...] = ()
    """Plain string replacements applied to the raw HTML before parsing."""
    exact_domains: bool = False
    engine_fallback: bool = True
    """When the story selectors match nothing, let the generic engine find the story."""
    tests: tuple[str, ...] = field(default=())
    """Example URLs (documentation only)."""

    def matches(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        for domain in self.domains:
            if host == domain:
                return True
            if not self.exact_domains and host.endswith("." + domain):
                return True
        return False
