"""mkdocs hook: self-host Pyodide, the calcweb wheel and the site's vendored scripts.

At every build this hook

1. builds the calcweb wheel from the working tree (``python -m build``),
2. registers it in a copy of Pyodide's ``pyodide-lock.json`` with pyodide-build's
   ``pyodide lockfile add-wheels`` (which needs Python >= 3.12, so it runs from
   the tool environment ``.venv-pyodide`` that ``make`` creates),
3. precompresses the runtime the live cells fetch (gzip -9, ``<name>.gz``):
   ``pyodide.asm.wasm``, ``pyodide.asm.mjs``, the new lockfile and the
   standard library, whose archive is first repacked with its members stored
   (Pyodide's deflates each member, which leaves gzip nothing to gain), so
   that one gzip stream compresses it as a whole; the worker decompresses them
   while they stream, so the bytes on the wire do not depend on the host,
4. makes a memory snapshot of Pyodide with calcweb imported
   (``tools/make-snapshot.mjs``, under Node): the live cells boot from it,
   skipping seconds of CPython start-up and import,
5. adds to the site the Pyodide runtime from ``node_modules/pyodide`` (the
   originals, for a bare Pyodide page, Node and a browser without
   DecompressionStream), the wheel, the new lockfile, the ``.gz`` files and the
   snapshot under ``pyodide/``, and KaTeX's CSS and fonts and DOMPurify from
   ``node_modules`` under ``vendor/``,
6. writes ``pyodide/download.json``: the size of each file a live cell's first
   run downloads for Python on a fresh start (the worker's scripts included)
   and the snapshot's, which the worker weighs against the measured speed of
   the link and the page names before a download on a metered connection,

so that ``pyodide.loadPackage("calcweb")`` works with no network and the site
loads nothing from another host. Results are cached in ``.cache/site-bundle``
by a hash of the package sources, the Pyodide version, this hook and the
snapshot script.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "calcweb"
NODE_MODULES = ROOT / "node_modules"
CACHE = ROOT / ".cache" / "site-bundle"
PYODIDE = NODE_MODULES / "pyodide"
SNAPSHOT_SCRIPT = ROOT / "tools" / "make-snapshot.mjs"
RUNNER = ROOT / "docs" / "javascripts" / "calcweb_runner.py"  # its imports join the core
# The trimmed standard library (its members stored, then gzip -9), and the
# top-level names of the whole one, whose first import fetches it.
CORE_STDLIB = "python_stdlib-core.zip.gz"
STDLIB_NAMES = "python_stdlib-names.json"
DOWNLOAD_SIZES = "download.json"
# What the worker downloads for a fresh start: these files of pyodide/, the
# wheel, and the worker's own scripts (the page has its own already).
_FRESH_START = (
    "pyodide.mjs",
    "pyodide-lock.json.gz",
    "pyodide.asm.wasm.gz",
    "pyodide.asm.mjs.gz",
    CORE_STDLIB,
    STDLIB_NAMES,
    "snapshot.json",
)
_WORKER_SCRIPTS = (
    "javascripts/calcweb-worker.js",
    "javascripts/pyodide-adapter.js",
    "javascripts/connection.js",
    "javascripts/calcweb_runner.py",
)
# Imported lazily (codecs by name, sysconfig): always in the core. Other
# codecs come with the whole library, at their first use.
_ALWAYS_CORE = (
    *(f"encodings/{codec}.py" for codec in ("__init__", "aliases", "ascii", "latin_1", "cp1252")),
    *(f"encodings/{codec}.py" for codec in ("utf_8", "utf_8_sig", "utf_16", "utf_32", "idna")),
    *(f"encodings/{codec}.py" for codec in ("unicode_escape", "raw_unicode_escape", "punycode")),
    "_sysconfigdata_",
)
PYODIDE_CLI = Path(
    os.environ.get("CALCWEB_PYODIDE_CLI", ROOT / ".venv-pyodide" / "bin" / "pyodide")
)

# Files of the npm package that the browser needs (the rest is docs and types).
_RUNTIME_SUFFIXES = (".mjs", ".js", ".wasm", ".zip")
_VENDOR = {
    "katex": ["katex.min.css", "fonts/*.woff2"],  # its script: javascripts/calcweb-katex.js
    "dompurify": ["purify.es.mjs"],
}


def _sources_digest() -> str:
    digest = hashlib.sha256()
    inputs = [
        ROOT / "pyproject.toml",
        ROOT / "README.md",
        PYODIDE / "package.json",
        Path(__file__),
        SNAPSHOT_SCRIPT,
        RUNNER,
        *sorted(PACKAGE.rglob("*")),
    ]
    for path in inputs:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _run(command: list[str], what: str) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(
            f"{what} failed (exit {result.returncode}): {' '.join(command)}\n"
            f"{result.stdout}\n{result.stderr}"
        )


def _build_bundle() -> Path:
    """Build the wheel and its lockfile into a cache folder named by the sources' hash."""
    folder = CACHE / _sources_digest()
    if (folder / CORE_STDLIB).is_file():  # written last
        return folder
    if not PYODIDE_CLI.is_file():
        raise PluginError(
            f"{PYODIDE_CLI} is missing. It registers the calcweb wheel in Pyodide's "
            "lockfile and needs Python >= 3.12: run `make tools` (or set "
            "CALCWEB_PYODIDE_CLI to a `pyodide` command from pyodide-build)."
        )
    lockfile = PYODIDE / "pyodide-lock.json"
    if not lockfile.is_file():
        raise PluginError(f"{lockfile} is missing: run `npm ci` (or `make node_modules`).")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    _run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(folder), "."],
        "building the calcweb wheel",
    )
    (wheel,) = folder.glob("calcweb-*.whl")
    _run(
        [
            str(PYODIDE_CLI),
            "lockfile",
            "add-wheels",
            "--input",
            str(lockfile),
            "--output",
            str(folder / "pyodide-lock.json.tmp"),
            "--base-path",
            str(folder),
            str(wheel),
        ],
        "registering the wheel in pyodide-lock.json",
    )
    _check_lock_entry(folder / "pyodide-lock.json.tmp", wheel)
    (folder / "pyodide-lock.json.tmp").rename(folder / "pyodide-lock.json")
    _precompress(folder)
    node = shutil.which("node")
    if node is None:
        raise PluginError("node is missing: the Pyodide snapshot is made under Node (make tools).")
    # Writes snapshot-<hash>.gz, then snapshot.json, which marks the folder complete.
    _run([node, str(SNAPSHOT_SCRIPT), str(folder)], "making the Pyodide memory snapshot")
    _pack_core(folder)
    return folder


