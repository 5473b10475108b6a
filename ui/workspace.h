// Workspace: the folder the studio works in (its datasets live in workspace.db; runs usually live in
// runs/ beside it). Owns the UI thread's DatasetStore, runs every edit through one place so that the
// views refresh and the undo/redo actions follow the store's operation log.
#pragma once
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

class QAction;

namespace ft {
class DatasetStore;
}

namespace ft::ui {

class Workspace final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    explicit Workspace(QObject* parent = nullptr);
    ~Workspace() override;

    // Opens (creating when needed) the workspace in `dir`. False with *error set when it cannot.
    bool open(const QString& dir, QString* error);
    bool isOpen() const { return m_store != nullptr; }
    QString dir() const { return m_dir; }
    QString runsDir() const; // <workspace>/runs
    DatasetStore* store() const { return m_store.get(); }

    // Runs one edit on the store. An ft::Error becomes *error (the store rolled the edit back).
    bool edit(const std::function<void(DatasetStore&)>& change, QString* error = nullptr);
    // Another connection (an import on a worker thread) changed the store: refresh the views.
    void notifyExternalChange();

    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }

public Q_SLOTS:
    bool undo();
    bool redo();

Q_SIGNALS:
    void opened(const QString& dir);
    void changed(); // any edit, undo, redo or import

private:
    void updateActions();

    QString m_dir;
    std::unique_ptr<DatasetStore> m_store;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
};

} // namespace ft::ui
