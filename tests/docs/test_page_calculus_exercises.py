"""The exercises of the calculus pages: each check accepts the right answer and no wrong one.

limits, derivatives, numerical-derivatives, gradients, taylor and integrals
end with two exercises each. Every exercise cell is run, in its page's
namespace, with its placeholder replaced by the right answer (the check must
pass) and by the wrong answers a reader is likely to give (it must not). The
right answers come from closed forms worked out here, not from the page.
"""

from __future__ import annotations

import math

import mpmath
import pytest

from calcweb._cell import run_cell
from calcweb.exercises import CheckResult

from .pages import DOCS, cells

# page, cell id, the placeholder line, the right replacement, wrong replacements.
EXERCISES = [
    # lim (e^x - 1)/x = exp'(0) = 1; wrong: 0/0 read as 0, or the quotient at x = 1.
    (
        "limits.md",
        "exercise-limit-exp",
        "answer = None",
        "answer = 1",
        ["answer = 0", "answer = math.e - 1"],
    ),
    # (x^2 - 4)/(x - 2) = x + 2 -> 4; wrong: the numerator's value at 2, or x - 2.
    (
        "limits.md",
        "exercise-limit-quotient",
        "answer = None",
        "answer = 4",
        ["answer = 0", "answer = 2"],
    ),
    # (x^3 sin x)' = 3x^2 sin x + x^3 cos x; wrong: the product of the derivatives, or one term.
    (
        "derivatives.md",
        "exercise-product-rule",
        "    return 0.0  # your formula here",
        "    return 3 * x**2 * math.sin(x) + x**3 * math.cos(x)",
        ["    return 3 * x**2 * math.cos(x)", "    return x**3 * math.cos(x)"],
    ),
    # softplus'(0) = sigma(0) = 1/2; wrong: softplus(0) = log 2, or e^0.
    (
        "derivatives.md",
        "exercise-softplus-slope",
        "answer = None",
        "answer = 0.5",
        ["answer = math.log(2)", "answer = 1.0"],
    ),
    # Forward difference of exp at 1: below 1e-7 near sqrt(eps); not at the cell's 1e-3, nor 1e-12.
    (
        "numerical-derivatives.md",
        "exercise-forward-step",
        "h = 1e-3  # try other steps",
        "h = 1.5e-8",
        ["h = 1e-3", "h = 1e-12"],
    ),
    # Richardson by hand; wrong: the exact 1/2, D(h) or D(h/2) alone.
    (
        "numerical-derivatives.md",
        "exercise-richardson",
        "answer = None",
        (
            "D = lambda h: (math.log(2 + h) - math.log(2 - h)) / (2 * h)\n"
            "answer = (4 * D(0.05) - D(0.1)) / 3"
        ),
        [
            "answer = 0.5",
            "answer = (math.log(2.1) - math.log(1.9)) / 0.2",
            "answer = (math.log(2.05) - math.log(1.95)) / 0.1",
        ],
    ),
    # grad e^x y^2 at (0, 3) = (y^2 e^x, 2y e^x) = (9, 6); wrong: swapped, or y for 2y.
    (
        "gradients.md",
        "exercise-gradient",
        "answer = [None, None]",
        "answer = [9.0, 6.0]",
        ["answer = [6.0, 9.0]", "answer = [9.0, 3.0]"],
    ),
    # -grad / |grad| of x^2 + 3y^2 at (1, 1) = -(2, 6)/sqrt(40); wrong: uphill, or not unit.
    (
        "gradients.md",
        "exercise-steepest-descent",
        "answer = [None, None]",
        "answer = [-1 / math.sqrt(10), -3 / math.sqrt(10)]",
        ["answer = [1 / math.sqrt(10), 3 / math.sqrt(10)]", "answer = [-2.0, -6.0]"],
    ),
    # tan x = x + x^3/3 + ...; wrong: tan'''(0) = 2 without the 1/3!, or 1/6 (sin's, sign aside).
    (
        "taylor.md",
        "exercise-tan-coefficient",
        "answer = None",
        "answer = 1 / 3",
        ["answer = 2.0", "answer = 1 / 6"],
    ),
    # e / (n+1)! < 1e-10 first at n = 13 (14! = 8.7e10 > e 1e10 > 13! = 6.2e9).
    (
        "taylor.md",
        "exercise-lagrange-degree",
        "answer = None",
        "answer = 13",
        ["answer = 12", "answer = 14"],
    ),
    # [x^3 + x] from 0 to 2 = 10; wrong: the x^3 alone, or 3x^2 + 1 at 2.
    (
        "integrals.md",
        "exercise-fundamental-theorem",
        "answer = None",
        "answer = 10",
        ["answer = 8", "answer = 13"],
    ),
    # 1/(12 n^2) < 1e-6 first at n = 289; 290 is enough too, but not the fewest.
    (
        "integrals.md",
        "exercise-midpoint-count",
        "answer = None",
        "answer = 289",
        ["answer = 288", "answer = 290"],
    ),
]


