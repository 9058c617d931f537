"""`derivative` of a steep smooth term beside a slow term of a huge argument (input stairs).

``python bench/scans/stairmixscan.py SEED N`` (default 1 300). Each draw: ``A
exp(k t) + B g(X + c t)`` at 0, with k = +-10**U(1, 6), A = 10**U(-2, 2), X =
+-10**U(5, 13), B = 10**U(-1, 1), c = U(0.3, 3), g one of sin, cos, atan,
tanh(u / X), log|u|. ``X + c t`` rounds ``c t`` to ulp(X): alone, ``g(X + c t)``
is a staircase whose smooth slope derivative answers honestly; beside the steep
``exp(k t)`` the walk's steps can shrink under one stair, where g's part is
constant. The exact value: the smooth ``k A + B c g'(X)`` in mpmath from the
float X. OUTSIDER11's dstair.py (session 28) as a `_tally.Scan`: it found 29,
27 and 16 lies of 200 (seeds 1-3), all with g = sin or cos. Session 29
(`calcweb._richardson._missed_stairs`): 10, 11, 6, 16, 11, 12 and 12 of 200
(seeds 1-7; 25, 24, 14, 23, 17, 17 and 24 before), 15 of the 21 on seeds 1-2 with
stairs wider than the steep term's scale 1 / |k|. Session 30 (three-row fits,
`calcweb._richardson._ThreeRowFit`, and `_unheard_stairs`): 8, 9, 6, 15, 10, 9
and 12, 14 of the 17 on seeds 1-2 with stairs wider than 1 / |k|. Session 32
(the slope of the walk's farthest points where the steep term died away,
`calcweb._richardson._far_stairs`): 1, 1, 1, 3, 0, 1 and 0 (seeds 1-7; 8, 9,
7, 15, 10, 9 and 12 before; seeds 8-12: 9, 11, 8, 15 and 8 -> 0, 1, 0, 0 and
1), all seven left on seeds 1-7 with k w below 0.02, and no refusal added.
"""

import functools
import math
from collections.abc import Callable

import mpmath
from _tally import Scan

import calcweb as cw

mpmath.mp.dps = 50


def mixed(
    t: float, *, a: float, k: float, b: float, g: Callable[[float], float], big: float, c: float
) -> float:
    """The steep term and the slow one of a huge argument, as the draw wrote them."""
    return a * math.exp(k * t) + b * g(big + c * t)


scan = Scan(show_refused=True, median_calls=True)
for rng in scan.draws():
    k = 10 ** rng.uniform(1, 6) * rng.choice([1, -1])
    a = 10 ** rng.uniform(-2, 2)
    big = 10 ** rng.uniform(5, 13) * rng.choice([1, -1])
    b = 10 ** rng.uniform(-1, 1)
    c = rng.uniform(0.3, 3)
    kind = rng.choice(["sin", "cos", "atan", "tanh", "log"])
    g = {
        "sin": math.sin,
        "cos": math.cos,
        "atan": math.atan,
        "tanh": lambda u, big=big: math.tanh(u / big),
        "log": lambda u: math.log(abs(u)),
    }[kind]
    slope = {
        "sin": mpmath.cos,
        "cos": lambda u: -mpmath.sin(u),
        "atan": lambda u: 1 / (1 + u * u),
        "tanh": lambda u, big=big: (1 - mpmath.tanh(u / big) ** 2) / big,
        "log": lambda u: 1 / u,
    }[kind]

    f = functools.partial(mixed, a=a, k=k, b=b, g=g, big=big, c=c)
    true = k * a + b * c * slope(mpmath.mpf(big))
    scan.ask(
        f"{a!r}*exp({k!r}*t)+{b!r}*{kind}({big!r}+{c!r}*t) at 0",
        true,
        cw.derivative,
        f,
        0.0,
        full_output=True,
    )
scan.report()
