"""The seed mistakes named on the calculus pages, and their Further reading.

Issue 17, parts 3 and 4, on limits, derivatives, numerical-derivatives,
gradients, taylor, integrals and the start page. Each "Common mistake"
admonition must be on its page, quoting the post's claim; the numbers its
cell prints, and the prose quotes, are checked against independent oracles:
closed forms, mpmath at 50 digits, numpy (what the pages say numpy does is
checked against numpy itself, since the browser has none).
"""

from __future__ import annotations

import math
import random
import re

import mpmath
import numpy as np
import pytest

from .pages import DOCS, Run, runs_by_id

mpmath.mp.dps = 50

ADMONITION = re.compile(r'^!!! warning "Common mistake"\n((?:    .*\n|\n)+)', re.MULTILINE)


def runs(name: str) -> dict[str, Run]:
    return runs_by_id(DOCS / name)


def text(name: str) -> str:
    """The page's Markdown with its line breaks and indents turned into single spaces."""
    return " ".join((DOCS / name).read_text(encoding="utf-8").split())


def admonitions(name: str) -> list[str]:
    """The text of the page's "Common mistake" admonitions, whitespace normalised."""
    source = (DOCS / name).read_text(encoding="utf-8")
    return [" ".join(body.split()) for body in ADMONITION.findall(source)]


# ------------------------------------------------------------------ admonitions

# For each page, one phrase of each admonition: the post's claim or code, quoted.
QUOTED = {
    "derivatives.md": ["`coefficients = [1, f(x), f'(x), f''(x)]`"],
    "numerical-derivatives.md": [
        '"where **h is a number less than 0**, the step."',
        '"**As h tends to 0, the approximation of the difference method becomes more accurate.**"',
        "gradients = np.gradient(loss_fn(weights))",
    ],
    "gradients.md": [
        '"**Multivariate function**: a composite function of several independent variables."',
        "**the gradient approaches zero, and so finding the minimum**",
    ],
    "taylor.md": [
        "`coefficients = [1, f(x), f'(x), f''(x)]`",
        "**the second-order Taylor expansion can handle discrete or discontinuous functions**",
        '"usually **by cross-validation** or other methods."',
        "return x + h * x.derivative(order=1)",
    ],
}


@pytest.mark.parametrize("name", sorted(QUOTED))
def test_each_mistake_is_named_in_an_admonition(name: str) -> None:
    found = admonitions(name)
    assert len(found) == len(QUOTED[name])
    for body, quote in zip(found, QUOTED[name], strict=True):
        assert quote in body
        # The model pages' form: the source is named before the claim.
        assert "blog post" in body or "post" in body.split(quote)[0]


COURSE_PAGES = [
    "limits.md",
    "derivatives.md",
    "numerical-derivatives.md",
    "gradients.md",
    "taylor.md",
    "integrals.md",
    "index.md",
]


@pytest.mark.parametrize("name", COURSE_PAGES)
def test_further_reading_ends_the_page(name: str) -> None:
    source = (DOCS / name).read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", source, re.MULTILINE)
    assert headings[-1] == "Further reading"
    section = source.split("## Further reading", 1)[1]
    items = re.findall(r"^- (.+?)(?=^- |\Z)", section, re.MULTILINE | re.DOTALL)
    assert 2 <= len(items) <= 5
    for item in items:
        # Author(s), title, year and link, as the model pages write them.
        assert re.search(r"\b(19|20)\d\d\b", item) or "numpy.gradient" in item
        assert re.search(r"<https://[^ >]+>\s*$", item)


# ------------------------------------------------------------------ derivatives


