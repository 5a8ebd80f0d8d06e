"""The generated training script: readable, standalone, and the same model as the engine's."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
import torch

from engine.build import build_model
from engine.codegen import generate_script, write_data_npz
from engine.project import Project, new_project
from engine.types import DataContext, DataRef

torch.set_num_threads(1)

CASES = {
    "seed-cnn": DataContext((1, 8, 8), num_classes=4),
    "lenet5": DataContext((1, 12, 12), num_classes=3),
    "resnet-mini": DataContext((3, 8, 8), num_classes=5),
    "mlp": DataContext((6,), num_classes=3, input_kind="table"),
    "toy2d": DataContext((2,), task="binary", num_classes=1, input_kind="points"),
    "char-lstm": DataContext((10,), task="next_char", vocab_size=12, input_kind="text"),
    "char-transformer": DataContext((10,), task="next_char", vocab_size=12, input_kind="text"),
}


def _project(template: str, **settings: object) -> Project:
    p = new_project(template, DataRef("tiny.npz"), CASES[template])
    for key, value in settings.items():
        setattr(p.settings, key, value)
    return p


def _import_script(source: str, path: Path) -> ModuleType:
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _inputs(ctx: DataContext, n: int, seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    if ctx.input_kind == "text":
        return torch.randint(0, ctx.vocab_size, (n, *ctx.input_shape), generator=g)
    return torch.randn(n, *ctx.input_shape, generator=g)


def _targets(ctx: DataContext, n: int) -> np.ndarray:
    rng = np.random.default_rng(0)
    if ctx.task == "next_char":
        return rng.integers(0, ctx.vocab_size, (n, *ctx.input_shape))
    if ctx.task == "binary":
        return rng.integers(0, 2, n).astype(np.float32)
    return rng.integers(0, ctx.num_classes, n)


@pytest.mark.parametrize("template", list(CASES))
def test_script_model_equals_engine_model(template: str, tmp_path: Path) -> None:
    project = _project(template)
    source = generate_script(project)
    compile(source, "script.py", "exec")
    module = _import_script(source, tmp_path / f"script_{template.replace('-', '_')}.py")
    engine_model = build_model(project.graph, seed=5).eval()
    script_model = module.Net().eval()
    script_model.load_state_dict(engine_model.state_dict())  # strict: same keys and shapes
    x = _inputs(CASES[template], 3)
    with torch.no_grad():
        assert torch.allclose(script_model(x), engine_model(x), atol=1e-6)


def test_same_seed_gives_same_initial_weights(tmp_path: Path) -> None:
    project = _project("resnet-mini", seed=7)
    module = _import_script(generate_script(project), tmp_path / "script_seed.py")
    torch.manual_seed(7)
    script_state = module.Net().state_dict()
    for key, value in build_model(project.graph, seed=7).state_dict().items():
        assert torch.equal(script_state[key], value), key


@pytest.mark.parametrize("template", ["char-lstm", "char-transformer"])
def test_script_is_lint_clean(template: str, tmp_path: Path) -> None:
    path = tmp_path / "train.py"
    path.write_text(generate_script(_project(template)), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "E9,F", str(path)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout


def test_script_augments_batches_exactly_as_the_engine(tmp_path: Path) -> None:
    from engine.data import AUGMENTATIONS, augment_batch

    project = _project("seed-cnn", augment=list(AUGMENTATIONS))
    module = _import_script(generate_script(project), tmp_path / "train_aug.py")
    assert list(AUGMENTATIONS) == module.AUGMENT
    x = torch.randn(6, 1, 8, 8, generator=torch.Generator().manual_seed(3))
    for ops in ([], ["flip"], ["shift", "rotate"], ["cutout", "noise"], list(AUGMENTATIONS)):
        ours = module.augment_batch(x, ops, torch.Generator().manual_seed(7))
        engine = augment_batch(x, ops, torch.Generator().manual_seed(7))
        assert torch.equal(ours, engine), ops
    # A network without image input is not augmented, and its script carries no such code.
    assert "augment_batch" not in generate_script(_project("mlp", augment=["flip"]))


_RUNNER = """
import runpy, sys
for script, data, weights in zip(*[iter(sys.argv[1:])] * 3):
    print("=== " + script, flush=True)
    sys.argv = [script, "--data", data, "--out", weights, "--device", "cpu"]
    runpy.run_path(script, run_name="__main__")
