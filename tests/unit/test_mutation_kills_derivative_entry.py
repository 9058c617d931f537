"""calcweb.derivative's entry points at their thresholds, exactly (mutation testing).

The survivors of a mutation run of calcweb/_derivative.py not killed by
test_mutation_kills_derivative.py: the point x itself (-0.0 is not +0.0),
the second Richardson walk's trigger at exactly 1e-8 relative, the complex
step's name, and the analytic check's tolerance at its boundary. The
oracles: the formulas of each check, recomputed here from the quotients of
``f`` at the points the check documents; f's calls recorded by f itself.
"""

from __future__ import annotations

import cmath
import enum
import math
import sys
from typing import Any

import pytest
from call_log import recording

import calcweb
from calcweb import DerivativeResult, derivative, exp
from calcweb import _derivative as derivative_module
from calcweb._richardson import Estimate, combine, representable_step
from calcweb.jet import rounding_tracked_variable

EPS = sys.float_info.epsilon


# ------------------------------------------------------ results and arguments


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("a", 0.0, 1, "ad", None), "value"),
        ((1.0, "a", 1, "ad", None), "error"),
        ((1.0, 0.0, 1, "ad", "a"), "step"),
    ],
)
def test_a_result_names_the_field_that_is_not_a_number(args: tuple[Any, ...], name: str) -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        DerivativeResult(*args)
    assert str(info.value) == (
        f"{name} must be a real number (int or float), but got str 'a'; convert it with float('a')"
    )


class _Calls(enum.IntEnum):
    THREE = 3


def test_a_results_count_is_a_plain_int() -> None:
    r = DerivativeResult(1.0, 0.0, _Calls.THREE, "ad", None)
    assert type(r.nfev) is int
    assert r.nfev == 3
    assert repr(r) == "DerivativeResult(value=1.0, error=0.0, nfev=3, method='ad', step=None)"


def test_derivative_names_x_when_it_is_not_a_number() -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        derivative(math.sin, "a")  # type: ignore[arg-type]
    assert str(info.value) == (
        "x must be a real number (int or float), but got str 'a'; convert it with float('a')"
    )


def test_auto_falls_back_to_richardson_with_the_given_step() -> None:
    # math.exp refuses a jet: "auto" walks from the h it was given.
    r = derivative(math.exp, 1.0, method="auto", h=0.05, full_output=True)
    assert (r.method, r.step) == ("richardson", 0.05)
    assert abs(r.value - math.e) <= 2.0 * r.error


# ------------------------------------------------------------------- Taylor mode


@pytest.mark.parametrize("method", ["ad", "auto"])
def test_ad_names_f_when_it_returns_no_number(method: str) -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        derivative(lambda t: "s", 1.0, method=method)
    assert str(info.value) == (
        "f returned str 's'; it must return a number (a Jet when given a Jet)"
    )


def test_without_full_output_no_rounding_bound_is_read() -> None:
    # exp(100 t) - exp(100 t) at 0: the 170th derivative is exactly 0. With full_output
    # the bound of the 170th coefficient (2e20: it cancels two of 1.4e33) times 170! (7e306)
    # overflows: refused. Without it no bound is read, even of a jet f tracked itself.
    def tracked(_t: Any) -> Any:
        s = rounding_tracked_variable(0.0, 170)
        return exp(100.0 * s) - exp(100.0 * s)

    assert derivative(tracked, 0.0, 170, method="ad") == 0.0
    assert derivative(lambda t: exp(100.0 * t) - exp(100.0 * t), 0.0, 170, method="ad") == 0.0
    with pytest.raises(calcweb.NumericalError, match=r"came out as 0\.0 \(error inf\)"):
        derivative(tracked, 0.0, 170, method="ad", full_output=True)


# ------------------------------------------------------------ one quotient


