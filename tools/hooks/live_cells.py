"""mkdocs hook: render ```pyodide fences as live cells, with pre-rendered output.

A fence such as::

    ```pyodide
    import calcweb
    print(calcweb.central_difference(lambda x: x**2, 3.0))
    ```

becomes the cell markup of ARCHITECTURE.md, "The DOM contract" (``div.calcweb-cell`` with an
editor, Run / Stop / Reset / Copy buttons and an ``aria-live`` output);
``javascripts/calcweb.js`` brings it to life. ```` ```pyodide expect-error ````
marks a cell that is meant to raise. Cells are numbered per page, in page order;
```` ```pyodide id="taylor-sin" ```` also names a cell, for good: the id is
rendered as ``data-cell-id`` and is how tests find the cell, whatever cells
are added above it (unique per page; lowercase letters, digits and hyphens).

At build time every cell is also executed natively, with the calcweb of the
working tree, in page order and in one namespace per page, by the executor
the browser uses (``calcweb/_cell.py``). Its output (printed text, the last
expression's SVG, HTML, LaTeX, PNG or repr) is embedded in the page and marked
as computed at build time, so readers see results before Python boots and
search engines index them. A cell that raises fails the build unless its
fence says ``expect-error``, and an ``expect-error`` cell that does not raise
fails it too; so does a cell whose value's ``_repr_*_`` fails (the reader
would see a note and a poorer view). The controls a cell declares
(``calcweb.slider``, ``calcweb.choice``, at their defaults) go into the cell's
``data-controls`` as the JSON of the browser's run reply, so ``calcweb.js``
draws them before the cell has run.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from calcweb import _controls
from calcweb._cell import CellResult, run_cell

FENCE_NAME = "pyodide"
_KNOWN_OPTIONS = {"expect-error"}
# A fence's options: the flags above and id="...".
_OPTION = re.compile(r'(?P<flag>[a-z][a-z-]*)|id="(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)"')


@dataclass
class _PageState:
    """The page being converted: its cell counter, its cell ids and its Python namespace."""

    path: str = "?"
    cells: int = 0
    ids: set[str] = field(default_factory=set)
    namespace: dict[str, Any] = field(default_factory=lambda: {"__name__": "__main__"})


_page = _PageState()


# superfences accepts only identifiers as bare options, so on_page_markdown
# spells "expect-error" as "expect_error" before the fence is parsed.
_FENCE_OPTIONS = re.compile(
    rf"^([ \t>]*(?:`{{3,}}|~{{3,}})[ \t]*{FENCE_NAME})([ \t]+[^\n]*)$", re.MULTILINE
)


def _spell_options(match: re.Match[str]) -> str:
    spelled = []
    for word in match[2].split():
        option = _OPTION.fullmatch(word)
        if option is None or (option["flag"] and option["flag"] not in _KNOWN_OPTIONS):
            raise PluginError(
                f"unknown option {word!r} on a ```{FENCE_NAME} fence of {_page.path}; the "
                f'options are {sorted(_KNOWN_OPTIONS)} and id="..." (lowercase letters, '
                "digits and single hyphens)"
            )
        if option["id"] in _page.ids:
            raise PluginError(f'two cells of {_page.path} have id="{option["id"]}"; rename one')
        if option["id"]:
            _page.ids.add(option["id"])
        spelled.append(word.replace("-", "_") if option["flag"] else word)
    return match[1] + "".join(" " + word for word in spelled)


def _validator(
    language: str,
    inputs: dict[str, str],
    options: dict[str, Any],
    attrs: dict[str, str],
    md: Any,
) -> bool:
    options["flags"] = {key.replace("_", "-") for key in inputs if key != "id"}
    options["id"] = inputs.get("id")
    return True


# ------------------------------------------------------------------ build-time run


def _display_html(mime: str, data: str) -> str:
    if mime in {"image/svg+xml", "text/html"}:
        body = data  # produced at build time by the docs' own code
    elif mime == "text/latex":
        tex = data.strip().removeprefix("$$").removesuffix("$$").strip("$")
        body = f'<div class="arithmatex">\\[{html.escape(tex)}\\]</div>'
    elif mime == "image/png":
        body = f'<img alt="figure computed by the cell" src="data:image/png;base64,{data}">'
    else:
        body = f'<pre class="calcweb-result">{html.escape(data)}</pre>'
    return f'<div class="calcweb-display">{body}</div>'


def _output_html(result: CellResult) -> str:
    streams = [("stdout", result.stdout), ("stderr", result.stderr)]
    spans = "".join(
        f'<span class="calcweb-{name}" data-stream="{name}">{html.escape(text)}</span>'
        for name, text in streams
        if text
    )
    parts = [f'<pre class="calcweb-streams">{spans}</pre>'] if spans else []
    parts += [_display_html(mime, data) for mime, data in result.display]
    if result.error:  # apart from the printed output, as calcweb.js shows it
        parts.append(f'<pre class="calcweb-error">{html.escape(result.traceback)}</pre>')
    if not parts:
        return ""
    note = (
        '<p class="calcweb-prerendered-note">Output computed when this page was built; '
        "press Run to compute it in your browser.</p>"
    )
    return note + "".join(parts)


# ------------------------------------------------------------------ markup


def _button(kind: str, label: str, text: str) -> str:
    # Disabled until calcweb.js wires it: a click before then would be lost.
    return (
        f'<button type="button" class="calcweb-{kind} md-button" aria-label="{label}" disabled>'
        f"{text}</button>"
    )


def _format(
    source: str,
    language: str,
    class_name: str,
    options: dict[str, Any],
    md: Any,
    **kwargs: Any,
) -> str:
    index = _page.cells
    _page.cells += 1
    number = index + 1
    code = source.rstrip("\n")
    expect_error = "expect-error" in options.get("flags", ())
    with _controls.session() as declared:
        result = run_cell(code, _page.namespace, f"<cell {number}>")
    where = f"cell {number} of {_page.path}"
    if result.error and not expect_error:
        raise PluginError(
            f"{where} raised at build time (write ```{FENCE_NAME} expect-error if it is "
            f"meant to):\n{result.traceback}"
        )
    if result.display_errors:
        # The reader would see the note and a poorer view: a docs page must not ship that.
        raise PluginError(f"{where}: a representation of its value failed:\n{result.stderr}")
    if expect_error and not result.error:
        raise PluginError(f"{where} is marked expect-error but did not raise")
    expect = ' data-expect="error"' if expect_error else ""
    cell_id = options.get("id")
    named = f' data-cell-id="{html.escape(cell_id)}"' if cell_id else ""
    controls = ""
    if declared:
        declared_json = json.dumps([control.as_dict() for control in declared])
        controls = f' data-controls="{html.escape(declared_json)}"'
    output = _output_html(result)
    prerendered = ' data-prerendered="true"' if output else ""
    run_all = ""
    if index == 0:
        run_all = (
            '<div class="calcweb-page-toolbar">'
            + _button("run-all", "Run all cells on this page", "Run all")
            + "</div>"
        )
    lines = code.count("\n") + 1
    return (
        f"{run_all}"
        f'<div class="calcweb-cell" data-cell-index="{index}"{named}{controls} '
        f'data-state="idle"{expect}>'
        f'<div class="calcweb-toolbar" role="toolbar" aria-label="Cell {number}">'
        f'<span class="calcweb-label">Python · cell {number}'
        '<span class="calcweb-edited" hidden> · edited</span></span>'
        + _button("run", f"Run cell {number}", "Run")
        + _button("stop", f"Stop cell {number}", "Stop")
        + _button("reset", f"Reset cell {number} to its original code", "Reset")
        + _button("copy", f"Copy the code of cell {number}", "Copy")
        + "</div>"
        f'<div class="calcweb-editor-box">'
        f'<textarea class="calcweb-editor" rows="{lines}" spellcheck="false" '
        f'autocapitalize="off" autocomplete="off" aria-label="Python code of cell {number}">'
        f"{html.escape(code)}</textarea></div>"
        f'<div class="calcweb-output" role="status" aria-live="polite"{prerendered}>'
        f"{output}</div>"
        "</div>"
    )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Register the pyodide fence with pymdownx.superfences."""
    if "pymdownx.superfences" not in config.markdown_extensions:
        raise PluginError("live cells need the pymdownx.superfences markdown extension")
    settings = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = settings.setdefault("custom_fences", [])
    fences.append(
        {"name": FENCE_NAME, "class": "calcweb", "format": _format, "validator": _validator}
    )
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Start a page: cells numbered from 0, no ids, a fresh namespace; spell fence options."""
    global _page  # noqa: PLW0603 - one state per page, used by _format during conversion
    _page = _PageState(path=page.file.src_uri)
    return _FENCE_OPTIONS.sub(_spell_options, markdown)
