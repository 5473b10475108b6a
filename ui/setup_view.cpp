#include "setup_view.h"
#include "qt_std.h"

#include "background.h"
#include "chat/chat_template.h"
#include "config_binder.h"
#include "data/dataset_store.h"
#include "estimate_panel.h"
#include "io/atomic_file.h"
#include "lora/lora_config.h"
#include "model/model_summary.h"
#include "tokenizer/tokenizer.h"
#include "train/run_config.h"
#include "util/device_info.h"
#include "util/error.h"
#include "util/strings.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTextStream>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace ft::ui {

using json = nlohmann::json;

struct SetupView::ModelFacts {
    bool ok = false;
    QString error;
    ModelSummary summary;
    QString tokenizer, chatTemplate;
};

namespace {


QSpinBox* spin(int lo, int hi, const QString& tip = {}) {
    auto* s = new QSpinBox;
    s->setRange(lo, hi);
    s->setToolTip(tip);
    return s;
}

QDoubleSpinBox* dspin(double lo, double hi, int decimals, double step, const QString& tip = {}) {
    auto* s = new QDoubleSpinBox;
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setToolTip(tip);
    return s;
}

QComboBox* combo(const QStringList& values) {
    auto* c = new QComboBox;
    for (const QString& v : values) c->addItem(v, v);
    return c;
}

QWidget* withBrowse(QLineEdit* edit, const std::function<void()>& browse) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* button = new QPushButton(QObject::tr("Browse…"), row);
    QObject::connect(button, &QPushButton::clicked, row, browse);
    layout->addWidget(button);
    return row;
}

} // namespace

SetupView::SetupView(Workspace* workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_binder(std::make_unique<ConfigBinder>()), m_base(RunConfig::defaultsJson()) {
    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("validation"));
    m_validation->setWordWrap(true);
    m_estimatePanel = new EstimatePanel(
        m_workspace, [this](RunConfig* c) {
            QString error;
            return runConfig(c, &error);
        },
        this);
    connect(m_estimatePanel, &EstimatePanel::measured, this, [this](bool ok) {
        updateEstimate();
        Q_EMIT measured(ok);
    });

    auto* presets = new QGroupBox(tr("Presets"), this);
    auto* presetLayout = new QHBoxLayout(presets);
    const std::pair<QString, Preset> presetButtons[] = {
        {tr("Quick Test"), Preset::QuickTest}, {tr("Balanced"), Preset::Balanced}, {tr("Thorough"), Preset::Thorough}};
    for (const auto& [label, preset] : presetButtons) {
        auto* b = new QPushButton(label, presets);
        connect(b, &QPushButton::clicked, this, [this, preset = preset] { applyPreset(preset); });
        presetLayout->addWidget(b);
    }


    auto* load = new QPushButton(tr("Load…"), this);
    auto* save = new QPushButton(tr("Save As…"), this);
    m_start = new QPushButton(tr("Start Training"), this);
    m_start->setDefault(true);
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_start->setToolTip(tr("Start a run with these settings (%1)").arg(m_start->shortcut().toString(QKeySequence::NativeText)));
    connect(load, &QPushButton::clicked, this, &SetupView::chooseLoad);
    connect(save, &QPushButton::clicked, this, &SetupView::chooseSave);
    connect(m_start, &QPushButton::clicked, this, &SetupView::requestStart);
    auto* actions = new QHBoxLayout;
    actions->addWidget(load);
    actions->addWidget(save);
    actions->addStretch(1);
    actions->addWidget(m_start);

    auto* side = new QVBoxLayout;
    side->addWidget(presets);
    side->addWidget(m_estimatePanel);
    side->addWidget(m_validation);
    side->addStretch(1);
    side->addLayout(actions);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(buildForm());
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(scroll, 3);
    layout->addLayout(side, 2);

    // Every dataset edit changes the workspace; counting the splits of every dataset each time would
    // put a full scan on the UI thread per keystroke-sized edit. The list is refreshed when next used.
    connect(m_workspace, &Workspace::changed, this, [this] {
        m_datasetsStale = true;
        if (isVisible()) revalidate();
    });
    m_base["model"] = "";        // the defaults' placeholders are not values
    m_base["output_dir"] = "";
    m_model->setPlaceholderText(tr("a Hugging Face model folder"));
    m_outputDir->setPlaceholderText(tr("chosen when the model is: <workspace>/runs/<model>-<date>"));
    refreshDatasets();
    applyPreset(Preset::Balanced);
}

