"""Kinks ``|x - c|**p``: ``converged=True`` must come with an honest error (issue 13).

Such an ``f`` is C^k but not C^(k+1) at c, so its Legendre coefficients fall
like a power of the degree, not geometrically, and oscillate with it:
QUADPACK's estimate, and a geometric extrapolation of three coefficients,
can be 20 to 200 times too small (each reproducer below was, before the floor
of `calcweb._gauss_kronrod._finite_smoothness`). The exact value is the
closed form ``(c**(p + 1) + (1 - c)**(p + 1)) / (p + 1)``; ``bench.honesty
integrate-kinks`` draws such cases at random. The floor must not cost
anything on odd or analytic panels, nor turn a convergent end singularity
into a divergent one.
"""

from __future__ import annotations

import math

import pytest

from calcweb import IntegrationResult, integrate
from calcweb._gauss_kronrod import (
    FINITE_SAFETY,
    K15,
    K21,
    ODD_ONLY,
    Rule,
    _finite_smoothness,
    _unchecked,
    gauss_kronrod,
)


def kink(c: float, p: float, tol: float) -> tuple[IntegrationResult, float]:
    """`integrate`'s result for ``|x - c|**p`` on [0, 1], and the exact value."""
    result = integrate(lambda x: abs(x - c) ** p, 0.0, 1.0, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    return result, (c ** (p + 1) + (1 - c) ** (p + 1)) / (p + 1)


# (c, p, tol): the true error was this many times the reported one, with
# converged=True, before (random draws of bench.honesty integrate-kinks).
REPRODUCERS = [
    pytest.param(0.9884754632756649, 2.584130077647872, 1e-10, id="one panel, 72x"),
    pytest.param(0.7546581131675, 2.5350377127322403, 1e-6, id="one panel, 22x"),
    pytest.param(0.9144380916842669, 0.05643126361064056, 1e-4, id="one panel, p=0.056, 135x"),
    pytest.param(0.9590077109761306, 1.7194675201536285, 1e-6, id="two panels, 226x"),
    pytest.param(0.8597022047063388, 1.0289731726732296, 1e-10, id="357 evaluations, 26x"),
    pytest.param(0.4038852536920683, 2.0822792970657122, 1e-8, id="189 evaluations, 20x"),
    # Near 0.99 of a panel's half-width from its centre the error is up to
    # 3.6 times the envelope carried by its power: why FINITE_SAFETY is 2
    # (the second fails with 1); the first, at 0.83, was 3 times too small
    # with envelopes of two neighbours and FINITE_SAFETY = 1 (see below).
    pytest.param(0.9790614896726205, 1.0270062527788875, 1e-4, id="at 0.83 of a panel, 3x"),
    pytest.param(0.49804562441964445, 2.987120557433263, 1e-6, id="at 0.99 of a panel, 3.6x"),
    # At 0.83 of the half-width the coefficients' oscillation has a half
    # period of about 5 degrees: with envelopes of two neighbours (degrees
    # 10-11 and 14-15) both can sit near a zero, 2.6 to 4.5 times too small
    # (bench.honesty integrate-kinks seeds 6 and 7); three neighbours cannot.
    pytest.param(0.1303444129946396, 0.09914708940596843, 1e-4, id="seed 7, 0.83, 4.5x"),
    pytest.param(0.5950765422331795, 0.49977974400438785, 1e-4, id="seed 6, 0.83, 2.7x"),
    pytest.param(0.09242396633943126, 0.5233270311093333, 1e-4, id="seed 7, 0.83, 2.6x"),
    # 3 < p < 6 next to an end: the envelope falls 16 to 64 times from
    # degrees 9-11 to 13-15, which GEOMETRIC_DROP = 16 took for analytic.
    pytest.param(0.9449883539608096, 5.8434331021848775, 1e-8, id="p=5.8, 47x"),
    pytest.param(0.05758762330210171, 5.586296968186916, 1e-6, id="p=5.6, 29x"),
    pytest.param(0.944778500107352, 5.876439241753307, 1e-6, id="p=5.9, 9.4x"),
    # Answered from a lone panel (21 evaluations) whose envelope falls 30 to
    # 2,100 times from degrees 9-11 to 13-15 (bench.honesty integrate-kinks-high,
    # seeds 1-3; the last two from 20,000 random panels with 6 < p < 12): the
    # cliff from the kink's polynomial part to its singular tail, which looks
    # analytic (or like a power of 9 to 21 where the kink's is about p + 1/2).
    # The values were right to 1e-12, the estimates 1e-16 to 1e-13.
    pytest.param(0.10687810160801785, 5.943286609100868, 1e-8, id="lone panel, p=5.9, 125x"),
    pytest.param(0.9862995206639087, 5.001652622280612, 1e-8, id="lone panel, p=5.0, 6.8x"),
    pytest.param(0.9827370718010973, 4.945039163532833, 1e-4, id="lone panel, p=4.9, 5.7x"),
    pytest.param(0.05764681682265625, 5.9862356367214105, 1e-6, id="lone panel, p=6.0, 3.4x"),
    pytest.param(0.20874540122663388, 9.100143228110912, 1e-4, id="lone panel, p=9.1, 69x"),
    pytest.param(0.1033981165810719, 6.316774700098262, 1e-10, id="lone panel, p=6.3, 45x"),
]


@pytest.mark.parametrize(("c", "p", "tol"), REPRODUCERS)
def test_a_kink_is_honest_when_it_converges(c: float, p: float, tol: float) -> None:
    result, exact = kink(c, p, tol)
    assert result.converged
    assert abs(result.value - exact) <= min(2 * result.error, tol) + 4e-16 * exact


def nodes(rule: Rule) -> list[float]:
    inner = rule.nodes[:-1]
    return [-x for x in inner] + [0.0] + list(reversed(inner))


@pytest.mark.parametrize("rule", [K21, K15])
def test_the_floor_is_the_envelope_carried_by_its_power(rule: Rule) -> None:
    # Coefficients of exactly j**-3 at the seven degrees (even and odd), built
    # from Legendre polynomials on the nodes: the envelope is the largest of
    # each three neighbours (9-11 and 13-15 for K21, 5-7 and 9-11 for K15),
    # alpha = 3, and the floor is twice the upper envelope times
    # (upper / first_missed)**3.
    lower, missed = (9, 32) if rule is K21 else (5, 23)
    upper = lower + 4
    values = [sum(j**-3.0 * legendre(j, x) for j in range(lower, lower + 7)) for x in nodes(rule)]
    expected = 2.0 * upper**-3.0 * (upper / missed) ** 3
    assert _finite_smoothness(rule, values) == pytest.approx(expected, rel=1e-9, abs=0.0)


def legendre(n: int, x: float) -> float:
    before, current = 1.0, x
    for k in range(1, n):
        before, current = current, ((2 * k + 1) * x * current - k * before) / (k + 1)
    return current


def test_a_rising_envelope_is_carried_as_it_is() -> None:
    # Only degrees 14 and 15: the envelope rises from (nearly) 0 to 1, and a
    # power fitted to that would be negative; the floor is twice the top.
    values = [legendre(14, x) + legendre(15, x) for x in nodes(K21)]
    assert _finite_smoothness(K21, values) == pytest.approx(2.0, rel=1e-12)


@pytest.mark.parametrize("rule", [K21, K15])
def test_a_constant_has_a_floor_at_rounding(rule: Rule) -> None:
    # For K15 the coefficients of degrees 6 and 7 of a constant are exactly
    # 0 and those of degree 10 are not: an envelope from 0.
    assert 0.0 <= _finite_smoothness(rule, [1.0] * rule.size) < 1e-14


def test_an_odd_function_plus_a_constant_has_no_floor() -> None:
    # The logistic function on [-5, 5] is 1/2 plus an odd function, which the
    # symmetric rule integrates exactly: its odd coefficients fall slowly,
    # its even ones are 0, and no floor is added. Odd on the nodes is not
    # odd (a staircase's jumps in mirrored gaps), and its odd coefficients
    # fall by 9, not geometrically (`odd_unproven`), so its halves are
    # integrated too: 149 evaluations, not 23 (INT21).
    logistic = [1 / (1 + math.exp(-5 * x)) for x in nodes(K21)]
    assert _finite_smoothness(K21, logistic) == 0.0
    result = integrate(lambda x: 1 / (1 + math.exp(-x)), -5, 5, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert (result.nfev, abs(result.value - 5.0) <= 2 * result.error) == (149, True)


def test_an_analytic_panel_has_no_floor() -> None:
    # tanh^2 on [-3, 0]: the envelope falls 116 times from degrees 9-11 to
    # 13-15, more than GEOMETRIC_DROP (64); the panels of tanh^2 on [-3, 3] cost 63.
    squares = [math.tanh(1.5 * (x - 1)) ** 2 for x in nodes(K21)]
    assert _finite_smoothness(K21, squares) == 0.0
    assert gauss_kronrod(lambda x: math.tanh(x) ** 2, -3.0, 0.0).smoothness == 0.0


def test_the_floor_is_kept_apart_from_the_panels_error() -> None:
    # The first reproducer's one panel: QUADPACK's error 6.9e-11, the true
    # one 5.0e-9, the floor 1.0e-8; `_integrate` applies the floor.
    c, p = 0.9884754632756649, 2.584130077647872
    panel = gauss_kronrod(lambda x: abs(x - c) ** p, 0.0, 1.0)
    true_error = abs(panel.value - (c ** (p + 1) + (1 - c) ** (p + 1)) / (p + 1))
    assert panel.error < 1e-10 < true_error < panel.smoothness < 3 * true_error


def test_an_end_singularity_near_divergence_still_converges() -> None:
    # The floor of the singular panel is honest and as large as the sum of
    # the panels (10.4 against the integral 68.4); qagse's test for
    # divergence (error above the sum) would refuse it if it counted.
    p, b = -0.9852615976329775, 1.740433133294344
    result = integrate(lambda x: x**p, 0.0, b, tol=1e-8, full_output=True)
    assert isinstance(result, IntegrationResult)
    exact = b ** (p + 1) / (p + 1)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2 * result.error


def test_a_divergent_end_singularity_is_still_refused() -> None:
    result = integrate(lambda x: x**-1.01, 0.0, 1.0, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged


def test_a_lone_panel_cannot_vouch_for_the_fall_beyond_its_top_degrees() -> None:
    # |x - 0.1069|**5.94: QUADPACK's estimate of the one panel is its
    # rounding floor, 2.6e-15, the true error 3.3e-13; the coefficients of
    # degrees 13-15, carried as they are, leave 1.7e-9, which meets 1e-8.
    # 7 evaluations beyond the rule's 21 and the ends' 2 look for noise
    # where the panel misses f at an end (`_Panels.noisy`), and find none.
    c, p = 0.10687810160801785, 5.943286609100868
    panel = gauss_kronrod(lambda x: abs(x - c) ** p, 0.0, 1.0)
    result, exact = kink(c, p, 1e-8)
    assert panel.error < abs(panel.value - exact) / 100 < panel.flat / 100
    assert (result.nfev, result.value, result.error) == (30, panel.value, panel.flat)


def test_a_lone_panel_whose_flat_bound_misses_tol_is_checked_by_its_halves() -> None:
    # exp(-x**2) on [0, 3]: QUADPACK's estimate (3.2e-11) meets 1e-10, the
    # coefficients of degrees 13-15 (2.5e-5 carried as they are) do not, so
    # the panel is bisected once and the halves' estimates stand.
    panel = gauss_kronrod(lambda x: math.exp(-x * x), 0.0, 3.0)
    assert panel.error < 1e-10 < panel.flat
    result = integrate(lambda x: math.exp(-x * x), 0.0, 3.0, tol=1e-10, full_output=True)
    assert isinstance(result, IntegrationResult)
    exact = math.sqrt(math.pi) / 2 * math.erf(3.0)
    assert (result.nfev, result.converged) == (65, True)
    assert abs(result.value - exact) <= 2 * result.error < 1e-10


def coefficients(even: list[float], odd: list[float]) -> list[float]:
    """Samples of the sum of P_10, P_12, P_14 and P_9, P_11, P_13, P_15 with these coefficients."""
    degrees = [(10, even[0]), (12, even[1]), (14, even[2])]
    degrees += [(9, odd[0]), (11, odd[1]), (13, odd[2]), (15, odd[3])]
    return [sum(a * legendre(j, x) for j, a in degrees) for x in nodes(K21)]


@pytest.mark.parametrize("top", range(3))
def test_the_flat_bound_is_twice_the_upper_envelope(top: int) -> None:
    # Each of odd 13, even 14 and odd 15 sets it; degrees 9-12 do not count.
    upper = [0.5, 0.5, 0.5]
    upper[top] = 1.0
    even, odd = [9.0, 7.0, upper[1]], [9.0, 7.0, upper[0], upper[2]]
    assert _unchecked((even[0], even[1], even[2]), odd) == FINITE_SAFETY * 1.0
    panel = gauss_kronrod(lambda x: coefficients(even, odd)[nodes(K21).index(x)], -1.0, 1.0)
    assert panel.flat == pytest.approx(FINITE_SAFETY, rel=1e-12)


def test_an_odd_panel_is_bounded_by_its_even_coefficients() -> None:
    # The symmetric rule integrates an odd f (plus a constant) exactly: when
    # the even coefficients are below ODD_ONLY of the odd ones, the flat
    # bound is twice the largest even one (any of degrees 10-14), the odd
    # ones do not count; at exactly ODD_ONLY they count as for any panel.
    below = ODD_ONLY * 0.999
    assert _unchecked((0.0, 0.0, below), [0.0, 0.0, 1.0, 0.0]) == FINITE_SAFETY * below
    assert _unchecked((below, 0.0, 0.0), [0.0, 0.0, 1.0, 0.0]) == FINITE_SAFETY * below
    assert _unchecked((0.0, below / 2, 0.0), [0.0, 0.0, 1.0, 0.0]) == FINITE_SAFETY * below / 2
    assert _unchecked((0.0, 0.0, 0.0), [0.0, 0.0, 1.0, 0.0]) == 0.0
    assert _unchecked((0.0, 0.0, ODD_ONLY), [0.0, 0.0, 1.0, 0.0]) == FINITE_SAFETY


# (c, p, k, A): sin(k (x - 1/2)) + A |x - c|**p on [0, 1], odd about 1/2 but
# for the small kink, was answered from one panel at every tol from 1e-6 to
# 1e-12 with the true error this many times the reported one, its flat bound
# 0 (random panels, see _unchecked); k = 0 is the kink alone. (Still wrong,
# see the xfail below: at tol 1e-10 the first is answered from the halves
# [0, 1/2] and [1/2, 1], 5x, the sine's geometric fall hiding the kink's.)
ODD_PLUS_KINK = [
    pytest.param(0.2456196366241209, 1.9877919536628441, 16.76782083918549, 5.6e-05, id="228x"),
    pytest.param(0.7544614032560218, 2.0499322953502706, 8.147815509424976, 4.3e-06, id="193x"),
    pytest.param(0.3088418441960651, 4.806305927029981, 5.434684156833229, 0.0234, id="187x"),
    pytest.param(0.7092346436799828, 8.70128660071158, 0.0, 1.0, id="kink alone, 4.1x"),
]


@pytest.mark.parametrize(("c", "p", "k", "amplitude"), ODD_PLUS_KINK)
@pytest.mark.parametrize("tol", [1e-6, 1e-8])
def test_a_kink_on_an_odd_function_is_not_exempt(
    c: float, p: float, k: float, amplitude: float, tol: float
) -> None:
    def f(x: float) -> float:
        return math.sin(k * (x - 0.5)) + amplitude * abs(x - c) ** p

    result = integrate(f, 0.0, 1.0, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    exact = amplitude * (c ** (p + 1) + (1 - c) ** (p + 1)) / (p + 1)
    assert gauss_kronrod(f, 0.0, 1.0).flat > 0.0
    assert abs(result.value - exact) <= 2 * result.error + 4e-16 * abs(exact)


def test_a_small_kink_on_a_sine_is_hidden_in_the_halves() -> None:
    # The first ODD_PLUS_KINK case at tol 1e-10: its lone panel is bisected
    # (flat bound 1e-9), but on [0, 1/2] the coefficients of degrees 9-15
    # are the sine's, falling geometrically, and _finite_smoothness takes the
    # half for analytic: error 2.7e-13, true error 1.4e-12 (a strict xfail
    # until INT21). The first panel looks odd about 1/2, its odd part falling
    # by less than GEOMETRIC_DROP (`odd_unproven`): its halves, integrated
    # on their own, give 8.3568003e-06 +- 9.8e-15, 4.3e-16 off, 275 evaluations.
    c, p, k, amplitude = 0.2456196366241209, 1.9877919536628441, 16.76782083918549, 5.6e-05

    def f(x: float) -> float:
        return math.sin(k * (x - 0.5)) + amplitude * abs(x - c) ** p

    result = integrate(f, 0.0, 1.0, tol=1e-10, full_output=True)
    assert isinstance(result, IntegrationResult)
    exact = amplitude * (c ** (p + 1) + (1 - c) ** (p + 1)) / (p + 1)
    assert abs(result.value - exact) <= 2 * result.error
