"""A run that ``f`` grows onto closer in is no rounding: f stops there (issue 13).

``(exp(1.1 x) - 1)/(1.1 x) + min(1e-16/x, C)`` at 0+ (true limit ``1 + C``)
was 1.0000000000000597 +- 2.7e-12, converged, for C = 10 .. 1e6: its term
hides in the quotient's rounding noise (about ``eps/x``) at the usual
samples, so ``f`` is sampled closer in, where the samples get stuck on ``C``
(the quotient is 0 once ``exp(1.1 x)`` rounds to 1), and a run on which they
get stuck was taken for rounding's. In floats ``f`` is ``1 + C`` nowhere, so
refusing is the honest answer. `_grown_onto` tells the two apart at the
halvings before the run: rounding that cancels the digits carrying ``x``
drops ``f`` onto the run, by more than it moved before; a term that grows
and stops on a constant reaches it on its way (1.8, 3.6, 7.2, then 10).
bench.honesty limits-capped (such terms on every quotient of
limits-hidden-noisy, capped closer in than the usual samples) had 11, 16 and
13 finite dishonest answers at seeds 1-3 (300 draws), 3, 5 and 6 after: caps
reached where the quotient's own rounding drops ``f`` (0, 1 and 0 once a law
that ends closer in on a constant other than 0 is no longer taken for
rounding's: test_limits_cap_collapse.py).

Each case in CAPPED is answered, converged and wrong, by calcweb/limits.py
before this change.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from limit_checks import Function, full

from calcweb.limits import (
    BETWEEN,
    _capped,
    _Counted,
    _divergence,
    _grown_onto,
    _law_between,
    _OneSided,
    _stopped_past,
)

CAPPED = [
    *(
        (
            f"(exp(1.1 x) - 1)/(1.1 x) + min(1e-16/x, {c:g}) at 0+",
            lambda x, c=c: (math.exp(1.1 * x) - 1) / (1.1 * x) + min(1e-16 / x, c),
            0.0,
            "right",
        )
        for c in (10.0, 100.0, 1e3, 3e3, 1e4, 1e6)
    ),
    # limits-capped seed 2: f falls past the run first, to 0.033 at 2**-53
    # (the quotient rounds to 0 there), then grows onto it, 0.066 .. 0.53 at
    # 2**-54 .. 2**-57, 0.578 on. Was 1.000000000000077 +- 1.4e-12.
    (
        "(exp(x) - 1)/x + min(3.66e-18/x, 0.578) at 0+",
        lambda x: (math.exp(x) - 1) / x + min(3.65821855603496e-18 / x, 0.5777758672686075),
        0.0,
        "right",
    ),
    # A quiet quotient (1.0 at every step closer in), the term 1e-60/|x|**3
    # 1.8e-16 at the last usual step; 5 from x = 5.8e-21 on. Was 1.0 +- 8.9e-16.
    (
        "sin(x)/x - min(1e-60/|x|**3, 5) at 0-",
        lambda x: math.sin(x) / x - min(1e-60 / abs(x) ** 3, 5.0),
        0.0,
        "left",
    ),
]


@pytest.mark.parametrize(("name", "f", "x0", "side"), CAPPED, ids=[r[0] for r in CAPPED])
def test_a_run_that_f_grows_onto_is_refused(name: str, f: Function, x0: float, side: str) -> None:
    result = full(f, x0, side)
    assert not result.converged, (name, result)
    # (exp(x) - 1)/x + min(3.66e-18/x, 0.578) leaves 1 by a law at its last usual
    # samples (the term, 1 + 0.033 at 2**-49) that ends closer in on 0.578, not
    # on 0: refused by `_law_closer_in` (test_limits_cap_collapse.py) before the
    # steps closer in are looked at; the others by what f does there.
    closer = "leave it ever faster" if "3.66e-18" in name else "closer to x0"
    assert closer in result.message, name
    assert result.error == math.inf


def test_the_refusal_names_where_the_run_starts() -> None:
    # 1e-16/x reaches 10 between 2**-56 (7.2) and 2**-57, where f is 10.
    result = full(
        lambda x: (math.exp(1.1 * x) - 1) / (1.1 * x) + min(1e-16 / x, 10.0), 0.0, "right"
    )
    assert f"at {2.0**-57!r}, it is 10," in result.message
    # 48 usual, 3 closer in (10, 10, 10), 5 at the halvings before them.
    assert result.nfev == 48 + 3 + 5


T = math.tan(math.pi / 4)
FALLS = [
    # exp(-5) at every step down to 2**-52, then 1 (1 + x rounds to 1): 150 times the limit.
    ("(1 + x)**(-5/x) at 0+", lambda x: (1 + x) ** (-5 / x), 0.0, "right", math.exp(-5)),
    # 7.25, 7.5, 7.0, 6.0 at 2**-48 .. 2**-51, then 0: the drop onto the run is 6,
    # more than the growth before it (0.5, 1) would take next.
    (
        "(exp(2 + x) - exp(2))/x",
        lambda x: (math.exp(2 + x) - math.exp(2)) / x,
        0.0,
        "right",
        math.exp(2),
    ),
    # 0.1875 at 2**-53 .. 2**-55, 0.125, then 0: no growth before the drop.
    ("((1/10 + x)**2 - (1/10)**2)/x", lambda x: ((0.1 + x) ** 2 - 0.1**2) / x, 0.0, "right", 0.2),
    ("(1/(1/10 + x) - 10)/x at 0-", lambda x: (1 / (0.1 + x) - 1 / 0.1) / x, 0.0, "left", -100.0),
    # 1.8 at 2**-53 (the last unit left, rounded up), then 0: off the run's side.
    ("(exp(1.1 x) - 1)/(1.1 x)", lambda x: (math.exp(1.1 * x) - 1) / (1.1 * x), 0.0, "right", 1.0),
    (
        "sqrt(x**2 + 1e6 x) - x at inf",
        lambda x: math.sqrt(x**2 + 1e6 * x) - x,
        math.inf,
        "left",
        5e5,
    ),
]


@pytest.mark.parametrize(("name", "f", "x0", "side", "exact"), FALLS, ids=[r[0] for r in FALLS])
def test_a_run_that_f_falls_onto_is_rounding(
    name: str, f: Function, x0: float, side: str, exact: float
) -> None:
    result = full(f, x0, side)
    assert result.converged, (name, result.message)
    assert abs(result.value - exact) <= 2 * result.error, name


def test_a_cap_reached_where_the_quotient_collapses_is_refused() -> None:
    # tanq is 2 + 2**-53/x at its samples, plus 3.13e-16/x, capped at 1.74 from
    # x = 1.8e-16 on: 3.9 at 2**-52, 4.7 at 2**-53, then 1.74 (tanq is 0): a fall.
    # True limit 3.74, which f takes nowhere; answered 2.0000000000014 +- 7.2e-11
    # while a law that ends closer in on any constant was taken for rounding's
    # (test_limits_cap_collapse.py: only one that ends on 0 is).
    k, cap = 3.129401996178966e-16, 1.7366079775467118
    result = full(lambda x: (math.tan(math.pi / 4 + x) - T) / x + min(k / x, cap), 0.0, "right")
    assert not result.converged


def test_a_cap_reached_on_the_usual_samples_does_not_leave_the_far_field_value() -> None:
    # Found by session 11's LIM3: 1.0000000000000007 +- 8.9e-16, converged, 55 calls,
    # for the true limit 1e30 + 1, which f is at every usual sample from 2**-42 on.
    result = full(lambda x: 1 + min(1e-20 / x**4, 1e30), 0.0, "right")
    assert not result.converged or abs(result.value - 1e30) <= 2 * result.error
    assert "stops on 1e+30" in result.message


@pytest.mark.parametrize(("power", "cap"), [(4, 1e30), (4, 1e10), (3, 1e10), (2, 5.0)])
def test_a_growth_that_stops_on_a_constant_past_it_is_refused(power: int, cap: float) -> None:
    # 1 + min(1e-20/x**p, cap): the usual samples settle near 1 far out, grow
    # 2**p times a halving, and end on a run of cap + 1 (the limit). All four
    # were 1 +- 8.9e-16 (power 4) or 4.4e-16, converged, before `_stopped_past`.
    result = full(lambda x: 1 + min(1e-20 / x**power, cap), 0.0, "right")
    assert not result.converged
    # 48 usual samples, and f at 3/4, 5/8 and 7/8 of the step before the run.
    assert result.nfev == 48 + len(BETWEEN)


@pytest.mark.parametrize("cap", [0.5, 1.0, 2.0])
def test_a_growth_that_stops_on_a_constant_before_outgrowing_the_value_is_refused(
    cap: float,
) -> None:
    # Found by LIM5: 1 + min(1e-20/x**2, cap) at 0+ (limit 1 + cap) was 1.0 +- 4.4e-16,
    # converged, 55 calls. The usual samples settle near 1, grow 4 times a halving to
    # 1.18 at 2**-32 (cap 0.5) or 1.74 at 2**-33 (caps 1 and 2), and stop on 1 + cap
    # from the next step on, farther still: the last departure, 0.18 or 0.74, is below
    # the value's own size, which once let rounding's bias be assumed. f stays off 1
    # between that sample and the run (a cap), so the value is refused.
    result = full(lambda x: 1 + min(1e-20 / x**2, cap), 0.0, "both")
    assert not result.converged
    assert f"stops on {1 + cap:.6g} from" in result.message
    # 48 usual samples a side, and f at 3/4, 5/8 and 7/8 of the step before the run.
    assert result.nfev == 2 * (48 + len(BETWEEN))


def midway(values: list[float]) -> Callable[[int, float], float]:
    """``between`` for `_stopped_past`: f at ``t`` times sample ``i``'s step, on the chord."""
    return lambda i, t: values[i + 1] + (values[i] - values[i + 1]) * (2 * t - 1)


