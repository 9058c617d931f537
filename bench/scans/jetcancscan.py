"""Taylor mode (jets) whose recurrences cancel: sqrt, sin/cos, tan, powers (mpmath oracle).

``PYTHONPATH=. python bench/scans/jetcancscan.py SEED N``. Each draw picks a family and
``x = 10**U(-8, 0.3)`` (``x > 0``: each family is smooth there), and an order ``n`` in
1..8, and asks `calcweb.derivative` three ways: plain ``"auto"`` and plain ``"ad"`` (a
float, which claims its digits) and ``"auto"`` with ``full_output=True``. A plain answer
is WRONG where it has no correct digit (``|value - true| >= |true|``) and is off by more
than 1e-12 of ``n! |f(x)| / max(1, x)**n``, the derivative's scale on f's (so an answer
0 to rounding where the truth is 0, or 1e-279, counts as right), a full_output one DISHONEST where its true error
exceeds twice its error. Families (the cancellation, and the recurrence it feeds):

- ``sqrt(1 - cos x)``, ``sqrt(cosh x - 1)``: a sum's value cancels, then sqrt's
  recurrence divides by ``2 y_0`` once an order; ``sqrt(sin(x)**2)``, ``sqrt(x**4 +
  x**2)``, ``(x**4 + x**2)**0.5``: the argument is nearly a square, and the recurrence's
  own terms cancel (no sum's value does);
- ``cos(sqrt x)``, ``sin(sqrt(1 - cos x))``, ``exp(x) sqrt(1 - cos x)``, ``cosh(sqrt x)``,
  ``tan(sqrt x)``: after sqrt's pole, sin/cos's, exp's, tan's recurrences and products
  cancel (``cos(sqrt x)`` is entire in ``x``);
- controls, whose plain answers must not change: ``sqrt(1 + x) - 1``, ``sin(x) - x``,
  ``(cos(x) - 1)/x**2``, ``tan(x) - x``, ``(1 + x)**5 - 1``, ``exp(log x)``,
  ``sqrt(x**2 + 1e-300)``, ``sqrt(1 + x**2)``, ``cos(x)**3``.

Prints each WRONG, DISHONEST and REFUSED case (with ``--all``, each RIGHT one and its
relative error too), then the counts per method and per group (a
family's group: "recurrence" or "control"), and the total time of the calls.
Truth: ``mpmath.diff`` at 300 digits of the family written without the cancellation.
"""

import math
import random
import sys
import time

import mpmath

import calcweb as cw

M = mpmath.mpf
S2 = mpmath.sqrt(2)

# name: (f on calcweb's functions, the same f in mpmath without the cancellation, group)
FAMILIES = {
    "sqrt(1 - cos x)": (lambda x: cw.sqrt(1 - cw.cos(x)), lambda x: S2 * mpmath.sin(x / 2), "rec"),
    "sqrt(cosh x - 1)": (lambda x: cw.sqrt(cw.cosh(x) - 1), lambda x: S2 * mpmath.sinh(x / 2), "rec"),
    "sqrt(sin(x)**2)": (lambda x: cw.sqrt(cw.sin(x) ** 2), mpmath.sin, "rec"),
    "sqrt(x**4 + x**2)": (lambda x: cw.sqrt(x**4 + x**2), lambda x: x * mpmath.sqrt(1 + x**2), "rec"),
    "(x**4 + x**2)**0.5": (lambda x: (x**4 + x**2) ** 0.5, lambda x: x * mpmath.sqrt(1 + x**2), "rec"),
    "cos(sqrt x)": (lambda x: cw.cos(cw.sqrt(x)), lambda x: mpmath.cos(mpmath.sqrt(x)), "rec"),
    "cosh(sqrt x)": (lambda x: cw.cosh(cw.sqrt(x)), lambda x: mpmath.cosh(mpmath.sqrt(x)), "rec"),
    "tan(sqrt x)": (lambda x: cw.tan(cw.sqrt(x)), lambda x: mpmath.tan(mpmath.sqrt(x)), "rec"),
    "sin(sqrt(1 - cos x))": (
        lambda x: cw.sin(cw.sqrt(1 - cw.cos(x))), lambda x: mpmath.sin(S2 * mpmath.sin(x / 2)), "rec"
    ),
    "exp(x) sqrt(1 - cos x)": (
        lambda x: cw.exp(x) * cw.sqrt(1 - cw.cos(x)), lambda x: mpmath.exp(x) * S2 * mpmath.sin(x / 2), "rec"
    ),
    "sqrt(1 + x) - 1": (lambda x: cw.sqrt(1 + x) - 1, lambda x: mpmath.sqrt(1 + x) - 1, "control"),
    "sin(x) - x": (lambda x: cw.sin(x) - x, lambda x: mpmath.sin(x) - x, "control"),
    "(cos(x) - 1)/x**2": (lambda x: (cw.cos(x) - 1) / x**2, lambda x: -2 * mpmath.sin(x / 2) ** 2 / x**2, "control"),
    "tan(x) - x": (lambda x: cw.tan(x) - x, lambda x: mpmath.tan(x) - x, "control"),
    "(1 + x)**5 - 1": (lambda x: (1 + x) ** 5 - 1, lambda x: (1 + x) ** 5 - 1, "control"),
    "exp(log x)": (lambda x: cw.exp(cw.log(x)), lambda x: x, "control"),
    "sqrt(x**2 + 1e-300)": (lambda x: cw.sqrt(x**2 + 1e-300), lambda x: mpmath.sqrt(x**2 + M(1e-300)), "control"),
    "sqrt(1 + x**2)": (lambda x: cw.sqrt(1 + x**2), lambda x: mpmath.sqrt(1 + x**2), "control"),
    "cos(x)**3": (lambda x: cw.cos(x) ** 3, lambda x: mpmath.cos(x) ** 3, "control"),
}  # fmt: skip


