"""A one-line progress bar on standard error, drawn only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .core import Stats
from .output import Reporter
from .records import InputMeter

__all__ = ["ProgressBar"]


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


class ProgressBar(Reporter):
    """pages, rate, errors and (when the input size is known) percentage and ETA.

    Redrawn at most every `interval` seconds; silent unless `enabled` (default: the
    stream is a terminal). `finish` clears the bar; the summary is the caller's."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool | None = None,
                 interval: float = 0.2, width: int = 24) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.interval = interval
        self.width = width
        self._last = 0.0
        self._drawn = False

    def render(self, stats: Stats, meter: InputMeter | None) -> str:
        elapsed = stats.elapsed
        rate = stats.results / elapsed if elapsed > 0 else 0.0
        parts = [f"{stats.results} pages", f"{rate:.1f}/s", f"{stats.errors} errors"]
        if stats.skipped:
            parts.append(f"{stats.skipped} skipped")
        if meter is not None and meter.total and meter.done:
            share = min(1.0, meter.done / meter.total)
            filled = int(share * self.width)
            bar = "#" * filled + "-" * (self.width - filled)
            remaining = elapsed * (1 - share) / share if share > 0 else 0.0
            parts.insert(0, f"[{bar}] {share * 100:3.0f}%")
            parts.append(f"ETA {_clock(remaining)}")
        return "  ".join(parts)

    def update(self, stats: Stats, meter: InputMeter) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        self.stream.write("\r" + self.render(stats, meter) + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def finish(self, stats: Stats, meter: InputMeter) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
