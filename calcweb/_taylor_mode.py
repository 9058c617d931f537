"""Reading derivatives out of a jet: what Taylor mode returns, and how far to trust it.

`calcweb.derivative` (``method="ad"``), `calcweb.taylor` and the Jacobians of
`calcweb.multivariate` all call ``f`` on a `calcweb.Jet` and read the
derivatives out of what ``f`` returned; this module is that shared step.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from numbers import Real
from typing import Any

from calcweb import functions
from calcweb._checks import RefusedJets, as_float, call_on_jets, shown
from calcweb.exceptions import ArgumentTypeError, CalcwebError, NumericalError
from calcweb.jet import BranchWatch, Jet, RoundedFloat, watching_branches

_EPS = sys.float_info.epsilon


def rounding_error(value: float, n: int) -> float:
    """The rounding error to expect of an ``n``-th derivative from Taylor mode.

    Only a rule of thumb, for a jet that carries no bounds (a constant, or a
    jet ``f`` built itself); `derivative_error` bounds a tracked jet's error.

    Examples:
        >>> rounding_error(1.0, 0) == 8.0 * sys.float_info.epsilon
        True
    """
    return 8.0 * (n + 1) * _EPS * abs(value)


def derivative_error(y: object, n: int, value: float) -> float:
    """A bound on the rounding error of ``value``, the ``n``-th derivative read from ``y``.

    ``y`` is what ``f`` returned for `calcweb.jet.rounding_tracked_variable`:
    its coefficient ``n`` carries a bound (running error analysis, so
    cancellation inside ``f`` counts), which ``n!`` scales; multiplying by
    ``n!`` rounds once more. Without a bound (``f`` returned a constant or a
    jet of its own) the rule of thumb `rounding_error` is all there is.

    Examples:
        >>> from calcweb import exp
        >>> from calcweb.jet import rounding_tracked_variable
        >>> y = exp(rounding_tracked_variable(1e-8, 1)) - 1.0  # cancels: 1e-8 from 1
        >>> derivative_error(y, 0, 1e-8) > 1e-16  # about eps, not eps * 1e-8
        True
    """
    coefficient = y.coefficients[n] if isinstance(y, Jet) else None
    if not isinstance(coefficient, RoundedFloat):
        return rounding_error(value, n)
    return coefficient.bound * math.factorial(n) + 2.0 * _EPS * abs(value)


def jet_derivative(y: object, n: int, what: str) -> float:
    """The ``n``-th derivative held by ``y``, what a function returned for a jet.

    A plain number means the function ignored its argument: a constant, whose
    derivatives are 0.

    Raises:
        ArgumentTypeError: If ``y`` is neither a jet nor a real number.
        NumericalError: If the derivative is not finite.

    Examples:
        >>> jet_derivative(Jet.variable(2.0, 3) ** 3, 2, "f")
        12.0
        >>> jet_derivative(5.0, 1, "f")
        0.0
    """
    if isinstance(y, Jet):
        value = y.derivative(n)
    elif not isinstance(y, bool) and isinstance(y, Real):
        constant = as_float(y, f"the value {what} returned")  # f ignored its argument
        value = constant if n == 0 or not math.isfinite(constant) else 0.0
    else:
        raise ArgumentTypeError(
            f"{what} returned {type(y).__name__} {y!r}; it must return a number "
            "(a Jet when given a Jet)"
        )
    if not math.isfinite(value):
        raise NumericalError(
            f"the derivative of order {n} is not a finite number ({value!r}); "
            "the function or its derivatives overflow near this point"
        )
    return value


# ------------------------------------------------------------ f branches on jets

# A comparison that a move of x by this many rounding units, eps max(1, |x|), could
# flip (as far as the jet tells: `calcweb.jet._tie`) is decided within rounding: a
# bisection's last comparisons are within a few (as many as g's elasticity
# |x g'(x)/y| where it solves g(x) = y).
_TIE_ROUNDINGS = 64


def reach(x: float) -> float:
    """How far ``x`` may move within rounding, for `calcweb.jet.watching_branches`.

    At least 64 eps: where ``|x| < 1`` the values compared may still be rounded
    on the scale of 1 (a bisection for ``g(x) = y`` with ``y`` near 0 while the
    terms of ``g`` are not, as ``x + exp(x)`` at -0.567).

    Examples:
        >>> reach(2.0) == 2 * reach(0.0) == 128 * sys.float_info.epsilon
        True
    """
    return _TIE_ROUNDINGS * _EPS * max(1.0, abs(x))


def on_jets(
    f: Callable[..., Any], within: float, *args: Any
) -> tuple[Any | RefusedJets, BranchWatch]:
    """`call_on_jets`, and the branch f took at or near a tie, if any (``within``: `reach`).

    A Taylor-mode derivative is the derivative of the branch f took; it is
    known to be f's only if that branch holds on a neighbourhood of x. The watch says where
    that is in doubt (`calcweb.jet.watching_branches`).
    """
    with watching_branches(within) as watch:
        y = call_on_jets(f, *args)
    return y, watch


def staircase(y: object, watch: BranchWatch, degree: int) -> bool:
    """Whether f returned no jet (a number, or a jet of derivatives 0) after comparing a live one.

    f's value then depends on x only through the branches it took: Taylor
    mode's derivatives, 0, are those of a staircase, f's own where f is
    constant around x (``x if x > 0 else 0.0`` at -1), not where the branches
    compute a smooth function (a bisection for ``g(x) = y`` answers 0, not
    ``1/g'``). Only differences across the branches tell the two apart.
    """
    if watch.live is None or degree == 0:
        return False  # no branch on x, or only f's value asked: nothing to differentiate
    return not isinstance(y, Jet) or not any(y.coefficients[1:])


def staircase_refusal(watch: BranchWatch, where: str, instead: str) -> NumericalError:
    """The refusal of a Taylor-mode 0 where f returned no jet after comparing one (`staircase`)."""
    return NumericalError(
        f"f branches {where} and returns no jet: after {watch.live} (a comparison of f's "
        f"flips if x moves by {watch.margin:.2g}) f's value depends on x only through its "
        "branches, so Taylor "
        "mode (jets) gives the derivatives of a staircase, 0, which are f's only if f is "
        f"constant around the point; {instead}"
    )


def in_doubt(watch: BranchWatch) -> str:
    """Why a Taylor-mode answer is in doubt where f branched near a tie or returned no jet."""
    if watch.what is not None:
        return f"{watch.what} decides a branch within rounding of a tie"
    return f"after {watch.live} f returns no jet (its value depends on x through branches)"


def branch_refusal(watch: BranchWatch, where: str, instead: str) -> NumericalError:
    """The refusal of a Taylor-mode answer where f branched at a tie (``where``: "at x=0.0").

    ``instead``: what to do, a clause ("use method='richardson' ...").
    """
    if watch.what is None:
        return staircase_refusal(watch, where, instead)
    tie = "at a tie" if watch.exact else "within rounding of a tie"
    return NumericalError(
        f"f branches {where}: {watch.what} decides a branch {tie}, so Taylor mode (jets) "
        "gives the derivatives of the branch f took, which are f's only if that branch "
        f"holds around the point, and no error can be stated for them; {instead}"
    )


def branch_disagreement(
    watch: BranchWatch,
    where: str,
    order: int,
    ours: float,
    across: tuple[float, float],
    *,
    near: str,
    told: str,
    fix: str,
) -> NumericalError:
    """The refusal where the jets' derivative of ``order`` and differences across branches differ.

    ``across``: the differences' value and error; ``near``: where the junction
    may be ("the point"); ``told``: what cannot be told ("its derivative");
    ``fix``: what to do, a clause.
    """
    theirs, error = across
    return NumericalError(
        f"f branches {where}: {in_doubt(watch)}, and the derivative of order {order} of "
        f"the branch f took ({ours!r}, Taylor mode) disagrees with difference quotients "
        f"across the branches ({theirs!r} +- {error:.2g}): f may have a kink or a junction "
        f"next to {near}, or decide a branch by rounding (as a bisection's last steps do), "
        f"so {told} cannot be told here; {fix}"
    )


def agrees(value: float, error: float, other: float, other_error: float) -> bool:
    """Whether two estimates agree: within twice the sum of their errors (honest to 2x)."""
    return abs(value - other) <= 2.0 * (error + other_error)


# ------------------------------------------------------------ f refuses jets


def ad_refused(
    what: str,
    error: Exception,
    f: Callable[..., Any],
    at_floats: Callable[[], object],
) -> TypeError:
    """The error for method='ad' where ``f`` refused a calcweb.``what`` ("Jet", "nn.Value").

    ``error`` is what f raised on them, ``f`` the reader's function and
    ``at_floats`` a call of it at x's own numbers, as the numerical methods
    make it. Where x does not fit f (`mismatch`), that error is returned.
    Else the message quotes what f raised (not the text of calcweb's call
    wrapper around it, which shows the jets: `unwrapped`) and says what to
    write in f's place (`jets_fix`), or to use method='richardson': with
    math's functions in place of cmath's where f returns complex numbers,
    which Richardson refuses.
    """
    refusal, value = mismatch(at_floats)
    if refusal is not None:
        return refusal
    raised = unwrapped(error)
    fix = jets_fix(what, f, raised, value)
    if _refused_by_a_jet(raised) and not _raised_by_the_callable(raised):
        fix = "Change f as it says"  # a jet's own refusal in f's code (x % 2) says what to write
    elif fix.startswith("write"):
        fix = "W" + fix[1:]  # a sentence of its own here
    otherwise = "method='richardson'"
    if isinstance(value, complex):
        otherwise += (
            " with f written with math's functions in place of cmath's (f returned the "
            f"complex number {value!r} at x, and method='richardson' needs real values)"
        )
    return ArgumentTypeError(
        f"method='ad' needs f to accept a calcweb.{what}, but f raised "
        f"{type(raised).__name__}: {raised}. {fix}, or use {otherwise}"
    )


def mismatch(at_floats: Callable[[], object]) -> tuple[TypeError | None, object]:
    """What f does at x's own numbers: (the TypeError it raised, None) or (None, its value).

    A TypeError there too (``math.sin`` of a list, ``math.atan2`` of one
    number) means that x does not fit f, and jets are not what is wrong: the
    error is the one method='richardson' raises (calcweb's, naming x's numbers
    and what f must take, or f's own). Where f fails at x otherwise (a
    ValueError outside its domain), the jets are refused all the same: (None,
    None). Any other exception of f passes through, as everywhere.
    """
    try:
        return None, at_floats()
    except TypeError as refusal:
        return refusal, None
    except (ArithmeticError, ValueError):
        return None, None


def unwrapped(error: Exception) -> BaseException:
    """What the callable f raised, out of calcweb's call wrapper (`calcweb._checks.call`).

    The wrapper turns a TypeError raised by a builtin itself (``math.sin``
    of a Jet) into an ArgumentTypeError that shows what it was called with
    and what f must take, which is true of floats and misleads about jets.
    """
    cause = error.__cause__
    if not isinstance(error, ArgumentTypeError) or not isinstance(cause, TypeError):
        return error
    plain = not isinstance(cause, CalcwebError) and _raised_by_the_callable(cause)
    return cause if plain else error


def jets_fix(what: str, f: Callable[..., Any], raised: BaseException, value: object) -> str:
    """What to write in place of ``f``, which raised ``raised`` on a calcweb.``what``.

    Where the callable itself refused it (a builtin, such as ``math.sin``:
    no code of the reader's to change), it is named, with calcweb's version of
    it where there is one; else f's code called a function that refuses jets:
    calcweb's functions in place of math's (cmath's where f returned a complex
    ``value`` at x).
    """
    if _raised_by_the_callable(raised):
        name = getattr(f, "__name__", None)
        name = _CALCWEB_NAMES.get(str(name), name)
        if name in functions.__all__ and getattr(functions, str(name)) is not f:
            return (
                f"f is {_label(f)}, which does not take calcweb.{what}s: pass calcweb.{name} "
                "in its place"
            )
        return (
            f"f is {_label(f)}, which does not take calcweb.{what}s: write f with calcweb's "
            "functions (calcweb.sin, calcweb.exp, ...)"
        )
    library = "cmath's" if isinstance(value, complex) else "math's"
    return f"write f with calcweb's functions (calcweb.sin, calcweb.exp, ...) instead of {library}"


# Builtins whose calcweb version has another name.
_CALCWEB_NAMES = {"fabs": "abs"}


def _frames(error: BaseException) -> list[Any]:
    """The frames of ``error``'s traceback, the one it was raised in last."""
    frames = []
    trace = error.__traceback__
    while trace is not None:
        frames.append(trace.tb_frame)
        trace = trace.tb_next
    return frames


def _refused_by_a_jet(error: BaseException) -> bool:
    """Whether ``error`` is a Jet's own refusal (``x % 2``), which says what to write."""
    frames = _frames(error)
    return (
        isinstance(error, CalcwebError)
        and bool(frames)
        and frames[-1].f_globals.get("__name__") == "calcweb.jet"
    )


def _raised_by_the_callable(error: BaseException) -> bool:
    """Whether ``error`` came from the callable itself, with no frame of its own: a builtin's.

    Or from a Value or a Jet refusing to be a plain number inside it
    (``math.exp`` calls ``Value.__float__``, ``round`` calls ``Jet.__round__``,
    which raise): that frame is the builtin's doing, if calcweb's
    `calcweb._checks.call` or `calcweb._checks.call_on_jets` called the builtin
    right before it.
    """
    frames = _frames(error)
    if not frames:
        return False
    if len(frames) == 1:
        return True
    last, caller = frames[-1], frames[-2]
    return (
        last.f_globals.get("__name__") in ("calcweb.nn.value", "calcweb.jet")
        and last.f_code.co_name in _VALUE_CONVERSIONS
        and caller.f_globals.get("__name__") == "calcweb._checks"
        and caller.f_code.co_name in ("call", "call_on_jets")
    )


# The methods by which a Value (or a Jet: __round__) refuses to become a plain number.
_VALUE_CONVERSIONS = frozenset(
    {"__float__", "__int__", "__index__", "__trunc__", "__floor__", "__ceil__", "__round__"}
)


def _label(f: Callable[..., Any]) -> str:
    """``f`` as it is written in Python: ``math.sin``, ``round``; else its repr (a partial)."""
    name = getattr(f, "__qualname__", None)
    module = getattr(f, "__module__", None)
    if not isinstance(name, str):
        return shown(f)
    return name if module in (None, "builtins") else f"{module}.{name}"
