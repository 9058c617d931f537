"""integrate of f computed in a float coarser than float64 (numpy float32: 24 bits).

f is then a staircase of relative steps 2**-24, whose Legendre coefficients
stand at that level on every panel and never fall; judged against float64's
eps they looked like detail finer than the nodes, and every such integral was
refused (``x**3`` in float32 on [0, 2]: 3.99999999 +- 2.73 at any tol).
`calcweb._gauss_kronrod.rounding_unit` reads f's precision off its samples;
the panels' rounding is then that coarse: converged above that floor,
refused with advice below it, and no other integrand changes.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable

import pytest

import calcweb as cw
from calcweb._gauss_kronrod import K21, positions, rounding_unit


def _float32(v: float) -> float:
    rounded: float = struct.unpack("f", struct.pack("f", v))[0]
    return rounded


def _sin32(x: float) -> float:
    return _float32(math.sin(_float32(x)))


def _unit(f: Callable[[float], float], a: float, b: float) -> float:
    """`rounding_unit` of f at the nodes of K21 on [a, b]."""
    xs = [0.5 * (a + b) + 0.5 * (b - a) * u for u in positions(K21)]
    return rounding_unit(K21, [f(x) for x in xs], a, b)


def test_float32_values_have_a_float32_unit() -> None:
    assert _unit(_sin32, 0.1, 2.9) == 2.0**-23
    assert _unit(math.sin, 0.1, 2.9) == 2.0**-52


def test_a_grid_the_nodes_rounding_makes_is_not_f_s() -> None:
    # Values on a grid of ulp(1e6) = 2**-33: x's rounding, which the nodes' floor counts.
    assert _unit(lambda x: x - 1e6, 1e6, 1e6 + 1.0) == 2.0**-52


@pytest.mark.parametrize(
    "values",
    [
        [float(k) for k in range(21)],  # integers (floor): few bits, not rounded reals
        [62507.0, 62541.0, 62609.0, 65536.0, 65618.0, 63001.0],  # floor's, across 2**16
        [1.0] * 21,  # a constant
        [0.5, 0.25, 0.75, 1.25, 0.125, 3.5] * 3,  # exact binary fractions
        [_float32(0.1), _float32(0.7)] * 10,  # a float32 step: two values say nothing
    ],
)
def test_exact_values_keep_float64s_unit(values: list[float]) -> None:
    assert rounding_unit(K21, values, 0.0, 0.0) == 2.0**-52


def test_float32_integers_above_2_to_24_have_a_float32_unit() -> None:
    # All even integers.
    assert _unit(lambda x: _float32(math.exp(_float32(x))), 17.0, 19.0) == 2.0**-23


def test_float32_sin_is_answered_above_its_rounding() -> None:
    # True integral of the float32 function within 1e-7 of 1 - cos 2 (its steps,
    # 6e-8 of f, are all it differs by); was refused at every tol.
    result = cw.integrate(_sin32, 0.0, 2.0, tol=1e-5, full_output=True)
    assert result.converged, result
    exact = 1.0 - math.cos(2.0)
    assert abs(result.value - exact) <= 2.0 * result.error <= 1e-5 * 4, result


def test_float32_below_its_rounding_is_refused_with_advice() -> None:
    with pytest.raises(cw.NumericalError, match=r"float32 has 24.*compute it in float64"):
        cw.integrate(_sin32, 0.0, 2.0, tol=1e-10)
