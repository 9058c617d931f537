"""Explorable cells: `slider` and `choice` ask the reader for a value.

In a script, in Jupyter and when the site is built, each call simply returns
its default, so code that uses them runs anywhere. In a live cell of the
site, the browser's runner opens a `session` for the run: each call then
declares its control (the page draws it above the cell's output) and returns
the value the reader has set; moving the control runs the cell again.

The session is the whole protocol between the package and the runner: the
runner hands in the current values by label and reads back the controls the
run declared (`Slider` and `Choice` records). The site's build opens one
too, with no values, to draw the controls at their defaults before a cell
runs. The package knows nothing of pages or browsers.

Examples:
    >>> slider("degree", 1, 9, value=3)
    3
    >>> slider("x", 0.0, 1.0, step=0.1, value=0.3)
    0.3
    >>> choice("function", ["sin", "cos"])
    'sin'
    >>> with session({"degree": 7}) as declared:
    ...     slider("degree", 1, 9, value=3)
    7
    >>> declared[0].value
    7
"""

from __future__ import annotations

import contextlib
import math
import operator
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Context, Decimal
from numbers import Integral
from typing import TypeVar

from calcweb._checks import check_real, checking_arguments, listed, shown
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError

__all__ = ["choice", "slider"]

T = TypeVar("T")

# A browser holds numbers as float64: integers beyond this are not exact there.
_LARGEST_INT = 2**53
# A slider's default step, as a fraction of its range.
_DEFAULT_STEPS = 100


@dataclass(frozen=True)
class Slider:
    """A slider a run declared: its range, step and the value the run used.

    ``start``, ``stop``, ``step`` and ``value`` are all ints (an int slider)
    or all floats.
    """

    label: str
    start: int | float
    stop: int | float
    step: int | float
    value: int | float

    def as_dict(self) -> dict[str, object]:
        """The record as the runner sends it to the page."""
        return {
            "kind": "slider",
            "label": self.label,
            "start": self.start,
            "stop": self.stop,
            "step": self.step,
            "value": self.value,
        }


@dataclass(frozen=True)
class Choice:
    """A choice a run declared: the options' texts and the text of the one the run used."""

    label: str
    options: tuple[str, ...]
    value: str

    def as_dict(self) -> dict[str, object]:
        """The record as the runner sends it to the page."""
        return {
            "kind": "choice",
            "label": self.label,
            "options": list(self.options),
            "value": self.value,
        }


Control = Slider | Choice


@dataclass(frozen=True)
class _Spec:
    """What identifies a control within one run: the same label must mean the same control."""

    kind: str
    shape: tuple[object, ...]


class _Session:
    """One run of a live cell: the reader's values in, the declared controls out."""

    def __init__(self, values: Mapping[str, object]) -> None:
        self.values = dict(values)
        self.declared: list[Control] = []
        self.specs: dict[str, _Spec] = {}

    def declare(self, spec: _Spec, control: Control) -> None:
        """Record ``control`` once; the same label with another spec is an error."""
        previous = self.specs.get(control.label)
        if previous is None:
            self.specs[control.label] = spec
            self.declared.append(control)
        elif previous != spec:
            raise InvalidArgumentError(
                f"the label {control.label!r} names two different controls in this cell "
                f"(a {previous.kind} and a {spec.kind}, or two with different ranges, "
                "options or defaults); "
                "give each control its own label"
            )


_current: ContextVar[_Session | None] = ContextVar("calcweb_controls", default=None)


@contextlib.contextmanager
def session(values: Mapping[str, object] | None = None) -> Iterator[list[Control]]:
    """Collect the controls one run declares, with the reader's values (the runner's hook).

    Args:
        values: The value of each control by label, as the page holds it: a
            number for a slider, an option's text for a choice. A value that
            no longer fits (out of a new range, an option that is gone)
            is replaced by the nearest one in range, or by the default.

    Yields:
        The list the run's `Slider` and `Choice` records are appended to, in
        the order of their first call.
    """
    current = _Session(values or {})
    token = _current.set(current)
    try:
        yield current.declared
    finally:
        _current.reset(token)


def _label(label: object) -> str:
    if not isinstance(label, str):
        raise ArgumentTypeError(
            f"label must be a str that names the control, such as 'degree', but got "
            f"{type(label).__name__} {shown(label)}"
        )
    if not label.strip():
        raise InvalidArgumentError(
            "label must name the control (the reader sees it), but it is empty; "
            "pass a short text such as 'degree'"
        )
    return label


