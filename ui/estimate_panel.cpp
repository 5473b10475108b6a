// EstimatePanel: memory, steps and time before a run starts (see estimate_panel.h).
#include "estimate_panel.h"

#include "background.h"
#include "data/dataset_store.h"
#include "model/model_summary.h"
#include "model/training_nodes.h"
#include "qt_std.h"
#include "tone.h"
#include "train/memory_estimate.h"
#include "train/run_config.h"
#include "train/data_plan.h"
#include "train/run_plan.h"
#include "train/step_probe.h"
#include "util/device_info.h"
#include "util/error.h"
#include "util/memory_stats.h"
#include "util/strings.h"
#include "workspace.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ft::ui {

using widgets::Tone;

struct EstimatePanel::DataCount {
    std::string key;
    bool ok = false;
    QString error;
    DataPlan plan;
};

namespace {

// What the train split's token lengths depend on; a change of anything else re-plans from them.
std::string dataKey(const RunConfig& c) {
    const nlohmann::json j = c.toJson();
    return nlohmann::json{{"model", j["model"]}, {"tokenizer", j["tokenizer"]},      {"chat_template", j["chat_template"]},
                          {"data", j["data"]},   {"loss_on", j["train"]["loss_on"]}, {"max_seq_len", j["train"]["max_seq_len"]}}
        .dump();
}

} // namespace

EstimatePanel::EstimatePanel(Workspace* workspace, std::function<bool(RunConfig*)> currentConfig, QWidget* parent)
    : QGroupBox(tr("Before You Start"), parent), m_workspace(workspace), m_currentConfig(std::move(currentConfig)) {
    m_estimate = new QLabel(this);
    m_estimate->setWordWrap(true);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_measure = new QLabel(tr("Measure runs a few real steps of this configuration on this machine."), this);
    m_measure->setWordWrap(true);
    m_measureButton = new QPushButton(tr("Measure Step Time"), this);
    // An edited dataset may change the count: read it again when next shown.
    connect(m_workspace, &Workspace::changed, this, [this] { m_data.reset(); });
    connect(m_measureButton, &QPushButton::clicked, this, &EstimatePanel::measure);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_estimate);
    layout->addWidget(m_measure);
    layout->addWidget(m_measureButton, 0, Qt::AlignLeft);
}

QString EstimatePanel::estimateText() const {
    return m_estimate->text();
}

QString EstimatePanel::measureText() const {
    return m_measure->text();
}

void EstimatePanel::update(const RunConfig* config, const ModelSummary* model) {
    QStringList lines;
    if (!config || !model) {
        m_estimate->setText(tr("The estimate appears once the model and the settings are valid."));
        m_measureButton->setEnabled(false);
        return;
    }
    m_measureButton->setEnabled(true);
    const RunConfig& c = *config;
    const bool cuda = c.device.rfind("cuda", 0) == 0 || (c.device == "auto" && autoDeviceId() != "cpu"); // core's choice
    const MemoryEstimate e = estimateTrainingMemory(*model, c, cuda, trainingAttentionIsFused(cuda));
    const QString breakdown = c.method == TrainMethod::Full
                                  ? tr("<b>Peak memory ≈ %1</b> on %2 (weights %3, gradients and optimizer %4, activations %5, logits %6, "
                                       "runtime %7)")
                                  : tr("<b>Peak memory ≈ %1</b> on %2 (weights %3, adapters and optimizer %4, activations %5, logits %6, "
                                       "runtime %7)");
    lines << breakdown.arg(qstr(formatBytes(e.total())), cuda ? tr("the GPU") : tr("the CPU"), qstr(formatBytes(e.weights)),
                           qstr(formatBytes(e.adapters)), qstr(formatBytes(e.activations)), qstr(formatBytes(e.logits)),
                           qstr(formatBytes(e.overhead)));
    // What QLoRA would need instead, for a run that does not fit.
    RunConfig asQlora = c;
    asQlora.method = TrainMethod::Qlora;
    const uint64_t qlora = estimateTrainingMemory(*model, asQlora, true, trainingAttentionIsFused(true)).total();
    if (cuda) {
        for (const DeviceInfo& d : listDevices()) {
            if (!d.totalBytes || d.id == "cpu") continue;
            if (fitsOnDevice(e.total(), d.totalBytes)) {
                lines << widgets::toneHtml(Tone::Done, tr("Fits on %1 (%2).").arg(qstr(d.name), qstr(formatBytes(d.totalBytes))),
                                           palette());
                continue;
            }
            QString advice = tr("More than %1 has (%2): lower the batch size or max length, or turn on gradient checkpointing.")
                                 .arg(qstr(d.name), qstr(formatBytes(d.totalBytes)));
            if (c.method != TrainMethod::Qlora && fitsOnDevice(qlora, d.totalBytes))
                advice += QLatin1Char(' ') + tr("QLoRA would need about %1.").arg(qstr(formatBytes(qlora)));
            lines << widgets::toneHtml(Tone::Failed, advice, palette());
        }
    }
    // For planning on any machine: the usual cards this run fits on a GPU.
    RunConfig onGpu = c;
    if (onGpu.device == "cpu") onGpu.device = "cuda";
    const uint64_t gpu = estimateTrainingMemory(*model, onGpu, true, trainingAttentionIsFused(true)).total();
    QStringList cards;
    for (int gib : commonCardGiB())
        if (fitsOnDevice(gpu, uint64_t(gib) << 30)) cards << QString::number(gib);
    lines << (cards.isEmpty()
                  ? tr("On a GPU about %1: more than a 24 GB card holds.").arg(qstr(formatBytes(gpu)))
                  : tr("On a GPU about %1: fits cards of %2 GB.").arg(qstr(formatBytes(gpu)), cards.join(QStringLiteral(", "))));
    lines << tr("Trainable parameters: %1 M (%2% of %3 M)")
                 .arg(double(e.trainableParams) / 1e6, 0, 'f', 2)
                 .arg(100.0 * double(e.trainableParams) / double(std::max<int64_t>(1, model->parameters)), 0, 'f', 2)
                 .arg(double(model->parameters) / 1e6, 0, 'f', 1);
    // Steps: the trainer's count from the train split's token lengths, read on a worker.
    const std::string key = dataKey(c);
    if (!m_data || m_data->key != key) countData(c, key);
    int64_t steps = c.train.maxSteps;
    if (m_data && m_data->key == key && !m_data->ok) {
        lines << widgets::toneHtml(Tone::Failed, tr("The data cannot be used: %1").arg(m_data->error.toHtmlEscaped()), palette());
    } else if (m_data && m_data->key == key) {
        const DataReport& r = m_data->plan.report;
        const RunPlan plan = planRun(m_data->plan.trainLengths, c.train);
        steps = plan.totalSteps;
        lines << tr("Steps: %1 (%2 examples per step, %3 train examples%4)")
                     .arg(steps)
                     .arg(c.train.batchSize * c.train.gradAccum)
                     .arg(plan.examples)
                     .arg(c.train.packing ? tr(", packed; micro-batches an epoch: %1").arg(plan.microBatchesPerEpoch) : QString());
        QStringList notes;
        if (r.truncated) notes << tr("%n cut at %1 tokens", nullptr, int(r.truncated)).arg(c.train.maxSeqLen);
        if (r.noTargets) notes << tr("%n left out: no reply token within %1 tokens", nullptr, int(r.noTargets)).arg(c.train.maxSeqLen);
        if (r.invalid) notes << tr("%n left out for problems (see the Dataset view)", nullptr, int(r.invalid));
        if (!notes.isEmpty())
            lines << widgets::toneHtml(
                Tone::Attention, tr("Examples: %1; the longest kept has %2 tokens.").arg(notes.join(QStringLiteral("; "))).arg(r.longest),
                palette());
    } else {
        lines << tr("Steps: counting the train split's tokens…");
    }
    if (m_secondsPerStep > 0 && steps > 0)
        lines << tr("<b>Time ≈ %1</b> for the training steps (measured %2 s per step)")
                     .arg(qstr(formatDuration(m_secondsPerStep * double(c.train.gradAccum) * double(steps))))
                     .arg(m_secondsPerStep * double(c.train.gradAccum), 0, 'f', 2);
    m_estimate->setText(lines.join(QStringLiteral("<br>")));
}

