"""What an outsider who knows PyTorch found in the deep-learning half (session 27, OUTSIDER9).

The attack: calcweb against torch 2.13 in float64 on random differential tests
(optimiser trajectories over 60 steps with every option and a learning rate
changed mid-run, 3 x 400 configurations; losses, softmax and log_softmax with
their gradients on edge inputs, 1,800 cases; Value operations and activations
at their kinks and edges), Taylor coefficients against mpmath, SVG output parsed
as XML, and torch habits and hostile input on the public API. The numbers agree
(optimisers within 5e-13 relative, where torch does not give NaN), but for one
rule of torch's training loop; the findings, ordered by harm:

- A parameter that no loss reaches (a head left out of this step's loss) moves
  on in calcweb, where torch leaves it put: after ``zero_grad()`` torch's grad is
  None until a loss reaches it, and ``step()`` skips it; calcweb's grad is 0.0 and
  ``step()`` applies momentum, the moving averages and weight decay to it (b ends
  at 0.6244 where torch's stays at 1.6, with SGD momentum), and counts the steps
  it sat out in Adam's bias correction.
- An option that needs a buffer, switched on after steps were taken (Adam's
  ``amsgrad``, RMSprop's ``momentum`` or ``centered``: ``opt.momentum = 0.9``,
  as a schedule that ramps momentum does), made ``step()`` raise a bare KeyError
  from calcweb/optim. The expected trajectories are torch's with the buffer
  started at zeros, as torch starts it (tests/torch_reference/outsider9_torch.py;
  torch's own step raises KeyError too).
- torch keywords calcweb does not take (``cross_entropy(ignore_index=...)``,
  ``binary_cross_entropy_with_logits(pos_weight=...)``,
  ``clip_grad_norm(foreach=...)``) reach a bare TypeError, where the optimisers
  say ArgumentTypeError with the keywords they take.
- torch's optimiser API that calcweb lacked (``opt.param_groups``, as every
  learning-rate schedule writes, ``state_dict()``) was a bare AttributeError
  (now there: tests/unit/test_param_groups.py).
- A power that overflows says ``pow((2.0, 1024.0)) overflows``: a tuple inside
  the call's parentheses (also ``remainder_bound((x, M))``).
- A logit of -inf, torch's mask, is refused (rightly: calcweb's numbers are
  finite) with "NaN and infinity cannot be differentiated through", no word of
  the mask that works here (-1e9 gives torch's loss and gradient exactly).

All were fixed in session 27: their tests are unmarked, with comments saying
what happened before.
"""

from __future__ import annotations

import math
import pickle
from collections.abc import Callable
from typing import Any

import pytest

import calcweb as cw
from calcweb import Value

# --- a parameter no loss reaches --------------------------------------------------

# torch 2.13, float64, foreach=False, zero_grad() with torch's default set_to_none=True
# (tests/torch_reference/outsider9_torch.py): (a, b) after 4 steps on a**2 + b**2, then
# a**2 alone; and b after 2 steps of a**2 alone, then 2 of a**2 + b**2.
UNUSED = [
    ("SGD", {"lr": 0.1, "momentum": 0.9}, (-0.3086000000000001, 1.6), 0.9199999999999999),
    ("SGD", {"lr": 0.1, "weight_decay": 0.1}, (0.3895008099999999, 1.5799999999999998), 1.2482),
    ("Adam", {"lr": 0.1}, (0.6039390605737459, 1.90000000025), 1.800166486115701),
    ("AdamW", {"lr": 0.1}, (0.6005985741595427, 1.89800000025), 1.7962725886447977),
    (
        "RMSprop",
        {"lr": 0.01, "momentum": 0.5},
        (0.57913313548729, 1.9000000025),
        1.7809433303598639,
    ),
    (
        "Adagrad",
        {"lr": 0.1, "weight_decay": 0.1},
        (0.7362231326605477, 1.900000000002381),
        1.8311250538120551,
    ),
]


def _train(name: str, hyper: dict[str, Any], uses_b: Callable[[int], bool]) -> tuple[float, float]:
    a, b = Value(1.0), Value(2.0)
    opt = getattr(cw, name)([a, b], **hyper)
    for k in range(4):
        opt.zero_grad()
        loss = a * a + b * b if uses_b(k) else a * a
        loss.backward()
        opt.step()
    return a.data, b.data


@pytest.mark.parametrize(
    ("name", "hyper", "expected"),
    [pytest.param(n, h, ab, id=f"{n} {h}") for n, h, ab, _ in UNUSED],
)
def test_a_parameter_left_out_of_the_loss_stays_put_as_in_torch(
    name: str, hyper: dict[str, Any], expected: tuple[float, float]
) -> None:
    # Fixed in session 27; b moved on after it left the loss: to 0.6244 with SGD
    # momentum (torch: 1.6, where its last step left it), 1.739 with Adam (torch:
    # 1.9). torch's step() skips a parameter whose grad is None, as zero_grad()
    # leaves it until a loss reaches it; calcweb's zero_grad() wrote 0.0 and step()
    # applied momentum, moving averages and weight decay to it all the same (as
    # torch with zero_grad(set_to_none=False)).
    assert _train(name, hyper, lambda k: k == 0) == pytest.approx(expected, rel=1e-13)


