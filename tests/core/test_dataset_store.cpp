// The dataset store: edits and undo/redo, queries and filters, validation, cached token counts,
// exact and reproducible splits, duplicate groups, migration of version-one workspaces, and the
// `finetune data` command line. (Importing and exporting files is tested in test_importer.cpp.)
#include "chat/chat_template.h"
#include "data/curation.h"
#include "data/dataset_store.h"
#include "test_data.h"
#include "tokenizer/tokenizer.h"
#include "data/exporter.h"
#include "data/importer.h"
#include "data/sqlite_db.h"
#include "io/atomic_file.h"
#include "tiny_model.h"
#include "util/error.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>
#include <csignal>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <nlohmann/json.hpp>

using namespace ft;

class TestDatasetStore final : public QObject {
    Q_OBJECT

private:
    std::string m_root;

private Q_SLOTS:
    void initTestCase() { m_root = test::makeTempDir("store"); }

    void editsUndoAndRedo() {
        DatasetStore store(m_root + "/edits");
        const int64_t ds = store.createDataset("orders");
        QVERIFY_THROWS_EXCEPTION(Error, store.createDataset("orders"));
        const int64_t a = store.add(ds, test::chatExample("2 apples", "{\"apple\": 2}", "JSON only"));
        const int64_t b = store.add(ds, test::chatExample("a pear", "{\"pear\": 1}"));
        QCOMPARE(store.count(ds), int64_t(2));
        QCOMPARE(store.get(a).messages.size(), size_t(3));

        Example edited = store.get(b);
        edited.messages[1].content = "{\"pear\": 1, \"note\": \"ripe\"}";
        store.edit(edited);
        QCOMPARE(store.undoLabel(), std::string("edit"));
        QVERIFY(store.undo());
        QCOMPARE(store.get(b).messages[1].content, std::string("{\"pear\": 1}"));
        QVERIFY(store.redo());
        QCOMPARE(store.get(b).messages[1].content, std::string("{\"pear\": 1, \"note\": \"ripe\"}"));

        store.tag({a, b}, "fruit");
        store.setSplit({a}, Split::Validation);
        QCOMPARE(store.get(a).tags, std::vector<std::string>{"fruit"});
        QCOMPARE(int(store.get(a).split), int(Split::Validation));
        QVERIFY(store.undo()); // split
        QCOMPARE(int(store.get(a).split), int(Split::Unassigned));
        QVERIFY(store.undo()); // tag
        QVERIFY(store.get(a).tags.empty());
        QVERIFY(store.redo());
        QCOMPARE(store.get(b).tags, std::vector<std::string>{"fruit"});

        store.remove({a});
        QCOMPARE(store.count(ds), int64_t(1));
        QVERIFY_THROWS_EXCEPTION(Error, store.get(a));
        QVERIFY(store.undo()); // the deleted example comes back with its id, tags and text
        QCOMPARE(store.get(a).tags, std::vector<std::string>{"fruit"});
        QCOMPARE(store.get(a).messages[0].content, std::string("JSON only"));
        QVERIFY(store.canRedo());
        store.setNote(a, "checked"); // a new edit ends the redo history
        QVERIFY(!store.canRedo());

        const int64_t c = store.duplicate(a);
        QVERIFY(c > b);
        QCOMPARE(store.get(c).hash, store.get(a).hash);
        const int64_t other = store.createDataset("archive");
        store.move({c}, other);
        QCOMPARE(store.count(other), int64_t(1));
        QVERIFY(store.undo());
        QCOMPARE(store.count(other), int64_t(0));

        // Undo history survives reopening the store.
        DatasetStore reopened(m_root + "/edits");
        QCOMPARE(reopened.undoLabel(), std::string("duplicate"));
    }

