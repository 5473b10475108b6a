<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>%1: format %2, %3 imported, %4 skipped, %5 duplicate(s) left out</source>
        <translation>%1：格式 %2，导入 %3 条，跳过 %4 条，省略 %5 条重复</translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation>  第 %1 行：%2</translation>
    </message>
    <message>
        <source>Exported %1 example(s) to %2</source>
        <translation>已将 %1 个示例导出到 %2</translation>
    </message>
    <message>
        <source> (%1 multi-turn example(s) left out: Alpaca holds one turn)</source>
        <translation>（省略了 %1 个多轮示例：Alpaca 只能容纳一轮）</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1 导出到 %2</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个词元</translation>
    </message>
    <message>
        <source>none in the model: the plain built-in template is used</source>
        <translation>模型中没有：使用内置的简单模板</translation>
    </message>
    <message>
        <source>few-shot</source>
        <translation>少样本</translation>
    </message>
    <message>
        <source>tuned</source>
        <translation>微调后</translation>
    </message>
    <message>
        <source>base</source>
        <translation>基础</translation>
    </message>
    <message>
        <source>Evaluation written to %1</source>
        <translation>评估已写入 %1</translation>
    </message>
    <message>
        <source>Evaluation failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
    <message>
        <source>Exported GGUF (%1, %2) to %3</source>
        <translation>已将 GGUF（%1，%2）导出到 %3</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
</context>
<context>
    <name>ft::ui::BulkEdits</name>
    <message>
        <source>Cannot create a dataset</source>
        <translation>无法创建数据集</translation>
    </message>
    <message>
        <source>Cannot add an example</source>
        <translation>无法添加示例</translation>
    </message>
    <message>
        <source>Cannot duplicate</source>
        <translation>无法复制</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n example(s); Undo brings them back.</source>
        <translation>
            <numerusform>已删除 %n 个示例；撤销可恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag Examples</source>
        <translation>为示例添加标签</translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n example(s):</source>
        <translation>
            <numerusform>为 %n 个示例添加的标签：</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot tag</source>
        <translation>无法添加标签</translation>
    </message>
    <message>
        <source>Cannot set the split</source>
        <translation>无法设置划分</translation>
    </message>
    <message>
        <source>Assign Splits</source>
        <translation>划分数据</translation>
    </message>
    <message>
        <source>Train / validation / test ratios for the unassigned examples:</source>
        <translation>未划分示例的训练 / 验证 / 测试比例：</translation>
    </message>
    <message>
        <source>Cannot assign splits</source>
        <translation>无法划分数据</translation>
    </message>
    <message>
        <source>Write three numbers separated by &apos;/&apos;, e.g. 0.8 / 0.1 / 0.1.</source>
        <translation>请输入以 &apos;/&apos; 分隔的三个数字，例如 0.8 / 0.1 / 0.1。</translation>
    </message>
    <message numerus="yes">
        <source>Assigned splits to %n example(s).</source>
        <translation>
            <numerusform>已为 %n 个示例划分数据。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ft::ui::CompareView</name>
    <message>
        <source>base model folder</source>
        <translation>基础模型文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Base Model Folder</source>
        <translation>基础模型文件夹</translation>
    </message>
    <message>
        <source>Adapter Folder…</source>
        <translation>适配器文件夹…</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder</source>
        <translation>PEFT 适配器文件夹</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基础</translation>
    </message>
    <message>
        <source>Tuned</source>
        <translation>微调后</translation>
    </message>
    <message>
        <source>0: greedy (the same reply every time)</source>
        <translation>0：贪心解码（每次回复相同）</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0：关闭</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大词元数</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>system prompt (optional)</source>
        <translation>系统提示（可选）</translation>
    </message>
    <message>
        <source>Write a prompt, or step through the run&apos;s validation examples.</source>
        <translation>输入提示，或逐个浏览该运行的验证示例。</translation>
    </message>
    <message>
        <source>Generate Both</source>
        <translation>同时生成</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Highlight differences</source>
        <translation>高亮差异</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一个</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一个 ▶</translation>
    </message>
    <message>
        <source>Validation examples:</source>
        <translation>验证示例：</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <source>adapter %1</source>
        <translation>适配器 %1</translation>
    </message>
    <message>
        <source>Cannot compare with run %1: %2</source>
        <translation>无法与运行 %1 比较：%2</translation>
    </message>
    <message>
        <source>No validation examples from %1: %2</source>
        <translation>%1 中没有验证示例：%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Choose a run or an adapter folder for the tuned side.</source>
        <translation>请为微调一侧选择一次运行或一个适配器文件夹。</translation>
    </message>
    <message>
        <source>Compare: give a base model and a prompt.</source>
        <translation>对比：请提供基础模型和提示。</translation>
    </message>