def test_a_growth_that_stops_on_a_constant_is_only_a_run_past_its_last_sample() -> None:
    before = [1.0, 1.0, *(1.0 + 2.0**k for k in range(1, 12))]
    capped = [*before, 2.0**13, 2.0**13, 2.0**13]
    assert _stopped_past(capped, 1.0, midway(capped))
    for values in (
        [*before, 2.0**13, 2.0**13],  # too short a run
        [*before, 1.5, 1.5, 1.5],  # falls back: rounding's
        [*before, 0.5, 0.5, 0.5],  # the other side of the value
    ):
        assert not _stopped_past(values, 1.0, midway(values)), values
    # Departures growing ever faster, but not past the value itself, stop on a cap too when f
    # stays off the value between them (1 + min(1e-20/x**2, 0.5) at 0+); rounding's bias,
    # which may grow so at the steps, goes back to the value there (`_back_between`).
    small = [1.0, 1.0, *(1.0 + 2.0 ** (k - 50) for k in range(1, 12)), *[1.0 + 2.0**-30] * 3]
    assert _divergence([y - 1.0 for y in small[:-3]])
    assert _stopped_past(small, 1.0, midway(small))
    assert not _stopped_past(small, 1.0, lambda i, t: 1.0)


def test_a_growth_that_goes_back_to_the_value_between_its_samples_is_rounding() -> None:
    before = [1.0, 1.0, *(1.0 + 2.0**k for k in range(1, 12))]
    capped = [*before, 2.0**13, 2.0**13, 2.0**13]
    last = len(before) - 1  # f between the last sample before the run and the run

    def at(seen: dict[float, float]) -> Callable[[int, float], float]:
        return lambda i, t: seen.get(t, midway(capped)(i, t)) if i == last else math.nan

    # Back at the value, or past it, at any of 3/4, 5/8, 7/8 of the last step: rounding's.
    for t in BETWEEN:
        for y in (1.0, 0.5, -(2.0**13)):
            assert not _stopped_past(capped, 1.0, at({t: y})), (t, y)
    # Off the chord but not back to the value, beyond the run, or where f fails: a cap.
    for y in (1.0 + 2.0**-40, 2.0, 2.0**20, math.nan):
        assert _stopped_past(capped, 1.0, at({0.75: y})), y
    assert _stopped_past(capped, 1.0, at({0.5: 1.0, 1.0: 1.0}))  # only inside the halving
    calls: list[float] = []
    _stopped_past(capped, 1.0, lambda i, t: calls.append(t) or 1.0)
    assert calls == [0.75]  # the middle first, to the first return


