"""Mutation tests for the functions session 22 added or changed (MUT16, session 23).

tools/mutation/one_function.py ran mutmut 3.8.1's mutants at 9fbe574 of the functions
session 22 added or changed (tools/mutation/HISTORY.md), each against every test that
reached it. Each test below kills survivors by a direct call: a boundary the code states,
hit exactly, values set by hand, or a stand-in that records what it was asked; or by
calcweb's derivative and taylor where the survivor changed what they answer or refuse. No
mpmath: these run inside Pyodide too.
"""

from __future__ import annotations

import cmath
import functools
import math
import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from bisections import inverse_by_bisection

from calcweb import (
    _integrate,
    _richardson,
    derivative,
    directional_derivative,
    limits,
    minimize,
    relu,
    taylor,
)
from calcweb._derivative import RoundedLine
from calcweb._integrate import _drifting, _log_log_factor, _settled_drift, _share_spread
from calcweb._richardson import (
    Estimate,
    _clamped_across,
    _followed_up_to,
    _junction_beside,
    _one_sided_steps,
    _one_value,
    _probe_favours,
    _walked_with_noise,
)
from calcweb._taylor import MAX_NUMERICAL_DEGREE
from calcweb._taylor_mode import agrees, branch_refusal, reach, staircase, unwrapped
from calcweb.exceptions import ArgumentTypeError, DomainError, NumericalError
from calcweb.jet import BranchWatch, Jet, _margin, _tie, watching_branches
from calcweb.limits import (
    JUMP,
    NOISE_POINTS,
    TAIL_RATIO,
    _column_tail,
    _lost_early,
    _noise_measured,
    _OneSided,
    _outgrows_noise,
    _zigzag_outgrows,
)

# ------------------------------------------------------------------ the branch watch


def test_tie_sums_each_term_at_its_own_power_of_the_reach() -> None:
    # |d0| = 0.05 is above d2 reach**2 = 0.01 (no doubt) but below d2 reach = 0.1.
    assert _tie([0.05, 0.0, 1.0], 0.1) is None
    assert _tie([0.009, 0.0, 1.0], 0.1) is False


def test_tie_counts_a_difference_exactly_as_far_as_the_sweep_as_near() -> None:
    assert _tie([0.5, 1.0], 0.5) is False


def test_margin_takes_the_kth_root_of_the_kth_term() -> None:
    # (|d0| / (m |d2|)) ** (1/2) with one term: (1 / 4) ** 0.5.
    assert _margin([1.0, 0.0, 4.0]) == 0.5


def test_a_comparison_of_two_jets_notes_their_difference_not_the_first_ones_terms() -> None:
    # x and y differ in no term: a tie that no move of x0 flips, and nothing live.
    with watching_branches(1e-10) as watch:
        assert not Jet.variable(1.0, 1) < Jet([1.0, 1.0])
    assert (watch.what, watch.exact, watch.live, watch.margin) == (
        "the comparison 1.0 < 1.0",
        True,
        None,
        float("inf"),
    )


def test_jets_of_different_degrees_compare_while_watched() -> None:
    with watching_branches(1e-10) as watch:
        assert not Jet.variable(1.0, 2) < Jet([0.5, 1.0])
    assert watch.what is None


def test_abs_at_its_kink_is_named_abs() -> None:
    with watching_branches(1e-10) as watch:
        abs(Jet.variable(0.0, 1))
    assert watch.what == watch.live == "abs of 0.0 (its kink)"


def test_an_inner_watch_hands_on_what_the_outer_has_not() -> None:
    with watching_branches(1e-10) as outer:
        with watching_branches(1e-10):
            assert Jet.variable(2.0, 1) > 1.0  # live, far from a tie: margin 1
        assert outer.live == "the comparison 2.0 > 1.0"
        assert outer.margin == 1.0
        assert outer.what is None


def test_an_inner_watch_keeps_the_outer_ones_first_branch_and_live_comparison() -> None:
    with watching_branches(1e-10) as outer:
        assert Jet.variable(0.0, 1) == 0.0
        with watching_branches(1e-10):
            assert abs(Jet.variable(0.0, 1)).value == 0.0
        assert outer.what == outer.live == "the comparison 0.0 == 0.0"


def test_a_new_watch_has_seen_no_branch() -> None:
    watch = BranchWatch(0.1)
    assert (watch.what, watch.exact, watch.live, watch.margin) == (None, False, None, math.inf)


def test_reach_is_64_roundings_of_x_or_of_1() -> None:
    eps = 2.0**-52
    assert (reach(0.5), reach(-2.0), reach(4.0)) == (64 * eps, 128 * eps, 256 * eps)


@pytest.mark.parametrize(
    ("y", "live", "degree", "flat"),
    [
        (1.0, "the comparison 1.0 > 0", 1, True),  # a number after a live comparison
        (Jet([1.0, 0.0, 0.0]), "the comparison 1.0 > 0", 2, True),  # a jet of derivatives 0
        (Jet([1.0, 2.0, 0.0]), "the comparison 1.0 > 0", 2, False),
        (1.0, None, 1, False),  # no live comparison
        (1.0, "the comparison 1.0 > 0", 0, False),  # only f's value asked
    ],
)
def test_staircase_is_no_jet_after_a_live_comparison(
    y: object, live: str | None, degree: int, flat: bool
) -> None:
    assert staircase(y, watched(None, live=live), degree) is flat


# ------------------------------------------------------------------ the refusals


def watched(what: str | None, *, exact: bool = False, live: str | None = None) -> BranchWatch:
    watch = BranchWatch(0.1)
    watch.what, watch.exact, watch.live, watch.margin = what, exact, live, 0.25
    return watch


