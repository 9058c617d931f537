"""Mutation tests for the functions session 23 added or changed (MUT17, session 24).

tools/mutation/one_function.py ran mutmut 3.8.1's mutants at 491c0b3 of the functions
session 23 added or changed (tools/mutation/HISTORY.md), each against every test that
reached it. Each test below kills survivors by a direct call: a boundary the code states,
hit exactly, values set by hand, or a stand-in that records what it was asked. No mpmath:
these run inside Pyodide too.
"""

from __future__ import annotations

import copy
import math
import operator
import pickle
import re
from collections.abc import Callable
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import pytest
from test_mutation_kills_s23 import NOISED, UNNOISED, Sides, estimate

from calcweb import _richardson, exercises, limits, multivariate
from calcweb._richardson import (
    Estimate,
    _Candidate,
    _check_one_sided,
    _check_one_sided_settle,
    _confirmed,
    _continuous_between,
    _continuous_junctions,
    _crossings,
    _forward_argument_rounding,
    _forward_drift,
    _forward_rows,
    _junction_beside,
    _one_side,
    _one_sided_against,
    _one_sided_drift,
    _settled,
    _still_far,
    _Walk,
)
from calcweb.exceptions import ArgumentTypeError, DomainError, InvalidArgumentError, NumericalError
from calcweb.exercises import _mismatch, _NotANumberError, _read, _shape
from calcweb.limits import (
    PROBE_BETWEEN,
    PROBE_DEPTHS,
    PROBE_RATIO,
    PROBE_SHIFT,
    PROBE_WINDOW,
    _Counted,
    _grid_window,
    _off_between,
    _off_the_grid,
    _OneSided,
    _read_past_drop,
    _TooSlow,
)
from calcweb.multivariate import _off_the_line
from calcweb.nn import Value
from calcweb.optim.descent import _advice, _Run, _zigzags
from calcweb.optim.optimizers import _checking_arguments, _default_eps, _why_zero

# ---------------------------------------------------------------- optim/optimizers


def test_why_zero_names_rmsprop_and_its_alphas_when_the_square_does_not_underflow() -> None:
    assert _why_zero(1.0) == (
        "the average of the squared gradients is 0 (it underflows, or RMSprop keeps it 0 "
        "with alpha=1, or centred with alpha=0, or weight_decay * theta cancels the gradient)"
    )


def test_default_eps_of_a_class_that_names_no_eps_is_torchs_1e_8() -> None:
    class Plain:
        def __init__(self, params: object, lr: float = 0.1) -> None: ...

    assert _default_eps(Plain) == 1e-8


def test_checking_arguments_names_the_keywords_after_params() -> None:
    def init(self: object, params: object, lr: float = 0.1, eps: float = 1e-8) -> None: ...

    checked = _checking_arguments(init)
    checked(object(), [], lr=0.5)  # accepted: no error
    with pytest.raises(ArgumentTypeError) as raised:
        checked(object(), [], epz=0.1)
    assert str(raised.value) == (
        "object got an unknown keyword argument 'epz' (did you mean eps?); "
        "it takes params, then lr, eps"
    )


# ---------------------------------------------------------------- nn/value: comparisons


class _ArrayLike:
    """A stand-in for a numpy array: ``__array_ufunc__`` makes a Value leave the comparison to it.

    Each reflected comparison answers with its own operator (``Value < array`` is
    ``array > Value``).
    """

    __array_ufunc__ = None

    def __lt__(self, other: object) -> str:
        return "array <"

    def __le__(self, other: object) -> str:
        return "array <="

    def __gt__(self, other: object) -> str:
        return "array >"

    def __ge__(self, other: object) -> str:
        return "array >="


COMPARISONS = [("<", operator.lt), ("<=", operator.le), (">", operator.gt), (">=", operator.ge)]
# Value < array is array > Value: the array's comparison of the other way round.
REFLECTED = [
    (operator.lt, "array >"),
    (operator.le, "array >="),
    (operator.gt, "array <"),
    (operator.ge, "array <="),
]


@pytest.mark.parametrize(("compare", "reflected"), REFLECTED)
def test_value_comparisons_are_the_numbers_comparisons(
    compare: Callable[[object, object], object], reflected: str
) -> None:
    for a, b in [(1.0, 2.0), (2.0, 1.0), (2.0, 2.0), (2.0**60, 2**60 + 1), (2.0**60, 2**60)]:
        expected = compare(a, b)
        assert compare(Value(a), b) is expected
        assert compare(Value(a), Value(float(b))) is compare(a, float(b))
    # An array-like operand is left to its own reflected comparison.
    assert compare(Value(1.0), _ArrayLike()) == reflected


@pytest.mark.parametrize(("symbol", "compare"), COMPARISONS)
def test_value_comparison_with_a_non_number_names_its_operator(
    symbol: str, compare: Callable[[object, object], object]
) -> None:
    with pytest.raises(ArgumentTypeError) as raised:
        compare(Value(1.0), "a")
    assert str(raised.value) == (
        f"the operand of Value {symbol} must be a real number (int, float, Fraction or a "
        "numpy scalar), but got str 'a'; convert it with float() first"
    )


def test_value_bool_is_data_not_zero_and_format_formats_the_number() -> None:
    assert bool(Value(2.0)) is True
    assert bool(Value(-0.0)) is False
    assert f"{Value(1.0):.3f}" == "1.000"
    assert f"{Value(1.0)}" == repr(Value(1.0))


# ---------------------------------------------------------------- nn/value: refusals

_DROPS = "would drop the graph: no gradient flows through a plain number."
_NO_STEP = (
    ": a Value has no % or // (// is a staircase, with slope 0, and % jumps at every "
    "multiple of the divisor); write x.data % 2, x.data // 2 for the number, or "
    "x - 2 * (x.data // 2) for x % 2 with its slope (1 between the jumps)"
)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            float,
            (
                f"float(Value(1.5)) (math.exp(x), math.sin(x) and such call it) {_DROPS} "
                "Write calcweb.exp(x) or x.exp() to keep the gradient, or x.data for the number"
            ),
        ),
        *(
            (
                call,
                (
                    f"{name}(Value(1.5)) {_DROPS} Write {name}(x.data) for the number (a step "
                    "has no useful gradient)"
                ),
            )
            for call, name in [
                (int, "int"),
                (round, "round"),
                (math.trunc, "math.trunc"),
                (math.floor, "math.floor"),
                (math.ceil, "math.ceil"),
            ]
        ),
        (lambda v: v % 2, "Value(1.5) % 2" + _NO_STEP),
        (lambda v: 2 % v, "2 % Value(1.5)" + _NO_STEP),
        (lambda v: v // 2, "Value(1.5) // 2" + _NO_STEP),
        (lambda v: 2 // v, "2 // Value(1.5)" + _NO_STEP),
        (lambda v: divmod(v, 2), "divmod(Value(1.5), 2)" + _NO_STEP),
        (lambda v: divmod(2, v), "divmod(2, Value(1.5))" + _NO_STEP),
    ],
)
def test_value_refuses_a_plain_number_or_a_step_with_its_whole_message(
    call: Callable[[Value], object], message: str
) -> None:
    with pytest.raises(ArgumentTypeError) as raised:
        call(Value(1.5))
    assert str(raised.value) == message


def test_value_comparison_names_its_operator_for_a_value_set_to_nan_or_inf() -> None:
    nan, inf = Value(1.0), Value(2.0)
    nan.data, inf.data = math.nan, math.inf
    not_finite = (
        "the value is not a finite number (was .data set to NaN or inf, or did an "
        "optimiser diverge?); use a finite number"
    )
    with pytest.raises(InvalidArgumentError, match=re.escape(f"<(Value(nan)): {not_finite}")):
        _ = nan < 1.0
    with pytest.raises(InvalidArgumentError, match=re.escape(f">=(Value(inf)): {not_finite}")):
        _ = Value(1.0) >= inf


def test_value_comparison_names_its_own_grad_set_to_a_non_number() -> None:
    value = Value(1.0)
    value.grad = "g"  # type: ignore[assignment]
    with pytest.raises(ArgumentTypeError) as raised:
        _ = value < "a"
    assert str(raised.value) == (
        "a Value's .grad was set to 'g' (a str), but a Value holds real numbers: assign a "
        "float, e.g. value.grad = 0.0"
    )


# ---------------------------------------------------------------- _richardson: DERNX rows
# Rows are (step, forward quotient - estimate, allowed), largest step first.


def test_crossings_count_only_distances_beyond_what_rows_allow() -> None:
    assert _crossings([(1.0, 1.0, 0.0), (0.5, -1.0, 0.0), (0.25, 1.0, 0.0)]) == 2
    # -0.5 is exactly what its row allows: it does not count, and no crossing is left.
    assert _crossings([(1.0, 1.0, 0.5), (0.5, -0.5, 0.5), (0.25, 1.0, 0.0)]) == 0
    assert _crossings([(1.0, -1.0, 0.0), (0.5, -2.0, 0.0)]) == 0
    assert _crossings([]) == 0


def test_still_far_needs_two_rows() -> None:
    assert _still_far([(1.0, 5.0, 0.0)]) is False


@pytest.mark.parametrize(
    ("rows", "far"),
    [
        # The peak first: the last must exceed 2 * peak * (its step / the peak's) + allowed.
        ([(1.0, 1.0, 0.0), (0.5, 1.0, 0.0)], False),  # exactly 2 * 1 * 0.5
        ([(1.0, 1.0, 0.0), (0.5, 1.25, 0.25)], False),  # the peak, exactly 1 + 0.25
        ([(1.0, 1.0, 0.0), (0.5, 0.75, 0.0), (0.25, 0.5, 0.0)], False),  # exactly 0.5
        ([(1.0, 1.0, 0.0), (0.5, 0.75, 0.0), (0.25, 0.625, 0.0)], True),
        ([(1.0, 1.0, 0.0), (0.5, 0.75, 0.0), (0.25, 0.625, 0.125)], False),
        # The peak last: it must also exceed the row before it by more than allowed.
        ([(1.0, 0.5, 0.0), (0.5, 0.75, 0.25)], False),  # 0.75 == 0.5 + 0.25
        ([(1.0, 0.5, 0.0), (0.5, 0.875, 0.25)], True),
        ([(1.0, -0.5, 0.0), (0.5, -0.875, 0.25)], True),
        ([(1.0, 0.5, 0.0), (0.5, -0.875, 0.25)], True),
        ([(1.0, 0.75, 0.0), (0.5, 0.5, 0.0), (0.25, 0.875, 0.25)], True),
        ([(1.0, 4.0, 0.0), (0.5, 2.0, 0.0)], False),  # within 2 * 4 * 0.5 / 1
        # The peak is the largest distance, not the largest allowance.
        ([(1.0, 4.0, 0.0), (0.5, 1.0, 0.0), (0.25, 1.5, 0.25)], False),
    ],
)
def test_still_far_at_its_bounds(rows: list[tuple[float, float, float]], far: bool) -> None:
    assert _still_far(rows) is far


