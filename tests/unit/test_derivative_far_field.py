"""First derivatives from windows whose steps are far above the scale of f (`_beyond_scale`).

At a crest of ``sin(k t + c)`` (f even about x) every central quotient is
``f'(x) sin(k h) / (k h)``: at steps of tens of radians of ``k h`` they are
0 within rounding and agree on 0. The even part of f at the same points,
``E(h) = (f(x + h) + f(x - h)) / 2 - f(x)``, is ``o(h)`` wherever f'(x)
exists; there it is f's own swing, no smaller at the smaller step. Exact
values: mpmath at 50 digits.
"""

from __future__ import annotations

import math
import sys

import pytest
from derivative_checks import honest_or_refused

from calcweb import NumericalError, derivative
from calcweb._richardson import Sampler, _best, _beyond_scale, _Window
from calcweb.multivariate import _along

K, C, X = 16313.82182687146, 2.3726086278864926, 0.018630378480442446
EXACT = -2.674762433729867e-10  # K cos(K X + C): a crest, f'' = 2.66e8


def crest(t: float) -> float:
    return math.sin(K * t + C)


@pytest.mark.xfail(
    sys.platform == "emscripten", strict=False, reason="measured natively; libm may differ"
)
def test_a_crest_far_window_is_no_answer() -> None:
    # Was -1.8849119795858216e-13 +- 4.4e-13 (608 times its error off): the window at
    # steps 0.015 to 0.00375 (245 to 61 radians of K h). Now refused: the window that
    # resolves f (steps from 2.3e-4) has no digit (|f''| |x| eps / 2 = 5.5e-10 is
    # beyond |f'|).
    honest_or_refused(crest, X, EXACT)


@pytest.mark.xfail(
    sys.platform == "emscripten", strict=False, reason="measured natively; libm may differ"
)
def test_the_crest_refusal_does_not_call_f_s_swing_noise_of_its_values() -> None:
    # The noise, 4.94 for |f| <= 1, is measured at a spacing of 4.6e-4 (set by the
    # slope the walk found, 7.6e-12), 7.6 radians of K h: f's own swing, not noise.
    with pytest.raises(NumericalError) as info:
        derivative(crest, X, full_output=True)
    assert str(info.value).startswith(
        f"the noise measured in f's values near x={X!r} (4.94, from their differences, in "
        "which f's own swings count as noise where f varies on a scale finer than the "
        "spacings measured at) is larger than any value it took (1): "
    )


@pytest.mark.xfail(
    sys.platform == "emscripten", strict=False, reason="measured natively; libm may differ"
)
def test_a_crest_far_window_is_no_answer_whatever_the_offset_of_f() -> None:
    # sin(K t + C) + 10 was -3.1579677144893346e-13 +- 6e-12 (44.7 times its error off):
    # the far window, whatever f's size. Now 0.0 +- 2.3e-7.
    honest_or_refused(lambda t: crest(t) + 10.0, X, EXACT)


@pytest.mark.xfail(
    sys.platform == "emscripten", strict=False, reason="measured natively; libm may differ"
)
@pytest.mark.parametrize("axis", [True, False], ids=["grad-axis", "line"])
def test_a_crest_far_window_is_no_answer_on_lines(axis: bool) -> None:
    # grad's axis (608x) and a line's offset path (hessian, directional: 614x).
    line, scale = _along(lambda p: crest(p[0]), [X, 0.3], [1.0, 0.0], axis=axis)
    honest_or_refused(line, line.at, EXACT, scale)


def _judged(f, x: float, steps: list[float]) -> bool:
    """`_beyond_scale` on the window of central first-derivative quotients at ``steps``."""
    sampler = Sampler(f, x)
    sampler(x)
    window = _Window(2)
    for h in steps:
        quotient, noise, step = sampler.quotient("central", 1, h)
        window.add(step, quotient, noise)
    best = _best(window)
    assert best is not None
    return _beyond_scale(sampler, "central", 1, window, best)


def test_the_crest_window_at_far_steps_is_beyond_the_scale_of_f() -> None:
    # E = 0.056, 1.99, 1.08 at 0.015, 0.0075, 0.00375 (changes 1.93, -0.91); the quotients
    # 2.2e-13, 1.5e-14, -1.3e-13.
    assert _judged(crest, X, [0.015, 0.0075, 0.00375])


def test_the_crest_window_that_resolves_f_is_not() -> None:
    # E = 1.78, 0.42, 0.028, 0.0071: shrinking with the step.
    assert not _judged(crest, X, [2.34375e-4, 5.859375e-5, 1.46484375e-5, 7.32421875e-6])


