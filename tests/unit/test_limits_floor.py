"""A quiet finite limit at 0 or infinity is checked at the deepest step closer in (issue 13).

A term too small for the usual samples (``k/h**p`` below a quiet ``f``'s
error at ``h = 2**-49``) and growing toward x0 made converged, dishonest
answers: a quiet ``f`` (error above its rounding noise over JUMP) was never
sampled closer in. bench.honesty limits-hidden-slow had 40 (seed 1) and 32
(seed 2) such answers in 600 draws, all ``x**0.75 + k/x**p`` at 0 or inf.
`_at_the_floor` samples ``f`` once, at the deepest of the steps closer in
(``h DEEP_RATIO**DEEP_STEPS``, about 1e-92), where such a term is largest;
``f`` off the value there by more than JUMP times its error and rounding is
sampled at the steps between (`_until_run`), and `_deeper_against` judges
them as it judges a noisy value's. A run on which ``f`` gets stuck there is
rounding's, but ``f`` stays on it: ``f`` off it at the deepest step refuses.

Each case in HIDDEN is answered, converged and wrong, by calcweb/limits.py
before this change.
"""

from __future__ import annotations

import math

import pytest
from limit_checks import Function, full

from calcweb import LimitResult, limit
from calcweb.limits import _EPS, JUMP, ULPS, _fits, _OneSided

HIDDEN = [
    # 5.6e-56 at the last usual step, 2**-49, where the value is 1.8e-12 +- 3.6e-12.
    ("x**0.75 + 1e-70/x at 0+", lambda x: x**0.75 + 1e-70 / x, 0.0, "right"),
    ("x**0.75 - 1e-70/x at 0+", lambda x: x**0.75 - 1e-70 / x, 0.0, "right"),
    # The issue's: -1.4e-15 +- 3.0e-15 (true -inf).
    ("x log x - 1e-50/x**2 at 0+", lambda x: x * math.log(x) - 1e-50 / x**2, 0.0, "right"),
    # limits-hidden-slow seed 1: at infinity, x**0.75 at 1/x plus 8.8e-34 sqrt(x).
    ("x**-0.75 + 8.8e-34 sqrt(x) at inf", lambda x: x**-0.75 + 8.8e-34 * x**0.5, math.inf, "left"),
    # limit's docstring had it: 1 at every usual point, its limit 0.
    ("x/(x + 1e-30) at 0+", lambda x: x / (x + 1e-30), 0.0, "right"),
    # f fails at the deepest step (x**4 underflows to 0): the steps between
    # show the term (7.3e-7 at x = 3.4e-49).
    ("x**0.75 + 1e-200/x**4 at 0+", lambda x: x**0.75 + 1e-200 / x**4, 0.0, "right"),
    # Stuck on 1.0 at the first three steps in (1 + x rounds to 1, and the
    # term with it), 2.8e75 at the deepest.
    (
        "(1 + x)**(1/x) + 1e-200/x**3 at 0+",
        lambda x: (1 + x) ** (1 / x) + 1e-200 / x**3,
        0.0,
        "right",
    ),
]


@pytest.mark.parametrize(("name", "f", "x0", "side"), HIDDEN, ids=[r[0] for r in HIDDEN])
def test_a_term_that_shows_only_closer_in_is_refused(
    name: str, f: Function, x0: float, side: str
) -> None:
    result = full(f, x0, side)
    assert not result.converged, (name, result)
    assert "closer to x0" in result.message, name
    assert result.error == math.inf


@pytest.mark.parametrize(
    ("name", "f", "x0", "exact", "extra"),
    [
        # f is the value at the deepest step: one evaluation more, and one more at
        # |x| = 2**-993 (2**993 at infinity, `_beyond_the_floor`).
        ("sin(x)/x", lambda x: math.sin(x) / x, 0.0, 1.0, 1 + 1),
        ("x**0.75", lambda x: x**0.75, 0.0, 0.0, 1 + 1),
        ("x log x", lambda x: x * math.log(x), 0.0, 0.0, 1 + 1),
        ("atan(x) at inf", math.atan, math.inf, math.pi / 2, 1 + 1),
        # 0 there (1 + x rounds to 1): the steps between, three zeros from the
        # first, and 4 at the halvings before them, where f falls onto the run
        # (`_grown_onto`).
        # Each + 2 more between the steps, where rounding's noise is off f's trend
        # at the deeper depths (`_off_the_grid`), and + 1 halfway between those
        # depths, where its growth is confirmed, + 2 halfway out from the shallower
        # (both points there: an oscillation in step with int(n) shows at one; session 32).
        ("log(1 + x)/x", lambda x: math.log(1 + x) / x, 0.0, 1.0, 1 + 3 + 4 + 2 + 1 + 2),
        # 1.0 there and three steps in ((1 + x)**(1/x), (1 + 1/x)**x), and 4 before.
        ("(1 + x)**(1/x)", lambda x: (1 + x) ** (1 / x), 0.0, math.e, 1 + 3 + 4 + 2 + 1 + 2),
        (
            "(1 + 1/x)**x at inf",
            lambda x: (1 + 1 / x) ** x,
            math.inf,
            math.e,
            1 + 3 + 4 + 2 + 1 + 2,
        ),
    ],
)
def test_a_quiet_limit_costs_one_evaluation_more_or_eight_where_f_gets_stuck(
    name: str, f: Function, x0: float, exact: float, extra: int
) -> None:
    side = "left" if x0 == math.inf else "right"
    result = full(f, x0, side)
    assert result.converged, (name, result.message)
    assert abs(result.value - exact) <= 2.0 * result.error, name
    assert result.nfev == 48 + extra + 2, name  # + 2 between the steps (`_off_the_grid`)


