"""Parameter specs shared by the layer catalog: common conv/pool/recurrent parameters and the
Input/Output parameters, with bilingual labels and help."""

from __future__ import annotations

from typing import Any

from engine.layers.spec import ParamSpec


def int_param(
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


def float_param(
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


def bool_param(
    name: str, default: bool, en: str, zh: str, help_en: str = "", help_zh: str = ""
) -> ParamSpec:
    return ParamSpec(name, "bool", default, None, None, (), en, zh, help_en, help_zh)


BIAS = bool_param(
    "bias",
    True,
    "Bias",
    "偏置",
    "Add a learned offset to each output.",
    "为每个输出加上一个可学习的偏移量。",
)
FILTERS = int_param(
    "filters",
    32,
    1,
    4096,
    "Filters",
    "卷积核数量",
    "How many feature maps (output channels) to learn.",
    "要学习的特征图（输出通道）数量。",
)
KERNEL = int_param(
    "kernel_size",
    3,
    1,
    64,
    "Kernel size",
    "卷积核大小",
    "Width (and height) of the sliding window.",
    "滑动窗口的宽（和高）。",
)
STRIDE = int_param(
    "stride",
    1,
    1,
    64,
    "Stride",
    "步长",
    "How far the window moves each step.",
    "窗口每次移动的距离。",
)
PADDING = ParamSpec(
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
DILATION = int_param(
    "dilation",
    1,
    1,
    32,
    "Dilation",
    "膨胀",
    "Spacing between kernel taps.",
    "卷积核采样点之间的间隔。",
)
GROUPS = int_param(
    "groups",
    1,
    1,
    4096,
    "Groups",
    "分组",
    "Split channels into independent groups (must divide channels and filters).",
    "把通道分成独立的组（必须整除输入通道数和卷积核数量）。",
)
DROP_P = float_param(
    "p",
    0.5,
    0.0,
    0.95,
    "Drop probability",
    "丢弃概率",
    "Fraction of values set to zero during training only.",
    "仅在训练时被置零的比例。",
)


def recurrent_params() -> list[ParamSpec]:
    return [
        int_param(
            "hidden_size",
            128,
            1,
            4096,
            "Hidden size",
            "隐藏单元数",
            "Size of the memory vector at each step.",
            "每一步记忆向量的大小。",
        ),
        int_param(
            "num_layers", 1, 1, 8, "Layers", "层数", "Stacked recurrent layers.", "堆叠的循环层数。"
        ),
        bool_param(
            "bidirectional",
            False,
            "Bidirectional",
            "双向",
            "Also read the sequence backwards and join both.",
            "同时反向读取序列并拼接结果。",
        ),
        bool_param(
            "return_sequences",
            True,
            "Return sequences",
            "返回整个序列",
            "On: one output per step (T×H). Off: only the last step (H).",
            "开：每一步一个输出（T×H）。关：只输出最后一步（H）。",
        ),
    ]


def pool_params() -> list[ParamSpec]:
    return [
        int_param(
            "pool_size",
            2,
            1,
            64,
            "Pool size",
            "池化窗口",
            "Window width and height.",
            "窗口的宽和高。",
        ),
        int_param(
            "stride",
            0,
            0,
            64,
            "Stride",
            "步长",
            "0 means the same as the pool size.",
            "0 表示与池化窗口相同。",
        ),
        int_param(
            "padding", 0, 0, 32, "Padding", "填充", "Pixels added on each side.", "每边添加的像素。"
        ),
    ]


INPUT_PARAMS = [
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
    int_param(
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
    int_param("height", 28, 1, 4096, "Height", "高度", show_if=("kind", ("image",))),
    int_param("width", 28, 1, 4096, "Width", "宽度", show_if=("kind", ("image",))),
    int_param(
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
    int_param(
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
    # The preprocessing the network expects (engine.data.dataset.InputRecord): an imported
    # model was trained on its own normalisation, not on this dataset's statistics.
    ParamSpec(
        "normalise",
        "choice",
        "dataset",
        None,
        None,
        ("dataset", "fixed"),
        "Normalise",
        "归一化",
        "How raw inputs become the network's: with the dataset's own mean and std, or a fixed "
        "scale, mean and std (what an imported model was trained with).",
        "原始输入如何变成网络的输入：用数据集自己的均值和标准差，或固定的缩放、均值和标准差"
        "（导入的模型训练时所用的）。",
        show_if=("kind", ("image", "vector")),
    ),
    ParamSpec(
        "scale",
        "float",
        1 / 255,
        1e-9,
        1e9,
        (),
        "Scale",
        "缩放",
        "Raw values are multiplied by this first: 1/255 ≈ 0.0039 turns pixels 0–255 into 0–1.",
        "原始值先乘以它：1/255 ≈ 0.0039 把 0–255 的像素变为 0–1。",
        show_if=("normalise", ("fixed",)),
    ),
    ParamSpec(
        "mean",
        "floats",
        (0.0,),
        -1e9,
        1e9,
        (),
        "Mean",
        "均值",
        "Subtracted after scaling: one number, or one per channel (e.g. 0.485, 0.456, 0.406).",
        "缩放后减去：一个数，或每个通道一个（如 0.485, 0.456, 0.406）。",
        show_if=("normalise", ("fixed",)),
    ),
    ParamSpec(
        "std",
        "floats",
        (1.0,),
        1e-9,
        1e9,
        (),
        "Std",
        "标准差",
        "Divided by last: one number, or one per channel (e.g. 0.229, 0.224, 0.225).",
        "最后除以它：一个数，或每个通道一个（如 0.229, 0.224, 0.225）。",
        show_if=("normalise", ("fixed",)),
    ),
]

OUTPUT_PARAMS = [
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
    int_param(
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


def attention_params(causal: bool = False) -> list[ParamSpec]:
    """Heads, causal mask and dropout: what self-attention and a Transformer block share."""
    return [
        int_param(
            "heads",
            4,
            1,
            64,
            "Heads",
            "注意力头数",
            "Independent attentions, each over D/heads of the token vector (D must be divisible by it).",
            "相互独立的注意力个数，每个使用词元向量的 D/头数 维（D 必须能被它整除）。",
        ),
        bool_param(
            "causal",
            causal,
            "Causal mask",
            "因果掩码",
            "Each position attends only to itself and earlier ones: needed to predict the next "
            "character.",
            "每个位置只关注自己和之前的位置：预测下一个字符时必须打开。",
        ),
        float_param(
            "dropout",
            0.1,
            0.0,
            0.9,
            "Dropout",
            "随机失活",
            "Fraction of attention weights and outputs set to zero during training only.",
            "仅在训练时被置零的注意力权重和输出的比例。",
        ),
    ]
