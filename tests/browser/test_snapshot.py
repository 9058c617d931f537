"""Python starts from the memory snapshot made at build time, and that Python
is the one a fresh start gives: same paths, environment and calcweb, its own
random numbers, calcweb's source files in place. Without a usable snapshot
(missing, or corrupt) Python starts afresh."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable

from playwright.sync_api import Page

from .conftest import Server
from .test_live_cells import expected_first_output, run_cell

SNAPSHOT = "**/pyodide/snapshot-*.gz"

# What a reader's code can see of how Python started. LANG is left out: a
# fresh start takes it from the browser's language, the snapshot has C.UTF-8
# (both UTF-8).
PROBE = """
import calcweb, fractions, inspect, json, os, random, sys
env = {k: v for k, v in os.environ.items() if k != "LANG"}
print(json.dumps({
    "path": sys.path, "env": env, "executable": sys.executable, "argv": sys.argv,
    "cwd": os.getcwd(), "recursion": sys.getrecursionlimit(),
    "encoding": [sys.getfilesystemencoding(), sys.stdout.encoding],
    "calcweb": calcweb.__version__, "file": calcweb.__file__,
    "source": inspect.getsource(calcweb.derivative).splitlines()[0],
    "fraction": str(fractions.Fraction(1, 3) + fractions.Fraction(1, 6)),
    "random": random.random(),
}))
"""


def probe(page: Page) -> dict[str, object]:
    page.evaluate("window.calcweb.ready")
    result = page.evaluate("(code) => window.calcweb.run(code)", PROBE)
    assert result["ok"], result["stderr"]
    return dict(json.loads(result["stdout"]))


def started(page: Page) -> dict[str, object]:
    return dict(page.evaluate("window.calcweb.python"))


def test_python_from_the_snapshot_is_a_freshly_started_python(
    make_page: Callable[..., Page], server: Server
) -> None:
    snapshot_pages = [make_page(), make_page()]
    for page in snapshot_pages:
        page.goto(server.base)
    restored = [probe(page) for page in snapshot_pages]
    assert [started(page)["fromSnapshot"] for page in snapshot_pages] == [True, True]

    fresh_page = make_page()
    fresh_page.route(SNAPSHOT, lambda route: route.fulfill(status=404, body="not built"))
    fresh_page.goto(server.base)
    fresh = probe(fresh_page)
    assert started(fresh_page)["fromSnapshot"] is False

    # Each reader draws their own random numbers (the snapshot's state is reseeded).
    assert restored[0].pop("random") != restored[1].pop("random")
    fresh.pop("random")
    assert restored[0] == restored[1] == fresh
    assert fresh["source"] == "def derivative("


def test_a_corrupt_snapshot_falls_back_to_a_fresh_start(page: Page, server: Server) -> None:
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text))
    corrupt = gzip.compress(b"not a memory image")
    page.route(SNAPSHOT, lambda route: route.fulfill(status=200, body=corrupt))
    page.goto(server.base)
    assert run_cell(page, 0).strip() == expected_first_output()
    assert started(page)["fromSnapshot"] is False
    assert any("could not start from its snapshot" in text for text in warnings), warnings
