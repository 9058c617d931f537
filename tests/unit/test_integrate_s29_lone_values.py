"""INTHANG (session 29): a value of its own at one float beside a jump.

``integrate(lambda x: 1.0 if x > 0.3 else (-1.0 if x < 0.3 else 0.0), 0, 1)``
never returned: the search for the jump bracketed (0.29999999999999993, 0.3)
and cut at 0.3, where the right side [0.3, 1] had to predict f(0.3) = 0; its
search bracketed (0.3, 0.30000000000000004), where the left side [0, 0.3]
had to predict it, and the two cuts alternated forever. A sample at the
jump that its side misses while predicting f at the float beyond is now a
value of its own, held by no panel (`_Panels._lone_value`). A search whose
middle lands on such a value (0 at the jump of a step from -3.3 to -2.4)
took it for a pole's rise and gave up, leaving the jump to bisection and a
refusal (`_Panels._bracket_jump`). And no run cuts at more jumps than it
keeps panels, so that a loop of cuts ends in bisection and its refusal.
"""

from __future__ import annotations

import collections
import math
from collections.abc import Callable

import pytest

import calcweb._integrate as integrate_module
from calcweb import CalcwebError, integrate
from calcweb._gauss_kronrod import K21, positions


class _GoingRound(BaseException):
    """f called more than a run that ends calls it (no Exception, which integrate may catch)."""


def _counted(
    f: Callable[[float], float], *, repeats: float = 3, budget: float = math.inf
) -> Callable[[float], float]:
    """``f``, stopping the run at its ``repeats``-th call at one float or past ``budget`` calls.

    A run that ends calls f at most twice at one float.
    """
    calls: collections.Counter[float] = collections.Counter()

    def counted(x: float) -> float:
        calls[x] += 1
        if calls[x] >= repeats or calls.total() > budget:
            raise _GoingRound(f"f({x!r}) called {calls[x]} times, {calls.total()} in all")
        return f(x)

    return counted


def _step(c: float, left: float, right: float, at: float) -> Callable[[float], float]:
    return lambda x: left if x < c else (right if x > c else at)


@pytest.mark.parametrize(
    ("f", "a", "b", "exact"),
    [
        (_step(0.3, -1.0, 1.0, 0.0), 0.0, 1.0, 0.4),
        (lambda x: 9.0 if x == 0.5 else x * x, 0.0, 1.0, 1.0 / 3.0),
        (
            lambda x: math.exp(-x) * (x > 1.0) + 0.5 * math.exp(-1.0) * (x == 1.0),
            0.0,
            3.0,
            math.exp(-1.0) - math.exp(-3.0),
        ),
    ],
    ids=["sign", "midpoint", "exp-heaviside"],
)
def test_a_value_of_its_own_at_a_jump_is_integrated(
    f: Callable[[float], float], a: float, b: float, exact: float
) -> None:
    result = integrate(_counted(f), a, b, full_output=True)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, result
    assert result.nfev < 500, result


def test_a_search_landing_on_a_value_of_its_own_locates_the_jump() -> None:
    # jumpval.py seed 1: 0 at the jump of a step from -3.33 to -2.45; before, the
    # search stopped there as at a pole, and after 1,646 calls: not converged.
    a, b, c = 0.1891508586645747, 0.4231532880600104, 0.2570780950478043
    left, right = -3.325296926526314, -2.4478388184770647
    result = integrate(_counted(_step(c, left, right, 0.0)), a, b, full_output=True)
    exact = left * (c - a) + right * (b - c)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, result
    assert result.nfev < 500, result


def test_cuts_going_round_end(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without the lone value rule the cuts at 0.3 alternate; the bound on cuts ends them.
    monkeypatch.setattr(integrate_module._Panels, "_lone_value", lambda *_: None)
    monkeypatch.setattr(integrate_module, "MAX_INTERVALS", 20)
    # 20 cuts of about 50 calls each, then bisection: far below 5,000 calls.
    f = _counted(_step(0.3, -1.0, 1.0, 0.0), repeats=math.inf, budget=5_000)
    try:
        result = integrate(f, 0.0, 1.0, full_output=True)
    except CalcwebError:
        return
    assert not result.converged or abs(result.value - 0.4) <= 2.0 * result.error, result


@pytest.mark.parametrize("value", [1.0, -7.3, 1e-3])
def test_a_value_of_its_own_at_an_end_is_not_refused(value: float) -> None:
    # (x - a) cos x with ``value`` at a: every digit right, but refused after 20,981
    # calls, its end panels missing f(a) halving after halving (endval.py: 30 of 30,
    # seeds 1 and 2). f(a) is now a value of its own (`_Panels._end_limits`).
    a, b = -0.7, 1.9

    def f(x: float) -> float:
        return value if x == a else (x - a) * math.cos(x)

    exact = (b - a) * math.sin(b) + math.cos(b) - math.cos(a)  # ∫ (x - a) cos x
    result = integrate(_counted(f), a, b, full_output=True)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, result


@pytest.mark.parametrize("node", [0, 1, 3, 4])
def test_a_value_of_its_own_at_a_node_of_the_first_rule_is_integrated(node: int) -> None:
    # x**2 with 9 at a node of the first rule on [0, 1] other than its centre: every
    # digit right, but at nodes 0, 1 and 4 not converged after 1,703-1,955 calls, its
    # halves chasing that sample until floats ran out (at node 3: converged, 1,619
    # calls). Now 66 calls each (`_Panels._lone_sample`).
    at = 0.5 + 0.5 * positions(K21)[node]

    def f(x: float) -> float:
        return 9.0 if x == at else x * x

    result = integrate(_counted(f), 0.0, 1.0, full_output=True)
    assert result.converged, result
    assert abs(result.value - 1.0 / 3.0) <= 2.0 * result.error, result
    assert result.nfev < 200, result
