"""REVIEW10: messages of session 24 that a run showed to be false or short of the fix."""

from __future__ import annotations

import math

from calcweb import limit


def words(text: str) -> str:
    return " ".join(text.split())


def test_growth_cut_short_by_a_division_by_0_is_not_said_to_overflow() -> None:
    # exp(-x) underflows to 0 from x = 745.13 on, and f divides 0 by 0 there; f is log x,
    # 6.6 there. The refusal named only an overflow, and advised against overflows only.
    def f(x: float) -> float:
        return math.log(x) / (math.exp(-x) / math.exp(-x))

    result = limit(f, math.inf, full_output=True)
    assert not result.converged
    assert "(an overflow, a NaN or a division by 0, as where a value computed inside f " in (
        words(result.message)
    )
    assert "Rewrite f so that no intermediate result overflows or underflows to 0;" in (
        words(result.message)
    )


def test_growth_cut_short_by_a_nan_is_not_said_to_overflow() -> None:
    # f returns NaN from x = 1000 on: nothing inside it overflowed.
    def f(x: float) -> float:
        return math.log(x) + (0.0 if x < 1000 else math.nan)

    message = words(limit(f, math.inf, full_output=True).message)
    assert message.startswith("f grows until it fails at x=1000.0 (an overflow, a NaN or a ")
    assert "where a value computed inside it overflows" not in message
