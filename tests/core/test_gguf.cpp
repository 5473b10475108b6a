// GGUF: the number encodings against libtorch's, the writer and reader round trip, one clear error
// per corruption, and the model export: names, shapes, llama.cpp's q/k row order, rope factors,
// storage types, a merged adapter, and the tokenizer metadata of real tokenizer files.
// (llama.cpp itself runs the exported files in tests/reference/test_ref_gguf.py.)
#include "cli_runner.h"
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
namespace fs = std::filesystem;

namespace {

template <typename F> void expectError(F&& f, std::initializer_list<const char*> fragments) {
    try {
        f();
        QFAIL("expected an ft::Error");
    } catch (const Error& e) {
        const std::string msg = std::string(e.what()) + " / " + e.hint();
        for (const char* frag : fragments)
            QVERIFY2(msg.find(frag) != std::string::npos, qPrintable(QString("'%1' lacks '%2'").arg(msg.c_str(), frag)));
    }
}

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
    c.eosTokenIds = {c.vocabSize - 2};   // <|im_end|>
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
    void halfAndBfloat16MatchLibtorch() {
        // Every finite half value survives half -> float -> half.
        for (uint32_t bits = 0; bits < 65536; ++bits) {
            if ((bits & 0x7c00u) == 0x7c00u) continue;
            QCOMPARE(uint32_t(gguf::floatToHalf(gguf::halfToFloat(uint16_t(bits)))), bits);
        }
        QCOMPARE(gguf::floatToHalf(1.0f), uint16_t(0x3c00));
        QCOMPARE(gguf::floatToHalf(-2.0f), uint16_t(0xc000));
        QCOMPARE(gguf::floatToHalf(65504.0f), uint16_t(0x7bff));
        QCOMPARE(gguf::floatToHalf(65520.0f), uint16_t(0x7c00));   // rounds to infinity
        QCOMPARE(gguf::floatToHalf(5.9604645e-8f), uint16_t(0x0001));   // the smallest subnormal
        QCOMPARE(gguf::floatToBf16(1.0f), uint16_t(0x3f80));
        QVERIFY(std::isnan(gguf::bf16ToFloat(gguf::floatToBf16(NAN))));
        // Random values spanning normal, subnormal and overflowing ranges round as libtorch rounds.
        torch::manual_seed(5);
        const auto x = (torch::randn({20000}) * torch::pow(10.0, torch::randint(-9, 6, {20000}).to(torch::kFloat32))).contiguous();
        const auto half = x.to(torch::kFloat16).contiguous(), bf = x.to(torch::kBFloat16).contiguous();
        const float* xs = x.data_ptr<float>();
        for (int64_t i = 0; i < x.numel(); ++i) {
            uint16_t h, b;
            std::memcpy(&h, static_cast<const uint16_t*>(half.data_ptr()) + i, 2);
            std::memcpy(&b, static_cast<const uint16_t*>(bf.data_ptr()) + i, 2);
            QCOMPARE(gguf::floatToHalf(xs[i]), h);
            QCOMPARE(gguf::floatToBf16(xs[i]), b);
            QCOMPARE(gguf::halfToFloat(h), half[i].item<float>());
        }
    }

    void q8_0BlocksAsGgmlWritesThem() {
        std::vector<float> x(64);
        for (int i = 0; i < 32; ++i) x[size_t(i)] = 0.5f * float(i) - 8.0f;   // -8 .. 7.5; the second block stays 0
        std::vector<uint8_t> q(2 * gguf::kQ8_0BlockBytes);
        gguf::quantizeQ8_0(x.data(), x.size(), q.data());
        uint16_t d;
        std::memcpy(&d, q.data(), 2);
        QCOMPARE(d, gguf::floatToHalf(8.0f / 127.0f));
        QCOMPARE(int(int8_t(q[2])), -127);             // -8 / d
        QCOMPARE(int(int8_t(q[2 + 16])), 0);           // 0
        QCOMPARE(int(int8_t(q[2 + 31])), 119);         // round(7.5 * 127 / 8) = round(119.06)
        QCOMPARE(int(int8_t(q[2 + 1])), -119);         // round(-7.5 * 127 / 8)
        for (int j = 0; j < 34; ++j) QCOMPARE(int(q[size_t(34 + j)]), 0);   // an all-zero block: scale 0
        std::vector<float> back(64);
        gguf::dequantizeQ8_0(q.data(), 64, back.data());
        const float step = gguf::halfToFloat(d);
        for (int i = 0; i < 64; ++i) QVERIFY(std::fabs(back[size_t(i)] - x[size_t(i)]) <= step * 0.57f);   // half a step, plus the scale's own rounding
    }