def test_primes_are_not_python() -> None:
    page = runs("derivatives.md")
    assert page["prime-is-not-python"].stdout.startswith("SyntaxError: unterminated string literal")
    with pytest.raises(SyntaxError):  # the line itself, as the post writes it
        compile("coefficients = [1, f(x), f'(x), f''(x)]", "<post>", "exec")
    # What the admonition says the tokens are: an f-string, then an open string.
    assert eval("f'(x), f'") == "(x), f"  # noqa: S307 - a literal
    f_prime, central, f_second = page["derivatives-computed"].numbers()[1::2]
    assert (f_prime, f_second) == (6.0, 2.0)  # f(x) = x**2 at 3: 2x and 2
    assert central == pytest.approx(6.0, abs=1e-9)


# ------------------------------------------------------------------ numerical derivatives


def central_error(h: float) -> float:
    """The central quotient for sin'(1), computed in floats, minus cos(1) to 50 digits."""
    step = (1.0 + h) - 1.0  # the step calcweb takes: one that 1 + h represents exactly
    quotient = (math.sin(1.0 + step) - math.sin(1.0 - step)) / (2 * step)
    return float(mpmath.mpf(quotient) - mpmath.cos(1))


def test_the_sign_of_the_step() -> None:
    out = runs("numerical-derivatives.md")["step-sign"].stdout.splitlines()
    assert out[0].endswith("True")
    by_hand = [(math.sin(1 + h) - math.sin(1 - h)) / (2 * h) for h in (1e-3, -1e-3)]
    assert by_hand[0] == by_hand[1]
    for line, h in zip(out[1:3], (1e-1, 1e-3), strict=True):
        assert line.startswith(f"error with |h| = {h:.0e}:")
        shown = float(line.split(":")[1])
        exact = (mpmath.sin(1 + mpmath.mpf(h)) - mpmath.sin(1 - mpmath.mpf(h))) / (2 * h)
        assert shown == pytest.approx(float(exact - mpmath.cos(1)), rel=0.06)  # 2 digits
    assert out[3].startswith("calcweb: h must be > 0, but got -0.001")


def test_smaller_steps_are_not_always_better() -> None:
    lines = runs("numerical-derivatives.md")["smaller-is-not-better"].stdout.splitlines()
    rows = [(float(line.split()[0]), float(line.split()[1])) for line in lines[1:14]]
    assert [h for h, _ in rows] == [10.0**-k for k in range(1, 14)]
    for h, shown in rows:
        assert shown == pytest.approx(abs(central_error(h)), rel=0.06, abs=0.0)
        if h >= 1e-4:  # truncation: h²/6 |f'''(1)| = h²/6 cos(1)
            assert shown == pytest.approx(h * h / 6 * math.cos(1.0), rel=0.06)
    errors = dict(rows)
    best = min(errors, key=lambda h: errors[h])
    assert best == 1e-5
    h_star = (3 * mpmath.mpf(2) ** -52 * mpmath.tan(1)) ** (mpmath.mpf(1) / 3)
    assert re.findall(r"= (\S+)$", lines[-1]) == [f"{float(h_star):.1e}"]
    assert lines[-1].startswith("smallest error at h = 1e-05;")
    # The prose: smallest at 1e-5 with 9.1e-12; at 1e-13 3.0e-4, a third of the error at 1e-1.
    page = text("numerical-derivatives.md")
    assert f"where it is smallest (\\({errors[1e-5] / 1e-12:.1f} \\times 10^{{-12}}\\))" in page
    assert (
        f"at \\(h = 10^{{-13}}\\) it is \\({errors[1e-13] / 1e-4:.1f} \\times 10^{{-4}}\\)" in page
    )
    assert errors[1e-13] / errors[1e-1] == pytest.approx(1 / 3, abs=0.04)
    assert "about \\(10^{-5}\\) for \\(\\sin'(1)\\)" in page
    assert float(h_star) == pytest.approx(1e-5, rel=0.05)


