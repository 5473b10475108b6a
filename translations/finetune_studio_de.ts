<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>%1: format %2, %3 imported, %4 skipped, %5 duplicate(s) left out</source>
        <translation>%1: Format %2, %3 importiert, %4 übersprungen, %5 Duplikate ausgelassen</translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation>  Zeile %1: %2</translation>
    </message>
    <message>
        <source>Exported %1 example(s) to %2</source>
        <translation>%1 Beispiele nach %2 exportiert</translation>
    </message>
    <message>
        <source> (%1 multi-turn example(s) left out: Alpaca holds one turn)</source>
        <translation> (%1 mehrstufige Beispiele ausgelassen: Alpaca fasst nur einen Wechsel)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>%1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>none in the model: the plain built-in template is used</source>
        <translation>keine im Modell: die einfache eingebaute Vorlage wird verwendet</translation>
    </message>
    <message>
        <source>few-shot</source>
        <translation>Few-Shot</translation>
    </message>
    <message>
        <source>tuned</source>
        <translation>feinabgestimmt</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Evaluation written to %1</source>
        <translation>Evaluation nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Evaluation failed: %1</source>
        <translation>Evaluation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported GGUF (%1, %2) to %3</source>
        <translation>GGUF (%1, %2) nach %3 exportiert</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>ft::ui::BulkEdits</name>
    <message>
        <source>Cannot create a dataset</source>
        <translation>Datensatz kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot add an example</source>
        <translation>Beispiel kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Cannot duplicate</source>
        <translation>Duplizieren nicht möglich</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Löschen nicht möglich</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n example(s); Undo brings them back.</source>
        <translation>
            <numerusform>%n Beispiel gelöscht; Rückgängig holt es zurück.</numerusform>
            <numerusform>%n Beispiele gelöscht; Rückgängig holt sie zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag Examples</source>
        <translation>Beispiele markieren</translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n example(s):</source>
        <translation>
            <numerusform>Markierung für %n Beispiel:</numerusform>
            <numerusform>Markierung für %n Beispiele:</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot tag</source>
        <translation>Markieren nicht möglich</translation>
    </message>
    <message>
        <source>Cannot set the split</source>
        <translation>Teil kann nicht gesetzt werden</translation>
    </message>
    <message>
        <source>Assign Splits</source>
        <translation>Teile zuweisen</translation>
    </message>
    <message>
        <source>Train / validation / test ratios for the unassigned examples:</source>
        <translation>Anteile Training / Validierung / Test für die nicht zugewiesenen Beispiele:</translation>
    </message>
    <message>
        <source>Cannot assign splits</source>
        <translation>Teile können nicht zugewiesen werden</translation>
    </message>
    <message>
        <source>Write three numbers separated by &apos;/&apos;, e.g. 0.8 / 0.1 / 0.1.</source>
        <translation>Drei Zahlen durch „/“ getrennt angeben, z. B. 0.8 / 0.1 / 0.1.</translation>
    </message>
    <message numerus="yes">
        <source>Assigned splits to %n example(s).</source>
        <translation>
            <numerusform>Teile für %n Beispiel zugewiesen.</numerusform>
            <numerusform>Teile für %n Beispiele zugewiesen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ft::ui::CompareView</name>
    <message>
        <source>base model folder</source>
        <translation>Ordner des Basismodells</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Base Model Folder</source>
        <translation>Ordner des Basismodells</translation>
    </message>
    <message>
        <source>Adapter Folder…</source>
        <translation>Adapter-Ordner…</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder</source>
        <translation>PEFT-Adapter-Ordner</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Tuned</source>
        <translation>Feinabgestimmt</translation>
    </message>
    <message>
        <source>0: greedy (the same reply every time)</source>
        <translation>0: gierig (jedes Mal dieselbe Antwort)</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0: aus</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
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
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>system prompt (optional)</source>
        <translation>System-Prompt (optional)</translation>
    </message>
    <message>
        <source>Write a prompt, or step through the run&apos;s validation examples.</source>
        <translation>Einen Prompt schreiben oder die Validierungsbeispiele des Laufs durchgehen.</translation>
    </message>
    <message>
        <source>Generate Both</source>
        <translation>Beide generieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Highlight differences</source>
        <translation>Unterschiede hervorheben</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Validation examples:</source>
        <translation>Validierungsbeispiele:</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>adapter %1</source>
        <translation>Adapter %1</translation>
    </message>
    <message>
        <source>Cannot compare with run %1: %2</source>
        <translation>Vergleich mit Lauf %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>No validation examples from %1: %2</source>
        <translation>Keine Validierungsbeispiele aus %1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Choose a run or an adapter folder for the tuned side.</source>
        <translation>Für die feinabgestimmte Seite einen Lauf oder einen Adapter-Ordner wählen.</translation>
    </message>
    <message>
        <source>Compare: give a base model and a prompt.</source>
        <translation>Vergleich: Basismodell und Prompt angeben.</translation>
    </message>
