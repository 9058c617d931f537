r"""Taylor polynomials $T_n(x) = \sum_{k=0}^{n} \frac{f^{(k)}(x_0)}{k!}(x - x_0)^k$.

`taylor` computes the coefficients with one evaluation of ``f`` on a
`Jet` (Taylor-mode arithmetic), exact to rounding to any
degree up to 170. A function that does not accept jets (one written with ``math``)
gets finite-difference coefficients instead, by Richardson extrapolation,
only up to degree `MAX_NUMERICAL_DEGREE`: higher derivatives from
differences lose too many digits to be worth printing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from numbers import Real
from typing import Any

from calcweb import _real
from calcweb._checks import (
    OUTSIDE_THE_DOMAIN,
    RefusedJets,
    call,
    check_callable,
    check_order,
    check_point,
    check_real,
    check_vector,
    checking_arguments,
    checking_arguments_hinting,
    evaluate,
    outside_domain,
)
from calcweb._derivative import (
    DerivativeResult,
    derivative,
    richardson_and_noise,
    value_rounding,
)
from calcweb._taylor_mode import (
    agrees,
    branch_disagreement,
    branch_refusal,
    derivative_error,
    jet_derivative,
    jets_fix,
    mismatch,
    on_jets,
    reach,
    rounding_error,
    staircase,
    unwrapped,
)
from calcweb.exceptions import ArgumentTypeError, DomainError, InvalidArgumentError, NumericalError
from calcweb.jet import MAX_DEGREE, BranchWatch, Jet, rounding_tracked_variable
from calcweb.plot.figure import Figure
from calcweb.plot.results import plot_taylor

__all__ = ["TaylorPolynomial", "taylor"]

MAX_NUMERICAL_DEGREE = 4
"""The highest degree `taylor` computes by finite differences."""


class TaylorPolynomial:
    r"""The Taylor polynomial of degree ``n`` of ``f`` around ``x0``.

    Attributes:
        center: The point $x_0$ of the expansion.
        degree: The degree $n$.
        coefficients: $c_k = f^{(k)}(x_0)/k!$ for k = 0..n.
        derivatives: $f^{(k)}(x_0)$ for k = 0..n.
        function: The function that was expanded.
        method: ``"ad"`` (exact to rounding) or ``"richardson"`` (finite differences).
        errors: An estimate of the error of each derivative; for ``"ad"``, a bound
            on its rounding error (cancellation inside ``f`` included), worked
            out when first read: that calls ``f`` once more, on jets that carry
            bounds (several times slower than the plain jets of the derivatives).
            For ``"richardson"``, that of ``f(x0)`` is the noise of ``f`` that
            the walk for ``f'(x0)`` measured near ``x0`` (how far ``f`` is from
            the smooth function it rounds), and at least ``eps |f(x0)|``.

    Examples:
        >>> from calcweb import exp, taylor
        >>> p = taylor(exp, 0.0, 3)
        >>> p.coefficients
        (1.0, 1.0, 0.5, 0.16666666666666666)
        >>> round(p(0.1), 10)
        1.1051666667
        >>> p
        TaylorPolynomial(center=0.0, degree=3, coefficients=(1.0, 1.0, 0.5, 0.1666...), method='ad')
    """

    def __init__(
        self,
        function: Callable[[Any], Any],
        center: float,
        derivatives: Sequence[float],
        errors: Sequence[float],
        method: str,
    ) -> None:
        # taylor() passes checked floats; a polynomial built by hand is checked the same way.
        self.function = check_callable(function, "function")
        self.center = check_real(center, "center")
        values = check_vector(derivatives, "derivatives")
        if len(values) > MAX_DEGREE + 1:
            raise InvalidArgumentError(
                f"a TaylorPolynomial has degree at most {MAX_DEGREE}, but got "
                f"{len(values)} derivatives; pass fewer"
            )
        estimates = check_vector(errors, "errors")
        if len(estimates) != len(values) or any(e < 0.0 for e in estimates):
            raise InvalidArgumentError(
                f"errors must hold one estimate >= 0 per derivative ({len(values)}), but got "
                f"{estimates!r}"
            )
        if not isinstance(method, str):
            raise ArgumentTypeError(f"method must be a str such as 'ad', but got {method!r}")
        self.degree = len(values) - 1
        self.derivatives = tuple(values)
        self.coefficients = tuple(_over_factorial(d, k) for k, d in enumerate(values))
        # taylor() replaces this by a function computing them on first use.
        self._errors: tuple[float, ...] | Callable[[], tuple[float, ...]] = tuple(estimates)
        self.method = method

    @property
    def errors(self) -> tuple[float, ...]:
        """An estimate of the error of each derivative (see the class's attributes)."""
        if callable(self._errors):
            # Bounding the rounding runs f once more on bound-carrying jets, several
            # times slower than plain ones: only when somebody reads the errors.
            self._errors = self._errors()
        return self._errors

    def __call__(self, x: float) -> float:
        """Evaluate the polynomial at ``x`` by Horner's rule.

        Examples:
            >>> from calcweb import sin, taylor
            >>> round(taylor(sin, 0.0, 5)(0.5), 12)  # 0.5 - 0.5**3/6 + 0.5**5/120
            0.479427083333
        """
        t = check_real(x, "x") - self.center
        result = 0.0
        for c in reversed(self.coefficients):
            result = result * t + c
        return _real.finite("the Taylor polynomial", x, lambda: result)

    @checking_arguments
    def remainder_bound(self, x: float, M: float) -> float:  # noqa: N803  # M as in the textbook
        r"""The Lagrange bound $\frac{M}{(n+1)!}|x - x_0|^{n+1}$ on $|f(x) - T_n(x)|$.

        Args:
            x: The point.
            M: A bound on $|f^{(n+1)}|$ between $x_0$ and ``x``, >= 0.

        Returns:
            The bound (0.0 if it underflows).

        Raises:
            InvalidArgumentError: If ``M`` is negative or not finite, or ``x``
                is not finite.
            NumericalError: If the bound is beyond the float range (``M =
                1e300``, ``|x - x0| = 1e10``, ``n = 99``).

        Examples:
            >>> from calcweb import exp, taylor
            >>> taylor(exp, 0.0, 3).remainder_bound(0.1, M=exp(0.1)) < 5e-6
            True
        """
        distance = abs(check_real(x, "x") - self.center)
        bound = check_real(M, "M")
        if bound < 0.0:
            raise InvalidArgumentError(
                f"M must be >= 0 (a bound on |f^(n+1)|), but got {bound!r}; pass its absolute value"
            )
        result = _product_in_range(bound, [distance / k for k in range(1, self.degree + 2)])
        return _real.finite("remainder_bound", (x, M), lambda: result)

    def _repr_latex_(self) -> str:
        r"""The polynomial in LaTeX, numbers to 6 significant digits.

        Very large or small numbers are written $m \cdot 10^{k}$, not ``1e-05``.

        Examples:
            >>> from calcweb import taylor
            >>> taylor(lambda x: 1 + 2e-5 * x**3, 0.0, 3)._repr_latex_()
            '$T_{3}(x) = 1 + 2 \\cdot 10^{-5} x^{3}$'
        """
        center = _as_float(self.center)
        t = "x" if center == 0.0 else f"(x - {_latex_number(center)})"
        if center < 0.0:
            t = f"(x + {_latex_number(-center)})"
        terms = []
        for k, c in enumerate(map(_as_float, self.coefficients)):
            if c == 0.0 and self.degree > 0:
                continue
            power = "" if k == 0 else t if k == 1 else f"{t}^{{{k}}}"
            magnitude = _latex_number(abs(c))
            if power and magnitude == "1":
                magnitude = ""
            sign = "-" if c < 0.0 else "+"
            terms.append((sign, f"{magnitude} {power}".strip()))
        if not terms:
            return "$0$"
        body = ("-" if terms[0][0] == "-" else "") + terms[0][1]
        body += "".join(f" {sign} {term}" for sign, term in terms[1:])
        return f"$T_{{{self.degree}}}(x) = {body}$"

    @checking_arguments
    def plot(
        self,
        *,
        xlim: tuple[float, float] | None = None,
        degrees: Sequence[int] | None = None,
        title: str | None = None,
    ) -> Figure:
        """Plot the polynomial against its function (see `calcweb.plot.plot_taylor`).

        Args:
            xlim: ``(lo, hi)`` of x; by default the centre +- 3 (or +- 3|x0|).
            degrees: The degrees to draw; by default up to four, up to ``degree``.
            title: Title; by default says which function and centre.

        Returns:
            A `calcweb.Figure`.
        """
        return plot_taylor(self, xlim=xlim, degrees=degrees, title=title)

    def _repr_svg_(self) -> str:
        """The figure of `plot` with its defaults, for Jupyter and the live cells."""
        return str(self.plot()._repr_svg_())

    def __repr__(self) -> str:
        # Finite-difference coefficients are approximate: show how much.
        errors = "" if self.method == "ad" else f", errors={self.errors!r}"
        return (
            f"TaylorPolynomial(center={self.center!r}, degree={self.degree}, "
            f"coefficients={self.coefficients!r}, method={self.method!r}{errors})"
        )


# sympy's and numpy's names for taylor's degree.
_DEGREE = dict.fromkeys(("order", "degree", "deg"), "calcweb's name for it is n, the degree")


def _product_in_range(start: float, factors: list[float]) -> float:
    """``start`` times the decreasing ``factors`` (>= 0), not overflowing before a finite end.

    A product of 1 or more takes the smallest factor left (it falls, or, if
    every factor left is 1 or more, rises to the end), one below 1 the largest
    (it stays below that factor): no step overflows unless the end does. In
    order, M d**k / k! rose to M d**d / d! before it fell (M = 1e300, d = 30,
    degree 99: inf on the way to 5.5e289).
    """
    product = start
    low, high = 0, len(factors) - 1
    while low <= high:
        if product >= 1.0:
            product *= factors[high]
            high -= 1
        else:
            product *= factors[low]
            low += 1
    return product


def _as_float(value: object) -> float:
    """``value`` as a float for display: NaN if it is not a real number, inf if too large."""
    if isinstance(value, Real):
        try:
            return float(value)
        except OverflowError:  # an int beyond the float range
            return math.inf if value > 0 else -math.inf  # type: ignore[operator]  # Real compares
    return math.nan


def _latex_number(value: float) -> str:
    r"""``value`` to 6 significant digits in LaTeX: ``m \cdot 10^{k}`` instead of ``me-k``.

    Examples:
        >>> _latex_number(0.5), _latex_number(1e-05), _latex_number(-2.5e20)
        ('0.5', '1 \\cdot 10^{-5}', '-2.5 \\cdot 10^{20}')
    """
    if not math.isfinite(value):
        return {math.inf: r"\infty", -math.inf: r"-\infty"}.get(value, r"\mathrm{NaN}")
    shown = f"{value:.6g}"
    if "e" not in shown:
        return shown
    mantissa, exponent = shown.split("e")
    return f"{mantissa} \\cdot 10^{{{int(exponent)}}}"


def _over_factorial(d: float, k: int) -> float:
    """``d / k!``, also beyond ``k = 170`` where ``k!`` no longer fits a float."""
    if k <= 170:
        return d / math.factorial(k)
    for i in range(1, k + 1):
        d /= i
    return d


@checking_arguments_hinting(_DEGREE)
def taylor(f: Callable[[Any], Any], x0: float, n: int) -> TaylorPolynomial:
    r"""The Taylor polynomial of degree ``n`` of ``f`` around ``x0``.

    Args:
        f: A function of one number. Written with calcweb's functions it is
            expanded exactly to rounding, to any degree up to 170; otherwise
            finite differences give degree <= 4, with the estimated errors in
            ``errors``. So do they
            where ``f`` decides a branch at a tie on the jet, or within
            rounding of one (``1.0 if x == 0 else sin(x)/x`` at 0, ``abs`` at
            0: the jet's derivatives are the branch's, as for
            `calcweb.derivative`'s ``"auto"``).
        x0: The center of the expansion.
        n: The degree, 0 to 170.

    Returns:
        A `TaylorPolynomial`.

    Raises:
        InvalidArgumentError: For a bad ``n`` or a non-finite ``x0``.
        ArgumentTypeError: If ``f`` does not accept jets and ``n > 4``.
        DomainError: If ``f`` is undefined at ``x0``, or not differentiable
            there as its jets show (``calcweb.sqrt`` at 0), or its one-sided
            difference quotients disagree with the central ones (a kink:
            ``math.fabs``, or calcweb's ``abs`` and ``relu``, at 0; or ``f``
            varying on a scale finer than the steps).
        NumericalError: If a coefficient overflows, or ``f`` does not
            accept jets (or branches at a tie on them) and the finite
            differences never settle into an estimate they trust
            (``math.sqrt`` at 0), or ``f`` branches at or near a tie on the
            jet and ``n > 4``, or near one where the differences disagree
            with the jet.

    Examples:
        >>> from fractions import Fraction
        >>> from calcweb import tan, taylor
        >>> p = taylor(tan, 0.0, 7)
        >>> Fraction(p.coefficients[7]).limit_denominator(1000)
        Fraction(17, 315)
        >>> import math
        >>> p = taylor(math.cos, 0.0, 2)  # math.cos refuses jets: finite differences
        >>> p.method, max(p.errors) < 1e-9
        ('richardson', True)
    """
    check_callable(f)
    center = check_point(x0, "x0")
    degree = check_order(n)
    y, branch = on_jets(f, reach(center), Jet.variable(center, degree))
    if isinstance(y, RefusedJets):
        error = y.error
        if degree <= MAX_NUMERICAL_DEGREE:
            return _numerical(f, center, degree)  # as derivative's "auto": finite differences
        if isinstance(error, OUTSIDE_THE_DOMAIN):
            fix = "move x0 into the domain of f"  # f fails at x0 itself
            raise outside_domain(error, f"f(a Jet at {center!r})", center, fix=fix) from error
        refusal, value = mismatch(lambda: call(f, center))
        if refusal is not None:
            raise refusal from error  # x0 does not fit f: the Jet is not what is wrong
        raised = unwrapped(error)
        raise ArgumentTypeError(
            f"f does not accept a calcweb.Jet ({raised}), so its Taylor "
            f"coefficients can only come from finite differences, which are "
            f"too inaccurate beyond degree {MAX_NUMERICAL_DEGREE}; "
            f"{jets_fix('Jet', f, raised, value)}, or ask for a lower degree"
        ) from error
    derivatives = _derivatives(y, degree)
    if branch.what is not None or staircase(y, branch, degree):
        return _across_the_branch(f, center, derivatives, branch)
    polynomial = TaylorPolynomial(f, center, derivatives, [0.0] * (degree + 1), "ad")
    polynomial._errors = lambda: _rounding_bounds(f, center, degree)
    return polynomial


def _across_the_branch(
    f: Callable[[Any], Any], center: float, on_the_branch: tuple[float, ...], branch: BranchWatch
) -> TaylorPolynomial:
    """The polynomial where ``f`` on jets branched at or near a tie: by finite differences.

    As derivative's "auto" (`calcweb._derivative._across_the_branch`): the
    branch's derivatives are known to be f's only if it holds around
    ``x0``, so the coefficients come from differences across the branches;
    near a tie (within rounding), or where f returned no jet after comparing
    one (`staircase`), those must agree with the jets'. Beyond
    `MAX_NUMERICAL_DEGREE` differences are too inaccurate: refused.
    """
    degree = len(on_the_branch) - 1
    if degree > MAX_NUMERICAL_DEGREE:
        instead = (
            f"ask for a degree of at most {MAX_NUMERICAL_DEGREE}, whose coefficients finite "
            "differences give across the branches (and refuse at a kink)"
        )
        raise branch_refusal(branch, f"at x0={center!r}", instead)
    across = _numerical(f, center, degree)
    if branch.exact:
        return across
    for k, (ours, theirs) in enumerate(zip(on_the_branch, across.derivatives, strict=True)):
        if not agrees(ours, rounding_error(ours, k), theirs, across.errors[k]):
            raise branch_disagreement(
                branch,
                f"at x0={center!r}",
                k,
                ours,
                (theirs, across.errors[k]),
                near="x0",
                told="its Taylor coefficients",
                fix="move x0 off the junction",
            )
    return across


def _derivatives(y: object, degree: int) -> tuple[float, ...]:
    """f^(k)(x0) for k = 0..degree from what f returned on a jet of that degree."""
    if isinstance(y, Jet):
        if y.degree < degree:
            raise ArgumentTypeError(
                f"f returned a jet of degree {y.degree}, not {degree}: it combined its "
                "argument with a calcweb.Jet of lower degree; build f from its argument "
                "and numbers only"
            )
        return y.derivatives()
    # A constant function, or a non-number that jet_derivative refuses.
    return tuple(jet_derivative(y, k, "f") for k in range(degree + 1))


def _rounding_bounds(f: Callable[[Any], Any], center: float, degree: int) -> tuple[float, ...]:
    """Bounds on the rounding of each derivative: f once more, on bound-carrying jets."""
    y = f(rounding_tracked_variable(center, degree))
    derivatives = _derivatives(y, degree)
    return tuple(float(derivative_error(y, k, d)) for k, d in enumerate(derivatives))


def _numerical(f: Callable[[Any], Any], center: float, degree: int) -> TaylorPolynomial:
    # f(x0) first, as derivative(f, x0, 0) would take it: where f fails there, x0 must move.
    value = evaluate(f, center, fix="move x0 into the domain of f")
    # f(x0) is off the smooth function f rounds by its noise, which the walk for
    # f'(x0) measures (`value_rounding`).
    try:
        first, noise = richardson_and_noise(f, center)
    except (DomainError, NumericalError):
        if degree:
            raise
        first, noise = None, 0.0  # no derivative at x0 is no matter for degree 0
    results: list[DerivativeResult] = [first] if degree and first else []
    results += [
        derivative(f, center, k, method="richardson", full_output=True)
        for k in range(2, degree + 1)
    ]
    return TaylorPolynomial(
        f,
        center,
        (value, *(r.value for r in results)),
        (value_rounding(value, noise), *(r.error for r in results)),
        "richardson",
    )
