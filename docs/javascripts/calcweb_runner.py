"""Runs the code of live cells inside Pyodide (loaded by calcweb-worker.js).

A cell runs through calcweb's cell executor (``calcweb/_cell.py``), exactly as
the site build and the docs tests run it: its last expression's value comes
back as display data, an error as a traceback that starts at the reader's code
with the line of the cell to highlight. What belongs to the browser stays here:
one namespace per page, keyed by the page's id; output streamed to the page as
it is printed (not captured); the explorable controls (``calcweb.slider``,
``calcweb.choice``): the page's current values go into a ``calcweb._controls``
session for the run, and the controls the run declared come back; and the
messages of errors a reader cannot act on as they stand (a package this offline
site does not host, memory); and ``time.sleep`` and ``input``, which Pyodide's
worker cannot give a cell as they are (`_without_a_console`); and a page's
``print`` and a cell's display, which run under a narrower bound on the C
stack (`_shown_safely`), so that a deeply nested list raises RecursionError there
instead of killing Pyodide.

The runner keeps itself safe from what cells change (`_Protected`): each
page's cells have their own builtins (``import builtins`` in a cell gets the
page's copy, so a patch lasts on that page only), and after each run the real
builtins and ``sys.stdin``, ``sys.stdout`` and ``sys.stderr`` are put back. On
a new page, calcweb's modules get their names back and the modules the cells
made or imported of calcweb are forgotten, so a monkeypatch of calcweb does not
follow the reader (the standard library's modules stay imported, as re-importing
them would cost the next page: a patch of one does follow).
"""

import builtins
import contextlib
import functools
import json
import math
import sys
import time
import types

from calcweb import _controls
from calcweb._cell import run_cell_async

_namespaces = {}

# Modules that are not on this site: the standard library and calcweb are.
_OFFLINE = (
    "{name} is not available on this page. The live cells run Python offline, "
    "with the standard library and calcweb only, and {name} would have to be "
    "downloaded from the internet, which needs a network connection this page "
    "does not use. Run this code on your own machine (pip install {name}) to use it."
)


class _Protected:
    """The state of the interpreter that a cell may change only for its page.

    Taken when the first run starts, so that the modules Pyodide imports to
    run a cell (its event loop) are counted as the runner's, not the reader's.
    """

    def __init__(self):
        self.builtins = dict(vars(builtins))
        self.streams = sys.stdin, sys.stdout, sys.stderr
        self.modules = set(sys.modules)
        # The standard library and the packages loaded by then (Pyodide's) stay across pages:
        # re-importing a module such as statistics costs the next page up to a second.
        self.shared = {name.partition(".")[0] for name in self.modules} | sys.stdlib_module_names
        self.calcweb = {
            name: dict(vars(module))
            for name, module in sys.modules.items()
            if name == "calcweb" or name.startswith("calcweb.")
        }

    def after_run(self):
        """Put back the real builtins and streams, whichever way a cell reached them."""
        _put_back(vars(builtins), self.builtins)
        sys.stdin, sys.stdout, sys.stderr = self.streams

    def new_page(self):
        """Forget the calcweb and reader's modules the last page imported, and calcweb's patches."""
        for name in set(sys.modules) - self.modules:
            package = name.partition(".")[0]
            if package == "calcweb" or package not in self.shared:
                del sys.modules[name]
        for name, names in self.calcweb.items():
            _put_back(vars(sys.modules[name]), names)


@functools.cache
def _protected():
    """The state the runner protects, taken once: when the first run starts."""
    return _Protected()


def _put_back(names, saved):
    """Make the dict ``names`` hold ``saved`` again, keeping the objects that did not change."""
    for name in names.keys() - saved.keys():
        del names[name]
    for name, value in saved.items():
        if names.get(name) is not value:
            names[name] = value


# Set by the worker (calcweb-worker.js): narrow the C stack a repr may use
# below where it starts, and widen it back (pyodide-adapter.js narrowCStack).
narrow_c_stack = widen_c_stack = None
_showing_now = []  # not empty while a value is shown: only the outermost show narrows

# The containers whose repr recurses in C keeping only ~31 bytes a level on
# the C stack (a Python __repr__, a deque's, a set's keep more), and how deep
# they may nest and still be shown under the run's bound after the narrower
# one refused them (the browser's stack held 2,000 levels).
_THIN_REPR = (list, tuple, dict)
_NESTING_UNBOUNDED = 1_000


def _nests_deeply(values):
    """Whether lists, tuples or dicts nest more than _NESTING_UNBOUNDED deep in ``values``.

    Walked only after a refusal: on every print it would slow a long list's.
    """
    pending = [(value, 1) for value in values]
    seen = set()
    while pending:
        value, depth = pending.pop()
        if not isinstance(value, _THIN_REPR) or id(value) in seen:
            continue
        if depth > _NESTING_UNBOUNDED:
            return True
        seen.add(id(value))
        items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        pending.extend((item, depth + 1) for item in items)
    return False


