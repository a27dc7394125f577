r"""Plain Unicode text with mathematics in it, typeset: ``h_{t-1}`` becomes ``$h_{t-1}$``.

The article's words (:mod:`symrnn.claims._text`) and the errata are written once, as plain
Unicode (``|∂h_t/∂h_{t-1}| < 1``, ``(1 − tanh² c) c``). The report typesets them instead of
printing them twice: :func:`mathify` splits a string into prose and *math runs* (maximal
stretches of identifiers with subscripts, Greek letters, numbers, operators and function
names) and writes each math run as LaTeX math. English words, Chinese text and
punctuation stay text.

>>> mathify("If |∂h_t/∂h_{t-1}| < 1 at every step")
'If $\\lvert \\partial h_t/\\partial h_{t-1}\\rvert < 1$ at every step'
>>> mathify("tanh x = 2σ(2x) − 1")
'$\\tanh x = 2\\sigma(2x) - 1$'
>>> mathify("with W, U, b trained")
'with $W$, $U$, $b$ trained'
>>> mathify("如果固定 h_{t-1} ≠ 0,那么")
'如果固定 $h_{t-1} \\neq 0$,那么'
"""

from __future__ import annotations

import re

__all__ = ["mathify", "math_of", "escape_text", "id_tex"]

_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "^": r"\^{}",
            "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "~": r"\textasciitilde{}"}


def escape_text(text: str) -> str:
    """Plain text made safe for LaTeX (Unicode stays: the document is set with XeLaTeX)."""
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


def id_tex(text: str) -> str:
    """A claim or reading id (or a code name) in typewriter type, breakable after ``-``,
    ``/`` and ``_``."""
    return r"\claimid{" + re.sub(r"(-|/|\\_)", r"\1\\allowbreak{}", escape_text(text)) + "}"


_GREEK = {"θ": r"\theta", "σ": r"\sigma", "φ": r"\varphi", "ψ": r"\psi", "γ": r"\gamma",
          "ε": r"\varepsilon", "η": r"\eta", "λ": r"\lambda", "ρ": r"\rho", "δ": r"\delta",
          "α": r"\alpha", "β": r"\beta", "μ": r"\mu", "ξ": r"\xi", "τ": r"\tau",
          "∂": r"\partial", "∞": r"\infty", "Σ": r"\sum", "∑": r"\sum", "∏": r"\prod"}
_OPS = {"=": "=", "+": "+", "−": "-", "-": "-", "<": "<", ">": ">", "≤": r"\le", "≥": r"\ge",
        "≠": r"\neq", "→": r"\to", "∈": r"\in", "⊂": r"\subset", "±": r"\pm", "×": r"\times",
        "∘": r"\circ", "·": r"\cdot", "/": "/", "~": r"\sim", "≈": r"\approx", "⋯": r"\cdots",
        "*": r"\,", "<=": r"\le", ">=": r"\ge", "->": r"\to", "!=": r"\neq", ":=": ":=",
        "+/-": r"\pm", "**": "^"}
_FUNCS = {"tanh": r"\tanh", "sigmoid": r"\sigma", "exp": r"\exp", "ln": r"\ln", "log": r"\log",
          "sup": r"\sup", "inf": r"\infty", "max": r"\max", "min": r"\min", "lim": r"\lim",
          "diag": r"\operatorname{diag}", "relu": r"\operatorname{relu}",
          "sech": r"\operatorname{sech}", "sign": r"\operatorname{sign}",
          "eps": r"\varepsilon", "psi": r"\psi", "phi": r"\varphi", "gamma": r"\gamma",
          "sigma": r"\sigma", "theta": r"\theta", "lambda": r"\lambda", "chi": r"\chi",
          "sqrt": r"\sqrt", "Heaviside": "H", "Abs": "", "sum": r"\sum", "prod": r"\prod"}
