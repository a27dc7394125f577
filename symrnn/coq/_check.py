"""Run ``coqc`` on an export (``make -j2``, with a timeout) and read the result per file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field

from .._errors import SymrnnError

__all__ = ["CoqCheck", "check_coq", "coqc_available", "CoqUnavailableError"]


class CoqUnavailableError(SymrnnError, RuntimeError):
    """coqc (or make) is not installed."""


def coqc_available() -> bool:
    """True when ``coqc`` and ``make`` are on the PATH."""
    return shutil.which("coqc") is not None and shutil.which("make") is not None


@dataclass(frozen=True)
class CoqCheck:
    """The result of checking an export: per-file ``"checked"``/``"failed"``, the seconds,
    and the first error message of each failed file."""

    ok: bool
    files: dict[str, str]
    seconds: float
    errors: dict[str, str] = field(default_factory=dict)
    timed_out: bool = False


_ERROR = re.compile(r'File "\./?([^"]+\.v)", line (\d+)[^\n]*\n(Error:[^\n]*(?:\n[^\n]+)*)')


def check_coq(directory: str, *, timeout: float = 300.0, jobs: int = 2) -> CoqCheck:
    """``make -k -jJOBS`` in ``directory``; a file is checked iff its ``.vo`` was built."""
    if not coqc_available():
        raise CoqUnavailableError(
            "coqc/make not found on PATH; install Coq with Interval and Coquelicot, e.g. "
            "`apt-get install coq libcoq-interval libcoq-coquelicot`")
    sources = sorted(f[:-2] for f in os.listdir(directory) if f.endswith(".v"))
    for stem in sources:  # a stale .vo must not count as checked
        for ext in (".vo", ".vok", ".vos", ".glob"):
            path = os.path.join(directory, stem + ext)
            if os.path.exists(path):
                os.remove(path)
    start = time.perf_counter()
    timed_out = False
    try:
        proc = subprocess.run(["make", "-k", f"-j{jobs}"], cwd=directory, capture_output=True,
                              text=True, timeout=timeout)
        output = proc.stdout + proc.stderr
    except subprocess.TimeoutExpired as exc:
        timed_out = True
        output = str(exc.stdout or "") + str(exc.stderr or "")
    seconds = time.perf_counter() - start
    files = {f"{s}.v": "checked" if os.path.exists(os.path.join(directory, s + ".vo"))
             else "failed" for s in sources}
    errors = {m.group(1): f"line {m.group(2)}: {m.group(3).strip()}"
              for m in _ERROR.finditer(output)}
    for f, st in files.items():
        if st == "failed" and f not in errors:
            errors[f] = "timed out" if timed_out else "not built (a file it imports failed)"
    return CoqCheck(all(s == "checked" for s in files.values()), files, seconds, errors,
                    timed_out)