    void writerAndReaderRoundTrip() {
        const std::string dir = test::makeTempDir("gguf-rt");
        for (uint32_t alignment : {32u, 64u}) {
            gguf::Writer w;
            gguf::Value v;
            w.set("general.architecture", gguf::Value::string("llama"));
            if (alignment != 32) w.set("general.alignment", gguf::Value::u32(alignment));
            for (auto [type, value] : std::vector<std::pair<gguf::ValueType, int64_t>>{
                     {gguf::ValueType::U8, 200}, {gguf::ValueType::I8, -100}, {gguf::ValueType::U16, 60000},
                     {gguf::ValueType::I16, -30000}, {gguf::ValueType::U32, 4000000000}, {gguf::ValueType::I32, -2000000000},
                     {gguf::ValueType::U64, 1ll << 40}, {gguf::ValueType::I64, -(1ll << 40)}, {gguf::ValueType::Bool, 1}}) {
                gguf::Value iv;
                iv.type = type;
                iv.ints = {value};
                w.set("test.int" + std::to_string(unsigned(type)), iv);
            }
            gguf::Value f64;
            f64.type = gguf::ValueType::F64;
            f64.floats = {0.1};
            w.set("test.f64", f64);
            w.set("test.f32", gguf::Value::f32(1e-6f));
            w.set("test.strings", gguf::Value::stringArray({"a", "", "ünï 😀"}));
            w.set("test.f32s", gguf::Value::f32Array({1.5f, -2.0f}));
            w.set("test.i32s", gguf::Value::i32Array({-1, 7}));
            w.set("test.f32", gguf::Value::f32(2.0f));   // replaces, keeps its place
            const std::vector<float> vec = {1, 2, 3};
            w.addTensor("vec", {3}, gguf::TensorType::F32, [&](std::vector<uint8_t>& out) {
                out.resize(12);
                std::memcpy(out.data(), vec.data(), 12);
            });
            w.addTensor("mat", {32, 2}, gguf::TensorType::Q8_0, [](std::vector<uint8_t>& out) {
                std::vector<float> x(64);
                for (int i = 0; i < 64; ++i) x[size_t(i)] = float(i % 7) - 3.0f;
                out.resize(68);
                gguf::quantizeQ8_0(x.data(), 64, out.data());
            });
            w.addTensor("half", {2, 1}, gguf::TensorType::F16, [](std::vector<uint8_t>& out) {
                const uint16_t h[2] = {gguf::floatToHalf(0.25f), gguf::floatToHalf(-4.0f)};
                out.resize(4);
                std::memcpy(out.data(), h, 4);
            });
            expectError([&] { w.addTensor("vec", {3}, gguf::TensorType::F32, nullptr); }, {"vec", "twice"});
            expectError([&] { w.addTensor("odd", {33}, gguf::TensorType::Q8_0, nullptr); }, {"odd", "multiple of 32"});
            expectError([&] { w.addTensor(std::string(64, 'n'), {1}, gguf::TensorType::F32, nullptr); }, {"1 to 63 bytes"});

            const std::string path = dir + "/rt-" + std::to_string(alignment) + ".gguf";
            const uint64_t bytes = w.write(path);
            QCOMPARE(bytes, uint64_t(fs::file_size(path)));
            gguf::File f(path);
            QCOMPARE(f.version(), 3u);
            QCOMPARE(f.alignment(), alignment);
            QCOMPARE(f.getString("general.architecture"), std::string("llama"));
            QCOMPARE(f.getInt("test.int0"), int64_t(200));
            QCOMPARE(f.getInt("test.int1"), int64_t(-100));
            QCOMPARE(f.getInt("test.int4"), int64_t(4000000000));
            QCOMPARE(f.getInt("test.int5"), int64_t(-2000000000));
            QCOMPARE(f.getInt("test.int10"), int64_t(1ll << 40));
            QCOMPARE(f.getInt("test.int11"), -(int64_t(1) << 40));
            QCOMPARE(f.getInt("test.int7"), int64_t(1));
            QCOMPARE(f.getFloat("test.f64"), 0.1);
            QCOMPARE(f.getFloat("test.f32"), 2.0);
            QCOMPARE(f.find("test.strings")->strings, (std::vector<std::string>{"a", "", "ünï 😀"}));
            QCOMPARE(f.find("test.i32s")->ints, (std::vector<int64_t>{-1, 7}));
            QCOMPARE(f.find("test.f32s")->floats, (std::vector<double>{1.5, -2.0}));
            QCOMPARE(f.metadata().size(), size_t(alignment == 32 ? 15 : 16));
            QCOMPARE(f.metadata()[alignment == 32 ? 11 : 12].first, std::string("test.f32"));
            expectError([&] { f.getString("test.f32"); }, {"test.f32", "not a string"});
            expectError([&] { f.getInt("nope"); }, {"no metadata nope"});
            QCOMPARE(f.tensors().size(), size_t(3));
            for (const auto& t : f.tensors()) QCOMPARE(t.offset % alignment, uint64_t(0));
            QCOMPARE(f.tensorValues("vec"), vec);
            QCOMPARE(f.tensor("mat")->ne, (std::vector<uint64_t>{32, 2}));
            QCOMPARE(f.tensorValues("mat")[10], 0.0f);   // 10 % 7 - 3 = 0
            QVERIFY(std::fabs(f.tensorValues("mat")[13] - 3.0f) < 3.0f / 2048);   // 127 steps of a half-precision scale
            QCOMPARE(f.tensorValues("half"), (std::vector<float>{0.25f, -4.0f}));
        }
    }

