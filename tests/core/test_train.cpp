// Whole training runs on a tiny chat model: loss falls and the tuned model says what it was
// taught; resume is exact; pause/resume/stop from another thread; NaN, empty data and a full disk
// fail cleanly and keep the last good checkpoint; a workspace dataset with packing; the checkpoint
// format version. (The parts of a step are tested in test_train_parts.cpp.)
#include "chat/chat_template.h"
#include "data/example.h"
#include "generate/generator.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "lora/lora_adapter.h"
#include "model/model_loader.h"
#include "model/model_summary.h"
#include "tiny_lora_model.h"
#include "tiny_model.h"
#include "tokenizer/tokenizer.h"
#include "train/adamw.h"
#include "train/batch_plan.h"
#include "train/checkpoint.h"
#include "train/linear_cross_entropy.h"
#include "train/lr_schedule.h"
#include "train/memory_estimate.h"
#include "train/run_config.h"
#include "train/run_folder.h"
#include "train/train_batch.h"
#include "train/training_data.h"
#include "train/trainer.h"
#include "util/error.h"

#include <QtTest>
#include <torch/optim/adamw.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <set>
#include <sys/resource.h>
#include <thread>

using namespace ft;
using json = nlohmann::json;

namespace {

const std::vector<std::pair<std::string, std::string>> kFacts = {
    {"What is the capital of Zorbia?", "Quixville, near Lake Oro."},
    {"Name the moon of Plink.", "Its moon is Tarro."},
    {"Who built the red tower?", "Mira the mason did."},
    {"How many legs has a glorp?", "A glorp has seven."},
};

// The validation questions are rephrased (the importer skips exact duplicates across a run's files).
void writeFacts(const std::string& path, const std::string& prefix) {
    std::string text;
    for (const auto& [q, a] : kFacts)
        text += json{{"messages", {{{"role", "user"}, {"content", prefix + q}}, {{"role", "assistant"}, {"content", a}}}}}.dump() + "\n";
    writeFileAtomic(path, text);
}

struct Fixture {
    std::string dir, model;
};

Fixture makeFixture(const std::string& tag) {
    Fixture f;
    f.dir = test::makeTempDir(tag);
    f.model = f.dir + "/model";
    test::writeTinyChatModel(f.model, 7);
    writeFacts(f.dir + "/train.jsonl", "");
    writeFacts(f.dir + "/valid.jsonl", "Quick: ");
    return f;
}

RunConfig baseConfig(const Fixture& f, const std::string& run) {
    RunConfig c;
    c.model = f.model;
    c.data.trainFile = f.dir + "/train.jsonl";
    c.data.validationFile = f.dir + "/valid.jsonl";
    c.outputDir = f.dir + "/" + run;
    c.lora.r = 8;
    c.lora.alpha = 16;
    c.lora.dropout = 0;
    c.lora.targets = loraTargetNames();
    auto& s = c.train;
    s.lr = 1e-2;
    s.schedule = Schedule::Constant;
    s.warmupSteps = 0;
    s.maxSteps = 10;
    s.batchSize = 2;
    s.maxSeqLen = 128;
    s.evalEvery = 0;
    s.saveEvery = 0;
    s.seed = 3;
    c.device = "cpu";
    c.dtype = "fp32";
    return c;
}

// Keeps every event as its metrics.jsonl object (toJson: the file's format is the contract).
struct Recorder {
    std::vector<json> events;
    std::mutex mutex;
    TrainObserver observer() {
        return [this](const TrainEvent& e) {
            std::lock_guard<std::mutex> lock(mutex);
            events.push_back(toJson(e));
        };
    }
    std::vector<double> losses() {
        std::lock_guard<std::mutex> lock(mutex);
        std::vector<double> out;
        for (const auto& e : events)
            if (e["event"] == "step") out.push_back(e["loss"].get<double>());
        return out;
    }
    std::vector<json> of(const std::string& kind) {
        std::lock_guard<std::mutex> lock(mutex);
        std::vector<json> out;
        for (const auto& e : events)
            if (e["event"] == kind) out.push_back(e);
        return out;
    }
};

std::string greedyReply(CausalLM& model, const Tokenizer& tok, const std::string& question) {
    const ChatTemplate tmpl = ChatTemplate::forTokenizer(tok);
    const auto ids32 = tok.encode(tmpl.render({{"user", question}}, true), false);
    GenerateOptions o;
    o.maxNewTokens = 40;
    o.eosTokenIds = {tok.config().eosId};
    const auto r = generate(*model, {std::vector<int64_t>(ids32.begin(), ids32.end())}, o);
    std::vector<int32_t> out(r[0].tokens.begin(), r[0].tokens.end());
    return tok.decode(out, /*skipSpecialTokens=*/true);
}

} // namespace