@pytest.mark.parametrize("method", ["central", "forward", "backward"])
def test_one_quotient_calls_f_at_x_itself(method: str) -> None:
    # x + 0 * h is +0.0 at x = -0.0: the point of offset 0 must be x, sign and all.
    f, calls = recording(lambda t: math.copysign(1.0, t) + t * t)
    value = derivative(f, -0.0, 2, method=method, h=0.5)
    at_x = [t for t in calls if t == 0.0]
    assert at_x
    assert all(math.copysign(1.0, t) == -1.0 for t in at_x)
    # f(-0.0) = -1 is the value the quotient is made of: (f(h) - 2 f(0) + f(-h)) / h**2.
    expected = {
        "central": (1.25 + 2.0 + (-1.0 + 0.25)) / 0.25,
        "forward": (2.0 - 2.0 * 1.25 + -1.0) / 0.25,
        "backward": (-1.0 - 2.0 * (-1.0 + 0.25) + (-1.0 + 1.0)) / 0.25,
    }[method]
    assert value == expected


# -------------------------------------------------------------- richardson


def test_no_second_walk_at_zero_even_when_the_error_is_above_1e_8_relative() -> None:
    # t * t at 0: the derivative is 0, so any error is above 1e-8 |value|; a second
    # walk from 0.015 |x| = 0 would call f at 0 again.
    f, calls = recording(lambda t: t * t)
    r = derivative(f, 0.0, method="richardson", full_output=True)
    assert r.value == 0.0
    assert r.error > 0.0
    assert calls.count(0.0) == 1
    assert len(calls) == len(set(calls)) == r.nfev


class _FakeWalks:
    """extrapolate replaced: each walk returns the next of the given estimates."""

    def __init__(self, *estimates: Estimate) -> None:
        self.estimates = list(estimates)
        self.calls: list[tuple[float, float, bool, float]] = []

    def __call__(
        self,
        _f: Any,
        x: float,
        _n: int,
        first: float,
        refine: bool = False,
        *,
        noise: float = 0.0,
        **_: float,  # offset
    ) -> Estimate:
        self.calls.append((x, first, refine, noise))
        return self.estimates.pop(0)


@pytest.mark.parametrize(
    ("error", "second"), [(1e-8, False), (math.nextafter(1e-8, math.inf), True)]
)
def test_the_second_walk_replaces_the_first_above_1e_8_relative(
    monkeypatch: pytest.MonkeyPatch, error: float, second: bool
) -> None:
    # An error of exactly 1e-8 |value| is good enough; one ulp more is replaced by the
    # closer walk. Both walk again from 0.015 |x|, refined, with the first walk's noise,
    # and (that noise not 0) once more with the noise they measure themselves.
    first = Estimate(-2.0, 2.0 * error, 7, 0.015, "central", noise=0.25)
    closer = Estimate(-2.0 + 1e-12, 1e-12, 5, 0.015e-3, "central")
    walks = _FakeWalks(first, closer, closer)
    monkeypatch.setattr(derivative_module, "extrapolate", walks)
    r = derivative(math.sin, 1e-3, method="richardson", full_output=True)
    assert walks.calls[1] == (1e-3, 0.015 * 1e-3, True, 0.25)
    if second:
        assert len(walks.calls) == 2
        assert (r.value, r.error, r.step) == (-2.0 + 1e-12, 1e-12, 0.015e-3)
    else:
        assert walks.calls[2] == (1e-3, 0.015 * 1e-3, True, 0.0)
        assert (r.value, r.error, r.step) == (-2.0, 2.0 * error, 0.015)


# Powers of 2, so that the differences of the values below are exact.
FIRST_ERROR, CLOSER_ERROR = 2.0**-20, 2.0**-22
APART = 2.0 * (FIRST_ERROR + CLOSER_ERROR)


