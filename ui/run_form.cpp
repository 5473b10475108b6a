// RunForm: the run's settings as form fields, bound to the run-configuration JSON (see run_form.h).
#include "run_form.h"

#include "chat/chat_template.h"
#include "config_binder.h"
#include "data/dataset_store.h"
#include "dropped_files.h"
#include "form_fields.h"
#include "lora/lora_config.h"
#include "qt_std.h"
#include "train/run_config.h"
#include "util/device_info.h"
#include "util/error.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace ft::ui {

using json = nlohmann::json;

RunForm::RunForm(Workspace* workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_binder(std::make_unique<ConfigBinder>()), m_base(RunConfig::defaultsJson()) {
    build();
    m_base["model"] = ""; // the defaults' placeholders are not values
    m_base["output_dir"] = "";
    m_model->setPlaceholderText(tr("a Hugging Face model folder"));
    m_outputDir->setPlaceholderText(tr("chosen when the model is: <workspace>/runs/<model>-<date>"));
    refreshDatasets();
}

RunForm::~RunForm() = default;

QWidget* RunForm::field(const QString& path) const {
    if (QWidget* w = m_binder->widget(path)) return w;
    return findChild<QWidget*>(path);
}

QString RunForm::modelDir() const {
    return m_model->text().trimmed();
}

void RunForm::setModelDir(const QString& dir) {
    m_model->setText(dir);
    // A fresh run folder name for a fresh model, unless the user chose one.
    if (!dir.isEmpty() && m_outputDir->text().isEmpty())
        m_outputDir->setText(
            QDir(m_workspace->runsDir())
                .filePath(QDir(dir).dirName() + QLatin1Char('-') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
}

void RunForm::setModelSummary(const QString& html) {
    m_modelSummary->setText(html);
}

json RunForm::toJson(std::vector<ConfigProblem>* problems) const {
    json j = m_base;
    m_binder->store(j, problems);
    json lora = j["lora"];
    lora["targets"] = json::array();
    for (QCheckBox* c : m_targets)
        if (c->isChecked()) lora["targets"].push_back(str(c->text()));
    j["lora"] = lora;
    try {
        j["full"]["layers"] = parseLayerList(str(m_fullLayers->text()));
    } catch (const Error& e) {
        if (!problems) throw Error(std::string("full.layers: ") + e.what(), e.hint());
        problems->push_back({"full.layers", std::string("full.layers: ") + e.what(), e.hint()});
    }
    json data = json::object();
    if (m_fromWorkspace->isChecked()) {
        data["workspace"] = str(m_workspace->dir());
        data["dataset"] = str(m_dataset->currentData().toString());
    } else {
        data["train"] = str(m_trainFile->text().trimmed());
        if (!m_validationFile->text().trimmed().isEmpty()) data["validation"] = str(m_validationFile->text().trimmed());
    }
    j["data"] = data;
    return j;
}

void RunForm::load(const json& config) {
    if (m_datasetsStale) refreshDatasets();
    m_loading = true;
    m_base = config;
    m_binder->load(config);
    const json targets = config.value("/lora/targets"_json_pointer, json::array());
    for (QCheckBox* box : m_targets) box->setChecked(std::find(targets.begin(), targets.end(), json(str(box->text()))) != targets.end());
    const json layers = config.value("/full/layers"_json_pointer, json::array());
    m_fullLayers->setText(qstr(layerListText(layers.is_array() ? layers.get<std::vector<int64_t>>() : std::vector<int64_t>{})));
    showMethodFields();
    const json data = config.value("data", json::object());
    if (data.contains("dataset")) {
        m_fromWorkspace->setChecked(true);
        const int index = m_dataset->findData(qstr(data.value("dataset", "")));
        if (index >= 0) m_dataset->setCurrentIndex(index);
    } else if (data.contains("train")) {
        m_fromFiles->setChecked(true);
        m_trainFile->setText(qstr(data.value("train", "")));
        m_validationFile->setText(qstr(data.value("validation", "")));
    }
    m_loading = false;
}

QWidget* RunForm::widgetForField(const std::string& field) const {
    if (QWidget* w = m_binder->widget(qstr(field))) return w;
    if (field == "lora.targets") return m_targetsBox;
    if (field == "full.layers") return m_fullLayers;
    if (field == "model") return m_model;
    if (field == "output_dir") return m_outputDir;
    if (field.rfind("data", 0) == 0) return m_fromWorkspace->isChecked() ? static_cast<QWidget*>(m_dataset) : m_trainFile;
    return nullptr;
}

void RunForm::showMethodFields() {
    const QString method = m_method->currentData().toString();
    m_methodRows->setRowVisible(1, method == QLatin1String("qlora"));
    m_methodRows->setRowVisible(2, method == QLatin1String("full"));
    m_methodRows->setRowVisible(3, method == QLatin1String("full"));
    const bool adapters = method != QLatin1String("full");
    m_loraGroup->setEnabled(adapters);
    m_loraplus->setEnabled(adapters);
}

void RunForm::markProblems(const std::vector<ConfigProblem>& problems) {
    for (QWidget* w : m_marked) w->setStyleSheet(QString());
    m_marked.clear();
    for (const ConfigProblem& p : problems) {
        QWidget* w = widgetForField(p.field);
        if (!w || std::find(m_marked.begin(), m_marked.end(), w) != m_marked.end()) continue;
        w->setStyleSheet(QStringLiteral("border: 2px solid #c0392b;"));
        m_marked.push_back(w);
    }
}

void RunForm::build() {
    QWidget* form = this;
    auto* column = new QVBoxLayout(form);
    auto group = [&](const QString& title) {
        auto* box = new QGroupBox(title, form);
        auto* f = new QFormLayout(box);
        column->addWidget(box);
        return f;
    };
    auto changed = [this] {
        if (!m_loading) Q_EMIT edited();
    };

    // Model.
    QFormLayout* model = group(tr("Base Model"));
    m_model = new QLineEdit;
    m_binder->bind(QStringLiteral("model"), m_model);
    model->addRow(tr("Folder"), withBrowse(m_model, [this] {
                      const QString dir = QFileDialog::getExistingDirectory(this, tr("Base Model Folder"), m_model->text());
                      if (!dir.isEmpty()) setModelDir(dir), Q_EMIT modelChosen();
                  }));
    m_modelSummary = new QLabel(tr("Choose a Hugging Face model folder (Llama, Mistral, Qwen2 families)."));
    m_modelSummary->setWordWrap(true);
    model->addRow(QString(), m_modelSummary);
    auto* tmpl = new QComboBox;
    tmpl->setEditable(true);
    tmpl->addItem(tr("the model's own"), QString());
    for (TemplateFamily family : builtinTemplateFamilies())
        tmpl->addItem(QString::fromLatin1(templateFamilyName(family)), QString::fromLatin1(templateFamilyName(family)));
    tmpl->setToolTip(tr("Override the chat template (a family name or a .jinja file). The export writes the one used."));
    m_binder->bind(QStringLiteral("chat_template"), tmpl);
    model->addRow(tr("Chat template"), tmpl);
    auto* initAdapter = new QLineEdit;
    initAdapter->setPlaceholderText(tr("none: fresh adapters"));
    m_binder->bind(QStringLiteral("init_adapter"), initAdapter);
    model->addRow(tr("Continue from adapter"), withBrowse(initAdapter, [this, initAdapter] {
                      const QString d = QFileDialog::getExistingDirectory(this, tr("PEFT Adapter Folder"));
                      if (!d.isEmpty()) initAdapter->setText(d);
                  }));
    connect(m_model, &QLineEdit::editingFinished, this, [this] {
        setModelDir(m_model->text().trimmed());
        Q_EMIT modelChosen();
    });

    // Method.
    m_methodRows = group(tr("Method"));
    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("method"));
    m_method->addItem(tr("LoRA: adapters on the frozen model"), QStringLiteral("lora"));
    m_method->addItem(tr("QLoRA: adapters on the model in 4 bits (NF4), the least memory"), QStringLiteral("qlora"));
    m_method->addItem(tr("DoRA: LoRA with a trained magnitude per output"), QStringLiteral("dora"));
    m_method->addItem(tr("Full fine-tuning: the model's own weights"), QStringLiteral("full"));
    m_method->setToolTip(
        tr("LoRA, QLoRA and DoRA make an adapter (PEFT layout) for the unquantized base; full fine-tuning "
           "makes a whole model. The memory estimate below follows the choice."));
    m_binder->bind(QStringLiteral("method"), m_method);
    m_methodRows->addRow(tr("Method"), m_method);
    auto* quantizeAll = new QCheckBox(tr("Quantize every projection, not only the adapted ones"));
    m_binder->bind(QStringLiteral("qlora.quantize_all"), quantizeAll);
    m_methodRows->addRow(QString(), quantizeAll);
    m_fullLayers = new QLineEdit;
    m_fullLayers->setObjectName(QStringLiteral("full.layers"));
    m_fullLayers->setPlaceholderText(tr("all"));
    m_fullLayers->setToolTip(tr("Layer numbers from 0, e.g. 20-23 to train the last four of 24; the others stay frozen"));
    m_methodRows->addRow(tr("Layers"), m_fullLayers);
    auto* fullEmbeddings = new QCheckBox(tr("Also train the embeddings, the final norm and the LM head"));
    m_binder->bind(QStringLiteral("full.embeddings"), fullEmbeddings);
    m_methodRows->addRow(QString(), fullEmbeddings);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this, changed] {
        showMethodFields();
        changed();
    });
    for (QCheckBox* c : {quantizeAll, fullEmbeddings}) connect(c, &QCheckBox::toggled, this, changed);
    connect(m_fullLayers, &QLineEdit::editingFinished, this, changed);

    // Data.
    QFormLayout* data = group(tr("Data"));
    m_fromWorkspace = new QRadioButton(tr("Workspace dataset"));
    m_fromFiles = new QRadioButton(tr("Files"));
    m_dataset = new QComboBox;
    m_dataset->setObjectName(QStringLiteral("data.dataset"));
    m_trainFile = new QLineEdit;
    m_trainFile->setObjectName(QStringLiteral("data.train"));
    m_validationFile = new QLineEdit;
    m_validationFile->setObjectName(QStringLiteral("data.validation"));
    auto browseFile = [this](QLineEdit* edit) {
        return [this, edit] {
            const QString f = QFileDialog::getOpenFileName(this, tr("Examples File"), QString(),
                                                           tr("Datasets (%1);;All files (*)").arg(datasetFilePatterns()));
            if (!f.isEmpty()) edit->setText(f), Q_EMIT edited();
        };
    };
    data->addRow(m_fromWorkspace, m_dataset);
    data->addRow(m_fromFiles, new QWidget);
    data->addRow(tr("Train file"), withBrowse(m_trainFile, browseFile(m_trainFile)));
    data->addRow(tr("Validation file"), withBrowse(m_validationFile, browseFile(m_validationFile)));
    auto* lossOn = combo({QStringLiteral("assistant"), QStringLiteral("all"), QStringLiteral("text")});
    lossOn->setToolTip(tr("assistant: loss on replies only; all: on every token; text: raw documents (continued pre-training)"));
    m_binder->bind(QStringLiteral("train.loss_on"), lossOn);
    data->addRow(tr("Loss on"), lossOn);
    auto* maxLen = spin(8, 1 << 20, tr("Longer examples are truncated (see the Dataset view's histogram)"));
    m_binder->bind(QStringLiteral("train.max_seq_len"), maxLen);
    data->addRow(tr("Max length (tokens)"), maxLen);
    auto* packing = new QCheckBox(tr("Pack short examples into one row (they never attend to each other)"));
    m_binder->bind(QStringLiteral("train.packing"), packing);
    data->addRow(QString(), packing);
    for (QRadioButton* r : {m_fromWorkspace, m_fromFiles}) connect(r, &QRadioButton::toggled, this, changed);
    connect(m_dataset, &QComboBox::currentIndexChanged, this, changed);
    connect(m_trainFile, &QLineEdit::editingFinished, this, changed);
    connect(m_validationFile, &QLineEdit::editingFinished, this, changed);

    // LoRA.
    QFormLayout* lora = group(tr("LoRA Adapters"));
    m_loraGroup = lora->parentWidget();
    auto* targets = new QWidget;
    auto* grid = new QGridLayout(targets);
    grid->setContentsMargins(0, 0, 0, 0);
    int i = 0;
    for (const std::string& t : loraTargetNames()) {
        auto* c = new QCheckBox(qstr(t));
        c->setObjectName(QStringLiteral("lora.targets.") + qstr(t));
        connect(c, &QCheckBox::toggled, this, changed);
        grid->addWidget(c, i / 4, i % 4);
        m_targets.push_back(c);
        ++i;
    }
    targets->setObjectName(QStringLiteral("lora.targets"));
    m_targetsBox = targets;
    lora->addRow(tr("Targets"), targets);
    auto* r = spin(1, 1024, tr("Adapter rank"));
    m_binder->bind(QStringLiteral("lora.r"), r);
    lora->addRow(tr("Rank (r)"), r);
    auto* alpha = dspin(0.01, 8192, 2, 1, tr("Scaling is alpha / r (alpha / sqrt(r) with rsLoRA)"));
    m_binder->bind(QStringLiteral("lora.alpha"), alpha);
    lora->addRow(tr("Alpha"), alpha);
    auto* dropout = dspin(0, 0.9, 3, 0.01);
    m_binder->bind(QStringLiteral("lora.dropout"), dropout);
    lora->addRow(tr("Dropout"), dropout);
    auto* rslora = new QCheckBox(tr("rsLoRA scaling"));
    m_binder->bind(QStringLiteral("lora.rslora"), rslora);
    lora->addRow(QString(), rslora);

    // Optimisation.
    QFormLayout* opt = group(tr("Optimisation"));
    auto* lr = new QLineEdit;
    lr->setToolTip(tr("Peak learning rate, e.g. 2e-4"));
    m_binder->bindNumber(QStringLiteral("train.lr"), lr);
    opt->addRow(tr("Learning rate"), lr);
    auto* schedule = combo({QStringLiteral("cosine"), QStringLiteral("linear"), QStringLiteral("constant")});
    m_binder->bind(QStringLiteral("train.schedule"), schedule);
    opt->addRow(tr("Schedule"), schedule);
    auto* warmup = spin(0, 1000000);
    m_binder->bind(QStringLiteral("train.warmup_steps"), warmup);
    opt->addRow(tr("Warm-up steps"), warmup);
    auto* minLr = dspin(0, 1, 3, 0.05, tr("Decay down to this fraction of the peak"));
    m_binder->bind(QStringLiteral("train.min_lr_ratio"), minLr);
    opt->addRow(tr("Final lr ratio"), minLr);
    auto* epochs = dspin(0, 10000, 2, 1);
    m_binder->bind(QStringLiteral("train.epochs"), epochs);
    opt->addRow(tr("Epochs"), epochs);
    auto* maxSteps = spin(0, 100000000, tr("0: run the epochs; otherwise stop after this many optimiser steps"));
    m_binder->bind(QStringLiteral("train.max_steps"), maxSteps);
    opt->addRow(tr("Max steps"), maxSteps);
    auto* batch = spin(1, 4096);
    m_binder->bind(QStringLiteral("train.batch_size"), batch);
    opt->addRow(tr("Batch size"), batch);
    auto* accum = spin(1, 4096, tr("Micro-batches per optimiser step"));
    m_binder->bind(QStringLiteral("train.grad_accum"), accum);
    opt->addRow(tr("Gradient accumulation"), accum);
    auto* wd = dspin(0, 10, 4, 0.01);
    m_binder->bind(QStringLiteral("train.weight_decay"), wd);
    opt->addRow(tr("Weight decay"), wd);
    auto* clip = dspin(0, 1000, 3, 0.1, tr("0 turns clipping off"));
    m_binder->bind(QStringLiteral("train.max_grad_norm"), clip);
    opt->addRow(tr("Max gradient norm"), clip);
    auto* loraplus = dspin(1, 1024, 1, 1, tr("LoRA+: the B matrices learn this many times faster than A (1: off)"));
    m_binder->bind(QStringLiteral("train.loraplus_lr_ratio"), loraplus);
    opt->addRow(tr("LoRA+ lr ratio"), loraplus);
    m_loraplus = loraplus;
    auto* b1 = dspin(0, 0.9999, 4, 0.01);
    m_binder->bind(QStringLiteral("train.adam_beta1"), b1);
    opt->addRow(tr("Adam β1"), b1);
    auto* b2 = dspin(0, 0.99999, 5, 0.001);
    m_binder->bind(QStringLiteral("train.adam_beta2"), b2);
    opt->addRow(tr("Adam β2"), b2);
    auto* eps = new QLineEdit;
    m_binder->bindNumber(QStringLiteral("train.adam_eps"), eps);
    opt->addRow(tr("Adam ε"), eps);
    auto* gc = new QCheckBox(tr("Gradient checkpointing (less memory, ~25% slower)"));
    m_binder->bind(QStringLiteral("train.gradient_checkpointing"), gc);
    opt->addRow(QString(), gc);

    // Evaluation and checkpoints.
    QFormLayout* eval = group(tr("Evaluation and Checkpoints"));
    auto* evalEvery = spin(0, 10000000, tr("0: evaluate at the end only"));
    m_binder->bind(QStringLiteral("train.eval_every"), evalEvery);
    eval->addRow(tr("Evaluate every (steps)"), evalEvery);
    auto* maxEval = spin(0, 100000000, tr("0: the whole validation split"));
    m_binder->bind(QStringLiteral("train.max_eval_examples"), maxEval);
    eval->addRow(tr("Validation examples"), maxEval);
    auto* evalBatch = spin(0, 4096, tr("0: the training batch size"));
    m_binder->bind(QStringLiteral("train.eval_batch_size"), evalBatch);
    eval->addRow(tr("Evaluation batch size"), evalBatch);
    auto* patience = spin(0, 1000, tr("Stop after this many evaluations without a better validation loss (0: never)"));
    m_binder->bind(QStringLiteral("train.early_stopping_patience"), patience);
    eval->addRow(tr("Early stopping patience"), patience);
    auto* saveEvery = spin(0, 10000000, tr("0: checkpoint at the end (and on stop) only"));
    m_binder->bind(QStringLiteral("train.save_every"), saveEvery);
    eval->addRow(tr("Checkpoint every (steps)"), saveEvery);
    auto* keep = spin(0, 1000, tr("0: keep all"));
    m_binder->bind(QStringLiteral("train.keep_checkpoints"), keep);
    eval->addRow(tr("Checkpoints kept"), keep);
    auto* logEvery = spin(1, 100000);
    m_binder->bind(QStringLiteral("train.log_every"), logEvery);
    eval->addRow(tr("Log every (steps)"), logEvery);
    auto* seed = spin(0, std::numeric_limits<int>::max());
    m_binder->bind(QStringLiteral("train.seed"), seed);
    eval->addRow(tr("Seed"), seed);

    // Hardware and output.
    QFormLayout* hw = group(tr("Hardware and Output"));
    auto* device = combo({QStringLiteral("auto"), QStringLiteral("cpu")});
    for (const DeviceInfo& d : listDevices())
        if (d.id != "cpu") device->addItem(qstr(d.id + " (" + d.name + ")"), qstr(d.id));
    m_binder->bind(QStringLiteral("device"), device);
    hw->addRow(tr("Device"), device);
    auto* dtype = combo({QStringLiteral("auto"), QStringLiteral("fp32"), QStringLiteral("bf16")});
    dtype->setToolTip(tr("Base weights: auto is bf16 on CUDA and fp32 on the CPU; adapters are always fp32"));
    m_binder->bind(QStringLiteral("dtype"), dtype);
    hw->addRow(tr("Precision"), dtype);
    m_outputDir = new QLineEdit;
    m_binder->bind(QStringLiteral("output_dir"), m_outputDir);
    hw->addRow(tr("Run folder"), withBrowse(m_outputDir, [this] {
                   const QString d = QFileDialog::getExistingDirectory(this, tr("Run Folder"), m_workspace->runsDir());
                   if (!d.isEmpty()) m_outputDir->setText(d), Q_EMIT edited();
               }));
    column->addStretch(1);

    // Revalidate on any edit, once the typing pauses.
    auto* delay = new QTimer(this);
    delay->setSingleShot(true);
    delay->setInterval(150);
    connect(delay, &QTimer::timeout, this, changed);
    for (QSpinBox* w : form->findChildren<QSpinBox*>()) connect(w, &QSpinBox::valueChanged, delay, qOverload<>(&QTimer::start));
    for (QDoubleSpinBox* w : form->findChildren<QDoubleSpinBox*>())
        connect(w, &QDoubleSpinBox::valueChanged, delay, qOverload<>(&QTimer::start));
    for (QLineEdit* w : form->findChildren<QLineEdit*>()) connect(w, &QLineEdit::textEdited, delay, qOverload<>(&QTimer::start));
    for (QCheckBox* w : form->findChildren<QCheckBox*>()) connect(w, &QCheckBox::toggled, delay, qOverload<>(&QTimer::start));
    for (QComboBox* w : form->findChildren<QComboBox*>()) connect(w, &QComboBox::currentTextChanged, delay, qOverload<>(&QTimer::start));
}

void RunForm::refreshDatasets() {
    m_datasetsStale = false;
    const QVariant current = m_dataset->currentData(); // the name; the text carries counts that change
    QSignalBlocker block(m_dataset);
    m_dataset->clear();
    if (DatasetStore* store = m_workspace->store()) {
        for (const auto& name : store->datasetNames()) {
            const DatasetStats stats = store->stats(store->datasetId(name));
            auto count = [&](const char* split) {
                auto it = stats.splits.find(split);
                return it == stats.splits.end() ? int64_t(0) : it->second;
            };
            m_dataset->addItem(tr("%1 (%2 train, %3 validation)").arg(qstr(name)).arg(count("train")).arg(count("validation")), qstr(name));
        }
    }
    const int index = m_dataset->findData(current);
    m_dataset->setCurrentIndex(index >= 0 ? index : 0);
    // A workspace dataset when there is one and no file was chosen; files otherwise.
    if (m_dataset->count() && m_trainFile->text().trimmed().isEmpty()) m_fromWorkspace->setChecked(true);
    else if (!m_dataset->count()) m_fromFiles->setChecked(true);
    if (!m_loading) Q_EMIT edited();
}

} // namespace ft::ui
