"""Neuron, Layer, MLP and the losses: shapes, reproducibility, activations, errors."""

from __future__ import annotations

import math

import pytest

import calcweb
from calcweb import (
    MLP,
    Layer,
    Neuron,
    Value,
    binary_cross_entropy,
    cross_entropy,
    l1_penalty,
    l2_penalty,
    mse_loss,
)


def test_same_seed_same_weights_and_torch_linear_bounds() -> None:
    a, b = MLP(3, [5, 2], seed=7), MLP(3, [5, 2], seed=7)
    assert [p.data for p in a.parameters()] == [p.data for p in b.parameters()]
    assert [p.data for p in a.parameters()] != [p.data for p in MLP(3, [5, 2], seed=8).parameters()]
    assert len(a.parameters()) == (3 * 5 + 5) + (5 * 2 + 2)
    assert all(abs(p.data) <= 1 / math.sqrt(3) for p in a.layers[0].parameters())
    assert all(abs(p.data) <= 1 / math.sqrt(5) for p in a.layers[1].parameters())


def test_output_shapes() -> None:
    assert isinstance(MLP(2, [3, 1], seed=0)([1.0, 2.0]), Value)
    out = MLP(2, [3, 4], seed=0)([1.0, 2.0])
    assert isinstance(out, list)
    assert len(out) == 4
    assert len(Layer(2, 3, seed=0)([1.0, 2.0])) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("activation", "phi", "dphi"),
    [
        ("tanh", math.tanh, lambda z: 1 - math.tanh(z) ** 2),
        (
            "sigmoid",
            lambda z: 1 / (1 + math.exp(-z)),
            lambda z: math.exp(-z) / (1 + math.exp(-z)) ** 2,
        ),
        ("relu", lambda z: max(z, 0.0), lambda z: float(z > 0)),
        ("softplus", lambda z: math.log1p(math.exp(z)), lambda z: 1 / (1 + math.exp(-z))),
        ("linear", lambda z: z, lambda z: 1.0),
        (None, lambda z: z, lambda z: 1.0),
    ],
)
def test_neuron_is_activation_of_w_dot_x_plus_b_and_backprop_uses_phi_prime_of_z(
    activation: str | None, phi: object, dphi: object
) -> None:
    n = Neuron(2, activation, seed=0)
    n.w[0].data, n.w[1].data, n.b.data = 0.5, -1.0, 0.25
    x = [Value(2.0), 0.3]
    z = 0.5 * 2.0 - 1.0 * 0.3 + 0.25
    out = n(x)
    out.backward()
    assert math.isclose(out.data, phi(z), rel_tol=1e-15)  # type: ignore[operator]
    slope = dphi(z)  # type: ignore[operator]
    assert math.isclose(n.w[0].grad, slope * 2.0, rel_tol=1e-15)
    assert math.isclose(n.w[1].grad, slope * 0.3, rel_tol=1e-15)
    assert math.isclose(n.b.grad, slope, rel_tol=1e-15)
    assert math.isclose(x[0].grad, slope * 0.5, rel_tol=1e-15)  # type: ignore[union-attr]


def test_zero_grad_clears_every_parameter() -> None:
    model = MLP(2, [3, 1], seed=1)
    model([1.0, -1.0]).backward()  # type: ignore[union-attr]
    assert any(p.grad for p in model.parameters())
    model.zero_grad()
    assert not any(p.grad for p in model.parameters())


def test_repr() -> None:
    assert repr(MLP(2, [4, 1], activation="relu")) == "MLP(2, [4, 1], activation='relu')"
    assert repr(Layer(2, 3)) == "Layer(2, 3, activation='tanh')"
    assert repr(Neuron(2, None)) == "Neuron(2, activation='linear')"


def test_bad_arguments() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="unknown activation"):
        MLP(2, [3, 1], activation="gelu")
    with pytest.raises(calcweb.InvalidArgumentError, match="takes 2 inputs but got 3"):
        MLP(2, [3, 1], seed=0)([1.0, 2.0, 3.0])
    with pytest.raises(calcweb.InvalidArgumentError, match="nin"):
        Neuron(0)
    with pytest.raises(calcweb.InvalidArgumentError, match="nouts"):
        MLP(2, [])
    with pytest.raises(calcweb.ArgumentTypeError, match="numbers or Values"):
        Neuron(1, seed=0)(["a"])  # type: ignore[list-item]


