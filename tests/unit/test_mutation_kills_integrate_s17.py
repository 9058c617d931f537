"""Mutation tests for _integrate's epsilon-table checks run in session 17's mutation run.

Session 17 ran mutmut 3.8.1's mutants of `_Epsilon._diverging`, `_Epsilon._leaving`,
`_Epsilon._judged`, `_Epsilon._converging`, `_Extrapolated.runaway_end` and
`_Panels._end_miss` (at b748b9d) against every test that reached them; each test
below states what the docstring promises at a point no other test reaches. The
oracles are exact: sums ``L + c1 q1**k + c2 q2**k`` with binary rates and
constants, whose steps obey ``d[k + 2] = A d[k + 1] + B d[k]`` exactly in floats
(``A = q1 + q2``, ``B = -q1 q2``).
"""

from __future__ import annotations

from calcweb._integrate import _Epsilon


def _table(elements: list[float]) -> _Epsilon:
    table = _Epsilon()
    table.last_five = elements
    return table


# S_k = -1/2 + 2**k - (-1)**k / 2: rates 2 and -1 (A = 1, B = 2), steps 2, 1, 5, 7, and the
# point they sum to, -1/2, is computed exactly by the fit.
RATES_2_AND_MINUS_1 = [0.0, 2.0, 3.0, 8.0, 15.0]


def test_growing_steps_whose_rates_multiply_to_more_than_1_diverge() -> None:
    assert _table(RATES_2_AND_MINUS_1)._diverging(-0.5, 1.0)


def test_the_steps_judged_are_differences_of_the_elements() -> None:
    # The same sums shifted by -10 (-10, -8, -7, -2, 5; limit -10.5): the last step, 7,
    # outgrows the one before, 5, wherever the elements lie.
    shifted = [s - 10.0 for s in RATES_2_AND_MINUS_1]
    assert _table(shifted)._diverging(-10.5, 1.0)


def test_a_last_step_within_the_error_is_no_growth() -> None:
    # The last step, 7, is no larger than the limit's error, 7: the steps are not
    # known to grow.
    assert not _table(RATES_2_AND_MINUS_1)._diverging(-0.5, 7.0)


def test_the_fixed_point_may_miss_the_limit_by_the_error_itself() -> None:
    # The fit's point is -0.5 exactly; a limit of -0.25 with error 0.25 is within it.
    assert _table(RATES_2_AND_MINUS_1)._diverging(-0.25, 0.25)
    assert not _table(RATES_2_AND_MINUS_1)._diverging(-0.25, 0.125)


def test_rates_whose_product_is_exactly_1_do_not_die_out() -> None:
    # S_k = -1/3 + 2**k - (2/3)(-1/2)**k, the sums of the steps 2**k + (-1/2)**k: 0, 2,
    # 3.5, 7.75, 15.625 (A = 3/2, B = 1): the product of the rates is -B, modulus 1.
    elements = [0.0, 2.0, 3.5, 7.75, 15.625]
    table = _table(elements)
    fit = table._two_rates()
    assert fit is not None
    assert fit[:2] == (1.5, 1.0)
    assert table._diverging(-1.0 / 3.0, 1e-9)


def test_steps_of_one_rate_fit_no_two_rate_model() -> None:
    # 0, 1, 3, 7, 15: steps 1, 2, 4, 8, one rate (2); the two-rate fit is singular and
    # says nothing (`_leaving` judges one ratio).
    table = _table([0.0, 1.0, 3.0, 7.0, 15.0])
    assert table._two_rates() is None
    assert not table._diverging(-1.0, 1.0)


def test_elements_leave_the_limit_only_by_more_than_its_error_each_time() -> None:
    # Distances 1, 2, 4, 8, 16 from the limit 0 (one ratio, 2): with error 0.5 they leave
    # it; with error 1 the second is no farther than the first by more than the error.
    table = _table([1.0, 2.0, 4.0, 8.0, 16.0])
    assert table._leaving(0.0, 0.5)
    assert not table._leaving(0.0, 1.0)


