"""The error of the composite rules (``"trapezoid"``, ``"simpson"``) where ``f`` is not resolved.

Their error was the rule on ``n`` intervals against the same rule on ``n / 2``
(Richardson), which is right only when both resolve ``f``. ``1 + cos(256 pi
x)`` on ``[0, 1]`` with the default 128 intervals is 2 at every node (``cos(2 pi
k) = 1``): both rules gave 2.0, error 0.0, ``converged=True``, for 1.
A peak of width 1e-4 at a node gave 0.005208 +- 3.5e-4 for 1.77e-4 (14.5x).
Found by the held-out audit of session 11. No rule on these nodes can see an
alias, so with ``full_output=True`` the composite value is now measured
against the adaptive rule (other nodes, its own checks):
``|value - R| + error(R)``, and ``converged=False`` where the adaptive rule
does not converge or fails (`calcweb._integrate._measured`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import IntegrationResult, integrate

REASON = (
    "composite rules: the n vs n/2 Richardson estimate assumes both rules resolve f; an "
    "integrand aliased on the nodes (or narrower than their spacing) gets error 0 and "
    "converged=True"
)


@pytest.mark.parametrize(
    ("f", "method", "exact"),
    [
        (lambda x: 1.0 + math.cos(256.0 * math.pi * x), "trapezoid", 1.0),  # 2.0 +- 0.0
        (lambda x: 1.0 + math.cos(256.0 * math.pi * x), "simpson", 1.0),  # 2.0 +- 0.0
        (lambda x: math.sin(128.0 * math.pi * x) ** 2, "trapezoid", 0.5),  # 2.2e-28 +- 3.9e-30
        # 0.005208 +- 3.5e-4 (14.5x): a peak of width 1e-4 on a node
        (lambda x: math.exp(-(((x - 0.5) / 1e-4) ** 2)), "simpson", 1e-4 * math.sqrt(math.pi)),
    ],
    ids=["trapezoid-alias", "simpson-alias", "trapezoid-sin2", "simpson-narrow-peak"],
)
def test_composite_rule_is_honest_or_unconverged(f: object, method: str, exact: float) -> None:
    result = integrate(f, 0.0, 1.0, method=method, full_output=True)  # type: ignore[arg-type]
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error + 4.0 * math.ulp(
        exact
    ), result


def test_an_alias_is_measured_and_full_output_false_is_the_rule_alone() -> None:
    calls: list[float] = []

    def f(x: float) -> float:
        calls.append(x)
        return 1.0 + math.cos(256.0 * math.pi * x)

    assert integrate(f, 0.0, 1.0, method="trapezoid") == 2.0  # the rule, as the reader asked
    assert len(calls) == 129
    result = integrate(f, 0.0, 1.0, method="trapezoid", full_output=True)
    assert isinstance(result, IntegrationResult)
    assert (result.value, result.converged) == (2.0, True)
    assert 1.0 <= result.error < 1.0 + 1e-9
    assert result.nfev == len(calls) - 129


def test_an_adaptive_rule_that_fails_leaves_the_error_unknown() -> None:
    # f fails off the 128 intervals' nodes, where the adaptive rule samples it.
    def f(x: float) -> float:
        if x * 128 != round(x * 128):
            raise ValueError("off the grid")
        return 1.0

    result = integrate(f, 0.0, 1.0, method="trapezoid", full_output=True)
    assert isinstance(result, IntegrationResult)
    assert (result.value, result.error, result.converged) == (1.0, math.inf, False)
    assert result.nfev > 129  # the failing adaptive rule's calls are counted
    assert "its error could not be measured against the adaptive rule, which failed" in (
        result.message
    )
    assert integrate(f, 0.0, 1.0, method="trapezoid") == 1.0


def test_an_adaptive_rule_that_does_not_converge_leaves_the_error_unmeasured() -> None:
    result = integrate(lambda x: 1 / x if x else 0.0, 0.0, 1.0, method="simpson", full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged is False
    assert "its error could not be measured: the adaptive rule" in result.message
    assert "did not converge" in result.message


def test_a_peak_the_adaptive_rule_misses_keeps_richardsons_error() -> None:
    # A Gaussian of width 2.86e-4 on x: the adaptive rule (tol 3.1e-9) misses it and
    # gives 0.49999999999999994 +- 5.8e-15, but 902 Simpson intervals see it, and
    # their Richardson estimate (7.0e-4 against a true error 4.5e-4) is the larger:
    # honest where either is (bench.honesty composite, seed 12: 7.97x before the
    # larger was taken).
    def f(x: float) -> float:
        return math.exp(-(((x - 0.8930914340790302) / 0.000286) ** 2)) + x

    exact = 0.5 + 0.000286 * math.sqrt(math.pi) / 2 * (
        math.erf((1 - 0.8930914340790302) / 0.000286) + math.erf(0.8930914340790302 / 0.000286)
    )
    result = integrate(f, 0.0, 1.0, method="simpson", n=902, tol=3.1e-9, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - exact) <= 2.0 * result.error


def _sech2(t: float) -> float:
    s = math.exp(-2.0 * abs(t))
    return 4.0 * s / ((1.0 + s) * (1.0 + s))


def test_a_peak_the_adaptive_rule_misses_and_a_composite_node_saw_is_found() -> None:
    # bench.honesty composite seed 1: 609.576 +- 6.4e-3 for 609.956 (59.5x). The peak,
    # sech2((x - 192.883) / 0.193), has integral 2 * 0.193 = 0.386 on the interval.
    # Alone the adaptive rule saw 1.0 at each node of its first panel (609.57 +-
    # 6.8e-12, its documented blind spot); a Simpson node saw 1.001 on the peak's
    # flank. Given the composite's samples to predict (session 31), the adaptive rule
    # finds the peak: 609.956 +- 3.7e-9, and the composite's error is 0.3796.
    c, w = 192.88298990968306, 0.193
    exact = 609.57 + 2.0 * w  # the background 1 on [-1.57, 608] and the whole peak
    result = integrate(
        lambda x: _sech2((x - c) / w) + 1.0, -1.57, 608.0, method="simpson", tol=1.9e-9,
        full_output=True,
    )  # fmt: skip
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - exact) <= 2.0 * result.error
    assert "(609.9559999999999 +- " in result.message


def test_the_halves_of_the_adaptive_rule_predict_the_composite_samples_too() -> None:
    # A peak (holding 0.0033) that one Simpson node saw by 1.1e-8 on its flank: the
    # adaptive rule's first panel missed that sample, and was bisected; its halves,
    # not held to it, saw only the background and claimed 2.6e-13 (the composite's
    # error was then its Richardson estimate, 2.7e-9, 1.2e6 times too small). Every
    # panel bisected off the first must predict the samples inside it (`_Panels.add`).
    # Exact: mpmath at 30 digits (the sech2's tanh antiderivative).
    a, b, c, w, h = (
        -0.5924636925491478, 22.797299222064115, 8.671048561010867, 0.006066970954911525,
        0.2693926912982578,
    )  # fmt: skip
    result = integrate(
        lambda x: h * _sech2((x - c) / w) + 1.0, a, b, method="simpson", n=128,
        tol=2.626754815302863e-10, full_output=True,
    )  # fmt: skip
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - 23.393031709880407) <= 2.0 * result.error


@pytest.mark.parametrize(
    ("f", "b", "exact"),
    [
        (lambda x: math.exp(-x), 3.2e7, 1.0),  # all its mass in [0, 40], below the spacing
        (lambda x: math.exp(-((x - 1e3) ** 2)), math.inf, math.sqrt(math.pi)),
        (lambda x: 1 / (1 + x * x), 1e300, math.pi / 2),
    ],
)
def test_an_integrand_0_at_every_point_has_no_finite_error(
    f: Callable[[float], float], b: float, exact: float
) -> None:
    # Each was 0.0 +- 0.0 (converged=False): an error of 0 claimed exactness
    # (OUTSIDER, session 17, finding 4). A peak between the points can hold any integral.
    result = integrate(f, 0.0, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert (result.value, result.error, result.converged) == (0.0, math.inf, False)
    assert result.message.startswith("f was 0 at all ")
    assert abs(result.value - exact) <= 2.0 * result.error
    if math.isfinite(b):  # the composite rules, measured against it, inherit its inf
        simpson = integrate(f, 0.0, b, method="simpson", full_output=True)
        assert isinstance(simpson, IntegrationResult)
        assert (simpson.error, simpson.converged) == (math.inf, False)
        assert "gave 0.0 +- inf but did not converge" in simpson.message
