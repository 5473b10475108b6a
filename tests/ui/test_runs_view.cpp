// The Runs view, driven offscreen over real run folders: runs are listed with status and figures;
// selecting several overlays their loss curves; a run whose process vanished shows as interrupted;
// rename moves the folder (and refuses a taken name); delete removes it (to the trash); export
// writes a PEFT adapter with the tokenizer files.
#include "gguf/gguf_reader.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "metric_chart.h"
#include "runs_view.h"
#include "tiny_model.h"
#include "train/run_config.h"
#include "train/trainer.h"
#include "workspace.h"

#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>
#include <filesystem>

using namespace ft;

class TestRunsView final : public QObject {
    Q_OBJECT

private:
    std::string m_dir;

    void trainRun(const std::string& name, int steps) {
        RunConfig c;
        c.model = m_dir + "/model";
        c.data.trainFile = m_dir + "/train.jsonl";
        c.outputDir = m_dir + "/ws/runs/" + name;
        c.device = "cpu";
        c.train.maxSteps = steps;
        c.train.batchSize = 2;
        c.train.maxSeqLen = 64;
        c.train.evalEvery = 0;
        c.train.saveEvery = 2;
        auto trainer = Trainer::create(c);
        QCOMPARE(int(trainer->run().status), int(TrainStatus::Completed));
    }

    QTreeWidgetItem* item(ui::RunsView& view, const QString& name) {
        for (int i = 0; i < view.list()->topLevelItemCount(); ++i)
            if (view.list()->topLevelItem(i)->text(0) == name) return view.list()->topLevelItem(i);
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        m_dir = test::makeTempDir("uiruns");
        qputenv("XDG_DATA_HOME", QByteArray::fromStdString(m_dir + "/xdg")); // the trash goes here, not to $HOME
        test::writeTinyChatModel(m_dir + "/model", 9);
        std::string train;
        for (int i = 0; i < 8; ++i)
            train += "{\"prompt\": \"Say " + std::to_string(i) + "\", \"completion\": \"ok " + std::to_string(i) + "\"}\n";
        writeFileAtomic(m_dir + "/train.jsonl", train);
        trainRun("alpha", 4);
        trainRun("beta", 6);
    }

    void listsAndOverlays() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws"), &error));
        ui::RunsView view(&ws);
        view.show();
        QCOMPARE(view.list()->topLevelItemCount(), 2);
        QTreeWidgetItem* alpha = item(view, QStringLiteral("alpha"));
        QVERIFY(alpha);
        QCOMPARE(alpha->text(1), QStringLiteral("completed"));
        QCOMPARE(alpha->text(2), QStringLiteral("LoRA")); // the method
        QCOMPARE(alpha->text(5), QStringLiteral("4 / 4"));
        QVERIFY(!alpha->text(6).isEmpty()); // the last training loss
        view.selectRuns({QString::fromStdString(m_dir + "/ws/runs/alpha"), QString::fromStdString(m_dir + "/ws/runs/beta")});
        QCOMPARE(view.chart()->seriesCount(), 4); // train and validation per run
        int points = view.chart()->pointCount(0) + view.chart()->pointCount(2);
        QCOMPARE(points, 4 + 6);
    }

    void vanishedProcessShowsInterrupted() {
        trainRun("gamma", 2);
        const std::string runJson = m_dir + "/ws/runs/gamma/run.json";
        nlohmann::json j = readJsonFile(runJson);
        j["status"] = "running"; // as a crashed process leaves it
        writeFileAtomic(runJson, j.dump());
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws"), &error));
        ui::RunsView view(&ws);
        QCOMPARE(item(view, QStringLiteral("gamma"))->text(1), QStringLiteral("interrupted"));
        view.setActiveRun(QString::fromStdString(m_dir + "/ws/runs/gamma")); // a job here runs it
        QCOMPARE(item(view, QStringLiteral("gamma"))->text(1), QStringLiteral("running"));
        QVERIFY(!view.renameRun(QString::fromStdString(m_dir + "/ws/runs/gamma"), QStringLiteral("x"), &error));
        QVERIFY(!view.deleteRun(QString::fromStdString(m_dir + "/ws/runs/gamma"), &error));
        view.setActiveRun(QString());
        QVERIFY2(view.deleteRun(QString::fromStdString(m_dir + "/ws/runs/gamma"), &error), qPrintable(error));
        QVERIFY(!std::filesystem::exists(m_dir + "/ws/runs/gamma"));
        QVERIFY(!item(view, QStringLiteral("gamma")));
    }

    void renameAndExport() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws"), &error));
        ui::RunsView view(&ws);
        const QString alpha = QString::fromStdString(m_dir + "/ws/runs/alpha");
        QVERIFY(!view.renameRun(alpha, QStringLiteral("beta"), &error)); // taken
        QVERIFY(error.contains(QStringLiteral("already exists")));
        QVERIFY(!view.renameRun(alpha, QStringLiteral("a/b"), &error));
        QVERIFY2(view.renameRun(alpha, QStringLiteral("alpha-renamed"), &error), qPrintable(error));
        QVERIFY(item(view, QStringLiteral("alpha-renamed")));
        const QString renamed = QString::fromStdString(m_dir + "/ws/runs/alpha-renamed");
        QCOMPARE(QString::fromStdString(readJsonFile(m_dir + "/ws/runs/alpha-renamed/run.json")["config"]["output_dir"]), renamed);
        QCOMPARE(view.selectedRuns(), QStringList{renamed});

        QSignalSpy exported(&view, &ui::RunsView::exportFinished);
        view.exportRun(renamed, QStringLiteral("peft"), QString::fromStdString(m_dir + "/exported"));
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(exported.at(0).at(1).toString()));
        QVERIFY(std::filesystem::exists(m_dir + "/exported/adapter_model.safetensors"));
        QVERIFY(std::filesystem::exists(m_dir + "/exported/tokenizer_config.json"));

        // GGUF, twice to the same file: the studio's save dialog has asked before replacing it.
        for (int i = 0; i < 2; ++i) {
            exported.clear();
            view.exportRun(renamed, QStringLiteral("gguf"), QString::fromStdString(m_dir + "/gguf/model.gguf"), QStringLiteral("q8_0"));
            QVERIFY(exported.wait(30000));
            QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(exported.at(0).at(1).toString()));
            QVERIFY(exported.at(0).at(1).toString().contains(QStringLiteral("Q8_0")));
        }
        exported.clear();
        view.exportRun(renamed, QStringLiteral("gguf-adapter"), QString::fromStdString(m_dir + "/gguf/lora.gguf"), QStringLiteral("f32"));
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(exported.at(0).at(1).toString()));
        QCOMPARE(gguf::File(m_dir + "/gguf/lora.gguf").getString("general.type"), std::string("adapter"));
        const gguf::File file(m_dir + "/gguf/model.gguf");
        QCOMPARE(file.getInt("general.file_type"), int64_t(gguf::FileType::MostlyQ8_0));
        QVERIFY(file.getString("tokenizer.chat_template").find("im_start") != std::string::npos);
    }
};

QTEST_MAIN(TestRunsView)
#include "test_runs_view.moc"
