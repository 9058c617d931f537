"""Numerical derivatives of staircases: functions rounded to a grid coarser than their rounding.

``(c + g(x)) - c`` is ``g`` rounded to ulp(c); ``round(g(x) 2**k) / 2**k`` and
``floor(g(x) / q) q`` round it on purpose. Below a step of about (stair
height) / |g'| their difference quotients are exactly 0, and their 4th
differences (which measure the noise of f) can be exactly 0 too: issue 13's
last confidently wrong results (0.0 +- 6e-11 for a derivative of 0.04) and
false kinks. Every answer must be honest: the true error (of g', in closed
form) at most twice the reported one, or a `NumericalError`.
"""

from __future__ import annotations

import math
import struct
import sys
from collections.abc import Callable
from typing import Any

import pytest
from samplers import sampled

from calcweb import DerivativeResult, DomainError, NumericalError, _richardson, derivative
from calcweb._richardson import Sampler, _relative_noise, combine, extrapolate

HONESTY = 2.0

# g and g' in closed form (math only: the tests also run inside Pyodide).
FUNCTIONS: dict[str, tuple[Callable[[float], float], Callable[[float], float]]] = {
    "sin": (math.sin, math.cos),
    "sin^2": (lambda t: math.sin(t) ** 2, lambda t: math.sin(2.0 * t)),
    "t^3": (lambda t: math.pow(t, 3), lambda t: 3.0 * t * t),
    "exp(t) - 1": (lambda t: math.exp(t) - 1.0, math.exp),
}
# Ordinary points, small ones, and points where g' is tiny (sin at pi/2, t^3 near 0).
POINTS = (-1.3, 0.02, 0.7, 1e-3, math.pi / 2 - 1e-3)


class Recorded:
    """f, with the set of values it returned."""

    def __init__(self, f: Callable[[float], float]) -> None:
        self.f = f
        self.values: set[float] = set()

    def __call__(self, t: float) -> float:
        value = self.f(t)
        self.values.add(value)
        return value


def assert_honest(f: Callable[[float], float], x: float, true: float, what: str) -> None:
    """derivative(f, x) is within twice its error of ``true``, or refused as untrustworthy.

    A function that took one value at every point evaluated is constant as far
    as any difference method can tell: its answer, 0, is not held against it.
    """
    recorded = Recorded(f)
    try:
        result = derivative(recorded, x, full_output=True)
    except NumericalError:
        return
    assert isinstance(result, DerivativeResult)
    if len(recorded.values) == 1:
        assert result.value == 0.0, what
        return
    error = abs(result.value - true)
    rounding = math.ulp(true)
    assert error <= HONESTY * result.error + rounding, (
        f"{what} at {x!r}: {result.value!r} +- {result.error:.3g}, true {true!r} "
        f"(true error {error:.3g}), nfev {result.nfev}"
    )


# ------------------------------------------------------------------ issue 13's two results


def test_a_staircase_is_not_read_as_noiseless() -> None:
    # Once 0.0 +- 6.2e-11: below a step of 4e-7 the quotients are exactly 0.
    result = derivative(lambda t: (1e8 + math.sin(t) ** 2) - 1e8, 0.02, full_output=True)
    true = math.sin(0.04)
    assert abs(result.value - true) <= HONESTY * result.error
    assert abs(result.value - true) <= 1e-5 * true  # and still a useful answer
    assert result.error <= 1e-3 * true


def test_noise_of_f_is_no_kink() -> None:
    # Once refused: "kink ... right tend to about 0.999943, symmetric 0.999952".
    result = derivative(lambda t: (1e8 + math.sin(t)) - 1e8, 0.0099, full_output=True)
    true = math.cos(0.0099)
    assert abs(result.value - true) <= HONESTY * result.error
    assert abs(result.value - true) <= 1e-5


# ------------------------------------------------------------------ generalised


@pytest.mark.parametrize("c", [1e4, 1e6, 1e8, 1e10, 1e12])
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_cancelling_an_added_constant_is_honest(c: float, name: str) -> None:
    g, derivative_of_g = FUNCTIONS[name]
    for x in POINTS:
        assert_honest(lambda t: (c + g(t)) - c, x, derivative_of_g(x), f"({c:g} + {name}) - {c:g}")


@pytest.mark.parametrize("bits", [8, 11, 22, 33, 40])
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_rounding_to_a_power_of_2_is_honest(bits: int, name: str) -> None:
    g, derivative_of_g = FUNCTIONS[name]
    scale = 2.0**bits
    for x in POINTS:
        assert_honest(
            lambda t: round(g(t) * scale) / scale,
            x,
            derivative_of_g(x),
            f"round({name}, 2^-{bits})",
        )


@pytest.mark.parametrize("height", [3.3e-12, 1.8e-10, 3.4e-8, 1.2e-5])
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_a_floor_staircase_is_honest(height: float, name: str) -> None:
    g, derivative_of_g = FUNCTIONS[name]
    for x in (*POINTS, -0.12965156519906085, 0.02689993511715876):
        assert_honest(
            lambda t: math.floor(g(t) / height) * height,
            x,
            derivative_of_g(x),
            f"floor({name} / {height:g})",
        )


def test_search_finds_of_each_kind() -> None:
    # The worst results of a random search (before: 0.0 +- 4e-3, 0.878401536 +- 1e-11
    # for 0.878401443, 1.0417 +- 2e-15 for 1.00004, 0.0 +- 0.015 for 0.2188).
    cases = [
        (lambda t: math.floor(math.expm1(t) / 3.3e-12) * 3.3e-12, 0.02689993511715876, math.exp),
        (lambda t: math.floor(math.expm1(t) / 1.8e-10) * 1.8e-10, -0.12965156519906085, math.exp),
        (lambda t: round(math.expm1(t) * 2.0**11) / 2.0**11, 3.610170821969564e-05, math.exp),
        (lambda t: round(math.sin(t) * 2.0**39) / 2.0**39, 1.350220205324094, math.cos),
        (lambda t: (44600.0 + math.sin(t) ** 2) - 44600.0, 0.00035545296089536737, _sin2x),
    ]
    for f, x, derivative_of_g in cases:
        assert_honest(f, x, derivative_of_g(x), f"case at {x!r}")


