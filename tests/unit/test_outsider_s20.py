"""An outsider's findings of session 20: ordinary calls whose answers or verdicts were wrong."""

from __future__ import annotations

import math

import calcweb as cw


def test_an_infinite_expected_value_is_matched_only_by_itself() -> None:
    # |1.0 - inf| <= atol + rtol * |inf| is inf <= inf: every finite answer was "✓ Correct"
    # against an expected value that overflowed to inf (and -1e300 against +inf).
    assert not cw.check(1.0, math.inf)
    assert not cw.check(-1e300, math.inf)
    assert not cw.check([0.0, 2.0], [math.inf, 2.0])
    assert not cw.check_function(lambda x: 0.0, lambda x: math.inf, [1.0])
    assert cw.check(math.inf, math.inf)  # the right infinity still matches
    assert not cw.check(-math.inf, math.inf)


def test_a_small_relative_miss_is_not_said_to_be_zero_percent() -> None:
    # 1.000002 against 1.0 (rtol 1e-6) is refused; its message said "off by 2e-06 (0.0%)".
    message = cw.check(1.000002, 1.0).message
    assert "(0.0%)" not in message
    assert "0.0002%" in message
    assert "(2.8%)" in cw.check(17.5, 18.0).message  # as the docstring shows
