"""Optimisation: torch's optimisers, gradient clipping and ``minimize``.

* `calcweb.optim.optimizers`: ``SGD``, ``Adam``, ``AdamW``, ``RMSprop``, ``Adagrad``.
* `calcweb.optim.clip`: ``clip_grad_norm``.
* `calcweb.optim.descent`: ``minimize`` and its ``OptimizeResult``.

Examples:
    >>> from calcweb.optim import minimize
    >>> minimize(lambda x: (x - 1) ** 2, 0.0, lr=0.5, steps=5).x
    1.0
"""

from __future__ import annotations

from calcweb.optim.clip import clip_grad_norm
from calcweb.optim.descent import OptimizeResult, minimize
from calcweb.optim.optimizers import SGD, Adagrad, Adam, AdamW, Optimizer, RMSprop

__all__ = [
    "SGD",
    "Adagrad",
    "Adam",
    "AdamW",
    "OptimizeResult",
    "Optimizer",
    "RMSprop",
    "clip_grad_norm",
    "minimize",
]
