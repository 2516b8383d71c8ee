"""Small guards against hostile or broken page data: time-zone names and offsets that
dates carry, and JSON nested deeper than the decoder's recursion allows."""

from __future__ import annotations

from datetime import datetime, tzinfo

from dateutil import tz

_HOUR = 3600
ZONE_OFFSETS: dict[str, int] = {
    # Europe
    "UTC": 0, "UT": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": _HOUR, "BST": _HOUR,
    "CET": _HOUR, "CEST": 2 * _HOUR, "MEZ": _HOUR, "MESZ": 2 * _HOUR,
    "EET": 2 * _HOUR, "EEST": 3 * _HOUR, "MSK": 3 * _HOUR,
    # Africa
    "WAT": _HOUR, "CAT": 2 * _HOUR, "SAST": 2 * _HOUR, "EAT": 3 * _HOUR,
    # North America
    "EST": -5 * _HOUR, "EDT": -4 * _HOUR, "CDT": -5 * _HOUR, "MST": -7 * _HOUR,
    "MDT": -6 * _HOUR, "PST": -8 * _HOUR, "PDT": -7 * _HOUR, "AKST": -9 * _HOUR,
    "AKDT": -8 * _HOUR, "HST": -10 * _HOUR, "NST": -3 * _HOUR - 1800,
    "NDT": -2 * _HOUR - 1800,
    # South America
    "BRT": -3 * _HOUR, "ART": -3 * _HOUR,
    # Asia and Oceania
    "PKT": 5 * _HOUR, "ICT": 7 * _HOUR, "WIB": 7 * _HOUR, "HKT": 8 * _HOUR,
    "SGT": 8 * _HOUR, "PHT": 8 * _HOUR, "AWST": 8 * _HOUR, "JST": 9 * _HOUR,
    "KST": 9 * _HOUR, "ACST": 9 * _HOUR + 1800, "ACDT": 10 * _HOUR + 1800,
    "AEST": 10 * _HOUR, "AEDT": 11 * _HOUR, "NZST": 12 * _HOUR, "NZDT": 13 * _HOUR,
}
"""Zone abbreviations that news pages print, with their offset in seconds. Names with
more than one common meaning (IST: India, Ireland or Israel; CST: US Central or China;
AST: Atlantic or Arabia) and season-less ones (ET, PT) are left out on purpose: a date
naming them keeps its clock time with no zone rather than a guessed one."""


def zone_info(name: str | None, offset: int | None) -> tzinfo | None:
    """dateutil's `tzinfos` hook. As a callable it is asked about every parsed date, so
    dateutil never warns about a name it does not know and never falls back to the
    machine's own zone (which would make results depend on where they are computed)."""
    if offset is not None:
        return tz.UTC if offset == 0 else tz.tzoffset(name, offset)
    if name is None:
        return None
    seconds = ZONE_OFFSETS.get(name.upper())
    if seconds is None:
        return None  # an unknown or ambiguous name: the date stays naive
    return tz.UTC if seconds == 0 else tz.tzoffset(name, seconds)


def has_valid_offset(moment: datetime) -> bool:
    """False for a datetime whose zone gives an offset of 24 hours or more, which
    dateutil builds from "+24:00" but which cannot be used, compared or serialised."""
    try:
        moment.utcoffset()
    except (ValueError, OverflowError, TypeError):
        return False
    return True


def json_too_deep(text: str, limit: int) -> bool:
    """Whether `text`, read as JSON, nests arrays and objects deeper than `limit`.
    Brackets inside strings do not count. A linear scan, cheap next to decoding."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


MAX_AGE_DIGITS = 6
"""Digits of a count in a relative age ("3 hours ago") read at most: no real age runs
to a million units, and int() refuses thousands of digits."""

MAX_SCANNED_ELEMENTS = 20_000
"""Elements a last-resort search (a printed date, a byline near the headline) looks at
at most: real pages hold a few thousand, hostile ones millions."""

COLLAPSE_CHUNK = 1 << 20
"""Characters of a long text folded at a time: str.split() on a whole 20 MB text node
holds millions of word objects at once, ten times the text's size."""
