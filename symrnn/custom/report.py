r"""Rendering an :class:`~symrnn.custom.analysis.Analysis`: plain text, JSON and LaTeX.

All three are read off the same analysed objects (nothing typed twice): each term's gate
notation, role, gate count and bound; each block's n-D matrix form; the invariants; and the
cell's path derivative (with its substitutions), when it has one.
"""

from __future__ import annotations

from typing import Any

import sympy

from .analysis import Analysis

__all__ = ["to_text", "to_json", "to_latex"]


def _bound_text(b: Any) -> str:
    if b.status == "unknown":
        return "unknown (" + b.reason + ")"
    word = {"sup": "sup", "upper": "<="}[b.status]
    att = {True: ", attained", False: ", not attained", None: ""}[b.attained]
    return f"{word} {b.bound}{att}" + (f"  [{b.reason}]" if b.reason else "")


def to_text(a: Analysis) -> str:
    """A human-readable report."""
    c = a.cell
    lines = [f"{c.name}: {c.title}", f"  reference: {c.reference}" if c.reference else "",
             "  equations:"]
    lines += [f"    {s} = {e}" for s, e in c.definitions]
    for (out, inp), form in a.matrix_form.items():
        lines.append(f"\n  d{out}_t/d{inp}_(t-1)   (n-D: {form})")
        for t in a.block_terms(out, inp):
            lines.append(f"    [{t.role:9}] {t.expr}")
            lines.append(f"        gates: {t.gates}   bound: {_bound_text(t.bound)}")
    if a.path is not None:
        subs = ", ".join(f"{k} = {v}" for k, v in a.path.substitutions.items())
        p = a.cell.path
        assert p is not None  # a.path is derived from it
        lines.append(f"\n  path d{p.of}_t/d{p.wrt}_(t-1)" + (f"   with {subs}" if subs else ""))
        for t in a.path_terms:
            lines.append(f"    [{t.role:9}] {t.expr}")
            lines.append(f"        gates: {t.gates}   bound: {_bound_text(t.bound)}")
    inv = a.invariants
    lines.append(f"\n  state invariants: {inv.status}: {inv.statement}")
    lines.append(f"  time: {a.seconds['total']:.3f} s")
    return "\n".join(x for x in lines if x != "")


def to_json(a: Analysis) -> dict[str, Any]:
    """A JSON-serialisable report."""
    c = a.cell
    return {
        "cell": c.name, "title": c.title, "reference": c.reference, "notes": c.notes,
        "states": list(c.state_names),
        "definitions": {str(s): str(e) for s, e in c.definitions},
        "params": {p.name: p.kind for p in c.params},
        "blocks": [{"of": f"{o}_t", "wrt": f"{i}_(t-1)", "matrix_form": a.matrix_form[(o, i)],
                    "matrix_latex": a.matrix_latex[(o, i)],
                    "terms": [{"label": t.label, "role": t.role, "term": str(t.expr),
                               "gates": t.gates, "matrix_form": t.matrix_form,
                               "bound": t.bound.to_json()} for t in a.block_terms(o, i)]}
                   for (o, i) in a.matrix_form],
        "path": None if a.path is None or c.path is None else {
            "of": f"{c.path.of}_t", "wrt": f"{c.path.wrt}_(t-1)",
            "substitutions": {str(k): str(v) for k, v in a.path.substitutions.items()},
            "terms": [{"label": t.label, "role": t.role, "term": str(t.expr), "gates": t.gates,
                       "matrix_form": t.matrix_form, "bound": t.bound.to_json()}
                      for t in a.path_terms]},
        "independent_gates": a.domains.independent,
        "shared_pre_activation": [str(s) for s in a.domains.shared],
        "invariants": a.invariants.to_json(),
        "seconds": a.seconds,
    }


def to_latex(a: Analysis) -> str:
    """The Jacobian blocks (1-D terms and n-D form) as LaTeX ``align`` lines."""
    out = [f"% {a.cell.name}: {a.cell.title}", r"\begin{align}"]
    for (o, i), form in a.matrix_latex.items():
        lhs = rf"\frac{{\partial {o}_t}}{{\partial {i}_{{t-1}}}}"
        terms = " + ".join(sympy.latex(t.expr) for t in a.block_terms(o, i)) or "0"
        out.append(rf"{lhs} &= {terms} \\")
        out.append(rf"&\quad\text{{(n-D) }} {form} \\")
    if a.path is not None:
        lhs, _, body = a.path.latex().partition(" = ")
        out.append(rf"{lhs} &= {body} \\")
    out[-1] = out[-1].rstrip("\\ ").rstrip()
    out.append(r"\end{align}")
    return "\n".join(out)
