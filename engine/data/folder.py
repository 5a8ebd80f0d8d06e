"""Image folders: one sub-folder per class, optionally under train/, val/ and test/.

Files are decoded by Pillow in a thread pool (its decoders release the GIL). Sizes may be mixed:
every image is resized to one size, by default the median of a sample of the images, capped at
64 pixels per side. Unreadable files are skipped and listed, never fatal on their own.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.data._common import Progress, opt_size
from engine.data.dataset import Parts
from engine.types import DataError

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp"}
SPLIT_NAMES = {
    "train": "train", "training": "train",
    "val": "val", "valid": "val", "validation": "val",
    "test": "test", "testing": "test",
}  # fmt: skip
MAX_DEFAULT_SIDE = 64
_SIZE_SAMPLE = 512


def _visible_dirs(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError as error:
        raise DataError(f"Cannot list folder '{folder}': {error.strerror or error}.") from None


def _images_in(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root, f)
            for f in sorted(files)
            if not f.startswith(".") and Path(f).suffix.lower() in IMAGE_SUFFIXES
        ]
    return found


def scan_folder(root: Path) -> dict[str, dict[str, list[Path]]]:
    """split -> class name -> image files. Splits come from train/val/test sub-folders if any."""
    subdirs = _visible_dirs(root)
    split_dirs = {SPLIT_NAMES[d.name.lower()]: d for d in subdirs if d.name.lower() in SPLIT_NAMES}
    if "train" not in split_dirs:
        split_dirs = {"train": root}
    layout: dict[str, dict[str, list[Path]]] = {}
    for split, folder in split_dirs.items():
        classes = {d.name: _images_in(d) for d in _visible_dirs(folder)}
        layout[split] = {name: files for name, files in classes.items() if files}
    return layout


def _target_size(files: list[Path]) -> tuple[int, int]:
    from PIL import Image

    step = max(1, len(files) // _SIZE_SAMPLE)
    heights, widths = [], []
    for path in files[::step][:_SIZE_SAMPLE]:
        try:
            with Image.open(path) as image:
                widths.append(image.width)
                heights.append(image.height)
        except Exception:  # reported when the file is decoded
            continue
    if not heights:
        return 32, 32
    h, w = float(np.median(heights)), float(np.median(widths))
    scale = min(1.0, MAX_DEFAULT_SIDE / max(h, w))
    return max(4, round(h * scale)), max(4, round(w * scale))


def _decode(path: Path, size: tuple[int, int], gray: bool) -> NDArray[np.uint8] | str:
    """H×W×C uint8 (C = 1 for grey sources or ``gray``, else 3) or why it could not be read.

    Kept lean: for small images the Python work per file, not the decoding, is the cost.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.format == "JPEG":  # decode at reduced scale when much larger
                    image.draft("L" if gray else "RGB", (size[1], size[0]))
                out = _to_mode(image, gray)
                if out.size != (size[1], size[0]):
                    out = out.resize((size[1], size[0]), Image.Resampling.BILINEAR)
                array = np.asarray(out)
    except UnidentifiedImageError:
        return "not an image Pillow can read"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "image too large (possible decompression bomb)"
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        return f"damaged image ({error})"
    except MemoryError:
        return "image too large to decode"
    return array[:, :, None] if array.ndim == 2 else array


def _to_mode(image: Any, gray: bool) -> Any:
    """The image as "L" or "RGB"; transparency is composited over white, not dropped to black."""
    from PIL import Image

    mode = image.mode
    if mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
        mode = "RGBA"
    if gray or mode in ("L", "1", "I;16", "I", "F"):
        return image if mode == "L" else image.convert("L")
    return image if mode == "RGB" else image.convert("RGB")


