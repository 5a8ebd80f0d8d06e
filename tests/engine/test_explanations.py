"""Explanations: saliency is the exact input gradient, Grad-CAM is the class activation map
where the two coincide (conv → global average pool → linear), and occlusion points at the part
of the image that decides the class on a network trained to look there."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from test_train_fixtures import image_dataset, image_model, table_dataset, table_model
from torch import nn

from engine.explanations import conv_layers, explain
from engine.types import NetCanvasError

SIZE, CLASSES = 12, 3


@pytest.fixture(scope="module")
def trained() -> tuple[nn.Module, object]:
    """A small CNN trained until it tells the bright band (top, middle, bottom) apart."""
    dataset = image_dataset(n=300, size=SIZE, classes=CLASSES)
    model = image_model(classes=CLASSES, size=SIZE)
    optimiser = torch.optim.Adam(model.parameters(), lr=0.01)
    x, y = dataset.preprocess(dataset.train.x), dataset.train.y
    for _ in range(150):
        optimiser.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimiser.step()
    with torch.no_grad():
        test_x = dataset.preprocess(dataset.test.x)
        accuracy = float((model(test_x).argmax(1) == dataset.test.y).float().mean())
    assert accuracy > 0.95
    return model, dataset


def _band_means(heat: np.ndarray) -> list[float]:
    band = SIZE // CLASSES
    return [float(heat[c * band : (c + 1) * band].mean()) for c in range(CLASSES)]


def test_occlusion_lights_up_the_band_that_decides_the_class(trained: tuple) -> None:
    model, dataset = trained
    right = 0
    samples = range(12)
    for i in samples:
        raw = dataset.test.x[i].numpy()
        true = int(dataset.test.y[i])
        result = explain(model, dataset, raw, "occlusion")
        assert result.heatmap.shape == (SIZE, SIZE) and result.heatmap.dtype == np.float32
        assert result.heatmap.min() >= 0.0 and result.heatmap.max() == pytest.approx(1.0)
        assert result.target == true and result.target_name == f"c{true}"
        right += int(np.argmax(_band_means(result.heatmap)) == true)
    assert right >= 10, right  # the decisive band is the brightest part of the map


def test_saliency_is_the_gradient_of_the_class_score() -> None:
    """For a linear classifier ∂score/∂pixel is the class's weight row: the map is |w|."""
    dataset = image_dataset(size=SIZE, classes=CLASSES)
    torch.manual_seed(0)
    model = nn.Sequential(nn.Flatten(), nn.Linear(SIZE * SIZE, CLASSES))
    result = explain(model, dataset, dataset.test.x[0].numpy(), "saliency", target=2)
    weights = model[1].weight.detach()[2].abs().reshape(SIZE, SIZE).numpy()
    np.testing.assert_allclose(result.heatmap, weights / weights.max(), rtol=1e-5)
    assert result.target == 2


def test_grad_cam_equals_the_class_activation_map_of_a_gap_network() -> None:
    """With global average pooling before the classifier, Grad-CAM's channel weights are the
    classifier's weights (over the map's size): the map is ReLU(Σ_k w_ck A_k), as in CAM."""
    dataset = image_dataset(size=SIZE, classes=CLASSES)
    torch.manual_seed(1)
    model = nn.Sequential(
        nn.Conv2d(1, 6, 3, padding=1), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(6, 3)
    )
    raw = dataset.test.x[3].numpy()
    result = explain(model, dataset, raw, "gradcam", target=1)
    with torch.no_grad():
        maps = model[0](dataset.preprocess(torch.as_tensor(raw)[None]))[0]
        cam = torch.relu((model[3].weight[1][:, None, None] * maps).sum(0)).numpy()
    np.testing.assert_allclose(result.heatmap, cam / cam.max(), rtol=1e-4, atol=1e-6)
    assert result.layer == "0"


def test_hirescam_is_each_positions_share_of_the_score() -> None:
    """With a head linear in the feature maps (Flatten → Dense), the score is Σ_k,p W_k,p·A_k,p
    plus a bias: HiResCAM's map is each position's Σ_k W_k,p·A_k,p (its positive part), while
    Grad-CAM's weights, one mean per channel, are not."""
    dataset = image_dataset(size=SIZE, classes=CLASSES)
    torch.manual_seed(2)
    model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.Flatten(), nn.Linear(4 * SIZE**2, 3))
    raw = dataset.test.x[5].numpy()
    result = explain(model, dataset, raw, "hirescam", target=2)
    with torch.no_grad():
        maps = model[0](dataset.preprocess(torch.as_tensor(raw)[None]))[0]
        weights = model[2].weight[2].reshape(4, SIZE, SIZE)
        share = torch.relu((weights * maps).sum(0)).numpy()
    np.testing.assert_allclose(result.heatmap, share / share.max(), rtol=1e-4, atol=1e-6)
    assert result.method == "hirescam" and result.layer == "0"
    grad_cam = explain(model, dataset, raw, "gradcam", target=2).heatmap
    assert not np.allclose(grad_cam, result.heatmap, atol=1e-2)


