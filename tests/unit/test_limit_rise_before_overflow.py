"""Limits at infinity of f that falls far down, then turns, before a value inside it overflows.

``exp(c x)/x**k`` (limit inf) falls until ``x = k/c``; ``x**k`` overflows from
``2**(1024/k)`` on. MUT19's grid, k = 100..200, c in {0.5, 1, 2} (303 cases,
/tmp/s27/MUT19/liescan.py): 42 right, 213 refused, 48 lies (a tiny value,
converged) -> 129 right, 174 refused, 0 lies (`_past_overflow`: a rise after
the fall is no fall onto 0; a fall whose log bends up ever faster may turn).
No mpmath and no numpy: these run inside Pyodide too.
"""

from __future__ import annotations

import math

import pytest

from calcweb import CalcwebError, limit

INF = math.inf


def test_a_rise_of_the_last_two_samples_before_the_overflow_is_no_fall_onto_0():
    # MUT19 (session 27): exp(x)/x**127 (limit inf) falls to 9.4e-213 at 128, rises to
    # 2.2e-195 at 256, then x**127 overflows: answered 4.3e-195 +- 2.4e-114, converged.
    result = limit(lambda x: math.exp(x) / x**127, INF, full_output=True)
    assert result.value == INF or not result.converged


def test_a_fall_that_turns_and_bends_up_ever_faster_is_infinite():
    # log f steps by -72, -56, -24, +40 from x = 16 to 256 (bends 16, 32, 64): exp(x) wins.
    result = limit(lambda x: math.exp(x) / x**127, INF, full_output=True)
    assert (result.value, result.converged) == (INF, True)
    assert result.message == (
        "f falls, then grows again, log |f| bending up ever faster (as c*|x| - k*log|x| does), "
        "to 2.15e-195 at x = 256.0, past which it overflows: the limit is inf"
    )


def test_a_rise_seen_only_between_the_last_step_and_the_overflow_counts():
    # exp(x)/x**130 falls out to x = 128 (4.5e-219), its minimum at 130, and rises on the
    # nearer samples (6.2e-219 at 139.6, ..., 5.9e-207 at 234.8) up to x**130's overflow.
    result = limit(lambda x: math.exp(x) / x**130, INF, full_output=True)
    assert (result.value, result.converged) == (INF, True)


def test_a_negative_function_that_turns_is_minus_infinite():
    result = limit(lambda x: -math.exp(x) / x**127, INF, full_output=True)
    assert (result.value, result.converged) == (-INF, True)


def test_a_fall_that_bends_up_ever_faster_short_of_its_turn_is_refused():
    # exp(x/2)/x**135 falls by 91.6, 89.6, 85.6, 77.6, 61.6 (in log) out to 128, then
    # x**135 overflows beyond 192.0, short of its minimum at 270: was 2.1e-257 +- 1.5e-122.
    f = lambda x: math.exp(x / 2) / x**135  # noqa: E731
    result = limit(f, INF, full_output=True)
    assert result.converged is False
    assert result.message.startswith(
        "f falls, to 3.27e-266, ever more slowly (the drops of log |f| shrink ever faster) "
        "out to x = 181.01933598375615, past which it overflows: it may turn and grow"
    )
    with pytest.raises(CalcwebError, match="ever more slowly"):
        limit(f, INF)


def test_a_power_law_fall_cut_by_an_overflow_is_still_answered():
    # x**10/x**130: log f falls by 83.2 a doubling, bending neither way; x**130 overflows
    # beyond 235. The fall onto 0 is answered as before.
    result = limit(lambda x: x**10 / x**130, INF, full_output=True)
    assert result.converged
    assert abs(result.value) <= result.error


def test_a_rise_after_the_fall_that_does_not_bend_up_is_refused():
    # exp(-x) + 1e-57 x (limit inf) falls to 1.5e-55 at 128, rises to 2.6e-55 at 256, then
    # 0*x**127 overflows: log f steps by -32, -63, +0.5, no bend up ever faster; it was
    # answered 2.56e-55 +- 4.3e-7, converged. Now refused: f is far from overflowing itself.
    result = limit(lambda x: math.exp(-x) + 1e-57 * x + 0 * x**127, INF, full_output=True)
    assert result.converged is False
    assert result.message.startswith("f grows until it fails at x=267.4252957216245")


