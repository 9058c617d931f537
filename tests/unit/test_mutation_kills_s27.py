"""Mutation tests for the numerical code session 27 added (MUT20, session 28).

tools/mutation/one_function.py made mutmut 3.8.1's mutants of session 27's new
functions (tools/mutation/HISTORY.md, "Session 28"); each ran against the test
files session 27 added with it, and each test below kills survivors of those
files: a boundary the code states, hit exactly, values set by hand, or a
public result pinned whole. No mpmath and no numpy: these run inside Pyodide too.
"""

from __future__ import annotations

import itertools
import math
import sys

import pytest

from calcweb import (
    ArgumentTypeError,
    DomainError,
    IntegrationResult,
    InvalidArgumentError,
    LimitResult,
    Value,
    _richardson,
    integrate,
    limit,
)
from calcweb._integrate import TOL_CAP, _target
from calcweb._richardson import FIT_NOISE, KINK_NOISE, Estimate, _fit_agrees, _odd_fit
from calcweb.limits import (
    ACCEPT,
    DROP,
    ELSEWHERE_SPREAD,
    HORIZON,
    JUMP,
    REACH_GROWTH,
    RISEN,
    SMOOTH,
    STRAY,
    _bends_up,
    _falls_ever_slower,
    _grows_again,
    _law_tail,
    _may_turn,
    _OneSided,
    _rises_after_a_fall,
    _Run,
    _settled_elsewhere,
)
from calcweb.nn import cross_entropy
from calcweb.optim import SGD

INF = math.inf

# --- limits: _settled_elsewhere ------------------------------------------------------------


def _elsewhere(
    three: list[float], after: int, *, before: float = 1.0, value: float = 1.0, error: float = 1e-12
) -> _OneSided:
    """`_settled_elsewhere` on samples at ``before``, then ``three``, then ``after`` more."""
    values = [before] * 6 + three + [three[-1] + k * 2.0**-38 for k in range(1, after + 1)]
    result = _OneSided(value, error, True, "kept")
    return _settled_elsewhere(result, _Run(values, last=len(values)), "right")


