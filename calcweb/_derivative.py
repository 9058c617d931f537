r"""Derivatives of any order, exact (Taylor mode) or numerical with an error estimate.

`derivative` offers one front door to several methods:

* ``"ad"``: Taylor-mode automatic differentiation. ``f`` is called once on a
  `Jet`; the result has no truncation error, for any ``n``, but it rounds
  like any float computation (and cancellation inside ``f``, as in
  ``exp(x) - 1 - x`` near 0, can lose digits). With ``full_output=True`` the
  jet's coefficients carry bounds on their rounding errors (running error
  analysis, `calcweb.jet.RoundedFloat`), so the reported error sees that
  cancellation; without it ``f`` runs on plain floats, at full speed. (From
  Python 3.12, ``sum()`` adds plain floats with compensation but not the
  tracked ones, so the two values can differ in their last bits.)
  ``f`` must be written with ``+ - * / **`` and `calcweb.functions`.
  A quotient's recurrence divides by the denominator's value once an order,
  and can magnify rounding far beyond ``f``'s own (``sin(x)/x`` at 1e-8,
  ``n = 2``: -1.0 for -1/3, error 22); so does a square root's, which divides
  by its value (``sqrt(1 - cos(x))`` near 0). Plain jets record how much their
  quotients and roots (and the products and other recurrences after one) cancel
  (`calcweb.jet.watching_cancellation`); beyond 2**24 times
  their rounding, ``f`` is called again on jets that bound it. Where that
  bound leaves fewer than 4 digits and exceeds 1024 times the rounding of
  ``f(x)`` itself spread over ``n`` orders, ``"auto"`` also runs Richardson
  (unless ``f(x)`` has lost its digits too) and keeps the better answer
  that agrees, and a plain call refuses an answer with no correct digit,
  unless its error is within 1024 times that rounding spread over the scale
  on which ``f`` varies (0 on that scale): ``max(1, |x|)``, or less, but at
  least 1, where the slope of an argument of ``f``'s exp, sin, cos, sinh,
  cosh, tan, tanh or sigmoid would move it by 1 within less
  (``log(cosh(x))`` at 20: 1, not 20).
  A jet takes the branch of ``x`` (``1.0 if x == 0 else sin(x)/x`` at 0
  gives the derivatives of the constant 1.0), which are known to be ``f``'s
  only where that branch holds around ``x``: where ``f`` decides a branch at
  a tie or within rounding of one (a comparison whose sides are equal or
  could swap, as far as the jet's terms tell, if ``x`` moved by 64 eps
  ``max(1, |x|)``: `calcweb.jet`; ``abs`` or ``relu`` of 0), ``"ad"`` with
  ``full_output=True`` refuses, and plain ``"ad"`` returns the branch's
  derivative (torch's convention: ``relu`` and ``abs`` have derivative 0 at 0).
  Where ``f`` compares the jet and returns no jet (a float, or a jet whose
  derivatives are 0: a bisection's), its value depends on ``x`` through
  branches alone, and Taylor mode's 0 is a staircase's, which no margin of
  the comparisons can tell from f's (a bisection whose ``g`` cancels ends far
  from its flips and still answers 0): ``"ad"`` with ``full_output=True``
  refuses it, even where f is constant around ``x`` (``"auto"`` checks it
  with differences instead).
* ``"richardson"``: difference quotients (central, or one-sided next to the
  edge of the domain of ``f``) on a decreasing sequence of steps, combined by
  Richardson extrapolation (Neville's tableau, as in Ridders' method) once
  they converge at the rate their Taylor expansion predicts. The spread of
  the tableau and the measured noise of ``f`` give the error estimate; an
  estimate that cannot be trusted raises `NumericalError`
  (`calcweb._richardson` explains the checks). With the default step, one
  wide stencil spread over the scale on which ``f`` varies then refines it
  (less rounding), if it agrees with it.
* ``"central"``, ``"forward"``, ``"backward"``: one finite-difference
  quotient of order ``n`` (for ``n = 1`` the formulas of `calcweb.diff`).
  With ``full_output=True`` its error is measured against ``"richardson"``
  on the same ``f`` (its distance from Richardson's value plus Richardson's
  error, Richardson's calls counted), and the call raises where Richardson
  cannot settle: the same quotient at twice the step shows the truncation
  only where the step is fine for ``f``, which no quotients at multiples of
  the step can tell.
* ``"complex"``: the complex step $\operatorname{Im} f(x + ih)/h$
  (first derivatives of functions that accept complex numbers), with no
  cancellation between values of ``f``. Its error estimate counts the
  truncation and ``f``'s own rounding inside ``Im f`` (as in ``exp(z) - 1 -
  z``), seen as scatter across steps and points next to ``x``, and is at
  least how closely the real line confirms the value (Richardson there:
  1e-14 to 1e-12 of ``f'`` where ``f`` rounds well), as no value of ``f``
  proves that ``f`` is analytic.
* ``"auto"`` (default): ``"ad"`` if ``f`` accepts a jet (it raises no
  exception on one but calcweb's own, which answer for ``f``: `calcweb.log`
  of a jet at -1 raises `DomainError`, with no fallback), else
  ``"richardson"``; also ``"richardson"`` where ``f`` branches at a tie on
  the jet, and near one (within rounding) where Richardson agrees with the
  jet's derivative (within twice their errors; else `NumericalError`: a kink
  next to ``x``, or a branch decided by rounding, as a bisection's last
  steps, cannot be told apart); the same where ``f`` compares the jet and
  returns no jet (any margin: a bisection whose ``g`` cancels or is steep
  ends far from a tie, its answer still 0). Richardson's own refusals stand
  (Huber's loss one ulp right of its junction at 1, ``n = 2``: `DomainError`).
"""

from __future__ import annotations

import contextlib
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from numbers import Integral, Real
from typing import Any, NamedTuple

from calcweb._checks import (
    DERIVATIVE_ORDER,
    EXTRA_ARGUMENTS,
    INTO_THE_DOMAIN,
    OUTSIDE_THE_DOMAIN,
    STEP,
    RefusedJets,
    as_float,
    call,
    check_callable,
    check_method,
    check_order,
    check_point,
    check_step,
    checking_arguments_hinting,
    evaluate,
    outside_domain,
    shown,
    x_itself_first,
)
from calcweb._richardson import (
    Estimate,
    combine,
    extrapolate,
    representable_step,
    stencil,
    trusted,
)
from calcweb._taylor_mode import (
    ad_refused,
    agrees,
    branch_disagreement,
    branch_refusal,
    derivative_error,
    jet_derivative,
    on_jets,
    reach,
    rounding_error,
    staircase,
)
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DivisionByZeroError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.jet import (
    BranchWatch,
    CancellationWatch,
    Jet,
    rounding_tracked_variable,
    watching_cancellation,
)

__all__ = ["DerivativeResult", "derivative"]

_EPS = sys.float_info.epsilon


@dataclass(frozen=True)
class DerivativeResult:
    """A derivative with an estimate of its error and what it cost.

    Attributes:
        value: The derivative.
        error: An estimate of ``|value - exact|``: truncation plus rounding for
            the difference methods and ``"complex"`` (for ``"complex"``, at
            least how closely the real line confirms the value; for
            ``"central"``, ``"forward"`` and ``"backward"``, the distance
            from ``"richardson"``'s value plus its error). For
            ``"ad"``, a bound on the rounding error of every operation of
            ``f`` (running error analysis), so cancellation inside ``f``
            (``exp(x) - 1 - x`` near 0) counts; it assumes each math
            function is within 2 eps of its true value, as libm's are. If
            ``f`` returns a number or a jet it built itself, whose rounding
            is unknown, ``8 (n + 1) eps |value|``. For ``n = 0`` by
            differences, the value is ``f(x)`` and the error its rounding: the
            noise of ``f`` a walk for ``f'(x)`` measures, at least ``eps |f(x)|``
            (a one-quotient method without ``full_output``: that last alone).
        nfev: How many times ``f`` was called.
        method: The method used (``"auto"`` resolves to ``"ad"`` or ``"richardson"``).
        step: The step ``h`` used, or ``None`` for ``"ad"``.

    ``float(result)`` is ``result.value``, as for `calcweb.IntegrationResult`
    and `calcweb.LimitResult`.

    Examples:
        >>> from calcweb import derivative, exp
        >>> r = derivative(exp, 0.0, full_output=True)
        >>> r
        DerivativeResult(value=1.0, error=..., nfev=1, method='ad', step=None)
        >>> float(r)
        1.0
    """

    value: float
    error: float
    nfev: int
    method: str
    step: float | None

    def __post_init__(self) -> None:
        # Built by hand, a result still holds floats, so float() and repr() work.
        object.__setattr__(self, "value", as_float(self.value, "value"))
        object.__setattr__(self, "error", as_float(self.error, "error"))
        nfev: object = self.nfev
        if isinstance(nfev, bool) or not isinstance(nfev, Integral) or nfev < 0:
            raise ArgumentTypeError(f"nfev must be an int >= 0, but got {nfev!r}")
        object.__setattr__(self, "nfev", int(nfev))
        method: object = self.method
        if not isinstance(method, str):
            raise ArgumentTypeError(f"method must be a str, but got {method!r}")
        if self.step is not None:
            object.__setattr__(self, "step", as_float(self.step, "step"))

    def __float__(self) -> float:
        return self.value


