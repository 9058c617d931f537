"""``higher``: derivatives of order 2 to 6 by Richardson (`derivative(f, x, n)`, f
written with math, so "auto" differentiates numerically), against mpmath.

Smooth functions (sin, exp, log, tan, atan, sqrt, 1/(1 + x^2), exp(sin x),
x^3 cos x, log(1 + x^2), tanh) at x = ±10^u, u uniform in [-3, 1.5], inside each
function's domain and away from its poles, with n uniform in 2..6.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import mpmath

from ._tally import Tally

# name: (f on floats, f on mpmath numbers, whether x must be positive)
FUNCTIONS: dict[str, tuple[Callable[[float], float], Callable[[Any], Any], bool]] = {
    "sin": (math.sin, mpmath.sin, False),
    "exp": (math.exp, mpmath.exp, False),
    "log": (math.log, mpmath.log, True),
    "tan": (math.tan, mpmath.tan, False),
    "atan": (math.atan, mpmath.atan, False),
    "sqrt": (math.sqrt, mpmath.sqrt, True),
    "1/(1+x^2)": (lambda x: 1.0 / (1.0 + x * x), lambda x: 1 / (1 + x * x), False),
    "exp(sin x)": (lambda x: math.exp(math.sin(x)), lambda x: mpmath.exp(mpmath.sin(x)), False),
    "x^3 cos x": (lambda x: x**3 * math.cos(x), lambda x: x**3 * mpmath.cos(x), False),
    "log(1+x^2)": (lambda x: math.log(1.0 + x * x), lambda x: mpmath.log(1 + x * x), False),
    "tanh": (math.tanh, mpmath.tanh, False),
}


def _near_a_pole_of_tan(x: float) -> bool:
    return abs(math.cos(x)) < 1e-3


def search(seed: int, draws: int) -> Tally:
    """Orders 2 to 6 of smooth functions, by Richardson."""
    tally = Tally("higher", seed)
    names = sorted(FUNCTIONS)
    for rng in tally.drawing(draws):
        name = rng.choice(names)
        f, exact_f, positive = FUNCTIONS[name]
        x = 10.0 ** rng.uniform(-3, 1.5)
        if not positive:
            x *= rng.choice([1, -1])
        n = rng.randint(2, 6)
        if name == "tan" and _near_a_pole_of_tan(x):
            tally.other["skipped (next to a pole of tan)"] += 1
            continue
        exact = mpmath.diff(exact_f, mpmath.mpf(x), n)
        tally.ask_derivative(f"{name} n={n} at x={x!r}", f, x, n, exact)
    return tally
