"""One checked call of calcweb's public API: a result, a CalcwebError, or the user's own exception.

`Harness.call` runs one call under a time limit and sorts its outcome:

* it returned: the result must pass the fuzzer's ``expect`` check (the right
  type, finite where calcweb promises a finite number), and the reader's
  function must not have raised a `UserError` that calcweb swallowed;
* it raised a `calcweb.CalcwebError`: fine, if it is also a ``ValueError``,
  ``TypeError`` or ``ArithmeticError`` with a message, and it does not stand in
  for a `UserError` the reader's function raised;
* it raised an exception whose innermost frame is the reader's function: fine,
  it passed through unchanged (calcweb re-raising a new one would put its own
  line last);
* anything else (a bare ``TypeError``, an ``OverflowError`` from inside calcweb,
  a call that spends more than `CALL_LIMIT` seconds of CPU time): a violation.

A violation fails the example, so hypothesis shrinks it. With the environment
variable ``CALCWEB_FUZZ_FINDINGS`` set to a file name, violations are collected
instead and written there as a Markdown report at the end of the session
(tests/fuzz/conftest.py), one entry per distinct place in calcweb.
"""

from __future__ import annotations

import math
import os
import re
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import calcweb
from calcweb.nn.value import NO_GRADIENT

# Seconds of CPU time a single call may take before it counts as a hang. The
# slowest legitimate call of the fuzz, integrate(1/x, 0.0, 1.07e-113) (20,981
# evaluations, integrate's most), takes 0.3 s of CPU; its wall time was 0.75 s
# at load 7 on 2 cores and more under heavier load (a wall-clock limit of 3 s
# failed it twice in session 16, on integrate(x*x, inf, -2.5), then 14,986
# evaluations and 0.44 s of CPU). CPU time is what a hang spends and what a
# loaded machine does not stretch (`_TimeLimit`).
CALL_LIMIT = 3.0
# When collecting findings, a public name that hangs this often is fuzzed no further.
MAX_HANGS = 2
# Calls slower than this are listed in the findings report (not a failure).
SLOW = 1.0

FINDINGS_FILE = os.environ.get("CALCWEB_FUZZ_FINDINGS", "")
PACKAGE_DIR = str(Path(calcweb.__file__).resolve().parent)


class UserError(Exception):
    """An exception of the reader's own, raised by a function given to calcweb.

    calcweb must let it through unchanged: same class, same object.
    """


class Hang(BaseException):
    """Raised by the timer when a call spends more than `CALL_LIMIT` seconds of CPU time."""


class ContractError(AssertionError):
    """calcweb broke its contract on one call."""


# The UserErrors the reader's functions raised during the current call
# (tests/fuzz/hostile.py records them), to catch calcweb swallowing one.
USER_RAISED: list[BaseException] = []
HARNESS_FILE = str(Path(__file__).resolve())


def from_user_code(error: BaseException) -> bool:
    """Whether ``error`` was raised by the reader's function: its innermost frame is theirs.

    The reader's functions live in the tests (hostile.py, fuzzers.py); an
    exception whose last frame is in calcweb, or in this harness (Python
    refusing the call itself), is not theirs. Functions written in C (math.sin)
    have no frame, so the catalogs wrap them in lambdas.
    """
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return False
    last = str(Path(frames[-1].filename).resolve())
    return not last.startswith(PACKAGE_DIR) and last != HARNESS_FILE


class Refused:
    """What `Harness.call` returns when calcweb refused (or the user's exception passed)."""

    def __repr__(self) -> str:
        return "REFUSED"


REFUSED: Any = Refused()


@dataclass
class Finding:
    """One violation, as reported in the findings file."""

    name: str
    kind: str
    call: str
    exception: str
    where: str
    count: int = 1


@dataclass
class Stats:
    """Counts over the whole session."""

    calls: int = 0
    per_name: dict[str, int] = field(default_factory=dict)
    results: dict[str, int] = field(default_factory=dict)  # calls that returned a result
    slow: dict[str, tuple[float, str]] = field(default_factory=dict)
    findings: dict[tuple[str, str, str, str], Finding] = field(default_factory=dict)
    finished: set[str] = field(default_factory=set)
    hangs: dict[str, int] = field(default_factory=dict)
    started: float | None = None  # perf_counter() at the first call


STATS = Stats()


def short(value: object, limit: int = 160) -> str:
    """``repr(value)``, cut to ``limit`` characters (a 10**400 stays readable)."""
    try:
        text = repr(value)
    except Exception as error:  # a hostile object's repr may fail
        text = f"<{type(value).__name__}: repr raised {type(error).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _ours(filename: str) -> bool:
    return str(Path(filename).resolve()).startswith(PACKAGE_DIR)


