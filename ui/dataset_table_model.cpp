// DatasetTableModel: a dataset's examples as a lazy, paged table model.
#include "dataset_table_model.h"

#include "tone.h"
#include "workspace.h"

#include <QBrush>
#include <QApplication>
#include <QColor>
#include <limits>

namespace ft::ui {

DatasetTableModel::DatasetTableModel(Workspace* workspace, QObject* parent) : QAbstractTableModel(parent), m_workspace(workspace) {}

void DatasetTableModel::setQuery(int64_t datasetId, const ExampleFilter& filter) {
    m_dataset = datasetId;
    m_filter = filter;
    refresh();
}

void DatasetTableModel::setTokenCountKey(const std::string& key) {
    m_tokenKey = key;
    refresh();
}

void DatasetTableModel::refresh() {
    beginResetModel();
    m_pages.clear();
    m_count = 0;
    DatasetStore* store = m_workspace->store();
    if (store && m_dataset > 0) {
        try {
            m_count = int(std::min<int64_t>(store->count(m_dataset, m_filter), std::numeric_limits<int>::max()));
        } catch (const std::exception&) {
            m_count = 0; // a malformed search query matches nothing; the view shows the query's error
        }
    }
    endResetModel();
}

const Example* DatasetTableModel::row(int r) const {
    if (r < 0 || r >= m_count) return nullptr;
    const int pageIndex = r / kPageSize;
    auto it = m_pages.find(pageIndex);
    if (it == m_pages.end()) {
        DatasetStore* store = m_workspace->store();
        if (!store) return nullptr;
        if (m_pages.size() >= kMaxPages) { // forget the least recently used page
            auto oldest = m_pages.begin();
            for (auto p = m_pages.begin(); p != m_pages.end(); ++p)
                if (p->second.lastUse < oldest->second.lastUse) oldest = p;
            m_pages.erase(oldest);
        }
        Page page;
        try {
            page.rows = store->page(m_dataset, m_filter, int64_t(pageIndex) * kPageSize, kPageSize);
            if (!m_tokenKey.empty()) {
                std::vector<int64_t> ids;
                for (const auto& e : page.rows) ids.push_back(e.id);
                page.tokens = cachedTokenCounts(*store, ids, m_tokenKey);
            }
        } catch (const std::exception&) {
            return nullptr;
        }
        it = m_pages.emplace(pageIndex, std::move(page)).first;
    }
    it->second.lastUse = ++m_useClock;
    const size_t offset = size_t(r % kPageSize);
    return offset < it->second.rows.size() ? &it->second.rows[offset] : nullptr;
}

int64_t DatasetTableModel::exampleId(int r) const {
    const Example* e = row(r);
    return e ? e->id : 0;
}

int DatasetTableModel::rowOfId(int64_t id) const {
    for (const auto& [index, page] : m_pages)
        for (size_t i = 0; i < page.rows.size(); ++i)
            if (page.rows[i].id == id) return index * kPageSize + int(i);
    return -1;
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_count;
}

int DatasetTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString DatasetTableModel::preview(const std::vector<Message>& messages, bool reply) {
    for (const auto& m : messages) {
        const bool wanted = reply ? m.role == "assistant" : (m.role == "user" || m.role == "text");
        if (!wanted) continue;
        QString text = QString::fromStdString(m.content).simplified();
        if (text.size() > 160) text = text.left(159) + QChar(0x2026);
        return text;
    }
    return {};
}

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const {
    const Example* e = row(index.row());
    if (!e) return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Id: return QVariant::fromValue<qlonglong>(e->id);
        case Prompt: return preview(e->messages, false);
        case Reply: return preview(e->messages, true);
        case SplitColumn: return QString::fromLatin1(splitName(e->split));
        case Tags: {
            QStringList tags;
            for (const auto& t : e->tags) tags << QString::fromStdString(t);
            return tags.join(QStringLiteral(", "));
        }
        case Tokens: {
            const Page& page = m_pages.at(index.row() / kPageSize); // row() just cached it
            auto it = page.tokens.find(e->id);
            return it == page.tokens.end() ? QVariant() : QVariant::fromValue<qlonglong>(it->second.total);
        }
        case Status: return e->problems.empty() ? tr("ok") : QString::fromStdString(e->problems);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status && !e->problems.empty())
        return QBrush(widgets::toneColor(widgets::Tone::Failed, QApplication::palette()));
    if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == Tokens)) return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Id: return tr("#");
    case Prompt: return tr("Prompt");
    case Reply: return tr("Reply");
    case SplitColumn: return tr("Split");
    case Tags: return tr("Tags");
    case Tokens: return tr("Tokens");
    case Status: return tr("Status");
    default: return {};
    }
}

} // namespace ft::ui
