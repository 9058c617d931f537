"""REVIEW8: minimize's advice, the eps=0 refusals and Value's comparisons, against runs.

* A zigzag whose gradient norm fell less than 2-fold over the last steps was said
  to overshoot "without closing in": at lr 0.098 on x**2 + 10 y**2 it fell from
  5.64 to 3.91 (0.96 a step), and on x**2 + 100 y**2 at lr 0.0098, near the best
  rate 2/202, from 0.094 to 0.069 while J reached 3.7e-4 in 200 steps.
* A loss that stopped falling was told only "a smaller learning rate" if it
  bounces: Adam at lr 0.1 on x**2 bounces with falling peaks (J 8.6e-6 after 100
  steps) and converges in 300; lr 0.01 gives J 0.05 after 100.
* eps=0 said "the gradients so far are all 0" after a gradient of 1 where
  RMSprop's alpha=0 (Adam's betas[1]=0) keeps only the last one, and blamed
  underflow or alpha where weight_decay * theta cancelled the gradient.
* Value's comparisons were said to give a plain bool; against a numpy number
  they give numpy's bool.
* limit's slow-call stop said "its cost grows as x approaches x0" after one slow
  call, which one stall of a busy machine makes too (sin(x)/x with one call 1.1 s).
"""

from __future__ import annotations

import math
import time

import pytest

from calcweb import (
    Adam,
    DivisionByZeroError,
    NumericalError,
    RMSprop,
    Value,
    limit,
    limits,
    minimize,
)


def _advice(f: object, x0: object, **keywords: object) -> str:
    message = minimize(f, x0, **keywords).message  # type: ignore[arg-type]
    assert message.startswith("took all"), message
    return message.split(": ", 1)[1]


def test_a_zigzag_that_closes_in_slowly_is_not_said_to_stay_put() -> None:
    said = _advice(lambda p: p[0] ** 2 + 10 * p[1] ** 2, [-2.0, 1.0], lr=0.098, steps=40)
    assert "without closing in" not in said
    assert "closing in slowly (the gradient norm went from 5.64 to 3.91" in said


def test_near_the_best_rate_of_a_narrow_valley_the_norm_still_falls() -> None:
    valley = [lambda p: p[0] ** 2 + 100 * p[1] ** 2, [1.0, 1.0]]
    said = _advice(*valley, lr=0.0098, steps=200)
    assert "(the gradient norm went from 0.094 to 0.0685 over them)" in said
    assert minimize(*valley, lr=0.0098, steps=200).fun < 4e-4  # type: ignore[arg-type]


def test_a_bounce_with_falling_peaks_is_told_to_take_more_steps() -> None:
    said = _advice(lambda x: x * x, 1.0, optimizer="adam", lr=0.1, steps=100)
    assert "if it bounces with falling peaks, try more steps" in said
    # ... which works, where the smaller rate it was told before does not yet.
    assert minimize(lambda x: x * x, 1.0, optimizer="adam", lr=0.1, steps=300).converged
    slower = minimize(lambda x: x * x, 1.0, optimizer="adam", lr=0.01, steps=100)
    assert slower.fun > 0.01


def _refusal(optimizer: object, grads: list[float]) -> str:
    x = Value(1.0)
    opt = optimizer([x])  # type: ignore[operator]
    for grad in grads[:-1]:
        x.grad = grad
        opt.step()
    x.grad = grads[-1]
    with pytest.raises(DivisionByZeroError) as raised:
        opt.step()
    return str(raised.value)


@pytest.mark.parametrize(
    "optimizer",
    [
        lambda p: RMSprop(p, alpha=0.0, eps=0.0),
        lambda p: Adam(p, betas=(0.9, 0.0), eps=0.0),
    ],
)
def test_a_zero_gradient_after_a_nonzero_one_is_not_called_all_zero(optimizer: object) -> None:
    said = _refusal(optimizer, [1.0, 0.0])
    assert "the gradients so far are all 0" not in said
    assert "forgotten with RMSprop's alpha=0 or Adam's betas[1]=0" in said


def test_weight_decay_that_cancels_the_gradient_is_named() -> None:
    said = _refusal(lambda p: Adam(p, weight_decay=1.0, eps=0.0), [-1.0])  # g = -1 + 1 * 1
    assert "or weight_decay * theta cancels the gradient" in said


def test_comparisons_with_numpy_numbers_give_numpy_s_bool_as_the_docstring_says() -> None:
    np = pytest.importorskip("numpy", reason="numpy is an optional oracle (absent in Pyodide)")
    assert type(Value(1.0) < 2.0) is bool
    assert type(Value(1.0) < np.float64(2.0)) is np.bool_
    assert "against a numpy number or array, numpy's" in " ".join(str(Value.__doc__).split())


def test_a_stall_at_one_point_is_not_said_to_prove_the_cost_grows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "SLOW_CALL", 0.02)
    calls = []

    def stalls_at_one_point(x: float) -> float:
        calls.append(x)
        if len(calls) in {30, 31}:  # the slow call, and the same point timed again
            time.sleep(0.05)  # stalls, as a busy machine makes
        return math.sin(x) / x

    with pytest.raises(NumericalError) as raised:
        limit(stalls_at_one_point, 0.0)
    assert calls[29] == calls[30]  # the point was timed again
    said = str(raised.value)
    assert "so limit stopped: if its cost grows as x approaches x0" in said
    assert "If the machine was only busy, call limit again" in said
