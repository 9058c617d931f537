r"""The optimisers of ``torch.optim``, one scalar parameter at a time.

Each class follows torch's update rule line for line (its ``foreach=False``
path), with the same hyper-parameter names, defaults and meaning, so what you
learn here carries over to PyTorch unchanged. Writing $g$ for the
gradient, $\theta$ for a parameter and $\gamma$ for the learning
rate:

* ``SGD``: $\theta \leftarrow \theta - \gamma g$, with optional
  momentum $b \leftarrow \mu b + (1 - \tau) g$ (the first step sets
  $b = g$), stepping along $b$ (Nesterov: along $g + \mu b$).
* ``Adam``: moving averages $m \leftarrow \beta_1 m + (1-\beta_1) g$,
  $v \leftarrow \beta_2 v + (1-\beta_2) g^2$, bias-corrected, then
  $\theta \leftarrow \theta - \gamma \frac{\hat m}{\sqrt{\hat v} + \epsilon}$.
* ``AdamW``: Adam with *decoupled* weight decay
  $\theta \leftarrow \theta(1 - \gamma\lambda)$ instead of adding
  $\lambda\theta$ to the gradient.
* ``RMSprop``: $v \leftarrow \alpha v + (1-\alpha) g^2$,
  $\theta \leftarrow \theta - \gamma g / (\sqrt v + \epsilon)$.
* ``Adagrad``: $s \leftarrow s + g^2$,
  $\theta \leftarrow \theta - \gamma g / (\sqrt s + \epsilon)$.

``weight_decay`` (except in AdamW) adds $\lambda\theta$ to the gradient;
``maximize=True`` climbs instead of descending. Each optimiser keeps what it
remembers per parameter in ``state[p]`` under torch's names (``exp_avg``,
``exp_avg_sq``, ``momentum_buffer``, ``square_avg``, ``sum``, ``step``, ...).

Examples:
    >>> from calcweb.nn import Value
    >>> x = Value(5.0)
    >>> opt = SGD([x], lr=0.1)
    >>> for _ in range(3):
    ...     opt.zero_grad()
    ...     loss = x ** 2
    ...     loss.backward()
    ...     opt.step()
    >>> round(x.data, 6)     # each step multiplies x by 1 - 0.1 * 2
    2.56
"""

from __future__ import annotations

import functools
import inspect
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from numbers import Real
from typing import Any

