// ModelView: pick a base model folder and see what it is (architecture, size, shapes, dtype), or why
// it cannot be used. The folder is read on a worker thread; the UI never waits on disk.
#pragma once
#include <QFutureWatcher>
#include <QWidget>

#include "model/model_summary.h"

class QLabel;
class QPushButton;

namespace ft::widgets {
class PropertyList;
}

namespace ft::ui {

class ModelView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelView)

public:
    explicit ModelView(QWidget* parent = nullptr);

    void openModel(const QString& dir);        // starts reading; modelLoaded or modelFailed follows
    QString modelDir() const { return m_dir; } // the folder shown, or being read
    bool isReading() const { return m_watcher.isRunning(); }
    widgets::PropertyList* properties() const { return m_properties; }
    QString errorText() const;

public Q_SLOTS:
    void chooseModel(); // folder dialog

Q_SIGNALS:
    void modelLoaded(const QString& dir, const QString& description);
    void modelFailed(const QString& dir, const QString& error);

private:
    struct Outcome {
        bool ok = false;
        ModelSummary summary;
        QString error;
    };
    void showOutcome(const QString& dir, const Outcome& outcome);

    QString m_dir;
    QLabel* m_title = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_open = nullptr;
    widgets::PropertyList* m_properties = nullptr;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace ft::ui
