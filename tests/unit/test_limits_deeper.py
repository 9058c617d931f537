"""`_deeper_against`: the answer must fit ``f`` closer to ``x0`` where it was sampled.

At ``x0 = 0`` or ``inf`` a rough estimate makes `limit` sample ``f`` at
``DEEP_STEPS`` steps each ``DEEP_RATIO`` times the one before, down to ``h``
about 1e-92 (`_closer_in`, for `_deeper`). Before this rule those samples
could only refine the estimate; when they contradicted it they were ignored,
and ``log(x) + 1e-15/sqrt(x)`` at 0+ was -inf (converged) though it is
positive from ``x = 1.7e-34`` on and tends to +inf. Now a run where the deeper
samples get stuck on one value is rounding's (``(x**x - 1)/x`` is 0 once
``x**x`` rounds to 1) unless it stops a growth short of falling back; an
infinite answer is refused when a deeper sample is not beyond the last usual
one toward the infinity; a finite one when a deeper sample leaves it farther
than the one before, past ``JUMP`` times its error, unless that growth is a
law ``c/h**p`` that the usual samples exclude (`_rounding_law`: rounding's,
as ``(exp(t) - 1 - t)/t**2`` is ``-1/t`` once ``exp(t)`` rounds to 1). No
new evaluations for that: the deeper samples were taken before. A converged
finite value whose error is small beside the rounding noise of the last usual
samples (a ``c/h**p`` may hide in it) is checked the same way against samples
taken closer in for it, up to the first ``STUCK`` equal ones in a row.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb
from calcweb.limits import JUMP, LimitResult, _deeper_against, _OneSided, _rounding_law

Function = Callable[[float], float]


def full(f: Function, x0: float, side: str) -> LimitResult:
    result = calcweb.limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    return result


def finite(value: float, error: float) -> _OneSided:
    return _OneSided(value, error, True, "")


INFINITE = _OneSided(math.inf, 0.0, True, "")


# Each tends to the infinity of its last term, which shows only closer in than
# the usual samples (down to x = 2**-49, or up to 2**49 at inf); the old code
# said the infinity of the other terms, converged.
TURNING = [
    ("log x + 1e-10/sqrt x", lambda x: math.log(x) + 1e-10 / math.sqrt(x), 0.0),
    ("log x + 1e-12/sqrt x", lambda x: math.log(x) + 1e-12 / math.sqrt(x), 0.0),
    ("log x + 1e-15/sqrt x", lambda x: math.log(x) + 1e-15 / math.sqrt(x), 0.0),
    ("log x + 1e-40/x", lambda x: math.log(x) + 1e-40 / x, 0.0),
    ("-log x - 1e-15/sqrt x", lambda x: -math.log(x) - 1e-15 / math.sqrt(x), 0.0),
    ("(x**x - 1)/x + 1e-15/sqrt x", lambda x: (x**x - 1) / x + 1e-15 / math.sqrt(x), 0.0),
    ("1/x - 1e-30/x**2", lambda x: 1 / x - 1e-30 / x**2, 0.0),
    ("log x - 1e-12 sqrt x at inf", lambda x: math.log(x) - 1e-12 * math.sqrt(x), math.inf),
]


@pytest.mark.parametrize(("name", "f", "x0"), TURNING, ids=[case[0] for case in TURNING])
def test_a_growth_that_turns_back_closer_in_is_refused(name: str, f: Function, x0: float) -> None:
    side = "right" if x0 == 0.0 else "left"
    result = full(f, x0, side)
    assert not result.converged, name
    assert "closer to x0" in result.message
    assert result.nfev in (64, 70)  # the deeper samples were taken before the rule too
    with pytest.raises(calcweb.NumericalError, match="closer to x0"):
        calcweb.limit(f, x0, side=side)  # type: ignore[arg-type]


@pytest.mark.parametrize("cap", [1e16, 1e30])
def test_a_growth_that_stops_on_a_constant_closer_in_is_refused(cap: float) -> None:
    # min(1/x, cap) tends to cap: 1/x is 5.6e14 at the last usual sample, and
    # cap from x = 1/cap on. A constant that does not fall back is no rounding.
    result = full(lambda x: min(1 / x, cap), 0.0, "right")
    assert not result.converged
    assert "closer to x0" in result.message


@pytest.mark.parametrize(
    ("name", "f"),
    [
        ("sqrt x + 1e-30/x", lambda x: math.sqrt(x) + 1e-30 / x),
        ("sqrt x - 1e-30/x", lambda x: math.sqrt(x) - 1e-30 / x),
        ("sqrt x log x + 1e-40/x", lambda x: math.sqrt(x) * math.log(x) + 1e-40 / x),
    ],
)
def test_a_slow_limit_that_a_hidden_law_leaves_closer_in_is_refused(name: str, f: Function) -> None:
    # Before: 3.7e-20 +- 2.1e-14, -1.2e-20 +- 2.1e-14, 1.6e-11 +- 7.4e-9, converged
    # (true +inf, -inf, +inf): 1e-30/x is 5.6e-16 at the last usual sample.
    result = full(f, 0.0, "right")
    assert not result.converged, name
    assert "closer to x0" in result.message


@pytest.mark.parametrize(
    ("name", "f", "x0", "exact"),
    [
        ("log x", math.log, 0.0, -math.inf),
        ("100 + log x", lambda x: 100 + math.log(x), 0.0, -math.inf),  # crosses 0 closer in
        ("(x**x - 1)/x", lambda x: (x**x - 1) / x, 0.0, -math.inf),  # 0 closer in: stuck
        ("1/x**2", lambda x: 1 / x**2, 0.0, math.inf),
        ("1/sqrt x", lambda x: 1 / math.sqrt(x), 0.0, math.inf),
        ("log x at inf", math.log, math.inf, math.inf),
        ("sqrt x at inf", math.sqrt, math.inf, math.inf),
        ("x/log x at inf", lambda x: x / math.log(x), math.inf, math.inf),
        ("log x - 1e-40/x", lambda x: math.log(x) - 1e-40 / x, 0.0, -math.inf),
        ("sqrt x", math.sqrt, 0.0, 0.0),
        ("sqrt x log x", lambda x: math.sqrt(x) * math.log(x), 0.0, 0.0),
        ("x**0.25", lambda x: x**0.25, 0.0, 0.0),
        ("sqrt x sin(1/x)", lambda x: math.sqrt(x) * math.sin(1 / x), 0.0, 0.0),
    ],
)
def test_limits_that_fit_f_closer_in_keep_their_answers(
    name: str, f: Function, x0: float, exact: float
) -> None:
    side = "right" if x0 == 0.0 else "left"
    result = full(f, x0, side)
    assert result.converged, (name, result.message)
    if math.isinf(exact):
        assert result.value == exact
    else:
        assert abs(result.value - exact) <= 2 * result.error


@pytest.mark.parametrize(
    ("name", "g", "c"),
    [
        ("exp1t", lambda t: (math.exp(t) - 1 - t) / t**2, 3.0),
        ("exp1t", lambda t: (math.exp(t) - 1 - t) / t**2, 100.0),
        ("cancel", lambda t: (math.cos(t) - 1 + t**2 / 2) / t**4, 7.3),
        ("cancel", lambda t: (math.cos(t) - 1 + t**2 / 2) / t**4, 0.003),
    ],
)
@pytest.mark.parametrize("side", ["left", "right"])
def test_a_growth_closer_in_that_only_rounding_makes_leaves_the_value(
    name: str, g: Function, c: float, side: str
) -> None:
    # Rough estimates (errors 9.6e-10 .. 3.1e-7), sampled closer in, where
    # exp(t) or cos(t) rounds to 1 and f is -1/t or 1/(2 t**2), t = x/c: a law
    # far from f at usual samples where f is near its limit (-4c or 8 c**2 at
    # x = 1/4 for c = 3, 100, 7.3; 75 at x = 2**-12 for c = 0.003).
    # Without _rounding_law, 147 such right answers of the corpus were refused.
    exact = 0.5 if name == "exp1t" else 1 / 24
    result = full(lambda x: g(x / c), 0.0, side)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2 * result.error


T = math.tan(math.pi / 4)
HIDDEN = [
    (
        "(exp(1.1 x) - 1)/(1.1 x) + 1e-16/x",
        lambda x: (math.exp(1.1 * x) - 1) / (1.1 * x) + 1e-16 / x,
    ),
    ("(2**x - 1)/x + 1e-16/x", lambda x: (2**x - 1) / x + 1e-16 / x),
    (
        "(exp(1.1 x) - 1)/(1.1 x) - 1e-20/x",
        lambda x: (math.exp(1.1 * x) - 1) / (1.1 * x) - 1e-20 / x,
    ),
    ("(2**x - 1)/x - 1.08e-22/x", lambda x: (2**x - 1) / x - 1.0821877595747296e-22 / x),
    ("(2**x - 1)/x + 1.16e-42/x**3", lambda x: (2**x - 1) / x + 1.1599992786856975e-42 / x**3),
    (
        "(tan(pi/4 + x) - tan(pi/4 - x))/(2 x) - 2.06e-46/x**3",
        lambda x: (
            (math.tan(math.pi / 4 + x) - math.tan(math.pi / 4 - x)) / (2 * x)
            - 2.057746235606079e-46 / x**3
        ),
    ),
]


@pytest.mark.parametrize(("name", "f"), HIDDEN, ids=[case[0] for case in HIDDEN])
def test_a_law_hidden_in_the_rounding_noise_shows_closer_in(name: str, f: Function) -> None:
    # Before: converged, e.g. 1.00000000000006 +- 2.7e-12 and 0.69314718056004
    # +- 1.5e-12 for the first two (true +inf): the noise of the quotient, about
    # eps/x, is as large as 1e-16/x at every usual sample, and the estimate
    # comes from farther out. Closer in exp(1.1 x) (2**x, tan(pi/4 + x))
    # rounds away and f is the law alone, growing past every sample.
    result = full(f, 0.0, "right")
    assert not result.converged, name
    assert "closer to x0" in result.message


def test_a_law_hidden_in_the_noise_at_infinity_shows_closer_in_too() -> None:
    # (2**(1/x) - 1) x + 1.78e-36 x**2 at inf: stress3 seed 1 (finite before).
    result = full(
        lambda x: (2 ** (1 / x) - 1) * x + 1.7816469633525946e-36 * x**2, math.inf, "left"
    )
    assert not result.converged
    assert "closer to x0" in result.message


def test_the_last_sample_before_f_loses_all_its_digits_closer_in_is_rounding() -> None:
    # sqrt(x**2 + 1e6 x) - x at inf: 499999.9999995 +- 5.4e-6 from the usual
    # samples, which end on 500000.0 (noise 6.5e-5 at the last, above JUMP
    # times the error 5.4e-6: sampled closer in), then 499712 at x = 2**65 (61
    # ulps of x, 8192 each) and 0 from 2**81 on. Refused when the 499712 counted.
    # Between them f falls onto the 0 from 524288 (2**19, at x = 2**69 to 2**71:
    # the last unit rounding leaves; 0 from 2**72 on), not on the way of a growth
    # (`_grown_onto`).
    result = full(lambda x: math.sqrt(x**2 + 10**6 * x) - x, math.inf, "left")
    assert result.converged, result.message
    assert abs(result.value - 500000) <= 2 * result.error
    # closer in: 499712, then three zeros; 5 at the halvings before the zeros
    assert result.nfev == 48 + 4 + 5 + 2  # + 2 between the steps (`_off_the_grid`)


@pytest.mark.parametrize(
    ("name", "f", "exact", "extra"),
    [
        # Their deeper samples get stuck on 0 at once: three more evaluations,
        # and 4 or 5 at the halvings before, where f falls onto the 0 (`_grown_onto`).
        ("(exp(1.1 x) - 1)/(1.1 x)", lambda x: (math.exp(1.1 * x) - 1) / (1.1 * x), 1.0, 3 + 5),
        ("(1 - cos x)/x**2", lambda x: (1 - math.cos(x)) / x**2, 0.5, 3 + 4),
        (
            "(tan(pi/4 + x) - tan(pi/4))/x",
            lambda x: (math.tan(math.pi / 4 + x) - T) / x,
            2.0,
            3 + 5,
        ),
        # Exactly -1/t closer in, which the usual samples exclude: all 16.
        # (+ 1 between the steps: rounding's noise off f's trend at 2**-40, `_off_the_grid`)
        ("(exp(x) - 1 - x)/x**2", lambda x: (math.exp(x) - 1 - x) / x**2, 0.5, 16 + 1),
        # No noise beside the error: sampled only at the deepest step closer
        # in, where sin(x)/x is 1.0, and log(1 + x)/x 0 (1 + x rounds to 1),
        # which calls for the steps between: three zeros (and 4 halvings before them);
        # a value f fits there is checked at 2**-993 too (`_beyond_the_floor`).
        ("sin(x)/x", lambda x: math.sin(x) / x, 1.0, 1 + 1),
        # (as above, + 2; + 1 halfway between the depths, where rounding's growth shows,
        # and + 2 halfway out from the shallower: session 32)
        ("log(1 + x)/x", lambda x: math.log(1 + x) / x, 1.0, 1 + 3 + 4 + 2 + 1 + 2),
        # Noise (1.2e-12 at the last sample) below JUMP times the error (4 x 3.6e-12).
        ("x**0.75", lambda x: x**0.75, 0.0, 1 + 1),
    ],
)
def test_a_noisy_limit_without_a_hidden_law_keeps_its_value(
    name: str, f: Function, exact: float, extra: int
) -> None:
    result = full(f, 0.0, "right")
    assert result.converged, (name, result.message)
    assert abs(result.value - exact) <= 2 * result.error
    usual = 48 + (16 if name == "(tan(pi/4 + x) - tan(pi/4))/x" else 0)  # _law_closer_in's samples
    assert result.nfev == usual + extra + 2  # + 2 between the steps (`_off_the_grid`)


# ------------------------------------------------------ _deeper_against itself


def against(
    result: _OneSided, usual: list[float], deep: list[float], noise: list[float] | None = None
) -> int | None:
    """`_deeper_against`, the usual samples free of rounding noise unless ``noise`` is given."""
    return _deeper_against(result, usual, deep, noise or [0.0] * len(usual))


USUAL = [-30.0, -31.0, -32.0, -33.0]  # the last usual samples, heading for -inf


def test_an_infinite_answer_needs_every_deeper_sample_beyond_the_last_usual_one() -> None:
    assert against(finite(-math.inf, 0.0), USUAL, [-40.0, -50.0]) is None
    assert against(_OneSided(-math.inf, 0.0, True, ""), USUAL, [-40.0, -32.0]) == 1
    assert against(_OneSided(-math.inf, 0.0, True, ""), USUAL, [-33.0, -50.0]) == 0
    assert against(INFINITE, [30.0, 31.0], [40.0, 1e300]) is None
    assert against(INFINITE, [30.0, 31.0], [40.0, -1e300]) == 1


def test_a_deeper_run_that_falls_back_is_rounding_and_one_that_does_not_refuses() -> None:
    minus = _OneSided(-math.inf, 0.0, True, "")
    # Stuck on 0 from the start ((x**x - 1)/x) or after growing on: rounding's.
    assert against(minus, USUAL, [0.0] * 16) is None
    assert against(minus, USUAL, [-40.0, -50.0, -1.0, -1.0, -1.0]) is None
    assert against(minus, USUAL, [-40.0, -50.0, -1.0, -1.0]) is None  # two at the end
    # Stuck beyond the growth: f stops there (min(1/x, 1e30)).
    assert against(minus, USUAL, [-40.0, -50.0, -60.0, -60.0, -60.0]) == 2
    assert against(minus, USUAL, [-50.0, -50.0, -50.0]) == 0
    # Among the samples before a run, one fallen back still counts, but not
    # the last before it, where f loses its last digits.
    assert against(minus, USUAL, [-20.0, -40.0, 0.0, 0.0, 0.0]) == 0
    assert against(minus, USUAL, [-40.0, -20.0, 0.0, 0.0, 0.0]) is None


def test_no_deeper_samples_or_a_refusal_leave_the_answer() -> None:
    assert against(INFINITE, [1.0, 2.0], []) is None
    refused = _OneSided(math.inf, math.inf, False, "")
    assert against(refused, [1.0, 2.0], [-5.0]) is None


def test_a_finite_value_is_left_only_by_a_sample_farther_than_the_one_before_past_its_error() -> (
    None
):
    value = finite(0.0, 1e-8)
    usual = [0.5, 0.25, 1e-7]  # the last usual sample is 1e-7 off
    assert against(value, usual, [1e-9, 1e-11, 1e-13]) is None  # converging
    assert against(value, usual, [1e-9, 1e-11, 1e-10]) is None  # within JUMP * error
    assert against(value, usual, [1e-9, 3e-8, 1e-5]) == 2  # growing past it
    assert against(value, usual, [1e-9, 1e-11, -5e-8]) == 2  # of either sign
    assert against(value, usual, [2e-7]) == 0  # the first: past the last usual one
    # Past JUMP * error exactly, farther than the one before: not yet / now.
    edge = JUMP * 1e-8
    assert against(value, usual, [1e-9, edge]) is None
    assert against(value, usual, [1e-9, edge * 1.001]) == 1
    # A run where the samples get stuck is rounding's, however far off, and
    # so is the sample before it; one before that is not.
    assert against(value, usual, [1e-9, 1.0, 1.0, 1.0]) is None
    assert against(value, usual, [1e-5, 0.0, 0.0, 0.0]) is None
    assert against(value, usual, [1e-5, 2e-5, 0.0, 0.0, 0.0]) == 0


def test_a_law_that_the_usual_samples_exclude_is_rounding() -> None:
    # f departs from 0.5 like -1/h closer in (steps 2**-65, 2**-81, ...),
    # which at the usual steps 2**-49, 2**-48, ... would be -2**49, -2**48, ...
    # and step by half that between them, where f steps by 1e-9.
    usual = [0.5 + 1e-9 * k for k in range(40)]
    value = finite(0.5, 1e-8)
    assert against(value, usual, [0.5 - 2.0**k for k in (65, 81, 97, 113)]) is None
    # The same law 2**-73 times as large is 2**-24 at the last usual step, and
    # steps by 2**-25 (3e-8) there, within JUMP times f's step and the error
    # (1.1e-8): it may be real, and the value is refused, at the first deeper
    # sample (off by -2**-8).
    assert against(value, usual, [0.5 - 2.0**k for k in (-8, 8, 24, 40)]) == 0
    # 2**-70 times: steps of 2**-22 there, past JUMP * (1e-9 + 1e-8): excluded ...
    law = [0.5 - 2.0**k for k in (-5, 11, 27, 43)]
    assert against(value, usual, law) is None
    # ... unless the noise of the usual samples (as large as the law: eps/h)
    # could hide it: then it fits, and the value is refused.
    noise = [2.0**-21 * 2.0 ** -(len(usual) - 1 - k) for k in range(len(usual))]
    assert against(value, usual, law, noise) == 0


def test_rounding_law_is_taken_from_steps_between_the_samples_closer_in() -> None:
    # 0.7 - 2**-80/h closer in (f settled elsewhere first, as (2**x - 1)/x -
    # 1e-22/x is -1e-22/x once 2**x rounds to 1): departures from 0 of 0.7 -
    # 2**-15, 0.7 - 2**1, ... The law, from its steps, is 2**-31 at the last
    # usual step (2**-49), and steps by 2**-32 there: within JUMP times the
    # usual samples' own steps, 2**-31.
    usual = [0.0, 2.0**-31, 2.0**-30]
    offs = [0.7 - 2.0**k for k in (-15, 1, 17, 33)]
    fits = {"usual": usual, "error": 0.0, "noise": [0.0] * 3, "i": 0}
    assert not _rounding_law(**fits, offs=offs, floors=[1e-9] * 4)
    # A larger law, 2**6 times, steps by 2**-26 there: excluded (past 4 * 2**-31).
    big = [0.7 - 2.0**k for k in (-9, 7, 23, 39)]
    assert _rounding_law(**fits, offs=big, floors=[1e-9] * 4)
    # The same offsets found from the third sample closer in (i = 2): the steps
    # are 2**32 times closer to x0, the law 2**-32 times as large back there.
    assert not _rounding_law(**{**fits, "i": 2}, offs=big, floors=[1e-9] * 4)


@pytest.mark.parametrize(
    "offs",
    [
        [1.0, 2.0**20, -(2.0**40), 2.0**60],  # steps of two signs
        [1.0, 2.0**20, 2.0**20 + 1.0, 2.0**20 + 1.5],  # steps that shrink
        [1.0, 1.0 + 1e-10, 1.0 + 1e-5, 1.0 + 1e5],  # the first step within its floor
        [1.0, 2.0**20],  # too few for two steps
    ],
)
def test_rounding_law_needs_two_growing_steps_of_one_sign_past_their_floor(
    offs: list[float],
) -> None:
    usual = [0.0] * 3  # any law would be excluded here
    floors = [1e-9, 1e-9, 1e-9, 1e-9][: len(offs)]
    if offs[2:3] == [1.0 + 1e-5]:
        floors = [1e-9, 1e-9, 1e-4, 1e-4]
    assert not _rounding_law(usual, error=1e-12, noise=[0.0] * 3, offs=offs, floors=floors, i=0)
