// The training engine: configuration parsing and validation, schedules, batch plans (length
// grouping, packing that isolates examples), gradient checkpointing and AdamW against references,
// and whole runs on a tiny chat model: loss falls and the tuned model says what it was taught;
// resume is exact; pause/resume/stop from another thread; NaN, empty data and a full disk fail
// cleanly and keep the last good checkpoint.
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

void expectConfigError(const json& j, const char* fragment) {
    try {
        RunConfig::fromJson(j).validate();
        QFAIL(qPrintable(QString("accepted: %1").arg(QString::fromStdString(j.dump()))));
    } catch (const Error& e) {
        QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
    }
}

} // namespace

class TestTrain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void configDefaultsRoundTrip() {
        const json defaults = RunConfig::defaultsJson();
        const RunConfig c = RunConfig::fromJson(defaults);
        QCOMPARE(c.toJson().dump(), defaults.dump());
        c.validate();
        QCOMPARE(c.lora.targets.size(), size_t(7));
    }

    void configErrorsNameTheField() {
        json j = RunConfig::defaultsJson();
        j["train"]["lrr"] = 1;
        expectConfigError(j, "unknown key \"train.lrr\"");
        j = RunConfig::defaultsJson();
        j["colour"] = "red";
        expectConfigError(j, "unknown key \"colour\"");
        j = RunConfig::defaultsJson();
        j["train"]["batch_size"] = 0;
        expectConfigError(j, "train.batch_size");
        j["train"]["batch_size"] = "four";
        expectConfigError(j, "train.batch_size must be a whole number");
        j = RunConfig::defaultsJson();
        j["train"]["schedule"] = "sawtooth";
        expectConfigError(j, "train.schedule");
        j = RunConfig::defaultsJson();
        j["lora"]["targets"] = {"q_proj", "qkv"};
        expectConfigError(j, "lora.targets");
        j = RunConfig::defaultsJson();
        j["train"]["lr"] = -1;
        expectConfigError(j, "train.lr");
        j = RunConfig::defaultsJson();
        j["train"]["loraplus_lr_ratio"] = 0.5;
        expectConfigError(j, "train.loraplus_lr_ratio must be in [1, 1024]");
        j = RunConfig::defaultsJson();
        j["data"] = {{"train", "a.jsonl"}, {"workspace", "w"}, {"dataset", "d"}};
        expectConfigError(j, "not both");
        j = RunConfig::defaultsJson();
        j["dtype"] = "fp16";
        expectConfigError(j, "dtype");
    }

    void relativePathsResolveAgainstTheConfigFile() {
        const std::string dir = test::makeTempDir("cfgpath");
        writeFileAtomic(dir + "/run.json", R"({"model": "m", "data": {"train": "t.jsonl"}, "output_dir": "out"})");
        const RunConfig c = RunConfig::fromFile(dir + "/run.json");
        QCOMPARE(c.model, std::filesystem::absolute(dir + "/m").lexically_normal().string());
        QCOMPARE(c.data.trainFile, std::filesystem::absolute(dir + "/t.jsonl").lexically_normal().string());
    }

    void schedules() {
        TrainSettings s;
        s.lr = 1.0;
        s.warmupSteps = 4;
        s.schedule = Schedule::Cosine;
        QCOMPARE(learningRate(s, 0, 104), 0.2);
        QCOMPARE(learningRate(s, 3, 104), 0.8);
        QCOMPARE(learningRate(s, 4, 104), 1.0);
        QVERIFY(std::abs(learningRate(s, 54, 104) - 0.5) < 1e-12);
        QVERIFY(std::abs(learningRate(s, 104, 104)) < 1e-12);
        s.minLrRatio = 0.1;
        QVERIFY(std::abs(learningRate(s, 104, 104) - 0.1) < 1e-12);
        s.schedule = Schedule::Linear;
        s.minLrRatio = 0;
        QVERIFY(std::abs(learningRate(s, 54, 104) - 0.5) < 1e-12);
        s.schedule = Schedule::Constant;
        QCOMPARE(learningRate(s, 90, 104), 1.0);
    }

    // What each loss mode trains on, and truncation.
    void examplesEncodeWithTheRightMask() {
        const std::string dir = test::makeTempDir("encode");
        test::writeTinyChatModel(dir, 1);
        const auto tok = Tokenizer::load(dir);
        const ChatTemplate tmpl = ChatTemplate::forTokenizer(*tok);
        const int32_t eos = tok->config().eosId;
        TrainingSequence raw = encodeExample(*tok, tmpl, {{"text", "abc"}}, LossOn::Assistant, 64);
        QCOMPARE(raw.ids, (std::vector<int32_t>{'a', 'b', 'c', eos}));
        QCOMPARE(raw.targets(), int64_t(3));
        const std::vector<Message> chat = {{"user", "hi"}, {"assistant", "yo"}};
        const TrainingSequence replies = encodeExample(*tok, tmpl, chat, LossOn::Assistant, 64);
        const TrainingSequence all = encodeExample(*tok, tmpl, chat, LossOn::All, 64);
        QCOMPARE(replies.ids, all.ids);
        QCOMPARE(replies.targets(), int64_t(4));   // "y", "o", <|im_end|>, "\n"
        QCOMPARE(all.targets(), int64_t(all.ids.size()) - 1);
        bool truncated = false;
        const TrainingSequence cut = encodeExample(*tok, tmpl, chat, LossOn::Assistant, 10, &truncated);
        QVERIFY(truncated);
        QCOMPARE(cut.ids.size(), size_t(10));
    }

    void batchPlansCoverEveryExampleOnce() {
        std::vector<int64_t> lengths;
        for (int i = 0; i < 1000; ++i) lengths.push_back(5 + (i * 37) % 200);
        BatchPlanOptions o;
        o.batchSize = 8;
        o.seed = 11;
        const auto a = planEpoch(lengths, o, 0), b = planEpoch(lengths, o, 0), c = planEpoch(lengths, o, 1);
        std::multiset<int32_t> seen;
        double spread = 0;
        for (const auto& batch : a) {
            int64_t lo = 1 << 30, hi = 0;
            for (const auto& row : batch.rows) {
                QCOMPARE(row.size(), size_t(1));
                seen.insert(row[0]);
                lo = std::min(lo, lengths[size_t(row[0])]);
                hi = std::max(hi, lengths[size_t(row[0])]);
            }
            spread += double(hi - lo);
        }
        QCOMPARE(seen.size(), lengths.size());
        QCOMPARE(std::set<int32_t>(seen.begin(), seen.end()).size(), lengths.size());
        QVERIFY2(spread / double(a.size()) < 10, "batches should hold examples of similar length");
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i) QCOMPARE(a[i].rows, b[i].rows);
        bool differs = false;
        for (size_t i = 0; i < a.size(); ++i) differs |= a[i].rows != c[i].rows;
        QVERIFY2(differs, "each epoch has its own order");

        o.packing = true;
        o.maxSeqLen = 256;
        std::multiset<int32_t> packed;
        for (const auto& batch : planEpoch(lengths, o, 0))
            for (const auto& row : batch.rows) {
                int64_t used = 0;
                for (int32_t i : row) {
                    packed.insert(i);
                    used += lengths[size_t(i)];
                }
                QVERIFY(used <= 256);
            }
        QCOMPARE(packed.size(), lengths.size());
    }

    // Examples packed into one row score exactly as they do alone: they never attend to each other
    // and their positions restart.
    void packedExamplesDoNotSeeEachOther() {
        torch::manual_seed(0);
        CausalLM model(test::tinyConfig("llama-gqa"), torch::TensorOptions().dtype(torch::kFloat32));
        initRandomWeights(model, 5, 0.2);
        std::vector<TrainingSequence> seqs(2);
        for (int i = 0; i < 2; ++i)
            for (int t = 0; t < 9 + 4 * i; ++t) {
                seqs[size_t(i)].ids.push_back((t * 7 + i * 13) % 97);
                seqs[size_t(i)].lossMask.push_back(t > 2);
            }
        torch::NoGradGuard g;
        MicroBatch packed{{{0, 1}}};
        const auto together = summedNll(*model, collateBatch(packed, seqs, torch::kCPU)).item<double>();
        double alone = 0;
        for (int32_t i : {0, 1}) alone += summedNll(*model, collateBatch(MicroBatch{{{i}}}, seqs, torch::kCPU)).item<double>();
        QVERIFY2(std::abs(together - alone) < 1e-4 * alone, qPrintable(QString("%1 vs %2").arg(together).arg(alone)));
        // Padding in an unpacked batch changes nothing either.
        const auto padded = summedNll(*model, collateBatch(MicroBatch{{{0}, {1}}}, seqs, torch::kCPU)).item<double>();
        QVERIFY(std::abs(padded - alone) < 1e-4 * alone);
    }

    // Recomputing layers in backward gives the same gradients, dropout included.
    void gradientCheckpointingMatches() {
        std::vector<TrainingSequence> seqs(2);
        for (int i = 0; i < 2; ++i)
            for (int t = 0; t < 12; ++t) {
                seqs[size_t(i)].ids.push_back((t * 5 + i * 11) % 97);
                seqs[size_t(i)].lossMask.push_back(1);
            }
        std::vector<torch::Tensor> grads[2];
        for (int checkpointed = 0; checkpointed < 2; ++checkpointed) {
            CausalLM model = test::tinyLoraModel("llama-gqa", torch::kFloat32, 0.3);
            model->train();
            torch::manual_seed(42);
            summedNll(*model, collateBatch(MicroBatch{{{0}, {1}}}, seqs, torch::kCPU), checkpointed == 1).backward();
            for (auto& [n, t] : adapterTensors(model)) grads[checkpointed].push_back(t.grad().clone());
        }
        for (size_t i = 0; i < grads[0].size(); ++i)
            QVERIFY2(torch::allclose(grads[0][i], grads[1][i], 1e-5, 1e-6), qPrintable(QString("gradient %1 differs").arg(i)));
    }

    // The sliced LM-head loss gives plain autograd's loss and gradients (hidden and weight) for any
    // slice size, scales them by the gradient that reaches it, and skips the gradients when none are
    // wanted; in bfloat16 it stays within bfloat16 rounding of the plain computation.
    void slicedCrossEntropyMatchesPlainAutograd() {
        torch::manual_seed(3);
        const int64_t N = 37, H = 16, V = 50;
        const auto targets = torch::randint(V, {N}, torch::TensorOptions().dtype(torch::kInt64));
        const auto h0 = torch::randn({N, H}), w0 = torch::randn({V, H}) * 0.5;
        auto plain = [&](torch::ScalarType dtype) {
            auto h = h0.to(dtype).detach().clone().requires_grad_(true), w = w0.to(dtype).detach().clone().requires_grad_(true);
            const auto loss = at::cross_entropy_loss(torch::linear(h, w).to(torch::kFloat32), targets, {}, at::Reduction::Sum);
            (loss * 0.25).backward();
            return std::make_tuple(loss.item<double>(), h.grad().to(torch::kFloat32), w.grad().to(torch::kFloat32));
        };
        const auto [refLoss, refH, refW] = plain(torch::kFloat32);
        for (int64_t rows : {int64_t(1), int64_t(5), N, int64_t(100)}) {
            auto h = h0.clone().requires_grad_(true), w = w0.clone().requires_grad_(true);
            const auto loss = linearCrossEntropySum(h, w, targets, rows);
            QCOMPARE(loss.scalar_type(), torch::kFloat32);
            QVERIFY2(std::abs(loss.item<double>() - refLoss) < 1e-5 * refLoss, qPrintable(QString("rows %1: %2 vs %3").arg(rows).arg(loss.item<double>()).arg(refLoss)));
            (loss * 0.25).backward();
            QVERIFY2(torch::allclose(h.grad(), refH, 1e-5, 1e-6), qPrintable(QString("hidden gradient, rows %1").arg(rows)));
            QVERIFY2(torch::allclose(w.grad(), refW, 1e-5, 1e-6), qPrintable(QString("weight gradient, rows %1").arg(rows)));
        }
        {   // a frozen head (LoRA): no weight gradient; evaluation: no gradients at all
            auto h = h0.clone().requires_grad_(true);
            linearCrossEntropySum(h, w0, targets, 8).backward();
            QVERIFY(torch::allclose(h.grad() * 0.25, refH, 1e-5, 1e-6));
            QVERIFY(!w0.grad().defined());
            torch::NoGradGuard noGrad;
            const auto evalLoss = linearCrossEntropySum(h, w0, targets, 8);
            QVERIFY(!evalLoss.requires_grad());
            QVERIFY(std::abs(evalLoss.item<double>() - refLoss) < 1e-5 * refLoss);
        }
        const auto [bfLoss, bfH, bfW] = plain(torch::kBFloat16);
        auto h = h0.to(torch::kBFloat16).detach().clone().requires_grad_(true), w = w0.to(torch::kBFloat16).detach().clone().requires_grad_(true);
        const auto loss = linearCrossEntropySum(h, w, targets, 7);
        (loss * 0.25).backward();
        QCOMPARE(h.grad().scalar_type(), torch::kBFloat16);
        QCOMPARE(w.grad().scalar_type(), torch::kBFloat16);
        QVERIFY(std::abs(loss.item<double>() - bfLoss) < 1e-3 * bfLoss);
        QVERIFY(torch::allclose(h.grad().to(torch::kFloat32), bfH, 2e-2, 2e-3));
        QVERIFY(torch::allclose(w.grad().to(torch::kFloat32), bfW, 2e-2, 2e-3));
    }

    void memoryEstimateCountsTheAdaptersAndScales() {
        const LlamaConfig config = test::tinyConfig("llama-gqa");
        const ModelSummary shape = summarizeConfig(config);
        for (const auto& targets : {std::vector<std::string>{"q_proj", "v_proj"}, loraTargetNames()}) {
            CausalLM model(config, torch::TensorOptions().dtype(torch::kFloat32));
            LoraConfig lora;
            lora.r = 4;
            lora.targets = targets;
            applyLora(model, lora, 1);
            int64_t trainable = 0;
            for (auto& [n, t] : adapterTensors(model)) trainable += t.numel();
            QCOMPARE(loraParameterCount(shape, lora), trainable);
        }
        RunConfig run;
        run.lora.targets = loraTargetNames();
        run.lora.dropout = 0;
        run.train.batchSize = 2;
        run.train.maxSeqLen = 64;
        const MemoryEstimate base = estimateTrainingMemory(shape, run, false, false);
        {   // dropout keeps a one-byte mask per adapter input value
            RunConfig dropped = run;
            dropped.lora.dropout = 0.1;
            const int64_t headDim = shape.headDim > 0 ? shape.headDim : shape.hiddenSize / shape.heads;
            const int64_t inputs = 5 * shape.hiddenSize + shape.heads * headDim + shape.intermediateSize;   // q,k,v,gate,up; o; down
            QCOMPARE(estimateTrainingMemory(shape, dropped, false, false).activations - base.activations,
                     uint64_t(shape.layers) * uint64_t(2 * 64) * uint64_t(inputs));
        }
        QCOMPARE(base.weights, uint64_t(shape.parameters) * 4);   // fp32 on the CPU
        QCOMPARE(base.adapters, uint64_t(base.trainableParams) * 16);
        // A tiny vocabulary: one slice holds every row.
        QCOMPARE(base.logits, uint64_t(2 * 64) * uint64_t(shape.vocabSize) * 8 + uint64_t(2 * 64) * uint64_t(shape.hiddenSize) * 8);
        ModelSummary bigVocab = shape;   // Qwen's vocabulary: the logits stop growing at one slice
        bigVocab.vocabSize = 151936;
        RunConfig longRows = run;
        longRows.train.maxSeqLen = 4096;
        QCOMPARE(estimateTrainingMemory(bigVocab, longRows, false, false).logits,
                 uint64_t(crossEntropySliceRows(151936)) * 151936 * 8 + uint64_t(2 * 4096) * uint64_t(shape.hiddenSize) * 8);
        RunConfig doubled = run;
        doubled.train.batchSize = 4;
        QVERIFY(estimateTrainingMemory(shape, doubled, false, false).activations == 2 * base.activations);
        RunConfig checkpointed = run;
        checkpointed.train.gradientCheckpointing = true;
        QVERIFY(estimateTrainingMemory(shape, checkpointed, false, false).activations < base.activations);
        QVERIFY(estimateTrainingMemory(shape, run, false, true).activations < base.activations);   // fused attention
        const MemoryEstimate cuda = estimateTrainingMemory(shape, run, true, true);   // auto = bf16 there
        QCOMPARE(cuda.weights, base.weights / 2);
    }

    void adamwMatchesTorch() {
        torch::manual_seed(1);
        auto a = torch::randn({5, 3}).requires_grad_(true);
        auto b = a.detach().clone().requires_grad_(true);
        AdamW ours({{"w", a}}, {0.9, 0.95, 1e-6, 0.1});
        torch::optim::AdamW reference({b}, torch::optim::AdamWOptions(0.01).betas({0.9, 0.95}).eps(1e-6).weight_decay(0.1));
        for (int step = 0; step < 5; ++step) {
            const auto g = torch::randn({5, 3});
            a.mutable_grad() = g.clone();
            b.mutable_grad() = g.clone();
            ours.step(0.01);
            reference.step();
        }
        QVERIFY(torch::allclose(a, b, 1e-6, 1e-7));

        // Parameters the decay predicate leaves out take the same step as with no decay at all.
        auto c = torch::randn({4}).requires_grad_(true), d = c.detach().clone().requires_grad_(true);
        auto e = c.detach().clone().requires_grad_(true);
        AdamWOptions exempting{0.9, 0.95, 1e-6, 0.1};
        exempting.decays = [](const std::string& name) { return name != "norm.weight"; };
        AdamW partly({{"norm.weight", c}, {"w", e}}, exempting);
        AdamW none({{"norm.weight", d}}, {0.9, 0.95, 1e-6, 0.0});
        const auto g = torch::randn({4});
        c.mutable_grad() = g.clone();
        d.mutable_grad() = g.clone();
        e.mutable_grad() = g.clone();
        partly.step(0.01);
        none.step(0.01);
        QVERIFY(torch::equal(c, d));
        QVERIFY(!torch::equal(e, d));   // and the others do decay

        // A learning-rate scale of 4 (LoRA+'s B matrices) is the same as a 4x larger lr for that
        // parameter, and leaves the others as they were.
        auto p = torch::randn({6}).requires_grad_(true), q = p.detach().clone().requires_grad_(true);
        auto r = p.detach().clone().requires_grad_(true), u = p.detach().clone().requires_grad_(true);
        AdamWOptions scaled{0.9, 0.95, 1e-6, 0.1};
        scaled.lrScale = [](const std::string& name) { return name == "x.lora_B.weight" ? 4.0 : 1.0; };
        AdamW withScale({{"x.lora_B.weight", p}, {"x.lora_A.weight", r}}, scaled);
        AdamW fourTimes({{"b", q}}, {0.9, 0.95, 1e-6, 0.1});
        AdamW plain({{"a", u}}, {0.9, 0.95, 1e-6, 0.1});
        for (int step = 0; step < 3; ++step) {
            const auto grad = torch::randn({6});
            for (auto* t : {&p, &q, &r, &u}) t->mutable_grad() = grad.clone();
            withScale.step(0.01);
            fourTimes.step(0.04);
            plain.step(0.01);
        }
        QVERIFY(torch::allclose(p, q, 1e-6, 1e-7));
        QVERIFY(torch::allclose(r, u, 1e-6, 1e-7));
        QVERIFY(!torch::allclose(p, r, 1e-4, 1e-4));
    }

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
        QCOMPARE(rec.of("checkpoint").size(), size_t(2));   // step 75 and the end
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
        loadAdapter(out.adapterDir, tuned.model);
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
        loadAdapter(out.adapterDir, m.model);   // usable
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
        c.train.maxSeqLen = 8;   // the prompts alone are longer
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
        loadAdapter(checkpoints[0].path, m.model);   // intact and loadable
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
