// The Compare view, driven offscreen: base and tuned (a trained run's adapter) generate at the same
// time into their panes, which both fill; the word diff marks what differs; a run's validation
// examples can be stepped through with the reference shown; a broken adapter folder is reported on
// its side without stopping the other.
#include "compare_view.h"
#include "data/dataset_store.h"
#include "io/atomic_file.h"
#include "tiny_model.h"
#include "train/run_config.h"
#include "train/trainer.h"
#include "word_diff.h"
#include "workspace.h"

#include <QSignalSpy>
#include <QtTest>
#include <filesystem>

using namespace ft;

class TestCompareView final : public QObject {
    Q_OBJECT

private:
    std::string m_dir;
    QString m_runDir;

private Q_SLOTS:
    void initTestCase() {
        m_dir = test::makeTempDir("uicompare");
        test::writeTinyChatModel(m_dir + "/model", 8);
        // A short run on a workspace dataset: the tuned side and the validation examples come from it.
        DatasetStore store(m_dir + "/ws");
        const int64_t d = store.createDataset("colors");
        for (int i = 0; i < 16; ++i) {
            Example e;
            e.messages = {{"user", "Name color " + std::to_string(i)}, {"assistant", i % 2 ? "red" : "blue"}};
            e.split = i < 12 ? Split::Train : Split::Validation;
            store.add(d, e);
        }
        RunConfig c;
        c.model = m_dir + "/model";
        c.data.workspace = m_dir + "/ws";
        c.data.dataset = "colors";
        c.outputDir = m_dir + "/ws/runs/colors";
        c.device = "cpu";
        c.lora.dropout = 0;
        c.train.maxSteps = 30;
        c.train.lr = 0.02;
        c.train.batchSize = 4;
        c.train.maxSeqLen = 64;
        c.train.warmupSteps = 0;
        c.train.evalEvery = 0;
        c.train.saveEvery = 0;
        auto trainer = Trainer::create(c);
        QCOMPARE(int(trainer->run().status), int(TrainStatus::Completed));
        m_runDir = QString::fromStdString(c.outputDir);
    }

    void wordDiffMarksTheChangedWords() {
        const auto spans = widgets::wordDiff(QStringLiteral("the cat sat down"), QStringLiteral("the dog sat down"));
        QString before, after;
        int removed = 0, added = 0;
        for (const auto& s : spans) {
            if (s.op != widgets::DiffSpan::Added) before += s.text;
            if (s.op != widgets::DiffSpan::Removed) after += s.text;
            removed += s.op == widgets::DiffSpan::Removed;
            added += s.op == widgets::DiffSpan::Added;
        }
        QCOMPARE(before, QStringLiteral("the cat sat down"));
        QCOMPARE(after, QStringLiteral("the dog sat down"));
        QCOMPARE(removed, 1);
        QCOMPARE(added, 1);
        QVERIFY(widgets::diffHtml(spans, 1).contains(QStringLiteral("dog </span>")));
        QCOMPARE(widgets::wordDiff(QString(), QString()).size(), 0);
        QCOMPARE(widgets::wordDiff(QStringLiteral("same"), QStringLiteral("same")).size(), 1);
    }

    void bothPanesFill() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws"), &error));
        ui::CompareView view(&ws);
        view.resize(1000, 700);
        view.show();
        QVERIFY(view.selectRun(m_runDir, QStringLiteral("final")));
        QCOMPARE(view.exampleCount(), 4);
        view.setPrompt(QStringLiteral("Name color 3"));
        QSignalSpy done(&view, &ui::CompareView::generationFinished);
        view.generate();
        QVERIFY(view.isBusy());
        QVERIFY(done.wait(60000));
        QVERIFY2(!view.tunedText().isEmpty(), "the tuned pane stayed empty");
        QVERIFY2(!view.baseText().isEmpty(), "the base pane stayed empty");
        QVERIFY2(view.tunedText() == QStringLiteral("red") || view.tunedText() == QStringLiteral("blue"), qPrintable(view.tunedText()));
        QVERIFY(view.baseText() != view.tunedText()); // random base weights say something else

        // Step through the validation examples: the reference is shown and both sides answer it.
        done.clear();
        view.showExample(1);
        QVERIFY(done.wait(60000));
        QVERIFY(!view.referenceText().isEmpty());
        QVERIFY(!view.tunedText().isEmpty());
        // Each side judged against the reference ("red" or "blue": not JSON, so right or wrong whole).
        const bool tunedRight = view.tunedText().trimmed() == view.referenceText().trimmed();
        QVERIFY2(view.verdictText(true).contains(tunedRight ? QStringLiteral("matches the reference") : QStringLiteral("differs from")),
                 qPrintable(view.verdictText(true)));
        QVERIFY2(view.verdictText(false).contains(QStringLiteral("differs from the reference")), qPrintable(view.verdictText(false)));
        // A prompt of one's own has no reference: no verdict.
        view.setPrompt(QStringLiteral("Name color 3"));
        done.clear();
        view.generate();
        QVERIFY(done.wait(60000));
        QVERIFY(view.verdictText(true).isEmpty());
    }

    void aBrokenAdapterFailsItsSideOnly() {
        ui::Workspace ws;
        QString error;
        QVERIFY(ws.open(QString::fromStdString(m_dir + "/ws"), &error));
        ui::CompareView view(&ws);
        const std::string broken = m_dir + "/broken-adapter";
        std::filesystem::create_directories(broken);
        writeFileAtomic(broken + "/adapter_config.json", "{\"peft_type\": \"LORA\", \"r\": 4"); // cut short
        view.setBaseModel(QString::fromStdString(m_dir + "/model"));
        view.setAdapterDir(QString::fromStdString(broken));
        view.setPrompt(QStringLiteral("Name color 1"));
        QSignalSpy done(&view, &ui::CompareView::generationFinished);
        view.generate();
        QVERIFY(done.wait(60000));
        QVERIFY(!view.baseText().isEmpty());
        QVERIFY(view.tunedText().isEmpty());
    }
};

QTEST_MAIN(TestCompareView)
#include "test_compare_view.moc"
