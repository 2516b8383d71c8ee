"""Tests that count calls by putting a counter in a function's place run on the Python
modules only: the compiled build's modules call each other directly, past the counter."""

from __future__ import annotations

from types import ModuleType

import pytest


def python_modules_only(module: ModuleType) -> pytest.MarkDecorator:
    """Skip the test when `module` is compiled (its file is no .py)."""
    return pytest.mark.skipif(
        not (module.__file__ or "").endswith(".py"),
        reason="the compiled build's modules call each other directly, past the counters "
               "put in their place")
