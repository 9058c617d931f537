r"""Neurons, layers and multi-layer perceptrons built from `calcweb.nn.Value`.

A neuron computes the pre-activation $z = w \cdot x + b$ and returns
$\phi(z)$ for its activation $\phi$. The derivative of each
activation is a function of that same pre-activation z:

| activation | $\phi(z)$                    | $\phi'(z)$                      |
|------------|------------------------------|---------------------------------|
| tanh       | $\tanh z$                    | $1 - \tanh^2 z$                 |
| sigmoid    | $\sigma(z) = 1/(1+e^{-z})$   | $\sigma(z)\,(1 - \sigma(z))$    |
| relu       | $\max(0, z)$                 | 1 for $z > 0$, else 0           |
| softplus   | $\log(1 + e^z)$              | $\sigma(z)$                     |
| linear     | $z$                          | 1                               |

$\sigma'(z) = \sigma(z)(1-\sigma(z))$ takes the pre-activation $z$. Written
with the neuron's output $a = \sigma(z)$ it is $a(1 - a)$; the classic slip
is to evaluate $\sigma'$ at the output instead, and $\sigma'(a) \ne a(1-a)$.

The dot product $w \cdot x + b$ is a single node of the graph whose
local derivatives are $\partial z/\partial w_i = x_i$,
$\partial z/\partial x_i = w_i$ and $\partial z/\partial b = 1$:
the same chain rule as a chain of ``+`` and ``*``, with far fewer nodes.

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
from collections.abc import Callable, Sequence

from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError
from calcweb.nn.value import Value

__all__ = ["MLP", "Layer", "Module", "Neuron"]

Input = Value | float
Seed = int | random.Random | None

ACTIVATIONS: dict[str, Callable[[Value], Value] | None] = {
    "linear": None,
    "relu": Value.relu,
    "sigmoid": Value.sigmoid,
    "softplus": Value.softplus,
    "tanh": Value.tanh,
}


def _activation(name: str | None) -> Callable[[Value], Value] | None:
    key = "linear" if name is None else name
    if key not in ACTIVATIONS:
        raise InvalidArgumentError(
            f"unknown activation {name!r}; choose one of {sorted(ACTIVATIONS)} (or None for linear)"
        )
    return ACTIVATIONS[key]


def _rng(seed: Seed) -> random.Random:
    # Weight initialisation, not cryptography: a seeded PRNG is what reproducibility needs.
    return seed if isinstance(seed, random.Random) else random.Random(seed)  # noqa: S311


def _affine(weights: Sequence[Value], inputs: Sequence[Input], bias: Value) -> Value:
    """The node z = w·x + b, with one local derivative per input it depends on."""
    if len(inputs) != len(weights):
        raise InvalidArgumentError(
            f"this neuron takes {len(weights)} inputs but got {len(inputs)}; pass a list "
            f"of {len(weights)} numbers"
        )
    total = bias.data
    prev: list[Value] = [bias]
    local: list[float] = [1.0]
    for w, x in zip(weights, inputs, strict=True):
        if type(x) is Value:
            xd = x.data
            prev += (w, x)
            local += (xd, w.data)
        elif isinstance(x, (int, float)) and not isinstance(x, bool):
            xd = float(x)
            prev.append(w)
            local.append(xd)
        else:
            raise ArgumentTypeError(
                f"a neuron's inputs must be numbers or Values, but got {type(x).__name__} {x!r}"
            )
        total += w.data * xd
    return Value(total, tuple(prev), tuple(local), "w·x+b")


class Module:
    """Anything with trainable parameters: ``parameters()`` and ``zero_grad()``."""

    def parameters(self) -> list[Value]:
        """Every trainable ``Value`` of this module, in a fixed order."""
        return []

    def zero_grad(self) -> None:
        """Set the gradient of every parameter to zero before the next ``backward()``."""
        for p in self.parameters():
            p.grad = 0.0


class Neuron(Module):
    r"""One neuron: ``activation(w·x + b)``.

    Weights and bias start uniform in $[-1/\sqrt{n}, 1/\sqrt{n}]$ for n
    inputs, as ``torch.nn.Linear`` does.

    Args:
        nin: Number of inputs.
        activation: ``"tanh"``, ``"sigmoid"``, ``"relu"``, ``"softplus"`` or
            ``"linear"`` (also ``None``).
        seed: An int (or a ``random.Random``) for reproducible weights.

    Examples:
        >>> n = Neuron(2, activation="relu", seed=1)
        >>> n.w[0].data = 1.0; n.w[1].data = -1.0; n.b.data = 0.5
        >>> n([3.0, 1.0])
        Value(data=2.5, grad=0.0)
    """

    def __init__(self, nin: int, activation: str | None = "tanh", *, seed: Seed = None) -> None:
        if isinstance(nin, bool) or not isinstance(nin, int) or nin < 1:
            raise InvalidArgumentError(f"nin must be a positive int, but got {nin!r}")
        rng = _rng(seed)
        bound = 1.0 / math.sqrt(nin)
        self.w = [Value(rng.uniform(-bound, bound)) for _ in range(nin)]
        self.b = Value(rng.uniform(-bound, bound))
        self.activation = "linear" if activation is None else activation
        self._phi = _activation(activation)

    def __call__(self, x: Sequence[Input]) -> Value:
        """The neuron's output for the inputs ``x``."""
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

    Calling a layer returns a list of ``nout`` Values, or a single Value when
    ``nout == 1``.
    """

    def __init__(
        self, nin: int, nout: int, activation: str | None = "tanh", *, seed: Seed = None
    ) -> None:
        if isinstance(nout, bool) or not isinstance(nout, int) or nout < 1:
            raise InvalidArgumentError(f"nout must be a positive int, but got {nout!r}")
        rng = _rng(seed)
        self.neurons = [Neuron(nin, activation, seed=rng) for _ in range(nout)]

    def __call__(self, x: Sequence[Input]) -> Value | list[Value]:
        """The outputs of every neuron for the inputs ``x``."""
        out = [n(x) for n in self.neurons]
        return out[0] if len(out) == 1 else out

    def parameters(self) -> list[Value]:
        """The parameters of each neuron in turn."""
        return [p for n in self.neurons for p in n.parameters()]

    def __repr__(self) -> str:
        n = self.neurons[0]
        return f"Layer({len(n.w)}, {len(self.neurons)}, activation={n.activation!r})"


class MLP(Module):
    """A multi-layer perceptron: hidden layers with ``activation``, a linear last layer.

    Args:
        nin: Number of inputs.
        nouts: Size of each layer, the last one being the number of outputs.
        activation: Activation of the hidden layers (see `Neuron`).
        seed: An int for reproducible initial weights (None: a fresh random start).

    Calling the model returns a Value when the last layer has one neuron,
    else a list of Values.

    Examples:
        >>> model = MLP(2, [4, 1], activation="tanh", seed=0)
        >>> model
        MLP(2, [4, 1], activation='tanh')
        >>> out = model([0.5, -1.0])
        >>> out.backward()
        >>> any(p.grad != 0.0 for p in model.parameters())
        True
    """

    def __init__(
        self, nin: int, nouts: Sequence[int], activation: str | None = "tanh", *, seed: Seed = None
    ) -> None:
        if not nouts:
            raise InvalidArgumentError("nouts must list at least one layer size, e.g. [4, 1]")
        rng = _rng(seed)
        sizes = [nin, *nouts]
        last = len(nouts) - 1
        self.layers = [
            Layer(sizes[i], sizes[i + 1], None if i == last else activation, seed=rng)
            for i in range(len(nouts))
        ]
        self._signature = f"{nin}, {list(nouts)}, activation={activation!r}"

    def __call__(self, x: Sequence[Input]) -> Value | list[Value]:
        """The model's output for the inputs ``x``, layer after layer."""
        out = self.layers[0](x)
        for layer in self.layers[1:]:
            out = layer([out] if isinstance(out, Value) else out)
        return out

    def parameters(self) -> list[Value]:
        """The parameters of each layer in turn."""
        return [p for layer in self.layers for p in layer.parameters()]

    def __repr__(self) -> str:
        return f"MLP({self._signature})"
