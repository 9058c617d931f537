"""limit stops, with a message, where f's cost grows toward x0 (OUTSIDER3 found it hanging).

``limit(lambda n: sum(1/k**2 for k in range(1, int(n)+1)), math.inf)`` never
returned: the walk to infinity samples n up to 1e15 and beyond, and each call
costs time in proportion to n. A call slower than ``SLOW_CALL`` seconds and
``SLOWER`` times the first now stops it with a NumericalError. The tests lower
``SLOW_CALL`` so that they take milliseconds.
"""

from __future__ import annotations

import math
import time

import pytest

import calcweb
from calcweb import limits


def partial_sum(n: float) -> float:
    return math.fsum(1 / k**2 for k in range(1, int(n) + 1))


def test_a_sequence_summed_with_a_loop_is_stopped_with_a_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "SLOW_CALL", 0.02)
    started = time.perf_counter()
    with pytest.raises(calcweb.NumericalError) as raised:
        calcweb.limit(partial_sum, math.inf)
    assert time.perf_counter() - started < 20.0
    message = str(raised.value)
    assert "its cost grows as x approaches x0" in message, message
    assert message.endswith(
        "write f in closed form, without a loop whose length grows toward x0"
    ), message


def test_the_full_output_call_is_stopped_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "SLOW_CALL", 0.02)
    with pytest.raises(calcweb.NumericalError, match="took"):
        calcweb.limit(partial_sum, math.inf, full_output=True)


def test_an_f_slow_everywhere_is_not_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each call sleeps as long as SLOW_CALL (plus rounding): slow, but no slower
    # toward x0, so limit runs to its answer.
    monkeypatch.setattr(limits, "SLOW_CALL", 0.0005)

    def slow_sinc(x: float) -> float:
        time.sleep(0.001)
        return math.sin(x) / x

    assert calcweb.limit(slow_sinc, 0.0) == 1.0


def test_a_closed_form_of_the_same_sequence_is_answered() -> None:
    # sum_{k<=n} 1/k**2 = pi**2/6 - 1/n + 1/(2 n**2) - ... : written without a loop.
    result = calcweb.limit(
        lambda n: math.pi**2 / 6 - 1 / n + 1 / (2 * n**2), math.inf, full_output=True
    )
    assert abs(result.value - math.pi**2 / 6) <= 2 * result.error


def test_one_slow_call_of_a_fast_f_is_retimed_not_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    # A busy machine paused one call of 1 + 1/x for 1.2 s (CI, 2 cores, 8 jobs): limit
    # stopped. The point is timed again; the pause does not repeat, the walk goes on.
    monkeypatch.setattr(limits, "SLOW_CALL", 0.1)  # above a loaded machine's pauses
    paused: list[float] = []

    def f(x: float) -> float:
        if len(paused) == 5:  # once, at the 6th call
            time.sleep(0.3)
        paused.append(x)
        return 1.0 + 1.0 / x

    result = limits.limit(f, math.inf, full_output=True)
    assert (result.value, result.converged) == (1.0, True)
    assert result.nfev == len(paused)  # the retimed call counts


def test_a_machine_busy_for_longer_than_a_call_does_not_stop_the_walk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # In Pyodide under a load of 20 on 2 cores, (exp(x - 2) - 1)/(x - 2) at 2 took
    # 2.4 s at 1.99, and as long again when retimed: limit stopped. f at its first
    # point, timed then too, is as slow: the machine is busy, not f.
    monkeypatch.setattr(limits, "SLOW_CALL", 0.1)  # above a loaded machine's pauses
    calls: list[float] = []

    def f(x: float) -> float:
        calls.append(x)
        if 6 <= len(calls) <= 8:  # the 6th call, its retime and the first point's
            time.sleep(0.3)
        return math.expm1(x - 2.0) / (x - 2.0)

    result = limits.limit(f, 2.0, full_output=True)
    assert abs(result.value - 1.0) <= 2 * result.error
    assert result.converged
    assert result.nfev == len(calls)  # both retimed calls count
