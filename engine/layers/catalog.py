"""The layer library: every layer type with its parameters, explanations (en/zh) and formula.

Shape rules live in rules.py / rules_spatial.py; this module only describes and wires them.
"""

from __future__ import annotations

from typing import Any

from engine.layers import rules as r
from engine.layers import rules_spatial as rs
from engine.layers.spec import LayerSpec, ParamSpec, ShapeRule

CATEGORIES: list[tuple[str, str, str]] = [
    ("io", "Input/Output", "输入/输出"),
    ("core", "Core", "核心层"),
    ("conv", "Convolution", "卷积"),
    ("pool", "Pooling", "池化"),
    ("recurrent", "Recurrent", "循环层"),
    ("norm", "Normalisation & Regularisation", "归一化与正则化"),
    ("activation", "Activation", "激活函数"),
    ("merge", "Merge", "合并"),
]


def _int(
    name: str,
    default: int,
    lo: int,
    hi: int,
    en: str,
    zh: str,
    help_en: str = "",
    help_zh: str = "",
    show_if: tuple[str, tuple[Any, ...]] | None = None,
) -> ParamSpec:
    return ParamSpec(name, "int", default, lo, hi, (), en, zh, help_en, help_zh, show_if)


def _float(
    name: str,
    default: float,
    lo: float,
    hi: float,
    en: str,
    zh: str,
    help_en: str = "",
    help_zh: str = "",
) -> ParamSpec:
    return ParamSpec(name, "float", default, lo, hi, (), en, zh, help_en, help_zh)


def _bool(
    name: str, default: bool, en: str, zh: str, help_en: str = "", help_zh: str = ""
) -> ParamSpec:
    return ParamSpec(name, "bool", default, None, None, (), en, zh, help_en, help_zh)


_BIAS = _bool(
    "bias",
    True,
    "Bias",
    "偏置",
    "Add a learned offset to each output.",
    "为每个输出加上一个可学习的偏移量。",
)
_FILTERS = _int(
    "filters",
    32,
    1,
    4096,
    "Filters",
    "卷积核数量",
    "How many feature maps (output channels) to learn.",
    "要学习的特征图（输出通道）数量。",
)
_KERNEL = _int(
    "kernel_size",
    3,
    1,
    64,
    "Kernel size",
    "卷积核大小",
    "Width (and height) of the sliding window.",
    "滑动窗口的宽（和高）。",
)
_STRIDE = _int(
    "stride",
    1,
    1,
    64,
    "Stride",
    "步长",
    "How far the window moves each step.",
    "窗口每次移动的距离。",
)
_PADDING = ParamSpec(
    "padding",
    "str",
    "valid",
    None,
    None,
    ("valid", "same"),
    "Padding",
    "填充",
    "'valid' adds none, 'same' keeps the size (stride 1), or a number of zero pixels per side.",
    "'valid' 不填充，'same' 保持尺寸（步长为 1），或每边填充的零像素数。",
)
_DILATION = _int(
    "dilation",
    1,
    1,
    32,
    "Dilation",
    "膨胀",
    "Spacing between kernel taps.",
    "卷积核采样点之间的间隔。",
)
_GROUPS = _int(
    "groups",
    1,
    1,
    4096,
    "Groups",
    "分组",
    "Split channels into independent groups (must divide channels and filters).",
    "把通道分成独立的组（必须整除输入通道数和卷积核数量）。",
)
_P = _float(
    "p",
    0.5,
    0.0,
    0.95,
    "Drop probability",
    "丢弃概率",
    "Fraction of values set to zero during training only.",
    "仅在训练时被置零的比例。",
)