def _sin2x(t: float) -> float:
    return math.sin(2.0 * t)


def test_the_walk_at_the_scale_of_x_keeps_the_noise_the_first_walk_saw() -> None:
    # round(x^3 2^22) / 2^22 at 0.002 is 0 on [-0.006, 0.006]: the walk from a step
    # of 0.015 * 0.002 sees one stair only, and alone answered 0.0 +- 3e-318.
    x = 0.002010872927103268
    result = derivative(lambda t: round(math.pow(t, 3) * 2.0**22) / 2.0**22, x, full_output=True)
    assert abs(result.value - 3.0 * x * x) <= HONESTY * result.error
    assert result.error >= 2.0**-22 / 0.015  # a stair over the first step, at least


def test_extrapolate_never_lowers_a_known_noise() -> None:
    quiet = extrapolate(math.exp, 1.0, 1, 0.015, refine=True)
    loud = extrapolate(math.exp, 1.0, 1, 0.015, refine=True, noise=1e-9)
    assert quiet.noise == 0.0
    assert loud.noise == 1e-9
    assert loud.error > 1e3 * quiet.error  # the quotients carry that noise
    assert abs(loud.value - math.e) <= HONESTY * loud.error


@pytest.mark.parametrize("c", [1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12])
def test_no_false_kinks_in_a_cancelling_sine(c: float) -> None:
    # Once 93 false kinks in 2160 random cases of (c + g(t)) - c; here a grid of t.
    kinks = [
        t
        for t in (-2.5, -0.3, -0.0018089107125886243, -1e-4, 2.4e-4, 0.0099, 0.08, 0.68, 1.9)
        if _kink(lambda s: (c + math.sin(s)) - c, t)
    ]
    assert kinks == [], f"(c + sin) - c, c = {c:g}: false kinks at {kinks}"


def _kink(f: Callable[[float], float], x: float) -> bool:
    """Whether derivative(f, x) calls x a kink (a NumericalError is not one)."""
    try:
        derivative(f, x)
    except DomainError:
        return True
    except NumericalError:
        pass
    return False


# ------------------------------------------------------------------ real kinks


@pytest.mark.parametrize(
    ("name", "f", "x"),
    [  # (the name is the test's id)
        ("abs", abs, 0.0),
        ("abs(t - 0.3)", lambda t: abs(t - 0.3), 0.3),
        ("max(t, 2t)", lambda t: max(t, 2.0 * t), 0.0),
        ("(1e4 + abs) - 1e4", lambda t: (1e4 + abs(t)) - 1e4, 0.0),
        ("(1e8 + 1e-3 abs + sin) - 1e8", lambda t: (1e8 + 1e-3 * abs(t) + math.sin(t)) - 1e8, 0.0),
        ("max(sin, 1/2)", lambda t: max(math.sin(t), 0.5), math.asin(0.5)),
    ],
)
def test_real_kinks_are_still_refused(name: str, f: Callable[[float], float], x: float) -> None:
    with pytest.raises(DomainError, match="as they do at a kink or a jump at x") as info:
        derivative(f, x, method="richardson")
    assert f"x={x!r}" in str(info.value), name


def test_a_refusal_of_quotients_that_disagree_says_what_was_seen_not_a_kink() -> None:
    # hypot(t, 1e-18) is smooth (f'(1e-18) = 1 / sqrt 2) on a scale of 1e-18, far below
    # the steps (9.4e-4 and up): the message said "f is not differentiable ... (f has a
    # kink or a jump there)", which was false. It says what the quotients did, the steps,
    # and the causes that can do this, with what to do for each.
    with pytest.raises(DomainError) as info:
        derivative(lambda t: math.hypot(t, 1e-18), 1e-18)
    message = str(info.value)
    assert "not differentiable" not in message
    assert "at steps down to 0.000937" in message
    assert "or where f varies on a scale finer than those steps" in message
    assert "differentiate f(s * t) at t = x / s for a small s, and divide by s" in message


@pytest.mark.parametrize("x", [0.0, 1.0])
def test_a_jump_of_1e_6_is_refused(x: float) -> None:
    def f(t: float) -> float:
        return math.sin(t) + (1e-6 if t > x else 0.0)

    with pytest.raises((DomainError, NumericalError)):
        derivative(f, x, method="richardson")


# ------------------------------------------------------------------ measuring the stairs


def test_stairs_whose_fourth_difference_is_0_are_measured() -> None:
    # floor at 0.5: equal at spacing 0.1 (0.3 .. 0.7), then -3, -2, 0, 2, 3 at 1.6,
    # whose 4th difference is -3 + 8 + 0 - 8 + 3 = 0: the stairs are 1 high.
    assert Sampler(math.floor, 0.5).measure_noise(0.1, 2.0, 0.0) == 1.0
    # At spacing 0.3 the values -1, 0, 0, 0, 1 differ with equal neighbours:
    # again a 4th difference of 0, and stairs 1 high.
    assert Sampler(math.floor, 0.5).measure_noise(0.3, 0.3, 0.0) == 1.0


def test_a_constant_f_has_no_noise() -> None:
    assert Sampler(lambda t: 2.0, 0.5).measure_noise(0.1, 2.0, 0.0) == 0.0


