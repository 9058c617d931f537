"""Share links (docs/javascripts/share.js): a cell's Share button copies a link
whose fragment ``#cell-<index>=<payload>`` carries the cell's code, deflated
(raw) and base64url-encoded; opening it fills that cell, marks it
``data-source="link"`` and never runs it by itself.

Links are made and read here with Python's zlib and base64, independently of
the page's CompressionStream. Every page records the messages it posts to its
Python worker (``RECORD_WORKER``): "no code ran" is checked there, not
guessed from the screen.
"""

from __future__ import annotations

import base64
import contextlib
import io
import re
import secrets
import zlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import SITE, Server
from .test_live_cells import cell, code_of, output, run_cell, set_code

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".cache" / "screenshots"
CLIPBOARD = ["clipboard-read", "clipboard-write"]
MAX_URL = 8192
IGNORED = "calcweb: ignored the share link"

RECORD_WORKER = """
window.postedToWorker = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  // mkdocs-material's search worker numbers its messages; calcweb names them.
  if (typeof message?.type === "string") window.postedToWorker.push(message.type);
  return post.call(this, message, ...rest);
};
"""

# Quotes of every kind, a backslash, a tab, text outside ASCII and outside the
# BMP, and 2 KB of text that does not repeat.
ROUND_TRIP_CODE = (
    "s = 'single' + \"double\" + '''triple''' + \"\\\\ backslash\" + '\\t'\n"
    "greek = 'π ≈ 3.14159, ε → 0, naïve café, 日本語, 🙂'\n"
    "tab = 1  # a\ttab\n"
    + "".join(f"# {i:02d} {secrets.token_hex(16)}\n" for i in range(50))
    + "print(len(s), greek)"
)
HOSTILE_REPR = """\
class Hostile:
    def _repr_html_(self):
        global repr_ran
        repr_ran = True
        return '<img src="x" onerror="window.pwned = 1"><script>window.pwned = 2</script>'

hostile_ran = True
Hostile()"""


def payload(code: str | bytes) -> str:
    """The fragment's payload, made by zlib (raw deflate) and base64url."""
    data = code.encode() if isinstance(code, str) else code
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = deflate.compress(data) + deflate.flush()
    return base64.urlsafe_b64encode(packed).decode().rstrip("=")


def code_in(link: str) -> tuple[int, str]:
    """The cell index and code a share link carries, read by zlib."""
    match = re.fullmatch(r"cell-(\d+)=([A-Za-z0-9_-]+)", urlsplit(link).fragment)
    assert match, f"not a share link: {link}"
    packed = base64.urlsafe_b64decode(match[2] + "=" * (-len(match[2]) % 4))
    return int(match[1]), zlib.decompress(packed, -15).decode()


def open_page(make_page: Callable[..., Page], url: str, **options: object) -> Page:
    page = make_page(permissions=CLIPBOARD, **options)
    page.add_init_script(RECORD_WORKER)
    page.goto(url)
    return page


def posted(page: Page) -> list[str]:
    return list(page.evaluate("window.postedToWorker"))


def share(page: Page, index: int) -> str:
    """Click the cell's Share button; the link it copied."""
    page.evaluate("navigator.clipboard.writeText('')")
    button = cell(page, index).locator("button.calcweb-share")
    button.click()
    expect(button).to_have_text("Link copied")
    return str(page.evaluate("navigator.clipboard.readText()"))


def originals(page: Page) -> list[str]:
    return list(
        page.locator("textarea.calcweb-editor").evaluate_all(
            "areas => areas.map(a => a.defaultValue)"
        )
    )


def in_viewport(page: Page, index: int) -> bool:
    return bool(
        cell(page, index).evaluate(
            "c => { const r = c.getBoundingClientRect();"
            " return r.top >= 0 && r.top < innerHeight && r.bottom > 0; }"
        )
    )


def expect_link_cell(page: Page, index: int, code: str) -> None:
    target = cell(page, index)
    expect(target).to_have_attribute("data-source", "link")
    expect(target.locator(".calcweb-link-note")).to_be_visible()
    expect(target.locator(".calcweb-link-note")).to_contain_text("Code from a link")
    # Polled: mkdocs-material may replace the page's cells meanwhile (see share.js).
    page.wait_for_function(HOLDS_CODE, arg=[index, code], timeout=10_000)
    assert code_of(page, index) == code


