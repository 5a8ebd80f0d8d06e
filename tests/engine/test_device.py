"""Device detection: the CPU path as it is here, and the CUDA path with torch.cuda monkeypatched."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch

from engine import NetCanvasError, describe_device, detect_devices, find_device, resolve_device
from engine.device import cpu_training_threads


def test_cpu_is_always_detected_and_last() -> None:
    devices = detect_devices()
    assert devices[-1].kind == "cpu"
    assert devices[-1].threads == cpu_training_threads() >= 1
    assert describe_device(devices[-1]).startswith("CPU · ")


def test_cpu_override_and_auto(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert resolve_device("cpu") == torch.device("cpu")
    assert find_device("auto").kind == "cpu"


def test_unknown_device_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(NetCanvasError, match=r"Device 'cuda:3' is not available.*Available: "):
        find_device("cuda:3")


def _fake_cuda(monkeypatch: pytest.MonkeyPatch) -> None:
    cards = [
        SimpleNamespace(name="NVIDIA H100 80GB HBM3", total_memory=80 * 2**30, major=9, minor=0),
        SimpleNamespace(name="Tesla T4", total_memory=16 * 2**30, major=7, minor=5),
    ]
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: len(cards))
    monkeypatch.setattr(torch.cuda, "get_device_properties", lambda index: cards[index])


def test_cuda_devices_are_listed_first_with_their_properties(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake_cuda(monkeypatch)
    devices = detect_devices()
    assert [d.name for d in devices][:2] == ["cuda:0", "cuda:1"]
    h100, t4 = devices[0], devices[1]
    assert h100.compute_capability == (9, 0) and h100.bf16
    assert t4.compute_capability == (7, 5) and not t4.bf16  # pre-Ampere: fp16 + GradScaler
    assert describe_device(h100) == "CUDA · NVIDIA H100 80GB HBM3 · 80 GB"
    assert find_device("auto").name == "cuda:0"
    assert find_device("cuda").name == "cuda:0"
    assert find_device("cuda:1").label == "Tesla T4"
    assert find_device("cpu").kind == "cpu"


def test_headless_runs_take_every_core_and_torchrun_ranks_their_share(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The window keeps a core for itself; the CLI has nothing to keep it for (it trained on
    one thread of two), and each of torchrun's local copies gets its part of the machine."""
    from engine.cli import main
    from engine.device import available_cores, headless_threads

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(8)), raising=False)
    monkeypatch.delenv("LOCAL_WORLD_SIZE", raising=False)
    assert available_cores() == 8 and headless_threads() == 8 and cpu_training_threads() == 7
    monkeypatch.setenv("LOCAL_WORLD_SIZE", "3")
    assert headless_threads() == 2
    monkeypatch.setenv("LOCAL_WORLD_SIZE", "16")
    assert headless_threads() == 1
    monkeypatch.delenv("LOCAL_WORLD_SIZE")
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    project = str(tmp_path / "toy.netcanvas")
    assert main(["new", project, "--template", "toy2d", "--data", "moons"]) == 0
    assert main(["train", project, "--epochs", "1", "--device", "cpu"]) == 0
    assert "on the CPU (2 threads)" in capsys.readouterr().out