def in_calcweb(error: BaseException) -> bool:
    """Whether a line of calcweb is in the traceback of ``error``."""
    return any(_ours(f.filename) for f in traceback.extract_tb(error.__traceback__))


def where(error: BaseException) -> str:
    """The innermost line of calcweb in the traceback of ``error`` (else the last line)."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if _ours(f.filename)]
    if not ours:
        return "(raised by Python itself, not by a line of calcweb)"
    frame = ours[-1]
    path = str(Path(frame.filename).resolve())
    if path.startswith(PACKAGE_DIR):
        path = "calcweb" + path[len(PACKAGE_DIR) :]
    return f"{path}:{frame.lineno} in {frame.name}: {(frame.line or '').strip()}"


class _TimeLimit:
    """Raise `Hang` in the main thread after ``seconds`` of CPU time (SIGPROF; POSIX only).

    The process's CPU time (ITIMER_PROF), not the wall clock: a call that
    waits for a core on a loaded machine is not hanging, and a hang in Python
    code spends CPU time like any other. A call blocked without spending CPU
    is left to the test's own wall-clock timeout (test_fuzz.py).
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.usable = hasattr(signal, "setitimer")

    def __enter__(self) -> None:
        if self.usable:
            self.previous = signal.signal(signal.SIGPROF, self._fire)
            signal.setitimer(signal.ITIMER_PROF, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_PROF, 0.0)
            signal.signal(signal.SIGPROF, self.previous)

    @staticmethod
    def _fire(signum: int, frame: object) -> None:  # noqa: ARG004  (signal handler signature)
        raise Hang


Expect = Callable[[Any], "str | None"]


