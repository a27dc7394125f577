"""Ctrl-C: one line and exit status 130 at the command line; never half-written output.

The command line catches :class:`KeyboardInterrupt` once, in :func:`symrnn.cli.main`, and
prints :data:`MESSAGE`. Output directories are written aside and renamed into place
(:mod:`symrnn._atomic`); that short renaming step runs under :func:`deferred_interrupts`, so
a Ctrl-C arriving then takes effect just after it, never in the middle.

>>> with deferred_interrupts():
...     pass
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["EXIT_INTERRUPTED", "MESSAGE", "deferred_interrupts"]

#: The conventional exit status after SIGINT (128 + 2).
EXIT_INTERRUPTED = 130
MESSAGE = "symrnn: interrupted (Ctrl-C); nothing was written"


@contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold SIGINT during the block; a Ctrl-C received meanwhile is raised at its end."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum: int, frame: object) -> None:
        received.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt
