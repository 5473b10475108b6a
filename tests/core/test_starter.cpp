// The starter model the repo ships (resources/starter): every file is the one SHA256SUMS names, it
// loads as a Llama model with its tokenizer and chat template, and the demo task trains on it (a
// few steps of the demo's own settings on its train split: the loss falls).
#include "chat/chat_template.h"
#include "demo/demo_workspace.h"
#include "model/model_summary.h"
#include "tiny_model.h"
#include "tokenizer/tokenizer.h"
#include "train/run_config.h"
#include "train/trainer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace ft;

namespace {

const std::string kStarter = std::string(FT_SOURCE_DIR) + "/resources/starter";
const std::string kDemo = std::string(FT_SOURCE_DIR) + "/resources/demo";

} // namespace

class TestStarter final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filesMatchTheirChecksums() {
        std::ifstream sums(kStarter + "/SHA256SUMS");
        QVERIFY2(sums, "resources/starter/SHA256SUMS is missing");
        int files = 0;
        for (std::string line; std::getline(sums, line);) {
            std::istringstream in(line);
            std::string expected, name;
            in >> expected >> name;
            QFile f(QString::fromStdString(kStarter + "/" + name));
            QVERIFY2(f.open(QIODevice::ReadOnly), name.c_str());
            QCryptographicHash hash(QCryptographicHash::Sha256);
            QVERIFY(hash.addData(&f));
            QCOMPARE(hash.result().toHex().toStdString(), expected);
            ++files;
        }
        QCOMPARE(files, 7);
        QVERIFY(QFileInfo(QString::fromStdString(kStarter + "/model.safetensors")).size() <= 16 * 1000 * 1000);
    }

    void loadsWithItsTokenizerAndTemplate() {
        const ModelSummary s = describeModel(kStarter);
        QCOMPARE(s.architecture, std::string("LlamaForCausalLM"));
        QCOMPARE(s.parameters, int64_t(3737856));
        const auto tokenizer = Tokenizer::load(kStarter);
        QCOMPARE(tokenizer->vocabSize(), int64_t(2048));
        const ChatTemplate t = ChatTemplate::forTokenizer(*tokenizer);
        QVERIFY(!t.isBuiltinFallback());
        QCOMPARE(t.render({{"user", "2 lemons"}}, true), std::string("<|im_start|>user\n2 lemons<|im_end|>\n<|im_start|>assistant\n"));
    }

    void theDemoTrainsOnIt() {
        const std::string dir = test::makeTempDir("starter");
        // The demo exactly as `finetune demo` makes it, from the shipped starter and data.
        const DemoResources resources{kStarter, kDemo};
        const DemoWorkspace demo = makeDemoWorkspace(resources, dir + "/demo");
        QVERIFY(demo.created);
        RunConfig c = RunConfig::fromFile(demo.configPath);
        QCOMPARE(c.model, kStarter);
        c.train.warmupSteps = 10; // the demo's settings, for 40 steps: the warm-up shortened to fit
        c.train.maxSteps = 40;
        c.train.evalEvery = 0;
        c.train.saveEvery = 0;
        c.device = "cpu";
        std::vector<double> losses;
        const TrainOutcome out = Trainer::create(c, [&](const TrainEvent& e) {
                                     if (const auto* s = e.as<StepDone>()) losses.push_back(s->loss);
                                 })->run();
        QVERIFY2(out.status == TrainStatus::Completed, out.message.c_str());
        QCOMPARE(losses.size(), size_t(40));
        double first = 0, last = 0;
        for (int i = 0; i < 5; ++i) first += losses[size_t(i)] / 5, last += losses[losses.size() - 1 - size_t(i)] / 5;
        QVERIFY2(first > 5.0, std::to_string(first).c_str());     // the starter has never seen an order
        QVERIFY2(last < first / 2, std::to_string(last).c_str()); // 40 steps teach it the JSON's shape
    }
};

QTEST_GUILESS_MAIN(TestStarter)
#include "test_starter.moc"
