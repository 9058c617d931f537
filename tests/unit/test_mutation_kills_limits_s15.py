"""Mutation tests for limits' `_checked_closer_in` (session 15's mutmut run, at b925eaa).

Session 14's run stopped after 33 of its 177 mutants; session 15 ran them all.
Each test states a rule of its docstring and comments at a point no other
test reaches: the last sample's noise (not the one before) sends f closer in
at every step; f growing without bound at 0 or either infinity is followed
closer in and checked along a log's line, whose verdict is the answer; f
off a run it got stuck on closer in (three equal samples, no fewer) is taken
at the deepest step, and named there. The helpers it calls are stand-ins
that record their calls (and `_on_the_log` is the real one, on a stand-in
`_off_the_log`): the oracle is the rule itself and the message it gives.
"""

from __future__ import annotations

import math

import pytest

from calcweb import limits
from calcweb.limits import _checked_closer_in, _Counted, _OneSided, _Run

H = 2.0**-20  # the last usual step
SETTLED = _OneSided(1.0, 1e-10, True, "")  # a finite value, error 1e-10 (JUMP times: 4e-10)
GROWS = _OneSided(math.inf, 0.0, True, "")  # f grows without bound


def _checked(
    noise: list[float],
    result: _OneSided = SETTLED,
    x0: float = 0.0,
    *,
    at_floor: float | None = None,
    deep: tuple[float, ...] = (),
) -> tuple[_OneSided, list[tuple[str, float | None]]]:
    """`_checked_closer_in` with the noise of the last samples given, and what it called.

    f at the deepest step is ``at_floor`` (the value itself if None), and closer in
    (`_closer_in`) ``deep``.
    """
    calls: list[tuple[str, float | None]] = []

    def floor(*_args: object) -> float:
        calls.append(("floor", None))
        return result.value if at_floor is None else at_floor

    def closer_in(*_args: object, deepest: float | None = None) -> list[float]:
        calls.append(("closer in", deepest))
        return list(deep)

    def infinite_closer_in(*_args: object) -> list[float]:
        calls.append(("infinite closer in", None))
        return [7.0]  # f at H * DEEP_RATIO

    def off_the_log(values: list[float], first: int, deep: list[float]) -> int | None:
        calls.append(("off the log", first))
        assert values == [1.0] * 8
        return 0 if deep else None  # the first sample closer in leaves the line

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits, "_noise", lambda columns: (noise, len(noise)))
        patch.setattr(limits, "_infinite_closer_in", infinite_closer_in)
        patch.setattr(limits, "_off_the_log", off_the_log)
        patch.setattr(limits, "_at_the_floor", floor)
        patch.setattr(limits, "_closer_in", closer_in)
        patch.setattr(limits, "_deeper_against", lambda *args: None)
        patch.setattr(limits, "_grown_onto", lambda *args, **kw: None)
        run = _Run([1.0] * 8, 7)
        f = _Counted(lambda x: 1.0)
        out = _checked_closer_in(f, lambda s: s, H, x0, "right", run=run, result=result, deep=[])
    return out, calls


def test_a_value_hidden_in_the_last_samples_noise_is_sampled_closer_in_at_every_step() -> None:
    # The noise of the last sample, 1, is above JUMP times the error: f is sampled
    # closer in (no deepest step first); the one before it does not count.
    out, calls = _checked([0.0] * 6 + [1e-12, 1.0])
    assert out is SETTLED
    assert calls == [("closer in", None)]
    # Noise at the last sample within JUMP errors (4e-10), however large before it:
    # the deepest step first, and f fits there: nothing more.
    out, calls = _checked([0.0] * 6 + [1.0, 4e-10])
    assert calls == [("floor", None)]
    out, calls = _checked([0.0] * 6 + [1.0, math.nextafter(4e-10, 1.0)])
    assert calls == [("closer in", None)]


@pytest.mark.parametrize("x0", [0.0, math.inf, -math.inf])
def test_f_growing_without_bound_at_0_or_either_infinity_is_followed_closer_in(x0: float) -> None:
    # Nothing sampled closer in yet: f is (`_infinite_closer_in`), and with nothing
    # there off the answer, a log's growth is checked along its line (`_on_the_log`):
    # f there (7 at H * 2**-16, from the right) leaves it, and the answer is refused.
    out, calls = _checked([0.0] * 8, GROWS, x0)
    assert calls == [("infinite closer in", None), ("off the log", 0)]  # the run from sample 0
    assert (out.value, out.error, out.converged) == (math.inf, math.inf, False)
    assert out.message.startswith(
        "f steps like a log at the usual points (from the right), as if it grew without "
        f"bound, but closer to x0, at {H * 2.0**-16!r}, it is 7, off the line that a log's "
    )


def test_f_growing_without_bound_elsewhere_is_checked_along_the_log_only() -> None:
    # Away from 0 and infinity nothing is sampled closer in: nothing leaves the line.
    out, calls = _checked([0.0] * 8, GROWS, 1.0)
    assert calls == [("off the log", 0)]
    assert out is GROWS


def test_f_off_a_run_it_got_stuck_on_closer_in_is_taken_at_the_deepest_step() -> None:
    # f at the deepest step (H * 2**-256) is 2, off the value 1: f is sampled closer in,
    # and gets stuck on 1 (three in a row) before it: the run is rounding's, and f off
    # it at the deepest step contradicts the value, there.
    out, calls = _checked([0.0] * 8, at_floor=2.0, deep=(5.0, 2.0, 1.0, 1.0, 1.0))
    assert calls == [("floor", None), ("closer in", 2.0)]
    assert (out.value, out.error, out.converged) == (1.0, math.inf, False)
    deepest = H * 2.0**-256
    assert out.message == (
        "f settles near 1 at the usual points (from the right), but closer to x0, at "
        f"{deepest!r}, it is 2, which contradicts that: f changes nearer x0 than those "
        "points show (log(x) + 1e-15/sqrt(x) is within 2% of log(x) down to x = 1e-30, "
        "positive from 1.7e-34 on, and its limit at 0 is +inf), and the samples cannot "
        "tell its limit; pass full_output=True to get the estimate anyway"
    )
    # f at the deepest step on the run: nothing off it.
    out, _ = _checked([0.0] * 8, at_floor=2.0, deep=(5.0, 3.0, 2.0, 2.0, 2.0))
    assert out is SETTLED


@pytest.mark.parametrize("deep", [(1.0,), (1.0, 1.0), (5.0, 1.0), (5.0, 1.0, 1.0)])
def test_fewer_than_three_equal_samples_closer_in_are_no_run(deep: tuple[float, ...]) -> None:
    # f fails after one or two steps closer in (or changes): no run it got stuck on.
    out, _ = _checked([0.0] * 8, at_floor=2.0, deep=deep)
    assert out is SETTLED