_HATS = {"ĉ": r"\hat c", "ĥ": r"\hat h", "chat": r"\hat c", "hhat": r"\hat h"}
_SUPERSCRIPTS = {"²": "2", "³": "3", "ⁿ": "n", "⁻": "-", "¹": "1"}
_SUBSCRIPTS = {"₀": "0", "₁": "1", "₂": "2", "ₖ": "k", "ₜ": "t"}

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’"
_TOKEN = re.compile(
    rf"(?P<cjk>[{_CJK}]+)"
    r"|(?P<code>\b[a-z]+(?:_[a-z0-9]+){2,}\b|\b[A-Z][A-Za-z]*\.v\b)"
    r"|(?P<dim>\b[1n]-D\b|\b\d+-dimensional\b)"
    r"|(?P<eqref>\beq\d+[a-d]?(?:'s)?\b)"
    r"|(?P<poss>\b[A-Za-z]{2,}'s\b)"
    r"|(?P<hyph>\b[A-Za-z]{2,}(?:-[A-Za-z]{2,})+\b)"
    r"|(?P<diff>(?<=/)d(?:θ|theta\b|(?:chat|hhat|[a-zĉĥ])(?:_\{[^{}]*\}|_[A-Za-z0-9]+)?)"
    r"|\bd(?:θ|theta\b|(?:chat|hhat|[a-zĉĥ])(?:_\{[^{}]*\}|_[A-Za-z0-9]+)?)(?=/))"
    r"|(?P<ident>(?:chat|hhat|[A-Za-zĉĥ∂θσφψγεηλρδ])(?:_\{[^{}]*\}|_\*(?![A-Za-z0-9])|_[A-Za-z0-9∞]+)"
    r"(?:\[[^\]]*\])?)"
    r"|(?P<sub>_\{[^{}]*\}|_[A-Za-z0-9∞]+|[₀₁₂ₖₜ]+)"
    r"|(?P<sup>\^\{[^{}]*\}|\^-?\([^()]*\)|\^-?[A-Za-z0-9]+|[²³ⁿ¹]|⁻¹)"
    r"|(?P<num>\d+(?:\.\d+)?)"
    r"|(?P<star>(?<=[A-Za-z])\*(?![A-Za-z0-9(*]))"
    r"|(?P<op>\+/-|<=|>=|->|!=|:=|\*\*|[=+−\-<>≤≥≠→∈⊂±×∘·/~≈⋯*])"
    r"|(?P<greek>[θσφψγεηλρδαβμξτ∂∞Σ∑∏ĉĥ])"
    r"|(?P<word>[A-Za-z]+)"
    r"|(?P<open>[(\[{])|(?P<close>[)\]}])"
    r"|(?P<bar>‖|\|)"
    r"|(?P<prime>')"
    r"|(?P<ell>…+)"
    r"|(?P<comma>[,;])"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)", re.S)

_STRONG = {"diff", "ident", "sup", "op", "greek", "bar", "sub"}
_ENGLISH_SINGLES = {"a", "A", "I"}


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup or "other", m.group(0)) for m in _TOKEN.finditer(text)]


def _is_mathy(kind: str, tok: str) -> bool:
    if kind in _STRONG or kind in ("num", "star", "prime", "open", "close", "comma"):
        return True
    if kind == "word":
        return tok in _FUNCS or tok in _HATS or len(tok) == 1
    return False


def _ident_latex(tok: str) -> str:
    base, sep, rest = tok.partition("_")
    if not sep:  # a bare letter (the b of "db")
        return _HATS.get(base) or _GREEK.get(base) or base
    index = ""
    if "[" in rest:
        rest, _, index = rest.partition("[")
        index = "[" + index
    if rest.startswith("{"):
        sub = rest[1:-1]
    else:
        sub = rest
    base_tex = _HATS.get(base) or _GREEK.get(base) or base
    if base_tex.startswith("\\") and not base_tex.endswith("}") and not base.startswith("ĉ"):
        base_tex += " " if base not in _HATS else ""
    sub_tex = _math(sub) if sub != "*" else "*"
    return f"{base_tex.rstrip()}_{{{sub_tex}}}" if len(sub_tex) > 1 else f"{base_tex.rstrip()}_{sub_tex}"


