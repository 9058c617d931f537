"""Runs the code of live cells inside Pyodide (loaded by calcweb-worker.js).

Each page gets its own namespace, keyed by the page's id; the value of a cell's
last expression is returned as display data, preferring the richest
representation an object offers.
"""

import linecache
import sys
import traceback

from pyodide.code import eval_code_async

_namespaces = {}


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
    ):
        render = getattr(value, method, None)
        if callable(render):
            try:
                data = render()
            except Exception:  # noqa: S112 - a broken repr should not hide the value
                continue
            if isinstance(data, str):
                return [{"mime": mime, "data": data}]
    return [{"mime": "text/plain", "data": repr(value)}]


def _traceback(error, filename):
    """The traceback from the first frame of the reader's code on."""
    frames = traceback.extract_tb(error.__traceback__)
    keep = [i for i, frame in enumerate(frames) if frame.filename == filename]
    tb = error.__traceback__
    if keep:
        for _ in range(keep[0]):
            tb = tb.tb_next
        error = error.with_traceback(tb)
    else:
        error = error.with_traceback(None)
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


async def run(key, code, filename):
    """Run ``code`` in the namespace ``key``; return a dict for the page."""
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    namespace = _namespace(key)
    try:
        value = await eval_code_async(code, namespace, filename=filename)
        return {"ok": True, "display": _display(value)}
    except BaseException as error:  # every error, KeyboardInterrupt too, belongs in the cell
        return {"ok": False, "display": [], "error": _traceback(error, filename)}
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
