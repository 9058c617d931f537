"""The log-scale walk (`calcweb.limits._log_scale`): limits at 0 or infinity smooth in u = 1/log|x|.

When the usual walk does not settle at 0 or at +-inf, ``f`` is sampled at
``|x| = 2**e`` (``2**-e`` at 0), ``e = 1022 * 2**(-j/2)``, and extrapolated
to ``u = 0``. These are the textbook runs it answers (refused before it: ``f does not
settle``), other cases it answers that no float is near enough for, and a
case for each of its checks, refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit
from calcweb import limits as limits_module

inf = math.inf
log = math.log

# (f, x0, side, exact limit, its name)
ANSWERED: list[tuple[Callable[[float], float], float, str, float, str]] = [
    (lambda x: log(x) / x**0.1, inf, "left", 0.0, "log(x)/x**(1/10)"),
    (lambda x: log(2 * x) / log(3 * x), inf, "left", 1.0, "log(2x)/log(3x)"),
    (lambda x: x ** (3 / (4 + log(x))), 0.0, "right", math.exp(3), "x**(3/(4 + log x))"),
    (lambda x: (x + log(x)) / (x * log(x)), inf, "left", 0.0, "(x + log x)/(x log x)"),
    (lambda x: math.atan(log(x)), 0.0, "right", -math.pi / 2, "atan(log x) at 0+"),
    (lambda x: (1 + 1 / log(x)) ** log(x), inf, "left", math.e, "(1 + 1/log x)**log x"),
    (lambda x: 1 / log(abs(x)), 0.0, "both", 0.0, "1/log|x| at 0"),
]


@pytest.mark.parametrize(
    ("f", "x0", "side", "exact"),
    [case[:4] for case in ANSWERED],
    ids=[case[4] for case in ANSWERED],
)
def test_a_limit_smooth_in_one_over_log_x_is_answered_honestly(
    f: Callable[[float], float], x0: float, side: str, exact: float
) -> None:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2 * result.error
    assert abs(result.value - exact) <= 1e-8 * max(1.0, abs(exact))
    assert side == "both" or "u = 1/log|x|" in result.message
    # at most 84 calls of the usual walk, 20 of the log-scale walk and 10 halfway
    assert result.nfev <= (2 if side == "both" else 1) * (84 + 20 + 10)


def _past_1e200(x: float) -> float:
    return 1 / log(x) + (1.0 if x > 1e200 else 0.0)


def _step_at_2_53(x: float) -> float:
    return 1 / log(x) + (1.0 if x < 2.0**53 else 0.0)


def _failing_past_2_310(x: float) -> float:
    if x > 2.0**310:
        raise OverflowError("too large")
    return 1 / log(x)


# Each refused by one check of `_log_fit` (the reason on its line); refused before it too.
REFUSED: list[tuple[Callable[[float], float], float, str, str]] = [
    # u log(1/u) is not smooth in u: the estimate does not settle (0.00056 +- 0.0011).
    (lambda x: log(log(x)) / log(x), inf, "left", "log(log x)/log x"),
    # 1 + 1/log x out to 2**52, 1/log x from 2**53 on (x + 1 rounds to x):
    # the change across 2**53 is larger than the changes out of it.
    (lambda x: ((x + 1) - x) + 1 / log(x), inf, "left", "jump: ((x + 1) - x) + 1/log x"),
    (
        lambda x: (math.sqrt(x + 1) - math.sqrt(x)) * math.sqrt(x) + 1 / log(x),
        inf,
        "left",
        "noise, then 0: (sqrt(x + 1) - sqrt(x)) sqrt(x) + 1/log x",
    ),
    # 1/log x at every sample (log2(log2 |x|) steps by 1/2): off it halfway between.
    (
        lambda x: 1 / log(x) + math.sin(4 * math.pi * math.log2(math.log2(x))),
        inf,
        "left",
        "period of the steps: 1/log x + sin(4 pi log2(log2 x))",
    ),
    # The walk ends at 2**511 (its changes grow in from there); f beyond is 1 off.
    (_past_1e200, inf, "left", "1/log x + (x > 1e200)"),
    # The walk would end short of 2**306.
    (_failing_past_2_310, inf, "left", "1/log x failing past 2**310"),
    # 1 + 1/log x out to 2**53, 1/log x from there on, between them too: the walk
    # is not smooth across the usual walk's last samples and its own.
    (_step_at_2_53, inf, "left", "1/log x + (x < 2**53)"),
    # Numerators that rounding cancels to nothing at every sample of the walk
    # (limits seed 1 #240, #625, #959 of the corpus): 0 at each, limit 1/2 or 1.
    # A third, (sqrt(1 + t) - 1)/t for t = x/709724718 at 0-, is answered from
    # samples farther out (`limits._farther_out`: test_limits_farther_out.py).
    (lambda x: (math.exp(x / 292547978.9) - 1) / (x / 292547978.9), 0.0, "right", "expm1"),
    (lambda x: ((0.02767 + x / 2.55e10) - 0.02767) / (x / 2.55e10), 0.0, "left", "bias"),
    # Oscillations.
    (math.sin, inf, "left", "sin x"),
    (lambda x: x * math.sin(x), inf, "left", "x sin x"),
    (lambda x: math.sin(log(x)), inf, "left", "sin(log x)"),
    (lambda x: math.sin(log(x)), 0.0, "right", "sin(log x) at 0+"),
    (lambda x: x**-0.01, inf, "left", "x**-0.01, not smooth in u"),
]


@pytest.mark.parametrize(
    ("f", "x0", "side"), [case[:3] for case in REFUSED], ids=[case[3] for case in REFUSED]
)
def test_the_log_scale_walk_refuses_what_it_cannot_support(
    f: Callable[[float], float], x0: float, side: str
) -> None:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert not result.converged
    assert result.message.startswith("f does not settle")


def test_the_log_scale_walk_runs_only_after_the_usual_walk_does_not_settle() -> None:
    # At a finite x0 the walk is not tried: it is for 0 and infinity only.
    calls: list[float] = []

    def f(x: float) -> float:
        calls.append(x)
        return math.sin(1 / (x - 1))

    refused = limit(f, 1.0, side="right", full_output=True)
    assert isinstance(refused, LimitResult)
    assert not refused.converged
    assert max(calls) < 2.0  # never sampled at 2**e


def test_log_estimate_removes_powers_of_u() -> None:
    # f = 1 + u - u**2 at u = 1/(e log 2), e = 1022 * 2**(-j/2): farthest first.
    us = [1 / (1022 * 2.0 ** (-j / 2) * math.log(2)) for j in range(12)][::-1]
    value, error = limits_module._log_estimate([1 + u - u * u for u in us])
    assert abs(value - 1.0) <= 1e-12
    assert error <= 1e-10


def test_log_estimate_counts_the_tail_of_slowly_shrinking_changes() -> None:
    # 1 + sqrt(u) is not smooth in u: its changes shrink by 2**-0.25 a step,
    # and what is left after the last is 5.3 times it; the tail must cover that.
    us = [1 / (1022 * 2.0 ** (-j / 2) * math.log(2)) for j in range(20)][::-1]
    value, error = limits_module._log_estimate([1 + math.sqrt(u) for u in us])
    assert abs(value - 1.0) <= 2 * error


def test_log_estimate_counts_rounding() -> None:
    # 1/log x is exactly linear in u: the table's first column is 0 up to rounding.
    result = limit(lambda x: 1 / log(x), inf, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged
    assert abs(result.value) <= 2 * result.error


def test_log_estimate_takes_the_larger_of_the_two_changes_before_an_entry() -> None:
    # Samples that scatter, the last two equal to 1e-10 by chance: no settled value.
    _, error = limits_module._log_estimate([0.5, 0.3, 0.7, 0.2, 0.2 + 1e-10])
    assert error >= 0.1


def test_log_estimate_counts_the_rounding_of_the_samples() -> None:
    value, error = limits_module._log_estimate([1.0] * 8)
    assert value == 1.0
    assert error >= 4 * 2.0**-52


# 4e-5/log(-log x) at 0+ is 4e-5/log(1/u): no power of u. Its usual walk does not
# settle (2.8e-5 off, 2.9e-6 error, above ACCEPT beside 1), and the log-scale walk
# answered 9.87e-6 +- 8.9e-7 (11 errors off 0): the entry it took, in column 1
# far out, rests on two changes that happen to be small (the column's changes
# cross 0 there), and the entries after it, closer in, move 6 times farther.
LOG_LOG: list[tuple[Callable[[float], float], float, str, float, str]] = [
    (lambda x: 4e-5 / log(-log(x)), 0.0, "right", 0.0, "4e-5/log(-log x) at 0+"),
    (lambda x: 1 + 4e-5 / log(-log(x)), 0.0, "right", 1.0, "1 + 4e-5/log(-log x) at 0+"),
    (lambda x: 1000 + 0.04 / log(-log(x)), 0.0, "right", 1000.0, "1000 + 0.04/log(-log x)"),
    (lambda x: 3.6e-5 / log(log(x)), inf, "left", 0.0, "3.6e-5/log(log x) at inf"),
]


@pytest.mark.parametrize(
    ("f", "x0", "side", "exact"), [case[:4] for case in LOG_LOG], ids=[case[4] for case in LOG_LOG]
)
def test_an_entry_the_later_entries_of_its_column_leave_is_no_estimate(
    f: Callable[[float], float], x0: float, side: str, exact: float
) -> None:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - exact) <= 2 * result.error, result


def test_log_estimate_covers_the_entries_after_the_one_it_takes() -> None:
    # Three equal samples, then f moves on: the entry at the third (no change
    # before it) was taken as 1.0 +- 8.9e-16; the entries after it leave it.
    value, error = limits_module._log_estimate([1.0, 1.0, 1.0, 1.5, 1.75])
    assert error >= 0.25
    assert abs(1.75 - value) <= error


def test_log_log_over_log_is_still_answered() -> None:
    # u log(1/u) times 4e-5 at 0+ (the walk settles to its error; the exact limit 0).
    result = limit(lambda x: 4e-5 * log(-log(x)) / log(x), 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged
    assert abs(result.value) <= 2 * result.error
