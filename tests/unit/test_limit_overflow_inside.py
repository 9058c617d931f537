"""A limit whose samples grow until a value computed inside f overflows (REVIEW9, session 24).

``limit(x**149 * exp(-x), inf)`` answered inf, converged ("f grows without
bound"), for 0: its samples grow to 2.1e241 at 64, and ``x**149`` overflows
from 117.17 on, which was read as f growing past the floats. Where f itself
grows past them it is near the largest float just before it fails (exp at
709.78: 1.8e308); this f is 2.3e257 there. `limits._overflowed_growing`
brackets the failure and refuses the first kind.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import NumericalError, limit


def test_growth_cut_short_by_an_intermediate_overflow_is_refused() -> None:
    f = lambda x: x**149 * math.exp(-x)  # noqa: E731
    result = limit(f, math.inf, full_output=True)
    assert not result.converged
    assert "f itself is only about 2.33e+257 there" in result.message
    with pytest.raises(NumericalError, match="it may not grow without bound"):
        limit(f, math.inf)


@pytest.mark.parametrize(
    ("f", "x0"),
    [
        (math.exp, math.inf),
        (lambda x: x**2, math.inf),
        (lambda x: math.exp(1 / x**2), 0.0),
        (lambda x: 1 / x**30, 0.0),
        (lambda x: -math.exp(x), math.inf),
    ],
)
def test_f_that_grows_past_the_floats_itself_still_grows_without_bound(
    f: Callable[[float], float], x0: float
) -> None:
    result = limit(f, x0, full_output=True)
    assert result.converged
    assert math.isinf(result.value)


def test_growth_that_speeds_up_in_log_is_infinite_though_f_is_far_from_the_floats_end() -> None:
    # exp(x) / x**5 is 1e294 where exp overflows (709.78), but its logs rise ever faster.
    assert limit(lambda x: math.exp(x) / x**5, math.inf) == math.inf
