"""What minimize and the optimisers say when they stop, checked against the runs (REVIEW5).

* minimize said "try more steps or a larger learning rate" whenever the steps ran
  out, also on runs whose loss grew (x**2 + 10 y**2 from [-2, 1] at lr 0.11: J 14 ->
  2.2e7 in 40 steps) or zigzagged (lr 0.1: y flips sign every step): a larger rate
  makes both worse.
* An optimiser with eps=0 said it "divides 0 by 0: its gradient and the running
  average ... are both 0" where the gradient was 1e-200 (its square underflows) or 1
  (RMSprop with alpha=1), and gave torch's default eps as 1e-8 for Adagrad (1e-10).
"""

from __future__ import annotations

import pytest

import calcweb
from calcweb import Value


def valley(p: list[Value]) -> Value:
    return p[0] ** 2 + 10 * p[1] ** 2


def advice(lr: float, **hyper: float) -> str:
    message = calcweb.minimize(valley, [-2.0, 1.0], lr=lr, steps=40, **hyper).message
    assert message.startswith("took all 40 steps; the gradient norm"), message
    return message.split(": ", 1)[1]


def test_a_growing_loss_asks_for_a_smaller_rate() -> None:
    assert advice(0.11) == (
        "the loss grew from 14 to 2.16e+07, so the steps overshoot; try a smaller learning "
        "rate such as lr=0.011"
    )


def test_zigzagging_steps_that_close_in_slowly_ask_for_a_smaller_rate() -> None:
    # y flips sign every step by a factor 1 - 20 lr: -0.96.
    assert advice(0.098) == (
        "the last steps zigzag (most reverse the one before), overshooting across a valley "
        "and closing in slowly (the gradient norm went from 5.64 to 3.91 over them); "
        "try a smaller learning rate (with momentum, also less momentum)"
    )


def test_zigzagging_steps_that_do_not_close_in_name_both_causes() -> None:
    # y flips sign every step by a factor 1 - 20 lr: -1, as at a kink, where no rate helps.
    assert advice(0.1) == (
        "the last steps zigzag (most reverse the one before) and the gradient norm did not "
        "fall by 1 % (20 to 20): either the learning rate is too large for this valley (try a "
        "smaller one, with momentum also less momentum), or f has a kink there (as |x| has "
        "at 0), where the gradient does not shrink and no learning rate meets tol: a smaller "
        "one only brings x nearer the kink"
    )


@pytest.mark.parametrize(("lr", "fold"), [(0.095, "2.58"), (0.09, "7.15")])
def test_zigzagging_steps_that_close_in_ask_for_more_steps(lr: float, fold: str) -> None:
    # Near the best rate for this valley, 2/(2 + 20) = 0.0909, the steps zigzag in y
    # (factor -0.9, -0.8) while closing in: a smaller rate is slower (REVIEW7).
    assert advice(lr) == (
        "the last steps zigzag across a valley, and the gradient norm fell "
        f"{fold}-fold over them; try more steps"
    )


@pytest.mark.parametrize("lr", [0.05, 0.01, 0.001])
def test_a_loss_still_falling_asks_for_more_steps(lr: float) -> None:
    assert advice(lr) == (
        "the loss is still falling; try more steps or a larger learning rate (if f has no "
        "minimum, as x or exp(-x) has none, no number of steps reaches one)"
    )


def test_a_loss_that_stops_falling_without_zigzag_says_so() -> None:
    # One coordinate that flips sign exactly every step (lr 0.1 on 10 y**2) beside
    # one that has stopped: the loss holds at 10 and every step reverses.
    message = calcweb.minimize(lambda p: 10 * p[0] ** 2, [1.0], lr=0.1, steps=12).message
    assert "zigzag" in message
    # A run sitting at its rounding floor, with a tol below it: the loss is flat,
    # the steps do not reverse (each is the same tiny rounding step or none).
    flat = calcweb.minimize(lambda x: (x - 1) ** 2 + 1e8, 3.0, lr=0.1, steps=200, tol=1e-300)
    assert flat.message.endswith(
        "the loss stopped falling steadily in the last steps; if it bounces with falling "
        "peaks, try more steps; if its peaks do not fall, a smaller learning rate (with "
        "momentum, also less momentum); if it rests at its rounding floor, a larger tol"
    ), flat.message
    # Heavy-ball momentum circling the minimum: the loss rises and falls.
    assert advice(0.01, momentum=0.9).startswith("the loss stopped falling"), advice(0.01)


@pytest.mark.parametrize(
    ("kind", "hyper", "grad", "why", "default"),
    [
        (calcweb.Adam, {}, 1e-200, "the square of the gradient 1e-200 underflows to 0", "1e-08"),
        (
            calcweb.Adagrad,
            {},
            0.0,
            "the gradient is 0 and so is the average of the squared gradients",
            "1e-10",
        ),
        (
            calcweb.RMSprop,
            {"alpha": 1.0},
            1.0,
            "the average of the squared gradients is 0",
            "1e-08",
        ),
        (
            calcweb.RMSprop,
            {"alpha": 0.0, "centered": True},
            1.0,
            "the average of the squared gradients is 0",
            "1e-08",
        ),
    ],
)
def test_dividing_by_0_says_why(
    kind: type[calcweb.Optimizer], hyper: dict[str, float], grad: float, why: str, default: str
) -> None:
    p = Value(1.0)
    opt = kind([p], eps=0.0, **hyper)  # type: ignore[call-arg]
    p.grad = grad
    with pytest.raises(calcweb.DivisionByZeroError) as raised:
        opt.step()
    message = str(raised.value)
    assert (
        f"divides by 0: with eps=0 nothing keeps what it divides by above 0, and {why}" in message
    )
    assert message.endswith(f"(torch's default for {kind.__name__} is {default})"), message
    assert p.data == 1.0  # nothing changed