    void readerRejectsCorruptFiles() {
        const std::string dir = test::makeTempDir("gguf-bad");
        gguf::Writer w;
        w.set("general.architecture", gguf::Value::string("llama"));
        w.addTensor("a", {8}, gguf::TensorType::F32, [](std::vector<uint8_t>& out) { out.assign(32, 0); });
        w.addTensor("b", {8}, gguf::TensorType::F32, [](std::vector<uint8_t>& out) { out.assign(32, 1); });
        const std::string good = dir + "/good.gguf";
        w.write(good);
        const std::string bytes = readFile(good);
        const auto variant = [&](const std::string& name, std::string data) {
            writeFileAtomic(dir + "/" + name, data);
            return dir + "/" + name;
        };
        const auto open = [](const std::string& p) { return [p] { gguf::File f(p); }; };

        expectError(open(variant("text.gguf", "hello, not a model\n")), {"text.gguf", "not a GGUF file"});
        expectError(open(variant("empty.gguf", "")), {"empty.gguf", "not a GGUF file"});
        std::string v4 = bytes;
        v4[4] = 4;
        expectError(open(variant("v4.gguf", v4)), {"v4.gguf", "version 4"});
        expectError(open(variant("cut-header.gguf", bytes.substr(0, 40))), {"cut-header.gguf", "ends inside"});
        expectError(open(variant("cut-data.gguf", bytes.substr(0, bytes.size() - 8))), {"cut-data.gguf", "tensor b", "past the end"});
        // The tensor infos end with b's u64 offset (32): point b at a's bytes, then past the end.
        const size_t infoEnd = bytes.size() - 64;   // 64 bytes of data (two 32-byte tensors) after the padded header
        size_t bOffset = std::string::npos;
        for (size_t p = infoEnd - 8; p > 0; --p) {
            uint64_t v;
            std::memcpy(&v, bytes.data() + p, 8);
            if (v == 32) {
                bOffset = p;
                break;
            }
        }
        QVERIFY(bOffset != std::string::npos);
        std::string overlap = bytes;
        const uint64_t zero = 0, far = 1 << 20, odd = 4;
        std::memcpy(&overlap[bOffset], &zero, 8);
        expectError(open(variant("overlap.gguf", overlap)), {"overlap.gguf", "tensors a and b overlap"});
        std::string outside = bytes;
        std::memcpy(&outside[bOffset], &far, 8);
        expectError(open(variant("outside.gguf", outside)), {"outside.gguf", "tensor b", "past the end"});
        std::string unaligned = bytes;
        std::memcpy(&unaligned[bOffset], &odd, 8);
        expectError(open(variant("unaligned.gguf", unaligned)), {"unaligned.gguf", "tensor b", "not aligned"});
        std::string huge = bytes;
        const uint64_t many = 1ull << 60;
        std::memcpy(&huge[8], &many, 8);
        expectError(open(variant("huge.gguf", huge)), {"huge.gguf", "more entries than the file can hold"});
        const auto b = gguf::File(good).tensorValues("b");
        uint32_t bits;
        std::memcpy(&bits, &b[7], 4);
        QCOMPARE(bits, 0x01010101u);   // the bytes b's producer wrote
    }

