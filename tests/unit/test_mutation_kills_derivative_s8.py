"""derivative's Richardson path: its refusal names the call; a constant second walk is set aside.

Since 580d295 the Richardson path of `calcweb.derivative` ends with
``trusted(found, x, n)``, which raises `NumericalError` when the best
estimate has no correct digit. `trusted` itself is pinned word for word
(test_mutation_kills_richardson_s6.py), but not what the derivative passes
it: the mutants ``trusted(found, None, n)`` and ``trusted(found, x, None)``
refuse as they should and say "at x=None" or "of order None". The oracle:
the call's own x and n in the message.

And the second walk (from 0.015 |x|, for 0 < |x| < 1e-2) is set aside when
it sees f take one value. test_derivative.py's sin(t) - t cases do not reach
that rule: the second walk carries the first one's measured noise, so at
x = -1.25e-8 it returns 0 +- 1.8e-13 against the first walk's -7.7e-17 +-
5.8e-17, and the first stands anyway (the mutant 'len(seen) == 2' survived
them). A stand-in for extrapolate returns a second estimate that would
replace the first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

from calcweb import NumericalError, derivative
from calcweb import _derivative as derivative_module
from calcweb._richardson import Estimate


def _finer_than_an_ulp(t: float) -> float:
    """exp(-1e10 (t - 1e6)): 1.2 e-folds per ulp of 1e6, the smallest step there."""
    return math.exp(-1e10 * (t - 1e6))


def test_the_refusal_names_the_point_and_the_order() -> None:
    # No step resolves f at 1e6 (test_derivative_unresolved.py): refused, and
    # the message is about this call, order 1 at x = 1e6. (Its second and
    # third derivatives are refused before trusted, for another reason.)
    with pytest.raises(NumericalError) as raised:
        derivative(_finer_than_an_ulp, 1e6)
    assert str(raised.value).startswith(
        "the difference quotients of order 1 at x=1000000.0 never settled"
    )
    assert "has no correct digit" in str(raised.value)


class _TwoWalks:
    """A stand-in for extrapolate: the first walk's estimate, then the second's, which samples f.

    The second walk calls f at ``points`` (what it sees goes into _richardson's
    ``seen``) and returns ``closer``, an estimate within the first one's error
    bars with a smaller error: the one _richardson takes, unless it saw f constant.
    """

    def __init__(self, points: list[float], closer: Estimate) -> None:
        self.points = points
        self.closer = closer
        self.calls = 0

    def __call__(self, f: Callable[[float], float], *_: float, **__: Any) -> Estimate:
        self.calls += 1
        if self.calls == 1:
            return Estimate(1e-20, 1e-14, 10, 0.015, "central")
        for t in self.points:
            f(t)
        return self.closer


@pytest.mark.parametrize(("constant", "value"), [(True, 1e-20), (False, 0.0)])
def test_a_second_walk_that_sees_one_value_is_set_aside(
    monkeypatch: pytest.MonkeyPatch, constant: bool, value: float
) -> None:
    # At x = 1e-3 the first walk's 1e-20 +- 1e-14 (error above 1e-8 of the
    # value) calls a second walk from 0.015 |x|. Where it sees f take one value
    # its quotients (0 +- 1e-18) are 0 for want of digits, not because f' is 0
    # (sin(t) - t, exactly 0 for |t| < 1.3e-8): the first estimate stands. Where
    # it sees two values the closer estimate, agreeing and smaller, replaces it.
    # (The mutant 'len(seen) == 2' takes the constant walk's 0 and sets the
    # other aside.)
    x = 1e-3
    walks = _TwoWalks([x + 1e-6, x - 1e-6], Estimate(0.0, 1e-18, 2, 1.5e-5, "central"))
    monkeypatch.setattr(derivative_module, "extrapolate", walks)
    f = (lambda t: 5.0) if constant else (lambda t: t)
    result = derivative(f, x, method="richardson", full_output=True)
    assert walks.calls == 2
    assert (result.value, result.error) == (value, 1e-14 if constant else 1e-18)