@checking_arguments_hinting(DERIVATIVE_ORDER, STEP, EXTRA_ARGUMENTS)
def derivative(
    f: Callable[[Any], Any],
    x: float,
    n: int = 1,
    *,
    method: str = "auto",
    h: float | None = None,
    full_output: bool = False,
) -> Any:
    r"""The ``n``-th derivative of ``f`` at ``x``.

    Args:
        f: A function of one real number. Written with calcweb's math
            functions (``calcweb.sin``, ...) it is differentiated exactly,
            unless it branches at or near a tie (see the module).
        x: The point, a finite real number.
        n: The order of the derivative, 0 to 170.
        method: ``"auto"``, ``"ad"``, ``"richardson"``, ``"central"``,
            ``"forward"``, ``"backward"`` or ``"complex"`` (see the module).
        h: The step, > 0: the first (largest) step for ``"richardson"``, the
            step of the other difference methods. ``None`` chooses one scaled
            to ``max(1, |x|)`` (for ``"richardson"`` at ``0 < |x| < 0.01``,
            also a second walk from a step scaled to ``|x|``), and lets
            ``"richardson"`` refine its estimate with a wide stencil whose
            steps can be larger; a given ``h`` is never exceeded by the
            method's own quotients (with ``full_output=True``, the error of
            ``"central"``, ``"forward"`` and ``"backward"`` is measured by
            Richardson from its default steps (from 0.015 ``max(1, |x|)``
            for ``n = 1``), whatever ``h``). Not used by ``"ad"``.
        full_output: Return a `DerivativeResult` instead of a float (also
            an estimate with no correct digit, with its error, which the
            plain call refuses: see Raises).

    Returns:
        The derivative as a float, or a `DerivativeResult`.

    Raises:
        InvalidArgumentError: For a bad ``n``, ``h``, ``method``, a non-finite ``x``
            or one that ``float()`` would move (``2**60 + 1``, ``Fraction(1, 3)``).
        ArgumentTypeError: If ``f`` is not callable, returns a non-number,
            or does not accept the jet / complex number the method needs, or
            ``full_output`` is not True or False.
        DomainError: If ``f`` is undefined at ``x`` or at every stencil that
            could be used, or (``"richardson"``, ``"auto"`` where it runs
            Richardson, and ``"central"``, ``"forward"`` and ``"backward"``
            with ``full_output=True``; any order) its one-sided difference
            quotients disagree with the central ones (as at a kink, at a
            junction where a derivative jumps, or where ``f`` varies on a
            scale finer than the steps), or, where the steps end in a window
            in which ``f`` is ``f(x)`` beside stairs of rounding, with each
            other at steps far above those stairs (``max(0, 1 - (1 + t)**2)``
            at 0, whose ``1 + t`` rounds to 1 below ``eps / 4``).
        NumericalError: If the difference quotients never settle into an
            estimate that can be trusted (for ``"complex"``: if the answer has
            no correct digit and Richardson on the real line refuses too, or
            if f is undefined or not real next to ``x`` and Richardson
            there, one-sided, cannot settle), if a plain call's (without
            ``full_output``) estimate by differences (not ``"complex"``'s) has
            no correct digit and cannot tell the derivative from 0 on the
            scale on which ``f`` varies (its error exceeds its size and
            ``n!`` times the spread of ``f`` at ``x +- h`` and ``x +- h / 2``
            over ``h**n``, the smallest of these at the estimate's step ``h``
            (Richardson's first) and 8 spacings each a quarter of the one
            before, but where ``f`` is the same at ``h / 2`` and ``h`` on a side
            or its spread is rounding; where no spacing shows a change, any
            estimate but exactly 0), or by jets (``"ad"``, ``"auto"``) has none
            where a quotient's or a root's recurrence (or one after them)
            magnified the rounding, beyond 0 on the scale on which ``f``
            varies (see the module; Richardson, if ``"auto"`` ran it, did no
            better), if
            ``f`` returns NaN or inf where it must be used, or if a step or
            the result overflows. For ``"central"``, ``"forward"`` and
            ``"backward"`` with ``full_output=True``, Richardson's
            DomainError and NumericalError are raised too (as the same
            class), saying so: the quotient's error is measured against it.
            For ``"ad"`` with ``full_output=True``, if ``f`` branches at or
            near a tie on the jet, or returns no jet after comparing it
            (a staircase's 0 cannot be told from f's there); for
            ``"auto"``, if it branches near one, or returns no jet after
            comparing it, and Richardson disagrees with the jet (see the module).

    Examples:
        >>> import math
        >>> from calcweb import derivative, sin, tan
        >>> derivative(sin, 0.0)
        1.0
        >>> derivative(tan, 0.0, 3)  # exact: f is built from calcweb functions
        2.0
        >>> abs(derivative(math.sin, 1.0) - math.cos(1.0)) < 1e-12  # Richardson
        True
        >>> from calcweb import exp
        >>> r = derivative(lambda x: exp(x) - 1 - x, 1e-8, full_output=True)
        >>> r.value, r.error > 1e-16  # exp(x) - 1 cancels: the bound sees it
        (9.99999993922529e-09, True)
        >>> r = derivative(math.exp, 0.0, method="richardson", full_output=True)
        >>> r.error < 1e-11, r.method
        (True, 'richardson')
        >>> derivative(math.sin, 0.0, method="ad")
        Traceback (most recent call last):
          ...
        calcweb.exceptions.ArgumentTypeError: method='ad' needs f to accept a calcweb.Jet, ...
    """
    check_callable(f)
    x = check_point(x, "x")
    n = check_order(n)
    method = check_method(method)
    step = None if h is None else check_step(h)
    if not isinstance(full_output, bool):  # as limit and integrate: 1, "yes", None are no flags
        raise ArgumentTypeError(f"full_output must be True or False, but got {full_output!r}")
    result = _estimate(f, x, n, method, step, full_output=full_output, bounded_jets=full_output)
    if full_output:
        return result  # its error says how far to trust it
    _refuse_without_a_digit(f, x, n, result)
    return result.value


def _refuse_without_a_digit(
    f: Callable[[Any], Any], x: float, n: int, result: DerivativeResult
) -> None:
    """A `NumericalError` where a plain call's answer has no correct digit (`_without_a_digit`).

    A bare float claims its digits; full_output's result shows its error instead.
    Jets' answers are judged where they are computed (`_with_its_digits`). The
    complex step's errors are rounding bounds, not a walk's that can
    run away: a wide one is f's size underflowing (``2.2e-308 sin(t)`` at 1 by the
    complex step is 0 +- 2.2e-288, its imaginary part below the smallest normal
    float; the derivative is 1.2e-308), which refusing would not mend.
    """
    if result.error <= abs(result.value) or result.method in ("ad", "complex"):
        return  # at least one digit, or no walk: the common cases, with no call of f
    first = result.step if result.step is not None else _first_step(x, 1)
    shown = _scale_shown(f, x, n, first)
    if _without_a_digit(result, shown):
        raise NumericalError(
            f"the derivative of order {n} at x={x!r} came out as {result.value:.6g} "
            f"+- {result.error:.3g}, with no correct digit: its error exceeds its size and "
            f"{_scale_said(shown, n, first)}, so it cannot tell the derivative from 0 on the "
            "scale on which f varies; with full_output=True (derivative, grad, jacobian, "
            "directional_derivative) the estimate comes with its error, and f written with "
            "calcweb's functions (calcweb.exp, calcweb.sin, ...) is differentiated exactly "
            "(Taylor mode)"
        )


def _scale_said(shown: float, n: int, first: float) -> str:
    """What `_scale_shown` found, for a refusal's message."""
    if shown == 0.0:
        return (
            f"at no spacing within {first:.3g} of x do f's own values change beyond rounding "
            "on each side of x (the estimate is not 0)"
        )
    return (
        f"{shown:.3g}, the smallest size of a derivative of order {n} that f's own values "
        f"show within {first:.3g} of x"
    )


def _without_a_digit(result: DerivativeResult, shown: float) -> bool:
    """Whether ``result`` has no correct digit, and is not 0 on the scale ``f`` shows either.

    Its error exceeds its value and ``shown``, the
    scale of an ``n``-th derivative that ``f``'s own values show
    (`_scale_shown`): the estimate does not tell ``f``'s derivative from 0
    on the scale on which ``f`` varies (``round(t, 2)`` at 0.123, where
    ``f`` is flat: 1.56 +- 8.7, shown 2 across its stairs; ``13.25 - 2 t +
    [t = 0.5]`` at 0.5, which jumps at the point alone: -2 +- 1434, shown 4
    beside it; ``exp(2e5 t) + sin(1e6 + t)`` at 0: -1.6e23 +- 8.8e72,
    shown 0.47). A derivative 0 within that scale is kept: ``cos`` at 0
    (0.0 +- 5.3e-13, shown 8.6e-8), ``t**3`` at 0 (0.0 +- 5.2e-44, shown
    1e-13), ``erf`` at 5 with ``n = 4`` and a wide error (-1.26e-8 +- 7.3e-8
    for -1.47e-8, shown 7.4e-8). Where no spacing shows a change (``shown``
    0: ``erf`` at 4e10, 1.0 at every sample), only an answer of exactly 0 is
    kept.

    Examples:
        >>> garbage = DerivativeResult(-1.6e23, 8.8e72, 121, "richardson", 0.015)
        >>> _without_a_digit(garbage, 0.47)
        True
        >>> wide = DerivativeResult(-1.26e-8, 7.32e-8, 46, "richardson", 1.5)
        >>> _without_a_digit(wide, 7.43e-8)
        False
        >>> _without_a_digit(DerivativeResult(0.0, 1e-10, 72, "richardson", 6e8), 0.0)
        False
    """
    if result.error <= abs(result.value):
        return False
    if shown == 0.0:
        return result.value != 0.0
    return result.error > shown


# `_scale_shown` looks at this many spacings, each a quarter of the one before: from
# the estimate's step down to 4**-8 of it, at 4 calls of f each.
_SCALE_SPACINGS = 9


