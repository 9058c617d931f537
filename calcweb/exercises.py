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

import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from numbers import Real

from calcweb._checks import call, check_callable, check_real, checking_arguments_hinting
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError, NumericalError
from calcweb.nn.value import Value

__all__ = ["CheckResult", "check", "check_function"]

_DEEPEST = 32  # levels of nested lists in an answer
_MOST = 100_000  # numbers in an expected answer, or points to check a function at
_MOST_ITEMS = 4 * _MOST  # numbers and lists in one answer


@dataclass(frozen=True)
class CheckResult:
    """The verdict on an answer: ``passed`` and a sentence for the reader.

    Its ``repr`` is the sentence, so a cell that ends with a check shows it.
    """

    passed: bool
    message: str

    def __post_init__(self) -> None:
        if not isinstance(self.passed, bool):
            raise ArgumentTypeError(
                f"passed must be True or False, but got {type(self.passed).__name__} "
                f"{self.passed!r}"
            )
        if not isinstance(self.message, str):
            raise ArgumentTypeError(
                f"message must be a string, but got {type(self.message).__name__} {self.message!r}"
            )

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return self.message


# math.isclose's names for check's tolerances.
_ISCLOSE_NAMES = {
    "rel_tol": "calcweb's name for it is rtol",
    "abs_tol": "calcweb's name for it is atol",
}


def _tolerances(rtol: float, atol: float) -> tuple[float, float]:
    rtol, atol = check_real(rtol, "rtol"), check_real(atol, "atol")
    if rtol < 0 or atol < 0:
        raise InvalidArgumentError("rtol and atol must be >= 0, such as rtol=1e-6, atol=1e-12")
    return rtol, atol


class _NotANumberError(Exception):
    """Why a value is not a number or a list of numbers; ``kind`` is the error it would be."""

    def __init__(self, sentence: str, kind: type[Exception] = ArgumentTypeError) -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.kind = kind


def _number(value: object, where: str) -> float | None:
    """``value`` as a float if it is one number (a Value, a numpy 0-d array too), else None."""
    if isinstance(value, Value):
        value = value.data
    elif getattr(value, "ndim", None) == 0 and hasattr(value, "item"):
        value = value.item()  # a 0-d numpy array
    if isinstance(value, bool):
        raise _NotANumberError(f"{where} is {value!r}, a bool; the answer is a number")
    if not isinstance(value, Real):
        return None
    try:
        return float(value)
    except OverflowError as error:
        raise _NotANumberError(
            f"{where} is an integer too large for a float (beyond 1.8e308)", NumericalError
        ) from error


Nested = float | list["Nested"]  # a number, or a list of numbers and lists


def _read(value: object, where: str, most: int) -> tuple[Nested, list[float]]:
    """``value`` as nested lists of floats, and its numbers in order (at most ``most + 1``).

    Raises:
        _NotANumberError: saying why ``value`` is not a number or a list of numbers.
    """
    single = _number(value, where)
    if single is not None:
        return single, [single]
    numbers: list[float] = []
    visited = 0  # items of any kind: an endless run of empty lists must end too

    def walk(item: object, place: str, depth: int) -> Nested:
        nonlocal visited
        visited += 1
        if visited > _MOST_ITEMS:
            raise _NotANumberError(
                f"{where} holds more than {_MOST_ITEMS} items; the answer is a number or "
                "a list of numbers",
                InvalidArgumentError,
            )
        number = _number(item, place)
        if number is not None:
            numbers.append(number)
            return number
        if isinstance(item, AbstractSet):  # {2.0, 1.0} may iterate as 1.0, 2.0
            raise _NotANumberError(
                f"{place} is a {type(item).__name__}, which has no order; write a list"
            )
        if isinstance(item, (str, bytes, Mapping)) or not isinstance(item, Iterable):
            raise _NotANumberError(
                f"{place} is {type(item).__name__} {item!r}; the answer is a number"
            )
        if depth >= _DEEPEST:
            raise _NotANumberError(
                f"{where} is nested more than {_DEEPEST} lists deep; the answer is a number "
                "or a list of numbers",
                InvalidArgumentError,
            )
        try:
            elements = iter(item)
        except TypeError as error:  # a 0-d numpy array says it is iterable, then refuses
            raise _NotANumberError(
                f"{place} is {type(item).__name__}; the answer is a number"
            ) from error
        nested: list[Nested] = []
        for index, element in enumerate(elements):
            if len(numbers) > most:
                break  # enough to say there are too many; empty lists hold none
            nested.append(walk(element, f"{place}[{index}]", depth + 1))
        return nested

    return walk(value, where, 0), numbers


def _element(value: Nested, index: int) -> str:
    """Where the ``index``-th number of ``value`` is: ``2`` in a list, ``[1][0]`` nested."""
    if isinstance(value, list) and all(isinstance(item, float) for item in value):
        return str(index)  # a list of numbers
    path = ""
    while not isinstance(value, float):
        for position, item in enumerate(value):
            count = _count(item)
            if index < count:
                path, value = f"{path}[{position}]", item
                break
            index -= count
    return path


