// EstimatePanel: the Setup view's "Before You Start" box. From a valid configuration and the
// model's shapes: peak memory (core's estimate, against the GPU's size), trainable parameters, the
// run's steps (core's planRun, as the trainer counts them) and, once measured, the time; Measure
// runs a few real steps of the configuration on a worker.
#pragma once
#include <QGroupBox>

#include <functional>

class QLabel;
class QPushButton;

namespace ft {
struct ModelSummary;
struct RunConfig;
} // namespace ft

namespace ft::ui {

class Workspace;

class EstimatePanel final : public QGroupBox {
    Q_OBJECT

public:
    // `currentConfig` fills the view's configuration and says whether it is valid (for Measure).
    EstimatePanel(Workspace* workspace, std::function<bool(RunConfig*)> currentConfig, QWidget* parent = nullptr);

    // Recomputes the text; `config` or `model` null: not ready yet (and Measure off).
    void update(const RunConfig* config, const ModelSummary* model);

    QString estimateText() const;
    QString measureText() const;

public Q_SLOTS:
    void measure();

Q_SIGNALS:
    void measured(bool ok);   // then the view calls update() again

private:
    Workspace* m_workspace;
    std::function<bool(RunConfig*)> m_currentConfig;
    QLabel* m_estimate = nullptr;
    QLabel* m_measure = nullptr;
    QPushButton* m_measureButton = nullptr;
    double m_secondsPerStep = 0;   // measured; 0 = not yet
};

} // namespace ft::ui