void EstimatePanel::countData(const RunConfig& config, const std::string& key) {
    if (m_counting) return; // the running count finishes first; the view's next update() asks again
    m_counting = true;
    runInBackground<std::shared_ptr<const DataCount>>(
        this,
        [config, key] {
            auto d = std::make_shared<DataCount>();
            d->key = key;
            try {
                d->plan = planRunData(config);
                d->ok = true;
            } catch (const std::exception& e) {
                d->error = qstr(e.what());
            }
            return std::shared_ptr<const DataCount>(d);
        },
        [this](const std::shared_ptr<const DataCount>& d) {
            m_counting = false;
            m_data = d;
            Q_EMIT dataCounted(); // the view's update() starts the wanted count if it differs
        });
}

void EstimatePanel::measure() {
    RunConfig c;
    if (!m_currentConfig(&c)) return;
    m_measureButton->setEnabled(false);
    m_measure->setText(tr("Measuring a few steps of batch %1 × %2 tokens…").arg(c.train.batchSize).arg(c.train.maxSeqLen));
    struct Outcome {
        bool ok = false;
        StepProbeResult r;
        QString error;
    };
    runInBackground<Outcome>(
        this,
        [c] {
            Outcome o;
            try {
                o.r = probeTrainingStep(c, 2);
                o.ok = true;
            } catch (const Error& e) {
                o.error = qstr(e.what()) + (e.hint().empty() ? QString() : QStringLiteral(" (") + qstr(e.hint()) + QStringLiteral(")"));
            } catch (const std::exception& e) {
                o.error = qstr(e.what());
            }
            return o;
        },
        [this](const Outcome& o) {
            m_measureButton->setEnabled(true);
            if (!o.ok) {
                m_secondsPerStep = 0;
                m_measure->setText(widgets::toneHtml(Tone::Failed, tr("Measuring failed: %1").arg(o.error.toHtmlEscaped()), palette()));
            } else {
                m_secondsPerStep = o.r.secondsPerStep;
                m_measure->setText(tr("Measured on %1: %2 s per batch, %3 tokens/s, peak memory %4.")
                                       .arg(qstr(o.r.device))
                                       .arg(o.r.secondsPerStep, 0, 'f', 3)
                                       .arg(o.r.tokensPerSecond, 0, 'f', 0)
                                       .arg(qstr(formatBytes(o.r.peakBytes))));
            }
            Q_EMIT measured(o.ok);
        });
}

} // namespace ft::ui
