// The Dataset view's panels, each alone (without the view around them): the example editor saves
// turns, split, tags and note as one undoable step and keeps an edit while the store changes under
// it; bulk edits act on whatever selection they are given; the import panel reports every rejected
// line and the progress it made.
#include "bulk_edits.h"
#include "data/dataset_store.h"
#include "example_editor_panel.h"
#include "import_panel.h"
#include "io/atomic_file.h"
#include "message_editor.h"
#include "tiny_model.h"
#include "workspace.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

using namespace ft;

class TestDatasetPanels final : public QObject {
    Q_OBJECT

    std::string m_dir;
    int m_workspaces = 0;

    // A workspace with one dataset of `n` two-turn examples; returns the dataset id.
    int64_t openWorkspace(ui::Workspace& ws, int n) {
        QString error;
        const bool opened = ws.open(QString::fromStdString(m_dir + "/ws" + std::to_string(m_workspaces++)), &error);
        if (!opened) qFatal("%s", qPrintable(error));
        const int64_t id = ws.store()->ensureDataset("d");
        std::vector<Example> rows;
        for (int i = 0; i < n; ++i) {
            Example e;
            e.messages = {{"user", "q" + std::to_string(i)}, {"assistant", "a" + std::to_string(i)}};
            rows.push_back(e);
        }
        ws.store()->addBatch(id, rows, "fill");
        ws.notifyExternalChange();
        return id;
    }

    static std::vector<int64_t> ids(ui::Workspace& ws, int64_t dataset) {
        std::vector<int64_t> out;
        ws.store()->forEach(dataset, [&](const Example& e) { out.push_back(e.id); });
        return out;
    }

private Q_SLOTS:
    void initTestCase() { m_dir = test::makeTempDir("uipanels"); }

    void editorSavesOneUndoableStep() {
        ui::Workspace ws;
        const int64_t dataset = openWorkspace(ws, 2);
        const int64_t id = ids(ws, dataset).front();
        ui::ExampleEditorPanel panel(&ws);
        panel.load(id);
        QCOMPARE(panel.currentId(), id);
        panel.editor()->setTurnText(1, QStringLiteral("a0, edited"));
        auto* tags = panel.findChild<QLineEdit*>(QStringLiteral("tags"));
        tags->setText(QStringLiteral("checked, math"));
        Q_EMIT tags->textEdited(tags->text());
        // The store changes meanwhile (another example): the edit in progress stays.
        ws.edit([&](DatasetStore& s) { s.setNote(ids(ws, dataset).back(), "elsewhere"); });
        panel.reloadIfUnchanged();
        QCOMPARE(panel.editor()->turns().at(1).content, QStringLiteral("a0, edited"));
        QVERIFY(panel.save());
        Example e = ws.store()->get(id);
        QCOMPARE(e.messages.at(1).content, std::string("a0, edited"));
        QCOMPARE(e.tags.size(), size_t(2));
        QVERIFY(ws.undo()); // text and tags in one step
        e = ws.store()->get(id);
        QCOMPARE(e.messages.at(1).content, std::string("a0"));
        QVERIFY(e.tags.empty());
        panel.load(0);
        QCOMPARE(panel.currentId(), int64_t(0));
        QVERIFY(!panel.editor()->isEnabled());
    }

    void bulkEditsActOnTheGivenSelection() {
        ui::Workspace ws;
        const int64_t dataset = openWorkspace(ws, 5);
        std::vector<int64_t> selection = ids(ws, dataset);
        selection.resize(3);
        int saves = 0;
        ui::BulkEdits bulk(&ws, {[&] { return dataset; }, [&] { return selection; }, [&] { return ++saves, true; }}, nullptr);
        bulk.setSplitOfSelected(int(Split::Validation));
        ExampleFilter validation;
        validation.split = Split::Validation;
        QCOMPARE(ws.store()->count(dataset, validation), int64_t(3));
        QSignalSpy shown(&bulk, &ui::BulkEdits::exampleToShow);
        bulk.duplicateSelected();
        QCOMPARE(ids(ws, dataset).size(), size_t(8));
        QCOMPARE(shown.count(), 1);
        bulk.deleteSelected();
        QCOMPARE(ids(ws, dataset).size(), size_t(5));
        QVERIFY(ws.undo());
        QCOMPARE(ids(ws, dataset).size(), size_t(8));
        QCOMPARE(saves, 3); // the pending edit is saved before each
        // A refused save stops the edit.
        ui::BulkEdits refusing(&ws, {[&] { return dataset; }, [&] { return selection; }, [] { return false; }}, nullptr);
        refusing.deleteSelected();
        QCOMPARE(ids(ws, dataset).size(), size_t(8));
    }

    void importPanelReportsEveryRejectedLine() {
        ui::Workspace ws;
        openWorkspace(ws, 0);
        const std::string path = m_dir + "/mixed.jsonl";
        writeFileAtomic(
            path,
            "{\"prompt\": \"one\", \"completion\": \"1\"}\nnot json\n{\"prompt\": \"two\", \"completion\": \"2\"}\n{\"prompt\": 3}\n");
        ui::ImportPanel panel(&ws);
        QSignalSpy done(&panel, &ui::ImportPanel::finished);
        QSignalSpy progress(&panel, &ui::ImportPanel::progress);
        panel.start(QStringLiteral("d"), {QString::fromStdString(path)});
        QVERIFY(done.wait(20000));
        QCOMPARE(done.at(0).at(0).toInt(), 2);
        QCOMPARE(done.at(0).at(1).toInt(), 2);
        QVERIFY2(panel.reportText().contains(QStringLiteral("line 2:")), qPrintable(panel.reportText()));
        QVERIFY2(panel.reportText().contains(QStringLiteral("line 4:")), qPrintable(panel.reportText()));
        QVERIFY(progress.count() >= 1);
        // A file that is not there: the error, not a silent nothing.
        panel.start(QStringLiteral("d"), {QString::fromStdString(m_dir + "/missing.jsonl")});
        QVERIFY(done.wait(20000));
        QVERIFY2(panel.reportText().contains(QStringLiteral("Error:")) && panel.reportText().contains(QStringLiteral("missing.jsonl")),
                 qPrintable(panel.reportText()));
    }
};

QTEST_MAIN(TestDatasetPanels)
#include "test_dataset_panels.moc"
