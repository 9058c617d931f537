"""A panel at an end whose value grows at every halving: a divergence, refused early (issue 13).

For ``x**-p`` with ``p`` above about 1.5 the panel at 0 misses its
ancestors' samples at every halving (its polynomial cannot follow f's
growth), so it is bisected before anything else (`_Panels.unresolved`) and the
epsilon table, whose `_Epsilon._leaving` refuses ``x**-1.05`` after 233
evaluations, is never consulted: ``x**-2`` on [0, 1] went down to panels a few
ulps wide and was refused "for rounding" after 14,093 evaluations (QUADPACK's
qags: "probably divergent" after 231). At the right end the nodes next to 1
are rounded to its ulps, and ``(x - c)(1 - x)**-p`` was refused for rounding
too. `_Extrapolated.runaway_end`: the value of the panel at the end grew at
each of its last four halvings, by a model with a rate of 1 or more
(`_grows_without_end`), the panel holds more of |f| than the rest, and it is
at most 2**-20 of the interval wide (or the run stops anyway).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest
from integrate_checks import result_of

from calcweb import integrate
from calcweb._integrate import _grows_without_end

mpmath.mp.dps = 40


DIVERGENT = [
    # (f, tol, end, evaluations at most; before: refused for rounding after)
    pytest.param(lambda x: x**-2, 1e-10, "0.0", 863, id="x^-2 (14093)"),
    pytest.param(lambda x: x**-1.8292893644394477, 3.2e-9, "0.0", 947, id="x^-1.83 (14933)"),
    pytest.param(
        lambda x: (math.log(x) + 1.486889704065654) * x**-1.328171556006533,
        5.8e-10,
        "0.0",
        863,
        id="(log x + 1.49) x^-1.33 (2207)",
    ),
    pytest.param(
        lambda x: (x - 0.651592972722763) * (1 - x) ** -1.6742365971831072,
        8.8e-12,
        "1.0",
        653,
        id="(x - 0.65)(1 - x)^-1.67 (569, rounding)",
    ),
]


@pytest.mark.parametrize(("f", "tol", "end", "nfev"), DIVERGENT)
def test_a_runaway_end_is_refused_as_divergent(
    f: Callable[[float], float], tol: float, end: str, nfev: int
) -> None:
    result = result_of(f, tol)
    assert not result.converged
    assert result.message.startswith(f"the integral probably diverges at x={end}: the subinterval")
    assert result.nfev <= nfev


CONVERGENT = [
    # A narrow peak at the end, a pole just beyond it: they grow like
    # x**-2 only until the panel is as small as their width or distance.
    pytest.param(
        lambda x: 1e-18 / (x * x + 1e-18), 1e-10, 1e-9 * mpmath.atan(1e9), id="lorentz w=1e-9 at 0"
    ),
    # One still growing at 2**-20, but light next to the rest of f.
    pytest.param(
        lambda x: 1e-20 / (x * x + 1e-20) + 1e3 * x**8,
        1e-13,
        mpmath.mpf(1e3) / 9 + 1e-10 * mpmath.atan(1e10),
        id="lorentz w=1e-10 at 0 + 1e3 x^8",
    ),
    pytest.param(
        lambda x: 1 / (x + 1e-10) ** 2,
        1e-10,
        1e10 - 1 / (1 + mpmath.mpf("1e-10")),
        id="pole at -1e-10",
    ),
]


@pytest.mark.parametrize(("f", "tol", "exact"), CONVERGENT)
def test_growth_that_ends_before_the_depth_is_answered(
    f: Callable[[float], float], tol: float, exact: mpmath.mpf
) -> None:
    result = result_of(f, tol)
    assert result.converged, result.message
    assert abs(result.value - float(exact)) <= 2.0 * result.error


def test_a_log_squared_end_that_grows_for_long_is_not_called_divergent() -> None:
    # x**-0.99 log(x)**2 (integral 2e6): its panel at 0 grows for ~300
    # halvings (a triple rate 2**-0.01), which two rates fit only to 2e-4.
    result = result_of(lambda x: x**-0.99 * math.log(x) ** 2, 1e-10)
    assert "diverges at" not in result.message


def values(q: float, a: float, b: float, c: float = 0.0, n0: int = 20) -> list[float]:
    """``(a + b n + c n**2) q**n``, n = n0..n0 + 4: a panel's values at an end, one a halving."""
    return [(a + b * n + c * n * n) * q**n for n in range(n0, n0 + 5)]


