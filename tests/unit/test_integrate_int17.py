"""INT17 (session 19): on the whole line the table's limit is taken while the end halves rise.

f(x) = h(|x - s| + 20), h(x) = 1/(x log(x) log(log(x))**5), integrates to
2 log(log(20))**-4 / 4 = 0.3450203403 over (-inf, inf) for every s. Over
(-inf, inf) at s = 3, tol 1e-2: 0.336505 +- 2.57e-3, converged, 3.3 errors off
(525 evaluations). With x = t/(1 - t**2) the halves split off t = -1 and t = 1
cover x in about [1/(4w), 1/(2w)] for an end panel w wide, so they only reach
f's tail (|x - s| ~ 20) two or three halvings later than the half-line's
x = s + (1 - t)/t, whose halves start at 20: when the table met the tolerance the
halves at both ends still rose (0.0160 -> 0.0203 and 0.0299 -> 0.0328, ratios
1.27 and 1.10), and INT16's `turning_end_panel` (a fall that began within the
last six halvings) does not act on halves that rise. Each half-line ([-inf, s],
[s, inf]) is honest: 0.170728 +- 6.3e-3 (0.28 errors).

INT19 (session 20) landed that hold with `run` asking `slow_end_met` first
(test_integrate_int19.py), so s = 2.25 and 3 at tol 1e-2 pass: 0.342844 +-
2.7e-3 and 0.342841 +- 9.7e-3, about 1,200 evaluations for 400 to 525. The
hold alone (INT17, not landed) refused right answers: 1/(x log(x)**4) shifted
to start at 100 on the whole line at tol 1e-3 (8 of 8 shifts): held on, the
plain sum's error met the tolerance and the end panel at x = inf, never resolved
by its nodes and heavier than tol times the weight (`_Panels.unresolved`), was
halved until floats ran out before `slow_end_met` was asked. At s = 3.75, tol
1e-3 the limit is taken after the fall (ratios 0.74 then 0.69 .. 0.74, not yet
a power of log x for `_power_law_fit`): 0.342842 +- 4.9e-4 for 0.345020, 4.5
errors, a lie the rule does not touch (the half-line at the same tol is honest
only just: 1.63 errors). INT22 holds the limit while the fall slows faster
than any settled law (`_slower_than_log_powers`): 0.344473 +- 8.2e-4, 0.66
errors (2,793 evaluations for 1,197).
"""

from __future__ import annotations

import math

import pytest

from calcweb import IntegrationResult, integrate

P, START = 5.0, 20.0
EXACT = 2.0 * math.log(math.log(START)) ** (1.0 - P) / (P - 1.0)


def _h(x: float) -> float:
    return 1.0 / (x * math.log(x) * math.log(math.log(x)) ** P)


@pytest.mark.parametrize(
    ("shift", "tol"),
    [(2.25, 1e-2), (3.0, 1e-2), (3.75, 1e-3)],
)
def test_a_slow_tail_at_both_ends_of_the_line_is_honest(shift: float, tol: float) -> None:
    result = integrate(
        lambda x: _h(abs(x - shift) + START), -math.inf, math.inf, tol=tol, full_output=True
    )
    assert isinstance(result, IntegrationResult)
    assert not result.converged or abs(result.value - EXACT) <= 2.0 * result.error


@pytest.mark.parametrize("tol", [1e-2, 1e-3])
def test_each_half_line_of_that_tail_is_honest(tol: float) -> None:
    shift = 3.0
    for a, b in [(-math.inf, shift), (shift, math.inf)]:
        result = integrate(lambda x: _h(abs(x - shift) + START), a, b, tol=tol, full_output=True)
        assert isinstance(result, IntegrationResult)
        assert abs(result.value - EXACT / 2.0) <= 2.0 * result.error
