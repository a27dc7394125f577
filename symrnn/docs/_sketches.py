r"""The proof sketch of each reading (:class:`._sketch.Sketch`), keyed by reading id.

Prose written once per reading, in English and Chinese (the article's terms: 梯度消失,
梯度爆炸, 遗忘门, 主项, 次要项, 连乘); every number is a ``⟨path⟩`` into the reading's
evidence, typeset when the report is built. A test checks that every reading of the
registry has a sketch and that every path resolves.
"""

from __future__ import annotations

from ._sketch import Sketch

__all__ = ["SKETCHES"]


def _identity(eq: str) -> Sketch:
    return Sketch(
        "identity",
        f"Both sides are written in gate notation (the derived side by SymPy's chain rule "
        f"from the cell's definition); their difference reduces to exactly $0$ as a rational "
        f"function of the symbols, with $\\tanh$, $\\sigma$ and $\\exp$ taken as atoms. The "
        f"printed {eq} and the derivation agree term by term.",
        f"两边都用门记号写出（推导的一边由 SymPy 从单元的定义按链式法则求得）；把 $\\tanh$、"
        f"$\\sigma$、$\\exp$ 视为原子，两边之差作为各符号的有理函数恰好化为 $0$。原文印出的式 "
        f"{eq} 与推导逐项一致。")


def _formula4() -> Sketch:
    return Sketch(
        "identity",
        "With $\\tanh$ and $\\sigma$ rewritten through $\\exp$, the difference of the two "
        "sides (derivatives taken by SymPy) reduces to exactly $0$ as a rational function "
        "of the exponential atoms.",
        "把 $\\tanh$ 与 $\\sigma$ 化为 $\\exp$ 后（导数由 SymPy 求得），两边之差作为指数原子的"
        "有理函数恰好化为 $0$。")


def _generic_entry(eq: str) -> Sketch:
    return Sketch(
        "generic-entry",
        f"The $n$-dimensional cell is written at a symbolic entry $(k, l)$ with symbolic $n$ "
        f"(sums to $n$, Kronecker deltas); SymPy's derivative and the matrix form above have "
        f"the same normal form, so the identity holds for every $n$. Putting every diagonal "
        f"factor to the left of the weight matrix is wrong: at $n = "
        f"⟨all_factors_left_reading.witness.n|int⟩$ an exact rational point gives a "
        f"difference in the ball ⟨all_factors_left_reading.witness.derived_minus_form|ball⟩, "
        f"which excludes $0$.",
        f"把 $n$ 维单元写在符号下标 $(k, l)$ 处、$n$ 也保持为符号（求和到 $n$，用 Kronecker "
        f"记号）；SymPy 求得的导数与上面的矩阵形式有相同的规范形式，因此恒等式对每个 $n$ 成立。"
        f"把所有对角因子都放在权重矩阵左边是错的：在 $n = "
        f"⟨all_factors_left_reading.witness.n|int⟩$ 的一个精确有理点上，差落在球 "
        f"⟨all_factors_left_reading.witness.derived_minus_form|ball⟩ 内，不含 $0$。")


def _generic_entry_eq8() -> Sketch:
    return Sketch(
        "generic-entry",
        "The $n$-dimensional cell is written at a symbolic entry $(k, l)$ with symbolic $n$ "
        "and Kronecker deltas; SymPy's derivative along the path "
        "$h_{t-1} = o_{t-1}\\circ\\tanh c_{t-1}$ and the matrix form have the same normal "
        "form weight by weight, so the identity holds for every $n$.",
        "把 $n$ 维单元写在符号下标 $(k, l)$ 处，$n$ 为符号并使用 Kronecker 记号；沿路径 "
        "$h_{t-1} = o_{t-1}\\circ\\tanh c_{t-1}$ 由 SymPy 求得的导数与矩阵形式按权重逐个具有"
        "相同的规范形式，因此恒等式对每个 $n$ 成立。")


def _definition(eq: str) -> Sketch:
    return Sketch(
        "definition",
        f"Each of the ⟨parts|count⟩ defining equations of the catalog cell is compared with "
        f"the transcription of {eq}; every difference is exactly $0$.",
        f"把目录中单元的 ⟨parts|count⟩ 个定义式逐个与式 {eq} 的转录比较，每个差都恰好为 $0$。")


_ND_FAMILY_EN = ("Take $n = ⟨instances.0.n|int⟩$, $c_{t-1} = (C, 0)^{\\top}$ (below "
                 "$C = ⟨instances.0.c_{t-1}.0⟩$), "
                 "$o_{t-1} = ⟨instances.0.o_{t-1}⟩$, every other parameter and input $0$, and "
                 "$U_f = ⟨instances.0.U_f⟩$, of spectral norm ⟨instances.0.norm_U_f⟩. Then "
                 "$f_t = i_t = 1/2$, $\\hat c_t = 0$, and the term (9) is the matrix displayed "
                 "below: the row factor $c_{t-1}[1] = C$ meets the column factor "
                 "$1 - \\tanh^2 c_{t-1}[2] = 1$, so its norm is $C/8$, unbounded in $C$ at "
                 "$\\|U_f\\|_2 = 1$. Each instance is exact and re-checked in Arb.")
_ND_FAMILY_ZH = ("取 $n = ⟨instances.0.n|int⟩$，$c_{t-1} = (C, 0)^{\\top}$（下面 "
                 "$C = ⟨instances.0.c_{t-1}.0⟩$），"
                 "$o_{t-1} = ⟨instances.0.o_{t-1}⟩$，其余参数与输入为 $0$，"
                 "$U_f = ⟨instances.0.U_f⟩$，其谱范数为 ⟨instances.0.norm_U_f⟩。于是 "
                 "$f_t = i_t = 1/2$、$\\hat c_t = 0$，式 (9) 这一项就是下面的矩阵：行因子 "
                 "$c_{t-1}[1] = C$ 与列因子 $1 - \\tanh^2 c_{t-1}[2] = 1$ 相遇，所以它的范数为 "
                 "$C/8$，在 $\\|U_f\\|_2 = 1$ 时关于 $C$ 无界。每个实例都是精确的，并用 Arb 复核。")
_ND_SHOW = ("\\text{term (9)}=instances.0.term_eq9",
            "\\partial c_t/\\partial c_{t-1}=instances.0.dc_t/dc_{t-1}")

