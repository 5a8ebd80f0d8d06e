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
        <source>Wrong answers, most confident first (true → predicted, confidence)</source>
        <translation>分错的样本，置信度高的在前（真实 → 预测，置信度）</translation>
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
        <source>Feature maps</source>
        <translation>特征图</translation>
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
        <source>Predictions</source>
        <translation>预测结果</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
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
    <name>FeatureMapsTab</name>
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
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About NetCanvas</source>
        <translation>关于 NetCanvas(&amp;A)</translation>
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
        <source>A training run is in progress. Stop it and %1?</source>
        <translation>训练正在进行。要停止训练并%1吗？</translation>
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

Nothing was lost: the project is still open. Save it somewhere else (File ▸ Save As…).</source>
        <translation>项目无法保存到 %1：
%2

没有丢失任何内容：项目仍然打开着。请把它保存到其他位置（文件 ▸ 另存为…）。</translation>
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
        <source>quit</source>
        <translation>退出</translation>
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
        <source>A new language applies when NetCanvas next starts.</source>
        <translation>新的语言将在下次启动 NetCanvas 时生效。</translation>
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
        <source>Run</source>
        <translation>运行</translation>
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
        <source>e.g. 28, 28</source>
        <translation>例如 28, 28</translation>
    </message>
</context>
</TS>
