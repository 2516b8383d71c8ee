"""How the patterns are written: helpers that build a regex from its alternatives."""

from __future__ import annotations

APOSTROPHE = "['’ʼ]"


def any_apostrophe(pattern: str) -> str:
    """The pattern with each straight apostrophe standing for a typographic one too
    ("Don’t miss", "Editors’ Picks")."""
    return pattern.replace("'", APOSTROPHE)


def _branches(alternation: str) -> list[str]:
    """The alternatives of a regex alternation: split at its own "|", not at those inside
    groups or classes."""
    out: list[str] = []
    depth = start = 0
    in_class = False
    i = 0
    while i < len(alternation):
        char = alternation[i]
        if char == "\\":
            i += 2  # an escaped character, whatever it is
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(alternation[start:i])
            start = i + 1
        i += 1
    out.append(alternation[start:])
    return out


def by_first_letter(alternation: str) -> str:
    """The alternation with its alternatives that open with the same letter merged
    ("related|read more" -> "r(?:elated|ead more)"). A case-insensitive match tries each
    alternative in turn, each a slow case-folding comparison: merged, it tries one letter
    per group. What matches is unchanged, but not which alternative matches first: for
    patterns whose match is only tested, never read (its end, its groups)."""
    parts: list[str | list[str]] = []  # in order: an alternative kept whole, or a letter's group
    groups: dict[str, list[str]] = {}  # letter -> its group: the letter, then its alternatives' rests
    for branch in _branches(alternation):
        # A letter a quantifier follows ("s?") is no fixed first letter.
        letter = branch[:1] if branch[:1].isalpha() and branch[1:2] not in ("?", "*", "+", "{") else ""
        if not letter:
            parts.append(branch)
        elif letter in groups:
            groups[letter].append(branch[1:])
        else:
            groups[letter] = [letter, branch[1:]]
            parts.append(groups[letter])
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            letter, *rests = part
            out.append(letter + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})"))
    return "|".join(out)
