"""Session 20 (INT20): an ancestor's centre at a half's end is checked; halves reuse samples.

`_Panels.split` checks each half's samples against every ancestor's sample
inside it (`calcweb._gauss_kronrod.missed`), mapped onto [-1, 1]. An
ancestor's centre that is now a half's end maps to -1 or 1 only up to
rounding: (3.3569413352892568 - centre) / radius was -1.0000000000000004,
which `missed` skips as outside. On sin x with steps -0.404 at 0.822, -0.283
at 2.347 and -0.00493 at 3.3613 on [-0.838, 7.552] at tol 2.29e-8
(stairscan seed 8), the first bisection's right half [3.3569, 7.5518]
missed f at its left end (its parent's centre, u exactly -1) by the small
step and was bisected; its left half [3.3569, 5.4544], holding the step in
its sliver, missed it too, but skipped it, and claimed 3.6e-14: -3.84477
+- 5.6e-8 for -3.844753, 2.2e-5 off (389 times the error). The exact
value: the steps' rectangles in fractions plus cos a - cos b, as
``bench/scans/stairscan.py`` sums them.

`_checked_half` integrates the halves of an interval on which f looked odd
(and their halves in turn); each half's first panel samples f at its ends
(`_Panels._ends`), which are the centre of the interval (the first panel's
centre node) or its ends (sampled by the first panel already). MUT10
(session 19) found mutants that skipped the centre's sample answering
alike; the samples are now reused (`_Panels.seen`): the same answers, an
evaluation or two fewer per half.
"""

from __future__ import annotations

import math
from fractions import Fraction

from calcweb import IntegrationResult, integrate
from calcweb._gauss_kronrod import K21
from calcweb._integrate import _Panels


def test_checked_halves_do_not_sample_f_again_where_it_was_sampled() -> None:
    # sin(20 x) on [-1, 1] was f(0) three times and f(-1), f(1) twice each,
    # 153 evaluations; the same answer now takes 149.
    calls: dict[float, int] = {}

    def f(x: float) -> float:
        calls[x] = calls.get(x, 0) + 1
        return math.sin(20.0 * x)

    result = integrate(f, -1.0, 1.0, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert (result.value, result.error) == (0.0, 1.62596830946213e-14)
    assert (calls[-1.0], calls[0.0], calls[1.0]) == (1, 1, 1)
    assert result.nfev == sum(calls.values()) == 149


STEPS = [
    (0.8222339722959264, -0.40430545727124856),
    (3.3613339684796393, -0.004929118063421036),
    (2.347075144706306, -0.2833362580812751),
]
A, B, TOL = -0.8379560244624265, 7.55183869504094, 2.29e-08


def stairs(x: float) -> float:
    return math.sin(x) + sum(h for c, h in STEPS if x > c)


def test_stairscan_seed_8_is_honest() -> None:
    rectangles = sum((Fraction(h) * (Fraction(B) - Fraction(c)) for c, h in STEPS), Fraction(0))
    exact = math.cos(A) - math.cos(B) + float(rectangles)
    result = integrate(stairs, A, B, tol=TOL, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - exact) <= 2.0 * result.error


def test_an_ancestors_centre_at_a_halfs_end_is_checked() -> None:
    panels = _Panels(stairs, K21)
    panels.ends = (A, B)
    panels.add(A, B, lone=True)
    _, left, _ = panels.split(0)
    middle = left.b
    index = next(i for i, entry in enumerate(panels.entries) if entry.panel.a == middle)
    _, inner, _ = panels.split(index)  # [middle, ...]: the step sits in its sliver
    entry = next(entry for entry in panels.entries if entry.panel is inner)
    radius = 0.5 * inner.b - 0.5 * inner.a
    assert (middle - (0.5 * inner.a + 0.5 * inner.b)) / radius < -1.0  # rounding, the bug's cause
    assert entry.miss[0] == middle
    assert entry.unresolved
    assert entry.error > 0.004 * (inner.b - inner.a)  # the step's worth over the half