@pytest.mark.parametrize(
    ("watch", "says"),
    [
        (
            watched("the comparison 0.0 == 0", exact=True),
            (
                "f branches at x=0.0: the comparison 0.0 == 0 decides a branch at a tie, so "
                "Taylor mode (jets) gives the derivatives of the branch f took, which are f's "
                "only if that branch holds around the point, and no error can be stated for "
                "them; use X"
            ),
        ),
        (
            watched("the comparison 0.0 == 0"),
            (
                "f branches at x=0.0: the comparison 0.0 == 0 decides a branch within rounding "
                "of a tie, so Taylor mode (jets) gives the derivatives of the branch f took, "
                "which are f's only if that branch holds around the point, and no error can be "
                "stated for them; use X"
            ),
        ),
        (
            watched(None, live="the comparison 1.0 > 0"),
            (
                "f branches at x=0.0 and returns no jet: after the comparison 1.0 > 0 (a "
                "comparison of f's flips if x moves by 0.25) f's value depends on x only "
                "through its branches, so Taylor mode (jets) gives the derivatives of a "
                "staircase, 0, which are f's only if f is constant around the point; use X"
            ),
        ),
    ],
)
def test_branch_refusal_says_which_branch_and_what_to_do(watch: BranchWatch, says: str) -> None:
    assert str(branch_refusal(watch, "at x=0.0", "use X")) == says


def test_two_estimates_agree_up_to_twice_the_sum_of_their_errors() -> None:
    assert agrees(1.0, 0.25, 2.0, 0.25)  # exactly 2 (0.25 + 0.25) apart
    assert not agrees(1.0, 0.25, 2.5, 0.25)


# ------------------------------------------------------------------ derivative's fall-backs


def square_across_zero(x: object) -> object:
    """x**2 through relu's two branches: smooth, but its jets branch at 0."""
    return relu(x) ** 2 + relu(-x) ** 2  # type: ignore[operator]


def test_auto_falls_back_across_a_tie_with_the_step_given() -> None:
    result = derivative(square_across_zero, 0.0, 2, h=0.5, full_output=True)
    alone = derivative(square_across_zero, 0.0, 2, method="richardson", h=0.5, full_output=True)
    assert (result.value, result.error, result.step) == (alone.value, alone.error, 0.5)
    assert result.nfev == alone.nfev + 1  # and the call on jets


def bisection(y: object) -> object:
    return inverse_by_bisection(y, bracket_on_y=True)


@pytest.mark.parametrize(
    ("differentiate", "at", "near", "ending"),
    [
        (
            lambda: derivative(bisection, 2.0),
            "x=2.0",
            "the point",
            (
                "so its derivative cannot be told here; move the point off the junction, or use "
                "method='richardson' where f is smooth"
            ),
        ),
        (
            lambda: taylor(bisection, 2.0, 2),
            "x0=2.0",
            "x0",
            "so its Taylor coefficients cannot be told here; move x0 off the junction",
        ),
    ],
)
def test_auto_and_taylor_name_what_disagrees_across_a_bisections_branches(
    differentiate: Callable[[], object], at: str, near: str, ending: str
) -> None:
    # x**3 + x = y: the last branch's derivative is 1.0, f's x'(2) = 1/4.
    with pytest.raises(NumericalError) as refusal:
        differentiate()
    message = str(refusal.value)
    assert message.startswith(f"f branches at {at}: the comparison ")
    assert "the derivative of order 1 of the branch f took (1.0, Taylor mode) disagrees" in message
    assert f"junction next to {near}, or decide" in message
    assert message.endswith(ending)


def test_ad_in_full_on_a_line_names_the_point_where_f_branches() -> None:
    with pytest.raises(NumericalError) as refusal:
        directional_derivative(
            lambda v: relu(v[0]) + v[1], [0.0, 1.0], [1.0, 0.0], method="ad", full_output=True
        )
    message = str(refusal.value)
    assert message.startswith("f branches at [0.0, 1.0]: relu of 0.0")
    assert message.endswith(
        "; use method='richardson' (or 'auto', which falls back to it here): it "
        "differentiates f across its branches, and refuses a kink"
    )


def test_ad_on_a_line_names_the_point_outside_fs_domain() -> None:
    def f(v: list[object]) -> object:
        if v[0] == 1.0:
            raise ValueError("not at 1")
        return v[0]

    with pytest.raises(DomainError, match=re.escape("The point [1.0, 2.0] is outside")):
        directional_derivative(f, [1.0, 2.0], [1.0, 0.0], method="ad")


def test_ad_names_fs_own_callable_whatever_attributes_it_carries() -> None:
    # A partial of math.sin refuses the jet itself; its attribute f is not the reader's f.
    sine = functools.partial(math.sin)
    sine.f = math.cos  # type: ignore[attr-defined]
    with pytest.raises(
        ArgumentTypeError, match=r"f is functools\.partial\(<built-in function sin>\)"
    ):
        derivative(sine, 1.0, method="ad")


def test_ad_says_cmaths_where_f_returns_a_complex_number() -> None:
    def f(x: object) -> object:
        return cmath.exp(x)  # type: ignore[arg-type]

    with pytest.raises(ArgumentTypeError, match=re.escape("calcweb.exp, ...) instead of cmath's")):
        derivative(f, 0.5, method="ad")


def test_unwrapped_keeps_the_wrapper_where_the_cause_came_from_fs_own_code() -> None:
    def inside() -> None:
        raise TypeError("raised in f's own code")

    try:
        inside()
    except TypeError as raised:
        cause = raised
    wrapper = ArgumentTypeError("f could not be called")
    wrapper.__cause__ = cause
    assert unwrapped(wrapper) is wrapper


def test_a_plain_rounded_line_reaches_as_far_as_its_argument() -> None:
    assert RoundedLine().reach(2.0) == reach(2.0)


def test_auto_on_a_line_names_the_point_where_the_branches_disagree() -> None:
    with pytest.raises(NumericalError, match=re.escape("f branches at [2.0, 0.0]: the comparison")):
        directional_derivative(
            lambda v: inverse_by_bisection(v[0], bracket_on_y=True), [2.0, 0.0], [1.0, 0.0]
        )


# ------------------------------------------------------------------ taylor across a branch


def test_taylor_across_a_tie_by_differences_up_to_their_highest_degree() -> None:
    coefficients = taylor(square_across_zero, 0.0, MAX_NUMERICAL_DEGREE).coefficients
    assert coefficients[:3] == pytest.approx((0.0, 0.0, 1.0), abs=1e-6)
    with pytest.raises(
        NumericalError,
        match="^f branches at x0=0.0: relu of 0.0 .*"
        + re.escape(
            "; ask for a degree of at most 4, whose coefficients finite differences give "
            "across the branches (and refuse at a kink)"
        ),
    ):
        taylor(square_across_zero, 0.0, MAX_NUMERICAL_DEGREE + 1)


