"""The report's fixed prose in each language: headings, labels, captions, sentences.

Every string the report prints that is not a verified object (a statement, a formula, a
number, the article's words) is here, keyed by name, in English and in Chinese. The
Chinese uses the article's own terms: 梯度消失 (vanishing gradient), 梯度爆炸 (exploding
gradient), 遗忘门 (forget gate), 门 (gate), 主项/次要项 (main/secondary term), 连乘
(product), 裁剪 (clipping), 初始化 (initialisation), 有界/无界 (bounded/unbounded).

Strings are LaTeX text mode with ``$…$`` math (they are :class:`~._model.TeX`), with
``{name}`` fields filled by :func:`say`.

>>> say("en", "verdict.proved"), say("zh", "verdict.proved")
('proved', '已证明')
"""

from __future__ import annotations

from .._errors import InvalidArgumentError

__all__ = ["LANGS", "say", "check_lang", "WORDS"]

LANGS: tuple[str, ...] = ("en", "zh")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Gradient flow in recurrent networks, machine-checked",
        "subtitle": "A verification of Su Jianlin's “也来谈谈RNN的梯度消失/爆炸问题” "
                    "(On the vanishing/exploding gradients of RNNs, once more), "
                    "PaperWeekly, 2020-11-30",
        "meta.version": "symrnn {version}",
        "meta.date": "{date}",
        "meta.commit": "commit {commit}",
        "meta.reproducible": "reproducible printing: no date, commit, timings or measurements "
                             "(run \\texttt{{symrnn docs}} for a dated build)",
        "abstract": "Abstract",
        "abstract.body":
            "We check, by machine, every equation and claim of a short article on the vanishing "
            "and exploding gradients of recurrent networks (RNN, LSTM, GRU). Each of its "
            "{claims} claims is made precise in one or more readings: the one-dimensional "
            "statement the article makes, its $n$-dimensional counterpart, and the literal and "
            "uniform forms of its informal sentences, {readings} readings in all. A reading is "
            "proved only by an exact argument (an identity whose difference reduces to 0 in a "
            "normal form) or a rigorous one (Arb ball arithmetic over the whole stated domain, "
            "with analytic tail lemmas for unbounded domains), refuted only by an exact witness "
            "whose rigorous evaluation excludes it, and otherwise left unknown. Of the "
            "{readings} readings, {proved} are proved, {refuted} refuted and {unknown} "
            "unknown{coq}. Every printed equation of the article holds, in one dimension and "
            "in matrix form. What is new beyond the article: {new}",
        "abstract.coq": "; {checked} of them are also checked in the Coq proof assistant",
        "abstract.coq_exported": "; Coq theorems are generated for {exported} of them",
        "abstract.new_refuted": "{count} informal claims also have readings that are false "
                                "(their literal, worst-case or $n$-dimensional forms), each "
                                "with an explicit counterexample ({examples})",
        "abstract.new_tail": "; and the suprema the article estimates are computed exactly "
                             "(e.g. $\\sup_c |(1-\\tanh^2 c)\\,c| = g^* \\approx {gstar}$, "
                             "not $0.45$).",
        "abstract.flow": " The measured gradient flow of {cells} cells illustrates the "
                         "verdicts that are about typical training.",
        "toc": "Contents",
        # introduction
        "intro": "Introduction",
        "intro.article":
            "The article \\cite{{su2020}} explains, in one dimension, why gradients of "
            "recurrent networks vanish or explode, why the simple RNN uses $\\tanh$ rather "
            "than relu, why the LSTM mitigates both problems and why the GRU may be less "
            "stable. Its analysis is informal in places (“the main term”, “squeezed by four "
            "gates”), and it says that the one-dimensional result “still has reference value "
            "for the high-dimensional case”. This report states each claim precisely, in as "
            "many readings as the words admit, and settles every reading by machine.",
        "intro.verdicts": "Three verdicts.",
        "intro.verdicts.body":
            "A reading is \\emph{{proved}}, \\emph{{refuted}} or \\emph{{unknown}}. Nothing is "
            "decided from floating-point sampling. Proved means an exact argument or a rigorous "
            "one over the whole stated domain; refuted means a concrete witness at which a "
            "rigorous evaluation excludes the reading; unknown means neither, and is the "
            "verdict of the statements about typical training, which are measured, not proved.",
        "intro.exact": "Exact normal forms.",
        "intro.exact.body":
            "An identity is proved when the difference of its two sides reduces to exactly "
            "$0$ as a rational function of the symbols and of the exponential atoms "
            "($\\tanh$ and $\\sigma$ rewritten through $\\exp$); derivatives are taken by "
            "SymPy from the cell's definition, written in gate notation. An identity that "
            "fails is refuted with exact rational values at which a ball evaluation of the "
            "difference excludes $0$.",
        "intro.arb": "Ball arithmetic.",
        "intro.arb.body":
            "Bounds over a domain are proved with Arb ball arithmetic (python-flint): a "
            "branch-and-bound cover of a bounded part of the domain by boxes, each with a "
            "certified upper bound, and an analytic tail lemma for the rest; suprema are "
            "enclosed by interval Newton at the unique critical point. Each proof leaves a "
            "certificate that an independent checker re-reads.",
        "intro.coq": "An independent formal check.",
        "intro.coq.body":
            "The proofs that are mathematics are exported as Coq theorems, generated from the "
            "same registry, and checked by \\texttt{{coqc}} with the Interval and Coquelicot "
            "libraries (Section~\\ref{{sec:coq}}).",
        "intro.readings": "Readings and the recorded verdicts.",
        "intro.readings.body":
            "Each claim has one \\emph{{principal}} reading, the one closest to the article's "
            "intent, and may have others (the literal wording, the uniform version, the "
            "$n$-dimensional case). Every reading carries the verdict it is recorded to reach; "
            "the column “as recorded” of Table~\\ref{{tab:verdicts}} says whether this run "
            "reached it, so a change in any checker shows up as a “no”.",
        "intro.derivatives": "Two derivatives.",
        "intro.derivatives.body":
            "For cells with two states the article differentiates along a path: for the LSTM "
            "it substitutes $h_{{t-1}} = o_{{t-1}}\\tanh c_{{t-1}}$ and writes the result as "
            "$\\partial c_t/\\partial c_{{t-1}}$ (its (8)). We call this the \\emph{{path "
            "derivative}} and write it as the article does; the \\emph{{block partial}} holds "
            "the other state fixed and is written "
            "$\\bigl.\\partial c_t/\\partial c_{{t-1}}\\bigr|_{{h_{{t-1}}}}$. Every derivative "
            "below is labelled as one or the other.",
        "intro.outline":
            "Section~\\ref{{sec:summary}} lists every verdict; Sections~\\ref{{sec:claims}} "
            "and after follow the article, claim by claim; then come the errata, the formal "
            "check, the measurements and a conclusion. The appendices give the evidence in "
            "brief (all of it is in \\texttt{{{json}}}, shipped beside this document), the "
            "Jacobians of every cell, the term bounds and a reproducibility note.",
        # verdict table
        "summary": "Summary of verdicts",
        "summary.body":
            "Table~\\ref{{tab:verdicts}} lists every reading, principal readings first within "
            "each claim (marked $\\ast$). Methods: {methods}.",
        "summary.caption": "Every reading, its verdict, the method, and its Coq status.",
        "col.claim": "claim", "col.reading": "reading", "col.verdict": "verdict",
        "col.method": "method", "col.coq": "Coq", "col.recorded": "as recorded",
        "col.cell": "cell", "col.term": "term", "col.weight": "weight",
        "col.sup": "supremum factor", "col.enclosure": "enclosure", "col.attained": "attained",
        "col.where": "where", "col.kind": "kind", "col.text": "erratum",
        "col.changes": "changes the mathematics", "col.theorems": "Coq theorems",
        "col.status": "status", "col.evidence": "key numbers", "col.item": "item",
        "col.value": "value", "col.assumptions": "assumptions",
        "yes": "yes", "no": "no", "none": "–",
        "verdict.proved": "proved", "verdict.refuted": "refuted", "verdict.unknown": "unknown",
        "coq.checked": "checked", "coq.exported": "exported", "coq.failed": "FAILED",
        "coq.not exported": "–",
        # claims
        "claims": "The claims, in the article's order",
        "claims.intro":
            "Each claim begins with the article's words (the original Chinese and an English "
            "rendering), the printed and derived forms where it is an equation, and then each "
            "reading as a theorem (proved), a claim marked refuted, or a question left open, "
            "with a sketch of the argument.",
        "quote.original": "The article",
        "quote.translation": "In English",
        "quote.beyond": "Beyond the article",
        "form.printed": "As printed in the article",
        "form.derived": "Derived by symrnn (chain rule, gate notation)",
        "form.definitions": "The cell as defined",
        "form.catalog": "The catalog cell {cell}, compared equation by equation",
        "form.printed_defs": "The article's equations (transcribed)",
        "form.lhs_sympy": "Left side as symrnn writes it (derivatives by SymPy)",
        "form.substitution": "The article's substitution on the path",
        "form.terms": "The terms, in the article's order (1-D, and matrix form)",
        "form.path": "path derivative",
        "form.block": "block partial",
        "form.main": "main term",
        "form.secondary": "secondary term",
        "thm.theorem": "Theorem",
        "thm.refuted": "Claim",
        "thm.open": "Question",
        "thm.measured": "Question",
        "proof.sketch": "Proof sketch",
        "proof.counterexample": "Counterexample",
        "proof.measured": "Measured",
        "proof.open": "Status",
        "reading.principal": "principal reading",
        "not_recorded": "NOT as recorded: the reading is recorded as {expected}.",
        "counterexample.values": "Witness (exact values)",
        # errata
        "errata": "Errata",
        "errata.body":
            "Slips in the article found while checking it. None changes the mathematics.",
        "errata.body_changes": "Slips in the article found while checking it; {count} of "
                               "them change the mathematics.",
        "errata.caption": "Errata of the article.",
        # coq
        "coq": "The independent formal check",
        "coq.body":
            "The Coq export (\\texttt{{symrnn export coq DIR --check}}) writes one theory "
            "file per group of claims, generated from the registry, the derivations and the "
            "bound results; $\\sigma$ and $\\tanh$ are defined from $\\exp$, and every proof "
            "ends in \\texttt{{Qed}}. {status}",
        "coq.ran": "In this build \\texttt{{coqc}} checked the export in {seconds}~s: "
                   "{checked} readings checked, {failed} failed.",
        "coq.not_run": "This printing did not run \\texttt{{coqc}}; the status below is "
                       "“exported” (a theorem is generated) and the check is run by "
                       "\\texttt{{symrnn docs}} when Coq is installed.",
        "coq.unavailable": "\\texttt{{coqc}} is not installed on the machine that built this "
                           "document, so the theorems below are exported but not checked here.",
        "coq.caption": "Readings with a Coq theorem: the theorem names and the check's status.",
        "coq.assumptions": "Assumptions.",
        "coq.assumptions.body":
            "Coq reports the axioms a theorem depends on with \\texttt{{Print Assumptions}}. "
            "{assumptions}",
        "coq.assumptions.none_yet":
            "This version of the export does not yet record that report per theorem.",
        "coq.assumptions.listed": "The assumptions reported are given with each reading in "
                                  "Table~\\ref{{tab:coq}} by number: {legend}. All but the "
                                  "primitive float and 63-bit integer axioms come with Coq's "
                                  "standard real numbers and Coquelicot; those come with "
                                  "Interval's \\texttt{{interval}} tactic.",
        "coq.primitive": "{n} primitive float and 63-bit integer axioms of Interval",
        "coq.not_exported": "Readings without a Coq theorem, and why:",
        "coq.not_exported.readme": " (the reasons are in the export's README).",
        # measurement
        "flow": "Measurements",
        "flow.body":
            "Measurements illustrate the verdicts; they prove nothing. Every run below starts "
            "from $h_0 = 0$ (and $c_0 = 0$), draws inputs $x_t \\sim N(0, I)$ and weights from "
            "the named initialisation, multiplies every recurrent matrix by a scale, and "
            "measures the normalised Frobenius norm $\\|\\partial h_T/\\partial h_{{T-d}}\\|_F"
            "/\\sqrt{{n}}$ at every distance $d$, and the top Lyapunov exponent, the per-step "
            "rate $\\lambda$ (the norm behaves like $e^{{\\lambda d}}$). Settings: {settings}.",
        "flow.none": "This printing has no measurements (run \\texttt{{symrnn docs}} without "
                     "\\texttt{{--no-figures}}).",
        "fig.gradient_norms":
            "Measured gradient norm against distance, median over seeds with the 10--90\\,\\% "
            "band, every cell at recurrent scale {scale}. A straight line is a constant "
            "per-step rate.",
        "fig.rates_vs_scale":
            "Measured per-step rate (top Lyapunov exponent) against the recurrent weight "
            "scale; below $0$ the gradient vanishes, above $0$ it explodes.",
        "fig.terms":
            "Measured sizes of the main term and of each secondary term along trajectories: "
            "the LSTM's (8) and the GRU's (13) at two initialisations.",
        "fig.xsech2":
            "The function $(1-\\tanh^2 c)\\,c$, its certified maximum $g^*$ at $\\pm c^*$, "
            "and the article's bound $0.45$.",
        "flow.discuss.norms":
            "Figure~\\ref{{fig:gradient_norms}}: at scale {scale} every cell's gradient norm "
            "decays geometrically with the distance. The median rates per step are {rates}. "
            "{lstm_vs_rnn}",
        "flow.discuss.lstm_close":
            "The LSTM's rate ({lstm}) is close to the simple RNN's ({rnn}) at this "
            "initialisation: the forget gate near $\\sigma(0) = 1/2$ is the main term, as the "
            "article says, and at $f_t \\approx 1/2$ it vanishes as fast; a forget bias "
            "moves it towards 1 (Claim~\\ref{{reading-lstm-long-sequences-inevitable}}).",
        "flow.discuss.lstm_slower":
            "The LSTM decays more slowly ({lstm} per step) than the simple RNN ({rnn}).",
        "flow.discuss.rates":
            "Figure~\\ref{{fig:rates_vs_scale}}: the rates grow with the scale. At scale "
            "{top} the median rates are {top_rates}; {exploding} of {cells} cells explode "
            "there (rate above $0$). {gru_note}",
        "flow.discuss.gru_above":
            "The GRU's rate is above the LSTM's at {above} of {scales} scales, the measured "
            "side of the article's remark that the GRU is less stable (whose precise readings "
            "are settled in Section~\\ref{{claim-gru-less-stable}}).",
        "flow.discuss.terms":
            "Figure~\\ref{{fig:terms}}: along trajectories at these initialisations the main "
            "term dominates: median sizes {sizes}.",
        "flow.discuss.xsech2":
            "Figure~\\ref{{fig:xsech2}} shows the bound of Section~\\ref{{claim-xsech2-bound}}: "
            "the maximum $g^* \\in {gstar}$ is attained at $c^* \\in {cstar}$, below the "
            "article's $0.45$.",
        "flow.claims": "Measured evidence of the claims about typical training.",
        "flow.claims.body": "{summaries}",
        "flow.measured.vanish-meaning":
            "Vanishing does not make the gradient zero "
            "(Question~\\ref{{reading-vanish-meaning-measured}}): for the simple RNN "
            "(⟨settings.scheme|text⟩, $n = ⟨settings.n|int⟩$, $T = ⟨settings.T|int⟩$, "
            "⟨settings.seeds|int⟩ seeds) the total parameter gradient has norm "
            "⟨measured.total_gradient_norm.0|num⟩ in the first run, while the steps more than "
            "5 back contribute a share ⟨measured.share_from_steps_farther_than_d.5|num⟩ of it, "
            "more than 10 back ⟨measured.share_from_steps_farther_than_d.10|num⟩, more than 20 "
            "back ⟨measured.share_from_steps_farther_than_d.20|num⟩ (the largest over the "
            "seeds; full against truncated backpropagation).",
        "flow.measured.lstm-long-sequences":
            "The LSTM over $T = ⟨settings.T|int⟩$ steps "
            "(Question~\\ref{{reading-lstm-long-sequences-measured}}): at the orthogonal "
            "initialisation the median $\\log_{{10}}$ of the $c$-path gradient norm is "
            "⟨measured.by_scheme.0.log10_norm_c_median.1000|num⟩ at distance 1000; with "
            "forget bias 1 it is ⟨measured.by_scheme.1.log10_norm_c_median.1000|num⟩ at 1000 "
            "and ⟨measured.by_scheme.1.log10_norm_c_median.2000|num⟩ at 2000 (half-life "
            "⟨measured.by_scheme.1.half_life_median|num⟩ steps). The gradient still vanishes "
            "over thousands of steps, as the article says, although a large enough forget "
            "bias prevents it (Claim~\\ref{{reading-lstm-long-sequences-inevitable}}).",
        # conclusion
        "conclusion": "Conclusion",
        "conclusion.body":
            "Every equation the article prints is correct ({equations} readings proved), in "
            "one dimension and, with the diagonal factors on the correct side, in $n$ "
            "dimensions. Of the principal readings of its {informal} informal claims, {principal} "
            "are proved, {measured} are measured and {refuted} refuted. The article's words "
            "also admit {failed_count} readings that are false, each with an explicit "
            "counterexample:",
        "conclusion.after":
            "{nd} of them are $n$-dimensional forms: in one dimension the gates squeeze each "
            "term, but a gate on one coordinate does not bound a matrix norm that couples "
            "coordinates. The two statements about typical training (that vanishing "
            "leaves the distant terms negligible, and that the LSTM still vanishes over "
            "thousands of steps) are measured, not proved; the measurements agree with the "
            "article, and the readings beside them say what mathematics can settle.",
        "appendix": "Appendices",
        "app.evidence": "The evidence in brief",
        "app.evidence.body":
            "The key numbers of each reading's evidence. The complete evidence (every box, "
            "certificate, witness and enclosure) is the file \\texttt{{{json}}} shipped beside "
            "this document, the output of \\texttt{{symrnn verify --json}}.",
        "app.evidence.caption": "Key numbers of the evidence, per reading.",
        "app.jacobians": "Jacobians of every cell",
        "app.jacobians.body":
            "For each cell of the catalog: its definition, the derivative the article analyses "
            "(the path derivative for cells with two states), its terms, and the one-step "
            "Jacobian block by block (block partials) in matrix form, $\\operatorname{{diag}}"
            "(\\cdot)$ elementwise.",
        "app.jacobians.article": "The derivative the article analyses (1-D)",
        "app.jacobians.blocks": "One-step Jacobian, block partials (matrix form)",
        "app.jacobians.matrix": "The analysed derivative in matrix form ($n$-D)",
        "app.bounds": "Term bounds",
        "app.bounds.body":
            "Each term's supremum over the gates' ranges (gates in $(0,1)$, $\\tanh$ outputs in "
            "$(-1,1)$, the states' proved ranges), as a factor times the magnitude of the weight "
            "it carries; factors are enclosed in Arb balls (\\texttt{{symrnn.term\\_suprema}}).",
        "app.bounds.caption": "Term-by-term suprema.",
        "app.bounds.reset": "The reset factors of the table ($k = |U_r|$)",
        "app.repro": "Reproducibility",
        "app.repro.body":
            "This document is generated by {command} from the objects "
            "\\texttt{{symrnn verify}} uses; nothing in it is typed twice. Versions: "
            "{versions}.",
        "app.repro.times": "Times: {times}.",
        "app.repro.commands":
            "To reproduce: \\texttt{{symrnn verify --json}} (every verdict and its evidence), "
            "\\texttt{{symrnn export coq DIR --check}} (the Coq theorems, checked by "
            "\\texttt{{coqc}}), \\texttt{{symrnn flow}} (the measurements, larger) and "
            "\\texttt{{symrnn docs --out DIR}} (this document; \\texttt{{--lang zh}} for "
            "the Chinese edition).",
        "ref.heading": "References",
        "bib.su2020": "Su Jianlin. 也来谈谈RNN的梯度消失/爆炸问题 (On the vanishing/exploding "
                      "gradients of RNNs, once more). PaperWeekly, 30 November 2020.",
        "lang.note": "",
    },
    "zh": {
        "title": "循环神经网络的梯度流：机器验证",
        "subtitle": "对苏剑林《也来谈谈RNN的梯度消失/爆炸问题》（PaperWeekly，2020-11-30）"
                    "的逐条验证",
        "meta.version": "symrnn {version}",
        "meta.date": "{date}",
        "meta.commit": "提交 {commit}",
        "meta.reproducible": "可复现版本：不含日期、提交号、计时与测量"
                             "（运行 \\texttt{{symrnn docs}} 得到带日期的版本）",
        "abstract": "摘要",
        "abstract.body":
            "我们用机器逐条检验一篇讨论循环神经网络（RNN、LSTM、GRU）梯度消失与梯度爆炸的短文中的"
            "每一个公式和论断。文中 {claims} 个论断各被表述为一种或多种精确的解读：文章所说的一维"
            "命题、它的 $n$ 维对应，以及非形式论断的逐点形式与一致形式，共 {readings} 个解读。"
            "一个解读只有在精确论证（两边之差在规范形式下化为 0）或严格论证（在整个定义域上用 "
            "Arb 球算术，无界部分用解析的尾部引理）下才算“已证明”，只有在给出精确反例、且严格"
            "计算排除了该解读时才算“已否定”，否则为“未定”。{readings} 个解读中，{proved} 个已"
            "证明，{refuted} 个已否定，{unknown} 个未定{coq}。文章印出的每个公式在一维和矩阵形式"
            "下都成立。超出原文的新结果：{new}",
        "abstract.coq": "；其中 {checked} 个还在 Coq 证明助手中通过了检验",
        "abstract.coq_exported": "；其中 {exported} 个生成了 Coq 定理",
        "abstract.new_refuted": "{count} 个非形式论断还有不成立的解读（字面形式、最坏情形或 "
                                "$n$ 维形式），每个都给出了明确的反例（{examples}）",
        "abstract.new_tail": "；文中估计的上确界被精确算出（例如 "
                             "$\\sup_c |(1-\\tanh^2 c)\\,c| = g^* \\approx {gstar}$，"
                             "而不是 $0.45$）。",
        "abstract.flow": "对 {cells} 种单元测量的梯度流说明了那些关于典型训练的结论。",
        "toc": "目录",
        "intro": "引言",
        "intro.article":
            "原文 \\cite{{su2020}} 在一维情形下解释了循环网络的梯度为何消失或爆炸、简单 RNN "
            "为何用 $\\tanh$ 而不用 relu、LSTM 为何能缓解这两个问题、以及 GRU 为何可能更不稳定。"
            "它的分析有些地方是非形式的（“主项”、“乘上 4 个门”），并说一维的结果“对高维情形仍有"
            "参考价值”。本报告把每个论断按其文字所能容许的各种解读精确地写出来，并逐一用机器判定。",
        "intro.verdicts": "三种结论。",
        "intro.verdicts.body":
            "每个解读的结论是\\emph{{已证明}}、\\emph{{已否定}}或\\emph{{未定}}，绝不依据浮点"
            "采样作出判断。已证明指在整个所述定义域上的精确或严格论证；已否定指给出具体反例，并在该"
            "点用严格计算排除了该解读；未定指两者皆非——关于典型训练的论断即属此类，它们是测量出来的，"
            "不是证明出来的。",
        "intro.exact": "精确规范形式。",
        "intro.exact.body":
            "一个恒等式被证明，当且仅当两边之差作为各符号和指数原子（$\\tanh$、$\\sigma$ 均化为 "
            "$\\exp$）的有理函数恰好化为 $0$；导数由 SymPy 从单元的定义中以门记号求出。不成立的恒等式"
            "则用精确的有理数取值给出反例，并在该点用球算术证明差不为 $0$。",
        "intro.arb": "球算术。",
        "intro.arb.body":
            "区域上的界用 Arb 球算术（python-flint）证明：定义域的有界部分用一组小盒分支定界地"
            "覆盖，每个小盒都有经过认证的上界，其余部分用解析的尾部引理；上确界在唯一的临界点处用"
            "区间牛顿法包住。每个证明都留下一份由独立检验程序复核的证书。",
        "intro.coq": "独立的形式化检验。",
        "intro.coq.body":
            "属于数学的证明会被导出为 Coq 定理（由同一个论断登记表生成），并由 \\texttt{{coqc}} "
            "借助 Interval 和 Coquelicot 库检验（第~\\ref{{sec:coq}}~节）。",
        "intro.readings": "解读与登记的结论。",
        "intro.readings.body":
            "每个论断有一个最接近原文本意的\\emph{{主解读}}，还可能有其他解读（字面形式、一致形式、"
            "$n$ 维情形）。每个解读都登记了它应得的结论；表~\\ref{{tab:verdicts}} 中“符合登记”"
            "一栏说明本次运行是否得到了该结论，因此任何检验程序的变化都会显示为“否”。",
        "intro.derivatives": "两种导数。",
        "intro.derivatives.body":
            "对有两个状态的单元，原文沿一条路径求导：对 LSTM，它代入 "
            "$h_{{t-1}} = o_{{t-1}}\\tanh c_{{t-1}}$，并把结果写成 "
            "$\\partial c_t/\\partial c_{{t-1}}$（原文式 (8)）。我们称之为\\emph{{路径导数}}，"
            "并照原文的写法书写；而\\emph{{分块偏导数}}固定另一个状态，记为 "
            "$\\bigl.\\partial c_t/\\partial c_{{t-1}}\\bigr|_{{h_{{t-1}}}}$。下文每个导数都标明"
            "属于哪一种。",
        "intro.outline":
            "第~\\ref{{sec:summary}}~节列出全部结论；第~\\ref{{sec:claims}}~节起按原文顺序逐条"
            "讨论各论断；随后是勘误、形式化检验、测量结果与结论。附录给出证据摘要（完整证据见随本"
            "文件附带的 \\texttt{{{json}}}）、每种单元的雅可比矩阵、各项的界以及可复现性说明。",
        "summary": "结论一览",
        "summary.body":
            "表~\\ref{{tab:verdicts}} 列出所有解读，每个论断的主解读在前（以 $\\ast$ 标记）。"
            "方法：{methods}。",
        "summary.caption": "全部解读、结论、方法及 Coq 状态。",
        "col.claim": "论断", "col.reading": "解读", "col.verdict": "结论",
        "col.method": "方法", "col.coq": "Coq", "col.recorded": "符合登记",
        "col.cell": "单元", "col.term": "项", "col.weight": "权重",
        "col.sup": "上确界系数", "col.enclosure": "包含区间", "col.attained": "可达",
        "col.where": "位置", "col.kind": "类型", "col.text": "勘误",
        "col.changes": "是否改变数学", "col.theorems": "Coq 定理",
        "col.status": "状态", "col.evidence": "关键数值", "col.item": "项目",
        "col.value": "值", "col.assumptions": "公理",
        "yes": "是", "no": "否", "none": "–",
        "verdict.proved": "已证明", "verdict.refuted": "已否定", "verdict.unknown": "未定",
        "coq.checked": "已检验", "coq.exported": "已导出", "coq.failed": "失败",
        "coq.not exported": "–",
        "claims": "按原文顺序逐条检验",
        "claims.intro":
            "每个论断先给出原文（中文原文和英文译文），若是公式则给出原文印出的形式与推导出的形式，"
            "然后把每个解读写成定理（已证明）、被否定的断言或未定的问题，并附论证概要。",
        "quote.original": "原文",
        "quote.translation": "英译",
        "quote.beyond": "原文之外",
        "form.printed": "原文印出的形式",
        "form.derived": "symrnn 推导的形式（链式法则，门记号）",
        "form.definitions": "单元的定义",
        "form.catalog": "目录中的单元 {cell}，逐式比较",
        "form.printed_defs": "原文的公式（转录）",
        "form.lhs_sympy": "symrnn 写出的左边（导数由 SymPy 求得）",
        "form.substitution": "原文在路径上的代换",
        "form.terms": "各项，按原文顺序（一维与矩阵形式）",
        "form.path": "路径导数",
        "form.block": "分块偏导数",
        "form.main": "主项",
        "form.secondary": "次要项",
        "thm.theorem": "定理",
        "thm.refuted": "断言",
        "thm.open": "问题",
        "thm.measured": "问题",
        "proof.sketch": "证明概要",
        "proof.counterexample": "反例",
        "proof.measured": "测量结果",
        "proof.open": "状态",
        "reading.principal": "主解读",
        "not_recorded": "与登记不符：该解读登记的结论是{expected}。",
        "counterexample.values": "反例（精确取值）",
        "errata": "勘误",
        "errata.body": "检验过程中发现的原文笔误。它们都不改变数学内容。",
        "errata.body_changes": "检验过程中发现的原文笔误；其中 {count} 处改变了数学内容。",
        "errata.caption": "原文勘误。",
        "coq": "独立的形式化检验",
        "coq.body":
            "Coq 导出（\\texttt{{symrnn export coq DIR --check}}）为每组论断写一个理论文件，由"
            "论断登记表、推导和界的结果生成；$\\sigma$ 与 $\\tanh$ 由 $\\exp$ 定义，每个证明都以 "
            "\\texttt{{Qed}} 结束。{status}",
        "coq.ran": "本次构建中 \\texttt{{coqc}} 用 {seconds}~秒检验了导出：{checked} 个解读通过，"
                   "{failed} 个失败。",
        "coq.not_run": "本版本没有运行 \\texttt{{coqc}}；下表中的状态为“已导出”（已生成定理），"
                       "安装 Coq 后 \\texttt{{symrnn docs}} 会运行检验。",
        "coq.unavailable": "生成本文件的机器上没有安装 \\texttt{{coqc}}，因此下列定理已导出但未在此"
                           "检验。",
        "coq.caption": "有 Coq 定理的解读：定理名与检验状态。",
        "coq.assumptions": "公理。",
        "coq.assumptions.body":
            "Coq 用 \\texttt{{Print Assumptions}} 报告一个定理所依赖的公理。{assumptions}",
        "coq.assumptions.none_yet": "当前版本的导出尚未逐条记录这一报告。",
        "coq.assumptions.listed": "报告的公理以编号随各解读列于表~\\ref{{tab:coq}}：{legend}。"
                                  "除原始浮点数与 63 位整数的公理来自 Interval 的 "
                                  "\\texttt{{interval}} 策略外，其余都来自 Coq 标准库的实数与 "
                                  "Coquelicot。",
        "coq.primitive": "Interval 的 {n} 条原始浮点数与 63 位整数公理",
        "coq.not_exported": "没有 Coq 定理的解读：",
        "coq.not_exported.readme": "（原因见导出目录中的 README）。",
        "flow": "测量结果",
        "flow.body":
            "测量只用来说明结论，并不证明任何东西。下面每次运行都从 $h_0 = 0$（以及 $c_0 = 0$）"
            "开始，输入 $x_t \\sim N(0, I)$，权重按所列的初始化方式抽取，每个循环权重矩阵乘以一个"
            "尺度因子，并测量每个距离 $d$ 上的归一化 Frobenius 范数 "
            "$\\|\\partial h_T/\\partial h_{{T-d}}\\|_F/\\sqrt{{n}}$ 以及最大 Lyapunov 指数，即每步"
            "速率 $\\lambda$（范数约为 $e^{{\\lambda d}}$）。设置：{settings}。",
        "flow.none": "本版本不含测量（运行 \\texttt{{symrnn docs}} 且不加 "
                     "\\texttt{{--no-figures}}）。",
        "fig.gradient_norms":
            "测得的梯度范数随距离的变化：各随机种子的中位数及 10--90\\,\\% 区间，所有单元的循环权重"
            "尺度为 {scale}。直线表示每步速率恒定。",
        "fig.rates_vs_scale":
            "测得的每步速率（最大 Lyapunov 指数）随循环权重尺度的变化；小于 $0$ 为梯度消失，"
            "大于 $0$ 为梯度爆炸。",
        "fig.terms":
            "沿轨迹测得的主项与各次要项的大小：LSTM 的式 (8) 与 GRU 的式 (13)，两种初始化。",
        "fig.xsech2":
            "函数 $(1-\\tanh^2 c)\\,c$、它在 $\\pm c^*$ 处经认证的最大值 $g^*$，以及原文的界 "
            "$0.45$。",
        "flow.discuss.norms":
            "图~\\ref{{fig:gradient_norms}}：尺度为 {scale} 时，每种单元的梯度范数都随距离"
            "按几何级数衰减，每步速率的中位数为 {rates}。{lstm_vs_rnn}",
        "flow.discuss.lstm_close":
            "在这种初始化下 LSTM 的速率（{lstm}）与简单 RNN 的（{rnn}）接近：遗忘门在 "
            "$\\sigma(0) = 1/2$ 附近，正如原文所说它是主项，而 $f_t \\approx 1/2$ 时梯度同样快速"
            "消失；使它接近 1 的是遗忘门偏置（断言~\\ref{{reading-lstm-long-sequences-inevitable}}）。",
        "flow.discuss.lstm_slower":
            "LSTM 的衰减（每步 {lstm}）比简单 RNN（{rnn}）慢。",
        "flow.discuss.rates":
            "图~\\ref{{fig:rates_vs_scale}}：速率随尺度增大。尺度为 {top} 时各单元速率的中位数为 "
            "{top_rates}；其中 {cells} 种单元中有 {exploding} 种出现梯度爆炸（速率大于 $0$）。"
            "{gru_note}",
        "flow.discuss.gru_above":
            "在 {scales} 个尺度中有 {above} 个，GRU 的速率高于 LSTM，这是原文“GRU 更不稳定”"
            "一说在测量上的体现（其精确解读见第~\\ref{{claim-gru-less-stable}}~节）。",
        "flow.discuss.terms":
            "图~\\ref{{fig:terms}}：在这些初始化下沿轨迹主项占优，各项大小的中位数为 {sizes}。",
        "flow.discuss.xsech2":
            "图~\\ref{{fig:xsech2}} 展示第~\\ref{{claim-xsech2-bound}}~节的界：最大值 "
            "$g^* \\in {gstar}$ 在 $c^* \\in {cstar}$ 处取得，小于原文的 $0.45$。",
        "flow.claims": "关于典型训练的论断的测量证据。",
        "flow.claims.body": "{summaries}",
        "flow.measured.vanish-meaning":
            "梯度消失并不使梯度为零（问题~\\ref{{reading-vanish-meaning-measured}}）：对简单 RNN"
            "（⟨settings.scheme|text⟩，$n = ⟨settings.n|int⟩$，$T = ⟨settings.T|int⟩$，"
            "⟨settings.seeds|int⟩ 个随机种子），第一次运行中参数总梯度的范数为 "
            "⟨measured.total_gradient_norm.0|num⟩，而 5 步以前的各步只贡献其中的 "
            "⟨measured.share_from_steps_farther_than_d.5|num⟩，10 步以前 "
            "⟨measured.share_from_steps_farther_than_d.10|num⟩，20 步以前 "
            "⟨measured.share_from_steps_farther_than_d.20|num⟩（各种子中的最大值；完整与截断的"
            "反向传播之比）。",
        "flow.measured.lstm-long-sequences":
            "LSTM 在 $T = ⟨settings.T|int⟩$ 步上（问题~"
            "\\ref{{reading-lstm-long-sequences-measured}}）：正交初始化时，$c$ 路径梯度范数的 "
            "$\\log_{{10}}$ 中位数在距离 1000 处为 "
            "⟨measured.by_scheme.0.log10_norm_c_median.1000|num⟩；遗忘门偏置为 1 时，在 1000 处为 "
            "⟨measured.by_scheme.1.log10_norm_c_median.1000|num⟩，在 2000 处为 "
            "⟨measured.by_scheme.1.log10_norm_c_median.2000|num⟩（半衰期 "
            "⟨measured.by_scheme.1.half_life_median|num⟩ 步）。正如原文所说，梯度在几千步上仍会"
            "消失，尽管足够大的遗忘门偏置可以防止它（断言~"
            "\\ref{{reading-lstm-long-sequences-inevitable}}）。",
        "conclusion": "结论",
        "conclusion.body":
            "原文印出的每个公式都是正确的（{equations} 个解读已证明）：在一维情形下成立，把对角因子"
            "放在正确的一侧后在 $n$ 维情形下也成立。原文 {informal} 个非形式论断的主解读中，{principal} "
            "个已证明，{measured} 个为测量，{refuted} 个已否定。原文的文字还容许 {failed_count} "
            "个不成立的解读，每个都有明确的反例：",
        "conclusion.after":
            "其中 {nd} 个是 $n$ 维形式：一维时门会压缩每一项，但作用在一个坐标上的门并不能界住耦合各"
            "坐标的矩阵范数。关于典型训练的两个论断（梯度消失使远处的项可以忽略；LSTM 在几千步上仍会梯度"
            "消失）是测量出来的而非证明出来的；测量结果与原文一致，而它们旁边的解读说明了数学能判定的"
            "部分。",
        "appendix": "附录",
        "app.evidence": "证据摘要",
        "app.evidence.body":
            "每个解读的证据中的关键数值。完整的证据（每个小盒、证书、反例与包含区间）见随本文件附带的 "
            "\\texttt{{{json}}}，即 \\texttt{{symrnn verify --json}} 的输出。",
        "app.evidence.caption": "证据中的关键数值（按解读）。",
        "app.jacobians": "各单元的雅可比矩阵",
        "app.jacobians.body":
            "目录中的每种单元：它的定义、原文分析的导数（有两个状态的单元为路径导数）、各项，"
            "以及逐块的一步雅可比矩阵（分块偏导数）的矩阵形式，其中 $\\operatorname{{diag}}(\\cdot)$ "
            "按元素作用。",
        "app.jacobians.article": "原文分析的导数（一维）",
        "app.jacobians.blocks": "一步雅可比矩阵，分块偏导数（矩阵形式）",
        "app.jacobians.matrix": "所分析导数的矩阵形式（$n$ 维）",
        "app.bounds": "各项的界",
        "app.bounds.body":
            "每一项在门的取值范围上（门在 $(0,1)$ 内，$\\tanh$ 的输出在 $(-1,1)$ 内，状态在已证明"
            "的范围内）的上确界，写成一个系数乘以该项所带权重的绝对值；系数用 Arb 球包住"
            "（\\texttt{{symrnn.term\\_suprema}}）。",
        "app.bounds.caption": "逐项的上确界。",
        "app.bounds.reset": "表中的重置因子（$k = |U_r|$）",
        "app.repro": "可复现性",
        "app.repro.body":
            "本文件由 {command} 从 \\texttt{{symrnn verify}} 使用的对象生成，没有任何"
            "内容被重复录入。版本：{versions}。",
        "app.repro.times": "用时：{times}。",
        "app.repro.commands":
            "复现命令：\\texttt{{symrnn verify --json}}（全部结论及其证据）、"
            "\\texttt{{symrnn export coq DIR --check}}（Coq 定理，由 \\texttt{{coqc}} 检验）、"
            "\\texttt{{symrnn flow}}（规模更大的测量）以及 \\texttt{{symrnn docs --out DIR}}"
            "（本文件；\\texttt{{--lang zh}} 生成中文版）。",
        "ref.heading": "参考文献",
        "bib.su2020": "苏剑林．也来谈谈RNN的梯度消失/爆炸问题．PaperWeekly，2020-11-30．",
        "lang.note": "",
    },
}


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGS`; :class:`InvalidArgumentError` otherwise."""
    if lang not in LANGS:
        raise InvalidArgumentError(f"lang={lang!r} is not a report language; use one of "
                                   f"{', '.join(LANGS)} (e.g. --lang zh)")
    return lang


def say(lang: str, key: str, **fields: object) -> str:
    """The string ``key`` in ``lang`` with its ``{fields}`` filled."""
    text = WORDS[check_lang(lang)][key]
    return text.format(**fields)
