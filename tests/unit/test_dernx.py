"""Derivatives that do not exist, where the symmetric quotients settle (session 23, DERNX).

Where ``f`` is even about ``x0`` (odd for ``n = 2``), every central difference
cancels an oscillation or a cusp, and Richardson settled on the smooth part:
``x sin(1/x)`` at 0 was 0 +- 2.9e-4 (its one-sided quotients are ``sin(1/h)``,
+-1 however small ``h`` is), ``sqrt(|x|)`` 0 +- 1.07 (``1/sqrt(h)``), ``x
sin(1/x) + x`` 1.0 +- 2.1e-13, ``x**2 sin(1/x)`` at ``n = 2`` 0 +- 1.2e-10.
The forward quotients of a derivative that exists tend to it; these do not:
`_check_one_sided_settle` refuses such an estimate, at no call where the
forward quotients already taken come nearer it as ``h`` falls.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest

from calcweb import DomainError, derivative, grad, multivariate
from calcweb import _richardson as richardson


def _x_sin_inverse(x: float) -> float:
    return x * math.sin(1 / x) if x else 0.0


C = -13.234153442889697


def _u_squared_sin(x: float) -> float:
    u = (x - C) / 0.11514117699609848
    return u * u * math.sin(1 / u) if u else 0.0


# (name, f, x0, n): none has an n-th derivative at x0, and the central quotients settle
NO_DERIVATIVE: list[tuple[str, Callable[[float], float], float, int]] = [
    ("x sin(1/x) at 0", _x_sin_inverse, 0.0, 1),
    ("x sin(1/x) + sin x at 0", lambda x: _x_sin_inverse(x) + math.sin(x), 0.0, 1),
    ("x sin(1/x) + 1 at 0", lambda x: _x_sin_inverse(x) + 1.0, 0.0, 1),
    ("sqrt(|x|) at 0", lambda x: math.sqrt(abs(x)), 0.0, 1),
    ("pow(|x - 0.4|, 0.3) + 2x at 0.4", lambda x: math.pow(abs(x - 0.4), 0.3) + 2.0 * x, 0.4, 1),
    (
        "3 (x - 1.7) sin(0.01/(x - 1.7)) at 1.7",
        lambda x: 3.0 * (x - 1.7) * math.sin(0.01 / (x - 1.7)) if x != 1.7 else 0.0,
        1.7,
        1,
    ),
    ("x**2 sin(1/x) + x**2, n = 2", lambda x: x * _x_sin_inverse(x) + x * x, 0.0, 2),
    ("x**3 sin(1/x), n = 3", lambda x: x * x * _x_sin_inverse(x), 0.0, 3),
    # steps 1.3 and 0.66 of its scale 0.115: forward quotients 0.029, 0.229 (`_still_far`)
    (
        "2.3 u**2 sin(1/u) + 1.63 x, u = (x + 13.23) / 0.115, n = 2",
        lambda x: 2.3037991140464156 * _u_squared_sin(x) + 1.627758018023393 * (x - C),
        C,
        2,
    ),
]


@pytest.mark.parametrize(
    ("f", "x0", "n"), [c[1:] for c in NO_DERIVATIVE], ids=[c[0] for c in NO_DERIVATIVE]
)
def test_a_derivative_whose_forward_quotients_never_settle_is_refused(
    f: Callable[[float], float], x0: float, n: int
) -> None:
    # The one-sided walk of session 26 (DERKINK) can refuse first, on twice-extrapolated
    # forward values whose spread halved twice by chance (3 (x - 1.7) sin(0.01/(x - 1.7)):
    # "tend to about -0.182135"): a refusal still, its message less apt.
    with pytest.raises(DomainError, match=r"quotients from the right (never settle|tend to about)"):
        derivative(f, x0, n, full_output=True)


def test_grad_refuses_it_too() -> None:
    # grad of x sin(1/x) + y at [0, 1] was [0, 1] +- [0.0019, 4e-16]
    with pytest.raises(DomainError, match="never settle"):
        grad(lambda p: _x_sin_inverse(p[0]) + p[1], full_output=True)([0.0, 1.0])


def test_a_fast_even_part_is_resolved_by_a_forward_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    # x + cos(1e6 x) at 0: the central quotients are 1 at every step (cos is even); the
    # forward ones, 1 + (cos(1e6 h) - 1) / h, swing until h is far below 1e-6. They
    # drift, and the forward walk settles on 1 below that: f'(0) = 1 exists and is
    # answered (15 calls more).
    kinds = []
    search = richardson._search

    def watched(sampler: richardson.Sampler, kind: str, *args: float) -> object:
        kinds.append(kind)
        return search(sampler, kind, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(richardson, "_search", watched)
    result = derivative(lambda x: x + math.cos(1e6 * x), 0.0, full_output=True)
    assert "forward" in kinds
    assert abs(result.value - 1.0) <= 2.0 * result.error + 1e-15


@pytest.mark.parametrize(
    ("f", "x0", "n"),
    [
        (math.sin, 0.3, 1),
        (math.exp, 1.0, 2),
        (lambda x: math.cos(x * x), 30.0, 1),  # forward quotients cross the value once
        (lambda x: math.sin(100.0 * x), 1.0, 1),
        (math.tanh, 0.7, 5),
    ],
)
def test_smooth_functions_cost_no_call(
    f: Callable[[float], float], x0: float, n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_rule = derivative(f, x0, n, full_output=True)
    monkeypatch.setattr(richardson, "_check_one_sided_settle", lambda *args: None)
    without = derivative(f, x0, n, full_output=True)
    assert (with_rule.value, with_rule.error, with_rule.nfev) == (
        without.value,
        without.error,
        without.nfev,
    )


def _rows(distances: list[float], allowed: float = 1e-12) -> list[tuple[float, float, float]]:
    return [(0.01 * 2.0**-k, d, allowed) for k, d in enumerate(distances)]


@pytest.mark.parametrize(
    ("distances", "drifts"),
    [
        ([2.5, 10.3, 7.4, 4.2, 2.2, 1.2], False),  # a h + b h**2 past its largest
        ([0.022, -0.078, -0.025, -0.013, -0.0065], False),  # crossing 0 once
        ([11.5, 16.3, 23.1, 32.7], True),  # sqrt(|x|): grows over steps 8 apart
        ([0.07, 0.14, 0.87, 0.28, 0.54], True),  # sin(1/h): grows again
        ([0.036, -0.012, -0.052, 0.025, -0.0038], True),  # crosses 0 three times
        ([1e-13, -1e-13, 1e-13, -1e-13], False),  # within rounding
    ],
)
def test_what_drifts(distances: list[float], drifts: bool) -> None:
    assert bool(richardson._forward_drift(_rows(distances))) == drifts


def test_a_growth_at_the_smallest_step_looks_further() -> None:
    # x**2 sin(1/x), n = 2, at steps 1.3 and 0.66 of its scale: 0.029, then 0.229
    assert richardson._still_far(_rows([0.029, 0.229]))
    assert not richardson._still_far(_rows([10.3, 7.4, 4.2, 2.2]))  # shrinking as h


def _walked(quotients: list[float], error: float) -> richardson.Estimate:
    window = tuple((0.01 * 4.0**-k, q) for k, q in enumerate(quotients))
    return richardson.Estimate(quotients[-1], error, 0, 0.01, "forward", window=window)


@pytest.mark.parametrize(
    ("quotients", "error", "central", "settled"),
    [
        ([-0.55, -0.72], 5.8, 0.0, False),  # x sin(1/x): a window by chance, error its swing
        ([40473.0, 10177.0, 5090.0], 3783.0, 0.0, True),  # far less than its quotients moved
        ([-10721.0, -2749.0, -688.0], 125758.0, 0.0, True),  # nearing 0 as a h does
        ([1.5876, 1.5886], 0.98, 1.0, False),  # x sin(1/x) + x
    ],
)
def test_when_a_forward_walk_settled(
    quotients: list[float], error: float, central: float, settled: bool
) -> None:
    estimate = richardson.Estimate(central, 1e-3, 0, 0.01, "central")
    assert richardson._settled(_walked(quotients, error), estimate, drift=1.0) == settled


# Crests of sin(k t + c) (bench/scans/crestscan.py's draws): the central window is far
# above the scale of f (its quotients about 0, as f' is), so the forward quotients there
# are f's swings and drift; the forward walk follows f's expansion below and settles on
# f'(x) (0 within its error), or comes nearer it at each step; on a line, the forward
# quotients' rounding is the line's (`_forward_argument_rounding`). (k, c, x, n, line)
CRESTS = [
    (72576.58, 5.9108, -0.2190466571748623, 1, False),  # settles to less than it moved
    (11208.7, 6.1793, 0.8681816026659258, 1, False),  # nearing 0: 918, 230, 57.5
    (38778.09, 0.2398, -0.6082235263991953, 1, False),
    (541660.31, 0.1825, 0.9825341461423528, 3, True),
    (6476504.12, 1.237, 0.9301927142349219, 3, True),  # the line's rounding
]


@pytest.mark.parametrize(("k", "c", "x", "n", "line"), CRESTS)
def test_a_crest_of_a_fast_sine_is_answered(
    k: float, c: float, x: float, n: int, line: bool
) -> None:
    def f(t: float) -> float:
        return math.sin(k * t + c)

    exact = float(
        mpmath.mpf(k) ** n * mpmath.sin(mpmath.mpf(k) * mpmath.mpf(x) + c + n * mpmath.pi / 2)
    )
    if line:
        restricted, scale = multivariate._along(lambda p: f(p[0]), [x, 0.3], [1.0, 0.0])
        result = derivative(restricted, restricted.at, n, full_output=True)
        value, error = math.ldexp(result.value, scale * n), math.ldexp(result.error, scale * n)
    else:
        result = derivative(f, x, n, full_output=True)
        value, error = result.value, result.error
    assert abs(value - exact) <= 2.0 * error
