"""LIMFALL (session 28): f exactly constant far from x0 that falls smoothly off it closer in.

``1 - exp(-t/w)`` and ``tanh(t/w)`` round to exactly 1 for ``t`` above a few
tens of ``w``: the first usual samples are a plateau of equal values, which
`_estimate` took for ``f`` stuck on a rounded value, dropping every sample
after it. ``1 - exp(-t/1e-3)`` at 0+ was 1.0 +- 2.7e-14 for 0. `_past_the_plateau`
cuts such a plateau off where the samples after it fall off it, each farther,
and settle apart from it; a cliff onto rounding's constant is no such fall.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb as cw

FORMS: dict[str, Callable[[float], float]] = {
    "exp": lambda u: 1.0 - math.exp(-u),
    "tanh": math.tanh,
}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("w", [1e-3, 1e-7, 1e-12])
@pytest.mark.parametrize("c", [0.0, 0.001])
def test_a_fall_off_a_far_plateau_is_followed_to_the_limit(form: str, w: float, c: float) -> None:
    # The usual samples reach h = 1.8e-15: the fall shows in 10 of them or more (w = 1e-12).
    g = FORMS[form]
    result = cw.limit(lambda t: c + (1.0 - c) * g(t / w), 0.0, side="+", full_output=True)
    assert result.converged, result
    assert abs(result.value - c) <= 2.0 * result.error, result


@pytest.mark.parametrize(
    ("x0", "side", "t"),
    [
        (0.0, "-", lambda x: -x),
        (math.inf, "both", lambda x: 1.0 / x),
        (-math.inf, "both", lambda x: -1.0 / x),
        (3.0, "+", lambda x: x - 3.0),
    ],
)
def test_the_fall_is_followed_on_every_kind_of_approach(
    x0: float, side: str, t: Callable[[float], float]
) -> None:
    # At x0 = 3 the usual samples reach |x - 3| = 8.9e-16; tanh(t/w) is exactly 1 for t > 19.1 w.
    result = cw.limit(
        lambda x: 0.25 - 2.0 * math.tanh(t(x) / 1e-9), x0, side=side, full_output=True
    )
    assert result.converged, result
    assert abs(result.value - 0.25) <= 2.0 * result.error, result


@pytest.mark.parametrize(
    ("f", "exact"),
    [
        # exactly 0.5 from x = 2**-13 to 2**-26, then 0: a cliff onto rounding's 0
        (lambda x: (1.0 - math.cos(x)) / x**2, 0.5),
        # exactly 1 at the usual dyadic points, then 0 once 1 + x*x rounds to 1
        (lambda x: ((1.0 + x * x) - 1.0) / (x * x), 1.0),
        (lambda x: (math.sqrt(1.0 + x * x) - 1.0) / (x * x), 0.5),
    ],
)
def test_a_cliff_off_a_plateau_onto_rounding_is_not_a_fall(
    f: Callable[[float], float], exact: float
) -> None:
    try:
        result = cw.limit(f, 0.0, side="+", full_output=True)
    except cw.NumericalError:
        return
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error, result


def test_a_cut_off_to_0_far_out_is_a_plateau_too() -> None:
    # sat_scan seed 3: on the left f is exactly 0.0 at the first four samples (x0 - 128 to
    # x0 - 16, below -700); it was refused ("at the floats closer to x0, ..., it heads for
    # 5.89456e-301 instead"). The exact value is mpmath's.
    def logistic(x: float) -> float:
        return 1.0 / (1.0 + math.exp(-x)) if x > -700.0 else 0.0

    result = cw.limit(logistic, -691.3040832823779, full_output=True)
    assert result.converged, result
    assert abs(result.value - 5.894558922187146e-301) <= 2.0 * result.error, result
