"""grad, jacobian and hessian where an output is a flushed g((p_k - s) / w) (mpmath oracle).

g is the normal cdf 0.5 (1 + erf(z / sqrt 2)), tanh, the logistic function or erfc, and
s is drawn as in flatshiftscan: g's float value at x and near it, along p_k, is exactly
its limit, and it leaves it at a stair s - x_k - T w away (T, g's flush point), however
far. The flushed term is mixed with ordinary ones of the other coordinates (u**2 and u**3,
whose values overflow far out, exp(u), which overflows past 709.8, sin(u), p_a p_b) and
sometimes ``0 * p_j`` inside g's argument: a gradient or Hessian sums them into one f; a
Jacobian has them as outputs beside g's, which sits in a random row; a wide Jacobian
has 10 coordinates and 10 banded outputs ``sin(p_i) p_(i+1) + exp(-p_i**2)`` beside it,
so that most entries of each column are constants to its walk (`multivariate`'s
shortcut). Exact: mpmath's derivative (dps 60) of g's term, and the ordinary terms'
own, in closed form. A draw is DISHONEST if one of its entries is off by more than
twice its error (each such entry printed), REFUSED if calcweb raises (printed). Usage:
``PYTHONPATH=. python bench/scans/gradflatscan.py SEED N [--beside]``; the last line
has the counts of draws, of entries, and the median calls of f. ``--beside``: each
(narrow) Jacobian has one more output, ``exp(p_k - x_k)``, which overflows 709.8 past
``x_k``, where f then fails: g's stair beyond that is not seen (the same draws).
"""

import math
import random
import sys

import mpmath
from _flushed import GS
from _tally import HONESTY

import calcweb as cw

mpmath.mp.dps = 60
M = mpmath


# An ordinary term of one coordinate u: its value, first and second derivatives (mpmath)
TERMS = {
    "u**2": (lambda u: u**2, lambda u: 2 * u, lambda _: 2),
    "u**3": (lambda u: u**3, lambda u: 3 * u**2, lambda u: 6 * u),
    "exp(u)": (math.exp, M.exp, M.exp),
    "sin(u)": (math.sin, M.cos, lambda u: -M.sin(u)),
}


def _flushed(rng, d):
    """g's term as a function of p, its label, (name, k, s, w), and x: g flat at x along p_k."""
    name = rng.choice(list(GS))
    g, _, sides = GS[name]
    side = rng.choice([-1, 1])
    flush, far = sides[side]
    w = 10 ** rng.uniform(-3, 3)
    k = rng.randrange(d)
    x = [round(rng.uniform(-2, 2), 3) for _ in range(d)]
    x[k] = 0.0 if rng.random() < 0.25 else rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 3)
    s = x[k] - side * rng.uniform(flush, far) * w
    others = [j for j in range(d) if j != k]
    zero = rng.choice(others) if others and rng.random() < 0.3 else None  # 0 * p_zero

    def term(p):
        return g(((p[k] - s) + (0 * p[zero] if zero is not None else 0)) / w)

    label = f"{name}((p[{k}] - {s!r}{f' + 0*p[{zero}]' if zero is not None else ''}) / {w!r})"
    return term, label, (name, k, s, w), x


def _flushed_exact(spec, x, n):
    """The n-th derivative along p_k of g's term at x (mpmath)."""
    name, k, s, w = spec
    exact = GS[name][1]
    return M.diff(lambda t: exact((t - M.mpf(s)) / M.mpf(w)), M.mpf(x[k]), n)


def _ordinary(rng, d, k):
    """Ordinary terms: (label, f of p, exact gradient, exact Hessian) at x, for coordinates but k."""
    others = [j for j in range(d) if j != k]
    terms = []
    for j in others:
        name = rng.choice(list(TERMS))
        t, d1, d2 = TERMS[name]
        terms.append((name.replace("u", f"p[{j}]"), lambda p, t=t, j=j: t(p[j]), {j: d1}, {j: d2}))
    if len(others) >= 2 and rng.random() < 0.5:
        a, b = rng.sample(others, 2)
        # d/dp_a = p_b, d/dp_b = p_a; the mixed second derivative 1
        gradient = {a: ("p", b), b: ("p", a)}
        terms.append((f"p[{a}]*p[{b}]", lambda p, a=a, b=b: p[a] * p[b], gradient, (a, b)))
    return terms


def _exact_gradient(term, xs, d):
    row = [M.mpf(0)] * d
    for j, d1 in term[2].items():
        row[j] = xs[d1[1]] if isinstance(d1, tuple) else d1(xs[j])
    return row


def _wide(rng, flushed, label, spec, x):
    """A Jacobian of 10 banded outputs and g's term in a random row: (label, f, exact)."""
    d = len(x)
    xs = [M.mpf(v) for v in x]
    row = rng.randrange(d + 1)

    def f(p):
        values = [math.sin(p[i]) * p[(i + 1) % d] + math.exp(-(p[i] ** 2)) for i in range(d)]
        values.insert(row, flushed(p))
        return values

    exact = []
    for i in range(d):
        r = [M.mpf(0)] * d
        r[i] += M.cos(xs[i]) * xs[(i + 1) % d] - 2 * xs[i] * M.exp(-(xs[i] ** 2))
        r[(i + 1) % d] += M.sin(xs[i])
        exact.append(r)
    g_row = [M.mpf(0)] * d
    g_row[spec[1]] = _flushed_exact(spec, x, 1)
    exact.insert(row, g_row)
    return f"wide: banded + {label} in row {row}", f, exact