# ------------------------------------------------------------------ _junction_beside
# Its helpers (_clamped_across, _probe_favours, _search, _followed_up_to, _flat) are
# stood in for by `Sides`, which answers per side ("forward", "backward") and notes
# what it was asked: the rule itself, with the sides' verdicts set by hand.


def estimate(
    value: float, error: float, *, window: tuple[float, ...] = (1e-3,), **more: object
) -> Estimate:
    rows = tuple((step, value) for step in window)
    return Estimate(value, error, 10, 0.1, "central", window=rows, **more)  # type: ignore[arg-type]


UNNOISED = estimate(0.0, 1e-6, window=(1e-3, 2e-3))  # widest 1e-3: 16 times it is 0.016
NOISED = estimate(0.5, 1e-3, window=(0.01, 0.02))


class Sides:
    """The sides' verdicts, by kind: each helper answers as set, and notes its call."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        *,
        clamped: tuple[bool, bool] = (False, False),
        favoured: tuple[bool, bool] = (True, True),
        found: tuple[Estimate | type[Exception] | None, ...] = (None, None),
        followed: float = 1.0,
        flat: bool = False,
    ) -> None:
        self.asked: list[tuple[object, ...]] = []
        kinds = ("forward", "backward")
        verdicts: dict[str, dict[str, object]] = {
            "_clamped_across": dict(zip(kinds, clamped, strict=True)),
            "_probe_favours": dict(zip(kinds, favoured, strict=True)),
            "_search": dict(zip(kinds, found, strict=True)),
        }

        def helper(name: str) -> Callable[..., object]:
            def answer(_sampler: object, kind: str, *args: object) -> object:
                self.asked.append((name, kind, *args[1:]))
                verdict = verdicts[name][kind]
                if isinstance(verdict, type):
                    raise verdict
                return verdict

            return answer

        for name in verdicts:
            monkeypatch.setattr(_richardson, name, helper(name))

        def followed_up_to(_side: Estimate, midway: float) -> float:
            self.asked.append(("_followed_up_to", midway))
            return followed

        monkeypatch.setattr(_richardson, "_followed_up_to", followed_up_to)
        monkeypatch.setattr(_richardson, "_flat", lambda *args: flat)

    def called(self, name: str) -> list[tuple[object, ...]]:
        return [call[1:] for call in self.asked if call[0] == name]


def beside(
    unnoised: Estimate = UNNOISED, noised: Estimate = NOISED, *, clamp_only: bool = False
) -> str:
    sampler = SimpleNamespace(noise_floor=1e-9, relative_noise=0.0)
    verdict = _junction_beside(sampler, 2, 0.1, unnoised, noised, known=0.0, clamp_only=clamp_only)  # type: ignore[arg-type]
    assert (sampler.noise_floor, sampler.relative_noise) == (1e-9, 0.0)  # as it was
    return verdict


class Quotients:
    """A stand-in sampler whose quotients are set by kind: (value, rounding, step), or an error."""

    def __init__(self, **by_kind: tuple[float, float, float] | Exception) -> None:
        self.by_kind = by_kind

    def quotient(self, kind: str, _n: int, _h: float) -> tuple[float, float, float]:
        answer = self.by_kind[kind]
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_probe_favours_compares_the_quotients_not_their_roundings() -> None:
    # Nearer 0 than the central quotient (3.0), though not than its rounding (0.5).
    sampler = Quotients(forward=(1.0, 5.0, 0.1), central=(3.0, 0.5, 0.1))
    assert _probe_favours(sampler, "forward", 2, 0.1, UNNOISED)  # type: ignore[arg-type]


def test_probe_favours_nothing_as_near_as_the_central_quotient() -> None:
    sampler = Quotients(forward=(1.0, 0.0, 0.1), central=(-1.0, 0.0, 0.1))
    assert not _probe_favours(sampler, "forward", 2, 0.1, UNNOISED)  # type: ignore[arg-type]


def test_probe_favours_nothing_where_a_quotient_cannot_be_taken() -> None:
    sampler = Quotients(forward=(0.0, 0.0, 0.1), central=DomainError("outside"))
    assert not _probe_favours(sampler, "forward", 2, 0.1, UNNOISED)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("error", "power", "before", "followed"),
    [
        # exactly twice the gap (2**-10), grown by (2**-9 / 2**-10)**2
        (0.0, 2.0, (1.0 + 2.0**-7, 0.0), 2.0**-9),
        (0.0, 2.0, (1.0 + 1.25 * 2.0**-7, 0.0), 2.0**-10),
        # and 4 times its rounding
        (0.0, 2.0, (1.0 + 2.0**-6, 2.0**-9), 2.0**-9),
        (0.0, 2.0, (1.0 + 2.0**-7 + 4.5 * 2.0**-9, 2.0**-9), 2.0**-10),
        (2.0**-10, 2.0, (1.0 + 2.0**-6, 0.0), 2.0**-9),  # the gap counts the error: 2**-9
        (0.0, 3.0, (1.0 + 2.0**-6, 0.0), 2.0**-9),  # grown by 2**3
    ],
)
def test_followed_up_to_allows_twice_the_gap_grown_and_4_roundings(
    monkeypatch: pytest.MonkeyPatch,
    error: float,
    power: float,
    before: tuple[float, float],
    followed: float,
) -> None:
    # A window at 2**-10 whose quotient is 2**-10 from the estimate 1.0, truncation h**power;
    # before it, at 2**-9, a quotient and its rounding.
    monkeypatch.setattr(_richardson, "_truncation_power", lambda estimate: power)
    walk = Estimate(
        1.0,
        error,
        10,
        0.1,
        "central",
        window=((2.0**-10, 1.0 + 2.0**-10),),
        before=((2.0**-9, *before),),
    )
    assert _followed_up_to(walk) == followed


class Sampled:
    """A stand-in sampler: ``x`` and the values f was sampled at."""

    def __init__(self, x: float, values: dict[float, float]) -> None:
        self.x, self.values = x, values


# x = 0 beside a clamp on its left: f is 7 at every point of a window at steps 1 and 0.5
# on the left, not on the right, nor at x itself.
CLAMPED = Sampled(0.0, {-1.0: 7.0, -0.5: 7.0, 0.0: 7.5, 0.5: 8.0, 1.0: 8.5})
WINDOW = estimate(0.0, 1e-3, window=(1.0, 0.5))


def test_clamped_across_reads_the_side_opposite_the_walk() -> None:
    assert _clamped_across(CLAMPED, "forward", 2, WINDOW)  # type: ignore[arg-type]
    assert not _clamped_across(CLAMPED, "backward", 2, WINDOW)  # type: ignore[arg-type]


def test_clamped_across_needs_two_points() -> None:
    assert not _clamped_across(CLAMPED, "forward", 2, estimate(0.0, 1e-3, window=(1.0,)))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("points", "one"),
    [
        ([-1.0, -0.5], True),
        ([-1.0, 0.0], False),  # two values
        ([-1.0, -0.25], False),  # -0.25 was not sampled
        ([-0.25, -0.125], False),
    ],
)
def test_one_value_of_points_all_sampled(points: list[float], one: bool) -> None:
    assert _one_value(CLAMPED, points) is one  # type: ignore[arg-type]


def test_junction_beside_asks_nothing_where_nothing_is_at_stake() -> None:
    # An object with no attributes: the guards decide before the sampler is read.
    nothing: Any = object()
    guard = functools.partial(_junction_beside, nothing, 2, 0.1, known=0.0)
    assert guard(estimate(0.0, 1e-6, no_digit=True), NOISED) == ""
    assert guard(estimate(0.0, 1e-6, window=()), NOISED) == ""
    assert guard(UNNOISED, estimate(1e-6, 1e-3)) == ""  # exactly unnoised's error away


def test_junction_beside_probes_16_times_the_widest_step_without_a_noised_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sides = Sides(monkeypatch, favoured=(False, False))
    assert beside(noised=estimate(0.5, 1e-3, window=())) == ""
    wide = 16.0 * 1e-3 * (1.0 - 1e-9)
    assert sides.called("_probe_favours") == [
        ("forward", wide, UNNOISED),
        ("backward", wide, UNNOISED),
    ]


def test_junction_beside_probes_up_to_the_noised_windows_smallest_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sides = Sides(monkeypatch, favoured=(False, False))
    assert beside(noised=estimate(0.5, 1e-3, window=(0.5, 1.0))) == ""
    assert sides.called("_probe_favours")[0] == ("forward", 0.5 * (1.0 - 1e-9), UNNOISED)


def test_junction_beside_with_clamp_only_tries_the_sides_by_a_clamp(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # f one value across the noised window on the forward side: the forward walk heads
    # towards that clamp (`_followed_to_clamp`), the backward one away from it.
    side = estimate(0.0, 1e-6)
    sides = Sides(monkeypatch, clamped=(False, True), found=(None, side), followed=1.0)
    assert beside(clamp_only=True) == "smooth"
    assert sides.called("_search") == [("forward", 0.1, 0.0), ("backward", 0.1, 0.0)]


def test_junction_beside_with_clamp_only_and_no_clamp_walks_no_side(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    side = estimate(0.0, 1e-6)
    sides = Sides(monkeypatch, clamped=(False, False), found=(side, side), followed=1.0)
    assert beside(clamp_only=True) == ""
    assert sides.called("_search") == []


@pytest.mark.parametrize(
    "forward",
    [
        None,
        _richardson._NoFitError,
        estimate(0.0, 1e-6, no_digit=True),  # a window, but no digit
        estimate(0.0, 1e-6, window=()),
        estimate(3e-6, 1e-6),  # apart by more than both errors
        estimate(0.0, 0.2),  # agrees, but its error does not tell noised from unnoised
    ],
)
def test_junction_beside_goes_on_to_the_backward_side(
    monkeypatch: pytest.MonkeyPatch, forward: object
) -> None:
    sides = Sides(monkeypatch, found=(forward, estimate(0.0, 1e-6)))  # type: ignore[arg-type]
    assert beside() == "smooth"
    assert [kind for kind, *_ in sides.called("_search")] == ["forward", "backward"]


@pytest.mark.parametrize(
    "side",
    [
        estimate(2e-6, 1e-6),  # exactly both errors from unnoised
        estimate(0.0, 0.125),  # its error exactly a quarter of noised's distance
    ],
)
def test_junction_beside_takes_a_side_at_its_bounds(
    monkeypatch: pytest.MonkeyPatch, side: Estimate
) -> None:
    Sides(monkeypatch, found=(side, None))
    assert beside() == "smooth"


def test_junction_beside_measures_distances_from_unnoised(monkeypatch: pytest.MonkeyPatch) -> None:
    # unnoised 1.0, noised 0.5: a quarter of their distance is 0.125, midway 0.25.
    unnoised, noised = estimate(1.0, 1e-6, window=(1e-3,)), estimate(0.5, 1e-3)
    sides = Sides(monkeypatch, found=(estimate(1.0, 0.2), estimate(1.0, 0.1)))
    assert beside(unnoised, noised) == "smooth"
    assert [kind for kind, *_ in sides.called("_search")] == ["forward", "backward"]
    assert sides.called("_followed_up_to") == [(0.25,)]  # the backward side's only


@pytest.mark.parametrize("clamp_only", [False, True])
def test_junction_beside_takes_a_side_followed_exactly_as_far_as_needed(
    monkeypatch: pytest.MonkeyPatch, clamp_only: bool
) -> None:
    # 16 times unnoised's widest step, as rounded; noised's window starts below it.
    wide = 16.0 * 1e-3 * (1.0 - 1e-9)
    Sides(
        monkeypatch, clamped=(clamp_only, False), found=(estimate(0.0, 1e-6), None), followed=wide
    )
    assert beside(clamp_only=clamp_only) == "smooth"


def test_taylor_within_rounding_of_a_tie_answers_where_differences_agree() -> None:
    # x**2 on both branches, split 1 ulp above x0 = 1: the differences' answer (not the
    # jets' exact 1, 2, 1), which agrees with the branch's.
    def split(x: object) -> object:
        return x * x if x <= 1.0 + 2.3e-16 else x**2  # type: ignore[operator]

    coefficients = taylor(split, 1.0, 2).coefficients
    assert coefficients != (1.0, 2.0, 1.0)
    assert coefficients == pytest.approx((1.0, 2.0, 1.0), rel=1e-12)


# ------------------------------------------------------------------ limits


def test_column_tail_is_none_for_a_last_change_exactly_the_rounding() -> None:
    assert _column_tail([0.0, 1.0, 2.0], 1.0) == 0.0


@pytest.mark.parametrize("last", [2.0, 2.5])  # changes at a ratio of exactly 1, and of 1.5
def test_column_tail_of_changes_that_do_not_fall_is_at_tail_ratio(last: float) -> None:
    change = last - 1.0
    tail = 2.0 * change * TAIL_RATIO / (1.0 - TAIL_RATIO)
    assert _column_tail([0.0, 1.0, last], 0.5) == tail


def zigzag(start: float, moves: list[float]) -> list[float]:
    samples = [start]
    for move in moves:
        samples.append(samples[-1] + move)
    return samples


# One move up, then moves down that grow 2 bits a step to 0.1 (0.35 at the last sample).
GROWING_MOVES = [1e-5, -4e-5, -1.6e-4, -6.4e-4, -2.56e-3, -1.02e-2, -4.1e-2, -0.1]
GROWING = zigzag(0.5, GROWING_MOVES)


def test_zigzag_outgrows_reads_the_last_eight_moves() -> None:
    assert len(GROWING) == NOISE_POINTS + 1
    assert _zigzag_outgrows(GROWING)  # its one move up is the first of the eight
    assert _zigzag_outgrows([0.8, *GROWING])  # a move of 0.3 (f's size 0.8) before them


def test_zigzag_outgrows_counts_moves_beyond_rounding_at_fs_size() -> None:
    # At 5e5 a move up of 1 ulp is rounding (4 eps |f| is 4.4e-10), one of 10 is not.
    down = [-40.0, -160.0, -640.0, -2560.0, -10200.0, -41000.0, -100000.0]
    assert not _zigzag_outgrows(zigzag(5e5, [math.ulp(5e5), *down]))
    assert _zigzag_outgrows(zigzag(5e5, [10.0, *down]))


def ending_at(last: float, moves: list[float]) -> list[float]:
    return zigzag(last - sum(moves), moves)


def alternating(first: float, bits: list[float]) -> list[float]:
    """Moves of 2**b, for b in ``bits``, alternately up and down (down first if first < 0)."""
    return [math.copysign(2.0**b, first) * (-1) ** k for k, b in enumerate(bits)]


# Moves that grow 7.5 bits a step from 2**-48 to 2**-3.
SPREAD = [-48, -40, -32, -24, -16, -8, -3]
# Widest moves that grow 1 bit a step; in powers of 2 (f near 1, 4 eps |f| = 2**-50).
ONE_BIT = [-13.0, -12.0, -11.0, -10.0, -9.0, -8.0, -7.0, -6.0]


@pytest.mark.parametrize(
    ("samples", "outgrows"),
    [
        ([1.0], False),  # no move
        (zigzag(0.5, [-1e-5, *GROWING_MOVES[1:]]), False),  # every move down
        # the one move up (down) exactly 4 eps |f|: within rounding
        ([1.0, *zigzag(0.5, [2.0**-50, *(-(2.0**b) for b in SPREAD)])], False),
        ([1.0, *zigzag(0.5, [-(2.0**-50), *(2.0**b for b in SPREAD)])], False),
        # a move of exactly LOSS of f's size (1): f moving, not noise
        (
            zigzag(
                1.0, [-(2.0**-46), 2.0**-47, *(-(2.0**b) for b in [-40, -32, -24, -16, -8, -2])]
            ),
            False,
        ),
        # f's size 2: a move of 0.25 is below LOSS of it
        (
            zigzag(
                2.0, [-(2.0**-45), 2.0**-46, *(-(2.0**b) for b in [-39, -31, -23, -15, -7, -2])]
            ),
            True,
        ),
        # 1 bit a step to 2**-4, grown to exactly LOSS of the last sample (0.5)
        (ending_at(0.5, alternating(1.0, [-11, -10, -9, -8, -7, -6, -5, -4])), True),
        # 2 bits a step to 2**-6 at the 7th move, the 8th as wide: grown twice from there
        (zigzag(1.0, alternating(1.0, [-18, -16, -14, -12, -10, -8, -6, -6])), True),
        (zigzag(1.0, alternating(-1.0, [-6 + 0.5 * k for k in range(8)])), False),  # 1/2 bit
        (
            zigzag(1.0, [0.0, *alternating(-1.0, [-9, -8, -7, -6, -5, -4, -3])]),
            True,
        ),  # from the 2nd
        (zigzag(1.0, alternating(1.0, ONE_BIT)), False),  # 2**-5 short of LOSS of 1
        ([1.0, 0.01, *zigzag(1.0, alternating(1.0, ONE_BIT))], False),  # of the last, not 0.01
    ],
)
def test_zigzag_outgrows_at_its_bounds(samples: list[float], outgrows: bool) -> None:
    assert _zigzag_outgrows(samples) is outgrows


# ------------------------------------------------------------------ integrate


@pytest.mark.parametrize(
    ("near", "mid"),
    [
        ((0.0, 1.2, 48.0), (0.0, 1.2, 56.0)),  # p held over the eighth before
        ((0.0, 1.2, 48.0), (0.0, 1.1, 64.0)),  # no halving since mid
        ((0.0, 1.2, 48.0), (0.0, 1.1, 48.0)),  # no halving since near
    ],
)
def test_drifting_needs_p_to_fall_over_both_eighths_of_growing_n(
    near: tuple[float, float, float], mid: tuple[float, float, float]
) -> None:
    assert not _drifting((0.0, 1.0, 64.0), near, mid)


def test_drifting_holds_where_p_falls_late_exactly_0_8_as_fast_as_early() -> None:
    # Over one doubling of n each: early 0.234375, late 0.1875 (per ln 2).
    assert _drifting((0.0, 1.0, 128.0), (0.0, 1.421875, 32.0), (0.0, 1.1875, 64.0))


def test_log_log_factor_of_no_drift_is_a_tail_that_diverges() -> None:
    assert _log_log_factor((0.0, 1.2, 64.0), (0.0, 1.3, 48.0), 0.0) == math.inf


@pytest.mark.parametrize("factor", [lambda drift: 1.0 / drift, lambda drift: drift * drift])
def test_share_spread_is_the_factors_larger_change_over_the_drift_in_doubt(
    monkeypatch: pytest.MonkeyPatch, factor: Callable[[float], float]
) -> None:
    # p falls 0.1 over each eighth (n 48 -> 56 -> 64); the settled drift is 0.01 (either sign).
    asked: list[float] = []

    def log_log_factor(_fit: object, _far: object, drift: float) -> float:
        asked.append(drift)
        return factor(drift)

    monkeypatch.setattr(_integrate, "_log_log_factor", log_log_factor)
    monkeypatch.setattr(_integrate, "_settled_drift", lambda p, n: -0.01)
    fit, mid, near = (0.0, 1.1, 64.0), (0.0, 1.2, 56.0), (0.0, 1.3, 48.0)
    spread = _share_spread(fit, mid, near, (0.0, 1.4, 32.0))
    drift = (1.3 - 1.1) / math.log(64.0 / 48.0)
    doubt = abs((1.2 - 1.1) / math.log(64.0 / 56.0) - (1.3 - 1.2) / math.log(56.0 / 48.0)) + 0.01
    assert sorted(asked) == [drift - doubt, drift, drift + doubt]
    assert spread == max(abs(factor(drift + sign * doubt) - factor(drift)) for sign in (-1, 1))


def test_settled_drift_fits_from_the_first_halving() -> None:
    # 8 halvings: the two fits of 6 halves each, a quarter (2) apart, need halves 1 to 8.
    assert math.isfinite(_settled_drift(1.2, 8.0))


def test_settled_drift_fits_a_quarter_as_many_halvings_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fitted: list[list[float]] = []

    def fit(halves: list[float]) -> tuple[float, float, float]:
        fitted.append(halves)
        return 0.0, 1.5, float(len(halves))

    monkeypatch.setattr(_integrate, "_power_law_fit", fit)
    assert _settled_drift(1.5, 64.0) == 0.0  # p the same in both fits
    now, before = fitted
    assert before == now[:-16]
    # the last half: the integral of u**-1.5 from 64 ln 2 to 65 ln 2
    assert now[-1] == ((64 * math.log(2.0)) ** -0.5 - (65 * math.log(2.0)) ** -0.5) / 0.5


def test_settled_drift_is_unknown_where_either_fit_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        _integrate, "_power_law_fit", lambda halves: (0.0, 1.5, 64.0) if len(halves) > 20 else None
    )
    assert _settled_drift(1.5, 64.0) == math.inf


# ------------------------------------------------------------------ minimize


def test_a_start_at_a_stationary_point_is_told_in_full() -> None:
    result = minimize(lambda p: p[0] ** 2 - p[1] ** 2, [0.0, 0.0], steps=10)
    assert result.message.endswith(
        " is <= tol=1e-06; no step moved x from x0, where the gradient is already within "
        "tol: x0 is a stationary point to that tolerance, which may be a minimum, a maximum, "
        "a saddle or a plateau where f is merely nearly flat (sigmoid at 30: gradient "
        "9.4e-14); start elsewhere to find out"
    )


# ------------------------------------------------------------------ _lost_early

READ = _OneSided(0.0, 1e-10, True, "read past the drop")
# f 0.464, 0.617, then 2.8e-4 and halving: a drop after two samples.
DROPPED = [0.464, 0.617, 2.8e-4, 1.4e-4, 7e-5, 3.5e-5]
# 4 roundings of the last sample (`ULPS`) are 5 of its ulps: f between the last sample and the
# drop as far from the drop as that, or by one ulp more.
WITHIN_BLUR = 0.617 + 5 * math.ulp(0.617)
BEYOND_BLUR = 0.617 + 6 * math.ulp(0.617)


def lost_early(
    samples: list[float], result: _OneSided = READ, f: Callable[[float], float] = lambda h: 10.0
) -> tuple[_OneSided, list[float]]:
    """_lost_early on ``samples`` from step 1/8 (first 2), h from x0 = 0; and where f was asked."""
    asked: list[float] = []

    def spied(h: float) -> float:
        asked.append(h)
        return f(h)

    kept = _lost_early(result, samples, 2, f=spied, name="right", point=lambda h: h, scale=1.0)  # type: ignore[arg-type]
    return kept, asked


@pytest.mark.parametrize(
    ("samples", "read", "away", "step"),
    [
        (DROPPED, 0.0, 10.0, 2.0**-5),  # the last sample's step: 1/8 halved 3 times
        (DROPPED, -0.617, 10.0, 2.0**-5),  # the error: its distance from the last sample
        (DROPPED[1:], 0.0, 10.0, 2.0**-4),  # a drop after one sample
        (DROPPED, 0.0, 0.6171, 2.0**-5),  # farther from the drop than 0.617 by 1e-4
        (DROPPED, 0.0, BEYOND_BLUR, 2.0**-5),
    ],
)
def test_lost_early_refuses_a_drop_that_f_leaves_first(
    samples: list[float], read: float, away: float, step: float
) -> None:
    result = _OneSided(read, 1e-10, True, "read past the drop")
    refused, asked = lost_early(samples, result, lambda h: away)
    assert (refused.value, refused.error, refused.converged) == (0.617, 0.617 - read, False)
    assert asked == [0.75 * step]  # the first of BETWEEN's shares of the last step


def test_lost_early_says_where_f_drops_and_where_it_left_first() -> None:
    refused, _ = lost_early(DROPPED)
    assert refused.message == (
        "f is 0.617 far from x0 (from the right), then drops to 0.00028 at 0.015625 and "
        "stays that small closer to x0; but at 0.0234375, before the drop, f is farther from "
        "it than that, as when rounding cancels all the digits of a term in f and leaves "
        "only a small term beside it (1 - cos(t) is exactly 0 for |t| < 1e-8, exp(t) - 1 "
        "for |t| < 5e-17): the samples before the drop cannot tell. Rewrite f without "
        "the cancellation (2*math.sin(t/2)**2 for 1 - cos(t), math.expm1(t) for exp(t) - 1, "
        "math.log1p(t) for log(1 + t)); pass full_output=True to get the estimate from "
        "before the drop anyway"
    )


def test_lost_early_keeps_a_drop_that_f_passes_from_the_last_sample_to() -> None:
    # f between is as far from the drop as the last sample, to its rounding.
    assert lost_early(DROPPED, f=lambda h: WITHIN_BLUR) == (
        READ,
        [0.75 * 2.0**-5, 0.625 * 2.0**-5, 0.875 * 2.0**-5],
    )


@pytest.mark.parametrize(
    ("samples", "result"),
    [
        (DROPPED, _OneSided(0.0, 1e-10, False, "not converged")),
        # (LIM29, after this run: a drop after three samples is probed too.)
        (DROPPED, _OneSided(0.0, 0.617 / JUMP, True, "exactly JUMP errors from the last sample")),
    ],
)
def test_lost_early_keeps_what_it_has_nothing_to_say_of(
    samples: list[float], result: _OneSided
) -> None:
    assert lost_early(samples, result) == (result, [])


def test_noise_is_measured_where_a_top_change_is_beyond_its_samples_rounding() -> None:
    # Three columns: the top's changes against ULPS * _AMPLIFY[2] = 20 roundings of the
    # sample they end at (its last), samples 3 to 6.
    eps = 2.0**-52
    samples = [8.0, 8.0, 8.0, 1.0, 1.0, 0.5, 1.0]
    top = [1.0, 1.0 + 20 * eps, 1.0 + 45 * eps, 1.0 + 65 * eps, 1.0 + 65 * eps]
    assert _noise_measured([samples, [1e6] * 6, top]) == [
        *[False] * 3,  # no change of the top column ends there
        False,  # 20 eps: exactly 20 roundings of 1.0
        True,  # 25 eps
        True,  # 20 eps at a sample of 0.5
        False,
    ]


# ------------------------------------------------------------------ _outgrows_noise
# _until_stuck, _digits_lost and _noise_measured are stood in for: where f gets stuck
# (never), where it loses all its digits (``lost``) and where its noise is measured.


def outgrows(
    monkeypatch: pytest.MonkeyPatch,
    width: float,
    *,
    at: int = 0,
    samples: list[float],
    noise: list[float],
    lost: int,
    measured: list[bool] | None = None,
) -> tuple[bool, list[tuple[object, ...]]]:
    """_outgrows_noise of a zigzag ``width`` wide in column 1 of 3 (top: _AMPLIFY[2] = 5)."""
    asked: list[tuple[object, ...]] = []
    flags = [True] * len(samples) if measured is None else measured

    def until_stuck(values: list[float]) -> list[float]:
        asked.append(("_until_stuck", values))
        return values

    def digits_lost(values: list[float], rounding: list[float]) -> int:
        asked.append(("_digits_lost", values, rounding))
        return lost

    def noise_measured(columns: list[list[float]]) -> list[bool]:
        asked.append(("_noise_measured", columns))
        return flags

    monkeypatch.setattr(limits, "_until_stuck", until_stuck)
    monkeypatch.setattr(limits, "_digits_lost", digits_lost)
    monkeypatch.setattr(limits, "_noise_measured", noise_measured)
    columns = [samples, [2.0] * (len(samples) - 1), [3.0] * (len(samples) - 2)]
    return _outgrows_noise(width, 1, at, columns, noise), asked


def test_outgrows_noise_reads_the_samples_and_their_noise(monkeypatch: pytest.MonkeyPatch) -> None:
    samples, noise = [1.0] * 8, [0.0] * 8
    _, asked = outgrows(monkeypatch, 1.0, samples=samples, noise=noise, lost=8)
    columns = [samples, [2.0] * 7, [3.0] * 6]
    assert asked == [
        ("_until_stuck", samples),
        ("_digits_lost", samples, noise),
        ("_noise_measured", columns),
    ]


# One sample judged (lost = HORIZON + 1): JUMP * _AMPLIFY[1] * SAFETY * 1e-6 / 5, the noise's
# bound of an entry of column 1 (the samples' rounding, 4 eps, far below it).
BOUND = 4.0 * 3.0 * (3.0 * 1e-6 / 5.0)


@pytest.mark.parametrize(
    ("width", "noise", "outgrown"),
    [
        (BOUND, 1e-6, False),  # exactly JUMP times the bound: rounding's still
        (BOUND * 1.01, 1e-6, True),
        # no noise measured: the bound is ULPS roundings of the sample, 2: 12 * 4 eps * 2
        (1.5e-14, 0.0, False),
        (3e-14, 0.0, True),
    ],
)
def test_outgrows_noise_beyond_jump_times_the_bound_of_an_entry(
    monkeypatch: pytest.MonkeyPatch, width: float, noise: float, outgrown: bool
) -> None:
    samples, rounding = [2.0] * 8, [noise] * 8
    assert outgrows(monkeypatch, width, samples=samples, noise=rounding, lost=6)[0] is outgrown


@pytest.mark.parametrize(
    ("at", "lost", "measured", "outgrown"),
    [
        # the samples from `at` to `lost` - HORIZON only (the noise is 1 outside them)
        (1, 7, None, True),
        (1, 6, None, False),  # from sample 1 to before sample 1: none
        (2, 7, None, False),  # sample 1 is not from `at` on
        # the sample's flag and those of the HORIZON changes after it (1 to 6), all measured
        (1, 7, [True] * 7 + [False] * 5, True),
        (1, 7, [True] * 5 + [False] * 7, False),
        (1, 7, [False] + [True] * 11, True),
        (1, 7, [True, False] + [True] * 10, False),
    ],
)
def test_outgrows_noise_judges_the_samples_from_at_whose_noise_is_measured(
    monkeypatch: pytest.MonkeyPatch, at: int, lost: int, measured: list[bool] | None, outgrown: bool
) -> None:
    noise = [1.0] * 12
    noise[1] = 0.0  # sample 1 alone has a bound (4 eps) below the width
    kept = outgrows(
        monkeypatch, 1e-10, at=at, samples=[1.0] * 12, noise=noise, lost=lost, measured=measured
    )
    assert kept[0] is outgrown


# ------------------------------------------------------------------ _walked_with_noise
# Its walks and checks (_walks, _stairs_unevenly, _junction_beside) are stood in for.


class Walked:
    """The stand-ins' answers, and what they were asked."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        *,
        walks: list[Estimate],
        stairs: float = 0.0,
        side: str = "",
    ) -> None:
        self.asked: list[tuple[object, ...]] = []
        answers = iter(walks)

        def walk(sampler: Any, n: int, first_step: float, enough: float) -> Estimate:
            self.asked.append(("_walks", sampler.noise_floor, n, first_step, enough))
            return next(answers)

        def stairs_unevenly(
            sampler: Any, estimate: Estimate, n: int, widest: float, quiet: float
        ) -> float:
            self.asked.append(("_stairs_unevenly", sampler.noise_floor, estimate, n, widest, quiet))
            return stairs

        def junction_beside(sampler: Any, n: int, first: float, *args: Any, **kw: Any) -> str:
            self.asked.append(("_junction_beside", sampler.noise_floor, n, first, *args, kw))
            return side

        monkeypatch.setattr(_richardson, "_walks", walk)
        monkeypatch.setattr(_richardson, "_stairs_unevenly", stairs_unevenly)
        monkeypatch.setattr(_richardson, "_junction_beside", junction_beside)