    void exportsEachArchitecture_data() {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("arch");
        for (const char* v : {"llama-gqa", "llama-mha", "llama3-rope", "mqa", "mistral"}) QTest::newRow(v) << v << "llama";
        QTest::newRow("qwen2") << "qwen2" << "qwen2";
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
            QCOMPARE(factors[0].item<float>(), 1.0f);                    // high frequencies unscaled
            QCOMPARE(factors[factors.numel() - 1].item<float>(), 8.0f);  // low ones divided by the factor
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
        writeModel(dir + "/model", "llama-mha", 4);   // hidden 32, intermediate 48: down_proj rows are not whole Q8_0 blocks
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
                QCOMPARE(t->type, uint32_t(gguf::TensorType::F32));   // norms stay exact
                QVERIFY(torch::equal(stored, w));
            } else if (type == "q8_0" && name.find("ffn_down") != std::string::npos) {
                QCOMPARE(t->type, uint32_t(gguf::TensorType::F16));   // 48-value rows fall back to F16
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
        QCOMPARE(r.warnings.size(), size_t(type == "q8_0" ? 2 : 0));   // one per layer's ffn_down
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
        QCOMPARE(a.getFloat("adapter.lora.alpha"), 8.0);   // llama.cpp's alpha / rank = 2, as PEFT's 8 / 4
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
        QCOMPARE(gguf::File(dir + "/rs.gguf").getFloat("adapter.lora.alpha"), 16.0);   // 8 / sqrt(4) * 4
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
        for (const auto& e : fs::directory_iterator(dir)) QVERIFY2(e.path().string().find(".tmp") == std::string::npos, "temp file left behind");
    }

