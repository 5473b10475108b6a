// The command line with real tokenizers: tokenize (plain, --jsonl, --decode), render, and text input
// for score and generate on a tiny model that carries the Llama-2-style tokenizer.
#include "generate/generator.h"
#include "io/atomic_file.h"
#include "model/model_loader.h"
#include "test_data.h"
#include "cli_runner.h"
#include "tiny_model.h"
#include "tokenizer/tokenizer.h"

#include <QProcess>
#include <QtTest>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace ft;

namespace {
using test::runCli;

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}
} // namespace

class TestCliText final : public QObject {
    Q_OBJECT

private:
    QString m_tok;
    std::string m_model;

private Q_SLOTS:
    void initTestCase() {
        m_tok = QString::fromStdString(test::fixturesDir() + "/tokenizers/qwen2_5");
        // A tiny model whose vocabulary is the mistral_v1 fixture's, with that tokenizer in its folder.
        m_model = test::makeTempDir("cli-text") + "/model";
        auto cfg = test::tinyConfig("llama-gqa");
        cfg.vocabSize = 32000;
        cfg.eosTokenIds = {2};
        test::writeTinyModel(m_model, cfg, 11);
        for (const char* f : {"tokenizer.json", "tokenizer_config.json"})
            std::filesystem::copy_file(test::fixturesDir() + "/tokenizers/mistral_v1/" + f, m_model + "/" + f);
    }

    void tokenizeRoundTrip() {
        const auto tok = Tokenizer::load(m_tok.toStdString());
        const std::string text = "Fine-tune 中文 👋\nnow";
        auto r = runCli({"tokenize", "--tokenizer", m_tok}, text);
        QCOMPARE(r.exitCode, 0);
        const auto ids = nlohmann::json::parse(r.out)["ids"].get<std::vector<int32_t>>();
        QCOMPARE(ids, tok->encode(text, false));
        r = runCli({"tokenize", "--tokenizer", m_tok, "--decode"}, nlohmann::json{{"ids", ids}}.dump());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(nlohmann::json::parse(r.out)["text"].get<std::string>(), text);
        r = runCli({"tokenize", "--tokenizer", m_tok, "--jsonl"}, "{\"text\": \"a\"}\n\n{\"text\": \"b c\"}\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(lines(r.out).size(), size_t(2));
        QCOMPARE(nlohmann::json::parse(lines(r.out)[1])["ids"].get<std::vector<int32_t>>(), tok->encode("b c", false));
        r = runCli({"tokenize", "--tokenizer", m_tok, "--jsonl"}, "{\"text\": \"a\"}\n{\"txt\": 1}\n");
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.out.empty());
        QVERIFY2(r.err.find("stdin line 2") != std::string::npos, r.err.c_str());
    }

    void render() {
        const std::string conv = R"({"messages": [{"role": "user", "content": "Hi"}]})";
        auto r = runCli({"render", "--tokenizer", m_tok, "--add-generation-prompt"}, conv);
        QCOMPARE(r.exitCode, 0);
        const auto j = nlohmann::json::parse(r.out);
        QVERIFY(j["text"].get<std::string>().find("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n") == 0);
        QCOMPARE(j["template"].get<std::string>(), std::string("chatml"));
        r = runCli({"render", "--tokenizer", m_tok, "--template", "zephyr"}, conv);
        QCOMPARE(nlohmann::json::parse(r.out)["text"].get<std::string>(), std::string("<|user|>\nHi<|im_end|>\n"));
        r = runCli({"render", "--tokenizer", m_tok}, R"({"messages": [{"role": "user"}]})");
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.find("message 0") != std::string::npos, r.err.c_str());
    }

    void scoreAndGenerateText() {
        const auto tok = Tokenizer::load(m_model);
        auto r = runCli({"score", "--model", QString::fromStdString(m_model)}, "{\"text\": \"Hello world\"}\n");
        QCOMPARE(r.exitCode, 0);
        auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j["ids"].get<std::vector<int32_t>>(), tok->encode("Hello world", true)); // BOS included
        QCOMPARE(j["logprobs"].size(), j["ids"].size() - 1);

        r = runCli({"generate", "--model", QString::fromStdString(m_model), "--prompt", "Hello", "--max-new-tokens", "5", "--ignore-eos",
                    "--json"});
        QCOMPARE(r.exitCode, 0);
        j = nlohmann::json::parse(r.out);
        const auto ids = j["ids"].get<std::vector<int32_t>>();
        const auto prompt = tok->encode("Hello", true);
        QCOMPARE(std::vector<int32_t>(ids.begin(), ids.begin() + long(prompt.size())), prompt);
        QCOMPARE(ids.size(), prompt.size() + 5);
        QCOMPARE(j["text"].get<std::string>(), tok->decode(ids, true));
        QCOMPARE(j["completion"].get<std::string>(), tok->decode({ids.begin() + long(prompt.size()), ids.end()}, true));

        // Streaming text output ends with exactly the completion.
        r = runCli({"generate", "--model", QString::fromStdString(m_model), "--prompt", "Hello", "--max-new-tokens", "5", "--ignore-eos"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, "Hello" + j["completion"].get<std::string>() + "\n");
    }
};

QTEST_GUILESS_MAIN(TestCliText)
#include "test_cli_text.moc"
