<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="48"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="54"/>
        <location filename="../ui/main_window.cpp" line="66"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="55"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="62"/>
        <source>Opened model %1: %2</source>
        <translation>Modell %1 geöffnet: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="67"/>
        <source>Cannot open model %1: %2</source>
        <translation>Modell %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="74"/>
        <source>Compute device: %1</source>
        <translation>Rechengerät: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="83"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="84"/>
        <source>&amp;Open Model Folder…</source>
        <translation>Modellordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="86"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="89"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="92"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="100"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="101"/>
        <source>&amp;About Finetune Studio</source>
        <translation>Über &amp;Finetune Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="102"/>
        <source>About Finetune Studio</source>
        <translation>Über Finetune Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="103"/>
        <source>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;Fine-tune local language models with LoRA, natively.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Finetune Studio %1&lt;/b&gt;&lt;p&gt;Lokale Sprachmodelle nativ mit LoRA feinabstimmen.&lt;/p&gt;</translation>
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
