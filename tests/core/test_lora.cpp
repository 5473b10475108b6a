// LoRA adapters: PEFT initialisation leaves the model unchanged; adapters save and load in PEFT's
// layout with identical outputs; merging equals the adapted model; bad adapters are named errors;
// the command line applies and merges adapters.
#include "generate/generator.h"
#include "io/atomic_file.h"
#include "io/safetensors.h"
#include "lora/lora_adapter.h"
#include "model/model_loader.h"
#include "tiny_model.h"
#include "util/error.h"

#include <QProcess>
#include <QtTest>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace ft;

namespace {

torch::Tensor logitsOf(CausalLM model, const torch::Tensor& ids) { // a holder: shares the module
    torch::NoGradGuard g;
    return model->forward(ids);
}

// Gives every adapter's B random values, so that adapters change the output.
void randomizeB(CausalLM& model, uint64_t seed) {
    torch::NoGradGuard g;
    auto gen = at::detail::createCPUGenerator(seed);
    for (auto& [name, t] : adapterTensors(model))
        if (name.find("lora_B") != std::string::npos) t.copy_(at::normal(0.0, 0.05, t.sizes(), gen, torch::kFloat32));
}

void expectAdapterError(const std::string& dir, const std::string& modelDir, const char* fragment) {
    LoadedModel m = loadModel(modelDir);
    try {
        loadAdapter(dir, m.model);
        QFAIL("the adapter should have been refused");
    } catch (const Error& e) {
        QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
    }
}

} // namespace

class TestLora final : public QObject {
    Q_OBJECT

private:
    std::string m_root, m_model;
    torch::Tensor m_ids;

private Q_SLOTS:
    void initTestCase() {
        m_root = test::makeTempDir("lora");
        m_model = m_root + "/base";
        test::writeTinyModel(m_model, test::tinyConfig("qwen2"), 21);
        m_ids = torch::tensor(std::vector<int64_t>{3, 14, 15, 92, 65, 35, 89, 79}).unsqueeze(0);
    }

    void freshAdaptersChangeNothing() {
        LoadedModel m = loadModel(m_model);
        const auto base = logitsOf(m.model, m_ids);
        LoraConfig c;
        c.r = 4;
        c.alpha = 8;
        c.targets = loraTargetNames();
        applyLora(m.model, c, 1);
        QVERIFY(torch::equal(logitsOf(m.model, m_ids), base)); // B = 0: exactly the base model
        const auto tensors = adapterTensors(m.model);
        QCOMPARE(tensors.size(), size_t(2 * 7 * 2)); // A and B, 7 projections, 2 layers
        for (const auto& [name, t] : tensors) {
            QVERIFY(name.rfind("base_model.model.model.layers.", 0) == 0);
            QVERIFY(t.requires_grad());
            QCOMPARE(t.scalar_type(), torch::kFloat32);
            if (name.find("lora_B") != std::string::npos) QCOMPARE(t.abs().max().item<float>(), 0.0f);
            else QVERIFY(t.abs().max().item<double>() <= 1.0 / std::sqrt(double(t.size(1))) + 1e-7);
        }
        for (const auto& p : m.model->named_parameters())
            if (p.key().find("lora_") == std::string::npos) QVERIFY(!p.value().requires_grad()); // base stays frozen
        QCOMPARE(c.scaling(), 2.0);
        c.rslora = true;
        QCOMPARE(c.scaling(), 4.0); // alpha / sqrt(r)
    }