def _shown_safely(show, values):
    """What ``show()`` returns (it shows ``values``: print's, a cell's display), computed safely.

    A deeply nested list's repr overflows the browser's stack (Pyodide dies)
    before the run's bound on the C stack stops it: it runs first under a
    narrower bound, where it raises RecursionError as native CPython does. A
    refusal there for any other reason (a deep Python __repr__ keeps hundreds
    of bytes a level) is retried under the run's bound, which stops those in
    time and lets them go deeper.
    """
    if narrow_c_stack is None or _showing_now:
        return show()
    _showing_now.append(True)
    narrow_c_stack()
    try:
        return show()
    except RecursionError:
        if _nests_deeply(values):
            raise
    finally:
        widen_c_stack()
        _showing_now.pop()
    return show()


def _print(*args, **kwargs):
    texts = _shown_safely(lambda: [str(arg) for arg in args], args)
    _protected().builtins["print"](*texts, **kwargs)


def _display(show, value):
    return _shown_safely(show, (value,))


def _page_builtins():
    """A page's own builtins module: its cells' names, and what `import builtins` gives them."""
    page = types.ModuleType("builtins", builtins.__doc__)
    vars(page).update(_protected().builtins)
    real_import = _protected().builtins["__import__"]

    def import_(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "builtins" and level == 0:
            return page
        return real_import(name, globals, locals, fromlist, level)

    page.__import__ = import_
    page.input = _no_input
    page.print = functools.wraps(builtins.print)(_print)
    return page


def _namespace(key):
    if key not in _namespaces:
        if _namespaces:  # one page at a time: a new page starts fresh
            _namespaces.clear()
            _protected().new_page()
        _namespaces[key] = {"__name__": "__main__", "__builtins__": _page_builtins()}
    return _namespaces[key]


def _explain(error):
    """Replace the message of errors a reader cannot act on as they stand."""
    if isinstance(error, ModuleNotFoundError) and error.name:
        name = error.name.partition(".")[0]
        return ModuleNotFoundError(_OFFLINE.format(name=name), name=error.name)
    if isinstance(error, RecursionError):
        return RecursionError(
            f"{error}. In the browser Python's stack is smaller than on a computer: a "
            "recursion that runs through functions written in C can stop far sooner than "
            "one in plain Python (about 1,000 levels): through a sort's key by 100 levels, "
            "through functools.lru_cache or map by 200, through pickle by 600 (measured in "
            "Chromium). Write it as a loop, or recurse less deeply."
        )
    if isinstance(error, MemoryError):
        return MemoryError(
            "Python ran out of memory in the browser. Work with smaller data; "
            "the variables of earlier cells are still there."
        )
    return error


def _sleep(seconds):
    """time.sleep for a cell: Pyodide's needs WebAssembly stack switching.

    A cell's run does not get that (Pyodide's raised "RuntimeError: WebAssembly
    stack switching not supported"; current browsers have it). This waits in this
    worker (never the page), and Stop interrupts it.
    """
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(f"time.sleep needs a number of seconds, not {type(seconds).__name__}")
    if math.isnan(seconds):
        raise ValueError("Invalid value NaN (not a number)")  # time.sleep's own words
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def _no_input(prompt=""):  # noqa: ARG001 - input's signature
    """input() for a cell: a live cell has no keyboard to read from."""
    raise EOFError(
        "input() cannot read anything in a live cell: the page has no console to type "
        "into. Assign the value in the code instead (n = 5 rather than n = int(input()))"
    )


@contextlib.contextmanager
def _without_a_console():
    """time.sleep and input as a cell can have them, while it runs."""
    saved = time.sleep, builtins.input
    time.sleep, builtins.input = _sleep, _no_input
    try:
        yield
    finally:
        time.sleep, builtins.input = saved


async def run(key, code, filename, values="{}"):
    """Run ``code`` in the namespace ``key``; return a dict for the page.

    ``values`` is the JSON of the page's control values by label (protocol.js
    RunRequest.controls); the reply lists the controls the run declared, also
    when it raised (those declared before the error).
    """
    protected = _protected()
    try:
        with _controls.session(json.loads(values)) as declared, _without_a_console():
            result = await run_cell_async(
                code, _namespace(key), filename, explain=_explain, displaying=_display
            )
    finally:
        protected.after_run()
        sys.stdout.flush()
        sys.stderr.flush()
    controls = [control.as_dict() for control in declared]
    if result.ok:
        display = [shown._asdict() for shown in result.display]
        return {"ok": True, "display": display, "controls": controls}
    return {
        "ok": False,
        "display": [],
        "error": result.traceback,
        "line": result.line,
        "controls": controls,
    }
