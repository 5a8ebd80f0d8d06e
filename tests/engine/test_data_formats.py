"""Loaders for the formats people bring: IDX, CIFAR batches, image folders, CSV, NumPy, text."""

from __future__ import annotations

import gzip
import io
import pickle
import tarfile
from pathlib import Path

import numpy as np
import pytest
import torch
from test_data_writers import (
    cifar_batch,
    digit_images,
    write_cifar10,
    write_idx,
    write_image,
    write_mnist,
    write_pickle,
)

from engine.data import load_dataset
from engine.types import DataError, DataRef


def load(path: Path | str, **options: object) -> object:
    return load_dataset(DataRef(str(path), dict(options)))


# ---------------------------------------------------------------- IDX


@pytest.mark.parametrize("gz", [True, False])
def test_idx_folder_uses_t10k_as_test_split(tmp_path: Path, gz: bool) -> None:
    write_mnist(tmp_path, n_train=60, n_test=20, gz=gz)
    ds = load_dataset(DataRef(str(tmp_path), {"val_split": 0.2}))
    assert ds.kind == "image" and ds.input_shape == (1, 28, 28)
    assert ds.test is not None and len(ds.test) == 20
    assert len(ds.train) + len(ds.val) == 60 and len(ds.val) == 12
    assert ds.class_names == [str(i) for i in range(10)]
    assert ds.train.x.dtype == torch.uint8
    # the brightness encodes the label: images and labels stayed paired
    images, labels = digit_images(20, seed=len("t10k"))
    assert torch.equal(ds.test.x[:, 0], torch.from_numpy(images))
    assert torch.equal(ds.test.y, torch.from_numpy(labels.astype(np.int64)))


def test_idx_single_file_opens_its_whole_set(tmp_path: Path) -> None:
    write_mnist(tmp_path)
    ds = load(tmp_path / "train-labels-idx1-ubyte.gz")
    assert ds.test is not None and len(ds.test) == 20  # type: ignore[attr-defined]


def test_emnist_names_mapping_and_transpose(tmp_path: Path) -> None:
    images = np.zeros((30, 28, 28), np.uint8)
    images[:, 0, 5] = 255  # not symmetric: row 0, column 5
    labels = np.repeat(np.array([1, 2, 3], np.uint8), 10)
    write_idx(tmp_path / "emnist-letters-train-images-idx3-ubyte.gz", images)
    write_idx(tmp_path / "emnist-letters-train-labels-idx1-ubyte.gz", labels)
    write_idx(tmp_path / "emnist-digits-train-images-idx3-ubyte.gz", images)
    write_idx(tmp_path / "emnist-digits-train-labels-idx1-ubyte.gz", labels)
    (tmp_path / "emnist-letters-mapping.txt").write_text("1 65 97\n2 66 98\n3 67 99\n")
    ds = load_dataset(DataRef(str(tmp_path), {"subset": "emnist-letters", "val_split": 0}))
    assert ds.class_names == ["Aa", "Bb", "Cc"]
    assert ds.train.x[0, 0, 5, 0] == 255 and ds.train.x[0, 0, 0, 5] == 0  # transposed back
    other = load(tmp_path)
    assert any("also holds" in n for n in other.notes)  # type: ignore[attr-defined]


def test_fashion_folder_gets_fashion_names(tmp_path: Path) -> None:
    write_mnist(tmp_path / "fashion-mnist")
    ds = load(tmp_path / "fashion-mnist")
    assert ds.class_names[0] == "T-shirt/top" and ds.class_names[9] == "Ankle boot"  # type: ignore[attr-defined]


# ---------------------------------------------------------------- CIFAR