</context>
<context>
    <name>ft::ui::DatasetTableModel</name>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ft::ui::DatasetView</name>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Assign Splits…</source>
        <translation>划分数据…</translation>
    </message>
    <message>
        <source>Search text (every word must appear)</source>
        <translation>搜索文本（每个词都须出现）</translation>
    </message>
    <message>
        <source>All splits</source>
        <translation>所有划分</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message numerus="yes">
        <source>%n example(s)</source>
        <translation>
            <numerusform>%n 个示例</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Token Lengths</source>
        <translation>词元长度</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复项</translation>
    </message>
    <message>
        <source>Add Example</source>
        <translation>添加示例</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Set Split</source>
        <translation>设置划分</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>New Dataset</source>
        <translation>新建数据集</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Cannot create dataset %1</source>
        <translation>无法创建数据集 %1</translation>
    </message>
    <message>
        <source>Import Examples</source>
        <translation>导入示例</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>导出数据集</translation>
    </message>
    <message>
        <source>Messages JSONL (*.jsonl);;Alpaca JSON (*.json)</source>
        <translation>Messages JSONL (*.jsonl);;Alpaca JSON (*.json)</translation>
    </message>
    <message>
        <source>Datasets (%1);;All files (*)</source>
        <translation>数据集 (%1);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ft::ui::DuplicatesPanel</name>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Near duplicates: estimated Jaccard similarity of word 3-shingles</source>
        <translation>近似重复：按词 3-gram 估计的 Jaccard 相似度</translation>
    </message>
    <message>
        <source>Find Duplicates</source>
        <translation>查找重复项</translation>
    </message>
    <message>
        <source>Remove Checked (keep first)</source>
        <translation>移除勾选项（保留第一个）</translation>
    </message>
    <message>
        <source>Near-duplicate similarity</source>
        <translation>近似重复相似度</translation>
    </message>
    <message>
        <source>Cannot find duplicates</source>
        <translation>无法查找重复项</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>完全相同</translation>
    </message>
    <message>
        <source>near</source>
        <translation>近似</translation>
    </message>
    <message>
        <source>Cannot remove duplicates</source>
        <translation>无法移除重复项</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n duplicate(s); Undo brings them back.</source>
        <translation>
            <numerusform>已移除 %n 个重复项；撤销可恢复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ft::ui::EstimatePanel</name>
    <message>
        <source>Measure runs a few real steps of this configuration on this machine.</source>
        <translation>“测量”会在本机上以该配置实际运行几步。</translation>
    </message>
    <message>
        <source>Measure Step Time</source>
        <translation>测量每步时间</translation>
    </message>
    <message>
        <source>Before You Start</source>
        <translation>开始之前</translation>
    </message>
    <message>
        <source>The estimate appears once the model and the settings are valid.</source>
        <translation>模型和设置有效后将显示估算。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Peak memory ≈ %1&lt;/b&gt; on %2 (weights %3, adapters and optimizer %4, activations %5, logits %6, runtime %7)</source>
        <translation>&lt;b&gt;峰值内存 ≈ %1&lt;/b&gt;，位于%2（权重 %3，适配器与优化器 %4，激活 %5，logits %6，运行时 %7）</translation>
    </message>
    <message>
        <source>the GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>the CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Trainable parameters: %1 M (%2% of %3 M)</source>
        <translation>可训练参数：%1 M（占 %3 M 的 %2%）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Time ≈ %1&lt;/b&gt; for the training steps (measured %2 s per step)</source>
        <translation>训练步骤&lt;b&gt;耗时 ≈ %1&lt;/b&gt;（实测每步 %2 秒）</translation>
    </message>
    <message>
        <source>Measuring a few steps of batch %1 × %2 tokens…</source>
        <translation>正在测量几步，批为 %1 × %2 个词元…</translation>
    </message>
    <message>
        <source>Measured on %1: %2 s per batch, %3 tokens/s, peak memory %4.</source>
        <translation>在 %1 上实测：每批 %2 秒，%3 词元/秒，峰值内存 %4。</translation>
    </message>
    <message>
        <source>Steps: %1 (%2 examples per step, %3 train examples%4)</source>
        <translation>步数：%1（每步 %2 个样本，%3 个训练样本%4）</translation>
    </message>
    <message>
        <source>, packed; micro-batches an epoch: %1</source>
        <translation>，已打包；每轮微批次数：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n cut at %1 tokens</source>
        <translation>
            <numerusform>%n 个在 %1 个词元处被截断</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out: no reply token within %1 tokens</source>
        <translation>
            <numerusform>%n 个被排除：%1 个词元内没有回复词元</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out for problems (see the Dataset view)</source>
        <translation>
            <numerusform>%n 个因问题被排除（见数据集视图）</numerusform>
        </translation>
    </message>
    <message>
        <source>Steps: counting the train split&apos;s tokens…</source>
        <translation>步数：正在统计训练集的词元…</translation>
    </message>
    <message>
        <source>More than %1 has (%2): lower the batch size or max length, or turn on gradient checkpointing.</source>
        <translation>超过 %1 的容量（%2）：请减小批大小或最大长度，或启用梯度检查点。</translation>
    </message>
    <message>
        <source>The data cannot be used: %1</source>
        <translation>数据无法使用：%1</translation>
    </message>
    <message>
        <source>Examples: %1; the longest kept has %2 tokens.</source>
        <translation>示例：%1；保留的最长示例有 %2 个词元。</translation>
    </message>
    <message>
        <source>Measuring failed: %1</source>
        <translation>测量失败：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Peak memory ≈ %1&lt;/b&gt; on %2 (weights %3, gradients and optimizer %4, activations %5, logits %6, runtime %7)</source>
        <translation>&lt;b&gt;峰值内存 ≈ %1&lt;/b&gt;，位于%2（权重 %3，梯度与优化器 %4，激活 %5，logits %6，运行时 %7）</translation>
    </message>
    <message>
        <source>Fits on %1 (%2).</source>
        <translation>可在 %1（%2）上运行。</translation>
    </message>
    <message>
        <source>QLoRA would need about %1.</source>
        <translation>QLoRA 约需 %1。</translation>
    </message>
    <message>
        <source>On a GPU about %1: more than a 24 GB card holds.</source>
        <translation>在 GPU 上约 %1：超过 24 GB 显卡的容量。</translation>
    </message>
    <message>
        <source>On a GPU about %1: fits cards of %2 GB.</source>
        <translation>在 GPU 上约 %1：适合 %2 GB 的显卡。</translation>
    </message>
</context>
<context>
    <name>ft::ui::EvaluationView</name>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>The base model with this many training examples in the prompt (0: no few-shot baseline)</source>
        <translation>在提示中加入这么多训练示例的基础模型（0：不做少样本基线）</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open HTML Report</source>
        <translation>打开 HTML 报告</translation>
    </message>
    <message>
        <source>Print to PDF…</source>
        <translation>打印为 PDF…</translation>
    </message>
    <message>
        <source>Print Report to PDF</source>
        <translation>将报告打印为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Printed the report to %1</source>
        <translation>报告已打印到 %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Few-shot</source>
        <translation>少样本</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大词元数</translation>
    </message>
    <message>
        <source>Choose a run and evaluate it on its held-out split.</source>
        <translation>选择一次运行，并在其留出集上评估。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; examples of the %2 split; headline metric &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>%2 集的 &lt;b&gt;%1&lt;/b&gt; 个示例；主要指标 &lt;b&gt;%3&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Loss on the reference replies: base %1 (perplexity %2), tuned %3 (perplexity %4).</source>
        <translation>参考回复上的损失：基础 %1（困惑度 %2），微调后 %3（困惑度 %4）。</translation>
    </message>
    <message>
        <source>%1: %2 [%3, %4], %5</source>
        <translation>%1：%2 [%3, %4]，%5</translation>
    </message>
    <message>
        <source>a real difference</source>
        <translation>真实差异</translation>
    </message>
    <message>
        <source>within noise</source>
        <translation>在噪声范围内</translation>
    </message>
    <message numerus="yes">
        <source>%n regression(s) (tuned below base), listed first.</source>
        <translation>
            <numerusform>%n 处退步（微调后低于基础模型），列在最前。</numerusform>
        </translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>胜者</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>final weights</source>
        <translation>最终权重</translation>
    </message>
    <message>
        <source>best weights (lowest validation loss)</source>
        <translation>最佳权重（验证损失最低）</translation>
    </message>
