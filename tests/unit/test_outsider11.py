"""Attacks an outsider made on the calculus half (session 28, OUTSIDER11).

The attack: angles the earlier outsiders did not draw, through the public
API only, each answer against mpmath (50 digits) or a closed form: taylor on
jets at awkward points, textbook limits (L'Hopital forms at shifted points),
integrals whose parameter nears a degenerate value, Value's operations at
edge values, minimize on classic test functions, jvp/vjp of functions
written with ``math`` at ill-scaled points, plots and remainder bounds with
hostile inputs. The contract (DESIGN.md): an error estimate is never below
the true error (within 2x), and where no trustworthy estimate can be
reached a ``NumericalError`` says so. The rates are in the session's report
(/tmp/s28/OUTSIDER11/report.md); each marked test fails today for the reason
in its comment.

What lies: a steep smooth term beside a slow term of a huge argument. In
``exp(k t) + sin(X + t)`` with X near 1e10, ``X + t`` rounds t to a grid
(1.9e-6 wide at 1e10), so ``sin(X + t)`` is a staircase; alone,
``derivative`` answers its smooth slope honestly (``sin(4e10 + t)`` at 0:
-0.4500 +- 0.0029 for -0.4494). Beside ``exp(k t)`` the walk's steps shrink
under the stairs' width and the slow term's slope vanishes from the answer,
with an error of the steep term's rounding. Of ``A exp(k t) + B g(X + c t)``
at 0 (k = +-10**U(1, 6), A = 10**U(-2, 2), X = +-10**U(5, 13), B =
10**U(-1, 1), c = U(0.3, 3), g in sin, cos, atan, tanh(u / X), log|u|),
29, 27 and 16 of 200 draws lie (seeds 1, 2, 3), all with g = sin or cos.
Where the steps reach the overflow of exp instead, a plain call returns a
number with no digit right and no ``NumericalError`` (its full_output error
is 1e49 times the value). ``jvp`` and ``directional_derivative`` on
functions written with ``math`` pass such numbers on far more often: their
line steps by ``max(1, |x_i|)`` in every coordinate, so at a point with one
large coordinate a steep term in another overflows or swings on the line.
``jvp(lambda p: math.exp(p[0]) + math.cos(p[1]), [0.0, 1e8], [0.01, 1.0])``
is -2.2e63 for -0.92, where each term alone is right.

And a sentence that is not exactly true: ``check(1e308, -1e308)`` says the
answer "is off by inf" (the miss, 2e308, is beyond the float range). And
bare errors: a `Jet` meets ``%``, ``//``, ``round`` and a `Value` with
Python's TypeError, where a Value refuses the same with advice.

And a right answer refused with an absurd error: ``integrate`` of a smooth
function computed in float32 (``x**3`` rounded so, on [0, 2]) was
3.99999999 +- 2.73, not converged, at any tol, for a true error of 8e-9
(fixed in session 28: its test passes).
"""

from __future__ import annotations

import math
import struct
import sys
from collections.abc import Callable

import pytest

import calcweb as cw


def _xfail(raises: type[BaseException] = AssertionError) -> pytest.MarkDecorator:
    """Strict natively; ``raises``: the reason it fails today (another failure is an error)."""
    return pytest.mark.xfail(
        strict=sys.platform != "emscripten", raises=raises, reason="see the test's comment"
    )


def _honest_or_refused(f: Callable[[float], float], x: float, n: int, exact: float) -> None:
    """Within twice the reported error of ``exact``, or refused."""
    try:
        result = cw.derivative(f, x, n, full_output=True)
    except cw.NumericalError:
        return
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def _close_or_refused(answer: object, exact: float) -> None:
    """A plain call's answer has a correct digit, or the call refused (``answer`` is None)."""
    if answer is None:
        return
    assert isinstance(answer, float)
    assert abs(answer - exact) <= 0.1 * abs(exact), (answer, exact)


# Truths: mpmath at 50 digits, from the floats as written (4e10 and 1e10 are exact).
_COS_4E10 = -0.44943071261100408951  # cos(4e10)
_COS_1E10 = 0.87311962267685600118  # cos(1e10)
_SIN_1E10 = -0.48750602508751069153  # sin(1e10)


