"""Session 19 (LIM23): limits beside far features (farscan), each a lie on main at cfdd228.

A lie: the true limit more than twice the reported error from the value,
converged (ratio in each comment). ``f = g(t) + a phi(|x - x0|)``: a cancelling
quotient ``g`` of ``t = (x - x0)/c`` beside a feature ``phi`` at ``|x - x0| = D``.
A kink or a cut-off inside the usual samples: the estimate came from the first
samples, beyond ``D``, and the entries closer in, which contradict it, were not
surer of themselves, so they did not count (`_disputed`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit
from calcweb.limits import _digits_lost, _disputed, _Entry


def _honest(f: Callable[[float], float], x0: float, exact: float) -> LimitResult:
    result = limit(f, x0, side="both", full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error, result
    return result


def _expm1_over_h(c: float, x0: float, phi: Callable[[float], float]) -> Callable[[float], float]:
    return lambda x: (math.exp((x - x0) / c) - 1.0) / (x - x0) + phi(abs(x - x0))


@pytest.mark.parametrize(
    ("c", "big", "a", "x0", "phi"),
    [
        # 0.00487169531394554 +- 1.1e-13 (8.3e7 errors off): the kink's side, not x0's.
        (205.63753475630807, 9.37223475567298e-06, -8.76986998127494e-06, 0.0, "kink"),
        # 0.0009133593740836305 +- 5.3e-14 (2.8e4)
        (1094.8575348934824, 0.0042982769199588974, 1.4679677352462297e-09, 0.0, "kink"),
        # 3.865984759307039e-05 +- 1.5e-14 (2.7e3)
        (
            25866.604435520152,
            0.21354044353044174,
            -3.922976343787725e-11,
            -8.332200524019044,
            "cutoff",
        ),
    ],
)
def test_a_feature_among_the_usual_samples_is_not_read_past(
    c: float, big: float, a: float, x0: float, phi: str
) -> None:
    term = {
        "kink": lambda h: a * max(0.0, h - big) / big,
        "cutoff": lambda h: a * (h > big),
    }[phi]
    _honest(_expm1_over_h(c, x0, term), x0, 1.0 / c)


def _entry(value: float, last: int) -> _Entry:
    return _Entry(value, 0.0, 1, last)


def test_disputed_is_how_far_a_contradicting_entry_closer_in_lies() -> None:
    entries = [_entry(1.0, 3), _entry(1.5, 5), _entry(1.01, 6), _entry(3.0, 9)]
    errors = [0.01, 0.05, 0.01, 0.1]
    # 1.5 +- 0.05 lies 0.5 off, beyond JUMP (0.01 + 0.05); 1.01 is within; 3.0 is past the end
    assert _disputed(0, entries, errors, 8) == pytest.approx(0.55)
    assert _disputed(0, entries, errors, 10) == pytest.approx(2.1)
    assert _disputed(0, entries, [0.01, 0.2, 0.01, 0.1], 8) == 0.0  # 0.5 within JUMP * 0.21
    assert _disputed(2, entries, errors, 8) == 0.0  # entries before it are no witnesses


def test_digits_lost_where_the_noise_reaches_a_quarter_of_f() -> None:
    assert _digits_lost([1.0, 1.0, 2.0, 1.0], [0.1, 0.2, 0.4, 0.25]) == 3
    assert _digits_lost([1.0, -1.0], [0.1, 0.2]) == 2