    void queriesAndFilters() {
        DatasetStore store(m_root + "/queries");
        const int64_t ds = store.createDataset("d");
        std::vector<Example> batch;
        for (int i = 0; i < 250; ++i)
            batch.push_back(
                test::chatExample("question " + std::to_string(i) + (i % 10 == 0 ? " banana" : ""), "answer " + std::to_string(i)));
        const auto ids = store.addBatch(ds, batch, "seed");
        store.setSplit({ids.begin(), ids.begin() + 50}, Split::Train);
        store.tag({ids[3], ids[7]}, "hard");
        ExampleFilter f;
        f.search = "banana";
        QCOMPARE(store.count(ds, f), int64_t(25));
        f.split = Split::Train;
        QCOMPARE(store.count(ds, f), int64_t(5));
        ExampleFilter tagged;
        tagged.tag = "hard";
        QCOMPARE(store.count(ds, tagged), int64_t(2));
        const auto page = store.page(ds, {}, 100, 20);
        QCOMPARE(page.size(), size_t(20));
        QCOMPARE(page.front().id, ids[100]); // stable order by id
        QCOMPARE(store.page(ds, {}, 240, 20).size(), size_t(10));
        ExampleFilter weird;
        weird.search = "\"unbalanced AND ("; // user text never breaks the FTS query
        QCOMPARE(store.count(ds, weird), int64_t(0));
        const DatasetStats s = store.stats(ds);
        QCOMPARE(s.examples, int64_t(250));
        QCOMPARE(s.splits.at("train"), int64_t(50));
        QCOMPARE(s.tags.at("hard"), int64_t(2));
    }

    void validation() {
        QCOMPARE(validateMessages({{"user", "q"}, {"assistant", "a"}}), std::vector<std::string>{});
        QCOMPARE(validateMessages({{"user", "q"}, {"assistant", " "}}), std::vector<std::string>{"empty reply"});
        QCOMPARE(validateMessages({{"user", "q"}}), std::vector<std::string>{"no assistant reply"});
        QCOMPARE(validateMessages({{"assistant", "a"}, {"user", "q"}}),
                 (std::vector<std::string>{"turns out of order", "ends without a reply"}));
        QCOMPARE(validateMessages({{"user", "q"}, {"system", "s"}, {"assistant", "a"}}), std::vector<std::string>{"turns out of order"});
        QCOMPARE(validateMessages({{"text", "a document"}}), std::vector<std::string>{});
        DatasetStore store(m_root + "/validation");
        const int64_t ds = store.createDataset("d");
        Example bad;
        bad.messages = {{"user", "q"}, {"assistant", ""}};
        const int64_t id = store.add(ds, bad);
        store.add(ds, test::chatExample("fine", "yes"));
        QCOMPARE(store.get(id).problems, std::string("empty reply"));
        ExampleFilter f;
        f.status = "invalid";
        QCOMPARE(store.count(ds, f), int64_t(1));
        f.status = "valid";
        QCOMPARE(store.count(ds, f), int64_t(1));
    }

