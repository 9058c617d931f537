r"""Definite integrals: Riemann sums, the composite rules and adaptive Gauss-Kronrod.

* `riemann_sum` is the textbook sum $\sum_i f(x_i)\,\Delta x$
  that defines the integral;
* `integrate` with ``method="trapezoid"`` or ``"simpson"`` applies a
  composite rule on ``n`` equal intervals (error $O(h^2)$ and
  $O(h^4)$);
* ``method="adaptive"`` (the default) bisects the interval where the
  21-point Gauss-Kronrod rule says the error is largest, until the estimated
  error meets ``tol``, as QUADPACK's ``qag`` (behind ``scipy.integrate.quad``)
  does. Infinite limits are mapped onto a finite interval.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
from collections.abc import Callable, Iterable
from typing import Literal

from calcweb._checks import check_callable, check_real, check_real_or_infinite, evaluate
from calcweb._gauss_kronrod import K15, K21, Panel, Rule, gauss_kronrod
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError, NumericalError

__all__ = ["IntegrationResult", "integrate", "riemann_sum"]

Function = Callable[[float], float]
_METHODS = ("adaptive", "simpson", "trapezoid")
_RULES = ("left", "midpoint", "right", "trapezoid")
DEFAULT_N = 128  # a power of two, so the error estimate re-uses every point
MAX_N = 10_000_000  # about a minute of pure Python: more is a mistake
MAX_INTERVALS = 500  # subintervals of the adaptive rule (quad's default is 50)
MIN_TOL = 50 * 2.0**-52  # the rounding floor of the Gauss-Kronrod error estimate


@dataclasses.dataclass(frozen=True)
class IntegrationResult:
    """What `integrate` returns with ``full_output=True``.

    Attributes:
        value: The estimate of the integral.
        error: An estimate of the absolute error of ``value``.
        nfev: How many times ``f`` was evaluated.
        method: ``"adaptive"``, ``"simpson"`` or ``"trapezoid"``.
        intervals: How many subintervals the rule used (``n`` for the
            composite rules).
        converged: ``False`` when the adaptive rule stopped before meeting
            ``tol``; ``message`` then says why.
        message: A sentence about how the computation ended.
    """

    value: float
    error: float
    nfev: int
    method: str
    intervals: int
    converged: bool = True
    message: str = "the estimated error meets the tolerance"

    def __float__(self) -> float:
        return self.value


def _check_n(n: object, minimum: int = 1) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise ArgumentTypeError(
            f"n must be an int (the number of intervals), but got {type(n).__name__} {n!r}"
        )
    if not minimum <= n <= MAX_N:
        raise InvalidArgumentError(
            f"n must be between {minimum} and {MAX_N:_}, but got {n}; pass the number of "
            "equal intervals, such as n=100"
        )
    return n


def _check_choice(value: object, name: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        listed = ", ".join(repr(choice) for choice in choices)
        raise InvalidArgumentError(f"{name} must be one of {listed}, but got {value!r}")
    return value


def _check_finite_interval(a: float, b: float, what: str) -> None:
    if math.isinf(a) or math.isinf(b):
        raise InvalidArgumentError(
            f"{what} needs finite limits, but got a={a!r}, b={b!r}; use "
            "integrate(f, a, b) with the default method='adaptive', which maps an "
            "infinite interval onto a finite one"
        )


def _finite(value: float, what: str) -> float:
    if not math.isfinite(value):
        raise NumericalError(
            f"the {what} overflows the float range (about 1e308); rescale f or the interval"
        )
    return value


def _sum(values: Iterable[float]) -> float:
    """`math.fsum`, with ``inf`` for its OverflowError: callers check with _finite."""
    try:
        return math.fsum(values)
    except OverflowError:
        return math.inf


def _step(a: float, b: float, n: int) -> float:
    """``(b - a) / n``, also when ``b - a`` overflows and the halves do not."""
    h = (b - a) / n
    return h if math.isfinite(h) else b / n - a / n


def _grid(
    f: Function, a: float, b: float, n: int, indices: range, *, offset: float = 0.0
) -> list[float]:
    """``f`` at the textbook points ``a + (i + offset) (b - a)/n`` for ``i`` in ``indices``."""
    if math.isfinite(b - a):
        h = (b - a) / n
        return [evaluate(f, a + (i + offset) * h) for i in indices]
    # b - a overflows (so a < 0 < b); the weighted mean of the ends does not.
    return [evaluate(f, (1.0 - t) * a + t * b) for t in ((i + offset) / n for i in indices)]


def riemann_sum(
    f: Function,
    a: float,
    b: float,
    n: int,
    rule: Literal["left", "right", "midpoint", "trapezoid"] = "left",
) -> float:
    r"""The Riemann sum of ``f`` over ``[a, b]`` with ``n`` equal intervals.

    With $\Delta x = (b - a)/n$ and $x_i = a + i\,\Delta x$, the
    sums are, exactly as in the textbook:

    * ``"left"``: $\sum_{i=0}^{n-1} f(x_i)\,\Delta x$;
    * ``"right"``: $\sum_{i=1}^{n} f(x_i)\,\Delta x$;
    * ``"midpoint"``: $\sum_{i=0}^{n-1} f(x_i + \Delta x/2)\,\Delta x$;
    * ``"trapezoid"``: the mean of the left and right sums.

    The sum is added with `math.fsum`, so the only rounding left is that
    of the points and of ``f``. If ``a > b`` then $\Delta x < 0$, as in
    the definition, and the sum changes sign.

    Args:
        f: A function of one real number returning a real number.
        a: The left end of the interval (finite).
        b: The right end (finite).
        n: The number of intervals, ``1 <= n <= 10_000_000``.
        rule: Where each rectangle takes its height.

    Returns:
        The sum, which tends to $\int_a^b f(x)\,dx$ as ``n`` grows.

    Raises:
        InvalidArgumentError: For an unknown ``rule``, a bad ``n``, NaN or
            infinite limits.
        ArgumentTypeError: If ``f`` is not callable or returns a non-number.
        DomainError: If ``f`` raises ValueError or ZeroDivisionError at a point.
        NumericalError: If ``f`` or the sum overflows.

    Examples:
        The left sum of $x^2$ on ``[0, 1]`` with 4 rectangles is
        $(0 + 1 + 4 + 9)/64$:

        >>> from calcweb import riemann_sum
        >>> riemann_sum(lambda x: x**2, 0, 1, 4)
        0.21875
        >>> riemann_sum(lambda x: x**2, 0, 1, 4, rule="right")
        0.46875
        >>> riemann_sum(lambda x: x**2, 0, 1, 4, rule="midpoint")
        0.328125
        >>> riemann_sum(lambda x: x**2, 0, 1, 4, rule="upper")
        Traceback (most recent call last):
          ...
        calcweb.exceptions.InvalidArgumentError: rule must be one of 'left', 'midpoint', ...
    """
    check_callable(f)
    a = check_real_or_infinite(a, "a")
    b = check_real_or_infinite(b, "b")
    n = _check_n(n)
    kind = _check_choice(rule, "rule", _RULES)
    _check_finite_interval(a, b, "riemann_sum")
    if a == b:
        return 0.0
    width = _step(a, b, n)
    if kind == "trapezoid":
        return _finite(_trapezoid(_grid(f, a, b, n, range(n + 1)), width), "Riemann sum")
    indices = range(1, n + 1) if kind == "right" else range(n)
    values = _grid(f, a, b, n, indices, offset=0.5 if kind == "midpoint" else 0.0)
    return _finite(_sum(values) * width, "Riemann sum")


def _trapezoid(values: list[float], h: float) -> float:
    return h * (_sum(values) - 0.5 * (values[0] + values[-1]))


def _simpson(values: list[float], h: float) -> float:
    inner = 4.0 * _sum(values[1:-1:2]) + 2.0 * _sum(values[2:-1:2])
    return h / 3.0 * (values[0] + values[-1] + inner)


def _composite(f: Function, a: float, b: float, n: int, method: str) -> IntegrationResult:
    """A composite rule on ``n`` intervals, its error estimated by Richardson.

    The same rule on half (or, if ``n`` does not allow it, twice) as many
    intervals re-uses the points; for a rule of order ``p`` the difference of
    the two, divided by ``2**p - 1``, estimates the error of the finer one.
    """
    rule, order, unit = (_simpson, 4, 2) if method == "simpson" else (_trapezoid, 2, 1)
    coarse_fits = n % (2 * unit) == 0
    points = n if coarse_fits else 2 * n
    h = _step(a, b, points)
    values = _grid(f, a, b, points, range(points + 1))
    fine, coarse = rule(values, h), rule(values[::2], 2.0 * h)
    value = fine if coarse_fits else coarse
    error = abs(fine - coarse) / (2**order - 1) * (1 if coarse_fits else 2**order)
    return IntegrationResult(
        value=_finite(value, "integral"),
        error=_finite(error, "error estimate"),
        nfev=points + 1,
        method=method,
        intervals=n,
        message=f"composite {method} rule on {n} intervals; error estimated by Richardson",
    )


def _change_of_variable(f: Function, a: float, b: float) -> tuple[Function, float, float]:
    """Map an infinite interval onto a finite one, returning ``(g, t0, t1)``.

    ``[a, inf)`` becomes ``(0, 1]`` by $x = a + (1 - t)/t$,
    ``(-inf, b]`` by $x = b - (1 - t)/t$ and ``(-inf, inf)`` becomes
    ``(-1, 1)`` by $x = t/(1 - t^2)$; ``g`` includes ``dx/dt``. The
    Gauss-Kronrod nodes never reach the ends, where ``x`` would be infinite.
    """
    if math.isfinite(a) and math.isfinite(b):
        return (lambda x: evaluate(f, x)), a, b
    if math.isinf(a) and math.isinf(b):

        def both(t: float) -> float:
            gap = (1.0 - t) * (1.0 + t)  # 1 - t*t without cancellation
            return evaluate(f, t / gap) * (1.0 + t * t) / (gap * gap)

        return both, -1.0, 1.0
    sign, start = (1.0, a) if math.isfinite(a) else (-1.0, b)

    def half_line(t: float) -> float:
        # x runs from start to ±inf as t runs from 1 to 0; |dx/dt| = 1/t**2,
        # and the two orientations cancel the sign of dx/dt.
        return evaluate(f, start + sign * (1.0 - t) / t) / (t * t)

    return half_line, 0.0, 1.0


def _too_narrow(panel: Panel) -> bool:
    """Whether the halves of ``panel`` would put Gauss-Kronrod nodes on their ends."""
    half = abs(0.25 * panel.b - 0.25 * panel.a)
    return half <= 1e4 * 2.0**-52 * max(abs(panel.a), abs(panel.b), 2.0**-1022)


def _adaptive(g: Function, a: float, b: float, tol: float, rule: Rule) -> IntegrationResult:
    """Bisect the subinterval with the largest error until the sum meets ``tol``."""
    first = gauss_kronrod(g, a, b, rule)
    # A heap of (-error, tie-breaker, panel) pops the worst panel first.
    heap = [(-first.error, 0, first)]
    nfev, count = rule.size, 1
    message = ""
    while True:
        value = _finite(_sum(item[2].value for item in heap), "integral")
        error = _finite(_sum(item[2].error for item in heap), "error estimate")
        target = tol * max(1.0, abs(value))
        if error <= target:
            break
        worst = heap[0][2]
        if len(heap) >= MAX_INTERVALS:
            message = (
                f"the adaptive rule reached {MAX_INTERVALS} subintervals with an estimated "
                f"error of {error:.3g}, above the tolerance {target:.3g}; the integrand may be "
                "oscillatory, discontinuous or not integrable. Split the interval at its "
                "troublesome points, pass a larger tol, or pass full_output=True to get the "
                "best estimate with its error"
            )
            break
        if worst.rounding_limited:
            message = (
                f"rounding error limits the accuracy to about {error:.3g}, above the "
                f"tolerance {target:.3g}; pass a larger tol"
            )
            break
        if _too_narrow(worst):
            message = (
                f"the integrand needs subintervals narrower than floating point resolves "
                f"near x={0.5 * worst.a + 0.5 * worst.b!r} (estimated error {error:.3g}, "
                f"tolerance {target:.3g}); it may be singular or not integrable there. Split "
                "the interval at that point or pass a larger tol"
            )
            break
        heapq.heappop(heap)
        middle = 0.5 * worst.a + 0.5 * worst.b
        for part in (
            gauss_kronrod(g, worst.a, middle, rule),
            gauss_kronrod(g, middle, worst.b, rule),
        ):
            count += 1
            heapq.heappush(heap, (-part.error, count, part))
        nfev += 2 * rule.size
    return IntegrationResult(
        value=value,
        error=error,
        nfev=nfev,
        method="adaptive",
        intervals=len(heap),
        converged=not message,
        message=message or f"the estimated error {error:.3g} meets the tolerance {target:.3g}",
    )


def integrate(
    f: Function,
    a: float,
    b: float,
    *,
    method: Literal["adaptive", "simpson", "trapezoid"] = "adaptive",
    n: int | None = None,
    tol: float = 1e-10,
    full_output: bool = False,
) -> float | IntegrationResult:
    r"""The definite integral $\int_a^b f(x)\,dx$.

    ``method="adaptive"`` (the default) applies the 21-point Gauss-Kronrod rule
    (15-point on a half-line, as QUADPACK does) and bisects the
    subinterval with the largest estimated error until the total estimate is
    at most ``tol * max(1, |value|)`` (``tol`` is both an absolute and a
    relative tolerance, like ``scipy.integrate.quad`` with
    ``epsabs = epsrel = tol``). Infinite limits are mapped onto a finite
    interval, and since no node is an endpoint, integrable singularities at
    the ends ($1/\sqrt{x}$ on ``[0, 1]``) work too, at the cost of more
    evaluations.

    ``"trapezoid"`` and ``"simpson"`` apply the composite rule on ``n`` equal
    intervals (default 128; ``n`` even for Simpson, which is exact for
    cubics). Their error is estimated from the same rule on half as many
    intervals (Richardson), re-using the points when ``n`` allows it.

    ``a > b`` gives minus the integral from ``b`` to ``a``; ``a == b`` gives 0.

    When the adaptive rule cannot reach ``tol`` (an oscillatory, discontinuous
    or non-integrable ``f``, or a ``tol`` below rounding), it raises
    NumericalError saying why and what to try. With ``full_output=True`` it
    returns its best estimate instead, with ``converged=False``, an honest
    ``error`` and the reason in ``message``, as ``quad(..., full_output=1)``
    does.

    Args:
        f: A function of one real number returning a real number.
        a: The lower limit; may be ``-math.inf`` or ``math.inf`` (adaptive only).
        b: The upper limit; may be infinite (adaptive only).
        method: ``"adaptive"``, ``"simpson"`` or ``"trapezoid"``.
        n: The number of intervals of the composite rules; not used by
            ``"adaptive"``, which chooses its own subintervals.
        tol: The tolerance of ``"adaptive"``, at least ``1.2e-14``.
        full_output: Return an `IntegrationResult` instead of a float.

    Returns:
        The integral as a float, or an `IntegrationResult` with
        ``value``, ``error``, ``nfev``, ``method``, ``intervals``,
        ``converged`` and ``message``.

    Raises:
        InvalidArgumentError: For an unknown ``method``, a bad ``n`` or ``tol``,
            NaN limits, or infinite limits with a composite rule.
        ArgumentTypeError: If ``f`` is not callable or returns a non-number.
        DomainError: If ``f`` raises ValueError or ZeroDivisionError at a point.
        NumericalError: If ``f`` or the integral overflows, or the adaptive
            rule cannot reach ``tol`` (unless ``full_output=True``).

    Examples:
        >>> import math
        >>> from calcweb import integrate
        >>> round(integrate(math.sin, 0, math.pi), 12)
        2.0
        >>> result = integrate(lambda x: math.exp(-x * x), -math.inf, math.inf, full_output=True)
        >>> abs(result.value - math.sqrt(math.pi)) < 1e-12, result.error < 1e-10
        (True, True)
        >>> integrate(lambda x: x**3, 0, 2, method="simpson", n=2)
        4.0
        >>> integrate(lambda x: x * x, 0, 1, method="trapezoid", n=4)
        0.34375
        >>> integrate(lambda x: 1 / x, 0, 1)
        Traceback (most recent call last):
          ...
        calcweb.exceptions.NumericalError: the adaptive rule reached 500 subintervals ...
    """
    check_callable(f)
    a = check_real_or_infinite(a, "a")
    b = check_real_or_infinite(b, "b")
    chosen = _check_choice(method, "method", _METHODS)
    tol = check_real(tol, "tol")
    if tol < MIN_TOL:
        raise InvalidArgumentError(
            f"tol must be at least {MIN_TOL:.2g} (about 50 machine epsilons: double "
            f"precision cannot promise more), but got {tol!r}"
        )
    if chosen == "adaptive":
        if n is not None:
            raise InvalidArgumentError(
                f"n={n!r} is for method='trapezoid' or 'simpson'; the adaptive rule "
                "chooses its own subintervals, so leave n out and set tol instead"
            )
    else:
        _check_finite_interval(a, b, f"method={chosen!r}")
        n = _check_n(DEFAULT_N if n is None else n, 2 if chosen == "simpson" else 1)
        if chosen == "simpson" and n % 2:
            raise InvalidArgumentError(
                f"Simpson's rule pairs the intervals, so n must be even, but got n={n}; "
                f"pass n={n + 1}"
            )
    if not isinstance(full_output, bool):
        raise ArgumentTypeError(f"full_output must be True or False, but got {full_output!r}")
    if a == b:
        result = IntegrationResult(0.0, 0.0, 0, chosen, 0, message="the interval is empty")
    elif a > b:
        result = _oriented(f, b, a, method=chosen, n=n, tol=tol)
        result = dataclasses.replace(result, value=-result.value)
    else:
        result = _oriented(f, a, b, method=chosen, n=n, tol=tol)
    if full_output:
        return result
    if not result.converged:
        raise NumericalError(result.message)
    return result.value


def _oriented(
    f: Function, a: float, b: float, *, method: str, n: int | None, tol: float
) -> IntegrationResult:
    """The integral for ``a < b``."""
    if method != "adaptive":
        assert n is not None  # noqa: S101 - checked by integrate; narrows the type for mypy
        return _composite(f, a, b, n, method)
    g, t0, t1 = _change_of_variable(f, a, b)
    # 15 points on a half-line, as QUADPACK's qagi; 21 elsewhere. Measured
    # against quad (bench/bench_integrate.py): for (-inf, inf) with
    # x = t/(1 - t**2) the 21-point rule needs fewer evaluations.
    rule = K15 if math.isinf(a) != math.isinf(b) else K21
    return _adaptive(g, t0, t1, tol, rule)
