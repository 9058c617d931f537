"""Hostile arguments for every public name: a result, a CalcwebError, or the user's exception.

One test per public name runs its fuzzer (tests/fuzz/fuzzers.py) for the
profile's number of examples (conftest.py). The last test checks that the
whole fuzz made at least `MIN_CALLS` calls of calcweb.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calcweb as cw
from tests.fuzz.conftest import PROFILE, SCALE
from tests.fuzz.fuzzers import FUZZERS, unfuzzed
from tests.fuzz.harness import STATS, Harness, UserError

MIN_CALLS = 20_000


def test_every_public_name_has_a_fuzzer() -> None:
    missing = unfuzzed()
    assert not missing, (
        f"public names without a fuzz strategy: {missing}; add one to tests/fuzz/fuzzers.py"
    )


@pytest.mark.timeout(300 * SCALE, method="thread")  # the last resort: a hang in C code
@pytest.mark.parametrize("name", sorted(FUZZERS))
def test_public_name(name: str, fuzz_tmp: Path) -> None:
    fuzzer = FUZZERS[name]

    @settings(PROFILE, max_examples=max(1, round(PROFILE.max_examples * fuzzer.weight)))
    @given(st.data())
    def run(data: st.DataObject) -> None:
        fuzzer.run(data.draw, Harness(name, fuzz_tmp))

    run()
    STATS.finished.add(name)


def raising(error: BaseException) -> Callable[..., Any]:
    def f(*args: Any) -> Any:  # noqa: ARG001
        raise error

    return f


# Figures leave a gap where f raises ValueError (outside its domain), so a
# ValueError may also end in a figure.
PLOTS = {"plot_function", "contour", "Figure.tangent"}
PASS_THROUGH: list[tuple[str, Callable[[Callable[..., Any]], Any]]] = [
    ("derivative", lambda f: cw.derivative(f, 1.0)),
    ("derivative richardson", lambda f: cw.derivative(f, 1.0, method="richardson")),
    ("derivative complex", lambda f: cw.derivative(f, 1.0, method="complex")),
    ("central_difference", lambda f: cw.central_difference(f, 1.0)),
    ("grad", lambda f: cw.grad(f)([1.0, 2.0])),
    ("jacobian", lambda f: cw.jacobian(f)([1.0, 2.0])),
    ("hessian", lambda f: cw.hessian(f)([1.0, 2.0])),
    ("directional_derivative", lambda f: cw.directional_derivative(f, [1.0], [1.0])),
    ("taylor", lambda f: cw.taylor(f, 0.0, 3)),
    ("integrate", lambda f: cw.integrate(f, 0.0, 1.0)),
    ("riemann_sum", lambda f: cw.riemann_sum(f, 0.0, 1.0, 4)),
    ("limit", lambda f: cw.limit(f, 0.0)),
    ("minimize", lambda f: cw.minimize(f, 1.0, steps=3)),
    ("plot_function", lambda f: cw.plot_function(f, 0.0, 1.0)),
    ("contour", lambda f: cw.contour(f, (0.0, 1.0), (0.0, 1.0), n=10)),
    ("Figure.tangent", lambda f: cw.Figure().tangent(f, 0.5)),
]


@pytest.mark.parametrize(("name", "use"), PASS_THROUGH, ids=[p[0] for p in PASS_THROUGH])
@pytest.mark.parametrize("kind", [UserError, ValueError, KeyError])
def test_the_users_exception_passes_through_unchanged(
    name: str,
    use: Callable[[Callable[..., Any]], Any],
    kind: type[Exception],
) -> None:
    """A custom exception is never caught or replaced; a ValueError may become a DomainError.

    (calcweb reads a ValueError of f as a point outside its domain: Richardson
    and limit step back from it, a plot leaves a gap.)
    """
    error = kind("the reader's own")
    if kind is ValueError and name in PLOTS:  # a gap where f raises, or a DomainError
        with contextlib.suppress(cw.DomainError):
            use(raising(error))
        return
    with pytest.raises(kind) as caught:
        use(raising(error))
    assert caught.value is error or (
        kind is ValueError and isinstance(caught.value, cw.DomainError)
    )


def test_enough_calls() -> None:
    """Runs last (file order): the whole fuzz made at least MIN_CALLS calls."""
    if STATS.finished != set(FUZZERS):
        pytest.skip("only part of the fuzz ran in this session")
    assert STATS.calls >= MIN_CALLS * SCALE, f"only {STATS.calls} calls"
