"""torch's ``param_groups``, ``state_dict`` and ``load_state_dict`` on calcweb's optimisers.

Expected trajectories are torch 2.13's (float64, foreach=False), recorded by
tests/torch_reference/param_groups_torch.py with the same fixed gradients.
"""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import calcweb as cw
from calcweb import Value

GRADS = [0.5, -1.5, 2.0, 0.25, -0.75, 1.0]
SETTINGS: dict[str, dict[str, Any]] = {
    "SGD": {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.01},
    "Adam": {"lr": 0.1, "weight_decay": 0.01, "amsgrad": True},
    "AdamW": {"lr": 0.1},
    "RMSprop": {"lr": 0.01, "momentum": 0.5, "centered": True},
    "Adagrad": {"lr": 0.1, "lr_decay": 0.01},
}
# torch: the rate halved through param_groups after 3 steps.
HALVED = {
    "SGD": [
        0.949,
        1.052151,
        0.9439347490000001,
        0.8822654686755,
        0.8638219836491123,
        0.7967909361335388,
    ],
    "Adam": [
        0.9000000019607843,
        0.9487361327803099,
        0.9216964782044808,
        0.9077421206325971,
        0.903983766772041,
        0.8917170601775637,
    ],
    "AdamW": [
        0.899000002,
        0.9475199848857798,
        0.9201324428821014,
        0.9060574954143512,
        0.902233401448871,
        0.8898905745953521,
    ],
    "RMSprop": [
        0.899496238676095,
        0.9443526622494366,
        0.8881066872020309,
        0.8691251536265535,
        0.8738428380951666,
        0.8583860509507629,
    ],
    "Adagrad": [
        0.90000000002,
        0.9939290394250014,
        0.9170207511385341,
        0.9122833721438233,
        0.9257918213488224,
        0.909085954314989,
    ],
}
# torch: 3 steps, state_dict() loaded into a new optimiser (built with lr=0.5) that takes 3 more.
RESUMED = {
    "SGD": [
        0.949,
        1.052151,
        0.9439347490000001,
        0.8205961883510001,
        0.7837708875785492,
        0.6498443459957648,
    ],
    "Adam": [
        0.9000000019607843,
        0.9487361327803099,
        0.9216964782044808,
        0.8937877630607134,
        0.8862740168254035,
        0.8617459180308488,
    ],
    "AdamW": [
        0.899000002,
        0.9475199848857798,
        0.9201324428821014,
        0.891982547946601,
        0.8843484349631083,
        0.8596806662225565,
    ],
    "RMSprop": [
        0.899496238676095,
        0.9443526622494366,
        0.8881066872020309,
        0.8501436200510761,
        0.8595789889883022,
        0.8286654146994948,
    ],
    "Adagrad": [
        0.90000000002,
        0.9939290394250014,
        0.9170207511385341,
        0.9075459931491123,
        0.9345628915591105,
        0.9011511574914435,
    ],
}


def _optimiser(name: str, p: Value, **settings: Any) -> cw.Optimizer:
    return getattr(cw, name)([p], **(settings or SETTINGS[name]))


def _step(opt: cw.Optimizer, p: Value, g: float) -> float:
    p.grad = g
    opt.step()
    return p.data


@pytest.mark.parametrize("name", SETTINGS)
def test_a_schedule_writing_param_groups_moves_as_torch(name: str) -> None:
    p = Value(1.0)
    opt = _optimiser(name, p)
    path = []
    for k, g in enumerate(GRADS):
        if k == 3:
            for group in opt.param_groups:
                group["lr"] = group["lr"] * 0.5
        path.append(_step(opt, p, g))
    assert opt.lr == SETTINGS[name]["lr"] / 2
    assert path == pytest.approx(HALVED[name], rel=1e-14, abs=1e-15)


