"""The project file: round trips, atomic saves, and refusal of damaged or hostile files."""

from __future__ import annotations

import io
import json
import math
import os
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import torch

from engine import project as project_module
from engine.build import build_model
from engine.project import (
    PROJECT_SCHEMA_VERSION,
    Project,
    default_project,
    load_project,
    new_project,
    project_to_json,
    save_project,
)
from engine.types import DataContext, DataRef, ProjectError, RunRecord, TrainSettings

torch.set_num_threads(1)


def _write_zip(path: Path, entries: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _doc(**changes: object) -> str:
    doc = project_to_json(default_project())
    doc.update(changes)
    return json.dumps(doc)


def test_default_project() -> None:
    p = default_project()
    assert p.template == "seed-cnn"
    assert p.data == DataRef("mnist-5k")
    settings = p.settings
    assert settings == TrainSettings(label_smoothing=0.1, warmup=0.15)  # engine.templates
    assert (settings.optimizer, settings.lr, settings.batch_size, settings.epochs) == (
        "adam",
        3e-3,
        32,
        5,
    )
    assert settings.schedule == "onecycle" and settings.init == "default"
    assert p.graph.analysis.total_params == 693_962
    assert p.runs == [] and p.weights is None


def test_new_project_adapts_to_the_dataset() -> None:
    ctx = DataContext((2,), num_classes=3, input_kind="points")
    p = new_project("toy2d", DataRef("blobs"), ctx)
    assert p.graph.analysis.valid
    assert p.graph.output_nodes()[0].params["units"] == 3
    assert p.settings.lr == 0.01


def test_round_trip_with_weights_and_runs(tmp_path: Path) -> None:
    p = default_project()
    p.name = "Digits — 数字"
    p.settings.lr = 0.01
    p.settings.augment = ["shift", "noise"]
    p.data = DataRef("mnist-5k", {"val_split": 0.2})
    p.runs = [
        RunRecord(
            "run-1",
            "2026-01-01T00:00:00",
            p.settings.to_dict(),
            history={"loss": [1.0, float("nan")]},
            steps={"epoch": [0.5, 1.0]},
            metrics={"accuracy": 0.9},
            status="failed",
            message="NaN loss",
        )
    ]
    p.weights = build_model(p.graph, seed=3).state_dict()
    path = tmp_path / "digits.netcanvas"
    save_project(p, path)
    q = load_project(path)
    assert q.name == p.name and q.template == "seed-cnn"
    assert q.graph.to_dict() == p.graph.to_dict()
    assert q.settings == p.settings and q.data == p.data
    assert q.runs[0].history["loss"][0] == 1.0 and math.isnan(q.runs[0].history["loss"][1])
    assert q.runs[0].status == "failed"
    assert q.weights is not None and set(q.weights) == set(p.weights)
    for key, value in p.weights.items():
        assert torch.equal(q.weights[key], value)
    build_model(q.graph).load_state_dict(q.weights)
    with zipfile.ZipFile(path) as zf:
        assert sorted(zf.namelist()) == ["project.json", "weights.safetensors"]
        assert json.loads(zf.read("project.json"))["schema_version"] == PROJECT_SCHEMA_VERSION
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_schema_1_migrates(tmp_path: Path) -> None:
    doc = project_to_json(default_project())
    doc["schema_version"] = 1
    del doc["data"], doc["runs"]
    doc["dataset"] = "digits-8x8"
    p = load_project(_write_zip(tmp_path / "old.netcanvas", {"project.json": json.dumps(doc)}))
    assert p.data.source == "digits-8x8" and p.runs == []


def test_future_version_is_refused(tmp_path: Path) -> None:
    path = _write_zip(tmp_path / "new.netcanvas", {"project.json": _doc(schema_version=3)})
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert str(info.value) == (
        "This project was saved by a newer NetCanvas (schema 3); this version reads up to 2 — "
        "update NetCanvas"
    )


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"../evil.txt": "x", "project.json": _doc()}, "suspicious file name"),
        ({"/etc/passwd": "x", "project.json": _doc()}, "suspicious file name"),
        ({"a\\..\\b": "x", "project.json": _doc()}, "suspicious file name"),
        ({"notes.txt": "hello"}, "no project.json"),
        ({"project.json": "{not json"}, "damaged project.json"),
        ({"project.json": "[1, 2]"}, "must hold a JSON object"),
        ({"project.json": "[" * 100_000}, "damaged project.json"),
        ({"project.json": _doc(schema_version="2")}, "no valid schema_version"),
        ({"project.json": _doc(graph=[])}, "network description must be a JSON object"),
        ({"project.json": _doc(settings={"lr": "fast"})}, "settings.lr is 'fast'"),
        ({"project.json": _doc(settings={"optimizer": "magic"})}, "settings.optimizer is 'magic'"),
        ({"project.json": _doc(settings={"epochs": True})}, "settings.epochs is True"),
        ({"project.json": _doc(settings={"augment": [1]})}, r"settings.augment\[0\] is 1"),
        ({"project.json": _doc(runs={"a": 1})}, "runs is {'a': 1}, but it must be a list"),
        ({"project.json": _doc(runs=[{"id": 3}])}, r"runs\[0\].id is 3"),
        (
            {"project.json": _doc(runs=[{"id": "r", "history": {"loss": ["x"]}}])},
            r"runs\[0\].history.loss\[0\] is 'x'",
        ),
        ({"project.json": _doc(data={"source": 5})}, "data.source is 5"),
        ({"project.json": _doc(name=["x"])}, r"name is \['x'\], but it must be text"),
        ({"project.json": _doc(), "weights.safetensors": b"\x00" * 64}, "damaged weights"),
    ],
)
def test_damaged_and_hostile_files_are_refused(
    tmp_path: Path, entries: dict[str, str], message: str
) -> None:
    path = _write_zip(tmp_path / "bad.netcanvas", entries)
    with pytest.raises(ProjectError, match=message):
        load_project(path)


