// MainWindow: a thin coordinator. A navigation sidebar switches between views; the status bar shows
// the compute device, the model in use and the running job; a dockable panel holds the log.
#pragma once
#include <QMainWindow>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QStackedWidget;
class QMenu;

namespace ft::ui {

class CompareView;
class DatasetView;
class EvaluationView;
class ModelView;
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
    void showView(QWidget* view);
    TrainingView* trainingView() const { return m_trainingView; }
    QString statusModelText() const;
    QString logText() const;
    void appendLog(const QString& line);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void addView(const QString& title, QWidget* view);
    void rememberRecentModel(const QString& dir);
    void rebuildRecentMenu();
    void rebuildRecentWorkspaceMenu();
    void chooseWorkspace(bool create);

    QListWidget* m_nav = nullptr;
    QStackedWidget* m_stack = nullptr;
    Workspace* m_workspace = nullptr;
    DatasetView* m_datasetView = nullptr;
    ModelView* m_modelView = nullptr;
    SetupView* m_setupView = nullptr;
    CompareView* m_compareView = nullptr;
    RunsView* m_runsView = nullptr;
    EvaluationView* m_evaluationView = nullptr;
    TrainingView* m_trainingView = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QLabel* m_deviceLabel = nullptr;
    QLabel* m_modelLabel = nullptr;
    QLabel* m_jobLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_recentWorkspaceMenu = nullptr;
};

} // namespace ft::ui
