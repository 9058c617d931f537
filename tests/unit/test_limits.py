"""Numerical limits against known values, one-sided and at infinity.

The classic limits of a calculus course, each with its exact value; limits
that do not exist (one-sided limits that differ, oscillation) and infinite
ones; and any float at all for ``x0``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calcweb
from calcweb import LimitResult, limit

Function = Callable[[float], float]


def full(f: Function, x0: float, side: str = "both") -> LimitResult:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    return result


KNOWN: list[tuple[str, Function, float, str, float]] = [
    ("sin(x)/x at 0", lambda x: math.sin(x) / x, 0.0, "both", 1.0),
    ("(1+x)^(1/x) at 0", lambda x: (1 + x) ** (1 / x), 0.0, "both", math.e),
    ("(e^x-1)/x at 0", lambda x: (math.exp(x) - 1) / x, 0.0, "both", 1.0),
    ("(1-cos x)/x^2 at 0", lambda x: (1 - math.cos(x)) / (x * x), 0.0, "both", 0.5),
    ("x log x at 0+", lambda x: x * math.log(x), 0.0, "right", 0.0),
    ("x^x at 0+", lambda x: x**x, 0.0, "right", 1.0),
    ("(x^2-1)/(x-1) at 1", lambda x: (x * x - 1) / (x - 1), 1.0, "both", 2.0),
    ("(sqrt(x)-2)/(x-4) at 4", lambda x: (math.sqrt(x) - 2) / (x - 4), 4.0, "both", 0.25),
    ("log(x)/(x-1) at 1", lambda x: math.log(x) / (x - 1), 1.0, "both", 1.0),
    ("tan(x)/x at 0", lambda x: math.tan(x) / x, 0.0, "both", 1.0),
    ("sigmoid at 3", lambda x: 1 / (1 + math.exp(-x)), 3.0, "both", 1 / (1 + math.exp(-3.0))),
    ("|x| at 0", abs, 0.0, "both", 0.0),
    ("floor at 2-", math.floor, 2.0, "left", 1.0),
    ("floor at 2+", math.floor, 2.0, "right", 2.0),
    ("(x-1000)/x at 1000", lambda x: (x - 1000) / x, 1000.0, "+", 0.0),
    ("(1+1/x)^x at inf", lambda x: (1 + 1 / x) ** x, math.inf, "both", math.e),
    ("atan at inf", math.atan, math.inf, "both", math.pi / 2),
    ("atan at -inf", math.atan, -math.inf, "both", -math.pi / 2),
    ("x sin(1/x) at inf", lambda x: x * math.sin(1 / x), math.inf, "left", 1.0),
    ("e^x at -inf", math.exp, -math.inf, "both", 0.0),
    ("(2x+1)/(x-3) at inf", lambda x: (2 * x + 1) / (x - 3), math.inf, "both", 2.0),
]
IDS = [row[0] for row in KNOWN]


@pytest.mark.parametrize(("name", "f", "x0", "side", "exact"), KNOWN, ids=IDS)
def test_classic_limits_to_1e_10_with_an_honest_error(
    name: str, f: Function, x0: float, side: str, exact: float
) -> None:
    result = full(f, x0, side=side)
    assert result.converged, result.message
    actual = abs(result.value - exact)
    assert actual <= 1e-10 * max(1.0, abs(exact)), name
    assert actual <= max(10 * result.error, 1e-15), name
    assert result.error <= 1e-9


def test_the_default_return_value_is_a_float() -> None:
    value = limit(lambda x: math.sin(x) / x, 0.0)
    assert isinstance(value, float)
    assert value == pytest.approx(1.0, abs=1e-14)


def test_f_is_never_evaluated_at_x0() -> None:
    seen: list[float] = []

    def spy(x: float) -> float:
        seen.append(x)
        return 2 * x

    assert limit(spy, 3.0) == pytest.approx(6.0, abs=1e-13)
    assert 3.0 not in seen
    assert {x < 3.0 for x in seen} == {True, False}
    assert full(spy, 3.0).nfev == len(seen) // 2


def test_side_aliases_are_accepted() -> None:
    assert full(math.floor, 2.0, side="-").side == "left"
    assert full(math.floor, 2.0, side="+").value == 2.0


@pytest.mark.parametrize(
    ("f", "right", "left"),
    [
        (lambda x: math.copysign(1.0, x), 1.0, -1.0),
        (math.floor, 0.0, -1.0),
        (lambda x: 1 / x, math.inf, -math.inf),
        (lambda x: math.atan(1 / x), math.pi / 2, -math.pi / 2),
    ],
)
def test_one_sided_limits_that_differ_are_reported_with_both_values(
    f: Function, right: float, left: float
) -> None:
    with pytest.raises(calcweb.DomainError, match=r"one-sided limits at x0=0\.0 differ") as info:
        limit(f, 0.0)
    message = str(info.value)
    for value, name in ((right, "right"), (left, "left")):
        shown = float(message.split(f" from the {name}", maxsplit=1)[0].rsplit(maxsplit=1)[-1])
        assert shown == pytest.approx(value, abs=1e-12)
    assert "side='left' or side='right'" in str(info.value)
    assert full(f, 0.0, side="right").value == pytest.approx(right, abs=1e-12)


def test_the_difference_quotient_of_2_to_the_h_is_log_2_from_both_sides() -> None:
    # The reproducer of issue 13: rounding in 2**h repeats its bits for
    # several steps, which once made the left limit 4e-11 off with an error
    # of 3e-16, and the two sides "differ".
    result = full(lambda h: (2**h - 1) / h, 0.0)
    assert result.converged
    assert result.left is not None
    assert result.right is not None
    for value in (result.value, result.left, result.right):
        assert abs(value - math.log(2.0)) <= 2.0 * result.error
    assert abs(result.value - math.log(2.0)) < 1e-12
    assert result.error < 1e-10


JUMPS: list[tuple[str, Function, float, float, float]] = [
    ("sign(x) at 0", lambda x: math.copysign(1.0, x), 0.0, -1.0, 1.0),
    ("|x|/x at 0", lambda x: abs(x) / x, 0.0, -1.0, 1.0),
    ("floor at 0", math.floor, 0.0, -1.0, 0.0),
    ("floor at 1", math.floor, 1.0, 0.0, 1.0),
    ("floor at 3", math.floor, 3.0, 2.0, 3.0),
    ("floor at -3", math.floor, -3.0, -4.0, -3.0),
    ("ceil at 2", math.ceil, 2.0, 2.0, 3.0),
    ("atan(1/x) at 0", lambda x: math.atan(1 / x), 0.0, -math.pi / 2, math.pi / 2),
    ("exp(1/x) at 0", lambda x: math.exp(1 / x), 0.0, 0.0, math.inf),
    ("1/(1+exp(1/x)) at 0", lambda x: 1 / (1 + math.exp(1 / x)), 0.0, 1.0, 0.0),
    # Jumps far smaller than the values, which their error estimates resolve.
    (
        "sin(x)/x + 1e-9 [x>0]",
        lambda x: math.sin(x) / x + (1e-9 if x > 0 else 0.0),
        0.0,
        1.0,
        1.0 + 1e-9,
    ),
    (
        "1e6 + x + 1e-6 [x>3]",
        lambda x: 1e6 + x + (1e-6 if x > 3 else 0.0),
        3.0,
        1e6 + 3,
        1e6 + 3 + 1e-6,
    ),
]


@pytest.mark.parametrize(
    ("f", "x0", "left", "right"), [row[1:] for row in JUMPS], ids=[row[0] for row in JUMPS]
)
def test_a_real_jump_is_reported_as_one_with_both_one_sided_limits(
    f: Function, x0: float, left: float, right: float
) -> None:
    with pytest.raises(calcweb.DomainError, match="differ") as info:
        limit(f, x0)
    assert "so the limit does not exist" in str(info.value)
    for name, expected in (("left", left), ("right", right)):
        result = full(f, x0, side=name)
        assert result.converged, result.message
        if math.isinf(expected):
            assert result.value == expected
        else:
            assert abs(result.value - expected) <= max(2.0 * result.error, 1e-300)
            assert abs(result.value - expected) <= 1e-12 * max(1.0, abs(expected))


def test_the_message_of_a_jump_gives_the_gap_and_the_errors() -> None:
    with pytest.raises(calcweb.DomainError, match=r"they are 1e-09 apart, their estimated errors"):
        limit(lambda x: math.sin(x) / x + (1e-9 if x > 0 else 0.0), 0.0)


def test_one_sided_limits_differ_when_they_are_further_apart_than_their_errors_allow() -> None:
    # A jump of a few times the estimated errors is a jump; one well inside
    # them is not (honest errors put both sides within 2 * errors of the limit).
    def base(h: float) -> float:
        return (math.exp(h) - 1) / h

    left, right = full(base, 0.0, side="left"), full(base, 0.0, side="right")
    errors = left.error + right.error
    for size, jumps in ((7.0 * errors, True), (0.3 * errors, False)):

        def f(h: float, size: float = size) -> float:
            return base(h) + (size if h > 0 else 0.0)

        if jumps:
            with pytest.raises(calcweb.DomainError, match="differ"):
                limit(f, 0.0)
        else:
            assert abs(full(f, 0.0).value - 1.0) <= errors


def test_a_two_sided_limit_is_as_uncertain_as_its_less_certain_side() -> None:
    # Exact from the left, rounding noise from the right: the limit is the
    # mean of the two, and its error covers the right side's.
    def f(h: float) -> float:
        return (math.exp(h) - 1) / h if h > 0 else 1 + h / 2 + h * h / 6

    result = full(f, 0.0)
    assert result.left is not None
    assert result.right is not None
    assert abs(result.left - 1.0) < 1e-15
    assert abs(result.right - 1.0) > 1e-15
    assert abs(result.value - 1.0) <= 2.0 * result.error
    assert result.error >= full(f, 0.0, side="right").error


def test_one_sided_limits_that_agree_within_their_errors_make_a_limit() -> None:
    # The two sides carry different rounding noise; the limit is still one.
    result = full(lambda x: (math.sin(x) - math.sin(1e6)) / (x - 1e6), 1e6)
    assert result.left is not None
    assert result.right is not None
    assert result.left != result.right
    assert abs(result.left - result.right) <= 2.0 * result.error
    assert abs(result.value - math.cos(1e6)) <= 2.0 * result.error
    assert abs(result.value - math.cos(1e6)) < 1e-11


# Functions with their first and second derivatives, and where to take them.
FAMILIES: dict[str, tuple[Function, Function, Function, float, float]] = {
    "exp": (math.exp, math.exp, math.exp, -20.0, 20.0),
    "sin": (math.sin, math.cos, lambda a: -math.sin(a), -1e6, 1e6),
    "cos": (math.cos, lambda a: -math.sin(a), lambda a: -math.cos(a), -1e6, 1e6),
    "log": (math.log, lambda a: 1 / a, lambda a: -1 / a**2, 1e-3, 1e6),
    "sqrt": (math.sqrt, lambda a: 0.5 / math.sqrt(a), lambda a: -0.25 * a**-1.5, 1e-3, 1e6),
    "atan": (
        math.atan,
        lambda a: 1 / (1 + a * a),
        lambda a: -2 * a / (1 + a * a) ** 2,
        -100.0,
        100.0,
    ),
    "cube": (lambda x: x**3, lambda a: 3 * a * a, lambda a: 6 * a, -1e4, 1e4),
    "1/x": (lambda x: 1 / x, lambda a: -1 / a**2, lambda a: 2 / a**3, 1e-2, 1e5),
    "2**x": (
        lambda x: 2**x,
        lambda a: math.log(2) * 2**a,
        lambda a: math.log(2) ** 2 * 2**a,
        -30.0,
        30.0,
    ),
    "tan": (
        math.tan,
        lambda a: 1 / math.cos(a) ** 2,
        lambda a: 2 * math.tan(a) / math.cos(a) ** 2,
        -1.5,
        1.5,
    ),
}


def difference_quotients(seed: int, count: int) -> list[tuple[str, Function, float, str, float]]:
    """Random difference quotients (first and second, one- and two-sided, at
    infinity, scaled by 1e8 and 1e-12) with their exact limits."""
    rng = random.Random(seed)  # noqa: S311  reproducible cases, not cryptography
    cases: list[tuple[str, Function, float, str, float]] = []
    for _ in range(count):
        name = rng.choice(sorted(FAMILIES))
        g, d1, d2, low, high = FAMILIES[name]
        size = math.exp(rng.uniform(math.log(max(low, 1e-2)), math.log(high)))
        a = size if low > 0 or rng.random() < 0.5 else -size
        form = rng.choice(["forward", "symmetric", "second", "infinity", "big", "tiny"])
        side = "both" if form == "infinity" else rng.choice(["left", "right", "both"])
        x0 = a if form in ("forward", "big", "tiny") else 0.0
        if form == "infinity":
            x0 = rng.choice([math.inf, -math.inf])
        f = quotient(form, g, a)
        exact = d2(a) if form == "second" else d1(a) * {"big": 1e8, "tiny": 1e-12}.get(form, 1.0)
        cases.append((f"{form} {name} at {a:.6g} [{side}]", f, x0, side, exact))
    return cases


def quotient(form: str, g: Function, a: float) -> Function:
    """A difference quotient of ``g`` at ``a``, of x near a, h near 0 or x near inf."""
    ga = g(a)
    scale = {"big": 1e8, "tiny": 1e-12}.get(form, 1.0)

    def forward(x: float) -> float:
        return scale * (g(x) - ga) / (x - a)

    def symmetric(h: float) -> float:
        return (g(a + h) - g(a - h)) / (2 * h)

    def second(h: float) -> float:
        return (g(a + h) - 2 * ga + g(a - h)) / h**2

    def at_infinity(x: float) -> float:
        return x * (g(a + 1 / x) - ga)

    return {"symmetric": symmetric, "second": second, "infinity": at_infinity}.get(form, forward)


@pytest.mark.parametrize("seed", range(4))
def test_difference_quotients_at_random_points_have_honest_errors(seed: int) -> None:
    # Rounding noise of every kind: cancellation at large |a|, a + h rounded
    # inside f, second differences that lose all their digits. A limit may
    # refuse (NumericalError) but never claim an error it does not have.
    settled = 0
    cases = difference_quotients(seed, 60)
    for name, f, x0, side, exact in cases:
        try:
            result = full(f, x0, side=side)
        except calcweb.NumericalError:
            continue
        assert isinstance(result, LimitResult)
        if result.converged:
            settled += 1
            assert abs(result.value - exact) <= 2.0 * result.error, (name, result)
    assert settled >= 0.8 * len(cases)


def test_floor_left_of_a_large_integer_is_not_claimed_too_precisely() -> None:
    # Steps of 1 and more land on integers, where floor(x) looks like x; only
    # the samples closer than 1 show the jump, as a constant tail.
    result = full(math.floor, 1e6, side="left")
    if result.converged:
        assert abs(result.value - 999999.0) <= 2.0 * result.error


def test_a_function_undefined_close_to_x0_is_refused() -> None:
    # log(x - 1e-3) is defined only for x > 1e-3: no limit at 0 from the right.
    with pytest.raises(calcweb.DomainError, match="cannot be evaluated close enough"):
        limit(lambda x: math.log(x - 1e-3), 0.0, side="right")


def test_a_limit_costs_48_evaluations_a_side_a_noisy_one_8_more_a_slow_one_16() -> None:
    # At 0 and infinity one more a side, at the deepest step closer in (about
    # 1e-92), where a term too small for the usual samples would show; and a
    # finite value two more a side, between the steps (`_off_the_grid`); and one
    # more a side at 2**-993, where f fits it there (`_beyond_the_floor`).
    assert full(lambda x: math.sin(x) / x, 0.0).nfev == 2 * (48 + 1 + 2 + 1)
    assert full(lambda x: math.sin(x - 1) / (x - 1), 1.0).nfev == 2 * (48 + 2)
    # Its rounding noise at the last samples is above its error: f is sampled
    # closer in until it gets stuck (on 0, once 2**x rounds to 1), 3 more,
    # and at the halvings before that run, to tell whether f falls or grows
    # onto it (`_grown_onto`: 4 to find where it starts, 1 before it): 5 more.
    assert full(lambda x: (2**x - 1) / x, 0.0, side="left").nfev == 48 + 3 + 5 + 2
    slow = full(lambda x: math.sqrt(x) * math.log(x), 0.0, side="right")
    assert slow.converged
    # (+ 1 one halving short of the deepest step of the walk that refines it: `_walk_aliased`)
    assert slow.nfev == 64 + 1 + 2
    assert abs(slow.value) <= 2.0 * slow.error < 1e-30


def _undefined_for(low: float, high: float, g: Function, x0: float = 0.0) -> Function:
    """``g``, raising ValueError where ``low < |x - x0| < high``."""

    def f(x: float) -> float:
        if low < abs(x - x0) < high:
            raise ValueError("outside the domain")
        return g(x)

    return f


def _rounding_growth(x: float) -> float:
    t = x / 1e8
    return (math.exp(t) - 1 - t) / t**2


# Functions whose calls fail on the way: in the usual samples, farther out,
# deeper, at the checks of a power law and at the doublings after them.
FAILING_CALLS: list[tuple[str, Function, float, str]] = [
    ("1/x**30 overflows next to 0", lambda x: 1 / x**30, 0.0, "right"),
    ("-1/x**4 overflows deeper", lambda x: -1 / x**4, 0.0, "both"),
    ("constant, undefined farther out", _undefined_for(0.3, math.inf, lambda x: 3.0), 0.0, "both"),
    (
        "rounding's growth, undefined farther out",
        lambda x: _rounding_growth(x) + 0 * math.log(0.6 - x),
        0.0,
        "right",
    ),
    (
        "1/h**2, a hole at a check",
        _undefined_for(50.0, 100.0, lambda x: 1 / (x - 1) ** 2, 1.0),
        1.0,
        "right",
    ),
    (
        "1/h**2, a hole at a doubling",
        _undefined_for(100.0, 200.0, lambda x: 0.0 if x - 1 >= 16384 else 1 / (x - 1) ** 2, 1.0),
        1.0,
        "right",
    ),
    (
        "(cos t - 1 + t**2/2)/t**4, t = x/1e9",
        lambda x: (math.cos(x / 1e9) - 1 + (x / 1e9) ** 2 / 2) / (x / 1e9) ** 4,
        0.0,
        "both",
    ),
]


@pytest.mark.parametrize(
    ("f", "x0", "side"), [c[1:] for c in FAILING_CALLS], ids=[c[0] for c in FAILING_CALLS]
)
def test_nfev_counts_every_call_of_f_those_that_fail_too(f: Function, x0: float, side: str) -> None:
    calls: list[float] = []

    def counted(x: float) -> float:
        calls.append(x)
        return f(x)

    result = full(counted, x0, side)
    assert result.nfev == len(calls)
    assert any(_fails(f, x) for x in calls)  # the case tests what it says


def test_nfev_leaves_out_sample_points_beyond_the_largest_float() -> None:
    # From the right of 1.7e308 the first two points, x0 + 2**1021 and
    # x0 + 2**1020, overflow to inf: f is not called there.
    calls: list[float] = []

    def f(x: float) -> float:
        calls.append(x)
        return (x - 1.7e308) / 1e300

    # One more between the steps (`_off_the_grid`: 1/h shifted by 1.3 falls
    # outside the first probed step, which is far larger than 1).
    result = full(f, 1.7e308, "right")
    assert result.nfev == len(calls) == 46 + 1


def _fails(f: Function, x: float) -> bool:
    try:
        return not math.isfinite(f(x))
    except (ValueError, ZeroDivisionError, OverflowError):
        return True


def test_noise_that_grows_close_to_x0_is_not_an_infinite_limit() -> None:
    # cos(h) - 1 + h**2/2 loses all its digits near 0, so the quotient grows
    # like 1/h**4 there; its limit is 1/24 all the same.
    result = full(lambda h: (math.cos(h) - 1 + h * h / 2) / h**4, 0.0)
    assert result.converged
    assert abs(result.value - 1 / 24) <= 2.0 * result.error < 1e-6
    # One more term, and 1/h**6: the estimate is too rough to be a limit,
    # but it is no infinite limit either.
    sixth = lambda h: (math.cos(h) - 1 + h * h / 2 - h**4 / 24) / h**6  # noqa: E731
    with pytest.raises(calcweb.NumericalError, match="does not settle"):
        limit(sixth, 0.0)
    rough = full(sixth, 0.0)
    assert not rough.converged
    assert abs(rough.value + 1 / 720) <= 2.0 * rough.error < 1e-4


# Honesty failures that a random search over difference quotients once
# found in earlier versions: (function, a, form, side, x0).
HARD: list[tuple[str, float, str, str, float]] = [
    ("cube", -7.451840991305542, "forward", "right", -7.451840991305542),
    ("2**x", 0.045521472640956476, "infinity", "both", math.inf),
    ("1/x", 607.6776250571868, "symmetric", "both", 0.0),
    ("cube", -55.69980379557867, "tiny", "left", -55.69980379557867),
    ("cube", -17.043359914492726, "infinity", "both", -math.inf),
    ("cube", -1075.1619278067517, "second", "left", 0.0),
    ("sqrt", 9467.211369639264, "infinity", "both", math.inf),
    # Samples closer than 1e-20 are all 0 here (a + h rounds to a), which
    # must not pass for convergence.
    ("exp", 0.3260882990500397, "second", "both", 0.0),
    ("tan", 0.9040869519795135, "second", "left", 0.0),
    ("2**x", 1.0886451582754835, "second", "both", 0.0),
    # Rounding that repeats its bits, or a pause in the shrinking of the
    # changes, once hid the noise.
    ("cube", 0.9952657584685783, "symmetric", "both", 0.0),
    ("cos", 232.45882649854914, "tiny", "right", 232.45882649854914),
    ("sqrt", 40584.867218407024, "infinity", "both", -math.inf),
]


@pytest.mark.parametrize(("name", "a", "form", "side", "x0"), HARD)
def test_hard_difference_quotients_have_honest_errors(
    name: str, a: float, form: str, side: str, x0: float
) -> None:
    g, d1, d2, _, _ = FAMILIES[name]
    exact = d2(a) if form == "second" else d1(a) * {"tiny": 1e-12}.get(form, 1.0)
    result = full(quotient(form, g, a), x0, side=side)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2.0 * result.error


@pytest.mark.parametrize(
    ("f", "x0", "side", "expected"),
    [
        (lambda x: 1 / x**2, 0.0, "both", math.inf),
        (lambda x: -1 / abs(x), 0.0, "both", -math.inf),
        (math.log, 0.0, "right", -math.inf),
        (lambda x: 1 / x, 0.0, "right", math.inf),
        (lambda x: 1 / math.sqrt(x), 0.0, "right", math.inf),
        (lambda x: 1 / x**30, 0.0, "both", math.inf),  # overflows near 0
        (lambda x: math.exp(1 / x), 0.0, "right", math.inf),  # overflows near 0
        (lambda x: x * x, math.inf, "both", math.inf),
        (lambda x: 1 / (x - 2), 2.0, "left", -math.inf),
    ],
)
def test_a_function_that_grows_without_bound_has_an_infinite_limit(
    f: Function, x0: float, side: str, expected: float
) -> None:
    result = full(f, x0, side=side)
    assert result.value == expected
    assert "grows without bound" in result.message
    assert limit(f, x0, side=side) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("f", "x0"),
    [(lambda x: math.sin(1 / x), 0.0), (math.sin, math.inf), (lambda x: x * math.sin(x), math.inf)],
)
def test_a_function_that_does_not_settle_raises_and_says_so(f: Function, x0: float) -> None:
    with pytest.raises(calcweb.NumericalError, match="does not settle") as info:
        limit(f, x0)
    assert "pass full_output=True" in str(info.value)
    result = full(f, x0)
    assert not result.converged
    assert result.message == str(info.value)


def test_a_side_where_f_is_undefined_names_the_other_side() -> None:
    with pytest.raises(calcweb.DomainError, match="pass side='right'"):
        limit(lambda x: x * math.log(x), 0.0)
    with pytest.raises(calcweb.DomainError, match="pass side='left'"):
        limit(lambda x: math.sqrt(1 - x), 1.0)
    assert limit(lambda x: math.sqrt(1 - x), 1.0, side="left") == pytest.approx(0.0, abs=1e-7)


@pytest.mark.parametrize("side", ["up", "", None, 1, "BOTH"])
def test_an_unknown_side_is_refused(side: object) -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="side must be 'both', 'left'"):
        limit(math.sin, 0.0, side=side)  # type: ignore[arg-type]


def test_there_is_nothing_beyond_infinity() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="nothing lies to the right"):
        limit(math.atan, math.inf, side="right")
    with pytest.raises(calcweb.InvalidArgumentError, match="pass side='right'"):
        limit(math.atan, -math.inf, side="left")


@pytest.mark.parametrize(
    ("x0", "error"), [(math.nan, "InvalidArgumentError"), ("0", "ArgumentTypeError")]
)
def test_an_x0_that_is_not_a_number_is_refused(x0: object, error: str) -> None:
    with pytest.raises(getattr(calcweb, error), match="x0 must be"):
        limit(math.sin, x0)  # type: ignore[arg-type]


def test_a_function_returning_a_non_number_is_refused() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="must return a real number"):
        limit(str, 0.0)  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match="f must be a function"):
        limit("sin", 0.0)  # type: ignore[arg-type]


def test_limits_agree_with_sympy() -> None:
    sympy = pytest.importorskip("sympy", reason="sympy is a test oracle, absent in Pyodide")
    x = sympy.Symbol("x")
    cases = [
        (sympy.sin(3 * x) / sympy.sin(5 * x), 0),
        ((sympy.exp(2 * x) - 1 - 2 * x) / x**2, 0),
        (sympy.atan(x) / x, 0),
        ((x**3 - 8) / (x - 2), 2),
        (sympy.log(1 + 3 * x) / sympy.sin(x), 0),
    ]
    for expression, point in cases:
        f = sympy.lambdify(x, expression, "math")
        expected = float(sympy.limit(expression, x, point))
        assert limit(f, float(point)) == pytest.approx(expected, rel=1e-10), expression


ANY_FLOAT = st.floats(allow_nan=True, allow_infinity=True)


@settings(deadline=None, max_examples=80)
@given(x0=ANY_FLOAT, side=st.sampled_from(["both", "left", "right"]))
def test_limit_gives_a_number_or_a_calcweb_error_for_any_x0(x0: float, side: str) -> None:
    for f in (math.exp, math.atan, lambda x: 1 / x, lambda x: x * x, math.sqrt):
        try:
            value = limit(f, x0, side=side)  # type: ignore[arg-type]
        except calcweb.CalcwebError:
            continue
        assert not math.isnan(value)
        if f is math.atan and math.isfinite(x0):
            assert value == pytest.approx(math.atan(x0), rel=1e-9, abs=1e-9)


# --- f = L + c sqrt(h) + O(h) away from 0 (issue 13). -------------------------

SQRT_CASES = [
    ("sqrt(x - 3) at 3+", lambda x: math.sqrt(x - 3.0), 3.0, "right", 0.0),
    ("sqrt(4 - x**2) at 2-", lambda x: math.sqrt(4.0 - x * x), 2.0, "left", 0.0),
    (
        "(x - 3)/sqrt(x**2 - 9) at 3+",
        lambda x: (x - 3.0) / math.sqrt(x * x - 9.0),
        3.0,
        "right",
        0.0,
    ),
    ("acos(x) at 1-", math.acos, 1.0, "left", 0.0),
    (
        "2 + exp(x) sqrt(x - 1) at 1+",
        lambda x: 2.0 + math.exp(x) * math.sqrt(x - 1.0),
        1.0,
        "right",
        2.0,
    ),
    ("sqrt(|x - 5|) at 5", lambda x: math.sqrt(abs(x - 5.0)), 5.0, "both", 0.0),
]


@pytest.mark.parametrize(
    ("f", "x0", "side", "exact"),
    [case[1:] for case in SQRT_CASES],
    ids=[case[0] for case in SQRT_CASES],
)
def test_a_limit_approached_like_sqrt_h_is_extrapolated_in_sqrt_h(
    f: Callable[[float], float], x0: float, side: str, exact: float
) -> None:
    # The samples stop ~2**-50 x0 from x0, where sqrt(h) is still 6e-8 (sqrt(x - 3):
    # h = 2**-48): the table in powers of h left about that much (sqrt(x - 3) at
    # 3+: 2.7e-8 +- 5.4e-8).
    # With the sqrt(h) term removed (limits._root_refined), 1e-11 or better.
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert result.converged
    assert abs(result.value - exact) <= 2.0 * result.error
    assert abs(result.value - exact) <= 1e-11
    assert result.error <= 1e-10


@pytest.mark.parametrize(
    ("f", "exact"),
    [
        (lambda x: (x - 1.0) ** 0.25, 0.0),
        (lambda x: math.sqrt(x - 1.0) + 1e-3 * (x - 1.0) ** 0.25, 0.0),
        (lambda x: 1.0 + math.sqrt(x - 1.0) * math.log(x - 1.0), 1.0),
    ],
    ids=["(x - 1)**0.25", "sqrt(x - 1) + 1e-3 (x - 1)**0.25", "1 + sqrt(x - 1) log(x - 1)"],
)
def test_other_slow_terms_stay_honest_with_the_sqrt_h_term_removed(
    f: Callable[[float], float], exact: float
) -> None:
    try:
        result = limit(f, 1.0, side="right", full_output=True)
    except calcweb.CalcwebError:
        return
    assert isinstance(result, LimitResult)
    if result.converged:
        assert abs(result.value - exact) <= 2.0 * result.error


def test_the_estimate_without_the_sqrt_h_term_may_not_contradict_the_first() -> None:
    from calcweb.limits import _root_refined  # noqa: PLC0415 - a private helper

    values = [math.sqrt(2.0 ** -(k + 2)) for k in range(40)]
    # It refines 2.7e-8 +- 5.4e-8 to 0, to the rounding that it carries at least.
    value, error = _root_refined(values, 0, 2.7e-8, 5.4e-8)
    assert abs(value) <= 1e-20
    assert error >= (math.sqrt(2.0) + 1.0) / (math.sqrt(2.0) - 1.0) * 4.0 * 8.0 * 2.0**-52 * 0.5
    assert error < 5.4e-8
    # An estimate it contradicts (3 +- 0.5: 0 is farther than JUMP times both
    # errors) stands; within them (1 +- 0.5) the tail of the estimate's error may
    # have misjudged the sqrt(h) term, and the refined value replaces it.
    assert _root_refined(values, 0, 3.0, 0.5) == (3.0, 0.5)
    assert abs(_root_refined(values, 0, 1.0, 0.5)[0]) <= 1e-20


def test_a_limit_with_no_sqrt_h_term_keeps_its_estimate() -> None:
    # (1 - cos t)/t**2, t = (x - 2**30)/350.8 (limits seed 6 #2): the
    # combination without a sqrt(h) term, its rounding amplified 5.8 times,
    # estimated 0.5000000000183 +- 2.7e-10, a smaller error but 8.5 times
    # farther off than 0.4999999999978 +- 1.2e-9. f leaves its limit like h**2
    # and noise, not like sqrt(h): the first estimate stands.
    c, x0 = 350.8125437587211, 2.0**30

    def f(x: float) -> float:
        t = (x - x0) / c
        return (1.0 - math.cos(t)) / t**2

    result = limit(f, x0, side="left", full_output=True)
    assert isinstance(result, LimitResult)
    assert abs(result.value - 0.5) < 1e-11  # 2.2e-12 here; 1.8e-11 with the combination
    assert result.error > 5e-10  # 1.2e-9 here; 2.7e-10 with the combination
