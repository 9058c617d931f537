"""The error of one difference quotient (``method="central"``, ``"forward"``, ``"backward"``).

With ``full_output=True`` `calcweb.derivative` once estimated the truncation
of one quotient ``D(h)`` from the same quotient at twice the step:
``|D(h) - D(2h)| / 3`` (central) or ``|D(h) - D(2h)|`` (one-sided). That is
Richardson's estimate, right only in the asymptotic range, where ``D(h) -
f^(n)(x)`` falls like ``h**p``. Where ``f`` varies on the scale of the step
(with the default step ``eps**(1/3) = 6.1e-6`` for a central first
derivative, an ``f`` whose scale is about 1e-6, as ``tanh(3e5 x)`` or a
Lorentzian of width 1e-6), ``D(h)`` and ``D(2h)`` are both far from ``f'``,
and their difference says nothing about how far: the answers below were 5.8
to 6.6e3 times their error off, and an ``f`` periodic in the step (``sin(2 pi
x / h)``) makes ``D(h) = D(2h)`` exactly. Found by the held-out audit of
session 11. No finite set of quotients at multiples of ``h`` can tell, so the
quotient is now measured against robust Richardson extrapolation on the same
``f`` (`calcweb._derivative._measured`): ``|D(h) - R| + error(R)``, honest
whenever Richardson is; where Richardson cannot settle, the call raises.
"""

from __future__ import annotations

import math

import pytest

import calcweb
from calcweb import derivative
from calcweb._richardson import Estimate, _on_its_scale

REASON = (
    "_one_quotient takes |D(h) - D(2h)| (/3 central) for the truncation without checking "
    "that h is in the asymptotic range: f varying on the scale of h leaves both quotients far "
    "from f' and their difference small"
)


def _lorentzian(x: float) -> float:
    return 1.0 / (1.0 + (1e6 * x) ** 2)


@pytest.mark.parametrize(
    ("f", "x", "method", "exact"),
    [
        # -37283.3 +- 321 (3.2e3 times its error off)
        (lambda x: math.sin(1e6 * x), 0.0, "central", 1e6),
        # 156636 +- 24727 (5.8x)
        (lambda x: math.tanh(3e5 * x), 0.0, "central", 3e5),
        # -1483.04 +- 463 (1076x); f' = -2e12 x / (1 + (1e6 x)**2)**2 = -5e5 at 1e-6
        (_lorentzian, 1e-6, "central", -5e5),
        # 8.32e6 +- 6.4e4 (6.6e3x): forward, default step 1.49e-8
        (lambda x: math.sin(4.3e8 * x), 0.0, "forward", 4.3e8),
        (lambda x: math.sin(4.3e8 * x), 0.0, "backward", 4.3e8),
    ],
    ids=["sin-1e6", "tanh-3e5", "lorentzian-1e-6", "forward-sin-4.3e8", "backward-sin-4.3e8"],
)
def test_one_quotient_is_honest_or_refused_on_a_scale_of_the_default_step(
    f: object, x: float, method: str, exact: float
) -> None:
    result = derivative(f, x, method=method, full_output=True)  # type: ignore[arg-type]
    assert abs(result.value - exact) <= 2.0 * result.error + 4.0 * math.ulp(exact)


@pytest.mark.parametrize(
    ("f", "x", "h", "exact"),
    [
        # -1.77e-17 +- 1.4e-16 for -sin(0.5) = -0.479
        (math.cos, 0.5, math.pi, -math.sin(0.5)),
        # 0.0254 +- 0.0169 for cos(1) = 0.540 (30x)
        (math.sin, 1.0, 3.0, math.cos(1.0)),
    ],
)
def test_one_quotient_with_a_step_on_the_scale_of_f(
    f: object, x: float, h: float, exact: float
) -> None:
    result = derivative(f, x, method="central", h=h, full_output=True)  # type: ignore[arg-type]
    assert abs(result.value - exact) <= 2.0 * result.error + 4.0 * math.ulp(exact)


def test_the_asymptotic_range_is_answered_honestly() -> None:
    # The control: f on a scale far above the step, as the estimate assumes.
    for method in ("central", "forward", "backward"):
        result = derivative(lambda x: math.sin(1e3 * x), 0.0, method=method, full_output=True)
        assert abs(result.value - 1e3) <= 2.0 * result.error