"""

TRAINING_CASES: list[tuple[str, dict[str, object]]] = [
    ("seed-cnn", {"epochs": 2, "batch_size": 16, "augment": ["flip", "shift", "cutout"]}),
    ("char-lstm", {"epochs": 2, "optimizer": "sgd", "schedule": "step", "grad_clip": 1.0}),
    ("toy2d", {"epochs": 3, "optimizer": "rmsprop", "schedule": "onecycle", "l1": 1e-4}),
    (
        "mlp",
        {
            "epochs": 2,
            "optimizer": "adamw",
            "schedule": "plateau",
            "label_smoothing": 0.1,
            "early_stopping": True,
            "patience": 1,
        },
    ),
]


@pytest.mark.slow
def test_scripts_train_on_tiny_datasets_and_their_weights_fit_the_engine(tmp_path: Path) -> None:
    """Each generated script runs as a program (one interpreter, to pay torch's import once),
    trains, saves weights; the engine model and the script model give the same outputs."""
    from engine.data import load_dataset

    runs: list[tuple[Project, Path, np.ndarray]] = []
    args: list[str] = []
    for i, (template, settings) in enumerate(TRAINING_CASES):
        project = _project(template, **settings)
        ctx = CASES[template]
        x, y = _inputs(ctx, 40).numpy(), _targets(ctx, 40)
        data = tmp_path / f"tiny{i}.npz"
        np.savez(data, x_train=x, y_train=y, x_val=x[:8], y_val=y[:8])
        runs.append((project, tmp_path / f"weights{i}.pt", x))
        args += [str(tmp_path / f"train{i}.py"), str(data), str(runs[-1][1])]
    # A real built-in dataset exported by write_data_npz.
    dataset = load_dataset(DataRef("moons", {"n_samples": 120}))
    write_data_npz(dataset, tmp_path / "moons.npz")
    arrays = np.load(tmp_path / "moons.npz")
    assert arrays["x_train"].dtype == np.float32 and arrays["x_train"].shape[1:] == (2,)
    moons = new_project("toy2d", DataRef("moons"), dataset.context())
    moons.settings.epochs = 2
    runs.append((moons, tmp_path / "weights_moons.pt", arrays["x_val"]))
    args += [str(tmp_path / "train_moons.py"), str(tmp_path / "moons.npz"), str(runs[-1][1])]
    for (project, _, _), script in zip(runs, args[::3], strict=True):
        Path(script).write_text(generate_script(project), encoding="utf-8")

    out = subprocess.run(
        [sys.executable, "-c", _RUNNER, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=280,
    )
    assert out.returncode == 0, out.stderr
    logs = out.stdout.split("=== ")[1:]
    assert len(logs) == len(runs)
    for (project, weights_path, x), log in zip(runs, logs, strict=True):
        epochs = project.settings.epochs
        stopped_early = project.settings.early_stopping and "early stop" in log
        assert f"epoch {epochs}/{epochs}" in log or stopped_early, log
        assert "val_loss" in log
        state = torch.load(weights_path, weights_only=True)
        engine_model = build_model(project.graph).eval()
        engine_model.load_state_dict(state)
        module = _import_script(generate_script(project), weights_path.with_suffix(".py"))
        script_model = module.Net().eval()
        script_model.load_state_dict(state)
        with torch.no_grad():
            xt = torch.as_tensor(x[:5])
            assert torch.allclose(engine_model(xt), script_model(xt), atol=1e-6)
        initial = build_model(project.graph, seed=project.settings.seed).state_dict()
        assert any(not torch.equal(v, initial[k]) for k, v in state.items())  # it trained


def test_an_exported_script_runs_where_it_lands_and_user_strings_stay_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Export with the CLI, copy the script and what the export wrote to another folder, run it
    from a third working folder: it finds its data, trains, prints a test accuracy, no
    warnings, and none of the hostile names below runs as code."""
    import shutil

    from engine.cli import main
    from engine.data import load_dataset
    from engine.project import save_project

    hostile = 'x"""; print("pwned"); """'
    folder = tmp_path / "made"
    folder.mkdir()
    column = "a'''\\#\nprint('pwned')"
    rows = "".join(f"{i % 5},{(i * 7) % 3},{i % 2}\n" for i in range(80))
    (folder / "data.csv").write_text(f'"{column}",b,label\n' + rows, encoding="utf-8")
    ref = DataRef(str(folder / "data.csv"), {"target": "label", "note": "'''\\ # \"\"\"\n"})
    project = new_project("mlp", ref, load_dataset(ref).context())
    project.name = hostile
    project.settings.epochs = 1
    save_project(project, folder / "p.netcanvas")
    monkeypatch.chdir(folder)
    assert main(["export-script", "p.netcanvas", "train.py"]) == 0
    written = capsys.readouterr().out
    assert "train.py" in written and "data.npz" in written  # the data comes by default
    compile((folder / "train.py").read_text(encoding="utf-8"), "train.py", "exec")

    landed = tmp_path / "landed"
    landed.mkdir()
    for name in ("train.py", "data.npz"):
        shutil.copy(folder / name, landed / name)
    third = tmp_path / "third"
    third.mkdir()
    run = subprocess.run(
        [sys.executable, "-W", "default", str(landed / "train.py"), "--out", "w.pt"],
        cwd=third,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr
    assert "pwned" not in run.stdout + run.stderr
    assert "Warning" not in run.stderr, run.stderr  # e.g. float() of a tensor needing grad
    assert "epoch 1/1" in run.stdout
    test_line = next(line for line in run.stdout.splitlines() if line.startswith("test:"))
    assert "n 8" in test_line and "accuracy" in test_line


def test_frozen_layers_stay_frozen_in_the_script(tmp_path: Path) -> None:
    project = _project("resnet-mini")
    frozen = project.graph.node_by_name("batchnorm2d_1")
    assert frozen is not None
    project.graph.set_trainable(frozen.id, False)
    module = _import_script(generate_script(project), tmp_path / "script_frozen.py")
    net = module.Net()
    assert not any(p.requires_grad for p in net.batchnorm2d_1.parameters())
    handed = {id(p) for g in module.make_optimizer(net).param_groups for p in g["params"]}
    assert handed and not handed & {id(p) for p in net.batchnorm2d_1.parameters()}
    net.train()
    assert net.training and not net.batchnorm2d_1.training  # as at inference, like the engine
    assert "_frozen" not in generate_script(_project("resnet-mini"))


@pytest.mark.parametrize("schedule", ["onecycle", "cosine", "step", "plateau"])
def test_the_script_trains_to_the_engines_figures_for_the_same_seed(
    schedule: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Same network, seed, data order, optimiser kernel and learning-rate schedule: the script's
    test loss and accuracy are the engine's (they differed while it used torch's schedulers,
    whose one-cycle also cycles Adam's momentum)."""
    import re

    from engine.cli import main
    from engine.project import load_project, save_project

    path = tmp_path / "digits.netcanvas"
    assert main(["new", str(path), "--template", "mlp", "--data", "digits-8x8"]) == 0
    project = load_project(path)
    project.settings.schedule, project.settings.epochs = schedule, 3
    project.settings.step_size, project.settings.patience = 1, 2
    project.settings.warmup, project.settings.label_smoothing = 0.2, 0.1
    save_project(project, path)
    assert main(["train", str(path), "--seed", "0", "--quiet"]) == 0
    metrics = load_project(path).runs[-1].metrics
    assert main(["export-script", str(path), str(tmp_path / "train.py")]) == 0
    capsys.readouterr()
    done = subprocess.run(
        [sys.executable, str(tmp_path / "train.py"), "--epochs", "3", "--out", "w.pt"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    test = re.search(r"test: n \d+  loss ([\d.]+)  accuracy ([\d.]+)", done.stdout)
    assert test, done.stdout
    assert float(test.group(1)) == pytest.approx(metrics["test_loss"], abs=2e-4)
    assert float(test.group(2)) == pytest.approx(metrics["test_accuracy"], abs=1e-4)
