r"""Recurrences for the coefficients of truncated power series.

A series is a list ``a`` with ``a[k]`` the coefficient of $t^k$, i.e.
$f^{(k)}(x_0)/k!$. Every function here returns the first ``len(a)``
coefficients of its result in $O(n^2)$ operations, as in Taylor-mode
automatic differentiation (Griewank & Walther, *Evaluating Derivatives*, ch. 13).

The workhorse is `chain`: if $y' = u\,a'$ then comparing the
coefficients of $t^{k-1}$ gives
$y_k = \frac{1}{k}\sum_{j=1}^{k} j\,a_j\,u_{k-j}$. The value part
``y[0]`` always comes from the caller, which has checked the domain.
"""

from __future__ import annotations

from collections.abc import Callable

Series = list[float]


def mul(a: Series, b: Series) -> Series:
    """The Cauchy product, truncated to the shorter series."""
    n = min(len(a), len(b))
    return [sum(a[i] * b[k - i] for i in range(k + 1)) for k in range(n)]


def div(a: Series, b: Series) -> Series:
    """``a / b`` for ``b[0] != 0``: solve ``q * b = a`` term by term."""
    n = min(len(a), len(b))
    q: Series = []
    for k in range(n):
        q.append((a[k] - sum(q[i] * b[k - i] for i in range(k))) / b[0])
    return q


def chain(a: Series, y0: float, u: Series) -> Series:
    """Integrate ``y' = u * a'`` with ``y(0) = y0``; ``u`` is known in full."""
    return [y0] + [sum(j * a[j] * u[k - j] for j in range(1, k + 1)) / k for k in range(1, len(a))]


def chain_implicit(a: Series, y0: float, u_of: Callable[[Series, int], float]) -> Series:
    """Integrate ``y' = u * a'`` where ``u[m] = u_of(y, m)`` needs ``y[0..m]`` only.

    This is how ``exp`` (u = y), ``tan`` (u = 1 + y**2) and ``tanh``
    (u = 1 - y**2) get their coefficients without knowing ``y`` in advance.
    """
    y = [y0]
    u = [u_of(y, 0)]
    for k in range(1, len(a)):
        y.append(sum(j * a[j] * u[k - j] for j in range(1, k + 1)) / k)
        u.append(u_of(y, k))
    return y


def rate(y: Series, u_of: Callable[[Series, int], float]) -> Series:
    """The series ``u`` that `chain_implicit` built from its result ``y``: ``u[m] = u_of(y, m)``."""
    return [u_of(y, m) for m in range(len(y))]


def square_coefficient(y: Series, m: int) -> float:
    """The coefficient of ``t**m`` in ``y**2``, from ``y[0..m]``."""
    return sum(y[i] * y[m - i] for i in range(m + 1))


def sin_cos(a: Series, s0: float, c0: float, sign: float = -1.0) -> tuple[Series, Series]:
    """The pair ``(sin a, cos a)`` (``sign=-1``) or ``(sinh a, cosh a)`` (``sign=+1``).

    ``s' = c a'`` and ``c' = sign * s a'``, solved together.
    """
    s, c = [s0], [c0]
    for k in range(1, len(a)):
        s.append(sum(j * a[j] * c[k - j] for j in range(1, k + 1)) / k)
        c.append(sign * sum(j * a[j] * s[k - j] for j in range(1, k + 1)) / k)
    return s, c


def power(a: Series, p: float, y0: float) -> Series:
    r"""``a ** p`` for ``a[0] != 0``, from $a\,y' = p\,y\,a'$.

    Coefficients: $y_k = \frac{1}{k a_0}\sum_{j=1}^{k}((p+1)j - k)\,a_j\,y_{k-j}$.
    """
    y = [y0]
    for k in range(1, len(a)):
        y.append(sum(((p + 1) * j - k) * a[j] * y[k - j] for j in range(1, k + 1)) / (k * a[0]))
    return y


def integer_power(a: Series, p: int, product: Callable[[Series, Series], Series] = mul) -> Series:
    """``a ** p`` for an integer ``p >= 0`` by repeated squaring (works when ``a[0] == 0``).

    ``product``: how two series are multiplied (`mul`, or a watched one).
    """
    result = [1.0] + [0.0] * (len(a) - 1)
    base = a
    while p:
        if p & 1:
            result = product(result, base)
        p >>= 1
        if p:
            base = product(base, base)
    return result


def sqrt(a: Series, y0: float) -> Series:
    """``sqrt(a)`` for ``a[0] > 0``: solve ``y * y = a`` term by term."""
    y = [y0]
    for k in range(1, len(a)):
        y.append((a[k] - sum(y[i] * y[k - i] for i in range(1, k))) / (2.0 * y0))
    return y
