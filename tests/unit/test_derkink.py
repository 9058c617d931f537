"""DERKINK: Richardson beside a junction where f or one of its derivatives jumps.

f written with `math` ("auto" is Richardson). The quotients at steps below the
junction's distance see one smooth piece; the noise tests' stencils reach across
it and read the jump as noise, and the walk done again with that noise averaged
the two sides (`_richardson._junction_beside` now keeps the walk before it when a
one-sided walk away from the junction sees f smooth up to the noised window's
steps). A junction closer than any usable step, or at x itself, leaves the
central quotients at the mean of the two sides: a forward quotient of every
order now says so (`_richardson._check_one_sided`, with `_one_sided_steps`).
Exact values are closed forms.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from derivative_checks import honest_or_refused
from junctions import spliced

from calcweb import CalcwebError, derivative, grad, jvp


def _huber(x: float) -> float:
    return 0.5 * x * x if math.fabs(x) <= 1 else math.fabs(x) - 0.5


def _answered(f: Callable[[float], float], x: float, n: int, exact: float) -> None:
    """Answered (not refused), within twice its error of ``exact``."""
    result = derivative(f, x, n, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


@pytest.mark.parametrize(
    ("f", "x", "n", "exact"),
    [
        # was 0.49767 +- 0.0032: "noise" 2.2e-7 read across the junction at 1
        (_huber, 1.0001, 2, 0.0),
        # was 1.35784 +- 0.0184 (stairs read unevenly, 1.2e-5); now 2.71817 +- 3.6e-9
        (lambda x: math.exp(min(x, 1.0)), 1 - 4e-5, 1, math.exp(1 - 4e-5)),
        # a clamped log 4.5e-4 right of its clamp: was 89.26 +- 36.6 for 185.447
        (
            lambda x: math.log(max(x, 0.004942792999086843)),
            0.005392374262613808,
            1,
            1 / 0.005392374262613808,
        ),
    ],
    ids=["huber", "kink", "clamped log"],
)
def test_the_walk_before_the_noise_a_junction_shows_stands(
    f: Callable[[float], float], x: float, n: int, exact: float
) -> None:
    _answered(f, x, n, exact)


@pytest.mark.parametrize(
    ("c", "x"),
    [
        # 3.8e-8 right of the junction: 0.79262 +- 1.75e-4 (the mean of the sides), for 0
        (0.461, 0.4610000375739868),
        # 9e-7 right of it, the window at 2.8e-5 (a forward quotient's rounding 0.5 there):
        # 3.095 +- 0.47, for 0; refused at 4 times that step
        (1.847, 1.847000903162623),
        # 6.9e-7 left of it: 0.26 +- 0.0062, for e**x = 0.5153
        (-0.663, -0.6630006890250785),
    ],
)
def test_a_junction_nearer_than_the_steps_is_refused(c: float, x: float) -> None:
    # f is C**2 at c, f''' jumps from e**c to 0; no step short of rounding resolves it.
    with pytest.raises(CalcwebError, match="order 3"):
        derivative(spliced(c, 2), x, 3, full_output=True)


@pytest.mark.parametrize(
    ("c", "x"),
    [
        # 2.3e-5 right of the clamp: 0.22567 +- 0.0236 (the mean of the sides), for 0
        (-0.787, -0.7869766692414937),
        # 3.6e-5 right of it: 3.0662 +- 0.33, for 0
        (1.822, 1.822035986198752),
    ],
)
def test_a_clamp_beside_x_is_answered_from_its_flat_side(c: float, x: float) -> None:
    # exp clamped at c (constant right of it): the walk before the noise settles on 0
    # there, as on a flat stair of a staircase, where the noised walk is the right one.
    # Refused here until DER34: f leaves its constant value continuously, as a clamp
    # does, and a stair does not (`_richardson._continuous_junctions`).
    _answered(spliced(c, 0), x, 1, 0.0)


def test_no_second_derivative_at_the_junction_itself() -> None:
    # f'' is 1 left of 1 and 0 right of it; the central quotients are exactly 0.5.
    with pytest.raises(CalcwebError, match="order 2"):
        derivative(_huber, 1.0, 2, full_output=True)


def test_smooth_derivatives_of_order_two_and_more_are_still_answered() -> None:
    # The forward check of every order must not refuse smooth f.
    for n in range(2, 7):
        _answered(math.sin, 0.5, n, math.sin(0.5 + n * math.pi / 2))
        _answered(math.exp, -1.3, n, math.exp(-1.3))
        _answered(math.log, 0.7, n, (-1) ** (n - 1) * math.factorial(n - 1) / 0.7**n)


def _gelu(t: float) -> float:
    return 0.5 * t * (1 + math.erf(t / math.sqrt(2)))


STAIRCASES: list[tuple[str, Callable[[float], float], float, int, float]] = [
    # (name, f, x, n, exact): each the walk before the noise got wrong, resting on one
    # stair (or a stair times a smooth factor), that a guard of `_junction_beside` keeps:
    # one-sided walks on one stair reach 16 times the central one's widest step, not the
    # noised window's: gelu far in its tail, 3.22e-15 +- 4.3e-24 for -1.965e-13
    ("gelu", _gelu, -7.794377096520107, 1, -1.9651698778057728e-13),
    # ... (t - sin t) / t**3 at 0.00378: -132.36 +- 0.96, for -6.3e-5
    (
        "(t - sin t)/t^3",
        lambda t: (t - math.sin(t)) / t**3,
        0.0037780967863615686,
        1,
        -6.296823697222027e-05,
    ),
    # a side where f is constant (`_flat`): gelu flushed to 0 beside x, 0 +- 1e-305
    ("gelu flushed", _gelu, -8.375350927955333, 4, -1.036424758494216e-12),
    # quotients followed only while nearer unnoised than noised: -32.45 +- 0.96
    (
        "(t - sin t)/t^3 far window",
        lambda t: (t - math.sin(t)) / t**3,
        0.015394369744608765,
        1,
        -0.0002565699336469413,
    ),
    # a side whose bars tell unnoised from noised: 1.0016 +- 1.21 agreed with 0 and 1.0045
    (
        "floor(expm1)",
        lambda t: math.floor(math.expm1(t) / 1.2e-05) * 1.2e-05,
        0.005705420255999318,
        1,
        math.exp(0.005705420255999318),
    ),
    # one stair holds x's central window and, x near its edge, a forward window 16 times
    # as wide: 0 +- 9.5e-10 for 0.99985
    (
        "floor(tanh)",
        lambda t: math.floor(math.tanh(t) / 6e-05) * 6e-05,
        0.012239938879205159,
        1,
        1.0 / math.cosh(0.012239938879205159) ** 2,
    ),
]


@pytest.mark.parametrize(
    ("f", "x", "n", "exact"), [c[1:] for c in STAIRCASES], ids=[c[0] for c in STAIRCASES]
)
def test_a_staircase_is_not_taken_for_a_junction(
    f: Callable[[float], float], x: float, n: int, exact: float
) -> None:
    honest_or_refused(f, x, exact, n=n)


# Session 26 (DERKINK): a kink whose slope jump is small next to f's curvature. The
# forward quotient extrapolated once was allowed 4 times how far it moved (the size of
# its h term) as truncation, which hid the jump; it is now extrapolated twice at halving
# steps until its truncation is below the estimate's error or its rounding
# (`_richardson._extrapolated_twice`).


def _relu(t: float) -> float:
    return max(t, 0.0)


def _small_kink(x: float) -> float:
    # f'(0) does not exist: the slopes are 1.5 (left) and 1.625 (right)
    return 0.5 * _relu(0.25 * x) + 1.5 * (-2 * x - 0.25) ** 2 + 2 * (-1.5 * x) ** 2


def test_a_small_kink_beside_large_curvature_is_refused() -> None:
    # was 1.5625 +- 3.9e-14: forward quotients 1.625 + 10.5 h, extrapolated to 1.625
    # exactly but allowed 4 x 0.0197
    with pytest.raises(CalcwebError, match="no derivative"):
        derivative(_small_kink, 0.0, full_output=True)


def test_grad_and_jvp_refuse_the_small_kink_too() -> None:
    def f(p: list[float]) -> float:
        return _small_kink(p[0]) + p[1] ** 2

    with pytest.raises(CalcwebError, match="no derivative"):
        grad(f)([0.0, 0.5])  # was [1.5624999999999987, 1.0]
    with pytest.raises(CalcwebError, match="no derivative"):
        jvp(f, [0.0, 0.5], [1.0, 0.0])  # was (0.34375, 1.5624999999999987)


def test_a_refined_value_holds_the_one_sided_values() -> None:
    # The walk's error held both sides; its refined value, 3.5267731667903788, had
    # +- 1.25e-12, off by 2.4e-7 from each (`_richardson._held_by_one_sided`).
    def f(t: float) -> float:
        return 0.87 * math.atan(t / 3) + 1.43 * math.sin(4.63 * t + 1.06) + 2.4e-7 * abs(t)

    smooth = 0.87 / 3 + 1.43 * 4.63 * math.cos(1.06)
    _holds_both_slopes(f, 0.0, (smooth - 2.4e-7, smooth + 2.4e-7))


def _holds_both_slopes(f: Callable[[float], float], x: float, slopes: tuple[float, float]) -> None:
    """derivative(f, x) at a kink refused, or within twice its error of both one-sided slopes."""
    try:
        result = derivative(f, x, full_output=True)
    except CalcwebError:
        return
    for slope in slopes:
        assert abs(result.value - slope) <= 2.0 * result.error, (result, slope)


def test_a_kink_below_the_walks_error_is_held_by_the_refined_one() -> None:
    # The one-sided walk stopped at the walk's error (2.9e-8, a walk to be refined stops
    # at 1e-7 relative), with the jump of 4.8e-8 inside it; refined: 1.6921261702506925
    # +- 2.7e-13, 2.4e-8 from each slope. It now goes on to its rounding.
    def f(t: float) -> float:
        return 1.84 * math.sin(3.56 * t + 5.34) + 1.15e-7 * _relu(-0.42 * (t + 0.1029))

    smooth = 1.84 * 3.56 * math.cos(3.56 * -0.1029 + 5.34)
    _holds_both_slopes(f, -0.1029, (smooth, smooth - 0.42 * 1.15e-7))


def test_a_kink_a_few_steps_off_is_not_averaged() -> None:
    # 1e-6 right of the kink of 1e-3 relu(t): was 1.000501160741234 +- 1.8e-4, the
    # mean of the two sides, for 1.001001
    honest_or_refused(lambda t: 1e-3 * _relu(t) + math.exp(t), 1e-6, math.exp(1e-6) + 1e-3)


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        # steps made representable at 7.7e7 are not halves (ratio off by 3.5e-6): taken
        # as halves, the one-sided value was 2e-9 off, and refused (`_at_zero`); the
        # bound on x + h rounded inside f (`_argument_rounding`) is as large here, and
        # either rule alone keeps it
        (math.cos, -76584929.20965333, 0.30937078621637293),
        # a crest of a fast sine: k t rounded in its argument moves the one-sided values
        # at steps of 2.2e-10 by 3e-5 (`_argument_rounding`)
        (lambda t: math.sin(663855.67 * t + 6.2486), -0.9261028864268656, -6.580792100248947),
        (lambda t: math.sin(3472548.35 * t + 2.2719), -0.5031465139983852, -10.605392955291466),
        # ... where f''' is about 0, the h**2 and h**3 terms cancel in twice - once: how
        # far the value moved from the last level's bounds its truncation too
        (lambda t: math.sin(3715.63 * t + 1.3364), -0.3947896390442423, -10.602990308763422),
    ],
    ids=["cos far out", "crest, rounded argument", "crest, rounded 2", "crest, cancelling"],
)
def test_smooth_first_derivatives_the_one_sided_walk_answers(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    _answered(f, x, 1, exact)