@pytest.mark.parametrize(
    ("f", "x", "method", "error"),
    [
        (abs, 0.0, "central", calcweb.DomainError),  # a kink: the quotient 0 is no f'
        # sin(1e12 x) at 0.3 is now answered by Richardson (-9.08502e11 +- 3.9e9 for
        # -9.08535e11: the rounding of 1e12 x inside sin is allowed for); 1e14 is not.
        (lambda x: math.sin(1e14 * x), 0.3, "central", calcweb.NumericalError),
        (lambda x: math.floor(x * 1e3) / 1e3, 0.5, "forward", calcweb.NumericalError),
    ],
    ids=["kink", "sin-1e14", "stairs"],
)
def test_where_richardson_cannot_settle_no_error_is_claimed(
    f: object, x: float, method: str, error: type[Exception]
) -> None:
    with pytest.raises(error, match=f"the {method} difference quotient at x=.* its error cannot"):
        derivative(f, x, method=method, full_output=True)  # type: ignore[arg-type]
    derivative(f, x, method=method)  # type: ignore[arg-type]  # the quotient alone stands


def test_the_error_is_the_distance_from_richardson_plus_its_error() -> None:
    f = lambda x: math.tanh(3e5 * x)  # noqa: E731
    result = derivative(f, 0.0, method="central", full_output=True)
    robust = derivative(f, 0.0, method="richardson", full_output=True)
    assert result.value == derivative(f, 0.0, method="central")  # the quotient itself
    assert result.error == abs(result.value - robust.value) + robust.error


@pytest.mark.parametrize("method", ["richardson", "central"])
@pytest.mark.parametrize(
    ("k1", "k2", "phase"),
    [
        # bench.honesty one-quotient seed 11: richardson -1407.8 +- 6636 (35.8x), central
        # 6134.9 +- 1.42e4 (17.3x) for -238918.9. Fixed by `_ruled_out`: the walk's window
        # had it; the noise taken where |f| is largest (exp(1555.2 t) at 0.015, its phase
        # rounded there) made the walk done again keep a window above the scale of f.
        # Now -238918.92168862 +- 8.6 and 6134.87 +- 2.5e5.
        (1555.2, 5010750.0, 4.665),
        # seed 22: richardson -2346.9 +- 6.5e4 (25.8x), central 32604.6 +- 1.0e5 (17.2x) for
        # -1688851.37. The walk's first window had it (-1688851.369547617 +- 2.9e-6); a window
        # far above the scale of f (steps of pi and 2 pi of k t: -8874.85 +- 0.26) disagreed,
        # and the noise measured at its slope (spacing 4.5e-7, on f's scale) was f itself,
        # 5.56, with which the walk done again kept that window. `_ruled_out` now applies
        # there too: -1688851.3695427969 +- 250 (84 calls) and 32604.6 +- 1.7e6.
        (-1850.3, 6891840.0, 1.8181),
    ],
)
def test_one_quotient_inherits_a_dishonest_richardson(
    k1: float, k2: float, phase: float, method: str
) -> None:
    # f' at 0 = k1 sin(p) + k2 cos(p), to within rounding of these floats.
    exact = k1 * math.sin(phase) + k2 * math.cos(phase)
    result = derivative(
        lambda t: math.exp(k1 * t) * math.sin(k2 * t + phase), 0.0, method=method, full_output=True
    )
    assert abs(result.value - exact) <= 2.0 * result.error + 1e-9 * abs(exact)


def _scale_estimate(kind: str, window: tuple[tuple[float, float], ...]) -> Estimate:
    return Estimate(1.0, 0.0, 0, 1.0, kind, window[-1][0], window)


def test_a_spacing_on_the_scale_of_f_by_the_estimates_own_truncation() -> None:
    # The quotient at the smallest step 2**-10 is off the estimate 1 by 2**-20: at a reach
    # of 1 its truncation (as h**2) is exactly 1, |f'| itself: not above it; at one ulp
    # more, it is. One-sided quotients grow as h: 2**-10 off at 2**-10 reaches 1 at 1.
    central = _scale_estimate("central", ((2.0**-9, 1.5), (2.0**-10, 1.0 + 2.0**-20)))
    assert not _on_its_scale(1.0, central)
    assert _on_its_scale(math.nextafter(1.0, 2.0), central)
    forward = _scale_estimate("forward", ((2.0**-10, 1.0 + 2.0**-10),))
    assert not _on_its_scale(1.0, forward)
    assert _on_its_scale(math.nextafter(1.0, 2.0), forward)
    # Quotients that show no truncation put no step on f's scale, however far (0 * inf).
    flat = _scale_estimate("central", ((1e-300, 1.0),))
    assert not _on_its_scale(1e300, flat)
    assert not _on_its_scale(1.0, Estimate(1.0, 0.0, 0, 1.0, "central"))  # no window
