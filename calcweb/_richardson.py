r"""Robust Richardson extrapolation of difference quotients, with an error estimate.

A difference quotient $D(h)$ of order ``n`` approaches $f^{(n)}(x)$ as
$D(h) = f^{(n)}(x) + c_1 h^p + c_2 h^{2p} + \dots$ (``p = 2`` for a central
stencil, ``p = 1`` for a one-sided one) -- but only once ``h`` is small
compared with the scale on which ``f`` varies. That scale is unknown: it is
``|x|`` for ``log`` at ``1e6`` and ``1`` for ``sin`` there. So no single first
step can be trusted; instead:

1. The quotients are taken on a decreasing sequence of steps: halving inside
   the asymptotic range (below), quartering while searching for it (halving
   for ``n >= 3``, whose range is too narrow for quartered steps:
   `_search_shrink`), and shrinking 16-fold (or jumping to ``|x| / 2``) when
   a stencil point falls outside the domain of ``f``. Before any row, a
   stencil that sees one value of ``f`` off ``x`` (and twice as far out),
   another at ``x``, missed a feature of ``f`` narrower than its step (a
   bump 1 wide at ``1e5``, first steps 1500): its quotient joins no window,
   the steps shrink 16-fold until one sees it, and the walk is taken again
   from the window that did (`_blind`, `_walks_seeing`).
2. A window of consecutive quotients is used only while its differences shrink
   at the rate the expansion predicts (the *asymptotic range*); a step that
   breaks that pattern ends the window and is the first row of the next
   (``tan`` at -0.8, ``n = 6``: the stencils at 0.4 to 0.1 cross the pole at
   ``-pi / 2``, and the clean rows begin at 0.05). Steps larger than the scale of
   ``f`` (``sin`` at ``1e4`` with ``h = 150``) give quotients that vary at
   random and rarely pass that test by chance; steps that halve can stay
   commensurate with a period of ``f``, so the best estimate of a window must
   also predict a quotient at a step between its last two, their ratio to
   the power ``1 / golden ratio`` times the smaller (`_confirmed`): a period
   of ``f`` (in ``h``, or in ``log h``) that the steps fit does not fit it.
   In one variable, a probe missed by no more than a multiple of ``t``
   rounded inside ``f`` can move it and the window's smallest quotient
   (``sin(33264 t)``: ``|t| eps / 2`` times ``|f'|``) keeps a window with a
   correct digit, with the larger of that miss and that bound added to its
   error (`_confirmed_despite_rounding`), if it is still the best yet with it.
   A first derivative's window whose steps are far above the scale of ``f``
   can pass both tests: at a crest of ``sin(k t + c)`` every central
   quotient is about 0 at such steps. The even part of ``f`` at the same
   points, ``(f(x + h) + f(x - h)) / 2 - f(x)``, then shows ``f``'s own
   swings: its changes from step to step turn, where they keep one sign
   while ``f`` is resolved. Such a window is not kept (`_beyond_scale`).
   So for every odd order (``n = 3`` at a crest: quotients about 0, as ``f'''``
   is), and, with the odd part ``(f(x + h) - f(x - h)) / 2``, for even
   orders, whose quotients see only the even part (``n = 2`` at a zero of
   ``sin(k t + c)``). Orders 2 and more are judged also on the rows below
   the best entry and on parts that cross 0, and the probe's part must lie
   between its neighbours' (`_probe_strays`; and a second probe's, where
   they are far enough apart for a random part to fall between them by
   chance): steps that halve can alias a period of ``f`` so that its parts
   look resolved at every one of them. Both probes can still land there by
   chance; the walk's answer is then refused where the parts at smaller
   steps already sampled are larger than its window's trend allows, by
   ``f``'s swings (`_followed_below`: aliasing only slows ``f`` down).
   With no estimate kept yet, a window whose first quotients agree only within
   their rounding, below quotients that swung far above theirs at every step,
   is not kept, and the walk ends (`_Walk.settled_by_rounding_alone`): where
   rounding has grown to their swing any quotients agree (``t (2 + sin(2 pi
   log10(2) log2 |t|))`` at 0, which has no derivative).
3. Neville's tableau extrapolates the window to ``h = 0``. An entry's error
   is its largest disagreement with the entries it was made from and with
   its neighbours in its column, plus 2.5 times the rounding noise of its
   quotients. The entry with the smallest error wins; a window ends when
   two more rows do not halve that error. A later window replaces the
   estimate kept only if its error is smaller, in one variable also with
   what a multiple of ``t`` rounded inside ``f`` can do at the smallest step
   of each added (`_Walk.beats`): at steps of a few ulp(``x``) that
   rounding can make the quotients agree on a wrong value; and the answer of
   the walk's own window (not refined) has at least the error that rounding
   can give all its quotients alike (`_lined_up`): where ``a ulp(x)`` is
   close to ulp(``a x``), ``f`` at the floats sampled is ``g`` of a slightly
   wrong multiple of ``t``, smooth to every quotient (``sin(17180308720.894814
   t)`` at 0.5455065544805004 was 3e7 times its error off); and every
   answer, a refined one too, at least the error that ``a x`` rounded gives
   all quotients about ``x`` alike (`_shifted`). Both hold on a line through
   a point too (``offset``, 5.), with ``|x|`` the point's: its samples are the
   floats near that point, and ``x + t d`` rounded to them puts each stencil
   on a slightly different step (a crest of ``sin(766984.67 t + 5.0206)``, ``n
   = 3``, along ``p[0]`` at [-0.9254247801613408, 0.3] was -1.318e8 +- 9.0e5 for
   -1.084e8; now +- 3.5e7, as in one variable). As that bound grows while
   the steps shrink, a first derivative's window whose answer will carry it
   ends once its best error is below a quarter of it at two consecutive rows
   (`_Walk.below_lined_up`: ``cos`` at 1e5, 30 calls instead of 34, with
   the same answer). A
   quotient at a smaller step than the kept estimate's rows, farther from it
   than their expansion allows, widens its error to that distance
   (`_Walk.check_accepted`): a window far from the asymptotic range can pass
   for one, its probe included. So does one, of order 2 or more, that moved
   from the last of those rows toward it by less than their truncation, as
   the estimate puts it, allows (`_stalled`: rows that all reached a kink of
   ``f^(n)`` a fraction of their step away). While such quotients of a first derivative
   move farther and farther from it, the walk goes on (`_still_leaving`): a
   fast term beside a large slow one (``0.18 t**3 + sin(1.64 t**2)`` at
   488.5) is averaged away by the first steps, which follow the slow one in
   its own asymptotic range. So do the
   quotients already taken below its rows when it is kept: the row that ended
   its window, and an earlier walk's, when the walk is done again with the
   noise of ``f`` measured (5.; `_Walk.check_below`). An
   estimate with no correct digit (`_no_digit`: its error above its value
   and above what rounding or convergence to 0 allows) does not end the
   walk: the first steps are scaled to ``max(1, |x|)``, far above the scale
   of ``exp(-5000 t)`` or ``sin(1e6 t)``, and smaller ones may resolve ``f``.
   Nor does one that lost its digits to `_Walk.check_accepted`; it is kept
   (the ``fallback``, with what the quotients below widen it by as the walk
   goes on: `_still_falling_back`) unless a window with digits does better,
   and the walk stops at a collapse (below). A window with digits at smaller steps that
   does not beat it but disagrees with it beyond both errors widens its error
   to that distance (`_contradicted`): halving steps far above the scale of
   ``f`` can alias (``sin`` at 33614626641256.94: steps of 5.04e11, 2.52e11
   and 1.26e11 are 1.06, 0.53 and 0.265 radians modulo ``2 pi``, where
   ``sin`` is ``sin(x + a t)`` with ``a`` = 2.1e-12), and the probe fit by
   chance. Any other kept estimate widens its error alike to hold a later
   window, at smaller steps, whose error is at most twice its own and whose
   value it does not hold (`_held_to_later`): its rows may have crossed a
   kink or jump of ``f^(n)`` their steps reached.
4. A stencil point where ``f`` is undefined (it raises, or returns NaN or
   inf) shrinks the step quickly, and of two stencil points as far from
   ``x``, the one on the side where ``f`` last failed is evaluated first
   (failing again costs one call, not two); when no central stencil fits,
   a one-sided one is used on the side where ``f`` is defined.
5. The noise of ``f`` is then measured (4th differences at tiny spacings):
   rounding inside ``f`` (``(1e8 + sin(x)) - 1e8``) can exceed an ulp of its
   value by far, and then the walk is done again with that noise. Such an
   ``f`` is a staircase (rounded to ulp(1e8)): below a step of (stair
   height) / |f'| its quotients, and its 4th differences, are exactly 0,
   which is no evidence of no noise. Equal neighbouring values where ``f``
   is not constant say so, and their gaps measure the stairs
   (`Sampler.measure_noise`); a first derivative's noise is measured where
   ``f`` changes by twice its rounding per spacing (not beyond the first
   step of the walk's first window whose best entry has digits and rests on
   quotients that differ: `_within_reach`), so that
   stairs any higher leave equal neighbours, there or, where they fell
   evenly, at a spacing in the golden ratio to it. Noise found at ``x`` is
   measured again where ``|f|`` is largest: if larger there, as for ``f``
   computed in single precision, it is taken relative to ``|f|`` (unless it
   is a quarter of ``|f|`` or more: no rounding grid is that coarse), and where
   it grows slower than ``|f|`` (``sin(t) - t``: as ``|t|``), also as the
   power of ``|f|`` through the two (`Sampler.floor_for`). A noise
   already known (a walk with larger steps saw the stairs) is never lowered. The
   spacing is only as right as the slope: below the stairs of ``exp`` in
   ``exp(t) - 1 - t`` at 3.2e-8 every quotient is exactly -1, and there
   the stairs are 1e8 spacings wide. A window at larger steps that settled
   on a value outside the estimate's bars (one with a digit: `_no_digit`)
   says so, as does a quotient the
   next two left in one jump onto values within rounding of each other
   (`_collapsed`): the noise is then measured at its slope (and where the
   values there lie on a line of another slope, stairs that fell evenly, at
   two smaller spacings in the golden ratio: `_fell_evenly`), or else at the
   two points the quotient before the jump rested on (where their values lie
   on two lines that meet at one place, a kink of ``f`` within the jump, that
   is no noise: `_kinked`), or else where ``|f|``
   is largest (``cos(t) - 1 + t**2 / 2`` is ``t**2 / 2`` exactly for ``|t|
   < 1e-8``, and its stairs, those of ``cos``, start beyond;
   `_disagreeing_noise`). The stairs of a steep part of ``f`` that cancels
   give 4th differences that are whole numbers of stairs, often 0: the 2nd
   differences then show them (`Sampler._second_difference_noise`). Where
   no noise showed, but the values around ``x`` leave the estimate's slope
   by more than its error and their truncation allow (`_drifts`: a window
   at large steps settled in the stairs, while near ``x`` ``f`` is smooth),
   it is measured at ``x`` at spacings from half the smallest step down
   (`_noise_down_to`). Noise shown at a first spacing raised to 4 ulp(``x``),
   whole ulps apart (where ``a t`` rounded is a sawtooth that 4th
   differences miss), is measured again at unequally spaced points where
   `_rounded_argument` is above it (`Sampler.irregular_noise`). Noise
   below ``quiet`` (8 eps times the largest ``|f|`` sampled) can still be
   far above the rounding of the values the estimate rests on: the first
   step of ``exp(a t)`` spans several e-folds, and ``a t`` rounded makes it
   noisy by up to ``|a t| eps / 2``. Where those values
   are ``LOCAL`` times smaller, the noise is measured again at their
   rounding (`_local_quiet`, `_local_noise`; at last at unequally spaced
   points, `Sampler.irregular_noise`: the roundings of ``a t`` at equally
   spaced ``t`` are a sawtooth whose 4th differences are whole ulps, often
   0), for a first derivative only
   if the central difference at the noise spacing leaves the slope by more
   than a quarter of that (a drift between an eighth and a quarter of it is
   judged again at up to ``TRIES - 1`` larger spacings in the golden ratio;
   a closer one once, on a line or coordinate of a function of several
   variables, where ``a t`` rounded inside ``f`` can move it beyond that
   rounding (`_rounded_argument`): at points whole ulps of ``x`` apart its
   sawtooth can be alike at ``x`` and both neighbours)
   (`_local_drift`); noise that moved it is at least half as
   high, if no spacing shows it. Noise even about ``x`` (``f(x)`` off one
   way, its neighbours the other) cancels in that central difference; the
   2nd difference adds it up, and where it shows, with no noise known, what
   it can move the estimate by is added to the error (`_even_noise`). The
   walk's own window at steps above ``|x|`` rests on values farther from 0,
   where the rounding of terms that grow with ``|t|`` and cancel (``sin(t) -
   t``: ulp(``t``)) is larger than at ``x``: where no noise was measured, its
   values are far below ``quiet`` and its smallest quotient has no digit of
   the estimate, the noise is measured at that quotient's outer point too,
   and what it can move the estimate by is added (`_noise_beyond`). An
   estimate that a window with a digit at larger steps contradicts (one of
   0, also two quotients at larger steps that settled elsewhere:
   `_settled_above`) can rest on one stair of a staircase times a smooth
   factor (gelu far in its tail): the noise is measured at spacings from
   its smallest step up, 16-fold each (the last at the widest), beyond the
   points its window saw and within the scale its quotients show, at the
   rounding of the values there (`_noise_up_from`), if it is of 0 within
   its error or its quotients show no truncation (`_untruncated`;
   quotients that do have resolved ``f``); a reading whose 4th differences
   fall from its spacing down as a smooth ``f``'s do is ``f``'s own swing
   (`_falls_as_smooth`: a fast sine that the window resolved), and the
   spacings stop there. Stairs can fall symmetrically
   about ``x`` at every spacing, and read far smaller there than they are:
   a walk done again with a noise measured, that may rest on stairs so,
   has the noise measured at unequally spaced points too
   (`_stairs_unevenly`), and is done again with it if it is larger. Where
   no noise is heard (or only a junction, below), the estimate stands, and
   where ``f`` jumps where the quotients above its window first leave it (a
   kink leaves them continuously), its error reaches the far side of the
   bars of the windows at larger steps that contradict it (`_unheard_stairs`).
   Stairs wider than every step that resolves a steep part of ``f`` show in
   no quotient: a first derivative's error is at least twice the slope
   between the walk's farthest points on the side where that part died
   away (one above the error and below an 8th of the estimate), where ``f``
   is flat at the window's smallest step and that slope would not be
   (`_far_stairs`); where that part still moves ``f`` there, or ``f`` is
   flat there within the error, of two more points out to 16 times as far,
   within the first step (`_farther_flat_slope`).
   On a line through a point (``calcweb.multivariate``: ``f(x + t d)`` at
   ``t`` near 0, ``extrapolate``'s ``offset``) every stencil point's
   coordinates ``x_i + t d_i`` are rounded to ulp(``x_i``), which ``x +
   h`` in one variable is not (`representable_step`): where that rounding
   can move ``f`` beyond ``quiet`` (`_rounded_argument`), a derivative of
   order 2 or more with no noise measured has it measured at unequally
   spaced points.
   Noise measured across a junction of ``f`` beside ``x`` (Huber's loss at
   1.0001: its ``f''`` jumps at 1) is no noise: the walk before it, whose
   steps below the junction's distance saw one smooth piece, stands where a
   one-sided walk away from the junction confirms it (`_junction_beside`);
   one on a side where ``f`` is constant does only where ``f`` leaves that
   value continuously (a clamp; a stair ends at a jump), and where it
   does not and disagrees with the walk done again, neither is trusted.
   Nor is noise that is ``f``'s own swing on a scale far below the walk's
   steps (``1e3 + 1e-11 sin(t / 1e-11 + 0.3)`` at 0: 107 ulps of 1e3, read
   at a spacing of 6.6e-4): where the walk done again with it answers a
   first derivative of 0 within its error (after the kink checks of 6.),
   and ``f``'s 4th differences drop from that noise to the rounding of its
   values at a spacing far below the walk's steps, and stay far below it on
   the scale on which its slope there moves it by that swing, the estimate
   is refused (`_check_noise_is_rounding`: rounding shows at every spacing,
   stairs show their edges, a smooth ``f`` resolved by the walk falls
   256-fold per 4-fold spacing). Of order 2 or more, any estimate resting
   on such a noise is refused where ``f``'s 4th differences, at a spacing
   16-fold smaller each from below the walk's steps, fall to the rounding
   of its values (or of ``k t`` inside ``f``, where larger) as a smooth
   ``f``'s fall, not dropping from a stair's height
   (`_check_noise_is_swing`: ``c s**4 + sin(a s**3)`` near 90, the sine's
   period 1e-4, read a noise of 3.46 from steps of 4.7 and up). Before
   that, of orders 2 to 4 (central): a noise the noise test saw at ``x``
   whose 4th differences, at spacings halving from a quarter of its own,
   fall 8-fold twice in a row from reads above the rounding is ``f``'s
   own variation, and no noise (`_gone_below`); with no noise, the
   quotient of order ``n`` at the noise test's five points (no call) must
   agree with the window's estimate within its expansion and its rounding
   (`_seen_far_below`). A small fast term beside a large slow part moves
   the quotients at steps far above its scale by about ``A / h**n``, which
   a window exact in ``h**2`` for the slow part averages into a tiny error
   (``6.51 s**4 + sin(1.2385 s**2)`` at 152.3, ``n = 2``: 1814179.27 +-
   0.0088 at steps 30 to 7.6, for 1949412.25), and moves that quotient by
   about ``A / s**n``: where it disagrees, the whole of this is done again
   from below the window (`_walked_below`: 1949389.8 +- 325), and an answer
   that comes back to the refuted value, and misses the quotient that
   refuted it, is refused (`_check_not_back`). Where the noise test's
   spacing is a whole number of the fast term's periods, its five points
   see it at one phase and their quotient agrees; ``f`` at ``x + golden
   s`` (one call) must then be on their polynomial, else the quotient with
   that point refutes the window, if far from it and ``f``'s 4th differences
   below fall as a smooth ``f``'s, not as stairs that lined up with the
   five points (`_seen_off_the_grid`).
6. A derivative whose one-sided quotients (from the right, and from the
   left where those are in doubt) disagree with the central ones (at a
   kink, as ``abs`` at 0, at a junction where
   ``f''`` jumps, as Huber's loss at 1, or one nearer than any step of order
   ``n >= 2`` resolves, or where ``f`` varies on a scale finer than the
   steps) is refused with `DomainError` -- after the noise of ``f`` is
   measured, allowing for the noise and the truncation of the one-sided
   quotients (`_check_one_sided`; for ``n <= 2``, that truncation is followed
   down to the quotients' rounding at halving steps, `_extrapolated_twice`: a slope
   jump small next to ``f``'s curvature hides in a coarser allowance, and
   so does a jump of ``f''`` at ``x``, whose central quotients of order 2
   are the mean of the two sides: exactly, at every step, for
   ``max(t - 0.3, 0)**2 + t**3`` at 0.3, 2.8 +- 9.6e-14 for 3.8 and 1.8;
   for a first derivative, not where ``f``'s even part at the window's own
   steps, fitted in odd powers of the step, already shows the one-sided
   value within rounding of the central one, or far from it with a row 16
   times below showing the same: `_even_part_agrees`; a walk that stopped
   early then goes on down, and stands where it settles below that row:
   `_one_sided_checked`; for a second, where its odd part's second
   difference shows it within rounding: `_odd_part_agrees`; for ``n >= 2``,
   the one-sided quotients at every step of the window and below it are
   extrapolated in every power of the step, as the walk extrapolates its
   own, `_over_the_window`: a jump of ``f^(n)`` at ``x`` puts the central
   quotients at the mean of the two sides at every step; of order 2 only
   its disagreement is a verdict).
   Where they disagree beyond both errors, but within that allowance, the
   estimate's error is widened to hold the one-sided value, and so is a
   refined value's (7.;
   `_held_by_one_sided`). So is one whose forward quotients do not
   settle while the central ones do (``x sin(1/x)`` at 0, even about it:
   central quotients 0 at every step, forward ones ``sin(1/h)``), or whose
   gap between the two swings and does not shrink (`_even_part_crossing`),
   unless a forward walk settles where the central one did
   (`_check_one_sided_settle`), or, where no noise was measured, the forward
   quotients near the central value until rounding takes their digits (of a
   high order their walk can find no window: ``atan`` at 0, ``n = 8``); lost
   before they near it, they are refused with `NumericalError`
   (`_nears_until_lost`). A first derivative whose one-sided quotients
   below the window leave it without deciding, either following no
   expansion (their spread ``UNSETTLED`` times both their rounding and the
   estimate's error: `_unsettled_below`) or in doubt on both sides, is
   walked again from their smallest step (`_walked_below_unsettled`): a
   fast term beside a large slow one, averaged away by the window's steps
   (``1.2166 s**4 + sin(1.4462 s**2)`` at 899.4, steps 13.5 to 3.4, off by
   the sine's ``f'`` of 1215 with an error of 0.033), is resolved there; that
   walk's answer replaces the estimate where they disagree beyond both errors.
7. With the default steps (``refine``), the estimate is then refined. The
   halving steps end small, where rounding is largest (``eps |f| / h``), but
   the window's quotients also tell the scale on which ``f`` varies: one wide
   symmetric stencil of ``2m + 1`` equally spaced points (`_refine`), spread
   over that scale, has a truncation error of high order and far less
   rounding. Its value replaces the walk's only if it agrees with it within
   the walk's error (as its window claimed it when kept: an error that
   quotients at smaller steps widened since, `_Walk.check_accepted`, can be
   far above the value and confirms nothing; a crest of ``sin(1864784.64 t +
   1.8048)`` on a line, refined from a far window widened to 2.1e-4, was
   3.07e-9 +- 2.6e-8 for 1.879e-4) and its truncation, judged from the
   stencils without its outer points, is below its rounding. Its error counts what ``a t`` rounded
   inside ``f`` can move its values by too (`_moved`: at its equally spaced
   points that rounding is a sawtooth whose wraps its differences need not
   show; ``exp(a t)``, ``a`` within 1e-12 of 1, at 64.18 was 3 times its
   error off). As the walk then only has to be
   right, not as accurate as it can be, it stops once its error is below
   ``ENOUGH`` (relative), and goes on from there if the refinement fails
   (to an estimate within the early one's error: steps below the stairs of
   a staircase give quotients of 0; or, for a first derivative, to one whose
   quotients below the early rows kept leaving them, `_left_behind`). The
   noise checks of 5. judged the values near ``x`` against the walk's error; the refined one can be
   thousands of times smaller: where those values leave its slope by more
   than it allows, for a first derivative with no noise measured, that
   drift times what such noise moves the refined value by (its stencil's
   gain) is added to its error (`_with_drift`; where ``a t`` rounded in its
   argument could matter beyond that, also at a spacing where that rounding
   falls at random, and the larger drift is taken).
8. Rounding in the argument of ``f`` (``g((t + c) - c)``, ``t`` rounded to
   ulp(c)) moves a first derivative by up to ``|f''|`` times it, at every
   step, while the values move by ``|f'|`` times it: nothing at a flat
   point. There the noise is measured again where ``|f'|`` is larger, and
   that much is added to the error (`_argument_noise`), for noise below the
   rounding of the values the estimate's window rests on (`_window_quiet`,
   where no noise was measured); and at least ``|f''| |x| eps / 2``: a
   multiple of ``t`` rounded inside ``f`` (``sin(k t + c)``) loses the bits
   of ``c`` below ulp(``k t``) alike at every point, which no noise shows.

If no window's estimate passes the check of 2., no estimate is trusted:
`NumericalError`; nor is one whose window had no correct digit when kept
(`trusted`, which `calcweb.derivative` applies after its own second try);
one that lost its digits to `_Walk.check_accepted` (the fallback of 3.) is
returned with its widened error, unless ``f`` at the floats next to ``x``
varies faster than their spacing resolves, and no estimate is trusted where
the noise measured in 5. is larger than every value of ``f`` sampled
(`_check_resolved`). Nor is an estimate by which ``f`` varies on a scale
of fewer than ``GRID`` float spacings near ``x`` (`_check_grid`, a policy):
at so few floats ``f`` is the same as functions of other derivatives
(``sin`` at 1e240 is ``sin(x0 + 0.0686 k)`` at the ``k``-th float), and
which of them ``f`` is, no sample says. The error
estimate was honest (the true error at most twice the estimate) on every
case of the project's adversarial suite; a feature of ``f`` finer than the
smallest step, or below its rounding noise, cannot be seen by any
difference method.
"""

from __future__ import annotations

import copy
import functools
import itertools
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from calcweb import _real
from calcweb._checks import INTO_THE_DOMAIN, evaluate
from calcweb.exceptions import DomainError, NumericalError

__all__ = ["Estimate", "combine", "extrapolate", "stencil", "trusted"]

_EPS = sys.float_info.epsilon
_TINY = 2.0 * 5e-324  # the spacing of subnormal floats, twice
MAX_ROWS = 44  # steps tried, from the first down to about 1e-12 of it
SEARCH_SHRINK = 4.0  # step ratio before the asymptotic range is found
# ... while it multiplies the rounding of an order-n quotient (as h**-n) by at most this
SEARCH_GROWTH = 16.0
SHRINK = 2.0  # step ratio inside it
FAIL_SHRINK = 16.0  # step ratio after a stencil point falls outside the domain
SAFE = 2.0  # a new row this much worse than the best estimate ends the search (Ridders)
ENOUGH = 1e-7  # a relative error at which a walk to be refined may stop
WIDTH = 6  # the refining stencil has 2 * (WIDTH + n // 2) + 1 points
# The noise bound of a forward quotient at h, times this, bounds the noise of the
# quotients at h, h/2 (and h/4) extrapolated once (5x) or twice (15x).
KINK_NOISE = 20.0
SIDES_HALVINGS = 10  # steps below the window `_hold_both_sides` may take, at most
STALLED = 2  # ... and it stops after this many rows that did not better its verdict
# The rounding bound of a fit of quotients (`_even_part_agrees`) is this many times
# the sum of each one's bound times its weight.
FIT_NOISE = 2.0
# Halvings `_extrapolated_twice` may take a one-sided quotient down to (from h / 4)
ONE_SIDED_HALVINGS = 10
# A first derivative's one-sided verdict below the window, its spread this many times
# both its rounding and the estimate's error, followed no expansion (`_unsettled_below`)
UNSETTLED = 16.0
# A walk whose answer carries `_lined_up`'s bound stops once its error is this far below it
LINED_UP_MARGIN = 4.0
LOCAL = 4.0  # noise is measured again near x where f's values there are this much smaller
TRIES = 3  # spacings it is measured at, in the golden ratio (`_local_noise`, `_local_drift`)
SPACING = 2.0  # a first derivative's noise is measured where f changes by this x quiet
NO_DIGIT = 16.0  # an error this many roundings above a quotient of 0 is not "0 within rounding"
# A part of f that a central quotient of order 2 or more leaves out (`_other_part`) and
# that crosses 0 from step to step (`_beyond_scale`), or leaves the parts beside it
# (`_probe_strays`), by more than the range of f sampled over this is f's own swings.
SWING = 64.0
# `_probe_strays` takes a second probe unless the first one's part is within 1 / this of
# its neighbours' gap of where they predict it (`_as_predicted`)
PREDICTED = 8.0
# f's scale (as the walk's window shows it) must span this many float spacings (`_check_grid`):
# a policy; between two powers of 2, so that no scale of 2**k spacings (sin's 1) is at its edge
GRID = 2.0**11.5
# A flat side's junction is bracketed to 2**-this of its distance (`_continuous_between`):
# a stair's edge is then a jump between points far closer than its stair is wide. So is
# where f starts failing, far out beyond its last flat point (`_before_failure`).
JUMP_HALVINGS = 20
# Where f is f(x) at every point of the estimate's window, where it leaves that value is
# looked for at distances this many times farther out each (`_stair_beside`), ...
STAIR_LOOK = 4.0
# ... up to this times max(1, |x|): the scale the first steps are taken on, ...
STAIR_REACH = 2.0
STAIR_LOOKS = 6  # ... and at most this many points (a walk from steps far below it);
# past them, out to the end of the floats, each distance the last one times a ratio
# that squares from STAIR_LOOK (`_far_stair`): a flushed f's stair is where its shift
# puts it, not within |x|'s scale
# A forward walk confirms a central estimate whose forward quotients drifted by d only
# to an error below d / SETTLED, or below what its own quotients moved by (`_settled`)
SETTLED = 4.0
FARTHER = 4  # forward quotients `_check_one_sided_settle` may add where they stay far
NEARING = 2.0  # forward quotients near the estimate: distances shrink this much in 2 halvings
LOST_WITHIN = 12  # halvings `_lost_forward` takes forward quotients down to lose them in rounding
CROSSING = 2.0  # a gap beyond this many roundings has a sign (`_even_part_gaps`)
SHRINK_SPAN = 7.9  # `_gap_shrinks` needs steps 8 apart (to their rounding) to see a gap shrink
SWUNG = 6  # jumps between quotients that can show they never began to settle (`_swung_throughout`)
# Noise shows in f's 4th differences above noise / SHOWN (their reads vary that much); a
# first derivative of 0 resting on noise above SHOWN quiet is judged by whether the noise
# drops to the values' rounding (ROUNDING eps of their largest |f|, as a noise) below the
# walk's steps (at one of SWING_LOOKS spacings, 16-fold each) and stays below the swing /
# WIDE where f's slope there moves it by the swing: f's own (`_check_noise_is_rounding`)
SHOWN = 4.0
WIDE = 2.0
ROUNDING = 4.0
SWING_LOOKS = 10
# A smooth f's 4th differences fall at most 16**4-fold from a spacing to 1/16 of it
SMOOTH_FALL = 16.0**4
FINER = 64.0  # `_gone_below` looks for the noise seen at a spacing down to 1/FINER of it
FALLS = 2  # ... and finds it gone where its 4th differences fall 8-fold this many halvings in a row
STEEPEST = 64.0  # a smooth f's 4th differences fall at most so much a halving (`_falls_as_smooth`)
_GOLDEN = (1.0 + math.sqrt(5.0)) / 2.0  # a step ratio far from every ratio of small integers

Function = Callable[[float], float]
Steps = float | tuple[float, float]  # a fit's row: one step, or two (`_odd_part_agrees`)


@dataclass(frozen=True)
class Estimate:
    """The extrapolated derivative, its error estimate, the calls and the first step."""

    value: float
    error: float
    nfev: int
    step: float  # the first step
    kind: str
    smallest: float = math.nan  # the smallest step the estimate rests on
    window: tuple[tuple[float, float], ...] = ()  # (step, quotient) of the rows it rests on
    early: bool = False  # the walk stopped at ENOUGH, short of its best
    noise: float = 0.0  # the measured noise of f's values (0: no more than their rounding)
    # The best entries (value, error) of the windows at larger steps, confirmed or not,
    # with a digit (`_no_digit`: one with none settled on nothing, by chance), and the
    # quotients before a collapse (`_collapsed`), with 4 times their rounding.
    larger: tuple[tuple[float, float], ...] = ()
    # The steps of the quotients the walk left in such a collapse, above the smallest.
    jumps: tuple[float, ...] = ()
    # How far noise of 1 in f's values can move a refined value (sum |w| / H**n; 0: not refined).
    gain: float = 0.0
    no_digit: bool = False  # the walk's estimate has no correct digit (`_no_digit`, `trusted`)
    # The error the walk's estimate had when its window was kept, before quotients at
    # smaller steps widened it (`_Walk.check_accepted`): what a refined value must agree
    # within (`_refine`).
    kept_error: float = math.inf
    # The first step of the walk's first window that followed the expansion to an
    # entry with digits resting on quotients that differ, and not refuted by its probe
    # (0: none): the walk saw f smooth below it (`_resolves`, `_Walk.unresolve`).
    resolved: float = 0.0
    # Each two consecutive quotients the walk took at steps above the estimate's
    # smallest, as (the one at the smaller step, how far apart the two are plus 4
    # times the larger of their rounding bounds): where they settled (`_settled_above`).
    above: tuple[tuple[float, float], ...] = ()
    # The rows the walk took at steps above the window's largest, as (step, quotient,
    # rounding bound): whether f's expansion held there (`_noise_above`).
    before: tuple[tuple[float, float, float], ...] = ()


def stencil(kind: str, n: int) -> tuple[list[float], list[float], float]:
    """Offsets (in steps), weights and the spacing factor of an order-``n`` difference.

    The central stencil of odd order uses offsets 2 steps apart so that, for
    ``n = 1``, it is ``(f(x + h) - f(x - h)) / (2h)`` as in `calcweb.diff`.
    """
    weights = [(-1.0) ** k * math.comb(n, k) for k in range(n + 1)]
    if kind == "central":
        spacing = 2.0 if n % 2 else 1.0
        return [(n / 2 - k) * spacing for k in range(n + 1)], weights, spacing
    if kind == "forward":
        return [float(n - k) for k in range(n + 1)], weights, 1.0
    return [-float(k) for k in range(n + 1)], weights, 1.0


def representable_step(x: float, h: float) -> float:
    """Return the step actually taken, so that x + h - x == h exactly.

    Rounding x + h to a float changes the step; dividing by the step that was
    really taken removes that error from the difference quotient.
    """
    step = (x + h) - x
    if not math.isfinite(step) or step <= 0.0:
        raise NumericalError(
            f"the step h={h!r} at x={x!r} overflows or vanishes in floating "
            "point; choose a step between 1e-300 and 1e300 that is not tiny "
            "compared with |x|"
        )
    return step


def _noise_spacing(x: float, spacing: float) -> float:
    """A noise spacing at ``x``: not below 4 ulp(x), what ``x + spacing`` can show."""
    return max(spacing, 4.0 * math.ulp(x))


class Sampler:
    """``f`` evaluated at ``x + t`` with each point computed once, and a count of calls."""

    def __init__(self, f: Function, x: float) -> None:
        self.f = f
        self.x = x
        self.values: dict[float, float] = {}
        self.calls = 0
        self.failed: list[tuple[float, str]] = []  # (point, why), for the final error
        self.outside = False  # whether f failed outside its domain, not by overflowing
        self.noise_floor = 0.0  # the noise of f measured by `measure_noise`
        self.relative_noise = 0.0  # and relative to |f|, where it grows with it (float32)
        # (|f(x)|, exponent): the noise grows as |f|**exponent from noise_floor at |f(x)|,
        # where it grows slower than |f| (`floor_for`; exponent 0: it does not)
        self.growth = (0.0, 0.0)
        self.slope = 0.0  # f'(x) as a walk found it, for `_three_point_noise` (0: unknown)
        self.steps: set[tuple[str, int, float]] = set()  # (kind, n, step) of quotients taken
        self.offset = 0.0  # f's argument is rounded as at |x| + offset (a line: `extrapolate`)
        self.several = False  # f of several variables on a line or coordinate (`_local_drift`)
        # (value, spread) of each one-sided verdict `_one_side` took: a refined value must
        # hold them too (`_held_by_one_sided`)
        self.one_sided: list[tuple[float, float]] = []
        # The step where the even part's constant put a kink within the window's smallest
        # step (`_even_part_agrees`; 0: none): a walk further down may pass it (`_below_kink`).
        self.kink_within = 0.0
        # The largest step below a first derivative's window down to which one-sided
        # quotients followed no expansion (`_unsettled_below`; 0: none did).
        self.unsettled_down_to = 0.0
        self.doubted_at = 0.0  # the smallest step of `_one_side`'s last verdict in doubt
        # (largest jump, step) where the last walk stopped on quotients that never settled
        # (`_Walk.settled_by_rounding_alone`), for `_walks`' message; None: it did not
        self.swung: tuple[float, float] | None = None
        # The first step below every step whose stencil missed a feature of f at x (`_blind`)
        self.seeing = math.inf
        self.looks_past = True  # whether walks go on past such stencils (`_walks_seeing`)

    def __call__(self, point: float, fix: str | None = None) -> float:
        """The value of f at ``point``; ``fix``: what the reader can do if f fails there."""
        if point not in self.values:
            self.calls += 1
            try:
                self.values[point] = evaluate(self.f, point, fix=fix)
            except (DomainError, NumericalError) as error:
                self.failed.append((point, str(error)))
                self.outside = self.outside or isinstance(error, DomainError)
                raise
        return self.values[point]

    def measure_noise(self, spacing: float, widest: float, quiet: float) -> float:
        """The noise of ``f`` near ``x``, from 4th differences at small spacings.

        Rounding inside ``f`` (``(1e8 + sin(x)) - 1e8`` loses 8 digits) can be
        far larger than an ulp of its value. Noise of standard deviation s
        gives 4th differences of standard deviation ``sqrt(70) s`` whatever the
        spacing, while the smooth part of ``f`` gives its 4th derivative times
        ``spacing**4``: a 4th difference that grows at least 8-fold (smooth:
        16-fold) from spacing to twice the spacing is smoothness, not noise (0
        is returned), if it does so again from twice to 4 times the spacing
        (noise passes the first test about 1 time in 12). Five equal values say that
        ``f`` is rounded more coarsely than the spacing, which then grows (up
        to ``widest``) until they differ. A point outside the domain leaves the
        noise unmeasured (0), and so does noise below ``quiet``. The inner three
        points come first: if they show no noise (`_three_point_noise`), the
        outer two are not needed.

        A staircase (``f`` rounded to a grid coarser than its rounding, as
        ``(1e8 + g(x)) - 1e8`` is to ulp(1e8)) is noise of the height of its
        stairs, but its 4th differences can be exactly 0: five values on one
        stair, on stairs that fall symmetrically, or evenly. Five values that
        were equal at a smaller spacing, or equal neighbours where ``f`` is not
        constant, say so; their gaps (`_quantum`) measure the stairs.
        """
        flat = False  # five equal values at a smaller spacing
        spacing = _noise_spacing(self.x, spacing)
        first = self._three_point_noise(spacing, quiet)
        if first is not None:
            return first
        while True:
            try:
                step = representable_step(self.x, spacing)
            except NumericalError:
                return 0.0
            fine = self._fourth_difference(step)
            if fine is None:
                return 0.0
            flat = flat or not fine[1]
            if fine[1] or spacing * 16.0 > widest:
                break
            spacing *= 16.0
        stairs = step
        if not flat and self.slope:  # stairs that fell evenly: where they do not
            stairs = self._uneven_step(step)
        if flat or 0.0 in _differences(self._stencil(stairs)):
            # f is a staircase near x (or constant): each value is off by up to a stair.
            quantum = self._quantum(stairs if fine[1] else 0.0)
            # Gaps of an ulp or two of the values here are rounding, not stairs;
            # quiet (from f's largest values) can be far above that near a zero.
            local = 8.0 * _EPS * max(map(abs, self._stencil(stairs)))
            if quantum > min(quiet, local):
                return quantum
        noise = self._random_noise(step, fine[0], quiet)
        if not noise and self.slope:  # the three points saw what the 4th difference did not
            noise = self._second_difference_noise(step, quiet)
        return noise

    def irregular_noise(self, spacing: float, quiet: float) -> float:
        """The noise of ``f`` from a 4th difference at unequally spaced points, if above ``quiet``.

        ``f(t) = g(a t)`` computes ``g`` at ``a t`` rounded: at equally spaced
        ``t`` the roundings are those of an arithmetic sequence, a sawtooth in
        ``t`` whose 4th differences are whole numbers of ulps, often 0, at
        every spacing (``exp(-1.188 t)``, ``n = 3`` at -417.45: ``a t``
        rounded to ulp(496), 128 eps of ``f``, showed as 3 eps; the answer
        was off by twice its error). At ``x + spacing * c`` with ``c`` in
        ``(-golden, -1, 0, 1/golden, golden**2)`` no two points are in a
        ratio of small integers, and the roundings fall as they will. Noise
        of standard deviation ``s`` gives the weighted sum ``D`` of the 4th
        derivative's weights a standard deviation ``s sqrt(sum w**2)``
        (``sqrt(70)`` for equal spacings); ``3 |D| / sqrt(sum w**2)`` is
        taken, as `_random_noise` does. At a spacing far below the walk's
        steps the smooth part of ``D`` is nothing. 0 if it is below ``quiet``
        or a point is outside the domain.
        """
        offsets = (-_GOLDEN, -1.0, 0.0, 1.0 / _GOLDEN, _GOLDEN**2)
        points = [self.x + c * spacing if c else self.x for c in offsets]
        if len(set(points)) < len(points):  # the spacing is a few ulps of x
            return 0.0
        try:
            values = [self(point) for point in points]
        except (DomainError, NumericalError):
            return 0.0
        weights = _weights(4, [(point - self.x) / spacing for point in points])
        total = math.fsum(w * v for w, v in zip(weights, values, strict=True))
        noise = 3.0 * abs(total) / math.sqrt(math.fsum(w * w for w in weights))
        return noise if noise > quiet else 0.0

    def _second_difference_noise(self, step: float, quiet: float) -> float:
        """The noise from the spread of the 2nd differences at ``step`` and twice it.

        The stairs of a nearly linear part of ``f`` (``cos`` in ``cos(t) - 1 +
        t**2 / 2``) make 4th differences that are whole numbers of stairs, and
        often 0; the three 2nd differences of the 5-point stencil then still
        differ by a stair or two. A smooth ``f`` spreads them by about ``2
        |f'''| step**3``, 8 times more at twice the step; noise does not grow:
        a spread above ``quiet`` and not 4 times larger at twice the step is
        taken as the noise (half the larger spread).
        """
        fine = _spread(self._stencil(step))
        if not fine > quiet:
            return 0.0
        try:
            values = [self(self.x + k * 2.0 * step) if k else self(self.x) for k in range(-2, 3)]
        except (DomainError, NumericalError):
            return 0.0
        coarse = _spread(values)
        return 0.0 if coarse >= 4.0 * fine else max(fine, coarse) / 2.0

    def _uneven_step(self, step: float) -> float:
        """``step``, or the step to look for equal neighbours at, where stairs fell evenly.

        Stairs a little higher than the change of ``f`` per spacing fall one
        per spacing, or in whole numbers of stairs: gaps that are all whole
        multiples of the smallest, with no equal neighbours and a 4th
        difference of 0 (``(64 + tanh(t)) - 64`` at -1.77: stairs of
        ``ulp(63)``, 4.2 times ``quiet``). A smooth ``f`` rarely gives such
        gaps where the three points did not show it noise-free; then the
        5-point stencil at ``step`` over the golden ratio, where those stairs
        fall unevenly, says which it is: its values are computed, and it is
        returned (``step`` if one of them is outside the domain of ``f``).
        """
        gaps = _differences(self._stencil(step))
        smallest = min(map(abs, gaps))
        if not smallest or not all((gap / smallest).is_integer() for gap in gaps):
            return step
        try:
            other = representable_step(self.x, step / _GOLDEN)
        except NumericalError:
            return step
        return step if self._fourth_difference(other) is None else other

    def noise_at(
        self, point: float, spacing: float, widest: float, quiet: float, slope: float = 0.0
    ) -> float:
        """`measure_noise` at another ``point`` of the same ``f`` (its ``slope`` there, 0: unknown).

        The points computed are shared, and the calls it makes are counted here.
        """
        there = Sampler(self.f, point)
        there.values = self.values
        there.slope = slope
        noise = there.measure_noise(spacing, widest, quiet)
        self.calls += there.calls
        return noise

    def _three_point_noise(self, spacing: float, quiet: float) -> float | None:
        """0 if ``x`` and ``x +- spacing`` already show no noise above ``quiet``, else None.

        The inner three points of the 5-point stencil, first, where the slope
        of ``f`` is known (``slope``, a first derivative's walk): if both gaps
        between their values are ``slope * spacing`` to within ``quiet / 8``,
        the outer two points are not needed. Noise would have to move both
        gaps by less than that, which the 5-point test passes too: alternating
        noise of amplitude a moves each gap by 2a and its 4th difference is
        16a; stairs of height q (two gaps that are different whole numbers
        of stairs, both that close to the slope) are at most ``quiet / 4``
        high, so the 4th difference of their roundings, at most 8q, passes
        it; gaps of the same k stairs pass only for stairs within 1/16 of
        ``2 quiet / k`` (values off by at most ``quiet``: harmless). A gap
        of 0 (a stair wider than the spacing) never passes (the spacing is
        where f changes by ``SPACING`` = 2 ``quiet``); nor do gaps of stairs
        in the argument of f (``g((t + c) - c)``), unless they happen to
        divide the spacing to within 1/32. Otherwise (and with no slope) the
        5-point measurement decides, reusing these three values. A point
        outside the domain leaves the noise unmeasured (0), as there.
        """
        if not self.slope:
            return None
        try:
            step = representable_step(self.x, spacing)
            below, here, above = (
                self(self.x + k * step) if k else self(self.x) for k in (-1, 0, 1)
            )
        except (DomainError, NumericalError):
            return 0.0
        gaps = (here - below, above - here)
        expected = self.slope * step  # can underflow to 0 with f's values subnormal
        close = all(gap and abs(gap - expected) <= quiet / 8.0 for gap in gaps)
        return 0.0 if close else None

    def _random_noise(self, step: float, fine: float, quiet: float) -> float:
        """The noise from the 4th difference ``fine`` at ``step``, and at 2 (and 4) times it."""
        if 3.0 * abs(fine) <= quiet * math.sqrt(70.0):
            return 0.0  # below what would matter: no need to tell noise from smoothness
        coarse = self._fourth_difference(2.0 * step)  # shares two points with the fine one
        if coarse is None:
            return 0.0
        if abs(coarse[0]) >= 8.0 * abs(fine):
            # Smooth, or noise whose fine difference came out small (1 in 12):
            # smoothness grows 16-fold once more, noise rarely 8-fold twice.
            coarser = self._fourth_difference(4.0 * step)
            if coarser is None or abs(coarser[0]) >= 8.0 * abs(coarse[0]):
                return 0.0
            fine, coarse = coarse[0], coarser
        return 3.0 * max(abs(fine), abs(coarse[0])) / math.sqrt(70.0)

    def _quantum(self, step: float) -> float:
        """The height of the stairs of ``f``: the smallest gap between its distinct values.

        Equal values where a smooth function would change are what a function
        rounded to a grid gives; its values differ by multiples of the grid's
        spacing, the noise of each value. The values are those of the 5-point
        stencil at ``step``, or with ``step`` 0 (they were all equal) all the
        values computed so far; if those are all equal too, ``f`` is constant
        and 0 is returned. Gaps below the rounding of ``f`` are the caller's to
        ignore: they are what a smooth function gives where it barely changes;
        among all the values, those within the rounding of the two values they
        separate are ignored here (the caller's rounding is that of the values
        near ``x``, 0 where they are all 0: gelu at -8.525, ``n = 4``, whose
        ``1 + erf`` rounds to 0 within 0.16 of ``x``, had two values 1 ulp
        apart elsewhere, 2e-31, taken for its stairs, 4.6e-16).

        Examples:
            >>> sampler = Sampler(abs, 0.0)
            >>> sampler.values = {0.0: 0.0, 1.0: -9.110060585774476e-16, 2.0: -4.6e-16}
            >>> sampler.values[3.0] = -9.110060585774474e-16  # 1 ulp from the first
            >>> sampler._quantum(0.0) == -4.6e-16 - -9.110060585774474e-16
            True
        """
        ordered = sorted(set(self._stencil(step) if step else self.values.values()))
        if step:
            return min(_differences(ordered), default=0.0)
        # All the values: a gap within the rounding of the two it separates (8 eps of
        # the larger) is that rounding, not a stair, wherever those values lie.
        gaps = [b - a for a, b in itertools.pairwise(ordered) if b - a > 8.0 * _EPS * max(-a, b)]
        return min(gaps, default=0.0)

    def _stencil(self, step: float) -> list[float]:
        """The values of the 5-point stencil at ``step``, already computed."""
        return [self.values[self.x + k * step] if k else self.values[self.x] for k in range(-2, 3)]

    def _fourth_difference(self, step: float) -> tuple[float, bool] | None:
        """The 4th difference at ``step`` and whether its values differ at all."""
        try:
            values = [self(self.x + k * step) if k else self(self.x) for k in (-2, -1, 0, 1, 2)]
        except (DomainError, NumericalError):
            return None
        fourth = values[0] - 4.0 * values[1] + 6.0 * values[2] - 4.0 * values[3] + values[4]
        return fourth, len(set(values)) > 1

    def floor_for(self, size: float) -> float:
        """The noise floor of values as large as ``size``: ``noise_floor`` grown as a power of it.

        ``noise_floor`` is the noise measured at ``x``; where ``|f|`` is
        largest it was larger (`_relative_noise`), but less so than ``|f|``:
        the rounding of the parts of ``f`` that cancel, which grow slower than
        ``f`` (``sin(t) - t`` is ``sin t`` rounded to ulp(t): noise that grows as
        ``|t|``, while ``|f|`` grows as ``|t|**3``; relative to ``|f|`` it
        undercounts by 1e4 at 1e-4). The power of ``|f|`` through the two
        measurements (0.32 there) says how the noise grows in between; it is 1
        for noise relative to ``|f|``, 0 for a floor. Only a power below 1 is
        kept (above it, the relative noise bounds the noise in between), and
        values no larger than ``|f(x)|`` keep the floor.
        """
        scale, exponent = self.growth
        if not exponent > 0.0 or not size > scale:
            return self.noise_floor
        grown = self.noise_floor * (size / scale) ** exponent
        return grown if math.isfinite(grown) else self.noise_floor

    def quotient(self, kind: str, n: int, h: float) -> tuple[float, float, float]:
        """The quotient at step ``h`` (made representable), its rounding bound, the step."""
        offsets = stencil(kind, n)[0]
        step = representable_step(self.x, h)
        # The farthest points first: they are the ones that leave a domain; and of
        # two as far, the one on the side where f last failed: failing again there
        # costs one call, not two (log1p at -1 + 1e-8: its stencils fail on the left
        # at every step down to the edge).
        side = math.copysign(1.0, self.failed[-1][0] - self.x) if self.failed else 0.0
        order = sorted(range(n + 1), key=lambda i: (-abs(offsets[i]), -side * offsets[i]))
        values = [0.0] * (n + 1)
        for i in order:
            values[i] = self(self.x + offsets[i] * step if offsets[i] else self.x)
        quotient, noise = combine(
            values,
            kind,
            n,
            step,
            noise_floor=self.floor_for(max(map(abs, values))),
            relative_noise=self.relative_noise,
        )
        if not math.isfinite(quotient) or not math.isfinite(noise):
            raise NumericalError(
                f"the difference quotient with step {step!r} overflows; f is too large here"
            )
        self.steps.add((kind, n, step))
        return quotient, noise, step


def _differences(values: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(values)]


def _spread(values: list[float]) -> float:
    """How far apart the 2nd differences of ``values`` are (0 for a quadratic)."""
    seconds = _differences(_differences(values))
    return max(seconds) - min(seconds)


def combine(
    values: list[float],
    kind: str,
    n: int,
    step: float,
    *,
    noise_floor: float = 0.0,
    relative_noise: float = 0.0,
) -> tuple[float, float]:
    """The order-``n`` quotient of f's values at the stencil's points, and its rounding bound.

    The rounding of each value is taken relative to its size (2 eps, or the
    measured ``relative_noise`` of ``f`` if larger), but never below
    ``noise_floor`` (the measured noise of ``f``) nor the spacing of subnormal
    floats.
    """
    _, weights, spacing = stencil(kind, n)
    scale = _real.finite("the step to the power n", step, lambda: (spacing * step) ** n)
    if scale == 0.0:
        raise NumericalError(f"the step {step!r} to the power {n} underflows to 0; use a larger h")
    try:
        total = math.fsum(w * v for w, v in zip(weights, values, strict=True))
    except (OverflowError, ValueError):  # a partial sum overflows; inf - inf (w * v overflowed)
        total = math.inf  # the caller refuses a quotient that is not finite
    relative = max(2.0 * _EPS, relative_noise)
    level = max(relative * max(abs(v) for v in values), noise_floor, _TINY)
    return total / scale, level * sum(map(abs, weights)) / scale


class _Window:
    """The quotients of the current asymptotic window and their Neville tableau."""

    def __init__(self, power: int) -> None:
        self.power = power  # D(h) = L + c1 h**p + c2 h**(2p) + ...
        self.steps: list[float] = []
        self.quotients: list[float] = []
        self.noises: list[float] = []
        self.rows: list[list[float]] = []  # rows[k][j]: j extrapolations of rows k-j..k

    def clear_to_last(self) -> None:
        """Keep only the newest quotient: the older ones broke the pattern."""
        self.steps = self.steps[-1:]
        self.quotients, self.noises = self.quotients[-1:], self.noises[-1:]
        self.rows = [self.quotients[:]]

    def ratio(self, larger: float, smaller: float) -> float:
        """``(larger / smaller)**p``: the ratio of two nodes ``h**p``, which never overflows."""
        return (larger / smaller) ** self.power

    def add(self, step: float, quotient: float, noise: float) -> None:
        row = [quotient]
        for j in range(1, len(self.rows) + 1):
            ratio = self.ratio(self.steps[-j], step)  # steps[-j] is row k-j's step
            previous = self.rows[-1][j - 1] if j - 1 < len(self.rows[-1]) else None
            if previous is None:
                break
            row.append(row[j - 1] + (row[j - 1] - previous) / (ratio - 1.0))
        self.steps.append(step)
        self.quotients.append(quotient)
        self.noises.append(noise)
        self.rows.append(row)

    def in_asymptotic_range(self) -> bool:
        """Whether the last three quotients shrink their differences as ``h**p`` predicts.

        With leading terms ``c1 h**p`` the ratio of successive differences is
        ``(t0 - t1)/(t1 - t2)`` for ``t = h**p``; it is larger when ``c1``
        happens to vanish (``h**(2p)`` leads). Differences at the level of
        rounding noise count as converged.
        """
        if len(self.quotients) < 3:
            return True
        d0, d1, d2 = self.quotients[-3], self.quotients[-2], self.quotients[-1]
        first, second = d0 - d1, d1 - d2
        noise = 4.0 * max(self.noises[-3:])
        if abs(second) <= noise:
            return True  # converged onto the level of rounding
        if (first > 0.0) != (second > 0.0):  # not first * second: it underflows
            return False
        # Node ratios (not the nodes, whose powers can overflow) give the expected rate.
        r1, r2 = (
            1.0 / self.ratio(self.steps[-3], self.steps[-2]),
            1.0 / self.ratio(self.steps[-3], self.steps[-1]),
        )
        observed = first / second
        # The leading term is h**p, or h**2p or h**3p when the first coefficients vanish.
        return any(0.75 <= observed * (r1**m - r2**m) / (1.0 - r1**m) <= 1.35 for m in (1, 2, 3))


def _collapsed(power: int, rows: list[tuple[float, float, float]]) -> bool:
    """Whether the last three quotients jump, then agree to within rounding.

    ``rows`` are the walk's ``(step, quotient, rounding bound)``, whatever
    its windows. Differences that shrink as ``h**p`` (or ``h**2p``,
    ``h**3p``) cannot fall from far above rounding to within it in one step:
    quotients that do are below the stairs of ``f``, where they see only a
    smooth part of it (``cos(t) - 1 + t**2 / 2`` is ``t**2 / 2`` exactly for
    ``|t| < 1e-8``). The rounding bound, relative to ``|f|``, misses the
    rounding of the parts that cancelled (``t**2 / 2`` there): within 1e-10
    of the last quotient, and 16 times closer than such differences allow,
    also counts (quotients that still fall steeply, far from ``h = 0``, do
    not agree that well).
    """
    if len(rows) < 3:
        return False
    (h0, d0, _), (h1, d1, _), (_, d2, _) = rows[-3:]
    noise = 4.0 * max(row[2] for row in rows[-3:])
    rate = (h0 / h1) ** (3 * power)
    jump = abs(d0 - d1) / (2.0 * rate)
    agree = min(jump / 16.0, 1e-10 * abs(d1))
    # The two that agree, within their own rounding: the first can be far larger
    # (exp(-5000 t) at 0: 1e19 at 0.015, where f is 1e32; 1e3 at 0.0075).
    rounding = 4.0 * max(rows[-2][2], rows[-1][2])
    return noise < jump and abs(d1 - d2) <= max(rounding, agree)


def _best(window: _Window) -> _Candidate | None:
    """The tableau entry with the smallest error that is consistent with its neighbours.

    An entry's error is the largest of its differences from the entries it was
    made from (Ridders) and from the entries of its column in the rows before
    and after it, plus the rounding noise of its quotients: an estimate must
    agree with every neighbour, so that two values agreeing by chance, or
    rounding noise bigger than the bound on it, cannot pass for accuracy.
    """
    best: _Candidate | None = None
    for k in range(2, len(window.rows)):
        best = _better(window, k, best)
    return best


def _better(window: _Window, k: int, best: _Candidate | None) -> _Candidate | None:
    """`_best`'s choice between ``best`` and the entries of row ``k`` of the tableau."""
    rows = window.rows
    for j in range(1, len(rows[k])):
        entry = rows[k][j]
        neighbours = [rows[k][j - 1]] + [
            rows[i][jj] for i, jj in ((k - 1, j - 1), (k - 1, j), (k + 1, j)) if _has(rows, i, jj)
        ]
        rounding = max(window.noises[k - j : k + 1])
        error = max(abs(entry - other) for other in neighbours) + 2.5 * rounding
        if best is None or error < best.error:
            best = _Candidate(entry, error, k, j, window.steps[k], window.quotients[k], rounding)
    return best


def _has(rows: list[list[float]], k: int, j: int) -> bool:
    return 0 <= k < len(rows) and j < len(rows[k])


def extrapolate(
    f: Function,
    x: float,
    n: int,
    first_step: float,
    refine: bool = False,
    *,
    noise: float = 0.0,
    offset: float = 0.0,
    several: bool = False,
) -> Estimate:
    """The ``n``-th derivative of ``f`` at ``x`` by robust Richardson extrapolation.

    ``refine`` allows steps larger than ``first_step`` (see 7. above).
    ``noise`` is a noise of ``f``'s values already known (from a walk with
    larger steps, which can see the stairs of a staircase that smaller ones
    cannot): the measured noise is never taken below it. ``offset`` is where
    the argument of a line's ``f`` is rounded (`_rounded_argument`; 0: at ``x``).
    ``several``: ``f`` is a function of several variables on a line or a
    coordinate (`calcweb.multivariate`), which combine before any function
    of them (`_local_drift`).

    Raises:
        DomainError: If no stencil, central or one-sided, fits in the domain of ``f``.
        NumericalError: If the quotients never settle into the pattern that
            makes an error estimate trustworthy, or ``f`` varies faster than
            the floats near ``x`` resolve (`_check_resolved`), or on a scale
            of fewer than ``GRID`` of their spacings (`_check_grid`).
    """
    sampler = Sampler(f, x)
    sampler.noise_floor = noise
    sampler.offset = offset
    sampler.several = several
    sampler(x, INTO_THE_DOMAIN)  # x itself must be in the domain: a clear error if not
    enough = ENOUGH if refine else 0.0
    estimate, first_step = _walks_seeing(sampler, n, first_step, enough)
    # Stairs in f's argument that the window sat within (`_missed_stairs`), judged with the
    # rounding the walk had: the noise measured below can be those stairs, and hide them.
    stairs = (estimate, _missed_stairs(sampler, estimate, n))
    # Rounding inside f can be far larger than a few ulps of its value, and
    # then the walk trusted steps that are too small: measure it, and walk
    # again (mostly over points already evaluated) if it is larger.
    size = max(abs(sampler.values[point]) for point in sampler.values)
    quiet = 8.0 * _EPS * size
    spacing = estimate.smallest * 1e-4
    if n == 1 and estimate.value:
        # Where f changes by about 2 x its rounding per spacing: stairs any higher
        # than that leave equal neighbouring values, or fall unevenly (`_uneven_step`).
        spacing = SPACING * quiet / abs(estimate.value)
        sampler.slope = estimate.value  # the three points that show no noise suffice
    floor = _noise_near(sampler, estimate, n, spacing, widest=first_step / 16.0, quiet=quiet)
    # f varies on a scale far below the window's steps (a noise measured that is gone
    # at finer spacings is that too): walk on below them.
    seen = _seen_far_below(sampler, estimate, n, spacing, quiet)
    if not seen and not floor:  # the five points can all see a fast term at one phase
        seen = _seen_off_the_grid(sampler, estimate, n, spacing, quiet)
    if seen and (not floor or _gone_below(sampler, estimate, n, spacing, floor, quiet)):
        return _walked_below(f, x, n, (estimate, seen), refine, noise, offset, several=several)
    if floor > 0.0:
        # Noise can grow with |f| (f computed in single precision): measure it
        # again where |f| is largest, as a fraction of |f|, if larger there
        # (walked: f'(x) as the walk found it).
        sampler.relative_noise = _relative_noise(
            sampler,
            spacing,
            first_step / 16.0,
            quiet,
            floor,
            walked=abs(estimate.value) if n == 1 else 0.0,
        )
    _check_resolved(sampler, estimate, spacing, max(floor, sampler.noise_floor), size)
    estimate = _walked_with_noise(sampler, n, first_step, enough, estimate, floor, quiet)
    # where no noise was heard, or f's far side is flat at the window's steps
    stairs = _far_stairs(sampler, estimate, n, _unheard_stairs(sampler, estimate, n, stairs))
    if estimate.kind == "central":  # with the noise of f measured
        estimate = _kink_checked(sampler, estimate, n, first_step, refine=refine)
    if below := _walked_below_unsettled(sampler, estimate, n, refine=refine, noise=noise):
        return below
    # After the kink checks, whose refusals say more (a kink, no derivative of order n).
    _check_noise_is_rounding(sampler, estimate, n, noise, quiet)
    final = _followed_below(sampler, n, estimate, quiet)
    if refine and estimate.kind == "central" and not estimate.no_digit:
        refined = _refine(sampler, n, estimate)
        if refined is not None:
            final = _with_drift(sampler, refined, n, spacing, quiet)
        elif estimate.early:  # the walk goes on to its best after all
            further = _walks(sampler, n, first_step, 0.0)
            if _further_stands(sampler, n, estimate, further):
                estimate = final = further
    _check_grid(sampler, estimate, n)  # the walk's window, which a refined value also rests on
    error = final.error
    if estimate.kind == "central" and n == 1:
        # Where noise was measured, f is noisier than its rounding, and that noise can
        # stay far above the rounding of |f| as it grows away from x (tanh(t) - t at
        # 1.35e-10: as ulp(t), 2e-22 at the window's largest step 1.8e-6, where 8 eps of
        # |f| (about t**3/3) is 3.6e-33): the window's rounding says nothing of it, and
        # quiet stays.
        level = quiet if sampler.noise_floor else _window_quiet(sampler, estimate, quiet)
        error += _argument_noise(sampler, estimate, error, level, first_step / 16.0)
        error += _even_noise(sampler, final, spacing, quiet)
        error += _noise_beyond(sampler, estimate, final, quiet)
    # The walk's own window's quotients can all be wrong alike where a multiple of t
    # rounded inside f lines up over it (`_lined_up`), and every quotient about x, a
    # refined value's too, is centred on a x rounded (`_shifted`). On a line, x is the
    # point's (offset): its samples are the floats near it, as in one variable. Of
    # order 2 or more, noise where f is steeper than at x moves them too (`_steep_noise`).
    own = _lined_up(abs(x) + offset, n, estimate) if final is estimate else 0.0
    error = max(
        error + _steep_noise(sampler, estimate, final, n, quiet=quiet, error=error),
        own + _shifted(sampler, n, estimate),
        _beside_stairs(stairs, final.value),
    )
    if final.value == 0.0 and _one_value_around(sampler, estimate, n):
        error = max(error, _checked_stair_derivative(sampler, n, abs(x) + offset, first_step))
    return Estimate(
        final.value,
        _held_by_one_sided(sampler, final.value, error),
        sampler.calls,
        first_step,
        final.kind,
        noise=sampler.noise_floor,
        no_digit=estimate.no_digit,
    )


def _kink_checked(
    sampler: Sampler, estimate: Estimate, n: int, first_step: float, *, refine: bool
) -> Estimate:
    """``estimate`` after the one-sided checks (`_one_sided_checked`, `_check_one_sided_settle`).

    Raises:
        DomainError: If they find a kink or a jump at ``x``; one on the float
            grid's scale is refused as such first (`_check_grid`).
    """
    try:
        # A forward value that disagrees beyond both errors widens the estimate's error.
        estimate = _one_sided_checked(sampler, estimate, n, first_step, refine=refine)
        _check_one_sided_settle(sampler, estimate, n, first_step)
    except DomainError:
        # A kink is read from quotients that resolve f: one on the float grid's
        # scale (sin at 1.2e14, 64 spacings) is refused as such, not as a kink.
        _check_grid(sampler, estimate, n)
        raise
    return estimate


def _one_sided_checked(
    sampler: Sampler, estimate: Estimate, n: int, first_step: float, *, refine: bool
) -> Estimate:
    """``estimate`` with its error from `_check_one_sided`, or the walk further down past a kink.

    Where the even part put a kink within the smallest step of a walk that
    stopped early (`_even_part_agrees`), the walk going on below (as
    `extrapolate` would take it after `_refine`) can settle below the kink's
    distance, where f is one smooth piece: it is checked in turn where it
    stands (`_further_stands`) and rests on steps below the one that saw the
    kink. derkinkscan seed 41, draw 203: ``|t|`` times 5.3e-4 at 1.1e-6 from
    ``x``, the early window at 3.75e-3 and up (3.56775 +- 9.7e-8), the one
    further down at 2.3e-7 (3.567225222 +- 1e-8, for 3.5672252217).
    """
    taken = len(sampler.one_sided)
    try:
        return replace(estimate, error=_check_one_sided(sampler, estimate, n))
    except DomainError:
        within, sampler.kink_within = sampler.kink_within, 0.0
        if not (refine and estimate.early and within):
            raise
        further = _walks(sampler, n, first_step, 0.0)
        below = further.kind == "central" and 0.0 < further.smallest < within
        if not (below and _further_stands(sampler, n, estimate, further)):
            raise
    del sampler.one_sided[taken:]  # the verdict on the early window, not on this one
    return replace(further, error=_check_one_sided(sampler, further, n))


def _one_value_around(sampler: Sampler, estimate: Estimate, n: int) -> bool:
    """Whether ``f`` is ``f(x)`` at every point sampled within the estimate's window."""
    if not estimate.window:
        return False
    reach = max(step for step, _ in estimate.window) * max(map(abs, stencil(estimate.kind, n)[0]))
    level = sampler.values[sampler.x]
    near = (v for p, v in sampler.values.items() if abs(p - sampler.x) <= reach)
    return all(value == level for value in near)


def _stair_derivative(edges: list[tuple[float, float]], n: int) -> float:
    """The largest ``n``-th derivative a stair beside ``x``'s flat value allows (0: none seen).

    Where ``f`` is ``f(x)`` at every point of the window, its quotients are
    exactly 0 with the rounding of ``f(x)``: 0 +- 6.5e-322 for the normal cdf
    ``0.5 (1 + erf(t / sqrt 2))`` at -10, whose ``1 + erf`` is flushed to 0
    (its derivative is 7.7e-23), and 0 +- 9.1e-28 for ``lse([30, 0, t]) -
    30`` at -30, one value 9.36e-14 (8.8e-27). A clamp's flat side leaves that
    value continuously (``max(t, 0)``), and 0 is its derivative; a flushed or
    saturated ``f`` leaves it at a jump, of one stair of its rounding (``1 +
    erf`` by 1.1e-16, at -8.3), and the function meant changes by up to two
    stairs ``q`` (a half at either end, one between) before that distance
    ``d``. A tail that grows towards the jump, as ``a exp(t / s)`` or ``a (t -
    c)**m`` for any ``s``, ``c`` and ``m``, then has an ``n``-th derivative
    at ``x`` of at most ``2 q (n / (e d))**n``; ``2 q (n / d)**n`` is returned,
    the largest over the ``edges``, the (height, distance) of each side's jump
    where ``f`` leaves ``f(x)`` (`_stairs_beside`).
    """
    try:
        return max((2.0 * height * (n / distance) ** n for height, distance in edges), default=0.0)
    except OverflowError:
        return math.inf


def _checked_stair_derivative(sampler: Sampler, n: int, scale: float, first_step: float) -> float:
    """`_stair_derivative` of the stairs beside ``x``, after a kink check.

    Looked for within ``STAIR_REACH`` of the point's ``scale`` first, then
    out to the end of the floats (`_far_stair`). A kink behind stairs of
    rounding is refused first (`_check_sides_past_stairs`).
    """
    # Sought once: a second search would start from the points the first one sampled.
    edges = _stairs_beside(sampler, STAIR_REACH * max(1.0, scale))
    _check_sides_past_stairs(sampler, n, edges, first_step)
    return _stair_derivative(edges, n)


def _stairs_beside(sampler: Sampler, reach: float) -> list[tuple[float, float]]:
    """The (height, distance) of each side's jump where ``f`` leaves ``f(x)`` (`_stair_beside`)."""
    edges = (_stair_beside(sampler, away, reach) for away in (-1.0, 1.0))
    return [edge for edge in edges if edge is not None]


def _check_sides_past_stairs(
    sampler: Sampler, n: int, edges: list[tuple[float, float]], first_step: float
) -> None:
    """Refuse a flat window that stairs of rounding make flat between two different slopes.

    ``max(0, 1 - (1 + t)**2)`` at 0 is 0 on the right and ``-2 t`` on the
    left, but ``1 + t`` rounds to 1 below ``eps / 4``: the walk ends in a
    window where ``f`` is 0 on both sides, whose one-sided quotients agree
    with its 0 (`_check_one_sided` asks them there), and ``f`` leaves that
    value at a stair 5.6e-17 away (0 +- 8). Written ``max(0, 1 - x*x)`` at 1,
    no step is below ulp(1) and the kink is refused. So where the nearest
    stair is as close as rounding puts one (``d`` far below the first step),
    each side's quotients are taken far above it, at ``d / sqrt(eps)`` (as
    far above ``d`` as a walk's window is above ``eps``) and 4 times that,
    extrapolated twice (`_side_past_stairs`): where the two sides disagree
    beyond twice their spreads at both, ``f`` has no derivative at ``x``. A
    staircase's sides, whose stairs are far wider, are not asked, nor a
    flushed or saturated ``f``'s, whose stair is far from ``x``.
    """
    if not edges:
        return
    step = min(distance for _, distance in edges) / math.sqrt(_EPS)
    if 16.0 * step > first_step:
        return  # stairs too wide to be rounding: a staircase, judged by its stairs
    sides = []
    for level in (step, 4.0 * step):
        right = _side_past_stairs(sampler, "forward", n, level)
        left = _side_past_stairs(sampler, "backward", n, level)
        if right is None or left is None:
            return  # f is undefined on a side: nothing to compare
        if abs(right[0] - left[0]) <= 2.0 * (right[1] + left[1]):
            return  # the sides agree there: the flat value and its stairs stand
        sides = [right[0], left[0]]
    which = "derivative" if n == 1 else f"derivative of order {n}"
    raise DomainError(
        f"no {which} of f at x={sampler.x!r} was found: the difference quotients from the "
        f"right tend to about {sides[0]:.6g}, but those from the left to {sides[1]:.6g}, at "
        f"steps down to {step / 4.0:.3g} (as they do at a kink or a jump at x; below "
        "those steps f is flat, as where its argument is rounded); take a one-sided "
        "derivative with method='forward' or method='backward', or move x"
    )


def _side_past_stairs(sampler: Sampler, kind: str, n: int, h: float) -> tuple[float, float] | None:
    """``kind``'s quotients at ``h``, ``h / 2``, ``h / 4`` extrapolated twice, and their spread.

    The spread: 4 times how far the twice-extrapolated value is from the
    once-extrapolated one of the two smaller steps, and the quotients'
    rounding. None where ``f`` is undefined or overflows there.
    """
    rows = []
    rounding = 0.0
    try:
        for step in (h, h / 2.0, h / 4.0):
            quotient, noise, taken = sampler.quotient(kind, n, step)
            rows.append((taken, quotient))
            rounding = max(rounding, KINK_NOISE * noise)
    except (DomainError, NumericalError):
        return None
    twice = _at_zero(rows)
    return twice, 4.0 * abs(twice - _at_zero(rows[1:])) + rounding


def _stair_beside(sampler: Sampler, away: float, reach: float) -> tuple[float, float] | None:
    """The (height, distance) of the jump where ``f`` leaves ``f(x)`` on the side ``away``.

    None where it leaves it continuously, or nowhere the look below reaches,
    or ``f`` fails first. The nearest point sampled off
    ``f(x)`` on that side is where it leaves it; if none, up to
    ``STAIR_LOOKS`` points ``STAIR_LOOK`` times farther out each (the last
    at ``reach``) are sampled from the farthest, and then farther ones
    (`_far_stair`; where ``f`` fails out there, as a Jacobian's other outputs
    can, those up to where it starts failing, and none beyond). The junction
    is bracketed between that point and the farthest nearer one
    (`_bracketed`), and a jump is where the secant of ``f`` beyond it does
    not meet ``f(x)`` (`_meets_continuously`).
    """
    x = sampler.x
    level = sampler.values[x]
    flat, edge = _sampled_bracket(sampler, away, lambda value: value != level)
    try:
        distance = abs(flat - x)
        for _ in range(STAIR_LOOKS):
            if edge is not None or not 0.0 < distance < reach:
                break
            distance = min(STAIR_LOOK * distance, reach)
            point = x + away * distance
            if sampler(point) == level:
                flat = point
            else:
                edge = point
        if edge is None and distance > 0.0:
            try:
                flat, edge = _far_stair(sampler, away, flat)
            except Exception:  # f's own error out there (a table, a lookup)
                return None  # tells nothing of f near x: no stair seen, as before the look
        if edge is None:
            return None
        flat, edge = _bracketed(sampler, flat, edge, JUMP_HALVINGS)
        if _meets_continuously(sampler, flat, edge):
            return None
    except (DomainError, NumericalError):
        return None
    return abs(sampler.values[edge] - level), abs(edge - x)


def _far_stair(sampler: Sampler, away: float, flat: float) -> tuple[float, float | None]:
    """``(flat, edge)`` about where ``f`` leaves ``f(x)`` beyond ``flat``, on the side ``away``.

    The normal cdf ``0.5 (1 + erf((t - 11) / sqrt 2))`` is 0 at every point
    below 2.7: its derivative at 0, 2.1e-27, is hidden by the flush, and its
    stair is where the shift 11 puts it. So the look goes on from ``flat``
    out to the end of the floats (a quarter of the largest float, so that
    the points beyond an edge stay finite), each distance the last one times
    a ratio that squares (4, 16, 256, ...: 9 points from 2 to 4.5e307), and
    an edge is narrowed (`_narrowed`); where ``f`` fails first, the look
    goes on between the last flat point and that one (`_before_failure`).
    ``edge``: None where ``f`` is ``f(x)`` at every point looked at.
    """
    x = sampler.x
    level = sampler.values[flat]
    farthest = (sys.float_info.max - abs(x)) / 4.0
    distance, ratio = abs(flat - x), STAIR_LOOK
    while distance < farthest:
        distance = min(distance * ratio, farthest)
        point = x + away * distance
        try:
            value = sampler(point)
        except Exception:  # f's own error out there (a table, a lookup), or its overflow
            return _before_failure(sampler, flat, point)
        if value != level:
            return _narrowed(sampler, flat, point)
        flat, ratio = point, ratio * ratio
    return flat, None


def _before_failure(sampler: Sampler, flat: float, failing: float) -> tuple[float, float | None]:
    """`_far_stair`'s ``(flat, edge)`` between ``flat`` and ``failing``, where ``f`` fails.

    ``[cdf((t - 1000) / 100), exp(t)]``, a Jacobian's column at 0: the far
    look is flat at 128 and ``f`` fails at 3.3e4 (exp overflows past 709.8),
    and the cdf's stair, at 170, lies between. So the look goes on between
    them as `_narrowed` does (at geometric means while ``failing`` is more
    than 4 times as far, then halving ``JUMP_HALVINGS`` times): a point where
    ``f`` fails is the new ``failing``, one where it keeps ``f(flat)`` the new
    ``flat``, and the first one elsewhere an edge (narrowed). ``edge``: None
    where no point between leaves ``f(flat)``.
    """
    x = sampler.x
    level = sampler.values[flat]
    halvings = 0
    while halvings < JUMP_HALVINGS:
        if abs(failing - x) > STAIR_LOOK * abs(flat - x):
            middle = _geometric_middle(x, flat, failing)
        else:
            middle, halvings = flat + (failing - flat) / 2.0, halvings + 1
        if middle in (flat, failing):
            break  # adjacent floats
        try:
            value = sampler(middle)
        except Exception:  # as in the far look
            failing = middle
            continue
        if value != level:
            return _narrowed(sampler, flat, middle)
        flat = middle
    return flat, None


def _geometric_middle(x: float, near: float, far: float) -> float:
    """The point on ``far``'s side of ``x`` at the geometric mean of the two distances from it."""
    # The product of the distances can overflow; their roots' cannot.
    return x + math.copysign(math.sqrt(abs(near - x)) * math.sqrt(abs(far - x)), far - x)


def _narrowed(sampler: Sampler, flat: float, edge: float) -> tuple[float, float]:
    """``[flat, edge]`` narrowed about ``f``'s junction until ``edge`` is at most 4 times as far.

    Each point is at the geometric mean of the two distances from ``x``
    (`_bracketed` then halves the rest).
    """
    x = sampler.x
    while abs(edge - x) > STAIR_LOOK * abs(flat - x):
        middle = _geometric_middle(x, flat, edge)
        narrower = _split_at(sampler, flat, edge, middle)
        if narrower is None:
            break
        flat, edge = narrower
    return flat, edge


def _walked_with_noise(  # noqa: PLR0917 - extrapolate's state
    sampler: Sampler,
    n: int,
    first_step: float,
    enough: float,
    unnoised: Estimate,
    floor: float,
    quiet: float,
) -> Estimate:
    """The walk done again with the noise ``floor`` measured, unless it is a junction of ``f``.

    ``unnoised`` is the walk's estimate with the noise known before; it stands
    where ``floor`` is no higher (and no noise relative to ``|f|`` was found),
    and where that noise is a junction beside ``x`` (`_junction_beside`),
    which is dropped again.

    Raises:
        NumericalError: If ``f`` is constant on the side that agrees with
            ``unnoised`` (`_flat`) and leaves that value at a jump (or no
            continuous junction was found), and the two estimates disagree
            beyond both errors: on a stair, either may be right.
    """
    if floor <= sampler.noise_floor and not sampler.relative_noise:
        return unnoised
    known = sampler.noise_floor
    sampler.noise_floor = max(floor, sampler.noise_floor)
    estimate = _walks(sampler, n, first_step, enough)
    # Stairs that symmetric stencils about x cancel (x at a stair's middle) show
    # at unequally spaced points (`_stairs_unevenly`): walk again with them.
    stairs = _stairs_unevenly(sampler, estimate, n, first_step / 16.0, quiet)
    if stairs > sampler.noise_floor:
        sampler.noise_floor = stairs
        estimate = _walks(sampler, n, first_step, enough)
    # Noise relative to |f| (single precision) is no junction's, unless one side is a clamp.
    clamp_only = bool(sampler.relative_noise)
    side = _junction_beside(
        sampler, n, first_step, unnoised, estimate, known=known, clamp_only=clamp_only
    )
    if side == "smooth":
        sampler.noise_floor = known  # f's junction, not noise
        return unnoised
    if side == "flat" and abs(estimate.value - unnoised.value) > estimate.error + unnoised.error:
        raise NumericalError(
            f"the difference quotients of order {n} at x={sampler.x!r} disagree: at small "
            f"steps they settle on {unnoised.value:.6g} +- {unnoised.error:.3g}, as they do "
            f"on a side where f is constant, at larger ones, with the noise of f measured "
            f"({sampler.noise_floor:.3g}), on {estimate.value:.6g} +- {estimate.error:.3g}. f "
            "was not seen to leave that constant value continuously, as a clamp does (a "
            "stair ends at a jump): it may be rounded to stairs (or flushed to 0, or "
            "saturated) there; write f with calcweb's functions (calcweb.sin, ...) for exact "
            "derivatives"
        )
    return estimate


def _junction_beside(
    sampler: Sampler,
    n: int,
    first_step: float,
    unnoised: Estimate,
    noised: Estimate,
    *,
    known: float,
    clamp_only: bool = False,
) -> str:
    """Whether the noise that moved the walk's estimate is a junction of ``f`` beside ``x``.

    "smooth": it is; "flat": only a side where ``f`` is constant says so
    (`_flat`); "": it is not, or nothing is at stake.

    Where ``f`` or a derivative jumps at a distance ``d`` from ``x`` (Huber's
    loss at 1.0001, ``n = 2``), the quotients at steps below ``d`` see one
    smooth piece and settle on its derivative (0 +- 6e-5), but the noise
    tests' stencils reach across the junction and read its jump as noise
    (2.2e-7): the walk done again with it keeps a window at steps far above
    ``d``, whose quotients average the two sides (0.49767 +- 0.0032). Stairs
    read so are everywhere; a junction is at one place, and a one-sided walk
    away from it sees ``f`` smooth: with the noise known before, one that
    settles where the walk before did (within both errors, its own a quarter
    of the two estimates' distance at most), and whose quotients follow its
    expansion (`_followed_up_to`), nearer ``unnoised`` than ``noised``, up
    to steps 16 times that walk's widest and up to the smallest the noised
    walk's window rests on, says ``unnoised`` was right. On one stair of a
    staircase the one-sided quotients at those steps cross other stairs: x
    near one edge of a stair lets a one-sided window reach far beyond the
    central one (``floor(tanh(t) / 6e-5) * 6e-5`` at 0.01224, 0 for
    0.99985), not to steps that span several stairs, as the noised window's
    do; and one stair times a smooth factor (``(t - sin t) / t**3``) is
    smooth too, but its quotients there are near ``noised``. A side where
    ``f`` is constant (`_flat`) is a clamp or a stair: it confirms only
    where ``f`` leaves that value continuously (`_continuous_junctions`).

    A one-sided walk cannot follow ``f`` beyond its scale: ``log(max(t, c))``
    at ``c + 1.5e-5`` (``c = 0.00157``) is followed to 9.4e-4, and the noised
    window is at 0.00375 and up (181.8 +- 89.8 for 631). There, a side that
    follows its expansion to 16 times the walk's widest step, opposite a side
    where ``f`` is one value at every point of the noised window
    (`_clamped_across`), is a clamp's smooth side: stairs are not one value
    over a window that spans several of them, nor is one stair times a smooth
    factor. ``clamp_only``: only this confirms a junction (noise relative to
    ``|f|`` was measured).
    """
    if unnoised.no_digit or not unnoised.window or n == 0:
        return ""
    if abs(noised.value - unnoised.value) <= unnoised.error:
        return ""  # within the bars of the walk before: nothing to choose
    # Up to the steps the noised walk trusted: one stair can hold a one-sided walk's
    # window far beyond unnoised's (x near one edge), not those, which span stairs.
    trusted = min((step for step, _ in noised.window), default=0.0)
    wide = 16.0 * unnoised.window[0][0] * (1.0 - 1e-9)  # steps as rounded
    needed = max(wide, trusted * (1.0 - 1e-9))
    measured, sampler.noise_floor = sampler.noise_floor, known
    relative, sampler.relative_noise = sampler.relative_noise, 0.0  # as unnoised was walked
    verdict = ""
    try:
        for kind in ("forward", "backward"):
            clamp = _clamped_across(sampler, kind, n, noised)  # of values sampled: no calls
            toward = _clamped_across(sampler, _OTHER_SIDE[kind], n, noised)
            if clamp_only and not (clamp or toward):
                continue
            if not _probe_favours(sampler, kind, n, needed, unnoised):
                continue
            try:
                side = _search(sampler, kind, n, first_step, 0.0)
            except _NoFitError:
                continue
            if side is None or side.no_digit or not side.window:
                continue
            # Settled where unnoised did, with bars that tell it from noised (a side
            # across stairs can agree with both: 1.0016 +- 1.21 for 0 and 1.0045).
            agrees = abs(side.value - unnoised.value) <= side.error + unnoised.error
            decisive = side.error <= 0.25 * abs(noised.value - unnoised.value)
            midway = 0.5 * abs(noised.value - unnoised.value)  # nearer unnoised throughout
            if not (agrees and decisive):
                continue
            followed = _followed_up_to(side, midway)
            if (followed >= wide and clamp and not _flat(sampler, side, n)) or (
                toward and _followed_to_clamp(sampler, n, noised, side, within=midway)
            ):
                return "smooth"
            if followed >= needed and not clamp_only:
                if not _flat(sampler, side, n) or _continuous_junctions(sampler, n, noised):
                    return "smooth"
                verdict = "flat"
        return verdict
    finally:
        sampler.noise_floor, sampler.relative_noise = measured, relative


_OTHER_SIDE = {"forward": "backward", "backward": "forward"}


def _probe_favours(sampler: Sampler, kind: str, n: int, step: float, unnoised: Estimate) -> bool:
    """Whether ``kind``'s quotient at ``step`` lies nearer ``unnoised`` than the central one.

    A walk costs tens of calls: this is asked first. The central quotient
    straddles a junction; across stairs, both are about the slope ``f`` has
    at that scale. A first derivative's forward quotient carries ``f'' h /
    2``, which can hide a small kink's jump in the central one: it is asked
    extrapolated once (with ``h / 2``, one call more) where it is not nearer
    raw. ``1.63 sin(2.45 t + 0.23) + 4.4e-4 relu(2.52 (c - t))`` at ``c +
    1.31e-4`` (``c = 0.011``): at 0.00375 the central quotient, 3.86148
    across the kink, is nearer the walk's 3.8620658 than the forward one
    (3.85734, clear of it) and the backward one; no one-sided walk was
    tried, and the noised walk's 3.86151 +- 3.4e-5 stood.
    """
    try:
        probe = sampler.quotient(kind, n, step)[0]
        straddling = sampler.quotient("central", n, step)[0]
    except (DomainError, NumericalError):
        return False
    gap = abs(straddling - unnoised.value)
    if abs(probe - unnoised.value) < gap or n != 1:
        return abs(probe - unnoised.value) < gap
    try:
        half = sampler.quotient(kind, n, step / 2.0)[0]
    except (DomainError, NumericalError):
        return False
    return abs(half + (half - probe) - unnoised.value) < gap


def _clamped_across(sampler: Sampler, kind: str, n: int, noised: Estimate) -> bool:
    """Whether ``f`` is one value at every point of ``noised``'s window opposite ``kind``'s side.

    That side of a clamp is exactly constant in floats; stairs over a window
    that spans several are not, nor is one stair times a smooth factor.
    """
    points = _window_beside(sampler, n, noised, -1.0 if kind == "forward" else 1.0)
    return len(points) >= 2 and _one_value(sampler, points)


def _continuous_junctions(sampler: Sampler, n: int, noised: Estimate) -> bool:
    """Whether ``f`` leaves its flat value at ``x`` continuously wherever it leaves it.

    From its flat side a clamp and a flat stair look alike. But a clamp
    (``g(max(t, c))``) meets ``g`` at ``c`` continuously, while a flat stair,
    or ``f`` flushed to 0 or saturated, ends at a jump of one stair (gelu's
    ``1 + erf`` by ulp(1), times ``t / 2``; ``t * floor(t / q) * q`` by
    ``q**2`` at ``q``, though it meets ``-q t`` at 0 continuously). On each
    side, the nearest of the noised window's points where ``f`` is not
    ``f(x)`` must be beyond a continuous junction (`_continuous_between`);
    at least one such point must exist.
    """
    x = sampler.x
    level = sampler.values[x]
    points = [x + offset * step for step, _ in noised.window for offset in stencil("central", n)[0]]
    ends = 0
    for away in (-1.0, 1.0):
        beyond = [
            point
            for point in points
            if (point - x) * away > 0.0 and sampler.values.get(point, level) != level
        ]
        if beyond:
            ends += 1
            if not _continuous_between(sampler, min(beyond, key=lambda p: abs(p - x))):
                return False
    return ends > 0


def _continuous_between(sampler: Sampler, edge: float) -> bool:
    """Whether ``f`` goes from its value at ``x`` to its value at ``edge`` continuously.

    The junction between them is bracketed (``f`` at ``x``'s value on one
    end, not on the other), and the bracket halved ``JUMP_HALVINGS`` times.
    At its end ``[a, b]``, of width ``w``, the secant of ``f`` through ``b``
    and ``b + w`` (outwards) meets ``f(x)`` within ``2 w`` of ``b`` where
    ``f`` is continuous; at a jump it is a stair's own slope (0 on a flat
    stair), and meets it far away.
    """
    try:
        flat, edge = _bracketed(sampler, sampler.x, edge, JUMP_HALVINGS)
        return _meets_continuously(sampler, flat, edge)
    except (DomainError, NumericalError):
        return False


def _sampled_bracket(
    sampler: Sampler, toward: float, beyond: Callable[[float], bool]
) -> tuple[float, float | None]:
    """The points sampled on the side ``toward`` of ``x`` about where ``f`` first turns ``beyond``.

    ``(near, far)``: ``far`` the nearest point whose value is ``beyond``
    (None if none), ``near`` the farthest point nearer than it (``x`` if
    none), so the turn is between them.
    """
    x = sampler.x
    beside = [point for point in sampler.values if (point - x) * toward > 0.0]
    far = min(
        (p for p in beside if beyond(sampler.values[p])), key=lambda p: abs(p - x), default=None
    )
    near = max(
        (p for p in beside if far is None or abs(p - x) < abs(far - x)),
        key=lambda p: abs(p - x),
        default=x,
    )
    return near, far


def _bracketed(sampler: Sampler, flat: float, edge: float, halvings: int) -> tuple[float, float]:
    """``[flat, edge]`` halved ``halvings`` times (or to adjacent floats) about ``f``'s junction."""
    for _ in range(halvings):
        narrower = _split_at(sampler, flat, edge, flat + (edge - flat) / 2.0)
        if narrower is None:
            break
        flat, edge = narrower
    return flat, edge


def _split_at(
    sampler: Sampler, flat: float, edge: float, middle: float
) -> tuple[float, float] | None:
    """The half of ``[flat, edge]`` about ``f``'s junction, split at ``middle``; None if adjacent.

    ``flat`` keeps ``f``'s value there, ``edge`` does not: ``middle`` replaces the one
    whose value it has. None where ``middle`` is one of them (adjacent floats).
    """
    if middle in (flat, edge):
        return None
    if sampler(middle) == sampler.values[flat]:
        return middle, edge
    return flat, middle


def _meets_continuously(sampler: Sampler, flat: float, edge: float) -> bool:
    """Whether the secant of ``f`` out from ``edge`` meets ``f(flat)`` near ``edge``.

    As `_continuous_between` puts it: within twice ``|edge - flat|``.
    """
    rise = sampler(edge + (edge - flat)) - sampler(edge)
    # Where the secant meets f(flat), in bracket widths from edge towards flat.
    ratio = (sampler.values[edge] - sampler.values[flat]) / rise if rise else math.inf
    return abs(rise) < math.inf and 0.0 <= ratio <= 2.0


def _followed_to_clamp(
    sampler: Sampler, n: int, noised: Estimate, side: Estimate, *, within: float
) -> bool:
    """Whether a one-sided walk, ``side``, follows its expansion up to a clamp on its side.

    From ``x`` to that clamp (`_clamp_edge`) ``f`` is then one smooth piece,
    at every step whose stencil fits between them (up to ``n`` times the
    step): the steps the walk followed (`_followed_up_to`, ``within`` of
    it), and the one whose stencil ends at the clamp. A clamp with ``x`` on
    its smooth side within ``f``'s own scale (``tanh(max(t, c) / s)``, ``s =
    1.95e-5``, ``n = 3`` at ``c + 7.2e-6``) has no side that can follow
    ``f`` to 16 times the walk's widest step, and a central quotient just
    above the walk's window reaches across the clamp and reads it as noise
    (0.05): the walk done again with it kept a window at 0.0625, where ``f``
    is flat on both sides (-223.6 +- 3.3e3 for 6.65e13).
    """
    followed = _followed_up_to(side, within)
    distance = _clamp_edge(sampler, side.kind, n, noised, within=2.0 * n * followed)
    step = distance / n * (1.0 - 1e-9)  # as rounded, not beyond the edge
    if step <= followed:
        return step < math.inf
    try:
        quotient, rounding, step = sampler.quotient(side.kind, n, step)
    except (DomainError, NumericalError):
        return False
    up_to = replace(side, before=(*side.before, (step, quotient, rounding)))
    return _followed_up_to(up_to, within) >= step


def _window_beside(sampler: Sampler, n: int, noised: Estimate, toward: float) -> list[float]:
    """The points of ``noised``'s window (central stencils) on the side ``toward`` of ``x``."""
    offsets = [offset for offset in stencil("central", n)[0] if offset * toward > 0.0]
    return [sampler.x + offset * step for step, _ in noised.window for offset in offsets]


def _clamp_edge(sampler: Sampler, kind: str, n: int, noised: Estimate, within: float) -> float:
    """How far from ``x`` ``f`` leaves a clamp on ``kind``'s side continuously (inf: it does not).

    ``f`` must be one value (not ``f(x)``'s) at every point of ``noised``'s
    window on that side (`_clamped_across`). The edge of that flat piece
    nearest ``x`` is bracketed to ``2**-JUMP_HALVINGS`` of its distance from
    ``x`` and must be a continuous junction (`_meets_continuously`): a
    stair's edge is a jump. inf too where a point sampled farther than
    ``within`` from ``x`` is off the flat value (no call is made then).
    """
    toward = 1.0 if kind == "forward" else -1.0
    x = sampler.x
    points = _window_beside(sampler, n, noised, toward)
    if len(points) < 2 or not _one_value(sampler, points):
        return math.inf
    level = sampler.values[points[0]]
    if level == sampler.values[x]:
        return math.inf  # x on the flat piece itself: `_continuous_junctions`' case
    edge, flat = _sampled_bracket(sampler, toward, lambda value: value == level)
    if flat is None or abs(edge - x) > within:
        return math.inf  # the flat piece begins farther out than that
    try:
        # To 2**-JUMP_HALVINGS of the junction's distance, however near x it is.
        while abs(edge - flat) > abs(flat - x) * 2.0**-JUMP_HALVINGS:
            bracket = _bracketed(sampler, flat, edge, 1)
            if bracket == (flat, edge):
                break  # adjacent floats
            flat, edge = bracket
        continuous = _meets_continuously(sampler, flat, edge)
    except (DomainError, NumericalError):
        return math.inf
    return abs(edge - x) if continuous else math.inf  # the last point sampled off the clamp


def _flat(sampler: Sampler, side: Estimate, n: int) -> bool:
    """Whether ``f`` is one value at every point of a one-sided walk's window.

    A side where ``f`` is constant in floats is no evidence of a junction:
    ``f`` rounded to a grid is one stair there (``round(sin(t)**2 * 2**31) /
    2**31`` at a crest, where a stair is 2e-5 wide), and one flushed to 0
    or saturated is so all the way (gelu at -8.42, ``1 + erf`` 0: its
    3rd derivative is -9e-14, not 0), as a clamp is.
    """
    offsets = stencil(side.kind, n)[0]
    x = sampler.x
    points = [x + offset * step if offset else x for step, _ in side.window for offset in offsets]
    return _one_value(sampler, points)


def _one_value(sampler: Sampler, points: list[float]) -> bool:
    """Whether ``f`` was sampled at every one of ``points`` (no call is made) and was one value."""
    if not all(point in sampler.values for point in points):
        return False
    return len({sampler.values[point] for point in points}) == 1


def _followed_up_to(estimate: Estimate, within: float = math.inf) -> float:
    """The widest step up to which the walk's quotients follow its window's expansion.

    Above the window, the quotients the walk took on its way down (``before``)
    are within twice its widest quotient's distance from the estimate (plus
    its error), grown as ``h**p`` (`_truncation_power`), and 4 times their
    rounding: a clamped log ``log(max(t, c))`` 4.5e-4 right of ``c = 0.00494``
    has forward quotients that follow ``1 / x``'s expansion from steps of
    1.5e-5 (the window) to 0.015, though the walk only formed its window at
    the smallest. And within ``within`` of it: grown over many decades of
    steps, that bound says nothing (a window at 8.5e-16 on one stair of ``(t
    - sin t) / t**3``, -32.5 +- 1.8, "followed" to 0.015, where the quotient
    is -3.8e-4).
    """
    widest, first = estimate.window[0]
    gap = abs(first - estimate.value) + estimate.error
    power = _truncation_power(estimate)
    reach = widest
    for step, quotient, rounding in sorted(estimate.before):
        allowed = min(2.0 * gap * (step / widest) ** power + 4.0 * rounding, within)
        if not abs(quotient - estimate.value) <= allowed:
            break
        reach = step
    return reach


def _noise_near(
    sampler: Sampler, estimate: Estimate, n: int, spacing: float, *, widest: float, quiet: float
) -> float:
    """The noise of ``f`` near ``x`` that the walk's ``estimate`` must be judged with, or 0.

    Measured at ``spacing`` first (where that shows noise at whole ulps of
    ``x``, again at unequally spaced points: `_at_whole_ulps`), then by each
    way below in turn until one shows noise: at a disagreeing window's slope
    (`_disagreeing_noise`), down to the smallest step where the central
    difference drifts (`_noise_down_to`), where the values the estimate rests
    on are far below ``quiet`` (`_local_drift`), and along a line (`_line_noise`).
    """
    # Not beyond the steps where the walk saw f smooth (`_within_reach`): there its
    # 4th differences are f itself, not noise.
    within = _within_reach(spacing, estimate)
    floor = sampler.measure_noise(spacing, widest, quiet) if within else 0.0
    floor = _at_whole_ulps(sampler, estimate, n, spacing, floor)
    if n == 1 and not floor:
        floor = _disagreeing_noise(sampler, estimate, widest, quiet)
    # A derivative that a window with a digit at larger steps contradicts can rest on
    # one stair of a staircase times a smooth factor (`_noise_up_from`): one of order 2
    # or more of 0 within its error, one whose quotients show no truncation, or one that
    # a quotient just above its window saw noise against (`_noise_above`). These are
    # also contradicted by two quotients at larger steps that settled elsewhere.
    if not floor and _maybe_on_stairs(sampler, estimate, n):
        floor = _noise_up_from(sampler, estimate, n, widest, quiet)
        # The noise tests can read stairs far below what a quotient above saw.
        floor = max(floor, _noise_above(sampler, estimate, n, noisy=floor > 0.0))
    if n == 1 and not floor and _drifts(sampler, spacing, estimate, quiet):
        floor = _noise_down_to(sampler, estimate.smallest, widest, quiet)
    # The values the estimate rests on can be far smaller than quiet (`_local_quiet`).
    local = _local_quiet(sampler, estimate, n, quiet)
    drift = _local_drift(sampler, estimate, n, spacing, local) if local and not floor else 0.0
    if drift:
        # Noise moved the central difference by drift: it is at least half that high.
        floor = _local_noise(sampler, estimate, n, widest, local)
        floor = floor or (drift / 2.0 if drift < math.inf else 0.0)
    return floor or _line_noise(sampler, estimate, n, quiet)


def _seen_far_below(
    sampler: Sampler, estimate: Estimate, n: int, spacing: float, quiet: float
) -> tuple[float, float] | None:
    """The quotient far below the window and its rounding bound, if it contradicts the window.

    A fast term of small amplitude ``A`` beside a large slow part moves the
    quotients at steps far above its scale by at most about ``4 A / h**n``:
    ``6.51 s**4 + sin(1.2385 s**2)`` at 152.3, ``n = 2``, has its window at
    steps 30, 15 and 7.6 (460 to 1800 periods of the sine), where the
    quartic's quotients are exact in ``h**2`` and the sine adds 0.0008 to
    0.016: 1814179.27 +- 0.0088, for 1949412. The noise test's five points
    ``x + k s``, ``|k| <= 2``, at ``s`` = 1e-4 of the smallest step
    (`Sampler.measure_noise`), give a quotient of order ``n <= 4`` there for
    no call: the fast term moves it by about ``A / s**n`` (or resolves it),
    and its rounding is about ``eps |f| / s**n``, so it shows wherever ``A``
    is above ``f``'s rounding (there: 1.35e5 off, rounding bound 119). It must lie
    within what the window's expansion allows (`_allowed`, as for the
    quotients below its rows: `_Walk.check_accepted`) and 4 times its
    rounding at ``quiet`` (or at what ``a t`` rounded inside ``f`` can do,
    `_rounded_argument`, if larger: noise the noise test can miss). Acted
    on (`extrapolate`) where the noise test saw no noise, or noise that is
    gone at finer spacings (`_gone_below`): noise moves that quotient as
    much, and is judged there. None where it agrees, or those points were
    not evaluated (no call is made here).
    """
    tested = _noise_test_points(sampler, estimate, n, spacing)
    if tested is None:
        return None  # no call is made here
    step, points = tested
    return _far_from_window(sampler, estimate, n, step, points, quiet)


def _noise_test_points(
    sampler: Sampler, estimate: Estimate, n: int, spacing: float
) -> tuple[float, dict[float, float]] | None:
    """The noise test's spacing and five points ``x + k s`` (node ``k``: point), ``|k| <= 2``.

    None unless the estimate is a central window's of order 2 to 4 and the
    noise test evaluated all five (`_seen_far_below`, `_seen_off_the_grid`).
    """
    x = sampler.x
    if estimate.kind != "central" or not 2 <= n <= 4 or not estimate.window:
        return None
    try:
        step = representable_step(x, _noise_spacing(x, spacing))  # as the noise test's
    except NumericalError:
        return None
    points = {float(k): x + k * step if k else x for k in range(-2, 3)}
    if not all(point in sampler.values for point in points.values()):
        return None  # the noise test did not reach them
    return step, points


def _far_from_window(  # noqa: PLR0917 - the quotient's state
    sampler: Sampler,
    estimate: Estimate,
    n: int,
    step: float,
    points: dict[float, float],
    quiet: float,
) -> tuple[float, float] | None:
    """A quotient of order ``n`` and its rounding bound, if beyond what the window allows.

    ``points`` maps each node (in ``step``s from ``x``) to its point, each
    evaluated already; the window's expansion allows what it does of the
    quotients below its rows (`_seen_far_below`).
    """
    weights = _weights(n, [float(node) for node in points])
    values = [sampler.values[point] for point in points.values()]
    quotient = math.fsum(w * v for w, v in zip(weights, values, strict=True))
    try:
        scale = step**n
    except OverflowError:  # a float's power raises where it overflows
        return None
    if scale == 0.0:
        return None  # a step whose power underflows (x near 1e-159): no quotient here
    # a t rounded inside f can be noise far above quiet that the noise test missed
    level = max(quiet, _rounded_argument(sampler, estimate))
    rounding = level * sum(map(abs, weights)) / scale
    smallest, last = estimate.window[-1]
    allowed = _allowed((step / smallest) ** 2, estimate.value, _claimed(estimate), last)
    seen = quotient / scale
    far = abs(seen - estimate.value) > 2.0 * allowed + 4.0 * rounding
    return (seen, rounding) if far and math.isfinite(seen) else None


def _seen_off_the_grid(
    sampler: Sampler, estimate: Estimate, n: int, spacing: float, quiet: float
) -> tuple[float, float] | None:
    """As `_seen_far_below`, where the noise test's five points can all see a fast term alike.

    Where their spacing ``s`` is a whole number of a fast term's periods,
    the five points ``x + k s``, ``|k| <= 2``, see it at one phase, and
    their quotient is the slow part's: ``0.0832 s**4 + sin(1.0857 s**2)``
    at 761.1, ``n = 2``, has its window at steps 152 to 38 (578724.966 +-
    0.0019, the quartic's ``f''``, for 172899.8), and ``s`` = 0.0038057 is
    1.001 of the sine's periods there, so their quotient is 1.7 off. At
    ``x + golden s`` (``golden m`` is at least 0.05 from a whole number for
    ``m`` up to 12) ``f`` must be the polynomial through the five, within
    its rounding (at ``quiet``, or `_rounded_argument`) and a smooth
    ``f``'s next term (``f``'s scale is at least the window's smallest
    step); where it is not, the quotient with that point in place of ``x +
    2 s`` is returned if it is far from the window too, and ``f``'s 4th
    differences at spacings halving from ``s / 4`` fall as a smooth ``f``'s
    (`_falls_as_smooth`): stairs can line up with the five points as well
    (``cos(1e8 - 0.25 - t)``, its argument rounded to 1.5e-8, at ``s`` =
    167.77 of them: each point's rounding is 0.23 of one times ``k``, a line,
    and ``f`` at ``golden s`` is 1.2e-8 off), and their reads stay up as
    long as the spacings span stairs. One call, where the five points agreed
    with the window and showed no noise; about 20 more where ``f`` there is
    off their polynomial and their quotient far from the window.
    """
    tested = _noise_test_points(sampler, estimate, n, spacing)
    if tested is None:
        return None
    step, points = tested
    x = sampler.x
    try:
        off = x + _GOLDEN * step
        sampler(off)
    except (DomainError, NumericalError):
        return None
    level = max(quiet, _rounded_argument(sampler, estimate))
    if not _off_the_polynomial(sampler, step, points, off, level):
        return None
    del points[2.0]
    seen = _far_from_window(sampler, estimate, n, step, {**points, (off - x) / step: off}, quiet)
    # A fast term resolved at finer spacings, not stairs that lined up with the five points
    return seen if seen and _falls_as_smooth(sampler, step / 4.0, 0.0, level, step / 64.0) else None


def _off_the_polynomial(
    sampler: Sampler, step: float, points: dict[float, float], off: float, level: float
) -> bool:
    """Whether ``f(off)`` is off the polynomial through the five ``points`` (node in steps: point).

    By more than 4 times its rounding (``level`` a value) and what a smooth
    ``f``'s next term can be: no more than the points' 3rd or 4th difference
    (``x / sqrt(x**2 + 1e-5)`` at 0, whose scale 0.003 is far below the
    window's steps there, is odd: its 4th difference is 0, its 3rd 4e-8).
    `_seen_off_the_grid`.
    """
    node = (off - sampler.x) / step
    weights = _weights(0, [k - node for k in points])  # the polynomial's value at node
    values = [sampler.values[point] for point in points.values()]
    expected = math.fsum(w * v for w, v in zip(weights, values, strict=True))
    rounding = level * (1.0 + sum(map(abs, weights)))
    m2, m1, at, p1, p2 = values
    third = abs(p2 - 2.0 * p1 + 2.0 * m1 - m2) / 2.0
    smooth = max(third, abs(p2 - 4.0 * (p1 + m1) + 6.0 * at + m2))
    return abs(sampler.values[off] - expected) > 4.0 * rounding + smooth


def _gone_below(  # noqa: PLR0917 - the noise test's state
    sampler: Sampler, estimate: Estimate, n: int, spacing: float, floor: float, quiet: float
) -> bool:
    """Whether the noise ``floor`` the noise test saw at ``spacing`` about ``x`` is gone below it.

    Noise gives 4th differences of about the same size at every spacing; a
    fast term of ``f`` on about that scale, resolved by finer spacings, gives
    4th differences that fall as the spacing's 4th power. The noise test
    reads it as noise where it is not yet resolved (``1.95 s**4 + sin(1.29
    s**2)`` at 282.9, ``n = 2``: the sine's period is 6 spacings there), and
    the walk done again with that noise settled on the quartic's ``f''``
    (1877995.9 +- 0.03, for 1385672.8). The noise must have shown at ``x``
    (a 4th difference at 1, 2 or 4 times the spacing, evaluated already, at
    least half of ``floor`` as a noise). Its reads at unequally spaced points
    (`_fourth_at`: at equal spacings a rounded ``k t`` can line up) are taken
    at ``1 / FINER`` of the spacing first, where noise still shows (then 4
    calls were spent), and else at spacings halving from a quarter of it:
    two reads in a row each 8-fold below the one before, which was above
    ``quiet``, fall as a smooth ``f`` does (noise seldom does, and its read
    at the finest spacing must be low too); from a
    stair's height reads drop into the rounding once (``t (1 - tanh t)`` at
    17.4, ``t`` times a constant on one stair). Of a central estimate of
    order 2 to 4, whose quotient far below contradicted the window
    (`_seen_far_below`, `extrapolate`); up to 20 calls, only where the noise
    test saw noise at ``x``.
    """
    if estimate.kind != "central" or not 2 <= n <= 4:
        return False
    try:
        step = representable_step(sampler.x, _noise_spacing(sampler.x, spacing))
    except NumericalError:
        return False
    seen = [_known_fourth(sampler, step * wider) for wider in (1.0, 2.0, 4.0)]
    shown = 3.0 * max(seen) / math.sqrt(70.0)  # as a noise, as `Sampler.measure_noise` reads it
    if not shown >= floor / 2.0:
        return False  # the noise was measured elsewhere, or on wider stairs
    finest = _fourth_at(sampler, step / FINER)  # first: noise still there costs 4 calls
    if finest is None or not (finest[0] < shown / 16.0 or finest[0] <= quiet):
        return False
    fraction, previous, falls = 4.0, shown, 0
    while fraction <= FINER and falls < FALLS:
        found = _fourth_at(sampler, step / fraction)
        if found is None:
            return False
        # 8-fold from a read above the rounding, as a smooth f falls: from a stair's
        # height, reads drop into the rounding once (on one stair t (1 - tanh t) is smooth).
        falls = falls + 1 if previous > quiet and found[0] < previous / 8.0 else 0
        previous, fraction = found[0], 2.0 * fraction
    return falls == FALLS


def _known_fourth(sampler: Sampler, step: float) -> float:
    """``|f|``'s 4th difference at ``x + k step``, ``|k| <= 2``, if evaluated already; else 0."""
    x = sampler.x
    points = [x + k * step if k else x for k in range(-2, 3)]
    if not all(point in sampler.values for point in points):
        return 0.0
    values = [sampler.values[point] for point in points]
    return abs(values[0] - 4.0 * values[1] + 6.0 * values[2] - 4.0 * values[3] + values[4])


def _claimed(estimate: Estimate) -> float:
    """The error ``estimate``'s window claimed when kept, before quotients below widened it."""
    return min(estimate.error, estimate.kept_error)


def _walked_below(  # noqa: PLR0917 - extrapolate's arguments
    f: Function,
    x: float,
    n: int,
    refuted: tuple[Estimate, tuple[float, float]],
    refine: bool,
    noise: float,
    offset: float,
    *,
    several: bool,
) -> Estimate:
    """`extrapolate` again, from below the steps of the window that ``refuted`` holds.

    ``refuted`` is the window's estimate and the quotient far below that
    refuted it, with its rounding bound (`_seen_far_below`).
    """
    start = refuted[0].smallest / SHRINK
    below = extrapolate(f, x, n, start, refine, noise=noise, offset=offset, several=several)
    _check_not_back(below, refuted, x, n)
    return below


def _walked_below_unsettled(
    sampler: Sampler, estimate: Estimate, n: int, *, refine: bool, noise: float
) -> Estimate | None:
    """A first derivative's walk again from where one-sided quotients followed no expansion.

    A fast term of small amplitude beside a large slow part is averaged away
    by steps far above its scale, and the walk stops there at a relative
    error of ``ENOUGH``, or of 1e-8 (`_Walk.done_after`), before
    `_still_leaving` can see its quotients leave: ``1.2166 s**4 + sin(1.4462
    s**2)`` at 899.4 (the sine's period 0.0024 in ``s``) was 3540540792.41 +-
    0.033 at steps 13.5 to 3.4, for 3540542007.24 (the sine's ``f'`` is 1215).
    The forward quotients from 3.4 down to 0.026, extrapolated twice, spread
    by 33 (the sine's part of them, 10 to 125), their rounding 0.14, and left
    it by 9.8 without deciding (`_one_side`, `_unsettled_below`). Quotients
    at steps below its window that leave it on both sides by more than a
    quarter of their spread beyond its error start this walk too
    (`_check_one_sided`; here the backward ones, by 11.4, spread
    20; ``6.514 s**4 + sin(1.2385 s**2)`` at 152.3, spreads 7.1 and 16, its
    error above 1, is seen only so). `extrapolate` from that step (``noise``:
    the noise known before this walk) resolves the sine: 3540542005.0 +-
    38.7. Its answer replaces the estimate where the two disagree beyond
    both errors; None where they agree, or the walk from
    there is refused (the estimate is then judged as before: ``|u|**1.64
    cos(2 / sqrt|u|)`` at 227.85 is answered so, test_derosc).
    """
    start = sampler.unsettled_down_to
    if n != 1 or not start:
        return None
    try:
        below = extrapolate(
            sampler.f,
            sampler.x,
            n,
            start,
            refine,
            noise=noise,
            offset=sampler.offset,
            several=sampler.several,
        )
    except (DomainError, NumericalError):
        return None  # no better answer there: the estimate is judged as before
    return below if abs(below.value - estimate.value) > below.error + estimate.error else None


def _unsettled_below(estimate: Estimate, spread: float, rounding: float, finest: float) -> bool:
    """Whether a first derivative's one-sided verdict below its window followed no expansion.

    `_one_side` asks it of a verdict that leaves the estimate beyond its error.

    Its quotients extrapolated twice shrink their spread 8-fold a halving
    where ``f`` is resolved, down to their rounding (`_extrapolated_twice`);
    a spread ``UNSETTLED`` times that rounding and the estimate's error, on
    steps below the window's (``finest``), says ``f`` varies on a scale
    below the window's steps, which averaged it away (`_walked_below_unsettled`).
    """
    return finest < estimate.smallest and spread > UNSETTLED * max(rounding, estimate.error)


def _check_not_back(
    below: Estimate, refuted: tuple[Estimate, tuple[float, float]], x: float, n: int
) -> None:
    """Refuse where the walk below a refuted window agrees with it, and not with what refuted it.

    The walk below can read the fast term as noise of ``f`` and then settle on
    the slow part's derivative again with a wider error: ``0.4215 s**4 +
    sin(0.8886 s**2)`` at 210.7, ``n = 2``, refuted at steps 42 to 10.5
    (224556.58 +- 0.014), was 349783 +- 2776 at 0.66 to 0.16 (right: 349821.9),
    then, with that noise, 224603.6 +- 1472. The value the refutation ruled
    out is no answer, unless ``below``'s error also holds the quotient that
    refuted it (within that quotient's rounding): a kink of ``f'`` 1.3e-3
    from ``x`` (derkinkscan ``--order 2``) moved a window at steps 0.2 to
    0.05 to 5.6911 +- 0.0025 (widened to 0.052), the quotient at 5e-6 was
    5.65366, and the walk below answered within both, for 5.65391.

    Raises:
        NumericalError: If ``below`` agrees with the refuted window's estimate
            within both errors, and not with the quotient that refuted it.
    """
    window, (seen, rounding) = refuted
    back = abs(below.value - window.value) <= below.error + _claimed(window)
    if not back or abs(below.value - seen) <= below.error + rounding:
        return
    raise NumericalError(
        f"the difference quotients of order {n} at x={x!r} settle on {window.value:.6g} "
        f"+- {_claimed(window):.3g} at steps down to {window.smallest:.3g}, but f far below "
        "those steps does not follow them, and the walk at smaller steps came back to that "
        f"value ({below.value:.6g} +- {below.error:.3g}): f varies on a scale far finer "
        "than the steps, which its rounding hides; write f with calcweb's functions "
        "(calcweb.sin, ...) for exact derivatives"
    )


def trusted(estimate: Estimate, x: float, n: int) -> Estimate:
    """``estimate``, or a `NumericalError` if it has no correct digit (`_no_digit`).

    `extrapolate` returns such an estimate, with its honest error, so that a
    caller can try other steps first (`calcweb.derivative` walks again from
    steps on the scale of ``x``); no digit is no answer.

    Raises:
        NumericalError: If ``estimate.no_digit``.
    """
    if estimate.no_digit:
        raise NumericalError(
            f"the difference quotients of order {n} at x={x!r} never settled into the "
            f"pattern that makes an error estimate trustworthy: the best estimate, "
            f"{estimate.value:.6g} +- {estimate.error:.3g}, has no correct digit (f varies "
            "on a scale finer than the steps that resolve it, or is singular next to x); "
            "write f with calcweb's functions (calcweb.sin, ...) for exact derivatives"
        )
    return estimate


def _with_drift(
    sampler: Sampler, refined: Estimate, n: int, spacing: float, quiet: float
) -> Estimate:
    """A refined first derivative, its error widened by the noise that drifts near ``x``.

    Of order 2 or more, or where a noise was measured, `_refined_line_noise`
    decides instead (it leaves the estimate as it is where a noise was measured).

    With no noise measured, where the values at the noise spacing leave the
    refined estimate's slope by more than its error allows (`_refined_drift`),
    the noise that moved them is at least half that drift, and noise ``N`` in
    the values moves the refined value by up to ``N`` times ``refined.gain``:
    the drift itself (twice that lower bound) times the gain is added to the
    error. Where the rounding of ``a t`` in the argument of ``f``
    (`_rounded_argument`, the most it can move ``f``) times the gain could
    exceed that error (the drift seen there included), the drift is judged
    again at 1e-4 of the smallest step (`_local_drift` with a spacing beyond
    the steps, against a quarter of ``quiet``, the 2 eps of the largest
    ``|f|`` the stencil allows for), and the larger drift is taken: at a
    few ulps of ``x`` that rounding is a sawtooth, smooth to every
    difference, and what drift it shows there is only a lower bound, while
    at 1e-4 of the smallest step it falls at random (``sin(s) exp(s /
    10)``, ``s = 7.97 t``, at 9.19: ``s`` rounded to ulp(73) moves ``f`` by
    up to 11 times those 2 eps; the refined value was off by 2.05 times its
    error. ``logistic(24.03 t)`` at -5.71: ``s`` rounded to ulp(137), 45
    times those 2 eps, showed a drift of 1.5e-75 at the noise spacing, the
    value was off by 2.31 times its error). Where the error with the drift
    seen already covers all the rounding of ``a t`` can do, that is not
    needed (``exp(50 t)`` at 1).
    """
    if n != 1 or sampler.noise_floor:
        return _refined_line_noise(sampler, refined, n, quiet)
    drift = _refined_drift(sampler, refined, spacing, quiet)
    if _rounded_argument(sampler, refined) * refined.gain > refined.error + drift * refined.gain:
        # a t rounded in the argument of f could matter beyond the error with what
        # drift the noise spacing showed, and that spacing (a few ulps of x) sees
        # that rounding as a sawtooth, a lower bound at most: judged again at 1e-4
        # of the smallest step, where it falls at random (`_local_drift`'s fallback).
        drift = max(drift, _local_drift(sampler, refined, 1, math.inf, quiet))
    return replace(refined, error=refined.error + drift * refined.gain)


def _refined_line_noise(sampler: Sampler, refined: Estimate, n: int, quiet: float) -> Estimate:
    """A refined derivative of order 2 or more on a line, its error widened by the noise there.

    The refined stencil allows for values rounded by 2 eps of the largest
    ``|f|``, a quarter of ``quiet``, and noise ``N`` moves its value by up
    to ``N`` times its ``gain``; the walk's noise tests (equally spaced, down
    to ``quiet``) vouch only for its own, thousands of times larger error.
    On a line through a point (``sampler.offset``) ``f`` can round far
    more than its value inside (``a.p`` rounded to ulp(1.94) where the
    line's coefficient ``a_1`` is small, 25 times the coordinates' rounding
    that `_rounded_argument` bounds), and at equally spaced ``t`` that
    rounding is a sawtooth (`_line_noise`). Where noise of ``quiet`` would
    move the refined value beyond its error, the noise is measured at
    unequally spaced points (`Sampler.irregular_noise`, at 1e-4 of the
    smallest step), and what it shows, where that is above a quarter of
    ``quiet``, times the gain, is added to the error:
    ``2.11e22 / (a.p - d)``, ``H[1][1]``, was 7.426457944945194e16 +-
    2.06e6, for 7.426457945422206e16, with noise of 5 ``quiet`` and a gain
    of 1.2e5. Not for a first derivative
    (`_with_drift` judges its drift), a function of one variable, or where a
    noise was measured (the walk's quotients and the stencil allowed for it).
    """
    if n < 2 or not sampler.offset or sampler.noise_floor:
        return refined
    if not quiet * refined.gain > refined.error:
        return refined
    noise = sampler.irregular_noise(refined.smallest * 1e-4, quiet / 4.0)
    return replace(refined, error=refined.error + noise * refined.gain) if noise else refined


def _even_noise(sampler: Sampler, final: Estimate, spacing: float, quiet: float) -> float:
    """What noise even about ``x`` can add to a first derivative's error, where no noise is known.

    Noise of ``f(x)`` one way and of its neighbours the other cancels in the
    central difference that `_local_drift` and `_refined_drift` judge, and
    can hide from a 4th difference; the 2nd difference at the noise spacing
    adds it up (`_bend`): noise at least a quarter of it moves the quotients
    at the smallest step by up to that over the step (2.5 times, as the
    tableau's entries allow for), a refined value by ``gain`` times it.
    Twice that is added, where the bend is above the rounding of the values
    near ``x`` (`_local_quiet`, or ``quiet``): ``exp(-a t)``, ``a = 2.97`` at
    -151.7 (``a t`` rounded to ulp(451)): ``f(x)`` 82 eps low, its neighbours
    47 and 49 eps high; the error was a third of the true one.
    """
    if sampler.noise_floor or not final.smallest > 0.0:
        return 0.0
    x = sampler.x
    try:
        step = representable_step(x, _noise_spacing(x, spacing))
    except NumericalError:
        return 0.0
    if not all(point in sampler.values for point in (x - step, x + step)):
        return 0.0
    level = _local_quiet(sampler, final, 1, quiet) or quiet
    bend = _bend(sampler, step, final.smallest)
    if not bend / 2.0 > level:
        return 0.0
    gain = final.gain or 2.5 / final.smallest
    return 2.0 * bend / 4.0 * gain


def _noise_beyond(sampler: Sampler, estimate: Estimate, final: Estimate, quiet: float) -> float:
    """What noise at the walk's own points beyond ``|x|`` can add to a first derivative's error.

    A window at steps ``h`` above ``|x|`` rests on ``f`` at ``x +- h``,
    farther from 0 than ``x``, and the rounding of the terms ``f`` is computed
    from grows with ``|t|``: ``sin(t) - t`` is ``sin t`` rounded to ulp(``t``),
    ulp(``h``) / 2 at ``x + h``, 256 times what it is at ``x``, where the noise
    tests look (1.4679589812016387e-6, ``h`` = 4.7e-4). Noise ``N`` at those
    points moves the quotients at ``h`` by up to ``N / h``.
    Where the window's values are far below the largest ``|f|`` (`_local_quiet`:
    they are what is left of larger terms) and the quotient at its smallest step
    has no digit of the estimate (the window extrapolates away a truncation
    larger than the answer, which rests on its quotients agreeing far below
    their size), with no noise measured, ``N`` is measured at the outer point of
    the smallest step, at unequally spaced points (`Sampler.irregular_noise`, at
    1e-4 of the step: stairs of ulp(``t``) at equal spacings give 4th
    differences of whole stairs, often 0), against the rounding of the values
    there, and ``2.5 N / h`` is added (as the tableau allows for its quotients'
    rounding): ``sin(t) - t`` there was -1.0773860242533732e-12 +- 3.0e-17,
    2.2 times its error off, and is now +- 1.9e-16. Only for the walk's own
    window (a refined value rests on other points).
    """
    x, step = sampler.x, estimate.smallest
    if final is not estimate or sampler.noise_floor or not step > abs(x) or not estimate.window:
        return 0.0
    if not abs(estimate.window[-1][1] - estimate.value) > abs(estimate.value):
        return 0.0
    local = _local_quiet(sampler, estimate, 1, quiet)
    if not local:
        return 0.0
    there = Sampler(sampler.f, x + math.copysign(step, x))  # x = 0: x + step
    there.values = sampler.values
    noise = there.irregular_noise(1e-4 * step, local)
    sampler.calls += there.calls
    return 2.5 * noise / step


def _steep_noise(
    sampler: Sampler, estimate: Estimate, final: Estimate, n: int, *, quiet: float, error: float
) -> float:
    """What noise where ``f`` is steeper than at ``x`` can add to an order ``n >= 2``'s error.

    ``a t`` rounded inside ``f`` moves a value by ``|f'|`` times up to ``|t|
    eps / 2`` (`_rounded_argument`): nothing at a crest of ``sin(k t + c)``,
    where the noise tests look, but up to ``k`` times that at the outer points
    of the window's stencils (``n = 3``, ``sin(7561.31 t + 1.9057)`` at a
    crest, 0.5986661187214506: -1.461 +- 0.29 for -2.098; values off by up
    to 5.5e-13 at ``x +- 3 h``, 300 times ``quiet``, moved the quotient at
    ``h`` = 6.1e-5 by 0.44). Where the slope between the smallest step's two
    outermost points on a side makes that rounding able to move the estimate
    by more than ``error`` (and the values by more than the noise already
    allowed for, or ``quiet``), the quotients at steps next to the
    smallest (`_scatter`) say how far it moves them, and 2.5 times that is
    added, as the tableau allows for its quotients' rounding. Only for the
    walk's own central window (a refined value's points: `_moved`).
    """
    step = estimate.smallest
    if n < 2 or final is not estimate or estimate.kind != "central" or not estimate.window:
        return 0.0
    x = sampler.x
    offsets, weights, spacing = stencil("central", n)
    ordered = sorted(offsets)
    steepest = 0.0
    for far, near in ((ordered[0], ordered[1]), (ordered[-1], ordered[-2])):
        points = (x + far * step, x + near * step if near else x)
        if not all(point in sampler.values for point in points):
            return 0.0
        slope = abs(sampler.values[points[0]] - sampler.values[points[1]]) / abs(far - near) / step
        steepest = max(steepest, slope)
    gain = math.fsum(map(abs, weights)) / (spacing * step) ** n  # values to quotient
    bound = (abs(x) + sampler.offset + ordered[-1] * step) * steepest * _EPS / 2.0
    if not (bound > max(quiet, sampler.noise_floor) and 2.5 * bound * gain > error):
        return 0.0
    return 2.5 * _scatter(sampler, n, estimate)


def _scatter(sampler: Sampler, n: int, estimate: Estimate) -> float:
    """How far the quotients at steps next to the estimate's smallest leave its expansion.

    At ``h (1 + 1/16)`` and ``h (1 - 1/(16 golden))`` the quotient's truncation
    is that at ``h`` (the window's quotient there, less the estimate) times
    ``(step / h)**2``; what else moves it is noise at the new points, less that
    at ``h``'s (a part alike at both, as ``a x`` rounded gives, `_shifted`
    bounds). 0 where a point is outside the domain.
    """
    smallest, last = estimate.window[-1]
    scatter = 0.0
    for factor in (1.0 + 1.0 / 16.0, 1.0 - 1.0 / (16.0 * _GOLDEN)):
        try:
            quotient, _, step = sampler.quotient("central", n, smallest * factor)
        except (DomainError, NumericalError):
            return 0.0
        expected = estimate.value + (last - estimate.value) * (step / smallest) ** 2
        scatter = max(scatter, abs(quotient - expected))
    return scatter if math.isfinite(scatter) else 0.0


def _bend(sampler: Sampler, step: float, smallest: float) -> float:
    """How far the 2nd difference at ``x`` and ``step`` leaves the walk's curvature (0: unknown).

    The smooth part of the 2nd difference, ``f'' step**2``, is known from the
    walk's points at ``x +- smallest``; ``step`` is far smaller, and the error
    of that curvature does not matter there.
    """
    x = sampler.x
    points = (x - smallest, x + smallest)
    if not all(point in sampler.values for point in points):
        return 0.0
    here = sampler.values[x]
    wide = sampler.values[points[0]] - 2.0 * here + sampler.values[points[1]]
    narrow = sampler.values[x - step] - 2.0 * here + sampler.values[x + step]
    bend = abs(narrow - wide * (step / smallest) ** 2)
    return bend if math.isfinite(bend) else 0.0


def _refined_drift(sampler: Sampler, refined: Estimate, spacing: float, quiet: float) -> float:
    """How far noise moved the values near ``x`` off a refined first derivative's slope, or 0.

    The walk judged the values at the noise spacing against its own error
    (`_drifts`, `_local_drift`); the refined estimate's can be thousands of
    times smaller, and noise that did not matter beside the one can beside
    the other. ``a t`` rounded to a float makes ``sin(a t) exp(a t / 10)``
    noisy by up to ``|a t| eps / 2`` in its argument: at ``a = 3.89``, ``x =
    -16.7``, the refined stencil's values are off by up to 25 times the 2 eps
    of them it allows for. No 4th difference at ``x`` shows it (at a spacing
    of 4 ulp(x) the rounding of ``a t`` grows nearly linearly), but the
    central difference leaves the slope by 5.4e-18: nothing beside the
    walk's error (3.3e-12), much beside the refined one's (2.6e-16, true
    error 8.4e-16; with the drift added, 1.1e-15).
    """
    # The refined stencil allows for values rounded by 2 eps of the largest |f|, a
    # quarter of quiet: a drift above that is noise it did not allow for (exp(-63.09 t)
    # at -1.12, a t rounded: 0.58 quiet, which moved the refined value 4 times its error).
    drift = _drift(sampler, spacing, refined, quiet / 4.0)
    local = _local_quiet(sampler, refined, 1, quiet)
    if not drift and local:
        drift = _local_drift(sampler, refined, 1, spacing, local)
    return drift


def _argument_noise(
    sampler: Sampler, estimate: Estimate, error: float, quiet: float, widest: float
) -> float:
    """The error of a first derivative from rounding in the argument of ``f``.

    ``f(t) = g((t + c) - c)`` computes ``g`` at ``t`` rounded to ulp(c): an
    argument off by up to ``a`` moves every quotient by up to ``|f''| a``,
    whatever the step (the central quotient is the slope at the mean of its
    two rounded points), and the values by ``|f'| a``: noise ``N`` in the
    values where the slope is ``f'`` may be that, ``a = N / |f'|``, and
    noise below ``quiet`` is not seen (the caller's: where no noise was
    measured, the rounding of the values the window rests on, `_window_quiet`;
    from the largest ``|f|``, 1.9e72 at the first step of ``exp(11197 t)
    sin(149623 t + 1.6726)``, it bounded the error of ``f'(0) = -4067`` by
    8.9e62). At ``x`` (``N`` its measured noise
    floor), where ``|f'|`` is not small compared with ``|f''| h`` (``h`` the
    largest step of the estimate's window), that is the bound. Near a flat
    point, ``x`` cannot bound ``a``: if what it could miss may matter beside
    the error, the noise is measured at the outer point of that step, where
    ``|f'|`` is at least twice as large, and ``a`` is taken as what it
    shows, or could miss there: noise below ``quiet``, or, where ``f``
    changes by ``SPACING`` times ``quiet`` there only over more than
    ``widest`` (the farthest spacing noise is measured at; ``quiet`` then
    comes from values far beyond the window), below the rounding of ``f``'s
    value there, 8 eps of it, against which it is measured (``grad`` seed
    7: ``exp(a.p) sin(b.p + 0.5)`` along a line at ``t = 0``, ``f``
    -8.6e11 at ``x``, 4.9e48 the largest the walk sampled; with noise
    measured at ``x``, ``quiet`` stayed, its spacing at the outer point was
    1e17, and ``quiet / |f'|``, an argument off by 5e16, gave
    -8409151042355099 +- 5.4e38 for -8409151042355289; now +- 1.3e7, of
    which this bound is 2.4e3). But no noise shows the part of ``a`` that
    is the same at every point: ``sin(k t + c)`` rounds ``k t + c`` to
    ulp(``k t``), and the bits of ``c`` below it are lost alike near ``x``
    (``sin(115263 t + 3.9584)`` at -0.5625, a crest: ``c`` off by 3.2e-12,
    ``f'`` by 3.65e-7, while the noise at the outer point showed nothing and
    1.2e-10 was added, for an error of 4.6e-8, before `_shifted`, which now
    bounds that window's answer by the same 8.3e-7). So at a flat point ``a`` is
    at least what a multiple of ``t`` rounded inside ``f`` can do,
    ``(|x| + offset) eps / 2`` (`_rounded_argument`; 0 at ``x = 0``, where ``c``
    is not rounded off): 8.3e-7 there.
    """
    x, slope, floor = sampler.x, estimate.value, sampler.noise_floor
    try:
        step = representable_step(x, estimate.window[0][0])
        below, here, above = (sampler(x + k * step) if k else sampler(x) for k in (-1, 0, 1))
    except (DomainError, NumericalError):
        return 0.0
    curvature = ((above - here) - (here - below)) / step / step  # f'' from the walk's points
    if not abs(curvature) * step >= abs(slope):  # not flat: x saw it (nan: nothing to see)
        return 0.0
    # At a flat point, also what no noise shows: a multiple of t rounded inside f
    # (sin(k t + c)) loses the bits of c below ulp(k t) alike at every point near x,
    # an argument off by up to |t| eps / 2 (`_rounded_argument`) at x and at the
    # outer point alike.
    rounded = abs(curvature) * (abs(x) + sampler.offset) * _EPS / 2.0
    rounded = rounded if math.isfinite(rounded) else 0.0
    if not abs(curvature) * max(quiet, floor) > error * abs(slope):
        return rounded  # the argument noise x could miss moves f' less than the error
    side = 1.0 if (slope >= 0.0) == (curvature >= 0.0) else -1.0  # where |f'| grows
    outer = slope + side * curvature * step
    if not 0.0 < abs(outer) < math.inf:
        return rounded
    # Noise is judged there against quiet, unless f changes by 2 quiet there only over
    # more than widest: then quiet comes from values far beyond the window, and against
    # the rounding of f's value there (exp(a.p) sin(b.p + 0.5) along a line at t = 0:
    # -8.6e11 at x, 4.9e48 the largest the walk sampled; quiet / |f'| was an argument off
    # by 5e16).
    there = quiet
    if SPACING * quiet / abs(outer) > widest:
        there = min(8.0 * _EPS * abs(above if side > 0.0 else below), quiet) or quiet
    noise = sampler.noise_at(x + side * step, SPACING * there / abs(outer), widest, there, outer)
    there_bound = max(noise, there) / abs(outer)
    if slope:  # what x could miss bounds it too
        there_bound = min(there_bound, max(quiet, floor) / abs(slope))
    return max(abs(curvature) * there_bound, rounded)


def _window_quiet(sampler: Sampler, estimate: Estimate, quiet: float) -> float:
    """8 eps times the largest ``|f|`` at the points a first derivative's window rests on.

    ``quiet`` is that of the largest ``|f|`` the walk sampled, wherever it
    was: at steps far above the window, where ``f`` is huge (``exp(11197 t)
    sin(149623 t + 1.6726)`` is 1.9e72 at the first step, 0.015, and its window
    begins at 3.7e-6), its rounding says nothing of the values the quotients
    rest on. ``quiet`` if the window is unknown or ``f`` is 0 at every point
    within it, and never above it. (Only
    where no noise was measured: see `extrapolate`.)
    """
    if not estimate.window:
        return quiet
    return _quiet_near(sampler, estimate.window[0][0], quiet)  # the stencil of n = 1: x +- h


def _quiet_near(sampler: Sampler, reach: float, quiet: float) -> float:
    """8 eps times the largest ``|f|`` sampled within ``reach`` of ``x``, never above ``quiet``.

    ``quiet`` if ``f`` is 0 at every point sampled there.
    """
    x = sampler.x
    near = max(abs(value) for point, value in sampler.values.items() if abs(point - x) <= reach)
    return min(8.0 * _EPS * near, quiet) or quiet


def _local_quiet(sampler: Sampler, estimate: Estimate, n: int, quiet: float) -> float:
    """The rounding of ``f`` within reach of the estimate's smallest step, if far below ``quiet``.

    ``quiet`` is the rounding of ``f``'s largest values, wherever the walk
    sampled them: the first step of ``exp(a t)`` spans several e-folds, and
    noise below it can still be far above the rounding of ``f`` where the
    smallest quotients of the estimate are taken (``a t`` rounded to a float
    makes ``exp(a t)`` noisy by up to ``|a t| eps / 2`` relative; ``1 + t**2`` rounded
    to ulp(1) makes ``log(1 + t**2)`` noisy by 1e-16 near 0). 0 unless it is
    ``LOCAL`` times below ``quiet``: then the noise is measured at it too.
    """
    if not estimate.smallest > 0.0:
        return 0.0
    x = sampler.x
    reach = max(map(abs, stencil(estimate.kind, n)[0])) * estimate.smallest
    near = max(abs(value) for point, value in sampler.values.items() if abs(point - x) <= reach)
    local = 8.0 * _EPS * near
    return local if 0.0 < LOCAL * local < quiet else 0.0


def _local_drift(
    sampler: Sampler, estimate: Estimate, n: int, spacing: float, local: float
) -> float:
    """How far noise below ``quiet`` moved the central difference at ``spacing``, if it matters.

    For a first derivative, the central difference at ``spacing`` (the
    points ``measure_noise`` computed at ``quiet``) must be the estimate's
    slope to within its error and a quarter of ``local`` (2 eps of the values:
    the most values within an ulp can leave it by): noise moves it by its odd part
    about ``x``, which stairs that fall evenly (errors that grow linearly,
    which no 4th difference sees) leave too. A drift between an eighth of
    ``local`` (an eps of them: the most correctly rounded values can leave
    it by) and a quarter of it says neither: it is judged again at up to
    ``TRIES - 1`` larger spacings in the golden ratio (``a t`` rounded can be
    off by nearly as much at ``x`` and both neighbours: ``logistic(2.32 t)``
    at -288.1, 66 eps at each, where a wider spacing shows 36 times
    ``local``); so is a close one at the noise spacing itself where ``x -+``
    it are exact (the step is the spacing: at ``x = 0``), where a
    sinusoid's argument ``k t + c`` moves by whole ulps of ``c`` and shows
    no noise (``sin(5545.87 t + 6.2524)`` at 0: 2.3 times its error before),
    and, on a line or coordinate of a function of several variables
    (``sampler.several``), one wherever ``a t`` rounded inside ``f`` can
    move it beyond ``local`` (`_rounded_argument`): at points whole ulps of
    ``x`` apart that rounding is a sawtooth whose period can divide the
    step, alike at ``x`` and both neighbours (a pole's ``a.p`` rounded to
    ulp(1.23), 0.57 of it per ulp of ``x``: a period of 7 ulps, the step).
    Each once: a close drift at the second spacing is 0. Not in one
    variable, a policy: there it cost 2 calls on 8 of the adversarial
    page's 123 cases, and at ``exp(-x**2)`` at 26.5 (``x * x`` rounded
    inside it is noise of up to 250 eps of ``f``) 15, with an answer less
    accurate than before (3.2e-12 -> 7.4e-12 relative), and than numdifftools'.
    So in one variable that sawtooth still lies: the pole's ``f`` as a
    function of ``x2`` alone is 2.07 times its error off (a strict xfail in
    tests/unit/test_derivative_sawtooth.py). No form of the check was found
    that costs nothing where ``f`` is computed from ``t`` exactly: near
    ``x`` only ``x`` and ``x -+`` the spacing are sampled by then, and at
    points that share one rounding of ``a t`` the values are ``f`` at
    arguments shifted alike, as smooth as exact values: any check needs a
    point off that spacing's grid, one call at least.
    A ``spacing`` beyond the walk's steps (there the truncation
    is unknown: where the slope is tiny the spacing is huge, ``t**3`` at
    -1.72e-12 has it at 1351, and its curvature is no noise; and ``quiet``,
    from the largest ``|f|``, can be far above ``local``), or beyond the
    first window that resolved ``f`` (`_within_reach`: there the central
    difference's truncation is ``f``'s own, not noise; ``exp(2234 t)
    sin(1581810 t + 1.1482)`` at 0 has the spacing at 2.9e-7, 0.07 of a
    period, where it left the slope by 3.6 %), is replaced by
    1e-4 of the smallest step, where the truncation of the central
    difference is 1e-8 of its at that step (allowed for: ``(spacing / h)**2``
    times the distance of the quotient at the smallest step ``h`` from the
    estimate), and rounding in the argument of
    ``f`` finer than it falls at random (``exp(82682 t) sin(342.156 t +
    6.2626)`` at 0: its phase rounded to ulp(6.26) makes ``f``, 0.02, off by
    up to 100 eps of it; the answer was off by 2.7 times its error). 0 if it
    is close, if the spacing is still beyond the steps (4 ulp(x) above them),
    or if noise 16 times what moved it would move the quotients at
    the smallest step by less than the error: it does not matter. Infinite
    for higher orders: they have no slope to compare with.
    """
    if n != 1 or not estimate.value:
        return math.inf
    x = sampler.x
    asked, spacing = spacing, _noise_spacing(x, spacing)
    reach = max((row[0] for row in estimate.window), default=estimate.smallest)
    smallest, last = reach, estimate.value  # no truncation allowed for: see below
    if not (spacing <= reach and _within_reach(spacing, estimate)):
        spacing = _noise_spacing(x, 1e-4 * estimate.smallest)
        # There the central difference leaves the slope by its truncation too: (s /
        # h)**2 times that of the quotient at the smallest step h (its leading term;
        # t**3 at -1.72e-12: s**2 at s = 3.6e-13, 1.4 % of f', extrapolated away).
        # (Not at the noise spacing: there a drift that is truncation is what sends
        # sin(t) - t at 4.6e-8 to measure the noise of sin t beyond x, which the
        # walk's outer quotients rest on; without it that answer is 4.1x off.)
        smallest, last = estimate.window[-1] if estimate.window else (reach, estimate.value)
    first = True
    sawtooth = sampler.several and _rounded_argument(sampler, estimate) > local
    for _ in range(TRIES):
        try:
            step = representable_step(x, spacing)
            if not step <= reach:
                return 0.0
            below, above = sampler(x - step), sampler(x + step)
        except (DomainError, NumericalError):
            return 0.0  # as measure_noise: no noise measured outside the domain
        truncation = abs(last - estimate.value) * (step / smallest) ** 2
        drift = _off_slope(estimate, below, above, 2.0 * step) - 2.0 * step * truncation
        # Values within an ulp leave it by at most 2 eps of them, a quarter of local:
        # more is noise (softplus(4.26 t) at -86.4: 1.03e-175 against local 1.9e-175).
        if drift > local / 4.0:
            return drift if _matters(drift, estimate) else 0.0
        # Where x -+ the noise spacing s are exact (the step is s itself, as at x = 0),
        # an argument k t + c of f moves by k s there, and s (f changes by 16 eps max|f|
        # over it) moves a sinusoid's near its zero (|f'| = k max|f|) by 16 eps: a whole
        # number of ulps of any |c| < 32. The three points then share one rounding of
        # c + k t, whatever it is elsewhere (sin(5545.87 t + 6.2524) at 0: 4 ulps of
        # 6.25, while c + k t is rounded to them, 8 times local; at the walk's halving
        # steps that rounding grew linearly in h, a slope error no extrapolation sees).
        # A close drift there is judged again once at a spacing in the golden ratio.
        # So is one on a line or coordinate of f of several variables where a t rounded
        # inside f can move f beyond local (`_rounded_argument`): at points whole ulps
        # of x apart that rounding is a
        # sawtooth, whose period can divide the step (9.37e-8 / (a.p - 1.2168494761440367)
        # at p/524288, x2 = 405379.4816, 0.013 from the pole: a.p rounded to ulp(1.23)
        # moves 0.57 of it per ulp of x2, a period of 7 ulps, the step; f is off by up to
        # 5.7 times local, the same at x and both neighbours, and was 2.07x its error off).
        if not drift > local / 8.0 and not (first and (step == asked or sawtooth)):
            return 0.0
        first = False
        spacing *= _GOLDEN
    return 0.0


def _at_whole_ulps(
    sampler: Sampler, estimate: Estimate, n: int, spacing: float, noise: float
) -> float:
    """A first derivative's ``noise`` shown at ``spacing``, or more if shown at whole ulps of ``x``.

    A spacing raised to 4 ulp(``x``) (`_noise_spacing`) puts the points
    whole ulps of ``x`` apart, where ``a t`` rounded inside ``f`` is an
    arithmetic sequence rounded: a sawtooth whose 4th differences are whole
    ulps of ``a t``, often near 0 (``exp(210.45 t) sin(24050.2 t + 4.1729)``
    at -0.9677: 6e-103, for values off by up to 4e-101, and the answer off by
    2.24 times its error). Where that rounding can do more than the noise shown
    (`_rounded_argument`), the noise is measured again at unequally spaced
    points (`Sampler.irregular_noise`, as `_local_noise` does where none
    showed), and the larger is taken.
    """
    if n != 1 or not noise or not _noise_spacing(sampler.x, spacing) > spacing:
        return noise  # none shown: `_local_drift` judges
    if not _rounded_argument(sampler, estimate) > noise:
        return noise
    return max(noise, sampler.irregular_noise(estimate.smallest * 1e-4, noise))


def _local_noise(
    sampler: Sampler, estimate: Estimate, n: int, widest: float, local: float
) -> float:
    """The noise of ``f`` at ``x`` above ``local``, the rounding of the values near it.

    For a first derivative, first where ``f`` changes by ``SPACING`` times
    ``local`` per spacing (the three points there showed noise); then at
    ``1e-4`` of the estimate's smallest step and at ``TRIES - 1`` larger
    spacings in the golden ratio, with the 5 points from ``x`` on. Stairs (of
    ``f``, or of its argument: ``a t`` rounded to ulp(a t)) can fall evenly,
    with 4th differences of 0, at one spacing (errors that grow linearly are
    a slope), or symmetrically, at two (``exp(20.73 t)``, ``n = 3`` at
    -23.59: the rounding of ``a t``, over 100 eps of ``f``, shows at
    neither of the first two spacings, at the third; without it the answer
    was off by 10 times its error); and the 4th difference about ``x`` sees
    only the part of the noise that is even about ``x``: where ``a x`` is a
    float, the rounding of ``a t`` is odd about it, and so are the
    quotients' errors. Equally spaced ``t`` can hide that rounding at every
    spacing: last, where it can be above ``local`` (`_rounded_argument`), it
    is measured at 5 unequally spaced points (`Sampler.irregular_noise`). 0
    if no noise shows.
    """
    x = sampler.x
    if n == 1 and estimate.value:
        spacing = SPACING * local / abs(estimate.value)
        noise = sampler.noise_at(x, spacing, widest, local, estimate.value)
        if noise:
            return noise
    spacing, point = estimate.smallest * 1e-4, x
    for _ in range(TRIES):
        noise = sampler.noise_at(point, spacing, widest, local)
        if noise:
            return noise
        spacing *= _GOLDEN
        point = x + 2.0 * spacing  # the stencil from x on: it sees the odd part too
    if not _rounded_argument(sampler, estimate) > local:
        return 0.0
    return sampler.irregular_noise(estimate.smallest * 1e-4, local)


def _rounded_argument(sampler: Sampler, estimate: Estimate) -> float:
    """How noisy ``f`` can be near ``x`` from ``a t`` rounded in its argument, or 0.

    ``g(a t)`` is ``g`` at ``a t (1 + d)``, ``|d| <= eps / 2``: at ``t`` off
    by ``|t| eps / 2``, which moves ``f`` by ``|f'|`` times that. ``|f'|`` is
    taken from the central estimate's points at ``x`` plus and minus its
    smallest step (every central stencil has them). 0 for a one-sided
    estimate (at the edge of the domain of ``f``, where no central points fit).
    On a line through a point (``sampler.offset``: ``f(x + t d)``, whose
    coordinates ``x_i + t d_i`` are rounded to ulp(``x_i``) about as a float
    argument ``c + t`` would be, ``|c| = max |x_i / d_i|``: exactly where
    ``d_i`` is a power of 2, else within a factor 2) ``|t|`` is ``|c|``
    plus the step.
    """
    x, step = sampler.x, estimate.smallest
    if estimate.kind != "central" or not step > 0.0:
        return 0.0
    below, above = sampler.values.get(x - step), sampler.values.get(x + step)
    if below is None or above is None:
        return 0.0
    slope = abs(above - below) / (2.0 * step)
    bound = (abs(x) + sampler.offset + step) * slope * _EPS / 2.0
    return bound if math.isfinite(bound) else 0.0


def _line_noise(sampler: Sampler, estimate: Estimate, n: int, quiet: float) -> float:
    """An order ``n >= 2``'s noise of a line's ``f`` at unequal spacings, where rounding matters.

    A line through a point (``sampler.offset``, `calcweb.multivariate`) has
    its points ``x_i + t d_i`` rounded to ulp(``x_i``) at every step, unlike
    ``x + h`` in one variable (`representable_step`); at the equally spaced
    ``t`` of the noise tests (1e-4 of the smallest step, for an order 2 or
    more) those roundings are a sawtooth, smooth to every difference, and so
    is the rounding of ``a_i p_i`` inside ``f``; at unequally spaced ``t``
    they fall at random (`Sampler.irregular_noise`). Where they can move
    ``f`` beyond ``quiet`` (`_rounded_argument`) the noise is measured there:
    ``4.48e16 / (a.p - d)``, ``H[2][2]`` 1.3e-7 from its pole, is noisy by
    4e14, 2e5 times ``quiet``, and was answered 2.001191e36 +- 1.4e31, for
    2.001148e36, before it was measured there (now 2.0011476e36 +- 6.0e32).
    0 for a first derivative (its noise is measured at its slope, not only
    at 1e-4 of the smallest step), a function of one variable, or if no
    noise shows.
    """
    if n < 2 or not sampler.offset or not _rounded_argument(sampler, estimate) > quiet:
        return 0.0
    return sampler.irregular_noise(estimate.smallest * 1e-4, quiet)


def _disagreeing_noise(sampler: Sampler, estimate: Estimate, widest: float, quiet: float) -> float:
    """The noise of ``f`` where it changes by ``SPACING`` quiet at a slope larger steps settled on.

    The noise is measured where ``f`` would change by twice its rounding per
    spacing at the slope the walk found; if that slope is wrong, so is the
    spacing. ``exp(t) - 1 - t`` at 3.2e-8 is ``exp`` rounded to stairs of
    ulp(1) minus a smooth ``t``: steps below the stairs give quotients of
    exactly -1 (the ``exp`` part cancels), a slope at which the stairs are
    10**8 spacings wide. A window at larger steps that settled on a value
    the estimate's bars do not reach (unconfirmed: its probe saw the
    stairs) says so, if it has a digit (`Estimate.larger`: a window far
    above the scale of ``f`` can pass by chance with none, as it can show
    no scale, `_resolves`; ``exp(2234 t) sin(1581810 t + 1.1482)`` at 0:
    steps of 9.4e-4 and 2.3e-4, 236 and 59 periods, gave 2062.9 +- 3.6e4, whose
    slope set a spacing of 9.3e-5, where the 4th differences are ``f``
    itself: noise 3.76, with which the walk done again answered 2062.9 +-
    7.65e4, for 650784.8): the noise is measured again at its slope, and, where
    the values there lie on a line of another slope (`_fell_evenly`), at up
    to two smaller spacings in the golden ratio, unless the estimate's own
    quotients put that spacing on the scale of ``f`` (`_on_its_scale`):
    that window can be one far above the scale of ``f`` whose steps fit its
    period by chance (``exp(-1850.3 t) sin(6891840 t + 1.8181)`` at 0: steps
    of 9.2e-7 and 4.6e-7 are 2 pi and pi of ``k t``, -8874.85 +- 0.26), its
    slope puts the spacing on that scale (4.5e-7), and the 4th differences
    there are ``f`` itself: noise 5.56, with which the walk done again
    answered -2346.9 +- 6.5e4 for -1688851.37. (Not `_ruled_out`: the
    quotients below the stairs of ``cos(t) - 1 + t**2 / 2``, which differ by
    their rounding alone, would rule out the stairs they cannot see.) Else,
    beside the quotients
    left in a collapse, on either side of ``x`` (where ``f`` is smooth below
    its stairs near ``x``, they can begin on one side only: ``cos(t) - 1 +
    t**2 / 2`` at 4.72e-9): what a kink within the jump shows there is no
    noise (`_kinked`; ``sqrt(p0 p1 + p1**2)`` along ``p1``, 2.8e-4 from its
    branch point, showed 5e-24 and 2.2e-24 for ``|f(x)|``
    3e-24, and the walk done again with it answered 9.42e-22 +- 2.4e-21, for
    1.07e-20). If none
    shows there, the stairs may start farther out (``cos(t) - 1 + t**2 / 2``
    is ``t**2 / 2`` exactly for ``|t| < 1e-8``): it is measured where
    ``|f|`` is largest, at the slope from ``x`` to there, and taken as the
    noise at ``x`` too, unless it is a quarter of ``|f|`` there or more:
    ``f`` has lost its digits there, which says nothing of ``f`` near ``x``
    (``sin(1e20 t)`` at 0.0058, its phase rounded to 64: noise 0.53, which
    made the walk done again with it answer -145 +- 973, for 1e20); nor is
    a noise the estimate's own quotients rule out (`_ruled_out`): a larger
    noise does not only widen the bars, the walk done again with it can keep
    another window. 0 if no window disagrees.
    """
    for value, error in estimate.larger:
        if abs(value - estimate.value) > error + estimate.error:
            break
    else:
        return 0.0
    if value:
        sampler.slope = value
        spacing = SPACING * quiet / abs(value)
        noise = sampler.measure_noise(spacing, widest, quiet)
        for _ in range(2):
            # Stairs that fell evenly at one spacing fall otherwise at the next.
            if noise or not _fell_evenly(sampler, spacing, quiet):
                break
            spacing /= _GOLDEN
            noise = sampler.measure_noise(spacing, widest, quiet)
        if noise and not _on_its_scale(4.0 * spacing, estimate):
            return noise
    for jump in sorted(estimate.jumps)[:3]:
        # The quotient left in a collapse rests on f at x +- its step: stairs
        # there show at a spacing of half of it, on either side. They can begin
        # on one side only: cos(t) - 1 + t**2/2 is t**2/2 exactly for |t| < 1.05e-8,
        # and at 4.72e-9 (jump 7.15e-9) they show beyond x + 7.15e-9 (1.6e-16), not
        # at x - 7.15e-9 (the smaller of the two, 0, left 4.72e-9 +- 1.2e-9, for
        # 1.75e-26). With the slope: stairs wider than the spacing can fall evenly
        # on one side (cos(t) - 1 + t**2/2 at 2.48e-8: 4.5e-9 wide, jump 3.6e-9).
        # What a kink within the jump (a change of slope at one place) makes a
        # stencil that reaches across it show is no noise (`_kinked`).
        noise = max(
            _noise_beside(
                sampler,
                sampler.x + side * jump,
                jump / 2.0,
                widest,
                quiet,
                slope=estimate.value,
                kinks=True,
            )
            for side in (1.0, -1.0)
        )
        if noise:
            return noise
    largest = _largest(sampler)
    if largest is None or not largest[1]:
        return 0.0
    far, slope = largest
    noise = sampler.noise_at(far, SPACING * quiet / slope, widest, quiet)
    # Noise of a quarter of |f| there is no staircase: f has lost its digits
    # there (the phase of sin(1e20 t) at 0.0058 is rounded to 64), not near x;
    # nor is noise the estimate's own quotients rule out (`_ruled_out`).
    if 4.0 * noise >= abs(sampler.values[far]) or _ruled_out(sampler, noise, estimate):
        return 0.0
    return noise


def _on_its_scale(reach: float, estimate: Estimate) -> bool:
    """Whether the estimate's own quotients put its truncation at ``reach`` above ``|f'|``.

    The quotient at the estimate's smallest step ``h`` is off it by its
    truncation, which grows as ``h**p``: at a step where that reaches the
    derivative itself, a stencil spans the scale on which ``f`` varies, and
    its 4th differences are ``f``, not noise. Quotients that show no
    truncation (the equal quotients below the stairs of ``cos(t) - 1 +
    t**2 / 2``) put no step there.
    """
    if not estimate.window:
        return False
    smallest, last = estimate.window[-1]
    ratio = reach / smallest
    growth = ratio * ratio if estimate.kind == "central" else ratio  # h**p; inf, not an error
    return abs(last - estimate.value) * growth > abs(estimate.value)  # 0 * inf: nan, False


def _ruled_out(sampler: Sampler, noise: float, estimate: Estimate) -> bool:
    """Whether the quotients a first derivative's estimate rests on rule out ``noise`` in f.

    Noise ``N`` in the values moves a first derivative's quotient at step ``h``
    by up to ``N / h`` (``2 N / h`` one-sided: its rounding bound with that
    noise, as `combine` takes it), at each step by another amount. Quotients
    that differ (not the equal
    quotients below the stairs of a staircase ``f``, which show no truncation:
    `_resolves`) and agree with their expansion to an error 16 times below
    that at the smallest step cannot rest on values that noisy -- unless ``a
    t`` rounded in the argument of ``f`` (`_rounded_argument`) can move them
    by that error: at steps of a few ulps of ``x`` those roundings are stairs
    alike at neighbouring steps, and quotients agree on them
    (``exp(2076.7 t) sin(18116.4 t + 4.4972)`` at 0.1078: steps of 1 and 2
    ulps, 1.5e-5 apart, 10 % off). Noise measured where ``|f|`` is largest and
    far from ``x`` (`_disagreeing_noise`) can be rounding that grows with
    ``|f|`` or with the argument there: ``2.28e19 exp(a.q) sin(b.q + 0.5)``,
    ``q = p / 2**-17``, along ``p_1`` (``b_1 = 1.21``) has its phase rounded
    to ulp(2379) at the first step, noise 2.4e18 there, where ``f`` is 5e30, while the
    walk's window at steps 2.3e-7 to 5.7e-8 agreed to 4.8e11, 1e14 times
    below that noise over its step; the walk done again with it kept a
    plateau of quotients at steps above the scale of ``f`` (-3.2e22 +- 4e22,
    for -2.6e23).
    """
    quotients = {quotient for _, quotient in estimate.window}
    agreement = estimate.error * estimate.smallest  # in values, at the smallest step
    if len(quotients) < 2 or not 16.0 * agreement < noise:
        return False
    return _rounded_argument(sampler, estimate) < agreement


def _fell_evenly(sampler: Sampler, spacing: float, quiet: float) -> bool:
    """Whether the 5-point stencil at ``spacing`` lies on a line whose slope is not ``slope``.

    Stairs that fall by the same whole number of stairs and a little at each
    spacing leave rounding errors that grow linearly across the stencil: a
    line, with 4th differences and a spread of 2nd differences of 0, which
    no test at that spacing tells from a smooth ``f``; the smooth part of
    ``f`` beside them keeps the values apart, so they are not five equal
    values either. Their gaps leave ``slope`` times the spacing by more than
    ``quiet``. At a spacing in an irrational ratio to it they fall
    otherwise (`_noise_beside`). ``cos(t) - 1 + t**2 / 2`` at 1.11e-5 is
    ``cos``'s stairs (ulp(1)) plus ``t**2 / 2``; at the slope of a window
    at larger steps (2.1e-14) the spacing, 3.6e-10, moved ``cos`` by 36
    stairs and a little: gaps of 3e-18 for 7.5e-24, a spread of 1.3e-26 (the
    answer, from steps within a stair, was 1.1145993e-5 +- 1.2e-6, for
    2.3e-16). A smooth ``f`` whose slope is not ``slope`` gives such a line
    too; the smaller spacings then show no noise either.
    """
    x = sampler.x
    try:
        step = representable_step(x, _noise_spacing(x, spacing))
    except NumericalError:
        return False
    points = [x + k * step for k in (-2, -1, 1, 2)]
    if not all(point in sampler.values for point in points):
        return False
    values = sampler._stencil(step)
    off = abs(values[3] - values[1] - 2.0 * step * sampler.slope)
    return _spread(values) <= quiet < off


def _resolves(window: _Window, best: _Candidate | None) -> bool:
    """Whether a window's best entry shows the scale of ``f``: it has digits, and its rows differ.

    An entry with no digit (`_no_digit`) is a window far above the scale of
    ``f`` that passed by chance; quotients that are all equal show no
    truncation at all: ``f`` is linear there, or they are below its stairs
    (``exp(t) exp(-t) - 1``, all rounding: quotients of exactly 0 at steps
    of 1e-13, 0 +- 1e-310 by the letter of `_no_digit`).
    """
    if best is None or _no_digit(best):
        return False
    return len(set(window.quotients[best.row - best.level : best.row + 1])) > 1


def _check_resolved(
    sampler: Sampler, estimate: Estimate, spacing: float, noise: float, size: float
) -> None:
    """Refuse an ``f`` that near ``x`` varies faster than the floats there resolve.

    ``noise`` is the noise measured at ``x``, ``size`` the largest ``|f|``
    sampled. Noise larger than that, measured at the float grid, says that
    no value of ``f`` near ``x`` has a correct digit: ``cos`` at 1.6e234
    (noise 1.9) gave 6.3e-233 +- 1.2e-231 for -0.94, from a window of
    quotients 0 within that noise. Measured above the grid (from a
    ``spacing`` set by the walk's steps or slope), it can be ``f``'s own swings
    instead, where ``f`` varies on a finer scale than the spacing (4.94, for
    ``|f| <= 1``, at a crest of ``sin(16313.8 t + 2.37)`` at 0.0186, spacing
    4.6e-4: the constants of tests/unit/test_derivative_far_field.py);
    either way the quotients cannot be told from noise.

    An ``estimate`` with no correct digit (its error above its value: a
    window's, widened by a quotient at a smaller step that it does not
    predict, `_Walk.check_accepted`) is honest if that quotient resolved
    ``f``; at the float grid, where no smaller step can confirm it, ``f``
    may be resolved at no step. Where ``f`` changes by ``SPACING`` times
    ``quiet`` within 4 ulp(``x``) (``spacing``), the finest spacing the noise
    is measured at (`_noise_spacing`), the 2nd difference ``E(u) = f(x + u) -
    2 f(x) + f(x - u)`` at the float spacing ``u`` says whether it is: a
    smooth ``f``'s is ``f'' u**2 + f'''' u**4 / 12 + ...``, which from ``u``
    to ``4 u`` (the noise measurement's points) grows about 16-fold
    (256-fold where ``f''`` is 0), and noise moves each by at most 4 times
    that of the values (``quiet``, below which noise goes unmeasured, or
    ``noise``). One larger at ``u`` by more than that is ``f`` oscillating
    at the float grid: ``sin`` at 1e30, where ``u = 2**47`` is ``pi +
    0.065`` modulo ``2 pi``, so that ``f(x + k u)`` is ``(-1)**k`` times a
    smooth function of ``k``: the quotients at even multiples of ``u``
    settled on its slope, those at odd ones on minus it (-4.6e-16 +- 9.2e-16,
    for -0.99996), and the 4 ulp spacing of `measure_noise` sees only the
    even ones (``E(u)`` is -0.037, ``E(4 u)`` -0.0006). (Where ``u`` modulo
    ``2 pi`` is near 0 instead, ``f`` at every float of the binade is a
    smooth function of ``k``, of a scale of ``1 / (u mod 2 pi)`` ulps: no
    difference method can tell it from one that is.)

    Raises:
        NumericalError: If ``f`` is not resolved near ``x``.
    """
    x = sampler.x
    if noise > size:
        measured_at = _noise_spacing(x, spacing)
        if noise > sampler.noise_floor and measured_at > 4.0 * math.ulp(x):
            # Measured here, from a spacing above the float grid (set by the walk's
            # steps or slope): f's own swings count as noise where f varies on a finer
            # scale (a crest of sin(k t + c), k = 16313.8: 4.94 at 4.6e-4, for |f| <= 1).
            raise NumericalError(
                f"the noise measured in f's values near x={x!r} ({noise:.3g}, from their "
                "differences, in which f's own swings count as noise where f varies on a "
                "scale finer than the spacings measured at) is "
                f"larger than any value it took ({size:.3g}): the difference quotients "
                "cannot be told from noise (f varies on a scale finer than those spacings, "
                "or faster than the floats near x can resolve); write f with calcweb's "
                "functions (calcweb.sin, ...) for exact derivatives"
            )
        raise NumericalError(
            f"f's values near x={x!r} are noise ({noise:.3g}) larger than any value it took "
            f"({size:.3g}): no difference quotient has a correct digit (f may vary faster "
            "than the floats near x can resolve); write f with calcweb's functions "
            "(calcweb.sin, ...) for exact derivatives"
        )
    quiet = 8.0 * _EPS * size
    if not (spacing < 4.0 * math.ulp(x) and estimate.error > abs(estimate.value)):
        return
    try:
        step = representable_step(x, math.ulp(x))
        seconds = []
        for apart in (step, 4.0 * step):
            below, here, above = (sampler(x + k * apart) if k else sampler(x) for k in (-1, 0, 1))
            seconds.append((above - here) - (here - below))
    except (DomainError, NumericalError):
        return
    fine, coarse = seconds
    if abs(fine) > abs(coarse) + 4.0 * max(quiet, noise):
        raise NumericalError(
            f"f varies faster than the floats near x={x!r} can resolve: its 2nd difference "
            f"at their spacing {step:.3g} is {fine:.3g}, at 4 times it {coarse:.3g}; a smooth "
            "function's grows with the spacing, so no difference quotient here has a "
            "correct digit (sin at 1e30); write f with calcweb's functions (calcweb.sin, "
            "...) for exact derivatives"
        )


def _check_noise_is_rounding(
    sampler: Sampler, estimate: Estimate, n: int, known: float, quiet: float
) -> None:
    """Refuse a first derivative of 0 that rests on a noise that is ``f``'s own swings.

    Rounding shows at every spacing at which ``f``'s values differ; ``f``
    varying on a scale finer than the spacing its noise was measured at shows
    as noise there too, but not where it is smooth. An estimate 0 within its
    error, resting on a noise measured here (``noise_floor``, above the
    ``known`` one `extrapolate` was given, with which the walk was done
    again) above ``SHOWN`` times ``quiet``, is judged by ``f``'s 4th
    differences (`_bumps`): where they drop from that noise to the rounding
    of the values there below the walk's steps (`_smooth_below`), and are far
    below the swing (the noise, or the largest of them above) where ``f``, at
    its slope there, moves by that swing, the noise is ``f``'s smooth swing on
    a scale far below the walk's steps. Their quotients saw those swings, and
    the walk done again with them as noise kept quotients that agree within
    it: ``1e3 + 1e-11 sin(t / 1e-11 + 0.3)`` at 0 read noise of 1.2e-11 (55
    eps of ``|f|``) at a spacing of 6.6e-4, and answered -3.3e-9 +- 1.3e-8
    for 0.955; its 4th differences are 102 ulps of 1e3 at 1.4e-4, 4 at
    8.6e-12 (the values' rounding, 4 eps of 1e3, is 7.8), and far below the
    swing where its slope there (0.94) moves it by the swing. Stairs (``(1e8
    + sin t) - 1e8``) leave differences of whole stairs at every spacing
    where the values differ; on a smooth part (``exp(t) - 1 - t`` at 1e-7:
    stairs of ``exp`` 2.2e-16 wide, ``-t`` smooth on each; ``(1 - cos t) /
    t**2`` at -0.00348, whose stairs fall symmetrically about ``x`` and read
    as a noise 14 times below their height) they are smooth below a stair,
    but not where that part moves by a stair: there the stairs' edges show.

    Of order 2 or more, `_check_noise_is_swing` judges the estimate instead.

    Raises:
        NumericalError: If the noise is ``f``'s smooth swing, as above.
    """
    noise = sampler.noise_floor
    if n != 1:
        # Of order 2 or more, whatever the value: a swing seen where its slope moves f
        # by it, as below, but ruled out by f smooth to its rounding below the steps.
        _check_noise_is_swing(sampler, estimate, n, known, quiet)
        return
    if not noise > max(known, SHOWN * quiet) or abs(estimate.value) > estimate.error:
        return
    smooth = _smooth_below(sampler, estimate.smallest, noise, quiet / 2.0)
    if smooth is None:
        return
    # The swing: the noise, or the largest 4th differences above, where stairs that fall
    # symmetrically about x read far below their height ((1 - cos t) / t**2).
    spacing, slope, swing = smooth
    where = _bumps(sampler, swing / abs(slope) / 2.0)  # where f moves by the swing
    if where is not None and where[0] <= swing / WIDE:
        raise NumericalError(
            f"the noise measured in f's values near x={sampler.x!r} ({noise:.3g}) is f's "
            f"own variation: at a spacing of {spacing:.3g}, far below the steps of the "
            f"difference quotients (down to {estimate.smallest:.3g}), f is smooth to the "
            "rounding of its values, and smooth where its slope there moves it by that "
            "noise. f varies on a scale finer than those steps, and their quotients saw "
            "its swings, not its rounding; write f with calcweb's functions (calcweb.sin, "
            "...) for exact derivatives"
        )


def _check_noise_is_swing(
    sampler: Sampler, estimate: Estimate, n: int, known: float, quiet: float
) -> None:
    """Refuse a derivative of order 2 or more resting on a noise that is ``f``'s smooth swing.

    Rounding shows at every spacing at which ``f``'s values differ. A noise
    measured here (above the ``known`` one and ``SHOWN`` times ``quiet``,
    or for an estimate of 0 within its error, times the rounding of the
    values the window's smallest stencil reaches, `_quiet_near`: ``quiet``
    is that of the largest ``|f|`` sampled, which under a steep exponential
    can be 1e100 times theirs) whose 4th differences, at
    spacings below the walk's steps (16-fold smaller each, from ``1 / (256
    golden)`` of its smallest), fall to the rounding of the values there
    (or, where larger, of a multiple ``k t`` rounded inside ``f``: its
    slope there times ``(|x| + offset) eps``, as `_rounded_argument`, a
    sawtooth their reads level onto) while the values all differ, from a read
    at the spacing before at most ``SMOOTH_FALL`` times that rounding plus
    the read there (a smooth ``f``'s read is the one before over
    ``SMOOTH_FALL``, give or take its rounding: ``exp(238.45 t) sin(13885100
    t + 4.0872) cos(2288350 t)`` at -0.9589, ``n = 6``, read 4.5e-103 and
    then 5.9e-108, the rounding there, and was -5.0e-84 +- 1.7e-81 for
    -3.3e-58) and ``SWING`` times below the noise, after a read ``SWING`` times below the
    one before it, as a smooth ``f`` falls (reads of noise vary far less: a
    crest of ``sin(6161294.57 t + 4.7819)`` at 0.947, resolved by the walk,
    read 3.7e-14 at 7.2e-12 and then rounding), is ``f``'s own variation on a scale
    below those steps: ``7.556 s**4 + sin(1.869 s**3)``
    at 93.16 (the sine's period 1.3e-4) read a noise of 3.46 at a spacing of
    4.7e-4, and the walk done again with it kept its window at steps 18.6 to
    4.7, the quartic's ``f''`` alone: 786963.97 +- 0.18 for 1.8065e9. Stairs
    (equal neighbours) and the float grid give no verdict (`_fourth_at`);
    within one stair ``f`` is smooth too (``t (1 - tanh t)`` at 8.99: stairs
    of ``1 - tanh`` 1.8e-9 wide, times ``t``), but its reads drop into
    rounding from a stair's height, 1.1e-15 at 1.3e-9 (a rounding of
    2.5e-22), and a smooth swing's fall through the spacings before: 1.5,
    5.6e-5, 2.3e-7 in the example (rounding 5e-7). ``exp(-97.936 t)
    sin(7590270 t + 1.1036)`` at 0.3333, ``n = 2`` (``f`` about 7e-15 there,
    2e-6 at the first steps' ``x - 0.2``), read a noise of 3.7e-14 at a
    spacing of 9.5e-8 (its period is 8.3e-7), and the walk done again with
    it kept steps 0.05 to 0.0031: -1.77e-10 +- 5.2e-8, for -0.3828; the
    reads fall 3.1e-14, 3.9e-18, 6e-23, then level at 1e-25, the rounding of
    ``7590270 t`` (4 eps ``|f|`` is 6e-30).
    Of order 1, `_check_noise_is_rounding` judges a derivative of 0.

    Raises:
        NumericalError: If the noise is ``f``'s smooth swing, as above.
    """
    noise = sampler.noise_floor
    if n == 1:
        return
    # An estimate of 0 within its error: above the rounding of the values the window's
    # smallest stencil reaches, not of f's largest sampled. Under a steep exponential f can
    # be 1e100 times larger at the first steps than near x, where its own swing reads as a
    # noise far below that rounding, and a far window's quotients are near 0 next to f's
    # values over h**n. (One with digits is judged as before: that rounding would have
    # the loop read on through f's cancellation noise, log(1 + t**2) at 0.03, n = 2: 43
    # calls more for no verdict.)
    level = quiet
    if estimate.error >= abs(estimate.value):
        reach = estimate.smallest * max(map(abs, stencil(estimate.kind, n)[0]))
        level = _quiet_near(sampler, reach, quiet)
    if not noise > max(known, SHOWN * level):
        return
    spacing, above, fell = estimate.smallest / (16.0 * _GOLDEN), math.nan, False
    for _ in range(SWING_LOOKS):
        spacing /= 16.0
        fine = _fourth_near(sampler, spacing)
        if fine is None:
            return  # stairs, the float grid or the domain's end: no evidence
        # The values' rounding, or t rounded inside f (`_rounded_argument`) if larger: a
        # multiple k t rounded moves f by its slope times about (|x| + offset) eps / 2, a
        # sawtooth that a smooth f's reads level onto, far above f's own rounding where f
        # is small for its slope.
        argument = abs(fine[1]) * (abs(sampler.x) + sampler.offset)
        rounding = ROUNDING * _EPS * max(fine[2], argument)
        if fine[0] > rounding:
            # Reads of noise vary by far less from spacing to spacing than SWING-fold
            fell = fell or fine[0] * SWING <= above
            above = fine[0]
            continue
        # Smooth to rounding here: fallen into it as a smooth f falls (65536-fold a
        # 16-fold spacing, at most, from a read far below the noise), or dropped from a
        # stair's height (within one stair: reads of stairs are rarely SWING times below).
        # A smooth f's read here is the one above over SMOOTH_FALL, give or take this
        # read's rounding: it can be up to that far below it (a fall of 7.6e4 to 5.9e-108).
        if not fell or above > min(SMOOTH_FALL * (fine[0] + rounding), noise / SWING):
            return
        raise NumericalError(
            f"the noise measured in f's values near x={sampler.x!r} ({noise:.3g}) is f's "
            f"own variation: below the steps of the difference quotients (down to "
            f"{estimate.smallest:.3g}) f's 4th differences fall as a smooth function's do, "
            f"to the rounding of its values (or of t inside f) at a spacing of {spacing:.3g}, "
            "not from a stair's height. f varies on a scale finer than those "
            f"steps, and their quotients of order {n} saw its swings, not its rounding; "
            "write f with calcweb's functions (calcweb.sin, ...) for exact derivatives"
        )


def _smooth_below(
    sampler: Sampler, smallest: float, noise: float, rounding: float
) -> tuple[float, float, float] | None:
    """Where ``f``'s 4th differences drop from ``noise`` to rounding, below steps ``smallest``.

    The spacing, ``f``'s slope there and the swing (the largest 4th
    differences above it, at least ``noise``), or None. Rounding: ``rounding``,
    or ``ROUNDING`` eps of the largest ``|f|`` there if smaller (noise that
    fades with ``|f|``, as ``sin(t) - t``'s near 0, is no drop). From just below the walk's
    smallest step, 16-fold each (4-fold where the noise stops showing: not
    all the way down, where noise that is rounding goes on showing): they
    must show the noise there (above ``noise / SHOWN``; `_bumps` where one
    reads less), go on showing it, and drop within ``rounding`` in one
    4-fold step. Those of a smooth ``f`` resolved by the walk fall 256-fold
    a 4-fold step from wherever they begin (a crest of ``sin(1949.76 t +
    2.92)``: 1.5e-3, 5.8e-6, 2.3e-8, ...), and noise that is rounding in
    ``f``'s argument fades with ``f``'s slope toward a crest (``sin(6476504.12
    t + 1.237)`` on a line at 0.93: 1.4e-14, 1.1e-14, 1.2e-15, 1.9e-16, for
    a noise of 1.6e-14): both pass ``noise / SHOWN`` on the way. Stairs never
    fall (their neighbours turn equal: None); noise measured elsewhere need
    not show here.
    """
    # In the golden ratio to the walk's steps: at steps that halve, f can alias to a
    # smooth function (the 0.015 / 2**k of that example: values 47, 37, 26, 15, 3 ulps).
    spacing = smallest / (16.0 * _GOLDEN)
    first = _fourth_near(sampler, spacing)
    if first is not None and first[0] <= noise / SHOWN:
        first = _bumps(sampler, spacing)  # small by chance? at two more spacings
    if first is None or first[0] <= noise / SHOWN:
        return None  # the noise does not show just below the walk's steps
    swing = max(noise, first[0])
    for _ in range(SWING_LOOKS):
        spacing /= 16.0
        fine = _shown(sampler, spacing, noise)
        if fine is None:
            return None  # stairs, the float grid or the domain's end: no evidence
        if fine[0] > noise / SHOWN:
            swing = max(swing, fine[0])
            continue  # the noise still shows
        # It no longer shows: did it stop within 4-fold of here, or of 16 times here?
        between = _shown(sampler, 4.0 * spacing, noise)
        if between is None:
            return None
        if between[0] <= noise / SHOWN:
            spacing, fine = 4.0 * spacing, between
        if fine[0] > min(rounding, ROUNDING * _EPS * fine[2]) or not fine[1]:
            # Falling, not dropping: as a smooth f resolved on this scale (256-fold a
            # step), or noise that fades with f's slope toward a crest (rounding in t),
            # or with |f| (sin(t) - t near 0: its values' own rounding fades faster).
            return None
        return spacing, fine[1], swing  # dropped in one 4-fold step
    return None


def _shown(sampler: Sampler, spacing: float, noise: float) -> tuple[float, float, float] | None:
    """`_fourth_near` ``spacing``, or where it reads below ``noise / SHOWN``, `_bumps` there."""
    fine = _fourth_near(sampler, spacing)
    if fine is not None and fine[0] <= noise / SHOWN:
        return _bumps(sampler, spacing)  # small by chance? at two more spacings
    return fine


def _fourth_near(sampler: Sampler, spacing: float) -> tuple[float, float, float] | None:
    """`_fourth_at` ``spacing``, or where that says nothing, at it over the golden ratio.

    Equal neighbours by chance in a wide swing are rarely at two spacings; stairs are.
    """
    found = _fourth_at(sampler, spacing)
    return _fourth_at(sampler, spacing / _GOLDEN) if found is None else found


def _bumps(sampler: Sampler, spacing: float) -> tuple[float, float, float] | None:
    """``f``'s 4th differences at ``spacing`` about ``x`` as a noise, its slope, its largest |f|.

    The largest of three (`_fourth_at`, at ``spacing`` over powers of the
    golden ratio, the first three that say something of five): one can be
    small by chance (a stair's edge near a point whose weight is small), and
    steps can alias ``f`` to a smooth function. None where fewer say.
    """
    found = []
    for k in range(5):
        bump = _fourth_at(sampler, spacing / _GOLDEN**k)
        found += [bump] if bump is not None else []
        if len(found) == 3:
            return max(bump[0] for bump in found), found[0][1], max(bump[2] for bump in found)
    return None


def _fourth_at(sampler: Sampler, spacing: float) -> tuple[float, float, float] | None:
    """``f``'s 4th difference at ``spacing`` about ``x`` as a noise, its slope, its largest ``|f|``.

    Read as `Sampler.irregular_noise` reads noise, at points unequally
    spaced: at equal spacings a staircase on a line (``(1e8 + sin t) -
    1e8``, stairs of 1.5e-8) gives 4th differences of whole stairs, often 0.
    None where it says nothing: two neighbouring values are equal (stairs),
    the spacing is within 4 ulp(``x``) (`_check_resolved` judges the float
    grid), or a point is outside the domain.
    """
    x = sampler.x
    offsets = (-_GOLDEN, -1.0, 0.0, 1.0 / _GOLDEN, _GOLDEN**2)
    points = [x + c * spacing if c else x for c in offsets]
    if not 4.0 * math.ulp(x) < spacing < math.inf or len(set(points)) < len(points):
        return None
    try:
        values = [sampler(point) for point in points]
    except (DomainError, NumericalError):
        return None
    if 0.0 in _differences(values):
        return None
    weights = _weights(4, [(point - x) / spacing for point in points])
    # Differences from f(x), exact for values this close: the products with f's own
    # values (1e3 there) would round by more than the ulps sought.
    here = values[2]
    total = math.fsum(w * (v - here) for w, v in zip(weights, values, strict=True))
    bump = 3.0 * abs(total) / math.sqrt(math.fsum(w * w for w in weights))
    slopes = _weights(1, [(point - x) / spacing for point in points])
    slope = math.fsum(w * (v - here) for w, v in zip(slopes, values, strict=True)) / spacing
    return bump, slope, max(map(abs, values))


def _check_grid(sampler: Sampler, estimate: Estimate, n: int) -> None:
    """Refuse an estimate by which ``f`` varies on fewer than ``GRID`` float spacings near ``x``.

    The floats near ``x`` are ``u = ulp(x)`` apart, and ``f`` is known only
    there. A function of a period below ``u`` (``sin`` at ``|x| > 2**53``)
    is, at the floats of a binade, ``sin(x0 + k theta)`` for the ``k``-th
    float, ``theta = u`` modulo ``2 pi``: where ``theta`` is near 0, a smooth
    function of ``k`` of a scale of ``1 / |theta|`` spacings, the same at
    every float as ``G(t) = sin(x0 + theta (t - x) / u)``, whose derivative
    (``cos(x0) theta / u``) is what the walk finds; no sample tells the two
    apart. ``sin`` at 1e240 (``theta`` = 0.0686) answered -3.7e-226 +-
    2.2e-226 for ``cos(1e240)`` = -0.9995, from quotients at 19, 5 and 1 ulps;
    at 4e234 (``theta`` = -0.00041) -3.75e-224 +- 6e-226 for 0.065, from
    steps of 1237 down to 39 ulps. So a scale of ``f`` on the float grid is
    not taken for one of ``f``: the scale the walk's window shows (``1 /
    s``, ``f^(k+1) ~ s f^(k)``: `_growth`, the rate `_refine` also reads)
    must span ``GRID`` float spacings. This is a policy, not a
    test the samples can pass or fail: with ``theta`` as good as random from
    binade to binade, the scale of such an alias is above ``GRID`` (2896)
    spacings, and the answer a lie, in a fraction ``2 / (2 pi GRID)`` =
    1.1e-4 of them; and an ``f`` whose scale near ``x``, as the window
    shows it, is below ``GRID`` spacings is refused with them: ``sin`` and
    ``cos`` (scale 1) at ``|x| >= 2**41`` (2.2e12, where ``u >= 2**-11``:
    ``cos`` at 7.8e12 was 0.987 +- 0.067; not a window whose steps are far
    above that scale, which shows none: ``sin`` at 33614626641256.94 is
    -2e-12 +- 0.936 for -0.936, no digit, from an alias `_contradicted`
    widens), ``sin(k t)`` with ``1 / k``
    below ``GRID`` ulp(``t``) (``k`` above about 3e12 at ``|t|`` near 0.5;
    34 of 35 random draws, the other hidden as below), and ``f`` within about 5 ``GRID``
    spacings of a pole or branch point (the scale `_growth` reads there is a
    third to a fifth of the distance): ``log(t - 1)`` at ``1 + 1e-13``, 450
    spacings from it, was 1.0008e13 +- 1.3e12, ``1 / (t - 0.5 + 1e-12)`` at
    0.5 (9007 spacings) -1e24 +- 8.2e21. The scale is the window's: where
    ``k t`` rounded inside ``sin(k t)`` moves its quotients, it can be below
    ``f``'s own (``k`` = 95598239436.02031 at 0.8418526380982316: 94219
    spacings, refused; it was -4.70e10 +- 1.4e10) or hidden (``k`` =
    69025321729484.93 at -0.5125834041024158: 130 spacings, answered +- 22%).
    Where measured, the answers refused had fewer than 3 digits.
    The walks of one-sided stencils
    (next to an edge of the domain of ``f``) are not judged: `_growth`
    reads the central expansion.

    Raises:
        NumericalError: If ``f``'s scale near ``x`` is below ``GRID`` float spacings.
    """
    rows = estimate.window
    if estimate.kind != "central" or len(rows) < 2 or not estimate.value:
        return
    size = max(abs(value) for value in sampler.values.values())
    level = max(max(2.0 * _EPS, sampler.relative_noise) * size, sampler.noise_floor, _TINY)
    rate = _growth(n, rows, estimate.value, level)  # s h1; NaN: no truncation above the noise
    x, spacing = sampler.x, math.ulp(sampler.x)
    if not rate * GRID * spacing > rows[1][0]:
        return
    scale = rows[1][0] / rate
    raise NumericalError(
        f"f varies on the scale of the float spacing near x={x!r}, too few floats for calcweb "
        f"(a policy). Its scale, as the difference quotients show it, is {scale:.3g}, "
        f"{scale / spacing:.3g} float spacings ({spacing:.3g}), fewer than {GRID:.0f}; at so few "
        "floats f can be the same as functions of other derivatives (sin at 1e240, of period "
        "2 pi far below the spacing, is at each of them sin(x0 + 0.0686 k), smooth in k); "
        "write f with calcweb's functions (calcweb.sin, ...) for exact derivatives"
    )


def _within_reach(spacing: float, estimate: Estimate) -> bool:
    """Whether the noise tests at ``spacing`` start within the first window that resolved f.

    That is the first window whose best entry has digits and rests on
    quotients that differ (`_resolves`), unless its probe refuted it
    (`_Walk.unresolve`); any spacing is, if none did. The
    tests compare the 5-point stencil at the spacing with the one at twice
    it, which reaches 4 spacings from ``x``: that must be within the
    window's first step. (A third stencil, at 4 times the spacing, is taken
    only where the 4th difference grew 8-fold from the first to the second,
    as smoothness does; five equal values widen the spacing 16-fold at a
    time, up to ``widest``: those can reach beyond it.)

    Above that step the quotients did not follow the expansion to an entry
    with digits: ``f`` varies on a finer scale, and at a spacing on that scale
    its 4th differences are ``f`` itself, not noise; the noise is not measured
    there. ``exp(-2290.8 t) sin(244936 t + 0.67432)`` at 0 has its largest
    ``|f|``, 6e14, at the first step, -0.015, and a first derivative's noise
    spacing (where ``f`` changes by twice ``quiet`` at the slope) was 1.2e-5,
    half a period of ``f``: taken for noise of 3.5, with which the walk done
    again answered 1930.6 +- 6e4, for 189896.98 (its first window began at
    9.2e-7). Below a quarter of that step a spacing is measured however wide: where the
    slope is tiny the stairs of ``f`` show only there (``tanh(t) - t`` at
    -1.95e-9, whose first window began at the first step: at 5e-5, where
    ``tanh`` is rounded to ulp(1e-4)). A spacing within that step whose
    stencil at twice it is not shows ``f`` too: ``exp(2383.7 t) sin(1520310
    t + 0.080174)`` at 0, first window at 9.2e-7, spacing 7.2e-7 (0.17 of a
    period of ``f``): the spread of its 2nd differences, ``f``'s own, was
    taken for noise of 2.57, with which the walk done again answered 10754
    +- 7e4, for 1515617.3 (`Sampler._second_difference_noise`).

    Examples:
        >>> estimate = Estimate(1.0, 0.0, 0, 0.015, "central", resolved=9.2e-7)
        >>> _within_reach(1.2e-5, estimate), _within_reach(2.3e-7, estimate)
        (False, True)
        >>> _within_reach(7.2e-7, estimate)
        False
        >>> _within_reach(1.2e-5, Estimate(1.0, 0.0, 0, 0.015, "central"))
        True
    """
    return not 4.0 * spacing > estimate.resolved > 0.0


def _drifts(sampler: Sampler, spacing: float, estimate: Estimate, quiet: float) -> bool:
    """Whether the values around ``x`` leave the walk's slope by more than its error allows."""
    return _drift(sampler, spacing, estimate, quiet) > 0.0


def _drift(sampler: Sampler, spacing: float, estimate: Estimate, quiet: float) -> float:
    """How far the values around ``x`` leave the estimate's slope beyond what it allows, or 0.

    At the noise spacing (its 5 points computed) the central quotient at
    twice the spacing must be the estimate, to within its error, the
    truncation there (4/3 of the 3rd difference, in values) and ``quiet``
    (`_off_slope`, as `_local_drift` at the spacing itself), where it
    `_matters`. ``cos(t) - 1 + t**2 / 2`` at 2.8e-9 is ``t**2 / 2`` exactly near ``x``
    (slope ``x``), while the walk's steps, in the stairs of ``cos`` beyond
    1e-8, settled on -5.8e-15. A drift above 8 ``quiet`` (64 eps of the
    largest ``|f|``: no rounding) counts even where `_matters` says the noise
    that made it cannot matter: at a spacing within one stair of a staircase
    the drift is the stair's own slope, not a part of its height, which can
    be any multiple of it (``t (1 - tanh t)`` at 6.3747: 1.05e-18, 13 times
    ``quiet``, on stairs 7.1e-16 high and 9.6e-12 wide; the window at steps
    0.048 to 0.006, across many stairs, was 2.17 times its error off).
    """
    x = sampler.x
    try:
        step = representable_step(x, _noise_spacing(x, spacing))
    except NumericalError:
        return 0.0
    points = [x + k * step for k in (-2, -1, 1, 2)]
    if not all(point in sampler.values for point in points):
        return 0.0
    low, below, above, high = (sampler.values[point] for point in points)
    third = high - 2.0 * above + 2.0 * below - low
    drift = _off_slope(estimate, low, high, 4.0 * step) - 4.0 / 3.0 * abs(third)
    return drift if drift > quiet and (_matters(drift, estimate) or drift > 8.0 * quiet) else 0.0


def _off_slope(estimate: Estimate, below: float, above: float, width: float) -> float:
    """How far ``f`` at ``x -+ width / 2`` (``below``, ``above``) leaves the slope beyond its error.

    ``above - below`` is ``width`` times the slope, plus the truncation and
    the part of the noise of the two values that is odd about ``x``; the
    estimate's error allows ``width`` times that error. Negative where it
    allows more.

    Examples:
        >>> walk = Estimate(2.0, 0.5, 0, 1.0, "central", smallest=0.01)
        >>> _off_slope(walk, 1.0, 4.0, 1.0)  # |3 - 2| beyond 0.5
        0.5
        >>> _off_slope(walk, 1.0, 3.25, 1.0)  # within it
        -0.25
    """
    return abs(above - below - width * estimate.value) - width * estimate.error


def _matters(drift: float, estimate: Estimate) -> bool:
    """Whether noise that moved the values near ``x`` by ``drift`` can matter to ``estimate``.

    Noise that high, or 16 times higher (the drift over a few spacings can be a
    small part of a stair), moves the quotients at the smallest step by more
    than the error.

    Examples:
        >>> walk = Estimate(2.0, 0.5, 0, 1.0, "central", smallest=0.01)
        >>> _matters(0.5, walk), _matters(0.0003, walk)  # 16 x 0.0003 < 0.5 x 0.01
        (True, False)
    """
    return 16.0 * drift > estimate.error * estimate.smallest


def _noise_down_to(sampler: Sampler, smallest: float, widest: float, quiet: float) -> float:
    """The noise at ``x`` at spacings from half the smallest step down, 16-fold each, or 0.

    Stairs beyond a neighbourhood of ``x`` where ``f`` is smooth show at a
    spacing that reaches them, once it is small enough for the smooth part's
    4th difference to fall below them.
    """
    spacing = smallest / 2.0
    for _ in range(4):
        noise = _noise_beside(sampler, sampler.x, spacing, widest, quiet)
        if noise:
            return noise
        spacing /= 16.0
    return 0.0


def _disagrees(estimate: Estimate) -> bool:
    """Whether a window at larger steps with a digit settled outside the estimate's bars."""
    return any(abs(v - estimate.value) > e + estimate.error for v, e in estimate.larger)


def _settled_above(estimate: Estimate) -> bool:
    """Whether two consecutive quotients at larger steps agree on a value outside the bars.

    Quotients that approach the estimate as ``c h**p`` differ from each
    other by at least as much as the later one is from it (central, steps
    halved: ``3 c h**2 / 4`` against ``c h**2 / 4``; one-sided: ``c h / 2``
    both), so the bars of their agreement (`Estimate.above`) reach it; two
    that agree with each other better than with the estimate settled on
    another value, even where no window of three formed (``t (1 - tanh t)``,
    ``n = 2`` at 15.012: 1.063e-11 and 1.139e-11 at steps 0.047 and 0.012,
    then stairs in the stencils, and 0 +- 4.2e-16 on one stair at steps
    1.1e-5 and 5.7e-6, for 1.024e-11). Only an estimate of 0 within its
    error is judged so (`_noise_near`).

    Examples:
        >>> zero = Estimate(0.0, 1e-16, 0, 1.0, "central", above=((1.1e-11, 8e-13),))
        >>> _settled_above(zero), _settled_above(replace(zero, above=((1.1e-11, 2e-11),)))
        (True, False)
    """
    return any(abs(v - estimate.value) > e + estimate.error for v, e in estimate.above)


def _stairs_unevenly(
    sampler: Sampler, estimate: Estimate, n: int, widest: float, quiet: float
) -> float:
    """The noise of ``f`` at unequally spaced points about ``x``, or 0.

    Stairs can fall symmetrically about ``x`` at every spacing (``x`` near
    the middle of a stair): stencils about ``x`` then read them as far
    smaller than they are, and a walk again with that noise can rest on
    them (gelu at -6.0, ``n = 2``: ``1 + erf`` rounds to 2**-53, stairs of
    3.3e-16 in ``f`` and 9e-9 wide; the noise read 7.4e-23 at 9.4e-7, and
    the walk with it answered 1.218e-8 +- 2.1e-10 for -2.0658e-7 at steps
    of 4.6e-6 and 2.3e-6, while the window of the walk before, at larger
    steps, had -2.0658e-7). Measured only for an estimate that may rest on
    stairs as `_noise_near` judges it (`_maybe_on_stairs`): at the smallest
    step and the next two in the golden ratio (`Sampler.irregular_noise`),
    then 16 times larger, until one shows noise, up to the smaller of 16
    times the window's largest step and ``widest`` (gelu at -7.3, ``n =
    2``: stairs about 5e-5 wide, the smallest step 4.5e-5). The largest
    noise measured is taken, unless it is above ``1 / SWING`` of the range
    of ``f`` sampled: that is ``f``'s own curvature at a spacing on its
    scale, not stairs (``sin(1137366.46 t + 1.5835)``, ``n = 4``, at
    -0.004644589880629577: 0.158 at 5.7e-7, where ``k h`` is 0.65, and the
    walk done again with it kept a far window, -3e-4 +- 2e5 for -1.6e15).
    Below that, ``f``'s curvature still reads as noise at spacings on its
    scale: where the estimate's quotients show truncation (`_truncation_shown`),
    the spacings stop where it puts that scale, as in `_noise_up_from`
    (`_scale_spacing`: ``sin(9274019.27 t + 0.2385)``, ``n = 4``, on a line at
    -0.8168434142422785: the window's quotients put it at 2.6e-7, the spacings
    from 1.8e-8 read 0.008, ``f`` spanning 2, and the walk done again with that
    kept a far window, 8.3e24 +- 2.1e27 for 7.4e27). Below it too, readings
    that grow with the spacing as ``f``'s smooth part does are that part, no
    stairs (`_curving`), and none is taken.
    """
    if not _maybe_on_stairs(sampler, estimate, n):
        return 0.0
    top = min(widest, 16.0 * max(step for step, _ in estimate.window))
    # Not where the estimate's own truncation puts f's scale (as `_noise_up_from`).
    scaled = n == 1 or estimate.error < abs(estimate.value)
    scale = (
        _scale_spacing(estimate) if scaled and _truncation_shown(sampler, estimate, n) else math.inf
    )
    spacing = estimate.smallest
    noise = previous = 0.0
    while spacing <= top:
        for _ in range(3):
            if spacing > scale:
                break
            reading = sampler.irregular_noise(spacing, quiet)
            if _curving(sampler, spacing, reading, previous, quiet):
                return 0.0  # f's smooth part, no stairs (the noise measured before stays)
            noise, previous = max(noise, reading), reading
            spacing *= _GOLDEN
        if noise:
            break
        spacing *= 16.0 / _GOLDEN**3
    # Above f's swings (`_beyond_scale`'s SWING) the 4th differences are f itself.
    return noise if noise <= _spread_sampled(sampler) / SWING else 0.0


# A noise reading at a spacing golden times the last that grows this much (half as
# f's smooth part does, as spacing**4), twice, is that smooth part (`_curving`).
_CURVING = _GOLDEN**4 / 2.0


def _curving(
    sampler: Sampler, spacing: float, reading: float, previous: float, quiet: float
) -> bool:
    """Whether noise readings at ``spacing / golden`` and ``spacing`` grow as ``f`` itself does.

    `Sampler.irregular_noise` reads ``f``'s smooth part too, its 4th
    derivative times ``spacing**4``: ``golden**4`` (6.85) times larger at
    each spacing in the golden ratio, while noise does not grow. Readings
    that grow ``_CURVING`` times from ``previous`` to ``reading``, and again
    at the next spacing (one more reading: noise seldom grows so twice, as
    in `Sampler.measure_noise`), are ``f``'s curvature, no stairs: to grow
    so, the smooth part must be at least 0.7 times the noise at ``previous``
    already, and the readings show no noise far above what their smooth part
    explains.
    ``sin((x0 + t 2**27) + B)`` at 0, ``B`` = -1.1e13 rounding the argument
    to 2**-36 of ``t`` (stairs of 3e-4; hessscan's ``H[0][0]`` of ``sin(p0 +
    b p1**2)``, ``n = 2``): 0.0012, 0.0032, 0.0158 and 0.104 at spacings
    1.5e-9 to 6.3e-9 (``k h`` 0.2 to 0.85), and the walk done again with
    0.0158 kept a window at steps 7.6e-7 to 4.8e-8 (``k h`` a whole number
    of turns plus an angle that quarters with ``h``): -5.9e12 +- 6.7e15, for
    -1.712e16, where the walk before had -1.744e16 +- 4.1e15.
    """
    if not (previous and reading >= _CURVING * previous):
        return False
    return sampler.irregular_noise(spacing * _GOLDEN, quiet) >= _CURVING * reading


def _scale_spacing(estimate: Estimate) -> float:
    """The largest spacing at which `_noise_up_from` measures: `_on_its_scale` at 32 times it.

    There the truncation of the quotient at the estimate's smallest step,
    grown as ``h**2`` (central) or ``h`` (one-sided), reaches the derivative
    itself; inf where that quotient is the estimate.
    """
    smallest, last = estimate.window[-1]
    gap = abs(last - estimate.value)
    if not gap > 0.0:
        return math.inf
    # _on_its_scale(32 s): gap * (32 s / smallest)**p > |value|, p = 2 (central) or 1.
    ratio = abs(estimate.value) / gap
    return smallest / 32.0 * (math.sqrt(ratio) if estimate.kind == "central" else ratio)


def _maybe_on_stairs(sampler: Sampler, estimate: Estimate, n: int) -> bool:
    """Whether the estimate can rest on one stair of a staircase times a smooth factor.

    So it can where a window at larger steps with a digit contradicts it
    (`_disagrees`), and it is of order 2 or more and of 0 within its error,
    or its quotients show no truncation (`_untruncated`). Either is
    contradicted also by two quotients at larger steps that settled
    elsewhere (`_settled_above`): ``(1 - cos t) / t**2`` at
    0.001193979933110368 is ``1 - cos t`` rounded to ulp(1), stairs 9e-14
    wide, times ``1 / t**2``; on one stair it is ``c / t**2``, whose
    quotients at 3.4e-15 and 1.7e-15 gave ``-2 f(x) / x``, -837.558 +- 0.359
    for -9.95e-5, while those at 0.015 and 0.0075 agreed on -9.9497e-5 and
    no window formed there. So can one whose quotients show truncation,
    where a quotient just above its window is far off the expansion they
    show (`_noise_above`).
    """
    zero = n > 1 and estimate.error >= abs(estimate.value)
    unproven = zero or _untruncated(estimate) or _noise_above(sampler, estimate, n) > 0.0
    contradicted = _disagrees(estimate) or (unproven and _settled_above(estimate))
    return contradicted and unproven


def _unheard_stairs(
    sampler: Sampler, estimate: Estimate, n: int, stairs: tuple[Estimate, float]
) -> tuple[Estimate, float]:
    """``stairs``, the slope missed widened to windows at larger steps that contradict ``estimate``.

    ``stairs``: the first walk's estimate and the slope its window missed
    (`_missed_stairs`). Where that estimate stands, no noise was heard (or
    only a junction of ``f``: `_walked_with_noise`), it can rest on one stair
    (`_maybe_on_stairs`), and ``f`` jumps where the quotients above its window
    leave it (`_leaves_at_a_jump`), the stairs stand between it and the windows
    at larger steps that settled outside its bars, and either may be right:
    its error reaches the far side of the farthest one's bars
    (``exp(1e3 t) + sin(1e10 + t)``, ``n = 2`` at 0: stairs 1.9e-6 wide; the
    window at 7.6e-7 and 1.9e-7 gave 1000000.0033 +- 0.117, within its error
    of both quotients, while the one at larger steps settled on 1000000.397
    +- 0.106, for 1000000.4875: now +- 0.4996). A kink beside ``x`` leaves
    them continuously, and the window on its one side stands.
    """
    walked, missed = stairs
    if estimate is not walked or not _maybe_on_stairs(sampler, estimate, n):
        return stairs
    value, error = estimate.value, estimate.error
    far = [abs(v - value) + e for v, e in estimate.larger if abs(v - value) > e + error]
    if not far or not _leaves_at_a_jump(sampler, estimate, n):
        return stairs
    return walked, max(missed, *far)


def _far_stairs(
    sampler: Sampler, estimate: Estimate, n: int, stairs: tuple[Estimate, float]
) -> tuple[Estimate, float]:
    """``stairs``, the slope missed widened to twice one ``f`` shows far out but not up close.

    Stairs wider than the window's steps (``g(X + c t)`` with ``X`` huge,
    beside a steep ``exp(k t)``: stairs ``w`` with ``|k| w`` from 1 to 1000s)
    leave no trace in the window, which sits on one stair, nor in the
    quotients above it, where the steep part's truncation dwarfs them. Far
    out on the side where the steep part has died away, the walk's farthest
    points show the stairs' slope (`_far_flat_slope`), which the window's
    estimate may miss (``13.15 exp(356786 t) + 0.227 cos(3.7e11 + 1.47 t)``
    at 0, stairs 4.2e-5 wide: 4692261.128 +- 1.1e-6 for 4692260.878; the
    points at -4.7e-4 and -9.4e-4 rise at 0.267, and ``f`` is flat at -4.7e-4
    at the window's smallest step: now +- 0.533). Between two points ``m >=
    1`` stairs apart lie ``floor(m)`` edges or more: their secant is at least
    half the stairs' slope (two points on one stair have equal values, and
    two less than a stair apart with an edge between them rise faster).
    """
    walked, missed = stairs
    if n != 1 or not estimate.window:
        return stairs
    slope = _far_flat_slope(sampler, estimate)
    return (walked, max(missed, 2.0 * slope)) if slope else stairs


def _far_flat_slope(sampler: Sampler, estimate: Estimate) -> float:
    """How steep ``f`` is between the walk's farthest points on its flatter side, or 0.

    Of the two sides' secants (`_far_secant`, where ``f`` rises nowhere as
    fast as the estimate) above its error and below an 8th of it (a slope
    that large beside a steep part is no gentle slow part's: a fast term's
    swings, as ``sin(a s**2)`` beside ``c s**3``), the smaller is the one
    where a steep part has died away. It counts only where ``f``'s own slope
    at the secant's nearer point, at the window's smallest step (one more
    call), is below a 64th of it, while that step times the secant is 8
    times the rounding of ``f`` there: a smooth ``f`` of that slope is not
    flat there, and within a stair ``f`` is flat (but for the tail of the
    steep part).
    """
    clear = 16.0 * estimate.window[0][0]
    found = [
        secant
        for side in (1.0, -1.0)
        if (secant := _far_secant(sampler, side, (clear, estimate.step), abs(estimate.value)))
    ]
    secants = [s for s in found if estimate.error < s[0] < abs(estimate.value) / 8.0]
    if not secants:
        # A side flat within the error as far as the walk reached may be one stair
        quiet = [s for s in found if s[0] <= estimate.error]
        return _farther_flat_slope(sampler, estimate, min(quiet)[1]) if quiet else 0.0
    secant = min(secants)
    slope, own = _flat_slope_at(sampler, estimate, secant)
    if slope or not own < abs(estimate.value) / 64.0:
        return slope
    return _farther_flat_slope(sampler, estimate, secant[1])


def _flat_slope_at(
    sampler: Sampler, estimate: Estimate, secant: tuple[float, float, float, float]
) -> tuple[float, float]:
    """(``secant``'s slope where ``f`` is flat at its nearer point, else 0; ``f``'s slope there).

    ``secant``: (slope, side, distance, value), as `_far_secant` gives it.
    ``f``'s own slope is taken at the window's smallest step (one more call);
    flat: below a 64th of the secant's, which moves ``f`` by 8 times its
    rounding over that step.
    """
    slope, side, near, at_near = secant
    step = estimate.smallest
    try:
        beside = sampler(sampler.x + side * (near + step))
    except (DomainError, NumericalError):
        return 0.0, math.inf
    rounding = 4.0 * _EPS * max(abs(beside), abs(at_near))
    own = abs(beside - at_near) / step
    flat = own <= slope / 64.0 and slope * step > 8.0 * rounding
    return (slope if flat else 0.0), own


def _farther_flat_slope(sampler: Sampler, estimate: Estimate, side: float) -> float:
    """The slope of `_flat_slope_at` between 4 and 16 times the walk's reach on ``side``, or 0.

    Where the steep part had not died away at the walk's farthest points
    there (its slope is far below the estimate, and above the secant's), as
    where the walk's first steps overflowed on the other side and it sampled
    no farther on this one (``5.42 exp(848417 t) + 0.258 sin(-2.05e12 +
    1.99 t)`` at 0: its points reach -5.9e-5, within the stair at 0, 1.2e-4
    wide), or where ``f``'s slope there is within the estimate's error, as
    on one stair (``0.0659 exp(941528 t) + 4.23 cos(9.49e12 + 1.14 t)``: the
    stair at 0 is 1.7e-3 wide, the points reach -5.9e-5): two more calls,
    out to the walk's first step at most.
    """
    reach = max(
        abs(point - sampler.x) for point in sampler.values if (point - sampler.x) * side > 0.0
    )
    if 16.0 * reach > estimate.step:
        return 0.0
    try:
        inner = sampler(sampler.x + side * 4.0 * reach)
        outer = sampler(sampler.x + side * 16.0 * reach)
    except (DomainError, NumericalError):
        return 0.0
    slope = abs(outer - inner) / (12.0 * reach)
    if not estimate.error < slope < abs(estimate.value) / 8.0:
        return 0.0
    return _flat_slope_at(sampler, estimate, (slope, side, 4.0 * reach, inner))[0]


def _far_secant(
    sampler: Sampler, side: float, within: tuple[float, float], steep: float
) -> tuple[float, float, float, float] | None:
    """(slope, side, distance, value) of ``f`` from its farthest point on ``side`` inwards.

    The points are those sampled ``within`` (least, most) of ``x`` (the
    walk's first step at most: points farther out, as a noise test's where
    ``|f|`` is largest, show the slow part's curvature too). The secant runs
    to the farthest point where ``f`` differs from its value there (equal
    values lie on one stair); None where there is none, or where ``f`` rises
    ``steep`` or faster between two neighbouring points there.
    """
    clear, first = within
    far = sorted(
        (abs(point - sampler.x), value)
        for point, value in sampler.values.items()
        if (point - sampler.x) * side > 0.0
        and abs(point - sampler.x) <= first
        and math.isfinite(value)
    )
    if not far:
        return None
    farthest, at_far = far[-1]
    inner = [(distance, value) for distance, value in far if clear <= distance < farthest]
    differing = [(distance, value) for distance, value in inner if value != at_far]
    if not differing:
        return None
    near, at_near = differing[-1]
    rises = itertools.pairwise([*inner, far[-1]])
    if any(abs(b - a) >= steep * (far_b - far_a) for (far_a, a), (far_b, b) in rises):
        return None  # f swings there (cos at 1e5), or its steep part has not died away
    return abs(at_far - at_near) / (farthest - near), side, near, at_near


def _leaves_at_a_jump(sampler: Sampler, estimate: Estimate, n: int) -> bool:
    """Whether ``f`` jumps where the quotients above the window first leave the estimate.

    Its expansion as the window shows none (`_untruncated`): the estimate
    itself, and a quotient above it ``STAIR_SCORE`` times its rounding and
    the estimate's error off it ends the search (`_jump_at`).
    """
    if not estimate.window:
        return False
    flat = _Fit(estimate.value, estimate.error, 0.0, 0.0, estimate.window[0][0], 0.0)
    for step, quotient, rounding in sorted(estimate.before):
        if abs(flat.off(step, quotient)) > STAIR_SCORE * flat.allowed(step, rounding):
            return _jump_at(sampler, estimate.kind, n, flat, step)
    return False


def _untruncated(estimate: Estimate) -> bool:
    """Whether every quotient the estimate rests on is within its error of it.

    Such quotients show no truncation: over the window's steps ``f`` is what
    its stencils differentiate exactly, as ``c t / 2`` is on one stair of gelu
    far in its tail, and they show no scale of ``f`` either. Quotients that
    differ by more, as the expansion predicts, have resolved ``f``: a window
    at larger steps that settled elsewhere is then ``f``'s own truncation
    there, which that window's error leaves out (``sqrt(q0 q1 + q1**2 + q2**2
    + q3**2)`` along ``q2``, ``n = 2``: 1.054e36 +- 4e33 at larger steps for
    1.0430559641e36 +- 4e26), not stairs. The first quotient, at the
    largest step, may be off by a stair's edge instead (`_edge_first`).

    Examples:
        >>> _untruncated(Estimate(1.0, 1e-9, 0, 1.0, "central", window=((2e-5, 1.0 + 5e-10),)))
        True
        >>> _untruncated(Estimate(1.0, 1e-9, 0, 1.0, "central", window=((2e-5, 1.0 + 5e-9),)))
        False
    """
    window = estimate.window
    within = [abs(q - estimate.value) <= estimate.error for _, q in window]
    return bool(within) and (all(within) or (all(within[1:]) and _edge_first(estimate)))


def _noise_above(sampler: Sampler, estimate: Estimate, n: int, *, noisy: bool = False) -> float:
    """The noise a quotient just above the window shows off the window's expansion, or 0.

    A window whose first quotient is off it by more than its rounding claims
    ``f``'s expansion over the steps where that truncation ``T``, grown as ``h**p``
    (central: ``p = 2``) or faster (`_truncation_power`), stays below a 16th
    of the derivative: a quotient the walk took there is within ``(2 + 14 s)
    T`` of it, and its rounding, ``s`` = 16 ``T / |f'|`` (0 to 1 there): the
    expansion's next terms are a share of its first that falls with it
    (``exp(2e3 t) + sin(4e10 + t)`` at 0, ``sin``'s argument rounded to
    stairs 7.6e-6 wide: the window at 9.2e-7 to 1.1e-7, on one stair, gave
    2000.0000000007 +- 1.9e-9, for 1999.5506, while the quotient at 7.3e-6,
    where ``T`` is 0.07 and ``s`` 5.7e-4, was 1999.603, 0.4 off; 16 ``T``
    passed it). One within its rounding shows no scale of ``f``,
    and a quotient above it can be off by ``f``'s own (a kink 2.8e-4 from
    ``x``: `test_a_kink_beside_a_jump_is_no_noise`), unless ``f`` is known
    ``noisy`` (the noise tests found noise, if too little): then its
    truncation is at most that rounding, grown alike (``(1 - cos t) /
    t**2`` at 7.9e-7, stairs 1.4e-10 wide, read as 1.4e-7: the quotients at
    3.5e-12 and 8.7e-13, on one stair, were -1263540.1133 within their
    rounding, 6e-5, for -6.6e-8, while the one at 2.2e-10 was 322421.7). One
    farther off saw values of ``f`` off by at least that excess times ``(c
    h)**n / sum |w|`` (`combine`): noise, and the window can rest on one stair
    of a staircase times a smooth factor, which it differentiates exactly
    (``(1 - cos t) / t**2`` at -1.97e-7: ``1 - cos t`` rounded to 2**-53,
    stairs 0.6 % of ``f`` and 5.6e-10 wide; on one stair ``c / t**2``, whose
    quotients at 2.2e-10 to 1.4e-11 fell as ``h**2`` to 5070735.39 +- 4.5e-5,
    for 1.64e-8, while the one at 8.9e-10, where that truncation is 208, was
    -1318907.6: noise of at least 5.7e-3). The noise tests can read such
    stairs far lower where they fall nearly evenly (9.3e-6 at 2.2e-10).
    """
    if not estimate.window:
        return 0.0
    first, first_quotient = estimate.window[0]
    try:
        first_rounding = sampler.quotient(estimate.kind, n, first)[1]
    except (DomainError, NumericalError):
        return 0.0
    if not (noisy or abs(first_quotient - estimate.value) > first_rounding):
        return 0.0  # no truncation shown, and no expansion claimed
    _, weights, spacing = stencil(estimate.kind, n)
    power = _truncation_power(estimate)
    # The window's truncation at its first step, at most: each quotient's grown to it,
    # or the first's rounding, which hides any below it.
    grown = (abs(q - estimate.value) * (first / h) ** power for h, q in estimate.window)
    gap = max(first_rounding, *grown)
    noise = 0.0
    for step, quotient, rounding in estimate.before:
        truncation = gap * (step / first) ** power
        if truncation > abs(estimate.value) / 16.0:
            continue  # beyond the scale the window puts f's on
        # The expansion's next terms are a share of its first that falls with it (as
        # (h / L)**2 beside (h / L)**4, L the scale of f): 1 to 15 times it, the
        # truncation 0 to a 16th of the derivative (the stairs of exp(2e3 t) + sin(4e10 + t)).
        share = 16.0 * truncation / abs(estimate.value) if truncation else 0.0
        allowed = (2.0 + 14.0 * share) * truncation
        excess = abs(quotient - estimate.value) - allowed - 4.0 * rounding
        excess -= estimate.error
        shown = excess * (spacing * step) ** n / math.fsum(map(abs, weights))
        noise = max(noise, shown)
    return noise


# A quotient above a window off the expansion its two rows fit by this many times what
# that fit leaves uncertain may see stairs the window sits within (`_missed_stairs`) ...
STAIR_SCORE = 2.0
# ... over steps where that fit's second term and its uncertainty stay below 1 / this of its first
STAIR_FIT_RANGE = 16.0
# The first step where it is off is bracketed to 2**-this of the steps between (`_jump_at`),
# for at most this many fits
STAIR_HALVINGS = 8
STAIR_BISECTIONS = 2


@dataclass(frozen=True)
class _Fit:
    """Two window rows' quotients as ``value + first r**2 (1 + share r**2)``, ``r = h / base``.

    ``base``: the larger step of the two; ``first``: the truncation there,
    ``share`` the part of it that grows as ``h**4``; ``spread``: the relative
    uncertainty of their distances from the value (rounding and the
    estimate's error), which leaves ``share`` uncertain by about ``2 spread``.
    """

    value: float
    error: float
    first: float
    share: float
    base: float
    spread: float

    def off(self, step: float, quotient: float) -> float:
        """How far ``quotient`` at ``step`` is from the fit."""
        square = (step / self.base) ** 2
        return quotient - self.value - self.first * square * (1.0 + self.share * square)

    def reaches(self, step: float) -> bool:
        """Whether the fit's second term, and its uncertainty, are small at ``step``."""
        square = (step / self.base) ** 2
        small = 1.0 / STAIR_FIT_RANGE
        return abs(self.share) * square <= small and 2.0 * self.spread * square <= small

    def allowed(self, step: float, rounding: float) -> float:
        """What the fit leaves uncertain at ``step``.

        Its third term (as the second's share squared), the share's
        uncertainty, the quotient's rounding and the estimate's error.
        """
        square = (step / self.base) ** 2
        share = self.share * square
        uncertain = share * share + 2.0 * self.spread * square
        return abs(self.first) * square * uncertain + 4.0 * rounding + self.error


@dataclass(frozen=True)
class _ThreeRowFit(_Fit):
    """Three rows' quotients as ``value + first s (1 + share s + third s**2)``.

    ``s = (h / base)**2``, ``base`` the largest step of the three (as in
    `_Fit`, whose ``spread`` this one does not use). ``nodes``: each row's
    ``s`` and what blurs its distance from the value (its rounding and the
    estimate's error). Beyond them the fit is uncertain by what those blurs
    move it (the weight of each row in the fit at ``s``) and by its next
    term, grown from its last two as they grow.
    """

    third: float = 0.0
    nodes: tuple[tuple[float, float], ...] = ()

    def off(self, step: float, quotient: float) -> float:
        """How far ``quotient`` at ``step`` is from the fit."""
        square = (step / self.base) ** 2
        terms = 1.0 + self.share * square + self.third * square * square
        return quotient - self.value - self.first * square * terms

    def reaches(self, step: float) -> bool:
        """Whether the fit's third term, and what the blurs move it, are small at ``step``."""
        square = (step / self.base) ** 2
        small = abs(self.first) * square / STAIR_FIT_RANGE
        return abs(self.first * self.third) * square**3 <= small and self._blurred(square) <= small

    def allowed(self, step: float, rounding: float) -> float:
        """What the fit leaves uncertain at ``step``: its next term, its rows' blurs, and more.

        As `_Fit.allowed`: the quotient's rounding and the estimate's error too.
        """
        square = (step / self.base) ** 2
        third = abs(self.first * self.third) * square**3
        growth = abs(self.third / self.share) * square if self.share else 1.0
        return third * growth + self._blurred(square) + 4.0 * rounding + self.error

    def _blurred(self, square: float) -> float:
        """How far the rows' blurs can move the fit at ``square``: sum |weight| blur."""
        total = 0.0
        for i, (node, blur) in enumerate(self.nodes):
            weight = square / node  # the fit is 0 at s = 0: a node there too
            for j, (other, _) in enumerate(self.nodes):
                if j != i:
                    weight *= (square - other) / (node - other)
            total += abs(weight) * blur
        return total


def _three_row_fit(
    value: float, error: float, rows: list[tuple[float, float, float]]
) -> list[_Fit]:
    """The fit (`_ThreeRowFit`) of three rows (step, quotient, rounding), the first the largest.

    None (an empty list) where its first term is 0: no share of it to measure.
    """
    base = rows[0][0]
    nodes = [((h / base) ** 2, q - value, r + error) for h, q, r in rows]
    # value + sum d_i L_i(s), L_i the Lagrange basis on the nodes and s = 0:
    # L_i(s) = s (s - a)(s - b) / (s_i (s_i - a)(s_i - b)), a and b the other nodes.
    cube = square = linear = 0.0
    for i, (node, distance, _) in enumerate(nodes):
        a, b = (other for j, (other, _, _) in enumerate(nodes) if j != i)
        weight = distance / (node * (node - a) * (node - b))
        cube += weight
        square -= weight * (a + b)
        linear += weight * a * b
    if not linear:
        return []
    blurs = tuple((node, blur) for node, _, blur in nodes)
    spread = sum(blur / abs(distance) for _, distance, blur in nodes)
    return [_ThreeRowFit(value, error, linear, square / linear, base, spread, cube / linear, blurs)]


def _fits(sampler: Sampler, estimate: Estimate, n: int) -> list[_Fit]:
    """The fits (`_Fit`) of each two consecutive rows that show truncation alike, and of each three.

    The window's rows, and the row just above it with its first: where the
    window's own rows are blurred by rounding, that pair can still fit its
    expansion far above it (``0.1224 exp(-826.19 t) + 3.446 sin(-178779929672.7
    + 1.349 t)`` at 0: the window's at 9.2e-7 and 2.3e-7 reach to 3.7e-6, and
    with the row at 3.7e-6 they reach the stairs, at 1.5e-5). Two rows' fit
    guesses its third term as its second's share squared; three measure it
    (`_ThreeRowFit`), and allow far less where it is small (``8.677
    exp(708.2 t) + 0.1787 cos(-7414175136360.073 + 1.679 t)`` at 0: stairs
    5.8e-4 wide; the quotient at 9.4e-4, 0.37 off, where the rows at 2.3e-4,
    5.9e-5 and 1.5e-5 allow 0.064, and two of them 0.22).
    """
    fits = []
    value, error = estimate.value, estimate.error
    rows = [(h, q, _rounding_at(sampler, estimate.kind, n, h)) for h, q in estimate.window]
    rows = sorted(estimate.before)[:1] + rows
    for (h0, q0, r0), (h1, q1, r1) in itertools.pairwise(rows):
        d0, d1 = q0 - value, q1 - value
        # Both far above what blurs them, and of one sign: truncation, not rounding. Signs
        # compared, not a product: d0 * d1 underflows to 0 for an f of 1e-160.
        beyond = abs(d0) > 4.0 * (r0 + error) and abs(d1) > 4.0 * (r1 + error)
        if not beyond or (d0 > 0.0) != (d1 > 0.0):
            continue
        square = (h1 / h0) ** 2
        share = ((d0 / d1) * square - 1.0) / (1.0 - square)
        if abs(share) > 1.0 / STAIR_FIT_RANGE:
            continue  # no reach above its rows
        spread = (r0 + error) / abs(d0) + (r1 + error) / abs(d1)
        fits.append(_Fit(value, error, d0 / (1.0 + share), share, h0, spread))
    for three in zip(rows, rows[1:], rows[2:], strict=False):
        distances = [q - value for _, q, _ in three]
        alike = min(distances) * max(distances) > 0.0
        blurs = [4.0 * (r + error) for _, _, r in three]
        if alike and all(abs(d) > blur for d, blur in zip(distances, blurs, strict=True)):
            fits += _three_row_fit(value, error, list(three))
    return fits


def _beside_stairs(stairs: tuple[Estimate, float], value: float) -> float:
    """The error an answer ``value`` needs beside stairs the first walk's window missed.

    ``stairs``: that window's estimate and the slope it missed (`_missed_stairs`,
    `_unheard_stairs`; 0: none).
    """
    walked, missed = stairs
    return missed + abs(value - walked.value) if missed else 0.0


def _missed_stairs(sampler: Sampler, estimate: Estimate, n: int) -> float:
    """How far a quotient above the window is off its expansion where stairs show, or 0.

    ``g(X + t)`` with ``X`` huge rounds ``t`` to stairs ulp(``X``) wide; beside
    a steep smooth term the walk's window can sit within one stair, where
    ``g``'s part is constant, and miss its slope, with a tiny error
    (``0.0402 exp(181.09 t) + 5.062 sin(-2234493835107.921 + 0.4426 t)`` at
    0: stairs 1.1e-3 wide, the window at 1.2e-4 to 7.3e-6 gave 7.27683 +-
    1.5e-9 for 7.86273). Two or three consecutive rows fit the window's
    expansion (`_fits`); a quotient at a larger step, where that fit holds, off it by
    ``STAIR_SCORE`` times what it leaves uncertain (1.87e-3: 0.69, where the
    fit of the rows at 4.7e-4 and 1.2e-4 allows 1.8e-5) can see the stairs,
    or a kink or ``f``'s own next terms.
    Only a jump shows stairs (`_jump_at`, bisected for at most
    ``STAIR_BISECTIONS`` fits); then the slope they add is at most twice that
    distance: a quotient that spans stairs sees their rise over its step,
    at least half their slope once it spans one edge (2/3 where ``x`` is in
    the middle of a stair, as at 0 here), about it where it spans many.
    """
    if estimate.kind != "central":
        return 0.0
    bisections = 0
    for fit in _fits(sampler, estimate, n):
        above = [(h, q, r) for h, q, r in estimate.before if h > fit.base]
        above += [(h, q, 0.0) for h, q in estimate.window if h > fit.base]
        flagged = []
        for step, quotient, rounded in sorted(above):
            if not fit.reaches(step):
                break
            rounding = rounded or _rounding_at(sampler, estimate.kind, n, step)
            off = fit.off(step, quotient)
            if abs(off) > STAIR_SCORE * fit.allowed(step, rounding):
                flagged.append((step, off))
        if not flagged:
            continue
        if _jump_at(sampler, estimate.kind, n, fit, flagged[0][0]):
            return max(abs(off) for _, off in flagged)
        bisections += 1  # 2 calls a halving
        if bisections == STAIR_BISECTIONS:
            break
    return 0.0


def _rounding_at(sampler: Sampler, kind: str, n: int, step: float) -> float:
    """The rounding bound of the quotient at ``step`` (inf where it fails)."""
    try:
        return sampler.quotient(kind, n, step)[1]
    except (DomainError, NumericalError):
        return math.inf


def _jump_at(sampler: Sampler, kind: str, n: int, fit: _Fit, far: float) -> bool:
    """Whether ``f`` jumps where its quotients first leave ``fit`` between its base and ``far``.

    The steps are bisected (``STAIR_HALVINGS`` times) to ``[near, far]``,
    the quotient at ``near`` within ``STAIR_SCORE`` times the fit's
    allowance, at ``far`` beyond it. The parts off the fit, ``off (h /
    base)**n`` (as ``f``'s values), rose there by ``rise``; a step ``far -
    near`` farther they rise about as much again where ``f`` is continuous
    (a kink: a slope; the fit's own error: a smooth curve), far less at a
    stair's edge (within one stair ``f`` is smooth): a jump is a rise of at
    least half the part at ``far`` and 4 times that rise beyond and the
    rounding of both.
    """
    near = fit.base
    aside = _aside(sampler)  # the checks after it read the walk's values, not these

    def part(step: float) -> tuple[float, float, float, float]:
        quotient, rounding, step = aside.quotient(kind, n, step)
        scale = (step / fit.base) ** n  # f's values, in units that do not underflow
        off, allowed = fit.off(step, quotient), fit.allowed(step, rounding)
        return off * scale, allowed * scale, rounding * scale, step

    try:
        low, _, _, near = part(near)
        high, _, rounding, far = part(far)
        for _ in range(STAIR_HALVINGS):
            value, allowed, blur, middle = part(near + (far - near) / 2.0)
            if middle in (near, far):
                break
            if abs(value) > STAIR_SCORE * allowed:
                high, rounding, far = value, blur, middle
            else:
                low, near = value, middle
        beyond, _, blur, _ = part(far + (far - near))
    except (DomainError, NumericalError):
        return False
    finally:
        sampler.calls = aside.calls
    rise = high - low
    return abs(rise) >= abs(high) / 2.0 and abs(rise) > 4.0 * (abs(beyond - high) + rounding + blur)


def _truncation_power(estimate: Estimate) -> float:
    """The power of ``h`` the window's truncation grows as: ``p``, or faster as its first two show.

    Truncation is a series in ``h**p`` (central: in ``h**2``) whose first term
    can be small at ``x`` (the Lorentzian ``1 / (1 + (1e6 t)**2)`` at 1e-6: its
    window's quotients near -5e5 fell 16-fold per halved step, as ``h**4``, from
    1.34 at 5.7e-8; grown as ``h**2`` that put 343 at 9.2e-7, where it is 74700).

    Examples:
        >>> window = ((2e-8, 1.0 + 1.6e-5), (1e-8, 1.0 + 1e-6))
        >>> round(_truncation_power(Estimate(1.0, 1e-12, 0, 1.0, "central", window=window)), 6)
        4.0
    """
    power = 2.0 if estimate.kind == "central" else 1.0
    if len(estimate.window) < 2:
        return power
    (h0, q0), (h1, q1) = estimate.window[:2]
    d0, d1 = abs(q0 - estimate.value), abs(q1 - estimate.value)
    if not d0 > d1 > 0.0:
        return power
    return max(power, math.log(d0 / d1) / math.log(h0 / h1))


def _edge_first(estimate: Estimate) -> bool:
    """Whether the window's first quotient is off by a stair's edge, not by truncation.

    Truncation shrinks as ``h**p`` (central: ``p = 2``): had the first
    quotient's distance been truncation, the second's would be that times
    ``(h1 / h0)**p``, more than twice the error, outside the bars it is
    within. ``(1 - cos t) / t**2`` at 0.00711036789297659: 36.2 at
    6.2e-15, then -140.66, -140.64, -140.57 at 1.6e-15 to 1.9e-16 (one
    stair, ``c / t**2``), -140.55 +- 2.95 for -5.9e-4; truncation would have left the
    second 11 off, not 0.11.
    """
    if len(estimate.window) < 2:
        return False
    (h0, q0), (h1, _) = estimate.window[:2]
    ratio = h1 / h0
    shrink = ratio * ratio if estimate.kind == "central" else ratio
    return abs(q0 - estimate.value) * shrink > 2.0 * estimate.error


def _noise_up_from(
    sampler: Sampler, estimate: Estimate, n: int, widest: float, quiet: float
) -> float:
    """The noise at ``x`` at spacings from the smallest step up, 16-fold each, to ``widest``, or 0.

    A higher derivative's window can rest on one stair of a staircase times a
    smooth factor (gelu at -7.8: ``1 + erf(t / sqrt 2)`` is 7e-15 there,
    rounded to ulp(1), stairs 1.6 % of ``f`` and 9e-4 wide, times ``t / 2``):
    the values there lie on a smooth line, their 4th differences are 0 and the
    quotients agree on its derivative, 0 within their rounding, while a
    window at larger steps with a digit settled elsewhere (`_disagrees`).
    Spacings that span several stairs show them (4.66e-16 there, at 2.4e-4).
    Not only within the first window that resolved ``f`` (`_within_reach`):
    that window can itself lie within one stair (gelu at -7.36, ``n = 2``:
    it began at 5.6e-6). An estimate with digits rests on one stair just as
    well: a first derivative (gelu at -7.79: the stair's ``c t / 2`` gave
    3.2e-15 +- 4e-24, for -1.97e-13) or one of ``c t**2`` (``n = 2``: ``2
    c``). Only estimates whose quotients show no truncation (`_untruncated`)
    and those of 0 within their error are measured so (`_noise_near`):
    quotients that show truncation have resolved ``f``, and at a spacing on
    its scale the 4th differences are ``f`` itself (``cos`` at 1000, ``n =
    4``: a far-field window at large steps disagreed, and ``f`` at spacings
    up to 0.6 read as noise 2.33). Quotients within an error that is large
    can still be on that scale (``sin(9271530 t + 1.4599)`` at -0.8391, ``n
    = 2``: -1.3125e13 +- 6.8e12, quotients 1.6 % apart at steps of 4.8e-8 to
    6e-9; measured up to 0.16, ``f`` read as noise 0.81, and the walk done
    again with it answered -325 +- 3564): the test of smoothness needs
    ``f``'s expansion to hold over its stencils, which reach 8 spacings
    (its third, at 4 times the spacing), so the spacings stop where the
    estimate's own quotients put the truncation at 4 times that reach at the
    derivative itself (at 8 spacings a sixteenth of it for central quotients,
    whose truncation grows as ``h**2``, a quarter for one-sided ones, as
    ``h``: `_on_its_scale`), if the quotient at the smallest step is off the
    estimate by more than its rounding (`_truncation_shown`): within it, that
    distance is no truncation, and shows no scale.
    Of order 2 or more, an estimate of 0 within its error (``c t / 2``
    differentiated twice) shows no scale that way (any truncation is above
    0), and none is needed: quotients near 0 that a window with a digit
    contradicts are no resolved ``f``. What a kink within the stencils
    shows is no noise (`_kinked`: ``abs`` at 1e-7, whose quotients at steps
    below 1e-7 are all 1, reads the kink at 0 as noise of 1e-7). A spacing
    whose stencils (4 spacings from ``x``) stay within the points the
    window's quotients rest on sees only what they saw: it is skipped. The
    last spacing short of ``widest`` is raised to it: stairs wider than the
    stencils at the spacings before show there (gelu at -8.3193, ``n =
    5``: a stair 0.13 wide, where the spacing after 0.023 would be 0.36, and
    ``widest`` is 0.18). Each spacing is measured against the rounding of
    the values its stencils reach (`_quiet_near`), not of ``f``'s largest
    ones, which the walk's first steps can put far above the stairs (gelu
    at -8.1058, ``n = 5``: stairs of 4.7e-16 and 1.2e-15 at 0.044 and 0.18,
    where ``quiet`` is 1.1e-14). A noise found below ``quiet`` can be what
    is left where the stairs fell symmetrically or evenly at that spacing
    (``t (1 - tanh t)`` at 14.22, ``n = 3``: 4.3e-21 at 2.7e-5, for stairs
    1.6e-15 high), so the larger spacings are measured too, and the largest
    noise is taken. A noise above ``1 / SWING`` of the range of ``f`` sampled
    is ``f``'s own swings at a spacing on its scale, not stairs (as in
    `_stairs_unevenly`), and the spacings stop there: a rounding-limited
    window's quotients show no truncation (``sin(8281189.98 t + 1.043)``,
    ``n = 4``, on a line at -0.8157), and at 7.15e-8, ``k h`` 0.59 radians,
    the 4th differences read as noise 0.044 (``f`` spans 2), with which the
    walk done again kept a far window: 2.1e6 +- 1.7e11 for 4.879e25.
    So is a noise whose 4th differences fall from its spacing down toward the
    window as a smooth ``f``'s do (`_falls_as_smooth`), and the spacings stop
    there too: ``8.31 s**4 + sin(1.84 s**2)`` at 306.4, ``n = 3``, whose
    window resolved the sine (1.25e9 +- 4.2e8, for 1.26e9), quotients at
    larger steps settling on the quartic's, read as a noise of 2.39 at 1.2e-3
    (reads of 0.30, 0.022 and 0.0014 there, at half and at a quarter of it),
    and the walk done again with it kept the quartic's ``f'''``: 61108.4 +-
    0.0017.
    """
    scaled = n == 1 or estimate.error < abs(estimate.value)
    scaled = scaled and _truncation_shown(sampler, estimate, n)
    offsets = stencil(estimate.kind, n)[0]
    seen = max(step for step, _ in estimate.window) * max(map(abs, offsets))
    swings = _spread_sampled(sampler) / SWING  # above this, not stairs (`_stairs_unevenly`)
    spacing = estimate.smallest
    noise = 0.0
    for _ in range(4):
        if widest < spacing < 16.0 * widest:  # the last spacing: widest itself
            spacing = widest
        if spacing > widest or (scaled and _on_its_scale(32.0 * spacing, estimate)):
            break
        if 4.0 * spacing <= seen:
            spacing *= 16.0
            continue
        # At the rounding of the values the stencils reach, not of f's largest ones;
        # noise below quiet can be what is left of stairs that fell evenly here.
        near = _quiet_near(sampler, 8.0 * spacing, quiet)
        measured = _noise_beside(sampler, sampler.x, spacing, widest, near, kinks=True)
        if not measured and n == 1 and not sampler.several:
            measured = _symmetric_stairs(sampler, spacing, near)
        if measured > swings and not _sudden(sampler, spacing, measured, near):
            break  # f's own swings at a spacing on its scale: wider ones too
        if measured and _falls_as_smooth(sampler, spacing, measured, near, estimate.smallest):
            break  # f's smooth part down to the window's steps, where the walk resolved f
        noise = max(noise, measured)
        if noise > quiet:
            break
        spacing *= 16.0
    return noise


def _falls_as_smooth(
    sampler: Sampler, spacing: float, noise: float, quiet: float, finest: float
) -> bool:
    """Whether ``noise``, read at ``spacing``, is ``f``'s smooth part: its 4th differences fall.

    The noise tests read 4th differences at up to 4 times the spacing
    (`Sampler.measure_noise`); a smooth ``f``'s grow at most ``STEEPEST``-fold
    a doubling, so the read at ``spacing`` itself, grown so twice, must reach
    the noise: on one stair ``(cosh t - 1) / t**2`` at -1.85e-7 is a smooth
    ``c / t**2``, whose reads fall 16-fold a halving from 3.5e-11 at
    2.3e-10, where its stairs read as a noise of 0.0093.

    Read at spacings halving from ``spacing`` down to ``finest`` (`_fourth_at`),
    they must fall below an 8th of the read before twice in a row: once
    resolved, a smooth ``f``'s fall 16-fold a halving (as the spacing's 4th
    power; faster only where its 4th derivative is near 0 at ``x``: ``STEEPEST``
    allows the 6th), and more slowly above its scale, while noise reads about
    the same at every spacing. A read more than ``STEEPEST`` times below the
    one before (give or take ``quiet``) is a drop, as from a stair's height or
    from part of one at an edge into the rounding within one stair (``(1 -
    cos t) / t**2`` at 0.0012: 5.5e-12, then 1.7e-16), and smooth falls below
    it explain nothing above. A read in the rounding ends the reads, and stairs
    whose neighbours turn equal give no
    verdict (`_fourth_at`: None).
    """
    falls, previous = 0, None
    while spacing >= finest and falls < FALLS:
        found = _fourth_at(sampler, spacing)
        if found is None:
            return False
        if previous is None and found[0] * STEEPEST**2 < noise:
            return False  # the noise was read at larger spacings, beyond f's smooth part
        if previous is not None:
            if found[0] + quiet < previous / STEEPEST:
                return False  # a drop, as from a stair's height: no smooth f falls so
            falls = falls + 1 if found[0] < previous / 8.0 else 0  # else not yet resolved
        if found[0] <= quiet and falls < FALLS:
            return False  # in the rounding: no fall below shows anything
        previous, spacing = found[0], spacing / 2.0
    return falls == FALLS


def _sudden(sampler: Sampler, spacing: float, noise: float, quiet: float) -> bool:
    """Whether ``noise``, measured at ``spacing``, is stairs: at a 16th of it ``f`` is smooth.

    ``f``'s own swings are smooth: the noise tests' stencils reach 4 times
    the spacing (`Sampler.measure_noise`), and a sine's 4th differences at a
    16th of the spacing are at least ``64**-4`` of those there, whatever its
    phase but one in about ``1e10`` (0.044 at 7.15e-8 for ``sin(8281189.98 t
    + 1.043)``: 2.3e-8 at 4.5e-9). A staircase times a smooth factor is
    smooth within one stair: its 4th differences there are within the
    rounding ``quiet``, however high the stairs (``(1 - cos t) / t**2`` at
    1.1398058462585211e-06: stairs 8.5e-5 high and 1e-10 wide, larger than
    ``f``'s whole variation over the walk's steps, 1e-3; at 7e-12 the 4th
    difference is 0). Where one stair's own smooth factor still shows at a
    16th (``c / t**2`` at 1.1e-7: 1.3e-15 at 7.3e-12, for ``quiet`` 9e-16), a
    256th is tried, if the noise is above ``1024**4`` times ``quiet`` (1.1e-16
    at 4.5e-13).
    """
    for fraction in (16.0, 256.0):
        if not noise > (4.0 * fraction) ** 4 * quiet:  # swings could hide below the rounding
            return False
        try:
            fine = sampler._fourth_difference(representable_step(sampler.x, spacing / fraction))
        except NumericalError:
            return False
        if fine is None:
            return False
        if abs(fine[0]) <= quiet:
            return True
    return False


def _symmetric_stairs(sampler: Sampler, spacing: float, quiet: float) -> float:
    """The noise of stairs that fall symmetrically about ``x``, at unequal spacings, or 0.

    Stairs can fall so that the values at ``x +- k spacing`` leave ``f(x)`` by
    equal and opposite amounts at every golden spacing, and their 4th
    differences are exactly 0 (``(1 - cos t) / t**2`` at
    -0.0034822416710518873, stairs 1.3e-11 high and 3e-14 wide, from
    6.8e-15 to 1.7e-12; the walk kept one
    stair, ``c / t**2``: 287.12 +- 1.35 for 2.9e-4). Unequally spaced points
    (`Sampler.irregular_noise`) see them. What a kink among the points shows is
    no noise (`_kinked`). Asked for first derivatives of one variable only
    (`_noise_up_from`): on a line, unequal spacings read the rounding of its
    coordinates near a kink as noise (``m sqrt(p0 p1 + p1**2)`` beside its
    branch point, `test_a_kink_beside_a_jump_is_no_noise`).
    """
    noise = sampler.irregular_noise(spacing, quiet)
    return 0.0 if noise and _kinked(sampler, sampler.x, spacing, noise) else noise


def _truncation_shown(sampler: Sampler, estimate: Estimate, n: int) -> bool:
    """Whether the quotient at the estimate's smallest step is off it by more than its rounding.

    Only then is that distance truncation, from which `_on_its_scale` reads
    the scale of ``f``. ``t (1 - tanh t)`` at 7.591201414186939 (``1 - tanh``
    rounded to 2**-53: stairs 1.1e-10 wide and 8.4e-16 high) had its window
    on one stair, the quotients 5.098e-7 and 5.0955e-7 at steps 1.7e-12 and
    8.3e-13, whose rounding bounds are 1e-9 and 2.1e-9: the second's 8.5e-11
    from the estimate, read as truncation, would reach ``|f'|`` at steps of
    6.4e-11, and stopped the spacings after the first, 8.3e-13, within the
    stair (the next, 1.3e-11, shows the stairs: 9.1e-16).
    """
    smallest, last = estimate.window[-1]
    try:
        rounding = sampler.quotient(estimate.kind, n, smallest)[1]
    except (DomainError, NumericalError):
        return True
    return abs(last - estimate.value) > rounding


def _noise_beside(
    sampler: Sampler,
    point: float,
    spacing: float,
    widest: float,
    quiet: float,
    *,
    slope: float = 0.0,
    kinks: bool = False,
) -> float:
    """The noise of ``f`` at ``point``, tried at ``spacing`` and smaller ones in the golden ratio.

    The 4th differences of stairs are whole numbers of stairs, by chance 0
    (stairs that fall symmetrically, or evenly): at a spacing in an
    irrational ratio to the first, they fall otherwise. Stairs wider than
    those spacings can fall evenly at one and not at all at the smaller
    ones; given the ``slope`` of ``f``, the spread of the 2nd differences
    sees them (`Sampler._second_difference_noise`: stairs that fall 0, 1,
    1, 1, 2 spread them by 2 stairs). With ``kinks``, noise that the
    stencils' values show as a change of slope at one place (`_kinked`) is
    none: 0.
    """
    for _ in range(3):
        noise = sampler.noise_at(point, spacing, widest, quiet, slope)
        if noise:
            return 0.0 if kinks and _kinked(sampler, point, spacing, noise) else noise
        spacing /= _GOLDEN
    return 0.0


def _kinked(sampler: Sampler, point: float, spacing: float, noise: float) -> bool:
    """Whether the noise tests' values at ``point`` lie on two lines that meet at one place.

    `Sampler.measure_noise` compares 5-point stencils at the spacing, twice
    and 4 times it; one that reaches across a kink of ``f`` (a change of
    slope, as ``sqrt(p (p + c))`` has beside its branch point) has a 4th
    difference that grows with the spacing, as noise and stairs do not, and
    is taken for ``noise``. The values computed there then lie, on each side
    of the kink, within ``noise / 8`` of a line (a value off by ``noise``
    would leave the chord of its neighbours by about that): only the
    middle points of the two consecutive triples that straddle the kink
    (one, if it lies at a point) leave their chord, and both bend the same
    way (a convex or a concave corner). A stair is a jump, not a kink: its
    two triples bend opposite ways, and stairs wider than the spacing (the
    stairs of ``cos`` in ``cos(t) - 1 + t**2 / 2``, where they fell evenly
    at one spacing) give such a pair at each of their edges.
    """
    try:
        step = representable_step(point, _noise_spacing(point, spacing))
    except NumericalError:
        return False
    offsets = sorted({k * step * 2.0**j for k in range(-2, 3) for j in range(3)})
    points = [point + offset if offset else point for offset in offsets]
    known = [(t, sampler.values[t]) for t in points if t in sampler.values]
    bends = []
    for k in range(1, len(known) - 1):
        (a, fa), (m, fm), (b, fb) = known[k - 1 : k + 2]
        bend = fm - (fa * (b - m) + fb * (m - a)) / (b - a)
        if not abs(bend) <= noise / 8.0:  # nan: no line
            bends.append((k, bend))
    if len(bends) == 2:  # the kink between the two middle points, which bend one way
        return bends[1][0] == bends[0][0] + 1 and bends[0][1] * bends[1][1] > 0.0
    # A kink at a point, with two lines of at least three values each (a lone bend at
    # the second or the last but one value is also what a stair in the outer gap gives).
    return len(bends) == 1 and 2 <= bends[0][0] <= len(known) - 3


def _largest(sampler: Sampler) -> tuple[float, float] | None:
    """The point computed where ``|f|`` is largest, and the slope from ``x`` to it (None: ``x``)."""
    far = max(sampler.values, key=lambda point: abs(sampler.values[point]))
    if far == sampler.x:
        return None
    return far, abs(sampler.values[far] - sampler.values[sampler.x]) / abs(far - sampler.x)


def _relative_noise(
    sampler: Sampler,
    spacing: float,
    widest: float,
    quiet: float,
    floor: float,
    *,
    walked: float = 0.0,
) -> float:
    """The noise of ``f`` where ``|f|`` is largest, relative to ``|f|``, if above ``floor``.

    The noise measured at ``x`` (``floor``) is that of values of the size of
    ``f(x)``; a function rounded to a relative grid (single precision) is
    noisier where its values are larger, as at the walk's largest steps
    when ``f(x)`` is near 0. 0 if the noise there is no larger. Where it is
    larger, but the floor is above that fraction of ``|f(x)|``, the noise
    grows slower than ``|f|``, and relative to ``|f|`` it undercounts in
    between; the power of ``|f|`` through the two is kept as
    ``Sampler.growth`` (`Sampler.floor_for`). A noise of a quarter of ``|f|``
    there or more is no rounding grid (0): the 4th differences are ``f``'s
    own swings at a spacing above its scale, or ``f`` has lost its digits
    there, which says nothing of ``f`` near ``x`` (as in `_disagreeing_noise`).
    """
    largest = _largest(sampler)
    if largest is None or not sampler.values[largest[0]]:
        return 0.0
    far, slope = largest
    # Where f changes by about one of the stairs seen at x per spacing (the
    # slope from x to there): stairs as high as at x need no wider spacing.
    # The slope from x can be far below f's own where f oscillates between
    # (sin(1e13 t) at 0.3: 1.4e9 against 3.9e12; at the spacing 1.9e-13 it gives,
    # 1.9 radians of k t, f's 4th differences are its own swings, a "noise" 4.5
    # times |f|): the slope at x is then the larger. Too fine a spacing is safe
    # (`measure_noise` widens it while the values are equal); too wide a one
    # measures f as noise.
    # Where `_disagreeing_noise` measured at the slope a larger window settled on,
    # that is the sampler's slope, and it can be far below f's own too (sin(1.1366e12
    # t) at 0.4589: -8.8 from steps near 2e-3, the secant 6.0e7, the walk's window
    # -7.8e11; at the spacing 9.9e-13 the secant gives, 1.1 radians of k t, a "noise"
    # 3.8 times |f|): the walk's estimate (``walked``) is taken too, the largest wins.
    slope = max(slope, abs(sampler.slope), walked)
    noise = sampler.noise_at(far, floor / slope if slope else spacing, widest, quiet)
    if not noise > floor:
        return 0.0
    relative = noise / abs(sampler.values[far])
    if 4.0 * relative >= 1.0:
        # No rounding grid is a quarter of |f| coarse: the 4th differences there are
        # f's own swings, at a spacing above its scale (sin(exp(t)) at 19.08, n = 4:
        # the secant's slope, 1e10 below f's, gave a "noise" 3.67 times |f|), or f
        # has lost its digits there (`_disagreeing_noise`): nothing of f near x.
        return 0.0
    here = abs(sampler.values[sampler.x])
    if floor > relative * here > 0.0:
        # Noisier at x than relative to |f| there: the noise grows slower than |f|,
        # which undercounts it in between (`Sampler.floor_for`).
        exponent = math.log(noise / floor) / math.log(abs(sampler.values[far]) / here)
        sampler.growth = (here, exponent)
    return relative


def _walks_seeing(
    sampler: Sampler, n: int, first_step: float, enough: float
) -> tuple[Estimate, float]:
    """The walk (`_walks`) and its first step, from below any steps that missed ``f`` at ``x``.

    Steps that missed a feature of ``f`` at ``x`` (`_blind`), and those just
    below them, which see only its tails, say nothing of ``f`` there (their
    far-off quotients would read as noise: `_noise_above`): the walk is
    taken again (mostly over points already evaluated) from the widest step
    of the window that saw it, and all that follows starts there.
    """
    try:
        estimate = _walks(sampler, n, first_step, enough)
    except NumericalError:
        if sampler.seeing == math.inf:
            raise
        # No smaller stencil saw a feature either: f(x) alone off its neighbours was
        # rounding (exp(t) exp(-t) - 1 at 3.15 is 0 but at x), and the walk goes as before.
        sampler.seeing, sampler.looks_past = math.inf, False
        return _walks(sampler, n, first_step, enough), first_step
    if sampler.seeing < first_step and estimate.window:
        first_step = max(step for step, _ in estimate.window)
        estimate = _walks(sampler, n, first_step, enough)
    return estimate, first_step


def _walks(sampler: Sampler, n: int, first_step: float, enough: float) -> Estimate:
    """The central walk, or one-sided ones when no central stencil fits."""
    x = sampler.x
    kinds = ["central"] if n == 0 else ["central", "forward", "backward"]
    fitted = False
    for kind in kinds:
        try:
            estimate = _search(sampler, kind, n, first_step, enough)
        except _NoFitError:
            continue
        if estimate is None:
            fitted = True
            break  # the stencil fitted but never settled: one-sided ones would not either
        return estimate
    if not fitted and sampler.failed:
        shown = ", ".join(f"{point!r}" for point, _ in sampler.failed[:4])
        if not sampler.outside:  # f returned inf or overflowed: no domain to move into
            raise NumericalError(
                f"no difference stencil around x={x!r} fits where f is finite: f failed at "
                f"{shown} ({sampler.failed[-1][1]}). f's values beside x overflow the float "
                "range (or it has a pole there); scale f or its variables down"
            )
        raise DomainError(
            f"no difference stencil around x={x!r} fits in the domain of f: f failed at "
            f"{shown} ({sampler.failed[-1][1]}). Move x further inside the domain of f"
        )
    if sampler.swung is not None:
        swing, step = sampler.swung
        raise NumericalError(
            f"the difference quotients of order {n} at x={x!r} never settled at steps where "
            f"rounding is small: down to a step of {step:.3g} they moved by up to {swing:.3g} "
            "from one step to the next, far above their rounding, and agreed only at smaller "
            "steps, where the rounding of f is as large. f may have no derivative at x (as "
            "x cos(2 pi log2|x|) has none at 0) or vary on a scale finer than the steps; "
            "write f with calcweb's functions (calcweb.sin, ...) for exact derivatives"
        )
    raise NumericalError(
        f"the difference quotients of order {n} at x={x!r} never settled into the "
        "pattern that makes an error estimate trustworthy (f may oscillate faster than "
        "the smallest usable step, be non-smooth near x, or lose accuracy to rounding); "
        "write f with calcweb's functions (calcweb.sin, ...) for exact derivatives"
    )


def _check_one_sided(sampler: Sampler, estimate: Estimate, n: int = 1) -> float:
    """Refuse a derivative whose one-sided quotients disagree with the central ones.

    They disagree at a kink or a jump at ``x``, and can where ``f`` varies
    on a scale finer than the steps (``hypot(t, 1e-18)`` at 1e-18, smooth):
    the message says what was seen, not which of these it was.

    The central quotient of ``|x|`` at 0 is exactly 0 at every step: it
    converges to the mean of the one-sided derivatives, a derivative that
    does not exist. A forward quotient extrapolated once (steps h and h/2,
    most of them points already evaluated) must agree with it, within its
    truncation (judged from how far it moved), the noise of f and the
    error of the estimate; if it does not, extrapolated twice (h/4 too).
    So for every order: Huber's loss at its junction 1 has ``f'' = 1`` on
    the left and 0 on the right, and its central quotients are 0.5 at every
    step (to rounding);
    and a junction closer to ``x`` than the steps where an order ``n >= 2``
    is not rounding-limited is beyond the central quotients' sight (``e**t``
    left of ``c``, its quadratic at ``c`` right of it, ``n = 3`` at ``c +
    3.8e-8``: 0.79262 +- 1.75e-4, the mean of the two sides, for 0), but
    not of the forward quotient's at a point beyond it.

    Where the forward value is in doubt (`_one_side`), the backward one is
    compared too: a junction right of ``x`` is crossed by the forward
    stencils as by the central ones.

    Returns the estimate's error, widened where a forward value disagrees
    with the estimate beyond both errors (its own and the estimate's) but
    within the tolerance: that allows twice the estimate's error, so an
    estimate just past twice its error from a precise forward value was
    kept as it was (the same junction at ``c + 8.4e-6``: 0.0650 +- 0.0323,
    the forward value 3e-6 +- 0.0014, for 0). One of the two is wrong; the
    error now reaches the forward value, and its own error beyond. (That
    example itself is now refused: its forward value is in doubt, and the
    backward one, 0.18 from across ``c``, disagrees.)

    Of order 2 or more, where the forward and backward quotients show a jump
    of ``f^(n)`` that these checks let pass, both sides are noted first for
    the final error to hold (`_hold_both_sides`); of order 3 or more, the
    central quotients extrapolated in every power of the step too, which a
    kink of ``f^(n)`` needs (`_hold_every_power`).
    """
    if n >= 2:
        _hold_both_sides(sampler, estimate, n)
    if n >= 3:
        _hold_every_power(sampler, estimate, n)
    error, doubtful = _one_side(sampler, estimate, n, "forward")
    if not doubtful:
        return error
    # The right side disagrees without deciding (its stencils can cross a junction
    # right of x, where the central ones do too): the left side is asked the same.
    forward_at = sampler.doubted_at
    back_error, back_doubtful = _one_side(sampler, estimate, n, "backward")
    if n == 1 and back_doubtful and min(forward_at, sampler.doubted_at) < estimate.smallest:
        # Both sides leave it below its window: f may vary on a scale below its steps.
        steps = max(forward_at, sampler.doubted_at)
        sampler.unsettled_down_to = max(sampler.unsettled_down_to, steps)
    return max(error, back_error)


class _OddWindow(_Window):
    """A `_Window` of halving steps whose quotients' expansion has odd powers only.

    ``D(h) = L + c1 h + c3 h**3 + ...``: column ``j`` removes ``h**(2 j - 1)``.
    """

    def add(self, step: float, quotient: float, noise: float) -> None:
        row = [quotient]
        if self.rows:
            ratio = self.steps[-1] / step
            for j, previous in enumerate(self.rows[-1], start=1):
                power = ratio ** (2 * j - 1)
                row.append(row[j - 1] + (row[j - 1] - previous) / (power - 1.0))
        self.steps.append(step)
        self.quotients.append(quotient)
        self.noises.append(noise)
        self.rows.append(row)


def _hold_both_sides(sampler: Sampler, estimate: Estimate, n: int) -> None:
    """Note both one-sided values where they differ, so that the final error holds each.

    The forward quotient minus the backward one at the same step is odd in
    the step for smooth ``f`` (``n f^(n+1) h + ...``): extrapolated in odd
    powers (`_OddWindow`) over the window's steps and halvings below them, it
    goes to 0. A jump ``J`` of ``f^(n)`` at ``x``, or nearer ``x`` than the
    steps, adds ``J`` to it at every step, while the central quotients, which
    cross it too, see about ``J / 2`` and converge to the mean of the two
    sides as smooth ``f`` would: ``0.01 max(t - 0.5, 0)**2 + sin(3 t)`` at
    0.499, ``n = 2``, was -8.965714 +- 6.8e-4 for -8.975505 (the jump 0.001
    right of ``x``); the difference extrapolates to 0.019968 +- 2.3e-4, and
    the error, now 0.0205, holds both sides (a jump at ``x`` has no
    derivative; beside it, the side away from it is the derivative), each
    as far as the share of the jump the central quotients saw allows
    (`_sides_apart`: here the whole jump). Only
    widened, never refused: the refusals stay `_one_side`'s.

    Judged as the walk judges its tableau, each entry against the row below
    it too (`_judged`), with the rounding of ``f``'s values as floats: noise
    measured across a jump is the jump (there the difference's rounding
    bound at 0.2 was 1.75e-4 from the noise measured, 8.9e-14 as floats).
    Halvings below the window go on, up to ``SIDES_HALVINGS``, until the
    verdict stands (`_sides_settled`). Of order 2, where the odd part of the
    walk's own points, with that rounding too, already says the sides agree
    (`_odd_part_agrees`, no new call), nothing is taken: sin at 0.5 stays at
    30 calls.
    """
    steps = [step for step, _ in estimate.window]
    if len(steps) < 2:
        return
    aside = _aside(sampler)  # the checks after it read the walk's values, not these
    aside.noise_floor = aside.relative_noise = 0.0  # f's rounding as floats only
    if n == 2 and _odd_part_agrees(aside, estimate, "forward") is not None:
        return
    table = _OddWindow(1)
    best = None
    below = [steps[-1] / 2.0**k for k in range(1, SIDES_HALVINGS + 1)]
    for step in (*steps, *below):
        # The rounding the noise measured in f gives the newest difference (4 x f's noise
        # over step**n at most, from each side's stencil, whose weights sum to 2**n).
        measured = (
            2.0 ** (n + 3) * sampler.noise_floor / table.steps[-1] ** n if table.steps else 0.0
        )
        settled = best is not None and _sides_settled(table, best, estimate, measured)
        if step < below[0] and settled:
            break
        try:
            apart, rounding, taken = _sides_at(aside, n, step)
        except (DomainError, NumericalError):
            return  # f is not defined on a side: `_one_side` says so
        finally:
            sampler.calls = aside.calls
        if table.steps and taken >= table.steps[-1]:
            break  # below ulp(x) the step rounds back to the one before: no smaller one
        table.add(taken, apart, rounding)
        if len(table.rows) >= 3:  # to know when to stop; the verdict is `_judged`'s
            best = _better(table, len(table.rows) - 1, best)
    best = _judged(table)
    if best is not None and abs(best.value) > best.error:
        sampler.one_sided += [
            (estimate.value + side, best.error) for side in _sides_apart(estimate, best.value)
        ]


def _sides_apart(estimate: Estimate, jump: float) -> tuple[float, float]:
    """How far each side of a ``jump`` of ``f^(n)`` can lie from the central ``estimate``.

    The central quotients see half the jump where it is at ``x`` (and none
    where it is beyond their stencils): the sides are half the jump away. A
    jump a fraction of a step from ``x`` they see a share of that changes
    with the step, which moves them by as much as it changes; so a side can
    be farther than half, by as much as the window's quotients moved, up to
    the whole jump. ``0.0034 max(t - c, 0)**3 + sin(2.28 t)``, ``n = 3``,
    ``c = x + 0.0097``: -10.8137 +- 0.0026 at steps 0.25 to 0.031 (all
    across ``c``), for -10.8210; the forward and backward quotients
    differ by 0.020 +- 0.008 there, half of it did not reach. Where the
    quotients moved far less than the jump (``f``'s swings beyond its scale
    read as one), half stays.
    """
    quotients = [quotient for _, quotient in estimate.window]
    moved = max(quotients) - min(quotients)
    half = abs(jump) / 2.0
    side = half + min(half, moved)
    return -side, side


def _hold_every_power(sampler: Sampler, estimate: Estimate, n: int) -> None:
    """Note the central quotients extrapolated in every power of the step, for the error to hold.

    A kink of ``f^(n)`` at ``x`` (a jump of ``f^(n+1)``), or nearer ``x``
    than the steps, adds a term in ``|h|`` to the central quotients, which the
    walk's expansion in even powers does not have: it settles off the
    derivative, with an error about half as far (kscan56 seed 101, ``k
    max(t - c, 0)**6 + sin(a t)`` at ``c``, ``n = 5``: 122.8108 +- 0.0153 for
    122.7802). In every power (`_best` of a `_Window` of power 1), over the
    window and half and a quarter of its smallest step, they give 122.77996
    +- 0.0026, and the final error holds that value (`_held_by_one_sided`).
    Of order 3 or more, where the forward and backward quotients at those
    steps (`_hold_both_sides`) took their points already, and ``f`` is called
    once a point (`derivative`'s count): kscan56 seed 101 takes 103 calls
    with it and without. Smooth ``f`` agrees in both expansions.
    """
    steps = [step for step, _ in estimate.window]
    if len(steps) < 2:
        return
    aside = _aside(sampler)  # the checks after it read the walk's values, not these
    table = _Window(1)
    for step in (*steps, steps[-1] / 2.0, steps[-1] / 4.0):
        try:
            quotient, noise, taken = aside.quotient("central", n, step)
        except (DomainError, NumericalError):
            return
        finally:
            sampler.calls = aside.calls
        if table.steps and taken >= table.steps[-1]:
            break  # below ulp(x) the step rounds back to the one before: no smaller one
        table.add(taken, quotient, noise)
    best = _best(table)
    if best is not None:
        sampler.one_sided.append((best.value, best.error))


def _sides_at(sampler: Sampler, n: int, step: float) -> tuple[float, float, float]:
    """The forward quotient minus the backward one at ``step``, its rounding, the step taken."""
    forward, forward_noise, taken = sampler.quotient("forward", n, step)
    backward, backward_noise, _ = sampler.quotient("backward", n, step)
    rounding = max(
        forward_noise, _argument_rounding(sampler, "forward", n, [(taken, forward)])
    ) + max(backward_noise, _argument_rounding(sampler, "backward", n, [(taken, backward)]))
    return forward - backward, rounding, taken


def _judged(table: _Window) -> _Candidate | None:
    """`_best` of ``table``, where a row below has a say only beyond its own rounding.

    An entry must agree with the row below it too (two levels agreeing by
    chance, beyond ``f``'s scale, are not a verdict: along a line, ``sin(131296.55 t +
    1.5527)`` at 0.42, ``n = 4``, steps from 1.8e-5, where ``k h`` is 2.4:
    the row at 4.6e-6 gave -7.1e20 +- 1.3e20, the one below -5.6e19), but a row
    lost in rounding says nothing of it (``n = 6``, a jump 3e-6 from ``x``:
    1.2 +- 0.33 at 0.0091, for 1.236; the next row's rounding is 14).
    """
    rows, best = table.rows, None
    for k in range(2, len(rows) - 1):  # the newest row has none below it to agree with
        for j in range(1, len(rows[k])):
            entry = rows[k][j]
            near = [rows[k][j - 1]] + [
                rows[i][jj] for i, jj in ((k - 1, j - 1), (k - 1, j)) if _has(rows, i, jj)
            ]
            error = max(abs(entry - other) for other in near)
            if _has(rows, k + 1, j):
                error = max(error, abs(entry - rows[k + 1][j]) - 2.5 * table.noises[k + 1])
            error += 2.5 * max(table.noises[k - j : k + 1])
            if best is None or error < best.error:
                best = _Candidate(entry, error, k, j, table.steps[k], table.quotients[k])
    return best


def _sides_settled(table: _Window, best: _Candidate, estimate: Estimate, measured: float) -> bool:
    """Whether no halving below would change `_hold_both_sides`' verdict.

    Once a row lies below its best entry (`_judged` reads it): the difference
    is known within the estimate's error, or apart from 0 by twice its own,
    or the newest row's rounding is above that error (and grows on every row
    below), or the two newest rows did not better it:
    there the quotients follow no expansion (``f``'s noise above its
    rounding as floats: gelu at -7.8, ``n = 3``, 1e-14 from ``1 + erf``
    cancelling, took 10 halvings, 28 calls, for no verdict). But while the
    newest rows still near their expansion (`_still_nearing`), only a
    difference known that well stops it.
    """
    newest = len(table.rows) - 1
    if best.row == newest:
        return False  # no row below it yet, for `_judged` to confirm it
    known = best.error <= max(estimate.error, 2.5 * table.noises[-1])
    if known:
        return True
    # Rows still nearing their expansion can better a verdict, or undo one.
    apart = abs(best.value) > 2.0 * best.error
    return (apart or newest - best.row >= STALLED) and not _still_nearing(table, measured)


def _still_nearing(table: _Window, measured: float) -> bool:
    """Whether the differences have not yet reached their expansion, moving far above noise.

    Above the scale of ``f``'s odd part they rise and fall before they shrink
    as the step: no row betters the verdict, but the rows below can. ``1.78
    atan(13.34 t) + 2.32 exp(1.45 t) - 1.97e-4 min(t, 0)**2`` at 0, ``f''``
    jumping by 3.95e-4 there (the last term's):
    the central quotients see the even part alone, the exp's, resolved at
    steps 0.2 to 0.025; the forward minus backward ones, mostly atan's odd
    part, were -90, -228, -354, -316, -195 at 0.2 to 0.0125, where an entry
    -497 +- 131 "apart from 0" had stopped them (4.8390480 +- 7.9e-12 for the
    sides 4.8392455 and 4.8388506). Moves within the rounding that the noise measured in ``f``
    gives them (``measured``) are no expansion and stop it (`_sides_settled`).
    """
    if table.in_asymptotic_range():
        return False
    return abs(table.quotients[-1] - table.quotients[-2]) > measured


def _power_of_s(n: int) -> str:
    """What the advice to rescale divides by: the n-th derivative of f(s t) is s**n f^(n)(s t)."""
    return "s" if n == 1 else f"s**{n}"


def _one_side(sampler: Sampler, estimate: Estimate, n: int, kind: str) -> tuple[float, bool]:
    """`_check_one_sided` with ``kind``'s quotients: the error, and whether they are in doubt.

    In doubt: the last one-sided value lies outside the estimate's bars by
    more than a quarter of its own uncertainty (about as far as its
    quotients moved), which smooth ``f`` far from a junction rarely gives:
    a forward value's truncation after one extrapolation is far below that
    movement. ``f`` rounded to float32, ``tanh(min(t, c) / s)`` at ``c -
    8e-6`` (``s = 1.36e-3``), ``n = 3``: the walk with the noise known kept
    a window across ``c``, -1.416e11 +- 3.86e10 for 5.16e7; the forward
    value, across ``c`` too, -2.5e12 +- 5.7e12; the backward one holds it.
    """
    x = sampler.x
    error = estimate.error
    doubtful = False
    steps, reach = _one_sided_steps(estimate, n)
    for h in steps:
        if h > max(steps[0], reach / 4.0) and not doubtful:
            break  # beyond the window's expansion, only a value in doubt is asked again
        verdict = _one_sided_against(sampler, estimate, n, h, kind)
        if verdict is None:
            return error, doubtful  # f is not defined on that side: nothing to compare with
        value, spread, rounding, finest = verdict
        sampler.one_sided.append((value, spread))
        tolerance = spread + 2.0 * estimate.error
        gap = abs(value - estimate.value)
        if gap > tolerance:
            # What was seen, not its cause: f can be smooth on a scale below these steps
            # (hypot(t, 1e-18) at 1e-18, seen with steps down to 9.4e-4).
            which = "derivative" if n == 1 else f"derivative of order {n}"
            side = "right" if kind == "forward" else "left"
            raise DomainError(
                f"no {which} of f at x={x!r} was found: the difference quotients from the "
                f"{side} tend to about {value:.6g}, but the symmetric ones to "
                f"{estimate.value:.6g}, at steps down to {finest:.3g} (as they do at a kink "
                "or a jump at x, or where f varies on a scale finer than those steps); take "
                "a one-sided derivative with method='forward' or method='backward', or move "
                "x; or, if f varies on a finer scale, differentiate f(s * t) at t = x / s "
                f"for a small s, and divide by {_power_of_s(n)}"
            )
        if gap > spread + estimate.error:
            # Beyond both errors, within twice the estimate's: not refused, but one of the
            # two is wrong, and the estimate's error must hold the one-sided value.
            error = max(error, gap + spread)
        doubtful = gap > 0.25 * spread + estimate.error
        if doubtful:
            sampler.doubted_at = finest
        if n == 1 and gap > estimate.error and _unsettled_below(estimate, spread, rounding, finest):
            sampler.unsettled_down_to = max(sampler.unsettled_down_to, finest)
        if 2.0 * rounding < tolerance:
            return error, doubtful  # a verdict the quotients' rounding did not decide
    return error, doubtful


def _held_by_one_sided(sampler: Sampler, value: float, error: float) -> float:
    """``error``, widened to hold each one-sided value ``value`` disagrees with beyond both errors.

    As `_one_side` widens the walk's estimate; a refined value's error can be
    thousands of times smaller than the walk's, which the one-sided values
    were judged against: ``0.87 atan(t / 3) + 1.43 sin(4.63 t + 1.06) +
    2.4e-7 |t|`` at 0 (one-sided slopes 3.5267734068 and 3.5267729268) was
    3.5267731667903788 +- 1.25e-12 refined, while the walk's error had held
    both sides; now +- 3.2e-7.
    """
    for side, spread in sampler.one_sided:
        gap = abs(side - value)
        if gap > spread + error:
            error = max(error, gap + spread)
    return error


def _one_sided_steps(estimate: Estimate, n: int) -> tuple[list[float], float]:
    """The steps `_check_one_sided` compares a forward quotient at, in turn.

    A first derivative at the estimate's smallest step. A higher one at its
    window's second step (at its smallest, a forward quotient's rounding,
    ``2**n`` times a central one's for odd ``n``, can hide the gap; the rows
    at twice and half of the second hold most of the forward stencils'
    points), and, while that rounding decides the verdict, at 4 and 16 times
    it, within the steps where the window's expansion holds
    (`_followed_up_to`, returned too): ``n = 3`` at ``c + 9e-7`` beside a
    junction at ``c`` had its window at 2.8e-5, where that rounding is 0.5,
    and the mean of the sides, 3.095 +- 0.47, for 0. Beyond them, only a
    value in doubt (`_one_side`) is taken there: at ``c + 9.2e-8`` (``c =
    1.024``) noise read across ``c`` (3.4e-7) put that rounding at 1.65 at
    the second step, 0.032, of a window across ``c`` (1.381 +- 0.22,
    refined to 1.369 +- 0.029, for 0); the forward value was 7.5e-11 there,
    and is at 0.128, where its rounding is 0.026.
    """
    if n == 1 or not estimate.window:
        return [estimate.smallest], 0.0
    steps = [step for step, _ in estimate.window]
    first = steps[1] if len(steps) >= 3 else steps[0]
    return [first * 4.0**j for j in range(3)], _followed_up_to(estimate)


def _one_sided_against(
    sampler: Sampler, estimate: Estimate, n: int, h: float, kind: str
) -> tuple[float, float, float, float] | None:
    """``kind``'s quotient extrapolated from step ``h``; None where ``f`` is not defined there.

    With its own uncertainty (its truncation, as far as it moved, and its
    rounding), the part of it that is rounding, and the smallest step the
    verdict rests on.

    Extrapolated once (steps ``h`` and ``h / 2``), its truncation is taken as
    4 times how far it moved: the size of the ``h`` term, far above what is
    left of the expansion. Where that allowance alone is above the
    estimate's error, it can hide a kink whose slope jump the estimate's
    error does not cover (``0.5 relu(t / 4) + 1.5 (2 t + 0.25)**2 + 4.5
    t**2`` at 0, slopes 1.5 and 1.625: forward quotients 1.625 + 10.5 h,
    extrapolated to 1.625 exactly but allowed 4 x 0.0197; the central
    estimate, 1.5625 +- 3.9e-14, stood). The quotients are then taken at
    halving steps and extrapolated twice, whose truncation shrinks 8-fold
    each halving, until rounding dominates it or the walk stops converging
    (`_extrapolated_twice`). So for ``n = 2`` too: the forward quotients of
    ``max(t - 0.3, 0)**2 + t**3`` at 0.3, ``n = 2``, are 3.8 + 6 h,
    extrapolated to 3.8 but allowed 4 x 0.3, where the central estimate is
    2.8 +- 9.6e-14. Where the even part of ``f`` at the window's own steps
    already says a first derivative's one-sided value agrees, or decisively
    disagrees, no new quotient is taken (`_even_part_agrees`), nor where its
    odd part says a second derivative's agrees (`_odd_part_agrees`). Then a
    derivative of order 2 or more is judged over the window's steps, whatever
    ``h`` (`_over_the_window`); where that is no verdict (the quotients follow
    no expansion), or its agreement rests on its rounding, or is one of order
    2, at ``h`` (a junction 8.4e-6 from ``x``, the window at 5.2e-5 and
    2.6e-5; ``0.3 max(t + 1.82, 0)**2 + sin(1.9 t)`` at -1.82, ``n = 2``, was
    -0.823267 +- 2.3e-12 for the sides -1.1233 and -0.5233: the forward
    quotients over the window now disagree).
    """
    if n <= 2:
        agrees = _even_part_agrees if n == 1 else _odd_part_agrees
        agreed = agrees(sampler, estimate, kind)
        if agreed is not None:
            return agreed
    judged = _over_the_window(sampler, estimate, n, kind) if n >= 2 else None
    if judged is not None:
        value, spread, rounding, _ = judged
        tolerance = spread + 2.0 * estimate.error
        # A disagreement beyond the rounding too is a verdict. An agreement is one only
        # where the rounding did not decide it (else the check at h, with less rounding),
        # and not of order 2, whose halving walk below finds kinks it would pass
        # (derkinkscan --order 2 seed 1: 35 lies at the kink, 64 with it).
        if abs(value - estimate.value) > tolerance or (n >= 3 and 2.0 * rounding < tolerance):
            return judged
    try:
        coarse, noise, h = sampler.quotient(kind, n, h)
        fine, _, half = sampler.quotient(kind, n, h / 2.0)
    except (DomainError, NumericalError):
        return None
    rounding = KINK_NOISE * noise
    value = fine + (fine - coarse)  # not 2 * fine - coarse: 2 * fine can overflow
    spread = 4.0 * abs(fine - coarse) + rounding
    finest = min(h / 2.0, estimate.smallest)
    if abs(value - estimate.value) > spread + 2.0 * estimate.error:
        # The h and h**2 terms can cancel in fine - coarse (sin at -0.0018 with
        # h = 0.00375: 1.7e-6 each), hiding what is left of them: one more
        # quotient, at h / 4, and a second extrapolation say how much that is.
        try:
            finer = sampler.quotient(kind, n, h / 4.0)[0]
        except (DomainError, NumericalError):
            finer = math.nan  # no verdict without it: the kink stands
        once = finer + (finer - fine)
        twice = once + (once - value) / 3.0
        if math.isfinite(twice):
            value = twice
            finest = min(h / 4.0, estimate.smallest)
            spread = 4.0 * abs(twice - once) + rounding
    elif n <= 2 and spread - rounding > estimate.error:
        # Agreeing only within a truncation allowance above the estimate's error. (Of
        # order 3 or more the quotients' rounding grows 2**n-fold a halving, as fast as
        # the truncation shrinks or faster: halving cannot sharpen the verdict, and on
        # log(1 + t**2) at 0, n = 6, two levels short of f's scale refused 240 for 246.)
        aside = _aside(sampler)
        value, spread, rounding, finest = _extrapolated_twice(
            aside, estimate, kind, n, [(h, coarse), (half, fine)], rounding
        )
        sampler.calls = aside.calls
    return value, spread, rounding, finest


def _over_the_window(
    sampler: Sampler, estimate: Estimate, n: int, kind: str
) -> tuple[float, float, float, float] | None:
    """`_one_sided_against`'s verdict for order 2 or more: ``kind``'s quotients over the window.

    At every step of the estimate's window and half the smallest, extrapolated
    in every power of the step (a Neville tableau) and judged as the walk
    judges its own tableau (`_better`), from the entries that rest on the
    smallest step, with ``KINK_NOISE`` times the quotients' rounding bound. A
    jump of ``f^(n)`` at ``x`` adds half of itself to the central quotients
    at every step, all of it to the forward ones; over the whole window the
    tableau sees far finer jumps than the three smallest steps extrapolated
    twice: ``a max(t - c, 0)**3 + sin(k t)`` at ``c``, ``n = 3``, with
    test_derhi's ``_cubic``'s ``a``, ``k`` and ``c`` in full (0.0013309,
    2.5943549 and 1.1661037 to 8 digits), was the mean of the sides,
    17.347789 +- 2.5e-10, for 17.343797 and 17.351782 (the three do not
    converge, no verdict; twice
    extrapolated, their truncation is 0.097); now the forward
    value is 17.351786 +- 2.3e-4, and 17.351782 +- 5.9e-6 a step below, and
    it is refused. Most of the forward stencils' points are the central ones'
    at the same step or a larger one (of ``n = 4``, ``x + 3 h`` is new).

    A disagreement is taken again a step below (a quarter of the smallest):
    one level can agree with its neighbours by chance (``tanh`` at test_derhi's 0.0097994,
    ``n = 4``: 0.156926 +- 2.6e-5 for 0.156748; a step below 0.156750 +-
    2.0e-4). It stands if it holds there too, or if that level agrees only
    within its rounding allowance, which says nothing (``0.01 max(t - 0.5,
    0)**5 + sin(3 t)`` at 0.5, ``n = 5``: 18.388 +- 0.16 for the right side
    18.389, the answer 17.789 +- 1.4e-5; a step below 18.36 +- 4.7, 4.65 of
    it rounding). A level less sure, beyond its rounding, than its newest
    quotient's move from the one before shows quotients that follow no
    expansion, and is no verdict (``x**8 sin(1 / x)`` at 0, ``n = 8``, has
    no 8th derivative: 91231 +- 91688 agreed with the central 0, where the
    quotients moved by 45730; ``x / sqrt(x**2 + 1e-5)`` at 0, ``n = 4``: its
    steps, 0.15 to 0.0375, are beyond ``f``'s scale, and the quotients grow
    as ``1 / h**4``). None too without a window, or where ``f`` is not
    defined.

    Its quotients are taken aside (`_aside`): the checks after it read the
    walk's values, and with these the Hessian of ``sin(p0) cos(p1)`` at
    ``[5e9, 5e9]`` was refused ("the quotients from the right never settle").
    The steps end where one rounds back to the one before (below ulp(``x``):
    the tableau divided by 0 along ``p0 = -1.4e13``).
    """
    steps = [step for step, _ in estimate.window]
    if len(steps) < 2:
        return None
    table = _Window(1)
    verdict = None
    aside = _aside(sampler)  # the checks after it read the walk's values, not these
    for step in (*steps, steps[-1] / 2.0, steps[-1] / 4.0):
        try:
            quotient, noise, taken = aside.quotient(kind, n, step)
            rounding = max(noise, _argument_rounding(aside, kind, n, [(taken, quotient)]))
        except (DomainError, NumericalError):
            return None
        finally:
            sampler.calls = aside.calls
        if table.steps and taken >= table.steps[-1]:
            break  # below ulp(x) the step rounds back to the one before: no smaller one
        table.add(taken, quotient, KINK_NOISE * rounding)
        if step >= steps[-1]:
            continue
        best = _better(table, len(table.rows) - 1, None)  # its entries on the newest step
        if best is None:
            return None
        rounding = 2.5 * best.rounding  # as much of its error as `_better` puts to rounding
        if best.error - rounding > abs(table.quotients[-1] - table.quotients[-2]):
            return None  # less sure than the quotients' own last move: they follow no expansion
        gap = abs(best.value - estimate.value) - 2.0 * estimate.error
        if verdict is not None and best.error - rounding < gap <= best.error:
            break  # the level below agrees only within its rounding: no word on it
        verdict = (best.value, best.error, rounding, taken)
        if gap <= best.error:
            break  # agrees: a disagreement is taken on two levels
    return verdict


def _even_part_agrees(
    sampler: Sampler, estimate: Estimate, kind: str
) -> tuple[float, float, float, float] | None:
    """`_one_sided_against`'s verdict from the points the walk took, where it agrees; else None.

    A first derivative's one-sided quotient is the central one plus (forward)
    or minus (backward) the even part of ``f`` over the step, ``(f(x + h) +
    f(x - h) - 2 f(x)) / (2 h)``: for a smooth ``f`` an odd function of
    ``h`` (``f'' h / 2 + f^(4) h**3 / 24 + ...``), to which a kink adds half
    its slope jump. Fitted in those powers at the steps of the estimate's
    window and its probe (no new call), its constant term is how far the
    one-sided value lies from the central one, with a truncation of high
    order (4 times how far the fit moved with the largest step added, which
    must be at most half the move before it, or within the rounding bound)
    and a rounding bound (``FIT_NOISE`` times the rows' bounds, each the
    larger of the forward quotient's and what ``a t`` rounded inside ``f``
    can do, as in `_extrapolated_twice`, times their weights' sizes). Where
    that term is 0 within the rounding that walk starts from (``KINK_NOISE``
    times the bound at the smallest step), and the fit's whole uncertainty
    is within the estimate's error plus twice that, the one-sided value
    agrees: neither the quotient at half the smallest step nor the walk
    below it is taken. A kink closer to ``x`` than the window's smallest
    step leaves a constant its truncation alone covers (``abs(t - c)`` at
    ``c - 1.65e-3``, steps down to 3.75e-3: 2.2e-7 +- 2.3e-7), and the
    walk's quotients, below it, see it. sin at 1 takes 24 calls (32 with
    the walk).

    A constant beyond the fit's whole uncertainty and twice the estimate's
    error, where the fit shrank, is a verdict too, which `_one_side` refuses
    (a kink within the smallest step: half its jump is in every row, and the
    central quotients, their mean, settle with a small error; the walk below
    can miss it, as its quotients move as ``1 / h`` down to the kink's
    distance). derkinkscan seed 31, draw 1542: a jump of 0.0506 at 1.1e-7
    from ``x``, the window at 0.0338 and up, the constant -0.02529 +-
    2.4e-8; the estimate 53.2098889 +- 5.2e-8, for 53.2351827. It is taken
    only where a row at a 16 times smaller step keeps it (`_constant_persists`).
    """
    largest = max((step for step, _ in estimate.window), default=0.0)
    steps = sorted(
        step
        for kind_, order, step in sampler.steps
        if kind_ == "central" and order == 1 and estimate.smallest <= step <= largest
    )[::-1]
    if len(steps) < 4 or any(sampler.x + step not in sampler.values for step in steps):
        return None
    rows = []
    aside = _aside(sampler)  # the forward quotients taken here are no steps of the walk's
    for step in steps:
        forward, noise, _ = aside.quotient("forward", 1, step)
        central = aside.quotient("central", 1, step)[0]
        # The even part's rounding bound is the forward quotient's (4 values' over 2 h),
        # or what a t rounded inside f can do, as in `_extrapolated_twice`.
        noise = max(
            noise, _argument_rounding(sampler, "forward", 1, [(step, forward), (step, central)])
        )
        rows.append((step, forward - central, noise))

    def persists(part: float) -> float:
        # Beyond its whole uncertainty and twice the estimate's error: `_one_side` refuses
        # it, if a row far below sees it too (a kink within the smallest step).
        sampler.kink_within = _constant_persists(sampler, rows, part) or 0.0
        return sampler.kink_within

    return _fit_agrees(rows, estimate, kind, steps[-1], persists=persists)


def _fit_agrees(
    rows: Sequence[tuple[Steps, float, float]],
    estimate: Estimate,
    kind: str,
    finest: float,
    *,
    geometric: bool = False,
    persists: Callable[[float], float] | None = None,
) -> tuple[float, float, float, float] | None:
    """The verdict of `_even_part_agrees` or `_odd_part_agrees` from the fit's ``rows``; else None.

    The rows are (steps, part, rounding bound), the largest steps first, and
    the part's constant term is how far the forward value lies above the
    central one (the backward value as far below). Its truncation is 4 times
    how far the fit moved with the largest step added; ``geometric``: times
    the ratio of that move to the one before it, too, as the fits' errors
    shrink (sin at 0.5, ``n = 2``: moves of 6.1e-6 and then 1.8e-9, the
    constant -2.6e-12 for 0). A constant that disagrees beyond the fit's
    whole uncertainty and twice the estimate's error is a verdict too where
    ``persists`` (the first derivative's `_constant_persists`) returns the
    step below that keeps it.
    """
    (part, weights), (last, _), (before, _) = (
        _odd_fit(rows[-m:]) for m in (len(rows), len(rows) - 1, len(rows) - 2)
    )
    moved = abs(part - last)
    rounding = FIT_NOISE * sum(abs(w) * row[2] for w, row in zip(weights, rows, strict=True))
    truncation = 4.0 * moved
    if geometric:
        truncation *= min(1.0, moved / abs(last - before)) if last != before else 1.0
    spread = truncation + rounding
    shrank = moved <= abs(last - before) / 2.0 or moved <= rounding
    start = KINK_NOISE * rows[-1][2]  # the rounding `_extrapolated_twice` starts from
    if not (abs(part) <= start and spread <= estimate.error + 2.0 * start):
        finest = 0.0
        if persists is not None and shrank and abs(part) > spread + 2.0 * estimate.error:
            finest = persists(part)
    if not (shrank and finest):
        return None
    value = estimate.value + part if kind == "forward" else estimate.value - part
    return value, spread, rounding, finest


def _constant_persists(
    sampler: Sampler, rows: Sequence[tuple[Steps, float, float]], part: float
) -> float | None:
    """The step, 16 times below the fit's smallest, where the even part's ``part`` stays; else None.

    A kink within the fit's smallest step adds half its slope jump to every
    row, and to the new one; where ``f`` rounds far above the rows' bounds
    (``sin(t) - t`` near 0: as ``t``, not as ``t**3 / 6``), a constant read
    from that rounding grows 16-fold at the new row and moves the fit's. Two
    calls, only where the fit disagrees (the walk below is not taken then).
    """
    aside = _aside(sampler)  # as the fit's quotients: no steps of the walk's
    step = max(_as_pair(rows[-1][0])) / 16.0
    try:
        forward, noise, step = aside.quotient("forward", 1, step)
        central = aside.quotient("central", 1, step)[0]
    except (DomainError, NumericalError):
        return None
    sampler.calls = aside.calls
    refit = _odd_fit([*rows, (step, forward - central, noise)])[0]
    return step if abs(refit - part) <= abs(part) / 4.0 else None


def _odd_fit(rows: Sequence[tuple[Steps, float, float]]) -> tuple[float, list[float]]:
    """The constant ``c`` of ``c + a1 h + a3 h**3 + ...`` through the (step, value, _) ``rows``.

    And the weights ``w``, one per row (their sum is 1): ``c = sum w_i value_i``.
    A row's step may be a pair ``(a, b)``, whose term of power ``p`` is
    ``sum a**i b**(p - i)`` (`_odd_part_agrees`).
    """
    size = len(rows)
    scale = max(_as_pair(rows[0][0]))
    powers = [0] + [2 * j + 1 for j in range(size - 1)]
    # Rows of the transposed system M^T w = e_0, M[i][j] = the term of powers[j] at row i.
    system = [
        [_term(step, scale, power) for step, _, _ in rows] + [1.0 if power == 0 else 0.0]
        for power in powers
    ]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(system[r][col]))
        system[col], system[pivot] = system[pivot], system[col]
        if not system[col][col]:
            return math.nan, [math.inf] * size  # steps too far apart to fit: no verdict
        for r in range(size):
            if r != col:
                factor = system[r][col] / system[col][col]
                system[r] = [a - factor * b for a, b in zip(system[r], system[col], strict=True)]
    weights = [system[i][size] / system[i][i] for i in range(size)]
    return sum(w * row[1] for w, row in zip(weights, rows, strict=True)), weights


def _as_pair(steps: Steps) -> tuple[float, ...]:
    return steps if isinstance(steps, tuple) else (steps,)


def _term(steps: Steps, scale: float, power: int) -> float:
    """``(h / scale)**power``; of a pair of steps, ``sum a**i b**(power - i)`` over that scale."""
    if not isinstance(steps, tuple):
        return (steps / scale) ** power
    a, b = steps[0] / scale, steps[1] / scale
    return math.fsum(a**i * b ** (power - i) for i in range(power + 1))


def _odd_part_agrees(
    sampler: Sampler, estimate: Estimate, kind: str
) -> tuple[float, float, float, float] | None:
    """`_even_part_agrees` for a second derivative, from the odd part of ``f``.

    With ``O(s) = (f(x + s) - f(x - s)) / 2``, the forward second quotient on
    ``x, x + a, x + b`` exceeds the backward one on ``x, x - a, x - b`` by
    twice ``G = 2 (O(b) / b - O(a) / a) / (b - a)`` (``f(x)`` cancels). For a
    smooth ``f``, ``G`` is ``f''' (a + b) / 3 + f^(5) (a**3 + a**2 b + a
    b**2 + b**3) / 60 + ...``, to which a jump of ``f''`` at ``x`` adds half
    the jump as a constant: the central quotients are the mean of the two
    sides, exactly, at every step, for ``max(t - 0.3, 0)**2 + t**3`` at 0.3.
    ``G`` is fitted at each two neighbouring steps among the window's and its
    probe's (all points already taken; no new call), and judged as
    `_even_part_agrees` judges its fit (`_fit_agrees`, the truncation scaled
    by the ratio of the fit's last two moves: ``geometric``): where its
    constant is 0 within rounding, and the one-sided value within the fit's
    uncertainty and the estimate's error, neither the quotient at half the
    step nor the walk below it is taken; a constant far from 0 is no verdict
    here (the walk decides). sin at 0.5 takes 30 calls (43 with the walk).
    """
    largest = max((step for step, _ in estimate.window), default=0.0)
    steps = sorted(
        {
            step
            for kind_, order, step in sampler.steps
            if kind_ == "central" and order == 2 and estimate.smallest <= step <= largest
        },
        reverse=True,
    )
    x, values = sampler.x, sampler.values
    if len(steps) < 5 or any(x + s not in values or x - s not in values for s in steps):
        return None
    aside = _aside(sampler)  # the slopes `_argument_rounding` reads are no steps of the walk's

    def odd(step: float) -> float:
        return (values[x + step] - values[x - step]) / 2.0

    rows: list[tuple[Steps, float, float]] = []
    for b, a in itertools.pairwise(steps):
        part = 2.0 * (odd(b) / b - odd(a) / a) / (b - a)
        # The rounding bound of the forward quotient on x, x + a, x + b (its weights'
        # sizes add to 4 / a**2 where b = 2 a), or what a t rounded inside f can do.
        size = max(abs(values[x + b]), abs(values[x + a]), abs(values[x]))
        relative = max(2.0 * _EPS, sampler.relative_noise)
        level = max(relative * size, sampler.floor_for(size), _TINY)
        weights = 2.0 / (a * b) + 2.0 / (a * (b - a)) + 2.0 / (b * (b - a))
        noise = max(level * weights, _argument_rounding(aside, "forward", 2, [(a, 0.0)]))
        rows.append(((a, b), part, noise))
    # Geometric: its first fits converge far faster than 2-fold (DERCOST measured the
    # first derivative's fit with its plain 4 times; that rule is left as it was).
    verdict = _fit_agrees(rows, estimate, kind, steps[-1], geometric=True)
    if verdict is None or abs(verdict[0] - estimate.value) > verdict[1] + estimate.error:
        # A constant within rounding but beyond the fit's own uncertainty (a crest of
        # sin(122433.79 t + 4.4903), 164 +- 157 where f'' is -1.5e10) would refuse, or
        # widen, on the fit's word: the walk below decides, as before.
        return None
    return verdict


def _aside(sampler: Sampler) -> Sampler:
    """A copy of ``sampler`` whose new values stay in the copy (its calls start at the sampler's).

    The checks after `_check_one_sided` read the values already taken
    (`_one_sided_drift`): the one-sided walk's own must not change what they
    see (``|u|**1.64 cos(2 / sqrt|u|)`` at 227.85 was refused with them).
    """
    aside = copy.copy(sampler)
    aside.values = dict(sampler.values)
    aside.failed = list(sampler.failed)
    aside.steps = set(sampler.steps)
    return aside


def _extrapolated_twice(  # noqa: PLR0917 - the verdict's state
    sampler: Sampler,
    estimate: Estimate,
    kind: str,
    n: int,
    rows: list[tuple[float, float]],
    rounding: float,
) -> tuple[float, float, float, float]:
    """``kind``'s order-``n`` quotients at halving steps, extrapolated twice.

    As `_one_sided_against`'s verdict: the value, its spread, its rounding,
    its smallest step. ``rows`` are the (step, quotient) at ``h`` and about
    ``h / 2``, ``rounding`` the rounding bound of their extrapolation (it
    grows ``2**n``-fold with each halving, and is at least what ``x + h``
    rounded inside ``f`` can do: `_argument_rounding`). Each halving adds one quotient; the
    value is the quadratic in the step through the last three, at 0 (`_at_zero`:
    the steps, made representable, are not exactly halves: at 7.7e7 their
    ratio is off by 3.5e-6, a 2e-9 error in f' if taken as 2), and its
    truncation 4 times its distance from the line through the last two, or
    how far it moved from the last value, if more (the two can cancel: a
    crest of ``sin(3715.63 t + 1.3364)``). A level is taken only where it
    at least halves the spread (an expansion in the step shrinks it 8-fold;
    quotients that follow none, beyond ``f``'s scale or of no limit, rarely
    halve it: ``|u|**1.5 cos(2 pi log2|u| + 5.81)`` and kin failed
    test_derlog without it). The walk stops where that
    truncation is below the rounding (not the estimate's error: a walk to be
    refined stops at a relative error of ``ENOUGH``, and the refined value's
    error can be far smaller: `_held_by_one_sided`), where the value leaves
    the estimate by more than its spread and twice the estimate's error on
    the second level or later (a verdict), where a level is not taken, where
    half the step rounds back to it (below ulp(``x``): a sech of width
    2.1e-3 at -2.78e10 divided by 0 there), or after ``ONE_SIDED_HALVINGS``.
    One level alone is no evidence (it can halve the spread by chance:
    ``|u|**1.64 cos(2 / sqrt|u|)`` at 227.85 was refused on one): the
    once-extrapolated value is returned then.
    """
    once = (_at_zero(rows), 4.0 * abs(rows[1][1] - rows[0][1]) + rounding, rounding, rows[1][0])
    best, levels, settled = once, 0, False
    for _ in range(ONE_SIDED_HALVINGS):
        try:
            finer, _, step = sampler.quotient(kind, n, rows[-1][0] / 2.0)
        except (DomainError, NumericalError):
            break
        if step >= rows[-1][0]:
            break  # below ulp(x) half the step rounds back to it: no smaller step is left
        rows = [*rows[-2:], (step, finer)]
        rounding = max(rounding, KINK_NOISE * _argument_rounding(sampler, kind, n, rows))
        twice = _at_zero(rows)
        truncation = max(4.0 * abs(twice - _at_zero(rows[1:])), abs(twice - best[0]))
        # An expansion in h shrinks it 8-fold a halving; quotients that do not follow
        # one (beyond f's scale, or of no limit: x sin(1/x) at 0) rarely halve it.
        if not math.isfinite(twice) or truncation + rounding > best[1] / 2.0:
            break
        best = (twice, truncation + rounding, rounding, min(step, estimate.smallest))
        levels += 1
        settled = truncation <= rounding
        if settled:
            break  # a kink any larger would show
        if levels >= 2 and abs(twice - estimate.value) > best[1] + 2.0 * estimate.error:
            break  # a verdict, on two levels that converged
        rounding *= 2.0**n  # the same extrapolation, from half the step
    # One level that shrank can be chance: the once-extrapolated value stands then.
    return best if levels >= 2 or settled else once


def _argument_rounding(
    sampler: Sampler, kind: str, n: int, rows: list[tuple[float, float]]
) -> float:
    """A bound on the rounding of the quotient at the largest step of ``rows`` from ``a t`` rounded.

    ``g(a t)`` is ``g`` at ``t`` off by ``|t| eps / 2`` (`_rounded_argument`),
    which moves each value by the slope there times that; first-derivative
    quotients give the slope over their steps (for order ``n >= 2``, the
    ``kind`` quotient of order 1 at the largest step, from two of its
    points), which far exceeds ``f'(x)`` at a crest of
    ``sin(663855.67 t + 6.2486)`` at -0.9261028864268656 (``f'`` -6.58,
    ``|f''|`` up to 4.4e11): at steps down to 2.2e-10 the backward value
    was 6.2e-5 off, three times its rounding bound from ``|f|`` (2e-5).
    """
    step = rows[0][0]
    if n == 1:
        slope = max(abs(quotient) for _, quotient in rows)
    else:  # the slope over the stencil's first step: two of its points, no new call
        slope = abs(sampler.quotient(kind, 1, step)[0])
    reach = abs(sampler.x) + sampler.offset + n * step
    # each value moved by slope times reach eps / 2, and the weights' sizes add to 2**n
    return reach * _EPS * slope * 2.0 ** (n - 1) / step**n


def _at_zero(rows: list[tuple[float, float]]) -> float:
    """The polynomial in the step through the (step, quotient) ``rows``, at step 0 (Neville)."""
    values = [quotient for _, quotient in rows]
    for width in range(1, len(rows)):
        for i in range(len(rows) - width):
            near, far = rows[i + width][0], rows[i][0]
            values[i] = values[i + 1] + (values[i + 1] - values[i]) * near / (far - near)
    return values[0]


def _check_one_sided_settle(
    sampler: Sampler, estimate: Estimate, n: int, first_step: float
) -> None:
    """Refuse a derivative whose one-sided quotients do not settle where the symmetric ones do.

    A forward quotient is the central one plus the part of ``f`` that the
    central stencil cancels (for ``n = 1`` the even part over ``h``), and
    wherever the derivative exists that part tends to 0 with ``h``: as ``h``
    where ``f`` is smooth. Where ``f`` is even about ``x`` (odd for ``n =
    2``) with no derivative, the central quotients settle (``x sin(1/x)`` at
    0: exactly 0 at every step) while the forward ones do not: ``sin(1/h)``
    swings by 1 however small ``h`` is, ``1 / sqrt(h)`` of ``sqrt(|x|)``
    grows. `_check_one_sided` cannot see it: its tolerance is how far the
    forward quotients moved, and these move by their whole swing. Where the
    forward quotients drift (`_one_sided_drift`), a forward walk (`_search`)
    must settle where the central one did, to far less than that drift, or
    the derivative is refused. ``x + cos(1e6 t)`` at 0 has its even part
    resolved only at steps far below the central window's: that walk settles
    on 1 there. So too where the gap between forward and central quotients
    swings and does not shrink (`_even_part_crossing`): the estimate's error
    can hide the drift (``|x| cos(1/x)`` at 0: 0 +- 0.154).
    """
    drift = _one_sided_drift(sampler, estimate, n) or _even_part_crossing(sampler, estimate, n)
    if not drift:
        return
    try:
        side = _search(sampler, "forward", n, first_step, 0.0)
    except _NoFitError:
        return  # f is not defined on the right: nothing to compare with
    # Where the right side never settles, no one-sided derivative is there to advise.
    advice = "move x"
    if side is not None and _settled(side, estimate, drift):
        if abs(side.value - estimate.value) <= side.error + estimate.error:
            return
        seen = f"settle on {side.value:.6g} +- {side.error:.3g}"
        advice = "take a one-sided derivative with method='forward' or method='backward', or move x"
    else:
        seen = "never settle"
    if _nears_until_lost(sampler, estimate, n):
        return
    which = "derivative" if n == 1 else f"derivative of order {n}"
    raise DomainError(
        f"no {which} of f at x={sampler.x!r} was found: the symmetric difference quotients "
        f"settle on {estimate.value:.6g}, but the quotients from the right {seen} (as they "
        "do where f oscillates ever faster toward x, as x sin(1/x) at 0, or has a cusp, "
        "as sqrt(|x|) at 0, where the derivative does not exist; or where f varies on a "
        f"scale finer than these steps); {advice}; or, if f varies on a finer scale, "
        f"differentiate f(s * t) at t = x / s for a small s, and divide by {_power_of_s(n)}"
    )


def _nears_until_lost(sampler: Sampler, estimate: Estimate, n: int) -> bool:
    """Whether forward quotients near ``estimate`` until rounding takes their digits.

    Of a high order the forward walk can find no window at all where ``f``
    is smooth: the steps on which its expansion holds end where rounding
    (``eps |f| / h**n``) takes every digit. ``atan`` at 0, ``n = 8``:
    forward quotients 3441, 3871, 2359, 1241 at steps 0.0625 to 0.0078
    (true 3441, 3871, 2359, 1239: the growth is truncation, the stencil
    reaching 0.5 where ``atan``'s series converges within 1), then -128
    within a rounding bound of 65500 at 0.0039: the walk settled only to
    4301 +- 3165, while the central quotients are 0 at every step. Quotients
    that near ``estimate`` until they are lost (`_nearing`) show no missing
    derivative, and the estimate stands; ones lost before they near it (still
    on steps wider than ``f``'s expansion holds on: ``asinh(2.94 t)`` at 0,
    ``n = 12``, 2.4e4 growing to 2.5e12 in size, of either sign, at steps 0.35
    to 0.011, whose stencils reach 12 steps where its series converges within
    0.34; then lost in a rounding bound of 4.9e14 at 0.0055) show nothing
    either way: refused with `NumericalError`, not as a derivative that does
    not exist. Only where no noise was measured: where it was, the
    "rounding" they are lost in can be ``f``'s own swings read as noise
    (``sqrt(|x|)`` at 0: 0.0016, its quotients growing as ``1 / sqrt(h)`` to
    261 until lost in 439 at 7.3e-6).

    Raises:
        NumericalError: If the forward quotients are lost without nearing ``estimate``.
    """
    if sampler.noise_floor or sampler.relative_noise:
        return False  # f's own swings can be read as its noise: being lost in it proves nothing
    lost = _lost_forward(sampler, estimate, n)
    if lost is None:
        return False  # resolved down the steps: their drift stands as evidence
    distances, step = lost
    if _nearing(distances):
        return True
    which = "derivative" if n == 1 else f"derivative of order {n}"
    raise NumericalError(
        f"the {which} of f at x={sampler.x!r} could not be confirmed: the symmetric "
        f"difference quotients settle on {estimate.value:.6g}, but the quotients from the "
        f"right lose their digits to rounding (at step {step:.3g}) before they settle, so "
        "there are too few digits at this order to tell whether the derivative exists; "
        "use a lower order, or move x, or write f with calcweb's functions (calcweb.exp, "
        "...) for exact derivatives"
    )


def _lost_forward(sampler: Sampler, estimate: Estimate, n: int) -> tuple[list[float], float] | None:
    """Forward quotients' distances from ``estimate`` until their rounding swamps them.

    Halving the step from the window's largest, the distances each resolves,
    largest step first, and the step where the next fell within its rounding
    (``eps |f| / h**n``); None where that does not happen within
    ``LOST_WITHIN`` halvings (or ``f`` is not defined there). ``x sin(1/x)``
    and ``sqrt(|x|)`` at 0 swing or grow far beyond their rounding at every
    step (it is ``eps`` of them): theirs are never lost.
    """
    step = max((step for step, _ in estimate.window), default=estimate.smallest)
    distances: list[float] = []
    for _ in range(LOST_WITHIN):
        try:
            quotient, rounding, step = sampler.quotient("forward", n, step)
        except (DomainError, NumericalError):
            return None
        distance = abs(quotient - estimate.value)
        if distance <= rounding + 2.0 * estimate.error:
            return distances, step
        distances.append(distance)
        step /= 2.0
    return None


def _nearing(distances: list[float]) -> bool:
    """Whether the last distances shrink at each halving, by ``NEARING`` or more over the last two.

    As ``a h + b h**2 + ...`` does once the steps follow ``f``'s expansion
    (by 2 per halving), or come to: ``atan`` at 0, ``n = 8``: 3871, 2359,
    1241 at steps 0.031 to 0.0078; ``tanh``: 1169, 870, 481.
    """
    last = distances[-3:]
    shrinking = all(a > b for a, b in itertools.pairwise(last))
    return len(last) == 3 and shrinking and last[0] >= NEARING * last[-1]


def _settled(side: Estimate, estimate: Estimate, drift: float) -> bool:
    """Whether a forward walk settled: to far less than the drift or than its quotients moved.

    A window of ``sin(1/h)`` can pass for one, with an error as large as its
    swing, which quotients at smaller steps widened it to (-0.78 +- 5.8 for
    ``x sin(1/x)``, drift 0.5); one that follows ``f``'s expansion settles
    to far less than its quotients moved (a crest of ``sin(298270 t + c)``:
    40473, 10177, 5090 at steps 9.2e-7 to 1.1e-7, 0 within 3783), or its
    quotients come nearer ``estimate`` as ``a h`` does, by a factor 1.5 or
    more at each of three steps or more, whatever its error (a crest of
    ``sin(38778 t + c)``: -10721, -2749, -688 at steps 1.5e-5 to 9.2e-7,
    4.6 +- 125758 for 0 +- 15.3).
    """
    if side.no_digit:
        return False
    quotients = [quotient for _, quotient in side.window]
    moved = max(quotients) - min(quotients) if quotients else 0.0
    distances = [abs(quotient - estimate.value) for quotient in quotients]
    nearing = len(distances) >= 3 and all(a >= 1.5 * b for a, b in itertools.pairwise(distances))
    return nearing or side.error <= max(drift, moved) / SETTLED


def _one_sided_drift(sampler: Sampler, estimate: Estimate, n: int) -> float:
    """How far the forward quotients stay from ``estimate`` as ``h`` falls (0: they near it).

    Those already taken first (`_forward_rows`, no call). Where they have not
    drifted but the smallest step's is still far (`_still_far`), one more at
    half that step, up to ``FARTHER`` times (one call each for ``n = 1``):
    ``x sin(1/x) + x`` rests on a window of two steps, too few to show it.
    """
    lowest = estimate.smallest / 4.5  # below the forward steps `_check_one_sided` took
    rows = _forward_rows(sampler, estimate, n, lowest)
    drift = _forward_drift(rows)
    for _ in range(FARTHER):
        if drift or not _still_far(rows):
            break
        try:
            lowest = sampler.quotient("forward", n, rows[-1][0] / 2.0)[2] * (1.0 - 1e-9)
        except (DomainError, NumericalError):
            break
        rows = _forward_rows(sampler, estimate, n, lowest)
        drift = _forward_drift(rows)
    return drift


def _even_part_crossing(sampler: Sampler, estimate: Estimate, n: int) -> float:
    """How far the forward quotients stray from the central ones, where that gap swings.

    The gap at one step, forward minus central quotient, is the part of ``f``
    that the central stencil cancels (for ``n = 1`` the even part over
    ``h``), free of the estimate's error. Where ``f`` is smooth it is ``a h +
    b h**2 + ...``: it crosses 0 at one step at most, only where the steps do
    not follow its expansion yet (of a sine, for ``n = 1``, never), and
    shrinks as ``h`` beyond. Where ``f`` oscillates ever faster about ``x``
    it changes sign from step to step and stays as large: ``|x| cos(1/x)`` at
    0, gaps -0.997, +0.99, +0.96 at steps 3.5e-5 to 7.3e-6, each 2.6 to 13
    times its rounding (f's own swings, read as noise, gave its estimate 0 +-
    0.154, and the distances `_forward_drift` reads are within that error).
    Where the gap crosses 0 and does not shrink (`_gap_shrinks`, with up to
    ``FARTHER`` more steps where the rows span too few), its largest (0: it
    does not), for a forward walk to settle or not
    (`_check_one_sided_settle`). Not for ``n >= 3``: its forward walk seldom
    settles where ``f`` is smooth.
    """
    if n > 2 or not _crosses(_even_part_gaps(sampler, estimate, n)):
        return 0.0
    gaps = _even_part_gaps(sampler, estimate, n, more=FARTHER)
    if _gap_shrinks(gaps):
        return 0.0
    return max(abs(gap) for _, gap, _ in gaps)


def _crosses(gaps: list[tuple[float, float, float]]) -> bool:
    """Whether ``gaps`` change sign between two beyond their rounding."""
    signs = [gap > 0.0 for _, gap, bound in gaps if abs(gap) > bound]
    return any(a != b for a, b in itertools.pairwise(signs))


def _even_part_gaps(
    sampler: Sampler, estimate: Estimate, n: int, more: int = 0
) -> list[tuple[float, float, float]]:
    """The gaps, forward minus central quotient, at the forward rows' steps.

    As (step, gap, ``CROSSING`` times the two quotients' rounding), largest
    step first. Without ``more``, only where the central quotient was taken
    too (no call); with it, the central quotients missing are taken, and
    while the steps span less than ``SHRINK_SPAN``, up to ``more`` steps
    halving below the smallest.
    """
    x = sampler.x
    offsets = stencil("central", n)[0]
    steps = [step for step, _, _ in _forward_rows(sampler, estimate, n, estimate.smallest / 4.5)]
    if more:
        steps = _spanning(steps, more)
    else:
        steps = [
            step for step in steps if all(x + o * step in sampler.values for o in offsets if o)
        ]
    gaps = []
    for h in steps:
        try:
            central, rounding, step = sampler.quotient("central", n, h)
            forward, forward_rounding, _ = sampler.quotient("forward", n, step)
        except (DomainError, NumericalError):
            break  # f is not defined there: the gaps so far
        rounding += forward_rounding + _forward_argument_rounding(sampler, n, step)
        rounding += _rounded_inside(sampler, "central", n, step)
        gaps.append((step, forward - central, CROSSING * rounding))
    return gaps


def _spanning(steps: list[float], more: int) -> list[float]:
    """``steps`` and up to ``more`` halvings below the smallest, until `_enough_below`."""
    steps = list(steps)
    while steps and more and not _enough_below(steps):
        steps.append(steps[-1] / 2.0)
        more -= 1
    return steps


def _enough_below(steps: list[float]) -> bool:
    """Whether ``steps`` span ``SHRINK_SPAN``, with two in their smaller half (on a log scale)."""
    if steps[0] < SHRINK_SPAN * steps[-1]:
        return False
    middle = math.sqrt(steps[0] * steps[-1])
    return sum(step < middle for step in steps) >= 2


def _gap_shrinks(gaps: list[tuple[float, float, float]]) -> bool:
    """Whether ``gaps`` shrink as the step falls: at least as ``sqrt(h)``, over steps 8 apart.

    Their largest beyond rounding at the larger half of the steps (on a log
    scale), against their largest at the smaller half, where a gap within
    its rounding counts as large as that rounding. A derivative that exists
    where ``f`` is not smooth has gaps that swing and shrink (``x**3
    sin(1/x)``: ``h**2 sin(1/h)``; ``|x|**1.64 cos(1/sqrt|x|)``: as
    ``h**0.64``); ``|x| cos(1/x)`` has gaps that do not. Fewer steps do not
    tell (False).
    """
    if len(gaps) < 2 or not _enough_below([step for step, _, _ in gaps]):
        return False
    middle = math.sqrt(gaps[0][0] * gaps[-1][0])
    upper = [(abs(gap), step) for step, gap, bound in gaps if step >= middle and abs(gap) > bound]
    lower = [(max(abs(gap), bound), step) for step, gap, bound in gaps if step < middle]
    if not upper:
        return False
    (high, at_high), (low, at_low) = max(upper), max(lower)
    return low < high * math.sqrt(at_low / at_high)


def _forward_rows(
    sampler: Sampler, estimate: Estimate, n: int, lowest: float
) -> list[tuple[float, float, float]]:
    """The forward quotients already taken, as (step, quotient - estimate, allowed).

    From the window's largest step down to ``lowest`` (at the steps of a few
    ulps where noise is measured, quotients say nothing of ``f``'s expansion),
    largest first; ``allowed``: twice their rounding (of ``f``'s values, and
    of a multiple of ``t`` inside ``f``: `_forward_argument_rounding`) and
    the estimate's error. No call is made.
    """
    x = sampler.x
    top = max((step for step, _ in estimate.window), default=estimate.smallest)
    rows = []
    for point in sorted(sampler.values, reverse=True):
        step = point - x
        if not lowest < step <= top * (1.0 + 1e-9):
            continue
        if all(x + k * step in sampler.values for k in range(1, n + 1)):
            quotient, rounding, _ = sampler.quotient("forward", n, step)
            rounding += _forward_argument_rounding(sampler, n, step)
            allowed = 2.0 * rounding + 2.0 * estimate.error
            rows.append((step, quotient - estimate.value, allowed))
    return rows


def _forward_argument_rounding(sampler: Sampler, n: int, step: float) -> float:
    """`_rounded_inside` for a forward quotient, on a line rounded as at its offset too.

    A line's argument ``x + t d`` is rounded as at ``|x| + offset``, not
    ``|x|`` (a crest of ``sin(6476504 t + c)`` along ``p[0]`` at 0.93, ``n =
    3``: forward quotients 5e19, 5.6e21, -2.2e22 at steps 3.6e-12 to 9e-13).
    """
    reach = abs(sampler.x) + n * step  # what `_rounded_inside` takes |t| to be
    return _rounded_inside(sampler, "forward", n, step) * (reach + sampler.offset) / reach


def _forward_drift(rows: list[tuple[float, float, float]]) -> float:
    """The largest distance of ``rows`` that says they do not settle (0: none).

    Where ``f`` is smooth the distance is ``|a h + b h**2 + ...|``: it can
    grow as ``h`` falls from a step where it crosses 0, but only to about
    half that step, and shrinks from there (``cos(x**2)`` at 30: 0.022,
    0.078, 0.025 at steps 0.0035 to 0.00022). A distance that grows at each
    of two steps or more over steps 4 times apart or more (``sqrt(|x|)`` at
    0: 11.5, 16.3, 23, 32 at 0.0075 to 0.00094), or that grows again after
    it shrank from a growth (``x sin(1/x)``: 0.07, 0.14, 0.87, 0.28, 0.54 at
    3.5e-5 to 3.7e-6), each beyond what ``rows`` allow, is ``f`` without a
    derivative, or whose expansion the steps do not follow yet; so are
    quotients that cross the estimate twice (`_crossings`).
    """
    drift, start, runs = 0.0, 0, 0
    for k in range(1, len(rows)):
        if abs(rows[k][1]) <= abs(rows[k - 1][1]) + rows[k][2]:
            start = k  # the distance did not grow: a run of growth starts here
            continue
        runs += start == k - 1  # a new run
        if runs >= 2 or (k - start >= 2 and rows[start][0] >= 3.9 * rows[k][0]):
            drift = max(drift, abs(rows[k][1]))
    if _crossings(rows) >= 2:
        drift = max([drift] + [abs(distance) for _, distance, _ in rows])
    return drift


def _crossings(rows: list[tuple[float, float, float]]) -> int:
    """How often ``rows`` cross the estimate, beyond what they allow.

    ``a h + b h**2`` crosses 0 once at most; ``x**2 sin(1/x)``, ``n = 2``:
    +0.036, -0.012, -0.052, +0.025, -0.0038, three times.
    """
    signs = [
        math.copysign(1.0, distance) for _, distance, allowed in rows if abs(distance) > allowed
    ]
    return sum(a != b for a, b in itertools.pairwise(signs))


def _still_far(rows: list[tuple[float, float, float]]) -> bool:
    """Whether the smallest step's distance has not shrunk from the largest's as ``h`` does.

    Past its largest, ``a h + ...`` shrinks as ``h``: more than twice what
    that leaves, or the largest at the smallest step (``x**2 sin(1/x)``, ``n
    = 2``, at steps 1.3 and 0.66 of its scale: 0.029, 0.229), and smaller
    steps may show a drift.
    """
    if len(rows) < 2:
        return False
    peak = max(range(len(rows)), key=lambda k: abs(rows[k][1]))
    step, distance, allowed = rows[-1]
    return abs(distance) > 2.0 * abs(rows[peak][1]) * step / rows[peak][0] + allowed or (
        peak == len(rows) - 1 and abs(distance) > abs(rows[-2][1]) + allowed
    )


def _allowed(rate: float, value: float, error: float, last: float) -> float:
    """How far a quotient below an estimate's rows can lie from its ``value``, by its expansion.

    ``last`` is the quotient at the estimate's smallest step and ``rate`` the
    ratio of ``h**p`` at the two steps (`_Walk.check_accepted`).
    """
    return (abs(last - value) + error) * rate + error


def _stalled(rate: float, accepted: _Candidate, last: float, quotient: float, noise: float) -> bool:
    """Whether a quotient below an estimate's rows stayed near its last one, as no truncation would.

    The estimate says the last quotient ``last`` is off the derivative by
    its truncation, ``|last - value|`` give or take the error, and that the
    truncation shrinks as ``h**p``: at a step whose ``h**p`` is ``rate`` of the
    last row's, the quotient has moved toward the value by at least that
    truncation less twice ``rate`` times it (the terms after the first, as
    `_Walk.check_accepted` allows), but for both quotients' rounding. One that
    stalls says the truncation was not that: the rows crossed a kink of
    ``f^(n)`` a fraction of their step away, whose share extrapolation took for
    truncation. ``0.0197 max(t - 1.47255, 0)**4 + sin(1.0283 t)`` at 1.47526,
    ``n = 3``: steps 0.0058 to 0.0014 reach the kink 0.0027 away, -0.0572747 +-
    1.4e-5 for -0.0572387, and the quotient at 7.2e-4 (clean: 4.9e-9 from the
    derivative) moved 5.6e-6 from the last one, where 1.4e-5 was due.
    """
    # Steps between the last row's and its half (a probe's, or a walk redone on other
    # steps) are not judged: little is due there, and all it caught on the kink scans
    # was an honest answer, then refused (kscan56 116: -48.8 +- 18.1 for -34.0).
    if rate > 0.25:
        return False
    toward = math.copysign(1.0, last - accepted.value)
    moved = (last - quotient) * toward
    due = (abs(last - accepted.value) - accepted.error) * (1.0 - 2.0 * rate)
    return moved < due - 4.0 * (noise + accepted.rounding)


def _further_stands(sampler: Sampler, n: int, early: Estimate, further: Estimate) -> bool:
    """Whether the walk gone on past an ``early`` stop stands in its place.

    Unless it leaves the bars of the estimate confirmed at larger steps: steps
    below the stairs of a staircase ``f`` give quotients of 0. But a first
    derivative's walk whose quotients below the early rows kept leaving them
    (`_left_behind`: a fast term those steps averaged away) stands.
    """
    if abs(further.value - early.value) <= early.error + further.error:
        return True
    return n == 1 and _left_behind(sampler, early, n)


def _left_behind(sampler: Sampler, estimate: Estimate, n: int) -> bool:
    """Whether the quotients already taken below ``estimate``'s rows kept leaving it.

    `_Walk.check_accepted` and `_still_leaving` on the steps a later walk took,
    with the noise of ``f`` now known (no call is made); of those quotients,
    the ones that contradicted it: the later walk went on far below where it
    resolved ``f``, and its last quotients scatter within their rounding.
    """
    if not estimate.window:
        return False
    power = 2 if estimate.kind == "central" else 1
    last, error, departures = estimate.window[-1][1], estimate.error, []
    for kind, order, step in sorted(sampler.steps, key=lambda taken: -taken[2]):
        if (kind, order) != (estimate.kind, n) or step >= estimate.smallest:
            continue
        try:
            quotient, noise, _ = sampler.quotient(kind, n, step)
        except (DomainError, NumericalError):
            continue
        allowed = _allowed((step / estimate.smallest) ** power, estimate.value, error, last)
        apart = abs(quotient - estimate.value)
        if apart > 2.0 * allowed + 4.0 * noise:
            error += apart
            departures.append(apart)
    return _still_leaving(departures)


def _still_leaving(distances: list[float]) -> bool:
    """Whether quotients below an estimate's rows that contradicted it still move away from it.

    ``distances``: how far each lies from it (0: within its rounding), from
    the largest step down. Truncation shrinks with the step, so once the
    steps resolve ``f`` the quotients come closer and closer to the
    derivative. A fast term beside a large slow one (``0.18 t**3 +
    sin(1.64 t**2)`` at 488.5: period 0.004 in ``t``) is averaged away by
    the first steps (7.3 to 0.92), whose quotients follow the cubic alone,
    in its own asymptotic range; below them the fast term's part of the
    quotient (up to ``1 / h``) grows as the steps shrink, until they resolve
    it: the quotients were 3.3, 5.2, 38 and 104 from that estimate at steps
    0.23 to 0.0036, and the derivative is 1124 from it. So the walk goes on
    past an estimate they contradicted (`_Walk.check_accepted`) while the
    last of them is farther than the one before.
    """
    return len(distances) >= 2 and distances[-1] > distances[-2]


class _NoFitError(Exception):
    """This kind of stencil never fitted in the domain of f."""


@dataclass(frozen=True)
class _Candidate:
    value: float
    error: float
    row: int  # the entry T[row][level] of the window's tableau
    level: int
    smallest: float  # the step of that row
    last: float = 0.0  # the quotient at that step
    rounding: float = 0.0  # the largest rounding bound of the quotients it rests on


def _search(
    sampler: Sampler, kind: str, n: int, first_step: float, enough: float
) -> Estimate | None:
    """Walk the steps down with one kind of stencil; the best confirmed estimate or None."""
    walk = _Walk(sampler, kind, n, first_step, enough)
    sampler.swung = None
    h = first_step
    for _ in range(MAX_ROWS):
        next_h = walk.row(h)
        if next_h is None or walk.unsettled:  # smaller steps only add rounding
            break
        h = next_h
    if not walk.fitted:
        raise _NoFitError
    return walk.result()


class _Walk:
    """The state of the walk down the steps with one kind of stencil.

    Each window of quotients in the asymptotic range ends (the pattern breaks,
    Ridders' stop, or convergence to rounding) with its best entry, which is
    kept only if `_confirmed`. The walk goes on a few rows past a confirmed
    estimate that is not yet accurate, in case a later window does better.
    A window that began at the first step (no search was needed) ends as soon
    as its error is below ``enough`` relative (0: never), for `_refine`.
    """

    def __init__(
        self,
        sampler: Sampler,
        kind: str,
        n: int,
        first_step: float,
        enough: float,
    ) -> None:
        self.sampler, self.kind, self.n, self.first_step = sampler, kind, n, first_step
        self.enough = enough
        self.early = False
        self.floor = 1e-12 * first_step  # below it, no stencil fits
        self.window = self.new_window()
        self.fitted = False
        self.best: _Candidate | None = None  # of the current window
        self.accepted: _Candidate | None = None  # the best confirmed one so far
        self.kept_error = math.inf  # its error when kept (`check_accepted` can widen it)
        self.accepted_rows: tuple[tuple[float, float], ...] = ()  # its (step, quotient)
        self.settled: list[_Candidate] = []  # every window's best entry, confirmed or not
        self.unsettled = False  # a window settled by rounding alone was found: `_search` stops
        self.refuted: list[tuple[_Candidate, float]] = []  # (best, probe's miss) of windows
        # whose probe missed by more than it allows (`_confirmed`)
        self.rows: list[tuple[float, float, float]] = []  # (step, quotient, rounding bound)
        self.jumps: list[float] = []  # the steps of the quotients left in a collapse
        self.rows_since_accepted = 0
        # How far the quotients below the accepted rows are from it (0: within their rounding).
        self.distances: list[float] = []
        self.unresolved = False  # the accepted estimate had no digit (`_no_digit`) when kept
        # The accepted estimate where a walk going on past it, as it has no digit, would
        # have stopped: what it returns unless a later window does better.
        self.fallback: _Candidate | None = None
        self.stale = 0  # rows in a row that did not improve the window's best error
        self.asymptotic = True  # until the quotients say otherwise: ordinary f need no search
        self.resolved = 0.0  # the first step of the first window with an entry with digits

    def new_window(self) -> _Window:
        return _Window(2 if self.kind == "central" else 1)

    def row(self, h: float) -> float | None:
        """Take the quotient at step ``h``; the next step, or None to stop."""
        try:
            quotient, noise, step = self.sampler.quotient(self.kind, self.n, h)
            if self.window.steps and step >= self.window.steps[-1]:
                raise NumericalError("the step no longer shrinks: it is a few ulps of x")
        except (DomainError, NumericalError):
            return self.failed_row(h)
        self.fitted = True
        # Only before any row: once a stencil sees f's feature, smaller ones do.
        if not self.rows and _blind(self.sampler, self.kind, self.n, step):
            return self.blind_row(step)
        window = self.window
        window.add(step, quotient, noise)
        self.rows.append((step, quotient, noise))
        self.check_accepted(step, quotient, noise)
        if self.note_collapse() and self.fallback is not None:
            self.best = None  # below the stairs of f: no window here will do
            return None
        ended = broken = floored = False
        if not window.in_asymptotic_range():
            ended = broken = self.best is not None
            if not ended:
                window.clear_to_last()
                self.asymptotic = False
        elif len(window.quotients) >= 3:
            self.asymptotic = True
            previous, self.best = self.best, _best(window)
            if not self.resolved and _resolves(window, self.best):
                self.resolved = window.steps[0]
            improved = previous is None or (
                self.best is not None and self.best.error < 0.5 * previous.error
            )
            self.stale = 0 if improved else self.stale + 1
            # Ridders' stop, or two rows that no longer halve the error.
            ended = previous is not None and (_worse(window, previous) or self.stale >= 2)
            # Below the bound the answer carries anyway, at this row and the one before.
            floored = (
                previous is not None
                and self.best is not None
                and self.below_lined_up(previous)
                and self.below_lined_up(self.best)
            )
        best = self.best
        converged = best is not None and best.error <= 16.0 * _EPS * abs(best.value)
        early = (
            best is not None
            and window.steps[0] >= 0.5 * self.first_step
            and best.error <= self.enough * abs(best.value)
        )
        if self.stops(ended=ended, converged=converged, early=early, floored=floored):
            self.early = early and not converged
            return None
        if broken:  # the row that broke the pattern may begin the next one
            self.window.add(step, quotient, noise)
        if self.accepted is not None and self.done_after(self.accepted):
            return None
        return step / (SHRINK if self.asymptotic else _search_shrink(self.n))

    def below_lined_up(self, best: _Candidate) -> bool:
        """Whether ``best``'s error is below a quarter of the bound `_lined_up` adds to the answer.

        That bound (what ``a t`` rounded inside ``f`` can move all quotients by
        alike) is added to every answer that is the walk's own, not refined
        (`_refine` leaves out first derivatives whose window had to search, and
        every walk with ``enough`` 0 is one), and it grows as the smallest step
        shrinks: rows below could only lower an error already below it, and
        raise the bound. The window ends (`row`) once its best entry is below
        it at two consecutive rows: the second also checks the first, as the
        rows after a best entry do. ``cos`` at 1e5: 5.4e-13 against 1.7e-11 at
        0.0229, 9.7e-14 against 3.5e-11 at 0.0114, where the walk now stops;
        two more rows (four calls) gave the same value and answer. First
        derivatives only: of order 2, the one-sided checks read the forward
        quotients down to a fifth of the window's smallest step
        (`_one_sided_drift`), and at larger steps their truncation read as
        drift (shiftscan seed 23, draw 60: ``sin(3 u) exp(-u**2)``, ``u = (t -
        c) / w``, ``w`` = 0.005, ``n = 2``, then refused, for -23648.594).
        """
        window = self.window
        searched = window.steps[best.row - best.level] < 0.5 * self.first_step
        if self.n != 1 or (self.enough and not searched):
            return False  # of order 2 or more, or refined: see above
        size = abs(self.sampler.x) + self.sampler.offset
        bound = _lined_up_at(size, self.n, self.kind, best.value, best.smallest)
        return best.error <= bound / LINED_UP_MARGIN

    def stops(self, *, ended: bool, converged: bool, early: bool, floored: bool) -> bool:
        """End the window where a rule says so; whether the walk stops there, its best kept.

        ``ended`` (the pattern broke, Ridders' stop, stale rows) ends the window
        and the walk goes on; the others end the walk with it, once kept. The
        floor (`below_lined_up`) alone ends a window only where it keeps its
        best entry (`kept_at_floor`).
        """
        if ended or converged or early:
            return self.end_window(converged) and (converged or early or floored)
        return floored and self.kept_at_floor()

    def kept_at_floor(self) -> bool:
        """End the window at `below_lined_up`'s floor if its best entry is kept; else go on.

        A window the floor alone ends and `end_window` does not keep (not
        better than the estimate kept, or its probe missed) goes on as it
        would have, with everything that ending noted undone: ended, its
        next step would be quartered, not halved, and quotients there can
        widen the estimate kept (hessscan seed 2, while the floor held for
        second derivatives too: ``cos(p0 p1 / 1e9)`` along ``e1 + e2`` at
        coordinates 2.7e7 and 4.1e10, the Hessian then refused).
        """
        sampler = self.sampler
        state = (self.window, self.best, self.asymptotic, self.stale, self.unsettled)
        noted = (len(self.settled), len(self.refuted), set(sampler.steps), sampler.swung)
        resolved = self.resolved
        if self.end_window(converged=False):
            return True
        self.window, self.best, self.asymptotic, self.stale, self.unsettled = state
        self.resolved = resolved
        del self.settled[noted[0] :], self.refuted[noted[1] :]
        sampler.steps, sampler.swung = noted[2], noted[3]
        return False

    def failed_row(self, h: float) -> float | None:
        """The next step after a stencil at ``h`` left the domain of ``f``; None to stop."""
        if self.best is None and self.accepted is None and h >= self.floor:
            self.window = self.new_window()  # outside the domain: shrink fast
            # Domains often end at 0 (log, sqrt): the scale of x is a good next guess.
            near = 0.5 * abs(self.sampler.x)
            return near if 0.0 < near < h / FAIL_SHRINK else h / FAIL_SHRINK
        self.end_window(converged=False)  # no smaller step fits: end with what we have
        return None

    def blind_row(self, step: float) -> float:
        """The next step after a stencil at ``step`` missed a feature of ``f`` at ``x`` (`_blind`).

        Its quotient says nothing of ``f`` at ``x``: it joins no window, and
        the steps shrink fast until a stencil sees the feature.
        """
        self.end_window(converged=False)  # what a window above found stays
        self.asymptotic = False
        self.sampler.seeing = min(self.sampler.seeing, step / FAIL_SHRINK)
        return step / FAIL_SHRINK

    def note_collapse(self) -> bool:
        """Keep the quotient before a collapse (`_collapsed`) as a settled value; whether one."""
        if not _collapsed(self.window.power, self.rows):  # a value the quotients left in one jump
            return False
        jumped, before, rounding = self.rows[-3]
        self.settled.append(_Candidate(before, 4.0 * rounding, 0, 0, jumped, before, rounding))
        self.jumps.append(jumped)
        return True

    def done_after(self, accepted: _Candidate) -> bool:
        """Whether the walk stops: the ``accepted`` estimate is good, or 5 rows old.

        An estimate with no digit (`_no_digit`) does not end the walk: smaller
        steps may resolve ``f``. One that had digits when kept and lost them
        to `check_accepted` is the ``fallback``, returned unless a window with
        digits does better, and the walk stops at a collapse: below the stairs
        of a staircase ``f`` quotients settle on the slope of a part of it.
        One with digits does not either while the quotients below it that
        contradicted it keep leaving it (`_still_leaving`).
        """
        self.rows_since_accepted += 1
        if accepted.error <= 1e-8 * abs(accepted.value):
            return True
        if self.rows_since_accepted <= 4 or self.unresolved or self.fallback is not None:
            return False
        if _no_digit(accepted):
            self.fallback = accepted
            return False
        # A fast term the accepted rows averaged away, not yet resolved: go on. First
        # derivatives only: for higher orders going on gained nothing on fastterm's draws
        # (their lies come from the sine's swings later measured as noise) and cost right
        # answers (t**2 (1 + erf t) at -3.72, n = 2: refused).
        widened = accepted.error > self.kept_error
        return not (self.n == 1 and widened and _still_leaving(self.distances))

    def check_accepted(self, step: float, quotient: float, noise: float) -> None:
        """Widen the accepted estimate's error if a quotient at a smaller step contradicts it.

        Below the smallest step ``h_w`` of its rows, a quotient approaches the
        derivative as ``h**p``: it can be no farther from the estimate ``L``
        than ``(|D(h_w) - L| + error) (h / h_w)**p + error``, twice that for
        the terms after the first (of order 2 or more, twice the first term
        only: the estimate is off by its error once), and its rounding. Of
        order 2 or more that sees a jump of ``f^(n)`` a few steps from ``x``,
        which the window's quotients all crossed: ``6.2e-6 max(0.21 (t - 2),
        0)**2 / 2 + 1.69 atan(8.14 t) + 0.72 exp(-0.4 t)`` at 1.99327,
        ``n = 2``, steps 0.4 to 0.05: -0.00096116 +- 3.4e-8, for -0.00096125,
        the quotient at 7.8e-4 1e-7 from it (rounding 8.4e-9). A window far from the
        asymptotic range can still look like one, and its probe agree, by
        chance (``log(1 + t**2)``, ``n = 5`` at 0.497 with steps from 0.35:
        21.35 +- 0.22, exact 20.48; the quotients at 0.011 and 0.0027 are
        20.485 and 20.4796): then the error is at least as far as it is. Of
        order 2 or more so is a quotient that moved toward the estimate by less
        than its truncation allows (`_stalled`).
        """
        accepted = self.accepted
        if accepted is None or not step < accepted.smallest or not self.accepted_rows:
            return
        last = self.accepted_rows[-1][1]  # the quotient at its smallest step
        rate = self.window.ratio(step, accepted.smallest)
        allowed = _allowed(rate, accepted.value, accepted.error, last)
        apart = abs(quotient - accepted.value)
        self.distances.append(apart if apart > 4.0 * noise else 0.0)
        # Twice the truncation (the terms after the first), but the error once: the
        # quotient is off the derivative by its truncation, the estimate by its error.
        # Of order 1 twice the error still: there an estimate widened changes where the
        # walk goes on (`done_after`), and (1 - cos t) / t at -0.00348 was then refused.
        once = accepted.error if self.n >= 2 else 0.0
        # A quotient that hardly moved is held against it alike, of order 2 or more too.
        stalled = self.n >= 2 and _stalled(rate, accepted, last, quotient, noise)
        if apart > 2.0 * allowed - once + 4.0 * noise or stalled:
            self.accepted = replace(accepted, error=accepted.error + apart)
            self.fallback = _still_falling_back(self.fallback, accepted, self.accepted, self.n)

    def check_below(self) -> None:
        """`check_accepted` with the quotients already taken at steps below the accepted rows.

        Their points are known (no call is made), and the quotients are taken
        again with the noise now known. Truncation shrinks with the step: a
        quotient that leaves the estimate by more than its expansion and the
        quotient's noise allow disproves its error, whenever it was taken.
        They are the row that ended the window (added before it ended: a
        second derivative of ``3.25e4 / (a.p - shift)`` 6.5e-7 from its pole,
        rounded in its argument, kept 4.184179e29 +- 6.6e23, for 4.184198e29,
        and the quotient at half its smallest step is 1.2e25 from it, noise
        6.9e23), and an earlier walk's, when the walk is done again
        with the noise of ``f`` measured (`extrapolate`): it stops a few rows
        past the estimate it keeps (`done_after`), but the earlier walk may
        have gone far below it. The noise, measured near ``x`` and taken as a
        floor everywhere, can be far above the values at the first steps:
        ``m / (t + 1.6e-14)`` rounded in its argument is noisy by ``3e-8
        |f(0)|``, some 3e4 times ``|f|`` at 0.015, where the quotients (``m /
        h**2``) then all agree within it: 1.5e-25 +- 2.3e-21, while those at
        1e-16 of the walk before it were -0.00621 (noise 2e-7 to 4e-7, taken
        again with the noise of ``f`` known).
        """
        for kind, n, step in sorted(self.sampler.steps, key=lambda taken: -taken[2]):
            if (kind, n) == (self.kind, self.n):
                try:
                    quotient, noise, _ = self.sampler.quotient(kind, n, step)
                except (DomainError, NumericalError):
                    continue
                self.check_accepted(step, quotient, noise)

    def end_window(self, converged: bool) -> bool:
        """Confirm the window's best entry, keep it if it is the best yet, start anew."""
        best, kept = self.best, False
        if best is not None:
            self.settled.append(best)
        if best is not None and _beyond_scale(self.sampler, self.kind, self.n, self.window, best):
            best = None  # f's own swings: no evidence of f'(x)
        better = best is not None and (self.accepted is None or self.beats(best, self.accepted))
        # Going on past an estimate with no digit, only one with digits replaces it.
        if best is not None and better and not (self.fallback is not None and _no_digit(best)):
            kept = _confirmed(self.sampler, self.kind, self.n, self.window, best)
            if not kept and not self.sampler.offset:
                widened = _confirmed_despite_rounding(
                    self.sampler, self.kind, self.n, self.window, best
                )
                # Only a window with digits is worth rescuing: keeping one with none
                # (a far-field window) would change where the walk goes on to. And
                # only one still better with its widened error: kept, it would let the
                # walk go on past a better estimate, down to steps of a few ulp(x).
                if (
                    widened is not None
                    and not _no_digit(widened)
                    and (self.accepted is None or widened.error < self.accepted.error)
                ):
                    best, kept = widened, True
                    self.settled[-1] = best
            if not kept:
                self.note_refuted(best)
                self.unresolve()
            elif self.missed_as_above(best) or self.settled_by_rounding_alone():
                kept = False
            if kept:
                self.accepted, self.rows_since_accepted = best, 0
                self.distances = []
                self.kept_error = best.error
                self.unresolved, self.fallback = _no_digit(best), None
                rows = slice(best.row - best.level, best.row + 1)
                self.accepted_rows = tuple(
                    zip(self.window.steps[rows], self.window.quotients[rows], strict=True)
                )
                self.check_below()
        self.window, self.best, self.asymptotic = self.new_window(), None, converged
        self.stale = 0
        return kept

    def unresolve(self) -> None:
        """Forget that this window resolved ``f`` (`_resolves`): its probe refuted it.

        A window at steps far above the scale of ``f`` can follow the expansion
        by chance (steps that alias a fast sine), and `_within_reach` would then
        measure noise at spacings on ``f``'s own scale, below its steps
        (``exp(-2323.5 t) sin(857260 t + 5.5131)`` at -0.2065: a window at 2.3e-4
        to 7.3e-6, refuted, then a noise spacing of 2e-6, 1.7 radians of ``k
        h``, read ``f``'s swing as noise 7.9e208, and the walk done again with
        it answered 4.38e211 +- 1.25e213 for -1.62e214).
        """
        if self.window.steps and self.resolved == self.window.steps[0]:
            self.resolved = 0.0

    def missed_as_above(self, best: _Candidate) -> bool:
        """Whether the window's probe misses as it steadily did at larger steps.

        Its tolerance (`_confirmed`) allows 100 times the quotient's rounding
        bound, which grows as the step shrinks. Where the probe refuted windows
        at two larger steps by the same miss (within a quarter: truncation would
        have shrunk it as the steps, rounding there was far below it) and this
        window has their value, a miss this probe cannot tell from theirs
        (within ``2 error + 4 noise``) is ``f``'s, not rounding's. Steps that
        halve alias an ``f`` periodic in ``log2 |t|`` (``t cos(2 pi log2 |t|) +
        1`` at 0: every window is 0.9323 and its probe 0.491 off, refuted down
        to steps of 5e-14, where rounding against the 1 makes the tolerance
        1.38). A miss that shrinks with the steps (the forward quotients of ``t
        + t**2 cos(pi log2 |t|)``) does not count.
        """
        try:
            miss, noise, _ = _probe_miss(self.sampler, self.kind, self.n, self.window, best)
        except (DomainError, NumericalError):
            return False
        close = 2.0 * best.error + 4.0 * noise
        return any(
            abs(miss - refuted_miss) <= close
            and abs(best.value - refuted.value) <= best.error + refuted.error
            for refuted, refuted_miss in self.steady_refutations()
        )

    def settled_by_rounding_alone(self) -> bool:
        """Whether the window settled only where rounding grew to the swing of the quotients above.

        With no estimate kept, a window whose first three quotients agree only
        within their rounding (the first test of `_Window.in_asymptotic_range`),
        below quotients that swung by far more than their rounding at every
        step (`_swung_throughout`), shows no limit: where the rounding of a
        quotient is as large as its swing, any quotients agree within it. Its
        probe (`_confirmed`) then allows as much. ``t (2 + sin(2 pi 0.301
        log2|t|))`` has no derivative at 0: ``0.0663 f(x / 3.83) - 11.7`` has
        quotients from 0.019 to 0.052 at steps 0.015 to 5.6e-11, each 0.003 to
        0.033 from the one before (rounding 1e-4 at most), then 0.0239, 0.0351
        and 0.0448 at steps 1.4e-11 to 8.7e-13, where rounding against the 11.7
        is 4e-4 to 0.006: that window was kept as 0.0454 +- 0.0245. Once one
        is found the walk stops (`_search`): smaller steps only add rounding.
        """
        if self.accepted is not None:
            return False
        window = self.window
        quotients, noises = window.quotients[:3], window.noises[:3]
        if abs(quotients[1] - quotients[2]) > 4.0 * max(noises):
            return False  # the window began as truncation does
        above = [row for row in self.rows if row[0] > window.steps[0]]
        jumps = [abs(lower[1] - upper[1]) for upper, lower in itertools.pairwise(above)]
        rounding = 4.0 * max((row[2] for row in above[-4:]), default=0.0)  # as the window's
        self.unsettled = _swung_throughout(jumps, rounding)
        if self.unsettled:
            self.sampler.swung = (max(jumps), window.steps[0])
        return self.unsettled

    def steady_refutations(self) -> list[tuple[_Candidate, float]]:
        """The refuted windows whose probe's miss a window at larger steps also had, within 1/4."""
        return [
            (refuted, miss)
            for i, (refuted, miss) in enumerate(self.refuted)
            if any(abs(above - miss) <= abs(miss) / 4.0 for _, above in self.refuted[:i])
        ]

    def note_refuted(self, best: _Candidate) -> None:
        """Record a window whose probe missed by more than it allows (`missed_as_above`)."""
        try:
            miss, noise, _ = _probe_miss(self.sampler, self.kind, self.n, self.window, best)
        except (DomainError, NumericalError):
            return
        if abs(miss) > 2.0 * best.error + 100.0 * noise:
            self.refuted.append((best, miss))

    def beats(self, best: _Candidate, accepted: _Candidate) -> bool:
        """Whether ``best`` has a smaller error than ``accepted``, also with rounding inside ``f``.

        A multiple of ``t`` rounded inside ``f`` can move a first derivative's
        quotient at ``j`` ulp(``x``) by up to about ``|f'| / j``
        (`_rounded_inside`), and alike at each step (``sin(17172227584.8 t)``
        at 0.81: ``k ulp(x)`` is within 4.5e-4 of ulp(``k x``), so ``k t``
        rounds to whole ulps and the quotients at 16 to 246 ulp(``x``) all
        give ``ulp(k x) / ulp(x)`` times ``cos``: -858835226.9 +- 0.63, for
        -858461933.4): their window's error does not see it. In one
        variable, a window replaces the accepted one only if it is also
        better with that bound, at the smallest step of each, added to both
        errors (at larger steps it is smaller).
        """
        if not best.error < accepted.error:
            return False
        if self.sampler.offset:
            return True
        try:
            mine = _rounded_inside(self.sampler, self.kind, self.n, best.smallest)
            theirs = _rounded_inside(self.sampler, self.kind, self.n, accepted.smallest)
        except (DomainError, NumericalError):
            return True
        return best.error + mine < accepted.error + theirs

    def result(self) -> Estimate | None:
        if self.best is not None:
            self.end_window(converged=False)
        if self.fallback is not None:  # no window after it did better
            self.accepted = _contradicted(self.fallback, self.settled)
        elif self.accepted is not None:
            self.accepted = _held_to_later(self.accepted, self.settled)
        if self.accepted is None:
            return None
        error = max(self.accepted.error, 4.0 * _EPS * abs(self.accepted.value))
        smallest = self.accepted.smallest
        widest_kept = max((step for step, _ in self.accepted_rows), default=math.inf)
        return Estimate(
            self.accepted.value,
            error,
            self.sampler.calls,
            self.first_step,
            self.kind,
            smallest,
            self.accepted_rows,
            self.early,
            larger=tuple(
                (other.value, other.error)
                for other in self.settled
                if other.smallest > smallest and not _no_digit(other)
            ),
            jumps=tuple(jump for jump in self.jumps if jump > smallest),
            no_digit=self.unresolved,
            resolved=self.resolved,
            above=tuple(
                (below[1], abs(row[1] - below[1]) + 4.0 * max(row[2], below[2]))
                for row, below in itertools.pairwise(self.rows)
                if smallest < below[0] < row[0]
            ),
            kept_error=self.kept_error,
            before=tuple(row for row in self.rows if row[0] > widest_kept),
        )


def _blind(sampler: Sampler, kind: str, n: int, step: float) -> bool:
    """Whether ``f`` is one value at the stencil's points at ``step`` but ``x``, another at ``x``.

    Then ``f`` has a feature at ``x`` narrower than the step, which the
    quotient does not see: ``exp(-(t - 1e5)**2)`` at ``1e5 + 0.5``, whose
    first steps (scaled to ``max(1, |x|)``) reach where it is 0 on both
    sides, has central quotients of exactly 0 for ``-exp(-0.25)``. An ``f``
    even about ``x`` (``cos`` at 0) also takes one value at ``x +- h``, but
    another twice as far out, where a feature's flat surroundings take the
    same: that point is evaluated too (not kept among the samples, whose
    largest value sets the rounding level). A stencil with one point off
    ``x`` (forward, ``n = 1``) cannot tell.
    """
    x, values = sampler.x, sampler.values
    offsets = [offset for offset in stencil(kind, n)[0] if offset]
    points = [x + offset * step for offset in offsets]
    if len(offsets) < 2 or not all(point in values for point in [x, *points]):
        return False  # (a quotient given without its samples, as tests do)
    others = {values[point] for point in points}
    # (Nor after a walk past such stencils found nothing: `_walks_seeing`.)
    if len(others) != 1 or values[x] in others or not sampler.looks_past:
        return False
    sampler.calls += 1
    try:
        farther = evaluate(sampler.f, x + 2.0 * max(offsets, key=abs) * step)
    except (DomainError, NumericalError):
        return False
    return farther in others


def _swung_throughout(jumps: list[float], rounding: float) -> bool:
    """Whether quotients that moved by ``jumps`` (from the largest step down) never began to settle.

    Where ``f`` is resolved, truncation shrinks with the step, so the jumps
    do; where ``f`` is noisy (stairs), noise grows as the step shrinks, so
    they grow from jumps that were small. Either way two jumps in a row fall
    below 1/16 of the largest. The quotients of ``f`` with no derivative, as
    ``t g(log2 |t|)`` at 0, swing by about as much at every step: at the last
    three steps still by a quarter of the largest jump, and beyond
    ``rounding``. ``SWUNG`` jumps at least: converging quotients whose jumps
    halve with each quartered step (``|t|**1.5 g(log2 |t|)`` from the right)
    fall below a quarter in 3.

    Examples:
        >>> _swung_throughout([0.028, 0.011, 0.022, 0.032, 0.03, 0.015, 0.024], 1e-3)
        True
        >>> _swung_throughout([0.028, 0.011, 0.022, 0.032, 0.03, 0.015, 0.024], 0.03)
        False
        >>> _swung_throughout([267.0, 133.0, 67.0, 33.0, 17.0, 8.3], 1.0)
        False
        >>> _swung_throughout([1.7e-4, 4e-5, 2.4e-7, 0.0, 2e-6, 1.3e-4, 5e-4], 1e-10)
        False
    """
    if len(jumps) < SWUNG:
        return False
    largest, last = max(jumps), max(jumps[-3:])
    calmed = any(max(pair) < largest / 16.0 for pair in itertools.pairwise(jumps))
    return not calmed and last >= largest / 4.0 and last > rounding


def _still_falling_back(
    fallback: _Candidate | None, accepted: _Candidate, widened: _Candidate, n: int
) -> _Candidate | None:
    """The walk's fallback after `_Walk.check_accepted` widened the ``accepted`` estimate.

    Where the fallback is that estimate, the quotients below go on
    contradicting it as the walk goes on past it (`_Walk.done_after`), and it
    is returned with the error they give it: ``0.1754 s**4 + sin(1.1685
    s**2)`` at 978.04, ``n = 4``, kept -262.0 at steps 0.14 and 0.072, and
    the quotients as the sine's period (0.0027) was resolved widened it to
    6.7e12 at 1.1e-3, where it lost its digits, then to 2.3e13 at 5.6e-4,
    for -2.1e13 (it was returned at 6.7e12). Of order 2 or more: for a first
    derivative near 0, `calcweb.derivative` prefers a walk from a step
    scaled to ``|x|`` to a first walk whose error is wider, and ``cos(t) - 1
    + t**2 / 2`` at -2.79e-10 (``cos`` rounded to 1 below 1.5e-8, where
    ``f`` is ``t**2 / 2`` in floats) was then answered with that slope.
    """
    return widened if n >= 2 and fallback is accepted else fallback


def _held_to_later(accepted: _Candidate, settled: list[_Candidate]) -> _Candidate:
    """The kept estimate, its error widened to hold a later window about as fine.

    A window at smaller steps that did not beat it (`_Walk.beats`), whose
    extrapolated entry (level 1 or more) has at most twice its error, reads
    the derivative about as well; where the kept error does not reach that
    value, the kept rows may have crossed a kink or jump of ``f^(n)`` a
    fraction of their step away, and its error is widened to hold the
    window's value and error. ``2.91 atan(0.963 t) - 4.23e-8 u |u| / 2``, ``u
    = -3.19 (t - 0.5)``, at 0.49597, ``n = 2`` (``f''`` jumps 8.6e-7 at 0.5):
    steps 0.2 to 0.025 kept -1.71087049 +- 1.24e-7, the window at 0.0031 to
    9.8e-5 -1.71087077 +- 1.75e-7, for -1.710870772. A window with a wider
    error, its rounding grown as its steps shrank, strays within it: no evidence.
    """
    error = accepted.error
    for other in settled:
        apart = abs(other.value - accepted.value)
        below = other.level and other.smallest < accepted.smallest
        if below and other.error <= 2.0 * accepted.error and apart > error:
            error = apart + other.error
    return replace(accepted, error=error)


def _contradicted(fallback: _Candidate, settled: list[_Candidate]) -> _Candidate:
    """The walk's fallback, its error widened to the windows at smaller steps that disagree.

    The fallback lost its digits to `_Walk.check_accepted`, as the walk went
    on past it; a later window that does not beat it (`_Walk.beats`) can
    still be evidence against it: where one with an extrapolated entry
    (level 1 or more: not the quotient before a collapse, which rests on
    stairs) is farther from it than both their errors, one of the two is
    wrong, and the fallback's error is at least that distance plus the
    window's error. ``sin`` at 33614626641256.94: the fallback -1.98e-12 +-
    3.9e-9 (an alias: steps far above the scale of ``sin`` that stay
    commensurate with its period), the window at 0.92 to 0.0039 -0.935755 +-
    1.1e-13 (at one ulp(``x``) its rounding bound, 0.89, kept it from
    beating the fallback): 0.936.
    """
    error = fallback.error
    for other in settled:
        apart = abs(other.value - fallback.value)
        if other.level and other.smallest < fallback.smallest and apart > other.error + error:
            error = apart + other.error
    return replace(fallback, error=error)


def _beyond_scale(sampler: Sampler, kind: str, n: int, window: _Window, best: _Candidate) -> bool:
    """Whether a central window rests on steps far above the scale of ``f``.

    There the central quotients are ``f``'s own swings over ``2h``, not its
    expansion: at a crest of ``sin(k t + c)`` (``f`` even about ``x``) every
    one is ``f'(x) sin(k h) / (k h)``, 0 within rounding at ``k h`` of tens
    of radians, and they agree on 0 (``k`` = 16313.8, ``x`` = 0.01863, in
    full in tests/unit/test_derivative_far_field.py, as the cases below:
    -1.9e-13 +- 4.4e-13 from steps 0.015 to 0.00375, for -2.67e-10). The
    same points give the even part of ``f``, ``E(h) = (f(x + h) + f(x - h))
    / 2 - f(x)``, which is ``o(h)`` wherever ``f'(x)`` exists: where ``f``
    is resolved it settles onto 0 one way, its changes from step to step of
    one sign (``f'' (h1**2 - h2**2) / 2`` where ``f`` is smooth; as ``h``
    beside a kink, which `_check_one_sided` judges; the changes leave out
    ``f(x)``, whose own rounding is in every ``E`` alike). Beyond the scale
    of ``f`` they are ``f``'s swings, of either sign (there ``E`` = 0.056,
    1.99, 1.08 at 0.015, 0.0075, 0.00375: changes 1.93 and -0.91). A change
    that turns says that the window is no evidence of ``f'(x)`` if it is
    beyond what noise can do: noise that large in the values would scatter
    the quotients by about it over ``h``, which the window's error rules out
    (``NO_DIGIT`` times over), unless it is even about ``x`` (a staircase
    ``f``, rounded to a grid, whose values at ``x + h`` and ``x - h`` fall
    on stairs alike, moves ``E`` and no quotient: 23 windows of `bench.honesty`
    derivative and cancelling, seeds 1-2): so it must also be a quarter of
    the range ``f`` spans over the points sampled, as ``f``'s swings are and
    no rounding of it is (``sin(k t + c) + 10`` spans 2). The rows judged
    are those the estimate rests on, three at least (of higher orders, more:
    see below); no call is made (the points are the quotients'). Central
    stencils only. (Changes
    that grow one way are what a window that begins beyond the scale of
    ``f`` and ends within it shows, whose error can say so: ``sin(341602.19
    t + 1.5680)`` at -0.78102, steps 1.5e-5 to 9.2e-7, 5 to 0.3 radians of
    ``k h``: -4.05e-6 +- 2.7e-6, for -3.5e-6.)

    Every odd order's central quotients take the odd part of ``f`` about
    ``x`` alone (points ``x -+ h`` and farther), and ``E`` is judged as for
    ``n = 1``: ``sin(558.85 t + 5.4502)``, ``n = 3``, at a crest (0.2067:
    ``f'''`` = 5.1e-7) was -1.7e-10 +- 8.7e-10 from steps 0.25 down. Even
    orders take the even part alone, and the odd part ``O(h) = (f(x + h) -
    f(x - h)) / 2`` (``f' h + f''' h**3 / 6 + ...``, settling onto 0 one
    way) is judged instead: ``sin(4660273.74 t + 5.015)``, ``n = 2``, at a
    zero (0.45164: ``f''`` = -4499) was -1.1e-7 +- 3.9e-6. Noise ``d`` in the
    values moves an order ``n`` quotient by ``d sum|w| / (s h)**n`` (``s``
    the stencil's spacing, 2 for odd orders): the window's error rules out
    noise above its error times ``(s h)**n / sum|w|``, ``h`` for ``n = 1``.

    Orders 2 and more are judged on more. The rows below the best entry, to
    the window's end, count too: where the estimate's rows resolve ``f``,
    so do smaller steps (``sin(1062078.22 t + 3.3573)``, ``n = 2``, at
    0.53590, a zero of ``f''`` = 128.27: the window at steps 0.0031 to
    4.9e-5, 3300 to 52 radians of ``k h``, rested on its first three rows,
    whose odd parts did not turn, and gave 1.36e-5 +- 0.078). And a part
    that crosses 0 from one row to the next, by more than noise can move it
    and ``1 / SWING`` of the range of ``f`` sampled, is ``f``'s swing: a
    resolved part keeps its sign as it settles (``sin(8807.56 t +
    5.3765)``, ``n = 2``, at 0.53800: odd parts 0.797, 0.896, 0.527, 0.274,
    -0.138 at steps 0.2 to 0.0125, and -3.3e-10 +- 5.7e-9 for 9.0e-5).
    First derivatives keep the rule above: the stronger one, tried on them
    too, refused ``sin`` at 7e110 and the like with a message that no longer
    said that ``f`` varies faster than the floats near ``x`` resolve
    (`_check_resolved`, which judges only an estimate the walk kept).
    """
    if kind != "central" or best.row < 2:
        return False
    first = min(best.row - best.level, best.row - 2)
    # Higher orders: the rows below the best entry too, to the window's end (resolved
    # if the estimate's rows are).
    steps = window.steps[first : best.row + 1] if n == 1 else window.steps[first:]
    parts = [_other_part(sampler, n, step) for step in steps]
    if None in parts:  # not a point of f's (a stand-in sampler)
        return False
    judged = [part or 0.0 for part in parts]
    changes = _differences(judged)
    spread = _spread_sampled(sampler)
    for k in range(1, len(changes)):
        before, after = changes[k - 1], changes[k]
        turns = (before < 0.0 < after) or (after < 0.0 < before)
        if turns and abs(after) > max(_noise_part(n, best, steps[k]), spread / 4.0):
            return True
    for k in range(1 if n > 1 else len(judged), len(judged)):
        crossed = _crossed(judged[k - 1], judged[k])
        if crossed > max(_noise_part(n, best, steps[k]), spread / SWING):
            return True
    return False


def _other_part(sampler: Sampler, n: int, step: float) -> float | None:
    """The part of ``f`` about ``x`` an order-``n`` central quotient leaves out, at ``step``.

    The even part ``E = (f(x + h) + f(x - h)) / 2 - f(x)`` for odd ``n``, the odd
    part ``O = (f(x + h) - f(x - h)) / 2`` for even ``n``; None where a value is
    not known (no call is made).
    """
    x = sampler.x
    try:
        above, here, below = (sampler.values[point] for point in (x + step, x, x - step))
    except KeyError:
        return None
    return (above + below) / 2.0 - here if n % 2 else (above - below) / 2.0


def _noise_part(n: int, best: _Candidate, step: float) -> float:
    """``NO_DIGIT`` times the most that noise the window's error allows moves a part at ``step``."""
    _, weights, spacing = stencil("central", n)
    gain = sum(map(abs, weights)) / spacing**n  # noise d moves a quotient by d gain / h**n
    # (1 for odd orders, 2**n for even ones)
    return NO_DIGIT * best.error * step**n / gain


def _spread_sampled(sampler: Sampler) -> float:
    """The range of ``f`` over every point sampled."""
    sampled = sampler.values.values()
    return max(sampled) - min(sampled)


def _followed_below(sampler: Sampler, n: int, estimate: Estimate, quiet: float) -> Estimate:
    """``estimate``, unless it is of order 2 or more and the steps below its window leave it.

    Steps that halve can alias a period of ``f`` over a whole window and its
    probes: ``k h`` a whole number of turns plus an angle that halves with
    ``h`` makes ``sin(k t + c)`` look like a slow sine at every one of them,
    and the probes' parts (`_probe_strays`) land between their neighbours' by
    chance (``sin(488921.43 t + 3.9951)``, ``n = 4``, at 0.7045092055333835, near a zero
    of the fourth derivative: odd parts -0.768 and -0.424 at steps 0.15 and
    0.075, the probes' -0.568 and -0.473; -9.0e-6 +- 1.3e-4 for -3.24e12).
    The values sampled at smaller steps (an earlier walk's, the noise
    measurements') tell: where the window resolves ``f`` its part
    (`_other_part`) over ``h`` (``h**2`` for the even part) is a smooth
    function of ``h**2``, so at any smaller step it lies within twice the
    change between the window's two smallest steps (a third, for a halving)
    of the smallest one's, allowing ``NO_DIGIT`` times what noise moves each
    by (`_part_noise`). There it was 4.9e5 (``k``) against the window's -5.1
    and -5.7. Only a part larger in size than the window's counts (aliasing
    makes ``f`` look slower: ``|sin(k h)| / h <= k``, ``|1 - cos(k h)| /
    h**2 <= k**2 / 2``), and by more than ``1 / SWING`` of the range of ``f``
    sampled, as ``f``'s swings are (`_beyond_scale`): stairs of ``f`` below the
    window's steps, which the noise measurements can miss, move its parts by
    a stair (``t (1 - tanh t)`` at 17.449, ``n = 2``: -2.8e-13 at a step of
    0.0034 against the window's -5.4e-14, half a stair of 1.9e-15, where
    ``f`` spans 2e-11; an honest 7.6e-14 +- 1.8e-10, for 9.2e-14).

    Raises:
        NumericalError: If a part at a smaller step sampled leaves that range.
    """
    if n < 2 or estimate.kind != "central" or len(estimate.window) < 2:
        return estimate
    power = 2 if n % 2 else 1  # E(h) ~ h**2, O(h) ~ h
    smallest, next_smallest = sorted(step for step, _ in estimate.window)[:2]
    parts = [_other_part(sampler, m, smallest) for m in (1, 2)]  # E and O there
    rates = [_part_rate(sampler, n, step) for step in (next_smallest, smallest)]
    if None in parts or rates[0] is None or rates[1] is None:
        return estimate
    even, odd = (part or 0.0 for part in parts)
    # f' and f'' as the window's smallest step shows them, for the rounding of t inside f.
    slopes = (abs(odd) / smallest, 2.0 * abs(even) / smallest**2)
    noise = max(sampler.noise_floor, quiet)

    def allowed(step: float) -> float:
        return NO_DIGIT * _part_noise(sampler, n, step, noise, slopes)

    trend = 2.0 * abs(rates[0] - rates[1]) + allowed(smallest)
    swings = _spread_sampled(sampler) / SWING
    x = sampler.x
    for point in list(sampler.values):
        step = point - x
        below = _part_rate(sampler, n, step) if 0.0 < step < smallest else None
        if below is None:
            continue
        # Aliasing slows f down (|sin(k h)| / h <= k): only a larger part says so, and
        # by f's swings, not its stairs (t (1 - tanh t) at 17.4, `_beyond_scale`'s SWING).
        excess = abs(below) - abs(rates[1])
        departs = excess > trend + allowed(step) and excess * step**power > swings
        if departs and not _symmetric_at(sampler, n, step, estimate):
            which = "odd" if power == 1 else "even"
            raise NumericalError(
                f"the difference quotients of order {n} at x={x!r} settled on "
                f"{estimate.value:.6g} +- {estimate.error:.3g} at steps {smallest:.3g} and "
                f"above, but f's {which} part at the smaller step {step:.3g} leaves their "
                "trend: those steps are far above the scale on which f varies, where its "
                "values can look like a slower function's (sin(k t) at steps a whole number "
                "of periods apart); write f with calcweb's functions (calcweb.sin, ...) for "
                "exact derivatives"
            )
    return estimate


def _symmetric_at(sampler: Sampler, n: int, step: float, estimate: Estimate) -> bool:
    """Whether the estimate and the order-``n`` central quotient at ``step`` are exactly 0.

    Then the part of ``f`` the quotients take vanishes at every step seen: ``f``
    is odd about ``x`` (``n`` even) or even (``n`` odd) in floats, and its
    derivative of that order is 0, whatever the other part (`_other_part`)
    does at the smaller step: ``x / sqrt(x**2 + 1e-5)`` at 0, ``n = 2``, has
    quotients of exactly 0 at every step while its odd part grows 4-fold from
    0.05 to 0.0125. Agreement short of 0 says nothing: near a zero of ``f''``,
    ``sin(6522.5 t + 1.5493)`` has quotients near 0 at aliased steps and at
    the smaller one (-1.96e-11 +- 7.4e-10, for 2.85e-6).
    """
    if estimate.value != 0.0:
        return False
    try:
        return sampler.quotient("central", n, step)[0] == 0.0
    except (DomainError, NumericalError):
        return False


def _part_rate(sampler: Sampler, n: int, step: float) -> float | None:
    """`_other_part` over ``step`` (the odd part) or ``step**2`` (the even part)."""
    part = _other_part(sampler, n, step)
    return None if part is None else (part or 0.0) / step ** (2 if n % 2 else 1)


def _part_noise(
    sampler: Sampler, n: int, step: float, noise: float, slopes: tuple[float, float]
) -> float:
    """How far noise moves `_part_rate` at ``step``: the values' own, and ``t`` rounded in f.

    ``t`` rounded inside ``f`` (by up to ``(|x| + offset + h) eps`` at ``x +
    h``; `_shifted` takes it at ``x``) moves each value by ``|f'|`` times
    that, and the odd part by ``|f''| h`` times it
    (the even part by ``|f''| h`` times it too, over ``h**2``): ``slopes`` are
    ``|f'|`` and ``|f''|``.
    """
    shift = (abs(sampler.x) + sampler.offset + step) * _EPS
    values = noise + slopes[0] * shift
    if n % 2:  # the even part over h**2
        return 4.0 * values / step**2 + slopes[1] * shift / step
    return 2.0 * values / step + slopes[1] * shift


def _crossed(before: float, after: float) -> float:
    """How far past 0 a part at a smaller step is from the part ``before`` (0: not past it).

    A resolved part settles onto 0 one way, keeping its sign.
    """
    return abs(after) if before * after < 0.0 else 0.0


def _no_digit(candidate: _Candidate) -> bool:
    """Whether an estimate has no correct digit, and is not 0 within rounding either.

    Its error exceeds its value, and also the size of the quotient at its
    smallest step (how far that quotient is from a derivative of 0, which
    extrapolation should improve on) plus ``NO_DIGIT`` times the quotients'
    rounding: a window far above the scale of ``f`` (``exp(-5000 t)`` at 0,
    steps 0.0075 to 0.00375: quotients -1.3e18 and -1.9e10 extrapolated to
    4.3e17 +- 4.1e33). A derivative of 0 is not refused: its quotients are
    0 within rounding (``cos`` at 0), or converge to 0 as the error shrinks
    below them (``sin(t) - t`` at 0).

    Examples:
        >>> _no_digit(_Candidate(4.3e17, 4.1e33, 2, 1, 0.00375, -1.9e10, 1.7e-5))
        True
        >>> _no_digit(_Candidate(1e-20, 2.5e-16, 2, 1, 1e-3, 0.0, 1e-16))
        False
        >>> _no_digit(_Candidate(1e-20, 1e-12, 3, 2, 1e-3, -1.7e-7, 1e-16))
        False
    """
    if candidate.error <= abs(candidate.value):
        return False
    return candidate.error > abs(candidate.last) + NO_DIGIT * candidate.rounding


def _search_shrink(n: int) -> float:
    """The step ratio while searching for the asymptotic range of an order-``n`` quotient.

    Its rounding grows as ``h**-n`` and its truncation falls as ``h**2``: the
    range where the truncation still leads but the rounding is small narrows
    as ``n`` grows. Quartered steps multiply the rounding by ``4**n``, which
    for ``n >= 3`` can jump from above the range to below it, or leave one row
    in it (``log(1 + t**2)``, ``n = 5`` at 0.497: 0.044, 0.011, 0.0027 fail the
    test of the range, 0.00068 is rounding; halved, 0.011, 0.0055 and 0.0027
    make a window, 20.47916 +- 0.0018, refined to 20.4792857197 for
    20.4792857152). So the steps are quartered only while that multiplies
    the rounding by at most ``SEARCH_GROWTH``.

    Examples:
        >>> _search_shrink(1), _search_shrink(2), _search_shrink(3)
        (4.0, 4.0, 2.0)
    """
    return SEARCH_SHRINK if SEARCH_SHRINK**n <= SEARCH_GROWTH else SHRINK


def _confirmed(sampler: Sampler, kind: str, n: int, window: _Window, best: _Candidate) -> bool:
    """Whether one more quotient, at a step between the window's, fits its polynomial.

    Steps that halve can stay commensurate with a period of ``f``
    (``0.015 * 1e4 = 150`` is close to ``48 pi``), or of ``f`` in ``log |t|``
    (``t (2 + sin(2 pi log2 |t|))`` at 0 looks like a slope of ``2 + sin(..)``
    to every step a power of 2 apart), so quotients that look smooth may be a
    coincidence; a step in an irrational ratio to them, at an irrational
    fraction of the way between their logarithms, breaks it. The
    extrapolating polynomial through the rows used must predict that
    quotient to within its error, allowing for rounding noise. Of order 2 or
    more, the part of ``f`` the probe's quotient leaves out must also lie
    between its neighbours' (`_probe_strays`).
    """
    try:
        miss, noise, probe = _probe_miss(sampler, kind, n, window, best)
    except (DomainError, NumericalError):
        return False
    fits = abs(miss) <= 2.0 * best.error + 100.0 * noise
    steps = window.steps[best.row - best.level : best.row + 1]
    return fits and not _probe_strays(sampler, kind, n, steps, best, probe=probe)


def _probe_miss(
    sampler: Sampler, kind: str, n: int, window: _Window, best: _Candidate
) -> tuple[float, float, float]:
    """The probe's quotient minus the window's prediction there, its rounding bound, its step.

    The probe is at a step between the window's two smallest, a power of their
    ratio (not their geometric mean: of steps 4 apart that is 2 apart from both,
    and 2 is a period of ``f(t) / t = 2 + sin(2 pi log2 |t|)``).
    """
    first = best.row - best.level
    steps = window.steps[first : best.row + 1]
    probe = steps[-1] * (steps[-2] / steps[-1]) ** (1.0 / _GOLDEN)
    quotient, noise, probe = sampler.quotient(kind, n, probe)
    nodes = [window.ratio(step, steps[0]) for step in steps]  # h**p in units of the first
    values = window.quotients[first : best.row + 1]
    return quotient - _interpolate(nodes, values, window.ratio(probe, steps[0])), noise, probe


def _probe_strays(
    sampler: Sampler, kind: str, n: int, steps: list[float], best: _Candidate, *, probe: float
) -> bool:
    """Whether the part of ``f`` the probe's quotient leaves out strays from its neighbours'.

    Steps that halve can alias a period of ``f``: ``k h`` a whole number of turns
    plus an angle that halves with ``h``, so that at every step of the window ``f``
    looks resolved, its odd part settling onto 0 (``sin(204579.24 t + 1.9195)``,
    ``n = 2``, at -0.78722, a zero of ``f''``: the odd parts at steps 0.2 to
    0.0125 are 0.252, 0.127, 0.0636, 0.0318, 0.0159 while ``k h`` is 4e4 to
    2.6e3 radians, and the even quotients are 0 within rounding as ``f``'s
    swings about a zero are: -1.5e-8 +- 1.4e-7, for 0.924). The probe's step,
    in an irrational ratio to them, breaks it: its part (`_other_part`) must lie
    between those of the estimate's two smallest steps, between which it is,
    as a resolved one does, to within what the window's error allows noise to
    do and ``1 / SWING`` of the range of ``f`` sampled. Central stencils of
    order 2 or more only, as `_beyond_scale`'s stronger tests.

    A far window's part at the probe is ``f``'s swing, as good as random, and
    it lands between its neighbours' by chance as often as they are apart in
    ``f``'s range (``sin(3525.46 t + 1.1136)``, ``n = 2``, at -0.39597: odd
    parts 0.63 and 0.34 at steps 0.1 and 0.05, 0.98 to 0.086 over the window,
    the probe's between: -5.7e-13 +- 1.3e-9, for -1.2e-6). So where they are
    apart by more than a stray counts, a second probe, at ``1 / golden**2`` of
    the way between the steps' logarithms, must lie between them too: ``f`` at
    two more points (the first probe's are its quotient's; where they are
    closer, a part off them by a stray is off them wherever it lies). Not
    where the first probe's part is where they predict it (`_as_predicted`), as
    a resolved part is and a random one seldom: the second probe then costs
    resolved windows nothing (``sin`` at 0.5, ``n = 2``, 30 evaluations; with
    it at every window, 32).
    """
    if kind != "central" or n < 2:
        return False
    larger, smaller = steps[-2], steps[-1]
    if _part_strays(sampler, n, best, (larger, probe, smaller)):
        return True
    # Between neighbours' parts that differ by more than a stray counts, a random part
    # lands by chance (a far window's part is f's swing), but seldom where they predict
    # it, as a resolved part does: then a second probe, at another irrational fraction
    # of the way between the steps, costs f at two points.
    apart = [_other_part(sampler, n, step) for step in (larger, smaller)]
    if (
        None in apart
        or abs((apart[0] or 0.0) - (apart[1] or 0.0)) <= _spread_sampled(sampler) / SWING
        or _as_predicted(sampler, n, (larger, probe, smaller))
    ):
        return False
    second = smaller * (larger / smaller) ** (1.0 / _GOLDEN**2)
    try:
        second = representable_step(sampler.x, second)
        sampler(sampler.x + second)
        sampler(sampler.x - second)
    except (DomainError, NumericalError):
        return False
    return _part_strays(sampler, n, best, (larger, second, smaller))


def _as_predicted(sampler: Sampler, n: int, steps: tuple[float, float, float]) -> bool:
    """Whether the middle step's part is where the outer two predict, as a resolved part is.

    A resolved part is ``h`` (odd part) or ``h**2`` (even part) times a smooth
    function of ``h**2``: that function, linear between the outer steps, must
    predict the middle part to within ``1 / PREDICTED`` of the outer parts' gap.
    """
    (larger, middle, smaller) = steps
    parts = [_other_part(sampler, n, step) or 0.0 for step in steps]
    power = 2 if n % 2 else 1  # E(h) ~ h**2, O(h) ~ h
    above, below = parts[0] / larger**power, parts[2] / smaller**power
    way = (middle**2 - smaller**2) / (larger**2 - smaller**2)
    predicted = (below + way * (above - below)) * middle**power
    return abs(parts[1] - predicted) <= abs(parts[0] - parts[2]) / PREDICTED


def _part_strays(
    sampler: Sampler, n: int, best: _Candidate, steps: tuple[float, float, float]
) -> bool:
    """Whether the middle step's part lies outside the other two's (`_probe_strays`)."""
    parts = [_other_part(sampler, n, step) for step in steps]
    if None in parts:
        return False
    larger, middle, smaller = (part or 0.0 for part in parts)
    low, high = min(larger, smaller), max(larger, smaller)
    outside = max(low - middle, middle - high)
    return outside > max(_noise_part(n, best, steps[1]), _spread_sampled(sampler) / SWING)


def _confirmed_despite_rounding(
    sampler: Sampler, kind: str, n: int, window: _Window, best: _Candidate
) -> _Candidate | None:
    """``best`` with its error widened to the probe's miss, if rounding inside ``f`` explains it.

    A multiple of ``t`` rounded inside ``f`` (``sin(33264 t)``) moves ``t`` by
    up to ``|t| eps / 2``, and each value by ``|f'|`` times that: noise that
    the noise measurements at ``x`` miss (it is a sawtooth at equally spaced
    points) and that can make `_confirmed`'s probe miss a right window
    (``sin(33264 t)`` at -0.5372: 33234.963066 +- 1.8e-6 at steps near 1e-7,
    the probe off by 9.1e-6, 2.5 times what `_confirmed` allows, within the
    2.9e-5 that rounding can do), leaving the walk to rest on quotients at steps
    of a few ulp(``x``), made exactly equal by that rounding (32739.41 +-
    0.44). Where the miss is within what that rounding can do to the probe
    and the window's smallest quotient (`_rounded_inside`), the window is
    kept with the larger of the miss and that bound added to its error (the
    miss alone is one sample of the noise; the bound covers the rest).
    """
    steps = window.steps[best.row - best.level : best.row + 1]
    try:
        miss, noise, probe = _probe_miss(sampler, kind, n, window, best)
        allowed = _rounded_inside(sampler, kind, n, probe)
        allowed += _rounded_inside(sampler, kind, n, steps[-1])
    except (DomainError, NumericalError):
        return None
    apart = abs(miss)
    if not apart <= 2.0 * best.error + 100.0 * noise + allowed:
        return None
    if _probe_strays(sampler, kind, n, steps, best, probe=probe):
        return None
    return replace(best, error=best.error + max(apart, allowed))


def _rounded_inside(sampler: Sampler, kind: str, n: int, step: float) -> float:
    """How far a multiple of ``t`` rounded inside ``f`` can move the quotient at ``step``.

    Each value moves by up to ``|t| eps / 2`` times ``|f'|``: ``|t|`` at most
    ``|x|`` plus the stencil's reach, ``|f'|`` taken as the slope between its
    outer points (at a step already sampled its values are known: no call
    is made).
    """
    offsets, weights, spacing = stencil(kind, n)
    x = sampler.x
    values = [sampler(x + offset * step if offset else x) for offset in offsets]
    low, high = offsets.index(min(offsets)), offsets.index(max(offsets))
    slope = abs(values[high] - values[low]) / ((offsets[high] - offsets[low]) * step)
    reach = abs(x) + max(map(abs, offsets)) * step
    bound = reach * _EPS / 2.0 * slope * sum(map(abs, weights)) / (spacing * step) ** n
    return bound if math.isfinite(bound) else 0.0


def _lined_up(size: float, n: int, estimate: Estimate) -> float:
    """How far ``a t`` rounded inside ``f`` can move all of a window's quotients alike.

    ``f(t) = g(a t)`` computes ``g`` at ``a t`` rounded to ulp(``a t``). At
    floats ``t = x + j ulp(x)`` that rounding is ``a t`` plus a sawtooth in
    ``j``; where ``a ulp(x)`` is within ``1 / S`` of a ratio ``p / q`` of
    ulp(``a x``) whose ``q`` divides the stencils' offsets in ulps (``S``
    the span of a stencil in ulps), the sawtooth is a line over each
    stencil: ``f`` there is ``g`` of a slightly wrong multiple of ``t``, a
    smooth function, and every quotient, and every extrapolation of them, is
    off by the same relative ``n (a' - a) / a``, where no error estimate
    sees it (``sin(17180308720.894814 t)`` at 0.5455065544805004: ``k ulp(x)`` is
    1.0000256 ulp(``k x``), the window at 492 to 3932 ulp(``x``) gave
    -14478253909.787 +- 0.012, off by 3.7e5). The line spans the smallest
    step's stencil with at most one ulp(``a t``) of slip, so ``|a' - a|``
    is at most ulp(``a t``) over the span in ``t``, and ulp(``a t``) <= eps
    ``|a t|``: the quotients are off by at most ``n |f^(n)| eps (|x| +
    reach) / span``. ``size`` is ``|x|``, or on a line through a point the
    point's (its offset, `extrapolate`): there ``x + t d`` rounded to
    ulp(``x``) is such a line too, a stencil of a slightly different step.
    Nothing the samples show tells ``a = 1`` (``t`` exact) from ``a`` that
    close to 1 or to another power of 2: ``log1p(a t)`` at
    -0.99999999 with ``a = 1 - 1e-8`` gave 50000000.0263 +- 3.7e-4, off by
    0.53, in the same pattern of quotients as ``log1p(t)`` there, which gave
    99999999.4975 +- 3.8e-4 (right) without this bound (now +- 200). So the
    bound is taken whatever ``f`` is; it is small where the smallest step
    spans many ulps (``exp`` at 400: 3.8e-12 relative at 0.0117).
    """
    return _lined_up_at(size, n, estimate.kind, estimate.value, estimate.smallest)


def _lined_up_at(size: float, n: int, kind: str, value: float, step: float) -> float:
    """`_lined_up` of an estimate ``value`` whose smallest step is ``step``."""
    if n < 1 or not step > 0.0:
        return 0.0
    offsets = stencil(kind, n)[0]
    reach = max(map(abs, offsets)) * step
    span = (max(offsets) - min(offsets)) * step
    bound = n * abs(value) * _EPS * (abs(size) + reach) / span
    return bound if math.isfinite(bound) else 0.0


def _shifted(sampler: Sampler, n: int, estimate: Estimate) -> float:
    """How far ``a x`` rounded inside ``f`` moves every quotient alike: ``|f^(n+1)| |x| eps / 2``.

    ``f(t) = g(a t)`` computes ``g`` at ``a x`` rounded, within ulp(``a x``) / 2
    <= ``|a x| eps / 2`` of ``a x`` (and alike ``g(a t + c)`` with ``|a x + c|``
    at most ``|a x|``): every central quotient about ``x`` is one of ``g`` about
    that point, and so is their extrapolation, off by ``|f^(n+1)|`` times ``|x|
    eps / 2``, which no disagreement between them shows (on a line, ``|x|`` the
    point's: its offset; ``sin(115263 t +
    3.9584)`` at -0.5625: ``k x + c`` = -64831.479 rounded by 3.2e-12, ``|f''|``
    1.3e10: -265.588104312 +- 7.2e-8, off by 4.2e-7; ``n = 3``,
    ``sin(2375241.75 t + 3.2002)`` at 0.93451, near a crest: ``k x + c``
    rounded by 7.3e-11, and the quotients at steps whose ``k h`` falls on
    whole ulps of ``k x`` all give the third derivative 3.1e-11 / ``k`` from
    ``x``: 8.9985e8 +- 9.4e6, for 1.8697e9). As for `_lined_up`, nothing
    sampled tells ``a = 1`` from such an ``a``. ``|f^(n+1)|`` is taken from
    the divided difference of order ``n + 1`` of the values at ``x`` and the
    smallest step's points (the second difference for ``n = 1``), for an even
    ``n`` also at the farthest point above ``x`` of the next larger step
    (known: no call is made; their rounding can only raise it). A central
    estimate only (0 otherwise, or where a value is not known).
    """
    step = estimate.smallest
    if n < 1 or estimate.kind != "central" or not step > 0.0:
        return 0.0
    offsets = stencil("central", n)[0]
    # Where each point is from x, as the sampler computed it (x + offset * step).
    reaches = sorted({offset * step for offset in offsets} | {0.0})
    if len(reaches) < n + 2 and len(estimate.window) >= 2 and estimate.window[-2][0] > step:
        reaches.append(max(offsets) * estimate.window[-2][0])
    x = sampler.x
    values = [sampler.values.get(x + reach if reach else x) for reach in reaches]
    if len(reaches) < n + 2 or None in values:
        return 0.0
    higher = abs(_divided_difference(reaches, [value or 0.0 for value in values]))
    # (n + 1)! as a float: 171! is beyond the floats, and an int that large will not convert.
    factorial = float(math.factorial(n + 1)) if n < 170 else math.inf
    bound = higher * factorial * (abs(x) + sampler.offset) * _EPS / 2.0
    return bound if math.isfinite(bound) else 0.0


def _divided_difference(nodes: list[float], values: list[float]) -> float:
    """The divided difference of ``values`` over ``m + 1`` ``nodes``: ``f^(m)(xi) / m!``."""
    table = list(values)
    for width in range(1, len(nodes)):
        table = [
            (table[i + 1] - table[i]) / (nodes[i + width] - nodes[i]) for i in range(len(table) - 1)
        ]
    return table[0]


def _interpolate(nodes: list[float], values: list[float], t: float) -> float:
    """The polynomial through ``(nodes[i], values[i])`` at ``t`` (Lagrange's form)."""
    total = 0.0
    for i, (ti, vi) in enumerate(zip(nodes, values, strict=True)):
        weight = 1.0
        for m, tm in enumerate(nodes):
            if m != i:
                weight *= (t - tm) / (ti - tm)
        total += weight * vi
    return total


def _worse(window: _Window, best: _Candidate) -> bool:
    """Ridders' stop: the newest, most extrapolated entry moved more than SAFE errors."""
    rows = window.rows
    top = len(rows[-1]) - 1
    if top < 1 or top - 1 >= len(rows[-2]):
        return False
    return abs(rows[-1][top] - rows[-2][top - 1]) >= SAFE * best.error


def _refine(sampler: Sampler, n: int, estimate: Estimate) -> Estimate | None:
    """The estimate from one wide stencil on the scale of ``f``, or None if it is not better.

    The stencil has ``2m + 1`` points ``x + kH``, ``|k| <= m``: its truncation
    error is about ``|f^(n)| (s H / 2)**p / 3`` (order ``p``, ``s`` the rate
    of `_growth`), its rounding ``level * sum|w| / H**n``; ``H``, a power of
    2, about balances the two, and is at most ``1 / s``. The same points
    without the outer two, and four, make stencils of order ``p - 2`` and
    ``p - 4``: their differences, shrinking geometrically, say what is left
    of the truncation; it must be below the rounding, or the last difference
    no larger than the rounding bounds of its two stencils. If not (a scale
    misjudged), one more try at ``H / 2``, where half the points are known.
    Its value is taken only within the walk's error, as the walk's window
    had it when kept (`Estimate.kept_error`), from which that truncation and
    rounding must also be below. Where the walk's error is above ``ENOUGH``
    of its value, the stencil at ``2 H`` must agree with it too
    (`_unsteady_when_doubled`: a kink of ``f^(n)`` a fraction of a step away
    is crossed by all three stencils alike, and moves with the step): its
    error holds a difference beyond what both allow, and a first try with
    one gives way to the try at ``H / 2`` where that one agrees.

    The error reported is the difference from the walk's estimate plus the
    smaller of two bounds: the walk's error, and the stencil's difference
    from the one of order ``p - 2`` plus its rounding bound, the difference
    from the stencil at ``2 H`` beyond what both allow, and what ``a t``
    rounded inside ``f`` can move it by (`_moved`), and where ``f`` was
    one of its points comes nearer 0 than ``|x| / 2`` (`_comes_nearer_zero`;
    where no noise was measured, of first derivatives only), how far the
    stencil at ``H / 2`` is from it (`_halved_scatter`); where a noise was
    measured at ``x``, its rounding bound also holds the noise measured at
    its point nearest 0, on its points nearer 0 than ``|x| / 2``
    (`_noise_nearest_zero`).

    Not refined, to save calls: first and second derivatives whose walk had to
    search for its asymptotic range (a pole or an edge of the domain close
    by: the walk's steps are then already on the scale of ``f``), and
    estimates already at rounding level.
    """
    rows = estimate.window
    searched = bool(rows) and rows[0][0] < 0.5 * estimate.step
    if (
        len(rows) < 2
        or (n <= 2 and searched)
        or estimate.error <= 16.0 * _EPS * abs(estimate.value)
        or estimate.value == 0.0  # before _growth, which divides by it
    ):
        return None
    h1 = rows[1][0]
    # s * h1, doubled: the rate grows with the order where f has singularities
    # (log, tanh: f^(k) ~ k! / R**k), and the stencil's order is 12 or more.
    size = max(abs(value) for value in sampler.values.values())
    level = max(max(2.0 * _EPS, sampler.relative_noise) * size, sampler.noise_floor, _TINY)
    growth = 2.0 * _growth(n, rows, estimate.value, level)
    if not 0.0 <= growth < math.inf:
        return None
    m = WIDTH + n // 2
    order = 2 * m - 2 * ((n - 1) // 2)
    unit = sum(map(abs, _weights(n, [float(k) for k in range(-m, m + 1)])))
    # log(H / h1) where |f^(n)| (s H / 2)**p / 3 = level * unit / H**n
    balance = (
        math.log(3.0 * level * unit)
        + order * math.log(2.0 / (growth or 1.0))
        - math.log(abs(estimate.value))
        - n * math.log(h1)
    ) / (order + n)
    # growth is 0 only where d1 - value overflows in _growth (a cubic's is not 0):
    # then the walk's own largest step.
    step = h1 * min(math.exp(min(balance, 700.0)), 1.0 / growth) if growth else rows[0][0]
    if not 0.0 < step < math.inf:
        return None
    # A power of 2, so that halving it keeps the points x + k * step / 2 with k even.
    step = math.ldexp(0.5, math.frexp(step)[1])
    kept: Estimate | None = None  # a try not steady when its step doubled
    for _ in range(2):
        found = _wide(sampler, n, m, step)
        if found is None:
            return kept
        (value, rounding), (coarse, coarse_rounding), (coarser, _) = found
        last, before = abs(value - coarse), abs(coarse - coarser)
        truncation = last * min(1.0, last / before) if before else last
        # Converged: what is left is below the rounding, or the last difference
        # is no more than the rounding of the two stencils could make it.
        settled = truncation < rounding or last <= rounding + coarse_rounding
        apart = abs(value - estimate.value)
        # Within the error the walk's window claimed when kept: an error widened since
        # (past its value: `_Walk.check_accepted`) confirms nothing.
        agreed = min(estimate.error, estimate.kept_error)
        if apart <= agreed and settled and truncation + rounding < agreed:
            # Past an error the walk already had to ENOUGH of its value, a value narrowed
            # further must stay when the step doubles: a kink a fraction of a step away
            # leaves the three stencils' differences small, and moves with the step.
            unsteady = (
                0.0
                if estimate.error <= ENOUGH * abs(estimate.value)
                else _unsteady_when_doubled(sampler, n, m, step, found)
            )
            # The stencil's values are off by what a t rounded inside f moves them
            # by too, alike or not, which its differences need not show (`_moved`).
            moved = _moved(sampler, n, m, step)
            # Where a point of the stencil comes much nearer 0 than x (`_comes_nearer_zero`),
            # f can be noisier there than at x, measured noisy (f noisier than its rounding)
            # or not: (1 - cos t) / t**2 at -0.1715 rounds within quiet at x and was off by
            # 2.0e-14 at -0.0465 (the refined error: 2.5e-14, off 1.2e-13). Without a noise
            # measured, first derivatives only (the check costs six calls).
            checked = (sampler.noise_floor > 0.0 or n == 1) and _comes_nearer_zero(
                sampler.x, m, step
            )
            scatter = _halved_scatter(sampler, n, m, step, found) if checked else 0.0
            # Measured noisy at x, f is noisier still where the numerator cancels nearer 0,
            # and the check at H / 2 can be off alike ((1 - cos t) / t**2 at 0.1071: 2.2
            # times its error off): its noise at the point nearest 0 bounds those values'.
            if checked and sampler.noise_floor > 0.0:
                rounding += _noise_nearest_zero(sampler, m, step) * _gain_near_zero(
                    sampler.x, n, m, step
                )
            error = min(last + rounding + moved + scatter + unsteady, estimate.error) + apart
            refined = Estimate(
                value,
                error,
                sampler.calls,
                estimate.step,
                estimate.kind,
                estimate.smallest,
                estimate.window,  # the walk's steps: the reach of `_local_drift`
                gain=_gain(sampler.x, n, m, step),
            )
            if not unsteady:
                return refined
            # Not steady: the try at half the step may be; if not, this one, holding
            # the difference (dropped, the walk's widened error let a walk from smaller
            # steps replace it: cos(t) - 1 + t**2 at 1.86e-8, 3.7e-8 for 1.86e-8).
            kept = kept or refined
        step /= 2.0
    return kept


def _unsteady_when_doubled(
    sampler: Sampler, n: int, m: int, step: float, found: list[tuple[float, float]]
) -> float:
    """How far the wide stencil at ``2 step`` is from ``found``'s, if beyond both bounds; or 0.

    Where ``f`` is smooth over both stencils they differ by their roundings and
    truncations: at ``step`` the difference from the stencil without the outer
    two points (it settled there), at ``2 step`` the larger of its two
    differences (it need not have settled). Where ``f^(n)`` has a kink a
    fraction of a step away, every stencil crosses it, and the three at one
    step converge to a value off by a share of the kink that changes with the
    step: ``0.0022 max(t + 0.4124, 0)**5 + sin(1.96 t)`` at -0.4169, ``n =
    4`` (kscan56 seed 204, its parameters rounded here: test_derkink5), the
    walk -10.754893 +- 7.6e-5 (right: -10.754853), the stencils at
    ``H = 2**-7`` -10.7549204, -10.7549208, -10.7549155 (refined: +- 3.3e-5,
    off 6.8e-5), and at ``2 H`` -10.7548513, 6.9e-5 away where 1.5e-5 is
    allowed. Its new points are those beyond ``m step``, ``m`` or ``m + 1``
    calls (none at `_refine`'s second try, whose doubled step is the first's);
    where the stencil at ``2 step`` leaves the domain of ``f``, nothing is shown.
    """
    doubled = _wide(sampler, n, m, 2.0 * step)
    if doubled is None:
        return 0.0
    (value, rounding), (coarse, _), _ = found
    (other, other_rounding), (other_coarse, _), (other_coarser, _) = doubled
    other_truncation = max(abs(other - other_coarse), abs(other_coarse - other_coarser))
    allowed = rounding + other_rounding + abs(value - coarse) + other_truncation
    apart = abs(value - other)
    return apart if apart > allowed else 0.0


def _comes_nearer_zero(x: float, m: int, step: float) -> bool:
    """Whether a point ``x + k step``, ``0 < |k| <= m``, comes nearer 0 than ``|x| / 2``.

    The noise tests measure ``f`` near ``x``, and its noise is the rounding of
    the terms it is computed from, relative to their size; terms made of
    ``t`` (``t**k``, ``1 / t**k``, ``1 - cos t``) change size by a factor of
    order 1 only where ``|t|`` does. Where every point keeps ``|t| >= |x| /
    2``, a quotient by ``t**2`` is at most 4 times what it is at ``x``; nearer
    0 it grows without bound: ``(1 - cos t) / t**2`` at -0.1527 is off by ten
    times the noise measured at ``x`` where its stencil (``H = 0.125``)
    passes -0.0277. Where ``f`` rounds alike over the stencil (``(64 + tanh
    t) - 64`` at -1.77, ``H = 0.0625``: ulp(64) everywhere) the check at ``H /
    2`` found nothing, for six calls; at ``x = 0``, or where ``|x|`` is far
    below the step, no point comes nearer 0 than ``x`` itself. Not seen:
    terms that grow away from 0 on a scale of their own (``exp(a t)``, large
    ``a``), which the noise tests at ``x`` do not see either.
    """
    step = representable_step(x, step)
    return any(abs(x + k * step) < abs(x) / 2.0 for k in range(-m, m + 1) if k)


def _noise_nearest_zero(sampler: Sampler, m: int, step: float) -> float:
    """The noise of ``f`` measured at the wide stencil's point nearest 0 (`Sampler.noise_at`).

    Its spacing is where ``f`` changes by ``SPACING`` times its rounding there
    (the slope from its two neighbours in the stencil, already computed).
    """
    x = sampler.x
    step = representable_step(x, step)
    points = [x + k * step if k else x for k in range(-m, m + 1)]
    values = [sampler(point) for point in points]  # `_wide` computed them
    index = min(range(len(points)), key=lambda k: abs(points[k]))
    left, right = max(index - 1, 0), min(index + 1, len(points) - 1)
    slope = (values[right] - values[left]) / (points[right] - points[left])
    quiet = 8.0 * _EPS * max(map(abs, values))
    spacing = SPACING * quiet / abs(slope) if slope else step * 1e-4
    return sampler.noise_at(points[index], spacing, step / 16.0, quiet)


def _gain_near_zero(x: float, n: int, m: int, step: float) -> float:
    """``sum |w| / H**n`` over the wide stencil's points nearer 0 than ``|x| / 2``."""
    step = representable_step(x, step)
    points = [x + k * step if k else x for k in range(-m, m + 1)]
    weights = _weights(n, [(point - x) / step for point in points])
    near = [abs(w) for w, point in zip(weights, points, strict=True) if abs(point) < abs(x) / 2.0]
    return sum(near) / step**n


def _halved_scatter(
    sampler: Sampler, n: int, m: int, step: float, found: list[tuple[float, float]]
) -> float:
    """How far the wide stencil at ``step / 2`` is from ``found``'s, if more than both allow; or 0.

    The noise of ``f`` was measured near ``x``, and the wide stencil reaches
    ``m step`` from it, where ``f`` can be noisier: ``(1 - cos t) / t**2`` at
    -0.1527 (``H = 0.125``) loses more digits nearer 0, and its value at
    -0.0277 was off by 6.8e-14, ten times the noise measured (6.9e-15); the
    refined value was 0.0127088828892336 +- 2.1e-13, for 0.0127088828887812.
    At ``step / 2`` (six new points) the same values weigh otherwise: the two
    values may differ by their rounding bounds and truncations (each one's
    distance from its stencil without the outer two points), and they were
    7.8e-13 apart, where 4.6e-13 was allowed. That difference is noise the
    error must hold (it is then 9.9e-13).
    """
    half = _wide(sampler, n, m, step / 2.0)
    if half is None:
        return 0.0
    (value, rounding), (coarse, _), _ = found
    (other, other_rounding), (other_coarse, _), _ = half
    allowed = rounding + other_rounding + abs(value - coarse) + abs(other - other_coarse)
    apart = abs(value - other)
    return apart if apart > allowed else 0.0


def _wide(sampler: Sampler, n: int, m: int, step: float) -> list[tuple[float, float]] | None:
    """(value, rounding bound) of the wide stencil, and of it without 2 and 4 outer points."""
    x = sampler.x
    try:
        step = representable_step(x, step)
        points = [x + k * step if k else x for k in range(-m, m + 1)]
        values = [sampler(point) for point in points]
        scale = step**n
    except (DomainError, NumericalError, OverflowError):
        return None
    if not 0.0 < scale < math.inf:
        return None
    # The offsets really taken (x + k * step is rounded), in units of the step.
    offsets = [(point - x) / step for point in points]

    relative = max(2.0 * _EPS, sampler.relative_noise)
    level = max(relative * max(map(abs, values)), sampler.floor_for(max(map(abs, values))), _TINY)

    def without(outer: int) -> tuple[float, float]:
        """The stencil without its ``outer`` points on each side, and its rounding bound."""
        inner = slice(outer, len(points) - outer)
        weights = _weights(n, offsets[inner])
        value = math.fsum(w * v for w, v in zip(weights, values[inner], strict=True))
        return value / scale, level * sum(map(abs, weights)) / scale

    try:
        found = [without(outer) for outer in (0, 1, 2)]
    except (OverflowError, ValueError):  # fsum: a partial sum overflows, or inf - inf
        return None
    if not all(math.isfinite(number) for pair in found for number in pair):
        return None
    return found


def _moved(sampler: Sampler, n: int, m: int, step: float) -> float:
    """How far ``a t`` rounded inside ``f`` can move the wide stencil at ``step``.

    ``g(a t)`` is ``g`` at ``a t (1 + d)``, ``|d| <= eps / 2``: each value
    ``f(t_k)`` is off by up to ``|t_k| eps / 2`` times ``|f'|`` there, and
    equally spaced points round ``a t`` as a sawtooth whose wraps fall
    anywhere in the stencil, so the stencil's value is off by up to the sum of
    ``|w_k|`` times those, over ``H**n``. ``|f'|`` near ``t_k`` is taken as the
    larger slope of the chords to its neighbours (`_wide` computed its
    values: no call is made); ``|t_k|`` is ``|x| + |k H|`` plus the offset of a line's
    argument (`_rounded_argument`). Nothing sampled tells ``exp(t)`` from
    ``exp(a t)`` with ``a`` within 1e-12 of 1: at 64.18312872714986, ``a =
    0.9999999999995703``, the values at ``H = 1/16`` were off by a sawtooth of
    -7 eps a point wrapping by 57 eps (up to 30 eps), while the stencil
    allowed for 2 eps, and the refined value was 3.0 times its error off.
    """
    x = sampler.x
    step = representable_step(x, step)
    points = [x + k * step if k else x for k in range(-m, m + 1)]
    values = [sampler(point) for point in points]  # `_wide` computed them
    weights = _weights(n, [(point - x) / step for point in points])
    pairs = zip(points, points[1:], values, values[1:], strict=False)
    chords = [abs(high - low) / (right - left) for left, right, low, high in pairs]
    total = 0.0
    for k, (point, weight) in enumerate(zip(points, weights, strict=True)):
        slope = max(chords[max(k - 1, 0)], chords[min(k, len(chords) - 1)])
        total += abs(weight) * slope * (abs(point) + sampler.offset) * _EPS / 2.0
    moved = total / step**n
    return moved if math.isfinite(moved) else 0.0


def _gain(x: float, n: int, m: int, step: float) -> float:
    """``sum |w| / H**n`` of the wide stencil at ``step`` (as `_wide` takes it)."""
    step = representable_step(x, step)
    offsets = [((x + k * step if k else x) - x) / step for k in range(-m, m + 1)]
    return sum(map(abs, _weights(n, offsets))) / step**n


def _growth(n: int, rows: tuple[tuple[float, float], ...], value: float, level: float) -> float:
    """``s h1``, where ``f^(k+1) ~ s f^(k)``, from the two largest steps of the window.

    ``D(h) - D(0) = c1 h**2 + c2 h**4 + ...``; for ``f = exp(s x)`` the ratio
    ``c2 / c1`` is ``s**2 (spacing / 2)**2 (1/20 + (n - 1)/12)``, and
    ``c1 / D(0)`` is ``s**2 (spacing / 2)**2 n / 6``: the only one known when
    the estimate rests on two rows, or when ``c2``'s part is below the noise
    of the quotients (``level``, the rounding of ``f``'s values).
    """
    (h0, d0), (h1, d1) = rows[0], rows[1]
    spacing = 2.0 if n % 2 else 1.0
    try:
        noise = level * 2.0**n / (spacing * h1) ** n  # bounds the quotient's at h1
    except OverflowError:
        noise = 0.0
    except ZeroDivisionError:
        return math.nan
    if not abs(d1 - value) > noise:
        return math.nan
    ratio = (h0 / h1) ** 2
    once = d1 + (d1 - d0) / (ratio - 1.0)  # = value - ratio * c2 h1**4 (c1 eliminated)
    if len(rows) == 2 or abs(once - value) <= 2.0 * noise:
        return math.sqrt(abs((d1 - value) / value) * 6.0 / (n * (spacing / 2.0) ** 2))
    c2_over_c1 = abs((once - value) / (d1 - value)) / ratio  # in units of h1**2
    return math.sqrt(c2_over_c1 / ((spacing / 2.0) ** 2 * (1.0 / 20.0 + (n - 1) / 12.0)))


def _weights(n: int, nodes: list[float]) -> list[float]:
    """Weights of the ``n``-th derivative at 0 from values at ``nodes`` (Fornberg, 1988).

    Remembered: the walks use a few stencils (mostly ``-m..m``) over and over,
    and the O(len(nodes)**2 n) recurrence was 15% of a Hessian's time.
    """
    return list(_fornberg(n, tuple(nodes)))


@functools.lru_cache(maxsize=1024)
def _fornberg(n: int, nodes: tuple[float, ...]) -> tuple[float, ...]:
    c = [[0.0] * (n + 1) for _ in nodes]
    c[0][0] = 1.0
    c1, c4 = 1.0, nodes[0]
    for i in range(1, len(nodes)):
        c2, c5, c4 = 1.0, c4, nodes[i]
        for j in range(i):
            c3 = nodes[i] - nodes[j]
            c2 *= c3
            if j == i - 1:
                for k in range(min(i, n), 0, -1):
                    c[i][k] = c1 * (k * c[i - 1][k - 1] - c5 * c[i - 1][k]) / c2
                c[i][0] = -c1 * c5 * c[i - 1][0] / c2
            for k in range(min(i, n), 0, -1):
                c[j][k] = (c4 * c[j][k] - k * c[j][k - 1]) / c3
            c[j][0] = c4 * c[j][0] / c3
        c1 = c2
    return tuple(row[n] for row in c)
