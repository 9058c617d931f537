"""The real line's confirmation of a complex-step value, recomputed for the tests.

Where the check's two central differences agree with the complex step, the
value's error is at least how closely the real line confirms it
(`calcweb._derivative._confirmed`): the pair's resolution ``|value - fine| +
|coarse - fine| + 2 rounding``, or, if finer, the distance from robust
Richardson's value plus its error (Richardson's refusal leaves the pair's).
Here it is computed from the pieces, so that a test can pin the floor without
calling the code it checks, and so that the calls it costs can be counted.
"""

from __future__ import annotations

import contextlib
import math
import sys
from typing import Any

import calcweb
from calcweb import derivative
from calcweb._derivative import _central_pair, _richardson
from calcweb._richardson import representable_step

EPS = sys.float_info.epsilon


def on_the_real_line(f: Any) -> Any:
    """f on real arguments, as a real function (cmath returns ``x + 0j`` there)."""

    def real(t: float) -> float:
        y = f(t)
        return y.real if isinstance(y, complex) else y  # type: ignore[no-any-return]

    return real


def richardson_calls(f: Any, x: float, *, second_walk: bool = False) -> int:
    """The calls robust Richardson's first walk adds on the real line at ``x`` to the check's.

    Where that walk's bound leaves the value a digit, the second one, on the scale
    of ``|x|``, is not asked (`calcweb._derivative._confirmed`); ``second_walk``:
    it is, and its calls count too. Each point is called once (f(x), which the
    check has, is not called again); 0 if Richardson refuses before any call.
    """
    points: set[tuple[float, float]] = set()

    def recorded(t: float) -> float:
        points.add((t, math.copysign(1.0, t)))
        return on_the_real_line(f)(t)  # type: ignore[no-any-return]

    for both in (False, True) if second_walk else (False,):
        with contextlib.suppress(
            calcweb.DomainError, calcweb.NumericalError, calcweb.ArgumentTypeError
        ):
            _richardson(recorded, x, 1, None, second_walk=both)
    return len(points - {(x, math.copysign(1.0, x))})


def pair_resolution(f: Any, x: float, value: float) -> float:
    """``|value - fine| + |coarse - fine| + 2 rounding`` of the check's central pair."""
    h = representable_step(x, EPS ** (1.0 / 3.0) * max(1.0, abs(x)))
    pair = _central_pair(on_the_real_line(f), x, h)
    return abs(value - pair.fine) + abs(pair.coarse - pair.fine) + 2.0 * pair.rounding


def confirmation(f: Any, x: float, value: float) -> float:
    """The floor on the error of a complex-step ``value`` that the real line confirms."""
    resolution = pair_resolution(f, x, value)
    try:
        settled = derivative(on_the_real_line(f), x, method="richardson", full_output=True)
    except (calcweb.DomainError, calcweb.NumericalError, calcweb.ArgumentTypeError):
        return resolution
    return min(resolution, abs(value - settled.value) + settled.error)