def _scale_shown(f: Callable[[Any], Any], x: float, n: int, first: float) -> float:
    """The smallest size of an ``n``-th derivative that ``f``'s values show near ``x``.

    At each spacing ``h`` (``first``, the estimate's step: Richardson's first;
    then a quarter of it, `_SCALE_SPACINGS` of them), ``n!`` times the spread
    of ``f`` at ``x +- h`` and ``x +- h / 2`` over ``h**n``: the derivative
    that would move ``f`` by that spread over ``h``. Not ``f(x)`` itself,
    which can be off alone (a jump at the point), and not where ``f`` fails.
    The smallest over the spacings: far out a steep ``f`` shows any size
    (``exp(2e5 t)`` at 0 spreads by 2.7e81 within 0.00094), nearer ``x`` its
    own. A spacing shows nothing where ``f`` is the same at ``h / 2`` and
    ``h`` on a side (a stair as wide, where the spread is a stair's height
    or 0 however small ``h`` is, not the slope times ``h``), or where it is
    within 4 eps of ``|f|`` (rounding); 0 where no spacing shows a change.
    Of order 2 or more the spread holds ``f``'s lower orders too (``f'``
    moves it by ``2 h f'``): the scale can be far above ``f^(n)`` itself.
    """
    shown = math.inf
    h = first
    for _ in range(_SCALE_SPACINGS):
        sides = _sides(f, x, h)
        values = [value for side in sides for value in side]
        spread = max(values, default=0.0) - min(values, default=0.0)
        moves = bool(sides) and all(near != far for near, far in sides)
        if moves and spread > 4.0 * _EPS * max(map(abs, values)):
            shown = min(shown, _per_order(spread, n, h))
        h /= 4.0
    return 0.0 if shown == math.inf else shown


def _sides(f: Callable[[Any], Any], x: float, h: float) -> list[tuple[float, float]]:
    """``(f(x - h/2), f(x - h))`` and ``(f(x + h/2), f(x + h))``, on each side where f has both."""
    sides = []
    for side in (-1.0, 1.0):
        with contextlib.suppress(DomainError, NumericalError):
            sides.append((evaluate(f, x + side * h / 2), evaluate(f, x + side * h)))
    return sides


def _estimate(
    f: Callable[[Any], Any],
    x: float,
    n: int,
    method: str,
    step: float | None,
    *,
    full_output: bool,
    bounded_jets: bool,
) -> DerivativeResult:
    """`derivative`'s answer, for arguments it has checked, as a `DerivativeResult`.

    ``full_output`` as derivative's (``"central"``, ``"forward"`` and
    ``"backward"`` then measure their error). ``bounded_jets``: ``"auto"`` and
    ``"ad"`` call f on jets that carry rounding bounds (derivative's with
    ``full_output``: the error is a bound) or on plain ones, faster, whose
    error is a rule of thumb (`rounding_error`; hessian's `_second_along`
    takes these).
    """
    if method in ("auto", "ad"):
        result = _taylor_mode(f, x, n, method, step, bounded=bounded_jets, claimed=full_output)
    elif method == "richardson":
        result = _richardson(f, x, n, step)
    elif method == "complex":
        result = _complex_step(f, x, n, step)
    else:
        result = _one_quotient(f, x, n, method, h=step, estimate=full_output)
    return _finite(result, x, n)


def _finite(result: DerivativeResult, x: float, n: int) -> DerivativeResult:
    """``result``, if its value and error are finite numbers."""
    if not (math.isfinite(result.value) and math.isfinite(result.error)):
        # Jets take no step: what overflows is f's derivatives (or their rounding bound).
        advice = (
            "Taylor coefficients inside f (or their rounding bound) overflow here, so try "
            "method='richardson'"
            if result.method == "ad"
            else "the function or the step overflows here, so try a smaller h"
        )
        raise NumericalError(
            f"the derivative of order {n} at x={x!r} came out as {result.value!r} "
            f"(error {result.error!r}); {advice} or a point where f is of moderate size"
        )
    return result


# ------------------------------------------------------------------ Taylor mode


def _taylor_mode(
    f: Callable[[Any], Any],
    x: float,
    n: int,
    method: str,
    step: float | None,
    *,
    bounded: bool,
    claimed: bool,
) -> DerivativeResult:
    """Differentiate by one call of ``f`` on a jet (``method`` "ad" or "auto").

    "auto" falls back to Richardson (with ``step``) where ``f`` refuses jets,
    and where ``f`` branches at a tie (`_across_the_branch`). ``bounded``: on
    jets that carry rounding bounds (the error is then a bound); ``claimed``:
    the caller states the error (derivative's full_output).
    """
    # With bounded jets the error is a bound (slower); plain jets give a rule of thumb.
    seed = rounding_tracked_variable(x, n) if bounded else Jet.variable(x, n)
    # On a line of calcweb.multivariate, the point rounds coordinate by coordinate.
    within = f.reach(x) if isinstance(f, RoundedLine) else reach(x)
    # Plain jets record their cancellation, which bounded jets bound.
    watch = contextlib.nullcontext(None) if bounded else watching_cancellation()
    with watch as cancellation:
        y, branch = on_jets(f, within, seed)
    if isinstance(y, RefusedJets):
        if method == "auto":  # f is not jet-aware: differences, and the call it refused
            return _counting_the_jet_call(_richardson(f, x, n, step))
        raise _ad_refused(f, x, y.error) from y.error
    value = jet_derivative(y, n, "f")
    bound = derivative_error(y, n, value) if bounded else rounding_error(value, n)
    result = DerivativeResult(value, bound, 1, "ad", None)
    flat = branch.what is None and staircase(y, branch, n)
    if branch.what is None and not flat:
        if bounded:
            value_of_f = _value_of_f(y)
        elif cancellation is not None and cancellation.worst > _SUSPECT_MAGNIFICATION:
            result, value_of_f = _bounded_again(f, x, n, within, result)
        else:
            return result  # little cancelled: exact to rounding
        scale = _scale_of_f(x, cancellation, f.unit if isinstance(f, RoundedLine) else 1.0)
        return _with_its_digits(
            f, x, n, method, (result, value_of_f), step=step, claimed=claimed, scale=scale
        )
    if method == "ad" and not claimed:
        return result  # plain "ad" keeps the branch's derivative (torch's convention)
    if method == "ad":
        where = _where(f, x)
        instead = (
            "use method='richardson' (or 'auto', which falls back to it here): it "
            "differentiates f across its branches, and refuses a kink"
        )
        raise branch_refusal(branch, where, instead)
    return _across_the_branch(f, x, n, step, on_the_branch=result, branch=branch)


# Plain jets whose cancellation (a sum's value fed to a quotient's or root's recurrence) may
# magnify rounding more than 2**24 times (about 7 of 16 digits) are run again on jets
# that bound it: only then does the rounding bound cost its time.
_SUSPECT_MAGNIFICATION = 2.0**24

# A jet's answer whose bound exceeds this part of its size (fewer than about 4 digits)
# and 2**10 times what evaluating f gives (`_digits_lost`) has lost its digits in the
# recurrences: "auto" asks Richardson too.
_FEW_DIGITS = 1e-4


class _ValueOfF(NamedTuple):
    """``|f(x)|`` as bounded jets computed it, and a bound on its rounding (at least eps of it)."""

    size: float
    rounding: float

    def spread(self, scale: float, n: int) -> float:
        """What a direct evaluation's rounding shows of an ``n``-th derivative.

        The rounding of ``f(x)`` spread over ``scale`` (x's, ``max(1, |x|)``, or
        `_scale_of_f`): ``n! / scale**n`` times it.
        """
        return _per_order(self.rounding, n, scale)


def _per_order(size: float, n: int, length: float) -> float:
    """``n! size / length**n``: a change ``size`` over ``length`` as an ``n``-th derivative.

    A factor an order: overflows to inf or underflows to 0, never raises.
    """
    for k in range(1, n + 1):
        size *= k / length
    return size


def _scale_of_f(x: float, cancellation: CancellationWatch | None, unit: float = 1.0) -> float:
    """The scale on which f varies near x: ``max(1, |x|)``, or less where f's pieces say so.

    Where f took exp, sin, cos, sinh, cosh, tan, tanh or sigmoid (softplus through
    its sigmoid, erf(u) through its exp(-u**2)) of an argument that moves by 1
    within less than that (``1 / rate``,
    `calcweb.jet.CancellationWatch`), that distance, but at least 1, as at
    ``|x| <= 1``: ``log(cosh(x))`` at 20 varies on 1, not on 20. Only shorter:
    a slower piece (``sin(x / 1000)``) leaves ``max(1, |x|)``. On a line of
    `calcweb.multivariate` (``t`` scaled to the coordinates' size) that
    distance is at least its ``unit``, the ``t`` that moves a coordinate by
    1, rather than 1 (and still no more than ``max(1, |x|)``).
    """
    scale = max(1.0, abs(x))
    if cancellation is not None and cancellation.rate > 0.0:
        scale = min(scale, max(unit, 1.0 / cancellation.rate))
    return scale


def _value_of_f(y: object) -> _ValueOfF:
    """The value of f and its rounding from ``y``, what f returned on bounded jets."""
    own = y.coefficients[0] if isinstance(y, Jet) else y
    size = abs(float(own)) if isinstance(own, Real) else 0.0
    return _ValueOfF(size, max(getattr(own, "bound", 0.0), _EPS * size))


