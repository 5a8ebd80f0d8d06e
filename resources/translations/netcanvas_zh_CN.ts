<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Add %s</source>
        <translation>添加 %s</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Rename to %s</source>
        <translation>重命名为 %s</translation>
    </message>
    <message>
        <source>Set %s</source>
        <translation>设置 %s</translation>
    </message>
    <message>
        <source>Move %s</source>
        <translation>移动 %s</translation>
    </message>
    <message>
        <source>%d layers</source>
        <translation>%d 个层</translation>
    </message>
    <message>
        <source>There is no such layer to connect.</source>
        <translation>要连接的层不存在。</translation>
    </message>
    <message>
        <source>%s has no free input.</source>
        <translation>%s 没有空闲的输入端口。</translation>
    </message>
    <message>
        <source>Cannot connect: %s</source>
        <translation>无法连接：%s</translation>
    </message>
    <message>
        <source>Connected %s → %s</source>
        <translation>已连接 %s → %s</translation>
    </message>
    <message>
        <source>Unfreeze %s</source>
        <translation>解冻 %s</translation>
    </message>
    <message>
        <source>Freeze %s</source>
        <translation>冻结 %s</translation>
    </message>
    <message>
        <source>Fix: %s</source>
        <translation>修复：%s</translation>
    </message>
    <message>
        <source>Append layer</source>
        <translation>追加层</translation>
    </message>
    <message>
        <source>Insert layer</source>
        <translation>插入层</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Tidy layout</source>
        <translation>整理布局</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Add Layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Connect To</source>
        <translation>连接到</translation>
    </message>
    <message>
        <source>Output: %s</source>
        <translation>输出：%s</translation>
    </message>
    <message>
        <source>Frozen: training leaves this layer&apos;s weights as they are.</source>
        <translation>已冻结：训练不会改变这一层的权重。</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>A layer cannot connect to itself.</source>
        <translation>层不能连接到自身。</translation>
    </message>
    <message>
        <source>Release to connect.</source>
        <translation>松开鼠标即可连接。</translation>
    </message>
    <message>
        <source>Training is running. Stop it or let it finish, then export.</source>
        <translation>正在训练。请先停止训练或等它结束，再导出。</translation>
    </message>
    <message>
        <source>Export Model as ONNX</source>
        <translation>将模型导出为 ONNX</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>ONNX operator set version. Newer opsets know more operators; older runtimes need older opsets. 18 suits ONNX Runtime 1.14 and later.</source>
        <translation>ONNX 算子集版本。较新的算子集支持更多算子；较旧的运行时需要较旧的算子集。18 适用于 ONNX Runtime 1.14 及更高版本。</translation>
    </message>
    <message>
        <source>Any batch size</source>
        <translation>任意批大小</translation>
    </message>
    <message>
        <source>Lets the exported model take any number of samples at once. Turn off to fix the batch size (some accelerators and converters want fixed shapes).</source>
        <translation>让导出的模型一次可以接收任意数量的样本。关闭后批大小固定（有些加速器和转换工具要求固定形状）。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Opset:</source>
        <translation>算子集：</translation>
    </message>
    <message>
        <source>Dynamic axes:</source>
        <translation>动态维度：</translation>
    </message>
    <message>
        <source>The file is checked in ONNX Runtime against PyTorch on real samples.</source>
        <translation>导出的文件会用真实样本在 ONNX Runtime 中与 PyTorch 对照检查。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <source>The ONNX export</source>
        <translation>ONNX 导出</translation>
    </message>
    <message>
        <source>Exporting and checking in ONNX Runtime…</source>
        <translation>正在导出并在 ONNX Runtime 中检查…</translation>
    </message>
    <message>
        <source>Saved {path}.
Verified in ONNX Runtime on {n} real samples: the largest difference from PyTorch is {diff:.2e} (opset {opset}, {exporter} exporter).</source>
        <translation>已保存 {path}。
已用 {n} 个真实样本在 ONNX Runtime 中验证：与 PyTorch 的最大差异为 {diff:.2e}（算子集 {opset}，{exporter} 导出器）。</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <source>Please wait: the export is still running.</source>
        <translation>请稍候：导出仍在进行。</translation>
    </message>
    <message>
        <source>Load the dataset first: the export is checked on real samples from it.</source>
        <translation>请先加载数据集：导出结果要用其中的真实样本来检查。</translation>
    </message>
    <message>
        <source>Export PyTorch Script</source>
        <translation>导出 PyTorch 脚本</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python (*.py)</translation>
    </message>
    <message>
        <source>Exported {0} and its data {1}</source>
        <translation>已导出 {0} 及其数据 {1}</translation>
    </message>
    <message>
        <source>Exported {0} without its data: load the dataset, then export again</source>
        <translation>已导出 {0}，但未包含数据：请先加载数据集，再导出一次</translation>
    </message>
    <message>
        <source>Export Weights</source>
        <translation>导出权重</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>PyTorch state_dict (*.pt)</source>
        <translation>PyTorch state_dict (*.pt)</translation>
    </message>
    <message>
        <source>Export Training History</source>
        <translation>导出训练历史</translation>
    </message>
    <message>
        <source>This project has no training runs yet. Train once, then export.</source>
        <translation>这个项目还没有训练记录。请先训练一次，再导出。</translation>
    </message>
    <message>
        <source>CSV, one row per epoch (*.csv)</source>
        <translation>CSV，每轮一行 (*.csv)</translation>
    </message>
    <message>
        <source>CSV, one row per logged step (*.csv)</source>
        <translation>CSV，每个记录步一行 (*.csv)</translation>
    </message>
    <message>
        <source>TensorBoard event files (a folder)</source>
        <translation>TensorBoard 事件文件（一个文件夹）</translation>
    </message>
    <message>
        <source>Export Lab Report</source>
        <translation>导出实验报告</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>Your name, printed on the report (leave empty to omit):</source>
        <translation>您的姓名，将打印在报告上（留空则不打印）：</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>已取消加载</translation>
    </message>
    <message>
        <source>Loading {0}</source>
        <translation>正在加载 {0}</translation>
    </message>
    <message>
        <source>Load a dataset in the Data pane first.</source>
        <translation>请先在“数据”面板中加载数据集。</translation>
    </message>
    <message>
        <source>Fix the network first — {0}{1}</source>
        <translation>请先修复网络——{0}{1}</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>There was not enough memory. Close other programs, or use a smaller batch, network or dataset.</source>
        <translation>内存不足。请关闭其他程序，或使用更小的批大小、网络或数据集。</translation>
    </message>
    <message>
        <source>The work</source>
        <translation>这项任务</translation>
    </message>
    <message>
        <source>{0} failed unexpectedly ({1}: {2}). The details are in the log.</source>
        <translation>{0}意外失败（{1}：{2}）。详细信息已写入日志。</translation>
    </message>
    <message>
        <source>The evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>The decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>The text sample</source>
        <translation>文本样例</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>生成文本</translation>
    </message>
    <message>
        <source>The feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>The explanation</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>The attention maps</source>
        <translation>注意力图</translation>
    </message>
</context>
<context>
    <name>ActivationLab</name>
    <message>
        <source>Activation function</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Train the 2-D classifier</source>
        <translation>训练二维分类器</translation>
    </message>
    <message>
        <source>Train a 2-16-16-2 network with this activation on the moons data (300 steps)</source>
        <translation>用这个激活函数在“月牙”数据上训练一个 2-16-16-2 网络（300 步）</translation>
    </message>
    <message>
        <source>Pick an activation, then train.</source>
        <translation>选择一个激活函数，然后开始训练。</translation>
    </message>
    <message>
        <source>Function and derivative</source>
        <translation>函数及其导数</translation>
    </message>
    <message>
        <source>Shaded: saturated, where f′(x) is below 10 % of its peak and gradients barely flow.</source>
        <translation>阴影：饱和区，f′(x) 低于其峰值的 10 %，梯度几乎无法流过。</translation>
    </message>
    <message>
        <source>Decision boundary on moons</source>
        <translation>“月牙”数据上的决策边界</translation>
    </message>
    <message>
        <source>Activation:</source>
        <translation>激活函数：</translation>
    </message>
    <message>
        <source>Training with %s…</source>
        <translation>正在用 %s 训练…</translation>
    </message>
    <message>
        <source>Step %d · loss %.3f · training accuracy %.1f %%</source>
        <translation>第 %d 步 · 损失 %.3f · 训练准确率 %.1f %%</translation>
    </message>
</context>
<context>
    <name>AttentionLab</name>
    <message>
        <source>The word that asks</source>
        <translation>提问的词</translation>
    </message>
    <message>
        <source>Scale of the scores</source>
        <translation>得分的缩放</translation>
    </message>
    <message>
        <source>Causal mask (no looking ahead)</source>
        <translation>因果掩码（不能向后看）</translation>
    </message>
    <message>
        <source>Queries and keys</source>
        <translation>查询与键</translation>
    </message>
    <message>
        <source>Attention weights (they sum to 1)</source>
        <translation>注意力权重（总和为 1）</translation>
    </message>
    <message>
        <source>The word that asks:</source>
        <translation>提问的词：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; takes {1:.0%} of its value from word {2} (&apos;{3}&apos;). Scale 0 spreads the attention evenly; a large scale picks the best-matching key almost alone (the 1/√d in softmax(QKᵀ/√d) keeps it from being too sharp when vectors are long).</source>
        <translation>“{0}”从第 {2} 个词（“{3}”）取得 {1:.0%} 的值。缩放为 0 时注意力均匀分布；缩放很大时几乎只选最匹配的键（softmax(QKᵀ/√d) 中的 1/√d 防止长向量使它过于尖锐）。</translation>
    </message>
</context>
<context>
    <name>AttentionMapView</name>
    <message>
        <source>characters it draws on</source>
        <translation>它所参考的字符</translation>
    </message>
    <message>
        <source>position predicting the next one</source>
        <translation>预测下一个字符的位置</translation>
    </message>
</context>
<context>
    <name>AttentionTab</name>
    <message>
        <source>Type a text, or take one from the data</source>
        <translation>输入一段文本，或从数据中取一段</translation>
    </message>
    <message>
        <source>The text the network reads (its last window of characters)</source>
        <translation>网络读取的文本（最后一个字符窗口）</translation>
    </message>
    <message>
        <source>From the data</source>
        <translation>从数据中取</translation>
    </message>
    <message>
        <source>A piece of the validation text</source>
        <translation>验证集文本中的一段</translation>
    </message>
    <message>
        <source>The attention layer (a Transformer block&apos;s heads)</source>
        <translation>注意力层（Transformer 块的各个头）</translation>
    </message>
    <message>
        <source>One head, or the mean of all of them</source>
        <translation>单个头，或所有头的平均</translation>
    </message>
    <message>
        <source>The position whose reading is shown below the map</source>
        <translation>在图下方显示其读取情况的位置</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Train a network with attention layers to see what its heads look at.</source>
        <translation>训练一个带注意力层的网络，即可看到各个头关注什么。</translation>
    </message>
    <message>
        <source>No attention maps: {0}</source>
        <translation>没有注意力图：{0}</translation>
    </message>
    <message>
        <source>Head {0}</source>
        <translation>头 {0}</translation>
    </message>
    <message>
        <source>Mean of the heads</source>
        <translation>各头平均</translation>
    </message>
    <message>
        <source>Each row is a position predicting the next character; brighter columns are the characters it draws on most (each row sums to 100 %). Right of the diagonal stays dark when the layer is causal: a position never sees what comes after it.</source>
        <translation>每一行是一个正在预测下一个字符的位置；越亮的列是它参考最多的字符（每行合计 100 %）。因果层的对角线右侧保持黑暗：一个位置永远看不到它之后的内容。</translation>
    </message>
    <message>
        <source>How far back each head looks, on average: {0} (spread evenly, a head would look {1:.1f} back).</source>
        <translation>各个头平均向前看多远：{0}（若注意力均匀分布，一个头会向前看 {1:.1f} 个字符）。</translation>
    </message>
    <message>
        <source>head {0} {1:.1f} characters</source>
        <translation>头 {0} {1:.1f} 个字符</translation>
    </message>
    <message>
        <source>Predicting what follows &apos;{0}&apos; (position {1}), the head reads:</source>
        <translation>预测“{0}”（位置 {1}）之后的字符时，这个头读取的是：</translation>
    </message>
</context>
<context>
    <name>BackpropLab</name>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Forward and backward pass</source>
        <translation>前向传播与反向传播</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next step ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Next iteration with the new weights</source>
        <translation>用新权重进行下一次迭代</translation>
    </message>
    <message>
        <source>Checking against autograd…</source>
        <translation>正在与自动微分核对…</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Iteration %d. Sample x = %s, target y = %s, learning rate η = %s. Hidden and output neurons use σ; the loss is L = ½(ŷ − y)².</source>
        <translation>第 %d 次迭代。样本 x = %s，目标 y = %s，学习率 η = %s。隐藏层和输出层神经元使用 σ；损失为 L = ½(ŷ − y)²。</translation>
    </message>
    <message>
        <source>Step %d of %d</source>
        <translation>第 %d 步，共 %d 步</translation>
    </message>
    <message>
        <source>they match</source>
        <translation>两者一致</translation>
    </message>
    <message>
        <source>they DIFFER</source>
        <translation>两者不一致</translation>
    </message>
    <message>
        <source>Checked against torch autograd: largest difference %.1e, %s.</source>
        <translation>已与 torch 自动微分核对：最大差异 %.1e，%s。</translation>
    </message>
</context>
<context>
    <name>ClassHistogram</name>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Network as Code</source>
        <translation>网络代码</translation>
    </message>
    <message>
        <source>The same network in the two frameworks a course meets. Copy it into a script or a notebook; Edit ▸ Paste as Network reads a Sequential back.</source>
        <translation>同一个网络，用课程中会遇到的两种框架写出。可复制到脚本或笔记本中；“编辑 ▸ 粘贴为网络”可以把 Sequential 读回来。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Fix the network first: {0}</source>
        <translation>请先修正网络：{0}</translation>
    </message>
</context>
<context>
    <name>ColumnsBox</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>The column the network learns to predict</source>
        <translation>网络要学习预测的那一列</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Untick a column to leave it out of the features</source>
        <translation>取消勾选某列即可将其排除在特征之外</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>数值型</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>类别型</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>id-like</source>
        <translation>类似编号</translation>
    </message>
    <message>
        <source>{0} (target)</source>
        <translation>{0}（目标）</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>→ {0}</source>
        <translation>→ {0}</translation>
    </message>
    <message>
        <source>true {0}, predicted {1}: {2} samples ({3:.0%} of the row)</source>
        <translation>真实 {0}，预测 {1}：{2} 个样本（占该行的 {3:.0%}）</translation>
    </message>
</context>
<context>
    <name>ConvolutionLab</name>
    <message>
        <source>Vertical edges (Sobel)</source>
        <translation>竖直边缘（Sobel）</translation>
    </message>
    <message>
        <source>Horizontal edges (Sobel)</source>
        <translation>水平边缘（Sobel）</translation>
    </message>
    <message>
        <source>Blur (average)</source>
        <translation>模糊（均值）</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Filter position</source>
        <translation>卷积核位置</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Input 28×28</source>
        <translation>输入 28×28</translation>
    </message>
    <message>
        <source>Feature map 26×26</source>
        <translation>特征图 26×26</translation>
    </message>
    <message>
        <source>After 2×2 max pooling 13×13</source>
        <translation>2×2 最大池化后 13×13</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>卷积核：</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>input patch</source>
        <translation>输入图像块</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>row %d, column %d: Σ patch ⊙ filter = %.3f</source>
        <translation>第 %d 行，第 %d 列：Σ 图像块 ⊙ 卷积核 = %.3f</translation>
    </message>
    <message>
        <source>Max pooling keeps only the largest of the 4 values %s → %.3f: the strongest response, a quarter of the size.</source>
        <translation>最大池化只保留 4 个值 %s 中的最大值 → %.3f：保留最强的响应，尺寸缩小为四分之一。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>DataPane</name>
    <message>
        <source>{0}
Licence: {1}</source>
        <translation>{0}
许可协议：{1}</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Built in (offline):</source>
        <translation>内置（离线）：</translation>
    </message>
    <message>
        <source>Embed the dataset in the project</source>
        <translation>将数据集嵌入项目</translation>
    </message>
    <message>
        <source>Store the loaded data, with its splits, inside the project file when it is saved: the one file then opens and trains on any computer, without the data file. Untick to keep only the data&apos;s path.</source>
        <translation>保存项目时，把已加载的数据（连同其划分）存入项目文件：这一个文件就能在任何电脑上打开并训练，无需数据文件。取消勾选则只保存数据的路径。</translation>
    </message>
    <message>
        <source>Reload with these settings</source>
        <translation>按这些设置重新加载</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Augmentation (training only)</source>
        <translation>数据增强（仅用于训练）</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>镜像翻转</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Cut-out</source>
        <translation>随机遮挡（Cutout）</translation>
    </message>
    <message>
        <source>New preview</source>
        <translation>重新预览</translation>
    </message>
    <message>
        <source>Adapt network to data</source>
        <translation>让网络适配数据</translation>
    </message>
    <message>
        <source>Set the Input shape and the Output units to match this dataset</source>
        <translation>设置输入形状和输出单元数以匹配此数据集</translation>
    </message>
    <message>
        <source>No dataset loaded yet.</source>
        <translation>尚未加载数据集。</translation>
    </message>
    <message>
        <source>Load a dataset to see samples.</source>
        <translation>加载数据集后即可查看样本。</translation>
    </message>
    <message>
        <source>Training samples per class</source>
        <translation>每个类别的训练样本数</translation>
    </message>
    <message>
        <source>Tick an augmentation to preview it.</source>
        <translation>勾选一种数据增强即可预览。</translation>
    </message>
    <message>
        <source>Samples and classes</source>
        <translation>样本与类别</translation>
    </message>
    <message>
        <source>Augmented</source>
        <translation>增强后</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>跳过的文件</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <source>Loaded {0}.</source>
        <translation>已加载 {0}。</translation>
    </message>
    <message>
        <source>{0}&lt;br&gt;&lt;small&gt;Licence: {1}&lt;/small&gt;</source>
        <translation>{0}&lt;br&gt;&lt;small&gt;许可协议：{1}&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Open dataset file</source>
        <translation>打开数据集文件</translation>
    </message>
    <message>
        <source>Datasets (*.csv *.tsv *.txt *.npz *.npy *.gz *.idx *-ubyte *.tar.gz);;All files (*)</source>
        <translation>数据集 (*.csv *.tsv *.txt *.npz *.npy *.gz *.idx *-ubyte *.tar.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open dataset folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
    <message>
        <source>The project will carry its data ({0:.1f} MB) when it is saved.</source>
        <translation>保存时，项目将携带其数据（{0:.1f} MB）。</translation>
    </message>
    <message>
        <source>Vocabulary ({0} characters):</source>
        <translation>词表（{0} 个字符）：</translation>
    </message>
    <message>
        <source>train {0}</source>
        <translation>训练 {0}</translation>
    </message>
    <message>
        <source>validation {0}</source>
        <translation>验证 {0}</translation>
    </message>
    <message>
        <source>test {0}</source>
        <translation>测试 {0}</translation>
    </message>
    <message>
        <source>Input {0}; {1} classes; {2}</source>
        <translation>输入 {0}；{1} 个类别；{2}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{0} files could not be read (see Skipped files).</source>
        <translation>{0} 个文件无法读取（见“跳过的文件”）。</translation>
    </message>
    <message>
        <source>The network does not fit this dataset yet: {0}</source>
        <translation>网络还不适配此数据集：{0}</translation>
    </message>
    <message>
        <source>The network&apos;s Input and Output fit this dataset.</source>
        <translation>网络的输入和输出已适配此数据集。</translation>
    </message>
</context>
<context>
    <name>DataText</name>
    <message>
        <source>images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>2-D points</source>
        <translation>二维点</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>binary classification</source>
        <translation>二分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>next-character prediction</source>
        <translation>下一字符预测</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}，{1}</translation>
    </message>
