"""Session 20 (INT20): `_checked_half` reuses f where it was sampled.

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

from calcweb import IntegrationResult, integrate


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
