"""The losses on the inputs their other tests leave out, found by mutation testing.

The torch conformance tests check the numbers; these check the rest of what
calcweb.nn.losses promises: every refusal's message in full (what was wrong,
where, how to fix it), the name of the loss in its overflow error and of the
term that overflowed, each threshold on both sides, the node each loss adds
to the graph (its ``op``), how the mean is rounded, and the softmax of jets
shifted by a plain number (so logits of ±1000 and derivatives near 1e308
stay finite).
"""

from __future__ import annotations

import math
import re

import pytest

from calcweb import (
    ArgumentTypeError,
    DomainError,
    InvalidArgumentError,
    Jet,
    NumericalError,
    Value,
)
from calcweb.nn import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    l1_penalty,
    l2_penalty,
    log_softmax,
    mse_loss,
    softmax,
)

NOT_A_LIST = (
    "must be a number or a Value, or a list of numbers or Values (a tuple or a 1-D numpy "
    "array works too), but got"
)
NOT_FINITE_VALUE = (
    "holds Value(data=nan, grad=0.0), which is not finite (was .data set to NaN or inf, or "
    "did an optimiser diverge?); use finite numbers"
)
NOT_FINITE_NUMBER = (
    "must be a finite number, but got nan; NaN and infinity cannot be differentiated "
    "through: check where it came from"
)
OVERFLOW_ADVICE = {  # what each loss's overflow tells the reader to scale down
    "mse_loss": "scale the predictions and targets down (normalise the data)",
    "binary_cross_entropy_with_logits": (
        "scale the logits down (normalise the data, or use a smaller learning rate)"
    ),
    "cross_entropy": "scale the logits down (normalise the data, or use a smaller learning rate)",
    "l1_penalty": "scale the parameters or the coefficient down",
    "l2_penalty": "scale the parameters or the coefficient down",
}


def raises(error: type[Exception], message: str) -> pytest.RaisesContext[Exception]:
    """pytest.raises for the whole message, matched literally."""
    return pytest.raises(error, match="^" + re.escape(message) + "$")


def nan_value() -> Value:
    v = Value(1.0)
    v.data = math.nan  # as a diverged optimiser or a user might leave it
    return v


# ---------------------------------------------------------------- argument messages


def test_a_prediction_that_is_not_finite_or_not_a_number_is_named_by_its_index() -> None:
    with raises(InvalidArgumentError, f"predictions[0] {NOT_FINITE_VALUE}"):
        mse_loss([nan_value()], [0.0])
    with raises(ArgumentTypeError, "predictions[1] must be numbers or Values, but got str 'a'"):
        mse_loss([1.0, "a"], [0.0, 0.0])
    with raises(InvalidArgumentError, f"targets[1] {NOT_FINITE_NUMBER}"):
        mse_loss([1.0, 2.0], [0.0, math.nan])
    with raises(InvalidArgumentError, f"logits[0] {NOT_FINITE_VALUE}"):
        binary_cross_entropy_with_logits([nan_value()], [0.0])


def test_predictions_or_targets_that_are_not_a_list_are_named() -> None:
    with raises(ArgumentTypeError, f"predictions {NOT_A_LIST} NoneType None"):
        mse_loss(None, [0.0])
    with raises(ArgumentTypeError, f"targets {NOT_A_LIST} str 'ab'"):
        mse_loss([1.0], "ab")
    with raises(ArgumentTypeError, f"logits {NOT_A_LIST} NoneType None"):
        binary_cross_entropy_with_logits(None, [0.0])


def test_different_lengths_say_one_target_per_prediction_or_logit() -> None:
    with raises(
        InvalidArgumentError,
        "got 1 predictions and 2 targets; pass one target per prediction (at least one)",
    ):
        mse_loss([1.0], [1.0, 2.0])
    with raises(
        InvalidArgumentError, "got 1 logits and 2 targets; pass one target per logit (at least one)"
    ):
        binary_cross_entropy_with_logits([1.0], [1.0, 2.0])