def _count(value: Nested) -> int:
    """How many numbers ``value`` holds."""
    return 1 if isinstance(value, float) else sum(_count(item) for item in value)


def _layout(value: Nested) -> object:
    """How ``value`` nests, without its numbers: None for a number, a tuple for a list."""
    return None if isinstance(value, float) else tuple(_layout(item) for item in value)


def _shape(value: Nested) -> str:
    """``value``'s shape in words: "a single number", "a list of 2 numbers", "a 2x3 nested list"."""
    sizes: list[int] = []
    level: list[Nested] = [value]
    while level and not any(isinstance(item, float) for item in level):
        lengths = {len(item) for item in level if isinstance(item, list)}
        if len(lengths) > 1:
            return "a ragged list (its lists differ in length)"
        sizes.append(lengths.pop())
        level = [element for item in level if isinstance(item, list) for element in item]
    if level and not all(isinstance(item, float) for item in level):
        return "a ragged list (it holds numbers beside lists)"
    if not sizes:
        return "a single number"
    if len(sizes) == 1:
        return f"a list of {sizes[0]} number{'s' * (sizes[0] != 1)}"
    return f"a {'x'.join(map(str, sizes))} nested list"


def _mismatch(given: Nested, got: list[float], wanted: Nested, want: list[float]) -> str:
    """How the answer's count or shape differs from the expected one's ("" if it does not)."""
    if len(got) != len(want):
        count = f"more than {len(want)}" if len(got) > len(want) else str(len(got))
        return f"your answer has {count} numbers, the exercise asks for {len(want)}."
    if _layout(given) == _layout(wanted):
        return ""
    # [[1.0, 2.0]] is not [1.0, 2.0], nor [1.0] the number 1.0
    shapes = _shape(given), _shape(wanted)
    if shapes[0] == shapes[1]:
        return "your answer's lists nest differently."
    return f"your answer is {shapes[0]}, the exercise asks for {shapes[1]}."


def _close(a: float, b: float, rtol: float, atol: float) -> bool:
    if a == b:  # also an infinite answer that is right
        return True
    # Both finite: against an infinite b the tolerance rtol * |b| is inf too, and every
    # finite answer would pass.
    return math.isfinite(a) and math.isfinite(b) and abs(a - b) <= atol + rtol * abs(b)


def _percent(ratio: float) -> str:
    """``ratio`` as a percentage with a nonzero digit: 2.8%, 0.0002%, never 0.0%.

    A miss of 10,000 times the expected value or more in 2 digits (2e+32%): in
    fixed point, ``check(1.0, 1e-300)`` printed 303 digits, most of them the
    binary float's, not the ratio's.
    """
    if ratio < 1e-3:
        return f"{100 * ratio:.1g}%"
    return f"{ratio:.1%}" if ratio < 1e4 else f"{100 * ratio:.2g}%"


def _miss(a: float, b: float) -> str:
    """``|a - b|`` to 3 digits, also beyond the floats: 1e308 and -1e308 are 2e+308 apart."""
    off = abs(a - b)
    if math.isfinite(off) or not (math.isfinite(a) and math.isfinite(b)):
        return f"{off:.3g}"
    mantissa, exponent = f"{abs(a / 2 - b / 2) / 5:.2e}".split("e")  # a tenth of the miss
    return f"{float(mantissa):.3g}e+{int(exponent) + 1}"


def _ratio(a: float, b: float) -> float:
    """``|a - b| / |b|``, also where ``a - b`` overflows (halved, the miss fits)."""
    off = abs(a - b)
    return off / abs(b) if math.isfinite(off) else 2.0 * (abs(a / 2 - b / 2) / abs(b))