def _stored(archive: bytes, keep: Callable[[str], bool] | None = None) -> bytes:
    """The zip archive with the same members (those ``keep`` keeps), in the
    same order, stored (not deflated)."""
    packed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as stored,
    ):
        for member in source.infolist():
            if keep is not None and not keep(member.filename):
                continue
            copy = zipfile.ZipInfo(member.filename, member.date_time)
            copy.external_attr = member.external_attr
            stored.writestr(copy, source.read(member))
    return packed.getvalue()


def _precompress(folder: Path) -> None:
    """Write ``<name>.gz`` of each runtime file the worker fetches (gzip -9, no
    timestamp: the same bytes at every build)."""
    runtime = {
        "pyodide.asm.wasm": (PYODIDE / "pyodide.asm.wasm").read_bytes(),
        "pyodide.asm.mjs": (PYODIDE / "pyodide.asm.mjs").read_bytes(),
        "python_stdlib.zip": _stored((PYODIDE / "python_stdlib.zip").read_bytes()),
        "pyodide-lock.json": (folder / "pyodide-lock.json").read_bytes(),
    }
    for name, data in runtime.items():
        (folder / f"{name}.gz").write_bytes(gzip.compress(data, 9, mtime=0))


def _pack_core(folder: Path) -> None:
    """Write the trimmed standard library: the members that make-snapshot.mjs
    listed (``stdlib-core.list``), their folders and ``_ALWAYS_CORE``'s; and the
    top-level names of the whole library. The core archive is written last."""
    listed = set(json.loads((folder / "stdlib-core.list").read_text()))
    if not listed:
        raise PluginError("make-snapshot.mjs listed no module of the standard library")
    whole = (PYODIDE / "python_stdlib.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(whole)) as archive:
        names = archive.namelist()
    missing = listed - set(names)
    if missing:
        raise PluginError(f"modules listed for the core are not in python_stdlib.zip: {missing}")
    parts = [name.split("/")[:-1] for name in listed]
    folders = {"/".join(path[:depth]) + "/" for path in parts for depth in range(1, len(path) + 1)}

    def keep(name: str) -> bool:
        return name in listed or name in folders or name.startswith(_ALWAYS_CORE)

    top_level = sorted({name.split("/")[0].removesuffix(".py") for name in names})
    (folder / STDLIB_NAMES).write_text(json.dumps(top_level))
    core = gzip.compress(_stored(whole, keep), 9, mtime=0)
    (folder / f"{CORE_STDLIB}.tmp").write_bytes(core)
    (folder / f"{CORE_STDLIB}.tmp").rename(folder / CORE_STDLIB)


def _check_lock_entry(lockfile: Path, wheel: Path) -> None:
    entry = json.loads(lockfile.read_text())["packages"].get("calcweb")
    sha256 = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if not entry or entry["file_name"] != wheel.name or entry["sha256"] != sha256:
        raise PluginError(f"pyodide-lock.json has no valid calcweb entry for {wheel.name}: {entry}")


def _add(files: Files, config: MkDocsConfig, uri: str, source: Path) -> None:
    existing = files.get_file_from_path(uri)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, uri, abs_src_path=str(source)))


