"""Limits at an ``x0`` close to 0 but not 0: the walk must get below ``|x0|``.

The steps of `limit` start at ``s/4`` and end at ``s * 2**-49``; with
``s = 1`` for every ``|x0| < 2``, a walk from ``x0 = 9.3e-20`` never got
below ``|x0|``, and saw the limit at 0 instead: ``1/x`` there from the
right was ``inf`` (``1/(x0 + h)`` grows like ``1/h`` down to ``h = 2**-49``),
``log`` at ``7.1e-18`` ``-inf``: 24 dishonest answers in 1,500 draws of
ordinary functions at random ``x0`` (``/tmp/s13/lead/limscan.py``, seed 1),
23 of them so (the other is ``sin(x)/x`` at ``-1.7e15``, where the floats
are too far apart to resolve the sine). `limits._scale` now ends the walk
30 halvings below ``|x0|``.
"""

from __future__ import annotations

import math

import pytest

from calcweb import limit
from calcweb.limits import BELOW_X0, STEPS, LimitResult, _scale

TINY = [9.284826387462746e-20, 7.119968863459357e-18, 3.2e-15, 1.6e-112, 3.3e-296, 2.0**-20]


@pytest.mark.parametrize("x0", [x for t in TINY for x in (t, -t)])
@pytest.mark.parametrize("side", ["left", "right", "both"])
def test_1_over_x_close_to_0_is_1_over_x0(x0: float, side: str) -> None:
    found = limit(lambda x: 1.0 / x, x0, side=side, full_output=True)
    assert isinstance(found, LimitResult)
    assert found.converged
    exact = 1.0 / x0  # within half an ulp of the true 1/x0
    assert abs(found.value - exact) <= 2.0 * found.error + math.ulp(exact)
    assert abs(found.value - exact) <= 1e-9 * abs(exact)


@pytest.mark.parametrize("x0", TINY)
def test_log_close_to_0_is_log_x0(x0: float) -> None:
    found = limit(math.log, x0, full_output=True)
    assert isinstance(found, LimitResult)
    assert found.converged
    exact = math.log(x0)
    assert abs(found.value - exact) <= 2.0 * found.error + math.ulp(exact)
    assert abs(found.value - exact) <= 1e-12 * abs(exact)


def test_the_walk_ends_30_halvings_below_x0() -> None:
    for x0 in [*TINY, 2.0**-19, 1.5 * 2.0**-19, 1e-7, 0.001, 0.5, 1.0, 1.999]:
        last = _scale(x0) * 2.0 ** -(STEPS + 1)
        assert last <= 2.0**-BELOW_X0 * abs(x0), x0
    # Where 1 already does (|x0| >= 2**-19), the walk is as before; in a binade above 2, the binade.
    assert _scale(2.0**-19) == _scale(0.001) == _scale(0.0) == _scale(1.999) == 1.0
    assert _scale(2.0**-20) == 0.5
    assert _scale(3.0) == 2.0
    assert _scale(-1000.0) == 512.0
    assert _scale(math.inf) == _scale(-math.inf) == 1.0
    assert _scale(5e-324) == 2.0**-1020  # no step below the subnormal spacing
