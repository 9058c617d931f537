"""OUTSIDER13's findings 3-5: a cached loss in minimize, check()'s percentage, and controls."""

from __future__ import annotations

import functools
from typing import Any

import pytest

import calcweb as cw
from calcweb.nn.value import Value


def test_a_cached_loss_is_refused_with_what_to_do() -> None:
    # functools.lru_cache keyed on the Value minimize updates in place: the graph of the
    # first call came back at every step (fun 0.841 = f(1.0) reported at x = -0.38).
    cached = functools.lru_cache(maxsize=None)(lambda x: cw.sin(x) * x)
    with pytest.raises(cw.InvalidArgumentError, match=r"at x = 1\.0 again .*compute f afresh"):
        cw.minimize(cached, 1.0, lr=0.1, steps=10)


def test_a_constant_value_returned_at_every_step_is_no_stale_graph() -> None:
    constant = Value(3.0)  # holds no parameter: f's value at any x

    def f(_: Any) -> Value:
        return constant

    result = cw.minimize(f, 1.0, lr=0.1, steps=3)
    assert (result.fun, result.x) == (3.0, 1.0)


def test_a_parameter_returned_at_every_step_is_no_stale_graph() -> None:
    # lambda x: x returns the Value minimize updates in place: its loss is x's own.
    result = cw.minimize(lambda x: x, 1.0, lr=0.1, steps=3)
    assert result.fun == pytest.approx(0.7)
    assert result.losses == pytest.approx([1.0, 0.9, 0.8, 0.7])


def test_a_wild_miss_is_given_in_two_digits_of_percent() -> None:
    assert str(cw.check(2.0, 1e-30)) == "✗ Not yet: 2.0 is off by 2 (2e+32%)."
    assert str(cw.check(1500.0, 1.0)) == "✗ Not yet: 1500.0 is off by 1.5e+03 (149900.0%)."