@pytest.mark.parametrize(
    ("closer_value", "kept"),
    [
        (1.0, True),  # the same value, and a smaller error
        (1.0 + APART, True),  # exactly twice the sum of their errors apart
        (math.nextafter(1.0 + APART, math.inf), False),
        (1.0 - APART, True),
        (math.nextafter(1.0 - APART, -math.inf), False),
    ],
)
def test_the_second_walk_is_kept_within_twice_both_errors(
    monkeypatch: pytest.MonkeyPatch, closer_value: float, kept: bool
) -> None:
    first = Estimate(1.0, FIRST_ERROR, 7, 0.015, "central")
    closer = Estimate(closer_value, CLOSER_ERROR, 5, 0.015e-3, "central")
    monkeypatch.setattr(derivative_module, "extrapolate", _FakeWalks(first, closer))
    r = derivative(math.sin, -1e-3, method="richardson", full_output=True)
    if kept:
        assert (r.value, r.error, r.step) == (closer_value, CLOSER_ERROR, 0.015e-3)
    else:
        # The first walk heard no noise: a closer walk that disagrees does not widen it.
        assert (r.value, r.error, r.step) == (1.0, FIRST_ERROR, 0.015)


@pytest.mark.parametrize(
    ("error", "kept"), [(FIRST_ERROR, False), (math.nextafter(FIRST_ERROR, 0.0), True)]
)
def test_the_second_walk_must_have_a_smaller_error(
    monkeypatch: pytest.MonkeyPatch, error: float, kept: bool
) -> None:
    first = Estimate(1.0, FIRST_ERROR, 7, 0.015, "central")
    closer = Estimate(1.0, error, 5, 0.015e-3, "central")
    monkeypatch.setattr(derivative_module, "extrapolate", _FakeWalks(first, closer))
    r = derivative(math.sin, 1e-3, method="richardson", full_output=True)
    assert r.step == (0.015e-3 if kept else 0.015)


# ------------------------------------------------------------------ complex step


def test_the_complex_steps_result_says_complex() -> None:
    r = derivative(cmath.sin, 0.5, method="complex", full_output=True)
    assert r.method == "complex"


def test_a_complex_step_where_f_is_complex_on_the_reals_is_confirmed_one_sided() -> None:
    # sqrt at 1e-6: the check's central differences reach x - 6e-6 < 0, where sqrt is
    # not real (its real part, 0, is no value of f there): there is no quick check, and
    # one-sided Richardson on the real line confirms the value. The error: 4 eps |f'|,
    # 16 times the scatter of Im f(x + ih)/h, across h, h/e, h/e**2 and off the line
    # through x + 61.8 eps and x - 38.2 eps (there, the curvature of f'), and the
    # confirmation, Richardson's distance plus its error, in place of the truncation
    # (1e-40 |f'''| / 6 with f''' = 3 / (8 x**2.5): 6e-27). Before, the confirmation
    # was missing, and sqrt(z) + abs(z) there was 500.0 +- 1.35e-12 for f' = 501.
    f, calls = recording(cmath.sqrt)
    r = derivative(f, 1e-6, method="complex", full_output=True)
    assert r.value == pytest.approx(500.0, rel=1e-15, abs=0)
    steps = [1e-20 * 0.36787944117144233**k for k in range(3)]
    values = [cmath.sqrt(complex(1e-6, h)).imag / h for h in steps]
    above, below = 61.80339887498948 * EPS, 38.19660112501052 * EPS
    up, down = (cmath.sqrt(complex(t, 1e-20)).imag / 1e-20 for t in (1e-6 + above, 1e-6 - below))
    off_line = abs((values[0] - down) - (up - down) * below / (above + below))
    scatter = max(off_line, max(values) - min(values))
    settled = derivative(math.sqrt, 1e-6, method="richardson", full_output=True)
    confirmation = abs(r.value - settled.value) + settled.error
    own = 4.0 * EPS * abs(r.value) + 16.0 * scatter
    assert r.error == pytest.approx(own + confirmation, rel=1e-12, abs=0)
    # 5 complex points, the check's 2 (it stopped at sqrt(x - 6e-6)), and Richardson's.
    assert r.nfev == len(calls) == 7 + settled.nfev


