"""Ends `_Extrapolated.runaway_end` judged wrongly: the rate 1 of 1/x, a pole beyond the end.

``1/x`` on [0, 1]: the panel ``[0, h]`` holds 7.71263 at every halving (K21
is exact under scaling by 2), so its value never grew and never outweighed
the rest (``log(1/h)``); it missed its parent's samples at every halving, so
the epsilon table was never consulted, and the chain went down to ``2**-499``
and stopped at 500 subintervals after 20,981 evaluations (quad: 231). Values
that stay the same to rounding (`_unchanging`) are a rate of 1: each halving
adds as much to the sum, which grows without end.

``1/(x + 1e-12)**1.5`` on [0, 1] (about 2e6) grows like ``x**-1.5`` down
to panels as small as 1e-12, far below ``2**-20``: refused as divergent
after 863 evaluations (answered right after 1,619 before `runaway_end`).
f at 0 is 1e18, finite and above every sample of the panel there
(`_bounded_at`): f grows towards a finite value, not towards infinity. Where
f fails at the end (``x**-2``, ``1/x``) or is not above the samples (a guard
``1/x if x else 0.0``), that tells nothing.

At an infinite end the refusal said "diverges at x=0.0", the end of the
variable t the half-line is mapped to (``x**-0.5`` on [1, inf)): it now says
"at infinity".
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import IntegrationResult, integrate
from calcweb._integrate import _unchanging

LOG_DIVERGENT = [
    # (f, a, b, end); before: 500 subintervals after 20,981 evaluations
    pytest.param(lambda x: 1 / x, 0.0, 1.0, "0.0", id="1/x"),
    pytest.param(lambda x: -2.5 / x, 0.0, 1.0, "0.0", id="-2.5/x"),
    pytest.param(lambda x: 1 / x, 0.0, 3.0, "0.0", id="1/x on [0, 3]"),
    pytest.param(lambda x: 1 / x if x else 0.0, 0.0, 1.0, "0.0", id="1/x, 0 at 0"),
    # before: "narrower than floating point" after 1,577
    pytest.param(lambda x: 1 / (1 - x), 0.0, 1.0, "1.0", id="1/(1 - x)"),
    pytest.param(lambda x: (x - 0.3) / (1 - x), 0.0, 1.0, "1.0", id="(x - 0.3)/(1 - x)"),
]


@pytest.mark.parametrize(("f", "a", "b", "end"), LOG_DIVERGENT)
def test_a_logarithmic_divergence_is_named_soon(
    f: Callable[[float], float], a: float, b: float, end: str
) -> None:
    result = integrate(f, a, b, tol=1e-10, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged
    assert result.message.startswith(f"the integral probably diverges at x={end}: the subinterval")
    assert "the same at each of its last four halvings" in result.message
    assert result.nfev <= 1000


def test_1_over_x_plus_a_constant_is_named_sooner() -> None:
    # The constant moves the panel's value by h: it stays the same to rounding
    # only once h is about 1e-15 (20,981 evaluations before).
    result = integrate(lambda x: 1 / x + 1, 0.0, 1.0, tol=1e-10, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.message.startswith("the integral probably diverges at x=0.0")
    assert result.nfev <= 2100


@pytest.mark.parametrize("tol", [1e-6, 1e-10])
def test_a_pole_just_beyond_the_end_is_answered(tol: float) -> None:
    exact = 2 * (1e6 - 1 / math.sqrt(1 + 1e-12))
    result = integrate(lambda x: 1 / (x + 1e-12) ** 1.5, 0.0, 1.0, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2 * result.error


def test_a_log_pole_just_beyond_the_end_stays_answered() -> None:
    result = integrate(lambda x: 1 / (x + 1e-12), 0.0, 1.0, tol=1e-10, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged, result.message
    assert abs(result.value - math.log1p(1e12)) <= 2 * result.error


def test_unchanging() -> None:
    assert _unchanging([7.7126288279507] * 5)
    assert _unchanging([1.0, 1.0 + 2.0**-47, 1.0])
    assert not _unchanging([1.0, 1.0 + 2.0**-45, 1.0])
    # x**-0.99999: the value moves by 7e-6 a halving
    assert not _unchanging([2.0 ** (-1e-5 * n) for n in range(5)])
    # rounding of the nodes next to the end (1/(1 - x) at 1)
    assert _unchanging([1.0, 1.0 + 1e-7, 1.0], slack=1e-7)
    assert not _unchanging([1.0, 1.0 + 1e-7, 1.0], slack=1e-8)


@pytest.mark.parametrize(
    ("f", "a", "b"),
    [
        (lambda x: 1 / x, 1.0, math.inf),
        (lambda x: -1 / x, -math.inf, -1.0),
        (lambda x: x**-0.5, 1.0, math.inf),
        (lambda x: 1.0, -math.inf, math.inf),
    ],
)
def test_a_divergence_at_infinity_is_named_so(
    f: Callable[[float], float], a: float, b: float
) -> None:
    # Not "at x=0.0", the end of the variable t the half-line is mapped to.
    result = integrate(f, a, b, tol=1e-10, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged
    end = "inf" if b == math.inf else "-inf"
    assert result.message.startswith(f"the integral probably diverges as x -> {end}:")
    assert f"Check that |f| falls faster than 1/|x| as x -> {end}" in result.message