    void tokenCountsAreCachedAndFilterable() {
        const auto tok = Tokenizer::load(test::fixturesDir() + "/tokenizers/qwen2_5");
        auto tmpl = std::make_shared<ChatTemplate>(builtinTemplate(TemplateFamily::ChatML), "", "<|im_end|>");
        int calls = 0;
        const TokenCounter counter = [&](const std::vector<Message>& m) {
            ++calls;
            std::vector<ChatMessage> chatMessages;
            for (const auto& x : m) chatMessages.push_back({x.role, x.content});
            const TokenizedChat t = tokenizeChat(*tok, tmpl->renderForTraining(chatMessages));
            TokenCount c;
            c.total = int64_t(t.ids.size());
            for (uint8_t k : t.trainMask) c.reply += k;
            c.prompt = c.total - c.reply;
            return c;
        };
        DatasetStore store(m_root + "/tokens");
        const int64_t ds = store.createDataset("d");
        const int64_t shortId = store.add(ds, test::chatExample("hi", "ok"));
        const int64_t longId =
            store.add(ds, test::chatExample(std::string(400, 'x') + " long prompt", "a longer reply with several words"));
        QCOMPARE(updateTokenCounts(store, ds, "qwen3", counter), int64_t(2));
        QCOMPARE(updateTokenCounts(store, ds, "qwen3", counter), int64_t(0)); // cached
        QCOMPARE(calls, 2);
        const LengthStats s = lengthStats(store, ds, "qwen3", 20);
        QCOMPARE(s.longestId, longId);
        QCOMPARE(s.shortestId, shortId);
        QCOMPARE(s.overLimit, int64_t(1));
        QCOMPARE(s.total.size(), size_t(2));
        QVERIFY(s.reply[0] > 0 && s.prompt[0] > 0 && s.total[0] == s.prompt[0] + s.reply[0]);
        ExampleFilter f;
        f.tokenizerKey = "qwen3";
        f.maxTokens = 20;
        QCOMPARE(store.count(ds, f), int64_t(1));
        Example e = store.get(shortId); // an edit drops the example's cached counts
        e.messages[1].content = "ok, now longer";
        store.edit(e);
        QCOMPARE(updateTokenCounts(store, ds, "qwen3", counter), int64_t(1));
    }

    void splitsAreExactReproducibleAndStable() {
        DatasetStore store(m_root + "/splits");
        const int64_t ds = store.createDataset("d");
        std::vector<Example> batch;
        for (int i = 0; i < 100; ++i) batch.push_back(test::chatExample("q" + std::to_string(i), "a"));
        store.addBatch(ds, batch, "seed");
        QCOMPARE(assignSplits(store, ds, 0.8, 0.1, 0.1, 7, false), int64_t(100));
        DatasetStats s = store.stats(ds);
        QCOMPARE(s.splits.at("train"), int64_t(80));
        QCOMPARE(s.splits.at("validation"), int64_t(10));
        QCOMPARE(s.splits.at("test"), int64_t(10));
        std::vector<int> before;
        for (const auto& e : store.page(ds, {}, 0, 100)) before.push_back(int(e.split));
        // More examples: only the new ones are assigned; existing assignments stay.
        std::vector<Example> more;
        for (int i = 0; i < 10; ++i) more.push_back(test::chatExample("new" + std::to_string(i), "a"));
        store.addBatch(ds, more, "more");
        QCOMPARE(assignSplits(store, ds, 0.8, 0.1, 0.1, 7, false), int64_t(10));
        std::vector<int> after;
        for (const auto& e : store.page(ds, {}, 0, 100)) after.push_back(int(e.split));
        QCOMPARE(after, before);
        // The same seed gives the same assignment; a different one does not.
        assignSplits(store, ds, 0.8, 0.1, 0.1, 7, true);
        std::vector<int> again;
        for (const auto& e : store.page(ds, {}, 0, 100)) again.push_back(int(e.split));
        QCOMPARE(again, before);
        assignSplits(store, ds, 0.8, 0.1, 0.1, 8, true);
        std::vector<int> other;
        for (const auto& e : store.page(ds, {}, 0, 100)) other.push_back(int(e.split));
        QVERIFY(other != before);
        QVERIFY(store.undo()); // a split is one undoable step per split name
        QVERIFY_THROWS_EXCEPTION(Error, assignSplits(store, ds, 0, 0, 0, 1, false));
    }

