"""What every importer shares: the refusal, the layers found in a file, and turning them into a
validated project whose weights load into the built model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.messages import QT_TRANSLATE_NOOP, Message
from engine.types import NetCanvasError

if TYPE_CHECKING:
    from engine.project import Project


class ModelImportError(NetCanvasError):
    """A model file that cannot become a NetCanvas network; nothing was imported."""


@dataclass
class ImportResult:
    project: Project
    notes: list[Message] = field(default_factory=list)  # what the user should know


@dataclass
class Layer:
    """A NetCanvas layer found in a model file, with its weights under the state_dict suffixes
    the built torch module uses (``weight``, ``bias``, ``weight_ih_l0``...)."""

    type: str
    params: dict[str, Any]
    inputs: list[int]
    weights: dict[str, np.ndarray] = field(default_factory=dict)
    source: str = ""  # the node's name in the file


@dataclass
class Problem:
    """One node the layer library cannot express."""

    op: str
    name: str
    reason: str  # a Message where the engine says it


def refuse(file: str, problems: list[Problem]) -> ModelImportError:
    """The one message that lists every node that cannot be imported (nodes refused for the
    same reason are named together)."""
    groups: dict[tuple[str, str], list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.op, p.reason), []).append(p)
    items = [
        Message(
            QT_TRANSLATE_NOOP("Engine", "{op} {names}: {reason}"),
            op=op,
            names=", ".join(f"'{p.name}'" for p in group),
            reason=group[0].reason,
        )
        for (op, _), group in groups.items()
    ]
    listed = items[-1]
    for item in reversed(items[:-1]):
        listed = Message(QT_TRANSLATE_NOOP("Engine", "{first}; {rest}"), first=item, rest=listed)
    return ModelImportError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "{file} cannot be imported: {count} node(s) have no NetCanvas layer — {nodes}. Nothing was imported.",
        ),
        file=file,
        count=len(problems),
        nodes=listed,
    )


def image_preprocessing(meta: dict[str, str], raw_pixels: bool) -> tuple[dict[str, Any], Message]:
    """The Input's preprocessing record for an imported image model, and a note saying where
    it came from: a NetCanvas export's own (its metadata), raw pixels for a model that takes
    uint8, else the usual pixels / 255 — a file rarely says, and the dataset's statistics are
    not what the model was trained with."""
    import json
    import math

    fixed: dict[str, Any] = {"normalise": "fixed", "scale": 1 / 255, "mean": (0.0,), "std": (1.0,)}
    try:
        mean = tuple(float(v) for v in json.loads(meta["normalisation_mean"]))
        std = tuple(float(v) for v in json.loads(meta["normalisation_std"]))
        scale = float(json.loads(meta.get("normalisation_scale", "0.00392156862745098")))
    except (KeyError, TypeError, ValueError):
        mean = std = ()
        scale = 0.0
    numbers = (*mean, *std, scale)
    if mean and std and all(math.isfinite(v) for v in numbers) and min(*std, scale) > 0:
        fixed.update(mean=mean, std=std, scale=scale)
        why = QT_TRANSLATE_NOOP(
            "Engine",
            "The Input feeds the model as its NetCanvas export recorded: (pixels × scale − mean) / std.",
        )
    elif raw_pixels:
        fixed.update(scale=1.0)
        why = QT_TRANSLATE_NOOP(
            "Engine", "The model takes raw 0–255 pixels: the Input feeds them unscaled."
        )
    else:
        why = QT_TRANSLATE_NOOP(
            "Engine",
            "The file does not say how its images were normalised: the Input feeds pixels / 255 (0 to 1). If the model was trained otherwise, set the Input's scale, mean and std.",
        )
    return fixed, Message(why)


def unreadable(exc: Exception) -> Message:
    """Why a broken or hostile node could not be read (an index out of range, a shape that
    does not fit, a missing key): the library's own words, cut to one line."""
    return Message(
        QT_TRANSLATE_NOOP("Engine", "its values cannot be read ({error})"),
        error=str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__,
    )


