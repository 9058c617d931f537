"""Singular points a search reached only at floats where f is finite (session 31).

INTINF (session 30) split an infinite interval at a float of x where f fails,
trying f at the float of x the search in the map's variable t closed in on and
at 8 floats either side (`calcweb._integrate._failing_float`). Near 0 the floats
of t map onto x some 16 to 128 floats of x apart, so where the singular point c
lies within ~0.12 of 0 no float tried failed and the run was refused
(intinfscan's 5 refusals left at seeds 1-4). Since session 31 f's top is sought
in x between the images of the floats of t around the search's top
(`calcweb._integrate._peak_between`, a golden-section search in the floats'
order). Exact values: mpmath at 30 digits with x = c -+ u**k on each side of c
(bench/scans/intinfscan.py's `exact`). And where f is finite at every float
next to the point (between two floats, or given a finite value there), the
interval is split there all the same (`calcweb._integrate._Panels.singular_point`).
"""

from __future__ import annotations

import math

import pytest

import calcweb
from calcweb._integrate import _growth_readings, _peak_between

CASES = [
    # c, p, decay, a, b, tol, exact (intinfscan seeds 1-3: each refused before,
    # estimated errors 1.3e-3, 0.099, 0.044; true errors now 5.9e-14, 9.2e-14, 1.4e-14)
    (0.11533540503286765, 0.6003459633798224, "gauss", -math.inf, 1.2265961452389678,
     7.422482177031543e-09, 4.497721724889945),
    (0.02177850479793242, 0.8327558493847849, "cauchy", -0.5778393903586203, math.inf,
     6.0608952264857725e-12, 11.390863156043409),
    (-0.006382181939791787, 0.4118907245830481, "gauss", -0.9974538936499546, math.inf,
     4.875756659658373e-12, 2.928159390767659),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_a_singular_point_near_0_is_found_in_x_and_split_at(
    case: tuple[float, float, str, float, float, float, float],
) -> None:
    c, p, decay, a, b, tol, exact = case

    def f(x: float) -> float:
        s = math.exp(-x * x) if decay == "gauss" else 1.0 / (1.0 + x * x)
        return abs(x - c) ** -p * s

    result = calcweb.integrate(f, a, b, tol=tol, full_output=True)
    assert result.converged, result.message
    assert result.message.startswith(f"f fails or is infinite at x={c!r}, "), result.message
    assert abs(result.value - exact) <= 2 * result.error


def test_the_search_in_x_closes_in_on_the_float_where_f_fails() -> None:
    c = -0.006382181939791787
    low, high = -0.006382181939793452, -0.00638218193979001  # 3,968 floats apart
    calls: list[float] = []

    def f(x: float) -> float:
        calls.append(x)
        return abs(x - c) ** -0.41

    assert _peak_between(f, low, high) == (c, len(calls))
    assert len(calls) < 24  # golden section: log(3968) / log(1.618) = 17 steps


# 1/3 - 0.3333333333333333 (the float), by mpmath: c = 1/3 lies between two floats,
# and f = |(x - 1/3) - LOW|**-p is finite at every float (session 31, INTSING2).
LOW = 1.8503717077085926e-17


@pytest.mark.parametrize(
    ("p", "exact"), [(0.5, 2.7876937002347035), (0.95, 38.529633759054306)]
)  # ((1/3)**(1 - p) + (2/3)**(1 - p)) / (1 - p), mpmath at 30 digits
def test_a_power_singularity_between_floats_is_split_at_its_top(p: float, exact: float) -> None:
    # Refused before (p = 0.5: 1,732 calls, 1.46e-6 claimed, true error 3.3e-7).
    result = calcweb.integrate(lambda x: abs((x - 1 / 3) - LOW) ** -p, 0.0, 1.0, full_output=True)
    assert result.converged, result.message
    assert result.message.startswith("bisection closed in on x=0.3333333333333333, "), (
        result.message
    )
    assert abs(result.value - exact) <= 2 * result.error


@pytest.mark.parametrize("absolute", [False, True])
def test_a_pole_between_floats_is_refused_as_diverging(absolute: bool) -> None:
    # |f| grows as |x - c|**-1 (`_growth_readings`): not split (split, each side took
    # thousands of calls to be refused: 7,605 in all); refused as diverging there at
    # once (session 32: unsplit, it took 1,736 calls to be refused for subintervals
    # narrower than floats).
    def f(x: float) -> float:
        d = (x - 1 / 3) - LOW
        return 1 / abs(d) if absolute else 1 / d

    result = calcweb.integrate(f, 0.0, 1.0, full_output=True)
    assert not result.converged
    assert result.message.startswith(
        "the integral probably diverges at x=0.3333333333333333: f grows towards it as "
        "|x - c|**-1.000, c within an ulp of x"
    ), result.message
    assert result.nfev < 300


def test_the_growth_exponent_next_to_a_point_between_floats() -> None:
    readings, calls = _growth_readings(lambda x: abs((x - 1 / 3) - LOW) ** -0.95, 1 / 3)
    assert readings == [pytest.approx(0.95, abs=2e-3)] * 4
    assert calls == 8
    readings, _ = _growth_readings(lambda x: 1 / ((x - 1 / 3) - LOW), 1 / 3)
    assert readings == [pytest.approx(1.0, abs=2e-3)] * 4


def test_a_large_smooth_term_does_not_hide_the_growth() -> None:
    # From |f| at two distances, 1/|x*x - 2| + 1e12 read p = 0.52 next to sqrt(2), and
    # was split: each side refused, 16,206 calls in all; from f's differences, 1.0.
    readings, _ = _growth_readings(lambda x: 1 / abs(x * x - 2) + 1e12, math.sqrt(2))
    assert min(readings) > 0.998
    result = calcweb.integrate(lambda x: 1 / abs(x * x - 2) + 1e12, 0.0, 2.0, full_output=True)
    assert not result.converged
    assert result.message.startswith("the integral probably diverges at x=1.414213562373095")
    assert result.nfev < 400  # 304
