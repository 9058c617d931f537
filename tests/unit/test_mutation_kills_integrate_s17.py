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
