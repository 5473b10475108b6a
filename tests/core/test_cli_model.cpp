// The `finetune` command line over a tiny model: info, score and generate contracts, and errors that
// go to stderr with a non-zero exit and nothing on stdout.
#include "generate/generator.h"
#include "model/model_loader.h"
#include "cli_runner.h"
#include "tiny_model.h"

#include <QProcess>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace ft;

namespace {
using test::runCli;
} // namespace

class TestCliModel final : public QObject {
    Q_OBJECT

private:
    std::string m_dir;

private Q_SLOTS:
    void initTestCase() {
        m_dir = test::makeTempDir("cli") + "/qwen2";
        test::writeTinyModel(m_dir, test::tinyConfig("qwen2"), 5);
    }

    void info() {
        const auto r = runCli({"info", "--model", QString::fromStdString(m_dir)});
        QCOMPARE(r.exitCode, 0);
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j["architecture"].get<std::string>(), std::string("Qwen2ForCausalLM"));
        QCOMPARE(j["layers"].get<int>(), 2);
        QCOMPARE(j["hidden_size"].get<int>(), 32);
        QCOMPARE(j["heads"].get<int>(), 4);
        QCOMPARE(j["kv_heads"].get<int>(), 2);
        QCOMPARE(j["vocab_size"].get<int>(), 97);
        QCOMPARE(j["dtype"].get<std::string>(), std::string("float32"));
        QCOMPARE(j["max_positions"].get<int>(), 256);
        QCOMPARE(j["parameters"].get<int64_t>(), test::tinyConfig("qwen2").parameterCount());
    }

    void scoreMatchesLibrary() {
        const auto r = runCli({"score", "--model", QString::fromStdString(m_dir)}, "{\"ids\": [1, 5, 9, 33, 2]}\n\n{\"ids\": [7]}\n");
        QCOMPARE(r.exitCode, 0);
        std::vector<std::string> lines;
        std::istringstream in(r.out);
        for (std::string l; std::getline(in, l);) lines.push_back(l);
        QCOMPARE(lines.size(), size_t(2));
        const auto a = nlohmann::json::parse(lines[0]);
        LoadedModel m = loadModel(m_dir);
        const auto expected = scoreTokens(*m.model, {1, 5, 9, 33, 2});
        const auto got = a["logprobs"].get<std::vector<double>>();
        QCOMPARE(got.size(), size_t(4));
        double sum = 0;
        for (size_t i = 0; i < 4; ++i) {
            QVERIFY(std::abs(got[i] - expected[i]) < 1e-9);
            sum += got[i];
        }
        QVERIFY(std::abs(a["nll"].get<double>() + sum / 4) < 1e-9);
        QVERIFY(std::abs(a["ppl"].get<double>() - std::exp(-sum / 4)) < 1e-6);
        QVERIFY(nlohmann::json::parse(lines[1])["nll"].is_null());
    }

    void scoreErrorsPrintNothing() {
        const auto bad = runCli({"score", "--model", QString::fromStdString(m_dir)}, "{\"ids\": [1, 2]}\n{\"ids\": [1, 2\n");
        QVERIFY(bad.exitCode != 0);
        QVERIFY(bad.out.empty());
        QVERIFY2(bad.err.find("stdin line 2") != std::string::npos, bad.err.c_str());
        const auto range = runCli({"score", "--model", QString::fromStdString(m_dir)}, "{\"ids\": [1, 2]}\n{\"ids\": [1, 200]}\n");
        QVERIFY(range.exitCode != 0);
        QVERIFY(range.out.empty());
        QVERIFY2(range.err.find("stdin line 2") != std::string::npos && range.err.find("200") != std::string::npos, range.err.c_str());
    }

    void generateJson() {
        const auto r = runCli(
            {"generate", "--model", QString::fromStdString(m_dir), "--ids", "1,5,9", "--max-new-tokens", "6", "--ignore-eos", "--json"});
        QCOMPARE(r.exitCode, 0);
        const auto j = nlohmann::json::parse(r.out);
        const auto ids = j["ids"].get<std::vector<int64_t>>();
        QCOMPARE(ids.size(), size_t(9));
        QCOMPARE(std::vector<int64_t>(ids.begin(), ids.begin() + 3), (std::vector<int64_t>{1, 5, 9}));
        LoadedModel m = loadModel(m_dir);
        GenerateOptions o;
        o.maxNewTokens = 6;
        const auto expected = generate(*m.model, {{1, 5, 9}}, o).at(0).tokens;
        QCOMPARE(std::vector<int64_t>(ids.begin() + 3, ids.end()), expected);
    }

    void errorsAreClear() {
        auto r = runCli({"info", "--model", "/nonexistent/model"});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.out.empty());
        QVERIFY2(r.err.find("/nonexistent/model") != std::string::npos, r.err.c_str());
        r = runCli({"generate", "--model", QString::fromStdString(m_dir), "--ids", "1,x"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.find("--ids") != std::string::npos, r.err.c_str());
        r = runCli({"generate", "--model", QString::fromStdString(m_dir), "--ids", "1", "--top-p", "2"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.find("top-p") != std::string::npos, r.err.c_str());
        r = runCli({"score", "--model", QString::fromStdString(m_dir), "--bogus", "1"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.find("unknown option --bogus") != std::string::npos, r.err.c_str());
        r = runCli({"score", "--model", QString::fromStdString(m_dir), "--dtype", "int4"}, "{\"ids\": [1, 2]}\n");
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.find("int4") != std::string::npos, r.err.c_str());
    }

    void bench() {
        const auto r = runCli(
            {"bench", "--model", QString::fromStdString(m_dir), "--prompt-len", "16", "--new-tokens", "4", "--repeat", "1", "--json"});
        QCOMPARE(r.exitCode, 0);
        const auto j = nlohmann::json::parse(r.out);
        QVERIFY(j["prefill_tokens_per_s"].get<double>() > 0);
        QVERIFY(j["decode_tokens_per_s"].get<double>() > 0);
    }
};

QTEST_GUILESS_MAIN(TestCliModel)
#include "test_cli_model.moc"