</context>
<context>
    <name>ft::ui::DatasetTableModel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ft::ui::DatasetView</name>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Assign Splits…</source>
        <translation>Teile zuweisen…</translation>
    </message>
    <message>
        <source>Search text (every word must appear)</source>
        <translation>Text suchen (jedes Wort muss vorkommen)</translation>
    </message>
    <message>
        <source>All splits</source>
        <translation>Alle Teile</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>With problems</source>
        <translation>Mit Problemen</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message numerus="yes">
        <source>%n example(s)</source>
        <translation>
            <numerusform>%n Beispiel</numerusform>
            <numerusform>%n Beispiele</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <source>Token Lengths</source>
        <translation>Token-Längen</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Add Example</source>
        <translation>Beispiel hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>Markieren…</translation>
    </message>
    <message>
        <source>Set Split</source>
        <translation>Teil setzen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>New Dataset</source>
        <translation>Neuer Datensatz</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Cannot create dataset %1</source>
        <translation>Datensatz %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Import Examples</source>
        <translation>Beispiele importieren</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>Datensatz exportieren</translation>
    </message>
    <message>
        <source>Messages JSONL (*.jsonl);;Alpaca JSON (*.json)</source>
        <translation>Messages-JSONL (*.jsonl);;Alpaca-JSON (*.json)</translation>
    </message>
    <message>
        <source>Datasets (%1);;All files (*)</source>
        <translation>Datensätze (%1);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ft::ui::DuplicatesPanel</name>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Near duplicates: estimated Jaccard similarity of word 3-shingles</source>
        <translation>Beinahe-Duplikate: geschätzte Jaccard-Ähnlichkeit der Wort-3-Gramme</translation>
    </message>
    <message>
        <source>Find Duplicates</source>
        <translation>Duplikate suchen</translation>
    </message>
    <message>
        <source>Remove Checked (keep first)</source>
        <translation>Markierte entfernen (erstes behalten)</translation>
    </message>
    <message>
        <source>Near-duplicate similarity</source>
        <translation>Ähnlichkeit für Beinahe-Duplikate</translation>
    </message>
    <message>
        <source>Cannot find duplicates</source>
        <translation>Duplikate können nicht gesucht werden</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>near</source>
        <translation>ähnlich</translation>
    </message>
    <message>
        <source>Cannot remove duplicates</source>
        <translation>Duplikate können nicht entfernt werden</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n duplicate(s); Undo brings them back.</source>
        <translation>
            <numerusform>%n Duplikat entfernt; Rückgängig holt es zurück.</numerusform>
            <numerusform>%n Duplikate entfernt; Rückgängig holt sie zurück.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ft::ui::EstimatePanel</name>
    <message>
        <source>Measure runs a few real steps of this configuration on this machine.</source>
        <translation>„Messen“ führt einige echte Schritte dieser Konfiguration auf diesem Rechner aus.</translation>
    </message>
    <message>
        <source>Measure Step Time</source>
        <translation>Schrittzeit messen</translation>
    </message>
    <message>
        <source>Before You Start</source>
        <translation>Vor dem Start</translation>
    </message>
    <message>
        <source>The estimate appears once the model and the settings are valid.</source>
        <translation>Die Schätzung erscheint, sobald Modell und Einstellungen gültig sind.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Peak memory ≈ %1&lt;/b&gt; on %2 (weights %3, adapters and optimizer %4, activations %5, logits %6, runtime %7)</source>
        <translation>&lt;b&gt;Spitzenspeicher ≈ %1&lt;/b&gt; auf %2 (Gewichte %3, Adapter und Optimierer %4, Aktivierungen %5, Logits %6, Laufzeit %7)</translation>
    </message>
    <message>
        <source>the GPU</source>
        <translation>der GPU</translation>
    </message>
    <message>
        <source>the CPU</source>
        <translation>der CPU</translation>
    </message>
    <message>
        <source>Trainable parameters: %1 M (%2% of %3 M)</source>
        <translation>Trainierbare Parameter: %1 Mio. (%2 % von %3 Mio.)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Time ≈ %1&lt;/b&gt; for the training steps (measured %2 s per step)</source>
        <translation>&lt;b&gt;Zeit ≈ %1&lt;/b&gt; für die Trainingsschritte (gemessen %2 s pro Schritt)</translation>
    </message>
    <message>
        <source>Measuring a few steps of batch %1 × %2 tokens…</source>
        <translation>Messe einige Schritte mit Batch %1 × %2 Tokens…</translation>
    </message>
    <message>
        <source>Measured on %1: %2 s per batch, %3 tokens/s, peak memory %4.</source>
        <translation>Gemessen auf %1: %2 s pro Batch, %3 Tokens/s, Spitzenspeicher %4.</translation>
    </message>
    <message>
        <source>Steps: %1 (%2 examples per step, %3 train examples%4)</source>
        <translation>Schritte: %1 (%2 Beispiele pro Schritt, %3 Trainingsbeispiele%4)</translation>
    </message>
    <message>
        <source>, packed; micro-batches an epoch: %1</source>
        <translation>, gepackt; Micro-Batches pro Epoche: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n cut at %1 tokens</source>
        <translation>
            <numerusform>%n bei %1 Tokens gekürzt</numerusform>
            <numerusform>%n bei %1 Tokens gekürzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out: no reply token within %1 tokens</source>
        <translation>
            <numerusform>%n ausgelassen: kein Antwort-Token innerhalb von %1 Tokens</numerusform>
            <numerusform>%n ausgelassen: kein Antwort-Token innerhalb von %1 Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out for problems (see the Dataset view)</source>
        <translation>
            <numerusform>%n wegen Problemen ausgelassen (siehe Datensatz-Ansicht)</numerusform>
            <numerusform>%n wegen Problemen ausgelassen (siehe Datensatz-Ansicht)</numerusform>
        </translation>
    </message>
    <message>
        <source>Steps: counting the train split&apos;s tokens…</source>
        <translation>Schritte: die Tokens des Trainings-Splits werden gezählt…</translation>
    </message>
    <message>
        <source>More than %1 has (%2): lower the batch size or max length, or turn on gradient checkpointing.</source>
        <translation>Mehr, als %1 hat (%2): Batchgröße oder maximale Länge senken oder Gradient-Checkpointing einschalten.</translation>
    </message>
    <message>
        <source>The data cannot be used: %1</source>
        <translation>Die Daten sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Examples: %1; the longest kept has %2 tokens.</source>
        <translation>Beispiele: %1; das längste behaltene hat %2 Tokens.</translation>
    </message>
    <message>
        <source>Measuring failed: %1</source>
        <translation>Messen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Peak memory ≈ %1&lt;/b&gt; on %2 (weights %3, gradients and optimizer %4, activations %5, logits %6, runtime %7)</source>
        <translation>&lt;b&gt;Spitzenspeicher ≈ %1&lt;/b&gt; auf %2 (Gewichte %3, Gradienten und Optimierer %4, Aktivierungen %5, Logits %6, Laufzeit %7)</translation>
    </message>
    <message>
        <source>Fits on %1 (%2).</source>
        <translation>Passt auf %1 (%2).</translation>
    </message>
    <message>
        <source>QLoRA would need about %1.</source>
        <translation>QLoRA bräuchte etwa %1.</translation>
    </message>
    <message>
        <source>On a GPU about %1: more than a 24 GB card holds.</source>
        <translation>Auf einer GPU etwa %1: mehr, als eine 24-GB-Karte fasst.</translation>
    </message>
    <message>
        <source>On a GPU about %1: fits cards of %2 GB.</source>
        <translation>Auf einer GPU etwa %1: passt auf Karten mit %2 GB.</translation>
    </message>
