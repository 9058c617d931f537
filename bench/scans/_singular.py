"""What `intsingscan` and `intbetweenscan` share: the smooth factors and terms of their draws,
the exact integral across a singular point in mpmath, and f made safe for quad."""

import math

import mpmath

mpmath.mp.dps = 30
M = mpmath.mpf

FACTORS = [
    ("1", lambda _: 1.0, lambda _: M(1)),
    ("cos x", math.cos, mpmath.cos),
    ("exp(-x/2)", lambda x: math.exp(-x / 2), lambda x: mpmath.exp(-x / 2)),
    ("(1 + x**2)", lambda x: 1 + x * x, lambda x: 1 + x * x),
    ("(2 + sin 3x)", lambda x: 2 + math.sin(3 * x), lambda x: 2 + mpmath.sin(3 * x)),
]
TERMS = [
    ("", lambda _: 0.0, lambda _: M(0)),
    (" + sin x", math.sin, mpmath.sin),
    (" + x**2", lambda x: x * x, lambda x: x * x),
]


def exact(f_mp, a, c, b, k):
    """The integral of f_mp over [a, b] in mpmath, each side of c by x = c -+ u**k.

    f_mp(x, d, side) takes |x - c| as d, which c + u**k - c would round away next to c, and
    the side of c as -1 or 1.
    With k = 1/(1 - p) the substitution takes |x - c|**-p to a smooth integrand (3 for the
    log): mpmath's tanh-sinh alone is off by 1e-7 on |x - c|**-0.786 at 30 digits.
    """
    c, k = M(c), M(k)
    total = M(0)
    for end, sign in ((M(a), -1), (M(b), 1)):
        reach = abs(end - c) ** (1 / k)
        total += mpmath.quad(
            lambda u, sign=sign: f_mp(c + sign * u**k, u**k, sign) * k * u ** (k - 1), [0, reach]
        )
    return total


def forgiving(f):
    """f for quad, 0 where it fails (quad samples the midpoint, which c may be)."""

    def safe(x):
        try:
            return f(x)
        except (ZeroDivisionError, ValueError):
            return 0.0

    return safe
