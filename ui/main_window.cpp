// MainWindow: the views, the mode bar, the menus, the status bar, the log panel and dropped files.
#include "main_window.h"

#include "compare_view.h"
#include "dataset_view.h"
#include "demo_opener.h"
#include "dropped_files.h"
#include "evaluation_view.h"
#include "hint_bar.h"
#include "mode_bar.h"
#include "mode_guide.h"
#include "model_view.h"
#include "notifier.h"
#include "preferences_dialog.h"
#include "runs_view.h"
#include "settings.h"
#include "setup_view.h"
#include "svg_icon.h"
#include "train/run_config.h"
#include "training_job.h"
#include "training_view.h"
#include "util/device_info.h"
#include "workspace.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QMimeData>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStatusBar>

namespace ft::ui {

namespace {
constexpr int kMaxRecentModels = 8;
const char* const kModeIcons[] = {"dataset", "model", "setup", "training", "compare", "evaluation", "runs"};

void pushRecent(const SettingValue<QStringList>& setting, const QString& entry) {
    QStringList recent = setting.get();
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > kMaxRecentModels) recent.removeLast();
    setting.set(recent);
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Finetune Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/finetune-studio.svg")));
    setAcceptDrops(true);

    m_workspace = new Workspace(this);
    m_datasetView = new DatasetView(m_workspace, this);
    m_modelView = new ModelView(this);
    m_setupView = new SetupView(m_workspace, this);
    m_trainingView = new TrainingView(this);
    m_compareView = new CompareView(m_workspace, this);
    m_evaluationView = new EvaluationView(m_workspace, this);
    m_runsView = new RunsView(m_workspace, this);

    // The mode bar at the left; at the right the hint bar over the current view.
    m_modes = new widgets::ModeBar(this);
    for (const QString& label : {tr("Dataset"), tr("Model"), tr("Setup"), tr("Training"), tr("Compare"), tr("Evaluation"), tr("Runs")})
        m_modes->addMode(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(kModeIcons[m_modes->count()])), label);
    m_hint = new widgets::HintBar(this);
    m_stack = new QStackedWidget(this);
    auto* work = new QWidget(this);
    auto* column = new QVBoxLayout(work);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_hint);
    column->addWidget(m_stack, 1);
    auto* central = new QWidget(this);
    auto* row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(m_modes);
    row->addWidget(work, 1);
    setCentralWidget(central);
    m_guide = new ModeGuide(this, m_modes, m_hint, m_stack);
    connect(m_modes, &widgets::ModeBar::currentChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_notifier = new Notifier(this);

    // The log: a panel at the bottom, closed until asked for (status bar, View menu) or an error arrives.
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(10000);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    createStatusBar();
    connectViews();
    notifyWhenDone();
    createMenus();
    resize(1280, 800); // first start; a saved geometry replaces it
    resizeDocks({m_logDock}, {140}, Qt::Vertical);
    restoreGeometry(settings::windowGeometry.get());
    if (!restoreState(settings::windowState.get())) m_logDock->hide();
    appendLog(tr("Compute device: %1").arg(m_deviceLabel->text()));
}

void MainWindow::createStatusBar() {
    m_deviceLabel = new QLabel(QString::fromStdString(describeBestDevice()), this);
    m_deviceLabel->setToolTip(QString::fromStdString(describeEngineBuild()));
    m_modelLabel = new QLabel(tr("No model"), this);
    m_jobLabel = new QLabel(tr("Idle"), this);
    auto* logButton = new QToolButton(this);
    logButton->setObjectName(QStringLiteral("logButton"));
    logButton->setAutoRaise(true);
    logButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction* toggle = m_logDock->toggleViewAction();
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    toggle->setToolTip(tr("Show or hide the log (%1)").arg(toggle->shortcut().toString(QKeySequence::NativeText)));
    logButton->setDefaultAction(toggle);
    statusBar()->addWidget(logButton);
    statusBar()->addWidget(m_modelLabel, 1);
    statusBar()->addPermanentWidget(m_jobLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    tintIcons();
}

void MainWindow::tintIcons() {
    m_logDock->toggleViewAction()->setIcon(
        widgets::tintedSvgIcon(QStringLiteral(":/icons/log.svg"), palette().color(QPalette::WindowText)));
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_logDock) tintIcons();
}

