"""Limits left refused or wrong after session 24 (LIM31).

farscan 34's ``(1 - cos t)/t**2 + a (sqrt(1 - h/D) - 1)``, ``c = 5724``,
``D = 1.6e-4`` (limit 0.5), raises beyond ``h = D``; its first two samples,
at 0.76 D and 0.38 D, are rounding's grain of ``1 - cos t`` over ``t**2``,
0.488 and 0.976, and from 0.19 D on ``cos t`` rounds to 1 and f is only the
end's term, about -1e-14 and halving: read as 0 +- 8e-26. `_inside_the_end`
looked for such a drop only after at most one of the walk's samples; it now
looks after two as well (the second farther from the drop than the first,
as the grain grows inward).

``-log(1/(1 + exp(-x)))/exp(-x)`` at infinity (limit 1) is 0.99095 ..
0.99940 at ``x = 4 .. 32``, then exactly -0.0 (``1 + exp(-x)`` rounds to 1);
four samples before the run could not tell where they head, and it was
refused as -0 +- 0.9994 ("does not settle"), an estimate whose error misses
the limit. With ``f`` at 2 and 1 too (`_few_before_the_run`) the run is
rounding's: refused, 0.9985 +- 0.9985, naming log1p.

The naive Mills ratio at infinity is refused (4 samples before ``phi``
underflows at 38.6; no extrapolation from them reaches `ACCEPT`), and must
stay so.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from domain_ends import cos_end

from calcweb import DivisionByZeroError, limit


def test_cos_beside_an_end_with_two_samples_before_the_drop_is_refused() -> None:
    c, d, a = 5723.758262288272, 0.0001604323726509042, 6.587313335908905e-10
    for side in ("left", "right", "both"):
        result = limit(cos_end(c, d, a, 0.0), 0.0, side=side, full_output=True)
        assert not result.converged
        assert abs(result.value - 0.5) <= result.error
        assert "rounding cancels" in result.message


END = 3e-5  # between the steps 2**-16 and 2**-15: the walk's samples are at 0.51, 0.25, ... END


@pytest.mark.parametrize("slope", [0.0, 1.0, 1e3])
def test_cut_off_between_the_second_and_third_sample_beside_an_end_is_answered(
    slope: float,
) -> None:
    # f level or falling inward before the cut-off (0.2 END): a cut-off, no rounding's grain.
    def f(x: float) -> float:
        return 2 + slope * x + 1e3 * (x > 0.2 * END) + 0 * math.sqrt(END - x)

    result = limit(f, 0.0, side="right", full_output=True)
    assert result.converged
    assert abs(result.value - 2) <= result.error


def _pdf(x: float) -> float:
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def test_naive_mills_ratio_at_infinity_is_refused() -> None:
    # 1 - Phi(x) and phi(x) underflow to 0 past x = 38.6: 4 samples (x = 4 .. 32) before.
    def mills(x: float) -> float:
        return x * 0.5 * math.erfc(x / math.sqrt(2)) / _pdf(x)

    with pytest.raises(DivisionByZeroError, match="underflowed"):
        limit(mills, math.inf)


def test_naive_log_sigmoid_over_exp_at_infinity_is_refused() -> None:
    # log(1/(1 + exp(-x))) is exactly 0 from x = 37 on: f is -0.0 at x = 64 .. 512.
    def f(x: float) -> float:
        return -math.log(1 / (1 + math.exp(-x))) / math.exp(-x)

    result = limit(f, math.inf, full_output=True)
    assert not result.converged
    assert abs(result.value - 1) <= result.error
    assert "math.log1p" in result.message

    def careful(x: float) -> float:
        return math.log1p(math.exp(-x)) / math.exp(-x)

    assert limit(careful, math.inf) == pytest.approx(1.0, abs=1e-14)


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (lambda x: 1 + max(0.0, 1 / x - 1 / 40), 1.0),  # a kink at 40, then exactly 1
        (lambda x: 1 + math.exp(-x), 1.0),  # 1 from x = 64: reached, not rounding's
        (math.tanh, 1.0),
    ],
)
def test_a_run_f_reaches_after_few_samples_is_still_answered(
    f: Callable[[float], float], expected: float
) -> None:
    result = limit(f, math.inf, full_output=True)
    assert result.converged
    assert abs(result.value - expected) <= result.error
