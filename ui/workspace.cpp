// Workspace: the open dataset store, its undo and redo actions, and the change signal.
#include "workspace.h"

#include "data/dataset_store.h"
#include "util/error.h"

#include <QAction>
#include <QDir>
#include <QKeySequence>

namespace ft::ui {

Workspace::Workspace(QObject* parent) : QObject(parent) {
    m_undo = new QAction(tr("&Undo"), this);
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = new QAction(tr("&Redo"), this);
    m_redo->setShortcut(QKeySequence::Redo);
    connect(m_undo, &QAction::triggered, this, &Workspace::undo);
    connect(m_redo, &QAction::triggered, this, &Workspace::redo);
    updateActions();
}

Workspace::~Workspace() = default;

bool Workspace::open(const QString& dir, QString* error) {
    try {
        auto store = std::make_unique<DatasetStore>(QDir(dir).absolutePath().toStdString());
        m_store = std::move(store);
        m_dir = QDir(dir).absolutePath();
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
    updateActions();
    Q_EMIT opened(m_dir);
    Q_EMIT changed();
    return true;
}

QString Workspace::runsDir() const {
    return m_dir.isEmpty() ? QString() : QDir(m_dir).filePath(QStringLiteral("runs"));
}

bool Workspace::edit(const std::function<void(DatasetStore&)>& change, QString* error) {
    if (!m_store) {
        if (error) *error = tr("No workspace is open.");
        return false;
    }
    bool ok = true;
    try {
        change(*m_store);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        ok = false;
    }
    updateActions();
    Q_EMIT changed();
    return ok;
}

void Workspace::notifyExternalChange() {
    updateActions();
    Q_EMIT changed();
}

bool Workspace::undo() {
    bool done = false;
    edit([&](DatasetStore& s) { done = s.undo(); });
    return done;
}

bool Workspace::redo() {
    bool done = false;
    edit([&](DatasetStore& s) { done = s.redo(); });
    return done;
}

void Workspace::updateActions() {
    const bool canUndo = m_store && m_store->canUndo();
    const bool canRedo = m_store && m_store->canRedo();
    m_undo->setEnabled(canUndo);
    m_redo->setEnabled(canRedo);
    m_undo->setText(canUndo ? tr("&Undo %1").arg(QString::fromStdString(m_store->undoLabel())) : tr("&Undo"));
    m_redo->setText(canRedo ? tr("&Redo %1").arg(QString::fromStdString(m_store->redoLabel())) : tr("&Redo"));
}

} // namespace ft::ui