class Harness:
    """Runs the calls of one fuzzer, for one example."""

    def __init__(self, name: str, tmp: Path) -> None:
        self.name = name
        self.tmp = tmp

    def call(  # noqa: PLR0911  (one return per kind of outcome)
        self,
        fn: Callable[..., Any],
        /,
        *args: Any,
        expect: Expect | None = None,
        swallow_ok: bool = False,
        protocol_ok: bool = False,
        shown: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """``fn(*args, **kwargs)``, checked; the result, or `REFUSED`.

        Args:
            fn: What to call (a public name, a method, an operator).
            args: Its positional arguments.
            expect: Checks a returned result: None if fine, else what is wrong.
            swallow_ok: The call may catch the reader's `UserError` on purpose
                (``check_function`` reports a candidate that raises).
            protocol_ok: A ``TypeError`` raised by Python itself (no line of
                calcweb in its traceback) is fine: an operator whose operand is
                not a number returned NotImplemented.
            shown: How to show the call in a report (default: from ``fn``).
            kwargs: Its keyword arguments.
        """
        STATS.calls += 1
        if STATS.started is None:
            STATS.started = time.perf_counter()
        STATS.per_name[self.name] = STATS.per_name.get(self.name, 0) + 1
        USER_RAISED.clear()
        shown = shown or getattr(fn, "__qualname__", None) or short(fn)
        shown_args = [short(a) for a in args] + [f"{k}={short(v)}" for k, v in kwargs.items()]
        text = f"{shown}({', '.join(shown_args)})"
        start = time.perf_counter()
        try:
            with _TimeLimit(CALL_LIMIT):
                result = fn(*args, **kwargs)
        except Hang as error:
            self._violate("hang", text, error, f"no result after {CALL_LIMIT} s of CPU time")
            STATS.hangs[self.name] = STATS.hangs.get(self.name, 0) + 1
            if STATS.hangs[self.name] >= MAX_HANGS:
                # Collecting: each hang costs CALL_LIMIT seconds, so stop this name.
                pytest.skip(f"{self.name}: stopped after {MAX_HANGS} hangs (see the findings)")
            return REFUSED
        except calcweb.CalcwebError as error:
            self._check_refusal(text, error, swallow_ok)
            return REFUSED
        except BaseException as error:
            if from_user_code(error):
                return REFUSED  # the reader's own exception passed through unchanged
            if protocol_ok and isinstance(error, TypeError) and not in_calcweb(error):
                return REFUSED
            self._violate("bare exception", text, error)
            return REFUSED
        finally:
            elapsed = time.perf_counter() - start
            if elapsed > SLOW and elapsed > STATS.slow.get(self.name, (0.0, ""))[0]:
                STATS.slow[self.name] = (elapsed, text)
        if not swallow_ok and (swallowed := self._user_error()):
            self._violate("swallowed the user's exception", text, swallowed)
        if expect is not None and (problem := expect(result)):
            self._violate("wrong result", text, None, f"{problem}: got {short(result)}")
            return REFUSED
        STATS.results[self.name] = STATS.results.get(self.name, 0) + 1
        return result

    def verify(self, value: Any, expect: Expect, what: str) -> None:
        """Check ``value`` (read from calcweb's objects, not returned by a call)."""
        if problem := expect(value):
            self._violate("wrong result", what, None, f"{problem}: got {short(value)}")

    @staticmethod
    def _user_error() -> UserError | None:
        return next((e for e in USER_RAISED if isinstance(e, UserError)), None)

    def _check_refusal(self, text: str, error: calcweb.CalcwebError, swallow_ok: bool) -> None:
        if not isinstance(error, (ValueError, TypeError, ArithmeticError)):
            self._violate("CalcwebError without a builtin base", text, error)
        elif not str(error).strip():
            self._violate("CalcwebError without a message", text, error)
        elif not swallow_ok and (swallowed := self._user_error()):
            self._violate("replaced the user's exception", text, swallowed, short(error))

    def _violate(
        self, kind: str, text: str, error: BaseException | None, detail: str | None = None
    ) -> None:
        exception = detail or f"{type(error).__name__}: {error}"
        if error is not None and detail is not None:
            exception = f"{type(error).__name__} ({detail})"
        place = where(error) if error is not None else ""
        if FINDINGS_FILE:
            key = (self.name, kind, type(error).__name__, place or exception[:60])
            if key in STATS.findings:
                STATS.findings[key].count += 1
            else:
                STATS.findings[key] = Finding(self.name, kind, text, short(exception, 300), place)
            return
        raise ContractError(f"{kind}: {text}\n  -> {exception}\n  at {place}") from error


# ----------------------------------------------------------------- expectations


def _is_float(x: object) -> bool:
    # NO_GRADIENT, a leaf's grad that no backward() reached (torch's None), reads as 0.0.
    return type(x) is float or x is NO_GRADIENT


def finite_float(x: object) -> str | None:
    """A ``float`` (not a numpy scalar, not an int) that is finite."""
    if not _is_float(x):
        return f"expected a float, not {type(x).__name__}"
    return None if math.isfinite(x) else "expected a finite float"  # type: ignore[arg-type]


def real_float(x: object) -> str | None:
    """A ``float`` that is not NaN (infinity allowed)."""
    if not _is_float(x):
        return f"expected a float, not {type(x).__name__}"
    return None if not math.isnan(x) else "expected a float that is not NaN"  # type: ignore[arg-type]


def finite_vector(x: object) -> str | None:
    """A non-empty ``list`` of finite floats."""
    if type(x) is not list or not x:
        return f"expected a non-empty list, not {short(x, 40)}"
    return next(filter(None, map(finite_float, x)), None)


def finite_matrix(x: object) -> str | None:
    """A non-empty ``list`` of non-empty lists of finite floats."""
    if type(x) is not list or not x:
        return f"expected a non-empty list of rows, not {short(x, 40)}"
    return next(filter(None, map(finite_vector, x)), None)


def instance_of(kind: type | tuple[type, ...]) -> Expect:
    """An instance of ``kind``."""

    def check(x: object) -> str | None:
        return None if isinstance(x, kind) else f"expected {kind}, not {type(x).__name__}"

    return check


# A coordinate attribute holding nan or inf: the figure drew a point it could not place.
_NON_FINITE_ATTRIBUTE = re.compile(
    r'\b(?:x|y|x1|x2|y1|y2|cx|cy|r|d|points|width|height|viewBox|transform)="'
    r'[^"]*(?<![A-Za-z])(?:nan|inf)',
    re.IGNORECASE,
)


def svg(x: object) -> str | None:
    """An SVG document as a str."""
    if not isinstance(x, str) or "<svg" not in x or "</svg>" not in x:
        return "expected an SVG document"
    bad = _NON_FINITE_ATTRIBUTE.search(x)
    return None if bad is None else f"the SVG has a non-finite coordinate: {bad.group(0)[:60]}"


def text(x: object) -> str | None:
    """A non-empty str."""
    return None if isinstance(x, str) and x else "expected a non-empty str"


def nothing(x: object) -> str | None:
    """None (a method that works by side effect)."""
    return None if x is None else f"expected None, not {type(x).__name__}"


def any_result(x: object) -> str | None:  # noqa: ARG001  (accepts everything)
    """Anything."""
    return None
