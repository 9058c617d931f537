"""Deep `Value` graphs in the browser: built, back-propagated and freed without a crash.

CPython in WebAssembly runs on the small stack of a browser worker, where
freeing a long chain of objects recursively used to crash the interpreter
(the page then restarted Python). A student's first loop over a dataset
must not do that.
"""

from __future__ import annotations

from playwright.sync_api import Page

from .conftest import Server

CHAIN = """
import gc, calcweb as cw
x = cw.Value(1.0)
y = x
for i in range({depth}):
    y = y * 1.0000001 + 0.0
y.backward()
grad = x.grad
del y
gc.collect()
print(round(grad, 6))
"""

SUM = """
import calcweb as cw
xs = [cw.Value(float(i)) for i in range(10_000)]
total = sum(xs)
total.backward()
print(total.data, xs[123].grad)
del total, xs
"""


def test_a_chain_of_100000_values_is_built_differentiated_and_freed(
    page: Page, server: Server
) -> None:
    page.goto(server.base)
    assert page.evaluate("window.calcweb.ready") is True
    for depth in (1_000, 100_000):
        result = page.evaluate("(code) => window.calcweb.run(code)", CHAIN.format(depth=depth))
        assert result["ok"] is True, result["stderr"]
        assert float(result["stdout"]) == round(1.0000001**depth, 6)
    # Python is still the same interpreter: nothing crashed and restarted.
    after = page.evaluate("window.calcweb.run('print(grad)')")
    assert after["ok"] is True, after["stderr"]


def test_a_sum_of_10000_values(page: Page, server: Server) -> None:
    page.goto(server.base)
    assert page.evaluate("window.calcweb.ready") is True
    result = page.evaluate("(code) => window.calcweb.run(code)", SUM)
    assert result["ok"] is True, result["stderr"]
    assert result["stdout"].split() == [str(float(sum(range(10_000)))), "1.0"]
