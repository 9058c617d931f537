"""Limits whose expansions go in powers of ``1/sqrt(x)`` at +-inf, or of ``sqrt(h)`` at ``x0+``.

``python bench/scans/rootscan.py SEED N`` (default 1 300). Each draw is one of
these families, written with ``math`` as a student would, so that ``f`` cancels
more digits the closer ``x`` gets to ``x0`` (``u = 1/sqrt(x)`` at inf, the
limit in brackets):

* ``c + a (sqrt(x + b sqrt(x)) - sqrt(x))`` (``c + a b/2``);
* ``c + a (sqrt(x + sqrt(x + b sqrt(x))) - sqrt(x))`` (``c + a/2``);
* ``(1 + b/sqrt(x))**(k sqrt(x))`` (``exp(b k)``);
* ``c + a x**p log(1 + b/x**p)``, ``p`` in 1/4, 1/3, 1/2, 3/2 (``c + a b``);
* ``c + a x**p ((1 + b/x**p)**q - 1)`` (``c + a b q``);
* ``c + a sqrt(x) (exp(b/sqrt(x)) - 1)`` (``c + a b``);
* at 0+ and at ``d+`` (``t = x - d``): ``c + a (sqrt(1 + b sqrt(t)) - 1)/sqrt(t)``
  (``c + a b/2``), ``c + a log(1 + b sqrt(t))/sqrt(t)`` (``c + a b``),
  ``(1 + b sqrt(t))**(k/sqrt(t))`` (``exp(b k)``), ``c + a sin(b sqrt(t))/sqrt(t)``
  (``c + a b``).

At inf the case is asked at +inf, or at -inf with ``x -> -x``. ``c`` is 0
(half the draws) or +-10**U(-3, 3), ``a`` +-10**U(-3, 3), ``b`` 10**U(-1, 1),
``d`` 0 or +-10**U(-2, 3). Counted as every scan counts (`_tally.Scan`): a right limit within twice its
error (or exactly) is ``ok``; a refusal (a CalcwebError or converged=False)
``refused``; anything else ``dishonest``.
"""

import math
import random

import mpmath
from _tally import Scan

import calcweb as cw

AT_INF = ["root", "nested", "power", "log", "binom", "expm"]
AT_POINT = ["root0", "log0", "power0", "sin0"]


def at_inf(rng: random.Random, kind: str, c: float, a: float, b: float) -> tuple[str, object]:
    """(expression in x, exact limit at +inf) for one draw of ``kind``."""
    k = round(rng.uniform(0.5, 3), 2)
    p = rng.choice(["0.25", "(1/3)", "0.5", "1.5"])
    q = round(rng.uniform(-2, 3), 2)
    if kind == "root":
        return (
            f"{c!r} + {a!r}*(math.sqrt(x + {b!r}*math.sqrt(x)) - math.sqrt(x))",
            c + a * mpmath.mpf(b) / 2,
        )
    if kind == "nested":
        expr = f"{c!r} + {a!r}*(math.sqrt(x + math.sqrt(x + {b!r}*math.sqrt(x))) - math.sqrt(x))"
        return expr, c + mpmath.mpf(a) / 2
    if kind == "power":
        return f"(1 + {b!r}/math.sqrt(x))**({k}*math.sqrt(x))", mpmath.exp(
            mpmath.mpf(b) * mpmath.mpf(k)
        )
    if kind == "log":
        return f"{c!r} + {a!r}*x**{p}*math.log(1 + {b!r}/x**{p})", c + mpmath.mpf(a) * b
    if kind == "binom":
        return f"{c!r} + {a!r}*x**{p}*((1 + {b!r}/x**{p})**{q} - 1)", c + mpmath.mpf(
            a
        ) * b * mpmath.mpf(q)
    return f"{c!r} + {a!r}*math.sqrt(x)*(math.exp({b!r}/math.sqrt(x)) - 1)", c + mpmath.mpf(a) * b


def at_point(
    rng: random.Random, kind: str, c: float, a: float, b: float, *, d: float
) -> tuple[str, object]:
    """(expression in x, exact limit at d+) for one draw of ``kind``."""
    k = round(rng.uniform(0.5, 3), 2)
    t = f"math.sqrt(x - {d!r})" if d else "math.sqrt(x)"
    if kind == "root0":
        return f"{c!r} + {a!r}*(math.sqrt(1 + {b!r}*{t}) - 1)/{t}", c + a * mpmath.mpf(b) / 2
    if kind == "log0":
        return f"{c!r} + {a!r}*math.log(1 + {b!r}*{t})/{t}", c + mpmath.mpf(a) * b
    if kind == "power0":
        return f"(1 + {b!r}*{t})**({k}/{t})", mpmath.exp(mpmath.mpf(b) * mpmath.mpf(k))
    return f"{c!r} + {a!r}*math.sin({b!r}*{t})/{t}", c + mpmath.mpf(a) * b


def family(rng: random.Random) -> tuple[str, object, float]:
    """(expression in x, exact limit, x0) for one draw."""
    c = 0.0 if rng.random() < 0.5 else rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 3)
    a = rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 3)
    b = 10 ** rng.uniform(-1, 1)
    kind = rng.choice(AT_INF + AT_POINT)
    if kind in AT_INF:
        expr, true = at_inf(rng, kind, c, a, b)
        if rng.random() < 0.5:
            return expr, true, math.inf
        return expr.replace("x", "(-x)").replace("e(-x)p", "exp"), true, -math.inf
    d = 0.0 if rng.random() < 0.5 else rng.choice([-1, 1]) * 10 ** rng.uniform(-2, 3)
    expr, true = at_point(rng, kind, c, a, b, d=d)
    return expr, true, d


def main() -> None:
    scan = Scan(show_refused=True, median_calls=True)
    for rng in scan.draws():
        expr, true, x0 = family(rng)
        f = eval(f"lambda x: {expr}", {"math": math})  # noqa: S307 - our own expressions
        side = {"side": "right"} if math.isfinite(x0) else {}
        scan.ask(f"{expr} at {x0!r}", true, cw.limit, f, x0, **side, full_output=True)
    scan.report()


if __name__ == "__main__":
    main()
