// DatasetTableModel: a lazy table over one dataset of the store. Only the row count is known up
// front; rows are fetched a page at a time when the view asks for them and a few pages are kept, so
// scrolling through a million examples reads only what is on screen.
#pragma once
#include <QAbstractTableModel>
#include <map>
#include <vector>

#include "data/curation.h"
#include "data/dataset_store.h" // plain types; no SQLite in this header

namespace ft::ui {

class Workspace;

class DatasetTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetTableModel)

public:
    enum Column { Id, Prompt, Reply, SplitColumn, Tags, Tokens, Status, ColumnCount };

    explicit DatasetTableModel(Workspace* workspace, QObject* parent = nullptr);

    void setQuery(int64_t datasetId, const ExampleFilter& filter); // datasetId 0 = none; one recount
    void setTokenCountKey(const std::string& key);                 // the Tokens column shows counts cached under it
    int64_t datasetId() const { return m_dataset; }
    const ExampleFilter& filter() const { return m_filter; }

    void refresh();                   // the store changed: recount and drop cached pages
    int64_t exampleId(int row) const; // 0 when out of range
    int rowOfId(int64_t id) const;    // among the cached pages; -1 when not cached

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString preview(const std::vector<Message>& messages, bool reply);

private:
    static constexpr int kPageSize = 256;
    static constexpr size_t kMaxPages = 24;
    struct Page {
        std::vector<Example> rows;
        std::map<int64_t, TokenCount> tokens;
        uint64_t lastUse = 0;
    };
    const Example* row(int row) const;

    Workspace* m_workspace;
    int64_t m_dataset = 0;
    ExampleFilter m_filter;
    std::string m_tokenKey;
    int m_count = 0;
    mutable std::map<int, Page> m_pages;
    mutable uint64_t m_useClock = 0;
};

} // namespace ft::ui
