"""A tiny progress bar on stderr, silent when stderr is not a terminal.

>>> import io
>>> bar = Progress(10, "lstm", stream=io.StringIO())  # not a TTY: prints nothing
>>> bar.update(5); bar.close()
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """``[#####.....]  50% label`` redrawn in place at most ~10 times a second.

    Arguments:
        total: the number of units of work, at least 1.
        label: a short text shown after the bar.
        stream: where to draw (default ``sys.stderr``); nothing is drawn unless it is a TTY.
        width: the bar's width in characters.
    """

    def __init__(self, total: int, label: str = "", stream: TextIO | None = None, width: int = 30):
        self.total = max(int(total), 1)
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        self.width = width
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last = 0.0

    def update(self, done: int) -> None:
        """Show ``done`` of ``total`` units."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done < self.total:
            return
        self._last = now
        frac = min(max(done / self.total, 0.0), 1.0)
        filled = int(round(frac * self.width))
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {100 * frac:3.0f}% {self.label}")
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar."""
        if self.enabled:
            self.stream.write("\r" + " " * (self.width + 8 + len(self.label)) + "\r")
            self.stream.flush()
