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
    # Far from 0, where the nodes' rounding is large (`_jittered`): still checked.
    ("x/(1-x^2) shifted to 1e6", lambda x: (x - 1e6) / (1 - (x - 1e6) ** 2), 1e6 - 1, 1e6 + 1),
    # Odd about the centre of each right half in turn too (`_checked_half`'s
    # loop): each was 0 +- 1e-13 to 6e-11, converged, after 46 evaluations,
    # with the half from the centre checked but not its own halves.
    ("tan(pi x) on [-2, 2]", lambda x: math.tan(math.pi * x), -2.0, 2.0),
    ("tan(pi x) on [-8, 8]", lambda x: math.tan(math.pi * x), -8.0, 8.0),
    ("tan(pi x)**3 on [0, 4]", lambda x: math.tan(math.pi * x) ** 3, 0.0, 4.0),
    ("tan on [-2 pi, 2 pi]", math.tan, -2 * math.pi, 2 * math.pi),
    ("1/tan(pi x) on [-1.5, 2.5]", lambda x: 1 / math.tan(math.pi * x), -1.5, 2.5),
    (
        "sin(pi x)/|cos(pi x)|^1.5 on [-3, 5]",
        lambda x: math.sin(math.pi * x) / abs(math.cos(math.pi * x)) ** 1.5,
        -3.0,
        5.0,
    ),
]

CONVERGENT: list[tuple[str, Callable[[float], float], float, float]] = [
    ("x/(1+x^2)^1.5 on R", lambda x: x / (1 + x * x) ** 1.5, -INF, INF),
    ("x/(1+x^2)^2 on R", lambda x: x / (1 + x * x) ** 2, -INF, INF),
    ("x exp(-x^2) on R", lambda x: x * math.exp(-x * x), -INF, INF),
    ("sin(20x) on [-1, 1]", lambda x: math.sin(20 * x), -1.0, 1.0),
    ("x/(1+x^2) on [-1e6, 1e6]", lambda x: x / (1 + x * x), -1e6, 1e6),
    ("sin on [-1, 1]", math.sin, -1.0, 1.0),
    ("x^3 on [-2, 2]", lambda x: x**3, -2.0, 2.0),
    ("sin(pi x) on [-64, 64]", lambda x: math.sin(math.pi * x), -64.0, 64.0),
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


def test_the_message_names_each_centre_checked_in_turn() -> None:
    result = integrate(lambda x: math.tan(math.pi * x), -4.0, 4.0, full_output=True)
    assert not result.converged
    assert result.message.startswith(
        "f looks odd about x=0.0, the interval's centre (plus a smooth even part), so the "
        "sums over its two halves cancel, leaving 0; but that is the integral only if the "
        "integral over each half exists, and the half from x=0.0 to x=4.0 looks odd about "
        "x=2.0 in turn, and the half from x=2.0 to x=4.0 looks odd about x=3.0 in turn; "
        "integrated on its own, the integral from x=3.0 to x=4.0 was not found: the "
        "integral probably diverges at x=3.5000000000000004: f grows towards it as "
        "|x - c|**-1.003"
    ), result.message


@pytest.mark.parametrize(
    ("a", "b"),
    [(-3908535.172807476, -3908535.1727734646), (4427008.721982865, 4427008.721983069)],
)
def test_odd_coefficients_of_the_nodes_rounding_are_not_checked(a: float, b: float) -> None:
    # cos(x)**2 on intervals 7e4 and 400 ulps wide (intscan seeds 3 and 4):
    # the nodes' rounding jitters f by 1e-10, whose coefficients look odd and
    # flat about every centre; with each half checked in turn that went on to
    # a half one ulp wide, converged=False after 391 and 184 evaluations (the
    # right values, 4.17939274408519e-06 and 3.818221217545659e-08).
    result = integrate(lambda x: math.cos(x) ** 2, a, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged, result
    assert result.nfev == 23  # the first panel and its ends: no half checked


def test_an_even_integrand_is_not_checked_twice() -> None:
    # 1/(1 + x**2) on the whole line: not odd, one run as before (21 nodes and more).
    plain = integrate(lambda x: 1 / (1 + x * x), -INF, INF, full_output=True)
    assert isinstance(plain, IntegrationResult)
    assert abs(plain.value - math.pi) < 1e-12
    assert "odd" not in plain.message


STAIRS: list[tuple[str, Callable[[float], float], float, float, float]] = [
    # floor(0.7 x)/0.7 is -1/0.7, 0, 1/0.7 on [-1.218, 0), [0, 1/0.7), [1/0.7, 2.604]:
    # its 21 nodes mirror about the centre 0.6926, and it was 0 +- 4.2e-14.
    (
        "floor(0.7x)/0.7",
        lambda x: math.floor(0.7 * x) / 0.7,
        -1.2184512237807943,
        2.6037192082902063,
        (1 / 0.7) * (2.6037192082902063 - 1 / 0.7) - (1 / 0.7) * 1.2184512237807943,
    ),
    # round(3 x)/3 on [-0.2764, 0.2711]: -1/3 left of -1/6, 1/3 right of 1/6; 0 +- 8.4e-16.
    (
        "round(3x)/3",
        lambda x: round(3 * x) / 3,
        -0.27643983836709607,
        0.27110178848328537,
        (0.27110178848328537 - 1 / 6 - (0.27643983836709607 - 1 / 6)) / 3,
    ),
]


@pytest.mark.parametrize(("name", "f", "a", "b", "exact"), STAIRS, ids=[c[0] for c in STAIRS])
def test_a_staircase_odd_on_the_first_nodes_only_is_summed_by_halves(
    name: str, f: Callable[[float], float], a: float, b: float, exact: float
) -> None:
    # Odd on the first panel's nodes, but not odd: the half to the right converging
    # did not make the symmetric sum (0) the integral.
    result = integrate(f, a, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    if result.converged:
        assert abs(result.value - exact) <= 2 * result.error, (name, result)
