// RunForm: every setting of a run as form fields (model, method, data, LoRA, optimisation, evaluation and
// checkpoints, hardware, output), read and written as the run-configuration JSON the CLI takes.
// It knows the fields, not what they are for: the Setup view around it validates, estimates and
// starts. Keys the form does not show keep the values last loaded.
#pragma once
#include <QWidget>

#include "util/config_problem.h" // torch-free

#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace ft::ui {

class ConfigBinder;
class Workspace;

class RunForm final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunForm)

public:
    explicit RunForm(Workspace* workspace, QWidget* parent = nullptr);
    ~RunForm() override;

    // The form as JSON. A field that holds no number (the learning rate as "fast") keeps its last
    // value and is reported in *problems; without `problems` it throws ft::Error naming it.
    nlohmann::json toJson(std::vector<ConfigProblem>* problems = nullptr) const;
    // Fills every field from a whole configuration (a preset applied, a file loaded).
    void load(const nlohmann::json& config);

    // Marks the fields the problems name (and clears the others' marks).
    void markProblems(const std::vector<ConfigProblem>& problems);
    QWidget* field(const QString& path) const; // the widget bound to a JSON key ("train.lr")

    QString modelDir() const;
    void setModelDir(const QString& dir); // and, when none is chosen yet, a fresh run folder
    void setModelSummary(const QString& html);

    // The workspace's datasets, re-read now (with their split counts) or when next shown.
    void refreshDatasets();
    void markDatasetsStale() { m_datasetsStale = true; }
    bool datasetsStale() const { return m_datasetsStale; }

Q_SIGNALS:
    void edited();      // any field, once the typing pauses
    void modelChosen(); // the model folder was chosen or typed

private:
    void build();
    void showMethodFields(); // the fields of the chosen method only
    QWidget* widgetForField(const std::string& field) const;

    Workspace* m_workspace;
    std::unique_ptr<ConfigBinder> m_binder;
    nlohmann::json m_base; // keys the form does not show
    QLineEdit* m_model = nullptr;
    QLabel* m_modelSummary = nullptr;
    QRadioButton* m_fromWorkspace = nullptr;
    QRadioButton* m_fromFiles = nullptr;
    QComboBox* m_dataset = nullptr;
    QLineEdit* m_trainFile = nullptr;
    QLineEdit* m_validationFile = nullptr;
    QLineEdit* m_outputDir = nullptr;
    QComboBox* m_method = nullptr;
    QLineEdit* m_fullLayers = nullptr;
    QFormLayout* m_methodRows = nullptr;
    QWidget* m_loraGroup = nullptr;
    QWidget* m_loraplus = nullptr;
    QWidget* m_targetsBox = nullptr;
    std::vector<QCheckBox*> m_targets;
    std::vector<QWidget*> m_marked;
    bool m_loading = false;       // load() in progress: no edited() per field
    bool m_datasetsStale = false; // the workspace changed since the dataset list was read
};

} // namespace ft::ui
