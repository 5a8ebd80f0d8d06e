"""Small files that claim or expand to gigabytes: refused within seconds and a bounded amount of
memory, with a message, before anything large is allocated."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
import tarfile
import zlib
from pathlib import Path

import numpy as np
import pytest
from test_data_writers import digit_images, write_cifar10, write_idx, write_image

import engine.data._common as common
from engine.data import load_dataset
from engine.types import DataError, DataRef

_ZEROS = bytes(16 * 1024**2)


def gzip_with_zeros(prefix: bytes, zeros: int, suffix: bytes = b"") -> bytes:
    """A valid gzip file of ``prefix`` + ``zeros`` zero bytes + ``suffix``, made in a fraction
    of a second: after a full flush deflate restarts, so 16 MiB of zeros always compress to the
    same segment, written once and repeated."""
    assert zeros % len(_ZEROS) == 0
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = deflate.compress(prefix) + deflate.flush(zlib.Z_FULL_FLUSH)
    segment = deflate.compress(_ZEROS) + deflate.flush(zlib.Z_FULL_FLUSH)
    tail = deflate.compress(suffix) + deflate.flush()
    crc = zlib.crc32(prefix)
    for _ in range(zeros // len(_ZEROS)):
        crc = zlib.crc32(_ZEROS, crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + zeros + len(suffix)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    body = head + segment * (zeros // len(_ZEROS)) + tail
    return header + body + struct.pack("<II", crc, size % 2**32)


GIB = 1024**3


def idx_bomb(root: Path) -> Path:
    """MNIST-named IDX files whose images expand from ~1 MB to 1 GiB of real (zero) pixels."""
    n = GIB // (28 * 28) // 16 * 16
    zeros = n * 28 * 28 // len(_ZEROS) * len(_ZEROS)
    n = zeros // (28 * 28)
    header = bytes([0, 0, 8, 3]) + struct.pack(">3I", n, 28, 28)
    rest = b"\x00" * (n * 28 * 28 - zeros)
    (root / "train-images-idx3-ubyte.gz").write_bytes(gzip_with_zeros(header, zeros, rest))
    _, labels = digit_images(10)
    write_idx(root / "train-labels-idx1-ubyte.gz", labels)
    return root


def tar_bomb(root: Path) -> Path:
    """A CIFAR .tar.gz whose first batch is 1 GiB of zeros (2 MB compressed)."""
    info = tarfile.TarInfo("cifar-10-batches-py/data_batch_1")
    info.size = GIB
    header = info.tobuf(format=tarfile.USTAR_FORMAT)
    path = root / "cifar-10-python.tar.gz"
    path.write_bytes(gzip_with_zeros(header, GIB, b"\x00" * 1024))
    return path


def tar_bomb_behind_junk(root: Path) -> Path:
    """The same, but the gigabyte is a member the loader would skip to reach the real batch:
    skipping through a .tar.gz inflates everything skipped."""
    junk = tarfile.TarInfo("cifar-10-batches-py/readme.bin")
    junk.size = GIB
    small = tarfile.TarInfo("cifar-10-batches-py/batches.meta").tobuf(tarfile.USTAR_FORMAT)
    path = root / "cifar-10-python.tar.gz"
    path.write_bytes(gzip_with_zeros(small + junk.tobuf(tarfile.USTAR_FORMAT), GIB, bytes(1024)))
    return path


def wide_csv(root: Path) -> Path:
    """6 MB: a header and two rows of a million columns."""
    row = ",".join("0" * 1_000_000)
    path = root / "wide.csv"
    path.write_text(row.replace("0", "x") + "\n" + row + "\n" + row + "\n", encoding="ascii")
    return path


_PROBE = """
import json, resource, sys, time
import pandas, torch  # imported before measuring: their own memory is not the file's
from engine.data import load_dataset
from engine.types import DataError, DataRef
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    load_dataset(DataRef(sys.argv[1]))
    outcome = "loaded"
except DataError as error:
    outcome = str(error)
