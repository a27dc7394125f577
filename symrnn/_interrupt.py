"""Ctrl-C: one line and exit status 130 at the command line; never half-written output.

The command line catches :class:`KeyboardInterrupt` once, in :func:`symrnn.cli.main`, and
prints :data:`MESSAGE`. Output directories are written aside and renamed into place
(:mod:`symrnn._atomic`); that short renaming step runs under :func:`deferred_interrupts`, so
a Ctrl-C arriving then takes effect just after it, never in the middle. Worker processes
(``verify --jobs``, the figures of ``docs``) are started under
:func:`workers_ignore_interrupts`: a Ctrl-C at a terminal reaches every process of the
group, and only the command itself should answer it — with its one line, not a traceback
per worker.

>>> with deferred_interrupts():
...     pass
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["EXIT_INTERRUPTED", "MESSAGE", "deferred_interrupts", "workers_ignore_interrupts",
           "quiet_worker"]

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


@contextmanager
def workers_ignore_interrupts() -> Iterator[None]:
    """Start worker processes in this block: they ignore SIGINT (an ignored signal stays
    ignored across ``fork`` and ``exec``, and Python then installs no KeyboardInterrupt
    handler), so Ctrl-C interrupts only this process, which stops them. A Ctrl-C during the
    block itself (the few milliseconds of starting them) is lost."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _ignore(signum: int, frame: object) -> None:
    """A SIGINT handler that does nothing (unlike SIG_IGN, reset to the default by exec)."""


def quiet_worker() -> None:
    """Initializer of a worker process started under :func:`workers_ignore_interrupts`: it
    keeps ignoring Ctrl-C, but the programs it runs (``make``, ``coqc``) get the default
    action again, so a Ctrl-C at the terminal stops them too."""
    signal.signal(signal.SIGINT, _ignore)
