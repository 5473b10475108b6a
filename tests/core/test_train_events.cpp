// Training events: every kind survives metrics.jsonl (toJson, trainEventFromJson, MetricsWriter,
// readMetrics) unchanged; old or foreign lines read with defaults or are skipped; truncateMetrics
// keeps a resumed run's record.
#include "io/atomic_file.h"
#include "train/run_folder.h"
#include "train/train_events.h"

#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace ft;

namespace {

std::vector<TrainEvent> oneOfEach() {
    RunStarted started;
    started.totalSteps = 30;
    started.stepsPerEpoch = 10;
    started.trainExamples = 40;
    started.validationExamples = 4;
    started.trainTokens = 5000;
    started.truncated = 2;
    started.trainableParams = 12345;
    started.device = "cuda:0";
    started.dtype = "bf16";
    started.resumed = true;
    started.warnings = {"2 examples cut at max_seq_len"};
    StepDone step;
    step.step = 3;
    step.totalSteps = 30;
    step.epoch = 0.3;
    step.loss = 1.25;
    step.lr = 2e-4;
    step.gradNorm = 0.5;
    step.tokens = 512;
    step.tokensPerSecond = 1000.5;
    step.examplesPerSecond = 4.5;
    step.elapsedSeconds = 9;
    step.etaSeconds = 81;
    step.memoryBytes = uint64_t(3) << 30;
    step.peakMemoryBytes = uint64_t(5) << 30;
    EvalDone eval{10, 1.1, 3.004, 400, 4, 1.1, 10, true};
    RunFinished finished;
    finished.step = 30;
    finished.status = TrainStatus::EarlyStopped;
    finished.adapter = "/runs/a/adapter";
    finished.checkpoint = "/runs/a/checkpoints/step-00000020";
    finished.elapsedSeconds = 90;
    finished.trainLoss = 0.9; // evalLoss left out: no validation
    finished.bestEvalLoss = 1.0;
    finished.bestStep = 20;
    std::vector<TrainEvent> out;
    double t = 1.7e9;
    for (TrainEvent::Kind k : std::vector<TrainEvent::Kind>{started, step, eval, CheckpointSaved{20, "/runs/a/checkpoints/step-00000020"},
                                                            Paused{21}, Resumed{21}, finished, RunFailed{31, "NaN loss", "lower lr", ""}})
        out.push_back(TrainEvent{k, t += 1.5});
    return out;
}

} // namespace

class TestTrainEvents final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyKindSurvivesMetricsJsonl() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("metrics.jsonl").toStdString();
        const auto events = oneOfEach();
        {
            MetricsWriter writer(path);
            for (const auto& e : events) writer.append(e);
        }
        const auto back = readMetrics(path);
        QCOMPARE(back.size(), events.size());
        for (size_t i = 0; i < events.size(); ++i) {
            QCOMPARE(QString(trainEventName(back[i])), QString(trainEventName(events[i])));
            QCOMPARE(toJson(back[i]).dump(), toJson(events[i]).dump()); // every field, the time too
        }
        const auto* finished = back[6].as<RunFinished>();
        QVERIFY(finished);
        QCOMPARE(int(finished->status), int(TrainStatus::EarlyStopped));
        QVERIFY(!finished->evalLoss.has_value());
        QCOMPARE(*finished->trainLoss, 0.9);
        QVERIFY(toJson(back[6])["eval_loss"].is_null()); // as earlier versions wrote it
        QVERIFY(toJson(back[7])["checkpoint"].is_null());
    }

    // Lines as an earlier version or another program wrote them: missing fields take defaults,
    // unknown events and torn lines are skipped, nothing throws.
    void foreignLinesReadSafely() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("metrics.jsonl").toStdString();
        writeFileAtomic(path,
                        "{\"event\": \"step\", \"step\": 4, \"loss\": 2.5}\n"
                        "{\"event\": \"gpu_temperature\", \"step\": 4, \"celsius\": 61}\n"
                        "[1, 2, 3]\n"
                        "{\"event\": \"eval\", \"step\": \"five\", \"loss\": 1.5}\n"
                        "{\"event\": \"finished\", \"step\": 9, \"status\": \"stopped\", \"train_loss\": null}\n"
                        "{\"event\": \"step\", \"step\": 10, \"lo");
        const auto back = readMetrics(path);
        QCOMPARE(back.size(), size_t(3));
        const auto* step = back[0].as<StepDone>();
        QVERIFY(step);
        QCOMPARE(step->step, int64_t(4));
        QCOMPARE(step->loss, 2.5);
        QCOMPARE(step->etaSeconds, -1.0);
        QCOMPARE(back[1].as<EvalDone>()->step, int64_t(0)); // a field of the wrong type: its default
        QCOMPARE(back[1].as<EvalDone>()->loss, 1.5);
        QCOMPARE(int(back[2].as<RunFinished>()->status), int(TrainStatus::Stopped));
        QVERIFY(!back[2].as<RunFinished>()->trainLoss.has_value());
        QVERIFY(!trainEventFromJson(nlohmann::json::parse(R"({"step": 1})")).has_value());
    }

    void truncateKeepsTheRecordUpToACheckpoint() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("metrics.jsonl").toStdString();
        {
            MetricsWriter writer(path);
            for (const auto& e : oneOfEach()) writer.append(e);
        }
        truncateMetrics(path, 20);
        const auto kept = readMetrics(path);
        QCOMPARE(kept.size(), size_t(4)); // started, step 3, eval 10, checkpoint 20
        QVERIFY(kept.back().is<CheckpointSaved>());
        for (const auto& e : kept) QVERIFY(!e.is<RunFinished>() && !e.is<RunFailed>());
    }

    void statusNamesRoundTrip() {
        for (TrainStatus s : {TrainStatus::Completed, TrainStatus::Stopped, TrainStatus::EarlyStopped, TrainStatus::Failed})
            QCOMPARE(int(*trainStatusFromName(trainStatusName(s))), int(s));
        QVERIFY(!trainStatusFromName("done").has_value());
    }
};

QTEST_GUILESS_MAIN(TestTrainEvents)
#include "test_train_events.moc"