UNNOISED_WALK = estimate(1.0, 1e-6)
NOISED_WALK = estimate(1.5, 1e-3)
STAIRS_WALK = estimate(1.25, 1e-2)


def walked_with_noise(relative: float = 0.0) -> tuple[Estimate, SimpleNamespace]:
    """The walk redone with a floor of 1e-9 (1e-12 known before), first step 0.1, order 2."""
    sampler = SimpleNamespace(noise_floor=1e-12, relative_noise=relative, x=0.5)
    kept = _walked_with_noise(sampler, 2, 0.1, 1e-3, UNNOISED_WALK, 1e-9, 1e-7)  # type: ignore[arg-type]
    return kept, sampler


@pytest.mark.parametrize("relative", [0.0, 1e-7])
def test_walked_with_noise_walks_with_the_floor_and_asks_the_junction_rule(
    monkeypatch: pytest.MonkeyPatch, relative: float
) -> None:
    walked = Walked(monkeypatch, walks=[NOISED_WALK], stairs=1e-9)  # no more than the floor
    kept, sampler = walked_with_noise(relative)
    assert (kept, sampler.noise_floor) == (NOISED_WALK, 1e-9)
    assert walked.asked == [
        ("_walks", 1e-9, 2, 0.1, 1e-3),
        ("_stairs_unevenly", 1e-9, NOISED_WALK, 2, 0.1 / 16.0, 1e-7),
        (
            "_junction_beside",
            1e-9,
            2,
            0.1,
            UNNOISED_WALK,
            NOISED_WALK,
            {"known": 1e-12, "clamp_only": bool(relative)},
        ),
    ]


