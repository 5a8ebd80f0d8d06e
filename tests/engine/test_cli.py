"""netcanvas-cli end to end, as scripts run it: a subprocess per command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest

from engine.cli import main
from engine.project import load_project, new_project, save_project
from engine.types import DataRef

ROOT = Path(__file__).resolve().parents[2]


LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def cli(*args: str, cwd: Path, locale: str = "") -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess, in English unless ``locale`` (set as LANG) says otherwise."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1", PYTHONIOENCODING="utf-8")
    env.pop("NETCANVAS_DEBUG", None)
    for name in LOCALE_VARIABLES:
        env.pop(name, None)
    if locale:
        env["LANG"] = locale
    return subprocess.run(
        [sys.executable, "-m", "engine.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=240,
    )


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-process runs speak English whatever the developer's locale."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def assert_bad_input(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("netcanvas-cli"), result.stderr
    assert "error:" in lines[0]
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The CLI in this process (same code as the subprocess, without paying for imports)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_new_train_eval_predict_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    project = str(tmp_path / "iris.netcanvas")
    code, out, err = run(capsys, "new", project, "--template", "mlp", "--data", "iris")
    assert code == 0, err
    code, out, err = run(capsys, "info", project, "--json")
    assert code == 0, err
    info = json.loads(out)
    assert info["valid"] and not info["trained"]
    assert info["input"]["shape"] == ["N", 4] and info["input"]["dtype"] == "float32"
    assert info["input"]["raw"] is True

    code, out, err = run(
        capsys, "train", project, "--epochs", "2", "--batch-size", "16", "--seed", "3"
    )
    assert code == 0, err
    assert "epoch 2/2" in out and "\r" not in out  # not a tty: plain lines
    saved = load_project(project)
    assert saved.weights is not None and len(saved.runs) == 1
    record = saved.runs[0]
    assert record.status == "finished" and len(record.history["loss"]) == 2
    assert record.settings["batch_size"] == 16 and record.settings["seed"] == 3
    assert "test_accuracy" in record.metrics

    code, out, err = run(capsys, "eval", project, "--split", "val")
    assert code == 0 and out.startswith("val:"), err

    samples = np.random.default_rng(0).normal(size=(6, 4)).astype(np.float32)
    np.save(tmp_path / "in.npy", samples)
    code, out, err = run(capsys, "predict", project, "in.npy", "--out", "out.npy")
    assert code == 0, err
    probs = np.load(tmp_path / "out.npy")
    assert probs.shape == (6, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)

    code, out, err = run(capsys, "export-onnx", project, "model.onnx")
    assert code == 0 and "max abs difference" in out, err
    onnx.checker.check_model(str(tmp_path / "model.onnx"), full_check=True)

    code, out, err = run(capsys, "export-script", project, "train_iris.py")
    assert code == 0, err
    compile((tmp_path / "train_iris.py").read_text(), "train_iris.py", "exec")

    # Bad inputs to a real project: one line, exit 2.
    np.save(tmp_path / "wrong.npy", np.zeros((2, 7), np.float32))
    for args, word in (
        (("predict", project, "wrong.npy", "--out", "o.npy"), "shape"),
        (("predict", project, "nope.npy", "--out", "o.npy"), "nope.npy"),
        (("export-onnx", project, "no/dir/m.onnx"), "does not exist"),
    ):
        code, out, err = run(capsys, *args)
        assert code == 2 and err.count("\n") == 1 and word in err, err

    # A run that fails (NaN) exits 1, says why, and is recorded.
    code, out, err = run(
        capsys,
        "train",
        project,
        "--epochs",
        "3",
        "--lr",
        "10",
        "--optimizer",
        "sgd",
        "--batch-size",
        "2",
    )
    assert code == 1 and "NaN" in err and "learning rate" in err and "RunRecord" not in err
    assert load_project(project).runs[-1].status == "failed"

    # The real entry point, once, as a script calls it.
    r = cli("eval", project, "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert {"accuracy", "loss", "macro_f1", "n"} <= summary.keys()
    assert summary["accuracy"] == pytest.approx(record.metrics["test_accuracy"])


def test_a_leaking_column_is_named_before_training_and_can_be_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from synthetic_tables import titanic_like

    monkeypatch.chdir(tmp_path)
    titanic_like().to_csv(tmp_path / "titanic.csv", index=False)
    new = ("new", "t.netcanvas", "--template", "mlp", "--data", "titanic.csv")
    code, _, err = run(capsys, *new)
    assert code == 0, err
    assert err.splitlines() == [
        "netcanvas-cli: warning: 'alive' equals 'survived' under another name (no → 0, yes → 1) "
        "in 891 of 891 rows. Leave it out: netcanvas-cli new ... --drop alive"
    ]
    code, _, err = run(capsys, "train", "t.netcanvas", "--epochs", "1", "--quiet")
    assert code == 0 and "'alive' equals 'survived'" in err  # train warns too

    code, _, err = run(capsys, *new, "--target", "survived", "--drop", "alive,class")
    assert code == 0 and err == "", err
    assert load_project(tmp_path / "t.netcanvas").data.options["drop"] == ["alive", "class"]
    code, _, err = run(capsys, "train", "t.netcanvas", "--epochs", "30", "--seed", "0")
    assert code == 0 and err == "", err
    accuracy = load_project(tmp_path / "t.netcanvas").runs[-1].metrics["test_accuracy"]
    assert 0.7 <= accuracy <= 0.9, accuracy  # where an honest model lands, not 100 %

    for bad, word in (
        (("--target", "fate"), "has no column 'fate'"),
        (("--drop", "pclass,sex,age,fare,class,alive,alone"), "no feature columns"),
    ):
        code, _, err = run(capsys, *new, *bad)
        assert code == 2 and err.count("\n") == 1 and word in err, err


def test_bad_input_exits_2_with_one_line(tmp_path: Path) -> None:
    assert_bad_input(cli("new", "x.netcanvas", "--template", "nope", cwd=tmp_path), "nope")
    assert_bad_input(cli("info", "missing.netcanvas", cwd=tmp_path), "missing.netcanvas")
    assert_bad_input(cli("eval", "missing.netcanvas", cwd=tmp_path), "missing.netcanvas")
    assert_bad_input(cli(cwd=tmp_path))  # no command
    assert_bad_input(cli("train", "p.netcanvas", "--epochs", "x", cwd=tmp_path), "--epochs")
    not_a_project = tmp_path / "junk.netcanvas"
    not_a_project.write_text("hello")
    assert_bad_input(cli("info", str(not_a_project), cwd=tmp_path), "junk.netcanvas")


def test_unreadable_data_and_invalid_graph_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_csv = tmp_path / "broken.csv"
    bad_csv.write_bytes(b"\x00\x01\x02 not a table")
    out = str(tmp_path / "p.netcanvas")
    for data in (str(bad_csv), "no-such-data"):
        code, _, err = run(capsys, "new", out, "--template", "mlp", "--data", data)
        assert code == 2 and err.count("\n") == 1 and Path(data).name in err, err

    project = new_project("mlp", DataRef("iris"))
    hidden = next(n for n in project.graph.nodes.values() if n.type == "Linear")
    project.graph.remove_node(hidden.id)  # the Output is cut off from the Input
    path = tmp_path / "broken.netcanvas"
    save_project(project, path)
    for command in ("train", "eval", "export-onnx"):
        extra = ["m.onnx"] if command == "export-onnx" else []
        code, _, err = run(capsys, command, str(path), *extra)
        assert code == 2 and err.count("\n") == 1 and "error:" in err, err


def test_listing_commands_and_version(tmp_path: Path) -> None:
    r = cli("templates", cwd=tmp_path)
    assert r.returncode == 0 and "seed-cnn" in r.stdout and "char-lstm" in r.stdout
    assert "char-transformer" in r.stdout
    r = cli("datasets", cwd=tmp_path)
    assert r.returncode == 0 and "mnist-5k" in r.stdout and "iris" in r.stdout
    r = cli("--version", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("netcanvas-cli ")
    r = cli("--help", cwd=tmp_path)
    assert r.returncode == 0 and "export-onnx" in r.stdout


def test_progress_bar_on_a_terminal_and_plain_lines_otherwise() -> None:
    import io

    from engine.train.progress import ProgressPrinter

    def drive(tty: bool) -> str:
        stream = io.StringIO()
        printer = ProgressPrinter(stream, tty=tty)
        printer.on_train_begin({"epochs": 2.0, "start_epoch": 0.0})
        logs = {"loss": 0.5, "accuracy": 0.8, "samples_per_s": 1234.0, "eta_s": 75.0}
        printer.on_batch_end(3, {**logs, "epoch": 0.5, "progress": 0.5})
        printer.on_epoch_end(0, {"loss": 0.4, "accuracy": 0.9, "val_loss": 0.3, "lr": 1e-3})
        printer.on_train_end({})
        return stream.getvalue()

    live = drive(tty=True)
    assert "\r" in live and "epoch 1/2 [" in live and "50%" in live
    assert "1,234 samples/s" in live and "ETA 1:15" in live
    plain = drive(tty=False)
    assert "\r" not in plain and "ETA" not in plain
    assert plain.splitlines() == [plain.strip()] and "val_loss 0.3000" in plain


def test_bad_data_is_reported_in_chinese_with_lang_zh_cn(tmp_path: Path) -> None:
    """`--lang zh_CN` (or a Chinese locale) turns the one-line error into Chinese; the exit
    code, the single line and the "netcanvas-cli: error:" prefix scripts grep stay."""
    bad = tmp_path / "bad.csv"
    bad.write_text("sepal,petal,species\n", encoding="utf-8")  # a header, no rows
    args = ("new", "x.netcanvas", "--template", "mlp", "--data", "bad.csv")

    english = cli(*args, cwd=tmp_path)
    assert_bad_input(english, "'bad.csv' has a header but no data rows.")

    chinese = cli("--lang", "zh_CN", *args, cwd=tmp_path)
    assert_bad_input(chinese, "netcanvas-cli: error: “bad.csv”有表头，但没有数据行。")
    assert chinese.stderr.strip() == "netcanvas-cli: error: “bad.csv”有表头，但没有数据行。"

    from_locale = cli(*args, cwd=tmp_path, locale="zh_CN.UTF-8")
    assert from_locale.stderr == chinese.stderr
    assert cli("--lang", "en", *args, cwd=tmp_path, locale="zh_CN.UTF-8").stderr == english.stderr
    assert not (tmp_path / "x.netcanvas").exists()


def test_cli_lines_follow_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = str(tmp_path / "iris.netcanvas")
    code, out, err = run(capsys, "--lang", "zh_CN", "new", project, "--template", "mlp")
    assert code == 0, err
    assert out.startswith("已创建 ") and "个训练样本" in out
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, err = run(capsys, "info", project)
    assert code == 0, err
    assert "参数：" in out and "有效：是" in out and "已训练：否" in out
    code, out, err = run(capsys, "info", project, "--json")
    assert json.loads(out)["output"]["predict_writes"] == "class probabilities N×3 (softmax)"
    monkeypatch.setenv("LC_ALL", "C")
    code, out, err = run(capsys, "info", project)
    assert "parameters: " in out and "valid: yes" in out


def test_train_with_the_keras_recipe_records_its_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "moons.netcanvas")
    assert main(["new", project, "--template", "toy2d", "--data", "moons"]) == 0
    code, _, err = run(capsys, "train", project, "--recipe", "keras", "--epochs", "1")
    assert code == 0, err
    settings = load_project(project).runs[-1].settings
    assert settings["init"] == "glorot" and settings["batch_size"] == 32  # the recipe's
    assert settings["epochs"] == 1 and settings["schedule"] == "constant"  # a flag wins


def test_predict_refuses_float_images_for_a_raw_pixel_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Float images in [0, 1] given to a model that takes raw pixels 0-255 would score at
    chance without a word: they are refused with one line, and uint8 pixels are taken."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "new", "d.netcanvas", "--template", "mlp", "--data", "digits-8x8")
    assert code == 0, err
    code, _, err = run(capsys, "train", "d.netcanvas", "--epochs", "1")
    assert code == 0, err
    pixels = np.random.default_rng(0).integers(0, 256, size=(5, 1, 8, 8)).astype(np.uint8)
    np.save("u8.npy", pixels)
    np.save("float.npy", pixels.astype(np.float32) / 255)
    np.save("wide.npy", pixels.astype(np.int64) * 4)
    for name in ("float.npy", "wide.npy"):
        code, _, err = run(capsys, "predict", "d.netcanvas", name, "--out", "o.npy")
        assert code == 2 and err.count("\n") == 1 and "uint8 pixels 0-255" in err, err
        assert not (tmp_path / "o.npy").exists()
    code, _, err = run(capsys, "predict", "d.netcanvas", "u8.npy", "--out", "o.npy")
    assert code == 0, err
    assert np.load("o.npy").shape == (5, 10)
