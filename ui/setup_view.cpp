// SetupView: the form, presets, validation, the model's facts and the estimate (see setup_view.h).
#include "setup_view.h"

#include "background.h"
#include "chat/chat_template.h"
#include "estimate_panel.h"
#include "io/atomic_file.h"
#include "model/model_summary.h"
#include "qt_std.h"
#include "run_form.h"
#include "tokenizer/tokenizer.h"
#include "tone.h"
#include "train/run_config.h"
#include "util/error.h"
#include "workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ft::ui {

using json = nlohmann::json;

struct SetupView::ModelFacts {
    bool ok = false;
    QString error;
    ModelSummary summary;
    QString tokenizer, chatTemplate;
};

SetupView::SetupView(Workspace* workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace) {
    m_form = new RunForm(m_workspace, this);
    connect(m_form, &RunForm::edited, this, &SetupView::revalidate);
    connect(m_form, &RunForm::modelChosen, this, &SetupView::readModelSummary);

    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("validation"));
    m_validation->setWordWrap(true);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_estimatePanel = new EstimatePanel(
        m_workspace, [this](RunConfig* c) { return check(c).empty(); }, this);
    connect(m_estimatePanel, &EstimatePanel::measured, this, [this](bool ok) {
        updateEstimate();
        Q_EMIT measured(ok);
    });
    connect(m_estimatePanel, &EstimatePanel::dataCounted, this, &SetupView::updateEstimate);

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
    scroll->setWidget(m_form);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(scroll, 3);
    layout->addLayout(side, 2);

    // Every dataset edit changes the workspace; counting the splits of every dataset each time would
    // put a full scan on the UI thread per keystroke-sized edit. The list is refreshed when next used.
    connect(m_workspace, &Workspace::changed, this, [this] {
        m_form->markDatasetsStale();
        if (isVisible()) revalidate();
    });
    applyPreset(Preset::Balanced);
}

SetupView::~SetupView() = default;

QWidget* SetupView::field(const QString& path) const {
    return m_form->field(path);
}

json SetupView::configJson() const {
    std::vector<ConfigProblem> ignored;
    return m_form->toJson(&ignored);
}

std::vector<ConfigProblem> SetupView::check(RunConfig* out) const {
    std::vector<ConfigProblem> problems;
    const json j = m_form->toJson(&problems);
    if (m_facts && !m_facts->ok) problems.push_back({"model", "model: " + str(m_facts->error), "choose a Hugging Face model folder"});
    try {
        RunConfig c = RunConfig::fromJson(j, str(m_workspace->dir()));
        for (ConfigProblem& p : c.problems()) problems.push_back(std::move(p));
        if (problems.empty() && out) *out = std::move(c);
    } catch (const Error& e) { // a value of the wrong kind (a form's field cannot make one; a loaded file can)
        problems.push_back(problemFromMessage(e.what(), e.hint()));
    }
    return problems;
}

bool SetupView::runConfig(RunConfig* out, QString* error) const {
    const std::vector<ConfigProblem> problems = check(out);
    if (error) *error = qstr(problemsText(problems));
    return problems.empty();
}

void SetupView::revalidate() {
    if (m_loading) return;
    if (m_form->datasetsStale()) m_form->refreshDatasets();
    RunConfig config;
    const std::vector<ConfigProblem> problems = check(&config);
    m_form->markProblems(problems);
    if (problems.empty()) {
        m_validation->setText(tr("Ready to start."));
        m_validation->setStyleSheet(QStringLiteral("color: %1;").arg(widgets::toneColorName(widgets::Tone::Done, palette())));
    } else {
        QStringList items;
        for (const ConfigProblem& p : problems)
            items << qstr(p.message).toHtmlEscaped() +
                         (p.hint.empty() ? QString() : QStringLiteral("<br><i>") + qstr(p.hint).toHtmlEscaped() + QStringLiteral("</i>"));
        m_validation->setText(problems.size() == 1 ? items.front()
                                                   : tr("%n settings to fix:", nullptr, int(problems.size())) + QStringLiteral("<ul><li>") +
                                                         items.join(QStringLiteral("</li><li>")) + QStringLiteral("</li></ul>"));
        m_validation->setStyleSheet(
            QStringLiteral("color: %1; font-weight: bold;").arg(widgets::toneColorName(widgets::Tone::Failed, palette())));
    }
    m_start->setEnabled(problems.empty());
    showEstimate(problems.empty() ? &config : nullptr);
    m_problemCount = int(problems.size());
    Q_EMIT validated(m_problemCount);
}

QString SetupView::validationText() const {
    return m_validation->text();
}

bool SetupView::counting() const {
    return m_estimatePanel->counting();
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
    m_form->load(j);
    revalidate();
}

void SetupView::setModelDir(const QString& dir) {
    m_form->setModelDir(dir);
    readModelSummary();
}

void SetupView::readModelSummary() {
    const QString dir = m_form->modelDir();
    m_facts.reset();
    if (dir.isEmpty()) return revalidate();
    m_form->setModelSummary(tr("Reading %1…").arg(dir));
    runInBackground<std::shared_ptr<ModelFacts>>(
        this,
        [dir] {
            auto f = std::make_shared<ModelFacts>();
            try {
                f->summary = describeModel(str(dir));
                auto tokenizer = Tokenizer::load(str(dir));
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
            if (m_form->modelDir() != dir) return; // the user has moved on
            m_facts = f;
            if (!f->ok) {
                m_form->setModelSummary(
                    widgets::toneHtml(widgets::Tone::Failed, tr("Cannot be used: %1").arg(f->error.toHtmlEscaped()), palette()));
            } else {
                const ModelSummary& s = f->summary;
                m_form->setModelSummary(tr("%1, %2 M parameters, %3 layers, hidden %4, %5/%6 heads; stored as %7.<br>"
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
    showEstimate(check(&c).empty() ? &c : nullptr);
}

void SetupView::showEstimate(const RunConfig* valid) {
    const bool ready = valid && m_facts && m_facts->ok;
    m_estimatePanel->update(ready ? valid : nullptr, ready ? &m_facts->summary : nullptr);
}

void SetupView::measureStepTime() {
    m_estimatePanel->measure();
}

void SetupView::showEvent(QShowEvent* event) {
    if (m_form->datasetsStale()) m_form->refreshDatasets();
    QWidget::showEvent(event);
}

bool SetupView::loadConfigFile(const QString& path, QString* error) {
    try {
        const RunConfig c = RunConfig::fromFile(str(path)); // validates keys; paths become absolute
        m_loading = true;
        m_form->load(c.toJson());
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
        writeFileAtomic(str(path), m_form->toJson().dump(2) + "\n");
        return true;
    } catch (const std::exception& e) {
        if (error) *error = qstr(e.what());
        return false;
    }
}

void SetupView::chooseLoad() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Load Run Configuration"), m_workspace->dir(), tr("Run configuration (*.json)"));
    if (path.isEmpty()) return;
    QString error;
    if (!loadConfigFile(path, &error)) QMessageBox::warning(this, tr("Cannot Load"), error);
}

void SetupView::chooseSave() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Run Configuration"), QDir(m_workspace->dir()).filePath(QStringLiteral("run.json")),
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
