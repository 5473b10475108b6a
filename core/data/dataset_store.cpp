#include "data/dataset_store.h"

#include "data/curation.h"
#include "data/sqlite_db.h"
#include "util/error.h"

#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

namespace ft {

namespace {

using json = nlohmann::json;

const char* const kSchemaV1 = R"sql(
CREATE TABLE datasets(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created INTEGER NOT NULL);
CREATE TABLE examples(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  messages TEXT NOT NULL,
  split TEXT NOT NULL DEFAULT 'unassigned' CHECK (split IN ('train', 'validation', 'test', 'unassigned')),
  note TEXT NOT NULL DEFAULT '',
  source_file TEXT NOT NULL DEFAULT '',
  source_line INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL,
  hash TEXT NOT NULL);
CREATE INDEX examples_by_dataset ON examples(dataset_id, id);
CREATE INDEX examples_by_split ON examples(dataset_id, split, id);
CREATE INDEX examples_by_hash ON examples(dataset_id, hash);
CREATE TABLE example_tags(
  example_id INTEGER NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (example_id, tag)) WITHOUT ROWID;
CREATE INDEX example_tags_by_tag ON example_tags(tag, example_id);
CREATE VIRTUAL TABLE examples_fts USING fts5(text);
CREATE TABLE oplog(
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  ids TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL);
)sql";

// Version 2: structural problems per example, and token counts cached per example and tokenizer.
const char* const kSchemaV2 = R"sql(
ALTER TABLE examples ADD COLUMN problems TEXT NOT NULL DEFAULT '';
CREATE INDEX examples_by_problems ON examples(dataset_id, problems, id);
CREATE TABLE token_counts(
  example_id INTEGER NOT NULL REFERENCES examples(id) ON DELETE CASCADE,
  tokenizer TEXT NOT NULL,
  prompt INTEGER NOT NULL,
  reply INTEGER NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (tokenizer, example_id)) WITHOUT ROWID;
CREATE INDEX token_counts_by_total ON token_counts(tokenizer, total);
)sql";

std::string problemsOf(const std::vector<Message>& messages) {
    std::string joined;
    for (const auto& p : validateMessages(messages)) joined += (joined.empty() ? "" : "; ") + p;
    return joined;
}

int64_t now() {
    return int64_t(std::time(nullptr));
}

json messagesJson(const std::vector<Message>& messages) {
    json arr = json::array();
    for (const auto& m : messages) arr.push_back({{"role", m.role}, {"content", m.content}});
    return arr;
}

std::vector<Message> messagesFrom(const json& arr) {
    std::vector<Message> out;
    for (const auto& m : arr) out.push_back({m.at("role").get<std::string>(), m.at("content").get<std::string>()});
    return out;
}

std::string ftsText(const std::vector<Message>& messages) {
    std::string text;
    for (const auto& m : messages) text += m.content + "\n";
    return text;
}

