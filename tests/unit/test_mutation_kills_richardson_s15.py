"""Mutation tests for _richardson's bounds and noise checks (session 15's mutmut run).

The functions are `_lined_up`, `_shifted`, `_check_resolved`,
`_on_its_scale`, `_at_whole_ulps` and `_noise_near`. Session 15's mutmut
run (at b925eaa) left survivors in them; each test states what the
docstring promises at a point no other test reaches. The oracles are exact:
values of polynomials at power-of-two points, bounds in closed form, and
the boundaries of the rules (a step of 0, a bound that overflows).
"""

from __future__ import annotations

import math

import pytest

from calcweb import _richardson, derivative
from calcweb._richardson import (
    Estimate,
    Sampler,
    _at_whole_ulps,
    _check_resolved,
    _lined_up,
    _noise_near,
    _shifted,
)
from calcweb.exceptions import NumericalError

EPS = 2.0**-52


def test_the_lined_up_bound_needs_a_positive_step_and_a_finite_bound() -> None:
    # A smallest step of 0 spans nothing: no bound (0.0), not a division by it.
    assert _lined_up(1.0, 1, Estimate(1.0, 0.0, 1, 1.0, "central", 0.0)) == 0.0
    # n |f'| eps (|x| + reach) / span: 1e300 eps 1 / 2e-300 overflows: no bound either.
    assert _lined_up(1.0, 1, Estimate(1e300, 0.0, 1, 1.0, "central", 1e-300)) == 0.0
    # Just below the overflow it is the bound, exactly (powers of 2 throughout).
    value, step = 2.0**900, 2.0**-100
    bound = _lined_up(1.0, 1, Estimate(value, 0.0, 1, 1.0, "central", step))
    assert bound == value * EPS * (1.0 + step) / (2.0 * step)


def test_the_shift_bound_of_a_central_first_derivative_is_exact() -> None:
    # t**2 at 3 with the smallest step 1/2: values 6.25, 9, 12.25 (exact), f'' = 2, so
    # |f''| |x| eps / 2 = 3 eps exactly. (test_derivative_lined_up compared it with
    # pytest.approx and no abs, which passed anything within 1e-12, 0 included, until
    # session 16 gave it abs=0.0.)
    sampler = Sampler(lambda t: t * t, 3.0)
    for point in (2.5, 3.0, 3.5):
        sampler(point)
    estimate = Estimate(6.0, 0.0, 3, 1.0, "central", 0.5)
    assert _shifted(sampler, 1, estimate) == 3.0 * EPS


def _sampled(f: object, x: float, points: tuple[float, ...]) -> Sampler:
    sampler = Sampler(f, x)  # type: ignore[arg-type]
    for point in points:
        sampler(point)
    return sampler


def test_the_shift_bound_is_for_a_central_estimate_of_known_points_and_positive_step() -> None:
    sampler = _sampled(lambda t: t * t, 3.0, (2.5, 3.0, 3.5))
    # The same known points: a forward estimate, a second derivative (whose bound needs a
    # point of the next larger step too, and the estimate has no window), or a step of 0
    # (x - 0 and x + 0 are x: no curvature, and no division by it) give 0.0.
    assert _shifted(sampler, 1, Estimate(6.0, 0.0, 3, 1.0, "forward", 0.5)) == 0.0
    assert _shifted(sampler, 2, Estimate(2.0, 0.0, 3, 1.0, "central", 0.5)) == 0.0
    assert _shifted(sampler, 1, Estimate(6.0, 0.0, 3, 1.0, "central", 0.0)) == 0.0
    # A point not sampled (x + 1/4): 0.0, and no call.
    assert _shifted(sampler, 1, Estimate(6.0, 0.0, 3, 1.0, "central", 0.25)) == 0.0
    assert sampler.calls == 3


def test_the_shift_bound_takes_a_value_of_zero_as_zero() -> None:
    # t**2 at 1/2, step 1/2: values 0, 1/4, 1; f'' = 2, so the bound is 2 (1/2) eps / 2.
    sampler = _sampled(lambda t: t * t, 0.5, (0.0, 0.5, 1.0))
    assert _shifted(sampler, 1, Estimate(1.0, 0.0, 3, 1.0, "central", 0.5)) == EPS / 2.0


def test_the_shift_bound_is_dropped_where_it_overflows() -> None:
    # Values 1, 0, 1 at x = 2**-560 +- 2**-600: the second difference over the step
    # squared is 2**1201, infinite: no bound (0.0), not inf.
    x, step = 2.0**-560, 2.0**-600
    sampler = _sampled(lambda t: 0.0 if t == x else 1.0, x, (x - step, x, x + step))
    assert _shifted(sampler, 1, Estimate(1.0, 0.0, 3, 1.0, "central", step)) == 0.0


