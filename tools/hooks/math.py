"""mkdocs hook: typeset the pages' math with KaTeX at build time.

pymdownx.arithmatex (``generic: true``) wraps each formula in
``<span class="arithmatex">\\(...\\)</span>`` or ``<div class="arithmatex">\\[...\\]</div>``;
this hook replaces the TeX inside by KaTeX's HTML (and MathML for screen
readers), rendered by ``tools/render-math.mjs`` with the pinned npm ``katex``.
Readers get typeset math in the first paint, with no math script to run (the
site serves only KaTeX's CSS and fonts; a live cell that shows LaTeX loads
KaTeX on demand). A formula KaTeX cannot parse fails the build and names its
page. Rendered formulas are cached in ``.cache/math`` by a hash of the TeX
and of ``package-lock.json`` (KaTeX's version).
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
RENDERER = ROOT / "tools" / "render-math.mjs"
CACHE = ROOT / ".cache" / "math"
# arithmatex's generic output; the TeX inside is HTML-escaped.
FORMULA = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">'
    r"(?P<open>\\\(|\\\[)(?P<tex>.*?)(?:\\\)|\\\])</(?P=tag)>",
    re.DOTALL,
)

_rendered: dict[str, str] = {}  # cache key -> KaTeX HTML, for this build


@functools.cache
def _katex_version() -> str:
    """A digest of package-lock.json, read once: it pins KaTeX's version."""
    return hashlib.sha256((ROOT / "package-lock.json").read_bytes()).hexdigest()


def _key(tex: str, display: bool) -> str:
    return hashlib.sha256(f"{_katex_version()}:{display}:{tex}".encode()).hexdigest()[:24]


def _render(formulas: list[tuple[str, bool]], where: str) -> None:
    """KaTeX HTML for each formula not rendered yet, into ``_rendered``."""
    todo = {_key(tex, display): (tex, display) for tex, display in formulas}
    todo = {key: formula for key, formula in todo.items() if key not in _rendered}
    for key in list(todo):
        cached = CACHE / f"{key}.html"
        if cached.is_file():
            _rendered[key] = cached.read_text(encoding="utf-8")
            del todo[key]
    if not todo:
        return
    node = shutil.which("node")
    if node is None:
        raise PluginError("node is missing: the math is typeset by KaTeX under Node (make tools).")
    request = [{"tex": tex, "display": display} for tex, display in todo.values()]
    result = subprocess.run(
        [node, str(RENDERER)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if result.returncode != 0:
        raise PluginError(f"{RENDERER.name} failed on {where}:\n{result.stderr}")
    CACHE.mkdir(parents=True, exist_ok=True)
    for (key, (tex, _)), answer in zip(todo.items(), json.loads(result.stdout), strict=True):
        if "error" in answer:
            raise PluginError(
                f"KaTeX cannot typeset a formula on {where}: {tex!r}\n{answer['error']}"
            )
        _rendered[key] = answer["html"]
        (CACHE / f"{key}.html").write_text(answer["html"], encoding="utf-8")


def _formula(match: re.Match[str]) -> tuple[str, bool]:
    """The TeX of a formula, and whether it is displayed (a block)."""
    return html.unescape(match["tex"]).strip(), match["open"] == "\\["


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace each arithmatex formula of the page by its KaTeX rendering."""
    matches = list(FORMULA.finditer(html_text))
    if not matches:
        return html_text
    _render([_formula(match) for match in matches], page.file.src_uri)

    def typeset(match: re.Match[str]) -> str:
        tag = match["tag"]
        return f'<{tag} class="arithmatex">{_rendered[_key(*_formula(match))]}</{tag}>'

    return FORMULA.sub(typeset, html_text)


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    """Each build starts from the disk cache (``mkdocs serve`` rebuilds in one process)."""
    _rendered.clear()
    _katex_version.cache_clear()  # `npm ci` may have changed KaTeX meanwhile
    return config
