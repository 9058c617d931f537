"""Sums that approach a divergent integral's finite part are not a convergence (issue 13).

For ``(log x + c)/x**p`` with ``p`` slightly above 1 the sums of the chain
at 0 are ``F + (a + b n) q**n`` with ``q = 2**(p - 1) > 1``: they approach
the finite part ``F`` with steps that grow (by about ``q`` each), pass it
some halvings later and leave. The epsilon table finds ``F`` early, and the
sums do not recede from it yet (`_Epsilon._receding`); under a large
oscillation, which makes the sums small next to the integral of ``|f|``,
qagse's divergence test is skipped, so ``F`` was answered with
``converged=True`` (INT6's scan of divergent integrals plus
``M cos(2 pi k x)``, ``bench/scans/oscscan.py``). The steps' own model tells:
two rates fitted to the last four steps, whose product is at least 1 only
if the steps do not die out (`_Epsilon._diverging`).
"""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Callable

import pytest
from integrate_checks import result_of, table_of

from calcweb._integrate import _Epsilon


def log_power(p: float, c: float, m: float, k: int) -> Callable[[float], float]:
    return lambda x: (math.log(x) + c) / x**p + m * math.cos(2.0 * math.pi * k * x)


DIVERGENT = [
    # oscscan seed 1 (draws 2 of 4 accepted before): the finite part
    # -(1/s)(1/s + c), s = p - 1, with the error the table gave it.
    pytest.param(
        log_power(1.0773751220987744, 2.2298018187029625, 12224.060172795713, 1),
        1.4449335134348773e-06,
        -195.8491579221005,
        id="(log x + 2.23)/x^1.077 + 12224 cos",
    ),
    pytest.param(
        log_power(1.0377080190065024, 0.6697689226299628, 1861.9991335581453, 1),
        2.015614925946338e-07,
        -721.0489364173458,
        id="(log x + 0.67)/x^1.038 + 1862 cos",
    ),
    # oscscan seed 2
    pytest.param(
        log_power(1.0194828846991784, 2.889875857383467, 9544.48930570611, 2),
        2.317024549707191e-05,
        -2782.800296910556,
        id="(log x + 2.89)/x^1.019 + 9544 cos(4 pi x)",
    ),
    pytest.param(
        log_power(1.0241419700749375, 1.0562998877373129, 4801.088859503237, 1),
        1.307179559927216e-05,
        -1759.505957321337,
        id="(log x + 1.06)/x^1.024 + 4801 cos",
    ),
]


@pytest.mark.parametrize(("f", "tol", "finite_part"), DIVERGENT)
def test_sums_approaching_a_finite_part_with_growing_steps_diverge(
    f: Callable[[float], float], tol: float, finite_part: float
) -> None:
    result = result_of(f, tol)
    assert not result.converged, (result.value, result.error)
    if sys.platform == "emscripten":
        # Pyodide's libm rounds cos and pow otherwise: the table may take another path.
        return
    assert result.message.startswith("the integral probably diverges: the sums over")
    assert result.value == finite_part  # the old answer, now refused
    assert result.nfev == 401  # only the verdict changed


INTEGRABLE = [
    # The same shapes with p below 1: -1/(1 - p)**2 + c/(1 - p).
    pytest.param(0.93, 2.2298018187029625, 12224.060172795713, 1, 1.4e-6, id="p=0.93"),
    pytest.param(0.97, 0.67, 1862.0, 1, 2e-7, id="p=0.97"),
    pytest.param(0.98, 2.89, 9544.49, 2, 2.3e-5, id="p=0.98"),
    pytest.param(0.96, 1.056, 4801.09, 1, 1.3e-5, id="p=0.96"),
    pytest.param(0.9, 1.0, 1e3, 3, 1e-10, id="p=0.9"),
]


@pytest.mark.parametrize(("p", "c", "m", "k", "tol"), INTEGRABLE)
def test_the_integrable_mirrors_stay_answered(
    p: float, c: float, m: float, k: int, tol: float
) -> None:
    result = result_of(log_power(p, c, m, k), tol)
    exact = -1.0 / (1.0 - p) ** 2 + c / (1.0 - p)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2.0 * result.error