def _bounded_again(
    f: Callable[[Any], Any], x: float, n: int, within: float, plain: DerivativeResult
) -> tuple[DerivativeResult, _ValueOfF]:
    """``plain`` (from plain jets) with the rounding bound of a second call of f on bounded jets.

    Also f's value from that call (`_value_of_f`). The plain value is kept (the bounded
    run's can differ in its last bits: `sum`), with the bound as its error. Where that
    call fails, ``plain`` stands, with an unbounded rounding of f to judge it by.
    """
    y, branch = on_jets(f, within, rounding_tracked_variable(x, n))
    calls = plain.nfev + 1
    if isinstance(y, RefusedJets) or branch.what is not None:
        return replace(plain, nfev=calls), _ValueOfF(0.0, math.inf)
    bound = derivative_error(y, n, jet_derivative(y, n, "f"))
    return replace(plain, error=max(bound, plain.error), nfev=calls), _value_of_f(y)


def _digits_lost(result: DerivativeResult, own: float, part: float) -> bool:
    """Whether a jet's error exceeds ``part`` of its value and 2**10 times f's own rounding."""
    return result.error > part * abs(result.value) and result.error > 1024.0 * own


def _with_its_digits(
    f: Callable[[Any], Any],
    x: float,
    n: int,
    method: str,
    jets: tuple[DerivativeResult, _ValueOfF],
    *,
    step: float | None,
    claimed: bool,
    scale: float,
) -> DerivativeResult:
    """The jets' answer, where the recurrences lost no digits; else Richardson's, or a refusal.

    ``jets``: the answer with its rounding bound, and f's value (`_value_of_f`). A
    quotient's recurrence can magnify rounding far beyond f's own (``sin(x)/x`` at
    1e-8, ``n = 2``: -1.0 +- 22 for -1/3). There "auto" runs Richardson and takes
    its answer where it is better and agrees (as derivative's second walk: within
    twice their errors), unless f's value itself has lost its digits (``(1 -
    cos(x))/x**2`` at 1e-8): differences of such values cannot mend them, and
    Richardson would differentiate the rounding. An answer left with no correct
    digit is refused unless its error is ``claimed`` (full_output), or is within
    2**10 times f's rounding spread over the ``scale`` on which f varies
    (`_scale_of_f`): 0 on that scale (``log(cosh(x))`` at 20, ``n = 3``: 0 +-
    1.6e-14, for -3.4e-17).
    """
    result, value_of_f = jets
    own = value_of_f.spread(max(1.0, abs(x)), n)
    if not _digits_lost(result, own, _FEW_DIGITS):
        return result
    if method == "auto" and value_of_f.rounding <= _FEW_DIGITS * value_of_f.size:
        try:
            other = _richardson(f, x, n, step)
        except (NumericalError, DomainError):
            pass  # the jets' answer stands, its error shows what it is worth
        else:
            better = other.error < result.error and agrees(
                other.value, other.error, result.value, result.error
            )
            result = replace(other if better else result, nfev=result.nfev + other.nfev)
    if not claimed and _digits_lost(result, value_of_f.spread(scale, n), 1.0):
        raise _no_digit_on_jets(f, x, n, result, jets[0])
    return result


def _no_digit_on_jets(
    f: Callable[[Any], Any], x: float, n: int, result: DerivativeResult, jets: DerivativeResult
) -> NumericalError:
    """A plain call's refusal: the jets' answer (and Richardson's, if "auto" ran it): no digit."""
    tried = (
        f", and by differences (Richardson) as {result.value:.6g} +- {result.error:.3g}"
        if result.method == "richardson"
        else ""
    )
    return NumericalError(
        f"the derivative of order {n} {_where(f, x)} came out of Taylor mode (jets) as "
        f"{jets.value:.6g} +- {jets.error:.3g}{tried}, with no correct digit: a quotient or "
        "square root in f (or a product or function taken after one) cancels, and its "
        "recurrence magnifies the rounding once an order (sin(x)/x near 0 divides by x, "
        "sqrt(1 - cos(x)) by its value); with full_output=True the estimate comes with its "
        "error, method='richardson' differentiates f by differences, or write f so that "
        "nothing cancels near the point (its series, or a form without the 0/0)"
    )


def _counting_the_jet_call(fallback: DerivativeResult) -> DerivativeResult:
    """``fallback`` (Richardson's, where "auto" gave up on jets) with the call on jets in nfev."""
    return replace(fallback, nfev=fallback.nfev + 1)


def _where(f: Callable[[Any], Any], x: float) -> str:
    """Where f is differentiated: at x, or at f's own point on a line of calcweb.multivariate."""
    return f"at {shown(f.point_at(x))}" if hasattr(f, "point_at") else f"at x={x!r}"


def _ad_refused(f: Callable[[Any], Any], x: float, error: Exception) -> Exception:
    """method='ad''s error where ``f`` raised ``error`` on the jet at ``x``."""
    if isinstance(error, OUTSIDE_THE_DOMAIN):
        # f fails at x itself: a one-sided formula would call f there too. A
        # restriction of f to a line (calcweb.multivariate) names f's own point.
        line = hasattr(f, "point_at")
        point = getattr(f, "point_at")(x) if line else x  # noqa: B009
        where = f"f(calcweb.Jets at {shown(point)})" if line else f"f(a Jet at {x!r})"
        return outside_domain(error, where, point, fix=INTO_THE_DOMAIN)
    # On a line of calcweb.multivariate the reader's f is the line's.
    own = getattr(f, "f", f) if hasattr(f, "point_at") else f
    return ad_refused("Jet", error, own, lambda: call(f, x))


def _across_the_branch(
    f: Callable[[Any], Any],
    x: float,
    n: int,
    step: float | None,
    *,
    on_the_branch: DerivativeResult,
    branch: BranchWatch,
) -> DerivativeResult:
    """The answer of "auto" where ``f`` on jets branched at or near a tie: Richardson's.

    At a tie (``x == 0``, ``abs`` at 0) the branch taken holds at x alone, or on
    one side: its derivative says nothing of f's, and Richardson, which
    differentiates f across the branches, answers alone (it refuses a kink).
    Near one (within rounding, as a bisection's last comparisons) the branch
    holds on a neighbourhood too small to tell from rounding: Richardson must
    agree with the jets (as derivative's second walk: within twice their
    errors), else neither can be trusted. The same where f returned no jet
    after comparing one (`staircase`): its 0 is f's only if Richardson agrees.
    """
    result = _counting_the_jet_call(_richardson(f, x, n, step))
    if branch.exact:
        return result
    if agrees(result.value, result.error, on_the_branch.value, on_the_branch.error):
        return result
    raise branch_disagreement(
        branch,
        _where(f, x),
        n,
        on_the_branch.value,
        (result.value, result.error),
        near="the point",
        told="its derivative",
        fix="move the point off the junction, or use method='richardson' where f is smooth",
    )


# ------------------------------------------------------------ finite differences


def _quotient(
    f: Callable[[float], float], x: float, n: int, kind: str, step: float
) -> tuple[float, float]:
    """One difference quotient and a bound on its rounding error."""
    offsets = stencil(kind, n)[0]
    with x_itself_first(f, x):
        values = [
            evaluate(f, x + o * step) if o else evaluate(f, x, fix=INTO_THE_DOMAIN) for o in offsets
        ]
    return combine(values, kind, n, step)


def _default_step(x: float, n: int, kind: str) -> float:
    """A step balancing truncation against rounding: eps**(1/(n+p)) with p the order."""
    order = 2 if kind == "central" else 1
    return representable_step(x, _EPS ** (1.0 / (n + order)) * max(1.0, abs(x)))


class _Counted:
    """``f`` with a count of its calls, for an honest ``nfev``, each point computed once.

    One quotient and the Richardson walks that measure its error share points
    (``x`` itself, one-sided), and so do Richardson's two walks (``x`` and every point of the second
    walk's search that the first one took): ``f`` is called once per point.
    ``-0.0`` and ``0.0`` are different points (``1 / t``).
    """

    def __init__(self, f: Callable[[float], float]) -> None:
        self.f = f
        self.calls = 0
        self.known: dict[tuple[float, float], Any] = {}

    def __call__(self, x: float) -> Any:
        key = (x, math.copysign(1.0, x))
        if key not in self.known:
            self.calls += 1
            # A wrong number of arguments is reported as f's; a point where f
            # raises is not kept, so it raises again if asked for again.
            self.known[key] = call(self.f, x)
        return self.known[key]

    def point_at(self, x: float) -> Any:
        """The point of f's own that ``x`` stands for: a line's (calcweb.multivariate), or x."""
        return self.f.point_at(x) if hasattr(self.f, "point_at") else x


def _one_quotient(
    f: Callable[[float], float], x: float, n: int, kind: str, *, h: float | None, estimate: bool
) -> DerivativeResult:
    counted = _Counted(f)
    if n == 0:  # f(x), whose error is Richardson's (a walk measures f's noise)
        if estimate:
            return replace(_richardson(counted, x, 0, None), nfev=counted.calls, method=kind)
        value = evaluate(counted, x, fix=INTO_THE_DOMAIN)
        return DerivativeResult(value, value_rounding(value, 0.0), 1, kind, None)
    step = _default_step(x, n, kind) if h is None else representable_step(x, h)
    # f has no derivative where it has no value, though a central quotient of odd
    # order never uses f(x) (1/(x - 1) at 1 gave 2.7e10): f(x) first, once.
    evaluate(counted, x, fix=INTO_THE_DOMAIN)
    value, rounding = _quotient(counted, x, n, kind, step)
    error = rounding
    if estimate:
        error = _measured(counted, x, n, kind, value)
    return DerivativeResult(value, error, counted.calls, kind, step)