@pytest.mark.parametrize(
    ("rows", "drift"),
    [
        # A growth at each of two steps over steps 4 apart (3.9 or more).
        ([(1.0, 1.0, 0.0), (0.5, 2.0, 0.0), (0.25, 4.0, 0.0)], 4.0),
        ([(3.9, 1.0, 0.0), (2.0, 2.0, 0.0), (1.0, 4.0, 0.0)], 4.0),  # exactly 3.9 apart
        ([(3.875, 1.0, 0.0), (2.0, 2.0, 0.0), (1.0, 4.0, 0.0)], 0.0),  # just under 3.9
        ([(1.0, 1.0, 0.0), (0.5, 2.0, 1.0), (0.25, 4.0, 0.0)], 0.0),  # 2 == 1 + 1: no growth
        # One run of growth at close steps is no drift, however long; two runs are.
        ([(1.0, 1.0, 0.0), (0.875, 2.0, 0.0), (0.75, 3.0, 0.0)], 0.0),
        ([(1.0, 1.0, 0.0), (0.875, 2.0, 0.0), (0.75, 1.0, 0.0), (0.625, 3.0, 0.0)], 3.0),
        ([(1.0, 1.0, 0.0), (0.875, 2.0, 0.0), (0.75, 1.0, 0.0), (0.625, 1.5, 0.5)], 0.0),
        # A run starts anew after a shrink: one growth, even over steps 4 apart, is none.
        ([(1.0, 1.0, 0.0), (0.5, 0.5, 0.0), (0.125, 1.0, 0.0)], 0.0),
        # Two crossings of the estimate: the largest distance of all rows.
        ([(1.0, 0.5, 0.0), (0.875, -1.0, 0.0), (0.75, 0.75, 0.0)], 1.0),
        ([(1.0, 0.5, 0.0), (0.875, -1.0, 0.0)], 0.0),
        ([], 0.0),
    ],
)
def test_forward_drift_at_its_bounds(rows: list[tuple[float, float, float]], drift: float) -> None:
    assert _forward_drift(rows) == drift


# ---------------------------------------------------------------- _check_one_sided_settle


def _estimate(value: float, error: float, window: tuple[tuple[float, float], ...] = ()) -> Estimate:
    return Estimate(value, error, 10, 0.1, "central", window=window)


class _SettleStandIns:
    """Stand-ins for `_check_one_sided_settle`'s helpers: a drift, a forward walk, a verdict.

    Each notes what it was given, in ``asked``.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, drift: float, side: object) -> None:
        self.asked: list[tuple[object, ...]] = []
        self.settled = True

        def one_sided_drift(sampler: object, estimate: object, n: int) -> float:
            self.asked.append(("drift", sampler, estimate, n))
            return drift

        def search(sampler: object, kind: str, n: int, first_step: float, enough: float) -> object:
            self.asked.append(("search", sampler, kind, n, first_step, enough))
            if side is _richardson._NoFitError:
                raise _richardson._NoFitError
            return side

        def settled(side: object, estimate: object, drift: float) -> bool:
            self.asked.append(("settled", side, estimate, drift))
            return self.settled

        monkeypatch.setattr(_richardson, "_one_sided_drift", one_sided_drift)
        monkeypatch.setattr(_richardson, "_search", search)
        monkeypatch.setattr(_richardson, "_settled", settled)
        # Forward quotients resolved down the steps (none lost to rounding): the verdict stands.
        monkeypatch.setattr(_richardson, "_nears_until_lost", lambda sampler, estimate, n: False)


_SETTLE_END = (
    " (as they do where f oscillates ever faster toward x, as x sin(1/x) at 0, or has a "
    "cusp, as sqrt(|x|) at 0, where the derivative does not exist; or where f varies on "
    "a scale finer than these steps); {advice}; or, if f varies on a finer scale, "
    "differentiate f(s * t) at t = x / s for a small s, and divide by {power}"
)


def test_check_one_sided_settle_asks_nothing_without_a_drift(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stand_ins = _SettleStandIns(monkeypatch, 0.0, None)
    sampler, estimate = SimpleNamespace(x=0.5), _estimate(1.0, 0.1)
    assert _check_one_sided_settle(sampler, estimate, 3, 0.25) is None  # type: ignore[arg-type]
    assert stand_ins.asked == [("drift", sampler, estimate, 3)]


def test_check_one_sided_settle_has_nothing_to_compare_where_no_forward_stencil_fits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stand_ins = _SettleStandIns(monkeypatch, 0.5, _richardson._NoFitError)
    sampler, estimate = SimpleNamespace(x=0.5), _estimate(1.0, 0.1)
    assert _check_one_sided_settle(sampler, estimate, 1, 0.25) is None  # type: ignore[arg-type]
    # The forward walk goes on to its end (enough 0), from the central walk's first step.
    assert stand_ins.asked[1:] == [("search", sampler, "forward", 1, 0.25, 0.0)]


@pytest.mark.parametrize("side", [None, _estimate(1.0, 0.25)])
def test_check_one_sided_settle_refuses_a_right_side_that_never_settles(
    monkeypatch: pytest.MonkeyPatch, side: Estimate | None
) -> None:
    stand_ins = _SettleStandIns(monkeypatch, 0.5, side)
    stand_ins.settled = False
    estimate = _estimate(1.0, 0.1)
    with pytest.raises(DomainError) as raised:
        _check_one_sided_settle(SimpleNamespace(x=0.5), estimate, 2, 0.25)  # type: ignore[arg-type]
    if side is not None:
        assert stand_ins.asked[-1] == ("settled", side, estimate, 0.5)
    assert str(raised.value) == (
        "no derivative of order 2 of f at x=0.5 was found: the symmetric difference "
        "quotients settle on 1, but the quotients from the right never settle"
        + _SETTLE_END.format(advice="move x", power="s**2")  # f(s t)'s 2nd derivative: s**2 f''
    )


def test_check_one_sided_settle_keeps_a_right_side_that_settles_within_both_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _SettleStandIns(monkeypatch, 0.5, _estimate(1.5, 0.25))
    # Exactly 0.25 + 0.25 apart.
    sampler: Any = SimpleNamespace(x=0.5)
    assert _check_one_sided_settle(sampler, _estimate(1.0, 0.25), 1, 0.25) is None
    _SettleStandIns(monkeypatch, 0.5, _estimate(1.5, 0.125))
    with pytest.raises(DomainError) as raised:
        _check_one_sided_settle(sampler, _estimate(1.0, 0.25), 1, 0.25)
    assert str(raised.value) == (
        "no derivative of f at x=0.5 was found: the symmetric difference quotients settle "
        "on 1, but the quotients from the right settle on 1.5 +- 0.125"
        + _SETTLE_END.format(
            advice="take a one-sided derivative with method='forward' or "
            "method='backward', or move x",
            power="s",
        )
    )


# ---------------------------------------------------------------- optim/descent: advice


def _run(
    losses: list[float], path: list[float] | None = None, norms: list[float] | None = None
) -> _Run:
    count = len(losses)
    return _Run(
        limit=1e-6,
        path=list(path if path is not None else [float(k) for k in range(count)]),
        losses=losses,
        norms=list(norms if norms is not None else [1.0] * count),
    )


_ZIGZAG = [(-1.0) ** k * (12 - k) for k in range(12)]  # every step reverses the one before
_FALLING = [float(12 - k) for k in range(12)]


@pytest.mark.parametrize(
    ("run", "advice"),
    [
        (_run([]), "try more steps"),
        (
            _run([1.0, 2.0]),
            (
                "the loss grew from 1 to 2, so the steps overshoot; try a smaller learning rate "
                "such as lr=0.05"
            ),
        ),
        (_run([1.0]), "try more steps"),
        (
            _run([1.0, 3.0, 2.0]),
            (
                "the loss grew from 1 to 2, so the steps overshoot; try a smaller learning rate "
                "such as lr=0.05"
            ),
        ),
        (
            _run([1.0, 1.0]),
            (
                "the loss stopped falling steadily in the last steps; if it bounces with falling "
                "peaks, try more steps; if its peaks do not fall, a smaller learning rate (with "
                "momentum, also less momentum); if it rests at its rounding floor, a larger tol"
            ),
        ),
        # Falling over the last 10 losses; the rise before them does not count.
        (
            _run([5.0, 6.0, *_FALLING[2:]]),
            (
                "the loss is still falling; try more steps or a larger learning rate (if f has "
                "no minimum, as x or exp(-x) has none, no number of steps reaches one)"
            ),
        ),
        # Zigzagging, the norm over the last 10 points halved exactly (the two before not read).
        (
            _run(_FALLING, _ZIGZAG, [9.0, 9.0, 4.0, *([3.0] * 8), 2.0]),
            (
                "the last steps zigzag across a valley, and the gradient norm fell 2-fold over "
                "them; try more steps"
            ),
        ),
        (
            _run(_FALLING, _ZIGZAG, [1.0, 1.0, *([4.0] * 9), 2.5]),
            (
                "the last steps zigzag (most reverse the one before), overshooting across a valley "
                "and closing in slowly (the gradient norm went from 4 to 2.5 over them); try a "
                "smaller learning rate (with momentum, also less momentum)"
            ),
        ),
    ],
)
def test_advice_when_the_steps_ran_out(run: _Run, advice: str) -> None:
    assert _advice(run, 0.5) == advice


def test_zigzags_needs_most_turns_not_half() -> None:
    assert _zigzags([0.0, 1.0, 2.0, 1.5]) is False  # one of two moves reverses
    assert _zigzags([0.0, 1.0, 0.5, 1.0]) is True
    assert _zigzags([[0.0, 0.0], [1.0, 0.0], [0.5, 0.5], [1.0, 0.0]]) is True
    assert _zigzags([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [2.0, 1.0]]) is False  # square turns


# ---------------------------------------------------------------- _richardson: DERALIAS


def _candidate(value: float, error: float) -> _Candidate:
    return _Candidate(value, error, row=3, level=1, smallest=0.125)


def test_steady_refutations_are_misses_a_larger_step_had_within_a_quarter() -> None:
    a, b, c, d = (_candidate(float(k), 0.0) for k in range(4))
    walk = SimpleNamespace(refuted=[(a, 0.75), (b, 1.0), (c, 0.5), (d, -1.0)])
    # b: 0.75 is exactly 1/4 of 1.0 off; c: 0.5 is within 1/4 of none; d: -1 of none.
    assert _Walk.steady_refutations(walk) == [(b, 1.0)]  # type: ignore[arg-type]
    walk = SimpleNamespace(refuted=[(a, -0.75), (b, -1.0), (c, -1.0)])
    assert _Walk.steady_refutations(walk) == [(b, -1.0), (c, -1.0)]  # type: ignore[arg-type]
    walk = SimpleNamespace(refuted=[(a, 1.0)])  # a miss is not its own larger step
    assert _Walk.steady_refutations(walk) == []  # type: ignore[arg-type]


class _ProbeMiss:
    """A stand-in for `_probe_miss`: a fixed (miss, noise, probe), or an error; notes its calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, result: object) -> None:
        self.asked: list[tuple[object, ...]] = []

        def probe_miss(*args: object) -> object:
            self.asked.append(args)
            if isinstance(result, Exception):
                raise result
            return result

        monkeypatch.setattr(_richardson, "_probe_miss", probe_miss)