@pytest.mark.parametrize("name", SETTINGS)
def test_a_state_dict_loaded_into_a_new_optimiser_resumes_as_torch(name: str) -> None:
    p = Value(1.0)
    opt = _optimiser(name, p)
    path = [_step(opt, p, g) for g in GRADS[:3]]
    saved = pickle.loads(pickle.dumps(opt.state_dict()))  # noqa: S301 - our own bytes
    q = Value(p.data)
    other = _optimiser(name, q, lr=0.5)  # its settings come from the dict, as torch's do
    other.load_state_dict(saved)
    path += [_step(other, q, g) for g in GRADS[3:]]
    assert path == pytest.approx(RESUMED[name], rel=1e-14, abs=1e-15)


def test_a_state_dict_is_a_copy_in_torchs_layout() -> None:
    w, b = Value(1.0), Value(2.0)
    opt = cw.SGD([w, b], lr=0.1, momentum=0.9)
    _step(opt, w, 0.5)  # b not stepped (its grad is NO_GRADIENT): no state of its own
    saved = opt.state_dict()
    assert saved == {
        "state": {0: {"momentum_buffer": 0.5}},
        "param_groups": [
            {
                "lr": 0.1,
                "momentum": 0.9,
                "dampening": 0.0,
                "weight_decay": 0.0,
                "nesterov": False,
                "maximize": False,
                "params": [0, 1],
            }
        ],
    }
    saved["state"][0]["momentum_buffer"] = 99.0
    saved["param_groups"][0]["lr"] = 99.0
    assert opt.state[w] == {"momentum_buffer": 0.5}
    assert opt.lr == 0.1


def test_the_group_is_a_live_view_of_the_optimiser() -> None:
    p = Value(1.0)
    opt = cw.Adam([p], lr=0.01)
    (group,) = opt.param_groups
    assert group["params"] is opt.params
    assert dict(group) == {
        "params": [p],
        "lr": 0.01,
        "betas": (0.9, 0.999),
        "eps": 1e-08,
        "weight_decay": 0.0,
        "amsgrad": False,
        "maximize": False,
    }
    opt.lr = 0.02
    assert group["lr"] == 0.02
    group["betas"] = (0.8, 0.99)
    assert opt.betas == (0.8, 0.99)
    assert "initial_lr" not in group
    assert group.get("initial_lr") is None


def test_what_a_group_cannot_do_says_what_to_do() -> None:
    p = Value(1.0)
    opt = cw.SGD([p], lr=0.1)
    (group,) = opt.param_groups
    with pytest.raises(cw.InvalidArgumentError, match=r"'initial_lr' is not a setting of SGD"):
        group["initial_lr"] = 0.1
    with pytest.raises(cw.InvalidArgumentError, match=r"build a new optimiser: SGD\(new_params"):
        group["params"] = [Value(2.0)]
    with pytest.raises(cw.ArgumentTypeError, match=r"assign a new value instead"):
        del group["lr"]
    with pytest.raises(cw.ArgumentTypeError, match=r"build a second optimiser"):
        opt.add_param_group({"params": [Value(2.0)], "lr": 0.01})
    with pytest.raises(cw.ArgumentTypeError, match=r"lr must be a real number"):
        group["lr"] = "fast"  # checked as SGD(lr="fast") and opt.lr = "fast" are


@pytest.mark.parametrize(
    ("state_dict", "message"),
    [
        ([1, 2], "takes what state_dict\\(\\) returned"),
        ({"state": {}, "param_groups": []}, "takes what state_dict\\(\\) returned"),
        (cw.Adam([Value(1.0)]).state_dict(), "not of a SGD with 1 parameters"),
        (cw.SGD([Value(1.0), Value(2.0)], lr=0.1).state_dict(), "not of a SGD with 1 param"),
        (
            {
                "state": {3: {}},
                "param_groups": cw.SGD([Value(1.0)], lr=0.1).state_dict()["param_groups"],
            },
            "not keyed by indices of the 1 parameters",
        ),
    ],
)
def test_a_state_dict_of_another_optimiser_is_refused(state_dict: Any, message: str) -> None:
    opt = cw.SGD([Value(1.0)], lr=0.1)
    with pytest.raises(cw.CalcwebError, match=message):
        opt.load_state_dict(state_dict)
    assert opt.lr == 0.1