    void duplicateGroups() {
        DatasetStore store(m_root + "/dups");
        const int64_t ds = store.createDataset("d");
        ImportOptions keep;
        keep.keepDuplicates = true;
        const std::string path = m_root + "/dups.jsonl";
        const std::string base = "please convert this order of three green apples and two ripe pears into the json shape";
        auto row = [](const std::string& prompt, const std::string& completion) {
            return nlohmann::json{{"prompt", prompt}, {"completion", completion}}.dump() + "\n";
        };
        test::writeText(path, row(base, "x") + row(base, "x") + row("  " + base + "  ", "x") + row(base + " quickly", "x") +
                                  row("something entirely different about the weather in spring", "y"));
        QCOMPARE(importFile(store, ds, path, keep).imported, int64_t(5));
        const auto ids = [&] {
            std::vector<int64_t> v;
            for (const auto& e : store.page(ds, {}, 0, 10)) v.push_back(e.id);
            return v;
        }();
        QCOMPARE(exactDuplicateGroups(store, ds), (std::vector<std::vector<int64_t>>{{ids[0], ids[1], ids[2]}}));
        QCOMPARE(nearDuplicateGroups(store, ds, 0.7), (std::vector<std::vector<int64_t>>{{ids[0], ids[1], ids[2], ids[3]}}));
        QCOMPARE(nearDuplicateGroups(store, ds, 1.0), (std::vector<std::vector<int64_t>>{{ids[0], ids[1], ids[2]}}));
    }

    void migratesVersionOneWorkspaces() {
        // Make a workspace look like schema 1 (no problems column, no token counts), then reopen it.
        const std::string ws = m_root + "/v1";
        {
            DatasetStore store(ws);
            Example e;
            e.messages = {{"user", "q"}, {"assistant", ""}};
            store.add(store.createDataset("d"), e);
        }
        {
            SqliteDb raw(ws + "/workspace.db");
            raw.exec(
                "DROP INDEX examples_by_problems; ALTER TABLE examples DROP COLUMN problems; DROP TABLE token_counts;"
                "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
        }
        DatasetStore store(ws);
        ExampleFilter invalid;
        invalid.status = "invalid";
        QCOMPARE(store.count(store.datasetId("d"), invalid), int64_t(1));
        SqliteDb raw(ws + "/workspace.db");
        Statement v(raw, "SELECT value FROM meta WHERE key = 'schema_version'");
        QVERIFY(v.step());
        QCOMPARE(v.text(0), std::to_string(DatasetStore::kSchemaVersion));
        raw.exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        QVERIFY_THROWS_EXCEPTION(Error, DatasetStore{ws}); // a newer schema is refused, not damaged
    }

    void cliContract() {
        const std::string ws = m_root + "/cli";
        const std::string path = m_root + "/cli.jsonl";
        test::writeText(path, "{\"instruction\": \"a\", \"output\": \"b\"}\n{bad\n{\"instruction\": \"a\", \"output\": \"b\"}\n");
        QProcess p;
        p.start(QString::fromStdString(test::cliPath()),
                {"data", "import", "--workspace", QString::fromStdString(ws), "--dataset", "d", QString::fromStdString(path), "--json"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const auto j = nlohmann::json::parse(p.readAllStandardOutput().toStdString());
        QCOMPARE(j["format"].get<std::string>(), std::string("alpaca"));
        QCOMPARE(j["imported"].get<int>(), 1);
        QCOMPARE(j["skipped"].get<int>(), 1);
        QCOMPARE(j["duplicates"].get<int>(), 1);
        QCOMPARE(j["errors"][0]["line"].get<int>(), 2);
        p.start(QString::fromStdString(test::cliPath()),
                {"data", "stats", "--workspace", QString::fromStdString(ws), "--dataset", "d", "--json"});
        QVERIFY(p.waitForFinished(60000));
        const auto s = nlohmann::json::parse(p.readAllStandardOutput().toStdString());
        QCOMPARE(s["examples"].get<int>(), 1);
        QCOMPARE(s["splits"]["unassigned"].get<int>(), 1);
        p.start(QString::fromStdString(test::cliPath()), {"data", "stats", "--workspace", QString::fromStdString(ws), "--dataset", "nope"});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY(p.readAllStandardError().contains("no dataset named \"nope\""));
    }
};

QTEST_GUILESS_MAIN(TestDatasetStore)
#include "test_dataset_store.moc"
