<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ft::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="29"/>
        <source>Finetune Studio</source>
        <translation>Finetune Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="44"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="46"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="52"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="58"/>
        <location filename="../ui/main_window.cpp" line="70"/>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="59"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="66"/>
        <source>Opened model %1: %2</source>
        <translation>已打开模型 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="71"/>
        <source>Cannot open model %1: %2</source>
        <translation>无法打开模型 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="81"/>
        <source>Compute device: %1</source>
        <translation>计算设备：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="90"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="91"/>
        <source>&amp;Open Model Folder…</source>
        <translation>打开模型文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="93"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="96"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="99"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="107"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="108"/>
        <source>&amp;About Finetune Studio</source>
        <translation>关于 Finetune Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="109"/>
        <source>About Finetune Studio</source>
        <translation>关于 Finetune Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <source>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;Fine-tune local language models with LoRA, natively.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;使用 LoRA 在本地原生微调语言模型。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="145"/>
        <source>Training in Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="146"/>
        <source>A training run is in progress. Stop it (after a checkpoint) and quit?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::ModelView</name>
    <message>
        <location filename="../ui/model_view.cpp" line="17"/>
        <source>No model open</source>
        <translation>未打开模型</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="21"/>
        <source>Open model folder…</source>
        <translation>打开模型文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="46"/>
        <source>Open a Hugging Face model folder</source>
        <translation>打开 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="53"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="74"/>
        <source>Cannot use %1</source>
        <translation>无法使用 %1</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="85"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="86"/>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="87"/>
        <source>%1 K</source>
        <translation>%1 K</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="88"/>
        <source>%1 — %2 parameters</source>
        <translation>%1 — %2 参数</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="90"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="91"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="92"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="93"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="94"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/model_view.cpp" line="94"/>
        <source>%1 in %n file(s), stored as %2</source>
        <translation>
            <numerusform>%1，共 %n 个文件，存储为 %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="97"/>
        <source>Shape</source>
        <translation>结构</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="98"/>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="99"/>
        <source>Hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="100"/>
        <source>MLP size</source>
        <translation>MLP 大小</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="101"/>
        <source>Attention heads</source>
        <translation>注意力头</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="101"/>
        <source>%1 query, %2 key/value, %3 dims each</source>
        <translation>%1 个查询头，%2 个键/值头，每个 %3 维</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="103"/>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="104"/>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="105"/>
        <source>Rotary embeddings</source>
        <translation>旋转位置编码</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="105"/>
        <source>theta %1, scaling %2</source>
        <translation>theta %1，缩放 %2</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="107"/>
        <source>Tied embeddings</source>
        <translation>共享词嵌入</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="107"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="107"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="108"/>
        <source>Sliding window</source>
        <translation>滑动窗口</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="111"/>
        <source>End-of-sequence ids</source>
        <translation>结束符 ID</translation>
    </message>
</context>
<context>
    <name>ft::ui::TrainingJob</name>
    <message>
        <location filename="../ui/training_job.cpp" line="20"/>
        <location filename="../ui/training_job.cpp" line="37"/>
        <source>A training run is already in progress.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::TrainingView</name>
    <message>
        <location filename="../ui/training_view.cpp" line="41"/>
        <source>Start from Config…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="43"/>
        <source>Resume Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="44"/>
        <location filename="../ui/training_view.cpp" line="244"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="45"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="46"/>
        <source>Finish the current step, save a checkpoint and the adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="47"/>
        <source>No run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="60"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="61"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="62"/>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="63"/>
        <location filename="../ui/training_view.cpp" line="64"/>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="65"/>
        <location filename="../ui/training_view.cpp" line="66"/>
        <source>gradient norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="73"/>
        <source>Log</source>
        <translation type="unfinished">日志</translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="74"/>
        <source>Checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="103"/>
        <source>Run Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="103"/>
        <source>Run configuration (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="108"/>
        <source>Run Folder to Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="118"/>
        <source>Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="125"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="126"/>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="127"/>
        <source>Cannot start training: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="128"/>
        <source>Cannot Start Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="136"/>
        <location filename="../ui/training_view.cpp" line="150"/>
        <source>Resuming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="140"/>
        <source>Not resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="141"/>
        <source>Cannot resume: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="142"/>
        <source>Cannot Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="153"/>
        <source>Pausing after this step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="161"/>
        <source>Stopping: finishing the step and saving a checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="183"/>
        <source>Training on %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="184"/>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="191"/>
        <source>step %1 / %2   loss %3 (smoothed %4)   lr %5   grad norm %6   %7 tokens/s   %8 examples/s   memory %9   ETA %10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="202"/>
        <location filename="../ui/training_view.cpp" line="214"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="205"/>
        <source>validation at step %1: loss %2, perplexity %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="210"/>
        <source>step %1   %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="212"/>
        <source>Paused at step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="216"/>
        <source>FAILED at step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="218"/>
        <source>hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="225"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="226"/>
        <source>Stopped; resume it from its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="227"/>
        <source>Stopped early: the validation loss stopped improving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="228"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="229"/>
        <source>Training %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training_view.cpp" line="244"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::widgets::MetricChart</name>
    <message>
        <location filename="../widgets/metric_chart.cpp" line="17"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/metric_chart.cpp" line="47"/>
        <source> (smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::widgets::PropertyList</name>
    <message>
        <location filename="../widgets/property_list.cpp" line="9"/>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../widgets/property_list.cpp" line="9"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="30"/>
        <source>Fine-tune local language models with LoRA.</source>
        <translation>使用 LoRA 微调本地语言模型。</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="33"/>
        <source>Open this model folder.</source>
        <translation>打开此模型文件夹。</translation>
    </message>
</context>
</TS>
