"""The Chinese edition's own text: statements of the readings, the article's section names,
the errata, and the statements of the claims beyond the article.

Statements are LaTeX text mode with ``$…$`` math (the mathematics is the English
``statement_latex``'s), in the article's terms: 梯度消失, 梯度爆炸, 遗忘门, 主项, 次要项, 连乘,
裁剪, 有界/无界. A test checks that :data:`ZH_STATEMENTS` covers every reading id of the
registry.
"""

from __future__ import annotations

__all__ = ["ZH_STATEMENTS", "ZH_SECTIONS", "ZH_ERRATA", "ZH_ERRATA_KINDS", "ZH_CLAIMS"]

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
ZH_STATEMENTS: dict[str, str] = {}
