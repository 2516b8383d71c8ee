"""The extraction engine: parsed tree + site rule -> Article."""

from __future__ import annotations

from .engine import explain, extract

__all__ = ["explain", "extract"]
