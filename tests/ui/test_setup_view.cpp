// The Setup view, driven offscreen: a model fills the summary, the run folder and the memory
// estimate; a bad field is named and marked and blocks the start; presets set what they promise;
// the form saves the JSON the CLI takes and loads it back; measuring runs real steps and turns them
// into an ETA; and Start in the main window launches the run in the Training view.
#include "data/dataset_store.h"
#include "io/atomic_file.h"
#include "main_window.h"
#include "setup_view.h"
#include "tiny_model.h"
#include "train/run_config.h"
#include "training_job.h"
#include "training_view.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QtTest>

using namespace ft;
using json = nlohmann::json;

class TestSetupView final : public QObject {
    Q_OBJECT

private:
    std::string m_dir;
    QString m_model;

    void fillWorkspace(ui::Workspace& ws) {
        const int64_t d = ws.store()->ensureDataset("greetings");
        std::vector<Example> rows;
        for (int i = 0; i < 12; ++i) {
            Example e;
            e.messages = {{"user", "Hello number " + std::to_string(i)}, {"assistant", "Hi " + std::to_string(i)}};
            e.split = i < 10 ? Split::Train : Split::Validation;
            rows.push_back(e);
        }
        ws.store()->addBatch(d, rows, "fill");
        ws.notifyExternalChange();
    }

