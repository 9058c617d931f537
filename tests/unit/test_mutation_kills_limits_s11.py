"""Mutation tests for limits' `_rounding_law`, `_law_closer_in` and `_lost_into` (session 11).

`_rounding_law` fits ``c / h**p`` to the first two steps between the departures
``offs`` of the samples closer in (each ``DEEP_RATIO = 2**-16`` times the step
before: ``c / h**p`` grows ``2**(16 p)`` times a step) that are past their
floors, keep one sign and grow, takes it back to the usual samples, and calls
the growth rounding's (True) when its step between the last two of them is past
``JUMP`` times their step there, their noise and the error. The departures here
are exact laws: ``1, 2**16, 2**32`` is ``c / h`` (p = 1) and ``1, 2, 4`` is
``c / h**(1/16)``, with ``c / h**p = 1`` at the first step in, ``DEEP_RATIO``
times the last usual step ``h``: so at ``h`` the law is ``DEEP_RATIO**p`` and
its step from ``2 h`` to ``h`` is ``DEEP_RATIO**p (1 - 2**-p)``, which the
tests compute on their own. The usual samples are flat and noiseless, so the
room at each of their steps is the error alone. The floors are the caller's
(`_deeper_against`: ``JUMP`` times the error plus ``ULPS`` roundings of the
sample) unless a test sets them.
"""

from __future__ import annotations

import itertools
import math
import sys

import pytest

from calcweb.limits import (
    DEEP_RATIO,
    DEEP_STEPS,
    JUMP,
    ULPS,
    _Counted,
    _law_closer_in,
    _lost_into,
    _rounding_law,
    _table,
)

EPS = sys.float_info.epsilon
USUAL = [1.0] * 6  # flat: f's own steps there are 0


def rounding_law(
    offs: list[float], error: float, *, i: int = 0, floors: list[float] | None = None
) -> bool:
    if floors is None:
        floors = [JUMP * error + ULPS * EPS * abs(y) for y in offs]
    noise = [0.0] * len(USUAL)
    return _rounding_law(USUAL, error=error, noise=noise, offs=offs, floors=floors, i=i)


def law_step(p: float, first: int = 1) -> float:
    """The step from ``2 h`` to ``h`` of the law that is 1 at the ``first``-th step in (1 = h R)."""
    return DEEP_RATIO ** (p * first) * (1.0 - 2.0**-p)


@pytest.mark.parametrize("scale", [1.0, 2.0**-40])
def test_a_law_past_jump_times_the_error_at_the_usual_samples_is_rounding(scale: float) -> None:
    # c / h at the usual samples steps by 2**-17 c: JUMP times an error of 2**-20 c is
    # half of it, so the law is not f's; exactly JUMP times (2**-19 c) is not past it.
    offs = [scale, scale * 2.0**16, scale * 2.0**32]
    assert law_step(1.0) == 2.0**-17
    assert rounding_law(offs, scale * 2.0**-20)
    assert not rounding_law(offs, scale * 2.0**-19)


def test_a_slow_law_is_taken_back_with_its_own_ratio() -> None:
    # c / h**(1/16) doubles a step in: a = 1, b = 2, and c / h**p at the first step in
    # is a / (1 - 2**-1). Its step at the usual samples, 0.5 (1 - 2**-(1/16)) = 0.0212,
    # a quarter of a bit past JUMP times the error is rounding's, a quarter short is not.
    offs = [1.0, 2.0, 4.0]
    step = law_step(1.0 / 16.0)
    assert step == pytest.approx(0.5 * (1.0 - 2.0**-0.0625), rel=1e-15, abs=0.0)
    assert rounding_law(offs, step / JUMP * 2.0**-0.25)
    assert not rounding_law(offs, step / JUMP * 2.0**0.25)


def test_the_law_starts_at_the_first_two_steps_past_their_floors() -> None:
    # The first step is 0 (f at the same departure twice): the law is the next two,
    # 1 and 2, from the second step in, so at the usual samples a step DEEP_RATIO**(1/16)
    # = 1/2 smaller than the same law from the first would be.
    offs = [1.0, 1.0, 2.0, 4.0]
    step = law_step(1.0 / 16.0, first=2)
    assert rounding_law(offs, step / JUMP * 2.0**-0.25)
    assert not rounding_law(offs, step / JUMP * 2.0**0.25)


