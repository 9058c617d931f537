"""The flushed functions g of `flatshiftscan` and `gradflatscan`: each flat to the last bit
past a point, with its mpmath form and where it flushes."""

import math

import mpmath

M = mpmath


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0.0 else math.exp(z) / (1.0 + math.exp(z))


# name, g, mpmath's g, and (flush point, farthest |z|) on each side: (-1: z < 0, +1: z > 0)
GS = {
    "cdf": (
        lambda z: 0.5 * (1.0 + math.erf(z / math.sqrt(2.0))),
        M.ncdf,
        {-1: (8.3, 37.5), 1: (8.3, 37.5)},
    ),
    "tanh": (math.tanh, M.tanh, {-1: (19.1, 350.0), 1: (19.1, 350.0)}),
    "logistic": (_logistic, lambda z: 1 / (1 + M.exp(-z)), {-1: (745.2, 745.5), 1: (36.8, 700.0)}),
    "erfc": (math.erfc, M.erfc, {-1: (5.95, 26.7), 1: (27.3, 27.5)}),
}
