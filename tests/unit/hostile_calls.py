"""The harness of the hostile-input tests: a time limit, the reader's exceptions, the outcome.

Each call of a hostile test must return a result, raise a `calcweb.CalcwebError`
with a message, or let the reader's own exception through unchanged, within
``LIMIT`` seconds. `outcome` sorts a call into those, failing on anything else.
"""

from __future__ import annotations

import functools
import math
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, settings

from calcweb import CalcwebError

# Scalars no argument should be trusted with: float extremes, integers beyond a
# float, bools, strings, bytes and the number types calcweb refuses or converts.
# Each hostile test adds the containers its own arguments could be confused with.
HOSTILE_SCALARS: list[Any] = [
    math.nan,
    math.inf,
    -math.inf,
    -0.0,
    0.0,
    5e-324,
    1e-300,
    1e300,
    1.7976931348623157e308,
    -1.7976931348623157e308,
    -1e308,
    2**53,
    2**53 + 1,
    -(2**53),
    10**400,
    -(10**400),
    True,
    False,
    None,
    "1",
    "0.1",
    "",
    " ",
    "\ud800 lone surrogate",
    "bell \x07 and \x1f",
    b"1",
    1j,
    Decimal("0.5"),
    Fraction(1, 3),
    object(),
]

LIMIT = 20.0  # seconds one call may take: far beyond any legitimate call here


def steady(max_examples: int) -> settings:
    """Hypothesis settings of a hostile test: ``max_examples``, the same in every run.

    No deadline (a loaded machine is slow), no example database, no health checks.
    """
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


class UserError(Exception):
    """Raised by a reader's function: calcweb must let it through unchanged."""


class Hang(BaseException):
    """A call ran past LIMIT."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt a call that runs too long (natively; Pyodide has no timers for it)."""
    if (
        sys.platform == "emscripten"
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise Hang(f"the call took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


REFUSED = object()  # the call raised a CalcwebError
PASSED_THROUGH = object()  # the reader's function raised, and calcweb let it through
RAISED: list[BaseException] = []  # what the reader's functions raised


def reader(f: Callable[..., Any]) -> Callable[..., Any]:
    """``f`` as a reader's function: whatever it raises is recorded, to be let through."""

    @functools.wraps(f)
    def recorded(*arguments: Any) -> Any:
        try:
            return f(*arguments)
        except Exception as error:
            RAISED.append(error)
            raise

    return recorded


def outcome(call: Callable[[], Any]) -> Any:
    """The call's result, REFUSED or PASSED_THROUGH; any other exception fails the test."""
    start = time.perf_counter()
    refusal: CalcwebError | None = None
    RAISED.clear()
    with time_limit(LIMIT):
        try:
            result = call()
        except Exception as error:
            if any(error is mine for mine in RAISED):
                result = PASSED_THROUGH  # the very exception the reader's function raised
            elif isinstance(error, CalcwebError):
                refusal, result = error, REFUSED
            else:
                raise
    assert time.perf_counter() - start < LIMIT
    if refusal is not None:
        assert isinstance(refusal, (ValueError, TypeError, ArithmeticError)), repr(refusal)
        assert len(str(refusal)) > 20, repr(refusal)  # a message that says what to do
    return result
