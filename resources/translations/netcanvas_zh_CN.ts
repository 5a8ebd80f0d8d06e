<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Add %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename to %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such layer to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s has no free input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected %s → %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidy layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tidy Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A layer cannot connect to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release to connect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivationLab</name>
    <message>
        <source>Activation function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the 2-D classifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a 2-16-16-2 network with this activation on the moons data (300 steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an activation, then train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function and derivative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shaded: saturated, where f′(x) is below 10 % of its peak and gradients barely flow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision boundary on moons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training with %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %d · loss %.3f · training accuracy %.1f %%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackpropLab</name>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward and backward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next iteration with the new weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking against autograd…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iteration %d. Sample x = %s, target y = %s, learning rate η = %s. Hidden and output neurons use σ; the loss is L = ½(ŷ − y)².</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %d of %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they DIFFER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked against torch autograd: largest difference %.1e, %s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>→ {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true {0}, predicted {1}: {2} samples ({3:.0%} of the row)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConvolutionLab</name>
    <message>
        <source>Vertical edges (Sobel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal edges (Sobel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur (average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input 28×28</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature map 26×26</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After 2×2 max pooling 13×13</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input patch          ×  filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %d, column %d: Σ patch ⊙ filter = %.3f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max pooling keeps only the largest of the 4 values %s → %.3f: the strongest response, a quarter of the size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPane</name>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built in (offline):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload with these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Augmentation (training only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapt network to data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the Input shape and the Output units to match this dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a dataset to see samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick an augmentation to preview it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Augmented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dataset file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets (*.csv *.tsv *.txt *.npz *.npy *.gz *.idx *-ubyte *.tar.gz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dataset folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary ({0} characters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input {0}; {1} classes; {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} files could not be read (see Skipped files).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network does not fit this dataset yet: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network&apos;s Input and Output fit this dataset.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetLoader</name>
    <message>
        <source>Loading cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DescentLab</name>
    <message>
        <source>Gradient descent (SGD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum (β = 0.9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss surface J(w) and the paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate η:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too small: after 50 steps gradient descent is still far from the minimum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good: gradient descent reaches the minimum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too large: gradient descent bounces across the narrow valley without settling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divergent: each step overshoots more than the last (η &gt; 2/b = 0.5).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawPad</name>
    <message>
        <source>Draw with the left mouse button; the right button erases.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluatePane</name>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a network, then evaluate it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PyTorch script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a cell to see its samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No misclassified samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong answers, most confident first (true → predicted, confidence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a sample on the pad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each colour is the class the network predicts there; paler means less sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misclassified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the network before exporting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0}. Checked in onnxruntime: largest difference to PyTorch {1:.2e}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the PyTorch script {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macro average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weighted average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True {0}, predicted {1}: {2} samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the network first, then draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network says {0} ({1:.0%} sure).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export ONNX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX export failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PyTorch script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script export failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureMapsTab</name>
    <message>
        <source>Test sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a network on images to see its feature maps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature maps unavailable: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This network has no convolution layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bright = strong activation. Each tile is one channel of the layer&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; — output {1}, first {2} channels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Network canvas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Layer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a layer on the canvas to see and change its settings. Drag layers from the palette onto the canvas; drag from a layer&apos;s bottom port to another layer&apos;s top port to connect them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output shape: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiply-adds per sample: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabWidget</name>
    <message>
        <source>The computation failed: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabsPanel</name>
    <message>
        <source>Some lab files could not be read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the lab project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this lab&apos;s ready-made network and dataset in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your understanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <source>Search layers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer palette</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Network Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About NetCanvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from &amp;Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model as &amp;ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PyTorch Script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training &amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab &amp;Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided &amp;Labs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading PyTorch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch loaded in %1 s. Devices: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NetCanvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it and %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them before you %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved weights do not fit this network: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start a new project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the default project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open another project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the lab&apos;s project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project could not be saved to %1:
%2

Nothing was lost: the project is still open. Save it somewhere else (File ▸ Save As…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NetCanvas did not close normally last time. An autosaved copy of your project from %1 was found. Restore it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About NetCanvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NetCanvas %1
Build, train, inspect and export neural networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricsLab</name>
    <message>
        <source>cat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bird</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix: rows are true classes, columns predicted classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit any cell (type a count and press Enter): everything below is recomputed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step-by-step computation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>### Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy = correct / all = (%s) / %d = %d / %d = **%s**</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>### Class “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- TP = %d (diagonal cell), FP = %d (rest of its column), FN = %d (rest of its row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- precision = TP / (TP + FP) = %d / %d = **%s**</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- recall = TP / (TP + FN) = %d / %d = **%s**</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- F1 = 2 · P · R / (P + R) = 2 · %s · %s / (%s + %s) = **%s**</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>### Macro average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macro F1 = mean of the per-class F1 = **%s**</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverfittingLab</name>
    <message>
        <source>Dropout (p = 0.3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay (L2, 0.01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Augmentation (jitter the points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping (patience 30)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run both trainings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 2-128-128-2 network, 30 training points, 400 validation points, 300 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without remedies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the chosen remedies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final validation loss: %.3f without remedies, %.3f with them (validation accuracy %.1f %% and %.1f %%). The gap between the training and validation curves is the overfitting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when NetCanvas next starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often an unsaved project is copied for recovery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <source>Question %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number, e.g. 0.25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer to question %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your answer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an answer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Not quite, try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecurrentLab</name>
    <message>
        <source>Sequence length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LSTM forget-gate bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute gradient norms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press the button to measure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain RNN (tanh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time step t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LSTM forget-gate bias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient reaching the first step, relative to the last: RNN %.1e, LSTM %.1e. The smaller it is, the less the first characters can influence learning.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>NetCanvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a neural network by dragging layers, train it, see what it learned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the default project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The digit-recognition CNN with 5 000 bundled MNIST images, ready to train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent projects yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s (missing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <source>Parameters: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learnable weights and biases in the whole network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiply-adds per sample: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much arithmetic one forward pass of one sample costs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training memory (batch %d): &lt;b&gt;≈ %s&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights, gradients, optimiser state and activations for one training step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid network</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextGeneratorTab</name>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short sample appears after every epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.2f} (low: safe and repetitive, high: surprising)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not generate text: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPane</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a freshly initialised network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this batch; the weights so far are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train one batch while paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick earlier runs to overlay their curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick a run to overlay it and list what differed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing of the training curves (moving average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network could not be built: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a dataset in the Data pane first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network cannot be checked: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the network first — {0}{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:,.0f} samples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {0} finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {0} stopped; the weights so far are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {0} failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {0} ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Overfitting from epoch {0}: validation loss has risen for several epochs while training loss kept falling, so the network is memorising the training set. Try dropout, weight decay, data augmentation or early stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.2f} of {1:.0f} GB on the GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.0f} MB (process)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vs current settings: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingSettingsForm</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD (momentum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the weights move downhill: w ← w − η∇J(w) and kin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate η: the size of each step. Too high diverges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples per gradient step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the training set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduce on plateau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the learning rate changes during the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 penalty: pulls weights towards zero (overfitting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping, patience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop when validation loss has not improved for this many epochs; the best weights are restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same seed, same data order and start weights: same result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the network trains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed precision (CUDA only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16-bit arithmetic on NVIDIA GPUs: faster, same accuracy in most cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (best available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Training stopped because of an unexpected error ({0}: {1}). The last good weights are kept; try a smaller batch or learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
