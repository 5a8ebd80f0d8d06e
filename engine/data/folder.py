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

from engine.data._common import Progress, check_memory, opt_size
from engine.data.dataset import Parts
from engine.messages import QT_TRANSLATE_NOOP, Message
from engine.types import DataError

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp"}
SPLIT_NAMES = {
    "train": "train", "training": "train",
    "val": "val", "valid": "val", "validation": "val",
    "test": "test", "testing": "test",
}  # fmt: skip
MAX_DEFAULT_SIDE = 64
MAX_PIXELS = 64_000_000  # per source image; a larger one is skipped (decompression bombs)
THREADED_PIXELS = 128 * 128  # median source size from which decoding uses a thread pool
_SIZE_SAMPLE = 512


def _visible_dirs(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError as error:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "Cannot list folder '{folder}': {reason}."),
            folder=folder,
            reason=error.strerror or error,
        ) from None


def _images_in(folder: Path) -> list[str]:
    # Plain strings from os.walk: building a Path per file cost more than decoding a small PNG.
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            os.path.join(root, f)
            for f in sorted(files)
            if not f.startswith(".") and os.path.splitext(f)[1].lower() in IMAGE_SUFFIXES
        ]
    return found


def scan_folder(root: Path) -> dict[str, dict[str, list[str]]]:
    """split -> class name -> image files. Splits come from train/val/test sub-folders if any."""
    subdirs = _visible_dirs(root)
    split_dirs = {SPLIT_NAMES[d.name.lower()]: d for d in subdirs if d.name.lower() in SPLIT_NAMES}
    if "train" not in split_dirs:
        split_dirs = {"train": root}
    layout: dict[str, dict[str, list[str]]] = {}
    for split, folder in split_dirs.items():
        classes = {d.name: _images_in(d) for d in _visible_dirs(folder)}
        layout[split] = {name: files for name, files in classes.items() if files}
    return layout


def _sample_sizes(files: list[str]) -> tuple[tuple[int, int], float]:
    """(default H×W, median source pixels) from the headers of a spread-out sample of files.

    The default is the median size, scaled down so that its longer side is at most 64.
    """
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
        return (32, 32), 0.0
    h, w = float(np.median(heights)), float(np.median(widths))
    scale = min(1.0, MAX_DEFAULT_SIDE / max(h, w))
    return (max(4, round(h * scale)), max(4, round(w * scale))), h * w


