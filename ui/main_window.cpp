// MainWindow: the views, the sidebar, the menus, the status bar and the log.
#include "main_window.h"

#include "demo_opener.h"
#include "compare_view.h"
#include "dataset_view.h"
#include "evaluation_view.h"
#include "model_view.h"
#include "preferences_dialog.h"
#include "runs_view.h"
#include "setup_view.h"
#include "train/run_config.h"
#include "training_job.h"
#include "training_view.h"
#include "settings.h"
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
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace ft::ui {

namespace {
constexpr int kMaxRecentModels = 8;

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

    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setMaximumWidth(180);
    m_stack = new QStackedWidget(this);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_nav);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    m_workspace = new Workspace(this);
    m_datasetView = new DatasetView(m_workspace, this);
    addView(tr("Dataset"), m_datasetView);
    m_modelView = new ModelView(this);
    addView(tr("Model"), m_modelView);
    m_setupView = new SetupView(m_workspace, this);
    addView(tr("Setup"), m_setupView);
    m_trainingView = new TrainingView(this);
    addView(tr("Training"), m_trainingView);
    m_compareView = new CompareView(m_workspace, this);
    addView(tr("Compare"), m_compareView);
    m_evaluationView = new EvaluationView(m_workspace, this);
    addView(tr("Evaluation"), m_evaluationView);
    m_runsView = new RunsView(m_workspace, this);
    addView(tr("Runs"), m_runsView);
    m_nav->setCurrentRow(0);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(10000);
    auto* dock = new QDockWidget(tr("Log"), this);
    dock->setObjectName(QStringLiteral("logDock"));
    dock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, dock);

    m_deviceLabel = new QLabel(QString::fromStdString(describeBestDevice()), this);
    m_deviceLabel->setToolTip(QString::fromStdString(describeEngineBuild()));
    m_modelLabel = new QLabel(tr("No model"), this);
    m_jobLabel = new QLabel(tr("Idle"), this);
    statusBar()->addWidget(m_modelLabel, 1);
    statusBar()->addPermanentWidget(m_jobLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);

    connect(m_modelView, &ModelView::modelLoaded, this, [this](const QString& dir, const QString& description) {
        m_modelLabel->setText(description);
        appendLog(tr("Opened model %1: %2").arg(dir, description));
        rememberRecentModel(dir);
        m_datasetView->setTokenizerModel(dir);
        m_compareView->setBaseModel(dir);
        if (m_setupView->configJson().value("model", std::string()).empty()) m_setupView->setModelDir(dir);
    });
    connect(m_setupView, &SetupView::logLine, this, &MainWindow::appendLog);
    connect(m_compareView, &CompareView::logLine, this, &MainWindow::appendLog);
    connect(m_runsView, &RunsView::logLine, this, &MainWindow::appendLog);
    connect(m_evaluationView, &EvaluationView::logLine, this, &MainWindow::appendLog);
    connect(m_runsView, &RunsView::evaluateRequested, this, [this](const QString& runDir) {
        if (m_evaluationView->selectRun(runDir)) showView(m_evaluationView);
    });
    connect(m_runsView, &RunsView::openRequested, this, [this](const QString& runDir) {
        if (m_trainingView->showRun(runDir)) showView(m_trainingView);
        else appendLog(tr("Cannot show %1 in the Training view while a run trains there.").arg(runDir));
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
    connect(m_trainingView->job(), &TrainingJob::finished, this, [this](TrainStatus status) {
        m_runsView->setActiveRun(QString());
        m_compareView->refreshRuns(); // the new adapter can be compared and evaluated at once
        m_evaluationView->refreshRuns();
        if (status != TrainStatus::Failed && !m_trainingView->job()->runDir().isEmpty())
            m_compareView->selectRun(m_trainingView->job()->runDir()), m_evaluationView->selectRun(m_trainingView->job()->runDir());
    });
    connect(m_setupView, &SetupView::startRequested, this, [this] {
        RunConfig config;
        QString error;
        if (!m_setupView->runConfig(&config, &error)) return;
        if (m_trainingView->start(config)) showView(m_trainingView);
    });
    connect(m_datasetView, &DatasetView::logLine, this, &MainWindow::appendLog);
    connect(m_modelView, &ModelView::modelFailed, this, [this](const QString& dir, const QString& error) {
        m_modelLabel->setText(tr("No model"));
        appendLog(tr("Cannot open model %1: %2").arg(dir, error));
    });

    connect(m_trainingView, &TrainingView::jobStateChanged, m_jobLabel, &QLabel::setText);
    connect(m_trainingView, &TrainingView::logLine, this, &MainWindow::appendLog);

    createMenus();
    resize(1100, 720); // first start; a saved geometry replaces it
    resizeDocks({dock}, {110}, Qt::Vertical);
    restoreGeometry(settings::windowGeometry.get());
    restoreState(settings::windowState.get());
    appendLog(tr("Compute device: %1").arg(m_deviceLabel->text()));
}

void MainWindow::addView(const QString& title, QWidget* view) {
    m_nav->addItem(title);
    m_stack->addWidget(view);
}

void MainWindow::showView(QWidget* view) {
    const int index = m_stack->indexOf(view);
    if (index >= 0) m_nav->setCurrentRow(index);
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
    for (int i = 0; i < m_nav->count(); ++i) {
        QAction* a = view->addAction(m_nav->item(i)->text(), this, [this, i] { m_nav->setCurrentRow(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    view->addAction(findChild<QDockWidget*>(QStringLiteral("logDock"))->toggleViewAction());

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
        appendLog(tr("Cannot open workspace %1: %2").arg(dir, error));
        if (isVisible()) QMessageBox::warning(this, tr("Cannot Open Workspace"), error);
        return false;
    }
    settings::lastWorkspace.set(m_workspace->dir());
    pushRecent(settings::recentWorkspaces, m_workspace->dir());
    rebuildRecentWorkspaceMenu();
    setWindowTitle(tr("%1 — Finetune Studio").arg(QDir(m_workspace->dir()).dirName()));
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
