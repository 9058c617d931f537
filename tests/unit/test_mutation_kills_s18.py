"""Mutation tests for the rules session 17 added, run in session 18's mutation run.

Session 18 ran mutmut 3.8.1's mutants of _gauss_kronrod's `odd_unresolved`,
_integrate's `_checked_half`, `_power_law_tail`, `_bounded_at`, `_unchanging`,
`_bulging` and `_Panels._above`, _richardson's `_probe_strays`, `_stairs_unevenly`,
`_moved` and `_noise_beyond`, and 34 of limits' `_lost_collapse`'s 84 (stopped for
time), each against every test that reached its function (tools/mutation/HISTORY.md).
Each test below kills survivors: a real call where the mutant answers worse (a lie,
a refusal, more evaluations, a message naming the wrong variable), or, at a boundary, what the
docstring promises there. The oracles are exact: hand-made samples at binary
points, or integrals and limits that do not exist or whose value is known. No
mpmath: these run inside Pyodide too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from calcweb import integrate, limit
from calcweb._gauss_kronrod import (
    K21,
    ODD_FLAT,
    ODD_ONLY,
    Panel,
    gauss_kronrod,
    odd_unresolved,
    positions,
)
from calcweb._integrate import (
    _bounded_at,
    _bulging,
    _Entry,
    _Panels,
    _power_law_tail,
    _unchanging,
)
from calcweb._richardson import (
    _EPS,
    Estimate,
    Sampler,
    _Candidate,
    _local_quiet,
    _moved,
    _noise_beyond,
    _probe_strays,
    _stairs_unevenly,
    _weights,
)
from calcweb.limits import JUMP, _estimate, _lost_collapse, _OneSided

# ------------------------------------------------------------------ odd_unresolved


def _legendre(n: int, x: float) -> float:
    before, current = 1.0, x  # Bonnet's recurrence, as _legendre_rows
    for k in range(1, n):
        before, current = current, ((2 * k + 1) * x * current - k * before) / (k + 1)
    return current


def _polynomial_panel(coefficients: dict[int, float]) -> Panel:
    """The K21 panel on [-1, 1] of ``sum c_d P_d``: its odd coefficients are the c_d."""
    return gauss_kronrod(
        lambda x: sum(c * _legendre(d, x) for d, c in coefficients.items()), -1.0, 1.0
    )


def _sampled_panel(values: dict[int, float]) -> Panel:
    """The K21 panel on [-1, 1] whose sample at node i (of 21, increasing; 10 is the
    centre) is ``values[i]``, and at node 20 - i minus that (odd); 0 elsewhere."""
    nodes = positions(K21)
    table = dict.fromkeys(nodes, 0.0)
    for i, v in values.items():
        table[nodes[i]] = v
        if i != 10:
            table[nodes[20 - i]] = -v
    return gauss_kronrod(table.__getitem__, -1.0, 1.0)


def test_an_odd_part_flat_only_at_degree_13_is_unresolved() -> None:
    # x/(1 - x**2) + 20 P_9 + 40 P_13 on [-1, 1]: odd coefficients 39.5, 19.2, 58.3, 16.7
    # (degrees 9 to 15). The fall to degree 13 is none: unresolved, whatever degree 15
    # does. The integral does not exist; it was 0.0 +- 3.7e-13, converged, where degree
    # 15 alone stood for the top.
    def f(x: float) -> float:
        return x / (1 - x * x) + 20.0 * _legendre(9, x) + 40.0 * _legendre(13, x)

    assert odd_unresolved(K21, gauss_kronrod(f, -1.0, 1.0))
    result = integrate(f, -1.0, 1.0, full_output=True)
    assert not result.converged
    assert result.error > 1.0


def test_either_low_degree_shows_a_fall() -> None:
    # 3 P_9 + P_13: degree 9 falls by 3 to degree 13: resolved. 3 P_11 + P_13: degree 11.
    assert not odd_unresolved(K21, _polynomial_panel({9: 3.0, 13: 1.0}))
    assert not odd_unresolved(K21, _polynomial_panel({11: 3.0, 13: 1.0}))


def test_a_fall_of_exactly_odd_flat_is_resolved() -> None:
    # Samples 1 at +-0.1489 and 0.5478... at +-0.2944 (odd): coefficients 0.838, 0.668,
    # 0.419, 0.184, the largest low one exactly ODD_FLAT times the top. "Fall by less
    # than ODD_FLAT" is unresolved; this falls by ODD_FLAT.
    b = 0.5478347238115878
    assert ODD_FLAT == 2.0
    assert not odd_unresolved(K21, _sampled_panel({11: 1.0, 12: b}))
    assert odd_unresolved(K21, _sampled_panel({11: 1.0, 12: math.nextafter(b, 0.0)}))


def test_even_coefficients_of_exactly_odd_only_are_not_odd() -> None:
    # 1 at +-0.2944 (odd) and E at the centre (even): E chosen so that the largest even
    # coefficient is exactly ODD_ONLY times the largest odd one. "Below" is odd; this is not.
    assert ODD_ONLY == 0.01
    e = float.fromhex("0x1.4a152aec86e37p-6")  # 0.0201...
    assert not odd_unresolved(K21, _sampled_panel({12: 1.0, 10: e}))
    assert odd_unresolved(K21, _sampled_panel({12: 1.0, 10: math.nextafter(e, 0.0)}))


BIG = (1.0, 0.7590212678744399, 0.5396332679643734, 0.22999227517199014, 0.09299021601405866)


def test_coefficients_of_exactly_missed_rounding_ulps_are_rounding() -> None:
    # Odd samples whose coefficients of degrees 9-15 cancel (1 at +-0.9957 and the four
    # nodes inside it, to 1e-17), plus A at +-0.1489 setting the top coefficient at
    # exactly MISSED_ROUNDING ulps of the largest sample, 1: rounding's ("above" is not).
    values = dict(zip(range(20, 15, -1), BIG, strict=True))
    a = 2.8292754135162297e-13
    assert not odd_unresolved(K21, _sampled_panel({**values, 11: a}))
    assert odd_unresolved(K21, _sampled_panel({**values, 11: math.nextafter(a, 1.0)}))


# ------------------------------------------------------------------ _checked_half


def _counted(f: Callable[[float], float]) -> tuple[Callable[[float], float], list[int]]:
    calls = [0]

    def g(x: float) -> float:
        calls[0] += 1
        return f(x)

    return g, calls


def _reciprocal(x: float) -> float:
    return 1.0 / x if x else 0.0


def test_the_half_checked_starts_at_the_interval_s_centre() -> None:
    # 1/x on [-2, 2] and on [-0.5, 0.5]: odd about 0, no integral. The half from the
    # centre, 0, diverges; a half from 0.75 (0.5/a + 0.5 b on [-2, 2], or 0.5 a + 0.5/b
    # on [-0.5, 0.5]) converges, and 0 +- 6.2e-14 was answered, converged.
    for a, b in [(-2.0, 2.0), (-0.5, 0.5)]:
        g, calls = _counted(_reciprocal)
        result = integrate(g, a, b, full_output=True)
        assert result.converged is False
        assert result.error > 1.0  # the half's error, not the cancelled sums'
        assert result.nfev == calls[0]  # the half's evaluations counted too
        assert result.message.startswith("f looks odd about x=0.0, the interval's centre")
        assert "from x=0.0 to x=" + repr(b) in result.message


def test_a_half_out_to_infinity_is_checked_as_infinite() -> None:
    # x/(1 + x**2) on the whole line: odd, no integral. The half's message names x (the
    # reader's variable), not the mapped t, and its end at infinity is treated as one.
    g, calls = _counted(lambda x: x / (1.0 + x * x))
    result = integrate(g, -math.inf, math.inf, full_output=True)
    assert result.converged is False
    assert result.error > 1.0
    assert result.nfev == calls[0]
    assert "the integral from x=0.0 to x=inf was not found" in result.message
    assert "diverges as x -> inf" in result.message


def test_an_integrable_odd_f_is_answered_with_every_evaluation_counted() -> None:
    # x exp(-x**2) on the whole line and x/(1 + |x|)**2.5: odd, integrable. The half is
    # integrated too (its odd part falls slowly at the map's end) and its calls count.
    for f in (lambda x: x * math.exp(-x * x), lambda x: x / (1.0 + abs(x)) ** 2.5):
        g, calls = _counted(f)
        result = integrate(g, -math.inf, math.inf, full_output=True)
        assert result.converged
        assert abs(result.value) <= 2 * result.error
        assert result.nfev == calls[0]


# ------------------------------------------------------------------ _power_law_tail


def test_halves_that_reach_0_fit_no_power_law() -> None:
    # f exactly 0 near the end (its split-off halves hold 0 from some halving on): no
    # ratio of one sign, no tail; not a division by 0.
    assert _power_law_tail([0.0] * 6) is None
    assert _power_law_tail([-1.0, -0.95, -0.91, 0.0, 0.0, 0.0]) is None


def test_a_geometric_fall_is_no_power_law() -> None:
    # Ratios all exactly 15/16 (x**-a at 0, the epsilon table's model): u does not grow.
    assert _power_law_tail([(15.0 / 16.0) ** k for k in range(6)]) is None


def test_steps_of_u_a_quarter_apart_fit_no_power_law() -> None:
    # _power_law_tail's docstring: ratios creeping up to a limit below 1 (0.965 to 0.985)
    # make steps of u of 11.4, 14.2, 14.1, 11.3, a factor 1.25 apart (1.1 at most fits).
    values = [1.0]
    for u in (28.57, 39.97, 54.17, 68.27, 79.57):
        values.append(values[-1] * (1.0 - 1.0 / u))
    assert _power_law_tail(values) is None


def test_a_power_above_10_is_no_slow_tail() -> None:
    # u growing by 1/10.5 a halving from 12 (p = 10.5): past the p <= 10 the fit allows;
    # 1/9.5 (p = 9.5) is fitted.
    for p, fitted in ((10.5, False), (9.5, True)):
        values = [1.0]
        for k in range(5):
            values.append(values[-1] * (1.0 - 1.0 / (12.0 + k / p)))
        assert (_power_law_tail(values) is not None) == fitted


# ------------------------------------------------------------------ _bulging


def test_a_falling_line_does_not_bulge() -> None:
    # 3 - t and 3 + t at the K21 nodes lie on their chord (the first and last samples,
    # at the outermost nodes); no samples, no bulge.
    nodes = positions(K21)
    assert not _bulging(K21, tuple(3.0 - t for t in nodes))
    assert not _bulging(K21, tuple(3.0 + t for t in nodes))
    assert not _bulging(K21, ())


def test_a_sample_above_a_chord_through_0_bulges() -> None:
    # t at the K21 nodes but 0.5 at the centre, where the chord from -0.9957 to 0.9957
    # is 0: above it (|f| above |chord|, on no side of it).
    samples = list(positions(K21))
    samples[10] = 0.5
    assert _bulging(K21, tuple(samples))


def test_f_zero_across_a_panel_does_not_bulge() -> None:
    # Every sample 0: on the chord, with no rounding to allow for (the slack is 0).
    assert not _bulging(K21, (0.0,) * 21)


# ------------------------------------------------------------------ _bounded_at


def _capped(y: float, samples: tuple[float, ...]) -> bool:
    """`_bounded_at` the end 0 of a panel [0, 1] with ``samples``, f(0) = ``y``."""
    panel = Panel(0.0, 1.0, 0.0, 0.0, False, samples=samples)
    entry = _Entry(0.0, 0, panel, math.inf, (0.0, 0.0), True, 1.0, (0.0, 0.0), history=((0.0, y),))
    return _bounded_at(entry, 0.0)


def test_f_at_the_end_caps_samples_of_its_sign_no_larger() -> None:
    assert _capped(0.5, (0.1, 0.25, 0.5))  # products below 1 count; as large as the largest
    assert not _capped(0.5, (0.1, 0.25, 0.75))  # a sample above it
    assert not _capped(-2.0, (0.1, 0.25, 0.5))  # the other sign, however large
    assert not _capped(2.0, (0.0, 0.25, 0.5))  # a sample of 0 has no sign


def test_values_exactly_the_rounding_allowed_apart_are_unchanging() -> None:
    # 2 and 4 with slack 1/2 - 64 eps: they differ by exactly (64 eps + slack) x 4 = 2.
    assert _unchanging([2.0, 4.0], 0.5 - 2.0**-46)
    assert not _unchanging([2.0, 4.0], 0.5 - 2.0**-45)


# ------------------------------------------------------------------ _Panels._above


def test_a_miss_is_compared_with_the_polynomial_at_its_place_in_the_panel() -> None:
    # f = t sampled on [1, 5] (centre 3, half-width 2): its polynomial is t. A miss at 4
    # (u = 0.5) of 4.5 is above it, of 3.8 below (the centre as the half-width would put
    # u at 1/3, the polynomial at 3.67; times the half-width, u at 2 and the polynomial 7).
    panel = gauss_kronrod(lambda t: t, 1.0, 5.0)
    panels = _Panels(math.exp, K21)

    def above(miss: tuple[float, float]) -> bool:
        return panels._above(
            _Entry(0.0, 0, panel, math.inf, (0.0, 0.0), True, 1.0, (0.0, 0.0), miss=miss)
        )

    assert above((4.0, 4.5))
    assert not above((4.0, 3.8))


def test_a_polynomial_that_overflows_bounds_nothing() -> None:
    # Samples of +-1.7e308 alternating: the polynomial overflows at the miss, which then
    # counts as above it.
    samples = tuple(1.7e308 * (-1) ** k for k in range(21))
    panel = Panel(0.0, 4.0, 0.0, 0.0, False, samples=samples)
    entry = _Entry(0.0, 0, panel, math.inf, (0.0, 0.0), True, 1.0, (0.0, 0.0), miss=(2.1, 1.0))
    assert _Panels(math.exp, K21)._above(entry)


# ------------------------------------------------------------------ _probe_strays


def _strays(odd: dict[float, float], *, sampled: tuple[float, ...] = (0.1, 0.05, 0.07)) -> bool:
    """`_probe_strays` of ``n = 2`` for a window at 0.1 and 0.05 probed at 0.07, f odd about 0.

    f(0) = 0 and f(+-h) = +-odd[h]: the odd parts are ``odd``; f spans twice the largest.
    Only the points +-h for h in ``sampled`` are known to the sampler. Elsewhere (a second
    probe's step, taken where the first passes) f's odd part is 0.15, between the others.
    """
    values = {0.0: 0.0}
    for h, o in odd.items():
        values[h], values[-h] = o, -o
    sampler = Sampler(lambda x: values.get(x, math.copysign(0.15, x)), 0.0)
    for point in (0.0, *sampled, *(-h for h in sampled)):
        sampler(point)
    best = _Candidate(0.0, 1e-12, 1, 1, 0.05)
    return _probe_strays(sampler, "central", 2, [0.1, 0.05], best, probe=0.07)


def test_an_odd_part_that_rounds_to_0_at_the_smallest_step_is_between() -> None:
    # A resolved odd part settling onto 0 (c t**3 beside 1, below half an ulp of 1 at the
    # smallest step): 0.25 at 0.1, 0.0625 at the probe, exactly 0 at 0.05. The probe's is
    # between its neighbours'; an exact 0 is a part like any other.
    assert not _strays({0.1: 0.25, 0.07: 0.0625, 0.05: 0.0})
    assert not _strays({0.1: 0.0, 0.07: 0.0, 0.05: 0.0})


def test_a_probe_within_1_over_swing_of_f_s_range_does_not_stray() -> None:
    # f spans 0.5 (+-0.25 at 0.1): 1/64 of it is 2**-7. The probe's part 0.125 - 2**-7
    # below the smaller neighbour's 0.125 is within it, exactly; 2**-6 below is not.
    assert not _strays({0.1: 0.25, 0.07: 0.125 - 2.0**-7, 0.05: 0.125})
    assert _strays({0.1: 0.25, 0.07: 0.125 - 2.0**-6, 0.05: 0.125})


def test_a_part_whose_values_are_not_known_is_no_evidence() -> None:
    # The values at +-0.05 were never sampled: no part there, and no verdict (False).
    assert not _strays({0.1: 0.25, 0.07: 0.9, 0.05: 0.0}, sampled=(0.1, 0.07))


# ------------------------------------------------------------------ _stairs_unevenly

S = 2.0**-11  # the estimate's smallest step


def _stairs(largest: float, widest: float, edge: float) -> float:
    """`_stairs_unevenly` at 0 for ``n = 2``, f a stair of 1 from ``edge`` on (0 before it).

    The estimate is 0 +- 1e-9 on a window from ``largest`` down to S, contradicted by a
    window at larger steps that settled on 1 (`_settled_above`): it may rest on a stair.
    f is 1e4 at 1, sampled first, beyond every point measured: a stair is then far
    below f's range (above 1/SWING of it, a noise is f's swings, not stairs: DER24).
    """
    sampler = Sampler(lambda t: 1e4 if t >= 1.0 else (1.0 if t >= edge else 0.0), 0.0)
    sampler(1.0)
    estimate = Estimate(
        0.0,
        1e-9,
        0,
        largest,
        "central",
        smallest=S,
        window=((largest, 0.0), (S, 0.0)),
        above=((1.0, 1e-9),),
    )
    return _stairs_unevenly(sampler, estimate, 2, widest, 0.0)


def test_stairs_are_looked_for_up_to_16_times_the_window_s_largest_step() -> None:
    # Spacings S, S G, S G**2, then 16 S, 16 S G, 16 S G**2, then 256 S ...; the points
    # reach G**2 times the spacing, so 16 S's group reaches 16 G**4 S = 110 S. A window
    # whose largest step is 15.5 S stops there (256 S > 248 S): a stair at 205 S is not
    # seen; up to 32 S (largest 2 S) neither; with the largest 16 S, 256 S's group is
    # measured and sees it.
    assert _stairs(15.5 * S, 1.0, 204.8 * S) == 0.0
    assert _stairs(2.0 * S, 1.0, 204.8 * S) == 0.0
    assert _stairs(16.0 * S, 1.0, 204.8 * S) > 0.0


def test_the_smallest_step_is_measured_where_it_is_the_widest_allowed() -> None:
    # widest = S: the group at S is measured (a stair at S, met by the point at S G).
    assert _stairs(2.0 * S, S, S) > 0.0


def test_each_group_takes_three_spacings_growing_by_the_golden_ratio() -> None:
    # A stair at 0.9 S: at spacing S only the point at G**2 S is past it; at S G and
    # S G**2 the points at S / G * G = S (and 1.6 S) are too, a larger 4th difference.
    # Spacings below S (S / G: only the point at G S) would see the smaller one alone.
    one = _stairs(2.0 * S, S, 2.0 * S)  # only the point at G**2 S past the stair
    both = _stairs(2.0 * S, S, 0.9 * S)
    assert one > 0.0
    assert both > one


# ------------------------------------------------------------------ _moved


def test_each_point_takes_the_steeper_chord_to_its_neighbours() -> None:
    # f = 0, 1, 4, 5, 7 at 1 + k/16, k = -2..2: chords 16, 48, 16, 32. Each point's slope
    # is the larger of the chords on either side (the ends have one): 16, 48, 48, 32, 32.
    step = 2.0**-4
    values = [0.0, 1.0, 4.0, 5.0, 7.0]
    points = [1.0 + k * step for k in range(-2, 3)]
    sampler = Sampler(dict(zip(points, values, strict=True)).__getitem__, 1.0)
    slopes = [16.0, 48.0, 48.0, 32.0, 32.0]
    weights = _weights(2, [-2.0, -1.0, 0.0, 1.0, 2.0])
    expected = (
        math.fsum(
            abs(w) * s * abs(p) * _EPS / 2.0
            for w, s, p in zip(weights, slopes, points, strict=True)
        )
        / step**2
    )
    assert math.isclose(_moved(sampler, 2, 2, step), expected, rel_tol=1e-12)


def test_a_bound_that_overflows_is_none() -> None:
    # A line's argument offset by 1e10 at a step of 1e-79, n = 4: the bound is about
    # 1e-5 / 1e-316 and overflows; it is taken as 0, as no bound.
    sampler = Sampler(lambda t: t, 0.0)
    sampler.offset = 1e10
    assert _moved(sampler, 4, 2, 1e-79) == 0.0


# ------------------------------------------------------------------ _lost_collapse


def test_a_drop_after_exactly_four_samples_is_checked() -> None:
    # (1 - cos(t))/t**2 + a (sqrt(1 - x/d) - 1), t = x/c, at 0+: the domain ends at
    # d = 3.2e-4, the walk starts closer in and f drops onto the second term after
    # 4 samples, COLLAPSE_BEFORE at 9dcdf04 (3 since fd7a0ed). Its limit is 0.5; it was
    # 0.0 +- 3.7e-25, converged, where a drop needed more samples before it.
    c, d, a = 1476.4325811163699, 0.00032337299683640557, -2.502272556826186e-09

    def f(x: float) -> float:
        t = x / c
        return (1 - math.cos(t)) / t**2 + a * (math.sqrt(1 - abs(x) / d) - 1)

    result = limit(f, 0.0, side="right", full_output=True)
    assert not result.converged
    assert abs(result.value - 0.5) <= 2 * result.error
    # The message says where f drops: at 2**-16.
    assert re.search(r"then drops to \S+ at 1.52587890625e-05 ", result.message)


# ------------------------------------------------------------------ _noise_beyond

X_BEYOND = 1.4679589812016387e-6  # sin(t) - t there: _noise_beyond's docstring example
STEPS_BEYOND = (0.015, 0.0075, 0.00375, 0.001875, 0.0009375, 0.00046875)
WINDOW_BEYOND = (
    (0.015, -3.749957920463667e-05),
    (0.0075, -9.37497471031427e-06),
    (0.00375, -2.343749429545757e-06),
    (0.001875, -5.859384744760776e-07),
    (0.0009375, -1.4648544599538127e-07),
    (0.00046875, -3.662217074734686e-08),
)
VALUE_BEYOND = -1.0773860242533732e-12


def _beyond(
    window: tuple[tuple[float, float], ...] = WINDOW_BEYOND,
    *,
    smallest: float = 0.00046875,
    kind: str = "central",
    quiet: float = 1e-21,
) -> float:
    """`_noise_beyond` for the walk's estimate of (sin(t) - t)' at X_BEYOND, as derivative
    finds it (-1.0773860242533732e-12 +- 2.9e-17 on central quotients at 0.015 to
    0.00046875, each of them far from it), with the window, smallest step, kind and
    quiet given."""
    sampler = Sampler(lambda t: math.sin(t) - t, X_BEYOND)
    sampler(X_BEYOND)
    for step in STEPS_BEYOND:
        sampler.quotient("central", 1, step)
    estimate = Estimate(VALUE_BEYOND, 2.9e-17, 0, 0.015, kind, smallest=smallest, window=window)
    return _noise_beyond(sampler, estimate, estimate, quiet)


def test_noise_beyond_x_is_measured_where_the_last_quotient_has_no_digit() -> None:
    # The real window: noise at x + h adds 1.6e-16. It is measured when the quotient at
    # the smallest step is more than |value| off, wherever the others are (the second
    # one on the value itself); not when it is exactly |value| off (a quotient of 0).
    assert _beyond() > 0.0
    assert _beyond((WINDOW_BEYOND[0], (0.0075, VALUE_BEYOND), *WINDOW_BEYOND[2:])) > 0.0
    assert _beyond((*WINDOW_BEYOND[:-1], (0.00046875, 0.0))) == 0.0


def test_noise_beyond_x_needs_steps_above_x() -> None:
    # A smallest step equal to |x| reaches no farther from 0 than x does.
    assert _beyond(smallest=X_BEYOND) == 0.0


def test_noise_beyond_x_is_judged_on_a_first_derivative_s_stencil() -> None:
    # A forward window: its first-order stencil reaches h (f up to 1.7e-11 there), its
    # second-order one 2 h (1.4e-10). The rounding there, 8 eps of it, is below quiet / 4
    # for the reach of h (so the noise is measured: 1.6e-16), not for that of 2 h.
    assert _beyond(kind="forward", quiet=4e-25) > 0.0


def test_noise_beyond_x_is_measured_at_the_outer_point_and_scaled_by_2_5_over_h() -> None:
    # N at x + h (farther from 0 than x), at unequal spacings of 1e-4 h, above the rounding
    # of the values within h of x; 2.5 N / h is added. (At x - h, N is 4.8e-20, not 3.1e-20.)
    h = STEPS_BEYOND[-1]
    sampler = Sampler(lambda t: math.sin(t) - t, X_BEYOND)
    sampler(X_BEYOND)
    for step in STEPS_BEYOND:
        sampler.quotient("central", 1, step)
    estimate = Estimate(
        VALUE_BEYOND, 2.9e-17, 0, 0.015, "central", smallest=h, window=WINDOW_BEYOND
    )
    local = _local_quiet(sampler, estimate, 1, 1e-21)
    noise = Sampler(lambda t: math.sin(t) - t, X_BEYOND + h).irregular_noise(1e-4 * h, local)
    assert noise > 0.0
    assert _beyond() == 2.5 * noise / h


# (1 - cos(t))/t**2 + 1.9e-9 (sqrt(1 - x/3.17) - 1), t = x/150.65, at 0+: its 18 samples
# at 2**-2 .. 2**-19, then the drop onto the second term (the next 30 halve it).
SAMPLES_BEFORE = [
    0.49999988517292393,
    0.4999999713255288,
    0.4999999931149317,
    0.49999999892980407,
    0.5000000015146984,
    0.4999999911962671,
    0.5000000324805468,
    0.4999998673487004,
    0.4999998673489931,
    0.5000051515869657,
    0.5000157200626911,
    0.5000157200627277,
    0.4998466244523088,
    0.5005230068940668,
    0.4978174771270763,
    0.5194617152630386,
    0.5194617152630399,
    0.6926156203507207,
]
SAMPLES = SAMPLES_BEFORE + [-2.8580858625521665e-16 * 2.0**-k for k in range(30)]


def test_a_limit_exactly_jump_errors_from_the_samples_before_stands() -> None:
    # The samples before the drop head for 0.5000000015 +- 8.2e-9. A limit exactly JUMP
    # times the two errors away from that is not contradicted ("further apart than"):
    # it stands; a hair farther, the drop is judged.
    value, error = _estimate(SAMPLES_BEFORE, 0)
    apart = value - 6.0 * error
    gap = value - apart
    own = gap / JUMP - error  # exact: gap / JUMP is within a factor 2 of error
    assert JUMP * (error + own) == gap
    result = _OneSided(apart, own, True, "extrapolated from the right")
    kept = _lost_collapse(result, SAMPLES, 0, name="right", point=lambda h: h, scale=1.0)
    assert kept is result
    farther = _OneSided(math.nextafter(apart, 0.0), own, True, "extrapolated from the right")
    judged = _lost_collapse(farther, SAMPLES, 0, name="right", point=lambda h: h, scale=1.0)
    assert judged is not farther
