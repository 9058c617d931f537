r"""Runs the code of a live cell: the one executor of the browser, the build and the docs tests.

The browser's runner (``docs/javascripts/calcweb_runner.py``), the site build's
pre-render (``tools/hooks/live_cells.py``) and the docs tests
(``tests/docs/pages.py``) all run a cell through `run_cell` or
`run_cell_async`, so a cell cannot work in one and fail in another. The rules:

- The code is dedented and compiled in the page's namespace (one per page,
  cells in page order), with top-level ``await`` allowed. A cell that awaits
  runs in the caller's event loop (`run_cell_async`, the browser) or in its
  own ``asyncio.run`` loop (`run_cell`, natively).
- The value of the last expression is kept and displayed, unless the cell
  ends with ``;`` (as in Jupyter). The display is the first representation
  the value offers of ``_repr_svg_``, ``_repr_html_``, ``_repr_latex_``,
  ``_repr_png_`` (base64), else ``repr``. A ``_repr_*_`` that returns None
  offers nothing; one that raises or returns the wrong type is skipped for
  the next representation, and a note with its error is written to stderr, so
  the reader sees that the richer view failed and why.
- Every exception of the cell's code is its result (``KeyboardInterrupt``
  and ``SystemExit`` too), with a traceback trimmed to the reader's frames
  (files named ``<...>``: the cells), and the cell's line to highlight.

This module belongs to no site: it knows nothing of browsers, pages or builds,
and the package never imports it; its callers do.

Examples:
    >>> namespace = {"__name__": "__main__"}
    >>> run_cell("x = 6\nprint('six')\nx * 7", namespace, "<cell 1>")
    CellResult(value=42, display=(Display(mime='text/plain', data='42'),), stdout='six\n', ...)
    >>> run_cell("1 / 0", namespace, "<cell 2>").traceback.splitlines()[-1]
    'ZeroDivisionError: division by zero'
"""

from __future__ import annotations

import ast
import base64
import contextlib
import dataclasses
import inspect
import io
import linecache
import sys
import textwrap
import tokenize
import traceback
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from types import CodeType
from typing import Any, NamedTuple

__all__ = ["CellResult", "Display", "run_cell", "run_cell_async"]

# The representations a value may offer, richest first, and their MIME types.
REPRESENTATIONS = (
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_html_", "text/html"),
    ("_repr_latex_", "text/latex"),
    ("_repr_png_", "image/png"),
)
_FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


class Display(NamedTuple):
    """One representation of a cell's value: its MIME type and its data (PNG in base64)."""

    mime: str
    data: str