SetupView::~SetupView() = default;

QWidget* SetupView::buildForm() {
    auto* form = new QWidget;
    auto* column = new QVBoxLayout(form);
    auto group = [&](const QString& title) {
        auto* box = new QGroupBox(title, form);
        auto* f = new QFormLayout(box);
        column->addWidget(box);
        return f;
    };
    auto changed = [this] { revalidate(); };

    // Model.
    QFormLayout* model = group(tr("Base Model"));
    m_model = new QLineEdit;
    m_binder->bind(QStringLiteral("model"), m_model);
    model->addRow(tr("Folder"), withBrowse(m_model, [this] { chooseModel(); }));
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
    connect(m_model, &QLineEdit::editingFinished, this, &SetupView::readModelSummary);

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
                                                           tr("Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)"));
            if (!f.isEmpty()) edit->setText(f), revalidate();
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
        if (!d.isEmpty()) m_outputDir->setText(d), revalidate();
    }));
    column->addStretch(1);

    // Revalidate on any edit, once the typing pauses.
    auto* delay = new QTimer(this);
    delay->setSingleShot(true);
    delay->setInterval(150);
    connect(delay, &QTimer::timeout, this, &SetupView::revalidate);
    for (QSpinBox* w : form->findChildren<QSpinBox*>()) connect(w, &QSpinBox::valueChanged, delay, qOverload<>(&QTimer::start));
    for (QDoubleSpinBox* w : form->findChildren<QDoubleSpinBox*>())
        connect(w, &QDoubleSpinBox::valueChanged, delay, qOverload<>(&QTimer::start));
    for (QLineEdit* w : form->findChildren<QLineEdit*>()) connect(w, &QLineEdit::textEdited, delay, qOverload<>(&QTimer::start));
    for (QCheckBox* w : form->findChildren<QCheckBox*>()) connect(w, &QCheckBox::toggled, delay, qOverload<>(&QTimer::start));
    for (QComboBox* w : form->findChildren<QComboBox*>())
        connect(w, &QComboBox::currentTextChanged, delay, qOverload<>(&QTimer::start));
    return form;
}

QWidget* SetupView::field(const QString& path) const {
    if (QWidget* w = m_binder->widget(path)) return w;
    return findChild<QWidget*>(path);
}

void SetupView::refreshDatasets() {
    m_datasetsStale = false;
    const QVariant current = m_dataset->currentData();   // the name; the text carries counts that change
    QSignalBlocker block(m_dataset);
    m_dataset->clear();
    if (DatasetStore* store = m_workspace->store()) {
        for (const auto& name : store->datasetNames()) {
            const DatasetStats stats = store->stats(store->datasetId(name));
            auto count = [&](const char* split) {
                auto it = stats.splits.find(split);
                return it == stats.splits.end() ? int64_t(0) : it->second;
            };
            m_dataset->addItem(tr("%1 (%2 train, %3 validation)").arg(qstr(name)).arg(count("train")).arg(count("validation")),
                               qstr(name));
        }
    }
    const int index = m_dataset->findData(current);
    m_dataset->setCurrentIndex(index >= 0 ? index : 0);
    // A workspace dataset when there is one and no file was chosen; files otherwise.
    if (m_dataset->count() && m_trainFile->text().trimmed().isEmpty()) m_fromWorkspace->setChecked(true);
    else if (!m_dataset->count()) m_fromFiles->setChecked(true);
    if (!m_loading) revalidate();
}

