"""Run ``coqc`` on an export (``make -j2``, with a timeout) and read the result per file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field

from .._errors import SymrnnError

__all__ = ["CoqCheck", "check_coq", "coqc_available", "CoqUnavailableError",
           "record_assumptions", "theorem_names", "parse_assumptions"]


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


_THEOREM = re.compile(r"^(?:Lemma|Theorem|Corollary)\s+([A-Za-z_][A-Za-z0-9_']*)", re.M)


def theorem_names(directory: str) -> dict[str, str]:
    """Theorem (and lemma) name -> the stem of its ``.v`` file, for every file of the export,
    in file order (``Defs.v`` first)."""
    stems = sorted(f[:-2] for f in os.listdir(directory) if f.endswith(".v"))
    stems.sort(key=lambda s: s != "Defs")
    out: dict[str, str] = {}
    for stem in stems:
        with open(os.path.join(directory, f"{stem}.v"), encoding="utf-8") as fh:
            for m in _THEOREM.finditer(fh.read()):
                out[m.group(1)] = stem
    return out


def parse_assumptions(text: str) -> tuple[str, ...]:
    """The axiom names of one ``Print Assumptions`` output (sorted); () when closed."""
    if "Axioms:" not in text:
        return ()
    body = text.split("Axioms:", 1)[1]
    names = {line.split(" : ")[0].split()[0] for line in body.splitlines()
             if line and not line[0].isspace()}
    return tuple(sorted(names))


def record_assumptions(directory: str, names: dict[str, str] | None = None, *,
                       jobs: int = 2, timeout: float = 1800.0) -> dict[str, tuple[str, ...]]:
    """Run ``Print Assumptions`` on every theorem of a checked export (``names``: theorem ->
    file stem, default all of :func:`theorem_names`) in ``jobs`` coqc processes; theorem ->
    the axioms Coq reports. Each query walks the whole dependency graph down to Coq's real
    numbers (about a second each), so this takes minutes for the whole export."""
    if not coqc_available():
        raise CoqUnavailableError("coqc not found on PATH; install Coq to record assumptions")
    names = theorem_names(directory) if names is None else names
    stems = sorted(set(names.values()))
    items = list(names.items())
    chunks = [items[k::jobs] for k in range(jobs)]
    out: dict[str, tuple[str, ...]] = {}
    with tempfile.TemporaryDirectory(prefix="symrnn-assumptions-") as tmp:
        procs = []
        for k, chunk in enumerate(chunks):
            if not chunk:
                continue
            lines = [f"From Symrnn Require {' '.join(stems)}."]
            lines += [f'Redirect "a{k}_{i}" Print Assumptions Symrnn.{stem}.{name}.'
                      for i, (name, stem) in enumerate(chunk)]
            path = os.path.join(tmp, f"Print{k}.v")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
            procs.append(subprocess.Popen(["coqc", "-R", os.path.abspath(directory), "Symrnn",
                                           path], cwd=tmp, stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, text=True))
        deadline = time.monotonic() + timeout
        for p in procs:
            try:
                _, err = p.communicate(timeout=max(1.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                for q in procs:
                    q.kill()
                raise SymrnnError(f"Print Assumptions did not finish within timeout={timeout} s; "
                                  "raise the timeout") from None
            if p.returncode != 0:
                raise SymrnnError(f"Print Assumptions failed: {err.strip()[:300]}; check the "
                                  "export first (symrnn export coq DIR --check)")
        for k, chunk in enumerate(chunks):
            for i, (name, _) in enumerate(chunk):
                with open(os.path.join(tmp, f"a{k}_{i}.out"), encoding="utf-8") as fh:
                    out[name] = parse_assumptions(fh.read())
    return {name: out[name] for name, _ in items}