def _walk_stand_in(refuted: list[tuple[_Candidate, float]] | None = None) -> Any:
    walk = SimpleNamespace(sampler="sampler", kind="forward", n=2, window="window")
    walk.refuted = list(refuted or [])
    walk.steady_refutations = lambda: list(refuted or [])
    return walk


@pytest.mark.parametrize(
    ("miss", "noted"),
    # Allowed: 2 * 0.125 + 100 * 2**-7 = 1.03125.
    [(1.03125, False), (-1.03125, False), (1.0390625, True), (-1.0390625, True)],
)
def test_note_refuted_records_a_miss_beyond_what_the_probe_allows(
    monkeypatch: pytest.MonkeyPatch, miss: float, noted: bool
) -> None:
    probe = _ProbeMiss(monkeypatch, (miss, 2.0**-7, 0.01))
    walk, best = _walk_stand_in(), _candidate(1.0, 0.125)
    _Walk.note_refuted(walk, best)
    assert walk.refuted == ([(best, miss)] if noted else [])
    assert probe.asked == [("sampler", "forward", 2, "window", best)]


@pytest.mark.parametrize("error", [DomainError("out"), NumericalError("overflow")])
def test_note_refuted_and_missed_as_above_without_a_probe(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    _ProbeMiss(monkeypatch, error)
    best = _candidate(1.0, 0.125)
    walk = _walk_stand_in([(best, 1.0)])
    assert _Walk.note_refuted(walk, best) is None
    assert walk.refuted == [(best, 1.0)]
    assert _Walk.missed_as_above(walk, best) is False


@pytest.mark.parametrize(
    ("miss", "value", "missed"),
    [
        # close: 2 * 0.125 + 4 * 0.0625 = 0.5 from the refuted miss 1.0; the values within
        # 0.125 + 0.25 of each other.
        (1.5, 1.375, True),
        (0.5, 0.625, True),
        (1.5625, 1.0, False),
        (0.4375, 1.0, False),
        (1.0, 1.375, True),
        (1.0, 1.40625, False),
        (1.0, 0.59375, False),
    ],
)
def test_missed_as_above_at_its_bounds(
    monkeypatch: pytest.MonkeyPatch, miss: float, value: float, missed: bool
) -> None:
    probe = _ProbeMiss(monkeypatch, (miss, 0.0625, 0.01))
    best = _candidate(value, 0.125)
    walk = _walk_stand_in([(_candidate(1.0, 0.25), 1.0)])
    assert _Walk.missed_as_above(walk, best) is missed
    assert probe.asked == [("sampler", "forward", 2, "window", best)]
    assert _Walk.missed_as_above(_walk_stand_in(), best) is False  # no steady refutation


# ---------------------------------------------------------------- _richardson: DERNX settle


def _side(error: float, quotients: list[float], *, no_digit: bool = False) -> Estimate:
    window = tuple((2.0**-k, q) for k, q in enumerate(quotients))
    return Estimate(0.5, error, 10, 0.1, "forward", window=window, no_digit=no_digit)


@pytest.mark.parametrize(
    ("side", "drift", "settled"),
    [
        (_side(0.0, [], no_digit=True), 1.0, False),  # no digit: never settled
        (_side(0.25, []), 1.0, True),  # exactly drift / 4
        (_side(0.3125, []), 1.0, False),
        (_side(0.25, []), 0.0, False),  # no quotients: they moved by nothing
        (_side(0.5, [1.0, 3.0]), 0.0, True),  # exactly (3 - 1) / 4: as far as they moved
        (_side(0.5625, [1.0, 3.0]), 0.0, False),
        (_side(0.5625, [3.0, 1.0]), 2.0, False),
        # Nearing the estimate's value 1 by 1.5 or more at each step, whatever the error.
        (_side(1e9, [10.0, 7.0, 5.0]), 0.0, True),
        (_side(1e9, [-8.0, 7.0, -3.0]), 0.0, True),
        (_side(1e9, [10.0, 7.0, 5.5]), 0.0, False),
        (_side(1e9, [10.0, 7.0]), 0.0, False),  # two steps are too few
    ],
)
def test_settled_at_its_bounds(side: Estimate, drift: float, settled: bool) -> None:
    assert _settled(side, _estimate(1.0, 1.0), drift) is settled


# ---------------------------------------------------------------- nn/value: copies


def _graph() -> tuple[Value, Value, Value]:
    """x, y and a loss on them with intermediate values, its gradients taken."""
    x, y = Value(2.0), Value(3.0)
    loss = ((x * y + x) * 0.5).tanh()
    loss.backward()
    return x, y, loss


def _nodes(value: Value) -> list[tuple[object, ...]]:
    """Every value of the graph, inputs first, as its attributes and its inputs' places."""
    order, leaves = value._topological_order(clear=False)
    every = [*leaves, *order]
    return [
        (node.data, node.grad, node._local, node._op, tuple(every.index(x) for x in node._prev))
        for node in every
    ]


@pytest.mark.parametrize(
    "copied",
    [lambda things: pickle.loads(pickle.dumps(things)), copy.deepcopy],  # noqa: S301
    ids=["pickle", "deepcopy"],
)
def test_a_copied_graph_keeps_every_value_and_shares_as_the_original(
    copied: Callable[[list[Value]], list[Value]],
) -> None:
    x, y, loss = _graph()
    before = _nodes(loss)
    assert all(grad != 0.0 for _, grad, _, _, _ in before)
    assert len(before) == 6  # x, y, x * y, + x, * 0.5, tanh: each once, x used twice
    x2, y2, loss2 = copied([x, y, loss])
    assert _nodes(loss2) == before
    assert _nodes(loss) == before  # the original's gradients are not cleared
    leaves = loss2._topological_order(clear=False)[1]
    assert {id(leaf) for leaf in leaves} == {id(x2), id(y2)}
    assert x2 is not x
    (leaf,) = copied([Value(1.5)])
    assert (leaf.data, leaf.grad, leaf._prev, leaf._local, leaf._op) == (1.5, 0.0, (), (), "")


def test_copy_copy_makes_a_new_node_on_the_same_inputs() -> None:
    loss = _graph()[2]
    shallow = copy.copy(loss)
    assert shallow is not loss
    assert all(a is b for a, b in zip(shallow._prev, loss._prev, strict=True))
    assert (shallow.data, shallow.grad, shallow._local, shallow._op) == (
        loss.data,
        loss.grad,
        loss._local,
        loss._op,
    )


def test_backward_clears_the_intermediate_gradients_and_adds_to_the_leaves() -> None:
    x = Value(3.0)
    y = x**2
    z = y * 2.0
    for passes in (1, 2):
        z.backward()
        assert (z.grad, y.grad, x.grad) == (1.0, 2.0, 12.0 * passes)
    square = x * x  # x is on the stack twice: once seen, the second is passed over
    assert square._topological_order() == ([square], [x])


# ---------------------------------------------------------------- _richardson: DER34 one side


class _OneSideStandIns:
    """`_one_sided_steps` giving ``steps`` and ``reach``; `_one_sided_against` a verdict per step.

    A verdict is (value, spread, rounding, finest), or None; the steps asked are in ``asked``.
    """

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        steps: list[float],
        reach: float,
        verdicts: dict[float, tuple[float, float, float, float] | None],
    ) -> None:
        self.asked: list[tuple[object, ...]] = []

        def one_sided_steps(estimate: object, n: int) -> tuple[list[float], float]:
            self.asked.append(("steps", estimate, n))
            return steps, reach

        def one_sided_against(
            sampler: object, estimate: object, n: int, h: float, kind: str
        ) -> object:
            self.asked.append((sampler, estimate, n, h, kind))
            return verdicts[h]

        monkeypatch.setattr(_richardson, "_one_sided_steps", one_sided_steps)
        monkeypatch.setattr(_richardson, "_one_sided_against", one_sided_against)

    def steps_asked(self) -> list[object]:
        return [call[3] for call in self.asked[1:]]


_SAMPLER: Any = SimpleNamespace(x=0.5, one_sided=[])
_STEPS = [1.0, 4.0, 16.0]


