"""Session 32 (LIMSLOW): an unsettled estimate's error reaches ``f`` at the closest sample.

With ``full_output=True`` a limit the samples cannot tell comes back with
``converged=False`` and the walk's best estimate; its error was the walk's
own, far below its miss where ``f`` approaches its limit too slowly for the
floats (OUTSIDER14's strict xfails, now passing in test_outsider14.py;
logscan seeds 1-2 had 82 such lies of 600 draws, slowscan 44). The error now
reaches ``f`` at the point sampled closest to x0, plus what ``f``'s last
changes there add up to beyond it (`limits._reaching_closer_in`).
"""

from __future__ import annotations

import math

import pytest

from calcweb import NumericalError, limit


def _slowly_to_0(x0: float, g: str) -> object:
    """slowscan's ``1e-4 g(h)``, ``h = |x - x0|/(2 max(1, |x0|))``: its limit at x0 is 0."""
    scale = 2.0 * max(1.0, abs(x0))
    if g == "1/log(-log h)":
        return lambda x: 1e-4 / math.log(-math.log(abs(x - x0) / scale))
    return lambda x: 1e-4 * (abs(x - x0) / scale) ** 0.01


def test_steps_that_shrink_ever_slower_at_a_finite_point_leave_an_infinite_error() -> None:
    # Was 2.7951156664101543e-05 +- 2.8e-06 from the right (limit 0): f is still
    # 2.8e-5 at the walk's last step, 0.782 + 1.8e-15, and its moves over blocks of
    # 8 halvings shrink by a ratio that rises (0.68, then 0.74): no tail bounds them.
    result = limit(_slowly_to_0(0.782, "1/log(-log h)"), 0.782, side="right", full_output=True)
    assert not result.converged
    assert result.error == math.inf
    assert "shrink too slowly to bound what they add up to beyond it" in result.message


def test_a_tiny_power_at_a_finite_point_has_an_error_that_covers_its_miss() -> None:
    # Was 6.969708872623902e-05 +- 8.7e-06 from the right (limit 0); now +- 1.4e-4,
    # the tail of steps that shrink by 2**-0.01 a halving.
    result = limit(_slowly_to_0(5.86e6, "h**0.01"), 5.86e6, side="right", full_output=True)
    assert not result.converged
    assert abs(result.value) <= 2.0 * result.error < math.inf


def test_the_refusal_says_where_f_was_sampled_closest_and_how_far_the_error_reaches() -> None:
    with pytest.raises(NumericalError) as info:
        limit(lambda x: x**0.01, 0.0, side="right")
    message = str(info.value)
    assert message.startswith("f does not settle as x approaches x0 from the right")
    assert message.endswith(
        "; f is 0.000838443 at 2.2250738585072014e-308, the point sampled closest to x0, "
        "and the estimate's error is widened to 0.71, to reach f there and what f's last "
        "changes add up to beyond it; pass full_output=True to get the estimate anyway"
    )
    result = limit(lambda x: x**0.01, 0.0, side="right", full_output=True)
    assert result.message == message
    assert result.error == pytest.approx(0.7074777766940505, rel=1e-12)


def test_only_the_samples_on_the_side_taken_count() -> None:
    # From the left f settles on 5 (in u = 1/log|x|, sampled out to -2**-1022);
    # from the right it is x**0.01 and fails below 1e-300, so its closest sample
    # is 2**-722.7 (f 0.0067): the left's 5.0 at -2**-1022 is nothing to reach.
    def f(x: float) -> float:
        if x < 0.0:
            return 5.0 + (-x) ** 0.05
        if x < 1e-300:
            raise ValueError("not so close")
        return x**0.01

    result = limit(f, 0.0, full_output=True)
    assert not result.converged
    assert result.left == 5.0
    assert abs(result.value) <= 2.0 * result.error
    assert result.error < 1.0  # 0.73, to 0.0067 (from 4.3 to the left's 5.0 at -2**-1022)


def test_an_error_that_reaches_the_closest_samples_already_is_kept() -> None:
    # f heads for 17.36 (the larger base) too slowly for the walk; its samples
    # closest in are within the estimate's error of it, which stands, as does the message.
    result = limit(lambda x: (17.36**x + 16.17**x) ** (1 / x), math.inf, full_output=True)
    assert not result.converged
    assert result.error == pytest.approx(0.050432462504641506, rel=1e-12)
    assert "closest" not in result.message


def test_a_scatter_closest_to_x0_is_reached_by_its_farthest_sample() -> None:
    # cos at -1.1e181, where the floats are 1.8e165 apart: every sample is cos at a
    # new phase. Was -0.5640215833906596 +- 0.51 from the right (limit cos(x0) =
    # 0.9687); now the error reaches the farthest of the 8 samples closest to x0.
    x0 = -1.1065076794023301e181
    result = limit(math.cos, x0, side="right", full_output=True)
    assert not result.converged
    assert abs(result.value - 0.9687487421009894) <= 2.0 * result.error <= 4.0
    assert "does not move one way" in result.message


def test_a_run_f_arrives_on_closest_to_x0_is_no_rounding() -> None:
    # logscan seed 1: c + a t**0.1 log t, t = s/|x| at -inf, is c exactly at the
    # samples closest in (the term below c's rounding), reached by ever smaller
    # changes. Was -511.9801993483 +- 0.0029 (limit -511.545).
    a, s = 0.11831431313068726, 0.07928205990344388
    result = limit(
        lambda x: -511.545 + a * (s / -x) ** 0.1 * math.log(s / -x),
        -math.inf,
        full_output=True,
    )
    assert not result.converged
    assert abs(result.value + 511.545) <= 2.0 * result.error < 1.0


def test_a_run_rounding_leaves_closest_to_x0_is_not_reached() -> None:
    # farscan seed 2: (exp(t) - 1)/t, t = x/5.4e8, is 1.0021 down to x = 2**-23 and
    # exactly 0 from 2**-24 on (exp(t) rounds to 1): the walk leaves that run out,
    # and so does the error, 3.8e-6 (it would reach 1.0 at the run).
    c = 538013867.5279665
    result = limit(lambda x: (math.exp(x / c) - 1) / (x / c), 0.0, full_output=True)
    assert not result.converged
    assert result.error == pytest.approx(3.822818453014243e-06, rel=1e-12)
