"""Plain jets on a line of grad/hessian judge an answer 0 on f's scale as derivative does.

A line of `calcweb.multivariate` scales ``t`` to the coordinates' size (at ``p[0] = 20``,
``t = 1`` moves it by 16): session 31's rule (`_scale_of_f`: at least 1, where f's pieces
vary faster) put its floor at ``t = 1``, 16 of x's units, so that ``hessian`` refused
tanh written through exp at 20 (0 +- 7.5e-12, for -3.4e-17) where ``derivative`` answered
0.0. The floor is now the line's ``unit``, the ``t`` that moves a coordinate by 1.
"""

from __future__ import annotations

from typing import Any

import pytest

import calcweb as cw
from calcweb.exceptions import NumericalError


def _tanh_by_exp(x: Any) -> Any:
    e = cw.exp(2 * x)
    return (e - 1) / (e + 1)


def _log_cosh(x: Any) -> Any:
    return cw.log(cw.cosh(x))


@pytest.mark.parametrize("method", ["ad", "auto"])
@pytest.mark.parametrize(
    ("x", "true"), [(20.0, -3.398683404233271e-17), (30.0, -7.005208610157216e-26)]
)
def test_hessian_keeps_tanh_by_exp_far_out(method: str, x: float, true: float) -> None:
    h = cw.hessian(lambda p: _tanh_by_exp(p[0]) + p[1] ** 2, method=method)([x, 1.0])
    assert abs(h[0][0] - true) < 1e-15  # was refused: 0 +- 7.5e-12 at 20
    assert h[1][1] == 2.0
    assert h[0][1] == h[1][0] == 0.0


def test_a_mixed_line_keeps_log_cosh_far_out() -> None:
    # g(p[0] + p[1]): every entry is g''(40) = 7.2e-35; the lines e_0, e_1 and e_0 + e_1
    # each scaled by 32, p[0]'s size.
    h = cw.hessian(lambda p: _log_cosh(p[0] + p[1]), method="ad")([39.625, 0.375])
    assert all(abs(entry - 7.219407362e-35) < 1e-15 for row in h for entry in row)


def test_a_quotient_of_slow_pieces_stays_refused_on_a_line() -> None:
    # (1 - cos u)/u**2, u = (x - c)/s, s = 2473 (test_jetscale's): its pieces vary on 2473
    # in x, 154 in t, beyond the line's own scale: judged there, as before.
    c, s = -21.503260214870817, 2472.898538259821

    def f(p: Any) -> Any:
        u = (p[0] - c) / s
        return (1 - cw.cos(u)) / (u * u)

    with pytest.raises(NumericalError, match="no correct digit"):
        cw.hessian(f, method="ad")([-20.665153239727466])  # -1.36e-8
