// RunsView: the history of the workspace's runs (and any run folder opened) with status and key
// figures; the loss curves of the selected runs overlaid; open a run in Compare, resume it, rename,
// delete (asks; to the trash where there is one), and export its adapter or a merged model. A run
// whose run.json says "running" while no job here runs it is shown as interrupted.
#pragma once
#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace ft::widgets {
class MetricChart;
}

namespace ft::ui {

class Workspace;

class RunsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsView)

public:
    explicit RunsView(Workspace* workspace, QWidget* parent = nullptr);

    void setActiveRun(const QString& runDir); // the run a job here is training ("" = none)
    void addRunFolder(const QString& runDir); // a run outside the workspace's runs/ folder
    QTreeWidget* list() const { return m_list; }
    widgets::MetricChart* chart() const { return m_chart; }
    QStringList selectedRuns() const;
    void selectRuns(const QStringList& runDirs);

    bool renameRun(const QString& runDir, const QString& newName, QString* error);
    bool deleteRun(const QString& runDir, QString* error); // no question asked (the slot asks)
    // Starts an export on a worker; exportFinished follows. kind: "peft" | "merged" | "gguf" | "gguf-adapter" (core's ExportKind names);
    // outDir is the output folder, or the .gguf file; dtype is the merged dtype or the GGUF type.
    void exportRun(const QString& runDir, const QString& kind, const QString& outDir, const QString& dtype = QStringLiteral("bf16"));

public Q_SLOTS:
    void refresh();
    void renameSelected();
    void deleteSelected();
    void exportSelected(const QString& kind);
    void exportSelectedGguf(const QString& type); // "q8_0" | "f16" | "bf16" | "f32" | "adapter"

Q_SIGNALS:
    void openRequested(const QString& runDir); // double-click: its curves, checkpoints and log
    void compareRequested(const QString& runDir);
    void evaluateRequested(const QString& runDir);
    void resumeRequested(const QString& runDir);
    void exportFinished(bool ok, const QString& message);
    void logLine(const QString& line);

private:
    void updateChart();
    void updateButtons();

    Workspace* m_workspace;
    QTreeWidget* m_list = nullptr;
    widgets::MetricChart* m_chart = nullptr;
    QLabel* m_details = nullptr;
    QPushButton *m_compare = nullptr, *m_evaluate = nullptr, *m_resume = nullptr, *m_rename = nullptr, *m_delete = nullptr,
                *m_export = nullptr;
    QAction *m_exportAdapter = nullptr, *m_exportGgufAdapter = nullptr;
    QString m_activeRun;
    QStringList m_extraRuns;
};

} // namespace ft::ui
