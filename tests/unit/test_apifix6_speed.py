"""Jet arithmetic and calcweb's functions with a float, written out (session 30, APIFIX6).

``hessian`` calls f on jets n (n + 1) / 2 times (and once more per entry that
polarisation would lose): a sum in f adds each of its float terms to a jet,
and calls calcweb's functions on floats. Written out, these take the same
numbers and refusals as the general paths, which are the oracle here.
"""

from __future__ import annotations

import math

import pytest

import calcweb as cw
from calcweb import Jet, _real
from calcweb.exceptions import CalcwebError, NumericalError
from calcweb.jet import RoundedFloat

# Jet and float, written out: the numbers of the general path.


class _Float(float):
    """A float by another type: Jet's arithmetic takes its general path (`Jet._coerce`)."""


@pytest.mark.parametrize("bounded", [False, True])
def test_a_jet_and_a_float_give_the_general_paths_numbers(bounded: bool) -> None:
    coefficients = [0.25, -0.0, 3.0, -0.0, 0.0]  # -0.0 + 0.0 is 0.0, -0.0 - 0.0 is -0.0
    jet = Jet._of([RoundedFloat(c, 1e-17) for c in coefficients] if bounded else coefficients)
    k = 0.1
    for ours, general in [
        (jet + k, jet + _Float(k)),
        (k + jet, _Float(k) + jet),
        (jet - k, jet - _Float(k)),
        (k - jet, _Float(k) - jet),
        (jet * k, jet * _Float(k)),
        (k * jet, _Float(k) * jet),
    ]:
        a, b = ours.coefficients, general.coefficients
        assert a == b
        assert [math.copysign(1.0, x) for x in a] == [math.copysign(1.0, x) for x in b]
        assert [type(x) for x in a] == [type(x) for x in b]
        if bounded:
            assert [x.bound for x in a] == [x.bound for x in b]  # type: ignore[attr-defined]


def test_a_jet_plus_a_float_still_refuses_an_overflow() -> None:
    with pytest.raises(NumericalError, match="overflowed"):
        Jet.variable(1.7e308, 2) + 1.7e308
    with pytest.raises(CalcwebError):
        Jet.variable(1.0, 2) + math.nan


# calcweb's functions on a float, written out: unary's numbers and refusals.


def _outcome(compute: object) -> object:
    try:
        return compute()  # type: ignore[operator]
    except CalcwebError as error:
        return type(error), str(error)


@pytest.mark.parametrize("name", sorted(_real.UNARY))
def test_a_function_of_a_float_is_unarys(name: str) -> None:
    for x in [0.0, -0.0, 0.5, -0.5, 2.0, -3.0, 800.0, -800.0, math.inf, -math.inf, math.nan]:
        ours = _outcome(lambda x=x: getattr(cw, name)(x))
        theirs = _outcome(lambda x=x: _real.unary(name, x))
        both_nan = isinstance(ours, float) and math.isnan(ours) and math.isnan(theirs)  # type: ignore[arg-type]
        assert ours == theirs or both_nan, (name, x)
        if isinstance(ours, float):
            assert math.copysign(1.0, ours) == math.copysign(1.0, theirs)  # type: ignore[arg-type]