json SetupView::formJson() const {
    json j = m_base;
    m_binder->store(j);
    json lora = j["lora"];
    lora["targets"] = json::array();
    for (QCheckBox* c : m_targets)
        if (c->isChecked()) lora["targets"].push_back(c->text().toStdString());
    j["lora"] = lora;
    json data = json::object();
    if (m_fromWorkspace->isChecked()) {
        data["workspace"] = m_workspace->dir().toStdString();
        data["dataset"] = m_dataset->currentData().toString().toStdString();
    } else {
        data["train"] = m_trainFile->text().trimmed().toStdString();
        if (!m_validationFile->text().trimmed().isEmpty()) data["validation"] = m_validationFile->text().trimmed().toStdString();
    }
    j["data"] = data;
    return j;
}

json SetupView::configJson() const {
    try {
        return formJson();
    } catch (const std::exception&) {
        return m_base;
    }
}

bool SetupView::runConfig(RunConfig* out, QString* error) const {
    try {
        const json j = formJson();
        RunConfig c = RunConfig::fromJson(j, m_workspace->dir().toStdString());
        c.validate();
        if (out) *out = std::move(c);
        return true;
    } catch (const std::exception& e) {
        if (error) *error = qstr(e.what());
        return false;
    }
}

void SetupView::revalidate() {
    if (m_loading) return;
    if (m_datasetsStale) return refreshDatasets();   // which revalidates
    QString error;
    const bool ok = runConfig(nullptr, &error);
    QWidget* bad = ok ? nullptr : m_binder->widgetFor(error);
    if (!ok && !bad && error.startsWith(QLatin1String("lora.targets"))) bad = findChild<QWidget*>(QStringLiteral("lora.targets"));
    if (!ok && !bad && error.startsWith(QLatin1String("data"))) bad = m_fromWorkspace->isChecked() ? static_cast<QWidget*>(m_dataset) : m_trainFile;
    m_binder->setErrorMark(bad);
    for (QWidget* w : {static_cast<QWidget*>(m_dataset), static_cast<QWidget*>(m_trainFile), findChild<QWidget*>(QStringLiteral("lora.targets"))})
        if (w) w->setStyleSheet(w == bad ? QStringLiteral("border: 2px solid #c0392b;") : QString());
    m_validation->setText(ok ? tr("Ready to start.") : error);
    m_validation->setStyleSheet(ok ? QStringLiteral("color: #27ae60;") : QStringLiteral("color: #c0392b; font-weight: bold;"));
    m_start->setEnabled(ok);
    updateEstimate();
}

QString SetupView::validationText() const {
    return m_validation->text();
}

QString SetupView::estimateText() const {
    return m_estimatePanel->estimateText();
}

QString SetupView::measureText() const {
    return m_estimatePanel->measureText();
}

void SetupView::applyPreset(Preset preset) {
    json j = configJson();
    applyRunPreset(j, preset);
    m_loading = true;
    m_base = j;
    m_binder->load(j);
    for (QCheckBox* c : m_targets) {
        bool on = false;
        for (const auto& name : j["lora"]["targets"]) on = on || name.get<std::string>() == c->text().toStdString();
        c->setChecked(on);
    }
    m_loading = false;
    revalidate();
}

void SetupView::setModelDir(const QString& dir) {
    m_model->setText(dir);
    readModelSummary();
}

void SetupView::chooseModel() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Base Model Folder"), m_model->text());
    if (!dir.isEmpty()) setModelDir(dir);
}