def _recurrent_params() -> list[ParamSpec]:
    return [
        _int(
            "hidden_size",
            128,
            1,
            4096,
            "Hidden size",
            "隐藏单元数",
            "Size of the memory vector at each step.",
            "每一步记忆向量的大小。",
        ),
        _int(
            "num_layers", 1, 1, 8, "Layers", "层数", "Stacked recurrent layers.", "堆叠的循环层数。"
        ),
        _bool(
            "bidirectional",
            False,
            "Bidirectional",
            "双向",
            "Also read the sequence backwards and join both.",
            "同时反向读取序列并拼接结果。",
        ),
        _bool(
            "return_sequences",
            True,
            "Return sequences",
            "返回整个序列",
            "On: one output per step (T×H). Off: only the last step (H).",
            "开：每一步一个输出（T×H）。关：只输出最后一步（H）。",
        ),
    ]


def _pool_params() -> list[ParamSpec]:
    return [
        _int(
            "pool_size",
            2,
            1,
            64,
            "Pool size",
            "池化窗口",
            "Window width and height.",
            "窗口的宽和高。",
        ),
        _int(
            "stride",
            0,
            0,
            64,
            "Stride",
            "步长",
            "0 means the same as the pool size.",
            "0 表示与池化窗口相同。",
        ),
        _int(
            "padding", 0, 0, 32, "Padding", "填充", "Pixels added on each side.", "每边添加的像素。"
        ),
    ]


_INPUT_PARAMS = [
    ParamSpec(
        "kind",
        "choice",
        "image",
        None,
        None,
        ("image", "vector", "tokens"),
        "Kind",
        "类型",
        "Image (C×H×W), feature vector (N) or token sequence (T).",
        "图像（C×H×W）、特征向量（N）或词元序列（T）。",
    ),
    _int(
        "channels",
        1,
        1,
        64,
        "Channels",
        "通道数",
        "1 for grey, 3 for colour.",
        "灰度为 1，彩色为 3。",
        show_if=("kind", ("image",)),
    ),
    _int("height", 28, 1, 4096, "Height", "高度", show_if=("kind", ("image",))),
    _int("width", 28, 1, 4096, "Width", "宽度", show_if=("kind", ("image",))),
    _int(
        "features",
        4,
        1,
        1_000_000,
        "Features",
        "特征数",
        "Numbers per sample.",
        "每个样本的数值个数。",
        show_if=("kind", ("vector",)),
    ),
    _int(
        "seq_len",
        64,
        1,
        100_000,
        "Sequence length",
        "序列长度",
        "Tokens per sample.",
        "每个样本的词元数。",
        show_if=("kind", ("tokens",)),
    ),
]

_OUTPUT_PARAMS = [
    ParamSpec(
        "task",
        "choice",
        "classification",
        None,
        None,
        ("classification", "binary", "regression", "next_char"),
        "Task",
        "任务",
        "What the network predicts; it decides the loss.",
        "网络预测什么；它决定损失函数。",
    ),
    _int(
        "units",
        10,
        1,
        1_000_000,
        "Units",
        "输出单元数",
        "Classes, 1 for binary, targets for regression, vocabulary size for next character.",
        "类别数；二分类为 1；回归为目标数；下一个字符预测为词表大小。",
    ),
    ParamSpec(
        "loss",
        "choice",
        "mse",
        None,
        None,
        ("mse", "l1"),
        "Loss",
        "损失函数",
        "Regression only: mean squared or mean absolute error.",
        "仅回归：均方误差或平均绝对误差。",
        show_if=("task", ("regression",)),
    ),
]


def _spec(
    type_: str,
    category: str,
    title_zh: str,
    explain_en: str,
    explain_zh: str,
    formula: str,
    params: list[ParamSpec],
    rule: ShapeRule,
    key_params: tuple[str, ...] = (),
    inputs: tuple[int, int | None] = (1, 1),
    title_en: str | None = None,
) -> LayerSpec:
    return LayerSpec(
        type_,
        category,
        title_en or type_,
        title_zh,
        explain_en,
        explain_zh,
        formula,
        params,
        inputs[0],
        inputs[1],
        key_params,
        rule,
    )


def _activation(
    type_: str,
    zh: str,
    en_text: str,
    zh_text: str,
    formula: str,
    params: list[ParamSpec] | None = None,
    rule: ShapeRule | None = None,
) -> LayerSpec:
    return _spec(
        type_,
        "activation",
        zh,
        en_text,
        zh_text,
        formula,
        params or [],
        rule or r.make_activation_rule(type_),
    )


