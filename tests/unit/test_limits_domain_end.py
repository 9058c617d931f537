"""A limit whose samples end where f's domain does (`limits._outside_the_domain`).

``limit(lambda x: math.sqrt(1e10 - x), math.inf)`` was refused with "f settles
near 100000 from 4.0 on (from the left), but its last samples (or the
extrapolations from them) leave it ever faster, the last at 3.76e+04: either
the limit is infinite or rounding inside f grows as x approaches x0 ...
Rewrite f without cancellation": f is 1e5 - x/2e5 - ... out to 2**33 and
raises ValueError from 2**34 on, at every point sampled. The refusal stands;
it now says that f fails at every point sampled beyond 2**33, that a limit at
infinity needs f defined for all large x, and how to take the limit at the
domain's end instead. Likewise at a finite x0 whose side f is not defined on
next to it. A run that ends where f divides 0 by 0 (rounding cancels both) is
no domain's end, and a limit answered from the run keeps its answer.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, NumericalError, limit
from calcweb.limits import NEEDS_F_CLOSE_TO_X0, _Counted, _Run, _samples

# f, x0, side, the last point sampled where f is defined, the next, the side at the end
ENDS: list[tuple[str, Callable[[float], float], float, str, float, float, str]] = [
    (
        "sqrt(1e10 - x) at inf",
        lambda x: math.sqrt(1e10 - x),
        math.inf,
        "left",
        2.0**33,
        2.0**34,
        "left",
    ),
    (
        "log(1e10 - x) at inf",
        lambda x: math.log(1e10 - x),
        math.inf,
        "left",
        2.0**33,
        2.0**34,
        "left",
    ),
    (
        "sqrt(x + 1e10) at -inf",
        lambda x: math.sqrt(x + 1e10),
        -math.inf,
        "right",
        -(2.0**33),
        -(2.0**34),
        "right",
    ),
    (
        "sqrt(x - 1e-10) at 0+",
        lambda x: math.sqrt(x - 1e-10),
        0.0,
        "right",
        2.0**-33,
        2.0**-34,
        "right",
    ),
]


@pytest.mark.parametrize(
    ("name", "f", "x0", "side", "last", "failed", "end_side"), ENDS, ids=[case[0] for case in ENDS]
)
def test_a_domain_that_ends_before_x0_is_said_to(  # noqa: PLR0917 - a column of ENDS each
    name: str,
    f: Callable[[float], float],
    x0: float,
    side: str,
    last: float,
    failed: float,
    end_side: str,
) -> None:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert not result.converged, name
    assert result.error == math.inf
    where = f"beyond x = {last!r}" if math.isinf(x0) else f"between x = {last!r} and x0"
    assert result.message.startswith(f"f fails at every point sampled {where} (from the {side})")
    # The ValueError's own text is CPython's: "math domain error" natively, "expected a
    # nonnegative input, got ..." in Pyodide's Python 3.14.
    assert f"f({failed!r}) raised ValueError: " in result.message
    needs = (
        "a limit at infinity needs f defined for all large x"
        if math.isinf(x0)
        else NEEDS_F_CLOSE_TO_X0
    )
    assert needs in result.message
    assert f"limit(f, end, side={end_side!r})" in result.message
    assert "cancellation" not in result.message
    assert "ever faster" not in result.message


def test_the_reproducer_raises_it_without_full_output() -> None:
    with pytest.raises(NumericalError, match=r"beyond x = 8589934592\.0"):
        limit(lambda x: math.sqrt(1e10 - x), math.inf)


def test_the_run_records_the_end_only_for_a_domain_error_at_every_step_past_it() -> None:
    def point(h: float) -> float:
        return 1.0 / h  # x0 = inf

    def up_to(limit_x: float, error: type[Exception]) -> Callable[[float], float]:
        def f(x: float) -> float:
            if x > limit_x:
                raise error("past the end")
            return 1.0 / x

        return f

    run = _samples(_Counted(up_to(1e10, ValueError)), point, 1.0)
    assert isinstance(run, _Run)
    assert run.ends is not None
    assert run.ends[:2] == (2.0**33, 2.0**34)
    # 0/0 where rounding cancels both is no end of the domain.
    run = _samples(_Counted(up_to(1e10, ZeroDivisionError)), point, 1.0)
    assert isinstance(run, _Run)
    assert run.ends is None

    # f defined again at the last 3 steps (too few to use): no end either.
    def gap(x: float) -> float:
        if 1e10 < x < 2.0**46.5:
            raise ValueError("a gap")
        return 1.0 / x

    run = _samples(_Counted(gap), point, 1.0)
    assert isinstance(run, _Run)
    assert run.ends is None


def test_an_answer_from_the_run_before_the_end_is_kept() -> None:
    # The run out to 2**33 settles on 0 (documented: a long run where f fails
    # past it is used), and the answer says where f fails.
    result = limit(lambda x: 1 / x + 0 * math.sqrt(1e10 - x), math.inf, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged
    assert abs(result.value) <= 1e-20
    assert "f fails closer to x0" in result.message


def test_an_overflow_inside_f_is_said_to_be_one_and_how_to_avoid_it() -> None:
    # x**3 overflows at 1e103 (Python raises OverflowError for a float power),
    # though f, 1e-206, does not: the old advice, 'the function grows beyond the
    # float range there, so keep x where its values stay below about 1e308',
    # was neither true nor one a limit at a given x0 can follow.
    with pytest.raises(NumericalError) as raised:
        limit(lambda x: x / x**3, 1e103)
    message = str(raised.value)
    assert "f, or a value computed inside it, is beyond the float range there" in message
    assert "rewrite f so that no intermediate result overflows (x/x**3 as 1/x**2)" in message
    assert "keep x where" not in message
