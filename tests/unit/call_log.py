"""Stand-ins that record how they are called, for tests that count or place the calls."""

from __future__ import annotations

from typing import Any


def recording(g: Any) -> tuple[Any, list[Any]]:
    """``g`` wrapped to append each argument to a list; the wrapper and the list."""
    calls: list[Any] = []

    def f(t: Any) -> Any:
        calls.append(t)
        return g(t)

    return f, calls


class Recorder:
    """A stand-in that records its arguments and returns the next of ``results``.

    ``calls`` holds the positional arguments of each call, ``keywords`` its keyword ones.
    """

    def __init__(self, *results: float) -> None:
        self.results = list(results)
        self.calls: list[tuple[Any, ...]] = []
        self.keywords: list[dict[str, Any]] = []

    def __call__(self, *args: Any, **keywords: Any) -> float:
        self.calls.append(args)
        self.keywords.append(keywords)
        return self.results.pop(0) if self.results else 0.0