</context>
<context>
    <name>ft::ui::ExampleEditorPanel</name>
    <message>
        <source>No example selected</source>
        <translation>未选择示例</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>逗号分隔</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the edit (%1). Moving to another example also saves it.</source>
        <translation>保存编辑（%1）。切换到其他示例时也会保存。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>Example #%1</source>
        <translation>示例 #%1</translation>
    </message>
    <message>
        <source> (from %1, line %2)</source>
        <translation>（来自 %1，第 %2 行）</translation>
    </message>
    <message>
        <source>Cannot save example #%1</source>
        <translation>无法保存示例 #%1</translation>
    </message>
</context>
<context>
    <name>ft::ui::ImportPanel</name>
    <message>
        <source>Import files with Import… or drop them here. Formats: messages/ShareGPT/Alpaca/prompt-completion JSONL or JSON, CSV, TSV, plain text.</source>
        <translation>使用“导入…”导入文件，或将文件拖放到这里。格式：messages/ShareGPT/Alpaca/prompt-completion 的 JSONL 或 JSON、CSV、TSV、纯文本。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>ft::ui::MainWindow</name>
    <message>
        <source>Finetune Studio</source>
        <translation>Finetune Studio</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Opened model %1: %2</source>
        <translation>已打开模型 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open model %1: %2</source>
        <translation>无法打开模型 %1：%2</translation>
    </message>
    <message>
        <source>Compute device: %1</source>
        <translation>计算设备：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Model Folder…</source>
        <translation>打开模型文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
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
        <source>&amp;About Finetune Studio</source>
        <translation>关于 Finetune Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About Finetune Studio</source>
        <translation>关于 Finetune Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;Fine-tune local language models with LoRA, natively.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;使用 LoRA 在本地原生微调语言模型。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Training in Progress</source>
        <translation>训练进行中</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it (after a checkpoint) and quit?</source>
        <translation>训练正在进行。要停止（先保存检查点）并退出吗？</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>A run is already training; resume %1 when it has finished.</source>
        <translation>已有运行正在训练；请在其完成后再继续 %1。</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>打开工作区(&amp;W)…</translation>
    </message>
    <message>
        <source>Recent Wor&amp;kspaces</source>
        <translation>最近的工作区(&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;Recent Model</source>
        <translation>最近的模型(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Examples…</source>
        <translation>导入示例(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export Dataset…</source>
        <translation>导出数据集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: %2</source>
        <translation>无法打开工作区 %1：%2</translation>
    </message>
    <message>
        <source>Cannot Open Workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Opened workspace %1</source>
        <translation>已打开工作区 %1</translation>
    </message>
    <message>
        <source>New Workspace (choose or create an empty folder)</source>
        <translation>新建工作区（选择或创建一个空文件夹）</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Not a Workspace</source>
        <translation>不是工作区</translation>
    </message>
    <message>
        <source>%1 holds no workspace yet. Make it one?</source>
        <translation>%1 还不是工作区。要将其设为工作区吗？</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Cannot show %1 in the Training view while a run trains there.</source>
        <translation>训练视图中正在训练，无法在其中显示 %1。</translation>
    </message>
    <message>
        <source>Preparing the demo…</source>
        <translation>正在准备演示…</translation>
    </message>
    <message>
        <source>%1 was made by an earlier version of the demo; it is now %2, unchanged</source>
        <translation>%1 由旧版演示创建；现已原样移至 %2</translation>
    </message>
    <message>
        <source>Cannot open the demo workspace %1</source>
        <translation>无法打开演示工作区 %1</translation>
    </message>
    <message>
        <source>Cannot open the demo: %1</source>
        <translation>无法打开演示：%1</translation>
    </message>
    <message>
        <source>Cannot Open the Demo</source>
        <translation>无法打开演示</translation>
    </message>
    <message>
        <source>Opened the demo: press Start in Setup to fine-tune the starter model</source>
        <translation>已打开演示：在“设置”中按“开始”即可微调入门模型</translation>
    </message>
    <message>
        <source>Open the &amp;Demo</source>
        <translation>打开演示(&amp;D)</translation>
    </message>
    <message>
        <source>Show or hide the log (%1)</source>
        <translation>显示或隐藏日志（%1）</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>Training completed</source>
        <translation>训练已完成</translation>
    </message>
    <message>
        <source>Run %1 has finished.</source>
        <translation>运行 %1 已结束。</translation>
    </message>
    <message>
        <source>Training stopped early</source>
        <translation>训练提前停止</translation>
    </message>
    <message>
        <source>Run %1: the validation loss stopped improving.</source>
        <translation>运行 %1：验证损失不再下降。</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source>Run %1 was stopped after a checkpoint.</source>
        <translation>运行 %1 已在保存检查点后停止。</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <source>Evaluation finished</source>
        <translation>评估已完成</translation>
    </message>
    <message>
        <source>Evaluation failed</source>
        <translation>评估失败</translation>
    </message>
    <message>
        <source>One model at a time: %1 was not opened.</source>
        <translation>一次只能打开一个模型：未打开 %1。</translation>
    </message>
    <message>
        <source>Open or create a workspace first; the dropped files were not imported.</source>
        <translation>请先打开或新建工作区；拖放的文件未导入。</translation>
    </message>
    <message>
        <source>Cannot use %1: drop dataset files (%2) or a model folder (with config.json).</source>
        <translation>无法使用 %1：请拖放数据集文件（%2）或模型文件夹（含 config.json）。</translation>
    </message>
</context>
<context>
    <name>ft::ui::ModeGuide</name>
    <message>
        <source>Open a workspace first</source>
        <translation>请先打开工作区</translation>
    </message>
    <message>
        <source>A run trains on a dataset of the open workspace and writes its folder under the workspace&apos;s runs/.</source>
        <translation>运行使用已打开工作区中的数据集训练，并将其文件夹写入工作区的 runs/ 下。</translation>
    </message>
    <message>
        <source>Open the Demo</source>
        <translation>打开演示</translation>
    </message>
    <message>
        <source>Open Workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>尚无运行</translation>
    </message>
    <message>
        <source>Set a run up in Setup and start it: its loss, learning rate and gradient norm appear here as it trains, with the time left and the memory in use. A stopped run resumes from its folder.</source>
        <translation>在“设置”中配置并启动运行：训练时损失、学习率和梯度范数会实时显示在这里，还有剩余时间和内存占用。已停止的运行可从其文件夹继续。</translation>
    </message>
    <message>
        <source>Go to Setup</source>
        <translation>前往设置</translation>
    </message>
    <message>
        <source>Resume a Run…</source>
        <translation>继续运行…</translation>
    </message>
    <message>
        <source>Start from a Configuration File…</source>
        <translation>从配置文件开始…</translation>
    </message>
    <message>
        <source>Compare needs a model</source>
        <translation>对比需要一个模型</translation>
    </message>
    <message>
        <source>Open a base model to see its replies. After a run, the tuned model&apos;s replies appear beside them, each judged against the reference, field by field.</source>
        <translation>打开基础模型以查看其回复。运行结束后，微调模型的回复会显示在旁边，并逐字段与参考答案比对。</translation>
    </message>
    <message>
        <source>Go to Model</source>
        <translation>前往模型</translation>
    </message>
    <message>
        <source>Nothing to evaluate yet</source>
        <translation>尚无可评估的内容</translation>
    </message>
    <message>
        <source>Evaluation scores a finished run on a held-out split (exact match, JSON fields, text overlap), with the base model beside it and confidence intervals. Train a run first.</source>
        <translation>评估会在保留的数据划分上为已完成的运行打分（精确匹配、JSON 字段、文本重合度），并与基础模型对照、给出置信区间。请先训练一个运行。</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>尚无运行</translation>
    </message>
    <message>
        <source>Every run trained in this workspace is listed here with its status and curves, to compare, resume, rename, evaluate or export.</source>
        <translation>在此工作区中训练的每个运行都会连同状态和曲线列在这里，可对比、继续、重命名、评估或导出。</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>无工作区</translation>
    </message>
    <message>
        <source>No examples</source>
        <translation>无示例</translation>
    </message>
    <message numerus="yes">
        <source>%n with problems</source>
        <translation>
            <numerusform>%n 个有问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n example(s)</source>
        <translation>
            <numerusform>%n 个示例</numerusform>
        </translation>
    </message>
    <message>
        <source>None open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <source>Cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message numerus="yes">
        <source>%n to fix</source>
        <translation>
            <numerusform>%n 处待修正</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused at %1%</source>
        <translation>已暂停于 %1%</translation>
    </message>
    <message>
        <source>Training %1%</source>
        <translation>训练中 %1%</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Base only</source>
        <translation>仅基础模型</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>评估中…</translation>
    </message>
    <message>
        <source>Exact match %1</source>
        <translation>精确匹配 %1</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>无运行</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message numerus="yes">
        <source>1 training, %n in all</source>
        <translation>
            <numerusform>1 个训练中，共 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <source>A workspace is a folder that holds your datasets and the runs trained on them. The demo is one, ready to train: shop order messages turned into JSON.</source>
        <translation>工作区是一个文件夹，存放你的数据集以及在其上训练的运行。演示就是一个可直接训练的工作区：把商店的订单消息转换成 JSON。</translation>
    </message>
    <message>
        <source>New Workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <source>No examples yet</source>
        <translation>尚无示例</translation>
    </message>
    <message>
        <source>Import chat conversations (JSONL or JSON with messages), instruction and output or prompt and completion rows (JSONL, JSON, CSV, TSV), or drop the files anywhere on this window. Every rejected line is reported with its reason.</source>
        <translation>导入聊天对话（带 messages 的 JSONL 或 JSON）、指令与输出或提示与补全的行（JSONL、JSON、CSV、TSV），或将文件拖放到此窗口的任意位置。每个被拒绝的行都会附带原因报告。</translation>
    </message>
    <message>
        <source>Import Examples…</source>
        <translation>导入示例…</translation>
    </message>
    <message>
        <source>No model open</source>
        <translation>未打开模型</translation>
    </message>
    <message>
        <source>A model folder in Hugging Face layout: config.json, the weights as safetensors and the tokenizer. Models downloaded with &lt;i&gt;hf download&lt;/i&gt; or by transformers are in the Hub cache; the starter model is small enough to fine-tune on a laptop&apos;s CPU in minutes.</source>
        <translation>Hugging Face 格式的模型文件夹：config.json、safetensors 格式的权重和分词器。用 &lt;i&gt;hf download&lt;/i&gt; 或 transformers 下载的模型位于 Hub 缓存中；入门模型足够小，可在笔记本电脑的 CPU 上几分钟内完成微调。</translation>
    </message>
    <message>
        <source>Open Model Folder…</source>
        <translation>打开模型文件夹…</translation>
    </message>
    <message>
        <source>Open the Starter Model</source>
        <translation>打开入门模型</translation>
    </message>
    <message>
        <source>Cannot open the starter model: %1</source>
        <translation>无法打开入门模型：%1</translation>
    </message>
    <message>
        <source>From the Hub Cache</source>
        <translation>从 Hub 缓存</translation>
    </message>
    <message>
        <source>No models in %1</source>
        <translation>%1 中没有模型</translation>
    </message>
    <message>
        <source>%1 (no weights downloaded)</source>
        <translation>%1（未下载权重）</translation>
    </message>
    <message>
        <source>Dataset %1 is empty: import examples into it, or choose another.</source>
        <translation>数据集 %1 为空：请向其中导入示例，或选择其他数据集。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message numerus="yes">
        <source>Problems in %n example(s), shown in the table and in the editor: fix or delete them; training leaves them out.</source>
        <translation>
            <numerusform>%n 个示例有问题（显示在表格和编辑器中）：请修正或删除；训练会跳过它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: Model</source>
        <translation>下一步：模型</translation>
    </message>
    <message>
        <source>Next: Setup</source>
        <translation>下一步：设置</translation>
    </message>
    <message>
        <source>Model ready: %1. Next: set up the run.</source>
        <translation>模型就绪：%1。下一步：配置运行。</translation>
    </message>
    <message>
        <source>Ready to start. The estimate below says how long the run takes and how much memory it needs.</source>
        <translation>可以开始。下方的估算给出运行所需时间和内存。</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>开始训练</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) to fix, marked in the form and listed under it.</source>
        <translation>
            <numerusform>%n 项设置待修正，已在表单中标出并列在下方。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused at step %L1 of %L2.</source>
        <translation>已暂停于第 %L1 步（共 %L2 步）。</translation>
    </message>
    <message>
        <source>Training: step %L1 of %L2, about %3 left. The other views stay usable meanwhile.</source>
        <translation>训练中：第 %L1 步（共 %L2 步），约剩 %3。其他视图在此期间仍可使用。</translation>
    </message>
    <message>
        <source>Run %1 failed: %2</source>
        <translation>运行 %1 失败：%2</translation>
    </message>
    <message>
        <source>Show the Log</source>
        <translation>显示日志</translation>
    </message>
    <message>
        <source>Run %1 stopped after a checkpoint. Resume it from Runs when you like.</source>
        <translation>运行 %1 已在保存检查点后停止。可随时在“运行”中继续。</translation>
    </message>
    <message>
        <source>Next: Runs</source>
        <translation>下一步：运行</translation>
    </message>
    <message>
        <source>Run %1 finished. Next: compare the base and tuned replies.</source>
        <translation>运行 %1 已结束。下一步：对比基础模型与微调模型的回复。</translation>
    </message>
    <message>
        <source>Next: Compare</source>
        <translation>下一步：对比</translation>
    </message>
    <message>
        <source>Step through the validation examples with the arrows. Next: score the run on held-out data.</source>
        <translation>用箭头逐个浏览验证示例。下一步：在保留数据上为运行打分。</translation>
    </message>
    <message>
        <source>Next: Evaluation</source>
        <translation>下一步：评估</translation>
    </message>
    <message>
        <source>No tuned run yet: only the base model replies until a run has finished.</source>
        <translation>尚无微调运行：在运行完成之前只有基础模型回复。</translation>
    </message>
    <message>
        <source>Evaluating: %L1 of %L2.</source>
        <translation>评估中：%L1 / %L2。</translation>
    </message>
    <message>
        <source>Evaluating: loading the models…</source>
        <translation>评估中：正在加载模型…</translation>
    </message>
    <message>
        <source>Next: export the run for transformers, llama.cpp or Ollama (Runs, Export).</source>
        <translation>下一步：为 transformers、llama.cpp 或 Ollama 导出运行（运行 → 导出）。</translation>
    </message>
    <message>
        <source>Select several runs to lay their loss curves over each other; a double-click opens one in Training.</source>
        <translation>选择多个运行可叠加它们的损失曲线；双击可在“训练”中打开。</translation>
    </message>
    <message>
        <source>Finetune Studio</source>
        <translation>Finetune Studio</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1% · %2 · %3</source>
        <translation>%1% · %2 · %3</translation>
    </message>
    <message>
        <source>Needs a workspace</source>
        <translation>需要工作区</translation>
    </message>
    <message>
        <source>Viewing a run</source>
        <translation>查看运行</translation>
    </message>
    <message>
        <source>No example is in the train split: assign splits (Splits…) before training.</source>
        <translation>训练划分中没有示例：训练前请先划分数据（划分数据…）。</translation>
    </message>
    <message>
        <source>Dataset ready: %L1 examples, not split yet (a run trains on all of them; Splits… holds some out for validation and test).</source>
        <translation>数据集就绪：%L1 个示例，尚未划分（运行会在全部示例上训练；“划分数据…”可留出一部分用于验证和测试）。</translation>
    </message>
    <message>
        <source>Dataset ready: %L1 training, %L2 validation, %L3 test examples.</source>
        <translation>数据集就绪：训练 %L1 个、验证 %L2 个、测试 %L3 个示例。</translation>
    </message>
    <message>
        <source>Next: choose the model.</source>
        <translation>下一步：选择模型。</translation>
    </message>
    <message>
        <source>Next: set up the run.</source>
        <translation>下一步：配置运行。</translation>
    </message>
</context>
<context>
    <name>ft::ui::ModelView</name>
    <message>
        <source>No model open</source>
        <translation>未打开模型</translation>
    </message>
    <message>
        <source>Open model folder…</source>
        <translation>打开模型文件夹…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>打开 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cannot use %1</source>
        <translation>无法使用 %1</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>%1 K</source>
        <translation>%1 K</translation>
    </message>
    <message>
        <source>%1 — %2 parameters</source>
        <translation>%1 — %2 参数</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s), stored as %2</source>
        <translation>
            <numerusform>%1，共 %n 个文件，存储为 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>MLP size</source>
        <translation>MLP 大小</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>注意力头</translation>
    </message>
    <message>
        <source>%1 query, %2 key/value, %3 dims each</source>
        <translation>%1 个查询头，%2 个键/值头，每个 %3 维</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>Rotary embeddings</source>
        <translation>旋转位置编码</translation>
    </message>
    <message>
        <source>theta %1, scaling %2</source>
        <translation>theta %1，缩放 %2</translation>
    </message>
    <message>
        <source>Tied embeddings</source>
        <translation>共享词嵌入</translation>
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
        <source>Sliding window</source>
        <translation>滑动窗口</translation>
    </message>
    <message>
        <source>End-of-sequence ids</source>
        <translation>结束符 ID</translation>
    </message>
</context>
<context>
    <name>ft::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
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
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>语言将在下次启动时更改。</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
</context>
<context>
    <name>ft::ui::ReplyPane</name>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Generating with %1…</source>
        <translation>正在用 %1 生成…</translation>
    </message>
    <message>
        <source>Compare (%1): %2</source>
        <translation>对比（%1）：%2</translation>
    </message>
    <message>
        <source>%1 tokens, %2 tokens/s, %3 (prompt %4 tokens)</source>
        <translation>%1 个词元，%2 词元/秒，%3（提示 %4 个词元）</translation>
    </message>
    <message>
        <source>matches the reference</source>
        <translation>与参考答案一致</translation>
    </message>
    <message>
        <source>differs from the reference</source>
        <translation>与参考答案不同</translation>
    </message>
    <message>
        <source>%1 (missing; expected %2)</source>
        <translation>%1（缺失；应为 %2）</translation>
    </message>
    <message>
        <source>%1: %2 (expected %3)</source>
        <translation>%1：%2（应为 %3）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 of %2 fields right&lt;/b&gt;</source>
        <translation>&lt;b&gt;%2 个字段中 %1 个正确&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ft::ui::RunForm</name>
    <message>
        <source>a Hugging Face model folder</source>
        <translation>一个 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <source>chosen when the model is: &lt;workspace&gt;/runs/&lt;model&gt;-&lt;date&gt;</source>
        <translation>选择模型时自动设定：&lt;工作区&gt;/runs/&lt;模型&gt;-&lt;日期&gt;</translation>
    </message>
    <message>
        <source>Base Model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Base Model Folder</source>
        <translation>基础模型文件夹</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder (Llama, Mistral, Qwen2 families).</source>
        <translation>选择一个 Hugging Face 模型文件夹（Llama、Mistral、Qwen2 系列）。</translation>
    </message>
    <message>
        <source>the model&apos;s own</source>
        <translation>模型自带</translation>
    </message>
    <message>
        <source>Override the chat template (a family name or a .jinja file). The export writes the one used.</source>
        <translation>覆盖对话模板（系列名称或 .jinja 文件）。导出时会写入所用的模板。</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>对话模板</translation>
    </message>
    <message>
        <source>none: fresh adapters</source>
        <translation>无：全新的适配器</translation>
    </message>
    <message>
        <source>Continue from adapter</source>
        <translation>从适配器继续</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder</source>
        <translation>PEFT 适配器文件夹</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Workspace dataset</source>
        <translation>工作区数据集</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Examples File</source>
        <translation>示例文件</translation>
    </message>
    <message>
        <source>Train file</source>
        <translation>训练文件</translation>
    </message>
    <message>
        <source>Validation file</source>
        <translation>验证文件</translation>
    </message>
    <message>
        <source>assistant: loss on replies only; all: on every token; text: raw documents (continued pre-training)</source>
        <translation>assistant：仅在回复上计算损失；all：在所有词元上；text：原始文档（继续预训练）</translation>
    </message>
    <message>
        <source>Loss on</source>
        <translation>损失计算于</translation>
    </message>
    <message>
        <source>Longer examples are truncated (see the Dataset view&apos;s histogram)</source>
        <translation>更长的示例会被截断（见数据集视图的直方图）</translation>
    </message>
    <message>
        <source>Max length (tokens)</source>
        <translation>最大长度（词元）</translation>
    </message>
    <message>
        <source>Pack short examples into one row (they never attend to each other)</source>
        <translation>将短示例打包到同一行（彼此互不可见）</translation>
    </message>
    <message>
        <source>LoRA Adapters</source>
        <translation>LoRA 适配器</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标模块</translation>
    </message>
    <message>
        <source>Adapter rank</source>
        <translation>适配器秩</translation>
    </message>
    <message>
        <source>Rank (r)</source>
        <translation>秩 (r)</translation>
    </message>
    <message>
        <source>Scaling is alpha / r (alpha / sqrt(r) with rsLoRA)</source>
        <translation>缩放为 alpha / r（rsLoRA 时为 alpha / sqrt(r)）</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>rsLoRA scaling</source>
        <translation>rsLoRA 缩放</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>优化</translation>
    </message>
    <message>
        <source>Peak learning rate, e.g. 2e-4</source>
        <translation>峰值学习率，例如 2e-4</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <source>Decay down to this fraction of the peak</source>
        <translation>衰减到峰值的这一比例</translation>
    </message>
    <message>
        <source>Final lr ratio</source>
        <translation>最终学习率比例</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>0: run the epochs; otherwise stop after this many optimiser steps</source>
        <translation>0：按轮数训练；否则在这么多优化步后停止</translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation>最大步数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Micro-batches per optimiser step</source>
        <translation>每个优化步的微批数</translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation>梯度累积</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>0 turns clipping off</source>
        <translation>0 表示不裁剪</translation>
    </message>
    <message>
        <source>Max gradient norm</source>
        <translation>最大梯度范数</translation>
    </message>
    <message>
        <source>LoRA+: the B matrices learn this many times faster than A (1: off)</source>
        <translation>LoRA+：B 矩阵的学习率是 A 的这么多倍（1：关闭）</translation>
    </message>
    <message>
        <source>LoRA+ lr ratio</source>
        <translation>LoRA+ 学习率倍数</translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <source>Gradient checkpointing (less memory, ~25% slower)</source>
        <translation>梯度检查点（内存更少，约慢 25%）</translation>
    </message>
    <message>
        <source>Evaluation and Checkpoints</source>
        <translation>评估与检查点</translation>
    </message>
    <message>
        <source>0: evaluate at the end only</source>
        <translation>0：仅在结束时评估</translation>
    </message>
    <message>
        <source>Evaluate every (steps)</source>
        <translation>每隔多少步评估</translation>
    </message>
    <message>
        <source>0: the whole validation split</source>
        <translation>0：整个验证集</translation>
    </message>
    <message>
        <source>Validation examples</source>
        <translation>验证示例</translation>
    </message>
    <message>
        <source>0: the training batch size</source>
        <translation>0：使用训练批大小</translation>
    </message>
    <message>
        <source>Evaluation batch size</source>
        <translation>评估批大小</translation>
    </message>
    <message>
        <source>Stop after this many evaluations without a better validation loss (0: never)</source>
        <translation>验证损失连续这么多次评估未改善时停止（0：从不）</translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation>早停耐心值</translation>
    </message>
    <message>
        <source>0: checkpoint at the end (and on stop) only</source>
        <translation>0：仅在结束（及停止）时保存检查点</translation>
    </message>
    <message>
        <source>Checkpoint every (steps)</source>
        <translation>每隔多少步保存检查点</translation>
    </message>
    <message>
        <source>0: keep all</source>
        <translation>0：全部保留</translation>
    </message>
    <message>
        <source>Checkpoints kept</source>
        <translation>保留的检查点</translation>
    </message>
    <message>
        <source>Log every (steps)</source>
        <translation>每隔多少步记录</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Hardware and Output</source>
        <translation>硬件与输出</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Base weights: auto is bf16 on CUDA and fp32 on the CPU; adapters are always fp32</source>
        <translation>基础权重：auto 在 CUDA 上为 bf16，在 CPU 上为 fp32；适配器始终为 fp32</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <source>Run Folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <source>%1 (%2 train, %3 validation)</source>
        <translation>%1（%2 训练，%3 验证）</translation>
    </message>
    <message>
        <source>Datasets (%1);;All files (*)</source>
        <translation>数据集 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>LoRA: adapters on the frozen model</source>
        <translation>LoRA：在冻结模型上训练适配器</translation>
    </message>
    <message>
        <source>QLoRA: adapters on the model in 4 bits (NF4), the least memory</source>
        <translation>QLoRA：在 4 位（NF4）模型上训练适配器，内存最少</translation>
    </message>
    <message>
        <source>DoRA: LoRA with a trained magnitude per output</source>
        <translation>DoRA：每个输出带可训练幅度的 LoRA</translation>
    </message>
    <message>
        <source>Full fine-tuning: the model&apos;s own weights</source>
        <translation>全量微调：训练模型自身的权重</translation>
    </message>
    <message>
        <source>LoRA, QLoRA and DoRA make an adapter (PEFT layout) for the unquantized base; full fine-tuning makes a whole model. The memory estimate below follows the choice.</source>
        <translation>LoRA、QLoRA 和 DoRA 生成适用于未量化基础模型的适配器（PEFT 格式）；全量微调生成完整模型。下方的内存估算随选择而变。</translation>
    </message>
    <message>
        <source>Quantize every projection, not only the adapted ones</source>
        <translation>量化所有投影层，而不仅是带适配器的</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Layer numbers from 0, e.g. 20-23 to train the last four of 24; the others stay frozen</source>
        <translation>层编号从 0 开始，例如 20-23 表示训练 24 层中的最后四层；其余层保持冻结</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Also train the embeddings, the final norm and the LM head</source>
        <translation>同时训练嵌入、最终归一化层和 LM 头</translation>
    </message>
</context>
<context>
    <name>ft::ui::RunsView</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Best val. loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PEFT Adapter…</source>
        <translation>PEFT 适配器…</translation>
    </message>
    <message>
        <source>Merged Hugging Face Model…</source>
        <translation>合并后的 Hugging Face 模型…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>%1 (step %2)</source>
        <translation>%1（第 %2 步）</translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation>%1 训练</translation>
    </message>
    <message>
        <source>%1 validation</source>
        <translation>%1 验证</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 on %3, %4 train examples; folder %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2，数据 %3，%4 个训练示例；文件夹 %5</translation>
    </message>
    <message numerus="yes">
        <source>%n runs overlaid.</source>
        <translation>
            <numerusform>叠加了 %n 次运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>The run is training; rename it when it has stopped.</source>
        <translation>该运行正在训练；请在停止后再重命名。</translation>
    </message>
    <message>
        <source>The run is training; stop it first.</source>
        <translation>该运行正在训练；请先停止。</translation>
    </message>
    <message>
        <source>%1 is not a run folder; nothing was deleted.</source>
        <translation>%1 不是运行文件夹；未删除任何内容。</translation>
    </message>
    <message>
        <source>Cannot delete %1</source>
        <translation>无法删除 %1</translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Cannot Rename</source>
        <translation>无法重命名</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their adapters, checkpoints and logs?
%1</source>
        <translation>
            <numerusform>删除 %n 次运行及其适配器、检查点和日志？
%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>Deleted run %1</source>
        <translation>已删除运行 %1</translation>
    </message>
    <message>
        <source>Folder for the Merged Model (empty)</source>
        <translation>合并模型的文件夹（空）</translation>
    </message>
    <message>
        <source>Folder for the Adapter (empty)</source>
        <translation>适配器的文件夹（空）</translation>
    </message>
    <message>
        <source>Exporting %1 of %2 to %3…</source>
        <translation>正在将 %2 的 %1 导出到 %3…</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>GGUF for llama.cpp / Ollama</source>
        <translation>GGUF（用于 llama.cpp / Ollama）</translation>
    </message>
    <message>
        <source>Q8_0: half the size of F16, near-lossless…</source>
        <translation>Q8_0：大小为 F16 的一半，几乎无损…</translation>
    </message>
    <message>
        <source>F16: full quality…</source>
        <translation>F16：完整质量…</translation>
    </message>
    <message>
        <source>BF16: full quality, the range of F32…</source>
        <translation>BF16：完整质量，数值范围同 F32…</translation>
    </message>
    <message>
        <source>F32: exact, twice the size of F16…</source>
        <translation>F32：精确，大小为 F16 的两倍…</translation>
    </message>
    <message>
        <source>Save the Model as GGUF</source>
        <translation>将模型保存为 GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>The Adapter Alone (llama.cpp --lora, Ollama ADAPTER)…</source>
        <translation>仅适配器（llama.cpp --lora，Ollama ADAPTER）…</translation>
    </message>
    <message>
        <source>Save the Adapter as GGUF</source>
        <translation>将适配器保存为 GGUF</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>全量</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
</context>
<context>
    <name>ft::ui::SetupView</name>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Quick Test</source>
        <translation>快速测试</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Thorough</source>
        <translation>深入</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>Start a run with these settings (%1)</source>
        <translation>以这些设置开始运行（%1）</translation>
    </message>
    <message>
        <source>Ready to start.</source>
        <translation>可以开始。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>%1, %2 M parameters, %3 layers, hidden %4, %5/%6 heads; stored as %7.&lt;br&gt;Tokenizer: %8. Chat template: %9.</source>
        <translation>%1，%2 M 参数，%3 层，隐藏维度 %4，%5/%6 个注意力头；存储为 %7。&lt;br&gt;分词器：%8。对话模板：%9。</translation>
    </message>
    <message>
        <source>Load Run Configuration</source>
        <translation>加载运行配置</translation>
    </message>
    <message>
        <source>Run configuration (*.json)</source>
        <translation>运行配置 (*.json)</translation>
    </message>
    <message>
        <source>Cannot Load</source>
        <translation>无法加载</translation>
    </message>
    <message>
        <source>Save Run Configuration</source>
        <translation>保存运行配置</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved the run configuration to %1 (finetune train %1 runs it headless)</source>
        <translation>运行配置已保存到 %1（finetune train %1 可在无界面下运行）</translation>
    </message>
    <message numerus="yes">
        <source>%n settings to fix:</source>
        <translation>
            <numerusform>%n 项设置需要修正：</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>无法使用：%1</translation>
    </message>
</context>
<context>
    <name>ft::ui::TokenLengthsPanel</name>
    <message>
        <source>tokens per example</source>
        <translation>每个示例的词元数</translation>
    </message>
    <message>
        <source>The run&apos;s max_seq_len: longer examples are truncated in training</source>
        <translation>运行的 max_seq_len：更长的示例在训练时会被截断</translation>
    </message>
    <message>
        <source>Open a model to count tokens with its tokenizer and chat template.</source>
        <translation>打开一个模型，以其分词器和对话模板统计词元。</translation>
    </message>
    <message>
        <source>Count Tokens</source>
        <translation>统计词元</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>最大长度</translation>
    </message>
    <message>
        <source>Tokens of %1 (its tokenizer and chat template)</source>
        <translation>%1 的词元（使用其分词器和对话模板）</translation>
    </message>
    <message>
        <source>Cannot count tokens</source>
        <translation>无法统计词元</translation>
    </message>
    <message>
        <source>Open a model first (Model view).</source>
        <translation>请先打开一个模型（模型视图）。</translation>
    </message>
</context>
<context>
    <name>ft::ui::TrainingJob</name>
    <message>
        <source>A training run is already in progress.</source>
        <translation>已有训练运行正在进行。</translation>
    </message>
</context>
<context>
    <name>ft::ui::TrainingView</name>
    <message>
        <source>Start from Config…</source>
        <translation>从配置开始…</translation>
    </message>
    <message>
        <source>Resume Run…</source>
        <translation>继续运行…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Finish the current step, save a checkpoint and the adapter</source>
        <translation>完成当前步骤，保存检查点和适配器</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>无运行</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Run Configuration</source>
        <translation>运行配置</translation>
    </message>
    <message>
        <source>Run configuration (*.json)</source>
        <translation>运行配置 (*.json)</translation>
    </message>
    <message>
        <source>Run Folder to Resume</source>
        <translation>要继续的运行文件夹</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>无法开始：%1</translation>
    </message>
    <message>
        <source>Cannot start training: %1</source>
        <translation>无法开始训练：%1</translation>
    </message>
    <message>
        <source>Cannot Start Training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>正在继续…</translation>
    </message>
    <message>
        <source>Not resumed</source>
        <translation>未继续</translation>
    </message>
    <message>
        <source>Cannot resume: %1</source>
        <translation>无法继续：%1</translation>
    </message>
    <message>
        <source>Cannot Resume</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>Pausing after this step…</source>
        <translation>本步结束后暂停…</translation>
    </message>
    <message>
        <source>Stopping: finishing the step and saving a checkpoint…</source>
        <translation>正在停止：完成本步并保存检查点…</translation>
    </message>
    <message>
        <source>Training on %1 (%2)</source>
        <translation>正在 %1 上训练（%2）</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>step %1 / %2   loss %3 (smoothed %4)   lr %5   grad norm %6   %7 tokens/s   %8 examples/s   memory %9   ETA %10</source>
        <translation>第 %1 / %2 步   损失 %3（平滑 %4）   学习率 %5   梯度范数 %6   %7 词元/秒   %8 示例/秒   内存 %9   剩余 %10</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation at step %1: loss %2, perplexity %3</source>
        <translation>第 %1 步验证：损失 %2，困惑度 %3</translation>
    </message>
    <message>
        <source>step %1   %2</source>
        <translation>第 %1 步   %2</translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation>已在第 %1 步暂停</translation>
    </message>
    <message>
        <source>FAILED at step %1: %2</source>
        <translation>在第 %1 步失败：%2</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Stopped; resume it from its folder</source>
        <translation>已停止；可从其文件夹继续</translation>
    </message>
    <message>
        <source>Stopped early: the validation loss stopped improving</source>
        <translation>提前停止：验证损失不再改善</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Training %1: %2</source>
        <translation>训练 %1：%2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Draw the loss on a logarithmic axis, where its late, small changes stay visible</source>
        <translation>在对数坐标轴上绘制损失，使后期的微小变化仍然可见</translation>
    </message>
</context>
<context>
    <name>ft::ui::Workspace</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ft::widgets::HistogramChart</name>
    <message>
        <source>examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>No values</source>
        <translation>没有数值</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s), median %1, max %2</source>
        <translation>
            <numerusform>%n 个值，中位数 %1，最大值 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 over the limit of %2 (%3%)</source>
        <translation>；%1 个超过上限 %2（%3%）</translation>
    </message>