def _measured(f: Callable[[float], float], x: float, n: int, kind: str, value: float) -> float:
    """The error of one quotient ``value``, measured against robust Richardson extrapolation.

    The same quotient at twice the step estimates the truncation only in the
    asymptotic range, where it falls like ``h**p``, and no finite set of
    quotients at multiples of ``h`` shows that range (an ``f`` periodic in
    the step gives equal ones): ``sin(1e6 x)`` at 0 was -37283 +- 321. Robust
    Richardson checks its own range, so ``|value - R| + error(R)`` bounds
    ``|value - f^(n)(x)|`` whenever ``R``'s error does (within 2x of it: the
    triangle inequality), rounding and truncation alike. Where it cannot
    settle, no error is claimed.
    """
    try:
        robust = _richardson(f, x, n, None)
    except (DomainError, NumericalError) as error:
        raise type(error)(
            f"the {kind} difference quotient at x={x!r} is {value!r}, but its error cannot "
            "be estimated: it is measured against robust Richardson extrapolation, which "
            f"could not settle ({error}). Use full_output=False for the quotient alone"
        ) from error
    return abs(value - robust.value) + robust.error


def _first_step(x: float, n: int) -> float:
    """The default first Richardson step, relative to ``max(1, |x|)``.

    The search walks down from it until the quotients behave as their Taylor
    expansion predicts, so it may be large: large steps keep rounding error
    small. Higher orders start larger, as their rounding grows like h**-n.
    """
    return (0.015 if n == 1 else 0.1 * (1.0 + 0.5 * n)) * max(1.0, abs(x))


class RoundedLine:
    """A function of ``t`` whose argument is rounded as ``c + t`` would be at ``|c| = offset``.

    `calcweb.multivariate` restricts f to a line, ``t -> f(x + t d)``, whose
    coordinates ``x_i + t d_i`` are rounded to ulp(``x_i``) even where ``t``
    itself is exact (near ``t = 0``); the Richardson walk bounds that rounding's
    effect on f from ``offset``. A plain callable's argument is ``t`` itself
    (offset 0).
    """

    offset: float = 0.0
    unit: float = 1.0  # the t that moves the point by 1 (in its largest coordinate)

    def reach(self, t: float) -> float:
        """How far ``t`` may move within rounding of the point (`calcweb._taylor_mode.reach`)."""
        return reach(t)


def _richardson(
    f: Callable[[float], float], x: float, n: int, h: float | None, *, second_walk: bool = True
) -> DerivativeResult:
    """Robust Richardson extrapolation (see `calcweb._richardson`).

    ``second_walk=False`` leaves out the second walk, from a step on the scale of ``|x|``.
    """
    return _richardson_and_noise(f, x, n, h, second_walk=second_walk)[0]


def richardson_and_noise(f: Callable[[float], float], x: float) -> tuple[DerivativeResult, float]:
    """``derivative(f, x, method="richardson")``, and the noise of ``f`` its walk measured at ``x``.

    The noise (0 where none showed above ``f``'s rounding) is how far ``f(x)``
    can be from the smooth function ``f`` rounds: `calcweb.taylor`'s error
    of its constant term.
    """
    result, noise = _richardson_and_noise(f, x, 1, None)
    return _finite(result, x, 1), noise


def value_rounding(value: float, noise: float) -> float:
    """How far ``f(x)``, ``value``, can be from the smooth function ``f`` rounds.

    By ``f``'s ``noise`` near ``x`` (``log(1 + exp(t))`` at -30 is 0.1 % off:
    ``1 + exp(t)`` keeps 3 digits of ``exp(t)``), and by its last digit.
    """
    return max(noise, _EPS * abs(value))


def _richardson_and_noise(
    f: Callable[[float], float], x: float, n: int, h: float | None, *, second_walk: bool = True
) -> tuple[DerivativeResult, float]:
    counted = _Counted(f)  # the calls of both walks, even of one that fails
    if n == 0:
        value = evaluate(counted, x, fix=INTO_THE_DOMAIN)
        try:
            noise = _richardson_and_noise(counted, x, 1, None)[1]
        except (DomainError, NumericalError):
            noise = 0.0  # no derivative at x: no walk measures f's noise there
        error = value_rounding(value, noise)
        return DerivativeResult(value, error, counted.calls, "richardson", None), noise
    # A line through a point (calcweb.multivariate) says where its argument is rounded.
    offset = f.offset if isinstance(f, RoundedLine) else 0.0
    several = isinstance(f, RoundedLine)
    found = extrapolate(
        counted,
        x,
        n,
        _first_step(x, n) if h is None else h,
        refine=h is None,
        offset=offset,
        several=several,
    )
    if second_walk and h is None and 0.0 < abs(x) < 1e-2:
        found = _walked_closer(counted, x, n, found, offset=offset, several=several)
    found = trusted(found, x, n)  # an estimate with no correct digit is no answer
    result = DerivativeResult(found.value, found.error, counted.calls, "richardson", found.step)
    return result, found.noise


def _walked_closer(
    counted: _Counted, x: float, n: int, found: Estimate, *, offset: float, several: bool
) -> Estimate:
    """``found`` (a walk from steps scaled to ``max(1, |x|)``) judged by walks on ``|x|``'s scale.

    Steps scaled to max(1, |x|) are too coarse for a function whose scale is
    |x| itself (x**3 at 1e-100): where ``found``'s error is above 1e-8 of its
    value, a walk from a step on that scale, with ``found``'s noise, replaces it
    if better and within its error bars. Such steps can also miss a feature
    narrower than they are, which the first walk's noise test, at spacings far
    below them, may hear as noise (a bump 1e-7 wide at 0 seen from 1e-7: f'
    -7.4e-10, ``found`` 3.9e-21 +- 7.2e-16 with a noise of 1.1e-18, the bump
    itself, which swamps the walk that keeps it). Where ``found`` has such a
    noise, a walk on ``|x|``'s scale with the noise it measures itself, that
    disagrees with ``found`` (by more than twice their errors' sum, `_within`)
    and agrees with the walk that kept ``found``'s noise, widens ``found``'s
    error to their gap (plus its own). Where the walk with ``found``'s noise
    refuses, or the two walks on that scale disagree, the noise only ``found``
    saw is real, and ``found`` stands (the stairs of ``(1 + t)**3 - 1 - 3 t``
    at 1e-8, 2.2e-16 wide: ``found``'s noise, 1.1e-15, is above every value
    of f that walk sees, and it refuses; the other finds -3, the slope
    between stairs). Where ``found`` heard no noise, a closer walk that
    disagrees is no evidence: its steps can sit on one stair of f's rounding
    that no noise test saw (``cos(t) - 1 + t**2`` at 1.8562e-8: 3.7e-8 +-
    2.5e-21 from steps of 2.8e-10, twice f'), so a bump that ``found`` did
    not hear as noise stays unseen (``t**3 + t`` plus a bump 1e-12 high:
    1.00000000000003 +- 1.1e-15 for 0.99999264).
    """
    coarse = found.error > 1e-8 * abs(found.value)
    if not coarse and found.noise == 0.0:
        return found  # fine, and nothing heard below the first walk's steps
    # The stairs of a staircase f seen by the wider steps are still there.
    closer = _closer_walk(counted, x, n, noise=found.noise, offset=offset, several=several)
    if closer is None:
        return found
    # Only an estimate within the first one's error bars refines it: a
    # cancelling f (exp(x) - 1 - x) is noise at the scale of x.
    if coarse and _within(closer, found) and closer.error < found.error:
        return closer
    if found.noise == 0.0:
        return found
    own = _closer_walk(counted, x, n, noise=0.0, offset=offset, several=several)
    if own is not None and not _within(own, found) and _within(own, closer):
        found = replace(found, error=abs(own.value - found.value) + own.error)
    return found


def _within(one: Estimate, other: Estimate) -> bool:
    """Whether two estimates agree: within twice the sum of their errors."""
    return abs(one.value - other.value) <= 2.0 * (one.error + other.error)


def _closer_walk(
    counted: _Counted, x: float, n: int, *, noise: float, offset: float, several: bool
) -> Estimate | None:
    """A Richardson walk from a step on the scale of ``|x|``, or None where it says nothing.

    ``noise``: f's noise already known (0: measured on this walk's own scale).
    """
    seen: set[float] = set()  # the values of f that the walk sees

    def watched(t: float) -> float:
        value: float = counted(t)
        seen.add(value)
        return value

    try:
        closer = extrapolate(
            watched,
            x,
            n,
            _first_step(x, n) * abs(x),
            refine=True,
            noise=noise,
            offset=offset,
            several=several,
        )
    except (DomainError, NumericalError):
        return None
    if len(seen) == 1:
        # f, not constant on the first walk's scale, is on this one: its
        # changes here are below its rounding (sin(t) - t is exactly 0 for
        # |t| < 1.3e-8), so quotients of 0 say nothing about f'.
        return None
    return closer


# ------------------------------------------------------------------ complex step

# The complex step's extra points, chosen so that f's own rounding inside Im f
# (exp(x) sin(h) - h cancels) differs from point to point and shows as scatter:
# steps h, h r, h r**2 whose ratio r = 1/e is no fraction of small integers
# (power-of-two ratios scale f's rounding exactly, 1/3 often does), and the
# points x + 61.8 eps s and x - 38.2 eps s (s = max(1, |x|)), unequal and no
# whole number of units in the last place, so that libm's rounding of exp(x)
# and the like differs there too (those errors are the same at every step).
_STEP_RATIO = 0.36787944117144233  # 1/e
_BESIDE = (61.80339887498948, 38.19660112501052)
# Measured on random functions that cancel (exp(z) - 1 - z, sin(z) - z, log(1 +
# z) - z, ... at 1e-12 <= |x| <= 30) against mpmath: answers off by more than
# twice their error were 9 of 10,695 with 4 times the scatter, 4 with 8 (and 2
# of 10,656 more), 1 of those 21,351 with 16, where no scatter showed at all.
_SCATTER_FACTOR = 16.0
# Central differences whose truncation (twice their difference) exceeds this
# fraction of f' plus 4 times their rounding are coarse for f: they are
# extrapolated (2 calls more, on 186 of the 3,000 draws of `bench.honesty
# complex-analytic`). The check's bound is their own error, with no such margin:
# a part of f that is not analytic and opens a wider gap between the complex step
# and f' on the real line is seen.
_ANALYTIC_TOLERANCE = 1e-8