def test_cifar10_folder(tmp_path: Path) -> None:
    write_cifar10(tmp_path, per_batch=20)
    ds = load_dataset(DataRef(str(tmp_path), {"val_split": 0}))
    assert ds.input_shape == (3, 32, 32) and len(ds.train) == 100
    assert ds.test is not None and len(ds.test) == 20
    assert ds.class_names[:2] == ["airplane", "automobile"]
    first = cifar_batch(20, seed=1)
    assert torch.equal(ds.train.x[0], torch.from_numpy(first[b"data"][0].reshape(3, 32, 32)))
    assert ds.train.y[:3].tolist() == [0, 1, 2]
    assert load(tmp_path / "data_batch_3").test is not None  # type: ignore[attr-defined]


def test_cifar100_fine_and_coarse(tmp_path: Path) -> None:
    batch = cifar_batch(40, label_key="fine_labels", classes=20)
    batch[b"coarse_labels"] = [i % 4 for i in range(40)]
    write_pickle(tmp_path / "train", batch, protocol=4)
    write_pickle(tmp_path / "test", batch, protocol=4)
    names = {b"fine_label_names": [f"f{i}".encode() for i in range(20)],
             b"coarse_label_names": [f"c{i}".encode() for i in range(4)]}  # fmt: skip
    write_pickle(tmp_path / "meta", names)
    assert len(load(tmp_path).class_names) == 20  # type: ignore[attr-defined]
    assert load(tmp_path, label_mode="coarse").class_names == ["c0", "c1", "c2", "c3"]  # type: ignore[attr-defined]


def test_cifar_tar_gz_archive(tmp_path: Path) -> None:
    folder = write_cifar10(tmp_path / "cifar-10-batches-py", per_batch=10)
    archive = tmp_path / "cifar-10-python.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname="cifar-10-batches-py")
    ds = load(archive)
    assert len(ds.train) + len(ds.val) == 50 and len(ds.test) == 10  # type: ignore[attr-defined]


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        import os

        return (os.system, (f"touch {self.marker}",))


def test_cifar_pickle_with_payload_is_refused_and_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    batch = cifar_batch(10)
    batch[b"extra"] = _Payload(marker)
    write_pickle(tmp_path / "data_batch_1", batch)
    with pytest.raises(DataError, match="refused for safety"):
        load(tmp_path)
    assert not marker.exists()
    # the same payload through a plain pickle.load would have run: the test can fail
    pickle.loads((tmp_path / "data_batch_1").read_bytes())
    assert marker.exists()


def test_cifar_object_array_is_refused(tmp_path: Path) -> None:
    batch = cifar_batch(4)
    batch[b"data"] = np.array([object()] * 4, dtype=object)
    write_pickle(tmp_path / "data_batch_1", batch)
    with pytest.raises(DataError, match="refused for safety"):
        load(tmp_path)


# ---------------------------------------------------------------- image folders


def _colour(seed: int, h: int, w: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (h, w, 3), dtype=np.uint8)


def test_image_folder_modes_sizes_odd_names_and_skips(tmp_path: Path) -> None:
    root = tmp_path / "pets"
    grey = np.full((40, 30), 128, np.uint8)
    write_image(root / "cat" / "a b.png", grey)  # L
    write_image(root / "cat" / "猫 01.jpg", _colour(1, 40, 30))  # RGB JPEG
    write_image(root / "cat" / "c.bmp", _colour(2, 20, 20))
    write_image(root / "dog" / "d.png", _colour(3, 40, 30), "RGBA")
    write_image(root / "dog" / "e.gif", _colour(4, 50, 30), "P")
    write_image(root / "dog" / "f.webp", _colour(5, 40, 30))
    (root / "dog" / "broken.png").write_bytes(b"not a png at all")
    (root / "dog" / "truncated.png").write_bytes((root / "dog" / "d.png").read_bytes()[:60])
    (root / "dog" / "notes.txt").write_text("ignored: not an image suffix")
    (root / ".hidden").mkdir()
    ds = load(root)
    assert ds.class_names == ["cat", "dog"]  # type: ignore[attr-defined]
    assert ds.input_shape == (3, 40, 30)  # type: ignore[attr-defined]  # the median size
    assert sorted(f for f, _ in ds.skipped) == ["dog/broken.png", "dog/truncated.png"]  # type: ignore[attr-defined]
    total = len(ds.train) + len(ds.val) + (len(ds.test) if ds.test else 0)  # type: ignore[attr-defined]
    assert total == 6


