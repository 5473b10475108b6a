// Generation: batched prompts of different lengths equal one-by-one generation; stops, streaming,
// cancellation and sampling options behave as documented.
#include "generate/generator.h"
#include "model/model_loader.h"
#include "tiny_model.h"
#include "util/error.h"

#include <QtTest>

using namespace ft;

class TestGenerate final : public QObject {
    Q_OBJECT

private:
    LoadedModel m_model;
    std::vector<std::vector<int64_t>> m_prompts = {{5, 9, 13, 4, 70, 21, 8}, {3}, {44, 45, 46, 11}, {90, 1, 60, 60, 2, 17, 33, 8, 9, 10}};

    std::vector<int64_t> greedyTokens(const std::vector<int64_t>& prompt, int64_t n) {
        GenerateOptions o;
        o.maxNewTokens = n;
        return generate(*m_model.model, {prompt}, o).at(0).tokens;
    }

private Q_SLOTS:
    void initTestCase() {
        const std::string dir = test::makeTempDir("generate") + "/model";
        auto cfg = test::tinyConfig("llama-gqa");
        cfg.eosTokenIds = {}; // no EOS, so rows run to max tokens unless a test adds one
        test::writeTinyModel(dir, cfg, 123);
        m_model = loadModel(dir);
    }

    void batchedEqualsOneByOne_data() {
        QTest::addColumn<double>("temperature");
        QTest::addColumn<double>("repetitionPenalty");
        QTest::newRow("greedy") << 0.0 << 1.0;
        QTest::newRow("greedy+penalty") << 0.0 << 1.3;
        QTest::newRow("sampled") << 0.9 << 1.0;
    }
    void batchedEqualsOneByOne() {
        QFETCH(double, temperature);
        QFETCH(double, repetitionPenalty);
        GenerateOptions o;
        o.maxNewTokens = 24;
        o.sampling.temperature = temperature;
        o.sampling.repetitionPenalty = repetitionPenalty;
        o.sampling.topK = temperature > 0 ? 40 : 0;
        o.sampling.topP = temperature > 0 ? 0.95 : 1.0;
        o.sampling.seed = 77;
        const auto batched = generate(*m_model.model, m_prompts, o);
        QCOMPARE(batched.size(), m_prompts.size());
        for (size_t r = 0; r < m_prompts.size(); ++r) {
            const auto single = generate(*m_model.model, {m_prompts[r]}, o).at(0);
            QCOMPARE(batched[r].tokens, single.tokens);
            QCOMPARE(batched[r].tokens.size(), size_t(24));
            QCOMPARE(int(batched[r].reason), int(FinishReason::MaxTokens));
        }
    }

    void greedyMatchesArgmaxOfFullForward() {
        // Each greedy token is the argmax of a fresh full forward pass over everything so far.
        const auto prompt = m_prompts[0];
        const auto tokens = greedyTokens(prompt, 10);
        std::vector<int64_t> seq = prompt;
        torch::NoGradGuard g;
        for (int64_t t : tokens) {
            const auto logits = m_model.model->forward(torch::tensor(seq).unsqueeze(0));
            QCOMPARE(logits[0][-1].argmax().item<int64_t>(), t);
            seq.push_back(t);
        }
    }

    void samplingIsSeededAndVaries() {
        GenerateOptions o;
        o.maxNewTokens = 16;
        o.sampling.temperature = 1.5;
        o.sampling.seed = 1;
        const auto a = generate(*m_model.model, {m_prompts[2]}, o).at(0).tokens;
        const auto b = generate(*m_model.model, {m_prompts[2]}, o).at(0).tokens;
        QCOMPARE(a, b);
        o.sampling.seed = 2;
        const auto c = generate(*m_model.model, {m_prompts[2]}, o).at(0).tokens;
        QVERIFY(a != c);
        o.sampling.topK = 1; // top-k of 1 is greedy whatever the temperature
        QCOMPARE(generate(*m_model.model, {m_prompts[2]}, o).at(0).tokens, greedyTokens(m_prompts[2], 16));
    }

