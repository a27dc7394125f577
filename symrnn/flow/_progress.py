"""The progress bar of ``symrnn flow``; it lives in :mod:`symrnn._progress`, shared with the
other commands.

>>> import io
>>> Progress(3, "rnn", stream=io.StringIO()).enabled  # not a TTY: draws nothing
False
"""

from __future__ import annotations

from .._progress import Progress

__all__ = ["Progress"]
