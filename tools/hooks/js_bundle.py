"""mkdocs hook: bundle the live cells' editor (CodeMirror 6) with esbuild.

``tools/js/editor.js`` imports CodeMirror's packages from ``node_modules``
(pinned in ``package-lock.json``); esbuild, pinned there too, bundles and
minifies it into one ES module that the site serves as
``javascripts/calcweb-editor.js``. The result is cached in
``.cache/js-bundle`` by a hash of the sources and of ``package-lock.json``.
"""

from __future__ import annotations

import hashlib
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
BUNDLES = {"javascripts/calcweb-editor.js": SOURCES / "editor.js"}


def _digest() -> str:
    digest = hashlib.sha256((ROOT / "package-lock.json").read_bytes())
    for path in sorted(SOURCES.rglob("*.js")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _bundle(entry: Path, output: Path) -> None:
    if not ESBUILD.is_file():
        raise PluginError(f"{ESBUILD} is missing: run `npm ci` (or `make tools`).")
    command = [
        str(ESBUILD),
        str(entry),
        "--bundle",
        "--format=esm",
        "--minify",
        "--target=es2020",
        "--legal-comments=none",
        "--log-level=warning",
        f"--outfile={output}",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"esbuild failed on {entry}:\n{result.stdout}\n{result.stderr}")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Bundle each entry (once per version of the sources) and add it to the site."""
    folder = CACHE / _digest()
    for uri, entry in BUNDLES.items():
        output = folder / Path(uri).name
        if not output.is_file():
            _bundle(entry, output)
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, abs_src_path=str(output)))
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """Rebundle when the editor's source changes under `mkdocs serve`."""
    server.watch(str(SOURCES))
    return server
