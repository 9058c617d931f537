"""Session 19 (LIM23): limits beside far features (farscan), each a lie on main at cfdd228.

A lie: the true limit more than twice the reported error from the value,
converged (ratio in each comment). ``f = g(t) + a phi(|x - x0|)``: a cancelling
quotient ``g`` of ``t = (x - x0)/c`` beside a feature ``phi`` at ``|x - x0| = D``.
A kink or a cut-off inside the usual samples: the estimate came from the first
samples, beyond ``D``, and the entries closer in, which contradict it, were not
surer of themselves, so they did not count (`_disputed`). A term left beside
``g`` once rounding cancels all of ``g``'s digits: the samples settle on it,
and it was read as the limit (`_read_past_loss`).
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


@pytest.mark.parametrize(
    ("c", "b"),
    # at c = 1000: 5.000000074505806 +- 2.9e-7, -0.25000003 and 0.010000001 +- 2.9e-7 (1.7e6
    # each); at c = 10 and 100 answered honestly (guards: the noise never reaches f's size)
    [(1000.0, 5.0), (1000.0, -0.25), (1000.0, 0.01), (10.0, 5.0), (100.0, -0.25)],
)
def test_what_rounding_leaves_of_f_is_not_its_limit(c: float, b: float) -> None:
    def f(x: float) -> float:
        t = x / c
        return (1.0 - math.cos(t)) / t**2 + b * (1.0 + x)

    result = limit(f, 0.0, side="right", full_output=True)
    assert not result.converged or abs(result.value - (0.5 + b)) <= 2.0 * result.error, result


@pytest.mark.parametrize(
    ("g", "c", "big", "a", "side"),
    [
        # -0.24696190476152427 +- 4.7e-7 (1.1e6): the pole's term alone, once cos(t) rounds to 1
        ("1-cos", 81250.65659266981, 447.06096191130837, 0.24696190054695408, "left"),
        # -7.250660356389702e-13 +- 1.4e-16 (1.7e6): once sqrt(1 + t) rounds to 1
        ("sqrt", 2101271886.4944015, 10519277.372380964, 7.250660356389697e-13, "right"),
    ],
)
def test_a_pole_term_left_by_rounding_is_not_the_limit(
    g: str, c: float, big: float, a: float, side: str
) -> None:
    def f(x: float) -> float:
        t, h = x / c, abs(x)
        base = (1.0 - math.cos(t)) / t**2 if g == "1-cos" else (math.sqrt(1.0 + t) - 1.0) / x
        return base + a * big / (h - big)

    limit_g = 0.5 if g == "1-cos" else 0.5 / c  # g's limit at 0
    result = limit(f, 0.0, side=side, full_output=True)
    assert not result.converged or abs(result.value - (limit_g - a)) <= 2.0 * result.error, result


def test_digits_lost_where_the_noise_reaches_a_quarter_of_f() -> None:
    assert _digits_lost([1.0, 1.0, 2.0, 1.0], [0.1, 0.2, 0.4, 0.25]) == 3
    assert _digits_lost([1.0, -1.0], [0.1, 0.2]) == 2


@pytest.mark.parametrize(
    ("f", "x0", "exact"),
    [
        (lambda x: math.sin(1e8 * x) / x, 0.0, 1e8),
        (lambda x: math.sqrt(x**2 + 1e6 * x) - x, math.inf, 5e5),
    ],
)
def test_samples_far_out_that_still_move_contradict_nothing(
    f: Callable[[float], float], x0: float, exact: float
) -> None:
    # Their noise bound (`_noise` reads f moving as noise) reaches f's size early,
    # but they head for no value (30 +- 20, 7936 +- 2310): the limit stands.
    result = limit(f, x0, side="both" if x0 == 0.0 else "left", full_output=True)
    assert result.converged
    assert abs(result.value - exact) <= 2.0 * result.error