def _steep_and_stairs(t: float) -> float:
    """exp(2000 t) + sin(4e10 + t): sin's input rounds to stairs 7.6e-6 wide."""
    return math.exp(2e3 * t) + math.sin(4e10 + t)


# --- the honest answers the lies below are measured against --------------------------


def test_the_stairs_alone_are_answered_honestly() -> None:
    # -0.4500220003524927 +- 0.0029 for -0.4494: the smooth slope the stairs round.
    _honest_or_refused(lambda t: math.sin(4e10 + t), 0.0, 1, _COS_4E10)


def test_jvp_of_the_slow_term_alone_is_right() -> None:
    # (0.964..., -43130.92): cos(x1) v1 = -43132.69 to 4e-5.
    x, v = [1.0334508173055472e-06, 39869343772.39869], [0.7596613053310559, -162808.9670186659]
    _, tangent = cw.jvp(lambda p: math.sin(p[1]), x, v)
    _close_or_refused(tangent, -43132.690400414633961 - math.exp(x[0]) * v[0])


# --- what lies -----------------------------------------------------------------------


def test_a_steep_term_does_not_hide_the_slope_of_stairs() -> None:
    # Was 1999.9999999999998 +- 5.2e-9 for 2000 + cos(4e10) = 1999.5505692873890: the
    # sin term's slope missing, 8.7e7 errors off (the walk's steps sat on one stair). Now
    # 1999.53 +- 0.37: the quotient at 7.3e-6, 0.4 off the window's expansion, is noise
    # (`calcweb._richardson._noise_above`).
    _honest_or_refused(_steep_and_stairs, 0.0, 1, 2e3 + _COS_4E10)


def test_a_steep_cubic_does_not_hide_the_slope_of_stairs() -> None:
    # Was 2.5971522777952707e-10 +- 8.7e-7 for cos(1e10) = 0.8731196226768560. Now
    # +- 0.91: the first walk's quotient at 1.8e-6 is 0.91 off its window's expansion, and
    # f jumps where the quotients leave it (`calcweb._richardson._missed_stairs`).
    _honest_or_refused(lambda t: 1e9 * t**3 + math.sin(1e10 + t), 0.0, 1, _COS_1E10)


def test_a_second_derivative_beside_stairs_is_honest() -> None:
    # Was 1000000.0032806394 +- 0.117 for 1e6 - sin(1e10) = 1000000.4875060251 (4x). Now
    # +- 0.4996: no noise was heard, the window at larger steps settled on 1000000.397 +-
    # 0.106, and f jumps where the quotients above the window leave it
    # (`calcweb._richardson._unheard_stairs`).
    _honest_or_refused(lambda t: math.exp(1e3 * t) + math.sin(1e10 + t), 0.0, 2, 1e6 - _SIN_1E10)


def test_taylor_does_not_carry_the_missing_slope() -> None:
    # Was derivatives[1] 1999.9999999999998 with errors[1] 5.2e-9 (as derivative).
    p = cw.taylor(_steep_and_stairs, 0.0, 2)
    assert abs(p.derivatives[1] - (2e3 + _COS_4E10)) <= 2.0 * p.errors[1], p


def test_a_derivative_with_no_trustworthy_estimate_is_refused() -> None:
    # Today the plain call returns -1.6199115558805285e+23 for 2e5 + cos(1e6) =
    # 200000.93675212753; with full_output the error is 8.75e72 (DESIGN: "when no
    # trustworthy estimate can be reached, a NumericalError says so").
    try:
        answer = cw.derivative(lambda t: math.exp(2e5 * t) + math.sin(1e6 + t), 0.0)
    except cw.NumericalError:
        answer = None
    _close_or_refused(answer, 200000.93675212753314)


def test_jvp_of_a_function_written_with_math_is_refused_or_right() -> None:
    # Today (0.6366149106443095, -2.1566177518288655e+63) for J v = 0.01 - sin(1e8) =
    # -0.9216390271097260 (mpmath); directional_derivative's full_output gives the same
    # value +- 6.7e256, and each term alone is right (exp's 0.0099999999999999, cos's
    # -0.93163906). Written with calcweb's exp and cos (jets) it is -0.921639027109726.
    # Of jvp's of A exp(k p0) + B sin/cos(p1) at [y, X], X = +-10**U(0, 12), along [v0,
    # v1], v0 = +-10**U(-8, 1): 48 of 200 are off by more than 10 % (seed 1), up to 1e35
    # for answers near 1.
    try:
        _, tangent = cw.jvp(lambda p: math.exp(p[0]) + math.cos(p[1]), [0.0, 1e8], [0.01, 1.0])
    except cw.NumericalError:
        tangent = None
    _close_or_refused(tangent, -0.92163902710972600782)