@pytest.mark.parametrize(
    ("reach", "verdicts", "result", "asked"),
    [
        # The estimate is 1 +- 0.5, a verdict's spread 2: the tolerance is 2 + 2 * 0.5 = 3;
        # widened beyond 2 + 0.5, in doubt beyond 0.25 * 2 + 0.5 = 1; decided where the
        # rounding, twice, is below the tolerance. Widened to gap + spread, in doubt, decided:
        (0.0, {1.0: (3.75, 2.0, 0.25, 0.5)}, (4.75, True), [1.0]),
        (0.0, {1.0: (-1.75, 2.0, 0.25, 0.5)}, (4.75, True), [1.0]),
        (0.0, {1.0: (3.75, 2.0, 1.25, 0.5)}, (4.75, True), [1.0]),  # 2.5 < 3
        (0.0, {1.0: (4.0, 2.0, 0.25, 0.5)}, (5.0, True), [1.0]),  # exactly the tolerance
        (0.0, {1.0: (3.5, 2.0, 0.25, 0.5)}, (0.5, True), [1.0]),  # exactly 2.5: not widened
        (0.0, {1.0: (2.0, 2.0, 0.25, 0.5)}, (0.5, False), [1.0]),  # exactly 1: not in doubt
        # Rounding decides (2 * 1.5 == 3): in doubt, so asked again at 4 times the step,
        # beyond the expansion's reach.
        (0.0, {1.0: (3.75, 2.0, 1.5, 0.5), 4.0: (1.5, 2.0, 0.0, 2.0)}, (4.75, False), [1.0, 4.0]),
        # Not in doubt: asked again only within the reach's quarter (4 == 16 / 4).
        (16.0, {1.0: (1.5, 2.0, 1.5, 0.5), 4.0: (1.5, 2.0, 0.0, 2.0)}, (0.5, False), [1.0, 4.0]),
        (15.5, {1.0: (1.5, 2.0, 1.5, 0.5)}, (0.5, False), [1.0]),
        (0.0, {1.0: (1.5, 2.0, 1.5, 0.5)}, (0.5, False), [1.0]),
        # f not defined at the step: the error and the doubt as they were.
        (0.0, {1.0: (3.75, 2.0, 1.5, 0.5), 4.0: None}, (4.75, True), [1.0, 4.0]),
        (0.0, {1.0: None}, (0.5, False), [1.0]),
        # Every step in doubt and decided by rounding: all three asked.
        (0.0, dict.fromkeys(_STEPS, (3.75, 2.0, 1.5, 0.5)), (4.75, True), _STEPS),
    ],
)
def test_one_side_at_its_bounds(
    monkeypatch: pytest.MonkeyPatch,
    reach: float,
    verdicts: dict[float, tuple[float, float, float, float] | None],
    result: tuple[float, bool],
    asked: list[float],
) -> None:
    stand_ins = _OneSideStandIns(monkeypatch, _STEPS, reach, verdicts)
    estimate = _estimate(1.0, 0.5)
    assert _one_side(_SAMPLER, estimate, 2, "backward") == result
    assert stand_ins.asked[0] == ("steps", estimate, 2)
    assert stand_ins.asked[1:] == [(_SAMPLER, estimate, 2, h, "backward") for h in asked]


@pytest.mark.parametrize(
    ("n", "kind", "which", "side", "power"),
    [
        (1, "forward", "derivative", "right", "s"),
        (3, "backward", "derivative of order 3", "left", "s**3"),  # of f(s t): s**3 f'''
    ],
)
def test_one_side_refuses_a_gap_beyond_the_tolerance(  # noqa: PLR0917 - the parametrized case
    monkeypatch: pytest.MonkeyPatch, n: int, kind: str, which: str, side: str, power: str
) -> None:
    _OneSideStandIns(monkeypatch, _STEPS, 0.0, {1.0: (4.0625, 2.0, 0.25, 0.0078125)})
    with pytest.raises(DomainError) as raised:
        _one_side(_SAMPLER, _estimate(1.0, 0.5), n, kind)
    assert str(raised.value) == (
        f"no {which} of f at x=0.5 was found: the difference quotients from the {side} tend "
        "to about 4.0625, but the symmetric ones to 1, at steps down to 0.00781 (as they do "
        "at a kink or a jump at x, or where f varies on a scale finer than those steps); "
        "take a one-sided derivative with method='forward' or method='backward', or move "
        "x; or, if f varies on a finer scale, differentiate f(s * t) at t = x / s for a "
        f"small s, and divide by {power}"
    )


@pytest.mark.parametrize(
    ("forward", "backward", "error", "kinds"),
    [
        ((1.0, False), None, 1.0, ["forward"]),
        ((1.0, True), (2.0, False), 2.0, ["forward", "backward"]),
        ((1.0, True), (0.5, True), 1.0, ["forward", "backward"]),
    ],
)
def test_check_one_sided_asks_the_left_side_only_where_the_right_is_in_doubt(
    monkeypatch: pytest.MonkeyPatch,
    forward: tuple[float, bool],
    backward: tuple[float, bool] | None,
    error: float,
    kinds: list[str],
) -> None:
    asked: list[tuple[object, ...]] = []

    def one_side(sampler: object, estimate: object, n: int, kind: str) -> object:
        asked.append((sampler, estimate, n, kind))
        return forward if kind == "forward" else backward

    monkeypatch.setattr(_richardson, "_one_side", one_side)
    estimate = _estimate(0.0, 0.25)
    assert _check_one_sided(_SAMPLER, estimate) == error
    assert asked == [(_SAMPLER, estimate, 1, kind) for kind in kinds]


class _Quotients:
    """A stand-in sampler whose quotients at each step are given (an error: f fails there).

    It takes ``asked`` steps as given, but the first (1.0) as ``0.75``: a representable step.
    """

    def __init__(self, quotients: dict[float, float | Exception], noise: float) -> None:
        self.quotients, self.noise = quotients, noise
        self.asked: list[tuple[str, int, float]] = []

    def quotient(self, kind: str, n: int, h: float) -> tuple[float, float, float]:
        self.asked.append((kind, n, h))
        h = 0.75 if h == 1.0 else h
        value = self.quotients[h]
        if isinstance(value, Exception):
            raise value
        return value, self.noise, h


_NOISE = 2.0**-10  # rounding: KINK_NOISE (20) times it, 0.01953125


@pytest.mark.parametrize(
    ("quotients", "estimate", "verdict", "steps"),
    [
        # Extrapolated once from 0.75 and 0.375: 1.25 + 0.25, spread 4 * 0.25 + rounding.
        (
            {0.75: 1.0, 0.375: 1.25},
            _estimate(-0.01953125, 0.25),  # exactly spread + twice the error away: no third
            (1.5, 1.01953125, 0.01953125, 0.375),
            [1.0, 0.375],
        ),
        # Beyond spread + twice the error: a third quotient at 0.1875, extrapolated twice:
        # once 1.75 + 0.5 = 2.25, twice 2.25 + (2.25 - 1.5) / 3 = 2.5.
        (
            {0.75: 1.0, 0.375: 1.25, 0.1875: 1.75},
            _estimate(4.0, 0.25),
            (2.5, 1.01953125, 0.01953125, 0.1875),
            [1.0, 0.375, 0.1875],
        ),
        (
            {0.75: 1.0, 0.375: 1.25, 0.1875: 1.75},
            _estimate(-0.25, 0.25),  # 1.75 away: beyond 1.51953125
            (2.5, 1.01953125, 0.01953125, 0.1875),
            [1.0, 0.375, 0.1875],
        ),
        (
            {0.75: 1.0, 0.375: 1.25, 0.1875: 1.75},
            replace(_estimate(4.0, 0.25), smallest=0.125),
            (2.5, 1.01953125, 0.01953125, 0.125),
            [1.0, 0.375, 0.1875],
        ),
        # No third quotient (f fails there): the verdict from two.
        (
            {0.75: 1.0, 0.375: 1.25, 0.1875: DomainError("out")},
            replace(_estimate(4.0, 0.25), smallest=0.25),
            (1.5, 1.01953125, 0.01953125, 0.25),
            [1.0, 0.375, 0.1875],
        ),
        (
            {0.75: 1.0, 0.375: 1.25, 0.1875: NumericalError("overflow")},
            _estimate(4.0, 0.25),
            (1.5, 1.01953125, 0.01953125, 0.375),
            [1.0, 0.375, 0.1875],
        ),
        ({0.75: DomainError("out")}, _estimate(4.0, 0.25), None, [1.0]),
        ({0.75: 1.0, 0.375: NumericalError("overflow")}, _estimate(4.0, 0.25), None, [1.0, 0.375]),
    ],
)
def test_one_sided_against_at_its_bounds(
    quotients: dict[float, float | Exception],
    estimate: Estimate,
    verdict: tuple[float, float, float, float] | None,
    steps: list[float],
) -> None:
    # Order 5, and no window: `_over_the_window` (orders 3 and up) has no verdict then.
    sampler = _Quotients(quotients, _NOISE)
    assert _one_sided_against(sampler, estimate, 5, 1.0, "backward") == verdict  # type: ignore[arg-type]
    assert sampler.asked == [("backward", 5, h) for h in steps]


# ---------------------------------------------------------------- _richardson: DER34 flat sides
# s23's stand-ins for _junction_beside's helpers (`Sides`), with _flat and
# _continuous_junctions noting their calls here.


