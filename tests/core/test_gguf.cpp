// GGUF export: a model or a run's adapter as llama.cpp loads it: names, shapes, llama.cpp's q/k
// row order, rope factors, storage types, a merged adapter, what cannot be written, and the CLI.
// (llama.cpp itself runs the exported files in tests/reference/test_ref_gguf.py; the file format
// is tested in test_gguf_format.cpp.)
#include "cli_runner.h"
#include "expect_error.h"
#include "export/gguf_export.h"
#include "gguf/gguf_quant.h"
#include "gguf/gguf_reader.h"
#include "gguf/gguf_vocab.h"
#include "gguf/gguf_writer.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "io/safetensors.h"
#include "lora/lora_adapter.h"
#include "model/model_loader.h"
#include "model/rotary_embedding.h"
#include "test_data.h"
#include "tiny_model.h"
#include "tiny_tokenizer.h"
#include "tokenizer/spm_trainer.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <QtTest>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "torch_pch.h"

using namespace ft;
using test::expectError;
namespace fs = std::filesystem;

namespace {

torch::Tensor valuesOf(const gguf::File& f, const std::string& name) {
    auto v = f.tensorValues(name);
    return torch::from_blob(v.data(), {int64_t(v.size())}, torch::kFloat32).clone();
}

// The inverse of llama.cpp's q/k row order: GGUF row 2i + s holds Hugging Face row s * hd/2 + i.
torch::Tensor undoInterleave(const torch::Tensor& t, int64_t heads) {
    const auto shape = t.sizes().vec();
    std::vector<int64_t> view = {heads, t.size(0) / heads / 2, 2};
    for (size_t i = 1; i < shape.size(); ++i) view.push_back(shape[i]);
    return t.reshape(view).transpose(1, 2).reshape(shape);
}

// A tiny model of `variant` with the tiny byte-level tokenizer and its ChatML template.
LlamaConfig writeModel(const std::string& dir, const std::string& variant, uint64_t seed) {
    fs::create_directories(dir);
    LlamaConfig c = test::tinyConfig(variant);
    c.vocabSize = test::writeTinyTokenizer(dir);
    c.bosTokenId = -1;
    c.eosTokenIds = {c.vocabSize - 2}; // <|im_end|>
    test::writeTinyModel(dir, c, seed);
    return c;
}

GgufExportResult exportModel(const std::string& modelDir, const std::string& out, const std::string& type,
                             const std::string& adapterDir = {}) {
    ExportSource s;
    s.modelDir = modelDir;
    s.adapterDir = adapterDir;
    GgufOptions o;
    o.type = type;
    return exportGguf(s, out, o);
}

} // namespace

