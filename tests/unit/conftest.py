"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest
from hypothesis import settings

from calcweb import _derivative

# No per-example deadline: timing on a shared 2-core machine (and in Pyodide,
# several times slower) is noise, and a slow example is no failure of the code.
# Registered here, loaded by every run of tests/unit, native and in Pyodide.
settings.register_profile("calcweb", deadline=None)
settings.load_profile("calcweb")


@pytest.fixture
def unconfirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real line's confirmation switched off: `_confirmed` returns 0, with no calls.

    Where the quick check agrees, the value's error is at least that confirmation
    (Richardson on the real line); switched off, the check's own formulas, which
    the tests marked with it pin, are the whole error, and its 10 or 12 calls all
    the calls. The confirmation is pinned in test_mutation_kills_derivative_confirmation.py.
    """
    monkeypatch.setattr(_derivative, "_confirmed", lambda *_, **__: 0.0)
