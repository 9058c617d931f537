"""The Hessian with its errors on the page "Partial derivatives and gradients" (docs/gradients.md).

The cell prints ``hessian(far_out, full_output=True)`` at (1e10, -5) for
f = x**2 + exp(y): each entry with its error, rounded to one digit. Each
printed entry must be within twice its printed error of the exact Hessian
[[2, 0], [0, exp(-5)]] (closed form, mpmath), be the plain call's entry, and
the prose's claims (about 1e20, only H00 with digits) must hold.
"""

from __future__ import annotations

import math
import re

import mpmath

import calcweb

from .pages import DOCS, runs_by_id

PAGE = DOCS / "gradients.md"
EXACT = [[mpmath.mpf(2), mpmath.mpf(0)], [mpmath.mpf(0), mpmath.exp(-5)]]


def far_out(p: list[float]) -> float:
    x, y = p
    return x**2 + math.exp(y)


def test_the_printed_hessian_and_errors_are_true() -> None:
    lines = runs_by_id(PAGE)["hessian-errors"].stdout.splitlines()
    assert len(lines) == 3
    plain = calcweb.hessian(far_out)([1e10, -5.0])
    digits = []
    for i, line in enumerate(lines[:2]):
        values, errors = (
            [float(n) for n in part.strip(" []").split(", ")] for part in line.split("+-")
        )
        assert values == plain[i]
        for j in range(2):
            assert abs(mpmath.mpf(values[j]) - EXACT[i][j]) <= 2 * errors[j]
            digits.append(errors[j] < abs(values[j]))
    assert digits == [True, False, False, False]  # only H00 has digits to trust
    exact = [float(n) for n in re.findall(r"[-\d.e]+", lines[2].split(":")[1])]
    assert exact == [2.0, 0.0, 0.0, float(mpmath.exp(-5))]
    assert 1e20 <= far_out([1e10, -5.0]) < 1.1e20


def test_the_prose_says_which_functions_are_exact() -> None:
    text = " ".join(PAGE.read_text(encoding="utf-8").split())
    assert "an `ArrayResult`" in text
    assert "Only \\(H_{00}\\) has digits to trust." in text
