"""Python's start adapts to the connection (issue 18 parts 3 and 4).

The worker chooses between the build's memory snapshot and a fresh start
from what it can measure (connection.js's chooseStart) and says which and why
on the console; on a connection the browser reports as metered (Save-Data,
cellular) the first Run asks before the download, naming its size. The
throttled link is Chromium's (the DevTools protocol's
Network.emulateNetworkConditions, which the worker's downloads obey too); the
connection the page reports is an init script's navigator.connection.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from .conftest import SITE, Server
from .test_explorable import open_taylor
from .test_live_cells import cell, expected_first_output

DECISION = re.compile(r"^calcweb: starting Python (from its snapshot|afresh): (.*)$")
MEASURED = re.compile(r"measured (\d+\.\d) Mbit/s")
UNTHROTTLED = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}

# What the worker downloads for a fresh start, on disk in the built site: the
# prompt's figure, summed here from the files themselves.
FRESH_START_FILES = [
    "pyodide/pyodide.mjs",
    "pyodide/pyodide-lock.json.gz",
    "pyodide/pyodide.asm.wasm.gz",
    "pyodide/pyodide.asm.mjs.gz",
    "pyodide/python_stdlib-core.zip.gz",
    "pyodide/python_stdlib-names.json",
    "pyodide/snapshot.json",
    "javascripts/calcweb-worker.js",
    "javascripts/pyodide-adapter.js",
    "javascripts/connection.js",
    "javascripts/calcweb_runner.py",
]


def fresh_start_megabytes() -> str:
    (wheel,) = SITE.glob("pyodide/calcweb-*.whl")
    total = sum((SITE / name).stat().st_size for name in FRESH_START_FILES) + wheel.stat().st_size
    return f"{total / 1e6:.1f} MB"


def connection_script(**connection: object) -> str:
    """An init script that makes the page's navigator.connection report `connection`."""
    return (
        "Object.defineProperty(Navigator.prototype, 'connection', "
        f"{{configurable: true, get: () => ({json.dumps(connection)})}});"
    )


class Recorder:
    """The page's decisions (console) and the runtime files it requested."""

    def __init__(self, page: Page) -> None:
        self.decisions: list[tuple[str, str]] = []
        self.requests: list[str] = []
        page.on("console", self.console)
        page.on("request", lambda request: self.requests.append(request.url))

    def console(self, message: ConsoleMessage) -> None:
        match = DECISION.match(message.text)
        if match:
            self.decisions.append((match[1], match[2]))

    def fetched(self, part: str) -> list[str]:
        return [url for url in self.requests if part in url]


def wait_for_decision(page: Page, seen: Recorder, timeout_ms: int = 90_000) -> tuple[str, str]:
    waited = 0
    while not seen.decisions and waited < timeout_ms:
        page.wait_for_timeout(200)
        waited += 200
    assert len(seen.decisions) == 1, seen.decisions
    return seen.decisions[0]


def test_choose_start_weighs_the_snapshots_bytes_against_the_cpu_it_saves(
    page: Page, server: Server
) -> None:
    page.goto(server.base + "api/")
    cases = page.evaluate(
        """async (url) => {
          const { chooseStart, CPU_SAVING_SECONDS: saving } = await import(url);
          const bytes = 6e6;
          const at = (seconds, connection = null) =>
            chooseStart({snapshotBytes: bytes, bytesPerSecond: bytes / seconds, connection});
          const fast = {saveData: false, type: null, effectiveType: "4g", downlink: 10};
          return {
            saving,
            quicker: at(saving * 0.95), slower: at(saving * 1.05),
            unmeasured: chooseStart({snapshotBytes: bytes, bytesPerSecond: null, connection: fast}),
            saveData: at(0.1, {...fast, saveData: true}),
            cellular: at(0.1, {...fast, type: "cellular"}),
            slow3g: chooseStart({snapshotBytes: bytes, bytesPerSecond: null,
                                 connection: {...fast, effectiveType: "3g"}}),
            wifi: at(0.1, {...fast, type: "wifi"}),
          };
        }""",
        server.base + "javascripts/connection.js",
    )
    saving = cases["saving"]
    assert 1 < saving < 5
    assert cases["quicker"]["useSnapshot"] is True
    assert cases["slower"]["useSnapshot"] is False
    # 6 MB in 0.95 * saving seconds, in Mbit/s, as the reason says it.
    assert f"measured {48 / (0.95 * saving):.1f} Mbit/s" in cases["quicker"]["reason"]
    assert f"take {0.95 * saving:.1f} s, less than the {saving} s" in cases["quicker"]["reason"]
    assert cases["unmeasured"]["useSnapshot"] is None
    assert cases["saveData"] == {
        "useSnapshot": False,
        "reason": "the browser asks to save data: a fresh start does without the snapshot's 6.0 MB",
    }
    assert cases["cellular"]["useSnapshot"] is False
    assert "cellular" in cases["cellular"]["reason"]
    assert cases["slow3g"]["useSnapshot"] is False
    assert "3g" in cases["slow3g"]["reason"]
    assert cases["wifi"]["useSnapshot"] is True