def test_equal_neighbours_below_the_rounding_of_f_are_not_stairs() -> None:
    # cos near 0 is flat to its rounding: gaps of an ulp or two are not stairs.
    quiet = 8.0 * 2.0**-52  # what extrapolate passes: 8 eps times the size of f
    assert Sampler(math.cos, 0.0).measure_noise(1e-9, 1e-3, quiet) == 0.0


def test_stairs_seen_only_beyond_the_widest_spacing() -> None:
    # f is 0 on [-1, 1] and 1 beyond: never different up to the widest spacing,
    # but the values computed so far (f(3) = 1) show a stair of 1.
    def f(t: float) -> float:
        return 0.0 if abs(t) <= 1.0 else 1.0

    sampler = Sampler(f, 0.0)
    sampler(3.0)
    assert sampler.measure_noise(0.01, 0.1, 0.0) == 1.0
    assert Sampler(f, 0.0).measure_noise(0.01, 0.1, 0.0) == 0.0  # nothing else seen


# ------------------------------------------------------------------ noise that grows with |f|


def single(g: Callable[[float], float]) -> Callable[[float], float]:
    """g rounded to single precision: stairs relative to |g|."""
    return lambda t: struct.unpack("f", struct.pack("f", g(t)))[0]


@pytest.mark.parametrize(
    ("name", "x", "true"),
    [
        # f(x) near 0, f much larger at the walk's steps: the stairs measured at x
        # (4.7e-19) were 3e7 times too low there (once 116 and 2e6 times the error).
        ("sin^2", 2.0818330830529234e-06, math.sin(2.0 * 2.0818330830529234e-06)),
        ("t^3", 1.6402116105391767e-05, 3.0 * 1.6402116105391767e-05**2),
        ("t^3", 3.141959740415341e-06, 3.0 * 3.141959740415341e-06**2),
        ("sin", 1.0, math.cos(1.0)),
        ("exp(t) - 1", 5.3751377077603436e-05, math.exp(5.3751377077603436e-05)),
    ],
)
def test_single_precision_noise_is_relative_to_f(name: str, x: float, true: float) -> None:
    assert_honest(single(FUNCTIONS[name][0]), x, true, f"float32({name})")


def test_a_relative_noise_scales_with_the_values() -> None:
    # 1e-3 of the largest value (3) per value; the central weights sum to 2, over 2h = 1.
    assert combine([3.0, 1.0], "central", 1, 0.5, relative_noise=1e-3) == (2.0, 6e-3)
    # Never below 2 eps, nor below an absolute floor.
    assert combine([3.0, 1.0], "central", 1, 0.5, relative_noise=1e-20)[1] == 2 * 2**-52 * 6.0
    assert combine([3.0, 1.0], "central", 1, 0.5, noise_floor=1.0, relative_noise=1e-3)[1] == 2.0


def test_noise_whose_fine_difference_came_out_small_is_confirmed() -> None:
    # t plus noise at the points k s: 2**-30 at k = 2, 2**-20 at k = 4. The 4th
    # differences (t adds nothing to them): 2**-30 at s, 2**-20 - 4 2**-30 at 2s
    # (more than 8 times: smooth?), -4 2**-20 at 4s (not 8 times more again: noise).
    s = 2.0**-10
    noise = {2: 2.0**-30, 4: 2.0**-20}

    def f(t: float) -> float:
        return t + noise.get(round(t / s), 0.0)

    assert Sampler(f, 0.0).measure_noise(s, 1.0, 0.0) == 3.0 * 4.0 * 2.0**-20 / math.sqrt(70.0)
    # A smooth f: 16 times more at each doubling, twice: no noise.
    assert Sampler(lambda t: t**4, 0.0).measure_noise(s, 1.0, 0.0) == 0.0


@pytest.mark.parametrize("amplitude", [1e-12, 1e-10, 3e-9, 1e-7])
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_white_noise_is_honest(amplitude: float, name: str) -> None:
    g, derivative_of_g = FUNCTIONS[name]
    for x in POINTS:
        assert_honest(
            lambda t: g(t) + amplitude * _white(t), x, derivative_of_g(x), f"{name} + noise"
        )


def test_white_noise_found_by_a_search() -> None:
    # The one dishonest result in 1500 random cases before: 2.005 times the error.
    amplitude = 6.548420351925898e-12
    assert_honest(lambda t: math.expm1(t) + amplitude * _white(t), -0.231, math.exp(-0.231), "")


def _white(t: float) -> float:
    """Uniform in [-1/2, 1/2), independent between any two floats (a hash of t's bits)."""
    bits = int.from_bytes(struct.pack("<d", t), "little")
    bits = (bits * 0x9E3779B97F4A7C15) % 2**64  # Fibonacci hashing, then xorshift
    bits ^= bits >> 29
    bits = (bits * 0xBF58476D1CE4E5B9) % 2**64
    bits ^= bits >> 32
    return bits / 2.0**64 - 0.5


def test_stairs_count_above_the_rounding_of_the_values_where_they_are_measured() -> None:
    # Stairs 1 high (floor at 0.5, spacing 0.3: -1, 0, 0, 0, 1) count even below
    # quiet (the rounding of f's largest values), being far above 8 eps of these.
    assert Sampler(math.floor, 0.5).measure_noise(0.3, 0.3, 10.0) == 1.0

    # Stairs of one ulp of values near 1 are their rounding, not stairs.
    def ulps(t: float) -> float:
        return 1.0 + 2.0**-52 * math.floor(t)

    assert Sampler(ulps, 0.5).measure_noise(0.3, 0.3, 1.0) == 0.0