</context>
<context>
    <name>DescentLab</name>
    <message>
        <source>Gradient descent (SGD)</source>
        <translation>梯度下降（SGD）</translation>
    </message>
    <message>
        <source>Momentum (β = 0.9)</source>
        <translation>动量法（β = 0.9）</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Loss surface J(w) and the paths</source>
        <translation>损失曲面 J(w) 与优化路径</translation>
    </message>
    <message>
        <source>Loss per step</source>
        <translation>每一步的损失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Learning rate η:</source>
        <translation>学习率 η：</translation>
    </message>
    <message>
        <source>Too small: after 50 steps gradient descent is still far from the minimum.</source>
        <translation>太小：50 步之后梯度下降离最小值仍然很远。</translation>
    </message>
    <message>
        <source>Good: gradient descent reaches the minimum.</source>
        <translation>合适：梯度下降到达了最小值。</translation>
    </message>
    <message>
        <source>Too large: gradient descent bounces across the narrow valley without settling.</source>
        <translation>太大：梯度下降在狭窄的山谷两侧来回跳动，无法收敛。</translation>
    </message>
    <message>
        <source>Divergent: each step overshoots more than the last (η &gt; 2/b = 0.5).</source>
        <translation>发散：每一步都比上一步冲得更远（η &gt; 2/b = 0.5）。</translation>
    </message>
</context>
<context>
    <name>Device</name>
    <message>
        <source>CPU · 1 thread</source>
        <translation>CPU · 1 个线程</translation>
    </message>
    <message>
        <source>CPU · {0} threads</source>
        <translation>CPU · {0} 个线程</translation>
    </message>
</context>
<context>
    <name>DrawPad</name>
    <message>
        <source>Draw with the left mouse button; the right button erases.</source>
        <translation>按住鼠标左键绘制；右键擦除。</translation>
    </message>
