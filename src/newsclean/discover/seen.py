"""A set of URLs in 8 bytes an entry: 64-bit digests, most of them in sorted arrays
merged like a binary counter (so each digest is merged O(log n) times, and a merge only
ever holds two arrays and their union)."""

from __future__ import annotations

import hashlib
import heapq
from array import array
from bisect import bisect_left

__all__ = ["BUFFER", "CompactSet"]

BUFFER = 16_384  # digests kept in a plain set before they are merged into the array


def _digest(item: str) -> int:
    raw = hashlib.blake2b(item.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(raw, "big")


class CompactSet:
    """Membership of strings by 64-bit digest (a false match once in ~10^19 pairs).
    A Python set costs ~60 bytes an entry; this keeps ~8, so discovering a site of
    millions of URLs does not grow memory with them beyond that."""

    def __init__(self) -> None:
        self._runs: list[array[int]] = []  # sorted, each at most half the one before
        self._recent: set[int] = set()

    def __len__(self) -> int:
        return sum(len(run) for run in self._runs) + len(self._recent)

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, str):
            return False
        return self._has(_digest(item))

    def _has(self, value: int) -> bool:
        if value in self._recent:
            return True
        for run in self._runs:
            index = bisect_left(run, value)
            if index < len(run) and run[index] == value:
                return True
        return False

    def add(self, item: str) -> None:
        value = _digest(item)
        if self._has(value):
            return
        self._recent.add(value)
        if len(self._recent) >= BUFFER:
            run = array("Q", sorted(self._recent))
            self._recent = set()
            while self._runs and len(self._runs[-1]) <= len(run):
                run = array("Q", heapq.merge(self._runs.pop(), run))
            self._runs.append(run)
