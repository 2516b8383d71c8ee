"""The extraction engine: parsed tree + site rule -> Article."""

from __future__ import annotations

from .context import HTMLInput
from .engine import explain, extract
from .settings import Settings, SettingsError

__all__ = ["HTMLInput", "Settings", "SettingsError", "explain", "extract"]
