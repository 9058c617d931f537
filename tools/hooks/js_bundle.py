"""mkdocs hook: bundle the live cells' editor (CodeMirror 6) and KaTeX with esbuild.

``tools/js/editor.js`` imports CodeMirror's packages from ``node_modules``
(pinned in ``package-lock.json``); esbuild, pinned there too, bundles and
minifies it into ES modules that the site serves from ``javascripts/``:
``calcweb-editor.js``, whose ``load()`` imports the ``calcweb-editor-*.js``
chunks one per task (see the comment in editor.js on why), by relative URLs;
and ``calcweb-katex.js`` (``tools/js/katex.js``), for the LaTeX of live cells.
The result is cached in ``.cache/js-bundle`` by a hash of the sources, of
``package-lock.json`` and of this file (esbuild's options).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "tools" / "js"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
CACHE = ROOT / ".cache" / "js-bundle"
# The editor, and KaTeX for the LaTeX a live cell shows (the pages' own math
# is typeset at build time by tools/hooks/math.py).
ENTRIES = (SOURCES / "editor.js", SOURCES / "katex.js")
FOLDER = "javascripts"  # where the site serves the bundle and its chunks


def _digest() -> str:
    digest = hashlib.sha256((ROOT / "package-lock.json").read_bytes())
    digest.update(Path(__file__).read_bytes())  # esbuild's options
    for path in sorted(SOURCES.rglob("*.js")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _bundle(entries: tuple[Path, ...], outdir: Path) -> None:
    if not ESBUILD.is_file():
        raise PluginError(f"{ESBUILD} is missing: run `npm ci` (or `make tools`).")
    command = [
        str(ESBUILD),
        *map(str, entries),
        "--bundle",
        "--splitting",
        "--format=esm",
        "--minify",
        "--target=es2020",
        "--legal-comments=none",
        "--log-level=warning",
        # The only Intl.Segmenter is @codemirror/commands' word segmenter for
        # subword motion, which no keymap of ours binds; esbuild cannot prove
        # it unused (reading Intl.Segmenter might have effects), and creating
        # it at load costs ~30 ms (ICU dictionaries). Without it, subword
        # motion falls back to CodeMirror's own character categories.
        "--define:Intl.Segmenter=undefined",
        # V8's explicit compile hint: compile every function while the file
        # streams in, off the main thread, rather than lazily on first call
        # (which made the first editor a 30-80 ms task). A comment elsewhere.
        "--banner:js=//# allFunctionsCalledOnLoad",
        "--entry-names=calcweb-[name]",
        "--chunk-names=calcweb-editor-[hash]",
        f"--outdir={outdir}",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"esbuild failed:\n{result.stdout}\n{result.stderr}")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Bundle the editor (once per version of the sources) and add its files to the site."""
    folder = CACHE / _digest()
    if not folder.is_dir():
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        _bundle(ENTRIES, partial)
        partial.rename(folder)  # only a complete bundle is ever cached
    for output in sorted(folder.glob("*.js")):
        uri = f"{FOLDER}/{output.name}"
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, abs_src_path=str(output)))
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """Rebundle when the editor's source changes under `mkdocs serve`."""
    server.watch(str(SOURCES))
    return server