@dataclass(frozen=True)
class CellResult:
    """What running one cell produced.

    Attributes:
        value: The value of the cell's last expression (None when there is
            none, when the cell ends with ``;`` or when it raised).
        display: How the value is shown: one `Display`, or none for None.
        stdout: What the cell printed, when the caller captured it.
        stderr: What it wrote to stderr (notes on failed representations
            included), when the caller captured it.
        error: The exception the cell raised, or None.
        traceback: That exception's traceback, trimmed to the reader's frames
            ("" when the cell did not raise).
        line: The line of the cell to highlight for the error (0 for none).
        display_errors: The errors of ``_repr_*_`` methods skipped for the
            next representation (each also noted on stderr).
    """

    value: object = None
    display: tuple[Display, ...] = ()
    stdout: str = ""
    stderr: str = ""
    error: BaseException | None = None
    traceback: str = ""
    line: int = 0
    display_errors: tuple[Exception, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the cell finished without an exception."""
        return self.error is None


Explain = Callable[[BaseException], BaseException]
# Computes a cell's display by calling its first argument (given the value too).
Displaying = Callable[[Callable[[], CellResult], object], CellResult]


@dataclass(frozen=True)
class _Compiled:
    body: CodeType
    last: CodeType | None  # the last expression, evaluated for its value

    @property
    def awaits(self) -> bool:
        codes = [self.body] if self.last is None else [self.body, self.last]
        return any(code.co_flags & inspect.CO_COROUTINE for code in codes)


def _quiet(source: str) -> bool:
    """True when the last token of ``source`` is ``;``: its value is not shown."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    skipped = {tokenize.ENDMARKER, tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT}
    for token in reversed(tokens):
        if token.type not in skipped:
            return token.type == tokenize.OP and token.string == ";"
    return False


def _compile(code: str, filename: str) -> _Compiled:
    source = textwrap.dedent(code)
    tree = ast.parse(source, filename)
    last = None
    final = tree.body[-1] if tree.body else None
    if isinstance(final, ast.Expr) and not _quiet(source):
        tree.body.pop()
        last = compile(ast.Expression(final.value), filename, "eval", _FLAGS, True)
    # dont_inherit=True: this module's `from __future__` imports are not the cell's.
    body = compile(tree, filename, "exec", _FLAGS, True)
    return _Compiled(body, last)


async def _evaluate(compiled: _Compiled, namespace: dict[str, Any]) -> object:
    """Run the cell's code; its last expression's value (awaiting what awaits)."""
    run = eval(compiled.body, namespace)  # noqa: S307 - running the reader's cell is the point
    if compiled.body.co_flags & inspect.CO_COROUTINE:
        await run
    if compiled.last is None:
        return None
    value = eval(compiled.last, namespace)  # noqa: S307 - as above
    if compiled.last.co_flags & inspect.CO_COROUTINE:
        value = await value
    return value


def _reader_frames(report: traceback.TracebackException) -> None:
    """Keep only the reader's frames (files named <...>), in the exception and its chain."""
    seen: set[int] = set()
    pending = [report]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.stack = traceback.StackSummary.from_list(
            [frame for frame in current.stack if frame.filename.startswith("<")]
        )
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]
        pending += getattr(current, "exceptions", None) or []


def _format(error: BaseException, filename: str, explain: Explain | None) -> tuple[str, int]:
    """The traceback from the first frame of the cell on, and the cell's line to highlight."""
    frames = traceback.extract_tb(error.__traceback__)
    keep = [i for i, frame in enumerate(frames) if frame.filename == filename]
    tb = error.__traceback__
    for _ in range(keep[0] if keep else len(frames)):  # the executor's frames go first
        tb = tb.tb_next if tb is not None else None
    line = (frames[keep[-1]].lineno or 0) if keep else 0
    if isinstance(error, SyntaxError) and error.filename == filename:
        line = error.lineno or 0
    shown = error if explain is None else explain(error)
    report = traceback.TracebackException(type(shown), shown, tb)
    _reader_frames(report)
    return "".join(report.format()), line


def _representation(value: object, method: str, mime: str) -> Display | None:
    """The value's ``method`` as a `Display`, None if it offers none; raises what it raises."""
    render = getattr(value, method, None)
    if not callable(render):
        return None
    data = render()
    if data is None:
        return None
    if mime == "image/png" and isinstance(data, bytes):
        return Display(mime, base64.b64encode(data).decode("ascii"))
    if isinstance(data, str):
        return Display(mime, data)
    wanted = "bytes or str" if mime == "image/png" else "str"
    raise TypeError(f"{method}() returned {type(data).__name__}, not {wanted}")


def _display(value: object, stderr: Callable[[str], object]) -> tuple[Display, list[Exception]]:
    """The richest representation of ``value`` that works, and the errors of those that failed."""
    failed: list[Exception] = []
    for method, mime in REPRESENTATIONS:
        try:
            shown = _representation(value, method, mime)
        except Exception as error:  # shown to the reader, then the next one is tried
            failed.append(error)
            report = traceback.TracebackException.from_exception(error)
            _reader_frames(report)
            stderr(
                f"{type(value).__name__}.{method}() failed, so the value is shown "
                f"by its next representation:\n{''.join(report.format())}"
            )
            continue
        if shown is not None:
            return shown, failed
    return Display("text/plain", repr(value)), failed


def _shown(value: object) -> CellResult:
    """The result of a cell that finished with ``value``; a failing ``repr`` raises."""
    if value is None:
        return CellResult()
    shown, failed = _display(value, sys.stderr.write)
    return CellResult(value=value, display=(shown,), display_errors=tuple(failed))


