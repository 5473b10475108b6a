// The parts of a training step, each against a reference: configuration parsing and validation
// (every bad field named), schedules, example encoding and its loss mask, batch plans (length
// grouping, packing that isolates examples), gradient checkpointing, the sliced cross-entropy, the
// memory estimate, and AdamW against libtorch's.
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

void expectConfigError(const json& j, const char* fragment) {
    try {
        RunConfig::fromJson(j).validate();
        QFAIL(qPrintable(QString("accepted: %1").arg(QString::fromStdString(j.dump()))));
    } catch (const Error& e) {
        QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
    }
}

} // namespace

class TestTrainParts : public QObject {
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
        QCOMPARE(replies.targets(), int64_t(4)); // "y", "o", <|im_end|>, "\n"
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
            QVERIFY2(std::abs(loss.item<double>() - refLoss) < 1e-5 * refLoss,
                     qPrintable(QString("rows %1: %2 vs %3").arg(rows).arg(loss.item<double>()).arg(refLoss)));
            (loss * 0.25).backward();
            QVERIFY2(torch::allclose(h.grad(), refH, 1e-5, 1e-6), qPrintable(QString("hidden gradient, rows %1").arg(rows)));
            QVERIFY2(torch::allclose(w.grad(), refW, 1e-5, 1e-6), qPrintable(QString("weight gradient, rows %1").arg(rows)));
        }
        { // a frozen head (LoRA): no weight gradient; evaluation: no gradients at all
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
        auto h = h0.to(torch::kBFloat16).detach().clone().requires_grad_(true),
             w = w0.to(torch::kBFloat16).detach().clone().requires_grad_(true);
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
        { // dropout keeps a one-byte mask per adapter input value
            RunConfig dropped = run;
            dropped.lora.dropout = 0.1;
            const int64_t headDim = shape.headDim > 0 ? shape.headDim : shape.hiddenSize / shape.heads;
            const int64_t inputs = 5 * shape.hiddenSize + shape.heads * headDim + shape.intermediateSize; // q,k,v,gate,up; o; down
            QCOMPARE(estimateTrainingMemory(shape, dropped, false, false).activations - base.activations,
                     uint64_t(shape.layers) * uint64_t(2 * 64) * uint64_t(inputs));
        }
        QCOMPARE(base.weights, uint64_t(shape.parameters) * 4); // fp32 on the CPU
        QCOMPARE(base.adapters, uint64_t(base.trainableParams) * 16);
        // A tiny vocabulary: one slice holds every row.
        QCOMPARE(base.logits, uint64_t(2 * 64) * uint64_t(shape.vocabSize) * 8 + uint64_t(2 * 64) * uint64_t(shape.hiddenSize) * 8);
        ModelSummary bigVocab = shape; // Qwen's vocabulary: the logits stop growing at one slice
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
        QVERIFY(estimateTrainingMemory(shape, run, false, true).activations < base.activations); // fused attention
        const MemoryEstimate cuda = estimateTrainingMemory(shape, run, true, true);              // auto = bf16 there
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
        QVERIFY(!torch::equal(e, d)); // and the others do decay

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
};

QTEST_GUILESS_MAIN(TestTrainParts)
#include "test_train_parts.moc"