class _FlatSides:
    """`Sides`, with `_flat` answering ``flat`` and `_continuous_junctions` ``continuous``."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, *, flat: bool, continuous: bool, **sides: Any
    ) -> None:
        self.sides = Sides(monkeypatch, **sides)
        self.asked: list[tuple[object, ...]] = []

        def flat_side(*args: object) -> bool:
            self.asked.append(("_flat", *args))
            return flat

        def continuous_junctions(*args: object) -> bool:
            self.asked.append(("_continuous_junctions", *args))
            return continuous

        monkeypatch.setattr(_richardson, "_flat", flat_side)
        monkeypatch.setattr(_richardson, "_continuous_junctions", continuous_junctions)


_SIDE = estimate(0.0, 1e-6)


def _junction(clamp_only: bool = False, unnoised: Estimate = UNNOISED) -> tuple[str, Any]:
    sampler = SimpleNamespace(noise_floor=1e-9, relative_noise=0.0)
    verdict = _junction_beside(sampler, 2, 0.1, unnoised, NOISED, known=0.0, clamp_only=clamp_only)  # type: ignore[arg-type]
    return verdict, sampler


@pytest.mark.parametrize(("continuous", "verdict"), [(False, "flat"), (True, "smooth")])
def test_junction_beside_a_flat_side_confirms_only_a_continuous_junction(
    monkeypatch: pytest.MonkeyPatch, continuous: bool, verdict: str
) -> None:
    stand_ins = _FlatSides(
        monkeypatch, flat=True, continuous=continuous, found=(_SIDE, None), followed=1.0
    )
    answer, sampler = _junction()
    assert answer == verdict
    assert stand_ins.asked == [
        ("_flat", sampler, _SIDE, 2),
        ("_continuous_junctions", sampler, 2, NOISED),
    ]


def test_junction_beside_a_clamps_smooth_side_is_not_flat(monkeypatch: pytest.MonkeyPatch) -> None:
    stand_ins = _FlatSides(
        monkeypatch,
        flat=False,
        continuous=False,
        clamped=(True, False),
        found=(_SIDE, None),
        followed=1.0,
    )
    answer, sampler = _junction(clamp_only=True)
    assert answer == "smooth"
    assert stand_ins.asked == [("_flat", sampler, _SIDE, 2)]


def test_junction_beside_a_clamped_flat_side_with_clamp_only_confirms_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _FlatSides(
        monkeypatch,
        flat=True,
        continuous=True,
        clamped=(True, False),
        found=(_SIDE, None),
        followed=1.0,
    )
    assert _junction(clamp_only=True)[0] == ""


def test_junction_beside_a_side_not_followed_far_enough_confirms_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _FlatSides(monkeypatch, flat=False, continuous=True, found=(_SIDE, _SIDE), followed=0.0)
    assert _junction()[0] == ""


def test_junction_beside_asks_nothing_where_noised_is_within_unnoiseds_bars(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stand_ins = _FlatSides(monkeypatch, flat=False, continuous=True, found=(_SIDE, _SIDE))
    # noised (0.5) is 0.5 from unnoised (1.0): exactly its error.
    assert _junction(unnoised=estimate(1.0, 0.5))[0] == ""
    assert stand_ins.sides.asked == []


class _Sampled:
    """A stand-in sampler: ``f`` at each point asked (an error where ``f`` raises), noted."""

    def __init__(self, x: float, f: Callable[[float], float]) -> None:
        self.x, self.f = x, f
        self.values: dict[float, float] = {x: f(x)}
        self.asked: list[float] = []

    def __call__(self, point: float) -> float:
        self.asked.append(point)
        self.values[point] = self.f(point)
        return self.values[point]


def _two_values(at_one: float, at_two: float | Exception) -> Callable[[float], float]:
    def f(t: float) -> float:
        if t == 2.0 and isinstance(at_two, Exception):
            raise at_two
        return {0.0: 0.0, 1.0: at_one, 2.0: at_two}[t]  # type: ignore[return-value]

    return f


@pytest.mark.parametrize(
    ("at_one", "at_two", "continuous"),
    [
        # No halving: the secant through 1 and 2 meets f(0) = 0 at (f(1) - 0) / rise
        # bracket widths from 1, within 0 to 2 where f is continuous.
        (2.0, 3.0, True),  # exactly 2
        (2.0, 2.9375, False),
        (2.0, 1.0, False),  # behind the edge: -2
        (-2.0, -3.0, True),
        (0.0, 1.0, True),  # exactly 0
        (2.0, 2.0, False),  # a flat stair: no rise
        (2.0, math.inf, False),
        (2.0, DomainError("out"), False),
        (2.0, NumericalError("overflow"), False),
    ],
)
def test_continuous_between_without_halvings(
    monkeypatch: pytest.MonkeyPatch, at_one: float, at_two: float | Exception, continuous: bool
) -> None:
    monkeypatch.setattr(_richardson, "JUMP_HALVINGS", 0)
    sampler = _Sampled(0.0, _two_values(at_one, at_two))
    sampler.values[1.0] = at_one
    assert _continuous_between(sampler, 1.0) is continuous  # type: ignore[arg-type]
    assert sampler.asked == ([2.0] if isinstance(at_two, Exception) else [2.0, 1.0])


def test_continuous_between_halves_the_bracket_toward_the_junction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_richardson, "JUMP_HALVINGS", 2)
    # f is 0 up to 0.625, then rises with slope 1: a continuous junction at 0.625.
    sampler = _Sampled(0.0, lambda t: max(t - 0.625, 0.0))
    sampler.values[1.0] = 0.375
    assert _continuous_between(sampler, 1.0) is True  # type: ignore[arg-type]
    # 0.5 is flat, 0.75 is not: the bracket [0.5, 0.75], the secant from 0.75 to 1.0.
    assert sampler.asked == [0.5, 0.75, 1.0, 0.75]
    # A jump there: 1 + the same slope. The secant meets 0 far behind 0.75.
    sampler = _Sampled(0.0, lambda t: 0.0 if t < 0.625 else 1.0 + t)
    sampler.values[1.0] = 2.0
    assert _continuous_between(sampler, 1.0) is False  # type: ignore[arg-type]


def test_continuous_between_stops_halving_at_adjacent_floats() -> None:
    edge = math.nextafter(1.0, 2.0)
    sampler = _Sampled(1.0, lambda t: 0.0 if t == 1.0 else (t - 1.0) / (edge - 1.0))
    sampler.values[edge] = 1.0
    assert _continuous_between(sampler, edge) is True  # type: ignore[arg-type]
    assert sampler.asked == [edge + (edge - 1.0), edge]


def test_continuous_between_measures_from_fs_value_at_x(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_richardson, "JUMP_HALVINGS", 0)
    sampler = _Sampled(0.0, {0.0: 1.0, 1.0: 3.0, 2.0: 4.0}.__getitem__)
    sampler.values[1.0] = 3.0
    assert _continuous_between(sampler, 1.0) is True  # type: ignore[arg-type]  # (3 - 1) / 1


@pytest.mark.parametrize(
    ("values", "answers", "continuous", "edges"),
    [
        # Left of x = 1: 0.75 is f(x)'s value, 0.5 is not; right: 1.25 and 1.5 are not.
        ({0.5: 4.0, 0.75: 5.0, 1.25: 6.0, 1.5: 6.0}, [True, True], True, [0.5, 1.25]),
        ({0.5: 4.0, 0.75: 5.0, 1.25: 6.0, 1.5: 6.0}, [True, False], False, [0.5, 1.25]),
        ({0.5: 4.0, 0.75: 5.0, 1.25: 6.0, 1.5: 6.0}, [False], False, [0.5]),
        ({1.5: 6.0}, [True], True, [1.5]),  # one side only; points not sampled are f(x)'s
        # The nearest of two: 0.75, not 0.5 (nor 0, 2 steps of 0.5 away: not a point).
        ({0.0: 4.0, 0.5: 4.0, 0.75: 4.0, 1.25: 6.0}, [True, True], True, [0.75, 1.25]),
        ({0.5: 5.0, 1.5: 5.0}, [], False, []),  # f(x)'s value everywhere: no junction
    ],
)
def test_continuous_junctions_asks_the_nearest_point_off_fs_value_on_each_side(
    monkeypatch: pytest.MonkeyPatch,
    values: dict[float, float],
    answers: list[bool],
    continuous: bool,
    edges: list[float],
) -> None:
    asked: list[float] = []
    replies = iter(answers)

    def continuous_between(given: object, edge: float) -> bool:
        assert given is sampler
        asked.append(edge)
        return next(replies)

    monkeypatch.setattr(_richardson, "_continuous_between", continuous_between)
    sampler = SimpleNamespace(x=1.0, values={1.0: 5.0, **values})
    noised = Estimate(0.0, 1.0, 10, 0.1, "central", window=((0.5, 0.0), (0.25, 0.0)))
    assert _continuous_junctions(sampler, 2, noised) is continuous  # type: ignore[arg-type]
    assert asked == edges


# ---------------------------------------------------------------- _richardson: DERNX drift

_ROWS = [(0.5, 0.25, 0.0), (0.25, 1.0, 0.0), (0.125, 3.0, 0.0)]


class _DriftStandIns:
    """`_forward_rows`, `_forward_drift` and `_still_far` as set, and a sampler's quotients.

    ``drifts`` and ``far`` are answered in turn; the sampler rounds each step asked to 0.75
    of it, or raises ``error``.
    """

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        drifts: list[float],
        far: list[bool],
        error: Exception | None = None,
    ) -> None:
        self.asked: list[tuple[object, ...]] = []
        drift_answers, far_answers = iter(drifts), iter(far)

        def forward_rows(sampler: object, estimate: object, n: int, lowest: float) -> object:
            self.asked.append(("rows", sampler, estimate, n, lowest))
            return _ROWS

        def forward_drift(rows: object) -> float:
            assert rows is _ROWS
            return next(drift_answers)

        def still_far(rows: object) -> bool:
            assert rows is _ROWS
            return next(far_answers)

        def quotient(kind: str, n: int, h: float) -> tuple[float, float, float]:
            self.asked.append(("quotient", kind, n, h))
            if error is not None:
                raise error
            return 1.0, 0.0, 0.75 * h

        self.sampler = SimpleNamespace(quotient=quotient)
        monkeypatch.setattr(_richardson, "_forward_rows", forward_rows)
        monkeypatch.setattr(_richardson, "_forward_drift", forward_drift)
        monkeypatch.setattr(_richardson, "_still_far", still_far)


_LOWER = 0.75 * 0.0625 * (1.0 - 1e-9)  # below the smallest row's half, as rounded


@pytest.mark.parametrize(
    ("drifts", "far", "error", "drift", "lowests"),
    [
        ([0.5], [], None, 0.5, [0.2]),  # a drift from the rows taken: no more
        ([0.0], [False], None, 0.0, [0.2]),
        ([0.0, 0.75], [True], None, 0.75, [0.2, _LOWER]),
        ([0.0] * 5, [True] * 4, None, 0.0, [0.2] + [_LOWER] * 4),  # FARTHER (4) more at most
        ([0.0], [True], DomainError("out"), 0.0, [0.2]),
        ([0.0], [True], NumericalError("overflow"), 0.0, [0.2]),
    ],
)
def test_one_sided_drift_adds_forward_quotients_while_they_stay_far(  # noqa: PLR0917 - the parametrized case
    monkeypatch: pytest.MonkeyPatch,
    drifts: list[float],
    far: list[bool],
    error: Exception | None,
    drift: float,
    lowests: list[float],
) -> None:
    stand_ins = _DriftStandIns(monkeypatch, drifts, far, error)
    estimate = replace(_estimate(1.0, 0.1), smallest=0.9)  # 0.9 / 4.5 = 0.2
    assert _one_sided_drift(stand_ins.sampler, estimate, 3) == drift  # type: ignore[arg-type]
    rows = [call for call in stand_ins.asked if call[0] == "rows"]
    assert rows == [("rows", stand_ins.sampler, estimate, 3, lowest) for lowest in lowests]
    quotients = [call for call in stand_ins.asked if call[0] == "quotient"]
    assert quotients == [("quotient", "forward", 3, 0.0625)] * len(quotients)
    assert len(quotients) == len(lowests) - 1 + (error is not None)


class _Forward:
    """A stand-in sampler at x = 1 with f sampled at ``points``: quotient ``10 * step``."""

    def __init__(self, points: list[float]) -> None:
        self.x = 1.0
        self.values = dict.fromkeys([1.0, *points], 0.0)
        self.asked: list[tuple[object, ...]] = []

    def quotient(self, kind: str, n: int, step: float) -> tuple[float, float, float]:
        self.asked.append((kind, n, step))
        return 10.0 * step, 2.0**-4, step


_POINTS = [0.5, 1.0625, 1.125, 1.25, 1.3125, 1.375, 1.5, 1.75, 2.0]


@pytest.mark.parametrize(
    ("n", "window", "steps"),
    [
        # Steps above 0.125 (not it) up to the window's widest, 0.5 (it too), whose
        # points x + k step (k = 1..n) were all sampled, largest first.
        (2, ((0.5, 0.0), (0.25, 0.0)), [0.5, 0.375, 0.25]),
        (1, ((0.5, 0.0), (0.25, 0.0)), [0.5, 0.375, 0.3125, 0.25]),
        (2, (), [0.25]),  # no window: up to the smallest step, 0.25
    ],
)
def test_forward_rows_are_the_forward_quotients_already_taken(
    monkeypatch: pytest.MonkeyPatch,
    n: int,
    window: tuple[tuple[float, float], ...],
    steps: list[float],
) -> None:
    asked: list[tuple[object, ...]] = []

    def argument_rounding(sampler: object, n: int, step: float) -> float:
        asked.append((sampler, n, step))
        return 2.0**-6

    monkeypatch.setattr(_richardson, "_forward_argument_rounding", argument_rounding)
    sampler = _Forward(_POINTS)
    estimate = Estimate(1.0, 0.5, 10, 0.1, "central", smallest=0.25, window=window)
    # allowed: twice (2**-4 + 2**-6), and twice the error.
    rows = _forward_rows(sampler, estimate, n, 0.125)  # type: ignore[arg-type]
    assert rows == [(step, 10.0 * step - 1.0, 1.15625) for step in steps]
    assert sampler.asked == [("forward", n, step) for step in steps]
    assert asked == [(sampler, n, step) for step in steps]


def test_forward_argument_rounding_is_rounded_inside_at_the_offset_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[object, ...]] = []

    def rounded_inside(sampler: object, kind: str, n: int, step: float) -> float:
        asked.append((sampler, kind, n, step))
        return 0.5

    monkeypatch.setattr(_richardson, "_rounded_inside", rounded_inside)
    sampler = SimpleNamespace(x=-1.0, offset=3.0)
    # reach = |x| + n step = 1 + 3 * 0.25; (reach + offset) / reach = 4.75 / 1.75.
    assert _forward_argument_rounding(sampler, 3, 0.25) == 0.5 * 4.75 / 1.75  # type: ignore[arg-type]
    assert asked == [(sampler, "forward", 3, 0.25)]


def test_forward_rows_take_the_widest_step_as_rounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_richardson, "_forward_argument_rounding", lambda *args: 0.0)
    step = 0.5 * (1.0 + 1e-9)  # the window's widest, 0.5, as rounded: the largest taken
    sampler = _Forward([])
    sampler.x, sampler.values = 0.0, dict.fromkeys([0.0, step, 2.0 * step], 0.0)
    estimate = Estimate(1.0, 0.5, 10, 0.1, "central", window=((0.5, 0.0),))
    assert [row[0] for row in _forward_rows(sampler, estimate, 2, 0.125)] == [step]  # type: ignore[arg-type]


# ---------------------------------------------------------------- limits: LIMALIAS


def _one_sided(value: float, error: float, converged: bool = True) -> _OneSided:
    return _OneSided(value, error, converged, "")


_ULP = 2.0**-52
_IN_H = [2.0**-j for j in range(-PROBE_WINDOW, PROBE_WINDOW + 2)]  # a cubic in h: h itself
_IN_LOG_H = [float(j) for j in range(-PROBE_WINDOW, PROBE_WINDOW + 2)]  # one in log h
_HALF = 2.0**-0.5  # f in _IN_H half a step past the middle step


@pytest.mark.parametrize(
    ("window", "y", "result", "departure", "hidden"),
    [
        # f flat over the window: the slack is 4 ulps of the largest size.
        ([1.0] * 10, 1.0 + 8 * _ULP, _one_sided(1.0, 0.0), 8 * _ULP, 0.0),
        ([1.0] * 10, 1.0 + 4 * _ULP, _one_sided(1.0, 0.0), 0.0, 8 * _ULP),  # miss + slack
        ([1.0] * 10, 1.0 + 8 * _ULP, _one_sided(-4.0, 0.0), 0.0, 24 * _ULP),  # size 4
        # f a cubic in h: judged against it, not against its neighbouring steps.
        (_IN_H, _HALF + 1e-3, _one_sided(0.0, 0.0), 1e-3, 0.0),
        (_IN_H, _HALF, _one_sided(0.0, 0.0), 0.0, 4 * _ULP),
        # f a cubic in log h: judged against that.
        (_IN_LOG_H, 0.51, _one_sided(0.0, 0.0), 0.01, 0.0),
        (_IN_LOG_H, 0.51, _one_sided(0.51, 0.0), 0.0, 0.01),  # at the value
        (_IN_LOG_H, 0.52, _one_sided(0.5, 0.01), 0.0, 0.02),  # within twice its error
        (_IN_LOG_H, 0.53, _one_sided(0.5, 0.01), 0.03, 0.0),
    ],
)
def test_off_between_judges_f_against_its_trend(
    window: list[float], y: float, result: _OneSided, departure: float, hidden: float
) -> None:
    # On its trend, f could hide the miss and the slack there.
    off, could_hide = _off_between(window, 0.5, y, result)
    assert off == pytest.approx(departure, rel=1e-6, abs=1e-15)
    assert could_hide == pytest.approx(hidden, rel=1e-6, abs=1e-15)


class _GridStandIns:
    """`_grid_window`, `_sampled` and `_off_between` for `_off_the_grid`, noting their calls.

    ``point`` is the identity and ``scale`` 4, so the step at depth k is 2**-k. ``ys``
    gives f at each depth's two probes (ratio, shift); a y is off f's trend, by its
    distance from the value, where it is not the value; on it, it could hide
    ``hidden[k]``. ``no_window``: depths with no window.
    """

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        ys: dict[int, tuple[float, float]],
        no_window: tuple[int, ...] = (),
        hidden: dict[int, float] | None = None,
    ) -> None:
        self.asked: list[tuple[object, ...]] = []
        probes = {}
        for k, (ratio, shift) in ys.items():
            h = 2.0**-k
            probes[h * PROBE_RATIO] = ratio
            probes[1.0 / (1.0 / h + PROBE_SHIFT)] = shift

        def grid_window(f: object, point: object, scale: float, k: int) -> list[float]:
            self.asked.append(("window", f, point, scale, k))
            return [] if k in no_window else [float(k)]

        def sampled(f: object, x: float) -> float:
            self.asked.append(("sampled", f, x))
            return probes[x]

        def off_between(
            window: list[float], u: float, y: float, result: _OneSided, least: float = 0.0
        ) -> tuple[float, float]:
            self.asked.append(("off", window, u, y, result, least))
            if y != result.value:
                return abs(y - result.value), 0.0
            return 0.0, (hidden or {}).get(int(window[0]), 0.0)

        monkeypatch.setattr(limits, "_grid_window", grid_window)
        monkeypatch.setattr(limits, "_sampled", sampled)
        monkeypatch.setattr(limits, "_off_between", off_between)

    def sampled(self) -> list[object]:
        return [call[2] for call in self.asked if call[0] == "sampled"]


def _identity(t: float) -> float:
    return t


def _grid(result: _OneSided) -> _OneSided:
    return _off_the_grid("f", _identity, 4.0, result)  # type: ignore[arg-type]


def _ratio(k: int) -> float:
    return 2.0**-k * PROBE_RATIO


def _shift(k: int) -> float:
    return 1.0 / (2.0**k + PROBE_SHIFT)


@pytest.mark.parametrize("result", [_one_sided(1.0, 0.1, False), _one_sided(math.inf, 0.0)])
def test_off_the_grid_leaves_a_refusal_or_an_infinite_limit(
    monkeypatch: pytest.MonkeyPatch, result: _OneSided
) -> None:
    stand_ins = _GridStandIns(monkeypatch, {})
    assert _grid(result) is result
    assert stand_ins.asked == []


def test_off_the_grid_skips_a_depth_without_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    ys = {38: (3.0, 3.0), 22: (3.0, 3.0), 6: (1.0, 1.0)}
    stand_ins = _GridStandIns(monkeypatch, ys, no_window=(22,))
    result = _one_sided(1.0, 2.0**-20)
    assert _grid(result) is result  # on its trend at 6, where it could hide nothing
    assert [call[1:] for call in stand_ins.asked if call[0] == "window"] == [
        ("f", _identity, 4.0, 38),
        ("f", _identity, 4.0, 22),
        ("f", _identity, 4.0, 6),
    ]
    assert stand_ins.sampled() == [_ratio(38), _ratio(6), _shift(6)]
    assert stand_ins.asked[2] == ("off", [38.0], -math.log2(PROBE_RATIO), 3.0, result, 0.0)


def test_off_the_grid_keeps_the_result_on_its_trend_at_the_deepest_depth(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stand_ins = _GridStandIns(monkeypatch, {38: (1.0, 1.0)}, hidden={38: 1e300})
    result = _one_sided(1.0, 2.0**-20)
    assert _grid(result) is result
    assert stand_ins.sampled() == [_ratio(38), _shift(38)]  # two calls, deepest first


def _refused(x: float, y: float, value: float, error: float) -> _OneSided:
    return _OneSided(
        value,
        math.inf,
        False,
        f"f between the points sampled is far off them where they show its trend: f({x!r}) "
        f"is {y!r}, while at the points beside it f settles on {value!r} give or take "
        f"{error:.2g}; f oscillates in step with the samples (a period in 1/x, in x or in "
        "log x), so its limit may not exist, and its samples cannot tell",
    )


@pytest.mark.parametrize(("hidden", "kept"), [(1.4, True), (1.5, False), (math.inf, False)])
def test_off_the_grid_is_cleared_only_where_an_oscillation_that_size_would_show(
    monkeypatch: pytest.MonkeyPatch, hidden: float, kept: bool
) -> None:
    # Off by 3 at 38 and 6; on the trend at 22, where f could hide `hidden`.
    ys = {38: (4.0, 4.0), 22: (1.0, 1.0), 6: (4.0, 4.0)}
    stand_ins = _GridStandIns(monkeypatch, ys, hidden={22: hidden})
    result = _one_sided(1.0, 2.0**-20)
    answer = _grid(result)
    assert answer is result if kept else answer == _refused(_ratio(38), 4.0, 1.0, 2.0**-20)
    wanted = [_ratio(38), _ratio(22), _shift(22)] + ([] if kept else [_ratio(6)])
    assert stand_ins.sampled() == wanted


@pytest.mark.parametrize(
    ("departures", "between", "kept"),
    [
        ((3.0, 3.0, 3.0), (), False),
        # growing as rounding does: 16 times each depth, and 4 times from the depths
        # halfway between (LIMODD: sampled only where the three grow so)
        ((1.0, 16.0, 256.0), (4.0, 64.0), True),
        ((1.0, 16.0, 256.0), (4.0, 63.0), False),
        ((1.0, 16.0, 256.0), (3.9, 64.0), False),
        ((1.0, 16.0, 256.0), (16.0, 64.0), False),  # not growing from 14 to 22
        ((1.0, 16.0, 256.0), (None, None), True),  # on the trend there: nothing against
        ((1.0, 16.0, 255.0), (), False),
        ((1.0, 15.0, 240.0), (), False),
    ],
)
def test_off_the_grid_refuses_f_off_its_trend_at_every_depth(
    monkeypatch: pytest.MonkeyPatch,
    departures: tuple[float, ...],
    between: tuple[float | None, ...],
    kept: bool,
) -> None:
    ys = {k: (1.0, 1.0 + d) for k, d in zip(PROBE_DEPTHS, departures, strict=True)}
    # at the depths between, off by d at the ratio's probe (None: on the trend at both)
    mids = dict(zip(PROBE_BETWEEN, between, strict=False))
    ys |= {k: (1.0 if d is None else 1.0 + d, 1.0) for k, d in mids.items()}
    stand_ins = _GridStandIns(monkeypatch, ys)
    result = _one_sided(1.0, 2.0**-20)
    answer = _grid(result)
    assert answer is result if kept else answer == _refused(_shift(38), ys[38][1], 1.0, 2.0**-20)
    wanted = [probe(k) for k in reversed(PROBE_DEPTHS) for probe in (_ratio, _shift)]
    wanted += [
        probe(k)
        for k, d in mids.items()
        for probe in ((_ratio, _shift) if d is None else (_ratio,))
    ]
    assert stand_ins.sampled() == wanted


@pytest.mark.parametrize(
    ("departures", "error"),
    [
        ((2.0**-19, 2.0**-20, 2.0**-21), 2.0**-21),  # halving: the deepest bounds the error
        ((2.0**-19, 2.0**-20, 2.0**-22), 2.0**-22),
        ((2.0**-19, 2.0**-20, 2.0**-40), 2.0**-30),  # the result's own error is larger
        ((2.0**-19, 2.0**-20, 2.0**-20), math.inf),  # not halving: refused
        ((2.0**-8, 2.0**-9, 2.0**-10), math.inf),  # 2**-10 of 4 is not settled (1e-6)
    ],
)
def test_off_the_grid_widens_the_error_where_departures_shrink(
    monkeypatch: pytest.MonkeyPatch, departures: tuple[float, ...], error: float
) -> None:
    # On the trend at the ratio's probes: the shift's are the witnesses, off by d.
    ys = {k: (4.0, 4.0 + d) for k, d in zip(PROBE_DEPTHS, departures, strict=True)}
    _GridStandIns(monkeypatch, ys, hidden=dict.fromkeys(PROBE_DEPTHS, math.inf))
    answer = _grid(_one_sided(4.0, 2.0**-30))
    if error < math.inf:
        assert answer == _one_sided(4.0, error)
    else:
        assert answer == _refused(_shift(38), ys[38][1], 4.0, 2.0**-30)


@pytest.mark.parametrize(("departure", "error"), [(2.0**-30, 2.0**-30), (2.0**-10, math.inf)])
def test_off_the_grid_widens_the_error_to_a_lone_departure_it_can_cover(
    monkeypatch: pytest.MonkeyPatch, departure: float, error: float
) -> None:
    # Off at 38 only; 22 and 6 too coarse to tell: rounding or an oscillation. The value
    # stands with an error covering it if settled (2**-30 of 4), else it is refused.
    ys = {38: (4.0 + departure, 0.0), 22: (4.0, 4.0), 6: (4.0, 4.0)}
    _GridStandIns(monkeypatch, ys, hidden=dict.fromkeys(PROBE_DEPTHS, math.inf))
    answer = _grid(_one_sided(4.0, 2.0**-40))
    if error < math.inf:
        assert answer == _one_sided(4.0, error)
    else:
        assert answer == _refused(_ratio(38), 4.0 + departure, 4.0, 2.0**-40)


@pytest.mark.parametrize(
    ("ratio_to", "shift_to"),
    [(0.5, 1.0), (0.4, 0.4)],  # onto the steps h / 2 and h; or below h / 2 (above h / 3)
)
def test_off_the_grid_samples_no_probe_rounded_onto_a_step_or_past_it(
    monkeypatch: pytest.MonkeyPatch, ratio_to: float, shift_to: float
) -> None:
    stand_ins = _GridStandIns(monkeypatch, {})
    rounded = {}
    for k in PROBE_DEPTHS:
        rounded[_ratio(k)] = ratio_to * 2.0**-k
        rounded[_shift(k)] = shift_to * 2.0**-k

    def point(t: float) -> float:
        return rounded.get(t, t)

    result = _one_sided(1.0, 2.0**-30)
    assert _off_the_grid("f", point, 4.0, result) is result  # type: ignore[arg-type]
    assert stand_ins.sampled() == []


def test_off_the_grid_samples_f_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    stand_ins = _GridStandIns(monkeypatch, {38: (1.0, 1.0)})
    _grid(_one_sided(1.0, 2.0**-30))
    assert [call[1] for call in stand_ins.asked if call[0] == "sampled"] == ["f", "f"]


# ---------------------------------------------------------------- exercises: shapes


@pytest.mark.parametrize(
    ("given", "wanted", "message"),
    [
        ([1, 2, 3], [1, 2], "your answer has more than 2 numbers, the exercise asks for 2."),
        ([1.0, 2.0], [1.0, 2.0], ""),
        ([1], [1, 2], "your answer has 1 numbers, the exercise asks for 2."),
        ([[1.0], [2.0, 3.0]], [[1.0, 2.0], [3.0]], "your answer's lists nest differently."),
    ],
)
def test_mismatch_says_how_the_count_or_shape_differs(
    given: list[object], wanted: list[object], message: str
) -> None:
    def flat(nested: object) -> list[float]:
        if isinstance(nested, list):
            return [x for item in nested for x in flat(item)]
        return [float(nested)]  # type: ignore[arg-type]

    assert _mismatch(given, flat(given), wanted, flat(wanted)) == message


@pytest.mark.parametrize(
    ("value", "shape"),
    [
        ([[1.0], [2.0, 3.0]], "a ragged list (its lists differ in length)"),
        ([1.0, [2.0]], "a ragged list (it holds numbers beside lists)"),
        (1.0, "a single number"),
        ([1.0], "a list of 1 number"),
        ([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], "a 2x3 nested list"),
    ],
)
def test_shape_in_words(value: object, shape: str) -> None:
    assert _shape(value) == shape  # type: ignore[arg-type]


# ---------------------------------------------------------------- limits: the slow-call stop


@pytest.mark.parametrize("watched", [False, True])
def test_counted_counts_every_call_and_notes_the_values_seen(watched: bool) -> None:
    counted = _Counted(lambda x: 2.0 * x, watched=watched)
    assert (counted.calls, counted.watched, counted.walked, counted.seen) == (0, watched, {}, {})
    assert counted.first_seconds == 0.0
    assert counted(1.5) == 3.0
    assert counted(2.5) == 5.0
    assert (counted.calls, counted.seen) == (2, {1.5: 3.0, 2.5: 5.0})
    assert all(type(x) is float for x in counted.seen)
    assert 0.0 <= counted.first_seconds < 1.0  # the first call's time, not a clock's reading
    assert _Counted(math.sin).watched is False


@pytest.mark.parametrize("watched", [False, True])
def test_counted_gives_f_a_watched_x_only_when_asked(watched: bool) -> None:
    given: list[type] = []
    counted = _Counted(lambda x: given.append(type(x)) or 1.0, watched=watched)
    counted(0.5)
    assert (given[0] is float) is not watched


@pytest.mark.parametrize("watched", [False, True])
def test_counted_counts_a_call_that_fails_and_notes_no_value(watched: bool) -> None:
    counted = _Counted(lambda x: 1.0 / (x - x), watched=watched)
    with pytest.raises(DomainError) as outside:
        counted(1.0)
    assert str(outside.value).endswith(
        ". The point 1.0 is outside the domain of f; a limit needs f defined all the way "
        "to x0 on the side it is taken from"
    )
    assert (counted.calls, counted.seen) == (1, {})
    counted = _Counted(math.exp, watched=watched)
    with pytest.raises(NumericalError) as raised:
        counted(1000.0)
    assert str(raised.value) == (
        "f(1000.0) overflowed (math range error): f, or a value computed inside it, is "
        "beyond the float range there; a limit needs f, and what it computes on the way, "
        "below about 1e308 all the way to x0: rewrite f so that no intermediate result "
        "overflows (x/x**3 as 1/x**2)"
    )
    assert isinstance(raised.value.__cause__, OverflowError)
    assert (counted.calls, counted.seen) == (1, {})


def test_counted_refuses_a_value_computed_from_an_overflow_inside_f() -> None:
    counted = _Counted(lambda x: math.atan(x * x), watched=True)  # atan(inf): pi / 2
    with pytest.raises(NumericalError) as raised:
        counted(1e200)
    cause = (
        "an intermediate result overflowed to inf inside f, and f's value "
        "1.5707963267948966 was computed from it"
    )
    assert str(raised.value) == (
        f"f(1e+200) overflowed ({cause}): f, or a value computed inside it, is beyond the "
        "float range there; a limit needs f, and what it computes on the way, below about "
        "1e308 all the way to x0: rewrite f so that no intermediate result overflows "
        "(x/x**3 as 1/x**2)"
    )
    assert isinstance(raised.value.__cause__, OverflowError)
    assert counted.seen == {}


def test_counted_times_every_call_even_one_that_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    timed: list[tuple[float, int]] = []
    counted = _Counted(lambda x: 1.0 / (x - 1.0))
    monkeypatch.setattr(counted, "_timed", lambda x, seconds: timed.append((x, counted.calls)))
    counted(2.0)
    with pytest.raises(DomainError):
        counted(1.0)
    assert timed == [(2.0, 1), (1.0, 2)]


@pytest.mark.parametrize(
    ("first", "seconds", "times"),
    [
        (0.01, 1.0, None),  # not slower than SLOW_CALL (1 s)
        (0.0, 1.0, None),
        (0.015, 1.5, None),  # exactly SLOWER (100) times the first
        (0.01, 1.5, 150.0),
        (0.0, 1.5, 1.5e9),  # a first call too fast to time: 1e-9 s
    ],
)
def test_timed_stops_a_call_slower_than_a_second_and_100_times_the_first(
    first: float, seconds: float, times: float | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = _Counted(math.sin)
    # As slow at x again, and as fast as ever at the first point (the machine is not busy).
    monkeypatch.setattr(counted, "_retimed", lambda x: seconds if x == 0.125 else first)
    counted.calls = 1
    counted._timed(0.25, first)
    assert counted.first_seconds == first
    counted.calls = 2
    if times is None:
        counted._timed(0.125, seconds)
        assert counted.first_seconds == first
        return
    with pytest.raises(_TooSlow) as raised:
        counted._timed(0.125, seconds)
    assert (raised.value.x, raised.value.seconds, raised.value.times) == (0.125, seconds, times)


def test_too_slow_says_what_was_seen_and_what_to_write() -> None:
    error = _TooSlow(0.5, 2.0, 150.0).error()
    assert isinstance(error, NumericalError)
    assert str(error) == (
        "f(0.5) took 2 s, 150 times as long as its first call, so limit stopped: if its cost "
        "grows as x approaches x0 (at infinity: a sum or loop over range(n)?), the walk would "
        "not end, as it samples x far closer to x0 (at infinity, n up to 1e15 and beyond). If "
        "the machine was only busy, call limit again; else write f in closed form, without a "
        "loop whose length grows toward x0"
    )


# ---------------------------------------------------------------- limits: LIM29, the drop


def test_grid_window_is_f_at_the_walks_steps_about_depth_k() -> None:
    steps = [2.0**-j for j in range(2, 12)]  # k = 6: steps k - 4 .. k + 5, scale 4
    f = SimpleNamespace(seen={step: float(j) for j, step in enumerate(steps)} | {1.0: 9.0})
    assert _grid_window(f, _identity, 4.0, 6) == [float(j) for j in range(10)]  # type: ignore[arg-type]
    for missing in (steps[0], steps[-1]):
        del f.seen[missing]
        assert _grid_window(f, _identity, 4.0, 6) == []  # type: ignore[arg-type]
        f.seen[missing] = 0.0


class _DropStandIns:
    """`_collapse` giving ``drop`` for DROP and ``loss`` for LOSS; `_estimate` ``estimate``."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        drop: int,
        loss: int,
        estimate: tuple[float, float] = (0.0, 0.0),
    ) -> None:
        self.asked: list[tuple[object, ...]] = []

        def collapse(samples: list[float], share: float) -> int:
            assert samples is _SAMPLES
            self.asked.append(("collapse", share))
            return {limits.DROP: drop, limits.LOSS: loss}[share]

        def estimate_of(samples: list[float], first: int) -> tuple[float, float]:
            self.asked.append(("estimate", samples, first))
            return estimate

        monkeypatch.setattr(limits, "_collapse", collapse)
        monkeypatch.setattr(limits, "_estimate", estimate_of)