from calcweb._checks import check_flag, check_real, checking_arguments, listed, unknown_arguments
from calcweb.exceptions import (
    ArgumentTypeError,
    DivisionByZeroError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.nn.value import NO_GRADIENT, Value
from calcweb.optim._param_group import ParamGroup, hyper_parameters

__all__ = ["SGD", "Adagrad", "Adam", "AdamW", "Optimizer", "RMSprop"]

State = dict[str, float]


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise InvalidArgumentError(message)


def _nonnegative(value: object, name: str, label: str) -> float:
    value = check_real(value, name)
    _require(value >= 0.0, f"Invalid {label}: {value!r} ({name} must be >= 0)")
    return value


def _betas(betas: object) -> tuple[float, float]:
    pair = listed(betas)
    if pair is None:
        raise ArgumentTypeError(
            f"betas must be a pair (beta1, beta2) such as (0.9, 0.999), but got "
            f"{type(betas).__name__} {betas!r}"
        )
    if len(pair) != 2:
        raise InvalidArgumentError(
            f"betas must be a pair (beta1, beta2) such as (0.9, 0.999), but got "
            f"{len(pair)} values {pair!r}"
        )
    beta1, beta2 = (check_real(beta, f"betas[{i}]") for i, beta in enumerate(pair))
    for i, beta in enumerate((beta1, beta2)):
        _require(
            0.0 <= beta < 1.0,
            f"Invalid beta parameter at index {i}: {beta!r} (needs 0 <= beta < 1)",
        )
    return beta1, beta2


def _alpha(alpha: object) -> float:
    """RMSprop's ``alpha``, in [0, 1]."""
    value = _nonnegative(alpha, "alpha", "alpha value")
    # torch accepts alpha > 1, but then the "average" of g² turns negative and
    # its square root is NaN.
    _require(
        value <= 1.0,
        f"Invalid alpha value: {value!r} (alpha must be <= 1: it weighs the old "
        "average of g² against the new g², as 0.99 does by default)",
    )
    return value


def _nonnegative_check(name: str, label: str) -> Callable[[object], float]:
    return functools.partial(_nonnegative, name=name, label=label)


def _flag_check(name: str) -> Callable[[object], bool]:
    return functools.partial(check_flag, name=name)


# How each of torch's hyper-parameters is checked (and cleaned: betas become a
# tuple of floats) whenever it is set: by the constructor, as opt.lr = ..., or
# through param_groups, so that step() never runs on a value the constructor refuses.
_HYPER_CHECKS: dict[str, Callable[[object], object]] = {
    "lr": _nonnegative_check("lr", "learning rate"),
    "momentum": _nonnegative_check("momentum", "momentum value"),
    "dampening": functools.partial(check_real, name="dampening"),
    "weight_decay": _nonnegative_check("weight_decay", "weight_decay value"),
    "lr_decay": _nonnegative_check("lr_decay", "lr_decay value"),
    "initial_accumulator_value": _nonnegative_check(
        "initial_accumulator_value", "initial_accumulator_value value"
    ),
    "eps": _nonnegative_check("eps", "epsilon value"),
    "betas": _betas,
    "alpha": _alpha,
    "nesterov": _flag_check("nesterov"),
    "amsgrad": _flag_check("amsgrad"),
    "centered": _flag_check("centered"),
    "maximize": _flag_check("maximize"),
}


def _checked(name: str, value: object) -> object:
    """``value`` as hyper-parameter ``name`` is kept, or the constructor's error.

    A name that is no hyper-parameter of torch's (``params``, a reader's own
    setting) is kept as given.
    """
    check = _HYPER_CHECKS.get(name)
    return value if check is None else check(value)


def _as_list(params: object) -> list[object]:
    """The parameters as a list: one Value, or any iterable of them."""
    items: list[object] | None = [params] if isinstance(params, Value) else listed(params)
    if items is None:
        raise ArgumentTypeError(
            f"params must be a list of calcweb.Value (such as model.parameters() or [w, b]), "
            f"but got {type(params).__name__} {params!r}; {_fix_for(params)}"
        )
    return items


def _fix_for(params: object, otherwise: str = "wrap each number in Value(...)") -> str:
    """How to turn what an optimiser got instead of a list of Values into one."""
    if callable(getattr(params, "parameters", None)):  # the model itself
        return "pass its parameters: model.parameters()"
    if callable(params):  # model.parameters without the ()
        return "call it: pass model.parameters(), with the parentheses"
    return otherwise


def _parameter(p: object, index: int) -> Value:
    """``params[index]``, checked to be a Value the optimiser can update: a leaf."""
    if isinstance(p, Mapping):  # torch's parameter groups: {"params": [...], "lr": ...}
        raise ArgumentTypeError(
            f"params[{index}] is a dict (a torch parameter group?); calcweb's optimisers take "
            "one list of Values with one set of hyper-parameters: for groups with different "
            "settings, make one optimiser per group, e.g. SGD(group['params'], lr=0.1)"
        )
    if not isinstance(p, Value):
        raise ArgumentTypeError(
            f"an optimizer updates Values, but params[{index}] is "
            f"{type(p).__name__} {p!r}; "
            + _fix_for(p, "wrap each number in Value(...) or pass model.parameters()")
        )
    if p.inputs:
        # backward() adds to a leaf's grad but overwrites a computed value's, so
        # gradients from several backward() calls would not add up.
        raise InvalidArgumentError(
            f"params[{index}] ({p!r}) was computed from other Values (by {p.op!r}), so its "
            "gradient does not accumulate over backward() calls (torch: \"can't optimize a "
            'non-leaf Tensor"); make it a Value of its own: w = Value(w.data)'
        )
    return p


def _lerp(start: float, end: float, weight: float) -> float:
    """``start + weight * (end - start)``, evaluated as torch's ``lerp`` does."""
    if abs(weight) < 0.5:
        return start + weight * (end - start)
    return end - (end - start) * (1.0 - weight)


def _default_eps(kind: type) -> float:
    """The ``eps`` an optimiser class takes by default (torch's: Adagrad's is 1e-10).

    From the nearest class that names it: a reader's subclass may not.
    """
    for cls in kind.__mro__:
        init = cls.__dict__.get("__init__")
        if init is not None:
            eps = inspect.signature(init).parameters.get("eps")
            if eps is not None and isinstance(eps.default, float):
                return eps.default
    return 1e-8


def _why_zero(grad: float) -> str:
    """Why the root of an average of squared gradients (Adagrad's sum) came out 0."""
    if grad == 0.0:
        # Earlier gradients need not be 0: alpha=0 or betas[1]=0 keeps only the last.
        return (
            "the gradient is 0 and so is the average of the squared gradients (all 0 so "
            "far, or forgotten with RMSprop's alpha=0 or Adam's betas[1]=0)"
        )
    if grad * grad == 0.0:
        return f"the square of the gradient {grad!r} underflows to 0"
    return (
        "the average of the squared gradients is 0 (it underflows, or RMSprop keeps it 0 "
        "with alpha=1, or centred with alpha=0, or weight_decay * theta cancels the "
        "gradient)"
    )


def _checking_arguments(init: Callable[..., None]) -> Callable[..., None]:
    """``init``, refusing arguments it does not take with a calcweb error that names them.

    Python's own TypeError ("unexpected keyword argument 'beta1'") names neither
    the keywords an optimiser takes nor the one meant; this says both. The
    signature shown by ``help`` and the API pages is ``init``'s own.
    """
    signature = inspect.signature(init)
    keywords = [name for name in signature.parameters if name not in {"self", "params"}]

    @functools.wraps(init)
    def checked(self: Optimizer, *args: Any, **kwargs: Any) -> None:
        try:
            signature.bind(self, *args, **kwargs)
        except TypeError as error:
            name = type(self).__name__
            problem = unknown_arguments(kwargs, ["params", *keywords], error)
            raise ArgumentTypeError(
                f"{name} {problem}; it takes params, then {', '.join(keywords)}"
            ) from None
        init(self, *args, **kwargs)

    return checked


class _Careful(Exception):  # noqa: N818  a signal inside step(), never raised out of it
    """Leave `Optimizer.step`'s fast path for the careful one."""


def _number(value: object, index: int, what: str) -> float:
    """A parameter's ``data`` or ``grad`` as a finite float, or the error saying why not."""
    if type(value) is not float:  # the fast path: backward() writes floats
        if isinstance(value, bool) or not isinstance(value, Real):
            raise ArgumentTypeError(
                f"params[{index}].{what} is {type(value).__name__} {value!r}, not a number; "
                f"{what} must be a float (backward() sets grad, Value(x) sets data)"
            )
        try:
            value = float(value)
        except OverflowError as error:  # an int beyond 1.8e308
            raise NumericalError(
                f"params[{index}].{what} is an integer too large for a float; "
                "scale it down below about 1e308"
            ) from error
    if not math.isfinite(value):
        cause = (
            "the loss or its gradient overflowed or left a function's domain"
            if what == "grad"
            else "an earlier update overflowed"
        )
        raise NumericalError(
            f"params[{index}].{what} is {value!r}, not a finite number, so the step would "
            f"write {value!r} into the parameter: {cause}. Try a smaller learning rate, or "
            "clip the gradients with calcweb.clip_grad_norm(params, max_norm)"
        )
    return value


class Optimizer:
    """Base class: holds the parameters and their per-parameter ``state``.

    Use one of its subclasses (`SGD`, `Adam`, `AdamW`, `RMSprop`, `Adagrad`);
    a new optimiser overrides ``_update(theta, grad, state)``, which returns
    the new value of one parameter and may change its ``state`` dict.

    A `step` either updates every parameter or, if any gradient or update is
    not a finite number, raises a `calcweb.NumericalError` and changes
    nothing, so a diverging run stops where it went wrong.

    A hyper-parameter of torch's (``lr``, ``betas``, ``eps``, ...) is checked
    whenever it is set, by the constructor, as ``opt.lr = 0.01`` or through
    `param_groups`: one the constructor refuses (``opt.lr = -1``, ``nan``,
    ``betas=(0.9, 1.0)``) raises the constructor's error there, and no step
    runs on it. (SGD's rule that Nesterov needs momentum and no dampening is
    the constructor's only: set afterwards, Nesterov with momentum 0 is plain
    SGD, as in torch.)

    Args:
        params: The ``Value`` objects to optimise, e.g. ``model.parameters()``.

    Attributes:
        params: The list of parameters.
        state: ``state[p]`` is a dict of what the optimiser remembers about
            ``p`` (empty until the first ``step()``).

    Raises:
        ArgumentTypeError: If ``params`` is not a list of ``Value``, or if
            ``Optimizer`` itself is built instead of a subclass.
        InvalidArgumentError: If ``params`` is empty or holds a Value twice.
    """

    def __setattr__(self, name: str, value: object) -> None:
        # One check for the constructor, opt.lr = ... and param_groups alike.
        object.__setattr__(self, name, _checked(name, value))

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__init__" in cls.__dict__:  # each optimiser, and one a reader writes
            cls.__init__ = _checking_arguments(cls.__dict__["__init__"])  # type: ignore[method-assign]

    def __init__(self, params: Iterable[Value]) -> None:
        if type(self) is Optimizer:
            raise ArgumentTypeError(
                "Optimizer is the base class and has no update rule; use calcweb.SGD, "
                "calcweb.Adam, calcweb.AdamW, calcweb.RMSprop or calcweb.Adagrad"
            )
        items = _as_list(params)
        _require(
            bool(items),
            "optimizer got an empty parameter list; pass the Values to optimise, "
            "e.g. model.parameters() or [w, b]",
        )
        for index, p in enumerate(items):
            _parameter(p, index)
        # The same Value twice would be stepped twice (torch warns it will refuse this).
        _require(
            len({id(p) for p in items}) == len(items),
            "params holds the same Value more than once, so it would be updated twice per "
            "step; pass each parameter once",
        )
        self.params: list[Value] = items  # type: ignore[assignment]  # checked above
        # As torch's: state[p] is an empty dict until p's first step, even when read.
        self.state: defaultdict[Value, State] = defaultdict(dict)

    @property
    def param_groups(self) -> list[ParamGroup]:
        """Torch-style ``param_groups``: one group, a live view of this optimiser's settings.

        ``for group in opt.param_groups: group["lr"] = 0.01``, as torch's
        learning-rate schedules write it, sets ``opt.lr``; ``group["params"]``
        is ``opt.params``. calcweb's optimisers hold one group of parameters.
        """
        return [ParamGroup(self)]

    def add_param_group(self, param_group: object) -> None:  # noqa: ARG002 - torch's signature
        """Refused: calcweb's optimisers hold one group; build one optimiser per group."""
        name = type(self).__name__
        raise ArgumentTypeError(
            f"a calcweb {name} holds one group of parameters with one set of settings; for "
            f"other parameters or settings, build a second optimiser, e.g. {name}(group"
            "['params'], lr=0.01), and call step() and zero_grad() on both"
        )

    def state_dict(self) -> dict[str, Any]:
        """What the optimiser remembers, in torch's layout, as copies.

        ``{"state": {i: {...}}, "param_groups": [{..., "params": [0, 1, ...]}]}``:
        ``state`` by the index of the parameter in ``params`` (only those
        stepped so far), the settings in the one group, whose ``params`` are
        the indices. `load_state_dict` puts it back.
        """
        return {
            "state": {
                i: dict(self.state[p]) for i, p in enumerate(self.params) if self.state.get(p)
            },
            "param_groups": [{**hyper_parameters(self), "params": list(range(len(self.params)))}],
        }

    def load_state_dict(self, state_dict: Mapping[str, Any]) -> None:
        """Restore what `state_dict` returned (of an optimiser of the same class and parameters)."""
        name = type(self).__name__
        groups = state_dict.get("param_groups") if isinstance(state_dict, Mapping) else None
        if not (isinstance(groups, list) and len(groups) == 1 and isinstance(groups[0], Mapping)):
            raise ArgumentTypeError(
                f"{name}.load_state_dict takes what state_dict() returned: a dict with "
                "'state' and 'param_groups' (one group), not "
                f"{type(state_dict).__name__}"
            )
        group, hyper = groups[0], hyper_parameters(self)
        indices = list(range(len(self.params)))
        if list(group.get("params", ())) != indices or set(group) - {"params"} != set(hyper):
            raise InvalidArgumentError(
                f"this state_dict is not of a {name} with {len(self.params)} parameters "
                f"(its group holds {sorted(group)}); load it into the optimiser it came from"
            )
        state = state_dict.get("state", {})
        if not (isinstance(state, Mapping) and set(state) <= set(indices)):
            raise InvalidArgumentError(
                f"this state_dict's 'state' is not keyed by indices of the {len(indices)} "
                "parameters; load it into the optimiser it came from"
            )
        settings = {key: _checked(key, group[key]) for key in hyper}  # all, before any is set
        for key, value in settings.items():
            setattr(self, key, value)
        self.state.clear()
        for i, remembered in state.items():
            self.state[self.params[i]] = dict(remembered)

    @checking_arguments
    def zero_grad(self, set_to_none: bool = True) -> None:
        """Set every parameter's gradient to zero before the next ``backward()``.

        As in torch, ``set_to_none=True`` (the default) marks each gradient as
        not yet computed: it reads 0.0 (torch's None reads as 0 in its next
        ``backward()``), and `step` skips a parameter no ``backward()`` reaches
        before it, which stays where it is, its state untouched.
        ``set_to_none=False`` writes 0.0, a gradient `step` uses: momentum,
        moving averages and weight decay move such a parameter on.
        """
        zero = NO_GRADIENT if check_flag(set_to_none, "set_to_none") else 0.0
        for index, p in enumerate(self.params):
            if not isinstance(p, Value):
                raise ArgumentTypeError(
                    f"params[{index}] is {type(p).__name__} {p!r}, not a Value; an "
                    "optimizer's params list must hold only calcweb.Value objects"
                )
            p.grad = zero

    def step(self) -> None:
        """Update every parameter once from its current ``grad``.

        A parameter that no ``backward()`` reached since `zero_grad` (or since
        it was made) is skipped, as torch skips one whose grad is None.

        Raises:
            ArgumentTypeError: If a parameter's ``grad`` or ``data`` is not a number.
            NumericalError: If a gradient is NaN or infinite, or the update
                overflows; then no parameter and no state is changed.
            DivisionByZeroError: If ``eps=0`` and what the update divides
                by (the root of an average of g², Adagrad's sum) is 0,
                whatever the gradient: for instance squared gradients all 0
                so far, or underflowing (1e-200), or RMSprop's ``alpha=1``.
        """
        # The fast path: plain finite floats, no error; anything else (or any
        # error) goes to the careful path, which says what is wrong. Nothing is
        # written until every parameter's update is known to be finite.
        isfinite = math.isfinite
        states = self.state
        updates: list[tuple[Value, float, State]] = []
        try:
            for p in self.params:
                theta, grad = p.data, p.grad
                if grad is NO_GRADIENT:  # no loss reached p: torch skips a grad of None
                    continue
                if not (type(theta) is float and type(grad) is float and isfinite(theta + grad)):
                    raise _Careful
                state = states.get(p)
                trial = state.copy() if state else self._initial_state()
                new = self._update(theta, grad, trial)
                if not (isfinite(new) and all(map(isfinite, trial.values()))):
                    raise _Careful
                updates.append((p, new, trial))
        except (_Careful, AttributeError, TypeError, ArithmeticError, ValueError):
            self._careful_step()
            return
        for p, new, trial in updates:
            p.data = new
            states[p] = trial

    def _careful_step(self) -> None:
        """`step` with every value checked, raising the error that names what is wrong."""
        updates: list[tuple[Value, float, State]] = []
        for index, p in enumerate(self.params):
            if not isinstance(p, Value):
                raise ArgumentTypeError(
                    f"params[{index}] is {type(p).__name__} {p!r}, not a Value; an "
                    "optimizer's params list must hold only calcweb.Value objects"
                )
            if p.grad is NO_GRADIENT:
                continue
            theta = _number(p.data, index, "data")
            grad = _number(p.grad, index, "grad")
            state = self.state.get(p)
            # Work on a copy, so that a step refused half-way leaves every state as it was.
            trial = state.copy() if state else self._initial_state()
            updates.append((p, self._checked_update(theta, grad, trial, index), trial))
        for p, theta, trial in updates:
            p.data = theta
            self.state[p] = trial

    def _not_a_number(self, error: TypeError) -> Exception:
        """The error naming a hyper-parameter set to no number after construction, if any."""
        for key, value in hyper_parameters(self).items():
            numbers = value if isinstance(value, tuple) else (value,)  # betas
            if not all(isinstance(number, Real) for number in numbers):
                name = type(self).__name__
                return ArgumentTypeError(
                    f"{name}.{key} was set to {value!r} after the optimiser was built, but "
                    f"it must hold numbers, as {name}({key}=...) takes them; assign those "
                    "(e.g. optimizer.lr = 0.01), or build a new optimiser"
                )
        return error

    def _checked_update(self, theta: float, grad: float, state: State, index: int) -> float:
        name = type(self).__name__
        # torch's for calcweb's own classes; a reader's subclass has no torch default.
        whose = "torch's default" if type(self).__module__.startswith("calcweb.") else "the default"
        try:
            new = self._update(theta, grad, state)
        except TypeError as error:
            raise self._not_a_number(error) from error
        except ZeroDivisionError as error:
            raise DivisionByZeroError(
                f"the {name} step of params[{index}] divides by 0: with eps=0 nothing keeps "
                f"what it divides by above 0, and {_why_zero(grad)}; pass eps > 0 ({whose} "
                f"for {name} is {_default_eps(type(self)):g})"
            ) from error
        except (OverflowError, ValueError) as error:
            raise NumericalError(
                f"the {name} step of params[{index}] failed ({error}); its data {theta!r} "
                f"or gradient {grad!r} is too large: try a smaller learning rate"
            ) from error
        if not math.isfinite(new):
            raise NumericalError(
                f"the {name} step of params[{index}] overflows: from {theta!r} with gradient "
                f"{grad!r} it gives {new!r}. The steps are diverging; try a smaller learning "
                "rate, or clip the gradients with calcweb.clip_grad_norm(params, max_norm)"
            )
        for key, value in state.items():
            if not math.isfinite(value):
                raise NumericalError(
                    f"the {name} state {key!r} of params[{index}] overflows ({value!r}) with "
                    f"gradient {grad!r}: the gradient is too large for its running averages; "
                    "scale the loss down or clip the gradients with calcweb.clip_grad_norm"
                )
        return new

    def _initial_state(self) -> State:
        return {}

    def _update(self, theta: float, grad: float, state: State) -> float:
        raise NotImplementedError

    def __repr__(self) -> str:
        hyper = ", ".join(f"{k}={v!r}" for k, v in hyper_parameters(self).items())
        return f"{type(self).__name__}({len(self.params)} parameters, {hyper})"


class SGD(Optimizer):
    r"""Stochastic gradient descent, with momentum and Nesterov momentum, as ``torch.optim.SGD``.

    Args:
        params: The parameters to optimise.
        lr: Learning rate $\gamma$.
        momentum: Momentum factor $\mu$ (0 disables momentum).
        dampening: Dampening $\tau$ applied to the gradient in the momentum buffer.
        weight_decay: Weight decay $\lambda$: adds $\lambda\theta$ to the
            gradient, the gradient of the L2 penalty
            $\frac{\lambda}{2}\sum\theta^2$ (``l2_penalty(params, lambda / 2)``).
        nesterov: Use Nesterov momentum (needs momentum > 0 and dampening == 0).
        maximize: Maximise the objective instead of minimising it.

    ``state[p]["momentum_buffer"]`` holds the momentum buffer once momentum is used.
    """

    def __init__(  # noqa: PLR0917  torch takes these positionally too
        self,
        params: Iterable[Value],
        lr: float = 1e-3,
        momentum: float = 0.0,
        dampening: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weight_decay = weight_decay
        self.nesterov = nesterov
        _require(
            not self.nesterov or (self.momentum > 0.0 and self.dampening == 0.0),
            "Nesterov momentum requires a momentum and zero dampening",
        )
        self.maximize = maximize

    def _update(self, theta: float, grad: float, state: State) -> float:
        g = -grad if self.maximize else grad
        if self.weight_decay != 0.0:
            g = g + self.weight_decay * theta
        if self.momentum != 0.0:
            buf = state.get("momentum_buffer")
            # The first step starts the buffer at g itself, not at (1 - dampening) g.
            buf = g if buf is None else buf * self.momentum + (1.0 - self.dampening) * g
            state["momentum_buffer"] = buf
            g = g + self.momentum * buf if self.nesterov else buf
        return theta + -self.lr * g


class Adam(Optimizer):
    r"""Adam, as ``torch.optim.Adam`` (and AMSGrad with ``amsgrad=True``).

    Args:
        params: The parameters to optimise.
        lr: Learning rate.
        betas: Decay rates of the moving averages of the gradient and of its square.
        eps: Added to the denominator to avoid dividing by zero.
        weight_decay: Weight decay $\lambda$: adds $\lambda\theta$ to the
            gradient, as an L2 penalty $\frac{\lambda}{2}\sum\theta^2$ would
            (see `AdamW` for the decoupled form).
        amsgrad: Divide by the running maximum of the second moment.
        maximize: Maximise the objective instead of minimising it.

    ``state[p]`` holds ``step``, ``exp_avg`` (m), ``exp_avg_sq`` (v) and, with
    AMSGrad, ``max_exp_avg_sq``. ``amsgrad`` switched on after some steps
    (``opt.amsgrad = True``) starts ``max_exp_avg_sq`` at 0, as torch starts
    it at the first step (torch's own step then raises a KeyError).

    Examples:
        >>> from calcweb.nn import Value
        >>> x = Value(1.0)
        >>> opt = Adam([x], lr=0.1)
        >>> x.grad = 2.0
        >>> opt.step()
        >>> x.data, opt.state[x]["exp_avg"]  # the first step moves by about lr
        (0.9000000005, 0.19999999999999996)
    """

    _decoupled = False

    def __init__(  # noqa: PLR0917  torch takes these positionally too
        self,
        params: Iterable[Value],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        amsgrad: bool = False,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.amsgrad = amsgrad
        self.maximize = maximize

    def _initial_state(self) -> State:
        state = {"step": 0.0, "exp_avg": 0.0, "exp_avg_sq": 0.0}
        if self.amsgrad:
            state["max_exp_avg_sq"] = 0.0
        return state

    def _update(self, theta: float, grad: float, state: State) -> float:
        beta1, beta2 = self.betas
        g = -grad if self.maximize else grad
        state["step"] = step = state["step"] + 1.0
        if self.weight_decay != 0.0:
            if self._decoupled:
                theta = theta * (1.0 - self.lr * self.weight_decay)
            else:
                g = g + self.weight_decay * theta
        m = state["exp_avg"] = _lerp(state["exp_avg"], g, 1.0 - beta1)
        v = state["exp_avg_sq"] = state["exp_avg_sq"] * beta2 + (1.0 - beta2) * g * g
        step_size = self.lr / (1.0 - beta1**step)
        bias_correction2_sqrt = (1.0 - beta2**step) ** 0.5
        if self.amsgrad:  # switched on after some steps, the maximum starts at 0 then
            v = state["max_exp_avg_sq"] = max(state.get("max_exp_avg_sq", 0.0), v)
        denom = math.sqrt(v) / bias_correction2_sqrt + self.eps
        return float(theta + -step_size * m / denom)


class AdamW(Adam):
    r"""Adam with decoupled weight decay, as ``torch.optim.AdamW``.

    Each step first shrinks the parameter, $\theta \leftarrow
    \theta(1 - \gamma\lambda)$, then takes the Adam step on the plain
    gradient, so the decay is not rescaled by Adam's denominator. Arguments
    and ``state`` are those of `Adam`; ``weight_decay`` defaults to 1e-2.
    """

    _decoupled = True

    def __init__(  # noqa: PLR0917  torch takes these positionally too
        self,
        params: Iterable[Value],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
        amsgrad: bool = False,
        maximize: bool = False,
    ) -> None:
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize)


class RMSprop(Optimizer):
    r"""RMSprop, as ``torch.optim.RMSprop``.

    Args:
        params: The parameters to optimise.
        lr: Learning rate.
        alpha: Smoothing constant of the moving average of the squared gradient.
        eps: Added to the denominator to avoid dividing by zero.
        weight_decay: Weight decay $\lambda$: adds $\lambda\theta$ to the
            gradient, as an L2 penalty $\frac{\lambda}{2}\sum\theta^2$ would.
        momentum: Momentum factor (0 disables it).
        centered: Divide by the square root of an estimate of the gradient's
            variance, $v - \bar g^2$, instead of that of its second moment $v$.
        maximize: Maximise the objective instead of minimising it.

    ``state[p]`` holds ``step``, ``square_avg`` and, when used,
    ``momentum_buffer`` and ``grad_avg``. ``momentum`` or ``centered``
    switched on after some steps (``opt.momentum = 0.9``) starts its buffer at
    0, as torch starts it at the first step (torch's own step then raises a
    KeyError).
    """

    def __init__(  # noqa: PLR0917  torch takes these positionally too
        self,
        params: Iterable[Value],
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        momentum: float = 0.0,
        centered: bool = False,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weight_decay = weight_decay
        self.momentum = momentum
        self.centered = centered
        self.maximize = maximize

    def _initial_state(self) -> State:
        state = {"step": 0.0, "square_avg": 0.0}
        if self.momentum > 0.0:
            state["momentum_buffer"] = 0.0
        if self.centered:
            state["grad_avg"] = 0.0
        return state

    def _update(self, theta: float, grad: float, state: State) -> float:
        g = -grad if self.maximize else grad
        state["step"] += 1.0
        if self.weight_decay != 0.0:
            g = g + self.weight_decay * theta
        square_avg = state["square_avg"] = (
            state["square_avg"] * self.alpha + (1.0 - self.alpha) * g * g
        )
        if self.centered:
            # Switched on after some steps, the average starts at 0 then, as at a first step.
            grad_avg = state["grad_avg"] = _lerp(state.get("grad_avg", 0.0), g, 1.0 - self.alpha)
            # E[g²] - E[g]² >= 0 in exact arithmetic; rounding may dip below 0.
            avg = math.sqrt(max(square_avg + -1.0 * grad_avg * grad_avg, 0.0))
        else:
            avg = math.sqrt(square_avg)
        avg += self.eps
        if self.momentum > 0.0:
            buf = state.get("momentum_buffer", 0.0)  # 0 when momentum came after some steps
            buf = state["momentum_buffer"] = buf * self.momentum + g / avg
            return theta + -self.lr * buf
        return theta + -self.lr * g / avg


class Adagrad(Optimizer):
    r"""Adagrad, as ``torch.optim.Adagrad``.

    Args:
        params: The parameters to optimise.
        lr: Learning rate.
        lr_decay: The learning rate at step t is ``lr / (1 + (t - 1) * lr_decay)``.
        weight_decay: Weight decay $\lambda$: adds $\lambda\theta$ to the
            gradient, as an L2 penalty $\frac{\lambda}{2}\sum\theta^2$ would.
        initial_accumulator_value: Starting value of the sum of squared gradients.
        eps: Added to the denominator to avoid dividing by zero.
        maximize: Maximise the objective instead of minimising it.

    ``state[p]`` holds ``step`` and ``sum`` (the running sum of squared gradients).
    """

    def __init__(  # noqa: PLR0917  torch takes these positionally too
        self,
        params: Iterable[Value],
        lr: float = 1e-2,
        lr_decay: float = 0.0,
        weight_decay: float = 0.0,
        initial_accumulator_value: float = 0.0,
        eps: float = 1e-10,
        maximize: bool = False,
    ) -> None:
        super().__init__(params)
        self.lr = lr
        self.lr_decay = lr_decay
        self.weight_decay = weight_decay
        self.initial_accumulator_value = initial_accumulator_value
        self.eps = eps
        self.maximize = maximize

    def _initial_state(self) -> State:
        return {"step": 0.0, "sum": self.initial_accumulator_value}

    def _update(self, theta: float, grad: float, state: State) -> float:
        state["step"] = step = state["step"] + 1.0
        g = -grad if self.maximize else grad
        if self.weight_decay != 0.0:
            g = g + self.weight_decay * theta
        clr = self.lr / (1.0 + (step - 1.0) * self.lr_decay)
        total = state["sum"] = state["sum"] + 1.0 * g * g
        return theta + -clr * g / (math.sqrt(total) + self.eps)