def test_the_complex_steps_truncation_is_measured_on_the_scale_of_x() -> None:
    # z**3 at 100 with h = 1: Im (100 + i)**3 = 29999, one below f' = 30000, which is
    # the truncation h**2 |f'''| / 6. The central differences that estimate f''' are
    # at steps scaled to |x| (eps**(1/3) x 100), where their rounding is small.
    r = derivative(lambda z: z**3, 100.0, method="complex", h=1.0, full_output=True)
    assert r.value == 29999.0
    assert 1.0 <= r.error <= 2.5  # twice the truncation, plus rounding


@pytest.mark.usefixtures("unconfirmed")
def test_the_analytic_check_tolerance_at_its_boundary() -> None:
    # On the reals f is g(t) = 1 + t**3 - half**2 t: its central quotient at the
    # check's finer step (half) is exactly 0, at its coarser step (big) it is not; on
    # complex numbers f returns a chosen complex-step value V. The check refuses
    # |V - fine| > 2 |fine - coarse| + 4 rounding + 2 truncation
    # + float_info.min / step, with truncation = step**2 4 |coarse - fine| / (3 big**2)
    # and rounding that of the coarser quotient plus |fourth difference of g| / big
    # (V is the same at every complex point: it adds no error of its own).
    step = 2.0**-10  # a power of 2: V * step / step is V
    big = representable_step(0.0, EPS ** (1.0 / 3.0))
    half = representable_step(0.0, big / 2.0)

    def g(t: float) -> float:
        return 1.0 + (t * t * t - half * half * t)

    coarse, rounding = combine([g(big), g(-big)], "central", 1, big)
    fourth = (g(big) + g(-big)) - 4.0 * (g(half) + g(-half)) + 6.0 * g(0.0)
    rounding += abs(fourth) / big
    fine = combine([g(half), g(-half)], "central", 1, half)[0]
    assert fine == 0.0
    assert coarse != 0.0
    truncation = step * step * 4.0 * abs(coarse - fine) / (3.0 * big * big)
    bound = 2.0 * abs(fine - coarse) + 4.0 * rounding + 2.0 * truncation
    bound += sys.float_info.min / step
    # Every term moves the bound by far more than an ulp of it.
    assert min(abs(coarse), rounding, truncation) > 1e6 * math.ulp(bound)

    def f_with(value: float) -> Any:
        def f(z: Any) -> Any:
            return complex(0.0, value * z.imag) if isinstance(z, complex) else g(z)

        return f

    r = derivative(f_with(bound), 0.0, method="complex", h=step, full_output=True)
    assert (r.value, r.nfev) == (bound, 10)
    assert r.error == 4.0 * EPS * bound + 2.0 * truncation
    above = math.nextafter(bound, math.inf)
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        derivative(f_with(above), 0.0, method="complex", h=step)
    # Past the bound, Richardson on the real line (g'(0) = -half**2) has the last word.
    message = str(info.value)
    known = (
        f"method='complex' gave {above!r} but central differences give about "
        f"{fine!r} +- {bound:.2g}, and Richardson extrapolation on the real line gives "
    )
    assert message.startswith(known)
    richardson, _, error = message[len(known) :].split(":", maxsplit=1)[0].split(" ")
    # g'(0) = -half**2 exactly (about -9.2e-12): Richardson is within twice its error of it,
    # and that error is small (-9.1466e-12 +- 3.2e-13). pytest.approx(rel=) alone would
    # keep its abs=1e-12, which passes anything this small.
    assert abs(float(richardson) + half * half) <= 2.0 * float(error) < 0.1 * half * half
    assert message.endswith(
        ": f is not analytic near x=0.0 (it uses abs, "
        "conjugate, .real or a comparison), so the complex step does not apply; "
        "use method='richardson'"
    )
