"""Explorable cells in a real browser: calcweb.slider and calcweb.choice draw
controls above a cell's output, and moving one runs the cell again.

The Taylor page's explorable cell is the subject (a degree and a centre
slider on a Taylor polynomial of sin); the other tests put their own code
into a cell of the same page. The figure is checked against calcweb run
natively: the page's SVG must show what the same code draws here.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Locator, Page, expect

import calcweb

from .conftest import Server

TAYLOR = "taylor/"
SLOW_RUN_S = 0.4
SVG = "{http://www.w3.org/2000/svg}"


def explorable_index(page: Page) -> int:
    """The index of the page's cell that declares the degree slider."""
    return int(
        page.evaluate(
            """() => [...document.querySelectorAll('.calcweb-cell')].findIndex(
                 (cell) => cell.querySelector('textarea.calcweb-editor')
                   .defaultValue.includes('slider("degree"'))"""
        )
    )


def cell(page: Page, index: int) -> Locator:
    return page.locator(f".calcweb-cell[data-cell-index='{index}']")


def open_taylor(page: Page, server: Server) -> tuple[int, Locator]:
    page.goto(server.base + TAYLOR)
    index = explorable_index(page)
    assert index >= 0, "the Taylor page has no cell with a degree slider"
    return index, cell(page, index)


def run(target: Locator, state: str = "done") -> None:
    target.locator("button.calcweb-run").click()
    expect(target).to_have_attribute("data-state", state, timeout=120_000)


def set_code(page: Page, index: int, code: str) -> None:
    cell(page, index).locator(".cm-content").wait_for()
    # Set once the cell's editor is there (after an instant navigation the new page's
    # cells get theirs one per task): in one evaluation, so no swap comes between.
    page.wait_for_function(
        "([i, code]) => { const editor = document.querySelector("
        "`.calcweb-cell[data-cell-index='${i}']`)?.calcwebEditor;"
        " if (editor === undefined) return false; editor.code = code; return true; }",
        arg=[index, code],
    )


def svg_of(target: Locator) -> str:
    return str(target.locator(".calcweb-output svg").first.evaluate("(svg) => svg.outerHTML"))


def native_figure(degree: int, centre: float) -> dict[str, list[str]]:
    """The paths and texts of the explorable cell's figure, drawn by calcweb natively."""
    figure = calcweb.taylor(calcweb.sin, centre, degree).plot(
        xlim=(-6.0, 6.0), degrees=[degree], title=f"degree {degree} at x0 = {centre}"
    )
    root = ElementTree.fromstring(figure.to_svg())  # noqa: S314 - our own figure
    return {
        "d": [path.get("d", "") for path in root.iter(f"{SVG}path")],
        "texts": ["".join(text.itertext()) for text in root.iter(f"{SVG}text")],
    }


def shows(target: Locator, degree: int, centre: float = 0.0) -> None:
    """The output's figure is calcweb's for ``degree``: the same curves and texts."""
    figure = target.locator(".calcweb-output svg").first
    expect(figure).to_contain_text(f"degree {degree} at x0 = {centre}", timeout=60_000)
    shown = figure.evaluate(
        """(svg) => ({
             d: [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d') || ''),
             texts: [...svg.querySelectorAll('text')].map((t) => t.textContent),
           })"""
    )
    assert shown == native_figure(degree, centre)


def mark_focus(page: Page, selector: str) -> None:
    """Focus an element and tag it, to tell later whether it was replaced."""
    page.locator(selector).focus()
    page.evaluate("(s) => { document.querySelector(s).calcwebTestTag = 'same'; }", selector)


def focus_kept(page: Page) -> bool:
    return bool(page.evaluate("() => document.activeElement.calcwebTestTag === 'same'"))


def test_the_cell_has_labelled_controls_above_the_output(page: Page, server: Server) -> None:
    index, target = open_taylor(page, server)
    # Drawn from the build's run (the defaults) before the cell runs, the same after.
    expect(target.locator(".calcweb-slider")).to_have_count(2)
    expect(target).to_have_attribute("data-state", "idle")
    run(target)
    controls = target.locator("div.calcweb-controls")
    expect(controls).to_have_count(1)
    above = controls.evaluate(
        "(box) => !!(box.compareDocumentPosition(box.parentElement.querySelector("
        "'.calcweb-output')) & Node.DOCUMENT_POSITION_FOLLOWING)"
    )
    assert above, "the controls must come before the output"
    degree = controls.locator("input[type=range].calcweb-slider[aria-label='degree']")
    centre = controls.locator("input[type=range].calcweb-slider[aria-label='centre']")
    expect(degree).to_have_attribute("min", "1")
    expect(degree).to_have_attribute("max", "15")
    expect(degree).to_have_attribute("step", "1")
    expect(degree).to_have_value("5")
    expect(centre).to_have_attribute("min", "-3")
    expect(centre).to_have_attribute("step", "0.5")
    expect(centre).to_have_value("0")
    # A visible label tied to each input, and its value beside it.
    expect(controls.get_by_label("degree", exact=True)).to_have_count(1)
    expect(controls.locator("label", has_text="degree")).to_be_visible()
    expect(controls.locator(".calcweb-control[data-label='degree'] output")).to_have_text("5")
    expect(degree).to_have_attribute("aria-valuetext", "5")
    shows(target, 5)
    assert index >= 0