    static void waitForSummary(ui::SetupView& view) {
        QTRY_VERIFY_WITH_TIMEOUT(view.estimateText().contains(QStringLiteral("Peak memory")), 20000);
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("FinetuneStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_setup_view"));
        m_dir = test::makeTempDir("uisetup");
        test::writeTinyChatModel(m_dir + "/model", 6);
        m_model = QString::fromStdString(m_dir + "/model");
    }

    void modelFillsSummaryAndEstimate() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws1"), &error));
        fillWorkspace(ws);
        ui::SetupView view(&ws);
        view.show();
        view.setModelDir(m_model);
        waitForSummary(view);
        QVERIFY2(view.validationText() == QStringLiteral("Ready to start."), qPrintable(view.validationText()));
        QVERIFY(view.estimateText().contains(QStringLiteral("Trainable parameters")));
        // As the trainer counts (core's planRun): 3 epochs x ceil(10 / 4) micro-batches.
        QTRY_VERIFY2_WITH_TIMEOUT(view.estimateText().contains(QStringLiteral("Steps: 9")), qPrintable(view.estimateText()), 20000);
        // Packing: the rows as the trainer packs them, counted on a worker from the token lengths.
        qobject_cast<QCheckBox*>(view.field(QStringLiteral("train.packing")))->setChecked(true);
        view.revalidate();
        QTRY_VERIFY2_WITH_TIMEOUT(view.estimateText().contains(QStringLiteral("10 train examples, packed; micro-batches an epoch: ")),
                                  qPrintable(view.estimateText()), 20000);
        // A max length that leaves no reply token: the data's problem, shown before any start.
        qobject_cast<QSpinBox*>(view.field(QStringLiteral("train.max_seq_len")))->setValue(8);
        view.revalidate();
        QTRY_VERIFY2_WITH_TIMEOUT(view.estimateText().contains(QStringLiteral("no train example is left")), qPrintable(view.estimateText()),
                                  20000);
        const json j = view.configJson();
        QVERIFY(QString::fromStdString(j["output_dir"]).startsWith(ws.runsDir() + QStringLiteral("/model-")));
        QCOMPARE(QString::fromStdString(j["data"]["dataset"]), QStringLiteral("greetings"));
    }

    void badFieldIsNamedAndMarked() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws2"), &error));
        fillWorkspace(ws);
        ui::SetupView view(&ws);
        view.setModelDir(m_model);
        waitForSummary(view);
        auto* lr = qobject_cast<QLineEdit*>(view.field(QStringLiteral("train.lr")));
        QVERIFY(lr);
        lr->setText(QStringLiteral("fast"));
        view.revalidate();
        QVERIFY2(view.validationText().startsWith(QStringLiteral("train.lr")), qPrintable(view.validationText()));
        QVERIFY(lr->styleSheet().contains(QStringLiteral("border")));
        RunConfig c;
        QVERIFY(!view.runConfig(&c, &error));
        lr->setText(QStringLiteral("0"));
        view.revalidate();
        QVERIFY2(view.validationText().contains(QStringLiteral("train.lr must be a positive number")), qPrintable(view.validationText()));
        lr->setText(QStringLiteral("1e-3"));
        view.revalidate();
        QCOMPARE(view.validationText(), QStringLiteral("Ready to start."));
        QVERIFY(lr->styleSheet().isEmpty());
        // No projection chosen.
        for (QCheckBox* box : view.findChildren<QCheckBox*>())
            if (box->objectName().startsWith(QStringLiteral("lora.targets."))) box->setChecked(false);
        view.revalidate();
        QVERIFY2(view.validationText().startsWith(QStringLiteral("lora.targets")), qPrintable(view.validationText()));
        QVERIFY(view.field(QStringLiteral("lora.targets"))->styleSheet().contains(QStringLiteral("border")));
        // Every bad field at once: named in the list and each marked.
        lr->setText(QStringLiteral("fast"));
        qobject_cast<QDoubleSpinBox*>(view.field(QStringLiteral("train.epochs")))->setValue(0);
        view.revalidate();
        QVERIFY2(view.validationText().contains(QStringLiteral("3 settings to fix")), qPrintable(view.validationText()));
        for (const char* key : {"train.lr", "train.epochs", "lora.targets"}) {
            QVERIFY2(view.validationText().contains(QLatin1String(key)), key);
            QVERIFY2(view.field(QLatin1String(key))->styleSheet().contains(QStringLiteral("border")), key);
        }
        QVERIFY(view.field(QStringLiteral("train.batch_size"))->styleSheet().isEmpty());
        QVERIFY(!view.runConfig(&c, &error));
        QCOMPARE(error.count(QLatin1Char('\n')), 2);
    }

    // The method picks its own fields; the estimate and the configuration follow it; a bad layer
    // list is named like any other field.
    void methodFieldsFollowTheChoice() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws-method"), &error));
        fillWorkspace(ws);
        ui::SetupView view(&ws);
        view.show();
        view.setModelDir(m_model);
        waitForSummary(view);
        auto* method = qobject_cast<QComboBox*>(view.field(QStringLiteral("method")));
        auto* layers = qobject_cast<QLineEdit*>(view.field(QStringLiteral("full.layers")));
        auto* quantizeAll = qobject_cast<QCheckBox*>(view.field(QStringLiteral("qlora.quantize_all")));
        QVERIFY(method && layers && quantizeAll);
        QVERIFY(!layers->isVisible() && !quantizeAll->isVisible() && view.field(QStringLiteral("lora.r"))->isEnabled());
        QVERIFY2(view.estimateText().contains(QStringLiteral("adapters and optimizer")), qPrintable(view.estimateText()));

        method->setCurrentIndex(method->findData(QStringLiteral("full")));
        QVERIFY(layers->isVisible() && !quantizeAll->isVisible());
        QVERIFY(!view.field(QStringLiteral("lora.r"))->isEnabled());
        layers->setText(QStringLiteral("1"));
        view.revalidate();
        QCOMPARE(view.validationText(), QStringLiteral("Ready to start."));
        QTRY_VERIFY2_WITH_TIMEOUT(view.estimateText().contains(QStringLiteral("gradients and optimizer")), qPrintable(view.estimateText()),
                                  20000);
        QVERIFY(view.estimateText().contains(QStringLiteral("On a GPU about")));
        json config = view.configJson();
        QCOMPARE(config["method"], json("full"));
        QCOMPARE(config["full"]["layers"], json::array({1}));
        layers->setText(QStringLiteral("one"));
        view.revalidate();
        QVERIFY2(view.validationText().startsWith(QStringLiteral("full.layers")), qPrintable(view.validationText()));
        QVERIFY(layers->styleSheet().contains(QStringLiteral("border")));

        method->setCurrentIndex(method->findData(QStringLiteral("qlora")));
        QVERIFY(quantizeAll->isVisible() && !layers->isVisible() && view.field(QStringLiteral("lora.r"))->isEnabled());
        layers->clear();
        quantizeAll->setChecked(true);
        view.revalidate();
        QCOMPARE(view.validationText(), QStringLiteral("Ready to start."));
        config = view.configJson();
        QCOMPARE(config["method"], json("qlora"));
        QCOMPARE(config["qlora"]["quantize_all"], json(true));
        // A saved configuration with a method loads back into the fields.
        config["method"] = "full";
        config["full"]["layers"] = {0, 1};
        const std::string file = m_dir + "/method-run.json";
        writeFileAtomic(file, config.dump());
        QVERIFY2(view.loadConfigFile(QString::fromStdString(file), &error), qPrintable(error));
        QCOMPARE(layers->text(), QStringLiteral("0-1"));
        QVERIFY(layers->isVisible());
    }

    void unusableModelBlocksTheStart() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws-nomodel"), &error));
        fillWorkspace(ws);
        ui::SetupView view(&ws);
        view.setModelDir(QString::fromStdString(m_dir)); // a folder, but no model in it
        QTRY_VERIFY_WITH_TIMEOUT(view.validationText().startsWith(QStringLiteral("model: ")), 20000);
        QVERIFY2(view.validationText().contains(QStringLiteral("config.json")), qPrintable(view.validationText()));
        QVERIFY(view.field(QStringLiteral("model"))->styleSheet().contains(QStringLiteral("border")));
        RunConfig c;
        QVERIFY(!view.runConfig(&c, &error));
        view.setModelDir(m_model);
        waitForSummary(view);
        QCOMPARE(view.validationText(), QStringLiteral("Ready to start."));
    }

    void presetsAndSaveLoadRoundTrip() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws3"), &error));
        fillWorkspace(ws);
        ui::SetupView view(&ws);
        view.setModelDir(m_model);
        waitForSummary(view);
        view.applyPreset(ui::SetupView::Preset::QuickTest);
        json j = view.configJson();
        QCOMPARE(j["train"]["max_steps"].get<int>(), 30);
        QCOMPARE(j["lora"]["targets"], json({"q_proj", "v_proj"}));
        view.applyPreset(ui::SetupView::Preset::Thorough);
        j = view.configJson();
        QCOMPARE(j["train"]["early_stopping_patience"].get<int>(), 3);
        QVERIFY(j["train"]["gradient_checkpointing"].get<bool>());
        QCOMPARE(j["lora"]["targets"].size(), size_t(7));
        qobject_cast<QSpinBox*>(view.field(QStringLiteral("train.seed")))->setValue(1234);
        qobject_cast<QDoubleSpinBox*>(view.field(QStringLiteral("train.loraplus_lr_ratio")))->setValue(16);

        const QString path = QString::fromStdString(m_dir + "/saved.json");
        QVERIFY2(view.saveConfigFile(path, &error), qPrintable(error));
        const RunConfig fromCli = RunConfig::fromFile(path.toStdString()); // what `finetune train` reads
        QCOMPARE(fromCli.train.seed, int64_t(1234));
        QCOMPARE(fromCli.train.loraplusLrRatio, 16.0);
        QCOMPARE(fromCli.lora.r, int64_t(32));
        QCOMPARE(QString::fromStdString(fromCli.data.dataset), QStringLiteral("greetings"));

        ui::SetupView other(&ws);
        QVERIFY2(other.loadConfigFile(path, &error), qPrintable(error));
        QCOMPARE(other.configJson(), view.configJson());
        // A file with an unknown key is refused with the key named.
        writeFileAtomic(m_dir + "/typo.json", R"({"model": "m", "output_dir": "o", "data": {"train": "t.jsonl"}, "train": {"lrr": 1}})");
        QVERIFY(!other.loadConfigFile(QString::fromStdString(m_dir + "/typo.json"), &error));
        QVERIFY2(error.contains(QStringLiteral("train.lrr")), qPrintable(error));
    }

    void measuringGivesAnEta() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws4"), &error));
        fillWorkspace(ws);
        ui::SetupView view(&ws);
        view.setModelDir(m_model);
        waitForSummary(view);
        qobject_cast<QSpinBox*>(view.field(QStringLiteral("train.max_seq_len")))->setValue(64);
        qobject_cast<QComboBox*>(view.field(QStringLiteral("device")))->setCurrentIndex(1); // cpu
        view.revalidate();
        QSignalSpy measured(&view, &ui::SetupView::measured);
        view.measureStepTime();
        QVERIFY(measured.wait(60000));
        QVERIFY2(measured.at(0).at(0).toBool(), qPrintable(view.measureText()));
        QVERIFY2(view.measureText().contains(QStringLiteral("tokens/s")), qPrintable(view.measureText()));
        // The ETA needs the step count too, which a worker may still be reading from the data.
        QTRY_VERIFY2_WITH_TIMEOUT(view.estimateText().contains(QStringLiteral("Time ≈")), qPrintable(view.estimateText()), 20000);
    }

    void startLaunchesTheRunInTheTrainingView() {
        ui::MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(m_dir + "/ws5")));
        fillWorkspace(*window.workspace());
        ui::SetupView* setup = window.setupView();
        setup->setModelDir(m_model);
        waitForSummary(*setup);
        setup->applyPreset(ui::SetupView::Preset::QuickTest);
        // Epochs with gradient accumulation: 10 examples, batch 2, 2 micro-batches a step, 1 epoch.
        qobject_cast<QSpinBox*>(setup->field(QStringLiteral("train.max_steps")))->setValue(0);
        qobject_cast<QDoubleSpinBox*>(setup->field(QStringLiteral("train.epochs")))->setValue(1.0);
        qobject_cast<QSpinBox*>(setup->field(QStringLiteral("train.grad_accum")))->setValue(2);
        qobject_cast<QSpinBox*>(setup->field(QStringLiteral("train.max_seq_len")))->setValue(64);
        qobject_cast<QComboBox*>(setup->field(QStringLiteral("device")))->setCurrentIndex(1);
        setup->revalidate();
        QTRY_VERIFY2_WITH_TIMEOUT(setup->estimateText().contains(QStringLiteral("Steps: 3 (4 examples per step")),
                                  qPrintable(setup->estimateText()), 20000);
        QSignalSpy events(window.trainingView()->job(), &ui::TrainingJob::event);
        QSignalSpy finished(window.trainingView()->job(), &ui::TrainingJob::finished);
        setup->requestStart();
        QVERIFY2(window.trainingView()->job()->isRunning() || finished.count() > 0, qPrintable(window.logText()));
        QVERIFY(finished.wait(60000));
        QCOMPARE(int(finished.at(0).at(0).value<TrainStatus>()), int(TrainStatus::Completed));
        QVERIFY(QFile::exists(window.trainingView()->job()->runDir() + QStringLiteral("/adapter/adapter_config.json")));
        int64_t trainerSteps = -1; // what the trainer planned: the same 3
        for (const auto& args : events) {
            const TrainEvent e = args.at(0).value<TrainEvent>();
            if (const auto* started = e.as<RunStarted>()) trainerSteps = started->totalSteps;
        }
        QCOMPARE(trainerSteps, int64_t(3));
    }
};

QTEST_MAIN(TestSetupView)
#include "test_setup_view.moc"
