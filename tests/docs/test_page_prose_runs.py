"""Figures that the prose of the Integrals and Numerical derivatives pages quotes from runs.

No cell prints them, so nothing else re-derived them: each is read here from
the run it comes from (calcweb's own answer, its message or a count of calls)
and looked for in the page, as the page writes it. The complex step's
``cosh(z) - 1 - z*z/2`` at -5.637e-6 stood at +- 2.4e-11 on the page while
calcweb answered +- 2.0e-13.
"""

from __future__ import annotations

import cmath
import math
import re
import sys

import mpmath
import pytest

import calcweb

from .pages import DOCS


def text(name: str) -> str:
    """The page's Markdown with its line breaks and indents turned into single spaces."""
    return " ".join((DOCS / name).read_text(encoding="utf-8").split())


def latex(number: float, digits: int = 2) -> str:
    r"""``number`` as the page writes it in prose: ``2.0 \cdot 10^{-13}`` (two digits)."""
    mantissa, exponent = f"{number:.{digits - 1}e}".split("e")
    return f"{mantissa} \\cdot 10^{{{int(exponent)}}}"


def bertrand(t: float) -> float:
    return 1.0 / (t * math.log(t) ** 1.1)


def test_the_bertrand_integral() -> None:
    page = text("integrals.md")
    exact = mpmath.log(2) ** -0.1 / 0.1  # the integral of 1/(x log(x)**1.1) on [2, inf)
    beyond_floats = mpmath.log(mpmath.mpf(sys.float_info.max)) ** -0.1 / 0.1
    assert "about half of the integral lies beyond the largest float" in page
    assert float(beyond_floats / exact) == pytest.approx(0.5, abs=0.01)  # "about half"
    coarse = calcweb.integrate(bertrand, 2.0, math.inf, tol=1e-2, full_output=True)
    assert coarse.converged
    (tail,) = re.findall(
        r"counting the part closer to x=inf than f was sampled, (\S+) \+-", coarse.message
    )
    # What the panels before the end panel hold is the rest of the value: so the true
    # part beyond the end panel's start, and that start, follow.
    true_tail = float(exact) - (coarse.value - float(tail))
    start = math.exp((true_tail / 10.0) ** -10.0)  # where 10 log(x)**-0.1 is true_tail
    assert (
        f"the end panel starts at \\(x \\approx {start / 1e12:.1f} \\times 10^{{12}}\\), and the "
        f"part beyond that is {true_tail:.2f} of the {float(exact):.3f}, estimated as "
        f"{float(tail):.2f})" in page
    )
    assert (
        f"{coarse.value:.3f} \\(\\pm\\) {coarse.error:.3f} for {float(exact):.3f}, after "
        f"{coarse.nfev:,} evaluations" in page
    )
    fine = calcweb.integrate(bertrand, 2.0, math.inf, tol=1e-6, full_output=True)
    assert not fine.converged
    error = f"{fine.error:.1e}".replace("e-0", "e-")  # 1.2e-4, as the page writes it
    assert f"{fine.value:.5f} \\(\\pm\\) {error}, with `converged=False`" in page


def stairs(z: complex) -> complex:
    return cmath.cosh(z) - 1 - z * z / 2


def test_the_complex_step_s_refusal_and_its_neighbour() -> None:
    page = text("numerical-derivatives.md")
    with pytest.raises(calcweb.NumericalError, match="which has no correct digit") as refused:
        calcweb.derivative(stairs, -5.637305895038801e-06, method="complex")
    ((value, error),) = re.findall(r"gave (\S+) \+- (\S+), which", str(refused.value))
    assert f"was \\({latex(float(value))} \\pm {latex(float(error))}\\)" in page
    answered = calcweb.derivative(stairs, -5.637e-6, method="complex", full_output=True)
    assert answered.value == pytest.approx(-(5.637e-6**3) / 6, rel=1e-4)  # f' = sinh x - x
    assert (
        "at \\(-5.637 \\cdot 10^{-6}\\) Richardson settles, and the value stands, "
        f"\\(\\pm {latex(answered.error)}\\))" in page
    )


def test_the_complex_step_s_confirmations() -> None:
    page = text("numerical-derivatives.md")

    def f_complex(t: complex) -> complex:  # the all-methods table's f
        return cmath.exp(cmath.sin(t)) / (1 + t**2)

    table = calcweb.derivative(f_complex, 0.5, method="complex", full_output=True)
    assert f"\\({latex(table.error)}\\) reported" in page
    cancelling = calcweb.derivative(
        lambda z: cmath.exp(z) - 1 - z, 1e-8, method="complex", full_output=True
    )
    assert f"where \\(f\\) cancels (\\({latex(cancelling.error, 1)}\\) for" in page
    log = calcweb.derivative(cmath.log, 1e-7, method="complex", full_output=True)
    assert f"`cmath.log` at \\(10^{{-7}}\\): {log.nfev} calls" in page
    assert f"an error of \\({latex(log.error, 1)}\\), not" in page
