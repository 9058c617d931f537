"""Numerical limits against known values, one-sided and at infinity.

The classic limits of a calculus course, each with its exact value; limits
that do not exist (one-sided limits that differ, oscillation) and infinite
ones; and any float at all for ``x0``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calcweb
from calcweb import LimitResult, limit

Function = Callable[[float], float]


def full(f: Function, x0: float, **options: object) -> LimitResult:
    result = limit(f, x0, full_output=True, **options)
    assert isinstance(result, LimitResult)
    return result


KNOWN: list[tuple[str, Function, float, str, float]] = [
    ("sin(x)/x at 0", lambda x: math.sin(x) / x, 0.0, "both", 1.0),
    ("(1+x)^(1/x) at 0", lambda x: (1 + x) ** (1 / x), 0.0, "both", math.e),
    ("(e^x-1)/x at 0", lambda x: (math.exp(x) - 1) / x, 0.0, "both", 1.0),
    ("(1-cos x)/x^2 at 0", lambda x: (1 - math.cos(x)) / (x * x), 0.0, "both", 0.5),
    ("x log x at 0+", lambda x: x * math.log(x), 0.0, "right", 0.0),
    ("x^x at 0+", lambda x: x**x, 0.0, "right", 1.0),
    ("(x^2-1)/(x-1) at 1", lambda x: (x * x - 1) / (x - 1), 1.0, "both", 2.0),
    ("(sqrt(x)-2)/(x-4) at 4", lambda x: (math.sqrt(x) - 2) / (x - 4), 4.0, "both", 0.25),
    ("log(x)/(x-1) at 1", lambda x: math.log(x) / (x - 1), 1.0, "both", 1.0),
    ("tan(x)/x at 0", lambda x: math.tan(x) / x, 0.0, "both", 1.0),
    ("sigmoid at 3", lambda x: 1 / (1 + math.exp(-x)), 3.0, "both", 1 / (1 + math.exp(-3.0))),
    ("|x| at 0", abs, 0.0, "both", 0.0),
    ("floor at 2-", math.floor, 2.0, "left", 1.0),
    ("floor at 2+", math.floor, 2.0, "right", 2.0),
    ("(x-1000)/x at 1000", lambda x: (x - 1000) / x, 1000.0, "+", 0.0),
    ("(1+1/x)^x at inf", lambda x: (1 + 1 / x) ** x, math.inf, "both", math.e),
    ("atan at inf", math.atan, math.inf, "both", math.pi / 2),
    ("atan at -inf", math.atan, -math.inf, "both", -math.pi / 2),
    ("x sin(1/x) at inf", lambda x: x * math.sin(1 / x), math.inf, "left", 1.0),
    ("e^x at -inf", math.exp, -math.inf, "both", 0.0),
    ("(2x+1)/(x-3) at inf", lambda x: (2 * x + 1) / (x - 3), math.inf, "both", 2.0),
]
IDS = [row[0] for row in KNOWN]


@pytest.mark.parametrize(("name", "f", "x0", "side", "exact"), KNOWN, ids=IDS)
def test_classic_limits_to_1e_10_with_an_honest_error(
    name: str, f: Function, x0: float, side: str, exact: float
) -> None:
    result = full(f, x0, side=side)
    assert result.converged, result.message
    actual = abs(result.value - exact)
    assert actual <= 1e-10 * max(1.0, abs(exact)), name
    assert actual <= max(10 * result.error, 1e-15), name
    assert result.error <= 1e-9


def test_the_default_return_value_is_a_float() -> None:
    value = limit(lambda x: math.sin(x) / x, 0.0)
    assert isinstance(value, float)
    assert value == pytest.approx(1.0, abs=1e-14)


def test_f_is_never_evaluated_at_x0() -> None:
    seen: list[float] = []

    def spy(x: float) -> float:
        seen.append(x)
        return 2 * x

    assert limit(spy, 3.0) == pytest.approx(6.0, abs=1e-13)
    assert 3.0 not in seen
    assert {x < 3.0 for x in seen} == {True, False}
    assert full(spy, 3.0).nfev == len(seen) // 2


def test_side_aliases_are_accepted() -> None:
    assert full(math.floor, 2.0, side="-").side == "left"
    assert full(math.floor, 2.0, side="+").value == 2.0


@pytest.mark.parametrize(
    ("f", "right", "left"),
    [
        (lambda x: math.copysign(1.0, x), 1.0, -1.0),
        (math.floor, 0.0, -1.0),
        (lambda x: 1 / x, math.inf, -math.inf),
        (lambda x: math.atan(1 / x), math.pi / 2, -math.pi / 2),
    ],
)
def test_one_sided_limits_that_differ_are_reported_with_both_values(
    f: Function, right: float, left: float
) -> None:
    with pytest.raises(calcweb.DomainError, match=r"one-sided limits at x0=0\.0 differ") as info:
        limit(f, 0.0)
    message = str(info.value)
    for value, name in ((right, "right"), (left, "left")):
        shown = float(message.split(f" from the {name}", maxsplit=1)[0].rsplit(maxsplit=1)[-1])
        assert shown == pytest.approx(value, abs=1e-12)
    assert "side='left' or side='right'" in str(info.value)
    assert full(f, 0.0, side="right").value == pytest.approx(right, abs=1e-12)


@pytest.mark.parametrize(
    ("f", "x0", "side", "expected"),
    [
        (lambda x: 1 / x**2, 0.0, "both", math.inf),
        (lambda x: -1 / abs(x), 0.0, "both", -math.inf),
        (math.log, 0.0, "right", -math.inf),
        (lambda x: 1 / x, 0.0, "right", math.inf),
        (lambda x: 1 / math.sqrt(x), 0.0, "right", math.inf),
        (lambda x: 1 / x**30, 0.0, "both", math.inf),  # overflows near 0
        (lambda x: math.exp(1 / x), 0.0, "right", math.inf),  # overflows near 0
        (lambda x: x * x, math.inf, "both", math.inf),
        (lambda x: 1 / (x - 2), 2.0, "left", -math.inf),
    ],
)
def test_a_function_that_grows_without_bound_has_an_infinite_limit(
    f: Function, x0: float, side: str, expected: float
) -> None:
    result = full(f, x0, side=side)
    assert result.value == expected
    assert "grows without bound" in result.message
    assert limit(f, x0, side=side) == expected


@pytest.mark.parametrize(
    ("f", "x0"),
    [(lambda x: math.sin(1 / x), 0.0), (math.sin, math.inf), (lambda x: x * math.sin(x), math.inf)],
)
def test_a_function_that_does_not_settle_raises_and_says_so(f: Function, x0: float) -> None:
    with pytest.raises(calcweb.NumericalError, match="does not settle") as info:
        limit(f, x0)
    assert "pass full_output=True" in str(info.value)
    result = full(f, x0)
    assert not result.converged
    assert result.message == str(info.value)


def test_a_side_where_f_is_undefined_names_the_other_side() -> None:
    with pytest.raises(calcweb.DomainError, match="pass side='right'"):
        limit(lambda x: x * math.log(x), 0.0)
    with pytest.raises(calcweb.DomainError, match="pass side='left'"):
        limit(lambda x: math.sqrt(1 - x), 1.0)
    assert limit(lambda x: math.sqrt(1 - x), 1.0, side="left") == pytest.approx(0.0, abs=1e-7)


@pytest.mark.parametrize("side", ["up", "", None, 1, "BOTH"])
def test_an_unknown_side_is_refused(side: object) -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="side must be 'both', 'left'"):
        limit(math.sin, 0.0, side=side)


def test_there_is_nothing_beyond_infinity() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="nothing lies to the right"):
        limit(math.atan, math.inf, side="right")
    with pytest.raises(calcweb.InvalidArgumentError, match="pass side='right'"):
        limit(math.atan, -math.inf, side="left")


@pytest.mark.parametrize(
    ("x0", "error"), [(math.nan, "InvalidArgumentError"), ("0", "ArgumentTypeError")]
)
def test_an_x0_that_is_not_a_number_is_refused(x0: object, error: str) -> None:
    with pytest.raises(getattr(calcweb, error), match="x0 must be"):
        limit(math.sin, x0)  # type: ignore[arg-type]


def test_a_function_returning_a_non_number_is_refused() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="must return a real number"):
        limit(str, 0.0)  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match="f must be a function"):
        limit("sin", 0.0)  # type: ignore[arg-type]


def test_limits_agree_with_sympy() -> None:
    sympy = pytest.importorskip("sympy", reason="sympy is a test oracle, absent in Pyodide")
    x = sympy.Symbol("x")
    cases = [
        (sympy.sin(3 * x) / sympy.sin(5 * x), 0),
        ((sympy.exp(2 * x) - 1 - 2 * x) / x**2, 0),
        (sympy.atan(x) / x, 0),
        ((x**3 - 8) / (x - 2), 2),
        (sympy.log(1 + 3 * x) / sympy.sin(x), 0),
    ]
    for expression, point in cases:
        f = sympy.lambdify(x, expression, "math")
        expected = float(sympy.limit(expression, x, point))
        assert limit(f, float(point)) == pytest.approx(expected, rel=1e-10), expression


ANY_FLOAT = st.floats(allow_nan=True, allow_infinity=True)


@settings(deadline=None, max_examples=80)
@given(x0=ANY_FLOAT, side=st.sampled_from(["both", "left", "right"]))
def test_limit_gives_a_number_or_a_calcweb_error_for_any_x0(x0: float, side: str) -> None:
    for f in (math.exp, math.atan, lambda x: 1 / x, lambda x: x * x, math.sqrt):
        try:
            value = limit(f, x0, side=side)
        except calcweb.CalcwebError:
            continue
        assert not math.isnan(value)
        if f is math.atan and math.isfinite(x0):
            assert value == pytest.approx(math.atan(x0), rel=1e-9, abs=1e-9)
