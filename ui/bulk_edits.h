// BulkEdits: the Dataset view's edits of many examples at once: add, duplicate, delete, tag, set
// the split of the selection, and assign splits to the unassigned examples by ratio. Each is one
// undoable step of the workspace; the pending edit in the editor is saved first.
#pragma once
#include <QObject>

#include <cstdint>
#include <functional>
#include <vector>

class QWidget;

namespace ft::ui {

class Workspace;

class BulkEdits final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkEdits)

public:
    struct Context {
        std::function<int64_t()> datasetId;              // the current dataset (0: none)
        std::function<std::vector<int64_t>()> selection; // the examples acted on
        std::function<bool()> saveEdit;                  // false: the pending edit could not be saved, stop
    };
    // `dialogParent` parents the questions asked (the tag, the ratios).
    BulkEdits(Workspace* workspace, Context context, QWidget* dialogParent);

public Q_SLOTS:
    void addExample();
    void duplicateSelected();
    void deleteSelected();
    void tagSelected();
    void setSplitOfSelected(int split); // ft::Split as int
    void assignSplits();

Q_SIGNALS:
    void datasetCreated(const QString& name); // adding into a workspace without one made "default"
    void exampleToShow(qlonglong id);         // added or duplicated: open it (0: none)
    void failed(const QString& what, const QString& error);
    void logLine(const QString& line);

private:
    Workspace* m_workspace;
    Context m_context;
    QWidget* m_dialogParent;
};

} // namespace ft::ui