_SAMPLES = [10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0]


@pytest.mark.parametrize(
    ("drop", "expected"),
    [
        (1, (1, 10.0, 0.0)),  # read past a drop after one sample: the sample before it
        (5, (5, 14.0, 0.0)),
    ],
)
def test_read_past_drop_after_few_samples_is_the_last_before_it(
    monkeypatch: pytest.MonkeyPatch, drop: int, expected: tuple[int, float, float]
) -> None:
    stand_ins = _DropStandIns(monkeypatch, drop, 0)
    assert _read_past_drop(_one_sided(30.0, 0.5), _SAMPLES, 3) == expected
    assert stand_ins.asked == [("collapse", limits.DROP)]
    # Within JUMP (4) times the result's error of it: not read past it.
    last = expected[1]
    assert _read_past_drop(_one_sided(last + 2.0, 0.5), _SAMPLES, 3) is None
    assert _read_past_drop(_one_sided(last - 2.0, 0.5), _SAMPLES, 3) is None
    assert _read_past_drop(_one_sided(last - 2.0, 0.4375), _SAMPLES, 3) == expected


@pytest.mark.parametrize("drop", [0, 6])
def test_read_past_drop_with_more_samples_asks_for_a_loss(
    monkeypatch: pytest.MonkeyPatch, drop: int
) -> None:
    stand_ins = _DropStandIns(monkeypatch, drop, 5)
    assert _read_past_drop(_one_sided(30.0, 0.5), _SAMPLES, 3) is None  # loss after 5: too few
    assert stand_ins.asked == [("collapse", limits.DROP), ("collapse", limits.LOSS)]