</context>
<context>
    <name>DrawTab</name>
    <message>
        <source>Draw a sample on the pad.</source>
        <translation>在画板上画一个样本。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Your drawing as the network receives it: cropped, centred and scaled to the dataset&apos;s image size, like the training images</source>
        <translation>网络接收到的您的手绘：像训练图像一样经过裁剪、居中并缩放到数据集的图像尺寸</translation>
    </message>
    <message>
        <source>The network sees:</source>
        <translation>网络看到的是：</translation>
    </message>
    <message>
        <source>Train the network first, then draw.</source>
        <translation>请先训练网络，再手绘。</translation>
    </message>
    <message>
        <source>The network says {0} ({1:.0%} sure).</source>
        <translation>网络认为是 {0}（把握 {1:.0%}）。</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>缩放至适合(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Tidy Layout</source>
        <translation>整理布局(&amp;T)</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>&apos;{name}&apos; is part of a cycle — remove one of its connections</source>
        <translation>“{name}”处在一个环路中——请删除它的一条连接</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has no input — connect a layer into it</source>
        <translation>“{name}”没有输入——请把一个层连接到它</translation>
    </message>
    <message>
        <source>{layer} needs at least {minimum} inputs but has {count}</source>
        <translation>“{layer}”至少需要 {minimum} 个输入，但现在只有 {count} 个</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; does not lead to the Output, so training ignores it</source>
        <translation>“{name}”没有通向输出层，训练时会忽略它</translation>
    </message>
    <message>
        <source>Every layer with weights is frozen, so training would change nothing — make at least one layer trainable</source>
        <translation>所有带权重的层都已冻结，训练不会改变任何东西——请至少让一层可训练</translation>
    </message>
    <message>
        <source>The network has no Input — add one from Input/Output</source>
        <translation>网络没有输入层——请从“输入/输出”中添加一个</translation>
    </message>
    <message>
        <source>The network has no Output — add one from Input/Output</source>
        <translation>网络没有输出层——请从“输入/输出”中添加一个</translation>
    </message>
    <message>
        <source>Only one Input is supported — remove &apos;{name}&apos;</source>
        <translation>只支持一个输入层——请删除“{name}”</translation>
    </message>
    <message>
        <source>Only one Output is supported — remove &apos;{name}&apos;</source>
        <translation>只支持一个输出层——请删除“{name}”</translation>
    </message>
    <message>
        <source>Add {layer}</source>
        <translation>添加“{layer}”</translation>
    </message>
    <message>
        <source>Input is {kind} {shape} but the dataset gives {wanted_kind} {wanted_shape}</source>
        <translation>输入层是 {kind} {shape}，但数据集提供的是 {wanted_kind} {wanted_shape}</translation>
    </message>
    <message>
        <source>Set Input to the dataset&apos;s shape</source>
        <translation>把输入层设为数据集的形状</translation>
    </message>
    <message>
        <source>Embedding knows {known} token ids but the dataset&apos;s vocabulary has {vocabulary}</source>
        <translation>嵌入层只认识 {known} 个词元编号，但数据集的词表有 {vocabulary} 个</translation>
    </message>
    <message>
        <source>Set vocabulary size to {size}</source>
        <translation>把词表大小设为 {size}</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>个类别</translation>
    </message>
    <message>
        <source>output (binary)</source>
        <translation>个输出（二分类）</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>个目标</translation>
    </message>
    <message>
        <source>characters in its vocabulary</source>
        <translation>个词表字符</translation>
    </message>
    <message>
        <source>Output declares a {task} task but the dataset is {dataset_task}</source>
        <translation>输出层声明的任务是 {task}，但数据集的任务是 {dataset_task}</translation>
    </message>
    <message>
        <source>Set Output task to {task}</source>
        <translation>把输出层的任务设为 {task}</translation>
    </message>
    <message>
        <source>Output has {units} units but the dataset has {expected} {what}</source>
        <translation>输出层有 {units} 个单元，但数据集有 {expected} {what}</translation>
    </message>
    <message>
        <source>Set Output units to {units}</source>
        <translation>把输出层的单元数设为 {units}</translation>
    </message>
    <message>
        <source>The network has no Output, so it has no loss</source>
        <translation>网络没有输出层，因此没有损失函数</translation>
    </message>
    <message>
        <source>The network has problems to fix before it can run — {where}{message}</source>
        <translation>网络在运行前还有问题需要修复——{where}{message}</translation>
    </message>
    <message>
        <source>The network could not be built: its {parameters:,} parameters need {gib:,.1f} GiB ({error})</source>
        <translation>无法构建网络：它的 {parameters:,} 个参数需要 {gib:,.1f} GiB（{error}）</translation>
    </message>
    <message>
        <source>{problem} (&apos;{source}&apos;). Fix it in NetCanvas or create a new project for this dataset.</source>
        <translation>{problem}（“{source}”）。请在 NetCanvas 中修复，或为这个数据集新建一个项目。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has no trained weights yet: run &apos;{command}&apos; first.</source>
        <translation>“{name}”还没有训练好的权重：请先运行“{command}”。</translation>
    </message>
    <message>
        <source>(data: {data})</source>
        <translation>（数据：{data}）</translation>
    </message>
    <message>
        <source>--option takes KEY=VALUE, got &apos;{item}&apos;.</source>
        <translation>--option 的格式是 KEY=VALUE，收到的是“{item}”。</translation>
    </message>
    <message>
        <source>Unknown template &apos;{template}&apos;. Known: {known}.</source>
        <translation>未知的模板“{template}”。已有的模板：{known}。</translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder {folder} does not exist.</source>
        <translation>无法创建 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Template &apos;{template}&apos; does not fit dataset &apos;{source}&apos;: {problem}.</source>
        <translation>模板“{template}”与数据集“{source}”不匹配：{problem}。</translation>
    </message>
    <message>
        <source>created {path} ({template} on {dataset}: {samples} training samples)</source>
        <translation>已创建 {path}（{template}，数据集 {dataset}：{samples} 个训练样本）</translation>
    </message>
    <message>
        <source>warning: {evidence} Leave it out: {command} ... --drop {column}</source>
        <translation>警告：{evidence} 排除该列：{command} ... --drop {column}</translation>
    </message>
    <message>
        <source>raw pixels N×C×H×W; predict scales and normalises them itself</source>
        <translation>原始像素 N×C×H×W；predict 会自行缩放并归一化</translation>
    </message>
    <message>
        <source>character indices into the dataset&apos;s vocabulary</source>
        <translation>数据集词表中的字符编号</translation>
    </message>
    <message>
        <source>raw feature values; predict standardises them with the training mean/std</source>
        <translation>原始特征值；predict 会用训练集的均值/标准差把它们标准化</translation>
    </message>
    <message>
        <source>class probabilities N×{units} (softmax)</source>
        <translation>类别概率 N×{units}（softmax）</translation>
    </message>
    <message>
        <source>probabilities N×2 ([1 - p, p], p = sigmoid)</source>
        <translation>概率 N×2（[1 - p, p]，p = sigmoid）</translation>
    </message>
    <message>
        <source>predicted values N×{units}</source>
        <translation>预测值 N×{units}</translation>
    </message>
    <message>
        <source>next-character probabilities N×T×V</source>
        <translation>下一个字符的概率 N×T×V</translation>
    </message>
    <message>
        <source>model outputs</source>
        <translation>模型输出</translation>
    </message>
    <message>
        <source>{name}  (template {template}, dataset {source})</source>
        <translation>{name}  （模板 {template}，数据集 {source}）</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>parameters: {parameters:,}   valid: {valid}</source>
        <translation>参数：{parameters:,}   有效：{valid}</translation>
    </message>
    <message>
        <source>trainable: {trainable:,}   frozen: {frozen:,}</source>
        <translation>可训练：{trainable:,}   已冻结：{frozen:,}</translation>
    </message>
    <message>
        <source>problem: {problem}</source>
        <translation>问题：{problem}</translation>
    </message>
    <message>
        <source>input: {dtype} {shape} — {note}</source>
        <translation>输入：{dtype} {shape} — {note}</translation>
    </message>
    <message>
        <source>preprocessing: (raw × {scale:g} − mean {mean}) / std {std} (the Input&apos;s own)</source>
        <translation>预处理：(原始值 × {scale:g} − 均值 {mean}) / 标准差 {std}（Input 自己的）</translation>
    </message>
    <message>
        <source>output: {writes}</source>
        <translation>输出：{writes}</translation>
    </message>
    <message>
        <source>trained: {trained} ({runs} runs)</source>
        <translation>已训练：{trained}（{runs} 次训练）</translation>
    </message>
    <message>
        <source>last run: {processes} processes, batch size {batch} per process ({total} per step)</source>
        <translation>上次训练：{processes} 个进程，每个进程批大小 {batch}（每步共 {total}）</translation>
    </message>
    <message>
        <source>{path} has no trained weights to start from: train it first.</source>
        <translation>{path} 没有训练好的权重可用作起点：请先训练它。</translation>
    </message>
    <message>
        <source>No layer of {path} matches a layer of this network by name and shape, so there are no weights to start from.</source>
        <translation>{path} 中没有任何层在名称和形状上与本网络的层匹配，因此没有可用作起点的权重。</translation>
    </message>
    <message>
        <source>starting {count} layers from {path}: {layers}</source>
        <translation>从 {path} 载入 {count} 层作为起点：{layers}</translation>
    </message>
    <message>
        <source>--resume continues from a checkpoint: give its folder with {option}.</source>
        <translation>--resume 从检查点继续训练：请用 {option} 指定检查点所在的文件夹。</translation>
    </message>
    <message>
        <source>{problem} Pass --fresh to do so.</source>
        <translation>{problem}加上 --fresh 即可这样做。</translation>
    </message>
    <message>
        <source>The checkpoint in {folder} has trained {done} epochs already, the {epochs} asked for: pass a larger --epochs to train on.</source>
        <translation>{folder} 中的检查点已训练 {done} 个轮次，已达到要求的 {epochs} 个：要继续训练，请给出更大的 --epochs。</translation>
    </message>
    <message>
        <source>{count} processes (DDP), 1 thread each</source>
        <translation>{count} 个进程（DDP），每个 1 个线程</translation>
    </message>
    <message>
        <source>the CPU (1 thread)</source>
        <translation>CPU（1 个线程）</translation>
    </message>
    <message>
        <source>the CPU ({threads} threads)</source>
        <translation>CPU（{threads} 个线程）</translation>
    </message>
    <message>
        <source>training {name} on {where}, epochs {first} to {epochs} from the checkpoint</source>
        <translation>在 {where} 上训练 {name}，从检查点继续第 {first} 到第 {epochs} 轮</translation>
    </message>
    <message>
        <source>training {name} on {where}, {epochs} epochs from the saved weights</source>
        <translation>正在 {where} 上训练 {name}，{epochs} 轮，从已保存的权重开始</translation>
    </message>
    <message>
        <source>training {name} on {where}, {epochs} epochs</source>
        <translation>正在 {where} 上训练 {name}，{epochs} 轮</translation>
    </message>
    <message>
        <source>time limit: {seconds:g} s</source>
        <translation>时间限制：{seconds:g} 秒</translation>
    </message>
    <message>
        <source>saved {path} ({run}: {status})</source>
        <translation>已保存 {path}（{run}：{status}）</translation>
    </message>
    <message>
        <source>{problem} The run was saved to {kept} instead: open or copy it from there.</source>
        <translation>{problem} 本次运行已改为保存到 {kept}：请从那里打开或复制。</translation>
    </message>
    <message>
        <source>training failed: {message}</source>
        <translation>训练失败：{message}</translation>
    </message>
    <message>
        <source>{problem} No copy could be written to {folders} either: the run is lost.</source>
        <translation>{problem} 也无法在 {folders} 中写入副本：本次运行已丢失。</translation>
    </message>
    <message>
        <source>warning: the model&apos;s outputs hold NaN or infinity for {count} of {n} samples, so these metrics mean nothing. Train it again (a lower learning rate often helps).</source>
        <translation>警告：模型对 {n} 个样本中的 {count} 个输出了 NaN 或无穷大，这些指标没有意义。请重新训练（降低学习率通常有帮助）。</translation>
    </message>
    <message>
        <source>{path} holds {dtype} values from {lo} to {hi}, but this model takes raw uint8 pixels 0-255 and scales them itself; save them as uint8 (for [0, 1] images: np.rint(x * 255).astype(np.uint8)).</source>
        <translation>{path} 中是 {dtype} 类型的值，范围 {lo} 到 {hi}；但此模型接收 0-255 的原始 uint8 像素，并自行缩放。请将其保存为 uint8（对 [0, 1] 范围的图像：np.rint(x * 255).astype(np.uint8)）。</translation>
    </message>
    <message>
        <source>wrote {path} ({method}, {shape}, class {name} at probability {p:.1%})</source>
        <translation>已写入 {path}（{method}，{shape}，类别 {name}，概率 {p:.1%}）</translation>
    </message>
    <message>
        <source>Cannot read {path}: there is no such file.</source>
        <translation>无法读取 {path}：没有这个文件。</translation>
    </message>
    <message>
        <source>{path} is not a NumPy .npy array ({error}).</source>
        <translation>{path} 不是 NumPy .npy 数组（{error}）。</translation>
    </message>
    <message>
        <source>{path} holds several arrays; pass one .npy array.</source>
        <translation>{path} 含有多个数组；请传入单个 .npy 数组。</translation>
    </message>
    <message>
        <source>wrote {path} ({shape} {writes})</source>
        <translation>已写入 {path}（{shape} {writes}）</translation>
    </message>
    <message>
        <source>{count} processes (DDP), {threads} threads each</source>
        <translation>{count} 个进程（DDP），每个 {threads} 个线程</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>wrote {path} (opset {opset}, verified in onnxruntime on {samples} samples: max abs difference {difference:.2e})</source>
        <translation>已写入 {path}（opset {opset}，已在 onnxruntime 中用 {samples} 个样本验证：最大绝对差 {difference:.2e}）</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>wrote {path}: {layers} layers, {parameters:,} parameters, data &apos;{source}&apos;</source>
        <translation>已写入 {path}：{layers} 层，{parameters:,} 个参数，数据“{source}”</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>internal error: {kind}: {error}</source>
        <translation>内部错误：{kind}：{error}</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>已取消加载</translation>
    </message>
    <message>
        <source>Option &apos;{key}&apos; must be a number, not {value}.</source>
        <translation>选项“{key}”必须是数字，而不是 {value}。</translation>
    </message>
    <message>
        <source>Option &apos;{key}&apos; must be between {lo:g} and {hi:g}, not {result:g}.</source>
        <translation>选项“{key}”必须在 {lo:g} 到 {hi:g} 之间，而不是 {result:g}。</translation>
    </message>
    <message>
        <source>Option &apos;{key}&apos; must be a whole number, not {value}.</source>
        <translation>选项“{key}”必须是整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>Option &apos;{key}&apos; must be between {lo} and {hi}, not {value}.</source>
        <translation>选项“{key}”必须在 {lo} 到 {hi} 之间，而不是 {value}。</translation>
    </message>
    <message>
        <source>Option &apos;image_size&apos; must be [height, width] from 4 to 512, not {value}.</source>
        <translation>选项“image_size”必须是 [高, 宽]，取值 4 到 512，而不是 {value}。</translation>
    </message>
    <message>
        <source>Cannot read &apos;{path}&apos;: {reason}.</source>
        <translation>无法读取“{path}”：{reason}。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is {size:.1f} GB, too large to load.</source>
        <translation>“{file}”有 {size:.1f} GB，太大，无法加载。</translation>
    </message>
    <message>
        <source>Not enough memory to read &apos;{file}&apos;.</source>
        <translation>内存不足，无法读取“{file}”。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs about {needed:.1f} GB of memory to load; NetCanvas lets a dataset take at most {budget:.1f} GB on this computer ({percent}% of its memory). Use a smaller part of the data.</source>
        <translation>加载“{name}”约需 {needed:.1f} GB 内存；在这台计算机上，NetCanvas 允许一个数据集最多占用 {budget:.1f} GB（内存的 {percent}%）。请只使用数据的一部分。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; would expand from {compressed:.1f} MB to {expanded:.1f} MB ({ratio:.0f} times): real datasets compress far less, so this file is refused as a probable decompression bomb.</source>
        <translation>“{name}”将从 {compressed:.1f} MB 解压到 {expanded:.1f} MB（{ratio:.0f} 倍）：真实数据集的压缩率远没有这么高，因此此文件被视为可能的解压炸弹而拒绝加载。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a valid NumPy array file ({error}).</source>
        <translation>“{name}”不是有效的 NumPy 数组文件（{error}）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; holds Python objects, which NetCanvas refuses to load for safety.</source>
        <translation>“{name}”含有 Python 对象，出于安全考虑 NetCanvas 拒绝加载。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; claims an array of shape {shape} but the file is too short.</source>
        <translation>“{name}”声称含有形状为 {shape} 的数组，但文件太短。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a valid .npz file (not a zip archive).</source>
        <translation>“{name}”不是有效的 .npz 文件（不是 zip 压缩包）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; could not be read as NumPy data ({error}).</source>
        <translation>无法把“{name}”读取为 NumPy 数据（{error}）。</translation>
    </message>
    <message>
        <source>Not enough memory to load &apos;{name}&apos;.</source>
        <translation>内存不足，无法加载“{name}”。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has no input array (named x, data or images). It has: {arrays}.</source>
        <translation>“{file}”中没有输入数组（名为 x、data 或 images）。它含有：{arrays}。</translation>
    </message>
    <message>
        <source>No label array: used the last column as the target.</source>
        <translation>没有标签数组：已把最后一列用作目标。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has inputs but no labels (an array named y or labels).</source>
        <translation>“{file}”有输入但没有标签（名为 y 或 labels 的数组）。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has {inputs} inputs but {labels} labels.</source>
        <translation>“{file}”有 {inputs} 个输入，却有 {labels} 个标签。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; holds no samples.</source>
        <translation>“{file}”不含任何样本。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos;: labels of type {dtype} are not supported.</source>
        <translation>“{file}”：不支持 {dtype} 类型的标签。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: images of type {dtype} are not supported.</source>
        <translation>“{name}”：不支持 {dtype} 类型的图像。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: the images contain NaN or infinite values.</source>
        <translation>“{name}”：图像中含有 NaN 或无穷大的值。</translation>
    </message>
    <message>
        <source>Images in [0, 1] stored as bytes (×255).</source>
        <translation>取值在 [0, 1] 的图像已存为字节（×255）。</translation>
    </message>
    <message>
        <source>Image values {lo:g}..{hi:g} rescaled to 0..255.</source>
        <translation>图像取值 {lo:g}..{hi:g} 已缩放到 0..255。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: inputs of type {dtype} are not numbers.</source>
        <translation>“{name}”：{dtype} 类型的输入不是数字。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: the inputs contain NaN or infinite values.</source>
        <translation>“{name}”：输入中含有 NaN 或无穷大的值。</translation>
    </message>
    <message>
        <source>Unknown augmentation {unknown}; choose from {known}.</source>
        <translation>未知的数据增强 {unknown}；请从以下选择：{known}。</translation>
    </message>
    <message>
        <source>Augmentation works on images only (a batch of N×C×H×W).</source>
        <translation>数据增强只适用于图像（N×C×H×W 的批次）。</translation>
    </message>
    <message>
        <source>The built-in data file &apos;{path}&apos; is missing or damaged ({error}). Reinstall NetCanvas.</source>
        <translation>内置数据文件“{path}”缺失或已损坏（{error}）。请重新安装 NetCanvas。</translation>
    </message>
    <message>
        <source>This Python has no docstrings (run without -OO) for &apos;python-docs&apos;.</source>
        <translation>这个 Python 没有文档字符串，无法提供“python-docs”（请不要用 -OO 运行）。</translation>
    </message>
    <message>
        <source>Unknown built-in dataset &apos;{name}&apos;.</source>
        <translation>未知的内置数据集“{name}”。</translation>
    </message>
    <message>
        <source>an array&apos;s type is not a name</source>
        <translation>数组的类型不是一个名称</translation>
    </message>
    <message>
        <source>unknown array type {kind}</source>
        <translation>未知的数组类型 {kind}</translation>
    </message>
    <message>
        <source>arrays of {dtype} are not allowed</source>
        <translation>不允许 {dtype} 类型的数组</translation>
    </message>
    <message>
        <source>an array without shape or data</source>
        <translation>一个缺少形状或数据的数组</translation>
    </message>
    <message>
        <source>an array with a malformed shape</source>
        <translation>一个形状格式有误的数组</translation>
    </message>
    <message>
        <source>an array with a malformed type or data</source>
        <translation>一个类型或数据格式有误的数组</translation>
    </message>
    <message>
        <source>an array of shape {shape} holds {size} bytes</source>
        <translation>形状为 {shape} 的数组含有 {size} 个字节</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a CIFAR python batch (not a pickle file).</source>
        <translation>“{name}”不是 CIFAR 的 python 批次文件（不是 pickle 文件）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was refused for safety: it asks to run code ({error}), which a CIFAR batch never does.</source>
        <translation>出于安全考虑已拒绝“{name}”：它要求运行代码（{error}），而 CIFAR 批次文件从不这样做。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a damaged pickle ({error}).</source>
        <translation>“{name}”是一个已损坏的 pickle 文件（{error}）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is damaged: it claims more data than it holds.</source>
        <translation>“{name}”已损坏：它声称的数据比实际含有的多。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a damaged or truncated pickle ({error}).</source>
        <translation>“{name}”是一个已损坏或被截断的 pickle 文件（{error}）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a damaged CIFAR batch: {error}.</source>
        <translation>“{name}”是一个已损坏的 CIFAR 批次文件：{error}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a damaged CIFAR batch (nested too deeply).</source>
        <translation>“{name}”是一个已损坏的 CIFAR 批次文件（嵌套过深）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a CIFAR batch: it holds a {what}.</source>
        <translation>“{name}”不是 CIFAR 批次文件：它含有的是 {what}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a CIFAR batch: it lacks &apos;data&apos; or &apos;{label_key}&apos;.</source>
        <translation>“{name}”不是 CIFAR 批次文件：它缺少“data”或“{label_key}”。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: &apos;data&apos; must be N×3072 bytes, not {dtype} {shape}.</source>
        <translation>“{name}”：“data”必须是 N×3072 个字节，而不是 {dtype} {shape}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: each image must have 3072 values, not {values}.</source>
        <translation>“{name}”：每张图像必须有 3072 个值，而不是 {values} 个。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: the labels are not whole numbers.</source>
        <translation>“{name}”：标签不是整数。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has {images} images but {labels} labels.</source>
        <translation>“{name}”有 {images} 张图像，却有 {labels} 个标签。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: labels must be class numbers from 0, not {min}..{max}.</source>
        <translation>“{name}”：标签必须是从 0 开始的类别编号，而不是 {min}..{max}。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not a CIFAR archive: its &apos;{member}&apos; claims {size:.0f} MB, and a CIFAR batch is at most {most:.0f} MB.</source>
        <translation>“{file}”不是 CIFAR 压缩包：其中的“{member}”声称有 {size:.0f} MB，而一个 CIFAR 批次最多 {most:.0f} MB。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not a readable archive ({error}).</source>
        <translation>“{file}”不是可读取的压缩包（{error}）。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; holds no CIFAR batches (data_batch_1, test_batch, …).</source>
        <translation>“{file}”中没有 CIFAR 批次文件（data_batch_1、test_batch、…）。</translation>
    </message>
    <message>
        <source>No CIFAR training batches in &apos;{path}&apos; (data_batch_1 …, or train).</source>
        <translation>“{path}”中没有 CIFAR 训练批次（data_batch_1 …，或 train）。</translation>
    </message>
    <message>
        <source>Missing batches {missing}: loaded {loaded} of them.</source>
        <translation>缺少批次 {missing}：已加载其中的 {loaded} 个。</translation>
    </message>
    <message>
        <source>Dataset &apos;{dataset}&apos; has no &apos;{name}&apos; split.</source>
        <translation>数据集“{dataset}”没有“{name}”划分。</translation>
    </message>
    <message>
        <source>Dataset &apos;{dataset}&apos; holds {kind} data, not images.</source>
        <translation>数据集“{dataset}”含有的是 {kind} 数据，不是图像。</translation>
    </message>
    <message>
        <source>val_split and test_split together must leave some data for training.</source>
        <translation>val_split 与 test_split 加起来必须给训练留下一些数据。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has too few samples ({count}) to train on.</source>
        <translation>“{name}”的样本太少（{count} 个），无法用来训练。</translation>
    </message>
    <message>
        <source>The download of {file} is corrupt (checksum mismatch). Try again.</source>
        <translation>{file} 的下载已损坏（校验和不匹配）。请重试。</translation>
    </message>
    <message>
        <source>Unknown download &apos;{name}&apos;; choose from {sources}.</source>
        <translation>未知的下载“{name}”；请从以下选择：{sources}。</translation>
    </message>
    <message>
        <source>Could not download {name} ({reason}): you seem to be offline. To import the files instead: get {pages} on a machine with a network, copy them into one folder, and open that folder in NetCanvas.</source>
        <translation>无法下载 {name}（{reason}）：你似乎处于离线状态。也可以改为导入文件：在一台联网的电脑上获取 {pages}，把它们复制到同一个文件夹，再在 NetCanvas 中打开这个文件夹。</translation>
    </message>
    <message>
        <source>Could not save the {name} download in &apos;{folder}&apos;: {error}.</source>
        <translation>无法把下载的 {name} 保存到“{folder}”：{error}。</translation>
    </message>
    <message>
        <source>The archive &apos;{archive}&apos; holds an unsafe path.</source>
        <translation>压缩包“{archive}”含有不安全的路径。</translation>
    </message>
    <message>
        <source>The CIFAR-10 archive in &apos;{folder}&apos; is damaged ({error}).</source>
        <translation>“{folder}”中的 CIFAR-10 压缩包已损坏（{error}）。</translation>
    </message>
    <message>
        <source>Cannot list folder &apos;{folder}&apos;: {reason}.</source>
        <translation>无法列出文件夹“{folder}”的内容：{reason}。</translation>
    </message>
    <message>
        <source>image too large ({width}×{height})</source>
        <translation>图像太大（{width}×{height}）</translation>
    </message>
    <message>
        <source>not an image Pillow can read</source>
        <translation>不是 Pillow 能读取的图像</translation>
    </message>
    <message>
        <source>image too large (possible decompression bomb)</source>
        <translation>图像太大（可能是解压炸弹）</translation>
    </message>
    <message>
        <source>damaged image ({error})</source>
        <translation>图像已损坏（{error}）</translation>
    </message>
    <message>
        <source>image too large to decode</source>
        <translation>图像太大，无法解码</translation>
    </message>
    <message>
        <source>No images found in &apos;{root}&apos;. Put the images of each class in their own sub-folder (for example cats/ and dogs/), optionally under train/ and test/.</source>
        <translation>在“{root}”中没有找到图像。请把每个类别的图像放进各自的子文件夹（例如 cats/ 和 dogs/），也可以再放在 train/ 和 test/ 之下。</translation>
    </message>
    <message>
        <source>&apos;{root}&apos; has only one class (&apos;{class_name}&apos;): a classifier needs at least two sub-folders with images.</source>
        <translation>“{root}”只有一个类别（“{class_name}”）：分类器至少需要两个含有图像的子文件夹。</translation>
    </message>
    <message>
        <source>None of the {count} images in &apos;{root}&apos; could be read.</source>
        <translation>“{root}”中的 {count} 张图像一张都无法读取。</translation>
    </message>
    <message>
        <source>Images resized to {height}×{width}, {channels} channel(s).</source>
        <translation>图像已缩放为 {height}×{width}，{channels} 个通道。</translation>
    </message>
    <message>
        <source>Skipped {count} unreadable file(s).</source>
        <translation>跳过了 {count} 个无法读取的文件。</translation>
    </message>
    <message>
        <source>No test/ folder: the dataset has no test split.</source>
        <translation>没有 test/ 文件夹：这个数据集没有测试集。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; ends in .gz but is not a gzip file.</source>
        <translation>“{name}”以 .gz 结尾，但不是 gzip 文件。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is truncated: its header promises {expected} bytes of data, the file holds {actual}. Download it again.</source>
        <translation>“{name}”被截断了：文件头声明有 {expected} 个字节的数据，文件里只有 {actual} 个。请重新下载。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has {extra} unexpected bytes after its data.</source>
        <translation>“{name}”在数据之后多出 {extra} 个意外的字节。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is too short to be an IDX file ({size} bytes).</source>
        <translation>“{name}”太短，不可能是 IDX 文件（{size} 个字节）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not an IDX file: wrong magic number 0x{magic} (expected 0x0000080N for MNIST-style files).</source>
        <translation>“{name}”不是 IDX 文件：魔数 0x{magic} 不对（MNIST 风格的文件应为 0x0000080N）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is truncated inside its header.</source>
        <translation>“{name}”在文件头内部就被截断了。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; claims {dims} values ({gigabytes:.0f} GB): the header is corrupt or the file is far too large to load.</source>
        <translation>“{name}”声称含有 {dims} 个值（{gigabytes:.0f} GB）：文件头已损坏，或者文件太大，无法加载。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; claims {expected} bytes of data but is only {size} bytes compressed: the header is corrupt.</source>
        <translation>“{name}”声称含有 {expected} 个字节的数据，但压缩后只有 {size} 个字节：文件头已损坏。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a damaged gzip file ({error}). Download it again.</source>
        <translation>“{name}”是一个已损坏的 gzip 文件（{error}）。请重新下载。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is truncated: its header promises {expected} bytes of data, the file holds {done}. Download it again.</source>
        <translation>“{name}”被截断了：文件头声明有 {expected} 个字节的数据，文件里只有 {done} 个。请重新下载。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has unexpected data after the {expected} bytes its header gives.</source>
        <translation>“{name}”在文件头给出的 {expected} 个字节之后还有意外的数据。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not named like an IDX file (…-images-idx3-ubyte).</source>
        <translation>“{file}”的名字不像 IDX 文件（…-images-idx3-ubyte）。</translation>
    </message>
    <message>
        <source>No IDX files (…-images-idx3-ubyte[.gz]) in &apos;{folder}&apos;.</source>
        <translation>“{folder}”中没有 IDX 文件（…-images-idx3-ubyte[.gz]）。</translation>
    </message>
    <message>
        <source>Loaded the &apos;{key}&apos; files; the folder also holds: {others}.</source>
        <translation>已加载“{key}”文件；文件夹中还有：{others}。</translation>
    </message>
    <message>
        <source>Found &apos;{have}&apos; but no matching {missing} file next to it.</source>
        <translation>找到了“{have}”，但旁边没有与之配对的 {missing} 文件。</translation>
    </message>
    <message>
        <source>The train and test images in &apos;{folder}&apos; have different sizes: {shapes}.</source>
        <translation>“{folder}”中训练图像与测试图像的尺寸不同：{shapes}。</translation>
    </message>
    <message>
        <source>&apos;{image_name}&apos; holds {ndim}-D data, not a stack of images.</source>
        <translation>“{image_name}”含有的是 {ndim} 维数据，不是一叠图像。</translation>
    </message>
    <message>
        <source>&apos;{image_name}&apos; must hold unsigned bytes (IDX type 0x08).</source>
        <translation>“{image_name}”必须含有无符号字节（IDX 类型 0x08）。</translation>
    </message>
    <message>
        <source>&apos;{label_name}&apos; is not an IDX label file (1-D integers).</source>
        <translation>“{label_name}”不是 IDX 标签文件（一维整数）。</translation>
    </message>
    <message>
        <source>&apos;{image_name}&apos; has {images} images but &apos;{label_name}&apos; has {labels} labels: the files do not belong together.</source>
        <translation>“{image_name}”有 {images} 张图像，但“{label_name}”有 {labels} 个标签：这两个文件不是一组的。</translation>
    </message>
    <message>
        <source>&apos;{image_name}&apos; contains no images.</source>
        <translation>“{image_name}”中没有图像。</translation>
    </message>
    <message>
        <source>Not enough memory to load &apos;{source}&apos;.</source>
        <translation>内存不足，无法加载“{source}”。</translation>
    </message>
    <message>
        <source>Could not load &apos;{source}&apos;: {kind}: {error}</source>
        <translation>无法加载“{source}”：{kind}：{error}</translation>
    </message>
    <message>
        <source>No dataset chosen: pick a built-in dataset or open a file or folder.</source>
        <translation>没有选择数据集：请选一个内置数据集，或打开一个文件或文件夹。</translation>
    </message>
    <message>
        <source>&apos;{source}&apos; does not exist: it is neither a file nor a built-in ({known}).</source>
        <translation>“{source}”不存在：它既不是文件，也不是内置数据集（{known}）。</translation>
    </message>
    <message>
        <source>NetCanvas cannot open &apos;{file}&apos;: expected a folder of images, IDX (.gz) files, CIFAR batches, a .csv/.tsv table, a .npz/.npy array file or a .txt text.</source>
        <translation>NetCanvas 无法打开“{file}”：应为图像文件夹、IDX（.gz）文件、CIFAR 批次文件、.csv/.tsv 表格、.npz/.npy 数组文件或 .txt 文本。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is empty: a table needs a header row and data rows.</source>
        <translation>“{file}”是空的：表格需要一行表头和若干数据行。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; is not a readable table: {first}.</source>
        <translation>“{file}”不是可读取的表格：{first}。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has no columns.</source>
        <translation>“{file}”没有任何列。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has a header but no data rows.</source>
        <translation>“{file}”有表头，但没有数据行。</translation>
    </message>
    <message>
        <source>&apos;{file}&apos; has {columns} columns; NetCanvas reads tables of at most {most} columns.</source>
        <translation>“{file}”有 {columns} 列；NetCanvas 只能读取最多 {most} 列的表格。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has no column &apos;{target}&apos;. Columns: {columns}.</source>
        <translation>“{name}”没有“{target}”列。已有的列：{columns}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has no column &apos;{column}&apos; to drop. Columns: {columns}.</source>
        <translation>“{name}”中没有可排除的列“{column}”。现有列：{columns}。</translation>
    </message>
    <message>
        <source>&apos;{target}&apos; is the target column: it cannot be dropped. Choose another target first.</source>
        <translation>“{target}”是目标列，不能排除。请先选择另一个目标列。</translation>
    </message>
    <message>
        <source>Dropping {dropped} leaves &apos;{name}&apos; with no feature columns: keep at least one column besides the target &apos;{target}&apos;.</source>
        <translation>排除 {dropped} 后，“{name}”就没有特征列了：除目标列“{target}”外，请至少保留一列。</translation>
    </message>
    <message>
        <source>Dropped {rows} row(s) with no value in &apos;{target}&apos;.</source>
        <translation>删除了 {rows} 行在“{target}”中没有值的数据。</translation>
    </message>
    <message>
        <source>The target column &apos;{target}&apos; of &apos;{name}&apos; has only one value: there is nothing to learn. Choose another target column.</source>
        <translation>“{name}”的目标列“{target}”只有一个取值：没有什么可学的。请选择另一个目标列。</translation>
    </message>
    <message>
        <source>A table cannot be used for the task {task}.</source>
        <translation>表格不能用于任务 {task}。</translation>
    </message>
    <message>
        <source>The target &apos;{target}&apos; of &apos;{name}&apos; has values that are not numbers.</source>
        <translation>“{name}”的目标“{target}”中有不是数字的值。</translation>
    </message>
    <message>
        <source>The target &apos;{target}&apos; of &apos;{name}&apos; has {count} distinct values: too many classes. Is it a number to predict (set task to regression)?</source>
        <translation>“{name}”的目标“{target}”有 {count} 个不同的取值：类别太多了。它是不是一个要预测的数值（把任务设为 regression）？</translation>
    </message>
    <message>
        <source>&apos;binary&apos; needs exactly two classes; &apos;{target}&apos; has {count}.</source>
        <translation>“binary”恰好需要两个类别；“{target}”有 {count} 个。</translation>
    </message>
    <message>
        <source>Dropped column &apos;{label}&apos;: it is empty.</source>
        <translation>删除了列“{label}”：它是空的。</translation>
    </message>
    <message>
        <source>Imputed {missing} missing value(s) in &apos;{label}&apos; with the median ({median:g}).</source>
        <translation>用中位数（{median:g}）填补了“{label}”中的 {missing} 个缺失值。</translation>
    </message>
    <message>
        <source>Dropped column &apos;{label}&apos;: text with {distinct} distinct values.</source>
        <translation>删除了列“{label}”：它是有 {distinct} 个不同取值的文本。</translation>
    </message>
    <message>
        <source>{missing} missing value(s) in &apos;{label}&apos; left as all-zero one-hot rows.</source>
        <translation>“{label}”中的 {missing} 个缺失值保留为全零的独热编码行。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has no usable feature columns besides the target.</source>
        <translation>除了目标列，“{name}”没有可用的特征列。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; contains infinite or too-large numbers.</source>
        <translation>“{name}”中含有无穷大或过大的数。</translation>
    </message>
    <message>
        <source>Unknown text encoding {encoding}.</source>
        <translation>未知的文本编码 {encoding}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not valid {encoding} text ({reason}).</source>
        <translation>“{name}”不是有效的 {encoding} 文本（{reason}）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not text in any of the encodings tried ({tried}). Save it as UTF-8, or set the &apos;encoding&apos; option.</source>
        <translation>“{name}”在尝试过的任何编码（{tried}）下都不是文本。请把它另存为 UTF-8，或设置“encoding”选项。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has only {length} characters: with seq_len {seq_len} it needs at least {needed}. Use a longer text or a shorter seq_len.</source>
        <translation>“{name}”只有 {length} 个字符：seq_len 为 {seq_len} 时至少需要 {needed} 个。请使用更长的文本或更短的 seq_len。</translation>
    </message>
    <message>
        <source>{characters} characters, {distinct} distinct, {windows} windows of {seq_len}.</source>
        <translation>{characters} 个字符，其中 {distinct} 个不同，{windows} 个长度为 {seq_len} 的窗口。</translation>
    </message>
    <message>
        <source>Device &apos;{name}&apos; is not available on this machine. Available: {available}. Choose one of those, or &apos;auto&apos;.</source>
        <translation>这台电脑上没有设备“{name}”。可用的设备：{available}。请从中选择一个，或选“auto”。</translation>
    </message>
    <message>
        <source>Dataset &apos;{dataset}&apos; has no samples to check the export with.</source>
        <translation>数据集“{dataset}”没有可用来检查导出结果的样本。</translation>
    </message>
    <message>
        <source>The exported model returns shape {shape} for input {input}, PyTorch returns {expected}.</source>
        <translation>对于输入 {input}，导出的模型返回形状 {shape}，而 PyTorch 返回 {expected}。</translation>
    </message>
    <message>
        <source>the exported model returns NaN or infinity on real samples where PyTorch returns finite numbers</source>
        <translation>导出的模型在真实样本上输出 NaN 或无穷大，而 PyTorch 输出的是有限数</translation>
    </message>
    <message>
        <source>The model returns NaN or infinity on real samples, so its ONNX export cannot be verified. Train it again (a lower learning rate often helps), then export.</source>
        <translation>模型在真实样本上输出 NaN 或无穷大，因此无法验证其 ONNX 导出。请重新训练（降低学习率通常有帮助），然后再导出。</translation>
    </message>
    <message>
        <source>Cannot export to {target}: the folder {folder} does not exist.</source>
        <translation>无法导出到 {target}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>the ONNX export differs from the PyTorch model by up to {diff:.3g} (allowed {tolerance:g}) on real samples</source>
        <translation>在真实样本上，导出的 ONNX 模型与 PyTorch 模型最多相差 {diff:.3g}（允许 {tolerance:g}）</translation>
    </message>
    <message>
        <source>Could not write {target}: {reason}.</source>
        <translation>无法写入 {target}：{reason}。</translation>
    </message>
    <message>
        <source>ONNX export to {file} failed ({errors}). The file was not written; try another opset or simplify the network.</source>
        <translation>导出 ONNX 到 {file} 失败（{errors}）。文件没有写入；请换一个 opset 或简化网络。</translation>
    </message>
    <message>
        <source>Could not write &apos;{path}&apos; ({reason}). Choose another folder, or free some disk space, and export again.</source>
        <translation>无法写入“{path}”（{reason}）。请选择另一个文件夹，或腾出一些磁盘空间，然后重新导出。</translation>
    </message>
    <message>
        <source>A layer name must start with a letter and use only letters, digits and &apos;_&apos; (at most 64 characters)</source>
        <translation>层名必须以字母开头，只能使用字母、数字和“_”（最多 64 个字符）</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is reserved — choose another name</source>
        <translation>“{name}”是保留名——请换一个名字</translation>
    </message>
    <message>
        <source>There is no layer with id &apos;{node_id}&apos;</source>
        <translation>没有 id 为“{node_id}”的层</translation>
    </message>
    <message>
        <source>A network can have at most {maximum} layers</source>
        <translation>一个网络最多只能有 {maximum} 个层</translation>
    </message>
    <message>
        <source>A layer with id &apos;{node_id}&apos; already exists</source>
        <translation>id 为“{node_id}”的层已经存在</translation>
    </message>
    <message>
        <source>Another layer is already called &apos;{name}&apos; — names must be unique</source>
        <translation>已有另一个层叫“{name}”——层名不能重复</translation>
    </message>
    <message>
        <source>{layer} has no parameter &apos;{key}&apos;</source>
        <translation>“{layer}”没有参数“{key}”</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}：{problem}</translation>
    </message>
    <message>
        <source>Both ends of a connection must be layers of this network</source>
        <translation>连接的两端都必须是这个网络中的层</translation>
    </message>
    <message>
        <source>A layer cannot feed into itself</source>
        <translation>层不能连接到自身</translation>
    </message>
    <message>
        <source>Output is the end of the network — nothing can follow it</source>
        <translation>输出层是网络的终点——后面不能再接任何层</translation>
    </message>
    <message>
        <source>The Input layer takes no input — it is where the data enters</source>
        <translation>输入层不接受输入——数据从这里进入网络</translation>
    </message>
    <message>
        <source>{layer} takes no input</source>
        <translation>“{layer}”不接受输入</translation>
    </message>
    <message>
        <source>An input port is a whole number from 0</source>
        <translation>输入端口是从 0 开始的整数</translation>
    </message>
    <message>
        <source>{layer} takes one input — use Add or Concatenate to merge</source>
        <translation>“{layer}”只接受一个输入——请用“相加”或“拼接”来合并</translation>
    </message>
    <message>
        <source>{layer} takes at most {maximum} inputs</source>
        <translation>“{layer}”最多接受 {maximum} 个输入</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; already has an input — use Add or Concatenate to merge branches</source>
        <translation>“{name}”已经有一个输入——请用“相加”或“拼接”来合并分支</translation>
    </message>
    <message>
        <source>Input {port} of &apos;{name}&apos; is already connected</source>
        <translation>“{name}”的输入 {port} 已经连接</translation>
    </message>
    <message>
        <source>Connecting &apos;{source}&apos; to &apos;{target}&apos; would make a cycle</source>
        <translation>把“{source}”连接到“{target}”会形成环路</translation>
    </message>
    <message>
        <source>That connection does not exist</source>
        <translation>这条连接不存在</translation>
    </message>
    <message>
        <source>{layer} cannot be inserted between two layers</source>
        <translation>“{layer}”不能插入到两个层之间</translation>
    </message>
    <message>
        <source>A layer position must be two numbers</source>
        <translation>层的位置必须是两个数</translation>
    </message>
    <message>
        <source>A layer position must be two numbers from {low:g} to {high:g}, not {pos}</source>
        <translation>层的位置必须是 {low:g} 到 {high:g} 之间的两个数，而不是 {pos}</translation>
    </message>
    <message>
        <source>{name}: trainable must be true or false</source>
        <translation>{name}：trainable 必须是 true 或 false</translation>
    </message>
    <message>
        <source>The network description has no valid schema_version</source>
        <translation>网络描述中没有有效的 schema_version</translation>
    </message>
    <message>
        <source>This network was saved by a newer NetCanvas (graph schema {version}); this version reads up to {supported} — update NetCanvas</source>
        <translation>这个网络是由更新版本的 NetCanvas 保存的（图格式版本 {version}）；当前版本最多只能读取 {supported}——请更新 NetCanvas</translation>
    </message>
    <message>
        <source>The network&apos;s {what} must be a list</source>
        <translation>网络的 {what} 必须是一个列表</translation>
    </message>
    <message>
        <source>The network description must be a JSON object</source>
        <translation>网络描述必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>The network has more than {maximum} layers</source>
        <translation>网络的层数超过了 {maximum}</translation>
    </message>
    <message>
        <source>Layer {number} of the network is not an object</source>
        <translation>网络的第 {number} 个层不是一个对象</translation>
    </message>
    <message>
        <source>Layer {number} has a missing or duplicate id</source>
        <translation>第 {number} 个层的 id 缺失或重复</translation>
    </message>
    <message>
        <source>Layer {number} has an unknown type &apos;{layer_type}&apos;</source>
        <translation>第 {number} 个层的类型“{layer_type}”未知</translation>
    </message>
    <message>
        <source>Layer {number}: {reason}</source>
        <translation>第 {number} 个层：{reason}</translation>
    </message>
    <message>
        <source>Two layers are called &apos;{name}&apos; — names must be unique</source>
        <translation>有两个层都叫“{name}”——层名不能重复</translation>
    </message>
    <message>
        <source>The parameters of &apos;{name}&apos; must be an object</source>
        <translation>“{name}”的参数必须是一个对象</translation>
    </message>
    <message>
        <source>A connection of the network is not an object</source>
        <translation>网络中的某条连接不是一个对象</translation>
    </message>
    <message>
        <source>A connection refers to a layer that does not exist</source>
        <translation>某条连接指向了一个不存在的层</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is an Output and cannot feed another layer</source>
        <translation>“{name}”是输出层，不能再连接到其他层</translation>
    </message>
    <message>
        <source>A connection into &apos;{name}&apos; has an invalid port</source>
        <translation>连接到“{name}”的某条连接端口无效</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot take an input on port {port}</source>
        <translation>“{name}”不能在端口 {port} 上接受输入</translation>
    </message>
    <message>
        <source>Two connections share input {port} of &apos;{name}&apos;</source>
        <translation>有两条连接共用“{name}”的输入 {port}</translation>
    </message>
    <message>
        <source>This project has no training runs yet: train once, then export.</source>
        <translation>这个项目还没有训练记录：请先训练一次，再导出。</translation>
    </message>
    <message>
        <source>Unknown layer type &apos;{type}&apos;</source>
        <translation>未知的层类型“{type}”</translation>
    </message>
    <message>
        <source>{title} cannot read token ids directly — insert Embedding first</source>
        <translation>“{title}”不能直接读取词元编号——请先插入“嵌入”层</translation>
    </message>
    <message>
        <source>{first} and {rest}</source>
        <translation>{first} 和 {rest}</translation>
    </message>
    <message>
        <source>Input&apos;s {key} lists {count} numbers: give one, or one for each of the {channels} channels or features</source>
        <translation>Input 的 {key} 列出了 {count} 个数：请给一个数，或为 {channels} 个通道或特征各给一个</translation>
    </message>
    <message>
        <source>Output expects a flat vector but receives {received} — turn off return_sequences on the recurrent layer or insert Flatten</source>
        <translation>输出层需要一个展平的向量，但收到的是{received}——请关闭循环层的 return_sequences，或插入“展平”层</translation>
    </message>
    <message>
        <source>Output expects a flat vector but receives {shape} — insert Flatten</source>
        <translation>输出层需要一个展平的向量，但收到的是 {shape}——请插入“展平”层</translation>
    </message>
    <message>
        <source>A binary Output has one unit (the logit of the positive class), not {units}</source>
        <translation>二分类的输出层只有一个单元（正类的 logit），而不是 {units} 个</translation>
    </message>
    <message>
        <source>Set Output units to 1</source>
        <translation>把输出层的单元数设为 1</translation>
    </message>
    <message>
        <source>Linear expects a flat vector but receives {shape} — insert Flatten</source>
        <translation>全连接层需要一个展平的向量，但收到的是 {shape}——请插入“展平”层</translation>
    </message>
    <message>
        <source>{title} swaps the two axes of a sequence (T×D ↔ D×T) but receives {received}</source>
        <translation>“{title}”交换序列的两个轴（T×D ↔ D×T），但收到的是{received}</translation>
    </message>
    <message>
        <source>Reshape sizes must be positive, with at most one -1 (meaning &apos;the rest&apos;)</source>
        <translation>变形的各维大小必须为正数，最多只能有一个 -1（表示“其余部分”）</translation>
    </message>
    <message>
        <source>Reshape to {target} cannot split {total} values ({shape}) evenly</source>
        <translation>变形为 {target} 时无法把 {total} 个值（{shape}）均匀拆分</translation>
    </message>
    <message>
        <source>Reshape to {target} needs {known} values but receives {total} ({shape})</source>
        <translation>变形为 {target} 需要 {known} 个值，但收到的是 {total} 个（{shape}）</translation>
    </message>
    <message>
        <source>Dropout2d drops whole channels of an image but receives {received} — use Dropout</source>
        <translation>通道随机失活会丢弃图像的整个通道，但收到的是{received}——请改用“随机失活”</translation>
    </message>
    <message>
        <source>BatchNorm1d expects a vector or channels×length but receives {received} — use BatchNorm2d for images</source>
        <translation>一维批归一化需要向量或“通道×长度”，但收到的是{received}——图像请用“二维批归一化”</translation>
    </message>
    <message>
        <source>BatchNorm2d expects an image (C×H×W) but receives {received} — use BatchNorm1d</source>
        <translation>二维批归一化需要图像（C×H×W），但收到的是{received}——请改用“一维批归一化”</translation>
    </message>
    <message>
        <source>Embedding expects token ids from a text Input but receives {received}</source>
        <translation>嵌入层需要来自文本输入层的词元编号，但收到的是{received}</translation>
    </message>
    <message>
        <source>Add needs inputs of the same shape but receives {listed} — make the branches match (for example with a 1×1 Conv2d or a Linear)</source>
        <translation>“相加”需要形状相同的输入，但收到的是 {listed}——请让各分支的形状一致（例如用 1×1 的二维卷积或全连接层）</translation>
    </message>
    <message>
        <source>Concatenate needs inputs with the same number of axes but receives {listed}</source>
        <translation>“拼接”需要轴数相同的输入，但收到的是 {listed}</translation>
    </message>
    <message>
        <source>Concatenate axis {axis} does not exist for {shape} (axes 0..{last})</source>
        <translation>对于 {shape}，“拼接”的轴 {axis} 不存在（轴为 0..{last}）</translation>
    </message>
    <message>
        <source>Set axis to 0</source>
        <translation>把轴设为 0</translation>
    </message>
    <message>
        <source>Concatenate on axis {axis} needs all other axes to match but receives {listed}</source>
        <translation>沿轴 {axis} “拼接”需要其余各轴都一致，但收到的是 {listed}</translation>
    </message>
    <message>
        <source>an image (C×H×W)</source>
        <translation>图像（C×H×W）</translation>
    </message>
    <message>
        <source>channels×length (C×L)</source>
        <translation>通道×长度（C×L）</translation>
    </message>
    <message>
        <source>use Linear for vectors</source>
        <translation>向量请用全连接层</translation>
    </message>
    <message>
        <source>reshape it first</source>
        <translation>请先变形</translation>
    </message>
    <message>
        <source>check the layer before</source>
        <translation>请检查前面的层</translation>
    </message>
    <message>
        <source>{title} expects {want} but receives {received} — {hint}</source>
        <translation>“{title}”需要{want}，但收到的是{received}——{hint}</translation>
    </message>
    <message>
        <source>{title} groups ({groups}) must divide both the input channels ({channels}) and the filters ({filters})</source>
        <translation>“{title}”的分组数（{groups}）必须同时整除输入通道数（{channels}）和卷积核数（{filters}）</translation>
    </message>
    <message>
        <source>Set groups to 1</source>
        <translation>把分组数设为 1</translation>
    </message>
    <message>
        <source>{title} padding &apos;same&apos; needs stride 1 (it is {stride})</source>
        <translation>“{title}”的填充“same”要求步幅为 1（现在是 {stride}）</translation>
    </message>
    <message>
        <source>Set stride to 1</source>
        <translation>把步幅设为 1</translation>
    </message>
    <message>
        <source>{title} kernel {kshape} is larger than its input {shape} — use a smaller kernel or padding &apos;same&apos;</source>
        <translation>“{title}”的卷积核 {kshape} 比它的输入 {shape} 还大——请用更小的卷积核，或填充“same”</translation>
    </message>
    <message>
        <source>Set kernel size to {size}</source>
        <translation>把卷积核大小设为 {size}</translation>
    </message>
    <message>
        <source>ConvTranspose2d output padding ({output_padding}) must be smaller than the stride ({stride})</source>
        <translation>转置卷积的输出填充（{output_padding}）必须小于步幅（{stride}）</translation>
    </message>
    <message>
        <source>Set output padding to 0</source>
        <translation>把输出填充设为 0</translation>
    </message>
    <message>
        <source>ConvTranspose2d padding {padding} leaves no output from {shape}</source>
        <translation>转置卷积的填充 {padding} 使 {shape} 没有任何输出</translation>
    </message>
    <message>
        <source>Set padding to 0</source>
        <translation>把填充设为 0</translation>
    </message>
    <message>
        <source>{title} padding ({padding}) must be at most half the pool size ({size})</source>
        <translation>“{title}”的填充（{padding}）最多只能是池化大小（{size}）的一半</translation>
    </message>
    <message>
        <source>{title} {size}×{size} shrinks {shape} to nothing — use a smaller pool size or remove this layer</source>
        <translation>“{title}”{size}×{size} 会把 {shape} 缩小到没有——请用更小的池化大小，或删除这个层</translation>
    </message>
    <message>
        <source>Set pool size to {size}</source>
        <translation>把池化大小设为 {size}</translation>
    </message>
    <message>
        <source>GlobalAvgPool averages each channel of an image but receives {received}</source>
        <translation>全局平均池化对图像的每个通道求平均，但收到的是{received}</translation>
    </message>
    <message>
        <source>GlobalMaxPool takes each channel&apos;s largest value over an image or a sequence but receives {received}</source>
        <translation>全局最大池化取每个通道在图像或序列上的最大值，但收到的是{received}</translation>
    </message>
    <message>
        <source>{title} expects a sequence (T×F) but receives {received} — add Reshape or use Conv2d</source>
        <translation>“{title}”需要一个序列（T×F），但收到的是{received}——请添加“变形”层，或改用二维卷积</translation>
    </message>
    <message>
        <source>{title} expects a sequence (T×F) but receives {received} — add Reshape</source>
        <translation>“{title}”需要一个序列（T×F），但收到的是{received}——请添加“变形”层</translation>
    </message>
    <message>
        <source>Insert Reshape to {shape}</source>
        <translation>插入变形为 {shape} 的“变形”层</translation>
    </message>
    <message>
        <source>{label} must be true or false</source>
        <translation>{label}必须是真或假</translation>
    </message>
    <message>
        <source>{label} must be a whole number</source>
        <translation>{label}必须是整数</translation>
    </message>
    <message>
        <source>{label} must be a number</source>
        <translation>{label}必须是数字</translation>
    </message>
    <message>
        <source>{label} must be a finite number</source>
        <translation>{label}必须是有限的数</translation>
    </message>
    <message>
        <source>{label} must be one of: {options}</source>
        <translation>{label}必须是以下之一：{options}</translation>
    </message>
    <message>
        <source>{label} must be a list of whole numbers</source>
        <translation>{label}必须是一组整数</translation>
    </message>
    <message>
        <source>{label} must list between 1 and 8 whole numbers</source>
        <translation>{label}必须列出 1 到 8 个整数</translation>
    </message>
    <message>
        <source>{label} must list between 1 and 64 numbers</source>
        <translation>{label} 必须列出 1 到 64 个数</translation>
    </message>
    <message>
        <source>{label} must be finite numbers</source>
        <translation>{label} 必须是有限的数</translation>
    </message>
    <message>
        <source>{label} must be text</source>
        <translation>{label}必须是文本</translation>
    </message>
    <message>
        <source>{label} must be at least {minimum}</source>
        <translation>{label}至少为 {minimum}</translation>
    </message>
    <message>
        <source>{label} must be at most {maximum}</source>
        <translation>{label}最多为 {maximum}</translation>
    </message>
    <message>
        <source>{label} must be &apos;valid&apos;, &apos;same&apos; or a whole number of pixels</source>
        <translation>{label}必须是“valid”、“same”或以像素计的整数</translation>
    </message>
    <message>
        <source>Insert {layer}</source>
        <translation>插入“{layer}”</translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation>标量</translation>
    </message>
    <message>
        <source>token ids of length {length}</source>
        <translation>长度为 {length} 的词元编号</translation>
    </message>
    <message>
        <source>token ids</source>
        <translation>词元编号</translation>
    </message>
    <message>
        <source>a vector {shape}</source>
        <translation>向量 {shape}</translation>
    </message>
    <message>
        <source>a sequence {shape}</source>
        <translation>序列 {shape}</translation>
    </message>
    <message>
        <source>an image {shape}</source>
        <translation>图像 {shape}</translation>
    </message>
    <message>
        <source>a tensor {shape}</source>
        <translation>张量 {shape}</translation>
    </message>
    <message>
        <source>Unknown split &apos;{split}&apos;: choose test, val or train.</source>
        <translation>未知的数据划分“{split}”：请选择 test、val 或 train。</translation>
    </message>
    <message>
        <source>This dataset has no {split} samples, so there is nothing to evaluate on that split.</source>
        <translation>此数据集没有 {split} 样本，因此无法在该划分上评估。</translation>
    </message>
    <message>
        <source>Inputs have shape {inputs}, but the model takes samples of shape {shape} (a batch is N×{batch}).</source>
        <translation>输入的形状是 {inputs}，但模型接受的样本形状是 {shape}（一个批次为 N×{batch}）。</translation>
    </message>
    <message>
        <source>Text generation needs a character model trained on a text dataset.</source>
        <translation>文本生成需要一个在文本数据集上训练过的字符模型。</translation>
    </message>
    <message>
        <source>The model has no layer named &apos;{name}&apos;.</source>
        <translation>模型中没有名为“{name}”的层。</translation>
    </message>
    <message>
        <source>Could not save &apos;{target}&apos;: {reason}</source>
        <translation>无法保存“{target}”：{reason}</translation>
    </message>
    <message>
        <source>Cannot open {where}: there is no such file</source>
        <translation>无法打开 {where}：没有这个文件</translation>
    </message>
    <message>
        <source>{where} is not a NetCanvas project (no {project_json})</source>
        <translation>{where} 不是 NetCanvas 项目（没有 {project_json}）</translation>
    </message>
    <message>
        <source>{where} is damaged or not a NetCanvas project ({error})</source>
        <translation>{where} 已损坏，或者不是 NetCanvas 项目（{error}）</translation>
    </message>
    <message>
        <source>{where} could not be read ({error})</source>
        <translation>无法读取 {where}（{error}）</translation>
    </message>
    <message>
        <source>{where} has a damaged {project_json} ({error})</source>
        <translation>{where} 中的 {project_json} 已损坏（{error}）</translation>
    </message>
    <message>
        <source>{where} holds {count} files; a project holds a few</source>
        <translation>{where} 含有 {count} 个文件；一个项目只含有几个文件</translation>
    </message>
    <message>
        <source>{where} contains a suspicious file name ({name}); not opened</source>
        <translation>{where} 中有一个可疑的文件名（{name}）；没有打开</translation>
    </message>
    <message>
        <source>{where} contains {name} twice; not opened</source>
        <translation>{where} 中 {name} 出现了两次；没有打开</translation>
    </message>
    <message>
        <source>{where}: {name} is too large ({file_size} bytes); not opened</source>
        <translation>{where}：{name} 太大（{file_size} 个字节）；没有打开</translation>
    </message>
    <message>
        <source>{where}: {name} is compressed suspiciously well (a zip bomb?)</source>
        <translation>{where}：{name} 的压缩率高得可疑（是 zip 炸弹吗？）</translation>
    </message>
    <message>
        <source>{where}: {name} is not the size its header declares; not opened</source>
        <translation>{where}：{name} 的大小与其文件头声明的不符；没有打开</translation>
    </message>
    <message>
        <source>{where} has damaged weights ({error})</source>
        <translation>{where} 中的权重已损坏（{error}）</translation>
    </message>
    <message>
        <source>{where}: {error}</source>
        <translation>{where}：{error}</translation>
    </message>
    <message>
        <source>{where} is not a NetCanvas project (no valid schema_version)</source>
        <translation>{where} 不是 NetCanvas 项目（没有有效的 schema_version）</translation>
    </message>
    <message>
        <source>This project was saved by a newer NetCanvas (schema {version}); this version reads up to {supported} — update NetCanvas</source>
        <translation>这个项目是由更新版本的 NetCanvas 保存的（格式版本 {version}）；当前版本最多只能读取 {supported}——请更新 NetCanvas</translation>
    </message>
    <message>
        <source>{where}: {project_json} must hold a JSON object</source>
        <translation>{where}：{project_json} 必须含有一个 JSON 对象</translation>
    </message>
    <message>
        <source>layer &apos;{name}&apos;: </source>
        <translation>层“{name}”：</translation>
    </message>
    <message>
        <source>The network does not fit the data — {where}{message}</source>
        <translation>网络与数据不匹配——{where}{message}</translation>
    </message>
    <message>
        <source>The network has errors. Fix them and train it again before exporting the model.</source>
        <translation>网络有错误。请先修复它们并重新训练，再导出模型。</translation>
    </message>
    <message>
        <source>The network has changed since this model was trained. Train it again (or undo the changes) before exporting, so that the file matches the network you see.</source>
        <translation>这个模型训练之后网络已经改变。请在导出前重新训练（或撤销这些更改），让文件与你看到的网络一致。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has no trained weights yet: train it first.</source>
        <translation>“{name}”还没有训练好的权重：请先训练。</translation>
    </message>
    <message>
        <source>The saved weights do not match the network ({error}). Train it afresh.</source>
        <translation>保存的权重与网络不匹配（{error}）。请重新开始训练。</translation>
    </message>
    <message>
        <source>There is no template &apos;{template_id}&apos; (known: {known})</source>
        <translation>没有模板“{template_id}”（已有的模板：{known}）</translation>
    </message>
    <message>
        <source>Could not write checkpoint &apos;{name}&apos; in {folder}: {reason}. Check that the folder exists and is writable.</source>
        <translation>无法在 {folder} 中写入检查点“{name}”：{reason}。请检查这个文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>Checkpoint &apos;{name}&apos; in {folder} is missing or unreadable ({error}). Train again to write a new one.</source>
        <translation>{folder} 中的检查点“{name}”缺失或无法读取（{error}）。请重新训练以写入一个新的检查点。</translation>
    </message>
    <message>
        <source>Unknown loss &apos;{name}&apos;. Choose one of: {losses}.</source>
        <translation>未知的损失函数“{name}”。请从以下选择：{losses}。</translation>
    </message>
    <message>
        <source>Every layer with weights is frozen, so there is nothing to train. Make at least one layer trainable (the Trainable box in the inspector).</source>
        <translation>所有带权重的层都已冻结，没有可训练的内容。请至少让一层可训练（检查器中的“可训练”复选框）。</translation>
    </message>
    <message>
        <source>Learning rate must be a positive number, got {lr}.</source>
        <translation>学习率必须是正数，收到的是 {lr}。</translation>
    </message>
    <message>
        <source>Unknown optimiser &apos;{name}&apos;. Choose one of: {optimizers}.</source>
        <translation>未知的优化器“{name}”。请从以下选择：{optimizers}。</translation>
    </message>
    <message>
        <source>Unknown learning-rate schedule &apos;{schedule}&apos;. Choose one of: {schedules}.</source>
        <translation>未知的学习率调度“{schedule}”。请从以下选择：{schedules}。</translation>
    </message>
    <message>
        <source>This model is already training; stop it before starting again.</source>
        <translation>这个模型已经在训练了；请先停止，再重新开始。</translation>
    </message>
    <message>
        <source>Checkpoint &apos;{name}&apos; in {directory} belongs to a different network (mismatched weights: {missing}). Use a matching project.</source>
        <translation>{directory} 中的检查点“{name}”属于另一个网络（不匹配的权重：{missing}）。请使用与之匹配的项目。</translation>
    </message>
    <message>
        <source>There are no weights to export: build or train the network first.</source>
        <translation>没有可导出的权重：请先构建或训练网络。</translation>
    </message>
    <message>
        <source>The network has no weights to export (it has no trainable layers).</source>
        <translation>网络没有可导出的权重（它没有可训练的层）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs the extension .safetensors or .pt to say which format to write.</source>
        <translation>“{name}”需要 .safetensors 或 .pt 扩展名，以确定写入哪种格式。</translation>
    </message>
    <message>
        <source>Could not read the weights file &apos;{path}&apos; ({error}).</source>
        <translation>无法读取权重文件“{path}”（{error}）。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; does not hold a dict of tensors.</source>
        <translation>“{path}”中不是一个由张量组成的字典。</translation>
    </message>
    <message>
        <source>Target column: &apos;{target}&apos;, because its name marks it as the label. Choose another under Target (CLI: --target).</source>
        <translation>目标列：“{target}”，因为它的名字表明它是标签。可在“目标”中另选（命令行：--target）。</translation>
    </message>
    <message>
        <source>Target column: &apos;{target}&apos;, the last column, since no column is named like a label ({names}). Choose another under Target (CLI: --target).</source>
        <translation>目标列：“{target}”，即最后一列，因为没有哪一列的名字像标签（{names}）。可在“目标”中另选（命令行：--target）。</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; looks like an identifier ({distinct} different values in {rows} rows): a network can only memorise it.</source>
        <translation>“{column}”看起来是编号（{rows} 行中有 {distinct} 个不同的值）：网络只能死记硬背它。</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; alone gives &apos;{target}&apos; in {hits} of {rows} rows checked (a threshold on its values is enough).</source>
        <translation>在检查的 {rows} 行中，仅凭“{column}”就能在 {hits} 行得出“{target}”（对其取值设一个阈值就够了）。</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; equals &apos;{target}&apos; under another name ({mapping}) in {hits} of {rows} rows.</source>
        <translation>在 {rows} 行中的 {hits} 行，“{column}”就是换了名字的“{target}”（{mapping}）。</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; alone gives &apos;{target}&apos; in {hits} of {rows} rows ({mapping}).</source>
        <translation>仅凭“{column}”就能在 {rows} 行中的 {hits} 行得出“{target}”（{mapping}）。</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; alone explains &apos;{target}&apos; with R² = {r2:.3f} over {rows} rows.</source>
        <translation>仅凭“{column}”就能解释“{target}”：在 {rows} 行上 R² = {r2:.3f}。</translation>
    </message>
    <message>
        <source>{field} is {value}, but it must be {allowed}</source>
        <translation>{field} 的值为 {value}，但它必须是{allowed}</translation>
    </message>
    <message>
        <source>{field} is missing</source>
        <translation>缺少 {field}</translation>
    </message>
    <message>
        <source>a whole number from {low} to {high}</source>
        <translation>{low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>a number from {low:g} to {high:g}</source>
        <translation>{low:g} 到 {high:g} 之间的数</translation>
    </message>
    <message>
        <source>text of at most {length} characters</source>
        <translation>最多 {length} 个字符的文本</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>以下之一：{choices}</translation>
    </message>
    <message>
        <source>a JSON object</source>
        <translation>一个 JSON 对象</translation>
    </message>
    <message>
        <source>a list of at most {count} items</source>
        <translation>最多 {count} 项的列表</translation>
    </message>
    <message>
        <source>a number or null</source>
        <translation>一个数或 null</translation>
    </message>
    <message>
        <source>text, a number, true, false or a short list</source>
        <translation>文本、数字、true、false 或简短列表</translation>
    </message>
    <message>
        <source>an id no other run has</source>
        <translation>其他运行未使用的编号</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>一个名称</translation>
    </message>
    <message>
        <source>text, a number, true, false or null</source>
        <translation>文本、数字、true、false 或 null</translation>
    </message>
    <message>
        <source>a sentence naming only its values ({names})</source>
        <translation>只引用自身取值（{names}）的句子</translation>
    </message>
    <message>
        <source>{op} {names}: {reason}</source>
        <translation>{op} {names}：{reason}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}；{rest}</translation>
    </message>
    <message>
        <source>{file} cannot be imported: {count} node(s) have no NetCanvas layer — {nodes}. Nothing was imported.</source>
        <translation>无法导入 {file}：{count} 个节点没有对应的 NetCanvas 层 — {nodes}。未导入任何内容。</translation>
    </message>
    <message>
        <source>The Input feeds the model as its NetCanvas export recorded: (pixels × scale − mean) / std.</source>
        <translation>Input 按该模型的 NetCanvas 导出记录来喂数据：(像素 × 缩放 − 均值) / 标准差。</translation>
    </message>
    <message>
        <source>The model takes raw 0–255 pixels: the Input feeds them unscaled.</source>
        <translation>模型接受原始的 0–255 像素：Input 不经缩放直接喂入。</translation>
    </message>
    <message>
        <source>The file does not say how its images were normalised: the Input feeds pixels / 255 (0 to 1). If the model was trained otherwise, set the Input&apos;s scale, mean and std.</source>
        <translation>文件没有说明其图像如何归一化：Input 按 像素 / 255（0 到 1）喂数据。如果模型是用别的方式训练的，请设置 Input 的缩放、均值和标准差。</translation>
    </message>
    <message>
        <source>its values cannot be read ({error})</source>
        <translation>无法读取它的数值（{error}）</translation>
    </message>
    <message>
        <source>The model ended in {layer}; the imported Output gives the scores before it (the loss applies it).</source>
        <translation>模型以 {layer} 结尾；导入后的输出层给出它之前的分数（由损失函数来应用它）。</translation>
    </message>
    <message>
        <source>a NetCanvas network ends in a Dense layer (its Output), not in {layer}</source>
        <translation>NetCanvas 网络以全连接层（输出层）结尾，而不是 {layer}</translation>
    </message>
    <message>
        <source>its weights {key} {shape} do not fit the layer</source>
        <translation>它的权重 {key} {shape} 与该层不匹配</translation>
    </message>
    <message>
        <source>{file} is not a model NetCanvas can read: {reason}</source>
        <translation>{file} 不是 NetCanvas 能读取的模型：{reason}</translation>
    </message>
    <message>
        <source>The model&apos;s tensor &apos;{name}&apos; claims {count:,} values, more than NetCanvas reads ({limit:,}).</source>
        <translation>模型的张量“{name}”声称有 {count:,} 个数值，超过 NetCanvas 可读取的上限（{limit:,}）。</translation>
    </message>
    <message>
        <source>a weight is not numbers</source>
        <translation>有一个权重不是数值</translation>
    </message>
    <message>
        <source>it is larger than 2 GiB</source>
        <translation>文件大于 2 GiB</translation>
    </message>
    <message>
        <source>it has no config.json or weights</source>
        <translation>其中没有 config.json 或权重</translation>
    </message>
    <message>
        <source>it is too large</source>
        <translation>文件太大</translation>
    </message>
    <message>
        <source>it has no Keras model (only weights?)</source>
        <translation>其中没有 Keras 模型（只有权重？）</translation>
    </message>
    <message>
        <source>it is used more than once (a shared layer)</source>
        <translation>它被使用了不止一次（共享层）</translation>
    </message>
    <message>
        <source>NetCanvas has no activation &apos;{name}&apos;</source>
        <translation>NetCanvas 没有激活函数“{name}”</translation>
    </message>
    <message>
        <source>it applies softmax over an image&apos;s channels</source>
        <translation>它在图像的通道上应用 softmax</translation>
    </message>
    <message>
        <source>its model is of an unknown kind</source>
        <translation>其中的模型类型未知</translation>
    </message>
    <message>
        <source>it lists no layers</source>
        <translation>其中没有列出任何层</translation>
    </message>
    <message>
        <source>it does not say its input shape</source>
        <translation>它没有说明输入形状</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>it is too long</source>
        <translation>它太长了</translation>
    </message>
    <message>
        <source>it is not valid Python (line {line}: {error})</source>
        <translation>它不是有效的 Python 代码（第 {line} 行：{error}）</translation>
    </message>
    <message>
        <source>it has no keras.Sequential([...]) or nn.Sequential(...) network</source>
        <translation>其中没有 keras.Sequential([...]) 或 nn.Sequential(...) 网络</translation>
    </message>
    <message>
        <source>{file} cannot be read as a network: {reason}</source>
        <translation>无法把 {file} 读作网络：{reason}</translation>
    </message>
    <message>
        <source>no NetCanvas layer does this</source>
        <translation>没有 NetCanvas 层能做这件事</translation>
    </message>
    <message>
        <source>its arguments are not plain values</source>
        <translation>它的参数不是普通的值</translation>
    </message>
    <message>
        <source>it does not say its input shape (give the first layer input_shape=...)</source>
        <translation>它没有说明输入形状（请给第一层加上 input_shape=...）</translation>
    </message>
    <message>
        <source>its Sequential is empty</source>
        <translation>它的 Sequential 是空的</translation>
    </message>
    <message>
        <source>NetCanvas&apos;s layers are square</source>
        <translation>NetCanvas 的层是正方形的</translation>
    </message>
    <message>
        <source>NetCanvas pools to 1×1 only</source>
        <translation>NetCanvas 只能池化到 1×1</translation>
    </message>
    <message>
        <source>NetCanvas&apos;s LayerNorm normalises the last axis</source>
        <translation>NetCanvas 的层归一化作用于最后一个维度</translation>
    </message>
    <message>
        <source>it does not say its input size</source>
        <translation>它没有说明输入大小</translation>
    </message>
    <message>
        <source>no input size makes its layers fit together</source>
        <translation>没有哪个输入大小能让它的各层互相匹配</translation>
    </message>
    <message>
        <source>it declares {declared} inputs but receives {got}</source>
        <translation>它声明 {declared} 个输入，但收到 {got} 个</translation>
    </message>
    <message>
        <source>its inputs are not in the model</source>
        <translation>它的输入不在模型中</translation>
    </message>
    <message>
        <source>NetCanvas networks have exactly one output</source>
        <translation>NetCanvas 网络只有一个输出</translation>
    </message>
    <message>
        <source>its output layer is missing</source>
        <translation>缺少它的输出层</translation>
    </message>
    <message>
        <source>it takes one input</source>
        <translation>它只接受一个输入</translation>
    </message>
    <message>
        <source>its {what} {values} differ between axes</source>
        <translation>它的 {what} {values} 在各维度上不同</translation>
    </message>
    <message>
        <source>its weights are missing from the file</source>
        <translation>文件中缺少它的权重</translation>
    </message>
    <message>
        <source>its input size is not fixed</source>
        <translation>它的输入尺寸不固定</translation>
    </message>
    <message>
        <source>The model read images as N×H×W×C; the imported network reads N×C×H×W.</source>
        <translation>模型按 N×H×W×C 读取图像；导入后的网络按 N×C×H×W 读取。</translation>
    </message>
    <message>
        <source>an input of shape {shape} is not an image (N×C×H×W), a vector (N×F) or token ids (N×T)</source>
        <translation>形状为 {shape} 的输入不是图像（N×C×H×W）、向量（N×F）或词元编号（N×T）</translation>
    </message>
    <message>
        <source>Dense on an image works on its channels; add Flatten first</source>
        <translation>对图像使用全连接层只作用于其通道；请先加入展平层</translation>
    </message>
    <message>
        <source>its &apos;same&apos; padding with stride {stride} pads one side more</source>
        <translation>它在步长 {stride} 下的 &apos;same&apos; 填充会使一侧多填充</translation>
    </message>
    <message>
        <source>it needs a channels-last image</source>
        <translation>它需要通道在后的图像</translation>
    </message>
    <message>
        <source>its &apos;same&apos; padding differs between axes</source>
        <translation>它的 &apos;same&apos; 填充在各维度上不同</translation>
    </message>
    <message>
        <source>it needs a sequence (steps × channels)</source>
        <translation>它需要一个序列（步数×通道）</translation>
    </message>
    <message>
        <source>it needs a channels-last sequence</source>
        <translation>它需要通道在后的序列</translation>
    </message>
    <message>
        <source>NetCanvas pools whole sequences only</source>
        <translation>NetCanvas 只能对整个序列做池化</translation>
    </message>
    <message>
        <source>NetCanvas pools whole channels-last images only</source>
        <translation>NetCanvas 只能对通道在后的整幅图像做池化</translation>
    </message>
    <message>
        <source>its dilation or output padding are not supported</source>
        <translation>不支持它的膨胀或输出填充</translation>
    </message>
    <message>
        <source>its padding &apos;{padding}&apos; at stride {stride} is not supported</source>
        <translation>不支持它在步长 {stride} 下的填充 &apos;{padding}&apos;</translation>
    </message>
    <message>
        <source>its &apos;same&apos; padding crops one side more than the other</source>
        <translation>它的 &apos;same&apos; 填充在一侧裁掉的比另一侧多</translation>
    </message>
    <message>
        <source>NetCanvas pools channels-last images with &apos;valid&apos; padding only</source>
        <translation>NetCanvas 只能以 &apos;valid&apos; 填充对通道在后的图像做池化</translation>
    </message>
    <message>
        <source>its cap, threshold or slope is not supported</source>
        <translation>不支持它的上限、阈值或斜率</translation>
    </message>
    <message>
        <source>NetCanvas&apos;s Softmax works on the last axis</source>
        <translation>NetCanvas 的 Softmax 作用于最后一个维度</translation>
    </message>
    <message>
        <source>it normalises an axis NetCanvas&apos;s BatchNorm does not</source>
        <translation>它归一化的维度不是 NetCanvas 批归一化所用的维度</translation>
    </message>
    <message>
        <source>NetCanvas adds tensors of the same shape</source>
        <translation>NetCanvas 只能相加形状相同的张量</translation>
    </message>
    <message>
        <source>its inputs are not alike</source>
        <translation>它的各个输入不一致</translation>
    </message>
    <message>
        <source>it joins along the batch axis</source>
        <translation>它沿批维度拼接</translation>
    </message>
    <message>
        <source>an Embedding reads the token ids of the Input</source>
        <translation>嵌入层读取输入层的词元编号</translation>
    </message>
    <message>
        <source>its mask of zeros is not supported</source>
        <translation>不支持它的零值掩码</translation>
    </message>
    <message>
        <source>its input is not a batch of sequences</source>
        <translation>它的输入不是一批序列</translation>
    </message>
    <message>
        <source>it reads backwards, keeps state or returns it</source>
        <translation>它反向读取、保持状态或返回状态</translation>
    </message>
    <message>
        <source>its activations differ from torch&apos;s</source>
        <translation>它的激活函数与 torch 的不同</translation>
    </message>
    <message>
        <source>its reset gate works differently from torch&apos;s GRU</source>
        <translation>它的重置门与 torch 的 GRU 工作方式不同</translation>
    </message>
    <message>
        <source>only a Bidirectional LSTM, GRU or SimpleRNN whose two outputs are joined (merge_mode &apos;concat&apos;) is imported</source>
        <translation>只导入两个输出被拼接（merge_mode 为 &apos;concat&apos;）的双向 LSTM、GRU 或 SimpleRNN</translation>
    </message>
    <message>
        <source>it reshapes into or out of a channels-last image</source>
        <translation>它变形为通道在后的图像或从中变形</translation>
    </message>
    <message>
        <source>{file} is not a model file NetCanvas can import (it reads .onnx, .h5, .keras and .py files)</source>
        <translation>{file} 不是 NetCanvas 能导入的模型文件（可读取 .onnx、.h5、.keras 和 .py 文件）</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>its weights are too large</source>
        <translation>它的权重太大</translation>
    </message>
    <message>
        <source>its input {what} must be a constant</source>
        <translation>它的输入 {what} 必须是常量</translation>
    </message>
    <message>
        <source>it works on constants NetCanvas cannot keep</source>
        <translation>它作用于 NetCanvas 无法保存的常量</translation>
    </message>
    <message>
        <source>its input is laid out as {shape}, which this layer cannot read</source>
        <translation>它的输入排列为 {shape}，此层无法读取</translation>
    </message>
    <message>
        <source>it has too many nodes</source>
        <translation>节点太多</translation>
    </message>
    <message>
        <source>its graph has a cycle</source>
        <translation>它的图中有环</translation>
    </message>
    <message>
        <source>NetCanvas networks have exactly one input</source>
        <translation>NetCanvas 网络只有一个输入</translation>
    </message>
    <message>
        <source>the output is not made by a layer NetCanvas has</source>
        <translation>输出不是由 NetCanvas 拥有的层产生的</translation>
    </message>
    <message>
        <source>its kind of constant is not supported</source>
        <translation>不支持这种常量</translation>
    </message>
    <message>
        <source>it casts to a type NetCanvas does not use</source>
        <translation>它转换成 NetCanvas 不使用的类型</translation>
    </message>
    <message>
        <source>no NetCanvas layer does this to a tensor</source>
        <translation>没有 NetCanvas 层能对张量做这件事</translation>
    </message>
    <message>
        <source>it picks parts of a tensor, which no layer does</source>
        <translation>它选取张量的一部分，没有层做这件事</translation>
    </message>
    <message>
        <source>it computes with the batch size</source>
        <translation>它用批大小做计算</translation>
    </message>
    <message>
        <source>it fills a tensor of the batch&apos;s size</source>
        <translation>它填充一个与批大小相同的张量</translation>
    </message>
    <message>
        <source>it makes too large a tensor</source>
        <translation>它生成的张量太大</translation>
    </message>
    <message>
        <source>it squeezes an axis that is not 1</source>
        <translation>它压缩一个大小不为 1 的维度</translation>
    </message>
    <message>
        <source>it reshapes across the batch axis</source>
        <translation>它跨批维度变形</translation>
    </message>
    <message>
        <source>it reshapes a tensor laid out as {shape}, which changes the order of its values</source>
        <translation>它变形一个排列为 {shape} 的张量，这会改变数值的顺序</translation>
    </message>
    <message>
        <source>it flattens across the batch axis</source>
        <translation>它跨批维度展平</translation>
    </message>
    <message>
        <source>its target shape does not fit its input</source>
        <translation>它的目标形状与输入不匹配</translation>
    </message>
    <message>
        <source>it flattens from an axis other than 1</source>
        <translation>它从第 1 维以外的维度展平</translation>
    </message>
    <message>
        <source>NetCanvas&apos;s GELU is the exact one</source>
        <translation>NetCanvas 的 GELU 是精确版本</translation>
    </message>
    <message>
        <source>a Transformer block reads a sequence N×T×D</source>
        <translation>Transformer 块读取的是序列 N×T×D</translation>
    </message>
    <message>
        <source>its weights do not fit its input</source>
        <translation>它的权重与输入不匹配</translation>
    </message>
    <message>
        <source>A LayerNorm of the file adds {epsilon} to the variance; NetCanvas&apos;s adds 1e-5 (the outputs differ very slightly).</source>
        <translation>文件中的一个层归一化在方差上加 {epsilon}；NetCanvas 的加 1e-5（输出会有极小的差别）。</translation>
    </message>
    <message>
        <source>it transposes its input</source>
        <translation>它转置自己的输入</translation>
    </message>
    <message>
        <source>its bias does not fit its output</source>
        <translation>它的偏置与输出不匹配</translation>
    </message>
    <message>
        <source>it scales or shifts the input (preprocessing), which no layer does</source>
        <translation>它对输入做缩放或平移（预处理），没有层做这件事</translation>
    </message>
    <message>
        <source>it adds a constant, which no layer does alone</source>
        <translation>它加上一个常量，没有层单独做这件事</translation>
    </message>
    <message>
        <source>Per-channel scale and shift nodes became BatchNorm layers (exact at inference; in training they normalise by the batch).</source>
        <translation>逐通道的缩放和平移节点变成了批归一化层（推理时完全一致；训练时它们按批做归一化）。</translation>
    </message>
    <message>
        <source>NetCanvas convolves sequences and images only</source>
        <translation>NetCanvas 只能对序列和图像做卷积</translation>
    </message>
    <message>
        <source>NetCanvas up-samples images only</source>
        <translation>NetCanvas 只能对图像上采样</translation>
    </message>
    <message>
        <source>its dilation, groups or output shape are not supported</source>
        <translation>不支持它的膨胀、分组或输出形状</translation>
    </message>
    <message>
        <source>its automatic padding is not supported</source>
        <translation>不支持它的自动填充</translation>
    </message>
    <message>
        <source>NetCanvas pools images only</source>
        <translation>NetCanvas 只能对图像做池化</translation>
    </message>
    <message>
        <source>its dilation is not supported</source>
        <translation>不支持它的膨胀</translation>
    </message>
    <message>
        <source>its &apos;same&apos; padding is not supported</source>
        <translation>不支持它的 &apos;same&apos; 填充</translation>
    </message>
    <message>
        <source>it rounds its output size up (ceil mode)</source>
        <translation>它把输出尺寸向上取整（ceil 模式）</translation>
    </message>
    <message>
        <source>it leaves its padding out of the averages</source>
        <translation>它的平均值不计入填充</translation>
    </message>
    <message>
        <source>it is in training mode</source>
        <translation>它处于训练模式</translation>
    </message>
    <message>
        <source>it reads backwards only</source>
        <translation>它只反向读取</translation>
    </message>
    <message>
        <source>a bidirectional layer&apos;s last state is not imported (its whole sequence is)</source>
        <translation>不导入双向层的最终状态（可以导入它的整个序列输出）</translation>
    </message>
    <message>
        <source>its {option} option is not supported</source>
        <translation>不支持它的 {option} 选项</translation>
    </message>
    <message>
        <source>it reduces over axes other than the positions</source>
        <translation>它在位置以外的轴上做归约</translation>
    </message>
    <message>
        <source>its sequence lengths or peepholes are not supported</source>
        <translation>不支持它的序列长度或窥视孔连接</translation>
    </message>
    <message>
        <source>its initial state is not zero</source>
        <translation>它的初始状态不为零</translation>
    </message>
    <message>
        <source>both its sequence and its last state are used</source>
        <translation>它的序列输出和最后状态都被使用了</translation>
    </message>
    <message>
        <source>it is not an ONNX model ({error})</source>
        <translation>它不是 ONNX 模型（{error}）</translation>
    </message>
    <message>
        <source>it has no nodes</source>
        <translation>其中没有节点</translation>
    </message>
    <message>
        <source>its weights file &apos;{location}&apos; is not beside it</source>
        <translation>它的权重文件“{location}”不在它旁边</translation>
    </message>
    <message>
        <source>its weights file &apos;{location}&apos; is truncated</source>
        <translation>它的权重文件“{location}”不完整</translation>
    </message>
    <message>
        <source>The dataset embedded in the project is damaged: {reason}.</source>
        <translation>项目中嵌入的数据集已损坏：{reason}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; takes {size:.1f} MB compressed; a project can embed at most {limit:.0f} MB. Keep the data beside the project instead: the project finds it there.</source>
        <translation>“{name}”压缩后占 {size:.1f} MB；一个项目最多可嵌入 {limit:.0f} MB。请改为把数据放在项目旁边：项目会在那里找到它。</translation>
    </message>
    <message>
        <source>its description is not readable</source>
        <translation>无法读取它的描述</translation>
    </message>
    <message>
        <source>unknown kind or task</source>
        <translation>未知的数据类型或任务</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a list of names</source>
        <translation>“{key}”不是名称列表</translation>
    </message>
    <message>
        <source>the vocabulary is not a list of characters</source>
        <translation>词表不是字符列表</translation>
    </message>
    <message>
        <source>its name is not text</source>
        <translation>它的名称不是文本</translation>
    </message>
    <message>
        <source>the {split} split is incomplete</source>
        <translation>{split} 划分不完整</translation>
    </message>
    <message>
        <source>the {split} split holds {dtype} inputs</source>
        <translation>{split} 划分中的输入是 {dtype} 类型</translation>
    </message>
    <message>
        <source>the splits have different shapes</source>
        <translation>各划分的形状不同</translation>
    </message>
    <message>
        <source>it has no training or validation split</source>
        <translation>它没有训练或验证划分</translation>
    </message>
    <message>
        <source>it holds unexpected arrays</source>
        <translation>它包含意外的数组</translation>
    </message>
    <message>
        <source>its description is missing</source>
        <translation>缺少它的描述</translation>
    </message>
    <message>
        <source>Explanations are made for image classifiers.</source>
        <translation>解释图只适用于图像分类网络。</translation>
    </message>
    <message>
        <source>Unknown explanation method &apos;{method}&apos; (use {methods}).</source>
        <translation>未知的解释方法“{method}”（可用：{methods}）。</translation>
    </message>
    <message>
        <source>Class {target} does not exist (0 to {last}).</source>
        <translation>类别 {target} 不存在（应为 0 到 {last}）。</translation>
    </message>
    <message>
        <source>Grad-CAM and HiResCAM need a network with a Conv2d layer.</source>
        <translation>Grad-CAM 和 HiResCAM 需要一个带有 Conv2d 层的网络。</translation>
    </message>
    <message>
        <source>&apos;{layer}&apos; is not a Conv2d layer of this network (it has {layers}).</source>
        <translation>“{layer}”不是这个网络的 Conv2d 层（它有：{layers}）。</translation>
    </message>
    <message>
        <source>Attention maps need a character model on a text dataset.</source>
        <translation>注意力图需要在文本数据集上训练的字符模型。</translation>
    </message>
    <message>
        <source>This network has no attention layer: add a TransformerBlock or a MultiHeadSelfAttention to see what its heads look at.</source>
        <translation>这个网络没有注意力层：添加 TransformerBlock 或 MultiHeadSelfAttention，才能看到各个头关注什么。</translation>
    </message>
    <message>
        <source>None of the characters typed is in the dataset&apos;s vocabulary.</source>
        <translation>输入的字符都不在数据集的词表中。</translation>
    </message>
    <message>
        <source>{title} expects a sequence of token vectors (T×D) but receives {received} — put an Embedding before it, or Reshape</source>
        <translation>{title} 需要词元向量序列（T×D），但收到的是{received}——请在它之前放一个 Embedding，或用 Reshape</translation>
    </message>
    <message>
        <source>{title} splits each {dim}-long token vector among {heads} heads, but {dim} is not divisible by {heads}</source>
        <translation>{title} 要把每个长度为 {dim} 的词元向量分给 {heads} 个头，但 {dim} 不能被 {heads} 整除</translation>
    </message>
    <message>
        <source>Set heads to {heads}</source>
        <translation>把头数设为 {heads}</translation>
    </message>
    <message>
        <source>The dataset &apos;{name}&apos; has no {split} split.</source>
        <translation>数据集“{name}”没有 {split} 划分。</translation>
    </message>
    <message>
        <source>Unknown recipe &apos;{recipe}&apos; (use defaults, {recipes}).</source>
        <translation>未知的训练方案“{recipe}”（可用：defaults、{recipes}）。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has no trained weights to reuse: train it first.</source>
        <translation>“{name}”没有可复用的已训练权重：请先训练它。</translation>
    </message>
    <message>
        <source>No layer of &apos;{name}&apos; matches a layer of this network by name and shape, so there are no weights to reuse. Reuse its whole network instead.</source>
        <translation>“{name}”中没有与本网络名称和形状都一致的层，因此没有可复用的权重。请改为复用它的整个网络。</translation>
    </message>