def test_relative_noise_is_measured_where_f_is_largest() -> None:
    # float32(t) at 2**-20 has stairs of 2**-43; at 1, its largest value computed,
    # of 2**-23 above 1: relative to |f| = 1, 2**-23.
    sampler = sampled(single(lambda t: t), 2.0**-20, 2.0**-20, 1.0)  # x first, as extrapolate
    assert _relative_noise(sampler, 2.0**-43, 1.0 / 16.0, 0.0, 2.0**-43) == 2.0**-23
    assert sampler.calls > 2  # the calls made there are counted


def test_relative_noise_only_where_it_is_higher_than_at_x(monkeypatch: pytest.MonkeyPatch) -> None:
    # Noise 0.125 where |f| = 2 is largest: 1/16 of |f| if the noise at x is lower,
    # else 0 (the noise is not relative: as high at x).
    monkeypatch.setattr(Sampler, "measure_noise", lambda *_: 0.125)
    sampler = sampled(lambda t: 2.0 * t, 0.5, 0.5, 1.0)
    assert _relative_noise(sampler, 1e-3, 0.1, 0.0, math.nextafter(0.125, 0.0)) == 0.0625
    assert _relative_noise(sampler, 1e-3, 0.1, 0.0, 0.125) == 0.0


def test_no_relative_noise_of_a_quarter_of_f(monkeypatch: pytest.MonkeyPatch) -> None:
    # Noise 0.5 where |f| = 2 is largest is a quarter of |f|: no rounding grid is that
    # coarse (f's own swings at a spacing above its scale, or f lost its digits there).
    monkeypatch.setattr(Sampler, "measure_noise", lambda *_: 0.5)
    sampler = sampled(lambda t: 2.0 * t, 0.5, 0.5, 1.0)
    assert _relative_noise(sampler, 1e-3, 0.1, 0.0, 0.25) == 0.0
    monkeypatch.setattr(Sampler, "measure_noise", lambda *_: math.nextafter(0.5, 0.0))
    assert 0.0 < _relative_noise(sampler, 1e-3, 0.1, 0.0, 0.25) < 0.25


def test_sin_of_exp_keeps_the_window_that_resolves_it() -> None:
    # exp(19.08) = 1.9e8: f's scale is 5e-9, its phase rounded by 2e-8 (noise at x).
    # Measured where |f| is largest at the secant's slope, a spacing far above that
    # scale, the "noise" was 3.67 times |f|; the walk done again with it as relative
    # noise kept steps 2.9 and 1.4: 1.6952655781497998 +- 37.2, for 7.83e32.
    result = derivative(lambda t: math.sin(math.exp(t)), 19.082017127984127, 4, full_output=True)
    assert abs(result.value - 7.82972558687378e32) <= 2.0 * result.error < 1e31


# ------------------------------------------------------------------ rounding in the argument

# g((t + c) - c) computes g at t rounded to ulp(c): the quotients are the slope
# of g at a point off by up to ulp(c) / 2, wrong by up to |g''| ulp(c) / 2. Near
# a flat point of g the values barely show it (they are off by |g'| ulp(c)).
# Each was dishonest (true error / reported, against g' at the unrounded t).
ARGUMENT_ROUNDED = [
    ("sin", 1.3e6, 1.5707952267781657),  # 3200x: 1.09995e-06 +- 2e-14, true 1.10002e-06
    ("cos", 7.78e6, -2.321892682897609e-05),  # 94x
    ("cos", 30800.0, 7.315790334050055e-06),  # 16x
    ("sin", 1560.0, 1.5707892831958794),  # 4.3x: stairs below quiet at the first outer point
    ("cos", 1.46e6, -0.007614841352159413),  # 2.8x: not flat, the noise seen at x is in t
    ("sin^2", 1.7e8, 1.5707945729165915),  # 218x
    ("t^3", 1180.0, 4.4037243964446896e-05),  # 52000x: 0.0 +- 1e-13 for 5.8e-9
]
ARGUMENT_FUNCTIONS: dict[str, tuple[Callable[[float], float], Callable[[float], float]]] = {
    **FUNCTIONS,
    "cos": (math.cos, lambda t: -math.sin(t)),
}


@pytest.mark.parametrize(("name", "c", "x"), ARGUMENT_ROUNDED)
def test_rounding_in_the_argument_near_a_flat_point_is_honest(
    name: str, c: float, x: float
) -> None:
    g, derivative_of_g = ARGUMENT_FUNCTIONS[name]
    assert_honest(lambda t: g((t + c) - c), x, derivative_of_g(x), f"{name}((t + {c:g}) - {c:g})")


def test_rounding_in_the_argument_is_counted_only_where_it_can_matter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    added: list[float] = []
    measure = _richardson._argument_noise

    def recorded(*args: Any) -> float:
        added.append(measure(*args))
        return added[-1]

    monkeypatch.setattr(_richardson, "_argument_noise", recorded)
    # sin near pi/2 with an exact argument: what x cannot see is counted, no more.
    x = math.pi / 2 - 1e-6
    result = derivative(math.sin, x, method="richardson", full_output=True)
    assert isinstance(result, DerivativeResult)
    assert abs(result.value - math.cos(x)) <= HONESTY * result.error <= 2e-13
    assert 0.0 < added[-1] <= 1e-13
    # Away from flat points, and with no noise at x, nothing is added.
    derivative(math.sin, 0.7, method="richardson")
    assert added[-1] == 0.0


def test_the_walk_to_its_best_keeps_within_the_early_estimate() -> None:
    # t^3((t + 1180) - 1180) at 4.4e-5: the refinement fails, and the walk on to its
    # best goes below the stairs of the argument, where every quotient is 0.
    c, x = 1180.0, 4.4037243964446896e-05
    estimate = extrapolate(lambda t: math.pow((t + c) - c, 3), x, 1, 0.015, refine=True)
    assert abs(estimate.value - 3.0 * x * x) <= HONESTY * estimate.error
    assert estimate.value > 0.0