HOLDS_CODE = """([index, code]) => document.querySelector(
  `.calcweb-cell[data-cell-index='${index}']`)?.calcwebEditor?.code === code"""


def printed_by(code: str) -> str:
    """What ``code`` prints, run by this (native) Python."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})  # noqa: S102 - the test's own code
    return out.getvalue()


def test_a_share_link_round_trips_its_code_into_the_same_cell_unrun(
    make_page: Callable[..., Page], server: Server
) -> None:
    page = open_page(make_page, server.base)
    set_code(page, 1, ROUND_TRIP_CODE)
    link = share(page, 1)
    assert len(ROUND_TRIP_CODE.encode()) > 2048
    assert link.startswith(server.base + "#cell-1=")  # the sub-path is kept
    assert code_in(link) == (1, ROUND_TRIP_CODE)
    # Opened in another browser profile (no stored edit): the code is in cell
    # 2 (index 1), marked, in view, and not run; the other cells are intact.
    reader = open_page(make_page, link, viewport={"width": 1280, "height": 600})
    expect_link_cell(reader, 1, ROUND_TRIP_CODE)
    page_code = originals(reader)
    for index in (0, 2, 3):
        assert code_of(reader, index) == page_code[index]
        assert cell(reader, index).get_attribute("data-source") is None
    expect(cell(reader, 1)).to_have_attribute("data-edited", "true")
    reader.wait_for_function(IN_VIEW, arg=1)
    assert urlsplit(reader.url).fragment == ""  # the code lives in the cell now
    assert reader.evaluate("window.calcweb.ready") is True  # the page's own lazy boot
    reader.wait_for_timeout(500)
    assert posted(reader) == ["boot"], "the link made the page run code"
    for index in range(4):
        expect(cell(reader, index)).to_have_attribute("data-state", "idle")
    # The output is still the build's, of the page's own code, and the note says so.
    out = cell(reader, 1).locator(".calcweb-output")
    expect(out).to_have_attribute("data-prerendered", "true")
    expect(out).to_contain_text("error of the central difference")
    note = cell(reader, 1).locator(".calcweb-link-note")
    expect(note).to_contain_text("The output below is that of the page's own code")
    # Its own Run button runs it; then the note no longer speaks of the old output.
    cell(reader, 1).locator("button.calcweb-run").click()
    expect(cell(reader, 1)).to_have_attribute("data-state", "done", timeout=60_000)
    assert output(reader, 1) == printed_by(ROUND_TRIP_CODE)
    expect(note).not_to_contain_text("output below")
    expect(cell(reader, 1)).to_have_attribute("data-source", "link")


IN_VIEW = """(index) => {
  const cell = document.querySelector(`.calcweb-cell[data-cell-index='${index}']`);
  const box = cell.getBoundingClientRect();
  return box.top >= 0 && box.top < innerHeight;
}"""


def link_to(server: Server, index: int | str, code: str | bytes, path: str = "") -> str:
    return f"{server.base}{path}#cell-{index}={payload(code)}"


def names_defined(page: Page, *names: str) -> list[str]:
    """Which of ``names`` the page's Python namespace holds."""
    result = page.evaluate(
        "code => window.calcweb.run(code)", f"[n for n in {names!r} if n in globals()]"
    )
    assert result["ok"], result["stderr"]
    return list(eval(result["display"][0]["data"]))  # noqa: S307 - a list of str repr


def test_hostile_code_from_a_link_runs_neither_on_load_nor_with_run_all(
    make_page: Callable[..., Page], server: Server
) -> None:
    page = open_page(make_page, link_to(server, 1, HOSTILE_REPR))
    expect_link_cell(page, 1, HOSTILE_REPR)
    assert page.evaluate("window.calcweb.ready") is True
    page.wait_for_timeout(500)
    assert posted(page) == ["boot"]
    # Run all runs the page's other cells and leaves the link's out.
    page.locator("button.calcweb-run-all").click()
    for index, state in ((0, "done"), (2, "error"), (3, "done")):
        expect(cell(page, index)).to_have_attribute("data-state", state, timeout=60_000)
    assert posted(page).count("run") == 3
    expect(cell(page, 1)).to_have_attribute("data-state", "idle")
    assert names_defined(page, "hostile_ran", "repr_ran", "slope") == ["slope"]
    # The reader's own press of Run runs it; its HTML is sanitised as any cell's.
    cell(page, 1).locator("button.calcweb-run").click()
    expect(cell(page, 1)).to_have_attribute("data-state", "done", timeout=60_000)
    assert names_defined(page, "hostile_ran", "repr_ran") == ["hostile_ran", "repr_ran"]
    expect(cell(page, 1).locator(".calcweb-display img")).to_have_count(1)
    page.wait_for_timeout(200)
    assert page.evaluate("window.pwned") is None


