"""OUTSIDER4's messages that named the wrong cause (session 24).

`minimize(calcweb.sigmoid, 30.0)` called x0 "a stationary point, which may be a
minimum, a maximum or a saddle": the sigmoid has no stationary point; at 30 it
is a plateau, gradient 9.4e-14, within the default tol. `method="complex"` on
an f written with calcweb.erf advised "Write f with cmath or calcweb's
functions": calcweb's erf (and abs, relu) take no complex number, cmath has no
erf, and no function helps an f that compares x (``x > 0``).
"""

from __future__ import annotations

import math

import pytest

import calcweb
from calcweb import ArgumentTypeError, derivative, minimize


def test_a_plateau_within_tol_is_not_called_a_minimum_maximum_or_saddle_only() -> None:
    result = minimize(calcweb.sigmoid, 30.0)
    assert result.converged
    assert "or a plateau where f is merely nearly flat (sigmoid at 30: gradient 9.4e-14)" in (
        result.message
    )
    assert f"{derivative(calcweb.sigmoid, 30.0):.2g}" == "9.4e-14"  # the figure it quotes


@pytest.mark.parametrize("name", ["erf", "abs", "relu"])
def test_the_calcweb_functions_the_complex_step_message_excludes_take_no_complex(
    name: str,
) -> None:
    with pytest.raises(ArgumentTypeError, match="complex"):
        getattr(calcweb, name)(0.5 + 1e-20j)


@pytest.mark.parametrize("name", ["sin", "exp", "log", "sqrt", "tanh", "sigmoid", "softplus"])
def test_the_calcweb_functions_it_allows_take_complex(name: str) -> None:
    assert isinstance(getattr(calcweb, name)(0.5 + 1e-20j), complex)


def test_the_complex_step_on_erf_says_which_functions_to_use() -> None:
    with pytest.raises(ArgumentTypeError) as raised:
        derivative(lambda x: 0.5 * x * (1 + calcweb.erf(x / math.sqrt(2))), 1.0, method="complex")
    assert "(cmath's, or calcweb's but erf, abs and relu)" in str(raised.value)
    assert str(raised.value).endswith("or use method='auto' or 'richardson'")