@pytest.mark.parametrize("power", [3, 4])
def test_a_cap_reached_before_the_trusted_tail_does_not_leave_the_far_field_value(
    power: int,
) -> None:
    # Found by session 11's LIM4: 1.0 +- 4.4e-16 (power 3) and 1.0000000000000007 +- 8.9e-16
    # (power 4), converged, 48 calls, "f is exactly 6.0 between x0 and 1.19e-07 (3.81e-06 for
    # power 4), where rounding cancels all its digits", for the true limit 6. 1 + 1e-20/x**3
    # is 1.74 at 2**-22 and 6.0 from 2**-23 on, before TRUSTED_TAIL: `_constant_run` read
    # the growth (8x a halving) as rounding noise grown to f's size (`_lost_into`).
    result = full(lambda x: 1 + min(1e-20 / x**power, 5.0), 0.0, "right")
    assert not result.converged or abs(result.value - 6.0) <= 2 * result.error
    assert "stops on 6 from" in result.message
    # one more, between the last two samples before the cap, and 2 about the
    # last sample before the run, which is no staircase's stair (`_stair_step`)
    assert result.nfev == 49 + 2


@pytest.mark.parametrize("cap", [0.5, 1.0, 2.0, 3.0, 7.0])
@pytest.mark.parametrize("power", [3, 4])
def test_a_growth_capped_before_the_trusted_tail_is_refused(power: int, cap: float) -> None:
    # 1 + min(1e-20/x**p, cap): first on the cap from 2**-17 (p = 4, cap 0.5) to 2**-24
    # (p = 3, cap 7), before step TRUSTED_TAIL; each was 1.0 +- 4.4e-16 (p = 3) or
    # 1.0000000000000007 +- 8.9e-16 (p = 4), converged, 48 calls.
    result = full(lambda x: 1 + min(1e-20 / x**power, cap), 0.0, "right")
    assert not result.converged
    assert result.value == pytest.approx(1.0)


