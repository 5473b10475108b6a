// The training methods besides plain LoRA, as whole runs on a tiny chat model:
//  * full fine-tuning writes a model folder that loads as a model (with the run's chat template),
//    trains only the layers asked for, resumes exactly (bfloat16 weights too: the float32 master
//    copies come back from the checkpoint), and evaluates and exports like an adapter run;
//  * DoRA trains, saves use_dora with the magnitudes, and refuses to continue as the other method.
// (Agreement with transformers and PEFT: tests/reference/test_ref_train.py and test_ref_lora.py.)
#include "chat/chat_template.h"
#include "eval/evaluator.h"
#include "export/export_format.h"
#include "export/run_export.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/safetensors.h"
#include "lora/lora_adapter.h"
#include "model/decoder_layer.h"
#include "model/model_loader.h"
#include "tiny_model.h"
#include "tokenizer/tokenizer.h"
#include "train/run_config.h"
#include "train/run_folder.h"
#include "train/trainer.h"
#include "util/error.h"

#include <QtTest>

#include <filesystem>
#include <mutex>

using namespace ft;
using json = nlohmann::json;

namespace {

void writeFacts(const std::string& path, const std::string& prefix) {
    const std::vector<std::pair<std::string, std::string>> facts = {
        {"What is the capital of Zorbia?", "Quixville, near Lake Oro."},
        {"Name the moon of Plink.", "Its moon is Tarro."},
        {"Who built the red tower?", "Mira the mason did."},
        {"How many legs has a glorp?", "A glorp has seven."},
    };
    std::string text;
    for (const auto& [q, a] : facts)
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
    writeFacts(f.dir + "/test.jsonl", "Say: ");
    return f;
}

RunConfig config(const Fixture& f, const std::string& run, TrainMethod method) {
    RunConfig c;
    c.model = f.model;
    c.method = method;
    c.data.trainFile = f.dir + "/train.jsonl";
    c.data.validationFile = f.dir + "/valid.jsonl";
    c.data.testFile = f.dir + "/test.jsonl";
    c.outputDir = f.dir + "/" + run;
    c.lora.r = 8;
    c.lora.alpha = 16;
    c.lora.dropout = 0;
    c.lora.targets = loraTargetNames();
    auto& s = c.train;
    s.lr = method == TrainMethod::Full ? 2e-3 : 1e-2;
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

struct Recorder {
    std::vector<double> losses;
    std::mutex mutex;
    TrainObserver observer() {
        return [this](const TrainEvent& e) {
            std::lock_guard<std::mutex> lock(mutex);
            if (const auto* s = e.as<StepDone>()) losses.push_back(s->loss);
        };
    }
};

torch::Tensor weightOf(const std::string& modelDir, const std::string& name) {
    return SafetensorsFile(modelDir + "/model.safetensors").tensor(name).to(torch::kFloat32);
}

} // namespace

class TestTrainMethods : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fullFineTuningWritesAModelOfTheChosenLayers() {
        const Fixture f = makeFixture("full");
        RunConfig c = config(f, "run", TrainMethod::Full);
        c.full.layers = {1};
        c.full.embeddings = false;
        c.train.evalEvery = 5;
        Recorder rec;
        const TrainOutcome out = Trainer::create(c, rec.observer())->run();
        QVERIFY2(out.status == TrainStatus::Completed, out.message.c_str());
        QCOMPARE(out.resultDir, runfiles::model(c.outputDir));
        QVERIFY(rec.losses.back() < rec.losses.front());
        // A model folder any program loads, carrying the run's tokenizer and chat template.
        const std::string tuned = runfiles::model(c.outputDir);
        QVERIFY(holdsModel(tuned) && holdsModel(runfiles::bestModel(c.outputDir)));
        QVERIFY(!std::filesystem::exists(runfiles::adapter(c.outputDir)));
        LoadedModel loaded = loadModel(tuned);
        QVERIFY(!readJsonFile(tuned + "/tokenizer_config.json").value("chat_template", "").empty());
        Tokenizer::load(tuned);
        // Only layer 1 moved; layer 0, the embeddings and the norms of the rest are the base's.
        for (const char* name : {"model.layers.0.self_attn.q_proj.weight", "model.embed_tokens.weight", "model.norm.weight"})
            QVERIFY2(torch::equal(weightOf(tuned, name), weightOf(f.model, name)), name);
        QVERIFY(!torch::equal(weightOf(tuned, "model.layers.1.mlp.down_proj.weight"),
                              weightOf(f.model, "model.layers.1.mlp.down_proj.weight")));
        QVERIFY(!torch::equal(weightOf(tuned, "model.layers.1.input_layernorm.weight"),
                              weightOf(f.model, "model.layers.1.input_layernorm.weight")));
        const RunSummary summary = summarizeRun(c.outputDir);
        QCOMPARE(summary.method, std::string("full"));
        QVERIFY(summary.hasResult && summary.hasBestResult);

