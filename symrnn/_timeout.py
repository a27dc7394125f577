"""A wall-clock budget for a block of work: ``--timeout`` and ``timeout=``.

>>> import time
>>> with time_limit(None, "nothing"):  # None: no limit
...     pass
>>> try:
...     with time_limit(0.05, "a sleep"):
...         time.sleep(1)
... except TimeLimitError as e:
...     print(e)
a sleep took longer than its time limit, timeout=0.05 s; give a larger timeout or a smaller input

The budget is enforced with ``SIGALRM`` (``setitimer``), so it applies in the main thread of
a POSIX system; elsewhere (a worker thread, Windows) the block runs without a limit. Limits
nest: an inner block cannot extend an outer budget. Code that catches the error by accident
(a broad ``except`` in a library) does not escape: once expired, the error is raised again
every 50 ms until the block ends, and on leaving the block. Where Python cannot propagate it
(a callback run during ``fork``, a ``__del__``) it is dropped silently — not printed as
"Exception ignored" — and raised again 50 ms later.
"""

from __future__ import annotations

import math
import signal
import sys
import threading
import time
from types import FrameType, TracebackType

from ._errors import TimeLimitError

__all__ = ["time_limit", "TimeLimitError", "check_timeout"]

_REPEAT = 0.05


def check_timeout(value: object, name: str = "timeout") -> float | None:
    """``value`` as seconds > 0 (None: no limit), or an :class:`InvalidArgumentError`."""
    from ._errors import InvalidArgumentError

    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
            math.isfinite(value) and value > 0):
        raise InvalidArgumentError(f"{name}={value!r} must be a number of seconds > 0 (or None "
                                   "for no limit)")
    return float(value)


class time_limit:
    """Context manager: raise :class:`TimeLimitError` if the block runs past ``seconds``.

    Arguments:
        seconds: the budget (None: no limit).
        what: names the work in the message ("analyze cell.toml").
        option: how the user sets the budget ("--timeout", "timeout=").
    """

    _stack: list["time_limit"] = []
    _previous_handler: object = None
    _previous_hook: object = None

    def __init__(self, seconds: float | None, what: str, option: str = "timeout") -> None:
        self.seconds = check_timeout(seconds)
        self.what = what
        self.option = option
        self.deadline = math.inf
        self.expired = False
        self.active = False

    def error(self) -> TimeLimitError:
        return TimeLimitError(
            f"{self.what} took longer than its time limit, {self.option}={self.seconds:g} s; "
            f"give a larger {self.option.rstrip('=')} or a smaller input")

    def __enter__(self) -> "time_limit":
        if (self.seconds is None or threading.current_thread() is not threading.main_thread()
                or not hasattr(signal, "setitimer")):
            return self
        self.active = True
        self.deadline = time.monotonic() + self.seconds
        if not time_limit._stack:
            time_limit._previous_handler = signal.signal(signal.SIGALRM, time_limit._on_alarm)
            time_limit._previous_hook = sys.unraisablehook
            sys.unraisablehook = time_limit._unraisable
        time_limit._stack.append(self)
        time_limit._arm()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if not self.active:
            return
        stack = time_limit._stack
        if self in stack:
            stack.remove(self)
        if stack:
            time_limit._arm()
        else:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, time_limit._previous_handler)  # type: ignore[arg-type]
            sys.unraisablehook = time_limit._previous_hook  # type: ignore[assignment]
        self.active = False
        if self.expired and not isinstance(exc, TimeLimitError) and (
                kind is None or issubclass(kind, Exception)):
            raise self.error() from None  # the error was swallowed inside the block

    @staticmethod
    def _arm() -> None:
        now = time.monotonic()
        soonest = min(t.deadline for t in time_limit._stack)
        if any(t.expired for t in time_limit._stack):
            soonest = now
        signal.setitimer(signal.ITIMER_REAL, max(soonest - now, 1e-3), _REPEAT)

    @staticmethod
    def _unraisable(info: "sys.UnraisableHookArgs") -> None:
        if isinstance(info.exc_value, TimeLimitError):
            return  # raised where it cannot propagate: the repeating alarm raises it again
        time_limit._previous_hook(info)  # type: ignore[operator]

    @staticmethod
    def _on_alarm(signum: int, frame: FrameType | None) -> None:
        now = time.monotonic()
        due = [t for t in time_limit._stack if t.deadline <= now]
        if not due:  # woke early (a nested budget ended): wait for the next deadline
            time_limit._arm()
            return
        first = min(due, key=lambda t: t.deadline)
        for t in due:
            t.expired = True
        raise first.error()
