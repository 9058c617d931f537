"""Rich and safe output, tracebacks, offline imports, memory errors, Copy —
on one booted page (``shared_page``), so Python boots once for this module."""

from __future__ import annotations

import base64
import struct
import zlib

from playwright.sync_api import Page, expect

from .test_live_cells import cell, output, run_cell, set_code

HOSTILE_HTML = (
    "<p id='hostile'>hello<script>window.__pwned = 1</script>"
    "<img src=x onerror='window.__pwned = 2'>"
    "<a href='javascript:window.__pwned = 3'>link</a>"
    "<iframe src='https://example.org/'></iframe>"
    "<form action='https://example.org/'><input name=q></form>"
    "<style>@import url(https://example.org/x.css);</style>"
    "<b style='background: url(https://example.org/bg.png)'>bold</b>"
    "<img src='https://example.org/pixel.png' alt='tracker'>"
    "<details open ontoggle='window.__pwned = 4'>d</details></p>"
)
HOSTILE_SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' "
    "onload='window.__pwned = 5' width='20' height='20'>"
    "<script>window.__pwned = 6</script>"
    "<image href='https://example.org/i.png' width='5' height='5'/>"
    "<use xlink:href='https://example.org/s.svg#a'/>"
    "<a href='javascript:window.__pwned = 7'><circle id='dot' r='5' onclick='x()'/></a>"
    "<foreignObject><iframe src='https://example.org/'></iframe></foreignObject>"
    "<animate attributeName='href' to='javascript:alert(1)'/>"
    "</svg>"
)


def png_1x1() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def run_in_cell(page: Page, code: str, state: str = "done") -> str:
    set_code(page, 0, code)
    return run_cell(page, 0, state)


def test_hostile_html_and_svg_are_sanitised(shared_page: Page) -> None:
    page = shared_page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    code = (
        "class Evil:\n"
        f"    def _repr_html_(self): return {HOSTILE_HTML!r}\n"
        "class EvilSvg:\n"
        f"    def _repr_svg_(self): return {HOSTILE_SVG!r}\n"
    )
    run_in_cell(page, code + "Evil()")
    box = cell(page, 0).locator(".calcweb-display")
    expect(box.locator("#hostile")).to_contain_text("hello")
    run_in_cell(page, code + "EvilSvg()")
    expect(box.locator("svg circle")).to_have_count(1)
    page.wait_for_timeout(300)
    # Both outputs once more, side by side, to inspect the DOM they left.
    run_in_cell(page, code + "print('x')\nEvil()")
    html = box.inner_html()
    run_in_cell(page, code + "EvilSvg()")
    svg = box.inner_html()
    for markup in (html, svg):
        lowered = markup.lower()
        for forbidden in (
            "<script",
            "onerror",
            "onload",
            "onclick",
            "ontoggle",
            "javascript:",
            "<iframe",
            "<form",
            "<style",
            "example.org",
            "foreignobject",
        ):
            assert forbidden not in lowered, (forbidden, markup)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []


def test_rich_reprs_svg_html_latex_png(shared_page: Page) -> None:
    page = shared_page
    png = base64.b64encode(png_1x1()).decode()
    run_in_cell(
        page,
        "class S:\n    def _repr_svg_(self):\n"
        '        return \'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
        '<title>a dot</title><circle r="4" cx="4" cy="4"/></svg>\'\nS()',
    )
    display = cell(page, 0).locator(".calcweb-display")
    expect(display.locator("svg")).to_have_count(1)
    run_in_cell(page, "class T:\n    def _repr_latex_(self): return r'$$\\frac{a}{b}$$'\nT()")
    expect(display.locator(".katex .mfrac")).to_have_count(1)
    run_in_cell(
        page,
        "class H:\n    def _repr_html_(self): return '<table><tr><td>42</td></tr></table>'\nH()",
    )
    expect(display.locator("table td")).to_have_text("42")
    run_in_cell(
        page,
        f"import base64\nclass P:\n    def _repr_png_(self): return base64.b64decode({png!r})\nP()",
    )
    img = display.locator("img")
    expect(img).to_have_count(1)
    assert img.evaluate("i => i.complete && i.naturalWidth") == 1


def test_traceback_shows_the_cell_lines_and_highlights_the_error_line(shared_page: Page) -> None:
    page = shared_page
    text = run_in_cell(page, "a = 1\nb = 0\nc = a / b\nprint(c)", state="error")
    assert 'File "<cell 1>", line 3' in text
    assert "ZeroDivisionError" in text
    for internal in ("_pyodide", "calcweb_runner", "eval_code", "pyodide/"):
        assert internal not in text
    marked = cell(page, 0).locator(".cm-line.calcweb-error-line")
    expect(marked).to_have_count(1)
    expect(marked).to_have_text("c = a / b")
    # A syntax error points at its line too; an edit clears the highlight.
    run_in_cell(page, "x = 1\ny = (\n", state="error")
    assert "SyntaxError" in output(page, 0)
    expect(marked).to_have_count(1)
    set_code(page, 0, "x = 1")
    expect(marked).to_have_count(0)


def test_a_package_the_site_does_not_host_needs_a_network_connection(shared_page: Page) -> None:
    page = shared_page
    text = run_in_cell(page, "import numpy", state="error")
    assert "ModuleNotFoundError" in text
    assert "numpy is not available on this page" in text
    assert "network connection" in text
    result = page.evaluate("window.calcweb.run('import scipy.linalg')")
    assert result["ok"] is False
    assert "scipy is not available" in result["stderr"]
    # The standard library and calcweb are there.
    assert page.evaluate("window.calcweb.run('import json, fractions, calcweb')")["ok"] is True