</context>
<context>
    <name>ft::ui::EvaluationView</name>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>The base model with this many training examples in the prompt (0: no few-shot baseline)</source>
        <translation>Das Basismodell mit so vielen Trainingsbeispielen im Prompt (0: keine Few-Shot-Basislinie)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Open HTML Report</source>
        <translation>HTML-Bericht öffnen</translation>
    </message>
    <message>
        <source>Print to PDF…</source>
        <translation>Als PDF drucken…</translation>
    </message>
    <message>
        <source>Print Report to PDF</source>
        <translation>Bericht als PDF drucken</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Printed the report to %1</source>
        <translation>Bericht nach %1 gedruckt</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Few-shot</source>
        <translation>Few-Shot</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Tokens</translation>
    </message>
    <message>
        <source>Choose a run and evaluate it on its held-out split.</source>
        <translation>Einen Lauf wählen und auf seinem zurückgehaltenen Teil evaluieren.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; examples of the %2 split; headline metric &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Beispiele des Teils %2; Hauptmetrik &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Loss on the reference replies: base %1 (perplexity %2), tuned %3 (perplexity %4).</source>
        <translation>Verlust auf den Referenzantworten: Basis %1 (Perplexität %2), feinabgestimmt %3 (Perplexität %4).</translation>
    </message>
    <message>
        <source>%1: %2 [%3, %4], %5</source>
        <translation>%1: %2 [%3, %4], %5</translation>
    </message>
    <message>
        <source>a real difference</source>
        <translation>ein echter Unterschied</translation>
    </message>
    <message>
        <source>within noise</source>
        <translation>im Rauschen</translation>
    </message>
    <message numerus="yes">
        <source>%n regression(s) (tuned below base), listed first.</source>
        <translation>
            <numerusform>%n Verschlechterung (feinabgestimmt unter Basis), zuerst aufgeführt.</numerusform>
            <numerusform>%n Verschlechterungen (feinabgestimmt unter Basis), zuerst aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>Gewinner</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>unentschieden</translation>
    </message>
    <message>
        <source>final weights</source>
        <translation>endgültige Gewichte</translation>
    </message>
    <message>
        <source>best weights (lowest validation loss)</source>
        <translation>beste Gewichte (niedrigster Validierungsverlust)</translation>
    </message>
</context>
<context>
    <name>ft::ui::ExampleEditorPanel</name>
    <message>
        <source>No example selected</source>
        <translation>Kein Beispiel ausgewählt</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the edit (%1). Moving to another example also saves it.</source>
        <translation>Änderung speichern (%1). Der Wechsel zu einem anderen Beispiel speichert sie ebenfalls.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>Probleme: %1</translation>
    </message>
    <message>
        <source>Example #%1</source>
        <translation>Beispiel Nr. %1</translation>
    </message>
    <message>
        <source> (from %1, line %2)</source>
        <translation> (aus %1, Zeile %2)</translation>
    </message>
    <message>
        <source>Cannot save example #%1</source>
        <translation>Beispiel Nr. %1 kann nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>ft::ui::ImportPanel</name>
    <message>
        <source>Import files with Import… or drop them here. Formats: messages/ShareGPT/Alpaca/prompt-completion JSONL or JSON, CSV, TSV, plain text.</source>
        <translation>Dateien mit „Importieren…“ importieren oder hier ablegen. Formate: messages/ShareGPT/Alpaca/prompt-completion als JSONL oder JSON, CSV, TSV, reiner Text.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importiere %1…</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
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
        <translation>Training</translation>
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
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it (after a checkpoint) and quit?</source>
        <translation>Ein Trainingslauf ist im Gange. Anhalten (nach einem Checkpoint) und beenden?</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>A run is already training; resume %1 when it has finished.</source>
        <translation>Ein Lauf trainiert bereits; %1 nach dessen Ende fortsetzen.</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>&amp;Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>Recent Wor&amp;kspaces</source>
        <translation>Zuletzt verwendete Ar&amp;beitsbereiche</translation>
    </message>
    <message>
        <source>Open &amp;Recent Model</source>
        <translation>&amp;Zuletzt verwendetes Modell</translation>
    </message>
    <message>
        <source>&amp;Import Examples…</source>
        <translation>Beispiele &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Export Dataset…</source>
        <translation>Datensatz &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Cannot open workspace %1: %2</source>
        <translation>Arbeitsbereich %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot Open Workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened workspace %1</source>
        <translation>Arbeitsbereich %1 geöffnet</translation>
    </message>
    <message>
        <source>New Workspace (choose or create an empty folder)</source>
        <translation>Neuer Arbeitsbereich (leeren Ordner wählen oder anlegen)</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Not a Workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>%1 holds no workspace yet. Make it one?</source>
        <translation>%1 enthält noch keinen Arbeitsbereich. Einen anlegen?</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Cannot show %1 in the Training view while a run trains there.</source>
        <translation>%1 kann nicht in der Trainings-Ansicht gezeigt werden, während dort ein Lauf trainiert.</translation>
    </message>
    <message>
        <source>Preparing the demo…</source>
        <translation>Die Demo wird vorbereitet…</translation>
    </message>
    <message>
        <source>%1 was made by an earlier version of the demo; it is now %2, unchanged</source>
        <translation>%1 stammt von einer früheren Version der Demo; es liegt jetzt unverändert in %2</translation>
    </message>
    <message>
        <source>Cannot open the demo workspace %1</source>
        <translation>Der Demo-Arbeitsbereich %1 lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Cannot open the demo: %1</source>
        <translation>Die Demo lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>Cannot Open the Demo</source>
        <translation>Demo kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened the demo: press Start in Setup to fine-tune the starter model</source>
        <translation>Demo geöffnet: Start in Einrichtung trainiert das Startmodell nach</translation>
    </message>
    <message>
        <source>Open the &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <source>Show or hide the log (%1)</source>
        <translation>Protokoll zeigen oder ausblenden (%1)</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Training completed</source>
        <translation>Training abgeschlossen</translation>
    </message>
    <message>
        <source>Run %1 has finished.</source>
        <translation>Lauf %1 ist fertig.</translation>
    </message>
    <message>
        <source>Training stopped early</source>
        <translation>Training vorzeitig beendet</translation>
    </message>
    <message>
        <source>Run %1: the validation loss stopped improving.</source>
        <translation>Lauf %1: der Validierungsverlust sank nicht mehr.</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>Training angehalten</translation>
    </message>
    <message>
        <source>Run %1 was stopped after a checkpoint.</source>
        <translation>Lauf %1 wurde nach einem Checkpoint angehalten.</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <source>Evaluation finished</source>
        <translation>Evaluation fertig</translation>
    </message>
    <message>
        <source>Evaluation failed</source>
        <translation>Evaluation fehlgeschlagen</translation>
    </message>
    <message>
        <source>One model at a time: %1 was not opened.</source>
        <translation>Ein Modell nach dem anderen: %1 wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>Open or create a workspace first; the dropped files were not imported.</source>
        <translation>Zuerst einen Arbeitsbereich öffnen oder anlegen; die abgelegten Dateien wurden nicht importiert.</translation>
    </message>
    <message>
        <source>Cannot use %1: drop dataset files (%2) or a model folder (with config.json).</source>
        <translation>%1 ist nicht verwendbar: Datensatzdateien (%2) oder einen Modellordner (mit config.json) ablegen.</translation>
    </message>
