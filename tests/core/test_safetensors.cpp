// safetensors reader/writer: round trips in every dtype we store, and one clear error per corruption.
#include "io/atomic_file.h"
#include "io/model_weights.h"
#include "io/safetensors.h"
#include "model/model_loader.h"
#include "tiny_model.h"
#include "util/error.h"

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace ft;

namespace {

// Writes a file by hand: u64 header length, header text, then `dataBytes` bytes of 0x11.
void writeRaw(const std::string& path, const std::string& header, size_t dataBytes) {
    std::ofstream out(path, std::ios::binary);
    const uint64_t n = header.size();
    out.write(reinterpret_cast<const char*>(&n), 8);
    out << header;
    out << std::string(dataBytes, '\x11');
}

// Expects opening `path` to throw an ft::Error whose message contains every fragment.
void expectError(const std::string& path, std::initializer_list<const char*> fragments) {
    try {
        SafetensorsFile f(path);
        QFAIL(qPrintable(QString("no error for %1").arg(QString::fromStdString(path))));
    } catch (const Error& e) {
        const std::string msg = e.what();
        for (const char* frag : fragments)
            QVERIFY2(msg.find(frag) != std::string::npos, qPrintable(QString("'%1' lacks '%2'").arg(msg.c_str(), frag)));
        QVERIFY2(msg.find(path) != std::string::npos, "error must name the file");
    }
}

} // namespace

class TestSafetensors final : public QObject {
    Q_OBJECT

private:
    std::string m_dir;

private Q_SLOTS:
    void initTestCase() { m_dir = test::makeTempDir("safetensors"); }

    void roundTripAllDtypes() {
        const std::string path = m_dir + "/rt.safetensors";
        auto f32 = torch::randn({3, 5});
        auto f16 = torch::randn({7}).to(torch::kFloat16);
        auto bf16 = torch::randn({2, 3, 4}).to(torch::kBFloat16);
        auto scalar = torch::tensor(3.5f);
        auto empty = torch::zeros({0, 4});
        auto ints = torch::arange(10, torch::kInt64);
        writeSafetensors(path, {{"a.f32", f32}, {"b.f16", f16}, {"c.bf16", bf16}, {"scalar", scalar}, {"empty", empty}, {"ints", ints}},
                         {{"note", "hello"}});
        SafetensorsFile f(path);
        QCOMPARE(f.entries().size(), size_t(6));
        QCOMPARE(f.metadata().at("format"), std::string("pt"));
        QCOMPARE(f.metadata().at("note"), std::string("hello"));
        QCOMPARE(f.entry("c.bf16").dtype, std::string("BF16"));
        QVERIFY(torch::equal(f.tensor("a.f32"), f32));
        QVERIFY(torch::equal(f.tensor("b.f16"), f16));
        QVERIFY(torch::equal(f.tensor("c.bf16"), bf16));
        QVERIFY(torch::equal(f.tensor("scalar"), scalar));
        QCOMPARE(f.tensor("empty").sizes().vec(), (std::vector<int64_t>{0, 4}));
        QVERIFY(torch::equal(f.tensor("ints"), ints));
        // The data buffer starts 8-byte aligned, as the reference writer does it.
        std::ifstream in(path, std::ios::binary);
        uint64_t n = 0;
        in.read(reinterpret_cast<char*>(&n), 8);
        QCOMPARE(n % 8, uint64_t(0));
    }

    void tensorOutlivesFileObject() {
        const std::string path = m_dir + "/alive.safetensors";
        auto x = torch::randn({64});
        writeSafetensors(path, {{"x", x}});
        torch::Tensor view;
        {
            SafetensorsFile f(path);
            view = f.tensor("x");
        }
        QVERIFY(torch::equal(view, x)); // the mapping is kept alive by the tensor
    }

