// MainWindow: a thin coordinator. The mode bar switches between views (ModeGuide keeps its status
// lines, the hint bar and the empty states); the status bar shows the compute device, the model in
// use, the running job and a button for the log panel, which is closed until it is asked for or an
// error arrives. Files dropped anywhere on the window are imported or opened.
#pragma once
#include <QMainWindow>
#include <QUrl>

class QDockWidget;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QMenu;

namespace ft::widgets {
class HintBar;
class ModeBar;
} // namespace ft::widgets

namespace ft::ui {

class CompareView;
class DatasetView;
class EvaluationView;
class ModeGuide;
class ModelView;
class Notifier;
class RunsView;
class SetupView;
class TrainingView;
class Workspace;

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Opens (creating when needed) a workspace folder; false and the reason in the log when it cannot.
    bool openWorkspace(const QString& dir);

    Workspace* workspace() const { return m_workspace; }
    DatasetView* datasetView() const { return m_datasetView; }
    ModelView* modelView() const { return m_modelView; }
    SetupView* setupView() const { return m_setupView; }
    CompareView* compareView() const { return m_compareView; }
    RunsView* runsView() const { return m_runsView; }
    EvaluationView* evaluationView() const { return m_evaluationView; }
    TrainingView* trainingView() const { return m_trainingView; }
    widgets::ModeBar* modeBar() const { return m_modes; }
    widgets::HintBar* hintBar() const { return m_hint; }
    ModeGuide* modeGuide() const { return m_guide; }
    Notifier* notifier() const { return m_notifier; }
    QDockWidget* logPanel() const { return m_logDock; }
    void showView(QWidget* view);
    QWidget* currentView() const;
    QString statusModelText() const;
    QString logText() const;
    void appendLog(const QString& line);
    void reportError(const QString& line); // logged, and the log panel opens
    void showLog();
    void chooseWorkspace(bool create);
    // Dataset files are imported into the current dataset, a model folder is opened; the rest is named in the log.
    void openDroppedFiles(const QList<QUrl>& urls);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override; // a theme change re-tints the icons
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void createStatusBar();
    void tintIcons();
    void connectViews();
    void notifyWhenDone();
    void rememberRecentModel(const QString& dir);
    void rebuildRecentMenu();
    void rebuildRecentWorkspaceMenu();

    widgets::ModeBar* m_modes = nullptr;
    widgets::HintBar* m_hint = nullptr;
    QStackedWidget* m_stack = nullptr;
    ModeGuide* m_guide = nullptr;
    Notifier* m_notifier = nullptr;
    Workspace* m_workspace = nullptr;
    DatasetView* m_datasetView = nullptr;
    ModelView* m_modelView = nullptr;
    SetupView* m_setupView = nullptr;
    CompareView* m_compareView = nullptr;
    RunsView* m_runsView = nullptr;
    EvaluationView* m_evaluationView = nullptr;
    TrainingView* m_trainingView = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QDockWidget* m_logDock = nullptr;
    QLabel* m_deviceLabel = nullptr;
    QLabel* m_modelLabel = nullptr;
    QLabel* m_jobLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_recentWorkspaceMenu = nullptr;
};

} // namespace ft::ui
