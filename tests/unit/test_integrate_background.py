"""A narrow peak on a background, and intervals a few ulps wide: no false convergence (issue 13).

A peak that one node of a panel sees, on a background such as ``cos x`` or
1, was lost by bisection: neither half's nodes saw it, their Gauss and
Kronrod sums agreed to 1e-15, and the largest ``|f|`` the parent saw (peak
plus background) was not twice the halves' own (the background alone), so
`integrate` returned the background's integral with ``converged=True`` and
an error up to 1e11 times too small (each reproducer below did, at
34eca2f; ``bench.honesty integrate-peaks`` and ``integrate-infinite`` draw
such cases). Now each half's samples must predict the parent's samples
inside it by interpolation (`calcweb._gauss_kronrod.missed`). On an interval
one ulp wide every node rounds to the same float, and ``f`` looked constant.
The exact values are closed forms (erf, Gamma): no mpmath, so the file also
runs in Pyodide.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import IntegrationResult, NumericalError, integrate
from calcweb._gauss_kronrod import (
    K21,
    Panel,
    _collapsed,
    collapsed,
    gauss_kronrod,
    missed,
    positions,
)


def gaussian_mass(c: float, w: float, a: float, b: float) -> float:
    """The integral of ``exp(-((x - c)/w)**2)`` over ``[a, b]``."""
    return w * math.sqrt(math.pi) / 2 * (math.erf((b - c) / w) - math.erf((a - c) / w))


def sech2(t: float) -> float:
    """sech(t)**2 without overflow, as bench.honesty's."""
    s = math.exp(-2.0 * abs(t))
    return 4.0 * s / ((1.0 + s) * (1.0 + s))


# (f, a, b, tol, exact): converged=True, the true error this many times the reported one, before.
REPRODUCERS = [
    pytest.param(
        lambda x: math.exp(-(((x - 0.9323838930623449) / 0.000522) ** 2)) + math.cos(x),
        0.0,
        1.0,
        1e-10,
        gaussian_mass(0.9323838930623449, 0.000522, 0.0, 1.0) + math.sin(1.0),
        id="peak on cos x, 9.8e10x",
    ),
    pytest.param(
        lambda x: math.exp(-(((x - 658.1243322375018) / 0.0569) ** 2)) + 1.0,
        -2.68,
        706.0,
        1e-10,
        706.0 + 2.68 + gaussian_mass(658.1243322375018, 0.0569, -2.68, 706.0),
        id="peak on 1, wide interval, 1.3e10x",
    ),
    pytest.param(
        lambda x: (1 + x * x) ** -2.43 + math.exp(-(((x + 2.028) / 0.0133) ** 2)),
        -math.inf,
        math.inf,
        2.8e-8,
        math.sqrt(math.pi) * math.gamma(2.43 - 0.5) / math.gamma(2.43)
        + 0.0133 * math.sqrt(math.pi),
        id="peak on (1 + x^2)^-2.43 over R, 1.1e6x",
    ),
    pytest.param(
        lambda x: math.exp(-(((x - 19.51651024587882) / 0.0129) ** 2)) + math.cos(x),
        -1.87,
        52.9,
        1.4e-5,
        gaussian_mass(19.51651024587882, 0.0129, -1.87, 52.9) + math.sin(52.9) - math.sin(-1.87),
        id="peak on cos x over many periods, 2.5e5x",
    ),
    # The panel that misses the peak is among the smallest, whose error the
    # epsilon extrapolation (of a chain onto an end) claimed to model.
    pytest.param(
        lambda x: math.exp(-(((x + 18.94) / 0.0152) ** 2)) + (1 + x * x) ** -2.06,
        -math.inf,
        math.inf,
        5.8e-12,
        math.sqrt(math.pi) * math.gamma(2.06 - 0.5) / math.gamma(2.06)
        + 0.0152 * math.sqrt(math.pi),
        id="peak on (1 + x^2)^-2.06 over R, extrapolated, 2.3e11x",
    ),
    pytest.param(
        lambda x: (
            sech2((x - 84.39327057623812) / 4.56)
            + math.exp(-(((x - 83.1186014548255) / 0.038) ** 2))
        ),
        -122.0,
        84.4,
        3.5e-6,
        4.56 * (math.tanh((84.4 - 84.39327057623812) / 4.56) + 1.0)
        + gaussian_mass(83.1186014548255, 0.038, -122.0, 84.4),
        id="peak on sech^2 next to the end, extrapolated, 1.5e4x",
    ),
    # The smallest panel at the end found the peak (error 0.36 where its
    # parent claimed 3.7e-10), and the extrapolation took it for the chain.
    pytest.param(
        lambda x: (1 + x * x) ** -2.32 + math.exp(-(((x + 8.227) / 0.0842) ** 2)),
        -math.inf,
        math.inf,
        2.2e-12,
        math.sqrt(math.pi) * math.gamma(2.32 - 0.5) / math.gamma(2.32)
        + 0.0842 * math.sqrt(math.pi),
        id="peak found by the smallest panel over R, extrapolated, 1e11x",
    ),
    # Only the node at -162.5589 of [-183, -89.5] saw the peak, at 0.0017 of
    # its height; its half [-183, -136.25] (7.4 periods of cos x) predicts it
    # within its large resolution (0.22 of 3.96), and its halves were checked
    # against its nodes only ([-183, -159.6] would pass it too: 0.0016 of
    # 0.46); the panel that resolves f there, [-171.3, -159.6] (resolution
    # 3.3e-7), the great-grandchild of [-183, -89.5], would miss it by 0.0017
    # (integrate-peaks seed 1).
    pytest.param(
        lambda x: math.exp(-(((x + 162.70646430250355) / 0.0584) ** 2)) + math.cos(x),
        -183.0,
        191.0,
        1.7e-5,
        gaussian_mass(-162.70646430250355, 0.0584, -183.0, 191.0)
        + math.sin(191.0)
        - math.sin(-183.0),
        id="peak seen by a great-grandparent's node only, 1.25e6x",
    ),
]


