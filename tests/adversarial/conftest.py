"""Without mpmath (the oracle) the suite is skipped: test_adversarial.py skips itself,
and cases.py, which imports mpmath, is left out of --doctest-modules collection."""

from __future__ import annotations

collect_ignore: list[str] = []
try:
    import mpmath  # noqa: F401  (only to know whether it is installed)
except ImportError:
    collect_ignore.append("cases.py")
