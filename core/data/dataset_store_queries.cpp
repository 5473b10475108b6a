// DatasetStore: reads (one example, filtered counts and pages, whole-dataset scans, statistics).
#include "data/dataset_store.h"

#include "data/dataset_store_detail.h"
#include "data/sqlite_db.h"
#include "util/error.h"

#include <nlohmann/json.hpp>
#include <set>

namespace ft {

using json = nlohmann::json;
using namespace store_detail;

Example DatasetStore::get(int64_t id) const {
    Statement q(*m_db,
                "SELECT id, dataset_id, messages, split, note, source_file, source_line, created, modified, hash, "
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
    if (isUnfiltered(filter)) return anchors(datasetId).total; // one scan that also prepares deep pages
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
    Statement q(*m_db, "SELECT e.id FROM examples e" + where + " ORDER BY e.id LIMIT " + std::to_string(limit) + " OFFSET " +
                           std::to_string(offset));
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
    Statement t(*m_db,
                "SELECT t.tag, count(*) FROM example_tags t JOIN examples e ON e.id = t.example_id "
                "WHERE e.dataset_id = ? GROUP BY t.tag ORDER BY t.tag");
    t.bind(1, datasetId);
    while (t.step()) s.tags[t.text(0)] = t.int64(1);
    return s;
}

} // namespace ft