</context>
<context>
    <name>EvaluatePane</name>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Train a network, then evaluate it here.</source>
        <translation>先训练一个网络，再在这里评估它。</translation>
    </message>
    <message>
        <source>Export ONNX…</source>
        <translation>导出 ONNX…</translation>
    </message>
    <message>
        <source>Export PyTorch script…</source>
        <translation>导出 PyTorch 脚本…</translation>
    </message>
    <message>
        <source>Click a cell to see its samples.</source>
        <translation>点击一个格子即可查看其中的样本。</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Rows: true class · columns: predicted class · blue: right, orange: wrong. Click a cell to see its samples.</source>
        <translation>行：真实类别 · 列：预测类别 · 蓝色：正确，橙色：错误。点击一个格子即可查看其中的样本。</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>avg. precision</source>
        <translation>平均精确率</translation>
    </message>
    <message>
        <source>support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>No misclassified samples.</source>
        <translation>没有分错的样本。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Wrong answers, most confident first (true → predicted, confidence). Click one to see why.</source>
        <translation>分错的样本，最有把握的排在前面（真实 → 预测，置信度）。点击一个即可查看原因。</translation>
    </message>
    <message>
        <source>Click a sample to see why the network decided so (the Explain tab)</source>
        <translation>点击一个样本，查看网络为何这样判断（“解释”标签页）</translation>
    </message>
    <message>
        <source>Each colour is the class the network predicts there; paler means less sure.</source>
        <translation>每种颜色表示网络在该处预测的类别；颜色越浅表示越不确定。</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>各类别</translation>
    </message>
    <message>
        <source>Misclassified</source>
        <translation>分错的样本</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>手绘</translation>
    </message>
    <message>
        <source>ROC / PR</source>
        <translation>ROC / PR</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Generate text</source>
        <translation>生成文本</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测结果</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Evaluation failed.</source>
        <translation>评估失败。</translation>
    </message>
    <message>
        <source>Evaluation failed: {0}</source>
        <translation>评估失败：{0}</translation>
    </message>
    <message>
        <source>Exported {0}. Checked in onnxruntime: largest difference to PyTorch {1:.2e}.</source>
        <translation>已导出 {0}。已在 onnxruntime 中核对：与 PyTorch 的最大差异为 {1:.2e}。</translation>
    </message>
    <message>
        <source>Wrote the PyTorch script {0}.</source>
        <translation>已写出 PyTorch 脚本 {0}。</translation>
    </message>
    <message>
        <source>Test split (this dataset has none)</source>
        <translation>测试集（此数据集没有）</translation>
    </message>
    <message>
        <source>{0} samples</source>
        <translation>{0} 个样本</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>macro average</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <source>weighted average</source>
        <translation>加权平均</translation>
    </message>
    <message>
        <source>True {0}, predicted {1}: {2} samples</source>
        <translation>真实 {0}，预测 {1}：{2} 个样本</translation>
    </message>
