"""The loop and the report every scan shares: draw, ask calcweb, compare with mpmath, count.

A scan is a script ``python bench/scans/NAME.py SEED N``; with this module it reads::

    scan = Scan()  # the seed and the number of draws from the command line
    for rng in scan.draws():
        x = random_point(rng, bit_patterns=0.3, exponents=(-12, 12))  # draws from rng only
        ...
        if <no exact value there>:
            scan.skip()
            continue
        scan.ask(f"{name} x={x!r}", true, cw.derivative, f, x, full_output=True)
    scan.report()

`Scan.ask` makes the call and counts its outcome; each line it prints starts
with the outcome's name (``DISHONEST``, ``REFUSED``, ``NOTCONV``, ``CRASH``)
and the case's label, so a case can be pasted into a reproducer; `Scan.report`
prints the counts. Honest means as in the test-suite: the true error is at
most twice the reported error (or the value is exactly right).
"""

from __future__ import annotations

import random
import struct
import sys
from collections.abc import Callable, Iterator
from typing import Any

import mpmath

from calcweb import CalcwebError

HONESTY = 2.0  # dishonest if the true error is above twice the reported error


def random_point(
    rng: random.Random, *, bit_patterns: float, exponents: tuple[float, float]
) -> float:
    """A random 64-bit pattern (any float, NaN and infinities too: the caller skips
    them) with probability ``bit_patterns``, else +-10**U(*exponents)."""
    if rng.random() < bit_patterns:
        return float(struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0])
    return rng.choice([-1, 1]) * 10 ** rng.uniform(*exponents)


class Scan:
    """The counts of one scan: ok, refused, dishonest, skip (no exact value, or a crash)."""

    def __init__(
        self, *, show_refused: bool = False, infinite: bool = False, median_calls: bool = False
    ) -> None:
        """Read ``SEED N`` from the command line (default 1 and 300).

        ``show_refused``: print each refusal (a CalcwebError or converged=False) too.
        ``infinite``: an infinite exact value (a limit's) is asked too, and
        right only where the answer is exactly it. ``median_calls``: the
        report ends with the median ``nfev`` of the calls that returned.
        """
        self.seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
        self.draw_count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
        self.show_refused = show_refused
        self.infinite = infinite
        self.median_calls = median_calls
        self.counts = {"ok": 0, "refused": 0, "dishonest": 0, "skip": 0}
        self.calls: list[int] = []

    def draws(self) -> Iterator[random.Random]:
        """The seeded generator, once a draw: with the same seed, the same cases."""
        rng = random.Random(self.seed)  # noqa: S311  (seeded draws, not cryptography)
        for _ in range(self.draw_count):
            yield rng

    def skip(self) -> None:
        """Count a draw with no case to ask (a point not finite, f failing there, no exact value)."""
        self.counts["skip"] += 1

    def ask(
        self, label: str, true: Any, call: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> None:
        """Count the outcome of ``call(*args, **kwargs)`` (a full_output result) against ``true``.

        ``true`` is the exact value (an mpmath number or a float); where it is
        complex, NaN or above 1e300 in size, no float holds it: the case is
        skipped, and not called (an infinite one too, unless ``infinite``).
        """
        infinite = self.infinite and not isinstance(true, mpmath.mpc) and mpmath.isinf(true)
        if not infinite and (
            isinstance(true, mpmath.mpc) or not mpmath.isfinite(true) or abs(true) > 1e300
        ):
            self.skip()
            return
        true = float(true)
        try:
            result = call(*args, **kwargs)
        except CalcwebError as error:
            self.counts["refused"] += 1
            if self.show_refused:
                print(f"REFUSED {label} {type(error).__name__}: {str(error)[:150]}", flush=True)
            return
        except Exception as error:  # not calcweb's: a bug, printed always
            self.counts["skip"] += 1
            print(f"CRASH {label} {type(error).__name__}: {error}", flush=True)
            return
        if hasattr(result, "nfev"):
            self.calls.append(result.nfev)
        message = getattr(result, "message", "")
        if not getattr(result, "converged", True):
            self.counts["refused"] += 1
            if self.show_refused:
                print(f"NOTCONV {label} value={result.value!r} {message[:150]}", flush=True)
            return
        value, error = result.value, result.error
        if abs(value - true) > HONESTY * error and value != true:
            self.counts["dishonest"] += 1
            ratio = abs(value - true) / max(error, 1e-300)
            print(
                f"DISHONEST {label} value={value!r} err={error:.3g} true={true!r} "
                f"ratio={ratio:.3g} nfev={result.nfev} {message[:120]}".rstrip(),
                flush=True,
            )
        else:
            self.counts["ok"] += 1

    def report(self) -> None:
        """Print the counts (the last line of every scan), and the median calls if asked for."""
        calls = sorted(self.calls)
        median = f", median calls {calls[len(calls) // 2]}" if self.median_calls and calls else ""
        print(f"{self.counts}{median}")
