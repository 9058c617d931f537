"""INTOVF (session 26): integrals over infinite ranges of f that overflows far out.

``x/expm1(x)`` on ``[0, inf)`` (pi**2/6) raised NumericalError "f(935.26)
overflowed ... keep x where it is not": ``expm1`` raises OverflowError from
709.78 on, where f is 4e-306. Now the range is cut at the edge of the
overflow when f falls onto it ever faster, and that fall bounds the rest
(`calcweb._far_overflow`); otherwise the refusal gives advice for integrals.
"""

from __future__ import annotations

import math

import pytest

from calcweb import ArgumentTypeError, IntegrationResult, NumericalError, integrate
from calcweb._far_overflow import Watched, bound_beyond

INF = math.inf


def _bose(x: float) -> float:
    return x / math.expm1(x) if x else 1.0


def _logistic(x: float) -> float:
    return 1 / (1 + math.exp(-x)) / (1 + math.exp(x))


TEXTBOOK = [
    ("x/expm1(x)", _bose, 0.0, INF, math.pi**2 / 6),
    ("-x/expm1(x)", lambda x: -_bose(x), 0.0, INF, -(math.pi**2) / 6),
    ("logistic density", _logistic, -INF, INF, 1.0),
    ("logistic variance", lambda x: x * x * _logistic(x), -INF, INF, math.pi**2 / 3),
    ("sigmoid", lambda x: 1 / (1 + math.exp(-x)), -INF, 0.0, math.log(2)),
    ("exp(-x)/(1+exp(-x))**2", lambda x: math.exp(-x) / (1 + math.exp(-x)) ** 2, -INF, INF, 1.0),
    ("Fermi-Dirac k=3", lambda x: x**3 / (math.exp(x) + 1), 0.0, INF, 7 * math.pi**4 / 120),
    ("x**2/exp(0.3x)", lambda x: x**2 / math.exp(0.3 * x), 0.0, INF, 2 / 0.3**3),
    ("shifted, scaled logistic", lambda x: _logistic((x - 300) / 20), -INF, INF, 20.0),
]


@pytest.mark.parametrize(
    ("f", "a", "b", "true"), [r[1:] for r in TEXTBOOK], ids=[r[0] for r in TEXTBOOK]
)
def test_textbook_integrands_that_overflow_far_out_are_answered(
    f: object, a: float, b: float, true: float
) -> None:
    result = integrate(f, a, b, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, IntegrationResult)
    assert result.converged, result.message
    assert abs(result.value - true) <= 2 * result.error, (result, true)
    assert result.error <= 1e-10 * max(1.0, abs(true))
    assert "where f starts to overflow" in result.message


def test_the_calls_of_every_run_and_probe_are_counted() -> None:
    calls = []

    def f(x: float) -> float:
        calls.append(x)
        return _logistic(x)

    result = integrate(f, -INF, INF, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.nfev == len(calls)


@pytest.mark.parametrize(
    "f",
    [
        math.exp,  # overflows while large: the integral diverges
        lambda x: math.exp(-x) + 1e-300 * math.exp(x),  # grows again before it overflows
        lambda x: x**-1.5 + 0 * math.exp(x),  # a power law: the fall slows down (0.075 beyond)
    ],
)
def test_a_tail_that_does_not_fall_ever_faster_is_refused_with_advice(f: object) -> None:
    with pytest.raises(NumericalError, match="does not fall ever faster") as caught:
        integrate(f, 1.0, INF)  # type: ignore[arg-type]
    assert "rewrite f so that no intermediate result overflows" in str(caught.value)
    assert "keep x where it is not" not in str(caught.value)


def test_an_overflow_between_the_end_and_the_bulk_is_refused() -> None:
    def f(x: float) -> float:  # exp(10 - x) overflows below -699.78, the mass is at 20
        return math.exp(-((x - 20) ** 2)) + 0 * math.exp(10 - x)

    with pytest.raises(NumericalError, match="between an end of the range and where f is largest"):
        integrate(f, -700.0, INF)


def test_a_tail_that_is_not_negligible_where_it_overflows_is_not_converged() -> None:
    # exp(-x/100) is 8e-4 where exp(x) overflows: the part beyond, 0.08, is not negligible.
    result = integrate(lambda x: math.exp(-x / 100) + 0 * math.exp(x), 0.0, INF, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged
    assert "not negligible" in result.message
    assert abs(result.value - 100.0) <= 2 * result.error


def test_the_bound_beyond_the_edge_is_refused_for_a_slowing_fall() -> None:
    edge = 709.78  # 1/x**2 falls ever more slowly: no exponential extrapolation
    assert bound_beyond(Watched(lambda x: 1 / x**2), edge, 1.0) is None
    bound = bound_beyond(Watched(lambda x: math.exp(-x)), edge, 1.0)
    assert bound is not None
    assert math.exp(-edge) <= bound <= 4 * math.exp(-edge)  # the integral beyond, at most SAFETY x


def test_an_overflow_at_the_first_node_is_refused() -> None:
    with pytest.raises(NumericalError, match="before f gave a value anywhere"):
        integrate(lambda x: math.exp(-((x - 20) ** 2)) + 0 * math.exp(50 - x), -700.0, INF)


def test_the_bound_beyond_the_edge_asks_for_one_sign() -> None:
    def flips(x: float) -> float:  # |f| is exp(-x), but f changes sign just before the edge
        return math.exp(-x) * (1.0 if x < 709.7 else -1.0)

    assert bound_beyond(Watched(flips), 709.78, 1.0) is None


def test_a_wrong_number_of_arguments_is_still_an_argument_type_error() -> None:
    with pytest.raises(ArgumentTypeError, match="could not be called"):
        integrate(lambda x, y: x, 0.0, INF)  # type: ignore[misc]


def test_the_not_negligible_tail_s_message_does_not_say_f_overflowed_at_the_cut() -> None:
    # The cut x is the last where f answered (REVIEW12: the message said "f(cut) overflowed").
    result = integrate(lambda x: math.exp(-x / 70) + 0 * math.exp(x), 0.0, INF, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged
    assert "overflowed" not in result.message
    assert result.message.startswith("f overflows beyond x=709.78")
    assert "rewrite f so that no intermediate result overflows" in result.message