def _download_sizes(files: Files) -> dict[str, object]:
    """The bytes of each file on the fresh start's path, their sum, and the snapshot's."""
    paths: dict[str, Path] = {}
    wheels = [file.src_uri for file in files if file.src_uri.startswith("pyodide/calcweb-")]
    for uri in (*(f"pyodide/{name}" for name in _FRESH_START), *_WORKER_SCRIPTS, *wheels):
        file = files.get_file_from_path(uri)
        if file is None or file.abs_src_path is None:
            raise PluginError(f"{uri} is not in the site: the live cells' worker needs it")
        paths[uri] = Path(file.abs_src_path)
    snapshot_uri = "pyodide/" + json.loads(paths["pyodide/snapshot.json"].read_text())["file"]
    snapshot = files.get_file_from_path(snapshot_uri)
    if snapshot is None or snapshot.abs_src_path is None:
        raise PluginError(f"pyodide/snapshot.json names {snapshot_uri}, which is not in the site")
    sizes = {uri: path.stat().st_size for uri, path in paths.items()}
    return {
        "fresh_bytes": sum(sizes.values()),
        "snapshot_bytes": Path(snapshot.abs_src_path).stat().st_size,
        "fresh_files": sizes,
    }


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the Pyodide runtime, the wheel, the lockfile and vendored scripts to the site."""
    bundle = _build_bundle()
    for path in sorted(PYODIDE.iterdir()):
        if path.suffix in _RUNTIME_SUFFIXES:
            _add(files, config, f"pyodide/{path.name}", path)
    for path in sorted(bundle.iterdir()):
        if path.suffix in {".whl", ".json", ".gz"}:
            _add(files, config, f"pyodide/{path.name}", path)
    for package, patterns in _VENDOR.items():
        dist = NODE_MODULES / package / "dist"
        for pattern in patterns:
            matches = sorted(dist.glob(pattern))
            if not matches:
                raise PluginError(f"{dist / pattern} is missing: run `npm ci`.")
            for path in matches:
                _add(files, config, f"vendor/{package}/{path.relative_to(dist).as_posix()}", path)
    sizes = json.dumps(_download_sizes(files), indent=1)
    files.append(File.generated(config, f"pyodide/{DOWNLOAD_SIZES}", content=sizes))
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """Rebuild the site (and the wheel) when the package changes under `mkdocs serve`."""
    server.watch(str(PACKAGE))
    return server
