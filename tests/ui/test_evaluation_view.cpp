// The Evaluation view, driven offscreen on a trained tiny run: evaluating fills the summary, the
// metrics table and the per-example table (regressions first); the report prints to a PDF; Stop
// cancels a running evaluation and the reason is shown.
#include "data/dataset_store.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "evaluation_view.h"
#include "tiny_model.h"
#include "train/run_config.h"
#include "train/trainer.h"
#include "workspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace ft;

class TestEvaluationView final : public QObject {
    Q_OBJECT

private:
    std::string m_dir;

private Q_SLOTS:
    void initTestCase() {
        m_dir = test::makeTempDir("uieval");
        test::writeTinyChatModel(m_dir + "/model", 12);
        DatasetStore store(m_dir + "/ws");
        const int64_t d = store.createDataset("yesno");
        for (int i = 0; i < 20; ++i) {
            Example e;
            e.messages = {{"user", "Is " + std::to_string(i) + " even?"}, {"assistant", i % 2 ? "no" : "yes"}};
            e.split = i < 14 ? Split::Train : Split::Validation;
            store.add(d, e);
        }
        RunConfig c;
        c.model = m_dir + "/model";
        c.data.workspace = m_dir + "/ws";
        c.data.dataset = "yesno";
        c.outputDir = m_dir + "/ws/runs/yesno";
        c.device = "cpu";
        c.train.maxSteps = 20;
        c.train.lr = 0.02;
        c.train.batchSize = 4;
        c.train.maxSeqLen = 64;
        c.train.evalEvery = 0;
        c.train.saveEvery = 0;
        QCOMPARE(int(Trainer::create(c)->run().status), int(TrainStatus::Completed));
    }

    void evaluatesAndShowsTheReport() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws"), &error));
        ui::EvaluationView view(&ws);
        view.resize(1100, 700);
        view.show();
        QVERIFY(view.selectRun(QString::fromStdString(m_dir + "/ws/runs/yesno")));
        view.setOptions(1, 0, 6);
        QSignalSpy done(&view, &ui::EvaluationView::evaluationFinished);
        view.evaluate();
        QVERIFY(view.isRunning());
        QVERIFY(done.wait(60000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QCOMPARE(view.examplesTable()->rowCount(), 6);
        QCOMPARE(view.examplesTable()->columnCount(), 7); // #, prompt, reference, base, few-shot, tuned, winner
        QVERIFY(view.metricsTable()->rowCount() >= 5);
        QVERIFY2(view.summaryText().contains(QStringLiteral("validation")), qPrintable(view.summaryText()));
        QVERIFY(view.summaryText().contains(QStringLiteral("tuned_vs_base")));

        const QString pdf = QString::fromStdString(m_dir + "/report.pdf");
        QVERIFY(view.printToPdf(pdf));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(4), QByteArray("%PDF"));

        // A second view finds the report already written. A rambling reply (here 60 lines, mostly
        // blank) is shown trimmed and collapsed, its tooltip exact; a 30-line one gets a row of at most 8 lines.
        const std::string reportFile = m_dir + "/ws/runs/yesno/eval/validation/report.json";
        nlohmann::json report = readJsonFile(reportFile);
        std::string rambling = "first";
        for (int i = 0; i < 60; ++i) rambling += "\n\t";
        rambling += "last";
        report["per_example"][0]["base"]["reply"] = rambling;
        std::string listing;
        for (int i = 0; i < 30; ++i) listing += "line " + std::to_string(i) + "\n";
        report["per_example"][1]["base"]["reply"] = listing;
        writeFileAtomic(reportFile, report.dump());
        ui::EvaluationView again(&ws);
        again.resize(1100, 700);
        QVERIFY(again.selectRun(QString::fromStdString(m_dir + "/ws/runs/yesno")));
        QCOMPARE(again.examplesTable()->rowCount(), 6);
        const QTableWidgetItem* base = again.examplesTable()->item(0, 3);
        QCOMPARE(base->text(), QStringLiteral("first\n\tlast"));
        QCOMPARE(base->toolTip(), QString::fromStdString(rambling));
        QVERIFY(again.examplesTable()->item(1, 3)->text().count(QLatin1Char('\n')) == 29);
        QVERIFY(again.examplesTable()->rowHeight(1) <= again.examplesTable()->fontMetrics().lineSpacing() * 8 + 8);
    }

    void stopCancels() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws"), &error));
        ui::EvaluationView view(&ws);
        QVERIFY(view.selectRun(QString::fromStdString(m_dir + "/ws/runs/yesno")));
        QSignalSpy done(&view, &ui::EvaluationView::evaluationFinished);
        view.evaluate();
        view.stop();
        QVERIFY(done.wait(60000));
        QVERIFY(!done.at(0).at(0).toBool());
        QVERIFY2(done.at(0).at(1).toString().contains(QStringLiteral("stopped")), qPrintable(done.at(0).at(1).toString()));
        QVERIFY(!view.isRunning());
    }
};

QTEST_MAIN(TestEvaluationView)
#include "test_evaluation_view.moc"