U = 2.0**-52  # ulp(1): the float spacing above 1 (and twice that below it)
UNRESOLVED = Estimate(0.0, 1.0, 5, 1.0, "central", U)  # no digit: error above |value|


def _grid(fine: float, coarse: float = 0.0, fail_at: float | None = None) -> Sampler:
    """f at 1 and 1 +- U (each ``fine / 2``) and at 1 +- 4 U (each ``coarse / 2``), 0 at 1.

    Its 2nd differences ``f(1 + u) - 2 f(1) + f(1 - u)`` are ``fine`` at u = U and
    ``coarse`` at 4 U, exactly (halves of powers of 2, or sums of two of them).
    """
    table = {1.0: 0.0, 1.0 - U: fine / 2.0, 1.0 + U: fine / 2.0}
    table |= {1.0 - 4.0 * U: coarse / 2.0, 1.0 + 4.0 * U: coarse / 2.0}

    def f(t: float) -> float:
        if t == fail_at:
            raise ValueError("outside")
        return table[t]

    return Sampler(f, 1.0)


def test_noise_larger_than_every_value_is_refused_and_equal_noise_is_not() -> None:
    sampler = _grid(0.0)
    with pytest.raises(NumericalError) as info:
        _check_resolved(sampler, UNRESOLVED, 4.0 * U, math.nextafter(2.0, 3.0), 2.0)
    assert str(info.value) == (
        "f's values near x=1.0 are noise (2) larger than any value it took (2): no "
        "difference quotient has a correct digit (f may vary faster than the floats near "
        "x can resolve); write f with calcweb's functions (calcweb.sin, ...) for exact "
        "derivatives"
    )
    # Noise of size itself: not refused for it; spacing 4 U: the grid is not read.
    _check_resolved(sampler, UNRESOLVED, 4.0 * U, 2.0, 2.0)
    assert sampler.calls == 0


ABOVE_THE_GRID = (
    "the noise measured in f's values near x=1.0 (2, from their differences, in which f's "
    "own swings count as noise where f varies on a scale finer than the spacings measured "
    "at) is larger than any value it took (2): the difference quotients cannot be told "
    "from noise (f varies on a scale finer than those spacings, or faster than the floats "
    "near x can resolve); write f with calcweb's functions (calcweb.sin, ...) for exact "
    "derivatives"
)


def test_noise_measured_above_the_grid_is_not_called_f_s_values() -> None:
    # A spacing above 4 ulp(x) (a walk's small slope): the noise can be f's own swings
    # (sin(16313.8 t + 2.37) at a crest: 4.94 for |f| <= 1), and the message says so.
    noise = math.nextafter(2.0, 3.0)
    with pytest.raises(NumericalError) as info:
        _check_resolved(_grid(0.0), UNRESOLVED, 8.0 * U, noise, 2.0)
    assert str(info.value) == ABOVE_THE_GRID
    # A noise known before (the floor the walk was given) keeps the first wording.
    sampler = _grid(0.0)
    sampler.noise_floor = noise
    with pytest.raises(NumericalError) as info:
        _check_resolved(sampler, UNRESOLVED, 8.0 * U, noise, 2.0)
    assert str(info.value).startswith("f's values near x=1.0 are noise (2) larger than any")


def test_a_2nd_difference_at_the_float_spacing_above_the_one_at_4_ulps_is_refused() -> None:
    # size 1: quiet = 8 eps = 2**-49; allowed: |fine| <= |coarse| + 4 quiet = 2**-47.
    allowed = 2.0**-47
    spacing = 2.0 * U  # below 4 ulp(1)
    _check_resolved(_grid(allowed), UNRESOLVED, spacing, 0.0, 1.0)
    _check_resolved(_grid(-allowed), UNRESOLVED, spacing, 0.0, 1.0)
    sampler = _grid(allowed + 2.0**-60)
    with pytest.raises(NumericalError) as info:
        _check_resolved(sampler, UNRESOLVED, spacing, 0.0, 1.0)
    assert sampler.calls == 5  # 1 and 1 +- U, 1 +- 4 U
    assert str(info.value) == (
        "f varies faster than the floats near x=1.0 can resolve: its 2nd difference at "
        f"their spacing {U:.3g} is {allowed + 2.0**-60:.3g}, at 4 times it 0; a smooth "
        "function's grows with the spacing, so no difference quotient here has a correct "
        "digit (sin at 1e30); write f with calcweb's functions (calcweb.sin, ...) for "
        "exact derivatives"
    )
    with pytest.raises(NumericalError, match="varies faster than the floats"):
        _check_resolved(_grid(-allowed - 2.0**-60), UNRESOLVED, spacing, 0.0, 1.0)
    # The coarse one counts by its size, either sign: 2**-46 more is allowed.
    _check_resolved(_grid(allowed + 2.0**-46, 2.0**-46), UNRESOLVED, spacing, 0.0, 1.0)
    _check_resolved(_grid(allowed + 2.0**-46, -(2.0**-46)), UNRESOLVED, spacing, 0.0, 1.0)