def test_what_np_gradient_does() -> None:
    page = text("numerical-derivatives.md")
    assert np.__version__ == "2.4.6"  # the version the page names
    assert "numpy 2.4.6's" in page
    xs = np.linspace(0.0, 1.0, 5)
    shown = " ".join(repr(np.gradient(xs**2, xs)).split())  # as text() spaces it
    assert f"np.gradient(xs**2, xs) # {shown}" in page
    empty = np.gradient(np.float64(0.37))
    assert empty == ()
    assert "np.gradient(np.float64(0.37)) # (): one number" in page
    # The post's step on a float loss, and its loop, which passes the loss's value.
    loss = 0.5 * np.mean((np.zeros((100, 1)) - np.ones((100, 1))) ** 2)
    with pytest.raises(TypeError) as multiplied:
        np.zeros(1) - 0.01 * np.gradient(loss)
    assert f"`TypeError: {multiplied.value}`" in page
    with pytest.raises(TypeError) as called:
        loss(np.zeros(1))
    assert f"`TypeError: {called.value}`" in page


def test_the_posts_loss_broadcasts() -> None:
    # The post's linear_regression_loss, as published, on its shapes: X and y (100, 1).
    rng = np.random.default_rng(0)
    x, y, weights = rng.random((100, 1)), rng.random((100, 1)), np.array([0.7])
    residuals = np.dot(x, weights) - y
    assert residuals.shape == (100, 100)
    posts = 0.5 * np.mean(residuals**2)
    m, w, xs, ys = 100, 0.7, x[:, 0], y[:, 0]
    every_pair = sum((w * xs[j] - ys[i]) ** 2 for i in range(m) for j in range(m))
    assert posts == pytest.approx(every_pair / (2 * m * m), rel=1e-12)
    meant = np.sum((w * xs - ys) ** 2) / (2 * m)
    assert abs(posts - meant) > 0.01 * meant  # not the loss the post means
    page = text("numerical-derivatives.md")
    assert "the loss the post means, \\(\\frac{1}{2m}\\sum_i (w x_i - y_i)^2\\)" in page
    assert "to the 100 × 100 array of all \\(w x_j - y_i\\)" in page
    assert "\\(\\frac{1}{2m^2}\\sum_{i,j} (w x_j - y_i)^2\\)" in page


def test_the_gradient_of_the_loss_by_calcweb() -> None:
    out = runs("numerical-derivatives.md")["grad-not-np-gradient"].stdout.splitlines()
    rng = random.Random(0)  # noqa: S311 - the page's own seeded draw
    x = np.array([rng.random() for _ in range(100)])
    y = np.array([rng.random() for _ in range(100)])
    # d/dw of (1/2m) sum (w x - y)^2 = mean((w x - y) x), at w = 0.
    (gradient,), (by_hand,) = (re.findall(r"-?\d\.\d+(?:e-?\d+)?", line) for line in out[:2])
    assert float(gradient) == pytest.approx(float(np.mean(-y * x)), rel=1e-14)
    assert float(by_hand) == pytest.approx(float(gradient), rel=1e-14)
    w = float(np.linalg.lstsq(x[:, None], y, rcond=None)[0][0])
    assert out[2:] == [f"after 50 steps: w = {w:.9f}", f"least squares:  w = {w:.9f}"]


# ------------------------------------------------------------------ gradients


def test_multivariate_is_not_composite() -> None:
    along, by_chain_rule = runs("gradients.md")["multivariate-chain-rule"].numbers()
    t = mpmath.mpf("0.7")
    # f(cos t, sin t) = cos² t sin t + sin(sin t), differentiated by hand.
    exact = -2 * mpmath.cos(t) * mpmath.sin(t) ** 2 + mpmath.cos(t) ** 3
    exact += mpmath.cos(mpmath.sin(t)) * mpmath.cos(t)
    assert along == pytest.approx(float(exact), rel=1e-14)
    assert by_chain_rule == pytest.approx(float(exact), rel=1e-14)