def _sup_latex(tok: str) -> str:
    if tok in _SUPERSCRIPTS:
        return "^" + _SUPERSCRIPTS[tok]
    if tok == "⁻¹":
        return "^{-1}"
    body = tok[1:]
    if body.startswith("{"):
        body = body[1:-1]
    elif body.startswith("-(") or body.startswith("("):
        body = body.replace("(", "", 1)[::-1].replace(")", "", 1)[::-1] \
            if body.startswith("(") else "-(" + body[2:]
    inner = _math(body)
    return f"^{{{inner}}}" if len(inner) > 1 else f"^{inner}"


def _math(text: str) -> str:
    """A math run (plain Unicode) as LaTeX math, without the dollars."""
    toks = _tokens(text)
    out: list[str] = []
    bars: list[str] = []
    for k, (kind, tok) in enumerate(toks):
        nxt = next((t for t in toks[k + 1:] if t[0] != "space"), ("", ""))
        if kind == "space":
            out.append(" ")
        elif kind == "diff":
            out.append(r"\mathrm{d}" + (_ident_latex(tok[1:]) if tok[1:] not in ("θ", "theta")
                                          else r"\theta "))
        elif kind == "ident":
            if tok.startswith("∂") and len(tok) > 1 and tok[1] != "_":
                out.append(r"\partial " + _ident_latex(tok[1:]))
            else:
                out.append(_ident_latex(tok))
        elif kind == "sub":
            if tok[0] in _SUBSCRIPTS:
                body = "".join(_SUBSCRIPTS[c] for c in tok)
            else:
                body = _math(tok[2:-1] if tok.startswith("_{") else tok[1:])
            out.append(f"_{{{body}}}" if len(body) > 1 else f"_{body}")
        elif kind == "sup":
            out.append(_sup_latex(tok))
        elif kind == "star":
            out.append("^*")
        elif kind == "op":
            out.append(_OPS[tok] + (" " if _OPS[tok].startswith("\\") else ""))
        elif kind == "greek":
            g = _GREEK.get(tok) or _HATS[tok]
            out.append(g + (" " if g[-1].isalpha() and nxt[0] not in ("open", "prime") else ""))
        elif kind == "word":
            if tok in _HATS:
                out.append(_HATS[tok])
            elif tok in _FUNCS:
                f = _FUNCS[tok]
                out.append(f + (" " if f[-1].isalpha() and nxt[0] not in ("open",) else ""))
            elif tok.startswith("d") and len(tok) == 2 and tok[1] in "hc" and nxt[1] == "/":
                out.append(r"\mathrm{d}" + tok[1])
            elif len(tok) == 1 or tok in ("I",):
                out.append(tok)
            else:
                out.append(r"\text{" + tok + "}")
        elif kind == "bar":
            if bars and bars[-1] == tok:
                bars.pop()
                out.append(r"\rVert " if tok == "‖" else r"\rvert ")
            else:
                bars.append(tok)
                out.append(r"\lVert " if tok == "‖" else r"\lvert ")
        elif kind == "ell":
            out.append(r"\dots ")
        elif kind in ("open", "close"):
            out.append({"{": r"\{", "}": r"\}"}.get(tok, tok))
        elif kind == "comma":
            out.append(tok)
        elif kind == "prime":
            out.append("'")
        elif kind == "num":
            out.append(tok)
        else:
            out.append(escape_text(tok))
    tex = "".join(out)
    if bars:  # unmatched bars: plain ones
        tex = re.sub(r"\\[lr]vert ", "|", tex)
        tex = re.sub(r"\\[lr]Vert ", r"\\| ", tex)
    tex = re.sub(r"\s+", " ", tex).strip()
    return tex


def math_of(text: str) -> str:
    """The whole of ``text`` (plain Unicode) as LaTeX math, without dollars: for a label
    that is a formula (``c_{t-1} ∂f_t/∂c_{t-1}``)."""
    return _math(text)


