"""The network as code, both ways a course meets it: Keras (``keras.Sequential([...])``, or the
functional API when layers branch) and PyTorch (``nn.Sequential(...)``, or a ``Net`` class),
each with the loss, the optimiser and the training call that match the project's settings.

View ▸ Show as Code shows these; Edit ▸ Paste as Network reads the Sequential forms back
(``engine.importers.code_import``), so a chain of library layers survives the round trip.
The two differ where the frameworks do, and the code says so in comments: Keras is
channels-last (an image is H×W×C), and NetCanvas's Output gives logits, which Keras states as
``from_logits=True`` and PyTorch's ``nn.CrossEntropyLoss`` assumes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.build import loss_name, plan

if TYPE_CHECKING:
    from engine.graph import Node
    from engine.project import Project

# Keras has no single layer for these: the code names them in a comment instead.
_NO_KERAS_LAYER = {
    "PositionalEmbedding": "keras_hub.layers.PositionEmbedding comes closest",
    "MultiHeadSelfAttention": "layers.MultiHeadAttention(heads, key_dim)(x, x) in the functional API",
    "TransformerBlock": "keras_hub.layers.TransformerDecoder comes closest",
}
_MISSING = "has no one-line Keras layer"
_ACTIVATIONS = {"GELU": "gelu", "SiLU": "silu", "Sigmoid": "sigmoid", "Tanh": "tanh"}
_OPTIMIZERS = {  # the settings' names -> the class, named alike in keras.optimizers and torch.optim
    "adam": "Adam",
    "adamw": "AdamW",
    "sgd": "SGD",
    "rmsprop": "RMSprop",
    "adagrad": "Adagrad",
}
_KERAS_LOSSES = {
    "cross_entropy": "keras.losses.SparseCategoricalCrossentropy(from_logits=True)",
    "bce_logits": "keras.losses.BinaryCrossentropy(from_logits=True)",
    "mse": '"mse"',
    "l1": '"mae"',
}
_TORCH_LOSSES = {
    "cross_entropy": "nn.CrossEntropyLoss()",
    "bce_logits": "nn.BCEWithLogitsLoss()",
    "mse": "nn.MSELoss()",
    "l1": "nn.L1Loss()",
}
_LOGIT_LOSSES = ("cross_entropy", "bce_logits")
_KERAS_LOGITS = "the last Dense gives logits: from_logits=True puts the softmax in the loss"
_LOSS_NOTES = {
    "cross_entropy": "on logits: softmax and cross-entropy in one (Keras: from_logits=True)",
    "bce_logits": "on one logit: sigmoid and binary cross-entropy in one",
    "mse": "mean squared error",
    "l1": "mean absolute error",
}


def _pair(value: Any) -> str:
    """A kernel or pool size as Keras writes it: (3, 3) for 3."""
    if isinstance(value, list | tuple):
        return repr(tuple(int(v) for v in value))
    return f"({int(value)}, {int(value)})"


def _keras_input(node: Node) -> str:
    p = node.params
    if p["kind"] == "image":  # channels last
        return f"keras.Input(shape=({p['height']}, {p['width']}, {p['channels']}))"
    if p["kind"] == "tokens":
        return f'keras.Input(shape=({p["seq_len"]},), dtype="int32")'
    return f"keras.Input(shape=({p['features']},))"


def _padding(p: dict[str, Any], args: list[str], kind: str) -> list[str]:
    """PyTorch's padding in Keras: 'valid' or 'same' as an argument (added to ``args``), a
    number of zero pixels as a ZeroPadding layer to put in front (returned)."""
    padding = p.get("padding", "valid")
    if padding in ("valid", "same"):
        if padding == "same":
            args.append('padding="same"')
        return []
    return [f"layers.ZeroPadding{kind}({int(padding)})"] if int(padding) else []


def _keras_layers(node: Node, in_rank: int) -> list[str]:
    """The Keras layer(s) for one node (without their input), or a comment. ``in_rank``: the
    per-sample rank of its (first) input."""
    t, p = node.type, node.params
    if t == "SwapAxes":  # NetCanvas' Conv1d reads channels × steps, Keras' Conv1D steps × channels
        return [
            f"# {node.name}: Keras keeps a sequence steps × channels, as its Conv1D reads it",
            "layers.Identity()",
        ]
    if t in ("GlobalAvgPool", "GlobalMaxPool"):
        kind = "Average" if t == "GlobalAvgPool" else "Max"
        return [f"layers.Global{kind}Pooling{'1D' if in_rank == 2 else '2D'}()"]
    if t in ("Conv2d", "Conv1d"):
        kind = "2D" if t == "Conv2d" else "1D"
        size = _pair(p["kernel_size"]) if kind == "2D" else f"{int(p['kernel_size'])}"
        args = [str(p["filters"]), size]
        args += [f"strides={p['stride']}"] if p["stride"] != 1 else []
        front = _padding(p, args, kind)
        args += [f"dilation_rate={p['dilation']}"] if p["dilation"] != 1 else []
        args += [f"groups={p['groups']}"] if p["groups"] != 1 else []
        args += ["use_bias=False"] if not p["bias"] else []
        return [*front, f"layers.Conv{kind}({', '.join(args)})"]
    if t == "ConvTranspose2d":
        args = [str(p["filters"]), _pair(p["kernel_size"]), f"strides={p['stride']}"]
        args += [f"output_padding={p['output_padding']}"] if p["output_padding"] else []
        args += ["use_bias=False"] if not p["bias"] else []
        crop = [f"layers.Cropping2D({int(p['padding'])})"] if p["padding"] else []
        return [f"layers.Conv2DTranspose({', '.join(args)})", *crop]
    if t in ("MaxPool2d", "AvgPool2d"):
        name = "MaxPooling2D" if t == "MaxPool2d" else "AveragePooling2D"
        args = [_pair(p["pool_size"])]
        args += [f"strides={p['stride']}"] if p["stride"] else []
        front = _padding(p, args, "2D")
        return [*front, f"layers.{name}({', '.join(args)})"]
    if t in ("RNN", "LSTM", "GRU"):
        cls = {"RNN": "SimpleRNN", "LSTM": "LSTM", "GRU": "GRU"}[t]
        out = []
        for i in range(int(p["num_layers"])):
            last = i == int(p["num_layers"]) - 1
            sequences = bool(p["return_sequences"]) or not last
            layer = (
                f"layers.{cls}({p['hidden_size']}{', return_sequences=True' if sequences else ''})"
            )
            out.append(f"layers.Bidirectional({layer})" if p["bidirectional"] else layer)
        if t != "GRU":  # Keras's GRU (reset_after) has PyTorch's two bias vectors
            out.append(f"# PyTorch's {t} adds a second bias per gate: Keras's has fewer parameters")
        return out
    simple = {
        "Flatten": "layers.Flatten()",
        "ReLU": "layers.ReLU()",
        "Softmax": "layers.Softmax()",
        "BatchNorm1d": "layers.BatchNormalization()",
        "BatchNorm2d": "layers.BatchNormalization()",
        "LayerNorm": "layers.LayerNormalization()",
        "Add": "layers.Add()",
        "Concatenate": "layers.Concatenate()",  # the channels, last in Keras
    }
    if t in simple:
        return [simple[t]]
    if t in _ACTIVATIONS:
        return [f'layers.Activation("{_ACTIVATIONS[t]}")']
    if t == "Linear":
        return [f"layers.Dense({p['units']}{'' if p['bias'] else ', use_bias=False'})"]
    if t == "Output":
        units = 1 if p["task"] == "binary" else p["units"]
        return [f"layers.Dense({units})"]
    if t == "Dropout":
        return [f"layers.Dropout({p['p']})"]
    if t == "Dropout2d":
        return [f"layers.SpatialDropout2D({p['p']})"]
    if t == "LeakyReLU":
        return [f"layers.LeakyReLU(negative_slope={p['negative_slope']})"]
    if t == "ELU":
        return [f"layers.ELU(alpha={p['alpha']})"]
    if t == "Embedding":
        return [f"layers.Embedding({p['vocab_size']}, {p['embedding_dim']})"]
    if t == "Reshape":
        return [f"layers.Reshape({tuple(p['shape'])!r})"]
    hint = _NO_KERAS_LAYER.get(t, "write it as a custom layer")
    return [f"# {node.name}: {t} {_MISSING} ({hint})"]


def _is_chain(steps: list[tuple[str, Any, list[str]]]) -> bool:
    """Each layer reads the one before it: what Sequential can say."""
    return all(srcs == [steps[i - 1][0]] for i, (_, _, srcs) in enumerate(steps) if i > 0)


def _training_lines(project: Project, framework: str) -> list[str]:
    s, loss = project.settings, loss_name(project.graph)
    if framework == "keras":
        optimizer = _OPTIMIZERS.get(s.optimizer, "Adam")
        metrics = ', metrics=["accuracy"]' if loss in _LOGIT_LOSSES else ""
        return [
            "model.compile(",
            f"    optimizer=keras.optimizers.{optimizer}(learning_rate={s.lr:g}),",
            f"    loss={_KERAS_LOSSES[loss]},  # {_KERAS_LOGITS if loss in _LOGIT_LOSSES else _LOSS_NOTES[loss]}",
            f"   {metrics[1:]}," if metrics else "",
            ")",
            f"model.fit(x_train, y_train, batch_size={s.batch_size}, epochs={s.epochs}, "
            "validation_data=(x_val, y_val))",
        ]
    optimizer = _OPTIMIZERS.get(s.optimizer, "Adam")
    return [
        f"loss_fn = {_TORCH_LOSSES[loss]}  # {_LOSS_NOTES[loss]}",
        f"optimizer = torch.optim.{optimizer}(model.parameters(), lr={s.lr:g})",
        f"for epoch in range({s.epochs}):",
        f"    for x, y in train_batches:  # shuffled batches of {s.batch_size}",
        "        optimizer.zero_grad()",
        "        loss = loss_fn(model(x), y)",
        "        loss.backward()",
        "        optimizer.step()",
    ]


def keras_code(project: Project) -> str:
    """The network in Keras 3 (any backend), with ``compile`` and ``fit``. GraphError when
    the network is not valid."""
    graph = project.graph
    steps = plan(graph)
    nodes = {name: graph.node_by_name(name) for name, _, _ in steps}
    head = [
        "import keras",
        "from keras import layers",
        "",
        "# Keras is channels-last: an image is height × width × channels.",
    ]
    lines: list[str] = []

    def in_rank(srcs: list[str]) -> int:
        source = nodes.get(srcs[0]) if srcs else None
        info = graph.analysis.nodes.get(source.id) if source is not None else None
        return len(info.output_shape or ()) if info is not None else 0

    if _is_chain(steps):
        lines.append("model = keras.Sequential([")
        for name, _, srcs in steps:
            node = nodes[name]
            assert node is not None
            made = (
                [_keras_input(node)] if node.type == "Input" else _keras_layers(node, in_rank(srcs))
            )
            lines += [f"    {line}" if line.startswith("#") else f"    {line}," for line in made]
        lines.append("])")
    else:

        def variable(layer: str) -> str:
            return "inputs" if layer == "input" else layer  # never shadow Python's input()

        for name, _, srcs in steps:
            node = nodes[name]
            assert node is not None
            if node.type == "Input":
                lines.append(f"{variable(name)} = {_keras_input(node)}")
                continue
            value = ", ".join(variable(src) for src in srcs)
            value = value if len(srcs) == 1 else f"[{value}]"
            for layer in _keras_layers(node, in_rank(srcs)):
                if _MISSING in layer:
                    lines += [layer, f"{variable(name)} = {value}  # (left out above)"]
                elif layer.startswith("#"):
                    lines.append(layer)
                    continue
                else:
                    lines.append(f"{variable(name)} = {layer}({value})")
                value = variable(name)
        first = next(name for name, spec, _ in steps if spec is None)
        lines.append(f"model = keras.Model({variable(first)}, {variable(steps[-1][0])})")
    return (
        "\n".join(
            [*head, *lines, "", *[line for line in _training_lines(project, "keras") if line]]
        )
        + "\n"
    )


def pytorch_code(project: Project) -> str:
    """The network in PyTorch: ``nn.Sequential`` for a chain of torch's own layers, else the
    ``Net`` class of the exported script; then the loss, the optimiser and the loop."""
    from engine.codegen import model_source, module_source

    steps = plan(project.graph)
    head = ["import torch", "from torch import nn", ""]
    specs = [spec for _, spec, _ in steps if spec is not None]
    if _is_chain(steps) and all(spec.cls.startswith("nn.") for spec in specs):
        body = ["model = nn.Sequential("]
        body += [f"    {module_source(spec)},  # {name}" for name, spec, _ in steps if spec]
        body.append(")")
    else:
        body = [model_source(project).rstrip(), "", "", "model = Net()"]
    return "\n".join([*head, *body, "", *_training_lines(project, "torch")]) + "\n"
