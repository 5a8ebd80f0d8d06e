"""A pre-norm Transformer block in an ONNX graph, read back as one NetCanvas TransformerBlock.

An exported block is some hundred nodes (LayerNormalization, the q·k products, a Trilu/Where
causal mask, Softmax, Erf for GELU, the reshapes between heads): no node maps to a layer on its
own. So the block is found by its shape instead — ``x + f(LN(x))``, then ``+ g(LN(·))`` — and
its weights by theirs (the fused or separate q/k/v projections, the output projection, the
MLP's two layers, the two LayerNorms). What is not in the weights (the number of heads, the
causal mask, which product is the query) is settled by computing: every candidate
TransformerBlock is run beside onnxruntime on the file's own nodes for the block, and one that
gives the same numbers (≤ 1e-4) is taken. A block that computes anything else is left to the
ordinary walk, which names the nodes it cannot map.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

MATCH_TOLERANCE = 1e-4
# Bounds on the work a hostile file can ask for: LayerNorm pairs tried as blocks, and the
# sequence length the candidates are run at.
MAX_BLOCKS = 64
MAX_STEPS = 4096


class _Static:
    """The constant value of a name, where the file states it (initializers, Constant nodes and
    Identity/Cast of those), without running the walk."""

    def __init__(self, graph: Any, producer: dict[str, Any]) -> None:
        from onnx import numpy_helper

        self._inits = {i.name: i for i in graph.initializer}
        self._producer = producer
        self._to_array = numpy_helper.to_array

    def __call__(self, name: str) -> np.ndarray | None:
        for _ in range(8):  # an alias chain is short
            if name in self._inits:
                return np.asarray(self._to_array(self._inits[name]))
            node = self._producer.get(name)
            if node is None:
                return None
            if node.op_type == "Constant":
                for attr in node.attribute:
                    if attr.name == "value":
                        return np.asarray(self._to_array(attr.t))
                return None
            if node.op_type not in ("Identity", "Cast") or not node.input:
                return None
            name = node.input[0]
        return None


def find_blocks(nodes: list[Any], model: Any, steps: int) -> list[tuple[Any, dict[str, Any]]]:
    """The pre-norm blocks among ``nodes`` (in order), each as (the LayerNorm that opens it,
    {"x", "out", "nodes", "params", "state"}): its input and output names, the nodes that
    compute it (which the walk then skips), its TransformerBlock params and state_dict."""
    graph = model.graph
    producer = {o: n for n in nodes for o in n.output if o}
    users: dict[str, list[Any]] = {}
    for n in nodes:
        for name in n.input:
            users.setdefault(name, []).append(n)
    static = _Static(graph, producer)
    graph_inputs = {i.name for i in graph.input} - {i.name for i in graph.initializer}
    norms = [n for n in nodes if n.op_type == "LayerNormalization"]
    if not 1 <= steps <= MAX_STEPS:
        return []
    found: list[tuple[Any, dict[str, Any]]] = []
    taken: set[int] = set()
    for norm in norms[: 2 * MAX_BLOCKS]:  # two LayerNorms a block
        if id(norm) in taken:
            continue
        block = _block(norm, nodes, producer, users, static, graph_inputs)
        identified = identify(model, block, steps) if block is not None else None
        if block is None or identified is None:
            continue
        block["params"], block["state"] = identified
        found.append((norm, block))
        taken.update(id(n) for n in block["nodes"])
    return found


def _block(
    norm: Any,
    nodes: list[Any],
    producer: dict[str, Any],
    users: dict[str, list[Any]],
    static: _Static,
    graph_inputs: set[str],
) -> dict[str, Any] | None:
    """The block that LayerNormalization ``norm`` opens ({"x", "out", "nodes", "weights"}), or
    None when it does not open one."""
    x = norm.input[0]
    after_norm = _downstream(norm, users)

    def residual(source: str, branch: set[int]) -> Any:
        return next(
            (
                n
                for n in users.get(source, [])
                if n.op_type == "Add"
                and len(n.input) == 2
                and any(i != source and id(producer.get(i)) in branch for i in n.input)
            ),
            None,
        )

    first = residual(x, after_norm)
    if first is None:
        return None
    mid = first.output[0]
    norm2 = next((n for n in users.get(mid, []) if n.op_type == "LayerNormalization"), None)
    if norm2 is None:
        return None
    second = residual(mid, _downstream(norm2, users))
    if second is None:
        return None
    out = second.output[0]
    inside = _upstream(out, producer, x, graph_inputs)
    if inside is None:
        return None
    # The nodes that compute from x (constants stay in the walk: they may be shared).
    computing = [n for n in nodes if id(n) in inside and _depends_on(n, x, producer, inside)]
    ids = {id(n) for n in computing}
    for n in computing:
        for o in n.output:
            if o != out and any(id(u) not in ids for u in users.get(o, [])):
                return None  # a value of the block is used outside it
    weights = _weights(computing, norm, norm2, static, users)
    if weights is None:
        return None
    return {"x": x, "out": out, "nodes": computing, "weights": weights}


def _downstream(node: Any, users: dict[str, list[Any]]) -> set[int]:
    seen: set[int] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        for o in n.output:
            stack.extend(users.get(o, []))
    return seen


def _upstream(
    out: str, producer: dict[str, Any], stop: str, graph_inputs: set[str]
) -> set[int] | None:
    """The nodes ``out`` is computed by, back to ``stop``; None if it also reads another input
    of the graph other than through its Shape (a mask built from the sequence length may be)."""
    seen: set[int] = set()
    stack = [out]
    while stack:
        name = stack.pop()
        if name == stop or not name:
            continue
        if name in graph_inputs:
            return None
        node = producer.get(name)
        if node is None or id(node) in seen:
            continue  # an initializer, or seen
        seen.add(id(node))
        if node.op_type != "Shape" or node.input[0] not in graph_inputs:
            stack.extend(node.input)
    return seen


def _depends_on(node: Any, x: str, producer: dict[str, Any], inside: set[int]) -> bool:
    stack, seen = list(node.input), set()
    while stack:
        name = stack.pop()
        if name == x:
            return True
        src = producer.get(name)
        if src is None or id(src) in seen or id(src) not in inside:
            continue
        seen.add(id(src))
        stack.extend(src.input)
    return False


def _weights(
    computing: list[Any], norm: Any, norm2: Any, static: _Static, users: dict[str, list[Any]]
) -> dict[str, Any] | None:
    """The block's weights in torch's layout (Linear: out × in), or None when they are not
    the projections of one attention and one two-layer MLP."""

    def norm_weights(n: Any) -> tuple[np.ndarray, np.ndarray] | None:
        scale = static(n.input[1]) if len(n.input) > 1 else None
        if scale is None or scale.ndim != 1:
            return None
        shift = static(n.input[2]) if len(n.input) > 2 and n.input[2] else np.zeros_like(scale)
        return (scale, shift) if shift is not None and shift.shape == scale.shape else None

    def eps_ok(n: Any) -> bool:
        from onnx import helper

        attrs = {a.name: helper.get_attribute_value(a) for a in n.attribute}
        return int(attrs.get("axis", -1)) == -1 and abs(attrs.get("epsilon", 1e-5) - 1e-5) < 1e-9

    n1, n2 = norm_weights(norm), norm_weights(norm2)
    if n1 is None or n2 is None or not (eps_ok(norm) and eps_ok(norm2)):
        return None
    linears: list[tuple[np.ndarray, np.ndarray | None]] = []
    for n in computing:
        if n.op_type not in ("MatMul", "Gemm") or len(n.input) < 2:
            continue
        b = static(n.input[1])
        if b is None:
            continue  # q·kᵀ and weights·v: products of two tensors
        if b.ndim != 2:
            return None
        if n.op_type == "Gemm":
            from onnx import helper

            attrs = {a.name: helper.get_attribute_value(a) for a in n.attribute}
            if attrs.get("transA", 0) or attrs.get("alpha", 1.0) != 1.0:
                return None
            weight = b if attrs.get("transB", 0) else b.T
            c = static(n.input[2]) if len(n.input) > 2 and n.input[2] else None
            linears.append((weight, None if c is None else c.reshape(-1)))
            continue
        bias = None
        for user in users.get(n.output[0], []):
            if user.op_type == "Add":
                other = [i for i in user.input if i != n.output[0]]
                value = static(other[0]) if other else None
                if value is not None and value.size == b.shape[1]:
                    bias = value.reshape(-1)
        linears.append((b.T, bias))
    dim = n1[0].shape[0]
    shapes = [w.shape for w, _ in linears]
    if len(linears) == 4 and shapes[0] == (3 * dim, dim):
        qkv = [linears[0]]
    elif len(linears) == 6 and shapes[:3] == [(dim, dim)] * 3:
        qkv = linears[:3]
    else:
        return None
    proj, fc1, fc2 = linears[len(qkv) :]
    hidden = fc1[0].shape[0]
    if proj[0].shape != (dim, dim) or fc1[0].shape[1] != dim or fc2[0].shape != (dim, hidden):
        return None
    if hidden % dim or not 1 <= hidden // dim <= 16:
        return None
    return {"dim": dim, "hidden": hidden, "norms": (n1, n2), "qkv": qkv, "rest": (proj, fc1, fc2)}


def _state(weights: dict[str, Any], order: tuple[int, ...]) -> dict[str, np.ndarray]:
    """A TransformerBlock's state_dict for the q/k/v projections taken in ``order``."""
    (s1, b1), (s2, b2) = weights["norms"]
    dim = weights["dim"]

    def bias(pair: tuple[np.ndarray, np.ndarray | None], units: int) -> np.ndarray:
        return np.zeros(units, np.float32) if pair[1] is None else pair[1]

    qkv = weights["qkv"]
    if len(qkv) == 1:
        w_qkv, b_qkv = qkv[0][0], bias(qkv[0], 3 * dim)
    else:
        picked = [qkv[i] for i in order]
        w_qkv = np.concatenate([w for w, _ in picked])
        b_qkv = np.concatenate([bias(p, dim) for p in picked])
    proj, fc1, fc2 = weights["rest"]
    state = {
        "norm1.weight": s1,
        "norm1.bias": b1,
        "attention.qkv.weight": w_qkv,
        "attention.qkv.bias": b_qkv,
        "attention.proj.weight": proj[0],
        "attention.proj.bias": bias(proj, dim),
        "norm2.weight": s2,
        "norm2.bias": b2,
        "mlp.0.weight": fc1[0],
        "mlp.0.bias": bias(fc1, weights["hidden"]),
        "mlp.2.weight": fc2[0],
        "mlp.2.bias": bias(fc2, dim),
    }
    return {k: np.array(v, dtype=np.float32) for k, v in state.items()}