def _failed(error: BaseException, filename: str, explain: Explain | None) -> CellResult:
    text, line = _format(error, filename, explain)
    return CellResult(error=error, traceback=text, line=line)


def _finish(coroutine: Coroutine[Any, Any, object]) -> object:
    """The value of a coroutine that never suspends (its cell does not await)."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    coroutine.close()
    raise RuntimeError("a cell that does not await suspended")


def _prepare(code: str, filename: str) -> _Compiled | BaseException:
    """Register the cell's source for tracebacks, then compile it (or return its SyntaxError)."""
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        return _compile(code, filename)
    except (SyntaxError, ValueError) as error:  # ValueError: a null byte in the source
        return error


def _run_natively(
    code: str, namespace: dict[str, Any], filename: str, explain: Explain | None
) -> CellResult:
    compiled = _prepare(code, filename)
    try:
        if isinstance(compiled, BaseException):
            raise compiled
        running = _evaluate(compiled, namespace)
        if compiled.awaits:
            import asyncio  # noqa: PLC0415 - only a cell that awaits needs an event loop

            value = asyncio.run(running)
        else:
            value = _finish(running)
        return _shown(value)
    except BaseException as error:  # every error of a cell is its result, Ctrl-C and exit() too
        return _failed(error, filename, explain)


def run_cell(
    code: str,
    namespace: dict[str, Any],
    filename: str,
    *,
    capture: bool = True,
    explain: Explain | None = None,
) -> CellResult:
    r"""Run a cell's ``code`` in ``namespace``; never raises what the cell raises.

    A cell that uses top-level ``await`` runs in a fresh ``asyncio.run`` loop
    (so this must not be called from a running loop: use `run_cell_async`).

    Args:
        code: The cell's source.
        namespace: The page's globals, shared by its cells in order.
        filename: The name tracebacks give the cell, such as ``"<cell 3>"``;
            it must start with ``<`` to count as the reader's code.
        capture: Collect stdout and stderr into the result (else they go
            where ``sys.stdout`` and ``sys.stderr`` go).
        explain: Replaces an exception by the one the traceback shows (its
            message rewritten for the reader), keeping its frames.

    Returns:
        A `CellResult`.

    Examples:
        >>> page = {"__name__": "__main__"}
        >>> run_cell("y = 2\nprint(y)\ny + 1", page, "<cell 1>").display
        (Display(mime='text/plain', data='3'),)
        >>> run_cell("y;", page, "<cell 2>").display
        ()
    """
    if not capture:
        return _run_natively(code, namespace, filename, explain)
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        result = _run_natively(code, namespace, filename, explain)
    return dataclasses.replace(result, stdout=stdout.getvalue(), stderr=stderr.getvalue())


async def run_cell_async(
    code: str,
    namespace: dict[str, Any],
    filename: str,
    *,
    explain: Explain | None = None,
    displaying: Displaying | None = None,
) -> CellResult:
    """Run a cell as `run_cell` does, awaiting its top-level ``await`` in the running loop.

    Nothing is captured: stdout and stderr go where ``sys.stdout`` and
    ``sys.stderr`` go (the browser streams them to the page as they come).

    Args:
        code: The cell's source.
        namespace: The page's globals.
        filename: The cell's name in tracebacks (``"<cell 3>"``).
        explain: As for `run_cell`.
        displaying: Called with a function that computes the display and
            with the cell's value, returns what that function returns (the
            browser's runner bounds the stack a ``repr`` may use there); an
            error it raises is the cell's, as the display's is.

    Returns:
        A `CellResult` with empty ``stdout`` and ``stderr``.
    """
    compiled = _prepare(code, filename)
    try:
        if isinstance(compiled, BaseException):
            raise compiled
        value = await _evaluate(compiled, namespace)
        if displaying is None:
            return _shown(value)
        return displaying(lambda: _shown(value), value)
    except BaseException as error:  # every error of a cell is its result, Stop too
        return _failed(error, filename, explain)