def test_a_control_moved_before_any_run_starts_python_and_runs_the_cell(
    page: Page, server: Server
) -> None:
    index, target = open_taylor(page, server)
    expect(target.locator(".calcweb-output svg")).to_have_count(1)  # the build's figure
    shows(target, 5)
    slider = target.locator(".calcweb-slider[aria-label='centre']")
    expect(slider).to_have_value("0")
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(slider).to_have_value("0.5")
    shows(target, 5, 0.5)
    expect(target).to_have_attribute("data-state", "done")
    expect(slider).to_be_focused()
    assert index >= 0


def test_keyboard_moves_the_slider_and_the_figure_follows(page: Page, server: Server) -> None:
    index, target = open_taylor(page, server)
    run(target)
    selector = f".calcweb-cell[data-cell-index='{index}'] .calcweb-slider[aria-label='degree']"
    before = svg_of(target)
    mark_focus(page, selector)
    page.keyboard.press("ArrowRight")
    shows(target, 6)
    after = svg_of(target)
    assert after != before
    assert focus_kept(page), "the re-run replaced or blurred the focused slider"
    expect(target.locator(".calcweb-control[data-label='degree'] output")).to_have_text("6")
    for key, value in [("End", 15), ("Home", 1), ("ArrowUp", 2), ("ArrowLeft", 1)]:
        page.keyboard.press(key)
        expect(page.locator(selector)).to_have_value(str(value))
        shows(target, value)
        assert focus_kept(page)
    page.keyboard.press("PageUp")
    value = int(page.locator(selector).input_value())
    assert 1 < value <= 15
    shows(target, value)
    page.keyboard.press("PageDown")
    expect(page.locator(selector)).to_have_value("1")
    shows(target, 1)
    assert focus_kept(page)
    expect(target).to_have_attribute("data-state", "done")


def test_dragging_the_slider_updates_the_figure(page: Page, server: Server) -> None:
    index, target = open_taylor(page, server)
    run(target)
    slider = target.locator(".calcweb-slider[aria-label='degree']")
    box = slider.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(box["x"] + box["width"] * step / 10, y)
    page.mouse.move(box["x"] + box["width"] - 1, y)
    page.mouse.up()
    expect(slider).to_have_value("15")
    shows(target, 15)
    expect(target).to_have_attribute("data-state", "done")
    # Then part way back: the figure follows the value the slider shows.
    page.mouse.move(box["x"] + box["width"] - 1, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)
    page.mouse.up()
    value = int(slider.input_value())
    assert 1 < value < 15
    shows(target, value)
    assert index >= 0


SLOW_CELL = f"""import time
import calcweb
n = calcweb.slider("n", 0, 20)
runs = globals().get("runs", 0) + 1
started = time.perf_counter()
while time.perf_counter() - started < {SLOW_RUN_S}:
    pass
print(f"n={{n}} runs={{runs}}")
"""


def runs_shown(target: Locator) -> tuple[int, int]:
    text = target.locator(".calcweb-output").inner_text()
    found = re.search(r"n=(\d+) runs=(\d+)", text)
    assert found, text
    return int(found[1]), int(found[2])


def test_ten_fast_moves_during_a_slow_run_end_with_the_last_value(
    page: Page, server: Server
) -> None:
    index, target = open_taylor(page, server)
    set_code(page, index, SLOW_CELL)
    run(target)
    assert runs_shown(target) == (0, 1)
    slider = target.locator(".calcweb-slider[aria-label='n']")
    slider.focus()
    burst_started = time.perf_counter()
    for _ in range(10):  # meant to fall within one slow run
        page.keyboard.press("ArrowRight")
    burst = time.perf_counter() - burst_started
    expect(slider).to_have_value("10")
    expect(target.locator(".calcweb-output")).to_contain_text("n=10 ", timeout=30_000)
    expect(target).to_have_attribute("data-state", "done")
    time.sleep(3 * SLOW_RUN_S)  # a stale run would show by now
    n, runs = runs_shown(target)
    assert n == 10
    # The run under way when the burst begins, the last value's, and one for each
    # slow run that could end while the keys were pressed (each takes SLOW_RUN_S at
    # least): on a loaded machine the ten presses can outlast one run. A run for
    # every move would be 10.
    allowed = 2 + int(burst / SLOW_RUN_S)
    assert runs - 1 <= allowed, (
        f"{runs - 1} runs after a burst of {burst:.2f} s; at most {allowed} (the one under way, "
        f"one per {SLOW_RUN_S} s run the burst outlasted, the last)"
    )
    expect(slider).to_have_value("10")