VARIANTS = [
    ("both sides of 0", lambda x: 1 + min(1e-20 / abs(x) ** 3, 5.0), 0.0, "both"),
    ("0-", lambda x: 1 + min(1e-20 / abs(x) ** 3, 5.0), 0.0, "left"),
    ("inf", lambda x: 1 + min(1e-20 * x**3, 5.0), math.inf, "left"),
    ("3+", lambda x: 1 + min(1e-20 / abs(x - 3) ** 3, 5.0), 3.0, "right"),
    ("negated", lambda x: -1 - min(1e-20 / x**3, 5.0), 0.0, "right"),
]


@pytest.mark.parametrize(("name", "f", "x0", "side"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_a_growth_capped_before_the_trusted_tail_is_refused_anywhere(
    name: str, f: Function, x0: float, side: str
) -> None:
    # Each was the far-field value, +-1.0 +- 4.4e-16, converged (limits 6 and -6).
    result = full(f, x0, side)
    assert not result.converged, name
    assert "stops on" in result.message


def test_a_cap_is_only_a_law_that_stops_past_its_last_sample_within_its_next_step() -> None:
    # 1 + 2**(3k - 60) at the steps k = 0 .. 19: a law that grows 8 times a halving.
    before = [1.0 + 2.0 ** (3 * k - 60) for k in range(20)]
    last = before[-1] - 1.0  # 0.125
    assert _capped(before, 1.0 + 7.0 * last, 1.0, 1e-16)  # within the next step (8 times)
    assert _capped(before, 1.0 + 8.0 * last, 1.0, 1e-16)
    assert not _capped(before, 1.0 + 9.0 * last, 1.0, 1e-16)  # a jump past the law
    assert not _capped(before, 1.0 + 0.5 * last, 1.0, 1e-16)  # falls back
    assert not _capped(before, 0.5, 1.0, 1e-16)  # the other side of the value
    # The same law toward 0 (departures -2**(3k - 60) from 1, last 0.875): 0.5 is past
    # the last sample on the law's side, nearer 0: a cap too (rounding leaves 0 alone);
    # 0 itself is what rounding leaves of a numerator cancelled to nothing.
    toward = [2.0 - y for y in before]
    assert _capped(toward, 0.5, 1.0, 1e-16)
    assert not _capped(toward, 0.0, 1.0, 1e-16)
    assert not _capped(toward, -0.0, 1.0, 1e-16)
    # Shifted by -0.5 (value 0.5, last sample 0.375): -0.25, across 0, within the next step.
    assert _capped([y - 0.5 for y in toward], -0.25, 0.5, 1e-16)
    assert not _capped([y - 0.5 for y in toward], 0.0, 0.5, 1e-16)
    # Negated, the law rises from -1 to -0.875: -0.9 is farther from 0, but falls back.
    assert not _capped([-y for y in toward], -0.9, -1.0, 1e-16)
    # Shifted by 1 (value 2, last sample 2.125), 2.875 is past it and farther from 0: a cap.
    assert _capped([y + 1.0 for y in before], 2.0 + 7.0 * last, 2.0, 1e-16)
    # Departures that grow as fast but change their rate (6, 10, 6, ... times a halving),
    # as noise does, are no law.
    uneven = [1.0 + 2.0**-80 * math.prod(([6.0, 10.0] * 10)[:k]) for k in range(20)]
    assert _divergence([y - 1.0 for y in uneven])
    assert not _capped(uneven, 1.0 + 3.0 * (uneven[-1] - 1.0), 1.0, 1e-16)


def _sin3(t: float) -> float:
    return (math.sin(t) - t) / t**3


def _tan_sin3(t: float) -> float:
    return (math.tan(t) - math.sin(t)) / t**3


def _log3(t: float) -> float:
    return (math.log(1 + t) - t + t * t / 2) / t**3


CANCELLED = [
    ("(sin t - t)/t**3 + 1, t = x/4", lambda x: _sin3(x / 4) + 1, 5 / 6, "right"),
    ("(sin t - t)/t**3 + 0.2, t = x/1024", lambda x: _sin3(x / 1024) + 0.2, 1 / 30, "left"),
    ("(tan t - sin t)/t**3 - 1, t = x/16", lambda x: _tan_sin3(x / 16) - 1, -0.5, "right"),
    ("(log(1 + t) - t + t**2/2)/t**3 - 1, t = x/4", lambda x: _log3(x / 4) - 1, -2 / 3, "left"),
]


@pytest.mark.parametrize(("name", "f", "exact", "side"), CANCELLED, ids=[c[0] for c in CANCELLED])
def test_a_cancelled_quotient_whose_rounding_keeps_a_law_at_the_samples_is_no_cap(
    name: str, f: Function, exact: float, side: str
) -> None:
    # At t = 2**-k, exact binary fractions, rounding leaves each numerator off
    # by a law: (sin t - t)/t**3 + 1 is 5/6 + 2**(2k - 53)/3 (sin t is rounded up
    # by up to a third of an ulp), 4 times a halving up to 0.875, then exactly 1 (the
    # numerator cancelled to 0), before TRUSTED_TAIL for these scales: a c/h**2
    # term capped at 1, as far as those samples show. Between them (4/3 of a
    # step) rounding is another, off that law: `_law_between`. All four were
    # refused by `_capped` alone; they cost one evaluation more (and two
    # between the steps, `_off_the_grid`).
    result = full(f, 0.0, side)
    assert result.converged, (name, result.message)
    assert abs(result.value - exact) <= 2 * result.error, name
    # + 1 more for log's: its rounding between the steps is off f's trend at 2**-40,
    # and + 2 at 2**-32 and 2**-16, halfway between the depths, where it grows at each
    between = 5 if name.startswith("(log(1 + t)") else 2
    assert result.nfev == 49 + between + 2  # + 2: no staircase's stair (`_stair_step`)


def test_a_real_term_keeps_its_law_between_the_samples_and_rounding_need_not() -> None:
    def cap(x: float) -> float:
        return 1 + min(1e-20 / x**3, 5.0)

    def sin3(x: float) -> float:
        return _sin3(x / 4) + 1

    def law(f: Function, run: int) -> bool:
        before = [f(2.0 ** -(k + 2)) for k in range(run)]
        value = 1.0 if f is cap else 5 / 6
        return _law_between(f, lambda h: h, 2.0 ** -(run + 1), x0=0.0, before=before, value=value)

    assert law(cap, 21)  # 1.74 at 2**-22, on 1 + 1e-20/x**3 at 4/3 * 2**-22 too
    assert not law(sin3, 22)  # 0.875 at 2**-23, off its law at 4/3 * 2**-23


@pytest.mark.parametrize("shift", [0.0, 1.0, -1.0])
def test_rounding_that_drops_a_cancelling_quotient_to_0_is_no_cap(shift: float) -> None:
    # (sin h - h)/h**3 leaves -1/6 ever faster (rounding), -0.125 at 2**-25, then is 0:
    # toward 0, not past the growth. With shift 1, f goes from 0.875 to 1.0, past it, but
    # goes back past the value between them (0.70 at 0.75 * 2**-25: `_back_between`).
    result = full(lambda h: (math.sin(h) - h) / h**3 + shift, 0.0, "both")
    assert result.converged
    assert abs(result.value - (shift - 1 / 6)) <= 2 * result.error


# reviewC's scan of g(h) + s, s = -1 .. 1 in steps of 0.025, at 0+: the shifts that
# _stopped_past refused alone (true limits 1/30 .. 1/12 and -0.1 .. 0.1).
ONTO = [
    *(
        ("(sin h - h)/h**3", lambda h: (math.sin(h) - h) / h**3, -1 / 6, s)
        for s in (0.15, 0.175, 0.2)
    ),
    *(
        ("(tan h - sin h)/h**3", lambda h: (math.tan(h) - math.sin(h)) / h**3, 0.5, -i / 40)
        for i in range(16, 25)
    ),
]


@pytest.mark.parametrize(
    ("name", "g", "exact", "shift"), ONTO, ids=[f"{r[0]} {r[3]:+g}" for r in ONTO]
)
def test_rounding_that_drops_a_cancelling_quotient_onto_a_constant_is_no_cap(
    name: str, g: Function, exact: float, shift: float
) -> None:
    # (tan h - sin h)/h**3 - 0.5 leaves its value 4 times a halving to -0.125 at
    # 2**-25 and is -0.5 from 2**-26 on (tan h - sin h rounds to 0), exactly as
    # max(-2**-53/h**2, -0.5) would at those steps; between them it is back past 0
    # (0.093 at 0.75 * 2**-25). Was refused ("stops on -0.5", error inf), as were the
    # others: (sin h - h)/h**3 + 0.2 is 0.075 at 2**-25 and 0.2 from 2**-26 on.
    result = full(lambda h: g(h) + shift, 0.0, "right")
    assert result.converged, (name, shift, result.message)
    assert abs(result.value - (exact + shift)) <= 2 * result.error, (name, shift)


def test_the_tan_minus_sin_reproducer_from_both_sides() -> None:
    # -8.07945287391216e-11 +- 2.9e-10, converged, 110 calls, before _stopped_past;
    # -8.08e-11 +- inf, not converged, 96 calls, with it.
    result = full(lambda h: (math.tan(h) - math.sin(h)) / h**3 - 0.5, 0.0)
    assert result.converged, result.message
    assert abs(result.value) <= 2 * result.error


# ------------------------------------------------------------ _grown_onto itself

VALUE = _OneSided(1.0, 1e-12, True, "")


def grown(
    before: list[float], run: float, *, usual: list[float] | None = None
) -> tuple[float, float] | None:
    """`_grown_onto` for f that is ``before`` at the halvings 2**-50, 2**-51, ... and then ``run``.

    The usual samples end at ``h = 2**-49`` on ``usual`` (1.0 by default);
    the samples closer in (2**-65, ...) are the run.
    """
    values = dict(enumerate(before, start=50))

    def f(x: float) -> float:
        return values.get(-round(math.log2(x)), run)

    counted = _Counted(f)
    usual = usual or [1.0] * 4
    return _grown_onto(counted, lambda h: h, 2.0**-49, usual=usual, deep=[run] * 3, result=VALUE)


def test_f_growing_by_a_law_onto_the_run_grows_onto_it() -> None:
    assert grown([1.0, 1.5, 2.0, 3.0, 5.0], 7.0) == (2.0**-55, 7.0)  # steps 0.5, 0.5, 1, 2, then 2
    # The step onto the run as large as the growth would take next: still a cap.
    assert grown([1.0, 1.5, 2.0, 3.0, 5.0], 9.0) is not None
    # Larger: f dropped onto it.
    assert grown([1.0, 1.5, 2.0, 3.0, 5.0], 9.01) is None


def test_steps_that_do_not_grow_toward_the_run_are_no_growth() -> None:
    assert grown([1.0, 1.0, 1.0, 1.0], 7.0) is None  # a jump from the value
    assert grown([1.0, 2.0, 3.0, 4.0], 5.0) is None  # steps that do not grow
    assert grown([1.0, 3.0, 4.0, 4.5], 4.6) is None  # nor shrinking ones
    assert grown([1.0, 3.0, 2.0, 4.0], 7.0) is None  # one back
    assert grown([1.0, 2.0, 4.0, 8.0], 0.0) is None  # growing away from the run
    assert grown([1.0, 2.0, 4.0, 8.0], 7.0) is None  # beyond the run: it falls back


def test_a_first_step_within_the_error_and_rounding_is_no_growth() -> None:
    # room: JUMP * 1e-12 and 4 eps of the samples, 4.0009e-12 in all
    assert grown([1.0, 1.0, 1.0 + 4e-12, 1.0 + 1e-11], 1.0 + 1.5e-11) is None
    assert grown([1.0, 1.0, 1.0 + 6e-12, 1.0 + 1.3e-11], 1.0 + 2e-11) is not None


def test_a_run_on_the_value_or_no_run_is_no_contradiction() -> None:
    counted = _Counted(lambda x: 1.0)
    usual = [1.0] * 4
    assert (
        _grown_onto(counted, lambda h: h, 2.0**-49, usual=usual, deep=[1.0] * 3, result=VALUE)
        is None
    )
    assert (
        _grown_onto(counted, lambda h: h, 2.0**-49, usual=usual, deep=[2.0, 3.0, 4.0], result=VALUE)
        is None
    )
    assert counted.calls == 0


# LIM7's cap scans (session 12), kind K1 of LIM14's sorting (session 14): a term that
# leaves the value as c/h**p within the usual samples and stops on a cap nearer 0 than
# its last sample, or across 0, was taken for rounding's, which drops f toward 0: the
# run had to be farther from 0. Rounding that cancels a numerator to nothing leaves 0
# itself; any other constant past the growth is where it stops (or a constant beside a
# quotient, which `_back_between` and `_law_between` tell apart). Each was answered
# 1 (the value far out), converged; the limits are 0.7 and -4.
TOWARD_0 = [
    ("1 - min(1e-20/|x|**3, 5)", lambda x: 1 - min(1e-20 / abs(x) ** 3, 5), "as c/h**p"),
    ("1 - min(1e-12/|x|, 0.3)", lambda x: 1 - min(1e-12 / abs(x), 0.3), None),
    ("1 - min(1e-40/|x|**6, 0.3)", lambda x: 1 - min(1e-40 / abs(x) ** 6, 0.3), "as c/h**p"),
    ("1 - min(1e-14/|x|**2, 0.3)", lambda x: 1 - min(1e-14 / abs(x) ** 2, 0.3), "as c/h**p"),
    ("sin(x)/x - min(1e-12/|x|, 0.3)", lambda x: math.sin(x) / x - min(1e-12 / abs(x), 0.3), None),
    (
        "(exp(x) - 1)/x - min(1e-30/|x|**3, 5)",
        lambda x: (math.exp(x) - 1) / x - min(1e-30 / abs(x) ** 3, 5),
        "ever faster and stops on",
    ),
]


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize(("name", "f", "says"), TOWARD_0, ids=[c[0] for c in TOWARD_0])
def test_a_cap_nearer_0_or_across_it_is_refused(
    name: str, f: Function, says: str | None, side: str
) -> None:
    result = full(f, 0.0, side)
    assert not result.converged, (name, result)
    assert result.error == math.inf
    assert abs(result.value - 1.0) < 1e-9  # the value far out, now refused
    assert "stops on" in result.message
    if says is not None:
        assert says in result.message


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize(
    ("f", "exact"),
    [
        (lambda x: (1 - math.cos(x)) / x**2, 0.5),  # cancels to 0: rounding's run
        (lambda x: (math.sin(x) - x) / x**3 + 0.2, 0.2 - 1 / 6),  # back past the value between
        (lambda x: (math.tan(x) - math.sin(x)) / x**3 - 0.5, 0.0),
    ],
    ids=["(1-cos)/x2", "(sin-x)/x3+0.2", "(tan-sin)/x3-0.5"],
)
def test_rounding_s_runs_still_stand(f: Function, exact: float, side: str) -> None:
    result = full(f, 0.0, side)
    assert result.converged, result
    assert abs(result.value - exact) <= 2 * result.error
