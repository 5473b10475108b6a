<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="46"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="52"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="58"/>
        <location filename="../ui/main_window.cpp" line="70"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="59"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="66"/>
        <source>Opened model %1: %2</source>
        <translation>Modell %1 geöffnet: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="71"/>
        <source>Cannot open model %1: %2</source>
        <translation>Modell %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="81"/>
        <source>Compute device: %1</source>
        <translation>Rechengerät: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="90"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="91"/>
        <source>&amp;Open Model Folder…</source>
        <translation>Modellordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="93"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="96"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="99"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="107"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="108"/>
        <source>&amp;About Finetune Studio</source>
        <translation>Über &amp;Finetune Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="109"/>
        <source>About Finetune Studio</source>
        <translation>Über Finetune Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <source>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;Fine-tune local language models with LoRA, natively.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;Lokale Sprachmodelle nativ mit LoRA feinabstimmen.&lt;/p&gt;</translation>
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
        <translation>Kein Modell geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="21"/>
        <source>Open model folder…</source>
        <translation>Modellordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="46"/>
        <source>Open a Hugging Face model folder</source>
        <translation>Einen Hugging-Face-Modellordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="53"/>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="74"/>
        <source>Cannot use %1</source>
        <translation>%1 ist nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="85"/>
        <source>%1 B</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="86"/>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="87"/>
        <source>%1 K</source>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="88"/>
        <source>%1 — %2 parameters</source>
        <translation>%1 — %2 Parameter</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="90"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="91"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="92"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="93"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="94"/>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/model_view.cpp" line="94"/>
        <source>%1 in %n file(s), stored as %2</source>
        <translation>
            <numerusform>%1 in %n Datei, gespeichert als %2</numerusform>
            <numerusform>%1 in %n Dateien, gespeichert als %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="97"/>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="98"/>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="99"/>
        <source>Hidden size</source>
        <translation>Verborgene Größe</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="100"/>
        <source>MLP size</source>
        <translation>MLP-Größe</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="101"/>
        <source>Attention heads</source>
        <translation>Attention-Köpfe</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="101"/>
        <source>%1 query, %2 key/value, %3 dims each</source>
        <translation>%1 Query, %2 Key/Value, je %3 Dimensionen</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="103"/>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="104"/>
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="105"/>
        <source>Rotary embeddings</source>
        <translation>Rotations-Einbettungen</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="105"/>
        <source>theta %1, scaling %2</source>
        <translation>Theta %1, Skalierung %2</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="107"/>
        <source>Tied embeddings</source>
        <translation>Gekoppelte Einbettungen</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="107"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="107"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="108"/>
        <source>Sliding window</source>
        <translation>Gleitendes Fenster</translation>
    </message>
    <message>
        <location filename="../ui/model_view.cpp" line="111"/>
        <source>End-of-sequence ids</source>
        <translation>Sequenzende-IDs</translation>
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
        <translation type="unfinished">Protokoll</translation>
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
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location filename="../widgets/property_list.cpp" line="9"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="30"/>
        <source>Fine-tune local language models with LoRA.</source>
        <translation>Lokale Sprachmodelle mit LoRA feinabstimmen.</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="33"/>
        <source>Open this model folder.</source>
        <translation>Diesen Modellordner öffnen.</translation>
    </message>
</context>
</TS>