# ---------------------------------------------------------------- losses


def test_cross_entropy_is_stable_for_huge_logits_and_its_gradient_is_softmax_minus_one_hot() -> (
    None
):
    z = [Value(1000.0), Value(999.0), Value(-1000.0)]
    loss = cross_entropy(z, 0)
    loss.backward()
    assert math.isclose(loss.data, math.log1p(math.exp(-1.0)), rel_tol=1e-15)
    p1 = 1 / (1 + math.e)
    assert math.isclose(z[0].grad, -p1, rel_tol=1e-14)
    assert math.isclose(z[1].grad, p1, rel_tol=1e-14)
    assert z[2].grad == 0.0


def test_cross_entropy_batch_averages_over_samples() -> None:
    rows = [[Value(0.0), Value(0.0)], [Value(2.0), Value(0.0)]]
    mean = cross_entropy(rows, [0, 1])
    total = cross_entropy(rows, [0, 1], reduction="sum")
    assert math.isclose(mean.data, total.data / 2)
    assert math.isclose(total.data, math.log(2) + 2 + math.log1p(math.exp(-2)))


def test_binary_cross_entropy_of_a_saturated_sigmoid_is_large_but_finite() -> None:
    p = Value(40.0).sigmoid()
    assert p.data == 1.0
    loss = binary_cross_entropy(p, 0.0)
    assert loss.data == 100.0  # torch clamps log at -100


def test_losses_check_their_arguments() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="2 predictions and 1 targets"):
        mse_loss([Value(1.0), Value(2.0)], [1.0])
    with pytest.raises(calcweb.DomainError, match=r"\[0, 1\]"):
        binary_cross_entropy(Value(1.5), 1.0)
    with pytest.raises(calcweb.InvalidArgumentError, match="class index"):
        cross_entropy([Value(1.0), Value(2.0)], 2)
    with pytest.raises(calcweb.InvalidArgumentError, match="reduction"):
        mse_loss(Value(1.0), 0.0, reduction="none")
    with pytest.raises(calcweb.ArgumentTypeError, match="numbers or Values"):
        mse_loss(Value(1.0), "0")  # type: ignore[arg-type]


def test_l2_penalty_gradient_equals_sgd_weight_decay() -> None:
    # loss + l2_penalty(w, c) and SGD(weight_decay=2c) take the same step.
    w1, w2 = Value(1.5), Value(1.5)
    c = 0.05
    opt1, opt2 = calcweb.SGD([w1], lr=0.1), calcweb.SGD([w2], lr=0.1, weight_decay=2 * c)
    (w1**2 + l2_penalty([w1], c)).backward()
    (w2**2).backward()
    opt1.step()
    opt2.step()
    assert math.isclose(w1.data, w2.data, rel_tol=1e-15)
    assert l1_penalty([Value(-2.0), Value(3.0)]).data == 5.0


def test_numpy_targets_and_class_indices_work() -> None:
    np = pytest.importorskip("numpy", reason="numpy is an optional oracle (absent in Pyodide)")
    z = [Value(1.0), Value(2.0)]
    assert cross_entropy(z, np.int64(1)).data == cross_entropy(z, 1).data
    assert mse_loss(z, np.array([1.0, 2.0])).data == 0.0


# ---------------------------------------------------------------- initialisation


def moments(layer: Layer) -> tuple[float, float, float]:
    """Mean, variance and kurtosis of a layer's weights."""
    ws = [w.data for n in layer.neurons for w in n.w]
    mean = math.fsum(ws) / len(ws)
    variance = math.fsum((w - mean) ** 2 for w in ws) / len(ws)
    kurtosis = math.fsum((w - mean) ** 4 for w in ws) / len(ws) / variance**2
    return mean, variance, kurtosis


NIN, NOUT = 400, 300  # 120 000 weights