def test_the_allowance_is_four_times_the_larger_of_quiet_and_the_noise() -> None:
    spacing = 2.0 * U
    # noise 2**-45 above quiet (2**-49): 4 noise = 2**-43 is allowed, not more.
    _check_resolved(_grid(2.0**-43), UNRESOLVED, spacing, 2.0**-45, 1.0)
    with pytest.raises(NumericalError):
        _check_resolved(_grid(2.0**-43 + 2.0**-50), UNRESOLVED, spacing, 2.0**-45, 1.0)
    # quiet is 8 eps of size: size 2 allows 2**-46, size 1 only 2**-47.
    _check_resolved(_grid(2.0**-46), UNRESOLVED, spacing, 0.0, 2.0)
    with pytest.raises(NumericalError):
        _check_resolved(_grid(2.0**-46), UNRESOLVED, spacing, 0.0, 1.0)


def test_the_grid_is_read_only_below_4_ulps_for_an_estimate_with_no_digit() -> None:
    unresolved = _grid(1.0)  # far above the allowance
    _check_resolved(unresolved, UNRESOLVED, 4.0 * U, 0.0, 1.0)
    # An error of exactly |value|, or below it: a digit, not read.
    _check_resolved(unresolved, Estimate(0.5, 0.5, 5, 1.0, "central", U), 2.0 * U, 0.0, 1.0)
    _check_resolved(unresolved, Estimate(-0.5, 0.25, 5, 1.0, "central", U), 2.0 * U, 0.0, 1.0)
    assert unresolved.calls == 0
    with pytest.raises(NumericalError):
        _check_resolved(unresolved, Estimate(-0.5, 0.75, 5, 1.0, "central", U), 2.0 * U, 0.0, 1.0)


@pytest.mark.parametrize(
    ("fail_at", "calls"),
    [(1.0 - U, 1), (1.0, 2), (1.0 + U, 3), (1.0 - 4.0 * U, 4), (1.0 + 4.0 * U, 5)],
)
def test_f_failing_on_the_grid_leaves_it_unread(fail_at: float, calls: int) -> None:
    # The points are taken from below to above, at U, then at 4 U; the first failure
    # ends the check (no more calls).
    sampler = _grid(1.0, fail_at=fail_at)
    _check_resolved(sampler, UNRESOLVED, 2.0 * U, 0.0, 1.0)
    assert sampler.calls == calls


def test_the_2nd_difference_is_taken_about_f_at_x() -> None:
    # f(1) = 1 and f(1 +- U) = 1 + 2**-40: the 2nd difference is 2**-39, not 2 + 2**-39.
    table = {1.0: 1.0, 1.0 - U: 1.0 + 2.0**-40, 1.0 + U: 1.0 + 2.0**-40}
    table |= {1.0 - 4.0 * U: 1.0, 1.0 + 4.0 * U: 1.0}
    with pytest.raises(NumericalError) as info:
        _check_resolved(Sampler(table.__getitem__, 1.0), UNRESOLVED, 2.0 * U, 0.0, 1.0)
    assert f"its 2nd difference at their spacing {U:.3g} is 1.82e-12, at 4 times it 0;" in str(
        info.value
    )


def test_at_minus_zero_f_is_taken_at_minus_zero() -> None:
    # f(-0.0) = 0 but f(+0.0) = 1 (f reads the sign of its zero): the 2nd difference at
    # the float spacing about -0.0 is 2 (f = 1 at +-5e-324), at 4 times it 0.
    def f(t: float) -> float:
        return (
            0.0 if t == 0.0 and math.copysign(1.0, t) < 0.0 else (1.0 if abs(t) < 1e-323 else 0.0)
        )

    with pytest.raises(NumericalError, match="is 2, at 4 times it 0;"):
        _check_resolved(Sampler(f, -0.0), UNRESOLVED, 0.0, 0.0, 1.0)


