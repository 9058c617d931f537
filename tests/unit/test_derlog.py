"""Derivatives of ``t g(log2 |t|)`` kept only as rounding grew to their swing (session 24, DERLOG).

``t g(log2 |t|)`` with ``g`` periodic has no derivative at 0: its central
quotient is ``g(log2 h)``, which swings over ``g``'s range at every step. Where
quartered steps do not alias it (periods of ``log3 2`` or ``log10 2`` octaves,
a sawtooth), no window of quotients ever settles at ordinary steps, and the
walk searched down to steps where rounding against a constant in ``f`` grew to
the swing: there three quotients agreed within their rounding, and the probe,
which allows 100 times that rounding, kept them (``0.0663 u (2 + sin(2 pi
log10(2) log2|u| + 0.28)) - 11.7`` at 0: 0.0454 +- 0.0245, while the quotients
swing over 0.017..0.052; most were vacuous, -31.5 +- 112). With no estimate
kept, a window that began within rounding below quotients that swung at every
step, far above their rounding, is no longer kept, and the walk stops
(`_Walk.settled_by_rounding_alone`, `_swung_throughout`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import NumericalError, derivative, grad

LOG3_2 = math.log(2) / math.log(3)
LOG10_2 = math.log(2) / math.log(10)


def _drawn(
    g: Callable[[float], float], power: float, a: float, s: float, b: float, *, c: float = 0.0
) -> Callable[[float], float]:
    """``a |u|**power sign(u) g(u) + b``, ``u = (x - c) / s``, as the session's family drew it."""

    def h(t: float) -> float:
        return (t if power == 1.0 else abs(t) ** power) * g(t) if t else 0.0

    return lambda x: a * h((x - c) / s) + b + 0.0 * (x - c)


def _swinging_sine(t: float) -> float:
    return 2 + math.sin(2 * math.pi * LOG10_2 * math.log2(abs(t)) + 0.28157404712274187)


def _swinging_cosine(t: float) -> float:
    return math.cos(2 * math.pi * LOG3_2 * math.log2(abs(t)) + 0.4023812923829419)


def _sawtooth(t: float) -> float:
    return (LOG3_2 * math.log2(abs(t)) + 1.0206969940240342) % 1.0


def _sawtooth_far(t: float) -> float:
    return (LOG3_2 * math.log2(abs(t)) + 6.185597043504733) % 1.0


SAWTOOTH_AT = -0.1053084583953936
FAR_AT = 0.835567733313149

# (name, f, x): no derivative at x; each was answered from steps of a few ulps
NO_DERIVATIVE: list[tuple[str, Callable[[float], float], float]] = [
    (
        "0.0663 u (2 + sin(2 pi log10(2) log2|u| + 0.28)) - 11.7, u = x / 3.83",
        _drawn(_swinging_sine, 1.0, 0.06633037901755177, 3.83243783069348, -11.698459423681411),
        0.0,
    ),
    (
        "1.33 u cos(2 pi log3(2) log2|u| + 0.40) - 0.453, u = x / 0.0447",
        _drawn(_swinging_cosine, 1.0, 1.3333282342090838, 0.04470886927444989, -0.4531759467977042),
        0.0,
    ),
    (
        "3.65 u frac(log3(2) log2|u| + 1.02) + 0.147, u = (x + 0.105) / 0.121",
        _drawn(
            _sawtooth,
            1.0,
            3.6450335939804233,
            0.12143801143365501,
            0.14675036846466738,
            c=SAWTOOTH_AT,
        ),
        SAWTOOTH_AT,
    ),
    # Beside -487, the quotients' jumps above the window (0.94, from a sawtooth of 2.6)
    # are 4 to 15 times their rounding (0.016 to 0.062): far above it, as a window's
    # first quotients that agree only within 4 times theirs are not.
    (
        "0.438 u frac(log3(2) log2|u| + 6.19) - 487, u = (x - 0.836) / 0.122",
        _drawn(
            _sawtooth_far,
            1.0,
            0.43791982598090706,
            0.12211051997480775,
            -487.34411796755705,
            c=FAR_AT,
        ),
        FAR_AT,
    ),
]


@pytest.mark.parametrize(
    ("f", "x"), [case[1:] for case in NO_DERIVATIVE], ids=[case[0] for case in NO_DERIVATIVE]
)
def test_a_slope_swinging_in_log_h_is_refused(f: Callable[[float], float], x: float) -> None:
    with pytest.raises(NumericalError, match="never settled at steps where rounding is small"):
        derivative(f, x, full_output=True)


def test_grad_refuses_it_too() -> None:
    f = NO_DERIVATIVE[0][1]
    with pytest.raises(NumericalError, match="never settled at steps where rounding is small"):
        grad(lambda v: f(v[0]) + v[1] ** 2)([0.0, 0.5])


def _cosine(phase: float) -> Callable[[float], float]:
    return lambda t: math.cos(2 * math.pi * math.log2(abs(t)) + phase)


# (name, f, x, f'(x)): derivatives that exist, answered before and after
EXISTS: list[tuple[str, Callable[[float], float], float, float]] = [
    # The forward walk of the one-sided checks: quotients that fall as sqrt(h), their
    # jumps halving with each quartered step (3 jumps below a quarter: not swinging).
    (
        "1.83 |u|**1.5 cos(2 pi log2|u| + 5.81) + 1, u = (x - 0.82) / 0.88",
        _drawn(
            _cosine(5.812974650489991),
            1.5,
            1.834991500287643,
            0.8801184924860073,
            1.0,
            c=0.8199864779236528,
        ),
        0.8199864779236528,
        0.0,
    ),
    # The same, with fewer rows above the window than SWUNG jumps need.
    (
        "72.5 |u|**1.5 cos(2 pi log2|u| + 1.35) + 1, u = x / 0.0534",
        _drawn(_cosine(1.3495380317434837), 1.5, 72.5051153222884, 0.05339208165003558, 1.0),
        0.0,
        0.0,
    ),
    # Stairs: the quotients settle at steps 0.0019 to 1.2e-4, then the stairs' noise
    # grows (two jumps in a row below 1/16 of the largest: they calmed).
    (
        "round(t**3 2**36) / 2**36",
        lambda t: round(math.pow(t, 3) * 2**36) / 2**36,
        0.032172236019844126,
        3 * 0.032172236019844126**2,
    ),
    (
        "(1.19e6 + cos t) - 1.19e6",
        lambda t: (1.19e6 + math.cos(t)) - 1.19e6,
        -0.0026448321811154015,
        -math.sin(-0.0026448321811154015),
    ),
]


@pytest.mark.parametrize(
    ("f", "x", "exact"), [case[1:] for case in EXISTS], ids=[case[0] for case in EXISTS]
)
def test_quotients_that_settle_or_grow_noisy_still_answer(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    result = derivative(f, x, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error + 1e-15