</context>
<context>
    <name>ExplainTab</name>
    <message>
        <source>Saliency</source>
        <translation>显著图</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>HiResCAM</source>
        <translation>HiResCAM</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <source>Saliency: the gradient of the class&apos;s score at each pixel. Grad-CAM: a convolution layer&apos;s maps weighted by their mean gradient. HiResCAM: the same with each position&apos;s own gradient (true to a Flatten → Dense head). Occlusion: what covering a patch costs.</source>
        <translation>显著性：类别得分在每个像素处的梯度。Grad-CAM：卷积层的特征图按其平均梯度加权。HiResCAM：同样的做法，但每个位置用它自己的梯度（忠实于“展平 → 全连接”的输出头）。遮挡：遮住一块区域的代价。</translation>
    </message>
    <message>
        <source>The Conv2d layer Grad-CAM or HiResCAM looks at (the last sees most)</source>
        <translation>Grad-CAM 或 HiResCAM 查看的 Conv2d 层（最后一层看到的最多）</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>The class whose evidence is shown</source>
        <translation>显示哪个类别的证据</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>No explanation: {0}</source>
        <translation>无法生成解释：{0}</translation>
    </message>
    <message>
        <source>the predicted one</source>
        <translation>预测的类别</translation>
    </message>
    <message>
        <source>Train a network on images to see why it decides.</source>
        <translation>在图像数据上训练网络后，即可查看它为何这样判断。</translation>
    </message>
    <message>
        <source>Saliency: how strongly each pixel moves the score of &apos;{0}&apos; (the gradient).</source>
        <translation>显著图：每个像素对“{0}”得分的影响有多大（梯度）。</translation>
    </message>
    <message>
        <source>Grad-CAM: where {1} saw evidence for &apos;{0}&apos;.</source>
        <translation>Grad-CAM：{1} 在哪里看到了“{0}”的证据。</translation>
    </message>
    <message>
        <source>HiResCAM: what each position of {1} adds to the score of &apos;{0}&apos;.</source>
        <translation>HiResCAM：{1} 的每个位置给“{0}”的得分加了多少。</translation>
    </message>
    <message>
        <source>Occlusion: how much the probability of &apos;{0}&apos; drops when a patch there is covered.</source>
        <translation>遮挡：遮住该处的一小块后，“{0}”的概率下降多少。</translation>
    </message>
    <message>
        <source>The network gives &apos;{0}&apos; a probability of {1:.1%}.</source>
        <translation>网络给出“{0}”的概率为 {1:.1%}。</translation>
    </message>
    <message>
        <source>Brighter: mattered more.</source>
        <translation>越亮表示越重要。</translation>
    </message>
    <message>
        <source>Sample #{0} is labelled &apos;{1}&apos;.</source>
        <translation>第 {0} 号样本的标签是“{1}”。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>evidence for &apos;{0}&apos;</source>
        <translation>“{0}”的证据</translation>
    </message>