@pytest.mark.parametrize(
    ("sequence", "verdict"),
    [
        (values(2.0, 1.0, 0.0), True),  # x**-2: one rate
        (values(2**0.3, 1.0, 0.0), True),  # x**-1.3
        (values(2**0.3, -1.0, -0.7), True),  # (log x + c) x**-1.3: a double rate
        (
            [
                u + v
                for u, v in zip(values(2**0.3, -1.0, 0.0), values(2**-0.7, 5.0, 0.0), strict=True)
            ],
            True,
        ),  # (x - c) x**-1.3: two rates
        (values(2**-0.01, 1.0, 0.7), False),  # (log x + c) x**-0.99: grows, converges
        (values(2**-0.01, 1.0, 0.7, 0.3), False),  # log(x)**2 x**-0.99: a triple rate
        (values(2**-0.3, 1.0, 0.0), False),  # x**-0.7: shrinks
        ([1.0, -2.0, 4.0, -8.0, 16.0], False),  # changes sign
    ],
)
def test_grows_without_end(sequence: list[float], verdict: bool) -> None:
    assert _grows_without_end(sequence) is verdict


# Over an infinite interval the run bisects t, where x = a + (1 - t)/t (or t/(1 - t**2)):
# until session 17 the messages gave t's numbers as x's. integrate(1.0, 1.0, inf) said
# "diverges at x=0.0: the subinterval [0.0, 9.5367431640625e-07] ... Check that f is
# integrable near x=0.0", where f is 1 everywhere and the integral diverges at infinity.
INFINITE = [
    pytest.param(lambda x: 1.0, 1.0, math.inf, "inf", "[1048576.0, inf)", id="1 on [1, inf)"),
    pytest.param(
        lambda x: x * x, -2.5, math.inf, "inf", "[1048572.5, inf)", id="x^2 on [-2.5, inf)"
    ),
    pytest.param(lambda x: 1.0, -math.inf, 0.0, "-inf", "(-inf, -1048575.0]", id="1 on (-inf, 0]"),
    pytest.param(
        lambda x: x * x, -math.inf, math.inf, "inf", "[262143.74999976158, inf)", id="x^2 on R"
    ),
]


@pytest.mark.parametrize(("f", "a", "b", "end", "span"), INFINITE)
def test_a_runaway_at_infinity_is_said_in_x(
    f: Callable[[float], float], a: float, b: float, end: str, span: str
) -> None:
    result = integrate(f, a, b, full_output=True)
    assert not result.converged
    assert result.message.startswith(
        f"the integral probably diverges as x -> {end}: the subinterval {span} there holds"
    )
    assert f"as the integral of |x|**p out to {end} does for p >= -1" in result.message
    assert f"Check that |f| falls faster than 1/|x| as x -> {end}" in result.message


def test_a_pole_inside_a_half_line_is_named_at_its_x() -> None:
    # 1/x on [-2.5, inf): the pole at x = 0 is t = 2/7; the message said "near x=0.2857...".
    # Since session 31 the search in x finds 1/x infinite at 3.6e-309 (`_peak_between`),
    # splits there, and the left side diverges (before: "needs subintervals narrower
    # than floating point resolves near x=" a point within 1e-9 of 0).
    result = integrate(lambda x: 1.0 / x if x else 0.0, -2.5, math.inf, full_output=True)
    assert not result.converged
    assert result.message.startswith("f fails or is infinite at x=")
    near = float(result.message.split("probably diverges at x=")[1].split(":")[0])
    assert abs(near) < 1e-9


def test_a_finite_end_of_a_half_line_is_named_at_its_x() -> None:
    # x**-2 on [3, inf) converges at infinity and is finite at 3; on [0, inf) it
    # diverges at 0, which is t = 1: named as x = 0.0 (t's 1.0 before).
    result = integrate(lambda x: x**-2, 0.0, math.inf, full_output=True)
    assert not result.converged
    assert result.message.startswith(
        "the integral probably diverges at x=0.0: the subinterval [0.0, "
    )
