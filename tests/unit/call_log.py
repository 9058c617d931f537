"""``f`` that records every point it is called at, for tests that count or place the calls."""

from __future__ import annotations

from typing import Any


def recording(g: Any) -> tuple[Any, list[Any]]:
    """``g`` wrapped to append each argument to a list; the wrapper and the list."""
    calls: list[Any] = []

    def f(t: Any) -> Any:
        calls.append(t)
        return g(t)

    return f, calls
