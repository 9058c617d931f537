"""The exercise checks: right answers pass, wrong ones say what is wrong."""

from __future__ import annotations

import itertools
import math

import pytest

import calcweb
from calcweb import check, check_function


def test_a_right_number_passes_and_the_result_is_truthy() -> None:
    result = check(12.000000001, 12.0)
    assert result
    assert result.passed
    assert repr(result).startswith("✓ Correct")


def test_a_wrong_number_fails_with_its_error() -> None:
    result = check(11.0, 12.0)
    assert not result
    assert "off by 1" in result.message
    assert "8.3%" in result.message


def test_tolerances_are_relative_and_absolute() -> None:
    assert check(1e-13, 0.0)  # atol covers answers that should be zero
    assert not check(1e-3, 0.0)
    assert check(1.0001, 1.0, rtol=1e-3)
    assert not check(1.0001, 1.0, rtol=1e-6)


def test_vectors_are_compared_element_by_element() -> None:
    assert check([1, 2, 3], [1.0, 2.0, 3.0])
    assert check([[1, 0], [0, 1]], [[1.0, 0.0], [0.0, 1.0]])
    wrong = check([1.0, 2.5, 3.0], [1.0, 2.0, 3.0])
    assert not wrong
    assert "element 1" in wrong.message
    short = check([1.0], [1.0, 2.0])
    assert "has 1 numbers" in short.message


@pytest.mark.parametrize(
    ("answer", "expected", "where"),
    [
        ([[1, 2], [3, 4]], [[1, 2], [3, 5]], "element [1][1] is 4.0"),  # was "element 3"
        ([[1, 2], [3, 4]], [[1, 9], [3, 4]], "element [0][1] is 2.0"),
        ([[1, [2, 3]], [4]], [[1, [2, 3]], [5]], "element [1][0] is 4.0"),
        ([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[[1, 2], [3, 4]], [[5, 6], [7, 9]]], "[1][1][1]"),
        ([1, 2, 4], [1, 2, 3], "element 2 is 4.0"),
    ],
)
def test_a_wrong_element_of_a_nested_answer_is_named_by_its_indices(
    answer: object, expected: object, where: str
) -> None:
    assert where in check(answer, expected).message


@pytest.mark.parametrize("answer", ["12", None, True, math.nan, math.inf, [1.0, "x"]])
def test_answers_that_are_not_finite_numbers_fail_politely(answer: object) -> None:
    assert not check(answer, 12.0 if not isinstance(answer, list) else [1.0, 2.0])


def test_a_bad_expected_value_or_tolerance_is_the_authors_error() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="number or a list"):
        check(1.0, "one")
    with pytest.raises(calcweb.InvalidArgumentError, match="must be >= 0"):
        check(1.0, 1.0, rtol=-1.0)


def test_check_function_compares_at_every_point() -> None:
    assert check_function(lambda x: 3 * x**2, lambda x: 3 * x * x, [-1.0, 0.0, 2.0])
    wrong = check_function(lambda x: 3 * x, lambda x: 3 * x * x, [0.0, 2.0])
    assert not wrong
    assert "at x = 2.0" in wrong.message
    assert "12.0" in wrong.message


def test_check_function_reports_the_readers_exception_and_bad_returns() -> None:
    raised = check_function(lambda x: 1 / x, lambda x: 1.0, [0.0])
    assert "ZeroDivisionError" in raised.message
    returned = check_function(lambda x: "1", lambda x: 1.0, [0.0])
    assert "returned str" in returned.message


def test_check_function_needs_points_and_functions() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="at least one point"):
        check_function(math.sin, math.sin, [])
    with pytest.raises(calcweb.ArgumentTypeError, match="candidate must be a function"):
        check_function(1.0, math.sin, [0.0])  # type: ignore[arg-type]


def test_empty_lists_do_not_hide_numbers_after_them() -> None:
    # The walk used to stop after as many items as numbers wanted, empty lists
    # included, so the last 0.0 here went unseen and [0.0, [], 0.0] passed for 0.0.
    assert not check([0.0, [], 0.0], 0.0)
    assert not check([[], [], 1.0, 2.0], [1.0])
    assert not check([[1.0], [], [2.0]], [1.0, 2.0])  # ragged: not the shape asked for


def test_an_endless_answer_of_empty_lists_is_refused() -> None:
    result = check(itertools.repeat([]), 1.0)
    assert not result
    assert "holds more than 400000 items" in result.message


@pytest.mark.parametrize(
    ("answer", "expected", "message"),
    [
        # a - b overflows, the miss does not: it is said, with its share of the answer
        (1e308, -1e308, "✗ Not yet: 1e+308 is off by 2e+308 (200.0%)."),
        (1.7e308, -1.7e308, "✗ Not yet: 1.7e+308 is off by 3.4e+308 (200.0%)."),
        (-1.5e308, 1e308, "✗ Not yet: -1.5e+308 is off by 2.5e+308 (250.0%)."),
        (3.0, -1.79e308, "✗ Not yet: 3.0 is off by 1.79e+308 (100.0%)."),
        (17.5, 18.0, "✗ Not yet: 17.5 is off by 0.5 (2.8%)."),
        # an answer that is no number, or infinite, is named, not measured ("nan is off by nan")
        (math.nan, 1.0, "✗ Not yet: your answer is nan but should be about 1.0."),
        (-math.inf, 2.5, "✗ Not yet: your answer is -inf but should be about 2.5."),
        (1.0, math.inf, "✗ Not yet: 1.0 is off by inf."),
    ],
)
def test_check_says_the_miss_beyond_the_float_range_and_names_no_number(
    answer: float, expected: float, message: str
) -> None:
    result = check(answer, expected)
    assert not result
    assert result.message == message


def test_check_function_at_one_point_names_it() -> None:
    assert check_function(math.sin, math.sin, [0.5]).message == "✓ Correct at x = 0.5."
    assert check_function(math.sin, math.sin, [0.5, 1.0]).message == "✓ Correct at all 2 points."