def test_memory_error_gives_a_message_and_python_keeps_working(shared_page: Page) -> None:
    page = shared_page
    assert page.evaluate("window.calcweb.run('kept = 7')")["ok"] is True
    text = run_in_cell(page, "big = [None] * 2**30", state="error")
    assert "MemoryError" in text
    assert "ran out of memory" in text
    assert page.evaluate("window.calcweb.run('kept')")["display"][0]["data"] == "7"


def test_copy_puts_the_code_on_the_clipboard(shared_page: Page) -> None:
    page = shared_page
    set_code(page, 0, "print('copied code')")
    button = cell(page, 0).locator("button.calcweb-copy")
    button.click()
    expect(button).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == "print('copied code')"
    expect(button).to_have_text("Copy", timeout=5_000)


def test_stdout_is_streamed_while_the_cell_runs_in_order_with_stderr(shared_page: Page) -> None:
    page = shared_page
    set_code(
        page,
        0,
        "import sys, time\n"
        "print('one')\n"
        "print('two', file=sys.stderr)\n"
        "print('three')\n"
        "end = time.time() + 1.5\n"
        "while time.time() < end:\n"
        "    pass\n"
        "print('four')",
    )
    cell(page, 0).locator("button.calcweb-run").click()
    out = cell(page, 0).locator(".calcweb-output")
    expect(out).to_contain_text("three", timeout=60_000)
    # Seen while the loop still runs, not only at the end.
    assert cell(page, 0).get_attribute("data-state") == "running"
    assert "four" not in out.inner_text()
    expect(cell(page, 0)).to_have_attribute("data-state", "done")
    spans = out.locator(".calcweb-streams > span")
    assert [spans.nth(i).get_attribute("data-stream") for i in range(spans.count())] == [
        "stdout",
        "stderr",
        "stdout",
    ]
    assert out.inner_text() == "one\ntwo\nthree\nfour\n"


def test_falsy_values_are_displayed_and_none_is_not(shared_page: Page) -> None:
    page = shared_page
    for code, shown in (("0", "0"), ("False", "False"), ("''", "''"), ("[]", "[]")):
        set_code(page, 0, code)
        assert run_cell(page, 0) == shown
    set_code(page, 0, "None")
    run_cell(page, 0)
    assert cell(page, 0).locator(".calcweb-output").inner_html() == ""


SHOWN_MOST = 100_000  # characters of each stream a cell shows (calcweb.js)


def test_after_a_flood_of_output_the_traceback_shows_whole_below_the_scrolling_box(
    shared_page: Page,
) -> None:
    page = shared_page
    set_code(page, 0, "for i in range(20_000):\n    print('line', i)\nraise ValueError('the end')")
    run_cell(page, 0, state="error")
    out = cell(page, 0).locator(".calcweb-output")
    # The printout is cut mid-line: the cut ends its line, marked.
    printed = "".join(f"line {i}\n" for i in range(20_000))[:SHOWN_MOST]
    assert not printed.endswith("\n")
    assert out.locator("pre.calcweb-streams").text_content() == printed + "…\n"
    # The traceback is not at the bottom of the scrolling box but below it and its note.
    error = out.locator("pre.calcweb-error")
    assert error.text_content().endswith("ValueError: the end\n")
    assert out.evaluate("o => [...o.children].map(e => e.className)") == [
        "calcweb-streams",
        "calcweb-truncated",
        "calcweb-error",
    ]


def test_a_traceback_shows_even_after_the_stderr_shown_is_used_up(shared_page: Page) -> None:
    page = shared_page
    set_code(
        page,
        0,
        f"import sys\nprint('x' * {SHOWN_MOST - 1})\nprint('y')\n"
        f"sys.stderr.write('e' * {2 * SHOWN_MOST})\n1 / 0",
    )
    run_cell(page, 0, state="error")
    out = cell(page, 0).locator(".calcweb-output")
    # stdout is cut at a line's end (no mark), stderr mid-line (marked).
    shown = "x" * (SHOWN_MOST - 1) + "\n" + "e" * SHOWN_MOST + "…\n"
    assert out.locator("pre.calcweb-streams").text_content() == shown
    expect(out.locator("pre.calcweb-error")).to_contain_text("ZeroDivisionError")
    # calcweb.run's stderr still ends with the traceback.
    result = page.evaluate("window.calcweb.run('print(1, end=\"\")\\n1 / 0')")
    assert result["stdout"] == "1"
    assert result["stderr"].startswith("Traceback")
    assert "ZeroDivisionError" in result["error"]
    assert result["error"] == result["stderr"]  # nothing else went to stderr


def test_a_stream_cut_after_the_other_stream_printed_still_ends_its_line_marked(
    shared_page: Page,
) -> None:
    page = shared_page
    # stdout's shown text ends mid-line; stderr prints; then stdout's next text is cut whole.
    set_code(
        page,
        0,
        f"import sys\nsys.stdout.write('x' * {SHOWN_MOST})\nsys.stdout.flush()\n"
        "sys.stderr.write('warning\\n')\nsys.stderr.flush()\nprint('hidden')",
    )
    run_cell(page, 0)
    streams = cell(page, 0).locator(".calcweb-output pre.calcweb-streams")
    assert streams.text_content() == "x" * SHOWN_MOST + "warning\n" + "…\n"
    assert streams.locator("span").evaluate_all("spans => spans.map(s => s.className)") == [
        "calcweb-stdout",
        "calcweb-stderr",
        "calcweb-stdout",
    ]
