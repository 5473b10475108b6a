// Pre-training from plain text: a SentencePiece tokenizer and a small Llama model come out as a
// Hugging Face folder that loads, tokenizes ChatML turns atomically, generates and takes a LoRA run;
// the loss falls below chance; bad input (no text, not UTF-8, a folder with a model, too little
// text, no spm_train) fails with the file or field named.
#include "chat/chat_template.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "model/model_loader.h"
#include "tiny_model.h"
#include "tokenizer/tokenizer.h"
#include "train/pretrain.h"
#include "train/run_config.h"
#include "train/trainer.h"
#include "util/error.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstdlib>

using namespace ft;

namespace {

// A few hundred sentences from a small grammar: enough text for a tokenizer and a visible drop in loss.
std::string corpus() {
    const char* subjects[] = {"The farmer", "A child", "The old sailor", "My neighbour", "The teacher", "A merchant"};
    const char* verbs[] = {"sold", "found", "carried", "painted", "counted", "wanted"};
    const char* objects[] = {"three apples", "a red boat", "the wooden box", "seven letters", "a small garden", "two horses"};
    const char* places[] = {"in the market", "by the river", "at dawn", "near the church", "after dinner", "in the rain"};
    std::string text;
    for (int i = 0; i < 600; ++i) {
        text += std::string(subjects[i % 6]) + " " + verbs[(i / 6) % 6] + " " + objects[(i / 36) % 6] + " " + places[(i * 7) % 6] + ".\n";
        if (i % 5 == 4) text += "\n";
    }
    return text;
}

} // namespace

class TestPretrain final : public QObject {
    Q_OBJECT

private:
    std::string m_dir;

    PretrainOptions small(const std::string& out) {
        PretrainOptions o;
        o.textFiles = {m_dir + "/corpus.txt"};
        o.outDir = out;
        o.vocabSize = 400;
        o.hiddenSize = 48;
        o.layers = 2;
        o.heads = 2;
        o.kvHeads = 1;
        o.intermediateSize = 96;
        o.seqLen = 48;
        o.batchSize = 8;
        o.lr = 5e-3;
        o.warmupSteps = 5;
        o.maxSteps = 80;
        o.maxMinutes = 0;
        o.device = "cpu";
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        m_dir = test::makeTempDir("pretrain");
        writeFileAtomic(m_dir + "/corpus.txt", corpus());
    }