    void saveLoadMergeRoundTrip() {
        LoadedModel m = loadModel(m_model);
        LoraConfig c;
        c.r = 4;
        c.alpha = 16;
        c.targets = {"q_proj", "v_proj", "down_proj"};
        applyLora(m.model, c, 2);
        randomizeB(m.model, 3);
        const auto adapted = logitsOf(m.model, m_ids);
        QVERIFY(!torch::allclose(adapted, logitsOf(loadModel(m_model).model, m_ids)));
        setLoraEnabled(m.model, false); // the base model from the same weights
        QVERIFY(torch::equal(logitsOf(m.model, m_ids), logitsOf(loadModel(m_model).model, m_ids)));
        setLoraEnabled(m.model, true);

        const std::string dir = m_root + "/adapter";
        saveAdapter(dir, m.model, c, m_model);
        const auto cfg = nlohmann::json::parse(readFile(dir + "/adapter_config.json"));
        QCOMPARE(cfg["peft_type"].get<std::string>(), std::string("LORA"));
        QCOMPARE(cfg["r"].get<int>(), 4);
        QCOMPARE(cfg["lora_alpha"].get<double>(), 16.0);
        QCOMPARE(cfg["target_modules"].get<std::vector<std::string>>(), (std::vector<std::string>{"down_proj", "q_proj", "v_proj"}));
        SafetensorsFile f(dir + "/adapter_model.safetensors");
        QVERIFY(f.contains("base_model.model.model.layers.1.mlp.down_proj.lora_B.weight"));
        QCOMPARE(f.entry("base_model.model.model.layers.0.self_attn.v_proj.lora_A.weight").shape, (std::vector<int64_t>{4, 32}));
        QCOMPARE(f.metadata().at("format"), std::string("pt"));

        LoadedModel again = loadModel(m_model);
        const LoraConfig loaded = loadAdapter(dir, again.model);
        QCOMPARE(loaded.scaling(), c.scaling());
        QVERIFY(torch::equal(logitsOf(again.model, m_ids), adapted));

        mergeLora(again.model);
        QVERIFY(adapterTensors(again.model).empty());
        const double diff = (logitsOf(again.model, m_ids) - adapted).abs().max().item<double>();
        qInfo("merged vs adapted: max |logit diff| = %.3g", diff);
        QVERIFY(diff < 1e-5);
    }

    void doraStartsAtTheBaseSavesLoadsAndMerges() {
        LoadedModel m = loadModel(m_model);
        const auto base = logitsOf(m.model, m_ids);
        LoraConfig c;
        c.r = 4;
        c.alpha = 8;
        c.targets = {"q_proj", "up_proj"};
        c.dora = true;
        applyLora(m.model, c, 7);
        // B = 0: the magnitude is the rows' norms, its scale 1: the base model within rounding.
        QVERIFY((logitsOf(m.model, m_ids) - base).abs().max().item<double>() < 1e-5);
        const auto tensors = adapterTensors(m.model);
        QCOMPARE(tensors.size(), size_t(3 * 2 * 2)); // A, B and the magnitude, 2 projections, 2 layers
        const auto& magnitude = tensors[2];
        QCOMPARE(magnitude.first, std::string("base_model.model.model.layers.0.self_attn.q_proj.lora_magnitude_vector"));
        QCOMPARE(magnitude.second.sizes().vec(), (std::vector<int64_t>{32}));
        QVERIFY(magnitude.second.requires_grad());

        // Trained-looking values: B random, magnitudes moved off the norms.
        randomizeB(m.model, 8);
        {
            torch::NoGradGuard g;
            for (auto& [name, t] : adapterTensors(m.model))
                if (name.find("magnitude") != std::string::npos) t.mul_(1.1);
        }
        const auto adapted = logitsOf(m.model, m_ids);
        // The magnitude takes gradients (the norm in its denominator does not).
        m.model->forward(m_ids).sum().backward();
        QVERIFY(magnitude.second.grad().defined() && magnitude.second.grad().abs().sum().item<double>() > 0);

        const std::string dir = m_root + "/dora";
        saveAdapter(dir, m.model, c, m_model);
        QVERIFY(nlohmann::json::parse(readFile(dir + "/adapter_config.json"))["use_dora"].get<bool>());
        LoadedModel again = loadModel(m_model);
        QVERIFY(loadAdapter(dir, again.model).dora);
        QVERIFY(torch::equal(logitsOf(again.model, m_ids), adapted));
        mergeLora(again.model);
        QVERIFY(adapterTensors(again.model).empty());
        const double diff = (logitsOf(again.model, m_ids) - adapted).abs().max().item<double>();
        qInfo("DoRA merged vs adapted: max |logit diff| = %.3g", diff);
        QVERIFY(diff < 1e-5);
    }

    void peftNamesWithAdapterSuffixLoad() {
        // Files that kept PEFT's in-memory names (".lora_A.default.weight") load too.
        LoadedModel m = loadModel(m_model);
        LoraConfig c;
        c.r = 2;
        applyLora(m.model, c, 4);
        randomizeB(m.model, 5);
        std::vector<std::pair<std::string, torch::Tensor>> renamed;
        for (auto& [name, t] : adapterTensors(m.model)) {
            std::string n = name;
            n.replace(n.find(".weight"), 7, ".default.weight");
            renamed.emplace_back(n, t);
        }
        const std::string dir = m_root + "/adapter-default";
        std::filesystem::create_directories(dir);
        writeSafetensors(dir + "/adapter_model.safetensors", renamed);
        writeFileAtomic(dir + "/adapter_config.json", c.toPeftJson(m_model));
        LoadedModel again = loadModel(m_model);
        loadAdapter(dir, again.model);
        QVERIFY(torch::equal(logitsOf(again.model, m_ids), logitsOf(m.model, m_ids)));
    }

