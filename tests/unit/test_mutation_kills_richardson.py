"""calcweb._richardson's pieces on inputs the derivative tests leave out (mutation testing).

The oracles: the definition of an order-n difference (its weights kill every
monomial of lower degree and give n! on t**n, in exact rational arithmetic);
Neville's tableau as Lagrange extrapolation to 0, in fractions; the rate test
and the thresholds of the docstrings, probed on both sides of each bound; the
error messages, word for word.
"""

from __future__ import annotations

import itertools
import math
import random
import sys
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from call_log import recording

import calcweb
from calcweb import _richardson
from calcweb._richardson import (
    Estimate,
    Sampler,
    _argument_noise,
    _best,
    _Candidate,
    _growth,
    _interpolate,
    _weights,
    _Window,
    _worse,
    combine,
    extrapolate,
    representable_step,
    stencil,
)

EPS = sys.float_info.epsilon
TINY = 2.0 * 5e-324


# ------------------------------------------------------------------ stencil


@pytest.mark.parametrize("kind", ["central", "forward", "backward"])
@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_a_stencil_is_an_order_n_difference(kind: str, n: int) -> None:
    # sum w_k (o_k h)**j / (spacing h)**n is 0 for j < n and n! for j == n.
    offsets, weights, spacing = stencil(kind, n)
    assert len(offsets) == len(weights) == n + 1
    for j in range(n + 1):
        moment = sum(Fraction(w) * Fraction(o) ** j for w, o in zip(weights, offsets, strict=True))
        expected = math.factorial(n) * Fraction(spacing) ** n if j == n else 0
        assert moment == expected, (kind, n, j)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_the_shapes_of_the_stencils(n: int) -> None:
    central, _, spacing = stencil("central", n)
    # Symmetric about x, points 2 steps apart for odd n (x +- h for n = 1), 1 for even n.
    assert spacing == (2.0 if n % 2 else 1.0)
    assert central == [(n / 2 - k) * spacing for k in range(n + 1)]
    assert sorted(central) == sorted(-o for o in central)
    assert stencil("forward", n)[0] == [float(n - k) for k in range(n + 1)]
    assert stencil("backward", n)[0] == [-float(k) for k in range(n + 1)]
    assert stencil("forward", n)[2] == stencil("backward", n)[2] == 1.0
    assert stencil("forward", n)[1] == [(-1) ** k * math.comb(n, k) for k in range(n + 1)]


def test_the_first_order_stencils_are_the_textbook_ones() -> None:
    assert stencil("central", 1) == ([1.0, -1.0], [1.0, -1.0], 2.0)
    assert stencil("central", 2) == ([1.0, 0.0, -1.0], [1.0, -2.0, 1.0], 1.0)
    assert stencil("forward", 1) == ([1.0, 0.0], [1.0, -1.0], 1.0)
    assert stencil("backward", 1) == ([-0.0, -1.0], [1.0, -1.0], 1.0)


# -------------------------------------------------------- representable_step


def test_the_step_taken_is_the_rounded_one() -> None:
    assert representable_step(1.0, 0.1) == (1.0 + 0.1) - 1.0 != 0.1
    assert representable_step(0.0, 1e-300) == 1e-300
    assert representable_step(1e300, 1e300) == 1e300  # (2e300 - 1e300) is exact


def step_message(x: float, h: float) -> str:
    return (
        f"the step h={h!r} at x={x!r} overflows or vanishes in floating "
        "point; choose a step between 1e-300 and 1e300 that is not tiny "
        "compared with |x|"
    )


@pytest.mark.parametrize(
    ("x", "h"),
    [
        (1e16, 0.5),  # x + h rounds back to x: the step vanishes
        (1.0, 1e-17),
        (1e308, 1e308),  # x + h overflows: the step is inf - x = inf
        (-1e308, math.inf),
    ],
)
def test_a_step_that_vanishes_or_overflows_is_refused(x: float, h: float) -> None:
    with pytest.raises(calcweb.NumericalError) as info:
        representable_step(x, h)
    assert str(info.value) == step_message(x, h)


# ------------------------------------------------------------------ combine


def test_combine_is_the_quotient_and_its_rounding_bound() -> None:
    # (f(x + h) - f(x - h)) / (2h) with h = 0.5; the bound 2 eps max|f| sum|w| / 1.
    assert combine([3.0, 1.0], "central", 1, 0.5) == (2.0, 2 * EPS * 3.0 * 2.0)
    # Second order: (1 - 2 * 4 + 9) / 0.25 = 8; sum|w| = 4.
    assert combine([1.0, 4.0, 9.0], "central", 2, 0.5) == (8.0, 2 * EPS * 9.0 * 4.0 / 0.25)
    # Forward, third order, step 2: (-1 * 8 ...) exactly, over 2**3.
    values = [27.0, 8.0, 1.0, 0.0]  # t**3 at 3, 2, 1, 0 (in steps of 1), step 2 below
    assert combine(values, "forward", 3, 2.0)[0] == 6.0 / 8.0
    assert combine(values, "backward", 3, 0.25)[0] == 6.0 / 0.25**3


def test_combine_counts_the_measured_noise_and_the_subnormal_spacing() -> None:
    # The level of rounding is the largest of 2 eps max|f|, the noise floor and
    # twice the smallest subnormal.
    assert combine([3.0, 1.0], "central", 1, 0.5, noise_floor=1e-3) == (2.0, 1e-3 * 2.0)
    assert combine([3.0, 1.0], "central", 1, 0.5, noise_floor=1e-20)[1] == 2 * EPS * 3.0 * 2.0
    assert combine([0.0, 0.0], "central", 1, 0.5) == (0.0, TINY * 2.0)
    assert combine([-5.0, 1.0], "central", 1, 0.5)[1] == 2 * EPS * 5.0 * 2.0  # |f|, not f


def test_combine_refuses_a_step_whose_power_underflows() -> None:
    with pytest.raises(calcweb.NumericalError) as info:
        combine([1.0, 2.0, 1.0], "central", 2, 1e-200)
    assert str(info.value) == "the step 1e-200 to the power 2 underflows to 0; use a larger h"


def test_combine_refuses_a_step_whose_power_overflows() -> None:
    with pytest.raises(calcweb.NumericalError, match=r"the step to the power n\(1e\+200\)"):
        combine([1.0, 2.0, 1.0], "central", 2, 1e200)


def test_an_overflowing_sum_makes_an_infinite_quotient() -> None:
    # fsum raises OverflowError on 1.7e308 + 1.7e308: the quotient is inf, which
    # Sampler.quotient then refuses.
    value, bound = combine([1.7e308, -1.7e308], "central", 1, 0.5)
    assert value == math.inf
    assert bound == 2 * EPS * 1.7e308 * 2.0


def test_the_sampler_refuses_an_infinite_quotient() -> None:
    sampler = Sampler(lambda t: 1.7e308 if t > 0 else -1.7e308, 0.0)
    with pytest.raises(calcweb.NumericalError) as info:
        sampler.quotient("central", 1, 0.5)
    assert str(info.value) == (
        "the difference quotient with step 0.5 overflows; f is too large here"
    )


# ------------------------------------------------------------- interpolation


def test_interpolate_is_the_polynomial_through_the_points() -> None:
    # p(t) = 2 - 3t + t**2 through t = 1, 2, 4; at 0 it is 2, at 3 it is 2.
    nodes = [1.0, 2.0, 4.0]
    values = [2 - 3 * t + t * t for t in nodes]
    assert _interpolate(nodes, values, 0.0) == 2.0
    assert _interpolate(nodes, values, 3.0) == 2.0
    assert _interpolate([1.0], [5.0], 7.0) == 5.0
    assert _interpolate([1.0, 3.0], [1.0, 5.0], 0.0) == -1.0


def test_fornberg_weights_are_exact_on_small_stencils() -> None:
    assert _weights(1, [-1.0, 0.0, 1.0]) == [-0.5, 0.0, 0.5]
    assert _weights(2, [-1.0, 0.0, 1.0]) == [1.0, -2.0, 1.0]
    assert _weights(0, [-1.0, 0.0, 1.0]) == [0.0, 1.0, 0.0]
    assert _weights(1, [0.0, 1.0]) == [-1.0, 1.0]
    assert _weights(1, [0.0, 1.0, 2.0]) == [-1.5, 2.0, -0.5]


# -------------------------------------------------------------- the tableau


def lagrange_at_zero(nodes: list[Fraction], values: list[Fraction]) -> Fraction:
    total = Fraction(0)
    for i, (ti, vi) in enumerate(zip(nodes, values, strict=True)):
        weight = Fraction(1)
        for m, tm in enumerate(nodes):
            if m != i:
                weight *= (0 - tm) / (ti - tm)
        total += weight * vi
    return total


@pytest.mark.parametrize("power", [1, 2])
def test_each_tableau_entry_extrapolates_its_rows_to_zero(power: int) -> None:
    # rows[k][j] is the polynomial in t = h**p through rows k-j..k, at t = 0.
    steps = [1.0, 0.5, 0.25, 0.125, 0.0625]
    quotients = [3.0, 1.0 + 2.0 * 0.5**power, 1.5, -0.25, 0.75]  # any values
    window = _Window(power)
    for step, quotient in zip(steps, quotients, strict=True):
        window.add(step, quotient, 0.0)
    assert window.steps == steps
    assert window.quotients == quotients
    assert window.noises == [0.0] * 5
    for k, row in enumerate(window.rows):
        assert len(row) == k + 1
        for j, entry in enumerate(row):
            nodes = [Fraction(s) ** power for s in steps[k - j : k + 1]]
            values = [Fraction(q) for q in quotients[k - j : k + 1]]
            assert entry == pytest.approx(float(lagrange_at_zero(nodes, values)), rel=1e-13, abs=0)


def test_clearing_a_window_keeps_its_last_row_only() -> None:
    window = _Window(2)
    for step, quotient, noise in [(1.0, 5.0, 1e-3), (0.5, 4.0, 2e-3), (0.25, 2.0, 3e-3)]:
        window.add(step, quotient, noise)
    window.clear_to_last()
    assert (window.steps, window.quotients, window.noises) == ([0.25], [2.0], [3e-3])
    assert window.rows == [[2.0]]
    window.add(0.125, 1.0, 0.0)
    assert window.rows[1] == [1.0, 1.0 + (1.0 - 2.0) / 3.0]  # ratio (0.25 / 0.125)**2 = 4


