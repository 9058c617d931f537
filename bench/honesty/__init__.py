"""Random searches for dishonest answers: the figures of issue 13, reproducible.

Run from the repository's root, against the installed calcweb::

    .venv/bin/python -m bench.honesty SEARCH --seed S --draws N
    .venv/bin/python -m bench.honesty all --seed 1 --draws 1000   # what `make honesty` runs

Each search draws N random cases from a seeded `random.Random` (the same seed
gives the same cases) and prints, per search: draws, answered, refused
(a `calcweb.CalcwebError`, or for limits a result with converged=False),
dishonest, a few other counts (skipped draws without an exact value, ...), the
median number of evaluations, then the dishonest cases, worst first.
An answer is *dishonest* when its true error, against mpmath at 60 digits or a
closed form, exceeds twice its reported error plus the rounding of the exact
value to a float: the definition of bench/bench_adversarial.py and the tests.

The searches (each module's docstring says what it draws):

- ``derivative``, ``small-c``, ``flat`` (derivative.py): `derivative` (method
  "auto", real steps) on smooth functions rounded to stairs, quantised in their
  argument or made noisy, and on functions flat on one side.
- ``higher`` (higher.py): `derivative` of orders 2 to 6 of smooth functions
  written with math (Richardson).
- ``steep`` (steep.py): `derivative` of orders 1 to 4 of g(a t) for steep g
  (exp, logistic, softplus, log-sum-exp, ...) at ``|a t|`` up to 700.
- ``fast`` (steep.py): `derivative` of orders 1 and 2 of exp(k1 t) sin(k2 t + p)
  at 0, ``|k1|`` up to 1e5 and ``k2`` up to 1e7: far finer than the first step;
  ``fast-off-zero`` the same at ``x`` in [-1, 1], where ``k2 t`` is rounded.
- ``complex-step``, ``complex-analytic``, ``complex-nonanalytic``
  (complex_step.py): ``method="complex"`` on 16 families of analytic functions
  that cancel (e^z - 1 - z, sin z - z, ...) at 10^-12 <= |x| <= 30, on five
  that do not, and on 18 functions that are not analytic.
- ``limits``, ``limits-h10``, ``limits-infinity``, ``limits-textbook``
  (limits.py): one-sided limits, 0/0 forms that cancel at every scale, real
  divergences, jumps, limits at infinity, and the textbook cases of the tests.
- ``limits-textbook-more`` (textbook.py): 312 limits as a calculus course sets
  them (742 runs: each two-sided row also from each side), the rows of
  tests/unit/test_limits_textbook_more.py, with sympy's exact values
  (textbook_exact.py recomputes them); each failure printed with a reproducer.
- ``limits-hidden-noisy``, ``limits-hidden-slow``, ``limits-hidden-late``
  (hidden.py): an infinity that only f closer to x0 shows: a k/|x|**p hidden
  in the rounding noise of a difference quotient, below a slow law's usual
  samples, or growing only in the last few of them; ``limits-capped``
  (hidden.py): such a k/|x|**p capped at a constant C, which f reaches only
  closer in (the limit is the quotient's plus C).
- ``integrate-peaks``, ``integrate-oscillating``, ``integrate-singular``,
  ``integrate-infinite`` (integrals.py): `integrate` (adaptive, full_output)
  on peaks of width w at c, sin(k x) and cos(k x) e^-x with k up to 1e3,
  x^a log(x)^b and other end singularities, and decaying terms on infinite
  intervals, at random tol, against closed forms (or mpmath.quad at two
  precisions); scipy.integrate.quad's cost and honesty beside.
  ``integrate-peaks-ends`` (integrals.py): a peak next to an end of [0, 1], on
  a background, that f at the end sees only by its flank.
- ``one-quotient`` (derivative.py): ``method`` "central", "forward" or
  "backward" (default step) on the ``derivative`` search's functions, plain or
  rounded, and on the ``fast`` search's ``exp(k1 t) sin(k2 t + p)`` at 0.
- ``composite`` (integrals.py): ``method`` "trapezoid" or "simpson" on the
  integrands of ``integrate-peaks``, ``-oscillating`` (finite intervals),
  ``-singular`` and kinks ``|x - c|**p`` on [0, 1], 0.05 < p < 6 (as
  ``integrate-kinks`` and ``-kinks-high``), ``n`` default, a power of two or
  random, at random ``tol``.
- ``integrate-kinks`` (kinks.py): `integrate` on kinks ``|x - c|**p`` on
  [0, 1], 0.05 < p < 3, at random tol, against the closed form;
  ``integrate-kinks-high`` with 3 < p < 6, ``integrate-kinks-two`` the sum of
  two kinks, ``integrate-kinks-ends`` one kink with c within 0.01 of an end,
  0.05 < p < 6, tol 1e-4 to 1e-12; ``integrate-ends-singular`` ``x**p`` plus
  a kink ``A |x - c|`` or a ramp ``A max(0, c - x)`` with c within 0.005 of 0.
- ``grad``, ``hessian`` (multivariate.py): `grad`, `directional_derivative`
  and `hessian` of functions written with math (the numerical path); each
  entry against mpmath.diff and against the error it reports with
  ``full_output=True``.

They began as scripts in /tmp (s4cx/search.py, s4cx2/nonan.py, s3deriv/search.py,
s3nfev/smallc.py, s3_limits/search*.py): with the same seed they draw the same
cases, so their figures can be checked again.

``python -m bench.honesty.limit_diff OLD.py NEW.py --set corpus|fresh|heldout``
runs two copies of calcweb/limits.py on the same limit draws and lists, draw
by draw, the answers that move and the right answers refused (limit_diff.py).
"""
