"""Progress on stderr, for commands that can take more than about 2 s.

Two printers, both silent unless the stream is a terminal (and silent with ``--quiet``):

* :class:`Progress` — a bar for work of known size (``symrnn flow``'s steps);
* :class:`Activity` — for work of unknown length (``symrnn docs``, ``export coq --check``,
  ``verify``): after ``delay`` seconds a line ``label: step … 12 s`` is redrawn in place twice
  a second from a background thread, and erased when the work ends.

>>> import io
>>> bar = Progress(10, "lstm", stream=io.StringIO())  # not a TTY: prints nothing
>>> bar.update(5); bar.close()
>>> with Activity("docs", stream=io.StringIO()) as act:
...     act.step("claims")
"""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import TextIO

__all__ = ["Progress", "Activity", "is_terminal"]


def is_terminal(stream: TextIO | None = None, quiet: bool = False) -> bool:
    """True when progress should be drawn on ``stream`` (default stderr)."""
    stream = sys.stderr if stream is None else stream
    return not quiet and bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    """``[#####.....]  50% label`` redrawn in place at most ~10 times a second.

    Arguments:
        total: the number of units of work, at least 1.
        label: a short text shown after the bar.
        stream: where to draw (default ``sys.stderr``); nothing is drawn unless it is a TTY.
        width: the bar's width in characters.
        quiet: draw nothing.
    """

    def __init__(self, total: int, label: str = "", stream: TextIO | None = None, width: int = 30,
                 quiet: bool = False):
        self.total = max(int(total), 1)
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        self.width = width
        self.enabled = is_terminal(self.stream, quiet)
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


class Activity:
    """``label: step … 12 s`` on a terminal while a block runs longer than ``delay`` seconds.

    Arguments:
        label: what runs ("symrnn docs").
        stream: where to draw (default ``sys.stderr``); nothing unless it is a TTY.
        quiet: draw nothing.
        delay: seconds before the first line (short work prints nothing).
        tick: redraw from a background thread; with False the line is redrawn only by
            :meth:`step` (for work that forks worker processes: forking a process that runs
            threads is unsafe).
    """

    def __init__(self, label: str, stream: TextIO | None = None, quiet: bool = False,
                 delay: float = 2.0, tick: bool = True) -> None:
        self.label = label
        self.tick = tick
        self.stream = sys.stderr if stream is None else stream
        self.enabled = is_terminal(self.stream, quiet)
        self.delay = delay
        self.text = ""
        self._start = time.monotonic()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._width = 0

    def step(self, text: str) -> None:
        """Name the current step (shown after the label)."""
        self.text = text
        if self.enabled and not self.tick and not self._stop.is_set() and (
                time.monotonic() - self._start >= self.delay):
            self._draw()

    def _draw(self) -> None:
        with self._lock:
            line = self._line()[:110]
            pad = max(self._width - len(line), 0)
            self._width = len(line)
            self.stream.write("\r" + line + " " * pad)
            self.stream.flush()

    def _line(self) -> str:
        elapsed = time.monotonic() - self._start
        return f"{self.label}" + (f": {self.text}" if self.text else "") + f" … {elapsed:.0f} s"

    def _run(self) -> None:
        if self._stop.wait(self.delay):
            return
        while not self._stop.is_set():
            self._draw()
            if self._stop.wait(0.5):
                return

    def __enter__(self) -> "Activity":
        self._start = time.monotonic()
        if self.enabled and self.tick:
            self._thread = threading.Thread(target=self._run, name="symrnn-progress", daemon=True)
            self._thread.start()
        return self

    def close(self) -> None:
        """Stop and erase the line (before printing results); idempotent."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1.0)
            self._thread = None
        with self._lock:
            if self._width:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()
                self._width = 0

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
