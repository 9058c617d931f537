"""DEROSC (session 24): a forward-minus-central gap that swings and does not shrink.

Where f is even about x (odd for n = 2) the central quotients cancel its
oscillation and settle, while the one-sided ones swing by as much at every
step: no derivative exists. `_even_part_crossing` sees the gap, forward
minus central quotient at one step (free of the estimate's error), change
sign beyond rounding and not shrink as h falls, and hands the verdict to the
forward walk of `_check_one_sided_settle`, which never settles there.
Derivatives that exist where f is not smooth (their gaps swing but shrink,
`_gap_shrinks`) and smooth f stay answered.
"""

import math
from collections.abc import Callable

import pytest

from calcweb import DomainError, derivative
from calcweb._richardson import _crosses, _gap_shrinks


def _even_cos(c: float, s: float, a: float) -> Callable[[float], float]:
    """``a |u| cos(1/u)`` for ``u = (x - c) / s``: no derivative at ``c``."""
    return lambda x: a * abs((x - c) / s) * math.cos(s / (x - c)) if x != c else 0.0


def _odd_sin(c: float, s: float, a: float, slope: float) -> Callable[[float], float]:
    """``a u**2 sin(1/u) + slope (x - c)``: no second derivative at ``c``."""
    return lambda x: (
        a * ((x - c) / s) ** 2 * math.sin(s / (x - c)) + slope * (x - c) if x != c else 0.0
    )


# (name, f, x0, n): each answered 0 within a small error before (a lie), now refused.
NO_DERIVATIVE = [
    # 0 +- 0.154 before: the noise measured was f's own swing.
    ("|x| cos(1/x) at 0", lambda x: abs(x) * math.cos(1 / x) if x else 0.0, 0.0, 1),
    # 0 +- 1.35e-4 before (DERNX's family, seed 1, draw 96).
    (
        "|u| cos(1/u) at 2.967",
        _even_cos(2.967186052687972, 0.1271570144315828, 0.048902368008913094),
        2.967186052687972,
        1,
    ),
    # f'' at c: 0 +- 1.1e-13 before (DERNX's family, seed 1, draw 33).
    (
        "u**2 sin(1/u), n = 2, at 0.912",
        _odd_sin(0.9120632070760233, 68.07543759803075, 0.0017632485158046616, -1.2527485991497298),
        0.9120632070760233,
        2,
    ),
]


@pytest.mark.parametrize(
    ("f", "x0", "n"), [pytest.param(*case[1:], id=case[0]) for case in NO_DERIVATIVE]
)
def test_a_gap_that_swings_and_stays_is_refused(
    f: Callable[[float], float], x0: float, n: int
) -> None:
    with pytest.raises(DomainError, match="quotients from the right never settle"):
        derivative(f, x0, n, full_output=True)


def _power_cos(c: float, s: float, a: float, slope: float) -> Callable[[float], float]:
    """``a |u|**1.64 cos(2 / |u|**0.5) + slope (x - c)``: f'(c) = slope exists."""

    def f(x: float) -> float:
        u = abs((x - c) / s)
        return a * u**1.64 * math.cos(2.0 / u**0.5) + slope * (x - c) if u else 0.0

    return f


# (name, f, x0, f'(x0), largest error allowed): the gap swings, but shrinks as h**0.64
# or h; refused without `_gap_shrinks` (the forward walk settles to too small an error).
EXISTS = [
    (
        "|u|**1.64 cos(2/sqrt|u|) at 227.85",
        _power_cos(227.85, 12.54, 1.06e-6, -0.546),
        227.85,
        -0.546,
        1e-10,
    ),
    (
        "u**2 cos(0.59/u) at 1",
        lambda x: (x - 1.0) ** 2 * math.cos(0.59 / (x - 1.0)) if x != 1.0 else 0.0,
        1.0,
        0.0,
        1e-5,
    ),
]


@pytest.mark.parametrize(
    ("f", "x0", "exact", "largest"), [pytest.param(*case[1:], id=case[0]) for case in EXISTS]
)
def test_a_gap_that_swings_and_shrinks_is_answered(
    f: Callable[[float], float], x0: float, exact: float, largest: float
) -> None:
    result = derivative(f, x0, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error + 1e-15
    assert result.error < largest


def test_a_crest_whose_gap_crosses_once_is_answered() -> None:
    # f'' of a sine near a crest: the gap, 4 sin(k h / 2)**2 cos(phase + k h / 2) ...,
    # crosses 0 once (1.1e10 down to -4.1e6 at steps 3e-6 to 4.8e-8) and shrinks.
    k, c, x = 226626.78, 3.5034, -0.08689815125862019
    result = derivative(lambda t: math.sin(k * t + c), x, 2, full_output=True)
    exact = -(k**2) * math.sin(k * x + c)
    assert abs(result.value - exact) <= 2.0 * result.error + 1e-9 * abs(exact)


def test_the_gaps_of_an_oscillation_do_not_shrink() -> None:
    # |x| cos(1/x) at 0: the gap is cos(1/h) at every step (its rounding 2x below).
    steps = [3.45e-5 / 2**k for k in range(5)]
    gaps = [(h, math.cos(1 / h), 0.1 * 3.45e-5 / h) for h in steps]
    assert _crosses(gaps)
    assert not _gap_shrinks(gaps)
    # x**2 cos(1/x): the gap h cos(1/h) shrinks as h.
    shrinking = [(h, h * math.cos(1 / h), 1e-12) for h in steps]
    assert _crosses(shrinking)
    assert _gap_shrinks(shrinking)


def test_steps_too_few_do_not_tell() -> None:
    # Two steps 4 apart show no shrinking: the forward walk decides.
    assert not _gap_shrinks([(1e-3, 1.0, 1e-9), (2.5e-4, -1e-6, 1e-9)])


def test_a_gap_within_rounding_at_small_steps_counts_as_its_rounding() -> None:
    upper = [(8e-3, 1.0, 1e-3), (4e-3, -1.0, 1e-3)]
    quiet = [(2e-3, 0.0, 1e-3), (1e-3, 0.0, 1e-3)]  # far below sqrt(1/8) of 1
    loud = [(2e-3, 0.0, 0.9), (1e-3, 0.0, 0.9)]  # rounding too large to tell
    assert _gap_shrinks(upper + quiet)
    assert not _gap_shrinks(upper + loud)


def test_orders_three_and_up_are_left_to_the_other_checks() -> None:
    # The gap of sin's 5th quotients at -0.152 crosses 0 once (-0.16 to +0.014 at
    # steps 0.35 to 0.0875) and shrinks as h beyond, but a forward walk of order 5
    # never settles there: judged for n >= 3, this right answer was refused.
    x = -0.15211183484243662
    result = derivative(math.sin, x, 5, full_output=True)
    assert abs(result.value - math.cos(x)) <= 2.0 * result.error + 1e-15
