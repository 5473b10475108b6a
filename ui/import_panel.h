// ImportPanel: the Dataset view's Import Report tab. Imports files into a dataset on a worker
// thread (with its own store connection), reports progress, and lists per file the format it
// detected, what was imported, skipped and left out as duplicate, and every rejected line.
#pragma once
#include <QWidget>

class QPlainTextEdit;

namespace ft::ui {

class Workspace;

class ImportPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPanel)

public:
    explicit ImportPanel(Workspace* workspace, QWidget* parent = nullptr);

    // Imports `paths` into the workspace's dataset `dataset` (which exists); finished follows.
    void start(const QString& dataset, const QStringList& paths);
    QString reportText() const;

Q_SIGNALS:
    void progress(int permille); // of the bytes of the file being read
    void finished(int imported, int skipped);
    void logLine(const QString& line);

private:
    Workspace* m_workspace;
    QPlainTextEdit* m_report = nullptr;
};

} // namespace ft::ui