def identify(
    model: Any, block: dict[str, Any], steps: int
) -> tuple[dict[str, Any], dict[str, np.ndarray]] | None:
    """The TransformerBlock params and state_dict that compute what the file's nodes for
    ``block`` compute (run by onnxruntime on random sequences of ``steps`` positions)."""
    import onnxruntime as ort
    import torch
    from onnx import TensorProto, helper

    from engine.layers.modules import TransformerBlock

    weights = block["weights"]
    dim, hidden = weights["dim"], weights["hidden"]
    nodes = _with_constants(model, block)
    read = {i for n in nodes for i in n.input}
    # The graph's own inputs that the block reads the shape of get dummies of that shape.
    shaped = [i for i in model.graph.input if i.name in read and i.name != block["x"]]
    graph = helper.make_graph(
        nodes,
        "block",
        [
            helper.make_tensor_value_info(block["x"], TensorProto.FLOAT, [2, steps, dim]),
            *(
                helper.make_tensor_value_info(i.name, i.type.tensor_type.elem_type, [2, steps])
                for i in shaped
            ),
        ],
        [helper.make_tensor_value_info(block["out"], TensorProto.FLOAT, None)],
        initializer=[i for i in model.graph.initializer if i.name in read],
    )
    sub = helper.make_model(graph, opset_imports=model.opset_import, ir_version=model.ir_version)
    try:
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        session = ort.InferenceSession(
            sub.SerializeToString(), options, providers=["CPUExecutionProvider"]
        )
        x = np.random.default_rng(0).standard_normal((2, steps, dim)).astype(np.float32)
        feed = {block["x"]: x}
        for i in shaped:
            dtype = helper.tensor_dtype_to_np_dtype(i.type.tensor_type.elem_type)
            feed[i.name] = np.zeros((2, steps), dtype=dtype)
        expected = session.run(None, feed)[0]
    except Exception:  # the nodes do not run on their own: not a block we can take
        return None
    orders = list(itertools.permutations(range(3))) if len(weights["qkv"]) == 3 else [(0, 1, 2)]
    for heads in (h for h in range(1, dim + 1) if dim % h == 0):
        for causal, order in itertools.product((True, False), orders):
            module = TransformerBlock(dim, heads, hidden, causal).eval()
            state = _state(weights, order)
            module.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()})
            with torch.no_grad():
                got = module(torch.from_numpy(x)).numpy()
            if got.shape == expected.shape and np.abs(got - expected).max() <= MATCH_TOLERANCE:
                params = {
                    "heads": heads,
                    "causal": causal,
                    "dropout": 0.0,
                    "mlp_ratio": hidden // dim,
                }
                return params, state
    return None


def _with_constants(model: Any, block: dict[str, Any]) -> list[Any]:
    """The block's nodes and every node before them that only makes constants for them."""
    producer = {o: n for n in model.graph.node for o in n.output if o}
    keep: dict[int, Any] = {id(n): n for n in block["nodes"]}
    stack = [i for n in block["nodes"] for i in n.input]
    while stack:
        name = stack.pop()
        src = None if name == block["x"] else producer.get(name)
        if src is None or id(src) in keep:
            continue
        keep[id(src)] = src
        stack.extend(src.input)
    return [n for n in model.graph.node if id(n) in keep]
