// The Training view, driven offscreen on a tiny chat model: a run started from a configuration file
// fills the charts while the UI thread stays responsive (no gap over 100 ms between timer ticks),
// pauses, resumes and finishes; a bad configuration is refused with the field named.
#include "io/atomic_file.h"
#include "metric_chart.h"
#include "settings.h"
#include "tiny_model.h"
#include "training_job.h"
#include "training_view.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace ft;
using json = nlohmann::json;

class TestTrainingView final : public QObject {
    Q_OBJECT

private:
    std::string m_dir;

    std::string writeConfig(const std::string& name, int steps) {
        const json config = {
            {"model", "model"},
            {"data", {{"train", "train.jsonl"}, {"validation", "valid.jsonl"}}},
            {"output_dir", "runs/" + name},
            {"lora", {{"r", 8}, {"alpha", 16}, {"dropout", 0.0}}},
            {"train", {{"lr", 0.01}, {"max_steps", steps}, {"batch_size", 2}, {"max_seq_len", 96}, {"eval_every", 10}, {"save_every", 20}}},
            {"device", "cpu"}};
        const std::string path = m_dir + "/" + name + ".json";
        writeFileAtomic(path, config.dump());
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("FinetuneStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_training_view"));
        m_dir = test::makeTempDir("uitrain");
        test::writeTinyChatModel(m_dir + "/model", 4);
        std::string train, valid;
        for (int i = 0; i < 8; ++i) {
            train += json{{"prompt", "Count to " + std::to_string(i)}, {"completion", "Done " + std::to_string(i)}}.dump() + "\n";
            valid += json{{"prompt", "Please count to " + std::to_string(i)}, {"completion", "Done " + std::to_string(i)}}.dump() + "\n";
        }
        writeFileAtomic(m_dir + "/train.jsonl", train);
        writeFileAtomic(m_dir + "/valid.jsonl", valid);
    }

    void trainsWhileTheUiStaysResponsive() {
        ui::TrainingView view;
        view.resize(900, 700);
        view.show();
        // Ticks of a 10 ms timer measure the event loop's longest stall during training.
        QElapsedTimer clock;
        qint64 last = 0, worstGap = 0;
        QTimer tick;
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            if (last) worstGap = std::max(worstGap, now - last);
            last = now;
        });
        QSignalSpy finished(view.job(), &ui::TrainingJob::finished);
        QVERIFY(view.startFromConfigFile(QString::fromStdString(writeConfig("live", 400))));
        clock.start();
        tick.start();

        QTRY_VERIFY_WITH_TIMEOUT(view.lossChart()->pointCount(0) >= 20, 60000);
        view.togglePause();
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().startsWith(QStringLiteral("Paused")), 20000);
        const int atPause = view.lossChart()->pointCount(0);
        QTest::qWait(300);
        QCOMPARE(view.lossChart()->pointCount(0), atPause);
        view.togglePause();
        QVERIFY(finished.wait(120000));
        tick.stop();

        QCOMPARE(int(finished.at(0).at(0).value<TrainStatus>()), int(TrainStatus::Completed));
        QCOMPARE(view.lossChart()->pointCount(0), 400); // every step
        QCOMPARE(view.lossChart()->pointCount(1), 40);  // validation every 10 steps
        QCOMPARE(view.lrChart()->pointCount(0), 400);
        QCOMPARE(view.gradNormChart()->pointCount(0), 400);
        QVERIFY(view.checkpointCount() >= 2);
        QVERIFY(view.lossChart()->smoothedValue(0) < view.lossChart()->firstValue(0));
        QVERIFY2(worstGap < 100, qPrintable(QStringLiteral("the UI thread stalled for %1 ms").arg(worstGap)));
        QCOMPARE(view.statusText(), QStringLiteral("Completed"));

        // The finished run's curves come back from its folder in another view.
        ui::TrainingView replay;
        QSignalSpy state(&replay, &ui::TrainingView::jobStateChanged);
        QVERIFY(replay.showRun(QString::fromStdString(m_dir + "/runs/live")));
        QCOMPARE(replay.lossChart()->pointCount(0), 400);
        QCOMPARE(replay.lossChart()->pointCount(1), 40);
        QCOMPARE(replay.checkpointCount(), view.checkpointCount());
        QCOMPARE(replay.statusText(), QStringLiteral("Run live: completed"));
        QCOMPARE(state.count(), 0); // a replay is no job: the status bar is left alone
        QVERIFY(!replay.showRun(QString::fromStdString(m_dir + "/nowhere")));
    }

    void stopAndResumeFromTheView() {
        ui::TrainingView view;
        QSignalSpy finished(view.job(), &ui::TrainingJob::finished);
        QVERIFY(view.startFromConfigFile(QString::fromStdString(writeConfig("stopped", 100000))));
        QTRY_VERIFY_WITH_TIMEOUT(view.lossChart()->pointCount(0) >= 5, 60000);
        view.stop();
        QVERIFY(finished.wait(60000));
        QCOMPARE(int(finished.at(0).at(0).value<TrainStatus>()), int(TrainStatus::Stopped));
        QVERIFY(view.resumeRun(QString::fromStdString(m_dir + "/runs/stopped")));
        QTRY_VERIFY_WITH_TIMEOUT(view.lossChart()->pointCount(0) >= 3, 60000);
        view.stop();
        QVERIFY(finished.wait(60000));
    }

    // The loss axis can be logarithmic; the choice is remembered for the next window.
    void logScaleIsRemembered() {
        ui::settings::lossLogScale.set(false);
        {
            ui::TrainingView view;
            QVERIFY(!view.logScaleBox()->isChecked() && !view.lossChart()->logScale());
            view.logScaleBox()->setChecked(true);
            QVERIFY(view.lossChart()->logScale());
        }
        ui::TrainingView again;
        QVERIFY(again.logScaleBox()->isChecked() && again.lossChart()->logScale());
        again.logScaleBox()->setChecked(false);
        QVERIFY(!again.lossChart()->logScale());
        QVERIFY(!ui::settings::lossLogScale.get());
    }

    void refusesABadConfiguration() {
        ui::TrainingView view;
        const std::string path = m_dir + "/bad.json";
        writeFileAtomic(path, R"({"model": "model", "data": {"train": "train.jsonl"}, "output_dir": "runs/bad", "train": {"lr": 0}})");
        QVERIFY(!view.startFromConfigFile(QString::fromStdString(path)));
        QVERIFY2(view.statusText() == QStringLiteral("Not started"), qPrintable(view.statusText()));
        QVERIFY(!view.job()->isRunning());
    }
};

QTEST_MAIN(TestTrainingView)
#include "test_training_view.moc"
