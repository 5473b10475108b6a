// DuplicatesPanel: finding duplicate groups on a worker, and removing them in one undoable edit.
#include "duplicates_panel.h"

#include "background.h"
#include "data/curation.h"
#include "data/dataset_store.h"
#include "dataset_table_model.h"
#include "qt_std.h"
#include "workspace.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ft::ui {

namespace {
struct DuplicateOutcome {
    QString error;
    std::vector<std::vector<int64_t>> exact, near;
};
} // namespace

DuplicatesPanel::DuplicatesPanel(Workspace* workspace, std::function<int64_t()> datasetId, std::function<bool()> idle,
                                 std::function<bool()> beforeEdit, QWidget* parent)
    : QWidget(parent),
      m_workspace(workspace),
      m_datasetId(std::move(datasetId)),
      m_idle(std::move(idle)),
      m_beforeEdit(std::move(beforeEdit)) {
    m_groups = new QTreeWidget(this);
    m_groups->setHeaderLabels({tr("Group"), tr("Examples"), tr("Prompt")});
    m_groups->setRootIsDecorated(true);
    connect(m_groups, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        const qlonglong id = item->data(0, Qt::UserRole).toLongLong();
        if (id > 0) Q_EMIT exampleActivated(id);
    });
    m_nearThreshold = new QDoubleSpinBox(this);
    m_nearThreshold->setRange(0.5, 1.0);
    m_nearThreshold->setSingleStep(0.05);
    m_nearThreshold->setValue(0.8);
    m_nearThreshold->setToolTip(tr("Near duplicates: estimated Jaccard similarity of word 3-shingles"));
    auto* findButton = new QPushButton(tr("Find Duplicates"), this);
    auto* removeButton = new QPushButton(tr("Remove Checked (keep first)"), this);
    connect(findButton, &QPushButton::clicked, this, &DuplicatesPanel::find);
    connect(removeButton, &QPushButton::clicked, this, &DuplicatesPanel::removeChecked);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Near-duplicate similarity"), this));
    controls->addWidget(m_nearThreshold);
    controls->addWidget(findButton);
    controls->addStretch(1);
    controls->addWidget(removeButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_groups, 1);
}

void DuplicatesPanel::find() {
    const int64_t dataset = m_datasetId();
    if (!dataset || !m_idle()) return;
    Q_EMIT busyChanged(true);
    const std::string workspaceDir = str(m_workspace->dir());
    const double threshold = m_nearThreshold->value();
    runInBackground<DuplicateOutcome>(
        this,
        [workspaceDir, dataset, threshold] {
            DuplicateOutcome out;
            try {
                DatasetStore store(workspaceDir);
                out.exact = exactDuplicateGroups(store, dataset);
                out.near = nearDuplicateGroups(store, dataset, threshold);
            } catch (const std::exception& e) {
                out.error = qstr(e.what());
            }
            return out;
        },
        [this](const DuplicateOutcome& out) {
            Q_EMIT busyChanged(false);
            if (!out.error.isEmpty()) return Q_EMIT failed(tr("Cannot find duplicates"), out.error);
            m_groups->clear();
            DatasetStore* store = m_workspace->store();
            auto addGroups = [&](const std::vector<std::vector<int64_t>>& groups, const QString& kind) {
                for (const auto& g : groups) {
                    auto* group = new QTreeWidgetItem(m_groups);
                    group->setText(0, kind);
                    group->setText(1, QString::number(g.size()));
                    group->setCheckState(0, Qt::Unchecked);
                    QVariantList ids;
                    for (int64_t id : g) {
                        ids << QVariant::fromValue<qlonglong>(id);
                        auto* child = new QTreeWidgetItem(group);
                        child->setText(0, QStringLiteral("#%1").arg(id));
                        child->setData(0, Qt::UserRole, QVariant::fromValue<qlonglong>(id));
                        try {
                            child->setText(2, DatasetTableModel::preview(store->get(id).messages, false));
                        } catch (const std::exception&) {}
                    }
                    group->setData(1, Qt::UserRole, ids);
                    if (g.size() > 0) group->setText(2, group->child(0)->text(2));
                }
            };
            addGroups(out.exact, tr("exact"));
            addGroups(out.near, tr("near"));
            Q_EMIT found(int(out.exact.size() + out.near.size()));
        });
}

void DuplicatesPanel::removeChecked() {
    if (!m_beforeEdit()) return;
    std::vector<int64_t> ids;
    for (int i = 0; i < m_groups->topLevelItemCount(); ++i) {
        QTreeWidgetItem* group = m_groups->topLevelItem(i);
        if (group->checkState(0) != Qt::Checked) continue;
        const QVariantList members = group->data(1, Qt::UserRole).toList();
        for (int k = 1; k < members.size(); ++k) ids.push_back(members[k].toLongLong());
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.empty()) return;
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { s.remove(ids, "remove duplicates"); }, &error))
        return Q_EMIT failed(tr("Cannot remove duplicates"), error);
    for (int i = m_groups->topLevelItemCount() - 1; i >= 0; --i)
        if (m_groups->topLevelItem(i)->checkState(0) == Qt::Checked) delete m_groups->takeTopLevelItem(i);
    Q_EMIT logLine(tr("Removed %n duplicate(s); Undo brings them back.", nullptr, int(ids.size())));
}

} // namespace ft::ui