void MainWindow::connectViews() {
    connect(m_modelView, &ModelView::modelLoaded, this, [this](const QString& dir, const QString& description) {
        m_modelLabel->setText(description);
        appendLog(tr("Opened model %1: %2").arg(dir, description));
        rememberRecentModel(dir);
        m_datasetView->setTokenizerModel(dir);
        m_compareView->setBaseModel(dir);
        if (m_setupView->configJson().value("model", std::string()).empty()) m_setupView->setModelDir(dir);
    });
    connect(m_modelView, &ModelView::modelFailed, this, [this](const QString& dir, const QString& error) {
        m_modelLabel->setText(tr("No model"));
        reportError(tr("Cannot open model %1: %2").arg(dir, error));
    });
    connect(m_setupView, &SetupView::logLine, this, &MainWindow::appendLog);
    connect(m_compareView, &CompareView::logLine, this, &MainWindow::appendLog);
    connect(m_runsView, &RunsView::logLine, this, &MainWindow::appendLog);
    connect(m_evaluationView, &EvaluationView::logLine, this, &MainWindow::appendLog);
    connect(m_datasetView, &DatasetView::logLine, this, &MainWindow::appendLog);
    connect(m_datasetView, &DatasetView::errorOccurred, this, [this] { showLog(); });
    connect(m_trainingView, &TrainingView::logLine, this, &MainWindow::appendLog);
    connect(m_trainingView, &TrainingView::jobStateChanged, m_jobLabel, &QLabel::setText);
    connect(m_runsView, &RunsView::exportFinished, this, [this](bool ok) {
        if (!ok) showLog();
    });
    connect(m_runsView, &RunsView::evaluateRequested, this, [this](const QString& runDir) {
        if (m_evaluationView->selectRun(runDir)) showView(m_evaluationView);
    });
    connect(m_runsView, &RunsView::openRequested, this, [this](const QString& runDir) {
        if (m_trainingView->showRun(runDir)) showView(m_trainingView);
        else appendLog(tr("Cannot show %1 in the Training view while a run trains there.").arg(runDir));
        m_guide->schedule();
    });
    connect(m_runsView, &RunsView::compareRequested, this, [this](const QString& runDir) {
        if (m_compareView->selectRun(runDir)) showView(m_compareView);
    });
    connect(m_runsView, &RunsView::resumeRequested, this, [this](const QString& runDir) {
        if (m_trainingView->job()->isRunning()) {
            appendLog(tr("A run is already training; resume %1 when it has finished.").arg(runDir));
            return;
        }
        if (m_trainingView->resumeRun(runDir)) showView(m_trainingView);
    });
    connect(m_trainingView->job(), &TrainingJob::event, this, [this](const TrainEvent& e) {
        if (e.is<RunStarted>()) {
            m_runsView->addRunFolder(m_trainingView->job()->runDir());
            m_runsView->setActiveRun(m_trainingView->job()->runDir());
        }
    });
    connect(m_trainingView->job(), &TrainingJob::finished, this, [this](TrainStatus status, const QString& message) {
        m_runsView->setActiveRun(QString());
        m_compareView->refreshRuns(); // the new adapter can be compared and evaluated at once
        m_evaluationView->refreshRuns();
        if (status == TrainStatus::Failed) reportError(tr("Training failed: %1").arg(message));
        if (status != TrainStatus::Failed && !m_trainingView->job()->runDir().isEmpty())
            m_compareView->selectRun(m_trainingView->job()->runDir()), m_evaluationView->selectRun(m_trainingView->job()->runDir());
    });
    connect(m_evaluationView, &EvaluationView::evaluationFinished, this, [this](bool ok) {
        if (!ok) showLog();
    });
    connect(m_setupView, &SetupView::startRequested, this, [this] {
        RunConfig config;
        QString error;
        if (!m_setupView->runConfig(&config, &error)) return;
        if (m_trainingView->start(config)) showView(m_trainingView);
    });
}