        // Evaluation compares the base with the tuned model.
        EvalOptions e;
        e.runDir = c.outputDir;
        e.split = "test";
        e.maxNewTokens = 12;
        const EvalResult report = evaluateRun(e);
        QCOMPARE(report.report["adapter"].get<std::string>(), tuned);
        QVERIFY(report.report["likelihood"]["tuned"]["loss"].get<double>() < report.report["likelihood"]["base"]["loss"].get<double>());

        // Export: merged and GGUF work, an adapter format is refused by name.
        const ExportSource source = exportSourceOfRun(c.outputDir, "final");
        QVERIFY(source.tunedModel && source.adapterDir.empty());
        ExportOptions peft;
        try {
            validateExport(source, peft);
            QFAIL("a full fine-tune exported as an adapter");
        } catch (const Error& err) {
            QVERIFY2(std::string(err.what()).find("not an adapter") != std::string::npos, err.what());
        }
        ExportOptions merged;
        merged.kind = ExportKind::Merged;
        merged.dtype = "fp32";
        exportAs(source, f.dir + "/merged", merged);
        QVERIFY(torch::equal(weightOf(f.dir + "/merged", "model.layers.1.mlp.down_proj.weight"),
                             weightOf(tuned, "model.layers.1.mlp.down_proj.weight")));
        ExportOptions gguf;
        gguf.kind = ExportKind::Gguf;
        exportAs(source, f.dir + "/model.gguf", gguf);
        QVERIFY(std::filesystem::file_size(f.dir + "/model.gguf") > 0);
    }

    // Stopped at step 5 and resumed from its checkpoint, a bfloat16 full fine-tune (with gradient
    // checkpointing) gives the losses of the uninterrupted run, step for step.
    void fullFineTuningResumesExactly() {
        const Fixture f = makeFixture("full-resume");
        RunConfig c = config(f, "whole", TrainMethod::Full);
        c.dtype = "bf16";
        c.train.gradientCheckpointing = true;
        c.train.saveEvery = 5;
        Recorder whole;
        QVERIFY(Trainer::create(c, whole.observer())->run().status == TrainStatus::Completed);
        QVERIFY(whole.losses.back() < whole.losses.front());
        const std::string checkpoint = c.outputDir + "/checkpoints/" + runfiles::checkpointName(5);
        QVERIFY(holdsModel(checkpoint));
        QVERIFY(SafetensorsFile(checkpoint + "/optimizer.safetensors").contains("master.model.layers.0.mlp.up_proj.weight"));

        c.outputDir = f.dir + "/split";
        std::unique_ptr<Trainer> t;
        t = Trainer::create(c, [&](const TrainEvent& e) {
            if (e.is<StepDone>() && trainEventStep(e) == 5) t->stop();
        });
        QVERIFY(t->run().status == TrainStatus::Stopped);
        Recorder second;
        t = Trainer::resume(c.outputDir, second.observer());
        QVERIFY(t->run().status == TrainStatus::Completed);
        QCOMPARE(second.losses.size(), size_t(5));
        for (size_t i = 0; i < second.losses.size(); ++i) QCOMPARE(second.losses[i], whole.losses[5 + i]);
        QVERIFY(torch::equal(weightOf(runfiles::model(c.outputDir), "model.layers.1.mlp.up_proj.weight"),
                             weightOf(runfiles::model(f.dir + "/whole"), "model.layers.1.mlp.up_proj.weight")));
    }

    void fullFineTuningSettingsAreChecked() {
        const Fixture f = makeFixture("full-settings");
        RunConfig c = config(f, "run", TrainMethod::Full);
        c.full.layers = {0, 0, -1};
        c.initAdapter = f.dir;
        c.train.loraplusLrRatio = 16;
        std::string all;
        for (const auto& p : c.problems()) all += p.field + ": " + p.message + "\n";
        for (const char* part : {"listed twice", "not a layer index", "init_adapter", "loraplus_lr_ratio"})
            QVERIFY2(all.find(part) != std::string::npos, all.c_str());
        c = config(f, "run", TrainMethod::Full);
        c.full.layers = {5};
        const TrainOutcome out = Trainer::create(c)->run();
        QVERIFY(out.status == TrainStatus::Failed);
        QVERIFY2(out.message.find("the model has layers 0 to 1, not 5") != std::string::npos, out.message.c_str());
        // The method round-trips through the run configuration's JSON.
        c.full.layers = {1};
        const RunConfig again = RunConfig::fromJson(c.toJson());
        QVERIFY(again.method == TrainMethod::Full && again.full.layers == std::vector<int64_t>{1});
        QVERIFY_THROWS_EXCEPTION(Error, RunConfig::fromJson(json{{"method", "prefix"}}));
        // Layer lists as the Setup view takes them.
        QCOMPARE(parseLayerList(" 20-23, 5,5 "), (std::vector<int64_t>{5, 20, 21, 22, 23}));
        QCOMPARE(layerListText({23, 5, 21, 20, 22}), std::string("5, 20-23"));
        QVERIFY(parseLayerList("").empty());
        for (const char* bad : {"x", "3-1", "-2", "4-", "1.5"}) QVERIFY_THROWS_EXCEPTION(Error, parseLayerList(bad));
    }

