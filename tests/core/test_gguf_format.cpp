// The GGUF file format: the number encodings (half, bfloat16, q8_0) against libtorch's and ggml's,
// the writer and reader round trip, one clear error per corruption, and the tokenizer metadata of
// real tokenizer files and of a SentencePiece model.
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

class TestGgufFormat : public QObject {
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
        QCOMPARE(gguf::floatToHalf(65520.0f), uint16_t(0x7c00));      // rounds to infinity
        QCOMPARE(gguf::floatToHalf(5.9604645e-8f), uint16_t(0x0001)); // the smallest subnormal
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
        for (int i = 0; i < 32; ++i) x[size_t(i)] = 0.5f * float(i) - 8.0f; // -8 .. 7.5; the second block stays 0
        std::vector<uint8_t> q(2 * gguf::kQ8_0BlockBytes);
        gguf::quantizeQ8_0(x.data(), x.size(), q.data());
        uint16_t d;
        std::memcpy(&d, q.data(), 2);
        QCOMPARE(d, gguf::floatToHalf(8.0f / 127.0f));
        QCOMPARE(int(int8_t(q[2])), -127);                                // -8 / d
        QCOMPARE(int(int8_t(q[2 + 16])), 0);                              // 0
        QCOMPARE(int(int8_t(q[2 + 31])), 119);                            // round(7.5 * 127 / 8) = round(119.06)
        QCOMPARE(int(int8_t(q[2 + 1])), -119);                            // round(-7.5 * 127 / 8)
        for (int j = 0; j < 34; ++j) QCOMPARE(int(q[size_t(34 + j)]), 0); // an all-zero block: scale 0
        std::vector<float> back(64);
        gguf::dequantizeQ8_0(q.data(), 64, back.data());
        const float step = gguf::halfToFloat(d);
        for (int i = 0; i < 64; ++i)
            QVERIFY(std::fabs(back[size_t(i)] - x[size_t(i)]) <= step * 0.57f); // half a step, plus the scale's own rounding
    }

    void writerAndReaderRoundTrip() {
        const std::string dir = test::makeTempDir("gguf-rt");
        for (uint32_t alignment : {32u, 64u}) {
            gguf::Writer w;
            gguf::Value v;
            w.set("general.architecture", gguf::Value::string("llama"));
            if (alignment != 32) w.set("general.alignment", gguf::Value::u32(alignment));
            for (auto [type, value] : std::vector<std::pair<gguf::ValueType, int64_t>>{{gguf::ValueType::U8, 200},
                                                                                       {gguf::ValueType::I8, -100},
                                                                                       {gguf::ValueType::U16, 60000},
                                                                                       {gguf::ValueType::I16, -30000},
                                                                                       {gguf::ValueType::U32, 4000000000},
                                                                                       {gguf::ValueType::I32, -2000000000},
                                                                                       {gguf::ValueType::U64, 1ll << 40},
                                                                                       {gguf::ValueType::I64, -(1ll << 40)},
                                                                                       {gguf::ValueType::Bool, 1}}) {
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
            w.set("test.f32", gguf::Value::f32(2.0f)); // replaces, keeps its place
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
            QCOMPARE(f.tensorValues("mat")[10], 0.0f);                          // 10 % 7 - 3 = 0
            QVERIFY(std::fabs(f.tensorValues("mat")[13] - 3.0f) < 3.0f / 2048); // 127 steps of a half-precision scale
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
        const size_t infoEnd = bytes.size() - 64; // 64 bytes of data (two 32-byte tensors) after the padded header
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
        QCOMPARE(bits, 0x01010101u); // the bytes b's producer wrote
    }

    void vocabOfRealTokenizers_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("pre");
        QTest::addColumn<bool>("addBos");
        QTest::addColumn<bool>("spacePrefix"); // SentencePiece-style files: whether "▁" is prepended
        QTest::newRow("llama3") << "llama3"
                                << "gpt2"
                                << "llama-bpe" << false << false; // this file's post-processor adds no BOS
        QTest::newRow("qwen2_5") << "qwen2_5"
                                 << "gpt2"
                                 << "qwen2" << false << false;
        QTest::newRow("deepseek_v4") << "deepseek_v4"
                                     << "gpt2"
                                     << "deepseek-v3" << false << false; // add_bos_token false in tokenizer_config.json
        QTest::newRow("mistral_v1") << "mistral_v1"
                                    << "llama"
                                    << "" << true << true; // legacy: "▁" prepended
        QTest::newRow("mistral_v3") << "mistral_v3"
                                    << "llama"
                                    << "" << true << true;
        QTest::newRow("gemma3") << "gemma3"
                                << "llama"
                                << "" << true << false; // Gemma prepends nothing
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
            QCOMPARE(v.types[size_t(id)], int32_t(id == v.unk                ? gguf::Unknown
                                                  : a["special"].get<bool>() ? gguf::Control
                                                                             : gguf::UserDefined));
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
            const char* words[] = {"the",   "order", "of",     "pizza", "delivery", "pickup", "street", "main",  "coffee", "tea",
                                   "large", "small", "please", "send",  "two",      "bring",  "with",   "extra", "cheese", "today"};
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
        QCOMPARE(v.types[3], int32_t(gguf::Control)); // <|im_end|>
        QCOMPARE(v.types[size_t(tok->tokenToId("<0x41>"))], int32_t(gguf::Byte));
        QCOMPARE(v.eot, 3);
        QCOMPARE(v.unk, 0);
        QVERIFY(v.addBos && !v.addEos && v.addSpacePrefix);
        // SentencePiece's BPE scores fall with the merge order; the first merged piece scores highest.
        const size_t firstMerged = size_t(tok->tokenToId("<0xFF>")) + 1;
        QVERIFY(v.scores[firstMerged] > v.scores[firstMerged + 50]);
        writeFileAtomic(dir + "/tokenizer.model", "\x0a\x05\x0a\x03"); // cut short
        expectError([&] { gguf::readVocab(dir, 400, {}); }, {"tokenizer.model", "not a valid SentencePiece model"});
    }
};

QTEST_GUILESS_MAIN(TestGgufFormat)
#include "test_gguf_format.moc"