@pytest.mark.parametrize(
    ("name", "hyper", "expected"),
    [
        pytest.param(n, h, late, id=f"{n} {h}")
        for n, h, _, late in UNUSED
        if "weight_decay" in h or n.startswith("Adam")  # the others start from 0 anyway
    ],
)
def test_a_parameter_the_loss_reaches_late_starts_where_torch_starts_it(
    name: str, hyper: dict[str, Any], expected: float
) -> None:
    # Fixed in session 27; Adam's bias correction counted the steps b sat out (step
    # 3 was b's third, not its first), and weight decay shrank it before any loss
    # reached it.
    assert _train(name, hyper, lambda k: k >= 2)[1] == pytest.approx(expected, rel=1e-13)


def test_zero_grad_without_none_still_moves_the_parameter_as_torch() -> None:
    # torch 2.13 with zero_grad(set_to_none=False): a gradient of 0 is stepped.
    a, b = Value(1.0), Value(2.0)
    opt = cw.SGD([a, b], lr=0.1, momentum=0.9)
    for k in range(4):
        opt.zero_grad(set_to_none=False)
        (a * a + b * b if k == 0 else a * a).backward()
        opt.step()
    assert (a.data, b.data) == pytest.approx((-0.3086000000000001, 0.6243999999999998), rel=1e-13)


def test_clipping_leaves_a_parameter_without_a_gradient_out() -> None:
    # torch 2.13: clip_grad_norm_ ignores a grad of None, so step() still skips b;
    # had clipping written 0.0 * scale into it, momentum would move b on.
    a, b = Value(1.0), Value(2.0)
    opt = cw.SGD([a, b], lr=0.1, momentum=0.9)
    for k in range(4):
        opt.zero_grad()
        (a * a + b * b if k == 0 else a * a).backward()
        cw.clip_grad_norm([a, b], 0.5)
        opt.step()
    assert (a.data, b.data) == pytest.approx((0.6426017925592143, 1.955278650450002), rel=1e-13)


def test_a_value_without_a_gradient_reads_zero_and_survives_pickling() -> None:
    v = Value(1.0)
    assert v.grad == 0.0
    assert repr(v) == "Value(data=1.0, grad=0.0)"
    copied = pickle.loads(pickle.dumps(v))  # noqa: S301  our own bytes
    opt = cw.SGD([copied], lr=0.1, weight_decay=0.5)
    opt.step()  # still no gradient: skipped, no decay
    assert copied.data == 1.0


# --- an option switched on mid-run ------------------------------------------------

GRADS = [0.5, -1.5, 2.0, 0.25, -0.75, 1.0]
TURNED_ON_AT = 2
# torch 2.13, float64, foreach=False, with the missing buffer given torch's zeros
# (tests/torch_reference/outsider9_torch.py).
TORCH_TRAJECTORIES = {
    "amsgrad": [
        0.900000002,
        0.9494189848877799,
        0.9229789628689872,
        0.895749200376369,
        0.8890070699408229,
        0.8652236496352341,
    ],
    "momentum": [
        1.9999996048181146e-07,
        0.9491581356924029,
        0.1630304158473965,
        -0.6427673932381794,
        -1.0838638808668153,
        -1.836670419237584,
    ],
    "centered": [
        1.9999996048181146e-07,
        0.9491581356924029,
        0.16058997648572726,
        0.06192723618769837,
        0.34648297786256377,
        -0.010688858640762244,
    ],
}


@pytest.mark.parametrize(
    ("make", "option", "on"),
    [
        pytest.param(lambda p: cw.Adam([p], lr=0.1), "amsgrad", True, id="Adam amsgrad"),
        pytest.param(lambda p: cw.RMSprop([p], lr=0.1), "momentum", 0.9, id="RMSprop momentum"),
        pytest.param(lambda p: cw.RMSprop([p], lr=0.1), "centered", True, id="RMSprop centered"),
    ],
)
def test_an_option_switched_on_mid_run_starts_its_buffer_as_torch_does(
    make: Callable[[Value], cw.Optimizer], option: str, on: object
) -> None:
    # Fixed in session 27; step() raised a bare KeyError ('max_exp_avg_sq',
    # 'momentum_buffer', 'grad_avg') from calcweb/optim: the state made at the first
    # step had no such buffer.
    p = Value(1.0)
    opt = make(p)
    path = []
    for k, g in enumerate(GRADS):
        if k == TURNED_ON_AT:
            setattr(opt, option, on)
        p.grad = g
        opt.step()
        path.append(p.data)
    assert path == pytest.approx(TORCH_TRAJECTORIES[option], rel=1e-13, abs=1e-15)


