"""A fast oscillation under a steep exponential, far from 1 at the point (DERFAST's family).

``PYTHONPATH=. python bench/scans/fastoffscan.py SEED N``

Each draw: ``x = ±U(0.05, 1)`` (4 significant digits), ``k = 10**U(1, 8)`` (6
digits), a phase ``p = U(0, 6.28)`` (5 digits), ``n`` uniform in 1..6, and a
rate ``a`` (5 digits) with ``a x = ±U(20, 700)``: ``f`` is ``e**±20`` to
``e**±700`` at ``x``, far larger or smaller than at the walk's first steps.
``f`` is one of ``exp(a t) sin(k t + p)``, ``exp(a t) cos(k t + p)`` and
``exp(a t) sin(k t + p) cos(k2 t)`` (``k2 = k / U(1.5, 20)``). The exact
value is closed-form in mpmath (60 digits) of the floats drawn:
``d**n/dt**n e**(a t) e**(i (k t + p))`` is ``(a + i k)**n`` times it, and a
product of sines is a sum of them. Prints as `_tally.Scan` does.
"""

from __future__ import annotations

import math

import mpmath
from _tally import Scan

import calcweb as cw

mpmath.mp.dps = 60


def _term(a: mpmath.mpf, k: mpmath.mpf, p: mpmath.mpf, x: mpmath.mpf, n: int) -> mpmath.mpc:
    """``d**n/dt**n`` of ``exp(a t) exp(i (k t + p))`` at ``x``, a complex mpmath number."""
    return (a + 1j * k) ** n * mpmath.exp(a * x) * mpmath.expj(k * x + p)


scan = Scan()
for rng in scan.draws():
    x = float(f"{rng.uniform(0.05, 1.0) * rng.choice([1, -1]):.4g}")
    k = float(f"{10 ** rng.uniform(1, 8):.6g}")
    p = float(f"{rng.uniform(0, 6.28):.5g}")
    n = rng.randint(1, 6)
    a = float(f"{rng.uniform(20, 700) * rng.choice([1, -1]) / x:.5g}")
    family = rng.choice(["sin", "cos", "sin cos"])
    k2 = float(f"{k / rng.uniform(1.5, 20):.6g}")
    am, km, pm, xm, k2m = (mpmath.mpf(v) for v in (a, k, p, x, k2))
    if family == "sin":
        true = _term(am, km, pm, xm, n).imag

        def f(t: float, a: float = a, k: float = k, p: float = p) -> float:
            return math.exp(a * t) * math.sin(k * t + p)

        label = f"exp({a!r} t) sin({k!r} t + {p!r})"
    elif family == "cos":
        true = _term(am, km, pm, xm, n).real

        def f(t: float, a: float = a, k: float = k, p: float = p) -> float:
            return math.exp(a * t) * math.cos(k * t + p)

        label = f"exp({a!r} t) cos({k!r} t + {p!r})"
    else:  # sin A cos B = (sin(A + B) + sin(A - B)) / 2
        true = (_term(am, km + k2m, pm, xm, n) + _term(am, km - k2m, pm, xm, n)).imag / 2

        def f(t: float, a: float = a, k: float = k, p: float = p, k2: float = k2) -> float:
            return math.exp(a * t) * math.sin(k * t + p) * math.cos(k2 * t)

        label = f"exp({a!r} t) sin({k!r} t + {p!r}) cos({k2!r} t)"
    scan.ask(f"{label} n={n} x={x!r}", true, cw.derivative, f, x, n, full_output=True)
scan.report()
