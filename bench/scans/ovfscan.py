"""Limits at +-infinity of f that overflows inside before its limit shows (exact limits in closed form).

``python bench/scans/ovfscan.py SEED N`` (default 1 300). Each draw is one of
these families, written with ``math`` as a student would, so that ``exp``,
``**`` or ``gamma`` raise OverflowError from some x on (at -inf, x -> -x):

* ``c + a x**p/exp(b x)`` (p in 0.5 .. 40, b in 0.05 .. 3): ``c``;
* ``c + a r**x/s**x`` (0 < r < s): ``c``;
* ``(r**x + s**x)**(1/x)``: ``max(r, s)``;
* ``c + a x**p/gamma(x/k)``: ``c``;
* ``c + a x**p/exp(b x**q)`` (q in 1.5 .. 3): ``c``;
* ``a exp(b x)/x**p``: ``+-inf`` (the sign of ``a``);
* ``c + a log(sinh(b x))/(b x)`` (rises onto its limit, then sinh overflows):
  ``c + a``;
* traps: ``exp(-x) + a exp(x - K)`` (falls, then grows from x = K/2, K in
  100 .. 700): ``+-inf``; ``c + a cos(x) x**p/exp(b x)`` (sign changes): ``c``.

``c`` is 0 (half the draws) or +-10**U(-3, 3), ``a`` +-10**U(-3, 3). Counted as
every scan counts (`_tally.Scan`): a right limit within twice its error (or
exactly), inf for inf, is ``ok``; a refusal (a CalcwebError or
converged=False) ``refused``; anything else ``dishonest``.
"""

import math
import random

from _tally import Scan

import calcweb as cw


def family(rng: random.Random):  # noqa: PLR0911 - one return a family
    """(label, f, limit at +inf) for one draw."""
    c = 0.0 if rng.random() < 0.5 else rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 3)
    a = rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 3)
    p = round(rng.uniform(0.5, 40), 2)
    b = round(10 ** rng.uniform(-1.3, 0.5), 3)
    kind = rng.choice(
        ["powexp", "ratio", "rootsum", "gamma", "superexp", "grow", "trap", "cos", "logsinh"]
    )
    if kind == "powexp":
        return f"{c!r} + {a!r}*x**{p}/exp({b}*x)", lambda x: c + a * x**p / math.exp(b * x), c
    if kind == "ratio":
        r, s = sorted(round(rng.uniform(1.01, 20), 2) for _ in range(2))
        if r == s:
            s += 0.5
        return f"{c!r} + {a!r}*{r}**x/{s}**x", lambda x: c + a * r**x / s**x, c
    if kind == "rootsum":
        r, s = (round(rng.uniform(1.01, 20), 2) for _ in range(2))
        return f"({r}**x + {s}**x)**(1/x)", lambda x: (r**x + s**x) ** (1 / x), max(r, s)
    if kind == "gamma":
        k = rng.choice([1, 2, 3])
        return f"{c!r} + {a!r}*x**{p}/gamma(x/{k})", lambda x: c + a * x**p / math.gamma(x / k), c
    if kind == "superexp":
        q = round(rng.uniform(1.5, 3), 2)
        return (
            f"{c!r} + {a!r}*x**{p}/exp({b}*x**{q})",
            lambda x: c + a * x**p / math.exp(b * x**q),
            c,
        )
    if kind == "grow":
        return (
            f"{a!r}*exp({b}*x)/x**{p}",
            lambda x: a * math.exp(b * x) / x**p,
            math.copysign(math.inf, a),
        )
    if kind == "logsinh":
        return (
            f"{c!r} + {a!r}*log(sinh({b}*x))/({b}*x)",
            lambda x: c + a * math.log(math.sinh(b * x)) / (b * x),
            c + a,
        )
    if kind == "trap":
        k = round(rng.uniform(100, 700), 1)
        return (
            f"exp(-x) + {a!r}*exp(x - {k})",
            lambda x: math.exp(-x) + a * math.exp(x - k),
            math.copysign(math.inf, a),
        )
    return (
        f"{c!r} + {a!r}*cos(x)*x**{p}/exp({b}*x)",
        lambda x: c + a * math.cos(x) * x**p / math.exp(b * x),
        c,
    )


def main() -> None:
    scan = Scan(show_refused=True, infinite=True, median_calls=True)
    for rng in scan.draws():
        label, g, true = family(rng)
        x0 = rng.choice([math.inf, -math.inf])
        f = g if x0 > 0 else (lambda x, g=g: g(-x))
        label = label if x0 > 0 else label.replace("x", "(-x)").replace("e(-x)p", "exp")
        scan.ask(f"{label} at {x0}", true, cw.limit, f, x0, full_output=True)
    scan.report()


if __name__ == "__main__":
    main()
