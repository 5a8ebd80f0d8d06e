"""Data loading benchmark: generate files in the real formats, time NetCanvas's loaders.

Side by side in one run: the image-folder loader against a plain sequential Pillow loop over
the same files (50 000 32×32 PNGs, and 2 000 256×256 JPEGs resized to 64×64), and index
batching against DataLoader(TensorDataset).
Targets on the reference 2-core machine: IDX ≤ 1 s, CIFAR ≤ 2 s, an epoch of batching ≤ 0.1 s.

    python bench/bench_data.py [--folder-images N] [--photos N] [--builtins-only]

The built-in datasets are timed first: each loaded warm (best of 3) and all five in a fresh
process (imports included, as a user's first load pays them).

The last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.data import batch_indices, load_dataset
from engine.types import DataRef


def timed(action: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def write_idx_gz(path: Path, array: np.ndarray[Any, Any]) -> None:
    header = bytes([0, 0, 8, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    path.write_bytes(gzip.compress(header + array.tobytes(), compresslevel=6))


def make_idx(folder: Path, rng: np.random.Generator) -> None:
    """60 000 + 10 000 digits made from the 5 000 real ones of mnist-5k, each randomly shifted,
    so the data (and the gzip ratio that decides the inflate time) looks like real MNIST."""
    folder.mkdir()
    real = load_dataset(DataRef("mnist-5k", {"val_split": 0, "test_split": 0})).train
    digits = real.x[:, 0].numpy()
    for split, n in (("train", 60_000), ("t10k", 10_000)):
        pick = rng.integers(0, len(digits), n)
        images = digits[pick]
        for shift in range(-2, 3):  # five groups, each rolled by a different amount
            group = slice(shift + 2, None, 5)
            images[group] = np.roll(images[group], shift, axis=(1, 2))
        write_idx_gz(folder / f"{split}-images-idx3-ubyte.gz", images)
        write_idx_gz(
            folder / f"{split}-labels-idx1-ubyte.gz", real.y.numpy()[pick].astype(np.uint8)
        )


def make_cifar(folder: Path, rng: np.random.Generator) -> np.ndarray[Any, Any]:
    folder.mkdir()
    names = [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]
    first = None
    for name in names:
        data = rng.integers(0, 256, (10_000, 3072), dtype=np.uint8)
        first = data if first is None else first
        batch = {b"data": data, b"labels": [i % 10 for i in range(10_000)], b"batch_label": b"x"}
        # Protocol 4 stores the pixels as one BINBYTES, as the real (Python 2) files store one
        # BINSTRING that encoding="bytes" reads as bytes; protocol 2 from Python 3 would route
        # them through _codecs.encode instead, which the real files never do.
        (folder / name).write_bytes(pickle.dumps(batch, protocol=4))
    meta = {b"label_names": [f"class{i}".encode() for i in range(10)]}
    (folder / "batches.meta").write_bytes(pickle.dumps(meta, protocol=2))
    return first  # type: ignore[return-value]


def make_folder(folder: Path, images: np.ndarray[Any, Any], n: int) -> list[Path]:
    from PIL import Image

    paths = []
    for i in range(n):
        path = folder / f"class{i % 10}" / f"img {i:05d}.png"
        if i < 10:
            path.parent.mkdir(parents=True)
        Image.fromarray(images[i % len(images)].reshape(3, 32, 32).transpose(1, 2, 0)).save(path)
        paths.append(path)
    return paths


def make_photos(folder: Path, rng: np.random.Generator, n: int) -> list[Path]:
    """Larger JPEGs (256×256, smooth content) like photos people collect per class."""
    from PIL import Image

    base = np.linspace(0, 255, 256, dtype=np.float32)
    paths = []
    for i in range(n):
        path = folder / f"class{i % 5}" / f"photo {i:04d}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        tint = rng.uniform(0.3, 1.0, 3).astype(np.float32)
        image = (base[:, None, None] * tint + base[None, :, None] * (1 - tint)) / 2
        noise = rng.normal(0, 8, (256, 256, 3))
        Image.fromarray(np.clip(image + noise, 0, 255).astype(np.uint8)).save(path, quality=90)
        paths.append(path)
    return paths


def pillow_loop(paths: list[Path], size: tuple[int, int] | None = None) -> np.ndarray[Any, Any]:
    """The plain way: one file after another, open, convert, (resize), to an array."""
    from PIL import Image

    arrays = []
    for path in paths:
        with Image.open(path) as image:
            rgb = image.convert("RGB")
            if size is not None:
                rgb = rgb.resize(size, Image.Resampling.BILINEAR)
            arrays.append(np.asarray(rgb))
    return np.stack(arrays)


def make_csv(path: Path, rng: np.random.Generator) -> None:
    import pandas as pd

    n = 100_000
    frame = pd.DataFrame(rng.normal(size=(n, 10)), columns=[f"f{i}" for i in range(10)])
    frame["colour"] = rng.choice(["red", "green", "blue"], n)
    frame.loc[rng.random(n) < 0.01, "f3"] = np.nan
    frame["label"] = (frame["f0"] + frame["f1"] > 0).astype(int)
    frame.to_csv(path, index=False)


BUILTINS = ("mnist-5k", "digits-8x8", "iris", "wine", "breast-cancer")
_COLD = (
    "import sys, time; start = time.perf_counter(); sys.path.insert(0, sys.argv[1]);"
    "from engine.data import load_dataset; from engine.types import DataRef;"
    "[load_dataset(DataRef(name)) for name in sys.argv[2:]];"
    "print(time.perf_counter() - start)"
)


def time_builtins(figures: dict[str, Any]) -> None:
    import subprocess

    root = str(Path(__file__).resolve().parents[1])
    cold = subprocess.run(
        [sys.executable, "-c", _COLD, root, *BUILTINS], capture_output=True, text=True, check=True
    )
    figures["builtins_cold_process_s"] = float(cold.stdout.split()[-1])
    for name in BUILTINS:
        figures[f"builtin_{name}_load_s"], _ = timed(lambda n=name: load_dataset(DataRef(n)), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder-images", type=int, default=50_000)
    parser.add_argument("--photos", type=int, default=2_000)
    parser.add_argument("--builtins-only", action="store_true", help="time only the built-ins")
    args = parser.parse_args()
    torch.set_num_threads(1)
    rng = np.random.default_rng(0)
    figures: dict[str, Any] = {}
    time_builtins(figures)
    if args.builtins_only:
        print(json.dumps({k: round(v, 4) for k, v in figures.items()}))
        return
    with tempfile.TemporaryDirectory(prefix="netcanvas-bench-") as tmp:
        root = Path(tmp)
        gen_start = time.perf_counter()
        make_idx(root / "mnist", rng)
        first_batch = make_cifar(root / "cifar", rng)
        make_csv(root / "table.csv", rng)
        figures["generate_s"] = round(time.perf_counter() - gen_start, 2)

        figures["idx_load_s"], mnist = timed(lambda: load_dataset(DataRef(str(root / "mnist"))), 3)
        assert len(mnist.train) + len(mnist.val) == 60_000 and len(mnist.test) == 10_000
        figures["cifar_load_s"], cifar = timed(
            lambda: load_dataset(DataRef(str(root / "cifar"))), 3
        )
        assert len(cifar.train) + len(cifar.val) == 50_000
        figures["csv_100k_load_s"], table = timed(
            lambda: load_dataset(DataRef(str(root / "table.csv"))), 1
        )
        assert len(table.train) + len(table.val) + len(table.test) == 100_000

        # One epoch of index batching at 64 over 60 000 images: indices + gather of x and y.
        x = torch.cat([mnist.train.x, mnist.val.x])
        y = torch.cat([mnist.train.y, mnist.val.y])

        def epoch() -> int:
            count = 0
            for index in batch_indices(len(x), 64, True, torch.Generator().manual_seed(0)):
                xb, yb = x.index_select(0, index), y.index_select(0, index)
                count += min(len(xb), len(yb))
            return count

        figures["batch_epoch_s"], seen = timed(epoch, 3)
        assert seen == 60_000

        def dataloader_epoch() -> int:
            loader = torch.utils.data.DataLoader(
                torch.utils.data.TensorDataset(x, y), batch_size=64, shuffle=True
            )
            return sum(len(xb) for xb, _ in loader)

        figures["dataloader_epoch_s"], _ = timed(dataloader_epoch, 1)
        figures["dataloader_vs_index_ratio"] = round(
            figures["dataloader_epoch_s"] / figures["batch_epoch_s"], 1
        )

        n_folder = args.folder_images
        gen_start = time.perf_counter()
        paths = make_folder(root / "folder", first_batch, n_folder)
        figures["folder_images"] = n_folder
        figures["folder_generate_s"] = round(time.perf_counter() - gen_start, 2)
        figures["folder_load_s"], folder_ds = timed(
            lambda: load_dataset(DataRef(str(root / "folder"))), 1
        )
        assert len(folder_ds.train) + len(folder_ds.val) + len(folder_ds.test) == n_folder
        figures["pillow_loop_s"], stacked = timed(lambda: pillow_loop(paths), 1)
        assert stacked.shape == (n_folder, 32, 32, 3)
        figures["pillow_loop_vs_loader_ratio"] = round(
            figures["pillow_loop_s"] / figures["folder_load_s"], 2
        )

        # Larger photos: here decoding and resizing dominate, and the loader's thread pool and
        # JPEG draft mode (decode at reduced scale) pay off.
        photos = make_photos(root / "photos", rng, args.photos)
        figures["photos"] = args.photos
        figures["photos_load_s"], photo_ds = timed(
            lambda: load_dataset(DataRef(str(root / "photos"))), 1
        )
        assert photo_ds.input_shape == (3, 64, 64)
        figures["photos_pillow_loop_s"], _ = timed(lambda: pillow_loop(photos, (64, 64)), 1)
        figures["photos_pillow_loop_vs_loader_ratio"] = round(
            figures["photos_pillow_loop_s"] / figures["photos_load_s"], 2
        )

    for key, value in figures.items():
        if isinstance(value, float):
            figures[key] = round(value, 3)
    figures["targets_met"] = {
        "idx_le_1s": figures["idx_load_s"] <= 1.0,
        "cifar_le_2s": figures["cifar_load_s"] <= 2.0,
        "batch_epoch_le_0.1s": figures["batch_epoch_s"] <= 0.1,
    }
    for key, value in figures.items():
        print(f"{key:>30}: {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
