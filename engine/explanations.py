"""Why did the network decide? Heat maps over an input image: gradient saliency, Grad-CAM and
HiResCAM on a convolution layer, and occlusion. Written directly (a few dozen lines each)
rather than with captum, which the offline installer would carry for four methods.

Each map is H×W in [0, 1] at the input's size: 1 marks what mattered most for the class
explained (by default the one predicted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from engine.messages import QT_TRANSLATE_NOOP
from engine.types import NetCanvasError

if TYPE_CHECKING:
    import torch
    from torch import nn

    from engine.data import Dataset

METHODS = ("saliency", "gradcam", "hirescam", "occlusion")
CAM_METHODS = ("gradcam", "hirescam")  # the ones that look at a convolution layer


@dataclass
class Explanation:
    method: str
    heatmap: NDArray[np.float32]  # H×W in [0, 1]
    target: int  # the class explained
    target_name: str
    probability: float  # the model's probability of that class for this input
    layer: str = ""  # the convolution layer Grad-CAM or HiResCAM looked at


def conv_layers(model: nn.Module) -> list[str]:
    """The names of the model's 2-D convolution layers, input side first (the CAM methods'
    choices)."""
    from torch import nn as tnn

    return [name for name, m in model.named_modules() if isinstance(m, tnn.Conv2d)]


def explain(
    model: nn.Module,
    dataset: Dataset,
    raw_x: Any,
    method: str = "saliency",
    target: int | None = None,
    layer: str | None = None,
) -> Explanation:
    """A heat map of why ``model`` gives ``raw_x`` (one raw sample, as the dataset stores it)
    the class ``target`` (default: the predicted one). Grad-CAM and HiResCAM use ``layer``
    (default: the last convolution layer)."""
    import torch

    from engine.metrics import _raw_batch, class_probabilities, inspection_copy, model_device

    if dataset.kind != "image" or dataset.task not in ("classification", "binary"):
        raise NetCanvasError(
            QT_TRANSLATE_NOOP("Engine", "Explanations are made for image classifiers.")
        )
    if method not in METHODS:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP("Engine", "Unknown explanation method '{method}' (use {methods})."),
            method=method,
            methods=", ".join(METHODS),
        )
    model = inspection_copy(model)  # hooks and gradients on a copy: see inspection_copy
    device = model_device(model)
    x = dataset.preprocess(_raw_batch(dataset, raw_x)[:1].to(device))
    with torch.no_grad():
        probs = class_probabilities(model(x), dataset.task)[0]
    classes = probs.shape[0]
    chosen = int(probs.argmax()) if target is None else int(target)
    if not 0 <= chosen < classes:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP("Engine", "Class {target} does not exist (0 to {last})."),
            target=chosen,
            last=classes - 1,
        )
    used_layer = ""
    if method == "saliency":
        heat = _saliency(model, x, dataset.task, chosen)
    elif method in CAM_METHODS:
        used_layer = _cam_layer(model, layer)
        heat = _cam(model, x, dataset.task, chosen, used_layer, per_position=method == "hirescam")
    else:
        heat = _occlusion(model, x, dataset, chosen, probs)
    names = list(dataset.class_names)
    return Explanation(
        method=method,
        heatmap=_unit(heat),
        target=chosen,
        target_name=names[chosen] if chosen < len(names) else str(chosen),
        probability=float(probs[chosen]),
        layer=used_layer,
    )


def _score(out: torch.Tensor, task: str, target: int) -> torch.Tensor:
    """The quantity a class's explanation follows: its logit (for a one-logit binary head, the
    logit for class 1 and its negative for class 0)."""
    if task == "binary" and (out.ndim == 1 or out.shape[-1] == 1):
        logit = out.reshape(-1)[0]
        return logit if target == 1 else -logit
    return out[0, target]


def _saliency(model: nn.Module, x: torch.Tensor, task: str, target: int) -> torch.Tensor:
    """|∂ score / ∂ pixel|, the largest over the colour channels."""
    import torch

    pixels = x.detach().clone().requires_grad_(True)
    with torch.enable_grad():
        (grad,) = torch.autograd.grad(_score(model(pixels), task, target), pixels)
    return grad[0].abs().amax(dim=0)


def _cam_layer(model: nn.Module, layer: str | None) -> str:
    layers = conv_layers(model)
    if not layers:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP("Engine", "Grad-CAM and HiResCAM need a network with a Conv2d layer.")
        )
    if layer is None:
        return layers[-1]  # the last one sees the most: its maps are the most semantic
    if layer not in layers:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{layer}' is not a Conv2d layer of this network (it has {layers})."
            ),
            layer=layer,
            layers=", ".join(layers),
        )
    return layer


def _cam(
    model: nn.Module, x: torch.Tensor, task: str, target: int, layer: str, per_position: bool
) -> torch.Tensor:
    """The positive part of Σ_k G_k ⊙ A_k over the layer's feature maps A_k, scaled up to the
    input's size. Grad-CAM (Selvaraju et al., 2017) takes for G_k the mean gradient of the score
    over map k; HiResCAM (Draelos & Carin, 2020) keeps the gradient at each position.

    Averaging is exact only when global average pooling follows (then both are CAM). Where a
    Flatten → Dense head follows, as in the course's CNN, the Dense weights differ from one
    position to the next, and the average can point at positions the class never used: on the
    trained course CNN, Grad-CAM lights the flat background (every map's bias) and HiResCAM the
    strokes. For a head that is linear in the maps, HiResCAM is each position's share of the
    score."""
    import torch
    from torch.nn import functional

    captured: list[torch.Tensor] = []
    handle = dict(model.named_modules())[layer].register_forward_hook(
        lambda _m, _i, output: captured.append(output)
    )
    try:
        with torch.enable_grad():
            score = _score(model(x), task, target)
            (grad,) = torch.autograd.grad(score, captured[0])
    finally:
        handle.remove()
    maps = captured[0].detach()[0]
    weights = grad[0] if per_position else grad[0].mean(dim=(1, 2), keepdim=True)
    cam = torch.relu((weights * maps).sum(dim=0))
    size = tuple(x.shape[-2:])
    return functional.interpolate(cam[None, None], size=size, mode="bilinear")[0, 0]


def _occlusion(
    model: nn.Module, x: torch.Tensor, dataset: Dataset, target: int, probs: torch.Tensor
) -> torch.Tensor:
    """How much the class's probability drops when a square patch is blanked (to what an empty
    raw image becomes), averaged over the patches covering each pixel (Zeiler & Fergus, 2014)."""
    import torch

    from engine.metrics import class_probabilities

    height, width = x.shape[-2:]
    patch = max(2, min(height, width) // 7)
    stride = max(1, patch // 2)
    blank_raw = torch.zeros((1, *dataset.input_shape), dtype=torch.uint8, device=x.device)
    blank = dataset.preprocess(blank_raw)
    corners = [
        (top, left)
        for top in range(0, max(1, height - patch + 1), stride)
        for left in range(0, max(1, width - patch + 1), stride)
    ]
    drop = torch.zeros((height, width), device=x.device)
    cover = torch.zeros((height, width), device=x.device)
    with torch.no_grad():
        for start in range(0, len(corners), 64):
            chunk = corners[start : start + 64]
            batch = x.repeat(len(chunk), 1, 1, 1)
            for i, (top, left) in enumerate(chunk):
                window = (slice(top, top + patch), slice(left, left + patch))
                batch[i, :, window[0], window[1]] = blank[0, :, window[0], window[1]]
            occluded = class_probabilities(model(batch), dataset.task)[:, target]
            for (top, left), p in zip(chunk, occluded, strict=True):
                drop[top : top + patch, left : left + patch] += probs[target] - p
                cover[top : top + patch, left : left + patch] += 1
    return torch.clamp(drop / cover.clamp(min=1), min=0)


def _unit(heat: torch.Tensor) -> NDArray[np.float32]:
    """Scaled to [0, 1] (all zeros when nothing mattered: a flat map, not a division by 0)."""
    array: NDArray[np.float32] = np.nan_to_num(
        heat.detach().float().cpu().numpy(), nan=0.0, posinf=0.0, neginf=0.0
    ).astype(np.float32)
    top = float(array.max()) if array.size else 0.0
    return array / np.float32(top) if top > 0 else np.zeros_like(array)


# -- attention ------------------------------------------------------------------------------

ATTENTION_TYPES = ("MultiHeadSelfAttention", "TransformerBlock")  # the layers that have heads


@dataclass
class AttentionMaps:
    """What every head of every attention layer looked at, for one text.

    ``weights[layer]`` is heads×T×T: row i is the position whose next character is being
    predicted, column j a character it mixes in, and each row sums to 1 (with a causal mask
    only j ≤ i count). ``characters`` are the T characters of the text, in order.
    """

    characters: list[str]
    weights: dict[str, NDArray[np.float32]]
    causal: dict[str, bool] = field(default_factory=dict)  # each layer's mask

    def look_back(self, layer: str) -> NDArray[np.float32]:
        """How many characters back each head of ``layer`` looks, on average over the
        positions: Σ_j w_ij·(i − j) averaged over i (0: each position looks at itself)."""
        w = self.weights[layer]
        t = w.shape[-1]
        distance = np.arange(t)[:, None] - np.arange(t)[None, :]  # i − j
        return np.asarray((w * distance).sum(axis=-1).mean(axis=-1), dtype=np.float32)

    def even_look_back(self, layer: str) -> float:
        """``look_back`` of a head that spreads its attention evenly over what it may see
        (the reference a trained head is compared with): (T − 1) / 4 with a causal mask."""
        t = self.weights[layer].shape[-1]
        allowed = np.tril(np.ones((t, t))) if self.causal.get(layer, True) else np.ones((t, t))
        even = allowed / allowed.sum(axis=-1, keepdims=True)
        return float(AttentionMaps(self.characters, {layer: even[None]}).look_back(layer)[0])


def attention_layers(model: nn.Module) -> list[str]:
    """The names of the model's attention layers (a Transformer block's is the block's name
    followed by ``.attention``), input side first."""
    from engine.layers.modules import MultiHeadSelfAttention

    return [name for name, m in model.named_modules() if isinstance(m, MultiHeadSelfAttention)]


def attention_maps(model: nn.Module, dataset: Dataset, text: str) -> AttentionMaps:
    """Run ``text`` (its last window of characters that the vocabulary knows) through a
    character model and keep each attention head's weights."""
    import torch

    from engine.metrics import inspection_copy, model_device

    vocab = list(dataset.vocab or [])
    if dataset.task != "next_char" or not vocab:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP("Engine", "Attention maps need a character model on a text dataset.")
        )
    layers = attention_layers(model)
    if not layers:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "This network has no attention layer: add a TransformerBlock or a "
                "MultiHeadSelfAttention to see what its heads look at.",
            )
        )
    index = {ch: i for i, ch in enumerate(vocab)}
    window = int(dataset.input_shape[0]) if dataset.input_shape else 64
    known = [ch for ch in text if ch in index][-window:]
    if not known:
        raise NetCanvasError(
            QT_TRANSLATE_NOOP(
                "Engine", "None of the characters typed is in the dataset's vocabulary."
            )
        )
    x = torch.tensor([[index[ch] for ch in known]], dtype=torch.long, device=model_device(model))
    private = inspection_copy(model)
    modules = dict(private.named_modules())
    for name in layers:
        modules[name].keep_weights = True
    with torch.no_grad():
        private(x)
    weights = {
        name: modules[name].weights[0].float().cpu().numpy().astype(np.float32) for name in layers
    }
    causal = {name: bool(modules[name].causal) for name in layers}
    return AttentionMaps(characters=known, weights=weights, causal=causal)