def _complex_step(f: Callable[[Any], Any], x: float, n: int, h: float | None) -> DerivativeResult:
    if n != 1:
        raise InvalidArgumentError(
            f"method='complex' gives first derivatives only, but n={n}; use "
            "method='ad' or method='richardson' for other orders"
        )
    # The complex step has no subtraction, hence no cancellation: h can be tiny.
    step = 1e-20 * max(1.0, abs(x)) if h is None else h
    value = _complex_quotient(f, x, step)
    # The real-line check below can miss a singularity next to x (sqrt at
    # 1e-300 with h = 1e-20), and its central differences are not taken where f
    # is not real: the complex step at two more steps must show its own h**2
    # truncation.
    ratio = _STEP_RATIO if step > 1e-290 else 1.0 / _STEP_RATIO  # larger where smaller underflow
    steps = (step, step * ratio, step * ratio * ratio)
    values = (value, _complex_quotient(f, x, steps[1]), _complex_quotient(f, x, steps[2]))
    trend = _complex_truncation(x, steps, values, f)
    # f's own rounding inside Im f: the scatter beside x (and across the steps,
    # where they show no h**2 trend), times a measured safety factor.
    scatter = _beside_scatter(f, x, step, value)
    spread = max(values) - min(values)
    if trend == 0.0:
        scatter = max(scatter, spread)
    rounding = _SCATTER_FACTOR * scatter
    calls, truncation, unconfirmed = _check_analytic(f, x, value, step, rounding)
    if truncation is not None and trend > 4.0 * truncation:
        # A trend far beyond the truncation that f''' on the real line allows is
        # rounding that happened to shrink like h**2 (atan(z) - z at 4.1e-4,
        # whose pieces round alike at the points beside x): count the spread.
        rounding = max(rounding, _SCATTER_FACTOR * spread)
        trend = 0.0
    truncation = max(truncation or 0.0, trend)

    # The value is known no more finely than the real line confirms it (for an
    # analytic f it is, but no value of f proves that f is analytic: see
    # `_confirmed`), hence at least that confirmation in place of the truncation.
    # sys.float_info.min / step: Im f(x + ih) loses digits where it is subnormal.
    def error(confirmation: float) -> float:
        estimate = 4.0 * _EPS * abs(value) + max(2.0 * truncation, confirmation) + rounding
        return estimate + sys.float_info.min / step

    confirmation = 0.0
    if unconfirmed is not None:
        before = unconfirmed.counted.calls
        if unconfirmed.pair is None:  # f is undefined or not real at a point of the pair
            confirmation = _confirmed_where_real(unconfirmed, x, value, error(0.0))
        else:
            confirmation = _confirmed(unconfirmed.real, x, value, unconfirmed.pair, error)
        calls += unconfirmed.counted.calls - before  # Richardson's, where it was asked
    return DerivativeResult(value, error(confirmation), 5 + calls, "complex", step)


def _beside_scatter(f: Callable[[Any], Any], x: float, step: float, value: float) -> float:
    """How far ``value`` lies off the line through the complex step at two points beside ``x``.

    f's rounding of the pieces that depend on x alone (``exp(x)`` in ``exp(z) -
    1 - z``) is the same at every step h; a few dozen eps away it is not. The
    line removes the change of ``f'`` itself; its curvature is left in: a smooth
    ``f'`` lies about ``above * below |f'''| / 2`` (1180 eps**2 max(1, x**2) |f'''|) off it.
    """
    above, below = (d * _EPS * max(1.0, abs(x)) for d in _BESIDE)
    up = _complex_quotient(f, x + above, step)
    down = _complex_quotient(f, x - below, step)
    return abs((value - down) - (up - down) * below / (above + below))


def _complex_quotient(f: Callable[[Any], Any], x: float, step: float) -> float:
    """``Im f(x + i step) / step``, or the calcweb error that says why it is no derivative."""
    try:
        y = f(complex(x, step))
    except OverflowError as error:
        raise NumericalError(
            f"f({complex(x, step)!r}) overflowed ({error}); use a point where f is "
            f"of moderate size{_or_richardson(f, x)}"
        ) from error
    except (ValueError, ZeroDivisionError) as error:
        if isinstance(error, CalcwebError):
            raise
        evaluate(f, x, fix=INTO_THE_DOMAIN)  # f fails at x itself: x must move
        kind = DivisionByZeroError if isinstance(error, ZeroDivisionError) else DomainError
        raise kind(
            f"f({complex(x, step)!r}) raised {type(error).__name__}: {error}, though "
            f"f({x!r}) did not: the complex step evaluates f at complex points, which f "
            "does not take; use method='auto' or 'richardson'"
        ) from error
    except TypeError as error:
        raise ArgumentTypeError(
            f"method='complex' needs f to accept complex numbers, but f raised "
            f"TypeError: {error}. Write f with functions that accept them (cmath's, or "
            "calcweb's but erf, abs and relu) and without comparisons such as x > 0, or use "
            "method='auto' or 'richardson'"
        ) from error
    if isinstance(y, bool) or not isinstance(y, (Real, complex)):
        raise ArgumentTypeError(
            f"f({complex(x, step)!r}) returned {type(y).__name__} {y!r}; f must return a number"
        )
    if not isinstance(y, complex):
        raise ArgumentTypeError(
            f"f({complex(x, step)!r}) returned the real number {y!r}: f dropped the "
            "imaginary part, so it is not analytic (abs, max, min, comparisons and "
            ".real are not) and the complex step would give 0; use method='richardson'"
        )
    value = y.imag / step
    if not math.isfinite(value):
        raise NumericalError(
            f"the complex step gave {value!r}; f overflows near x={x!r}, use a point where f "
            f"is of moderate size{_or_richardson(f, x)}"
        )
    return value


def _for_richardson(f: Callable[[Any], Any], x: float) -> str | None:
    """What method='richardson' needs changed in ``f`` near ``x``: "", a clause to add, or None.

    Richardson takes real values only, and cmath's functions return complex
    numbers on the real line too (``cmath.sqrt(1e-06)`` is ``(0.001+0j)``):
    for an f written with them (``cmath.sqrt(z) + abs(z)``), "use
    method='richardson'" alone fails, and the clause says what to change.
    None where f has a real value neither at x nor at a point on either side
    (it overflows there, raises a ValueError or is not real): Richardson cannot
    help. Called only on the way to a refusal; f's other exceptions pass
    through.
    """
    offset = 1e-3 * max(1.0, abs(x))
    found = False
    for t in (x, x + offset, x - offset):
        y = _value_or_nothing(f, t)
        if isinstance(y, complex) and y.imag:
            continue  # not real there (cmath.sqrt below 0): outside f's domain, for Richardson
        if isinstance(y, complex):
            return (
                " with f written with math's functions in place of cmath's (math.sqrt for "
                f"cmath.sqrt): f({t!r}) returned the complex number {y!r}, and "
                "method='richardson' needs real values"
            )
        found = found or y is not _NOTHING
    return "" if found else None


def _or_richardson(f: Callable[[Any], Any], x: float) -> str:
    """The words ", or method='richardson'", with what it needs changed in f; "" if no help."""
    change = _for_richardson(f, x)
    return "" if change is None else f", or method='richardson'{change}"


_NOTHING = object()  # f raised where `_value_or_nothing` called it


def _value_or_nothing(f: Callable[[Any], Any], t: float) -> Any:
    """``f(t)``, or `_NOTHING` where f fails there (its exceptions of arithmetic or domain)."""
    try:
        return f(t)
    except (ArithmeticError, ValueError, TypeError):
        return _NOTHING


def _complex_truncation(
    x: float,
    steps: tuple[float, float, float],
    values: tuple[float, float, float],
    f: Callable[[Any], Any] | None = None,
) -> float:
    """The truncation of the complex step at ``steps[0]``, from its ``values`` at ``steps``.

    The steps are ``h``, ``h r`` and ``h r**2``. As ``Im f(x + ih) / h = f'(x) -
    h**2 f'''(x) / 6 + ...``, once ``h`` is small enough the differences of the
    values shrink by ``r**2`` (e**2-fold for r = 1/e), and the truncation of
    the first value is its difference from the second over ``|1 - r**2|``.
    Differences within the rounding of the quotients, or without that pattern
    but below 1e-3 of the value, are rounding: 0 here (the caller counts their
    scatter). Any other pattern means ``h`` is not small compared with the
    distance from ``x`` to a singularity of ``f``, and no estimate is trusted
    (``f``, where given, makes the advice true for it: `_for_richardson`).
    """
    (step, _, _), (value, other, last) = steps, values
    ratio = steps[1] / step
    first, second = value - other, other - last
    rounding = 8.0 * _EPS * max(abs(value), abs(other), abs(last))
    rounding += sys.float_info.min / min(steps)  # a subnormal Im f
    if abs(first) <= rounding and abs(second) <= rounding:
        return 0.0
    # The differences at the wider and at the narrower steps: the h**2 term
    # makes their ratio 1/r**2 (r < 1) or r**2 (r > 1), so shrink is about 1.
    wide, narrow = (first, second) if ratio < 1.0 else (second, first)
    shrink = (wide / narrow if narrow else 0.0) * min(ratio, 1.0 / ratio) ** 2
    if 0.625 <= shrink <= 1.5:
        return abs(first) / abs(1.0 - ratio * ratio) + rounding
    if max(abs(first), abs(second)) <= 1e-3 * abs(value):
        return 0.0  # rounding inside f: scatter, not a trend
    raise NumericalError(
        f"the complex step at x={x!r} does not settle: Im f(x + ih)/h is {value!r}, "
        f"{other!r} and {last!r} at h = {step!r}, {steps[1]!r} and "
        f"{steps[2]!r}, where its h**2 error would shrink "
        f"{max(ratio, 1 / ratio) ** 2:.3g}-fold each time: f has a singularity or a branch "
        "point within about h of x, or rounds that coarsely. Pass a smaller h, or use "
        f"method='richardson'{'' if f is None else _for_richardson(f, x) or ''}"
    )