def test_the_ratio_of_two_steps_is_raised_to_the_power() -> None:
    assert _Window(2).ratio(3.0, 1.5) == 4.0
    assert _Window(1).ratio(3.0, 1.5) == 2.0
    assert _Window(2).ratio(1e300, 1e-300) == math.inf  # not an OverflowError


# ------------------------------------------------------- the asymptotic range


def window_of(
    power: int, steps: list[float], quotients: list[float], noises: list[float]
) -> _Window:
    window = _Window(power)
    for step, quotient, noise in zip(steps, quotients, noises, strict=True):
        window.add(step, quotient, noise)
    return window


def rate_window(observed: float, power: int = 2, noise: float = 0.0) -> _Window:
    """Three halving steps whose differences are ``observed`` and 1 (ratio ``observed``)."""
    window = window_of(power, [1.0, 0.5, 0.25], [observed + 1.0, 1.0, 0.0], [0.0, 0.0, noise])
    first = window.quotients[0] - window.quotients[1]
    assert first == observed  # exactly: the test is at the bound it names
    return window


# For halving steps, successive differences shrink by 4**m (p = 2, h**(mp) leading),
# accepted from 0.75 to 1.35 times that: [3, 5.4], [12, 21.6], [48, 86.4]
# (5.4 itself rounds to just above the bound).
@pytest.mark.parametrize("observed", [3.0, 4.0, 5.399, 12.0, 16.0, 21.6, 48.0, 64.0, 86.4])
def test_differences_shrinking_at_the_predicted_rate_are_asymptotic(observed: float) -> None:
    assert rate_window(observed).in_asymptotic_range()


@pytest.mark.parametrize("observed", [2.99, 5.41, 8.0, 11.99, 21.61, 30.0, 47.99, 86.41, 1.0])
def test_differences_shrinking_at_another_rate_are_not(observed: float) -> None:
    assert not rate_window(observed).in_asymptotic_range()


@pytest.mark.parametrize(
    ("observed", "expected"),
    [
        (1.4, False),
        (1.5, True),
        (2.7, True),
        (2.71, False),
        (3.0, True),
        (5.399, True),
        (6.0, True),
        (10.8, True),
        (10.81, False),
    ],
)
def test_the_rates_of_one_sided_quotients_are_powers_of_two(
    observed: float, expected: bool
) -> None:
    # p = 1: the bands are 0.75..1.35 times 2, 4 and 8.
    assert rate_window(observed, power=1).in_asymptotic_range() is expected


def test_the_rate_is_read_from_the_last_three_steps() -> None:
    # Steps 1, 0.5, 0.125 (after a step of 8 that is not among them): r1 = 1/4 and
    # r2 = 1/64, so the band for m = 1 is (1 - r1) / (r1 - r2) * [0.75, 1.35] = [2.4, 4.32]
    # (4.32 itself rounds to just above the bound).
    for observed, expected in [(2.4, True), (2.39, False), (4.319, True), (4.33, False)]:
        window = window_of(2, [8.0, 1.0, 0.5, 0.125], [-7.0, observed + 1.0, 1.0, 0.0], [0.0] * 4)
        assert window.in_asymptotic_range() is expected, observed


def test_fewer_than_three_quotients_are_asymptotic() -> None:
    assert window_of(2, [1.0, 0.5], [5.0, -3.0], [0.0, 0.0]).in_asymptotic_range()
    assert window_of(2, [1.0], [5.0], [0.0]).in_asymptotic_range()


def test_differences_at_the_level_of_rounding_count_as_converged() -> None:
    # |second difference| <= 4 x the largest noise of the last three quotients.
    window = window_of(2, [1.0, 0.5, 0.25], [-9.0, 1.0, 0.0], [0.0, 0.0, 0.25])
    assert window.in_asymptotic_range()
    window = window_of(2, [1.0, 0.5, 0.25], [-9.0, 1.0, 0.0], [0.25, 0.0, 0.0])
    assert window.in_asymptotic_range()
    window = window_of(2, [1.0, 0.5, 0.25], [-9.0, 1.0, 0.0], [0.0, 0.0, 0.2499])
    assert not window.in_asymptotic_range()
    # The noise of a quotient before the last three does not count.
    window = window_of(2, [2.0, 1.0, 0.5, 0.25], [0.0, -9.0, 1.0, 0.0], [1.0, 0.0, 0.0, 0.0])
    assert not window.in_asymptotic_range()


def test_differences_of_opposite_signs_are_not_asymptotic() -> None:
    # A ratio of -4 in absolute value would pass: the signs must agree.
    assert not window_of(2, [1.0, 0.5, 0.25], [-3.0, 1.0, 0.0], [0.0] * 3).in_asymptotic_range()
    assert not window_of(2, [1.0, 0.5, 0.25], [3.0, -1.0, 0.0], [0.0] * 3).in_asymptotic_range()
    # Both negative, ratio 4: asymptotic.
    assert window_of(2, [1.0, 0.5, 0.25], [-5.0, -1.0, 0.0], [0.0] * 3).in_asymptotic_range()


# -------------------------------------------------------------- the best entry


def error_of(rows: list[list[float]], noises: list[float], k: int, j: int) -> float:
    """The docstring's error of rows[k][j]: its largest difference from the two
    entries it was made from and from its column's entries in rows k - 1 and
    k + 1, plus 2.5 times the largest noise of the quotients it rests on."""
    neighbours = [rows[k][j - 1], rows[k - 1][j - 1]]
    if j < len(rows[k - 1]):
        neighbours.append(rows[k - 1][j])
    if k + 1 < len(rows):
        neighbours.append(rows[k + 1][j])
    return max(abs(rows[k][j] - other) for other in neighbours) + 2.5 * max(noises[k - j : k + 1])


def table(rows: list[list[float]], noises: list[float]) -> _Window:
    window = _Window(2)
    window.rows = rows
    window.noises = noises
    window.steps = [0.5**k for k in range(len(rows))]
    window.quotients = [row[0] for row in rows]
    return window


