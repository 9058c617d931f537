"""The API reference page documents every public name."""

from __future__ import annotations

import re
from pathlib import Path

import calcweb

API_PAGE = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_every_public_name_is_in_the_api_reference() -> None:
    rendered = set(re.findall(r"^::: ([\w.]+)", API_PAGE.read_text(encoding="utf-8"), re.M))
    missing = []
    for name in calcweb.__all__:
        if name == "__version__":
            continue
        module = getattr(calcweb, name).__module__
        if module not in rendered and f"{module}.{name}" not in rendered:
            missing.append(name)
    assert not missing, f"add these to docs/api.md: {missing}"