    void makesAModelThatEverythingLoads() {
        const std::string out = m_dir + "/model";
        std::vector<std::string> phases;
        const PretrainResult r = pretrainModel(small(out), [&](const PretrainProgress& p) {
            if (phases.empty() || phases.back() != p.phase) phases.push_back(p.phase);
        });
        QCOMPARE(r.steps, int64_t(80));
        QVERIFY2(r.finalLoss < std::log(400.0) - 1.5, qPrintable(QString::number(r.finalLoss))); // well below chance
        QCOMPARE(phases, (std::vector<std::string>{"reading", "tokenizer", "encoding", "training", "saving"}));

        LoadedModel m = loadModel(out);
        QCOMPARE(m.config.numLayers, int64_t(2));
        QCOMPARE(m.config.numKvHeads, int64_t(1));
        auto tokenizer = Tokenizer::load(out);
        QCOMPARE(tokenizer->kind(), std::string("tokenizer.model (SentencePiece)"));
        QCOMPARE(tokenizer->vocabSize(), int32_t(400));
        const std::string sentence = "The farmer sold three apples by the river.";
        QCOMPARE(tokenizer->decode(tokenizer->encode(sentence, false), true), sentence);
        const auto turn = tokenizer->encode("<|im_start|>user\nHi<|im_end|>", false);
        QCOMPARE(turn.front(), tokenizer->tokenToId("<|im_start|>"));
        QCOMPARE(turn.back(), tokenizer->tokenToId("<|im_end|>"));
        const ChatTemplate tmpl = ChatTemplate::forTokenizer(*tokenizer);
        QCOMPARE(int(tmpl.family()), int(TemplateFamily::ChatML));
        QCOMPARE(endOfTurnTokenId(*tokenizer, tmpl), tokenizer->tokenToId("<|im_end|>"));
        QCOMPARE(readJsonFile(out + "/pretrain.json")["steps"].get<int>(), 80);

        // Documents end with <|im_end|>, so the model has learnt the end-of-turn marker that chat
        // fine-tunes must predict: after a whole document it is far likelier than chance (1/400).
        const int64_t endOfTurn = tokenizer->tokenToId("<|im_end|>");
        QVERIFY(std::find(m.eosTokenIds.begin(), m.eosTokenIds.end(), endOfTurn) != m.eosTokenIds.end());
        std::string document;
        for (int i = 0; i < 5; ++i) document += std::string(i ? "\n" : "") + "The farmer sold three apples by the river.";
        const auto docIds = tokenizer->encode(document, /*addSpecialTokens=*/true);
        double endLogprob = 0;
        {
            torch::NoGradGuard noGrad;
            const auto logits = m.model->forward(torch::tensor(std::vector<int64_t>(docIds.begin(), docIds.end())).unsqueeze(0));
            endLogprob = torch::log_softmax(logits[0][-1].to(torch::kFloat32), 0)[endOfTurn].item<double>();
        }
        QVERIFY2(endLogprob > std::log(1.0 / 400) + 2.0, qPrintable(QString::number(endLogprob)));

        // A LoRA run on it, as on any downloaded model.
        std::string train;
        for (int i = 0; i < 8; ++i) train += "{\"prompt\": \"Count " + std::to_string(i) + "\", \"completion\": \"ok\"}\n";
        writeFileAtomic(m_dir + "/train.jsonl", train);
        RunConfig c;
        c.model = out;
        c.data.trainFile = m_dir + "/train.jsonl";
        c.outputDir = m_dir + "/run";
        c.device = "cpu";
        c.train.maxSteps = 3;
        c.train.batchSize = 2;
        c.train.maxSeqLen = 48;
        c.train.evalEvery = 0;
        c.train.saveEvery = 0;
        QCOMPARE(int(Trainer::create(c)->run().status), int(TrainStatus::Completed));
    }

    void badInputIsNamed() {
        PretrainOptions o = small(m_dir + "/model"); // holds a model from the case above
        try {
            pretrainModel(o);
            QFAIL("a folder with a model was overwritten");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("already holds a model") != std::string::npos);
        }
        o = small(m_dir + "/bad1");
        writeFileAtomic(m_dir + "/latin1.txt", "caf\xe9 au lait\n");
        o.textFiles = {m_dir + "/latin1.txt"};
        try {
            pretrainModel(o);
            QFAIL("Latin-1 text was taken");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("latin1.txt: not UTF-8") != std::string::npos, e.what());
        }
        o.textFiles = {m_dir + "/missing.txt"};
        QVERIFY_THROWS_EXCEPTION(Error, pretrainModel(o));
        o = small(m_dir + "/bad2");
        o.heads = 5; // 48 is no multiple of 5
        QVERIFY_THROWS_EXCEPTION(Error, pretrainModel(o));
        o = small(m_dir + "/bad3");
        o.batchSize = 100000; // more than the text holds
        try {
            pretrainModel(o);
            QFAIL("an impossible batch was accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("fewer than one batch") != std::string::npos, e.what());
        }
        // 300 pieces cannot hold 256 bytes, 5 special pieces and this text's 60-odd characters.
        writeFileAtomic(m_dir + "/many-chars.txt", corpus() + "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 bcdfgjklmpqsuvwxyz!?;:()\n");
        o = small(m_dir + "/bad5");
        o.textFiles = {m_dir + "/many-chars.txt"};
        o.vocabSize = 300;
        try {
            pretrainModel(o);
            QFAIL("a vocabulary too small for the text was accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("Vocabulary size is smaller") != std::string::npos, e.what());
            QVERIFY2(e.hint().find("vocabulary size") != std::string::npos, e.hint().c_str());
        }
        qputenv("FT_SPM_TRAIN", "/nonexistent/spm_train");
        o = small(m_dir + "/bad4");
        try {
            pretrainModel(o);
            QFAIL("no trainer, yet no error");
        } catch (const Error& e) {
            QVERIFY2(e.hint().find("sentencepiece") != std::string::npos, e.hint().c_str());
        }
        qunsetenv("FT_SPM_TRAIN");
    }
};

QTEST_MAIN(TestPretrain)
#include "test_pretrain.moc"
