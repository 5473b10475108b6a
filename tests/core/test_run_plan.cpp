// The step count a run shows before it starts (core's planRunData, what the Setup view displays) is
// the trainer's own, to the step: with packing, with examples left out or cut at max_seq_len, with
// gradient accumulation and fractional epochs, from files and from a workspace dataset. Each case
// also runs the trainer and counts the steps it really took.
#include "data/dataset_store.h"
#include "io/atomic_file.h"
#include "tiny_model.h"
#include "train/data_plan.h"
#include "train/run_config.h"
#include "train/trainer.h"
#include "util/error.h"

#include <QtTest>

#include <string>

using namespace ft;
using json = nlohmann::json;

namespace {

// 14 conversations of varied length: short ones, long replies (cut at a small max_seq_len) and
// long prompts (no reply token left within it: dropped).
std::vector<std::pair<std::string, std::string>> conversations() {
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0; i < 8; ++i) out.push_back({"Question " + std::to_string(i) + "?", std::string(size_t(2 + 3 * i), 'a' + char(i))});
    for (int i = 0; i < 3; ++i) out.push_back({"Tell me more, " + std::to_string(i) + ".", std::string(90, 'x')});
    for (int i = 0; i < 3; ++i) out.push_back({std::string(120, 'p') + std::to_string(i), "short"});
    return out;
}

std::string jsonl(const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string text;
    for (const auto& [q, a] : rows)
        text += json{{"messages", {{{"role", "user"}, {"content", q}}, {{"role", "assistant"}, {"content", a}}}}}.dump() + "\n";
    return text;
}

struct Counted {
    int64_t planned = -1; // RunStarted.totalSteps
    int64_t taken = 0;    // StepDone events (log_every 1)
    TrainStatus status = TrainStatus::Failed;
    std::string message;
};

Counted runTrainer(const RunConfig& c) {
    Counted out;
    const TrainOutcome r = Trainer::create(c, [&](const TrainEvent& e) {
                               if (const auto* s = e.as<RunStarted>()) out.planned = s->totalSteps;
                               if (e.is<StepDone>()) ++out.taken;
                           })->run();
    out.status = r.status;
    out.message = r.message;
    return out;
}

} // namespace

class TestRunPlan : public QObject {
    Q_OBJECT

    std::string m_dir, m_model;
    int m_runs = 0;

    RunConfig config() {
        RunConfig c;
        c.model = m_model;
        c.data.trainFile = m_dir + "/train.jsonl";
        c.outputDir = m_dir + "/run-" + std::to_string(m_runs++);
        c.lora.targets = {"q_proj", "v_proj"};
        c.lora.r = 4;
        c.train.batchSize = 2;
        c.train.maxSeqLen = 64;
        c.train.epochs = 1;
        c.train.evalEvery = 0;
        c.train.saveEvery = 0;
        c.train.warmupSteps = 0;
        c.device = "cpu";
        c.dtype = "fp32";
        return c;
    }

    void agree(const RunConfig& c, int64_t expectedSteps = -1) {
        const DataPlan plan = planRunData(c);
        const Counted run = runTrainer(c);
        QVERIFY2(run.status == TrainStatus::Completed, run.message.c_str());
        QCOMPARE(plan.plan.totalSteps, run.planned);
        QCOMPARE(run.taken, run.planned);
        if (expectedSteps >= 0) QCOMPARE(plan.plan.totalSteps, expectedSteps);
    }

private Q_SLOTS:
    void initTestCase() {
        m_dir = test::makeTempDir("runplan");
        m_model = m_dir + "/model";
        test::writeTinyChatModel(m_model, 5);
        writeFileAtomic(m_dir + "/train.jsonl", jsonl(conversations()));
    }

    void droppedAndCutExamplesAreCounted() {
        const RunConfig c = config();
        const DataPlan plan = planRunData(c);
        QCOMPARE(plan.report.noTargets, int64_t(3)); // the long prompts
        QVERIFY2(plan.report.truncated >= 3, std::to_string(plan.report.truncated).c_str());
        QCOMPARE(plan.plan.examples, int64_t(11));
        // 11 kept, batch 2: 6 steps; counting all 14 would have said 7.
        agree(c, 6);
    }

    void packingCountsPackedRows() {
        RunConfig c = config();
        c.train.packing = true;
        c.train.epochs = 2;
        c.train.maxSeqLen = 160; // rows that hold several short examples
        const DataPlan plan = planRunData(c);
        QVERIFY2(plan.plan.microBatchesPerEpoch < 6, std::to_string(plan.plan.microBatchesPerEpoch).c_str()); // fewer rows than unpacked
        agree(c);
    }

    void accumulationAndFractionalEpochs() {
        RunConfig c = config();
        c.train.gradAccum = 4;
        c.train.epochs = 2.5;
        agree(c, 5); // ceil(6 micro-batches / 4) = 2 a epoch; 2.5 epochs: 5
        c.outputDir = m_dir + "/run-" + std::to_string(m_runs++);
        c.train.packing = true;
        c.train.maxSeqLen = 256; // nothing dropped, longer rows
        agree(c);
    }

    void workspaceDataset() {
        const std::string ws = m_dir + "/ws";
        {
            DatasetStore store(ws);
            const int64_t id = store.createDataset("mixed");
            std::vector<Example> rows;
            int i = 0;
            for (const auto& [q, a] : conversations()) {
                Example e;
                e.messages = {{"user", q}, {"assistant", a}};
                e.split = i++ % 5 == 4 ? Split::Validation : Split::Train;
                rows.push_back(e);
            }
            store.addBatch(id, rows, "test");
        }
        RunConfig c = config();
        c.data = {};
        c.data.workspace = ws;
        c.data.dataset = "mixed";
        c.train.packing = true;
        c.train.gradAccum = 2;
        agree(c);
    }

    void unusableDataIsTheTrainersError() {
        RunConfig c = config();
        c.train.maxSeqLen = 8; // no reply token left in any example
        try {
            planRunData(c);
            QFAIL("planned a run with no usable example");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("no train example is left") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestRunPlan)
#include "test_run_plan.moc"
