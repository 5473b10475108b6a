// ModeGuide: reads where the work stands (the workspace and its dataset, the model, the run form, a
// run in progress, the last evaluation, the runs) and shows it: a status line per mode in the mode
// bar, the next step in the hint bar above the current view, an empty state in place of a view that
// has nothing to show yet, and a running run's progress in the window title.
#pragma once
#include <QObject>
#include <QString>
#include <array>

#include "train/train_events.h" // torch-free

class QStackedWidget;
class QTimer;

namespace ft::widgets {
class EmptyState;
class HintBar;
class ModeBar;
} // namespace ft::widgets

namespace ft::ui {

class MainWindow;

class ModeGuide final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModeGuide)

public:
    enum Mode { Dataset, Model, Setup, Training, Compare, Evaluation, Runs, ModeCount };

    // The window's views must exist; `stack` holds one page per mode, in Mode order.
    ModeGuide(MainWindow* window, widgets::ModeBar* bar, widgets::HintBar* hint, QStackedWidget* stack);

    // Each mode's page: a stack of the view and its empty state (made here).
    QWidget* page(Mode mode) const;
    widgets::EmptyState* emptyState(Mode mode) const { return m_empty[mode]; }
    bool showsEmptyState(Mode mode) const;

public Q_SLOTS:
    void refresh();  // at once
    void schedule(); // soon, once, however many changes come before

private:
    struct DatasetInfo {
        bool workspace = false;
        QString name;
        qint64 total = 0, train = 0, validation = 0, test = 0, problems = 0;
        qint64 examplesInWorkspace = 0;
    };
    struct TrainingInfo {
        bool running = false, paused = false;
        qint64 step = 0, total = 0;
        double eta = -1;
        bool finished = false;
        TrainStatus status = TrainStatus::Completed;
        QString message, runName;
    };
    struct EvaluationInfo {
        bool running = false, finished = false, ok = false;
        int done = 0, total = 0;
        QString message;
    };

    void buildPages();
    void readDataset();
    void onTrainEvent(const TrainEvent& e);
    void showStatuses();
    void showHint();
    void showEmptyStates();
    void showTitle();
    void showModelEmptyState();
    void go(Mode mode);
    int trainingPercent() const;

    MainWindow* m_window;
    widgets::ModeBar* m_bar;
    widgets::HintBar* m_hint;
    QStackedWidget* m_stack;
    std::array<QStackedWidget*, ModeCount> m_pages{};
    std::array<widgets::EmptyState*, ModeCount> m_empty{};
    QTimer* m_timer = nullptr;
    DatasetInfo m_dataset;
    TrainingInfo m_training;
    EvaluationInfo m_evaluation;
    enum class DatasetEmptiness { Unknown, None, NoWorkspace, NoExamples };
    DatasetEmptiness m_datasetEmptiness = DatasetEmptiness::Unknown; // what the empty state shows now
    bool m_datasetStale = true;                                      // the workspace changed since m_dataset was read
};

} // namespace ft::ui
