r"""Numerical limits by Richardson extrapolation, with an honest error estimate.

To find $\lim_{x \to x_0^+} f(x)$, `limit` evaluates ``f`` at
$x_0 + h_k$ for the steps $h_k = s\,2^{-k-2}$ (``s`` a power of two
near $\max(1, |x_0|)$, so that the points are exact at 0 and
$\pm\infty$ and wherever $x_0 \pm h$ stays in the binade of $x_0$; for
$0 < |x_0| < 2^{-19}$, $2^{19}$ times one near $|x_0|$, so that the steps
still end far below $|x_0|$: `_scale`), then removes the
$h, h^2, h^3, \dots$ terms of $f(x_0 + h) = L + c_1 h + c_2 h^2 +
\dots$ by Richardson extrapolation. Each entry of the table gets an error:
the larger of the two changes along its column before it (or their
geometric tail, for limits such as $\sqrt{x}$ that are not power series in
``h``), or the rounding noise its samples carry, if larger; the entry with
the smallest error is returned, unless an entry closer to ``x0``, surer of
its own value, contradicts it; one less sure of itself that contradicts it
still sets the error (a kink or a cut-off among the samples makes ``f``
another smooth function closer in); so do the samples past the entries (from
where ``f`` first sticks on one rounded value, until it loses its digits)
where 8 or more of them lie on one side of the value, farther from it than
they spread. An entry whose column still moves by a sizeable share of its
samples, more with every step, has not settled at all (``1/(x - x0)**2 +
1e-20`` far from ``x0``).

The rounding noise is what makes a numerical limit lie. Close to ``x0``,
cancellation in ``f`` (``(2**h - 1)/h``, ``(1 - cos h)/h**2``) adds noise
that grows like a power of ``1/h``, and it can make neighbouring entries
agree by chance: rounding often keeps the same bits for several steps, so
that a run of samples is off by the very same amount. So the noise is not
judged from one entry but from the top column of the table, where the
smooth part of ``f`` has cancelled out: from where its changes stop
shrinking, they are noise, and the noise at a sample is bounded by the
changes at that sample and the next few, scaled back by the rate at which
they grow (over the first few changes, or from where the noise shows to
where it is as large as ``f``, or on while it stays so, if faster; next
to samples exactly a
polynomial, as a run biased alike is, by the largest noise before them
when larger noise follows).
Samples past the point where ``f`` gets stuck on one rounded value
(``1 - cos h`` is exactly 0 for ``h < 1e-8``) are not used at all, nor
to judge a growth that the stuck run falls back from (``(1 - cos h)/h**3``
grows like ``1/(2 h)``, then is 0: its one-sided limits are infinite).
But a run from the first sample that the samples after it leave, each
farther off, to settle elsewhere is ``f`` far from ``x0``, rounded to a
plateau (``1 - exp(-t/1e-3)`` is exactly 1 from ``t = 0.25`` to 0.0625):
only the samples after it are used (`_past_the_plateau`).
A stuck run past samples that leave a settled value ever faster (away
from the value, or farther from 0) and other than 0 (what rounding leaves
of a numerator cancelled to nothing) is taken for where a growth stops, not
for rounding's, when ``f`` stays off the value between the last of them and the
run too (at 3/4, 5/8 and 7/8 of its step), however little they left it: the
value is refused (``1 + min(1e-20/x**4, 1e30)`` at 0+, 1 far out, 2.3e29 at
``2**-41``, 1e30 from ``2**-42`` on; ``1 + min(1e-20/x**2, 0.5)``, 1.18 at
``2**-32``, 1.5 from ``2**-33`` on). Rounding
that cancels a term beside a constant drops ``f`` onto the constant as
well at the steps, where its ulps fall alike, but goes back to the value
or past it between them (``(tan h - sin h)/h**3 - 0.5`` at 0+ is -0.125 at
``2**-25`` and -0.5 from ``2**-26`` on, but 0.093 at ``0.75 * 2**-25``),
and its limit is answered.
At $x_0 = 0$ or $\pm\infty$, where sample points stay exact, a limit
that converges slowly ($\sqrt{x}$ at 0) is sampled further, down to
$h \approx 10^{-90}$ (16 halvings a step; what those samples settle on must
hold one halving short of the deepest too, no farther from it than the step
before: ``1/n + 0.03 [int(n) % 3 == 1]`` is ``1/n`` at every odd power of two),
as is a value whose error is small beside the rounding
noise of the last samples (a ``c / h**p`` may hide in that noise:
``(exp(1.1 x) - 1)/(1.1 x) + 1e-16/x``, noise about ``eps/x``), and any
other finite value is checked at the deepest of those steps, where a term
too small for the usual samples grows most, and sampled at the steps
between when ``f`` is off it there (``x**0.75 + 1e-70/x`` at 0+, 1.8e-12
give or take 3.6e-12 from the usual samples, is 6.5e21 at ``x =
1.5e-92``), and its error reaches where they settle, when that is beyond both
errors (``478.414 - 8.95e-6 t**(3/(4 + log t))``, ``t = x/1.056``, at 0+ is
478.414 to 6.5e-9 at ``x = 1/16`` and ``1/32``, before its pole at ``t =
exp(-4)``, and 478.41381 at the
deepest steps: it was 478.414 +- 2.8e-7, for 478.41382), as is an infinite
value, sampled at the steps between when
``f`` there is short of the growth its last samples keep (``1 + min(1e-20/x**2,
1e30)`` at 0+, 3.2e9 at the last usual sample, a law that predicts 1e164 at
the deepest step, is 1e30 there); the
answer must fit those samples too: it is refused when they turn back from a
growth (``log(x) + 1e-15/sqrt(x)``, -34 at the last usual sample, is
positive from ``x = 1.7e-34`` on) or stop it on a constant (``min(1/x,
1e30)``), or leave a value ever farther by a law ``c / h**p`` that the usual
samples, with their noise, do not exclude (``sqrt(x) + 1e-30/x``, 1e-30/x
being 5.6e-16 at the last usual sample); a run on which they get stuck is
rounding's, as is a law the usual samples exclude (``(exp(t) - 1 - t)/t**2``
is ``-1/t`` once ``exp(t)`` rounds to 1), but ``f`` stays on that run: off it
at the deepest step, it contradicts the answer (``(1 + x)**(1/x) +
1e-200/x**3`` is 1.0 three steps in, and 2.8e75 at the deepest); and
``f`` falls onto it: a run off the answer that ``f`` grows onto, at the
halvings before it, is where a term stops, and contradicts it too
(``(exp(1.1 x) - 1)/(1.1 x) + min(1e-16/x, 10)`` is 1.8, 3.6 and 7.2 at
``x = 2**-54 .. 2**-56``, then 10).
Elsewhere the usual samples end 8 floats from ``x0`` (at ``|x0| >= 1``), and ``f`` whose own
scale is the spacing of the floats there shows only its far field, and its
turn at the last samples (``sin(x - 1e15)/(x - 1e15)`` at ``1e15`` is an
oscillation of size ``1/h``, read as rounding noise about 0, and 0.84 at the
last step ``h = 1``). So a finite value that the last sample is off, which
the samples before do not settle onto, is checked at the floats closer in,
down to the spacing of floats at ``x0`` (at ``|x0| < 1`` to ``2**-52``, which
is coarser): it is
refused where ``f`` converges there (changes of one sign, each at most half
the one before, as rounding noise, which grows toward ``x0``, does not) onto
another value, off it by a
quarter of ``f`` or more (``sin(t)/t`` is 0.96, 0.99, 0.997 at ``t = 0.5,
0.25, 0.125``; less may be a bias of rounding, which can repeat itself there
as a smooth run: ``log(1 + u)/u`` is ``1 - 2.2e-8 + O(u)`` at the floats next
to ``x0`` when ``1 + u`` rounds to ``1 + (1 - 2.2e-8) u``); an infinite value is
refused where ``f`` at that spacing is short of the growth the last samples
keep (``1/(1 + (x - 1e15)**2)``, ``1/h**2`` to ``h = 8``, 0.985 at 0.125). A finite
value is refused too where ``f``'s departures from it there grow one way, ``8**4``
times or more over the three halvings from the last usual sample, faster than
rounding's ``e / h**p`` (``p`` up to 4) grows, at any share of ``f``:
``c + A tanh(|x - x0|/w)`` with ``w`` a float spacing or two is ``c + A`` to 3e-6
of itself at the last usual sample and 11 to 44 % of ``A`` off it at ``s * 2**-52``
(fallscan). At ``|x0| < 1``, where the floats lie up to ``2**22`` times closer
than the last usual sample, and toward 0 from a power of 2 (16 times closer:
at 1 or 2 from the left), a value ``f`` has at every usual sample (a
constant run) or at the 3 before the last, which is off it, or that the
last sample is off and those checks let stand past ``h/4``, is checked at the
8 floats next to ``x0`` too, and refused where
``f`` is off it at each, one way, farther the nearer ``x0``, faster than any
power of the distance (`_falls_next_to_x0`): ``c + A tanh(|x - x0|/w)`` with
``w`` a float spacing or a few is ``c + A`` to the last bit at every usual
sample, or every one but the last (16 spacings out at ``0.5 <= |x0| < 1``),
and falls there; rounding's quotients over the distance, as
``(x**2 - 5*x + 6)/(x - 2)`` at 2 shows at the floats below it (-4.0,
-0.0, -1.33, -0.0 for the limit -1), scatter or keep a power. A limit
approached like $L + c\sqrt{h}$ (``sqrt(x - 3)`` at 3, whose last sample
is still 6e-8) is extrapolated once more with the $\sqrt{h}$ term removed,
when that refines the estimate (also where the last two samples are equal,
rounding's grain, but no longer run of them); so is one in powers of
$h^{1/3}$ or $h^{1/4}$, with the terms below $h$ removed, its error
widened by how far a power near $1/3$ or $1/4$ would put it. At infinity ``h = 1/x``, and
``sqrt(x + sqrt(x)) - sqrt(x)`` is a series in ``1/sqrt(x) = sqrt(h)``:
0.4999999884 +- 7.3e-9 from the table, 0.4999999999955 +- 6.5e-12 with the
term removed. Such ``f`` cancels more
digits the farther out: it is a multiple of ``ulp(sqrt(x))``, 0.5 - 2**-20 at
``x = 2**65``, the first step closer in; there a departure from the refined
value within ``JUMP`` times what ``f`` spreads by over a few points next to
the step (its rounding noise, where a real ``c / h**p`` moves by about
``4 p 2**-10`` of itself) contradicts nothing. Only the refined value is so excused:
an estimate from samples rounded alike over runs may be biased by as much.

``f`` that varies on a scale far larger than the first step moves by no
more than its rounding noise over its first samples (changes within 4
times the noise the table shows there and 1e-3 of ``f``, one at least not
0: `_quiet_start`), while cancellation costs digits at every one of them:
``(exp(1e-8 x) - 1)/x`` at 0 was 1.000000082740371e-8 give or take 7.1e-15
(8.3e-8 off). Where the error is above 1e-12 of the value (away from
infinity, after a walk that ``f`` did not cut short), ``f`` is also sampled
at ``s/2, s, 2s, ...`` out to two doublings past where it changes by
``2**-6`` of itself, where it fails, or ``s 2**38``, and the table of all
the samples gives an estimate (`_farther_out`); samples out there may lie
beyond a feature of ``f`` that the usual ones do not reach (a kink, a
pole, a cut-off, where ``f`` is another smooth function with another
value at ``x0``), so its error is at least how far the first usual
samples lie from it (each, or with its ``h`` term removed). It replaces the
estimate when its error is smaller, the two agree and it settles:
1.0000000000001585e-8 give or take 8.3e-16.

When the samples end on one exact value, ``f`` may be constant there
because it is (``floor`` between two integers, ``sign``) or because
rounding cancels all its digits (``1 - cos t`` for ``|t| < 1e-8``). The
samples before that run tell which, and when there are fewer than four of
them ``f`` is also sampled farther out, at steps ``s/2, s, 2s, ...`` (at
infinity no farther than ``|x| = 1``: below it ``f`` shows what it does near
0, as ``round(n)/n``, 1.5 at ``n = 2/3``, does): samples that are exactly a
polynomial in ``h`` (``floor(x0 - h)`` is ``x0 - h`` at whole steps) and stop
on their way to its value at 0 make the constant the limit, as do whole
numbers that come closer to it at every step (a staircase: ``floor(x /
1000)``), another constant only beyond ``s/4``
(a step, provided ``f`` is one of the two halfway between them too:
``((2**60 + x) - 2**60)/x`` at 0+, 4/3 at 192 between 0 up to 128 and 1
from 256 on, is refused), and samples that fall onto it ever faster, wherever the run
starts (``exp(-1/x**2)`` at 0 is 1.1e-7, 1.6e-28, 6.6e-112, then 0);
at 0 and at infinity such a constant is checked closer in as any finite
value is (below): ``1 + min(1e-40/x, 0.3)`` at 0+ is 1 at every usual
sample and farther out, and 1.3 at the deepest step, and is refused;
samples that head clearly for another value, when the run starts at a step no smaller
than ``s * 2**-24``, are the signature of cancellation: when their rounding
noise grows, as the run starts, to the size of ``f`` (``(exp(sin x) -
exp(x))/x**3`` at 0 is exactly 0 from ``x = 2**-17`` on, ``-2**-18`` from the
left), the run is the numerator cancelled to nothing and the limit is
extrapolated from them, unless they leave that value as a real ``c / h**p``
does, at one whole power and between the samples too (at the samples,
exact binary fractions, rounding may keep such a law: ``(sin t - t)/t**3``
is ``-1/6 + 2**(2k - 53)/3`` at ``t = 2**-k`` for ``k = 12 .. 26``, and
off that law by 0.06 to 3 times its departure at ``4/3 * 2**-k``),
and stop on the run past them, within the law's next step (``1 + min(1e-20/x**3, 5)`` at 0+,
1.74 at ``2**-22`` and 6 from ``2**-23`` on: a cap, refused); else
the limit is refused, as it is when ``f`` is the constant at every usual sample and
farther out heads, if not clearly, for another value (``((a + t) - a)/t``
where ``a + t`` rounds to ``a`` at every usual sample). So is an infinite
limit when ``f`` grows only on the last samples, exactly like ``c / h**p``
(``(exp(t) - 1 - t)/t**2`` is ``-1/t`` once
``exp(t)`` rounds to 1), after samples that scatter about a value it settles
on farther out, or when ``f`` is exactly ``c / h**p`` at every sample but
not farther out, checked at steps ``2**8, 2**16, ...`` times the first
(``cos t`` rounds to 1 for ``|t| < 1e-8``, so that
``(cos t - 1 + t**2/2)/t**4`` is ``1/(2 t**2)`` there; ``1/x**2`` pays 6
more evaluations a side for the check), or when that law starts abruptly
after samples far off it (rounding brings it about by dropping a term as
large as the law, which comes back at full size; ``1e-20 + 1/x**2`` leaves
the law by little at first). Last samples that leave a settled value ever
faster contradict it: eight of one sign, or, whatever the samples before
them do, the last three or more of the top column of the table (where the
``h, h**2, ...`` terms are removed and a real ``c / h**p`` is not) when they
are past the value's error and rounding and each the one before times one
``2**p`` (``exp(x) + 1e-40/x**2`` at 0 from the left is below 1 until its
last five samples; ``2 + 3 (x - 2**30) + 8.5e-20/(x - 2**30)**2`` leaves 2
ever less, and only its extrapolations grow): unless ``f`` lost its digits
before (its samples scatter about the value, or got stuck on another), the
limit is infinite when the departures from the value are exactly ``c /
h**p`` and have outgrown the value (``1 + 1e-20/x**2`` at 0), the value
stands when ``f`` itself is (a numerator that is all rounding), and
departures still smaller than the value may be a bias of rounding
(``(tan(pi/4 + x) - tan(pi/4))/x`` is exactly ``2 + 2**-53/x`` at its
samples ``x = 2**-27`` down to ``2**-49``, the last, as
``math.tan(math.pi/4)`` is ``1 - 2**-53`` and ``math.tan(math.pi/4 + x)`` is
``1 + 2 x``): at 0 and at infinity ``f`` is sampled closer in too, down to
``h`` about ``1e-92``, where a real law grows on past every sample, and the
value stands when ``f`` stays within the size of its samples there (0, once
``pi/4 + x`` rounds to ``pi/4``), but not on a constant other than 0, which
may be a cap that stopped a term too small to show past the law as well as
a constant beside the quotient (``+ min(3.13e-16/x, 1.74)``, limit 3.74, or
``+ 5``, limit 7: both are refused); the limit is infinite when ``f`` is on the
law at every step there and still shows ``L`` beside ``c / h**p`` at one
(``2 + 2**-53/x`` at 0+: rounding makes a law that goes on closer in only
out of a numerator that has lost its other digits, and the quotient's limit
with them); otherwise it is refused.
Samples past rounding noise may look smooth again and still be off:
rounding can turn ``f`` into another smooth function with another limit
(``log(1 + t)/t`` with ``1 + t`` rounded is off by an amount exactly
proportional to ``t`` over runs of samples, and jumps between the runs). So
once a column of the table, after settling smoothly (or, by as little as
rounding, the column below), zigzags ever more widely, no later
entry is trusted to better than the jump that the widest zigzag shows,
unless the samples end smooth, the last changes of the top column within
rounding: rounding noise grows toward ``x0``, so the zigzags were ``f``
moving.

A value settles when its error is below ``ACCEPT`` of it, or, where it is
below 1, below ``ACCEPT`` itself, so that a limit of 0 is told through the
noise about it. But where ``f`` scatters by its own size at every step, to
the last, taking new values at most samples (`_scatters`: an oscillation that the
steps do not follow), the value is one sample of the scatter, and its error
the noise of a few, while the limit may lie anywhere in the scatter, or
nowhere: the error is the scatter about the value, and the value settles
only if that does. ``sin(x)/x`` at ``-1.2019435952952266e18``, where the
floats are 256 apart, is ``sin`` at a new phase at every sample: it was
3.66e-19 give or take 2.3e-19 from the left (the limit is -8.18e-19), and is
3.66e-19 give or take 1.19e-18 (last changes small by chance count too,
unless they shrink one way: ``cos(x)/x`` at ``1.513e45`` was 3.35e-46 give or
take 2.9e-46 from the left, for -6.55e-46); ``1e-6 sin(1/x)`` at 0, 7.2e-7 give or take
4.7e-7 from the right, is refused, as ``sin(1/x)`` is (``1e-10 sin(1/x)``,
within ``ACCEPT``, is 7.2e-11 give or take 1.7e-10). Rounding's residue of a
cancellation scatters so too, but on a grid of a few values, again and again
(``cos(x)**2 + sin(x)**2 - 1``), about its limit, and keeps its answer, 0
within that noise. An oscillation beside digits that ``f`` keeps is judged
so too, by its own size about its middle: ``1e-10 + sin(x)/x`` at
``-1177344836721334.0``, where the floats are 0.25 apart, was
1.0000049738662757e-10 give or take 3.3e-16 from the right (the limit is
9.999916696173223e-11), and is that give or take 1.55e-15.

When ``f`` neither settles nor grows ever faster, it may grow like a log: when
its steps ``f(h/2) - f(h)`` settle, as any samples do, on a rate ``d``
clearly not 0 (and do not leave it ever faster), ``f`` gains ``d`` at every
halving of ``h``, and its limit is infinite (``(x**x - 1)/x`` at 0+). The
steps' own changes must settle on 0 too: a tiny power (``x**1e-4`` at 0+, ``1
+ p ln x`` at the samples) steps by ``(2**-p - 1) x**p``, which changes by
4.8e-9 at every halving, far above its rounding: it is refused, as ``f``
changing too slowly to tell a log from a small power; so are steps that
shrink by less than their rounding at each halving but, over the usual
samples, by more than ``JUMP`` times twice it, where rounding does not add
up and a steady change does (``x**1e-7`` at 0+, ``(x - 1)**1e-7`` at 1+:
4.8e-15 a halving, 2.2e-13 over the samples, past 1.1e-13), and steps that
change by one amount over each of the last two blocks of 23 halvings,
clearly more than the rounding of such a change, which is that of its two
steps alone (``4 (x - 1)**3e-8 - 3`` at 1+, whose steps change by 1.8e-15 a
halving, 8.2e-14 over the samples, short of that 1.1e-13, but by 4.0e-14
over each block, against 3.6e-15). At 0 and infinity, where ``f`` is
sampled closer in too, ``f`` must stay on the line of steady steps there:
``4 x**3e-8 - 3`` falls 5.7e-11 behind it 256 halvings on (and is refused
at the usual samples already). Elsewhere no samples are taken closer in,
and a value that ``f`` settles on to its error while its steps settle on a
``d`` clearly not 0 is refused as well: ``(x - 1)**5e-8`` at 1+, 0.9999982
give or take 6.2e-7 from steps of -3.5e-8 a halving, tends to 0. So is a
value whose steps keep one sign over the last 16 samples, move ``f``
clearly beyond rounding, and shrink by less than 1/19 a halving (`_too_slow`),
which the geometric tail of an entry's error does not cover (it covers a
ratio up to 0.9, doubled), unless, away from 0 and infinity, its moves over
blocks of halvings keep one ratio (`_keep_one_ratio`, below):
``1e-7 log(-log(x - 1))`` at 1+, whose steps are about ``1e-7/log2(1/h)``,
was 3.56e-7 give or take 3.6e-8, and tends to ``+inf``; so is such a value
at 0 and at infinity (``1e-7/log(x)`` at 0+ was -2.79e-9 give or take
9.9e-10; its limit is 0). Away from 0 and infinity,
what ``f`` moves over each of the last three blocks of 8 halvings, where
they keep one sign, shrink and clearly pass rounding (`_blocks`), shows where
``f`` goes: moves that shrink by one ratio (``h**p``) leave a geometric tail
beyond the last sample (`_block_tail`), and the value's error covers the
distance to its end, so that such steps too slow for the tail of an entry
are answered (``1e-7 (|x - 1|/2)**0.05`` at 1+, 1.67e-8 give or take
1.67e-8), and slow terms of a few ulps a step, which `_too_slow` does not
see, are told (``1 + 1e-12 (|x - 1|/2)**0.1`` at 1- was 1.0000000000000329
give or take 5.7e-15, and is that give or take 4.3e-14);
moves whose ratio clearly rises past ``(18/19)**8`` (``1/log(1/h)``) are
refused. Last samples that step one way by no more than their rounding, an
ulp or none, and have passed the value, set its error to how far they went
(`_passed`): ``1 + 1e-12/log(h)**2`` at 1e10 ends on ``1 + 4`` ulps and was
``1 + 9`` ulps give or take 4. At 0 and infinity too, once the checks closer
in are done (they look for a term that grows there, and a term of a few ulps
that settles slowly does not): ``581.756 + 3.02e-12 log(-log t)/log t``,
``t = x/0.004032``, at 0+ was 10 ulps below 581.756 give or take 4.5, read
where the term is lowest, while its last 16 samples climb to 3 ulps below.

A limit below the smallest normal number, ``2**-1022`` (0 too), is not
told closer than that: below it floats keep no relative precision, and ``f``
may lose all of such a value to an intermediate result out of range
(``sin(x)/(x*x)`` at ``4.01466521931094e154``, where ``x*x`` overflows, is
0.0 at every sample; its limit is 5.3e-310). At a finite ``x0`` other than
0 (not at 0 or infinity), ``f`` sees ``x`` as a subclass of float (``type(x)
is float`` is false there) whose arithmetic with ints and floats notes an
overflow to inf (`_Watched`): a finite value computed from one is refused, as an
OverflowError inside ``f`` is (``x/(x*x*x)`` at 1e103, 0.0 at every sample,
was 0 give or take 2.2e-308 for 1e-206), but for f's value that is itself
the quotient of a numerator below ``DBL_MAX`` times the smallest normal
number by such an inf (``sin(x)/(x*x)``): any other 0 may hide a lost value
(``(atan(x*x) - pi/2)*1e300 + 1/(x*x)`` at 1e200, whose limit is -1e-100, is
refused). Where numpy is imported, an overflow in its arithmetic, on scalars
or arrays (``x/(numpy.float64(x)*x*x)`` at 1e103), is noted too.

When ``f`` does not settle at 0 or at infinity, it may converge like a
power of ``u = 1/log|x|``, too slowly for any float: ``log(2 x)/log(3 x)``
is 0.9994 at 1e300, but it is ``(1 + u log 2)/(1 + u log 3)``, smooth in
``u`` (as ``x**(3/(4 + log x))`` at 0+ and ``log(x)/x**0.1``, flat in ``u``,
are). So ``f`` is sampled at ``|x| = 2**e`` (``2**-e`` at 0) for ``e = 1022 *
2**(-j/2)``, ``j = 0 .. 19``, where ``u`` shrinks by ``sqrt(2)`` at each step
in, and extrapolated to ``u = 0`` as the usual samples are in ``h``. The value
stands only when it settles, and the walk is smooth in ``u``: from the join
(``e`` about 24, past the usual walk's last sample) in, ``f``'s changes
shrink, out to 2**1022 or to where, beyond 2**305, they stop shrinking or
``f`` fails, past which ``f`` is no farther off the value (``x log x``
overflows in ``(x + log x)/(x log x)`` at 2**1022, which is 0 there, its
limit); no sample repeats exactly (``f`` is not constant, as the usual walk
did not settle: ``(sqrt(1 + t) - 1)/t``, ``t = x/7e8``, is 0 at every sample
of the walk at 0 out to ``e = 24``, where ``sqrt(1 + t)`` rounds to 1); and
``f`` halfway between two of its samples lies between them. So a
jump that rounding makes in ``f`` between the two walks (``((x + 1) - x) +
1/log x`` is ``1/log x`` from 2**53 on), a period that fits the steps of ``u``
(``1/log x + sin(4 pi log2(log2 x))``), an oscillation in ``x`` or in ``log x``,
and ``f`` that changes past the walk's end (``1/log x + (x > 1e200)``) are
refused, as is ``log(log x)/log x``, which is ``u log(1/u)``, not smooth in
``u`` (0.0093 at 2**1022).

The steps are powers of two, and ``f`` periodic in ``1/x`` at 0 (or in
``1/(x - x0)``), in ``x`` at infinity or in ``log x`` takes one value at
every one of them: ``cos(2 pi/x)`` at 0 was 1.0 give or take 4.4e-16 (it is
-1 at ``1/(n + 1/2)``, as close to 0 as you like), ``x % 1`` at infinity 0
give or take 2.2e-308. So a finite value is checked between the steps
(`_off_the_grid`): at three depths (``k = 38, 22, 6``, deepest first, first
those where both probes fall between the steps), ``f`` is sampled at the
step times an irrational ratio, ``(1 + 1/pi)/2`` (a period in ``log x``),
and, when it is not off there, where ``1/h`` is the step's plus ``1 + 1/pi``
(a period in ``1/h``: ``(-1)**int(x)`` at infinity). Off means beyond f's
trend there, the cubic through the four steps about it in ``log h`` or in
``h`` (whichever follows f better over the 10 steps about them), by more
than 4 times the largest miss of such a cubic at those steps (and, from
``h = 1`` up, 4 times f's largest change between them: floor's integers),
and beyond twice the value's error and rounding. On its trend at the first
depth probed, ``f`` stands. Off there, ``f`` is refused, naming the deepest
point, unless at a shallower depth it is on its trend closely enough to show
an oscillation half the size of the departures seen (``1/n`` moves so much
at ``k = 6`` that ``1/n + (-1)**int(n)/100`` is not cleared there, and is
refused), or its departures from the value halve at each depth at least
(``(x % 1)/x`` at infinity, 0.318/2**40 off at the deepest): then ``f``
converges there too, and the deepest departure is the value's error, if it
settles; or its departures from the trend grow 16 times a depth or more,
toward ``x0``, as rounding noise does (``((1 + x) - 1)/x`` is exactly 1 at
the steps, binary fractions, and ``1 + 2**-52/x`` or so between them), and 4
times to and from the depths halfway between (``k = 30, 14``, probed where
they lie between two depths it is off at, or, 14, out from the shallowest
such, 22, at both points there), where it is off there: the value
stands. (An oscillation that the trend's slack hides at ``k = 6`` and
rounding drowns at 38 shows at 22 alone, and does not grow from there:
``(1 + 1/n)**n + 1e-7*(-1)**int(n)`` is 2e-7 off its trend near ``2**24``, and
2.1e-7 near ``2**32``, rounding's alone, and is refused; with ``-3.4e-8
(int(n) % 2)`` in place of the ``(-1)**int(n)`` term, 3.0e-8 near
``2**24`` and 2.1e-7 near ``2**32`` grow as rounding does, but 3.4e-8 at
65537.3, near ``2**16``, does not, and it is refused too.) Off at one depth
alone, which cannot tell rounding from an oscillation, ``f``'s departure
from its trend there becomes the value's error, if it settles
(``1 - exp(-x/1e-3)`` is exact at the steps ``2**-k``, 3e-17 off
between them at ``2**-40``). A smooth ``f`` costs two evaluations a side (one from ``|x0|``
about ``2**8``, where ``1/h`` shifted rounds onto the step at every depth),
and one more a depth where it is off (rounding's noise between exact steps,
as in ``(1 + 1/n)**n``: seven, with ``k = 30`` and both points at 14).

A limit at $\pm\infty$ is the one-sided limit of $f(\pm 1/h)$ as
$h \to 0^+$. A two-sided limit does not exist when the one-sided limits
differ by more than their error estimates allow.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fractions
import itertools
import math
import operator
import sys
import time
from collections.abc import Callable, Iterator
from typing import Literal

from calcweb._checks import (
    as_float,
    check_callable,
    check_real_or_infinite,
    checking_arguments_hinting,
    evaluate,
)
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)

__all__ = ["LimitResult", "limit"]

Function = Callable[[float], float]
_SIDES = {"both": "both", "left": "left", "right": "right", "-": "left", "+": "right"}
STEPS = 48  # samples per side: h from s/4 down to s * 2**-49, a few ulps of x0
BELOW_X0 = 30  # the walk from x0 != 0 ends at least this many halvings below |x0|
ORDERS = 6  # the highest power of h that Richardson extrapolation removes
MIN_SAMPLES = 6  # fewer valid samples next to x0 than this cannot show a trend
ACCEPT = 1e-6  # a relative error above this means f does not settle
LONG_RUN = 16  # a run this long may end where f raises (as 0/0 does, after rounding)
DENSER = 8  # f overflowing next to x0 after few samples is sampled at 2**(1/8) steps too
STUCK = 3  # so many equal samples in a row: f is stuck on one rounded value
NOISE_POINTS = 8  # the changes that show how the noise grows
GRAIN_POINTS = 3  # the last nonzero samples that show a grid of cancellation ...
GRAIN_SPAN = 4.0  # ... sharing one quantum though this many times apart in size
RISE_POINTS = 4  # the first of them, which show how it starts to grow
MOVING = 0.1  # an entry whose change grew to this share of its samples has not settled
TAIL_RATIO = 0.9  # `_entries` takes the geometric tail of changes at their ratio, at most this
FAINT = 1e-8  # zigzags this small a share of f are rounding's, once the column below settles
SMOOTH = 4  # changes of one sign, each smaller, in a row: f settles smoothly
HORIZON = 5  # the noise at a sample is judged from the changes this many steps on
MAX_SLOPE = 8.0  # noise grows no faster than 1/h**8
SAFETY = 3.0  # the noise bound is tripled: it is judged from few changes
LOSS = 0.25  # a top-column change this share of its sample or more: f lost all its digits
LOST_SPAN = 8  # f lost within LOSS_SPAN steps: the rate over this many, if it stays lost
LOSS_SPAN = 4  # noise shown fewer steps than this before f loses all its digits: no rate
WHOLE_POWER_SLACK = 0.25  # a rate this far below a whole power of 1/h is that power
ULPS = 4.0  # rounding errors a sample of f carries at least, in units of eps * |f|
TRUSTED_TAIL = 22  # f constant from step s * 2**-24 on may really be constant there
REACH_POINTS = 3  # the samples before a constant run that show f falling onto it
BETWEEN = (0.75, 0.625, 0.875)  # f at these shares of the step before a run past a growth
REACH_GROWTH = 16.0  # f falling onto a constant: each drop in bits at most this times the last
REACH_ABOVE = 2.0**10  # ... from more than this many roundings of the constant, ...
REACH_LAST = 16.0  # ... and more than this many at the last sample, its error
END_BISECTIONS = 6  # f raising at the step before the first sample: its end sought so closely
PRE_MIN = 4  # fewer samples than this before a constant run: look farther out too
JUMP_STEPS = 6  # f exactly c/h**p everywhere: checked at 2**8, ..., 2**48 times s/4
PROBE_STEPS = 48  # farther out: at most this many doublings of the step beyond s / 4
OUTER_SAMPLES = 16  # farther out: so many samples off the constant show a trend
POWER_POINTS = 5  # f is c / h**p from rounding on its last samples as many as this
ROUNDING_DEPARTURE = 1e-13  # f off c/h**p by this share of it or less: rounding of x or f
SMALL_DEPARTURE = 1e-6  # f leaving c/h**p first by this share of it or less: a real c/h**p
WELL_PAST = 4.0  # c/h**p this many times f's size: f stuck below it does not grow like it
DEPART_POINTS = 3  # so many last samples leaving a value ever faster, beyond its error
JUMP = 4.0  # one-sided limits further apart than this times their errors differ
COLLAPSE = 1e-8  # f dropping to below this share of its last sample, and staying there: collapsed
COLLAPSE_BEFORE = 3  # ... after at least so many samples: two moves, the calmer shows where f heads
RESIDUE = 1e-3  # f dropping below this share of itself, and staying there: rounding's residue
DROP = 1e-2  # f dropping to below this share of its last sample, and staying there: dropped
DIVERGE = 1e-3  # a growing f whose estimate is better than this is not infinite
DEEPER_ABOVE = 1e-10  # an error above this at x0 = 0 or inf calls for ...
DEEP_STEPS = 16  # ... this many more samples (f may converge slowly), ...
DEEP_RATIO = 2.0**-16  # ... each step this much smaller than the one before
NEIGHBOURS = 4  # f's rounding noise at a step closer in: f at so many points next to it, ...
NEIGHBOUR_SHIFT = 2.0**-10  # ... each this share of the step farther from x0 than the one before
FINEST = 3  # elsewhere, halvings of the last step down to s * 2**-52 (floats' spacing at |x0| >= 1)
FALL_GROWTH = 8.0**4  # f's departure grown so much over FINEST halvings: no rounding's (`_falls`)
NEXT_FLOATS = 8  # a finite value checked at so many floats next to x0 (`_falls_next_to_x0`)
# f whose last so many changes are all below LOSS of the largest of its last NOISE_POINTS samples
# is not taken as scattering (`_scatters`): it may be settling
TAIL_CHANGES = 3
SLOW_RATIO = 18.0 / 19.0  # steps shrinking slower than this a halving outrun `_entries`' tail
_EPS = sys.float_info.epsilon


@dataclasses.dataclass(frozen=True)
class LimitResult:
    """What `limit` returns with ``full_output=True``.

    Attributes:
        value: The limit; ``math.inf`` or ``-math.inf`` when ``f`` grows
            without bound (``message`` says so).
        error: An estimate of the absolute error of a finite ``value``
            (0.0 for an infinite one): when ``converged`` is True, the true
            error is not larger than twice this, provided ``f`` changes
            nothing closer to ``x0`` than the points sampled (see `limit`).
        nfev: How many times ``f`` was evaluated.
        side: ``"both"``, ``"left"`` or ``"right"``.
        left: The limit from the left, or None if it was not taken.
        right: The limit from the right, or None if it was not taken.
        converged: ``False`` when ``f`` did not settle near ``x0``; ``message``
            then says why.
        message: A sentence about how the computation ended.
    """

    value: float
    error: float
    nfev: int
    side: str
    left: float | None
    right: float | None
    converged: bool = True
    message: str = ""

    def __float__(self) -> float:
        return as_float(self.value, "value")  # a result built by hand may hold anything


@dataclasses.dataclass(frozen=True)
class _OneSided:
    value: float
    error: float
    converged: bool
    message: str


# What a point where f fails means for a limit: evaluate's default advice
# ("move x ... or use a one-sided formula") is for a derivative's stencil; a
# limit has no formula to choose, and its side is said where it matters.
NEEDS_F_CLOSE_TO_X0 = "a limit needs f defined all the way to x0 on the side it is taken from"
NEEDS_F_IN_RANGE = (
    "a limit needs f, and what it computes on the way, below about 1e308 all the way "
    "to x0: rewrite f so that no intermediate result overflows (x/x**3 as 1/x**2)"
)


class _Counted:
    """``f`` that counts its calls, for an honest ``nfev``: every call, even one that raises.

    Made once where ``f`` enters `limit` and read once at the end, so that no
    helper that samples ``f`` has to count. Unlike the derivative's counter
    it reuses no values: some points are sampled twice (`_farther` walks
    out over the points `_power_everywhere` checked), and each call counts;
    it notes them (``seen``) for `_off_the_grid`, which compares ``f``
    between the walk's steps with ``f`` at them.
    A call returns ``f``'s value as a finite float, or raises as `evaluate` does.
    """

    def __init__(self, f: Function, *, watched: bool = False) -> None:
        self.f = f
        self.calls = 0
        self.watched = watched  # f sees x as a `_Watched` float (at a finite x0 other than 0)
        self.underflowed = False  # the last watched call underflowed inside f (`_Overflows`)
        # f at the steps closer in (`_closer_in`) from each first point that a
        # walk went all the way down from (to the last step or a failure).
        self.walked: dict[float, list[float]] = {}
        self.first_seconds = 0.0  # how long the first call took
        self.first_x = 0.0  # and where
        # f's value at each point, for `_off_the_grid` (and `_short_far_out`'s deepest step)
        self.seen: dict[float, float] = {}

    def __call__(self, x: float) -> float:
        self.calls += 1  # before the call: a call that fails counts too
        started = time.perf_counter()
        try:
            return self._value(x)
        finally:
            self._timed(x, time.perf_counter() - started)

    def _timed(self, x: float, seconds: float) -> None:
        """Stop `limit` where f's cost grows toward x0: the walk would not end.

        A sequence summed with a loop (``sum(1/k**2 for k in range(1, int(n)+1))``)
        takes time in proportion to n, and the walk to infinity samples n up
        to 1e15 and beyond: it never returned. A call slower than `SLOW_CALL`
        and `SLOWER` times the first stops the walk if f at that point is as
        slow again (a busy machine's pause, 1.2 s for a call of 45 us under
        load, does not repeat) and `SLOWER` times slower than f at its first
        point, timed again then (a machine busy for longer: in Pyodide under
        a load of 20 on 2 cores, ``(exp(x - 2) - 1)/(x - 2)`` took 2.4 s at
        1.99 twice, 5e4 times its first call); f slow everywhere does not.
        """
        if self.calls == 1:
            self.first_seconds, self.first_x = seconds, x
        elif (
            self._too_slow(seconds)
            and self._too_slow(again := self._retimed(x))
            and again > SLOWER * self._retimed(self.first_x)
        ):
            raise _TooSlow(x, again, again / max(self.first_seconds, 1e-9))

    def _too_slow(self, seconds: float) -> bool:
        return seconds > SLOW_CALL and seconds > SLOWER * self.first_seconds

    def _retimed(self, x: float) -> float:
        """How long f takes at ``x`` once more (a call that counts; what it returns, unused)."""
        self.calls += 1
        started = time.perf_counter()
        with contextlib.suppress(Exception):  # it failed the first time as it may now
            self.f(x)
        return time.perf_counter() - started

    def _value(self, x: float) -> float:
        overflows = _Overflows()
        try:
            if not self.watched:
                y = evaluate(self.f, x, fix=NEEDS_F_CLOSE_TO_X0)
                self.seen[x] = y
                return y
            with _numpy_overflows_noted(overflows):
                y = evaluate(self.f, _Watched.of(x, overflows), fix=NEEDS_F_CLOSE_TO_X0)
        except NumericalError as error:
            # evaluate's advice (keep x where f stays below 1e308) is a derivative's;
            # and f itself may be small: x/x**3 at 1e103 overflows in x**3.
            if not isinstance(error.__cause__, OverflowError):
                raise
            raise _overflowed_at(x, error.__cause__) from error.__cause__
        self.underflowed = overflows.underflowed
        try:
            overflows.check(y)
        except OverflowError as error:
            raise _overflowed_at(x, error) from error
        self.seen[x] = y
        return y


SLOW_CALL = 1.0  # seconds: a call this slow, ...
SLOWER = 100.0  # ... and this many times slower than the first, stops the walk


class _TooSlow(BaseException):  # a signal that no handler of f's failures catches
    """f's cost grew toward x0 (`_Counted._timed`); `limit` turns it into a NumericalError."""

    def __init__(self, x: float, seconds: float, times: float) -> None:
        super().__init__(x, seconds, times)
        self.x, self.seconds, self.times = x, seconds, times

    def error(self) -> NumericalError:
        # Two slow calls at one point, and f fast again at its first, are all it saw: a
        # machine busy at just those calls can make them too.
        return NumericalError(
            f"f({self.x!r}) took {self.seconds:.2g} s, {self.times:.3g} times as long as "
            "its first call, so limit stopped: if its cost grows as x approaches x0 (at "
            "infinity: a sum or loop over range(n)?), the walk would not end, as it "
            "samples x far closer to x0 (at infinity, n up to 1e15 and beyond). If the "
            "machine was only busy, call limit again; else write f in closed form, "
            "without a loop whose length grows toward x0"
        )


def _overflowed_at(x: float, error: OverflowError) -> NumericalError:
    return NumericalError(
        f"f({x!r}) overflowed ({error}): f, or a value computed inside "
        f"it, is beyond the float range there; {NEEDS_F_IN_RANGE}"
    )


class _Overflows:
    """What overflowed to infinity in the arithmetic of one call of ``f`` on a `_Watched` x.

    ``x/(x*x*x)`` at 1e103 is 0.0 at every float near ``x0``, as ``x*x*x`` is
    inf, for a limit of 1e-206: f's samples hold nothing of its value, yet
    settle. So any finite value computed from an inf that arithmetic made out
    of finite floats is refused, as an OverflowError of ``f`` (``x/x**3``,
    ``atan(x**3)``) is: `check`. One value is let through: f's value that is
    itself the quotient of a finite numerator below ``DBL_MAX`` times the
    smallest normal number by such an inf (give or take its sign), which is
    below that number, where `limit` never tells closer (``sin(x)/(x*x)`` at
    4.01e154, limit 5.3e-310): the last result of `_Watched`'s arithmetic in
    the call, when it ``vanished`` and is f's value. Any other 0 may
    hide a lost value (``(atan(x*x) - pi/2)*1e300 + 1/(x*x)`` at 1e200 is 0
    at every sample, for -1e-100: ``atan`` of the inf is ``pi/2``).
    Arithmetic on numpy's scalars (``numpy.float64(x)*x*x``) that overflows
    is noted too (`_numpy_overflows_noted`).
    """

    def __init__(self) -> None:
        self.seen = False  # an operation made inf out of finite operands
        # a product, quotient or power of finite nonzero floats fell below the
        # smallest normal number, losing digits or all (x*x at x = 2**-600)
        self.underflowed = False
        self.last: _Watched | None = None  # the last result of `_Watched`'s arithmetic

    def noted(self, y: float, a: float, b: float, *, division: bool, scaling: bool) -> float:
        """``y = a op b`` (``a / b`` for a ``division``; ``*``, ``/``, ``**`` are ``scaling``)."""
        lost = math.isinf(y) and (
            (math.isfinite(a) and math.isfinite(b)) or _overflowed(a) or _overflowed(b)
        )
        self.seen = self.seen or lost
        finite = math.isfinite(a) and math.isfinite(b) and a != 0.0 and b != 0.0
        tiny = abs(y) < sys.float_info.min  # (a sum or difference that small is exact)
        self.underflowed = self.underflowed or (scaling and finite and tiny)
        vanished = (
            division
            and _overflowed(b)
            and math.isfinite(a)
            and abs(float(a)) / sys.float_info.max < sys.float_info.min
        )
        return self.made(_Watched.of(y, self, overflowed=lost, vanished=vanished))

    def made(self, result: _Watched) -> _Watched:
        """``result``, noted as the last of `_Watched`'s arithmetic."""
        self.last = result
        return result

    def note_foreign(self, *_: object) -> None:
        """An overflow outside `_Watched`'s arithmetic (numpy's ``errstate`` callback)."""
        self.seen = True

    def check(self, y: float) -> None:
        """Raise OverflowError where f's finite value ``y`` may have lost its size to an inf."""
        if not self.seen or not math.isfinite(y):
            return
        if self.last is not None and self.last.vanished and y == self.last:
            return  # f's value is the last result, a quotient that vanished
        raise OverflowError(
            "an intermediate result overflowed to inf inside f, and f's value "
            f"{y!r} was computed from it"
        )


def _numpy_overflows_noted(overflows: _Overflows) -> contextlib.AbstractContextManager[object]:
    """Where ``f`` may use numpy (already imported), its overflows noted in ``overflows``.

    ``numpy.float64(x) * x`` is numpy's arithmetic, not `_Watched`'s; numpy
    calls ``overflows.note_foreign`` where its scalar or array arithmetic
    overflows. calcweb never imports numpy.
    """
    numpy = sys.modules.get("numpy")
    if numpy is None:
        return contextlib.nullcontext()
    errstate: contextlib.AbstractContextManager[object] = numpy.errstate(
        over="call", call=overflows.note_foreign
    )
    return errstate


def _overflowed(y: object) -> bool:
    return isinstance(y, _Watched) and y.overflowed


class _Watched(float):
    """``x`` as ``f`` sees it at a finite ``x0`` other than 0: a float that notes overflows.

    Every ``+ - * / ** % //`` of a `_Watched` and an int or a float gives a
    `_Watched` result (the reflected methods of a subclass come first),
    unless it is complex (a negative ``x`` to a fractional power) or the
    other operand is numpy's and comes first (``numpy.float64(2) * x`` is a
    numpy float, ``x * numpy.float64(2)`` a `_Watched`), and tells
    `_Overflows` when it is an infinity made of finite floats (or of such an
    infinity). Other functions (``math.cos``) take it as the float it is
    (numpy's overflows are noted by `_numpy_overflows_noted`).
    """

    overflows: _Overflows
    overflowed: bool  # an inf made of finite floats, or of such an inf
    vanished: bool  # a quotient by such an inf, below the smallest normal number

    @classmethod
    def of(
        cls,
        y: float,
        overflows: _Overflows,
        *,
        overflowed: bool = False,
        vanished: bool = False,
    ) -> _Watched:
        watched = cls(y)
        watched.overflows, watched.overflowed, watched.vanished = overflows, overflowed, vanished
        return watched


def _watching(name: str, *, division: bool = False) -> Callable[..., object]:
    """The method ``name`` of `_Watched`: float's, its result noted."""
    base = getattr(float, name)
    scaling = name.strip("_").removeprefix("r") in ("mul", "truediv", "pow")

    def method(self: _Watched, other: object, *rest: object) -> object:
        y = base(self, other, *rest)
        if not isinstance(y, float) or not isinstance(other, (int, float)):
            return y  # NotImplemented, or a complex power
        a, b = (other, self) if name.startswith("__r") else (self, other)
        return self.overflows.noted(y, a, b, division=division, scaling=scaling)

    return method


for _name in ("add", "sub", "mul", "pow", "mod", "floordiv"):
    setattr(_Watched, f"__{_name}__", _watching(f"__{_name}__"))
    setattr(_Watched, f"__r{_name}__", _watching(f"__r{_name}__"))
_Watched.__truediv__ = _watching("__truediv__", division=True)  # type: ignore[method-assign,assignment]
_Watched.__rtruediv__ = _watching("__rtruediv__", division=True)  # type: ignore[method-assign,assignment]


def _watching_unary(name: str) -> Callable[[_Watched], _Watched]:
    """The unary method ``name`` of `_Watched` (``-x``, ``+x``, ``abs(x)``): no overflow."""
    base = getattr(float, name)

    def method(self: _Watched) -> _Watched:
        return self.overflows.made(
            _Watched.of(
                base(self), self.overflows, overflowed=self.overflowed, vanished=self.vanished
            )
        )

    return method


for _name in ("neg", "pos", "abs"):
    setattr(_Watched, f"__{_name}__", _watching_unary(f"__{_name}__"))


@dataclasses.dataclass(frozen=True)
class _Run:
    """Samples of ``f`` at consecutive steps, unbroken, the last at step ``last``."""

    values: list[float]
    last: int
    note: str = ""
    # Where f, after the run, raised a DomainError (not a division by 0) at
    # every step closer to x0: the run's last point, the next, and f's error there.
    ends: tuple[float, float, DomainError] | None = None
    # Whether f raised a DomainError (not a division by 0) at the step before the
    # run: f's domain may end between that step and the run's first (`_inside_the_end`).
    after_end: bool = False


def _sampled(f: Callable[[float], float], x: float) -> float:
    """``f`` at ``x``, or NaN where ``x`` is not a finite float or ``f`` fails there.

    For the samples off the usual walk (between its steps, deeper, farther
    out): a failure there settles nothing by itself, so each caller decides
    what NaN means (stop, no evidence, no law). ``f`` is never called at an
    infinite ``x``, and never returns NaN itself (`evaluate` refuses it). Any
    calcweb error counts as a failure: ``calcweb.exp(-1/x**2)`` at ``x =
    2**-993`` refuses the ``-inf`` that ``-1/x**2`` overflows to.
    """
    if not math.isfinite(x):
        return math.nan
    try:
        return f(x)
    except CalcwebError:
        return math.nan


def _samples(
    f: _Counted, point: Callable[[float], float], scale: float, *, far: bool = False
) -> _OneSided | _Run:
    """``f`` at the points nearest ``x0``, or a result when they settle nothing.

    A point where ``f`` fails (outside its domain, overflow) cuts the sequence:
    only the unbroken run closest to ``x0`` is extrapolated. If ``f`` fails
    right next to ``x0`` after growing without bound, the limit is infinite
    where ``f`` nears the largest float before it fails or ``log |f|`` does
    not rise more slowly on its last samples, and refused otherwise
    (`_overflowed_growing`; after too few samples to show the growth, ``f``
    is sampled between the last and the first that failed: `_until_failure`);
    if it fails there only after a long run (``exp(-x) cosh(x)`` overflows at
    ``inf``; ``(x - sin x)/(x - tan x)`` divides 0 by 0 once ``tan x`` rounds
    to ``x``), that run is used, and where ``f`` is outside its domain at
    every step past it (not dividing by 0), the run records where
    (``ends``: a refusal from it says so, `_outside_the_domain`). Far out (at
    infinity, ``far``) a division by 0 at every step past the run is taken as
    an overflow is: a value computed inside ``f`` that left the float range,
    here by underflowing to 0 (`_underflowed`).
    """
    values: list[float] = []
    before: list[float] = []
    before_last = 0
    failure: CalcwebError | None = None
    cut: CalcwebError | None = None  # the failure right after ``before``
    for k in range(STEPS):
        x = point(scale * 2.0 ** -(k + 2))
        try:
            if not math.isfinite(x):
                raise NumericalError(f"the sample point {x!r} is not a finite number")
            values.append(f(x))
        except (DomainError, NumericalError) as error:
            if values:
                before, before_last, cut = values, k - 1, error
            failure, values = error, []
    if len(values) >= MIN_SAMPLES:
        after_end = isinstance(failure, DomainError) and not _divides_by_0(failure)
        return _Run(values, STEPS - 1, after_end=after_end)
    assert failure is not None  # noqa: S101 - STEPS > MIN_SAMPLES: a sample failed
    # 1/x**30 overflows (or underflows to a division by 0) next to x0; but
    # log(x - 1e-3), which grows too, is not defined next to 0.
    overflow = isinstance(failure, NumericalError) or isinstance(
        failure.__cause__, ZeroDivisionError
    )
    last = scale * 2.0 ** -(before_last + 2)  # the step of before's last sample
    if overflow and _divergence(before):
        return _overflowed_growing(f, point, last, last / 2.0, before, before)
    if overflow and not values and _divergence(before, least=3):
        # f fails at every point nearer than its last samples, which diverge but are
        # too few to show it: look between the last and the first that failed.
        nearer = _until_failure(f, point, last)
        if _divergence(before + nearer):
            good, bad = _failure_bracket(last, nearer)
            return _overflowed_growing(f, point, good, bad, before + nearer, before)
    if far and not values:  # f fails at every step past the run, at infinity
        past = _past_the_run(f, point, scale, before, before_last, (cut, failure))
        if past is not None:
            return past
    needed = MIN_SAMPLES if isinstance(failure, NumericalError) else LONG_RUN
    if len(before) >= needed:
        # f outside its domain at every step past the run (sqrt(1e10 - x) at inf
        # beyond 1e10), not a 0/0 that rounding makes: its domain may end there.
        ends = None
        if not values and isinstance(cut, DomainError) and not _divides_by_0(cut):
            at = [point(scale * 2.0 ** -(k + 2)) for k in (before_last, before_last + 1)]
            ends = (at[0], at[1], cut)
        return _Run(before, before_last, f"; f fails closer to x0 ({failure})", ends)
    raise _not_close_enough(failure, before if not values else [], point(last / 2.0)) from failure


def _not_close_enough(failure: CalcwebError, before: list[float], x: float) -> CalcwebError:
    """The refusal where ``f`` fails at ``x`` and every sample past it, after ``before`` only."""
    if before and _divides_by_0(failure):
        # 0/0 past the run is more often an underflow than a hole in f's domain.
        return type(failure)(
            f"f cannot be evaluated close enough to x0: it divides by 0 at every sample from "
            f"x = {x!r} on ({failure.__cause__ or failure}), after only {len(before)} "
            f"samples: f may not be defined there, or {UNDERFLOWED_INSIDE}"
        )
    return type(failure)(f"f cannot be evaluated close enough to x0: {failure}")


# Why f divides by 0 at every sample close to x0: it may be defined there all the same.
UNDERFLOWED_INSIDE = (
    "a value computed inside f may have underflowed to 0 there (x**100 is 0 for |x| < 5.8e-4, "
    "exp(-1/x**2) for |x| < 0.0366): rewrite f so that none does (exp(-1/x**2)/x**100 "
    "as exp(-1/x**2 - 100*log(abs(x))))"
)


def _past_the_run(  # noqa: PLR0917 - the state of _samples
    f: _Counted,
    point: Callable[[float], float],
    scale: float,
    before: list[float],
    last: int,
    failures: tuple[CalcwebError | None, CalcwebError],
) -> _OneSided | _Run | None:
    """At infinity, the run ``before`` (the last at step ``last``) read where ``f`` fails past it.

    ``failures`` are the first failure past the run and the last: both
    overflows (`_past_overflow`) or both divisions by 0 (`_past_underflow`);
    None where neither reads the run.
    """
    cut, failure = failures
    if _overflows(cut) and _overflows(failure) and len(before) >= REACH_POINTS:
        return _past_overflow(f, point, scale * 2.0 ** -(last + 2), before)
    if cut is not None and _underflowed(cut, failure):
        return _past_underflow(point, scale * 2.0 ** -(last + 3), before, last, failure)
    return None


def _overflows(failure: CalcwebError | None) -> bool:
    """Whether ``f`` failed by an overflow (inside it: ``exp(x)`` beyond 709.78, ``3**x``)."""
    return isinstance(failure, NumericalError) and isinstance(failure.__cause__, OverflowError)


def _past_overflow(
    f: _Counted, point: Callable[[float], float], h: float, before: list[float]
) -> _OneSided | None:
    """The limit at infinity of ``before``, out to step ``h``, where ``f`` overflows farther out.

    ``x**7/exp(x)`` overflows in ``exp`` from ``x = 709.783`` on, ``(3**x +
    5**x)**(1/x)`` in ``5**x`` from 441.013: the walk stops short of where its
    limit shows. So ``f`` is sampled on, between the last sample and the
    first that failed (`_until_failure`), and the limit is

    * the constant ``c`` that the last sample is, when the samples before
      fall onto it ever faster (`_reaches`) and a nearer one (or the one
      before) is ``c`` too: ``(3**x + 5**x)**(1/x)`` is 5.15, 5.01,
      5.000088, 5.000000012, 5 + 1 ulp at ``x = 4 .. 64``, then 5.0; its
      error is the distance of the last sample before them (as in
      `_constant_run`, ``REACH_LAST`` roundings where that is within rounding:
      `_reaches_but_last`), which no nearer sample may be farther than,
      nor rise again after falling far down, unless by ever smaller steps
      at its end (`_rises_after_a_fall`, `_settling` of the last
      ``REACH_POINTS``:
      ``exp(-x/5) + 1e-30 x + 0 exp(x)``, whose limit is inf, falls to
      5.1e-28 at ``x = 512`` and rises to 6.6e-28 at 664, short of the
      overflow of ``exp(x)`` at 709.78; it was 5.1e-28 give or take 5.8e-23);
    * 0, when the last ``REACH_POINTS`` samples, of one sign, fall onto it
      ever faster (drops in bits that grow, by at most ``REACH_GROWTH``
      times, as `_reaches` asks), and keep falling at every nearer sample,
      to below ``ACCEPT`` times the largest sample and 1: ``x**7/exp(x)`` is 7.1e-16,
      1.4e-41, 4.8e-95, 4.0e-204 at ``x = 64 .. 512``; its error is the
      last sample's size, as a fall that goes on stays below it;
    * infinite, when the samples grow, nearer ones included, from the last
      ``REACH_POINTS + 1`` or more on, without slowing down (`_divergence`;
      ``log(sinh(x))/x`` rises onto 1 ever more slowly), as
      `_overflowed_growing` judges a growth it cut short: ``exp(x)/x**10``
      falls to 2.8e-6 at ``x = 8`` and then grows, ever faster, to 2e195 at
      512; ``exp(-x) + 1e-250 exp(x)``, whose samples fall out to 256 and
      grow from there, only to about 1.8e58 where ``exp`` overflows, is refused
      (its limit is infinite; it was extrapolated from its fall, 2.6e-56
      give or take 5.3e-8);
    * infinite too, when the samples fall far down and rise again
      (`_rises_after_a_fall`), the walk's ``log |f|`` bending up ever faster
      over its last ``BEND_POINTS`` samples (`_bends_up`), however
      few the samples of the rise: ``exp(x)/x**127`` falls to 9.4e-213 at
      ``x = 128`` and rises to 2.2e-195 at 256, where ``x**127`` is about to
      overflow; a rise that does not bend up so is judged as a growth cut
      short is (refused unless ``f`` nears the largest float), from the
      first sample after the lowest: ``exp(-0.214 x) + 5e-11 x/(x + 533) + 0
      x**106`` rises from 1.1e-11 at 128, by 0.39 and 0.41 in ``log``, the fall still
      in the first (its limit is 5e-11; judged from 128 on, it was inf);
    * refused, when the walk falls far down ever more slowly, its ``log |f|``
      bending up ever faster (`_falls_ever_slower`): ``f`` may turn past
      where it overflows (``exp(x/2)/x**135``, short of its minimum at 270).

    None otherwise: the run is extrapolated as a run that ends where ``f``
    fails is. Nothing farther out shows what ``f`` does beyond the floats:
    ``x**100/2**x``, whose limit is 0, is still 4.0e14 at ``x = 939``, the
    last sample before ``2**x`` overflows, and is refused.
    """
    nearer = _until_failure(f, point, h)
    good, bad = _failure_bracket(h, nearer)
    samples = before + nearer
    growth = samples[_growth_start(samples) :]
    turned = _rises_after_a_fall(samples, growth)  # no fall onto 0
    rising = turned and not _settling(growth[-REACH_POINTS:])  # nor onto the last sample
    start = _run_start(before)
    constant, fall = before[-1], before[:start]
    reach = None
    if len(before) - start + len(nearer) >= 2 and not rising:  # a constant seen twice
        if _reaches(fall, constant):
            reach = abs(fall[-1] - constant)
        elif _reaches_but_last(fall, constant):
            reach = REACH_LAST * _EPS * abs(constant)
    if reach is not None and all(abs(y - constant) <= reach for y in nearer):
        return _OneSided(
            constant,
            max(_EPS * abs(constant), reach),
            True,
            f"f falls onto {constant!r} ever faster and stays on it out to x = "
            f"{point(good)!r}, past which it overflows",
        )
    if _falls_onto_0(before, nearer):
        last = (before + nearer)[-1]
        return _OneSided(
            0.0,
            abs(last),
            True,
            f"f falls onto 0 ever faster, to {last:.3g} at x = {point(good)!r}, past which "
            "it overflows",
        )
    if turned and _bends_up(before[-BEND_POINTS:]):
        return _grows_again(samples, point(good))
    if _falls_ever_slower(before):
        return _may_turn(samples[-1], point(good))
    divergent = _divergence(growth, least=REACH_POINTS + 1)
    if divergent or turned:
        # The walk's samples (a doubling apart: for `_slowing`); a short rise after a
        # fall from its second: the fall may still weigh down its lowest sample.
        first = len(samples) - len(growth) + (0 if divergent else 1)
        return _overflowed_growing(f, point, good, bad, samples, before[first:])
    return None


def _rises_after_a_fall(samples: list[float], growth: list[float]) -> bool:
    """Whether ``samples`` fall far down, onto 0, and their last ones (``growth``) rise from there.

    Far down as `_falls_onto_0` asks, below ``ACCEPT`` times the largest
    sample and 1, and up again by more than rounding does (``RISEN``): such
    a run is no fall onto 0 (nor onto its last sample, unless its rise
    settles there: `_past_overflow`), however few the samples of its rise.
    ``exp(x)/x**127`` falls to 9.4e-213 at ``x = 128`` and rises to 2.2e-195
    at 256, then ``x**127`` overflows (its limit is inf; extrapolated, it
    was 4.3e-195 +- 2.4e-114).
    """
    lowest, last = abs(growth[0]), abs(growth[-1])
    far_down = lowest <= ACCEPT * min(1.0, max(abs(y) for y in samples))
    return len(growth) < len(samples) and far_down and last > (1.0 + RISEN) * lowest


RISEN = 1e-6  # f far down that departs by this share or more from a power of x: not rounding
BEND_POINTS = 5  # the samples whose log |f| bends up ever faster, three bends: no V of two


def _bends_up(tail: list[float]) -> bool:
    """Whether ``log |f|`` over ``tail`` (a doubling of ``x`` apart) bends up ever faster.

    Each of its steps above the one before, by more than the last did (and
    than ``RISEN``), but at most ``REACH_GROWTH`` times as much (as
    `_drops_growing` asks of a fall), over ``BEND_POINTS`` samples of one
    sign: as ``c x - k log x`` does, whose step grows by ``c x`` as ``x``
    doubles, a growth that outruns any power of ``x``. ``exp(x)/x**127``
    steps by -72, -56, -24, +40 from ``x = 16`` to 256. A fall that ends
    where a bounded term takes over bends up too, but only there:
    ``exp(-1.39 x) + 1.48e-101 tanh(x/190) + 0 x**107`` (limit 1.48e-101) bends by
    -44.5, 34.6, 54.5 over ``x = 32 .. 512`` (over four samples: inf). A
    sum of powers bends up where one takes over from another, but
    abruptly: ``x**-100 + 1e-28 x**-90 + 0 x**100`` (limit 0) by 1.2e-4, 0.12, 4.6
    over ``x = 64 .. 1024``, short of where ``x**100`` overflows (1209.3).
    """
    if len(tail) < BEND_POINTS or 0.0 in tail or len({math.copysign(1.0, y) for y in tail}) != 1:
        return False
    logs = [math.log(abs(y)) for y in tail]
    steps = [b - a for a, b in itertools.pairwise(logs)]
    bends = [b - a for a, b in itertools.pairwise(steps)]
    return bends[0] > RISEN and all(a < b <= REACH_GROWTH * a for a, b in itertools.pairwise(bends))


def _grows_again(samples: list[float], edge: float) -> _OneSided:
    """The limit inf of ``samples`` that fall, then rise, as `_bends_up` says, up to ``edge``."""
    value = math.copysign(math.inf, samples[-1])
    return _OneSided(
        value,
        0.0,
        True,
        f"f falls, then grows again, log |f| bending up ever faster (as c*|x| - k*log|x| "
        f"does), to {samples[-1]:.3g} at x = {edge!r}, past which it overflows: the limit "
        f"is {value}",
    )


def _falls_ever_slower(before: list[float]) -> bool:
    """Whether the walk's last samples ``before`` fall far down, ever more slowly.

    Their ``log |f|`` `_bends_up`: ``exp(x/2)/x**135`` falls by 91.6, 89.6,
    85.6, 77.6, 61.6 (in ``log``) from ``x = 4`` to 128, then ``x**135``
    overflows beyond 192.0, short of its minimum at 270: its limit is inf
    (extrapolated, it was 2.1e-257 +- 1.5e-122).
    """
    far_down = abs(before[-1]) <= ACCEPT * min(1.0, max(abs(y) for y in before))
    return far_down and _bends_up(before[-BEND_POINTS:])


def _may_turn(last: float, edge: float) -> _OneSided:
    """Refusing a fall that slows ever faster, to ``last`` at ``edge``, past which f overflows."""
    return _OneSided(
        last,
        math.inf,
        False,
        f"f falls, to {last:.3g}, ever more slowly (the drops of log |f| shrink ever "
        f"faster) out to x = {edge!r}, past which it overflows: it may turn and grow "
        "without bound (exp(x/2)/x**135 falls out to x = 192.0, where x**135 overflows, "
        "has its minimum at 270 and tends to inf). Rewrite f so that no intermediate "
        "result overflows (exp(x/2 - 135*log(x)) for exp(x/2)/x**135); pass "
        "full_output=True to get the last sample anyway",
    )


def _falls_onto_0(before: list[float], nearer: list[float]) -> bool:
    """Whether the walk's samples ``before`` fall onto 0 ever faster, and ``nearer`` falls on.

    See `_past_overflow`.
    """
    tail = before[-REACH_POINTS:]
    if len({math.copysign(1.0, y) for y in tail + nearer}) != 1 or not all(tail):
        return False
    faster = _drops_growing([abs(y) for y in tail]) is not None
    falling = [abs(y) for y in [tail[-1], *nearer]]
    far_down = falling[-1] <= ACCEPT * min(1.0, max(abs(y) for y in before))
    return faster and far_down and all(b < a for a, b in itertools.pairwise(falling))


# Why f divides by 0 at every large x: more often underflow than the end of its domain.
UNDERFLOWED = (
    "a value computed inside f may have underflowed to 0 there (exp(x) is 0 beyond "
    "x = -745, exp(-x*x/2) beyond |x| = 38.6), though f itself is defined"
)


def _past_underflow(
    point: Callable[[float], float],
    h: float,
    before: list[float],
    last: int,
    failure: CalcwebError,
) -> _Run:
    """The run ``before`` (the last at step ``last``) of ``f``, which divides by 0 from ``h`` on.

    Read as the run before an overflow is (`MIN_SAMPLES` of them, noted);
    with fewer, refused, saying that an underflow may be the cause.
    """
    divides = f"f divides by 0 from x = {point(h)!r} on"
    if len(before) >= MIN_SAMPLES:
        return _Run(before, last, f"; {divides}: {UNDERFLOWED}")
    samples = "1 sample" if len(before) == 1 else f"{len(before)} samples"
    raise type(failure)(
        f"f cannot be evaluated far enough out: {divides} ({failure.__cause__}), after only "
        f"{samples}, too few to show a trend: {UNDERFLOWED}. Rewrite f so "
        "that no value computed inside it underflows (a ratio of such values in "
        "logs: exp(log(a) - log(b)) for a/b)"
    ) from failure


def _underflowed(cut: CalcwebError, failure: CalcwebError) -> bool:
    """Whether ``f`` divides by 0 at the first step past the run and the last, as underflow does.

    A denominator that is 0 at every large ``x`` is most often one that
    underflowed there (``softplus(x)/exp(x)`` at -inf, from ``x = -1024``),
    rarely a real one (``1/(1 if x < 1000 else 0)``, whose domain ends),
    just as an overflow there is one inside ``f`` (`_samples` reads past both).
    """
    return _divides_by_0(cut) and _divides_by_0(failure)


def _divides_by_0(failure: CalcwebError) -> bool:
    """Whether ``f`` failed dividing by 0 (as 0/0 does once rounding cancels both)."""
    return isinstance(failure, ZeroDivisionError) or isinstance(
        failure.__cause__, ZeroDivisionError
    )


def _failure_bracket(h: float, nearer: list[float]) -> tuple[float, float]:
    """The steps of the last sample `_until_failure` found below ``h`` (``nearer``), and the next.

    That is, where ``f`` was last finite and where it first failed (``h`` itself when
    none was found).
    """
    return h * 2.0 ** (-len(nearer) / DENSER), h * 2.0 ** (-(len(nearer) + 1) / DENSER)


def _until_failure(f: _Counted, point: Callable[[float], float], h: float) -> list[float]:
    """``f`` at the ``DENSER - 1`` points ``h 2**(-k/DENSER)`` strictly between ``h`` and ``h/2``.

    Nearer ``x0`` each time, up to the first that fails.

    ``exp(1/x**2)`` overflows from ``x = 1/32`` on, after three samples, too
    few to show a divergence; between ``1/16`` and ``1/32`` it is finite up to
    ``x = 0.0375`` (five more samples, 1.6e132 to 2.7e264), and a function
    whose sign changes there only shows it (``exp(1/x**2) sin(3/x)`` from the
    right: of one sign at ``1/4, 1/8, 1/16``, then 1.4e132, 8.7e156, -5.3e186).
    """
    values: list[float] = []
    for k in range(1, DENSER):
        y = _sampled(f, point(h * 2.0 ** (-k / DENSER)))
        if math.isnan(y):  # the samples end where f fails
            break
        values.append(y)
    return values


def _divergence(values: list[float], least: int = 8) -> bool:
    """Whether the last 8 samples grow in size without slowing down, all of one sign.

    All of them if fewer, but at least ``least``.
    """
    tail = values[-8:]
    if len(tail) < least or len({math.copysign(1.0, y) for y in tail}) != 1:
        return False
    sizes = [abs(y) for y in tail]
    steps = [later - earlier for earlier, later in itertools.pairwise(sizes)]
    return all(step > 0 for step in steps) and all(
        later >= 0.99 * earlier for earlier, later in itertools.pairwise(steps)
    )


def _departing(departures: list[float], floor: float) -> bool:
    """Whether the last departures from a settled value grow like ``c / h**p``, past ``floor``.

    ``departures`` are the top column's entries minus the value, where the
    table has removed the ``h, h**2, ...`` terms of ``f`` and left a real
    ``c / h**p`` (the table cannot remove it), times a constant; ``floor``
    is what the value's error and the entries' rounding can account for.
    The last ``DEPART_POINTS`` or more, whatever the departures before them
    do, must each be the one before times ``2**p`` for one whole ``p >= 1``,
    to within what ``floor`` allows each: noise that grows, and changes its
    rate at random, does not keep one. ``exp(x) + 1e-40/x**2`` at 0 from the
    left is below 1 down to ``x = -2**-45``, then above it by 9.6e-14 ..
    3.2e-11 (an error of 2.7e-15); ``2 + 3 (x - 2**30) + 8.5e-20/(x -
    2**30)**2`` leaves 2 ever less, and only its extrapolations grow. Three
    are the fewest that show a rate kept.
    """
    if len(departures) < DEPART_POINTS or not abs(departures[-2]) > floor:
        return False
    power = _whole_power(departures[-1] / departures[-2])
    if power < 1:
        return False
    kept = 1  # departures at the end that keep the rate 2**power
    for a, b in itertools.pairwise(reversed(departures)):
        # b is the departure before a: a must be b * 2**p, to floor for each.
        if not (abs(b) > floor and abs(a - b * 2.0**power) <= floor * (1.0 + 2.0**power)):
            break
        kept += 1
    return kept >= DEPART_POINTS


def _whole_power(ratio: float) -> int:
    """The whole ``p`` for which ``ratio`` is nearest ``2**p``; 0 for a ratio not above 0."""
    return round(math.log2(ratio)) if ratio > 0.0 else 0


def _growth_start(values: list[float]) -> int:
    """The index from which the samples keep one sign and grow in size to the last."""
    start = len(values) - 1
    while (
        start > 0
        and math.copysign(1.0, values[start - 1]) == math.copysign(1.0, values[-1])
        and abs(values[start - 1]) < abs(values[start])
    ):
        start -= 1
    return start


def _power_law(values: list[float], offset: float = 0.0) -> bool:
    """Whether each of ``values`` minus ``offset`` is the one before times one power of 2.

    To rounding: close to ``x0``, rounding can leave ``f`` exactly ``c /
    h**p``: ``exp(t) - 1 - t`` is exactly ``-t`` once ``exp(t)`` rounds to 1,
    so ``(exp(t) - 1 - t) / t**2`` is ``-1/t``. The rounding of a value,
    ``eps * |y|``, is a larger part of a smaller ``y - offset``.
    """
    parts = [y - offset for y in values]
    if not all(parts):
        return False
    return _geometric(parts, [abs(y / part) for y, part in zip(values, parts, strict=True)])


def _geometric(parts: list[float], blur: list[float]) -> bool:
    """Whether each of ``parts`` is the one before times one power of 2, to ``blur`` ulps each."""
    ratios = [b / a for a, b in itertools.pairwise(parts)]
    if min(ratios) <= 0.0:
        return False
    power = 2.0 ** round(math.log2(ratios[0]))
    return all(
        abs(r - power) <= 8.0 * _EPS * (blur[i] + blur[i + 1]) * power for i, r in enumerate(ratios)
    )


def _power_run(values: list[float], offset: float = 0.0) -> int:
    """How many of the last ``values`` (3 or more, else 0) minus ``offset`` follow `_power_law`."""
    n = 0
    while n < len(values) and _power_law(values[-max(n + 1, 3) :], offset):
        n = max(n + 1, 3)
    return n


def _steps_power_run(values: list[float]) -> int:
    """How many of the last ``values`` (4 or more, else 0) are ``L + c / h**p``, for one ``L``.

    Their steps (differences) follow `_power_law` then, each to the rounding
    of the two samples it joins: ``-1e10 + 92.8/|x - 37|`` from the left
    steps by 11.6, 23.2, 46.4, ... from its first sample on.
    """
    steps = [b - a for a, b in itertools.pairwise(values)]
    blur = [
        max(abs(a), abs(b)) / abs(d) if d else math.inf
        for (a, b), d in zip(itertools.pairwise(values), steps, strict=True)
    ]
    n = 0
    while n < len(steps):
        m = max(n + 1, 3)
        if not all(steps[-m:]) or not _geometric(steps[-m:], blur[-m:]):
            break
        n = m
    return n + 1 if n else 0


def _scatter(values: list[float], value: float) -> bool:
    """Whether the samples before the growth that ends ``values`` cross ``value`` twice.

    Rounding noise scatters them about the limit; ``f`` that really grows
    (``1/x - 1e6``, ``1 + 1e-20/x**2`` at 0) leaves it on one side.
    """
    offsets = [y - value for y in values[: _growth_start(values) + 1]]
    return sum(a * b < 0 for a, b in itertools.pairwise(offsets)) >= 2


def _lost_before_growth(values: list[float], value: float, error: float) -> bool:
    """Whether rounding ruined ``f`` before the growth that ends ``values`` began.

    Then the growth may be rounding's too, and does not contradict ``value``:
    ``(cos h - 1 + h**2/2)/h**4`` leaves 1/24 and gets stuck on 0, and only
    then is exactly ``1/(2 h**2)``, once ``cos h`` rounds to 1. So the
    samples before the growth scatter about ``value`` (cross it twice, as
    `_scatter` counts), or end
    on a run of ``STUCK`` equal samples that ``value`` is clearly not.
    ``1 + 1e-20/x**2`` at 0, which is exactly 1 and then grows, lost nothing.

    The growth is the samples' departure from ``value``, which need not be
    a growth of ``f``: ``(tan(pi/4 + 3 x) - tan(pi/4))/x - min(2.37e-49/|x|**3,
    0.0028)`` at 0- is exactly 6 at ``x = -2**-31 .. -2**-36``, 7.9e-13 above
    the estimate, then leaves it toward 0 like ``-2.37e-49/|x|**3``, crossing
    it on the way. That crossing is the departure's, not rounding's scatter,
    so only the samples before the departure are looked at, with all of a
    run it starts from.
    """
    offsets = [y - value for y in values]
    start = _growth_start(offsets)
    # A run the departure starts from ends where its samples stop being equal.
    while 0 < start < len(values) and values[start] == values[start - 1]:
        start += 1
    before = values[:start]
    if not before:
        return False
    crossings = sum(a * b < 0 for a, b in itertools.pairwise(offsets[: len(before)]))
    stuck = before[-1]
    run = len(before) - _run_start(before)
    off = abs(stuck - value) > JUMP * error + 4.0 * _EPS * max(abs(stuck), abs(value))
    return crossings >= 2 or (run >= STUCK and off)


def _overflowed_growing(  # noqa: PLR0917 - the walk's state
    f: _Counted,
    point: Callable[[float], float],
    good: float,
    bad: float,
    values: list[float],
    walked: list[float],
) -> _OneSided:
    """The limit inf (`_infinite`) of ``values`` growing until ``f`` overflows, if ``f`` nears it.

    The step ``good`` is the last where ``f`` was finite, ``bad`` the first
    where it failed. Bisected between them (``OVERFLOW_HALVINGS`` times), a
    ``f`` that grows past the floats is near their largest just before
    (``exp(1/x**2)``: 1.8e308); one whose value computed inside overflows is
    not (``x**149 * exp(-x)`` at infinity, whose samples grow to 2.1e241 at
    64 before ``x**149`` overflows at 117.17, where ``f`` is 2.3e257; its limit
    is 0): refused, it may not grow without bound. Unless the walk's samples
    (``walked``, a halving of the step apart: a doubling of ``x`` at
    infinity) grow in ``log |f|`` at least as fast as before (`_slowing`):
    ``exp(x)/x**5`` is 1e294 where ``exp`` overflows, but its logs rise by
    125 and 253 from 128 to 512, while those of ``x**149 * exp(-x)`` rise by
    95, 87 and 71 up to 64.
    """
    if not _slowing(walked):
        return _infinite(values)
    largest = abs(values[-1])
    for _ in range(OVERFLOW_HALVINGS):
        middle = good + (bad - good) / 2.0
        if middle in (good, bad):
            break
        y = _sampled(f, point(middle))
        if math.isnan(y):
            bad = middle
        else:
            good, largest = middle, max(largest, abs(y))
    if largest >= NEAR_OVERFLOW:
        return _infinite(values)
    at = point(bad)
    return _OneSided(
        math.copysign(math.inf, values[-1]),
        math.inf,
        False,
        f"f grows until it fails at x={at!r} (an overflow, a NaN or a division by 0, "
        "as where a value computed inside f leaves the float range), but f itself is "
        f"only about {largest:.3g} there, far from the largest float: it may not grow "
        "without bound (x**149*exp(-x) grows to 2.3e257 at x = 117.17, where x**149 "
        "overflows, and tends to 0). Rewrite f so that no intermediate result overflows "
        "or underflows to 0; pass full_output=True to get the estimate anyway",
    )


def _slowing(values: list[float]) -> bool:
    """Whether ``log |f|`` rose by less between the last two samples than the two before.

    Less than 0.99 times as much; True with fewer than three samples, and
    where the first of them is 0, whose log is ``-inf``: the rise from it is
    the larger (``exp(1/x**2) - exp(16)`` at 0 is 0 at ``x = 1/4``, 6.2e27 and
    1.5e111 at ``1/8`` and ``1/16``, then overflows).
    """
    if len(values) < 3 or 0.0 in values[-3:]:
        return True
    first, middle, last = (math.log(abs(y)) for y in values[-3:])
    return last - middle < 0.99 * (middle - first)


OVERFLOW_HALVINGS = 60  # `_overflowed_growing` brackets where f starts to overflow this finely
NEAR_OVERFLOW = 2.0**1000  # and f just before must be this large to have overflowed itself


def _infinite(values: list[float]) -> _OneSided:
    value = math.copysign(math.inf, values[-1])
    return _OneSided(value, 0.0, True, f"f grows without bound: the limit is {value}")


def _unless_bounded(result: _OneSided, values: list[float]) -> _OneSided:
    """``result``, or a refusal when it is infinite and the growth of ``values`` is bounded.

    After every other check, which may tell more (``log x + 1e-10/sqrt x`` at
    0+ turns back closer in): ``1 - x**-0.01`` at infinity grows by steps
    that shrink by ``2**-0.01`` a doubling of ``x``, slowly enough to look
    unbounded (`_bounded_growth`).
    """
    grows = result.converged and math.isinf(result.value)
    tail = _bounded_growth(values) if grows else None
    if tail is None or tail * result.value <= 0.0:
        return result
    return _bounded(values[-1], tail, "at its last usual samples")


def _past_the_walk(
    f: _Counted, point: Callable[[float], float], h: float, last: float
) -> tuple[list[tuple[float, float]], bool]:
    """``f`` every ``BACK_HALVINGS`` halvings of the step below ``h``, and whether it turns back.

    ``last`` is ``f`` at step ``h``, where the deep walk ends on ``f``
    growing; out to the floats' end, ``f`` must keep growing in size with
    one sign, from each point to the next. The points and ``f`` there end
    where it does not (then True),
    where ``f`` fails or where the points end.
    """
    far: list[tuple[float, float]] = []
    for _ in range(BACK_POINTS):
        h *= 2.0**-BACK_HALVINGS
        x = point(h)
        if h == 0.0 or not math.isfinite(x):
            break
        y = _sampled(f, x)
        if math.isnan(y):
            break
        far.append((x, y))
        if not (y * last > 0.0 and abs(y) > abs(last)):  # (a cap stops it: min(log(x), 500))
            return far, True
        last = y
    return far, False


def _short_far_out(  # noqa: PLR0917 - the state of _checked_closer_in
    f: _Counted,
    point: Callable[[float], float],
    h: float,
    values: list[float],
    deep: list[float],
    value: float,
    walked: int = DEEP_STEPS,
) -> tuple[float, float] | None:
    """``x`` and ``f(x)`` at the far end past the deepest step, if short of the growth.

    ``values`` are the usual samples, the last at step ``h``, of a growth to
    the infinite ``value`` that ``f`` at the deepest step fits (``deep``
    empty), or ``deep`` a whole walk there that grows like a power or
    faster: nothing sampled farther on, where the floats go on. A growth
    like ``x**p`` that stops there (``tanh((x/1e200)**0.5)``, ``x**0.5/1e100``
    at every point sampled, ``1`` from ``x = 3.6e202`` on; ``min(x**2,
    1e300)``, ``1e300`` from ``x = 1e150`` on) leaves ``f`` at the far end
    short of the law of the last samples (`_short_of_growth`, `_far_law`).
    The far end is the farthest step that is a normal float (``|x| =
    2**1022`` at infinity, ``2**-1022`` at 0: ``1/x`` stays finite) where the
    law stays below the largest float (``x*x`` at inf: ``|x| = 2**511``), or
    where ``f`` fails closer in, the last step before it does
    (`_far_end`, `_last_valid_halving`); and where ``f`` at that end is
    short of the law by more than ``LAW_HAIR`` bits, though within the bit
    allowed, one halving on too (`_short_past_the_end`). None where ``f`` is
    not short there, or fails at every step past the deepest.
    ``walked``: the steps of the walk, fewer where ``f`` fails at the next
    (``min(|x|**3.79, 7.4e294)`` at -inf, its exponent 3.7859 in
    test_limits_limodd, fails from 2.6e81 on, and is 7.4e294 from 7.7e77 on,
    past the walk's last point, 2.3e77): "deepest" is then the
    walk's last point, and the law the growth of its last two samples, as a
    power's (`_power_reach`).
    """
    floor, sign = h * DEEP_RATIO**walked, math.copysign(1.0, value)
    floor_y = f.seen.get(point(floor))
    if floor_y is None:
        floor_y = _sampled(f, point(floor))
    if floor_y == values[-1]:
        return None  # rounding broke the growth off: (1 - cos h)/h**3 is 0 from h = 2**-27 on
    last, steps = _far_law(values, deep, sign)

    def law(m: int) -> float | None:
        return _law_reach(last, sign, steps(m))

    cut = walked < DEEP_STEPS
    reach = _power_reach(deep[-2:], sign) if cut else law
    end = _far_end(floor, reach)
    far = _last_valid_halving(f, point, floor, end)
    if far is None:
        return None
    m, y = far
    x = point(floor * 2.0**-m)

    # Changes within rounding set no law (`_short_of_growth`), but f must still grow past
    # the deepest step (0.5 + 1e-5 tanh((x/1e35)**0.5) steps by ulps at the usual samples,
    # and is 0.50001 from 1.7e37 on: at the deepest step, 6.5e91, and past it).
    def short(m: int, y: float, slack: float = 1.0) -> bool:
        gone = (y - floor_y) * sign
        if cut:
            return not (gone > 0.0 and not math.log2(gone) < (reach(m) or -math.inf) - slack)
        return not (gone > 0.0 and not _short_of_growth(last, y, sign, steps(m), slack))

    if short(m, y):
        return (x, y)
    # f a hair short of its law at the far end may have stopped on a level within the
    # bit allowed; f on it to the last bits (a pure power) may not.
    if m < end or not short(m, y, slack=LAW_HAIR):
        return None
    return _short_past_the_end(f, point, floor, m, short)


def _short_past_the_end(
    f: _Counted,
    point: Callable[[float], float],
    floor: float,
    m: int,
    short: Callable[[int, float], bool],
) -> tuple[float, float] | None:
    """``x`` and ``f(x)`` one halving past the far end ``m``, if ``f`` stops there.

    Past the far end the law reaches ``2**MAX_EXPONENT`` (``2**1023``, half
    the largest float) or more, and ``f`` that keeps it is at least as far
    past ``f`` at the far end as the law (`short`), or fails (overflows).
    ``min(x**3, 1e307)`` at inf is ``1e307`` at the far end, ``x =
    2**340``, only 0.17 bits short of ``x**3``'s ``1.12e307``,
    within the bit the law is known to; one halving on, it is ``1e307``
    again, where ``x**3`` is ``8.99e307``. Not where that step is no normal
    float, or its point not finite.
    """
    step = floor * 2.0 ** -(m + 1)
    x = point(step)
    if step < sys.float_info.min or not math.isfinite(x):
        return None
    past = _sampled(f, x)
    return (x, past) if not math.isnan(past) and short(m + 1, past) else None


def _power_reach(two: list[float], sign: float) -> Callable[[int], float | None]:
    """``log2`` of how far past ``two[-1]`` f goes ``m`` halvings on, growing as a power.

    ``two``: ``f`` at two steps of a walk, ``DEEP_RATIO`` apart, and the power
    their ratio shows (a walk's changes grow too fast for `_law_reach`, whose
    first change is within the rounding of the last: ``x**5 log(x)``).
    None for a ratio not above 1, or fewer samples.
    """
    per_step = -math.log2(DEEP_RATIO)
    ratio = two[-1] / two[0] if len(two) == 2 and two[0] * sign > 0.0 else 0.0

    def reach(m: int) -> float | None:
        if not ratio > 1.0:
            return None
        e = m / per_step * math.log(ratio)  # ratio**(m/per_step) - 1 = expm1(e)
        huge = e >= math.log(sys.float_info.max)
        return math.log2(abs(two[-1])) + (e / math.log(2.0) if huge else math.log2(math.expm1(e)))

    return reach


def _far_law(
    values: list[float], deep: list[float], sign: float
) -> tuple[list[float], Callable[[int], float]]:
    """The samples whose law ``f`` keeps past the deepest step, and their steps to there.

    The steps (of those samples' spacing, for `_law_reach`) from the last of
    them to ``m`` halvings past the deepest step. Those of a walk there, where
    one was taken and sets a law: the law of the usual samples, extrapolated that far, fits a
    power (checked at the deepest step) but not ``x**3 log(x)``, whose
    changes grow by 8.17 times a halving at ``x = 5.6e14`` and by 8.03 at
    ``x = 6.5e91``: 2**5 times ``f`` at ``x = 1.4e101``.
    """
    per_step = -math.log2(DEEP_RATIO)  # halvings between two samples of the walk
    # (x**3.2's changes grow by 2**51 a step of the walk: the first is within the last's
    # rounding, and sets no law; the usual samples' holds there)
    if deep and _law_reach(deep, sign, 1.0) is not None:
        return deep, lambda m: m / per_step
    deepest = per_step * DEEP_STEPS  # halvings from the last usual sample to the deepest step
    return values, lambda m: deepest + m


MAX_EXPONENT = math.log2(sys.float_info.max) - 1.0  # `_short_far_out` probes f below 2**this
LAW_HAIR = 2.0**-20  # bits short of the law at the far end past which f is probed one halving on


def _far_end(floor: float, law: Callable[[int], float | None]) -> int:
    """The halvings of the step ``floor`` to where `_short_far_out` samples ``f``.

    The last halving whose step is a normal float and where ``law``
    (`_law_reach` that many halvings past ``floor``, `_far_law`) stays below
    ``2**MAX_EXPONENT``: where the law leaves the floats, so does ``f`` that
    keeps it, and not before. Bisected on the law alone (the law only
    grows): ``min(x**2, 1e300)`` keeps ``x**2``'s law out to ``x = 1e150``,
    past ``x = 4.1e149``, where a probe every 64 halvings stopped, and is
    short of it at ``x = 6.7e153``.
    """

    def within(m: int) -> bool:
        return (law(m) or 0.0) < MAX_EXPONENT

    # floor / 2**normal is the smallest normal float of floor's mantissa
    normal = math.frexp(floor)[1] - math.frexp(sys.float_info.min)[1]
    if normal < 1:
        return 0
    low, high = 0, normal
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if within(middle) else (low, middle)
    return high if within(high) else low


def _last_valid_halving(
    f: _Counted, point: Callable[[float], float], floor: float, end: int
) -> tuple[int, float] | None:
    """The farthest halving of ``floor``, to ``end``, where ``f`` does not fail, and ``f`` there.

    ``end`` first; where ``f`` fails there, the halvings before are bisected
    (`_farthest_valid`), so that ``f`` is checked at its own last float:
    ``min(|x|**3.2, 1e285)`` is ``1e285`` from ``x = 6e88`` on, and fails
    from ``1e96`` on, 14 halvings past the deepest step. None where ``f``
    fails at every halving past the first.
    """
    halvings = range(end + 1)
    last, y = _farthest_valid(f, point, [floor * 2.0**-m for m in halvings])
    return (halvings[last], y) if last > 0 else None


def _growing_far_out(  # noqa: PLR0917 - the state of _checked_closer_in
    f: _Counted,
    point: Callable[[float], float],
    h: float,
    values: list[float],
    deep: list[float],
    result: _OneSided,
    name: str,
) -> _OneSided:
    """The infinite ``result``, or its refusal where `_short_far_out` finds ``f`` short far out.

    ``deep``: a whole walk, none, or one cut short where ``f`` fails at its next step.
    """
    growing = result.converged and math.isinf(result.value)
    walked = len(deep) or DEEP_STEPS
    short = _short_far_out(f, point, h, values, deep, result.value, walked) if growing else None
    if short is None:
        return result
    x, y = short
    end = point(h * DEEP_RATIO**walked)
    return _OneSided(
        result.value,
        math.inf,
        False,
        f"f grows without bound at the usual points (from the {name}) and closer to x0 "
        f"out to x = {end!r}, but closer still, at {x!r}, it is only {y:.6g}, short of "
        "where that growth leads: it slows or stops beyond the points sampled "
        "(tanh((x/1e200)**0.5) grows like x**0.5 out to about 1e200, and tends to 1), "
        "and the samples cannot tell its limit. Substitute x = s*u, s near where f slows "
        "(limit(lambda u: f(s*u), x0)), so that the usual points see it; pass "
        "full_output=True to get the estimate anyway",
    )


def _slower_than_powers(deep: list[float]) -> bool:
    """Whether ``log |f|`` rose by less over the last step of ``deep`` than over its first.

    A power of ``x`` (or ``1/h``) rises by the same each step, faster growths
    by more: only slower ones (``log x``, ``log(x)**10 / x**0.04`` short of
    its peak) may yet turn back (`_past_the_walk`).
    """
    rises = [math.log(abs(b)) - math.log(abs(a)) for a, b in itertools.pairwise(deep)]
    return rises[-1] < SLOWER_RISE * rises[0]


SLOWER_RISE = 0.99  # `_slower_than_powers`: a rise this share of the first, or less, is slower
BACK_HALVINGS = 64  # `_past_the_walk` samples f beyond the deep walk this far apart ...
BACK_POINTS = 12  # ... at most this many times (out to 2**1074 past it)


def _bounded(last: float, tail: float, where: str) -> _OneSided:
    """The refusal of an infinite limit for a growth `_bounded_growth` finds bounded."""
    estimate = last + tail
    return _OneSided(
        estimate,
        math.inf,
        False,
        f"f grows {where} (to {last:.6g}), but by steps that shrink by a ratio below 1 "
        "that does not rise (or those of log |f| do): a growth that goes on so is "
        "bounded (1 - x**-0.01 at infinity, whose limit is 1, steps by 2**-0.01 times "
        "as much each time x doubles), and too slow for the samples to show where it "
        f"ends; its geometric tail ends near {estimate:.6g}, and f may yet turn back "
        "(log(x)**10/x**0.04 peaks at x = 3.7e108 and tends to 0). Pass "
        "full_output=True to get that estimate",
    )


def _bounded_growth(values: list[float], *, logs: bool = False) -> float | None:
    """The tail left by a growth whose steps shrink at a ratio that does not rise, else None.

    Steps of ``f`` (with ``logs``, of ``log |f|`` too) over the last
    ``BOUNDED_POINTS`` samples, each below 1 times the one before and those
    ratios not rising, beyond rounding: their sum to infinity is at most the
    last step times ``r / (1 - r)`` for the last ratio ``r``, so ``f`` is
    bounded. The slowest unbounded growths keep their steps (``log x``:
    ``log 2`` a doubling of ``x``), let them grow (``x**0.01``, ``log(x)**2``)
    or shrink at ratios that rise toward 1 (``log(log x)``). ``1 - x**-q``
    shrinks at ``2**-q`` and ``tanh(log(x)/100)`` at ratios that fall; over
    the steps ``2**16`` apart closer to infinity, ``log(x)**10 / x**0.04``
    grows by steps of ``log |f|`` that shrink at ratios that fall (``log(x)
    + 100/log(x)`` does too over the usual steps, at ``x`` = 1e9 .. 1e15,
    where its ``log |f|`` steps have just peaked: hence logs only on the far
    ones). Returns the tail of ``f`` (``f`` times ``exp(tail) - 1`` from ``log |f|``).
    """
    tail = values[-BOUNDED_POINTS:]
    if len(tail) < BOUNDED_POINTS or 0.0 in tail:
        return None
    steps = _shrinking_tail(tail, [_EPS * abs(y) for y in tail])
    if steps is not None or not logs:
        return steps
    sizes = [math.log(abs(y)) for y in tail]
    log_tail = _shrinking_tail(sizes, [_EPS * max(1.0, abs(u)) for u in sizes])
    if log_tail is None:
        return None
    return tail[-1] * math.expm1(min(log_tail, 709.0))


def _shrinking_tail(values: list[float], ulp: list[float]) -> float | None:
    """``d r / (1 - r)`` for steps of ``values`` shrinking at ratios ``r < 1`` that do not rise.

    Each ratio clearly below 1 and not above the one before, to
    ``BOUNDED_ULPS`` of the rounding ``ulp`` of the values its steps join;
    None otherwise (steps of both signs, or ratios of 1 or rising).
    """
    steps = [b - a for a, b in itertools.pairwise(values)]
    if not all(step * steps[0] > 0.0 for step in steps):
        return None
    ratios = [b / a for a, b in itertools.pairwise(steps)]
    # The rounding of a ratio: that of its two steps, each from two values.
    blurs = [
        BOUNDED_ULPS
        * ratio
        * ((ulp[i] + ulp[i + 1]) / abs(steps[i]) + (ulp[i + 1] + ulp[i + 2]) / abs(steps[i + 1]))
        for i, ratio in enumerate(ratios)
    ]
    if not all(r + blur < 1.0 for r, blur in zip(ratios, blurs, strict=True)):
        return None
    rises = [later - earlier for earlier, later in itertools.pairwise(ratios)]
    if not all(rise <= blur for rise, blur in zip(rises, blurs[1:], strict=True)):
        return None
    ratio = ratios[-1]
    return steps[-1] * ratio / (1.0 - ratio)


BOUNDED_POINTS = 8  # `_bounded_growth` reads the growth's last samples, as `_divergence` does
BOUNDED_ULPS = 64.0  # and takes a ratio's rounding as this many ulps of each value


def _until_stuck(values: list[float]) -> list[float]:
    """``values`` up to where ``f`` gets stuck on one value, keeping that value once.

    Close to ``x0`` cancellation can round ``f`` to a constant: ``1 - cos(h)``
    is exactly 0 for ``h < 1e-8``, so ``(1 - cos(x))/x**2`` sits at 0 there,
    though its limit is 1/2; a second difference quotient can sit at 0 for
    a while and jump away again. Such a run of equal values would look
    perfectly converged, so the samples end at its first value: a run of
    ``STUCK`` equal values, or of two at the very end. A function that is
    constant all along keeps all its samples.
    """
    if len(set(values)) == 1:
        return values
    return values[: _stuck_start(values) + 1]


def _table(values: list[float]) -> list[list[float]]:
    """The Richardson table: column ``j`` has the ``h, ..., h**j`` terms removed.

    ``values[k]`` is ``f`` at step ``s * 2**-k``, so entry ``i`` of column
    ``j`` combines samples ``i .. i + j``.
    """
    columns = [values]
    for order in range(1, ORDERS + 1):
        if len(columns[-1]) < 4:
            break
        factor = 2.0**order - 1.0
        columns.append([b + (b - a) / factor for a, b in itertools.pairwise(columns[-1])])
    return columns


# The sum of the absolute weights of the samples in an entry of column j:
# how much the entry can amplify noise in the samples.
_AMPLIFY = [1.0, 3.0, 5.0, 6.43, 7.29, 7.76, 8.0]
# The widest zigzag that a step of 1 in the samples makes in column j.
_STEP_ZIGZAG = [1.0, 1.0, 2.0, 2.67, 3.05, 3.25, 3.36]


@dataclasses.dataclass(frozen=True)
class _Entry:
    value: float
    trend: float  # the error that the changes along its column show
    order: int
    last: int  # the index of the last sample it uses


def _entries(columns: list[list[float]]) -> list[_Entry]:
    """Every entry with two changes before it along its column, with their error.

    That error is the larger of the two changes (taking the larger makes two
    samples that agree by chance unlikely to win), or their geometric tail,
    or the rounding error of the samples it combines (``ULPS`` rounding
    units each, amplified by the extrapolation). Two samples exactly equal
    (a plateau of rounding: ``sqrt(1 + t)`` for tiny ``t``) are judged by
    the change after them too. It is infinite when the
    second change is the larger and ``MOVING`` of the samples or more: ``f``
    is still on its way there, not settling (``1/(x - x0)**2 + 1e-20`` is
    tiny far from ``x0``, with changes tiny in size, but each 3/4 of the
    sample, and ``(1 - cos t)/t**2`` for a large ``t``). Rounding noise,
    which also grows, is a small part of the samples (or gets an error of
    its own from `_noise`).
    """
    found = []
    for order, column in enumerate(columns):
        for i in range(2, len(column)):
            last, before = abs(column[i] - column[i - 1]), abs(column[i - 1] - column[i - 2])
            # If the changes shrink slowly (sqrt(h) does), what is left to go
            # is their geometric tail, last * r / (1 - r), not the last change;
            # doubled, since r itself is only estimated.
            ratio = min(last / before, TAIL_RATIO) if before else 0.0
            tail = 2.0 * last * ratio / (1.0 - ratio)
            size = max(abs(y) for y in columns[0][i : i + order + 1])
            if last > before and last > MOVING * size:  # f is still on its way
                tail = math.inf
            # |column[i]| is at most 1.001 * _AMPLIFY[order] * size: this covers it.
            rounding = _EPS * (ULPS * _AMPLIFY[order] * size)
            # Two samples exactly equal show how coarse the rounding is, not
            # that f settled: the change after them counts too.
            plateau = order == 0 and last == 0.0 and i + 1 < len(column)
            after = abs(column[i + 1] - column[i]) if plateau else 0.0
            found.append(
                _Entry(column[i], max(last, before, after, tail, rounding), order, i + order)
            )
    return found


def _lower_quartile_slope(points: list[tuple[int, float]]) -> float:
    """The lower quartile of the slopes between pairs of ``points`` (0 if none)."""
    slopes = sorted(
        (yb - ya) / (kb - ka) for (ka, ya), (kb, yb) in itertools.combinations(points, 2)
    )
    return slopes[len(slopes) // 4] if slopes else 0.0


def _rate_to_loss(
    changes: list[float], samples: list[float], points: list[tuple[int, float]]
) -> float | None:
    """How fast the noise grows, from where it shows to where ``f`` loses all its digits.

    ``changes`` are the top column's, by last sample; ``points`` the
    ``(sample, log2 change)`` of those that measure noise, from where it
    shows. The rate is taken over the whole way, not from a few changes:
    from the largest of the first three points (one small by chance does not
    count) to the first change ``LOSS`` of its sample or more, where the
    noise is as large as ``f``. When that comes fewer than ``LOSS_SPAN``
    steps on, too few to measure a rate, the rate is taken over
    ``LOST_SPAN`` steps instead, provided every change from the loss to
    there is ``LOSS`` of its sample or more: ``f`` stays all noise, which
    grows on at its own rate (``(cos t - 1 + t**2/2)/t**4``, whose noise
    grows like ``1/h**4``, loses its digits a step or two after the noise
    shows; its first changes grow by only 3.67 bits a step, not 4, at
    ``t = (x - 1000)/7921`` from the right of 1000). None when there are
    fewer than three points, or ``f`` never loses its digits, or loses them
    within ``LOSS_SPAN`` steps and does not stay lost for ``LOST_SPAN``.

    >>> changes = [0.0] * 3 + [2.0**-y for y in (40, 44, 38, 32, 26, 20, 14, 8, 2)]
    >>> _rate_to_loss(changes, [1.0] * 12, [(3, -40.0), (4, -44.0), (5, -38.0)])
    6.0
    """
    if len(points) < 3:
        return None
    first, level = max(points[:3], key=lambda point: point[1])
    lost = next(
        (k for k in range(first + 1, len(changes)) if changes[k] >= LOSS * abs(samples[k]) > 0.0),
        None,
    )
    if lost is None:
        return None
    if lost - first < LOSS_SPAN:
        # f lost all its digits within a few steps: the noise, as large as f,
        # grows on; its rate over LOST_SPAN steps, if f stays lost all along.
        end = first + LOST_SPAN
        if end >= len(changes) or not all(
            changes[k] >= LOSS * abs(samples[k]) > 0.0 for k in range(lost, end + 1)
        ):
            return None
        lost = end
    return (math.log2(changes[lost]) - level) / (lost - first)


def _noise(columns: list[list[float]]) -> tuple[list[float], int]:
    """A bound on the rounding noise of the top column's entries, by last sample.

    In the top column the smooth part of ``f`` has cancelled out, so its
    changes, from where they stop shrinking, are noise. The bound at a sample
    is the largest of the changes at it and the ``HORIZON`` after it, each
    scaled back by the rate at which they grow (the lower quartile of the
    slopes between the first ``NOISE_POINTS`` of them, up to the largest:
    too small a rate only makes the bound larger). Before the noise shows,
    the bound shrinks from where it does at the rate it starts to grow with
    (the least step between its first changes: one small by chance makes the
    next step steep), or the rate above if larger, and at least like ``h``;
    a rate a little faster than a whole power of ``1/h`` is that power, as
    cancellation noise grows like one (``eps/t`` in ``(exp(t) - 1)/t``). The
    first changes may grow slower than the noise does (``eps/t**2`` in
    ``(exp(t) - 1 - t)/t**2`` grew 1.3 a step over its first 8), so the rate
    over the whole way to where ``f`` loses all its digits (`_rate_to_loss`),
    up to a quarter below a whole power, is that power if faster. A
    change within the rounding of its samples measures nothing: a run of
    samples exactly a polynomial may carry a bias that only the noise after
    the run shows. So next to such changes (at a sample or ``HORIZON`` after
    it) the bound is at least the largest before it, when a change farther
    on, before ``f`` gets stuck, is as large: rounding noise grows toward
    ``x0``, and a run that shows none hides it as a bias (``log(1 + t)/t``
    is off by the same share over runs of ``t``). Without a larger change
    after the run, what showed before may be ``f`` moving (``sin(t)**2``
    aliased), not rounding.
    """
    top = columns[-1]
    shift = len(columns)  # the change from entry i - 1 to i ends at sample i + shift - 1
    changes = [0.0] * shift + [abs(b - a) for a, b in itertools.pairwise(top)]
    n = len(changes)
    # Where the changes stop shrinking: the first of the largest changes in
    # each window of three that is no larger than the next three, so that a
    # change small by chance (or exactly 0: rounding repeats values) does
    # not count, nor a pause in the shrinking.
    windows = [max(changes[max(k - 1, shift) : k + 2], default=0.0) for k in range(n)]
    known = [k for k in range(shift, n) if windows[k] > 0.0]
    if not known:
        return [0.0] * n, n
    # The last of known always qualifies (it is its own window of four).
    start = next(
        k for i, k in enumerate(known) if windows[k] <= min(windows[j] for j in known[i : i + 4])
    )
    # A change within the rounding of its samples measures no noise: they are
    # exactly a polynomial there, as a rounding bias constant over a run of
    # samples keeps them (log(1 + t)/t); the noise shows after the run.
    blur = ULPS * _AMPLIFY[shift - 1] * _EPS
    logs = {
        k: math.log2(changes[k]) for k in range(start, n) if changes[k] > blur * abs(columns[0][k])
    }
    points = list(logs.items())[:NOISE_POINTS]
    if points:  # up to the largest: noise stops growing where f loses all its digits
        peak = max(range(len(points)), key=lambda i: points[i][1])
        points = points[: max(RISE_POINTS, peak + 1)]
    slope = min(max(_lower_quartile_slope(points), 0.0), MAX_SLOPE)
    # The rate it starts to grow with: the least step between the first
    # changes, since one small by chance makes the next step steep.
    start_rate = min(
        ((yb - ya) / (kb - ka) for (ka, ya), (kb, yb) in itertools.pairwise(points[:RISE_POINTS])),
        default=0.0,
    )
    rise = min(max(start_rate, slope, 1.0), MAX_SLOPE)
    # Cancellation noise grows like a whole power of 1/h: a little faster is that power.
    # (NaN where changes overflow, as f near 1e308 makes them: round() would raise.)
    if math.isfinite(rise):
        rise = min(rise, round(rise))
    # A few changes at the start may show it slower than it grows: the rate
    # over the whole way to where f loses all its digits, if faster, counts.
    whole_way = _rate_to_loss(changes, columns[0], list(logs.items()))
    if whole_way is not None and math.isfinite(whole_way):
        rise = max(rise, min(math.floor(whole_way + WHOLE_POWER_SLACK), MAX_SLOPE))
    bound = [0.0] * n
    for k in range(start, n):
        ahead = [y - slope * (i - k) for i, y in logs.items() if k <= i <= k + HORIZON]
        if not ahead:  # no change to judge by: the nearest one after, or else before
            later = [(i, y) for i, y in logs.items() if i > k]
            earlier = [y for i, y in logs.items() if i < k]
            ahead = [later[0][1] - slope * (later[0][0] - k)] if later else earlier[-1:]
        bound[k] = 2.0 ** min(max(ahead), 1000.0) if ahead else 0.0
    # Rounding noise grows toward x0: next to samples exactly a polynomial,
    # where the noise hides as a bias, it is at least the noise shown before,
    # if larger noise after them, before f gets stuck (a jump onto the value
    # it sticks to is no noise), confirms it was rounding's, not f moving.
    live = len(_until_stuck(columns[0])) - 1  # the sample where f gets stuck
    shown = 0.0
    for k in range(start, n):
        shown = max(shown, bound[k])
        polynomial = any(
            changes[i] <= blur * abs(columns[0][i]) for i in range(k, min(k + HORIZON + 1, n))
        )
        confirmed = any(2.0**y >= shown for i, y in logs.items() if k + HORIZON < i < live)
        if polynomial and confirmed:
            bound[k] = shown
    for k in range(start):
        bound[k] = bound[start] * 2.0 ** (-rise * (start - k))
    return bound, start


def _estimate(samples: list[float], first: int) -> tuple[float, float]:
    """The entry of the Richardson table with the smallest honest error, and that error.

    The entries come from the samples before ``f`` gets stuck (`_until_stuck`),
    the noise from all of them, since those past a stuck run show how coarse
    the rounding of ``f`` is there. The entry with the smallest error wins
    unless one closer to ``x0`` contradicts it (`_contradicted_later`); one
    less sure of itself that contradicts it sets its error (`_disputed`), as
    the samples past the entries do where they keep to one side of it
    (`_apart_closer_in`). If
    ``f`` gets stuck before it shows a trend, the value it is stuck on is
    returned, as far from the limit as the samples just before and after
    the run are from it. ``first`` is the step (counted from 0) of the first
    sample.
    """
    values = _until_stuck(samples)
    if len(values) < MIN_SAMPLES:
        stuck, end = values[-1], len(values) - 1
        after = next((y for y in samples[end:] if y != stuck), stuck)
        error = max(abs(y - stuck) for y in [*samples[end - 1 : end], after])
        return stuck, max(error, 2.0 * _EPS * abs(stuck))
    full = _table(samples)
    noise, _ = _noise(full)
    top = _AMPLIFY[len(full) - 1]
    columns = full if len(values) == len(samples) else _table(values)

    # Zigzags before samples that end smooth were f moving, not rounding noise.
    smooth_end = len(values) == len(samples) and _ends_smooth(full)
    scatter = [0.0] * len(samples) if smooth_end else _growing_scatter(full, noise)

    def honest(entry: _Entry) -> float:
        rounding = SAFETY * noise[entry.last] * _AMPLIFY[entry.order] / top
        return max(entry.trend, rounding, scatter[entry.last])

    entries = _entries(columns)
    errors = [honest(entry) for entry in entries]
    order = sorted(range(len(entries)), key=errors.__getitem__)
    # An entry with the largest last sample has none after it to contradict it.
    best = next(i for i in order if not _contradicted_later(i, entries, errors))
    value = entries[best].value
    # Entries closer to x0 that contradict it, before f loses all its digits, widen its error.
    disputed = _disputed(best, entries, errors, _digits_lost(values, noise))
    apart = _apart_closer_in(samples, len(values) - 1, value)
    return value, max(
        errors[best], disputed, apart, _tail_gap(samples, first, value), _grain(values)
    )


def _apart_closer_in(samples: list[float], stuck: int, value: float) -> float:
    """How far ``f`` closer in than the entries keeps from ``value``, all on one side of it; or 0.

    The samples judged are those from the first stuck run (`_until_stuck`,
    at ``stuck``) on, up to the first change of ``LOSS`` of ``f`` or more,
    where ``f`` lost its digits; none where it lost them within the two
    samples before the run, or fell onto it below ``RESIDUE`` of itself
    (`_collapse`: ``log(1 + t)/h`` plus a pole's term is that term alone
    once ``1 + t`` rounds to 1, farscan), or does not settle into it: its
    change before the run larger than the one before that, or the step onto
    the run ``JUMP`` times that change or more (``c + a x**1.5 log(1 +
    b/x**1.5)`` at -inf is ``c`` once ``1 + b/x**1.5`` rounds to 1, and was
    refused for it: rootscan). ``NOISE_POINTS`` of them or more, all on one side of ``value``
    and farther from it than they spread, show where ``f`` heads,
    and the error reaches the farthest of them: rounding noise scatters
    about ``f``'s limit (``(t - sin t)/t**3`` at ``x0 = 2**30``, the limits
    search, keeps to one side of 1/6 over its 8 samples from the first stuck
    run on, 2.2e-6 to 0.014 above it).
    ``(exp(t) - 1)/t + 0.253 max(0, |x - x0| - D)/D``, ``t = (x - x0)/1153``,
    ``D = 1.2e-5``, at ``x0 = -0.879`` (farscan): the entries, from the samples
    beyond ``D``, where the kink's term is linear, give ``1 - 0.253`` +-
    8e-11; the samples within ``D``, rounded onto runs of one value from the
    first one there on, are within 0.13 of 1 (its limit) until they drop to
    0. ``sin(t)/(x - x0) + a D/(|x - x0| - D)``, ``a = -4.2e-17``, ``t = (x -
    x0)/840``, ``D = 2.7e-4``: the samples within ``D`` are within an ulp of the limit, 190
    ulps from the value the entries beyond it give (farscan).
    """
    if stuck < 3 or 0 < _collapse(samples, RESIDUE) <= stuck:
        return 0.0
    # f settles into the run: its change there not above the one before, and the
    # step onto the run not JUMP times that (a drop onto a run is rounding's).
    into, before, earlier = (abs(samples[k] - samples[k - 1]) for k in range(stuck, stuck - 3, -1))
    if before > earlier or into > JUMP * before:
        return 0.0
    start = max(0, stuck - 2)
    end = next(
        (k for k in range(start, len(samples) - 1) if _loses_digits(*samples[k : k + 2])),
        len(samples) - 1,
    )
    kept = samples[stuck : end + 1]
    if len(kept) < NOISE_POINTS:
        return 0.0
    # Off the value by more than they spread: all on one side, and apart from it.
    apart = min((y - value) * _sign(kept[0] - value) for y in kept)
    return max(abs(y - value) for y in kept) if apart > max(kept) - min(kept) else 0.0


def _loses_digits(a: float, b: float) -> bool:
    """Whether ``f`` changes from ``a`` to ``b`` by ``LOSS`` of itself or more."""
    return abs(b - a) >= LOSS * max(abs(a), abs(b))


def _passed(values: list[float], value: float) -> float:
    """How far beyond ``value`` ``f`` went, where its last samples move one way past it, or 0.

    Over the last ``2 NOISE_POINTS`` steps, each of one sign or 0, ``f``
    moves on where it goes, and a value it has already passed is not where
    it goes: the limit lies beyond the last sample, at least as far as that
    is from the value, and as far again as the whole run of such steps (one
    way or none, within rounding) moved, back from the last sample: a block
    of ``NOISE_POINTS`` of them may show no move at all, where ``f`` drifts
    by an ulp every 16 halvings (``429.127 - 1.02e-12 (-1/log(-x/417.2))**0.3``
    at 0- climbs 4 ulps over its 48 samples, 3 past the value 429.1269999999995,
    which the last block of 8 did not move: its error was 3 ulps, 1.9e-13, and
    the limit 9 ulps off). ``1 + 1e-12/log(h)**2``, ``h = |x - 1e10|/2e10``, at 1e10
    steps by an ulp or none each halving, down to ``1 + 4 ulps`` at the last
    sample: it was ``1 + 9 ulps`` +- 4 ulps (9 ulps off), a value from samples
    before it whose changes look like rounding. Only steps within the
    rounding of a sample (``ULPS`` units), which `_blocks` cannot tell from
    rounding: larger ones are a grid that cancellation rounds ``f`` to, which
    it leaves one way as its digits go (``(sin x - sin 1e3)/(x - 1e3)``); and
    only past the rounding noise of the last sample (`_noise`), which may
    drift one way as it grows (``x (exp(1/x) - 1)`` at infinity). Last
    samples that hold one value go on the way the ulp steps into it went
    (`_held_after`), where those steps left the value itself:
    ``-703.773 + 1.08e-10/log(-x/10.13)**2`` at 0- climbs 12 ulps past the
    value -703.7729999999985 (its sample at step 7), then holds one value over
    the last 17 samples; its error was 6.3e-13, the limit 1.5e-12 off.
    """
    m = NOISE_POINTS
    if len(values) < 2 * m + 1:
        return 0.0
    noise = _noise(_table(values))[0][-1]
    tail = values[-2 * m - 1 :]
    held = tail[-1] == tail[0]
    sign = _sign(tail[-1] - tail[0]) or _held_after(values)
    changes = _changes(tail)
    if sign == 0.0 or math.isnan(sign) or any(_sign(d) == -sign for d in changes):
        return 0.0
    if max(map(abs, changes)) > ULPS * _EPS * max(map(abs, tail)):
        return 0.0
    past = (tail[-1] - value) * sign
    # Rounded, a block may show none of a drift of an ulp every few blocks:
    # the drift is what the whole run of such steps, back from the last sample, moved.
    step = ULPS * _EPS * max(map(abs, tail))
    start = len(values) - 1
    while start > 0 and 0.0 <= (values[start] - values[start - 1]) * sign <= step:
        start -= 1
    moved = abs(values[-1] - values[start])
    # A held value goes on only from a run that left the value itself: one that
    # starts past it follows a fall in which rounding took f's digits.
    if held and moved < past:
        return 0.0
    return past + moved if past > SAFETY * noise else 0.0


def _held_after(values: list[float]) -> float:
    """The sign of the step into the value ``f`` holds at the end, if within rounding, or 0.

    A drift of an ulp every few halvings, rounded, may end on one value held
    over every last sample: the held value goes on the way the steps into it
    went, and is no sign that ``f`` has settled.
    """
    last = values[-1]
    before = [y for y in values if y != last]
    if not before or not math.isfinite(last):
        return 0.0
    step = before[-1] - last
    return -_sign(step) if abs(step) <= ULPS * _EPS * abs(last) else 0.0


def _grain(values: list[float]) -> float:
    """The spacing of the grid that cancellation rounded the last samples to, or 0.

    ``f = g - a`` with ``g`` near ``a`` is a multiple of ``ulp(a)``, whatever
    its size: its last ``GRAIN_POINTS`` nonzero samples share one quantum (the
    largest power of two dividing each) while their sizes differ by
    ``GRAIN_SPAN`` times or more, where a sample computed without cancellation
    has a quantum that shrinks with it. Each is off by up to half that
    quantum, alike, so no extrapolation of them is closer than it:
    ``sin(x)/x - 1`` at 0 is ``-(4**(26 - k) - 1)/3`` times ``2**-53`` at ``x =
    2**-k`` (-21, -5, -1 at ``k = 23, 24, 25``, then 0): exactly ``-x**2/6 +
    2**-53/3``, and the limit was 3.7e-17 +- 2.7e-27 for 0.
    """
    last = [y for y in values if y][-GRAIN_POINTS:]
    if len(last) < GRAIN_POINTS or not all(map(math.isfinite, last)):
        return 0.0
    quanta = {_quantum(y) for y in last}
    sizes = [abs(y) for y in last]
    spread = max(sizes) >= GRAIN_SPAN * min(sizes)
    return quanta.pop() if len(quanta) == 1 and spread else 0.0


def _sign(y: float) -> float:
    """1.0 or -1.0 with the sign of ``y``; ``y`` itself where it is 0 or NaN.

    Sign tests compare signs, not products: a product of two departures
    below about 1e-162 underflows to 0 (``1e-170 (1 + min(1e-20/x**3, 5))`` at
    0+ was answered from the far field, 1e-170, converged, for 6e-170).
    """
    return y if y == 0.0 or math.isnan(y) else math.copysign(1.0, y)


def _quantum(y: float) -> float:
    """The largest power of two that divides the float ``y`` (nonzero, finite)."""
    mantissa, exponent = math.frexp(y)
    whole = int(abs(mantissa) * 2.0**53)
    return math.ldexp(1.0, exponent - 53 + (whole & -whole).bit_length() - 1)


def _contradicted_later(best: int, entries: list[_Entry], errors: list[float]) -> bool:
    """Whether an entry closer to ``x0``, and surer of itself, lies too far from entry ``best``.

    Surer: with a smaller error for the size of its value. Too far: farther
    than ``JUMP`` times the sum of their errors. ``(1 - cos t)/t**2`` for a
    large ``t`` far from ``x0`` is tiny, and so are its changes there: an
    entry of 4e-18 with an error of 1e-14 is contradicted by 0.5000000000007
    with an error of 4e-10 closer to ``x0``. A later entry less sure of
    itself is no witness: rounding can bias the samples close to ``x0``.
    """
    value, error, last = entries[best].value, errors[best], entries[best].last
    share = error / abs(value) if value else math.inf
    return any(
        entry.last > last
        and witness < share * abs(entry.value)
        and abs(entry.value - value) > JUMP * (error + witness)
        for entry, witness in zip(entries, errors, strict=True)
    )


def _digits_lost(values: list[float], noise: list[float]) -> int:
    """The first of ``values`` whose rounding ``noise`` is ``LOSS`` of it or more, or their number.

    From there on ``f`` has lost all its digits (`_noise` bounds the noise
    of the samples by index).
    """
    return next((k for k, y in enumerate(values) if noise[k] >= LOSS * abs(y)), len(values))


def _disputed(best: int, entries: list[_Entry], errors: list[float], end: int) -> float:
    """How far from entry ``best`` the entries closer to ``x0`` that contradict it put the limit.

    `_contradicted_later` lets only a surer entry overturn ``best``; one less
    sure of itself still bounds how far the limit may lie, when it is farther
    from ``best`` than ``JUMP`` times their two errors: the error is at least
    that distance plus its own error (0 when no such entry). Only entries
    whose samples end before ``end``, where ``f`` loses all its digits: past
    that, what is left of ``f`` is another term's (a pole's, once ``exp(t) -
    1`` rounds to 0), which `_lost_collapse` and `_lost_drop` judge. A feature
    of ``f`` among the usual samples (a kink, a cut-off) makes it another smooth
    function closer in, where its rounding noise is larger:
    ``(exp(x/c) - 1)/x - 8.77e-6 max(0, |x| - D)/D``, ``c = 205.637535``,
    ``D = 9.3722e-6`` (tests/unit/test_limits_lim23.py), at 0- is
    0.0048716953139 +- 8.3e-14 from its first samples, beyond ``D``, and
    0.0048629255 +- 8e-10 from those within it (the limit, ``1/c``, is
    0.00486292544).
    """
    value, error, last = entries[best].value, errors[best], entries[best].last
    return max(
        (
            abs(entry.value - value) + witness
            for entry, witness in zip(entries, errors, strict=True)
            if last < entry.last < end and abs(entry.value - value) > JUMP * (error + witness)
        ),
        default=0.0,
    )


def _ends_smooth(columns: list[list[float]]) -> bool:
    """Whether the last ``NOISE_POINTS`` changes of the top column are within rounding.

    That is, within the rounding of their samples (``ULPS`` units each,
    amplified), where the smooth part of ``f`` has cancelled out: rounding
    noise, which grows toward ``x0``, would show there. ``1e6 - 0.59 t +
    sin(t)**2`` for ``t = (x + 3e5)/5.1`` zigzags where ``sin(t)**2`` swings
    (``t`` near 1), and then settles to the last sample.
    """
    top, shift = columns[-1], len(columns)
    blur = ULPS * _AMPLIFY[shift - 1] * _EPS
    return len(top) > NOISE_POINTS and all(
        abs(top[i] - top[i - 1]) <= blur * abs(columns[0][i + shift - 1])
        for i in range(len(top) - NOISE_POINTS, len(top))
    )


def _growing_scatter(columns: list[list[float]], noise: list[float] | None = None) -> list[float]:
    """At each sample, the rounding noise that the samples before it showed growing.

    Once a column of the table, after settling smoothly (``SMOOTH`` changes
    of one sign in a row, each at most 3/4 of the one before), zigzags ever
    more widely, the samples after that are trusted no better than the
    widest zigzag so far, however smooth they look: rounding can turn ``f``
    into another smooth function with another limit (``log(1 + t)/t`` with
    ``1 + t`` rounded is off by an amount exactly proportional to ``t`` over
    runs of samples, a bias that extrapolation cannot see, which jumps from
    one run to the next). A zigzag no wider than ``FAINT`` of the column
    counts from where the column below settled, too: rounding noise may start
    before the column itself has settled for long. A zigzag is two changes
    in a row of opposite signs, as wide as the smaller; it counts from the
    second zigzag wider than all before it (a decaying oscillation has one),
    divided by the widest zigzag that a step of 1 in the samples makes in the
    column (``_STEP_ZIGZAG``): the bias of a run is as large as the jumps
    between runs, not smaller. A zigzag wider than ``MOVING`` of the samples
    it spans, or over samples that change by as much, is ``f`` itself moving,
    not rounding noise, and does not count: ``(1 - cos t)/t**2`` sampled near
    multiples of ``2 pi`` heads smoothly for 2.8e-6 (or 1.2e-9), moves, and
    then heads smoothly for 1/2. Given the table's rounding ``noise``
    (`_noise`), so is a zigzag far wider than that noise from it on
    (`_outgrows_noise`).
    """
    floor = [0.0] * len(columns[0])
    below = math.inf  # the last sample at which the column below had settled
    for order, column in enumerate(columns):
        changes = [b - a for a, b in itertools.pairwise(column)]
        smooth, widest, records, level = 0, 0.0, 0, 0.0
        settled = math.inf
        for k in range(1, len(changes)):
            before, change = changes[k - 1], changes[k]
            if smooth < SMOOTH:
                shrinks = _sign(before) * _sign(change) > 0.0 and abs(change) <= 0.75 * abs(before)
                smooth = smooth + 1 if shrinks else 0
                if smooth == SMOOTH:
                    settled = k + 1 + order
            width = min(abs(before), abs(change))
            faint = width <= FAINT * abs(column[k])
            since = min(settled, below) if faint else settled
            # Samples that change by a sizeable share of f are f moving, not
            # rounding's noise, and so is a zigzag as wide.
            spanned = columns[0][k - 1 : k + 2 + order]
            jumps = [abs(b - a) for a, b in itertools.pairwise(spanned)]
            moving = max(width, *jumps) > MOVING * max(abs(y) for y in spanned)
            # So is one far wider than the rounding noise from it on (`_outgrows_noise`).
            if noise is not None:
                moving = moving or _outgrows_noise(width, order, k + 1 + order, columns, noise)
            if (
                k + 1 + order > since
                and _sign(before) * _sign(change) < 0.0
                and width > widest
                and not moving
            ):
                widest, records = width, records + 1
                level = width / _STEP_ZIGZAG[order] if records >= 2 else level
            floor[k + 1 + order] = max(floor[k + 1 + order], level)
        below = settled
    return list(itertools.accumulate(floor, max))


def _outgrows_noise(
    width: float, order: int, at: int, columns: list[list[float]], noise: list[float]
) -> bool:
    """Whether a zigzag ``width`` wide in column ``order`` ending at sample ``at`` is f moving.

    Rounding noise only grows toward ``x0``, so a zigzag of rounding's is no
    wider than ``JUMP`` times the rounding noise of an entry of its column
    (`_noise`'s bound, tripled and amplified as `_estimate` takes it, or
    ``ULPS`` roundings of the sample) at any sample from ``at`` on where the
    noise is measured: each of the ``HORIZON`` changes that judge it beyond
    the rounding of its samples (`_noise_measured`), all before ``f`` gets
    stuck or loses all its digits. A zigzag wider than that was ``f`` itself
    moving: a kink, a cut-off or a pole among the samples, after which ``f``
    is another smooth function with another limit. ``(exp(t) - 1)/t + 2.3e-5
    (|x| > D)``, ``t = x/149.55``, ``D = 0.003074``, at 0- zigzags by 1.3e-5
    where it crosses ``D`` (sample 7), where its noise is 2.4e-11, and its
    noise stays below 6e-8 up to sample 17, where it gets stuck: read as
    scatter, the jump was the error of every entry closer in, which settle on
    1, and the value from the samples beyond ``D``, 1.0000231448636 +- 1.1e-11,
    stood (tests/unit/test_limits_lim27.py). Where the changes are within
    rounding, the noise they bound may hide as a bias (``log(1 + t)/t``, ``t
    = (x + 3e5)/0.2555``, whose bound falls to 2.5e-13 over such a run just
    before a jump of 1e-7), and a zigzag is not judged by them.
    """
    samples, top = columns[0], _AMPLIFY[len(columns) - 1]
    end = _digits_lost(_until_stuck(samples), noise) - HORIZON
    measured = _noise_measured(columns)
    return any(
        width > JUMP * _AMPLIFY[order] * max(SAFETY * noise[q] / top, ULPS * _EPS * abs(samples[q]))
        for q in range(at, end)
        if all(measured[q : q + HORIZON + 1])
    )


def _noise_measured(columns: list[list[float]]) -> list[bool]:
    """By last sample, whether the top column's change there is beyond the rounding of its samples.

    A change within that rounding measures no noise (`_noise`): the samples
    are exactly a polynomial there, as a rounding bias constant over a run
    of them keeps them.
    """
    top, shift = columns[-1], len(columns)
    blur = ULPS * _AMPLIFY[shift - 1] * _EPS
    return [False] * shift + [
        abs(b - a) > blur * abs(columns[0][i + shift])
        for i, (a, b) in enumerate(itertools.pairwise(top))
    ]


def _run_start(samples: list[float]) -> int:
    """The index of the first of the equal samples that end ``samples``."""
    start = len(samples) - 1
    while start > 0 and samples[start - 1] == samples[-1]:
        start -= 1
    return start


def _polynomial_limit(samples: list[float]) -> float | None:
    """``P(0)`` if ``samples`` are exactly a polynomial ``P`` in ``h``, else None.

    Exactly means to rounding (``ULPS`` units each, amplified), of degree at
    most ``ORDERS``, with a sample to spare: a column of the Richardson table
    with two entries or more that are all equal. ``floor(x0 - h)`` at an
    integer ``x0`` is ``x0 - h`` at every step ``h >= 1``; samples that
    rounding disturbs are not (they are noisy, or stuck on one value).
    """
    rounding = ULPS * _AMPLIFY[-1] * _EPS * max(abs(y) for y in samples)
    column = samples
    for order in range(ORDERS + 1):
        if order:
            factor = 2.0**order - 1.0
            column = [b + (b - a) / factor for a, b in itertools.pairwise(column)]
        if len(column) < 2:
            return None
        if all(abs(b - a) <= rounding for a, b in itertools.pairwise(column)):
            return column[-1]
    return None


def _farther(
    f: _Counted,
    point: Callable[[float], float],
    h: float,
    constant: float,
    enough: int = OUTER_SAMPLES,
    *,
    reach: float = math.inf,
) -> list[float]:
    """``f`` at steps ``2 h, 4 h, ...``, the nearest first.

    They show what ``f`` does farther out.
    Called only when ``f`` is ``constant`` at nearly all the usual samples:
    it stops ``OUTER_SAMPLES`` samples after the first that is not
    ``constant``, where ``f`` fails, after ``PROBE_STEPS`` doublings, or
    before a step beyond ``reach``.
    """
    found: list[float] = []
    off = 0
    for _ in range(PROBE_STEPS):
        h *= 2.0
        if h > reach:
            break
        y = _sampled(f, point(h))
        if math.isnan(y):
            break
        found.append(y)
        off += bool(off or y != constant)
        if off >= enough:
            break
    return found


def _run_reach(x0: float) -> float:
    """The largest step at which f is sampled to judge a constant run it ends on.

    At infinity a step above 1 is a point below ``|x| = 1``: there ``f``
    shows what it does near 0, not on its way to infinity (``round(n)/n`` is
    1 at every whole ``n`` and within ``0.5/n`` of 1 from ``n = 1`` on, but
    1.5 at 2/3 and 0 below 1/2, which a step from 0 onto 1 is not).
    """
    return 1.0 if math.isinf(x0) else math.inf


@dataclasses.dataclass(frozen=True)
class _Trend:
    """Where the samples before a constant run head: ``value``, give or take ``error``.

    ``band``, for samples that are exactly a polynomial ``P`` in ``h`` up to
    some step, is the least and the greatest of ``P(0)`` and the last of
    them: the samples after them stay in it.
    """

    value: float
    error: float
    band: tuple[float, float] | None = None


def _exact_trend(before: list[float]) -> _Trend | None:
    """``P(0)``, if the samples ``before`` a constant run are a polynomial ``P`` in ``h``.

    That is, three or more of them from the first on (the longest such run
    of them) are exactly ``P``, and the samples after them stay between the
    last of them and ``P(0)``: ``floor(x0 + h)`` for ``x0 = 2.5`` is ``2 +
    h`` at steps ``h >= 1``, then 3 at 0.5.
    """
    exact, fit = None, 0
    for end in range(3, len(before) + 1):
        found = _polynomial_limit(before[:end])
        if found is None:
            break
        exact, fit = found, end
    if exact is None:
        return None
    low, high = min(exact, before[fit - 1]), max(exact, before[fit - 1])
    slack = 4.0 * _EPS * max(abs(low), abs(high))
    if not all(low - slack <= y <= high + slack for y in before[fit:]):
        return None
    return _Trend(exact, 0.0, (low - slack, high + slack))


def _staircase(before: list[float], constant: float) -> bool:
    """Whether whole numbers ``before`` step ever closer to the whole number ``constant``.

    ``ceil(x / 1000)`` near a large ``x0`` takes whole values that are not
    exactly a polynomial in ``h`` but come closer to ``constant`` at every
    step, as a staircase does, until they reach it. Rounding that gets ``f``
    stuck (on 0, say) comes after values that are not whole numbers, or that
    did not come closer (``((2**40 + x) - 2**40) / x`` is 1 and then 0).
    """
    if len(before) < 3 or not all(float(y).is_integer() for y in [*before, constant]):
        return False
    distances = [abs(y - constant) for y in before]
    return all(later < earlier for earlier, later in itertools.pairwise(distances))


def _reaches(before: list[float], constant: float) -> bool:
    """Whether the last samples ``before`` a constant run fall onto ``constant`` ever faster.

    Their distances from it shrink over the last ``REACH_POINTS``, each drop
    (in bits) at least as large as the one before and at most
    ``REACH_GROWTH`` times it, and the next drop, grown as much again,
    takes ``f`` below the rounding of ``constant`` (``eps * |constant|``,
    or the smallest normal float for 0), from more than ``REACH_ABOVE``
    roundings at the last sample but one (a smooth ``f`` whose last samples
    are a few roundings off the constant, 4, 2, 1 of them, shrinks by
    rounding's steps) and more than ``REACH_LAST`` at the last (its
    distance is the error of the constant, which rounding inside ``f`` may
    bias alike over the run): ``f`` reaches the constant continuously, as
    ``exp(-1/x**2)`` reaches 0 (0.0183, 1.1e-7, 1.6e-28, 6.6e-112 at
    ``x = 1/2, ..., 1/16``, then exactly 0). Rounding that cancels all the
    digits of ``f`` drops it onto the constant abruptly, from samples near
    its limit (``(1 - cos t)/t**2`` at ``t = 5e-8, 2.5e-8, 1.25e-8,
    6.25e-9`` is 0.49, 0.53, 0.71, then 0), as does ``f`` that stops on its
    way (``h``, then a constant ``0.5 + 3`` ulps from ``h = 1/4`` on: drops
    of 1.6 bits, then 50).
    """
    distances = [abs(y - constant) for y in before[-REACH_POINTS:]]
    if len(distances) < REACH_POINTS or not all(distances):
        return False
    rounding = max(_EPS * abs(constant), sys.float_info.min)
    # Distances of a few roundings shrink by rounding, not by f falling; and
    # the last is the error, in case rounding biases the run: clear of it.
    if distances[-2] <= REACH_ABOVE * rounding or distances[-1] <= REACH_LAST * rounding:
        return False
    drops = _drops_growing(distances)
    if drops is None:
        return False
    return math.log2(distances[-1]) - drops[-1] ** 2 / drops[-2] <= math.log2(rounding)


def _drops_growing(distances: list[float]) -> list[float] | None:
    """The drops in bits between ``distances``, if they fall ever faster; else None.

    Each drop at least the one before and at most ``REACH_GROWTH`` times it (`_reaches`).
    """
    drops = [math.log2(a / b) for a, b in itertools.pairwise(distances)]
    if all(0.0 < a <= b <= REACH_GROWTH * a for a, b in itertools.pairwise(drops)):
        return drops
    return None


def _reaches_but_last(before: list[float], constant: float) -> bool:
    """Whether ``before`` but its last sample `_reaches` ``constant``, the last within rounding.

    ``1 + x**7 exp(-x)`` at infinity is 704, 31.2, 1.00044 at ``x = 8, 16,
    32``, ``1 + 3`` ulps at 64 (its term is 7e-16 there), then exactly 1:
    the last sample before the run is within ``REACH_LAST`` roundings of the
    constant, too close for `_reaches` to take its distance as the error,
    but the samples before it fall onto the constant ever faster all the same.
    """
    last = abs(before[-1] - constant)
    return (
        0.0 < last <= REACH_LAST * _EPS * abs(constant)
        and len(before) > REACH_POINTS
        and _reaches(before[:-1], constant)
    )


def _collapse(values: list[float], share: float = COLLAPSE) -> int:
    """Where ``values`` drop to below ``share`` of the sample before and stay there, or 0.

    That is, the least index from which every sample is that small beside
    the one before it.
    """
    return next(
        (
            k
            for k in range(1, len(values))
            if max(map(abs, values[k:])) < share * abs(values[k - 1])
        ),
        0,
    )


def _drop_start(samples: list[float], first: int, share: float) -> int:
    """Where the samples drop to below ``share`` of the one before for good (`_collapse`), or 0.

    0 too when fewer than ``COLLAPSE_BEFORE`` samples come before the drop,
    or it is at the walk's first step (``first`` is the first sample's):
    `_lost_collapse` and `_lost_drop` read the samples before it.
    """
    start = _collapse(samples, share)
    return start if start >= COLLAPSE_BEFORE and first + start > 0 else 0


def _lost_collapse(
    result: _OneSided,
    samples: list[float],
    first: int,
    *,
    name: str,
    point: Callable[[float], float],
    scale: float,
) -> _OneSided:
    """``result``, or another answer when ``f`` drops onto a small term as it loses its digits.

    ``(1 - cos(t))/t**2 + 1.9e-9 (sqrt(1 - x/3.17) - 1)``, ``t = x/150.65``,
    at 0+ scatters about 0.5 with noise that grows to 0.19 at ``x = 2**-19``,
    then is only the second term, -2.9e-16 and halving, once ``cos(t)`` rounds
    to 1: extrapolated, the samples said 0. So when the samples drop to below
    ``COLLAPSE`` of the last one before and stay there, while those before
    head clearly for another value (``JUMP`` times their error, `_heading`),
    the drop contradicts them:

    * if their rounding noise grows to the size of ``f`` as the drop starts
      (`_lost_into`) and they settle, the drop is rounding's, and the limit is
      where they head, with their error, as for a run of one exact value
      (`_constant_run`);
    * otherwise the samples cannot tell a loss of all the digits from a drop
      of ``f`` itself, and the limit is refused.

    ``result``, the limit found from all the samples, stands when there is no
    such drop, or when it agrees with where the samples before head.
    """
    if not (result.converged and math.isfinite(result.value)):
        return result  # an infinite limit is the small term's own: f grows
    start = _drop_start(samples, first, COLLAPSE)
    if not start:
        return _lost_beside(result, samples, first, name=name, point=point, scale=scale)
    before, after = samples[:start], samples[start]
    value, error = _heading(before, first, after)
    gap = abs(value - result.value)
    contradicted = gap > JUMP * (error + result.error)
    if not (math.isfinite(value) and abs(value - after) > JUMP * error and contradicted):
        return _lost_beside(result, samples, first, name=name, point=point, scale=scale)
    edge = point(scale * 2.0 ** -(first + start + 2))
    if _settled(value, error) and _lost_into(before):
        return _OneSided(
            value,
            error,
            True,
            f"extrapolated from the {name}: f drops to {after:.6g} at {edge!r} and stays "
            "that small closer to x0, where rounding cancels all its digits, as the "
            "samples before show (their rounding noise grows to the size of f there)",
        )
    return _OneSided(
        value,
        max(gap, error),
        False,
        f"f approaches {value:.6g} far from x0 (from the {name}), then drops to {after:.6g} "
        f"at {edge!r} and stays that small closer to x0: the samples cannot tell whether "
        "f really drops there or rounding cancels all its digits (1 - cos(t) is exactly 0 "
        "for |t| < 1e-8, exp(t) - 1 for |t| < 5e-17) and leaves a small term beside it. "
        "Rewrite f without the cancellation (2*math.sin(t/2)**2 for 1 - cos(t), "
        "math.expm1(t) for exp(t) - 1, math.log1p(t) for log(1 + t)); pass "
        "full_output=True to get the estimate from farther out anyway",
    )


def _heading(before: list[float], first: int, after: float) -> tuple[float, float]:
    """Where the samples ``before`` a drop to ``after`` head, and how far off that may be.

    `_estimate`'s, except for fewer than ``MIN_SAMPLES`` samples that move
    both ways and do not approach ``after`` (the last is ``LOSS`` as far from
    it as the one read, or farther): rounding noise, which grows toward
    ``x0``. `_estimate` gives the last of them then, with its change as the
    error, and the one that moves least from the one before says more.
    ``(1 - cos(t))/t**2 + 7.75e-10 (sqrt(1 - h/D) - 1)``, ``t = h/1125.12``, at
    ``102.75956631154382-`` with ``D = 4.5856e-4`` is 0.49988, 0.49988, 0.490,
    0.453, 0.604,
    then -6.5e-12 and halving: 0.604 +- 0.151 is 4.0 of its errors from the
    drop, 0.49988 +- 1.3e-10 clearly away. A smooth ``f`` that drops goes one
    way or approaches the drop: ``h**30/(h**30 + D**30)`` at 0+ with ``D =
    0.02`` is 1, 1, 1, 1 - 1.5e-6, 6.1e-4, then 5.7e-13; ``exp(-c/x**2)/x``
    at 0- with ``c = 0.01`` is -3.4, -4.2, -1.2, -1.1e-3, then -1.0e-16.
    """
    moves = [b - a for a, b in itertools.pairwise(before)]
    k = min(range(len(moves)), key=lambda k: abs(moves[k]))
    calm = before[k + 1]
    noisy = max(moves) > 0 > min(moves) and abs(before[-1] - after) >= LOSS * abs(calm - after)
    if len(before) >= MIN_SAMPLES or not noisy:
        return _estimate(before, first)
    return calm, abs(moves[k])


def _lost_beside(
    result: _OneSided,
    samples: list[float],
    first: int,
    *,
    name: str,
    point: Callable[[float], float],
    scale: float,
) -> _OneSided:
    """``result``, or a refusal when ``f`` loses its digits and leaves a term beside them.

    Short of a collapse (`_lost_collapse`): a drop (`_lost_drop`), or
    samples that settle on another value past the loss (`_read_past_loss`).
    """
    dropped = _lost_drop(result, samples, first, name=name, point=point, scale=scale)
    return _read_past_loss(dropped, samples, first, name=name, point=point, scale=scale)


def _lost_drop(
    result: _OneSided,
    samples: list[float],
    first: int,
    *,
    name: str,
    point: Callable[[float], float],
    scale: float,
) -> _OneSided:
    """``result``, or a refusal when ``f`` drops onto a term beside it as it loses its digits.

    `_lost_collapse` for a drop to below ``DROP`` of the last sample before
    (not ``COLLAPSE``): ``(1 - cos(t))/t**2 + 2.544e-4 D/(D - |x|)``, ``t =
    x/1237``, ``D = 1.2876e-5``, at 0- is 0.5 with noise that grows to 0.23 at
    ``x = -2**-16``, then, once ``cos(t)`` rounds to 1, only the pole's term,
    6.2e-4, 3.6e-4, ... settling on 2.5e-4, the limit read (it is 0.50025).
    A smooth ``f`` may drop so much in one step too (``h**8/(h**8 + D**8)``),
    so the drop is only read as a loss when the samples before show rounding
    noise as large as ``f`` (`_lost_into`), swinging ``f`` both ways by
    ``LOSS`` of its size (`_swings`), or a zigzag that widens at 1 bit a step
    or more to that size at the drop (`_zigzag_outgrows`: 4 samples are
    enough, where the walk starts late). Then the limit is refused: the term left
    after the drop (the pole's, -1.3e-8 at the first sample) was too small for
    the samples before to show, and its limit is not its value there.
    """
    start = _drop_start(samples, first, DROP)
    if not start:
        return result
    before, after = samples[:start], samples[start]
    value, error = _estimate(before, first)
    gap = abs(value - result.value)
    contradicted = gap > JUMP * (error + result.error)
    if not (math.isfinite(value) and abs(value - after) > JUMP * error and contradicted):
        return result
    if not (_lost_into(before) or _swings(before, value, error) or _zigzag_outgrows(before)):
        return result
    edge = point(scale * 2.0 ** -(first + start + 2))
    return _OneSided(
        value,
        max(gap, error),
        False,
        f"f approaches {value:.6g} far from x0 (from the {name}), then drops to {after:.6g} "
        f"at {edge!r} and stays that small closer to x0, as its rounding noise grows to its "
        "size: rounding may have cancelled all the digits of a term in f there (1 - cos(t) "
        "is exactly 0 for |t| < 1e-8, exp(t) - 1 for |t| < 5e-17) and left only a small "
        "term beside it. Rewrite f without the cancellation (2*math.sin(t/2)**2 for "
        "1 - cos(t), math.expm1(t) for exp(t) - 1, math.log1p(t) for log(1 + t)); pass "
        "full_output=True to get the estimate from farther out anyway",
    )


def _read_past_loss(
    result: _OneSided,
    samples: list[float],
    first: int,
    *,
    name: str,
    point: Callable[[float], float],
    scale: float,
) -> _OneSided:
    """``result``, or a refusal when it is what ``f`` settles on after losing all its digits.

    ``(1 - cos(t))/t**2 + 5 (1 + x)``, ``t = x/1000``, at 0+ is 5.5 with
    rounding noise that grows like ``1/h**2`` to a quarter of ``f`` at ``x =
    2**-17`` (`_digits_lost`), then, once ``cos(t)`` rounds to 1, only ``5 (1 +
    x)``, which the samples settle on: it was 5.00000007 +- 2.9e-7 (the limit
    is 5.5). Neither a drop (`_lost_drop`: 5 is not small beside 5.5) nor
    noise that the estimate could see. So a finite ``result`` that the last
    sample lies on (within ``JUMP`` times its error), which the samples
    before the loss contradict (their estimate, within ``MOVING`` of its value,
    is farther from it than ``JUMP`` times the two errors), is refused, when
    ``f`` moves both ways from ``NOISE_POINTS`` samples before the loss on,
    as rounding noise sends it: past the loss ``f`` is the term rounding left
    (a pole's ``-a``, read as the limit), and the samples before cannot tell
    the term's limit either. Samples far out that still move (``sin(1e8
    x)/x``, 30 +- 20 before its noise bound reaches f's size) head for no
    value, and contradict nothing; a step of ``f`` itself, which `_noise`
    reads as noise too, goes one way. Samples that rise toward a pole beside
    ``g`` head for a value less surely, and still do: ``(1 - cos(t))/t**2 +
    0.1129 D/(D - |x - x0|)``, ``t = (x - x0)/64.51``, ``D = 1.485e-4``, at
    ``x0 = 0.001007`` from the left approaches 0.4997 +- 0.0024 (0.6129 at
    ``x0``) before the loss, and then settles on the pole's 0.11288
    (tests/unit/test_limits_lim24.py).
    """
    if not (result.converged and math.isfinite(result.value)):
        return result
    # Read from what rounding left: the samples past the loss settle on it.
    if not abs(samples[-1] - result.value) <= JUMP * result.error:
        return result
    start = _digits_lost(samples, _noise(_table(samples))[0])
    if start < 2 or start == len(samples) or first + start <= 0:
        return result
    # Rounding noise sends f both ways, as it grows to the loss and past it; a
    # step of f itself goes one way (1 + 1e-3 x, 1e-4 (1 + x) from |x| = 1e-5 in).
    around = samples[max(start - NOISE_POINTS, 0) :]
    moves = [b - a for a, b in itertools.pairwise(around)]
    blur = ULPS * _EPS * max(map(abs, around))
    if not (max(moves) > blur and min(moves) < -blur):
        return result
    value, error = _estimate(samples[:start], first)
    gap = abs(value - result.value)
    # Before the loss f heads for a value (far out, f that still moves is no witness).
    heads = math.isfinite(value) and error <= MOVING * abs(value)
    if not (heads and gap > JUMP * (error + result.error)):
        return result
    edge = point(scale * 2.0 ** -(first + start + 2))
    return _OneSided(
        value,
        max(gap, error),
        False,
        f"f approaches {value:.6g} far from x0 (from the {name}), then its rounding noise "
        f"grows to its size at {edge!r}, and closer to x0 it settles on {result.value:.6g} "
        "instead: rounding may have cancelled all the digits of a term in f there (1 - "
        "cos(t) is exactly 0 for |t| < 1e-8, exp(t) - 1 for |t| < 5e-17) and left only the "
        "terms beside it. Rewrite f without the cancellation (2*math.sin(t/2)**2 for "
        "1 - cos(t), math.expm1(t) for exp(t) - 1, math.log1p(t) for log(1 + t)); pass "
        "full_output=True to get the estimate from farther out anyway",
    )


def _swings(before: list[float], value: float, error: float) -> bool:
    """Whether the last samples ``before`` swing both ways off ``value``, up to ``LOSS`` of it.

    The departures beyond ``JUMP`` times ``error`` among the last
    ``NOISE_POINTS`` samples: rounding noise sends them both ways; a smooth
    ``f`` leaving its value goes one way.
    """
    departures = [y - value for y in before[-NOISE_POINTS:] if abs(y - value) > JUMP * error]
    return (
        any(d > 0 for d in departures)
        and any(d < 0 for d in departures)
        and max(map(abs, departures)) >= LOSS * abs(value)
    )


def _zigzag_outgrows(before: list[float]) -> bool:
    """Whether the samples ``before`` a drop zigzag ever wider, as rounding noise does, to f's size.

    `_lost_into` read in the samples themselves, for walks too short for a
    top column with ``RISE_POINTS`` changes (f raises farther out, so the walk
    starts late). Among the last ``NOISE_POINTS`` moves: some go each way
    (beyond rounding); every one is below ``LOSS`` of f's size (f keeps its
    size: the moves are noise, not f heading for the drop, as a hump's do);
    and the widest so far grow, from the first to the last of them, at 1 bit
    a step or more (cancellation noise grows at least like ``1/h``), so that
    the last, grown on at that rate to the drop, is ``LOSS`` of the last
    sample or more. ``(1 - cos t)/t**2 + 1.09e-3 (sqrt(1 - h/1.458) - 1)``,
    ``t = h/56039``, from the right of -0.707 is 0.50010, 0.50004, 0.50004,
    0.49985, 0.49984, 0.50269, 0.50269, 0.457, 0.366, then 1.8e-7 once
    ``cos t`` rounds to 1: widest moves 6.1e-5, 1.9e-4, 2.9e-3, 4.6e-2,
    9.1e-2, 1.5 bits a step.
    """
    moves = [b - a for a, b in itertools.pairwise(before[-NOISE_POINTS - 1 :])]
    size = max(map(abs, before))
    blur = ULPS * _EPS * size
    if not moves or not (max(moves) > blur and min(moves) < -blur):
        return False
    if max(map(abs, moves)) >= LOSS * size:
        return False
    # (index, log2 of its size) of each move wider than all before it
    widest: list[tuple[int, float]] = []
    top = blur
    for k, move in enumerate(moves):
        if abs(move) > top:
            top = abs(move)
            widest.append((k, math.log2(top)))
    if len(widest) < 2:
        return False
    (k0, y0), (k1, y1) = widest[0], widest[-1]
    rate = min((y1 - y0) / (k1 - k0), MAX_SLOPE)
    return rate >= 1.0 and 2.0 ** (y1 + rate * (len(moves) - k1)) >= LOSS * abs(before[-1])


def _lost_early(
    result: _OneSided,
    samples: list[float],
    first: int,
    *,
    f: _Counted,
    name: str,
    point: Callable[[float], float],
    scale: float,
) -> _OneSided:
    """``result``, or a refusal when ``f`` drops onto a term it is read from, away from it first.

    `_lost_drop` reads a loss in the samples before a drop, from
    ``COLLAPSE_BEFORE`` of them on, when they show rounding noise; few
    samples, or samples that rise one way, show none. Where ``f`` raises
    farther out the walk starts late, and ``(1 - cos t)/t**2 + 2.3e-3 (sqrt(1
    - h/D) - 1)``, ``t = x/12863``, ``D = 5.4e-4``, at 0- is 0.464, 0.617,
    then, once ``cos t`` rounds to 1, only the end's term, 2.8e-4 and halving:
    it was read as 0 (the limit is 0.5). So where ``result`` is read past a
    drop (`_read_past_drop`), ``f`` is sampled between the last sample before
    it and the drop, at the shares ``BETWEEN`` of the last one's step: a drop
    of ``f`` itself, however steep (``1/(1 + (D/h)**30)``), passes from the one
    to the other, while ``1 - cos t``, rounded to a grid of ``eps/2``, is
    ``eps/2`` there until it is 0: ``f`` = 0.40, 0.55, 0.78 at 0.875, 0.75,
    0.625 times the last step, farther from the drop than 0.617. Then the
    samples cannot tell ``f``'s limit, and it is refused, with where the
    samples before the drop head as the estimate.
    """
    if not (result.converged and math.isfinite(result.value)):
        return result
    drop = _read_past_drop(result, samples, first)
    if drop is None:
        return result
    start, value, error = drop
    last, after = samples[start - 1], samples[start]
    step = scale * 2.0 ** -(first + start + 1)  # the last sample's before the drop
    blur = ULPS * _EPS * abs(last)
    away = next(
        (
            t * step
            for t in BETWEEN
            if abs(_sampled(f, point(t * step)) - after) > abs(last - after) + blur
        ),
        None,
    )
    if away is None:
        return result
    return _OneSided(
        value,
        max(abs(value - result.value), error),
        False,
        f"f is {last:.6g} far from x0 (from the {name}), then drops to {after:.6g} at "
        f"{point(step / 2.0)!r} and stays that small closer to x0; but at {point(away)!r}, "
        "before the drop, f is farther from it than that, as when rounding cancels all the "
        "digits of a term in f and leaves only a small term beside it (1 - cos(t) is exactly "
        "0 for |t| < 1e-8, exp(t) - 1 for |t| < 5e-17): the samples before the "
        "drop cannot tell. Rewrite f without the cancellation (2*math.sin(t/2)**2 for "
        "1 - cos(t), math.expm1(t) for exp(t) - 1, math.log1p(t) for log(1 + t)); pass "
        "full_output=True to get the estimate from before the drop anyway",
    )


def _read_past_drop(
    result: _OneSided, samples: list[float], first: int
) -> tuple[int, float, float] | None:
    """Where ``samples`` drop, and where those before head, if ``result`` is read past the drop.

    Fewer than ``MIN_SAMPLES`` before it show no trend, so a converged
    ``result`` used samples past the drop, a fall to below ``DROP`` of the
    sample before (no power of ``h`` up to ``h**ORDERS`` falls so far in a
    halving): read there when ``JUMP`` times its error from the last sample
    before, which is then the estimate (error 0: the gap to ``result`` is its
    error). More show a trend (`_estimate`), and ``result`` is read past a
    fall to below ``LOSS`` of the sample before (``f`` moves by as much as a
    loss of all its digits moves it) when that trend contradicts ``result``
    and the fall, as `_lost_drop` asks. ``(1 - cos t)/t**2 + 2.8e-4 (sqrt(1 -
    h/0.449) - 1)``, ``t = h/99083``, at 0+ is 0.49991, ..., 0.5000177, then
    0.5714 and a drop onto the end's term, 0.500019 +- 1.3e-6 before it, read
    as 0 past it; ``(1 - cos t)/t**2 - 0.0171 D/(D - h)``, ``D = 3.9e-4``,
    ``t = h/3777``, from the right of 5.6722, heads for 0.50003 and falls
    from 0.405 to -0.0186, the pole's term, read as -0.01711 (the limit is
    0.4829). The result is ``(start, value, error)``, ``start`` the first
    sample past the drop.
    """
    start = _collapse(samples, DROP)
    if 1 <= start < MIN_SAMPLES:
        last = samples[start - 1]
        return (start, last, 0.0) if abs(last - result.value) > JUMP * result.error else None
    start = _collapse(samples, LOSS)
    if start < MIN_SAMPLES:
        return None
    after = samples[start]
    value, error = _estimate(samples[:start], first)
    gap = abs(value - result.value)
    contradicted = gap > JUMP * (error + result.error)
    if math.isfinite(value) and abs(value - after) > JUMP * error and contradicted:
        return start, value, error
    return None


def _lost_into(before: list[float]) -> bool:
    """Whether the samples ``before`` a constant run lose all their digits as it starts.

    That is, rounding noise grows toward the run as cancellation's does, and
    reaches the size of ``f`` there. The noise is read from the changes of
    the top column of their Richardson table, where the smooth part of ``f``
    has cancelled out, as `_noise` reads it: its rate is the lower quartile
    of the slopes between the last ``NOISE_POINTS`` changes (in bits a step),
    at least 1 (cancellation noise grows at least like ``1/h``); the last
    change, grown one step more at that rate, is ``LOSS`` of the last sample
    or more. Then the numerator of ``f`` is all rounding at the run, which
    cancels it to nothing: ``(exp(sin x) - exp(x))/x**3`` at 0 (numerator
    about ``-x**3/6``) changes by 1.7e-4, 1.5e-3, 1.1e-2, 9.0e-2 at ``x =
    2**-13, ..., 2**-16`` (the last sample -0.1875), 3 bits a step, and is
    exactly 0 from ``2**-17`` on. A smooth ``f`` that a clamp makes constant
    (``max(0, sin(x) - 1e-5)``) changes there by its rounding, which does not
    grow so.
    """
    top = _table(before)[-1]
    changes = [abs(b - a) for a, b in itertools.pairwise(top)][-NOISE_POINTS:]
    points = [(k, math.log2(change)) for k, change in enumerate(changes) if change > 0.0]
    if len(points) < RISE_POINTS or not changes[-1]:
        return False
    rate = min(_lower_quartile_slope(points), MAX_SLOPE)
    return rate >= 1.0 and changes[-1] * 2.0**rate >= LOSS * abs(before[-1])


def _arrives(before: list[float], constant: float) -> bool:
    """Whether the last samples ``before`` a constant run come down onto it within rounding.

    Their distances from it shrink over the last ``REACH_POINTS`` (or stay,
    for a step finer than rounding's), the last no more than ``ULPS``
    roundings of ``constant``: ``f`` has reached
    its value to float resolution before the run, which is that value
    rounded, whatever the samples farther out head for. ``atan`` from the
    right of ``x0 = -5.48e14`` is 9, 3, 1 ulps above ``-1.5707963267948948``
    at ``h = 2.8e14, 1.4e14, 7e13`` (``atan(x0 + h) - atan(x0)`` is about
    ``h / (x0 (x0 + h))``) and exactly it from ``3.5e13`` on, while farther out than
    ``|x0|`` it heads for ``+pi/2``. Rounding that cancels all the digits of
    ``f`` drops it onto the run from near its limit instead, farther off
    than that (`_reaches`).
    """
    distances = [abs(y - constant) for y in before[-REACH_POINTS:]]
    return (
        len(distances) == REACH_POINTS
        and all(a >= b for a, b in itertools.pairwise(distances))
        and distances[0] > distances[-1]
        and distances[-1] <= ULPS * _EPS * abs(constant)
    )


def _capped(before: list[float], constant: float, value: float, error: float) -> bool:
    """Whether ``before`` leave ``value`` as a real ``c / h**p`` does and stop on ``constant``.

    Rounding noise that grows toward a constant run mostly changes its rate
    at random; departures from ``value`` that keep one whole power of
    ``1/h`` (`_departing`, on the top column of their table, past what
    ``error`` and rounding account for) look like a real term of ``f``
    (which `_law_between` checks between the samples: at exact binary
    fractions rounding may keep such a law too). A run past the last
    of them, on their side of ``value`` and other than 0 (rounding that
    cancels all the digits of ``f`` leaves 0 of it; a cap may be nearer 0
    than they are, or across it: ``1 - min(1e-40/x**6, 0.3)`` at 0 stops on
    0.7, ``1 - min(1e-20/|x|**3, 5)`` on -4), and no farther from ``value`` than
    the law's next step would take ``f``, is where that growth stops, as a
    cap does between two samples: ``1 + min(1e-20/x**3, 5)`` at 0+ grows 8
    times a halving to 1.74 at ``2**-22`` and is 6 (its limit) from
    ``2**-23`` on, while ``(exp(sin x) - exp(x))/x**3``'s noise zigzags.
    """
    columns = _table(before)
    floor = JUMP * error + ULPS * _AMPLIFY[len(columns) - 1] * _EPS * abs(value)
    top = [y - value for y in columns[-1]]
    if not _departing(top, floor):
        return False
    last = before[-1]
    step = constant - last
    # Past them, away from the value, and not 0: 0 is what rounding leaves of
    # a numerator cancelled to nothing, while a cap may be nearer 0 than they
    # are, or across it (1 - min(1e-20/|x|**3, 5) at 0 leaves 1 as 1e-20/h**3
    # does, to 0.26 at 2**-22, and is -4 from 2**-23 on; its limit is -4).
    beyond = _sign(step) * _sign(last - value) > 0.0 and constant != 0.0
    rate = 2.0 ** _whole_power(top[-1] / top[-2])
    return beyond and abs(constant - value) <= rate * abs(last - value) + floor * (1.0 + rate)


def _law_between(
    f: Function,
    point: Callable[[float], float],
    h: float,
    *,
    x0: float,
    before: list[float],
    value: float,
) -> bool:
    """Whether ``f`` between the last two samples ``before`` (steps ``2 h``, ``h``) keeps their law.

    A real term ``c / h**p`` holds at any point; a law that rounding makes
    at the samples, exact binary fractions (``(sin(t) - t)/t**3`` is
    ``-1/6 + 2**(2k - 53)/3`` at ``t = 2**-k`` for ``k = 12 .. 26``: ``sin t``
    is rounded up, toward ``t``, by up to a third of an ulp at each), need not
    hold between them, where the rounding is another (at ``t = 4/3 * 2**-k``
    it is off that law by 0.06 to 3 times its departure). ``f`` is sampled at ``4/3 h``
    and must be where the law the last two departures from ``value`` keep
    (``2**p``, p whole) puts it, as well as it holds at the samples
    themselves. Steps are measured from ``x0`` at the points themselves
    (``1/|x|`` at infinity), as ``x0 + h`` rounds.
    """

    def step(x: float) -> float:
        return 1.0 / abs(x) if math.isinf(x0) else abs(x - x0)

    x = point(h * 4.0 / 3.0)
    y = _sampled(f, x)
    if math.isnan(y):
        return False
    last, prior = before[-1] - value, before[-2] - value
    power = _whole_power(last / prior)
    law = last * (step(point(h)) / step(x)) ** power
    room = abs(last - prior * 2.0**power) + ULPS * _EPS * (abs(y) + abs(value) + power * abs(last))
    return abs(y - value - law) <= room


def _off_step(
    f: Function, point: Callable[[float], float], h: float, values: tuple[float, float]
) -> tuple[float, float] | None:
    """The point halfway between steps ``h`` and ``2 h`` and ``f`` there, if not one of ``values``.

    ``f`` is one of ``values`` at step ``h`` and the other at ``2 h``, as a
    step is; halfway, a step is one of them too, while ``f`` whose input
    rounds need not be: ``((2**60 + x) - 2**60)/x`` is 0 up to ``x = 128``
    and 1 from ``x = 256`` on, as ``2**60 + x`` rounds to a multiple of 256
    above ``2**60``, but 4/3 at ``x = 192`` (from the left: 0 out to -64, 1
    from -128 on, 4/3 at -96). None too where ``f`` fails there.
    """
    x = point(1.5 * h)
    y = _sampled(f, x)
    return None if math.isnan(y) or y in values else (x, y)


FLAT_SHIFT = 2.0**-6  # f at a step this share farther out or closer in: flat if the same
STAIR_ABOVE = 2.0**10  # ... and a stair more than this many roundings above the next


def _flat_around(
    f: Function, point: Callable[[float], float], h: float, y: float, constant: float
) -> bool:
    """Whether ``f`` is exactly ``y``, its value at step ``h``, a little farther out or closer in.

    A staircase is flat about most points (``0.1 * 0.5**(t // 30)`` is
    0.025 on [60, 90)); ``f`` whose rounding cancels its digits is not: a
    quotient such as ``(1 - cos t)/t**2`` moves with its denominator
    wherever its numerator is not 0. Farther out first: steps written with
    ``//`` or ``floor`` are flat to the right of each jump. A ``y`` within
    ``STAIR_ABOVE`` roundings of ``constant``, the next stair, is no stair:
    a smooth ``f`` that close to its limit is flat to rounding (``sin(x)/x``
    is 0.9999999999999998 about 3e-8, and 1.0 from 1.5e-8 in).
    """
    if abs(y - constant) <= STAIR_ABOVE * _EPS * max(abs(y), abs(constant)):
        return False
    return any(_sampled(f, point(h * shift)) == y for shift in (1.0 + FLAT_SHIFT, 1.0 - FLAT_SHIFT))


def _stair_step(
    f: Function, point: Callable[[float], float], h: float, last: float, constant: float
) -> bool:
    """Whether ``f`` steps from ``last`` (at ``2 h``) onto ``constant`` (at ``h``) as a staircase.

    ``f`` keeps ``last`` about its sample (`_flat_around`) and is one of the
    two halfway between them (`_off_step`).
    """
    flat = _flat_around(f, point, 2.0 * h, last, constant)
    return flat and _off_step(f, point, h, (constant, last)) is None


def _constant_run(  # noqa: PLR0911, PLR0912 - a return for each case of the list below
    samples: list[float],
    first: int,
    point: Callable[[float], float],
    scale: float,
    name: str,
    *,
    short: bool = False,
    f: Function | None = None,
    x0: float = 0.0,
) -> _OneSided | None:
    """The limit when ``f`` ends on one exact value, or a refusal, or None to extrapolate.

    ``f`` may be constant next to ``x0`` because it is (``floor`` between two
    integers, ``sign``), or because rounding cancels all its digits there
    (``1 - cos(t)`` is exactly 0 for ``|t| < 1e-8``). The samples before the
    run tell them apart; when the run starts within ``PRE_MIN`` samples of
    the first, ``f`` has already been sampled farther out (`_farther`):

    * none differ: ``f`` is constant, and so is its limit;
    * they are exactly a polynomial ``P`` in ``h`` (``floor(x0 - h)`` is
      ``x0 - h`` at whole steps) and the constant lies between the last of
      them and ``P(0)``: ``f`` stops on its way there, as ``floor`` does at
      ``x0 - 1``; the constant is the limit, unless ``f`` stopped on another
      value first and reached this one only past ``TRUSTED_TAIL``, where
      rounding inside ``f`` may have moved it (``ceil(0.5 x - 596969)`` at
      ``-106`` from the right is ``k + 1`` down to ``h = 1e-10``, then ``k``);
    * they are whole numbers that come closer to the constant, a whole
      number too, at every step (`_staircase`); the constant is the limit;
    * they are all one other constant, and only beyond the usual samples:
      a step, as Heaviside's at 0 seen from 0.5; the constant is the limit,
      provided ``f`` (when given) is one of the two halfway between the
      last sample of one and the first of the other (`_off_step`), as a
      step is; if not, the limit is refused (``((2**60 + x) - 2**60)/x``
      at 0 is 0 up to 128, 1 from 256 on, and 4/3 at 192);
    * their last ``REACH_POINTS`` fall onto the constant ever faster
      (`_reaches`), wherever the run starts: ``exp(-1/x**2)`` at 0 falls
      onto 0 (6.6e-112 at ``x = 1/16``, then 0), though farther out it
      heads for 1; the constant is the limit: cancellation does not look
      like this, since it drops ``f`` onto the constant at once from near
      its limit. Its
      error is the distance of the last sample before the run (rounding
      inside ``f`` can bias the run alike), and when that is not below
      ``ACCEPT`` the samples are judged as below;
    * they head for another value than the constant, clearly, but their last
      ``REACH_POINTS`` come down onto it within its rounding (`_arrives`):
      ``f`` reached its value before the run; the constant is the limit
      (``atan`` at ``-5.5e14`` from the right, whose samples farther out than
      ``|x0|`` head for ``+pi/2``);
    * they head for another value than the constant, clearly: rounding, if
      the run starts from a large step (before ``TRUSTED_TAIL``); the limit
      is refused, unless the run starts among the usual samples and their
      rounding noise grows to the size of ``f`` as it starts (`_lost_into`):
      then the run is all rounding, and the limit is where they head, with
      their error, unless they leave that value as a real ``c / h**p`` does,
      between them too (`_law_between`, one more sample), and stop on the
      run past them (`_capped`): refused, as a cap. From a
      smaller step, rounding is expected and the samples before the run are
      extrapolated (None), as they are when they settle nothing;
    * every usual sample is the constant, and the samples farther out head
      for another value, give or take less than the gap, but not clearly:
      the limit is refused too, as ``f`` may have lost all its digits from
      the first sample on (``((a + t) - a)/t`` where ``a + t`` rounds to ``a``).

    A limit that is the constant (the first six cases) claims that ``f``
    stays on it closer in: at 0 and at infinity, `_one_sided` checks it there
    as it checks any finite value (`_checked_closer_in`).

    ``first`` is the step of the first sample, counted from 0 at ``s / 4``
    (negative for steps farther out). A ``short`` run, of one or two
    samples, is the limit only in the second case (``floor`` next to
    ``2**47``, where ``floor(x0 + h)`` is ``x0 + h`` down to ``h = 1`` and
    ``x0`` at the last two steps), and a single sample only if it is ``P(0)``
    itself (``floor(x0 + h)`` at ``2**48`` is ``x0`` only at the last step,
    ``h = 1/2``), two only if they are, or ``f`` comes no farther from ``P(0)``
    at each of the last samples and them (samples ``P`` only to rounding
    may scatter about it: ``1e-10 + sin(x)/x`` at ``1.15e25``); otherwise the
    samples are extrapolated (None).
    """
    start = _run_start(samples)
    before, constant = samples[:start], samples[-1]
    if not before:
        return _OneSided(
            constant,
            _EPS * abs(constant),
            True,
            f"f is {constant!r} at every point sampled on the {name}, out to "
            f"{point(scale * 2.0 ** -(first + 2))!r}",
        )
    trend = _exact_trend(before)
    edge = point(scale * 2.0 ** -(first + start + 2))
    band = None if trend is None else trend.band
    # f that stopped on another value first, and only then, past TRUSTED_TAIL,
    # on this one, may be stuck here by rounding (a x + b rounds to k).
    stopped = len(before) - _run_start(before) >= STUCK and first + start > TRUSTED_TAIL
    on_its_way = band is not None and band[0] <= constant <= band[1] and not stopped
    # A single last sample may as well be P on its way: it counts only as P(0).
    if start == len(samples) - 1:
        on_its_way = on_its_way and trend is not None and constant == trend.value
    # Two equal ones, unless f comes no farther from P(0) at each of the last
    # samples and them: 1e-10 + sin(x)/x at 1.1454980363676285e25 is 1e-10 to
    # rounding (P) from afar and scatters by 7 ulps; its last two samples, 4 ulps
    # below 1e-10, were answered with an error of 1.7 ulps (the limit 7 above).
    if start == len(samples) - 2 and trend is not None and constant != trend.value:
        distances = [abs(y - trend.value) for y in samples[-REACH_POINTS - 1 :]]
        on_its_way = on_its_way and all(
            later <= earlier for earlier, later in itertools.pairwise(distances)
        )
    # Another constant only beyond the usual samples: a step, as Heaviside's;
    # or, beyond it, another that f keeps around the sample (a staircase).
    edge_step = scale * 2.0 ** -(first + start + 2)
    beyond = first + start <= 0 and not (on_its_way or short)
    step = first + start <= 0 and len(set(before)) == 1
    if beyond and not step and f is not None:
        step = _flat_around(f, point, 2.0 * edge_step, before[-1], constant)
    if step and not (on_its_way or short) and f is not None:
        off = _off_step(f, point, edge_step, (constant, before[-1]))
        if off is not None:
            x, y = off
            return _OneSided(
                constant,
                abs(before[-1] - constant),
                False,
                f"f is exactly {constant!r} at every point sampled between x0 and {edge!r} "
                f"(from the {name}) and {before[-1]!r} farther out, as a step is, but "
                f"{y:.6g} at {x!r}, between them, which a step is not: rounding may cancel "
                "all the digits of f close to x0, as it does in ((a + t) - a)/t where a + t "
                "rounds to a; pass full_output=True to get the constant anyway",
            )
    known = on_its_way or (not short and (step or _staircase(before, constant)))
    # f that falls onto the constant ever faster reaches it: it is no rounding.
    # But rounding in f may bias the run alike (x - log(cosh(x)) at inf is
    # ln 2 + 1.9e-15 at x = 32 .. 512): it is as far off as the last sample
    # before it, which the fall shows to be clear of rounding.
    reach = abs(before[-1] - constant)
    falls = not (known or short) and _reaches(before, constant) and _settled(constant, reach)
    # Or falls so up to a last sample within rounding of it: then the error
    # covers what rounding inside f may bias the run by.
    if not (known or short or falls) and _reaches_but_last(before, constant):
        falls, reach = True, REACH_LAST * _EPS * abs(constant)
    if known or falls:
        return _OneSided(
            constant,
            max(_EPS * abs(constant), reach if falls else 0.0),
            True,
            f"f is {constant!r} at every point sampled on the {name} between {edge!r} and x0"
            + (", and falls onto it ever faster from farther out" if falls else ""),
        )
    if short or first + start > TRUSTED_TAIL:
        return None  # rounding is expected this close to x0: extrapolate before it
    # f that keeps the value before the run about its sample and is one of the
    # two between them steps onto the run, as a staircase does (0.1 * 0.5**(t //
    # 1) at 10 from the right): the steps before it are no rounding noise.
    if f is not None and not beyond and _stair_step(f, point, edge_step, before[-1], constant):
        return _OneSided(
            constant,
            _EPS * abs(constant),
            True,
            f"f is {constant!r} at every point sampled on the {name} between {edge!r} and x0, "
            f"and steps onto it from {before[-1]!r}, which it keeps about the sample before, "
            "as a staircase does",
        )
    if trend is None and len(before) >= MIN_SAMPLES:
        trend = _Trend(*_estimate(before, first))
    if trend is None:
        return None
    gap = abs(trend.value - constant)
    clear = gap > JUMP * trend.error + 4.0 * _EPS * max(abs(constant), abs(trend.value))
    # Every usual sample is the constant, and farther out f neither is one
    # other constant (a step) nor clearly heads elsewhere: it may have lost
    # its digits from the first sample on (((a + t) - a)/t, a + t rounding to a).
    unclear = not clear and first + start <= 0 and gap > trend.error
    if not (clear or unclear):
        return None
    if clear and _arrives(before, constant):
        # f came down onto the run within its rounding from a large step on:
        # the run is f's value, wherever the samples farther out head.
        return _OneSided(
            constant,
            max(_EPS * abs(constant), reach),
            True,
            f"f is {constant!r} at every point sampled on the {name} between {edge!r} and x0, "
            "and comes down onto it to within its rounding from farther out",
        )
    # f heads clearly for another value among the usual samples and loses all
    # its digits as the run starts: the run is rounding's (the numerator
    # cancelled to nothing), and the limit is where the samples before it
    # head, as past TRUSTED_TAIL. (A run over every usual sample leaves only
    # samples farther out than s / 4: refused, as above.)
    lost = first + start > 0 and _lost_into(before)
    if clear and trend.band is None and _settled(trend.value, trend.error) and lost:
        # Unless they leave it as a real c/h**p does and stop on the run past
        # them (`_capped`): the run is where that growth stops, as a cap's is.
        capped = _capped(before, constant, trend.value, trend.error) and (
            f is None
            or _law_between(
                f,
                point,
                scale * 2.0 ** -(first + start + 1),
                x0=x0,
                before=before,
                value=trend.value,
            )
        )
        cap = (
            f"f settles near {trend.value:.6g} far from x0 (from the {name}), but then leaves "
            f"it as c/h**p does and stops on {constant:.6g} from {edge!r} on, farther still "
            "from it: a growth that stops there (1 + min(1e-20/x**3, 5) at 0, whose limit "
            "is 6) contradicts the value, and the samples cannot tell the limit; pass "
            "full_output=True to get the estimate anyway"
        )
        return _OneSided(
            trend.value,
            math.inf if capped else trend.error,
            not capped,
            cap
            if capped
            else f"extrapolated from the {name}: f is exactly {constant!r} between x0 and "
            f"{edge!r}, where rounding cancels all its digits, as the samples before "
            "show (their rounding noise grows to the size of f there)",
        )
    if unclear:
        value, error = constant, gap
        message = (
            f"f is exactly {constant!r} at every point sampled between x0 and {edge!r} "
            f"(from the {name}), while farther out it scatters about {trend.value:.6g} "
            f"(give or take {trend.error:.2g}): the samples cannot tell whether f is "
            "constant near x0 or rounding cancels all its digits there, as it does in "
            "((a + t) - a)/t where a + t rounds to a; pass full_output=True to get the "
            "constant anyway"
        )
    else:
        value, error = trend.value, max(gap, trend.error)
        message = (
            f"f is exactly {constant!r} at every point sampled between x0 and {edge!r} "
            f"(from the {name}), while farther out it approaches {trend.value:.6g}: the "
            "signature of rounding that cancels all the digits of f close to x0 (1 - cos(t) "
            "is exactly 0 for |t| < 1e-8, exp(t) - 1 for |t| < 5e-17), unless f is that "
            f"constant near x0 (then its limit is {constant!r}). Rewrite f without "
            "the cancellation (2*math.sin(t/2)**2 for 1 - cos(t), math.expm1(t) for "
            "exp(t) - 1, math.log1p(t) for log(1 + t)); pass full_output=True to get the "
            "estimate from farther out anyway"
        )
    return _OneSided(value, error, False, message)


def _tail_gap(samples: list[float], first: int, value: float) -> float:
    """How far ``value`` is from a constant that ``f`` keeps to the last sample or nearly.

    Rounding can make ``f`` constant close to ``x0`` (``1 - cos h`` is 0 for
    ``h < 2**-26``), but hardly from a step as large as ``s * 2**-24`` (step
    ``TRUSTED_TAIL``) on: a constant from there may be what ``f`` really does.
    When the samples before it do not settle that (`_constant_run`), the
    limit cannot be told apart from that constant any better than they
    differ. A last run of another value (or a single sample) past step
    ``TRUSTED_TAIL`` may be rounding's (``floor(x + 765026)`` at ``x0 =
    57266`` from the left is ``822291`` from ``h = 1`` on, and ``822292`` at
    the last step, where ``x + 765026`` rounds up), so the constant before it
    counts too if it reaches that step. ``first`` is the step of the first
    sample.
    """
    last = len(samples)
    # The last run, or the one before it if it reaches past TRUSTED_TAIL,
    # where rounding may have moved f onto the last one.
    for end in (last, _run_start(samples)):
        start = _run_start(samples[:end]) if end > 0 else 0
        reaches = end == last or first + end > TRUSTED_TAIL
        if end - start >= STUCK and first + start <= TRUSTED_TAIL and reaches:
            return abs(value - samples[end - 1])
    return 0.0


def _closer_in(
    f: _Counted, point: Callable[[float], float], h: float, deepest: float | None = None
) -> Iterator[float]:
    """``f`` at the ``DEEP_STEPS`` steps below ``h``, each ``DEEP_RATIO`` times the one before.

    Lazily, so that a caller that has seen enough stops evaluating; it ends
    where ``f`` fails. ``deepest``, when given, is ``f`` at the last step,
    already sampled there (`_at_the_floor`; NaN where ``f`` failed): it is
    not sampled again. A walk that its caller does not stop is kept in
    ``f.walked``, under its first point (`_infinite_closer_in` uses it).
    """
    first, walk = point(h * DEEP_RATIO), []
    for depth in range(1, DEEP_STEPS + 1):
        h *= DEEP_RATIO
        if depth == DEEP_STEPS and deepest is not None:
            if not math.isnan(deepest):
                walk.append(deepest)
                yield deepest
            break
        y = _sampled(f, point(h))
        if math.isnan(y):
            break
        walk.append(y)
        yield y
    f.walked[first] = walk  # reached only by a walk not stopped by its caller


def _deeper(last: float, deep: list[float]) -> tuple[float, float]:
    """A slowly converging ``f`` at ``x0 = 0`` or ``inf``, from its samples much closer.

    There the sample points stay exact far below the usual last step, so
    if ``f`` has not got stuck on one rounded value by then, it is sampled
    ``DEEP_STEPS`` more times (`_closer_in`: ``deep``), each step
    ``DEEP_RATIO`` times the one before (``sqrt(x) log(x)`` is still 1e-6
    from its limit at ``x = 1e-15``, but not at ``x = 1e-90``). These steps
    are too far apart for Richardson extrapolation: the error of a sample is
    the larger of the two changes before it, or their geometric tail: at
    their own ratio, where that is above ``TAIL_RATIO`` (`_entries` takes no
    larger one, for the usual samples, where `_too_slow` refuses a slower
    settling). ``-5.66e-6/log(log(x/993.6))`` at infinity changes there by
    ratios that rise from 0.63 to 0.92 a step: at 0.9 the tail was 18 times the
    last change, and the limit, 0, was 2.03 errors from the answer,
    -1.69e-6 +- 8.3e-7 (`_left_behind`); at 0.924 it is 24 times, and the
    error 9.0e-7. Samples that all equal the ``last`` usual one show nothing
    (``a + h`` may round to ``a`` inside ``f``). Returns the value and its error.
    """
    values = [last, *deep]
    if len(set(values)) == 1:  # stuck on the value the samples ended with
        return math.nan, math.inf
    values = _until_stuck(values)
    if len(values) < 3:
        return math.nan, math.inf
    best = min(_entries([values]), key=lambda entry: entry.trend)
    # Changes each more than TAIL_RATIO of the one before: the tail at their own ratio.
    last, before = (abs(values[best.last - k] - values[best.last - k - 1]) for k in (0, 1))
    ratio = last / before if before else 0.0
    tail = 2.0 * last * ratio / (1.0 - ratio) if TAIL_RATIO < ratio < 1.0 else 0.0
    return best.value, max(best.trend, tail)


def _walk_aliased(
    f: _Counted, point: Callable[[float], float], h: float, walk: list[float], value: float
) -> bool:
    """Whether ``f`` one halving short of the deepest step of a walk leaves ``value`` (`_deeper`'s).

    ``walk`` is the last usual sample (at step ``h``) and ``f`` at the steps
    of `_closer_in` after it, ``DEEP_RATIO`` apart: 16 halvings, so ``f``
    whose values at the halvings repeat with a period dividing 16 shows one
    phase only (``1/n + 0.03 [int(n) % 3 == 1]`` at inf: ``2**k % 3`` is 2
    at every odd ``k``, and the walk read 1e-92 +- 7e-83 off ``1/n``).
    ``f`` converging to ``value`` is no farther from it one halving short of
    the deepest step (toward the step before) than at the step before, 16
    halvings short of it, up to rounding; f at a point where it fails shows
    nothing.
    """
    if len(walk) < 2:
        return False
    inside = _sampled(f, point(h * DEEP_RATIO ** (len(walk) - 1) * 2.0))
    rounding = ULPS * _EPS * max(abs(inside), abs(value))
    return abs(inside - value) > abs(walk[-2] - value) + rounding


def _settles_apart(value: float, error: float, deep_value: float, deep_error: float) -> bool:
    """Whether ``f`` closer in settles (`_deeper`) on a value far from the estimate's.

    Farther than the two errors: an estimate from the first samples, before a
    feature of ``f``, is not its limit to better than where ``f`` goes there
    (``478.414 - 8.95e-6 t**(3/(4 + log t))``, ``t = x/1.056``, at 0+ is
    478.414 to 6.5e-9 at ``x = 1/16`` and ``1/32``, has a pole at ``t =
    exp(-4)``, and creeps back towards ``478.414 - 8.95e-6 e**3``: it was
    478.414 +- 2.8e-7, 635 errors off).
    """
    return error + deep_error < abs(deep_value - value)


def _until_run(samples: Iterator[float]) -> list[float]:
    """``samples`` up to the first ``STUCK`` equal in a row: `_stuck_start` ignores the rest."""
    found: list[float] = []
    for y in samples:
        found.append(y)
        if len(found) >= STUCK and len(set(found[-STUCK:])) == 1:
            break
    return found


def _stuck_start(values: list[float]) -> int:
    """Where ``values`` get stuck on one value, or ``len(values)``.

    Stuck: a run of ``STUCK`` equal values, or of two at the very end (see
    `_until_stuck`).
    """
    n, i = len(values), 0
    while i < n:
        j = i
        while j + 1 < n and values[j + 1] == values[i]:
            j += 1
        if j - i + 1 >= STUCK or (j == n - 1 and j > i):
            return i
        i = j + 1
    return n


def _deeper_against(  # noqa: PLR0911 - a return for each kind of witness
    result: _OneSided,
    usual: list[float],
    deep: list[float],
    noise: list[float],
    spread: Callable[[int], float] | None = None,
) -> int | None:
    """The index of a sample of ``deep`` that contradicts ``result``, or None.

    ``deep`` are ``f`` closer to ``x0`` than the ``usual`` samples
    (`_closer_in`, for `_deeper` or as a check), the nearest last; ``noise``
    bounds the rounding noise of each usual sample (`_noise`). A run where
    they get stuck on one value is rounding's, as it is among the usual samples
    (``(x**x - 1)/x`` is 0 once ``x**x`` rounds to 1), and shows nothing,
    unless, for an infinite answer, it stops a growth short of falling back
    (``min(1/x, 1e30)``); so is the sample just before it, where ``f`` loses
    its last digits, a step ``DEEP_RATIO`` before it loses them all
    (``sqrt(x**2 + 1e6 x) - x`` at inf, whose usual samples end on 500000.0,
    is 499712 at ``x = 2**65``, 61 ulps of ``x``, and 0 from ``2**81`` on).
    A finite value is contradicted by a sample that leaves it farther than
    the one before did (the last usual sample, for the first), past ``JUMP``
    times its error and rounding: ``f`` converging to it comes no farther
    from it closer in, while a real ``c / h**p`` too small to show at the
    usual steps grows away there (``sqrt(x) + 1e-30/x`` at 0 is 4.2e-8 at the
    last usual step, 6.5e61 at ``x = 1.5e-92``). An infinite one by a sample
    that is not beyond the last usual sample, toward the infinity: ``f``
    that tends to it passes any bound closer in, and does not fall back
    behind what it reached farther out (``log(x) + 1e-15/sqrt(x)`` at 0 is
    -33.96 at the last usual step, 2.4e-8 above ``log(x)``, and positive
    from ``x = 1.7e-34`` on; ``100 + log(x)`` is 66 there and crosses 0
    closer in, on its way to ``-inf``). Nor is ``f`` tending to it short, at
    the last sample, of the growth the three before keep (`_short_of_growth`):
    a cap reached at the last step alone is one sample, not a run
    (``min(5.8e-15/x, 8.6e74)`` at 0+ is 5.7e72 a step before the deepest, and
    the cap there, not 3.8e77).
    A finite value is not contradicted either by a sample within ``JUMP``
    times ``spread`` of its index (`_rounding_spread`: f's rounding noise
    there, as its neighbours show): ``sqrt(x + sqrt(x)) - sqrt(x)``, 0.5 -
    2.1e-11 at ``x = 2**65``, is a multiple of ``ulp(sqrt(x)) = 2**-20`` there,
    0.5 - 2**-20 or 0.5 at its neighbours.
    """
    if not result.converged or not deep:
        return None
    stuck = _stuck_start(deep)
    # The sample before a stuck run is where f lost its last digits: rounding's too.
    kept = deep[: max(stuck - 1, 0)] if stuck < len(deep) else deep
    if math.isfinite(result.value) and (
        _passes_to_a_level(usual, deep, stuck, result.value)
        or (stuck < len(deep) and _heads_for_the_run(usual, deep[stuck], result.value))
    ):
        # f's own level, reached through the values between; f exact at every usual
        # sample has no rounding noise to grow by a law: the first sample off contradicts.
        floors = [JUMP * result.error + ULPS * _EPS * max(abs(y), abs(result.value)) for y in deep]
        return next((i for i, y in enumerate(deep) if abs(y - result.value) > floors[i]), None)
    if math.isinf(result.value):
        sign, reached = math.copysign(1.0, result.value), usual[-1]
        before = deep[stuck - 1] if stuck else reached
        if stuck < len(deep) and (deep[stuck] - before) * sign >= 0.0:
            return stuck  # f stops on a constant instead of falling back: no rounding
        # A cap reached at the last step alone is one sample, no run: f there
        # short of the growth the samples before it keep, a step on, stops it.
        last = len(deep) - 1
        if stuck == len(deep) >= 4 and _short_of_growth(deep[:last], deep[last], sign, 1):
            return last
        return next((i for i, y in enumerate(kept) if not (y - reached) * sign > 0.0), None)
    value, error = result.value, result.error
    offs = [y - value for y in kept]
    floors = [JUMP * error + ULPS * _EPS * max(abs(y), abs(value)) for y in kept]
    gone = abs(usual[-1] - value)
    for i, off in enumerate(offs):
        if abs(off) > gone and abs(off) > floors[i]:
            if spread is not None and abs(off) <= JUMP * spread(i):
                gone = abs(off)
                continue  # f's own rounding there, no departure
            law = _rounding_law(
                usual, error=error, noise=noise, offs=offs[i:], floors=floors[i:], i=i
            )
            return None if law else i
        gone = abs(off)
    return None


def _passes_to_a_level(usual: list[float], deep: list[float], stuck: int, value: float) -> bool:
    """Whether ``f``, one value at every usual sample, passes between it and a run closer in.

    Rounding that cancels all of ``f``'s digits jumps onto its run (``((1 +
    x) - 1)/x`` at 0 is 1 at every usual sample and 0 from ``2**-65`` on,
    nothing between); but ``c + A exp(-(s/x)**3)`` at -inf, ``c = 4.27``,
    ``A = -0.0099``, ``s = 1.02e18``, is ``c`` at every usual sample,
    ``c + A + 2.1e-7`` at ``-2**65`` and ``c + A`` from ``-2**81`` on: the
    sample before the run lies between the two, beyond the rounding of each,
    and the run is ``f``'s level, not rounding's (scalescan seed 1: it was
    ``c`` +- 9.5e-16).
    """
    if not 0 < stuck < len(deep) or len(set(usual)) != 1:
        return False
    before, level = deep[stuck - 1], deep[stuck]
    room = ULPS * _EPS * max(abs(value), abs(level))
    return min(value, level) + room < before < max(value, level) - room


def _heads_for_the_run(usual: list[float], level: float, value: float) -> bool:
    """Whether the last usual samples move from ``value`` toward the run ``level`` closer in.

    Their last ``SMOOTH`` changes all point from ``value`` to ``level``, each
    beyond the rounding of both, and the last sample lies between the two:
    ``f`` leaves the value behind at the walk's end, and the run closer in,
    ahead, is where it goes, not rounding's (``c + A tanh(x/s)`` at inf,
    ``s = 1.13e14``: ``c`` exactly at the first usual samples, ``c + 0.9999
    A`` at the last (``2**49``), ``c + A`` exactly from ``2**65`` on; it was ``c`` +-
    1.6e-16, scalescan seed 2). They must cover more than ``TRAVEL`` of the
    way from the value to the run, by changes each less than that: rounding
    that cancels ``f``'s digits jumps (``(exp(x/c) - 1)/x + A/(|x|/D - 1)``
    at 0, ``c = 7083``, ``D = 8.5e-5``, drops from near ``1/c - A`` onto
    ``-A`` between two samples and creeps there by halving changes of 1e-16;
    farscan seed 5). ``f`` that converges moves toward its value, not away.
    """
    tail = usual[-(SMOOTH + 1) :]
    changes = [b - a for a, b in itertools.pairwise(tail)]
    sign, room = _sign(level - value), ULPS * _EPS * max(abs(value), abs(level))
    gap = abs(level - value)
    return (
        len(changes) == SMOOTH
        and all(room < d * sign < TRAVEL * gap for d in changes)
        and abs(tail[-1] - tail[0]) > TRAVEL * gap
        and (usual[-1] - value) * sign > room
        and (level - usual[-1]) * sign > room
    )


TRAVEL = 0.5  # the last samples cover this share of the way to the run, no change as much


def _rounding_law(
    usual: list[float],
    *,
    error: float,
    noise: list[float],
    offs: list[float],
    floors: list[float],
    i: int,
) -> bool:
    """Whether the growth of ``f`` away from the value closer in is a law the usual samples exclude.

    ``offs`` are the departures of the samples closer in from the value,
    from the ``i``-th (counted from 0 at ``DEEP_RATIO`` times the last usual
    step), where ``f`` leaves it. Rounding can make ``f`` grow there: once
    ``exp(t)`` rounds to 1, ``(exp(t) - 1 - t)/t**2`` is ``-t/t**2``, which is
    ``-1/t`` to rounding, and ``(cos t - 1 + t**2/2)/t**4`` is ``1/(2 t**2)``
    once ``cos t`` does. Such a law is rounding's only where it holds: at the
    usual samples it would be ``-4`` and ``-2**10`` (at ``t = 1/4`` and
    ``2**-10``) where ``f`` is within 0.05 and 2e-4 of its limit, and steps by
    less. So the law ``c / h**p`` of the first two steps between them past
    ``floors`` that keep one sign and grow (steps, as ``f`` closer in may
    settle elsewhere first: ``(2**x - 1)/x - 1e-22/x`` is ``0 - 1e-22/x`` once
    ``2**x`` rounds to 1) is taken back to the usual samples; where its step
    between two of them is ``JUMP`` times theirs, their rounding noise
    (``noise``: a law may hide in it) and ``error`` or more, it is not
    ``f``'s, and the growth is rounding's. Steps, not departures from the
    value: a real law that dominates the usual samples moved the estimate too,
    and the samples cross it (``sqrt(x) + 1e-10/x**0.25`` at 0, 4.1e-7 +-
    3.1e-8), where a departure is nearly 0, while the law's steps are ``f``'s
    own. A real ``c / h**p`` too small to show there (``sqrt(x) + 1e-30/x`` at
    0: 5.6e-16 at the last usual step, where ``sqrt(x)`` is 4.2e-8), or hidden
    in their noise (``(exp(1.1 x) - 1)/(1.1 x) + 1e-16/x``: noise about
    ``eps/x``), fits them, as does anything without such a law (False).
    """
    step = -math.log2(DEEP_RATIO)  # bits between the steps closer in
    for j in range(len(offs) - 2):
        a, b = offs[j + 1] - offs[j], offs[j + 2] - offs[j + 1]
        if not (abs(a) > floors[j + 1] and _sign(a) * _sign(b) > 0.0 and abs(b) > abs(a)):
            continue
        power = math.log2(b / a) / step  # c / h**p at the steps h, h DEEP_RATIO, ...
        # log2 |c / h**p| at the usual step 2**m times the last, m = 0, 1, ...:
        # the step a is c / h**p (1 - DEEP_RATIO**p) at the sample i + j + 1.
        # Its step between the usual samples at 2 h and h is c/h**p (1 - 2**-p),
        # against f's own step there, their noise and the error. The two factors
        # by expm1: at a power near 0 (b/a a few ulps above 1) 1 - 2**-p rounds to 0.
        ln2 = math.log(2.0)
        shrink = math.expm1(-power * ln2) / math.expm1(-power * step * ln2)
        level = math.log2(abs(a) * shrink) - power * step * (i + j + 2)
        blur = [
            abs(b - a) + na + nb + error
            for (a, b), (na, nb) in zip(
                itertools.pairwise(usual), itertools.pairwise(noise), strict=True
            )
        ]
        return any(
            level - power * m > math.log2(JUMP * room)
            for m, room in enumerate(reversed(blur))
            if room
        )
    return False


def _settled(value: float, error: float) -> bool:
    return math.isfinite(value) and error <= ACCEPT * max(1.0, abs(value))


def _grows(
    f: _Counted, point: Callable[[float], float], scale: float, run: _Run, name: str
) -> _OneSided:
    """An infinite limit, or a refusal when rounding only makes ``f`` look infinite.

    ``f`` exactly ``c / h**p`` from one of its first few samples on is checked
    farther out (`_power_everywhere`). Otherwise ``f`` that grows from the
    first sample on, or not exactly like ``c / h**p`` on its last ones
    (`_power_law`), has an infinite limit, unless that exact power law starts
    abruptly (`_abrupt`); otherwise ``f`` is sampled farther out too
    (`_farther`): if it settles there on a value (to ``DIVERGE`` times
    the larger of 1 and its size, as
    a growing ``f`` that is not infinite does: ``(cos t - 1 + t**2/2)/t**4``
    for ``t = (x - 1)/4.86`` settles near 1/24 only to 5.7e-6 farther out,
    and is ``1/(2 t**2)`` close to 1), and the power law starts
    abruptly or the samples before the growth scatter about the value
    (rounding noise) rather than leave it on one side, the growth is
    rounding's, and the limit is refused.
    Where ``f`` fails farther out, the limit is refused when the samples
    before the growth zigzag ever more widely, as rounding noise does
    (`_zigzags_grow`), and is infinite otherwise.
    """
    growth = _growth_start(run.values)
    first = run.last + 1 - len(run.values)
    noisy = len(run.values) - _power_run(run.values)  # samples before the exact power law
    if noisy < MIN_SAMPLES:
        h = scale * 2.0 ** -(first + 2)
        return _power_everywhere(f, point, h, run, noisy, name)
    abrupt = _abrupt(run.values, noisy)
    if (growth == 0 and not abrupt) or not _power_law(run.values[-POWER_POINTS:]):
        return _infinite(run.values)
    far = _farther(f, point, scale * 2.0 ** -(first + 2), math.nan, PROBE_STEPS)
    far.reverse()
    edge = point(scale * 2.0 ** -(first + growth + 2))
    if len(far) < MIN_SAMPLES:  # f fails farther out: the samples cannot tell
        outer = point(scale * 2.0 ** (len(far) - first - 2))
        return _unsettled_outside(run, far, growth, name, edge=edge, outer=outer)
    trend, spread = _estimate(far, first - len(far))
    # Farther out, f settles, if only roughly, as a growing f that is not infinite does.
    if not spread <= DIVERGE * max(1.0, abs(trend)):
        return _unsettled_outside(run, far, growth, name, edge=edge, outer=None)
    if not (abrupt or _scatter(run.values, trend)):
        return _infinite(run.values)
    return _OneSided(
        trend,
        math.inf,
        False,
        f"f grows without bound only between x0 and {edge!r} (from the {name}), "
        f"while farther from x0 it settles near {trend:.6g}: the signature of rounding "
        "that cancels all the digits of f close to x0 (exp(t) - 1 - t is exactly -t "
        "for |t| < 5e-17). Rewrite f without the cancellation (math.expm1(t) - t, "
        "2*math.sin(t/2)**2 for 1 - cos(t), math.log1p(t) for log(1 + t)); pass "
        "full_output=True to get the estimate from farther out anyway",
    )


def _grows_inward(far: list[float], last: float) -> bool:
    """Whether the nearest of the samples ``far`` out grow in size toward x0, as ``last`` does.

    >>> _grows_inward([1.0, 2.0, 4.0, 8.0], 1e20), _grows_inward([0.54, 0.51, 0.4998], -1e20)
    (True, False)
    """
    near = far[-3:]
    return (
        len(near) == 3
        and all(
            math.copysign(1.0, a) == math.copysign(1.0, last) and abs(a) < abs(b)
            for a, b in itertools.pairwise(near)
        )
        and math.copysign(1.0, near[-1]) == math.copysign(1.0, last)
    )


def _unsettled_outside(
    run: _Run,
    far: list[float],
    growth: int,
    name: str,
    *,
    edge: float,
    outer: float | None,
) -> _OneSided:
    """An infinite limit, or a refusal when ``f`` farther out shows no growth.

    ``far`` are the samples farther out, the farthest first; ``growth`` is
    where the growth starts in ``run``; ``outer`` is where ``f`` fails
    farther out (None when it does not, and ``far`` does not settle).
    After samples before the growth that zigzag ever more widely, as
    rounding noise does (`_zigzags_grow`), samples farther out that are too
    few (`_untold`) or that do not grow toward x0 (`_grows_inward`) show no
    growth of ``f``: the limit is refused.
    """
    if not _zigzags_grow(run.values[: growth + 1]):
        return _infinite(run.values)
    if outer is not None:
        return _untold(run, name, edge=edge, outer=outer)
    if _grows_inward(far, run.values[-1]):
        return _infinite(run.values)
    return _OneSided(
        run.values[-1],
        math.inf,
        False,
        f"f grows without bound only between x0 and {edge!r} (from the {name}), exactly "
        "as c/h**p on its last samples, the signature of rounding, while farther from x0 "
        "it neither settles nor grows toward x0: the samples cannot tell an infinite "
        "limit from rounding that cancels all the digits of f close to x0 (exp(t) - 1 - t "
        "is exactly -t for |t| < 5e-17). Rewrite f without the cancellation "
        "(math.expm1(t) - t, 2*math.sin(t/2)**2 for 1 - cos(t), math.log1p(t) for "
        "log(1 + t))",
    )


def _power_everywhere(  # noqa: PLR0917 - the state of _grows
    f: _Counted, point: Callable[[float], float], h: float, run: _Run, base: int, name: str
) -> _OneSided:
    """An infinite limit, or a refusal when ``f`` may be ``c / h**p`` only by rounding.

    ``f`` is exactly ``c / h**p`` at every usual sample from ``base`` on
    (``h`` is the first step; ``base`` is 0, or a few samples of noise):
    ``1/x**2`` at 0, but also ``(cos t - 1 + t**2/2)/t**4`` for ``t =
    x/1e9``, which is ``1/(2 t**2)`` wherever ``cos t`` rounds to 1
    (``|t| < 1e-8``). Checked at ``JUMP_STEPS`` steps each ``2**8`` times the one
    before, a power law stays exact (its ratios are powers of 2), to the
    rounding of ``x`` and of ``f`` (``ROUNDING_DEPARTURE``). Where ``f`` leaves
    it, each doubling of the step since the last check shows how: a real
    ``c / h**p + L`` leaves it by ``SMALL_DEPARTURE`` of it or less at first
    (``1e-20 + 1/x**2`` at 0), and the limit is infinite; rounding's law
    is left at once by a share of it near 1. Then the samples cannot tell an
    infinite limit from rounding, and the limit is refused; ``f`` is sampled
    at every doubling farther out (`_farther`) for an estimate to return
    with ``full_output=True``.
    """
    ratio = run.values[base + 1] / run.values[base]
    for jump in range(1, JUMP_STEPS + 1):
        x = point(h * 2.0 ** (8 * jump))
        y = _sampled(f, x)
        if math.isnan(y):
            break
        law = run.values[base] / ratio ** (8 * jump + base)
        if abs(y - law) <= ROUNDING_DEPARTURE * abs(law):
            continue
        # Where f leaves the law, a real c/h**p + L leaves it by little at first.
        departure = _first_departure(f, point, h * 2.0 ** (8 * jump - 8), law * ratio**8, ratio)
        if (departure if departure is not None else abs(y / law - 1.0)) <= SMALL_DEPARTURE:
            return _infinite(run.values)
        far = _farther(f, point, h, math.nan, PROBE_STEPS)
        edge = point(h * 2.0**-base)
        # Only the samples off the power law show where f settles.
        on = next(
            (j for j, y in enumerate(far) if y != run.values[base] / ratio ** (j + 1 + base)),
            len(far),
        )
        far = far[on:][::-1]
        trend = _estimate(far, -len(far) - on)[0] if far else y
        return _OneSided(
            trend if math.isfinite(trend) else y,
            math.inf,
            False,
            f"f is exactly c/h**p at every point sampled between x0 and {edge!r} "
            f"(from the {name}), as if it grew without bound, but not farther out (at "
            f"{x!r} it is {y:.6g}, not {law:.6g}): either the limit is infinite or "
            "rounding cancels all the digits of f close to x0 (cos(t) rounds to 1 "
            "for |t| < 1e-8), and the samples cannot tell which. Rewrite f "
            "without the cancellation (2*math.sin(t/2)**2 for 1 - cos(t), math.expm1(t) "
            "for exp(t) - 1); pass full_output=True to get an estimate from farther out",
        )
    return _infinite(run.values)


def _first_departure(
    f: _Counted, point: Callable[[float], float], h: float, law: float, ratio: float
) -> float | None:
    """How far ``f`` leaves ``c / h**p`` first, as a share of it, between ``h`` and ``2**8 h``.

    ``law`` is ``c / h**p`` at step ``h``, where ``f`` equals it; ``ratio``
    is how much it grows each time the step halves. Each doubling of the step
    is sampled until ``f`` leaves the law; returns ``|f / law - 1|`` there
    (None when ``f`` fails first or leaves it only at ``2**8 h``).
    """
    for _ in range(7):
        h, law = 2.0 * h, law / ratio
        y = _sampled(f, point(h))
        if math.isnan(y):
            return None
        if abs(y - law) > ROUNDING_DEPARTURE * abs(law):
            return abs(y / law - 1.0)
    return None


def _abrupt(values: list[float], start: int) -> bool:
    """Whether the sample before ``values[start:]``, exactly ``c / h**p``, is far off that law.

    A real ``c / h**p + L`` leaves the law by little at first (at most ``2**p``
    times as much as at the next sample, where it was rounding); rounding
    that cancels the digits of ``f`` makes the law only where a term rounds
    away, and the term comes back at full size: ``(cos t - 1 + t**2/2)/t**4``
    is ``1/(2 t**2)`` where ``cos t`` rounds to 1, and far from it where not.
    """
    if not 0 < start < len(values) - 1:
        return False
    law = values[start] * values[start] / values[start + 1]
    return abs(values[start - 1] - law) > SMALL_DEPARTURE * abs(law)


def _zigzags_grow(values: list[float]) -> bool:
    """Whether the last ``RISE_POINTS`` zigzags of ``values`` each widen by half or more.

    Rounding noise that grows like ``1/h**p`` does; an oscillation of fixed
    size (``100 sin(1e5 x)``) does not. A zigzag is two changes in a row of
    opposite signs, as wide as the smaller.
    """
    changes = [b - a for a, b in itertools.pairwise(values)]
    widths = [
        min(abs(a), abs(b)) for a, b in itertools.pairwise(changes) if _sign(a) * _sign(b) < 0.0
    ][-RISE_POINTS:]
    return len(widths) == RISE_POINTS and all(
        later >= 1.5 * earlier for earlier, later in itertools.pairwise(widths)
    )


def _untold(run: _Run, name: str, *, edge: float, outer: float) -> _OneSided:
    """The refusal when ``f`` grows past noise that grew and fails farther out than ``outer``."""
    return _OneSided(
        run.values[-1],
        math.inf,
        False,
        f"f grows without bound between x0 and {edge!r} (from the {name}), after "
        "samples that zigzag ever more widely, as rounding noise does, and f cannot "
        f"be evaluated farther out than {outer!r} to see where it settles: the samples cannot "
        "tell an infinite limit from rounding that cancels all the digits of f close "
        "to x0 (exp(t) - 1 - t is exactly -t for |t| < 5e-17). Rewrite f without the "
        "cancellation (math.expm1(t) - t, 2*math.sin(t/2)**2 for 1 - cos(t), "
        "math.log1p(t) for log(1 + t))",
    )


def _outgrown(last: float, value: float) -> bool:
    """Whether ``f``'s last sample has left ``value`` by more than ``value`` itself.

    A law ``L + c/h**p`` whose departure is still small beside ``L`` cannot
    be told at the steps from a bias in ``f``'s rounding: ``(tan(pi/4 + x) -
    tan(pi/4))/x`` is exactly ``2 + 2**-53/x`` at its samples ``x = 2**-27``
    down to ``2**-49``, the last, from the right (``math.tan(math.pi/4)`` is
    ``1 - 2**-53``, the float just below 1; from the left it is exactly 2
    from ``x = -2**-30`` on),
    as ``2 + 2**-53/x``, whose limit is infinite, is (`_law_closer_in` looks
    closer in).
    """
    return abs(last - value) > abs(value)


@dataclasses.dataclass(frozen=True)
class _Law:
    """``L + c / h**p`` fitted to the samples ``middle`` and ``near`` at ``2 h`` and ``h``.

    ``at_h`` is ``c / h**p``; ``blur`` is its uncertainty, from their
    rounding (``ULPS`` units each); ``L`` is ``near - at_h``.
    """

    level: float
    at_h: float
    power: int
    blur: float
    near: float

    def on(self, y: float, halvings: int) -> tuple[bool, bool]:
        """Whether ``y``, ``f`` at ``h 2**-halvings``, is on the law, and is not ``c / h**p`` alone.

        To the law's uncertainty there (``blur``, grown with ``c / h**p``,
        and the rounding of ``L``) and ``y``'s rounding, ``JUMP`` times over.
        """
        shift = self.power * halvings  # c / h**p is 2**shift times at_h there
        try:
            expected = math.ldexp(self.at_h, shift)
            room = JUMP * (
                math.ldexp(self.blur, shift) + self.blur + ULPS * _EPS * (abs(self.near) + abs(y))
            )
        except OverflowError:  # the law is past every float, and f is not
            return False, False
        return abs(y - (self.level + expected)) <= room, abs(y - expected) > room


def _law_closer_in(
    f: _Counted, point: Callable[[float], float], h: float, values: list[float]
) -> Literal["ends", "holds"] | None:
    """Whether ``f``, sampled closer to ``x0``, stops growing like the law its last samples keep.

    ``values`` end with ``f`` at the steps ``4 h``, ``2 h`` and ``h``, which
    are ``L + c / h**p`` (to rounding) for one ``L``, ``c`` and whole ``p > 0``.
    ``f`` is sampled at ``DEEP_STEPS`` steps each ``DEEP_RATIO`` times the one
    before (at ``x0 = 0`` or ``inf``, where those points are exact). A real
    ``c / h**p``, however small beside the rounding that may come with it,
    grows there past every sample (``(exp(x) - 1)/x + 1e-17/x`` is
    ``1e-17/x`` once ``exp(x)`` rounds to 1). A law that rounding makes
    stops: one rounding, the same at every step, is all its numerator's
    departure (``math.tan(math.pi/4)`` is ``1 - 2**-53`` and
    ``math.tan(math.pi/4 + x)`` is ``1 + 2 x`` for ``x = 2**-27 .. 2**-49``,
    so that ``(tan(pi/4 + x) - tan(pi/4))/x`` is ``2 + 2**-53/x``), and
    closer in the terms inside ``f`` round away (``pi/4 + x`` to ``pi/4``,
    and ``f`` is 0). So the law ends ("ends") when ``f`` stays within the
    size of its samples at every step closer in, down to the last (or to
    where ``f`` fails), and ``c / h**p`` outgrew that size ``WELL_PAST``
    times over at one of them at least, unless ``f`` gets stuck there on a
    constant other than 0: what is left of ``f`` where ``x`` rounds away
    may be a constant beside the quotient (``(tan(pi/4 + x) - tan(pi/4))/x
    + 5``, 7 + ``2**-53/x``, then 5), or a term that grew beside it, too
    little to show past the law, and stopped on a cap there
    (``(tan(pi/4 + x) - tan(pi/4))/x + min(3.13e-16/x, 1.74)``, 2 +
    ``4.2e-16/x``, then 1.74; its limit is 3.74, and ``f`` is 4.7 at ``x =
    2**-53``, where the quotient is 3, and 1.74 from ``2**-54`` on), and
    the samples cannot tell which (None).

    The law holds ("holds": the limit is infinite) when ``f`` is on it at
    every step closer in (`_Law.on`; down to where ``f`` fails, as
    ``c / h**p`` overflows), and at one of them at least ``f`` is not
    ``c / h**p`` alone: ``L`` is still there. Rounding can make a law that
    goes on closer in, but only out of a numerator that has lost its other
    digits there, and with them the quotient's limit: ``(sin(pi/6 + x) -
    0.5)/x`` is ``-5.6e-17/x`` once ``pi/6 + x`` rounds to ``pi/6``, whose
    sine is ``0.5 - 2**-54``. A real ``L + c / h**p`` keeps its ``L``
    (``2 + 2**-53/x`` at 0+ is ``2 + 2**12`` at ``x = 2**-65``). Where
    ``c / h**p`` grows too fast for ``L`` to show past the law's uncertainty
    at the first step closer in (``1 + 1e-50/x**3``: ``2**48`` times the
    rounding of the usual samples), ``f`` is sampled once more, as far in as
    it still shows: ``k`` halvings in, ``2**(k p)`` times the law's
    uncertainty a ``4 JUMP``-th of ``L`` or less.
    """
    near, middle, far = values[-1], values[-2], values[-3]
    if middle == far:  # no ratio (near == middle gives 0: no law either)
        return None
    power = _whole_power((near - middle) / (middle - far))
    if power <= 0:
        return None
    at_h = (near - middle) / (1.0 - 2.0**-power)  # c / h**p at the step h
    blur = ULPS * _EPS * (abs(near) + abs(middle)) / (1.0 - 2.0**-power)
    law = _Law(near - at_h, at_h, power, blur, near)
    halvings = round(-math.log2(DEEP_RATIO))  # between the steps closer in
    size = max(abs(y) for y in values)
    stays = True  # whether f has stayed within size, as rounding's law does
    past = False  # whether a real law would have left size far behind
    holds = abs(at_h) > JUMP * blur  # whether f is on the law: the samples fix c first
    shown = False  # whether f showed L beside c/h**p somewhere
    deep: list[float] = []
    for depth, y in enumerate(_closer_in(f, point, h), start=1):
        deep.append(y)
        stays = stays and abs(y) <= size
        # In logarithms: c / h**p grows 2**(16 p) times a step, soon past any float.
        grown = math.log2(abs(at_h)) + power * depth * halvings
        past = past or grown > math.log2(WELL_PAST * size)
        if holds:
            holds, shows = law.on(y, depth * halvings)
            shown = shown or shows
        if not (stays or holds):
            break
    if stays:
        # Rounding's law ends on what is left of f once x rounds away, 0 for a
        # numerator cancelled to nothing; f stuck on another constant there may
        # have stopped a term on it as well (a cap), and the law tells nothing.
        capped = len(deep) >= STUCK and len(set(deep[-STUCK:])) == 1 and deep[-1] != 0.0
        return "ends" if past and not capped else None
    if holds and not shown and law.level:
        # L hid in the law's uncertainty at the first step in: look where it shows.
        k = math.floor(math.log2(abs(law.level) / (4.0 * JUMP * blur)) / power)
        if 0 < k < halvings:
            y = _sampled(f, point(h * 2.0**-k))
            if math.isnan(y):
                return None
            holds, shown = law.on(y, k)
    return "holds" if holds and shown else None


def _contradicted(
    run: _Run,
    value: float,
    error: float,
    outermost: float,
    name: str,
    *,
    closer: Callable[[list[float]], Literal["ends", "holds"] | None],
) -> _OneSided | None:
    """What last samples that leave a settled ``value`` ever faster make of it.

    They may leave it only once the table removes their ``h``, ``h**2``, ...
    terms (`_departing`, in the top column of the table).

    Rounding can make them grow (`_lost_before_growth`), and then ``value``
    stands (None). So it does when they are exactly ``c / h**p``, as a
    numerator that is nothing but rounding makes them (`_power_law`), while
    their departures from ``value`` are not: the second difference of ``x**3``
    at -6.1 drifts from -36.85 and ends as ``-2**53 h**2 / h**4``. Departures
    exactly ``c / h**p`` that have outgrown ``value`` (`_outgrown`) are a
    real growth away from it (``1 + 1e-20/x**2`` at 0): the limit is
    infinite. So are samples ``L + c / h**p`` for an ``L`` a little off
    ``value``, over more samples than either (`_steps_power_run`: ``-1e10 +
    92.8/|x - 37|`` settles near ``-1e10 + 46``), once they have outgrown it
    too, and samples each the one before times ``2**0``, to rounding, that
    grow by ulps away from ``value`` (``1 - eps log2(x)`` at 0, which tends
    to ``inf`` as slowly as a log). Departures smaller than ``value`` whose
    law ends closer to ``x0`` (``closer``: `_law_closer_in`, at ``x0 = 0`` or
    ``inf``) are rounding's, and ``value`` stands: ``(tan(pi/4 + x) -
    tan(pi/4))/x`` at 0 is exactly ``2 + 2**-53/x`` at the steps, and 0 once
    ``pi/4 + x`` rounds to ``pi/4``; those whose law holds there, ``L``
    and all, are a real growth (``2 + 2**-53/x``), and the limit is infinite.
    Anything else is refused: the samples
    cannot tell a real growth from rounding (``(tan(x) - tan(pi/4))/(x -
    pi/4)`` at ``pi/4``, which is ``2 + 2**-53/(x - pi/4)`` at every float
    above ``pi/4`` within ``2**-28`` of it). ``outermost`` is the first
    sample point.
    """
    if _lost_before_growth(run.values, value, error):
        return None
    exact, departs = _power_run(run.values), _power_run(run.values, value)
    # Every sample exactly the one before times 2**0, to rounding, is f
    # growing by ulps (1 - eps log2(x) at 0): it grows away from the value.
    if exact == len(run.values) and _steady_blocks(run.values):
        return _infinite([run.values[-1] - value])
    # Departures exactly c/h**p from the value, or f = L + c/h**p for an L
    # not quite the value settled on (the steps show it): a real growth once
    # it has outgrown the value.
    stepped = _steps_power_run(run.values) > max(exact, departs)
    if (departs > exact or stepped) and _outgrown(run.values[-1], value):
        return _infinite([run.values[-1] - value])
    if exact > departs and not stepped:
        return None
    verdict = closer(run.values)
    if verdict is not None:  # the law ends (rounding's) or holds (the sign of its growth)
        return None if verdict == "ends" else _infinite([run.values[-1] - run.values[-2]])
    return _OneSided(
        value,
        math.inf,
        False,
        f"f settles near {value:.6g} from {outermost!r} on (from the {name}), but its "
        "last samples (or the extrapolations from them) leave it ever faster, the last "
        f"at {run.values[-1]:.3g}: either the limit is "
        "infinite or rounding inside f grows as x approaches x0, and the samples cannot "
        "tell which. Rewrite f without cancellation (math.expm1, math.log1p, "
        "2*math.sin(t/2)**2 for 1 - cos(t)) or take the limit of its exact form (sympy); "
        "pass full_output=True to get the estimate anyway",
    )


def _steady_blocks(values: list[float]) -> bool:
    """Whether the first and last blocks of ``NOISE_POINTS`` steps of ``values`` move alike.

    Alike to the rounding of their four end samples (``ULPS`` units each), as
    a log's equal steps a halving do (``1 - eps log2(x)`` at 0); steps that
    shrink from 10 ulps to 1 are a term settling.
    """
    m = NOISE_POINTS
    if len(values) < 2 * m + 1:
        return True
    first, last = values[m] - values[0], values[-1] - values[-1 - m]
    blur = 4.0 * ULPS * _EPS * max(map(abs, values))
    return abs(first - last) <= blur


ROOTS = (2, 3, 4)  # `_root_refined` removes the terms of a series in h**(1/k), k among these


def _root_refined(
    values: list[float], first: int, value: float, error: float
) -> tuple[float, float]:
    """The estimate from ``values`` with the terms in ``h**(j/k)``, ``j < k``, removed.

    ``f = L + c sqrt(h) + O(h)`` (``sqrt(x - 3)`` at 3, ``sqrt(4 - x**2)`` at
    2) is no power series in ``h``: its table cannot remove ``c sqrt(h)``, and
    the geometric tail of its changes is its error, ``sqrt(h)`` at the last
    sample, 6e-8 at ``h = 2**-48`` (``sqrt(x - 3)``). The combinations
    ``(sqrt(2) f(h/2) - f(h))/(sqrt(2) - 1)`` of neighbouring samples have the
    same limit and no ``sqrt(h)`` term (``h**1.5`` is left, 2e-22 there); they
    are extrapolated as any samples are (`_estimate`), with an error at least
    the rounding they carry (``sqrt(2) + 1 over sqrt(2) - 1`` times ``f``'s,
    amplified). A series in ``u = h**(1/3)`` or ``h**(1/4)`` (``x**(1/3)
    log(1 + 1/x**(1/3))`` at inf) is combined so once for each power of
    ``u`` below ``h`` (`_fraction_removed`). Their
    estimate refines ``value`` when ``f`` leaves it like ``c h**(1/k)`` (its
    last departures from it clear of their samples' rounding noise, `_noise`,
    shrink by ``1/k`` bit a step, `_law_tail`), its error is
    smaller and it lies within ``JUMP`` times the two errors of ``value`` (the
    geometric tail that is ``value``'s error misjudges a ``sqrt(h)`` term
    whose last samples are rounding's grain; `_deeper`'s lie within the two)
    must: a ``f`` with no such term (``(1 - cos t)/t**2``, whose
    estimate the combination, amplifying rounding 5.8 times, would only
    blur) or with another fractional power (``h**0.2``) keeps ``value``.
    ``first`` is the step of the first sample.
    """
    # Departures within the rounding noise of their samples do not count: the
    # noise of f = g - a grows toward x0 like ulp(a) (sqrt(x + sqrt(x)) - sqrt(x)
    # at inf is a multiple of ulp(sqrt(x)), 3.7e-9 at the last usual sample).
    noise = _noise(_table(values))[0]
    for k in ROOTS:
        removed, weight = _fraction_removed(values, [j / k for j in range(1, k)])
        if len(removed) < MIN_SAMPLES:
            continue
        refined, refined_error = _estimate(removed, first)
        rounding = weight * ULPS * _AMPLIFY[-1] * _EPS * max(abs(y) for y in values)
        refined_error = max(refined_error, rounding)
        departures = [
            abs(y - refined)
            for y, n in zip(values, noise, strict=True)
            if abs(y - refined) > JUMP * (refined_error + n)
        ]
        tail = _law_tail(departures, k)
        if tail is None:
            continue
        # (Not for sqrt(h): widened so, even by twice the gap, rootscan seeds 1
        # and 2 lost 60 of 507 answers, and lied 7 times, not 2: unrefined,
        # its estimates at d+ with sqrt(x - d) lie more.)
        if k > 2:
            refined_error = max(refined_error, _power_bias(values, first, k, refined, tail))
        # Within JUMP times the two errors: the geometric tail that is the error of
        # value misjudges a sqrt(h) term whose last samples are rounding's grain
        # (sqrt(x + sqrt(x)) - sqrt(x) at inf was 0.4999999884 +- 7.3e-9, 1.6 errors off).
        near = abs(refined - value) <= JUMP * (error + refined_error)
        if refined_error < error and near:
            return refined, refined_error
    return value, error


def _power_bias(
    values: list[float], first: int, k: int, refined: float, tail: list[float]
) -> float:
    """How far a power near ``1/k``, not ``1/k``, may put the value ``refined``.

    ``f = L + c h**0.335 + ...`` (``x**0.335 log(1 + 1/x**0.335)`` at inf) leaves
    the departures shrinking ``1/k`` bit a step to within what `_law_tail`
    allows, and a term in ``h**0.335`` that the combinations in ``h**(1/3)``
    do not remove, nor the table: the value was 1.0000000123 +- 4.8e-9. The
    value with the power the last departures show removed instead (``j`` times
    it, for ``j < k``) is off it by about that much; ``JUMP`` times that is
    returned (a true ``h**(1/3)`` shows 1/3 to within its ``h**(2/3)`` term:
    ``x**(1/3) log(1 + 1/x**(1/3))`` at inf gets 7.9e-10 where it was 6.9e-12).
    ``tail`` are the departures `_law_tail` found.
    """
    shown = math.log2(tail[0] / tail[-1]) / SMOOTH
    removed = _fraction_removed(values, [j * shown for j in range(1, k)])[0]
    return JUMP * abs(refined - _estimate(removed, first)[0])


def _fraction_removed(values: list[float], powers: list[float]) -> tuple[list[float], float]:
    """``values`` combined so that terms in ``h**p``, ``p`` among ``powers``, cancel.

    Each pass combines neighbouring samples as ``(q f(h/2) - f(h))/(q - 1)``,
    ``q = 2**p``; the passes together amplify rounding by the product of
    their weights ``(q + 1)/(q - 1)``, also returned (5.8 for ``sqrt(h)``, 265
    for ``h**(1/4), h**(1/2), h**(3/4)``).
    """
    weight = 1.0
    for p in powers:
        q = 2.0**p
        values = [(q * b - a) / (q - 1.0) for a, b in itertools.pairwise(values)]
        weight *= (q + 1.0) / (q - 1.0)
    return values, weight


STRAY = 2  # `_law_tail`: so many last departures may stray, as the rounding noise grows


def _law_tail(departures: list[float], k: int) -> list[float] | None:
    """``SMOOTH + 1`` ``departures`` in a row that shrink like ``c h**(1/k)``: 1/k bit a step.

    To an eighth of a bit for ``sqrt(h)`` (not ``h**0.25`` or ``h**0.75``, nor
    the noise or ``h**2`` of a ``f`` with no ``sqrt(h)`` term); to half the gap
    to ``1/(k + 1)`` bit for ``k > 2``, so that no two ``k`` both fit. The
    last of them, or up to ``STRAY`` before it: the noise of the last
    samples may be more than `_noise` shows (``97.16 (sqrt(1 + 0.525 sqrt(t))
    - 1)/sqrt(t)``, ``t = x + 10.73``, at ``-10.73+``, whose departures shrink
    by 0.50, 0.51, 0.52, 0.44 and 0.85 bit last: its refined value is 1.2e-10
    off, give or take 4.9e-10; the table's, 3.1e-7 off, give or take 1.5e-7).
    None if there are none such.
    """
    slack = 0.125 if k == 2 else 0.5 / (k * (k + 1))
    for end in range(len(departures), len(departures) - STRAY - 1, -1):
        tail = departures[max(end - SMOOTH - 1, 0) : end]
        law = all(abs(math.log2(a / b) - 1.0 / k) < slack for a, b in itertools.pairwise(tail))
        if len(tail) == SMOOTH + 1 and law:
            return tail
    return None


def _log_growth(values: list[float], first: int) -> tuple[float, float, float] | None:
    """``(d, 0.0, e)`` if ``f`` grows like ``d log2(1/h)``: steps that settle on ``d`` (not 0).

    ``e`` is the error of ``d``.

    The steps ``f(h/2) - f(h)`` between the ``values`` are extrapolated as
    any samples are (`_estimate`), with an error at least the rounding of
    the two samples of ``f`` that each joins (``ULPS`` units, amplified); a
    limit ``d`` they settle on (``ACCEPT``) farther from 0 than ``JUMP``
    times that error, with the last ``NOISE_POINTS`` steps all of its sign,
    adds ``d`` to ``f`` at every halving of ``h`` from there on: ``f`` tends
    to an infinity of the sign of ``d``, as slowly as a log. ``(x**x - 1)/x
    = log x + O(x log(x)**2)`` at 0+ steps by -0.6931473 +- 1.3e-7 (``-ln 2``).
    A ``f`` that converges as slowly, like ``1/log h`` (``log(2 x)/log(3 x)``
    at ``inf``), has steps that shrink like ``1/k**2`` at the ``k``-th
    halving, too slowly to settle on 0 or on anything else to ``ACCEPT``.
    Steps that leave ``d`` ever faster contradict it, as samples that leave
    a settled value do: ``log x + 1e-15/sqrt(x)`` at 0, which tends to
    ``inf``, steps by ``-ln 2`` give or take 1e-8 but leaves it like
    ``1/sqrt(h)``. Steps whose own changes settle on a ``delta`` clearly not
    0 (as ``d`` must be, with the rounding of the three samples each joins,
    the middle one twice) have no limit: they move by ``delta`` at every
    halving, and ``(d, delta, e)`` is returned, for a refusal. A tiny power's do: ``x**1e-4`` at
    0+, ``1 + p ln x + ...`` at the samples, steps by ``(2**-p - 1) x**p``,
    -6.9e-5 shrinking by ``2**-p`` a halving, and these changes settle on
    4.8e-9 +- 5.9e-12, far above their rounding (2.8e-14); a log's steps are
    constant but for terms that vanish, and their changes settle on 0.
    Where the steps shrink, ``delta`` times the number of its changes over
    the usual samples need only pass ``JUMP`` times twice their rounding
    (1.1e-13 in all at ``|f|`` near 1): rounding does
    not add up from halving to halving, a steady ``delta`` does
    (``x**1e-7``: 4.8e-15 +- 1.1e-16 a halving, 2.2e-13 over 46 halvings);
    so do steps that change by one amount over each of the last two blocks
    of halvings (`_steady_drift`: ``4 (x - 1)**3e-8 - 3`` at 1+), and
    that change a halving is returned for ``delta``; steps
    that grow make ``f``'s growth only faster, infinite all the same.
    ``first`` is the step of the first sample.
    """
    steps = [b - a for a, b in itertools.pairwise(values)]
    if len(steps) < MIN_SAMPLES:
        return None
    d, error = _estimate(steps, first + 1)
    rounding = 2.0 * ULPS * _AMPLIFY[-1] * _EPS * max(abs(y) for y in values)
    error = max(error, rounding)
    tail = steps[-NOISE_POINTS:]
    if (
        not _settled(d, error)
        or not abs(d) > JUMP * error
        or not all(_sign(y) * _sign(d) > 0.0 for y in tail)
    ):
        return None
    # Steps that leave d ever faster contradict it, as samples that leave a
    # settled value do (log x + 1e-15/sqrt(x) at 0 steps by -ln 2 + 4e-9 ...).
    if _divergence([y - d for y in steps]):
        return None
    # The steps settle only if their changes settle on 0: a change delta
    # clearly not 0 at every halving moves them on for ever (a tiny power's
    # geometric steps, whose ratio 2**-p is too near 1 for `_estimate`'s tail).
    drift = [b - a for a, b in itertools.pairwise(steps)]
    delta, delta_error = _estimate(drift, first + 2)
    # Steps that shrink by a steady drift sum to a finite limit. Rounding moves
    # a step by at most twice `rounding`, and such moves do not add up over the
    # halvings; a drift settled on delta does, to len(drift) times delta over
    # the usual samples: (x - 1)**1e-7 at 1+ drifts by 4.8e-15 +- 1.1e-16 a
    # halving, below 2.8e-14, but by 2.2e-13 over the run. (Steps that grow
    # make f's growth only faster: infinite all the same.)
    floor = 2.0 * rounding / (len(drift) if delta * d < 0.0 else 1)
    if abs(delta) > JUMP * max(delta_error, floor):
        return d, delta, error
    # Summed over a block of halvings the drift is the change of one step,
    # with the rounding of two steps alone (4 (x - 1)**3e-8 - 3 at 1+).
    return d, _steady_drift(steps, values, d), error


def _steady_drift(steps: list[float], values: list[float], d: float) -> float:
    """The change a halving of ``steps`` that shrink by one steady amount (a tiny power's); else 0.

    Summed over a block of halvings the drift telescopes into the change of
    one step, ``steps[j] - steps[i]``, whose rounding is that of the two
    steps alone (``ULPS`` units of each of their four samples), not
    amplified by an extrapolation and not added up: a steady drift sums to
    ``m`` times itself over ``m`` halvings, rounding does not. So the steps
    change by the same amount over the last two blocks of ``m`` halvings
    (half the steps each), each clearly more than that rounding (``JUMP``
    times) and against ``d`` (they shrink): ``4 (x - 1)**3e-8 - 3`` at 1+
    steps by -8.3e-8, and its steps change by 4.0e-14 over each of the last
    two blocks of 23 halvings, 2.8 times ``JUMP`` times their rounding
    (3.6e-15), while the drift extrapolated, 1.8e-15 +- 4.4e-16 a halving,
    is within the extrapolation's rounding even summed over the samples. A
    log's steps change by rounding only, once the terms beside it have
    vanished, and a vanishing term (``1e-7 log(x) + x`` at 0+) changes the
    steps of the earlier block ``2**m`` times more than the last: not
    steady. Only where the steps shrink: steps that grow make ``f``'s
    growth only faster, infinite all the same.
    """
    m = (len(steps) - 1) // 2
    if m < 1:
        return 0.0
    last, before = steps[-1] - steps[-1 - m], steps[-1 - m] - steps[-1 - 2 * m]
    rounding = 2.0 * ULPS * _EPS * max(abs(y) for y in values[-2 * m - 2 :])  # of one step
    steady = (
        _sign(last) == _sign(before) == -_sign(d)
        and min(abs(last), abs(before)) > JUMP * 2.0 * rounding
        and abs(last - before) <= JUMP * 4.0 * rounding
    )
    return (last + before) / (2 * m) if steady else 0.0


def _off_the_log(values: list[float], first: int, deep: list[float]) -> int | None:
    """The index of the deepest of ``deep`` off the line of a log's steps, or None.

    ``values`` are the usual samples (``first`` the step of the first),
    ``deep`` ``f`` at the steps closer in (`_closer_in`), ``-log2(DEEP_RATIO)``
    halvings apart. Where the usual samples step like a log, ``d`` at every
    halving (`_log_growth`), a log goes on so: ``f`` ``n`` halvings past the
    last usual sample is ``d n`` past it, to ``n`` times the error of ``d``
    and rounding (``(x**x - 1)/x = log x + O(x log(x)**2)`` too: the term
    left shrinks). A tiny power's steps shrink by ``2**-p`` a halving and
    fall behind that line ever farther, as ``n**2``: ``4 x**3e-8 - 3`` at 0+, whose
    steps change by 1.8e-15 +- 4.4e-16 a halving, within their rounding at the
    usual samples, is 5.7e-11 behind it at the deepest step, 256 halvings on,
    where the line's error is 3.6e-12. Only behind the line: beyond it, toward
    the infinity, ``f`` grows faster than a log (``log x - 1e-40/x``), and its
    limit is that infinity all the more. The run where ``deep`` get stuck and
    the sample before it are rounding's (`_deeper_against`).
    """
    growth = _log_growth(values, first)
    if growth is None:
        return None
    d, _, error = growth
    stuck = _stuck_start(deep)
    kept = deep[: max(stuck - 1, 0)] if stuck < len(deep) else deep
    if not kept:
        return None
    halvings = round(-math.log2(DEEP_RATIO)) * len(kept)
    law = values[-1] + halvings * d
    room = JUMP * (halvings * error + ULPS * _EPS * max(abs(values[-1]), abs(kept[-1])))
    # Beyond the line, toward the infinity, f grows faster than a log: still infinite.
    return len(kept) - 1 if (kept[-1] - law) * math.copysign(1.0, d) < -room else None


def _on_the_log(  # noqa: PLR0917 - the state of _one_sided
    result: _OneSided,
    run: _Run,
    deep: list[float],
    point: Callable[[float], float],
    h: float,
    name: str,
) -> _OneSided:
    """The infinite ``result``, or a refusal when ``deep`` leave a log's line (`_off_the_log`).

    ``deep`` are ``f`` at the steps closer in than ``h``, the last usual step.
    """
    first = run.last + 1 - len(run.values)
    behind = _off_the_log(run.values, first, deep)
    if behind is None:
        return result
    x = point(h * DEEP_RATIO ** (behind + 1))
    return _OneSided(
        result.value,
        math.inf,
        False,
        f"f steps like a log at the usual points (from the {name}), as if it grew "
        f"without bound, but closer to x0, at {x!r}, it is {deep[behind]:.17g}, off the "
        "line that a log's steady steps draw: its steps shrink, as a small power's do "
        "(4 x**3e-8 - 3 at 0 steps by -8.3e-8, shrinking by 1.8e-15 a halving, and tends to -3), "
        "and the limit cannot be told; pass full_output=True to get the estimate anyway",
    )


def _stopped_past(
    values: list[float], value: float, between: Callable[[int, float], float]
) -> bool:
    """Whether ``values`` leave ``value`` ever faster and then stop on a constant past them.

    The last 8 samples before a run of ``STUCK`` equal ones or more grow away
    from ``value`` without slowing (`_divergence`), the run is past the
    last of them (away from ``value``, or farther from 0) and not 0, and
    ``f`` keeps away from ``value`` between the last of them and the run
    (`_back_between`; ``between(i, t)`` is ``f`` at ``t`` times the step of
    sample ``i``).
    Rounding that cancels all of ``f``'s digits there leaves 0 of it
    (`_growth_before_stuck`: ``(sin h - h)/h**3`` is -0.125 at ``2**-25``,
    then 0); a constant past the growth, across 0 or nearer it than its
    last sample as well (``(exp(x) - 1)/x - min(1e-30/|x|**3, 5)`` at 0+ is
    0.37 at ``2**-33`` and -4 from ``2**-34`` on), is taken for where it
    stops, as a cap does. Rounding that cancels a term
    beside a constant drops ``f`` onto the constant, which may be past:
    ``(sin h - h)/h**3 + 1`` is 0.875 at ``2**-25``, then 1, but between the
    samples ``f`` goes back past 5/6 (0.70 at ``0.75 * 2**-25``), and the
    value stands; so does ``+ 0.2``'s (0.075, then 0.2, but -0.096 there;
    value 1/30). ``1 + min(1e-20/x**4, 1e30)`` at 0+ is 1 to rounding at the
    first samples, grows 16 times a halving from 1.1e-8 at ``2**-10`` to
    2.3e29 at ``2**-41``, and is 1e30 from ``2**-42`` on, and between (7.4e29
    at ``0.75 * 2**-41``): its limit is 1e30 + 1, not the far-field 1 that
    the table settles on. How far the growth got does not matter: ``1 +
    min(1e-20/x**2, 0.5)`` leaves 1 by 0.18 at ``2**-32``, less than 1
    itself, and is 1.5 from ``2**-33`` on, and 1.33 between: its limit is
    1.5.
    """
    start = _run_start(values)
    if len(values) - start < STUCK or start == 0:
        return False
    last, constant = values[start - 1], values[-1]
    # Past them and not 0 (what rounding leaves of a numerator cancelled to
    # nothing): farther from 0, or away from the value, as a cap nearer 0
    # than they are is.
    beyond = (constant - last) * math.copysign(1.0, last) > 0.0
    away = _sign(constant - last) * _sign(last - value) > 0.0
    past = (beyond or away) and constant != 0.0
    diverges = _divergence([y - value for y in values[:start]])
    return past and diverges and not _back_between(last, value, lambda t: between(start - 1, t))


def _back_between(last: float, value: float, between: Callable[[float], float]) -> bool:
    """Whether ``f`` is back at ``value`` or past it between its ``last`` sample and a run.

    ``between(t)`` is ``f`` at ``t`` times the step of the ``last`` sample
    before the run, for the shares ``t`` in ``BETWEEN`` (NaN where it fails),
    in the halving where the departure from ``value`` is largest. A term that
    grows and stops on a cap there has left ``value`` at every point of it,
    however little (``1 + min(1e-20/x**2, 0.5)`` by 0.18 at ``2**-32``, 0.33
    at ``0.75 * 2**-32``), whatever rounding noise rides on it.
    Rounding's growth is a numerator cancelled to a few ulps: at the steps
    ``h = 2**-k`` its ulps fall alike, so that its departures may be an exact
    law (``(tan h - sin h)/h**3 - 0.5`` is ``-2**-53/h**2`` from ``2**-13``
    to ``2**-25``, where it is -0.125, and then -0.5 where ``tan h - sin h``
    rounds to 0, just as ``max(-2**-53/h**2, -0.5)`` would be); between them
    its ulps fall otherwise, and the departure, all rounding, goes back to
    0 or past (0.093 at ``0.75 * 2**-25``). Nearest the middle of the halving
    first, to the first return.
    """
    return any(_sign(between(t) - value) * _sign(last - value) <= 0.0 for t in BETWEEN)


def _growth_before_stuck(run: _Run) -> _Run:
    """``run`` without the constant run it ends on, if that breaks off a growth; else ``run``.

    Rounding can cancel all the digits of a growing ``f`` close to ``x0``:
    ``(1 - cos x)/x**3`` grows like ``1/(2 x)`` down to ``x = 2**-26``, and
    is exactly 0 from ``2**-27`` on, where ``cos x`` rounds to 1. As for a
    finite limit (`_until_stuck`), the samples past where ``f`` gets stuck
    on one rounded value are not used: the growth is judged on those before
    (`_grows`). Only a run of ``STUCK`` samples or more, from a step past
    ``TRUSTED_TAIL`` (where `_constant_run` leaves a run to rounding too),
    that falls back from the last sample before it, toward the samples
    farther out, breaks off a growth: one beyond it (``min(1/x, 1e9)`` at 0)
    may be where ``f`` stops.
    """
    start = _run_start(run.values)
    before, constant = run.values[:start], run.values[-1]
    first = run.last + 1 - len(run.values)
    if len(run.values) - start < STUCK or not before or first + start <= TRUSTED_TAIL:
        return run
    falls_back = (constant - before[-1]) * math.copysign(1.0, before[-1]) < 0.0
    if not falls_back:
        return run
    return _Run(before, run.last - (len(run.values) - start), run.note)


def _at_the_floor(f: _Counted, point: Callable[[float], float], h: float) -> float:
    """``f`` at the last of the steps closer in than ``h`` (`_closer_in`); NaN where it fails.

    A term that the usual samples do not show, ``k / h**p`` too small there
    beside a quiet ``f`` (``x**0.75 + 1e-70/x`` at 0+: 5.6e-56 at ``h =
    2**-49``, where the usual samples give 1.8e-12 give or take 3.6e-12), grows
    toward ``x0`` and is largest at the deepest step, ``h
    DEEP_RATIO**DEEP_STEPS`` (about ``1e-92``): one sample there shows it.
    """
    return _sampled(f, point(h * DEEP_RATIO**DEEP_STEPS))


def _grown_onto(
    f: _Counted,
    point: Callable[[float], float],
    h: float,
    *,
    usual: list[float],
    deep: list[float],
    result: _OneSided,
) -> tuple[float, float] | None:
    """Where ``f`` grows onto the run that ``deep`` gets stuck on, off the value: ``(x, f(x))``.

    ``deep`` are ``f`` at the steps closer in than ``h``, the last usual step
    (`_closer_in`). A run on which they get stuck is rounding's when rounding
    cancels the digits that carry ``x`` (``1 + x`` is 1 from a point on):
    that drops ``f`` onto the run from where it was, by more than it moved
    before (``(exp(2 + x) - exp(2))/x`` is 7.25, 7.5, 7.0, 6.0 at ``x =
    2**-48 .. 2**-51``, then 0; ``(1 + x)**(-5/x)`` is ``exp(-5)`` down to
    ``2**-52``, then 1). A term that grows and stops on a constant reaches it
    on its way: ``(exp(1.1 x) - 1)/(1.1 x) + min(1e-16/x, 10)``, whose
    quotient rounds to 0 before the cap holds, is 1.8, 3.6 and 7.2 at ``x =
    2**-54 .. 2**-56`` and 10 from ``2**-57`` on, so its run is no rounding,
    and its limit, 11, a value ``f`` takes nowhere. So ``f`` is sampled at
    the halvings of the step between the last sample before the run and the
    run's first, where the run starts (by bisection), and at the three
    halvings before it. ``f`` grows onto the run when its steps there all
    head for it, the first past the value's error and the samples'
    rounding, each larger than the one before (a law ``c / h**p`` steps by
    ``2**p`` a halving), and the step onto the run is no larger than the
    growth would take next: it stops ``f`` short, as a cap does. Toward the
    run from the last sample before it, not from the value: where the rest
    of ``f`` rounds to 0 first, ``f`` falls past the run and then grows onto
    it (``(exp(x) - 1)/x + min(3.66e-18/x, 0.578)`` is 0.033 at ``2**-53``,
    then 0.066, 0.13, 0.26, 0.53 and 0.578 on). Returns the run's first
    point sampled and its value, or None.
    """
    stuck = _stuck_start(deep)
    if stuck == len(deep) or _fits(deep[stuck], result):
        return None
    constant = deep[stuck]
    top = h * DEEP_RATIO**stuck  # the step of the last sample before the run
    halvings = round(-math.log2(DEEP_RATIO))  # the run's first sample is this many in
    known = {0: deep[stuck - 1] if stuck else usual[-1], halvings: constant}
    if not stuck:  # the usual samples are at the halvings before h
        known.update({-1 - k: y for k, y in enumerate(reversed(usual[:-1]))})

    def at(j: int) -> float:
        if j not in known:
            known[j] = _sampled(f, point(top * 2.0**-j))
        return known[j]

    lo, hi = 0, halvings  # f is off the run at lo and on it at hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if at(mid) == constant else (mid, hi)
    # Nearest first, so that f falling onto the run costs no more samples.
    # Toward the run from the last sample before it (f may have fallen past it
    # first, where the rest of f rounds to 0: min(k/x, C) under a quotient).
    onto = abs(constant - at(hi - 1))  # NaN where f failed
    sign = math.copysign(1.0, constant - at(hi - 1))
    second = (at(hi - 1) - at(hi - 2)) * sign
    if not (onto > 0.0 and second > 0.0):
        return None
    first = (at(hi - 2) - at(hi - 3)) * sign
    room = JUMP * result.error + ULPS * _EPS * max(abs(at(hi - 3)), abs(at(hi - 2)))
    grows = room < first < second and onto <= second * (second / first)
    return (point(top * 2.0**-hi), constant) if grows else None


def _fits(y: float, result: _OneSided) -> bool:
    """Whether ``y`` is ``result``'s value to ``JUMP`` times its error and ``y``'s rounding."""
    room = JUMP * result.error + ULPS * _EPS * max(abs(y), abs(result.value))
    return abs(y - result.value) <= room


def _within_error(y: float, result: _OneSided) -> bool:
    """Whether ``y`` is ``result``'s value to its error and ``y``'s rounding.

    ``f`` at the deepest step (`_at_the_floor`) farther than that from a
    value (but within ``JUMP`` times its error, `_fits`) may be where a slow
    ``f`` goes: ``541.046 + 1.81e-7/log(518.57/x)`` at inf was 541.0459999937261
    +- 2.8e-9, and is 541.046 - 8.8e-10 at x = 6.5e91 (1.9 errors from the value).
    """
    room = result.error + ULPS * _EPS * max(abs(y), abs(result.value))
    return abs(y - result.value) <= room


def _short_of_growth(
    values: list[float], y: float, sign: float, steps: float = 0, slack: float = 1.0
) -> bool:
    """Whether ``y``, ``f`` at the deepest step, falls short of the growth ``values`` end with.

    ``values`` are the usual samples of an ``f`` whose limit is infinite with
    ``sign``; ``y`` is ``f`` at ``DEEP_RATIO**DEEP_STEPS`` times the last step
    (`_at_the_floor`; NaN where ``f`` fails). Their last two changes, ``d``
    then ``r d``, set the law: ``c / h**p`` changes by ``2**p`` times as much
    at each halving, ``log(h)`` by as much, so ``f`` at the deepest step is
    past the last sample by ``d (r + r**2 + ... + r**n)`` for the ``n``
    halvings there (``r`` no less than 1: the slowest growth, a log's,
    for one whose changes shrink). A cap that stops the growth
    (``1 + min(1e-20/x**2, 1e30)`` at 0: 3.2e9 at the last step, a law that
    predicts 1e164 at the deepest, 1e30 there) leaves ``f`` short of it, by
    more than half; so does ``f`` that fails there, or falls back. Then
    the steps between are sampled (`_deeper_against`). ``steps``, when
    given, is ``n``: ``values`` are then samples a step apart, and ``y`` the
    next. Changes within ``values``' rounding set no law. ``slack``: the
    bits short of the law allowed.
    """
    gone = (y - values[-1]) * sign
    if not gone > 0.0:  # NaN where f fails, or not beyond the last sample
        return True
    law = _law_reach(values, sign, steps or round(-math.log2(DEEP_RATIO)) * DEEP_STEPS)
    # (no law to compare with: beyond the last is enough)
    return law is not None and math.log2(gone) < law - slack


def _law_reach(values: list[float], sign: float, n: float) -> float | None:
    """``log2`` of how far past ``values[-1]`` their growth goes in ``n`` halvings, or None.

    The law of `_short_of_growth`; None where the last two changes are
    within the rounding of ``values``.
    """
    d, before = (values[-1] - values[-2]) * sign, (values[-2] - values[-3]) * sign
    blur = ULPS * _EPS * max(abs(values[-1]), abs(values[-2]), abs(values[-3]))
    if not (d > blur and before > blur):
        return None
    ratio = max(d / before, 1.0)
    # log2 of d (r + ... + r**n) = d r (r**n - 1)/(r - 1), in logarithms:
    # it is soon past any float.
    if ratio == 1.0:
        law = math.log2(d) + math.log2(n)
    else:
        e = n * math.log(ratio)  # r**n - 1 = expm1(e), past the floats from e = 709.78 on
        huge = e >= math.log(sys.float_info.max)
        powered = e / math.log(2.0) if huge else math.log2(math.expm1(e))
        law = math.log2(d) + math.log2(ratio) + powered - math.log2(ratio - 1.0)
    return law


def _infinite_closer_in(
    f: _Counted, point: Callable[[float], float], h: float, run: _Run, value: float
) -> list[float]:
    """``f`` closer in than ``h`` that may contradict the infinite ``value`` (`_deeper_against`).

    A growth that stops on a constant (a cap) between the last usual step
    ``h`` and the deepest step leaves ``f`` there short of the growth its last
    samples keep (`_short_of_growth`): then ``f`` is sampled at the steps
    between, where `_deeper_against` refuses a run that stops a growth. A
    walk already taken there (`_law_closer_in`, which found ``f`` on the law
    at every step) is used as it is. Not where the usual samples end on
    rounding's constant, which broke the growth off (`_growth_before_stuck`):
    ``f`` stays on it closer in. Returns the samples, or none.
    """
    if _growth_before_stuck(run) is not run:
        return []
    walked = f.walked.get(point(h * DEEP_RATIO))
    if walked is not None:
        return walked
    floor = _at_the_floor(f, point, h)
    if not _short_of_growth(run.values, floor, math.copysign(1.0, value)):
        return []
    return _until_run(_closer_in(f, point, h, deepest=floor))


def _one_sided(
    f: _Counted, point: Callable[[float], float], scale: float, x0: float, name: str
) -> _OneSided:
    run = _samples(f, point, scale, far=math.isinf(x0))
    if isinstance(run, _OneSided):
        return run
    run = _past_the_plateau(run)
    result = _settled_elsewhere(_one_sided_from(f, point, scale, x0, name, run=run), run, name)
    if run.after_end:
        first = run.last + 1 - len(run.values)
        result = _inside_the_end(f, point, scale * 2.0 ** -(first + 2), run.values, result, name)
    if run.ends is not None and not result.converged:
        return _outside_the_domain(result, run.ends, x0, name)
    return result


def _past_the_plateau(run: _Run) -> _Run:
    """``run``, or its samples past a plateau that ``f`` leaves for good and settles apart from.

    A plateau: ``STUCK`` or more equal samples in a row from the first
    (`_stuck_start`), which `_estimate` takes for ``f`` stuck on a rounded
    value and so keeps, dropping every sample after it. But ``f`` that
    rounds to a constant far from ``x0`` (``1 - exp(-t/w)`` is exactly 1
    for ``t > 38 w``) and falls smoothly off it closer in is not stuck:
    ``1 - exp(-t/1e-3)`` at 0+ is 1.0 from ``t = 0.25`` to 0.0625, then
    0.99999999999997, ..., 0.86 at 0.00195, and halves on to 1.8e-12 at
    1.8e-15, and its limit, 0, was answered 1.0 +- 2.7e-14. So when the
    samples after the plateau, ``MIN_SAMPLES`` at least, each lie farther
    from it than the one before (leaving it for good, not noise around it)
    and settle (`_estimate`) farther from it than ``JUMP`` times their
    error, only they are ``f`` near ``x0``: the plateau is cut off, as a
    failure farther out cuts the samples (`_samples`). Not a cliff off the
    plateau onto rounding's constant, whose samples after it are that
    constant, not distinct ones.
    """
    values = run.values
    # From the first sample: a run that f reaches and leaves again is left to `_estimate`.
    if _stuck_start(values) != 0:
        return run
    plateau, end = values[0], 0
    while end < len(values) and values[end] == plateau:
        end += 1
    rest = values[end:]
    # A fall: distinct samples, each farther off; not a cliff onto rounding's
    # constant ((1 - cos x)/x**2 at 0 is exactly 0.5 from x = 2**-13, 0 from 2**-27 on).
    moving = _until_stuck(rest)
    distances = [abs(y - plateau) for y in moving]
    if len(moving) < MIN_SAMPLES or not all(a < b for a, b in itertools.pairwise(distances)):
        return run
    value, error = _estimate(rest, run.last + 1 - len(rest))
    if not JUMP * error < abs(value - plateau):
        return run
    # (f failing beyond the plateau is no longer next to the first sample: `_inside_the_end`)
    return dataclasses.replace(run, values=rest, after_end=False)


ELSEWHERE_SPREAD = 2.0**-10  # three samples in a row this close, beside their distance ...


def _settled_elsewhere(result: _OneSided, run: _Run, name: str) -> _OneSided:
    """``result``, or a refusal where ``f`` steps off its value onto another, closer to ``x0``.

    Onto another: three distinct samples in a row (`_samples`' ``run``)
    within ``ELSEWHERE_SPREAD`` of their distance from the value, which is
    beyond ``JUMP`` times its error and the rounding noise there (`_noise`),
    where f is above ``DROP`` of the value (a fall below is left to
    `_lost_drop`, which refuses only a drop into lost digits, and to
    `_past_the_plateau`, which follows a smooth fall off a plateau: ``0.001
    + 0.999 (1 - exp(-t/1e-7))`` at 0+ was 1 +- 5.2e-9, converged, for
    0.001, test_review15; a rise of any size is this one's: ``exp(t) + exp(-t/1e-7)`` at 0+ was 1
    +- 7e-15 for 2, its samples from 1e-9 on 1.99 to 2.0), after
    a sample ``JUMP`` times nearer the value (far out, ``f`` may still be on
    the far side of a cut-off). The table reads such a step as noise, and
    keeps the value from before it: ``(exp(t) - 1)/t + 0.0038 (x > 1.9e-5)``, ``t = x/818.6``,
    at 0+ was 1.0037948362 +- 1.2e-10, while its six samples from ``x =
    1.5e-5`` to 4.8e-7 are 1 to within 2.3e-8, and those after it to within
    the cancellation noise of ``exp(t) - 1`` (farscan seed 4); so is a pole passed
    (``sin(t)/(x - x0) - 3e-11 D/(|x - x0| - D)``). Rounding noise as large
    would scatter them.
    """
    if not result.converged or not math.isfinite(result.value):
        return result
    value, values = result.value, run.values
    noise = _noise(_table(values))[0]
    # (HORIZON samples after the three at least, as the noise there is judged from them:
    # log(1 + u)/u at -3e5+, u = (x + 3e5)/22.98, steps onto 1 + 7.4e-8 over its
    # last three, where 1 + u rounds alike.)
    for i in range(1, len(values) - 1 - HORIZON):
        three = values[i - 1 : i + 2]
        distance = abs(values[i] - value)
        apart = JUMP * max(result.error, noise[i]) < distance and abs(values[i]) > DROP * abs(value)
        tight = max(three) - min(three) < ELSEWHERE_SPREAD * distance
        was_on = any(JUMP * abs(y - value) < distance for y in values[: i - 1])
        if apart and tight and len(set(three)) == 3 and was_on:
            return _OneSided(
                value,
                math.inf,
                False,
                f"f settles near {value:.10g} at the usual points (from the {name}), but "
                f"closer to x0, over three of them in a row, it stays near {values[i]:.10g}: "
                "f steps off that value between the samples (a cut-off, a pole), and the samples "
                "cannot tell its limit; pass full_output=True to get the estimate anyway",
            )
    return result


def _inside_the_end(  # noqa: PLR0917 - the state of _one_sided
    f: _Counted,
    point: Callable[[float], float],
    h: float,
    samples: list[float],
    result: _OneSided,
    name: str,
) -> _OneSided:
    """``result``, or a refusal when ``f`` just inside its domain's end drops onto the samples.

    ``f`` raised at ``2 h``, the step before the first sample, at ``h``: its
    domain may end between. The walk never reads ``f`` there, and rounding may
    leave its samples only a small term of ``f``: ``(1 - cos t)/t**2 + 2.8e-4
    (sqrt(1 - h/D) - 1)``, ``t = h/7243``, ``D = 1.082e-4``, is only the end's
    term, -9.6e-5 and halving, at every sample from ``h = 0.56 D`` on (``cos
    t`` rounds to 1), read as 0 (the limit is 0.5); but from ``0.7 D`` to the
    end ``1 - cos t`` is ``eps/2``, and ``f`` is 0.69, 0.51, 0.50 at 0.85,
    0.99, 1.0 ``D``. So the end is sought by ``END_BISECTIONS`` bisections of
    ``[h, 2 h]``; where ``f`` at the points found inside, outward to inward,
    drops onto the samples (below ``DROP`` of the point before, `_collapse`)
    after at least two points, the last of them farther from the drop than
    the one before, as the grain ``eps/2`` over ``t**2`` grows inward, the
    samples cannot tell ``f``'s limit: refused. A smooth ``f`` near its end
    (``sqrt(D - h)``, ``1/(D - h)``) does not fall a hundredfold between two
    points that move away from the end.
    """
    if not (result.converged and math.isfinite(result.value)):
        return result
    inside, outside, found = h, 2.0 * h, []
    for _ in range(END_BISECTIONS):
        middle = 0.5 * (inside + outside)
        y = _sampled(f, point(middle))
        if math.isnan(y):
            outside = middle
        else:
            inside = middle
            found.append((middle, y))
    found.sort(reverse=True)  # outward to inward, then the samples
    values = [y for _, y in found] + samples
    at = [point(middle) for middle, _ in found] + [point(h * 2.0**-k) for k in range(3)]
    start = _collapse(values, DROP)
    if not 2 <= start <= len(found) + 2:  # after more walk samples: `_lost_early`'s
        return result
    last, before, after = values[start - 1], values[start - 2], values[start]
    if not abs(last - after) > abs(before - after) + ULPS * _EPS * abs(before):
        return result
    return _OneSided(
        result.value,
        max(abs(last - result.value), result.error),
        False,
        f"f fails at {point(2.0 * h)!r}, closer to x0 (from the {name}) it is {before:.6g} at "
        f"{at[start - 2]!r}, then {last:.6g} at {at[start - 1]!r}, farther from what f drops "
        f"to closer in ({after:.6g} at {at[start]!r}), as when rounding cancels all the "
        "digits of a term in f and leaves only a small term beside it (1 - cos(t) is exactly "
        "0 for |t| < 1e-8): the samples cannot tell the limit. Rewrite f without the "
        "cancellation (2*math.sin(t/2)**2 for 1 - cos(t), math.expm1(t) for exp(t) - 1); "
        "pass full_output=True to get the estimate anyway",
    )


def _outside_the_domain(
    refused: _OneSided, ends: tuple[float, float, DomainError], x0: float, name: str
) -> _OneSided:
    """``refused``, said as what it is: ``f`` fails at every point sampled past ``ends[0]``.

    ``sqrt(1e10 - x)`` at infinity is 1e5 - x/2e5 - ... out to 2**33, leaves
    1e5 ever faster there, and raises from 2**34 on: a domain that ends at
    1e10, not a growth or rounding noise the samples cannot tell apart.
    """
    last, first_failed, error = ends
    cause = error.__cause__ if error.__cause__ is not None else error
    where = f"beyond x = {last!r}" if math.isinf(x0) else f"between x = {last!r} and x0"
    needs = (
        "a limit at infinity needs f defined for all large x"
        if math.isinf(x0)
        else NEEDS_F_CLOSE_TO_X0
    )
    side = "left" if (x0 == math.inf or name == "left") else "right"
    return _OneSided(
        refused.value,
        math.inf,
        False,
        f"f fails at every point sampled {where} (from the {name}): f({first_failed!r}) raised "
        f"{type(cause).__name__}: {cause}; {needs}. If the domain of f ends there, "
        f"take the limit at its end (limit(f, end, side={side!r})); if rounding inside "
        "f makes it fail there, rewrite f so that it does not. The samples before "
        f"the failures do not settle (the estimate {refused.value:.6g}); pass "
        "full_output=True to get the estimate anyway",
    )


def _few_before_the_run(
    f: _Counted,
    point: Callable[[float], float],
    scale: float,
    samples: list[float],
    first: int,
    *,
    name: str,
    x0: float,
) -> _OneSided | None:
    """A refusal when samples farther out show that a run f ends on is rounding's, or None.

    Where ``PRE_MIN`` to ``MIN_SAMPLES - 1`` samples come before the run,
    `_constant_run` cannot tell where they head, and the samples are
    extrapolated: the run's value, give or take the last sample's distance
    from it, which may miss the limit; ``MIN_SAMPLES`` of them can tell.
    ``-log(1/(1 + exp(-x)))/exp(-x)`` at infinity (limit 1) is 0.99095,
    0.99983, 0.99999994, 0.99940 at ``x = 4 .. 32``, then exactly -0.0 (``1
    + exp(-x)`` rounds to 1): -0 +- 0.9994. With ``f`` at 2 and 1 too, they
    head for 0.9985 +- 0.0081, and the run is rounding's (refused, with the
    rewrite: log1p).
    Only a refusal is taken from them: what the run's samples settle, they
    settle as before.
    """
    start = _run_start(samples)
    if not (PRE_MIN <= start < MIN_SAMPLES and len(samples) - start >= STUCK):
        return None
    h = scale * 2.0 ** -(first + 2)
    outer = _farther(f, point, h, samples[-1], MIN_SAMPLES - start, reach=_run_reach(x0))
    wider = outer[::-1] + samples
    judged = _constant_run(wider, first - len(outer), point, scale, name, f=f, x0=x0)
    return judged if judged is not None and not judged.converged else None


class _Exact(float):
    """``x`` as ``f`` sees it in `_unless_cancelled`: a float that carries its exact value.

    ``+ - * /`` and whole powers (up to ``EXACT_POWER``) of an `_Exact` and an
    int or a float give an `_Exact` whose ``exact`` is the result of the same
    operation on the operands' exact values (a Fraction), not rounded: what
    ``f``'s formula is on those floats. Other operations and functions
    (``math.sqrt``, ``%``) take it as the float it is, and what they return
    counts as exact.
    """

    exact: fractions.Fraction

    @classmethod
    def of(cls, y: float, exact: fractions.Fraction) -> _Exact:
        made = cls(y)
        made.exact = exact
        return made

    def __neg__(self) -> _Exact:
        return _Exact.of(-float(self), -self.exact)

    def __abs__(self) -> _Exact:
        return _Exact.of(abs(float(self)), abs(self.exact))


EXACT_POWER = 64  # whole powers of an `_Exact` kept exact up to this exponent
EXACT_BITS = 1 << 16  # and exact values up to this many bits (beyond: the float's)


def _exact_value(y: object) -> fractions.Fraction | None:
    """The exact value of an operand of `_Exact`'s arithmetic; None if not a finite number."""
    if isinstance(y, _Exact):
        return y.exact
    if isinstance(y, bool) or not isinstance(y, (int, float)):
        return None
    return fractions.Fraction(y) if math.isfinite(y) else None


def _exactly(name: str) -> Callable[..., object]:
    """The method ``name`` of `_Exact`: float's, its exact value carried along."""
    base = getattr(float, name)
    operation = name.strip("_").removeprefix("r")
    reflected = name.startswith("__r")

    def method(self: _Exact, other: object) -> object:
        y = base(self, other)
        a, b = (_exact_value(other), self.exact) if reflected else (self.exact, _exact_value(other))
        if not isinstance(y, float) or not math.isfinite(y) or a is None or b is None:
            return y
        if operation == "pow" and not (b.denominator == 1 and abs(b) <= EXACT_POWER):
            return _Exact.of(y, fractions.Fraction(y))
        try:
            exact = getattr(operator, operation)(a, b)  # a Fraction's whole power is exact
        except ZeroDivisionError:
            return y
        size = exact.numerator.bit_length() + exact.denominator.bit_length()
        return _Exact.of(y, exact if size <= EXACT_BITS else fractions.Fraction(y))

    return method


for _name in ("add", "sub", "mul", "truediv", "pow"):
    setattr(_Exact, f"__{_name}__", _exactly(f"__{_name}__"))
    setattr(_Exact, f"__r{_name}__", _exactly(f"__r{_name}__"))


def _unless_cancelled(  # noqa: PLR0917 - the state of _one_sided_from
    f: _Counted,
    point: Callable[[float], float],
    h: float,
    x0: float,
    constant: _OneSided | None,
    samples: list[float],
    name: str,
) -> _OneSided | None:
    """``constant``, f's value at every sample at infinity, or a refusal where it is rounding's.

    ``x*((2**60 + 1/x) - 2**60)`` is 0.0 at every float ``x >= 1/128``, as
    ``2**60 + 1/x`` rounds to ``2**60``, though it is 1 for every ``x``: no
    sample shows the term rounding lost. So ``f`` is asked once more, at
    the deepest step (``h``, the last usual step, times ``DEEP_RATIO**DEEP_STEPS``),
    on an `_Exact` ``x``: where ``f`` is the constant there too, but its
    ``+ - * /`` and whole powers, computed exactly on the same floats, are off
    it by more than twice its error, the constant is rounding's, and refused.
    """
    if constant is None or not constant.converged or not math.isinf(x0) or _run_start(samples):
        return constant
    x = point(h * DEEP_RATIO**DEEP_STEPS)
    f.calls += 1
    try:
        y = f.f(_Exact.of(x, fractions.Fraction(x)))
    except Exception:  # f failing here shows nothing of the constant
        return constant
    # (f off the constant there in floats too is judged closer in, as before)
    exact = y.exact if isinstance(y, _Exact) and y == constant.value else None
    if exact is None or abs(exact - fractions.Fraction(constant.value)) <= 2.0 * constant.error:
        return constant
    return _OneSided(
        constant.value,
        math.inf,
        False,
        f"f is {constant.value!r} at every point sampled on the {name}, but its + - * / "
        f"computed exactly on the same floats give {float(exact):.6g} at x = {x!r}: "
        "rounding inside f loses a term there entirely ((2**60 + 1/x) - 2**60 is 0.0 "
        "for x >= 1/128, not 1/x), so the samples hold nothing of it, and the limit "
        "is refused. Rewrite f so that the term is not lost (x*((2**60 + 1/x) - 2**60) "
        "is 1 for every x other than 0); pass full_output=True to get the constant anyway",
    )


def _one_sided_from(
    f: _Counted,
    point: Callable[[float], float],
    scale: float,
    x0: float,
    name: str,
    *,
    run: _Run,
) -> _OneSided:
    """The limit from the samples ``run`` (`_samples`) of ``f`` on one side."""
    first = run.last + 1 - len(run.values)
    # f may end on one exact value: a run of them, or a single last sample.
    tail = len(run.values) - _run_start(run.values)
    samples = run.values
    if tail >= STUCK and _run_start(samples) < PRE_MIN:
        h = scale * 2.0 ** -(first + 2)
        outer = _farther(f, point, h, samples[-1], reach=_run_reach(x0))
        samples = outer[::-1] + samples
    constant = _constant_answer(
        f, point, scale, x0, name, run=run, samples=samples, short=tail < STUCK
    )
    if constant is not None:
        return constant
    # A level f leaves for another is where f was before it changed scale, not its limit.
    kept = _past_the_change(run.values)
    value, error = _estimate(run.values[kept:], first + kept)
    if x0 not in (0.0, math.inf, -math.inf):  # there f is checked closer in instead
        error = max(error, _passed(run.values, value))
    slow = not run.note and len(_until_stuck(run.values)) == len(run.values)
    rough = not error <= DEEPER_ABOVE * max(1.0, abs(value))
    deep: list[float] = []  # f closer to x0, at 0 or inf: a rough estimate (or, below, a noisy one)
    if rough and x0 in (0.0, math.inf, -math.inf) and slow:
        h = scale * 2.0 ** -(run.last + 2)
        deep = list(_closer_in(f, point, h))
        deep_value, deep_error = _deeper(run.values[-1], deep)
        # Closer samples refine the estimate; they may not contradict it.
        refines = deep_error < error and abs(deep_value - value) <= error + deep_error
        if refines and not _walk_aliased(f, point, h, [run.values[-1], *deep], deep_value):
            value, error = deep_value, deep_error
    # At any error, since a small one may be the tail's misjudgement of a sqrt(h)
    # term (-256.19 - 1.36e-3 (sqrt(-x + 1.99 sqrt(-x)) - sqrt(-x)) at -inf: 1.5e-11,
    # refused closer in unless refined); two equal last samples are
    # rounding's grain, not f settled (sqrt(x + sqrt(x)) - sqrt(x) at inf), but
    # f stuck longer, or earlier, has lost its digits (`_until_stuck`).
    refined = False
    if not run.note and _stuck_start(run.values) >= len(run.values) - 2:
        estimate = value, error
        value, error = _root_refined(run.values, first, value, error)
        refined = (value, error) != estimate
    value, error = _farther_out(f, point, scale, x0, run, value, error)
    result = _judged(f, point, scale, x0, name, run=run, value=value, error=error)
    if result.converged and not run.note and x0 not in (0.0, math.inf, -math.inf):
        result = _at_the_finest(f, point, x0, scale * 2.0 ** -(run.last + 2), run, result)
    else:
        result = _checked_closer_in(
            f,
            point,
            scale * 2.0 ** -(run.last + 2),
            x0,
            name,
            run=run,
            result=result,
            deep=deep,
            refined=refined,
        )
    result = _lost_collapse(result, run.values, first, name=name, point=point, scale=scale)
    result = _lost_early(result, run.values, first, f=f, name=name, point=point, scale=scale)
    result = _unless_bounded(result, run.values)
    # At 0 and infinity the checks closer in judge the value by its error, so
    # the last samples that went past it widen the error only after them.
    if result.converged and math.isfinite(result.value) and x0 in (0.0, math.inf, -math.inf):
        passed = _passed(run.values, result.value)
        # A drift of an ulp or so a step cannot reach farther than all the steps
        # together: a wider gap is a loss of f's digits (`_lost_collapse`'s).
        drift = len(run.values) * ULPS * _EPS * abs(result.value)
        if result.error < passed <= drift:
            result = dataclasses.replace(result, error=passed)
    return result


def _constant_answer(
    f: _Counted,
    point: Callable[[float], float],
    scale: float,
    x0: float,
    name: str,
    *,
    run: _Run,
    samples: list[float],
    short: bool,
) -> _OneSided | None:
    """The limit where ``f`` ends on one exact value (`_one_sided_from`), checked; else None."""
    first_kept = run.last + 1 - len(samples)
    # (where the samples before a run are too few to judge it, a few more farther out may)
    constant = _constant_run(
        samples, first_kept, point, scale, name, short=short, f=f, x0=x0
    ) or _few_before_the_run(f, point, scale, samples, first_kept, name=name, x0=x0)
    if constant is not None:
        # A constant f falls onto from far off is probed as any drop is: log(1 + t)/h + a
        # is the constant a once 1 + t rounds to 1 (`_lost_early`).
        constant = _lost_early(
            constant, samples, first_kept, f=f, name=name, point=point, scale=scale
        )
    constant = _unless_cancelled(
        f, point, scale * 2.0 ** -(run.last + 2), x0, constant, samples, name
    )
    if constant is not None:
        # The constant f ends on, answered at 0 or infinity, is checked closer
        # in as any finite value is: a term too small for every usual sample
        # may grow there (1 + min(1e-40/x, 0.3) at 0+ is 1.0 at every usual
        # sample, 1.3 at the deepest step). Elsewhere, at |x0| < 1, at the floats next
        # to x0, which lie up to 2**22 times closer than the last usual sample.
        on_it = constant.converged and constant.value == run.values[-1]
        h = scale * 2.0 ** -(run.last + 2)
        if on_it and x0 in (0.0, math.inf, -math.inf):
            return _checked_closer_in(f, point, h, x0, name, run=run, result=constant, deep=[])
        seen_as = f"is {constant.value!r} at every usual point sampled"
        return _falls_next_to_x0(f, point, x0, h, constant, seen_as=seen_as) if on_it else constant
    return None


def _falls_next_to_x0(
    f: _Counted,
    point: Callable[[float], float],
    x0: float,
    h: float,
    result: _OneSided,
    *,
    seen_as: str,
) -> _OneSided:
    """``result``, or a refusal where ``f`` falls off its value at the floats next to ``x0``.

    At ``|x0| < 1`` the usual samples end ``h = s * 2**-49`` from ``x0``, 16
    to ``2**22`` floats away (`_finer`'s halvings reach ``h/8``); ``c + A
    tanh(|x - x0|/w)`` with ``w`` a float spacing or a few is ``c + A`` to the
    last bit at each usual sample (``seen_as``: "is v at every usual point
    sampled"), or at each but the last (`_leaves_at_the_last`), or to a share
    that the finer halvings do not show as a turn, and falls onto its limit
    ``c`` only closer in (at ``x0 = 0.0208``, ``w = 5.9e-18``, 1.7 floats:
    ``c + 0.53 A`` at the next float). So ``f`` is
    sampled at the ``NEXT_FLOATS`` floats next to ``x0``, nearest first, and
    the value is refused where ``f`` is off it at each, on one side, farther
    the closer to ``x0``, faster than any power of the distance
    (`_faster_than_powers`). One float cannot tell that from rounding:
    ``(x**2 - 5*x + 6)/(x - 2)`` at 2 is -1 at every usual sample (exact
    there) and -4 at the float below 2, where the numerator's rounding is all
    of ``f`` (-0.0, -1.33, -0.0, -0.8 at the next four): rounding's quotients
    ``m ulp / (k spacing)``, for whole ``m`` at ``k`` floats out, scatter or
    keep a power of ``1/k``. Sampling stops at the first float that does not
    fall so (one call where ``f`` fits the value there); where the usual
    samples end fewer than ``2 NEXT_FLOATS`` floats from ``x0`` (at ``|x0| >=
    1``, 8 to under 16, but 16 toward 0 from a power of 2, where the floats are
    sampled: 2 from the left), or at 0, which has checks of its own closer
    in, nothing is sampled.
    """
    spacing = abs(math.nextafter(x0, point(h)) - x0)
    if x0 == 0.0 or not h >= 2 * NEXT_FLOATS * spacing:  # (at 0, `_checked_closer_in`)
        return result
    seen: list[float] = []
    for k in range(1, NEXT_FLOATS + 1):
        y = _finest(f, point, x0, k * spacing)
        if math.isnan(y) or _fits(y, result):
            return result
        seen.append(y)
        room = ULPS * _EPS * max(abs(y), abs(result.value))
        if not _faster_than_powers([y - result.value for y in seen], room):
            return result
    return _OneSided(
        result.value,
        math.inf,
        False,
        f"f {seen_as}, but at the {NEXT_FLOATS} floats next to x0 it falls off that value, "
        f"faster than any power of the distance, to {seen[0]!r} at {point(spacing)!r}: f changes "
        "closer to x0 than the usual samples (c + A tanh(|x - x0|/w) with w of a float spacing "
        "or a few is c + A at each of them), and the samples cannot tell its limit; pass "
        "full_output=True to get the estimate anyway",
    )


def _faster_than_powers(departures: list[float], room: float) -> bool:
    """Whether ``departures``, ``f`` off a value at 1, 2, ... floats out, fall faster than powers.

    They keep one sign, shrink outward by more than their rounding ``room``
    a float (a bias of rounding shifts ``f`` by one amount at each, and
    ``f``'s own slope moves it by an ulp or so there: ``(((3 x + 32.99) x -
    0.0806) x)/(x - 0.00244)`` at 0.00244 is its limit - 0.00246 at the 8
    floats next to it), and their logs bend down (``d[k]**2 >= d[k-1]
    d[k+1]``, each widened by ``room``): ``A exp(-k/w)`` keeps the ratio of
    neighbours, ``1 - tanh(k/w)`` makes it grow, while a power ``e / k**p``
    lets it shrink toward 1 (rounding's quotient over the distance).
    """
    sizes = [d * _sign(departures[0]) for d in departures]
    shrinking = all(a - b > room for a, b in itertools.pairwise(sizes))
    if not all(d > room for d in sizes) or not shrinking:
        return False
    logs = [math.log(d - room) for d in sizes], [math.log(d + room) for d in sizes]
    low, high = logs
    return all(low[k - 1] + low[k + 1] <= 2.0 * high[k] for k in range(1, len(sizes) - 1))


def _past_the_change(values: list[float]) -> int:
    """Where the samples start to settle after ``f`` passes from one level to another, or 0.

    Samples that move one way all along (none back), by changes that grow
    from ``DROP`` of the largest or less to it and shrink after it, show
    ``f`` changing scale: its level far from ``x0`` is not its limit, where
    they head after the largest change is. The table would keep the first
    level, exact or nearly so at the first samples, however far the samples
    closer to ``x0`` go: ``1 - 7/(1 + (x/1e12)**2)`` at infinity is -6.0
    exactly out to ``x = 8192``, rises to 0.99998 at ``2**49``, and was -6.0
    +- 2.7e-15 (limit 1). The changes grow at every step from the first
    that is not 0 to the largest, ``SMOOTH`` of them at least (rounding that
    cancels ``f``'s digits moves it by stairs and a drop instead), and shrink
    at every step after it, none 0 (a growth stopped by a cap). The index
    returned is the sample before the largest change, with ``MIN_SAMPLES``
    or more from it on; 0 otherwise.
    """
    changes = [b - a for a, b in itertools.pairwise(values)]
    if not changes:
        return 0
    peak = max(range(len(changes)), key=lambda k: abs(changes[k]))
    sign = _sign(changes[peak])
    one_way = all(change * sign >= 0.0 for change in changes)
    quiet_first = abs(changes[0]) <= DROP * abs(changes[peak])
    beyond_rounding = abs(changes[peak]) > REACH_ABOVE * _EPS * max(map(abs, values))
    enough = len(values) - peak >= MIN_SAMPLES
    # Growing at every step from where f starts to move: a drop where rounding cancels
    # f's digits comes after stairs of equal samples ((sqrt(1 + t) - 1)/h for tiny t).
    start = next((k for k, change in enumerate(changes) if change), peak)
    rise = [abs(change) for change in changes[start : peak + 1]]
    steady = len(rise) >= SMOOTH and all(0.0 < a <= b for a, b in itertools.pairwise(rise))
    # And settling after it, every change smaller: a growth that stops on a cap is
    # `_stopped_past`'s (1 + min(1e-20/x**4, 1e30) at 0+, whose samples end on 1e30 + 1).
    fall = [abs(change) for change in changes[peak:]]
    settles = all(a > b > 0.0 for a, b in itertools.pairwise(fall))
    return (
        peak if one_way and quiet_first and beyond_rounding and enough and steady and settles else 0
    )


QUIET = 4.0  # f's first changes within this many times their rounding noise ...
STILL = 1e-3  # ... and this share of f: f has not moved
VARIES = 2.0**-6  # the walk outward finds f varying where it changes by this share of itself
PAST_VARIES = 2  # ... and goes on this many doublings past there
OUTWARD_STEPS = 40  # at most this many doublings of the first step, s/4
ROUGH = 1e-12  # an error below this share of the value is not worth sampling farther out for


def _quiet_start(values: list[float]) -> bool:
    """Whether ``f`` moves by no more than its rounding noise over its first samples.

    The noise is the table's (`_noise`), which shows how cancellation in ``f``
    grows toward ``x0``: ``(exp(1e-8 x) - 1)/x`` at 0 changes by 8.9e-8 of
    itself from ``x = 1/4`` to ``1/8``, and rounding leaves 2.5e-7 of it there.
    The changes must be a small share of ``f`` too (``STILL``): the table's
    top column, where the noise is judged, does not cancel a growth
    (``1/x**2``) or an oscillation, nor does it tell rounding about 0 from
    ``f``'s own value. And one at least is not 0: ``f`` exactly constant
    there (``1 + 1e-20/x`` at 0+, 1.0 out to ``x = 2**-14``) shows nothing
    that samples farther out would sharpen.
    """
    noise = _noise(_table(values))[0]
    changes = [abs(b - a) for a, b in itertools.pairwise(values[: RISE_POINTS + 1])]
    return any(changes) and all(
        change <= min(QUIET * noise[k + 1], STILL * abs(values[k + 1]))
        for k, change in enumerate(changes)
    )


def _outward(f: _Counted, point: Callable[[float], float], h: float, start: float) -> list[float]:
    """``f`` at ``2 h, 4 h, ...``, the nearest first, out to where it varies (``start`` at ``h``).

    The walk stops ``PAST_VARIES`` doublings past the first change of
    ``VARIES`` of ``f`` or more, where ``f`` fails (raises anything, or
    returns what is not a real number: ``limit`` promises nothing of ``f``
    so far from ``x0``, and the usual samples still give an answer), or
    after ``OUTWARD_STEPS`` doublings.
    """
    found: list[float] = []
    previous, past = start, 0
    for _ in range(OUTWARD_STEPS):
        h *= 2.0
        try:
            y = _sampled(f, point(h))
        except Exception:  # f need not be defined out there, nor real: the walk ends
            break
        if math.isnan(y):
            break
        found.append(y)
        past += bool(past or abs(y - previous) >= VARIES * max(abs(y), abs(previous)))
        if past > PAST_VARIES:
            break
        previous = y
    return found


def _farther_out(  # noqa: PLR0917 - the state of _one_sided_from
    f: _Counted,
    point: Callable[[float], float],
    scale: float,
    x0: float,
    run: _Run,
    value: float,
    error: float,
) -> tuple[float, float]:
    """``value`` and ``error``, or a better estimate from samples farther out, where ``f`` varies.

    ``f`` that has not moved beyond its rounding noise over its first usual
    samples (`_quiet_start`) varies on a larger scale than they span, and
    cancellation, which grows toward ``x0``, costs digits at every one of
    them: ``(exp(1e-8 x) - 1)/x`` at 0 was 1.000000082740371e-8 give or take
    7.1e-15 (8.3e-8 off). When the error is above ``ROUGH`` of the value,
    ``f`` is sampled farther out too (`_outward`), and the table of all the
    samples gives an estimate (`_estimate`). Samples farther out may lie
    beyond a feature of ``f`` that the usual ones do not reach (a kink, a
    pole, a cut-off), where ``f`` is another smooth function, with another
    value at ``x0``; so its error is at least how far the first usual
    samples, which ``f`` moves over by no more than rounding, lie from it
    (each, or ``2 f(h/2) - f(h)``, its ``h`` term removed, if closer).
    It replaces the value when its error is smaller, the two agree to
    within ``JUMP`` times their errors, and it settles (`_settled`):
    1.0000000000001585e-8 give or take 8.3e-16. ``(exp(x/1e8) - 1)/x +
    1e-14 (|x| > 0.5)`` at 0+, whose limit is 1e-8, is
    1.0000010000001585e-8 give or take 1.7e-20 from all the samples, but
    the first usual ones are 9.2e-15 to 1.6e-14 off that, and it keeps
    1.000000082740371e-8 give or take 7.1e-15. Not at infinity, where a
    step farther out is a point closer to 0, nor after samples cut short where
    ``f`` fails.
    """
    first = run.last + 1 - len(run.values)
    if math.isinf(x0) or first or run.note or not math.isfinite(value):
        return value, error
    if not error > ROUGH * abs(value) or not _quiet_start(run.values):
        return value, error
    outer = _outward(f, point, scale * 0.25, run.values[0])
    if not outer:
        return value, error
    refined, refined_error = _estimate(outer[::-1] + run.values, -len(outer))
    # The first usual samples, which f moves over by no more than rounding,
    # confirm the value only as closely as they lie to it (each, or with
    # its h term removed, 2 f(h/2) - f(h), if closer): beyond them a feature
    # of f (a cut-off) as small as that may move every sample farther out.
    near = max(
        min(abs(y - refined), abs(z - refined))
        for y, z in zip(run.values, _table(run.values)[1][:RISE_POINTS], strict=False)
    )
    refined_error = max(refined_error, near)
    # Only a value that settles (`_settled`) is taken: a rougher one moves
    # `_judged`'s verdict on a growth (3 + 0.254/(x - 1000)**2 at 1000+ is
    # inf, and was refused as 3.0 +- 0.00099, better than DIVERGE).
    better = refined_error < error and abs(refined - value) <= JUMP * (error + refined_error)
    if better and _settled(refined, refined_error):
        return refined, refined_error
    return value, error


def _checked_closer_in(
    f: _Counted,
    point: Callable[[float], float],
    h: float,
    x0: float,
    name: str,
    *,
    run: _Run,
    result: _OneSided,
    deep: list[float],
    refined: bool = False,
) -> _OneSided:
    """``result``, or a refusal when ``f`` closer to ``x0`` than ``h`` contradicts it.

    ``h`` is the last usual step. At 0 and infinity, where the points stay
    exact far closer in, ``f`` is sampled there as below; ``deep`` are ``f``
    at the steps closer in where the estimate already took them (else none).
    At 0 and infinity a finite value that ``f`` at the deepest step fits is
    checked farther still, to ``|x| = 2**993`` (``2**-993`` at 0,
    `_beyond_the_floor`).
    ``refined``: the value is the usual samples' with a ``sqrt(h)`` term (or
    terms in ``h**(1/3)``, ``h**(1/4)``) removed (`_root_refined`), from
    samples before their rounding noise grows: only there is ``f`` off it
    closer in by its own rounding noise no contradiction (`_rounding_spread`).
    Elsewhere such noise may show that the usual samples, rounded alike over
    runs, were biased too:
    ``35.617 + 1.01e-3 log(1 + 0.767 sqrt(x))/sqrt(x)`` at 0+ was 35.6180927462387
    +- 2.5e-12 from them, 1.05e-11 off, and is refused.
    """
    noise = _noise(_table(run.values))[0]
    # A finite value whose error is small beside the rounding noise of the
    # last samples was estimated farther out: a c/h**p may hide in that
    # noise (it grows like it), and shows closer in, where f is sampled too.
    # Any other finite value is checked at the deepest step closer in
    # (`_at_the_floor`), where a term too small for the usual samples grows
    # most: f off the value there by more than its error is sampled at the
    # steps between too, and the value must cover where they go (`_left_behind`).
    finite = result.converged and math.isfinite(result.value)
    hidden = finite and noise[-1] > JUMP * result.error
    closer = finite and not deep and not run.note and x0 in (0.0, math.inf, -math.inf)
    floor = _at_the_floor(f, point, h) if closer and not hidden else math.nan
    if closer and (hidden or not _within_error(floor, result)):
        deep = _until_run(_closer_in(f, point, h, deepest=None if hidden else floor))
    infinite = result.converged and math.isinf(result.value)
    if infinite and not deep and not run.note and x0 in (0.0, math.inf, -math.inf):
        deep = _infinite_closer_in(f, point, h, run, result.value)
    # A growth closer in whose steps shrink at ratios that do not rise is bounded.
    away = infinite and all(y * result.value > 0.0 for y in deep[-BOUNDED_POINTS:])
    tail = _bounded_growth(deep, logs=True) if away else None
    if tail is not None and tail * result.value > 0.0:
        return _bounded(deep[-1], tail, f"out to x = {point(h * DEEP_RATIO ** len(deep))!r}")
    # Past a complete walk, out to the floats' end, f must keep growing, unbounded.
    end = h * DEEP_RATIO ** len(deep)
    whole = away and len(deep) == DEEP_STEPS and _slower_than_powers(deep)
    far, turned = _past_the_walk(f, point, end, deep[-1]) if whole else ([], False)
    if turned:
        # f turned back from the sample before the last (the walk's end if none).
        before, peak = far[-2] if len(far) > 1 else (point(end), deep[-1])
        return _OneSided(
            result.value,
            math.inf,
            False,
            f"f grows without bound at the usual points (from the {name}) and closer "
            f"to x0 out to x = {point(end)!r} (to {deep[-1]:.6g}), but closer still, at "
            f"{far[-1][0]!r}, it is {far[-1][1]:.6g}, after {peak:.6g} at {before!r}: it "
            "turns back or stops (log(x)**3/x**0.005 peaks at x = 3.8e260 and tends to 0; "
            "min(log(x), 500) stops at x = 1.4e217), and the samples cannot tell its "
            "limit; pass full_output=True to get the estimate anyway",
        )
    tail = _bounded_growth([y for _, y in far], logs=True)
    if tail is not None and tail * result.value > 0.0:
        return _bounded(far[-1][1], tail, f"out to x = {far[-1][0]!r}")
    # What f does closer in, where it was sampled, must fit the answer.
    spread = lambda i: _rounding_spread(f, point, h * DEEP_RATIO ** (i + 1))  # noqa: E731
    off = _deeper_against(result, run.values, deep, noise, spread if refined else None)
    # A log's growth goes on along its line closer in (4 x**3e-8 - 3 at 0 falls behind it).
    result = _on_the_log(result, run, deep, point, h, name) if infinite and off is None else result
    seen = deep[off] if off is not None else math.nan
    # The run f got stuck on is rounding's, where f stays (1 + x is 1 from there
    # on): f off it at the deepest step is not ((1 + x)**(1/x) + 1e-200/x**3).
    stuck = STUCK <= len(deep) < DEEP_STEPS and len(set(deep[-STUCK:])) == 1
    if off is None and stuck and math.isfinite(floor) and floor != deep[-1]:
        off, seen = DEEP_STEPS - 1, floor
    x = point(h * DEEP_RATIO ** (off + 1)) if off is not None else math.nan
    # A run f grows onto, and stops on, is f's, not rounding's (min(1e-16/x, 10)).
    grown = (
        _grown_onto(f, point, h, usual=run.values, deep=deep, result=result)
        if off is None and finite
        else None
    )
    if grown is not None:
        x, seen = grown
    elif off is None:
        result = _left_behind(result, run.values, deep)
        # A growth that no walk followed past the deepest step keeps its law farther still;
        # so does one whose walk f cut short, failing at its next step, past the walk's end.
        ended = point(h * DEEP_RATIO ** (len(deep) + 1)) not in f.seen  # (f failed there)
        cut = 0 < len(deep) < DEEP_STEPS and not stuck and ended
        unfollowed = not far and not run.note and (len(deep) in (0, DEEP_STEPS) or cut)
        if away and unfollowed and x0 in (0.0, math.inf, -math.inf):
            result = _growing_far_out(f, point, h, run.values, deep, result, name)
        # At 0 and infinity the floats go on far past the deepest step: f may change level there.
        answered = result.converged and math.isfinite(result.value)
        if answered and math.isfinite(floor) and _within_error(floor, result):
            deepest = h * DEEP_RATIO**DEEP_STEPS
            return _beyond_the_floor(f, point, deepest, result, _FarEnd(name, at_zero=x0 == 0.0))
        return result
    what = "grows without bound" if math.isinf(result.value) else f"settles near {result.value:.6g}"
    # In full where six digits would not tell f there from the value (1 + 1.6e-11 from 1).
    shown = f"{seen:.6g}" if f"{seen:.6g}" != f"{result.value:.6g}" else repr(seen)
    return _OneSided(
        result.value,
        math.inf,
        False,
        f"f {what} at the usual points (from the {name}), but closer to x0, at {x!r}, "
        f"it is {shown}, which contradicts that: f changes nearer x0 than those "
        "points show (log(x) + 1e-15/sqrt(x) is within 2% of log(x) down to x = 1e-30, "
        "positive from 1.7e-34 on, and its limit at 0 is +inf), and the samples cannot "
        "tell its limit; pass full_output=True to get the estimate anyway",
    )


FAR_STEPS = 43  # at 0 and infinity, past the deepest step (|x| = 2**305, 2**-305): so many ...
FAR_RATIO = DEEP_RATIO  # ... steps of this ratio more, to |x| = 2**993 (2**-993), where f may
STEP_BISECTIONS = 7  # change level; a change between two: sought to 2**(16 * 2**-7), 1/8 bit


@dataclasses.dataclass(frozen=True)
class _FarEnd:
    """How the messages of `_beyond_the_floor` name the side, the deepest step and the far end."""

    name: str  # the side
    at_zero: bool  # x0 = 0, else +-inf

    @property
    def deepest(self) -> str:
        return "1.5e-92" if self.at_zero else "6.5e91"

    @property
    def end(self) -> str:
        return "2**-993" if self.at_zero else "2**993"

    @property
    def x0(self) -> str:
        return "0" if self.at_zero else "inf"

    @property
    def to(self) -> str:
        return "down to" if self.at_zero else "out to"

    @property
    def beyond(self) -> str:
        return "closer to 0" if self.at_zero else "farther out"


def _beyond_the_floor(
    f: _Counted, point: Callable[[float], float], h: float, result: _OneSided, side: _FarEnd
) -> _OneSided:
    """``result``, or the level ``f`` changes to past the deepest step ``h``, at 0 or infinity.

    ``f`` fits ``result`` at every point sampled, out to ``|x| = 1/h``
    (6.5e91), but the floats go on to 1.8e308: ``1 - 7/(1 + (x/1e200)**2)``
    is -6.0 exactly there, and 1.0 from ``x = 3.6e208`` on (scalescan: most
    of its lies); at 0 they go on from ``h`` (1.5e-92) down to 4.9e-324
    (``c + A tanh(x/1e-200)`` at 0+, fallscan's lies). So ``f`` is sampled
    at the far end, ``FAR_STEPS`` steps of ``FAR_RATIO`` on (``|x| =
    2**993``, ``2**-993`` at 0), or at the farthest of those steps where it
    does not fail (`_farthest_valid`: ``(x/1e100)**2`` overflows from ``x =
    1.3e254`` on); at 0, where ``f`` is off the value there, also where no
    product, quotient or power inside ``f`` underflows (`_in_range`:
    ``sqrt(x*x)/x`` is 1.0 down to ``x = 2**-537`` and 0.0 below
    ``2**-538``); where it is still off the value, at every step out to it
    (`_far_level`). A step between two of them and nothing else, as an
    overflow inside ``f`` makes (``x/sqrt(x*x + 1)`` is 1.0 below ``2**512``
    and 0.0 from there on), is no change of level: the value stands unless a
    point between the two is neither (`_between_levels`); without such an
    overflow (`_overflows_inside`), a jump (``1 + 3*(x > 1e200)``) beyond
    ``JUMP`` errors is refused. ``f`` at the far end within ``JUMP`` errors
    of the value (`_fits`) keeps it, its error reaching there: ``-161.296 +
    4.7e-9 log(2t)/log(3t)``, ``t = |x|/0.0188``, at 0- drifts like ``1/log
    t``, which the far walk read as settling, 2.9e-12 off with an error of
    1.4e-13 (logscan).
    """
    steps = [h * FAR_RATIO**k for k in range(FAR_STEPS + 1)]
    last, far = _farthest_valid(f, point, steps)
    if last > 0 and side.at_zero and not _within_error(far, result):
        last, far = _farthest_valid(_in_range(f), point, steps[: last + 1])
    if last == 0 or _within_error(far, result):
        return result
    if _fits(far, result):
        # No change of level beyond the value's own doubt: a slow drift, which
        # the walk's steps (2**16 apart) would take for settling; the error reaches it.
        return dataclasses.replace(result, error=max(result.error, abs(far - result.value)))
    walk = [result.value]
    for step in steps[1:last]:
        y = _sampled(f, point(step))
        if math.isnan(y):
            return result  # f fails on the way: the far end shows nothing
        walk.append(y)
    walk.append(far)
    first = next(k for k, y in enumerate(walk) if not _within_error(y, result))
    level = walk[first:]
    if len(set(level)) == 1 and not _between_levels(f, point, steps[first - 1 : first + 1], result):
        # (a level within JUMP errors of the value does not contradict it, `_fits`)
        if _fits(level[0], result) or _overflows_inside(f, point(steps[first])):
            return result
        return _jumps_far_out(result, level[0], point(steps[first - 1]), point(steps[first]), side)
    return _far_level(result, walk[first - 1 :], point(steps[first]), side)


def _in_range(f: _Counted) -> Callable[[float], float]:
    """``f``, failing (NumericalError) where a product, quotient or power inside it underflows.

    Below the smallest normal number such a result keeps fewer digits, or
    none: ``sqrt(x*x)/x`` at 0+ is 1.0 down to ``x = 2**-537`` (powers of 2
    stay exact), off 1 between, and 0.0 from ``2**-538`` on, a jump of
    ``f``'s arithmetic, not of its limit. ``f`` sees ``x`` as a `_Watched`
    float, which notes it.
    """

    def value(x: float) -> float:
        watched, f.watched = f.watched, True
        try:
            y = f(x)
        finally:
            f.watched = watched
        if f.underflowed:
            raise NumericalError(f"a value inside f underflowed at x = {x!r}")
        return y

    return value


def _overflows_inside(f: _Counted, x: float) -> bool:
    """Whether ``f(x)`` computes its value from an inf that its arithmetic made (`_Watched`).

    ``x/sqrt(x*x + 1)`` is 0.0 from ``x = 2**512`` on, as ``x*x`` is inf:
    ``f`` jumps there, but not its limit. One more call of ``f``, on ``x``
    watched as at a finite ``x0``.
    """
    watched, f.watched = f.watched, True
    try:
        f(x)
    except NumericalError as error:
        return isinstance(error.__cause__, OverflowError)
    except DomainError:
        return False
    finally:
        f.watched = watched
    return False


def _jumps_far_out(
    result: _OneSided, y: float, before: float, x: float, side: _FarEnd
) -> _OneSided:
    """The refusal of ``result``: ``f`` jumps to ``y`` between ``before`` and ``x``, far out."""
    example = "1 + 3*(x < 1e-200)" if side.at_zero else "1 + 3*(x > 1e200)"
    return _OneSided(
        result.value,
        math.inf,
        False,
        f"f is {result.value:.10g} at every point sampled on the {side.name} {side.to} x = "
        f"{before!r}, and {y:.10g} at every point from x = {x!r} {side.to} |x| = {side.end}; "
        f"between those two it is one or the other (sought to 1/8 bit of |x|): it jumps "
        f"there ({example}), and f {side.beyond} may jump again where no sample sees "
        "it: the samples cannot tell its limit. "
        "Substitute x = s*u, s near where f jumps "
        f"(limit(lambda u: f(s*u), {side.x0})), so that "
        "the usual points see it; pass full_output=True to get the estimate anyway",
    )


def _farthest_valid(
    f: Callable[[float], float], point: Callable[[float], float], steps: list[float]
) -> tuple[int, float]:
    """The index of the last of ``steps`` where ``f`` does not fail, and ``f`` there.

    The last step first; where ``f`` fails there, bisected over the indices
    (``f`` failing from some step on, as an overflow does); (0, NaN) if ``f``
    fails at every step past the first.
    """
    far = _sampled(f, point(steps[-1]))
    if not math.isnan(far):
        return len(steps) - 1, far
    good, bad, found = 0, len(steps) - 1, math.nan
    while bad - good > 1:
        middle = (good + bad) // 2
        y = _sampled(f, point(steps[middle]))
        if math.isnan(y):
            bad = middle
        else:
            good, found = middle, y
    return good, found


def _between_levels(
    f: _Counted, point: Callable[[float], float], steps: list[float], result: _OneSided
) -> bool:
    """Whether ``f`` between the two ``steps`` is neither ``result`` nor ``f`` at the second.

    Bisected (in ``log |x|``) ``STEP_BISECTIONS`` times toward the change: a
    level change of ``f`` passes through the values between (``tanh((x/s)**3)``
    within a factor 4 of ``s``); an overflow inside ``f`` jumps.
    """
    inside, outside = (math.log2(step) for step in steps)
    new = _sampled(f, point(steps[1]))
    for _ in range(STEP_BISECTIONS):
        middle = 0.5 * (inside + outside)
        y = _sampled(f, point(2.0**middle))
        if math.isnan(y):
            return False
        if y != new and not _within_error(y, result):
            return True
        inside, outside = (inside, middle) if y == new else (middle, outside)
    return False


def _far_level(result: _OneSided, walk: list[float], x: float, side: _FarEnd) -> _OneSided:
    """The level ``f`` settles on in ``walk`` (from the last sample on ``result``), or a refusal.

    Settled: ending on ``STUCK`` equal samples or more that the samples before
    reach ever faster (`_reaches`; its error is the last one's distance), or
    extrapolated as the deep samples are (`_deeper`, which a run at the end
    must fit) to within ``ACCEPT``.
    """
    start = _run_start(walk)
    run = len(walk) - start >= STUCK
    if run and _reaches(walk[:start], walk[-1]):
        value, error = walk[-1], abs(walk[start - 1] - walk[-1])
    else:
        value, error = _deeper(walk[0], walk[1:])
        if run:
            error = max(error, abs(walk[-1] - value))
    if _settled(value, error):
        return _OneSided(
            value,
            error,
            True,
            f"f settles on {result.value:.10g} at the points sampled on the {side.name}, "
            f"{side.to} |x| = {side.deepest}, but changes level {side.beyond}, from about "
            f"x = {x!r}, and settles on {value:.10g} {side.to} |x| = {side.end}",
        )
    shown = f"{walk[1]:.10g}" if f"{walk[1]:.10g}" != f"{result.value:.10g}" else repr(walk[1])
    return _OneSided(
        result.value,
        math.inf,
        False,
        f"f settles on {result.value:.10g} at the points sampled on the {side.name}, "
        f"{side.to} |x| = {side.deepest}, but {side.beyond}, at x = {x!r}, it is {shown}: f "
        "changes level "
        "on a scale beyond those points, and the samples there cannot tell where it settles. "
        "Substitute x = s*u, s near where f changes "
        f"(limit(lambda u: f(s*u), {side.x0})), so that "
        "the usual points see the change; pass full_output=True to get the estimate anyway",
    )


def _rounding_spread(f: _Counted, point: Callable[[float], float], h: float) -> float:
    """How far ``f`` at the step ``h`` and at ``NEIGHBOURS`` points next to it spreads.

    The points lie ``NEIGHBOUR_SHIFT`` of the step apart, so that a smooth
    term ``c / h**p`` moves over them by about ``4 p 2**-10`` of itself: what
    they spread by more is ``f``'s rounding noise there, which cancellation
    makes grow toward ``x0`` (``sqrt(x + sqrt(x)) - sqrt(x)`` at inf is a
    multiple of ``ulp(sqrt(x))``: 0.5 or 0.5 - 2**-20 about ``x = 2**65``).
    Where ``f`` fails at one of them, no spread is shown (0).
    """
    ys = [_sampled(f, point(h * (1.0 + k * NEIGHBOUR_SHIFT))) for k in range(NEIGHBOURS + 1)]
    return 0.0 if not all(map(math.isfinite, ys)) else max(ys) - min(ys)


def _left_behind(result: _OneSided, usual: list[float], deep: list[float]) -> _OneSided:
    """``result``, its error at least as far as ``f`` closer in goes, if it leaves the value there.

    ``deep`` are ``f`` at the steps closer in (`_closer_in`), ``usual`` the
    usual samples. Where each of them is farther from a finite value than the
    one before (the first than the last usual one), on one side, ``f`` moves away
    from the value all the way in, and the limit lies beyond the last of them
    (`_deeper_against` refuses such a move only past ``JUMP`` times the
    error, `_fits`): the error is at least the distance to where they go
    (`_deeper`). Samples that leave it farther (that `_deeper_against` lets
    pass as rounding's, `_rounding_law`: ``(exp(x) - 1 - x)/x**2`` at 0,
    whose cancellation grows closer in) are left to it.
    ``1 + 2.56e-8/log(-x/0.0397)`` at 0- was 0.999999999197094 +- 3.2e-10 (limit
    1): its samples closer in rise from 1 - 8.3e-10 to 1 - 1.2e-10, like
    ``1/log``, and `_deeper` puts its limit at 1 - 1.2e-10 +- 1.2e-10. A stuck
    run closer in, and the sample before it, are rounding's (as there).
    """
    if not (result.converged and math.isfinite(result.value)) or not deep:
        return result
    stuck = _stuck_start(deep)
    kept = deep[: max(stuck - 1, 0)] if stuck < len(deep) else deep
    deep_value, deep_error = _deeper(usual[-1], kept)
    if _settles_apart(result.value, result.error, deep_value, deep_error):
        error = abs(deep_value - result.value) + deep_error
        return _OneSided(result.value, error, _settled(result.value, error), result.message)
    offs = [y - result.value for y in kept]
    if (
        len(kept) < 2
        or not all(_fits(y, result) for y in kept)
        or not abs(offs[0]) > abs(usual[-1] - result.value)
        or not all(
            abs(b) > abs(a) and _sign(a) * _sign(b) > 0.0 for a, b in itertools.pairwise(offs)
        )
    ):
        return result
    deep_value, deep_error = _deeper(usual[-1], kept)
    error = abs(deep_value - result.value) + deep_error
    if not error > result.error:
        return result
    return _OneSided(result.value, error, _settled(result.value, error), result.message)


def _finer(f: _Counted, point: Callable[[float], float], x0: float, h: float) -> Iterator[float]:
    """``f`` at the ``FINEST`` halvings of the last usual step ``h``, lazily, nearest last.

    Only where the point is exactly that step from ``x0`` (``(x0 + h) - x0 ==
    h``: a float lies there); it ends where one does not, or ``f`` fails.
    """
    for _ in range(FINEST):
        h *= 0.5
        y = _finest(f, point, x0, h)
        if math.isnan(y):
            return
        yield y


def _finest(f: _Counted, point: Callable[[float], float], x0: float, h: float) -> float:
    """``f`` at the step ``h`` from ``x0``; NaN where no float lies there, or ``f`` fails."""
    x = point(h)
    return _sampled(f, x) if abs(x - x0) == h else math.nan


def _at_the_finest(  # noqa: PLR0911, PLR0917 - a return for each verdict; _one_sided's state
    f: _Counted,
    point: Callable[[float], float],
    x0: float,
    h: float,
    run: _Run,
    result: _OneSided,
) -> _OneSided:
    """``result``, or a refusal when ``f`` at the finest steps (`_finer`) contradicts it.

    At ``x0`` not 0 or infinite the usual samples end at ``h = s * 2**-49``,
    8 to 16 times the spacing of the floats there (``|x0| >= 1``); ``f`` whose own
    scale is that spacing shows only its far field at them, and turns at the
    last two or three: ``sin(x - 1e15)/(x - 1e15)`` at ``1e15`` is an
    oscillation of size ``1/h`` from ``h = 2**47`` to 8, which reads as
    rounding noise about 0, and 0.84 at the last step ``h = 1``; ``1/(1 + (x
    - 1e15)**2)`` is ``1/h**2`` there, and 0.5 at ``h = 1``. The floats closer
    in, at ``h/2, h/4, h/8`` (``s * 2**-52``; closer floats at ``|x0| < 1``
    and toward 0 from a power of 2 are sampled only after,
    `_falls_next_to_x0`), tell the turn from noise.
    A finite value that the last usual sample is off (by more than ``JUMP``
    times its error and rounding: noise, or ``f`` turning) and that the
    last three do not settle onto (`_settles_onto`) is contradicted where
    ``f`` at them converges onto another value: its changes, from the last
    usual sample on, keep one sign and each is at most half the one before
    (``f`` settling at least like ``h``; rounding noise grows toward ``x0``
    instead), the value is not within twice the last of them (changes
    that halve add at most it) of the last sample, and it is off the value by
    ``LOSS`` of itself or more (``sin(t)/t`` at ``t = 0.5, 0.25, 0.125``: 0.96,
    0.99, 0.997, for the value 0): less may be a bias of rounding that keeps
    f's leading digits and repeats itself there as a smooth run. They are
    sampled one by one. Where ``f`` turns at a scale of one or two float
    spacings (``sin(4 t)/(4 t)`` at ``t = 0.5, 0.25, 0.125``: 0.455, 0.84, 0.96), its
    changes do not halve: the value is contradicted there too where the
    three leave it with changes of one sign that shrink, or grow by less than
    twice (`_away`: ``cos(t)/(1 + t**2)`` at ``t = 2, 1, 0.5``, -0.083, 0.27,
    0.70), and ``f``
    at ``3 h / 8`` is smooth between them (`_smooth`), which rounding noise,
    growing toward ``x0`` like ``c / h`` or turning sign between neighbouring
    floats, is not (the change from the last usual sample to ``h / 2`` may be
    any: ``f`` may start its turn there, ``(sin(t)/t)**2`` at ``t = 4, 2,
    1``: 0.036, 0.21, 0.71); the sampling stops at ``h / 4`` where the changes
    do not halve and ``f`` at ``h / 4`` is not farther off the value than at
    ``h / 2``, on the side it moved to. Whatever the share of ``f`` and the
    growth of the changes, the value is contradicted where ``f`` falls off
    it, its departures growing faster than rounding's (`_falls`). A finite
    value these checks let stand past ``h/4`` is checked at the floats next
    to ``x0`` still, which at ``|x0| < 1`` (and toward 0 from a power of 2)
    lie closer than ``h/8``
    (`_falls_next_to_x0`; a fall goes on past ``h/4``); so is one ``f`` has
    at the ``STUCK`` usual samples before the last, which leaves it by more
    than its rounding but fits it, the error widened to reach it
    (`_leaves_at_the_last`). An
    infinite value is contradicted where
    ``f`` at ``h/8`` alone is short of the growth the last usual samples keep
    (`_short_of_growth`: 0.985 for ``1/(1 + t**2)``, where the growth of the
    last usual samples, 2.1 times a halving, makes 5.4), unless they end on
    rounding's constant (`_growth_before_stuck`: ``f`` stays on it) or ``f``
    fails there.
    """
    usual = run.values
    if math.isinf(result.value):
        # Not where the usual samples end on rounding's constant, which broke
        # the growth off (`_growth_before_stuck`): f stays on it closer in.
        if _growth_before_stuck(run) is not run:
            return result
        seen = _finest(f, point, x0, h * 0.5**FINEST)
        sign = math.copysign(1.0, result.value)
        if math.isnan(seen) or not _short_of_growth(usual, seen, sign, FINEST):
            return result
        what = "grows without bound"
    else:
        # The last usual samples already settling onto the value show where f heads;
        # but f that leaves a run only at the last sample may fall on nearer x0.
        if _fits(usual[-1], result) or _settles_onto(usual[-3:], result):
            if _leaves_at_the_last(usual, result):
                seen_as = f"is {result.value!r} at the {STUCK} usual points before the last"
                return _falls_next_to_x0(f, point, x0, h, result, seen_as=seen_as)
            return result
        values = usual[-1:]
        for y in _finer(f, point, x0, h):
            values.append(y)
            # Changes that do not halve, and f at h/4 no farther off the value than at
            # h/2: no turn, the value stands.
            if len(values) == 3 and not _halving(values) and not _away(values[1:], result):
                return result
        # Off the value by less than LOSS of f there, f may be the value and a
        # bias of rounding, which repeats itself at the floats closer in as a
        # smooth run: log(1 + u)/u for u = (x + 3e5)/0.14 is 1 - 2.2e-8 - 2.1e-10 j
        # at x0 + j ulps, j = 1 .. 8 (1 + u rounds to 1 + (1 - 2.2e-8) u there).
        # Rounding's bias is LOSS of f or more only where f lost all its digits
        # (`_noise`), when the samples cannot tell the limit either. f that turns
        # at a scale of a float spacing or two, whose changes do not halve, leaves
        # the value with changes that shrink, or grow by less than rounding's c/h
        # does (`_away`), and is smooth between its samples (`_smooth`, a sample
        # more, taken last).
        # f whose departures from the value grow faster than rounding's can
        # (`_falls`) leaves it whatever share of f they reach, and however fast.
        seen = values[-1]
        falls = len(values) > FINEST and _falls(values, usual, result)
        if not falls and (
            len(values) <= FINEST
            or _settles_onto(values, result)
            or not abs(seen - result.value) >= LOSS * abs(seen)
            or not (
                _halving(values)
                or (_away(values[1:], result) and _smooth(f, point, x0, h, values[1:]))
            )
        ):
            # At |x0| < 1 floats lie closer still, where f may fall off the value.
            seen_as = f"heads for {result.value!r} at the usual points sampled"
            return _falls_next_to_x0(f, point, x0, h, result, seen_as=seen_as)
        what = f"settles near {result.value:.6g}"
    x = point(h * 0.5**FINEST)
    return _OneSided(
        result.value,
        math.inf,
        False,
        f"f {what} at the usual points, but at the floats closer to x0, down to {x!r}, "
        f"it heads for {seen:.6g} instead, which contradicts that: f turns at the finest "
        "steps sampled near x0 (sin(x - 1e15)/(x - 1e15) at 1e15 is an oscillation about 0 "
        "down to x - 1e15 = 8, 0.84 at 1 and 0.997 at 0.125: its limit is 1), and the "
        "samples cannot tell its limit; pass full_output=True to get the estimate anyway",
    )


def _leaves_at_the_last(usual: list[float], result: _OneSided) -> bool:
    """Whether ``usual`` is the value ``STUCK`` times before its last, which is off it.

    Off by more than its rounding (``ULPS`` of it), though it fits the error,
    which reaches it (`_passed`): fallscan's ``c + A tanh(|x - x0|/w)``, ``w``
    31 floats at ``x0 = -0.0308``, is ``c + A`` to the last bit but at the last
    usual sample, 512 floats out, off by 7.6e-15, and ``c + 0.03 A`` at the
    next float.
    """
    run = usual[-STUCK - 1 : -1]
    off = abs(usual[-1] - result.value) > ULPS * _EPS * abs(result.value)
    return len(run) == STUCK and all(y == result.value for y in run) and off


def _falls(values: list[float], usual: list[float], result: _OneSided) -> bool:
    """Whether ``values``, the last usual sample and ``f`` at ``h/2, h/4, h/8``, leave the value.

    Their departures from it grow, keep one sign, and the last is at least
    ``FALL_GROWTH`` times the larger of the last two usual samples' (or the
    value's rounding): rounding's ``e / h**p`` (``p`` up to 4, as in a
    quotient over ``t**4``) grows at most ``8**p`` times over three halvings.
    ``c + A tanh(|x - x0|/w)`` with ``w`` a float spacing or two is ``c +
    A`` to 3e-6 of itself at ``h``, and 11 to 44 % of ``A`` off it at
    ``h/8`` (fallscan's four): 1e5 times more or over, though its changes
    more than double (not `_away`) and its last departure may be less than
    ``LOSS`` of ``f``.
    """
    departures = [(y - result.value) * _sign(values[-1] - result.value) for y in values]
    room = JUMP * result.error + ULPS * _EPS * abs(result.value)
    before = max([room] + [abs(y - result.value) for y in usual[-2:]])
    growing = all(a < b for a, b in itertools.pairwise(departures))
    return growing and departures[0] >= -room and departures[-1] >= FALL_GROWTH * before


def _halving(values: list[float]) -> bool:
    """Whether the changes between ``values`` keep one sign, each at most half the one before."""
    changes = [b - a for a, b in itertools.pairwise(values)]
    return all(
        _sign(a) * _sign(b) > 0.0 and abs(b) <= 0.5 * abs(a) for a, b in itertools.pairwise(changes)
    )


def _smooth(
    f: _Counted, point: Callable[[float], float], x0: float, h: float, finer: list[float]
) -> bool:
    """Whether ``f`` at ``3 h / 8`` fits ``finer``, its samples at ``h/2, h/4, h/8``, as f's turn.

    There ``f`` lies between its samples at ``h/2`` and ``h/4`` (rounding noise
    of size ``ulp(numerator) / h`` turns sign between neighbouring floats:
    ``(exp(t) - 1 - t)/t**2`` at 4, 3, 2 floats: 2.8e15, 7.9e15, -1.3e16), and
    its change from ``h/4`` to ``h/8`` is less than twice that from ``3 h/8`` to
    ``h/4``: rounding's ``c / h`` (a rounded constant over the step, as
    ``(exp(t) - 1 - t)/t**2`` is ``-1/t`` where ``exp(t)`` rounds to 1) makes
    it 3 times (``c / h**2`` 5.4 times), ``sin(4 t)/(4 t)`` 0.67 times, ``sin(8
    t)/(8 t)`` 0.95 times.
    """
    y = _finest(f, point, x0, 0.375 * h)
    outer, inner, last = finer
    return min(outer, inner) <= y <= max(outer, inner) and abs(last - inner) < 2.0 * abs(inner - y)


def _changes(values: list[float]) -> list[float]:
    """The changes between neighbouring ``values``."""
    return [b - a for a, b in itertools.pairwise(values)]


def _away(values: list[float], result: _OneSided) -> bool:
    """Whether ``values`` leave ``result``'s value, with changes of one sign, less than doubling.

    Rounding noise of a quotient at the floats next to ``x0`` is of size
    ``ulp(numerator) / h``: it grows toward ``x0`` (its changes double, as a
    rounded constant's ``e / h`` does, ``e / h**2``'s grow 4 times, or turn
    sign between neighbouring floats); ``f`` that turns there, at a scale of
    one or two float spacings, converges instead: ``sin(4 t)/(4 t)`` at ``t =
    0.5, 0.25, 0.125`` is 0.455, 0.84, 0.96, which leave 0 by 0.39, then
    0.12, and do not halve; or it is at the start of its turn, where its
    changes grow, but by less than twice: ``cos(t)/(1 + t**2)`` at ``t = 2,
    1, 0.5`` is -0.083, 0.27, 0.70 (changes 0.35, 0.43). (Rounding's ``e /
    h**p`` with ``p < 1`` grows by ``2**p``, less than twice too: `_smooth`,
    asked as well, tells it from a turn for ``p`` above 0.28.)
    """
    changes = _changes(values)
    return all(
        _sign(d) * _sign(b - result.value) > 0.0 and abs(b - result.value) > abs(a - result.value)
        for a, b, d in zip(values, values[1:], changes, strict=False)
    ) and all(
        _sign(a) * _sign(b) > 0.0 and abs(b) < 2.0 * abs(a) for a, b in itertools.pairwise(changes)
    )


def _settles_onto(values: list[float], result: _OneSided) -> bool:
    """Whether ``values``, whose changes halve (`_halving`), head for ``result``'s value.

    Changes that halve add at most the last one to the last sample, or
    twice that with rounding: the value lies there, to ``JUMP`` times its
    error and rounding.
    """
    if not _halving(values):
        return False
    room = JUMP * result.error + ULPS * _EPS * max(abs(values[-1]), abs(result.value))
    return abs(values[-1] - result.value) <= room + 2.0 * abs(values[-1] - values[-2])


def _scatters(values: list[float], about: float = 0.0) -> bool:
    """Whether ``f`` scatters by its own size at every step, to the last, all of its samples new.

    That is, in each run of ``NOISE_POINTS`` samples (counted back from the
    last), ``f`` changes between neighbours by ``LOSS`` of the largest of them
    or more (it has no digit anywhere), and still does so within its last
    ``TAIL_CHANGES`` changes (it has not started to settle: ``cos`` at
    ``1.24e13``, where the floats are 0.002 apart, scatters out to ``h = 1``
    and settles at the last samples, changing by 0.06, 0.03, 0.015); it is as
    large in each run as in any other, within a factor 2, though the step
    shrinks ``2**40`` times over the walk (a limit approached like ``h**p``,
    ``p > 1/40``, shrinks it more; cancellation's noise grows at least like
    ``1/h``); and the samples take at least half as many values as there
    are samples: rounding's residue of a cancellation takes a few values on a grid,
    again and again (``cos(x)**2 + sin(x)**2 - 1`` is 0 or a multiple of
    1.1e-16 at every sample), while ``f``'s own values are new at most
    samples; a scatter a few dozen ulps wide repeats some by chance
    (``1.746354512578831e-11 + sin(x)/x`` at ``1.1086188697732795e25``, 29
    ulps about its middle, takes 31 values at 48 samples, and was
    1.7463545125788346e-11 +- 6.0e-26 from the left, 2.04 errors from its
    limit, until it counted as a scatter). Such ``f`` oscillates faster than the
    steps follow, at every step: ``sin(x)/x`` at ``-1.2019435952952266e18``,
    where the floats are 256 apart, is ``sin`` at a new phase at each sample,
    of size 8.3e-19 from ``h = 2**58`` down to ``h = 2**11``, 8 floats; so is
    ``1e-10 sin(1/x)`` at 0. Sizes are measured from ``about``: from the
    middle of the samples (halfway between the largest and the smallest), an
    oscillation beside digits that ``f`` keeps is judged by its own size
    (``1e-10 + sin(x)/x`` at ``-1177344836721334.0``, where the floats are
    0.25 apart, scatters by 8.5e-16 about 1e-10 at every step); from the
    value, itself a sample, the run that holds it would look smaller.
    """
    n = NOISE_POINTS
    if len(values) < 2 * n or 2 * len(set(values)) < len(values):
        return False
    sizes = []
    for end in range(len(values), n - 1, -n):
        window = values[end - n : end]
        size = max(abs(y - about) for y in window)
        if not max(abs(b - a) for a, b in itertools.pairwise(window)) >= LOSS * size:
            return False
        sizes.append(size)
    tail = values[-TAIL_CHANGES - 1 :]
    moved = max(abs(b - a) for a, b in itertools.pairwise(tail)) >= LOSS * sizes[0]
    return (moved or not _settling(tail)) and max(sizes) <= 2.0 * min(sizes)


def _settling(tail: list[float]) -> bool:
    """Whether the changes of ``tail`` keep one sign, each smaller than the one before.

    So settles ``f`` whose scatter ends where its steps reach its own scale;
    a scatter's last changes may all be small by chance, but hardly shrink
    so: ``cos(x)/x`` at ``1.513e45``, where the floats are ``2.7e29`` apart,
    is ``cos`` at a new phase at every sample, ending 0.439, 0.474, 0.568,
    0.407 (over ``x0``), which change by less than ``LOSS`` of the run's 0.91;
    it was 3.35e-46 +- 2.9e-46 from the left, for -6.55e-46.
    """
    changes = _changes(tail)
    signs = {_sign(d) for d in changes}
    shrinking = all(abs(b) < abs(a) for a, b in itertools.pairwise(changes))
    return len(signs) == 1 and 0.0 not in signs and shrinking


def _too_slow(values: list[float]) -> bool:
    """Whether ``f``'s steps over its last samples shrink slower than `_entries`' tail covers.

    `_entries` bounds what is left beyond an entry by the geometric tail of
    its changes, ``2 r / (1 - r)`` times the last, with ``r`` at most 0.9:
    ``18`` times the last change, which covers a geometric ratio up to
    ``SLOW_RATIO = 18/19`` a halving. The last ``2 NOISE_POINTS`` steps
    ``f(h/2) - f(h)``, all of one sign (rounding's turn sign), that move
    ``f`` over the last block of ``NOISE_POINTS`` halvings clearly beyond
    the rounding of two samples (``JUMP`` times: rounding does not add up,
    a trend does), and by less than over the block before but more than
    ``SLOW_RATIO**NOISE_POINTS`` of it, shrink more slowly: what they add
    up to beyond the last sample is not bounded by them (``log(log(1/h))``
    steps like ``1/log2(1/h)``, a sum that diverges; a power ``h**p`` with
    ``p`` below ``log2(19/18) = 0.078`` has a tail the estimate does not
    cover either). Steps that do not shrink are no settling at all, and
    other rules judge them (rounding noise that grows toward ``x0``: ``(cos
    h - 1 + h**2/2)/h**4`` at 0, whose limit is 1/24).
    """
    m = NOISE_POINTS
    if len(values) < 2 * m + 1:
        return False
    tail = values[-2 * m - 1 :]
    rounding = 2.0 * ULPS * _EPS * max(abs(y) for y in tail)  # of a change of f
    sign = _sign(tail[-1] - tail[-2])
    before, last = tail[m] - tail[0], tail[-1] - tail[m]
    return (
        sign != 0.0
        and all(_sign(d) == sign for d in _changes(tail))
        and min(abs(before), abs(last)) > JUMP * rounding
        and SLOW_RATIO**m * abs(before) < abs(last) < abs(before)
    )


BLOCK_TREND = 4.0  # a block's move beyond this many times rounding is a trend
KEPT_RATIO = 1.03  # blocks whose ratio rises by less than this keep one ratio (a power's)
FAST_BLOCKS = 0.1  # moves that shrink this much a block (h**p, p > 0.41) are left to `_entries`


@dataclasses.dataclass(frozen=True)
class _Blocks:
    """How far ``f`` moves over its last three blocks of ``NOISE_POINTS`` halvings.

    ``moves`` are their sizes, oldest first, ``sign`` their common sign and
    ``rounding`` that of a difference of two samples.
    """

    moves: tuple[float, float, float]
    sign: float
    rounding: float

    def ratios(self) -> tuple[float, float, float, float]:
        """The two ratios of the moves, each as large and as small as rounding allows."""
        b0, b1, b2 = self.moves
        d = self.rounding
        return (b1 + d) / (b0 - d), (b1 - d) / (b0 + d), (b2 + d) / (b1 - d), (b2 - d) / (b1 + d)


def _blocks(values: list[float], noise: float = 0.0) -> _Blocks | None:
    """`_Blocks` where the last three blocks show a trend that shrinks, else None.

    Each move is the difference of two samples (rounding does not add up
    over a block, a trend does): of one sign, each beyond ``BLOCK_TREND``
    times the rounding of two samples (and of the table's ``noise``), the
    last smaller than the one before, and not a scatter that happens to
    drift (``sin(x)/x`` at 1e25): the steps against the trend undo less than
    half of what it moves. Where every step of ``f`` over the three blocks
    has the trend's sign, no noise is as large as a step, and a move beyond
    the rounding of two samples is a trend: ``1 + 1e-12/log h`` beside 1
    moves ``f`` by 13.1e-15, 8.1e-15, then 5.4e-15 (7, 5, then 3 roundings),
    in 24 steps of 2.5 to 10 ulps of 1, all of one sign.
    """
    m = NOISE_POINTS
    if len(values) < 3 * m + 1:
        return None
    tail = values[-3 * m - 1 :]
    rounding = 2.0 * ULPS * _EPS * max(abs(y) for y in tail)
    moves = [tail[(j + 1) * m] - tail[j * m] for j in range(3)]
    sign = _sign(moves[-1])
    clear = BLOCK_TREND * max(rounding, noise)
    if all(_sign(d) == sign for d in _changes(tail)):  # no noise as large as a step
        clear = rounding
    if not all(_sign(b) == sign and abs(b) > clear for b in moves):
        return None
    if sum(abs(d) for d in _changes(tail)) > 2.0 * abs(tail[-1] - tail[0]):
        return None
    b0, b1, b2 = (abs(b) for b in moves)
    return _Blocks((b0, b1, b2), sign, rounding) if b2 < b1 else None


def _block_tail(blocks: _Blocks | None) -> float:
    """What ``f`` still moves beyond its last sample, from its moves over blocks of halvings.

    Moves that shrink by one ratio ``R`` a block (``h**p``: ``2**(-8 p)``)
    leave ``B2 R/(1 - R)`` beyond the last sample, signed, with ``R`` the
    last ratio, as large as rounding allows; from ``FAST_BLOCKS`` down
    (``p > 0.41``, or moves that speed up) that is left to the tail of
    `_entries`, 0 here. A ratio that clearly rises (beyond rounding)
    (``1/log(1/h)``: 0.61, then 0.67 at ``h = 2**-49``, and on toward 1) is
    no geometric tail: infinite from ``SLOW_RATIO**NOISE_POINTS`` on
    (`_too_slow`'s bound), else that of the next ratio, ``R2**2/R1``; one
    that rises from ``FAST_BLOCKS`` or less (``log1p`` cancelling at ``2**30``:
    0.0039, then 0.24 as its rounding noise grows) is left to the other rules,
    0 here, as is a trend without `_blocks`.
    """
    if blocks is None:
        return 0.0
    r1, _, r2, r2_low = blocks.ratios()
    b0, b1, b2 = blocks.moves
    if r2 <= FAST_BLOCKS:
        return 0.0  # the tail of `_entries` covers it
    if r2_low > r1:  # rises
        if b1 / b0 <= FAST_BLOCKS:
            return 0.0  # from a fast law: rounding or a new term, for the other rules
        if b2 / b1 > SLOW_RATIO**NOISE_POINTS:
            return math.inf
        ratio = min((b2 / b1) ** 2 / (b1 / b0), 1.0)
    else:
        ratio = r2
    if ratio >= 1.0:
        return math.inf
    return blocks.sign * b2 * ratio / (1.0 - ratio)


def _keep_one_ratio(blocks: _Blocks | None) -> bool:
    """Whether the moves of `_blocks` shrink by one ratio, to within ``KEPT_RATIO`` and rounding.

    ``h**0.05`` does (``2**-0.4`` a block), with a tail `_block_tail` gives;
    ``log(-log h)`` does not (0.78, then 0.82).
    """
    if blocks is None:
        return False
    _, r1_low, r2, _ = blocks.ratios()
    return r2 <= KEPT_RATIO * r1_low


def _judged(  # noqa: PLR0911 - a return for each verdict on the value
    f: _Counted,
    point: Callable[[float], float],
    scale: float,
    x0: float,
    name: str,
    *,
    run: _Run,
    value: float,
    error: float,
) -> _OneSided:
    """The limit from ``value`` and its ``error``, estimated from the samples ``run``."""
    first = run.last + 1 - len(run.values)
    settled = _settled(value, error)
    # The last samples leaving a settled value ever faster contradict it, in
    # f or once the table has removed the h, h**2, ... terms that hide them.
    columns = _table(run.values)
    # What the value's error and the top column's rounding can account for.
    floor = JUMP * error + ULPS * _AMPLIFY[len(columns) - 1] * _EPS * abs(value)
    top = [y - value for y in columns[-1]]

    def between(i: int, t: float) -> float:
        return _sampled(f, point(t * scale * 2.0 ** -(first + i + 2)))

    # A value below 1 settles in absolute terms (`_settled`). Where f scatters by
    # its own size at every step (`_scatters`), the value is one sample of the
    # scatter and its error the noise of a few, but the limit may lie anywhere in
    # the scatter: sin(x)/x at -1.2019435952952266e18 from the left was 3.66e-19 +-
    # 2.3e-19 for -8.18e-19. The error is the scatter about the value, and the value
    # settles only if that does (1e-6 sin(1/x) at 0 does not, as sin(1/x) does not).
    # So where f keeps its leading digits and scatters beside them by the scatter's
    # own size, about its middle: 1e-10 + sin(x)/x at -1177344836721334.0 from the
    # right was 1.0000049738662757e-10 +- 3.3e-16 for 9.999916696173223e-11.
    middle = 0.5 * (max(run.values) + min(run.values))
    scatter = settled and (_scatters(run.values) or _scatters(run.values, middle))
    if scatter:
        error = max(error, *(abs(y - value) for y in run.values))
        settled = _settled(value, error)
    if settled and _stopped_past(run.values, value, between):
        start = first + _run_start(run.values)
        return _OneSided(
            value,
            math.inf,
            False,
            f"f settles near {value:.6g} far from x0 (from the {name}), but then leaves it "
            f"ever faster and stops on {run.values[-1]:.6g} from "
            f"{point(scale * 2.0 ** -(start + 2))!r} on, farther still from it: a growth "
            "that stops there (1 + min(1e-20/x**4, 1e30) at 0, whose limit is 1e30 + 1) "
            "contradicts the value, and the samples cannot tell the limit; pass "
            "full_output=True to get the estimate anyway",
        )
    if settled and (_divergence([y - value for y in run.values]) or _departing(top, floor)):
        outermost = point(scale * 2.0 ** -(first + 2))
        h = scale * 2.0 ** -(run.last + 2)
        growth = _contradicted(
            run,
            value,
            error,
            outermost,
            name,
            closer=lambda values: (
                _law_closer_in(f, point, h, values) if x0 in (0.0, math.inf, -math.inf) else None
            ),
        )
        if growth is not None:
            return growth
    elif not settled and not error <= DIVERGE * max(1.0, abs(value)):
        growing = _growth_before_stuck(run)
        if _divergence(growing.values):
            return _grows(f, point, scale, growing, name)
    # A value settled to its error while f steps by d, clearly not 0, at every
    # halving (`_log_growth`) is none: a log goes on so, and a tiny power does
    # until it has moved by all of f ((x - 1)**5e-8 at 1+, 0.9999982 +- 6.2e-7 from
    # steps of -3.5e-8; its limit is 0). At 0 and infinity the samples closer in
    # show it; elsewhere there are none.
    steps = _log_growth(run.values, first) if settled and math.isfinite(x0) and x0 else None
    if steps is not None:
        return _OneSided(
            value,
            math.inf,
            False,
            f"f changes too slowly as x approaches x0 from the {name} to tell a log from a "
            f"small power: it steps by about {steps[0]:.7g} each time h = |x - x0| halves, "
            f"as d log2(1/h) would (limit {math.copysign(math.inf, steps[0])}), and as "
            "(x - x0)**p with a tiny p does (limit 0), down to the last point sampled, "
            f"{point(scale * 2.0 ** -(run.last + 2))!r}; the estimate {value:.6g} is "
            "neither, and the samples cannot tell the limit; pass full_output=True to "
            "get the estimate anyway",
        )
    # Steps of one sign that shrink slower than the estimate's tail covers
    # (`_too_slow`): their sum is not bounded by the samples (1e-7 log(-log(x - 1))
    # at 1+, 3.56e-7 +- 3.6e-8, steps like 1/log2(1/h), whose sum diverges). Not
    # handed to the walk in u = 1/log|x| at 0 and infinity: it answers 1e-7 log(-log x)
    # at 0+ 4.7e-7 +- 6.2e-7 (within ACCEPT, absolute below 1), and its limit is +inf.
    # What the moves over the last blocks of halvings leave beyond the last
    # sample (`_block_tail`): the value must be within its error of where they go.
    # Not at 0 and infinity, where f is checked closer in and the value may come from there.
    blocks = (
        _blocks(run.values, 2.0 * _noise(_table(run.values))[0][-1])
        if settled and math.isfinite(x0) and x0
        else None
    )
    beyond = _block_tail(blocks)
    # Steps too slow for `_entries`' tail (`_too_slow`) that keep one ratio
    # get the geometric tail below (h**0.05: 2**-0.05 a halving).
    slow = settled and _too_slow(run.values) and not _keep_one_ratio(blocks)
    if (
        not slow
        and math.isfinite(beyond)
        and abs(beyond) > BLOCK_TREND * 2.0 * ULPS * _EPS * abs(value)
    ):
        error = max(error, abs(run.values[-1] + beyond - value))
        settled = _settled(value, error)
    if settled and (slow or math.isinf(beyond)):
        how = (
            "its steps, each time h = |x - x0| halves, keep one sign and shrink by less "
            "than 1/19 a halving"
            if slow
            else f"what it moves over each block of {NOISE_POINTS} halvings of h = |x - x0| "
            "keeps one sign and shrinks by a ratio that rises, or by too little,"
        )
        return _OneSided(
            value,
            math.inf,
            False,
            f"f changes too slowly as x approaches x0 from the {name} to tell its limit: "
            f"{how} down to the last point sampled, "
            f"{point(scale * 2.0 ** -(run.last + 2))!r}, and what they add up to beyond "
            "it is not bounded by them (log(-log(x - 1)) at 1+ steps like 1/log2(1/h), "
            f"and tends to +inf); the estimate {value:.6g} may be far off; pass "
            "full_output=True to get the estimate anyway",
        )
    if settled:
        # What f's scattering shows (`_scatters`), said.
        shown = (
            "; f scatters by its own size at every step, faster than the steps can "
            "follow (an oscillation), and the error is that scatter"
            if scatter
            else ""
        )
        return _OneSided(value, error, True, f"extrapolated from the {name}{run.note}{shown}")
    return _unsettled(run.values, first, value, error, name)


def _unsettled(values: list[float], first: int, value: float, error: float, name: str) -> _OneSided:
    """An infinite limit when ``f`` grows like a log (`_log_growth`), else the refusal."""
    growth = _log_growth(values, first)
    if growth is not None and growth[1]:
        rate, delta, _ = growth
        return _OneSided(
            value,
            error,
            False,
            f"f changes too slowly as x approaches x0 from the {name} to tell a log from a "
            f"small power: it steps by about {rate:.7g} each time h = |x - x0| (1/|x| at "
            f"infinity) halves, as d log2(1/h) would (limit {math.copysign(math.inf, rate)}), "
            f"but that step changes by {delta:.3g} at every halving, as a power's does "
            "(x**1e-4 at 0 steps by -6.9e-5 and tends to 0); the limit cannot be told; "
            "pass full_output=True to get the estimate anyway",
        )
    if growth is not None:
        rate = growth[0]
        infinity = math.copysign(math.inf, rate)
        return _OneSided(
            infinity,
            0.0,
            True,
            f"f grows without bound like {rate:.7g} log2(1/h), h = |x - x0| (1/|x| at "
            f"infinity): a step of {rate:.7g} each time h halves; the limit is {infinity}",
        )
    return _OneSided(
        value,
        error,
        False,
        f"{_UNSETTLED} as x approaches x0 from the {name}: the best estimate "
        f"{value:.6g} has an estimated error of {error:.2g}. The limit may not exist "
        "(f oscillates, as sin(1/x) does at 0), f may lose its accuracy near x0, or f "
        "may approach its limit too slowly for any float to show it (log(log x)/log x "
        "is still 0.0093 at x = 2**1022, though its limit at infinity is 0); "
        "pass full_output=True to get the estimate anyway",
    )


# sympy's name (limit(f, x, x0, dir="+")) and a reader's for limit's side.
_SIDE = dict.fromkeys(
    ("dir", "direction"), "calcweb's name for it is side: 'left', 'right', '-', '+' or 'both'"
)


def _check_side(side: object, x0: float) -> str:
    if not isinstance(side, str) or side not in _SIDES:
        raise InvalidArgumentError(
            f"side must be 'both', 'left' or 'right' ('-' or '+'), but got {side!r}"
        )
    side = _SIDES[side]
    if math.isinf(x0):
        approach = "left" if x0 > 0 else "right"
        if side not in ("both", approach):
            raise InvalidArgumentError(
                f"nothing lies to the {side} of x0={x0!r}; pass side={approach!r} or leave side out"
            )
        side = approach
    return side


def _points(x0: float, side: str) -> Callable[[float], float]:
    """The map from a step ``h > 0`` to the sample point on ``side`` of ``x0``."""
    if math.isinf(x0):
        return lambda h: math.copysign(1.0, x0) / h
    direction = 1.0 if side == "right" else -1.0
    return lambda h: x0 + direction * h


@checking_arguments_hinting(_SIDE)
def limit(
    f: Function,
    x0: float,
    *,
    side: Literal["both", "left", "right", "-", "+"] = "both",
    full_output: bool = False,
) -> float | LimitResult:
    r"""The limit of ``f(x)`` as ``x`` approaches ``x0``, never evaluating ``f(x0)``.

    ``f`` is sampled on a geometric sequence of points approaching ``x0`` and
    the samples are extrapolated to the limit (Richardson extrapolation); the
    error estimate comes from how well neighbouring extrapolations agree and
    from the rounding noise of the samples. Provided ``f`` behaves near
    ``x0`` as it does at the points sampled (down to about
    ``2**-50 * max(1, |x0|)`` from ``x0``, or elsewhere to about
    ``2**-52 * max(1, |x0|)``, the spacing of the floats there if
    ``|x0| >= 1``, when the last samples are off a finite
    value and do not settle onto it, and for an infinite one; at
    ``|x0| < 1``, and toward 0 from a power of 2 (1 or 2 from the left), to
    the float next to ``x0`` for a finite value that ``f``
    has at every usual sample, or at the 3 before the last, which is off it
    by more than its rounding, or that the last sample is off by more than
    4 times the error (unless ``f`` at a quarter of the last step is no
    farther off it than at half, and the changes there do not halve); at 0
    and at infinity, down to
    about ``1e-90``: at that step alone for a finite value that ``f`` fits
    there, or an infinite one that ``f`` there keeps growing to, at 16 steps
    down to it when the estimate is still poor, or its error small beside
    the rounding noise of the last samples, or ``f`` off it (or short of the
    growth) at the deepest step, or when the last samples leave it
    like ``c / h**p``), the true error
    is at most twice the estimate, or the limit is refused.
    ``x / (x + 1e-300)`` at 0, whose limit is 0, looks like 1 at every point
    sampled (``x / (x + 1e-30)`` is 1.5e-62 at ``x = 1.5e-92``, and refused).
    Closer in, a run that ``f`` drops onto is taken for rounding's, so a term
    that reaches a cap where rounding drops the rest of ``f`` is not seen
    (``(sin(x) - x)/x**3 - min(1e-40/|x|**3, 1000)`` at 0+, whose limit is
    -1000.17, is -1/6 and rounding's ``-2**-53/x**2`` out to ``x =
    2**-25`` (-0.125 there), then, as ``sin x`` rounds to ``x``, the term
    alone, -3e-17 at ``2**-26`` growing 8 times a halving to -279 at
    ``2**-47``, and -1000 from ``2**-48`` on, closer in too, and is answered
    -0.16666666666242236 give or take 5.4e-11), unless the last usual
    samples leave the value by a law
    ``c / h**p`` smaller than it, which rounding can make: a run other than 0
    there is refused, as the samples cannot tell a cap that stops the term
    (``(tan(pi/4 + x) - tan(pi/4))/x + min(3.13e-16/x, 1.74)`` at 0+, limit
    3.74, is 2 + ``4.2e-16/x`` at the usual samples, 4.7 at ``x = 2**-53``,
    1.74 from ``2**-54`` on) from the quotient's rounding beside a constant
    (``+ 5`` in place of the cap: 7 + ``2**-53/x``, then 5; limit 7).
    Nor is ``f`` taken to change where it gets stuck on one value
    on its last samples, from ``2**-24 * max(1, |x0|)`` to ``x0`` (roughly), after
    samples that settle or grow: rounding that cancels all its digits does
    that (``1 - cos x`` is 0 for ``|x| < 1e-8``), and the run is left out.
    So ``f`` cut to a constant there is answered as if it were not: ``1/x``
    for ``|x| > 2**-27`` and 0 below is infinite at 0, though its limit is 0,
    as ``(1 - cos x)/x**3``, which rounding makes exactly 0 there, is.
    But a run past samples that leave a value settled farther out ever
    faster (away from the value, or farther from 0) and other than 0 is
    taken for where a growth stops (rounding that cancels all of ``f``'s digits leaves 0) when
    ``f`` stays off the value between the last of them and the run too,
    however little they left it, and the value is refused:
    ``1 + min(1e-20/x**4, 1e30)`` at 0+ is 1 far out, grows 16 times a
    halving to 2.3e29 at ``2**-41`` and is 1e30 from ``2**-42`` on (its limit
    is 1e30 + 1); ``1 + min(1e-20/x**2, 0.5)`` is 1.18 at ``2**-32`` and 1.5
    from ``2**-33`` on. So is a run from a larger step past samples that leave the
    value at one whole power of ``1/h``, between them too (f is sampled once
    more there), within the law's next step:
    ``1 + min(1e-20/x**3, 5)`` at 0+ is 1.74 at ``2**-22`` and 6 from
    ``2**-23`` on. Rounding that cancels a term beside a constant drops
    ``f`` onto it, past the growth, but goes back past the value between the
    samples: ``(tan h - sin h)/h**3 - 0.5`` at 0+ is -0.125 at ``2**-25`` and
    -0.5 from ``2**-26`` on, but 0.093 at ``0.75 * 2**-25``, and its limit,
    0, is answered.
    ``f`` that is one constant at every point sampled and another
    farther out is taken for a step only if it is one of the two halfway
    between the last point of one and the first of the other:
    ``((2**60 + x) - 2**60) / x`` at 0, whose limit is 1, is 0 at the
    points from 0 out to 128 and 1 at ``256, 512, ...``, but 4/3 at 192
    (``2**60 + x`` rounds to a multiple of 256 above ``2**60``; from the
    left, 0 out to -64, 1 from -128 on, 4/3 at -96), and is refused.
    At infinity, ``f`` that is one constant at every point sampled is asked
    once more, at the deepest step (6.5e91), with its ``+ - * /`` and whole
    powers (up to 64) computed exactly on the same floats (functions such as
    ``math.sqrt`` are not followed: what they return counts as exact); where
    ``f`` is the constant there too, but that is off it by more than twice
    its error, it is refused, as rounding's: ``x*((2**60 + 1/x) - 2**60)``
    (0.0 at every float ``x >= 1/128``, though 1 at every ``x``), and
    ``x*((2**60 + 1/x**2) - 2**60)``, whose limit, 0, is the constant.
    When ``f`` is exactly constant at the points sampled but farther out
    heads for another value (farther from the constant than the error of
    the estimate from there) (and does not fall onto the constant ever
    faster, as ``exp(-1/x**2)`` does at 0), as rounding makes ``(1 - cos(x/1e8)) /
    (x/1e8)**2`` at 0 (or ``((a + t) - a)/t``, ``t = x/c``, where ``a + t``
    rounds to ``a`` at those points), or grows without bound only where rounding makes it
    ``c / h**p`` (``(exp(t) - 1 - t)/t**2`` for ``t = x/1e8``), the limit is
    refused with a message that says so. So is a value that ``f`` settles on
    and then leaves ever faster on its last samples, when they cannot tell a
    real growth from rounding; when they leave it exactly like ``c / h**p``
    by more than its size (``1 + 1e-20/x**2`` at 0), the limit is infinite,
    and when by less, the value stands if, at 0 or at infinity, ``f`` stays
    within the size of its samples closer in, where a real ``c / h**p``
    grows on, as ``(tan(pi/4 + x) - tan(pi/4))/x`` at 0 does (it is 0 once
    ``pi/4 + x`` rounds to ``pi/4``), and is not stuck there on a constant
    other than 0 (above); the limit is infinite if ``f`` is
    that law at every step closer in, still showing its value at one
    (``2 + 2**-53/x`` at 0+), and it is refused otherwise. So a constant
    that rounding leaves in a numerator, beside ``f``'s other terms, at
    every point sampled is read as ``f``'s: ``5 + (((0.1 + x**2)*3)*7 -
    0.1*21)/x``, ``5 + 4.4e-16/x`` at every float ``x`` below ``2.6e-9``, is
    infinite at 0+.

    * ``side="both"`` takes both one-sided limits and raises DomainError,
      giving both values, when they differ by more than their error
      estimates allow (``sign(x)`` or ``1/x`` at 0).
    * ``side="right"`` (or ``"+"``) and ``side="left"`` (or ``"-"``) take one.
    * ``x0`` may be ``math.inf`` or ``-math.inf``.
    * When ``f`` grows without bound (``1/x**2`` at 0), the result is
      ``math.inf`` or ``-math.inf``, as in ``sympy.limit``; ``message`` of
      the full output says so.
    * At 0 and at infinity, ``f`` that does not settle at the usual points is
      also sampled at ``|x| = 2**e`` (``2**-e`` at 0), ``e = 1022 * 2**(-j/2)``,
      and extrapolated in ``u = 1/log|x|`` (20 evaluations, and up to 10
      more halfway between), when ``f`` is smooth in ``u`` out to ``e = 24``:
      ``log(2*x)/log(3*x)`` at infinity, 0.9994 at 1e300, is 1.0 give or take
      7.7e-14 (the module docstring says when it stands).
    * At 0 and at infinity, ``f`` that fits a finite value out to the
      deepest step (``|x|`` about 6.5e91, 1.5e-92 at 0) is also sampled at
      ``|x| = 2**993`` (``2**-993`` at 0; or the farthest step of ``2**16``
      where it does not fail, and at 0, where it is off the value there,
      where no product, quotient or power inside ``f`` underflows:
      ``sqrt(x*x)/x`` is 0.0 below ``2**-538``), and where it is off the
      value there (by more than 4 times its error; by less, the error is
      widened to reach it), at every such step on (up to 57 evaluations
      more, 64 at 0): the level it settles on there is the limit, and a level change
      it does not settle from is refused: ``1 - 7/(1 + (x/1e200)**2)`` is
      -6.0 exactly out to 1e192 and 1.0 from 3.6e208 on (1.0 give or take
      1.1e-14); ``1 - tanh(x/1e-200)`` at 0+ is 0.0 at every usual and
      deep step, and 1.0 give or take 5.9e-13. A jump between two such
      steps and nothing between, as an overflow inside ``f`` makes
      (``x/sqrt(x*x + 1)`` is 0.0 from ``2**512`` on), is not taken for a
      level; one that no overflow inside ``f`` makes (``1 + 3*(x > 1e200)``,
      ``1 + 3*(x < 1e-200)`` at 0+) is refused.
    * At 0 and at infinity, an infinite limit that ``f`` keeps growing to
      out to the deepest step is checked farther out still, at ``|x| =
      2**1022`` (``2**-1022`` at 0), or nearer, where the growth of its last
      samples would leave the floats (``x*x``: ``2**511``), or at the last
      halving before ``f`` fails, where it fails nearer still (1
      evaluation, up to 11 where it fails there), and, where ``f`` does not
      fail at the first of those points but is short there of that growth by
      more than a part in 1.5 million (``2**-20`` bits), though by less than
      half, one halving farther too, where that growth reaches ``2**1023``
      or more (``min(x**3, 1e307)`` is 1e307 at ``2**340``, where ``x**3`` is
      1.12e307, and 1e307 again at ``2**341``, where ``x**3`` is 8.99e307);
      where ``f`` fails at a
      step of the walk (16 halvings apart), so past the walk's last point, by
      the growth of its last two samples, as a power's: ``f`` short there of that
      growth, or no farther than at the deepest step, is refused
      (``tanh((x/1e200)**0.5)`` grows like ``x**0.5`` out to 1e200, and tends
      to 1; ``min(x**2, 1e300)`` is ``x**2`` out to 1e150, and 1e300 at
      6.7e153, where ``x**2`` is 4.5e307). A growth slower than a
      power, sampled at each of those points, must grow at each
      (``min(log(x), 500)`` is refused).
    * ``f`` that moves by no more than its rounding noise over its first
      samples, as cancellation leaves it when ``f`` varies on a far larger
      scale (``(exp(1e-8*x) - 1)/x`` at 0), is also sampled farther out, at
      steps up to ``2**40`` times the first (up to 40 evaluations a side;
      26 for this one), and answered from all the samples where the first
      ones confirm it (the module docstring says how): 1.0000000000001585e-8
      give or take 8.3e-16 from the right, where the usual samples gave
      1.000000082740371e-8 give or take 7.1e-15.
    * ``f`` is sampled between the steps too (twice a side, more when it is
      off there), down to about ``2**-40 * max(1, |x0|)`` from ``x0``, and
      refused when it is far off the trend of the steps about it there and
      at every shallower depth that would show it: ``cos(2*pi/x)`` at 0 is
      1 at every ``x = 2**-k`` and -1 at ``1/(n + 1/2)``; ``(-1)**int(x)`` at
      infinity is 1 at every ``2**k``, and ``1/x + (-1)**int(x)/100`` is
      refused too, though ``1/x`` moves more than 0.01 between its first steps.
    * When ``f`` does not settle (``sin(1/x)`` at 0) it raises NumericalError;
      with ``full_output=True`` it returns the best estimate with
      ``converged=False`` instead. Its error then reaches ``f`` near
      ``x0``, unless ``f``'s values at the 8 points sampled closest to
      ``x0`` look like rounding's (no change over them, or changes that grow
      at every step): where they move one way, it reaches ``f`` at the
      closest and what its last changes add up to beyond it (infinite where
      they shrink too slowly to bound that): ``x**0.01`` at 0+ is 0.704 give
      or take 0.707 (f is 8.4e-4 at ``2**-1022``; its limit is 0); where
      they do not, it reaches the farthest of them from the estimate.

    Args:
        f: A function of one real number returning a real number.
        x0: The point approached; may be infinite.
        side: ``"both"``, ``"left"`` (``"-"``) or ``"right"`` (``"+"``).
        full_output: Return a `LimitResult` instead of a float.

    Returns:
        The limit as a float, or a `LimitResult` with ``value``,
        ``error``, ``nfev``, ``side``, ``left``, ``right``, ``converged`` and
        ``message``.

    Raises:
        InvalidArgumentError: For an unknown ``side`` or a NaN ``x0``.
        ArgumentTypeError: If ``f`` is not callable or returns a non-number.
        DomainError: If the one-sided limits differ, or ``f`` is not defined
            on one side of ``x0`` (then pass the other side).
        NumericalError: If ``f`` does not settle near ``x0`` (unless
            ``full_output=True``); and, whatever ``full_output``, if one call
            of ``f`` takes over a second and 100 times its first (its cost
            grows toward ``x0``, as a sum over ``range(n)`` does at infinity),
            since the samples would not end.

    Examples:
        >>> import math
        >>> from calcweb import limit
        >>> round(limit(lambda x: math.sin(x) / x, 0.0), 12)
        1.0
        >>> round(limit(lambda x: (1 + x) ** (1 / x), 0.0), 10) == round(math.e, 10)
        True
        >>> abs(limit(lambda x: x * math.log(x), 0.0, side="right")) < 1e-12
        True
        >>> round(limit(lambda x: (1 + 1 / x) ** x, math.inf), 10) == round(math.e, 10)
        True
        >>> limit(lambda x: 1 / x**2, 0.0)
        inf
        >>> limit(lambda x: math.copysign(1.0, x), 0.0)
        Traceback (most recent call last):
          ...
        calcweb.exceptions.DomainError: the one-sided limits at x0=0.0 differ: ...
    """
    check_callable(f)
    x0 = check_real_or_infinite(x0, "x0")
    approach = _check_side(side, x0)
    if not isinstance(full_output, bool):
        raise ArgumentTypeError(f"full_output must be True or False, but got {full_output!r}")
    scale = _scale(x0)
    sides = ("left", "right") if approach == "both" else (approach,)
    # At a finite x0 far out, f's own arithmetic may overflow to inf silently.
    counted = _Counted(f, watched=math.isfinite(x0) and x0 != 0.0)
    try:
        found = {name: _one_sided_of(counted, x0, name, scale, approach) for name in sides}
    except _TooSlow as slow:
        raise slow.error() from None
    result = _combine(x0, approach, found, counted.calls)
    if not result.converged and not full_output:
        raise NumericalError(result.message)
    return result if full_output else result.value


def _scale(x0: float) -> float:
    """``s``, the first step of the walk from ``x0`` times 4: a power of two.

    The binade's own at ``|x0| >= 2`` (the points stay in it: exact), 1 at
    0, at infinity and at ``|x0|`` down to ``2**-19``; closer to 0, ``2**19``
    times the binade's, so that the walk still ends ``BELOW_X0`` halvings
    below ``|x0|``: from 1 it stops at ``2**-49``, and a walk that never gets
    below ``|x0|`` sees the limit at 0 instead. ``1/x`` at ``9.3e-20`` from the
    right was ``inf`` (its samples, ``1/(x0 + h)``, grow like ``1/h`` down to
    ``h = 2**-49``); ``log`` at ``7.1e-18``, ``-inf``. Not below ``2**-1020``:
    the last step, ``s * 2**-49``, stays 32 times the smallest subnormal
    spacing, ``2**-1074`` (from ``|x0|`` below ``2**-1039`` the walk then ends
    fewer than ``BELOW_X0`` halvings below it).
    """
    if math.isinf(x0) or x0 == 0.0:
        return 1.0
    binade = math.ldexp(1.0, math.frexp(x0)[1] - 1)
    if binade >= 2.0:
        return binade
    return max(min(1.0, binade * 2.0 ** (STEPS + 1 - BELOW_X0)), 2.0**-1020)


def _one_sided_of(f: _Counted, x0: float, name: str, scale: float, side: str) -> _OneSided:
    """The limit from ``name``, explaining a failure on one side of a two-sided limit."""
    try:
        result = _one_sided(f, _points(x0, name), scale, x0, name)
    except DomainError as error:
        if side != "both" or UNDERFLOWED_INSIDE in str(error):
            raise  # (an underflow inside f: f may be defined there, and the other side fail alike)
        other = "right" if name == "left" else "left"
        raise DomainError(
            f"f is not defined on the {name} of x0={x0!r} ({error}); pass "
            f"side={other!r} for the one-sided limit"
        ) from error
    if x0 in (0.0, math.inf, -math.inf) and result.message.startswith(_UNSETTLED):
        result = _log_scale(f, x0, name, result)
    # Below the smallest normal number floats keep no relative precision, and
    # f may have lost all of a value there to an intermediate result out of
    # range: sin(x)/(x*x) at 4.01466521931094e154 is 0.0 at every sample (x*x
    # overflows), and its limit is 5.3e-310. No value there is told closer.
    tiny = sys.float_info.min
    if result.converged and abs(result.value) < tiny and result.error < tiny:
        result = dataclasses.replace(result, error=tiny)
    return _reaching_closer_in(f, x0, name, _off_the_grid(f, _points(x0, name), scale, result, x0))


def _reaching_closer_in(f: _Counted, x0: float, name: str, result: _OneSided) -> _OneSided:
    """``result``, when ``f`` did not settle, with an error that reaches ``f`` closest to ``x0``.

    The estimate of a walk that does not settle comes from samples that may lie
    far from ``x0`` beside those taken closer in: ``x**0.01`` at 0+ was 0.704
    +- 0.088 (the usual samples end at ``2**-49``, where f is 0.712), though f
    is 8.4e-4 at ``2**-1022`` and its limit is 0. Over the ``NOISE_POINTS``
    samples closest to ``x0``, ``f`` that moves one way is a trend: the error
    reaches the closest sample, plus what the last changes add up to beyond
    it: twice the geometric tail of the last two (`_column_tail`: at their
    ratio, 0.9 where they do not shrink) or, at a finite ``x0`` other than 0,
    where the closest samples are the usual walk's halvings, the geometric
    tail of its moves over blocks of halvings (`_block_tail`) where that is
    larger, infinite where they shrink ever slower (``1e-4/log(-log h)``
    beside 0.782, ``h = (x - 0.782)/2``, was 2.8e-5 +- 2.8e-6, its limit 0,
    f 2.8e-5 at the walk's last step, 0.782 + 1.8e-15). Else ``f`` scatters
    there (``sin(1/x)`` at 0) or arrives on a value, and the error reaches the
    farthest of them. Samples whose values look like rounding's are left, as
    the walk's rules leave them (`_rounding_closest`).
    """
    if result.converged or not (math.isfinite(result.value) and math.isfinite(result.error)):
        return result
    nearest = _closest_samples(f, x0, name)
    values = [y for _, y in nearest]
    changes = _changes(values[-NOISE_POINTS:])
    if len(changes) < 2 or _rounding_closest(changes):
        return result
    x, y = nearest[-1]
    if len({_sign(d) for d in changes}) == 1:
        rounding = 2.0 * ULPS * _EPS * max(map(abs, values[-3:]))
        tail = _column_tail(values[-3:], rounding)
        if math.isfinite(x0) and x0 != 0.0:
            tail = max(tail, abs(_block_tail(_blocks(values))))
        reach = abs(y - result.value) + tail
        widened = (
            f"; f is {y:.6g} at {x!r}, the point sampled closest to x0, and the estimate's "
            f"error is widened to {reach:.2g}, to reach f there and what f's last changes "
            "add up to beyond it"
            if math.isfinite(tail)
            else f"; f is {y:.6g} at {x!r}, the point sampled closest to x0, and its last "
            "changes there shrink too slowly to bound what they add up to beyond it: the "
            "estimate's error is infinite"
        )
    else:
        reach = max(abs(y - result.value) for y in values[-NOISE_POINTS:])
        widened = (
            f"; f at the {NOISE_POINTS} points sampled closest to x0 (the closest {x!r}) "
            f"does not move one way, and the estimate's error is widened to {reach:.2g}, "
            "to reach the farthest of them"
        )
    if not reach > result.error:
        return result
    head = result.message.removesuffix(_ANYWAY)
    anyway = _ANYWAY if head != result.message else ""
    return dataclasses.replace(result, error=reach, message=head + widened + anyway)


def _rounding_closest(changes: list[float]) -> bool:
    """Whether ``f``'s last ``changes`` toward ``x0`` are rounding's, as the walk's rules take them.

    None (``f`` stuck on one value, as rounding that cancels all of ``f``'s
    digits leaves it: ``(exp(t) - 1)/t``, ``t = x/5.4e8``, is 0 from ``x =
    2**-24`` on), or ever larger (rounding's ``c / h**p``: ``(cos h - 1 +
    h**2/2 - h**4/24)/h**6`` at 0 is ``1/(2 h**4)`` from ``h = 2**-27`` on,
    where ``cos h`` rounds to 1).
    """
    return not any(changes) or all(abs(b) > abs(a) for a, b in itertools.pairwise(changes))


def _closest_samples(f: _Counted, x0: float, name: str) -> list[tuple[float, float]]:
    """The points sampled on side ``name`` of ``x0`` and ``f`` there, the closest last."""
    direction = (1.0 if name == "right" else -1.0) if math.isfinite(x0) else math.copysign(1.0, x0)
    if math.isinf(x0):
        distances = {x: 1.0 / abs(x) for x in f.seen if x * direction > 0.0}
    else:
        distances = {x: abs(x - x0) for x in f.seen if (x - x0) * direction > 0.0}
    return [(x, f.seen[x]) for x in sorted(distances, key=distances.__getitem__, reverse=True)]


# f between the walk's steps h_k = s 2**-(k + 2) (`_off_the_grid`): at three depths, ...
PROBE_DEPTHS = (6, 22, 38)  # ... k = these (x = 2**40 at the deepest keeps 12 bits of fraction) ...
PROBE_RATIO = 0.5 + 0.5 / math.pi  # ... at h_k times this (log2: -0.60, a period in log x) ...
PROBE_SHIFT = 1.0 + 1.0 / math.pi  # ... and where 1/h is 1/h_k plus this (a period in 1/h)
PROBE_WINDOW = 4  # f's changes over so many steps either side show how much it moves there
PROBE_SLACK = 4.0  # f off its two neighbours by more than this times those changes is off the grid
PROBE_NOISE_GROWTH = 16.0  # departures growing so much a depth (16 halvings) or more: rounding's
PROBE_BETWEEN = (14, 30)  # depths halfway between, where that growth is confirmed


def _grid_window(f: _Counted, point: Callable[[float], float], scale: float, k: int) -> list[float]:
    """``f`` at the walk's steps ``k - PROBE_WINDOW .. k + PROBE_WINDOW + 1``; [] if one failed."""
    steps = range(k - PROBE_WINDOW, k + PROBE_WINDOW + 2)
    values = [f.seen.get(point(scale * 2.0 ** -(j + 2)), math.nan) for j in steps]
    return [] if any(math.isnan(y) for y in values) else values


# f's smooth trend near the probes, as a cubic through four steps in each of these
# coordinates of step j (0 at the probe's depth): log h, where c + a h**p is smooth for
# any p, and h, where a power series in h (sin(x)/x, (1 + 1/n)**n) is nearly a cubic.
TREND_COORDINATES: tuple[Callable[[float], float], ...] = (lambda j: j, lambda j: 2.0**-j)


def _cubic(
    coordinate: Callable[[float], float], nodes: list[float], ys: list[float], at: float
) -> float:
    """The cubic through ``ys`` at steps ``nodes``, at step ``at``, in ``coordinate``."""
    zs = [coordinate(j) for j in nodes]
    z = coordinate(at)
    return sum(
        y * math.prod((z - zj) / (zi - zj) for zj in zs if zj != zi)
        for zi, y in zip(zs, ys, strict=True)
    )


def _trend_misses(window: list[float], coordinate: Callable[[float], float]) -> float:
    """How closely ``coordinate``'s cubics follow f over the window.

    The largest miss, at a step, of the cubic through its two neighbours either side.
    """
    sides = (-2, -1, 1, 2)
    return max(
        abs(
            window[i]
            - _cubic(coordinate, [i + d for d in sides], [window[i + d] for d in sides], i)
        )
        for i in range(2, len(window) - 2)
    )


def _best_trend(window: list[float], size: float) -> tuple[float, Callable[[float], float]]:
    """How far f may be off the cubics that follow it best over the window, and their coordinate.

    ``PROBE_SLACK`` times their misses, and beyond rounding.
    """
    misses = [(_trend_misses(window, c), c) for c in TREND_COORDINATES]
    least, coordinate = min(misses, key=lambda mc: mc[0])
    return max(PROBE_SLACK * least, ULPS * _EPS * size), coordinate


def _off_between(
    window: list[float], u: float, y: float, result: _OneSided, least: float = 0.0
) -> tuple[float, float]:
    """How far ``y`` is off f's trend (0.0 if not), and how much f could hide there.

    ``y`` is f ``u`` steps past the window's middle step; the trend, the cubic
    through the four steps about it in the coordinate whose cubics follow f best
    over the window. Off: beyond that cubic's slack (``least`` at least), and
    beyond twice the value's error and the slack from the value. An oscillation f
    hides there is at most the miss plus the slack.
    """
    size = max(abs(y), *map(abs, window[PROBE_WINDOW : PROBE_WINDOW + 2]), abs(result.value))
    slack, coordinate = _best_trend(window, size)
    slack = max(slack, least)
    ys = window[PROBE_WINDOW - 1 : PROBE_WINDOW + 3]
    miss = abs(y - _cubic(coordinate, [-1.0, 0.0, 1.0, 2.0], ys, u))
    if miss > slack and abs(y - result.value) > 2.0 * result.error + slack:
        return miss, 0.0
    return 0.0, miss + slack


def _probes(point: Callable[[float], float], h: float, x0: float) -> list[tuple[float, float]]:
    """The probes ``(h', x)`` between steps ``h`` and ``h/2``, none rounded onto a step.

    At ``h`` times ``PROBE_RATIO``, and where ``1/h'`` is ``1/h`` plus ``PROBE_SHIFT``;
    ``h'`` is the step ``x`` is at, once rounded (``x0 + h'`` rounds to ulps of ``x0``).
    """
    ends = sorted((point(h), point(h / 2.0)))
    xs = [point(probe) for probe in (h * PROBE_RATIO, 1.0 / (1.0 / h + PROBE_SHIFT))]
    return [
        (1.0 / abs(x) if math.isinf(x0) else abs(x - x0), x) for x in xs if ends[0] < x < ends[1]
    ]


def _probed(
    f: _Counted,
    probes: list[tuple[float, float]],
    h: float,
    window: list[float],
    result: _OneSided,
    *,
    every: bool = False,
) -> tuple[float, float, float] | float:
    """``(x, f(x), departure)`` where f at ``probes`` (between ``h`` and ``h/2``) is off its trend.

    The first such probe; with ``every``, each is asked and the one farthest off
    counts. Else the largest oscillation f could hide there (inf: no probe told).
    """
    off: list[tuple[float, float, float]] = []
    hidden = []
    # From h = 1 up (|x0| from about 2**40 at the deepest depth) the steps are whole
    # numbers apart, and floor and its kind step between them as an oscillation would:
    # there f is also let off by PROBE_SLACK times what it moves between the steps.
    least = (
        PROBE_SLACK * max(abs(a - b) for a, b in itertools.pairwise(window)) if h >= 1.0 else 0.0
    )
    for probe, x in probes:
        y = _sampled(f, x)
        if math.isnan(y):
            hidden.append(math.inf)
            continue
        departure, could_hide = _off_between(window, -math.log2(probe / h), y, result, least)
        if departure and not every:
            return x, y, departure
        if departure:
            off.append((x, y, departure))
        hidden.append(could_hide)
    if off:
        return max(off, key=lambda witness: witness[2])
    return max(hidden, default=math.inf)


def _off_the_grid(
    f: _Counted,
    point: Callable[[float], float],
    scale: float,
    result: _OneSided,
    x0: float = 0.0,
) -> _OneSided:
    """``result``, refused where ``f`` between the walk's steps is far off their trend.

    ``f`` periodic in ``1/x`` at 0, in ``x`` at infinity or in ``log x``
    takes one value at every step ``h_k = s 2**-(k + 2)`` (``cos(2 pi/x)`` is 1 at
    ``x = 2**-k``, -1 at ``1/(n + 1/2)``, as close to 0 as you like) and settles
    there. So at each of three depths, deepest first (first those where both probes
    fall between the steps), ``f`` is sampled at
    ``h_k`` times an irrational ratio (a period in ``log x``) and, when it is
    on its trend there, where ``1/h`` is ``1/h_k`` plus an irrational shift (a
    period in ``1/h``, as ``(-1)**int(x)`` at infinity). On its trend at the
    deepest depth, where a trend is resolved best, ``f`` is as smooth as the
    steps show (sampled once or twice a side). Off it there, ``f`` is refused
    unless it is on its trend at a shallower depth with a slack below half the
    departures seen (a decaying part, as ``1/n`` or ``sqrt(x)``, moves f so much
    at the shallowest depth that a small oscillation does not show there: that
    depth does not clear it), or its departures shrink toward ``x0`` (it
    converges; they bound the error) or grow as rounding noise does, at the
    depths halfway between too (`_grows_as_rounding`).
    """
    if not result.converged or not math.isfinite(result.value):
        return result
    steps = {k: scale * 2.0 ** -(k + 2) for k in PROBE_DEPTHS}
    probes = {k: _probes(point, h, x0) for k, h in steps.items()}
    # Deepest first, where both probes fall between the steps (1/h shifted rounds onto
    # the step near most x0 other than 0 at the deepest depth).
    depths = sorted(PROBE_DEPTHS, key=lambda k: (-len(probes[k]), -k))
    witnesses: dict[int, tuple[float, float, float]] = {}  # k: (x, f(x), departure)
    for k in depths:
        window = _grid_window(f, point, scale, k)
        if not window:
            continue  # f failed at a step there: no trend to judge it by
        probed = _probed(f, probes[k], steps[k], window, result)
        if isinstance(probed, tuple):
            witnesses[k] = probed
        elif not witnesses or probed < min(w[2] for w in witnesses.values()) / 2.0:
            return result  # on its trend where an oscillation that size would show
    if not witnesses:
        return result
    rounding = _grows_as_rounding(witnesses)
    if rounding:
        # Rounding's growth shows at the depths between too: an oscillation drowned
        # by rounding at the deepest depth and hidden by the trend's slack at the
        # shallowest shows at one depth, as if rounding's, and does not grow from there
        # ((1 + 1/n)**n + 1e-7 (-1)**int(n): 2e-7 near 2**24, then f's rounding, 1e-4
        # near 2**40; and 2.1e-7 near 2**32, rounding's alone). So does it halfway out
        # from the shallowest witness, where an oscillation in step with int(n) shows
        # at one probe of the two, so both are asked there ((1 + 1/n)**n - 3.4e-8
        # (int(n) % 2): 3.0e-8 near 2**24, and 3.4e-8 at 65537.3, not 99424.3).
        ks = sorted(witnesses)
        for k in (k for k in PROBE_BETWEEN if k < ks[-1]):
            window = _grid_window(f, point, scale, k)
            h = scale * 2.0 ** -(k + 2)
            every = k < ks[0]
            probed = (
                _probed(f, _probes(point, h, x0), h, window, result, every=every) if window else 0.0
            )
            if isinstance(probed, tuple):
                witnesses[k] = probed
        rounding = _grows_as_rounding(witnesses)
    return _unless_converging(
        result, [witnesses[k] for k in sorted(witnesses, reverse=True)], rounding=rounding
    )


def _grows_as_rounding(witnesses: dict[int, tuple[float, float, float]]) -> bool:
    """Whether f's departures from its trend at ``witnesses`` (by depth) grow as rounding's do.

    By ``PROBE_NOISE_GROWTH`` or more from each depth to the next deeper, 16 halvings
    or more on; by its square root from a depth halfway between.
    """
    ks = sorted(witnesses)
    return len(ks) > 1 and all(
        witnesses[b][2] >= PROBE_NOISE_GROWTH ** min(1.0, (b - a) / 16) * witnesses[a][2]
        for a, b in itertools.pairwise(ks)
    )


def _unless_converging(
    result: _OneSided, witnesses: list[tuple[float, float, float]], *, rounding: bool
) -> _OneSided:
    """``result`` refused for f off its trend at ``witnesses`` (deepest first).

    Unless, depth by depth, their departures from the value halve, or from the trend
    grow as rounding's do (``rounding``: `_grows_as_rounding`).
    """
    x, y, _ = witnesses[0]
    misses = [w[2] for w in reversed(witnesses)]  # off the trend, shallowest first
    if rounding:
        # Rounding's, growing toward x0 as its noise does: ((1 + x) - 1)/x is
        # exactly 1 at the steps, binary fractions, and 1 + 2**-52/x off them.
        return result
    departures = [abs(w[1] - result.value) for w in reversed(witnesses)]  # off the value
    if len(departures) > 1 and all(b <= a / 2.0 for a, b in itertools.pairwise(departures)):
        # Off the steps, but closing in on the value ((x % 1)/x at infinity, floor
        # at 2**45): f converges there too, and the deepest departure bounds what is left.
        widened = max(result.error, departures[-1])
        if _settled(result.value, widened):
            return dataclasses.replace(result, error=widened)
    if len(misses) == 1 and _settled(result.value, max(result.error, misses[0])):
        # Off at one depth only, which alone cannot tell rounding from an oscillation
        # (1 - exp(-x/1e-3) is exact at the steps 2**-k, 3e-17 off its trend between
        # them at 2**-40): the value stands if its error can cover the departure.
        return dataclasses.replace(result, error=max(result.error, misses[0]))
    return _OneSided(
        result.value,
        math.inf,
        False,
        f"f between the points sampled is far off them where they show its trend: f({x!r}) "
        f"is {y!r}, while at the points beside it f settles on {result.value!r} give or "
        f"take {result.error:.2g}; f oscillates in step with the samples (a period in "
        "1/x, in x or in log x), so its limit may not exist, and its samples cannot tell",
    )


def _combine(x0: float, side: str, found: dict[str, _OneSided], nfev: int) -> LimitResult:
    """Join the one-sided limits, refusing two that differ; ``f`` was called ``nfev`` times."""
    left, right = found.get("left"), found.get("right")
    if left is None or right is None:
        one = left or right
        assert one is not None  # noqa: S101 - at least one side was taken
        return LimitResult(
            one.value,
            one.error,
            nfev,
            side,
            left.value if left else None,
            right.value if right else None,
            one.converged,
            one.message,
        )
    for one in (left, right):
        if not one.converged:
            return LimitResult(
                one.value, one.error, nfev, side, left.value, right.value, False, one.message
            )
    gap = abs(left.value - right.value)
    # Each error is honest to within a factor of 2, so two one-sided limits
    # of one limit are at most 2 * (sum of errors) apart; JUMP leaves room.
    allowed = JUMP * (left.error + right.error) + 4.0 * _EPS * max(
        abs(left.value), abs(right.value)
    )
    infinite = math.isinf(left.value) or math.isinf(right.value)
    if left.value != right.value and (infinite or not gap <= allowed):
        why = (
            ""
            if infinite
            else (
                f" (they are {gap:.3g} apart, their estimated errors only "
                f"{right.error:.2g} and {left.error:.2g})"
            )
        )
        raise DomainError(
            f"the one-sided limits at x0={x0!r} differ: {right.value!r} from the right "
            f"and {left.value!r} from the left, so the limit does not exist{why}; pass "
            "side='left' or side='right' for a one-sided limit"
        )
    value = left.value if math.isinf(left.value) else 0.5 * (left.value + right.value)
    if math.isinf(value) and not math.isinf(left.value):  # the sum overflowed: halve first
        value = 0.5 * left.value + 0.5 * right.value
    error = 0.0 if math.isinf(value) else max(left.error, right.error, 0.5 * gap)
    message = right.message if math.isinf(value) else "extrapolated from both sides, which agree"
    return LimitResult(value, error, nfev, side, left.value, right.value, True, message)


_UNSETTLED = "f does not settle"  # how `_unsettled`'s plain refusal starts
_ANYWAY = "; pass full_output=True to get the estimate anyway"  # how most refusals end
LOG_TOP = 1022.0  # the log-scale walk: |x| = 2**e at infinity, 2**-e at 0, from e = 1022 ...
LOG_STEPS = 20  # ... out to e = 1022 * 2**-9.5, each e 2**-0.5 times the one before, so that ...
LOG_RATIO = math.sqrt(2.0)  # ... u = 1/log|x| shrinks by this much at each step in
LOG_JOIN = 24.0  # the walk is checked out to e >= 24, past the usual walk's last step, 2**-49
LOG_KEEP = 305.0  # the walk may end short of e = 1022, not of e = 305, the usual walk's deepest


def _log_table(values: list[float]) -> list[list[float]]:
    """`_table` for samples whose ``u`` shrinks by ``LOG_RATIO`` at each step."""
    columns = [values]
    for order in range(1, ORDERS + 1):
        if len(columns[-1]) < 4:
            break
        factor = LOG_RATIO**order - 1.0
        columns.append([b + (b - a) / factor for a, b in itertools.pairwise(columns[-1])])
    return columns


def _log_estimate(values: list[float]) -> tuple[float, float]:
    """The entry of `_log_table` with the smallest error, and that error.

    The error is that of `_entries`: the larger of the two changes before the
    entry along its column, or twice their geometric tail (at a ratio near
    ``1/LOG_RATIO``, a first-order term's, 4.8 times the last change), or
    the rounding of its samples amplified by the extrapolation (by column
    ``j`` at most the product of ``1 + 2/(LOG_RATIO**i - 1)`` for ``i = 1 ..
    j``: 5.8 times by column 1, 17.5 by column 2), or the farthest the
    entries after it in its column, from samples closer to ``x0``, are from
    it (two changes small by chance, where a column's changes cross 0, are
    no error: ``4e-5/log(-log x)`` at 0+ was 9.87e-6 +- 8.9e-7 from such an
    entry, its limit 0), plus what is left past the column's last entry
    (`_column_tail`). Changes that grow have a tail of 18 times the last
    (their ratio is taken as 0.9).

    A column whose ratios still rise toward 1 (``1/log(log x)**2`` at
    infinity: 0.878, 0.886, ..., 0.894 in column 6) has more to go past its
    end than its distance from an entry before: ``138.422 - 0.0105/log(log(x/16))**2``
    was 138.42176 +- 1.0e-4 from such an entry (limit 138.422, 2.4 errors off).
    """
    best = (math.nan, math.inf)
    amplify = 1.0
    for order, column in enumerate(_log_table(values)):
        amplify *= 1.0 + 2.0 / (LOG_RATIO**order - 1.0) if order else 1.0
        # The column's own rounding: changes within it show no tail.
        end = _column_tail(column, _EPS * ULPS * amplify * max(map(abs, values)))
        for i in range(2, len(column)):
            last, before = abs(column[i] - column[i - 1]), abs(column[i - 1] - column[i - 2])
            ratio = min(last / before, 0.9) if before else 0.0
            tail = 2.0 * last * ratio / (1.0 - ratio)
            # The entries after it, from samples closer to x0, stay within its error.
            later = max((abs(y - column[i]) for y in column[i + 1 :]), default=0.0)
            size = max(abs(y) for y in values[i - 2 : i + order + 1])
            error = max(last, before, tail, later + end, _EPS * ULPS * amplify * size)
            if error < best[1]:
                best = (column[i], error)
    return best


def _column_tail(column: list[float], rounding: float) -> float:
    """What is left past the last entry of ``column``: its last changes' doubled geometric tail.

    At their own ratio when it is below 1, however near (a ``1/log(log x)**2``
    term's ratios rise toward 1 at every step); changes that grow at
    ``TAIL_RATIO``, as in `_log_estimate`. None when the last change is
    within the column's ``rounding``: two rounding errors' ratio says nothing.
    """
    if len(column) < 3:
        return 0.0
    last, before = abs(column[-1] - column[-2]), abs(column[-2] - column[-3])
    if last <= rounding:
        return 0.0
    ratio = last / before if before else 0.0
    if ratio >= 1.0:
        ratio = TAIL_RATIO
    return 2.0 * last * ratio / (1.0 - ratio)


def _log_fit(f: _Counted, x0: float, name: str) -> tuple[float, float] | None:
    """The limit of ``f`` extrapolated in ``u = 1/log|x|``, and its error, or None.

    See `_log_scale`.
    """
    sign = math.copysign(1.0, x0) if x0 else (1.0 if name == "right" else -1.0)
    exponents = [LOG_TOP * 2.0 ** (-j / 2) for j in range(LOG_STEPS)]

    def at(e: float) -> float:
        return _sampled(f, sign * (2.0**e if x0 else 2.0**-e))

    walk = [at(e) for e in exponents]  # nearest first
    join = max(j for j, e in enumerate(exponents) if e >= LOG_JOIN)
    if any(math.isnan(y) for y in walk[join - 1 : join + 1]):
        return None
    # Rounding at these samples, of f's size where it is checked.
    slack = 2.0 * ULPS * _EPS * max(abs(y) for y in walk[: join + 1] if not math.isnan(y))
    # From the join in, f's changes shrink, as those of f = L + c u**p (1 + o(1))
    # do; the walk ends where they stop shrinking, or f fails.
    start = join - 1
    while start > 0 and _shrinks(walk[start - 1 : start + 2], slack):
        start -= 1
    end = next((j for j in range(join, LOG_STEPS) if math.isnan(walk[j])), LOG_STEPS)
    near = walk[start:end]
    # A value repeated exactly is rounding's: f that is not constant (the usual
    # walk did not settle) but smooth in u takes none twice; (sqrt(1 + t) - 1)/t,
    # t = x/7e8, is 0 at every sample at 0 out to e = 24, where sqrt(1 + t) rounds to 1.
    if exponents[start] < LOG_KEEP or len(set(near)) < len(near):
        return None
    value, error = _log_estimate(near[::-1])
    # Beyond the walk's end f is no farther off the value than at the end,
    # and out to the join f between two samples lies between them (a period
    # that fits the steps of u does not fit the halfway ones).
    off = abs(walk[start] - value) + 2.0 * error
    if (
        not _settled(value, error)
        or any(abs(y - value) > off for y in walk[:start])
        or not all(
            _between(at(exponents[j] * 2.0**-0.25), walk[j : j + 2], slack)
            for j in range(start, join)
        )
    ):
        return None
    return value, error


def _shrinks(three: list[float], slack: float) -> bool:
    """Whether ``|three[1] - three[0]|`` is at most ``|three[2] - three[1]| + slack``."""
    return abs(three[1] - three[0]) <= abs(three[2] - three[1]) + slack


def _between(y: float, two: list[float], slack: float) -> bool:
    """Whether ``y`` lies between the two values ``two`` (give or take ``slack``)."""
    return min(two) - slack <= y <= max(two) + slack


def _log_scale(f: _Counted, x0: float, name: str, refused: _OneSided) -> _OneSided:
    """The limit of ``f`` as a function of ``u = 1/log|x|`` at 0 or at infinity, or ``refused``.

    Called when the usual walk does not settle. ``log(2 x)/log(3 x)`` is
    0.9994 at 1e300: no float is near enough for ``f`` to settle, but ``f``
    is ``(1 + u log 2)/(1 + u log 3)``, smooth in ``u``, as are ``x**(3/(4 +
    log x))`` at 0 (``exp(3/(1 + 4 u))``) and ``log(x)/x**0.1`` (flat in
    ``u``). So ``f`` is sampled at ``|x| = 2**e`` (``2**-e`` at 0) for ``e =
    1022 * 2**(-j/2)``, where ``u`` shrinks by ``sqrt(2)`` at each step in,
    and extrapolated to ``u = 0`` (`_log_estimate`). The value must be
    settled, and the walk smooth in ``u`` from 2**1022 (or where, beyond
    2**305, the farthest the usual walk goes, its changes stop shrinking or
    ``f`` fails) out to ``e = 24`` (past the usual walk's last sample, so that
    a jump rounding makes in ``f`` between the two, ``((x + 1) - x) + 1/log
    x``, shows): there the changes grow at every step out, no sample repeats
    exactly (``(sqrt(1 + t) - 1)/t``, ``t = x/7e8``, is 0 at every sample at 0
    out to ``e = 24``),
    ``f`` halfway between two samples lies between them (``1/log x +
    sin(4 pi log2(log2 x))`` is ``1/log x`` plus one constant, ``sin(4 pi
    log2 1022) = -0.035``, at every sample), and ``f`` at
    the samples past the walk's end is no farther off the value than at its
    end (``1/log x + (x > 1e200)``; ``x*log(x)`` overflows in ``(x + log
    x)/(x log x)`` at 2**1022, which is 0 there, its limit). ``log(log x)/log
    x`` is ``u log(1/u)``, not smooth in ``u``: 0.0093 at 2**1022 and
    refused.
    """
    fit = _log_fit(f, x0, name)
    if fit is None:
        return refused
    value, error = fit
    return _OneSided(
        value,
        error,
        True,
        f"extrapolated from the {name} in u = 1/log|x| (f converges like a power of u, "
        "too slowly for the usual samples, which do not settle)",
    )