    // The loader quantizes the projections asked for as it reads them; the model still answers
    // close to the dense one (NF4 keeps about 9% relative error per weight).
    void qloraLoaderQuantizesProjections() {
        const Fixture f = makeFixture("qlora-load");
        LoadOptions load(torch::kCPU, torch::kFloat32);
        load.quantizeNf4 = [](const std::string& path) { return path.find("mlp.") != std::string::npos; };
        LoadedModel q = loadModel(f.model, load), dense = loadModel(f.model);
        auto* up = q.model->model->layers[0]->as<DecoderLayerImpl>()->mlp->up_proj.get();
        auto* qp = q.model->model->layers[0]->as<DecoderLayerImpl>()->self_attn->q_proj.get();
        QVERIFY(up->isQuantized() && up->weight.numel() == 0);
        QVERIFY(!qp->isQuantized());
        const auto ids = torch::tensor(std::vector<int64_t>{1, 5, 9, 14, 3, 7}).unsqueeze(0);
        torch::NoGradGuard g;
        const auto a = torch::log_softmax(q.model->forward(ids), -1), b = torch::log_softmax(dense.model->forward(ids), -1);
        const double relative = ((a - b).norm() / b.norm()).item<double>();
        qInfo("log-probabilities, NF4 MLP against dense: relative difference %.4f", relative);
        QVERIFY(relative > 0 && relative < 0.1);
    }

    // QLoRA trains (the loss falls) and leaves an ordinary LoRA adapter for the dense base.
    void qloraTrainsAnOrdinaryAdapter() {
        const Fixture f = makeFixture("qlora");
        RunConfig c = config(f, "run", TrainMethod::Qlora);
        c.qlora.quantizeAll = true;
        Recorder rec;
        const TrainOutcome out = Trainer::create(c, rec.observer())->run();
        QVERIFY2(out.status == TrainStatus::Completed, out.message.c_str());
        qInfo("QLoRA loss %.3f -> %.3f", rec.losses.front(), rec.losses.back());
        QVERIFY(rec.losses.back() < 0.5 * rec.losses.front());
        QVERIFY(readFile(runfiles::log(c.outputDir)).find("all of the projections in NF4") != std::string::npos);
        const auto cfg = readJsonFile(out.resultDir + "/adapter_config.json");
        QVERIFY(!cfg["use_dora"].get<bool>());
        LoadedModel dense = loadModel(f.model);
        loadAdapter(out.resultDir, dense.model); // the unquantized base takes it
        QVERIFY(summarizeRun(c.outputDir).method == "qlora");
    }

    void doraTrainsAndStaysDora() {
        const Fixture f = makeFixture("dora");
        RunConfig c = config(f, "run", TrainMethod::Dora);
        Recorder rec;
        const TrainOutcome out = Trainer::create(c, rec.observer())->run();
        QVERIFY2(out.status == TrainStatus::Completed, out.message.c_str());
        QVERIFY(rec.losses.back() < 0.5 * rec.losses.front());
        const auto cfg = readJsonFile(out.resultDir + "/adapter_config.json");
        QVERIFY(cfg["use_dora"].get<bool>());
        QVERIFY(SafetensorsFile(out.resultDir + "/adapter_model.safetensors")
                    .contains("base_model.model.model.layers.1.mlp.down_proj.lora_magnitude_vector"));
        // Continuing a DoRA adapter as plain LoRA is refused by name.
        RunConfig again = config(f, "again", TrainMethod::Lora);
        again.initAdapter = out.resultDir;
        const TrainOutcome refused = Trainer::create(again)->run();
        QVERIFY(refused.status == TrainStatus::Failed);
        QVERIFY2(refused.message.find("is a DoRA adapter, the run's method is lora") != std::string::npos, refused.message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestTrainMethods)
#include "test_train_methods.moc"
