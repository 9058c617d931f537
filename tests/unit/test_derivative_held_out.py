"""Dishonest derivatives the held-out seeds of the searches found (session 11 audit).

Every search was tuned on seeds 1 to 8 (and 11); seeds 21 and 22, 1000 draws
each (``python -m bench.honesty all --seed 21 --draws 1000``), found these.
Each one still dishonest is a strict xfail naming its first diagnosis: the
fix must drop the mark (the hessian case is fixed by `_refined_line_noise`,
the grad one by `_ruled_out`).
Exact values: closed forms, or mpmath.diff at 50 digits.
"""

from __future__ import annotations

import math

from calcweb import derivative, multivariate

HONESTY = 2.0


def _assert_honest(value: float, error: float, exact: float) -> None:
    assert abs(value - exact) <= HONESTY * error + 4.0 * math.ulp(exact), (value, error, exact)


def test_fast_seed_21_a_plain_sine_at_its_rounding() -> None:
    # bench.honesty fast, seed 21 (1000 draws): exp(0.0 t) sin(5545.87 t + 6.2524), n=1 at 0,
    # was 5543.242199612585 +- 8.63e-11 for 5543.242199612782 (2.29x). c + k t is rounded
    # to ulp(6.25), noise up to 4.4e-16, 8 times the rounding of f near x (local); at the
    # walk's halving steps it grew linearly in h (a slope error of 2e-10 at each), and the
    # noise spacing moves the argument by 4 ulps of c, so `_local_drift` saw a drift of
    # local / 120 there. Its points are exact (x = 0): judged again at the golden spacing,
    # the drift is 14 local; now 5543.242199612478 +- 2.8e-9 (47 calls, 31 before).
    exact = 5545.87 * math.cos(6.2524)  # 5543.242199612782
    result = derivative(lambda t: math.sin(5545.87 * t + 6.2524), 0.0, full_output=True)
    _assert_honest(result.value, result.error, exact)


def _exp_sin(size: float, a: list[float], b: list[float], scale: float):  # type: ignore[no-untyped-def]
    def f(p: list[float]) -> float:
        q = [pi / scale for pi in p]
        dot_a = sum(ai * qi for ai, qi in zip(a, q, strict=True))
        dot_b = sum(bi * qi for bi, qi in zip(b, q, strict=True))
        return size * math.exp(dot_a) * math.sin(dot_b + 0.5)

    return f


def test_grad_seed_21_a_far_field_plateau_above_the_scale_of_f() -> None:
    # bench.honesty grad, seed 21: d/dx1 of 2.28e19 exp(a.q) sin(b.q + 0.5), q = p / 2**-17:
    # -3.2336711714162333e22 +- 4.04e22 for -2.605135705633949e23 (5.64x); grad returns the
    # value with no warning. Exact: mpmath.diff at 50 digits. The walk's window (steps
    # 2.3e-7 to 5.7e-8) had it, -2.605135705633699e23 +- 4.8e11; `_disagreeing_noise` then
    # took the noise where |f| is largest (5e30 at 0.015, b.q rounded to ulp(2379)): 2.4e18,
    # with which the walk done again kept a plateau above the scale of f. That noise is
    # 1e14 times what those quotients' agreement allows (`_ruled_out`): not taken.
    f = _exp_sin(2.28e19, [1.02, 0.0134, 1.05, 0.738], [-1.65, 1.21, -1.51, 1.87], 2.0**-17)
    x = [4.6722412109375e-06, 2.71759033203125e-06, -1.207733154296875e-05, 9.51385498046875e-06]
    line, exponent = multivariate._along(f, x, [0.0, 1.0, 0.0, 0.0])
    result = derivative(line, 0.0, full_output=True)
    value, error = math.ldexp(result.value, exponent), math.ldexp(result.error, exponent)
    _assert_honest(value, error, -2.605135705633949e23)


def test_hessian_seed_21_a_refined_second_derivative_on_a_line() -> None:
    # bench.honesty hessian, seed 21: H[1][1] of 1.21e-22 exp(a.q) sin(b.q + 0.5), q = p / 0.25,
    # -1.0940425640788916e-21 +- 6.38e-33 for -1.094042564064188e-21 (2.3x): the wide
    # stencil's 2nd derivative on a line replaced the walk's honest -1.0940425640781207e-21
    # +- 4.8e-32 with an error 7.5 times smaller, no noise measured. With the noise at
    # unequal spacings times the stencil's gain added (_refined_line_noise): +- 9.1e-33.
    f = _exp_sin(1.21e-22, [-0.253, 1.97], [1.7, 0.0623], 0.25)
    line, exponent = multivariate._along(f, [0.37075, 0.306], [0.0, 1.0])
    result = derivative(line, 0.0, 2, full_output=True)
    value, error = math.ldexp(result.value, 2 * exponent), math.ldexp(result.error, 2 * exponent)
    _assert_honest(value, error, -1.094042564064188e-21)