@pytest.mark.parametrize(
    ("estimate", "result", "read"),
    [
        # The trend before the loss at 6 (after is 16) is 12 +- 0.5; the result 2 +- 0.25:
        # a gap of 10, beyond 4 * (0.5 + 0.25) = 3; the trend 4 from after, beyond 4 * 0.5.
        ((12.0, 0.5), _one_sided(2.0, 0.25), True),
        ((12.0, 0.5), _one_sided(9.0, 0.25), False),  # exactly 3 from the trend
        ((12.0, 0.5), _one_sided(8.9375, 0.25), True),
        ((12.0, 0.5), _one_sided(15.0, 0.25), False),
        ((14.0, 0.5), _one_sided(2.0, 0.25), False),  # exactly 2 from after
        ((13.9375, 0.5), _one_sided(2.0, 0.25), True),
        ((18.0, 0.5), _one_sided(2.0, 0.25), False),  # exactly 2 from after (above it)
        ((math.inf, 0.5), _one_sided(2.0, 0.25), False),
    ],
)
def test_read_past_drop_where_the_trend_contradicts_the_result_and_the_loss(
    monkeypatch: pytest.MonkeyPatch,
    estimate: tuple[float, float],
    result: _OneSided,
    read: bool,
) -> None:
    stand_ins = _DropStandIns(monkeypatch, 0, 6, estimate)
    answer = _read_past_drop(result, _SAMPLES, 3)
    assert answer == ((6, *estimate) if read else None)
    assert stand_ins.asked[-1] == ("estimate", _SAMPLES[:6], 3)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "your answer is True, a bool; the answer is a number"),
        (1 + 2j, "your answer is complex (1+2j); the answer is a number"),
        ([1.0, True], "your answer[1] is True, a bool; the answer is a number"),
    ],
)
def test_read_names_where_a_single_value_is_not_a_number(value: object, message: str) -> None:
    with pytest.raises(_NotANumberError, match=re.escape(message)):
        _read(value, "your answer", 3)


