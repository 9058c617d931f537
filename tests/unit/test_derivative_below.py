"""An estimate from large steps that the quotients at smaller ones contradict (issue 13).

``bench.honesty grad`` (seeds 3-5, 1000 draws) drew ``f(p) = m / (a.p / s -
shift)`` at points 1.1e-8 to 1.6e-7 (in units of ``s``; 2.5e-14 to 3.4e-12 in
``p``) from the pole. Each entry of the gradient is a first derivative in ``t``
of ``f(x + t e_i)``, with steps from 0.015, far above the pole's distance; ``x_i + t``
rounded to ulp(x_i) makes ``f`` noisy near ``x`` (3e-8 of ``|f|``). The first
walk found the derivative at steps near 1e-16; the noise, measured at ``x``
and taken as an absolute floor, sent a second walk over the same steps, where
at the first steps (``f ~ K / t``, 1e10 to 1e12 times smaller than near ``x``)
every quotient is within that noise: a window "converged onto rounding" near
0 (1.5e-25 +- 2.3e-21 for a derivative of -0.0062), was kept, and the walk
stopped five rows later, before the steps whose quotients (the first walk's)
contradict it by the whole derivative.
The 26 such entries (of the 28 dishonest) were 5e-24 to 8e-20 of the derivative
in size, all of the other sign, with errors 3e16 to 2.4e19 times too small.
The row that ended a window is checked the same way (hessian seed 2).

Exact values from the closed form ``-m (a_i / s) / (a.p / s - shift)**2``
in rationals (the point and the coefficients are floats, as mpmath takes them).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import NamedTuple

import pytest

import calcweb
from calcweb._richardson import Sampler, _Candidate, _Walk

HONESTY = 2.0


class Pole(NamedTuple):
    """``size / (a.p / scale - shift)`` at ``x``, as bench.honesty's ``pole`` family."""

    name: str
    size: float
    a: tuple[float, ...]
    shift: float
    scale: float
    x: tuple[float, ...]

    def f(self, p: list[float]) -> float:
        q = [pi / self.scale for pi in p]
        products = (ai * qi for ai, qi in zip(self.a, q, strict=True))
        return self.size * (1 / (math.fsum(products) - self.shift))

    def along(self, i: int) -> Callable[[float], float]:
        """``t -> f(x + t e_i)``: the line `calcweb.grad` takes for entry ``i`` (``|x| < 1``)."""

        def restricted(t: float) -> float:
            point = list(self.x)
            point[i] = self.x[i] + t
            return self.f(point)

        return restricted

    def exact(self, i: int, n: int = 1) -> float:
        """The ``n``-th derivative along ``e_i`` (1 or 2): ``(-1)**n n! size c**n / gap**(n+1)``."""
        pairs = zip(self.a, self.x, strict=True)
        gap = sum((Fraction(ai) * Fraction(xi) for ai, xi in pairs), Fraction(0))
        gap = gap / Fraction(self.scale) - Fraction(self.shift)
        c = Fraction(self.a[i]) / Fraction(self.scale)
        return float((-1) ** n * math.factorial(n) * Fraction(self.size) * c**n / gap ** (n + 1))


POLES = (
    # grad seed 3: 2.7e18 x; the lead's reproducer, /tmp/s9/lead/pole.py.
    Pole(
        "1.34e-24",
        1.34e-24,
        (0.664, -0.232, -1.48, 1.53),
        0.8324095868466648,
        2.0**-19,
        (-1.6546249389648438e-06, -6.500244140625e-07, 1.1419296264648438e-06, 2.7618408203125e-06),
    ),
    # grad seed 3: 4.2e16 x (the first walk also settled on quotients of exactly 0 at
    # steps below ulp(x_2), where f is constant: 0 +- 3.7e21).
    Pole(
        "6.58e7",
        6.58e7,
        (0.109, 1.14, -1.54),
        2.383355587875291,
        2.0**-13,
        (0.000118701171875, 0.0001258544921875, -8.7353515625e-05),
    ),
    # grad seed 5: 1.45e18 x.
    Pole(
        "7.81e-27",
        7.81e-27,
        (1.04, -1.64, 0.589),
        -4.074677529676512,
        2.0**-19,
        (-3.6067962646484375e-06, 2.8438568115234377e-06, 1.0919570922851563e-06),
    ),
)
ENTRIES = ((POLES[0], 3), (POLES[1], 2), (POLES[2], 1))
# hessian seed 2: H[1][1], 2.84 x (6.5e-7 from the pole, in units of s).
SECOND = Pole(
    "3.25e4",
    3.25e4,
    (1.56, -1.29, 1.15, 1.11),
    -3.730875647182589,
    2.0**-10,
    (-0.00038447265625, 0.0007830078125, -0.0011630859375, -0.00062705078125),
)