def finish_output(
    file: str,
    layers: list[Layer],
    last: int,
    task: str | None,
    notes: list[Message],
    sequence: bool | None = None,
) -> None:
    """Make the network's last layer, a Dense one, its Output. A Softmax (or the Sigmoid of a
    single unit) after it is left out with a note: the Output gives logits and the loss
    applies it. ``task`` is kept when it is one NetCanvas knows (a NetCanvas export says it).
    ``sequence``: whether the Output scores every step of a sequence (where the importer knows
    its shape; else a recurrent layer returning sequences before it says so)."""
    ending = layers[last]
    if ending.type in ("Softmax", "Sigmoid") and len(layers) > 2 and last == len(layers) - 1:
        before = layers[ending.inputs[0]]
        if before.type == "Linear" and ending.inputs[0] == last - 1:
            layers.pop()
            last -= 1
            if ending.type == "Sigmoid" and before.params["units"] == 1:
                task = "binary"
            notes.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Engine",
                        "The model ended in {layer}; the imported Output gives the scores before it (the loss applies it).",
                    ),
                    layer=ending.type,
                )
            )
    final = layers[last]
    if last != len(layers) - 1 or final.type != "Linear":
        reason = Message(
            QT_TRANSLATE_NOOP(
                "Engine", "a NetCanvas network ends in a Dense layer (its Output), not in {layer}"
            ),
            layer=final.type,
        )
        raise refuse(file, [Problem(final.type, final.source, reason)])
    units = final.params["units"]
    feeding = layers[final.inputs[0]]
    # Scores at every step of a sequence: the task that predicts the next character.
    steps = sequence
    if steps is None:
        steps = feeding.type in ("LSTM", "GRU", "RNN") and feeding.params["return_sequences"]
    if task not in ("classification", "binary", "regression", "next_char"):
        task = "next_char" if steps else "regression" if units == 1 else "classification"
    if task == "next_char" and not steps:
        task = "classification"
    if "bias" not in final.weights:
        final.weights["bias"] = np.zeros(units, dtype=np.float32)
    final.type = "Output"
    final.params = {"task": task, "units": units}


def default_data(layers: list[Layer]) -> str:
    """A built-in dataset that fits the imported Input (the user can pick another)."""
    params = layers[0].params
    if params["kind"] == "image":
        shape = (params["channels"], params["height"], params["width"])
        return "digits-8x8" if shape == (1, 8, 8) else "mnist-5k"
    if params["kind"] == "tokens":
        return "python-docs"
    return {2: "moons", 13: "wine", 30: "breast-cancer"}.get(params["features"], "iris")


def build_project(
    file: str,
    name: str,
    layers: list[Layer],
    data: str | None,
    notes: list[Message],
    with_weights: bool = True,
) -> ImportResult:
    """The layers (Input first, Output last) as a project whose weights load into the built
    model exactly (``with_weights``); ModelImportError when the graph does not validate."""
    from engine.graph import Graph
    from engine.project import Project
    from engine.types import DataRef, GraphError, TrainSettings

    graph = Graph()
    ids: list[str] = []
    depth: list[int] = []
    rows: dict[int, int] = {}
    problems: list[Problem] = []
    with graph.batch():
        for layer in layers:
            d = max((depth[i] + 1 for i in layer.inputs), default=0)
            depth.append(d)
            row = rows.get(d, 0)
            rows[d] = row + 1
            node_name = layer.type.lower() if layer.type in ("Input", "Output") else None
            try:
                node = graph.add_node(
                    layer.type, layer.params, name=node_name, pos=(d * 170.0, row * 110.0)
                )
            except GraphError as exc:
                problems.append(
                    Problem(layer.type, layer.source, Message(exc.template, **exc.values))
                )
                ids.append("")
                continue
            ids.append(node.id)
            for port, src in enumerate(layer.inputs):
                if ids[src]:
                    graph.connect(ids[src], node.id, port)
    if problems:
        raise refuse(file, problems)
    analysis = graph.analysis
    if not analysis.valid:
        errors = [i for i in analysis.issues if i.severity == "error"]
        raise refuse(
            file,
            [
                Problem(
                    graph.nodes[i.node_id].type if i.node_id in graph.nodes else "",
                    graph.nodes[i.node_id].name if i.node_id in graph.nodes else "",
                    i.message,
                )
                for i in errors
            ],
        )
    source = data or default_data(layers)
    if not with_weights:  # a network read from code: its weights start fresh
        return ImportResult(Project(name, graph, DataRef(source), TrainSettings()), notes)
    import torch

    from engine.build import build_model

    model = build_model(graph)
    state = model.state_dict()
    for layer, node_id in zip(layers, ids, strict=True):
        node_name = graph.nodes[node_id].name
        for key, value in layer.weights.items():
            full = f"{node_name}.{key}"
            if full not in state or tuple(state[full].shape) != value.shape:
                raise refuse(
                    file,
                    [
                        Problem(
                            layer.type,
                            layer.source,
                            Message(
                                QT_TRANSLATE_NOOP(
                                    "Engine", "its weights {key} {shape} do not fit the layer"
                                ),
                                key=key,
                                shape=tuple(value.shape),
                            ),
                        )
                    ],
                )
            state[full] = torch.from_numpy(np.ascontiguousarray(value)).to(state[full].dtype)
    model.load_state_dict(state, strict=True)
    weights = {k: v.detach().clone() for k, v in model.state_dict().items()}
    project = Project(name, graph, DataRef(source), TrainSettings(), [], weights, None)
    return ImportResult(project, notes)
