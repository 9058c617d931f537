"""An integrand odd about the interval's centre: its symmetric sums are 0, integrable or not.

The adaptive rule bisects symmetric panels, whose sums of an odd ``f``
cancel at every stage, so ``x/(1 + x**2)`` on the whole line was answered
0 +- 3.3e-13 (converged, 21 evaluations) although each half diverges like
``log x``; so were ``sin``, ``atan`` and ``tanh`` on the whole line and
``x/(1 - x**2)`` on [-1, 1]. Where the first panel shows an odd ``f`` whose
odd part it does not resolve, the half to the right of the centre is
integrated on its own (`calcweb._integrate._checked_half`): the integral
exists only if that one does. Each divergent case below was converged
before; each convergent one must stay answered, 0 within its error.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import IntegrationResult, NumericalError, integrate

INF = math.inf

DIVERGENT: list[tuple[str, Callable[[float], float], float, float]] = [
    ("x/(1+x^2) on R", lambda x: x / (1 + x * x), -INF, INF),
    ("x^3/(1+x^4) on R", lambda x: x**3 / (1 + x**4), -INF, INF),
    ("x/(1+x^2)^0.75 on R", lambda x: x / (1 + x * x) ** 0.75, -INF, INF),
    ("sin on R", math.sin, -INF, INF),
    ("atan on R", math.atan, -INF, INF),
    ("tanh on R", math.tanh, -INF, INF),
    ("x/sqrt(1+x^2) on R", lambda x: x / math.sqrt(1 + x * x), -INF, INF),
    ("x/(1-x^2) on [-1, 1]", lambda x: x / (1 - x * x), -1.0, 1.0),
    ("1 + x/(1-x^2) on [-1, 1]", lambda x: 1 + x / (1 - x * x), -1.0, 1.0),
    ("(x-1/2)/(9/4-(x-1/2)^2) on [-1, 2]", lambda x: (x - 0.5) / (2.25 - (x - 0.5) ** 2), -1, 2),
]

CONVERGENT: list[tuple[str, Callable[[float], float], float, float]] = [
    ("x/(1+x^2)^1.5 on R", lambda x: x / (1 + x * x) ** 1.5, -INF, INF),
    ("x/(1+x^2)^2 on R", lambda x: x / (1 + x * x) ** 2, -INF, INF),
    ("x exp(-x^2) on R", lambda x: x * math.exp(-x * x), -INF, INF),
    ("sin(20x) on [-1, 1]", lambda x: math.sin(20 * x), -1.0, 1.0),
    ("x/(1+x^2) on [-1e6, 1e6]", lambda x: x / (1 + x * x), -1e6, 1e6),
    ("sin on [-1, 1]", math.sin, -1.0, 1.0),
    ("x^3 on [-2, 2]", lambda x: x**3, -2.0, 2.0),
]


@pytest.mark.parametrize(("name", "f", "a", "b"), DIVERGENT, ids=[c[0] for c in DIVERGENT])
def test_an_odd_integrand_whose_halves_diverge_is_not_converged(
    name: str, f: Callable[[float], float], a: float, b: float
) -> None:
    result = integrate(f, a, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged, (name, result)
    with pytest.raises(NumericalError):
        integrate(f, a, b)


@pytest.mark.parametrize(("name", "f", "a", "b"), CONVERGENT, ids=[c[0] for c in CONVERGENT])
def test_an_odd_integrand_whose_halves_converge_is_answered(
    name: str, f: Callable[[float], float], a: float, b: float
) -> None:
    result = integrate(f, a, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged, (name, result)
    assert abs(result.value) <= 2 * result.error + 1e-300  # the integral is 0


def test_the_message_names_the_centre_and_the_half() -> None:
    result = integrate(lambda x: x / (1 - x * x), -1.0, 1.0, full_output=True)
    assert "looks odd about x=0.0" in result.message
    assert "from x=0.0 to x=1.0" in result.message
    shifted = integrate(lambda x: 1 + x / (1 - x * x), -1.0, 1.0, full_output=True)
    assert "(plus a smooth even part), so the sums over its two halves cancel, leaving 2;" in (
        shifted.message
    )


def test_an_even_integrand_is_not_checked_twice() -> None:
    # 1/(1 + x**2) on the whole line: not odd, one run as before (21 nodes and more).
    plain = integrate(lambda x: 1 / (1 + x * x), -INF, INF, full_output=True)
    assert isinstance(plain, IntegrationResult)
    assert abs(plain.value - math.pi) < 1e-12
    assert "odd" not in plain.message
