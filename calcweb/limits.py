r"""Numerical limits by Richardson extrapolation, with an error estimate.

To find $\lim_{x \to x_0^+} f(x)$, `limit` evaluates ``f`` at
$x_0 + h_k$ for the steps $h_k = s\,2^{-k-2}$ (``s`` a power of two
near $\max(1, |x_0|)$, so every point is exact), then removes the
$h, h^2, h^3, \dots$ terms of $f(x_0 + h) = L + c_1 h + c_2 h^2 +
\dots$ by Richardson extrapolation. The estimate whose neighbours in the
table agree best is returned, with their disagreement as its error: the
extrapolation makes the big steps accurate, and the small steps cover limits
such as $x \log x$ that are not power series in ``h``. Samples past the
step where rounding noise starts to win (as it does in
$(e^x - 1 - x)/x^2$) are dropped first, so that noise cannot pass for
convergence.

A limit at $\pm\infty$ is the one-sided limit of $f(\pm 1/h)$ as
$h \to 0^+$.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import sys
from collections.abc import Callable
from typing import Literal

from calcweb._checks import check_callable, check_real_or_infinite, evaluate
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)

__all__ = ["LimitResult", "limit"]

Function = Callable[[float], float]
_SIDES = {"both": "both", "left": "left", "right": "right", "-": "left", "+": "right"}
STEPS = 48  # samples per side: h from s/4 down to s * 2**-49, a few ulps of x0
ORDERS = 6  # the highest power of h that Richardson extrapolation removes
MIN_SAMPLES = 6  # fewer valid samples next to x0 than this cannot show a trend
ACCEPT = 1e-6  # a relative error above this means f does not settle
_EPS = sys.float_info.epsilon


@dataclasses.dataclass(frozen=True)
class LimitResult:
    """What `limit` returns with ``full_output=True``.

    Attributes:
        value: The limit; ``math.inf`` or ``-math.inf`` when ``f`` grows
            without bound (``message`` says so).
        error: An estimate of the absolute error of a finite ``value``
            (0.0 for an infinite one).
        nfev: How many times ``f`` was evaluated.
        side: ``"both"``, ``"left"`` or ``"right"``.
        left: The limit from the left, or None if it was not taken.
        right: The limit from the right, or None if it was not taken.
        converged: ``False`` when ``f`` did not settle near ``x0``; ``message``
            then says why.
        message: A sentence about how the computation ended.
    """

    value: float
    error: float
    nfev: int
    side: str
    left: float | None
    right: float | None
    converged: bool = True
    message: str = ""

    def __float__(self) -> float:
        return self.value


@dataclasses.dataclass(frozen=True)
class _OneSided:
    value: float
    error: float
    nfev: int
    converged: bool
    message: str


def _samples(f: Function, point: Callable[[float], float], scale: float) -> _OneSided | list[float]:
    """``f`` at the points nearest ``x0``, or a result when they settle nothing.

    A point where ``f`` fails (outside its domain, overflow) cuts the sequence:
    only the unbroken run closest to ``x0`` is extrapolated. If ``f`` fails
    right next to ``x0`` after growing without bound, the limit is infinite;
    if it overflows there after a long run (``exp(-x) cosh(x)`` at ``inf``),
    that run is used.
    """
    values: list[float] = []
    before: list[float] = []
    failure: CalcwebError | None = None
    nfev = 0
    for k in range(STEPS):
        x = point(scale * 2.0 ** -(k + 2))
        nfev += 1
        try:
            if not math.isfinite(x):
                raise NumericalError(f"the sample point {x!r} is not a finite number")
            values.append(evaluate(f, x))
        except (DomainError, NumericalError) as error:
            failure, before, values = error, values or before, []
    if len(values) >= MIN_SAMPLES:
        return values
    # 1/x**30 overflows (or underflows to a division by 0) next to x0.
    if _divergence(before):
        return _infinite(before, nfev)
    if isinstance(failure, NumericalError) and len(before) >= MIN_SAMPLES:
        return before
    assert failure is not None  # noqa: S101 - STEPS > MIN_SAMPLES: a sample failed
    raise type(failure)(f"f cannot be evaluated close enough to x0: {failure}") from failure


def _divergence(values: list[float]) -> bool:
    """Whether the last samples grow in size without slowing down, all of one sign."""
    tail = values[-8:]
    if len(tail) < 8 or len({math.copysign(1.0, y) for y in tail}) != 1:
        return False
    sizes = [abs(y) for y in tail]
    steps = [later - earlier for earlier, later in itertools.pairwise(sizes)]
    return all(step > 0 for step in steps) and all(
        later >= 0.99 * earlier for earlier, later in itertools.pairwise(steps)
    )


def _infinite(values: list[float], nfev: int) -> _OneSided:
    value = math.copysign(math.inf, values[-1])
    return _OneSided(value, 0.0, nfev, True, f"f grows without bound: the limit is {value}")


def _extrapolate(values: list[float]) -> tuple[float, float]:
    """The Richardson estimate whose neighbours agree best, and that disagreement.

    ``values[k]`` is ``f`` at step ``s * 2**-k``; column ``j`` of the table
    removes the ``h**j`` term, so each of its entries combines ``j + 1``
    neighbouring samples. An entry's error is the larger of the two changes
    along its column just before it (taking the larger makes two noisy
    samples that agree by chance unlikely to win), or their geometric tail.
    """
    best_value, best_error = values[-1], math.inf
    column = values
    for order in range(ORDERS + 1):
        if order:
            factor = 2.0**order - 1.0
            column = [b + (b - a) / factor for a, b in itertools.pairwise(column)]
        for k in range(2, len(column)):
            last, before = abs(column[k] - column[k - 1]), abs(column[k - 1] - column[k - 2])
            # If the changes shrink slowly (sqrt(h) does), what is left to go
            # is their geometric tail, last * r / (1 - r), not the last change;
            # doubled, since r itself is only estimated.
            ratio = min(last / before, 0.9) if before else 0.0
            tail = 2.0 * last * ratio / (1.0 - ratio)
            error = max(last, before, tail, 2.0 * _EPS * abs(column[k]))
            if error < best_error:
                best_value, best_error = column[k], error
        if len(column) < 4:
            break
    return best_value, best_error


def _without_plateau(values: list[float]) -> list[float]:
    """``values`` without the run of equal values that ends them, but for its first.

    Close to ``x0`` cancellation can round ``f`` to a constant: ``1 - cos(h)``
    is exactly 0 for ``h < 1e-8``, so ``(1 - cos(x))/x**2`` sits at 0 there,
    though its limit is 1/2. Such a plateau would look perfectly converged;
    a function that is constant all along keeps all its samples.
    """
    end = len(values)
    while end > 1 and values[end - 1] == values[end - 2]:
        end -= 1
    return values if end == 1 else values[:end]


def _before_noise(values: list[float]) -> list[float]:
    """``values`` up to where rounding noise starts to dominate them.

    For a smooth ``f`` the changes ``|y[k+1] - y[k]|`` shrink as the step
    halves, while rounding noise in ``f`` (cancellation, as in
    ``(f(1 + h) - f(1))/h``) grows as ``h`` shrinks: the smallest change marks
    where the noise wins, and the samples beyond it are dropped, since noisy
    samples can agree by chance and fake convergence. A change of exactly 0
    does not count: noise quantised to whole ulps repeats values too.
    """
    changes = [abs(b - a) for a, b in itertools.pairwise(values)]
    nonzero = [k for k in range(MIN_SAMPLES - 2, len(changes)) if changes[k] > 0.0]
    if not nonzero:
        return values
    smallest = min(nonzero, key=lambda k: changes[k])
    return values[: smallest + 2]


def _one_sided(f: Function, point: Callable[[float], float], scale: float, name: str) -> _OneSided:
    samples = _samples(f, point, scale)
    if isinstance(samples, _OneSided):
        return samples
    nfev = STEPS
    value, error = _extrapolate(_before_noise(_without_plateau(samples)))
    if math.isfinite(value) and error <= ACCEPT * max(1.0, abs(value)):
        return _OneSided(value, error, nfev, True, f"extrapolated from the {name}")
    if _divergence(samples):
        return _infinite(samples, nfev)
    return _OneSided(
        value,
        error,
        nfev,
        False,
        f"f does not settle as x approaches x0 from the {name}: the best estimate "
        f"{value:.6g} has an estimated error of {error:.2g}. The limit may not exist "
        "(f oscillates, as sin(1/x) does at 0) or f may lose its accuracy near x0; "
        "pass full_output=True to get the estimate anyway",
    )


def _check_side(side: object, x0: float) -> str:
    if not isinstance(side, str) or side not in _SIDES:
        raise InvalidArgumentError(
            f"side must be 'both', 'left' or 'right' ('-' or '+'), but got {side!r}"
        )
    side = _SIDES[side]
    if math.isinf(x0):
        approach = "left" if x0 > 0 else "right"
        if side not in ("both", approach):
            raise InvalidArgumentError(
                f"nothing lies to the {side} of x0={x0!r}; pass side={approach!r} or leave side out"
            )
        side = approach
    return side


def _points(x0: float, side: str) -> Callable[[float], float]:
    """The map from a step ``h > 0`` to the sample point on ``side`` of ``x0``."""
    if math.isinf(x0):
        return lambda h: math.copysign(1.0, x0) / h
    direction = 1.0 if side == "right" else -1.0
    return lambda h: x0 + direction * h


def limit(
    f: Function,
    x0: float,
    *,
    side: Literal["both", "left", "right", "-", "+"] = "both",
    full_output: bool = False,
) -> float | LimitResult:
    r"""The limit of ``f(x)`` as ``x`` approaches ``x0``, never evaluating ``f(x0)``.

    ``f`` is sampled on a geometric sequence of points approaching ``x0`` and
    the samples are extrapolated to the limit (Richardson extrapolation); the
    error estimate comes from how well neighbouring extrapolations agree.

    * ``side="both"`` takes both one-sided limits and raises DomainError,
      giving both values, when they differ (``sign(x)`` or ``1/x`` at 0).
    * ``side="right"`` (or ``"+"``) and ``side="left"`` (or ``"-"``) take one.
    * ``x0`` may be ``math.inf`` or ``-math.inf``.
    * When ``f`` grows without bound (``1/x**2`` at 0), the result is
      ``math.inf`` or ``-math.inf``, as in ``sympy.limit``; ``message`` of
      the full output says so.
    * When ``f`` does not settle (``sin(1/x)`` at 0) it raises NumericalError;
      with ``full_output=True`` it returns the best estimate with
      ``converged=False`` instead.

    Args:
        f: A function of one real number returning a real number.
        x0: The point approached; may be infinite.
        side: ``"both"``, ``"left"`` (``"-"``) or ``"right"`` (``"+"``).
        full_output: Return a `LimitResult` instead of a float.

    Returns:
        The limit as a float, or a `LimitResult` with ``value``,
        ``error``, ``nfev``, ``side``, ``left``, ``right``, ``converged`` and
        ``message``.

    Raises:
        InvalidArgumentError: For an unknown ``side`` or a NaN ``x0``.
        ArgumentTypeError: If ``f`` is not callable or returns a non-number.
        DomainError: If the one-sided limits differ, or ``f`` is not defined
            on one side of ``x0`` (then pass the other side).
        NumericalError: If ``f`` does not settle near ``x0`` (unless
            ``full_output=True``).

    Examples:
        >>> import math
        >>> from calcweb import limit
        >>> round(limit(lambda x: math.sin(x) / x, 0.0), 12)
        1.0
        >>> round(limit(lambda x: (1 + x) ** (1 / x), 0.0), 10) == round(math.e, 10)
        True
        >>> abs(limit(lambda x: x * math.log(x), 0.0, side="right")) < 1e-12
        True
        >>> round(limit(lambda x: (1 + 1 / x) ** x, math.inf), 10) == round(math.e, 10)
        True
        >>> limit(lambda x: 1 / x**2, 0.0)
        inf
        >>> limit(lambda x: math.copysign(1.0, x), 0.0)
        Traceback (most recent call last):
          ...
        calcweb.exceptions.DomainError: the one-sided limits at x0=0.0 differ: ...
    """
    check_callable(f)
    x0 = check_real_or_infinite(x0, "x0")
    approach = _check_side(side, x0)
    if not isinstance(full_output, bool):
        raise ArgumentTypeError(f"full_output must be True or False, but got {full_output!r}")
    scale = 1.0 if abs(x0) < 2.0 or math.isinf(x0) else math.ldexp(1.0, math.frexp(x0)[1] - 1)
    sides = ("left", "right") if approach == "both" else (approach,)
    found = {name: _one_sided_of(f, x0, name, scale, approach) for name in sides}
    result = _combine(x0, approach, found)
    if not result.converged and not full_output:
        raise NumericalError(result.message)
    return result if full_output else result.value


def _one_sided_of(f: Function, x0: float, name: str, scale: float, side: str) -> _OneSided:
    """The limit from ``name``, explaining a failure on one side of a two-sided limit."""
    try:
        return _one_sided(f, _points(x0, name), scale, name)
    except DomainError as error:
        if side != "both":
            raise
        other = "right" if name == "left" else "left"
        raise DomainError(
            f"f is not defined on the {name} of x0={x0!r} ({error}); pass "
            f"side={other!r} for the one-sided limit"
        ) from error


def _combine(x0: float, side: str, found: dict[str, _OneSided]) -> LimitResult:
    """Join the one-sided limits, refusing two that differ."""
    left, right = found.get("left"), found.get("right")
    nfev = sum(one.nfev for one in found.values())
    if left is None or right is None:
        one = left or right
        assert one is not None  # noqa: S101 - at least one side was taken
        return LimitResult(
            one.value,
            one.error,
            one.nfev,
            side,
            left.value if left else None,
            right.value if right else None,
            one.converged,
            one.message,
        )
    for one in (left, right):
        if not one.converged:
            return LimitResult(
                one.value, one.error, nfev, side, left.value, right.value, False, one.message
            )
    gap = abs(left.value - right.value)
    tolerance = 10.0 * (left.error + right.error) + 4.0 * _EPS * max(
        abs(left.value), abs(right.value)
    )
    infinite = math.isinf(left.value) or math.isinf(right.value)
    if left.value != right.value and (infinite or not gap <= tolerance):
        raise DomainError(
            f"the one-sided limits at x0={x0!r} differ: {right.value!r} from the right "
            f"and {left.value!r} from the left, so the limit does not exist; pass "
            "side='left' or side='right' for a one-sided limit"
        )
    value = left.value if math.isinf(left.value) else 0.5 * (left.value + right.value)
    error = 0.0 if math.isinf(value) else max(left.error, right.error, 0.5 * gap)
    message = right.message if math.isinf(value) else "extrapolated from both sides, which agree"
    return LimitResult(value, error, nfev, side, left.value, right.value, True, message)
