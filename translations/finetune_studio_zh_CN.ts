<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ft::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="27"/>
        <source>Finetune Studio</source>
        <translation>Finetune Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="42"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="48"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="54"/>
        <location filename="../ui/main_window.cpp" line="66"/>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="55"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="62"/>
        <source>Opened model %1: %2</source>
        <translation>已打开模型 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="67"/>
        <source>Cannot open model %1: %2</source>
        <translation>无法打开模型 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="74"/>
        <source>Compute device: %1</source>
        <translation>计算设备：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="83"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="84"/>
        <source>&amp;Open Model Folder…</source>
        <translation>打开模型文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="86"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="89"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="92"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="100"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="101"/>
        <source>&amp;About Finetune Studio</source>
        <translation>关于 Finetune Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="102"/>
        <source>About Finetune Studio</source>
        <translation>关于 Finetune Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="103"/>
        <source>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;Fine-tune local language models with LoRA, natively.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;使用 LoRA 在本地原生微调语言模型。&lt;/p&gt;</translation>
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
