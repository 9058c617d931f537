"""Errors of f that the package docstring promises to convert, at every entry point (OUTSIDER6).

jvp, vjp and jacobian let math.exp's OverflowError through; the complex step let f's
ValueError and ZeroDivisionError through; riemann_sum and integrate refused numpy ints.
"""

from __future__ import annotations

import math

import pytest

import calcweb as cw


def test_an_overflow_of_f_at_the_point_says_what_to_do() -> None:
    with pytest.raises(cw.NumericalError, match=r"f\(710\.0\) overflowed") as info:
        cw.jvp(math.exp, 710.0, 1.0)
    assert "value computed inside it" in str(info.value)
    assert isinstance(info.value.__cause__, OverflowError)


def test_f_failing_only_off_the_real_line_is_told_to_use_another_method() -> None:
    def f(z: float | complex) -> float | complex:
        if isinstance(z, complex):
            raise ValueError("no complex numbers here")
        return z * z

    with pytest.raises(cw.DomainError) as info:
        cw.derivative(f, 1.0, method="complex")
    message = str(info.value)
    assert "though f(1.0) did not" in message
    assert "method='auto' or 'richardson'" in message
    assert cw.derivative(f, 1.0) == 2.0


def test_f_failing_at_x_itself_is_told_to_move_x() -> None:
    with pytest.raises(cw.DivisionByZeroError, match="move x into the domain of f"):
        cw.derivative(lambda x: 1 / (x - x), 1.0, method="complex")


@pytest.mark.parametrize("make", [cw.Adam, cw.AdamW, cw.RMSprop, cw.Adagrad, cw.SGD])
def test_reading_the_state_before_the_first_step_changes_no_step(make: type) -> None:
    # torch's state is a defaultdict(dict): state[p] is {} until p's first step.
    read, unread = cw.Value(1.0), cw.Value(1.0)
    first, second = make([read], lr=0.1), make([unread], lr=0.1)
    assert first.state[read] == {}
    for p, optimiser in ((read, first), (unread, second)):
        for _ in range(3):
            p.grad = 2.0 * p.data
            optimiser.step()
    assert read.data == unread.data
    assert first.state[read] == second.state[unread]


def test_a_data_set_to_an_int_beyond_the_floats_is_named() -> None:
    x = cw.Value(1.0)
    x.data = 10**400
    for op in (lambda: x * 2, lambda: 2 / x, x.tanh, lambda: cw.sin(x)):
        with pytest.raises(cw.NumericalError, match=r"\.data was set to .*beyond the float"):
            op()
    x.data = 3  # an int within the floats works as its float
    assert (x.tanh().data, (x * 2).data) == (math.tanh(3.0), 6.0)


def test_torch_flags_are_taken_where_they_change_nothing() -> None:
    x = cw.Value(2.0)
    y = x * 3
    y.backward(retain_graph=True)
    y.backward(retain_graph=False)  # the graph is kept either way
    assert x.grad == 6.0
    optimiser = cw.SGD([x], lr=0.1)
    optimiser.zero_grad(set_to_none=True)
    assert x.grad == 0.0
    with pytest.raises(cw.ArgumentTypeError, match="first derivatives only"):
        y.backward(create_graph=True)


def test_a_hyper_parameter_set_to_a_str_is_named() -> None:
    p = cw.Value(1.0)
    optimiser = cw.Adam([p], lr=0.1)
    # Refused where it is set, as Adam(betas=("0.9", 0.999)) is (APIFIX5).
    with pytest.raises(cw.ArgumentTypeError, match=r"betas\[0\] must be a real number"):
        optimiser.betas = ("0.9", 0.999)  # type: ignore[assignment]
    assert optimiser.betas == (0.9, 0.999)
