"""What a Jacobian or Hessian by differences costs: each point of f evaluated once (session 26).

A Jacobian's walks for its m outputs along one coordinate ask for the same
points; each used to call f itself, m calls of f for every point.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

import calcweb
from calcweb import Value, _richardson
from calcweb.nn._kinks import graph_order


def _curved(p: list[float]) -> list[float]:
    """Three outputs of three variables, written with math (no jets: differences)."""
    return [math.sin(p[0]) * p[1], math.exp(0.3 * p[2]) + p[0] ** 2, math.cos(p[1] - p[2])]


def _exact(p: list[float]) -> list[list[float]]:
    return [
        [math.cos(p[0]) * p[1], math.sin(p[0]), 0.0],
        [2.0 * p[0], 0.0, 0.3 * math.exp(0.3 * p[2])],
        [0.0, -math.sin(p[1] - p[2]), math.sin(p[1] - p[2])],
    ]


def test_a_jacobian_by_differences_evaluates_each_point_once() -> None:
    asked: list[tuple[float, ...]] = []

    def f(p: Any) -> list[float]:
        asked.append(tuple(p))
        return _curved(p)

    x = [0.4, -1.3, 0.8]
    result = calcweb.jacobian(f, method="richardson", full_output=True)(x)
    assert len(asked) == len(set(asked))  # each output's walk used to ask f again
    assert result.nfev == len(asked)  # the calls of f itself
    for row, errors, exact in zip(result.value, result.error, _exact(x), strict=True):
        for value, error, expected in zip(row, errors, exact, strict=True):
            assert abs(value - expected) <= error


@pytest.mark.parametrize("full_output", [False, True])
def test_sharing_the_points_changes_no_entry_and_no_error(full_output: bool) -> None:
    # Each entry is what calcweb.derivative says on that output alone, bit for bit.
    x = [0.4, -1.3, 0.8]
    result = calcweb.jacobian(_curved, full_output=full_output)(x)
    rows = result.value if full_output else result
    for i in range(3):
        for j in range(3):
            unit = [float(k == j) for k in range(3)]
            alone = calcweb.directional_derivative(
                lambda p, i=i: _curved(p)[i], x, unit, full_output=True
            )
            assert rows[i][j] == alone.value
            if full_output:
                assert result.error[i][j] == alone.error


def test_the_stencil_weights_are_computed_once_per_stencil() -> None:
    _richardson._fornberg.cache_clear()
    calcweb.hessian(lambda p: math.sin(p[0]) * math.exp(p[1]))([0.3, 0.2])
    info = _richardson._fornberg.cache_info()
    assert info.currsize <= 8 < info.hits
    assert _richardson._weights(1, [-1.0, 0.0, 1.0]) == [-0.5, 0.0, 0.5]


def test_a_jacobian_of_an_f_that_refuses_jets_tries_them_once_per_column() -> None:
    # "auto": each output's walk tried f on the same jet, m refusals per column.
    on_jets = 0

    def f(p: Any) -> list[float]:
        nonlocal on_jets
        on_jets += not all(type(v) is float for v in p)
        return _curved(p)

    x = [0.4, -1.3, 0.8]
    result = calcweb.jacobian(f, full_output=True)(x)
    assert on_jets <= 1 + len(x)  # the first column's Taylor mode, then one per column
    assert result.value == calcweb.jacobian(_curved, method="richardson")(x)


def test_one_graph_walk_serves_draw_graph_and_the_kinks() -> None:
    # draw_graph had its own copy of graph_order, walking the inputs first to last.
    a, b = Value(1.0), Value(2.0)
    root = a * b + a.tanh()
    product, tanh = root.inputs
    assert graph_order([root], first_input_first=True) == [a, b, product, tanh, root]
    assert graph_order([root]) == [a, tanh, b, product, root]
    assert calcweb.draw_graph(root)._nodes == [a, b, product, tanh, root]