def test_image_folder_size_cap_grayscale_and_option(tmp_path: Path) -> None:
    for i in range(4):
        write_image(tmp_path / "a" / f"{i}.png", _colour(i, 200, 100))
        write_image(tmp_path / "b" / f"{i}.png", _colour(i + 9, 200, 100))
    assert load(tmp_path).input_shape == (3, 64, 32)  # type: ignore[attr-defined]
    ds = load(tmp_path, image_size=[16, 16], grayscale=True)
    assert ds.input_shape == (1, 16, 16)  # type: ignore[attr-defined]


def test_rgb_files_that_are_grey_load_as_one_channel(tmp_path: Path) -> None:
    for i in range(3):
        grey = np.random.default_rng(i).integers(0, 256, (8, 8), dtype=np.uint8)
        write_image(tmp_path / "x" / f"{i}.png", np.stack([grey] * 3, axis=2))
        write_image(tmp_path / "y" / f"{i}.png", np.stack([grey] * 3, axis=2))
    assert load(tmp_path).input_shape == (1, 8, 8)  # type: ignore[attr-defined]


def test_image_folder_respects_split_folders(tmp_path: Path) -> None:
    for split, n in (("train", 6), ("val", 2), ("test", 3)):
        for cls in ("ant", "bee"):
            for i in range(n):
                write_image(tmp_path / split / cls / f"{i}.png", _colour(i, 8, 8))
    ds = load(tmp_path)
    assert (len(ds.train), len(ds.val), len(ds.test)) == (12, 4, 6)  # type: ignore[attr-defined]
    assert ds.class_counts("test") == [3, 3]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- tables


def test_csv_features_target_guess_and_notes(tmp_path: Path) -> None:
    rows = ["age,colour,member,label,height"]
    for i in range(40):
        age = "" if i % 10 == 0 else str(20 + i)
        rows.append(
            f"{age},{['red', 'green', 'blue'][i % 3]},{i % 2 == 0},{'yes' if i % 2 else 'no'},{1.5 + i / 100}"
        )
    path = tmp_path / "people.csv"
    path.write_text("\n".join(rows))
    ds = load(path)
    assert ds.task == "classification" and ds.class_names == ["no", "yes"]  # type: ignore[attr-defined]
    assert ds.feature_names == [
        "age",
        "colour=blue",
        "colour=green",
        "colour=red",
        "member",
        "height",
    ]  # type: ignore[attr-defined]
    assert any("Imputed 4 missing" in n and "'age'" in n for n in ds.notes)  # type: ignore[attr-defined]
    assert ds.table_head is not None and ds.table_head.columns[0] == "age"  # type: ignore[attr-defined]
    assert ds.input_shape == (6,) and ds.train.x.dtype == torch.float32  # type: ignore[attr-defined]


