// The Setup view's parts, each alone: the run form writes back exactly the configuration it was
// given, reports a field that holds no number instead of dropping it, and marks the fields a list of
// problems names; the estimate panel counts a configuration's steps on a worker from its data, as
// the trainer will, re-plans a batch change without reading the data again, and names unusable data.
#include "data/dataset_store.h"
#include "estimate_panel.h"
#include "io/atomic_file.h"
#include "model/model_summary.h"
#include "run_form.h"
#include "tiny_model.h"
#include "train/run_config.h"
#include "util/error.h"
#include "workspace.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

using namespace ft;
using json = nlohmann::json;

class TestSetupPanels final : public QObject {
    Q_OBJECT

    std::string m_dir;

private Q_SLOTS:
    void initTestCase() {
        m_dir = test::makeTempDir("uisetuppanels");
        test::writeTinyChatModel(m_dir + "/model", 4);
        std::string text;
        for (int i = 0; i < 9; ++i)
            text +=
                json{{"messages", {{{"role", "user"}, {"content", "q" + std::to_string(i)}}, {{"role", "assistant"}, {"content", "a"}}}}}
                    .dump() +
                "\n";
        writeFileAtomic(m_dir + "/train.jsonl", text);
    }

    void formRoundTripsAndMarks() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws"), &error));
        ui::RunForm form(&ws);
        json config = RunConfig::defaultsJson();
        config["model"] = m_dir + "/model";
        config["output_dir"] = m_dir + "/run";
        config["data"] = {{"train", m_dir + "/train.jsonl"}};
        config["train"]["lr"] = 0.0003;
        config["train"]["packing"] = true;
        config["lora"]["targets"] = {"q_proj", "down_proj"};
        form.load(config);
        QCOMPARE(form.toJson(), config);
        // A number field with no number: reported by its key, and the last good value kept.
        auto* lr = qobject_cast<QLineEdit*>(form.field(QStringLiteral("train.lr")));
        lr->setText(QStringLiteral("fast"));
        std::vector<ConfigProblem> problems;
        const json j = form.toJson(&problems);
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].field, std::string("train.lr"));
        QCOMPARE(j["train"]["lr"].get<double>(), 0.0003);
        QVERIFY_THROWS_EXCEPTION(Error, form.toJson());
        // Marks follow the problems: each named field, and none left behind.
        form.markProblems({{"train.lr", "bad", ""}, {"lora.targets", "none", ""}, {"data", "no file", ""}});
        for (const char* key : {"train.lr", "lora.targets", "data.train"})
            QVERIFY2(form.field(QLatin1String(key))->styleSheet().contains(QStringLiteral("border")), key);
        form.markProblems({});
        for (const char* key : {"train.lr", "lora.targets", "data.train"})
            QVERIFY2(form.field(QLatin1String(key))->styleSheet().isEmpty(), key);
    }

    void estimateCountsStepsFromTheData() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws2"), &error));
        ui::EstimatePanel panel(&ws, [](RunConfig*) { return false; });
        RunConfig c;
        c.model = m_dir + "/model";
        c.outputDir = m_dir + "/run2";
        c.data.trainFile = m_dir + "/train.jsonl";
        c.train.batchSize = 2;
        c.train.epochs = 1;
        c.device = "cpu";
        const ModelSummary model = describeModel(c.model);
        QSignalSpy counted(&panel, &ui::EstimatePanel::dataCounted);
        panel.update(&c, &model);
        QVERIFY2(panel.estimateText().contains(QStringLiteral("counting")), qPrintable(panel.estimateText()));
        QVERIFY(counted.wait(20000));
        panel.update(&c, &model);
        QVERIFY2(panel.estimateText().contains(QStringLiteral("Steps: 5 (2 examples per step, 9 train examples")),
                 qPrintable(panel.estimateText()));
        // A batch change re-plans at once from the lengths already read.
        c.train.batchSize = 3;
        panel.update(&c, &model);
        QVERIFY(!panel.counting());
        QVERIFY2(panel.estimateText().contains(QStringLiteral("Steps: 3 (3 examples per step")), qPrintable(panel.estimateText()));
        // A length that leaves no reply token: the trainer's own error, before any run.
        c.train.maxSeqLen = 8;
        panel.update(&c, &model);
        QVERIFY(counted.wait(20000));
        panel.update(&c, &model);
        QVERIFY2(panel.estimateText().contains(QStringLiteral("no train example is left")), qPrintable(panel.estimateText()));
    }
};

QTEST_MAIN(TestSetupPanels)
#include "test_setup_panels.moc"