# ------------------------------------------------------------------ stairs that fall evenly

# (c + g(t)) - c with stairs (ulp(c)) a little above the change of f per spacing
# of the noise measurement: one stair per spacing, no equal neighbours, a 4th
# difference of 0. Each was 2.2-3x dishonest.
EVEN_STAIRS = [
    ("tanh", 64.0, -1.7723775773490216),
    ("sin", 38.800307914799305, 1.7082856430240776),
    ("sin", 64.0, -1.3052014482133338),
    ("tanh", 32.0, 1.443975288830646),
]


@pytest.mark.parametrize(("name", "c", "x"), EVEN_STAIRS)
def test_stairs_that_fall_evenly_are_honest(name: str, c: float, x: float) -> None:
    g, derivative_of_g = {
        "sin": (math.sin, math.cos),
        "tanh": (math.tanh, lambda t: 1.0 - math.tanh(t) ** 2),
    }[name]
    assert_honest(lambda t: (c + g(t)) - c, x, derivative_of_g(x), f"({c:g} + {name}) - {c:g}")


def test_stairs_that_fall_evenly_are_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    # (16 + tanh) - 16 at 1.202: stairs of ulp(16) are 1.2 times the change of f per
    # spacing; the five values fall one stair per spacing, with a 4th difference of 0.
    x = 1.202

    def noise() -> float:
        sampler = Sampler(lambda t: (16.0 + math.tanh(t)) - 16.0, x)
        quiet = 8.0 * sys.float_info.epsilon * abs(sampler(x))
        sampler.slope = 1.0 - math.tanh(x) ** 2
        return sampler.measure_noise(_richardson.SPACING * quiet / sampler.slope, 1e-3, quiet)

    assert noise() == math.ulp(16.0)
    # At the spacing over the golden ratio they leave equal neighbours: without it, none.
    monkeypatch.setattr(Sampler, "_uneven_step", lambda self, step: step)
    assert noise() == 0.0


# ------------------------------------------------------------------ stairs beneath a slope

# (name, f, f') of the two functions below tried at several points.
LOG_LESS_T = ("log(1 + t) - t", lambda t: math.log(1 + t) - t, lambda t: -t / (1 + t))
COS_LESS_TAYLOR = (
    "cos(t) - 1 + t^2/2",
    lambda t: math.cos(t) - 1 + t * t / 2,
    lambda t: t - math.sin(t),
)

# g(t) minus its Taylor polynomial: g rounded to ulp(1) plus a smooth part. Steps
# below the stairs give the smooth part's quotients exactly (-1 for exp(t) - 1 - t at
# 3.24e-8: -1.0 +- 3.7e-13 before), and the noise measured at that slope, at spacings
# far below the stairs, shows none; windows at larger steps settled elsewhere.
CANCELLING = [
    ("exp(t) - 1 - t", lambda t: math.exp(t) - 1 - t, math.expm1, 3.240187062577008e-08),
    (*LOG_LESS_T, 4.1780465242600735e-09),
    (*LOG_LESS_T, -2.815044078701777e-10),
    (
        "(100 + sin(t)) - 100 - t",
        lambda t: (100 + math.sin(t)) - 100 - t,
        lambda t: -2 * math.sin(t / 2) ** 2,
        1.635256243573756e-05,
    ),
    # cos(t) is 1 for |t| < 1.05e-8: the stairs start farther out, where |f| is largest.
    # At -1.38e-9 no window settled before the quotients jumped onto t (`_collapsed`);
    # at -2.1e-10 the jump also ended the window the value before it was in.
    (*COS_LESS_TAYLOR, -1.3825013914953446e-09),
    (*COS_LESS_TAYLOR, -2.1068535018426261e-10),
    (*COS_LESS_TAYLOR, -2.9552077931501383e-09),
    # Found by bench.honesty cancelling (seeds 1 to 3), each dishonest before: quotients
    # that fell onto t and agreed to 1e-14 of it, not to their rounding bound, which
    # misses the rounding of t**2 / 2 (-1.28e-10: t +- 2e-23; `_collapsed`); a collapse
    # whose stairs showed at neither the slope nor where |f| is largest, but at the
    # points the quotient before it rested on (-2.79e-10, 2.23e-10, 8.65e-10:
    # `_disagreeing_noise`); stairs of cos and of 10 + sin whose 4th differences are 0
    # at every spacing tried (6.28e-5, -2.84e-6: `Sampler._second_difference_noise`);
    # a window at the largest steps, confirmed, that no collapse followed, while the
    # values around x (t**2 / 2 exactly, slope t) left its slope (2.82e-9, 2.71e-9,
    # 7.4e-6: `_drifts`, then `_noise_down_to`).
    *(
        (*COS_LESS_TAYLOR, x)
        for x in (
            -1.2799326714384722e-10,
            -1.4868181535832745e-10,
            -2.7930672725685894e-10,
            2.2334455203321972e-10,
            8.650629639190455e-10,
            6.27893824127396e-05,
            2.8182214642303916e-09,
            2.7098923003549642e-09,
            7.401307990089471e-06,
        )
    ),
    (
        "(10 + sin(t)) - 10 - t",
        lambda t: (10 + math.sin(t)) - 10 - t,
        lambda t: -2 * math.sin(t / 2) ** 2,
        -2.8391758384090857e-06,
    ),
]


@pytest.mark.parametrize(("name", "f", "derivative_of_f", "x"), CANCELLING)
def test_stairs_beneath_a_slope_are_honest(
    name: str, f: Callable[[float], float], derivative_of_f: Callable[[float], float], x: float
) -> None:
    assert_honest(f, x, derivative_of_f(x), name)


