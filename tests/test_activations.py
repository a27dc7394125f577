"""The activations: σ's derivative is σ(1 − σ), its rewrites, its printing; relu."""

from __future__ import annotations

import mpmath
import sympy

from symrnn import relu, sigmoid

x = sympy.Symbol("x")


class TestSigmoid:
    def test_differentiate_gives_sigma_times_one_minus_sigma(self):
        assert sympy.diff(sigmoid(x), x) == sigmoid(x) * (1 - sigmoid(x))

    def test_rewrite_as_exp_is_the_definition(self):
        assert sigmoid(x).rewrite(sympy.exp) == 1 / (1 + sympy.exp(-x))

    def test_rewrite_as_tanh_is_formula_4b(self):
        assert sympy.expand(sigmoid(x).rewrite(sympy.tanh) - (sympy.tanh(x / 2) + 1) / 2) == 0

    def test_value_at_zero_is_one_half(self):
        assert sigmoid(0) == sympy.Rational(1, 2)

    def test_evalf_matches_mpmath(self):
        with mpmath.workdps(40):
            ref = 1 / (1 + mpmath.exp(-mpmath.mpf(1) / 3))
            assert abs(sigmoid(sympy.Rational(1, 3)).evalf(40) - sympy.Float(ref, 40)) < 1e-38

    def test_function_print_latex(self):
        assert sympy.latex(sigmoid(x)) == r"\sigma\left(x\right)"
        assert sympy.latex(sigmoid(x) ** 2) == r"\sigma^{2}\left(x\right)"

    def test_lambdify_numpy(self):
        import numpy as np

        f = sympy.lambdify(x, sigmoid(x).rewrite(sympy.exp), "numpy")
        assert abs(f(np.float64(0.0)) - 0.5) < 1e-15


class TestRelu:
    def test_derivative_is_the_step_function(self):
        assert sympy.diff(relu(x), x) == sympy.Heaviside(x)

    def test_positive_and_negative_arguments_evaluate(self):
        p = sympy.Symbol("p", positive=True)
        assert relu(p) == p and relu(-p) == 0

    def test_rewrite_as_max(self):
        assert relu(x).rewrite(sympy.Max) == sympy.Max(0, x)
