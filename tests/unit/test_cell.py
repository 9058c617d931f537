"""calcweb._cell, the one executor of live cells (browser, build and docs tests).

Runs natively and inside Pyodide (tools/pyodide-pytest.mjs), so each rule is
checked in both runtimes.
"""

from __future__ import annotations

import asyncio
import base64
import sys
from collections.abc import Callable
from typing import Any

import pytest

from calcweb._cell import CellResult, Display, run_cell, run_cell_async

# Pyodide's event loop is the browser's: it cannot be run to completion from
# synchronous code (asyncio.run), so the await tests run natively only; the
# browser awaits cells through run_cell_async.
needs_a_blocking_loop = pytest.mark.skipif(
    sys.platform == "emscripten", reason="asyncio.run needs a loop that can block"
)
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><title>t</title></svg>'


def page() -> dict[str, Any]:
    return {"__name__": "__main__"}


def run(
    code: str, namespace: dict[str, Any] | None = None, filename: str = "<cell 1>"
) -> CellResult:
    return run_cell(code, page() if namespace is None else namespace, filename)


# ------------------------------------------------------------------ namespace and order


def test_cells_share_the_page_namespace_in_order() -> None:
    namespace = page()
    assert run("x = 6", namespace).ok
    assert run("def f():\n    return x * 7", namespace, "<cell 2>").ok
    assert run("f()", namespace, "<cell 3>").value == 42
    assert namespace["__name__"] == "__main__"
    assert run("x", page()).error.__class__ is NameError  # another page: a fresh namespace


def test_the_cell_is_dedented_and_not_given_the_executors_future_imports() -> None:
    assert run("    a = 2\n    a + 1").value == 3
    # The executor has `from __future__ import annotations`; a cell must not inherit it.
    result = run("def f(x: int) -> None: pass\nf.__annotations__['x']")
    assert result.value is int


# ------------------------------------------------------------------ last expression


def test_the_last_expression_is_the_value_unless_a_semicolon_ends_the_cell() -> None:
    assert run("1 + 1").value == 2
    assert run("1 + 1").display == (Display("text/plain", "2"),)
    quiet = run("1 + 1;")
    assert quiet.value is None
    assert quiet.display == ()
    assert run("1 + 1  # a comment; not a semicolon").value == 2
    assert run("y = 3\ny ;  # quiet\n\n").display == ()
    assert run("x = 1").display == ()  # a statement shows nothing
    assert run("None").display == ()
    assert run("0").display == (Display("text/plain", "0"),)  # falsy values are shown
    assert run("").ok


def test_an_expression_evaluated_once() -> None:
    namespace = page()
    run("calls = []\ndef f():\n    calls.append(1)\n    return len(calls)", namespace)
    assert run("f()", namespace).value == 1
    assert namespace["calls"] == [1]


# ------------------------------------------------------------------ top-level await


@needs_a_blocking_loop
def test_top_level_await_natively() -> None:
    namespace = page()
    result = run(
        "import asyncio\nawait asyncio.sleep(0)\nx = 5\nawait asyncio.sleep(0, x * 2)", namespace
    )
    assert result.ok, result.traceback
    assert result.value == 10
    assert namespace["x"] == 5
    # Awaited in a statement, not the last expression.
    assert run("import asyncio\nv = await asyncio.sleep(0, 'v')\nv").value == "v"


def test_a_coroutine_value_is_shown_not_awaited() -> None:
    result = run("async def g():\n    return 1\nc = g()\nc")
    assert result.value is not None
    assert result.display[0].data.startswith("<coroutine object")
    result.value.close()  # type: ignore[attr-defined]


@needs_a_blocking_loop
def test_top_level_await_in_the_running_loop() -> None:
    async def main() -> tuple[CellResult, CellResult]:
        namespace = page()
        first = await run_cell_async(
            "import asyncio\nloop = asyncio.get_running_loop()\nawait asyncio.sleep(0, 7)",
            namespace,
            "<cell 1>",
        )
        return first, await run_cell_async("1 / 0", namespace, "<cell 2>")

    first, second = asyncio.run(main())
    assert first.value == 7
    assert first.stdout == ""  # nothing captured: the browser streams it
    assert isinstance(second.error, ZeroDivisionError)
    assert 'File "<cell 2>", line 1' in second.traceback


