"""The complex step on functions whose own formula cancels: honest about f's rounding.

``calcweb.derivative(f, x, method="complex", full_output=True)`` on each
`tests.adversarial.cases.COMPLEX_CASES` must return a value whose true error is
at most twice its reported error, or refuse with a `NumericalError` (a
derivative that is all rounding, as for ``exp(z) exp(-z) - 1``). Before the
complex step measured the scatter of its values at steps no power of two apart
and at points beside x, 49 of these 84 answers were dishonest, by up to 1.5e24.
Every function here is analytic, so an `ArgumentTypeError` ("f is not
analytic") fails: three were, where f's values on the real line round to
stairs, before robust Richardson on the real line had the last word.
"""

from __future__ import annotations

import pytest

mpmath = pytest.importorskip("mpmath")  # the oracle; cases.py needs it too

import calcweb  # noqa: E402  (after the skip)
from tests.adversarial.cases import COMPLEX_CASES, DIGITS, ComplexCase  # noqa: E402

HONESTY = 2.0  # the true error may exceed the reported error by this factor


def test_the_complex_block_covers_every_function_at_every_scale() -> None:
    assert len(COMPLEX_CASES) == 14 * 6


@pytest.mark.parametrize("case", COMPLEX_CASES, ids=lambda case: case.id)
def test_the_complex_step_counts_the_rounding_inside_f(case: ComplexCase) -> None:
    try:
        result = calcweb.derivative(case.f, case.x, method="complex", full_output=True)
    except calcweb.NumericalError:
        return  # an honest refusal: no digit of f' survives f's rounding
    with mpmath.workdps(DIGITS):
        true = case.derivative(mpmath.mpf(case.x))
        error = abs(mpmath.mpf(result.value) - true)
    assert error <= HONESTY * result.error, (
        f"value {result.value!r}, true {mpmath.nstr(true, 17)}, reported error "
        f"{result.error:.3g}, true error {mpmath.nstr(error, 3)}"
    )