def confluent(q: float, a: float, b: float, n: int = 12) -> list[float]:
    """``-20 + (a + b k) q**k``, k = 0..n-1: a chain's sums at an end with a log factor."""
    return [-20.0 + (a + b * k) * q**k for k in range(n)]


@pytest.mark.parametrize("q", [1.0551, 1.0265, 1.01])
def test_growing_steps_towards_a_limit_at_a_rate_above_1_diverge(q: float) -> None:
    # Approaching -20 from above with growing steps: (a + b k) falls to 0 at k = 15.
    elements = confluent(q, 15.0, -1.0)
    steps = [later - earlier for earlier, later in itertools.pairwise(elements)]
    assert all(abs(later) > abs(earlier) for earlier, later in itertools.pairwise(steps))
    assert all(abs(element + 20.0) < 15.0 for element in elements[1:])  # nearer each time
    table = table_of(elements)
    # Their fixed point is -20 to within 8e-7 (for q = 1.01: 1 - A - B = (1 - q)**2).
    assert table._diverging(-20.0, 1e-5)


@pytest.mark.parametrize("r", [0.02, 0.05, 0.1])
def test_growing_steps_at_a_double_rate_below_1_converge(r: float) -> None:
    # x**(r - 1) log x: the sums are S - (1/r**2 + k log(2)/r) q**k, q = 2**-r, and
    # their steps grow while k < 1/(r log 2) (14 for r = 0.1, 72 for r = 0.02).
    q = 2.0**-r
    elements = confluent(q, -1.0 / r**2, -math.log(2.0) / r, n=8)
    steps = [later - earlier for earlier, later in itertools.pairwise(elements)]
    assert abs(steps[-1]) > abs(steps[-2])
    table = table_of(elements)
    assert not table._diverging(-20.0, 1e-9)


def test_two_rates_below_1_whose_steps_cancel_at_first_converge() -> None:
    # 0.9**k - 0.8**k: steps 0, 0.1, 0.17, 0.217, ... grow, and die out.
    table = table_of([1.0 + 0.9**k - 0.8**k for k in range(6)])
    assert not table._diverging(1.0, 1e-9)


def test_two_rates_that_miss_the_limit_are_not_the_model() -> None:
    # integrate-singular seed 1, draw 77: x**a log(x)**b + (1 - x)**p on [0, 1] with p
    # near -1 (728882.05, right): the sums of both ends fit rates 1.0147 +- 0.012i
    # (product 1.0296), whose fixed point is 10354.8, not the table's limit.
    table = _Epsilon()
    table.last_five = [
        4998.5287934224425,
        5354.317834236467,
        5724.699937310468,
        6109.804752569042,
        6509.753766956651,
    ]
    assert not table._diverging(728882.4066519529, 261.0)
    # The same steps about their own fixed point would diverge.
    assert table._diverging(10354.778644169633, 1e-6)


def test_steps_that_shrink_or_sit_within_the_error_are_not_judged() -> None:
    table = table_of(confluent(1.0551, 15.0, -1.0))
    assert table._diverging(-20.0, 1e-9)
    assert not table._diverging(-20.0, math.inf)  # the last step is within the limit's error
    table = table_of([1.0 - 0.5**k for k in range(8)])  # the steps shrink
    assert not table._diverging(1.0, 1e-9)
    assert not table_of([1.0, 2.0, 3.0, 4.0])._diverging(5.0, 0.0)  # fewer than five elements


# ------------------------------------------------------------ sums that leave by one ratio

# x**-p, p > 1, on [0, 1]: the sums are -1/(p - 1) + c 2**((p - 1) n), leaving the finite part
# by one ratio. They were refused only when rounding stopped the run (10,271 evaluations for
# x**-1.05 at the default tol, 15,857 at 1e-8; 5,735 for x**-1.1), or by qagse's test after
# 4,517 (x**-1.01) or 569 (x**-1.5); scipy.integrate.quad says ier=5 ('probably divergent')
# after 231.
POWERS = [
    pytest.param(1.05, 1e-10, 233, id="x^-1.05"),
    pytest.param(1.01, 1e-10, 275, id="x^-1.01"),
    pytest.param(1.1, 1e-10, 233, id="x^-1.1"),
    pytest.param(1.5, 1e-10, 233, id="x^-1.5"),
    pytest.param(1.05, 1e-6, 233, id="x^-1.05 at 1e-6"),
]