def test_an_endless_loop_from_a_link_is_skipped_by_the_cells_below(
    make_page: Callable[..., Page], server: Server
) -> None:
    page = open_page(make_page, link_to(server, 0, "while True: pass"))
    expect_link_cell(page, 0, "while True: pass")
    # Cell 4 runs the cells above it first, but not the link's: it cannot
    # find f (defined by the page's cell 1, which the link replaced).
    cell(page, 3).locator("button.calcweb-run").click()
    expect(cell(page, 3)).to_have_attribute("data-state", "error", timeout=60_000)
    assert "NameError" in output(page, 3)
    expect(cell(page, 0)).to_have_attribute("data-state", "idle")
    assert posted(page).count("run") == 3  # cells 2, 3 and 4


def test_a_link_over_8_kb_is_refused_with_a_message_and_nothing_copied(
    make_page: Callable[..., Page], server: Server
) -> None:
    page = open_page(make_page, server.base)
    # Random text hardly compresses: its link is longer than 8192 characters.
    code = "# " + secrets.token_urlsafe(7000)
    assert len(link_to(server, 0, code)) > MAX_URL
    set_code(page, 0, code)
    page.evaluate("navigator.clipboard.writeText('before')")
    button = cell(page, 0).locator("button.calcweb-share")
    button.click()
    message = cell(page, 0).locator(".calcweb-share-message")
    expect(message).to_be_visible()
    expect(message).to_contain_text("Nothing was copied")
    length = int(re.search(r"would be (\d+) characters", message.inner_text())[1])  # type: ignore[index]
    assert length > MAX_URL
    expect(button).to_have_text("Share")
    assert page.evaluate("navigator.clipboard.readText()") == "before"
    # A shorter code is shared, and the message goes.
    set_code(page, 0, "print('short')")
    assert code_in(share(page, 0)) == (0, "print('short')")
    expect(message).to_be_hidden()


MALFORMED = {
    "bad base64": "cell-0=@@@not-base64",
    "base64 of one byte too many": "cell-0=A",
    "not deflate-raw": "cell-0=" + base64.urlsafe_b64encode(b"\xff\xff\xff").decode(),
    "not UTF-8": "cell-0=" + payload(b"\xff\xfe print(1)"),
    "unknown cell": "cell-99=" + payload("print(1)"),
    "not a number": "cell-x=" + payload("print(1)"),
    "negative": "cell--1=" + payload("print(1)"),
    "fraction": "cell-0.5=" + payload("print(1)"),
    "empty": "cell-0=",
}


def test_malformed_links_are_ignored_with_a_console_note(
    make_page: Callable[..., Page], server: Server
) -> None:
    notes: list[str] = []
    first, *others = MALFORMED.values()
    page = make_page(permissions=CLIPBOARD)
    page.on("console", lambda message: notes.append(message.text))
    page.add_init_script(RECORD_WORKER)
    page.goto(f"{server.base}#{first}")  # on load
    for fragment in others:  # on a change of the fragment alone
        page.evaluate("fragment => { location.hash = fragment; }", fragment)
    page.wait_for_timeout(500)
    # One note for each (two when mkdocs-material replaced the page meanwhile).
    ignored = {note.split()[5] for note in notes if note.startswith(IGNORED)}
    assert ignored == {f"#{fragment[:39]}…:" for fragment in MALFORMED.values()}, notes
    page_code = originals(page)
    for index in range(4):
        assert code_of(page, index) == page_code[index]
        assert cell(page, index).get_attribute("data-source") is None
    assert "run" not in posted(page)
    # An ordinary anchor is no share link: no note.
    count = len(notes)
    page.evaluate("location.hash = 'how-the-live-cells-work'")
    page.wait_for_timeout(200)
    assert not [note for note in notes[count:] if note.startswith(IGNORED)]
    # A good link to the open page (only its fragment changes) goes into the
    # cell, whose editor is attached by now.
    page.evaluate("fragment => { location.hash = fragment; }", "cell-2=" + payload("1 + 1"))
    expect_link_cell(page, 2, "1 + 1")
    assert "run" not in posted(page)
    # The page errors are checked by the fixture (make_page) at teardown.