def test_walked_with_noise_walks_again_with_stairs_above_the_floor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walked = Walked(monkeypatch, walks=[NOISED_WALK, STAIRS_WALK], stairs=2e-9)
    kept, sampler = walked_with_noise()
    assert (kept, sampler.noise_floor) == (STAIRS_WALK, 2e-9)
    assert walked.asked[2] == ("_walks", 2e-9, 2, 0.1, 1e-3)
    assert walked.asked[3][4:6] == (UNNOISED_WALK, STAIRS_WALK)


def test_walked_with_noise_keeps_the_walk_before_beside_a_junction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    Walked(monkeypatch, walks=[NOISED_WALK], side="smooth")
    kept, sampler = walked_with_noise()
    assert (kept, sampler.noise_floor) == (UNNOISED_WALK, 1e-12)  # the noise known before


def test_walked_with_noise_refuses_where_only_a_flat_side_agrees(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    Walked(monkeypatch, walks=[NOISED_WALK], side="flat")
    with pytest.raises(NumericalError) as refusal:
        walked_with_noise()
    assert str(refusal.value) == (
        "the difference quotients of order 2 at x=0.5 disagree: at small steps they settle "
        "on 1 +- 1e-06, as they do on a side where f is constant, at larger ones, with the "
        "noise of f measured (1e-09), on 1.5 +- 0.001. f was not seen to leave that constant "
        "value continuously, as a clamp does (a stair ends at a jump): it may be rounded to "
        "stairs (or flushed to 0, or saturated) there; write f with calcweb's functions "
        "(calcweb.sin, ...) for exact derivatives"
    )


def test_walked_with_noise_keeps_a_walk_that_a_flat_side_agrees_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Exactly both errors apart (0.5 and 0.25 + 0.25).
    agreeing = estimate(1.5, 0.25)
    Walked(monkeypatch, walks=[agreeing], side="flat")
    sampler = SimpleNamespace(noise_floor=1e-12, relative_noise=0.0, x=0.5)
    kept = _walked_with_noise(sampler, 2, 0.1, 1e-3, estimate(1.0, 0.25), 1e-9, 1e-7)  # type: ignore[arg-type]
    assert kept == agreeing


# ------------------------------------------------------------------ the one-sided check


# DER34 (after this run, at 9fbe574) made _one_sided_steps return all three steps
# and the reach of the window's expansion, which its caller reads, instead of
# cutting the steps at a quarter of that reach.
@pytest.mark.parametrize(
    ("n", "window", "reach", "expected"),
    [
        (1, (0.4, 0.2, 0.1), 100.0, ([0.01], 0.0)),  # a first derivative: the smallest step
        (2, (), 100.0, ([0.01], 0.0)),  # no window
        (2, (0.4, 0.2, 0.1), 12.8, ([0.2, 0.8, 3.2], 12.8)),  # the second step, 4 and 16 times
        (2, (0.4, 0.2, 0.1), 0.1, ([0.2, 0.8, 3.2], 0.1)),
        (2, (0.4, 0.2), 100.0, ([0.4, 1.6, 6.4], 100.0)),  # two steps: the first
    ],
)
def test_one_sided_steps(
    monkeypatch: pytest.MonkeyPatch,
    n: int,
    window: tuple[float, ...],
    reach: float,
    expected: tuple[list[float], float],
) -> None:
    monkeypatch.setattr(_richardson, "_followed_up_to", lambda walk: reach)
    walk = estimate(1.0, 1e-6, window=window, smallest=0.01)
    assert _one_sided_steps(walk, n) == expected
