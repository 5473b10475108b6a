// BulkEdits: add, duplicate, delete, tag and split examples as undoable steps (see bulk_edits.h).
#include "bulk_edits.h"

#include "data/curation.h"
#include "data/dataset_store.h"
#include "qt_std.h"
#include "workspace.h"

#include <QInputDialog>
#include <QLineEdit>

namespace ft::ui {

BulkEdits::BulkEdits(Workspace* workspace, Context context, QWidget* dialogParent)
    : QObject(dialogParent), m_workspace(workspace), m_context(std::move(context)), m_dialogParent(dialogParent) {}

void BulkEdits::addExample() {
    if (!m_context.saveEdit()) return;
    QString error;
    if (!m_context.datasetId()) {
        if (!m_workspace->edit([](DatasetStore& s) { s.ensureDataset("default"); }, &error))
            return Q_EMIT failed(tr("Cannot create a dataset"), error);
        Q_EMIT datasetCreated(QStringLiteral("default"));
    }
    const int64_t dataset = m_context.datasetId();
    int64_t id = 0;
    Example e;
    e.messages = {{"user", ""}, {"assistant", ""}};
    if (!m_workspace->edit([&](DatasetStore& s) { id = s.add(dataset, e); }, &error))
        return Q_EMIT failed(tr("Cannot add an example"), error);
    Q_EMIT exampleToShow(id);
}

void BulkEdits::duplicateSelected() {
    if (!m_context.saveEdit()) return;
    const auto ids = m_context.selection();
    if (ids.empty()) return;
    int64_t last = 0;
    QString error;
    if (!m_workspace->edit(
            [&](DatasetStore& s) {
                for (int64_t id : ids) last = s.duplicate(id);
            },
            &error))
        return Q_EMIT failed(tr("Cannot duplicate"), error);
    Q_EMIT exampleToShow(last);
}

void BulkEdits::deleteSelected() {
    if (!m_context.saveEdit()) return;
    const auto ids = m_context.selection();
    if (ids.empty()) return;
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { s.remove(ids); }, &error)) return Q_EMIT failed(tr("Cannot delete"), error);
    Q_EMIT logLine(tr("Deleted %n example(s); Undo brings them back.", nullptr, int(ids.size())));
    Q_EMIT exampleToShow(0);
}

void BulkEdits::tagSelected() {
    if (!m_context.saveEdit()) return;
    const auto ids = m_context.selection();
    if (ids.empty()) return;
    bool ok = false;
    const QString tag = QInputDialog::getText(m_dialogParent, tr("Tag Examples"), tr("Tag for %n example(s):", nullptr, int(ids.size())),
                                              QLineEdit::Normal, QString(), &ok)
                            .trimmed();
    if (!ok || tag.isEmpty()) return;
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { s.tag(ids, str(tag)); }, &error)) Q_EMIT failed(tr("Cannot tag"), error);
}

void BulkEdits::setSplitOfSelected(int split) {
    if (!m_context.saveEdit()) return;
    const auto ids = m_context.selection();
    if (ids.empty()) return;
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { s.setSplit(ids, Split(split)); }, &error))
        Q_EMIT failed(tr("Cannot set the split"), error);
}

void BulkEdits::assignSplits() {
    const int64_t dataset = m_context.datasetId();
    if (!dataset || !m_context.saveEdit()) return;
    bool ok = false;
    const QString ratios =
        QInputDialog::getText(m_dialogParent, tr("Assign Splits"), tr("Train / validation / test ratios for the unassigned examples:"),
                              QLineEdit::Normal, QStringLiteral("0.8 / 0.1 / 0.1"), &ok);
    if (!ok) return;
    const QStringList parts = ratios.split(QLatin1Char('/'));
    double r[3] = {0, 0, 0};
    bool valid = parts.size() == 3;
    for (int i = 0; valid && i < 3; ++i) r[i] = parts[i].trimmed().toDouble(&valid);
    if (!valid) return Q_EMIT failed(tr("Cannot assign splits"), tr("Write three numbers separated by '/', e.g. 0.8 / 0.1 / 0.1."));
    QString error;
    int64_t n = 0;
    if (!m_workspace->edit([&](DatasetStore& s) { n = ft::assignSplits(s, dataset, r[0], r[1], r[2], 42, false); }, &error))
        return Q_EMIT failed(tr("Cannot assign splits"), error);
    Q_EMIT logLine(tr("Assigned splits to %n example(s).", nullptr, int(n)));
}

} // namespace ft::ui