def test_an_unknown_reduction_is_shown() -> None:
    with raises(InvalidArgumentError, "reduction must be 'mean' or 'sum', but got 'avg'"):
        mse_loss([1.0], [1.0], reduction="avg")


def test_binary_cross_entropy_targets_end_at_one() -> None:
    above_one = math.nextafter(1.0, 2.0)
    with raises(
        DomainError,
        "binary_cross_entropy needs probabilities and targets in [0, 1], but got p=0.5, "
        f"target={above_one!r}; apply .sigmoid() to logits first",
    ):
        binary_cross_entropy([0.5], [above_one])
    assert binary_cross_entropy([0.5], [1.0]).data == -math.log(0.5)  # the bound itself


def test_cross_entropy_class_indices_are_checked_with_their_range_in_the_message() -> None:
    with raises(InvalidArgumentError, "a target must be a class index, an int in 0..2, but got 3"):
        cross_entropy([1.0, 2.0, 3.0], 3)
    with raises(
        ArgumentTypeError, "a target must be a class index, an int in 0..1, but got float 1.0"
    ):
        cross_entropy([1.0, 2.0], 1.0)


def test_cross_entropy_names_what_is_not_a_list() -> None:
    with raises(
        ArgumentTypeError,
        "the logits are one sample of 2 classes (a flat list, torch's (C)), so target must be "
        "one class index, an int in 0..1, or 2 class probabilities (floats: soft labels), "
        "but got str 'a'; for a batch, pass one list of logits per sample, [[z0, z1], [z0, z1]]",
    ):
        cross_entropy([1.0, 2.0], "a")
    with raises(ArgumentTypeError, f"logits {NOT_A_LIST} NoneType None"):
        cross_entropy(None, [0])
    with raises(ArgumentTypeError, f"the logits of sample 1 {NOT_A_LIST} NoneType None"):
        cross_entropy([[1.0], None], [0, 0])
    with raises(
        InvalidArgumentError,
        "got 2 samples of logits and 1 targets; pass one target per sample",
    ):
        cross_entropy([[1.0], [2.0]], [0])
    with raises(InvalidArgumentError, f"logits {NOT_FINITE_VALUE}"):
        cross_entropy([Value(0.0), nan_value()], 0)


def test_softmax_and_log_softmax_messages_name_the_function_and_the_place() -> None:
    for f, name in ((softmax, "softmax"), (log_softmax, "log_softmax")):
        with raises(
            ArgumentTypeError,
            f"{name} needs a list of logits (numbers, Values or Jets), or a list of such "
            "lists for a batch, but got float 3.0; for one logit write [z]",
        ):
            f(3.0)
        with raises(
            ArgumentTypeError,
            f"{name} got a batch whose rows are not all lists: row 1 is 2.0; pass a list of "
            "lists of equal length",
        ):
            f([[1.0], 2.0])
    with raises(
        ArgumentTypeError,
        "dim must be an int, but got float 0.5; pass dim=-1 to normalise each row",
    ):
        softmax([1.0], dim=0.5)
    with raises(
        InvalidArgumentError,
        "dim must be in the range [-1, 0] for 1-D logits, but got 1; pass dim=-1 to "
        "normalise the last dimension",
    ):
        softmax([1.0], dim=1)
    with raises(
        InvalidArgumentError, "row 1 of the logits is empty; pass at least one logit per row"
    ):
        softmax([[1.0], []])
    with raises(
        InvalidArgumentError,
        "the rows of the logits have different lengths [1, 2]; pass one logit per class in "
        "every row",
    ):
        softmax([[1.0], [1.0, 2.0]])
    with raises(InvalidArgumentError, "the logits is empty; pass at least one logit"):
        softmax([])


def test_a_string_among_logits_is_a_bad_logit_not_a_row() -> None:
    # A str is not a row of a batch, even though it is iterable.
    with raises(ArgumentTypeError, "the logits must be numbers or Values, but got str 'a'"):
        softmax(["a", 1.0])


