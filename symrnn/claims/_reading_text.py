r"""The precise statement of every reading, in plain text and in LaTeX, typed once.

``READING_TEXT[reading_id] = (label, plain, latex)``: ``label`` is the short name shown in
tables ("uniform", "pointwise", "n-D", …); ``plain`` is Unicode text; ``latex`` is the same
statement as LaTeX text mode with inline ``$…$`` math (amsmath; no package-specific macros).
A statement says what the reading *claims*; its verdict says whether that holds. Notation:
:math:`g^* = \sup_c |(1-\tanh^2 c)c| \approx 0.4477`, admissible points are sigmoid gates in
(0, 1), tanh outputs in (−1, 1), the LSTM's c_{t-1} real, the GRUs' h_{t-1} in [−1, 1].
"""

from __future__ import annotations

_ND = "$n \\ge 2$, spectral norm: "

#: reading id → (label, plain statement, LaTeX statement)
READING_TEXT: dict[str, tuple[str, str, str]] = {
    # ---- §1 ---------------------------------------------------------------------------
    "eq1/form": (
        "form",
        "Each catalog cell's new state is a function of x_t, the previous state and the "
        "parameters θ only: h_t = f(x_t, h_{t-1}; θ).",
        "Each catalog cell's new state is a function of $x_t$, the previous state and the "
        "parameters $\\theta$ only: $h_t = f(x_t, h_{t-1}; \\theta)$."),
    "eq2/1d": (
        "1-D",
        "dh_T/dθ = (∂h_T/∂h_{T-1})·dh_{T-1}/dθ + ∂h_T/∂θ for every parameter θ of the simple "
        "RNN (5) at T = 3 and of the single-gate GRU (12) and the GRU (11) at T = 2, each "
        "written out symbolically from h_0 (independent of θ).",
        "$\\dfrac{dh_T}{d\\theta} = \\dfrac{\\partial h_T}{\\partial h_{T-1}}\\,"
        "\\dfrac{dh_{T-1}}{d\\theta} + \\dfrac{\\partial h_T}{\\partial \\theta}$ for every "
        "parameter $\\theta$ of the simple RNN (5) at $T = 3$ and of the single-gate GRU (12) "
        "and the GRU (11) at $T = 2$, each written out symbolically from $h_0$ (independent "
        "of $\\theta$)."),
    "vanish-explode/uniform": (
        "uniform",
        "For real one-step factors a_j = ∂h_j/∂h_{j-1}: if |a_j| ≤ q < 1 for every j, then "
        "|a_{k+1}⋯a_t| ≤ q^{t−k} → 0 as t − k → ∞; if |a_j| ≥ q > 1 for every j, then "
        "|a_{k+1}⋯a_t| ≥ q^{t−k} → ∞.",
        "For real one-step factors $a_j = \\partial h_j/\\partial h_{j-1}$: if "
        "$|a_j| \\le q < 1$ for every $j$, then $|a_{k+1}\\cdots a_t| \\le q^{t-k} \\to 0$ as "
        "$t-k\\to\\infty$; if $|a_j| \\ge q > 1$ for every $j$, then "
        "$|a_{k+1}\\cdots a_t| \\ge q^{t-k} \\to \\infty$."),
    "vanish-explode/pointwise": (
        "pointwise",
        "If |a_j| < 1 for every j, then a_1⋯a_m → 0 (vanishing); if |a_j| > 1 for every j, "
        "then |a_1⋯a_m| → ∞ (explosion).",
        "If $|a_j| < 1$ for every $j$, then $a_1\\cdots a_m \\to 0$ (vanishing); if "
        "$|a_j| > 1$ for every $j$, then $|a_1\\cdots a_m| \\to \\infty$ (explosion)."),
    "vanish-explode/nd-vanish": (
        "n-D vanish",
        "n ≥ 2, spectral norm: if ‖J_j‖₂ ≤ q < 1 for every j, then ‖J_t⋯J_{k+1}‖₂ ≤ q^{t−k} → 0.",
        _ND + "if $\\|J_j\\|_2 \\le q < 1$ for every $j$, then "
              "$\\|J_t\\cdots J_{k+1}\\|_2 \\le q^{t-k} \\to 0$."),
    "vanish-explode/nd-explode": (
        "n-D explode",
        "n ≥ 2, spectral norm: if ‖J_j‖₂ ≥ q > 1 for every j, then ‖J_t⋯J_{k+1}‖₂ → ∞.",
        _ND + "if $\\|J_j\\|_2 \\ge q > 1$ for every $j$, then "
              "$\\|J_t\\cdots J_{k+1}\\|_2 \\to \\infty$."),
    "eq3/1d": (
        "1-D",
        "dh_t/dθ = Σ_{k=1}^{t} (∏_{j=k+1}^{t} ∂h_j/∂h_{j-1}) ∂h_k/∂θ — the printed (3), with "
        "its redundant factor ∂h_{t-2}/∂h_{t-2} = 1 — for every parameter θ of (5) at t = 3 "
        "and of (11), (12) at t = 2 (h_0 independent of θ); the coefficient of ∂h_1/∂θ is the "
        "product of the t − 1 factors ∂h_t/∂h_{t-1}⋯∂h_2/∂h_1.",
        "$\\dfrac{dh_t}{d\\theta} = \\sum_{k=1}^{t}\\Bigl(\\prod_{j=k+1}^{t}"
        "\\dfrac{\\partial h_j}{\\partial h_{j-1}}\\Bigr)\\dfrac{\\partial h_k}{\\partial\\theta}$"
        " --- the printed (3), with its redundant factor "
        "$\\partial h_{t-2}/\\partial h_{t-2} = 1$ --- for every parameter $\\theta$ of (5) at "
        "$t = 3$ and of (11), (12) at $t = 2$ ($h_0$ independent of $\\theta$); the coefficient "
        "of $\\partial h_1/\\partial\\theta$ is the product of the $t-1$ factors "
        "$\\partial h_t/\\partial h_{t-1}\\cdots\\partial h_2/\\partial h_1$."),
    "vanish-meaning/measured": (
        "measured",
        "Measured, not proved: at common initialisations the share of the total gradient "
        "coming from steps more than d back falls with d (symrnn flow), so long-range "
        "dependencies are hard to learn.",
        "Measured, not proved: at common initialisations the share of the total gradient "
        "coming from steps more than $d$ back falls with $d$ (\\texttt{symrnn flow}), so "
        "long-range dependencies are hard to learn."),
    "vanish-meaning/tail-share": (
        "tail share",
        "If |∂h_j/∂h_{j-1}| ≤ q < 1 and |∂h_k/∂θ| ≤ B at every step, the terms of (3) from "
        "more than d steps back (k ≤ t − d) sum to at most B q^d/(1 − q) in absolute value, "
        "uniformly in t; this tends to 0 as d → ∞.",
        "If $|\\partial h_j/\\partial h_{j-1}| \\le q < 1$ and "
        "$|\\partial h_k/\\partial\\theta| \\le B$ at every step, the terms of (3) from more "
        "than $d$ steps back ($k \\le t-d$) sum to at most $B q^d/(1-q)$ in absolute value, "
        "uniformly in $t$; this tends to $0$ as $d\\to\\infty$."),
    "vanish-meaning/nonzero-total": (
        "non-zero total",
        "Vanishing is not a zero gradient: for (5) with W = 0, U = 1/2, b = 0, h_0 = 0 "
        "(so h_t = 0), dh_t/db = 2 − 2^{1−t} → 2, while the term from k steps back is "
        "2^{−k} → 0.",
        "Vanishing is not a zero gradient: for (5) with $W = 0$, $U = 1/2$, $b = 0$, "
        "$h_0 = 0$ (so $h_t = 0$), $dh_t/db = 2 - 2^{1-t} \\to 2$, while the term from $k$ "
        "steps back is $2^{-k} \\to 0$."),
    # ---- §2 ---------------------------------------------------------------------------
    "eq4a/1d": ("1-D", "tanh x = 2σ(2x) − 1 for every real x.",
                "$\\tanh x = 2\\sigma(2x) - 1$ for every real $x$."),
    "eq4b/1d": ("1-D", "σ(x) = (tanh(x/2) + 1)/2 for every real x.",
                "$\\sigma(x) = \\bigl(\\tanh(x/2) + 1\\bigr)/2$ for every real $x$."),
    "eq4c/1d": ("1-D", "(tanh x)′ = 1 − tanh² x for every real x.",
                "$(\\tanh x)' = 1 - \\tanh^2 x$ for every real $x$."),
    "eq4d/1d": ("1-D", "σ′(x) = σ(x)(1 − σ(x)) for every real x.",
                "$\\sigma'(x) = \\sigma(x)\\bigl(1 - \\sigma(x)\\bigr)$ for every real $x$."),
    # ---- §3 ---------------------------------------------------------------------------
    "eq5/definition": (
        "definition",
        "The catalog cell rnn is (5): h_t = tanh(W x_t + U h_{t-1} + b).",
        "The catalog cell \\texttt{rnn} is (5): $h_t = \\tanh(W x_t + U h_{t-1} + b)$."),
    "eq6/1d": (
        "1-D",
        "∂h_t/∂h_{t-1} = (1 − h_t²) U for h_t = tanh(W x_t + U h_{t-1} + b).",
        "$\\partial h_t/\\partial h_{t-1} = (1 - h_t^2)\\,U$ for "
        "$h_t = \\tanh(W x_t + U h_{t-1} + b)$."),
    "eq6/nd": (
        "n-D",
        "n ≥ 2: ∂h_t/∂h_{t-1} = diag(1 − h_t∘h_t) U, the diagonal left of U (the reading "
        "U diag(1 − h_t²) is false).",
        "$n \\ge 2$: $\\partial h_t/\\partial h_{t-1} = "
        "\\operatorname{diag}(1 - h_t\\circ h_t)\\,U$, the diagonal left of $U$ (the reading "
        "$U\\operatorname{diag}(1 - h_t^2)$ is false)."),
    "tanh-bounded-in-U/1d": (
        "1-D",
        "For every a = W x_t + b and every fixed h_{t-1} ≠ 0: sup over U ∈ ℝ of "
        "|(1 − tanh²(a + U h_{t-1})) U| = S(|a|)/|h_{t-1}| < ∞, where S(A) = u − 1/(4u) with "
        "2u tanh(u − A) = 1, u > A; |a| ≤ S(|a|) ≤ |a| + g*, and S(0) = g*.",
        "For every $a = W x_t + b$ and every fixed $h_{t-1} \\ne 0$: "
        "$\\sup_{U\\in\\mathbb{R}} |(1 - \\tanh^2(a + U h_{t-1}))\\,U| = S(|a|)/|h_{t-1}| < "
        "\\infty$, where $S(A) = u - 1/(4u)$ with $2u\\tanh(u - A) = 1$, $u > A$; "
        "$|a| \\le S(|a|) \\le |a| + g^*$, and $S(0) = g^*$."),
    "tanh-bounded-in-U/uniform-in-a": (
        "uniform in a",
        "For every fixed h_{t-1} ≠ 0 there is a constant C, independent of U and of "
        "a = W x_t + b, with |(1 − tanh²(a + U h_{t-1})) U| ≤ C.",
        "For every fixed $h_{t-1} \\ne 0$ there is a constant $C$, independent of $U$ and of "
        "$a = W x_t + b$, with $|(1 - \\tanh^2(a + U h_{t-1}))\\,U| \\le C$."),
    "tanh-bounded-in-U/below-1": (
        "below 1",
        "For every fixed h_{t-1} ≠ 0 and a: |(1 − tanh²(a + U h_{t-1})) U| ≤ 1 for every U "
        "(the bounded Jacobian stays within 1).",
        "For every fixed $h_{t-1} \\ne 0$ and $a$: $|(1 - \\tanh^2(a + U h_{t-1}))\\,U| \\le 1$ "
        "for every $U$ (the bounded Jacobian stays within 1)."),
    "tanh-bounded-in-U/nd": (
        "n-D",
        "n ≥ 2, spectral norm: for fixed h_{t-1} ≠ 0 and a = W x_t + b, sup over U of "
        "‖diag(1 − h_t²) U‖₂ is finite.",
        _ND + "for fixed $h_{t-1} \\ne 0$ and $a = W x_t + b$, "
              "$\\sup_U \\|\\operatorname{diag}(1 - h_t^2)\\,U\\|_2$ is finite."),
    "relu-unbounded/1d": (
        "1-D",
        "For h_t = φ(a + U h_{t-1}): |∂h_t/∂h_{t-1}| ≤ |U| for φ = tanh and φ = relu; for relu, "
        "on the positive half-axis ∂h_t/∂h_{t-1} = U, and for every fixed h_{t-1} ≠ 0 and a, "
        "sup over U of |∂h_t/∂h_{t-1}| = ∞ (for tanh it is the finite S(|a|)/|h_{t-1}|).",
        "For $h_t = \\varphi(a + U h_{t-1})$: $|\\partial h_t/\\partial h_{t-1}| \\le |U|$ for "
        "$\\varphi = \\tanh$ and $\\varphi = \\mathrm{relu}$; for relu, on the positive "
        "half-axis $\\partial h_t/\\partial h_{t-1} = U$, and for every fixed "
        "$h_{t-1} \\ne 0$ and $a$, $\\sup_U |\\partial h_t/\\partial h_{t-1}| = \\infty$ "
        "(for tanh it is the finite $S(|a|)/|h_{t-1}|$)."),
    "relu-unbounded/nd": (
        "n-D",
        "n ≥ 2: ‖∂h_t/∂h_{t-1}‖₂ ≤ ‖U‖₂ for tanh and relu; for relu and every fixed "
        "h_{t-1} ≠ 0 and a, sup over U of ‖∂h_t/∂h_{t-1}‖₂ = ∞.",
        "$n \\ge 2$: $\\|\\partial h_t/\\partial h_{t-1}\\|_2 \\le \\|U\\|_2$ for tanh and relu; "
        "for relu and every fixed $h_{t-1} \\ne 0$ and $a$, "
        "$\\sup_U \\|\\partial h_t/\\partial h_{t-1}\\|_2 = \\infty$."),
    "clip-prevents-explosion/1d": (
        "1-D",
        "If |U| ≤ 1, then for the tanh and relu RNNs every factor ∂h_k/∂h_{k-1} of (3) has "
        "modulus ≤ 1, so every coefficient ∏_{j=k+1}^{t} ∂h_j/∂h_{j-1} has modulus ≤ 1 for "
        "every t (no exponential growth), and |dh_t/dθ| ≤ Σ_{k=1}^{t} |∂h_k/∂θ|.",
        "If $|U| \\le 1$, then for the tanh and relu RNNs every factor "
        "$\\partial h_k/\\partial h_{k-1}$ of (3) has modulus $\\le 1$, so every coefficient "
        "$\\prod_{j=k+1}^{t}\\partial h_j/\\partial h_{j-1}$ has modulus $\\le 1$ for every $t$ "
        "(no exponential growth), and $|dh_t/d\\theta| \\le \\sum_{k=1}^{t}"
        "|\\partial h_k/\\partial\\theta|$."),
    "clip-prevents-explosion/bounded-in-t": (
        "bounded in t",
        "If |U| ≤ 1, the gradient dh_t/dθ stays bounded as t → ∞ (for fixed weights and "
        "bounded inputs).",
        "If $|U| \\le 1$, the gradient $dh_t/d\\theta$ stays bounded as $t\\to\\infty$ (for "
        "fixed weights and bounded inputs)."),
    "clip-prevents-explosion/vanishing-not-fixed": (
        "vanishing not fixed",
        "Clipping |U| ≤ 1 does not prevent vanishing: for the relu RNN with U = 1/2 and "
        "positive pre-activations the coefficient of ∂h_1/∂θ in (3) is exactly 2^{−(t−1)} → 0.",
        "Clipping $|U| \\le 1$ does not prevent vanishing: for the relu RNN with $U = 1/2$ and "
        "positive pre-activations the coefficient of $\\partial h_1/\\partial\\theta$ in (3) "
        "is exactly $2^{-(t-1)} \\to 0$."),
    "clip-prevents-explosion/nd-entrywise": (
        "n-D entrywise",
        "n ≥ 2: clipping every entry of U into [−1, 1] keeps ‖J_t⋯J_1‖₂ bounded in t.",
        "$n \\ge 2$: clipping every entry of $U$ into $[-1, 1]$ keeps "
        "$\\|J_t\\cdots J_1\\|_2$ bounded in $t$."),
    "clip-prevents-explosion/nd-spectral": (
        "n-D spectral",
        "n ≥ 2: if ‖U‖₂ ≤ 1, then ‖J_t⋯J_{k+1}‖₂ ≤ 1 for the tanh and relu RNNs, for every t.",
        "$n \\ge 2$: if $\\|U\\|_2 \\le 1$, then $\\|J_t\\cdots J_{k+1}\\|_2 \\le 1$ for the tanh "
        "and relu RNNs, for every $t$."),
    # ---- §4 ---------------------------------------------------------------------------
    "eq7/definition": (
        "definition",
        "The catalog cell lstm is (7), equation by equation.",
        "The catalog cell \\texttt{lstm} is (7), equation by equation."),
    "eq8/1d": (
        "1-D",
        "∂c_t/∂c_{t-1} = f_t + c_{t-1}∂f_t/∂c_{t-1} + ĉ_t∂i_t/∂c_{t-1} + i_t∂ĉ_t/∂c_{t-1}, "
        "with h_{t-1} = o_{t-1} tanh c_{t-1}: the derivative along the c-path.",
        "$\\dfrac{\\partial c_t}{\\partial c_{t-1}} = f_t + c_{t-1}\\dfrac{\\partial f_t}"
        "{\\partial c_{t-1}} + \\hat c_t\\dfrac{\\partial i_t}{\\partial c_{t-1}} + i_t"
        "\\dfrac{\\partial \\hat c_t}{\\partial c_{t-1}}$, with "
        "$h_{t-1} = o_{t-1}\\tanh c_{t-1}$: the derivative along the $c$-path."),
    "eq8/nd": (
        "n-D",
        "n ≥ 2, h_{t-1} = o_{t-1}∘tanh c_{t-1}: ∂c_t/∂c_{t-1} = diag(f_t) + [diag(c_{t-1}∘f_t"
        "∘(1−f_t)) U_f + diag(ĉ_t∘i_t∘(1−i_t)) U_i + diag(i_t∘(1−ĉ_t²)) U_c] "
        "diag(o_{t-1}∘(1 − tanh² c_{t-1})).",
        "$n \\ge 2$, $h_{t-1} = o_{t-1}\\circ\\tanh c_{t-1}$: "
        "$\\dfrac{\\partial c_t}{\\partial c_{t-1}} = \\operatorname{diag}(f_t) + "
        "\\bigl[\\operatorname{diag}(c_{t-1}\\circ f_t\\circ(1-f_t))\\,U_f + "
        "\\operatorname{diag}(\\hat c_t\\circ i_t\\circ(1-i_t))\\,U_i + "
        "\\operatorname{diag}(i_t\\circ(1-\\hat c_t^2))\\,U_c\\bigr]\\,"
        "\\operatorname{diag}(o_{t-1}\\circ(1 - \\tanh^2 c_{t-1}))$."),
    "forget-dominant/pointwise": (
        "pointwise",
        "At every admissible point of (8): |∂c_t/∂c_{t-1} − f_t| ≤ ε(U) := (g*/4)|U_f| + "
        "|U_i|/4 + |U_c| (strict unless U_f = U_i = U_c = 0), with f_t ∈ (0, 1); so "
        "∂c_t/∂c_{t-1} ∈ (−ε, 1 + ε), and if f_t ≤ 1 − η at every step with ε ≤ η, then "
        "|∂c_t/∂c_{t-1}| < 1.",
        "At every admissible point of (8): $|\\partial c_t/\\partial c_{t-1} - f_t| \\le "
        "\\varepsilon(U) := (g^*/4)|U_f| + |U_i|/4 + |U_c|$ (strict unless "
        "$U_f = U_i = U_c = 0$), with $f_t \\in (0, 1)$; so $\\partial c_t/\\partial c_{t-1} "
        "\\in (-\\varepsilon, 1 + \\varepsilon)$, and if $f_t \\le 1 - \\eta$ at every step "
        "with $\\varepsilon \\le \\eta$, then $|\\partial c_t/\\partial c_{t-1}| < 1$."),
    "forget-dominant/main-term-larger": (
        "main term larger",
        "For weights with |U_f|, |U_i|, |U_c| ≤ 1, at every admissible point the main term "
        "dominates: |c_{t-1}∂f_t/∂c_{t-1} + ĉ_t∂i_t/∂c_{t-1} + i_t∂ĉ_t/∂c_{t-1}| < f_t.",
        "For weights with $|U_f|, |U_i|, |U_c| \\le 1$, at every admissible point the main "
        "term dominates: $\\bigl|c_{t-1}\\tfrac{\\partial f_t}{\\partial c_{t-1}} + \\hat c_t"
        "\\tfrac{\\partial i_t}{\\partial c_{t-1}} + i_t\\tfrac{\\partial \\hat c_t}"
        "{\\partial c_{t-1}}\\bigr| < f_t$."),
    "forget-dominant/no-explosion": (
        "no explosion",
        "For weights with |U_f|, |U_i|, |U_c| ≤ 1, |∂c_t/∂c_{t-1}| ≤ 1 at every admissible "
        "point (the per-step gain never exceeds 1).",
        "For weights with $|U_f|, |U_i|, |U_c| \\le 1$, $|\\partial c_t/\\partial c_{t-1}| "
        "\\le 1$ at every admissible point (the per-step gain never exceeds 1)."),
    "forget-dominant/nd": (
        "n-D",
        "n ≥ 2, spectral norm: ‖∂c_t/∂c_{t-1} − diag(f_t)‖₂ ≤ ε(U) = (g*/4)‖U_f‖₂ + "
        "‖U_i‖₂/4 + ‖U_c‖₂ at every admissible point.",
        _ND + "$\\|\\partial c_t/\\partial c_{t-1} - \\operatorname{diag}(f_t)\\|_2 \\le "
              "\\varepsilon(U) = (g^*/4)\\|U_f\\|_2 + \\|U_i\\|_2/4 + \\|U_c\\|_2$ at every "
              "admissible point."),
    "eq9/1d": (
        "1-D",
        "c_{t-1}∂f_t/∂c_{t-1} = f_t(1 − f_t) o_{t-1}(1 − tanh² c_{t-1}) c_{t-1} U_f.",
        "$c_{t-1}\\dfrac{\\partial f_t}{\\partial c_{t-1}} = f_t(1 - f_t)\\,o_{t-1}"
        "(1 - \\tanh^2 c_{t-1})\\,c_{t-1}\\,U_f$."),
    "eq9/nd": (
        "n-D",
        "n ≥ 2: the term (9) is diag(c_{t-1}∘f_t∘(1 − f_t)) U_f diag(o_{t-1}∘(1 − tanh² "
        "c_{t-1})): row factors left of U_f, column factors right of it.",
        "$n \\ge 2$: the term (9) is $\\operatorname{diag}(c_{t-1}\\circ f_t\\circ(1-f_t))\\,"
        "U_f\\,\\operatorname{diag}(o_{t-1}\\circ(1 - \\tanh^2 c_{t-1}))$: row factors left of "
        "$U_f$, column factors right of it."),
    "xsech2-bound/1d": (
        "1-D",
        "|(1 − tanh² c) c| < 0.45 for every real c; the supremum g* = c* − 1/(4c*) "
        "(2c* tanh c* = 1) ≈ 0.4477 is attained exactly at c = ±c*.",
        "$|(1 - \\tanh^2 c)\\,c| < 0.45$ for every real $c$; the supremum "
        "$g^* = c^* - 1/(4c^*)$ ($2c^*\\tanh c^* = 1$) $\\approx 0.4477$ is attained exactly "
        "at $c = \\pm c^*$."),
    "xsech2-bound/nd": (
        "n-D",
        "n ≥ 2: ‖diag((1 − tanh² c)∘c)‖₂ = max_k |(1 − tanh² c_k) c_k| < 0.45 for every "
        "c ∈ ℝ^n.",
        "$n \\ge 2$: $\\|\\operatorname{diag}((1-\\tanh^2 c)\\circ c)\\|_2 = \\max_k "
        "|(1-\\tanh^2 c_k)\\,c_k| < 0.45$ for every $c \\in \\mathbb{R}^n$."),
    "four-gates/bound": (
        "bound",
        "The term (9) satisfies |term| ≤ (g*/4)|U_f| ≈ 0.1119|U_f| at every admissible point "
        "(strictly for U_f ≠ 0); (g*/4)|U_f| is its supremum, not attained (o_{t-1} < 1).",
        "The term (9) satisfies $|\\text{term}| \\le (g^*/4)|U_f| \\approx 0.1119\\,|U_f|$ at "
        "every admissible point (strictly for $U_f \\ne 0$); $(g^*/4)|U_f|$ is its supremum, "
        "not attained ($o_{t-1} < 1$)."),
    "four-gates/worst-case": (
        "worst case",
        "At equal weight magnitude, the supremum of |term (9)|, (g*/4)|U_f|, is strictly below "
        "the supremum |U| of eq (6)'s |(1 − h_t²) U| (attained at h_t = 0).",
        "At equal weight magnitude, the supremum of $|\\text{term (9)}|$, $(g^*/4)|U_f|$, is "
        "strictly below the supremum $|U|$ of eq.~(6)'s $|(1 - h_t^2)\\,U|$ (attained at "
        "$h_t = 0$)."),
    "four-gates/all-weights": (
        "all weights",
        "The four gates squeeze the term (9) below 1 whatever U_f: |term (9)| < 1 at every "
        "admissible point, for every U_f.",
        "The four gates squeeze the term (9) below 1 whatever $U_f$: "
        "$|\\text{term (9)}| < 1$ at every admissible point, for every $U_f$."),
    "four-gates/nd": (
        "n-D",
        "n ≥ 2, spectral norm: ‖diag(c_{t-1}∘f_t∘(1 − f_t)) U_f diag(o_{t-1}∘(1 − tanh² "
        "c_{t-1}))‖₂ ≤ (g*/4)‖U_f‖₂.",
        _ND + "$\\|\\operatorname{diag}(c_{t-1}\\circ f_t\\circ(1-f_t))\\,U_f\\,"
              "\\operatorname{diag}(o_{t-1}\\circ(1-\\tanh^2 c_{t-1}))\\|_2 \\le "
              "(g^*/4)\\|U_f\\|_2$."),
    "eq10a/1d": (
        "1-D",
        "ĉ_t∂i_t/∂c_{t-1} = i_t(1 − i_t) o_{t-1}(1 − tanh² c_{t-1}) ĉ_t U_i.",
        "$\\hat c_t\\dfrac{\\partial i_t}{\\partial c_{t-1}} = i_t(1 - i_t)\\,o_{t-1}"
        "(1 - \\tanh^2 c_{t-1})\\,\\hat c_t\\,U_i$."),
    "eq10a/nd": (
        "n-D",
        "n ≥ 2: the term (10a) is diag(ĉ_t∘i_t∘(1 − i_t)) U_i diag(o_{t-1}∘(1 − tanh² c_{t-1})).",
        "$n \\ge 2$: the term (10a) is $\\operatorname{diag}(\\hat c_t\\circ i_t\\circ(1-i_t))"
        "\\,U_i\\,\\operatorname{diag}(o_{t-1}\\circ(1 - \\tanh^2 c_{t-1}))$."),
    "eq10b/1d": (
        "1-D",
        "i_t∂ĉ_t/∂c_{t-1} = (1 − ĉ_t²) o_{t-1}(1 − tanh² c_{t-1}) i_t U_c.",
        "$i_t\\dfrac{\\partial \\hat c_t}{\\partial c_{t-1}} = (1 - \\hat c_t^2)\\,o_{t-1}"
        "(1 - \\tanh^2 c_{t-1})\\,i_t\\,U_c$."),
    "eq10b/nd": (
        "n-D",
        "n ≥ 2: the term (10b) is diag(i_t∘(1 − ĉ_t²)) U_c diag(o_{t-1}∘(1 − tanh² c_{t-1})).",
        "$n \\ge 2$: the term (10b) is $\\operatorname{diag}(i_t\\circ(1-\\hat c_t^2))\\,U_c\\,"
        "\\operatorname{diag}(o_{t-1}\\circ(1 - \\tanh^2 c_{t-1}))$."),
    "secondary-terms-small/pointwise": (
        "pointwise",
        "At every admissible point each LSTM secondary term (9), (10a), (10b) satisfies "
        "|term| < |U_*| for U_* ≠ 0 (|term| ≤ |U_*| always): below eq (6)'s supremum |U| "
        "at equal weight, which eq (6) attains.",
        "At every admissible point each LSTM secondary term (9), (10a), (10b) satisfies "
        "$|\\text{term}| < |U_*|$ for $U_* \\ne 0$ ($|\\text{term}| \\le |U_*|$ always): below "
        "eq.~(6)'s supremum $|U|$ at equal weight, which eq.~(6) attains."),
    "secondary-terms-small/worst-case": (
        "worst case",
        "At equal weight magnitude, the supremum of each LSTM secondary term over admissible "
        "points is strictly below eq (6)'s supremum |U|.",
        "At equal weight magnitude, the supremum of each LSTM secondary term over admissible "
        "points is strictly below eq.~(6)'s supremum $|U|$."),
    "secondary-terms-small/nd": (
        "n-D",
        "n ≥ 2, spectral norm: each LSTM secondary term has ‖term‖₂ ≤ ‖U_*‖₂ (squeezed at "
        "least as much as eq (6)).",
        _ND + "each LSTM secondary term has $\\|\\text{term}\\|_2 \\le \\|U_*\\|_2$ (squeezed at "
              "least as much as eq.~(6))."),
    "lstm-long-sequences/measured": (
        "measured",
        "Measured, not proved: at common initialisations the LSTM's c-path gradient norm "
        "still falls over thousands of steps (symrnn flow, distances up to 2000).",
        "Measured, not proved: at common initialisations the LSTM's $c$-path gradient norm "
        "still falls over thousands of steps (\\texttt{symrnn flow}, distances up to 2000)."),
    "lstm-long-sequences/zero-U": (
        "zero U",
        "With every recurrent weight zero (U_f = U_i = U_o = U_c = 0) and inputs |x_t| ≤ X, "
        "∂c_t/∂c_{t-1} = f_t ≤ F := σ(|W_f|X + |b_f|) < 1, so |∂c_T/∂c_0| ≤ F^T → 0.",
        "With every recurrent weight zero ($U_f = U_i = U_o = U_c = 0$) and inputs "
        "$|x_t| \\le X$, $\\partial c_t/\\partial c_{t-1} = f_t \\le F := "
        "\\sigma(|W_f|X + |b_f|) < 1$, so $|\\partial c_T/\\partial c_0| \\le F^T \\to 0$."),
    "lstm-long-sequences/inevitable": (
        "whatever the weights",
        "Over long sequences the LSTM's c-path gradient vanishes whatever the weights: for "
        "every ε > 0 there is T_0 with |∂c_T/∂c_0| < ε for all T ≥ T_0 and all weights.",
        "Over long sequences the LSTM's $c$-path gradient vanishes whatever the weights: for "
        "every $\\varepsilon > 0$ there is $T_0$ with $|\\partial c_T/\\partial c_0| < "
        "\\varepsilon$ for all $T \\ge T_0$ and all weights."),
    # ---- §5 ---------------------------------------------------------------------------
    "eq11/definition": (
        "definition",
        "The catalog cell gru is (11), equation by equation (the candidate's bias, printed "
        "b_c, named b_h).",
        "The catalog cell \\texttt{gru} is (11), equation by equation (the candidate's bias, "
        "printed $b_c$, named $b_h$)."),
    "eq12/definition": (
        "definition",
        "The catalog cell mgu is (12), equation by equation (the candidate's bias, printed "
        "b_c, named b_h).",
        "The catalog cell \\texttt{mgu} is (12), equation by equation (the candidate's bias, "
        "printed $b_c$, named $b_h$)."),
    "gru-h-bounded/1d": (
        "1-D",
        "For (11), (12) and PyTorch's GRU: if |h_0| ≤ 1 then |h_t| ≤ 1 for every t and every "
        "parameter and input sequence; for (14): if |c_0| ≤ 1 then |c_t| ≤ 1 and "
        "|h_t| = |r_t c_t| ≤ 1 for every t.",
        "For (11), (12) and PyTorch's GRU: if $|h_0| \\le 1$ then $|h_t| \\le 1$ for every "
        "$t$ and every parameter and input sequence; for (14): if $|c_0| \\le 1$ then "
        "$|c_t| \\le 1$ and $|h_t| = |r_t c_t| \\le 1$ for every $t$."),
    "gru-h-bounded/nd": (
        "n-D ∞-norm",
        "n ≥ 2, ∞-norm: ‖h_0‖_∞ ≤ 1 implies ‖h_t‖_∞ ≤ 1 for every t (GRU (11), (12), "
        "PyTorch's; (14): c_t and h_t).",
        "$n \\ge 2$, $\\infty$-norm: $\\|h_0\\|_\\infty \\le 1$ implies "
        "$\\|h_t\\|_\\infty \\le 1$ for every $t$ (GRU (11), (12), PyTorch's; (14): $c_t$ and "
        "$h_t$)."),
    "gru-h-bounded/nd-2norm": (
        "n-D 2-norm",
        "n ≥ 2, 2-norm: ‖h_0‖₂ ≤ 1 implies ‖h_t‖₂ ≤ 1 for every t (GRU (11)).",
        "$n \\ge 2$, 2-norm: $\\|h_0\\|_2 \\le 1$ implies $\\|h_t\\|_2 \\le 1$ for every $t$ "
        "(GRU (11))."),
    "lstm-c-unbounded/growth": (
        "growth",
        "For (7): |c_t| < |c_0| + t for every t ≥ 1, all parameters and inputs, and this is "
        "tight: for every t, W = U = 0 with all biases β → ∞ gives c_t → c_0 + t; so no bound "
        "uniform in t exists.",
        "For (7): $|c_t| < |c_0| + t$ for every $t \\ge 1$, all parameters and inputs, and "
        "this is tight: for every $t$, $W = U = 0$ with all biases $\\beta\\to\\infty$ gives "
        "$c_t \\to c_0 + t$; so no bound uniform in $t$ exists."),
    "lstm-c-unbounded/divergence": (
        "divergence",
        "A fixed-weight LSTM diverges: W_f = 1, b_c = ln 3, every other weight and bias 0, "
        "c_0 = 0 and inputs x_t = ln(t(t+2)) give c_t ≥ 4t/15 → ∞.",
        "A fixed-weight LSTM diverges: $W_f = 1$, $b_c = \\ln 3$, every other weight and bias "
        "0, $c_0 = 0$ and inputs $x_t = \\ln(t(t+2))$ give $c_t \\ge 4t/15 \\to \\infty$."),
    "lstm-c-unbounded/bounded-inputs": (
        "bounded inputs",
        "With fixed weights, inputs |x_t| ≤ X and |h_0| ≤ 1 (every later h_t = o_t tanh c_t "
        "has |h_t| < 1), c_t stays bounded: f_t ≤ F := "
        "σ(|W_f|X + |U_f| + |b_f|) < 1 and |c_t| ≤ F^t|c_0| + (1 − F^t)/(1 − F) ≤ "
        "|c_0| + 1/(1 − F); divergence needs unbounded inputs (or weights growing with t).",
        "With fixed weights, inputs $|x_t| \\le X$ and $|h_0| \\le 1$ (every later "
        "$h_t = o_t \\tanh c_t$ has $|h_t| < 1$), $c_t$ stays bounded: $f_t \\le F := "
        "\\sigma(|W_f|X + |U_f| + |b_f|) < 1$ and $|c_t| \\le F^t|c_0| + (1 - F^t)/(1 - F) "
        "\\le |c_0| + 1/(1 - F)$; divergence needs unbounded inputs (or weights growing with "
        "$t$)."),
    "lstm-c-unbounded/nd": (
        "n-D",
        "n ≥ 2, ∞-norm: ‖c_t‖_∞ < ‖c_0‖_∞ + t for every t (tight), and c_t can diverge "
        "coordinatewise (n copies of the 1-D examples).",
        "$n \\ge 2$, $\\infty$-norm: $\\|c_t\\|_\\infty < \\|c_0\\|_\\infty + t$ for every $t$ "
        "(tight), and $c_t$ can diverge coordinatewise ($n$ copies of the 1-D examples)."),
    "eq13/1d": (
        "1-D",
        "∂h_t/∂h_{t-1} of the GRU (11) = 1 − z_t − z_t(1 − z_t)h_{t-1}U_z + z_t(1 − z_t)ĥ_t U_z "
        "+ (1 − ĥ_t²) r_t (1 + (1 − r_t)h_{t-1}U_r) z_t U_h, as printed.",
        "$\\dfrac{\\partial h_t}{\\partial h_{t-1}}$ of the GRU (11) $= 1 - z_t - z_t(1-z_t)"
        "h_{t-1}U_z + z_t(1-z_t)\\hat h_t U_z + (1-\\hat h_t^2)\\,r_t\\bigl(1 + (1-r_t)h_{t-1}"
        "U_r\\bigr)z_t U_h$, as printed."),
    "eq13/nd": (
        "n-D",
        "n ≥ 2: ∂h_t/∂h_{t-1} = diag(1 − z) − diag(z(1 − z)h_{t-1}) U_z + diag(z(1 − z)ĥ) U_z "
        "+ diag(z(1 − ĥ²)) U_h diag(r) (I + diag((1 − r)h_{t-1}) U_r): r and "
        "(1 + (1 − r)h_{t-1}U_r) sit right of U_h.",
        "$n \\ge 2$: $\\dfrac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(1-z) - "
        "\\operatorname{diag}(z(1-z)h_{t-1})\\,U_z + \\operatorname{diag}(z(1-z)\\hat h)\\,U_z"
        " + \\operatorname{diag}(z(1-\\hat h^2))\\,U_h\\operatorname{diag}(r)\\bigl(I + "
        "\\operatorname{diag}((1-r)h_{t-1})\\,U_r\\bigr)$: $r$ and $(1 + (1-r)h_{t-1}U_r)$ sit "
        "right of $U_h$."),
    "gru-less-stable/term-by-term": (
        "term by term",
        "At equal weight magnitudes every eq (13) secondary supremum is ≥ the matching LSTM "
        "one: |U_z|/4 (z(1−z)h_{t-1}U_z, attained at |h_{t-1}| = 1) ≥ (g*/4)|U_f|; |U_z|/4 "
        "(z(1−z)ĥ_t U_z) = |U_i|/4; ψ(|U_r|)|U_h| ≥ |U_c|, with ψ(k) = 1 (k ≤ 1), "
        "(1+k)²/(4k) (k > 1).",
        "At equal weight magnitudes every eq.~(13) secondary supremum is $\\ge$ the matching "
        "LSTM one: $|U_z|/4$ ($z(1-z)h_{t-1}U_z$, attained at $|h_{t-1}| = 1$) $\\ge "
        "(g^*/4)|U_f|$; $|U_z|/4$ ($z(1-z)\\hat h_t U_z$) $= |U_i|/4$; "
        "$\\psi(|U_r|)\\,|U_h| \\ge |U_c|$, with $\\psi(k) = 1$ ($k \\le 1$), "
        "$(1+k)^2/(4k)$ ($k > 1$)."),
    "gru-less-stable/strictly-larger": (
        "strictly larger",
        "At equal weight magnitudes every eq (13) secondary term has a strictly larger "
        "supremum than the matching LSTM term.",
        "At equal weight magnitudes every eq.~(13) secondary term has a strictly larger "
        "supremum than the matching LSTM term."),
    "gru-less-stable/reset-amplifies": (
        "reset amplifies",
        "The factor r_t(1 + (1 − r_t)h_{t-1}U_r) of (13)'s last term has supremum ψ(|U_r|) "
        "over r_t ∈ (0, 1), |h_{t-1}| ≤ 1, and ψ(k) > 1 for k > 1: the reset step amplifies "
        "the term when |U_r| > 1.",
        "The factor $r_t(1 + (1 - r_t)h_{t-1}U_r)$ of (13)'s last term has supremum "
        "$\\psi(|U_r|)$ over $r_t \\in (0,1)$, $|h_{t-1}| \\le 1$, and $\\psi(k) > 1$ for "
        "$k > 1$: the reset step amplifies the term when $|U_r| > 1$."),
    "gru-less-stable/nd": (
        "n-D",
        "n ≥ 2, term by term at equal weight matrices: sup ‖GRU secondary term‖₂ ≥ sup "
        "‖matching LSTM term‖₂.",
        "$n \\ge 2$, term by term at equal weight matrices: "
        "$\\sup\\|\\text{GRU secondary term}\\|_2 \\ge \\sup\\|\\text{matching LSTM term}\\|_2$."),
    "eq14/definition": (
        "definition",
        "The catalog cell variant is (14), equation by equation.",
        "The catalog cell \\texttt{variant} is (14), equation by equation."),
    # ---- beyond the article ---------------------------------------------------------------
    "pascanu-norm-bound/spectral": (
        "spectral",
        "n ≥ 1: for h_t = φ(W x_t + U h_{t-1} + b), ‖∂h_t/∂h_{t-1}‖₂ = ‖diag(φ′(a_t)) U‖₂ ≤ "
        "γ‖U‖₂ with γ = sup|φ′| = 1 (tanh), 1/4 (σ); tight.",
        "$n \\ge 1$: for $h_t = \\varphi(W x_t + U h_{t-1} + b)$, "
        "$\\|\\partial h_t/\\partial h_{t-1}\\|_2 = \\|\\operatorname{diag}(\\varphi'(a_t))\\,"
        "U\\|_2 \\le \\gamma\\|U\\|_2$ with $\\gamma = \\sup|\\varphi'| = 1$ (tanh), $1/4$ "
        "($\\sigma$); tight."),
    "pascanu-vanishing-sufficient/spectral": (
        "spectral",
        "n ≥ 1: if ‖U‖₂ < 1/γ then ‖∂h_T/∂h_0‖₂ = ‖J_T⋯J_1‖₂ ≤ (γ‖U‖₂)^T → 0 geometrically, "
        "for every input sequence and trajectory.",
        "$n \\ge 1$: if $\\|U\\|_2 < 1/\\gamma$ then $\\|\\partial h_T/\\partial h_0\\|_2 = "
        "\\|J_T\\cdots J_1\\|_2 \\le (\\gamma\\|U\\|_2)^T \\to 0$ geometrically, for every input "
        "sequence and trajectory."),
    "pascanu-eigenvalue-version/spectral-radius": (
        "spectral radius",
        "n ≥ 2: if the largest absolute eigenvalue ρ(U) < 1/γ, then ‖∂h_T/∂h_0‖₂ → 0.",
        "$n \\ge 2$: if the largest absolute eigenvalue $\\rho(U) < 1/\\gamma$, then "
        "$\\|\\partial h_T/\\partial h_0\\|_2 \\to 0$."),
}