@needs_a_blocking_loop
def test_the_display_is_computed_through_displaying_and_its_error_is_the_cells() -> None:
    inside: list[bool] = []  # [True] while displaying computes the display
    seen: dict[str, object] = {}

    def displaying(show: Callable[[], CellResult], value: object) -> CellResult:
        seen["value"] = value
        inside.append(True)
        try:
            return show()
        finally:
            inside.pop()

    class Refuses:
        def __repr__(self) -> str:
            seen["repr"] = bool(inside)
            raise RecursionError("too deep to show")

    namespace = page()
    namespace.update(Refuses=Refuses, note=lambda: seen.update(code=bool(inside)))
    cell = run_cell_async("note()\nRefuses()", namespace, "<c>", displaying=displaying)
    result = asyncio.run(cell)
    assert seen["code"] is False  # the display only, not the cell's code
    assert seen["repr"] is True
    assert isinstance(seen["value"], Refuses)
    assert isinstance(result.error, RecursionError)
    assert result.traceback.endswith("RecursionError: too deep to show\n")


# ------------------------------------------------------------------ streams


def test_stdout_and_stderr_are_captured_natively() -> None:
    result = run("import sys\nprint('out')\nprint('err', file=sys.stderr)\n1 / 0")
    assert result.stdout == "out\n"
    assert result.stderr == "err\n"
    assert not result.ok


def test_without_capture_the_streams_go_to_sys(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cell("print('live')", page(), "<cell 1>", capture=False)
    assert result.stdout == ""
    assert capsys.readouterr().out == "live\n"


# ------------------------------------------------------------------ display rules


def rich(methods: str) -> str:
    return f"class V:\n{methods}\n    def __repr__(self): return 'V()'\nV()"


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        (
            "    def _repr_svg_(self): return SVG\n    def _repr_html_(self): return '<b>h</b>'",
            Display("image/svg+xml", SVG),
        ),
        (
            (
                "    def _repr_html_(self): return '<b>h</b>'\n"
                "    def _repr_latex_(self): return '$x$'"
            ),
            Display("text/html", "<b>h</b>"),
        ),
        (
            "    def _repr_latex_(self): return '$x$'\n    def _repr_png_(self): return b'P'",
            Display("text/latex", "$x$"),
        ),
        ("    def _repr_png_(self): return b'\\x89PNG'", Display("image/png", "iVBORw==")),
        ("    def _repr_png_(self): return 'iVBORw=='", Display("image/png", "iVBORw==")),
        ("    pass", Display("text/plain", "V()")),
    ],
    ids=["svg-first", "html-before-latex", "latex-before-png", "png-bytes", "png-base64", "repr"],
)
def test_the_richest_representation_is_shown(methods: str, expected: Display) -> None:
    result = run_cell(rich(methods), {"__name__": "__main__", "SVG": SVG}, "<cell 1>")
    assert result.ok, result.traceback
    assert result.display == (expected,)
    assert result.display_errors == ()
    assert result.stderr == ""
    assert base64.b64encode(b"\x89PNG").decode() == "iVBORw=="


def test_a_repr_that_returns_none_offers_nothing_and_is_skipped_quietly() -> None:
    result = run(
        rich("    def _repr_svg_(self): return None\n    def _repr_html_(self): return '<i>'")
    )
    assert result.display == (Display("text/html", "<i>"),)
    assert result.stderr == ""
    assert result.display_errors == ()


def test_a_repr_that_raises_falls_back_to_the_next_and_says_why() -> None:
    code = rich(
        "    def _repr_svg_(self):\n"
        "        raise ValueError('no figure for you')\n"
        "    def _repr_latex_(self): return '$y$'"
    )
    result = run(code)
    assert result.ok  # the cell itself worked
    assert result.display == (Display("text/latex", "$y$"),)
    (error,) = result.display_errors
    assert isinstance(error, ValueError)
    assert "V._repr_svg_() failed" in result.stderr
    assert "ValueError: no figure for you" in result.stderr
    assert 'File "<cell 1>", line 3, in _repr_svg_' in result.stderr  # the reader's frame
    assert "_cell.py" not in result.stderr


def test_a_repr_of_the_wrong_type_falls_back_and_says_so() -> None:
    result = run(rich("    def _repr_html_(self): return 42"))
    assert result.display == (Display("text/plain", "V()"),)
    (error,) = result.display_errors
    assert isinstance(error, TypeError)
    assert "_repr_html_() returned int, not str" in result.stderr


