"""The flat public API and the exception hierarchy of ARCHITECTURE.md ("Rules")."""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import re
import types

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


def test_no_public_module_is_shadowed_by_a_public_name() -> None:
    # `import calcweb.taylor` once gave the function taylor; modules named
    # like their function are private now, so every public one is reachable.
    for info in pkgutil.iter_modules(calcweb.__path__):
        module = importlib.import_module(f"calcweb.{info.name}")
        if not info.name.startswith("_"):
            assert getattr(calcweb, info.name) is module, info.name
    for name in calcweb.__all__:
        assert not isinstance(getattr(calcweb, name), types.ModuleType), name


def test_the_modules_the_package_docstring_names_exist() -> None:
    named = re.findall(r"``calcweb\.(\w+)``", calcweb.__doc__ or "")
    assert len(named) >= 10
    for name in named:  # a private module, a public one reachable by name, or a public function
        if name.startswith("_"):
            assert isinstance(importlib.import_module(f"calcweb.{name}"), types.ModuleType)
        elif name not in calcweb.__all__:
            assert getattr(calcweb, name) is importlib.import_module(f"calcweb.{name}"), name


@pytest.mark.parametrize("name", ["derivative", "taylor", "integrate"])
def test_the_functions_are_what_their_names_give(name: str) -> None:
    assert callable(getattr(calcweb, name))
    assert getattr(calcweb, name).__module__ == f"calcweb._{name}"
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(f"calcweb.{name}")


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("jvp", "calcweb.multivariate"),
        ("vjp", "calcweb.multivariate"),
        ("softmax", "calcweb.nn.losses"),
        ("log_softmax", "calcweb.nn.losses"),
        ("binary_cross_entropy_with_logits", "calcweb.nn.losses"),
    ],
)
def test_the_names_of_issue_17_are_exported_flat_and_from_their_module(
    name: str, module: str
) -> None:
    function = getattr(calcweb, name)
    assert function.__module__ == module
    assert getattr(importlib.import_module(module), name) is function
    if module.startswith("calcweb.nn"):
        assert getattr(calcweb.nn, name) is function
