"""mkdocs hook: render ```pyodide fences as live cells.

A fence such as::

    ```pyodide
    import calcweb
    print(calcweb.central_difference(lambda x: x**2, 3.0))
    ```

becomes the cell markup of DESIGN.md (``div.calcweb-cell`` with an editor,
Run / Stop / Reset buttons and an ``aria-live`` output); ``javascripts/calcweb.js``
brings it to life. ```` ```pyodide expect-error ```` marks a cell that is meant
to raise. Cells are numbered per page, in page order.
"""

from __future__ import annotations

import html
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

FENCE_NAME = "pyodide"
_KNOWN_OPTIONS = {"expect-error"}

_cells_on_page = 0


# superfences accepts only identifiers as bare options, so on_page_markdown
# spells "expect-error" as "expect_error" before the fence is parsed.
_FENCE_OPTIONS = re.compile(
    rf"^([ \t>]*(?:`{{3,}}|~{{3,}})[ \t]*{FENCE_NAME})([ \t]+[^\n]*)$", re.MULTILINE
)


def _spell_options(match: re.Match[str]) -> str:
    words = match[2].split()
    unknown = set(words) - _KNOWN_OPTIONS
    if unknown:
        raise PluginError(
            f"unknown option(s) {sorted(unknown)} on a ```{FENCE_NAME} fence; "
            f"the only option is {sorted(_KNOWN_OPTIONS)}"
        )
    return match[1] + "".join(" " + word.replace("-", "_") for word in words)


def _options_from_header(values: dict[str, str]) -> set[str]:
    return {key.replace("_", "-") for key in values}


def _validator(
    language: str,
    inputs: dict[str, str],
    options: dict[str, Any],
    attrs: dict[str, str],
    md: Any,
) -> bool:
    options["flags"] = _options_from_header(inputs)
    return True


def _button(kind: str, label: str, text: str, hidden: bool = False) -> str:
    extra = " hidden" if hidden else ""
    return (
        f'<button type="button" class="calcweb-{kind} md-button" '
        f'aria-label="{label}"{extra}>{text}</button>'
    )


def _format(
    source: str,
    language: str,
    class_name: str,
    options: dict[str, Any],
    md: Any,
    **kwargs: Any,
) -> str:
    global _cells_on_page  # noqa: PLW0603 - one counter per page, reset by on_page_markdown
    index = _cells_on_page
    _cells_on_page += 1
    code = source.rstrip("\n")
    expect = ' data-expect="error"' if "expect-error" in options.get("flags", ()) else ""
    lines = code.count("\n") + 1
    run_all = ""
    if index == 0:
        run_all = (
            '<div class="calcweb-page-toolbar">'
            + _button("run-all", "Run all cells on this page", "Run all")
            + "</div>"
        )
    number = index + 1
    return (
        f"{run_all}"
        f'<div class="calcweb-cell" data-cell-index="{index}" data-state="idle"{expect}>'
        f'<div class="calcweb-toolbar" role="toolbar" aria-label="Cell {number}">'
        f'<span class="calcweb-label">Python · cell {number}</span>'
        + _button("run", f"Run cell {number}", "Run")
        + _button("stop", f"Stop cell {number}", "Stop")
        + _button("reset", f"Reset cell {number} to its original code", "Reset")
        + "</div>"
        f'<textarea class="calcweb-editor" rows="{lines}" spellcheck="false" '
        f'autocapitalize="off" autocomplete="off" aria-label="Python code of cell {number}">'
        f"{html.escape(code)}</textarea>"
        '<div class="calcweb-output" role="status" aria-live="polite"></div>'
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
    """Start numbering cells from 0 on every page; spell fence options for superfences."""
    global _cells_on_page  # noqa: PLW0603 - see _format
    _cells_on_page = 0
    return _FENCE_OPTIONS.sub(_spell_options, markdown)
