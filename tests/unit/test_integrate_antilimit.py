"""A divergent integral is not answered with its finite part (issue 13).

At an end where ``f`` is not integrable (``x**-p``, ``p > 1``) each halving
of the chain's panel adds a larger share to the sums, so they move away
from whatever the epsilon table extrapolates: its limit is an antilimit
(the finite part), however well the table settles on it. `_Epsilon.add`
gave such a limit no error (`_Epsilon._receding`) except on its path for a
column of three equal entries, whose limit came with the column's spread
alone. Where a large regular oscillation makes the sums small next to the
first panel's integral of ``|f|``, `_Extrapolated.finish` skips qagse's
divergence test (as qagse does), so nothing refused it:
``x**-1.05 + 1e5 cos(2 pi x)`` on ``[0, 1]`` was -20.000000000004 +- 7.2e-8,
converged, from sums 69.0, 72.1, 75.4, 78.7, 82.2 that grow by 2**0.05 of
their distance from -20 at each halving. Now that column sets
`_Epsilon.antilimit`, and `finish` names the divergence.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import pytest

from calcweb import IntegrationResult, integrate
from calcweb._integrate import _Epsilon


def result_of(f: Callable[[float], float], a: float, b: float, tol: float) -> IntegrationResult:
    result = integrate(f, a, b, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    return result


def wave(x: float) -> float:
    return 1e5 * math.cos(2.0 * math.pi * x)


DIVERGENT = [
    # The finite parts -1/0.05 and 0.5/0.05 + 1/0.95, answered before with
    # converged=True after 1535 and 4139 evaluations; refused as divergent after
    # those at first (`_Epsilon.antilimit`), and now sooner, as soon as the sums
    # leave the finite part by one ratio (`_Epsilon._leaving`).
    pytest.param(lambda x: x**-1.05 + wave(x), -20.0, 317, id="x^-1.05 + 1e5 cos"),
    pytest.param(
        lambda x: (x - 0.5) * x**-1.05 + wave(x),
        10.0 + 1 / 0.95,
        779,
        id="(x-0.5) x^-1.05 + 1e5 cos",
    ),
]


@pytest.mark.parametrize(("f", "finite_part", "nfev"), DIVERGENT)
def test_a_divergence_under_a_large_oscillation_is_refused(
    f: Callable[[float], float], finite_part: float, nfev: int
) -> None:
    result = result_of(f, 0.0, 1.0, 1e-8)
    assert not result.converged, (result.value, result.error)
    if sys.platform == "emscripten":
        # Pyodide's libm rounds cos otherwise: the table takes another path there, and
        # the call is refused for rounding after about 15,600 evaluations instead.
        return
    assert result.message.startswith("the integral probably diverges: the sums over")
    assert result.value == pytest.approx(finite_part, rel=1e-9)
    assert result.nfev == nfev


INTEGRABLE = [
    # integral 1/0.05 = 20 (the wave integrates to 0 over a period)
    pytest.param(lambda x: x**-0.95 + wave(x), 20.0, id="x^-0.95 + 1e5 cos"),
    # 1/1.05 - 0.5/0.05 = -9.047619047619047
    pytest.param(
        lambda x: (x - 0.5) * x**-0.95 + wave(x), 1 / 1.05 - 10.0, id="(x-0.5) x^-0.95 + 1e5 cos"
    ),
]


@pytest.mark.parametrize(("f", "exact"), INTEGRABLE)
def test_an_integrable_singularity_under_a_large_oscillation_is_answered(
    f: Callable[[float], float], exact: float
) -> None:
    result = result_of(f, 0.0, 1.0, 1e-8)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2 * result.error


def test_sums_that_recede_from_a_settled_column_make_an_antilimit() -> None:
    # -20 + 2**n: Aitken's column is -20 exactly, three times over, and the
    # sums double their distance from it at each step (a divergence's law).
    table = _Epsilon()
    for n in range(8):
        limit, error = table.add(-20.0 + 2.0**n)
    assert (limit, error) == (-20.0, 5 * 2.0**-52 * 20.0)
    assert table.antilimit
    # -20 + 2**-n converges onto the same column.
    table = _Epsilon()
    for n in range(8):
        limit, error = table.add(-20.0 + 2.0**-n)
    assert (limit, error) == (-20.0, 5 * 2.0**-52 * 20.0)
    assert not table.antilimit


def test_sums_settled_to_rounding_do_not_recede() -> None:
    # Sums that flicker by a few ulps about 1: a column settles on 1 + 5 ulps,
    # from which the last four are 1, 3, 3 and 3 ulps away. The step from 1
    # to 3 is within the column's error (5 ulps), not a recession.
    ulp = 2.0**-52
    table = _Epsilon()
    for k in (-2, 3, 6, 2, 8, 2):
        limit, error = table.add(1.0 + k * ulp)
    assert limit == 1.0 + 5 * ulp
    assert error == pytest.approx(5 * ulp, rel=1e-3, abs=0.0)
    assert table._receding(limit)  # with no allowance for rounding
    assert not table.antilimit