    void badAdaptersAreNamedErrors() {
        LoadedModel m = loadModel(m_model);
        LoraConfig c;
        c.r = 4;
        applyLora(m.model, c, 6);
        const std::string dir = m_root + "/bad";
        saveAdapter(dir, m.model, c, m_model);
        auto cfg = nlohmann::json::parse(readFile(dir + "/adapter_config.json"));

        cfg["use_dora"] = true; // a DoRA config over plain LoRA tensors
        writeFileAtomic(dir + "/adapter_config.json", cfg.dump());
        expectAdapterError(dir, m_model, "missing tensor \"base_model.model.model.layers.0.self_attn.q_proj.lora_magnitude_vector\"");
        cfg["use_dora"] = false;
        cfg["target_modules"] = {"q_proj", "k_proj", "v_proj"}; // the file has no k_proj tensors
        writeFileAtomic(dir + "/adapter_config.json", cfg.dump());
        expectAdapterError(dir, m_model, "missing tensor \"base_model.model.model.layers.0.self_attn.k_proj.lora_A.weight\"");
        cfg["target_modules"] = {"q_proj", "v_proj"};
        cfg["r"] = 8;
        writeFileAtomic(dir + "/adapter_config.json", cfg.dump());
        expectAdapterError(dir, m_model, "has shape [4, 32], the model needs [8, 32]");
        cfg["r"] = 4;
        cfg["target_modules"] = {"q_proj"}; // the file's v_proj tensors are left over
        writeFileAtomic(dir + "/adapter_config.json", cfg.dump());
        expectAdapterError(dir, m_model, "v_proj.lora_A.weight\" does not belong");
        cfg["target_modules"] = {"w1"};
        writeFileAtomic(dir + "/adapter_config.json", cfg.dump());
        expectAdapterError(dir, m_model, "\"w1\" is not one of");
        expectAdapterError(m_root + "/nowhere", m_model, "holds no adapter_config.json");
        QVERIFY_THROWS_EXCEPTION(Error, [] {
            LoraConfig bad;
            bad.r = 0;
            bad.validate();
        }());
    }

    void commandLine() {
        LoadedModel m = loadModel(m_model);
        LoraConfig c;
        c.r = 4;
        c.targets = loraTargetNames();
        applyLora(m.model, c, 7);
        randomizeB(m.model, 8);
        const std::string dir = m_root + "/cli-adapter";
        saveAdapter(dir, m.model, c, m_model);
        const std::vector<int64_t> ids = {3, 14, 15, 92, 65, 35};
        const auto expected = scoreTokens(*m.model, ids);

        QProcess p;
        p.start(QString::fromStdString(test::cliPath()),
                {"score", "--model", QString::fromStdString(m_model), "--adapter", QString::fromStdString(dir)});
        p.write(QByteArray::fromStdString(nlohmann::json{{"ids", ids}}.dump() + "\n"));
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const auto got = nlohmann::json::parse(p.readAllStandardOutput().toStdString())["logprobs"].get<std::vector<double>>();
        for (size_t i = 0; i < got.size(); ++i) QVERIFY(std::abs(got[i] - expected[i]) < 1e-9);

        const std::string merged = m_root + "/merged";
        p.start(QString::fromStdString(test::cliPath()), {"merge", "--model", QString::fromStdString(m_model), "--adapter",
                                                          QString::fromStdString(dir), "--out", QString::fromStdString(merged)});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        LoadedModel mm = loadModel(merged);
        const auto mergedScores = scoreTokens(*mm.model, ids);
        for (size_t i = 0; i < got.size(); ++i) QVERIFY(std::abs(mergedScores[i] - expected[i]) < 1e-5);
        p.start(QString::fromStdString(test::cliPath()), {"merge", "--model", QString::fromStdString(m_model), "--adapter",
                                                          QString::fromStdString(dir), "--out", QString::fromStdString(merged)});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(p.exitCode() != 0); // never overwrites a model folder
        QVERIFY(p.readAllStandardError().contains("already holds a model"));
    }
};

QTEST_GUILESS_MAIN(TestLora)
#include "test_lora.moc"