@pytest.mark.parametrize(("p", "tol", "nfev"), POWERS)
def test_sums_that_leave_the_finite_part_by_one_ratio_are_refused_soon(
    p: float, tol: float, nfev: int
) -> None:
    result = result_of(lambda x: x**-p, tol)
    assert not result.converged
    if sys.platform == "emscripten":  # Pyodide's pow may round otherwise: another path
        return
    assert result.message.startswith("the integral probably diverges: the sums over")
    assert result.value == pytest.approx(-1.0 / (p - 1.0), rel=1e-12)
    assert result.nfev == nfev


def test_a_divergence_that_changes_sign_is_named_soon() -> None:
    # (x - 0.5)/x**1.05: rates 2**0.05 and 2**-0.95; once the second has died out
    # the sums leave 1/0.95 + 0.5/0.05 by one ratio (3,845 evaluations before, refused
    # for a stalled extrapolation; then 1,157, the finite part refused as
    # divergent by `_Epsilon._leaving`). The panel at 0, growing by those rates
    # at each halving, now stops the run sooner (`_Extrapolated.runaway_end`).
    result = result_of(lambda x: (x - 0.5) / x**1.05, 1e-10)
    assert not result.converged
    if sys.platform == "emscripten":  # Pyodide's pow may round otherwise: another path
        return
    assert result.message.startswith("the integral probably diverges at x=0.0: the subinterval")
    assert result.nfev <= 863


def leaving_after(elements: list[float], error: float) -> bool:
    table = table_of(elements[:-1])
    table.last_five = [*table.last_five[-4:], elements[-1]]
    return table._leaving(-20.0, error)


def test_one_ratio_above_1_leaves() -> None:
    elements = [-20.0 + 29.36 * 2 ** (0.05 * k) for k in range(5)]
    assert leaving_after(elements, 1e-12)
    # Towards the limit by one ratio: converging.
    assert not leaving_after([-20.0 + 29.36 * 2 ** (-0.05 * k) for k in range(5)], 1e-12)
    # Fewer than five.
    assert not table_of(elements[:4])._leaving(-20.0, 1e-12)


def test_sums_that_recede_by_orders_of_magnitude_do_not_leave() -> None:
    # A peak found at the end (test_integrate_hard's sums of a Gaussian 1.1e-5 from 1.57):
    # they recede from ~0, but not by one ratio; the run must go on to resolve it.
    sums = [
        1.0313080732213348e-65,
        7.9961770316510375e-19,
        1.9787038253190294e-07,
        7.369390864755738e-05,
        0.00018140370265335213,
    ]
    table = table_of(sums)
    assert not table._leaving(0.0, 1e-10)
    # Receding by ratios that differ by more than the error: no single ratio.
    assert not leaving_after([-20.0 + 29.36 * (1.03 + 0.01 * k) ** k for k in range(5)], 1e-6)


def test_a_limit_known_worse_than_the_distances_grow_says_nothing() -> None:
    # integrate-singular seed 3, call 604 (x**a log(x)**b + (1 - x)**p on [0, 1], 29019.44):
    # early sums 146.9 .. 324.3 about the limit -197.8 +- 2.04e4 of a table not settled
    # yet. Any ratio fits distances that small next to the error; taken as leaving,
    # the limit became the best and the run was refused for a stalled extrapolation.
    table = _Epsilon()
    table.last_five = [
        146.8804595899345,
        183.6947304068031,
        225.44577304006586,
        272.2670139150477,
        324.2682276139405,
    ]
    assert not table._leaving(-197.7666011549598, 2.04e4)
    assert not table._leaving(-197.7666011549598, 1e-9)  # no one ratio to 1e-9 either