    void stopsOnEosAndSequencesAndStrings() {
        const auto free = greedyTokens(m_prompts[0], 12);
        GenerateOptions o;
        o.maxNewTokens = 12;
        o.eosTokenIds = {free[4]};
        auto r = generate(*m_model.model, {m_prompts[0]}, o).at(0);
        const size_t firstEos = size_t(std::find(free.begin(), free.end(), free[4]) - free.begin());
        QCOMPARE(r.tokens.size(), firstEos + 1); // the EOS token is kept
        QCOMPARE(int(r.reason), int(FinishReason::Eos));

        o.ignoreEos = true;
        QCOMPARE(generate(*m_model.model, {m_prompts[0]}, o).at(0).tokens, free);

        // The first place where the pair (a, b) ends, counted in tokens.
        auto pairEnd = [&](int64_t a, int64_t b) {
            for (size_t i = 1; i < free.size(); ++i)
                if (free[i - 1] == a && free[i] == b) return long(i + 1);
            return -1L;
        };
        GenerateOptions s;
        s.maxNewTokens = 12;
        s.stopSequences = {{free[5], free[6]}};
        r = generate(*m_model.model, {m_prompts[0]}, s).at(0);
        QCOMPARE(r.tokens, std::vector<int64_t>(free.begin(), free.begin() + pairEnd(free[5], free[6])));
        QCOMPARE(int(r.reason), int(FinishReason::StopSequence));

        // Stop strings work on decoded text; a toy decoder spells each id as "<id>".
        GenerateOptions t;
        t.maxNewTokens = 12;
        t.decode = [](const std::vector<int64_t>& ids) {
            std::string s;
            for (int64_t id : ids) s += "<" + std::to_string(id) + ">";
            return s;
        };
        t.stopStrings = {"<" + std::to_string(free[3]) + "><" + std::to_string(free[4]) + ">"};
        r = generate(*m_model.model, {m_prompts[0]}, t).at(0);
        QCOMPARE(r.tokens, std::vector<int64_t>(free.begin(), free.begin() + pairEnd(free[3], free[4])));
        QCOMPARE(int(r.reason), int(FinishReason::StopString));
    }

    void streamingAndCancellation() {
        GenerateOptions o;
        o.maxNewTokens = 20;
        std::vector<std::pair<size_t, int64_t>> seen;
        o.onToken = [&](size_t row, int64_t token) {
            seen.emplace_back(row, token);
            return true;
        };
        const auto results = generate(*m_model.model, {m_prompts[0], m_prompts[1]}, o);
        QCOMPARE(seen.size(), size_t(40));
        std::vector<int64_t> row1;
        for (const auto& [row, tok] : seen)
            if (row == 1) row1.push_back(tok);
        QCOMPARE(row1, results[1].tokens);

        // The callback cancels after 5 tokens of row 0.
        int count = 0;
        o.onToken = [&](size_t row, int64_t) { return row != 0 || ++count < 5; };
        const auto cut = generate(*m_model.model, {m_prompts[0]}, o).at(0);
        QCOMPARE(cut.tokens.size(), size_t(5));
        QCOMPARE(int(cut.reason), int(FinishReason::Cancelled));

        // The atomic flag, set from another thread, stops the loop.
        std::atomic<bool> cancel{false};
        GenerateOptions c;
        c.maxNewTokens = 100000;
        c.cancel = &cancel;
        c.onToken = [&](size_t, int64_t) {
            if (++count > 50) cancel = true;
            return true;
        };
        count = 0;
        const auto stopped = generate(*m_model.model, {m_prompts[2]}, c).at(0);
        QVERIFY(stopped.tokens.size() <= 52);
        QCOMPARE(int(stopped.reason), int(FinishReason::Cancelled));
    }

    void badInputIsRejected() {
        GenerateOptions o;
        QVERIFY_THROWS_EXCEPTION(Error, generate(*m_model.model, {{}}, o));
        QVERIFY_THROWS_EXCEPTION(Error, generate(*m_model.model, {{1, 500}}, o));
        o.sampling.topP = 0;
        QVERIFY_THROWS_EXCEPTION(Error, generate(*m_model.model, {{1}}, o));
        o.sampling.topP = 1;
        o.sampling.temperature = -1;
        QVERIFY_THROWS_EXCEPTION(Error, generate(*m_model.model, {{1}}, o));
        o.sampling.temperature = 0;
        o.stopStrings = {"x"}; // without a decoder
        QVERIFY_THROWS_EXCEPTION(Error, generate(*m_model.model, {{1}}, o));
        QVERIFY_THROWS_EXCEPTION(Error, scoreTokens(*m_model.model, {1, 97}));
    }

    void scoreMatchesForward() {
        const std::vector<int64_t> ids = {4, 8, 15, 16, 23, 42};
        const auto lp = scoreTokens(*m_model.model, ids);
        QCOMPARE(lp.size(), ids.size() - 1);
        torch::NoGradGuard g;
        const auto logp = torch::log_softmax(m_model.model->forward(torch::tensor(ids).unsqueeze(0))[0], -1);
        for (size_t i = 0; i + 1 < ids.size(); ++i) QVERIFY(std::abs(lp[i] - logp[int64_t(i)][ids[i + 1]].item<double>()) < 1e-6);
        QVERIFY(scoreTokens(*m_model.model, {4}).empty());
    }
};

QTEST_APPLESS_MAIN(TestGenerate)
#include "test_generate.moc"
