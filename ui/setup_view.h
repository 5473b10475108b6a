// SetupView: every setting of a run in one form (model, data, LoRA, optimisation, evaluation and
// checkpoints, hardware, output), as the same JSON the CLI takes: load and save it, start from
// presets, see errors inline on the field they name, and know before launching what the run will
// cost: an estimate of peak memory from the shapes, the number of steps from the dataset, and a
// measured step time (a few real steps on this machine) turned into an ETA.
#pragma once
#include <QWidget>

#include "train/run_presets.h"   // torch-free
#include <memory>

#include <nlohmann/json.hpp>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ft {
struct RunConfig;
}

namespace ft::ui {

class EstimatePanel;

class ConfigBinder;
class Workspace;

class SetupView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupView)

public:
    using Preset = RunPreset;   // the presets live in core (train/run_presets.h), shared with the CLI

    explicit SetupView(Workspace* workspace, QWidget* parent = nullptr);
    ~SetupView() override;

    void setModelDir(const QString& dir);
    void applyPreset(Preset preset);
    bool loadConfigFile(const QString& path, QString* error = nullptr);
    bool saveConfigFile(const QString& path, QString* error = nullptr);

    // The form as a run configuration: the JSON (every key), and whether it is valid (else *error
    // names the field, which is also marked in the form).
    nlohmann::json configJson() const;
    bool runConfig(RunConfig* out, QString* error) const;

    QString validationText() const;
    QString estimateText() const;
    QString measureText() const;
    QWidget* field(const QString& path) const;   // the widget bound to a JSON key ("train.lr")

public Q_SLOTS:
    void chooseModel();
    void chooseLoad();
    void chooseSave();
    void measureStepTime();
    void requestStart();
    void revalidate();

Q_SIGNALS:
    void startRequested();          // the form is valid; MainWindow hands runConfig() to the Training view
    void measured(bool ok);
    void logLine(const QString& line);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildForm();
    void refreshDatasets();
    void readModelSummary();
    void updateEstimate();
    nlohmann::json formJson() const;   // may throw ft::Error for a field that holds no number

    Workspace* m_workspace;
    std::unique_ptr<ConfigBinder> m_binder;
    nlohmann::json m_base;   // keys the form does not show keep their loaded values
    QLineEdit* m_model = nullptr;
    QLabel* m_modelSummary = nullptr;
    QRadioButton* m_fromWorkspace = nullptr;
    QRadioButton* m_fromFiles = nullptr;
    QComboBox* m_dataset = nullptr;
    QLineEdit* m_trainFile = nullptr;
    QLineEdit* m_validationFile = nullptr;
    QLineEdit* m_outputDir = nullptr;
    std::vector<QCheckBox*> m_targets;
    QLabel* m_validation = nullptr;
    EstimatePanel* m_estimatePanel = nullptr;
    QPushButton* m_start = nullptr;
    struct ModelFacts;
    std::shared_ptr<ModelFacts> m_facts;   // of the chosen model, read on a worker
    bool m_loading = false;
    bool m_datasetsStale = false;   // the workspace changed since the dataset list was read
};

} // namespace ft::ui