def test_a_nan_logit_is_placed_in_its_row_or_column() -> None:
    with raises(InvalidArgumentError, f"the logits {NOT_FINITE_NUMBER}"):
        softmax([1.0, math.nan])
    with raises(InvalidArgumentError, f"row 1 of the logits {NOT_FINITE_NUMBER}"):
        softmax([[1.0, 2.0], [1.0, math.nan]])
    with raises(InvalidArgumentError, f"column 1 of the logits {NOT_FINITE_NUMBER}"):
        log_softmax([[1.0, 2.0], [1.0, math.nan]], dim=0)
    with raises(InvalidArgumentError, f"the logits {NOT_FINITE_NUMBER}"):
        softmax([Jet([1.0, 1.0]), math.nan])  # among jets too
    with raises(
        ArgumentTypeError,
        "the logits mixes Values and Jets; pass Values (reverse mode) or Jets (Taylor mode), "
        "not both",
    ):
        softmax([Jet([1.0, 1.0]), Value(1.0)])


def test_penalties_name_their_parameters_and_coefficient() -> None:
    with raises(InvalidArgumentError, f"parameters[1] {NOT_FINITE_VALUE}"):
        l1_penalty([Value(1.0), nan_value()])
    with raises(ArgumentTypeError, f"parameters {NOT_A_LIST} str 'ab'"):
        l2_penalty("ab")
    for f, name in ((l1_penalty, "l1_penalty"), (l2_penalty, "l2_penalty")):
        with raises(InvalidArgumentError, f"{name}(coefficient) {NOT_FINITE_NUMBER}"):
            f([1.0], math.nan)


# ---------------------------------------------------------------- overflow


@pytest.mark.parametrize(
    ("loss", "name", "reduction", "term"),
    [
        # terms 1.2e154² and 1.3e154²: the sum overflows, no term does; the largest is named
        (
            lambda: mse_loss([Value(1.2e154), Value(1.3e154)], [0.0, 0.0], "sum"),
            "mse_loss",
            "sum",
            1.3e154 * 1.3e154,
        ),
        # a term that is itself infinite is the one named, even after a larger finite one
        (lambda: mse_loss([Value(1e300), Value(1e200)], [0.0, 0.0]), "mse_loss", "mean", math.inf),
        (
            lambda: binary_cross_entropy_with_logits(
                [Value(1.2e308), Value(1.3e308)], [0.0, 0.0], "sum"
            ),
            "binary_cross_entropy_with_logits",
            "sum",
            1.3e308,
        ),
        (
            lambda: cross_entropy([Value(1e308), Value(-1e308)], 1),
            "cross_entropy",
            "mean",
            math.inf,
        ),
        (lambda: l1_penalty([Value(1.2e308), Value(1.3e308)]), "l1_penalty", "sum", 1.3e308),
        (
            lambda: l2_penalty([Value(1.2e154), Value(1.3e154)], 1.0),
            "l2_penalty",
            "sum",
            1.3e154 * 1.3e154,
        ),
        # a negative coefficient: the largest term in size is the most negative one
        (
            lambda: l2_penalty([Value(1.3e154), Value(1.2e154)], -1.0),
            "l2_penalty",
            "sum",
            -(1.3e154 * 1.3e154),
        ),
    ],
    ids=["mse", "mse-inf-term", "bce-logits", "cross-entropy", "l1", "l2", "l2-negative"],
)
def test_an_overflow_names_the_loss_the_largest_term_and_the_reduction(
    loss: object, name: str, reduction: str, term: float
) -> None:
    with raises(
        NumericalError,
        f"{name} overflows a float: a term is {term!r} and the {reduction} is beyond about "
        f"1.8e308; {OVERFLOW_ADVICE[name]}",
    ):
        loss()


def test_log_softmax_overflow_message() -> None:
    with raises(
        NumericalError,
        "log_softmax overflows a float: the values in the logits are more than about 1.8e308 "
        "apart; scale them down",
    ):
        log_softmax([1e308, -1e308])
    # A batch names the row (dim=-1) or the column (dim=0) whose values are that far apart.
    with raises(
        NumericalError,
        "log_softmax overflows a float: the values in row 1 of the logits are more than about "
        "1.8e308 apart; scale them down",
    ):
        log_softmax([[0.0, 0.0], [1e308, -1e308]])
    with raises(
        NumericalError,
        "log_softmax overflows a float: the values in column 0 of the logits are more than "
        "about 1.8e308 apart; scale them down",
    ):
        log_softmax([[1e308, 0.0], [-1e308, 0.0]], dim=0)


