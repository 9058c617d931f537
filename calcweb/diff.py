r"""Finite-difference formulas for the first derivative.

The three textbook difference quotients, each with a step chosen to balance
truncation error against rounding error when the reader does not give one:

* forward  $\frac{f(x+h) - f(x)}{h}$, error $O(h)$;
* backward $\frac{f(x) - f(x-h)}{h}$, error $O(h)$;
* central  $\frac{f(x+h) - f(x-h)}{2h}$, error $O(h^2)$.

The step ``h`` is always positive: the formula itself decides on which side of
``x`` it looks.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

from calcweb._checks import (
    EXTRA_ARGUMENTS,
    INTO_THE_DOMAIN,
    STEP,
    check_callable,
    check_point,
    check_step,
    checking_arguments_hinting,
    evaluate,
    x_itself_first,
)
from calcweb._richardson import representable_step
from calcweb.exceptions import NumericalError

__all__ = ["backward_difference", "central_difference", "forward_difference"]

_EPS = sys.float_info.epsilon
# Near-optimal steps for a function whose values and derivatives are of order
# one: h ~ eps**(1/2) balances the O(h) truncation of a one-sided formula
# against its O(eps/h) rounding; h ~ eps**(1/3) does the same for the O(h**2)
# central formula. Both are scaled with |x| so the step stays meaningful.
_ONE_SIDED_STEP = math.sqrt(_EPS)
_CENTRAL_STEP = _EPS ** (1.0 / 3.0)


def _quotient(upper: float, lower: float, width: float) -> float:
    """``(upper - lower) / width``, also if only the difference overflows; else NumericalError."""
    result = (upper - lower) / width
    if not math.isfinite(result):  # 1e308 - (-1e308): halve both before subtracting
        result = (0.5 * upper - 0.5 * lower) / width * 2.0
    if not math.isfinite(result):
        raise NumericalError(
            f"the difference quotient ({upper!r} - {lower!r}) / {width!r} overflows a float; "
            "f changes by more than about 1e308 over the step: use a smaller h"
        )
    return result


def _step(x: float, h: object, relative: float) -> float:
    if h is None:
        return representable_step(x, relative * max(1.0, abs(x)))
    return representable_step(x, check_step(h))


@checking_arguments_hinting(STEP, EXTRA_ARGUMENTS)
def forward_difference(f: Callable[[float], float], x: float, h: float | None = None) -> float:
    r"""Approximate $f'(x)$ by the forward difference $\frac{f(x+h) - f(x)}{h}$.

    Args:
        f: A function of one real number returning a real number.
        x: The point at which to differentiate.
        h: The step, > 0. By default $\sqrt{\varepsilon}\max(1, |x|)$,
            about ``1.5e-8`` near zero, which balances truncation and rounding.

    Returns:
        The approximation; its error is $O(h)$.

    Raises:
        InvalidArgumentError: If ``h <= 0`` or ``x`` is not finite.
        ArgumentTypeError: If ``f`` is not callable or returns a non-number.
        DomainError: If ``f`` raises ValueError at one of the points used.
        NumericalError: If ``f`` returns NaN or inf, or the step overflows.

    Examples:
        >>> from calcweb import forward_difference
        >>> round(forward_difference(lambda x: x**2, 3.0, h=1e-3), 6)
        6.001
    """
    check_callable(f)
    x = check_point(x, "x")
    step = _step(x, h, _ONE_SIDED_STEP)
    with x_itself_first(f, x):
        return _quotient(evaluate(f, x + step), evaluate(f, x, fix=INTO_THE_DOMAIN), step)


@checking_arguments_hinting(STEP, EXTRA_ARGUMENTS)
def backward_difference(f: Callable[[float], float], x: float, h: float | None = None) -> float:
    r"""Approximate $f'(x)$ by the backward difference $\frac{f(x) - f(x-h)}{h}$.

    Args:
        f: A function of one real number returning a real number.
        x: The point at which to differentiate.
        h: The step, > 0; the formula looks to the left of ``x`` by itself.
            By default $\sqrt{\varepsilon}\max(1, |x|)$.

    Returns:
        The approximation; its error is $O(h)$.

    Raises:
        InvalidArgumentError: If ``h <= 0`` or ``x`` is not finite.
        ArgumentTypeError: If ``f`` is not callable or returns a non-number.
        DomainError: If ``f`` raises ValueError at one of the points used.
        NumericalError: If ``f`` returns NaN or inf, or the step overflows.

    Examples:
        >>> from calcweb import backward_difference
        >>> round(backward_difference(lambda x: x**2, 3.0, h=1e-3), 6)
        5.999
    """
    check_callable(f)
    x = check_point(x, "x")
    step = _step(x, h, _ONE_SIDED_STEP)
    with x_itself_first(f, x):
        return _quotient(evaluate(f, x, fix=INTO_THE_DOMAIN), evaluate(f, x - step), step)


@checking_arguments_hinting(STEP, EXTRA_ARGUMENTS)
def central_difference(f: Callable[[float], float], x: float, h: float | None = None) -> float:
    r"""Approximate $f'(x)$ by the central difference $\frac{f(x+h) - f(x-h)}{2h}$.

    The central formula cancels the even terms of the Taylor expansion, so its
    truncation error is $\frac{h^2}{6} f'''(x)$: second order, against
    first order for the one-sided formulas.

    Args:
        f: A function of one real number returning a real number.
        x: The point at which to differentiate.
        h: The step, > 0. By default $\varepsilon^{1/3}\max(1, |x|)$,
            about ``6e-6`` near zero, which balances the $O(h^2)$
            truncation error against the $O(\varepsilon/h)$ rounding error.

    Returns:
        The approximation of $f'(x)$.

    Raises:
        InvalidArgumentError: If ``h <= 0`` or ``x`` is not finite.
        ArgumentTypeError: If ``f`` is not callable or returns a non-number.
        DomainError: If ``f`` raises ValueError at ``x``, ``x - h`` or ``x + h``:
            the quotient does not use ``f(x)``, but ``f`` has no derivative where
            it has no value.
        NumericalError: If ``f`` returns NaN or inf, or the step overflows.

    Examples:
        >>> import math
        >>> from calcweb import central_difference
        >>> round(central_difference(lambda x: x**3, 2.0), 8)
        12.0
        >>> abs(central_difference(math.sin, 0.5) - math.cos(0.5)) < 1e-10
        True
        >>> central_difference(math.exp, 1.0, h=0.0)
        Traceback (most recent call last):
          ...
        calcweb.exceptions.InvalidArgumentError: h must be > 0, but got 0.0; ...
    """
    check_callable(f)
    x = check_point(x, "x")
    step = _step(x, h, _CENTRAL_STEP)
    # f has no derivative where it has no value, though the quotient never uses
    # f(x) (1/(x - 1) at 1 gave 2.7e10): f(x) first.
    evaluate(f, x, fix=INTO_THE_DOMAIN)
    return _quotient(evaluate(f, x + step), evaluate(f, x - step), 2.0 * step)
