// The forward pass against an independent float64 reference for every architecture variant, and
// KV-cache decoding against a full forward pass.
#include "io/safetensors.h"
#include "model/kv_cache.h"
#include "model/model_loader.h"
#include "reference_llama.h"
#include "tiny_model.h"
#include "util/error.h"

#include <QtTest>
#include <filesystem>

using namespace ft;

namespace {

const char* const kVariants[] = {"llama-gqa", "llama-mha", "llama3-rope", "llama-linear", "qwen2", "mistral", "mqa"};

std::vector<int64_t> randomIds(int64_t n, int64_t vocab, uint64_t seed) {
    auto g = at::detail::createCPUGenerator(seed);
    auto t = torch::randint(0, vocab, {n}, g, torch::kInt64);
    return std::vector<int64_t>(t.data_ptr<int64_t>(), t.data_ptr<int64_t>() + n);
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

} // namespace

class TestLlamaForward final : public QObject {
    Q_OBJECT

private:
    std::string m_root;

    std::string modelDir(const QString& variant) {
        const std::string dir = m_root + "/" + variant.toStdString();
        if (!std::filesystem::exists(dir + "/config.json")) test::writeTinyModel(dir, test::tinyConfig(variant.toStdString()), 42);
        return dir;
    }

private Q_SLOTS:
    void initTestCase() { m_root = test::makeTempDir("forward"); }

    void variants_data() {
        QTest::addColumn<QString>("variant");
        for (const char* v : kVariants) QTest::newRow(v) << QString(v);
    }

    void matchesFloat64Reference_data() { variants_data(); }
    void matchesFloat64Reference() {
        QFETCH(QString, variant);
        const std::string dir = modelDir(variant);
        LoadedModel m = loadModel(dir);
        const auto ids = randomIds(12, m.config.vocabSize, 3);

        std::map<std::string, torch::Tensor> weights;
        SafetensorsFile f(dir + "/model.safetensors");
        for (const auto& e : f.entries()) weights[e.name] = f.tensor(e.name);
        const auto ref = torch::log_softmax(test::referenceLogits(m.config, weights, ids), -1);

        torch::NoGradGuard g;
        const auto ours = torch::log_softmax(m.model->forward(torch::tensor(ids).unsqueeze(0)).squeeze(0).to(torch::kFloat64), -1);
        const double diff = maxAbsDiff(ours, ref);
        qInfo("%s: max |logprob - reference| = %.3g", qPrintable(variant), diff);
        QVERIFY2(diff < 1e-4, qPrintable(QString("maxdiff %1").arg(diff)));
        QVERIFY(ref.std().item<double>() > 0.1); // the model is far from uniform, so the check means something
    }

    void kvCacheMatchesFullForward_data() { variants_data(); }
    void kvCacheMatchesFullForward() {
        QFETCH(QString, variant);
        LoadedModel m = loadModel(modelDir(variant));
        torch::NoGradGuard g;
        const auto ids = torch::tensor(randomIds(14, m.config.vocabSize, 5)).unsqueeze(0);
        const auto full = m.model->forward(ids); // [1, 14, V]

        // Prefill 3 tokens, then a chunk of 4, then one at a time.
        KvCache cache(m.config, 1, 14, torch::TensorOptions().dtype(torch::kFloat32));
        std::vector<torch::Tensor> parts;
        parts.push_back(m.model->forward(ids.narrow(1, 0, 3), {{}, &cache, {}, false}));
        parts.push_back(m.model->forward(ids.narrow(1, 3, 4), {{}, &cache, {}, false}));
        for (int64_t t = 7; t < 14; ++t) parts.push_back(m.model->forward(ids.narrow(1, t, 1), {{}, &cache, {}, false}));
        const auto incremental = torch::cat(parts, 1);
        QCOMPARE(cache.length(), int64_t(14));
        const double diff = maxAbsDiff(incremental, full);
        qInfo("%s: max |cached - full| logits = %.3g", qPrintable(variant), diff);
        QVERIFY2(diff < 1e-5, qPrintable(QString("maxdiff %1").arg(diff)));
    }

    void explicitPositionsEqualDefault() {
        LoadedModel m = loadModel(modelDir("llama-gqa"));
        torch::NoGradGuard g;
        const auto ids = torch::tensor(randomIds(6, m.config.vocabSize, 9)).unsqueeze(0);
        ForwardOptions o;
        o.positions = torch::arange(6, torch::kInt64).unsqueeze(0);
        QVERIFY(torch::equal(m.model->forward(ids), m.model->forward(ids, o)));
        o.positions = o.positions + 3; // shifted positions must change the result (RoPE is live)
        QVERIFY(!torch::allclose(m.model->forward(ids), m.model->forward(ids, o)));
    }

    void lowerPrecisionStaysClose_data() {
        QTest::addColumn<QString>("dtype");
        QTest::newRow("bf16") << "bf16";
    }
    void lowerPrecisionStaysClose() {
        QFETCH(QString, dtype);
        const std::string dir = modelDir("llama-gqa");
        LoadedModel a = loadModel(dir), b = loadModel(dir, {torch::kCPU, parseDtype(dtype.toStdString())});
        QCOMPARE(b.model->dtype(), parseDtype(dtype.toStdString()));
        torch::NoGradGuard g;
        const auto ids = torch::tensor(randomIds(10, a.config.vocabSize, 11)).unsqueeze(0);
        const auto la = torch::log_softmax(a.model->forward(ids).to(torch::kFloat32), -1);
        const auto lb = torch::log_softmax(b.model->forward(ids).to(torch::kFloat32), -1);
        const double mean = (la - lb).abs().mean().item<double>();
        qInfo("%s: mean |logprob - fp32| = %.3g", qPrintable(dtype), mean);
        QVERIFY2(mean < 5e-2, qPrintable(QString("mean diff %1").arg(mean)));
    }

    void fp16OnCpuIsAClearError() {
        try {
            loadModel(modelDir("llama-gqa"), {torch::kCPU, torch::kFloat16});
            QFAIL("fp16 on the CPU must be refused");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("fp16 is not supported on the CPU") != std::string::npos, e.what());
        }
    }

    void saveLoadRoundTripIsExact() {
        LoadedModel a = loadModel(modelDir("qwen2"));
        const std::string copy = m_root + "/qwen2-copy";
        saveModel(copy, a.model, a.eosTokenIds);
        LoadedModel b = loadModel(copy);
        QCOMPARE(b.config.architecture, std::string("Qwen2ForCausalLM"));
        QVERIFY(b.config.tieWordEmbeddings);
        QVERIFY(!std::filesystem::exists(copy + "/lm_head.weight"));
        torch::NoGradGuard g;
        const auto ids = torch::tensor(randomIds(7, a.config.vocabSize, 1)).unsqueeze(0);
        QVERIFY(torch::equal(a.model->forward(ids), b.model->forward(ids)));
        SafetensorsFile f(copy + "/model.safetensors");
        QVERIFY(!f.contains("lm_head.weight")); // tied heads are not written, as transformers does
    }
};

QTEST_APPLESS_MAIN(TestLlamaForward)
#include "test_llama_forward.moc"