</context>
<context>
    <name>ft::widgets::MessageEditor</name>
    <message>
        <source>Add Turn</source>
        <translation>添加一轮</translation>
    </message>
    <message>
        <source>Remove this turn</source>
        <translation>移除这一轮</translation>
    </message>
</context>
<context>
    <name>ft::widgets::MetricChart</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source> (smoothed)</source>
        <translation>（平滑）</translation>
    </message>
</context>
<context>
    <name>ft::widgets::PropertyList</name>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Fine-tune local language models with LoRA.</source>
        <translation>使用 LoRA 微调本地语言模型。</translation>
    </message>
    <message>
        <source>Open this model folder.</source>
        <translation>打开此模型文件夹。</translation>
    </message>
    <message>
        <source>Open this workspace folder (created when needed).</source>
        <translation>打开此工作区文件夹（需要时创建）。</translation>
    </message>
    <message>
        <source>Save a screenshot of every view to this folder and quit.</source>
        <translation>将每个视图的截图保存到此文件夹后退出。</translation>
    </message>
    <message>
        <source>The run folder the screenshot tour shows.</source>
        <translation>截图导览所展示的运行文件夹。</translation>
    </message>
    <message>
        <source>Load this run configuration (JSON) into the Setup view.</source>
        <translation>将此运行配置（JSON）载入设置视图。</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>Open the demo (made the first time): the order-messages dataset, the starter model and a run configuration ready to train.</source>
        <translation>打开演示（首次时创建）：订单消息数据集、入门模型和可直接训练的运行配置。</translation>
    </message>
    <message>
        <source>CPU threads: %1</source>
        <translation>CPU 线程：%1</translation>
    </message>
</context>
</TS>
