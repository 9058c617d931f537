"""f that repeats on the sample grid (session 23, LIMALIAS): limits that do not exist.

`limit` samples ``x0 +- h 2**-k`` (``2**k`` at infinity). ``f`` periodic in
``1/x`` at 0, in ``x`` at infinity or in ``log2 x`` takes one value at every
one of those points and was answered with an error of 1e-16 or less:
``cos(2 pi/x)`` at 0 was 1.0 +- 4.4e-16 (it is -1 at ``1/(n + 1/2)``),
``x % 1`` at infinity 0.0 +- 2.2e-308 (0.5 at ``2**k + 1/2``). Now `limit`
samples ``f`` between its steps at three depths (``h_k`` times an irrational
ratio, or ``1/h`` shifted by an irrational amount) and refuses a value that
``f`` there is far off at every depth (`limits._off_the_grid`); departures
that shrink toward ``x0`` (``(x % 1)/x``) widen the error instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import limit
from calcweb import limits as limits_module
from calcweb.exceptions import NumericalError
from calcweb.limits import LimitResult

# (name, f, x0, side, a point as close to x0 as you like where f is far off the grid's value)
ALIASED: list[tuple[str, Callable[[float], float], float, str, float]] = [
    ("cos(2 pi/x) at 0", lambda x: math.cos(2 * math.pi / x), 0.0, "both", 1 / (2**30 + 0.5)),
    (
        "cos(pi x)**2 at -inf",
        lambda x: math.cos(math.pi * x) ** 2,
        -math.inf,
        "right",
        -(2**30) - 0.5,
    ),
    (
        "cos(2 pi log2(x - 3)) at 3+",
        lambda x: math.cos(2 * math.pi * math.log2(x - 3)),
        3.0,
        "right",
        3 + 2**-30.5,
    ),
    ("frexp(x)[0] at inf", lambda x: math.frexp(x)[0], math.inf, "left", 0.75 * 2**30),
    (
        "x/2**floor(log2 x) at 0+",
        lambda x: x / 2 ** math.floor(math.log2(x)),
        0.0,
        "right",
        1.5 * 2**-30,
    ),
    ("int(x) % 4 at inf", lambda x: int(x) % 4, math.inf, "left", 2**30 + 1),
    ("x - round(x) at inf", lambda x: x - round(x), math.inf, "left", 2**30 + 0.5),
    # the aliasing beside a smooth term: the grid shows 1 + x, extrapolated to 1
    (
        "x/2**floor(log2 x) + x at 0+",
        lambda x: x / 2 ** math.floor(math.log2(x)) + x,
        0.0,
        "right",
        1.5 * 2**-30,
    ),
    # small ones: 1 and 1 + 5e-10 at every step, within 1e-9 elsewhere
    ("1 + 1e-9 (x % 1) at inf", lambda x: 1 + 1e-9 * (x % 1), math.inf, "left", 2**30 + 0.5),
    (
        "1 + 1e-9 frexp(x)[0] at 0+",
        lambda x: 1 + 1e-9 * math.frexp(x)[0],
        0.0,
        "right",
        0.75 * 2**-30,
    ),
]


@pytest.mark.parametrize(
    ("f", "x0", "side", "witness"), [c[1:] for c in ALIASED], ids=[c[0] for c in ALIASED]
)
def test_f_that_repeats_on_the_steps_is_refused(
    f: Callable[[float], float], x0: float, side: str, witness: float
) -> None:
    result = limit(f, x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    # the witness shows the value was a lie: f there is far off it, close to x0
    assert abs(f(witness) - result.value) > 1e-10
    assert not result.converged, (result.value, result.error)
    # int(x) % 4 at inf: since session 30 the samples farther out stop at x = 1
    # (`_run_reach`), and the drop from 2 (x = 2) onto the run of 0 (x >= 4) is
    # refused first by `_lost_early` (f is 3 at 3.2), whose message names a
    # cancellation, not the aliasing: refused all the same.
    aliasing = "between the points sampled is far off them" in result.message
    assert aliasing or (x0 == math.inf and "before the drop" in result.message)


def test_the_plain_call_raises_naming_a_witness() -> None:
    f = lambda x: math.cos(2 * math.pi / x)  # noqa: E731
    with pytest.raises(
        NumericalError, match=r"f between the points sampled is far off them"
    ) as raised:
        limit(f, 0.0)
    # the message names a point and f there, which is far off the grid's value 1.0
    text = str(raised.value)
    x = float(text.split("f(")[1].split(")", maxsplit=1)[0])
    assert abs(x) < 1e-9
    assert abs(f(x) - 1.0) > 0.1


@pytest.mark.parametrize(
    ("f", "x0", "side", "exact"),
    [
        (lambda x: (x % 1) / x, math.inf, "left", 0.0),  # off the steps, closing in on 0
        (lambda x: 3 + (-1) ** int(x) / x, math.inf, "left", 3.0),
        (lambda x: 1 + x * math.cos(2 * math.pi / x), 0.0, "right", 1.0),
        (lambda x: 2 + x * math.cos(2 * math.pi * math.log2(x)), 0.0, "right", 2.0),
        (lambda x: math.cos(2 * math.pi * x) / x, math.inf, "left", 0.0),
        (lambda x: math.frexp(x)[0] * x, 0.0, "right", 0.0),
    ],
)
def test_an_oscillation_that_dies_out_is_answered(
    f: Callable[[float], float], x0: float, side: str, exact: float
) -> None:
    result = limit(f, x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2 * result.error + 4 * math.ulp(exact)


def test_the_error_covers_f_off_the_steps_where_it_closes_in() -> None:
    # (x % 1)/x is 0 at every step 2**k, and 0.318/2**40 between the deepest
    # probed: it was 0.0 +- 2.2e-308; the error now reaches f there.
    result = limit(lambda x: (x % 1) / x, math.inf, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged
    assert result.error >= 0.3 / 2**42


@pytest.mark.parametrize(
    ("f", "x0", "side", "calls"),
    [
        (lambda x: math.sin(x) / x, 0.0, "both", 2),
        (lambda x: (1 - math.cos(x)) / x**2, 0.0, "right", 2),
        # Exact at the steps 2**k, rounding's noise between them (1e-4 at 2**40, 4e-9
        # at 2**24) is off its trend: one call at each, two at 2**8 (on a trend
        # there too coarse to tell 4e-9); it grows as rounding does, also from 2**32
        # halfway between (one call, 2e-7), and from 2**16 halfway out (both points
        # there, two calls, 1e-11; session 32), and stands.
        (lambda x: (1 + 1 / x) ** x, math.inf, "left", 7),
        (lambda x: math.log(x) / (x - 1), 1.0, "both", 2),
    ],
)
def test_a_smooth_f_costs_two_calls_a_side(
    f: Callable[[float], float],
    x0: float,
    side: str,
    calls: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checked = limit(f, x0, side=side, full_output=True)
    monkeypatch.setattr(limits_module, "_off_the_grid", lambda f, point, scale, result, x0: result)
    unchecked = limit(f, x0, side=side, full_output=True)
    assert isinstance(checked, LimitResult)
    assert isinstance(unchecked, LimitResult)
    assert (checked.value, checked.error, checked.converged) == (
        unchecked.value,
        unchecked.error,
        unchecked.converged,
    )
    assert checked.nfev - unchecked.nfev == calls * (2 if side == "both" else 1)


def test_rounding_that_is_exact_only_at_the_steps_is_no_oscillation() -> None:
    # ((1 + x) - 1)/x is exactly 1 at every step (binary fractions) and
    # 1 + 2**-52/x or so between them: off at every depth, by 6e-14, 4e-9 and
    # 2e-4, ever more toward 0 as rounding noise grows. Its limit, 1, stands.
    result = limit(lambda x: ((1 + x) - 1) / x, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result.message
    assert result.value == 1.0
