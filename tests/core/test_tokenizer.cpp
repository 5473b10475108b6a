// Tokenizers against reference ids made by Hugging Face's tokenizers (tests/reference/
// make_tokenizer_reference.py) on real tokenizer files of five model families (scripts/fetch-fixtures);
// streaming decode; bad files; the SentencePiece module.
#include "io/atomic_file.h"
#include "test_data.h"
#include "tiny_model.h"
#include "tokenizer/regex.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/unicode.h"
#include "util/error.h"

#include <QProcess>
#include <QtTest>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace ft;

namespace {
const char* const kTokenizers[] = {"llama3", "llama3_2", "qwen2_5", "deepseek_v4", "mistral_v1", "mistral_v3", "gemma3"};

std::vector<nlohmann::json> readJsonl(const std::string& path) {
    std::vector<nlohmann::json> out;
    std::istringstream in(test::readText(path));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    return out;
}

void expectLoadError(const std::string& dir, const char* fragment) {
    try {
        Tokenizer::load(dir);
        QFAIL(qPrintable(QString("no error for %1").arg(dir.c_str())));
    } catch (const Error& e) {
        QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("tokenizer.json") != std::string::npos, "the error must name the file");
    }
}
} // namespace

class TestTokenizer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesReferenceIds_data() {
        QTest::addColumn<QString>("name");
        for (const char* n : kTokenizers) QTest::newRow(n) << QString(n);
    }
    void matchesReferenceIds() {
        QFETCH(QString, name);
        const auto tok = Tokenizer::load(test::fixturesDir() + "/tokenizers/" + name.toStdString());
        const auto refs = readJsonl(test::dataDir() + "/tokenizers/reference-" + name.toStdString() + ".jsonl");
        QVERIFY(refs.size() >= 40);
        size_t checked = 0;
        for (const auto& r : refs) {
            const std::string text = r["text"];
            const auto ids = tok->encode(text, false);
            QVERIFY2(ids == r["ids"].get<std::vector<int32_t>>(), qPrintable("ids differ for " + QString::fromStdString(text)));
            QVERIFY2(tok->encode(text, true) == r["ids_special"].get<std::vector<int32_t>>(),
                     qPrintable("ids with special tokens differ for " + QString::fromStdString(text)));
            QCOMPARE(tok->decode(ids, false), r["decoded"].get<std::string>());
            QCOMPARE(tok->decode(ids, true), r["decoded_skip"].get<std::string>());
            checked += 4;
        }
        qInfo("%s: %zu checks against the reference", qPrintable(name), checked);
    }

    void streamingDecodeEqualsDecode_data() { matchesReferenceIds_data(); }
    void streamingDecodeEqualsDecode() {
        QFETCH(QString, name);
        const auto tok = Tokenizer::load(test::fixturesDir() + "/tokenizers/" + name.toStdString());
        for (const auto& r : readJsonl(test::dataDir() + "/tokenizers/reference-" + name.toStdString() + ".jsonl")) {
            const auto ids = r["ids"].get<std::vector<int32_t>>();
            StreamingDecoder stream(*tok, false);
            std::string streamed;
            for (int32_t id : ids) {
                const std::string piece = stream.push(id);
                QVERIFY(unicode::isValidUtf8(piece)); // never half a character
                streamed += piece;
            }
            streamed += stream.finish();
            QVERIFY2(streamed == tok->decode(ids, false), qPrintable("streaming differs for " + QString::fromStdString(r["text"])));
        }
    }

    void specialTokensAndConfig() {
        const auto tok = Tokenizer::load(test::fixturesDir() + "/tokenizers/qwen2_5");
        QCOMPARE(tok->config().eosToken, std::string("<|im_end|>"));
        QCOMPARE(tok->config().eosId, tok->tokenToId("<|im_end|>"));
        QVERIFY(tok->isSpecial(tok->config().eosId));
        QVERIFY(!tok->config().chatTemplate.empty());
        QCOMPARE(tok->idToToken(tok->config().eosId), std::string("<|im_end|>"));
        const auto mistral = Tokenizer::load(test::fixturesDir() + "/tokenizers/mistral_v1");
        QCOMPARE(mistral->config().bosId, 1);
        QCOMPARE(mistral->encode("hi", true).front(), 1); // BOS from the post-processor
        QVERIFY(mistral->kind().find("SentencePiece-style") != std::string::npos);
    }

    void badFilesAreClearErrors() {
        const std::string root = test::makeTempDir("badtok");
        auto write = [&](const std::string& name, const std::string& json) {
            std::filesystem::create_directories(root + "/" + name);
            writeFileAtomic(root + "/" + name + "/tokenizer.json", json);
            return root + "/" + name;
        };
        expectLoadError(write("unigram", R"({"model": {"type": "Unigram", "vocab": [["a", -1.0]]}})"), "\"Unigram\" is not supported");
        expectLoadError(write("wordpiece", R"({"model": {"type": "WordPiece", "vocab": {"a": 0}}})"), "\"WordPiece\" is not supported");
        expectLoadError(write("broken", R"({"model": {"type": "BPE", "vocab": {"a": 0})"), "not valid JSON");
        expectLoadError(write("nomerges", R"({"model": {"type": "BPE", "vocab": {"a": 0, "b": 1}}})"), "no \"merges\" list");
        expectLoadError(write("badmerge", R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": ["a z"]}})"), "missing from the vocab");
        expectLoadError(
            write("badpre",
                  R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}, "pre_tokenizer": {"type": "BertPreTokenizer"}})"),
            "\"BertPreTokenizer\" is not supported");
        expectLoadError(
            write(
                "badregex",
                R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}, "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "(?<=a)b"}, "behavior": "Isolated"}})"),
            "not supported");
        std::filesystem::create_directories(root + "/empty");
        try {
            Tokenizer::load(root + "/empty");
            QFAIL("a folder without tokenizer files must fail");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("no tokenizer.json or tokenizer.model") != std::string::npos);
        }
    }

    void regexEngine() {
        const auto cps = [](const char* s) { return unicode::toCodepoints(s); };
        const Regex gpt2(R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)");
        const auto text = cps("Hello world's  42!!\n");
        std::vector<std::string> pieces;
        for (const auto& [b, e] : gpt2.findAll(text))
            pieces.push_back(unicode::fromCodepoints({text.begin() + long(b), text.begin() + long(e)}));
        QCOMPARE(pieces, (std::vector<std::string>{"Hello", " world", "'s", " ", " 42", "!!", "\n"}));
        QCOMPARE(Regex("(?i:'S|'T)").matchAt(cps("'s"), 0), 2L);
        QCOMPARE(Regex("a+?b").matchAt(cps("aaab"), 0), 4L);
        QCOMPARE(Regex("\\p{N}{1,3}").matchAt(cps("12345"), 0), 3L);
        QCOMPARE(Regex("[^\\r\\n\\p{L}\\p{N}]?\\p{L}+").matchAt(cps("\xC3\xA9t\xC3\xA9"), 0), 3L); // été
        QCOMPARE(Regex("x(?=y)").matchAt(cps("xz"), 0), -1L);
        QVERIFY_THROWS_EXCEPTION(Error, Regex("(?<name>a)"));
        QVERIFY_THROWS_EXCEPTION(Error, Regex("\\p{Lu}"));
        QVERIFY_THROWS_EXCEPTION(Error, Regex("a++"));
    }

    void unicodeNormalization() {
        QCOMPARE(unicode::nfc("e\xCC\x81"), std::string("\xC3\xA9")); // e + combining acute -> é
        QCOMPARE(unicode::nfd("\xC3\xA9"), std::string("e\xCC\x81"));
        QCOMPARE(unicode::nfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"), std::string("\xED\x95\x9C")); // Hangul L V T -> 한
        QCOMPARE(unicode::nfc("a\xCC\xA3\xCC\x87"), std::string("\xE1\xBA\xA1\xCC\x87"));            // ordering: dot below first
        QCOMPARE(int(unicode::category(U'7')), int(unicode::Number));
        QCOMPARE(int(unicode::category(0x4E2D)), int(unicode::Letter)); // 中
        QVERIFY(unicode::isWhiteSpace(0x3000));
        QVERIFY(!unicode::isWhiteSpace(0x200B)); // zero width space is not White_Space
        size_t bad = 0;
        QVERIFY(!unicode::isValidUtf8("ok\xC3", &bad));
        QCOMPARE(bad, size_t(2));
    }

    void sentencePieceModelThroughIsolatedModule() {
        // Train a small SentencePiece BPE model with the sentencepiece tools, then compare our
        // tokenizer.model path (libft_spm, loaded with RTLD_DEEPBIND) with spm_encode's ids.
        const std::string dir = test::makeTempDir("spm");
        std::string corpus;
        for (int i = 0; i < 200; ++i)
            corpus += "The quick brown fox " + std::to_string(i) + " jumps over the lazy dog. Fine-tuning models is fun!\n";
        writeFileAtomic(dir + "/corpus.txt", corpus);
        QProcess train;
        train.setWorkingDirectory(QString::fromStdString(dir));
        train.start("spm_train", {"--input=corpus.txt", "--model_prefix=tokenizer", "--vocab_size=400", "--model_type=bpe",
                                  "--byte_fallback=true", "--bos_id=1", "--eos_id=2", "--unk_id=0", "--minloglevel=2"});
        QVERIFY2(train.waitForFinished(60000) && train.exitCode() == 0, train.readAllStandardError().constData());
        writeFileAtomic(dir + "/tokenizer_config.json", R"({"bos_token": "<s>", "eos_token": "</s>", "add_bos_token": true})");
        const auto tok = Tokenizer::load(dir);
        QCOMPARE(tok->kind(), std::string("tokenizer.model (SentencePiece)"));
        const std::string text = "The lazy fox jumps 42 times. Ünïcode 中";
        QProcess enc;
        enc.start("spm_encode", {QString::fromStdString("--model=" + dir + "/tokenizer.model"), "--output_format=id"});
        enc.write(QByteArray::fromStdString(text + "\n"));
        enc.closeWriteChannel();
        QVERIFY(enc.waitForFinished(30000));
        std::vector<int32_t> expected;
        std::istringstream ids(enc.readAllStandardOutput().toStdString());
        for (int32_t id; ids >> id;) expected.push_back(id);
        QVERIFY(!expected.empty());
        QCOMPARE(tok->encode(text, false), expected);
        auto withBos = expected;
        withBos.insert(withBos.begin(), 1);
        QCOMPARE(tok->encode(text, true), withBos);
        QCOMPARE(tok->decode(expected, false), text);
        QCOMPARE(tok->encode("<s>", false), std::vector<int32_t>{1}); // control pieces written in text
        QCOMPARE(tok->config().eosId, 2);
    }
};

QTEST_APPLESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
