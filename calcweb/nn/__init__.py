"""Backpropagation from scratch: ``Value``, neurons, layers, MLPs and losses.

* `calcweb.nn.value`: `Value`, scalar reverse-mode autodiff.
* `calcweb.nn.modules`: `Neuron`, `Layer`, `MLP`.
* `calcweb.nn.losses`: ``mse_loss``, ``binary_cross_entropy``,
  ``binary_cross_entropy_with_logits``, ``cross_entropy``, ``softmax``,
  ``log_softmax``, ``l1_penalty``, ``l2_penalty``.

Examples:
    >>> from calcweb.nn import MLP, mse_loss
    >>> model = MLP(1, [8, 1], seed=0)
    >>> loss = mse_loss([model([x]) for x in (0.0, 1.0)], [0.0, 1.0])
    >>> loss.backward()
"""

from __future__ import annotations

from calcweb.nn.losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    l1_penalty,
    l2_penalty,
    log_softmax,
    mse_loss,
    softmax,
)
from calcweb.nn.modules import MLP, Layer, Module, Neuron
from calcweb.nn.value import Value

__all__ = [
    "MLP",
    "Layer",
    "Module",
    "Neuron",
    "Value",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "l1_penalty",
    "l2_penalty",
    "log_softmax",
    "mse_loss",
    "softmax",
]
