<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ft::ui::BulkEdits</name>
    <message numerus="yes">
        <source>Deleted %n example(s); Undo brings them back.</source>
        <translation>
            <numerusform>Deleted %n example; Undo brings them back.</numerusform><numerusform>Deleted %n examples; Undo brings them back.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n example(s):</source>
        <translation>
            <numerusform>Tag for %n example:</numerusform><numerusform>Tag for %n examples:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Assigned splits to %n example(s).</source>
        <translation>
            <numerusform>Assigned splits to %n example.</numerusform><numerusform>Assigned splits to %n examples.</numerusform></translation>
    </message>
</context>
<context>
    <name>ft::ui::DatasetView</name>
    <message numerus="yes">
        <source>%n example(s)</source>
        <translation>
            <numerusform>%n example</numerusform><numerusform>%n examples</numerusform></translation>
    </message>
</context>
<context>
    <name>ft::ui::DuplicatesPanel</name>
    <message numerus="yes">
        <source>Removed %n duplicate(s); Undo brings them back.</source>
        <translation>
            <numerusform>Removed %n duplicate; Undo brings them back.</numerusform><numerusform>Removed %n duplicates; Undo brings them back.</numerusform></translation>
    </message>
</context>
<context>
    <name>ft::ui::EstimatePanel</name>
    <message numerus="yes">
        <source>%n cut at %1 tokens</source>
        <translation>
            <numerusform>%n cut at %1 tokens</numerusform><numerusform>%n cut at %1 tokens</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n left out: no reply token within %1 tokens</source>
        <translation>
            <numerusform>%n left out: no reply token within %1 tokens</numerusform><numerusform>%n left out: no reply token within %1 tokens</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n left out for problems (see the Dataset view)</source>
        <translation>
            <numerusform>%n left out for problems (see the Dataset view)</numerusform><numerusform>%n left out for problems (see the Dataset view)</numerusform></translation>
    </message>
</context>
<context>
    <name>ft::ui::EvaluationView</name>
    <message numerus="yes">
        <source>%n regression(s) (tuned below base), listed first.</source>
        <translation>
            <numerusform>%n regression (tuned below base), listed first.</numerusform><numerusform>%n regressions (tuned below base), listed first.</numerusform></translation>
    </message>
</context>
<context>
    <name>ft::ui::ModeGuide</name>
    <message numerus="yes">
        <source>%n with problems</source>
        <translation>
            <numerusform>%n with problems</numerusform><numerusform>%n with problems</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n example(s)</source>
        <translation>
            <numerusform>%n example</numerusform><numerusform>%n examples</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n to fix</source>
        <translation>
            <numerusform>%n to fix</numerusform><numerusform>%n to fix</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>1 training, %n in all</source>
        <translation>
            <numerusform>1 training, %n in all</numerusform><numerusform>1 training, %n in all</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform><numerusform>%n runs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Problems in %n example(s), shown in the table and in the editor: fix or delete them; training leaves them out.</source>
        <translation>
            <numerusform>Problems in %n example, shown in the table and in the editor: fix or delete them; training leaves them out.</numerusform><numerusform>Problems in %n examples, shown in the table and in the editor: fix or delete them; training leaves them out.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) to fix, marked in the form and listed under it.</source>
        <translation>
            <numerusform>%n setting to fix, marked in the form and listed under it.</numerusform><numerusform>%n settings to fix, marked in the form and listed under it.</numerusform></translation>
    </message>
</context>
<context>
    <name>ft::ui::ModelView</name>
    <message numerus="yes">
        <source>%1 in %n file(s), stored as %2</source>
        <translation>
            <numerusform>%1 in %n file, stored as %2</numerusform><numerusform>%1 in %n files, stored as %2</numerusform></translation>
    </message>
</context>
<context>
    <name>ft::ui::RunsView</name>
    <message numerus="yes">
        <source>%n runs overlaid.</source>
        <translation>
            <numerusform>%n runs overlaid.</numerusform><numerusform>%n runs overlaid.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their adapters, checkpoints and logs?
%1</source>
        <translation>
            <numerusform>Delete %n run with their adapters, checkpoints and logs?
%1</numerusform><numerusform>Delete %n runs with their adapters, checkpoints and logs?
%1</numerusform></translation>
    </message>
</context>
<context>
    <name>ft::ui::SetupView</name>
    <message numerus="yes">
        <source>%n settings to fix:</source>
        <translation>
            <numerusform>%n settings to fix:</numerusform><numerusform>%n settings to fix:</numerusform></translation>
    </message>
</context>
<context>
    <name>ft::widgets::HistogramChart</name>
    <message numerus="yes">
        <source>%n value(s), median %1, max %2</source>
        <translation>
            <numerusform>%n value, median %1, max %2</numerusform><numerusform>%n values, median %1, max %2</numerusform></translation>
    </message>
</context>
</TS>