"""Kill tests for limits' `_law_ends` and `_until_run` (mutation run of session 10, at badb78e).

The first four are `_law_ends`'s, now `_law_closer_in`'s verdict "ends" (5f330cb
renamed it when it added the verdict "holds"). It fits ``L + c/h**p`` to the last three
usual samples (steps ``4 h``, ``2 h``, ``h``), then samples ``f`` at up to
``DEEP_STEPS`` steps, each
``DEEP_RATIO`` (2**-16) times the one before. The law ends when ``f`` stays
within the size of the samples (``abs(y) > size`` is growth: a sample as large
as the largest is not) at every step, and ``|c|/h**p`` at some step is more
than ``WELL_PAST`` times that size. Each of these tests is made of powers of two, so
that every quantity it compares is exact, and pins one of those boundaries
that the existing tests (whose samples have a size near 1) left free.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import calcweb
from calcweb.limits import DEEP_RATIO, DEEP_STEPS, WELL_PAST, _Counted, _law_closer_in

H = 2.0**-49


def deeper(values: list[float], fails_at: int | None = None) -> Callable[[float], float]:
    """``f`` closer in: ``values[d - 1]`` at the ``d``-th step, failing from ``fails_at`` on."""
    calls = [0]

    def f(x: float) -> float:
        calls[0] += 1
        depth = calls[0]
        assert x == H * DEEP_RATIO**depth  # the steps are exact powers of two
        if fails_at is not None and depth >= fails_at:
            raise calcweb.DomainError("not here")
        return values[depth - 1]

    return f


def test_f_that_stays_at_the_size_of_its_samples_does_not_grow() -> None:
    # Law 1/h at h (p = 1: departures 0.25 then 0.5, |c|/h = 0.5 / (1 - 1/2) = 1),
    # 2**16 times that a step in, past 4 * 1.75 at once; f stays at 1.75, the
    # largest sample, all the way in: the law ends. '>= size' (growth at equality)
    # would call the last sample's own value growth and let the law go on. (Of
    # both signs, not stuck on 1.75: a law that ends on a constant other than 0
    # tells nothing, test_limits_cap_collapse.py.)
    values = [1.0, 1.25, 1.75]
    f = _Counted(deeper([1.75, -1.75] * (DEEP_STEPS // 2)))
    assert _law_closer_in(f, lambda h: h, H, values) == "ends"
    assert f.calls == DEEP_STEPS


def test_the_law_grows_by_2_to_the_16_p_at_every_step() -> None:
    # |c|/h**p at h is 2**-20 (p = 1); 2**-4 a step in, 2**12 two steps in: past
    # WELL_PAST * 1.75 = 7 only at the second. 'power / depth' would make it
    # grow ever less (at most 2**-4) and the law never end.
    values = [1.75 - 3 * 2.0**-22, 1.75 - 2.0**-21, 1.75]
    f = _Counted(deeper([1.0, -1.0] * (DEEP_STEPS // 2)))  # not stuck on a constant
    assert _law_closer_in(f, lambda h: h, H, values) == "ends"
    assert 2.0**-20 / DEEP_RATIO < WELL_PAST * 1.75 < 2.0**-20 / DEEP_RATIO**2


def test_well_past_is_a_multiple_of_the_size_not_of_its_inverse() -> None:
    # Samples of size 2**-30, law 2**-40 at h, 2**-24 one step in, where f is 0,
    # then f fails: 2**-24 > 4 * 2**-30, so the law ended; 4 / 2**-30 = 2**32 it
    # is not.
    values = [2.0**-30 - 3 * 2.0**-42, 2.0**-30 - 2.0**-41, 2.0**-30]
    f = _Counted(deeper([0.0], fails_at=2))
    assert _law_closer_in(f, lambda h: h, H, values) == "ends"
    assert f.calls == 2


def test_a_law_exactly_well_past_the_size_is_not_past_it() -> None:
    # As above with the law 2**-44 at h: one step in it is 2**-28, exactly
    # WELL_PAST times the size 2**-30, not more: the law has not been seen to
    # outgrow f, and f fails next, so the law does not end ('>=' would).
    values = [2.0**-30 - 3 * 2.0**-46, 2.0**-30 - 2.0**-45, 2.0**-30]
    f = _Counted(deeper([0.0], fails_at=2))
    assert _law_closer_in(f, lambda h: h, H, values) != "ends"
    assert f.calls == 2
    assert 2.0**-44 / DEEP_RATIO == WELL_PAST * 2.0**-30


def test_samples_closer_in_before_a_stuck_run_are_kept() -> None:
    """`_until_run` returns the samples closer in up to the first STUCK equal ones, not nothing.

    (exp(1.1 x) - 1)/(1.1 x) + min(1e-16/x, 1e10) at 0 from the right: the
    1e-16/x hides in the rounding noise of the usual samples (0.056 at the
    last, beside a noise of 0.038), so f is sampled closer in (where exp(1.1 x)
    rounds to 1, and the quotient is 0): 3689.35 at 2.7e-20, 2.4e8, then 1e10
    three times, where the cap stops it. The samples before that stuck run
    contradict the usual samples' 1.00000000000006, and the limit (1e10)
    is refused. Returning at the stuck run without the samples (a 'return'
    for the 'break') would hide them and answer 1.00000000000006 +- 2.7e-12,
    converged.
    """

    def f(x: float) -> float:
        return (math.exp(1.1 * x) - 1) / (1.1 * x) + min(1e-16 / x, 1e10)

    result = calcweb.limit(f, 0, side="right", full_output=True)
    assert not result.converged
    assert result.error == math.inf
    assert "at 2.710505431213761e-20, it is 3689.35, which contradicts that" in result.message
