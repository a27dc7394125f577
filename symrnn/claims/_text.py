"""The article's words for each claim: the original Chinese and an English rendering.

Typed once, here; the registry, the reports and the generated documents read them from
this table. English follows ``shared/spec/seed-claims.md``.
"""

from __future__ import annotations

#: claim id → (section, original Chinese, English rendering)
TEXT: dict[str, tuple[str, str, str]] = {
    "eq1": ("RNNs and their gradient", "RNN 的统一定义为: h_t = f(x_t, h_{t-1}; θ)",
            "An RNN is h_t = f(x_t, h_{t-1}; θ)."),
    "eq2": ("RNNs and their gradient",
            "dh_t/dθ = ∂h_t/∂h_{t-1} · dh_{t-1}/dθ + ∂h_t/∂θ。可以看到,其实 RNN 的梯度也是一个 RNN",
            "dh_t/dθ = (∂h_t/∂h_{t-1})(dh_{t-1}/dθ) + ∂h_t/∂θ: the gradient of an RNN is itself an RNN."),
    "vanish-explode": ("RNNs and their gradient",
                       "当 |∂h_t/∂h_{t-1}| < 1 时,意味着历史的梯度信息是衰减的,因此步数多了梯度必然消失"
                       "(好比 0.9^n → 0);当 |∂h_t/∂h_{t-1}| > 1 …… 步数多了梯度必然爆炸(好比 1.1^n → ∞)",
                       "If |∂h_t/∂h_{t-1}| < 1 at every step, history's gradient decays (vanishes) like "
                       "0.9^n; if > 1, it explodes like 1.1^n. Staying at exactly 1 needs very careful design."),
    "eq3": ("Vanishing or exploding?",
            "dh_t/dθ = ∂h_t/∂θ + ∂h_t/∂h_{t-1} ∂h_{t-1}/∂θ + ∂h_t/∂h_{t-1} ∂h_{t-1}/∂h_{t-2} "
            "∂h_{t-2}/∂h_{t-2} ∂h_{t-2}/∂θ + …;∂h_1/∂θ 这一项前面的稀疏就是 t-1 项的连乘",
            "The unrolled gradient; the coefficient of ∂h_1/∂θ is the product of t-1 factors "
            "(the text writes 稀疏 'sparse' for 系数 'coefficient'; the third term carries a "
            "redundant factor ∂h_{t-2}/∂h_{t-2})."),
    "vanish-meaning": ("Vanishing or exploding?",
                       "距离当前时间步越长,那么其反馈的梯度信号越不显著,最后可能完全没有起作用",
                       "Vanishing does not mean the total gradient is 0: terms from distant steps "
                       "contribute almost nothing, so long-range dependencies are not learned."),
    "eq4a": ("Formulas (4)", "tanh x = 2σ(2x) − 1", "tanh x = 2σ(2x) − 1"),
    "eq4b": ("Formulas (4)", "σ(x) = (tanh(x/2) + 1)/2", "σ(x) = (tanh(x/2) + 1)/2"),
    "eq4c": ("Formulas (4)", "(tanh x)' = 1 − tanh² x", "(tanh x)' = 1 − tanh² x"),
    "eq4d": ("Formulas (4)", "σ'(x) = σ(x)(1 − σ(x))", "σ'(x) = σ(x)(1 − σ(x))"),
    "eq5": ("The simple RNN", "h_t = tanh(W x_t + U h_{t-1} + b),其中 W,U,b 是待优化参数",
            "h_t = tanh(W x_t + U h_{t-1} + b), with W, U, b trained."),
    "eq6": ("The simple RNN", "∂h_t/∂h_{t-1} = (1 − h_t²) U", "∂h_t/∂h_{t-1} = (1 − h_t²) U."),
    "tanh-bounded-in-U": ("The simple RNN",
                          "如果固定 h_{t-1} ≠ 0,那么 (1 − h_t²)U 作为 U 的函数是有界的,也就是说不管 U "
                          "等于什么,它都不超过一个固定的常数",
                          "For fixed h_{t-1} ≠ 0, (1 − h_t²)U as a function of U is bounded: whatever "
                          "U is, it does not exceed a fixed constant."),
    "relu-unbounded": ("The simple RNN",
                       "如果用 relu 激活的话,它在正半轴的导数恒为 1,此时 ∂h_t/∂h_{t-1} = U 是无界的",
                       "With relu, on the positive half-axis ∂h_t/∂h_{t-1} = U, which is unbounded."),
    "clip-prevents-explosion": ("The simple RNN",
                                "人为地把 U 给裁剪到 [-1,1] 内,那不就可以保证梯度不爆了吗?……"
                                "裁剪也只能解决梯度爆炸问题,解决不了梯度消失",
                                "Clipping U into [−1, 1] guarantees the gradient does not explode; "
                                "clipping cannot fix vanishing."),
    "eq7": ("The LSTM", "f_t = σ(W_f x_t + U_f h_{t-1} + b_f) …… c_t = f_t ∘ c_{t-1} + i_t ∘ ĉ_t, "
            "h_t = o_t ∘ tanh(c_t)", "The LSTM's update equations (7)."),
    "eq8": ("The LSTM", "∂c_t/∂c_{t-1} = f_t + c_{t-1} ∂f_t/∂c_{t-1} + ĉ_t ∂i_t/∂c_{t-1} + i_t ∂ĉ_t/∂c_{t-1}",
            "∂c_t/∂c_{t-1} = f_t + c_{t-1}∂f_t/∂c_{t-1} + ĉ_t∂i_t/∂c_{t-1} + i_t∂ĉ_t/∂c_{t-1}."),
    "forget-dominant": ("The LSTM",
                        "右端第一项 f_t …… 一般情况下其余三项都是次要项,因此 f_t 是“主项”,由于 f_t 在 "
                        "0~1 之间,因此就意味着梯度爆炸的风险将会很小",
                        "f_t is the main term and the other three are secondary; since f_t ∈ (0,1) "
                        "the explosion risk is small, and vanishing depends on f_t being near 1."),
    "eq9": ("The LSTM", "c_{t-1} ∂f_t/∂c_{t-1} = f_t(1 − f_t) o_{t-1} (1 − tanh² c_{t-1}) c_{t-1} U_f",
            "c_{t-1}∂f_t/∂c_{t-1} = f_t(1 − f_t) o_{t-1}(1 − tanh² c_{t-1}) c_{t-1} U_f."),
    "xsech2-bound": ("The LSTM", "也可以证明 |(1 − tanh² c_{t-1}) c_{t-1}| < 0.45,因此它也在 -1~1 之间",
                     "|(1 − tanh² c) c| < 0.45 for every real c (so it lies in (−1, 1))."),
    "four-gates": ("The LSTM", "c_{t-1}∂f_t/∂c_{t-1} 就相当于 1 个 U_f 乘上 4 个门,结果会变得更加小",
                   "The term (9) is 'one U_f times four gates', so it is squeezed small unless "
                   "the initialisation is bad."),
    "eq10a": ("The LSTM", "ĉ_t ∂i_t/∂c_{t-1} = i_t(1 − i_t) o_{t-1} (1 − tanh² c_{t-1}) ĉ_t U_i",
              "ĉ_t∂i_t/∂c_{t-1} = i_t(1 − i_t) o_{t-1}(1 − tanh² c_{t-1}) ĉ_t U_i."),
    "eq10b": ("The LSTM", "i_t ∂ĉ_t/∂c_{t-1} = (1 − ĉ_t²) o_{t-1} (1 − tanh² c_{t-1}) i_t U_c",
              "i_t∂ĉ_t/∂c_{t-1} = (1 − ĉ_t²) o_{t-1}(1 − tanh² c_{t-1}) i_t U_c."),
    "secondary-terms-small": ("The LSTM",
                              "后面三项的梯度带有更多的“门”,一般而言乘起来后会被压缩的更厉害",
                              "All three secondary terms carry more gates than the simple RNN's "
                              "(6), so they are squeezed harder; the LSTM mitigates both."),
    "lstm-long-sequences": ("The LSTM", "如果你的序列很长,比如几千上万步,那么该消失的还会消失",
                            "Over thousands of steps the LSTM's gradient still vanishes."),
    "eq11": ("The GRU", "z_t = σ(W_z x_t + U_z h_{t-1} + b_z) …… h_t = (1 − z_t) ∘ h_{t-1} + z_t ∘ ĥ_t",
             "The GRU's update equations (11) (the candidate's bias written b_c)."),
    "eq12": ("The GRU", "还有个更极端的版本是将 r_t, z_t 合成一个", "The single-gate version (12)."),
    "gru-h-bounded": ("The GRU",
                      "作为 h_{t-1} 与 ĥ_t 的加权平均的 h_t 也一直保持在 -1 ~ 1 之间,因此 h_t 本身就有类似门的作用",
                      "With h_0 = 0, h_t stays in [−1, 1] for all t: h_t itself acts like a gate."),
    "lstm-c-unbounded": ("The GRU", "这跟LSTM的 c_t 不一样,理论上 c_t 是有可能发散的",
                         "Unlike the GRU's h_t, the LSTM's c_t can in theory diverge."),
    "eq13": ("The GRU", "∂h_t/∂h_{t-1} = 1 − z_t − z_t(1 − z_t)h_{t-1}U_z + z_t(1 − z_t)ĥ_t U_z + "
             "(1 − ĥ_t²) r_t (1 + (1 − r_t)h_{t-1}U_r) z_t U_h", "The GRU's Jacobian (13)."),
    "gru-less-stable": ("The GRU",
                        "剩下的项比 LSTM 对应的项少了 1 个门,因此它们的量级可能更大……感觉 GRU 应该会更不稳定,"
                        "比 LSTM 更依赖于好的初始化方式",
                        "The rest carry one gate fewer than the LSTM's, so they may be larger: "
                        "the GRU's gradient is less stable and depends more on initialisation."),
    "eq14": ("The GRU", "把 r_t ∘ h_{t-1} 放到最后 …… c_t = (1 − z_t) ∘ c_{t-1} + z_t ∘ ĉ_t, h_t = r_t ∘ c_t",
             "The proposed variant (14); it costs one more cached variable."),
}