def test_windows_at_larger_steps_that_disagree_have_the_noise_measured_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    x = 2.6196740977622534e-08
    estimate = extrapolate(lambda t: math.exp(t) - 1 - t, x, 1, 0.015, refine=True)
    assert estimate.noise >= math.ulp(1.0) / 2.0  # the stairs of exp, seen at 2.62e-8's slope
    assert abs(estimate.value - math.expm1(x)) <= HONESTY * estimate.error
    # Without the second measurement (nor the one at spacings from the smallest step up,
    # `_noise_up_from`, which sees the stairs too), the quotients of -1 below them stand.
    monkeypatch.setattr(_richardson, "_disagreeing_noise", lambda *args: 0.0)
    monkeypatch.setattr(_richardson, "_noise_up_from", lambda *args: 0.0)
    wrong = extrapolate(lambda t: math.exp(t) - 1 - t, x, 1, 0.015, refine=True)
    assert wrong.value == -1.0


def test_quotients_that_jump_then_agree_to_rounding_have_collapsed() -> None:
    # Steps 4 apart (h**2: differences shrink 16-fold, at most 4096-fold if h**6 leads).
    def collapsed(quotients: list[float]) -> bool:
        rows = zip((4e-8, 1e-8, 2.5e-9), quotients, (1e-20,) * 3, strict=True)
        return _richardson._collapsed(2, list(rows))

    # Rounding: 4 x 1e-20 per quotient; a jump must exceed 2 x 4096 x 4e-20 = 3.3e-16.
    assert collapsed([1.0, 0.0, 0.0])
    assert collapsed([3.4e-16, 0.0, 4e-20])
    assert not collapsed([3.2e-16, 0.0, 0.0])  # h**6 could do that
    assert not collapsed([1.0, 0.0, 5e-20])  # not to within rounding
    assert not collapsed([4e-20 * 8192.0, 0.0, 0.0])  # a jump of exactly 8192 x rounding
    assert collapsed([1.0, -1.0, -1.0])  # the jump, not the sum
    # Beyond rounding: within 1e-10 of the last quotient and a 16th of the jump / 8192
    # (1e-6 / 8192 / 16 = 7.6e-12; 1e-10 of 0.5 is 5e-11).
    assert collapsed([1.0, 0.5, 0.5 + 4e-11])
    assert not collapsed([1.0, 0.5, 0.5 + 6e-11])
    assert collapsed([0.5 + 1e-6, 0.5, 0.5 + 7e-12])
    assert not collapsed([0.5 + 1e-6, 0.5, 0.5 + 8e-12])
    # Only the last three rows count: a noisy one before them changes nothing.
    rows = [(1.6e-7, 0.0, 1.0), (4e-8, 1.0, 1e-20), (1e-8, 0.0, 1e-20), (2.5e-9, 0.0, 1e-20)]
    assert _richardson._collapsed(2, rows)


def test_a_kink_beside_one_of_the_points_a_collapse_rested_on_is_no_noise() -> None:
    # abs at 1e-7: the quotients jump onto 1 at h = 5.7e-8 (the stencil no longer
    # reaches 0). Measured beside x + 2.3e-7 only, the kink at 0 would pass for noise
    # of 1e-7, and the walk with it, for a kink at x (DomainError); beside x - 2.3e-7
    # f is linear.
    result = derivative(abs, 1e-7, method="richardson", full_output=True)
    assert abs(result.value - 1.0) <= HONESTY * result.error <= 1e-12


def test_stairs_whose_fourth_differences_are_0_show_in_the_second_ones() -> None:
    # cos(t) - 1 + t**2 / 2 at 6.28e-5, the walk's slope known: at the spacing where f
    # changes by 2 quiet, the stairs of cos (ulp(1) / 2) leave the 3 points off the
    # slope but a 4th difference of 4e-25; the 2nd differences differ by a stair (ulp(0.5)).
    f, x, quiet = (lambda t: math.cos(t) - 1 + t * t / 2), 6.27893824127396e-05, 3.81e-24
    step = _richardson.representable_step(x, 1.599e-10)
    sampler = Sampler(f, x)
    sampler.slope = 4.765421415725453e-14
    assert sampler.measure_noise(1.599e-10, 1e-3, quiet) == pytest.approx(
        math.ulp(0.5), rel=1e-7, abs=0
    )
    values = sampler._stencil(step)
    assert abs(values[0] - 4 * values[1] + 6 * values[2] - 4 * values[3] + values[4]) < quiet
    # A smooth f's 2nd differences spread 8 times more at twice the step: no noise.
    smooth, step = Sampler(lambda t: t**5, 1.0), 2.0**-10
    assert smooth._fourth_difference(step) is not None  # the 5-point stencil, computed
    assert _richardson._spread(smooth._stencil(step)) > 1e-12
    assert smooth._second_difference_noise(step, 1e-12) == 0.0
    assert _richardson._spread([0.0, 1.0, 4.0, 9.0, 16.0]) == 0.0


def _noise_if_disagreeing(value: float, larger: tuple[float, float]) -> float:
    """`_disagreeing_noise` of exp(t) - 1 - t at 3.24e-8, an estimate ``value +- 0.25``."""
    x = 3.240187062577008e-08
    sampler = sampled(lambda t: math.exp(t) - 1 - t, x, x, x + 0.015, x - 0.015)
    quiet = 8.0 * sys.float_info.epsilon * max(map(abs, sampler.values.values()))
    estimate = _richardson.Estimate(value, 0.25, 0, 0.015, "central", larger=(larger,))
    return _richardson._disagreeing_noise(sampler, estimate, 1e-3, quiet)


