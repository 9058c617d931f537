"""method="auto" is the best method that works, at every entry point.

An f that refuses jets or Values gets the numerical path wherever there is
one, whatever error it refused them with: a TypeError of math's, a ValueError
of its own, or calcweb's ArgumentTypeError (``Value(jet)`` inside f, or
``math.sin`` called on a jet by calcweb, which names the call). Where no
numerical path exists (method="ad"; taylor beyond degree 4) the error says
what to pass instead. Until session 16 an ArgumentTypeError sent derivative
to Richardson but made taylor, jacobian, jvp and vjp raise it.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

import pytest

import calcweb as cw
from calcweb import ArgumentTypeError
from calcweb.nn import Value


def _tanh_by_value(x: float) -> float:
    """tanh through calcweb.nn.Value: Value(jet) raises an ArgumentTypeError."""
    return Value(x).tanh().data


def _rows(p: list[float]) -> list[float]:
    return [_tanh_by_value(p[0]) * p[1], p[0]]


def test_derivative_falls_back() -> None:
    auto = cw.derivative(_tanh_by_value, 0.5, full_output=True)
    richardson = cw.derivative(_tanh_by_value, 0.5, method="richardson", full_output=True)
    # The same answer; nfev counts the call on jets f refused too.
    assert auto == dataclasses.replace(richardson, nfev=richardson.nfev + 1)


def test_taylor_falls_back_up_to_degree_4() -> None:
    p = cw.taylor(_tanh_by_value, 0.5, 3)
    assert p.method == "richardson"
    assert p.coefficients == cw.taylor(math.tanh, 0.5, 3).coefficients


def test_taylor_beyond_degree_4_says_what_to_ask_for() -> None:
    with pytest.raises(ArgumentTypeError, match=r"beyond degree 4.*ask for a lower degree"):
        cw.taylor(_tanh_by_value, 0.5, 5)


def test_jacobian_falls_back_as_for_f_written_with_math() -> None:
    def with_math(p: list[float]) -> list[float]:  # refuses jets with a TypeError
        return [math.tanh(p[0]) * p[1], p[0]]

    x = [0.5, 2.0]
    assert cw.jacobian(_rows)(x) == cw.jacobian(with_math)(x)


@pytest.mark.parametrize(
    ("f", "x", "v"),
    [
        (math.sin, 1.0, 1.0),  # calcweb's call names math.sin(jet): an ArgumentTypeError
        (math.fsum, [1.0, 2.0], [1.0, 1.0]),
        (_rows, [0.5, 2.0], [1.0, 0.0]),
    ],
)
def test_jvp_falls_back(f: Callable[[Any], Any], x: Any, v: Any) -> None:
    assert cw.jvp(f, x, v) == cw.jvp(f, x, v, method="richardson")


@pytest.mark.parametrize(
    ("f", "x", "u"),
    [(math.sin, 1.0, 1.0), (math.fsum, [1.0, 2.0], 1.0), (_rows, [0.5, 2.0], [1.0, 0.0])],
)
def test_vjp_falls_back(f: Callable[[Any], Any], x: Any, u: Any) -> None:
    y, pullback = cw.vjp(f, x)
    y_richardson, pullback_richardson = cw.vjp(f, x, method="richardson")
    assert (y, pullback(u)) == (y_richardson, pullback_richardson(u))


AD_REFUSAL = r"method='ad' needs f to accept a calcweb\.{}, but f raised {}: "


@pytest.mark.parametrize(
    ("call", "what", "raised"),
    [
        (lambda: cw.derivative(_tanh_by_value, 0.5, method="ad"), "Jet", "ArgumentTypeError"),
        # A builtin's own TypeError, not calcweb's call wrapper's text about it.
        (lambda: cw.grad(math.fsum, method="ad")([1.0, 2.0]), "Jet", "TypeError"),
        (lambda: cw.jacobian(_rows, method="ad")([0.5, 2.0]), "Jet", "ArgumentTypeError"),
        (lambda: cw.jvp(math.sin, 1.0, 1.0, method="ad"), "Jet", "TypeError"),
        # a Value refuses float() itself, as math.sin asks (APIERR)
        (lambda: cw.vjp(math.sin, 1.0, method="ad"), r"nn\.Value", "ArgumentTypeError"),
    ],
)
def test_ad_says_which_method_to_pass(call: Callable[[], Any], what: str, raised: str) -> None:
    with pytest.raises(ArgumentTypeError, match=AD_REFUSAL.format(what, raised)) as raised_:
        call()
    assert str(raised_.value).endswith("or use method='richardson'")
