"""Plain Taylor-mode calls keep an answer 0 on the scale on which f's pieces vary.

Since session 31 watched chains after a quotient, ``derivative(lambda x:
cw.log(cw.cosh(x)), 20.0, 3)`` was refused: the jets give 0 +- 1.55e-14 (true
-3.4e-17), and the refusal compared the error with f's rounding (19.3 eps) spread over
``max(1, |x|) = 20``, not over 1, the scale on which cosh varies (REVIEW19's find;
``method='richardson'`` answers 0.0). A quotient whose pieces vary slowly (scale above
``|x|``) is still judged on ``|x|``. Truths: mpmath.diff at 60 digits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import calcweb as cw
from calcweb.exceptions import NumericalError
from calcweb.jet import Jet, watching_cancellation

# (f, x, n, the true n-th derivative): every one was refused
ZERO_ON_F_SCALE = [
    pytest.param(lambda x: cw.log(cw.cosh(x)), 20.0, 3, -3.398683404233271e-17, id="logcosh 20"),
    pytest.param(lambda x: cw.log(cw.cosh(x)), -20.0, 4, 6.797366808466542e-17, id="logcosh -20"),
    pytest.param(lambda x: cw.log(cw.cosh(x)), 30.0, 3, -7.005208610157216e-26, id="logcosh 30"),
    pytest.param(lambda x: cw.log(1 + cw.exp(x)), 40.0, 4, 4.248354255291589e-18, id="softplus 40"),
    pytest.param(lambda x: cw.log(1 + cw.exp(x)), 100.0, 3, -3.720075976020836e-44, id="sp 100"),
    pytest.param(lambda x: -cw.log(1 + cw.exp(-x)), -60.0, 3, -8.75651076269652e-27, id="logsig"),
    pytest.param(
        lambda x: (cw.exp(2 * x) - 1) / (cw.exp(2 * x) + 1), 30.0, 3, 1.4010417220314432e-25,
        id="tanh by exp",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("f", "x", "n", "true"), ZERO_ON_F_SCALE)
def test_an_answer_0_on_the_scale_of_fs_pieces_is_kept(
    f: Callable[[Any], Any], x: float, n: int, true: float
) -> None:
    # 0 within 1e-15 of f's n-th derivative scale on 1 (n! |f| ~ 6 * 19.3 at least)
    assert abs(cw.derivative(f, x, n) - true) < 1e-15


def test_a_quotient_of_slow_pieces_beyond_1_is_still_refused() -> None:
    # (1 - cos u)/u**2, u = (x - c)/s, s = 2473: its pieces vary on 2473, above |x| = 20.7,
    # so the answer is judged on 20.7 as before; judged on 1 it was -1.04e-8 for 7.5e-16.
    c, s = -21.503260214870817, 2472.898538259821

    def f(x: Any) -> Any:
        u = (x - c) / s
        return (1 - cw.cos(u)) / (u * u)

    with pytest.raises(NumericalError, match="no correct digit"):
        cw.derivative(f, -20.665153239727466, 3)
    assert cw.derivative(f, -20.665153239727466, 3, full_output=True).error > 1e-9


def test_the_watch_records_the_slope_of_a_unit_scale_pieces_argument() -> None:
    with watching_cancellation() as watch:
        cw.log(cw.cosh(Jet.variable(20.0, 3)))
    assert watch.rate == 1.0
    with watching_cancellation() as watch:
        cw.sin(Jet.variable(0.5, 3) / 1000.0)
        cw.exp(-(Jet.variable(3.0, 3) ** 2) / 1e6)  # its argument's slope: 6e-6
    assert watch.rate == 1e-3
    with watching_cancellation() as watch:
        cw.log(1 + Jet.variable(40.0, 3) ** 2)  # no piece of scale 1
        cw.cos(Jet.variable(0.0, 3) ** 2)  # an argument of slope 0 at x0
    assert watch.rate == 0.0
