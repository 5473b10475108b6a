// EstimatePanel: the Setup view's "Before You Start" box. From a valid configuration and the
// model's shapes: peak memory (core's estimate, against the GPU's size), trainable parameters, the
// run's steps and, once measured, the time. The steps are the trainer's own count: a worker
// tokenizes the train split as the trainer will (core's planRunData: packing, examples cut or left
// out at max_seq_len) whenever the model, template, data or length change; batch settings are
// re-planned at once from the lengths read. Measure runs a few real steps on a worker.
#pragma once
#include <QGroupBox>

#include <functional>
#include <memory>

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
    bool counting() const { return m_counting; } // a worker is reading the train split

public Q_SLOTS:
    void measure();

Q_SIGNALS:
    void measured(bool ok); // then the view calls update() again
    void dataCounted();     // likewise

private:
    struct DataCount;
    void countData(const RunConfig& config, const std::string& key);

    Workspace* m_workspace;
    std::shared_ptr<const DataCount> m_data; // the last count read, for m_data->key
    bool m_counting = false;
    std::function<bool(RunConfig*)> m_currentConfig;
    QLabel* m_estimate = nullptr;
    QLabel* m_measure = nullptr;
    QPushButton* m_measureButton = nullptr;
    double m_secondsPerStep = 0; // measured; 0 = not yet
};

} // namespace ft::ui
