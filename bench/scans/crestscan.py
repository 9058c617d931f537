"""Fast sines at their crests and zeros: derivatives of sin(k t + c), k up to 1e7 (mpmath oracle).

``python bench/scans/crestscan.py SEED N [--order n] [--at crest|zero] [--mode one|line|axis]
[--show-refused]``

Each draw: k = 10**U(1, 7) rounded to 0.01, c = U(0, 2 pi) rounded to 1e-4,
and a point near t = U(-1, 1) where k t + c is a crest of the sine
(pi/2 + m pi; ``--at crest``, the default) or a zero of its n-th derivative
(m pi for even n, pi/2 + m pi for odd n; ``--at zero``), moved off it by
+-10**U(-16, -1) / k. There a far window of steps, many periods long, can
show the n-th derivative as 0 (it is 0 or k**n there) and k t + c rounded
makes f noisy. ``--order`` (default 1) is n. ``--mode``: ``one`` (default)
calls `derivative` on f itself; ``line`` and ``axis`` on f(p[0]) along
[1, 0] at [t, 0.3] as `calcweb.multivariate` restricts it (``multivariate._along``,
without and with ``axis``), the result scaled back to t. Session 16's DER19
scans (crestscan, crestscan_n, crestscan_z) with the same draws. Prints as
`_tally.Scan` does, and before the counts the evaluations (nfev) of the
answers, total and median (DER19's total counted the answers too);
``--show-refused`` prints each refusal too (``REFUSED`` lines), to compare
two versions of calcweb call by call.
"""

import argparse
import dataclasses
import math
import statistics
import sys

import mpmath
from _tally import Scan

import calcweb as cw
from calcweb import multivariate

mpmath.mp.dps = 40
M = mpmath
parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("seed", type=int, nargs="?", default=1)
parser.add_argument("n", type=int, nargs="?", default=300)
parser.add_argument("--order", type=int, default=1)
parser.add_argument("--at", choices=["crest", "zero"], default="crest")
parser.add_argument("--mode", choices=["one", "line", "axis"], default="one")
parser.add_argument("--show-refused", action="store_true")
options = parser.parse_args()
sys.argv[1:] = [str(options.seed), str(options.n)]  # what Scan reads
order = options.order
# k t + c at the point drawn: pi/2 mod pi (a crest), or where the n-th derivative
# (k**n sin(k t + c + n pi/2)) is 0.
phase = 0.0 if options.at == "zero" and order % 2 == 0 else math.pi / 2


evaluations = []  # nfev of each answer (refused calls raise and are not counted)


def counted(call, scale=0):
    """``call``, its nfev noted, its full_output result's value and error times 2**(scale * order)."""

    def wrapped(*args, **kwargs):
        result = call(*args, **kwargs)
        evaluations.append(result.nfev)
        return dataclasses.replace(
            result,
            value=math.ldexp(result.value, scale * order),
            error=math.ldexp(result.error, scale * order),
        )

    return wrapped


scan = Scan(show_refused=options.show_refused)
for rng in scan.draws():
    k = round(10 ** rng.uniform(1, 7), 2)
    c = round(rng.uniform(0, 2 * math.pi), 4)
    target = rng.uniform(-1, 1)
    m = round((k * target + c - phase) / math.pi)
    x = (phase + m * math.pi - c) / k + rng.choice([-1, 1]) * 10 ** rng.uniform(-16, -1) / k

    def f(t, k=k, c=c):
        return math.sin(k * t + c)

    true = M.mpf(k) ** order * M.sin(M.mpf(k) * M.mpf(x) + M.mpf(c) + order * M.pi / 2)
    label = f"sin({k!r} t + {c!r}) n={order} x={x!r}"
    if options.mode == "one":
        scan.ask(label, true, counted(cw.derivative), f, x, order, full_output=True)
    else:
        line, scale = multivariate._along(
            lambda p, f=f: f(p[0]), [x, 0.3], [1.0, 0.0], axis=options.mode == "axis"
        )
        scan.ask(label, true, counted(cw.derivative, scale), line, line.at, order, full_output=True)
print(
    f"nfev of the answers: total {sum(evaluations)}, median {statistics.median(evaluations or [0])}"
)
scan.report()