def test_jvp_at_an_ill_scaled_point_is_refused_or_right() -> None:
    # Today (1.9642678866001855, -5.052203543876643e+17) for J v = -43132.690400414634
    # (mpmath); each term alone is right (the test above, and exp's 0.76 to 1e-10).
    x, v = [1.0334508173055472e-06, 39869343772.39869], [0.7596613053310559, -162808.9670186659]
    try:
        _, tangent = cw.jvp(lambda p: math.exp(p[0]) + math.sin(p[1]), x, v)
    except cw.NumericalError:
        tangent = None
    _close_or_refused(tangent, -43132.690400414633961)


def test_a_directional_derivative_beside_stairs_is_honest() -> None:
    # Today 0.0020000001111636976 +- 0.0194 for 2e3 * 1e-6 + cos(4e10) = -0.4474307126110041
    # (23 errors off): the steep term's slope alone. Of the draws above, 5 of 200 lie so.
    result = cw.directional_derivative(
        lambda p: math.exp(2e3 * p[0]) + math.sin(p[1]), [0.0, 4e10], [1e-6, 1.0], full_output=True
    )
    assert abs(result.value - (-0.44743071261100408960)) <= 2.0 * result.error, result


def test_check_does_not_call_a_finite_miss_infinite() -> None:
    # Was "✗ Not yet: 1e+308 is off by inf.": the miss is 2e308, beyond the float range
    # but not infinite (the verdict, not yet, was right).
    result = cw.check(1e308, -1e308)
    assert not result
    assert result.message == "✗ Not yet: 1e+308 is off by 2e+308 (200.0%).", result.message


@pytest.mark.parametrize(
    "operation",
    [
        lambda jet: jet % 2.0,  # Value refuses % with a calcweb message ("no step")
        lambda jet: jet // 2.0,
        round,  # Value's round says what to write instead
        lambda jet: jet * cw.Value(2.0),  # Value * jet alike
    ],
)
def test_a_jet_refuses_what_a_value_refuses_with_advice(
    operation: Callable[[cw.Jet], object],
) -> None:
    # Was a bare TypeError ("unsupported operand type(s) for %: 'Jet' and 'float'",
    # "type Jet doesn't define __round__ method", ... 'Jet' and 'Value'), not a calcweb
    # error saying what to do (float(jet)'s TypeError is documented in calcweb.jet).
    with pytest.raises(cw.CalcwebError):
        operation(cw.Jet.variable(2.0, 2))


def _float32(v: float) -> float:
    """``v`` rounded to float32, as numpy's float32 arithmetic rounds each result."""
    rounded: float = struct.unpack("f", struct.pack("f", v))[0]
    return rounded


def test_integrate_answers_a_function_computed_in_float32() -> None:
    # Was 3.9999999921383473 +- 2.73, converged False ("reached 500 subintervals ...
    # may be oscillatory, discontinuous or not integrable") at every tol from 1e-10 to
    # 1e-3, for a true error of 7.9e-9: f is within 4.8e-7 of x**3 everywhere, so the
    # integral within 1e-6 of 4. Of sin, exp, x**3, tanh in numpy float32 on random
    # intervals (seed 7, 40 draws each): 40, 31 and 36 not converged at tol 1e-10, 1e-6,
    # 1e-4, all 40 values right to 1e-6; reported errors up to 2.6e10 times the true.
    # Now (`calcweb._gauss_kronrod.rounding_unit`) 3.99999998658 +- 4.0e-6 from 23
    # calls, converged at tol 1e-6 and above; below, refused with advice
    # (test_integrate_coarse_floats).
    result = cw.integrate(
        lambda x: _float32(_float32(x) ** 3), 0.0, 2.0, tol=1e-3, full_output=True
    )
    assert result.converged, result
    assert abs(result.value - 4.0) <= 2.0 * result.error <= 4e-3, result
