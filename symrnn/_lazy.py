"""Lazy public names for a package (PEP 562): import a submodule on first use.

``symrnn verify`` needs the claims, the cells and the provers, not the report, the Coq
export, the flow measurements or the torch importer; with every package's names resolved on
first access, a command imports only what it runs. Type checkers read the names from each
package's ``if TYPE_CHECKING:`` block, which lists the same imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def attach(package: str, names: dict[str, tuple[str, str]], namespace: dict[str, Any]
           ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``names`` maps a public name to the
    (relative) module that defines it and its name there; a resolved name is stored in
    ``namespace``."""

    def __getattr__(name: str) -> Any:
        where = names.get(name)
        if where is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, attribute = where
        value = getattr(importlib.import_module(module, package), attribute)
        namespace[name] = value  # later lookups no longer come here
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(names))

    return __getattr__, __dir__


def names_of(imports: dict[str, str]) -> dict[str, tuple[str, str]]:
    """``{"module": "a b=c"}`` -> ``{"a": ("module", "a"), "b": ("module", "c")}``: a name,
    or ``public=defined`` for a name the package renames."""
    out = {}
    for module, text in imports.items():
        for token in text.split():
            public, _, defined = token.partition("=")
            out[public] = (module, defined or public)
    return out
