// The Dataset view, driven offscreen over a real workspace: an import with one bad line shows the
// line and its reason; an edit in the message editor is saved, undone and redone; filters and search
// narrow the lazy table; bulk split and delete are single undoable steps; token counts with a real
// tokenizer fill the Tokens column and the histogram; duplicates are found and removed.
#include "data/dataset_store.h"
#include "dataset_table_model.h"
#include "bulk_edits.h"
#include "dataset_view.h"
#include "histogram_chart.h"
#include "io/atomic_file.h"
#include "message_editor.h"
#include "tiny_model.h"
#include "workspace.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace ft;
using json = nlohmann::json;

class TestDatasetView final : public QObject {
    Q_OBJECT

private:
    std::string m_dir;

    QString writeJsonl(const std::string& name, int n, bool withBadLine) {
        std::string text;
        for (int i = 0; i < n; ++i) {
            if (withBadLine && i == 2) text += "{\"prompt\": \"broken\",\n"; // line 3: not JSON
            text += json{{"prompt", "What is " + std::to_string(i) + " plus one?"}, {"completion", std::to_string(i + 1)}}.dump() + "\n";
        }
        const std::string path = m_dir + "/" + name;
        writeFileAtomic(path, text);
        return QString::fromStdString(path);
    }

    static void importAndWait(ui::DatasetView& view, const QStringList& paths) {
        QSignalSpy done(&view, &ui::DatasetView::importFinished);
        view.importFiles(paths);
        QVERIFY(done.wait(20000));
    }

private Q_SLOTS:
    void initTestCase() {
        m_dir = test::makeTempDir("uidataset");
        test::writeTinyChatModel(m_dir + "/model", 5);
    }

    void importShowsTheBadLine() {
        ui::Workspace ws;
        QString error;
        QVERIFY2(ws.open(QString::fromStdString(m_dir + "/ws-import"), &error), qPrintable(error));
        ui::DatasetView view(&ws);
        view.show();
        QSignalSpy done(&view, &ui::DatasetView::importFinished);
        view.importFiles({writeJsonl("bad.jsonl", 6, true)});
        QVERIFY(done.wait(20000));
        QCOMPARE(done.at(0).at(0).toInt(), 6);
        QCOMPARE(done.at(0).at(1).toInt(), 1);
        const QString report = view.importReportText();
        QVERIFY2(report.contains(QStringLiteral("line 3:")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("format prompt_completion")), qPrintable(report));
        QCOMPARE(view.currentDataset(), QStringLiteral("bad")); // a dataset named after the file
        QCOMPARE(view.tableModel()->rowCount(), 6);
        QCOMPARE(view.tableModel()->index(0, ui::DatasetTableModel::Prompt).data().toString(), QStringLiteral("What is 0 plus one?"));
        QCOMPARE(view.tableModel()->index(0, ui::DatasetTableModel::Reply).data().toString(), QStringLiteral("1"));
        QCOMPARE(view.tableModel()->index(0, ui::DatasetTableModel::Status).data().toString(), QStringLiteral("ok"));
    }

    void editUndoRedo() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws-edit"), &error));
        ui::DatasetView view(&ws);
        view.show();
        importAndWait(view, {writeJsonl("edit.jsonl", 4, false)});
        view.selectRow(1);
        const int64_t id = view.currentExampleId();
        QVERIFY(id > 0);
        QCOMPARE(view.editor()->turnCount(), 2);
        view.editor()->setTurnText(1, QStringLiteral("two, edited"));
        QVERIFY(view.editor()->isModified());
        view.selectRow(2); // moving on saves the edit
        QVERIFY(!view.editor()->isModified());
        QCOMPARE(QString::fromStdString(ws.store()->get(id).messages[1].content), QStringLiteral("two, edited"));
        QCOMPARE(view.tableModel()->index(1, ui::DatasetTableModel::Reply).data().toString(), QStringLiteral("two, edited"));
        QVERIFY(ws.undoAction()->isEnabled());
        QVERIFY2(ws.undoAction()->text().contains(QStringLiteral("edit")), qPrintable(ws.undoAction()->text()));

        ws.undoAction()->trigger();
        QCOMPARE(QString::fromStdString(ws.store()->get(id).messages[1].content), QStringLiteral("2"));
        QCOMPARE(view.tableModel()->index(1, ui::DatasetTableModel::Reply).data().toString(), QStringLiteral("2"));
        ws.redoAction()->trigger();
        QCOMPARE(view.tableModel()->index(1, ui::DatasetTableModel::Reply).data().toString(), QStringLiteral("two, edited"));

