"""A law that ends on a constant other than 0 closer in is not taken for rounding's (issue 13).

bench.honesty limits-capped (a difference quotient that rounding biases,
plus ``min(k/|x|**p, C)``, the cap reached between ``2**-50`` and
``2**-300``) had 3 / 5 / 6 / 2 / 4 converged, dishonest answers at seeds
1-5: the quotient's limit, not the quotient's plus ``C``. In 18 of those 20
the last usual samples leave the value by a law ``c / h**p`` smaller than it
(the quotient's own rounding bias, ``2 + 2**-53/x`` for tanq, and the term),
and `_law_closer_in` took the law for rounding's because ``f`` closer in
(``2**-16`` times the last usual step and on) stays within the size of its
samples: there the quotient has rounded to 0 and the term is on its cap, so
``f`` is ``C`` at every step. Rounding's law ends where the terms that carry
``x`` round away, on what is left of ``f``: 0 for a numerator cancelled to
nothing; ``f`` stuck on another constant there may be a cap, which a term too
small to show past the law reached (LIM5, session 12, sorted how: at the
true limit for a few halvings, one sample near the cap, the term alone
growing onto it after the quotient's collapse, or both at one halving), or a
constant beside the quotient (``(tan(pi/4 + x) - tan(pi/4))/x + 5``), and the
samples cannot tell which: the limit is refused. The cost: the quotient's
rounding law beside a constant other than 0 is refused too (last test).
The other 2 (tanq3 from the left, seeds 2 and 5) left the value toward 0,
crossing it, which `_lost_before_growth` took for rounding's scatter; only
the samples before the departure from the value count there now (session 14).
"""

from __future__ import annotations

import math

import pytest
from limit_checks import Function, full

from calcweb.limits import DEEP_STEPS, STUCK, _Counted, _law_closer_in, _lost_before_growth

T = math.tan(math.pi / 4)
INF = math.inf
QUOTIENTS = {
    "tanq": (lambda x: (math.tan(math.pi / 4 + x) - T) / x, 2.0),
    "tanq3": (lambda x: (math.tan(math.pi / 4 + 3 * x) - T) / x, 6.0),
    "tansym": (lambda x: (math.tan(math.pi / 4 + x) - math.tan(math.pi / 4 - x)) / (2 * x), 2.0),
    "cotq": (lambda x: (1 / math.tan(math.pi / 4 + x) - 1 / T) / x, -2.0),
    "sqrt": (lambda x: (math.sqrt(1 + x) - 1) / x, 0.5),
    "log1p": (lambda x: math.log(1 + x) / x, 1.0),
}

# limits-capped seeds 1-5, each answered the quotient's limit, converged, before.
CAPPED = [
    ("log1p", 1.9583786035973992e-37, 2, 0.0002587995134962345, 0.0, "left"),
    ("tanq", 3.129401996178966e-16, 1, 1.7366079775467118, 0.0, "right"),
    ("tanq3", 2.8247501407365396e-20, 1, -0.0010858710278465447, 0.0, "right"),
    ("sqrt", 1.3870154828265512e-16, 1, -0.19548576249246297, 0.0, "right"),
    ("tansym", 1.7018218989008788e-17, 1, -0.02679979037037933, 0.0, "left"),
    ("tanq", 2.8019290572062157e-19, 1, -0.005753661347797018, 0.0, "right"),
    ("tanq3", 1.0449906405117574e-21, 1, -3.637854518231846e-05, INF, "left"),
    ("log1p", 7.933201944076461e-34, 2, -0.016211193184361487, 0.0, "left"),
    ("log1p", 8.36714323514644e-17, 1, -0.17751600610239787, 0.0, "left"),
    ("cotq", 1.8147111451965817e-16, 1, 0.7582388728140599, 0.0, "left"),
    ("log1p", 1.4762960564495648e-21, 1, 6.155169527010203e-06, 0.0, "left"),
    ("tanq", 2.060297560212275e-18, 1, -0.0029947847284920045, 0.0, "left"),
    ("tanq", 1.1456158518214675e-50, 3, 0.0001845199661535223, 0.0, "left"),
    ("log1p", 2.0562328448567794e-19, 1, -0.0011795779090442652, 0.0, "right"),
    ("cotq", 1.5768997165873886e-20, 1, 0.00020262694057552225, 0.0, "right"),
    ("log1p", 9.232006322534072e-21, 1, 0.0002556860566025316, 0.0, "right"),
    ("sqrt", 4.800755959231217e-19, 1, -0.010124720001896756, 0.0, "left"),
    ("log1p", 1.1900715014386011e-20, 1, -1.616740066228417e-05, 0.0, "right"),
]


def _capped(name: str, k: float, p: int, cap: float, x0: float) -> Function:
    q = QUOTIENTS[name][0]
    if math.isinf(x0):
        return lambda x: q(1 / x) + math.copysign(min(k * abs(x) ** p, abs(cap)), cap)
    return lambda x: q(x) + math.copysign(min(k / abs(x) ** p, abs(cap)), cap)


@pytest.mark.parametrize(("name", "k", "p", "cap", "x0", "side"), CAPPED)
def test_a_law_that_ends_on_a_cap_closer_in_is_refused(  # noqa: PLR0917 - the parametrized case
    name: str, k: float, p: int, cap: float, x0: float, side: str
) -> None:
    result = full(_capped(name, k, p, cap, x0), x0, side)
    assert not result.converged, (name, k, result)
    assert result.error == math.inf
    # The estimate is the quotient's limit, off the true one by the cap.
    assert abs(result.value - QUOTIENTS[name][1]) < 1e-9
    assert "leave it ever faster" in result.message