</context>
<context>
    <name>ExplainabilityLab</name>
    <message>
        <source>Test digit</source>
        <translation>测试数字</translation>
    </message>
    <message>
        <source>Cover the 6 brightest</source>
        <translation>遮住最亮的 6 个</translation>
    </message>
    <message>
        <source>Cover the six pixels the saliency map marks most</source>
        <translation>遮住显著性图标得最亮的六个像素</translation>
    </message>
    <message>
        <source>Uncover all</source>
        <translation>全部取消遮挡</translation>
    </message>
    <message>
        <source>Click a pixel to cover it (it becomes 0), again to uncover</source>
        <translation>点击像素将其遮住（变为 0），再次点击取消遮挡</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>类别概率</translation>
    </message>
    <message>
        <source>Training a small digit classifier…</source>
        <translation>正在训练一个小型数字分类器…</translation>
    </message>
    <message>
        <source>Test digit:</source>
        <translation>测试数字：</translation>
    </message>
    <message>
        <source>The digit (click to cover)</source>
        <translation>数字（点击遮挡）</translation>
    </message>
    <message>
        <source>Saliency: gradient × input</source>
        <translation>显著性：梯度 × 输入</translation>
    </message>
    <message>
        <source>Digit {0} (labelled {1}): the network says &apos;{2}&apos; with {3:.0%}; with the covered pixels ({4}) set to 0: {5:.0%}. Covering the pixels the saliency map marks brightest costs the most — that is what the map claims, and occlusion tests it.</source>
        <translation>第 {0} 个数字（标签为 {1}）：网络以 {3:.0%} 的概率判断为“{2}”；把遮住的像素（{4} 个）设为 0 后：{5:.0%}。遮住显著性图标得最亮的像素代价最大——这是热力图的断言，而遮挡检验它。</translation>
    </message>