_SPECS: list[LayerSpec] = [
    _spec(
        "Input",
        "io",
        "输入",
        "Where samples enter the network. Its shape comes from the dataset.",
        "样本进入网络的地方，形状来自数据集。",
        "x",
        _INPUT_PARAMS,
        r.rule_input,
        ("kind",),
        (0, 0),
    ),
    _spec(
        "Output",
        "io",
        "输出",
        "A final Dense layer that gives one score (logit) per class or target, and declares "
        "the task, which decides the loss.",
        "最后的全连接层，为每个类别或目标输出一个分数（logit），并声明任务以决定损失函数。",
        "y = W·x + b",
        _OUTPUT_PARAMS,
        r.rule_output,
        ("task", "units"),
    ),
    _spec(
        "Linear",
        "core",
        "全连接",
        "Every output is a weighted sum of all inputs plus a bias (Keras: Dense).",
        "每个输出都是所有输入的加权和再加偏置（Keras 中的 Dense）。",
        "y = W·x + b",
        [
            _int(
                "units", 128, 1, 1_000_000, "Units", "单元数", "Number of outputs.", "输出的个数。"
            ),
            _BIAS,
        ],
        r.rule_linear,
        ("units",),
        title_en="Linear (Dense)",
    ),
    _spec(
        "Flatten",
        "core",
        "展平",
        "Lays all values of a sample out in one long vector.",
        "把一个样本的所有数值排成一个长向量。",
        "C×H×W → C·H·W",
        [],
        r.rule_flatten,
    ),
    _spec(
        "Reshape",
        "core",
        "变形",
        "Rearranges the values of a sample into a new shape.",
        "把一个样本的数值重新排列成新的形状。",
        "prod(in) = prod(out)",
        [
            ParamSpec(
                "shape",
                "ints",
                (28, 28),
                -1,
                1_000_000,
                (),
                "Shape",
                "形状",
                "New per-sample shape; one -1 means 'the rest'.",
                "新的样本形状；一个 -1 表示“其余”。",
            )
        ],
        r.rule_reshape,
        ("shape",),
    ),
    _spec(
        "Embedding",
        "core",
        "嵌入",
        "Looks up a learned vector for each token id.",
        "为每个词元编号查找一个可学习的向量。",
        "e_t = E[x_t]",
        [
            _int(
                "vocab_size",
                64,
                1,
                10_000_000,
                "Vocabulary size",
                "词表大小",
                "How many different token ids exist.",
                "不同词元编号的个数。",
            ),
            _int(
                "embedding_dim",
                32,
                1,
                65_536,
                "Embedding size",
                "嵌入维度",
                "Length of each learned vector.",
                "每个学习向量的长度。",
            ),
        ],
        r.rule_embedding,
        ("embedding_dim",),
    ),
    _spec(
        "Conv1d",
        "conv",
        "一维卷积",
        "Slides small filters along a sequence (channels × length); each output is a dot "
        "product of a filter with a window.",
        "沿序列（通道×长度）滑动小卷积核；每个输出是卷积核与窗口的点积。",
        "y[f,t] = Σ w[f,c,k]·x[c,t·s+k] + b[f]",
        [_FILTERS, _KERNEL, _STRIDE, _PADDING, _DILATION, _GROUPS, _BIAS],
        rs.rule_conv("Conv1d", 1),
        ("filters", "kernel_size"),
    ),
    _spec(
        "Conv2d",
        "conv",
        "二维卷积",
        "Slides small filters over an image; each output is a dot product of a filter with a "
        "window, so it finds the same pattern anywhere.",
        "在图像上滑动小卷积核；每个输出是卷积核与窗口的点积，因此能在任何位置找到同一图案。",
        "y[f,i,j] = Σ w[f,c,u,v]·x[c,i·s+u,j·s+v] + b[f]",
        [_FILTERS, _KERNEL, _STRIDE, _PADDING, _DILATION, _GROUPS, _BIAS],
        rs.rule_conv("Conv2d", 2),
        ("filters", "kernel_size"),
    ),
    _spec(
        "ConvTranspose2d",
        "conv",
        "转置卷积",
        "Up-samples an image: each input pixel spreads a learned filter over a larger output.",
        "对图像上采样：每个输入像素把一个可学习的卷积核铺到更大的输出上。",
        "H_out = (H−1)·s − 2p + k + output_padding",
        [
            _FILTERS,
            _KERNEL,
            _int("stride", 2, 1, 64, "Stride", "步长"),
            _int("padding", 0, 0, 64, "Padding", "填充"),
            _int(
                "output_padding",
                0,
                0,
                63,
                "Output padding",
                "输出填充",
                "Extra rows/columns on one side (smaller than the stride).",
                "一侧额外的行/列（小于步长）。",
            ),
            _BIAS,
        ],
        rs.rule_conv_transpose2d,
        ("filters", "kernel_size"),
    ),
    _spec(
        "MaxPool2d",
        "pool",
        "最大池化",
        "Keeps the largest value of each window: down-sampling.",
        "保留每个窗口中的最大值：下采样。",
        "y[c,i,j] = max x[c, window]",
        _pool_params(),
        rs.rule_pool("MaxPool2d"),
        ("pool_size",),
    ),
    _spec(
        "AvgPool2d",
        "pool",
        "平均池化",
        "Averages each window: smooth down-sampling.",
        "对每个窗口求平均：平滑的下采样。",
        "y[c,i,j] = mean x[c, window]",
        _pool_params(),
        rs.rule_pool("AvgPool2d"),
        ("pool_size",),
    ),
    _spec(
        "GlobalAvgPool",
        "pool",
        "全局平均池化",
        "Averages each channel over the whole image: one number per channel.",
        "对每个通道在整幅图上求平均：每个通道一个数。",
        "y[c] = mean_{i,j} x[c,i,j]",
        [],
        rs.rule_global_avg_pool,
    ),
    _spec(
        "RNN",
        "recurrent",
        "循环神经网络",
        "Reads a sequence step by step, mixing each input with a memory of the past.",
        "逐步读取序列，把每个输入与过去的记忆混合。",
        "h_t = tanh(W·x_t + U·h_{t−1} + b)",
        _recurrent_params(),
        rs.rule_recurrent("RNN"),
        ("hidden_size",),
    ),
    _spec(
        "LSTM",
        "recurrent",
        "长短期记忆网络",
        "A recurrent layer with gates that decide what to remember and forget, so it keeps "
        "information over long sequences.",
        "带有门控的循环层，决定记住和遗忘什么，因此能在长序列中保留信息。",
        "c_t = f_t⊙c_{t−1} + i_t⊙g_t;  h_t = o_t⊙tanh(c_t)",
        _recurrent_params(),
        rs.rule_recurrent("LSTM"),
        ("hidden_size",),
    ),
    _spec(
        "GRU",
        "recurrent",
        "门控循环单元",
        "A lighter gated recurrent layer (two gates).",
        "更轻量的门控循环层（两个门）。",
        "h_t = (1−z_t)⊙n_t + z_t⊙h_{t−1}",
        _recurrent_params(),
        rs.rule_recurrent("GRU"),
        ("hidden_size",),
    ),
    _spec(
        "Dropout",
        "norm",
        "随机失活",
        "During training, sets random values to zero so the network cannot rely on any one; "
        "a remedy for overfitting.",
        "训练时随机把一些值置零，使网络不能依赖任何一个；这是缓解过拟合的方法。",
        "y = m⊙x / (1−p),  m ~ Bernoulli(1−p)",
        [_P],
        r.rule_dropout,
        ("p",),
    ),
    _spec(
        "Dropout2d",
        "norm",
        "通道随机失活",
        "Drops whole feature maps at random during training.",
        "训练时随机丢弃整个特征图。",
        "y[c] = m_c·x[c] / (1−p)",
        [_P],
        r.rule_dropout2d,
        ("p",),
    ),
    _spec(
        "BatchNorm1d",
        "norm",
        "一维批归一化",
        "Normalises each feature over the batch, then scales and shifts it.",
        "在批内对每个特征做归一化，再缩放和平移。",
        "y = γ·(x−μ_B)/σ_B + β",
        [],
        r.rule_batchnorm1d,
    ),
    _spec(
        "BatchNorm2d",
        "norm",
        "二维批归一化",
        "Normalises each channel over the batch and positions, then scales and shifts it.",
        "在批和位置上对每个通道做归一化，再缩放和平移。",
        "y = γ·(x−μ_B)/σ_B + β",
        [],
        r.rule_batchnorm2d,
    ),
    _spec(
        "LayerNorm",
        "norm",
        "层归一化",
        "Normalises the last axis of each sample, then scales and shifts it.",
        "对每个样本的最后一个维度做归一化，再缩放和平移。",
        "y = γ·(x−μ)/σ + β",
        [],
        r.rule_layernorm,
    ),
    _activation(
        "ReLU",
        "ReLU",
        "Keeps positive values and zeroes negative ones.",
        "保留正值，负值变为零。",
        "max(0, x)",
    ),
    _activation(
        "LeakyReLU",
        "LeakyReLU",
        "Like ReLU but lets a small slope through for negatives.",
        "类似 ReLU，但负值保留一个小斜率。",
        "max(αx, x)",
        [_float("negative_slope", 0.01, 0.0, 1.0, "Negative slope", "负斜率")],
    ),
    _activation(
        "ELU",
        "ELU",
        "Smooth for negatives, tending to −α.",
        "负值部分平滑，趋近 −α。",
        "x if x>0 else α(eˣ−1)",
        [_float("alpha", 1.0, 0.0, 10.0, "Alpha", "α")],
    ),
    _activation(
        "GELU",
        "GELU",
        "A smooth ReLU used by transformers.",
        "Transformer 使用的平滑 ReLU。",
        "x·Φ(x)",
    ),
    _activation(
        "SiLU",
        "SiLU",
        "x times its sigmoid (also called Swish).",
        "x 乘以它的 sigmoid（也叫 Swish）。",
        "x·σ(x)",
    ),
    _activation(
        "Sigmoid",
        "Sigmoid",
        "Squashes any value into (0, 1).",
        "把任意值压缩到 (0, 1)。",
        "σ(x) = 1/(1+e⁻ˣ)",
    ),
    _activation(
        "Tanh",
        "双曲正切",
        "Squashes any value into (−1, 1).",
        "把任意值压缩到 (−1, 1)。",
        "tanh(x)",
    ),
    _activation(
        "Softmax",
        "Softmax",
        "Turns scores into probabilities that sum to 1 (the Output already gives logits; "
        "the loss applies softmax itself).",
        "把分数变成和为 1 的概率（输出层给出 logits，损失函数自己会做 softmax）。",
        "eˣⁱ / Σ eˣʲ",
        rule=r.rule_softmax,
    ),
    _spec(
        "Add",
        "merge",
        "相加",
        "Adds same-shaped inputs element by element: the skip connection of residual networks.",
        "逐元素相加形状相同的输入：残差网络中的跳跃连接。",
        "y = x₁ + x₂ + …",
        [],
        r.rule_add,
        inputs=(2, None),
    ),
    _spec(
        "Concatenate",
        "merge",
        "拼接",
        "Joins inputs along one axis.",
        "沿一个维度拼接输入。",
        "[x₁, x₂, …]",
        [
            _int(
                "axis",
                0,
                -8,
                7,
                "Axis",
                "维度",
                "Per-sample axis to join along (0: channels).",
                "沿哪个样本维度拼接（0：通道）。",
            )
        ],
        r.rule_concatenate,
        ("axis",),
        inputs=(2, None),
    ),
]

LAYERS: dict[str, LayerSpec] = {spec.type: spec for spec in _SPECS}
