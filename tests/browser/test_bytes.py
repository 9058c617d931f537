"""Fewer bytes to the first result, whatever the host: the worker fetches the
runtime precompressed (``<name>.gz``, made by tools/hooks/pyodide_bundle.py)
and never the uncompressed originals, each file once, on the snapshot path,
on a fresh start and after a snapshot that fails to restore; the standard
library comes trimmed, and the first import of another of its modules fetches
it whole, once, after which any module imports (also in a Python restored
from the snapshot, whose archive differs from the build's); a host that sends
the .gz files gzip-encoded works too."""

from __future__ import annotations

import functools
import gzip
import json
from collections import Counter
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, Response, Route
from serve import SiteHandler, SiteServer, serve_in_thread

from .conftest import SITE, Server, built_for
from .test_live_cells import expected_first_output, run_cell

ORIGINALS = {"pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip", "pyodide-lock.json"}
WHOLE_STDLIB = "python_stdlib.zip.gz"
CORE_STDLIB = "python_stdlib-core.zip.gz"
PACKED = {f"{name}.gz" for name in ORIGINALS - {"python_stdlib.zip"}} | {CORE_STDLIB}


def _no_manifest(route: Route) -> None:
    route.fulfill(status=404, body="no snapshot")


def _corrupt_snapshot(route: Route) -> None:
    route.fulfill(body=gzip.compress(b"not a memory image"))


def _pyodide_files(page: Page) -> Counter[str]:
    """The files of pyodide/ the page requests from now on, counted."""
    seen: Counter[str] = Counter()

    def add(request: Request) -> None:
        path = urlsplit(request.url).path
        if "/pyodide/" in path:
            seen[path.rsplit("/", 1)[1]] += 1

    page.on("request", add)
    return seen


@pytest.mark.parametrize(
    ("pattern", "handler", "from_snapshot"),
    [
        (None, None, True),
        ("**/pyodide/snapshot.json", _no_manifest, False),
        ("**/pyodide/snapshot-*.gz", _corrupt_snapshot, False),
    ],
    ids=["snapshot", "fresh", "failed-restore"],
)
def test_the_first_result_fetches_the_runtime_compressed_and_not_the_originals(
    page: Page,
    server: Server,
    pattern: str | None,
    handler: Callable[[Route], None] | None,
    from_snapshot: bool,
) -> None:
    if pattern and handler:
        page.route(pattern, handler)
    fetched = _pyodide_files(page)
    page.goto(server.base)
    assert run_cell(page, 0).strip() == expected_first_output()
    assert page.evaluate("window.calcweb.python.fromSnapshot") is from_snapshot
    assert not (ORIGINALS | {WHOLE_STDLIB}) & set(fetched), fetched
    assert set(fetched) >= PACKED, fetched
    if from_snapshot or pattern == "**/pyodide/snapshot.json":
        assert all(count == 1 for count in fetched.values()), fetched
    # After a failed restore Python starts afresh: the wasm and the standard
    # library are fetched (compressed) a second time, nothing else is.
    repeated = {name for name, count in fetched.items() if count > 1}
    assert repeated <= {"pyodide.asm.wasm.gz", CORE_STDLIB}, fetched


# Modules that neither Python's start nor calcweb imports (so outside the
# trimmed archive: the first fetches the whole one), which the restored Python
# must read from the archive this browser got; a codec outside the trimmed
# archive; and the source of a module the snapshot imported, read from the
# archive too.
IMPORTS = """
import json, sys
names = ["xml.dom.minidom", "calendar", "email.mime.text", "tomllib", "graphlib"]
before = [name for name in names if name in sys.modules]
import calendar, email.mime.text, graphlib, inspect, tomllib, xml.dom.minidom
print(json.dumps({
    "before": before,
    "minidom": xml.dom.minidom.parseString("<a><b/></a>").documentElement.firstChild.tagName,
    "calendar": calendar.monthrange(2024, 2),
    "mime": email.mime.text.MIMEText("x")["Content-Type"],
    "toml": tomllib.loads("a = 1"),
    "order": list(graphlib.TopologicalSorter({"b": {"a"}}).static_order()),
    "source": inspect.getsource(json.dumps).splitlines()[0],
    "archive": json.__file__,
    "codec": "é".encode("cp850").hex(),
}))
"""