@pytest.mark.parametrize(
    ("f", "x"),
    [
        (abs, 0.0),  # E = h: a kink, which `_check_one_sided` refuses as such
        (lambda t: abs(t) ** 1.5, 0.0),  # E = h**1.5: f' = 0 exists, f'' does not
        (math.cos, 0.0),  # f even about x, resolved: E = cos(h) - 1
        (math.exp, -40000.0),  # f = 0 (underflow): E = 0
        (lambda t: math.sin(1e4 * t), 0.0),  # odd about x: E = 0, whatever the steps
    ],
    ids=["abs", "abs-1.5", "cos", "zero", "odd"],
)
def test_even_parts_that_shrink_or_vanish_are_not_beyond(f, x: float) -> None:
    assert not _judged(f, x, [0.015, 0.0075, 0.00375])


def _line_plus(extra: dict[float, float]):
    """``1 + t`` plus ``extra[t]`` at the stencil points (steps 0.015, 0.0075, 0.00375 at 0)."""

    def f(t: float) -> float:
        return 1.0 + t + extra.get(t, 0.0)

    return f


STEPS = [0.015, 0.0075, 0.00375]


def test_even_changes_that_grow_one_way_are_not_judged() -> None:
    # E = 0.05, 0.15, 0.45 (changes 0.1 and 0.3: one way), the quotients exactly 1: what a
    # window that begins beyond the scale of f and ends within it shows.
    extra = {0.015: 0.05, -0.015: 0.05, 0.0075: 0.15, -0.0075: 0.15, 0.00375: 0.45, -0.00375: 0.45}
    assert not _judged(_line_plus(extra), 0.0, STEPS)


@pytest.mark.xfail(
    sys.platform == "emscripten", strict=False, reason="measured natively; libm may differ"
)
def test_a_window_that_leaves_the_far_field_is_kept() -> None:
    # sin(341602.19 t + 1.568) at -0.781 (a crest): the window at steps 1.5e-5 to 9.2e-7
    # (5 to 0.3 radians of k h) settles on -4.05e-6 +- 2.7e-6; its E grows one way. Not
    # kept (a first form of the rule), the walk fell back on a far window refined to
    # -7.1e-9 +- 1.1e-8 (326 times its error off).
    k, c, x = 341602.19412175234, 1.568026859896701, -0.7810247063037151
    honest_or_refused(lambda t: math.sin(k * t + c), x, -3.5066555671115327e-06)


def test_even_changes_that_turn_are_beyond() -> None:
    # E = 0.05, 0.45, 0.15 (changes 0.4 and -0.3: turning), the quotients exactly 1.
    extra = {0.015: 0.05, -0.015: 0.05, 0.0075: 0.45, -0.0075: 0.45, 0.00375: 0.15, -0.00375: 0.15}
    assert _judged(_line_plus(extra), 0.0, STEPS)


def test_even_changes_that_turn_the_other_way_are_beyond() -> None:
    # E = 0.45, 0.05, 0.35 (changes -0.4 and 0.3), the quotients exactly 1.
    extra = {0.015: 0.45, -0.015: 0.45, 0.0075: 0.05, -0.0075: 0.05, 0.00375: 0.35, -0.00375: 0.35}
    assert _judged(_line_plus(extra), 0.0, STEPS)


def test_a_value_at_x_off_by_its_rounding_is_in_every_even_part_alike() -> None:
    # exp(t) exp(-t) - 1 at 3.15 is 2.2e-16 at x and 0 beside it: E = -2.2e-16 at every
    # step (no smaller at the smaller ones), but its changes are 0.
    def f(t: float) -> float:
        return 2.220446049250313e-16 if t == 0.0 else 0.0

    assert not _judged(f, 0.0, STEPS)


def test_a_change_the_quotients_scatter_by_does_not_count() -> None:
    # E = 0.4, 0, 0.3 (changes -0.4 and 0.3: turning), but f(x + h) and f(x - h) are off
    # unequally: the quotients scatter by tens, and the window's error allows noise that
    # large in E: no evidence that it is f's own swing.
    extra = {0.015: 0.5, -0.015: 0.3, 0.00375: 0.5, -0.00375: 0.1}
    assert not _judged(_line_plus(extra), 0.0, STEPS)


def test_a_change_far_below_the_range_of_f_does_not_count() -> None:
    # E = 1e-3, 0, 1e-3, even about x (the quotients exactly 1), while f spans 0.03 over
    # the points sampled: stairs of f, not its swing.
    extra = {0.015: 1e-3, -0.015: 1e-3, 0.00375: 1e-3, -0.00375: 1e-3}
    assert not _judged(_line_plus(extra), 0.0, STEPS)


def test_only_central_windows_are_judged() -> None:
    sampler = Sampler(crest, X)
    sampler(X)
    window = _Window(2)
    for h in (0.015, 0.0075, 0.00375):
        quotient, noise, step = sampler.quotient("central", 1, h)
        window.add(step, quotient, noise)
    best = _best(window)
    assert best is not None
    assert _beyond_scale(sampler, "central", 1, window, best)
    assert not _beyond_scale(sampler, "forward", 1, window, best)
