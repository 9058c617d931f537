"""HESSAD: off-diagonal Hessian entries on jets, exact where polarisation loses every digit.

``hessian`` took H_ij by polarisation, (phi''_{e_i+e_j} - H_ii - H_jj) / 2, with
"ad" too: for ``1e20 x**2 + x y + 1e20 y**2`` at (1, 1) it returned H01 = 0.0 for
the exact 1 (full_output said +- 3.3e5, honest but useless). Where polarisation
subtracts terms more than 8 times the entry, the entry is now the t**5
coefficient of f on the curve x + t**2 e_i + t**3 e_j, which is f_ij itself
(`multivariate._mixed_on_jets`): one more call of f, on jets of order 5.
"""

from __future__ import annotations

import math
import random
from typing import Any

import mpmath
import pytest

import calcweb as cw
from calcweb import multivariate
from calcweb.jet import Jet

mpmath.mp.dps = 40


def quadratic(p: list[Any]) -> Any:
    return 1e20 * p[0] ** 2 + p[0] * p[1] + 1e20 * p[1] ** 2


def cubic(p: list[Any]) -> Any:
    # f_000 = f_111 = 6e20: a t**3 route (x + t e_k + t**2 e_l) cancels 1 against it too
    return 1e20 * p[0] ** 3 + p[0] * p[1] + 1e20 * p[1] ** 3


@pytest.mark.parametrize("f", [quadratic, cubic])
@pytest.mark.parametrize("method", ["auto", "ad"])
def test_an_entry_dwarfed_by_the_diagonal_is_exact(f: Any, method: str) -> None:
    plain = cw.hessian(f, method=method)([1.0, 1.0])
    assert plain[0][1] == plain[1][0] == 1.0  # was 0.0 (quadratic) and 0.0 (cubic)
    full = cw.hessian(f, method=method, full_output=True)([1.0, 1.0])
    assert full.value == plain
    assert full.error[0][1] <= 1e-15  # was 3.3e5 (quadratic)
    assert full.nfev == 4  # 3 as before, and the curve
    assert full.method == "ad"


def test_the_curve_gives_f_only_what_moves_as_jets() -> None:
    seen: list[list[Any]] = []

    def f(p: list[Any]) -> Any:
        seen.append(list(p))
        return 1e20 * (p[0] ** 2 + p[1] ** 2 + p[2] ** 2) + p[0] * p[2]

    matrix = cw.hessian(f)([1.0, 2.0, 3.0])
    assert matrix[0][2] == matrix[2][0] == 1.0
    assert matrix[0][1] == matrix[1][2] == 0.0
    curves = [p for p in seen if any(isinstance(q, Jet) and q.degree == 5 for q in p)]
    assert len(curves) == 3  # polarisation's 0s are of 1e20s too: no digit to trust
    curve = curves[1]  # H02
    assert isinstance(curve, list)
    assert curve[1] == 2.0
    assert not isinstance(curve[1], Jet)
    assert curve[0].coefficients == (1.0, 0.0, 1.0, 0.0, 0.0, 0.0)  # x_0 + t**2
    assert curve[2].coefficients == (3.0, 0.0, 0.0, 1.0, 0.0, 0.0)  # x_2 + t**3


def test_well_conditioned_entries_are_polarisation_s_as_before() -> None:
    calls = []

    def f(p: list[Any]) -> Any:
        calls.append(p)
        return p[0] * p[1] + p[0] ** 2

    # polarisation subtracts (4 + 2 + 0) / 2 = 3 for 1: under 8 times the entry, kept
    assert cw.hessian(f)([1.0, 2.0]) == [[2.0, 1.0], [1.0, 0.0]]
    assert len(calls) == 3  # no curve


def test_f_that_refuses_jets_keeps_polarisation_and_its_calls() -> None:
    def far(p: list[float]) -> float:
        return p[0] ** 2 + math.exp(p[1])

    r = cw.hessian(far, full_output=True)([1e10, -5.0])
    assert r.value == [[2.0, -1.0], [-1.0, 0.0]]  # Richardson along e1: no jets, as before
    # 212 before the forward check of order 2 (DERKINK), 217 before DERFLAT: f is one
    # value along p1 (1e20), and 4 points a side look for where it leaves it (none within
    # reach); 225 before the forward quotients over the window at order 2 (DERHI: one point);
    # 226 before the forward and backward ones to two halvings below it (DERJUMP); 231
    # before DERSTAIR3: a second derivative of 0 within its error, which a window at larger
    # steps contradicts, is bisected for a jump where its quotients leave it (none found);
    # 249 before MULTIFAR: f's one value along p1 is looked past out to the end of the
    # floats (`_far_stair`, on lines too), 9 points on the left and 22 to bracket its stair
    # at p1 = 9.01 on the right, in each of the two walks along e1 (the same errors); 311
    # before FASTTERM4: a point off the noise test's grid (`_seen_off_the_grid`) in 3 walks
    assert r.nfev == 314
    assert cw.hessian(quadratic, method="central")([1.0, 1.0])[0][1] != 1.0  # not jets: as before


def _draw(rng: random.Random) -> tuple[Any, Any, list[float]]:
    """f = S (s0(p0) + s1(p1)) + c u(p0, p1), S up to 1e20, on calcweb's and mpmath's functions."""
    separable = [
        lambda q, m: q**3,
        lambda q, m: q**4,
        lambda q, m: m.exp(q),
        lambda q, m: m.cos(q),
    ]
    couplings = [
        lambda a, b, m: a * b,
        lambda a, b, m: m.sin(a * b),
        lambda a, b, m: m.exp(a * b / 4),
        lambda a, b, m: m.atan(a - b),
    ]
    s0, s1 = rng.choice(separable), rng.choice(separable)
    u = rng.choice(couplings)
    size = 10 ** rng.uniform(8, 20)
    c = rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 1)

    def f_with(m: Any) -> Any:
        return lambda p: size * (s0(p[0], m) + s1(p[1], m)) + c * u(p[0], p[1], m)

    return f_with(cw), f_with(mpmath), [rng.uniform(-2, 2), rng.uniform(-2, 2)]


@pytest.mark.parametrize("seed", range(3))
def test_dwarfed_entries_against_mpmath(seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 (draws, not secrets)
    for _ in range(10):
        f, f_mp, x = _draw(rng)
        exact = mpmath.diff(lambda a, b, g=f_mp: g([a, b]), [mpmath.mpf(v) for v in x], (1, 1))
        full = cw.hessian(f, full_output=True)(x)
        plain = cw.hessian(f)(x)
        assert plain[0][1] == full.value[0][1]
        off = abs(mpmath.mpf(full.value[0][1]) - exact)
        assert off <= 2 * full.error[0][1] + 4 * math.ulp(float(exact))  # honest
        assert off <= 1e-12 * abs(exact)  # and exact to rounding


def test_a_curve_f_fails_on_leaves_polarisation() -> None:
    # A coefficient that overflows on jets of order 5 only, say: the polarised entry stands.
    def f(p: list[Any]) -> Any:
        if any(isinstance(q, Jet) and q.degree == 5 for q in p):
            raise cw.NumericalError("a Taylor coefficient overflowed")
        return quadratic(p)

    assert multivariate._mixed_on_jets(f, [1.0, 1.0], 0, 1, bounded=True) is None
    r = cw.hessian(f, full_output=True)([1.0, 1.0])
    assert r.value[0][1] == 0.0  # polarisation's, as before, with its error
    assert r.error[0][1] > 1e5
    assert r.nfev == 4