    void truncatedFile() {
        const std::string path = m_dir + "/trunc.safetensors";
        writeSafetensors(path, {{"w", torch::randn({16, 16})}});
        std::filesystem::resize_file(path, std::filesystem::file_size(path) - 100);
        expectError(path, {"\"w\"", "run past the end"});
        std::filesystem::resize_file(path, 5);
        expectError(path, {"shorter than the 8-byte header length"});
    }

    void badHeaderJson() {
        const std::string path = m_dir + "/badjson.safetensors";
        writeRaw(path, "{\"w\": {\"dtype\": \"F32\", ", 0);
        expectError(path, {"not valid JSON"});
        writeRaw(path, "[1, 2, 3]", 0);
        expectError(path, {"not a JSON object"});
    }

    void headerLongerThanFile() {
        const std::string path = m_dir + "/hugeheader.safetensors";
        std::ofstream out(path, std::ios::binary);
        const uint64_t n = 1'000'000;
        out.write(reinterpret_cast<const char*>(&n), 8);
        out << "{}";
        out.close();
        expectError(path, {"header length 1000000 does not fit"});
    }

    void offsetsOutOfRange() {
        const std::string path = m_dir + "/range.safetensors";
        writeRaw(
            path,
            R"({"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}, "v": {"dtype": "F32", "shape": [4], "data_offsets": [16, 32]}})",
            24);
        expectError(path, {"\"v\"", "run past the end"});
    }

    void overlappingTensors() {
        const std::string path = m_dir + "/overlap.safetensors";
        writeRaw(
            path,
            R"({"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}, "b": {"dtype": "F32", "shape": [4], "data_offsets": [8, 24]}})",
            24);
        expectError(path, {"overlap", "\"a\"", "\"b\""});
    }

    void holeBetweenTensors() {
        const std::string path = m_dir + "/hole.safetensors";
        writeRaw(
            path,
            R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [2], "data_offsets": [16, 24]}})",
            24);
        expectError(path, {"unused bytes before tensor \"b\""});
    }

    void dtypeShapeMismatch() {
        const std::string path = m_dir + "/mismatch.safetensors";
        writeRaw(path, R"({"w": {"dtype": "BF16", "shape": [4, 4], "data_offsets": [0, 64]}})", 64);
        expectError(path, {"\"w\"", "needs 32 bytes but data_offsets span 64"});
    }

    void unsupportedDtype() {
        const std::string path = m_dir + "/f8.safetensors";
        writeRaw(path, R"({"w": {"dtype": "F8_E4M3", "shape": [4], "data_offsets": [0, 4]}})", 4);
        expectError(path, {"\"w\"", "unsupported dtype \"F8_E4M3\""});
    }

    void badEntryFields() {
        const std::string path = m_dir + "/fields.safetensors";
        writeRaw(path, R"({"w": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}})", 4);
        expectError(path, {"\"w\"", "shape"});
        writeRaw(path, R"({"w": {"dtype": "F32", "shape": [1]}})", 4);
        expectError(path, {"\"w\"", "data_offsets"});
        writeRaw(path, R"({"__metadata__": {"format": 3}})", 0);
        expectError(path, {"__metadata__"});
    }

    void trailingBytes() {
        const std::string path = m_dir + "/trailing.safetensors";
        writeRaw(path, R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}})", 12);
        expectError(path, {"holds 12 bytes but the tensors use 8"});
    }

    void missingTensorInModel() {
        const std::string dir = m_dir + "/missing-model";
        const auto cfg = test::tinyConfig("llama-gqa");
        test::writeTinyModel(dir, cfg, 1);
        // Rewrite the weights without one projection.
        std::vector<std::pair<std::string, torch::Tensor>> kept;
        {
            SafetensorsFile f(dir + "/model.safetensors");
            for (const auto& e : f.entries())
                if (e.name != "model.layers.1.mlp.up_proj.weight") kept.emplace_back(e.name, f.tensor(e.name).clone());
        }
        writeSafetensors(dir + "/model.safetensors", kept);
        try {
            loadModel(dir);
            QFAIL("loading a model with a missing tensor must fail");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("lack tensor \"model.layers.1.mlp.up_proj.weight\"") != std::string::npos);
        }
    }

    void wrongShapeInModel() {
        const std::string dir = m_dir + "/shape-model";
        auto cfg = test::tinyConfig("llama-gqa");
        test::writeTinyModel(dir, cfg, 1);
        cfg.intermediateSize = 64; // config.json now disagrees with the weights
        ft::writeFileAtomic(dir + "/config.json", cfg.toJson());
        try {
            loadModel(dir);
            QFAIL("loading a model whose shapes disagree with config.json must fail");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("has shape [48, 32] but config.json implies [64, 32]") != std::string::npos, e.what());
        }
    }

    void unexpectedTensorInModel() {
        const std::string dir = m_dir + "/extra-model";
        const auto cfg = test::tinyConfig("llama-gqa");
        test::writeTinyModel(dir, cfg, 1);
        std::vector<std::pair<std::string, torch::Tensor>> all;
        {
            SafetensorsFile f(dir + "/model.safetensors");
            for (const auto& e : f.entries()) all.emplace_back(e.name, f.tensor(e.name).clone());
        }
        all.emplace_back("model.layers.0.self_attn.rotary_emb.inv_freq", torch::ones({4})); // tolerated
        writeSafetensors(dir + "/model.safetensors", all);
        loadModel(dir);
        all.emplace_back("model.layers.0.mystery.weight", torch::ones({4}));
        writeSafetensors(dir + "/model.safetensors", all);
        try {
            loadModel(dir);
            QFAIL("an unknown tensor must be reported");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("\"model.layers.0.mystery.weight\" is not part of") != std::string::npos);
        }
    }

    void shardedModelLoadsLikeSingleFile() {
        const auto cfg = test::tinyConfig("llama-gqa");
        const std::string single = m_dir + "/single", sharded = m_dir + "/sharded";
        test::writeTinyModel(single, cfg, 7);
        test::writeTinyModel(sharded, cfg, 7, /*shardBytes=*/20'000);
        QVERIFY(std::filesystem::exists(sharded + "/model.safetensors.index.json"));
        QVERIFY(!std::filesystem::exists(sharded + "/model.safetensors"));
        ModelWeights w(sharded);
        QVERIFY(w.files().size() > 2);
        auto a = loadModel(single), b = loadModel(sharded);
        auto ids = torch::randint(0, cfg.vocabSize, {1, 9}, torch::kInt64);
        QVERIFY(torch::equal(a.model->forward(ids), b.model->forward(ids)));

        // An index that maps a tensor to a shard which does not hold it is reported...
        auto index = nlohmann::json::parse(ft::readFile(sharded + "/model.safetensors.index.json"));
        const std::string holder = index["weight_map"]["model.norm.weight"];
        std::string other;
        for (const auto& [name, file] : index["weight_map"].items())
            if (file != holder) other = file;
        index["weight_map"]["model.norm.weight"] = other;
        ft::writeFileAtomic(sharded + "/model.safetensors.index.json", index.dump());
        try {
            ModelWeights bad(sharded);
            QFAIL("a wrong index must be reported");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("\"model.norm.weight\" is mapped to " + other) != std::string::npos, e.what());
        }
        // ...and so is a shard that does not exist.
        index["weight_map"]["model.norm.weight"] = "model-00009-of-00009.safetensors";
        ft::writeFileAtomic(sharded + "/model.safetensors.index.json", index.dump());
        try {
            ModelWeights bad(sharded);
            QFAIL("a missing shard must be reported");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("model-00009-of-00009.safetensors, which does not exist") != std::string::npos, e.what());
        }
    }

    void noWeightsAtAll() {
        const std::string dir = m_dir + "/empty-model";
        std::filesystem::create_directories(dir);
        try {
            ModelWeights w(dir);
            QFAIL("a folder without weights must fail");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("no model.safetensors") != std::string::npos);
        }
    }
};

QTEST_APPLESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