@pytest.mark.parametrize("seed", range(40))
def test_the_best_entry_has_the_smallest_error_by_the_docstring(seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311  (test data, not secrets)
    size = rng.randint(3, 6)
    rows = [[rng.uniform(-1.0, 1.0) for _ in range(k + 1)] for k in range(size)]
    noises = [rng.choice([0.0, rng.uniform(0.0, 0.3)]) for _ in range(size)]
    errors = {(k, j): error_of(rows, noises, k, j) for k in range(2, size) for j in range(1, k + 1)}
    (k, j) = min(errors, key=lambda key: errors[key])
    best = _best(table(rows, noises))
    rounding = max(noises[k - j : k + 1])
    assert best == _Candidate(rows[k][j], errors[k, j], k, j, 0.5**k, rows[k][0], rounding)


def test_the_first_of_two_equally_good_entries_wins() -> None:
    # Every entry of a table of zeros has error 0: the first in row order, rows[2][1], wins.
    best = _best(table([[0.0] * (k + 1) for k in range(4)], [0.0] * 4))
    assert best is not None
    assert (best.row, best.level, best.error) == (2, 1, 0.0)


def test_a_window_of_two_rows_has_no_best_entry() -> None:
    assert _best(table([[1.0], [2.0, 3.0]], [0.0, 0.0])) is None


def test_ridders_stop_compares_the_newest_diagonal_entries() -> None:
    # |rows[-1][top] - rows[-2][top - 1]| >= 2 x the best error ends the window.
    rows = [[0.0], [0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0, 3.0]]
    window = table(rows, [0.0] * 4)
    assert _worse(window, _Candidate(0.0, 1.0, 2, 1, 0.25))  # |3 - 1| = 2 >= 2
    assert not _worse(window, _Candidate(0.0, 1.0001, 2, 1, 0.25))
    assert not _worse(table([[0.0]], [0.0]), _Candidate(0.0, 0.0, 0, 0, 1.0))  # no entry yet
    # A first row after a restart has no diagonal to compare: never worse.
    assert not _worse(table([[5.0], [9.0]], [0.0, 0.0]), _Candidate(0.0, 0.0, 0, 0, 1.0))


# ------------------------------------------------------------------ the sampler


def test_the_sampler_calls_f_once_per_point_and_keeps_its_failures() -> None:
    calls: list[float] = []

    def f(t: float) -> float:
        calls.append(t)
        return math.log(t)

    sampler = Sampler(f, 1.0)
    assert (sampler.f, sampler.x, sampler.values, sampler.calls) == (f, 1.0, {}, 0)
    assert (sampler.failed, sampler.noise_floor) == ([], 0.0)
    assert sampler(2.0) == math.log(2.0)
    assert sampler(2.0) == math.log(2.0)
    assert (calls, sampler.calls, sampler.values) == ([2.0], 1, {2.0: math.log(2.0)})
    with pytest.raises(calcweb.DomainError) as info:
        sampler(-1.0)
    assert sampler.failed == [(-1.0, str(info.value))]
    assert sampler.calls == 2


def test_the_sampler_records_an_overflow_as_a_failure() -> None:
    sampler = Sampler(math.exp, 0.0)
    with pytest.raises(calcweb.NumericalError) as info:
        sampler(1000.0)
    assert sampler.failed == [(1000.0, str(info.value))]


def test_a_quotient_evaluates_the_farthest_points_first() -> None:
    # A domain ends at the far points: they are tried first, so a stencil that
    # does not fit costs one call.
    calls: list[float] = []

    def f(t: float) -> float:
        calls.append(t)
        return t**4

    sampler = Sampler(f, 0.0)
    value, noise, step = sampler.quotient("central", 4, 0.5)
    assert calls[:2] in ([1.0, -1.0], [-1.0, 1.0])
    assert sorted(calls) == [-1.0, -0.5, 0.0, 0.5, 1.0]
    assert value == 24.0
    assert (noise, step) == (2 * EPS * 1.0 * 16.0 / 0.5**4, 0.5)
    calls.clear()
    Sampler(f, 0.0).quotient("forward", 3, 0.25)
    assert calls == [0.75, 0.5, 0.25, 0.0]
    calls.clear()
    Sampler(f, 0.0).quotient("backward", 2, 0.25)
    assert calls == [-0.5, -0.25, 0.0]


def test_a_quotient_uses_the_measured_noise_floor() -> None:
    sampler = Sampler(lambda t: t * t, 1.0)
    sampler.noise_floor = 1e-6
    value, noise, step = sampler.quotient("central", 2, 0.5)
    assert (value, noise, step) == (2.0, 1e-6 * 4.0 / 0.25, 0.5)


def alternating(amplitude: float, spacing: float, calls: list[float] | None = None):  # type: ignore[no-untyped-def]
    """1 + amplitude (-1)**k at t = k spacing: noise whose 4th difference is 16 amplitude."""

    def f(t: float) -> float:
        if calls is not None:
            calls.append(t)
        k = round(t / spacing)
        return 1.0 + amplitude * (-1.0) ** k

    return f


def test_the_noise_of_f_is_measured_from_its_fourth_differences() -> None:
    # At spacing s: (+a, -a, +a, -a, +a) gives 16a; at 2s the points are all +a: 0,
    # far below 8 x 16a, so it is noise, of standard deviation 3 x 16a / sqrt(70).
    a, s = 2.0**-20, 2.0**-10
    sampler = Sampler(alternating(a, s), 0.0)
    assert sampler.measure_noise(s, 1.0, 0.0) == 3.0 * 16.0 * a / math.sqrt(70.0)


def test_noise_below_quiet_is_not_measured() -> None:
    a, s = 2.0**-20, 2.0**-10
    fine = 16.0 * a
    # 3 |fine| <= quiet sqrt(70): unmeasured (0); just above quiet: measured.
    quiet = 3.0 * fine / math.sqrt(70.0)
    while quiet * math.sqrt(70.0) < 3.0 * fine:  # the smallest quiet that hides it
        quiet = math.nextafter(quiet, math.inf)
    while math.nextafter(quiet, 0.0) * math.sqrt(70.0) >= 3.0 * fine:
        quiet = math.nextafter(quiet, 0.0)
    assert Sampler(alternating(a, s), 0.0).measure_noise(s, 1.0, quiet) == 0.0
    below = math.nextafter(quiet, 0.0)
    assert Sampler(alternating(a, s), 0.0).measure_noise(s, 1.0, below) > 0.0


def counting(g, calls: list[float]):  # type: ignore[no-untyped-def]
    def f(t: float) -> float:
        calls.append(t)
        return g(t)

    return f


def five(x: float, s: float) -> list[float]:
    return [x - 2 * s, x - s, x, x + s, x + 2 * s]


def sloped(g: Any, x: float, slope: float, calls: list[float]) -> Sampler:
    sampler = Sampler(counting(g, calls), x)
    sampler.slope = slope
    return sampler


def test_three_points_on_the_known_slope_save_the_outer_two() -> None:
    # t**2 at 1, slope 2, spacing s = 2**-20: gaps 2s -+ s**2 (exact), each s**2 =
    # 2**-40 from 2s: three points suffice where quiet / 8 >= 2**-40.
    s, calls = 2.0**-20, []
    quiet = 2.0**-37
    assert sloped(lambda t: t * t, 1.0, 2.0, calls).measure_noise(s, 1.0, quiet) == 0.0
    assert sorted(calls) == [1.0 - s, 1.0, 1.0 + s]
    # Just below that quiet, or with no slope known, all five points decide
    # (their 4th difference is 0: no noise either).
    for slope, q in ((2.0, math.nextafter(quiet, 0.0)), (0.0, 1.0)):
        calls.clear()
        assert sloped(lambda t: t * t, 1.0, slope, calls).measure_noise(s, 1.0, q) == 0.0
        assert sorted(calls) == five(1.0, s)


def test_three_points_pass_alternating_noise_only_where_five_would() -> None:
    # t + a (-1)**k on the grid k s: gaps s -+ 2a, so three points pass where
    # 2a <= quiet / 8; five points (4th difference 16a) pass it there as well.
    a, s, calls = 2.0**-30, 2.0**-10, []

    def noisy(t: float) -> float:
        return t + a * (-1.0) ** round(t / s)

    quiet = 16.0 * a
    assert sloped(noisy, 0.0, 1.0, calls).measure_noise(s, 1.0, quiet) == 0.0
    assert len(calls) == 3
    assert Sampler(noisy, 0.0).measure_noise(s, 1.0, quiet) == 0.0  # five agree
    calls.clear()
    below = math.nextafter(quiet, 0.0)
    assert sloped(noisy, 0.0, 1.0, calls).measure_noise(s, 1.0, below) == 0.0
    assert sorted(calls) == five(0.0, s)


def test_a_gap_of_0_is_never_on_the_slope() -> None:
    # max(t, 1) at 1 with slope 1 and quiet s / 4 (f changes by 4 quiet per
    # spacing): the gap of 0 is 4 quiet off.
    s, calls = 2.0**-20, []
    sloped(lambda t: max(t, 1.0), 1.0, 1.0, calls).measure_noise(s, 1.0, s / 4.0)
    assert sorted(calls)[:5] == five(1.0, s)
    # Nor where the slope times the spacing underflows to 0 (and quiet with it):
    # f constant near x at this spacing widens it, as without a slope.
    calls.clear()
    sloped(lambda t: 0.0 if abs(t) < 1e-3 else t, 0.0, 5e-324, calls).measure_noise(s, 1.0, 0.0)
    assert max(calls) > 1e-3


def test_three_points_outside_the_domain_leave_the_noise_unmeasured() -> None:
    # f undefined at x + spacing only: unmeasured (0), and that point is not tried twice.
    s, calls = 2.0**-20, []

    def g(t: float) -> float:
        if t == 1.0 + s:
            raise ValueError("undefined here")
        return t * t

    assert sloped(g, 1.0, 2.0, calls).measure_noise(s, 1.0, 1.0) == 0.0
    assert sorted(calls) == [1.0 - s, 1.0, 1.0 + s]


@pytest.mark.parametrize(("n", "slope"), [(1, True), (2, False)])
def test_the_slope_is_known_to_the_noise_measurement_of_a_first_derivative(
    monkeypatch: pytest.MonkeyPatch, n: int, slope: bool
) -> None:
    seen: list[float] = []
    measure = Sampler.measure_noise

    def recorded(sampler: Sampler, spacing: float, widest: float, quiet: float) -> float:
        seen.append(sampler.slope)
        return measure(sampler, spacing, widest, quiet)

    monkeypatch.setattr(Sampler, "measure_noise", recorded)
    found = extrapolate(math.sin, 1.0, n, 0.015)
    assert seen == [found.value if slope else 0.0]


def test_a_smooth_f_has_no_noise() -> None:
    # exp at spacing 2**-4: the 4th difference grows 16-fold at twice the spacing.
    assert Sampler(math.exp, 0.0).measure_noise(2.0**-4, 1.0, 0.0) == 0.0


def test_noise_is_told_from_smoothness_at_a_factor_of_8() -> None:
    # f = noise + c t**4: the fine 4th difference is 16a + 24 c s**4, the coarse one
    # 0 + 24 c (2s)**4; coarse >= 8 fine (smooth) where c s**4 >= 2a/3. Here
    # a = 3 * 2**-22 and c s**4 = 2**-21 = 2a/3 exactly: every value and difference is
    # exact, and the coarse difference is exactly 8 times the fine one.
    a, s = 3.0 * 2.0**-22, 2.0**-4
    noisy = alternating(a, s)
    c = 2.0**-21 / s**4
    assert Sampler(lambda t: noisy(t) + c * t**4, 0.0).measure_noise(s, 1.0, 0.0) == 0.0
    below = 0.99 * c
    measured = Sampler(lambda t: noisy(t) + below * t**4, 0.0).measure_noise(s, 1.0, 0.0)
    coarse = 24.0 * below * (2.0 * s) ** 4
    # (f's values are rounded to about 1e-16: the 4th differences carry about 1e-15 of it)
    assert measured == pytest.approx(3.0 * coarse / math.sqrt(70.0), rel=1e-9, abs=0)


def test_equal_values_widen_the_spacing_16_fold() -> None:
    # f constant on [-1/64, 1/64]: five equal values say nothing; the spacing grows
    # from 2**-12 by 16 until the points leave that interval (2**-8 * 2 = 2**-7).
    calls: list[float] = []

    def staircase(t: float) -> float:
        calls.append(t)
        return 0.0 if abs(t) <= 2.0**-6 else 1.0 + t

    noise = Sampler(staircase, 0.0).measure_noise(2.0**-12, 1.0, 0.0)
    # Spacings 2**-12, 2**-8, 2**-4: the values differ, and as they were equal at a
    # smaller spacing, f is a staircase: its noise is the smallest gap between its
    # values (0.9375 - 0.875), with no coarse difference (no point 4 x 2**-4 away).
    assert max(calls) == 2.0 * 2.0**-4
    assert noise == 2.0**-4
    assert 2.0 * 2.0**-8 in calls
    calls.clear()
    # No wider than `widest`: at 2**-8 the next spacing, 2**-4, would exceed 2**-5.
    assert Sampler(staircase, 0.0).measure_noise(2.0**-12, 2.0**-5, 0.0) == 0.0
    assert max(calls) == 2.0 * 2.0**-8
    calls.clear()
    # widest = 16 x spacing exactly: the spacing still grows.
    Sampler(staircase, 0.0).measure_noise(2.0**-12, 2.0**-8, 0.0)
    assert max(calls) == 2.0 * 2.0**-8


def test_noise_is_unmeasured_outside_the_domain() -> None:
    # A point of the 4th difference outside the domain (fine or coarse): 0.
    assert Sampler(math.log, 1e-3).measure_noise(1e-3, 1.0, 0.0) == 0.0
    a, s = 2.0**-20, 2.0**-10
    noisy = alternating(a, s)

    def edge(t: float) -> float:  # defined on the fine stencil only
        if abs(t) > 2.5 * s:
            raise ValueError("outside")
        return noisy(t)

    assert Sampler(edge, 0.0).measure_noise(s, 1.0, 0.0) == 0.0
    # A spacing that vanishes at x: unmeasured.
    assert Sampler(math.exp, 1e20).measure_noise(1e-10, 1.0, 0.0) == 0.0


def test_the_fourth_difference_and_whether_the_values_differ() -> None:
    sampler = Sampler(lambda t: t**4, 0.0)
    assert sampler._fourth_difference(0.5) == (24.0 * 0.5**4, True)
    assert Sampler(lambda t: 3.0, 1.0)._fourth_difference(0.5) == (0.0, False)
    calls: list[float] = []
    Sampler(alternating(1.0, 1.0, calls), 2.0)._fourth_difference(1.0)
    assert calls == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert Sampler(math.log, 0.5)._fourth_difference(0.5) is None


# ------------------------------------------------------------ the rate of f


def exp_rows(s: float, n: int, steps: list[float]) -> tuple[tuple[float, float], ...]:
    """(h, central quotient of order n of exp(s t) at 0): exact sums of its series."""
    offsets, weights, spacing = stencil("central", n)
    rows = []
    for h in steps:
        # sum_k w_k exp(s o_k h) / (spacing h)**n, with the series of each exp
        # summed in fractions, so that the rows carry no rounding.
        total = Fraction(0)
        for w, o in zip(weights, offsets, strict=True):
            z = Fraction(s) * Fraction(o) * Fraction(h)
            term, series = Fraction(1), Fraction(0)
            for i in range(1, 40):
                series += term
                term = term * z / i
            total += Fraction(w) * series
        rows.append((h, float(total / (Fraction(spacing) * Fraction(h)) ** n)))
    return tuple(rows)


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("s", [1.0, 3.0])
def test_the_growth_rate_of_exp_is_s_times_the_second_step(n: int, s: float) -> None:
    # f = exp(s t): f^(k+1) = s f^(k), so _growth is s h1, from c2/c1 (three rows) or
    # from c1 alone (two rows); the next terms of the series change it by about (s h1)**2.
    h1 = 2.0**-7
    rows = exp_rows(s, n, [2 * h1, h1, h1 / 2])
    value = s**n
    assert _growth(n, rows, value, 0.0) == pytest.approx(s * h1, rel=0.01, abs=0)
    assert _growth(n, rows[:2], value, 0.0) == pytest.approx(s * h1, rel=0.01, abs=0)


def test_the_growth_rate_formulas() -> None:
    # Two rows: sqrt(|(d1 - D) / D| * 6 / (n (spacing/2)**2)). Three rows, c2's part above
    # the noise: sqrt(c2/c1 / ((spacing/2)**2 (1/20 + (n-1)/12))), c2/c1 from the
    # extrapolation `once` of the first two rows.
    rows = ((0.5, 1.75), (0.25, 1.25), (0.125, 1.0))
    assert _growth(1, rows[:2], 1.0, 0.0) == math.sqrt(0.25 * 6.0)
    assert _growth(2, rows[:2], 2.0, 0.0) == math.sqrt(0.375 * 6.0 / (2 * 0.25))
    once = 1.25 + (1.25 - 1.75) / 3.0
    c2_over_c1 = abs((once - 1.0) / 0.25) / 4.0
    assert _growth(1, rows, 1.0, 0.0) == math.sqrt(c2_over_c1 / (1.0 / 20.0))
    c2_over_c1 = abs((once - 2.0) / (1.25 - 2.0)) / 4.0
    expected = math.sqrt(c2_over_c1 / (0.25 * (1.0 / 20.0 + 1.0 / 12.0)))
    assert _growth(2, rows, 2.0, 0.0) == expected


def test_the_growth_rate_needs_a_difference_above_the_noise() -> None:
    # The noise of the quotient at h1: level 2**n / (spacing h1)**n; |d1 - D| must exceed it.
    rows = ((2.0, 1.75), (1.0, 1.5))
    assert math.isnan(_growth(1, rows, 1.0, 0.5))  # 0.5 * 2 / 2 = 0.5: not above
    assert _growth(1, rows, 1.0, 0.4999) == math.sqrt(0.5 * 6.0)
    assert math.isnan(_growth(2, rows, 1.0, 0.125))  # 0.125 * 4 / 1 = 0.5
    assert _growth(2, rows, 1.0, 0.1249) == math.sqrt(0.5 * 6.0 / (2 * 0.25))
    assert math.isnan(_growth(1, rows, 1.5, 0.0))  # d1 == D: no rate at all


def test_the_growth_rate_when_c2_is_below_the_noise() -> None:
    # |once - D| <= 2 x noise: c2 is not measured, the two-row formula is used.
    rows = ((0.5, 1.75), (0.25, 1.25), (0.125, 1.0))
    once = 1.25 + (1.25 - 1.75) / 3.0  # 1.0833...: |once - D| = 1/12
    level = (1.0 / 12.0) / 2.0 / (2.0 / 0.5)  # noise = level * 2 / (2 * 0.25) = 1/24
    two_rows = math.sqrt(0.25 * 6.0)
    assert abs(once - 1.0) <= 2.0 * level * 2.0 / 0.5
    assert _growth(1, rows, 1.0, level * 1.01) == two_rows
    assert _growth(1, rows, 1.0, level * 0.99) != two_rows


def test_the_growth_rate_survives_extreme_steps() -> None:
    # (spacing h1)**n underflows to 0: no rate (nan); overflows: no noise (0), a rate.
    assert math.isnan(_growth(2, ((2e-200, 2.0), (1e-200, 1.5)), 1.0, 1e-300))
    rate = _growth(2, ((2e200, 2.0), (1e200, 1.5)), 1.0, 1e-300)
    assert rate == math.sqrt(0.5 * 6.0 / (2 * 0.25))


# ------------------------------------------------- near the top of the float range


def test_a_smooth_f_near_the_largest_float_is_not_called_kinked() -> None:
    # The forward check extrapolated 2 * fine - coarse, and 2 * 1.3e308 overflowed:
    # "from the right tend to about inf", a kink refused where f is smooth.
    r = calcweb.derivative(lambda t: 1.5e308 * math.sin(t), 0.5, full_output=True)
    exact = 1.5e308 * math.cos(0.5)
    assert abs(r.value - exact) <= 2 * r.error
    assert r.value == pytest.approx(exact, rel=1e-10, abs=0)


def test_weighted_values_that_overflow_make_an_infinite_quotient() -> None:
    # n = 3: weights 1, -3, 3, -1, and 3 * 8e307 overflows to inf: fsum then saw
    # inf - inf and raised a bare ValueError out of derivative.
    assert combine([8e307, 8e307, 8e307, 8e307], "central", 3, 1.0)[0] == math.inf
    with pytest.raises(calcweb.NumericalError):  # a calcweb error, whichever
        calcweb.derivative(lambda t: 8e307 * math.sin(t), 1.48, 3)


def test_the_wide_stencil_gives_up_when_its_sum_overflows() -> None:
    # Weights larger than 1 times values near the largest float: no refinement.
    sampler = Sampler(lambda t: 1.7e308 if round(t) % 2 else -1.7e308, 0.0)
    assert _richardson._wide(sampler, 2, 3, 1.0) is None


# ------------------------------------------------------------ the wide stencil


def exact_weights(n: int, nodes: list[float]) -> list[Fraction]:
    """Weights of the n-th derivative at 0 from values at nodes: the moment equations
    sum_k w_k t_k**j = n! [j == n], j < len(nodes), solved exactly (Gauss-Jordan)."""
    size = len(nodes)
    rows = [
        [Fraction(t) ** j for t in nodes] + [Fraction(math.factorial(n) if j == n else 0)]
        for j in range(size)
    ]
    for col in range(size):
        pivot = next(r for r in range(col, size) if rows[r][col] != 0)
        rows[col], rows[pivot] = rows[pivot], rows[col]
        rows[col] = [v / rows[col][col] for v in rows[col]]
        for r in range(size):
            if r != col and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [row[-1] for row in rows]


@pytest.mark.parametrize("n", [1, 2])
def test_the_wide_stencil_and_its_two_narrower_ones(n: int) -> None:
    # x = 0.3, step 1/4: x + k step is rounded, and the offsets really taken are used.
    x, step, m = 0.3, 0.25, 3
    sampler = Sampler(math.exp, x)
    found = _richardson._wide(sampler, n, m, step)
    assert found is not None
    points = [x + k * step if k else x for k in range(-m, m + 1)]
    values = [math.exp(p) for p in points]
    level = 2 * EPS * max(values)
    for outer, (value, rounding) in zip((0, 1, 2), found, strict=True):
        inner = slice(outer, len(points) - outer)
        offsets = [(p - x) / step for p in points[inner]]
        weights = exact_weights(n, offsets)
        exact = sum(w * Fraction(v) for w, v in zip(weights, values[inner], strict=True))
        assert value == pytest.approx(float(exact) / step**n, rel=1e-13, abs=0), outer
        bound = level * float(sum(abs(w) for w in weights)) / step**n
        assert rounding == pytest.approx(bound, rel=1e-12, abs=0), outer


def test_the_wide_stencils_rounding_level() -> None:
    # The level is never below the noise floor or the spacing of subnormals.
    unit = float(sum(abs(w) for w in exact_weights(2, [float(k) for k in range(-3, 4)])))
    sampler = Sampler(lambda t: 0.0, 0.0)
    found = _richardson._wide(sampler, 2, 3, 0.5)
    assert found is not None
    assert found[0][0] == 0.0
    assert found[0][1] == pytest.approx(TINY * unit / 0.25, rel=1e-12, abs=0)
    sampler.noise_floor = 1e-3
    found = _richardson._wide(sampler, 2, 3, 0.5)
    assert found is not None
    assert found[0][1] == pytest.approx(1e-3 * unit / 0.25, rel=1e-12, abs=0)


def test_the_wide_stencil_gives_up_where_it_cannot_be_taken() -> None:
    assert _richardson._wide(Sampler(math.exp, 0.0), 2, 3, 1e-200) is None  # step**2 underflows
    assert _richardson._wide(Sampler(lambda t: 0.0, 0.0), 2, 3, 1e200) is None  # overflows
    assert _richardson._wide(Sampler(math.log, 0.5), 1, 3, 0.25) is None  # outside the domain
    assert _richardson._wide(Sampler(math.exp, 1e20), 1, 3, 1e-10) is None  # the step vanishes
    jump = Sampler(lambda t: 1e300 if t > 0 else 0.0, 0.0)
    assert _richardson._wide(jump, 2, 3, 1e-10) is None  # the quotient overflows


# ------------------------------------------------------------ the confirmation


def confirming(quotients: list[float], steps: list[float], best: _Candidate) -> bool:
    """_confirmed for t**3 at 1, whose central quotient is 3 + h**2 at every step."""
    sampler = Sampler(lambda t: t**3, 1.0)
    window = window_of(2, steps, quotients, [0.0] * len(steps))
    return _richardson._confirmed(sampler, "central", 1, window, best)


def probe_quotient(steps: list[float]) -> tuple[float, float, float]:
    """The quotient of t**3 at 1 at the probe between two steps, its noise, its step."""
    probe = steps[1] * (steps[0] / steps[1]) ** (1.0 / _richardson._GOLDEN)
    return Sampler(lambda t: t**3, 1.0).quotient("central", 1, probe)


def test_a_window_is_confirmed_when_its_polynomial_predicts_a_quotient_between() -> None:
    # The rows 1..2 of the window (steps 0.25, 0.125) are 3 + h**2 plus eps: the line
    # through them predicts the probe's quotient plus eps. Confirmed iff
    # eps <= 2 error + 100 noise. Rows 0 and 3 are wild: they are not among the rows used.
    steps = [0.5, 0.25, 0.125, 0.0625]
    quotient, noise, probe = probe_quotient(steps[1:3])
    assert steps[2] < probe < steps[1]
    eps = 1e-6
    quotients = [99.0, 3.0 + 0.25**2 + eps, 3.0 + 0.125**2 + eps, -99.0]
    predicted = _interpolate([1.0, 0.25], quotients[1:3], (probe / 0.25) ** 2)
    apart = abs(quotient - predicted)
    assert apart == pytest.approx(eps, rel=1e-6, abs=0)
    for factor, expected in [(1.001, True), (0.999, False)]:
        error = factor * (apart - 100.0 * noise) / 2.0
        assert confirming(quotients, steps, _Candidate(0.0, error, 2, 1, 0.125)) is expected
    # With no error, the noise alone: 100 times the probe's rounding bound.
    eps = 100.0 * noise
    for factor, expected in [(0.999, True), (1.001, False)]:
        shift = factor * eps
        quotients = [99.0, 3.0 + 0.25**2 + shift, 3.0 + 0.125**2 + shift, -99.0]
        assert confirming(quotients, steps, _Candidate(0.0, 0.0, 2, 1, 0.125)) is expected


def test_a_window_of_three_rows_is_confirmed_by_its_parabola() -> None:
    steps = [1.0, 0.5, 0.25, 0.125, 0.0625]
    exact = [3.0 + h * h for h in steps]
    quotients = [50.0, *exact[1:4], -50.0]
    assert confirming(quotients, steps, _Candidate(0.0, 1e-12, 3, 2, 0.125))
    # A parabola through rows 1..3 that is not the quotients' curve: refused.
    bent = [50.0, exact[1], exact[2] + 1e-3, exact[3], -50.0]
    assert not confirming(bent, steps, _Candidate(0.0, 1e-9, 3, 2, 0.125))


def test_a_probe_outside_the_domain_is_not_a_confirmation() -> None:
    steps = [0.5, 0.25, 0.125]
    allowed = {1.0 + s for s in steps} | {1.0 - s for s in steps} | {1.0}

    def f(t: float) -> float:
        if t not in allowed:
            raise ValueError("undefined")
        return t**3

    window = window_of(2, steps, [3.0 + h * h for h in steps], [0.0] * 3)
    best = _Candidate(3.0, 1.0, 2, 1, 0.125)
    assert not _richardson._confirmed(Sampler(f, 1.0), "central", 1, window, best)


# ------------------------------------------------------------------ the kink check


def estimate(value: float, error: float, smallest: float) -> _richardson.Estimate:
    return _richardson.Estimate(value, error, 0, 1.0, "central", smallest)


def kink_message(x: float, forward: float, central: float, finest: float) -> str:
    return (
        f"no derivative of f at x={x!r} was found: the difference quotients from the "
        f"right tend to about {forward:.6g}, but the symmetric ones to "
        f"{central:.6g}, at steps down to {finest:.3g} (as they do at a kink or "
        "a jump at x, or where f varies on a scale finer than those steps); take a "
        "one-sided derivative with method='forward' or method='backward', or move x; "
        "or, if f varies on a finer scale, differentiate f(s * t) at t = x / s for a "
        "small s, and divide by s"
    )


def test_a_kink_is_refused_beyond_the_tolerance() -> None:
    # |t| at 0: the forward quotients are 1 at h = 1/4, 1/8 (and 1/16), the central
    # value 0. Tolerance: 4 |fine - coarse| (0) + 20 x the rounding bound of the coarse
    # quotient (2 eps 0.25 x 2 / 0.25 = 4 eps) + 2 x the error: exactly 1 when the
    # error is (1 - 80 eps) / 2, and 1 is not beyond 1.
    error = (1.0 - 80.0 * EPS) / 2.0
    _richardson._check_one_sided(Sampler(abs, 0.0), estimate(0.0, error, 0.25))
    smaller = math.nextafter(error, 0.0)
    with pytest.raises(calcweb.DomainError) as info:
        _richardson._check_one_sided(Sampler(abs, 0.0), estimate(0.0, smaller, 0.25))
    assert str(info.value) == kink_message(0.0, 1.0, 0.0, 0.0625)


def test_the_kink_tolerance_counts_how_far_the_forward_quotients_moved() -> None:
    # |t| + t**2 at 0: forward quotients 1 + h, at h = 1/4 and 1/8: extrapolated 1,
    # 4 |fine - coarse| = 0.5. Against a central value of 0: refused unless
    # 0.5 + 100 noise + 2 error >= 1. Just within that (session 26, DERKINK), the
    # truncation allowance (0.5) is above the estimate's error, and the quotients at
    # halving steps, extrapolated twice, settle on 1 within rounding: refused too.
    def f(t: float) -> float:
        return abs(t) + t * t

    noise = Sampler(f, 0.0).quotient("forward", 1, 0.25)[1]
    boundary = (0.5 - 100.0 * noise) / 2.0
    with pytest.raises(calcweb.DomainError, match="from the right tend to about 1,"):
        _richardson._check_one_sided(Sampler(f, 0.0), estimate(0.0, boundary * 1.000001, 0.25))
    with pytest.raises(calcweb.DomainError) as info:
        _richardson._check_one_sided(Sampler(f, 0.0), estimate(0.0, boundary * 0.999999, 0.25))
    assert str(info.value) == kink_message(0.0, 1.0, 0.0, 0.0625)


def test_the_kink_check_extrapolates_the_forward_quotients() -> None:
    # exp at 0 with h = 1/8: forward quotients 1.0652 and 1.0319, extrapolated (h, h/2)
    # to 0.99864; tolerance 4 x 0.0333. A central value of 1 passes, 1.2 does not,
    # nor once more extrapolated with the quotient at h/4 (1.0157): to 0.99999.
    _richardson._check_one_sided(Sampler(math.exp, 0.0), estimate(1.0, 0.0, 0.125))
    with pytest.raises(calcweb.DomainError) as info:
        _richardson._check_one_sided(Sampler(math.exp, 0.0), estimate(1.2, 0.0, 0.125))
    coarse, fine, finer = (k * math.expm1(1.0 / k) for k in (8.0, 16.0, 32.0))
    once, forward = 2.0 * finer - fine, 2.0 * fine - coarse
    assert str(info.value) == kink_message(0.0, once + (once - forward) / 3.0, 1.2, 0.03125)


def test_the_kink_check_extrapolates_twice_before_it_refuses() -> None:
    # sin at x = -0.0018 with h = 0.00375 > |x|: the h and h**2 terms of the forward
    # quotients (f''(x)/2 = 9e-4, f'''(x)/6 = -0.17) nearly cancel in fine - coarse:
    # once extrapolated, they are 1.2e-6 from cos(x), 5 times 4 |fine - coarse|.
    # The quotient at h/4 shows it: twice extrapolated, they are 1e-9 from cos(x).
    x, h = -0.0018089107125886243, 0.00375

    def forward(step: float) -> float:
        return (math.sin(x + step) - math.sin(x)) / step

    once = 2.0 * forward(h / 2) - forward(h)
    assert abs(once - math.cos(x)) > 4.0 * 4.0 * abs(forward(h / 2) - forward(h))
    _richardson._check_one_sided(Sampler(math.sin, x), estimate(math.cos(x), 0.0, h))
    # A kink of 1e-5 in the slope (the tolerance is now 4 |twice - once| = 1.2e-6) is not.
    with pytest.raises(calcweb.DomainError):
        _richardson._check_one_sided(Sampler(math.sin, x), estimate(math.cos(x) - 1e-5, 0.0, h))


def test_no_kink_check_where_f_is_undefined_on_the_right() -> None:
    def left_only(t: float) -> float:
        return math.sqrt(-t)

    _richardson._check_one_sided(Sampler(left_only, -1.0), estimate(123.0, 0.0, 2.0))


# ------------------------------------------------------------------ the walks


def test_no_stencil_fits_names_four_points_and_the_last_reason() -> None:
    def only_at_one(t: float) -> float:
        if t != 1.0:
            raise ValueError("undefined")
        return 1.0

    with pytest.raises(calcweb.DomainError) as info:
        _richardson.extrapolate(only_at_one, 1.0, 1, 0.5)
    message = str(info.value)
    sampler = Sampler(only_at_one, 1.0)
    for point in (1.5, 0.5):
        with pytest.raises(calcweb.DomainError):
            sampler(point)
    assert message.startswith("no difference stencil around x=1.0 fits in the domain of f: ")
    assert message.endswith(". Move x further inside the domain of f")
    shown = message.split("f failed at ")[1].split(" (", maxsplit=1)[0]
    assert len(shown.split(", ")) == 4
    assert shown.split(", ")[0] == "1.5"
    reason = message.split(" (", 1)[1].rsplit("). Move x", 1)[0]
    assert reason.startswith("f(")
    assert "raised ValueError: undefined" in reason


def test_quotients_that_overflow_say_so_when_nothing_settles() -> None:
    with pytest.raises(calcweb.NumericalError) as info:
        _richardson.extrapolate(lambda t: 1.7e308 * math.sin(40.0 * t), 0.0, 3, 1e-3)
    message = str(info.value)
    assert message.startswith(
        "the difference quotients of order 3 at x=0.0 never settled into the pattern"
    )


def test_the_growth_rate_after_a_search_step() -> None:
    # Rows 4x apart (a searching walk quarters its steps): ratio (h0/h1)**2 = 16.
    rows = ((1.0, 1.0 + 16.0 * 0.25 + 256.0 * 0.01), (0.25, 1.25 + 0.01))
    once = rows[1][1] + (rows[1][1] - rows[0][1]) / 15.0
    c2_over_c1 = abs((once - 1.0) / (rows[1][1] - 1.0)) / 16.0
    rows3 = (*rows, (0.125, 1.0625))
    assert _growth(1, rows3, 1.0, 0.0) == math.sqrt(c2_over_c1 / (1.0 / 20.0))


def test_the_noise_of_a_third_order_quotient_at_h1() -> None:
    # n = 3 (spacing 2): level 2**3 / (2 h1)**3 = level at h1 = 1; |d1 - D| = 0.5.
    rows = ((2.0, 1.75), (1.0, 1.5))
    assert math.isnan(_growth(3, rows, 1.0, 0.5))
    assert _growth(3, rows, 1.0, 0.4999) == math.sqrt(0.5 * 6.0 / 3.0)


def test_c2_exactly_at_twice_the_noise_is_not_measured() -> None:
    # once = 1.25 + (1.25 - 2.75) / 3 = 0.75, |once - D| = 0.25 = 2 x noise at
    # level 1/32 (noise = level 2 / (2 x 0.25) = 1/8): the two-row formula.
    rows = ((0.5, 2.75), (0.25, 1.25), (0.125, 1.0))
    assert _growth(1, rows, 1.0, 1.0 / 32.0) == math.sqrt(0.25 * 6.0)
    assert _growth(1, rows, 1.0, math.nextafter(1.0 / 32.0, 0.0)) != math.sqrt(0.25 * 6.0)


# ------------------------------------------------------------------ the walk


def test_the_walk_halves_its_steps_while_the_quotients_behave() -> None:
    f, calls = recording(math.exp)
    r = _richardson.extrapolate(f, 0.0, 1, 2.0**-6)
    offsets = {abs(t) for t in calls}
    assert {2.0**-6, 2.0**-7, 2.0**-8, 2.0**-9} <= offsets
    assert 2.0**-5 not in offsets  # never above the first step without refine
    assert max(offsets) == 2.0**-6
    # The final estimate: every call counted once, the first step, and no window.
    assert r.nfev == len(calls) == len(set(calls))
    assert (r.step, r.kind, r.window, r.early) == (2.0**-6, "central", (), False)
    assert math.isnan(r.smallest)
    assert abs(r.value - 1.0) <= 2 * r.error
    assert r.error <= 1e-12


def test_a_step_outside_the_domain_shrinks_sixteenfold_or_to_half_of_x() -> None:
    # log at 0.01 from 0.015: x - 0.015 < 0 fails; then 0.015 / 16 (0.005, half of x, is
    # not below 0.015 / 16). At 1e-3: half of x, 5e-4, is below 0.015 / 16: taken.
    f, calls = recording(math.log)
    _richardson.extrapolate(f, 0.01, 1, 0.015)
    assert 0.01 + representable_step(0.01, 0.015 / 16.0) in calls
    assert 0.01 + representable_step(0.01, 0.005) not in calls
    f, calls = recording(math.log)
    r = _richardson.extrapolate(f, 1e-3, 1, 0.015)
    assert 1e-3 + representable_step(1e-3, 5e-4) in calls
    assert abs(r.value - 1e3) <= 2 * r.error


def test_the_walk_quarters_its_steps_while_searching() -> None:
    # sin(1e4 t) at 0 from 1: halving at first (1, 1/2, 1/4), until three quotients show
    # no h**2 pattern; then quartering while searching, down to where h is well below
    # 1e-4 and the pattern holds, and halving again.
    f, calls = recording(lambda t: math.sin(1e4 * t))
    r = _richardson.extrapolate(f, 0.0, 1, 1.0)
    steps: list[float] = []
    for t in calls:
        if t > 0 and t not in steps:
            steps.append(t)
    assert steps[:9] == [1.0, 0.5, 0.25, *(0.25 / 4.0**k for k in range(1, 7))]
    assert steps[11] == steps[10] / 2.0
    assert abs(r.value - 1e4) <= 2 * r.error


# ------------------------------------------------------------ the refinement


@pytest.mark.parametrize(
    ("n", "x", "f", "exact", "first"),
    [(1, 0.0, math.exp, 1.0, 0.015), (2, 0.3, math.sin, -math.sin(0.3), 0.2)],
)
def test_the_refinement_is_one_wide_stencil_on_a_power_of_two(
    n: int, x: float, f: Callable[[float], float], exact: float, first: float
) -> None:
    # 2m + 1 points x + kH, m = 6 + n // 2, H a power of 2; its value replaces the
    # walk's, with a smaller error that is still honest.
    sampler = Sampler(f, x)
    sampler(x)
    walk = _richardson._walks(sampler, n, first, _richardson.ENOUGH)
    before = set(sampler.values)
    refined = _richardson._refine(sampler, n, walk)
    assert refined is not None
    new = sorted(t - x for t in set(sampler.values) - before)
    m = 6 + n // 2
    assert len(new) == 2 * m
    spacing = min(abs(o) for o in new)
    assert math.frexp(spacing)[0] == 0.5  # a power of 2
    assert max(abs(o) for o in new) == m * spacing
    assert abs(refined.value - exact) <= 2 * refined.error < walk.error
    assert (refined.step, refined.kind, refined.smallest) == (walk.step, "central", walk.smallest)
    assert refined.nfev == sampler.calls


def walk_estimate(value: float, error: float, rows: tuple[tuple[float, float], ...]) -> Any:
    return _richardson.Estimate(value, error, 0, 0.015, "central", 0.001, rows)


def test_what_is_not_refined() -> None:
    sampler = Sampler(math.exp, 0.0)
    sampler(0.0)
    rows = ((0.015, 1.0000375004218762), (0.0075, 1.0000093750263637))
    # One row only; an estimate at rounding level (16 eps |value|); a value of 0.
    assert _richardson._refine(sampler, 1, walk_estimate(1.0, 1e-10, rows[:1])) is None
    assert _richardson._refine(sampler, 1, walk_estimate(1.0, 16 * EPS, rows)) is None
    assert _richardson._refine(sampler, 1, walk_estimate(0.0, 1e-10, rows)) is None
    # A walk that searched (its window starts below half the first step), n <= 2.
    searched = ((0.0074, 1.0000375), (0.0037, 1.00000937))
    assert _richardson._refine(sampler, 1, walk_estimate(1.0, 1e-10, searched)) is None
    assert _richardson._refine(sampler, 2, walk_estimate(1.0, 1e-10, searched)) is None
    # A window starting at exactly half the first step did not search: refined.
    halfway = ((0.0075, 1.0000093750263637), (0.00375, 1.0000023437530518))
    assert _richardson._refine(sampler, 1, walk_estimate(1.0, 1e-10, halfway)) is not None


def test_a_refinement_that_disagrees_with_the_walk_is_dropped() -> None:
    # The walk's value 1.001 +- 1e-10 is not what the wide stencil finds (1): no refinement.
    sampler = Sampler(math.exp, 0.0)
    sampler(0.0)
    rows = ((0.015, 1.0000375004218762), (0.0075, 1.0000093750263637))
    before = set(sampler.values)
    assert _richardson._refine(sampler, 1, walk_estimate(1.001, 1e-10, rows)) is None
    # Two tries, at H and H / 2 (the points x + k H / 2, k even, already known): the
    # new points are multiples of H / 2, none of H / 4.
    new = sorted(abs(t) for t in set(sampler.values) - before)
    spacing = max(new) / 6.0
    assert all((t / (spacing / 2.0)).is_integer() for t in new)
    assert any(not (t / spacing).is_integer() for t in new)


@pytest.mark.parametrize(
    ("f", "x", "n"), [(math.exp, 0.0, 1), (math.sin, 0.5, 2), (math.exp, 1.0, 3)]
)
def test_a_walks_estimate_is_the_extrapolation_of_the_rows_it_names(
    f: Callable[[float], float], x: float, n: int
) -> None:
    # The estimate's window lists (step, quotient) of the rows its value rests on:
    # consecutive halving steps, each quotient the sampler's own, and the value
    # Neville's extrapolation of them to h = 0 (Lagrange in h**2, in fractions).
    sampler = Sampler(f, x)
    sampler(x)
    found = _richardson._search(sampler, "central", n, 2.0**-4, 0.0)
    assert found is not None
    steps = [step for step, _ in found.window]
    assert len(steps) >= 2
    assert all(b == a / 2.0 for a, b in itertools.pairwise(steps))
    for step, quotient in found.window:
        assert sampler.quotient("central", n, step)[0] == quotient
    assert found.smallest == steps[-1]
    nodes = [Fraction(step) ** 2 for step in steps]
    values = [Fraction(q) for _, q in found.window]
    assert found.value == pytest.approx(float(lagrange_at_zero(nodes, values)), rel=1e-13, abs=0)
    assert found.error >= 4 * EPS * abs(found.value)
    assert (found.step, found.kind, found.nfev, found.early) == (
        2.0**-4,
        "central",
        sampler.calls,
        False,
    )


def test_a_searched_window_is_not_refined_even_where_it_could_be() -> None:
    # The walk's own rows for exp at 0 refine (see above), but claimed by an estimate
    # whose first step was twice as large they are a searched window: not refined.
    sampler = Sampler(math.exp, 0.0)
    sampler(0.0)
    walk = _richardson._walks(sampler, 1, 0.015, _richardson.ENOUGH)
    assert _richardson._refine(sampler, 1, walk) is not None
    searched = _richardson.Estimate(
        walk.value, walk.error, walk.nfev, 0.031, "central", walk.smallest, walk.window
    )
    assert _richardson._refine(sampler, 1, searched) is None
    # n = 3 refines a searched window all the same.
    sampler = Sampler(math.exp, 1.0)
    sampler(1.0)
    walk = _richardson._walks(sampler, 3, 0.25, _richardson.ENOUGH)
    searched = _richardson.Estimate(
        walk.value, walk.error, walk.nfev, 1.0, "central", walk.smallest, walk.window
    )
    assert _richardson._refine(sampler, 3, searched) is not None


def test_ridders_stop_on_the_smallest_tableaux() -> None:
    # Two rows: the diagonal is rows[1][1] against rows[0][0].
    assert _worse(table([[0.0], [0.0, 3.0]], [0.0] * 2), _Candidate(0.0, 1.0, 1, 1, 0.5))
    # A previous row too short to hold the diagonal's entry: no comparison.
    short = table([[0.0], [0.0, 0.0]], [0.0] * 2)
    short.rows = [[1.0], [1.0, 2.0, 30.0]]
    assert not _worse(short, _Candidate(0.0, 1.0, 1, 1, 0.5))


def test_a_walk_may_stop_early_only_in_a_window_from_the_first_step() -> None:
    # enough = 1e-7: exp at 0 stops as soon as its error is below 1e-7 relative (early),
    # in fewer calls; a walk that searched (sin(1e4 t) from 1) goes on to its best.
    for enough, early in [(0.0, False), (1e-7, True)]:
        sampler = Sampler(math.exp, 0.0)
        sampler(0.0)
        found = _richardson._search(sampler, "central", 1, 0.015, enough)
        assert found is not None
        assert found.early is early
        assert found.error <= (enough or 1e-12) * abs(found.value)
        assert (sampler.calls < 15) is early
    sampler = Sampler(lambda t: math.sin(1e4 * t), 0.0)
    sampler(0.0)
    found = _richardson._search(sampler, "central", 1, 1.0, 1e-7)
    assert found is not None
    assert not found.early
    assert found.error <= 1e-14 * abs(found.value)


def test_a_stencil_that_never_fits_is_tried_down_to_1e_12_of_the_first_step() -> None:
    # f defined at x only: the steps shrink 16-fold from 1/2 while they are at least
    # 1e-12 / 2; 2**-37 still is, so 2**-41 is tried last.
    calls: list[float] = []

    def only_at_one(t: float) -> float:
        calls.append(t)
        if t != 1.0:
            raise ValueError("undefined")
        return 1.0

    with pytest.raises(calcweb.DomainError):
        _richardson.extrapolate(only_at_one, 1.0, 1, 0.5)
    offsets = sorted({abs(t - 1.0) for t in calls if t != 1.0})
    assert offsets[:2] == [2.0**-41, 2.0**-37]
    assert offsets[-1] == 0.5


def stencil_order(n: int, m: int) -> int:
    """The order p of the symmetric 2m+1-point stencil: its first nonzero moment past n."""
    offsets = [float(k) for k in range(-m, m + 1)]
    weights = exact_weights(n, offsets)
    k = n + 1
    while sum(w * Fraction(o) ** k for w, o in zip(weights, offsets, strict=True)) == 0:
        k += 1
    return k - n


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("s", [0.3, 0.7, 1.3, 2.9, 4.1, 7.7, 13.0, 23.0, 40.0, 100.0])
def test_the_wide_step_balances_truncation_against_rounding(n: int, s: float) -> None:
    # The docstring's balance: |f^(n)| (s' H / 2)**p / 3 = level * sum|w| / H**n, with
    # s' = growth / h1 (twice _growth's rate), p the stencil's order, level the rounding
    # of f's values; H at most h1 / growth, then the largest power of 2 not above it.
    # The first stencil's widest points, x +- m H, are the farthest it evaluates.
    def f(t: float) -> float:
        return math.exp(s * t)

    sampler = Sampler(f, 0.0)
    sampler(0.0)
    first = 0.015 if n == 1 else 0.1 * (1.0 + 0.5 * n)
    walk = _richardson._walks(sampler, n, first, _richardson.ENOUGH)
    rows = walk.window
    searched = rows[0][0] < 0.5 * walk.step
    if len(rows) < 2 or (n <= 2 and searched) or walk.error <= 16 * EPS * abs(walk.value):
        assert _richardson._refine(sampler, n, walk) is None  # not a case it takes
        return
    before = set(sampler.values)
    size = max(abs(v) for v in sampler.values.values())
    level = max(2 * EPS * size, TINY)
    growth = 2.0 * _growth(n, rows, walk.value, level)
    if not 0.0 <= growth < math.inf:  # no rate of f known: no refinement
        assert _richardson._refine(sampler, n, walk) is None
        return
    m = 6 + n // 2
    p = stencil_order(n, m)
    unit = float(sum(abs(w) for w in exact_weights(n, [float(k) for k in range(-m, m + 1)])))
    h1 = rows[1][0]
    rate = growth / h1
    log_h = (math.log(3 * level * unit) - math.log(abs(walk.value)) - p * math.log(rate / 2)) / (
        p + n
    )
    wide = min(math.exp(log_h), h1 / growth)
    spacing = 2.0 ** math.floor(math.log2(wide))
    _richardson._refine(sampler, n, walk)
    new = [abs(t) for t in set(sampler.values) - before]
    assert max(new) == m * spacing, (wide, spacing)


@pytest.mark.parametrize("x", [1e-3, 0.01])
def test_each_point_is_called_once_even_where_f_fails(x: float) -> None:
    # log near 0: the first stencils leave the domain. Values are cached; failures are
    # not, so a walk done twice (a noise floor of 0 is no reason to) would call them twice.
    f, calls = recording(math.log)
    r = _richardson.extrapolate(f, x, 1, 0.015)
    assert len(calls) == len(set(calls)) == r.nfev
    assert any(t <= 0.0 for t in calls)


def test_x_itself_is_the_point_at_offset_0() -> None:
    # At x = -0.0 the centre is x, not x + 0 * step (which is +0.0): f sees -0.0.
    signs: list[float] = []

    def f(t: float) -> float:
        if t == 0.0:
            signs.append(math.copysign(1.0, t))
        return math.exp(t)

    Sampler(f, -0.0)._fourth_difference(1.0)
    assert signs == [-1.0]
    signs.clear()
    _richardson._wide(Sampler(f, -0.0), 1, 3, 0.5)
    assert signs == [-1.0]


def never_settled(n: int, x: float) -> str:
    return (
        f"the difference quotients of order {n} at x={x!r} never settled into the "
        "pattern that makes an error estimate trustworthy (f may oscillate faster than "
        "the smallest usable step, be non-smooth near x, or lose accuracy to rounding); "
        "write f with calcweb's functions (calcweb.sin, ...) for exact derivatives"
    )


def test_quotients_that_fit_but_never_settle_are_a_numerical_error() -> None:
    # t**2 sin(1/t), defined on |t| <= 1/2 only: the first stencil fails (a domain
    # error), the next ones fit and never settle. Not a domain error: they did fit.
    def wiggly(t: float) -> float:
        if abs(t) > 0.5:
            raise ValueError("outside")
        return t * t * math.sin(1.0 / t) if t else 0.0

    with pytest.raises(calcweb.NumericalError) as info:
        _richardson.extrapolate(wiggly, 0.0, 1, 1.0)
    assert str(info.value) == never_settled(1, 0.0)


def test_a_stencil_only_on_the_left_is_a_backward_one() -> None:
    def left(t: float) -> float:  # -t exp(t), for t <= 0 only
        return math.sqrt(-t) ** 2 * math.exp(t)

    r = _richardson.extrapolate(left, 0.0, 1, 0.015)
    assert r.kind == "backward"
    assert r.value == pytest.approx(-1.0, rel=1e-9, abs=0)
    assert _richardson.extrapolate(math.exp, 0.5, 0, 0.1).kind == "central"


def test_a_walk_that_stopped_early_goes_on_when_the_refinement_fails() -> None:
    # A bump 0.03 from x, beyond the walk's steps but inside the wide stencil: the
    # refinement is refused, and the walk (stopped at 1e-7) is done again to its best,
    # exactly as without refinement.
    def bump(x: float) -> float:
        return math.sin(x) + 1e-4 * math.exp(-(((x - 1.03) / 0.01) ** 2))

    refined = _richardson.extrapolate(bump, 1.0, 1, 0.015, refine=True)
    plain = _richardson.extrapolate(bump, 1.0, 1, 0.015, refine=False)
    assert (refined.value, refined.error) == (plain.value, plain.error)
    exact = math.cos(1.0) + 1e-4 * math.exp(-9.0) * 600.0  # u = -3: -2u/0.01 exp(-u**2)
    assert abs(refined.value - exact) <= 2 * refined.error


def test_a_stencil_is_tried_at_the_floor_itself() -> None:
    # f defined at x = 2e-12 only, first step 1: after 1 fails, half of x (1e-12, the
    # floor 1e-12 x the first step exactly) is tried; it fails too, and as it is not
    # below the floor, one more step, 1e-12 / 16, is tried.
    x = 2e-12
    calls: list[float] = []

    def only_at_x(t: float) -> float:
        calls.append(t)
        if t != x:
            raise ValueError("undefined")
        return 1.0

    with pytest.raises(calcweb.DomainError):
        _richardson.extrapolate(only_at_x, x, 1, 1.0)
    offsets = sorted({abs(t - x) for t in calls if t != x})
    assert offsets[0] == pytest.approx(6.25e-14, rel=1e-12, abs=0)
    assert offsets[1] == pytest.approx(1e-12, rel=1e-12, abs=0)


@pytest.mark.parametrize(("x", "h"), [(1e6, 1e-9), (1e6, 1e-8), (1.0, 1e-14)])
def test_steps_a_few_ulps_of_x_end_the_walk_honestly(x: float, h: float) -> None:
    # Halving steps near the spacing of floats at x round to the same step again: the
    # walk ends there with what it has (a quotient at a repeated step would divide by 0).
    r = _richardson.extrapolate(math.sin, x, 1, h)
    assert abs(r.value - math.cos(x)) <= 2 * r.error


# ------------------------------------------------------------------ rounding in the argument


def argument_noise(
    f: Callable[[float], float],
    x: float,
    slope: float,
    step: float,
    *,
    error: float = 0.0,
    quiet: float = 2.0**-60,
    floor: float = 0.0,
    widest: float = 0.125,
    centre: bool = True,
) -> tuple[float, Sampler]:
    """_argument_noise after a walk whose window starts at ``step``, its value ``slope``."""
    sampler = Sampler(f, x)
    if centre:
        sampler(x)
    sampler.noise_floor = floor
    window = ((step, slope), (step / 2.0, slope))
    estimate = Estimate(slope, error, 0, step, "central", step / 2.0, window)
    return _argument_noise(sampler, estimate, error, quiet, widest), sampler


def noise_there(monkeypatch: pytest.MonkeyPatch, noise: float) -> list[tuple[float, ...]]:
    """Sampler.measure_noise replaced: it records where it measures, costs 3 calls."""
    seen: list[tuple[float, ...]] = []

    def measure_noise(self: Sampler, spacing: float, widest: float, quiet: float) -> float:
        seen.append((self.x, self.slope, spacing, widest, quiet))
        self.calls += 3
        return noise

    monkeypatch.setattr(Sampler, "measure_noise", measure_noise)
    return seen


@pytest.mark.parametrize(
    ("slope", "curvature", "side"),
    [(0.25, 0.5, 1.0), (0.0, 0.5, 1.0), (-0.25, 0.5, -1.0), (0.25, -0.5, -1.0), (-0.25, -0.5, 1.0)],
)
def test_the_argument_noise_is_measured_where_the_slope_grows(
    monkeypatch: pytest.MonkeyPatch, slope: float, curvature: float, side: float
) -> None:
    # f = curvature t**2 / 2 at 0, step 1 (every value and difference exact): flat, as
    # |f''| 1 >= |f'|. At 0 + side, the slope is slope + side f'' (|f'| grows), and
    # the noise there (2**-59, above quiet), over that slope, is the argument's noise.
    seen = noise_there(monkeypatch, 2.0**-59)
    quiet = 2.0**-60
    added, sampler = argument_noise(lambda t: curvature * t * t / 2.0, 0.0, slope, 1.0)
    outer = slope + side * curvature
    assert seen == [(side, outer, _richardson.SPACING * quiet / abs(outer), 0.125, quiet)]
    assert sampler.calls == 1 + 2 + 3  # x, x +- 1, and the three there
    bound = 2.0**-59 / abs(outer)
    if slope:  # what x could miss bounds it too: here it does not
        assert quiet / abs(slope) > bound
    assert added == abs(curvature) * bound


def test_the_argument_noise_is_at_most_what_x_could_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    # Noise of 2**-50 at 1 over a slope of 0.75, against quiet 2**-60 over 0.25 at x.
    noise_there(monkeypatch, 2.0**-50)
    added, _ = argument_noise(lambda t: t * t / 4.0, 0.0, 0.25, 1.0)
    assert added == 0.5 * (2.0**-60 / 0.25)
    # Noise below quiet there counts as quiet: what it could miss.
    noise_there(monkeypatch, 2.0**-70)
    added, _ = argument_noise(lambda t: t * t / 4.0, 0.0, 0.0, 1.0)
    assert added == 0.5 * (2.0**-60 / 0.5)


def test_a_flat_point_is_where_the_curvature_times_the_step_reaches_the_slope(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # f = t**2 / 4 (f'' = 0.5) with step 0.5: 0.5 * 0.5 == 0.25, flat; a slope an ulp
    # above 0.25 is not (though 0.5 / 0.5 would be).
    seen = noise_there(monkeypatch, 2.0**-59)
    added, _ = argument_noise(lambda t: t * t / 4.0, 0.0, 0.25, 0.5)
    assert added > 0.0
    assert seen[0][:2] == (0.5, 0.5)  # at 0 + 0.5, where the slope is 0.25 + 0.5 * 0.5
    added, _ = argument_noise(lambda t: t * t / 4.0, 0.0, math.nextafter(0.25, 1.0), 0.5)
    assert added == 0.0
    assert len(seen) == 1


@pytest.mark.parametrize(("quiet", "floor"), [(2.0**-60, 0.0), (2.0**-60, 2.0**-58)])
def test_argument_noise_x_could_miss_that_moves_f_less_than_the_error_is_not_measured(
    monkeypatch: pytest.MonkeyPatch, quiet: float, floor: float
) -> None:
    # |f''| max(quiet, floor) == error |f'| exactly: not measured, nothing added;
    # an ulp less error: measured.
    seen = noise_there(monkeypatch, 2.0**-59)
    error = 0.5 * max(quiet, floor) / 0.25
    f = lambda t: t * t / 4.0  # noqa: E731
    added, _ = argument_noise(f, 0.0, 0.25, 1.0, error=error, quiet=quiet, floor=floor)
    assert added == 0.0
    assert not seen
    less = math.nextafter(error, 0.0)
    added, _ = argument_noise(f, 0.0, 0.25, 1.0, error=less, quiet=quiet, floor=floor)
    assert added > 0.0
    assert len(seen) == 1


def test_no_argument_noise_where_the_points_are_outside_the_domain() -> None:
    # sqrt at 0.25 with step 1: 0.25 - 1, evaluated first, is outside its domain.
    added, sampler = argument_noise(math.sqrt, 0.25, 0.0, 1.0)
    assert added == 0.0
    assert sampler.calls == 2  # x and x - 1: x + 1 is not needed


def test_no_argument_noise_where_the_slope_there_overflows() -> None:
    # 1e308 t**2 at 0 with step 2**-100: f'' is inf, and so is the slope there.
    added, _ = argument_noise(lambda t: 1e308 * t * t, 0.0, 0.0, 2.0**-100)
    assert added == 0.0


def test_the_argument_noise_reads_f_at_x_itself() -> None:
    # At x = -0.0 the centre is x, not x + 0 * step (which is +0.0): f sees -0.0.
    signs: list[float] = []

    def f(t: float) -> float:
        if t == 0.0:
            signs.append(math.copysign(1.0, t))
        return t * t

    argument_noise(f, -0.0, 0.0, 1.0, centre=False)
    assert signs[0] == -1.0


def test_the_argument_noise_of_a_central_first_derivative_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[Any, ...]] = []
    measure = _richardson._argument_noise

    def recorded(*args: Any) -> float:
        calls.append(args)
        return measure(*args)

    monkeypatch.setattr(_richardson, "_argument_noise", recorded)
    extrapolate(math.exp, 0.5, 1, 0.25)
    assert len(calls) == 1
    assert calls[0][4] == 0.25 / 16.0
    extrapolate(math.exp, 0.5, 2, 0.25)  # not for a second derivative
    assert len(calls) == 1
    # Nor for a one-sided one: sqrt(t)**2 at 0 is defined on the right only.
    estimate = extrapolate(lambda t: math.sqrt(t) ** 2, 0.0, 1, 0.25)
    assert estimate.kind == "forward"
    assert len(calls) == 1


def test_a_walk_to_be_refined_stops_at_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    enough: list[float] = []
    walks = _richardson._walks

    def recorded(sampler: Sampler, n: int, first_step: float, stop: float) -> Estimate:
        enough.append(stop)
        return walks(sampler, n, first_step, stop)

    monkeypatch.setattr(_richardson, "_walks", recorded)
    extrapolate(math.exp, 0.5, 1, 0.25, refine=True)
    assert enough[0] == _richardson.ENOUGH
    enough.clear()
    extrapolate(math.exp, 0.5, 1, 0.25)
    assert enough == [0.0]


@pytest.mark.parametrize(("further", "kept"), [(2.0, 2.0), (math.nextafter(2.0, 3.0), 1.0)])
def test_the_walk_to_its_best_stays_within_the_early_estimates_bars(
    monkeypatch: pytest.MonkeyPatch, further: float, kept: float
) -> None:
    # The early estimate 1 +- 0.75 is not refined; the walk on to its best says
    # further +- 0.25: |2 - 1| == 0.75 + 0.25 is within both bars, an ulp more is not.
    early = Estimate(1.0, 0.75, 0, 0.5, "central", 0.25, ((0.5, 1.0), (0.25, 1.0)), early=True)
    best = Estimate(further, 0.25, 0, 0.5, "central", 0.125, ((0.25, further), (0.125, further)))
    walks = iter([early, best])
    monkeypatch.setattr(_richardson, "_walks", lambda *args: next(walks))
    monkeypatch.setattr(_richardson, "_refine", lambda *args: None)
    # No check: the estimate's error comes back unchanged.
    monkeypatch.setattr(_richardson, "_check_one_sided", lambda _, estimate, n: estimate.error)
    result = extrapolate(lambda t: t, 0.0, 1, 0.5, refine=True)
    assert (result.value, result.error) == ((kept, 0.25) if kept != 1.0 else (1.0, 0.75))


def test_stairs_are_looked_for_at_the_golden_step_only_where_f_is_defined() -> None:
    # f = t, but undefined at x + s / golden: its gaps at s are all s (one "stair"
    # each, as for stairs that fall evenly), and the three points do not show it
    # noise-free on a slope of 2. The golden stencil fails: the 5 points at s decide.
    s = 2.0**-20
    golden = (1.0 + math.sqrt(5.0)) / 2.0
    hole = 1.0 + representable_step(1.0, s / golden)

    def f(t: float) -> float:
        if t == hole:
            raise ValueError("a hole")
        return t

    sampler = Sampler(f, 1.0)
    sampler.slope = 2.0
    assert sampler.measure_noise(s, 1.0, 2.0**-60) == 0.0
    assert hole not in sampler.values
