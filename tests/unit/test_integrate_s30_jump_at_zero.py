"""INTINF (session 30): a jump at 0 is bracketed in the floats' order, not in value.

Halved in value, the bracket around a jump at 0 went on through the
subnormals to neighbouring floats 5e-324 apart: about 1,070 of the 1,137
calls of a step at 0 on [-1, 2] (INTHANG's report).
"""

import math
from types import SimpleNamespace

import pytest

from calcweb import integrate
from calcweb._integrate import _float_key, _float_middle, _key_float, _Panels


def _bracketed(g, low, high):
    panels = SimpleNamespace(rises=[], nfev=0, g=g, searched=[])
    panels._searched_at = lambda t: _Panels._searched_at(panels, t)
    found = _Panels._bracket_jump(panels, (low, g(low)), (high, g(high)))
    return found, panels.nfev


def test_the_floats_order_puts_neighbours_one_apart_and_both_zeros_together():
    assert [_float_key(x) for x in (-5e-324, -0.0, 0.0, 5e-324)] == [-1, 0, 0, 1]
    assert _float_key(math.nextafter(1.0, 2.0)) - _float_key(1.0) == 1
    assert [_key_float(_float_key(x)) for x in (-2.5, 1e-310, 0.3)] == [-2.5, 1e-310, 0.3]


def test_a_wide_bracket_or_one_within_a_few_binades_is_halved_in_value():
    assert _float_middle(-1.0, 1.0, 1.0) == 0.0
    assert _float_middle(0.0, 0.5, 1.0) == 0.25  # not yet 16 times narrower
    assert _float_middle(0.25, 0.3, 0.01) == 0.275  # within 16 times


def test_a_narrowed_bracket_at_zero_is_halved_in_the_floats_order():
    middle = _float_middle(0.0, 0.001, 1.0)
    assert 1e-160 < middle < 1e-150  # about the geometric mean of 5e-324 and 0.001


@pytest.mark.parametrize("side", [0.0, 1.0])
def test_a_jump_at_zero_is_bracketed_in_a_hundred_calls(side):
    step = lambda x: 1.0 if x > 0 or (x == 0 and side) else 0.0  # noqa: E731
    found, calls = _bracketed(step, -0.001, 0.002)
    assert found is not None
    (low, f_low), (high, f_high) = found
    assert (f_low, f_high) == (0.0, 1.0)
    assert _float_key(high) - _float_key(low) == 1
    assert calls <= 100  # 1,073 halved in value


def test_a_step_at_zero_costs_a_tenth_of_what_it_did():
    result = integrate(lambda x: 1.0 if x > 0 else 0.0, -1, 2, full_output=True)
    assert result.converged
    assert abs(result.value - 2.0) <= result.error
    assert result.nfev == 132  # 1,137 when the bracket was halved in value
