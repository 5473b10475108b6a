// DatasetStore: the workspace's SQLite file, its schema migrations, edits as logged operations, and
// undo/redo over that log. Reads are in dataset_store_queries.cpp.
#include "data/dataset_store.h"

#include "data/dataset_store_detail.h"
#include "data/sqlite_db.h"
#include "util/error.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

namespace ft {

using json = nlohmann::json;
using namespace store_detail;

DatasetStore::DatasetStore(const std::string& workspaceDir) {
    std::error_code ec;
    std::filesystem::create_directories(workspaceDir, ec);
    if (ec) throw Error("cannot create the workspace folder " + workspaceDir + ": " + ec.message());
    m_path = workspaceDir + "/workspace.db";
    m_db = std::make_unique<SqliteDb>(m_path);
    migrate();
}

DatasetStore::~DatasetStore() = default;

void DatasetStore::migrate() {
    m_db->exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    Statement q(*m_db, "SELECT value FROM meta WHERE key = 'schema_version'");
    const int version = q.step() ? std::stoi(q.text(0)) : 0;
    if (version > kSchemaVersion)
        throw Error(
            format("%s was written by a newer Finetune Studio (schema %d; this one knows %d)", m_path.c_str(), version, kSchemaVersion),
            "update Finetune Studio to open this workspace");
    if (version == kSchemaVersion) return;
    Transaction t(*m_db);
    if (version < 1) m_db->exec(kSchemaV1);
    if (version < 2) {
        m_db->exec(kSchemaV2);
        Statement all(*m_db, "SELECT id, messages FROM examples");
        Statement up(*m_db, "UPDATE examples SET problems = ? WHERE id = ?");
        while (all.step()) up.bind(1, problemsOf(messagesFrom(json::parse(all.text(1))))).bind(2, all.int64(0)).run();
    }
    // Later versions add their steps here, each from the version before.
    m_db->exec("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '" + std::to_string(kSchemaVersion) + "')");
    t.commit();
}

int64_t DatasetStore::createDataset(const std::string& name) {
    if (name.empty()) throw Error("a dataset needs a name");
    Statement exists(*m_db, "SELECT id FROM datasets WHERE name = ?");
    exists.bind(1, name);
    if (exists.step()) throw Error("dataset \"" + name + "\" already exists in " + m_path);
    Statement ins(*m_db, "INSERT INTO datasets(name, created) VALUES (?, ?)");
    ins.bind(1, name).bind(2, now()).run();
    return m_db->lastInsertId();
}

int64_t DatasetStore::datasetId(const std::string& name) const {
    Statement q(*m_db, "SELECT id FROM datasets WHERE name = ?");
    q.bind(1, name);
    if (!q.step()) throw Error("no dataset named \"" + name + "\" in " + m_path, "import a file into it first");
    return q.int64(0);
}

int64_t DatasetStore::ensureDataset(const std::string& name) {
    Statement q(*m_db, "SELECT id FROM datasets WHERE name = ?");
    q.bind(1, name);
    if (q.step()) return q.int64(0);
    return createDataset(name);
}

std::vector<std::string> DatasetStore::datasetNames() const {
    std::vector<std::string> out;
    Statement q(*m_db, "SELECT name FROM datasets ORDER BY name");
    while (q.step()) out.push_back(q.text(0));
    return out;
}

// ------------------------------------------------------------------ row helpers

int64_t DatasetStore::insertRow(const Example& e) {
    ++m_generation;
    if (!m_insertExample) {
        m_insertExample = std::make_unique<Statement>(*m_db,
                                                      "INSERT INTO examples(id, dataset_id, messages, split, note, "
                                                      "source_file, source_line, created, modified, hash, problems) "
                                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        m_insertTag = std::make_unique<Statement>(*m_db, "INSERT OR IGNORE INTO example_tags(example_id, tag) VALUES (?, ?)");
        m_insertFts = std::make_unique<Statement>(*m_db, "INSERT INTO examples_fts(rowid, text) VALUES (?, ?)");
    }
    Statement& ins = *m_insertExample;
    if (e.id > 0) ins.bind(1, e.id);
    else ins.bindNull(1);
    ins.bind(2, e.datasetId)
        .bind(3, messagesJson(e.messages).dump())
        .bind(4, std::string(splitName(e.split)))
        .bind(5, e.note)
        .bind(6, e.sourceFile)
        .bind(7, e.sourceLine)
        .bind(8, e.created)
        .bind(9, e.modified)
        .bind(10, e.hash.empty() ? contentHash(e.messages) : e.hash)
        .bind(11, problemsOf(e.messages));
    ins.run();
    const int64_t id = e.id > 0 ? e.id : m_db->lastInsertId();
    for (const auto& t : e.tags) m_insertTag->bind(1, id).bind(2, t).run();
    m_insertFts->bind(1, id).bind(2, ftsText(e.messages)).run();
    return id;
}

void DatasetStore::deleteRows(const std::vector<int64_t>& ids) {
    ++m_generation;
    Statement del(*m_db, "DELETE FROM examples WHERE id = ?");
    Statement fts(*m_db, "DELETE FROM examples_fts WHERE rowid = ?");
    for (int64_t id : ids) {
        del.bind(1, id).run();
        fts.bind(1, id).run();
    }
}

std::string DatasetStore::snapshotOf(const std::vector<Example>& examples) {
    json rows = json::array();
    for (const Example& e : examples)
        rows.push_back({{"id", e.id},
                        {"dataset_id", e.datasetId},
                        {"messages", messagesJson(e.messages)},
                        {"split", splitName(e.split)},
                        {"tags", e.tags},
                        {"note", e.note},
                        {"source_file", e.sourceFile},
                        {"source_line", e.sourceLine},
                        {"created", e.created},
                        {"modified", e.modified},
                        {"hash", e.hash}});
    return rows.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string DatasetStore::snapshot(const std::vector<int64_t>& ids) const {
    std::vector<Example> rows;
    Statement exists(*m_db, "SELECT 1 FROM examples WHERE id = ?");
    for (int64_t id : ids) {
        exists.bind(1, id);
        const bool found = exists.step();
        exists.reset();
        if (found) rows.push_back(get(id));
    }
    return snapshotOf(rows);
}

void DatasetStore::restore(const std::string& snapshotJson, const std::vector<int64_t>& ids) {
    deleteRows(ids);
    for (const auto& r : json::parse(snapshotJson)) {
        Example e;
        e.id = r["id"];
        e.datasetId = r["dataset_id"];
        e.messages = messagesFrom(r["messages"]);
        e.split = splitFromName(r["split"]);
        e.tags = r["tags"].get<std::vector<std::string>>();
        e.note = r["note"];
        e.sourceFile = r["source_file"];
        e.sourceLine = r["source_line"];
        e.created = r["created"];
        e.modified = r["modified"];
        e.hash = r["hash"];
        insertRow(e);
    }
}

int64_t DatasetStore::logOperation(const std::string& label, const std::vector<int64_t>& ids, const std::string& before,
                                   const std::string& after) {
    m_db->exec("DELETE FROM oplog WHERE undone = 1"); // a new edit ends the redo history
    Statement ins(*m_db, "INSERT INTO oplog(label, ids, before, after, created) VALUES (?, ?, ?, ?, ?)");
    ins.bind(1, label).bind(2, json(ids).dump()).bind(3, before).bind(4, after).bind(5, now()).run();
    return m_db->lastInsertId();
}

template <typename F>
void DatasetStore::recorded(const std::string& label, const std::vector<int64_t>& ids, F change) {
    Transaction t(*m_db);
    const std::string before = snapshot(ids);
    change();
    logOperation(label, ids, before, snapshot(ids));
    t.commit();
}

// ------------------------------------------------------------------ edits

int64_t DatasetStore::add(int64_t datasetId, Example example) {
    return addBatch(datasetId, {std::move(example)}, "add").at(0);
}

std::vector<int64_t> DatasetStore::addBatch(int64_t datasetId, std::vector<Example> examples, const std::string& label) {
    std::vector<int64_t> ids;
    Transaction t(*m_db);
    const int64_t ts = now();
    for (auto& e : examples) {
        if (e.messages.empty()) throw Error("an example needs at least one message");
        e.id = 0;
        e.datasetId = datasetId;
        e.created = e.modified = ts;
        e.hash = contentHash(e.messages);
        e.id = insertRow(e);
        ids.push_back(e.id);
    }
    logOperation(label, ids, "[]", snapshotOf(examples)); // the rows as inserted, without reading them back
    t.commit();
    return ids;
}

void DatasetStore::edit(const Example& example) {
    const Example old = get(example.id);
    recorded("edit", {example.id}, [&] {
        Example e = example;
        e.datasetId = old.datasetId;
        e.created = old.created;
        e.modified = now();
        e.hash = contentHash(e.messages);
        deleteRows({e.id});
        insertRow(e);
    });
}

void DatasetStore::remove(const std::vector<int64_t>& ids, const std::string& label) {
    recorded(label, ids, [&] { deleteRows(ids); });
}

int64_t DatasetStore::duplicate(int64_t id) {
    Example e = get(id);
    e.id = 0;
    return addBatch(e.datasetId, {e}, "duplicate").at(0);
}

void DatasetStore::tag(const std::vector<int64_t>& ids, const std::string& tagName) {
    if (tagName.empty()) throw Error("a tag cannot be empty");
    recorded("tag " + tagName, ids, [&] {
        Statement ins(*m_db, "INSERT OR IGNORE INTO example_tags(example_id, tag) SELECT id, ? FROM examples WHERE id = ?");
        for (int64_t id : ids) ins.bind(1, tagName).bind(2, id).run();
    });
}

void DatasetStore::untag(const std::vector<int64_t>& ids, const std::string& tagName) {
    recorded("untag " + tagName, ids, [&] {
        Statement del(*m_db, "DELETE FROM example_tags WHERE example_id = ? AND tag = ?");
        for (int64_t id : ids) del.bind(1, id).bind(2, tagName).run();
    });
}

void DatasetStore::setSplit(const std::vector<int64_t>& ids, Split split) {
    recorded(std::string("split ") + splitName(split), ids, [&] {
        Statement up(*m_db, "UPDATE examples SET split = ?, modified = ? WHERE id = ?");
        for (int64_t id : ids) up.bind(1, std::string(splitName(split))).bind(2, now()).bind(3, id).run();
    });
}

void DatasetStore::move(const std::vector<int64_t>& ids, int64_t toDatasetId) {
    ++m_generation;
    recorded("move", ids, [&] {
        Statement up(*m_db, "UPDATE examples SET dataset_id = ?, modified = ? WHERE id = ?");
        for (int64_t id : ids) up.bind(1, toDatasetId).bind(2, now()).bind(3, id).run();
    });
}

void DatasetStore::setNote(int64_t id, const std::string& note) {
    recorded("note", {id}, [&] {
        Statement up(*m_db, "UPDATE examples SET note = ?, modified = ? WHERE id = ?");
        up.bind(1, note).bind(2, now()).bind(3, id).run();
    });
}

// ------------------------------------------------------------------ undo / redo

bool DatasetStore::canUndo() const {
    return !undoLabel().empty();
}

bool DatasetStore::canRedo() const {
    return !redoLabel().empty();
}

std::string DatasetStore::undoLabel() const {
    Statement q(*m_db, "SELECT label FROM oplog WHERE undone = 0 ORDER BY id DESC LIMIT 1");
    return q.step() ? q.text(0) : std::string();
}

std::string DatasetStore::redoLabel() const {
    Statement q(*m_db, "SELECT label FROM oplog WHERE undone = 1 ORDER BY id ASC LIMIT 1");
    return q.step() ? q.text(0) : std::string();
}

bool DatasetStore::undo() {
    return stepHistory(/*undoing=*/true);
}

bool DatasetStore::redo() {
    return stepHistory(/*undoing=*/false);
}

// Undo restores the newest live operation's "before" rows; redo the oldest undone one's "after" rows.
bool DatasetStore::stepHistory(bool undoing) {
    Transaction t(*m_db);
    Statement q(*m_db, undoing ? "SELECT id, ids, before FROM oplog WHERE undone = 0 ORDER BY id DESC LIMIT 1"
                               : "SELECT id, ids, after FROM oplog WHERE undone = 1 ORDER BY id ASC LIMIT 1");
    if (!q.step()) return false;
    const int64_t op = q.int64(0);
    restore(q.text(2), json::parse(q.text(1)).get<std::vector<int64_t>>());
    Statement mark(*m_db, "UPDATE oplog SET undone = ? WHERE id = ?");
    mark.bind(1, int64_t(undoing ? 1 : 0)).bind(2, op).run();
    t.commit();
    return true;
}

} // namespace ft
