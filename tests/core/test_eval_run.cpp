// Evaluating a real (tiny) run end to end: base, few-shot and tuned on the validation split, with
// the likelihood on the same tokens, label detection and confusion matrix, bootstrap intervals,
// regressions first, report.json and a self-contained report.html; cancellation writes nothing;
// a split without examples is a clear error; the CLI prints the summary.
#include "cli_runner.h"
#include "data/dataset_store.h"
#include "eval/evaluator.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "tiny_model.h"
#include "train/run_config.h"
#include "train/trainer.h"
#include "util/error.h"
#include "util/run_control.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>
#include <filesystem>

using namespace ft;
using json = nlohmann::json;

class TestEvalRun final : public QObject {
    Q_OBJECT

private:
    std::string m_dir, m_run;

private Q_SLOTS:
    void initTestCase() {
        m_dir = test::makeTempDir("evalrun");
        test::writeTinyChatModel(m_dir + "/model", 11);
        DatasetStore store(m_dir + "/ws");
        const int64_t d = store.createDataset("sentiment");
        const char* words[] = {"great", "awful", "lovely", "terrible", "fine", "bad", "superb", "poor"};
        for (int i = 0; i < 24; ++i) {
            Example e;
            const bool good = i % 2 == 0;
            e.messages = {{"user", std::string("Review: ") + words[i % 8] + " " + std::to_string(i)},
                          {"assistant", good ? "positive" : "negative"}};
            e.split = i < 16 ? Split::Train : Split::Validation;
            store.add(d, e);
        }
        RunConfig c;
        c.model = m_dir + "/model";
        c.data.workspace = m_dir + "/ws";
        c.data.dataset = "sentiment";
        c.outputDir = m_run = m_dir + "/run";
        c.device = "cpu";
        c.lora.dropout = 0;
        c.train.maxSteps = 40;
        c.train.lr = 0.02;
        c.train.batchSize = 4;
        c.train.maxSeqLen = 64;
        c.train.warmupSteps = 0;
        c.train.evalEvery = 0;
        c.train.saveEvery = 0;
        QCOMPARE(int(Trainer::create(c)->run().status), int(TrainStatus::Completed));
    }

    void reportOfARun() {
        EvalOptions o;
        o.runDir = m_run;
        o.fewShot = 2;
        o.maxNewTokens = 8;
        std::vector<std::string> phases;
        const EvalResult r = evaluateRun(o, [&](const std::string& phase, int64_t, int64_t) {
            if (phases.empty() || phases.back() != phase) phases.push_back(phase);
        });
        const json& rep = r.report;
        QCOMPARE(rep["examples"].get<int>(), 8);
        QCOMPARE(rep["systems"], json({"base", "few_shot", "tuned"}));
        QCOMPARE(rep["task"]["kind"].get<std::string>(), std::string("labels"));
        QCOMPARE(rep["task"]["labels"], json({"negative", "positive"}));
        QCOMPARE(rep["headline_metric"].get<std::string>(), std::string("normalized_exact_match"));
        QVERIFY(rep["likelihood"]["tuned"]["loss"].get<double>() < rep["likelihood"]["base"]["loss"].get<double>());
        QCOMPARE(rep["likelihood"]["tuned"]["tokens"], rep["likelihood"]["base"]["tokens"]); // the same tokens
        const double tuned = rep["metrics"]["tuned"]["normalized_exact_match"]["mean"].get<double>();
        QVERIFY2(tuned >= 0.75, qPrintable(QString::number(tuned)));
        const json& ci = rep["metrics"]["tuned"]["normalized_exact_match"];
        QVERIFY(ci["low"].get<double>() <= tuned && tuned <= ci["high"].get<double>());
        QVERIFY(rep["differences"].contains("tuned_vs_base"));
        QVERIFY(rep["differences"].contains("tuned_vs_few_shot"));
        QCOMPARE(rep["labels"]["tuned"]["labels"], json({"negative", "positive", "(other)"}));
        int64_t counted = 0;
        for (const auto& row : rep["labels"]["tuned"]["confusion"])
            for (const auto& c : row) counted += c.get<int64_t>();
        QCOMPARE(counted, int64_t(8));
        // Regressions come first.
        bool seenNonRegression = false;
        for (const auto& e : rep["per_example"]) {
            if (!e["regression"].get<bool>()) seenNonRegression = true;
            else QVERIFY(!seenNonRegression);
            QVERIFY(e.contains("base") && e.contains("few_shot") && e.contains("tuned") && e.contains("winner"));
        }
        QVERIFY(std::find(phases.begin(), phases.end(), "generating (few_shot)") != phases.end());
        QCOMPARE(readJsonFile(r.jsonPath)["examples"].get<int>(), 8);
        const std::string html = readFile(r.htmlPath);
        QVERIFY(html.find("<svg") != std::string::npos);
        QVERIFY(html.find("Confusion") != std::string::npos || html.find("reference \\ reply") != std::string::npos);
        QVERIFY(html.find("<script") == std::string::npos); // self-contained, static
    }

    void cancelWritesNothingAndMissingSplitIsAnError() {
        const std::string dir = evalReportDir(m_run, "validation");
        std::filesystem::remove_all(dir);
        EvalOptions o;
        o.runDir = m_run;
        // Paused from the start, the evaluation waits at its first check; a stop from another thread
        // then ends it (StoppedError) and nothing is written.
        RunControl control;
        control.pause();
        std::atomic<int64_t> progressCalls{0};
        std::atomic<bool> stopped{false};
        std::thread worker([&] {
            try {
                evaluateRun(
                    o, [&](const std::string&, int64_t, int64_t) { ++progressCalls; }, &control);
            } catch (const StoppedError&) {
                stopped = true;
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(control.isPaused(), 1000);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QCOMPARE(progressCalls.load(), int64_t(0)); // held at the first example
        control.stop();
        worker.join();
        QVERIFY(stopped.load());
        QVERIFY(!std::filesystem::exists(dir + "/report.json"));
        o.split = "test";
        try {
            evaluateRun(o);
            QFAIL("no test split, yet no error");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("no test examples") != std::string::npos);
        }
        o.split = "training";
        QVERIFY_THROWS_EXCEPTION(Error, evaluateRun(o));
    }

    void cliPrintsTheSummary() {
        const auto r = test::runCli({QStringLiteral("eval"), QStringLiteral("--run"), QString::fromStdString(m_run),
                                     QStringLiteral("--limit"), QStringLiteral("4"), QStringLiteral("--labels"), QStringLiteral("none"),
                                     QStringLiteral("--max-new-tokens"), QStringLiteral("6"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const json summary = json::parse(r.out);
        QCOMPARE(summary["examples"].get<int>(), 4);
        QCOMPARE(summary["headline_metric"].get<std::string>(), std::string("rouge_l")); // labels turned off
        QVERIFY(std::filesystem::exists(summary["html"].get<std::string>()));
        const auto bad = test::runCli({QStringLiteral("eval"), QStringLiteral("--run"), QString::fromStdString(m_dir + "/nothing")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.find("run.json") != std::string::npos, bad.err.c_str());
    }
};

QTEST_MAIN(TestEvalRun)
#include "test_eval_run.moc"
