"""The Chinese edition's own text: statements of the readings, the article's section names,
the errata, and the statements of the claims beyond the article.

Statements are LaTeX text mode with ``$…$`` math (the mathematics is the English
``statement_latex``'s), in the article's terms: 梯度消失, 梯度爆炸, 遗忘门, 主项, 次要项, 连乘,
裁剪, 有界/无界. A test checks that :data:`ZH_STATEMENTS` covers every reading id of the
registry.
"""

from __future__ import annotations

__all__ = ["ZH_STATEMENTS", "ZH_SECTIONS", "ZH_ERRATA", "ZH_ERRATA_KINDS", "ZH_CLAIMS",
           "ZH_CELLS"]

#: The article's sections (the registry's English names) as the article titles them.
ZH_SECTIONS: dict[str, str] = {
    "RNNs and their gradient": "RNN 及其梯度",
    "Vanishing or exploding?": "消失还是爆炸？",
    "Formulas (4)": "几个数学公式",
    "The simple RNN": "简单 RNN 分析",
    "The LSTM": "LSTM 的结果",
    "The GRU": "顺便看看 GRU",
    "Beyond the article: n dimensions": "原文之外：$n$ 维情形",
}

#: The catalog's cells (their ``title``) in Chinese; a test checks it covers the catalog.
ZH_CELLS: dict[str, str] = {
    "rnn": "简单 RNN（tanh）",
    "relu_rnn": "简单 RNN（relu）",
    "lstm": "LSTM",
    "gru": "GRU（先重置再与权重相乘）",
    "mgu": "单门 GRU",
    "variant": "原文提出的变体（式 14）",
    "gru_torch": "GRU（PyTorch/cuDNN 的先乘后重置约定）",
    "peephole_lstm": "带窥视孔连接的 LSTM",
    "cifg_lstm": "CIFG LSTM（输入门与遗忘门耦合）",
    "mgu_zhou": "最小门控单元（发表的形式）",
    "mgu_keep": "最小门控单元（f 保留旧状态：RecurrentLayers.jl 的代码）",
    "mgu_flax": "最小门控单元（Flax：f 保留旧状态，门作用在 U_h 之后）",
    "min_gru": "minGRU",
    "min_lstm": "minLSTM（归一化的门）",
    "min_gru_g": "minGRU，候选状态上带 g（公开代码的训练方式）",
    "min_lstm_g": "minLSTM，候选状态上带 g（公开代码的训练方式）",
    "indrnn": "IndRNN（逐元素的循环权重）",
    "janet": "JANET（只有遗忘门，输入门由其平移得到）",
}

#: Kinds of errata.
ZH_ERRATA_KINDS: dict[str, str] = {
    "redundant factor": "多余因子",
    "typo": "笔误",
    "naming slip": "命名不一致",
    "imprecision": "不精确",
}

#: (claim id, index among its errata) → the erratum in Chinese (LaTeX text).
ZH_ERRATA: dict[tuple[str, int], str] = {
    ("eq3", 0): "第三项多了一个因子 $\\partial h_{t-2}/\\partial h_{t-2}$，它恒等于 1",
    ("eq3", 1): "“稀疏”应为“系数”",
    ("eq11", 0): "候选状态的偏置写作 $b_c$（与 $W_h$、$U_h$ 并列）；symrnn 记为 $b_h$",
    ("eq12", 0): "候选状态的偏置写作 $b_c$；symrnn 记为 $b_h$",
    ("xsech2-bound", 0): "界 $0.45$ 不是最优的：上确界为 $0.44774\\ldots$",
}

#: Claims beyond the article (no Chinese original): their statement in Chinese.
ZH_CLAIMS: dict[str, str] = {
    "pascanu-norm-bound":
        "$\\|\\partial h_t/\\partial h_{t-1}\\|_2 \\le \\gamma\\|U\\|_2$，其中 "
        "$\\gamma = \\sup|\\varphi'|$（$\\tanh$ 为 1，$\\sigma$ 为 $1/4$）。",
    "pascanu-vanishing-sufficient":
        "$\\|U\\|_2 < 1/\\gamma$ 时梯度按几何级数消失。",
    "pascanu-eigenvalue-version":
        "把上述充分条件中的谱范数换成谱半径（最大特征值的绝对值）。",
}

