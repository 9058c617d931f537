"""`call_on_jets`: f's answer on jets, or why f refused them (one rule for every caller).

derivative and taylor ("auto" tries jets first), grad's step check, jacobian
and jvp/vjp all ask it; a refusal sends "auto" to the numerical path, so which
errors are refusals decides whether a call falls back or fails.
"""

from __future__ import annotations

import math
import struct

import pytest

from calcweb import Jet, log
from calcweb._checks import RefusedJets, call_on_jets
from calcweb.exceptions import (
    ArgumentTypeError,
    DivisionByZeroError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)


def _raising(error: BaseException):
    def f(*_: object) -> object:
        raise error

    return f


def test_what_f_returns_on_jets_is_passed_on() -> None:
    y = call_on_jets(lambda t, c: c * t * t, Jet.variable(3.0, 1), 2.0)
    assert isinstance(y, Jet)
    assert y.coefficients == (18.0, 12.0)


@pytest.mark.parametrize(
    "error",
    [
        TypeError("must be real number, not Jet"),  # math.sin of a jet
        ValueError("math domain error"),  # math.sqrt(-1.0) of f's own
        ZeroDivisionError("float division by zero"),  # 1 / 0 of f's own
        ArgumentTypeError("a wrong call"),  # a TypeError, though calcweb's
    ],
)
def test_f_not_written_for_jets_is_a_refusal_that_keeps_its_error(error: Exception) -> None:
    refused = call_on_jets(_raising(error), Jet.variable(1.0, 1))
    assert isinstance(refused, RefusedJets)
    assert refused.error is error


@pytest.mark.parametrize(
    "error",
    [
        DomainError("log of a negative jet"),  # calcweb's answer about f on jets
        DivisionByZeroError("1/jet at 0"),
        InvalidArgumentError("bad order"),
    ],
)
def test_calcwebs_own_value_errors_are_answers_and_pass_through(error: Exception) -> None:
    with pytest.raises(type(error)) as raised:
        call_on_jets(_raising(error), Jet.variable(1.0, 1))
    assert raised.value is error


@pytest.mark.parametrize(
    "error",
    [
        OverflowError("big"),
        KeyError("k"),
        struct.error("required argument is not a float"),  # struct.pack("f", jet)
        AssertionError(),  # assert isinstance(x, float)
    ],
)
def test_any_other_error_of_f_on_jets_is_a_refusal(error: Exception) -> None:
    # "auto" then calls f at floats, where f raises it again (and it passes through,
    # or becomes calcweb's error there) or works: a jet provoked it (AD1).
    refused = call_on_jets(_raising(error), Jet.variable(1.0, 1))
    assert isinstance(refused, RefusedJets)
    assert refused.error is error


@pytest.mark.parametrize("error", [NumericalError("n"), KeyboardInterrupt()])
def test_calcwebs_numerical_errors_and_interrupts_pass_through(error: BaseException) -> None:
    with pytest.raises(type(error)):
        call_on_jets(_raising(error), Jet.variable(1.0, 1))


def test_math_functions_refuse_and_calcwebs_log_of_a_negative_jet_answers() -> None:
    assert isinstance(call_on_jets(math.sin, Jet.variable(1.0, 1)), RefusedJets)
    with pytest.raises(DomainError):
        call_on_jets(log, Jet.variable(-1.0, 1))
