"""A constant answered at 0 or infinity is checked closer in, as any finite value is (issue 13).

``limit(lambda x: 1 + min(1e-40/abs(x), 0.3), 0, side="right",
full_output=True)`` was 1.0 +- 2.2e-16, converged, 96 calls ("f is 1.0 at
every point sampled"): ``1e-40/x`` is 5.6e-26 at the last usual step,
``2**-49``, and ``1 + 5.6e-26`` rounds to 1, so every usual sample (and
every one farther out) is exactly 1. `_constant_run` answered the constant,
and `_one_sided` returned it before the check that every other finite value
at 0 or infinity gets: ``f`` at the deepest step closer in (`_at_the_floor`,
about 1e-92), where the term is 1.3 (the cap, the true limit), and at the
steps between when ``f`` is off the value there (`_deeper_against`,
`_grown_onto`). A constant claims most of all that ``f`` changes nothing
closer in; the check now runs on it too (`_checked_closer_in`). LIM7's cap
scan (/tmp/s12/lim7/scan_caps.py) had 20 such answers, all dishonest.

A run on which ``f`` gets stuck closer in is still rounding's: ``((1 + x) -
1)/x`` is exactly 1 at every usual sample and 0 from ``x = 2**-53`` on
(``1 + x`` rounds to 1), and its limit 1 stands.
"""

from __future__ import annotations

import math

import pytest
from limit_checks import Function, full

CAPPED = [
    # The task's: 1.3 at the deepest step; the steps between leave 1 ever faster.
    ("1 + min(1e-40/|x|, 0.3) at 0+", lambda x: 1 + min(1e-40 / abs(x), 0.3), 0.0, "right"),
    ("1 + min(1e-40/|x|, 0.3) at 0-", lambda x: 1 + min(1e-40 / abs(x), 0.3), 0.0, "left"),
    ("1 - min(1e-40/|x|, 5) at 0+", lambda x: 1 - min(1e-40 / abs(x), 5.0), 0.0, "right"),
    ("1 + min(1e-40/|x|, 1e30) at 0-", lambda x: 1 + min(1e-40 / abs(x), 1e30), 0.0, "left"),
    # At infinity: 1e-40 x is 2.5e-25 at the last usual point, 2**51.
    ("1 + min(1e-40 x, 0.3) at inf", lambda x: 1 + min(1e-40 * x, 0.3), math.inf, "left"),
    ("1 + min(1e-40 |x|, 0.3) at -inf", lambda x: 1 + min(1e-40 * abs(x), 0.3), -math.inf, "right"),
    # No cap: the limit is +inf, 6.5e6 at the deepest step.
    ("1 + 1e-100/x at 0+", lambda x: 1 + 1e-100 / x, 0.0, "right"),
]


@pytest.mark.parametrize(("name", "f", "x0", "side"), CAPPED, ids=[c[0] for c in CAPPED])
def test_a_constant_that_f_leaves_closer_in_is_refused(
    name: str, f: Function, x0: float, side: str
) -> None:
    result = full(f, x0, side)
    assert not result.converged, (name, result)
    assert result.error == math.inf, name
    assert result.value == 1.0, name
    assert "closer to x0" in result.message, name


def test_the_task_reproducer_costs_nine_calls_more_and_says_where_f_left() -> None:
    result = full(lambda x: 1 + min(1e-40 / abs(x), 0.3), 0.0, "right")
    assert result.nfev == 96 + 9  # the deepest step, then the steps between, and _grown_onto's
    # f there is 1 + 1.6e-11: shown in full, where six digits would read 1.
    assert "at 6.310887241768095e-30, it is 1.0000000000158455, which" in result.message


CONSTANT = [
    # (name, f, x0, side, value, calls)
    # f is the constant at the deepest step too: one call more; and two between
    # the steps (`_off_the_grid`), three for ((1 + x) - 1)/x, off them at every
    # depth by rounding's departures, growing toward 0.
    # At 0 and at infinity one more, at |x| = 2**-993 (2**993), past the deepest step
    # (`_beyond_the_floor`).
    ("1 at 0+", lambda x: 1.0, 0.0, "right", 1.0, 96 + 1 + 1 + 2),
    ("sign at 0-", lambda x: math.copysign(1.0, x), 0.0, "left", -1.0, 96 + 1 + 1 + 2),
    # At infinity the samples farther out than the usual ones stop at |x| = 1 (`_run_reach`).
    ("tanh at inf", math.tanh, math.inf, "left", 1.0, 50 + 1 + 1 + 2),
    ("floor at 0+", math.floor, 0.0, "right", 0.0, 65 + 1 + 1 + 2),
    # f falls from 0.37 at x = 1 to 0.018 at 1/2 and on onto 0, while the samples farther
    # out head for 1: `_lost_early` probes f between 1 and 1/2 (3 calls), and it passes.
    # Past the deepest step x**2 underflows to 0 and f fails: 1 call at 2**-993 and 6
    # bisecting to the farthest step where it does not (`_farthest_valid`).
    ("exp(-1/x**2) at 0+", lambda x: math.exp(-1.0 / x**2), 0.0, "right", 0.0, 64 + 1 + 3 + 2 + 7),
    # Rounding's run closer in (1 + x rounds to 1 from 2**-53 on): the value stands,
    # after the steps between and the halvings onto the run (_grown_onto); and 2 more between
    # the steps, at 2**-16 and 2**-32, halfway between the depths, where the departures keep
    # growing as rounding's (session 31).
    ("((1 + x) - 1)/x at 0+", lambda x: ((1 + x) - 1) / x, 0.0, "right", 1.0, 96 + 8 + 3 + 2),
]


@pytest.mark.parametrize(
    ("name", "f", "x0", "side", "value", "calls"), CONSTANT, ids=[c[0] for c in CONSTANT]
)
def test_a_constant_that_f_keeps_closer_in_stands(  # noqa: PLR0917 - the parametrized case
    name: str, f: Function, x0: float, side: str, value: float, calls: int
) -> None:
    result = full(f, x0, side)
    assert result.converged, (name, result)
    assert result.value == value, name
    assert result.nfev == calls, (name, result.nfev)


def test_away_from_0_and_infinity_a_constant_is_not_checked_closer_in() -> None:
    # x0 = 1: no float lies at the deepest step from it; nothing is sampled there.
    result = full(lambda x: 1 + min(1e-40 / abs(x - 1), 0.3), 1.0, "right")
    assert result.converged
    assert result.value == 1.0
    assert result.nfev == 96 + 2  # + 2 between the steps (`_off_the_grid`)


def test_an_extrapolated_value_past_rounding_s_run_is_not_checked_again() -> None:
    # (exp(sin x) - exp(x))/x**3 at 0+ is extrapolated from before its run of 0,
    # rounding's (the module docstring's example): no sample closer in.
    result = full(lambda x: (math.exp(math.sin(x)) - math.exp(x)) / x**3, 0.0, "right")
    assert result.converged
    assert abs(result.value + 1.0 / 6.0) <= 2.0 * result.error
    # + 2 between the steps (`_off_the_grid`), + 2 about the sample before the
    # run, which is no staircase's stair (`_stair_step`)
    assert result.nfev == 48 + 2 + 2