def draw(rng):
    """(call, label, f, x, k, w, exact): exact the matrix (grad: one row) of mpmath values."""
    kind = rng.choice(["grad", "jacobian", "jacobian", "hessian", "wide"])
    d = 10 if kind == "wide" else rng.choice([1, 2, 2, 3])
    flushed, label, spec, x = _flushed(rng, d)
    _, k, _, w = spec
    if kind == "wide":
        label, f, exact = _wide(rng, flushed, label, spec, x)
        return "jacobian", label, f, x, (flushed, k, w), exact
    xs = [M.mpf(v) for v in x]
    ordinary = _ordinary(rng, d, k)
    g_row = [M.mpf(0)] * d
    g_row[k] = _flushed_exact(spec, x, 1)
    if kind == "jacobian":
        outputs = [(t[1], _exact_gradient(t, xs, d)) for t in ordinary]
        row = rng.randrange(len(outputs) + 1)
        outputs.insert(row, (flushed, g_row))
        label = f"[{', '.join(t[0] for t in ordinary[:row])}{', ' if row else ''}{label}" + (
            "".join(f", {t[0]}" for t in ordinary[row:]) + "]"
        )
        if BESIDE:  # an output of p_k that overflows 709.8 past x_k: f fails there
            one = [M.mpf(0)] * d
            one[k] = M.mpf(1)
            outputs.append((lambda p, k=k, c=x[k]: math.exp(p[k] - c), one))
            label = f"{label[:-1]}, exp(p[{k}] - {x[k]!r})]"

        def f(p, fs=[o for o, _ in outputs]):  # noqa: B006 (bound at definition)
            return [o(p) for o in fs]

        return "jacobian", label, f, x, (flushed, k, w), [e for _, e in outputs]
    label = " + ".join([label, *(t[0] for t in ordinary)])

    def f(p, terms=[flushed, *(t[1] for t in ordinary)]):  # noqa: B006 (bound at definition)
        return math.fsum(t(p) for t in terms)

    if kind == "grad":
        total = g_row
        for t in ordinary:
            total = [a + b for a, b in zip(total, _exact_gradient(t, xs, d), strict=True)]
        return "grad", label, f, x, (flushed, k, w), [total]
    h = [[M.mpf(0)] * d for _ in range(d)]
    h[k][k] = _flushed_exact(spec, x, 2)
    for t in ordinary:
        if isinstance(t[3], tuple):
            a, b = t[3]
            h[a][b] = h[b][a] = M.mpf(1)
        else:
            for j, d2 in t[3].items():
                h[j][j] = d2(xs[j])
    return "hessian", label, f, x, (flushed, k, w), h


def _flat_along(f, x, k, w):
    """Whether g's term is the same at x and x +- 1e-3 w along p_k."""
    seen = []
    for c in (-1e-3, 0.0, 1e-3):
        p = list(x)
        p[k] += c * w
        seen.append(f(p))
    return all(v == seen[0] for v in seen)


BESIDE = "--beside" in sys.argv[3:]
CALLS = {"grad": cw.grad, "jacobian": cw.jacobian, "hessian": cw.hessian}
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
draw_count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
rng = random.Random(seed)  # noqa: S311 (seeded draws, not cryptography)
counts = {"ok": 0, "refused": 0, "dishonest": 0, "skip": 0}
entries = {"ok": 0, "dishonest": 0}
calls = []
for _ in range(draw_count):
    call, label, f, x, (flushed, k, w), exact = draw(rng)
    label = f"{call} {label} at x={x!r}"
    try:
        flat = _flat_along(flushed, x, k, w) and f(x) is not None
    except (ValueError, OverflowError):
        flat = False
    if not flat:  # f fails at x, or g is not flushed there: not this scan's case
        counts["skip"] += 1
        continue
    try:
        result = CALLS[call](f, full_output=True)(x)
    except cw.CalcwebError as error:
        counts["refused"] += 1
        print(f"REFUSED {label} {type(error).__name__}: {str(error)[:150]}", flush=True)
        continue
    calls.append(result.nfev)
    values = [result.value] if call == "grad" else result.value
    errors = [result.error] if call == "grad" else result.error
    honest = True
    for i, row in enumerate(exact):
        for j, true in enumerate(row):
            value, error = values[i][j], errors[i][j]
            if abs(value - true) > HONESTY * error and value != true:
                honest = False
                entries["dishonest"] += 1
                print(
                    f"DISHONEST [{i}][{j}] {label} value={value!r} err={error:.3g} "
                    f"true={float(true)!r} nfev={result.nfev}",
                    flush=True,
                )
            else:
                entries["ok"] += 1
    counts["ok" if honest else "dishonest"] += 1
calls.sort()
median = calls[len(calls) // 2] if calls else 0
print(f"{counts} entries {entries}, median calls {median}")
