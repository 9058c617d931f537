"""farscan group C after session 23 (LIM30): f just inside where its domain ends.

``(1 - cos t)/t**2 + a (sqrt(1 - h/D) - 1)``, limit 0.5, raises beyond
``h = D``. Where ``D`` lies within a step of the first sample and ``cos t``
rounds to 1 from there on, every sample is only the end's term, which
halves each step, and the limit was read as 0. The walk never reads f
between the step where it raised and its first sample; just inside the
end, ``1 - cos t`` is ``eps/2``, and f is 0.5 to 0.93 there. `limit`
now seeks the end by bisection (`_inside_the_end`): where f at the points
found, outward to inward, rises away from the samples and then drops onto
them, the samples cannot tell the limit, and it is refused. A smooth f near
its domain's end, or a cut-off there, which falls onto the samples without
rising first, is answered as before.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from domain_ends import cos_end

from calcweb import limit


@pytest.mark.parametrize(
    ("c", "d", "a", "x0", "side"),
    [
        # farscan 52: -1.1e-13 and halving from h = 0.74 D (0.77, 0.85 inside), answered -8.6e-30
        (3330.101113623233, 4.117361803462326e-05, -2.3147507287899544e-13, 0.0, "right"),
        # farscan 53: -9.6e-5 and halving from h = 0.56 D (0.51, 0.69 just inside), answered 0
        (
            7242.606107015149,
            0.00010819372642234095,
            0.00028136204367146,
            -0.028741658866330795,
            "right",
        ),
        # farscan 52: 0.9185 at h = 0.98 D, then 1.2e-8 and halving (0.89 just inside), answered 0
        (
            11103.394913431033,
            0.00012465210611755707,
            -4.197868775908358e-08,
            -710.0394880214102,
            "left",
        ),
    ],
)
def test_cos_beside_an_end_with_no_sample_before_the_drop_is_refused(
    c: float, d: float, a: float, x0: float, side: str
) -> None:
    result = limit(cos_end(c, d, a, x0), x0, side=side, full_output=True)
    assert not result.converged
    assert abs(result.value - 0.5) <= result.error
    assert "rounding cancels" in result.message


END = 3e-5


def _smooth_ends() -> list[tuple[str, Callable[[float], float], float]]:
    return [
        ("sqrt(D - x)", lambda x: math.sqrt(END - x), math.sqrt(END)),
        ("1/sqrt(D - x)", lambda x: 1 / math.sqrt(END - x), 1 / math.sqrt(END)),
        ("log(D - x)", lambda x: math.log(END - x), math.log(END)),
        (
            "exp(-D/(D - x))",
            lambda x: math.exp(-END / (END - x)) + 0 * math.sqrt(END - x),
            1 / math.e,
        ),
        # a cut-off just inside the end: f falls onto the samples, level before
        (
            "1 + x + 1e3 (x > 0.95 D)",
            lambda x: 1 + x + 1e3 * (x > 0.95 * END) + 0 * math.sqrt(END - x),
            1.0,
        ),
        # ... or falling inward before
        (
            "x + 1e3 (x > 0.9 D) (x/D)**2",
            lambda x: x + 1e3 * (x > 0.9 * END) * (x / END) ** 2 + 0 * math.sqrt(END - x),
            0.0,
        ),
    ]


@pytest.mark.parametrize("stretch", [1.0, 4.1 / 3.0, 5.9 / 3.0])
@pytest.mark.parametrize(("name", "f", "exact"), _smooth_ends())
def test_f_near_its_domain_end_is_answered(
    name: str, f: Callable[[float], float], exact: float, stretch: float
) -> None:
    """The end at ``3e-5`` times ``stretch``: between the walk's steps 2**-15 and 2**-14."""
    result = limit(lambda x: f(x / stretch), 0.0, side="right", full_output=True)
    assert result.converged, name
    assert abs(result.value - exact) <= 2 * result.error + 1e-300, name
