// DatasetStore: the datasets of a workspace folder, in one SQLite file (WAL, foreign keys, versioned
// schema). Every edit is one transaction and one entry of an operation log that undo/redo walk.
// Queries serve a table view: counts and pages in a stable order, with split/tag/text filters.
#pragma once
#include "data/example.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ft {

class SqliteDb;
class Statement;

struct ExampleFilter {
    std::optional<Split> split;
    std::string tag;                        // "" = any
    std::string search;                     // full-text (FTS5) query over message text; "" = none
    std::string status;                     // "valid" (no structural problems), "invalid", or "" = any
    std::string tokenizerKey;               // with min/maxTokens: a token-length range (cached counts)
    int64_t minTokens = -1, maxTokens = -1; // -1 = unbounded
};

struct DatasetStats {
    int64_t examples = 0;
    std::map<std::string, int64_t> splits; // split name -> count
    std::map<std::string, int64_t> tags;   // tag -> count
};

class DatasetStore {
public:
    static constexpr int kSchemaVersion = 2;

    // Opens `workspaceDir`/workspace.db, creating the folder and the schema when needed.
    explicit DatasetStore(const std::string& workspaceDir);
    ~DatasetStore();

    int64_t createDataset(const std::string& name);   // throws if it exists
    int64_t datasetId(const std::string& name) const; // throws naming the dataset if absent
    int64_t ensureDataset(const std::string& name);
    std::vector<std::string> datasetNames() const;

    // Edits (each one undoable). Ids are stable and never reused.
    int64_t add(int64_t datasetId, Example example);
    std::vector<int64_t> addBatch(int64_t datasetId, std::vector<Example> examples, const std::string& label);
    void edit(const Example& example);
    void remove(const std::vector<int64_t>& ids, const std::string& label = "delete");
    int64_t duplicate(int64_t id);
    void tag(const std::vector<int64_t>& ids, const std::string& tag);
    void untag(const std::vector<int64_t>& ids, const std::string& tag);
    void setSplit(const std::vector<int64_t>& ids, Split split);
    void move(const std::vector<int64_t>& ids, int64_t toDatasetId);
    void setNote(int64_t id, const std::string& note);

    bool canUndo() const;
    bool canRedo() const;
    std::string undoLabel() const; // "" if nothing to undo
    std::string redoLabel() const;
    bool undo();
    bool redo();

    // Queries.
    Example get(int64_t id) const; // throws if absent
    int64_t count(int64_t datasetId, const ExampleFilter& filter = {}) const;
    std::vector<Example> page(int64_t datasetId, const ExampleFilter& filter, int64_t offset, int64_t limit) const;
    bool containsHash(int64_t datasetId, const std::string& hash) const;
    DatasetStats stats(int64_t datasetId) const;

    // Every example of a dataset in id order, without tags (a single scan, for whole-dataset passes).
    void forEach(int64_t datasetId, const std::function<void(const Example&)>& visit) const;

    const std::string& path() const { return m_path; }
    SqliteDb& database() const { return *m_db; } // for core collaborators (curation); not for the UI

private:
    void migrate();
    bool stepHistory(bool undoing);
    std::string snapshot(const std::vector<int64_t>& ids) const; // JSON rows of the ids that exist
    static std::string snapshotOf(const std::vector<Example>& rows);
    void restore(const std::string& snapshotJson, const std::vector<int64_t>& ids); // make ids look like the snapshot
    int64_t insertRow(const Example& e);                                            // returns the id
    void deleteRows(const std::vector<int64_t>& ids);
    int64_t logOperation(const std::string& label, const std::vector<int64_t>& ids, const std::string& before, const std::string& after);
    // Runs `change` on `ids` in one transaction and logs before/after snapshots.
    template <typename F>
    void recorded(const std::string& label, const std::vector<int64_t>& ids, F change);

    std::string m_path;
    std::unique_ptr<SqliteDb> m_db;
    // Statements of the hot insert path, prepared once.
    std::unique_ptr<Statement> m_insertExample, m_insertTag, m_insertFts;
    mutable std::unique_ptr<Statement> m_hashQuery;

    // Every kAnchorStride-th id of a dataset in order, so that a deep unfiltered page starts from a
    // nearby id instead of walking the index from the start (OFFSET is linear). Rebuilt after any
    // change, ours (m_generation) or another connection's (SQLite's data_version).
    static constexpr int64_t kAnchorStride = 4096;
    struct Anchors {
        int64_t generation = -1, dataVersion = -1, total = 0;
        std::vector<int64_t> ids;
    };
    const Anchors& anchors(int64_t datasetId) const;
    mutable std::map<int64_t, Anchors> m_anchors;
    int64_t m_generation = 0;
};

} // namespace ft
