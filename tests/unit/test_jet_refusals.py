"""A Jet refuses steps and Values with a calcweb error that says what to write (OUTSIDER11)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb as cw
from calcweb import Jet, Value


@pytest.mark.parametrize(
    "operation",
    [
        lambda x: x % 2.0,
        lambda x: 7.0 % x,
        lambda x: x // 2.0,
        lambda x: 7 // x,
        lambda x: divmod(x, 2.0),
        lambda x: divmod(7.0, x),
    ],
)
def test_a_step_on_a_jet_is_refused_with_a_sloped_rewrite(
    operation: Callable[[Jet], object],
) -> None:
    advice = r"a Jet has no % or //.*x - 2 \* \(x.value // 2\)"
    with pytest.raises(cw.ArgumentTypeError, match=advice):
        operation(Jet.variable(2.5, 2))


def test_the_advised_rewrite_of_x_mod_2_has_its_derivatives() -> None:
    x = Jet.variable(2.5, 2)
    assert (x - 2 * (x.value // 2)).coefficients == (0.5, 1.0, 0.0)


def test_round_of_a_jet_says_to_round_its_value() -> None:
    with pytest.raises(cw.ArgumentTypeError, match=r"write round\(x.value\)"):
        round(Jet.variable(2.5, 1))


@pytest.mark.parametrize(
    "operation",
    [
        lambda x, v: x * v,
        lambda x, v: v * x,
        lambda x, v: x + v,
        lambda x, v: v - x,
        lambda x, v: x / v,
        lambda x, v: x**v,
        lambda x, v: v**x,
        lambda x, v: x < v,
        lambda x, v: v >= x,
    ],
)
def test_a_jet_and_a_value_do_not_mix(operation: Callable[[Jet, Value], object]) -> None:
    with pytest.raises(cw.ArgumentTypeError, match=r"a Jet and Value\(data=2.0.* do not mix"):
        operation(Jet.variable(2.0, 2), Value(2.0))


def test_equality_of_a_jet_and_a_value_stays_false() -> None:
    # == between unlike objects is False in Python (a Jet in a list of Values is not found).
    x, v = Jet.variable(2.0, 1), Value(2.0)
    assert (x == v) is False
    assert (x != v) is True


def test_auto_still_falls_back_where_f_steps_and_ad_says_to_change_f() -> None:
    assert cw.derivative(lambda x: x % 1.0, 1.3) == pytest.approx(1.0, abs=1e-9)
    with pytest.raises(cw.ArgumentTypeError) as refusal:
        cw.derivative(lambda x: x % 1.0, 1.3, method="ad")
    message = str(refusal.value)
    assert "a Jet has no % or //" in message
    assert "Change f as it says, or use method='richardson'" in message
    assert "instead of math's" not in message  # % is Python's, not math's
    with pytest.raises(cw.ArgumentTypeError, match="instead of math's"):
        cw.derivative(lambda x: 2.0 * math.sin(x), 1.3, method="ad")  # the generic advice stays
