"""Limits of ``f`` whose steps shrink slower than the estimate's tail covers (`limits._too_slow`).

``1e-7 log(-log(x - 1))`` at 1+ grows without bound, as slowly as
``log(log(1/h))``: at the walk's steps ``h = 2**-k`` (``k = 2 .. 49``) it is
``1e-7 log(k ln 2)``, and its steps ``f(h/2) - f(h)`` are about ``1e-7/k``,
2.0e-9 at the last. `_entries` bounds what is left beyond an entry by the
geometric tail of its changes, ``2 r/(1 - r)`` times the last with ``r`` at
most 0.9 (18 times the last change), so the limit was 3.5578e-07 +- 3.6e-8,
converged; ``_settled`` takes an error below 1e-6 for settled where the
value is below 1, and relative to 1 so does ``1 + 1e-7 log(-log(x - 1))``
(1.00000036 +- 3.5e-8). The samples show a geometric ratio of 0.976 a
halving over the last 8, rising: the tail covers ratios up to 18/19 only.
Steps of one sign that move ``f`` clearly beyond rounding and shrink slower
than that are refused, at 0 and infinity too (``1e-7/log x`` at 0+ was
-2.79e-9 +- 9.9e-10, limit 0).

The same class, found by a scan of ``c + a g(|x - x0|/(2 max(1, |x0|)))``
(a from 1e-12 to 1e-4, c 0 or 1, x0 in 1, 3, -2, 1e10, 0.3, both sides):
``g = 1/log h`` (limit c, 100 of 100 dishonest: ``1e-7/log`` at 3+ was
-2.76e-9 +- 9.7e-10 for 0), ``1/log(-log h)``, ``log(-log h)/log h`` and
``h**0.02`` (70 of 100). That rule refused ``h**0.05`` too (70 of 100
draws), honest only by the factor 2 (its ratio, 0.966, is past 18/19).

What ``f`` moves over each of the last three blocks of 8 halvings
(`_blocks`: a difference of two samples, so rounding does not add up) tells
a power from a log: ``h**p`` moves by one ratio ``2**(-8 p)`` a block, and
leaves ``B2 R/(1 - R)`` beyond the last sample (`_block_tail`); the value
must be within its error of there. Steps too slow for the tail of `_entries`
that keep one ratio (`_keep_one_ratio`) get that tail instead of a refusal
(``1e-7 h**0.05`` and ``h**0.02`` are answered, their error the distance to
where the blocks go). A ratio that clearly rises (``1/log(1/h)``) is no
geometric tail: past ``SLOW_RATIO**8`` it is refused. Blocks see slow terms
whose steps are a few ulps, which `_too_slow` (steps of one sign) cannot:
``1 + 1e-12 h**0.1`` at 1- was 1.0000000000000329 +- 5.7e-15 (limit 1).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, NumericalError, limit
from calcweb.limits import (
    NOISE_POINTS,
    SLOW_RATIO,
    _block_tail,
    _blocks,
    _keep_one_ratio,
    _too_slow,
)


def _full(f: Callable[[float], float], x0: float, side: str) -> LimitResult:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    return result


def _h(x: float, x0: float) -> float:
    return abs(x - x0) / (2.0 * max(1.0, abs(x0)))


# f, x0, side: each was answered, converged, and its limit is not within twice the error.
SLOW = [
    ("1e-7 log(-log(x - 1))", lambda x: 1e-7 * math.log(-math.log(x - 1)), 1.0, "right"),
    ("1 + 1e-7 log(-log(x - 1))", lambda x: 1 + 1e-7 * math.log(-math.log(x - 1)), 1.0, "right"),
    ("-3e-8 log(-log h) at 3-", lambda x: -3e-8 * math.log(-math.log(_h(x, 3.0))), 3.0, "left"),
    ("1e-7/log h at 3+", lambda x: 1e-7 / math.log(_h(x, 3.0)), 3.0, "right"),
    ("1 + 1e-4/log h at 1e10+", lambda x: 1 + 1e-4 / math.log(_h(x, 1e10)), 1e10, "right"),
    ("1e-9/log(-log h) at -2-", lambda x: 1e-9 / math.log(-math.log(_h(x, -2.0))), -2.0, "left"),
]


@pytest.mark.parametrize(("name", "f", "x0", "side"), SLOW, ids=[case[0] for case in SLOW])
def test_steps_too_slow_for_the_tail_are_refused(
    name: str, f: Callable[[float], float], x0: float, side: str
) -> None:
    result = _full(f, x0, side)
    assert not result.converged, (name, result)
    assert result.error == math.inf
    assert "too slowly" in result.message


def test_the_reproducer_raises_without_full_output() -> None:
    with pytest.raises(NumericalError, match="shrink by less than 1/19 a halving"):
        limit(lambda x: 1e-7 * math.log(-math.log(x - 1)), 1.0, side="right")


# Steps that shrink at 18/19 a halving or faster keep their answers; slower
# ones that keep one ratio a block (a power of h) get the tail of the blocks.
KEPT = [
    ("1e-7 h**0.02 at 0.3+", lambda x: 1e-7 * _h(x, 0.3) ** 0.02, 0.3, "right", 0.0),
    ("1 - 3e-8 h**0.02 at 1-", lambda x: 1 - 3e-8 * _h(x, 1.0) ** 0.02, 1.0, "left", 1.0),
    ("1e-7 h**0.05 at 1+", lambda x: 1e-7 * _h(x, 1.0) ** 0.05, 1.0, "right", 0.0),
    ("1e-7 h**0.1 at 1+", lambda x: 1e-7 * _h(x, 1.0) ** 0.1, 1.0, "right", 0.0),
    ("1 + 1e-7 h**0.08 at 3-", lambda x: 1 + 1e-7 * _h(x, 3.0) ** 0.08, 3.0, "left", 1.0),
    ("1e-7 sqrt(h) at 1e10+", lambda x: 1e-7 * math.sqrt(_h(x, 1e10)), 1e10, "right", 0.0),
    ("1 + 1e-9/log(h)**2 at -2+", lambda x: 1 + 1e-9 / math.log(_h(x, -2)) ** 2, -2, "right", 1),
    ("log at 1e15", math.log, 1e15, "left", math.log(1e15)),
]


@pytest.mark.parametrize(("name", "f", "x0", "side", "exact"), KEPT, ids=[case[0] for case in KEPT])
def test_steps_that_shrink_fast_enough_keep_their_answers(
    name: str, f: Callable[[float], float], x0: float, side: str, exact: float
) -> None:
    result = _full(f, x0, side)
    assert result.converged, (name, result)
    assert abs(result.value - exact) <= 2.0 * result.error, (name, result)


# At 0 and infinity: each was answered, converged, and dishonest (the old answer beside it).
AT_ZERO_OR_INFINITY = [
    ("1e-7/log(x/2) at 0+", lambda x: 1e-7 / math.log(x / 2), 0.0, "right"),  # -2.79e-9 +- 9.9e-10
    ("1 + 1e-7/log(2x) at inf", lambda x: 1 + 1e-7 / math.log(0.5 / x), math.inf, "left"),
    ("1e-7 (x/2)**0.02 at 0+", lambda x: 1e-7 * (x / 2) ** 0.02, 0.0, "right"),  # 4.9e-8 +- 1.2e-8
]


@pytest.mark.parametrize(
    ("name", "f", "x0", "side"), AT_ZERO_OR_INFINITY, ids=[case[0] for case in AT_ZERO_OR_INFINITY]
)
def test_at_zero_and_infinity_too(
    name: str, f: Callable[[float], float], x0: float, side: str
) -> None:
    result = _full(f, x0, side)
    assert not result.converged, (name, result)
    assert "too slowly" in result.message


def test_not_handed_to_the_log_scale_which_answers_a_log_log() -> None:
    # The walk in u = 1/log|x| answers 1e-7 log(-log x) at 0+ 4.7e-7 +- 6.2e-7 when
    # the usual samples do not settle (its limit is +inf); it was, and is, refused.
    result = _full(lambda x: 1e-7 * math.log(-math.log(x)), 0.0, "right")
    assert not result.converged, result


def _geometric(ratio: float, n: int = 48, size: float = 1e-7) -> list[float]:
    return [1.0 + size * ratio**k for k in range(n)]


def test_too_slow_at_the_ratio_the_tail_covers() -> None:
    # 2 r/(1 - r) at r = 0.9 is 18: a geometric tail of ratio 18/19.
    assert pytest.approx(18.0 / 19.0) == SLOW_RATIO
    assert not _too_slow(_geometric(0.94))
    assert _too_slow(_geometric(0.95))
    assert _too_slow(_geometric(1.0 - 1e-3))
    assert not _too_slow(_geometric(0.5))
    # Steps that do not shrink are no settling (rounding noise growing toward x0).
    assert not _too_slow(_geometric(1.0))
    assert not _too_slow(_geometric(1.05))


def test_too_slow_needs_steps_of_one_sign() -> None:
    values = _geometric(0.97)
    assert _too_slow(values)
    values[-5] = values[-2]  # f falls past the next sample, and steps back up to it
    assert not _too_slow(values)


def _ulp_steps(first: int, second: int) -> list[float]:
    """1 + a multiple of 2**-52 that falls by ``first`` ulps 8 times, then by ``second``."""
    drops = [0] + [first] * NOISE_POINTS + [second] * NOISE_POINTS
    return [1.0 - sum(drops[: k + 1]) * 2.0**-52 for k in range(len(drops))]


def test_too_slow_needs_a_trend_beyond_rounding() -> None:
    # Blocks that move f by 24 and 16 ulps, below JUMP times the rounding of
    # two samples (32 ulps): rounding may do that. By 72 and 48 ulps it may not.
    assert not _too_slow(_ulp_steps(3, 2))
    assert _too_slow(_ulp_steps(9, 6))


def test_too_slow_needs_two_blocks_of_steps() -> None:
    values = _geometric(0.97, n=2 * NOISE_POINTS + 1)
    assert _too_slow(values)
    assert not _too_slow(values[1:])


# Each was answered, converged, and dishonest (the old answer beside it): slow
# terms whose steps are a few ulps of 1, which `_too_slow` does not see.
ULP_STEPS = [
    # 1.0000000000000329 +- 5.7e-15
    ("1 + 1e-12 h**0.1 at 1-", lambda x: 1 + 1e-12 * _h(x, 1.0) ** 0.1, 1.0, "left"),
    # 1.0000000000000608 +- 1.6e-14
    ("1 + 1e-12 h**0.08 at -2-", lambda x: 1 + 1e-12 * _h(x, -2.0) ** 0.08, -2.0, "left"),
    # 1.000000000000016 +- 6.9e-15
    ("1 + 1e-10 h**0.25 at 3-", lambda x: 1 + 1e-10 * _h(x, 3.0) ** 0.25, 3.0, "left"),
    # 1.0000000000000786 +- 5.7e-15
    ("1 + 1e-10/log(h)**2 at 1+", lambda x: 1 + 1e-10 / math.log(_h(x, 1.0)) ** 2, 1.0, "right"),
]


@pytest.mark.parametrize(("name", "f", "x0", "side"), ULP_STEPS, ids=[c[0] for c in ULP_STEPS])
def test_a_slow_term_of_a_few_ulps_a_step_gets_the_tail_of_its_blocks(
    name: str, f: Callable[[float], float], x0: float, side: str
) -> None:
    result = _full(f, x0, side)
    assert not result.converged or abs(result.value - 1.0) <= 2.0 * result.error, (name, result)


def _power(p: float, n: int = 48, size: float = 1e-7) -> list[float]:
    """1 + size h**p at h = 2**-k: moves by 2**(-8 p) a block of 8 halvings."""
    return [1.0 + size * 2.0 ** (-p * k) for k in range(n)]


def test_the_tail_of_a_power_is_where_it_goes() -> None:
    values = _power(0.05)
    tail = _block_tail(_blocks(values))
    assert values[-1] + tail == pytest.approx(1.0, abs=1e-7 * 1e-6)
    assert _keep_one_ratio(_blocks(values))


def test_a_ratio_that_rises_past_the_slow_bound_has_no_tail() -> None:
    # 1e-7/log2(1/h): blocks 0.61, 0.67 of the one before at the walk's end.
    values = [1.0 + 1e-7 / (k + 2) for k in range(48)]
    blocks = _blocks(values)
    assert blocks is not None
    assert not _keep_one_ratio(blocks)
    assert _block_tail(blocks) == math.inf


def test_no_blocks_without_a_trend() -> None:
    # Moves below rounding, moves of both signs, moves that do not shrink,
    # and a scatter that happens to drift are no trend.
    assert _blocks(_power(0.1, size=1e-15)) is None
    values = _power(0.1)
    values[-9] = values[-1] + (values[-1] - values[-17])
    assert _blocks(values) is None
    assert _blocks([1.0 + 1e-7 * 1.1**k for k in range(48)]) is None
    scatter = [1.0 + 1e-7 * (k % 2) + 1e-9 * k for k in range(48)]
    assert _blocks(scatter) is None


# log(1 + u)/u, u = (x - x0)/c, from the right (limit_diff's fresh set, limits seed 212
# #499 and #914): its block moves fall 2**-8 (the linear term), then 0.24 as the
# quotient's rounding noise takes over. A ratio that rises from a fast law is none
# of a slow law's: both are answered as before the blocks (+- 2.7e-11, 2.8e-13).
CANCELLING = [(79451.843760372, 1073741824.0), (22.982993111090636, -300000.0)]


@pytest.mark.parametrize(("c", "x0"), CANCELLING)
def test_rounding_noise_after_a_fast_law_is_no_slow_law(c: float, x0: float) -> None:
    def f(x: float) -> float:
        u = (x - x0) / c
        return math.log(1 + u) / u

    result = _full(f, x0, "right")
    assert result.converged, result
    assert abs(result.value - 1.0) <= 2.0 * result.error
    assert result.error < 1e-10


# Slow terms whose block moves are only a few roundings of two samples (ULPS
# units each): 1e-12/log h beside 1 moves f by 13.1e-15, 8.1e-15, then 5.4e-15 over
# the last three blocks (rounding 1.8e-15: below BLOCK_TREND times it) and was
# 0.99999999999997 +- 2.7e-15 (limit 1, 11 errors off) at each of these x0 and
# sides; 1e-12 h**0.1 at 1e10, whose moves 6.9e-14, 4.0e-14, 2.3e-14 are below four
# times the table's noise (7.8e-15 in its top column), was 1.0000000000000309 +-
# 8.7e-15 (3.5 errors off). Every step of f on the way (24 of them) has the trend's
# sign: no noise as large as the steps, and the moves count from beyond rounding.
def _one_plus_tiny_over_log(x0: float) -> Callable[[float], float]:
    return lambda x: 1 + 1e-12 / math.log(_h(x, x0))


FEW_ROUNDINGS = [
    *(
        (
            f"1 + 1e-12/log h at {x0}{side[0]}",
            _one_plus_tiny_over_log(x0),
            x0,
            side,
        )
        for x0 in (1.0, 3.0, -2.0, 0.3, 1e10)
        for side in ("left", "right")
    ),
    *(
        (f"1 + 1e-12 h**0.1 at 1e10{side[0]}", lambda x: 1 + 1e-12 * _h(x, 1e10) ** 0.1, 1e10, side)
        for side in ("left", "right")
    ),
]


@pytest.mark.parametrize(
    ("name", "f", "x0", "side"), FEW_ROUNDINGS, ids=[c[0] for c in FEW_ROUNDINGS]
)
def test_a_trend_of_one_sign_at_every_step_counts_from_beyond_rounding(
    name: str, f: Callable[[float], float], x0: float, side: str
) -> None:
    result = _full(f, x0, side)
    assert not result.converged or abs(result.value - 1.0) <= 2.0 * result.error, (name, result)


def test_blocks_of_a_few_roundings_need_every_step_of_one_sign() -> None:
    # 1 + 1e-12/log2(1/h) at the walk's steps: moves of 3 to 7 roundings of two samples.
    values = [1.0 - 1e-12 / (k + 20) for k in range(48)]
    assert _blocks(values) is not None
    assert _block_tail(_blocks(values)) == math.inf
    # The same moves with a step against them in each block: 4 roundings or more needed.
    zigzag = [y + (8e-16 if k % 8 == 3 else 0.0) for k, y in enumerate(values)]
    assert _blocks(zigzag) is None
