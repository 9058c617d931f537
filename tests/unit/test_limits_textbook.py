"""Textbook limits: right values and honest error estimates, from each side.

A table of the limits a calculus course meets — difference quotients of
exponentials, roots, logarithms and trig functions, 0/0 forms, limits at
infinity, ``x log x`` and ``x**x`` at 0+, difference quotients at points far
from 0, limits of size 1e8 and 1e-12 — each with its exact value (a closed
form). Every case is checked from the left, from the right and from both
sides where the limit is two-sided: the value must be right, and the true
error must not exceed twice the reported one.

The closed forms themselves are checked against mpmath (when installed: it
is absent inside Pyodide), by evaluating each function at 250 digits right
next to its limit point.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from types import ModuleType
from typing import Any, NamedTuple

import pytest

from calcweb import DomainError, LimitResult, limit

# Each function takes the module to compute with (math, or mpmath for the
# oracle check) as its second argument.
Formula = Callable[[Any, ModuleType], Any]

A3 = 1e3
A6 = 1e6
BIG = 5e7
LOG_1E8 = math.log(1e8)


class Case(NamedTuple):
    name: str
    f: Formula
    x0: float
    side: str  # "both", "left" or "right"
    exact: float
    tol: float = 0.0  # the accuracy asked for; 0.0 means 1e-10 relative (absolute for 0)


CASES: list[Case] = [
    # Difference quotients of exponentials at 0.
    Case("(2^h-1)/h", lambda h, m: (2**h - 1) / h, 0.0, "both", math.log(2.0)),
    Case("(10^h-1)/h", lambda h, m: (10**h - 1) / h, 0.0, "both", math.log(10.0)),
    Case("(0.5^h-1)/h", lambda h, m: (0.5**h - 1) / h, 0.0, "both", -math.log(2.0)),
    Case("(3^h-2^h)/h", lambda h, m: (3**h - 2**h) / h, 0.0, "both", math.log(1.5)),
    Case("(e^h-1)/h", lambda h, m: (m.exp(h) - 1) / h, 0.0, "both", 1.0),
    Case("(e^h-e^-h)/h", lambda h, m: (m.exp(h) - m.exp(-h)) / h, 0.0, "both", 2.0),
    Case("(e^h-1-h)/h^2", lambda h, m: (m.exp(h) - 1 - h) / h**2, 0.0, "both", 0.5),
    Case("(e^sin h-1)/h", lambda h, m: (m.exp(m.sin(h)) - 1) / h, 0.0, "both", 1.0),
    Case("(1+h)^(1/h)", lambda h, m: (1 + h) ** (1 / h), 0.0, "both", math.e),
    Case("(1+2h)^(1/h)", lambda h, m: (1 + 2 * h) ** (1 / h), 0.0, "both", math.exp(2.0)),
    # Roots and powers.
    Case("(sqrt(1+h)-1)/h", lambda h, m: (m.sqrt(1 + h) - 1) / h, 0.0, "both", 0.5),
    Case("(sqrt(4+h)-2)/h", lambda h, m: (m.sqrt(4 + h) - 2) / h, 0.0, "both", 0.25),
    Case("((1+h)^(1/3)-1)/h", lambda h, m: ((1 + h) ** (1 / 3) - 1) / h, 0.0, "both", 1 / 3),
    Case(
        "h/(sqrt(1+h)-sqrt(1-h))",
        lambda h, m: h / (m.sqrt(1 + h) - m.sqrt(1 - h)),
        0.0,
        "both",
        1.0,
    ),
    Case("(x^5-32)/(x-2) at 2", lambda x, m: (x**5 - 32) / (x - 2), 2.0, "both", 80.0),
    Case("(x^x-1)/(x-1) at 1", lambda x, m: (x**x - 1) / (x - 1), 1.0, "both", 1.0),
    # Logarithms.
    Case("log(1+h)/h", lambda h, m: m.log(1 + h) / h, 0.0, "both", 1.0),
    Case("log1p(h)/h", lambda h, m: m.log1p(h) / h, 0.0, "both", 1.0),
    Case("log(x)/(x-1) at 1", lambda x, m: m.log(x) / (x - 1), 1.0, "both", 1.0),
    Case("log(cos h)/h^2", lambda h, m: m.log(m.cos(h)) / h**2, 0.0, "both", -0.5),
    # Trigonometry.
    Case("sin(h)/h", lambda h, m: m.sin(h) / h, 0.0, "both", 1.0),
    Case("sin(3h)/sin(5h)", lambda h, m: m.sin(3 * h) / m.sin(5 * h), 0.0, "both", 0.6),
    Case("atan(h)/h", lambda h, m: m.atan(h) / h, 0.0, "both", 1.0),
    Case("(1-cos h)/h^2", lambda h, m: (1 - m.cos(h)) / h**2, 0.0, "both", 0.5),
    Case(
        "(tan h-sin h)/h^3",
        lambda h, m: (m.tan(h) - m.sin(h)) / h**3,
        0.0,
        "both",
        0.5,
        1e-9,  # rounding noise eps/h**2 beats the h**8 left after extrapolation at h ~ 0.01
    ),
    Case("(sin h-h)/h^3", lambda h, m: (m.sin(h) - h) / h**3, 0.0, "both", -1 / 6),
    Case("(asin h-h)/h^3", lambda h, m: (m.asin(h) - h) / h**3, 0.0, "both", 1 / 6),
    Case("(h-sin h)/(h-tan h)", lambda h, m: (h - m.sin(h)) / (h - m.tan(h)), 0.0, "both", -0.5),
    Case(
        "(cos h-1+h^2/2)/h^4",
        lambda h, m: (m.cos(h) - 1 + h * h / 2) / h**4,
        0.0,
        "both",
        1 / 24,
        1e-7,  # the cancellation costs half the digits
    ),
    # Difference quotients at points far from 0.
    Case(
        "(sin x-sin a)/(x-a) at 1e3",
        lambda x, m: (m.sin(x) - m.sin(A3)) / (x - A3),
        A3,
        "both",
        math.cos(A3),
    ),
    Case("(x^3-a^3)/(x-a) at 1e3", lambda x, m: (x**3 - A3**3) / (x - A3), A3, "both", 3 * A3**2),
    Case(
        "(e^(x/a)-e)/(x-a) at 1e3",
        lambda x, m: (m.exp(x / A3) - m.exp(1)) / (x - A3),
        A3,
        "both",
        math.e / A3,
    ),
    Case(
        "(sqrt x-sqrt a)/(x-a) at 1e6",
        lambda x, m: (m.sqrt(x) - m.sqrt(A6)) / (x - A6),
        A6,
        "both",
        0.5 / math.sqrt(A6),
    ),
    Case(
        "(log x-log a)/(x-a) at 1e6",
        lambda x, m: (m.log(x) - m.log(A6)) / (x - A6),
        A6,
        "both",
        1 / A6,
    ),
    Case(
        "(cos x-cos a)/(x-a) at 1e6",
        lambda x, m: (m.cos(x) - m.cos(A6)) / (x - A6),
        A6,
        "both",
        -math.sin(A6),
    ),
    # Large and tiny values.
    Case(
        "(a/x-1)/(a(x-a)) at 1e6", lambda x, m: (A6 / x - 1) / (A6 * (x - A6)), A6, "both", -1e-12
    ),
    Case("(x^2-a^2)/(x-a) at 5e7", lambda x, m: (x**2 - BIG**2) / (x - BIG), BIG, "both", 1e8),
    Case(
        "(e^x-e^a)/(x-a) at log 1e8",
        lambda x, m: (m.exp(x) - m.exp(LOG_1E8)) / (x - LOG_1E8),
        LOG_1E8,
        "both",
        math.exp(LOG_1E8),
    ),
    Case("1e8 (e^h-1)/h", lambda h, m: 1e8 * (m.exp(h) - 1) / h, 0.0, "both", 1e8),
    Case("sin(1e-12 h)/h", lambda h, m: m.sin(1e-12 * h) / h, 0.0, "both", 1e-12),
    # Limits at infinity.
    Case("(1+1/x)^x at inf", lambda x, m: (1 + 1 / x) ** x, math.inf, "left", math.e),
    Case("(1+1/x)^x at -inf", lambda x, m: (1 + 1 / x) ** x, -math.inf, "right", math.e),
    Case("(1-1/x)^x at inf", lambda x, m: (1 - 1 / x) ** x, math.inf, "left", 1 / math.e),
    Case("x sin(1/x) at inf", lambda x, m: x * m.sin(1 / x), math.inf, "left", 1.0),
    Case("x sin(1/x) at -inf", lambda x, m: x * m.sin(1 / x), -math.inf, "right", 1.0),
    Case("x log(1+1/x) at inf", lambda x, m: x * m.log(1 + 1 / x), math.inf, "left", 1.0),
    Case("sqrt(x^2+x)-x at inf", lambda x, m: m.sqrt(x * x + x) - x, math.inf, "left", 0.5),
    Case("x/e^x at inf", lambda x, m: x / m.exp(x), math.inf, "left", 0.0),
    Case("log(x)/x at inf", lambda x, m: m.log(x) / x, math.inf, "left", 0.0),
    Case("x^(1/x) at inf", lambda x, m: x ** (1 / x), math.inf, "left", 1.0),
    Case(
        "x(pi/2-atan x) at inf",
        lambda x, m: x * (m.pi / 2 - m.atan(x)),
        math.inf,
        "left",
        1.0,
    ),
    Case("x^2(1-cos(1/x)) at inf", lambda x, m: x * x * (1 - m.cos(1 / x)), math.inf, "left", 0.5),
    Case(
        "(x^2+1)/(3x^2-x) at -inf",
        lambda x, m: (x * x + 1) / (3 * x * x - x),
        -math.inf,
        "right",
        1 / 3,
    ),
    Case("atan(x) at -inf", lambda x, m: m.atan(x), -math.inf, "right", -math.pi / 2),
    # One-sided limits at 0+ and 1-.
    Case("x log x at 0+", lambda x, m: x * m.log(x), 0.0, "right", 0.0),
    Case("x^x at 0+", lambda x, m: x**x, 0.0, "right", 1.0),
    Case("sqrt(x) log x at 0+", lambda x, m: m.sqrt(x) * m.log(x), 0.0, "right", 0.0, 1e-6),
    Case("sin(x)/sqrt(x) at 0+", lambda x, m: m.sin(x) / m.sqrt(x), 0.0, "right", 0.0, 1e-6),
    Case("e^(-1/x) at 0+", lambda x, m: m.exp(-1 / x), 0.0, "right", 0.0),
    # Flat at 0: each is exactly its limit close to 0 after falling onto it
    # ever faster (exp(-1/x**2) underflows to 0 from x = 1/32 on), while
    # farther out it heads elsewhere (1, 0, or 2).
    Case("e^(-1/x^2) at 0", lambda x, m: m.exp(-1 / x**2), 0.0, "both", 0.0),
    Case("e^(-1/|x|) at 0", lambda x, m: m.exp(-1 / abs(x)), 0.0, "both", 0.0),
    Case("x^-2 e^(-1/x^2) at 0", lambda x, m: x**-2 * m.exp(-1 / x**2), 0.0, "both", 0.0),
    Case("x^-10 e^(-1/x^2) at 0", lambda x, m: x**-10 * m.exp(-1 / x**2), 0.0, "both", 0.0),
    Case("1+e^(-1/x^2) at 0", lambda x, m: 1 + m.exp(-1 / x**2), 0.0, "both", 1.0),
    Case("x^2 sin(1/x) at 0", lambda x, m: x * x * m.sin(1 / x), 0.0, "both", 0.0),
    Case("sqrt(1-x) at 1-", lambda x, m: m.sqrt(1 - x), 1.0, "left", 0.0, 1e-6),
    Case("(1-x)/acos(x)^2 at 1-", lambda x, m: (1 - x) / m.acos(x) ** 2, 1.0, "left", 0.5),
]
IDS = [case.name for case in CASES]


def sides(case: Case) -> list[str]:
    return ["left", "right", "both"] if case.side == "both" else [case.side]


RUNS = [(case, side) for case in CASES for side in sides(case)]
RUN_IDS = [f"{case.name} [{side}]" for case, side in RUNS]


def tolerance(case: Case) -> float:
    if case.tol:
        return case.tol
    return 1e-10 * abs(case.exact) if case.exact else 1e-10


def full(f: Callable[[float], float], x0: float, side: str) -> LimitResult:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    return result


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 40
    assert len(RUNS) >= 100


@pytest.mark.parametrize(("case", "side"), RUNS, ids=RUN_IDS)
def test_a_textbook_limit_is_right_and_its_error_is_honest(case: Case, side: str) -> None:
    result = full(lambda x: case.f(x, math), case.x0, side)
    assert result.converged, result.message
    actual = abs(result.value - case.exact)
    assert actual <= tolerance(case), (result.value, case.exact, result.error)
    assert actual <= 2.0 * result.error, (result.value, case.exact, result.error)


@pytest.mark.parametrize("side", ["left", "both"])
def test_e_to_the_minus_1_over_x_from_the_left_of_0_is_infinite(side: str) -> None:
    # exp(-1/x) grows without bound as x rises to 0 (and overflows); from the
    # right it falls onto 0 (the table's case): so the two sides differ.
    f = lambda x: math.exp(-1 / x)  # noqa: E731 - one expression
    if side == "both":
        with pytest.raises(DomainError, match=r"one-sided limits at x0=0\.0 differ"):
            limit(f, 0.0)
        return
    result = full(f, 0.0, side)
    assert (result.value, result.converged) == (math.inf, True)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_exact_values_agree_with_mpmath(case: Case) -> None:
    mpmath = pytest.importorskip("mpmath", reason="mpmath is the oracle (absent in Pyodide)")
    with mpmath.workdps(250):
        x0 = mpmath.mpf(case.x0)
        for side in ("left", "right") if case.side == "both" else (case.side,):
            if mpmath.isinf(x0):
                x = mpmath.sign(x0) * mpmath.mpf(10) ** 40
            else:
                x = x0 + (-1 if side == "left" else 1) * mpmath.mpf(10) ** -40
            value = case.f(x, mpmath)
            assert abs(value - case.exact) <= 1e-15 * abs(case.exact) + 1e-18, (side, value)
