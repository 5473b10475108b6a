// TrainingView: a run in progress: curves, figures, pause, resume and stop.
#include "training_view.h"
#include "qt_std.h"

#include "metric_chart.h"
#include "settings.h"
#include "train/run_config.h"
#include "train/run_folder.h"
#include "training_job.h"
#include "util/error.h"
#include "util/memory_stats.h"
#include "util/strings.h"

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ft::ui {

TrainingView::TrainingView(QWidget* parent) : QWidget(parent), m_job(new TrainingJob(this)) {
    m_start = new QPushButton(tr("Start from Config…"), this);
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_resumeRun = new QPushButton(tr("Resume Run…"), this);
    m_pause = new QPushButton(tr("Pause"), this);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setToolTip(tr("Finish the current step, save a checkpoint and the adapter"));
    m_state = new QLabel(tr("No run"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_figures = new QLabel(this);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    for (QWidget* w : {static_cast<QWidget*>(m_start), static_cast<QWidget*>(m_resumeRun), static_cast<QWidget*>(m_pause),
                       static_cast<QWidget*>(m_stop)})
        buttons->addWidget(w);
    buttons->addWidget(m_state, 1);
    m_logScale = new QCheckBox(tr("Log scale"), this);
    m_logScale->setToolTip(tr("Draw the loss on a logarithmic axis, where its late, small changes stay visible"));
    buttons->addWidget(m_logScale);

    m_loss = new widgets::MetricChart(tr("loss"), this);
    m_trainSeries = m_loss->addSeries(tr("train"), QColor(31, 119, 180), false, 0.9);
    m_evalSeries = m_loss->addSeries(tr("validation"), QColor(214, 39, 40), true);
    m_logScale->setChecked(settings::lossLogScale.get());
    m_loss->setLogScale(m_logScale->isChecked());
    connect(m_logScale, &QCheckBox::toggled, this, [this](bool on) {
        m_loss->setLogScale(on);
        settings::lossLogScale.set(on);
    });
    m_lr = new widgets::MetricChart(tr("learning rate"), this);
    m_lr->addSeries(tr("learning rate"), QColor(44, 160, 44));
    m_gradNorm = new widgets::MetricChart(tr("gradient norm"), this);
    m_gradNorm->addSeries(tr("gradient norm"), QColor(148, 103, 189), false, 0.9);

    auto* side = new QTabWidget(this);
    m_checkpoints = new QListWidget(this);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    side->addTab(m_log, tr("Log"));
    side->addTab(m_checkpoints, tr("Checkpoints"));

    auto* charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(m_loss);
    auto* small = new QSplitter(Qt::Horizontal, this);
    small->addWidget(m_lr);
    small->addWidget(m_gradNorm);
    charts->addWidget(small);
    charts->addWidget(side);
    charts->setStretchFactor(0, 5); // the loss takes the room; the log and checkpoints the least
    charts->setStretchFactor(1, 3);
    charts->setStretchFactor(2, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_figures);
    layout->addWidget(charts, 1);

    connect(m_start, &QPushButton::clicked, this, &TrainingView::chooseConfig);
    connect(m_resumeRun, &QPushButton::clicked, this, &TrainingView::chooseRunToResume);
    connect(m_pause, &QPushButton::clicked, this, &TrainingView::togglePause);
    connect(m_stop, &QPushButton::clicked, this, &TrainingView::stop);
    connect(m_job, &TrainingJob::event, this, &TrainingView::onEvent);
    connect(m_job, &TrainingJob::finished, this, &TrainingView::onFinished);
    updateButtons();
}

void TrainingView::chooseConfig() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Run Configuration"), QString(), tr("Run configuration (*.json)"));
    if (!path.isEmpty()) startFromConfigFile(path);
}

void TrainingView::chooseRunToResume() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Run Folder to Resume"));
    if (!dir.isEmpty()) resumeRun(dir);
}

bool TrainingView::startFromConfigFile(const QString& path) {
    try {
        return start(RunConfig::fromFile(path.toStdString()));
    } catch (const Error& e) {
        refuseStart(qstr(e.what()));
        return false;
    }
}

bool TrainingView::start(const RunConfig& config) {
    QString error;
    resetForRun();
    if (m_job->start(config, &error)) {
        setState(tr("Preparing…"));
        updateButtons();
        return true;
    }
    refuseStart(error);
    return false;
}

void TrainingView::refuseStart(const QString& error) {
    setState(tr("Not started"));
    m_log->appendPlainText(tr("Cannot start: %1").arg(error));
    Q_EMIT logLine(tr("Cannot start training: %1").arg(error));
    if (isVisible()) QMessageBox::warning(this, tr("Cannot Start Training"), error);
}

bool TrainingView::resumeRun(const QString& runDir) {
    QString error;
    resetForRun();
    if (m_job->resume(runDir, &error)) {
        setState(tr("Resuming…"));
        updateButtons();
        return true;
    }
    setState(tr("Not resumed"));
    m_log->appendPlainText(tr("Cannot resume: %1").arg(error));
    if (isVisible()) QMessageBox::warning(this, tr("Cannot Resume"), error);
    return false;
}

bool TrainingView::showRun(const QString& runDir) {
    if (m_job->isRunning()) return false;
    const std::string dir = runDir.toStdString();
    const RunSummary summary = summarizeRun(dir);
    if (!summary.error.empty()) {
        m_log->appendPlainText(qstr(summary.error));
        return false;
    }
    resetForRun();
    m_replaying = true;
    for (const auto& e : readMetrics(runfiles::metrics(dir))) onEvent(e);
    m_replaying = false;
    QFile log(qstr(runfiles::log(dir)));
    if (log.open(QIODevice::ReadOnly)) m_log->setPlainText(QString::fromUtf8(log.readAll()));
    m_state->setText(tr("Run %1: %2").arg(qstr(summary.name), qstr(summary.status)));
    updateButtons();
    return true;
}

void TrainingView::togglePause() {
    if (!m_job->isRunning()) return;
    if (m_job->isPaused()) {
        m_job->resumeRun();
        setState(tr("Resuming…"));
    } else {
        m_job->pause();
        setState(tr("Pausing after this step…"));
    }
    updateButtons();
}

void TrainingView::stop() {
    if (!m_job->isRunning()) return;
    m_job->stop();
    setState(tr("Stopping: finishing the step and saving a checkpoint…"));
}

void TrainingView::resetForRun() {
    m_hasRun = true;
    m_loss->clear();
    m_lr->clear();
    m_gradNorm->clear();
    m_checkpoints->clear();
    m_log->clear();
    m_figures->clear();
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
}

void TrainingView::onEvent(const TrainEvent& e) {
    if (const auto* k = e.as<LogLine>()) {
        m_log->appendPlainText(qstr(k->message));
    } else if (const auto* k = e.as<RunStarted>()) {
        m_progress->setRange(0, int(k->totalSteps));
        m_progress->setValue(int(k->step));
        setState(tr("Training on %1 (%2)").arg(qstr(k->device), qstr(k->dtype)));
        for (const auto& w : k->warnings) m_log->appendPlainText(tr("warning: %1").arg(qstr(w)));
    } else if (const auto* k = e.as<StepDone>()) {
        const int step = int(k->step);
        m_loss->addPoint(m_trainSeries, step, k->loss);
        m_lr->addPoint(0, step, k->lr);
        m_gradNorm->addPoint(0, step, k->gradNorm);
        m_progress->setValue(step);
        m_figures->setText(
            tr("step %1 / %2   loss %3 (smoothed %4)   lr %5   grad norm %6   %7 tokens/s   %8 examples/s   memory %9   ETA %10")
                .arg(step)
                .arg(k->totalSteps)
                .arg(k->loss, 0, 'f', 4)
                .arg(m_loss->smoothedValue(m_trainSeries), 0, 'f', 4)
                .arg(k->lr, 0, 'e', 2)
                .arg(k->gradNorm, 0, 'f', 3)
                .arg(k->tokensPerSecond, 0, 'f', 0)
                .arg(k->examplesPerSecond, 0, 'f', 1)
                .arg(qstr(formatBytes(k->memoryBytes)))
                .arg(qstr(formatDuration(k->etaSeconds))));
        if (!m_job->isPaused()) setState(tr("Training"));
    } else if (const auto* k = e.as<EvalDone>()) {
        m_loss->addPoint(m_evalSeries, int(k->step), k->loss);
        m_log->appendPlainText(
            tr("validation at step %1: loss %2, perplexity %3").arg(k->step).arg(k->loss, 0, 'f', 4).arg(k->perplexity, 0, 'f', 3));
    } else if (const auto* k = e.as<CheckpointSaved>()) {
        m_checkpoints->addItem(tr("step %1   %2").arg(k->step).arg(qstr(k->path)));
    } else if (const auto* k = e.as<Paused>()) {
        setState(tr("Paused at step %1").arg(k->step));
    } else if (e.is<Resumed>()) {
        setState(tr("Training"));
    } else if (const auto* k = e.as<RunFailed>()) {
        m_log->appendPlainText(tr("FAILED at step %1: %2").arg(k->step).arg(qstr(k->reason)));
        if (!k->hint.empty()) m_log->appendPlainText(tr("hint: %1").arg(qstr(k->hint)));
    }
    updateButtons();
}

void TrainingView::onFinished(TrainStatus status, const QString& message) {
    m_job->wait();
    switch (status) {
    case TrainStatus::Failed: setState(tr("Failed: %1").arg(message)); break;
    case TrainStatus::Stopped: setState(tr("Stopped; resume it from its folder")); break;
    case TrainStatus::EarlyStopped: setState(tr("Stopped early: the validation loss stopped improving")); break;
    case TrainStatus::Completed: setState(tr("Completed")); break;
    }
    Q_EMIT logLine(tr("Training %1: %2").arg(QString::fromLatin1(trainStatusName(status)), m_job->runDir()));
    updateButtons();
}

void TrainingView::setState(const QString& text) {
    m_state->setText(text);
    if (!m_replaying) Q_EMIT jobStateChanged(text);
}

void TrainingView::updateButtons() {
    const bool running = m_job->isRunning();
    m_start->setEnabled(!running);
    m_resumeRun->setEnabled(!running);
    m_pause->setEnabled(running);
    m_stop->setEnabled(running);
    m_pause->setText(running && m_job->isPaused() ? tr("Resume") : tr("Pause"));
}

QString TrainingView::statusText() const {
    return m_state->text();
}
int TrainingView::checkpointCount() const {
    return m_checkpoints->count();
}

} // namespace ft::ui
