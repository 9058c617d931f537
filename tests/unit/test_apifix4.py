"""Small API and numerics defects an outsider found (session 27, APIFIX4: OUTSIDER9's leftovers).

- A keyword the calculus half does not take (``derivative(f, x, order=2)``,
  ``integrate(f, a, b, epsabs=1e-9)``, ``MLP(2, [3], bias=False)``) was a bare
  TypeError ("got an unexpected keyword argument"), where the losses and the
  optimisers say ArgumentTypeError with the keywords they take; another
  library's name for one of calcweb's now names calcweb's.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from typing import Any

import pytest

import calcweb as cw
from calcweb import functions

# --- keywords a public function does not take ---------------------------------------

# Left unchecked, and why: the elementary functions (calcweb.sin, ...) take one x and run
# inside f at every sample, where the check's wrapper would cost a third of a call;
# Value's and Jet's constructors are the hot path of every operation (Value names a
# keyword itself, without the wrapper: test_apifix5.py); the results and
# errors are built by calcweb, not the reader; minimize passes its other keywords on to
# the optimiser, which names them (test_apierr.py).
UNCHECKED = {
    *functions.__all__,
    "Value",
    "Jet",
    "Module",  # takes no argument: its subclasses' __init__ are checked
    "Optimizer",  # its subclasses are checked by optim's own __init_subclass__
    "minimize",
    "ArrayResult",
    "CheckResult",
    "DerivativeResult",
    "IntegrationResult",
    "LimitResult",
    "OptimizeResult",
    "TaylorPolynomial",
}


def _public_callables() -> list[str]:
    return [
        name
        for name in cw.__all__
        if callable(getattr(cw, name))
        and name not in UNCHECKED
        and not (isinstance(getattr(cw, name), type) and issubclass(getattr(cw, name), Exception))
    ]


@pytest.mark.parametrize("name", _public_callables())
def test_every_public_callable_names_a_keyword_it_does_not_take(name: str) -> None:
    # Fixed in session 27 (APIFIX4): a bare TypeError for all but the losses and optimisers.
    with pytest.raises(cw.ArgumentTypeError, match="unknown keyword argument 'bogus'") as caught:
        getattr(cw, name)(bogus=1)
    assert "; it takes " in str(caught.value)


@pytest.mark.parametrize(
    ("call", "says"),
    [
        pytest.param(
            lambda: cw.derivative(math.sin, 1.0, order=2),
            "'order' (calcweb's name for it is n, the order of the derivative",
            id="derivative(order)",
        ),
        pytest.param(
            lambda: cw.derivative(math.sin, 1.0, step=1e-3),
            "'step' (calcweb's name for it is h, the step",
            id="derivative(step)",
        ),
        pytest.param(
            lambda: cw.central_difference(math.sin, 1.0, dx=1e-3),
            "'dx' (calcweb's name for it is h",
            id="central_difference(dx)",
        ),
        pytest.param(
            lambda: cw.grad(lambda p: p[0], epsilon=1e-6),
            "'epsilon' (calcweb's name for it is h",
            id="grad(epsilon)",
        ),
        pytest.param(
            lambda: cw.integrate(math.sin, 0.0, 1.0, epsabs=1e-9),
            "'epsabs' (calcweb's name for it is tol, both absolute and relative",
            id="integrate(epsabs)",
        ),
        pytest.param(
            lambda: cw.integrate(math.sin, 0.0, 1.0, epsrel=1e-9),
            "'epsrel' (calcweb's name for it is tol",
            id="integrate(epsrel)",
        ),
        pytest.param(
            lambda: cw.integrate(math.sin, 0.0, 1.0, limit=200),
            "'limit' (calcweb has none: the adaptive rule stops at 500 subintervals",
            id="integrate(limit)",
        ),
        pytest.param(
            lambda: cw.integrate(math.pow, 0.0, 1.0, args=(2.0,)),
            "'args' (calcweb has none: pass a function of x alone, lambda x: f(x, a)",
            id="integrate(args)",
        ),
        pytest.param(
            lambda: cw.riemann_sum(math.sin, 0.0, 1.0, 10, method="midpoint"),
            "'method' (calcweb's name for it is rule",
            id="riemann_sum(method)",
        ),
        pytest.param(
            lambda: cw.taylor(math.sin, 0.0, order=3),
            "'order' (calcweb's name for it is n, the degree)",
            id="taylor(order)",
        ),
        pytest.param(
            lambda: cw.limit(math.sin, 0.0, direction="+"),
            "'direction' (calcweb's name for it is side",
            id="limit(direction)",
        ),
        pytest.param(
            lambda: cw.limit(math.sin, 0.0, dir="+"),
            "'dir' (calcweb's name for it is side",
            id="limit(dir)",
        ),
        pytest.param(
            lambda: cw.check(1.0, 1.0, rel_tol=1e-3),
            "'rel_tol' (calcweb's name for it is rtol)",
            id="check(rel_tol)",
        ),
        pytest.param(
            lambda: cw.derivative(math.sin, 1.0, metod="ad"),
            "'metod' (did you mean method?)",
            id="misspelt",
        ),
        pytest.param(
            lambda: cw.MLP(2, [3, 1], bias=False),
            "MLP() got an unknown keyword argument 'bias' (calcweb has no such option",
            id="MLP(bias)",
        ),
        pytest.param(
            lambda: cw.Figure().add_function(math.sin, 0.0, 1.0, colour="red"),
            "Figure.add_function() got an unknown keyword argument 'colour' (did you mean color?)",
            id="Figure.add_function(colour)",
        ),
        pytest.param(
            lambda: cw.Value(1.0).backward(retain=True),
            "Value.backward() got an unknown keyword argument 'retain' (did you mean "
            "retain_graph?)",
            id="Value.backward(retain)",
        ),
        pytest.param(
            lambda: cw.taylor(math.exp, 0.0, 2).remainder_bound(1.0, m=3.0),
            "TaylorPolynomial.remainder_bound() got an unknown keyword argument 'm'",
            id="remainder_bound(m)",
        ),
    ],
)
def test_another_librarys_keyword_is_named_with_calcwebs(
    call: Callable[[], Any], says: str
) -> None:
    with pytest.raises(cw.ArgumentTypeError) as caught:
        call()
    assert says in str(caught.value)


def test_the_keywords_listed_leave_out_self_and_gathered_arguments() -> None:
    with pytest.raises(cw.ArgumentTypeError) as caught:
        cw.hessian(math.sin, stepsize=1.0)
    assert str(caught.value).endswith("; it takes f, method, h, full_output")
    with pytest.raises(cw.ArgumentTypeError) as caught:
        cw.Neuron(2, bias=True)
    assert str(caught.value).endswith("; it takes nin, activation, seed")


def test_the_check_keeps_the_signature_and_lets_fs_type_error_through() -> None:
    assert list(inspect.signature(cw.derivative).parameters) == [
        "f",
        "x",
        "n",
        "method",
        "h",
        "full_output",
    ]
    assert inspect.signature(cw.MLP).parameters["activation"].default == "tanh"
    assert cw.derivative.__doc__ is not None
    assert cw.derivative.__doc__.startswith(cw.derivative.__wrapped__.__doc__[:40])  # type: ignore[attr-defined]

    def f(x: float) -> float:
        raise TypeError(f"f's own, at {x}")

    with pytest.raises(TypeError, match="f's own") as caught:
        cw.integrate(f, 0.0, 1.0)
    assert not isinstance(caught.value, cw.ArgumentTypeError)


# --- softmax's gradient where one probability rounds to 1 ----------------------------

# mpmath at 50 digits, for z = (0, -gap): d s_0 / d z_0 = s_0 s_1 and d log s_0 / d z_0 = s_1.
S0_S1_AT_450 = 3.693883068487256e-196  # s_0 rounds to 1.0
S1_AT_450 = 3.693883068487256e-196
S0_S1_AT_36 = 1.6021740495463578e-16  # 1 - s_0 rounds to 2.2e-16
S1_AT_36 = 1.602174049546358e-16


@pytest.mark.parametrize(
    ("gap", "log", "expected"),
    [
        pytest.param(450.0, False, S0_S1_AT_450, id="softmax, s0 = 1.0"),
        pytest.param(450.0, True, S1_AT_450, id="log_softmax, s0 = 1.0"),
        pytest.param(36.37, False, S0_S1_AT_36, id="softmax, 1 - s0 rounded"),
        pytest.param(36.37, True, S1_AT_36, id="log_softmax, 1 - s0 rounded"),
    ],
)
def test_the_gradient_of_a_probability_near_1_keeps_the_others_digits(
    gap: float, log: bool, expected: float
) -> None:
    # Fixed in session 27 (APIFIX4): s_0 (1 - s_0) was 0.0 at gap 450 (s_0 rounds
    # to 1.0) and 2.2e-16 at 36.37, 39 % off; 1 - s_0 is now the others' sum.
    z = [cw.Value(0.0), cw.Value(-gap)]
    (cw.log_softmax if log else cw.softmax)(z)[0].backward()
    assert z[0].grad == pytest.approx(expected, rel=1e-13, abs=0.0)
    assert z[1].grad == pytest.approx(-expected, rel=1e-13, abs=0.0)


# --- remainder_bound near the float range ---------------------------------------------


def test_a_finite_remainder_bound_does_not_overflow_on_the_way() -> None:
    # Fixed in session 27 (APIFIX4): M d**k / k! rose to M 30**30 / 30! = 7.8e311
    # before it fell, and a NumericalError said the bound was not finite. mpmath:
    # 1e300 * 30**100 / 100! = 5.5223231573294629e289.
    p = cw.taylor(cw.exp, 0.0, 99)
    assert p.remainder_bound(30.0, 1e300) == pytest.approx(5.5223231573294629e289, rel=1e-14)
    assert p.remainder_bound(-30.0, 1e300) == pytest.approx(5.5223231573294629e289, rel=1e-14)


def test_a_remainder_bound_beyond_the_float_range_is_still_refused() -> None:
    with pytest.raises(cw.NumericalError, match="is not a finite float"):
        cw.taylor(cw.exp, 0.0, 99).remainder_bound(1000.0, 1e300)


# --- a 2-D array where one flat list, or one sample, goes -----------------------------


def test_a_loss_given_rows_says_flatten_them() -> None:
    # Fixed in session 27 (APIFIX4): "predictions[0] must be numbers or Values, but got
    # ndarray array([0.])", no word of the shape (n, 1) a reader's y.reshape(-1, 1) has.
    np = pytest.importorskip("numpy")
    for call in (
        lambda: cw.mse_loss(np.zeros((4, 1)), np.zeros((4, 1))),
        lambda: cw.mse_loss(np.zeros(4), np.zeros((4, 1))),
        lambda: cw.binary_cross_entropy([[0.5], [0.5]], [1.0, 0.0]),
        lambda: cw.l2_penalty(np.zeros((2, 2))),
    ):
        with pytest.raises(
            cw.ArgumentTypeError, match="a row, where a number or Value goes"
        ) as caught:
            call()
        assert "flatten the rows (a.ravel() for a numpy array" in str(caught.value)
    # An entry that is no row keeps its own message.
    with pytest.raises(cw.ArgumentTypeError, match="must be numbers or Values, but got str"):
        cw.mse_loss(["a"], [1.0])


def test_a_model_given_a_batch_says_one_sample_per_call() -> None:
    # Fixed in session 27 (APIFIX4): "this model takes 2 inputs but got 4; pass a list
    # of 2 numbers" for a (4, 2) array, and "... but got 1" for one sample of shape (1, 2).
    np = pytest.importorskip("numpy")
    model = cw.MLP(2, [3, 1], seed=0)
    for x, rows in (
        (np.zeros((4, 2)), "4 rows"),
        (np.zeros((1, 2)), "1 row"),
        ([[1.0, 2.0]], "1 row"),
    ):
        with pytest.raises(cw.ArgumentTypeError, match="one sample of 2 inputs per call") as caught:
            model(x)
        assert f"but got {rows} (a batch, or a 2-D array)" in str(caught.value)
        assert "flatten it (x[0], or x.ravel()" in str(caught.value)
    with pytest.raises(cw.InvalidArgumentError, match="takes 2 inputs but got 3"):
        model([1.0, 2.0, 3.0])