@pytest.mark.parametrize(
    ("init", "variance", "uniform"),
    [
        ("xavier_uniform", 6 / (NIN + NOUT) / 3, True),  # U(-a, a) has variance a**2 / 3
        ("kaiming_uniform", 6 / NIN / 3, True),
        ("xavier_normal", 2 / (NIN + NOUT), False),
        ("kaiming_normal", 2 / NIN, False),
        (0.01, 0.01**2, False),
        ("default", 1 / NIN / 3, True),
    ],
)
def test_initial_weights_have_torchs_variance_and_distribution(
    init: str | float, variance: float, uniform: bool
) -> None:
    layer = Layer(NIN, NOUT, seed=2026, init=init)
    n = NIN * NOUT
    mean, var, kurtosis = moments(layer)
    # Five standard errors of each estimate (seeded, so the draw is fixed): the
    # sample variance has variance (mu4 - sigma**4) / n, with mu4 = 9/5 sigma**4
    # for a uniform and 3 sigma**4 for a normal distribution.
    mu4 = (1.8 if uniform else 3.0) * variance**2
    assert abs(mean) <= 5 * math.sqrt(variance / n)
    assert abs(var - variance) <= 5 * math.sqrt((mu4 - variance**2) / n)
    # The kurtosis tells a uniform (1.8) from a normal (3) distribution.
    assert abs(kurtosis - (1.8 if uniform else 3.0)) < 0.1
    ws = [w.data for neuron in layer.neurons for w in neuron.w]
    if uniform:
        bound = math.sqrt(3 * variance)
        assert max(abs(w) for w in ws) <= bound
        assert max(abs(w) for w in ws) > 0.999 * bound
    biases = [neuron.b.data for neuron in layer.neurons]
    if init == "default":
        assert max(abs(b) for b in biases) <= 1 / math.sqrt(NIN)
        assert len(set(biases)) == NOUT
    else:
        assert biases == [0.0] * NOUT


def test_every_layer_of_an_mlp_uses_its_own_sizes_and_the_default_is_unchanged() -> None:
    model = MLP(50, [200, 100, 1], seed=3, init="kaiming_normal")
    for layer, nin in zip(model.layers, [50, 200, 100], strict=True):
        _, var, _ = moments(layer)
        count = len(layer.neurons) * nin
        assert abs(var - 2 / nin) <= 6 * math.sqrt(2 * (2 / nin) ** 2 / count) + 1e-12
    default = MLP(3, [4, 1], seed=5)
    assert [p.data for p in MLP(3, [4, 1], seed=5, init="default").parameters()] == [
        p.data for p in default.parameters()
    ]
    assert [p.data for p in MLP(3, [4, 1], seed=5, init="xavier_uniform").parameters()] == [
        p.data for p in MLP(3, [4, 1], seed=5, init="xavier_uniform").parameters()
    ]
    assert repr(MLP(2, [1], init=0.5)) == "MLP(2, [1], activation='tanh', init=0.5)"
    assert repr(Layer(2, 3, init="xavier_normal")) == (
        "Layer(2, 3, activation='tanh', init='xavier_normal')"
    )
    assert all(p.data == 0.0 for p in MLP(2, [3, 1], init=0).parameters())


@pytest.mark.parametrize(
    ("init", "error", "needle"),
    [
        ("he", calcweb.InvalidArgumentError, "unknown init"),
        ("Xavier_uniform", calcweb.InvalidArgumentError, "unknown init"),
        (-0.1, calcweb.InvalidArgumentError, ">= 0"),
        (math.nan, calcweb.InvalidArgumentError, "finite"),
        (math.inf, calcweb.InvalidArgumentError, "finite"),
        (True, calcweb.ArgumentTypeError, "standard deviation"),
        (None, calcweb.ArgumentTypeError, "standard deviation"),
        (["xavier_uniform"], calcweb.ArgumentTypeError, "standard deviation"),
        (10**400, calcweb.NumericalError, "too large"),
    ],
)
def test_a_bad_init_gets_a_calcweb_error(init: object, error: type[Exception], needle: str) -> None:
    with pytest.raises(error, match=needle):
        MLP(2, [3, 1], init=init)  # type: ignore[arg-type]
    with pytest.raises(error, match=needle):
        Layer(2, 3, init=init)  # type: ignore[arg-type]
