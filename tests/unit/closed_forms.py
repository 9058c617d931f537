"""Closed forms of derivatives that several test files check against.

>>> round(tan_derivative(0.0, 1), 12), round(tan_derivative(0.0, 3), 12)
(1.0, 2.0)
"""

from __future__ import annotations

import math


def tan_derivative(x: float, n: int) -> float:
    """The n-th derivative of tan, as a polynomial in t = tan x: P' (1 + t^2) each order."""
    poly = [0.0, 1.0]  # coefficients of t**k
    for _ in range(n):
        derived = [k * poly[k] for k in range(1, len(poly))] + [0.0, 0.0]
        poly = [derived[k] + (derived[k - 2] if k >= 2 else 0.0) for k in range(len(derived))]
    t = math.tan(x)
    return sum(c * t**k for k, c in enumerate(poly))
