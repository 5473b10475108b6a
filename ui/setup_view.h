// SetupView: a run's settings before it starts. The form (RunForm) holds every field as the JSON
// the CLI takes; around it, presets, loading and saving that JSON, every invalid field named in a
// list and marked where it is, what the chosen model is (read on a worker), and what the run will
// cost (EstimatePanel: memory, the trainer's step count, a measured ETA). Start hands the valid
// configuration to the Training view.
#pragma once
#include <QWidget>

#include "train/run_presets.h" // torch-free
#include "util/config_problem.h"

#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

class QLabel;
class QPushButton;

namespace ft {
struct RunConfig;
}

namespace ft::ui {

class EstimatePanel;
class RunForm;
class Workspace;

class SetupView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupView)

public:
    using Preset = RunPreset; // the presets live in core (train/run_presets.h), shared with the CLI

    explicit SetupView(Workspace* workspace, QWidget* parent = nullptr);
    ~SetupView() override;

    void setModelDir(const QString& dir);
    void applyPreset(Preset preset);
    bool loadConfigFile(const QString& path, QString* error = nullptr);
    bool saveConfigFile(const QString& path, QString* error = nullptr);

    // The form as a run configuration: the JSON (every key), and whether it is valid (else *error
    // lists every invalid field, one per line; the form marks each).
    nlohmann::json configJson() const;
    bool runConfig(RunConfig* out, QString* error) const;

    QString validationText() const;
    int problemCount() const { return m_problemCount; } // at the last check
    bool counting() const;                              // the step count is being read from the data
    QString estimateText() const;
    QString measureText() const;
    QWidget* field(const QString& path) const; // the widget bound to a JSON key ("train.lr")

public Q_SLOTS:
    void chooseLoad();
    void chooseSave();
    void measureStepTime();
    void requestStart();
    void revalidate();

Q_SIGNALS:
    void startRequested();        // the form is valid; MainWindow hands runConfig() to the Training view
    void validated(int problems); // after every check of the form (0: ready to start)
    void measured(bool ok);
    void logLine(const QString& line);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void readModelSummary();
    void updateEstimate();                     // checks the form, then shows the estimate
    void showEstimate(const RunConfig* valid); // null: the form is not valid
    // The form's configuration and every problem with it (none: *out is valid).
    std::vector<ConfigProblem> check(RunConfig* out) const;

    Workspace* m_workspace;
    RunForm* m_form = nullptr;
    QLabel* m_validation = nullptr;
    EstimatePanel* m_estimatePanel = nullptr;
    QPushButton* m_start = nullptr;
    int m_problemCount = -1; // not checked yet
    struct ModelFacts;
    std::shared_ptr<ModelFacts> m_facts; // of the chosen model, read on a worker
    bool m_loading = false;
};

} // namespace ft::ui
