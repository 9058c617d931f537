"""calcweb.functions on floats, complex numbers and duck-typed objects."""

from __future__ import annotations

import cmath
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calcweb
from calcweb import functions

NAMES = [name for name in functions.__all__ if name != "pow"]
MATH = {
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "exp": math.exp,
    "log": math.log,
    "log1p": math.log1p,
    "sqrt": math.sqrt,
    "tanh": math.tanh,
    "sinh": math.sinh,
    "cosh": math.cosh,
    "sigmoid": lambda x: 1 / (1 + math.exp(-x)),
    "relu": lambda x: max(x, 0.0),
    # log1p keeps the oracle exact where exp(x) is tiny (log(1 + e) loses its digits).
    "softplus": lambda x: math.log1p(math.exp(x)),
    "abs": math.fabs,
    "atan": math.atan,
    "asin": math.asin,
    "acos": math.acos,
    "erf": math.erf,
}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("x", [0.25, 0.5, 0.9, -0.7])
def test_floats_agree_with_math(name: str, x: float) -> None:
    if name in ("log", "sqrt") and x < 0:
        x = -x
    result = getattr(calcweb, name)(x)
    assert type(result) is float
    assert result == pytest.approx(MATH[name](x), rel=1e-15, abs=1e-300)


def test_ints_give_floats() -> None:
    assert calcweb.exp(0) == 1.0
    assert type(calcweb.exp(0)) is float
    assert calcweb.pow(2, 3) == 8.0


@pytest.mark.parametrize(
    ("name", "x"),
    [
        ("log", 0.0),
        ("log", -1.0),
        ("sqrt", -1e-300),
        ("asin", 2.0),
        ("acos", -1.5),
        ("log1p", -1.0),
    ],
)
def test_points_outside_the_domain_raise_domain_error(name: str, x: float) -> None:
    with pytest.raises(calcweb.DomainError, match="undefined") as info:
        getattr(calcweb, name)(x)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(("base", "exponent"), [(-8.0, 1 / 3), (0.0, -1.0), (-1.0, 0.5)])
def test_pow_without_a_real_result_raises_domain_error(base: float, exponent: float) -> None:
    with pytest.raises(calcweb.DomainError):
        calcweb.pow(base, exponent)


@pytest.mark.parametrize(("name", "x"), [("exp", 710.0), ("sinh", -711.0), ("cosh", 1e3)])
def test_overflow_raises_numerical_error(name: str, x: float) -> None:
    with pytest.raises(calcweb.NumericalError, match="overflows"):
        getattr(calcweb, name)(x)
    with pytest.raises(calcweb.NumericalError):
        calcweb.pow(10.0, 400.0)


def test_sigmoid_and_softplus_are_stable_in_the_tails() -> None:
    assert calcweb.sigmoid(-1000.0) == 0.0
    assert calcweb.sigmoid(1000.0) == 1.0
    assert calcweb.sigmoid(-40.0) == pytest.approx(math.exp(-40.0), rel=1e-15, abs=0.0)
    assert calcweb.softplus(1000.0) == 1000.0
    assert calcweb.softplus(-1000.0) == 0.0
    assert calcweb.softplus(-40.0) == pytest.approx(math.exp(-40.0), rel=1e-15, abs=0.0)
    assert calcweb.relu(-0.0) == 0.0
    assert math.copysign(1.0, calcweb.relu(-0.0)) == 1.0


class Dual:
    """A stand-in for calcweb.nn.Value: any object with methods of the same names."""

    def __init__(self, data: float) -> None:
        self.data = data

    def __getattr__(self, name: str) -> Any:
        if name in MATH:
            return lambda: ("called", name)
        raise AttributeError(name)


@pytest.mark.parametrize("name", NAMES)
def test_other_objects_are_dispatched_to_their_method(name: str) -> None:
    assert getattr(calcweb, name)(Dual(1.0)) == ("called", name)


def test_objects_without_the_method_are_refused() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match=r"\.sin\(\) method"):
        calcweb.sin("1.0")
    with pytest.raises(calcweb.ArgumentTypeError, match="pow"):
        calcweb.pow("2", 3)


@pytest.mark.parametrize("name", ["sin", "exp", "log", "sqrt", "tanh", "atan", "sigmoid"])
def test_complex_arguments_use_cmath(name: str) -> None:
    z = complex(0.3, 0.2)
    oracle = {"sigmoid": lambda w: 1 / (1 + cmath.exp(-w))}.get(name) or getattr(cmath, name)
    assert getattr(calcweb, name)(z) == pytest.approx(oracle(z), rel=1e-15)
    assert calcweb.pow(z, 2) == pytest.approx(z * z)


@given(x=st.floats(allow_nan=True, allow_infinity=True))
def test_every_function_returns_a_finite_float_or_a_calcweb_error(x: float) -> None:
    for name in NAMES:
        try:
            result = getattr(calcweb, name)(x)
        except calcweb.CalcwebError:
            continue
        assert math.isfinite(result), (name, x, result)
        try:
            expected = MATH[name](x)
        except (OverflowError, ValueError):
            continue  # the naive oracle overflows where calcweb is stable
        assert result == pytest.approx(expected, rel=1e-12, abs=1e-300), (name, x)


@given(x=st.floats(), y=st.floats())
def test_pow_returns_a_finite_float_or_a_calcweb_error(x: float, y: float) -> None:
    try:
        result = calcweb.pow(x, y)
    except calcweb.CalcwebError:
        return
    assert math.isfinite(result)
    assert result == math.pow(x, y)