def test_elements_may_miss_the_ratio_by_the_error_itself() -> None:
    # Distances 1, 2.5, 4, 8, 16: ratio 2 (the last two), which 2.5 and 4 miss by 0.5 and
    # exactly 1, the error: within it, so they leave by one ratio. With error 0.75, not.
    table = _table([1.0, 2.5, 4.0, 8.0, 16.0])
    assert table._leaving(0.0, 1.0)
    assert not table._leaving(0.0, 0.75)


def test_fewer_than_five_elements_are_not_judged_converging() -> None:
    # Four of the sums of steps 2 (-1/2)**k, which converge to 4/3: too few to fit two rates.
    assert not _table([0.0, 2.0, 1.0, 1.5])._converging(4.0 / 3.0, 1.0)


def test_steps_of_one_rate_below_1_fit_no_two_rate_model() -> None:
    # 0, 1/2, 3/4, 7/8, 15/16 converge to 1 by one rate, 1/2: the two-rate fit is singular
    # and the model says nothing.
    table = _table([0.0, 0.5, 0.75, 0.875, 0.9375])
    assert table._two_rates() is None
    assert not table._converging(1.0, 1.0)


def test_rates_near_1_aside_the_fit_may_miss_by_a_thousandth_of_the_last_distance() -> None:
    # Steps (1/2)**k + (-1/2)**k (rates 1/2 and -1/2: A = 0, B = 1/4): sums 0, 2, 2, 2.5,
    # 2.5, converging to 8/3, where the fit's point lies. A limit 1e-4 beside it, with a
    # tiny error, is within a thousandth of its distance from the last sum (1.7e-4); one
    # 3e-4 beside it is not (nor within a thousandth of its distance from another sum).
    table = _table([0.0, 2.0, 2.0, 2.5, 2.5])
    assert table._converging(8.0 / 3.0, 1e-12)
    assert table._converging(8.0 / 3.0 + 1e-4, 1e-12)
    assert not table._converging(8.0 / 3.0 + 3e-4, 1e-12)


def test_the_slack_is_a_thousandth_of_the_last_element_s_distance() -> None:
    # Steps (1/2)**k + (1/4)**k (A = 3/4, B = -1/8): sums 0, 2, 2.75, 3.0625, 3.203125,
    # converging to 10/3, 0.13 beyond the last sum (a thousandth: 1.3e-4) and 0.27 beyond
    # the one before: a limit 2e-4 beside the fit's point is too far.
    table = _table([0.0, 2.0, 2.75, 3.0625, 3.203125])
    assert table._converging(10.0 / 3.0, 1e-12)
    assert table._converging(10.0 / 3.0 + 1e-4, 1e-12)
    assert not table._converging(10.0 / 3.0 + 2e-4, 1e-12)


def test_steps_that_cycle_without_decay_do_not_converge() -> None:
    # Steps 1, 1, -1, -1 (rates i and -i, modulus 1: A = 0, B = -1): the sums 0, 1, 2, 1, 0
    # circle their fixed point 1 forever.
    assert not _table([0.0, 1.0, 2.0, 1.0, 0.0])._converging(1.0, 1e-12)


def test_a_rate_of_minus_1_does_not_converge() -> None:
    # Steps (-1)**k + (1/2)**k (rates -1 and 1/2: A = -1/2, B = 1/2, so |A| = 1 - B): the
    # sums 0, 2, 1.5, 2.75, 1.875 swing about 2.5 by 1/2 forever.
    assert not _table([0.0, 2.0, 1.5, 2.75, 1.875])._converging(2.5, 1e-12)


def test_the_fit_may_miss_the_limit_by_the_error_itself() -> None:
    # Steps (1 + k) / 2**k (a double rate 1/2: A = 1, B = -1/4): sums 0, 1, 2, 2.75, 3.25,
    # whose fit's point is 4 exactly. A limit of 4.25 with error 0.25 is within it.
    table = _table([0.0, 1.0, 2.0, 2.75, 3.25])
    assert table._converging(4.25, 0.25)
    assert not table._converging(4.25, 0.125)