def _runs(text: str) -> list[tuple[bool, str]]:
    """Split into (is_math, text) runs."""
    toks = _tokens(text)
    n = len(toks)
    mathy = [_is_mathy(k, t) for k, t in toks]
    # an English single letter ("a", "I") is math only beside an operator
    for k, (kind, tok) in enumerate(toks):
        if kind == "word" and tok in _ENGLISH_SINGLES:
            nxt = next((t for t in toks[k + 1:] if t[0] != "space"), ("", ""))
            mathy[k] = nxt[0] in ("op", "sub", "ident")
        if kind == "ell":  # "+ …" continues a formula; otherwise an ellipsis in prose
            prev = next((t for t in reversed(toks[:k]) if t[0] != "space"), ("", ""))
            mathy[k] = prev[0] == "op"
        if kind == "prime":
            prev = toks[k - 1] if k else ("", "")
            mathy[k] = prev[0] in ("close", "greek") or (prev[0] == "word" and len(prev[1]) == 1)
    runs: list[tuple[bool, str]] = []
    k = 0
    for j, (kind, _) in enumerate(toks):
        if kind == "code":
            mathy[j] = False
    while k < n:
        if not mathy[k]:
            runs.append((False, toks[k][1]))
            k += 1
            continue
        # extend the run over math tokens and the spaces between them
        j, depth, bars = k, 0, 0
        end = k
        while j < n:
            kind, tok = toks[j]
            if kind == "space":
                j += 1
                continue
            if not mathy[j]:
                break
            if kind == "open":
                depth += 1
            elif kind == "close":
                if depth == 0:
                    break
                depth -= 1
            elif kind == "comma" and depth == 0:
                break
            elif kind == "bar":
                bars += 1
            end = j
            j += 1
        # unbalanced brackets: the run ends before its first unmatched opener
        stack: list[int] = []
        for j2 in range(k, end + 1):
            if toks[j2][0] == "open":
                stack.append(j2)
            elif toks[j2][0] == "close" and stack:
                stack.pop()
        if stack:
            end = stack[0] - 1
        while end >= k and toks[end][0] in ("open", "space", "comma"):
            end -= 1
        seg = toks[k:end + 1]
        strong = any(kd in _STRONG or (kd == "word" and (tk in _FUNCS or tk in _HATS or
                                                          len(tk) == 1))
                     or kd == "num" for kd, tk in seg)
        opens = sum(kd == "open" for kd, _ in seg) - sum(kd == "close" for kd, _ in seg)
        if not seg or not strong or opens != 0:
            if not seg:
                runs.append((False, toks[k][1]))
                k += 1
                continue
            if opens != 0:  # an opening bracket of prose: text, and go on inside
                runs.append((False, toks[k][1]))
                k += 1
                continue
            runs.append((False, "".join(t for _, t in seg)))
        else:
            runs.append((True, "".join(t for _, t in seg)))
        k = end + 1
    return runs


_CODE = re.compile(r"[a-z]+(?:_[a-z0-9]+){2,}|[A-Z][A-Za-z]*\.v")


def _plain_math(s: str) -> bool:
    """A run that is only a number (or number with a comma) reads as prose."""
    return bool(re.fullmatch(r"\d+(\.\d+)?", s))


_BALL = re.compile(r"\[\s*[-+0-9.e]+\s*\+/-\s*[0-9.e+-]+\s*\]")
_SCI = re.compile(r"\b(\d+(?:\.\d+)?)e([-+]?\d+)\b")


def mathify(text: str) -> str:
    """``text`` (plain Unicode) as LaTeX text mode, its mathematics in ``$…$``; an Arb
    ball ``[m +/- r]`` in it becomes the interval it encloses."""
    if _BALL.search(text):
        from ._typeset import ball_tex

        pieces = _BALL.split(text)
        balls = [f"${ball_tex(b)}$" for b in _BALL.findall(text)]
        return "".join(mathify(p) + (balls[k] if k < len(balls) else "")
                       for k, p in enumerate(pieces)).replace("$$", "")
    text = _SCI.sub(lambda m: f"{m.group(1)}·10^{{{int(m.group(2))}}}", text)
    out: list[str] = []
    for is_math, s in _runs(text):
        if is_math and not _plain_math(s):
            out.append(f"${_math(s)}$")
        elif _CODE.fullmatch(s):
            out.append(id_tex(s))
        else:
            out.append(escape_text(s))
    return "".join(out).replace("$$", "$\\,$")
