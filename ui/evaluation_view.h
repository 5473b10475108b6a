// EvaluationView: run the held-out evaluation of a run (base vs tuned, optionally the few-shot
// baseline) on a worker, with the phase and progress shown and a Stop; then read its report: the
// headline metric per system with intervals as a chart, every metric, loss and perplexity, the
// per-example table with regressions first; open the HTML report or print it to PDF.
#pragma once
#include <QWidget>
#include <memory>

#include <nlohmann/json.hpp>

namespace ft {
class RunControl;
}

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QCustomPlot;

namespace ft::ui {

class Workspace;

class EvaluationView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationView)

public:
    explicit EvaluationView(Workspace* workspace, QWidget* parent = nullptr);
    ~EvaluationView() override;

    bool selectRun(const QString& runDir);
    void setSplit(const QString& split);
    void setOptions(int fewShot, int limit, int maxNewTokens);
    bool loadReport(const QString& reportJson); // shows a report written earlier
    bool printToPdf(const QString& path);

    bool isRunning() const { return m_control != nullptr; }
    QString currentRunName() const; // "" when the workspace has no run
    QString summaryText() const;
    QTableWidget* metricsTable() const { return m_metrics; }
    QTableWidget* examplesTable() const { return m_examples; }
    const nlohmann::json& report() const { return m_report; }

public Q_SLOTS:
    void evaluate();
    void stop();
    void refreshRuns();

Q_SIGNALS:
    void evaluationStarted();
    void progressChanged(int done, int total); // while an evaluation runs
    void evaluationFinished(bool ok, const QString& message);
    void logLine(const QString& line);

private:
    void showReport();
    QString currentRun() const;
    QString reportPath() const;

    Workspace* m_workspace;
    QComboBox* m_run = nullptr;
    QComboBox* m_split = nullptr;
    QComboBox* m_adapter = nullptr;
    QSpinBox* m_fewShot = nullptr;
    QSpinBox* m_limit = nullptr;
    QSpinBox* m_maxTokens = nullptr;
    QPushButton* m_evaluate = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_openHtml = nullptr;
    QPushButton* m_pdf = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_phase = nullptr;
    QLabel* m_summary = nullptr;
    QCustomPlot* m_chart = nullptr;
    QTableWidget* m_metrics = nullptr;
    QTableWidget* m_examples = nullptr;
    nlohmann::json m_report;
    QString m_reportPath;
    std::shared_ptr<RunControl> m_control; // of the evaluation in progress
};

} // namespace ft::ui
