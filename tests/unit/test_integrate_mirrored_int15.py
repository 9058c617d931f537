"""Staircases whose samples mirror about a panel's centre (stairscan seed 1, session 19).

A staircase with two equal jumps between mirrored pairs of a panel's nodes
has samples that are a constant plus an odd part: the Gauss and Kronrod sums
agree to rounding, and the panel claimed its rounding floor (2.7e-15 for a
panel of ``floor(10 x)/10`` off by 1.1e-3). Every one of stairscan's 35 lies
at seed 1 was such a panel: in 32 made by a bisection (`_Panels.split`), in 3
the first panel of a half that `_checked_half` integrated on its own and
summed unchecked. The first get an error from their odd coefficients
(`calcweb._gauss_kronrod.mirrored`), the second are checked by their own
halves in turn; and halves of which one was not found no longer confirm a
symmetric sum (`_checked_by`). The exact values are the steps' rectangles in
fractions, as ``bench/scans/stairscan.py`` sums them.
"""

from __future__ import annotations

import math

import pytest
from staircases import staircase, staircase_integral

from calcweb import IntegrationResult, integrate
from calcweb._gauss_kronrod import K21, gauss_kronrod, mirrored
from calcweb._integrate import _sum_of_halves


def _check(kind: str, k: float, a: float, b: float, tol: float) -> IntegrationResult:
    exact = staircase_integral(kind, k, a, b)
    result = integrate(staircase(kind, k), a, b, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged, result
    assert abs(result.value - exact) <= 2 * result.error, (result, exact)
    return result


@pytest.mark.parametrize(
    ("kind", "k", "a", "b", "tol"),
    [
        # A panel [0.82726, 1.08388] with jumps at 0.9 and 1.0 in mirrored gaps:
        # 0.79732 +- 2.3e-8 for 0.79843 (4.8e4 times the error).
        ("floor", 10.0, 0.31402388587645413, 1.3404937325714261, 8.35e-08),
        # 88, 6.9e5 and 1.8e4 times the error before.
        ("round", 5.0, -0.7566027453533999, 1.7422557894394468, 4.79e-05),
        ("round", 10.0, -2.244835646245696, -1.669618860900298, 1.04e-08),
        ("round", 3.0, -1.2520303859145798, -0.2220228640479005, 2.57e-06),
    ],
)
def test_a_bisected_panel_whose_samples_mirror_is_not_trusted(
    kind: str, k: float, a: float, b: float, tol: float
) -> None:
    _check(kind, k, a, b, tol)


@pytest.mark.parametrize(
    ("kind", "k", "a", "b", "tol"),
    [
        # The whole interval mirrors, and so does the half [-1.16, 0.457]
        # checked in its place, whose sum with the other half was answered:
        # -5.0419 +- 4.1e-6 for -4.9909.
        ("floor", 1.3, -2.775875111177648, 0.45673163505371805, 1.35e-05),
        # The other half [-0.699, 2.157] mirrors too (summed to 0 for 0.042):
        # 8.1627 +- 1.3e-13 for 8.2460.
        ("floor", 0.7, -0.6994825991569718, 5.014381295731616, 2.32e-07),
    ],
)
def test_a_half_checked_on_its_own_whose_samples_mirror_is_checked_in_turn(
    kind: str, k: float, a: float, b: float, tol: float
) -> None:
    result = _check(kind, k, a, b, tol)
    assert "looked odd" in result.message


def test_only_a_mirrored_unresolved_odd_part_gets_the_floor() -> None:
    stairs = gauss_kronrod(lambda x: math.floor(10 * x) / 10, 0.8272588092, 1.083876271)
    true_error = abs(stairs.value - staircase_integral("floor", 10.0, 0.8272588092, 1.083876271))
    assert stairs.error < 1e-3 * true_error  # the rule's own error is blind to it
    assert mirrored(K21, stairs) > 2 * true_error
    for f, a, b in [(math.sin, -1.0, 1.0), (math.exp, 0.0, 1.0), (abs, -0.3, 1.0)]:
        assert mirrored(K21, gauss_kronrod(f, a, b)) == 0.0


def test_the_sum_of_halves_names_the_half_that_failed() -> None:
    def result(converged: bool, message: str) -> IntegrationResult:
        return IntegrationResult(1.0, 0.1, 21, "adaptive", 1, converged, message)

    right_failed = _sum_of_halves(result(True, "fine"), result(False, "too rough"), 42, 0.5)
    assert not right_failed.converged
    assert right_failed.message.endswith("the right one was not found: too rough")
    left_failed = _sum_of_halves(result(False, "diverges"), result(True, "fine"), 42, 0.5)
    assert left_failed.message.endswith("the left one was not found: diverges")


def test_a_half_not_found_confirms_nothing() -> None:
    # The whole interval mirrors; the half to the right converges, the half to the
    # left stops (0.037 of error at the jumps), and that error let the halves
    # "agree" with the symmetric sum: 2.11549 +- 5.6e-14 for 2.09441 (stairscan
    # seed 3). Their sum is the value now, not converged.
    a, b = -1.620762593560908, 2.61021955655585
    result = integrate(staircase("round", 2.0), a, b, tol=2.36e-11, full_output=True)
    assert isinstance(result, IntegrationResult)
    if result.converged:
        assert abs(result.value - staircase_integral("round", 2.0, a, b)) <= 2 * result.error
    else:
        assert "the left one was not found" in result.message