@pytest.mark.parametrize(("f", "a", "b", "tol", "exact"), REPRODUCERS)
def test_a_peak_on_a_background_is_found(
    f: Callable[[float], float], a: float, b: float, tol: float, exact: float
) -> None:
    result = integrate(f, a, b, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - exact) <= 2 * result.error + 4 * math.ulp(exact)
    assert abs(result.value - exact) <= tol * max(1.0, abs(exact))


def right_half_points(parent: Panel) -> list[tuple[float, float]]:
    """The parent's samples in the right half, at ``u = 2 p - 1`` in the half's coordinates."""
    nodes = positions(K21)
    middle = len(nodes) // 2
    return [(2.0 * nodes[i] - 1.0, parent.samples[i]) for i in range(middle, len(nodes))]


def test_a_half_that_misses_its_parents_peak_is_caught() -> None:
    def f(x: float) -> float:
        return math.exp(-(((x - 0.9323838930623449) / 0.000522) ** 2)) + math.cos(x)

    parent, half = gauss_kronrod(f, 0.0, 1.0), gauss_kronrod(f, 0.5, 1.0)
    index, miss = missed(K21, half, right_half_points(parent))
    assert index >= 0
    assert 0.9 < miss < 0.95  # the peak's height at the parent's node, about 0.92


@pytest.mark.parametrize(
    "f",
    [math.cos, math.exp, lambda x: 1 / (1 + 25 * x * x), lambda x: abs(x - 0.7) ** 1.5],
    ids=["cos", "exp", "runge", "kink"],
)
def test_a_resolved_half_predicts_its_parents_samples(f: Callable[[float], float]) -> None:
    parent, half = gauss_kronrod(f, 0.0, 1.0), gauss_kronrod(f, 0.5, 1.0)
    assert missed(K21, half, right_half_points(parent)) == (-1, 0.0)


def test_an_interval_one_ulp_wide_is_not_claimed() -> None:
    # Every node rounds to c: f looked constant, 0.015625 +- 1.7e-16 against 0.0155036 (7e11x).
    c = 7.338e13
    b = c + math.ulp(c)
    result = integrate(lambda x: math.exp(-(x - c)), c, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    exact = -math.expm1(-(b - c))
    assert not result.converged or abs(result.value - exact) <= 2 * result.error


def test_collapsed_nodes() -> None:
    c = 7.338e13
    assert _collapsed(c + math.ulp(c) / 2, math.ulp(c) / 2, K21.nodes[:-1])
    assert not _collapsed(0.5, 0.5, K21.nodes[:-1])
    assert not _collapsed(c + 32 * math.ulp(c), 32 * math.ulp(c), K21.nodes[:-1])


def test_an_interval_one_ulp_wide_is_refused_whatever_tol_with_a_message_saying_so() -> None:
    # A larger tol cannot help there: the message must not suggest one.
    b = math.nextafter(1.0, 2.0)
    for tol in (1e-10, 1e-2):
        with pytest.raises(NumericalError, match="about one ulp wide") as caught:
            integrate(math.exp, 1.0, b, tol=tol)
        assert "larger tol" not in str(caught.value)
    assert collapsed(K21, 1.0, b)
    assert not collapsed(K21, 1.0, 1.0 + 2.0**-40)