        // An edit that breaks the conversation is kept, with its problem shown.
        view.selectRow(0);
        const int64_t first = view.currentExampleId();
        view.editor()->removeTurn(1);
        QVERIFY(view.saveCurrentEdit());
        QVERIFY(!ws.store()->get(first).problems.empty());
        QVERIFY(view.tableModel()->index(0, ui::DatasetTableModel::Status).data().toString() != QStringLiteral("ok"));
        QVERIFY(view.editor()->findChild<QLabel*>(QStringLiteral("problems"))->isVisibleTo(view.editor()));
        // Adding a turn back fixes it.
        view.editor()->addTurn();
        QCOMPARE(view.editor()->turns().back().role, QStringLiteral("assistant"));
        view.editor()->setTurnText(1, QStringLiteral("1"));
        QVERIFY(view.saveCurrentEdit());
        QCOMPARE(view.tableModel()->index(0, ui::DatasetTableModel::Status).data().toString(), QStringLiteral("ok"));
    }

    void bulkOperationsAndFilters() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws-bulk"), &error));
        ui::DatasetView view(&ws);
        view.show();
        importAndWait(view, {writeJsonl("bulk.jsonl", 10, false)});
        // Rows 0..2 to validation in one step.
        view.table()->selectionModel()->select(QItemSelection(view.tableModel()->index(0, 0), view.tableModel()->index(2, 0)),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view.bulkEdits()->setSplitOfSelected(int(Split::Validation));
        auto* splitFilter = view.findChildren<QComboBox*>().at(1);
        splitFilter->setCurrentIndex(splitFilter->findData(QStringLiteral("validation")));
        QCOMPARE(view.tableModel()->rowCount(), 3);
        splitFilter->setCurrentIndex(0);
        QCOMPARE(view.tableModel()->rowCount(), 10);

        // Full-text search, applied after the typing pause.
        auto* search = view.findChild<QLineEdit*>();
        search->setText(QStringLiteral("7 plus")); // every word must appear: "6 plus one? 7" and "7 plus one? 8"
        QTRY_COMPARE(view.tableModel()->rowCount(), 2);
        search->setText(QStringLiteral("10"));
        QTRY_COMPARE(view.tableModel()->rowCount(), 1);
        QCOMPARE(view.tableModel()->index(0, ui::DatasetTableModel::Prompt).data().toString(), QStringLiteral("What is 9 plus one?"));
        search->clear();
        QTRY_COMPARE(view.tableModel()->rowCount(), 10);

        // Delete two, undo brings both back in one step.
        view.table()->selectionModel()->select(QItemSelection(view.tableModel()->index(4, 0), view.tableModel()->index(5, 0)),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view.bulkEdits()->deleteSelected();
        QCOMPARE(view.tableModel()->rowCount(), 8);
        QVERIFY(ws.undo());
        QCOMPARE(view.tableModel()->rowCount(), 10);
        QVERIFY(ws.undo()); // the split change
        splitFilter->setCurrentIndex(splitFilter->findData(QStringLiteral("validation")));
        QCOMPARE(view.tableModel()->rowCount(), 0);
    }

    void tokenCountsAndHistogram() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws-tokens"), &error));
        ui::DatasetView view(&ws);
        view.show();
        importAndWait(view, {writeJsonl("tokens.jsonl", 12, false)});
        view.setTokenizerModel(QString::fromStdString(m_dir + "/model"));
        QSignalSpy counted(&view, &ui::DatasetView::tokenCountsReady);
        view.countTokens();
        QVERIFY(counted.wait(20000));
        QCOMPARE(counted.at(0).at(0).toInt(), 12);
        QCOMPARE(view.histogram()->valueCount(), 12);
        const int tokens = view.tableModel()->index(0, ui::DatasetTableModel::Tokens).data().toInt();
        QVERIFY2(tokens > 10, qPrintable(QString::number(tokens))); // template + byte-level text
        QVERIFY(view.histogram()->title().contains(QStringLiteral("12 value")));
        view.histogram()->setLimit(tokens - 1); // the line moves; examples beyond it are counted
        QVERIFY(view.histogram()->overLimit() >= 1);
        QVERIFY(view.histogram()->title().contains(QStringLiteral("over the limit")));
    }

    void duplicatesAreFoundAndRemoved() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws-dups"), &error));
        const int64_t dataset = ws.store()->createDataset("d");
        for (int i = 0; i < 3; ++i) {
            Example e;
            e.messages = {{"user", "Translate the word house into German please"}, {"assistant", "Haus"}};
            ws.store()->add(dataset, e);
        }
        Example other;
        other.messages = {{"user", "Something else entirely"}, {"assistant", "Yes"}};
        ws.store()->add(dataset, other);
        ws.notifyExternalChange();
        ui::DatasetView view(&ws);
        view.show();
        QVERIFY(view.setCurrentDataset(QStringLiteral("d")));
        QCOMPARE(view.tableModel()->rowCount(), 4);
        QSignalSpy found(&view, &ui::DatasetView::duplicatesReady);
        view.findDuplicates();
        QVERIFY(found.wait(20000));
        QVERIFY(found.at(0).at(0).toInt() >= 1);
        QTreeWidgetItem* group = view.duplicateGroups()->topLevelItem(0);
        QCOMPARE(group->childCount(), 3);
        group->setCheckState(0, Qt::Checked);
        view.removeDuplicates();
        QCOMPARE(view.tableModel()->rowCount(), 2);
        QVERIFY(ws.undo());
        QCOMPARE(view.tableModel()->rowCount(), 4);
    }

    void deepRowsOfALargeDataset() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws-large"), &error));
        const int64_t dataset = ws.store()->createDataset("large");
        std::vector<Example> rows(50000);
        for (size_t i = 0; i < rows.size(); ++i) rows[i].messages = {{"user", "q" + std::to_string(i)}, {"assistant", "a"}};
        ws.store()->addBatch(dataset, std::move(rows), "fill");
        ws.notifyExternalChange();
        ui::DatasetView view(&ws);
        view.resize(1000, 700);
        view.show();
        QVERIFY(view.setCurrentDataset(QStringLiteral("large")));
        QCOMPARE(view.tableModel()->rowCount(), 50000);
        // Jumping to the end and back reads only the pages shown.
        view.table()->scrollToBottom();
        QCOMPARE(view.tableModel()->index(49999, ui::DatasetTableModel::Prompt).data().toString(), QStringLiteral("q49999"));
        view.table()->scrollToTop();
        QCOMPARE(view.tableModel()->index(0, ui::DatasetTableModel::Prompt).data().toString(), QStringLiteral("q0"));
        QCOMPARE(view.tableModel()->index(31337, ui::DatasetTableModel::Prompt).data().toString(), QStringLiteral("q31337"));
    }
};

QTEST_MAIN(TestDatasetView)
#include "test_dataset_view.moc"