</context>
<context>
    <name>FeatureMapsTab</name>
    <message>
        <source>Train a network on images to see its feature maps.</source>
        <translation>在图像数据上训练网络后即可查看它的特征图。</translation>
    </message>
    <message>
        <source>Feature maps unavailable: {0}</source>
        <translation>无法显示特征图：{0}</translation>
    </message>
    <message>
        <source>This network has no convolution layer.</source>
        <translation>这个网络没有卷积层。</translation>
    </message>
    <message>
        <source>Bright = strong activation. Each tile is one channel of the layer&apos;s output.</source>
        <translation>越亮表示激活越强。每个小图是该层输出的一个通道。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; — output {1}, first {2} channels</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;——输出 {1}，前 {2} 个通道</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Network canvas</source>
        <translation>网络画布</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Layer name</source>
        <translation>层名称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <source>No layer selected</source>
        <translation>未选中任何层</translation>
    </message>
    <message>
        <source>Select a layer on the canvas to see and change its settings. Drag layers from the palette onto the canvas; drag from a layer&apos;s bottom port to another layer&apos;s top port to connect them.</source>
        <translation>在画布上选中一个层即可查看和修改它的设置。把层从层面板拖到画布上；从一个层底部的端口拖到另一个层顶部的端口即可连接它们。</translation>
    </message>
    <message>
        <source>Output shape: %s</source>
        <translation>输出形状：%s</translation>
    </message>
    <message>
        <source>Parameters: %s</source>
        <translation>参数量：%s</translation>
    </message>
    <message>
        <source>Multiply-adds per sample: %s</source>
        <translation>每个样本的乘加次数：%s</translation>
    </message>
    <message>
        <source>Fix: %s</source>
        <translation>修复：%s</translation>
    </message>
    <message>
        <source>Off: the layer is frozen. Training leaves its weights as they are (transfer learning: keep what a trained network learned) and it runs as at inference.</source>
        <translation>关闭：该层被冻结。训练不会改变它的权重（迁移学习：保留已训练网络学到的东西），并且它按推理模式运行。</translation>
    </message>
</context>
<context>
    <name>LabWidget</name>
    <message>
        <source>The computation failed: %s</source>
        <translation>计算失败：%s</translation>
    </message>
</context>
<context>
    <name>LabsPanel</name>
    <message>
        <source>Some lab files could not be read:</source>
        <translation>有些实验文件无法读取：</translation>
    </message>
    <message>
        <source>Preparing the lab project…</source>
        <translation>正在准备实验项目…</translation>
    </message>
    <message>
        <source>Open the lab project</source>
        <translation>打开实验项目</translation>
    </message>
    <message>
        <source>Open this lab&apos;s ready-made network and dataset in the editor</source>
        <translation>在编辑器中打开本实验准备好的网络和数据集</translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation>实验(&amp;L)</translation>
    </message>
    <message>
        <source>Check your understanding</source>
        <translation>检验你的理解</translation>
    </message>
    <message>
        <source>Lab text</source>
        <translation>实验说明</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>实验</translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <source>Search layers…</source>
        <translation>搜索层…</translation>
    </message>
    <message>
        <source>Search layers</source>
        <translation>搜索层</translation>
    </message>
    <message>
        <source>Layer palette</source>
        <translation>层面板</translation>
    </message>
</context>
<context>
    <name>LeakWarnings</name>
    <message>
        <source>Leak: {0}</source>
        <translation>泄漏：{0}</translation>
    </message>
    <message>
        <source>Drop &apos;{0}&apos;</source>
        <translation>排除“{0}”</translation>
    </message>
    <message>
        <source>Leave this column out of the features and reload</source>
        <translation>将这一列排除在特征之外并重新加载</translation>
    </message>
