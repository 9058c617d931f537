"""INTSING2 (session 29): the sides of a singular point inside the interval, in u = x - c.

Split at a singular point ``c`` inside the interval (session 28), each side was
integrated in x with ``c`` as an end; next to ``c`` the nodes rounded to floats
``ulp(c)`` apart, and for ``|x - c|**-p`` with ``p`` near 1 the extrapolations
scattered above a tolerance of 1e-10: intsingscan refused 9-18 of 150 draws a
seed, nearly all ``p >= 0.6`` at ``tol <= 1e-10``. Now each side is integrated
in ``u = x - c``, and next to ``c`` f is interpolated between the two floats
around ``c + u`` (`_Shifted`). Exact values are closed forms.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import IntegrationResult, integrate
from calcweb._integrate import _Shifted


def _power(c: float, p: float, a: float, b: float) -> float:
    """The integral of |x - c|**-p over [a, b], a < c < b."""
    return ((c - a) ** (1 - p) + (b - c) ** (1 - p)) / (1 - p)


def _weighted(c: float, p: float, a: float, b: float) -> float:
    """The integral of (1 + x**2) |x - c|**-p over [a, b], by x = c +- u."""
    total = 0.0
    for length, sign in ((c - a, -1.0), (b - c, 1.0)):
        total += (
            (1 + c * c) * length ** (1 - p) / (1 - p)
            + sign * 2 * c * length ** (2 - p) / (2 - p)
            + length ** (3 - p) / (3 - p)
        )
    return total


# intsingscan seed 1, refused before: (f, a, b, tol, exact, most evaluations).
C1, P1 = -2.4795108004163304, 0.8111008986975329
C2, P2 = 0.7248902940497346, 0.7512258997011306
CASES = [
    (
        lambda x: abs(x - C1) ** -P1,
        -2.5744582644814344,
        -1.7557709389537743,
        1e-10,
        _power(C1, P1, -2.5744582644814344, -1.7557709389537743),
        1100,  # 959; refused after 1,425
    ),
    (
        lambda x: abs(x - C2) ** -P2 * (1 + x * x),
        0.5954391924379281,
        0.9429833291798491,
        3.240438425789263e-11,
        _weighted(C2, P2, 0.5954391924379281, 0.9429833291798491),
        1700,  # 1,547
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_a_side_next_to_a_nonzero_point_converges(
    case: tuple[Callable[[float], float], float, float, float, float, int],
) -> None:
    f, a, b, tol, exact, most = case
    result = integrate(f, a, b, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged, result
    assert abs(result.value - exact) <= 2 * result.error, (result, exact)
    assert result.nfev <= most, result.nfev


def test_the_sample_is_interpolated_between_the_floats_around_c_plus_u() -> None:
    calls: list[float] = []

    def g(x: float) -> float:
        calls.append(x)
        return 3.0 * (x - 0.1228) / math.ulp(0.1228)  # linear: interpolation is exact

    shifted = _Shifted(g, 0.1228, 1e-10)
    u = 1e-10 / 3  # 0.1228 + u is no float
    assert 0.1228 + u - 0.1228 != u
    assert shifted(u) == pytest.approx(3.0 * u / math.ulp(0.1228), rel=1e-12)
    assert len(calls) == 2
    assert shifted.extra == 1
    # Far out, or where c + u is a float, one call as it is.
    calls.clear()
    shifted(0.6 * 0.1228)  # beyond half of c: never
    shifted(0.0)
    assert len(calls) == 2
    assert shifted.extra == 1
    # At 0.1 |c|, past SHIFT_REACH, only a tol that the miss could reach interpolates.
    far = 0.1 * 0.1228 + 1e-19
    assert 0.1228 + far - 0.1228 != far
    loose, tight = _Shifted(g, 0.1228, 1e-2), _Shifted(g, 0.1228, 1e-12)
    loose(far)
    tight(far)
    assert (loose.extra, tight.extra) == (0, 1)


def test_a_failure_at_the_other_float_keeps_the_sample() -> None:
    def g(x: float) -> float:
        return 1.0 / (x - 0.3)  # fails at 0.3 itself

    shifted = _Shifted(g, 0.3, 1e-10)
    step = math.ulp(0.3) * 0.7  # rounds to the float after 0.3; the other float is 0.3
    x = 0.3 + step
    assert x == math.nextafter(0.3, 1.0)
    assert shifted(step) == g(x)
    assert shifted.extra == 1


def test_a_singularity_between_floats_is_split_at_all_the_same() -> None:
    # Its zero, sqrt(0.5), is no float: f is finite at every float. Refused until
    # session 31 ("f is finite at every float a search tried next to
    # x=0.7071067811865475"); now split there, each side's end taken as singular.
    # Exact: mpmath at 30 digits.
    result = integrate(lambda x: abs(x * x - 0.5) ** -0.5, 0.0, 1.0, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged, result.message
    assert result.message.startswith("bisection closed in on x=0.7071067811865475, ")
    assert abs(result.value - 2.4521699138144397) <= 2 * result.error  # 5e-13 off, 1.4e-10


def test_a_singularity_given_a_finite_value_is_split_at_all_the_same() -> None:
    # f(0.3) = 0: the search's top is the float below 0.3, where f is finite too.
    result = integrate(
        lambda x: abs(x - 0.3) ** -0.5 if x != 0.3 else 0.0, 0.0, 1.0, full_output=True
    )
    assert isinstance(result, IntegrationResult)
    assert result.converged, result.message
    assert result.message.startswith("bisection closed in on x=0.29999999999999993, ")
    # 2 (sqrt(0.3) + sqrt(0.7)), 0.3 the float, by mpmath at 30 digits.
    assert abs(result.value - 2.7687651680784833) <= 2 * result.error


def test_a_side_stops_where_floats_next_to_c_stop() -> None:
    # In u the floats next to 0 go on where those next to c stop: without the
    # refusal's floor taken in the t of c + u, a side bisected on past them
    # (44,413 evaluations, or f called at c itself). test_integrate_hard's
    # 1.4e-7 |x - c|**-0.759 at tol 1e-4 is refused, as it was in x (3,494 there).
    c, p, scale = 0.2092795891871854, -0.7590981259587873, 1.4e-07
    exact = scale * (c ** (p + 1) + (1 - c) ** (p + 1)) / (p + 1)
    result = integrate(lambda x: scale * abs(x - c) ** p, 0.0, 1.0, tol=1e-4, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged
    assert abs(result.value - exact) <= 2 * result.error
    assert "narrower than floating point resolves near x=0.209279589186" in result.message
    assert result.nfev <= 7_000, result.nfev  # 6,190


def test_a_point_closer_to_c_than_floats_is_the_next_float() -> None:
    shifted = _Shifted(lambda x: x, 0.3, 1e-10)
    assert shifted(1e-30) == math.nextafter(0.3, 1.0)
    assert shifted(-1e-30) == math.nextafter(0.3, 0.0)


def test_on_a_mapped_interval_the_sides_are_split_in_x() -> None:
    # The map x(t) rounds too, which interpolating between neighbouring t does not
    # smooth: in u = t - c this side chased 500 subintervals (83,665 evaluations);
    # kept in t (session 29) it was refused after 2,441, honestly (true error
    # 4.8e-10). Split in x, each side in u = x - 1.3 out to 2.6 then mapped (INTINF,
    # session 30): answered, true error 1.0e-12 (mpmath, x = c -+ u**5 each side).
    result = integrate(
        lambda x: abs(x - 1.3) ** -0.8 * math.exp(-x * x), -math.inf, math.inf, full_output=True
    )
    assert isinstance(result, IntegrationResult)
    assert result.converged, result.message
    assert abs(result.value - 2.982280583305072) <= 2 * result.error  # error 1.65e-10
    assert result.nfev <= 2000, result.nfev  # 1,653