def test_a_step_at_its_floor_is_not_past_it() -> None:
    offs = [1.0, 2.0**16, 2.0**32]
    a = offs[1] - offs[0]
    assert rounding_law(offs, 2.0**-20, floors=[0.0, a / 2.0, a * 2.0**20])
    assert not rounding_law(offs, 2.0**-20, floors=[0.0, a, 0.0])


@pytest.mark.parametrize(
    "offs",
    [
        [1.0, 2.0**16, 2.0**16],  # f stops moving: the second step is 0
        [1.0, 2.0, 3.0],  # equal steps: no growth, no power
        [2.0**-600, 2.0**-599, -(2.0**-590)],  # turns back (the product underflows to -0.0)
        [1.0, 2.0**16, 2.0**15],  # turns back
    ],
)
def test_departures_that_stop_or_turn_back_or_do_not_grow_are_no_law(offs: list[float]) -> None:
    assert not rounding_law(offs, 0.0)


# `_law_closer_in`'s verdict "holds": f = L + c/x at 0+ (p = 1), sampled at the usual steps
# 4 h, 2 h, h and then at h DEEP_RATIO**d. Every sample below is exact: c/x is c/h times a
# power of two, and L + c/x keeps all its bits where the tests say so.
H = 2.0**-49


def law(level: float, at_h: float, off: dict[float, float] | None = None) -> _Counted:
    """``f = level + at_h h / x`` (to rounding), but ``off[x]`` where given; counted."""

    def f(x: float) -> float:
        if off and x in off:
            return off[x]
        return level + at_h * (H / x)

    return _Counted(f)


def usual(level: float, at_h: float) -> list[float]:
    return [level + at_h / 4.0, level + at_h / 2.0, level + at_h]


def blur(values: list[float]) -> float:
    """The law's uncertainty at h: ULPS roundings of the last two samples, over 1 - 2**-p."""
    return ULPS * EPS * (abs(values[-1]) + abs(values[-2])) / (1.0 - 2.0**-1)


def test_f_within_the_laws_uncertainty_closer_in_is_on_it() -> None:
    # 1 + h/x: c/h = 1 is fixed to the samples' rounding (blur), which grows with c/x, 2**16
    # times at the first step in: f off the law by 0.9 of JUMP times the room there is on it.
    values = usual(1.0, 1.0)
    assert values == [1.25, 1.5, 2.0]
    x1 = H * DEEP_RATIO
    room = JUMP * (blur(values) * 2.0**16 + blur(values) + ULPS * EPS * (2.0 + 65537.0))
    f = law(1.0, 1.0, {x1: 65537.0 + 0.9 * room})
    assert f(x1) != 65537.0
    assert _law_closer_in(f, lambda h: h, H, values) == "holds"


def test_c_exactly_jump_times_its_uncertainty_is_not_fixed_by_the_samples() -> None:
    # Samples 1 - 2**-47, 1 - 2**-48, 1 + 2**-48 (their sum 2 exactly): c/h = 2**-46, and
    # its uncertainty 4 eps (|near| + |middle|) / (1 - 1/2) = 2**-48, a JUMP-th of it exactly.
    values = [1.0 - 2.0**-47, 1.0 - 2.0**-48, 1.0 + 2.0**-48]
    assert blur(values) == 2.0**-48
    assert JUMP * blur(values) == 2.0**-46
    f = law(values[-1] - 2.0**-46, 2.0**-46)
    assert _law_closer_in(f, lambda h: h, H, values) is None


def test_level_hidden_closer_in_is_looked_for_one_halving_in() -> None:
    # L = 7 * 2**-46 beside c/h = 1: blur is 12 eps to 2**-43, so L / (4 JUMP blur) is 2.33:
    # one halving in (2**1 >= 2.33 / 2). At the steps closer in L is far inside the law's
    # uncertainty (65536 + L rounds to 65536); at h/2, f = 2 + L, it shows.
    level = 7.0 * 2.0**-46
    values = usual(level, 1.0)
    assert math.floor(math.log2(level / (4.0 * JUMP * blur(values)))) == 1
    f = law(level, 1.0)
    assert _law_closer_in(f, lambda h: h, H, values) == "holds"
    assert f.calls == DEEP_STEPS + 1


def test_the_samples_the_law_was_fitted_to_show_no_level() -> None:
    # L = 2**-44: L / (4 JUMP blur) is 1.33, under one halving: the only place it would show
    # is h itself, where f - c/h is L by the fit's construction and proves nothing.
    level = 2.0**-44
    values = usual(level, 1.0)
    assert math.floor(math.log2(level / (4.0 * JUMP * blur(values)))) == 0
    f = law(level, 1.0)
    assert _law_closer_in(f, lambda h: h, H, values) is None
    assert f.calls == DEEP_STEPS