seconds = time.perf_counter() - start
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({"seconds": seconds, "grown_mb": grown, "message": outcome}))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in kB on Linux only")
@pytest.mark.parametrize(
    ("make", "said"),
    [
        (idx_bomb, r"train-images-idx3-ubyte\.gz' would expand .* decompression bomb"),
        (tar_bomb, r"cifar-10-python\.tar\.gz' would expand .* decompression bomb"),
        (tar_bomb_behind_junk, r"cifar-10-python\.tar\.gz' would expand .* decompression bomb"),
        (wide_csv, r"wide\.csv' has 1000000 columns; NetCanvas reads tables of at most 20000"),
    ],
)
def test_a_small_hostile_file_is_refused_quickly_in_bounded_memory(
    make: object, said: str, tmp_path: Path
) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    assert sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file()) < 8 * 1024**2
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["message"] != "loaded"
    assert re.search(said, result["message"]), result["message"]
    assert result["seconds"] < 5, result
    assert result["grown_mb"] < 500, result


def test_the_bomb_files_are_real_gzip(tmp_path: Path) -> None:
    """The refusal above is for the size, not for a malformed file: the stream inflates."""
    data = (idx_bomb(tmp_path) / "train-images-idx3-ubyte.gz").read_bytes()
    inflate = zlib.decompressobj(wbits=31)
    total = 0
    while data:
        total += len(inflate.decompress(data, 64 * 1024**2))
        data = inflate.unconsumed_tail
    assert inflate.eof and total > 10**9


@pytest.fixture
def small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine with 10 kB to spare: every real file is then over budget."""
    monkeypatch.setattr(common, "memory_budget", lambda: 10_000)


@pytest.mark.parametrize("kind", ["idx", "cifar", "csv", "npz", "folder"])
def test_data_over_the_memory_budget_is_refused_before_loading(
    kind: str, tmp_path: Path, small_budget: None
) -> None:
    images, labels = digit_images(40)
    if kind == "idx":
        write_idx(tmp_path / "train-images-idx3-ubyte.gz", np.tile(images, (10, 1, 1)))
        write_idx(tmp_path / "train-labels-idx1-ubyte.gz", np.tile(labels, 10))
        target = tmp_path
    elif kind == "cifar":
        target = write_cifar10(tmp_path / "cifar")
    elif kind == "csv":
        target = tmp_path / "t.csv"
        rows = "".join(f"{i},{i * 2},{i % 3}\n" for i in range(2000))
        target.write_text("a,b,label\n" + rows, encoding="ascii")
    elif kind == "npz":
        target = tmp_path / "d.npz"
        x = np.random.default_rng(0).random((500, 20))
        np.savez_compressed(target, x=x, y=np.zeros(500, np.int64))
    else:
        for i in range(40):
            write_image(tmp_path / "imgs" / f"c{i % 2}" / f"{i}.png", images[i])
        target = tmp_path / "imgs"
    with pytest.raises(DataError, match=r"needs about .* GB of memory to load; NetCanvas lets"):
        load_dataset(DataRef(str(target)))


def test_the_budget_is_a_fraction_of_this_machines_memory() -> None:
    total = common.physical_memory()
    assert total is not None and total > 2**30  # the tests run on Linux: sysconf answers
    assert common.memory_budget() == min(common.MAX_ARRAY_BYTES, int(total * 0.4))


def test_a_real_size_file_within_the_budget_still_loads(tmp_path: Path) -> None:
    images, labels = digit_images(40)
    write_idx(tmp_path / "train-images-idx3-ubyte.gz", images)
    write_idx(tmp_path / "train-labels-idx1-ubyte.gz", labels)
    assert len(load_dataset(DataRef(str(tmp_path))).train) > 0


def test_a_huge_image_is_skipped_with_a_note_and_no_warning_on_the_terminal(
    tmp_path: Path,
) -> None:
    """Between Pillow's two limits an image only warns (on stderr); the loader skips it itself."""
    from PIL import Image

    images, _ = digit_images(6)
    for i in range(6):
        write_image(tmp_path / f"c{i % 2}" / f"{i}.png", images[i])
    Image.new("1", (10_000, 9_500)).save(tmp_path / "c0" / "huge.png")  # 95 M pixels, 12 kB
    code = (
        "import sys; from engine.data import load_dataset; from engine.types import DataRef\n"
        "ds = load_dataset(DataRef(sys.argv[1]))\n"
        "print(len(ds.train) + len(ds.val) + len(ds.test), ds.skipped)"
    )
    run = subprocess.run(
        [sys.executable, "-W", "default", "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout.startswith("6 ") and "huge.png" in run.stdout and "too large" in run.stdout
