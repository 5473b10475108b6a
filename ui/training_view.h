// TrainingView: start a run from a configuration file (the same JSON as `finetune train`) or resume
// one from its folder; pause, resume and stop it; watch the loss (raw, smoothed, validation), the
// learning rate and the gradient norm live, with throughput, ETA, memory, the checkpoints and the log.
#pragma once
#include <QWidget>

#include "train/train_events.h" // torch-free

class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace ft {
struct RunConfig;
}

namespace ft::widgets {
class MetricChart;
}

namespace ft::ui {

class TrainingJob;

class TrainingView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingView)

public:
    explicit TrainingView(QWidget* parent = nullptr);

    bool startFromConfigFile(const QString& path); // false (and the reason shown) when refused
    bool start(const RunConfig& config);
    bool resumeRun(const QString& runDir);
    // Shows a finished (or stopped, or failed) run's curves, checkpoints and log from its folder.
    bool showRun(const QString& runDir);

    TrainingJob* job() const { return m_job; }
    widgets::MetricChart* lossChart() const { return m_loss; }
    QCheckBox* logScaleBox() const { return m_logScale; }
    widgets::MetricChart* lrChart() const { return m_lr; }
    widgets::MetricChart* gradNormChart() const { return m_gradNorm; }
    QString statusText() const;
    bool hasRun() const { return m_hasRun; } // a run was started, resumed or shown here
    int checkpointCount() const;

public Q_SLOTS:
    void chooseConfig();
    void chooseRunToResume();
    void togglePause();
    void stop();

Q_SIGNALS:
    void jobStateChanged(const QString& text); // for the status bar
    void logLine(const QString& line);

private:
    void onEvent(const ft::TrainEvent& e);
    void onFinished(ft::TrainStatus status, const QString& message);
    void resetForRun();
    void refuseStart(const QString& error);
    void setState(const QString& text);
    void updateButtons();

    TrainingJob* m_job = nullptr;
    QPushButton *m_start = nullptr, *m_resumeRun = nullptr, *m_pause = nullptr, *m_stop = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_figures = nullptr;
    QCheckBox* m_logScale = nullptr;
    widgets::MetricChart *m_loss = nullptr, *m_lr = nullptr, *m_gradNorm = nullptr;
    QListWidget* m_checkpoints = nullptr;
    QPlainTextEdit* m_log = nullptr;
    int m_trainSeries = 0, m_evalSeries = 0;
    bool m_hasRun = false;
    bool m_replaying = false; // showRun: events from metrics.jsonl, not a live job
};

} // namespace ft::ui