def test_a_zero_gradient_is_not_always_a_minimum() -> None:
    lines = runs("gradients.md")["zero-gradient"].stdout.splitlines()
    kinds = []
    for line, (x, y) in zip(lines, [(1, 1), (-1, -1), (1, -1), (-1, 1)], strict=True):
        numbers = [float(n) for n in re.findall(r"[-+]?\d+\.\d+", line)]
        assert numbers[:2] == [x, y]
        assert numbers[2:4] == [3 * x * x - 3, 3 * y * y - 3] == [0.0, 0.0]
        eigen = np.linalg.eigvalsh(np.diag([6.0 * x, 6.0 * y]))  # the Hessian by hand
        assert numbers[4:6] == list(eigen)
        assert numbers[6] == x**3 - 3 * x + y**3 - 3 * y
        kinds.append(re.search(r": (\w+), f =", line)[1])  # type: ignore[index]
    assert kinds == ["minimum", "maximum", "saddle", "saddle"]
    assert "one local minimum, one local maximum and two saddles" in text("gradients.md")


# ------------------------------------------------------------------ taylor


def test_taylor_coefficients_as_the_post_writes_them() -> None:
    post, coefficients, polynomial = runs("taylor.md")["taylor-coefficients-right"].line_numbers()
    # The post's list at x = 1.5, centre 1: [1, f, f', f''] = [1, 2.25, 3, 2], powers of 0.5.
    assert post == [1 + 2.25 * 0.5 + 3 * 0.25 + 2 * 0.125] == [3.125]
    assert coefficients[-6:] == [1.0, 2.0, 1.0, 1.0, 2.0, 1.0]  # f(1), f'(1), f''(1)/2!
    assert polynomial[-3:] == [2.25, 1.5, 2.25]  # T(1.5) = f(1.5) for a parabola
    page = text("taylor.md")
    assert "the list as written gives 3.125" in page
    assert "gives \\(f(1.5) = 2.25\\)" in page


def test_taylor_needs_differentiability() -> None:
    lines = runs("taylor.md")["taylor-needs-smoothness"].stdout.splitlines()
    # ReLU is 0 left of 0: every derivative at -0.5 is 0, so T = 0; relu(1) = 1.
    expected = [f"degree {n:2}: T(-0.2) = 0.0, T(1) = 0.0" for n in (1, 2, 5, 10)]
    assert lines == [*expected, "relu(-0.2) = 0.0   relu(1) = 1.0"]


def test_radius_of_convergence_of_the_bump() -> None:
    lines = runs("taylor.md")["taylor-radius"].stdout.splitlines()
    for line, n in zip(lines, [4, 10, 20, 40], strict=True):
        inside, outside = (float(v) for v in re.findall(r"\d\.\de[-+]\d+", line))
        # 1/(1+x²) - (1 - x² + ... + (-1)^(n/2) x^n) = (-1)^(n/2+1) x^(n+2) / (1+x²), n even.
        for shown, x in ((inside, mpmath.mpf("0.5")), (outside, mpmath.mpf("1.5"))):
            assert shown == pytest.approx(float(x ** (n + 2) / (1 + x**2)), rel=0.06, abs=0.0)
    assert "converges only for \\(|x| < 1\\)" in text("taylor.md")


def test_a_taylor_step_is_not_a_gradient() -> None:
    lines = runs("taylor.md")["taylor-step-not-gradient"].line_numbers()
    assert lines[0][-1] == pytest.approx(1 + 0.1 * 2, rel=1e-15)  # L(x) + h L'(x)
    assert lines[1][-1] == pytest.approx(1.1**2, rel=1e-15)  # L(x + h)
    assert lines[2][-1] == pytest.approx(2.1, rel=1e-13)  # ((1.1)² - 1)/0.1 = 2.1
    assert lines[3][-1] == 2.0
    with pytest.raises(AttributeError) as missing:
        np.array([1.0]).derivative(order=1)  # type: ignore[attr-defined]
    assert f"`AttributeError: {missing.value}`" in text("taylor.md")