</context>
<context>
    <name>LivePlots</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>samples/s</source>
        <translation>样本/秒</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Hover over a plot to read its values.</source>
        <translation>将鼠标悬停在图上即可读取数值。</translation>
    </message>
    <message>
        <source>overfitting from epoch {0}</source>
        <translation>从第 {0} 轮开始过拟合</translation>
    </message>
    <message>
        <source>epoch {0:.2f}</source>
        <translation>第 {0:.2f} 轮</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>val accuracy</source>
        <translation>验证准确率</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>网络层</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性检查器</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Start from a template</source>
        <translation>从模板开始</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import Model…</source>
        <translation>导入模型(&amp;I)…</translation>
    </message>
    <message>
        <source>Open an ONNX or Keras model file as a new project, with its weights</source>
        <translation>把 ONNX 或 Keras 模型文件连同权重作为新项目打开</translation>
    </message>
    <message>
        <source>&amp;Reuse Layers from Another Project…</source>
        <translation>从其他项目复用层(&amp;R)…</translation>
    </message>
    <message>
        <source>Start this network from a trained project&apos;s layers and weights (transfer learning)</source>
        <translation>让本网络从一个已训练项目的层和权重开始（迁移学习）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Network Editor</source>
        <translation>网络编辑器(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Start Page</source>
        <translation>起始页(&amp;S)</translation>
    </message>
    <message>
        <source>Show as &amp;Code…</source>
        <translation>显示为代码(&amp;C)…</translation>
    </message>
    <message>
        <source>The network as Keras and as PyTorch code</source>
        <translation>以 Keras 和 PyTorch 代码显示网络</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Canvas Only</source>
        <translation>仅显示画布(&amp;C)</translation>
    </message>
    <message>
        <source>Give the network editor the whole window; press F11 again to bring the panes back</source>
        <translation>让网络编辑器占满整个窗口；再按一次 F11 恢复各个面板</translation>
    </message>
    <message>
        <source>&amp;Panes Below</source>
        <translation>下方窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Show or hide the Data, Training, Evaluate and Labs panes, so the canvas gets the window&apos;s height (Ctrl+J)</source>
        <translation>显示或隐藏数据、训练、评估和实验窗格，让画布占满窗口高度（Ctrl+J）</translation>
    </message>
    <message>
        <source>&amp;About NetCanvas</source>
        <translation>关于 NetCanvas(&amp;A)</translation>
    </message>
    <message>
        <source>Copy &amp;Diagnostics</source>
        <translation>复制诊断信息(&amp;D)</translation>
    </message>
    <message>
        <source>Copy the versions, the device and the end of the log file, to paste into a message to your teacher or a bug report</source>
        <translation>复制版本、设备和日志文件的末尾部分，以便粘贴到给老师的消息或问题报告中</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New from &amp;Template</source>
        <translation>从模板新建(&amp;T)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Model as &amp;ONNX…</source>
        <translation>ONNX 模型(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;PyTorch Script…</source>
        <translation>PyTorch 脚本(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Weights…</source>
        <translation>权重(&amp;W)…</translation>
    </message>
    <message>
        <source>Training &amp;History…</source>
        <translation>训练历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Lab &amp;Report…</source>
        <translation>实验报告(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Paste as &amp;Network</source>
        <translation>粘贴为网络(&amp;N)</translation>
    </message>
    <message>
        <source>A keras.Sequential([...]) or nn.Sequential(...) from the clipboard, as a new project</source>
        <translation>把剪贴板中的 keras.Sequential([...]) 或 nn.Sequential(...) 作为新项目打开</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Guided &amp;Labs</source>
        <translation>引导实验(&amp;L)</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Loading PyTorch…</source>
        <translation>正在加载 PyTorch…</translation>
    </message>
    <message>
        <source>PyTorch loaded in %1 s. Devices: %2</source>
        <translation>PyTorch 已在 %1 秒内加载。设备：%2</translation>
    </message>
    <message>
        <source>PyTorch unavailable</source>
        <translation>PyTorch 不可用</translation>
    </message>
    <message>
        <source>NetCanvas</source>
        <translation>NetCanvas</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it and %1? Save keeps the project with what the run has learnt so far.</source>
        <translation>训练正在进行。要停止训练并%1吗？“保存”会连同这次训练到目前为止学到的内容一起保存项目。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them before you %2?</source>
        <translation>“%1”有未保存的更改。要在%2之前保存吗？</translation>
    </message>
    <message>
        <source>The saved weights do not fit this network: %1</source>
        <translation>保存的权重与这个网络不匹配：%1</translation>
    </message>
    <message>
        <source>start a new project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>open the default project</source>
        <translation>打开默认项目</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>open another project</source>
        <translation>打开另一个项目</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Import Model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>Models (*.onnx *.h5 *.keras)</source>
        <translation>模型 (*.onnx *.h5 *.keras)</translation>
    </message>
    <message>
        <source>import a model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>paste a network</source>
        <translation>粘贴网络</translation>
    </message>
    <message>
        <source>Pasted network</source>
        <translation>粘贴的网络</translation>
    </message>
    <message>
        <source>Cannot paste as a network</source>
        <translation>无法粘贴为网络</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>已导入 %1。</translation>
    </message>
    <message>
        <source>Cannot import model</source>
        <translation>无法导入模型</translation>
    </message>
    <message>
        <source>Reuse Layers from Another Project</source>
        <translation>从其他项目复用层</translation>
    </message>
    <message>
        <source>Reuse Layers</source>
        <translation>复用层</translation>
    </message>
    <message>
        <source>Stop the run first: it is training the network&apos;s current weights.</source>
        <translation>请先停止训练：它正在训练网络当前的权重。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Reading the project</source>
        <translation>读取项目</translation>
    </message>
    <message>
        <source>Reused layers from %1 (%2): %3.</source>
        <translation>已从 %1 复用层（%2 个）：%3。</translation>
    </message>
    <message>
        <source>Cannot reuse layers</source>
        <translation>无法复用层</translation>
    </message>
    <message>
        <source>open the lab&apos;s project</source>
        <translation>打开实验项目</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>The project could not be saved to %1:
%2

Nothing was lost: the project is still open. Save it somewhere else now?</source>
        <translation>无法将项目保存到 %1：
%2

没有丢失任何内容：项目仍处于打开状态。现在将其保存到其他位置吗？</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Damaged recovery note</source>
        <translation>恢复记录已损坏</translation>
    </message>
    <message>
        <source>A crash-recovery note could not be read and was set aside as %1. NetCanvas starts normally.</source>
        <translation>无法读取崩溃恢复记录，已将其另存为 %1。NetCanvas 正常启动。</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>NetCanvas did not close normally last time. An autosaved copy of your project from %1 was found. Restore it?</source>
        <translation>NetCanvas 上次没有正常关闭。找到了您的项目在 %1 自动保存的副本。要恢复它吗？</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Restart in the new language</source>
        <translation>以新的语言重新启动</translation>
    </message>
    <message>
        <source>NetCanvas shows the new language after a restart. Restart now? You are asked first about unsaved changes, and the project opens again.</source>
        <translation>NetCanvas 重新启动后才会显示新的语言。现在重新启动吗？有未保存的更改时会先询问您，项目会重新打开。</translation>
    </message>
    <message>
        <source>Diagnostics copied. The log file is %1</source>
        <translation>已复制诊断信息。日志文件位于 %1</translation>
    </message>
    <message>
        <source>Diagnostics copied.</source>
        <translation>已复制诊断信息。</translation>
    </message>
    <message>
        <source>About NetCanvas</source>
        <translation>关于 NetCanvas</translation>
    </message>
    <message>
        <source>NetCanvas %1
Build, train, inspect and export neural networks.</source>
        <translation>NetCanvas %1
构建、训练、分析并导出神经网络。</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>MetricsLab</name>
    <message>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>狗</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>鸟</translation>
    </message>
    <message>
        <source>predicted %s</source>
        <translation>预测为%s</translation>
    </message>
    <message>
        <source>true %s</source>
        <translation>实际为%s</translation>
    </message>
    <message>
        <source>Confusion matrix: rows are true classes, columns predicted classes</source>
        <translation>混淆矩阵：行是真实类别，列是预测类别</translation>
    </message>
    <message>
        <source>Edit any cell (type a count and press Enter): everything below is recomputed.</source>
        <translation>编辑任意格子（输入数目并按回车）：下方的所有数值都会重新计算。</translation>
    </message>
    <message>
        <source>Step-by-step computation</source>
        <translation>逐步计算</translation>
    </message>
    <message>
        <source>### Accuracy</source>
        <translation>### 准确率</translation>
    </message>
    <message>
        <source>accuracy = correct / all = (%s) / %d = %d / %d = **%s**</source>
        <translation>准确率 = 正确数 / 总数 = (%s) / %d = %d / %d = **%s**</translation>
    </message>
    <message>
        <source>### Class “%s”</source>
        <translation>### 类别“%s”</translation>
    </message>
    <message>
        <source>- TP = %d (diagonal cell), FP = %d (rest of its column), FN = %d (rest of its row)</source>
        <translation>- TP = %d（对角线格子），FP = %d（该列其余部分），FN = %d（该行其余部分）</translation>
    </message>
    <message>
        <source>- precision = TP / (TP + FP) = %d / %d = **%s**</source>
        <translation>- 精确率 = TP / (TP + FP) = %d / %d = **%s**</translation>
    </message>
    <message>
        <source>- recall = TP / (TP + FN) = %d / %d = **%s**</source>
        <translation>- 召回率 = TP / (TP + FN) = %d / %d = **%s**</translation>
    </message>
    <message>
        <source>- F1 = 2 · P · R / (P + R) = 2 · %s · %s / (%s + %s) = **%s**</source>
        <translation>- F1 = 2 · P · R / (P + R) = 2 · %s · %s / (%s + %s) = **%s**</translation>
    </message>
    <message>
        <source>### Macro average</source>
        <translation>### 宏平均</translation>
    </message>
    <message>
        <source>macro F1 = mean of the per-class F1 = **%s**</source>
        <translation>宏平均 F1 = 各类别 F1 的平均值 = **%s**</translation>
    </message>
</context>
<context>
    <name>OverfittingLab</name>
    <message>
        <source>Dropout (p = 0.3)</source>
        <translation>随机失活（p = 0.3）</translation>
    </message>
    <message>
        <source>Weight decay (L2, 0.01)</source>
        <translation>权重衰减（L2，0.01）</translation>
    </message>
    <message>
        <source>Augmentation (jitter the points)</source>
        <translation>数据增强（抖动数据点）</translation>
    </message>
    <message>
        <source>Early stopping (patience 30)</source>
        <translation>早停（耐心 30 轮）</translation>
    </message>
    <message>
        <source>Run both trainings</source>
        <translation>运行两次训练</translation>
    </message>
    <message>
        <source>A 2-128-128-2 network, 30 training points, 400 validation points, 300 epochs.</source>
        <translation>一个 2-128-128-2 网络，30 个训练点，400 个验证点，训练 300 轮。</translation>
    </message>
    <message>
        <source>Without remedies</source>
        <translation>不加对策</translation>
    </message>
    <message>
        <source>With the chosen remedies</source>
        <translation>使用所选对策</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Final validation loss: %.3f without remedies, %.3f with them (validation accuracy %.1f %% and %.1f %%). The gap between the training and validation curves is the overfitting.</source>
        <translation>最终验证损失：不加对策为 %.3f，使用对策为 %.3f（验证准确率分别为 %.1f %% 和 %.1f %%）。训练曲线与验证曲线之间的差距就是过拟合。</translation>
    </message>
</context>
<context>
    <name>PredictionScatter</name>
    <message>
        <source>true value</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>After OK, NetCanvas offers to restart in the new language.</source>
        <translation>按“确定”后，NetCanvas 会提示您以新的语言重新启动。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Colour theme:</source>
        <translation>配色主题：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How often an unsaved project is copied for recovery.</source>
        <translation>多久把未保存的项目复制一份以备恢复。</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>自动保存间隔：</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
</context>
<context>
    <name>ProjectDocument</name>
    <message>
        <source>There is no trained model yet. Train the network, then export.</source>
        <translation>还没有训练好的模型。请先训练网络，再导出。</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <source>Question %d</source>
        <translation>问题 %d</translation>
    </message>
    <message>
        <source>Type a number, e.g. 0.25</source>
        <translation>输入一个数，例如 0.25</translation>
    </message>
    <message>
        <source>Answer to question %d</source>
        <translation>问题 %d 的答案</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Type your answer first.</source>
        <translation>请先输入答案。</translation>
    </message>
    <message>
        <source>Choose an answer first.</source>
        <translation>请先选择一个答案。</translation>
    </message>
    <message>
        <source>✓ Correct.</source>
        <translation>✓ 正确。</translation>
    </message>
    <message>
        <source>✗ Not quite, try again.</source>
        <translation>✗ 不太对，再试一次。</translation>
    </message>
</context>
<context>
    <name>RankingCurvesView</name>
    <message>
        <source>ROC curve</source>
        <translation>ROC 曲线</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>假正例率</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>真正例率</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>精确率–召回率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>The {0} classes with the lowest AUC of {1}.</source>
        <translation>{1} 个类别中 AUC 最低的 {0} 个。</translation>
    </message>
    <message>
        <source>Each class against all the others. AUC 1 is perfect, 0.5 is chance.</source>
        <translation>每个类别对其余所有类别。AUC 为 1 表示完美，0.5 相当于随机猜测。</translation>
    </message>
</context>
<context>
    <name>RecurrentLab</name>
    <message>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>LSTM forget-gate bias</source>
        <translation>LSTM 遗忘门偏置</translation>
    </message>
    <message>
        <source>Compute gradient norms</source>
        <translation>计算梯度范数</translation>
    </message>
    <message>
        <source>Press the button to measure.</source>
        <translation>点击按钮开始测量。</translation>
    </message>
    <message>
        <source>Plain RNN (tanh)</source>
        <translation>普通 RNN（tanh）</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>time step t</source>
        <translation>时间步 t</translation>
    </message>
    <message>
        <source>Sequence length:</source>
        <translation>序列长度：</translation>
    </message>
    <message>
        <source>LSTM forget-gate bias:</source>
        <translation>LSTM 遗忘门偏置：</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Gradient reaching the first step, relative to the last: RNN %.1e, LSTM %.1e. The smaller it is, the less the first characters can influence learning.</source>
        <translation>传到第一个时间步的梯度相对于最后一步的比例：RNN %.1e，LSTM %.1e。这个比例越小，开头的字符对学习的影响就越小。</translation>
    </message>
</context>
<context>
    <name>ReuseDialog</name>
    <message>
        <source>Reuse Layers from {0}</source>
        <translation>从 {0} 复用层</translation>
    </message>
    <message>
        <source>Keep this network; copy the weights of the layers that fit</source>
        <translation>保留本网络；复制形状相符的层的权重</translation>
    </message>
    <message>
        <source>Use the network of {0} (fitted to this data), with its weights</source>
        <translation>使用 {0} 的网络（适配到本数据），连同其权重</translation>
    </message>
    <message>
        <source>Layers trained on other data already know useful features (edges, strokes, shapes): starting from them, a network learns a small dataset faster and better than from scratch.</source>
        <translation>在其他数据上训练过的层已经学会了有用的特征（边缘、笔画、形状）：从它们开始，网络学习小数据集比从零开始更快、更好。</translation>
    </message>
    <message>
        <source>Freeze the reused feature layers (those before Flatten): the rest trains</source>
        <translation>冻结复用的特征层（Flatten 之前的层）：其余层照常训练</translation>
    </message>
    <message>
        <source>A CNN&apos;s convolutions learn features that carry over (edges, strokes, shapes); its dense layers and the Output learn the new classes. Frozen layers keep what they learned; unfreeze them later (the layer&apos;s Trainable box) to fine-tune everything.</source>
        <translation>CNN 的卷积层学到的特征可以迁移（边缘、笔画、形状）；它的全连接层和输出层学习新的类别。冻结的层保留已学到的内容；之后可取消冻结（层的“可训练”选项），微调全部层。</translation>
    </message>
    <message>
        <source>The next run starts from these weights (Training ▸ Initialisation: the saved weights). This project&apos;s own trained weights are replaced; its runs stay.</source>
        <translation>下一次训练从这些权重开始（训练 ▸ 初始化：保存的权重）。本项目自己的已训练权重会被替换；其训练记录保留。</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>复用</translation>
    </message>
    <message>
        <source>{0} and {1} more</source>
        <translation>{0} 等，另有 {1} 个</translation>
    </message>
    <message>
        <source>Layers that start from its weights ({0}): {1}.</source>
        <translation>从它的权重开始的层（{0} 个）：{1}。</translation>
    </message>
</context>
<context>
    <name>RunMessages</name>
    <message>
        <source>The loss became NaN or infinite at step {step} (epoch {epoch}); training stopped and kept the last good weights. Lower the learning rate (now {lr:g}), e.g. to {lower:g}, or enable gradient clipping.</source>
        <translation>损失在第 {step} 步（第 {epoch} 轮）变成了 NaN 或无穷大；训练已停止，并保留了最后一组正常的权重。请降低学习率（当前为 {lr:g}），例如降到 {lower:g}，或启用梯度裁剪。</translation>
    </message>
    <message>
        <source>The loss became NaN or infinite during epoch {epoch}; training stopped and kept the last good weights. Lower the learning rate (now {lr:g}), e.g. to {lower:g}, or enable gradient clipping.</source>
        <translation>损失在第 {epoch} 轮中变成了 NaN 或无穷大；训练已停止，并保留了最后一组正常的权重。请降低学习率（当前为 {lr:g}），例如降到 {lower:g}，或启用梯度裁剪。</translation>
    </message>
    <message>
        <source>The GPU ran out of memory with batch size {batch}. Try batch size {half} or smaller, a smaller network, or train on the CPU.</source>
        <translation>批大小为 {batch} 时 GPU 显存不足。请试试 {half} 或更小的批大小、更小的网络，或改用 CPU 训练。</translation>
    </message>
    <message>
        <source>Training failed at step {step}: {error}</source>
        <translation>训练在第 {step} 步失败：{error}</translation>
    </message>
    <message>
        <source>Early stopping: validation loss did not improve for {epochs} epochs; restored the best weights, from epoch {best}.</source>
        <translation>早停：验证损失已连续 {epochs} 轮没有改善；已恢复第 {best} 轮的最好权重。</translation>
    </message>
    <message>
        <source>Restored the best weights, from epoch {best} (validation loss {loss:.4g}).</source>
        <translation>已恢复第 {best} 轮的最好权重（验证损失 {loss:.4g}）。</translation>
    </message>
    <message>
        <source>Stopped by request. Epochs completed: {epochs}.</source>
        <translation>已按要求停止。已完成的轮数：{epochs}。</translation>
    </message>
    <message>
        <source>Stopped at the time limit of {limit:g} s, after {seconds:.1f} s of training. Epochs completed: {epochs}.</source>
        <translation>已达到 {limit:g} 秒的时间限制而停止，共训练 {seconds:.1f} 秒。已完成的轮数：{epochs}。</translation>
    </message>
</context>
<context>
    <name>SampleSource</name>
    <message>
        <source>Test sample</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <source>My drawing</source>
        <translation>我的手绘</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>sample #</source>
        <translation>样本编号</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>NetCanvas</source>
        <translation>NetCanvas</translation>
    </message>
    <message>
        <source>Build a neural network by dragging layers, train it, see what it learned.</source>
        <translation>拖放层来搭建神经网络，训练它，看看它学到了什么。</translation>
    </message>
    <message>
        <source>New from a template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>Open the default project</source>
        <translation>打开默认项目</translation>
    </message>
    <message>
        <source>The digit-recognition CNN with 5 000 bundled MNIST images, ready to train.</source>
        <translation>手写数字识别卷积网络，附带 5 000 张 MNIST 图像，可以直接训练。</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>No recent projects yet.</source>
        <translation>还没有最近的项目。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>preview unavailable</source>
        <translation>无法预览</translation>
    </message>
    <message>
        <source>%s (missing)</source>
        <translation>%s（文件已不存在）</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <source>Parameters: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>参数量：&lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Learnable weights and biases in the whole network.</source>
        <translation>整个网络中可学习的权重和偏置。</translation>
    </message>
    <message>
        <source>(trainable %s, frozen %s)</source>
        <translation>（可训练 %s，已冻结 %s）</translation>
    </message>
    <message>
        <source>Frozen layers keep their weights: training changes only the rest.</source>
        <translation>冻结的层保留自己的权重：训练只改变其余的层。</translation>
    </message>
    <message>
        <source>Multiply-adds per sample: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>每个样本的乘加次数：&lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <source>How much arithmetic one forward pass of one sample costs.</source>
        <translation>一个样本做一次前向传播所需的计算量。</translation>
    </message>
    <message>
        <source>Training memory (batch %d): &lt;b&gt;≈ %s&lt;/b&gt;</source>
        <translation>训练内存（批大小 %d）：&lt;b&gt;≈ %s&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Weights, gradients, optimiser state and activations for one training step.</source>
        <translation>一个训练步所需的权重、梯度、优化器状态和激活值。</translation>
    </message>
    <message>
        <source>Valid network</source>
        <translation>网络有效</translation>
    </message>
    <message>
        <source>1 problem to fix</source>
        <translation>有 1 个问题需要修复</translation>
    </message>
    <message>
        <source>%d problems to fix</source>
        <translation>有 %d 个问题需要修复</translation>
    </message>
</context>
<context>
    <name>TextGeneratorTab</name>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>A short sample appears after every epoch.</source>
        <translation>每轮结束后会出现一小段生成的文本。</translation>
    </message>
    <message>
        <source>Seed text</source>
        <translation>起始文本</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>During training</source>
        <translation>训练过程中</translation>
    </message>
    <message>
        <source>{0:.2f} (low: safe and repetitive, high: surprising)</source>
        <translation>{0:.2f}（低：稳妥但重复；高：出人意料）</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Could not generate text: {0}</source>
        <translation>无法生成文本：{0}</translation>
    </message>
    <message>
        <source>Epoch {0}: {1}</source>
        <translation>第 {0} 轮：{1}</translation>
    </message>
</context>
<context>
    <name>TorchLoader</name>
    <message>
        <source>Loading PyTorch</source>
        <translation>正在加载 PyTorch</translation>
    </message>
</context>
<context>
    <name>TrainSettings</name>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>How the weights move downhill: w ← w − η∇J(w) and kin</source>
        <translation>权重如何“下山”：w ← w − η∇J(w) 及其变体</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>SGD (momentum)</source>
        <translation>SGD（动量）</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Learning rate η: the size of each step. Too high diverges.</source>
        <translation>学习率 η：每一步的大小。太大会发散。</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Each step keeps this fraction of the previous one, which smooths the path downhill and speeds it up.</source>
        <translation>每一步保留上一步的这一比例，让“下山”的路径更平滑，也更快。</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>Take the gradient one momentum step ahead, which often converges a little faster.</source>
        <translation>先沿动量方向前进一步再计算梯度，通常收敛得更快一些。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Samples per gradient step.</source>
        <translation>每个梯度步使用的样本数。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>Passes over the training set.</source>
        <translation>遍历训练集的次数。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Time limit (s)</source>
        <translation>时间限制（秒）</translation>
    </message>
    <message>
        <source>Stop the run after this many seconds of training, at the end of a batch (paused time does not count); it is then evaluated and saved like a stopped run.</source>
        <translation>训练满这么多秒后在一个批次结束时停止（暂停的时间不计）；随后像手动停止的训练一样评估并保存。</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限时</translation>
    </message>
    <message>
        <source>How the learning rate changes during the run.</source>
        <translation>学习率在训练过程中如何变化。</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>One-cycle</source>
        <translation>单周期（One-cycle）</translation>
    </message>
    <message>
        <source>Reduce on plateau</source>
        <translation>停滞时降低</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>The fraction of the run in which one-cycle raises the learning rate from η/25 to η; the rest anneals it towards zero.</source>
        <translation>单周期在训练中用于把学习率从 η/25 升到 η 的比例；其余部分把它逐渐降向零。</translation>
    </message>
    <message>
        <source>Step size (epochs)</source>
        <translation>步长（轮数）</translation>
    </message>
    <message>
        <source>Step decay multiplies the learning rate by the decay factor every this many epochs.</source>
        <translation>阶梯衰减每隔这么多轮就把学习率乘以衰减因子。</translation>
    </message>
    <message>
        <source>Decay factor γ</source>
        <translation>衰减因子 γ</translation>
    </message>
    <message>
        <source>What the learning rate is multiplied by at each decay: 0.5 halves it.</source>
        <translation>每次衰减时学习率所乘的系数：0.5 表示减半。</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>L2 penalty: pulls weights towards zero (overfitting).</source>
        <translation>L2 惩罚：把权重拉向零（对抗过拟合）。</translation>
    </message>
    <message>
        <source>L1 penalty</source>
        <translation>L1 惩罚</translation>
    </message>
    <message>
        <source>Adds this factor times the sum of the absolute weights to the loss, which pushes unneeded weights to exactly zero.</source>
        <translation>把权重绝对值之和乘以这个系数加到损失上，会把用不到的权重推到正好为零。</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Largest gradient norm allowed: a longer gradient is scaled down, which keeps a loss from jumping to NaN.</source>
        <translation>允许的最大梯度范数：更长的梯度会被按比例缩短，防止损失突然变成 NaN。</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>Classifiers train towards 1 − ε for the true class instead of 1, which makes them less overconfident.</source>
        <translation>分类器对正确类别的训练目标是 1 − ε 而不是 1，这样模型不会过于自信。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Same seed, same data order and start weights: same result.</source>
        <translation>随机种子相同，数据顺序和初始权重就相同，结果也相同。</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>How the weights start: PyTorch&apos;s default (Kaiming uniform, small random biases), Keras&apos;s (Glorot uniform, zero biases), or the project&apos;s saved weights (fine-tuning: each layer they fit starts from them, the others as PyTorch&apos;s default).</source>
        <translation>权重如何开始：PyTorch 默认（Kaiming 均匀分布，小的随机偏置）、Keras 的方式（Glorot 均匀分布，零偏置），或项目保存的权重（微调：形状相符的层从这些权重开始，其余层按 PyTorch 默认）。</translation>
    </message>
    <message>
        <source>PyTorch default</source>
        <translation>PyTorch 默认</translation>
    </message>
    <message>
        <source>Glorot uniform (Keras)</source>
        <translation>Glorot 均匀分布（Keras）</translation>
    </message>
    <message>
        <source>The saved weights (fine-tune)</source>
        <translation>保存的权重（微调）</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>Stop when validation loss has not improved for Patience epochs; the best weights are restored.</source>
        <translation>当验证损失连续“耐心”所设的轮数没有改善时停止训练，并恢复最好的权重。</translation>
    </message>
    <message>
        <source>Patience (epochs)</source>
        <translation>耐心（轮数）</translation>
    </message>
    <message>
        <source>Epochs without a lower validation loss before early stopping gives up; Reduce on plateau waits half as many.</source>
        <translation>验证损失连续这么多轮没有降低，早停就会停止训练；“停滞时降低”只等一半的轮数。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Where the network trains.</source>
        <translation>网络在哪个设备上训练。</translation>
    </message>
    <message>
        <source>Mixed precision (CUDA only)</source>
        <translation>混合精度（仅 CUDA）</translation>
    </message>
    <message>
        <source>16-bit arithmetic on NVIDIA GPUs: faster, same accuracy in most cases.</source>
        <translation>在 NVIDIA GPU 上使用 16 位运算：更快，多数情况下准确率不变。</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Random changes to training images, chosen under Augmentation in the Data pane.</source>
        <translation>对训练图像的随机改动，在“数据”面板的“数据增强”中选择。</translation>
    </message>
    <message>
        <source>Log interval (ms)</source>
        <translation>记录间隔（毫秒）</translation>
    </message>
    <message>
        <source>How often metrics leave the device.</source>
        <translation>指标多久从设备传回一次。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
</context>
<context>
    <name>TrainingPane</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Train a freshly initialised network</source>
        <translation>从新初始化的网络开始训练</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after this batch; the weights so far are kept</source>
        <translation>在这个批次之后停止；保留目前的权重</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Train the last run&apos;s network for the set number of epochs more, with that run&apos;s settings</source>
        <translation>用上一次运行自己的设置，把它的网络再训练设定的轮数</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one batch while paused</source>
        <translation>暂停时训练一个批次</translation>
    </message>
    <message>
        <source>epoch %p%</source>
        <translation>本轮 %p%</translation>
    </message>
    <message>
        <source>run %p%</source>
        <translation>总进度 %p%</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>See the evaluation ▸</source>
        <translation>查看评估 ▸</translation>
    </message>
    <message>
        <source>Open the Evaluate pane: the trained model on the test data</source>
        <translation>打开“评估”面板：训练好的模型在测试数据上的表现</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>比较各次运行</translation>
    </message>
    <message>
        <source>Tick earlier runs to overlay their curves</source>
        <translation>勾选之前的运行以叠加显示它们的曲线</translation>
    </message>
    <message>
        <source>Tick a run to overlay it and list what differed.</source>
        <translation>勾选一次运行即可叠加显示，并列出设置的差异。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Smoothing of the training curves (moving average)</source>
        <translation>训练曲线的平滑（滑动平均）</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Log-scale loss</source>
        <translation>损失用对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis: late, small improvements stay visible</source>
        <translation>用对数坐标显示损失：训练后期的微小改进也看得清</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Continuing with this run&apos;s own settings; your changes apply to the next new run (Start): {0}</source>
        <translation>继续时沿用这次运行自己的设置；你的修改将用于下一次新的运行（开始）：{0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>{0:,.0f} samples/s</source>
        <translation>{0:,.0f} 样本/秒</translation>
    </message>
    <message>
        <source>Run {0} finished.</source>
        <translation>运行 {0} 已完成。</translation>
    </message>
    <message>
        <source>Run {0} stopped; the weights so far are kept.</source>
        <translation>运行 {0} 已停止；保留了目前的权重。</translation>
    </message>
    <message>
        <source>Run {0} failed.</source>
        <translation>运行 {0} 失败。</translation>
    </message>
    <message>
        <source>Run {0} ended.</source>
        <translation>运行 {0} 已结束。</translation>
    </message>
    <message>
        <source>Validation accuracy {0:.1%}.</source>
        <translation>验证准确率 {0:.1%}。</translation>
    </message>
    <message>
        <source>Validation loss {0:.4g}.</source>
        <translation>验证损失 {0:.4g}。</translation>
    </message>
    <message>
        <source>⚠ Overfitting from epoch {0}: validation loss has risen for several epochs while training loss kept falling, so the network is memorising the training set. Try dropout, weight decay, data augmentation or early stopping.</source>
        <translation>⚠ 从第 {0} 轮开始过拟合：验证损失已连续几轮上升，而训练损失仍在下降，说明网络在死记训练集。试试随机失活（Dropout）、权重衰减、数据增强或早停。</translation>
    </message>
    <message>
        <source>{0:.2f} of {1:.0f} GB on the GPU</source>
        <translation>GPU 显存 {0:.2f} / {1:.0f} GB</translation>
    </message>
    <message>
        <source>{0:.0f} MB (process)</source>
        <translation>{0:.0f} MB（进程）</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>vs current settings: </source>
        <translation>与当前设置相比：</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>设置相同</translation>
    </message>
    <message>
        <source>Export plots</source>
        <translation>导出曲线图</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出训练历史</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
</context>
<context>
    <name>TrainingSettingsForm</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Apply a recipe…</source>
        <translation>套用训练方案…</translation>
    </message>
    <message>
        <source>NetCanvas defaults</source>
        <translation>NetCanvas 默认设置</translation>
    </message>
    <message>
        <source>Keras recipe (as in the book)</source>
        <translation>Keras 方案（与教材相同）</translation>
    </message>
    <message>
        <source>Keras recipe: the introduction&apos;s model.fit — batch 32, 5 epochs, Adam 1e-3, no schedule, Glorot-uniform weights and zero biases</source>
        <translation>Keras 方案：教材中的 model.fit——批大小 32、5 轮、Adam 1e-3、不调度学习率、Glorot 均匀分布的权重、偏置为零</translation>
    </message>
    <message>
        <source>Automatic (best available)</source>
        <translation>自动（最佳可用设备）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
</context>
<context>
    <name>line_edit</name>
    <message>
        <source>e.g. {0}</source>
        <translation>例如 {0}</translation>
    </message>
</context>
</TS>
