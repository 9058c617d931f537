"""Python starts from the memory snapshot made at build time, and that Python
is the one a fresh start gives: same paths, environment, time zone and
calcweb, its own random numbers, calcweb's source files in place. Without a
usable snapshot (missing, made for another build, corrupt, truncated,
stalled) Python starts afresh and says why in the console."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Route

from .conftest import Server
from .test_live_cells import HeldRequest, expected_first_output, run_cell

SNAPSHOT = "**/pyodide/snapshot-*.gz"
MANIFEST = "**/pyodide/snapshot.json"
# The build runs in UTC with no language: a reader elsewhere must not get those.
READER = {"timezone_id": "America/New_York", "locale": "de-DE"}

# What a reader's code can see of how Python started.
PROBE = """
import calcweb, fractions, inspect, json, locale, os, random, sys, time
print(json.dumps({
    "path": sys.path, "env": dict(os.environ), "executable": sys.executable,
    "argv": sys.argv, "cwd": os.getcwd(), "recursion": sys.getrecursionlimit(),
    "encoding": [sys.getfilesystemencoding(), sys.stdout.encoding],
    "locale": [locale.getlocale(), locale.setlocale(locale.LC_CTYPE)],
    "zone": [time.tzname, time.timezone, time.altzone, time.daylight,
             time.strftime("%Z", time.localtime(0)), time.localtime(0).tm_hour],
    "calcweb": calcweb.__version__, "file": calcweb.__file__,
    "source": [line for line in inspect.getsource(calcweb.derivative).splitlines()
               if line.startswith("def ")][0],
    "fraction": str(fractions.Fraction(1, 3) + fractions.Fraction(1, 6)),
    "random": random.random(),
}))
"""


def probe(page: Page) -> dict[str, object]:
    page.evaluate("window.calcweb.ready")
    result = page.evaluate("(code) => window.calcweb.run(code)", PROBE)
    assert result["ok"], result["stderr"]
    return dict(json.loads(result["stdout"]))


def from_snapshot(page: Page) -> bool:
    return bool(page.evaluate("window.calcweb.python.fromSnapshot"))


def test_python_from_the_snapshot_is_a_freshly_started_python(
    make_page: Callable[..., Page], server: Server
) -> None:
    snapshot_pages = [make_page(**READER), make_page(**READER)]
    for page in snapshot_pages:
        page.goto(server.base)
    restored = [probe(page) for page in snapshot_pages]
    assert [from_snapshot(page) for page in snapshot_pages] == [True, True]

    fresh_page = make_page(**READER)
    fresh_page.route(MANIFEST, lambda route: route.fulfill(status=404, body="not built"))
    fresh_page.goto(server.base)
    fresh = probe(fresh_page)
    assert not from_snapshot(fresh_page)

    # Each reader draws their own random numbers (the snapshot's state is reseeded).
    assert restored[0].pop("random") != restored[1].pop("random")
    fresh.pop("random")
    assert restored[0] == restored[1] == fresh
    assert fresh["source"] == "def derivative("
    assert fresh["zone"][:2] == [["UTC-0500", "UTC-0400"], 18000]  # type: ignore[index]
    assert fresh["env"]["LANG"] == "de_DE.UTF-8"  # type: ignore[index]


def _manifest_for_another_wheel(route: Route) -> None:
    manifest = json.loads(route.fetch().text())
    route.fulfill(json={**manifest, "calcweb_sha256": "0" * 64})


def _corrupt(route: Route) -> None:
    route.fulfill(body=gzip.compress(b"not a memory image"))


def _truncated(route: Route) -> None:
    body = route.fetch().body()
    route.fulfill(body=body[: len(body) // 2])


@pytest.mark.parametrize(
    ("pattern", "handler", "reason"),
    [
        (MANIFEST, lambda route: route.fulfill(status=404), "the site has no Python snapshot"),
        (MANIFEST, _manifest_for_another_wheel, "made for another build"),
        (SNAPSHOT, _corrupt, "could not start from its snapshot"),
        (SNAPSHOT, _truncated, "the Python snapshot could not be read"),
    ],
    ids=["missing", "another-build", "corrupt", "truncated"],
)
def test_without_a_usable_snapshot_python_starts_afresh(
    page: Page, server: Server, pattern: str, handler: Callable[[Route], None], reason: str
) -> None:
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text))
    page.route(pattern, handler)
    page.goto(server.base)
    assert run_cell(page, 0).strip() == expected_first_output()
    assert not from_snapshot(page)
    assert any(reason in text and "starts afresh" in text for text in warnings), warnings


def test_a_stalled_snapshot_is_given_up_for_a_fresh_start(page: Page, server: Server) -> None:
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text))
    stalled = HeldRequest(page, SNAPSHOT)  # never answered
    page.goto(server.base)
    stalled.wait()
    assert run_cell(page, 0).strip() == expected_first_output()
    assert not from_snapshot(page)
    assert any("did not arrive in time" in text for text in warnings), warnings
