"""A fast term beside a large slow one (DERFAST's families), at a chosen order.

``PYTHONPATH=. python bench/scans/fasttermscan.py SEED N [--family F] [--order n]``

Each draw, as OUTSIDER8's fuzzer (session 26) drew them: ``a = U(0.5, 2)``,
``c = 10**U(-2, 1)``, and by family (default ``sin``):

- ``sin``: ``c s**3 + sin(a s**2)`` at ``x = 10**U(1, 3)``;
- ``pow``: ``c s**p + sin(a s**2)``, ``p`` in {2, 4}, at ``x = 10**U(1, 3)``;
- ``cube``: ``c s**4 + sin(a s**3)`` at ``x = 10**U(1, 2)``.

``--order`` (default 1) is n. f is written with `math` ("auto" is
Richardson); the exact value is mpmath's at 60 digits (skipped where it
disagrees with 120). Prints as `_tally.Scan` does.
"""

from __future__ import annotations

import math
import sys

import mpmath
from _tally import Scan

import calcweb as cw


def _option(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


FAMILY = _option("--family", "sin")
ORDER = int(_option("--order", "1"))


def _exact(f_mp, x: float) -> mpmath.mpf | None:
    """f^(ORDER)(x) by mpmath, or None where 60 and 120 digits disagree."""
    values = []
    for dps in (60, 120):
        with mpmath.workdps(dps):
            values.append(mpmath.diff(f_mp, mpmath.mpf(x), ORDER))
    if abs(values[1] - values[0]) > 1e-25 * abs(values[1]):
        return None
    return values[1]


scan = Scan()
for rng in scan.draws():
    x = 10 ** rng.uniform(1, 3)
    a, c = rng.uniform(0.5, 2), 10 ** rng.uniform(-2, 1)
    p = rng.choice([2, 4])
    if FAMILY == "sin":
        power, fast = 3, 2
    elif FAMILY == "pow":
        power, fast = p, 2
    else:
        x = 10 ** rng.uniform(1, 2)
        power, fast = 4, 3

    def f(s: float, a: float = a, c: float = c, power: int = power, fast: int = fast) -> float:
        return c * s**power + math.sin(a * s**fast)

    def f_mp(s, a=a, c=c, power=power, fast=fast):
        return c * s**power + mpmath.sin(a * s**fast)

    true = _exact(f_mp, x)
    if true is None:
        scan.skip()
        continue
    label = f"{c!r} s**{power} + sin({a!r} s**{fast}) n={ORDER} x={x!r}"
    scan.ask(label, true, cw.derivative, f, x, ORDER, full_output=True)
scan.report()