def _number(value: object, name: str, whole: bool) -> int | float:
    """A finite number; an int (exact in a browser) when ``whole``."""
    if not whole:
        return check_real(value, name)
    result = operator.index(value)  # type: ignore[arg-type]
    if abs(result) > _LARGEST_INT:
        raise InvalidArgumentError(
            f"{name} = {shown(value)} is beyond 2**53, the largest integer a browser "
            "holds exactly; use a smaller range"
        )
    return int(result)


def _is_int(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


# Exact for every sum, product and whole quotient of floats' decimal texts
# (at most 17 digits, exponents -324 to 308) and slider positions k.
_EXACT = Context(prec=2000, Emax=10_000, Emin=-10_000)


def _decimal(x: int | float) -> Decimal:
    # The shortest text of a float, as the browser's range input reads it:
    # 0.1 + 2 * 0.1 gives 0.3 here, as on the page, not 0.30000000000000004.
    return Decimal(x) if isinstance(x, int) else Decimal(repr(x))


class _Grid:
    """The values a slider can take: start + k * step for k = 0 .. last."""

    def __init__(self, start: int | float, stop: int | float, step: int | float) -> None:
        self.start, self.step = start, step
        self.whole = isinstance(start, int) and isinstance(step, int)
        span = _EXACT.subtract(_decimal(stop), _decimal(start))
        self.last = int(_EXACT.divide_int(span, _decimal(step)))

    def at(self, k: int) -> int | float:
        if self.whole:
            return int(self.start) + k * int(self.step)
        return float(_EXACT.add(_decimal(self.start), _EXACT.multiply(k, _decimal(self.step))))

    def nearest(self, x: float) -> int | float:
        """The grid value nearest ``x`` (clamped into the range)."""
        offset = _EXACT.subtract(_decimal(x), _decimal(self.start))
        k = round(_EXACT.divide(offset, _decimal(self.step)))
        return self.at(min(max(int(k), 0), self.last))


@checking_arguments
def slider(
    label: str,
    start: float,
    stop: float,
    *,
    step: float | None = None,
    value: float | None = None,
) -> int | float:
    """A number the reader can change with a slider: in a script, its default.

    In a live cell of the site, the call draws a slider named ``label`` above
    the cell's output; moving it runs the cell again, and this call returns
    the new value. Everywhere else (a script, Jupyter, the site's build) it
    returns its default (``value``, else ``start``), so the same code runs
    unchanged.

    The slider takes the values ``start + k * step`` from ``start`` up to
    ``stop`` (``stop`` itself when the range is a whole number of steps).

    Args:
        label: The slider's name, shown to the reader and unique in the
            cell (calling again with the same label and arguments returns
            the same value).
        start: The smallest value.
        stop: The largest value; larger than ``start``.
        step: The distance between two values: positive and not larger than
            ``stop - start``. Default: 1 when ``start`` and ``stop`` are
            ints, else a hundredth of the range.
        value: The default, between ``start`` and ``stop``; it is rounded to
            the nearest value of the slider (halfway between two, to the one
            an even number of steps from ``start``, as `round` does).
            Default: ``start``.

    Returns:
        An int when ``start``, ``stop`` and ``step`` are ints (or ``step`` is
        omitted), else a float.

    Raises:
        ArgumentTypeError: A label that is not a str, or a bound, step or
            value that is not a real number (a bool is not one).
        InvalidArgumentError: An empty label, bounds that are not finite or
            not in increasing order, a step that is not positive or is
            larger than the range, a value outside the range, or a label
            that names another control in the same run.

    Examples:
        >>> slider("degree", 0, 10, value=3)
        3
        >>> slider("centre", -1.0, 1.0, step=0.25, value=0.3)
        0.25
        >>> slider("n", 1, 5, value=9)
        Traceback (most recent call last):
        ...
        calcweb.exceptions.InvalidArgumentError: value = 9 is outside the slider's range 1 to 5; ...
    """
    name = _label(label)
    whole = _is_int(start) and _is_int(stop) and (step is None or _is_int(step))
    low = _number(start, "start", whole)
    high = _number(stop, "stop", whole)
    if not low < high:
        raise InvalidArgumentError(
            f"start must be smaller than stop, but got start = {shown(start)} and "
            f"stop = {shown(stop)}; pass start < stop"
        )
    if step is None:
        span = _EXACT.subtract(_decimal(high), _decimal(low))
        spacing: int | float = 1 if whole else float(span / _DEFAULT_STEPS)
    else:
        spacing = _number(step, "step", whole)
        if not 0 < spacing <= high - low:
            raise InvalidArgumentError(
                f"step must be positive and at most stop - start = {shown(high - low)}, "
                f"but got {shown(step)}; pass a smaller step, or omit it"
            )
    if not whole and float(low) + spacing == float(low):
        raise InvalidArgumentError(
            f"the range {shown(low)} to {shown(high)} is too narrow for a slider with "
            f"step {shown(spacing)}: its values would not differ as floats; "
            "widen the range or pass a larger step"
        )
    grid = _Grid(low, high, spacing)
    default: int | float = low
    if value is not None:
        wanted = check_real(value, "value")
        if not low <= wanted <= high:
            raise InvalidArgumentError(
                f"value = {shown(value)} is outside the slider's range {shown(low)} to "
                f"{shown(high)}; pass a value between start and stop"
            )
        default = grid.nearest(wanted)
    current = _current.get()
    if current is None:
        return default
    result = default
    supplied = current.values.get(name)
    if _is_int(supplied) or (isinstance(supplied, float) and math.isfinite(supplied)):
        result = grid.nearest(float(supplied))  # type: ignore[arg-type]
    spec = _Spec("slider", (low, high, spacing, whole, default))
    current.declare(spec, Slider(name, low, high, spacing, result))
    return result


def _option_text(option: object) -> str:
    """How an option is shown: a str as it is, a function by its name, else its repr."""
    if isinstance(option, str):
        return option
    name = getattr(option, "__name__", None)
    if callable(option) and isinstance(name, str):
        return name
    return shown(option)


def _same(a: object, b: object) -> bool:
    if a is b:
        return True
    try:
        return bool(a == b)
    except Exception:  # an array's == is no bool: only identity counts for it
        return False


@checking_arguments
def choice(label: str, options: Sequence[T], *, value: T | None = None) -> T:
    """One of ``options``, which the reader picks from a list: in a script, the default.

    In a live cell of the site, the call draws a drop-down list named
    ``label`` above the cell's output; picking another option runs the cell
    again, and this call returns it. Everywhere else (a script, Jupyter, the
    site's build) it returns its default (``value``, else the first option).

    The list shows a str option as it is, a function by its ``__name__`` and
    anything else by its ``repr``; those texts must differ.

    Args:
        label: The list's name, shown to the reader and unique in the cell.
        options: The values to pick from (a list, tuple or other iterable),
            at least one. The one picked is returned itself, not a copy.
        value: The default: one of ``options`` (equal or identical).
            Default: the first option.

    Returns:
        The option picked.

    Raises:
        ArgumentTypeError: A label that is not a str, or options that are
            not a sequence (a str is not one).
        InvalidArgumentError: An empty label or no options, two options shown
            alike, a value that is not one of the options, or a label that
            names another control in the same run.

    Examples:
        >>> choice("function", ["sin", "cos", "exp"], value="cos")
        'cos'
        >>> import math
        >>> choice("f", [math.sin, math.cos]) is math.sin
        True
    """
    name = _label(label)
    items = listed(options)
    if items is None:
        raise ArgumentTypeError(
            f"options must be a list or tuple of the values to pick from, but got "
            f"{type(options).__name__} {shown(options)}; pass e.g. ['sin', 'cos']"
        )
    if not items:
        raise InvalidArgumentError(
            "options is empty, so there is nothing to pick; pass at least one option"
        )
    texts = tuple(_option_text(option) for option in items)
    twice = sorted({text for text in texts if texts.count(text) > 1})
    if twice:
        raise InvalidArgumentError(
            f"options {twice[0]!r} are shown alike, so the reader could not tell them "
            "apart; pass options that differ"
        )
    index = 0
    if value is not None:
        found = [i for i, option in enumerate(items) if _same(option, value)]
        if not found:
            raise InvalidArgumentError(
                f"value = {shown(value)} is not one of the options {shown(list(texts))}; "
                "pass one of them, or omit value"
            )
        index = found[0]
    current = _current.get()
    if current is not None:
        supplied = current.values.get(name)
        spec = _Spec("choice", (texts, texts[index]))
        if isinstance(supplied, str) and supplied in texts:
            index = texts.index(supplied)
        current.declare(spec, Choice(name, texts, texts[index]))
    return items[index]  # type: ignore[return-value]