@pytest.mark.parametrize(("name", "f", "x0", "side"), HIDDEN[:5], ids=[r[0] for r in HIDDEN[:5]])
def test_the_deepest_step_is_sampled_once(name: str, f: Function, x0: float, side: str) -> None:
    # f off the value there calls for the steps between, which end at the
    # deepest step: f there is the sample already taken, not a second call.
    points: list[float] = []

    def g(x: float) -> float:
        points.append(x)
        return f(x)

    result = full(g, x0, side)
    assert not result.converged, name
    assert len(points) == len(set(points)) == result.nfev == 48 + 16, name


def test_the_deepest_sample_counts_among_the_steps_between() -> None:
    # f leaves the value only at the deepest step (about 1.5e-92; the step
    # before it is 1e-87): that sample, taken once, refuses the value.
    result = full(lambda x: x**0.75 + (1.0 if x < 1e-90 else 0.0), 0.0, "right")
    assert not result.converged
    assert "closer to x0, at 1.5340917079055395e-92, it is 1," in result.message
    assert result.nfev == 48 + 16


def test_away_from_0_and_infinity_nothing_is_sampled_closer_in() -> None:
    assert (
        full(lambda x: math.sin(x - 1) / (x - 1), 1.0, "right").nfev == 48 + 2
    )  # + 2 between the steps (`_off_the_grid`)


def test_a_term_still_below_the_error_at_the_far_end_shows_nothing() -> None:
    # The contract: 1e-315/x is 1e-16 at x = 2**-993 (1e-299), far below x**0.75's error.
    value = limit(lambda x: x**0.75 + 1e-315 / x, 0.0, side="right")
    assert isinstance(value, float)
    assert abs(value) < 1e-11


def test_a_term_below_the_error_at_the_deepest_step_shows_at_the_far_end() -> None:
    # 1e-120/x is 6.5e-29 at the deepest step, x = 1.5e-92, far below x**0.75's error
    # (3.6e-12), and was answered 1.8e-12 so; its limit is +inf, and it is 1e179 at
    # 2**-993 (`_beyond_the_floor`): refused.
    result = limit(lambda x: x**0.75 + 1e-120 / x, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged, result


def test_fits_means_within_jump_times_the_error_and_the_rounding() -> None:
    value = _OneSided(1.0, 1e-10, True, "")
    room = JUMP * 1e-10 + ULPS * _EPS * 1.0
    assert _fits(1.0 + 0.99 * room, value)
    assert not _fits(1.0 + 1.01 * room, value)
    exact = _OneSided(1.0, 0.0, True, "")  # no error: rounding alone
    assert _fits(1.0 + ULPS * _EPS, exact)
    assert not _fits(1.0 + 2 * ULPS * _EPS, exact)
    assert not _fits(math.nan, value)  # f failed there


def test_a_slow_law_that_the_estimate_absorbed_is_no_rounding() -> None:
    # limits-hidden-slow seed 4 (held out): true limit +inf. The term dominates
    # the last usual samples, the rough estimate (4.1e-7 +- 3.1e-8) absorbed
    # it, and its 16 samples closer in grow like x**-0.25 (7.8e-6 at 2.7e-20,
    # 9.0e12 at 1.5e-92). Taken back to the usual samples, where they cross the
    # value, the law looked excluded by their departures from it (rounding's):
    # it is not by their steps, which it makes.
    k = 1.003871948618416e-10
    result = full(lambda x: math.sqrt(x) + k / x**0.25, 0.0, "right")
    assert not result.converged
    assert "closer to x0" in result.message
