r"""Neurons, layers and multi-layer perceptrons built from `calcweb.nn.Value`.

A neuron computes the pre-activation $z = w \cdot x + b$ and returns
$\phi(z)$ for its activation $\phi$. The derivative of each
activation is a function of that same pre-activation z:

| activation | value $\phi(z)$              | derivative $\phi'(z)$           |
|------------|------------------------------|---------------------------------|
| tanh       | $\tanh z$                    | $1 - \tanh^2 z$                 |
| sigmoid    | $\sigma(z) = 1/(1+e^{-z})$   | $\sigma(z)\,(1 - \sigma(z))$    |
| relu       | $\max(0, z)$                 | 1 for $z > 0$, else 0           |
| softplus   | $\log(1 + e^z)$              | $\sigma(z)$                     |
| linear     | $z$                          | 1                               |

$\sigma'(z) = \sigma(z)(1-\sigma(z))$ takes the pre-activation $z$. Written
with the neuron's output $a = \sigma(z)$ it is $a(1 - a)$. The classic slips
mix the two: $z(1 - z)$, the output's formula applied to the pre-activation,
or $\sigma'$ evaluated at the output ($\sigma'(a) \ne a(1-a)$).

The dot product $w \cdot x + b$ is a single node of the graph whose
local derivatives are $\partial z/\partial w_i = x_i$,
$\partial z/\partial x_i = w_i$ and $\partial z/\partial b = 1$:
the same chain rule as a chain of ``+`` and ``*``, with far fewer nodes.

The initial weights of a layer with $n_\text{in}$ inputs and $n_\text{out}$
neurons are drawn as ``torch.nn.init`` draws them (``init=`` of `Layer` and
`MLP`); every scheme but the default starts the biases at 0:

* ``"default"``: $U(-1/\sqrt{n_\text{in}}, 1/\sqrt{n_\text{in}})$ for weights
  and biases, as ``torch.nn.Linear`` does;
* ``"xavier_uniform"`` (Glorot): $U(-a, a)$ with
  $a = \sqrt{6/(n_\text{in} + n_\text{out})}$, torch's ``xavier_uniform_``;
* ``"xavier_normal"``: $N(0, 2/(n_\text{in} + n_\text{out}))$, ``xavier_normal_``;
* ``"kaiming_uniform"`` (He): $U(-a, a)$ with $a = \sqrt{6/n_\text{in}}$,
  ``kaiming_uniform_`` with its defaults (gain $\sqrt 2$, fan in);
* ``"kaiming_normal"``: $N(0, 2/n_\text{in})$, ``kaiming_normal_``;
* a number $s \ge 0$: $N(0, s^2)$, ``normal_(std=s)``; ``init=0.01`` gives
  small weights.

Both variances are chosen to keep the variance of the signal roughly the same
from layer to layer: Glorot and Bengio's $2/(n_\text{in} + n_\text{out})$ for
layers that are linear near 0 (tanh), He et al.'s $2/n_\text{in}$ for ReLU
layers, which zero about half of it.

Examples:
    >>> from calcweb.nn import MLP
    >>> model = MLP(2, [3, 1], seed=0)
    >>> len(model.parameters())          # (2*3 + 3) + (3*1 + 1)
    13
    >>> model([1.0, -2.0])
    Value(data=..., grad=0.0)
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from numbers import Integral, Real
from operator import mul
from typing import Any, cast

from calcweb._checks import check_flag, checking_arguments, listed, shown
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.jet import Jet
from calcweb.nn._scalars import real_number
from calcweb.nn.value import NO_GRADIENT, Value

__all__ = ["MLP", "Layer", "Module", "Neuron"]

Input = Value | float | Jet
Inputs = Sequence[Input] | Iterable[Input] | Input
Seed = int | random.Random | None

ACTIVATIONS: dict[str, Callable[[Value], Value] | None] = {
    "linear": None,
    "relu": Value.relu,
    "sigmoid": Value.sigmoid,
    "softplus": Value.softplus,
    "tanh": Value.tanh,
}

# A network of Values is for learning how backpropagation works: ten million
# parameters take about 2 GB and minutes per step. Larger sizes are refused
# at once instead of exhausting memory.
MAX_PARAMETERS = 10_000_000


def _activation(name: object) -> Callable[[Value], Value] | None:
    if name is None:
        return None
    if not isinstance(name, str):
        raise ArgumentTypeError(
            f"activation must be a name (a str) or None, but got {type(name).__name__} "
            f"{shown(name)}; choose one of {sorted(ACTIVATIONS)}"
        )
    if name not in ACTIVATIONS:
        raise InvalidArgumentError(
            f"unknown activation {name!r}; choose one of {sorted(ACTIVATIONS)} (or None for linear)"
        )
    return ACTIVATIONS[name]


def _size(n: object, name: str) -> int:
    """A layer size: a positive int (numpy ints too)."""
    if isinstance(n, bool) or not isinstance(n, Integral):
        raise ArgumentTypeError(
            f"{name} must be a positive int, but got {type(n).__name__} {shown(n)}; "
            "pass a whole number such as 2"
        )
    if n < 1:
        raise InvalidArgumentError(f"{name} must be a positive int, but got {n!r}")
    return int(n)


def _check_parameters(count: int) -> None:
    if count > MAX_PARAMETERS:
        raise InvalidArgumentError(
            f"this network would have {count} parameters; a network of calcweb Values "
            f"is for learning and is limited to {MAX_PARAMETERS:,} (each takes ~200 bytes "
            "and a Python-speed step): use fewer or smaller layers"
        )


def _rng(seed: object) -> random.Random:
    if isinstance(seed, random.Random):
        return seed
    if seed is not None and not isinstance(seed, Integral):
        raise ArgumentTypeError(
            f"seed must be an int, a random.Random or None, but got {type(seed).__name__} "
            f"{shown(seed)}; pass e.g. seed=0 for reproducible weights"
        )
    # Weight initialisation, not cryptography: a seeded PRNG is what reproducibility needs.
    return random.Random(None if seed is None else int(seed))  # noqa: S311


INITS = ("default", "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal")
"""The names ``init=`` accepts (besides a standard deviation)."""


def _init(init: object) -> str | float:
    """``init`` checked: one of `INITS`, or a standard deviation >= 0 as a float."""
    if isinstance(init, str):
        if init not in INITS:
            raise InvalidArgumentError(
                f"unknown init {init!r}; choose one of {list(INITS)} or pass a standard "
                "deviation such as init=0.01"
            )
        return init
    if isinstance(init, bool) or not isinstance(init, Real):
        raise ArgumentTypeError(
            f"init must be a name such as 'xavier_uniform' or a standard deviation (a number), "
            f"but got {type(init).__name__} {shown(init)}"
        )
    std = real_number(init, "init (a standard deviation)")
    if std < 0.0:
        raise InvalidArgumentError(
            f"init as a number is a standard deviation and must be >= 0, but got {std!r}"
        )
    return std


def _initialise(neurons: list[Neuron], init: str | float, rng: random.Random) -> None:
    """Redraw the weights of a layer's ``neurons`` by ``init`` as torch.nn.init does; biases 0.

    Like ``torch.nn.init.xavier_uniform_(layer.weight)`` after ``nn.Linear``
    has drawn its default weights: the default draws come first.
    """
    if init == "default":
        return
    nin, nout = len(neurons[0].w), len(neurons)
    uniform = {
        "xavier_uniform": math.sqrt(6.0 / (nin + nout)),
        "kaiming_uniform": math.sqrt(6.0 / nin),
    }
    normal = {
        "xavier_normal": math.sqrt(2.0 / (nin + nout)),
        "kaiming_normal": math.sqrt(2.0 / nin),
    }
    for neuron in neurons:
        for w in neuron.w:
            if isinstance(init, float):
                w.data = rng.normalvariate(0.0, init)
            elif init in uniform:
                w.data = rng.uniform(-uniform[init], uniform[init])
            else:
                w.data = rng.normalvariate(0.0, normal[init])
            if not math.isfinite(w.data):  # init=1e308: a draw a few deviations out overflows
                raise InvalidArgumentError(
                    f"init={init!r} draws weights beyond the float range (about 1.8e308); "
                    "pass a smaller standard deviation, such as init=0.01"
                )
        neuron.b.data = 0.0


def _wrong_count(items: list[object], nin: int) -> CalcwebError:
    """The error for ``nin`` inputs expected and ``items`` given: rows of a batch say so."""
    if not items or isinstance(items[0], (Value, Jet)) or listed(items[0]) is None:
        return InvalidArgumentError(
            f"this model takes {nin} inputs but got {len(items)}; pass a list of {nin} numbers"
        )
    rows = f"{len(items)} row{'s' * (len(items) != 1)}"
    return ArgumentTypeError(
        f"this model takes one sample of {nin} inputs per call, but got {rows} (a batch, or "
        "a 2-D array); for a batch, call the model once per sample ([model(row) for row in "
        f"X]); for one sample of shape (1, {nin}), flatten it (x[0], or x.ravel() for a numpy "
        "array)"
    )


def _inputs(x: object, nin: int) -> list[Input]:
    """The inputs of a layer as a list of Values and floats, checked once for all its neurons.

    Accepts a list, a tuple, a 1-D numpy array or any iterable of real numbers
    and Values; a single number or Value when there is one input.
    """
    single = not isinstance(x, bool) and isinstance(x, (Value, Jet, Real))
    items = [x] if single else listed(x)
    if items is None:
        raise ArgumentTypeError(
            f"the inputs must be a list of {nin} numbers or Values (a tuple or a 1-D numpy "
            f"array works too), but got {type(x).__name__} {shown(x)}"
        )
    if len(items) != nin:
        raise _wrong_count(items, nin)
    checked: list[Input] = []
    for i, v in enumerate(items):
        if type(v) is float or isinstance(v, (Value, Jet)):
            checked.append(v)
        elif not isinstance(v, bool) and isinstance(v, Real):
            checked.append(real_number(v, f"input {i}"))
        else:
            raise ArgumentTypeError(
                f"a neuron's inputs must be numbers or Values, but input {i} is "
                f"{type(v).__name__} {shown(v)}; for a batch, call the model once per sample"
            )
    if any(isinstance(v, Jet) for v in checked) and any(isinstance(v, Value) for v in checked):
        raise ArgumentTypeError(
            "a neuron's inputs mix Values and Jets; pass Values (reverse mode) or Jets "
            "(forward mode, as calcweb.jvp does), not both"
        )
    return checked


def _affine_jet(weights: list[Value], inputs: Sequence[Input], bias: Value) -> Jet:
    """The pre-activation w·x + b of jets (from calcweb.jvp): the weights are constants here."""
    total: Any = bias.data
    for w, x in zip(weights, inputs, strict=True):  # in the order of _affine
        total = total + w.data * x
    return cast(Jet, total)


def _affine(weights: list[Value], inputs: Sequence[Input], bias: Value) -> Value:
    """The node z = w·x + b, with one local derivative per input it depends on.

    ``inputs`` come from `_inputs` (floats and Values, as many as weights).
    """
    xs = [x if type(x) is float else x.data for x in inputs]  # type: ignore[union-attr]
    ws = [w.data for w in weights]
    # Bias first, then the products in order, as micrograd sums them. torch's
    # nn.Linear (BLAS) sums in another order: the last bits may differ.
    total = bias.data
    for product in map(mul, ws, xs):
        total += product
    if total - total:
        raise _affine_error(ws, xs, bias.data)
    values = [x for x in inputs if type(x) is not float]  # Values (of any subclass)
    if not values:  # numbers only: the first layer
        return Value(total, (bias, *weights), (1.0, *xs), "w·x+b")
    if len(values) == len(inputs):  # Values only: a hidden layer
        return Value(total, (bias, *weights, *values), (1.0, *xs, *ws), "w·x+b")  # type: ignore[arg-type]
    prev: list[Value] = [bias, *weights]
    local: list[float] = [1.0, *xs]
    for x, w in zip(inputs, ws, strict=True):
        if type(x) is not float:
            prev.append(x)  # type: ignore[arg-type]
            local.append(w)
    return Value(total, tuple(prev), tuple(local), "w·x+b")


def _affine_error(
    ws: list[float], xs: list[float], b: float
) -> InvalidArgumentError | NumericalError:
    """Why w·x + b is not finite: a NaN or infinite input or weight, or an overflow."""
    for i, x in enumerate(xs):
        if not math.isfinite(x):
            return InvalidArgumentError(
                f"input {i} of a neuron is {x!r}; pass finite numbers (check the data for "
                "NaN or inf)"
            )
    if not all(map(math.isfinite, [*ws, b])):
        return InvalidArgumentError(
            "a weight or bias of a neuron is not finite (did an optimiser diverge? try a "
            "smaller learning rate, then re-create the model)"
        )
    return NumericalError(
        "w·x + b of a neuron overflows a float (beyond about 1.8e308); scale the inputs "
        "down (normalise the data) or use a smaller learning rate"
    )


class Module:
    """Anything with trainable parameters: ``parameters()`` and ``zero_grad()``."""

    def parameters(self) -> list[Value]:
        """Every trainable ``Value`` of this module, in a fixed order."""
        return []

    @checking_arguments
    def zero_grad(self, set_to_none: bool = True) -> None:
        """Set the gradient of every parameter to zero before the next ``backward()``.

        As in torch, ``set_to_none=True`` (the default) marks each gradient as
        not yet computed: it reads 0.0, and an optimiser's ``step()`` skips a
        parameter no ``backward()`` reaches before it; ``set_to_none=False``
        writes 0.0, a gradient ``step()`` uses (see `calcweb.Optimizer.zero_grad`).
        """
        zero = NO_GRADIENT if check_flag(set_to_none, "set_to_none") else 0.0
        for p in self.parameters():
            p.grad = zero


class Neuron(Module):
    r"""One neuron: ``activation(w·x + b)``.

    Weights and bias start uniform in $[-1/\sqrt{n}, 1/\sqrt{n}]$ for n
    inputs, as ``torch.nn.Linear`` does.

    Args:
        nin: Number of inputs.
        activation: ``"tanh"``, ``"sigmoid"``, ``"relu"``, ``"softplus"`` or
            ``"linear"`` (also ``None``).
        seed: An int (or a ``random.Random``) for reproducible weights.

    Raises:
        ArgumentTypeError: ``nin`` is not an int, or ``activation`` or ``seed``
            has the wrong type.
        InvalidArgumentError: ``nin < 1`` or an unknown activation.

    Examples:
        >>> n = Neuron(2, activation="relu", seed=1)
        >>> n.w[0].data = 1.0; n.w[1].data = -1.0; n.b.data = 0.5
        >>> n([3.0, 1.0])
        Value(data=2.5, grad=0.0)
    """

    @checking_arguments
    def __init__(self, nin: int, activation: str | None = "tanh", *, seed: Seed = None) -> None:
        nin = _size(nin, "nin")
        _check_parameters(nin + 1)
        self._phi = _activation(activation)
        rng = _rng(seed)
        bound = 1.0 / math.sqrt(nin)
        self.w = [Value(rng.uniform(-bound, bound)) for _ in range(nin)]
        self.b = Value(rng.uniform(-bound, bound))
        self.activation = "linear" if activation is None else activation

    def __call__(self, x: Inputs) -> Value:
        """The neuron's output for the inputs ``x`` (a list, tuple or 1-D array).

        Raises:
            InvalidArgumentError: ``x`` has the wrong length or a NaN/inf entry.
            ArgumentTypeError: an input is not a number or a Value (a row of a
                batch: the model takes one sample per call).
        """
        return self._forward(_inputs(x, len(self.w)))

    def _forward(self, x: Sequence[Input]) -> Value:
        if any(isinstance(v, Jet) for v in x):  # forward mode: jets in, jets out
            jet = _affine_jet(self.w, x, self.b)
            out = jet if self._phi is None else getattr(jet, self.activation)()
            return cast(Value, out)  # a Jet, typed as what the reader usually gets
        z = _affine(self.w, x, self.b)
        return z if self._phi is None else self._phi(z)

    def parameters(self) -> list[Value]:
        """The weights, then the bias."""
        return [*self.w, self.b]

    def __repr__(self) -> str:
        return f"Neuron({len(self.w)}, activation={self.activation!r})"


class Layer(Module):
    """``nout`` neurons that read the same inputs.

    Args:
        nin: Number of inputs.
        nout: Number of neurons (outputs).
        activation: As for `Neuron`.
        seed: An int (or a ``random.Random``) for reproducible weights.
        init: How to draw the initial weights: ``"default"`` (``nn.Linear``'s),
            ``"xavier_uniform"``, ``"xavier_normal"``, ``"kaiming_uniform"``,
            ``"kaiming_normal"`` or a standard deviation (see the module).

    Calling a layer returns a list of ``nout`` Values, or a single Value when
    ``nout == 1``.

    Examples:
        >>> layer = Layer(100, 50, init="kaiming_normal", seed=0)
        >>> ws = [w.data for n in layer.neurons for w in n.w]
        >>> round(sum(w * w for w in ws) / len(ws), 2)   # variance 2 / nin
        0.02
    """

    @checking_arguments
    def __init__(
        self,
        nin: int,
        nout: int,
        activation: str | None = "tanh",
        *,
        seed: Seed = None,
        init: str | float = "default",
    ) -> None:
        nin = _size(nin, "nin")
        nout = _size(nout, "nout")
        _check_parameters(nout * (nin + 1))
        _activation(activation)
        scheme = _init(init)
        rng = _rng(seed)
        self.neurons = [Neuron(nin, activation, seed=rng) for _ in range(nout)]
        _initialise(self.neurons, scheme, rng)
        self.init = scheme

    def __call__(self, x: Inputs) -> Value | list[Value]:
        """The outputs of every neuron for the inputs ``x`` (a list, tuple or 1-D array)."""
        return self._forward(_inputs(x, len(self.neurons[0].w)))

    def _forward(self, x: Sequence[Input]) -> Value | list[Value]:
        out = [n._forward(x) for n in self.neurons]
        return out[0] if len(out) == 1 else out

    def parameters(self) -> list[Value]:
        """The parameters of each neuron in turn."""
        return [p for n in self.neurons for p in n.parameters()]

    def __repr__(self) -> str:
        n = self.neurons[0]
        shown_init = "" if self.init == "default" else f", init={self.init!r}"
        return f"Layer({len(n.w)}, {len(self.neurons)}, activation={n.activation!r}{shown_init})"


class MLP(Module):
    """A multi-layer perceptron: hidden layers with ``activation``, a linear last layer.

    Args:
        nin: Number of inputs.
        nouts: Size of each layer, the last one being the number of outputs;
            a single int is one layer (``MLP(2, 1)`` is ``MLP(2, [1])``, a
            linear model).
        activation: Activation of the hidden layers (see `Neuron`).
        seed: An int for reproducible initial weights (None: a fresh random start).
        init: How every layer draws its initial weights, as for `Layer`:
            ``"default"``, ``"xavier_uniform"``, ``"xavier_normal"``,
            ``"kaiming_uniform"``, ``"kaiming_normal"`` or a standard deviation.

    Calling the model on a list, tuple or 1-D numpy array of ``nin`` numbers
    returns a Value when the last layer has one neuron, else a list of Values.
    Called on `calcweb.Jet` inputs (as `calcweb.jvp` calls it), the weights
    are constants and the outputs are jets: ``jvp(model, x, v)`` is the
    derivative of the output along ``v`` in the input space.

    Raises:
        ArgumentTypeError: a size is not an int, or ``activation``, ``seed``
            or ``init`` has the wrong type.
        InvalidArgumentError: a size below 1, no layers, an unknown activation
            or init, or a negative standard deviation.

    Examples:
        >>> MLP(2, [4, 1], activation="relu", init="kaiming_uniform")
        MLP(2, [4, 1], activation='relu', init='kaiming_uniform')
        >>> model = MLP(2, [4, 1], activation="tanh", seed=0)
        >>> model
        MLP(2, [4, 1], activation='tanh')
        >>> out = model([0.5, -1.0])
        >>> out.backward()
        >>> any(p.grad != 0.0 for p in model.parameters())
        True
    """

    @checking_arguments
    def __init__(
        self,
        nin: int,
        nouts: Sequence[int] | int,
        activation: str | None = "tanh",
        *,
        seed: Seed = None,
        init: str | float = "default",
    ) -> None:
        nin = _size(nin, "nin")
        sizes = [nin, *_layer_sizes(nouts)]
        _check_parameters(sum(n * (m + 1) for m, n in pairwise(sizes)))
        _activation(activation)
        scheme = _init(init)
        rng = _rng(seed)
        last = len(sizes) - 2
        self.layers = [
            Layer(sizes[i], sizes[i + 1], None if i == last else activation, seed=rng, init=scheme)
            for i in range(len(sizes) - 1)
        ]
        shown_init = "" if scheme == "default" else f", init={scheme!r}"
        self._signature = f"{nin}, {sizes[1:]}, activation={activation!r}{shown_init}"

    def __call__(self, x: Inputs) -> Value | list[Value]:
        """The model's output for the inputs ``x``, layer after layer."""
        out = self.layers[0](x)
        for layer in self.layers[1:]:
            out = layer._forward([out] if isinstance(out, (Value, Jet)) else out)
        return out

    def parameters(self) -> list[Value]:
        """The parameters of each layer in turn."""
        return [p for layer in self.layers for p in layer.parameters()]

    def __repr__(self) -> str:
        return f"MLP({self._signature})"


def _layer_sizes(nouts: object) -> list[int]:
    """``nouts`` as a list of layer sizes; one int is one layer."""
    if not isinstance(nouts, bool) and isinstance(nouts, Integral):
        return [_size(nouts, "nouts")]
    refusal = ArgumentTypeError(
        f"nouts must list the size of each layer, e.g. [4, 1], but got "
        f"{type(nouts).__name__} {shown(nouts)}"
    )
    if isinstance(nouts, (str, bytes, dict)) or not hasattr(nouts, "__iter__"):
        raise refusal
    try:
        sizes = list(nouts)
    except TypeError as error:  # numpy's 0-d array has __iter__ but cannot iterate
        raise refusal from error
    if not sizes:
        raise InvalidArgumentError("nouts must list at least one layer size, e.g. [4, 1]")
    return [_size(n, f"nouts[{i}]") for i, n in enumerate(sizes)]