def test_a_step_onto_another_value_is_refused_with_its_message_in_full():
    # Was 1 +- 7e-15, converged, for 2 (58ba266): f's samples from 1e-9 on are near 2.
    result = limit(lambda t: math.exp(t) + math.exp(-t / 1e-7), 0.0, side="+", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (1.0000000000000002, INF, False)
    assert result.message == (
        "f settles near 1 at the usual points (from the right), but closer to x0, over three "
        "of them in a row, it stays near 1.999418093: f steps off that value between the "
        "samples (a cut-off, a pole), and the samples cannot tell its limit; pass "
        "full_output=True to get the estimate anyway"
    )


def test_three_samples_apart_need_horizon_samples_after_them():
    three = [2.0, 2.0 + 2.0**-40, 2.0 + 2.0**-39]
    refused = _elsewhere(three, HORIZON)
    assert (refused.value, refused.error, refused.converged) == (1.0, INF, False)
    assert "it stays near 2: f steps off" in refused.message
    assert _elsewhere(three, HORIZON - 1).message == "kept"


def test_a_result_not_converged_is_left_as_it_is():
    values = [1.0] * 6 + [2.0, 2.0 + 2.0**-40, 2.0 + 2.0**-39] + [2.0] * (HORIZON + 1)
    result = _OneSided(1.0, 1e-12, False, "kept")
    assert _settled_elsewhere(result, _Run(values, last=len(values)), "right") is result


_BELOW = math.nextafter(1.0, 0.0)  # just inside each bound below


@pytest.mark.parametrize(
    ("three", "before", "value", "error", "inside"),
    [
        # Exactly JUMP times the error from the value: not apart.
        ([2.0 - 2.0**-40, 2.0, 2.0 + 2.0**-40], 1.0, 1.0, 1.0 / JUMP, "error"),
        # Exactly DROP of the value: not above it.
        ([1.0 - 2.0**-40, 1.0, 1.0 + 2.0**-40], 100.0, 1.0 / DROP, 1e-12, "value"),
        # Spread exactly ELSEWHERE_SPREAD times the distance: not tight.
        (
            [2.0 - ELSEWHERE_SPREAD / 2.0, 2.0, 2.0 + ELSEWHERE_SPREAD / 2.0],
            1.0,
            1.0,
            1e-12,
            "three",
        ),
        # The samples before exactly JUMP times nearer the value: f was not on it.
        ([2.0 - 2.0**-40, 2.0, 2.0 + 2.0**-40], 1.0 + 1.0 / JUMP, 1.0, 1e-12, "before"),
    ],
    ids=["jump", "drop", "spread", "was on"],
)
def test_each_bound_of_a_step_elsewhere_is_strict(three, before, value, error, inside):
    assert _elsewhere(three, HORIZON, before=before, value=value, error=error).message == "kept"
    # Just inside the bound, the same samples are refused.
    if inside == "error":
        error *= _BELOW
    elif inside == "value":
        value *= _BELOW
    elif inside == "three":
        three = [three[0], three[1], math.nextafter(three[2], 0.0)]
    else:
        before = math.nextafter(before, 1.0)
    refused = _elsewhere(three, HORIZON, before=before, value=value, error=error)
    assert refused.error == INF


# --- _integrate: TOL_CAP and the slow end's tail --------------------------------------------


@pytest.mark.parametrize(
    ("tol", "value", "target"),
    [(0.25, 1.5, 0.375), (0.25, -3.0, 0.75), (0.25, 0.5, 0.25), (2.0, 1.5, TOL_CAP * 1.5)],
)
def test_the_target_is_tol_times_the_larger_of_one_and_the_value_with_tol_capped(
    tol, value, target
):
    assert _target(tol, value) == target


def test_a_tail_that_cannot_be_bounded_has_an_infinite_error():
    q = 0.9895028716172307  # the fit's p about 0.989
    result = integrate(
        lambda x: 1 / (x * math.log(x) ** q), 6.381588939950991, INF, tol=0.1, full_output=True
    )
    assert isinstance(result, IntegrationResult)
    assert (result.error, result.converged) == (INF, False)
    assert "for p <= 1 the integral diverges" in result.message


def test_a_slow_tail_counted_is_named_in_the_message():
    # 1/(x log(x)**1.066) on [7.47, inf) is 14.467 (mpmath): 14.4976 +- 4.83 at tol 2,
    # held to TOL_CAP: 0.5 times the value.
    q, a = 1.0660071386548655, 7.469277745731019
    result = integrate(lambda x: 1 / (x * math.log(x) ** q), a, INF, tol=2.0, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - 14.467) <= result.error
    assert result.message.startswith(
        f"the estimated error {result.error:.3g} meets the tolerance 7.25, counting the part "
        "closer to x=inf than f was sampled, 12.3282 +- 4.83 by the power of log x (p about 1.07)"
    )


# --- limits: _law_tail ---------------------------------------------------------------------


def _shrinking(bits: float, count: int = SMOOTH + 1) -> list[float]:
    """``count`` departures, each ``bits`` bits below the one before."""
    return [2.0 ** (-bits * j) for j in range(count)]


@pytest.mark.parametrize(
    ("k", "bits", "fits"),
    [
        (2, 0.5 + 0.1, True),  # within an eighth of a bit of 1/2
        (2, 0.5 - 0.1, True),
        (2, 0.5 + 0.13, False),
        (3, 1 / 3 + 0.038, True),  # within half the gap to 1/4: 1/24 = 0.0417
        (3, 1 / 3 - 0.038, True),
        (3, 1 / 3 + 0.045, False),
        (3, 1 / 3 - 0.045, False),
    ],
)
def test_a_law_tail_shrinks_by_one_kth_bit_a_step_within_its_slack(k, bits, fits):
    departures = _shrinking(bits)
    assert _law_tail(departures, k) == (departures if fits else None)


def test_a_law_tail_may_end_up_to_stray_before_the_last_departure():
    law = _shrinking(0.5)
    for stray in range(1, STRAY + 1):
        assert _law_tail(law + [law[-1]] * stray, 2) == law
    assert _law_tail(law + [law[-1]] * (STRAY + 1), 2) is None


# --- limits: a fall that rises again before an overflow (LIMEXP) ---------------------------


@pytest.mark.parametrize(
    ("samples", "growth", "rises"),
    [
        ([1.0, 0.01, ACCEPT, 2e-6], [ACCEPT, 2e-6], True),  # exactly ACCEPT down: far down
        ([0.5, 0.01, ACCEPT, 2e-6], [ACCEPT, 2e-6], False),  # ACCEPT of a largest 0.5 is lower
        ([2.0, 0.01, 1.5 * ACCEPT, 3e-6], [1.5 * ACCEPT, 3e-6], False),  # of 1, not of 2
        ([1e-7, 1.0], [1e-7, 1.0], False),  # all of them rise: no fall before
        ([1.0, 1e-7, (1.0 + RISEN) * 1e-7], [1e-7, (1.0 + RISEN) * 1e-7], False),  # RISEN exactly
    ],
    ids=["accept", "below one", "above one", "no fall", "risen"],
)
def test_a_rise_after_a_fall_is_far_down_and_up_by_more_than_risen(samples, growth, rises):
    assert _rises_after_a_fall(samples, growth) is rises


def _exp_over_power() -> list[float]:
    """exp(x)/x**127 at x = 16 .. 256: log |f| steps by -72, -56, -24, +40."""
    return [math.exp(x) / x**127 for x in (16.0, 32.0, 64.0, 128.0, 256.0)]


def _bending(bends: list[float], first: float = -10.0) -> list[float]:
    """Five samples whose log steps by ``first`` and then bends by ``bends``."""
    steps = [first]
    for bend in bends:
        steps.append(steps[-1] + bend)
    logs = [0.0]
    for step in steps:
        logs.append(logs[-1] + step)
    return [math.exp(log) for log in logs]


def test_log_f_bending_up_ever_faster_over_five_samples_of_one_sign():
    tail = _exp_over_power()
    assert _bends_up(tail)
    assert _bends_up([y / tail[2] for y in tail])  # a sample of exactly 1 is no exception
    assert not _bends_up(tail[1:])  # four samples: two bends, a V
    assert not _bends_up([-tail[0], *tail[1:]])  # of two signs
    assert not _bends_up([*tail[:4], 0.0])
    # The first bend must be above RISEN, not only the later ones.
    assert _bends_up(_bending([1.1 * RISEN, 1.5 * RISEN, 2.0 * RISEN]))
    assert not _bends_up(_bending([0.9 * RISEN, 1.5 * RISEN, 2.0 * RISEN]))


def test_each_bend_strictly_above_the_last_and_at_most_reach_growth_times_it():
    # Found by a search over exp(cumulative sums), so that the bends computed are exactly
    # equal (5.487869330429923 twice) and exactly 16 times (87.80590928687877), as floats.
    equal = [1.0, 3.1747974354833595e-06, 2.4365953398432434e-09, 4.5206633355181704e-10]
    assert not _bends_up([*equal, 4.901439615084922e-06])
    sixteen = [1.0, 3.1747974354833595e-06, 2.4365953398432434e-09]
    assert REACH_GROWTH == 16.0
    assert _bends_up([*sixteen, 2.543739766963635e26, 8.732431731745998e101])


def test_a_fall_that_grows_again_tends_to_the_infinity_of_its_last_sample():
    result = _grows_again([1.0, 2.0, 1e-9, -1e-3], 700.0)  # its sign, not the others
    assert (result.value, result.error, result.converged) == (-INF, 0.0, True)
    assert result.message == (
        "f falls, then grows again, log |f| bending up ever faster (as c*|x| - k*log|x| does), "
        "to -0.001 at x = 700.0, past which it overflows: the limit is -inf"
    )


def _slowing_to(last: float, bends: tuple[float, ...] = (2.0, 4.0, 8.0)) -> list[float]:
    """A fall whose log drops by 20, then less by each of ``bends``, scaled to end at ``last``."""
    tail = _bending(list(bends), first=-20.0 if bends[0] == 2.0 else -3.5)
    return [*(y * (last / tail[-1]) for y in tail[:-1]), last]


@pytest.mark.parametrize(
    ("before", "slower"),
    [
        ([1.0, *_slowing_to(ACCEPT)], True),  # exactly ACCEPT of 1 down
        ([1.0, *_slowing_to(1.5 * ACCEPT)], False),  # above it (its largest, 1.5e19, counts as 1)
        # Its largest 0.5, and 1.3e5 times 1e-6 at its first (bends 0.2, 0.4, 0.8).
        ([0.5, *_slowing_to(ACCEPT, (0.2, 0.4, 0.8))], False),
    ],
    ids=["accept", "above", "largest 0.5"],
)
def test_a_fall_ever_slower_ends_far_down_by_accept(before, slower):
    assert _falls_ever_slower(before) is slower


def test_a_fall_that_may_turn_is_refused_with_its_last_sample():
    result = _may_turn(2.5e-257, 192.0)
    assert (result.value, result.error, result.converged) == (2.5e-257, INF, False)
    assert result.message == (
        "f falls, to 2.5e-257, ever more slowly (the drops of log |f| shrink ever faster) out "
        "to x = 192.0, past which it overflows: it may turn and grow without bound "
        "(exp(x/2)/x**135 falls out to x = 192.0, where x**135 overflows, has its minimum at "
        "270 and tends to inf). Rewrite f so that no intermediate result overflows "
        "(exp(x/2 - 135*log(x)) for exp(x/2)/x**135); pass full_output=True to get the last "
        "sample anyway"
    )


# --- _richardson: the one-sided fits' verdict (_fit_agrees) ---------------------------------

_STEPS = (0.5, 0.25, 0.125, 0.0625)


def _rows(
    c: float, *, a1: float = 0.0, a3: float = 0.0, a5: float = 0.0, noise=(1e-3,) * 4
) -> list[tuple[float, float, float]]:
    """Rows (step, part, rounding bound) of ``c + a1 h + a3 h**3 + a5 h**5``, largest first."""
    return [(h, c + a1 * h + a3 * h**3 + a5 * h**5, n) for h, n in zip(_STEPS, noise, strict=True)]


def _estimate(value: float = 1.0, error: float = 1.0) -> Estimate:
    return Estimate(value, error, 0, 0.5, "central")


def _fits(rows):
    """The fit's constant over all the rows, all but the largest, all but the two largest."""
    return [_odd_fit(rows[-m:])[0] for m in (len(rows), len(rows) - 1, len(rows) - 2)]


@pytest.mark.parametrize(("kind", "sign"), [("forward", 1.0), ("backward", -1.0)])
def test_an_agreeing_fit_moves_the_value_by_its_constant_toward_its_side(kind, sign):
    rows = _rows(2.0**-12)  # within KINK_NOISE times the last row's bound, 0.02
    part = _fits(rows)[0]
    value, _, _, finest = _fit_agrees(rows, _estimate(), kind, 0.0625)
    assert value == 1.0 + sign * part
    assert abs(part - 2.0**-12) <= 1e-18
    assert finest == 0.0625


def test_a_fit_with_a_constant_beyond_the_rounding_of_its_last_row_is_no_verdict():
    # start is KINK_NOISE times the last row's bound (1e-3), not the one before (4e-3).
    rows = _rows(0.03, noise=(1e-3, 1e-3, 4e-3, 1e-3))
    assert _fit_agrees(rows, _estimate(), "forward", 0.0625) is None
    assert _fit_agrees(_rows(0.01, noise=(1e-3, 1e-3, 4e-3, 1e-3)), _estimate(), "forward", 0.0625)


@pytest.mark.parametrize("geometric", [False, True])
def test_the_fits_truncation_is_4_times_its_last_move_scaled_when_geometric(geometric):
    rows = _rows(0.25, a1=1.0, a3=1.0, a5=1.0)
    part, last, before = _fits(rows)
    weights = _odd_fit(rows)[1]
    rounding = FIT_NOISE * sum(abs(w) * row[2] for w, row in zip(weights, rows, strict=True))
    moved = abs(part - last)
    truncation = 4.0 * moved * (min(1.0, moved / abs(last - before)) if geometric else 1.0)
    persists = lambda part: 0.0625  # noqa: E731 - a stand-in for _constant_persists
    keywords = {"geometric": True} if geometric else {}  # not geometric unless asked
    verdict = _fit_agrees(rows, _estimate(error=0.0), "forward", 0.0, persists=persists, **keywords)
    assert verdict == (1.0 + part, truncation + rounding, rounding, 0.0625)
    assert moved / abs(last - before) < 1.0  # geometric shrinks the truncation here


@pytest.mark.parametrize(
    "rows",
    [
        # The fit moved 1.74 times more with the largest step than before: no more than 4 times.
        [(h, part, 1.0) for h, part, _ in _rows(0.25, a1=1.0, a3=-1.0, a5=8.0)],
        # The fits without the largest step and without two agree exactly (0.25): 4 times.
        [(0.5, 0.0, 1.0), (0.25, 0.0, 1.0), (0.125, 0.125, 1.0), (0.0625, 0.1875, 1.0)],
    ],
    ids=["grew", "same"],
)
def test_a_geometric_truncation_is_never_more_than_4_times_the_move(rows):
    # Within the rounding (bounds of 1 each), the fit agrees however it moved.
    part, last, _ = _fits(rows)
    weights = _odd_fit(rows)[1]
    rounding = FIT_NOISE * sum(abs(w) for w in weights)
    verdict = _fit_agrees(rows, _estimate(error=1e9), "forward", 0.0625, geometric=True)
    assert verdict == (1.0 + part, 4.0 * abs(part - last) + rounding, rounding, 0.0625)


@pytest.mark.parametrize(
    ("a3", "a5", "shrank"),
    [(-1.0, 4.0, True), (0.0, 1.0, False)],  # moved 0.41 and 0.77 times the move before
)
def test_a_fit_disagreeing_must_have_moved_at_most_half_its_move_before(a3, a5, shrank):
    rows = _rows(0.25, a1=1.0, a3=a3, a5=a5, noise=(1e-12,) * 4)
    verdict = _fit_agrees(rows, _estimate(error=0.0), "forward", 0.0, persists=lambda part: 0.0625)
    assert (verdict is not None) is shrank


@pytest.mark.parametrize(("share", "verdict"), [(2.5, True), (1.5, False)])
def test_a_disagreeing_constant_is_beyond_the_fit_and_twice_the_error(share, verdict):
    # A constant 0.25 far beyond the rounding (bounds 1e-12): with an estimate's error e,
    # a verdict (the stand-in for _constant_persists says it persists) only where the
    # constant exceeds the fit's spread plus 2 e.
    rows = _rows(0.25, a1=1.0, a3=-1.0, a5=4.0, noise=(1e-12,) * 4)
    spread = _fit_agrees(rows, _estimate(error=0.0), "forward", 0.0, persists=lambda p: 1.0)[1]
    error = (_fits(rows)[0] - spread) / share
    found = _fit_agrees(rows, _estimate(error=error), "forward", 0.0, persists=lambda p: 1.0)
    assert (found is not None) is verdict


def test_an_agreeing_fit_is_within_the_error_and_twice_its_start():
    # The constant 0 (within KINK_NOISE times 1e-6), the fit's spread (its move, 4 times)
    # 2.5 times start beyond the estimate's error: no verdict; 1.5 times: one.
    rows = _rows(0.0, a1=1.0, a3=-1.0, a5=4.0, noise=(1e-6,) * 4)
    start = KINK_NOISE * 1e-6
    spread = _fit_agrees(rows, _estimate(error=1.0), "forward", 0.0625)[1]
    assert spread > 3.0 * start
    assert _fit_agrees(rows, _estimate(error=spread - 2.5 * start), "forward", 0.0625) is None
    assert _fit_agrees(rows, _estimate(error=spread - 1.5 * start), "forward", 0.0625)


# --- optim: the parameter group, state_dict and load_state_dict ----------------------------


def _sgd() -> SGD:
    return SGD([Value(1.0), Value(2.0)], lr=0.1)


def test_the_parameter_group_reads_as_the_dict_of_its_settings():
    group = _sgd().param_groups[0]
    assert repr(group) == (
        "{'params': [Value(data=1.0, grad=0.0), Value(data=2.0, grad=0.0)], 'lr': 0.1, "
        "'momentum': 0.0, 'dampening': 0.0, 'weight_decay': 0.0, 'nesterov': False, "
        "'maximize': False}"
    )
    with pytest.raises(KeyError) as missing:
        group["betas"]
    assert missing.value.args == ("betas",)  # as a dict's


def test_the_parameter_groups_refusals_in_full():
    group = _sgd().param_groups[0]
    with pytest.raises(InvalidArgumentError) as params:
        group["params"] = []
    assert str(params.value) == (
        "the parameter list of a SGD is given when it is built and cannot be replaced; to "
        "optimise other Values, build a new optimiser: SGD(new_params, ...)"
    )
    with pytest.raises(InvalidArgumentError) as unknown:
        group["betas"] = (0.9, 0.999)
    assert str(unknown.value) == (
        "'betas' is not a setting of SGD, whose one parameter group holds params, lr, "
        "momentum, dampening, weight_decay, nesterov, maximize: keep other values in "
        "variables of your own"
    )
    with pytest.raises(ArgumentTypeError) as removed:
        del group["lr"]
    assert str(removed.value) == (
        "the settings of SGD's parameter group cannot be removed; assign a new value instead "
        "(group['lr'] = ...)"
    )


def test_load_state_dict_refuses_what_state_dict_did_not_return():
    opt = _sgd()
    with pytest.raises(ArgumentTypeError) as not_a_dict:
        opt.load_state_dict([1])  # type: ignore[arg-type]
    assert str(not_a_dict.value) == (
        "SGD.load_state_dict takes what state_dict() returned: a dict with 'state' and "
        "'param_groups' (one group), not list"
    )
    settings = dict(opt.state_dict()["param_groups"][0])
    del settings["params"]
    with pytest.raises(InvalidArgumentError, match=r"is not of a SGD with 2 parameters"):
        opt.load_state_dict({"state": {}, "param_groups": [settings]})  # no "params"


def test_load_state_dict_without_state_forgets_what_the_optimiser_remembered():
    opt = SGD([Value(1.0)], lr=0.1, momentum=0.9)
    opt.params[0].grad = 1.0
    opt.step()
    assert opt.state_dict()["state"]  # the momentum buffer
    opt.load_state_dict({"param_groups": opt.state_dict()["param_groups"]})
    assert opt.state_dict()["state"] == {}


# --- nn: cross_entropy's soft labels and class weights --------------------------------------


@pytest.mark.parametrize(
    ("logits", "target", "weight", "error", "message"),
    [
        (
            [0.0, 1.0],
            [0, 1],  # ints: no probabilities, as torch tells them by dtype
            None,
            ArgumentTypeError,
            (
                "the logits are one sample of 2 classes (a flat list, torch's (C)), so target "
                "must be one class index, an int in 0..1, or 2 class probabilities (floats: "
                "soft labels), but got list [0, 1]; for a batch, pass one list of logits per "
                "sample, [[z0, z1], [z0, z1]]"
            ),
        ),
        (
            [[0.0, 1.0]],
            [[0.5, "x"]],
            None,
            ArgumentTypeError,
            "the target of sample 0 must be numbers or Values, but got str 'x'",
        ),
        (
            [[0.0, 1.0]],
            [[0.5, 0.25, 0.25]],
            None,
            InvalidArgumentError,
            (
                "sample 0 has 2 logits but its target 3 class probabilities; pass one probability "
                "per class (soft labels), or the index of the true class"
            ),
        ),
        (
            [[0.0, 1.0]],
            [[1.5, -0.5]],
            None,
            DomainError,
            (
                "the target of sample 0 gives class 0 the probability 1.5; class probabilities "
                "(soft labels) lie in [0, 1]"
            ),
        ),
        (
            [[0.0, 1.0]],
            [0],
            "ab",
            ArgumentTypeError,
            (
                "weight must be a number or a Value, or a list of numbers or Values (a tuple or a "
                "1-D numpy array works too), but got str 'ab'"
            ),
        ),
        (
            [[0.0, 1.0]],
            [0],
            [1.0],
            InvalidArgumentError,
            (
                "got 1 class weights for 2 classes; pass one weight per class (or weight=None for "
                "all 1)"
            ),
        ),
        (
            [[0.0, 1.0]],
            [0],
            [1.0, "a"],
            ArgumentTypeError,
            (
                "weight must be a real number (int, float, Fraction or a numpy scalar), but got "
                "str 'a'; convert it with float() first"
            ),
        ),
        (
            [[0.0, 1.0]],
            [0],
            [1.0, -1.0],
            InvalidArgumentError,
            (
                "the class weights [1.0, -1.0] include a negative one; a weight scales its class's "
                "share of the loss: use numbers >= 0"
            ),
        ),
    ],
    ids=["int list", "not a number", "count", "outside", "weight", "weights", "str", "negative"],
)
def test_cross_entropys_target_and_weight_refusals_in_full(logits, target, weight, error, message):
    with pytest.raises(error) as refused:
        cross_entropy(logits, target, weight=weight)
    assert str(refused.value) == message


# --- _richardson: a second derivative's odd-part check (_odd_part_agrees) -------------------

_ODD_STEPS = (0.1, 0.05, 0.025, 0.0125, 0.00625)


def _odd_sampled(f, x=0.5, steps=_ODD_STEPS, *, floor=0.0, missing=None):
    """A Sampler holding f at x and x +- each step, central second quotients taken there."""
    sampler = _richardson.Sampler(f, x)
    sampler.noise_floor = floor
    sampler(x)
    for step in steps:
        for point in (x + step, x - step):
            if point != missing:
                sampler(point)
        sampler.steps.add(("central", 2, step))
    return sampler


def _odd_estimate(steps=_ODD_STEPS, value=0.0, window=None) -> Estimate:
    window = ((steps[0], 0.0),) if window is None else window
    return Estimate(value, 1e-6, 11, steps[0], "central", smallest=steps[-1], window=window)


def _odd_rows(sampler, steps=_ODD_STEPS):
    """The rows the docstring states: G over each two neighbouring steps, its rounding bound."""
    x, values = sampler.x, sampler.values
    aside = _richardson._aside(sampler)
    rows = []
    for b, a in itertools.pairwise(steps):
        odd_b, odd_a = ((values[x + s] - values[x - s]) / 2.0 for s in (b, a))
        part = 2.0 * (odd_b / b - odd_a / a) / (b - a)
        size = max(abs(values[x + b]), abs(values[x + a]), abs(values[x]))
        relative = max(2.0 * sys.float_info.epsilon, sampler.relative_noise)
        level = max(relative * size, sampler.floor_for(size), 2.0 * 5e-324)
        weights = 2.0 / (a * b) + 2.0 / (a * (b - a)) + 2.0 / (b * (b - a))
        bound = _richardson._argument_rounding(aside, "forward", 2, [(a, 0.0)])
        rows.append(((a, b), part, max(level * weights, bound)))
    return rows


@pytest.mark.parametrize(
    ("f", "floor"),
    [
        # Where |f| is small beside |x|, a t rounded inside f bounds the rounding, from the
        # forward slope (near 3 at the largest step, the backward one near -1).
        (lambda t: math.sin(t - 1000.0) + 10.0 * (t - 1000.0) ** 2, 0.0),
        (lambda t: math.sin(t) + 0.5 * t * t, 0.0),  # |f| largest at x + b
        (lambda t: 1.0 - (t - 0.5) ** 2, 0.0),  # at x
        (lambda t: 1.0 - (t - 0.515) ** 2, 0.0),  # at x + a, for a = 0.0125
        (lambda t: math.sin(t) + 0.5 * t * t, 1e-9),  # a noise floor above the rounding
        (lambda t: 0.0, 0.0),  # no rounding: the bound is the subnormals' spacing
    ],
    ids=["argument", "x + b", "x", "x + a", "floor", "zero"],
)
def test_the_odd_parts_rows_are_g_with_the_forward_quotients_rounding(f, floor):
    sampler = _odd_sampled(f, x=1000.0 if f(1000.0) == 0.0 else 0.5, floor=floor)
    expected = _fit_agrees(_odd_rows(sampler), _odd_estimate(), "forward", 0.00625, geometric=True)
    verdict = _richardson._odd_part_agrees(sampler, _odd_estimate(), "forward")
    assert verdict is not None
    assert verdict == expected


@pytest.mark.parametrize(
    "change", ["four steps", "no window", "x + h missing", "x - h missing", "other quotients"]
)
def test_the_odd_part_needs_five_steps_of_the_window_each_sampled_on_both_sides(change):
    f = lambda t: math.sin(t) + 0.5 * t * t  # noqa: E731
    steps, window, missing = _ODD_STEPS, None, None
    if change == "four steps":
        steps = _ODD_STEPS[:4]
    elif change == "no window":
        window = ()
    elif change == "x + h missing":
        missing = 0.5 + 0.025
    elif change == "x - h missing":
        missing = 0.5 - 0.025
    sampler = _odd_sampled(f, steps=steps, missing=missing)
    if change == "other quotients":
        # A first central quotient beyond the window, and a forward one among its steps,
        # neither sampled: not the second derivative's, so passed over.
        sampler.steps |= {("central", 1, 0.8), ("forward", 2, 0.03)}
        verdict = _richardson._odd_part_agrees(sampler, _odd_estimate(steps), "forward")
        assert verdict is not None
        return
    assert (
        _richardson._odd_part_agrees(sampler, _odd_estimate(steps, window=window), "forward")
        is None
    )


# --- _richardson: a first derivative's even-part check (_even_part_agrees) ------------------

_EVEN_STEPS = (0.1, 0.05, 0.025, 0.0125)


def _even_sampled(missing: float | None = None) -> _richardson.Sampler:
    """sin at 0.5 and 0.5 +- each step, central first quotients taken there."""
    sampler = _richardson.Sampler(math.sin, 0.5)
    sampler(0.5)
    for step in _EVEN_STEPS:
        for point in (0.5 + step, 0.5 - step):
            if point != missing:
                sampler(point)
        sampler.steps.add(("central", 1, step))
    return sampler


def _even_estimate(window=((0.1, 0.0),)) -> Estimate:
    return Estimate(math.cos(0.5), 1e-6, 9, 0.1, "central", smallest=0.0125, window=window)


def test_the_even_part_moves_each_side_its_own_way_down_to_the_smallest_step():
    forward = _richardson._even_part_agrees(_even_sampled(), _even_estimate(), "forward")
    backward = _richardson._even_part_agrees(_even_sampled(), _even_estimate(), "backward")
    assert forward is not None
    assert backward is not None
    value = _even_estimate().value
    # The constant of sin's even part is 0 to within rounding (-5.6e-15 here): opposite ways.
    assert forward[0] < value < backward[0]
    assert abs((forward[0] - value) + (backward[0] - value)) <= 2.0 * math.ulp(value)
    assert forward[3] == backward[3] == 0.0125  # the window's smallest step


@pytest.mark.parametrize("change", ["no window", "x + h missing"])
def test_the_even_part_needs_the_window_and_f_at_x_plus_each_step(change):
    window = () if change == "no window" else ((0.1, 0.0),)
    sampler = _even_sampled(missing=0.5 + 0.025 if change == "x + h missing" else None)
    assert _richardson._even_part_agrees(sampler, _even_estimate(window), "forward") is None


def test_the_even_parts_rounding_is_the_forward_quotients_or_a_t_rounded_inside_f():
    # sin(t - 1000) at 1000: |f| small, t rounded to 1000's ulps moves it 1e3 times more.
    sampler = _richardson.Sampler(lambda t: math.sin(t - 1000.0), 1000.0)
    sampler(1000.0)
    for step in _EVEN_STEPS:
        sampler(1000.0 + step)
        sampler(1000.0 - step)
        sampler.steps.add(("central", 1, step))
    estimate = Estimate(1.0, 1e-6, 9, 0.1, "central", smallest=0.0125, window=((0.1, 0.0),))
    aside = _richardson._aside(sampler)
    rows = []
    for step in _EVEN_STEPS:
        forward, noise, _ = aside.quotient("forward", 1, step)
        central = aside.quotient("central", 1, step)[0]
        bound = _richardson._argument_rounding(
            sampler, "forward", 1, [(step, forward), (step, central)]
        )
        assert bound > 100.0 * noise
        rows.append((step, forward - central, bound))
    expected = _fit_agrees(rows, estimate, "forward", 0.0125)
    assert expected is not None
    assert _richardson._even_part_agrees(sampler, estimate, "forward") == expected


# --- _integrate: f 0 at every point sampled (_zero_message) --------------------------------

_LOOKS_ZERO = (
    "so the integral looks like 0, but a peak narrower than their spacing would be missed. "
    "If f is 0 on the whole interval (max(x, 0) for x <= 0, say), its integral is 0 and "
    "needs no integration; if it has a peak there, split the interval around the peak. "
    "With full_output=True the result is 0.0 with an error of inf"
)


@pytest.mark.parametrize(
    ("f", "a", "b", "message"),
    [
        (
            lambda x: max(x, 0.0),
            -2.0,
            0.0,
            (
                "f was 0 at all 1365 points of the rule (on 64 equal subintervals, at most "
                f"0.00233 apart), {_LOOKS_ZERO}"
            ),
        ),
        (
            lambda x: max(x, 0.0),
            -INF,
            0.0,
            f"f was 0 at all 975 points of the rule (on 64 equal subintervals), {_LOOKS_ZERO}",
        ),
        (  # b - a overflows: no spacing is named
            lambda x: 0.0,
            -1e308,
            1e308,
            f"f was 0 at all 1365 points of the rule (on 64 equal subintervals), {_LOOKS_ZERO}",
        ),
        (
            math.floor,
            0.0,
            1.0,
            (
                "f was 0 at all 1365 points of the rule (on 64 equal subintervals, at most "
                "0.00116 apart) but is 1 at the end x=1.0. If f falls to 0 between that end and "
                "the nearest point, closer than the rule samples, integrate over a shorter "
                "interval from x=1.0, as far as f is not negligible; if it jumps there from 0 "
                "(as floor(x) at 1 on [0, 1]), its integral is 0, unless it has a peak narrower "
                "than the points' spacing (split the interval around it)"
            ),
        ),
    ],
    ids=["zero", "half-line", "overflow", "end"],
)
def test_f_zero_at_every_point_sampled_is_refused_saying_what_to_do(f, a, b, message):
    result = integrate(f, a, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert (result.value, result.error, result.converged) == (0.0, INF, False)
    assert result.message == message


def test_a_power_growing_until_it_overflows_is_infinite_from_its_divergent_run():
    # x**200 overflows past 34.9 (the walk's samples there grow as a power, no fall before).
    result = limit(lambda x: x**200, INF, full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (INF, 0.0, True)
    assert result.nfev == 50
    assert result.message == "f grows without bound: the limit is inf"


_BATCH = [[0.0, 1.0], [1.0, 0.0]]


@pytest.mark.parametrize(
    ("logits", "target", "error", "message"),
    [
        (
            _BATCH,
            0,
            ArgumentTypeError,
            (
                "the logits are a batch of 2 samples (a list of lists, torch's (N, C)), so target "
                "must be a list of 2 class indices, one per sample, but got int 0; for one sample, "
                "pass its logits as a flat list"
            ),
        ),
        (
            _BATCH,
            [0],
            InvalidArgumentError,
            "got 2 samples of logits and 1 targets; pass one target per sample",
        ),
        (
            _BATCH,
            {1: 2},
            ArgumentTypeError,
            (
                "target must be a number or a Value, or a list of numbers or Values (a tuple or a "
                "1-D numpy array works too), but got dict {1: 2}"
            ),
        ),
        (
            _BATCH,
            [[0.5, 0.5], 1],
            ArgumentTypeError,
            (
                "the targets mix lists of class probabilities and other things: target 1 is 1; "
                "pass one class index per sample, or one list of class probabilities (floats) "
                "per sample"
            ),
        ),
        (
            [0.0, 1.0],
            {1: 2},
            ArgumentTypeError,
            (
                "the logits are one sample of 2 classes (a flat list, torch's (C)), so target must "
                "be one class index, an int in 0..1, or 2 class probabilities (floats: soft "
                "labels), but got dict {1: 2}; for a batch, pass one list of logits per sample, "
                "[[z0, z1], [z0, z1]]"
            ),
        ),
    ],
    ids=["number for a batch", "count", "not a list", "mixed", "not a list for one"],
)
def test_cross_entropys_targets_refusals_in_full(logits, target, error, message):
    with pytest.raises(error) as refused:
        cross_entropy(logits, target)
    assert str(refused.value) == message


def test_a_fit_through_steps_it_cannot_tell_apart_is_no_verdict():
    # Two rows at one step leave the system singular: no constant, weights inf.
    part, weights = _odd_fit([(1.0, 0.5, 0.0), (0.5, 0.25, 0.0), (0.5, 0.25, 0.0)])
    assert math.isnan(part)
    assert weights == [INF] * 3