SKETCHES: dict[str, Sketch] = {
    # ---- RNNs and their gradient -------------------------------------------------------
    "eq1/form": Sketch(
        "exact",
        "Every catalog cell (⟨cells|count⟩ of them) is written out in full; the free symbols "
        "of each new state are among $x_t$, the previous state and the parameters.",
        "把目录中的每种单元（共 ⟨cells|count⟩ 种）完全展开；每个新状态的自由符号都只在 $x_t$、"
        "前一时刻状态和参数之中。"),
    "eq2/1d": Sketch(
        "identity",
        "Each cell is written out symbolically from $h_0$; $dh_T/d\\theta$ is taken node by "
        "node through the whole expression (checked against SymPy's derivative at $T = 1$), "
        "the partials on the right by SymPy; for each of the ⟨cases|count⟩ (cell, parameter) "
        "cases the two sides of (2) have the same exact normal form.",
        "把每种单元从 $h_0$ 出发符号展开；$dh_T/d\\theta$ 对整个表达式逐节点求导（在 $T = 1$ 时"
        "与 SymPy 的导数核对），右边的偏导数由 SymPy 求得；在 ⟨cases|count⟩ 个（单元，参数）"
        "情形中，式 (2) 两边都有相同的精确规范形式。"),
    "vanish-explode/uniform": Sketch(
        "exact",
        "A product of $m$ numbers of modulus at most $q$ has modulus at most $q^m$ (induction "
        "on $m$, lemma power-bound), and $q^m \\to 0$ for $0 \\le q < 1$, $q^m \\to \\infty$ for "
        "$q > 1$ (Bernoulli's inequality, lemma geometric-limit); both lemmas are checked "
        "exactly.",
        "$m$ 个绝对值不超过 $q$ 的数之积的绝对值不超过 $q^m$（对 $m$ 归纳，引理 power-bound）；"
        "当 $0 \\le q < 1$ 时 $q^m \\to 0$，当 $q > 1$ 时 $q^m \\to \\infty$（Bernoulli 不等式，"
        "引理 geometric-limit）；两个引理都经过精确检验。"),
    "vanish-explode/pointwise": Sketch(
        "witness",
        "Factors $a_j = ⟨below_1_no_vanishing.factor⟩ \\in (0, 1)$ telescope: the product of "
        "the first $n$ is $⟨below_1_no_vanishing.product⟩$ (induction, exact), with limit "
        "⟨below_1_no_vanishing.limit⟩, not $0$. Factors $a_j = ⟨above_1_no_explosion.factor⟩ "
        "> 1$ have product $⟨above_1_no_explosion.product⟩ \\to "
        "⟨above_1_no_explosion.limit⟩$, not $\\infty$. Each factor is below 1 (resp. above) "
        "but tends to 1, so no uniform $q$ exists.",
        "因子 $a_j = ⟨below_1_no_vanishing.factor⟩ \\in (0, 1)$ 可以逐项相消：前 $n$ 个的连乘为 "
        "$⟨below_1_no_vanishing.product⟩$（归纳，精确），极限为 ⟨below_1_no_vanishing.limit⟩，"
        "而不是 $0$。因子 $a_j = ⟨above_1_no_explosion.factor⟩ > 1$ 的连乘为 "
        "$⟨above_1_no_explosion.product⟩ \\to ⟨above_1_no_explosion.limit⟩$，而不是 $\\infty$。"
        "每个因子都小于 1（或大于 1），但趋于 1，因此不存在一致的 $q$。"),
    "vanish-explode/nd-vanish": Sketch(
        "exact",
        "The spectral norm is submultiplicative (lemma operator-norm-product), so "
        "$\\|J_t\\cdots J_{k+1}\\|_2 \\le \\prod_j \\|J_j\\|_2 \\le q^{t-k}$ (power-bound), "
        "and $q^{t-k} \\to 0$ (geometric-limit).",
        "谱范数满足次可乘性（引理 operator-norm-product），所以 "
        "$\\|J_t\\cdots J_{k+1}\\|_2 \\le \\prod_j \\|J_j\\|_2 \\le q^{t-k}$（power-bound），"
        "且 $q^{t-k} \\to 0$（geometric-limit）。"),
    "vanish-explode/nd-explode": Sketch(
        "witness",
        "A tanh RNN with $n = ⟨explosion_half.n|int⟩$, $h_0 = 0$ and the nilpotent weight below "
        "stays at its fixed point $h = 0$, where $J_t = U$ for every $t$: "
        "$\\|J_t\\|_2 = 2 > 1$ at every step, yet $J^2 = 0$, so every product of two or more "
        "factors is $0$. Exact, re-checked in Arb. What does hold: if the smallest singular "
        "value of every $J_j$ is at least $q > 1$, the product's norm is at least $q^{t-k}$.",
        "取 $n = ⟨explosion_half.n|int⟩$、$h_0 = 0$ 且权重为下面的幂零矩阵的 tanh RNN，它停在不动点 "
        "$h = 0$，此处对每个 $t$ 都有 $J_t = U$：每一步 $\\|J_t\\|_2 = 2 > 1$，但 $J^2 = 0$，"
        "所以两个及以上因子的连乘都是 $0$。精确，并用 Arb 复核。真正成立的是：若每个 $J_j$ 的最小"
        "奇异值至少为 $q > 1$，则连乘的范数至少为 $q^{t-k}$。",
        ("U=explosion_half.U", "J^2=explosion_half.J^2")),
    "eq3/1d": Sketch(
        "identity",
        "Written out symbolically and differentiated node by node, $dh_t/d\\theta$ equals the "
        "sum of the unrolled terms in exact normal form for each of the ⟨cases|count⟩ (cell, "
        "parameter) cases. The article's factor $\\partial h_{t-2}/\\partial h_{t-2}$ is $1$ "
        "(an erratum).",
        "符号展开并逐节点求导后，在 ⟨cases|count⟩ 个（单元，参数）情形中，"
        "$dh_t/d\\theta$ 都与展开各项之和有相同的精确规范形式。"
        "原文多出的因子 $\\partial h_{t-2}/\\partial h_{t-2}$ 等于 $1$（见勘误）。"),
    # ---- Vanishing or exploding? -------------------------------------------------------
    "vanish-meaning/measured": Sketch(
        "measurement",
        "A statement about training at typical initialisations, so it is measured, not proved "
        "(Section~\\ref{sec:flow}). Every run is finite and seeded; a measurement illustrates "
        "the statement but cannot settle it, so the verdict stays unknown.",
        "这是关于典型初始化下训练的论断，因此只能测量，不能证明（第~\\ref{sec:flow}~节）。每次运行"
        "都是有限的、固定了随机种子；测量只能说明而不能判定这一论断，所以结论保持为未定。"),
    "vanish-meaning/tail-share": Sketch(
        "exact",
        "By the triangle inequality the far terms sum to at most "
        "$\\sum_{k \\le t-d} |c_k|\\,|\\partial h_k/\\partial\\theta|$; each coefficient "
        "$|c_k| \\le q^{t-k}$ (power-bound) and $|\\partial h_k/\\partial\\theta| \\le B$ "
        "(product-monotone), and the geometric tail $\\sum_{m \\ge d} q^m \\le q^d/(1-q)$ "
        "(geometric-tail) gives the bound, uniformly in $t$. Five lemmas, each checked exactly.",
        "由三角不等式，远处各项之和不超过 $\\sum_{k \\le t-d} |c_k|\\,|\\partial h_k/\\partial"
        "\\theta|$；每个系数 $|c_k| \\le q^{t-k}$（power-bound），$|\\partial h_k/\\partial\\theta| "
        "\\le B$（product-monotone），几何级数的尾部 $\\sum_{m \\ge d} q^m \\le q^d/(1-q)$"
        "（geometric-tail）给出这个与 $t$ 无关的界。五个引理都经过精确检验。"),
    "vanish-meaning/nonzero-total": Sketch(
        "exact",
        "At the fixed point $h = 0$ every factor is $\\partial h_t/\\partial h_{t-1} = "
        "⟨dh_t/dh_{t-1}⟩$ and $\\partial h_t/\\partial b = ⟨∂h_t/∂b⟩$, so (2) reads "
        "$d_t = d_{t-1}/2 + 1$, solved by $d_t = 2 - 2^{1-t}$ (induction); its limit is "
        "⟨limit⟩. SymPy's derivative of three written-out steps gives "
        "$dh_3/db = ⟨dh_3/db (unrolled)⟩$, as the closed form does.",
        "在不动点 $h = 0$ 处每个因子都是 $\\partial h_t/\\partial h_{t-1} = ⟨dh_t/dh_{t-1}⟩$，"
        "且 $\\partial h_t/\\partial b = ⟨∂h_t/∂b⟩$，于是式 (2) 成为 $d_t = d_{t-1}/2 + 1$，"
        "其解为 $d_t = 2 - 2^{1-t}$（归纳），极限为 ⟨limit⟩。对展开三步的单元用 SymPy 求导得 "
        "$dh_3/db = ⟨dh_3/db (unrolled)⟩$，与闭式一致。"),
    # ---- Formulas (4) -------------------------------------------------------------------
    "eq4a/1d": _formula4(), "eq4b/1d": _formula4(), "eq4c/1d": _formula4(),
    "eq4d/1d": _formula4(),
    # ---- The simple RNN -----------------------------------------------------------------
    "eq5/definition": _definition("(5)"),
    "eq6/1d": _identity("(6)"),
    "eq6/nd": _generic_entry("(6)"),
    "tanh-bounded-in-U/1d": Sketch(
        "interval",
        "Substituting $x = a + U h_{t-1}$ turns the quantity into "
        "$|x - a|\\operatorname{sech}^2 x/|h_{t-1}|$; folding $x$ to $|x|$ gives "
        "$S(|a|) = \\sup_{y \\ge 0} (|a| + y)\\operatorname{sech}^2 y$, whose derivative has a "
        "unique zero (exact SymPy steps). At that point $S(A) = u - 1/(4u)$, and "
        "$A \\le S(A) \\le A + g^*$ by the triangle inequality and the bound of "
        "Section~\\ref{claim-xsech2-bound}. Interval Newton encloses the examples: "
        "$S(0) \\in ⟨a=0.sup_times_|h||ball⟩$.",
        "代换 $x = a + U h_{t-1}$ 把该量化为 $|x - a|\\operatorname{sech}^2 x/|h_{t-1}|$；把 $x$ "
        "折到 $|x|$ 得到 $S(|a|) = \\sup_{y \\ge 0} (|a| + y)\\operatorname{sech}^2 y$，其导数只有"
        "一个零点（精确的 SymPy 步骤）。在该点 $S(A) = u - 1/(4u)$，并由三角不等式和第~"
        "\\ref{claim-xsech2-bound}~节的界得 $A \\le S(A) \\le A + g^*$。区间牛顿法包住了例子："
        "$S(0) \\in ⟨a=0.sup_times_|h||ball⟩$。"),
    "tanh-bounded-in-U/uniform-in-a": Sketch(
        "witness",
        "At $h_{t-1} = ⟨family.h_{t-1}⟩$ take $a = -A$ and $U = A$: the pre-activation is "
        "$0$, $1 - \\tanh^2 0 = 1$, and the derivative equals $A$, unbounded in $A$. The "
        "exact instance $b = ⟨witness.b⟩$, $U = ⟨witness.U⟩$ gives $10$. The bound of the "
        "1-D reading grows like $S(|a|) \\ge |a|$.",
        "在 $h_{t-1} = ⟨family.h_{t-1}⟩$ 处取 $a = -A$、$U = A$：预激活为 $0$，"
        "$1 - \\tanh^2 0 = 1$，导数等于 $A$，关于 $A$ 无界。精确实例 $b = ⟨witness.b⟩$、"
        "$U = ⟨witness.U⟩$ 给出 $10$。一维解读的界 $S(|a|) \\ge |a|$ 随 $|a|$ 增长。"),
    "tanh-bounded-in-U/below-1": Sketch(
        "arb-witness",
        "At the exact point $U = ⟨witness.U⟩$, $h_{t-1} = ⟨witness.h_{t-1}⟩$, $a = 0$, a ball "
        "evaluation of the written-out cell's derivative gives ⟨value|ball⟩, above 1. The "
        "supremum over $U$ is $g^*/|h_{t-1}|$ at $a = 0$, above 1 whenever "
        "$|h_{t-1}| < g^* \\approx 0.448$.",
        "在精确点 $U = ⟨witness.U⟩$、$h_{t-1} = ⟨witness.h_{t-1}⟩$、$a = 0$ 处，用球算术计算展开"
        "单元的导数得 ⟨value|ball⟩，大于 1。$a = 0$ 时关于 $U$ 的上确界为 $g^*/|h_{t-1}|$，只要 "
        "$|h_{t-1}| < g^* \\approx 0.448$ 就大于 1。"),
    "tanh-bounded-in-U/nd": Sketch(
        "witness",
        "With $n = ⟨instances.0.n|int⟩$, $h_{t-1} = ⟨instances.0.h_{t-1}⟩$, $a = 0$ and "
        "$U = M e_2 e_2^{\\top}$, $U h_{t-1} = 0$, so $h_t = 0$ and the Jacobian is $U$ itself, "
        "of norm $M$: $U$ grows along a direction $h_{t-1}$ never sees (in 1-D there is none). "
        "The instance $M = 10$ below is exact and re-checked in Arb.",
        "取 $n = ⟨instances.0.n|int⟩$、$h_{t-1} = ⟨instances.0.h_{t-1}⟩$、$a = 0$ 和 "
        "$U = M e_2 e_2^{\\top}$，则 $U h_{t-1} = 0$，于是 $h_t = 0$，雅可比矩阵就是 $U$ 本身，"
        "范数为 $M$：$U$ 沿着 $h_{t-1}$ 看不到的方向增长（一维时没有这样的方向）。下面 $M = 10$ "
        "的实例是精确的，并用 Arb 复核。",
        ("U=instances.0.U", "J=instances.0.J")),
    "relu-unbounded/1d": Sketch(
        "exact",
        "SymPy gives $\\partial h_t/\\partial h_{t-1} = \\varphi'(a + U h_{t-1})\\,U$ with "
        "$0 \\le \\varphi' \\le 1$ for both activations. For relu, "
        "$U = \\operatorname{sign}(h)(M + |a|/|h| + 1)$ makes the pre-activation positive and "
        "the derivative $U$, with $|U| > M$: the exact witness $a = ⟨witnesses.0.a⟩$, "
        "$h_{t-1} = ⟨witnesses.0.h_{t-1}⟩$, $U = ⟨witnesses.0.U⟩$ has pre-activation "
        "$⟨witnesses.0.preactivation⟩$. For tanh at the same $a$, $h$ the supremum is "
        "⟨tanh_contrast.enclosure|ball⟩.",
        "SymPy 给出 $\\partial h_t/\\partial h_{t-1} = \\varphi'(a + U h_{t-1})\\,U$，两种激活都有 "
        "$0 \\le \\varphi' \\le 1$。对 relu，取 $U = \\operatorname{sign}(h)(M + |a|/|h| + 1)$ 使"
        "预激活为正、导数为 $U$，且 $|U| > M$：精确反例 $a = ⟨witnesses.0.a⟩$、"
        "$h_{t-1} = ⟨witnesses.0.h_{t-1}⟩$、$U = ⟨witnesses.0.U⟩$ 的预激活为 "
        "$⟨witnesses.0.preactivation⟩$。对 tanh，在相同的 $a$、$h$ 处上确界为 "
        "⟨tanh_contrast.enclosure|ball⟩。"),
    "relu-unbounded/nd": Sketch(
        "exact",
        "$\\|\\operatorname{diag}(\\varphi')\\,U\\|_2 \\le \\max_k|\\varphi'_k|\\,\\|U\\|_2 "
        "\\le \\|U\\|_2$ (lemma diag-norm). For relu, "
        "$U = \\lambda\\,\\mathbf{1} h_{t-1}^{\\top}/\\|h_{t-1}\\|^2$ makes every pre-activation "
        "$a_k + \\lambda$ positive for $\\lambda > \\max_k |a_k|$, so $J = U$ with "
        "$\\|J\\|_2 \\ge \\lambda\\sqrt n/\\|h_{t-1}\\|_2$, unbounded (a symbolic sum over $n$); "
        "exact instances $U = M I$ are re-checked in Arb. In $n$ dimensions the tanh RNN is "
        "unbounded too (Section~\\ref{claim-tanh-bounded-in-U}).",
        "$\\|\\operatorname{diag}(\\varphi')\\,U\\|_2 \\le \\max_k|\\varphi'_k|\\,\\|U\\|_2 \\le "
        "\\|U\\|_2$（引理 diag-norm）。对 relu，当 $\\lambda > \\max_k |a_k|$ 时 "
        "$U = \\lambda\\,\\mathbf{1} h_{t-1}^{\\top}/\\|h_{t-1}\\|^2$ 使每个预激活 $a_k + \\lambda$ "
        "为正，于是 $J = U$，$\\|J\\|_2 \\ge \\lambda\\sqrt n/\\|h_{t-1}\\|_2$，无界（对 $n$ 的符号"
        "求和）；精确实例 $U = M I$ 用 Arb 复核。在 $n$ 维中 tanh RNN 也无界（第~"
        "\\ref{claim-tanh-bounded-in-U}~节）。"),
    "clip-prevents-explosion/1d": Sketch(
        "exact",
        "Each factor is $\\varphi'(\\cdot)\\,U$ with $\\varphi' \\in [0, 1]$ (for $\\tanh$: "
        "$1 - \\tanh^2 u = 4E/(1+E)^2$, $E = e^{2u}$, checked exactly), so it has modulus "
        "$\\le |U| \\le 1$ (product-monotone); a product of such factors has modulus $\\le 1$ "
        "(power-bound with $q = 1$), and the triangle inequality bounds the gradient by the sum.",
        "每个因子都是 $\\varphi'(\\cdot)\\,U$，$\\varphi' \\in [0, 1]$（对 $\\tanh$："
        "$1 - \\tanh^2 u = 4E/(1+E)^2$，$E = e^{2u}$，经精确检验），所以其绝对值 "
        "$\\le |U| \\le 1$（product-monotone）；这些因子的连乘的绝对值 $\\le 1$（power-bound，"
        "$q = 1$），再由三角不等式用和来界住梯度。"),
    "clip-prevents-explosion/bounded-in-t": Sketch(
        "witness",
        "The tanh RNN with $U = ⟨U⟩$ (clipped: $|U| \\le 1$), $W x_t + b = 0$ and $h_0 = 0$ "
        "stays at $h_t = 0$, where every factor is $⟨dh_t/dh_{t-1}⟩$ and "
        "$\\partial h_t/\\partial b = ⟨∂h_t/∂b⟩$; (2) becomes $d_t = d_{t-1} + 1$, so "
        "$dh_t/db = ⟨dh_t/db⟩$, unbounded (SymPy's derivative of four written-out steps gives "
        "⟨dh_4/db (unrolled)⟩). Clipping bounds every coefficient by 1, not their sum.",
        "取 $U = ⟨U⟩$（已裁剪：$|U| \\le 1$）、$W x_t + b = 0$、$h_0 = 0$ 的 tanh RNN，它停在 "
        "$h_t = 0$，此处每个因子都是 $⟨dh_t/dh_{t-1}⟩$，且 $\\partial h_t/\\partial b = "
        "⟨∂h_t/∂b⟩$；式 (2) 成为 $d_t = d_{t-1} + 1$，所以 $dh_t/db = ⟨dh_t/db⟩$，无界（对展开"
        "四步的单元用 SymPy 求导得 ⟨dh_4/db (unrolled)⟩）。裁剪只把每个系数限制在 1 以内，"
        "而不是它们的和。"),
    "clip-prevents-explosion/vanishing-not-fixed": Sketch(
        "exact",
        "The relu RNN with $U = ⟨U⟩$ and positive pre-activations has every factor equal to "
        "⟨factor⟩, so the coefficient of $\\partial h_1/\\partial\\theta$ is "
        "$(1/2)^{t-1}$; at $t = ⟨t|int⟩$ it is exactly ⟨coefficient⟩, and "
        "$(1/2)^{t-1} \\to 0$ (geometric-limit).",
        "取 $U = ⟨U⟩$ 且预激活为正的 relu RNN，每个因子都等于 ⟨factor⟩，所以 "
        "$\\partial h_1/\\partial\\theta$ 的系数为 $(1/2)^{t-1}$；$t = ⟨t|int⟩$ 时恰为 "
        "⟨coefficient⟩，并且 $(1/2)^{t-1} \\to 0$（geometric-limit）。"),
    "clip-prevents-explosion/nd-entrywise": Sketch(
        "witness",
        "Every entry of the all-ones $U$ is in $[-1, 1]$. At the fixed point $h = 0$ of the "
        "tanh RNN ($W x + b = 0$) every Jacobian is $U$, and $U^m = 2^{m-1} U$: after "
        "⟨instances.0.steps|int⟩ steps the product is the matrix below, of norm "
        "$n^m = 2^{10}$. Exact, re-checked in Arb. Clipping the spectral norm instead works "
        "(the next reading).",
        "全 1 矩阵 $U$ 的每个元素都在 $[-1, 1]$ 内。在 tanh RNN 的不动点 $h = 0$ 处"
        "（$W x + b = 0$）每个雅可比矩阵都是 $U$，且 $U^m = 2^{m-1} U$："
        "⟨instances.0.steps|int⟩ 步后的连乘是下面的矩阵，范数为 $n^m = 2^{10}$。精确，并用 Arb "
        "复核。改为裁剪谱范数则有效（见下一个解读）。",
        ("U=instances.0.U", "U^{10}=instances.0.product")),
    "clip-prevents-explosion/nd-spectral": Sketch(
        "exact",
        "$\\|J_j\\|_2 = \\|\\operatorname{diag}(\\varphi'(a_j))\\,U\\|_2 \\le \\|U\\|_2 \\le 1$ "
        "(lemma diag-norm, $|\\varphi'| \\le 1$), and by submultiplicativity every product "
        "has norm $\\le 1$ (operator-norm-product, power-bound).",
        "$\\|J_j\\|_2 = \\|\\operatorname{diag}(\\varphi'(a_j))\\,U\\|_2 \\le \\|U\\|_2 \\le 1$"
        "（引理 diag-norm，$|\\varphi'| \\le 1$），由次可乘性每个连乘的范数都 $\\le 1$"
        "（operator-norm-product、power-bound）。"),
    # ---- The LSTM ----------------------------------------------------------------------
    "eq7/definition": _definition("(7)"),
    "eq8/1d": Sketch(
        "identity",
        "With $h_{t-1} = o_{t-1}\\tanh c_{t-1}$ substituted, SymPy's derivative of the "
        "written-out $c_t$ and the printed (8) (its terms (9), (10a), (10b) written out) have "
        "the same exact normal form, and so does symrnn's chain rule in gate notation.",
        "代入 $h_{t-1} = o_{t-1}\\tanh c_{t-1}$ 后，SymPy 对展开的 $c_t$ 求得的导数与原文印出的"
        "式 (8)（其中各项 (9)、(10a)、(10b) 展开）有相同的精确规范形式，symrnn 用门记号按链式法则"
        "求得的导数也是如此。"),
    "eq8/nd": _generic_entry_eq8(),
    "forget-dominant/pointwise": Sketch(
        "interval",
        "By the triangle inequality $|\\partial c_t/\\partial c_{t-1} - f_t|$ is at most the "
        "sum of the three secondary terms' suprema (Appendix~\\ref{term-bounds}): "
        "$(g^*/4)|U_f|$ with $g^*/4 \\in ⟨eps_coefficients.U_f.enclosure|ball⟩$, "
        "$|U_i|/4$ and $|U_c|$. The main term, the forget gate $f_t$, lies in $(0, 1)$.",
        "由三角不等式，$|\\partial c_t/\\partial c_{t-1} - f_t|$ 不超过三个次要项的上确界之和"
        "（附录~\\ref{term-bounds}）：$(g^*/4)|U_f|$，其中 "
        "$g^*/4 \\in ⟨eps_coefficients.U_f.enclosure|ball⟩$，以及 $|U_i|/4$ 和 $|U_c|$。主项，"
        "即遗忘门 $f_t$，在 $(0, 1)$ 内。"),
    "forget-dominant/main-term-larger": Sketch(
        "witness",
        "At the admissible point $f_t = ⟨witness.f_t⟩$, $i_t = ⟨witness.i_t⟩$, "
        "$\\hat c_t = ⟨witness.chat_t⟩$, $o_{t-1} = ⟨witness.o_{t-1}⟩$, "
        "$c_{t-1} = ⟨witness.c_{t-1}⟩$ with $U_c = ⟨witness.U_c⟩$, $U_f = U_i = 0$, exact "
        "evaluation of (8)--(10) gives secondary terms summing to ⟨secondary_sum⟩, larger "
        "than the main term $f_t = ⟨main_term⟩$: the forget gate can be near $0$ while "
        "$i_t\\,\\partial\\hat c_t/\\partial c_{t-1}$ stays near $|U_c|/4$.",
        "在容许点 $f_t = ⟨witness.f_t⟩$、$i_t = ⟨witness.i_t⟩$、"
        "$\\hat c_t = ⟨witness.chat_t⟩$、$o_{t-1} = ⟨witness.o_{t-1}⟩$、"
        "$c_{t-1} = ⟨witness.c_{t-1}⟩$，$U_c = ⟨witness.U_c⟩$、$U_f = U_i = 0$ 处，精确计算 "
        "(8)--(10) 得次要项之和为 ⟨secondary_sum⟩，大于主项 $f_t = ⟨main_term⟩$：遗忘门可以接近 "
        "$0$，而 $i_t\\,\\partial\\hat c_t/\\partial c_{t-1}$ 仍接近 $|U_c|/4$。"),
    "forget-dominant/no-explosion": Sketch(
        "witness",
        "At the admissible point $f_t = ⟨witness.f_t⟩$, $i_t = ⟨witness.i_t⟩$, "
        "$\\hat c_t = ⟨witness.chat_t⟩$, $o_{t-1} = ⟨witness.o_{t-1}⟩$, "
        "$c_{t-1} = ⟨witness.c_{t-1}⟩$, $U_c = ⟨witness.U_c⟩$, $U_f = U_i = 0$ (all weights "
        "in $[-1, 1]$), exact evaluation of (8) gives "
        "$\\partial c_t/\\partial c_{t-1} = ⟨dc_t/dc_{t-1}⟩ > 1$: with the forget gate near 1 "
        "any positive secondary term pushes the gain above 1 (it stays below "
        "$1 + \\varepsilon(U)$).",
        "在容许点 $f_t = ⟨witness.f_t⟩$、$i_t = ⟨witness.i_t⟩$、"
        "$\\hat c_t = ⟨witness.chat_t⟩$、$o_{t-1} = ⟨witness.o_{t-1}⟩$、"
        "$c_{t-1} = ⟨witness.c_{t-1}⟩$、$U_c = ⟨witness.U_c⟩$、$U_f = U_i = 0$（所有权重都在 "
        "$[-1, 1]$ 内）处，精确计算式 (8) 得 $\\partial c_t/\\partial c_{t-1} = ⟨dc_t/dc_{t-1}⟩ "
        "> 1$：遗忘门接近 1 时，任何正的次要项都会把增益推到 1 以上（但仍小于 "
        "$1 + \\varepsilon(U)$）。"),
    "forget-dominant/nd": Sketch("witness", _ND_FAMILY_EN, _ND_FAMILY_ZH, _ND_SHOW),
    "eq9/1d": _identity("(9)"),
    "eq9/nd": _generic_entry("(9)"),
    "xsech2-bound/1d": Sketch(
        "interval",
        "Two independent certified proofs. (i) $g(c) = (1-\\tanh^2 c)\\,c$ is odd, and "
        "$g'(c) = 0$ has the unique positive root $2c\\tanh c = 1$; interval Newton encloses "
        "the maximiser $c^* \\in ⟨supremum.maximiser|ball⟩$ and "
        "$g^* \\in ⟨supremum.enclosure|ball⟩$, attained. (ii) A mean-value branch-and-bound "
        "covers $[0, ⟨bound_proof.tail.T⟩]$ by ⟨bound_proof.boxes|int⟩ boxes, the largest "
        "certified upper bound ⟨bound_proof.max_box_upper|ball⟩, and the tail lemma "
        "$|c|(1 - \\tanh^2 c) \\le 4T e^{-2T}$ bounds $|c| \\ge ⟨bound_proof.tail.T⟩$ by "
        "⟨bound_proof.tail.bound_upper|ball⟩; both are below "
        "$⟨bound_proof.bound⟩ = 0.45$. Both certificates are re-checked.",
        "两个相互独立的认证证明。(i) $g(c) = (1-\\tanh^2 c)\\,c$ 是奇函数，$g'(c) = 0$ 只有一个"
        "正根 $2c\\tanh c = 1$；区间牛顿法包住最大值点 $c^* \\in ⟨supremum.maximiser|ball⟩$ 和 "
        "$g^* \\in ⟨supremum.enclosure|ball⟩$，可以取到。(ii) 中值定理分支定界用 "
        "⟨bound_proof.boxes|int⟩ 个小盒覆盖 $[0, ⟨bound_proof.tail.T⟩]$，最大的认证上界为 "
        "⟨bound_proof.max_box_upper|ball⟩；尾部引理 $|c|(1 - \\tanh^2 c) \\le 4T e^{-2T}$ 把 "
        "$|c| \\ge ⟨bound_proof.tail.T⟩$ 部分界在 ⟨bound_proof.tail.bound_upper|ball⟩ 以内；"
        "两者都小于 $⟨bound_proof.bound⟩ = 0.45$。两份证书都经过复核。"),
    "xsech2-bound/nd": Sketch(
        "exact",
        "A diagonal matrix has spectral norm $\\max_k |d_k|$ (lemma diag-norm), and every "
        "coordinate obeys the 1-D bound, $g^* \\in ⟨supremum.enclosure|ball⟩$.",
        "对角矩阵的谱范数是 $\\max_k |d_k|$（引理 diag-norm），而每个坐标都满足一维的界，"
        "$g^* \\in ⟨supremum.enclosure|ball⟩$。"),
    "four-gates/bound": Sketch(
        "interval",
        "The term is a product of independent factors: $f_t(1 - f_t) \\le 1/4$ (at "
        "$f_t = 1/2$), $o_{t-1} < 1$, $|(1 - \\tanh^2 c)\\,c| \\le g^*$; the product of the "
        "groups' suprema is $g^*/4 \\in ⟨term.enclosure|ball⟩$, approached as "
        "$o_{t-1} \\to 1$ but not attained. The term exceeds 1 only once "
        "$|U_f| > 4/g^* \\in ⟨U_f_threshold_for_term_below_1.enclosure|ball⟩$.",
        "该项是相互独立因子的乘积：$f_t(1 - f_t) \\le 1/4$（在 $f_t = 1/2$ 处），$o_{t-1} < 1$，"
        "$|(1 - \\tanh^2 c)\\,c| \\le g^*$；各组上确界之积为 $g^*/4 \\in ⟨term.enclosure|ball⟩$，"
        "在 $o_{t-1} \\to 1$ 时趋近但取不到。只有当 "
        "$|U_f| > 4/g^* \\in ⟨U_f_threshold_for_term_below_1.enclosure|ball⟩$ 时该项才会超过 1。"),
    "four-gates/worst-case": Sketch(
        "interval",
        "The term's supremum is $(g^*/4)|U_f|$ with $g^*/4 \\in ⟨eq9.enclosure|ball⟩ < 1$ "
        "(Arb), while (6)'s supremum $|U|$ is attained at $h_t = 0$; at equal weight "
        "magnitude the four gates squeeze the worst case by that factor.",
        "该项的上确界为 $(g^*/4)|U_f|$，其中 $g^*/4 \\in ⟨eq9.enclosure|ball⟩ < 1$（Arb），"
        "而式 (6) 的上确界 $|U|$ 在 $h_t = 0$ 处取得；在权重绝对值相同时，四个门把最坏情形压缩了"
        "这个倍数。"),
    "four-gates/all-weights": Sketch(
        "arb-witness",
        "At the admissible exact point $f_t = ⟨witness.f_t⟩$, "
        "$o_{t-1} = ⟨witness.o_{t-1}⟩$, $c_{t-1} = ⟨witness.c_{t-1}⟩$ with "
        "$U_f = ⟨witness.U_f⟩$, a ball evaluation of the term (9) gives ⟨value|ball⟩ $> 1$: "
        "the gates bound the term by $(g^*/4)|U_f|$, which exceeds 1 once "
        "$|U_f| > 4/g^* \\approx 8.93$.",
        "在容许的精确点 $f_t = ⟨witness.f_t⟩$、$o_{t-1} = ⟨witness.o_{t-1}⟩$、"
        "$c_{t-1} = ⟨witness.c_{t-1}⟩$、$U_f = ⟨witness.U_f⟩$ 处，用球算术计算式 (9) 这一项得 "
        "⟨value|ball⟩ $> 1$：门把该项界在 $(g^*/4)|U_f|$ 以内，而当 "
        "$|U_f| > 4/g^* \\approx 8.93$ 时这个界超过 1。"),
    "four-gates/nd": Sketch("witness", _ND_FAMILY_EN, _ND_FAMILY_ZH, _ND_SHOW),
    "eq10a/1d": _identity("(10a)"),
    "eq10a/nd": _generic_entry("(10a)"),
    "eq10b/1d": _identity("(10b)"),
    "eq10b/nd": _generic_entry("(10b)"),
    "secondary-terms-small/pointwise": Sketch(
        "interval",
        "Each LSTM secondary term is (6)'s shape, a $(1 - \\tanh^2)$ factor times its weight, "
        "times further factors in $(0, 1)$; the exact term suprema over the admissible box "
        "(Appendix~\\ref{term-bounds}) are $(g^*/4)|U_f|$, $|U_i|/4$ and $|U_c|$, none "
        "attained, while (6)'s supremum $|U|$ is attained at $h_t = 0$.",
        "LSTM 的每个次要项都是式 (6) 的形状——一个 $(1 - \\tanh^2)$ 因子乘以它的权重——再乘以"
        "在 $(0, 1)$ 内的其他因子；在容许区域上各项的精确上确界（附录~\\ref{term-bounds}）为 "
        "$(g^*/4)|U_f|$、$|U_i|/4$ 和 $|U_c|$，都取不到，而式 (6) 的上确界 $|U|$ 在 $h_t = 0$ "
        "处取得。"),
    "secondary-terms-small/worst-case": Sketch(
        "interval",
        "The term (10b), $i_t\\,\\partial\\hat c_t/\\partial c_{t-1}$, has supremum factor "
        "⟨eq10b.sup_factor⟩ (certified upper bound), approached by an exact family with "
        "term/weight $= ⟨approaching_family.term/weight⟩ \\to "
        "⟨approaching_family.limit_N->oo⟩$ ($i_t, o_{t-1} \\to 1$, $\\hat c_t = c_{t-1} = 0$): "
        "its supremum equals (6)'s $|U|$, so it is not strictly below.",
        "式 (10b) 这一项 $i_t\\,\\partial\\hat c_t/\\partial c_{t-1}$ 的上确界系数为 "
        "⟨eq10b.sup_factor⟩（认证上界），一个精确的族使 项/权重 $= "
        "⟨approaching_family.term/weight⟩ \\to ⟨approaching_family.limit_N->oo⟩$ 逼近它"
        "（$i_t, o_{t-1} \\to 1$，$\\hat c_t = c_{t-1} = 0$）：其上确界等于式 (6) 的 $|U|$，"
        "因此并不严格更小。"),
    "secondary-terms-small/nd": Sketch("witness", _ND_FAMILY_EN, _ND_FAMILY_ZH, _ND_SHOW),
    "lstm-long-sequences/measured": Sketch(
        "measurement",
        "A statement about typical LSTMs over thousands of steps: measured, not proved "
        "(Section~\\ref{sec:flow}). The two readings below settle what mathematics can: it "
        "holds with zero recurrent weights and fails for a suitable forget bias.",
        "这是关于典型 LSTM 在几千步上的论断：只能测量，不能证明（第~\\ref{sec:flow}~节）。下面两个"
        "解读给出数学能判定的部分：循环权重为零时成立，而选取合适的遗忘门偏置时不成立。"),
    "lstm-long-sequences/zero-U": Sketch(
        "exact",
        "At $U = 0$ the derivative (8) is the forget gate $f_t$ alone; $\\sigma$ is increasing "
        "and $1 - \\sigma(z) = 1/(1 + e^z) > 0$, so $f_t \\le F < 1$, and the product of $T$ "
        "factors is at most $F^T \\to 0$ (power-bound, geometric-limit).",
        "当 $U = 0$ 时式 (8) 只剩遗忘门 $f_t$；$\\sigma$ 单调递增且 $1 - \\sigma(z) = "
        "1/(1 + e^z) > 0$，所以 $f_t \\le F < 1$，$T$ 个因子的连乘不超过 $F^T \\to 0$"
        "（power-bound、geometric-limit）。"),
    "lstm-long-sequences/inevitable": Sketch(
        "witness",
        "With $U = 0$, $W_f = 0$ and forget bias $b_f = \\ln(2T)$, $f_t = 2T/(2T+1)$ and, by "
        "Bernoulli's inequality, $\\partial c_T/\\partial c_0 = (1 - 1/(2T+1))^T \\ge "
        "1 - T/(2T+1) > 1/2$ for every $T$: the gradient does not vanish. At "
        "$T = ⟨T|int⟩$ the exact rational product is about ⟨product_at_T_approx|num⟩.",
        "取 $U = 0$、$W_f = 0$、遗忘门偏置 $b_f = \\ln(2T)$，则 $f_t = 2T/(2T+1)$，由 Bernoulli "
        "不等式，对每个 $T$ 都有 $\\partial c_T/\\partial c_0 = (1 - 1/(2T+1))^T \\ge "
        "1 - T/(2T+1) > 1/2$：梯度没有消失。$T = ⟨T|int⟩$ 时精确的有理数连乘约为 "
        "⟨product_at_T_approx|num⟩。"),
    # ---- The GRU -----------------------------------------------------------------------
    "eq11/definition": _definition("(11)"),
    "eq12/definition": _definition("(12)"),
    "gru-h-bounded/1d": Sketch(
        "induction",
        "Each update is multilinear in its gates and states, so on the closed box (gates in "
        "$[0, 1]$, candidates and the previous state in $[-1, 1]$) its range is attained at "
        "the vertices (vertex lemma, exact values): for the GRU "
        "$h_{t-1}(1-z_t) + \\hat h_t z_t$ ranges over "
        "$[⟨updates.gru:h_t.range.0⟩, ⟨updates.gru:h_t.range.1⟩]$. Induction on $t$ "
        "concludes.",
        "每个更新式关于其门与状态都是多重线性的，所以在闭区域上（门在 $[0, 1]$ 内，候选状态与前一"
        "状态在 $[-1, 1]$ 内）其值域在顶点处取得（顶点引理，精确值）：对 GRU，"
        "$h_{t-1}(1-z_t) + \\hat h_t z_t$ 的取值范围是 "
        "$[⟨updates.gru:h_t.range.0⟩, ⟨updates.gru:h_t.range.1⟩]$。对 $t$ 归纳即得。"),
    "gru-h-bounded/nd": Sketch(
        "induction",
        "The updates act coordinatewise, so the 1-D vertex-lemma proof applies to each "
        "coordinate and bounds the $\\infty$-norm.",
        "各更新式逐坐标作用，因此一维的顶点引理证明适用于每个坐标，从而界住 $\\infty$-范数。"),
    "gru-h-bounded/nd-2norm": Sketch(
        "witness",
        "The catalog GRU with $n = ⟨two_norm_counterexample.n|int⟩$, $U = W = 0$, "
        "$b_z = \\ln 9$, $b_h = \\ln 3$ from $h_0 = 0$ has $z_t = "
        "⟨two_norm_counterexample.z_t⟩$, $\\hat h_t = ⟨two_norm_counterexample.hhat_t⟩$ and "
        "$h_1 = ⟨two_norm_counterexample.h_1⟩$, with $\\|h_1\\|_2^2 = "
        "⟨two_norm_counterexample.norm2_sq⟩ > 1$ (exact).",
        "取目录中的 GRU，$n = ⟨two_norm_counterexample.n|int⟩$、$U = W = 0$、$b_z = \\ln 9$、"
        "$b_h = \\ln 3$，从 $h_0 = 0$ 出发：$z_t = ⟨two_norm_counterexample.z_t⟩$，"
        "$\\hat h_t = ⟨two_norm_counterexample.hhat_t⟩$，$h_1 = ⟨two_norm_counterexample.h_1⟩$，"
        "$\\|h_1\\|_2^2 = ⟨two_norm_counterexample.norm2_sq⟩ > 1$（精确）。"),
    "lstm-c-unbounded/growth": Sketch(
        "induction",
        "The update $c_t = f_t c_{t-1} + i_t\\hat c_t$ is multilinear; with $|c_{t-1}| \\le M$ "
        "its range is within $[-M-1, M+1]$, and the vertex $f = i = \\hat c = 1$ is not "
        "admissible, so $|c_t| < |c_{t-1}| + 1$ (vertex lemma) and, by induction, "
        "$|c_t| < |c_0| + t$. Tightness: the family $W = U = 0$ with biases $\\beta$ has an "
        "exact closed form; at $\\beta = 40$, $t = ⟨family.t|int⟩$, "
        "$c_t \\in ⟨family.c_t|ball⟩$.",
        "更新式 $c_t = f_t c_{t-1} + i_t\\hat c_t$ 是多重线性的；当 $|c_{t-1}| \\le M$ 时其值域在 "
        "$[-M-1, M+1]$ 内，而顶点 $f = i = \\hat c = 1$ 不可取，所以 $|c_t| < |c_{t-1}| + 1$"
        "（顶点引理），归纳得 $|c_t| < |c_0| + t$。紧性：$W = U = 0$、偏置为 $\\beta$ 的族有精确"
        "闭式；$\\beta = 40$、$t = ⟨family.t|int⟩$ 时 $c_t \\in ⟨family.c_t|ball⟩$。"),
    "lstm-c-unbounded/divergence": Sketch(
        "induction",
        "At these weights and inputs the gates are $f_t = t(t+2)/(t+1)^2$, "
        "$i_t = ⟨gates.i_t⟩$, $\\hat c_t = ⟨gates.chat_t⟩$, so the catalog LSTM is "
        "$c_t = (1 - 1/(t+1)^2)\\,c_{t-1} + 2/5$ (checked by the identity checker). The "
        "induction step $c_{t-1} \\ge 4(t-1)/15 \\Rightarrow c_t \\ge 4t/15$ reduces to "
        "$2t^2 + 6 \\ge 0$.",
        "在这些权重和输入下，各门为 $f_t = t(t+2)/(t+1)^2$、$i_t = ⟨gates.i_t⟩$、"
        "$\\hat c_t = ⟨gates.chat_t⟩$，因此目录中的 LSTM 为 $c_t = (1 - 1/(t+1)^2)\\,c_{t-1} + "
        "2/5$（由恒等式检验程序核对）。归纳步 $c_{t-1} \\ge 4(t-1)/15 \\Rightarrow c_t \\ge "
        "4t/15$ 化为 $2t^2 + 6 \\ge 0$。"),
    "lstm-c-unbounded/bounded-inputs": Sketch(
        "induction",
        "With $|x_t| \\le X$ and $|h_{t-1}| < 1$ the forget gate's pre-activation is bounded, "
        "so $f_t \\le F < 1$; the vertex lemma with $f \\in [0, F]$ gives "
        "$|c_t| \\le F|c_{t-1}| + 1$, and the closed-form bound follows (checked by the "
        "identity checker, lemmas product-monotone and power-bound).",
        "当 $|x_t| \\le X$ 且 $|h_{t-1}| < 1$ 时遗忘门的预激活有界，所以 $f_t \\le F < 1$；在 "
        "$f \\in [0, F]$ 上用顶点引理得 $|c_t| \\le F|c_{t-1}| + 1$，由此得闭式界（由恒等式检验"
        "程序核对，引理 product-monotone 与 power-bound）。"),
    "lstm-c-unbounded/nd": Sketch(
        "induction",
        "The $c$-update is elementwise, so the growth bound holds coordinate by coordinate; "
        "with diagonal weights the $n$-dimensional LSTM is $n$ copies of the 1-D one, and "
        "the divergent example lifts.",
        "$c$ 的更新逐元素进行，因此增长界逐坐标成立；取对角权重时 $n$ 维 LSTM 就是一维 LSTM 的 $n$ "
        "个副本，发散的例子也随之推广。"),
    "eq13/1d": _identity("(13)"),
    "eq13/nd": _generic_entry("(13)"),
    "gru-less-stable/term-by-term": Sketch(
        "interval",
        "The exact term suprema over the admissible box (Appendix~\\ref{term-bounds}): the "
        "GRU's $z(1-z)h_{t-1}U_z$ has supremum $|U_z|/4$, attained at $|h_{t-1}| = 1$, against "
        "the LSTM's $(g^*/4)|U_f|$; $z(1-z)\\hat h_t U_z$ and (10a) both have $|\\cdot|/4$; the "
        "last term has $\\psi(|U_r|)\\,|U_h|$ against $|U_c|$, and "
        "$\\psi(k) - 1 = (k-1)^2/(4k) \\ge 0$. At equal weights $u \\le 1$ the totals are "
        "$⟨totals_at_equal_weights_u<=1.gru|plain⟩$ for the GRU against "
        "$⟨totals_at_equal_weights_u<=1.lstm|plain⟩$ for the LSTM.",
        "在容许区域上各项的精确上确界（附录~\\ref{term-bounds}）：GRU 的 $z(1-z)h_{t-1}U_z$ 的"
        "上确界为 $|U_z|/4$，在 $|h_{t-1}| = 1$ 处取得，对应 LSTM 的 $(g^*/4)|U_f|$；"
        "$z(1-z)\\hat h_t U_z$ 与 (10a) 都是 $|\\cdot|/4$；最后一项是 $\\psi(|U_r|)\\,|U_h|$ 对 "
        "$|U_c|$，且 $\\psi(k) - 1 = (k-1)^2/(4k) \\ge 0$。在权重相同且 $u \\le 1$ 时，总和为 GRU "
        "的 $⟨totals_at_equal_weights_u<=1.gru|plain⟩$ 对 LSTM 的 "
        "$⟨totals_at_equal_weights_u<=1.lstm|plain⟩$。"),
    "gru-less-stable/strictly-larger": Sketch(
        "interval",
        "The GRU's $z_t(1 - z_t)\\hat h_t U_z$ has supremum factor ⟨gru_term.sup_factor⟩ "
        "(certified upper bound), and the LSTM's (10a) approaches the same "
        "⟨approaching_family.limit_N->oo⟩ along an exact family, term/weight "
        "$= ⟨approaching_family.term/weight⟩$: at equal weights the two suprema are equal, "
        "not strictly ordered.",
        "GRU 的 $z_t(1 - z_t)\\hat h_t U_z$ 的上确界系数为 ⟨gru_term.sup_factor⟩（认证上界），而 "
        "LSTM 的 (10a) 沿一个精确的族逼近同一个值 ⟨approaching_family.limit_N->oo⟩，项/权重 "
        "$= ⟨approaching_family.term/weight⟩$：在权重相同时两个上确界相等，并非严格更大。"),
    "gru-less-stable/reset-amplifies": Sketch(
        "exact",
        "Over $|h_{t-1}| \\le 1$ the factor's supremum is $\\sup_r r(1 + (1-r)k)$, "
        "$k = |U_r|$: for $k \\le 1$ it is increasing in $r$, with supremum 1; for $k > 1$ it is "
        "concave with vertex $r^* = (1+k)/(2k) < 1$ and value $(1+k)^2/(4k)$, and "
        "$\\psi(k) - 1 = (k-1)^2/(4k) > 0$ (exact).",
        "在 $|h_{t-1}| \\le 1$ 上该因子的上确界为 $\\sup_r r(1 + (1-r)k)$，$k = |U_r|$：$k \\le 1$ "
        "时它关于 $r$ 单调递增，上确界为 1；$k > 1$ 时它是凹函数，顶点 $r^* = (1+k)/(2k) < 1$，值为 "
        "$(1+k)^2/(4k)$，且 $\\psi(k) - 1 = (k-1)^2/(4k) > 0$（精确）。"),
    "gru-less-stable/nd": Sketch(
        "witness",
        "The GRU's $\\operatorname{diag}(z(1-z)h_{t-1})\\,U_z$ has norm at most "
        "$\\|U_z\\|_2/4$ ($|h_{t-1}[k]| \\le 1$, lemma diag-norm), while the LSTM's term (9) is "
        "unbounded at $\\|U_f\\|_2 = 1$: " + _ND_FAMILY_EN[0].lower() + _ND_FAMILY_EN[1:],
        "GRU 的 $\\operatorname{diag}(z(1-z)h_{t-1})\\,U_z$ 的范数不超过 $\\|U_z\\|_2/4$"
        "（$|h_{t-1}[k]| \\le 1$，引理 diag-norm），而 LSTM 的式 (9) 这一项在 $\\|U_f\\|_2 = 1$ "
        "时无界：" + _ND_FAMILY_ZH, _ND_SHOW),
    "eq14/definition": _definition("(14)"),
    # ---- Beyond the article: n dimensions ------------------------------------------------
    "pascanu-norm-bound/spectral": Sketch(
        "exact",
        "The matrix form $\\operatorname{diag}(\\varphi'(a_t))\\,U$ is exact for every $n$; "
        "$\\|\\operatorname{diag}(d)\\,U\\|_2 \\le \\max_k|d_k|\\,\\|U\\|_2$ (diag-norm), and "
        "$\\gamma$ is exact: $1 - \\tanh^2 x \\le 1$ and "
        "$\\sigma(1-\\sigma) = 1/4 - (\\sigma - 1/2)^2 \\le 1/4$, both attained at $0$. Tight at "
        "the instance $U = ⟨tight_instance.U⟩$.",
        "矩阵形式 $\\operatorname{diag}(\\varphi'(a_t))\\,U$ 对每个 $n$ 都精确成立；"
        "$\\|\\operatorname{diag}(d)\\,U\\|_2 \\le \\max_k|d_k|\\,\\|U\\|_2$（diag-norm），$\\gamma$ "
        "是精确的：$1 - \\tanh^2 x \\le 1$，$\\sigma(1-\\sigma) = 1/4 - (\\sigma - 1/2)^2 \\le "
        "1/4$，都在 $0$ 处取得。在实例 $U = ⟨tight_instance.U⟩$ 处这个界是紧的。"),
    "pascanu-vanishing-sufficient/spectral": Sketch(
        "exact",
        "$\\|J_t\\|_2 \\le \\gamma\\|U\\|_2 = \\eta < 1$ (the norm bound), "
        "$\\|J_T\\cdots J_1\\|_2 \\le \\eta^T$ (operator-norm-product, power-bound) and "
        "$\\eta^T \\to 0$ (geometric-limit). Example: $U = ⟨example.U|plain⟩$ over "
        "$T = ⟨example.T|int⟩$ steps gives $⟨example.product|plain⟩$.",
        "$\\|J_t\\|_2 \\le \\gamma\\|U\\|_2 = \\eta < 1$（范数界），$\\|J_T\\cdots J_1\\|_2 \\le "
        "\\eta^T$（operator-norm-product、power-bound），且 $\\eta^T \\to 0$（geometric-limit）。"
        "例：$U = ⟨example.U|plain⟩$，$T = ⟨example.T|int⟩$ 步后得 $⟨example.product|plain⟩$。"),
    "pascanu-eigenvalue-version/spectral-radius": Sketch(
        "witness",
        "The non-normal $U$ below has $U^2 = I/4$, so $\\rho(U) = "
        "⟨counterexample.spectral_radius_U⟩ < 1 = 1/\\gamma$. With $W = 0$ and the bias "
        "below, $h^* = ⟨counterexample.h*⟩$ is a fixed point of the tanh RNN (exact), where "
        "the Jacobian $J$ below has characteristic polynomial $p$ with "
        "$p(13/10) = ⟨counterexample.p(13/10)⟩ < 0$, so $\\rho(J) > 13/10$ and "
        "$\\|J^T\\|_2 \\ge (13/10)^T \\to \\infty$; exact at $T = ⟨counterexample.T|int⟩$, "
        "re-checked in Arb.",
        "下面的非正规矩阵 $U$ 满足 $U^2 = I/4$，所以 $\\rho(U) = "
        "⟨counterexample.spectral_radius_U⟩ < 1 = 1/\\gamma$。取 $W = 0$ 和下面的偏置，"
        "$h^* = ⟨counterexample.h*⟩$ 是 tanh RNN 的不动点（精确），该处的雅可比矩阵 $J$ 的特征"
        "多项式 $p$ 满足 $p(13/10) = ⟨counterexample.p(13/10)⟩ < 0$，因此 $\\rho(J) > 13/10$，"
        "$\\|J^T\\|_2 \\ge (13/10)^T \\to \\infty$；在 $T = ⟨counterexample.T|int⟩$ 时精确验证，"
        "并用 Arb 复核。",
        ("U=counterexample.U", "b=counterexample.b", "J=counterexample.J")),
}