# --- torch keywords calcweb does not take -------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(
            lambda: cw.cross_entropy([[1.0, 2.0]], [0], ignore_index=-100),
            id="cross_entropy(ignore_index)",
        ),
        pytest.param(
            lambda: cw.binary_cross_entropy_with_logits([Value(1.0)], [0.0], pos_weight=2.0),
            id="bce_with_logits(pos_weight)",
        ),
        pytest.param(lambda: cw.binary_cross_entropy([0.5], [1.0], weight=[2.0]), id="bce(weight)"),
        pytest.param(lambda: cw.mse_loss([1.0], [0.0], size_average=True), id="mse(size_average)"),
        pytest.param(lambda: cw.softmax([1.0, 2.0], axis=0), id="softmax(axis)"),
        pytest.param(
            lambda: cw.clip_grad_norm([Value(1.0)], 1.0, foreach=None), id="clip(foreach)"
        ),
    ],
)
def test_a_torch_keyword_calcweb_does_not_take_is_a_calcweb_error(call: Callable[[], Any]) -> None:
    # Fixed in session 27; it was a bare "got an unexpected keyword argument
    # 'weight'", which names neither the keywords the function takes nor what to do.
    with pytest.raises(cw.ArgumentTypeError, match="unknown keyword argument") as caught:
        call()
    assert "it takes" in str(caught.value)


def test_a_type_error_from_inside_a_loss_is_not_called_a_wrong_keyword() -> None:
    # The refusal is only for a call that cannot bind: a bad entry is refused inside.
    with pytest.raises(cw.ArgumentTypeError, match="must be numbers or Values"):
        cw.mse_loss(["1.0"], [0.0])
    with pytest.raises(cw.ArgumentTypeError, match=r"missing 1 required positional argument"):
        cw.softmax()  # type: ignore[call-arg]


def test_a_misspelt_loss_keyword_is_named_with_the_one_meant() -> None:
    # Fixed in session 27; it was a bare "got an unexpected keyword argument
    # 'reductions'", no word of reduction.
    with pytest.raises(cw.ArgumentTypeError, match="did you mean reduction"):
        cw.mse_loss([1.0], [0.0], reductions="sum")  # type: ignore[call-arg]


# --- torch's mask: a logit of -inf ------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: cw.cross_entropy([0.0, -math.inf, 1.0], 0), id="cross_entropy"),
        pytest.param(lambda: cw.softmax([[0.0, -math.inf]]), id="softmax"),
        pytest.param(lambda: cw.log_softmax([Value(0.0), -math.inf]), id="log_softmax"),
    ],
)
def test_a_masked_logit_is_refused_with_the_mask_that_works(call: Callable[[], Any]) -> None:
    # Fixed in session 27. torch masks a class with a logit of -inf (softmax 0,
    # gradient 0); calcweb refuses it, rightly (a Value holds finite numbers), but
    # said only "NaN and infinity cannot be differentiated through: check where it
    # came from", no word of the mask that works here: a large negative logit, whose
    # softmax is exactly 0 too.
    with pytest.raises(cw.InvalidArgumentError, match="-1e9") as caught:
        call()
    assert "mask" in str(caught.value)


def test_the_mask_the_message_gives_is_torchs_answer() -> None:
    # torch 2.13: cross_entropy([0, -inf, 1], 0) = 1.3132616875182228, gradient
    # (-0.7310585786300049, 0, 0.7310585786300049).
    z = [Value(0.0), Value(-1e9), Value(1.0)]
    loss = cw.cross_entropy(z, 0)
    loss.backward()
    assert loss.data == pytest.approx(1.3132616875182228, rel=1e-15)
    assert [v.grad for v in z] == pytest.approx(
        [-0.7310585786300049, 0.0, 0.7310585786300049], rel=1e-15
    )


# --- the message of an overflowing power ----------------------------------------------


@pytest.mark.parametrize(
    ("call", "says"),
    [
        pytest.param(lambda: Value(2.0) ** 1024, "pow(2.0, 1024.0) overflows", id="Value ** 1024"),
        pytest.param(lambda: cw.pow(10.0, 400), "pow(10.0, 400.0) overflows", id="calcweb.pow"),
        pytest.param(
            lambda: cw.taylor(cw.exp, 0.0, 2).remainder_bound(1e300, 1e300),
            "remainder_bound(1e+300, 1e+300) is not a finite float",
            id="remainder_bound",
        ),
    ],
)
def test_an_overflowing_power_names_its_call_as_written(call: Callable[[], Any], says: str) -> None:
    # Fixed in session 27; the message said "pow((2.0, 1024.0)) overflows": the
    # arguments' tuple inside the call's own parentheses.
    with pytest.raises(cw.NumericalError) as caught:
        call()
    assert says in str(caught.value)