void MainWindow::notifyWhenDone() {
    using Kind = Notifier::Kind;
    connect(m_trainingView->job(), &TrainingJob::finished, this, [this](TrainStatus status, const QString& message) {
        const QString run = QDir(m_trainingView->job()->runDir()).dirName();
        switch (status) {
        case TrainStatus::Completed:
            m_notifier->notify(tr("Training completed"), tr("Run %1 has finished.").arg(run), Kind::Success);
            break;
        case TrainStatus::EarlyStopped:
            m_notifier->notify(tr("Training stopped early"), tr("Run %1: the validation loss stopped improving.").arg(run), Kind::Success);
            break;
        case TrainStatus::Stopped:
            m_notifier->notify(tr("Training stopped"), tr("Run %1 was stopped after a checkpoint.").arg(run), Kind::Success);
            break;
        case TrainStatus::Failed: m_notifier->notify(tr("Training failed"), tr("Run %1: %2").arg(run, message), Kind::Failure); break;
        }
    });
    connect(m_evaluationView, &EvaluationView::evaluationFinished, this, [this](bool ok, const QString& message) {
        m_notifier->notify(ok ? tr("Evaluation finished") : tr("Evaluation failed"), message, ok ? Kind::Success : Kind::Failure);
    });
}

void MainWindow::showView(QWidget* view) {
    for (int i = 0; i < ModeGuide::ModeCount; ++i)
        if (m_guide->page(ModeGuide::Mode(i))->isAncestorOf(view)) m_modes->setCurrentIndex(i);
}