def test_only_a_window_outside_the_estimates_bars_has_the_noise_measured_again() -> None:
    slope = math.expm1(3.240187062577008e-08)  # the larger steps' value: the true one
    assert _noise_if_disagreeing(-1.0, (slope, 0.5)) >= math.ulp(1.0) / 2.0
    assert _noise_if_disagreeing(-1.0, (slope, 0.9)) == 0.0  # 1 + 3e-8 < 0.9 + 0.25
    # At the bars' edge exactly: within them.
    edge = abs(slope - -1.0) - 0.25
    assert edge + 0.25 == abs(slope - -1.0)
    assert _noise_if_disagreeing(-1.0, (slope, edge)) == 0.0
    assert _noise_if_disagreeing(-1.0, (slope, math.nextafter(edge, 0.0))) > 0.0
    # The distance, not the sum: 1 - 3e-8 from an estimate of +1 is within 1 - 1e-8.
    assert _noise_if_disagreeing(1.0, (slope, 0.75 - 1e-8)) == 0.0


def test_the_calls_of_the_second_noise_measurement_are_counted() -> None:
    # cos(t) - 1 + t^2/2 at -2.96e-9: measured again where |f| is largest, then walked again.
    calls = 0

    def f(t: float) -> float:
        nonlocal calls
        calls += 1
        return math.cos(t) - 1 + t * t / 2

    estimate = extrapolate(f, -2.9552077931501383e-09, 1, 0.015, refine=True)
    assert estimate.noise > 0.0
    assert estimate.nfev == calls


def test_no_second_measurement_where_f_is_no_larger_away_from_x() -> None:
    # A larger window at slope 0 (nothing to measure at x), and f largest at x itself,
    # or as large but equal there (no slope from x): no noise is found.
    estimate = _richardson.Estimate(1.0, 0.25, 0, 0.015, "central", larger=((0.0, 0.5),))
    at_x = sampled(lambda t: 1.0, 0.5, 0.5)
    assert _richardson._disagreeing_noise(at_x, estimate, 1e-3, 1e-15) == 0.0
    flat = sampled(lambda t: 1.0, 0.5, 0.6, 0.5)  # 0.6 first: the point of largest |f|
    assert _richardson._disagreeing_noise(flat, estimate, 1e-3, 1e-15) == 0.0


# ------------------------------------------------------------------ log-periodic slopes


@pytest.mark.parametrize("base", [2.0, math.sqrt(2.0), 4.0, 3.0, 10.0, math.e])
def test_a_slope_that_swings_in_log_t_has_no_derivative(base: float) -> None:
    # f(t) / t = 2 + sin(2 pi log_base |t|) swings between 1 and 3 however close to 0:
    # f'(0) does not exist. Steps a power of 2 apart see one phase where the period
    # divides log2 of their ratio (bases 2, sqrt 2 and 4): the quotients are all equal.
    # The probe between two of them (`_confirmed`), in the ratio 2**(1 / golden) to the
    # smaller, sees another phase; their geometric mean, 2 from both of steps 4 apart,
    # did not (1.638 +- 2.3e-15 for base 2).
    def f(t: float) -> float:
        return t * (2.0 + math.sin(2.0 * math.pi * math.log(abs(t), base))) if t else 0.0

    with pytest.raises(NumericalError, match="never settled"):
        derivative(f, 0.0, method="richardson")


def test_a_higher_derivative_on_one_stair_measures_the_stairs() -> None:
    # gelu at -7.8: 1 + erf(t / sqrt 2) is 7e-15, rounded to ulp(1): stairs 1.6 % of f,
    # 9e-4 wide, times t / 2. The walk's window at 3e-5 and 1.5e-5 rested on one stair
    # (f = c t / 2 there: quotients of 0 within rounding), 1.4e-16 +- 1.35e-14, while a
    # window at larger steps had settled on -1.06e-11 +- 2.7e-13.
    def gelu(t: float) -> float:
        return 0.5 * t * (1.0 + math.erf(t / math.sqrt(2.0)))

    walked = extrapolate(gelu, -7.8002435297472905, 3, 1.9500608824368226, refine=True)
    assert walked.noise > 1e-16  # the stairs, about 4.3e-16
    result = derivative(gelu, -7.8002435297472905, 3, full_output=True)
    assert abs(result.value + 1.085520964010597e-11) <= 2.0 * result.error


def test_the_stairs_are_measured_beyond_a_window_within_one_stair() -> None:
    # gelu at -7.36, n = 2: the first window that resolved f began at 5.6e-6, itself
    # within one stair (9e-4 wide): 8.734520335594785e-16 +- 2.7e-14, for -3.49e-11.
    def gelu(t: float) -> float:
        return 0.5 * t * (1.0 + math.erf(t / math.sqrt(2.0)))

    result = derivative(gelu, -7.364274061305535, 2, full_output=True)
    assert abs(result.value + 3.4866339706992735e-11) <= 2.0 * result.error


@pytest.mark.parametrize(
    ("name", "x", "n", "exact"),
    [
        # gelu at -7.79: the window at 2.9e-5 and 7.1e-6 rested on one stair, where f is
        # c t / 2: 3.2e-15 +- 4e-24, while a quotient at 4.6e-4 had left it.
        ("gelu", -7.794377096520107, 1, -1.9651698778057728e-13),
        # t**2 (1 + erf t) at -5.79, n = 2: the stair's c t**2 gave 2 c, 4.4e-16 +- 4e-22.
        ("t2_1perf", -5.791215840390759, 2, 1.1216228778503263e-12),
        # t (1 - tanh t) at 16.22: 1 - tanh t rounded to ulp(1), 1.6e-14 +- 2.2e-23.
        ("t_1mtanh", 16.222017973950656, 1, -5.108607032872331e-13),
    ],
)
def test_a_derivative_with_digits_on_one_stair_measures_the_stairs(
    name: str, x: float, n: int, exact: float
) -> None:
    # bench/scans/tailscan.py seed 1: the walk's window rested on one stair of c(t) times
    # 1 + erf (or 1 - tanh) rounded to ulp(1), a smooth function with digits of its own.
    f = {
        "gelu": lambda t: 0.5 * t * (1.0 + math.erf(t / math.sqrt(2.0))),
        "t2_1perf": lambda t: t * t * (1.0 + math.erf(t)),
        "t_1mtanh": lambda t: t * (1.0 - math.tanh(t)),
    }[name]
    result = derivative(f, x, n, full_output=True)
    assert abs(result.value - exact) <= HONESTY * result.error


