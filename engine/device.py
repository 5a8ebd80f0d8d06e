"""Which devices this machine can train on, and which one to use.

torch is imported inside the functions: the GUI asks for devices only after its window is up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from engine.messages import QT_TRANSLATE_NOOP
from engine.types import NetCanvasError

if TYPE_CHECKING:
    import torch

DeviceKind = Literal["cuda", "mps", "xpu", "cpu"]


@dataclass(frozen=True)
class DeviceInfo:
    name: str  # what torch.device() takes: "cpu", "cuda:0", "mps", "xpu:0"
    kind: DeviceKind
    label: str  # human name: "NVIDIA H100 80GB HBM3", "Apple GPU", "CPU"
    total_memory: int = 0  # bytes; 0 when unknown (CPU, MPS)
    compute_capability: tuple[int, int] | None = None  # CUDA only
    bf16: bool = False  # bfloat16 arithmetic is fast here (mixed precision picks bf16 over fp16)
    threads: int = 0  # CPU only: torch threads a training thread should use


def available_cores() -> int:
    """The cores this process may run on (a container's or ``taskset``'s limit included)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def cpu_training_threads() -> int:
    """Cores minus one, at least one: the GUI thread keeps a core (a probe lost 60 % without)."""
    return max(1, available_cores() - 1)


def headless_threads() -> int:
    """Threads for a run with no window to keep responsive (the CLI, a script): every core, or
    under torchrun this process's share of the machine's (LOCAL_WORLD_SIZE copies run here;
    each taking every core oversubscribed the CPU)."""
    copies = int(os.environ.get("LOCAL_WORLD_SIZE", "1") or 1)
    return max(1, available_cores() // max(1, copies))


def detect_devices() -> list[DeviceInfo]:
    """Every device torch can use here, accelerators first, the CPU last (always present)."""
    import torch

    found: list[DeviceInfo] = []
    if torch.cuda.is_available():
        for index in range(torch.cuda.device_count()):
            props = torch.cuda.get_device_properties(index)
            capability = (int(props.major), int(props.minor))
            found.append(
                DeviceInfo(
                    name=f"cuda:{index}",
                    kind="cuda",
                    label=str(props.name),
                    total_memory=int(props.total_memory),
                    compute_capability=capability,
                    bf16=capability >= (8, 0),  # Ampere and newer
                )
            )
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append(DeviceInfo(name="mps", kind="mps", label="Apple GPU (Metal)"))
    xpu = getattr(torch, "xpu", None)
    if xpu is not None and xpu.is_available():
        for index in range(xpu.device_count()):
            found.append(
                DeviceInfo(
                    name=f"xpu:{index}",
                    kind="xpu",
                    label=str(xpu.get_device_name(index)),
                    bf16=True,
                )
            )
    found.append(DeviceInfo(name="cpu", kind="cpu", label="CPU", threads=cpu_training_threads()))
    return found


def recommended_device(devices: list[DeviceInfo] | None = None) -> DeviceInfo:
    """The first accelerator if there is one (CUDA before MPS before XPU), else the CPU."""
    return (devices if devices is not None else detect_devices())[0]


def find_device(name: str, devices: list[DeviceInfo] | None = None) -> DeviceInfo:
    """The device a user named: "auto", "cpu", "cuda", "cuda:1", "mps", "xpu"."""
    devices = devices if devices is not None else detect_devices()
    wanted = name.strip().lower()
    if wanted in ("", "auto"):
        return recommended_device(devices)
    for info in devices:
        if info.name == wanted or (":" not in wanted and info.kind == wanted):
            return info
    available = ", ".join(info.name for info in devices)
    raise NetCanvasError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "Device '{name}' is not available on this machine. Available: {available}. Choose one of those, or 'auto'.",
        ),
        name=name,
        available=available,
    )


def resolve_device(name: str = "auto") -> torch.device:
    """The torch.device for a user's choice; NetCanvasError when it is not available."""
    import torch

    return torch.device(find_device(name).name)


def describe_device(info: DeviceInfo) -> str:
    """One line for the status bar: 'CPU · 1 thread', 'CUDA · NVIDIA H100 80GB · 80 GB'."""
    if info.kind == "cpu":
        return f"CPU · {info.threads} thread{'s' if info.threads != 1 else ''}"
    text = f"{info.kind.upper()} · {info.label}"
    if info.total_memory:
        text += f" · {info.total_memory / 2**30:.0f} GB"
    return text