@pytest.mark.parametrize(
    ("name", "k", "p", "cap", "side"),
    [
        # limits-capped seeds 2 and 5, both from the left, where tanq3 is exactly
        # 6 at the usual samples -2**-31 .. -2**-36 (7.9e-13 above the estimate,
        # 5.999999999999206), as rounding leaves it, and then leaves it toward 0
        # like -k/|x|**p, crossing the estimate on the way. That crossing was
        # counted as rounding's scatter about it (`_lost_before_growth`: f does
        # not grow in size, so every sample counted as one before the growth),
        # and 5.999999999999206 +- 2.2e-11 was answered, converged; the limits
        # are 6 - 0.0028 and 6 - 0.649. Only the samples before the departure
        # from the value count now, and the law is looked at closer in.
        ("tanq3", 2.3728149821767084e-49, 3, -0.0028111901759479397, "left"),
        ("tanq3", 1.3239506654431346e-35, 2, -0.6492255136395294, "left"),
    ],
)
def test_a_cap_after_samples_stuck_by_rounding_is_refused(
    name: str, k: float, p: int, cap: float, side: str
) -> None:
    result = full(_capped(name, k, p, cap, 0.0), 0.0, side)
    assert not result.converged, result
    assert result.error == math.inf
    assert abs(result.value - QUOTIENTS[name][1]) < 1e-9
    assert "leave it ever faster" in result.message


@pytest.mark.parametrize("side", ["left", "right"])
def test_tanq3_alone_stuck_on_6_by_rounding_still_stands(side: str) -> None:
    q, exact = QUOTIENTS["tanq3"]
    result = full(q, 0.0, side)
    assert result.converged, result
    assert abs(result.value - exact) <= 2 * result.error


def test_a_departure_that_crosses_the_value_is_no_scatter() -> None:
    # On the value's other side, then stuck on 6 (within the error of the value)
    # and leaving it toward 0 ever faster, through it: one crossing before the
    # departure, and the departure's own.
    value = 5.999999999999206
    samples = [5.99999994, 5.99999988, 6.0, 6.0, 6.0, 6.0]
    samples += [6.0 - 2.0e-12 * 8.0**k for k in range(8)]
    assert not _lost_before_growth(samples, value, 2.2e-11)
    # Noise that crosses the value twice before the departure is rounding's.
    noisy = [5.99999994, 6.00000002, 5.99999997, 6.0, 5.9999999999997]
    noisy += [6.0 - 2.0e-12 * 8.0**k for k in range(8)]
    assert _lost_before_growth(noisy, value, 2.2e-11)
    # As is a run stuck off the value before the departure (cos h - 1 + h**2/2 on 0).
    stuck = [5.99999994, 6.00000002, 0.0, 0.0, 0.0, 1e3, 4e3, 1.6e4]
    assert _lost_before_growth(stuck, 1 / 24, 1e-9)


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("name", ["tanq", "tansym", "cotq", "log1p", "sqrt"])
def test_a_law_that_ends_on_0_closer_in_is_rounding_s(name: str, side: str) -> None:
    # The quotient alone: its numerator cancels to 0 where x rounds away.
    q, exact = QUOTIENTS[name]
    result = full(q, 0.0, side)
    assert result.converged, (name, side, result.message)
    assert abs(result.value - exact) <= 2 * result.error


@pytest.mark.parametrize("constant", [5.0, -1.0, 0.001])
def test_a_rounding_law_beside_a_constant_is_refused_as_a_cap_would_be(constant: float) -> None:
    # tanq + 5 at 0+ is 7 + 2**-53/x at the usual samples and 5 closer in: the
    # same samples as tanq + min(k/x, 5) with k/x hidden in the law (limit 7
    # here, 2 + 5 + ... there). Answered 7 before, right; refused now.
    q, exact = QUOTIENTS["tanq"]
    result = full(lambda x: q(x) + constant, 0.0, "right")
    assert not result.converged
    assert abs(result.value - (exact + constant)) < 1e-9


# ------------------------------------------------------------ _law_closer_in itself

H = 2.0**-49
LAW = [1.0 + 0.25, 1.0 + 0.5, 1.0 + 1.0]  # 1 + c/h at 4 h, 2 h, h: p = 1, past 4 * 2 a step in


@pytest.mark.parametrize(
    ("closer", "verdict"),
    [
        (0.0, "ends"),  # the numerator cancelled to nothing
        (-0.0, "ends"),
        (1.0, None),  # the value itself, or a cap: the law tells nothing
        (-1.5, None),
        (1e-300, None),
    ],
)
def test_only_a_law_that_ends_on_0_is_rounding_s(closer: float, verdict: str | None) -> None:
    f = _Counted(lambda x: closer)
    assert _law_closer_in(f, lambda h: h, H, LAW) == verdict
    assert f.calls == DEEP_STEPS


def test_a_law_that_ends_off_any_one_constant_is_rounding_s() -> None:
    # Within the size of the samples, not stuck on one value at the last steps.
    values = iter([0.5, 1.0] * (DEEP_STEPS // 2))
    f = _Counted(lambda x: next(values))
    assert _law_closer_in(f, lambda h: h, H, LAW) == "ends"
    # Stuck on 0.5 only at the last STUCK steps, after others: no verdict.
    values = iter([1.0, 0.0] * (DEEP_STEPS // 2 - 2) + [0.5] * STUCK + [0.0])
    g = _Counted(lambda x: next(values))
    assert _law_closer_in(g, lambda h: h, H, LAW) == "ends"  # the last is 0: not stuck
    values = iter([1.0, 0.0] * (DEEP_STEPS // 2 - 2) + [0.0] + [0.5] * STUCK)
    k = _Counted(lambda x: next(values))
    assert _law_closer_in(k, lambda h: h, H, LAW) is None