#: Reading id → its statement in Chinese (LaTeX text mode).
ZH_STATEMENTS: dict[str, str] = {
    "eq1/form":
        "目录中每种单元的新状态只是 $x_t$、前一时刻状态与参数 $\\theta$ 的函数："
        "$h_t = f(x_t, h_{t-1}; \\theta)$。",
    "eq2/1d":
        "$\\dfrac{dh_T}{d\\theta} = \\dfrac{\\partial h_T}{\\partial h_{T-1}}\\,"
        "\\dfrac{dh_{T-1}}{d\\theta} + \\dfrac{\\partial h_T}{\\partial \\theta}$，对简单 RNN (5) 在 "
        "$T = 3$、对单门 GRU (12) 与 GRU (11) 在 $T = 2$ 时的每个参数 $\\theta$ 成立；各单元都从"
        "（与 $\\theta$ 无关的）$h_0$ 出发逐步符号展开。",
    "vanish-explode/uniform":
        "设每步因子 $a_j = \\partial h_j/\\partial h_{j-1}$ 为实数：若对所有 $j$ 有 "
        "$|a_j| \\le q < 1$，则当 $t-k\\to\\infty$ 时 $|a_{k+1}\\cdots a_t| \\le q^{t-k} \\to 0$"
        "（梯度消失）；若对所有 $j$ 有 $|a_j| \\ge q > 1$，则 "
        "$|a_{k+1}\\cdots a_t| \\ge q^{t-k} \\to \\infty$（梯度爆炸）。",
    "vanish-explode/pointwise":
        "若对所有 $j$ 有 $|a_j| < 1$，则连乘 $a_1\\cdots a_m \\to 0$（梯度消失）；若对所有 $j$ "
        "有 $|a_j| > 1$，则 $|a_1\\cdots a_m| \\to \\infty$（梯度爆炸）。",
    "vanish-explode/nd-vanish":
        "$n \\ge 2$，谱范数：若对所有 $j$ 有 $\\|J_j\\|_2 \\le q < 1$，则 "
        "$\\|J_t\\cdots J_{k+1}\\|_2 \\le q^{t-k} \\to 0$。",
    "vanish-explode/nd-explode":
        "$n \\ge 2$，谱范数：若对所有 $j$ 有 $\\|J_j\\|_2 \\ge q > 1$，则 "
        "$\\|J_t\\cdots J_{k+1}\\|_2 \\to \\infty$。",
    "eq3/1d":
        "$\\dfrac{dh_t}{d\\theta} = \\sum_{k=1}^{t}\\Bigl(\\prod_{j=k+1}^{t}"
        "\\dfrac{\\partial h_j}{\\partial h_{j-1}}\\Bigr)\\dfrac{\\partial h_k}{\\partial\\theta}$"
        "——即原文的式 (3)，其中多余的因子 $\\partial h_{t-2}/\\partial h_{t-2} = 1$——对 (5) 在 "
        "$t = 3$、对 (11) 与 (12) 在 $t = 2$ 时的每个参数 $\\theta$ 成立（$h_0$ 与 $\\theta$ 无关）；"
        "$\\partial h_1/\\partial\\theta$ 的系数是 $t-1$ 个因子的连乘 "
        "$\\partial h_t/\\partial h_{t-1}\\cdots\\partial h_2/\\partial h_1$。",
    "vanish-meaning/measured":
        "测量而非证明：在常见的初始化下，总梯度中来自 $d$ 步以前的部分所占的比例随 $d$ 下降"
        "（\\texttt{symrnn flow}），因此长距离依赖难以学到。",
    "vanish-meaning/tail-share":
        "若每步都有 $|\\partial h_j/\\partial h_{j-1}| \\le q < 1$ 且 "
        "$|\\partial h_k/\\partial\\theta| \\le B$，则式 (3) 中来自 $d$ 步以前（$k \\le t-d$）的各项之和"
        "的绝对值不超过 $B q^d/(1-q)$，且与 $t$ 无关；当 $d\\to\\infty$ 时它趋于 $0$。",
    "vanish-meaning/nonzero-total":
        "梯度消失不等于梯度为零：对 (5) 取 $W = 0$、$U = 1/2$、$b = 0$、$h_0 = 0$（于是 "
        "$h_t = 0$），有 $dh_t/db = 2 - 2^{1-t} \\to 2$，而来自 $k$ 步以前的项为 "
        "$2^{-k} \\to 0$。",
    "eq4a/1d": "对每个实数 $x$，$\\tanh x = 2\\sigma(2x) - 1$。",
    "eq4b/1d": "对每个实数 $x$，$\\sigma(x) = \\bigl(\\tanh(x/2) + 1\\bigr)/2$。",
    "eq4c/1d": "对每个实数 $x$，$(\\tanh x)' = 1 - \\tanh^2 x$。",
    "eq4d/1d": "对每个实数 $x$，$\\sigma'(x) = \\sigma(x)\\bigl(1 - \\sigma(x)\\bigr)$。",
    "eq5/definition":
        "目录中的单元 \\texttt{rnn} 就是式 (5)：$h_t = \\tanh(W x_t + U h_{t-1} + b)$。",
    "eq6/1d":
        "对 $h_t = \\tanh(W x_t + U h_{t-1} + b)$，"
        "$\\partial h_t/\\partial h_{t-1} = (1 - h_t^2)\\,U$。",
    "eq6/nd":
        "$n \\ge 2$：$\\partial h_t/\\partial h_{t-1} = \\operatorname{diag}(1 - h_t\\circ h_t)\\,U$，"
        "对角矩阵在 $U$ 的左边（$U\\operatorname{diag}(1 - h_t^2)$ 的读法是错的）。",
    "tanh-bounded-in-U/1d":
        "对每个 $a = W x_t + b$ 和每个固定的 $h_{t-1} \\ne 0$："
        "$\\sup_{U\\in\\mathbb{R}} |(1 - \\tanh^2(a + U h_{t-1}))\\,U| = S(|a|)/|h_{t-1}| < \\infty$，"
        "其中 $S(A) = u - 1/(4u)$，$u > A$ 满足 $2u\\tanh(u - A) = 1$；并且 "
        "$|a| \\le S(|a|) \\le |a| + g^*$，$S(0) = g^*$。",
    "tanh-bounded-in-U/uniform-in-a":
        "对每个固定的 $h_{t-1} \\ne 0$，存在一个既与 $U$ 无关、也与 $a = W x_t + b$ 无关的常数 "
        "$C$，使 $|(1 - \\tanh^2(a + U h_{t-1}))\\,U| \\le C$。",
    "tanh-bounded-in-U/below-1":
        "对每个固定的 $h_{t-1} \\ne 0$ 和 $a$，对所有 $U$ 都有 "
        "$|(1 - \\tanh^2(a + U h_{t-1}))\\,U| \\le 1$（有界的雅可比不超过 1）。",
    "tanh-bounded-in-U/nd":
        "$n \\ge 2$，谱范数：对固定的 $h_{t-1} \\ne 0$ 和 $a = W x_t + b$，"
        "$\\sup_U \\|\\operatorname{diag}(1 - h_t^2)\\,U\\|_2$ 有限。",
    "relu-unbounded/1d":
        "对 $h_t = \\varphi(a + U h_{t-1})$：当 $\\varphi = \\tanh$ 或 $\\varphi = \\mathrm{relu}$ 时 "
        "$|\\partial h_t/\\partial h_{t-1}| \\le |U|$；对 relu，在正半轴上 "
        "$\\partial h_t/\\partial h_{t-1} = U$，且对每个固定的 $h_{t-1} \\ne 0$ 和 $a$，"
        "$\\sup_U |\\partial h_t/\\partial h_{t-1}| = \\infty$（对 $\\tanh$ 则是有限的 "
        "$S(|a|)/|h_{t-1}|$）。",
    "relu-unbounded/nd":
        "$n \\ge 2$：对 $\\tanh$ 和 relu，$\\|\\partial h_t/\\partial h_{t-1}\\|_2 \\le \\|U\\|_2$；"
        "对 relu 以及每个固定的 $h_{t-1} \\ne 0$ 和 $a$，"
        "$\\sup_U \\|\\partial h_t/\\partial h_{t-1}\\|_2 = \\infty$。",
    "clip-prevents-explosion/1d":
        "若 $|U| \\le 1$，则对 $\\tanh$ 与 relu 的 RNN，式 (3) 中每个因子 "
        "$\\partial h_k/\\partial h_{k-1}$ 的绝对值都 $\\le 1$，所以对每个 $t$，每个系数 "
        "$\\prod_{j=k+1}^{t}\\partial h_j/\\partial h_{j-1}$ 的绝对值都 $\\le 1$（没有指数增长），"
        "并且 $|dh_t/d\\theta| \\le \\sum_{k=1}^{t}|\\partial h_k/\\partial\\theta|$。",
    "clip-prevents-explosion/bounded-in-t":
        "若 $|U| \\le 1$，则（权重固定、输入有界时）梯度 $dh_t/d\\theta$ 在 $t\\to\\infty$ 时保持"
        "有界。",
    "clip-prevents-explosion/vanishing-not-fixed":
        "把 $U$ 裁剪到 $|U| \\le 1$ 并不能防止梯度消失：对 relu RNN 取 $U = 1/2$ 且预激活为正，"
        "式 (3) 中 $\\partial h_1/\\partial\\theta$ 的系数恰为 $2^{-(t-1)} \\to 0$。",
    "clip-prevents-explosion/nd-entrywise":
        "$n \\ge 2$：把 $U$ 的每个元素裁剪到 $[-1, 1]$ 内，可使 $\\|J_t\\cdots J_1\\|_2$ 关于 $t$ "
        "有界。",
    "clip-prevents-explosion/nd-spectral":
        "$n \\ge 2$：若 $\\|U\\|_2 \\le 1$，则对 $\\tanh$ 与 relu 的 RNN 和每个 $t$，"
        "$\\|J_t\\cdots J_{k+1}\\|_2 \\le 1$。",
    "eq7/definition": "目录中的单元 \\texttt{lstm} 就是式 (7)，逐式相同。",
    "eq8/1d":
        "$\\dfrac{\\partial c_t}{\\partial c_{t-1}} = f_t + c_{t-1}\\dfrac{\\partial f_t}{\\partial "
        "c_{t-1}} + \\hat c_t\\dfrac{\\partial i_t}{\\partial c_{t-1}} + i_t\\dfrac{\\partial \\hat c_t}"
        "{\\partial c_{t-1}}$，其中 $h_{t-1} = o_{t-1}\\tanh c_{t-1}$：这是沿 $c$ 路径的导数。",
    "eq8/nd":
        "$n \\ge 2$，$h_{t-1} = o_{t-1}\\circ\\tanh c_{t-1}$："
        "$\\dfrac{\\partial c_t}{\\partial c_{t-1}} = \\operatorname{diag}(f_t) + "
        "\\bigl[\\operatorname{diag}(c_{t-1}\\circ f_t\\circ(1-f_t))\\,U_f + "
        "\\operatorname{diag}(\\hat c_t\\circ i_t\\circ(1-i_t))\\,U_i + "
        "\\operatorname{diag}(i_t\\circ(1-\\hat c_t^2))\\,U_c\\bigr]\\,"
        "\\operatorname{diag}(o_{t-1}\\circ(1 - \\tanh^2 c_{t-1}))$。",
    "forget-dominant/pointwise":
        "在式 (8) 的每个容许点上：$|\\partial c_t/\\partial c_{t-1} - f_t| \\le \\varepsilon(U) "
        ":= (g^*/4)|U_f| + |U_i|/4 + |U_c|$（除非 $U_f = U_i = U_c = 0$，否则严格成立），且遗忘门 "
        "$f_t \\in (0, 1)$；因此 $\\partial c_t/\\partial c_{t-1} \\in (-\\varepsilon, 1 + "
        "\\varepsilon)$，若每一步都有 $f_t \\le 1 - \\eta$ 且 $\\varepsilon \\le \\eta$，则 "
        "$|\\partial c_t/\\partial c_{t-1}| < 1$。",
    "forget-dominant/main-term-larger":
        "对满足 $|U_f|, |U_i|, |U_c| \\le 1$ 的权重，在每个容许点上主项占优："
        "$\\bigl|c_{t-1}\\tfrac{\\partial f_t}{\\partial c_{t-1}} + \\hat c_t\\tfrac{\\partial i_t}"
        "{\\partial c_{t-1}} + i_t\\tfrac{\\partial \\hat c_t}{\\partial c_{t-1}}\\bigr| < f_t$。",
    "forget-dominant/no-explosion":
        "对满足 $|U_f|, |U_i|, |U_c| \\le 1$ 的权重，在每个容许点上 "
        "$|\\partial c_t/\\partial c_{t-1}| \\le 1$（每步的增益从不超过 1）。",
    "forget-dominant/nd":
        "$n \\ge 2$，谱范数：在每个容许点上 $\\|\\partial c_t/\\partial c_{t-1} - "
        "\\operatorname{diag}(f_t)\\|_2 \\le \\varepsilon(U) = (g^*/4)\\|U_f\\|_2 + \\|U_i\\|_2/4 + "
        "\\|U_c\\|_2$。",
    "eq9/1d":
        "$c_{t-1}\\dfrac{\\partial f_t}{\\partial c_{t-1}} = f_t(1 - f_t)\\,o_{t-1}(1 - \\tanh^2 "
        "c_{t-1})\\,c_{t-1}\\,U_f$。",
    "eq9/nd":
        "$n \\ge 2$：式 (9) 这一项是 $\\operatorname{diag}(c_{t-1}\\circ f_t\\circ(1-f_t))\\,U_f\\,"
        "\\operatorname{diag}(o_{t-1}\\circ(1 - \\tanh^2 c_{t-1}))$：行因子在 $U_f$ 左边，列因子在"
        "右边。",
    "xsech2-bound/1d":
        "对每个实数 $c$，$|(1 - \\tanh^2 c)\\,c| < 0.45$；上确界 $g^* = c^* - 1/(4c^*)$"
        "（$2c^*\\tanh c^* = 1$）$\\approx 0.4477$ 恰在 $c = \\pm c^*$ 处取得。",
    "xsech2-bound/nd":
        "$n \\ge 2$：对每个 $c \\in \\mathbb{R}^n$，$\\|\\operatorname{diag}((1-\\tanh^2 c)\\circ c)"
        "\\|_2 = \\max_k |(1-\\tanh^2 c_k)\\,c_k| < 0.45$。",
    "four-gates/bound":
        "式 (9) 这一项在每个容许点上满足 $|\\text{项}| \\le (g^*/4)|U_f| \\approx 0.1119\\,|U_f|$"
        "（$U_f \\ne 0$ 时严格成立）；$(g^*/4)|U_f|$ 是它的上确界，但取不到（$o_{t-1} < 1$）。",
    "four-gates/worst-case":
        "在权重绝对值相同时，$|\\text{式 (9) 的项}|$ 的上确界 $(g^*/4)|U_f|$ 严格小于式 (6) 中 "
        "$|(1 - h_t^2)\\,U|$ 的上确界 $|U|$（后者在 $h_t = 0$ 时取得）。",
    "four-gates/all-weights":
        "无论 $U_f$ 取何值，四个门都把式 (9) 这一项压到 1 以下：对每个 $U_f$，在每个容许点上 "
        "$|\\text{式 (9) 的项}| < 1$。",
    "four-gates/nd":
        "$n \\ge 2$，谱范数：$\\|\\operatorname{diag}(c_{t-1}\\circ f_t\\circ(1-f_t))\\,U_f\\,"
        "\\operatorname{diag}(o_{t-1}\\circ(1-\\tanh^2 c_{t-1}))\\|_2 \\le (g^*/4)\\|U_f\\|_2$。",
    "eq10a/1d":
        "$\\hat c_t\\dfrac{\\partial i_t}{\\partial c_{t-1}} = i_t(1 - i_t)\\,o_{t-1}(1 - \\tanh^2 "
        "c_{t-1})\\,\\hat c_t\\,U_i$。",
    "eq10a/nd":
        "$n \\ge 2$：式 (10a) 这一项是 $\\operatorname{diag}(\\hat c_t\\circ i_t\\circ(1-i_t))\\,U_i\\,"
        "\\operatorname{diag}(o_{t-1}\\circ(1 - \\tanh^2 c_{t-1}))$。",
    "eq10b/1d":
        "$i_t\\dfrac{\\partial \\hat c_t}{\\partial c_{t-1}} = (1 - \\hat c_t^2)\\,o_{t-1}(1 - \\tanh^2 "
        "c_{t-1})\\,i_t\\,U_c$。",
    "eq10b/nd":
        "$n \\ge 2$：式 (10b) 这一项是 $\\operatorname{diag}(i_t\\circ(1-\\hat c_t^2))\\,U_c\\,"
        "\\operatorname{diag}(o_{t-1}\\circ(1 - \\tanh^2 c_{t-1}))$。",
    "secondary-terms-small/pointwise":
        "在每个容许点上，LSTM 的每个次要项 (9)、(10a)、(10b) 在 $U_* \\ne 0$ 时满足 "
        "$|\\text{项}| < |U_*|$（总有 $|\\text{项}| \\le |U_*|$）：在权重相同时低于式 (6) 可以取到的"
        "上确界 $|U|$。",
    "secondary-terms-small/worst-case":
        "在权重绝对值相同时，LSTM 每个次要项在容许点上的上确界都严格小于式 (6) 的上确界 $|U|$。",
    "secondary-terms-small/nd":
        "$n \\ge 2$，谱范数：LSTM 的每个次要项满足 $\\|\\text{项}\\|_2 \\le \\|U_*\\|_2$"
        "（被压缩的程度至少与式 (6) 相同）。",
    "lstm-long-sequences/measured":
        "测量而非证明：在常见的初始化下，LSTM 沿 $c$ 路径的梯度范数在几千步上仍然下降"
        "（\\texttt{symrnn flow}，距离最远 2000 步）。",
    "lstm-long-sequences/zero-U":
        "若所有循环权重为零（$U_f = U_i = U_o = U_c = 0$）且输入 $|x_t| \\le X$，则 "
        "$\\partial c_t/\\partial c_{t-1} = f_t \\le F := \\sigma(|W_f|X + |b_f|) < 1$，所以 "
        "$|\\partial c_T/\\partial c_0| \\le F^T \\to 0$。",
    "lstm-long-sequences/inevitable":
        "在长序列上，无论权重如何，LSTM 沿 $c$ 路径的梯度都会消失：对每个 $\\varepsilon > 0$ "
        "存在 $T_0$，使对所有 $T \\ge T_0$ 和所有权重都有 "
        "$|\\partial c_T/\\partial c_0| < \\varepsilon$。",
    "eq11/definition":
        "目录中的单元 \\texttt{gru} 就是式 (11)，逐式相同（候选状态的偏置原文写作 $b_c$，此处"
        "记为 $b_h$）。",
    "eq12/definition":
        "目录中的单元 \\texttt{mgu} 就是式 (12)，逐式相同（候选状态的偏置原文写作 $b_c$，此处"
        "记为 $b_h$）。",
    "gru-h-bounded/1d":
        "对 (11)、(12) 和 PyTorch 的 GRU：若 $|h_0| \\le 1$，则对每个 $t$、所有参数和输入序列都有 "
        "$|h_t| \\le 1$；对 (14)：若 $|c_0| \\le 1$，则对每个 $t$ 有 $|c_t| \\le 1$ 且 "
        "$|h_t| = |r_t c_t| \\le 1$。",
    "gru-h-bounded/nd":
        "$n \\ge 2$，$\\infty$-范数：$\\|h_0\\|_\\infty \\le 1$ 蕴含对每个 $t$ 有 "
        "$\\|h_t\\|_\\infty \\le 1$（GRU (11)、(12)、PyTorch 的 GRU；(14)：$c_t$ 与 $h_t$）。",
    "gru-h-bounded/nd-2norm":
        "$n \\ge 2$，2-范数：$\\|h_0\\|_2 \\le 1$ 蕴含对每个 $t$ 有 $\\|h_t\\|_2 \\le 1$（GRU (11)）。",
    "lstm-c-unbounded/growth":
        "对 (7)：对每个 $t \\ge 1$、所有参数和输入，$|c_t| < |c_0| + t$，且这个界是紧的：对每个 "
        "$t$，取 $W = U = 0$ 并令所有偏置 $\\beta\\to\\infty$，得到 $c_t \\to c_0 + t$；因此不存在"
        "与 $t$ 无关的界。",
    "lstm-c-unbounded/divergence":
        "权重固定的 LSTM 可以发散：$W_f = 1$、$b_c = \\ln 3$，其余权重和偏置为 0，$c_0 = 0$，"
        "输入 $x_t = \\ln(t(t+2))$，则 $c_t \\ge 4t/15 \\to \\infty$。",
    "lstm-c-unbounded/bounded-inputs":
        "权重固定、输入 $|x_t| \\le X$ 且 $|h_0| \\le 1$（此后每个 $h_t = o_t \\tanh c_t$ 都满足 "
        "$|h_t| < 1$）时 $c_t$ 有界："
        "$f_t \\le F := \\sigma(|W_f|X + |U_f| + "
        "|b_f|) < 1$，且 $|c_t| \\le F^t|c_0| + (1 - F^t)/(1 - F) \\le |c_0| + 1/(1 - F)$；发散"
        "需要无界的输入（或随 $t$ 增长的权重）。",
    "lstm-c-unbounded/nd":
        "$n \\ge 2$，$\\infty$-范数：对每个 $t$，$\\|c_t\\|_\\infty < \\|c_0\\|_\\infty + t$（紧），"
        "且 $c_t$ 可以逐坐标发散（一维例子的 $n$ 个副本）。",
    "eq13/1d":
        "GRU (11) 的 $\\dfrac{\\partial h_t}{\\partial h_{t-1}} = 1 - z_t - z_t(1-z_t)h_{t-1}U_z + "
        "z_t(1-z_t)\\hat h_t U_z + (1-\\hat h_t^2)\\,r_t\\bigl(1 + (1-r_t)h_{t-1}U_r\\bigr)z_t U_h$，"
        "与原文印出的相同。",
    "eq13/nd":
        "$n \\ge 2$：$\\dfrac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(1-z) - "
        "\\operatorname{diag}(z(1-z)h_{t-1})\\,U_z + \\operatorname{diag}(z(1-z)\\hat h)\\,U_z + "
        "\\operatorname{diag}(z(1-\\hat h^2))\\,U_h\\operatorname{diag}(r)\\bigl(I + "
        "\\operatorname{diag}((1-r)h_{t-1})\\,U_r\\bigr)$：$r$ 与 $(1 + (1-r)h_{t-1}U_r)$ 位于 "
        "$U_h$ 的右边。",
    "gru-less-stable/term-by-term":
        "在权重绝对值相同时，式 (13) 每个次要项的上确界都 $\\ge$ LSTM 对应项的上确界："
        "$|U_z|/4$（$z(1-z)h_{t-1}U_z$，在 $|h_{t-1}| = 1$ 时取得）$\\ge (g^*/4)|U_f|$；"
        "$|U_z|/4$（$z(1-z)\\hat h_t U_z$）$= |U_i|/4$；$\\psi(|U_r|)\\,|U_h| \\ge |U_c|$，其中 "
        "$\\psi(k) = 1$（$k \\le 1$），$(1+k)^2/(4k)$（$k > 1$）。",
    "gru-less-stable/strictly-larger":
        "在权重绝对值相同时，式 (13) 每个次要项的上确界都严格大于 LSTM 对应项的上确界。",
    "gru-less-stable/reset-amplifies":
        "式 (13) 最后一项中的因子 $r_t(1 + (1 - r_t)h_{t-1}U_r)$ 在 $r_t \\in (0,1)$、"
        "$|h_{t-1}| \\le 1$ 上的上确界为 $\\psi(|U_r|)$，且 $k > 1$ 时 $\\psi(k) > 1$：当 "
        "$|U_r| > 1$ 时，重置这一步放大了该项。",
    "gru-less-stable/nd":
        "$n \\ge 2$，在权重矩阵相同时逐项比较："
        "$\\sup\\|\\text{GRU 的次要项}\\|_2 \\ge \\sup\\|\\text{LSTM 的对应项}\\|_2$。",
    "eq14/definition": "目录中的单元 \\texttt{variant} 就是式 (14)，逐式相同。",
    "pascanu-norm-bound/spectral":
        "$n \\ge 1$：对 $h_t = \\varphi(W x_t + U h_{t-1} + b)$，"
        "$\\|\\partial h_t/\\partial h_{t-1}\\|_2 = \\|\\operatorname{diag}(\\varphi'(a_t))\\,U\\|_2 \\le "
        "\\gamma\\|U\\|_2$，其中 $\\gamma = \\sup|\\varphi'| = 1$（$\\tanh$）或 $1/4$（$\\sigma$）；"
        "这个界是紧的。",
    "pascanu-vanishing-sufficient/spectral":
        "$n \\ge 1$：若 $\\|U\\|_2 < 1/\\gamma$，则对每个输入序列和轨迹，"
        "$\\|\\partial h_T/\\partial h_0\\|_2 = \\|J_T\\cdots J_1\\|_2 \\le (\\gamma\\|U\\|_2)^T \\to 0$，"
        "按几何级数消失。",
    "pascanu-eigenvalue-version/spectral-radius":
        "$n \\ge 2$：若最大特征值的绝对值 $\\rho(U) < 1/\\gamma$，则 "
        "$\\|\\partial h_T/\\partial h_0\\|_2 \\to 0$。",
}
