"""limit on a staircase's step and past an underflow far out; overflow messages (LIMSTEP).

- A step learning-rate schedule ``0.1 * 0.5**(t // 30)`` is exactly 0.05 on
  (30, 60), and beyond steps through 0.025, 0.0125, ... toward 0. Its right
  limit at 30 was refused as rounding that cancels all the digits of f (the
  estimate 0.0 +- 0.05), as only a step from one other constant was taken as
  a step. With its step among the usual samples (``t // 1`` at 10) it was a
  lie: 0.0 +- 2e-308 (true 0.1 * 0.5**10 = 9.765625e-05). A quotient whose
  rounding cancels its digits, which moves with its denominator, stays refused.
- ``softplus(x) / exp(x)`` at -inf (1) raised "outside the domain of f" where
  ``exp(x)`` underflows to 0 (x = -1024 on), after 8 samples; an overflow
  there is read past after 6. With too few samples (the Mills ratio at +inf,
  ``pdf(x)`` is 0 from 38.6 on) the refusal says that a value underflowed.
- integrate and derivative said "the function grows beyond the float range"
  where an intermediate overflows: the gamma(150) pdf is 1e-9 at 233, where
  ``x**149`` overflows.
"""

from __future__ import annotations

import math

import pytest

from calcweb import DomainError, NumericalError, derivative, integrate, limit


def _schedule(t: float) -> float:
    return 0.1 * 0.5 ** (t // 30)


def _softplus(x: float) -> float:
    return x + math.log1p(math.exp(-x)) if x > 0 else math.log1p(math.exp(x))


def _normal_pdf(x: float) -> float:
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def test_a_step_schedule_is_answered_on_each_side() -> None:
    right = limit(_schedule, 30.0, side="right", full_output=True)
    assert right.converged, right.message
    assert abs(right.value - 0.05) <= 2 * right.error
    left = limit(_schedule, 30.0, side="left", full_output=True)
    assert left.converged, left.message
    assert abs(left.value - 0.1) <= 2 * left.error


def test_a_step_schedule_has_a_jump() -> None:
    with pytest.raises(DomainError, match=r"0\.05 from the right and 0\.1 from the left"):
        limit(_schedule, 30.0)


@pytest.mark.parametrize(("period", "x0"), [(1.0, 10.0), (3.0, 30.0), (1.0, 7.5)])
def test_a_step_among_the_usual_samples_is_no_rounding(period: float, x0: float) -> None:
    result = limit(lambda t: 0.1 * 0.5 ** (t // period), x0, side="right", full_output=True)
    exact = 0.1 * 0.5 ** (x0 // period)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2 * result.error, result


@pytest.mark.parametrize("a", [1e-12, 1e-10, 1e-9, 1e-8])
def test_a_quotient_that_rounding_cancels_stays_refused(a: float) -> None:
    result = limit(
        lambda t: (1 - math.cos(a * t)) / (a * t) ** 2, 0.0, side="right", full_output=True
    )
    assert not result.converged, result


def test_a_ratio_whose_denominator_underflows_is_read_before_it() -> None:
    result = limit(lambda x: _softplus(x) / math.exp(x), -math.inf, full_output=True)
    assert result.converged, result.message
    assert abs(result.value - 1.0) <= 2 * result.error, result


def test_too_few_samples_before_an_underflow_are_refused_as_such() -> None:
    with pytest.raises(DomainError) as caught:
        limit(lambda x: 0.5 * math.erfc(x / math.sqrt(2)) / (_normal_pdf(x) / x), math.inf)
    message = str(caught.value)
    assert "underflowed" in message
    assert "outside the domain" not in message


def test_an_intermediate_overflow_is_named_so() -> None:
    with pytest.raises(NumericalError) as caught:
        integrate(lambda x: x**149 * math.exp(-x) / math.gamma(150), 0.0, math.inf)
    assert "a value computed inside it" in str(caught.value)
    assert "the function grows" not in str(caught.value)
    with pytest.raises(NumericalError) as caught:
        derivative(lambda x: math.log(1 + math.exp(x)), 700.0, 5, method="central")
    assert "no intermediate result overflows" in str(caught.value)
