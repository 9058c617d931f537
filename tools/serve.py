"""Serve the built site on 127.0.0.1, at / and at the sub-path of site_url.

Used by ``make serve`` and by the browser tests. Every response carries the
cross-origin isolation headers (COOP/COEP) so that Stop can interrupt Python
without restarting it; ``--no-isolation`` serves without them, like GitHub
Pages does.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".json": "application/json",
    ".zip": "application/zip",
    ".woff2": "font/woff2",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of one folder, mounted at "/" and at extra prefixes."""

    # The base class's mapping, extended (a class attribute by design).
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **_TYPES}  # noqa: RUF012

    def __init__(
        self, *args: Any, prefixes: tuple[str, ...], isolation: bool, quiet: bool, **kwargs: Any
    ) -> None:
        self.prefixes = prefixes
        self.isolation = isolation
        self.quiet = quiet
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        for prefix in self.prefixes:
            if path.startswith(prefix):
                path = "/" + path[len(prefix) :]
                break
        return super().translate_path(path)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        if self.isolation:
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
            self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        if not self.quiet:
            super().log_message(format, *args)


class SiteServer(http.server.ThreadingHTTPServer):
    """A threading server that does not print a traceback when a browser hangs up."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(
    directory: Path,
    port: int = 0,
    prefixes: tuple[str, ...] = (),
    isolation: bool = True,
    quiet: bool = False,
) -> SiteServer:
    """A server for ``directory`` on 127.0.0.1 (port 0 picks a free port)."""
    handler = functools.partial(
        SiteHandler, directory=str(directory), prefixes=prefixes, isolation=isolation, quiet=quiet
    )
    return SiteServer(("127.0.0.1", port), handler)


def serve_in_thread(server: SiteServer) -> threading.Thread:
    """Run ``server`` in a daemon thread; call ``server.shutdown()`` to stop it."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--directory", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--prefix",
        action="append",
        default=[],
        help="a path the site is also served under, such as /calcweb/ (repeatable)",
    )
    parser.add_argument(
        "--no-isolation",
        action="store_true",
        help="omit the COOP/COEP headers, as GitHub Pages does",
    )
    args = parser.parse_args()
    if not (args.directory / "index.html").is_file():
        parser.error(f"{args.directory} holds no built site: run `make build` first")
    server = make_server(args.directory, args.port, tuple(args.prefix), not args.no_isolation)
    also = f" (also under {', '.join(args.prefix)})" if args.prefix else ""
    print(
        f"Serving {args.directory} on http://127.0.0.1:{args.port}/{also}; Ctrl+C stops.",
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
