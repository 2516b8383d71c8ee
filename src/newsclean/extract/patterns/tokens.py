"""How class names and role attributes are cut into tokens."""

from __future__ import annotations

import re

# Class and id values are split into lower-case tokens ("article__body-text" ->
# {"article", "body", "text"}); a container is judged by the tokens it carries.

TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
# "non-paywall", "no-ads", "has-sidebar": the word after these does not describe the element;
# nor in Drupal's "field--label-hidden" (the field's label is hidden, not the field).
NEGATING_TOKENS = frozenset({"non", "no", "not", "without", "has", "with", "hide", "show",
                             "label"})
NEGATING_SUFFIXES = frozenset({"false", "off", "disabled", "none"})
# Utility classes that set a style ("overflow-hidden", "overflow-x-hidden" clip the
# element's content, they do not hide the element): the whole value names nothing.
STYLE_PREFIXES = frozenset({"overflow"})
# Page builders call every block of a page a widget ("elementor-widget-wrap" around one
# paragraph): after their prefix the word names nothing.
BUILDER_WORDS = frozenset({("elementor", "widget")})
# "hidden-xs", "hide-mobile": shown on other screens, so not hidden from the reader.
RESPONSIVE_PREFIXES = frozenset({"hidden", "hide", "visible"})
HIDING_CLASSES = frozenset({"hide", "hidden", "d-none", "is-hidden"})
"""The CSS frameworks' utility classes that set `display: none` (Bootstrap, Foundation,
Tailwind, Bulma), each a whole class name."""
SCREEN_SIZES = frozenset({"xs", "sm", "md", "lg", "xl", "xxl", "mobile", "phone", "tablet",
                          "desktop", "print", "small", "medium", "large"})
ROLE_ATTRIBUTES = ("data-component", "data-qa", "data-testid", "itemprop", "data-type")
CAMEL_TAIL = re.compile(r"(?<=[a-z])[A-Z][a-z]{2,}(?=$|[^A-Za-z])")
"""The last word of a camelCase name. Read for picture parts only: on containers such
words mislead ("heroBanner" is no banner advert)."""
