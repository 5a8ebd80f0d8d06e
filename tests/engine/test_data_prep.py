"""Built-ins, splits, statistics, batching, preprocessing, augmentation and downloads."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import urllib.error
from pathlib import Path

import pytest
import torch

import engine.data.fetch as download_module
from engine.data import (
    AUGMENTATIONS,
    BUILTINS,
    augment_batch,
    batch_indices,
    load_dataset,
    preview_augmented,
)
from engine.data.fetch import download
from engine.data.split import split_indices
from engine.types import DataError, DataRef


@pytest.fixture(scope="module")
def mnist():  # type: ignore[no-untyped-def]
    return load_dataset(DataRef("mnist-5k"))


def test_mnist_5k_is_real_balanced_and_split(mnist) -> None:  # type: ignore[no-untyped-def]
    assert mnist.input_shape == (1, 28, 28) and mnist.train.x.dtype == torch.uint8
    assert (len(mnist.train), len(mnist.val), len(mnist.test)) == (4000, 500, 500)
    assert mnist.class_counts("train") == [400] * 10 and mnist.class_counts("test") == [50] * 10
    assert abs(float(mnist.mean) - 0.1307) < 0.01 and abs(float(mnist.std) - 0.3081) < 0.01
    ctx = mnist.context()
    assert ctx.num_classes == 10 and ctx.input_kind == "image" and ctx.class_names[3] == "3"
    # real digits: the mean image of each class is distinct (a shuffled label would blur them)
    means = torch.stack([mnist.train.x[mnist.train.y == c].float().mean(0) for c in range(10)])
    assert torch.cdist(means.flatten(1), means.flatten(1)).fill_diagonal_(1e9).min() > 100


def test_catalog_lists_licences_without_torch() -> None:
    code = (
        "import sys, engine; b = engine.BUILTINS; assert 'torch' not in sys.modules; print(len(b))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) == len(BUILTINS) == 11
    assert all(info.licence and info.source for info in BUILTINS.values())
    assert (
        "CC BY-SA 3.0" in BUILTINS["mnist-5k"].licence and "PSF" in BUILTINS["python-docs"].licence
    )


def test_the_built_ins_load_with_numpy_alone() -> None:
    """The five bundled datasets need neither scikit-learn, mlxtend nor pandas (none of them is
    a runtime dependency): a fresh process loads all five and imports none of the three."""
    code = (
        "import sys; from engine.data import load_dataset; from engine.types import DataRef\n"
        "for name in ('mnist-5k', 'digits-8x8', 'iris', 'wine', 'breast-cancer'):\n"
        "    load_dataset(DataRef(name))\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'mlxtend', 'pandas'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name", ["digits-8x8", "iris", "wine", "breast-cancer"])
def test_sklearn_builtins(name: str) -> None:
    ds = load_dataset(DataRef(name))
    sizes = {"digits-8x8": 1797, "iris": 150, "wine": 178, "breast-cancer": 569}
    assert len(ds.train) + len(ds.val) + len(ds.test) == sizes[name]
    if ds.kind == "table":
        assert len(ds.feature_names) == ds.input_shape[0]
        assert torch.allclose(
            ds.preprocess(ds.train.x).mean(0), torch.zeros(ds.input_shape), atol=1e-4
        )


@pytest.mark.parametrize("name", ["moons", "circles", "spirals", "xor", "blobs"])
def test_toy_sets_options_and_determinism(name: str) -> None:
    a = load_dataset(DataRef(name, {"n_samples": 200, "noise": 0.2, "seed": 3}))
    b = load_dataset(DataRef(name, {"n_samples": 200, "noise": 0.2, "seed": 3}))
    c = load_dataset(DataRef(name, {"n_samples": 200, "noise": 0.2, "seed": 4}))
    assert a.kind == "points" and a.input_shape == (2,) and a.train.x.dtype == torch.float32
    assert len(a.train) + len(a.val) + len(a.test) == 200
    assert torch.equal(a.train.x, b.train.x) and not torch.equal(a.train.x, c.train.x)


def test_python_docs_corpus_is_deterministic() -> None:
    a = load_dataset(DataRef("python-docs", {"seq_len": 32}))
    b = load_dataset(DataRef("python-docs", {"seq_len": 32}))
    assert a.task == "next_char" and a.vocab == b.vocab and torch.equal(a.train.x, b.train.x)
    assert "Return" in a.text_excerpt or "return" in a.text_excerpt
    assert a.context().vocab_size == len(a.vocab) and a.preprocess(a.train.x[:2]) is not None
    assert torch.equal(a.preprocess(a.train.x[:4]), a.train.x[:4])  # tokens unchanged


def test_stratified_split_is_deterministic_and_proportional() -> None:
    y = torch.tensor([0] * 80 + [1] * 20)
    tr, va, te = split_indices(100, 0.1, 0.2, seed=5, stratify=y)
    tr2, va2, te2 = split_indices(100, 0.1, 0.2, seed=5, stratify=y)
    assert torch.equal(tr, tr2) and torch.equal(va, va2) and torch.equal(te, te2)
    assert (len(tr), len(va), len(te)) == (70, 10, 20)
    assert int((y[te] == 1).sum()) == 4 and int((y[va] == 1).sum()) == 2
    assert len(set(tr.tolist()) | set(va.tolist()) | set(te.tolist())) == 100
    other = split_indices(100, 0.1, 0.2, seed=6, stratify=y)[2]
    assert not torch.equal(te, other)


def test_statistics_come_from_the_train_split_only(tmp_path: Path) -> None:
    # the validation rows are huge: if they leaked into the statistics the mean would jump
    rows = (
        ["x,label"]
        + [f"{i % 10},{i % 2}" for i in range(90)]
        + [f"{1e6},{i % 2}" for i in range(10)]
    )
    (tmp_path / "t.csv").write_text("\n".join(rows))
    ds = load_dataset(
        DataRef(str(tmp_path / "t.csv"), {"val_split": 0.1, "test_split": 0.0, "seed": 1})
    )
    expected = ds.train.x.mean()
    assert torch.allclose(ds.mean, expected.reshape(1))
    assert ds.test is None


def test_batch_indices_cover_each_epoch_once() -> None:
    g = torch.Generator().manual_seed(0)
    batches = list(batch_indices(1000, 64, True, g))
    assert [len(b) for b in batches] == [64] * 15 + [40]
    assert torch.equal(torch.sort(torch.cat(batches)).values, torch.arange(1000))
    again = list(batch_indices(1000, 64, True, torch.Generator().manual_seed(0)))
    assert torch.equal(torch.cat(batches), torch.cat(again))
    assert torch.equal(torch.cat(list(batch_indices(10, 3, False, None))), torch.arange(10))


def test_preprocess_images_and_device_move(mnist) -> None:  # type: ignore[no-untyped-def]
    x = mnist.train.x[:256]
    out = mnist.preprocess(x)
    assert out.dtype == torch.float32 and out.shape == x.shape and x.dtype == torch.uint8
    expected = (x.float() / 255 - mnist.mean.view(1, -1, 1, 1)) / mnist.std.view(1, -1, 1, 1)
    assert torch.allclose(out, expected, atol=1e-5)
    images, labels = mnist.sample_images(8)
    assert images.shape == (8, 1, 28, 28) and images.dtype == torch.uint8 and labels.shape == (8,)
    assert mnist.to("cpu") is mnist


def test_augment_ops_change_images_and_keep_shape() -> None:
    x = torch.rand(8, 3, 16, 16)
    for op in AUGMENTATIONS:
        out = augment_batch(x, [op], torch.Generator().manual_seed(1))
        assert out.shape == x.shape and out.dtype == x.dtype and not torch.equal(out, x), op
    same = augment_batch(x, list(AUGMENTATIONS), torch.Generator().manual_seed(1))
    assert torch.equal(
        same, augment_batch(x, list(AUGMENTATIONS), torch.Generator().manual_seed(1))
    )
    assert augment_batch(x, []) is x
    with pytest.raises(DataError, match="Unknown augmentation"):
        augment_batch(x, ["sharpen"])


def test_flip_mirrors_and_shift_moves_pixels() -> None:
    x = torch.zeros(64, 1, 8, 8)
    x[:, :, :, 0] = 1.0
    flipped = augment_batch(x, ["flip"], torch.Generator().manual_seed(0))
    mirrored = flipped[:, 0, 0, 7] == 1.0
    assert 10 < int(mirrored.sum()) < 54  # about half
    assert torch.equal(flipped[mirrored], x[mirrored].flip(3))


def test_preview_augmented_is_in_unit_range(mnist) -> None:  # type: ignore[no-untyped-def]
    grid = preview_augmented(mnist, ["rotate", "noise", "cutout"], n=6, seed=2)
    assert grid.shape == (6, 1, 28, 28) and float(grid.min()) >= 0 and float(grid.max()) <= 1


def test_download_offline_says_how_to_import(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NETCANVAS_CACHE", str(tmp_path))

    def offline(*args: object, **kwargs: object) -> None:
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(download_module.urllib.request, "urlopen", offline)
    with pytest.raises(DataError, match="import the files instead"):
        download("mnist")


def test_download_checks_sha256(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NETCANVAS_CACHE", str(tmp_path / "cache"))
    served = tmp_path / "served.bin"
    served.write_bytes(b"dataset bytes")
    good = hashlib.sha256(b"dataset bytes").hexdigest()
    url = served.as_uri()
    monkeypatch.setitem(download_module.SOURCES, "mnist", [(url, "f.gz", good)])
    seen: list[float] = []
    folder = download("mnist", progress=seen.append)
    assert (folder / "f.gz").read_bytes() == b"dataset bytes" and seen[-1] == 1.0
    monkeypatch.setitem(download_module.SOURCES, "mnist", [(url, "g.gz", "0" * 64)])
    with pytest.raises(DataError, match="checksum"):
        download("mnist")
    assert not (folder / "g.gz").exists()


def test_load_reports_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    seen: list[float] = []
    load_dataset(DataRef("iris"), progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    with pytest.raises(DataError, match="Loading cancelled"):
        load_dataset(DataRef("mnist-5k"), cancel=lambda: True)


def test_download_cifar10_extracts_a_loadable_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tarfile

    from test_data_writers import write_cifar10

    monkeypatch.setenv("NETCANVAS_CACHE", str(tmp_path / "cache"))
    folder = write_cifar10(tmp_path / "src" / "cifar-10-batches-py", per_batch=4)
    archive = tmp_path / "cifar-10-python.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname="cifar-10-batches-py")
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    monkeypatch.setitem(
        download_module.SOURCES, "cifar10", [(archive.as_uri(), archive.name, digest)]
    )
    ds = load_dataset(DataRef(str(download("cifar10"))))
    assert ds.input_shape == (3, 32, 32) and ds.test is not None and len(ds.test) == 4


def test_preprocess_never_modifies_its_input(mnist) -> None:  # type: ignore[no-untyped-def]
    x = mnist.train.x[:4].float()
    before = x.clone()
    mnist.preprocess(x)
    assert torch.equal(x, before)
    assert mnist.nbytes() == 5000 * 784 + 5000 * 8