def test_read_counts_every_item_up_to_its_most(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exercises, "_MOST_ITEMS", 10)
    # The outer list and its empty lists: exactly 10 items, then one more.
    nested, numbers = _read([[]] * 9, "your answer", 3)
    assert (len(nested), numbers) == (9, [])  # type: ignore[arg-type]
    with pytest.raises(_NotANumberError) as raised:
        _read([[]] * 10, "your answer", 3)
    assert str(raised.value) == (
        "your answer holds more than 10 items; the answer is a number or a list of numbers"
    )
    assert raised.value.kind is InvalidArgumentError


class _RefusesIteration:
    """Says it is iterable, then refuses (as a 0-d numpy array does)."""

    def __iter__(self) -> Any:
        raise TypeError("iteration over a 0-d array")


def _nested(levels: int) -> object:
    value: object = 1.0
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([{1.0, 2.0}], "your answer[0] is a set, which has no order; write a list"),
        ([1.0, "a"], "your answer[1] is str 'a'; the answer is a number"),
        ([_RefusesIteration()], "your answer[0] is _RefusesIteration; the answer is a number"),
    ],
)
def test_read_names_the_item_that_is_not_a_number(value: object, message: str) -> None:
    with pytest.raises(_NotANumberError) as raised:
        _read(value, "your answer", 3)
    assert (str(raised.value), raised.value.kind) == (message, ArgumentTypeError)


def test_read_takes_lists_32_deep_not_33() -> None:
    assert _read(_nested(32), "your answer", 3)[1] == [1.0]
    with pytest.raises(_NotANumberError) as raised:
        _read(_nested(33), "your answer", 3)
    assert str(raised.value) == (
        "your answer is nested more than 32 lists deep; the answer is a number or a list of numbers"
    )
    assert raised.value.kind is InvalidArgumentError


def test_read_keeps_the_numbers_in_order_up_to_one_more_than_most() -> None:
    assert _read([1.0, [2.0]], "your answer", 3) == ([1.0, [2.0]], [1.0, 2.0])
    assert _read([1.0, 2.0, 3.0, 4.0, 5.0], "your answer", 2) == ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0])


# ---------------------------------------------------------------- multivariate: the curve


def test_off_the_line_asks_for_bounded_jets_only_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[object, ...]] = []

    def mixed_on_jets(f: object, x: object, i: int, j: int, *, bounded: bool) -> object:
        asked.append((f, x, i, j, bounded))
        return "curve"

    monkeypatch.setattr(multivariate, "_mixed_on_jets", mixed_on_jets)
    point = [1.0, 2.0]
    assert _off_the_line("f", point, 0, 1, True) == "curve"  # type: ignore[arg-type,comparison-overlap]
    assert _off_the_line("f", point, 1, 0, True, bounded=True) == "curve"  # type: ignore[arg-type,comparison-overlap]
    assert asked == [("f", point, 0, 1, False), ("f", point, 1, 0, True)]


@pytest.mark.parametrize("curve", [None, "jets off"])
def test_off_the_line_raises_the_lines_error_without_a_curve(
    monkeypatch: pytest.MonkeyPatch, curve: str | None
) -> None:
    monkeypatch.setattr(multivariate, "_mixed_on_jets", lambda *args, **kw: None)
    jets = curve is None  # no curve: jets asked, none found; or jets not used at all
    try:
        raise NumericalError("the line overflows")
    except NumericalError:
        with pytest.raises(NumericalError, match="the line overflows"):
            _off_the_line("f", [1.0, 2.0], 0, 1, jets)  # type: ignore[arg-type]


@pytest.mark.parametrize(("miss", "strays", "confirmed"), [(0.5, False, True), (0.5, True, False)])
def test_confirmed_asks_probe_strays_of_the_windows_kind_and_steps(
    monkeypatch: pytest.MonkeyPatch, miss: float, strays: bool, confirmed: bool
) -> None:
    asked: list[tuple[object, ...]] = []
    _ProbeMiss(monkeypatch, (miss, 2.0**-10, 0.2))

    def probe_strays(*args: object, probe: float) -> bool:
        asked.append((*args, probe))
        return strays

    monkeypatch.setattr(_richardson, "_probe_strays", probe_strays)
    window = SimpleNamespace(steps=[0.5, 0.25, 0.125])
    best = _Candidate(1.0, 0.25, row=2, level=1, smallest=0.125)  # allowed 0.5 + 100 / 1024
    assert _confirmed("sampler", "central", 2, window, best) is confirmed  # type: ignore[arg-type]
    assert asked == [("sampler", "central", 2, [0.25, 0.125], best, 0.2)]