def test_csv_regression_inferred_and_overridable(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    lines = ["a;b;price"] + [
        f"{x:.3f};{y:.3f};{3 * x + y:.4f}" for x, y in rng.normal(size=(60, 2))
    ]
    path = tmp_path / "houses.csv"
    path.write_text("\n".join(lines))
    ds = load(path)
    assert (
        ds.task == "regression" and ds.train.y.shape[1] == 1 and ds.train.y.dtype == torch.float32
    )  # type: ignore[attr-defined]
    assert ds.context().num_classes == 1  # type: ignore[attr-defined]
    ds2 = load(path, target="a", task="regression")
    assert ds2.feature_names == ["b", "price"]  # type: ignore[attr-defined]


def test_tsv_and_integer_class_target(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("x\ty\n" + "\n".join(f"{i}\t{i % 3}" for i in range(30)))
    ds = load(path)
    assert ds.task == "classification" and ds.class_names == ["0", "1", "2"]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- NumPy


def test_npz_images_and_keras_layout(tmp_path: Path) -> None:
    images, labels = digit_images(30)
    np.savez(
        tmp_path / "mnist.npz",
        x_train=images,
        y_train=labels,
        x_test=images[:10],
        y_test=labels[:10],
    )
    ds = load(tmp_path / "mnist.npz")
    assert ds.kind == "image" and ds.input_shape == (1, 28, 28) and len(ds.test) == 10  # type: ignore[attr-defined]


def test_npz_nhwc_float_images_become_bytes(tmp_path: Path) -> None:
    x = np.random.default_rng(0).random((20, 8, 8, 3)).astype(np.float32)
    np.savez(tmp_path / "f.npz", x=x, y=np.arange(20) % 2)
    ds = load(tmp_path / "f.npz", val_split=0, test_split=0)
    assert ds.input_shape == (3, 8, 8) and ds.train.x.dtype == torch.uint8  # type: ignore[attr-defined]
    assert abs(int(ds.train.x[0, 1, 2, 3]) - round(float(x[0, 2, 3, 1]) * 255)) <= 1  # type: ignore[attr-defined]


def test_npy_table_and_kmnist_sibling_labels(tmp_path: Path) -> None:
    table = np.c_[np.random.default_rng(0).normal(size=(30, 3)), np.arange(30) % 2]
    np.save(tmp_path / "t.npy", table)
    assert load(tmp_path / "t.npy").input_shape == (3,)  # type: ignore[attr-defined]
    images, labels = digit_images(20)
    np.savez(tmp_path / "kmnist-train-imgs.npz", arr_0=images)
    np.savez(tmp_path / "kmnist-train-labels.npz", arr_0=labels)
    ds = load(tmp_path / "kmnist-train-imgs.npz")
    assert ds.kind == "image" and len(ds.class_names) == 10  # type: ignore[attr-defined]


def test_npz_with_objects_is_refused(tmp_path: Path) -> None:
    np.savez(tmp_path / "o.npz", x=np.array([{"a": 1}, None], dtype=object), y=np.array([0, 1]))
    with pytest.raises(DataError, match="objects"):
        load(tmp_path / "o.npz")


# ---------------------------------------------------------------- text


TEXT = "The quick brown fox jumps over the lazy dog. 天地玄黄，宇宙洪荒。\n" * 20


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "book.txt"
    path.write_bytes(TEXT.encode(encoding))
    ds = load(path, seq_len=16)
    assert "宇" in ds.vocab and "\ufeff" not in ds.vocab  # type: ignore[attr-defined]
    assert ds.text_excerpt.startswith("The quick")  # type: ignore[attr-defined]
    x, y = ds.train.x, ds.train.y  # type: ignore[attr-defined]
    assert x.shape[1] == 16 and x.dtype == torch.int64
    assert torch.equal(x[:, 1:], y[:, :-1])  # targets are the inputs shifted by one
    decoded = "".join(ds.vocab[i] for i in x[0].tolist())  # type: ignore[attr-defined]
    assert decoded == TEXT[:16]


def test_text_binary_names_encodings_tried(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(DataError, match=r"photo\.txt.*utf-8.*utf-16.*gb18030"):
        load(path)
    assert load(path, encoding="latin-1", seq_len=8).vocab  # type: ignore[attr-defined]


def test_gzip_helper_roundtrip_sanity(tmp_path: Path) -> None:
    # guards the writers the other tests rely on
    images, _ = digit_images(3)
    path = write_idx(tmp_path / "x-images-idx3-ubyte.gz", images)
    assert gzip.decompress(path.read_bytes())[:4] == b"\x00\x00\x08\x03"
    assert io.BytesIO(path.read_bytes()).read(2) == b"\x1f\x8b"
