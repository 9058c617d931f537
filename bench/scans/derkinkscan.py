"""Small kinks: first derivatives of smooth + c relu(a (t - x0)) or smooth + c |a (t - x0)|.

``python bench/scans/derkinkscan.py SEED N [--show] [--order 2]``

Each draw: a smooth part of one or two terms (a quadratic with dyadic or random
coefficients, A sin(w t + p), A exp(b t), A atan(b t)), a kink at x0 (0, a
dyadic, or +-10**U(-2, 1)) whose slope jump is 10**U(-8, -1) times the smooth
slope at x (at least 1 in size), and x = x0 (half the draws: no derivative,
refusing is right) or x = x0 + d, d = +-10**U(-9, -1.5) max(1, |x0|) (a few
steps off the kink or more: the derivative exists, mpmath's smooth slope plus
the kink's side). Method "auto" (f is written with `math`, so Richardson).

At the kink an answer is a LIE unless twice its error reaches both one-sided
slopes; near it, unless the true error is at most twice the reported one.
Counted: at kink (lie / refused), near it (lie / refused / ok), and the
evaluations of the answers (median, mean). ``--show`` prints every lie and
every refusal near the kink.

With ``--order 2`` the kink is one of ``f'``: ``c relu(u)**2`` or ``c u |u|``
(``u = a (t - x0)``), whose jump in ``f''`` is drawn as above against the
smooth part's ``f''``, and the second derivative is asked for.
"""

from __future__ import annotations

import math
import random
import statistics
import sys

import mpmath

import calcweb as cw

mpmath.mp.dps = 40
DYADIC = [-2.0, -1.5, -1.0, -0.5, -0.25, 0.25, 0.5, 1.0, 1.5, 2.0]


def _smooth_term(rng: random.Random):
    """(f, mpmath f) of one smooth term."""
    kind = rng.choice(["dyadic_quad", "quad", "sin", "exp", "atan"])
    if kind == "dyadic_quad":
        p, q, r = (rng.choice(DYADIC) for _ in range(3))
        return (lambda t: r * (q * t + p) ** 2), (lambda t: r * (q * t + p) ** 2)
    if kind == "quad":
        p, q, r = (rng.uniform(-3, 3) for _ in range(3))
        return (lambda t: p + q * t + r * t * t), (lambda t: p + q * t + r * t * t)
    a, w, p = rng.uniform(0.3, 3), 10 ** rng.uniform(-0.5, 1.3), rng.uniform(0, 6.3)
    if kind == "sin":
        return (lambda t: a * math.sin(w * t + p)), (lambda t: a * mpmath.sin(w * t + p))
    if kind == "exp":
        b = rng.choice([-1, 1]) * 10 ** rng.uniform(-0.5, 0.7)
        return (lambda t: a * math.exp(b * t)), (lambda t: a * mpmath.exp(b * t))
    return (lambda t: a * math.atan(w * t)), (lambda t: a * mpmath.atan(w * t))


def draw(rng: random.Random, order: int = 1):
    """(label, f, x, at_kink, slopes): slopes the two one-sided ones, equal off the kink.

    Of order 2, "slopes" are the one-sided second derivatives.
    """
    terms = [_smooth_term(rng) for _ in range(rng.randint(1, 2))]
    where = rng.random()
    x0 = (
        0.0
        if where < 0.3
        else rng.choice(DYADIC)
        if where < 0.5
        else (rng.choice([-1, 1]) * 10 ** rng.uniform(-2, 1))
    )
    at_kink = rng.random() < 0.5
    x = x0 if at_kink else x0 + rng.choice([-1, 1]) * 10 ** rng.uniform(-9, -1.5) * max(1, abs(x0))
    smooth = mpmath.diff(lambda t: sum(m(t) for _, m in terms), mpmath.mpf(x), order)
    jump = 10 ** rng.uniform(-8, -1) * max(1.0, abs(float(smooth)))
    a = rng.choice([-1, 1]) * 10 ** rng.uniform(-1, 1)
    shape = rng.choice(["relu", "abs"])
    # the kink's jump in f^(order) is c |a|**order (relu), 2 c |a|**order (abs): that much
    c = jump / abs(a) ** order / (2 if shape == "abs" else 1) * rng.choice([-1, 1])

    def kink(u: float) -> float:
        if order == 1:
            return max(u, 0.0) if shape == "relu" else abs(u)
        return max(u, 0.0) ** 2 / 2 if shape == "relu" else u * abs(u) / 2

    def f(t: float) -> float:
        return sum(g(t) for g, _ in terms) + c * kink(a * (t - x0))

    # the kink's derivative of order `order` on each side of x0 (right, left): that of
    # relu(u) (or relu(u)**2 / 2) is c a**order where u > 0; of |u| (u |u| / 2), +- it
    power = c * a**order
    if shape == "relu":
        right, left = (power, 0.0) if a > 0 else (0.0, power)
    else:
        right, left = (power, -power) if a > 0 else (-power, power)
    if at_kink:
        slopes = (smooth + right, smooth + left)
    else:
        side = right if x > x0 else left
        slopes = (smooth + side, smooth + side)
    label = f"{shape} jump={jump:.3g} x0={x0!r} x={x!r}"
    return label, f, x, at_kink, slopes


def main() -> None:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    show = "--show" in sys.argv
    order = int(sys.argv[sys.argv.index("--order") + 1]) if "--order" in sys.argv else 1
    rng = random.Random(seed)  # noqa: S311  (seeded draws)
    tally = dict.fromkeys(("kink_lie", "kink_refused", "near_lie", "near_refused", "near_ok"), 0)
    calls = []
    for _ in range(count):
        label, f, x, at_kink, slopes = draw(rng, order)
        place = "kink" if at_kink else "near"
        try:
            r = cw.derivative(f, x, order, full_output=True)
        except cw.CalcwebError as e:
            tally[f"{place}_refused"] += 1
            if show and not at_kink:
                print(f"REFUSED {label}: {type(e).__name__} {str(e)[:100]}")
            continue
        calls.append(r.nfev)
        off = max(abs(r.value - s) for s in slopes)
        if off > 2 * r.error and off != 0:
            tally[f"{place}_lie"] += 1
            if show:
                print(
                    f"LIE {label}: {r.value!r} +- {r.error:.3g}, slopes {[float(s) for s in slopes]}"
                )
        elif not at_kink:
            tally["near_ok"] += 1
    mean = statistics.mean(calls) if calls else 0
    median = statistics.median(calls) if calls else 0
    print(f"seed={seed} N={count} order={order} {tally} nfev median={median} mean={mean:.1f}")


if __name__ == "__main__":
    main()