// A user's search words as an FTS5 query: each word quoted (no syntax errors), all required.
std::string ftsQuery(const std::string& search) {
    std::string q, word;
    auto flush = [&] {
        if (word.empty()) return;
        std::string quoted = "\"";
        for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        q += (q.empty() ? "" : " ") + quoted + "\"";
        word.clear();
    };
    for (char c : search) {
        if (std::isspace(static_cast<unsigned char>(c))) flush();
        else word += c;
    }
    flush();
    return q;
}

} // namespace

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
        throw Error(format("%s was written by a newer Finetune Studio (schema %d; this one knows %d)", m_path.c_str(), version,
                           kSchemaVersion),
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
        m_insertExample = std::make_unique<Statement>(*m_db, "INSERT INTO examples(id, dataset_id, messages, split, note, "
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
        rows.push_back({{"id", e.id}, {"dataset_id", e.datasetId}, {"messages", messagesJson(e.messages)},
                        {"split", splitName(e.split)}, {"tags", e.tags}, {"note", e.note}, {"source_file", e.sourceFile},
                        {"source_line", e.sourceLine}, {"created", e.created}, {"modified", e.modified}, {"hash", e.hash}});
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
    m_db->exec("DELETE FROM oplog WHERE undone = 1");   // a new edit ends the redo history
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
    logOperation(label, ids, "[]", snapshotOf(examples));   // the rows as inserted, without reading them back
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

// ------------------------------------------------------------------ queries

Example DatasetStore::get(int64_t id) const {
    Statement q(*m_db, "SELECT id, dataset_id, messages, split, note, source_file, source_line, created, modified, hash, "
                       "problems FROM examples WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) throw Error(format("no example with id %lld in %s", (long long)id, m_path.c_str()));
    Example e;
    e.id = q.int64(0);
    e.datasetId = q.int64(1);
    e.messages = messagesFrom(json::parse(q.text(2)));
    e.split = splitFromName(q.text(3));
    e.note = q.text(4);
    e.sourceFile = q.text(5);
    e.sourceLine = q.int64(6);
    e.created = q.int64(7);
    e.modified = q.int64(8);
    e.hash = q.text(9);
    e.problems = q.text(10);
    Statement tags(*m_db, "SELECT tag FROM example_tags WHERE example_id = ? ORDER BY tag");
    tags.bind(1, id);
    while (tags.step()) e.tags.push_back(tags.text(0));
    return e;
}

namespace {
// The WHERE clause and its parameters for a filter; parameter 1 is the dataset id.
std::string whereClause(const ExampleFilter& f, std::vector<std::string>& params) {
    std::string sql = " WHERE e.dataset_id = ?1";
    int next = 2;
    if (f.split) {
        sql += " AND e.split = ?" + std::to_string(next++);
        params.push_back(splitName(*f.split));
    }
    if (!f.tag.empty()) {
        sql += " AND e.id IN (SELECT example_id FROM example_tags WHERE tag = ?" + std::to_string(next++) + ")";
        params.push_back(f.tag);
    }
    if (f.status == "valid") sql += " AND e.problems = ''";
    else if (f.status == "invalid") sql += " AND e.problems != ''";
    else if (!f.status.empty()) throw Error("status filter \"" + f.status + "\" is not one of valid, invalid");
    if (!f.tokenizerKey.empty() && (f.minTokens >= 0 || f.maxTokens >= 0)) {
        sql += " AND e.id IN (SELECT example_id FROM token_counts WHERE tokenizer = ?" + std::to_string(next++);
        params.push_back(f.tokenizerKey);
        if (f.minTokens >= 0) sql += " AND total >= " + std::to_string(f.minTokens);
        if (f.maxTokens >= 0) sql += " AND total <= " + std::to_string(f.maxTokens);
        sql += ")";
    }
    if (!ftsQuery(f.search).empty()) {
        sql += " AND e.id IN (SELECT rowid FROM examples_fts WHERE examples_fts MATCH ?" + std::to_string(next++) + ")";
        params.push_back(ftsQuery(f.search));
    }
    return sql;
}
} // namespace

namespace {
bool isUnfiltered(const ExampleFilter& f) {
    return !f.split && f.tag.empty() && ftsQuery(f.search).empty() && f.status.empty() &&
           (f.tokenizerKey.empty() || (f.minTokens < 0 && f.maxTokens < 0));
}
} // namespace

const DatasetStore::Anchors& DatasetStore::anchors(int64_t datasetId) const {
    Statement version(*m_db, "PRAGMA data_version");
    version.step();
    const int64_t dataVersion = version.int64(0);
    Anchors& a = m_anchors[datasetId];
    if (a.generation == m_generation && a.dataVersion == dataVersion) return a;
    a = Anchors{m_generation, dataVersion, 0, {}};
    Statement q(*m_db, "SELECT id FROM examples WHERE dataset_id = ? ORDER BY id");
    q.bind(1, datasetId);
    while (q.step()) {
        if (a.total % kAnchorStride == 0) a.ids.push_back(q.int64(0));
        ++a.total;
    }
    return a;
}

int64_t DatasetStore::count(int64_t datasetId, const ExampleFilter& filter) const {
    if (isUnfiltered(filter)) return anchors(datasetId).total;   // one scan that also prepares deep pages
    std::vector<std::string> params;
    Statement q(*m_db, "SELECT count(*) FROM examples e" + whereClause(filter, params));
    q.bind(1, datasetId);
    for (size_t i = 0; i < params.size(); ++i) q.bind(int(i) + 2, params[i]);
    q.step();
    return q.int64(0);
}

std::vector<Example> DatasetStore::page(int64_t datasetId, const ExampleFilter& filter, int64_t offset, int64_t limit) const {
    std::vector<std::string> params;
    std::string where = whereClause(filter, params);
    if (isUnfiltered(filter) && offset >= kAnchorStride) {
        const Anchors& a = anchors(datasetId);
        const size_t block = size_t(offset / kAnchorStride);
        if (block < a.ids.size()) {
            where += " AND e.id >= " + std::to_string(a.ids[block]);
            offset %= kAnchorStride;
        }
    }
    // Seek to the page through the (dataset_id, id) index, then read only the rows of the page.
    Statement q(*m_db, "SELECT e.id FROM examples e" + where + " ORDER BY e.id LIMIT " + std::to_string(limit) +
                           " OFFSET " + std::to_string(offset));
    q.bind(1, datasetId);
    for (size_t i = 0; i < params.size(); ++i) q.bind(int(i) + 2, params[i]);
    std::vector<Example> out;
    while (q.step()) out.push_back(get(q.int64(0)));
    return out;
}

void DatasetStore::forEach(int64_t datasetId, const std::function<void(const Example&)>& visit) const {
    Statement q(*m_db, "SELECT id, messages, split, hash, problems FROM examples WHERE dataset_id = ? ORDER BY id");
    q.bind(1, datasetId);
    while (q.step()) {
        Example e;
        e.id = q.int64(0);
        e.datasetId = datasetId;
        e.messages = messagesFrom(json::parse(q.text(1)));
        e.split = splitFromName(q.text(2));
        e.hash = q.text(3);
        e.problems = q.text(4);
        visit(e);
    }
}

bool DatasetStore::containsHash(int64_t datasetId, const std::string& hash) const {
    if (!m_hashQuery) m_hashQuery = std::make_unique<Statement>(*m_db, "SELECT 1 FROM examples WHERE dataset_id = ? AND hash = ? LIMIT 1");
    m_hashQuery->bind(1, datasetId).bind(2, hash);
    const bool found = m_hashQuery->step();
    m_hashQuery->reset();
    return found;
}

DatasetStats DatasetStore::stats(int64_t datasetId) const {
    DatasetStats s;
    for (const char* split : {"train", "validation", "test", "unassigned"}) s.splits[split] = 0;
    Statement q(*m_db, "SELECT split, count(*) FROM examples WHERE dataset_id = ? GROUP BY split");
    q.bind(1, datasetId);
    while (q.step()) {
        s.splits[q.text(0)] = q.int64(1);
        s.examples += q.int64(1);
    }
    Statement t(*m_db, "SELECT t.tag, count(*) FROM example_tags t JOIN examples e ON e.id = t.example_id "
                       "WHERE e.dataset_id = ? GROUP BY t.tag ORDER BY t.tag");
    t.bind(1, datasetId);
    while (t.step()) s.tags[t.text(0)] = t.int64(1);
    return s;
}

} // namespace ft