def test_the_closed_form() -> None:
    # mpmath.diff at 70 digits, as bench.honesty printed them
    assert POLES[0].exact(3) == pytest.approx(-0.006212900175450048, rel=1e-15)
    assert POLES[1].exact(2) == pytest.approx(5.646689671146275e27, rel=1e-15)
    assert POLES[2].exact(1) == pytest.approx(7.6249868045514835e-06, rel=1e-15, abs=0.0)
    assert SECOND.exact(1, 2) == pytest.approx(4.1841978829185065e29, rel=1e-15)


@pytest.mark.parametrize(("pole", "i"), ENTRIES, ids=[f"{p.name}-x{i}" for p, i in ENTRIES])
def test_a_window_of_noise_at_large_steps_yields_to_the_smaller_steps(pole: Pole, i: int) -> None:
    result = calcweb.derivative(pole.along(i), 0.0, full_output=True)
    exact = pole.exact(i)
    true_error = abs(result.value - exact)
    assert true_error <= HONESTY * result.error, f"{result}, exact {exact!r}"
    assert true_error <= 1e-4 * abs(exact), f"{result}, exact {exact!r}"


@pytest.mark.parametrize("pole", POLES, ids=[pole.name for pole in POLES])
def test_grad_near_a_pole(pole: Pole) -> None:
    gradient = calcweb.grad(pole.f)(list(pole.x))
    exact = [pole.exact(i) for i in range(len(pole.x))]
    largest = max(map(abs, exact))
    for i, (entry, value) in enumerate(zip(gradient, exact, strict=True)):
        assert abs(entry - value) <= 1e-4 * largest, f"entry {i}: {entry!r}, exact {value!r}"


def test_the_row_that_ended_the_window_is_checked_against_its_estimate() -> None:
    # The window ends at the row of step 1.14e-14 (rows from 7.3e-13 to 2.3e-14), whose
    # best entry, 4.184179e29 +- 6.6e23, is kept; that row's quotient, 4.184055e29
    # (noise 6.9e23), had been taken before there was an estimate to check it against.
    # The argument rounding of x_1 + t moves the quotients by more than their noise bound
    # (the true error is 1.9e24, 2.84 times the error reported without the check).
    result = calcweb.derivative(SECOND.along(1), 0.0, 2, full_output=True)
    exact = SECOND.exact(1, 2)
    assert abs(result.value - exact) <= HONESTY * result.error, f"{result}, exact {exact!r}"
    assert result.error <= 1e-4 * abs(exact)


# ----------------------------------------------------------- _Walk.check_below


def _walk_with_taken(*taken: tuple[str, int, float]) -> tuple[_Walk, Sampler]:
    """A central first-derivative walk of sin at 0 that accepted 5 +- 1e-3 at steps 1, 0.5."""
    sampler = Sampler(math.sin, 0.0)
    for kind, n, step in taken:
        sampler.quotient(kind, n, step)
    walk = _Walk(sampler, "central", 1, 1.0, 0.0)
    walk.accepted = _Candidate(5.0, 1e-3, 1, 1, 0.5, 5.0, 0.0)
    walk.accepted_rows = ((1.0, 5.0), (0.5, 5.0))
    return walk, sampler


def test_a_quotient_taken_before_at_a_smaller_step_widens_the_error_with_no_call() -> None:
    walk, sampler = _walk_with_taken(("central", 1, 0.1), ("central", 1, 0.75))
    calls = sampler.calls
    walk.check_below()
    assert sampler.calls == calls
    quotient = math.sin(0.1) / 0.1  # (sin(0.1) - sin(-0.1)) / 0.2; 0.75 is not below
    assert walk.accepted is not None
    assert walk.accepted.error == pytest.approx(1e-3 + (5.0 - quotient), rel=1e-12)


@pytest.mark.parametrize(("kind", "n"), [("forward", 1), ("central", 2)])
def test_only_quotients_of_the_walk_s_kind_and_order_are_checked(kind: str, n: int) -> None:
    walk, _ = _walk_with_taken((kind, n, 0.1))
    before = walk.accepted
    walk.check_below()
    assert walk.accepted is before
