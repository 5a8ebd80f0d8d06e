"""The schema check at the door: hostile project files and flags get one plain line naming the
field, the value and the allowed range (CLI exit 2), never a traceback or an internal error,
and never a failed run recorded in the project."""

from __future__ import annotations

import json
import math
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from project_mutations import mutants, valid_document, write_project

from engine.cli import main
from engine.project import load_project, new_project, save_project
from engine.types import DataRef, ProjectError

CLI_MUTANTS = 1000


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_thousand_mutants_give_exit_0_or_a_one_line_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    variants = mutants(CLI_MUTANTS)
    assert len(variants) == CLI_MUTANTS
    started = time.perf_counter()
    refused = 0
    for label, document in variants:
        path = write_project(document, tmp_path / "mutant.netcanvas")
        code, _, err = _cli(capsys, "info", str(path))
        assert code in (0, 2), f"{label}: exit {code}: {err}"
        if code == 2:
            refused += 1
            lines = err.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("netcanvas-cli: error:"), (label, err)
            assert "internal error" not in err and "Traceback" not in err, (label, err)
    seconds = time.perf_counter() - started
    print(f"{CLI_MUTANTS} mutants through the CLI in {seconds:.1f} s, {refused} refused")
    assert 0 < refused < CLI_MUTANTS  # both kinds occur: the sample is not trivially one-sided


def _with(**changes: Any) -> dict[str, Any]:
    document = valid_document()
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = document
        for key in parents:
            node = node[int(key) if key.isdigit() else key]
        node[int(last) if last.isdigit() else last] = value
    return document


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"settings__seed": 2**70}, ["settings.seed", str(2**70), "0 to 2147483647"]),
        ({"settings__lr": 1e309}, ["settings.lr", "inf", "1e-06 to 10"]),
        ({"settings__weight_decay": -1}, ["settings.weight_decay", "-1", "0 to 1"]),
        ({"settings__label_smoothing": 2}, ["settings.label_smoothing", "0 to 0.9"]),
        ({"settings__batch_size": 10**18}, ["settings.batch_size", "1 to 65536"]),
        ({"settings__batch_size": 0}, ["settings.batch_size", "is 0"]),
        ({"settings__device": "gpu"}, ["settings.device", "'gpu'", "cuda:N"]),
        ({"settings__device": ["cpu"]}, ["settings.device", "text"]),
        ({"data__options__seed": 2**40}, ["data.options.seed", "0 to 2147483647"]),
        ({"data__options__val_split": "half"}, ["data.options.val_split", "'half'"]),
        ({"data__options__noise": 10**400}, ["data.options.noise"]),
        ({"runs__0__status": None}, ["runs[0].status", "None", "'finished'"]),
        ({"runs__0__history__loss": [1, {}]}, ["runs[0].history.loss[1]", "a number or null"]),
        ({"runs__0__message_template": "{x.__class__}"}, ["runs[0].message_template"]),
        ({"runs__0__steps__epoch": [0.5, 1e300]}, ["runs[0].steps.epoch[1]", "0 to 1e+06"]),
        ({"runs__0__settings__epochs": -5}, ["runs[0].settings.epochs", "1 to 10000"]),
        ({"graph__edges__0__src": ["n1"]}, ["connection refers to a layer"]),
        ({"graph__edges__0__dst": {"id": "n1"}}, ["connection refers to a layer"]),
        ({"graph__nodes__0__pos": [10**400, 0]}, ["position must be two numbers"]),
        ({"graph__nodes__0__pos": [1e308, 0]}, ["position must be two numbers from -1e+06"]),
    ],
)
def test_a_refusal_names_the_field_the_value_and_the_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], changes: dict[str, Any], words: list[str]
) -> None:
    path = write_project(_with(**changes), tmp_path / "bad.netcanvas")
    with pytest.raises(ProjectError) as refused:
        load_project(path)
    for word in words:
        assert word in str(refused.value)
    code, _, err = _cli(capsys, "info", str(path))
    assert code == 2 and err.count("\n") == 1 and words[0] in err


def test_null_points_of_a_curve_are_read_as_nan(tmp_path: Path) -> None:
    project = load_project(write_project(valid_document(), tmp_path / "p.netcanvas"))
    loss = project.runs[0].history["loss"]
    assert loss[0] == 0.7 and math.isnan(loss[1])
    assert all(isinstance(v, float) for v in project.runs[0].steps["epoch"])


# -- train: settings refused before a run exists ---------------------------------------------


@pytest.fixture
def toy_project(tmp_path: Path) -> Path:
    project = new_project("toy2d", DataRef("moons", {"n_samples": 120, "seed": 0}), None)
    project.settings.epochs = 1
    project.settings.device = "cpu"
    path = tmp_path / "toy.netcanvas"
    save_project(project, path)
    return path


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (["--seed", str(2**70)], ["--seed", "0 to 2147483647"]),
        (["--lr", "inf"], ["--lr", "inf"]),
        (["--lr", "nan"], ["--lr", "nan"]),
        (["--batch-size", "0"], ["--batch-size", "1 to 65536"]),
        (["--batch-size", str(10**18)], ["--batch-size"]),
        (["--epochs", "0"], ["--epochs"]),
    ],
)
def test_train_refuses_bad_flags_by_name_and_records_no_run(
    toy_project: Path, capsys: pytest.CaptureFixture[str], flags: list[str], words: list[str]
) -> None:
    before = toy_project.read_bytes()
    code, _, err = _cli(capsys, "train", str(toy_project), "--quiet", *flags)
    assert code == 2 and err.count("\n") == 1, err
    for word in words:
        assert word in err
    assert toy_project.read_bytes() == before  # no failed run written into the project


@pytest.mark.parametrize(
    ("setting", "value"),
    [("seed", 2**70), ("weight_decay", -1), ("label_smoothing", 2), ("batch_size", 0)],
)
def test_train_refuses_bad_settings_in_the_file_without_blaming_flags(
    toy_project: Path, capsys: pytest.CaptureFixture[str], setting: str, value: object
) -> None:
    with zipfile.ZipFile(toy_project) as zf:
        document = json.loads(zf.read("project.json"))
    document["settings"][setting] = value
    write_project(document, toy_project)
    before = toy_project.read_bytes()
    code, _, err = _cli(capsys, "train", str(toy_project), "--quiet")
    assert code == 2 and err.count("\n") == 1, err
    assert f"settings.{setting}" in err and "--" not in err.split("error:", 1)[1], err
    assert toy_project.read_bytes() == before


def test_train_fresh_ignores_saved_weights_that_no_longer_fit(
    toy_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(capsys, "train", str(toy_project), "--quiet")[0] == 0
    project = load_project(toy_project)
    hidden = next(n for n in project.graph.nodes.values() if n.type == "Linear")
    project.graph.set_param(hidden.id, "units", hidden.params["units"] + 3)
    save_project(project, toy_project)
    code, _, err = _cli(capsys, "train", str(toy_project), "--quiet")
    assert code == 2 and "--fresh" in err
    code, _, err = _cli(capsys, "train", str(toy_project), "--quiet", "--fresh")
    assert code == 0, err
    assert len(load_project(toy_project).runs) == 2