def test_a_link_wins_over_an_edit_is_kept_on_reload_and_reset_restores_the_page(
    make_page: Callable[..., Page], server: Server
) -> None:
    page = open_page(make_page, server.base)
    set_code(page, 0, "x = 'an edit of mine'")
    page.goto(link_to(server, 0, "x = 'from a link'"))
    expect_link_cell(page, 0, "x = 'from a link'")
    page.reload()  # the address bar no longer holds the link
    expect_link_cell(page, 0, "x = 'from a link'")
    page.locator("button.calcweb-run-all").click()
    expect(cell(page, 3)).to_have_attribute("data-state", "error", timeout=60_000)
    expect(cell(page, 0)).to_have_attribute("data-state", "idle")
    # Reset: the page's code, unmarked, and so after a reload.
    cell(page, 0).locator("button.calcweb-reset").click()
    expect(cell(page, 0)).not_to_have_attribute("data-source", "link")
    assert code_of(page, 0) == originals(page)[0]
    expect(cell(page, 0).locator(".calcweb-link-note")).to_have_count(0)
    page.reload()
    cell(page, 0).locator(".cm-content").wait_for()
    expect(cell(page, 0)).not_to_have_attribute("data-source", "link")
    assert code_of(page, 0) == originals(page)[0]


def test_a_link_opened_in_another_tab_is_held_back_in_this_one_too(
    make_page: Callable[..., Page], server: Server
) -> None:
    # A tab shows the edits another tab saves (calcweb.js): a link's code must
    # come with its marking, or Run all here would run it.
    page = open_page(make_page, server.base)
    cell(page, 0).locator(".cm-content").wait_for()
    other = page.context.new_page()
    other.goto(link_to(server, 0, "x = 'from a link'"))
    expect_link_cell(other, 0, "x = 'from a link'")
    expect_link_cell(page, 0, "x = 'from a link'")
    page.locator("button.calcweb-run-all").click()
    expect(cell(page, 3)).to_have_attribute("data-state", "error", timeout=60_000)
    expect(cell(page, 0)).to_have_attribute("data-state", "idle")
    assert names_defined(page, "x") == []
    # Reset in the other tab brings back the page's code here too, unmarked.
    cell(other, 0).locator("button.calcweb-reset").click()
    expect(cell(page, 0)).not_to_have_attribute("data-source", "link")
    assert code_of(page, 0) == originals(page)[0]


def test_share_by_keyboard_alone(make_page: Callable[..., Page], server: Server) -> None:
    page = open_page(make_page, server.base)
    cell(page, 0).locator(".cm-content").wait_for()
    cell(page, 0).locator("button.calcweb-copy").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('calcweb-share')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused Share button shows no focus ring"
    page.evaluate("navigator.clipboard.writeText('')")
    page.keyboard.press("Enter")
    button = cell(page, 0).locator("button.calcweb-share")
    expect(button).to_have_text("Link copied")
    expect(button).to_have_attribute(
        "aria-label", "Link copied: Share a link to the code of cell 1"
    )
    assert code_in(page.evaluate("navigator.clipboard.readText()")) == (0, originals(page)[0])
    expect(button).to_have_text("Share", timeout=5_000)
    set_code(page, 0, "print('by space')")
    button.focus()
    page.keyboard.press(" ")
    expect(button).to_have_text("Link copied")
    assert code_in(page.evaluate("navigator.clipboard.readText()")) == (0, "print('by space')")


NO_CLIPBOARD = """
Object.defineProperty(navigator, "clipboard", { value: {
  writeText: () => Promise.reject(new DOMException("not allowed", "NotAllowedError")),
} });
"""


def test_without_the_clipboard_the_link_is_shown_selected(
    make_page: Callable[..., Page], server: Server
) -> None:
    page = make_page()
    page.add_init_script(NO_CLIPBOARD)
    page.goto(server.base)
    set_code(page, 2, "print('by hand')")
    cell(page, 2).locator("button.calcweb-share").click()
    field = cell(page, 2).locator("input.calcweb-share-link")
    expect(field).to_be_visible()
    expect(field).to_be_focused()
    link = field.input_value()
    assert code_in(link) == (2, "print('by hand')")
    selected = field.evaluate("f => [f.selectionStart, f.selectionEnd]")
    assert selected == [0, len(link)]
    expect(cell(page, 2).locator("button.calcweb-share")).to_have_text("Share")