def test_every_failing_repr_is_noted_then_repr_is_used() -> None:
    code = rich(
        "    def _repr_svg_(self): raise KeyError('svg')\n"
        "    def _repr_png_(self): raise OSError('png')"
    )
    result = run(code)
    assert [type(e) for e in result.display_errors] == [KeyError, OSError]
    assert result.display == (Display("text/plain", "V()"),)


def test_a_failing_plain_repr_is_the_cells_error() -> None:
    result = run("class W:\n    def __repr__(self):\n        raise RuntimeError('no repr')\nW()")
    assert isinstance(result.error, RuntimeError)
    assert result.display == ()
    assert 'File "<cell 1>", line 3, in __repr__' in result.traceback


def test_a_stop_while_rendering_is_not_swallowed_by_the_fallback() -> None:
    result = run(rich("    def _repr_svg_(self): raise KeyboardInterrupt"))
    assert isinstance(result.error, KeyboardInterrupt)
    assert result.display == ()


# ------------------------------------------------------------------ errors and tracebacks


def test_the_traceback_starts_at_the_reader_and_keeps_only_the_readers_frames() -> None:
    namespace = page()
    run("import json\ndef parse(text):\n    return json.loads(text)", namespace)
    result = run("a = 1\nparse('{')", namespace, "<cell 2>")
    assert isinstance(result.error, ValueError)
    text = result.traceback
    assert text.startswith("Traceback (most recent call last):\n")
    assert 'File "<cell 2>", line 2, in <module>' in text
    assert 'File "<cell 1>", line 3, in parse' in text  # an earlier cell's frame is the reader's
    for internal in ("_cell.py", "json/decoder.py", "json/__init__.py", "asyncio"):
        assert internal not in text, internal
    assert text.rstrip().endswith("line 1 column 2 (char 1)")
    assert result.line == 2


def test_frames_are_trimmed_in_the_chain_too() -> None:
    code = (
        "import json\ntry:\n    json.loads('{')\n"
        "except ValueError as e:\n    raise KeyError('k') from e"
    )
    text = run(code).traceback
    assert "direct cause" in text
    assert "json/decoder.py" not in text
    assert text.count('File "<cell 1>"') == 2


def test_the_error_line_is_the_last_frame_in_the_cell() -> None:
    result = run("def f():\n    return 1 / 0\n\nf()")
    assert result.line == 2
    assert 'File "<cell 1>", line 4, in <module>' in result.traceback


def test_a_syntax_error_points_at_its_line() -> None:
    result = run("x = 1\ny = (\n")
    assert isinstance(result.error, SyntaxError)
    assert result.line == 2
    assert "_cell.py" not in result.traceback
    assert 'File "<cell 1>", line 2' in result.traceback


def test_a_null_byte_is_the_cells_error() -> None:
    result = run("x = 1\x00")
    assert isinstance(result.error, (SyntaxError, ValueError))


@pytest.mark.parametrize("code", ["raise SystemExit(3)", "raise KeyboardInterrupt"])
def test_exit_and_interrupt_belong_to_the_cell(code: str) -> None:
    result = run(code)
    assert not result.ok
    assert code.split()[1].split("(", maxsplit=1)[0] in result.traceback


def test_an_error_after_output_keeps_the_output() -> None:
    result = run("print('before')\nraise ValueError('v')")
    assert result.stdout == "before\n"
    assert result.value is None
    assert result.traceback.rstrip().endswith("ValueError: v")


def test_explain_rewrites_the_message_but_keeps_the_frames() -> None:
    def explain(error: BaseException) -> BaseException:
        if isinstance(error, ZeroDivisionError):
            return ZeroDivisionError("explained for the reader")
        return error

    result = run_cell("x = 0\n1 / x", page(), "<cell 1>", explain=explain)
    assert isinstance(result.error, ZeroDivisionError)
    assert str(result.error) == "division by zero"  # the result keeps the real error
    assert "ZeroDivisionError: explained for the reader" in result.traceback
    assert 'File "<cell 1>", line 2' in result.traceback


def test_the_source_is_registered_for_tracebacks() -> None:
    result = run("def f():\n    raise ValueError('x')\nf()", filename="<cell 9>")
    assert "    raise ValueError('x')" in result.traceback


def test_sys_streams_are_restored_after_a_cell() -> None:
    stdout, stderr = sys.stdout, sys.stderr
    run("import sys\nprint('x')\n1 / 0")
    assert (sys.stdout, sys.stderr) == (stdout, stderr)