def verdicts(page: str, cell_id: str, placeholder: str, answers: list[str]) -> list[bool]:
    """Run the page up to the cell, then the cell once per answer; whether each check passed."""
    namespace: dict[str, object] = {"__name__": "__main__"}
    for index, cell in enumerate(cells(DOCS / page)):
        if cell.id != cell_id:
            run_cell(cell.code, namespace, f"<cell {index + 1}>")
            continue
        assert cell.code.count(placeholder) == 1
        found = []
        for answer in answers:
            code = cell.code.replace(placeholder, answer)
            result = run_cell(code, dict(namespace), f"<cell {index + 1}>")
            assert result.error is None, result.error
            assert isinstance(result.value, CheckResult)
            found.append(result.value.passed)
        return found
    raise AssertionError(f"no cell {cell_id} on {page}")


@pytest.mark.parametrize(
    ("page", "cell_id", "placeholder", "right", "wrong"),
    EXERCISES,
    ids=[exercise[1] for exercise in EXERCISES],
)
def test_the_check_takes_the_right_answer_only(
    page: str, cell_id: str, placeholder: str, right: str, wrong: list[str]
) -> None:
    assert verdicts(page, cell_id, placeholder, [placeholder, right, *wrong]) == [
        False,  # the cell as the page gives it
        True,
        *[False] * len(wrong),
    ]


def test_every_exercise_is_covered() -> None:
    pages = {exercise[0] for exercise in EXERCISES}
    for page in pages:
        ids = [
            cell.id for cell in cells(DOCS / page) if cell.id and cell.id.startswith("exercise-")
        ]
        assert sorted(ids) == sorted(e[1] for e in EXERCISES if e[0] == page)
        assert len(ids) == 2


def test_the_right_answers_by_closed_forms() -> None:
    mpmath.mp.dps = 40
    h = mpmath.mpf("0.1")

    def d(step: mpmath.mpf) -> mpmath.mpf:
        return (mpmath.log(2 + step) - mpmath.log(2 - step)) / (2 * step)

    richardson = (4 * d(h / 2) - d(h)) / 3
    # The page's target: 1/2 minus the leading error h^4 f^(5)(2) / 480, f^(5) = 24/x^5.
    target = mpmath.mpf(1) / 2 - h**4 / 480 * 24 / 2**5
    assert abs(richardson / target - 1) < 1e-9
    assert abs(mpmath.mpf(1) / 2 / target - 1) > 1e-7  # 1/2 is outside rtol 1e-8
    # The fewest degrees and rectangles, from the closed forms.
    assert min(n for n in range(1, 30) if math.e / math.factorial(n + 1) < 1e-10) == 13
    assert min(n for n in range(1, 1000) if 1 / (12 * n * n) < 1e-6) == 289
    assert mpmath.taylor(mpmath.tan, 0, 3)[3] == pytest.approx(1 / 3, rel=1e-15)