class _Unconfirmed(NamedTuple):
    """A value to confirm on the real line: f there and the pair (`_confirmed`).

    Where the pair could not be taken, ``pair`` is None and ``failure`` says why
    (`_confirmed_where_real`).
    """

    real: Callable[[float], float]  # f on the real line, its calls counted in `counted`
    counted: _Counted
    pair: _CentralPair | None
    failure: Exception | None = None


def _check_analytic(
    f: Callable[[Any], Any], x: float, value: float, step: float, value_error: float
) -> tuple[int, float | None, _Unconfirmed | None]:
    """Compare the complex step with the real line: the calls, truncation, what to confirm.

    A function that is not analytic can still return a complex number (``z *
    z.conjugate()`` has no imaginary part at all), and then the complex step is
    silently wrong. Two central differences (steps h and h/2) bound the real
    derivative (twice their difference plus four times their rounding, their
    own error with margins and no more); their difference estimates
    ``f'''``, hence the truncation ``step**2 |f'''| / 6`` of the complex
    step. Where the complex step lies outside that bound, widened by its own
    error from f's rounding (``value_error``), the bound may be what is
    wrong (f's values on the real line round to stairs: ``cos(t) - 1`` near
    0), and robust Richardson extrapolation on the real line decides
    (`_check_on_the_real_line`). It
    decides too where the bound cannot tell: where the central differences'
    own truncation exceeds ``_ANALYTIC_TOLERANCE`` of f' plus their rounding
    (h is coarse for f: ``z * z * z.conjugate()`` at 1e-6) and extrapolating
    them with a third one at h/4 cannot be done, or shows that their fourth
    difference is f's curvature, not its rounding (sqrt at 1e-4), and where the
    value is exactly 0 and so is ``Im f(x + h + ih/2)`` (``abs(z) + 0j`` has no
    imaginary part; a kink within h of x looks like noise to the fourth
    difference). A part of ``f`` that is not analytic and opens a gap
    between the complex step and f' on the real line narrower than the bound
    (``z + 1e-12 * z.conjugate()`` at 0.1: 2e-12, their bound there 3e-11)
    is not seen by the pair: where it agrees, the value is
    known no more finely than the real line confirms it, and what the
    caller is to confirm (`_Unconfirmed`: f on the real line and the pair,
    for `_confirmed`, whose Richardson calls the caller counts) is returned
    for a floor of the value's error (None where Richardson already judged
    it: its distance is in the truncation then). Where ``f`` is not defined
    at a point of the pair (an imaginary part there, as ``cmath.sqrt`` below
    0, counts as undefined), there is no quick check (truncation ``None``:
    `_complex_truncation` measures it), and what is returned to confirm has no
    pair: robust Richardson on the real line, one-sided next to where f is
    undefined, confirms the value (`_confirmed_where_real`). A value of
    exactly 0 gets the real line's bound on ``|f'|`` as its truncation.
    """
    counted = _Counted(f)

    def real(t: float) -> float:
        y = counted(t)
        if isinstance(y, complex):
            if y.imag:  # cmath.sqrt(t) for t < 0: off the real line, as math.sqrt
                raise ValueError(f"f is not real there: f({t!r}) = {y!r}")
            return y.real
        return y  # type: ignore[no-any-return]

    h = representable_step(x, _EPS ** (1.0 / 3.0) * max(1.0, abs(x)))  # not the complex step
    try:
        pair = _central_pair(real, x, h)
    except (DomainError, NumericalError, ArgumentTypeError) as failure:
        # The calls made before f failed; the real line still confirms the value.
        return counted.calls, None, _Unconfirmed(real, counted, None, failure)
    coarse, fine, rounding = pair.coarse, pair.fine, pair.rounding
    # coarse - fine = (3/4) h**2 f''' / 6, so f''' / 6 = 4 (coarse - fine) / (3 h**2).
    truncation = step * step * 4.0 * abs(coarse - fine) / (3.0 * h * h)
    # Their truncation, above the tolerance on f' and their rounding, would hide
    # as much of a part of f that is not analytic: h is coarse for f (x**3 at
    # 1e-6). One more quotient, at h/4, and the two pairs extrapolated once
    # leave a truncation like h**4 (none for a cubic); what is left of their
    # difference is that, or f's noise, which the fourth difference misses
    # where f's values round to stairs (sin(t) - t): the check's resolution.
    coarse_for_f = value != 0.0 and (
        2.0 * abs(fine - coarse) > _ANALYTIC_TOLERANCE * abs(fine) + 4.0 * rounding
    )
    if coarse_for_f:
        try:
            quarter = representable_step(x, h / 4.0)
            near = [evaluate(real, x + quarter), evaluate(real, x - quarter)]
        except (DomainError, NumericalError, ArgumentTypeError):
            pass  # Richardson decides
        else:
            finer, _ = combine(near, "central", 1, quarter)
            coarse, fine = (4.0 * fine - coarse) / 3.0, (4.0 * finer - fine) / 3.0
            # The rounding of a quotient grows like 1/h: (4 * 4 + 2) / 3 times that at h.
            rounding *= 6.0
            # But the fourth difference in it may be f's curvature, not its noise
            # (sqrt at 1e-4): at spacing h/4 (known points) curvature shrinks it
            # 16-fold, noise does not. Then the scale of f is about h, and
            # Richardson decides.
            quartered = pair.inner - 4.0 * (near[0] + near[1]) + 6.0 * pair.center
            coarse_for_f = abs(pair.fourth) > max(8.0 * abs(quartered), 64.0 * _EPS * pair.size)
    # The truncation of the finer quotient is about a third of their difference
    # (a fifteenth, extrapolated), its rounding twice the coarser one's (`rounding`):
    # the bound is their own error, with margins, and nothing more (1e-8 of f' more
    # hid the 2e-9 of z + 1e-6 z conj(z) at 1e-3, where this bound is 9e-13).
    # sys.float_info.min / step: Im f(x + ih) underflows for tiny derivatives.
    bound = 2.0 * abs(fine - coarse) + 4.0 * rounding
    bound += 2.0 * truncation + sys.float_info.min / step
    # Where the pair is coarse and cannot be extrapolated, and where the value is
    # exactly 0 and Im f stays 0 at x + h + ih/2 too (abs(z) + 0j drops it; in
    # sin(z) - z at 1e-9 it only cancels, and z * z at 0 has f(ih) real, but not
    # f(h + ih/2)), Richardson on the real line decides.
    drops_imaginary = value == 0.0 and _imaginary_part(f, complex(x + h, h / 2.0)) == 0.0
    disagrees = abs(value - fine) > bound + value_error
    if disagrees or coarse_for_f or drops_imaginary:
        own = value_error + 4.0 * _EPS * abs(value) + 2.0 * truncation + sys.float_info.min / step
        central = None if coarse_for_f else (fine, bound)
        disagreement = _check_on_the_real_line(real, x, value, own, central, f=f)
        truncation += disagreement / 2.0  # the caller doubles truncation: counted once
        unconfirmed = None  # Richardson judged it: its distance is in the truncation
    else:
        unconfirmed = _Unconfirmed(
            real, counted, pair._replace(coarse=coarse, fine=fine, rounding=rounding)
        )
    if value == 0.0:
        # Every digit of Im f cancelled (sin(z) - z where cos x rounds to 1):
        # no scatter shows f's rounding, and only the real line bounds f'.
        truncation = max(truncation, abs(fine) + abs(coarse - fine))
    return counted.calls + (value == 0.0), truncation, unconfirmed


