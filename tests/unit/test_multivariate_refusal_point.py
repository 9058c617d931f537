"""A refusal of grad, hessian or directional_derivative on a line says where the line is.

(REVIEW11 D2, D3.)

derivative's message on the line t -> f(x + t d) speaks of t: hessian at [800.0] said
"f(0.0) overflowed" (t = 0 is the point), grad at [1.0, 0.0] "no derivative of f at
x=0.0" (t = x[1]). The message now says what t is; one that names the point itself (f's
own error there) is kept as it is, with f's exception as its cause.
"""

from __future__ import annotations

import math

import pytest

import calcweb as cw


def test_a_hessian_refusal_says_which_line_t_is_on() -> None:
    with pytest.raises(cw.NumericalError) as caught:
        cw.hessian(lambda p: math.exp(p[0]))([800.0])
    message = str(caught.value)
    assert message.startswith("on the line x + t*d through x = [800.0], d = [512.0] (t = 0 at x")
    assert "f(0.0) overflowed" in message


def test_a_kink_along_a_coordinate_names_the_coordinate_and_the_point() -> None:
    with pytest.raises(cw.DomainError) as caught:
        cw.grad(lambda p: abs(p[1]))([1.0, 0.0])
    assert str(caught.value).startswith("along x[1] at x = [1.0, 0.0]: no derivative of f")


def test_f_s_own_error_at_the_point_keeps_its_message_and_cause() -> None:
    with pytest.raises(cw.DomainError) as caught:
        cw.grad(lambda p: math.log(p[0] - 1.0))([1.0, 2.0])
    assert str(caught.value).startswith("f([1.0, 2.0]) raised ValueError")
    assert isinstance(caught.value.__cause__, ValueError)
