"""The parameter groups of torch (``param_groups``) on calcweb's optimisers: a view of one.

torch's learning-rate schedules (and code written for them) change the rate
through ``for group in opt.param_groups: group["lr"] = ...``. calcweb's
optimisers hold one group of parameters with one set of hyper-parameters,
kept as attributes (``opt.lr``), so their one group is a live view of those:
reading or writing ``group["lr"]`` reads or writes ``opt.lr``.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError

NOT_HYPER = ("params", "state")  # an optimiser's attributes that are no hyper-parameter


def hyper_parameters(optimizer: object) -> dict[str, Any]:
    """The optimiser's hyper-parameters by torch's names (its attributes but params and state)."""
    return {k: v for k, v in vars(optimizer).items() if k not in NOT_HYPER}


class ParamGroup(MutableMapping[str, Any]):
    """The one parameter group of a calcweb optimiser: ``"params"`` and its hyper-parameters.

    Writing a hyper-parameter sets the optimiser's attribute (``group["lr"] =
    0.01`` is ``opt.lr = 0.01``), checked as the constructor checks it:
    ``group["lr"] = -1`` raises the constructor's error, where torch's would
    step uphill. ``"params"`` is read-only, and no key can be added or removed.
    """

    def __init__(self, optimizer: object) -> None:
        self._optimizer = optimizer

    def _keys(self) -> list[str]:
        return ["params", *hyper_parameters(self._optimizer)]

    def __getitem__(self, key: str) -> Any:
        if key == "params":
            return self._optimizer.params  # type: ignore[attr-defined]
        hyper = hyper_parameters(self._optimizer)
        if key not in hyper:
            raise KeyError(key)
        return hyper[key]

    def __setitem__(self, key: str, value: Any) -> None:
        name = type(self._optimizer).__name__
        if key == "params":
            raise InvalidArgumentError(
                f"the parameter list of a {name} is given when it is built and cannot be "
                "replaced; to optimise other Values, build a new optimiser: "
                f"{name}(new_params, ...)"
            )
        if key not in hyper_parameters(self._optimizer):
            raise InvalidArgumentError(
                f"{key!r} is not a setting of {name}, whose one parameter group holds "
                f"{', '.join(self._keys())}: keep other values in variables of your own"
            )
        setattr(self._optimizer, key, value)

    def __delitem__(self, key: str) -> None:
        raise ArgumentTypeError(
            f"the settings of {type(self._optimizer).__name__}'s parameter group cannot be "
            f"removed; assign a new value instead (group[{key!r}] = ...)"
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    def __repr__(self) -> str:
        return repr(dict(self))