</context>
<context>
    <name>ft::ui::ModeGuide</name>
    <message>
        <source>Open a workspace first</source>
        <translation>Zuerst einen Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>A run trains on a dataset of the open workspace and writes its folder under the workspace&apos;s runs/.</source>
        <translation>Ein Lauf trainiert auf einem Datensatz des geöffneten Arbeitsbereichs und legt seinen Ordner unter runs/ des Arbeitsbereichs an.</translation>
    </message>
    <message>
        <source>Open the Demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>Open Workspace…</source>
        <translation>Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>Noch kein Lauf</translation>
    </message>
    <message>
        <source>Set a run up in Setup and start it: its loss, learning rate and gradient norm appear here as it trains, with the time left and the memory in use. A stopped run resumes from its folder.</source>
        <translation>Einen Lauf unter Einrichtung festlegen und starten: Verlust, Lernrate und Gradientennorm erscheinen hier während des Trainings, mit Restzeit und belegtem Speicher. Ein angehaltener Lauf wird aus seinem Ordner fortgesetzt.</translation>
    </message>
    <message>
        <source>Go to Setup</source>
        <translation>Zur Einrichtung</translation>
    </message>
    <message>
        <source>Resume a Run…</source>
        <translation>Lauf fortsetzen…</translation>
    </message>
    <message>
        <source>Start from a Configuration File…</source>
        <translation>Aus Konfigurationsdatei starten…</translation>
    </message>
    <message>
        <source>Compare needs a model</source>
        <translation>Der Vergleich braucht ein Modell</translation>
    </message>
    <message>
        <source>Open a base model to see its replies. After a run, the tuned model&apos;s replies appear beside them, each judged against the reference, field by field.</source>
        <translation>Ein Basismodell öffnen, um seine Antworten zu sehen. Nach einem Lauf stehen die Antworten des feinabgestimmten Modells daneben, jede Feld für Feld an der Referenz gemessen.</translation>
    </message>
    <message>
        <source>Go to Model</source>
        <translation>Zum Modell</translation>
    </message>
    <message>
        <source>Nothing to evaluate yet</source>
        <translation>Noch nichts zu evaluieren</translation>
    </message>
    <message>
        <source>Evaluation scores a finished run on a held-out split (exact match, JSON fields, text overlap), with the base model beside it and confidence intervals. Train a run first.</source>
        <translation>Die Evaluation bewertet einen fertigen Lauf auf einem zurückgehaltenen Teil (exakte Übereinstimmung, JSON-Felder, Textüberlappung), mit dem Basismodell daneben und Konfidenzintervallen. Zuerst einen Lauf trainieren.</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>Noch keine Läufe</translation>
    </message>
    <message>
        <source>Every run trained in this workspace is listed here with its status and curves, to compare, resume, rename, evaluate or export.</source>
        <translation>Jeder in diesem Arbeitsbereich trainierte Lauf steht hier mit Status und Kurven, zum Vergleichen, Fortsetzen, Umbenennen, Evaluieren oder Exportieren.</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>No examples</source>
        <translation>Keine Beispiele</translation>
    </message>
    <message numerus="yes">
        <source>%n with problems</source>
        <translation>
            <numerusform>%n mit Problemen</numerusform>
            <numerusform>%n mit Problemen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n example(s)</source>
        <translation>
            <numerusform>%n Beispiel</numerusform>
            <numerusform>%n Beispiele</numerusform>
        </translation>
    </message>
    <message>
        <source>None open</source>
        <translation>Keines geöffnet</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot be used</source>
        <translation>Nicht verwendbar</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message numerus="yes">
        <source>%n to fix</source>
        <translation>
            <numerusform>%n zu beheben</numerusform>
            <numerusform>%n zu beheben</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused at %1%</source>
        <translation>Angehalten bei %1 %</translation>
    </message>
    <message>
        <source>Training %1%</source>
        <translation>Training %1 %</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>Vorzeitig beendet</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Base only</source>
        <translation>Nur Basis</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Evaluiert…</translation>
    </message>
    <message>
        <source>Exact match %1</source>
        <translation>Exakt %1</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>Kein Lauf</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message numerus="yes">
        <source>1 training, %n in all</source>
        <translation>
            <numerusform>1 trainiert, %n insgesamt</numerusform>
            <numerusform>1 trainiert, %n insgesamt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>A workspace is a folder that holds your datasets and the runs trained on them. The demo is one, ready to train: shop order messages turned into JSON.</source>
        <translation>Ein Arbeitsbereich ist ein Ordner mit Ihren Datensätzen und den darauf trainierten Läufen. Die Demo ist einer, bereit zum Training: Bestellnachrichten eines Ladens, die zu JSON werden.</translation>
    </message>
    <message>
        <source>New Workspace…</source>
        <translation>Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>No examples yet</source>
        <translation>Noch keine Beispiele</translation>
    </message>
    <message>
        <source>Import chat conversations (JSONL or JSON with messages), instruction and output or prompt and completion rows (JSONL, JSON, CSV, TSV), or drop the files anywhere on this window. Every rejected line is reported with its reason.</source>
        <translation>Chat-Gespräche (JSONL oder JSON mit messages), Zeilen mit Anweisung und Ausgabe oder Prompt und Vervollständigung (JSONL, JSON, CSV, TSV) importieren oder die Dateien irgendwo auf diesem Fenster ablegen. Jede abgelehnte Zeile wird mit ihrem Grund gemeldet.</translation>
    </message>
    <message>
        <source>Import Examples…</source>
        <translation>Beispiele importieren…</translation>
    </message>
    <message>
        <source>No model open</source>
        <translation>Kein Modell geöffnet</translation>
    </message>
    <message>
        <source>A model folder in Hugging Face layout: config.json, the weights as safetensors and the tokenizer. Models downloaded with &lt;i&gt;hf download&lt;/i&gt; or by transformers are in the Hub cache; the starter model is small enough to fine-tune on a laptop&apos;s CPU in minutes.</source>
        <translation>Ein Modellordner im Hugging-Face-Format: config.json, die Gewichte als safetensors und der Tokenizer. Mit &lt;i&gt;hf download&lt;/i&gt; oder von transformers geladene Modelle liegen im Hub-Cache; das Startmodell ist klein genug, um es in Minuten auf der CPU eines Laptops feinabzustimmen.</translation>
    </message>
    <message>
        <source>Open Model Folder…</source>
        <translation>Modellordner öffnen…</translation>
    </message>
    <message>
        <source>Open the Starter Model</source>
        <translation>Startmodell öffnen</translation>
    </message>
    <message>
        <source>Cannot open the starter model: %1</source>
        <translation>Das Startmodell lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>From the Hub Cache</source>
        <translation>Aus dem Hub-Cache</translation>
    </message>
    <message>
        <source>No models in %1</source>
        <translation>Keine Modelle in %1</translation>
    </message>
    <message>
        <source>%1 (no weights downloaded)</source>
        <translation>%1 (keine Gewichte geladen)</translation>
    </message>
    <message>
        <source>Dataset %1 is empty: import examples into it, or choose another.</source>
        <translation>Datensatz %1 ist leer: Beispiele hinein importieren oder einen anderen wählen.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message numerus="yes">
        <source>Problems in %n example(s), shown in the table and in the editor: fix or delete them; training leaves them out.</source>
        <translation>
            <numerusform>Probleme in %n Beispiel, gezeigt in der Tabelle und im Editor: beheben oder löschen; das Training lässt es aus.</numerusform>
            <numerusform>Probleme in %n Beispielen, gezeigt in der Tabelle und im Editor: beheben oder löschen; das Training lässt sie aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: Model</source>
        <translation>Weiter: Modell</translation>
    </message>
    <message>
        <source>Next: Setup</source>
        <translation>Weiter: Einrichtung</translation>
    </message>
    <message>
        <source>Model ready: %1. Next: set up the run.</source>
        <translation>Modell bereit: %1. Weiter: den Lauf einrichten.</translation>
    </message>
    <message>
        <source>Ready to start. The estimate below says how long the run takes and how much memory it needs.</source>
        <translation>Startbereit. Die Schätzung unten sagt, wie lange der Lauf dauert und wie viel Speicher er braucht.</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>Training starten</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) to fix, marked in the form and listed under it.</source>
        <translation>
            <numerusform>%n Einstellung zu beheben, im Formular markiert und darunter aufgeführt.</numerusform>
            <numerusform>%n Einstellungen zu beheben, im Formular markiert und darunter aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused at step %L1 of %L2.</source>
        <translation>Angehalten bei Schritt %L1 von %L2.</translation>
    </message>
    <message>
        <source>Training: step %L1 of %L2, about %3 left. The other views stay usable meanwhile.</source>
        <translation>Training: Schritt %L1 von %L2, noch etwa %3. Die anderen Ansichten bleiben derweil nutzbar.</translation>
    </message>
    <message>
        <source>Run %1 failed: %2</source>
        <translation>Lauf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Show the Log</source>
        <translation>Protokoll zeigen</translation>
    </message>
    <message>
        <source>Run %1 stopped after a checkpoint. Resume it from Runs when you like.</source>
        <translation>Lauf %1 wurde nach einem Checkpoint angehalten. Unter Läufe lässt er sich jederzeit fortsetzen.</translation>
    </message>
    <message>
        <source>Next: Runs</source>
        <translation>Weiter: Läufe</translation>
    </message>
    <message>
        <source>Run %1 finished. Next: compare the base and tuned replies.</source>
        <translation>Lauf %1 ist fertig. Weiter: Antworten von Basis- und feinabgestimmtem Modell vergleichen.</translation>
    </message>
    <message>
        <source>Next: Compare</source>
        <translation>Weiter: Vergleich</translation>
    </message>
    <message>
        <source>Step through the validation examples with the arrows. Next: score the run on held-out data.</source>
        <translation>Mit den Pfeilen durch die Validierungsbeispiele gehen. Weiter: den Lauf auf zurückgehaltenen Daten bewerten.</translation>
    </message>
    <message>
        <source>Next: Evaluation</source>
        <translation>Weiter: Evaluation</translation>
    </message>
    <message>
        <source>No tuned run yet: only the base model replies until a run has finished.</source>
        <translation>Noch kein feinabgestimmter Lauf: bis ein Lauf fertig ist, antwortet nur das Basismodell.</translation>
    </message>
    <message>
        <source>Evaluating: %L1 of %L2.</source>
        <translation>Evaluiert: %L1 von %L2.</translation>
    </message>
    <message>
        <source>Evaluating: loading the models…</source>
        <translation>Evaluiert: Modelle werden geladen…</translation>
    </message>
    <message>
        <source>Next: export the run for transformers, llama.cpp or Ollama (Runs, Export).</source>
        <translation>Weiter: den Lauf für transformers, llama.cpp oder Ollama exportieren (Läufe, Export).</translation>
    </message>
    <message>
        <source>Select several runs to lay their loss curves over each other; a double-click opens one in Training.</source>
        <translation>Mehrere Läufe auswählen, um ihre Verlustkurven übereinanderzulegen; ein Doppelklick öffnet einen im Training.</translation>
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
        <translation>%1 % · %2 · %3</translation>
    </message>
    <message>
        <source>Needs a workspace</source>
        <translation>Braucht einen Arbeitsbereich</translation>
    </message>
    <message>
        <source>Viewing a run</source>
        <translation>Lauf angezeigt</translation>
    </message>
    <message>
        <source>No example is in the train split: assign splits (Splits…) before training.</source>
        <translation>Kein Beispiel im Trainingsteil: vor dem Training Teile zuweisen (Teile zuweisen…).</translation>
    </message>
    <message>
        <source>Dataset ready: %L1 examples, not split yet (a run trains on all of them; Splits… holds some out for validation and test).</source>
        <translation>Datensatz bereit: %L1 Beispiele, noch nicht aufgeteilt (ein Lauf trainiert auf allen; Teile zuweisen… hält einige für Validierung und Test zurück).</translation>
    </message>
    <message>
        <source>Dataset ready: %L1 training, %L2 validation, %L3 test examples.</source>
        <translation>Datensatz bereit: %L1 Trainings-, %L2 Validierungs-, %L3 Testbeispiele.</translation>
    </message>
    <message>
        <source>Next: choose the model.</source>
        <translation>Weiter: das Modell wählen.</translation>
    </message>
    <message>
        <source>Next: set up the run.</source>
        <translation>Weiter: den Lauf einrichten.</translation>
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
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
</context>
<context>
    <name>ft::ui::ReplyPane</name>
    <message>
        <source>Generating…</source>
        <translation>Generiere…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <source>Generating with %1…</source>
        <translation>Generiere mit %1…</translation>
    </message>
    <message>
        <source>Compare (%1): %2</source>
        <translation>Vergleich (%1): %2</translation>
    </message>
    <message>
        <source>%1 tokens, %2 tokens/s, %3 (prompt %4 tokens)</source>
        <translation>%1 Tokens, %2 Tokens/s, %3 (Prompt %4 Tokens)</translation>
    </message>
    <message>
        <source>matches the reference</source>
        <translation>stimmt mit der Referenz überein</translation>
    </message>
    <message>
        <source>differs from the reference</source>
        <translation>weicht von der Referenz ab</translation>
    </message>
    <message>
        <source>%1 (missing; expected %2)</source>
        <translation>%1 (fehlt; erwartet %2)</translation>
    </message>
    <message>
        <source>%1: %2 (expected %3)</source>
        <translation>%1: %2 (erwartet %3)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 of %2 fields right&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 von %2 Feldern richtig&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ft::ui::RunForm</name>
    <message>
        <source>a Hugging Face model folder</source>
        <translation>ein Hugging-Face-Modellordner</translation>
    </message>
    <message>
        <source>chosen when the model is: &lt;workspace&gt;/runs/&lt;model&gt;-&lt;date&gt;</source>
        <translation>wird mit dem Modell gewählt: &lt;Arbeitsbereich&gt;/runs/&lt;Modell&gt;-&lt;Datum&gt;</translation>
    </message>
    <message>
        <source>Base Model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Base Model Folder</source>
        <translation>Ordner des Basismodells</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder (Llama, Mistral, Qwen2 families).</source>
        <translation>Einen Hugging-Face-Modellordner wählen (Llama-, Mistral-, Qwen2-Familien).</translation>
    </message>
    <message>
        <source>the model&apos;s own</source>
        <translation>die des Modells</translation>
    </message>
    <message>
        <source>Override the chat template (a family name or a .jinja file). The export writes the one used.</source>
        <translation>Chat-Vorlage ersetzen (ein Familienname oder eine .jinja-Datei). Der Export schreibt die verwendete.</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>Chat-Vorlage</translation>
    </message>
    <message>
        <source>none: fresh adapters</source>
        <translation>keiner: neue Adapter</translation>
    </message>
    <message>
        <source>Continue from adapter</source>
        <translation>Von Adapter fortsetzen</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder</source>
        <translation>PEFT-Adapter-Ordner</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Workspace dataset</source>
        <translation>Datensatz des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Examples File</source>
        <translation>Beispieldatei</translation>
    </message>
    <message>
        <source>Train file</source>
        <translation>Trainingsdatei</translation>
    </message>
    <message>
        <source>Validation file</source>
        <translation>Validierungsdatei</translation>
    </message>
    <message>
        <source>assistant: loss on replies only; all: on every token; text: raw documents (continued pre-training)</source>
        <translation>assistant: Verlust nur auf Antworten; all: auf jedem Token; text: Rohdokumente (fortgesetztes Vortraining)</translation>
    </message>
    <message>
        <source>Loss on</source>
        <translation>Verlust auf</translation>
    </message>
    <message>
        <source>Longer examples are truncated (see the Dataset view&apos;s histogram)</source>
        <translation>Längere Beispiele werden gekürzt (siehe Histogramm der Datensatz-Ansicht)</translation>
    </message>
    <message>
        <source>Max length (tokens)</source>
        <translation>Max. Länge (Tokens)</translation>
    </message>
    <message>
        <source>Pack short examples into one row (they never attend to each other)</source>
        <translation>Kurze Beispiele in eine Zeile packen (sie sehen einander nie)</translation>
    </message>
    <message>
        <source>LoRA Adapters</source>
        <translation>LoRA-Adapter</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Adapter rank</source>
        <translation>Rang des Adapters</translation>
    </message>
    <message>
        <source>Rank (r)</source>
        <translation>Rang (r)</translation>
    </message>
    <message>
        <source>Scaling is alpha / r (alpha / sqrt(r) with rsLoRA)</source>
        <translation>Skalierung ist alpha / r (alpha / sqrt(r) mit rsLoRA)</translation>
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
        <translation>rsLoRA-Skalierung</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <source>Peak learning rate, e.g. 2e-4</source>
        <translation>Spitzenlernrate, z. B. 2e-4</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>Aufwärmschritte</translation>
    </message>
    <message>
        <source>Decay down to this fraction of the peak</source>
        <translation>Bis auf diesen Anteil des Spitzenwerts abklingen</translation>
    </message>
    <message>
        <source>Final lr ratio</source>
        <translation>Endanteil der Lernrate</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>0: run the epochs; otherwise stop after this many optimiser steps</source>
        <translation>0: die Epochen durchlaufen; sonst nach so vielen Optimiererschritten anhalten</translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation>Max. Schritte</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Micro-batches per optimiser step</source>
        <translation>Mikro-Batches pro Optimiererschritt</translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation>Gradientenakkumulation</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <source>0 turns clipping off</source>
        <translation>0 schaltet das Begrenzen ab</translation>
    </message>
    <message>
        <source>Max gradient norm</source>
        <translation>Maximale Gradientennorm</translation>
    </message>
    <message>
        <source>LoRA+: the B matrices learn this many times faster than A (1: off)</source>
        <translation>LoRA+: Die B-Matrizen lernen so viel schneller als A (1: aus)</translation>
    </message>
    <message>
        <source>LoRA+ lr ratio</source>
        <translation>LoRA+-Lernratenfaktor</translation>
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
        <translation>Gradient-Checkpointing (weniger Speicher, ~25 % langsamer)</translation>
    </message>
    <message>
        <source>Evaluation and Checkpoints</source>
        <translation>Evaluation und Checkpoints</translation>
    </message>
    <message>
        <source>0: evaluate at the end only</source>
        <translation>0: nur am Ende evaluieren</translation>
    </message>
    <message>
        <source>Evaluate every (steps)</source>
        <translation>Evaluieren alle (Schritte)</translation>
    </message>
    <message>
        <source>0: the whole validation split</source>
        <translation>0: der ganze Validierungsteil</translation>
    </message>
    <message>
        <source>Validation examples</source>
        <translation>Validierungsbeispiele</translation>
    </message>
    <message>
        <source>0: the training batch size</source>
        <translation>0: die Trainings-Batchgröße</translation>
    </message>
    <message>
        <source>Evaluation batch size</source>
        <translation>Batchgröße der Evaluation</translation>
    </message>
    <message>
        <source>Stop after this many evaluations without a better validation loss (0: never)</source>
        <translation>Nach so vielen Evaluationen ohne besseren Validierungsverlust anhalten (0: nie)</translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation>Geduld für frühes Anhalten</translation>
    </message>
    <message>
        <source>0: checkpoint at the end (and on stop) only</source>
        <translation>0: Checkpoint nur am Ende (und beim Anhalten)</translation>
    </message>
    <message>
        <source>Checkpoint every (steps)</source>
        <translation>Checkpoint alle (Schritte)</translation>
    </message>
    <message>
        <source>0: keep all</source>
        <translation>0: alle behalten</translation>
    </message>
    <message>
        <source>Checkpoints kept</source>
        <translation>Behaltene Checkpoints</translation>
    </message>
    <message>
        <source>Log every (steps)</source>
        <translation>Protokollieren alle (Schritte)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Hardware and Output</source>
        <translation>Hardware und Ausgabe</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Base weights: auto is bf16 on CUDA and fp32 on the CPU; adapters are always fp32</source>
        <translation>Basisgewichte: auto ist bf16 mit CUDA und fp32 auf der CPU; Adapter sind immer fp32</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Lauf-Ordner</translation>
    </message>
    <message>
        <source>Run Folder</source>
        <translation>Lauf-Ordner</translation>
    </message>
    <message>
        <source>%1 (%2 train, %3 validation)</source>
        <translation>%1 (%2 Training, %3 Validierung)</translation>
    </message>
    <message>
        <source>Datasets (%1);;All files (*)</source>
        <translation>Datensätze (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>LoRA: adapters on the frozen model</source>
        <translation>LoRA: Adapter auf dem eingefrorenen Modell</translation>
    </message>
    <message>
        <source>QLoRA: adapters on the model in 4 bits (NF4), the least memory</source>
        <translation>QLoRA: Adapter auf dem Modell in 4 Bit (NF4), am wenigsten Speicher</translation>
    </message>
    <message>
        <source>DoRA: LoRA with a trained magnitude per output</source>
        <translation>DoRA: LoRA mit einer trainierten Größe je Ausgabe</translation>
    </message>
    <message>
        <source>Full fine-tuning: the model&apos;s own weights</source>
        <translation>Volles Feintuning: die eigenen Gewichte des Modells</translation>
    </message>
    <message>
        <source>LoRA, QLoRA and DoRA make an adapter (PEFT layout) for the unquantized base; full fine-tuning makes a whole model. The memory estimate below follows the choice.</source>
        <translation>LoRA, QLoRA und DoRA erzeugen einen Adapter (PEFT-Format) für das nicht quantisierte Basismodell; volles Feintuning erzeugt ein ganzes Modell. Die Speicherschätzung unten folgt der Wahl.</translation>
    </message>
    <message>
        <source>Quantize every projection, not only the adapted ones</source>
        <translation>Alle Projektionen quantisieren, nicht nur die mit Adapter</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Layer numbers from 0, e.g. 20-23 to train the last four of 24; the others stay frozen</source>
        <translation>Schichtnummern ab 0, z. B. 20-23, um die letzten vier von 24 zu trainieren; die übrigen bleiben eingefroren</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Also train the embeddings, the final norm and the LM head</source>
        <translation>Auch Einbettungen, letzte Norm und LM-Kopf trainieren</translation>
    </message>
</context>
<context>
    <name>ft::ui::RunsView</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Best val. loss</source>
        <translation>Bester Val.-Verlust</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>PEFT Adapter…</source>
        <translation>PEFT-Adapter…</translation>
    </message>
    <message>
        <source>Merged Hugging Face Model…</source>
        <translation>Zusammengeführtes Hugging-Face-Modell…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>%1 (step %2)</source>
        <translation>%1 (Schritt %2)</translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation>%1 Training</translation>
    </message>
    <message>
        <source>%1 validation</source>
        <translation>%1 Validierung</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 on %3, %4 train examples; folder %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 auf %3, %4 Trainingsbeispiele; Ordner %5</translation>
    </message>
    <message numerus="yes">
        <source>%n runs overlaid.</source>
        <translation>
            <numerusform>%n Lauf überlagert.</numerusform>
            <numerusform>%n Läufe überlagert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The run is training; rename it when it has stopped.</source>
        <translation>Der Lauf trainiert; nach dem Anhalten umbenennen.</translation>
    </message>
    <message>
        <source>The run is training; stop it first.</source>
        <translation>Der Lauf trainiert; zuerst anhalten.</translation>
    </message>
    <message>
        <source>%1 is not a run folder; nothing was deleted.</source>
        <translation>%1 ist kein Lauf-Ordner; nichts wurde gelöscht.</translation>
    </message>
    <message>
        <source>Cannot delete %1</source>
        <translation>%1 kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation>Lauf umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Cannot Rename</source>
        <translation>Umbenennen nicht möglich</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their adapters, checkpoints and logs?
%1</source>
        <translation>
            <numerusform>%n Lauf mit Adapter, Checkpoints und Protokollen löschen?
%1</numerusform>
            <numerusform>%n Läufe mit Adaptern, Checkpoints und Protokollen löschen?
%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>Löschen nicht möglich</translation>
    </message>
    <message>
        <source>Deleted run %1</source>
        <translation>Lauf %1 gelöscht</translation>
    </message>
    <message>
        <source>Folder for the Merged Model (empty)</source>
        <translation>Ordner für das zusammengeführte Modell (leer)</translation>
    </message>
    <message>
        <source>Folder for the Adapter (empty)</source>
        <translation>Ordner für den Adapter (leer)</translation>
    </message>
    <message>
        <source>Exporting %1 of %2 to %3…</source>
        <translation>Exportiere %1 von %2 nach %3…</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <source>GGUF for llama.cpp / Ollama</source>
        <translation>GGUF für llama.cpp / Ollama</translation>
    </message>
    <message>
        <source>Q8_0: half the size of F16, near-lossless…</source>
        <translation>Q8_0: halb so groß wie F16, fast verlustfrei…</translation>
    </message>
    <message>
        <source>F16: full quality…</source>
        <translation>F16: volle Qualität…</translation>
    </message>
    <message>
        <source>BF16: full quality, the range of F32…</source>
        <translation>BF16: volle Qualität, Wertebereich von F32…</translation>
    </message>
    <message>
        <source>F32: exact, twice the size of F16…</source>
        <translation>F32: exakt, doppelt so groß wie F16…</translation>
    </message>
    <message>
        <source>Save the Model as GGUF</source>
        <translation>Modell als GGUF speichern</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>The Adapter Alone (llama.cpp --lora, Ollama ADAPTER)…</source>
        <translation>Nur der Adapter (llama.cpp --lora, Ollama ADAPTER)…</translation>
    </message>
    <message>
        <source>Save the Adapter as GGUF</source>
        <translation>Adapter als GGUF speichern</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Voll</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
</context>
<context>
    <name>ft::ui::SetupView</name>
    <message>
        <source>Presets</source>
        <translation>Voreinstellungen</translation>
    </message>
    <message>
        <source>Quick Test</source>
        <translation>Schnelltest</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Ausgewogen</translation>
    </message>
    <message>
        <source>Thorough</source>
        <translation>Gründlich</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Start a run with these settings (%1)</source>
        <translation>Einen Lauf mit diesen Einstellungen starten (%1)</translation>
    </message>
    <message>
        <source>Ready to start.</source>
        <translation>Bereit zum Start.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>%1, %2 M parameters, %3 layers, hidden %4, %5/%6 heads; stored as %7.&lt;br&gt;Tokenizer: %8. Chat template: %9.</source>
        <translation>%1, %2 Mio. Parameter, %3 Schichten, versteckt %4, %5/%6 Köpfe; gespeichert als %7.&lt;br&gt;Tokenizer: %8. Chat-Vorlage: %9.</translation>
    </message>
    <message>
        <source>Load Run Configuration</source>
        <translation>Laufkonfiguration laden</translation>
    </message>
    <message>
        <source>Run configuration (*.json)</source>
        <translation>Laufkonfiguration (*.json)</translation>
    </message>
    <message>
        <source>Cannot Load</source>
        <translation>Laden nicht möglich</translation>
    </message>
    <message>
        <source>Save Run Configuration</source>
        <translation>Laufkonfiguration speichern</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Saved the run configuration to %1 (finetune train %1 runs it headless)</source>
        <translation>Laufkonfiguration nach %1 gespeichert (finetune train %1 führt sie ohne Oberfläche aus)</translation>
    </message>
    <message numerus="yes">
        <source>%n settings to fix:</source>
        <translation>
            <numerusform>%n Einstellung zu korrigieren:</numerusform>
            <numerusform>%n Einstellungen zu korrigieren:</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>Nicht verwendbar: %1</translation>
    </message>
</context>
<context>
    <name>ft::ui::TokenLengthsPanel</name>
    <message>
        <source>tokens per example</source>
        <translation>Tokens pro Beispiel</translation>
    </message>
    <message>
        <source>The run&apos;s max_seq_len: longer examples are truncated in training</source>
        <translation>max_seq_len des Laufs: längere Beispiele werden im Training gekürzt</translation>
    </message>
    <message>
        <source>Open a model to count tokens with its tokenizer and chat template.</source>
        <translation>Ein Modell öffnen, um Tokens mit seinem Tokenizer und seiner Chat-Vorlage zu zählen.</translation>
    </message>
    <message>
        <source>Count Tokens</source>
        <translation>Tokens zählen</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>Max. Länge</translation>
    </message>
    <message>
        <source>Tokens of %1 (its tokenizer and chat template)</source>
        <translation>Tokens von %1 (sein Tokenizer und seine Chat-Vorlage)</translation>
    </message>
    <message>
        <source>Cannot count tokens</source>
        <translation>Tokens können nicht gezählt werden</translation>
    </message>
    <message>
        <source>Open a model first (Model view).</source>
        <translation>Zuerst ein Modell öffnen (Modell-Ansicht).</translation>
    </message>
</context>
<context>
    <name>ft::ui::TrainingJob</name>
    <message>
        <source>A training run is already in progress.</source>
        <translation>Ein Trainingslauf ist bereits im Gange.</translation>
    </message>
</context>
<context>
    <name>ft::ui::TrainingView</name>
    <message>
        <source>Start from Config…</source>
        <translation>Aus Konfiguration starten…</translation>
    </message>
    <message>
        <source>Resume Run…</source>
        <translation>Lauf fortsetzen…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Finish the current step, save a checkpoint and the adapter</source>
        <translation>Aktuellen Schritt beenden, Checkpoint und Adapter speichern</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>Kein Lauf</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Run Configuration</source>
        <translation>Laufkonfiguration</translation>
    </message>
    <message>
        <source>Run configuration (*.json)</source>
        <translation>Laufkonfiguration (*.json)</translation>
    </message>
    <message>
        <source>Run Folder to Resume</source>
        <translation>Fortzusetzender Lauf-Ordner</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Vorbereitung…</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot start training: %1</source>
        <translation>Training kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Cannot Start Training</source>
        <translation>Training kann nicht starten</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Setze fort…</translation>
    </message>
    <message>
        <source>Not resumed</source>
        <translation>Nicht fortgesetzt</translation>
    </message>
    <message>
        <source>Cannot resume: %1</source>
        <translation>Fortsetzen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot Resume</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
    <message>
        <source>Pausing after this step…</source>
        <translation>Pause nach diesem Schritt…</translation>
    </message>
    <message>
        <source>Stopping: finishing the step and saving a checkpoint…</source>
        <translation>Halte an: beende den Schritt und speichere einen Checkpoint…</translation>
    </message>
    <message>
        <source>Training on %1 (%2)</source>
        <translation>Training auf %1 (%2)</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>step %1 / %2   loss %3 (smoothed %4)   lr %5   grad norm %6   %7 tokens/s   %8 examples/s   memory %9   ETA %10</source>
        <translation>Schritt %1 / %2   Verlust %3 (geglättet %4)   LR %5   Gradientennorm %6   %7 Tokens/s   %8 Beispiele/s   Speicher %9   Rest %10</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation at step %1: loss %2, perplexity %3</source>
        <translation>Validierung bei Schritt %1: Verlust %2, Perplexität %3</translation>
    </message>
    <message>
        <source>step %1   %2</source>
        <translation>Schritt %1   %2</translation>
    </message>
    <message>
        <source>Paused at step %1</source>
        <translation>Angehalten bei Schritt %1</translation>
    </message>
    <message>
        <source>FAILED at step %1: %2</source>
        <translation>FEHLGESCHLAGEN bei Schritt %1: %2</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Stopped; resume it from its folder</source>
        <translation>Angehalten; aus seinem Ordner fortsetzen</translation>
    </message>
    <message>
        <source>Stopped early: the validation loss stopped improving</source>
        <translation>Früh angehalten: der Validierungsverlust verbesserte sich nicht mehr</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Training %1: %2</source>
        <translation>Training %1: %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Logarithmisch</translation>
    </message>
    <message>
        <source>Draw the loss on a logarithmic axis, where its late, small changes stay visible</source>
        <translation>Den Verlust auf einer logarithmischen Achse zeichnen, auf der seine späten, kleinen Änderungen sichtbar bleiben</translation>
    </message>
</context>
<context>
    <name>ft::ui::Workspace</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich ist geöffnet.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>%1 &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>%1 &amp;wiederholen</translation>
    </message>
</context>
<context>
    <name>ft::widgets::HistogramChart</name>
    <message>
        <source>examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>No values</source>
        <translation>Keine Werte</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s), median %1, max %2</source>
        <translation>
            <numerusform>%n Wert, Median %1, Maximum %2</numerusform>
            <numerusform>%n Werte, Median %1, Maximum %2</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 over the limit of %2 (%3%)</source>
        <translation>; %1 über der Grenze von %2 (%3 %)</translation>
    </message>
