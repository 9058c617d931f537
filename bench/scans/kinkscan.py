"""minimize and vjp on piecewise-quadratic f with relus and abs, started at their kinks.

``python bench/scans/kinkscan.py SEED N`` draws N functions of 1 or 2 variables,
sums of terms w (relu(b.x + c) - d)**2, w |b.x + c|, w relu(b.x + c),
(|b.x + c| - d)**2 and w (b.x + c)**2 with dyadic coefficients (so f is exact
in fractions), and a start x0 that is 0, a kink of one term, or a random point.

minimize (SGD or Adam): a ``converged=True`` is checked against f's exact
one-sided slopes at the returned x (difference quotients in fractions with
h = 2**-70, or 8 ulps of x if more, along the axes and 72 directions in 2-D): a slope below -tol is a
LIE (x is not stationary to tol). ``converged=False`` at a point whose slopes
are all >= -tol is counted as ``stationary_refused`` (a cost).

vjp at x0 (``pullback(1.0)``): where f is differentiable (its one-sided slopes
are linear in the direction) the answer must be the gradient (to 1e-7); where
it is not, an answer is a LIE and a CalcwebError is right.

Prints each LIE, then the counts.
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from fractions import Fraction

import calcweb as cw

H = Fraction(1, 2**70)
DYADIC = [-2.0, -1.5, -1.0, -0.5, -0.25, 0.25, 0.5, 1.0, 1.5, 2.0]


def _term(rng: random.Random, dim: int) -> tuple[str, float, list[float], float, float]:
    kind = rng.choice(["relu_sq", "abs", "relu", "abs_sq", "smooth"])
    b = [rng.choice([*DYADIC, 0.0]) for _ in range(dim)]
    if not any(b):
        b[0] = 1.0
    c = 0.0 if rng.random() < 0.5 else rng.choice(DYADIC)
    w = rng.choice(DYADIC)
    if kind in ("smooth", "relu_sq", "abs_sq"):
        w = abs(w)
    return kind, w, b, c, rng.choice(DYADIC)


def _apply(term: tuple[str, float, list[float], float, float], x: list, relu, absf):
    kind, w, b, c, d = term
    u = c
    for bi, xi in zip(b, x, strict=True):
        u = u + bi * xi
    if kind == "relu_sq":
        return w * (relu(u) - d) ** 2
    if kind == "abs":
        return w * absf(u)
    if kind == "relu":
        return w * relu(u)
    if kind == "abs_sq":
        return (absf(u) - d) ** 2
    return w * u**2


def _draw(rng: random.Random) -> tuple[list, list[float]]:
    dim = rng.choice([1, 1, 2])
    terms = [_term(rng, dim) for _ in range(rng.randint(1, 3))]
    # keep f bounded below: a smooth bowl when a negative linear-growth term is present
    if any(t[0] in ("abs", "relu") and t[1] < 0 for t in terms):
        terms.append(("smooth", 1.0, [1.0] + [0.0] * (dim - 1), 0.0, 0.0))
        if dim == 2:
            terms.append(("smooth", 1.0, [0.0, 1.0], 0.0, 0.0))
    start = rng.random()
    if start < 0.5:
        x0 = [0.0] * dim
    elif start < 0.8:  # on the kink of the first kinked term: b.x0 + c = 0
        _, _, b, c, _ = next((t for t in terms if t[0] != "smooth"), terms[0])
        x0 = [rng.choice(DYADIC) for _ in range(dim)]
        j = next(i for i, bi in enumerate(b) if bi)
        rest = sum(bi * xi for i, (bi, xi) in enumerate(zip(b, x0, strict=True)) if i != j)
        x0[j] = (-c - rest) / b[j]
    else:
        x0 = [rng.uniform(-2, 2) for _ in range(dim)]
    return terms, x0


def _f_values(terms: list, scalar: bool):
    def f(x):
        p = [x] if scalar else x
        total = 0.0
        for t in terms:
            total = total + _apply(t, p, cw.relu, cw.abs)
        return total

    return f


def _f_exact(terms: list, x: list[Fraction]) -> Fraction:
    def relu(u: Fraction) -> Fraction:
        return max(u, Fraction(0))

    exact = [
        (k, Fraction(w), [Fraction(v) for v in b], Fraction(c), Fraction(d))
        for k, w, b, c, d in terms
    ]
    return sum((_apply(t, x, relu, abs) for t in exact), Fraction(0))


def _directions(dim: int) -> list[list[Fraction]]:
    if dim == 1:
        return [[Fraction(1)], [Fraction(-1)]]
    out = [[Fraction(1), Fraction(0)], [Fraction(-1), Fraction(0)]]
    out += [[Fraction(0), Fraction(1)], [Fraction(0), Fraction(-1)]]
    for k in range(72):
        a = 2 * math.pi * k / 72
        out.append([Fraction(math.cos(a)), Fraction(math.sin(a))])
    return out


def _slopes(terms: list, x: list[float]) -> list[tuple[list[Fraction], float]]:
    point = [Fraction(v) for v in x]
    f0 = _f_exact(terms, point)
    # Beyond x's own rounding: a kink within a few ulps of x is as much at x as the float
    # nearest it can be, so the quotients step over it.
    h = max(H, Fraction(8 * max(math.ulp(v) for v in x)))
    slopes = []
    for d in _directions(len(x)):
        moved = [p + h * di for p, di in zip(point, d, strict=True)]
        norm = math.hypot(*(float(di) for di in d))
        slopes.append((d, float((_f_exact(terms, moved) - f0) / h) / norm))
    return slopes


def _minimize_case(terms: list, x0: list[float], rng: random.Random, tally: Counter) -> None:
    scalar = len(x0) == 1
    f = _f_values(terms, scalar)
    optimizer = rng.choice(["sgd", "sgd", "adam"])
    lr = rng.choice([0.01, 0.05, 0.1])
    try:
        result = cw.minimize(f, x0[0] if scalar else x0, optimizer=optimizer, lr=lr, steps=300)
    except cw.CalcwebError as error:
        tally["minimize_refused"] += 1
        print("REFUSED minimize", terms, x0, type(error).__name__, str(error)[:100])
        return
    x = [result.x] if scalar else result.x
    worst = min(s for _, s in _slopes(terms, x))
    stationary = worst >= -result.tol * (1 + 1e-9) - 1e-12
    if result.converged and not stationary:
        tally["minimize_LIE"] += 1
        print("LIE minimize", terms, x0, optimizer, lr, "x =", x, "slope", worst)
    elif result.converged:
        tally["minimize_ok"] += 1
    elif stationary and result.gradient_norm <= result.tol:
        tally["minimize_stationary_refused"] += 1
        print("STATIONARY_REFUSED minimize", terms, x0, "x =", x, result.message[:200])
    else:
        tally["minimize_not_converged"] += 1


def _vjp_case(terms: list, x0: list[float], tally: Counter) -> None:
    scalar = len(x0) == 1
    slopes = _slopes(terms, x0)
    axes = [s for _, s in slopes[: 2 * len(x0)]]
    gradient = [(axes[2 * i] - axes[2 * i + 1]) / 2 for i in range(len(x0))]
    differentiable = all(
        abs(
            s
            - sum(g * float(di) for g, di in zip(gradient, d, strict=True))
            / math.hypot(*map(float, d))
        )
        <= 1e-9 * (1 + max(map(abs, gradient)))
        for d, s in slopes
    )
    try:
        _, pullback = cw.vjp(_f_values(terms, scalar), x0[0] if scalar else x0)
        answer = pullback(1.0)
    except cw.CalcwebError as error:
        tally["vjp_refused_" + ("differentiable" if differentiable else "kink")] += 1
        if differentiable:
            print("DIFFERENTIABLE_REFUSED vjp", terms, x0, str(error)[:150])
        return
    got = [answer] if scalar else answer
    right = differentiable and all(
        abs(a - g) <= 1e-7 * (1 + abs(g)) for a, g in zip(got, gradient, strict=True)
    )
    if right:
        tally["vjp_ok"] += 1
    else:
        tally["vjp_LIE"] += 1
        print("LIE vjp", terms, x0, "answer", got, "differentiable", differentiable, gradient)


def main() -> None:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    tally: Counter = Counter()
    for draw in range(n):
        rng = random.Random(seed * 1_000_003 + draw)  # noqa: S311  reproducible draws
        terms, x0 = _draw(rng)
        _minimize_case(terms, x0, rng, tally)
        _vjp_case(terms, x0, tally)
    print(dict(sorted(tally.items())))


if __name__ == "__main__":
    main()