def test_noise_at_whole_ulps_of_x_is_measured_again_for_a_first_derivative() -> None:
    # exp(210.45 t) sin(24050.2 t + 4.1729) at -0.9677 (test_derivative_phase_rounding):
    # the noise spacing is raised to 4 ulp(x), where k t rounded is an arithmetic
    # sequence rounded, and the 4th differences show about 6e-103 for values off by up
    # to 4e-101 (`_rounded_argument`, 7.8e-101): `_noise_near` measures again at
    # unequally spaced points (`_at_whole_ulps`) and returns the larger, 5.9e-101.
    seen: list[tuple[float, float, float]] = []

    def spy(sampler: Sampler, estimate: Estimate, n: int, spacing: float, **kw: float) -> float:
        floor = near(sampler, estimate, n, spacing, **kw)
        shown = sampler.measure_noise(spacing, kw["widest"], kw["quiet"])
        seen.append((floor, shown, _richardson._rounded_argument(sampler, estimate)))
        return floor

    near = _richardson._noise_near
    f = lambda t: math.exp(210.45 * t) * math.sin(24050.2 * t + 4.1729)  # noqa: E731
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_richardson, "_noise_near", spy)
        derivative(f, -0.9677, full_output=True)
    floor, shown, rounded = seen[0]
    assert 0.0 < 10.0 * shown < floor <= rounded


def _stand_ins(patch: pytest.MonkeyPatch) -> Sampler:
    """A sampler whose noise tests all show nothing, but `_noise_up_from`'s: 5."""
    for name in ("_disagreeing_noise", "_local_quiet", "_line_noise"):
        patch.setattr(_richardson, name, lambda *args, **kw: 0.0)
    patch.setattr(_richardson, "_drifts", lambda *args: False)
    patch.setattr(_richardson, "_noise_up_from", lambda *args: 5.0)
    sampler = Sampler(math.sin, 1.0)
    sampler.measure_noise = lambda *args: 0.0  # type: ignore[method-assign]
    return sampler


def test_the_noise_up_from_the_smallest_step_is_for_higher_derivatives_of_0() -> None:
    # A window with a digit at larger steps settled at 10 +- 0.1, outside the bars.
    far = ((10.0, 0.1),)
    with pytest.MonkeyPatch.context() as patch:
        sampler = _stand_ins(patch)

        def near(
            value: float, error: float, n: int, larger: tuple[tuple[float, float], ...]
        ) -> float:
            estimate = Estimate(value, error, 9, 1.0, "central", 1e-3, larger=larger)
            return _noise_near(sampler, estimate, n, 1e-7, widest=0.1, quiet=1e-16)

        assert near(0.0, 1.0, 2, far) == 5.0
        assert near(0.0, 1.0, 4, far) == 5.0
        assert near(0.0, 1.0, 1, far) == 0.0  # first derivatives: `_disagreeing_noise`
        assert near(0.0, 1.0, 2, ()) == 0.0  # nothing disagrees
        # 0 within its error: an error of |value| is, one just below it is not.
        assert near(1.0, 1.0, 2, far) == 5.0
        assert near(-1.0, 1.0, 2, far) == 5.0
        assert near(1.0, math.nextafter(1.0, 0.0), 2, far) == 0.0


def test_the_noise_at_whole_ulps_is_measured_again_only_where_the_argument_can_do_more() -> None:
    # At 1 with a spacing of 2**-60 the noise spacing is raised to 4 ulp(1); the noise
    # shown there is 1, and `_rounded_argument` (a stand-in) says a t rounded can do 2.
    asked: list[tuple[float, float]] = []
    estimate = Estimate(1.0, 0.0, 9, 1.0, "central", 2.0**-20)

    def again(again_noise: float, rounded: float, n: int = 1, spacing: float = 2.0**-60) -> float:
        def irregular(spacing: float, quiet: float) -> float:
            asked.append((spacing, quiet))
            return again_noise

        sampler = Sampler(math.sin, 1.0)
        sampler.irregular_noise = irregular  # type: ignore[method-assign]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_richardson, "_rounded_argument", lambda *args: rounded)
            return _at_whole_ulps(sampler, estimate, n, spacing, 1.0)

    assert again(3.0, 2.0) == 3.0  # the larger
    assert asked == [(2.0**-20 * 1e-4, 1.0)]  # at 1e-4 of the smallest step, above the noise
    assert again(0.5, 2.0) == 1.0
    asked.clear()
    assert again(3.0, 1.0) == 1.0  # the argument can do no more than the noise shown
    assert again(3.0, 2.0, n=2) == 1.0  # first derivatives only
    assert again(3.0, 2.0, spacing=4.0 * 2.0**-52) == 1.0  # not raised: equally spaced ulps
    assert again(3.0, 2.0, spacing=2.0**-40) == 1.0
    assert asked == []
    # No noise shown: nothing measured again (`_local_drift` judges).
    sampler = Sampler(math.sin, 1.0)
    assert _at_whole_ulps(sampler, estimate, 1, 2.0**-60, 0.0) == 0.0