def test_a_rise_after_the_fall_is_no_fall_onto_a_constant_either():
    # exp(-x/5) + 1e-30 x (limit inf) falls to 5.1e-28 at 512 and rises on the nearer
    # samples (5.6e-28 at 558, ..., 6.6e-28 at 664) before exp(x) overflows: it was
    # "f falls onto 5.12e-28 ever faster and stays on it", 5.12e-28 +- 5.8e-23, converged.
    f = lambda x: math.exp(-x / 5) + 1e-30 * x + 0 * math.exp(x)  # noqa: E731
    result = limit(f, INF, full_output=True)
    assert result.converged is False
    assert result.message.startswith("f grows until it fails at x=709.78")


def test_a_sum_of_powers_that_bends_up_abruptly_still_falls_onto_0():
    # x**-100 + 1e-28 x**-90 (limit 0): log f bends up by 1.2e-4, 0.12, 4.6 over x = 64 ..
    # 1024 (960, then 40 times as much) as x**-90 takes over, short of where x**100
    # overflows (1209.3): answered, not refused as a fall that may turn.
    f = lambda x: (1 / x) ** 100 + 1e-28 * (1 / x) ** 90 + 0 * x**100  # noqa: E731
    result = limit(f, INF, full_output=True)
    assert result.converged, result.message
    assert abs(result.value) <= result.error


def test_a_fall_that_a_bounded_term_ends_is_not_infinite():
    # exp(-1.39 x) + 1.48e-101 tanh(x/190) (limit 1.48e-101): log f bends by -44.5, 34.6,
    # 54.5 over x = 32 .. 512, where the fall gives way to tanh, then x**107 overflows
    # (760.1): judged on its last two bends only, it was inf.
    f = lambda x: math.exp(-1.39 * x) + 1.48e-101 * math.tanh(x / 190) + 0 * x**107  # noqa: E731
    result = limit(f, INF, full_output=True)
    right = abs(result.value - 1.48e-101) <= 2 * result.error
    assert right or not result.converged, result


def test_a_rise_that_settles_onto_the_last_sample_is_answered():
    # exp(-2.21 x) + 2.13e-58 tanh(x/14) (limit 2.13e-58) falls to 2.12992e-58 at 64, then
    # rises onto 2.13e-58 by ever smaller steps (2.13e-58 - 4.9e-66 at 128) before x**134
    # overflows (199.7): a fall onto that constant, answered as before this session.
    f = lambda x: math.exp(-2.21 * x) + 2.13e-58 * math.tanh(x / 14) + 0 * x**134  # noqa: E731
    result = limit(f, INF, full_output=True)
    assert result.converged, result.message
    assert abs(result.value - 2.13e-58) <= 2 * result.error <= 1e-61


def test_a_rise_that_settles_only_at_its_end_is_answered():
    # exp(-2.16 x) + 4.18e-25/(1 + exp(-(x - 140)/17.5)) (limit 4.18e-25) falls to 8.7e-28
    # at 32, rises faster, then ever more slowly: 5.4e-27, 1.4e-25, 4.174e-25, 4.18e-25 at
    # 64 .. 512, before x**108 overflows (714.8): its last changes settle, as a fall onto
    # a constant's do.
    f = lambda x: math.exp(-2.16 * x) + 4.18e-25 / (1 + math.exp(-(x - 140) / 17.5)) + 0 * x**108  # noqa: E731
    result = limit(f, INF, full_output=True)
    assert result.converged, result.message
    assert abs(result.value - 4.18e-25) <= 2 * result.error <= 2e-27


def test_a_rise_is_judged_without_the_lowest_sample_which_the_fall_weighs_down():
    # exp(-0.214 x) + 5e-11 x/(x + 533) (limit 5e-11) falls to 1.1e-11 at 128 and rises by
    # 0.39, then 0.41 in log to 512, the fall still in the first: judged from 128 on, its
    # growth did not slow down, and was called inf. From 256 on, too few samples show it.
    f = lambda x: math.exp(-0.214 * x) + 5e-11 * x / (x + 533) + 0 * x**106  # noqa: E731
    result = limit(f, INF, full_output=True)
    assert result.converged is False
    assert result.message.startswith("f grows until it fails at x=809.21")