class TestGguf : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exportsEachArchitecture_data() {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("arch");
        for (const char* v : {"llama-gqa", "llama-mha", "llama3-rope", "mqa", "mistral"}) QTest::newRow(v) << v << "llama";
        QTest::newRow("qwen2") << "qwen2"
                               << "qwen2";
    }

    void exportsEachArchitecture() {
        QFETCH(QString, variant);
        QFETCH(QString, arch);
        const std::string dir = test::makeTempDir("gguf-" + variant.toStdString());
        const LlamaConfig c = writeModel(dir + "/model", variant.toStdString(), 3);
        const auto r = exportModel(dir + "/model", dir + "/out/model.gguf", "f32");
        QCOMPARE(r.architecture, arch.toStdString());
        QCOMPARE(r.warnings.size(), size_t(variant == "mistral" ? 1 : 0));
        if (variant == "mistral") QVERIFY(r.warnings[0].find("sliding window of 5") != std::string::npos);

        gguf::File f(dir + "/out/model.gguf");
        const std::string a = arch.toStdString();
        QCOMPARE(f.getString("general.architecture"), a);
        QCOMPARE(f.getString("general.name"), std::string("model"));
        QCOMPARE(f.getInt("general.file_type"), int64_t(0));
        QCOMPARE(f.getInt(a + ".block_count"), c.numLayers);
        QCOMPARE(f.getInt(a + ".embedding_length"), c.hiddenSize);
        QCOMPARE(f.getInt(a + ".feed_forward_length"), c.intermediateSize);
        QCOMPARE(f.getInt(a + ".attention.head_count"), c.numHeads);
        QCOMPARE(f.getInt(a + ".attention.head_count_kv"), c.numKvHeads);
        QCOMPARE(f.getInt(a + ".rope.dimension_count"), c.headDim);
        QCOMPARE(f.getInt(a + ".context_length"), c.maxPositions);
        QCOMPARE(f.getInt(a + ".vocab_size"), c.vocabSize);
        QCOMPARE(f.getFloat(a + ".rope.freq_base"), double(float(c.ropeTheta)));
        QCOMPARE(f.getFloat(a + ".attention.layer_norm_rms_epsilon"), double(float(c.rmsNormEps)));
        QCOMPARE(f.find(a + ".attention.key_length") != nullptr, c.headDim * c.numHeads != c.hiddenSize);

        LoadedModel m = loadModel(dir + "/model");
        size_t expected = 0;
        for (const auto& p : m.model->named_parameters()) {
            ++expected;
            const std::string name = ggufTensorName(p.key());
            const gguf::TensorInfo* t = f.tensor(name);
            QVERIFY2(t, name.c_str());
            std::vector<uint64_t> ne;
            for (int64_t d = p.value().dim() - 1; d >= 0; --d) ne.push_back(uint64_t(p.value().size(d)));
            QCOMPARE(t->ne, ne);
            QCOMPARE(t->type, uint32_t(gguf::TensorType::F32));
            torch::Tensor stored = valuesOf(f, name).reshape(p.value().sizes());
            const bool q = p.key().find("q_proj") != std::string::npos, k = p.key().find("k_proj") != std::string::npos;
            if (a == "llama" && (q || k)) {
                QVERIFY2(!torch::equal(stored, p.value()), "llama q/k rows are reordered");
                stored = undoInterleave(stored, q ? c.numHeads : c.numKvHeads);
            }
            QVERIFY2(torch::equal(stored, p.value()), name.c_str());
        }
        QCOMPARE(f.tensor("output.weight") != nullptr, !c.tieWordEmbeddings);
        if (c.ropeScaling == RopeScaling::Llama3) {
            ++expected;
            LlamaConfig plain = c;
            plain.ropeScaling = RopeScaling::None;
            const auto factors = valuesOf(f, "rope_freqs.weight");
            QVERIFY(torch::allclose(factors, ropeInverseFrequencies(plain) / ropeInverseFrequencies(c)));
            QCOMPARE(factors[0].item<float>(), 1.0f);                   // high frequencies unscaled
            QCOMPARE(factors[factors.numel() - 1].item<float>(), 8.0f); // low ones divided by the factor
        }
        QCOMPARE(f.tensors().size(), expected);
        QCOMPARE(r.tensors, expected);

        // The tokenizer: every token, in order, and the ids and template that chat needs.
        const auto tok = Tokenizer::load(dir + "/model");
        const auto& tokens = f.find("tokenizer.ggml.tokens")->strings;
        QCOMPARE(int64_t(tokens.size()), c.vocabSize);
        for (int32_t id = 0; id < tok->vocabSize(); ++id) QCOMPARE(tokens[size_t(id)], tok->idToToken(id));
        QCOMPARE(f.getString("tokenizer.ggml.model"), std::string("gpt2"));
        QCOMPARE(f.getInt("tokenizer.ggml.eos_token_id"), int64_t(tok->config().eosId));
        QCOMPARE(f.find("tokenizer.ggml.token_type")->ints[size_t(c.vocabSize - 2)], int64_t(gguf::Control));
        QCOMPARE(f.find("tokenizer.ggml.token_type")->ints[65], int64_t(gguf::Normal));
        QCOMPARE(f.getString("tokenizer.chat_template"), tok->config().chatTemplate);
        QCOMPARE(f.getInt("tokenizer.ggml.add_bos_token"), int64_t(0));
    }

    void storageTypes_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("matrixType");
        QTest::addColumn<int>("fileType");
        QTest::newRow("f16") << "f16" << int(gguf::TensorType::F16) << 1;
        QTest::newRow("bf16") << "bf16" << int(gguf::TensorType::BF16) << 32;
        QTest::newRow("q8_0") << "q8_0" << int(gguf::TensorType::Q8_0) << 7;
    }

    void storageTypes() {
        QFETCH(QString, type);
        QFETCH(int, matrixType);
        QFETCH(int, fileType);
        const std::string dir = test::makeTempDir("gguf-" + type.toStdString());
        writeModel(dir + "/model", "llama-mha", 4); // hidden 32, intermediate 48: down_proj rows are not whole Q8_0 blocks
        const auto r = exportModel(dir + "/model", dir + "/m.gguf", type.toStdString());
        gguf::File f(dir + "/m.gguf");
        QCOMPARE(f.getInt("general.file_type"), int64_t(fileType));
        QCOMPARE(f.find("general.quantization_version") != nullptr, type == "q8_0");
        LoadedModel m = loadModel(dir + "/model");
        for (const auto& p : m.model->named_parameters()) {
            const std::string name = ggufTensorName(p.key());
            const gguf::TensorInfo* t = f.tensor(name);
            torch::Tensor w = p.value();
            if (name.find("attn_q") != std::string::npos || name.find("attn_k") != std::string::npos) continue;
            const torch::Tensor stored = valuesOf(f, name).reshape(w.sizes());
            if (w.dim() == 1) {
                QCOMPARE(t->type, uint32_t(gguf::TensorType::F32)); // norms stay exact
                QVERIFY(torch::equal(stored, w));
            } else if (type == "q8_0" && name.find("ffn_down") != std::string::npos) {
                QCOMPARE(t->type, uint32_t(gguf::TensorType::F16)); // 48-value rows fall back to F16
                QVERIFY(torch::equal(stored, w.to(torch::kFloat16).to(torch::kFloat32)));
            } else if (type == "q8_0") {
                QCOMPARE(t->type, uint32_t(matrixType));
                // Each value within half a step (amax / 127) plus the half-precision scale's rounding (127 * 2^-11 steps).
                const auto blocks = w.reshape({-1, 32});
                const auto step = blocks.abs().amax(1, true) / 127.0;
                QVERIFY(((stored.reshape({-1, 32}) - blocks).abs() <= step * 0.57 + 1e-6).all().item<bool>());
            } else {
                QCOMPARE(t->type, uint32_t(matrixType));
                const auto dt = type == "f16" ? torch::kFloat16 : torch::kBFloat16;
                QVERIFY(torch::equal(stored, w.to(dt).to(torch::kFloat32)));
            }
        }
        QCOMPARE(r.warnings.size(), size_t(type == "q8_0" ? 2 : 0)); // one per layer's ffn_down
    }

    void mergesTheAdapter() {
        const std::string dir = test::makeTempDir("gguf-lora");
        const LlamaConfig c = writeModel(dir + "/model", "llama-gqa", 5);
        LoadedModel m = loadModel(dir + "/model");
        LoraConfig lc;
        lc.r = 4;
        lc.alpha = 8;
        lc.targets = {"q_proj", "k_proj", "o_proj", "up_proj"};
        applyLora(m.model, lc, 1);
        {
            torch::NoGradGuard g;
            auto gen = at::detail::createCPUGenerator(9);
            for (auto& [name, t] : adapterTensors(m.model))
                if (isLoraB(name)) t.copy_(at::normal(0.0, 0.05, t.sizes(), gen, torch::kFloat32));
        }
        saveAdapter(dir + "/adapter", m.model, lc, dir + "/model");
        mergeLora(m.model);
        exportModel(dir + "/model", dir + "/tuned.gguf", "f32", dir + "/adapter");
        gguf::File f(dir + "/tuned.gguf");
        for (const auto& p : m.model->named_parameters()) {
            torch::Tensor stored = valuesOf(f, ggufTensorName(p.key())).reshape(p.value().sizes());
            if (p.key().find("q_proj") != std::string::npos) stored = undoInterleave(stored, c.numHeads);
            if (p.key().find("k_proj") != std::string::npos) stored = undoInterleave(stored, c.numKvHeads);
            QVERIFY2(torch::equal(stored, p.value()), p.key().c_str());
        }
        // The base file differs exactly where the adapter applies.
        exportModel(dir + "/model", dir + "/base.gguf", "f32");
        gguf::File base(dir + "/base.gguf");
        QVERIFY(!torch::equal(valuesOf(base, "blk.1.attn_output.weight"), valuesOf(f, "blk.1.attn_output.weight")));
        QVERIFY(torch::equal(valuesOf(base, "blk.1.attn_v.weight"), valuesOf(f, "blk.1.attn_v.weight")));

        // The adapter alone, for llama.cpp's --lora: A as is, B's q/k rows in llama.cpp's order.
        ExportSource s;
        s.modelDir = dir + "/model";
        s.adapterDir = dir + "/adapter";
        GgufOptions o;
        o.type = "f32";
        const auto r = exportGgufAdapter(s, dir + "/adapter.gguf", o);
        QCOMPARE(r.tensors, size_t(2 * 4 * c.numLayers));
        gguf::File a(dir + "/adapter.gguf");
        QCOMPARE(a.getString("general.type"), std::string("adapter"));
        QCOMPARE(a.getString("adapter.type"), std::string("lora"));
        QCOMPARE(a.getString("general.architecture"), std::string("llama"));
        QCOMPARE(a.getFloat("adapter.lora.alpha"), 8.0); // llama.cpp's alpha / rank = 2, as PEFT's 8 / 4
        SafetensorsFile st(dir + "/adapter/adapter_model.safetensors");
        const std::string p = "base_model.model.model.layers.1.";
        QCOMPARE(a.tensor("blk.1.attn_q.weight.lora_a")->ne, (std::vector<uint64_t>{uint64_t(c.hiddenSize), 4}));
        QCOMPARE(a.tensor("blk.1.attn_q.weight.lora_b")->ne, (std::vector<uint64_t>{4, uint64_t(c.numHeads * c.headDim)}));
        QVERIFY(torch::equal(valuesOf(a, "blk.1.attn_q.weight.lora_a").reshape({4, -1}), st.tensor(p + "self_attn.q_proj.lora_A.weight")));
        QVERIFY(torch::equal(undoInterleave(valuesOf(a, "blk.1.attn_k.weight.lora_b").reshape({-1, 4}), c.numKvHeads),
                             st.tensor(p + "self_attn.k_proj.lora_B.weight")));
        QVERIFY(torch::equal(valuesOf(a, "blk.1.ffn_up.weight.lora_b").reshape({-1, 4}), st.tensor(p + "mlp.up_proj.lora_B.weight")));
        o.type = "q8_0";
        expectError([&] { exportGgufAdapter(s, dir + "/adapter-q8.gguf", o); }, {"f32, f16 or bf16"});

        // rsLoRA keeps its alpha / sqrt(r) through the alpha llama.cpp divides by r.
        auto config = readJsonFile(dir + "/adapter/adapter_config.json");
        config["use_rslora"] = true;
        writeFileAtomic(dir + "/adapter/adapter_config.json", config.dump());
        o.type = "f16";
        exportGgufAdapter(s, dir + "/rs.gguf", o);
        QCOMPARE(gguf::File(dir + "/rs.gguf").getFloat("adapter.lora.alpha"), 16.0); // 8 / sqrt(4) * 4
        // An adapter made for another base model is refused, naming the tensor.
        LlamaConfig other = c;
        other.hiddenSize = 64;
        other.headDim = 16;
        test::writeTinyModel(dir + "/other", other, 1);
        s.modelDir = dir + "/other";
        expectError([&] { exportGgufAdapter(s, dir + "/x.gguf", o); }, {"lora_A.weight is [4, 32], not [4, 64]"});
    }

    void refusesWhatItCannotWrite() {
        const std::string dir = test::makeTempDir("gguf-refuse");
        writeModel(dir + "/model", "llama-gqa", 6);
        exportModel(dir + "/model", dir + "/m.gguf", "f16");
        const auto before = readFile(dir + "/m.gguf");
        expectError([&] { exportModel(dir + "/model", dir + "/m.gguf", "f16"); }, {"m.gguf already exists", "nothing was overwritten"});
        QCOMPARE(readFile(dir + "/m.gguf"), before);
        expectError([&] { exportModel(dir + "/model", dir + "/q4.gguf", "q4_0"); }, {"\"q4_0\"", "f32, f16, bf16, q8_0"});
        writeModel(dir + "/biased", "llama-linear", 6);
        expectError([&] { exportModel(dir + "/biased", dir + "/b.gguf", "f16"); }, {"MLP biases"});
        // A tokenizer with more tokens than the model has embedding rows.
        LlamaConfig small = test::tinyConfig("llama-gqa");
        small.vocabSize = 200;
        small.bosTokenId = -1;
        small.eosTokenIds = {};
        test::writeTinyModel(dir + "/small", small, 1);
        test::writeTinyTokenizer(dir + "/small");
        expectError([&] { exportModel(dir + "/small", dir + "/s.gguf", "f16"); }, {"200 rows", "tokens"});
        // A NaN weight stops the export and leaves no file behind.
        writeModel(dir + "/nan", "llama-gqa", 6);
        {
            LoadedModel m = loadModel(dir + "/nan");
            torch::NoGradGuard g;
            m.model->named_parameters()["model.layers.1.mlp.up_proj.weight"][0][0] = NAN;
            saveModel(dir + "/nan", m.model, m.eosTokenIds);
        }
        expectError([&] { exportModel(dir + "/nan", dir + "/nan.gguf", "q8_0"); }, {"blk.1.ffn_up.weight", "NaN"});
        QVERIFY(!fs::exists(dir + "/nan.gguf"));
        for (const auto& e : fs::directory_iterator(dir))
            QVERIFY2(e.path().string().find(".tmp") == std::string::npos, "temp file left behind");
    }

    void cliExportsModels() {
        const std::string dir = test::makeTempDir("gguf-cli");
        writeModel(dir + "/model", "qwen2", 8);
        const std::string out = dir + "/exports/tiny.gguf";
        auto r = test::runCli({"export", "--model", QString::fromStdString(dir + "/model"), "--format", "gguf", "--type", "q8_0", "--out",
                               QString::fromStdString(out), "--name", "Tiny Qwen"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j["architecture"].get<std::string>(), std::string("qwen2"));
        QCOMPARE(j["bytes"].get<uint64_t>(), uint64_t(fs::file_size(out)));
        QCOMPARE(gguf::File(out).getString("general.name"), std::string("Tiny Qwen"));
        r = test::runCli({"export", "--model", QString::fromStdString(dir + "/model"), "--format", "merged", "--out", "x"});
        QVERIFY(r.exitCode != 0 && r.err.find("--model works with --format gguf") != std::string::npos);
        r = test::runCli({"export", "--model", QString::fromStdString(dir + "/model"), "--format", "gguf", "--type", "q4", "--out",
                          QString::fromStdString(dir + "/q4.gguf")});
        QVERIFY(r.exitCode != 0 && r.err.find("\"q4\"") != std::string::npos);
        QVERIFY(!fs::exists(dir + "/q4.gguf"));
    }
};

QTEST_GUILESS_MAIN(TestGguf)
#include "test_gguf.moc"