def decode_images(
    files: list[Path], size: tuple[int, int], gray: bool, progress: Progress, root: Path
) -> tuple[list[NDArray[np.uint8] | None], list[tuple[str, str]]]:
    """Decode ``files`` in a thread pool, in order; unreadable ones are None and listed.

    Work goes out in chunks of files (one future per chunk, not per file); Pillow releases
    the GIL while decoding and resizing, which is where large images spend their time.
    """
    results: list[NDArray[np.uint8] | None] = [None] * len(files)
    skipped: list[tuple[str, str]] = []
    chunk = 64

    def work(start: int) -> list[NDArray[np.uint8] | str]:
        return [_decode(p, size, gray) for p in files[start : start + chunk]]

    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for start, outs in zip(
            range(0, len(files), chunk), pool.map(work, range(0, len(files), chunk)), strict=True
        ):
            for i, out in enumerate(outs):
                if isinstance(out, str):
                    skipped.append((_relative(files[start + i], root), out))
                else:
                    results[start + i] = out
            progress.step((start + len(outs)) / max(1, len(files)))
    return results, skipped


def _is_gray(images: NDArray[np.uint8]) -> bool:
    """N×3×H×W images whose three channels are equal everywhere."""
    return bool((images[:, 0] == images[:, 1]).all() and (images[:, 1] == images[:, 2]).all())


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def load_folder(
    root: Path, options: Mapping[str, Any], progress: Progress
) -> tuple[Parts, list[str], list[str], list[tuple[str, str]]]:
    """An image-folder dataset: (parts, class names, notes, skipped files)."""
    layout = scan_folder(root)
    train = layout.get("train", {})
    if not train:
        raise DataError(
            f"No images found in '{root}'. Put the images of each class in their own "
            "sub-folder (for example cats/ and dogs/), optionally under train/ and test/."
        )
    class_names = sorted({name for classes in layout.values() for name in classes})
    if len(class_names) < 2:
        raise DataError(
            f"'{root}' has only one class ('{class_names[0]}'): a classifier needs at least "
            "two sub-folders with images."
        )
    ordered = [
        (s, c, f)
        for s in ("train", "val", "test")
        for c, fs in layout.get(s, {}).items()
        for f in fs
    ]
    files = [f for _, _, f in ordered]
    size = opt_size(options) or _target_size(files)
    gray = bool(options.get("grayscale", False))
    images, skipped = decode_images(files, size, gray, progress, root)
    channels = 1 if all(im is None or im.shape[2] == 1 for im in images) else 3
    index = {name: i for i, name in enumerate(class_names)}
    per_split: dict[str, tuple[list[NDArray[np.uint8]], list[int]]] = {}
    for (split, cls, _), image in zip(ordered, images, strict=True):
        if image is None:
            continue
        xs, ys = per_split.setdefault(split, ([], []))
        xs.append(np.repeat(image, 3, axis=2) if image.shape[2] != channels else image)
        ys.append(index[cls])
    if "train" not in per_split:
        raise DataError(f"None of the {len(files)} images in '{root}' could be read.")

    def stack(split: str) -> tuple[NDArray[np.uint8], NDArray[np.int64]] | None:
        if split not in per_split:
            return None
        xs, ys = per_split[split]
        return np.stack(xs).transpose(0, 3, 1, 2).copy(), np.asarray(ys, dtype=np.int64)

    x, y = stack("train")  # type: ignore[misc]
    val, test = stack("val"), stack("test")
    if channels == 3 and all(_is_gray(a[0]) for a in ((x, y), val, test) if a is not None):
        # colour files that hold grey pictures (common for scanned digits): one channel
        x = x[:, :1].copy()
        val = (val[0][:, :1].copy(), val[1]) if val else None
        test = (test[0][:, :1].copy(), test[1]) if test else None
        channels = 1
    notes = [f"Images resized to {size[0]}×{size[1]}, {channels} channel(s)."]
    if skipped:
        notes.append(f"Skipped {len(skipped)} unreadable file(s).")
    if "test" not in layout and "val" in layout:
        notes.append("No test/ folder: the dataset has no test split.")
    parts = Parts(x, y, val=val, test=test, keep_splits=len(layout) > 1)
    return parts, class_names, notes, skipped
