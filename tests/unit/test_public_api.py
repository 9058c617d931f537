"""The flat public API and the exception hierarchy of DESIGN.md."""

from __future__ import annotations

import importlib.metadata

import pytest

import calcweb


def test_all_is_sorted_unique_and_importable() -> None:
    assert calcweb.__all__ == sorted(set(calcweb.__all__))
    for name in calcweb.__all__:
        assert hasattr(calcweb, name), name


def test_version_matches_the_installed_metadata() -> None:
    assert importlib.metadata.version("calcweb") == calcweb.__version__


@pytest.mark.parametrize(
    ("name", "builtin"),
    [
        ("InvalidArgumentError", ValueError),
        ("DomainError", ValueError),
        ("ArgumentTypeError", TypeError),
        ("NumericalError", ArithmeticError),
    ],
)
def test_every_error_is_a_calcweb_error_and_the_matching_builtin(name: str, builtin: type) -> None:
    error = getattr(calcweb, name)
    assert issubclass(error, calcweb.CalcwebError)
    assert issubclass(error, builtin)


def test_every_public_exception_is_listed() -> None:
    exceptions = [
        name
        for name in calcweb.__all__
        if isinstance(getattr(calcweb, name), type)
        and issubclass(getattr(calcweb, name), BaseException)
    ]
    assert sorted(exceptions) == sorted(calcweb.exceptions.__all__)
