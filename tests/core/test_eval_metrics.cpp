// Evaluation metrics against hand-computed answers: exact and normalised match, token F1, ROUGE-L,
// chrF (Unicode and empty texts included), JSON validity and key/value agreement, label detection
// with the confusion matrix, and bootstrap intervals.
#include "eval/bootstrap.h"
#include "eval/structured_metrics.h"
#include "eval/text_metrics.h"

#include <QtTest>

using namespace ft::eval;

class TestEvalMetrics final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exactAndNormalisedMatch() {
        QCOMPARE(exactMatch(" Paris\n", "Paris"), 1.0);
        QCOMPARE(exactMatch("paris", "Paris"), 0.0);
        QCOMPARE(normalizedExactMatch("The Paris!", "paris"), 1.0);
        QCOMPARE(normalizedExactMatch("Ça VA?", "ça va"), 1.0); // Latin-1 lower-cased, punctuation dropped
        QCOMPARE(normalize("  An  apple, the pear. "), std::string("apple pear"));
        QCOMPARE(exactMatch("", ""), 1.0);
        QCOMPARE(normalizedExactMatch("", "x"), 0.0);
    }

    void tokenF1AndRougeL() {
        QCOMPARE(tokenF1("the cat sat", "a cat sat down"), 0.8); // P = 2/2, R = 2/3
        QCOMPARE(tokenF1("", ""), 1.0);
        QCOMPARE(tokenF1("", "x"), 0.0);
        QCOMPARE(tokenF1("x x", "x"), 2.0 * 0.5 * 1.0 / 1.5); // counted as a multiset
        QVERIFY(std::abs(tokenF1("東京 大阪", "東京") - 2.0 / 3.0) < 1e-12);
        QCOMPARE(rougeL("one two three four", "one three two four"), 0.75); // LCS 3 of 4 each
        QCOMPARE(rougeL("one", "two"), 0.0);
        QCOMPARE(rougeL("", ""), 1.0);
    }

    void chrFByHand() {
        QCOMPARE(chrF("ab", "ab"), 1.0);
        // n=1: 2 of 3 match (F 2/3); n=2: 1 of 2 (F 1/2); n=3: none; n>=4: too short. Mean 7/18.
        QVERIFY(std::abs(chrF("abc", "abd") - 7.0 / 18.0) < 1e-12);
        QCOMPARE(chrF("a b", "ab"), 1.0); // whitespace does not count
        QCOMPARE(chrF("日本語", "日本語"), 1.0);
        QCOMPARE(chrF("", ""), 1.0);
        QCOMPARE(chrF("x", ""), 0.0);
    }

    void jsonMetrics() {
        QVERIFY(isJson("{\"a\": 1}"));
        QVERIFY(isJson("```json\n{\"a\": 1}\n```"));
        QVERIFY(!isJson("{\"a\": 1"));
        QCOMPARE(*jsonAgreement("{\"a\": 1, \"b\": {\"c\": \"x\"}}", "{\"a\": 1.0, \"b\": {\"c\": \"y\"}}"), 0.5);
        QCOMPARE(*jsonAgreement("[1, 3]", "[1, 2]"), 0.5);
        QCOMPARE(*jsonAgreement("not json", "{\"a\": 1}"), 0.0);
        QCOMPARE(*jsonAgreement("{\"a\": {\"b\": 1}}", "{\"a\": 5}"), 0.0); // a path through another type
        QVERIFY(!jsonAgreement("{\"a\": 1}", "plain text").has_value());
        // Field by field, for the Compare view: what was expected, what came, right or wrong.
        const auto v = jsonFieldVerdicts(R"({"item": "LEM", "quantity": 7.0, "fulfilment": "delivery"})",
                                         R"({"item": "LEM", "quantity": 7, "fulfilment": "pickup", "extra": {"gift": true}})");
        QCOMPARE(v.size(), size_t(4));
        QCOMPARE(v[0].field, std::string("extra/gift")); // nlohmann orders an object's keys
        QVERIFY(!v[0].right && v[0].got.empty() && v[0].expected == "true");
        QCOMPARE(v[1].field, std::string("fulfilment"));
        QVERIFY(!v[1].right && v[1].got == "delivery" && v[1].expected == "pickup");
        QVERIFY(v[2].right && v[3].right); // item; quantity 7.0 == 7
        QVERIFY(jsonFieldVerdicts("{}", "plain text").empty());
        for (const auto& f : jsonFieldVerdicts("the quantity is 7", R"({"quantity": 7})")) QVERIFY(!f.right);
        QCOMPARE(*jsonAgreement("{\"qty\": 2, \"item\": \"tea\", \"extra\": true}", "{\"item\": \"tea\", \"qty\": 2}"), 1.0);
    }

    void labelsAndConfusion() {
        const std::vector<std::string> refs = {"positive", "negative", "positive", "neutral",
                                               "negative", "positive", "neutral",  "negative"};
        const auto labels = detectLabels(refs);
        QCOMPARE(labels, (std::vector<std::string>{"negative", "neutral", "positive"}));
        QVERIFY(detectLabels({"a long sentence that is no label at all", "b", "c", "d"}).empty());
        QVERIFY(detectLabels({"x", "y", "x"}).empty()); // too few
        const std::vector<std::string> preds = {"positive", "positive",  "positive", "neutral",
                                                "negative", "Positive.", "bogus",    "negative"};
        const LabelReport r = labelReport(preds, refs, labels);
        QCOMPARE(r.accuracy, 0.75);
        QCOMPARE(r.precision.at("positive"), 0.75);
        QCOMPARE(r.recall.at("positive"), 1.0);
        QCOMPARE(r.precision.at("negative"), 1.0);
        QVERIFY(std::abs(r.recall.at("negative") - 2.0 / 3.0) < 1e-12);
        QCOMPARE(r.recall.at("neutral"), 0.5);
        QCOMPARE(r.labels.back(), std::string("(other)"));
        QCOMPARE(r.confusion[1][3], int64_t(1)); // neutral -> (other)
        QCOMPARE(r.confusion[0][2], int64_t(1)); // negative -> positive
    }

    void bootstrapIntervals() {
        const Interval ones = bootstrapMean(std::vector<double>(20, 1.0));
        QCOMPARE(ones.mean, 1.0);
        QCOMPARE(ones.low, 1.0);
        QCOMPARE(ones.high, 1.0);
        std::vector<double> half;
        for (int i = 0; i < 100; ++i) half.push_back(i % 2);
        const Interval h = bootstrapMean(half);
        QCOMPARE(h.mean, 0.5);
        QVERIFY(h.low < 0.5 && h.high > 0.5);
        QVERIFY(h.low > 0.35 && h.high < 0.65);   // about +-0.1 for n = 100
        QCOMPARE(bootstrapMean(half).low, h.low); // seeded: the same every time
        const Interval same = bootstrapDifference(half, half);
        QCOMPARE(same.mean, 0.0);
        QCOMPARE(same.low, 0.0);
        QCOMPARE(same.high, 0.0);
        QCOMPARE(bootstrapMean({}).mean, 0.0);
    }
};

QTEST_MAIN(TestEvalMetrics)
#include "test_eval_metrics.moc"
