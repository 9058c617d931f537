"""riemann_sum and integrate's composite rules on inputs the textbook tests leave out.

Found by mutation testing: every refusal's message in full; n at its bounds;
the textbook width (b - a)/n to the last bit, and the points and width of an
interval whose length overflows; the composite rules' Richardson estimate
|fine - coarse| / (2**p - 1) on the n given and on 2n when n does not split,
against sums worked out exactly.

And the adaptive rule's bookkeeping, each check fed the input on its threshold:
the splits (the trend of the changes, capped at 0.9; the jump detector's 10x and
50 ulps; the witness each half inherits), the refusals, the choice of the next
panel, QUADPACK's rounding counts, the end (plain sum, extrapolation or
divergence) and Wynn's epsilon table, on panels and tables made by hand with
exact binary fractions, so that each expected number is worked out here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from fractions import Fraction

import pytest

import calcweb
from calcweb import integrate, riemann_sum
from calcweb._gauss_kronrod import K15, K21, UNRESOLVED_SHARE, Panel, gauss_kronrod
from calcweb._integrate import (
    MAX_INTERVALS,
    MAX_N,
    MIN_TOL,
    IntegrationResult,
    _Entry,
    _Epsilon,
    _Extrapolated,
    _Panels,
    _too_narrow,
)


def refusal(kind: type[Exception], call: Callable[[], object]) -> str:
    """The message of the ``kind`` of error that ``call()`` raises."""
    with pytest.raises(kind) as caught:
        call()
    return str(caught.value)


def one(_x: float) -> float:
    return 1.0


# ------------------------------------------------------------ refusals


def test_n_is_named_and_bounded() -> None:
    assert (
        refusal(calcweb.ArgumentTypeError, lambda: riemann_sum(one, 0, 1, 1.5))  # type: ignore[arg-type]
        == "n must be an int (the number of intervals), but got float 1.5"
    )
    assert refusal(calcweb.InvalidArgumentError, lambda: riemann_sum(one, 0, 1, 0)) == (
        "n must be between 1 and 10_000_000, but got 0; pass the number of equal intervals, "
        "such as n=100"
    )
    assert MAX_N == 10_000_000
    assert riemann_sum(one, 1.0, 1.0, MAX_N) == 0.0  # the largest n is allowed (empty: no f)
    with pytest.raises(calcweb.InvalidArgumentError, match="but got 10000001;"):
        riemann_sum(one, 1.0, 1.0, MAX_N + 1)


def test_limits_are_named() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^a must be a real number"):
        riemann_sum(one, "0", 1, 4)  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^b must be a real number"):
        riemann_sum(one, 0, "1", 4)  # type: ignore[arg-type]
    advice = (
        "needs finite limits, but got a=0.0, b=inf; use integrate(f, a, b) with the default "
        "method='adaptive', which maps an infinite interval onto a finite one"
    )
    assert refusal(calcweb.InvalidArgumentError, lambda: riemann_sum(one, 0.0, math.inf, 4)) == (
        "riemann_sum " + advice
    )
    assert refusal(
        calcweb.InvalidArgumentError,
        lambda: integrate(one, 0.0, math.inf, method="simpson", n=4),
    ) == ("method='simpson' " + advice)


@pytest.mark.parametrize("rule", ["left", "trapezoid"])
def test_an_overflowing_sum_is_named(rule: str) -> None:
    assert refusal(
        calcweb.NumericalError,
        lambda: riemann_sum(lambda x: 1e308, 0, 10, 1, rule=rule),  # type: ignore[arg-type]
    ) == ("the Riemann sum overflows the float range (about 1e308); rescale f or the interval")


def test_an_overflowing_composite_integral_is_named() -> None:
    assert refusal(
        calcweb.NumericalError,
        lambda: integrate(lambda x: 1e308, 0, 10, method="trapezoid", n=2),
    ) == ("the integral overflows the float range (about 1e308); rescale f or the interval")


def test_an_overflowing_composite_error_estimate_is_named() -> None:
    # T1 = 1e308 fits, T2 = -1e308 too, but their difference does not.
    def f(x: float) -> float:
        return -3.0 if 0.0 < x < 1e308 else 1.0

    assert refusal(
        calcweb.NumericalError,
        lambda: integrate(f, 0.0, 1e308, method="trapezoid", n=1, full_output=True),
    ) == ("the error estimate overflows the float range (about 1e308); rescale f or the interval")
    # Without full_output no error is estimated: the rule's value alone.
    assert integrate(f, 0.0, 1e308, method="trapezoid", n=1) == 1e308


def test_float_of_a_result_names_value() -> None:
    result = IntegrationResult("x", 0.0, 0, "adaptive", 0)  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match=re.escape("value must be a real number")):
        float(result)
    assert float(IntegrationResult(2, 0.0, 0, "adaptive", 0)) == 2.0


# ------------------------------------------------------------ the width and the points


def test_the_width_is_the_textbooks_to_the_last_bit() -> None:
    a, b, n = -2.621359068673744, -2.2924877779736335, 9
    assert (b - a) / n != b / n - a / n  # the two ways of writing it differ here
    assert riemann_sum(one, a, b, n) == math.fsum([1.0] * n) * ((b - a) / n)


def exact_sum(
    f: Callable[[Fraction], Fraction], a: float, b: float, n: int, offset: Fraction
) -> Fraction:
    width = (Fraction(b) - Fraction(a)) / n
    return sum((f(Fraction(a) + (i + offset) * width) for i in range(n)), Fraction(0)) * width


@pytest.mark.parametrize(("rule", "offset"), [("left", Fraction(0)), ("midpoint", Fraction(1, 2))])
def test_an_interval_longer_than_the_float_range(rule: str, offset: Fraction) -> None:
    a, b, n = -1e308, 1.5e308, 5  # b - a overflows; the points and the width do not

    def f(x: float) -> float:  # not symmetric: a shifted grid gives another sum
        t = x / 1e308
        return (t + t * t) / 8  # small enough that the sum times the width fits

    expected = exact_sum(
        lambda x: (x / Fraction(1e308) + (x / Fraction(1e308)) ** 2) / 8, a, b, n, offset
    )
    actual = riemann_sum(f, a, b, n, rule=rule)  # type: ignore[arg-type]
    assert Fraction(actual) == pytest.approx(expected, rel=1e-15, abs=0)
    tiny = riemann_sum(lambda x: 1e-10, a, b, n)
    assert tiny == pytest.approx(2.5e298, rel=1e-15, abs=0)  # 1e-10 (b - a)


# ------------------------------------------------------------ composite rules


def trapezoid(values: list[Fraction], h: Fraction) -> Fraction:
    return h * (sum(values, Fraction(0)) - (values[0] + values[-1]) / 2)


def simpson(values: list[Fraction], h: Fraction) -> Fraction:
    return h / 3 * (values[0] + values[-1] + 4 * sum(values[1:-1:2]) + 2 * sum(values[2:-1:2]))


def samples(n: int) -> tuple[list[Fraction], Fraction]:
    """x**4 on [0, 1] at n + 1 equal steps (dyadic n: every float step is exact)."""
    h = Fraction(1, n)
    return [(i * h) ** 4 for i in range(n + 1)], h


@pytest.mark.parametrize(
    ("method", "n", "fine", "value_is_fine"),
    [
        ("trapezoid", 4, 4, True),  # n splits in two: the points of T4
        ("trapezoid", 2, 2, True),
        ("trapezoid", 1, 2, False),  # n does not: T1, from the points of T2 (as ever)
        ("simpson", 8, 8, True),
        ("simpson", 4, 4, True),
        ("simpson", 2, 4, False),  # S2 from the points of S4
    ],
)
def test_composite_rules_and_their_measured_error(
    method: str, n: int, fine: int, value_is_fine: bool
) -> None:
    rule = simpson if method == "simpson" else trapezoid
    values, h = samples(fine)
    fine_sum, coarse_sum = rule(values, h), rule(values[::2], 2 * h)
    expected = fine_sum if value_is_fine else coarse_sum
    order = 4 if method == "simpson" else 2
    richardson = abs(fine_sum - coarse_sum) / (2**order - 1) * (1 if value_is_fine else 2**order)
    calls: list[float] = []

    def f(x: float) -> float:
        calls.append(x)
        return x**4

    assert integrate(f, 0, 1, method=method, n=n) == pytest.approx(
        float(expected), rel=1e-15, abs=0
    )
    assert len(calls) == fine + 1  # the rule alone: no adaptive rule without full_output
    result = integrate(lambda x: x**4, 0, 1, method=method, n=n, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, IntegrationResult)
    assert result.value == pytest.approx(float(expected), rel=1e-15, abs=0)
    # The error: the distance from the adaptive rule's value plus its error, its calls
    # counted, or Richardson's estimate (the rule on n against n/2 or 2n) where larger.
    robust = integrate(lambda x: x**4, 0, 1, full_output=True)
    assert isinstance(robust, IntegrationResult)
    measured = abs(result.value - robust.value) + robust.error
    assert result.error == pytest.approx(max(measured, float(richardson)), rel=1e-14, abs=0)
    assert result.error > 0.0
    assert (result.method, result.intervals) == (method, n)
    assert result.nfev == fine + 1 + robust.nfev
    assert result.message == (
        f"composite {method} rule on {n} intervals; error measured against the adaptive "
        f"rule ({robust.value!r} +- {robust.error:.3g})"
    )
    assert result.converged is True
    tighter = integrate(lambda x: x**4, 0, 1, method=method, n=n, tol=1e-13, full_output=True)  # type: ignore[arg-type]
    at_tol = integrate(lambda x: x**4, 0, 1, tol=1e-13, full_output=True)
    assert isinstance(tighter, IntegrationResult)
    assert isinstance(at_tol, IntegrationResult)
    assert tighter.nfev == fine + 1 + at_tol.nfev  # tol is passed on


# ------------------------------------------------------------ how the adaptive rule ends


def test_an_extrapolated_result_says_so() -> None:
    result = integrate(lambda x: x**-0.9, 0, 1, full_output=True)  # 10
    assert isinstance(result, IntegrationResult)
    assert abs(result.value - 10.0) <= result.error <= 1e-9
    assert (result.method, result.converged) == ("adaptive", True)
    assert result.message == (
        f"the extrapolated estimate's error {result.error:.3g} meets the tolerance "
        f"{1e-10 * abs(result.value):.3g}"
    )


def test_a_plain_result_says_so() -> None:
    result = integrate(lambda x: math.exp(-x), 0, math.inf, full_output=True)  # 1
    assert isinstance(result, IntegrationResult)
    assert abs(result.value - 1.0) <= result.error <= 1e-10
    assert (result.method, result.converged) == ("adaptive", True)
    assert result.message == (
        f"the estimated error {result.error:.3g} meets the tolerance {1e-10:.3g}"
    )


def test_a_divergent_integral_is_refused_with_both_estimates() -> None:
    result = integrate(lambda x: x**-1.5, 0, 1, full_output=True)  # diverges
    assert isinstance(result, IntegrationResult)
    assert (result.method, result.converged) == ("adaptive", False)
    shown = re.fullmatch(
        r"the integral probably diverges: the sums over the subintervals \((\S+), estimated "
        r"error (\S+)\) and their extrapolation \((\S+)\) disagree\. Check that f is "
        r"integrable on the interval; if it is, split the interval at its singular points or "
        r"pass a larger tol",
        result.message,
    )
    assert shown is not None
    plain, plain_error, extrapolated = (float(group) for group in shown.groups())
    assert f"{result.value:.6g}" == shown.group(3)
    assert result.value == pytest.approx(extrapolated, rel=1e-5)
    assert result.error >= max(plain_error * (1 - 1e-3), abs(plain - result.value) * (1 - 1e-5))
    with pytest.raises(calcweb.NumericalError) as caught:
        integrate(lambda x: x**-1.5, 0, 1)
    assert str(caught.value) == result.message


# ------------------------------------------------------------ split, on panels made by hand
# The adaptive rule's checks of a bisection, each fed the one input that sits on its
# threshold: panels built by hand (exact binary fractions), so that every expected
# number is worked out in the test, not read back from the code.


def made(
    a: float,
    b: float,
    *,
    value: float = 0.0,
    error: float = 0.0,
    absolute: float = 1.0,
    peaks: tuple[tuple[float, float], tuple[float, float]] | None = None,
    edges: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
    rounding_limited: bool = False,
    unresolved: bool = False,
) -> Panel:
    """A panel as gauss_kronrod would return it, with the numbers given."""
    peaks = ((a, 0.0), (b, 0.0)) if peaks is None else peaks
    return Panel(a, b, value, error, rounding_limited, absolute, unresolved, peaks, edges)


class HandPanels(_Panels):
    """_Panels whose rule returns the panels given, by their ends."""

    def __init__(self, *panels: Panel) -> None:
        super().__init__(one, K21)
        self.made = {(p.a, p.b): p for p in panels}

    def _apply(self, a: float, b: float) -> Panel:
        self.nfev += self.rule.size
        return self.made[(a, b)]


def split_once(
    parent: Panel,
    left: Panel,
    right: Panel,
    *,
    change: float = math.inf,
    witness: tuple[float, float] = (0.0, 0.0),
    jumps: tuple[float, float] = (0.0, 0.0),
) -> tuple[_Entry, _Entry]:
    """Keep ``parent`` (as a split one level up with ``change`` left it), bisect it."""
    panels = HandPanels(left, right)
    panels._keep(parent, change=change, inherited=witness, floor=0.0, jumps=jumps)
    panels.split(0)
    by_start = {entry.panel.a: entry for entry in panels.entries}
    return by_start[left.a], by_start[right.a]


SLIVER = 1.0 - K21.nodes[0]  # the part of a half-width outside the outermost node


def halves(
    left_value: float = 0.25,
    right_value: float = 0.5,
    errors: tuple[float, float] = (2.0**-10, 3 * 2.0**-10),
    **left_options: object,
) -> tuple[Panel, Panel, Panel]:
    """[0, 1] worth 1 and its halves worth 0.25 and 0.5 (a change of 0.25)."""
    parent = made(0.0, 1.0, value=1.0, error=2.0**-4)
    left = made(0.0, 0.5, value=left_value, error=errors[0], **left_options)  # type: ignore[arg-type]
    right = made(0.5, 1.0, value=right_value, error=errors[1])
    return parent, left, right


def test_the_first_split_has_no_trend_to_extrapolate() -> None:
    left, right = split_once(*halves())  # the parent's own change is inf
    assert (left.error, right.error) == (2.0**-10, 3 * 2.0**-10)
    assert (left.change, right.change) == (0.25, 0.25)


@pytest.mark.parametrize(
    ("previous", "tail"),
    [
        (0.5, 0.25),  # r = 0.25/0.5 = 1/2: d r / (1 - r) = d
        (1.0, 0.25 * 0.25 / 0.75),  # r = 1/4
        (0.25, 0.25 * 0.9 / (1.0 - 0.9)),  # r = 1, capped at 0.9
        (0.0, 0.25 * 0.9 / (1.0 - 0.9)),  # a change after none: 0.9 too
    ],
)
def test_the_trend_of_the_changes_leaves_a_tail(previous: float, tail: float) -> None:
    left, right = split_once(*halves(), change=previous)
    # Shared as the halves' own errors are, 1 : 3.
    assert left.error == pytest.approx(0.25 * tail, rel=1e-15, abs=0)
    assert right.error == pytest.approx(0.75 * tail, rel=1e-15, abs=0)
    assert left.error > 2.0**-10
    assert right.error > 3 * 2.0**-10


def test_no_change_leaves_no_tail() -> None:
    left, right = split_once(*halves(0.5, 0.5), change=0.5)  # parent 1 = 0.5 + 0.5
    assert (left.error, right.error) == (2.0**-10, 3 * 2.0**-10)
    left, right = split_once(*halves(0.5, 0.5), change=0.0)  # no change twice
    assert (left.error, right.error) == (2.0**-10, 3 * 2.0**-10)


def test_a_change_of_exactly_1_is_a_change() -> None:
    parent, left, right = halves(0.5, 0.5)
    entries = split_once(parent._replace(value=2.0), left, right, change=2.0)  # r = 1/2
    assert [entry.error for entry in entries] == [0.25, 0.75]  # the tail 1 * 0.5 / 0.5, 1 : 3


def test_halves_whose_sum_overflows_show_no_trend_but_keep_their_jump() -> None:
    # 0.9e308 + 0.9e308 overflows: the change from the parent is inf, a first change.
    parent = made(0.0, 1.0, value=1e308)
    left = made(0.0, 0.5, value=0.9e308, error=2.0**-10)
    right = made(0.5, 1.0, value=0.9e308, error=3 * 2.0**-10, edges=(16.0, 16.0, 0.0, 0.0))
    entries = split_once(parent, left, right)
    assert [entry.change for entry in entries] == [math.inf, math.inf]
    # No tail; the jump of 16 between the innermost nodes, in each half's sliver.
    floor = 16.0 * SLIVER * 0.25
    assert floor > 3 * 2.0**-10
    assert [entry.error for entry in entries] == [floor, floor]


def test_halves_with_no_error_share_the_tail_equally() -> None:
    left, right = split_once(*halves(errors=(0.0, 0.0)), change=0.5)
    assert (left.error, right.error) == (0.125, 0.125)


def jump_halves(inner: tuple[float, float], outer: tuple[float, float]) -> tuple[float, ...]:
    """The jumps the halves of [0, 1] record when f is ``inner`` at their nodes next to the
    middle and ``outer`` at the next ones (left half first)."""
    parent = made(0.0, 1.0, value=1.0)
    left = made(0.0, 0.5, value=0.5, edges=(7.0, 7.0, inner[0], outer[0]))
    right = made(0.5, 1.0, value=0.5, edges=(inner[1], outer[1], -7.0, -7.0))
    left_entry, right_entry = split_once(parent, left, right, jumps=(2.0**-3, 2.0**-4))
    return (*left_entry.jumps, *right_entry.jumps)


def test_a_jump_between_the_innermost_nodes_is_recorded_on_both_sides() -> None:
    # f steps by 10.5 between the innermost nodes and by 1 from them to the next.
    assert jump_halves((0.0, 10.5), (1.0, 10.5)) == (2.0**-3, 10.5, 10.5, 2.0**-4)
    assert jump_halves((0.0, 10.5), (0.0, 9.5)) == (2.0**-3, 10.5, 10.5, 2.0**-4)
    assert jump_halves((1.0, -9.5), (0.0, -9.5)) == (2.0**-3, 10.5, 10.5, 2.0**-4)
    # The same, with slopes on either side that bend too much for a line
    # from each side to tell (`_sloped_gap_jump`): the nearby change alone.
    assert jump_halves((0.0, 10.5), (1.0, 11.5)) == (2.0**-3, 10.5, 10.5, 2.0**-4)
    # Ten times the nearby change exactly is a steep slope, not a jump.
    assert jump_halves((0.0, 10.0), (1.0, 11.0)) == (2.0**-3, 0.0, 0.0, 2.0**-4)
    # Unless a line through each side's two nodes misses the other side by
    # more than ten times their bend (INT18: a small step on sin x).
    assert jump_halves((0.0, 10.0), (1.0, 10.0)) == (2.0**-3, 10.0, 10.0, 2.0**-4)
    assert jump_halves((0.0, 10.0), (0.0, 11.0)) == (2.0**-3, 0.0, 0.0, 2.0**-4)
    assert jump_halves((5.0, -5.0), (-5.0, -5.0)) == (2.0**-3, 0.0, 0.0, 2.0**-4)


def test_a_jump_must_be_larger_than_rounding() -> None:
    # 50 ulps of 1 between the innermost nodes, nothing nearby: rounding, not a jump.
    step = 50 * 2.0**-52
    assert jump_halves((1.0, 1.0 - step), (1.0, 1.0 - step))[1] == 0.0
    assert jump_halves((1.0, 1.0 - 1.02 * step), (1.0, 1.0 - 1.02 * step))[1] == 1.02 * step
    # The bound is relative to f's size there (1000): 1e-12 is below 50 ulps of it.
    assert jump_halves((1e3, 1e3 + 1e-12), (1e3, 1e3 + 1e-12))[1] == 0.0
    # 1e3 + 1e-10 - 1e3 is exact (Sterbenz): 1.000444171950221e-10, the jump itself.
    assert jump_halves((1e3, 1e3 + 1e-10), (1e3, 1e3 + 1e-10))[1] == (1e3 + 1e-10) - 1e3


def test_a_recorded_jump_raises_the_error_by_the_sliver_it_may_hide_in() -> None:
    parent = made(0.0, 1.0, value=1.0)
    left = made(0.0, 0.5, value=0.5, edges=(0.0, 0.0, 0.0, 0.0), absolute=64.0)
    right = made(0.5, 1.0, value=0.5, edges=(16.0, 16.0, 0.0, 0.0), absolute=64.0)
    left_entry, right_entry = split_once(parent, left, right, jumps=(2.0, 4.0))
    # |jump| times the sliver outside each half's outermost node (a quarter wide).
    assert left_entry.error == pytest.approx((2.0 + 16.0) * SLIVER * 0.25, rel=1e-15, abs=0)
    assert right_entry.error == pytest.approx((16.0 + 4.0) * SLIVER * 0.25, rel=1e-15, abs=0)
    assert not (left_entry.unresolved)
    assert not (right_entry.unresolved)


@pytest.mark.parametrize(
    ("x", "inherit"),
    [
        (0.0, (True, False)),  # at the parent's left end
        (0.25, (True, False)),
        (0.5, (True, True)),  # the middle belongs to both halves
        (0.75, (False, True)),
        (1.0, (False, True)),  # at the parent's right end
    ],
)
def test_each_half_inherits_the_witness_inside_it(x: float, inherit: tuple[bool, bool]) -> None:
    parent, left, right = halves(peaks=((0.125, 1.0), (0.375, 2.0)))
    right = right._replace(peaks=((0.625, 1.5), (0.875, 1.0)))
    entries = split_once(parent, left, right, witness=(x, 8.0))
    for entry, inherited in zip(entries, inherit, strict=True):
        width = entry.panel.b - entry.panel.a
        if inherited:  # 8 > twice its own largest |f|: a peak its nodes do not see
            assert entry.witness == (x, 8.0)
            assert entry.error == entry.weight == 8.0 * width
            assert entry.unresolved
        else:
            assert entry.witness == max(entry.panel.peaks, key=lambda peak: peak[1])
            assert entry.error == entry.panel.error
            assert (entry.weight, entry.unresolved) == (entry.panel.absolute, False)


def test_a_witness_no_larger_than_the_parents_own_node_is_that_node() -> None:
    # The parent saw 8 at its centre and at 0.75: its witness is the centre, which the
    # right half (its nodes see at most 1) inherits as the node at 0.75, its own ancestor.
    parent, left, right = halves()
    parent = parent._replace(peaks=((0.5, 8.0), (0.75, 8.0)))
    left_entry, right_entry = split_once(parent, left, right)
    assert left_entry.witness == (0.5, 8.0)
    assert right_entry.witness == (0.75, 8.0)
    # A witness more than twice the parent's largest replaces them in both.
    left_entry, right_entry = split_once(parent, left, right, witness=(0.5, 17.0))
    assert left_entry.witness == right_entry.witness == (0.5, 17.0)


def test_a_witness_twice_the_halfs_largest_is_not_suspect() -> None:
    parent, left, right = halves(peaks=((0.125, 4.0), (0.375, 2.0)))
    left_entry, _ = split_once(parent, left, right, witness=(0.25, 8.0))
    assert left_entry.witness == (0.125, 4.0)  # its own: 8 is not more than 2 x 4
    assert (left_entry.error, left_entry.unresolved) == (2.0**-10, False)
    parent, left, right = halves(peaks=((0.125, 3.0), (0.375, 2.0)))
    left_entry, _ = split_once(parent, left, right, witness=(0.25, 8.0))
    assert left_entry.witness == (0.25, 8.0)  # 8 > 2 x 3: suspect
    assert (left_entry.error, left_entry.unresolved) == (4.0, True)


def test_an_error_of_five_percent_of_the_integral_of_abs_f_is_unresolved() -> None:
    share = UNRESOLVED_SHARE * 2.0
    for error, expected in ((share, True), (math.nextafter(share, 0.0), False)):
        panels = HandPanels()
        panel = made(0.0, 1.0, error=error, absolute=2.0)
        panels._keep(panel, change=math.inf, inherited=(0.0, 0.0), floor=0.0)
        assert panels.entries[0].unresolved is expected


# ------------------------------------------------------------ choosing the next panel


def hand_panels(*widths: float, errors: tuple[float, ...] = ()) -> HandPanels:
    """Panels of the given widths side by side, with the given errors (else 0)."""
    panels = HandPanels()
    start = 0.0
    for position, width in enumerate(widths):
        error = errors[position] if position < len(errors) else 0.0
        panels._keep(
            made(start, start + width, error=error, absolute=width),
            change=math.inf,
            inherited=(0.0, 0.0),
            floor=0.0,
        )
        start += width
    return panels


def test_worst_is_the_largest_error_among_the_wide_enough() -> None:
    panels = hand_panels(0.5, 0.25, 0.25, errors=(1.0, 3.0, 2.0))
    widths = [entry.panel.b - entry.panel.a for entry in panels.entries]
    assert widths == [0.5, 0.25, 0.25]  # sorted by error: 1, 2, 3
    assert panels.worst() == 2
    assert panels.worst(wider_than=0.25) == 0  # strictly wider
    assert panels.worst(wider_than=0.5) is None
    assert panels.error(wider_than=0.25) == 1.0
    assert panels.error() == 6.0
    # Or kept by `since` (serials 1, 2, 3 in the order made), whatever the width.
    assert panels.worst(wider_than=0.5, since=2) == 2
    assert panels.error(wider_than=0.5, since=2) == 4.0
    assert panels.worst(wider_than=0.5, since=1) == 0
    assert panels.error(wider_than=0.5, since=1) == 1.0
    assert panels.error(wider_than=0.25, since=2) == 4.0
    # Or chasing (`_Entry.chasing`: it claims its weight), whatever its width and serial.
    panels.entries[1] = panels.entries[1]._replace(chasing=True)  # serial 3, error 2
    assert panels.error(wider_than=0.5, since=1) == 3.0
    assert panels.worst(wider_than=0.5) == 1


def test_unresolved_is_the_heaviest_unresolved_panel_above_its_share() -> None:
    panels = hand_panels(0.5, 0.25, 0.25, errors=(1.0, 3.0, 2.0))  # weights 0.5, 0.25, 0.25
    assert all(entry.unresolved for entry in panels.entries)  # error >= 5 % of ∫|f|
    assert panels.unresolved(0.5) is None  # none is heavier than half of 1
    assert panels.unresolved(0.49) == 0  # the 0.5 wide panel
    assert panels.unresolved(0.2, wider_than=0.25) == 0
    assert panels.unresolved(0.2, wider_than=0.5) is None
    # Of two equal weights the first found stays.
    panels = hand_panels(0.25, 0.25, errors=(1.0, 2.0))
    assert panels.unresolved(0.1) == 0


# ------------------------------------------------------------ refusals of a bisection

NARROW = (2.0, 2.0 + 8e4 * 2.0**-52)  # halves a quarter of 1e4 ulps of 2 wide: too narrow
ADVICE = (
    "; the integrand may be oscillatory, discontinuous or not integrable. Split the interval "
    "at its troublesome points, pass a larger tol, or pass full_output=True to get the best "
    "estimate with its error"
)
UNTRUSTED = (
    "within the tolerance 1e-10, but subintervals that do not resolve f remain, so that "
    "estimate cannot be trusted"
)


def refusal_of(panel: Panel, *, count: int = 1, error: float = 2e-10) -> str:
    """Why the adaptive rule (tol 1e-10, value 1) would not bisect ``panel`` among ``count``."""
    panels = hand_panels(*[1.0] * (count - 1))
    panels._keep(panel, change=math.inf, inherited=(0.0, 0.0), floor=0.0)
    run = _Extrapolated(panels, 1e-10)
    index = next(i for i, entry in enumerate(panels.entries) if entry.panel is panel)
    return run.refusal(panels.entries[index], 1.0, error)


def test_a_panel_too_narrow_to_bisect_is_refused_with_its_middle() -> None:
    middle = 2.0 + 4e4 * 2.0**-52
    assert refusal_of(made(*NARROW, error=1e-3)) == (
        "the integrand needs subintervals narrower than floating point resolves near "
        f"x={middle!r} (estimated error 2e-10, above the tolerance 1e-10); it may be singular "
        "or not integrable there. Split the interval at that point or pass a larger tol"
    )
    assert refusal_of(made(*NARROW, error=1e-3), error=1e-10).endswith(
        f"(estimated error 1e-10, {UNTRUSTED}); it may be singular or not integrable there. "
        "Split the interval at that point or pass a larger tol"
    )
    assert refusal_of(made(2.0, 2.0 + 9e4 * 2.0**-52, error=1e-3)) == ""


def test_a_rounding_limited_panel_is_refused() -> None:
    limited = made(0.0, 1.0, error=1e-3, rounding_limited=True)
    assert refusal_of(limited) == (
        "rounding error limits the accuracy to about 2e-10, above the tolerance 1e-10; "
        "pass a larger tol"
    )
    assert refusal_of(limited, error=1e-10) == (
        f"rounding error limits the accuracy to about 1e-10, {UNTRUSTED}; pass a larger tol"
    )


def test_the_five_hundredth_panel_is_not_bisected() -> None:
    assert refusal_of(made(0.0, 1.0, error=1e-3), count=MAX_INTERVALS) == (
        "the adaptive rule reached 500 subintervals with an estimated error of 2e-10, above "
        "the tolerance 1e-10" + ADVICE
    )
    assert refusal_of(made(0.0, 1.0, error=1e-3), count=MAX_INTERVALS, error=1e-10) == (
        "the adaptive rule reached 500 subintervals with an estimated error of 1e-10, "
        + UNTRUSTED
        + ADVICE
    )
    assert refusal_of(made(0.0, 1.0, error=1e-3), count=MAX_INTERVALS - 1) == ""


def test_too_narrow_at_its_threshold() -> None:
    # Halves at most 1e4 ulps of the larger end wide (subnormal ulps near 0).
    assert _too_narrow(made(1.0, 1.0 + 4e4 * 2.0**-52))
    assert not _too_narrow(made(1.0, 1.0 + 4.0004e4 * 2.0**-52))
    assert _too_narrow(made(-1.0 - 4e4 * 2.0**-52, -1.0))
    assert not _too_narrow(made(-1.0 - 4.0004e4 * 2.0**-52, -1.0))
    assert _too_narrow(made(0.0, 4e4 * 2.0**-1074))
    assert not _too_narrow(made(0.0, 4.0004e4 * 2.0**-1074))
    assert _too_narrow(made(-4e4 * 2.0**-1074, 0.0))
    assert not _too_narrow(made(2.0, 2.0 + 8.0004e4 * 2.0**-52))
    # The larger end counts, whichever it is: 1e4 ulps of 1 - 2**-52 are a little less.
    assert _too_narrow(made(1.0 - 2.0**-52, 1.0 + 39999 * 2.0**-52))
    assert _too_narrow(made(-1.0 - 39999 * 2.0**-52, -1.0 + 2.0**-52))


def test_sin_of_1_over_x_stops_at_500_panels() -> None:
    # (1/x, which did too, is now refused as divergent at 0 after 863 evaluations.)
    result = integrate(lambda x: math.sin(1 / x), 0, 1, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert (result.intervals, result.converged) == (MAX_INTERVALS, False)
    assert result.message == (
        f"the adaptive rule reached 500 subintervals with an estimated error of "
        f"{result.error:.3g}, above the tolerance {1e-10 * max(1.0, abs(result.value)):.3g}"
        + ADVICE
    )


# ------------------------------------------------------------ the extrapolation's bookkeeping


class Sequence:
    """An epsilon table that answers with the (limit, error) pairs given, in turn."""

    def __init__(self, *answers: tuple[float, float], irregular: bool = False) -> None:
        self.answers = list(answers)
        self.added: list[float] = []
        self.noise: list[float] = []
        self.irregular = irregular
        self.antilimit = False  # no limit the sums recede from
        self.converging = False  # no verdict that the sums converge

    def add(self, element: float, noise: float = 0.0) -> tuple[float, float]:
        self.added.append(element)
        self.noise.append(noise)
        return self.answers.pop(0) if self.answers else (element, math.inf)


def bookkeeping(
    *widths: float, tol: float = 1e-10, errors: tuple[float, ...] = ()
) -> _Extrapolated:
    """An adaptive run over hand-made panels side by side from 0 (each the weight of its width)."""
    panels = hand_panels(*widths, errors=errors)
    panels.ends = (0.0, sum(widths))
    return _Extrapolated(panels, tol)


def finished(
    value: float,
    error: float,
    *,
    best: tuple[float, float],
    correction: float = 0.0,
    problem: str = "",
    late: int = 0,
    one_sign: bool = True,
    initial_absolute: float = 1.0,
    absolute: float = 1.0,
) -> IntegrationResult:
    run = bookkeeping(absolute)  # one panel: the panels' integral of |f| is its width
    run.best, run.correction, run.problem = best, correction, problem
    run.same_value_late, run.one_sign, run.initial_absolute = late, one_sign, initial_absolute
    return run.finish(value, error)


def test_a_run_starts_with_nothing_extrapolated() -> None:
    run = bookkeeping(0.25, 0.5, 0.25)
    assert run.small == 0.375  # three quarters of the widest panel
    assert run.started  # several panels: f was explored, the extrapolation starts at once
    assert not bookkeeping(0.5).started
    assert not run.extrapolating  # read only for its truth
    assert run.stalled == 0
    assert (run.same_value, run.same_value_late, run.growing) == (0, 0, 0)
    # Panels on [4, 6]: the width, not the position, sets the level.
    assert bookkeeping(4.0, 2.0).small == 3.0


@pytest.mark.parametrize(
    ("value", "one_sign"),
    [
        (1.0, True),
        (1.0 - 50 * 2.0**-52, True),  # all but 50 ulps of ∫|f| have one sign
        (1.0 - 101 * 2.0**-53, False),
        (-1.0, True),
        (0.5, False),
    ],
)
def test_one_sign_is_an_integral_as_large_as_that_of_abs_f(value: float, one_sign: bool) -> None:
    for scale in (1.0, 4.0):
        panels = HandPanels()
        panels._keep(
            made(0.0, 1.0, value=scale * value, absolute=scale),
            change=math.inf,
            inherited=(0.0, 0.0),
            floor=0.0,
        )
        assert _Extrapolated(panels, 1e-10).one_sign is one_sign


def test_finish_without_an_extrapolation_is_the_plain_sum() -> None:
    result = finished(1.0, 2.0**-40, best=(0.0, math.inf), correction=1.0)
    assert (result.value, result.error, result.converged) == (1.0, 2.0**-40, True)


ROUNDING = "rounding error in the extrapolation limits the accuracy to about "


def test_five_late_roundings_make_the_extrapolation_a_failure() -> None:
    result = finished(1.0 + 2.0**-10, 2.0**-10, best=(1.0, 2.0**-20), correction=2.0**-20, late=5)
    assert (result.value, result.error, result.converged) == (1.0, 2.0**-19, False)
    assert (
        result.message == f"{ROUNDING}{2.0**-19:.3g}, above the tolerance 1e-10; pass a larger tol"
    )
    result = finished(1.0 + 2.0**-10, 2.0**-10, best=(1.0, 2.0**-20), correction=2.0**-20, late=4)
    assert (result.value, result.error, result.converged) == (1.0, 2.0**-19, True)
    assert result.message == (
        f"the extrapolated estimate's error {2.0**-19:.3g} meets the tolerance 1e-10"
    )


@pytest.mark.parametrize(
    ("estimate", "spread", "value", "error", "plain"),
    [
        # Both nonzero: the relative errors decide; the plain sum wins only if better.
        (2.0, 2.0**-10, 1.0, 2.0**-12, True),
        (2.0, 2.0**-10, 1.0, 2.0**-10, False),
        (2.0, 2.0**-10, 1.0, 2.0**-11, False),  # equal: the extrapolation stays
        (1.0, 2.0**-10, 2.0, 2.0**-10, True),
        (1.0, 2.0**-10, 4.0, 2.0**-9, True),
        (4.0, 2.0**-10, 1.0, 2.0**-11, False),
        # One of them 0: the absolute errors decide.
        (0.0, 2.0**-10, 1.0, 2.0**-12, True),
    ],
)
def test_a_failed_extrapolation_keeps_the_better_of_the_two(
    estimate: float, spread: float, value: float, error: float, plain: bool
) -> None:
    result = finished(value, error, best=(estimate, spread), problem="it failed")
    expected = (value, error) if plain else (estimate, spread)
    assert (result.value, result.error, result.message) == (*expected, "it failed")
    assert result.converged is False


def test_a_failed_extrapolation_of_0_no_worse_than_the_sum_goes_on_to_the_divergence_test() -> None:
    result = finished(1.0, 2.0**-10, best=(0.0, 2.0**-10), problem="it failed")
    assert (result.value, result.error, result.converged) == (0.0, 1.0, False)
    assert result.message.startswith(DIVERGES + "(1, estimated error 0.000977)")


def test_a_failed_extrapolation_of_a_sum_of_zero_is_kept() -> None:
    result = finished(0.0, 2.0**-9, best=(1.0, 2.0**-10), problem="it failed")
    assert (result.value, result.error, result.message) == (1.0, 2.0**-10, "it failed")


DIVERGES = "the integral probably diverges: the sums over the subintervals "


@pytest.mark.parametrize(
    ("estimate", "value", "error", "one_sign", "initial", "absolute", "diverges"),
    [
        (2.0, 1.0, 2.0**-10, True, 1.0, 1.0, False),
        (1000.0, 1.0, 2.0**-10, True, 1.0, 1.0, True),  # 1000 times the sum
        (100.0, 1.0, 2.0**-10, True, 1.0, 1.0, False),  # 100 times: still agree
        (100.5, 1.0, 2.0**-10, True, 1.0, 1.0, True),
        (0.01, 1.0, 2.0**-10, True, 1.0, 1.0, False),
        (0.0099, 1.0, 2.0**-10, True, 1.0, 1.0, True),
        (1.0, 1.0, 1.0, True, 1.0, 1.0, False),  # an error as large as the sum
        (1.0, 1.0, 1.0 + 2.0**-10, True, 1.0, 1.0, True),
        (1.0, 0.0, 2.0**-10, True, 1.0, 1.0, True),  # a sum of 0
        # One sign: 1/200 of the sum is too far, even within the sum's error.
        (0.005, 1.0, 0.996, True, 1.0, 1.0, True),
        # Signs change and both estimates are at most 1 % of ∫|f|: no conclusion.
        (1.0, 0.5, 1.0, False, 100.0, 1.0, False),
        # Signs change, not small: the error is measured against ∫|f| (the
        # panels' absolute), not against the sum, which may cancel.
        (1.0, 0.5, 1.0, False, 99.0, 1.0, False),
        (1.0, 0.5, 1.0 + 2.0**-10, False, 99.0, 1.0, True),
        (50.0, 100.0, 200.0, False, 1000.0, 200.0, False),
        (50.0, 100.0, 200.0, False, 1000.0, 199.0, True),
        # ... and the ratio counts only outside the sum's error.
        (0.005, 1.0, 0.996, False, 1.0, 1.0, False),
        (0.005, 1.0, 0.994, False, 1.0, 1.0, True),
        (-1.0, 1.0, 2.0, False, 1.0, 4.0, False),  # opposite signs, within the error
        (-1.0, 1.0, 2.0 - 2.0**-10, False, 1.0, 4.0, True),
        (0.5, 0.0, 0.5, False, 1.0, 4.0, False),  # a sum of 0, within the error
        (0.5, 0.0, 0.5 - 2.0**-10, False, 1.0, 4.0, True),
    ],
)
def test_a_sum_and_an_extrapolation_that_disagree_diverge(  # noqa: PLR0917  one per column
    estimate: float,
    value: float,
    error: float,
    one_sign: bool,
    initial: float,
    absolute: float,
    diverges: bool,
) -> None:
    spread = 2.0**-20
    result = finished(
        value,
        error,
        best=(estimate, spread),
        one_sign=one_sign,
        initial_absolute=initial,
        absolute=absolute,
    )
    assert result.value == estimate
    if diverges:
        assert result.message == (
            f"{DIVERGES}({value:.6g}, estimated error {error:.3g}) and their extrapolation "
            f"({estimate:.6g}) disagree. Check that f is integrable on the interval; if it is, "
            "split the interval at its singular points or pass a larger tol"
        )
        assert result.error == max(error, abs(estimate - value))
        assert result.converged is False
    else:
        assert (result.error, result.converged) == (spread, True)


def test_a_divergent_results_error_is_the_largest_of_the_three() -> None:
    result = finished(1.0, 2.0**-12, best=(1000.0, 5000.0))
    assert (result.error, result.converged) == (5000.0, False)
    result = finished(1.0, 2.0**-12, best=(1000.0, 2.0**-10))
    assert (result.error, result.converged) == (999.0, False)


def test_an_extrapolation_beyond_the_float_range_is_named() -> None:
    run = bookkeeping(1.0)
    assert refusal(calcweb.NumericalError, lambda: run.extrapolated(math.inf, 1.0)) == (
        "the integral overflows the float range (about 1e308); rescale f or the interval"
    )
    assert refusal(calcweb.NumericalError, lambda: run.extrapolated(1.0, math.inf)) == (
        "the error estimate overflows the float range (about 1e308); rescale f or the interval"
    )


STALLED = "the extrapolation stopped improving, with an estimated error of "


def test_an_extrapolation_that_stops_improving_stops_after_six_tries() -> None:
    run = bookkeeping(1.0)
    run.best = (1.0, 1e-20)  # far better than the sums' error of 1
    run.epsilon = Sequence(*[(1.0, 1.0)] * 7)  # type: ignore[assignment]
    stops = [run.extrapolate(1.0, 1.0, 0.0) for _ in range(6)]
    assert stops == [False] * 5 + [True]
    assert run.problem == (
        f"{STALLED}1e-20, above the tolerance 1e-10; rounding or an integrand too irregular "
        "to extrapolate. Split the interval at its troublesome points or pass a larger tol"
    )


@pytest.mark.parametrize(("error", "stops"), [(4.0, True), (0.5, False)])
def test_stalling_compares_the_best_with_a_thousandth_of_the_sums_error(
    error: float, stops: bool
) -> None:
    run = bookkeeping(1.0)
    run.best = (1.0, 1e-3)  # 1e7 tolerances; the sums are 4e10 or 5e9 tolerances off
    run.stalled = 5
    run.epsilon = Sequence((1.0, 1.0))  # type: ignore[assignment]
    assert run.extrapolate(1.0, error, 0.0) is stops


def test_stalling_needs_the_best_strictly_below_a_thousandth() -> None:
    run = bookkeeping(1.0, tol=2.0**-30)
    # The error whose thousandth, in tolerances, is exactly the best's 2**-10.
    error = 2.0**-40 / 1e-3
    while 1e-3 * error / 2.0**-30 > 2.0**-10:
        error = math.nextafter(error, 0.0)
    while 1e-3 * error / 2.0**-30 < 2.0**-10:
        error = math.nextafter(error, math.inf)
    assert 1e-3 * error / 2.0**-30 == 2.0**-10
    run.best, run.stalled = (1.0, 2.0**-40), 5
    run.epsilon = Sequence((1.0, 1.0))  # type: ignore[assignment]
    assert run.extrapolate(1.0, error, 0.0) is False
    assert run.problem == ""


def test_a_better_extrapolation_is_kept_with_the_larger_panels_error() -> None:
    run = bookkeeping(1.0, tol=2.0**-38)
    run.stalled = 3
    run.epsilon = Sequence((1.0, 2.0**-36), (1.0, 2.0**-36), (2.0, 2.0**-40))  # type: ignore[assignment]
    assert run.extrapolate(1.0, 1.0, 2.0**-20) is False  # not within tol: go on
    assert (run.best, run.correction, run.stalled, run.test) == (
        (1.0, 2.0**-36),
        2.0**-20,
        0,
        2.0**-38,
    )
    # As good as the best, not better: nothing changes but the count.
    assert run.extrapolate(1.0, 1.0, 2.0**-19) is False
    assert (run.best, run.correction, run.stalled) == ((1.0, 2.0**-36), 2.0**-20, 1)
    # Better, and with the larger panels' error within the tolerance of 2: done.
    assert run.extrapolate(1.0, 1.0, 2.0**-39) is True
    assert (run.best, run.correction, run.test) == ((2.0, 2.0**-40), 2.0**-39, 2.0**-37)


@pytest.mark.parametrize(
    ("spread", "large_error", "done"),
    [
        (2.0**-39, 2.0**-39, True),  # exactly the tolerance
        (2.0**-40, 2.0**-38, False),
        (2.0**-40, 2.0**-40, True),
    ],
)
def test_an_extrapolation_within_tol_ends_the_run(
    spread: float, large_error: float, done: bool
) -> None:
    run = bookkeeping(1.0, tol=2.0**-38)
    run.epsilon = Sequence((1.0, spread))  # type: ignore[assignment]
    assert run.extrapolate(1.0, 1.0, large_error) is done
    assert run.best == (1.0, spread)


def test_an_extrapolation_within_tol_waits_for_unresolved_panels() -> None:
    run = bookkeeping(1.0, 1.0, tol=2.0**-38, errors=(1.0, 0.0))  # [0, 1] unresolved
    run.small = 0.5
    run.epsilon = Sequence((1.0, 2.0**-40))  # type: ignore[assignment]
    assert run.extrapolate(1.0, 1.0, 0.0) is False  # [0, 1] is wider than small: it counts
    run = bookkeeping(1.0, 1.0, tol=2.0**-38, errors=(1.0, 0.0))
    run.small = 1.0
    run.epsilon = Sequence((1.0, 2.0**-40))  # type: ignore[assignment]
    assert run.extrapolate(1.0, 1.0, 0.0) is True  # not wider than small: left out


def test_an_extrapolation_away_from_the_ends_is_not_trusted() -> None:
    run = bookkeeping(1.0, 2.0, 1.0, errors=(0.0, 1.0, 0.0))  # the worst is in the middle
    run.epsilon = Sequence((1.0, 2.0**-40))  # type: ignore[assignment]
    assert run.extrapolate(1.0, 1.0, 0.0) is False
    assert run.best[1] == math.inf  # nothing accepted


def test_the_first_choice_starts_the_extrapolation() -> None:
    run = bookkeeping(0.5, 0.25, errors=(1.0, 2.0))
    run.started = False
    run.epsilon = sequence = Sequence()  # type: ignore[assignment]
    assert run.next_panel(3.0, 1.0, 0.5) == 1  # the worst, whatever its width
    assert (run.started, run.small, sequence.added, run.test) == (True, 0.1875, [3.0], 3e-10)


def test_every_element_of_the_table_marks_the_panels_kept_by_then() -> None:
    # `_Extrapolated.element` is the panels' count at the table's last element:
    # at the start, when the first choice adds one, and at each extrapolation.
    run = bookkeeping(0.5, 0.25, errors=(1.0, 2.0))
    assert run.element == run.panels.count == 2
    run.started, run.element = False, 0
    run.epsilon = Sequence()  # type: ignore[assignment]
    run.next_panel(3.0, 1.0, 0.5)
    assert run.element == 2
    run.panels.count, run.element = 7, 0
    run.extrapolate(1.0, 1.0, 0.0)
    assert run.element == 7


def test_panels_wider_than_small_are_bisected_first() -> None:
    run = bookkeeping(0.5, 0.25, errors=(1.0, 2.0))  # started: two panels
    run.small = 0.125
    assert run.next_panel(1.0, 3.0, 0.5) == 1  # the worst is wider than small
    assert not run.extrapolating  # read only for its truth
    run.small = 0.25  # now the worst is among the smallest: extrapolate, after the larger
    run.element = 0  # both made since the table's last element
    assert run.next_panel(1.0, 3.0, 0.5) == 0
    assert run.extrapolating is True


def test_a_small_panel_kept_before_the_last_element_goes_first_too() -> None:
    # The same panels, but the small one (the worst) was kept before the table's
    # last element: the table cannot model its error, which stays the same in
    # its elements, so it is bisected as a larger one would be.
    run = bookkeeping(0.5, 0.25, errors=(1.0, 2.0))
    run.small, run.extrapolating = 0.25, True
    assert run.element == run.panels.count == 2
    run.epsilon = sequence = Sequence((1.0, 1.0))  # type: ignore[assignment]
    assert run.next_panel(1.0, 3.0, 0.5) == 1
    assert sequence.added == []  # not extrapolated
    run.element = 1  # the small one (serial 2) made since: the larger first, then it
    assert run.next_panel(1.0, 3.0, 0.5) == 0
    assert sequence.added == []


def test_the_larger_panels_go_first_while_their_error_is_above_the_test() -> None:
    for large_error, late, first_larger in (
        (2.0**-30, 0, True),
        (2.0**-30, 4, True),
        (2.0**-30, 5, False),  # five late roundings: extrapolate at once
        (2.0**-36, 0, False),  # exactly the test
    ):
        run = bookkeeping(0.5, 0.25, tol=2.0**-36, errors=(large_error, 1.0))
        run.small, run.same_value_late, run.test = 0.25, late, 2.0**-36
        run.element = 0  # both made since the table's last element
        run.epsilon = sequence = Sequence((1.0, 1.0), irregular=True)  # type: ignore[assignment]
        chosen = run.next_panel(1.0, 1.0, 0.25)
        if first_larger:
            assert (chosen, sequence.added, run.extrapolating) == (0, [], True)
        else:  # extrapolated, not done: the smallest level is halved
            assert (chosen, sequence.added) == (1, [1.0])
            assert (bool(run.extrapolating), run.allowed, run.small) == (False, False, 0.125)


def test_while_extrapolating_wide_panels_do_not_stop_the_extrapolation() -> None:
    run = bookkeeping(0.5, 0.25, errors=(0.0, 0.0))
    run.small, run.extrapolating = 0.125, True
    run.epsilon = sequence = Sequence((1.0, 1.0))  # type: ignore[assignment]
    assert run.next_panel(1.0, 0.0, 0.5) == 1
    assert (sequence.added, bool(run.extrapolating), run.allowed) == ([1.0], False, True)


def test_no_extrapolation_after_an_irregular_table() -> None:
    run = bookkeeping(0.5, 0.25, errors=(0.0, 0.0))
    run.small, run.allowed = 0.5, False
    run.epsilon = sequence = Sequence()  # type: ignore[assignment]
    assert run.next_panel(1.0, 0.0, 0.5) == 1
    assert (sequence.added, bool(run.extrapolating)) == ([], False)


def counted(
    parent: Panel,
    left: Panel,
    right: Panel,
    *,
    others: int = 0,
    extrapolating: bool = False,
    times: int = 1,
) -> tuple[int, int, int]:
    """QUADPACK's counts (same value, same value late, growing) after bisecting ``parent``
    ``times`` times (the same halves each time) among ``others`` other panels."""
    panels = hand_panels(*[1.0] * others)
    panels.made.update({(left.a, left.b): left, (right.a, right.b): right})
    panels._keep(parent, change=math.inf, inherited=(0.0, 0.0), floor=0.0)
    run = _Extrapolated(panels, 1e-10)
    run.extrapolating = extrapolating
    for time in range(times):
        if time:
            panels._keep(parent, change=math.inf, inherited=(0.0, 0.0), floor=0.0)
        index = next(i for i, entry in enumerate(panels.entries) if entry.panel is parent)
        assert run.bisect(index) == parent.b - parent.a
        for half in (left, right):
            panels.entries.remove(next(e for e in panels.entries if e.panel is half))
    return run.same_value, run.same_value_late, run.growing


def test_halves_that_change_nothing_count_as_rounding() -> None:
    # 50000 + 50000 against 100001: a change of 1e-5 of the sum, the largest counted.
    parent = made(-1.0, 1.0, value=100001.0, error=2.0)
    left, right = made(-1.0, 0.0, value=5e4, error=0.99), made(0.0, 1.0, value=5e4, error=0.99)
    assert counted(parent, left, right) == (1, 0, 0)
    assert counted(parent, left, right, times=2) == (2, 0, 0)
    assert counted(parent, left, right, extrapolating=True, times=2) == (0, 2, 0)
    assert counted(parent._replace(value=100002.0), left, right) == (0, 0, 0)
    # Their error must be at least 0.99 of the parent's (2 x 0.99 is exactly that).
    assert counted(parent, left._replace(error=0.5), right._replace(error=0.5)) == (0, 0, 0)
    # Halves that do not resolve f say nothing about rounding.
    assert counted(parent, left._replace(unresolved=True), right) == (0, 0, 0)
    assert counted(parent, left, right._replace(unresolved=True)) == (0, 0, 0)


def test_an_error_that_grows_counts_after_ten_panels() -> None:
    parent = made(-1.0, 1.0, value=1.0, error=1.0)
    left, right = made(-1.0, 0.0, value=0.25, error=0.75), made(0.0, 1.0, value=0.25, error=0.5)
    assert counted(parent, left, right, others=9) == (0, 0, 1)  # 11 panels after
    assert counted(parent, left, right, others=9, times=2) == (0, 0, 2)
    assert counted(parent, left, right, others=8) == (0, 0, 0)  # 10 panels after
    equal = right._replace(error=0.25)  # 0.75 + 0.25: as large as before, not larger
    assert counted(parent, left, equal, others=9) == (0, 0, 0)
    assert counted(parent, left, right._replace(unresolved=True), others=9) == (0, 0, 0)


class ChosenError(Exception):
    """Raised by a run in place of bisecting, with the index of the panel it chose."""


class FirstChoice(_Extrapolated):
    """A run that stops at its first bisection, naming the panel it chose."""

    def bisect(self, index: int) -> float:
        raise ChosenError(index)


def first_choice(run: _Extrapolated) -> int | None:
    """The index of the panel ``run`` bisects first, or None if it ends without one."""
    try:
        run.run()
    except ChosenError as chosen:
        return int(chosen.args[0])
    return None


def choosing(*panels: Panel, tol: float = 1e-10) -> FirstChoice:
    hand = HandPanels()
    for panel in panels:
        hand._keep(panel, change=math.inf, inherited=(0.0, 0.0), floor=0.0)
    return FirstChoice(hand, tol)


def test_above_the_tolerance_the_worst_panel_goes_first() -> None:
    resolved = made(0.0, 0.5, error=3.0, absolute=100.0)
    unresolved = made(0.5, 1.0, error=1.0, absolute=100.0, unresolved=True)
    run = choosing(resolved, unresolved)
    assert run.panels.entries[1].panel is resolved
    assert first_choice(run) == 1  # not the heavier unresolved one


def test_within_the_tolerance_an_unresolved_panel_goes_first() -> None:
    # The errors add up to the tolerance exactly (the integral is 0).
    resolved = made(0.0, 0.5, error=2.0**-31, absolute=100.0)
    unresolved = made(0.5, 1.0, error=2.0**-31, absolute=100.0, unresolved=True)
    run = choosing(resolved, unresolved, tol=2.0**-30)
    index = first_choice(run)
    assert index is not None
    assert run.panels.entries[index].panel is unresolved
    # With every panel resolved, a total error of exactly tol has converged.
    run = choosing(resolved, unresolved._replace(unresolved=False), tol=2.0**-30)
    assert first_choice(run) is None
    result = run.run()
    assert (result.value, result.error, result.converged) == (0.0, 2.0**-30, True)
    assert (
        result.message == f"the estimated error {2.0**-30:.3g} meets the tolerance {2.0**-30:.3g}"
    )


def test_halves_whose_errors_add_up_to_the_tolerance_end_the_run() -> None:
    halves_ = (made(0.0, 0.5, error=2.0**-31), made(0.5, 1.0, error=2.0**-31))
    panels = HandPanels(*halves_)
    panels._keep(made(0.0, 1.0, error=1.0), change=math.inf, inherited=(0.0, 0.0), floor=0.0)
    result = _Extrapolated(panels, 2.0**-30).run()  # a further bisection would fail: no halves
    assert (result.error, result.intervals, result.converged) == (2.0**-30, 2, True)


class Rounding(_Extrapolated):
    """A run whose bisections change nothing but QUADPACK's rounding counts; the second
    bisection stops it."""

    counts = (0, 0, 0)

    def bisect(self, index: int) -> float:
        if self.same_value or self.same_value_late or self.growing:
            raise ChosenError(index)
        self.same_value, self.same_value_late, self.growing = self.counts
        return 1.0


@pytest.mark.parametrize(
    ("counts", "stops"),
    [
        ((10, 0, 0), True),
        ((4, 6, 0), True),  # ten roundings, early and late together
        ((0, 10, 0), True),
        ((5, 4, 19), False),
        ((0, 0, 20), True),  # twenty growing errors
    ],
)
def test_ten_roundings_or_twenty_growing_errors_stop_the_run(
    counts: tuple[int, int, int], stops: bool
) -> None:
    panels = HandPanels()
    panels._keep(
        made(0.0, 1.0, value=3.0, error=0.5), change=math.inf, inherited=(0.0, 0.0), floor=0.0
    )
    run = Rounding(panels, 1e-10)
    run.counts = counts
    if not stops:
        with pytest.raises(ChosenError):
            run.run()
        return
    result = run.run()
    assert (result.value, result.error, result.converged) == (3.0, 0.5, False)
    assert result.message == (
        "rounding error limits the accuracy to about 0.5, above the tolerance 3e-10 (halving "
        "the subintervals no longer reduces the error estimate); pass a larger tol"
    )


# ------------------------------------------------------------ Wynn's epsilon table

EPS = 2.0**-52


def table(*columns: list[float], estimates: tuple[float, ...] = ()) -> _Epsilon:
    """An epsilon table holding the given columns (the last entries of each)."""
    epsilon = _Epsilon()
    epsilon.columns = [list(column) for column in columns]
    # Entries made by hand depend on no element the table was given.
    epsilon.gradients = [[[] for _ in column] for column in columns]
    epsilon.estimates = list(estimates)
    return epsilon


def test_one_geometric_term_is_removed_exactly() -> None:
    # S_n = 4 + 2**-n: Aitken's delta squared (the second column) is 4 from three sums on.
    epsilon = _Epsilon()
    answers = [epsilon.add(4.0 + 2.0**-n) for n in range(6)]
    assert answers[:4] == [(5.0, math.inf), (4.5, math.inf), (4.0, math.inf), (4.0, math.inf)]
    # Three equal entries in that column: converged, to 5 ulps of 4.
    assert answers[4:] == [(4.0, 5 * EPS * 4.0)] * 2
    assert epsilon.estimates == [4.0]
    assert not epsilon.irregular


def test_the_spread_of_the_last_four_limits_is_at_least_5_ulps() -> None:
    # A breakdown (two sums equal to rounding) keeps the new sum as the limit.
    epsilon = table([12.0, 4.0], estimates=(4.0, 4.0, 4.0))
    limit = 4.0 - 2.0**-50
    assert epsilon.add(limit) == (limit, 5 * EPS * limit)  # the spread, 3 * 2**-50, is less
    assert epsilon.estimates == [4.0, 4.0, 4.0, limit]
    epsilon = table([12.0, 4.0], estimates=(4.0, 4.0, 3.0))
    assert epsilon.add(limit) == (limit, math.fsum([2.0**-50, 2.0**-50, 1.0 - 2.0**-50]))
    epsilon = table([12.0, 4.0], estimates=(4.0, 3.0))  # only two before: no spread yet
    assert epsilon.add(limit) == (limit, math.inf)


@pytest.mark.parametrize(
    "sums",
    [
        (12.0, 4.0, 4.0 - 2.0**-50),  # 4 - 2**-50 is one epsilon of 4 from 4: settled
        (4.0 - 2.0**-50, 4.0, 12.0),
        (3.0, 1.0, 1.0 - 2.0**-52),
        (1.0, 1.0, 2.0),
    ],
)
def test_neighbours_equal_to_rounding_break_the_cross_rule_down(sums: tuple[float, ...]) -> None:
    epsilon = table([], [7.0, 5.0, 6.0], [8.0])
    for element in sums:
        assert epsilon.add(element) == (element, math.inf)
    assert epsilon.irregular
    assert epsilon.columns == [list(sums)]  # the higher columns are dropped


def test_neighbours_two_epsilons_apart_are_not_settled() -> None:
    epsilon = _Epsilon()
    for element in (12.0, 4.0, 4.0 - 2.0**-49):
        epsilon.add(element)
    assert not epsilon.irregular
    assert len(epsilon.columns) == 2


def test_a_correction_of_ten_thousand_times_the_value_is_a_breakdown() -> None:
    # 1/(20001 - 1) + 1/(20001 - 1) = 1e-4 exactly (to the float): the correction
    # would be 1e4 times the value, so the cross rule is not trusted.
    assert 2 * (1 / 20000) * 1.0 == 1e-4
    epsilon = _Epsilon()
    assert [epsilon.add(x) for x in (20001.0, 1.0, 20001.0)][-1] == (20001.0, math.inf)
    assert epsilon.irregular
    epsilon = _Epsilon()
    assert [epsilon.add(x) for x in (20001.0, 1.0, 20000.0)][-1] != (20000.0, math.inf)
    assert not epsilon.irregular


def test_a_higher_column_that_settles_on_its_west_neighbour_breaks_down() -> None:
    # Second column: west (the sums' oldest entry) 4, centre 4 - 2**-50: equal to rounding.
    epsilon = table([4.0, 2.0], [10.0, 4.0 - 2.0**-50])
    assert epsilon.add(1.0) == (0.0, math.inf)  # Aitken: 2 + 1/(1/2 - 1) = 0
    assert epsilon.columns == [[4.0, 2.0, 1.0], [10.0, 4.0 - 2.0**-50, 0.0]]
    assert not epsilon.irregular  # the sums themselves are fine
    # Two epsilons apart: the third column is made.
    epsilon = table([4.0, 2.0], [10.0, 4.0 - 2.0**-49])
    epsilon.add(1.0)
    assert len(epsilon.columns) == 3


def test_the_limit_is_the_entry_with_the_closest_parents() -> None:
    # Second column: parents 4, 2, 1 (spread 2 + 1, new entry 0 at 1 from them).
    # Third: parents 0, 2, 0 (2 + 2, and its entry, 1.33, at 1.33): the second wins.
    assert table([4.0, 2.0], [0.0, 2.0]).add(1.0) == (0.0, math.inf)
    # Parents 1, 0.5, 0 and entry -3: 0.5 + 0.5 + 3 = 4, a tie: the higher column wins.
    assert table([4.0, 2.0], [1.0, 0.5]).add(1.0) == (-3.0, math.inf)


def test_the_table_keeps_25_columns() -> None:
    assert _Epsilon.MAX_COLUMNS == 25
    epsilon = table(*[[1.0 + ((3 * k + 5 * i) % 7) / 8 + k for i in range(2)] for k in range(25)])
    epsilon.add(1.0 + (10 % 7) / 8)
    assert [len(column) for column in epsilon.columns] == [3] * 25


# ------------------------------------------------------------ the adaptive rule's edges


def test_panels_apply_their_own_rule() -> None:
    panels = _Panels(math.exp, K15)
    panels.add(0.0, 1.0)
    assert panels.panel(0) == gauss_kronrod(math.exp, 0.0, 1.0, K15)
    assert panels.panel(0) != gauss_kronrod(math.exp, 0.0, 1.0, K21)
    assert panels.nfev == 15
    # A first panel has no ancestor: whatever |f| its nodes see is all there is.
    panels = _Panels(lambda x: 0.25, K21)
    panels.add(0.0, 1.0)
    entry = panels.entries[0]
    assert entry.witness == max(entry.panel.peaks, key=lambda peak: peak[1])
    assert (entry.witness[1], entry.unresolved, entry.change) == (0.25, False, math.inf)
    assert entry.error == entry.panel.error < 1e-14


def test_panels_of_equal_error_are_bisected_newest_first() -> None:
    panels = hand_panels(0.5, 0.5, errors=(1.0, 1.0))  # [0, 0.5] first, then [0.5, 1]
    assert panels.worst() == 1
    assert panels.panel(1).a == 0.5
    panels = HandPanels()
    for a in (0.5, 0.0):  # made the other way round
        panels._keep(made(a, a + 0.5, error=1.0), change=0.0, inherited=(0.0, 0.0), floor=0.0)
    assert panels.panel(panels.worst() or 0).a == 0.0
    assert [entry.serial for entry in panels.entries] == [1, 2]


def test_a_panel_is_unresolved_when_its_nodes_are_or_a_witness_says_so() -> None:
    panels = HandPanels()
    panel = made(0.0, 1.0, error=2.0**-20, unresolved=True)  # flagged by gauss_kronrod
    panels._keep(panel, change=math.inf, inherited=(0.0, 0.0), floor=0.0)
    assert panels.entries[0].unresolved
    # A suspect panel is unresolved even with an error far below 5 % of its ∫|f|.
    parent, left, right = halves(peaks=((0.125, 3.0), (0.375, 2.0)), absolute=1000.0)
    left_entry, _ = split_once(parent, left, right, witness=(0.25, 8.0))
    assert (left_entry.error, left_entry.unresolved) == (4.0, True)


def test_an_integrand_0_at_every_node_is_explored_then_refused() -> None:
    result = integrate(lambda x: 0.0, 0, 1, full_output=True)
    points = 21 + 64 * 21  # the first rule, then 64 equal panels
    assert result == IntegrationResult(
        value=0.0,
        error=math.inf,  # a peak between the points could hold any integral
        nfev=points + 2,  # and the ends, which check the first panel
        method="adaptive",
        intervals=64,
        converged=False,
        message=f"f was 0 at all {points} points of the rule (on 64 equal "
        "subintervals, at most 0.00116 apart), so the integral looks like 0, but a peak "
        "narrower than their spacing would be missed. If f is 0 on the whole interval "
        "(max(x, 0) for x <= 0, say), its integral is 0 and needs no integration; if it has "
        "a peak there, split the interval around the peak. With full_output=True the "
        "result is 0.0 with an error of inf",
    )


# ------------------------------------------------------------ integrate's arguments


def test_integrates_refusals_are_worded_in_full() -> None:
    assert refusal(calcweb.InvalidArgumentError, lambda: integrate(one, 0, 1, method="gauss")) == (  # type: ignore[arg-type]
        "method must be one of 'adaptive', 'simpson', 'trapezoid', but got 'gauss'"
    )
    assert refusal(calcweb.InvalidArgumentError, lambda: riemann_sum(one, 0, 1, 4, rule="up")) == (  # type: ignore[arg-type]
        "rule must be one of 'left', 'midpoint', 'right', 'trapezoid', but got 'up'"
    )
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^a must be a real number"):
        integrate(one, "0", 1)  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^b must be a real number"):
        integrate(one, 0, "1")  # type: ignore[arg-type]
    assert refusal(calcweb.InvalidArgumentError, lambda: integrate(one, 0, 1, n=4)) == (
        "n=4 is for method='trapezoid' or 'simpson'; the adaptive rule chooses its own "
        "subintervals, so leave n out and set tol instead"
    )
    assert refusal(
        calcweb.InvalidArgumentError, lambda: integrate(one, 0, 1, method="simpson", n=1)
    ) == (
        "n must be between 2 and 10_000_000, but got 1; pass the number of equal intervals, "
        "such as n=100"
    )
    assert (
        refusal(calcweb.InvalidArgumentError, lambda: integrate(one, 0, 1, method="simpson", n=3))
        == "Simpson's rule pairs the intervals, so n must be even, but got n=3; pass n=4"
    )
    assert integrate(one, 0, 1, method="trapezoid", n=1) == 1.0  # one interval is enough
    assert refusal(calcweb.ArgumentTypeError, lambda: integrate(one, 0, 1, full_output=1)) == (  # type: ignore[arg-type]
        "full_output must be True or False, but got 1"
    )


def test_the_smallest_tol_is_allowed() -> None:
    assert integrate(one, 0, 1, tol=MIN_TOL) == pytest.approx(1.0, rel=1e-15, abs=0.0)
    with pytest.raises(calcweb.InvalidArgumentError, match=r"^tol must be at least 1\.1e-14 "):
        integrate(one, 0, 1, tol=math.nextafter(MIN_TOL, 0.0))


@pytest.mark.parametrize("method", ["adaptive", "simpson", "trapezoid"])
def test_an_empty_interval_says_so(method: str) -> None:
    assert integrate(one, 1.5, 1.5, method=method, full_output=True) == IntegrationResult(  # type: ignore[arg-type]
        0.0, 0.0, 0, method, 0, message="the interval is empty"
    )


# ------------------------------------------------------------ the floor for finite smoothness


def kept(panel: Panel, witness: tuple[float, float] = (0.0, 0.0)) -> HandPanels:
    panels = HandPanels()
    panels._keep(panel, change=math.inf, inherited=witness, floor=0.0)
    return panels


def test_a_panels_smoothness_floor_raises_its_error_but_not_its_divergence_error() -> None:
    panels = kept(made(0.0, 1.0, error=2.0**-10)._replace(smoothness=2.0**-8))
    (entry,) = panels.entries
    assert (entry.error, entry.divergence_error) == (2.0**-8, 2.0**-10)
    assert (panels.error(), panels.divergence_error()) == (2.0**-8, 2.0**-10)
    # Below the panel's own error the floor changes nothing.
    (entry,) = kept(made(0.0, 1.0, error=2.0**-8)._replace(smoothness=2.0**-10)).entries
    assert (entry.error, entry.divergence_error) == (2.0**-8, 2.0**-8)


def test_the_divergence_error_keeps_the_witness_floor() -> None:
    # A witness of |f| = 3 over [0, 1/4] (three times the panel's largest
    # sample, 1): the panel may hold 3/4, in both errors; the smoothness
    # floor, 7/8, in the error only.
    panel = made(0.0, 0.25, error=2.0**-10, peaks=((0.0, 1.0), (0.25, 0.5)))
    (entry,) = kept(panel._replace(smoothness=0.875), witness=(0.1, 3.0)).entries
    assert (entry.error, entry.divergence_error) == (0.875, 0.75)


def test_a_smoothness_floor_of_5_percent_of_the_panels_weight_leaves_it_unresolved() -> None:
    at_share = made(0.0, 1.0, error=2.0**-20, absolute=2.0)._replace(smoothness=0.1)
    assert kept(at_share).entries[0].unresolved
    below = at_share._replace(smoothness=math.nextafter(0.1, 0.0))
    assert not kept(below).entries[0].unresolved


def test_the_divergence_errors_of_the_panels_add_up() -> None:
    panels = HandPanels()
    for a, error, smoothness in [(0.0, 2.0**-6, 2.0**-3), (1.0, 2.0**-5, 0.0), (2.0, 2.0**-4, 0.5)]:
        panels._keep(
            made(a, a + 1.0, error=error)._replace(smoothness=smoothness),
            change=math.inf,
            inherited=(0.0, 0.0),
            floor=0.0,
        )
    assert panels.divergence_error() == 2.0**-6 + 2.0**-5 + 2.0**-4
    assert panels.error() == 2.0**-3 + 2.0**-5 + 0.5


@pytest.mark.parametrize(("extra", "diverges"), [(0.0, False), (2.0**-10, True)])
def test_the_divergence_test_leaves_the_smoothness_floor_out(extra: float, diverges: bool) -> None:
    # One panel: error 1/16, floor 1/2, so the floors add 7/16 to the sum's
    # error. A sum of 1 with an error of 1 + 7/16 is not divergent (the error
    # without the floor is 1, not above the sum); 2**-10 more is.
    panels = kept(made(0.0, 1.0, error=2.0**-4)._replace(smoothness=0.5))
    panels.ends = (0.0, 1.0)
    run = _Extrapolated(panels, 1e-10)
    run.best, run.initial_absolute = (1.0, 2.0**-20), 1.0
    error = 1.4375 + extra
    result = run.finish(1.0, error)
    assert result.converged is not diverges
    if diverges:
        assert result.message.startswith(f"{DIVERGES}(1, estimated error {error:.3g})")
        assert result.error == error
    else:
        assert (result.value, result.error) == (1.0, 2.0**-20)


def test_a_stalled_extrapolation_is_reported_with_the_error_of_the_result_returned() -> None:
    """The stall is found on the best extrapolation; the message names what is returned."""
    run = bookkeeping(1.0)
    run.best = (1.0, 1e-20)
    run.epsilon = Sequence(*[(1.0, 1.0)] * 7)  # type: ignore[assignment]
    for _ in range(6):
        run.extrapolate(1.0, 1.0, 0.0)
    run.correction = 3e-9  # the larger panels' error adds to the extrapolation's
    result = run.finish(1.0, 1.0)
    assert (result.value, result.error, result.converged) == (1.0, 1e-20 + 3e-9, False)
    assert result.message.startswith(f"{STALLED}3e-09, above the tolerance 1e-10;")
    # The plain sum, relatively better than the extrapolation, is returned with its own error.
    run.best = (1.0, 0.5)
    result = run.finish(2.0, 0.25)
    assert (result.value, result.error) == (2.0, 0.25)
    assert result.message.startswith(f"{STALLED}0.25, above the tolerance 2e-10;")


def test_a_refusal_is_reported_with_the_error_of_the_extrapolation_returned() -> None:
    """R8: refused on the sums' error (6.09), returned with the extrapolation's (3.35e-10)."""
    panels = hand_panels()
    panels._keep(
        made(0.0, 1.0, error=1e-3, rounding_limited=True),
        change=math.inf,
        inherited=(0.0, 0.0),
        floor=0.0,
    )
    run = _Extrapolated(panels, 1e-10)
    run.best = (3.0, 1e-9)  # far better, relatively, than the sums' 6 on 1
    result = run.run()
    assert (result.value, result.error, result.converged) == (3.0, 1e-9, False)
    assert result.message == (
        "rounding error limits the accuracy to about 1e-09, above the tolerance 3e-10; "
        "pass a larger tol"
    )
