"""Outputs that are complete or absent: written aside, renamed into place at the end.

``symrnn flow --out``, ``docs --out`` (and ``--markdown``) and ``export coq DIR`` open their
output *before any work*, which checks the path at once (an existing file where a directory
is wanted, a directory without write permission: one line, exit 2, nothing measured). The
work writes into a temporary directory ``.NAME.XXXX.partial`` (beside a new output
directory, inside an existing one: either way on the same file system); on success its
entries are renamed into place, under :func:`symrnn._interrupt.deferred_interrupts`; on an
error or Ctrl-C it is removed. An interrupted run leaves the old output as it was.

>>> import os, tempfile
>>> root = tempfile.mkdtemp()
>>> with AtomicDir(os.path.join(root, "out")) as out:
...     _ = (out.tmp / "a.txt").write_text("done")
>>> sorted(os.listdir(root)), os.listdir(os.path.join(root, "out"))
(['out'], ['a.txt'])
>>> try:
...     with AtomicDir(os.path.join(root, "out2")) as out:
...         raise KeyboardInterrupt
... except KeyboardInterrupt:
...     sorted(os.listdir(root))
['out']
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from ._errors import OutputPathError
from ._interrupt import deferred_interrupts

__all__ = ["AtomicDir", "AtomicFile"]

_Self = TypeVar("_Self", bound="_Atomic")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _prepare_parent(final: Path, option: str) -> list[Path]:
    """Create the missing parents of ``final``; the ones created (to remove on failure)."""
    parent = final.parent
    missing: list[Path] = []
    p = parent
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    if not p.is_dir():
        raise OutputPathError(f"{option}={final}: {p} is a file, not a directory; choose "
                              "another path")
    created: list[Path] = []
    try:
        for d in reversed(missing):
            d.mkdir()
            created.append(d)
    except OSError as e:
        _remove_created(created)
        raise OutputPathError(f"{option}={final}: cannot create {d} ({e.strerror}); choose a "
                              "writable directory") from None
    return created


def _remove_created(created: list[Path]) -> None:
    for d in reversed(created):
        try:
            d.rmdir()
        except OSError:  # not empty any more (someone else wrote there): leave it
            break


class _Atomic:
    """As a context manager: :meth:`commit` when the block succeeds, :meth:`discard` (with
    Ctrl-C held) when it raises."""

    def commit(self) -> None:
        raise NotImplementedError

    def discard(self) -> None:
        raise NotImplementedError

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            with deferred_interrupts():
                self.discard()


class AtomicDir(_Atomic):
    """An output directory built in ``tmp`` and renamed to ``final`` when the block succeeds.

    Arguments:
        path: the output directory (created if missing, with its parents).
        option: how the user named it, for messages (``--out``, ``DIR``).

    Raises:
        OutputPathError: at once, if ``path`` is a file or its directory is not writable.
    """

    def __init__(self, path: str | os.PathLike[str], option: str = "--out") -> None:
        self.final = Path(path)
        self.option = option
        if self.final.exists() and not self.final.is_dir():
            raise OutputPathError(f"{option}={path} is an existing file; give a directory "
                                  "(it is created if missing)")
        if self.final.is_dir() and not os.access(self.final, os.W_OK | os.X_OK):
            raise OutputPathError(f"{option}={path}: the directory is not writable; choose "
                                  "another one")
        self._created = _prepare_parent(self.final.absolute(), option)
        # inside an existing directory, beside a new one: the renames stay on one file system
        where = self.final if self.final.is_dir() else self.final.absolute().parent
        try:
            self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.final.absolute().name or 'out'}.",
                                             suffix=".partial", dir=where))
        except OSError as e:
            _remove_created(self._created)
            raise OutputPathError(f"{option}={path}: cannot write in {where} ({e.strerror}); "
                                  "choose a writable directory") from None
        self.tmp.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the output is not
        self.done = False

    def final_path(self, p: str | os.PathLike[str]) -> Path:
        """Where ``p`` (a path inside ``tmp``) ends up after :meth:`commit`."""
        try:
            return self.final / Path(p).absolute().relative_to(self.tmp.absolute())
        except ValueError:
            return Path(p)

    def commit(self) -> None:
        """Rename the results into place (Ctrl-C is held until this ends)."""
        if self.done:
            return
        with deferred_interrupts():
            if not self.final.exists():
                os.rename(self.tmp, self.final)
            else:
                old = Path(tempfile.mkdtemp(prefix=".old.", dir=self.tmp))
                for entry in sorted(self.tmp.iterdir()):
                    if entry == old:
                        continue
                    dest = self.final / entry.name
                    if (dest.is_dir() and not dest.is_symlink()) or (
                            entry.is_dir() and os.path.lexists(dest)):
                        os.rename(dest, old / entry.name)  # removed with tmp below
                    os.replace(entry, dest)
                shutil.rmtree(self.tmp, ignore_errors=True)
            self.done = True

    def discard(self) -> None:
        """Remove everything written (and the parents this object created)."""
        if self.done:
            return
        shutil.rmtree(self.tmp, ignore_errors=True)
        _remove_created(self._created)
        self.done = True



class AtomicFile(_Atomic):
    """One output file written to ``tmp`` beside ``final`` and renamed at :meth:`commit`."""

    def __init__(self, path: str | os.PathLike[str], option: str = "--out") -> None:
        self.final = Path(path)
        self.option = option
        if self.final.is_dir():
            raise OutputPathError(f"{option}={path} is a directory; give a file name")
        self._created = _prepare_parent(self.final.absolute(), option)
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.final.name}.", suffix=".partial",
                                        dir=self.final.absolute().parent)
        except OSError as e:
            _remove_created(self._created)
            raise OutputPathError(f"{option}={path}: cannot write in "
                                  f"{self.final.absolute().parent} ({e.strerror}); choose a "
                                  "writable directory") from None
        os.close(fd)
        self.tmp = Path(name)
        self.tmp.chmod(0o666 & ~_umask())
        self.done = False

    def commit(self) -> None:
        if not self.done:
            with deferred_interrupts():
                os.replace(self.tmp, self.final)
                self.done = True

    def discard(self) -> None:
        if not self.done:
            self.tmp.unlink(missing_ok=True)
            _remove_created(self._created)
            self.done = True
