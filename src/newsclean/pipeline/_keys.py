"""Input keys that do not depend on how an input path is spelt.

A record's key (its `input` in the output, which resume matches) starts with the name of
its input file. That name is the file's resolved path, so `pages.jsonl`, `./pages.jsonl`,
its absolute path and a symlink to it are one input, and a rerun spelt differently skips
what the first run wrote instead of writing it all again.
"""

from __future__ import annotations

import os
import re

__all__ = ["STDIN", "LegacyKeys", "input_name"]

STDIN = "-"
# What follows the input name in a key: ":<line>" (URL lists, JSONL) or "@<offset>" (WARC).
_POSITION = re.compile(r"(?::\d+|@\d+(?:/end)?)\Z")


def input_name(path: str) -> str:
    """The name the keys of `path`'s records start with."""
    if path == STDIN:
        return path
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):  # e.g. a NUL in the path: it cannot be opened either
        return path


class LegacyKeys:
    """Keys written before names were resolved (`pages.jsonl:12`), in their resolved form,
    so an output from an older run still resumes. Names are resolved once each."""

    def __init__(self) -> None:
        self._names: dict[str, str | None] = {}

    def alias(self, key: str) -> str | None:
        match = _POSITION.search(key)
        if match is None or match.start() == 0:
            return None
        name = key[:match.start()]
        if name not in self._names:
            self._names[name] = self._resolve(name)
        resolved = self._names[name]
        return None if resolved is None else resolved + match.group()

    @staticmethod
    def _resolve(name: str) -> str | None:
        if name == STDIN or os.path.isabs(name):
            return None
        try:
            if not os.path.isfile(name):
                return None
            resolved = os.path.realpath(name)
        except (OSError, ValueError):
            return None
        return resolved if resolved != name else None