    void vocabOfRealTokenizers_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("pre");
        QTest::addColumn<bool>("addBos");
        QTest::addColumn<bool>("spacePrefix");   // SentencePiece-style files: whether "▁" is prepended
        QTest::newRow("llama3") << "llama3" << "gpt2" << "llama-bpe" << false << false;   // this file's post-processor adds no BOS
        QTest::newRow("qwen2_5") << "qwen2_5" << "gpt2" << "qwen2" << false << false;
        QTest::newRow("deepseek_v4") << "deepseek_v4" << "gpt2" << "deepseek-v3" << false << false;   // add_bos_token false in tokenizer_config.json
        QTest::newRow("mistral_v1") << "mistral_v1" << "llama" << "" << true << true;   // legacy: "▁" prepended
        QTest::newRow("mistral_v3") << "mistral_v3" << "llama" << "" << true << true;
        QTest::newRow("gemma3") << "gemma3" << "llama" << "" << true << false;   // Gemma prepends nothing
    }

    void vocabOfRealTokenizers() {
        QFETCH(QString, name);
        QFETCH(QString, model);
        QFETCH(QString, pre);
        QFETCH(bool, addBos);
        QFETCH(bool, spacePrefix);
        std::string dir = test::fixturesDir() + "/tokenizers/" + name.toStdString();
        if (fs::exists(dir + "/tokenizer.model")) {
            // tokenizer.json alone: with tokenizer.model beside it, the model's own scores are used
            // (vocabOfSentencePieceModel); here the scores made from tokenizer.json's merges.
            const std::string only = test::makeTempDir("gguf-json-" + name.toStdString());
            for (const char* f : {"tokenizer.json", "tokenizer_config.json"}) fs::copy_file(dir + "/" + f, only + "/" + f);
            dir = only;
        }
        const auto tok = Tokenizer::load(dir);
        const auto json = readJsonFile(dir + "/tokenizer.json");
        const gguf::Vocab v = gguf::readVocab(dir, tok->vocabSize() + 3, {});
        QCOMPARE(v.model, model.toStdString());
        QCOMPARE(v.pre, pre.toStdString());
        QCOMPARE(v.addBos, addBos);
        QVERIFY(v.warnings.empty());
        QCOMPARE(int64_t(v.tokens.size()), int64_t(tok->vocabSize() + 3));
        for (int32_t id = 0; id < tok->vocabSize(); id += 97) QCOMPARE(v.tokens[size_t(id)], tok->idToToken(id));
        QCOMPARE(v.tokens.back(), "[PAD" + std::to_string(tok->vocabSize() + 2) + "]");
        QCOMPARE(v.types.back(), int32_t(gguf::Unused));
        QCOMPARE(v.bos, tok->config().bosId);
        QCOMPARE(v.eos, tok->config().eosId);
        for (const auto& a : json["added_tokens"]) {
            const int32_t id = a["id"].get<int32_t>();
            QCOMPARE(v.types[size_t(id)], int32_t(id == v.unk ? gguf::Unknown : a["special"].get<bool>() ? gguf::Control : gguf::UserDefined));
        }
        if (model == "gpt2") {
            QCOMPARE(v.merges.size(), json["model"]["merges"].size());
            QVERIFY(v.scores.empty());
        } else {
            // SentencePiece-style: byte pieces typed as bytes, earlier merges score higher.
            QCOMPARE(v.types[size_t(tok->tokenToId("<0x41>"))], int32_t(gguf::Byte));
            // A merge is "a b" in older files, ["a", "b"] in newer ones.
            const auto& merges = json["model"]["merges"];
            const auto joined = [](const nlohmann::json& m) {
                if (m.is_array()) return m[0].get<std::string>() + m[1].get<std::string>();
                const std::string s = m.get<std::string>();
                return s.substr(0, s.find(' ')) + s.substr(s.find(' ') + 1);
            };
            const auto first = merges[0], later = merges[500];
            const auto merged = [&](const nlohmann::json& m) { return size_t(tok->tokenToId(joined(m))); };
            QCOMPARE(v.scores[merged(first)], -1.0f);
            QVERIFY(v.scores[merged(later)] < v.scores[merged(first)]);
            QCOMPARE(v.addSpacePrefix, spacePrefix);
            QCOMPARE(v.types[size_t(v.unk)], int32_t(gguf::Unknown));
        }
        expectError([&] { gguf::readVocab(dir, tok->vocabSize() - 1, {}); }, {"rows"});
    }

    void vocabOfSentencePieceModel() {
        const std::string dir = test::makeTempDir("gguf-spm");
        {
            const char* words[] = {"the", "order", "of", "pizza", "delivery", "pickup", "street", "main", "coffee", "tea",
                                   "large", "small", "please", "send", "two", "bring", "with", "extra", "cheese", "today"};
            std::ofstream corpus(dir + "/corpus.txt");
            uint32_t state = 7;
            for (int line = 0; line < 3000; ++line) {
                for (int w = 0; w < 9; ++w) {
                    state = state * 1664525u + 1013904223u;
                    corpus << words[(state >> 16) % 20] << (w == 8 ? "" : " ");
                }
                corpus << " " << line % 97 << ".\n";
            }
        }
        trainSentencePiece({"--input=" + dir + "/corpus.txt", "--model_prefix=" + dir + "/tokenizer", "--vocab_size=400",
                            "--model_type=bpe", "--byte_fallback=true", "--character_coverage=1.0", "--unk_id=0", "--bos_id=1",
                            "--eos_id=2", "--pad_id=-1", "--control_symbols=<|im_end|>", "--num_threads=1"});
        writeFileAtomic(dir + "/tokenizer_config.json",
                        R"({"add_bos_token": true, "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>"})");
        const auto tok = Tokenizer::load(dir);
        const gguf::Vocab v = gguf::readVocab(dir, tok->vocabSize(), {2, 3});
        QCOMPARE(v.model, std::string("llama"));
        QCOMPARE(int32_t(v.tokens.size()), tok->vocabSize());
        for (int32_t id = 0; id < tok->vocabSize(); ++id) QCOMPARE(v.tokens[size_t(id)], tok->idToToken(id));
        QCOMPARE(v.types[0], int32_t(gguf::Unknown));
        QCOMPARE(v.types[1], int32_t(gguf::Control));
        QCOMPARE(v.types[3], int32_t(gguf::Control));   // <|im_end|>
        QCOMPARE(v.types[size_t(tok->tokenToId("<0x41>"))], int32_t(gguf::Byte));
        QCOMPARE(v.eot, 3);
        QCOMPARE(v.unk, 0);
        QVERIFY(v.addBos && !v.addEos && v.addSpacePrefix);
        // SentencePiece's BPE scores fall with the merge order; the first merged piece scores highest.
        const size_t firstMerged = size_t(tok->tokenToId("<0xFF>")) + 1;
        QVERIFY(v.scores[firstMerged] > v.scores[firstMerged + 50]);
        writeFileAtomic(dir + "/tokenizer.model", "\x0a\x05\x0a\x03");   // cut short
        expectError([&] { gguf::readVocab(dir, 400, {}); }, {"tokenizer.model", "not a valid SentencePiece model"});
    }

    void cliExportsModels() {
        const std::string dir = test::makeTempDir("gguf-cli");
        writeModel(dir + "/model", "qwen2", 8);
        const std::string out = dir + "/exports/tiny.gguf";
        auto r = test::runCli({"export", "--model", QString::fromStdString(dir + "/model"), "--format", "gguf", "--type", "q8_0",
                               "--out", QString::fromStdString(out), "--name", "Tiny Qwen"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j["architecture"].get<std::string>(), std::string("qwen2"));
        QCOMPARE(j["bytes"].get<uint64_t>(), uint64_t(fs::file_size(out)));
        QCOMPARE(gguf::File(out).getString("general.name"), std::string("Tiny Qwen"));
        r = test::runCli({"export", "--model", QString::fromStdString(dir + "/model"), "--format", "merged", "--out", "x"});
        QVERIFY(r.exitCode != 0 && r.err.find("--model works with --format gguf") != std::string::npos);
        r = test::runCli({"export", "--model", QString::fromStdString(dir + "/model"), "--format", "gguf", "--type", "q4",
                          "--out", QString::fromStdString(dir + "/q4.gguf")});
        QVERIFY(r.exitCode != 0 && r.err.find("\"q4\"") != std::string::npos);
        QVERIFY(!fs::exists(dir + "/q4.gguf"));
    }
};

QTEST_GUILESS_MAIN(TestGguf)
#include "test_gguf.moc"