void SetupView::readModelSummary() {
    const QString dir = m_model->text().trimmed();
    // A fresh run folder name for a fresh model, unless the user chose one.
    if (!dir.isEmpty() && m_outputDir->text().isEmpty())
        m_outputDir->setText(QDir(m_workspace->runsDir()).filePath(
            QDir(dir).dirName() + QLatin1Char('-') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    m_facts.reset();
    if (dir.isEmpty()) return revalidate();
    m_modelSummary->setText(tr("Reading %1…").arg(dir));
    runInBackground<std::shared_ptr<ModelFacts>>(
        this,
        [dir] {
            auto f = std::make_shared<ModelFacts>();
            try {
                f->summary = describeModel(dir.toStdString());
                auto tokenizer = Tokenizer::load(dir.toStdString());
                const ChatTemplate t = ChatTemplate::forTokenizer(*tokenizer);
                f->tokenizer = QObject::tr("%1 tokens").arg(tokenizer->vocabSize());
                f->chatTemplate = t.isBuiltinFallback() ? QObject::tr("none in the model: the plain built-in template is used")
                                                        : qstr(templateFamilyName(t.family()));
                f->ok = true;
            } catch (const std::exception& e) {
                f->error = qstr(e.what());
            }
            return f;
        },
        [this, dir](const std::shared_ptr<ModelFacts>& f) {
            if (m_model->text().trimmed() != dir) return;   // the user has moved on
            m_facts = f;
            if (!f->ok) {
                m_modelSummary->setText(tr("<span style='color:#c0392b'>Cannot be used: %1</span>").arg(f->error.toHtmlEscaped()));
            } else {
                const ModelSummary& s = f->summary;
                m_modelSummary->setText(tr("%1, %2 M parameters, %3 layers, hidden %4, %5/%6 heads; stored as %7.<br>"
                                           "Tokenizer: %8. Chat template: %9.")
                                            .arg(qstr(s.architecture))
                                            .arg(double(s.parameters) / 1e6, 0, 'f', 1)
                                            .arg(s.layers)
                                            .arg(s.hiddenSize)
                                            .arg(s.heads)
                                            .arg(s.kvHeads)
                                            .arg(qstr(s.dtype), f->tokenizer, f->chatTemplate));
            }
            revalidate();
        });
}

void SetupView::updateEstimate() {
    RunConfig c;
    QString error;
    const bool ready = m_facts && m_facts->ok && runConfig(&c, &error);
    m_estimatePanel->update(ready ? &c : nullptr, ready ? &m_facts->summary : nullptr);
}

void SetupView::measureStepTime() {
    m_estimatePanel->measure();
}

void SetupView::showEvent(QShowEvent* event) {
    if (m_datasetsStale) refreshDatasets();
    QWidget::showEvent(event);
}

bool SetupView::loadConfigFile(const QString& path, QString* error) {
    if (m_datasetsStale) refreshDatasets();
    try {
        const RunConfig c = RunConfig::fromFile(path.toStdString());   // validates keys; paths become absolute
        json j = c.toJson();
        m_loading = true;
        m_base = j;
        m_binder->load(j);
        for (QCheckBox* box : m_targets)
            box->setChecked(std::find(c.lora.targets.begin(), c.lora.targets.end(), box->text().toStdString()) != c.lora.targets.end());
        if (c.data.fromWorkspace()) {
            m_fromWorkspace->setChecked(true);
            const int index = m_dataset->findData(qstr(c.data.dataset));
            if (index >= 0) m_dataset->setCurrentIndex(index);
        } else {
            m_fromFiles->setChecked(true);
            m_trainFile->setText(qstr(c.data.trainFile));
            m_validationFile->setText(qstr(c.data.validationFile));
        }
        m_loading = false;
        readModelSummary();
        return true;
    } catch (const std::exception& e) {
        m_loading = false;
        if (error) *error = qstr(e.what());
        return false;
    }
}

bool SetupView::saveConfigFile(const QString& path, QString* error) {
    try {
        writeFileAtomic(path.toStdString(), formJson().dump(2) + "\n");
        return true;
    } catch (const std::exception& e) {
        if (error) *error = qstr(e.what());
        return false;
    }
}

void SetupView::chooseLoad() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Run Configuration"), m_workspace->dir(), tr("Run configuration (*.json)"));
    if (path.isEmpty()) return;
    QString error;
    if (!loadConfigFile(path, &error)) QMessageBox::warning(this, tr("Cannot Load"), error);
}

void SetupView::chooseSave() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Run Configuration"), QDir(m_workspace->dir()).filePath(QStringLiteral("run.json")),
                                                      tr("Run configuration (*.json)"));
    if (path.isEmpty()) return;
    QString error;
    if (!saveConfigFile(path, &error)) QMessageBox::warning(this, tr("Cannot Save"), error);
    else Q_EMIT logLine(tr("Saved the run configuration to %1 (finetune train %1 runs it headless)").arg(path));
}

void SetupView::requestStart() {
    revalidate();
    if (m_start->isEnabled()) Q_EMIT startRequested();
}

} // namespace ft::ui