def truth(g, x, n):
    with mpmath.workdps(300):
        return mpmath.diff(g, M(x), n)


def right(value, true, n, size, x):
    """Whether ``value`` has a correct digit, or is ``true`` to rounding on f's scale."""
    scale = math.factorial(n) * size / max(1.0, x) ** n
    return abs(value - true) < abs(true) or abs(value - true) <= 1e-12 * scale


def asked(f, x, n, method):
    """calcweb's answer (a DerivativeResult for "auto full"), or the CalcwebError raised."""
    try:
        if method == "auto full":
            return cw.derivative(f, x, n, full_output=True)
        return cw.derivative(f, x, n, method=method)
    except cw.CalcwebError as error:
        return error


def judged(answer, case, method, every):
    """The outcome of ``answer`` ("ok", "wrong", "refused"), its line printed as the module says."""
    name, x, n, true, size = case
    if isinstance(answer, cw.CalcwebError):
        print(f"REFUSED {method} {name} x={x!r} n={n} true={float(true):.6g}")
        return "refused"
    if method == "auto full":
        if abs(answer.value - true) > 2 * answer.error and answer.value != true:
            print(
                f"DISHONEST {name} x={x!r} n={n} {answer.value!r} +- {answer.error:.3g} "
                f"true={float(true):.6g}"
            )
            return "wrong"
        return "ok"
    if not right(answer, true, n, size, x):
        print(f"WRONG {method} {name} x={x!r} n={n} {answer!r} true={float(true):.6g}")
        return "wrong"
    if every:
        off = abs(answer - true) / abs(true) if true else 0.0
        print(f"RIGHT {method} {name} x={x!r} n={n} off={float(off):.2g}")
    return "ok"


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    draws = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    every = "--all" in sys.argv  # each right plain answer too, with its relative error
    rng = random.Random(seed)  # noqa: S311  (seeded draws)
    counts = {}
    spent = 0.0
    for _ in range(draws):
        name = rng.choice(list(FAMILIES))
        f, g, group = FAMILIES[name]
        x = 10 ** rng.uniform(-8, 0.3)
        n = rng.randint(1, 8)
        with mpmath.workdps(300):
            true = truth(g, x, n)
            size = abs(float(g(M(x))))
        true = M(float(true)) if abs(true) > 1e-300 else M(0)
        for method in ("auto", "ad", "auto full"):
            start = time.perf_counter()
            answer = asked(f, x, n, method)
            spent += time.perf_counter() - start
            tally = counts.setdefault((group, method), {"ok": 0, "wrong": 0, "refused": 0})
            tally[judged(answer, (name, x, n, true, size), method, every)] += 1
    for key in sorted(counts):
        print(key, counts[key])
    print(f"time in calls {spent:.1f} s")


main()
