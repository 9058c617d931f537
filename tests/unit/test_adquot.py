"""Plain jets' quotients that lose their digits: bounded again, then Richardson or a refusal.

sin(x)/x is exact to rounding in its values, but the jet's quotient recurrence
c_k = (a_k - c_(k-1)) / x divides by x once an order (OUTSIDER13's finding 2: the
plain call answered -1.0 for -1/3 at 1e-8, n = 2). Plain jets record their
quotients' cancellation (`calcweb.jet.watching_cancellation`); beyond 2**24 f runs
again on bounded jets, "auto" asks Richardson where the bound leaves fewer than 4
digits, and a plain call refuses an answer with no correct digit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import calcweb as cw
from calcweb.jet import Jet, watching_cancellation


def _sinc(x: Any) -> Any:
    return cw.sin(x) / x


def _counted(f: Any) -> tuple[Any, list[object]]:
    calls: list[object] = []

    def counted(x: Any) -> Any:
        calls.append(x)
        return f(x)

    return counted, calls


def test_a_quotient_that_cancels_is_recorded_and_one_that_does_not_is_not() -> None:
    # sin(x)/x at 1e-3, n = 4: each order's terms are about 1e3 times their sum.
    with watching_cancellation() as watch:
        _sinc(Jet.variable(1e-3, 4))
    assert watch.worst > 2.0**24
    with watching_cancellation() as watch:  # 1/x: nothing cancels, k + 1 roundings
        _ = 1.0 / Jet.variable(1e-3, 4)
    assert watch.worst == 5.0
    with watching_cancellation() as watch:  # no quotient: a sum's loss is the formula's
        _ = cw.exp(Jet.variable(1e-8, 2)) - 1.0
    assert watch.worst == 0.0


@pytest.mark.parametrize(
    "cancel",
    [
        lambda y: y - 1.0,  # a float subtracted, added and subtracted from: the float's
        lambda y: y + -1.0,  # quick paths (hessian's speed) record it as jets' sums do
        lambda y: 1.0 - y,
        lambda y: y - Jet.constant(1.0, 2),
    ],
)
def test_a_sum_with_a_float_records_its_cancellation(cancel: Callable[[Jet], Jet]) -> None:
    with watching_cancellation() as watch:
        cancel(cw.exp(Jet.variable(1e-8, 2)))
    assert 1.9e8 < watch.cancellation < 2.1e8  # ((1 + 1e-8) + 1) / 1e-8


def test_a_smooth_quotient_keeps_its_one_plain_call() -> None:
    f, calls = _counted(_sinc)
    assert cw.derivative(f, 2.0, 3) == pytest.approx(0.23694982592284497, rel=1e-14)
    assert [type(c[0]) for c in (x.coefficients for x in calls)] == [float]


def test_a_quotient_that_cancels_is_bounded_again_and_answered_by_richardson() -> None:
    # Plain jets: -1.0 (truth -1/3); bounded again: +- 22; Richardson: -0.33333333333348747.
    f, calls = _counted(_sinc)
    value = cw.derivative(f, 1e-8, 2)
    assert value == pytest.approx(-1.0 / 3.0, rel=1e-9)
    assert len(calls) > 2  # a plain jet, a bounded one, then Richardson's floats


def test_method_ad_refuses_a_plain_answer_with_no_digit_and_full_output_shows_it() -> None:
    with pytest.raises(cw.NumericalError, match=r"as -1 \+- 22\.2, with no correct digit"):
        cw.derivative(_sinc, 1e-8, 2, method="ad")
    result = cw.derivative(_sinc, 1e-8, 2, method="ad", full_output=True)
    assert (result.value, f"{result.error:.3g}", result.nfev) == (-1.0, "22.2", 1)
    with pytest.raises(cw.NumericalError, match="no correct digit"):
        cw.hessian(lambda p: _sinc(p[0]), method="ad")([1e-8])


def test_richardson_is_not_asked_where_f_itself_has_lost_its_digits() -> None:
    # (1 - cos x)/x**2 at 3.5e-8 is 0.458 for 0.5: differences of such values would
    # differentiate the rounding (Richardson: 1.4e16 +- 1.3e6 at 1.48e-8, truth -1/12).
    # "auto" keeps the jets' honest error, and the plain call refuses.
    def f(x: Any) -> Any:
        return (1 - cw.cos(x)) / (x * x)

    x = 1.4836050118280725e-08
    result = cw.derivative(f, x, 2, full_output=True)
    assert result.method == "ad"
    assert abs(result.value + 1.0 / 12.0) <= 2.0 * result.error
    with pytest.raises(cw.NumericalError, match="no correct digit"):
        cw.derivative(f, x, 2)


def test_a_quotient_written_with_a_negative_power_is_watched_as_one() -> None:
    # sin(x) * x**-1 at 1e-8, n = 2: the pole's coefficients (1e8, 1e16, 1e24) cancel in
    # the product as in the quotient's recurrence (-1.0 before, no error raised).
    assert cw.derivative(lambda x: cw.sin(x) * x**-1, 1e-8, 2) == pytest.approx(
        -1.0 / 3.0, rel=1e-9
    )
    with pytest.raises(cw.NumericalError, match="no correct digit"):  # f(x) itself lost it
        cw.derivative(lambda x: (1 - cw.cos(x)) * x**-2, 3e-8, 2)


def test_exp_of_a_log_near_0_is_watched_as_a_product() -> None:
    # exp(log(x)) is x: its 4th derivative is 0, but at 1e-6 exp's recurrence cancels
    # log's coefficients (1e6, 5e11, ...): -768.0 (+- 1.9e5 with full_output), no error raised.
    with pytest.raises(cw.NumericalError, match="no correct digit"):
        cw.derivative(lambda x: cw.exp(cw.log(x)), 1e-6, 4)
    assert cw.derivative(lambda x: cw.exp(cw.log(x)), 0.5, 3) == 0.0  # nothing cancels
