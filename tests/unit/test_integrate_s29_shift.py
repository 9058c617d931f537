"""INTSING2 (session 29): a side of a singular point inside the interval refused by rounding.

Split at a singular point ``c`` inside the interval (session 28), each side is
integrated with ``c`` as an end; next to ``c`` the nodes round to floats
``ulp(c)`` apart, and for ``|x - c|**-p`` with ``p`` near 1 the extrapolations
scatter above a tolerance of 1e-10 (intsingscan: 6-12 % of the draws, nearly
all ``p >= 0.6`` at ``tol <= 1e-10``). The same sides written in ``u = x - c``
converge: the refusal now says so, with the interval in ``u``.
Exact values are closed forms.
"""

from __future__ import annotations

from calcweb import IntegrationResult, integrate
from calcweb._integrate import _shift_advice

# intsingscan seed 1: |x - c|**-p on [A, B] at tol 1e-10, refused (the left side).
C, P = -2.4795108004163304, 0.8111008986975329
A, B = -2.5744582644814344, -1.7557709389537743
EXACT = ((C - A) ** (1 - P) + (B - C) ** (1 - P)) / (1 - P)


def test_the_refusal_names_the_interval_in_u() -> None:
    result = integrate(lambda x: abs(x - C) ** -P, A, B, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged
    assert abs(result.value - EXACT) <= 2 * result.error
    assert f"through u = x - c (c = {C!r})" in result.message, result.message
    assert f"from {A - C!r} to 0 and from 0 to {B - C!r}" in result.message


def test_following_the_advice_answers() -> None:
    left = integrate(lambda u: (-u) ** -P, A - C, 0.0, full_output=True)
    right = integrate(lambda u: u**-P, 0.0, B - C, full_output=True)
    assert isinstance(left, IntegrationResult)
    assert isinstance(right, IntegrationResult)
    assert left.converged
    assert right.converged
    error = left.error + right.error
    assert abs(left.value + right.value - EXACT) <= 2 * error
    assert error <= 1e-10 * EXACT
    assert left.nfev + right.nfev <= 600  # 466; 1,425 refused in x


def test_no_advice_at_zero() -> None:
    # x is u there: nothing to rewrite.
    assert _shift_advice(-1.0, 0.0, 1.0) == ""


def test_a_singularity_between_floats_is_named_so() -> None:
    # Its zero, sqrt(0.5), is no float: f is finite at every float, and the
    # old advice to split at the point was refused alike on each side.
    result = integrate(lambda x: abs(x * x - 0.5) ** -0.5, 0.0, 1.0, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged
    assert "f is finite at every float a search tried next to x=0.7071067811865475" in (
        result.message
    )
    assert "Split the interval at that point" not in result.message


def test_a_singularity_given_a_finite_value_is_named_so() -> None:
    result = integrate(
        lambda x: abs(x - 0.3) ** -0.5 if x != 0.3 else 0.0, 0.0, 1.0, full_output=True
    )
    assert isinstance(result, IntegrationResult)
    assert not result.converged
    assert "f is finite at every float a search tried next to x=0.29999999999999993" in (
        result.message
    )
