"""Forward quotients that lose their digits to rounding are no evidence of a missing derivative.

Of a high order at a point where ``f`` is odd (even orders) or even (odd
orders), the central quotients are exactly 0 at every step, while the forward
ones can find no window: the steps on which ``f``'s expansion holds end where
rounding (``eps |f| / h**n``) takes every digit. ``atan`` at 0, ``n = 8``:
forward quotients 3441, 3871, 2359, 1241 at steps 0.0625 to 0.0078 (true
3441, 3871, 2359, 1239), then -128 within a rounding bound of 65500. That was
read as quotients that never settle, and refused with `DomainError` ("no
derivative ... as x sin(1/x) at 0"); the derivative is 0. Now quotients that
near the central value until rounding takes them leave it standing, and ones
lost before they near it are refused with `NumericalError`. ``x sin(1/x)``,
``|x| cos(1/x)``, ``sqrt(|x|)`` and their kin keep their `DomainError`: their
quotients swing or grow far beyond their rounding, and where noise is measured
(their own swings read as noise) being lost in it proves nothing.
"""

import math
from collections.abc import Callable

import pytest

from calcweb import derivative
from calcweb.exceptions import DomainError, NumericalError


@pytest.mark.parametrize(
    ("f", "n"),
    [
        pytest.param(math.atan, 8, id="atan n=8"),
        pytest.param(math.tanh, 8, id="tanh n=8"),
        pytest.param(math.erf, 8, id="erf n=8"),
        pytest.param(lambda x: 1 / math.cosh(x), 7, id="sech n=7"),
        pytest.param(lambda x: math.sqrt(1 + x * x), 7, id="sqrt(1 + x**2) n=7"),
    ],
)
def test_forward_quotients_nearing_until_lost_leave_the_central_value(
    f: Callable[[float], float], n: int
) -> None:
    result = derivative(f, 0.0, n, full_output=True)
    assert abs(result.value) <= 2 * result.error  # the derivative is 0


@pytest.mark.parametrize(
    ("f", "n"),
    [
        pytest.param(math.asinh, 10, id="asinh n=10"),  # 401, 5794, 6193, 74481, 68437: lost
        pytest.param(lambda x: math.asinh(2.9446972468036274 * x), 12, id="asinh(2.94x) n=12"),
        pytest.param(
            lambda x: x * math.exp(-2.0376983832362257 * x * x), 10, id="x exp(-2.04x**2) n=10"
        ),
    ],
)
def test_forward_quotients_lost_before_they_near_are_not_a_missing_derivative(
    f: Callable[[float], float], n: int
) -> None:
    # Was DomainError "no derivative": too few digits at this order to tell.
    with pytest.raises(NumericalError, match="lose their digits to rounding"):
        derivative(f, 0.0, n, full_output=True)


@pytest.mark.parametrize(
    ("f", "n"),
    [
        pytest.param(lambda x: x * math.sin(1 / x) if x else 0.0, 1, id="x sin(1/x)"),
        pytest.param(lambda x: abs(x) * math.cos(1 / x) if x else 0.0, 1, id="|x| cos(1/x)"),
        pytest.param(lambda x: math.sqrt(abs(x)), 1, id="sqrt(|x|)"),
        pytest.param(lambda x: x * x * math.sin(1 / x) if x else 0.0, 2, id="x**2 sin(1/x) n=2"),
        pytest.param(lambda x: x * math.sin(1 / x) if x else 0.0, 3, id="x sin(1/x) n=3"),
        pytest.param(lambda x: x**8 * math.sin(1 / x) if x else 0.0, 8, id="x**8 sin(1/x) n=8"),
    ],
)
def test_quotients_that_swing_beyond_their_rounding_still_have_no_derivative(
    f: Callable[[float], float], n: int
) -> None:
    with pytest.raises(DomainError, match="no derivative"):
        derivative(f, 0.0, n, full_output=True)