def test_controls_persist_across_an_edit_and_stay_on_an_error(page: Page, server: Server) -> None:
    index, target = open_taylor(page, server)
    run(target)
    slider = target.locator(".calcweb-slider[aria-label='degree']")
    slider.focus()
    page.keyboard.press("End")
    shows(target, 15)
    code = target.evaluate("(c) => c.calcwebEditor.code")
    # The centre slider goes (its line is removed); the degree keeps its value.
    edited = code.replace(
        'centre = calcweb.slider("centre", -3.0, 3.0, step=0.5, value=0.0)', "centre = 0.0"
    )
    assert edited != code
    set_code(page, index, edited)
    run(target)
    expect(target.locator(".calcweb-slider")).to_have_count(1)
    expect(slider).to_have_value("15")
    shows(target, 15)
    # A run that raises before it reaches the slider keeps the control and shows the error.
    set_code(page, index, "1 / 0\n" + edited)
    run(target, "error")
    expect(target.locator(".calcweb-output")).to_contain_text("ZeroDivisionError")
    expect(slider).to_have_value("15")
    slider.focus()
    page.keyboard.press("Home")
    expect(target).to_have_attribute("data-state", "error")
    expect(target.locator(".calcweb-output")).to_contain_text("ZeroDivisionError")
    expect(slider).to_have_value("1")
    # Fixed again: the control was kept, and its value runs.
    set_code(page, index, edited)
    run(target)
    shows(target, 1)


CHOICE_CELL = """import calcweb
f = calcweb.choice("function", ["sin", "cos", "exp"])
k = calcweb.slider("k", 0.0, 1.0, step=0.1, value=0.3)
print(f"{f}:{k}")
"""


def test_keyboard_only_use(page: Page, server: Server) -> None:
    index, target = open_taylor(page, server)
    set_code(page, index, CHOICE_CELL)
    target.locator("button.calcweb-run").focus()
    page.keyboard.press("Enter")
    expect(target).to_have_attribute("data-state", "done", timeout=120_000)
    expect(target.locator(".calcweb-output")).to_contain_text("sin:0.3")
    # Into the editor and out of it (Escape, then Tab), on to the controls.
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('cm-content')"):
            page.keyboard.press("Escape")
        active = page.evaluate("() => document.activeElement.className")
        reached.append(active)
        if "calcweb-choice" in active:
            break
    assert "calcweb-choice" in reached[-1], reached
    choice = target.locator("select.calcweb-choice[aria-label='function']")
    expect(choice).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(choice).to_have_value("cos")
    expect(target.locator(".calcweb-output")).to_contain_text("cos:0.3")
    expect(choice).to_be_focused()
    page.keyboard.press("Tab")
    slider = target.locator(".calcweb-slider[aria-label='k']")
    expect(slider).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(target.locator(".calcweb-output")).to_contain_text(
        "cos:0.4"
    )  # 0.4, not 0.30000000000000004 + 0.1
    expect(target.locator(".calcweb-control[data-label='k'] output")).to_have_text("0.4")
    expect(slider).to_be_focused()


def test_the_controls_fit_a_375_px_screen(make_page: Callable[..., Page], server: Server) -> None:
    page = make_page(viewport={"width": 375, "height": 800})
    _, target = open_taylor(page, server)
    run(target)
    controls = target.locator(".calcweb-controls")
    expect(controls).to_be_visible()
    cell_box = target.bounding_box()
    assert cell_box is not None
    for slider in target.locator(".calcweb-slider").all():
        box = slider.bounding_box()
        assert box is not None
        assert box["x"] >= cell_box["x"]
        assert box["x"] + box["width"] <= cell_box["x"] + cell_box["width"] + 0.5
        assert box["width"] >= 120, box  # wide enough to drag
        assert box["height"] >= 20, box  # tall enough to touch
    for value in target.locator(".calcweb-control output").all():
        box = value.bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= cell_box["x"] + cell_box["width"] + 0.5
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px"


# Each page's explorable cell (found by the label of the slider it declares)
# and the slider's value after one ArrowRight from its default.
EXPLORABLE_PAGES = [
    ("taylor/", "degree", "6"),
    ("numerical-derivatives/", "log10 h", "-7.5"),
    ("limits/", "log10 x", "-1.5"),
    ("gradient-descent/", "learning rate", "0.085"),
    ("optimizers/", "momentum", "0.55"),
    ("activations/", "layers", "4"),
]


@pytest.mark.parametrize(("path", "label", "moved"), EXPLORABLE_PAGES)
def test_each_explorable_cell_follows_its_slider(
    page: Page, server: Server, path: str, label: str, moved: str
) -> None:
    page.goto(server.base + path)
    target = page.locator(
        ".calcweb-cell", has=page.locator(f"input.calcweb-slider[aria-label='{label}']")
    )
    expect(target).to_have_count(1)  # its slider drawn by the build, before any run
    slider = target.locator(f"input.calcweb-slider[aria-label='{label}']")
    figure = target.locator(".calcweb-output svg").first
    expect(figure).to_have_count(1)  # the build's figure, at the defaults
    before = svg_of(target)
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(slider).to_have_value(moved)
    expect(target).to_have_attribute("data-state", "done", timeout=120_000)
    expect(target.locator(f".calcweb-control[data-label='{label}'] output")).to_have_text(moved)
    expect(figure).to_contain_text(moved)  # each title shows the slider's value
    assert svg_of(target) != before