def test_not_a_zip_truncated_and_missing(tmp_path: Path) -> None:
    good = tmp_path / "good.netcanvas"
    save_project(default_project(), good)
    data = good.read_bytes()
    for name, content in [
        ("text.netcanvas", b"hello"),
        ("cut.netcanvas", data[: len(data) // 2]),
        ("empty.netcanvas", b""),
    ]:
        (tmp_path / name).write_bytes(content)
        with pytest.raises(ProjectError, match="damaged or not a NetCanvas project"):
            load_project(tmp_path / name)
    with pytest.raises(ProjectError, match="no such file"):
        load_project(tmp_path / "missing.netcanvas")


def test_zip_bomb_is_refused_by_ratio(tmp_path: Path) -> None:
    path = _write_zip(tmp_path / "bomb.netcanvas", {"project.json": " " * (20 * 1024 * 1024)})
    assert path.stat().st_size < 100_000
    with pytest.raises(ProjectError, match="zip bomb"):
        load_project(path)


def test_huge_json_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_module, "MAX_JSON_BYTES", 1000)
    path = _write_zip(tmp_path / "big.netcanvas", {"project.json": _doc()})
    with pytest.raises(ProjectError, match="too large"):
        load_project(path)


def test_lying_size_header_is_refused(tmp_path: Path) -> None:
    """A central directory that declares fewer bytes than the entry really holds."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.json", _doc())
    raw = bytearray(buf.getvalue())
    central = raw.rfind(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, 100)  # uncompressed size field
    local = raw.find(b"PK\x03\x04")
    struct.pack_into("<I", raw, local + 22, 100)
    path = tmp_path / "liar.netcanvas"
    path.write_bytes(bytes(raw))
    with pytest.raises(ProjectError):
        load_project(path)


def test_too_many_entries(tmp_path: Path) -> None:
    path = _write_zip(
        tmp_path / "many.netcanvas",
        {f"f{i}.txt": "x" for i in range(100)} | {"project.json": _doc()},
    )
    with pytest.raises(ProjectError, match="holds 101 files"):
        load_project(path)


def test_save_to_an_unwritable_place_is_a_project_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="Could not save"):
        save_project(default_project(), tmp_path / "no-such-dir" / "p.netcanvas")


_WRITER = """
import sys, torch
from engine.project import default_project, save_project
p = default_project()
p.name = "writer"
p.weights = {"big": torch.randn(8_000_000)}  # 32 MB: the write takes a while
print("ready", flush=True)
while True:
    save_project(p, sys.argv[1])
"""


@pytest.mark.slow
def test_killing_a_writer_midway_leaves_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "p.netcanvas"
    original = default_project()
    original.name = "original"
    save_project(original, path)
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".p.netcanvas.*.tmp")):  # wait until a write is under way
            assert time.monotonic() < deadline, "the writer never started writing"
            time.sleep(0.001)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    survivor = load_project(path)  # intact: the old project or a complete new one
    assert survivor.name in ("original", "writer")
    if survivor.name == "writer":
        assert survivor.weights is not None and survivor.weights["big"].numel() == 8_000_000


def test_saving_keeps_project_unchanged_and_loading_never_mutates(tmp_path: Path) -> None:
    p = default_project()
    before = project_to_json(p)
    save_project(p, tmp_path / "a.netcanvas")
    assert project_to_json(p) == before
    assert isinstance(load_project(tmp_path / "a.netcanvas"), Project)


def test_a_moved_folder_with_its_project_and_csv_still_trains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teacher's folder (project + CSV), moved or copied elsewhere, keeps working."""
    import shutil

    from engine.cli import main
    from engine.data import load_dataset

    folder = tmp_path / "handout"
    folder.mkdir()
    rows = "".join(f"{i % 7},{(i * 3) % 5},{i % 2}\n" for i in range(60))
    (folder / "data.csv").write_text("a,b,label\n" + rows, encoding="utf-8")
    ref = DataRef(str(folder / "data.csv"), {"drop": ["b"]})
    project = new_project("mlp", ref, load_dataset(ref).context())
    save_project(project, folder / "lab.netcanvas")
    with zipfile.ZipFile(folder / "lab.netcanvas") as zf:
        stored = json.loads(zf.read("project.json"))["data"]
    assert stored["relative"] == "data.csv" and stored["source"] == str(folder / "data.csv")

    moved = tmp_path / "student" / "handout"
    moved.parent.mkdir()
    shutil.move(folder, moved)
    loaded = load_project(moved / "lab.netcanvas")
    assert loaded.data.source == str((moved / "data.csv").resolve())
    assert loaded.data.options == {"drop": ["b"]}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # a third working folder
    assert main(["train", str(moved / "lab.netcanvas"), "--epochs", "1", "--quiet"]) == 0
    assert load_project(moved / "lab.netcanvas").runs[-1].status == "finished"


def test_the_absolute_data_path_is_the_fallback_and_builtins_stay_ids(tmp_path: Path) -> None:
    csv = tmp_path / "shared" / "data.csv"
    csv.parent.mkdir()
    csv.write_text("a,label\n" + "".join(f"{i},{i % 2}\n" for i in range(30)), encoding="utf-8")
    project = new_project("mlp", DataRef(str(csv)))
    (tmp_path / "p").mkdir()
    save_project(project, tmp_path / "p" / "lab.netcanvas")
    (tmp_path / "q" / "deeper").mkdir(parents=True)
    alone = tmp_path / "q" / "deeper" / "lab.netcanvas"
    os.replace(tmp_path / "p" / "lab.netcanvas", alone)  # no data beside it: the absolute path
    assert load_project(alone).data.source == str(csv)
    save_project(new_project("mlp", DataRef("iris")), tmp_path / "iris.netcanvas")
    with zipfile.ZipFile(tmp_path / "iris.netcanvas") as zf:
        assert json.loads(zf.read("project.json"))["data"] == {"source": "iris", "options": {}}


def test_the_defaults_recipe_restores_the_templates_own_defaults() -> None:
    from engine.types import apply_recipe

    settings = default_project().settings
    book = apply_recipe(settings, "keras", "seed-cnn")
    assert (book.label_smoothing, book.schedule, book.init) == (0.0, "constant", "glorot")
    back = apply_recipe(book, "defaults", "seed-cnn")
    assert back == settings
    assert apply_recipe(book, "defaults", None).label_smoothing == 0.0
