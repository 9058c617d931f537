"""Limits that do not exist, a small oscillation hidden behind a decaying part (LIMOSC).

f between the walk's steps is judged against the trend of the steps about it
(`limits._off_the_grid`); a depth where that trend is too coarse to show an
oscillation the size of the departures seen deeper does not clear f. Before,
one quiet depth cleared it: ``1/sqrt(n) + (-1)**int(n)/10**4`` at infinity was
0.0001 +- 9.8e-18 and ``sqrt(x) + cos(2 pi/x)/10**6`` at 0+ 1.0000000000172735e-06
+- 2.1e-14, converged, as if these limits existed.
"""

import math
from collections.abc import Callable

import pytest

import calcweb as cw
from calcweb import LimitResult

Family = Callable[[float], Callable[[float], float]]

# name: (f with an oscillation of amplitude c, x0, side); every limit is 0 at c = 0.
CASES: dict[str, tuple[Family, float, str]] = {
    "1/sqrt(n) + c (-1)**int(n)": (
        lambda c: lambda n: 1 / math.sqrt(n) + c * (-1) ** int(n),
        math.inf,
        "both",
    ),
    "sqrt(x) + c cos(2 pi/x)": (
        lambda c: lambda x: math.sqrt(x) + c * math.cos(2 * math.pi / x),
        0.0,
        "right",
    ),
    "log(n)/n + c (-1)**int(n)": (
        lambda c: lambda n: math.log(n) / n + c * (-1) ** int(n),
        math.inf,
        "both",
    ),
}


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("c", [1e-4, 1e-6])
def test_a_small_oscillation_behind_a_decaying_part_is_refused(name: str, c: float) -> None:
    family, x0, side = CASES[name]
    with pytest.raises(cw.NumericalError, match="f between the points sampled is far off them"):
        cw.limit(family(c), x0, side=side)


@pytest.mark.parametrize("name", CASES)
def test_the_decaying_part_alone_keeps_its_limit(name: str) -> None:
    family, x0, side = CASES[name]
    result = cw.limit(family(0.0), x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, (name, result.message)
    assert abs(result.value) <= 2.0 * result.error + 1e-300, name