# `_lost_into`: samples L + r**k, noise that grows |r| times a step (1 bit for r = -2, as
# eps/h in (exp(h) - 1)/h, 3 bits for r = -8, as eps/h**3), on a constant L. The table's
# columns are linear in the samples with fixed weights, so its top column is L plus
# C r**k too: its changes grow by exactly log2 |r| bits a step (the rate).


def top_changes(before: list[float]) -> list[float]:
    top = _table(before)[-1]
    return [abs(b - a) for a, b in itertools.pairwise(top)]


@pytest.mark.parametrize("r", [-2.0, -8.0])
@pytest.mark.parametrize("margin", [2.0**-0.2, 2.0**0.2])
def test_noise_that_would_reach_a_quarter_of_f_one_step_on_loses_its_digits(
    r: float, margin: float
) -> None:
    # L is set so that the last change, grown one step more (times |r|), is `margin`
    # times LOSS = 1/4 of the last sample: lost for a margin above 1, not below.
    noise = [r**k for k in range(12)]
    last = top_changes(noise)[-1] * abs(r)
    level = (last / (0.25 * margin) - abs(noise[-1])) * math.copysign(1.0, noise[-1])
    before = [level + y for y in noise]
    assert abs(before[-1]) * 0.25 * margin == pytest.approx(last, rel=1e-9)
    assert _lost_into(before) is (margin > 1.0)


def test_samples_that_do_not_change_lose_nothing() -> None:
    assert not _lost_into([1.0] * 12)


@pytest.mark.parametrize(("n", "noisy", "lost"), [(12, 3, False), (12, 4, True), (15, 6, True)])
def test_the_rate_needs_four_changes_that_show_it(n: int, noisy: int, lost: bool) -> None:
    # Noise on the last `noisy` samples only: the top column changes at `noisy` places (the
    # others 0, which show no rate); 3 cannot show how the noise grows, 4 can.
    before = [0.0] * (n - noisy) + [(-8.0) ** k for k in range(1, noisy + 1)]
    assert sum(c > 0.0 for c in top_changes(before)) == noisy
    assert _lost_into(before) is lost


@pytest.mark.parametrize("margin", [2.0**-0.2, 2.0**0.2])
def test_the_loss_is_of_the_last_sample_whatever_a_smooth_part_makes_of_the_others(
    margin: float,
) -> None:
    # A h + (-2)**k: the top column removes A h (its changes are the noise's alone), while
    # the earlier samples are 2 and 1000 times the last: the last is the one that is lost.
    noise = [(-2.0) ** k for k in range(12)]
    last = top_changes(noise)[-1] * 2.0
    slope = -(last / (0.25 * margin) - 2.0**11) * 2.0**11
    before = [slope * 2.0**-k + y for k, y in enumerate(noise)]
    assert top_changes(before)[-1] * 2.0 == pytest.approx(0.25 * margin * abs(before[-1]), rel=1e-9)
    assert abs(before[-2]) > 1.9 * abs(before[-1])
    assert _lost_into(before) is (margin > 1.0)


def test_noise_that_would_reach_exactly_a_quarter_of_f_is_a_loss() -> None:
    # 14208 + 2**k, a part growing like 1/h (as eps/h does), which the table keeps: its top
    # column changes by 2032 at the last, doubling a step (rate 1 exactly), and 2 x 2032 is
    # exactly a quarter of the last sample, 14208 + 2048.
    before = [14208.0 + 2.0**k for k in range(12)]
    changes = top_changes(before)
    assert changes[-1] == 2032.0
    assert changes[-1] / changes[-2] == 2.0
    assert changes[-1] * 2.0 == 0.25 * before[-1]
    assert _lost_into(before)


def test_a_pause_before_the_last_change_does_not_hide_the_loss() -> None:
    # 2**k (doubling, rate 1) with the next-to-last sample moved so that the top column
    # repeats one entry: its next-to-last change is 0, the others still double, and the
    # last, grown a step, is past a quarter of the last sample.
    before = [2.0**k for k in range(12)]
    unit = [0.0] * 11 + [1.0]
    weight = _table(unit)[-1][-1]  # of the newest sample in a top entry
    top = _table(before)[-1]
    before[-2] += (top[-3] - top[-2]) / weight
    changes = top_changes(before)
    assert changes[-2] == 0.0
    assert sum(c > 0.0 for c in changes) == 4
    assert _lost_into(before)