def test_a_link_through_instant_navigation(make_page: Callable[..., Page], server: Server) -> None:
    page = open_page(make_page, server.base)
    page.evaluate("window.sameDocument = true")
    last = (SITE / "derivatives" / "index.html").read_text().count('class="calcweb-cell"') - 1
    assert last > 3  # far enough down the page to need a scroll
    link = link_to(server, last, "print('instant')", path="derivatives/")
    # A link in the page, followed as a reader would: mkdocs-material swaps the page in.
    page.evaluate(
        "href => { const a = document.createElement('a'); a.href = href; a.id = 'go';"
        " a.textContent = 'go'; document.querySelector('article').prepend(a); }",
        link,
    )
    page.locator("#go").click()
    expect(page).to_have_url(re.compile(r"/derivatives/$"))
    expect_link_cell(page, last, "print('instant')")
    assert page.evaluate("window.sameDocument") is True
    page.wait_for_function(IN_VIEW, arg=last)
    assert "run" not in posted(page)


def test_a_link_into_a_cell_with_sliders_removes_the_page_codes_sliders(
    make_page: Callable[..., Page], server: Server
) -> None:
    page = open_page(make_page, server.base + "taylor/")
    index = next(i for i, code in enumerate(originals(page)) if "calcweb.slider(" in code)
    # mkdocs-material replaces the page the first time its fragment changes:
    # after that, the cells stay (checked below).
    page.evaluate("location.hash = 'first'")
    expect(cell(page, index).locator(".cm-content")).to_have_count(1)
    page.wait_for_timeout(500)
    run_cell(page, index)
    expect(cell(page, index).locator(".calcweb-slider").first).to_be_visible()
    runs = posted(page).count("run")
    cell(page, index).evaluate("c => { c.sameCell = true; }")
    page.evaluate("fragment => { location.hash = fragment; }", f"cell-{index}={payload('1')}")
    expect_link_cell(page, index, "1")
    assert cell(page, index).evaluate("c => c.sameCell") is True
    # Moving them would run the link's code: they go with the page's code.
    expect(cell(page, index).locator(".calcweb-slider")).to_have_count(0)
    page.wait_for_timeout(300)
    assert posted(page).count("run") == runs
    # Nor do the build's sliders of the page's code come back with a reload.
    page.reload()
    expect_link_cell(page, index, "1")
    expect(cell(page, index).locator(".calcweb-slider")).to_have_count(0)
    expect(cell(page, index + 1)).not_to_have_attribute("data-source", "link")


def test_375_px_wide_nothing_overflows(make_page: Callable[..., Page], server: Server) -> None:
    code = "text = '" + "a long line without spaces " * 20 + "'"
    page = make_page(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    page.add_init_script(NO_CLIPBOARD)
    page.goto(link_to(server, 1, code))
    expect_link_cell(page, 1, code)
    cell(page, 1).locator("button.calcweb-share").tap()
    expect(cell(page, 1).locator("input.calcweb-share-link")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for part in ("button.calcweb-share", ".calcweb-link-note", "input.calcweb-share-link"):
        box = cell(page, 1).locator(part).bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 375, part
    shoot(page, "share-375px")


def shoot(target: Page | Locator, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target.screenshot(path=SCREENSHOTS / f"{name}.png")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_a_link_cell(
    make_page: Callable[..., Page], server: Server, scheme: str
) -> None:
    page = make_page(color_scheme=scheme, viewport={"width": 1000, "height": 900})
    page.add_init_script(NO_CLIPBOARD)
    page.goto(link_to(server, 1, "print('hello from a link')"))
    expect_link_cell(page, 1, "print('hello from a link')")
    page.wait_for_function(IN_VIEW, arg=1)
    shoot(cell(page, 1), f"share-link-cell-{scheme}")
    # The Share button focused, then the link shown to copy by hand.
    cell(page, 0).locator("button.calcweb-copy").focus()
    page.keyboard.press("Tab")
    shoot(cell(page, 0).locator(".calcweb-toolbar"), f"share-focus-{scheme}")
    page.keyboard.press("Enter")
    expect(cell(page, 0).locator("input.calcweb-share-link")).to_be_focused()
    shoot(cell(page, 0), f"share-fallback-{scheme}")