def _confirmed(
    real: Callable[[float], float],
    x: float,
    value: float,
    pair: _CentralPair,
    error: Callable[[float], float],
) -> float:
    """How closely the real line confirms a ``value`` its central ``pair`` agrees with.

    They prove no more than that f' on the real line lies within their
    resolution of the value: the distance from the finer one, plus how far
    that may be from f' (its truncation, about a third of their difference,
    counted as the whole difference, and its rounding, twice the coarse
    one's ``rounding``). Only for an analytic f is the value known more
    finely, and no real values prove that: a part of f that is not analytic
    and opens a gap between the complex step and f' on the real line
    narrower than the pair's bound (``z + 1e-12 * z.conjugate()`` at 0.1,
    2e-12 under a bound of 3e-11, a resolution of 1.7e-11) is not seen, and
    the value is off by as much. Robust Richardson extrapolation on the
    real line (steps from 0.015 max(1, |x|), extrapolated) resolves f' more
    finely: the finer of the two confirmations is returned, the pair's where
    Richardson cannot settle. Richardson's first walk alone is asked first:
    where its bound leaves the value a digit, that bound is kept, and the
    second walk (from steps on the scale of ``|x|``, below ``|x| = 0.01``)
    is asked only where it does not. Richardson's disagreement is never a refusal
    here: where f rounds to stairs on the real line (``cosh(z) - 1 - z*z/2``
    is ``-t**2/2`` there below 1e-8), its f' is not the analytic one.

    ``error(c)`` is the value's error with the confirmation ``c``. Where
    Richardson refuses the real line's estimate by its own rule (no digit,
    and no 0 within rounding either: `calcweb._richardson.trusted`; or no
    settling at all), as ``method="auto"`` would refuse it, and the value,
    confirmed no more finely than by the pair, has no digit either (its
    error above ``|value|``), the value is refused too: nothing shows a
    digit of f' or that it is 0 within rounding (``cosh(z) - 1 - z*z/2`` at
    -5.637305895038801e-6: -2.99e-17 +- 2.2e-10 before; at -5.637e-6 and
    -5.6e-6 Richardson answers).

    Raises:
        NumericalError: If the value has no digit with the pair's resolution
            and Richardson refuses the real line's estimate.
    """
    resolution = abs(value - pair.fine) + abs(pair.coarse - pair.fine) + 2.0 * pair.rounding
    with contextlib.suppress(DomainError, NumericalError, ArgumentTypeError):
        # Richardson's first walk alone: where its bound leaves the value a digit, that
        # bound is honest, and the second walk (kept only where it agrees and has a smaller
        # error) is not needed for it, at the price of a walk (and f's noise measured again)
        # at steps on the scale of |x|: 12 of the 82 calls of bench.honesty complex-step,
        # on average.
        walked = _richardson(real, x, 1, None, second_walk=False)
        confirmation = min(resolution, abs(value - walked.value) + walked.error)
        if error(confirmation) <= abs(value):
            return confirmation
    try:
        settled = _richardson(real, x, 1, None)
    except (DomainError, NumericalError, ArgumentTypeError) as refusal:
        if error(resolution) > abs(value):
            raise NumericalError(
                f"method='complex' gave {value!r} +- {error(resolution):.2g}, which has no "
                f"correct digit: the real line confirms it only to within {resolution:.2g} "
                "(central differences), and robust Richardson extrapolation there refuses "
                f"its own estimate ({refusal}), so nothing shows a digit of f' at x={x!r}, "
                "or that it is 0 (as where f cancels: its values round too coarsely). Write "
                "f without the cancellation, or with calcweb's functions for method='ad'"
            ) from refusal
        return resolution
    return min(resolution, abs(value - settled.value) + settled.error)


def _confirmed_where_real(unconfirmed: _Unconfirmed, x: float, value: float, own: float) -> float:
    """How closely the real line confirms ``value`` where the central pair could not be taken.

    f is undefined or not real at a point of the pair (``cmath.sqrt(z) +
    abs(z)`` at 1e-6: its ``x - h`` is below 0), so nothing has compared the
    complex step with the real line, and a part of f that is not analytic
    goes unseen (there 500.0 +- 1.4e-12 was answered, for f' = 501). Robust
    Richardson extrapolation on the real line, one-sided next to where f is
    undefined, judges the value, with its own error ``own``
    (`_check_on_the_real_line`: within twice Richardson's error plus
    ``own``, the value stands and its distance from Richardson's plus
    Richardson's error is returned; farther off, f is not analytic). Where
    Richardson cannot settle either, the value is confirmed by nothing, and
    refused.

    Raises:
        NumericalError: If Richardson on the real line cannot settle.
        ArgumentTypeError: If it settles away from the value: f is not analytic.
    """
    try:
        return _check_on_the_real_line(
            unconfirmed.real, x, value, own, None, f=unconfirmed.counted.f
        )
    except NumericalError as refusal:
        change = _for_richardson(unconfirmed.counted.f, x)
        change = f",{change}" if change else ""
        raise NumericalError(
            f"method='complex' gave {value!r}, but it could not be confirmed on the real "
            f"line: f is undefined or not real next to x={x!r} ({unconfirmed.failure}), "
            "and robust Richardson extrapolation there, one-sided where f is undefined, "
            f"could not settle ({refusal.__cause__}), so nothing shows that f is analytic "
            "here. Write f with calcweb's functions for method='auto' (Taylor mode), or "
            f"use method='richardson' at a point farther from where f is undefined{change}"
        ) from refusal.__cause__


def _imaginary_part(f: Callable[[Any], Any], z: complex) -> float:
    """``Im f(z)`` (one call of ``f``), or NaN if f cannot give it there."""
    try:
        y = f(z)
    except (ArithmeticError, ValueError, TypeError):  # f's own failures leave it undecided
        return math.nan
    return y.imag if isinstance(y, complex) else math.nan


class _CentralPair(NamedTuple):
    """Two central differences on the real line and what `_check_analytic` reuses of them."""

    coarse: float  # the central difference at step h
    fine: float  # ... at step h / 2 (representable)
    rounding: float  # a bound on the rounding of the coarse one, f's own included
    fourth: float  # the fourth difference of the five values, at spacing h / 2
    inner: float  # f(x + h/2) + f(x - h/2)
    center: float  # f(x)
    size: float  # max |f(x +- h)|


def _central_pair(real: Callable[[float], float], x: float, h: float) -> _CentralPair:
    """Central differences at steps ``h`` and ``h / 2``, their rounding bound, the 4th difference.

    The bound adds f's own rounding on the real line (of exp(t) in exp(t) - 1
    - t), which the rounding of the quotient, taken from |f|, misses: the
    fourth difference of the five values at spacing h/2, whose smooth part
    (h**4 / 16 times the fourth derivative) is below it where h is small
    compared with the scale of f. The sums and values it rests on come back
    too, for the fourth difference at spacing h/4.
    """
    half = representable_step(x, h / 2.0)
    wide = [evaluate(real, x + h), evaluate(real, x - h)]
    narrow = [evaluate(real, x + half), evaluate(real, x - half)]
    center = evaluate(real, x, fix=INTO_THE_DOMAIN)
    coarse, rounding = combine(wide, "central", 1, h)
    fine, _ = combine(narrow, "central", 1, half)
    ends, inner = wide[0] + wide[1], narrow[0] + narrow[1]
    fourth = ends - 4.0 * inner + 6.0 * center
    size = max(abs(wide[0]), abs(wide[1]))
    return _CentralPair(coarse, fine, rounding + abs(fourth) / h, fourth, inner, center, size)


def _check_on_the_real_line(
    real: Callable[[float], float],
    x: float,
    value: float,
    own: float,
    central: tuple[float, float] | None,
    *,
    f: Callable[[Any], Any] | None = None,
) -> float:
    """Judge a complex step ``value`` (its own error ``own``) by robust Richardson.

    Called only where the two central differences of `_check_analytic`
    (``central``: their value and bound; ``None`` where their step is too
    coarse for ``f`` to check anything) cannot confirm it, so the common path
    keeps its calls. Within twice Richardson's error plus its own, the value
    stands, and its distance from Richardson's plus Richardson's error
    (returned) joins its error: where ``f`` is not analytic, the value is off
    by that much.
    Farther off, ``f`` is not analytic (`ArgumentTypeError`), if the real
    line agrees with itself; if it does not (Richardson outside the central
    differences' bound too, or unable to settle), neither answer is known:
    `NumericalError`, not an accusation. ``f`` itself (not ``real``, which takes
    the real part of its complex values), where given, makes the advice true
    for it (`_for_richardson`).
    """

    def change() -> str:  # f is called only on the way to a refusal
        return "" if f is None else _for_richardson(f, x) or ""

    try:
        settled = _richardson(real, x, 1, None)
    except (DomainError, NumericalError, ArgumentTypeError) as error:
        if central is None:
            raise NumericalError(
                f"method='complex' gave {value!r}, but central differences on the real "
                f"line are too coarse for f at x={x!r} to check it, and Richardson "
                f"extrapolation could not settle ({error}): whether f is analytic here "
                f"cannot be told (a kink close to x?); use method='richardson'{change()}, or "
                "write f with calcweb's functions for method='ad'"
            ) from error
        fine, bound = central
        known = f"central differences give about {fine!r} +- {bound:.2g}"
        raise NumericalError(
            f"method='complex' gave {value!r} but {known}, and Richardson extrapolation "
            f"on the real line could not settle ({error}): whether f is analytic near "
            f"x={x!r} cannot be told from the real line; write f without cancellation, "
            "or with calcweb's functions for method='ad'"
        ) from error
    disagreement = abs(value - settled.value)
    if disagreement <= 2.0 * settled.error + own:
        # Where f is not analytic, f' is only known to lie within Richardson's
        # error of its value: the value can be off by both.
        return disagreement + settled.error
    richardson = (
        f"Richardson extrapolation on the real line gives {settled.value!r} +- {settled.error:.2g}"
    )
    if central is None:
        raise ArgumentTypeError(
            f"method='complex' gave {value!r} but {richardson}: f is not analytic near "
            f"x={x!r} (it uses abs, conjugate, .real or a comparison), so the complex "
            f"step does not apply; use method='richardson'{change()}"
        )
    fine, bound = central
    known = f"central differences give about {fine!r} +- {bound:.2g}"
    if abs(settled.value - fine) > bound + 2.0 * settled.error:
        raise NumericalError(
            f"method='complex' gave {value!r}, but {known} and {richardson}, which "
            f"disagree: f is not smooth near x={x!r} or its values round too coarsely, "
            "and whether f is analytic cannot be told from the real line; write f "
            "without cancellation, or with calcweb's functions for method='ad'"
        )
    raise ArgumentTypeError(
        f"method='complex' gave {value!r} but {known}, and {richardson}: f is not analytic "
        f"near x={x!r} (it uses abs, conjugate, .real or a comparison), so the complex "
        f"step does not apply; use method='richardson'{change()}"
    )