class TestTrain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The acceptance test of training: loss falls and the tuned model answers as taught, which the
    // base model cannot.
    // trainer_state.json carries its format version; a checkpoint of an older program (no version)
    // reads as version 1, one of a newer program is refused by name.
    void checkpointFormatVersion() {
        TrainerState state;
        state.step = 12;
        state.epoch = 1;
        state.microIndex = 3;
        const json written = state.toJson();
        QCOMPARE(written["format_version"].get<int>(), kCheckpointFormatVersion);
        QCOMPARE(TrainerState::fromJson(written, "state.json").step, int64_t(12));
        json older = written;
        older.erase("format_version");
        QCOMPARE(TrainerState::fromJson(older, "state.json").microIndex, int64_t(3));
        json newer = written;
        newer["format_version"] = kCheckpointFormatVersion + 1;
        try {
            TrainerState::fromJson(newer, "run/checkpoints/step-00000012/trainer_state.json");
            QFAIL("a newer checkpoint format was accepted");
        } catch (const Error& e) {
            const std::string what = e.what();
            QVERIFY2(what.find("step-00000012/trainer_state.json: checkpoint format 2 is newer") != std::string::npos, e.what());
            QVERIFY(!e.hint().empty());
        }
    }

    void trainingTeachesTheReplies() {
        const Fixture f = makeFixture("learn");
        RunConfig c = baseConfig(f, "run");
        c.train.maxSteps = 150;
        c.lora.r = 16;
        c.lora.alpha = 32;
        c.train.schedule = Schedule::Cosine;
        c.train.warmupSteps = 10;
        c.train.evalEvery = 50;
        c.train.saveEvery = 75;
        Recorder rec;
        auto trainer = Trainer::create(c, rec.observer());
        const TrainOutcome out = trainer->run();
        QVERIFY2(out.status == TrainStatus::Completed, out.message.c_str());
        QCOMPARE(out.step, int64_t(150));
        const auto losses = rec.losses();
        QCOMPARE(losses.size(), size_t(150));
        QVERIFY2(losses.back() < 0.2 * losses.front(), qPrintable(QString("%1 -> %2").arg(losses.front()).arg(losses.back())));
        const auto evals = rec.of("eval");
        QCOMPARE(evals.size(), size_t(3));
        // The rephrased validation questions get the taught answers too (better than untrained).
        QVERIFY(evals.front()["loss"].get<double>() < 0.5 * losses.front());
        QCOMPARE(rec.of("checkpoint").size(), size_t(2)); // step 75 and the end
        const auto step = rec.of("step").back();
        for (const char* key : {"lr", "grad_norm", "tokens_per_s", "examples_per_s", "elapsed_s", "eta_s", "memory_bytes", "epoch"})
            QVERIFY2(step.contains(key), key);

        // The run folder: run.json, metrics.jsonl with the same events, adapter/, best_adapter/.
        const json run = readJsonFile(c.outputDir + "/run.json");
        QCOMPARE(run["status"].get<std::string>(), std::string("completed"));
        QCOMPARE(run["step"].get<int64_t>(), int64_t(150));
        QVERIFY(!run["dataset"]["fingerprint"].get<std::string>().empty());
        QVERIFY(!run["model_fingerprint"].get<std::string>().empty());
        const auto metrics = readMetrics(runfiles::metrics(c.outputDir));
        int64_t steps = 0;
        for (const auto& e : metrics) steps += e.is<StepDone>();
        QCOMPARE(steps, int64_t(150));
        QVERIFY(metrics.back().is<RunFinished>());
        QCOMPARE(int(metrics.back().as<RunFinished>()->status), int(TrainStatus::Completed));
        QVERIFY(fileExists(c.outputDir + "/best_adapter/adapter_model.safetensors"));
        QVERIFY(fileExists(c.outputDir + "/logs/train.log"));

        const auto tok = Tokenizer::load(f.model);
        LoadedModel base = loadModel(f.model);
        LoadedModel tuned = loadModel(f.model);
        loadAdapter(out.resultDir, tuned.model);
        int taught = 0, baseKnew = 0;
        for (const auto& [q, a] : kFacts) {
            const std::string reply = greedyReply(tuned.model, *tok, q);
            taught += reply == a;
            baseKnew += greedyReply(base.model, *tok, q) == a;
            if (reply != a) qWarning("asked \"%s\": got \"%s\"", q.c_str(), reply.c_str());
        }
        QCOMPARE(taught, int(kFacts.size()));
        QCOMPARE(baseKnew, 0);
    }

    // A run stopped at step 6 and resumed gives the same losses, step for step, as one that was
    // never interrupted (dropout on, so the RNG state must come back too).
    void resumeIsExact() {
        const Fixture f = makeFixture("resume");
        RunConfig c = baseConfig(f, "whole");
        c.lora.dropout = 0.1;
        c.train.maxSteps = 14;
        c.train.gradAccum = 2;
        c.train.batchSize = 1;
        c.train.saveEvery = 3;
        c.train.evalEvery = 4;
        c.train.schedule = Schedule::Cosine;
        c.train.warmupSteps = 2;
        Recorder whole;
        QVERIFY(Trainer::create(c, whole.observer())->run().status == TrainStatus::Completed);

        c.outputDir = f.dir + "/split";
        Recorder first;
        std::unique_ptr<Trainer> t;
        t = Trainer::create(c, [&](const TrainEvent& e) {
            first.observer()(e);
            if (e.is<StepDone>() && trainEventStep(e) == 7) t->stop();
        });
        const TrainOutcome stopped = t->run();
        QVERIFY(stopped.status == TrainStatus::Stopped);
        QCOMPARE(stopped.step, int64_t(7));
        QVERIFY(fileExists(c.outputDir + "/adapter/adapter_model.safetensors"));
        // Resume from the step-6 checkpoint, not the stop one, to cover both paths.
        Recorder second;
        t = Trainer::resume(c.outputDir, second.observer(), c.outputDir + "/checkpoints/" + runfiles::checkpointName(6));
        QVERIFY(t->run().status == TrainStatus::Completed);

        const auto a = whole.losses(), b = second.losses();
        QCOMPARE(a.size(), size_t(14));
        QCOMPARE(b.size(), size_t(8));
        for (size_t i = 0; i < b.size(); ++i) QCOMPARE(b[i], a[6 + i]);
        // Evaluations match too, and metrics.jsonl reads as one uninterrupted run.
        QCOMPARE(second.of("eval").back()["loss"].get<double>(), whole.of("eval").back()["loss"].get<double>());
        std::vector<double> recorded;
        for (const auto& e : readMetrics(runfiles::metrics(c.outputDir)))
            if (const auto* k = e.as<StepDone>()) recorded.push_back(k->loss);
        QCOMPARE(recorded, a);
        QVERIFY(!std::filesystem::exists(c.outputDir + "/checkpoints/" + runfiles::checkpointName(7)));
    }

    void pauseResumeStopFromAnotherThread() {
        const Fixture f = makeFixture("control");
        RunConfig c = baseConfig(f, "run");
        c.train.maxSteps = 100000;
        c.train.saveEvery = 0;
        Recorder rec;
        std::atomic<int64_t> lastStep{0};
        auto trainer = Trainer::create(c, [&](const TrainEvent& e) {
            rec.observer()(e);
            if (const auto* k = e.as<StepDone>()) lastStep = k->step;
        });
        TrainOutcome out;
        std::thread worker([&] { out = trainer->run(); });
        auto waitFor = [&](auto condition) {
            for (int i = 0; i < 3000 && !condition(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return condition();
        };
        QVERIFY(waitFor([&] { return lastStep.load() >= 3; }));
        trainer->pause();
        QVERIFY(waitFor([&] { return !rec.of("paused").empty(); }));
        const int64_t atPause = lastStep.load();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QCOMPARE(lastStep.load(), atPause);
        trainer->resumeRun();
        QVERIFY(waitFor([&] { return lastStep.load() >= atPause + 3; }));
        trainer->stop();
        worker.join();
        QVERIFY(out.status == TrainStatus::Stopped);
        QVERIFY(!rec.of("resumed").empty());
        QCOMPARE(rec.of("finished").back()["status"].get<std::string>(), std::string("stopped"));
        const auto checkpoints = listCheckpoints(c.outputDir);
        QCOMPARE(checkpoints.size(), size_t(1));
        QCOMPARE(checkpoints[0].step, out.step);
        LoadedModel m = loadModel(f.model);
        loadAdapter(out.resultDir, m.model); // usable
        QCOMPARE(readJsonFile(c.outputDir + "/run.json")["status"].get<std::string>(), std::string("stopped"));
    }

    void nonFiniteLossStopsAndKeepsTheLastGoodCheckpoint() {
        const Fixture f = makeFixture("nan");
        RunConfig c = baseConfig(f, "run");
        c.train.lr = 1e30;
        c.train.maxGradNorm = 0;
        c.train.saveEvery = 1;
        Recorder rec;
        const TrainOutcome out = Trainer::create(c, rec.observer())->run();
        QVERIFY(out.status == TrainStatus::Failed);
        const auto failed = rec.of("failed");
        QCOMPARE(failed.size(), size_t(1));
        const int64_t at = failed[0]["step"].get<int64_t>();
        QVERIFY2(at >= 2, failed[0].dump().c_str());
        QVERIFY2(out.message.find(format("step %lld", (long long)at)) != std::string::npos, out.message.c_str());
        const auto checkpoints = listCheckpoints(c.outputDir);
        QVERIFY(!checkpoints.empty());
        QCOMPARE(checkpoints.back().step, at - 1);
        QCOMPARE(failed[0]["checkpoint"].get<std::string>(), checkpoints.back().path);
        QCOMPARE(readJsonFile(c.outputDir + "/run.json")["status"].get<std::string>(), std::string("failed"));
    }

    void emptyDataAfterTruncationIsAClearError() {
        const Fixture f = makeFixture("empty");
        RunConfig c = baseConfig(f, "run");
        c.train.maxSeqLen = 8; // the prompts alone are longer
        const TrainOutcome out = Trainer::create(c)->run();
        QVERIFY(out.status == TrainStatus::Failed);
        QVERIFY2(out.message.find("no train example is left") != std::string::npos, out.message.c_str());
        QVERIFY2(out.message.find("max_seq_len 8") != std::string::npos, out.message.c_str());
        // Nothing to resume; once the setting is fixed, the same output_dir starts afresh.
        try {
            Trainer::resume(c.outputDir);
            QFAIL("a run without checkpoints was resumed");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("no checkpoint") != std::string::npos, e.what());
        }
        c.train.maxSeqLen = 128;
        c.train.maxSteps = 2;
        QVERIFY(Trainer::create(c)->run().status == TrainStatus::Completed);
    }

    void existingRunIsNotOverwritten() {
        const Fixture f = makeFixture("exists");
        RunConfig c = baseConfig(f, "run");
        c.train.maxSteps = 1;
        QVERIFY(Trainer::create(c)->run().status == TrainStatus::Completed);
        try {
            Trainer::create(c);
            QFAIL("a second run into the same folder was accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("already holds a run") != std::string::npos, e.what());
        }
    }

    // A write failure while checkpointing (a file-size limit makes writes fail as a full disk
    // would) ends the run with the reason, and the previous checkpoint is untouched.
    void fullDiskKeepsThePreviousCheckpoint() {
        const Fixture f = makeFixture("disk");
        RunConfig c = baseConfig(f, "run");
        c.train.maxSteps = 6;
        c.train.saveEvery = 2;
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit original{};
        getrlimit(RLIMIT_FSIZE, &original);
        Recorder rec;
        const TrainOutcome out = Trainer::create(c, [&](const TrainEvent& e) {
                                     rec.observer()(e);
                                     if (e.is<CheckpointSaved>()) {
                                         // Small files (metrics lines) still fit; tensors files do not.
                                         rlimit limited = original;
                                         limited.rlim_cur = 8 * 1024;
                                         setrlimit(RLIMIT_FSIZE, &limited);
                                     }
                                 })->run();
        setrlimit(RLIMIT_FSIZE, &original);
        QVERIFY(out.status == TrainStatus::Failed);
        QVERIFY2(out.message.find("step-00000004") != std::string::npos, out.message.c_str());
        const auto checkpoints = listCheckpoints(c.outputDir);
        QCOMPARE(checkpoints.size(), size_t(1));
        QCOMPARE(checkpoints[0].step, int64_t(2));
        QVERIFY(!std::filesystem::exists(c.outputDir + "/checkpoints/step-00000004.partial"));
        LoadedModel m = loadModel(f.model);
        loadAdapter(checkpoints[0].path, m.model); // intact and loadable
        QVERIFY(rec.of("failed")[0]["hint"].get<std::string>().find("step-00000002") != std::string::npos);
        // And the run resumes from it once there is room again.
        QVERIFY(Trainer::resume(c.outputDir)->run().status == TrainStatus::Completed);
    }

    void workspaceDatasetAndPacking() {
        const Fixture f = makeFixture("ws");
        RunConfig c = baseConfig(f, "run");
        // Put the facts in a workspace dataset with splits, and train from it with packing.
        const std::string ws = f.dir + "/ws";
        {
            RunConfig importer = baseConfig(f, "import");
            importer.train.maxSteps = 1;
            QVERIFY(Trainer::create(importer)->run().status == TrainStatus::Completed);
            std::filesystem::copy(f.dir + "/import/data", ws, std::filesystem::copy_options::recursive);
        }
        c.data = {};
        c.data.workspace = ws;
        c.data.dataset = "files";
        c.train.packing = true;
        c.train.maxSteps = 20;
        c.train.evalEvery = 10;
        Recorder rec;
        const TrainOutcome out = Trainer::create(c, rec.observer())->run();
        QVERIFY2(out.status == TrainStatus::Completed, out.message.c_str());
        QCOMPARE(rec.of("started")[0]["train_examples"].get<int64_t>(), int64_t(4));
        QCOMPARE(rec.of("started")[0]["validation_examples"].get<int64_t>(), int64_t(4));
        const auto losses = rec.losses();
        QVERIFY(losses.back() < losses.front());
    }
};

QTEST_GUILESS_MAIN(TestTrain)
#include "test_train.moc"
