"""Runs the code of live cells inside Pyodide (loaded by calcweb-worker.js).

Each page gets its own namespace, keyed by the page's id; the value of a cell's
last expression is returned as display data, preferring the richest
representation an object offers. Errors come back as a traceback that starts
at the reader's code, with the line of the cell to highlight.
"""

import base64
import linecache
import sys
import traceback

from pyodide.code import eval_code_async

_namespaces = {}

# Modules that are not on this site: the standard library and calcweb are.
_OFFLINE = (
    "{name} is not available on this page. The live cells run Python offline, "
    "with the standard library and calcweb only, and {name} would have to be "
    "downloaded from the internet, which needs a network connection this page "
    "does not use. Run this code on your own machine (pip install {name}) to use it."
)


def _namespace(key):
    if key not in _namespaces:
        _namespaces.clear()  # one page at a time: a new page starts fresh
        _namespaces[key] = {"__name__": "__main__"}
    return _namespaces[key]


def _display(value):
    if value is None:
        return []
    for method, mime in (
        ("_repr_svg_", "image/svg+xml"),
        ("_repr_html_", "text/html"),
        ("_repr_latex_", "text/latex"),
        ("_repr_png_", "image/png"),
    ):
        render = getattr(value, method, None)
        if callable(render):
            try:
                data = render()
            except Exception:  # noqa: S112 - a broken repr should not hide the value
                continue
            if mime == "image/png" and isinstance(data, bytes):
                return [{"mime": mime, "data": base64.b64encode(data).decode("ascii")}]
            if isinstance(data, str):
                return [{"mime": mime, "data": data}]
    return [{"mime": "text/plain", "data": repr(value)}]


def _explain(error):
    """Replace the message of errors a reader cannot act on as they stand."""
    if isinstance(error, ModuleNotFoundError) and error.name:
        name = error.name.partition(".")[0]
        return ModuleNotFoundError(_OFFLINE.format(name=name), name=error.name)
    if isinstance(error, MemoryError):
        return MemoryError(
            "Python ran out of memory in the browser. Work with smaller data; "
            "the variables of earlier cells are still there."
        )
    return error


def _traceback(error, filename):
    """The traceback from the first frame of the reader's code on, and its error line."""
    frames = traceback.extract_tb(error.__traceback__)
    keep = [i for i, frame in enumerate(frames) if frame.filename == filename]
    tb = error.__traceback__
    for _ in range(keep[0] if keep else len(frames)):
        tb = tb.tb_next
    line = frames[keep[-1]].lineno if keep else 0
    if isinstance(error, SyntaxError) and error.filename == filename:
        line = error.lineno or 0
    shown = _explain(error)
    report = traceback.TracebackException(type(shown), shown, tb)
    # Only the reader's code (cells, <calcweb.run>): not the frames inside calcweb.
    report.stack = traceback.StackSummary.from_list(
        [frame for frame in report.stack if frame.filename.startswith("<")]
    )
    return "".join(report.format()), line


async def run(key, code, filename):
    """Run ``code`` in the namespace ``key``; return a dict for the page."""
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    namespace = _namespace(key)
    try:
        value = await eval_code_async(code, namespace, filename=filename)
        return {"ok": True, "display": _display(value)}
    except BaseException as error:  # every error, KeyboardInterrupt too, belongs in the cell
        text, line = _traceback(error, filename)
        return {"ok": False, "display": [], "error": text, "line": line}
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