def run(page: Page, code: str) -> dict[str, object]:
    return dict(page.evaluate("(code) => window.calcweb.run(code)", code))


def test_a_restored_python_imports_any_module_fetching_the_whole_library_once(
    page: Page, server: Server
) -> None:
    fetched = _pyodide_files(page)
    page.goto(server.base)
    page.evaluate("window.calcweb.ready")
    assert page.evaluate("window.calcweb.python.fromSnapshot") is True
    assert fetched[WHOLE_STDLIB] == 0, fetched
    # A module outside the standard library fetches nothing.
    missing = run(page, "import no_such_module_anywhere")
    assert "ModuleNotFoundError" in str(missing["stderr"])
    assert fetched[WHOLE_STDLIB] == 0, fetched
    result = run(page, IMPORTS)
    assert result["ok"], result["stderr"]
    assert fetched[WHOLE_STDLIB] == 1, fetched
    more = run(page, "import imaplib, wave, xml.etree.ElementTree as ET\nET.fromstring('<a/>').tag")
    assert more["ok"], more["stderr"]
    assert more["display"] == [{"mime": "text/plain", "data": "'a'"}]
    assert fetched[WHOLE_STDLIB] == 1, fetched
    got = json.loads(result["stdout"])
    assert got["before"] == []
    assert got["minidom"] == "b"
    assert got["calendar"] == [3, 29]  # February 2024 starts on a Thursday and is a leap month
    assert got["mime"] == 'text/plain; charset="us-ascii"'
    assert got["toml"] == {"a": 1}
    assert got["order"] == ["a", "b"]
    assert (
        got["source"] == "def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,"
    )
    assert got["codec"] == "82"  # a codec outside the trimmed archive
    assert got["archive"].startswith("/lib/python3")
    assert ".zip/" in got["archive"]


def test_a_failed_download_of_the_whole_library_says_so_and_a_rerun_works(
    page: Page, server: Server
) -> None:
    page.goto(server.base)
    page.evaluate("window.calcweb.ready")
    page.route(f"**/pyodide/{WHOLE_STDLIB}", lambda route: route.abort())
    failed = run(page, "import calendar")
    assert not failed["ok"]
    assert "calendar is in Python's standard library, but this page could not download it" in str(
        failed["stderr"]
    )
    page.unroute(f"**/pyodide/{WHOLE_STDLIB}")
    again = run(page, "import calendar\ncalendar.isleap(2024)")
    assert again["ok"], again["stderr"]
    assert again["display"] == [{"mime": "text/plain", "data": "True"}]


class GzipEncodingHandler(SiteHandler):
    """The site as a host sends it that marks .gz files Content-Encoding: gzip
    (the browser then decodes them before the worker reads them)."""

    def end_headers(self) -> None:
        if urlsplit(self.path).path.endswith(".gz"):
            self.send_header("Content-Encoding", "gzip")
        super().end_headers()


@pytest.fixture
def gzip_encoding_server() -> Iterator[str]:
    _, prefix = built_for()
    handler = functools.partial(
        GzipEncodingHandler, directory=str(SITE), prefixes=(prefix,), isolation=True, quiet=True
    )
    server = SiteServer(("127.0.0.1", 0), handler)
    serve_in_thread(server)
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    server.shutdown()
    server.server_close()


def test_a_host_that_sends_the_files_gzip_encoded_works_too(
    page: Page, gzip_encoding_server: str
) -> None:
    encodings: dict[str, str | None] = {}

    def note(response: Response) -> None:
        name = urlsplit(response.url).path.rsplit("/", 1)[1]
        if name.endswith(".gz"):
            encodings[name] = response.headers.get("content-encoding")

    page.on("response", note)
    page.goto(gzip_encoding_server)
    assert run_cell(page, 0).strip() == expected_first_output()
    assert page.evaluate("window.calcweb.python.fromSnapshot") is True
    result = run(page, IMPORTS)  # the whole standard library, decoded by the browser
    assert result["ok"], result["stderr"]
    assert set(encodings) >= PACKED | {WHOLE_STDLIB}, encodings
    assert set(encodings.values()) == {"gzip"}, encodings
