// DuplicatesPanel: the Dataset view's Duplicates tab. Finds exact and near-duplicate groups of the
// current dataset on a worker thread, lists them (double-click an example to open it) and removes
// all but the first example of every checked group as one undoable edit.
#pragma once
#include <QWidget>

#include <cstdint>
#include <functional>

class QDoubleSpinBox;
class QTreeWidget;

namespace ft::ui {

class Workspace;

class DuplicatesPanel final : public QWidget {
    Q_OBJECT

public:
    // `datasetId` names the dataset to search (0: none); `idle` says whether the view has no other
    // work on a worker (one at a time); `beforeEdit` saves the view's pending edit and says whether
    // removing may go ahead.
    DuplicatesPanel(Workspace* workspace, std::function<int64_t()> datasetId, std::function<bool()> idle, std::function<bool()> beforeEdit,
                    QWidget* parent = nullptr);

    QTreeWidget* groups() const { return m_groups; }

public Q_SLOTS:
    void find();
    void removeChecked(); // all but the first of every checked group

Q_SIGNALS:
    void busyChanged(bool busy); // a search runs on a worker
    void found(int groups);
    void exampleActivated(qlonglong id);
    void failed(const QString& what, const QString& error);
    void logLine(const QString& line);

private:
    Workspace* m_workspace;
    std::function<int64_t()> m_datasetId;
    std::function<bool()> m_idle, m_beforeEdit;
    QTreeWidget* m_groups = nullptr;
    QDoubleSpinBox* m_nearThreshold = nullptr;
};

} // namespace ft::ui
