<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>%1: format %2, %3 imported, %4 skipped, %5 duplicate(s) left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 example(s) to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 multi-turn example(s) left out: Alpaca holds one turn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none in the model: the plain built-in template is used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::CompareView</name>
    <message>
        <source>base model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base Model Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapter Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEFT Adapter Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: greedy (the same reply every time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system prompt (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a prompt, or step through the run&apos;s validation examples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate Both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation examples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adapter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot compare with run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No validation examples from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a run or an adapter folder for the tuned side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare: give a base model and a prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;%1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens, %2 tokens/s, %3 (prompt %4 tokens)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::DatasetTableModel</name>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::DatasetView</name>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign Splits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text (every word must appear)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n example(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No example selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the edit (%1). Moving to another example also saves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files with Import… or drop them here. Formats: messages/ShareGPT/Alpaca/prompt-completion JSONL or JSON, CSV, TSV, plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens per example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s max_seq_len: longer examples are truncated in training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model to count tokens with its tokenizer and chat template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token Lengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near duplicates: estimated Jaccard similarity of word 3-shingles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Checked (keep first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near-duplicate similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from %1, line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save example #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create dataset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add an example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n example(s); Undo brings them back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tag Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n example(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set the split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign Splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train / validation / test ratios for the unassigned examples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot assign splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write three numbers separated by &apos;/&apos;, e.g. 0.8 / 0.1 / 0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Assigned splits to %n example(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt *.md);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages JSONL (*.jsonl);;Alpaca JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens of %1 (its tokenizer and chat template)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot count tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model first (Model view).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot find duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n duplicate(s); Undo brings them back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
        <translation>Modell</translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Opened model %1: %2</source>
        <translation>Modell %1 geöffnet: %2</translation>
    </message>
    <message>
        <source>Cannot open model %1: %2</source>
        <translation>Modell %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Compute device: %1</source>
        <translation>Rechengerät: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Model Folder…</source>
        <translation>Modellordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Finetune Studio</source>
        <translation>Über &amp;Finetune Studio</translation>
    </message>
    <message>
        <source>About Finetune Studio</source>
        <translation>Über Finetune Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;Fine-tune local language models with LoRA, natively.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;Lokale Sprachmodelle nativ mit LoRA feinabstimmen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Training in Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it (after a checkpoint) and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is already training; resume %1 when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent Wor&amp;kspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Examples…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open workspace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Finetune Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Workspace (choose or create an empty folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no workspace yet. Make it one?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::ModelView</name>
    <message>
        <source>No model open</source>
        <translation>Kein Modell geöffnet</translation>
    </message>
    <message>
        <source>Open model folder…</source>
        <translation>Modellordner öffnen…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Einen Hugging-Face-Modellordner öffnen</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Cannot use %1</source>
        <translation>%1 ist nicht verwendbar</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1 K</source>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>%1 — %2 parameters</source>
        <translation>%1 — %2 Parameter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n file(s), stored as %2</source>
        <translation>
            <numerusform>%1 in %n Datei, gespeichert als %2</numerusform>
            <numerusform>%1 in %n Dateien, gespeichert als %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>Verborgene Größe</translation>
    </message>
    <message>
        <source>MLP size</source>
        <translation>MLP-Größe</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Attention-Köpfe</translation>
    </message>
    <message>
        <source>%1 query, %2 key/value, %3 dims each</source>
        <translation>%1 Query, %2 Key/Value, je %3 Dimensionen</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <source>Rotary embeddings</source>
        <translation>Rotations-Einbettungen</translation>
    </message>
    <message>
        <source>theta %1, scaling %2</source>
        <translation>Theta %1, Skalierung %2</translation>
    </message>
    <message>
        <source>Tied embeddings</source>
        <translation>Gekoppelte Einbettungen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Sliding window</source>
        <translation>Gleitendes Fenster</translation>
    </message>
    <message>
        <source>End-of-sequence ids</source>
        <translation>Sequenzende-IDs</translation>
    </message>
</context>
<context>
    <name>ft::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
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
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::RunsView</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished">Modell</translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best val. loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEFT Adapter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged Hugging Face Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (step %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 on %3, %4 train examples; folder %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n runs overlaid.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a folder name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run is training; rename it when it has stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed, but run.json was not updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run is training; stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a run folder; nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their adapters, checkpoints and logs?
%1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the Merged Model (empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the Adapter (empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1 of %2 to %3…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::SetupView</name>
    <message>
        <source>Measure runs a few real steps of this configuration on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure Step Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thorough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before You Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a run with these settings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Hugging Face model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chosen when the model is: &lt;workspace&gt;/runs/&lt;model&gt;-&lt;date&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished">Ordner</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder (Llama, Mistral, Qwen2 families).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the chat template (a family name or a .jinja file). The export writes the one used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: fresh adapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue from adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEFT Adapter Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assistant: loss on replies only; all: on every token; text: raw documents (continued pre-training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer examples are truncated (see the Dataset view&apos;s histogram)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max length (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack short examples into one row (they never attend to each other)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA Adapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapter rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank (r)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling is alpha / r (alpha / sqrt(r) with rsLoRA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsLoRA scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak learning rate, e.g. 2e-4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decay down to this fraction of the peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final lr ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: run the epochs; otherwise stop after this many optimiser steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-batches per optimiser step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 turns clipping off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max gradient norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient checkpointing (less memory, ~25% slower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation and Checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: evaluate at the end only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate every (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: the whole validation split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: the training batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this many evaluations without a better validation loss (0: never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: checkpoint at the end (and on stop) only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint every (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: keep all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log every (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware and Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base weights: auto is bf16 on CUDA and fp32 on the CPU; adapters are always fp32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 train, %3 validation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base Model Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished">Lese %1…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;Cannot be used: %1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 M parameters, %3 layers, hidden %4, %5/%6 heads; stored as %7.&lt;br&gt;Tokenizer: %8. Chat template: %9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The estimate appears once the model and the settings are valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Peak memory ≈ %1&lt;/b&gt; on %2 (weights %3, adapters and optimizer %4, activations %5, logits %6, runtime %7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;More than %1 has (%2): lower the batch size or max length, or turn on gradient checkpointing.&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainable parameters: %1 M (%2% of %3 M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;The dataset has no train examples: assign splits in the Dataset view.&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps: %1 (%2 examples per step%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 train examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Time ≈ %1&lt;/b&gt; for the training steps (measured %2 s per step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring a few steps of batch %1 × %2 tokens…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;Measuring failed: %1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured on %1: %2 s per batch, %3 tokens/s, peak memory %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Run Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run configuration (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Run Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the run configuration to %1 (finetune train %1 runs it headless)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::TrainingJob</name>
    <message>
        <source>A training run is already in progress.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::TrainingView</name>
    <message>
        <source>Start from Config…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the current step, save a checkpoint and the adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished">Protokoll</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run configuration (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Folder to Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start training: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Start Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resume: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing after this step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping: finishing the step and saving a checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training on %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 / %2   loss %3 (smoothed %4)   lr %5   grad norm %6   %7 tokens/s   %8 examples/s   memory %9   ETA %10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation at step %1: loss %2, perplexity %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1   %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED at step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped; resume it from its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early: the validation loss stopped improving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::Workspace</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::widgets::HistogramChart</name>
    <message>
        <source>examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No values</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n value(s), median %1, max %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 over the limit of %2 (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::widgets::MessageEditor</name>
    <message>
        <source>Add Turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this turn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::widgets::MetricChart</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::widgets::PropertyList</name>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Fine-tune local language models with LoRA.</source>
        <translation>Lokale Sprachmodelle mit LoRA feinabstimmen.</translation>
    </message>
    <message>
        <source>Open this model folder.</source>
        <translation>Diesen Modellordner öffnen.</translation>
    </message>
    <message>
        <source>Open this workspace folder (created when needed).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
