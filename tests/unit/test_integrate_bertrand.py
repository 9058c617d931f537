"""Bertrand integrals 1/(x |log x|**p): tails that fall only as a power of log x.

OUTSIDER (session 17, finding 1): 1/(x log(x)**1.1) on [2, inf) at tol 1e-2 was
4.6966 +- 0.047, converged=True, for 10.3733 (121 times the error): half of the
integral lies beyond the largest float, and the end panel's Gauss-Kronrod error does
not show what its halvings would still split off. bench/scans/bertrand.py scans the
family.
"""

from __future__ import annotations

import math

import pytest

import calcweb
from calcweb import IntegrationResult, integrate
from calcweb._integrate import SLOW_END_HALVINGS, _power_law_tail


def _bertrand(p: float) -> float:
    """The integral of 1/(x log(x)**p) on [2, inf): log(2)**(1 - p)/(p - 1)."""
    return math.log(2.0) ** (1.0 - p) / (p - 1.0)


@pytest.mark.parametrize(
    ("p", "a", "b", "tol"),
    [
        (1.1, 2.0, math.inf, 1e-2),  # was 4.6966 +- 0.047 for 10.3733, converged
        (1.25, 0.0, 0.5, 1e-2),  # at 0: was 3.3638 +- 0.034 for 4.3838, converged
        (3.0, 2.0, math.inf, 1e-6),  # was 1.0406783 +- 1.04e-6 for 1.0406845, converged
    ],
)
def test_a_tail_falling_as_a_power_of_log_x_is_refused_with_an_honest_error(
    p: float, a: float, b: float, tol: float
) -> None:
    def f(x: float) -> float:
        return 1.0 / (x * abs(math.log(x)) ** p)

    result = integrate(f, a, b, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    at = b if math.isinf(b) else a
    assert result.converged is False
    assert result.message.startswith(f"the integral converges too slowly at x={at!r}")
    assert abs(result.value - _bertrand(p)) <= 2.0 * result.error
    with pytest.raises(calcweb.NumericalError, match="converges too slowly"):
        integrate(f, a, b, tol=tol)


def test_the_part_beyond_the_floats_is_estimated_and_added() -> None:
    # p = 1.1: about 5.2 of 10.37 lies beyond the largest float; the sum is 4.70.
    result = integrate(
        lambda x: 1.0 / (x * math.log(x) ** 1.1), 2.0, math.inf, tol=1e-2, full_output=True
    )
    assert isinstance(result, IntegrationResult)
    assert abs(result.value - _bertrand(1.1)) < 0.01 * _bertrand(1.1) < 0.1 * result.error
    assert "the value adds that estimate, and the error all of it" in result.message


def test_a_power_law_tail_is_summed_and_a_geometric_one_left_to_the_epsilon_table() -> None:
    # The panels split off after n halvings of 1/(x log(x)**2) at 0 hold
    # about ln 2/(n ln 2)**2; what lies beyond the last is their sum.
    p, start = 2.0, 100
    inner = [(n * math.log(2.0)) ** -p * math.log(2.0) for n in range(start, start + 8)]
    fit = _power_law_tail(inner)
    assert fit is not None
    tail, fitted_p = fit
    beyond = math.fsum((n * math.log(2.0)) ** -p * math.log(2.0) for n in range(start + 8, 10**6))
    beyond += (math.log(2.0) * 1e6) ** (1.0 - p) / (p - 1.0)  # n from 10**6 on
    assert fitted_p == pytest.approx(p, rel=0.05)
    assert tail == pytest.approx(beyond, rel=0.02)
    # x**-0.9 at 0: a constant ratio 2**-0.1, which the epsilon table models.
    assert _power_law_tail([2.0 ** (-0.1 * n) for n in range(SLOW_END_HALVINGS)]) is None
    # p <= 1: no finite tail.
    slow = [(n * math.log(2.0)) ** -0.9 for n in range(start, start + 8)]
    assert _power_law_tail(slow) == (math.inf, pytest.approx(0.9, rel=0.05))
