"""The extraction engine: parsed tree + site rule -> Article."""

from __future__ import annotations

from .core import explain, extract

__all__ = ["explain", "extract"]