# ---------------------------------------------------------------- results


def test_the_mean_is_the_sum_times_one_over_n() -> None:
    # One rounding of the exact sum, then one by 1/n: 0.01 + 0.04 + 0.25 -> 0.09999999999999999,
    # where a sum of the terms each divided first would round to 0.1.
    predictions, targets = [0.1, 0.2, 0.5], [0.0, 0.0, 0.0]
    total = mse_loss(predictions, targets, "sum").data
    mean = mse_loss(predictions, targets).data
    assert mean == total * (1.0 / 3.0) == 0.09999999999999999
    # When the sum overflows and the mean fits, the mean is still returned.
    assert mse_loss([1.2e154, 1.3e154], [0.0, 0.0]).data == math.fsum(
        [0.5 * 1.2e154 * 1.2e154, 0.5 * 1.3e154 * 1.3e154]
    )


def test_l2_penalty_default_coefficient_is_one() -> None:
    w = [Value(3.0), Value(-4.0)]
    penalty = l2_penalty(w)
    assert penalty.data == 25.0
    penalty.backward()
    assert [v.grad for v in w] == [6.0, -8.0]


def test_every_loss_is_one_node_named_loss() -> None:
    w = [Value(0.3), Value(0.6)]
    nodes = [
        mse_loss(w, [0.0, 1.0]),
        binary_cross_entropy(w, [0.0, 1.0]),
        binary_cross_entropy_with_logits(w, [0.0, 1.0]),
        cross_entropy(w, 1),
        l1_penalty(w),
        l2_penalty(w),
    ]
    for node in nodes:
        assert node.op == "loss"
        assert node.inputs == tuple(w)


def test_softmax_and_log_softmax_nodes_are_named_after_them() -> None:
    z = [Value(0.5), Value(-0.5)]
    assert [s.op for s in softmax(z)] == ["softmax", "softmax"]
    assert [s.op for s in log_softmax(z)] == ["log_softmax", "log_softmax"]
    assert [s.op for row in softmax([z], dim=0) for s in row] == ["softmax", "softmax"]


def test_softmax_of_jets_shifts_by_the_largest_value_so_large_logits_stay_finite() -> None:
    # softmax(z) = softmax(z - m) for any m; calcweb takes m = the largest value, a plain
    # number, so no exp overflows (1000 - 0) and the derivatives are left as they are.
    out = softmax([Jet([1000.0, 1.0]), Jet([-1000.0, 0.0])])
    assert [s.coefficients for s in out] == [(1.0, 0.0), (0.0, 0.0)]
    logs = log_softmax([Jet([1000.0, 1.0]), Jet([-1000.0, 0.0])])
    assert [s.coefficients for s in logs] == [(0.0, 0.0), (-2000.0, -1.0)]


def test_softmax_of_jets_with_derivatives_near_the_float_limit() -> None:
    # d s0/dt = s0 s1 (z0' - z1') with z0' - z1' = 2e308: finite (about 3.9e307), and
    # finite in calcweb because the shift by the largest value leaves z1' = -1e308 alone
    # (a shift by the whole jet z0 would make it -2e308, beyond the float range).
    s0, s1 = softmax([Jet([1.0, 1e308]), Jet([0.0, -1e308])])
    p0 = 1.0 / (1.0 + math.exp(-1.0))
    p1 = 1.0 - p0
    expected = 2.0 * p0 * p1 * 1e308
    assert math.isclose(s0.coefficients[1], expected, rel_tol=1e-12)
    assert math.isclose(s1.coefficients[1], -expected, rel_tol=1e-12)
    assert math.isclose(s0.coefficients[0], p0, rel_tol=1e-15)