@checking_arguments_hinting(_ISCLOSE_NAMES)
def check(
    answer: object, expected: object, *, rtol: float = 1e-6, atol: float = 1e-12
) -> CheckResult:
    """Check a numeric answer (a number or a list of numbers) against the expected one.

    Args:
        answer: The reader's answer: a number, or a (nested) list of numbers
            (tuples, numpy arrays and calcweb Values too).
        expected: The right answer. The answer must have its shape: ``[[1.0, 2.0]]``
            is not ``[1.0, 2.0]``, nor ``[1.0]`` the number ``1.0``.
        rtol: Relative tolerance: ``|answer - expected| <= atol + rtol * |expected|``.
        atol: Absolute tolerance, for expected values at or near zero.

    Returns:
        A `CheckResult`; truthy when the shapes match and every number is within tolerance.

    Raises:
        ArgumentTypeError: If ``expected`` is not a number or a list of numbers.
        InvalidArgumentError: If ``expected`` holds NaN or is nested too
            deep, or a tolerance is negative.
        NumericalError: If ``expected`` holds an integer too large for a float.

    Examples:
        >>> check([2.0, -1.0], [2.0, -1.0000001])
        ✓ Correct: [2.0, -1.0] matches the expected value.
        >>> check([2.0, 1.0], [2.0, -1.0])
        ✗ Not yet: element 1 is 1.0 but should be about -1.0.
        >>> check([[2.0, -1.0]], [2.0, -1.0])
        ✗ Not yet: your answer is a 1x2 nested list, the exercise asks for a list of 2 numbers.
        >>> check("12", 12.0)
        ✗ Not yet: your answer is str '12'; the answer is a number
    """
    rtol, atol = _tolerances(rtol, atol)
    try:
        wanted, want = _read(expected, "expected", _MOST)
    except _NotANumberError as refusal:
        raise refusal.kind(
            f"check() needs a number or a list of numbers as expected: {refusal.sentence}"
        ) from None
    if len(want) > _MOST:
        raise InvalidArgumentError(f"expected holds more than {_MOST} numbers; check fewer")
    if any(math.isnan(b) for b in want):
        raise InvalidArgumentError(
            "expected holds NaN, which no answer can match; fix the exercise"
        )
    try:
        given, got = _read(answer, "your answer", len(want))
    except _NotANumberError as refusal:
        return CheckResult(False, f"✗ Not yet: {refusal.sentence}")
    mismatch = _mismatch(given, got, wanted, want)
    if mismatch:
        return CheckResult(False, f"✗ Not yet: {mismatch}")
    for index, (a, b) in enumerate(zip(got, want, strict=True)):
        if not _close(a, b, rtol, atol):
            if len(want) > 1:
                where = _element(wanted, index)
                return CheckResult(
                    False, f"✗ Not yet: element {where} is {a!r} but should be about {b!r}."
                )
            if math.isnan(a) or (math.isinf(a) and math.isfinite(b)):
                named = f"your answer is {a!r} but should be about {b!r}"
                return CheckResult(False, f"✗ Not yet: {named}.")
            relative = f" ({_percent(ratio)})" if b and math.isfinite(ratio := _ratio(a, b)) else ""
            return CheckResult(False, f"✗ Not yet: {a!r} is off by {_miss(a, b)}{relative}.")
    return CheckResult(True, f"✓ Correct: {given!r} matches the expected value.")


@checking_arguments_hinting(_ISCLOSE_NAMES)
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

    An exception that ``reference`` raises reaches you unchanged; one that
    ``candidate`` raises is reported in the result.

    Raises:
        ArgumentTypeError: If ``candidate`` or ``reference`` is not callable,
            ``points`` is not a list of numbers, or ``reference`` returns
            something other than a number.
        InvalidArgumentError: If there are no points, a tolerance is
            negative, or ``reference`` returns NaN.

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
    try:
        if isinstance(points, (str, bytes, Mapping)):
            raise TypeError(type(points).__name__)
        given = list(itertools.islice(points, _MOST + 1))
    except TypeError as error:  # not iterable (a 0-d numpy array says it is, then refuses)
        raise ArgumentTypeError(
            f"points must be a list of numbers where to compare, such as [0.0, 0.5, 1.0], "
            f"but got {type(points).__name__} {points!r}"
        ) from error
    if len(given) > _MOST:
        raise InvalidArgumentError(f"points holds more than {_MOST} points; compare at fewer")
    xs = [check_real(x, f"points[{i}]") for i, x in enumerate(given)]
    if not xs:
        raise InvalidArgumentError("check_function needs at least one point to compare at")
    for x in xs:
        want = _reference_value(call(reference, x, what="reference"), x)
        try:
            got = candidate(x)
        except Exception as error:
            return CheckResult(
                False,
                f"✗ Not yet: at x = {x!r} your function raised {type(error).__name__}: {error}",
            )
        try:
            value = _number(got, f"at x = {x!r} your function's result")
        except _NotANumberError as refusal:
            return CheckResult(False, f"✗ Not yet: {refusal.sentence}")
        if value is None:
            return CheckResult(
                False,
                f"✗ Not yet: at x = {x!r} your function returned {type(got).__name__} {got!r}",
            )
        if not _close(value, want, rtol, atol):
            return CheckResult(
                False,
                f"✗ Not yet: at x = {x!r} your function gives {value!r}, "
                f"the right value is {want!r}.",
            )
    where = f"at all {len(xs)} points" if len(xs) > 1 else f"at x = {xs[0]!r}"
    return CheckResult(True, f"✓ Correct {where}.")


def _reference_value(value: object, x: float) -> float:
    """What the reference function returned at ``x``, as a float that can be compared."""
    try:
        number = _number(value, f"reference({x!r})")
    except _NotANumberError as refusal:
        raise refusal.kind(refusal.sentence) from None
    if number is None:
        raise ArgumentTypeError(
            f"reference({x!r}) returned {type(value).__name__} {value!r}; the reference "
            "function must return a number"
        )
    if math.isnan(number):
        raise InvalidArgumentError(
            f"reference({x!r}) is nan, which no answer can match; compare at points where "
            "the reference is defined"
        )
    return number
