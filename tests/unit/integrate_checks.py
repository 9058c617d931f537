"""What the tests of integrate's divergence and convergence share: a call on [0, 1], a table."""

from __future__ import annotations

from collections.abc import Callable

from calcweb import IntegrationResult, integrate
from calcweb._integrate import _Epsilon


def result_of(f: Callable[[float], float], tol: float) -> IntegrationResult:
    """integrate(f, 0, 1, tol=tol, full_output=True)."""
    result = integrate(f, 0.0, 1.0, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    return result


def table_of(elements: list[float]) -> _Epsilon:
    """An epsilon table given ``elements`` one by one, as the extrapolation adds its sums."""
    table = _Epsilon()
    for element in elements:
        table.add(element)
    return table