def _decode(path: str, size: tuple[int, int], gray: bool) -> NDArray[np.uint8] | str:
    """H×W×C uint8 (C = 1 for grey sources or ``gray``, else 3) or why it could not be read.

    Kept lean: for small images the Python work per file, not the decoding, is the cost.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            if image.width * image.height > MAX_PIXELS:
                return Message(
                    QT_TRANSLATE_NOOP("Engine", "image too large ({width}×{height})"),
                    width=image.width,
                    height=image.height,
                )
            if image.format == "JPEG":  # decode at reduced scale when much larger
                image.draft("L" if gray else "RGB", (size[1], size[0]))
            out = _to_mode(image, gray)
            if out.size != (size[1], size[0]):
                out = out.resize((size[1], size[0]), Image.Resampling.BILINEAR)
            array = np.asarray(out)
    except UnidentifiedImageError:
        return Message(QT_TRANSLATE_NOOP("Engine", "not an image Pillow can read"))
    except Image.DecompressionBombError:
        return Message(QT_TRANSLATE_NOOP("Engine", "image too large (possible decompression bomb)"))
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        return Message(QT_TRANSLATE_NOOP("Engine", "damaged image ({error})"), error=str(error))
    except MemoryError:
        return Message(QT_TRANSLATE_NOOP("Engine", "image too large to decode"))
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
    files: list[str], size: tuple[int, int], gray: bool, progress: Progress, threaded: bool
) -> tuple[list[NDArray[np.uint8] | str], int]:
    """Decode ``files`` in order: an array per file, or the reason it could not be read.

    ``threaded`` spreads chunks of files over a thread pool. That pays only for large images:
    Pillow releases the GIL while decoding and resizing, but for small ones the per-file work
    is Python holding the GIL, and threads then only add lock hand-offs (2.7× slower than
    one thread for 50 000 32×32 PNGs on a 16-core machine).
    """
    chunk = 256

    def work(start: int) -> list[NDArray[np.uint8] | str]:
        return [_decode(p, size, gray) for p in files[start : start + chunk]]

    starts = range(0, len(files), chunk)
    results: list[NDArray[np.uint8] | str] = []
    if threaded:
        workers = max(1, min(8, os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for outs in pool.map(work, starts):
                results += outs
                progress.step(len(results) / max(1, len(files)))
    else:
        for start in starts:
            results += work(start)
            progress.step(len(results) / max(1, len(files)))
    return results, sum(isinstance(r, str) for r in results)


def _is_gray(images: NDArray[np.uint8]) -> bool:
    """N×3×H×W images whose three channels are equal everywhere."""
    return bool((images[:, 0] == images[:, 1]).all() and (images[:, 1] == images[:, 2]).all())


def _relative(path: str, root: Path) -> str:
    relative = os.path.relpath(path, root)
    return path if relative.startswith("..") else relative


def load_folder(
    root: Path, options: Mapping[str, Any], progress: Progress
) -> tuple[Parts, list[str], list[str], list[tuple[str, str]]]:
    """An image-folder dataset: (parts, class names, notes, skipped files)."""
    from PIL import Image

    # MAX_PIXELS skips such images with a note the user sees; Pillow's own warning about them
    # would only reach the terminal.
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
    layout = scan_folder(root)
    train = layout.get("train", {})
    if not train:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "No images found in '{root}'. Put the images of each class in their own sub-folder (for example cats/ and dogs/), optionally under train/ and test/.",
            ),
            root=root,
        )
    class_names = sorted({name for classes in layout.values() for name in classes})
    if len(class_names) < 2:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "'{root}' has only one class ('{class_name}'): a classifier needs at least two sub-folders with images.",
            ),
            root=root,
            class_name=class_names[0],
        )
    ordered = [
        (s, c, f)
        for s in ("train", "val", "test")
        for c, fs in layout.get(s, {}).items()
        for f in fs
    ]
    files = [f for _, _, f in ordered]
    default_size, source_pixels = _sample_sizes(files)
    size = opt_size(options) or default_size
    gray = bool(options.get("grayscale", False))
    threaded = source_pixels >= THREADED_PIXELS
    # Each decoded image, then the stacked arrays: refused before decoding thousands of files.
    check_memory(2 * len(files) * size[0] * size[1] * 3, root.name)
    images, _ = decode_images(files, size, gray, progress, threaded)
    skipped = [
        (_relative(f, root), r) for f, r in zip(files, images, strict=True) if isinstance(r, str)
    ]
    decoded = [None if isinstance(im, str) else im for im in images]
    channels = 1 if all(im is None or im.shape[2] == 1 for im in decoded) else 3
    index = {name: i for i, name in enumerate(class_names)}
    per_split: dict[str, tuple[list[NDArray[np.uint8]], list[int]]] = {}
    for (split, cls, _), image in zip(ordered, decoded, strict=True):
        if image is None:
            continue
        xs, ys = per_split.setdefault(split, ([], []))
        xs.append(np.repeat(image, 3, axis=2) if image.shape[2] != channels else image)
        ys.append(index[cls])
    if "train" not in per_split:
        raise DataError(
            QT_TRANSLATE_NOOP("Engine", "None of the {count} images in '{root}' could be read."),
            count=len(files),
            root=root,
        )

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
    resized = QT_TRANSLATE_NOOP(
        "Engine", "Images resized to {height}×{width}, {channels} channel(s)."
    )
    notes: list[str] = [Message(resized, height=size[0], width=size[1], channels=channels)]
    if skipped:
        notes.append(
            Message(
                QT_TRANSLATE_NOOP("Engine", "Skipped {count} unreadable file(s)."),
                count=len(skipped),
            )
        )
    if "test" not in layout and "val" in layout:
        notes.append(
            Message(QT_TRANSLATE_NOOP("Engine", "No test/ folder: the dataset has no test split."))
        )
    parts = Parts(x, y, val=val, test=test, keep_splits=len(layout) > 1)
    return parts, class_names, notes, skipped