def test_grad_cam_takes_the_layer_asked_for_and_refuses_others(trained: tuple) -> None:
    model, dataset = trained
    assert conv_layers(model) == ["0"]
    raw = dataset.test.x[0].numpy()
    for method in ("gradcam", "hirescam"):
        assert explain(model, dataset, raw, method, layer="0").layer == "0"
        with pytest.raises(NetCanvasError, match="not a Conv2d layer"):
            explain(model, dataset, raw, method, layer="4")
    with pytest.raises(NetCanvasError, match="does not exist"):
        explain(model, dataset, raw, "saliency", target=CLASSES)
    with pytest.raises(NetCanvasError, match="Unknown explanation method"):
        explain(model, dataset, raw, "lime")
    with pytest.raises(NetCanvasError, match="image classifiers"):
        explain(table_model(), table_dataset(), np.zeros(4, np.float32))
    assert model.training  # left as it was found


@pytest.mark.slow
def test_the_cli_writes_the_map_of_a_trained_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from engine import load_dataset, load_project
    from engine.cli import main

    project = str(tmp_path / "digits.netcanvas")
    assert main(["new", project, "--template", "seed-cnn", "--data", "mnist-5k"]) == 0
    assert main(["train", project, "--epochs", "1", "--seed", "0"]) == 0
    dataset = load_dataset(load_project(project).data)
    np.save(tmp_path / "digit.npy", dataset.test.x[:1].numpy())  # a batch of one is fine too
    capsys.readouterr()
    out = tmp_path / "map.npy"
    code = main(["explain", project, str(tmp_path / "digit.npy"), "--method", "gradcam",
                 "--out", str(out)])  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0 and "(gradcam on conv2d_1, 28×28, class " in printed
    heat = np.load(out)
    assert heat.shape == (28, 28) and heat.max() == pytest.approx(1.0)
    # A project without weights: one plain line, exit 2.
    iris = str(tmp_path / "iris.netcanvas")
    assert main(["new", iris, "--template", "mlp", "--data", "iris"]) == 0
    np.save(tmp_path / "flower.npy", np.zeros(4, np.float32))
    capsys.readouterr()
    assert main(["explain", iris, str(tmp_path / "flower.npy"), "--out", str(out)]) == 2
    assert "no trained weights" in capsys.readouterr().err


@pytest.mark.slow
def test_on_the_course_cnn_the_maps_fall_on_the_digits_strokes() -> None:
    """The seed CNN after one epoch on the built-in digits, 100 test digits: the share of each
    map's mass on the strokes (pixels > 0, dilated by 2 pixels), where an even map puts ~0.42.
    Saliency and HiResCAM put most of it there. Grad-CAM, at the network's only convolution
    before a Flatten → Dense head, averages each map's gradient over positions the Dense weights
    treat differently and lights the flat background (every map's bias) instead — the contrast
    the explainability lab shows; on the real MNIST after 5 epochs it is 0.10 against 0.96."""
    from engine.data import load_dataset
    from engine.project import new_project
    from engine.session import prepare_run
    from engine.types import DataRef, TrainSettings

    dataset = load_dataset(DataRef("mnist-5k"))
    project = new_project("seed-cnn", DataRef("mnist-5k"), dataset.context())
    settings = TrainSettings.from_dict({**project.settings.to_dict(), "epochs": 1, "seed": 0})
    trainer = prepare_run(project, dataset, settings).trainer(num_threads=1)
    assert trainer.fit().status == "finished"
    raw = dataset.test.x[:100]
    strokes = nn.functional.max_pool2d((raw > 0).float(), 5, stride=1, padding=2)[:, 0] > 0
    strokes_np = strokes.numpy()
    shares: dict[str, list[float]] = {"saliency": [], "gradcam": [], "hirescam": []}
    for i in range(len(raw)):
        for method, found in shares.items():
            heat = explain(trainer.model, dataset, raw[i].numpy(), method).heatmap
            found.append(float((heat * strokes_np[i]).sum() / max(float(heat.sum()), 1e-12)))
    even = float(np.median(strokes_np.reshape(len(raw), -1).mean(axis=1)))
    median = {method: float(np.median(found)) for method, found in shares.items()}
    assert median["saliency"] > even + 0.2, (median, even)
    assert median["hirescam"] >= 0.8, median
    assert median["gradcam"] < even < median["hirescam"], (median, even)