</context>
<context>
    <name>ft::widgets::MessageEditor</name>
    <message>
        <source>Add Turn</source>
        <translation>Wechsel hinzufügen</translation>
    </message>
    <message>
        <source>Remove this turn</source>
        <translation>Diesen Wechsel entfernen</translation>
    </message>
</context>
<context>
    <name>ft::widgets::MetricChart</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source> (smoothed)</source>
        <translation> (geglättet)</translation>
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
        <translation>Diesen Arbeitsbereich-Ordner öffnen (bei Bedarf angelegt).</translation>
    </message>
    <message>
        <source>Save a screenshot of every view to this folder and quit.</source>
        <translation>Von jeder Ansicht ein Bildschirmfoto in diesem Ordner speichern und beenden.</translation>
    </message>
    <message>
        <source>The run folder the screenshot tour shows.</source>
        <translation>Der Lauf-Ordner, den die Bildschirmfoto-Tour zeigt.</translation>
    </message>
    <message>
        <source>Load this run configuration (JSON) into the Setup view.</source>
        <translation>Diese Laufkonfiguration (JSON) in die Einrichtungsansicht laden.</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation>%1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Open the demo (made the first time): the order-messages dataset, the starter model and a run configuration ready to train.</source>
        <translation>Die Demo öffnen (beim ersten Mal angelegt): der Datensatz der Bestellnachrichten, das Startmodell und eine Laufkonfiguration, bereit zum Training.</translation>
    </message>
    <message>
        <source>CPU threads: %1</source>
        <translation>CPU-Threads: %1</translation>
    </message>
</context>
</TS>