def test_no_stairs_are_looked_for_beneath_quotients_that_show_truncation() -> None:
    # cos at -10694818.67: a window far above the scale of cos disagreed with the walk's
    # estimate (0.9990630638788591 +- 2.2e-14), whose quotients follow the expansion.
    # Measured from its smallest step up, spacings on the scale of cos read cos itself as
    # noise, and the walk done again with it answered -4.5e-8 +- 0.027 for 0.99906
    # (bench/scans/derscan.py seed 2).
    result = derivative(math.cos, -10694818.670553464, full_output=True)
    assert abs(result.value - 0.9990630638788599) <= HONESTY * result.error
    assert result.error < 1e-6


def test_a_far_window_off_by_the_truncation_at_its_steps_is_no_staircase() -> None:
    # bench.honesty hessian seed 2: H[2][2] of 8.94e26 sqrt(q0 q1 + q1**2 + q2**2 + q3**2),
    # q = p / 2**-16, along p2 (n = 2). The window's quotients follow the expansion to
    # 1.0430559641409318e36 +- 4.4e26; one at larger steps settled on 1.054e36 +- 4e33,
    # off by the truncation there. Read as stairs, f at the spacings from the smallest
    # step up gave noise 2.5e24 and 1.054e36 +- 1.8e35: honest, but 1 % off.
    def line(t: float) -> float:
        q = [2.0294189453125e-09, 3.045654296875e-05, t, 1.5374755859375e-05]
        q = [qi * 65536.0 for qi in q]
        return 8.94e26 * math.sqrt(q[0] * q[1] + math.fsum(qi * qi for qi in q[1:]))

    result = derivative(line, 2.142333984375e-05, 2, full_output=True)
    assert abs(result.value - 1.0430559641304554e36) <= 1e-8 * 1.0430559641304554e36


@pytest.mark.skipif(sys.platform == "emscripten", reason="calls counted natively; libm may differ")
def test_the_stairs_are_not_looked_for_where_the_window_saw_f() -> None:
    # gelu at -7.8, n = 3 (above): the window's quotients rest on f within 9e-5 of x (steps
    # 3e-5 and 1.5e-5, offsets up to 3 steps); a noise test at 1.5e-5, reaching 6e-5,
    # sees only what they saw (131 calls with it, 121 without; DERKINK adds 8 to either:
    # 6 for `_junction_beside`'s probes, 2 for the forward check of order 3; HIGHORD 4:
    # `_check_noise_is_swing` reads f's 4th differences down to within one stair; 135
    # before DERJUMP's 9: forward and backward quotients to 2 halvings past the window;
    # FASTTERM2 7: `_falls_as_smooth` reads the stairs at their noise spacing and half it).
    def gelu(t: float) -> float:
        return 0.5 * t * (1.0 + math.erf(t / math.sqrt(2.0)))

    assert derivative(gelu, -7.8002435297472905, 3, full_output=True).nfev <= 151


def test_the_stairs_are_looked_for_within_the_scale_the_estimate_shows() -> None:
    # bench.honesty fast-off-zero seed 2: sin(9271530 t + 1.4599) at -0.8391, n = 2: the
    # window's quotients lie within its error (-1.3125e13 +- 6.8e12), but 1.6 % apart, on
    # the scale of f. Measured up to 0.16, f itself read as noise 0.81, and the walk done
    # again with it answered -325 +- 3564.
    def f(t: float) -> float:
        return math.sin(9271530.0 * t + 1.4599)

    result = derivative(f, -0.8391, 2, full_output=True)
    assert abs(result.value + 13125020749919.498) <= HONESTY * result.error


@pytest.mark.parametrize(
    ("name", "x", "exact"),
    [
        # 1 + erf(t / sqrt 2) rounds to 0 at every point within 0.16 of x: the stencils
        # there are all 0, while f at x + 0.2 is one stair, -4.6e-16.
        ("gelu", -8.52531230325539, -3.145329158541578e-13),
        ("gelu", -8.83418400581349, -2.502050339553928e-14),
        ("t2_1perf", -6.918378869101497, 2.072849986180699e-16),
    ],
)
def test_gaps_of_rounding_elsewhere_are_no_stairs_where_f_is_exactly_0(
    name: str, x: float, exact: float
) -> None:
    # bench/scans/tailscan.py seed 1, n = 4: 0 +- 7.9e-22 for -3.1e-13 (gelu at -8.525).
    # Five values of 0 at every spacing up to the widest leave the noise to the gaps
    # between all the values computed, and the smallest, 2e-31, was two values 1 ulp
    # apart (-9.110060585774476e-16 and the float next to it): their rounding, not a
    # stair. Taken as the noise, it stopped the search for the stairs themselves.
    f = {
        "gelu": lambda t: 0.5 * t * (1.0 + math.erf(t / math.sqrt(2.0))),
        "t2_1perf": lambda t: t * t * (1.0 + math.erf(t)),
    }[name]
    try:
        result = derivative(f, x, 4, full_output=True)
    except NumericalError:
        return  # no window can be trusted: refused, rightly
    assert abs(result.value - exact) <= HONESTY * result.error