QWidget* MainWindow::currentView() const {
    auto* page = qobject_cast<QStackedWidget*>(m_stack->currentWidget());
    return page ? page->widget(0) : nullptr;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Workspace…"), this, [this] { chooseWorkspace(true); })->setShortcut(QKeySequence::New);
    file->addAction(tr("Open &Workspace…"), this, [this] { chooseWorkspace(false); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentWorkspaceMenu = file->addMenu(tr("Recent Wor&kspaces"));
    rebuildRecentWorkspaceMenu();
    file->addSeparator();
    QAction* open = file->addAction(tr("&Open Model Folder…"), m_modelView, &ModelView::chooseModel);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent Model"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Import Examples…"), m_datasetView, &DatasetView::chooseImportFiles)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addAction(tr("&Export Dataset…"), m_datasetView, &DatasetView::chooseExportFile);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_workspace->undoAction());
    edit->addAction(m_workspace->redoAction());
    edit->addSeparator();
    QAction* prefs = edit->addAction(tr("&Preferences…"), this, [this] { PreferencesDialog(this).exec(); });
    prefs->setShortcut(QKeySequence::Preferences);
    prefs->setMenuRole(QAction::PreferencesRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_modes->count(); ++i) {
        QAction* a = view->addAction(m_modes->label(i), this, [this, i] { m_modes->setCurrentIndex(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        m_modes->setShortcutHint(i, a->shortcut().toString(QKeySequence::NativeText));
    }
    view->addSeparator();
    view->addAction(m_logDock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Open the &Demo"), this, [this] { openDemo(this); });
    help->addSeparator();
    help->addAction(tr("&About Finetune Studio"), this, [this] {
        QMessageBox::about(this, tr("About Finetune Studio"),
                           tr("<b>Finetune Studio %1</b><p>Fine-tune local language models with LoRA, natively.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::rememberRecentModel(const QString& dir) {
    pushRecent(settings::recentModels, dir);
    rebuildRecentMenu();
}

bool MainWindow::openWorkspace(const QString& dir) {
    QString error;
    if (!m_workspace->open(dir, &error)) {
        reportError(tr("Cannot open workspace %1: %2").arg(dir, error));
        if (isVisible()) QMessageBox::warning(this, tr("Cannot Open Workspace"), error);
        return false;
    }
    settings::lastWorkspace.set(m_workspace->dir());
    pushRecent(settings::recentWorkspaces, m_workspace->dir());
    rebuildRecentWorkspaceMenu();
    appendLog(tr("Opened workspace %1").arg(m_workspace->dir()));
    return true;
}

void MainWindow::chooseWorkspace(bool create) {
    const QString dir = QFileDialog::getExistingDirectory(
        this, create ? tr("New Workspace (choose or create an empty folder)") : tr("Open Workspace"), m_workspace->dir());
    if (dir.isEmpty()) return;
    if (!create && !QFileInfo::exists(QDir(dir).filePath(QStringLiteral("workspace.db")))) {
        const auto answer = QMessageBox::question(this, tr("Not a Workspace"), tr("%1 holds no workspace yet. Make it one?").arg(dir));
        if (answer != QMessageBox::Yes) return;
    }
    openWorkspace(dir);
}

void MainWindow::rebuildRecentWorkspaceMenu() {
    m_recentWorkspaceMenu->clear();
    const QStringList recent = settings::recentWorkspaces.get();
    for (const QString& dir : recent) m_recentWorkspaceMenu->addAction(dir, this, [this, dir] { openWorkspace(dir); });
    m_recentWorkspaceMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = settings::recentModels.get();
    for (const QString& dir : recent) m_recentMenu->addAction(dir, this, [this, dir] { m_modelView->openModel(dir); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

QString MainWindow::statusModelText() const {
    return m_modelLabel->text();
}

QString MainWindow::logText() const {
    return m_log->toPlainText();
}

void MainWindow::appendLog(const QString& line) {
    m_log->appendPlainText(QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void MainWindow::reportError(const QString& line) {
    appendLog(line);
    showLog();
}

void MainWindow::showLog() {
    m_logDock->show();
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    if (!event->mimeData()->hasUrls()) return;
    event->acceptProposedAction();
    openDroppedFiles(event->mimeData()->urls());
}

void MainWindow::openDroppedFiles(const QList<QUrl>& urls) {
    const DroppedFiles dropped = classifyDrop(urls);
    for (const QString& path : dropped.unusable)
        reportError(tr("Cannot use %1: drop dataset files (%2) or a model folder (with config.json).").arg(path, datasetFilePatterns()));
    if (!dropped.modelDirs.isEmpty()) {
        m_modelView->openModel(dropped.modelDirs.first());
        showView(m_modelView);
        for (qsizetype i = 1; i < dropped.modelDirs.size(); ++i)
            reportError(tr("One model at a time: %1 was not opened.").arg(dropped.modelDirs[i]));
    }
    if (!dropped.datasetFiles.isEmpty()) {
        if (!m_workspace->isOpen()) {
            reportError(tr("Open or create a workspace first; the dropped files were not imported."));
            return;
        }
        showView(m_datasetView);
        m_datasetView->importFiles(dropped.datasetFiles);
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_trainingView->job()->isRunning()) {
        const auto answer = QMessageBox::question(this, tr("Training in Progress"),
                                                  tr("A training run is in progress. Stop it (after a checkpoint) and quit?"),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_trainingView->job()->stop();
        m_trainingView->job()->wait(); // the current step, a checkpoint and the adapter
    }
    if (!m_datasetView->saveCurrentEdit()) { // an edit that cannot be saved is not silently dropped
        event->ignore();
        return;
    }
    settings::windowGeometry.set(saveGeometry());
    settings::windowState.set(saveState());
    event->accept();
}

} // namespace ft::ui
