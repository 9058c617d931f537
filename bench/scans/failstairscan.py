"""A flushed output's stair between the far look's last flat point and where f starts failing.

``jacobian(lambda p: [cdf((p[0] - s) / w), exp(p[0] - c)], full_output=True)([0.0])``
(mpmath oracle): the cdf is 0 at 0 and leaves 0 at its stair, ``D = s - 8.37 w`` from 0;
f fails (exp overflows) from ``F = c + 709.78`` on (``c`` is 0, or 10**U(0, 3)), and
``w = 10**U(-2, 2)``. ``D`` is drawn log-uniform between 3 and ``F`` (default), or with
``--near``, ``F`` times ``1 - 10**U(-6, -1)``: within 10 % to 1e-6 of where f fails.
A draw is a LIE when the cdf's entry is off by more than twice its error. Usage:
``PYTHONPATH=. python bench/scans/failstairscan.py SEED N [--near]``; prints each lie and
the counts, with the median calls of f.
"""

import math
import random
import sys

import mpmath

import calcweb as cw

mpmath.mp.dps = 40
FLUSHED_BELOW = 8.374388923067455  # the cdf is 0 below -this (its float value)


def _cdf(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def main() -> None:
    rng = random.Random(int(sys.argv[1]))  # noqa: S311 (seeded draws)
    number = int(sys.argv[2])
    near = "--near" in sys.argv[3:]
    lies = refused = 0
    calls = []
    for _ in range(number):
        fails = 709.78 + rng.choice([0.0, 10 ** rng.uniform(0, 3)])
        c = fails - 709.78
        w = 10 ** rng.uniform(-2, 2)
        if near:
            distance = fails * (1 - 10 ** rng.uniform(-6, -1))
        else:
            distance = 10 ** rng.uniform(math.log10(3.0), math.log10(fails))
        s = distance + FLUSHED_BELOW * w

        def f(p, s=s, w=w, c=c):
            return [_cdf((p[0] - s) / w), math.exp(p[0] - c)]

        true = mpmath.npdf(-mpmath.mpf(s) / w) / w
        try:
            result = cw.jacobian(f, full_output=True)([0.0])
        except cw.CalcwebError:
            refused += 1
            continue
        calls.append(result.nfev)
        value, error = result.value[0][0], result.error[0][0]
        if abs(value - true) > 2 * error:
            lies += 1
            print(f"LIE s={s!r} w={w!r} c={c!r} stair at {distance:.6g}, f fails from {fails:.6g}: "
                  f"{value!r} +- {error:.3g}, true {float(true):.6g}")  # fmt: skip
    calls.sort()
    median = calls[len(calls) // 2] if calls else 0
    print(f"lies {lies} refused {refused} of {number}, median calls {median}")


main()