def test_on_a_fast_link_python_starts_from_the_snapshot_after_measuring_it(
    page: Page, server: Server
) -> None:
    seen = Recorder(page)
    page.goto(server.base)
    page.evaluate("window.calcweb.ready")
    path, reason = wait_for_decision(page, seen)
    assert path == "from its snapshot", reason
    measured = MEASURED.search(reason)
    assert measured, reason
    assert float(measured[1]) > 30  # localhost: far above the threshold (about 22 Mbit/s)
    assert page.evaluate("window.calcweb.python.fromSnapshot") is True
    assert len(seen.fetched("/pyodide/snapshot-")) == 1


def test_on_a_2_mbit_link_python_starts_afresh_without_fetching_the_snapshot(
    make_page: Callable[..., Page], server: Server, report: list[str]
) -> None:
    page = make_page()
    seen = Recorder(page)
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    network.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 40,
            "downloadThroughput": 2e6 / 8,
            "uploadThroughput": 2e6 / 8,
        },
    )
    page.goto(server.base, wait_until="commit")
    path, reason = wait_for_decision(page, seen, timeout_ms=120_000)
    report.append(f"2 Mbit/s, 40 ms: {path}: {reason}")
    assert path == "afresh", reason
    measured = MEASURED.search(reason)
    assert measured, reason
    assert 0.5 < float(measured[1]) <= 2.2, reason
    # The rest comes at full speed: Python starts afresh, never asking for the snapshot.
    network.send("Network.emulateNetworkConditions", UNTHROTTLED)
    page.evaluate("window.calcweb.ready")
    assert page.evaluate("window.calcweb.python.fromSnapshot") is False
    assert seen.fetched("/pyodide/snapshot-") == []
    assert seen.fetched("/pyodide/snapshot.json")  # read, but its memory not fetched


@pytest.mark.parametrize(
    ("connection", "why"),
    [
        (
            {"saveData": True, "effectiveType": "4g", "downlink": 10},
            "Your browser asks to save data.",
        ),
        (
            {"saveData": False, "type": "cellular", "effectiveType": "4g"},
            "You are on a mobile connection.",
        ),
    ],
    ids=["save-data", "cellular"],
)
def test_on_a_metered_connection_the_first_run_asks_before_the_download(
    make_page: Callable[..., Page], server: Server, connection: dict[str, object], why: str
) -> None:
    page = make_page()
    page.add_init_script(connection_script(**connection))
    seen = Recorder(page)
    page.goto(server.base)
    page.wait_for_load_state("networkidle")
    first = cell(page, 0)
    output = first.locator(".calcweb-output")
    prerendered = output.inner_text()
    assert expected_first_output() in prerendered
    first.locator(".calcweb-editor-box").click()  # touching a cell starts nothing either
    page.wait_for_load_state("networkidle")
    assert seen.fetched("/pyodide/") == [], "Python's download started unasked"

    first.locator("button.calcweb-run").click()
    prompt = first.locator(".calcweb-download")
    size = fresh_start_megabytes()
    expect(prompt.locator("p")).to_have_text(
        f"{why} Running this cell needs Python, a download of {size}."
    )
    button = prompt.locator("button.calcweb-download-start")
    expect(button).to_have_text(f"Download Python ({size})")
    expect(button).to_be_focused()
    expect(button).to_have_accessible_description(prompt.locator("p").inner_text())
    assert output.inner_text() == prerendered  # still the pre-rendered output
    expect(output).to_have_attribute("data-prerendered", re.compile(".*"))
    expect(first).to_have_attribute("data-state", "idle")
    assert seen.fetched("/pyodide/") == [f"{server.base}pyodide/download.json"]

    page.keyboard.press("Enter")  # the keyboard starts it
    expect(prompt).to_have_count(0)
    expect(first).to_have_attribute("data-state", "done", timeout=60_000)
    assert output.inner_text().strip() == expected_first_output()
    path, reason = wait_for_decision(page, seen)
    assert path == "afresh", reason
    assert seen.fetched("/pyodide/snapshot-") == []
    assert page.evaluate("window.calcweb.python.fromSnapshot") is False

    # Remembered for the session: the next page's Run all asks nothing.
    page.reload()
    page.locator("button.calcweb-run-all").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "done", timeout=60_000)
    expect(page.locator(".calcweb-download")).to_have_count(0)


def test_run_all_and_a_moved_slider_ask_too(make_page: Callable[..., Page], server: Server) -> None:
    page = make_page()
    page.add_init_script(connection_script(saveData=True))
    seen = Recorder(page)
    _, explorable = open_taylor(page, server)
    page.locator("button.calcweb-run-all").click()
    prompt = page.locator(".calcweb-download")
    expect(cell(page, 0).locator(".calcweb-download p")).to_contain_text(
        "Running the cells on this page needs Python"
    )
    expect(prompt).to_have_count(1)
    expect(prompt.locator("button")).to_be_focused()
    slider = explorable.locator("input.calcweb-slider[aria-label='degree']")
    moved = str(int(slider.input_value()) + 1)
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(explorable.locator(".calcweb-download p")).to_contain_text("Running this cell needs")
    expect(prompt).to_have_count(1)  # the newer question replaced the other
    expect(prompt.locator("button")).to_be_focused()
    assert seen.fetched("/pyodide/pyodide") == []
    prompt.locator("button").click()
    expect(explorable).to_have_attribute("data-state", "done", timeout=60_000)
    assert slider.input_value() == moved  # the run kept the reader's value
