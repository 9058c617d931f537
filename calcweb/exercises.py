"""Checks for the exercises at the end of each page.

An exercise asks the reader for a number, a vector or a function; ``check``
and ``check_function`` compare the answer with the right one and say, in a
sentence, whether it is right — and if not, by how much or where it goes
wrong. The result is truthy when the answer is right, so it can also be used
in an ``assert``.

Examples:
    >>> from calcweb import check
    >>> check(2 * 3.0**2, 18.0)
    ✓ Correct: 18.0 matches the expected value.
    >>> check(17.5, 18.0)
    ✗ Not yet: 17.5 is off by 0.5 (2.8%).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from numbers import Real

from calcweb._checks import check_callable, check_real
from calcweb.exceptions import InvalidArgumentError

__all__ = ["CheckResult", "check", "check_function"]


@dataclass(frozen=True)
class CheckResult:
    """The verdict on an answer: ``passed`` and a sentence for the reader.

    Its ``repr`` is the sentence, so a cell that ends with a check shows it.
    """

    passed: bool
    message: str

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return self.message


def _tolerances(rtol: float, atol: float) -> tuple[float, float]:
    rtol, atol = check_real(rtol, "rtol"), check_real(atol, "atol")
    if rtol < 0 or atol < 0:
        raise InvalidArgumentError("rtol and atol must be >= 0, such as rtol=1e-6, atol=1e-12")
    return rtol, atol


def _flatten(value: object, where: str) -> list[float] | str:
    """The numbers in a number or (nested) sequence, or a sentence on why not."""
    if isinstance(value, bool):
        return f"{where} is {value!r}, a bool; the answer is a number"
    if isinstance(value, Real):
        return [float(value)]
    if isinstance(value, Sequence | Iterable) and not isinstance(value, str | bytes):
        numbers: list[float] = []
        for index, item in enumerate(value):
            inner = _flatten(item, f"{where}[{index}]")
            if isinstance(inner, str):
                return inner
            numbers.extend(inner)
        return numbers
    return f"{where} is {type(value).__name__} {value!r}; the answer is a number"


def _close(a: float, b: float, rtol: float, atol: float) -> bool:
    return math.isfinite(a) and abs(a - b) <= atol + rtol * abs(b)


def check(
    answer: object, expected: object, *, rtol: float = 1e-6, atol: float = 1e-12
) -> CheckResult:
    """Check a numeric answer (a number or a list of numbers) against the expected one.

    Args:
        answer: The reader's answer: a number, or a (nested) list of numbers.
        expected: The right answer, of the same shape.
        rtol: Relative tolerance: ``|answer - expected| <= atol + rtol * |expected|``.
        atol: Absolute tolerance, for expected values at or near zero.

    Returns:
        A `CheckResult`; truthy when every number is within tolerance.

    Raises:
        InvalidArgumentError: If ``expected`` is not a number or a list of
            numbers, or a tolerance is negative.

    Examples:
        >>> check([2.0, -1.0], [2.0, -1.0000001])
        ✓ Correct: [2.0, -1.0] matches the expected value.
        >>> check([2.0, 1.0], [2.0, -1.0])
        ✗ Not yet: element 1 is 1.0 but should be about -1.0.
        >>> check("12", 12.0)
        ✗ Not yet: your answer is str '12'; the answer is a number
    """
    rtol, atol = _tolerances(rtol, atol)
    want = _flatten(expected, "expected")
    if isinstance(want, str):
        raise InvalidArgumentError(f"check() needs a number or a list of numbers: {want}")
    got = _flatten(answer, "your answer")
    if isinstance(got, str):
        return CheckResult(False, f"✗ Not yet: {got}")
    if len(got) != len(want):
        return CheckResult(
            False,
            f"✗ Not yet: your answer has {len(got)} numbers, the exercise asks for {len(want)}.",
        )
    for index, (a, b) in enumerate(zip(got, want, strict=True)):
        if not _close(a, b, rtol, atol):
            if len(want) > 1:
                return CheckResult(
                    False, f"✗ Not yet: element {index} is {a!r} but should be about {b!r}."
                )
            off = abs(a - b)
            relative = f" ({off / abs(b):.1%})" if b and math.isfinite(off) else ""
            return CheckResult(False, f"✗ Not yet: {a!r} is off by {off:.3g}{relative}.")
    shown = got[0] if len(got) == 1 and not isinstance(answer, Iterable) else got
    return CheckResult(True, f"✓ Correct: {shown!r} matches the expected value.")


def check_function(
    candidate: Callable[[float], object],
    reference: Callable[[float], float],
    points: Iterable[float],
    *,
    rtol: float = 1e-6,
    atol: float = 1e-9,
) -> CheckResult:
    """Check a function the reader wrote against a reference at several points.

    Args:
        candidate: The reader's function, e.g. a derivative worked out by hand.
        reference: The right function (e.g. built with `calcweb.derivative`).
        points: Where to compare them.
        rtol: Relative tolerance at each point.
        atol: Absolute tolerance at each point.

    Returns:
        A `CheckResult` that names the first point where they differ,
        or the exception the candidate raised there.

    Raises:
        ArgumentTypeError: If ``candidate`` or ``reference`` is not callable.
        InvalidArgumentError: If there are no points or a tolerance is negative.

    Examples:
        >>> import math
        >>> check_function(lambda x: 2 * x, lambda x: 2 * x, [0.0, 1.0, 2.5])
        ✓ Correct at all 3 points.
        >>> check_function(lambda x: x, math.cos, [0.0, 1.0])
        ✗ Not yet: at x = 0.0 your function gives 0.0, the right value is 1.0.
    """
    check_callable(candidate, "candidate")
    check_callable(reference, "reference")
    rtol, atol = _tolerances(rtol, atol)
    xs = [check_real(x, "each point") for x in points]
    if not xs:
        raise InvalidArgumentError("check_function needs at least one point to compare at")
    for x in xs:
        want = float(reference(x))
        try:
            got = candidate(x)
        except Exception as error:
            return CheckResult(
                False,
                f"✗ Not yet: at x = {x!r} your function raised {type(error).__name__}: {error}",
            )
        if isinstance(got, bool) or not isinstance(got, Real):
            return CheckResult(
                False,
                f"✗ Not yet: at x = {x!r} your function returned {type(got).__name__} {got!r}",
            )
        if not _close(float(got), want, rtol, atol):
            return CheckResult(
                False,
                f"✗ Not yet: at x = {x!r} your function gives {float(got)!r}, "
                f"the right value is {want!r}.",
            )
    return CheckResult(True, f"✓ Correct at all {len(xs)} points.")
