// CompareView: base and tuned replies side by side, and validation examples to step through
// (see compare_view.h).
#include "compare_view.h"
#include "qt_std.h"
#include "reply_pane.h"

#include "background.h"
#include "data/dataset_store.h"
#include "export/run_export.h"
#include "generate/chat_model.h"
#include "io/json_file.h"
#include "train/run_config.h"
#include "train/run_folder.h"
#include "train/training_data.h"
#include "word_diff.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ft::ui {

CompareView::CompareView(Workspace* workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace) {
    // Sources.
    m_baseModel = new QLineEdit(this);
    m_baseModel->setPlaceholderText(tr("base model folder"));
    auto* browseBase = new QPushButton(tr("Browse…"), this);
    connect(browseBase, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Base Model Folder"), m_baseModel->text());
        if (!d.isEmpty()) setBaseModel(d);
    });
    m_tuned = new QComboBox(this);
    m_tuned->setMinimumContentsLength(30);
    m_tuned->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* browseAdapter = new QPushButton(tr("Adapter Folder…"), this);
    connect(browseAdapter, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("PEFT Adapter Folder"));
        if (!d.isEmpty()) setAdapterDir(d);
    });
    connect(m_tuned, &QComboBox::activated, this, [this] {
        const QStringList entry = m_tuned->currentData().toStringList();
        if (entry.size() == 3 && entry[0] == QLatin1String("run")) selectRun(entry[1], entry[2]);
    });
    auto* sources = new QFormLayout;
    auto* baseRow = new QHBoxLayout;
    baseRow->addWidget(m_baseModel, 1);
    baseRow->addWidget(browseBase);
    auto* tunedRow = new QHBoxLayout;
    tunedRow->addWidget(m_tuned, 1);
    tunedRow->addWidget(browseAdapter);
    sources->addRow(tr("Base"), baseRow);
    sources->addRow(tr("Tuned"), tunedRow);

    // Sampling, the same for both sides.
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(1, 32768);
    m_maxTokens->setValue(256);
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(0, 5);
    m_temperature->setSingleStep(0.1);
    m_temperature->setToolTip(tr("0: greedy (the same reply every time)"));
    m_topP = new QDoubleSpinBox(this);
    m_topP->setRange(0.01, 1);
    m_topP->setSingleStep(0.05);
    m_topP->setValue(1);
    m_topK = new QSpinBox(this);
    m_topK->setRange(0, 100000);
    m_topK->setToolTip(tr("0: off"));
    m_repetition = new QDoubleSpinBox(this);
    m_repetition->setRange(1, 3);
    m_repetition->setSingleStep(0.05);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    auto* sampling = new QHBoxLayout;
    const std::pair<QString, QWidget*> controls[] = {
        {tr("Max tokens"), m_maxTokens}, {tr("Temperature"), m_temperature},       {tr("Top-p"), m_topP},
        {tr("Top-k"), m_topK},           {tr("Repetition penalty"), m_repetition}, {tr("Seed"), m_seed}};
    for (const auto& [label, w] : controls) {
        sampling->addWidget(new QLabel(label, this));
        sampling->addWidget(w);
    }
    sampling->addStretch(1);

    // Prompt and actions.
    m_system = new QLineEdit(this);
    m_system->setPlaceholderText(tr("system prompt (optional)"));
    m_prompt = new QPlainTextEdit(this);
    m_prompt->setPlaceholderText(tr("Write a prompt, or step through the run's validation examples."));
    m_prompt->setMaximumHeight(110);
    m_generate = new QPushButton(tr("Generate Both"), this);
    m_generate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_generate->setToolTip(m_generate->shortcut().toString(QKeySequence::NativeText));
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setEnabled(false);
    m_diff = new QCheckBox(tr("Highlight differences"), this);
    m_diff->setChecked(true);
    auto* prev = new QPushButton(tr("◀ Previous"), this);
    auto* next = new QPushButton(tr("Next ▶"), this);
    prev->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_exampleLabel = new QLabel(this);
    connect(prev, &QPushButton::clicked, this, [this] { showExample(m_exampleIndex - 1); });
    connect(next, &QPushButton::clicked, this, [this] { showExample(m_exampleIndex + 1); });
    connect(m_generate, &QPushButton::clicked, this, &CompareView::generate);
    connect(m_stop, &QPushButton::clicked, this, &CompareView::stop);
    connect(m_diff, &QCheckBox::toggled, this, &CompareView::updateDiff);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_generate);
    actions->addWidget(m_stop);
    actions->addWidget(m_diff);
    actions->addStretch(1);
    actions->addWidget(new QLabel(tr("Validation examples:"), this));
    actions->addWidget(prev);
    actions->addWidget(m_exampleLabel);
    actions->addWidget(next);

    // The panes.
    auto* panes = new QSplitter(Qt::Horizontal, this);
    m_base = new ReplyPane(tr("Base"), this);
    m_tunedSide = new ReplyPane(tr("Tuned"), this);
    for (ReplyPane* side : {m_base, m_tunedSide}) {
        connect(side, &ReplyPane::finished, this, &CompareView::sideDone);
        connect(side, &ReplyPane::logLine, this, &CompareView::logLine);
        panes->addWidget(side);
    }
    auto* refBox = new QGroupBox(tr("Reference"), this);
    m_reference = new QTextBrowser(refBox);
    auto* refLayout = new QVBoxLayout(refBox);
    refLayout->addWidget(m_reference);
    panes->addWidget(refBox);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(sources);
    layout->addLayout(sampling);
    layout->addWidget(m_system);
    layout->addWidget(m_prompt);
    layout->addLayout(actions);
    layout->addWidget(panes, 1);

    connect(m_workspace, &Workspace::opened, this, &CompareView::refreshRuns);
    refreshRuns();
    updateExampleLabel();
}

CompareView::~CompareView() {
    stop(); // workers finish their current token and let go (they hold their own references)
}

void CompareView::setBaseModel(const QString& dir) {
    m_baseModel->setText(dir);
}

bool CompareView::hasBaseModel() const {
    return !m_baseModel->text().trimmed().isEmpty();
}

QString CompareView::tunedName() const {
    return m_tuned->currentData().isNull() ? QString() : m_tuned->currentText();
}

void CompareView::setAdapterDir(const QString& dir) {
    const QStringList entry{QStringLiteral("adapter"), dir};
    int index = m_tuned->findData(entry);
    if (index < 0) {
        m_tuned->addItem(tr("adapter %1").arg(QDir(dir).dirName()), entry);
        index = m_tuned->count() - 1;
    }
    m_tuned->setCurrentIndex(index);
}

bool CompareView::selectRun(const QString& runDir, const QString& which) {
    try {
        const nlohmann::json run = readJsonFile(runfiles::runJson(str(runDir)));
        const RunConfig config = RunConfig::fromJson(run.at("config"));
        runResultDir(str(runDir), str(which)); // throws when the run has no such weights
        m_baseModel->setText(qstr(config.model));
        m_runChatTemplate = qstr(config.chatTemplate);
        const QStringList entry{QStringLiteral("run"), runDir, which};
        int index = m_tuned->findData(entry);
        if (index < 0) {
            m_tuned->addItem(QStringLiteral("%1 · %2").arg(QDir(runDir).dirName(), which), entry);
            index = m_tuned->count() - 1;
        }
        m_tuned->setCurrentIndex(index);
        // The run's validation examples, from its workspace dataset or its imported files.
        const auto [workspace, dataset] = runDataset(config, str(runDir));
        loadExamples(qstr(workspace), qstr(dataset));
        return true;
    } catch (const std::exception& e) {
        Q_EMIT logLine(tr("Cannot compare with run %1: %2").arg(runDir, qstr(e.what())));
        return false;
    }
}

void CompareView::refreshRuns() {
    const QVariant current = m_tuned->currentData();
    QList<QPair<QString, QVariant>> keep; // adapters the user added stay
    for (int i = 0; i < m_tuned->count(); ++i)
        if (m_tuned->itemData(i).toStringList().value(0) == QLatin1String("adapter"))
            keep.append({m_tuned->itemText(i), m_tuned->itemData(i)});
    m_tuned->clear();
    if (!m_workspace->runsDir().isEmpty()) {
        for (const std::string& runDir : listRunFolders(str(m_workspace->runsDir()))) {
            const QString dir = qstr(runDir);
            const QFileInfo info(dir);
            if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("adapter"))))
                m_tuned->addItem(QStringLiteral("%1 · final").arg(info.fileName()),
                                 QStringList{QStringLiteral("run"), dir, QStringLiteral("final")});
            if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("best_adapter"))))
                m_tuned->addItem(QStringLiteral("%1 · best").arg(info.fileName()),
                                 QStringList{QStringLiteral("run"), dir, QStringLiteral("best")});
            for (const auto& c : listCheckpoints(str(dir))) {
                const QString name = qstr(runfiles::checkpointName(c.step));
                m_tuned->addItem(QStringLiteral("%1 · %2").arg(info.fileName(), name), QStringList{QStringLiteral("run"), dir, name});
            }
        }
    }
    for (const auto& [text, data] : keep) m_tuned->addItem(text, data);
    const int index = m_tuned->findData(current);
    if (index >= 0) m_tuned->setCurrentIndex(index);
}

int CompareView::loadExamples(const QString& workspaceDir, const QString& dataset) {
    m_examples.clear();
    m_exampleIndex = -1;
    try {
        DatasetStore store(str(workspaceDir));
        ExampleFilter f;
        f.split = Split::Validation;
        f.status = "valid";
        for (const Example& e : store.page(store.datasetId(str(dataset)), f, 0, 5000)) {
            if (e.messages.size() < 2 || e.messages.back().role != "assistant") continue;
            std::vector<ChatMessage> conversation;
            for (const auto& m : e.messages) conversation.push_back({m.role, m.content});
            m_examples.push_back(std::move(conversation));
        }
    } catch (const std::exception& e) {
        Q_EMIT logLine(tr("No validation examples from %1: %2").arg(workspaceDir, qstr(e.what())));
    }
    updateExampleLabel();
    return int(m_examples.size());
}

void CompareView::updateExampleLabel() {
    m_exampleLabel->setText(m_examples.empty() ? tr("none") : tr("%1 / %2").arg(m_exampleIndex + 1).arg(m_examples.size()));
}

void CompareView::showExample(int index) {
    if (m_examples.empty() || isBusy()) return;
    m_exampleIndex = std::clamp(index, 0, int(m_examples.size()) - 1);
    const auto& conversation = m_examples[size_t(m_exampleIndex)];
    QString system, user;
    QStringList earlier;
    for (size_t i = 0; i + 1 < conversation.size(); ++i) {
        const auto& m = conversation[i];
        if (m.role == "system") system = qstr(m.content);
        else user = qstr(m.content); // the last user turn is the prompt; earlier turns stay in the conversation
    }
    m_system->setText(system);
    m_prompt->setPlainText(user);
    m_reference->setPlainText(qstr(conversation.back().content));
    updateExampleLabel();
    generate();
}

void CompareView::setPrompt(const QString& user, const QString& system) {
    m_system->setText(system);
    m_prompt->setPlainText(user);
    m_reference->clear();
    m_exampleIndex = -1;
    updateExampleLabel();
}

bool CompareView::tunedOptions(ChatModelOptions* out, QString* error) const {
    const QStringList entry = m_tuned->currentData().toStringList();
    if (entry.isEmpty()) {
        *error = tr("Choose a run or an adapter folder for the tuned side.");
        return false;
    }
    try {
        out->adapterDir = entry[0] == QLatin1String("run") ? runResultDir(str(entry[1]), str(entry[2])) : str(entry[1]);
        return true;
    } catch (const std::exception& e) {
        *error = qstr(e.what());
        return false;
    }
}

void CompareView::generate() {
    if (isBusy()) return;
    if (m_baseModel->text().trimmed().isEmpty() || m_prompt->toPlainText().trimmed().isEmpty()) {
        Q_EMIT logLine(tr("Compare: give a base model and a prompt."));
        return;
    }
    // The conversation: the example's earlier turns when stepping through examples, else system + prompt.
    std::vector<ChatMessage> conversation;
    if (m_exampleIndex >= 0 && m_exampleIndex < int(m_examples.size())) {
        const auto& ex = m_examples[size_t(m_exampleIndex)];
        conversation.assign(ex.begin(), ex.end() - 1);
        for (auto it = conversation.rbegin(); it != conversation.rend(); ++it)
            if (it->role == "user") {
                it->content = str(m_prompt->toPlainText()); // the user may have edited it
                break;
            }
    } else {
        if (!m_system->text().trimmed().isEmpty()) conversation.push_back({"system", str(m_system->text())});
        conversation.push_back({"user", str(m_prompt->toPlainText())});
    }
    runSide(m_base, conversation);
    runSide(m_tunedSide, conversation);
    m_generate->setEnabled(false);
    m_stop->setEnabled(true);
}

void CompareView::runSide(ReplyPane* side, const std::vector<ChatMessage>& conversation) {
    ChatModelOptions options;
    options.modelDir = str(m_baseModel->text().trimmed());
    options.chatTemplate = str(m_runChatTemplate);
    if (side == m_tunedSide) {
        QString error;
        if (!tunedOptions(&options, &error)) return side->fail(error);
    }
    ReplySettings settings;
    settings.maxNewTokens = m_maxTokens->value();
    settings.temperature = m_temperature->value();
    settings.topP = m_topP->value();
    settings.topK = m_topK->value();
    settings.repetitionPenalty = m_repetition->value();
    settings.seed = uint64_t(m_seed->value());
    side->start(options, conversation, settings);
}

void CompareView::sideDone() {
    if (isBusy()) return;
    m_generate->setEnabled(true);
    m_stop->setEnabled(false);
    updateDiff();
    for (ReplyPane* side : {m_base, m_tunedSide}) side->judge(m_reference->toPlainText());
    Q_EMIT generationFinished();
}

void CompareView::updateDiff() {
    if (isBusy()) return;
    for (ReplyPane* s : {m_base, m_tunedSide})
        if (!s->failed()) s->showText(s->text());
    if (!m_diff->isChecked() || m_base->failed() || m_tunedSide->failed()) return;
    const auto spans = widgets::wordDiff(m_base->text(), m_tunedSide->text());
    m_base->showHtml(widgets::diffHtml(spans, 0));
    m_tunedSide->showHtml(widgets::diffHtml(spans, 1));
}

void CompareView::stop() {
    for (ReplyPane* s : {m_base, m_tunedSide}) s->stop();
}

bool CompareView::isBusy() const {
    return m_base->isRunning() || m_tunedSide->isRunning();
}

QString CompareView::verdictText(bool tuned) const {
    return (tuned ? m_tunedSide : m_base)->verdictText();
}

QString CompareView::baseText() const {
    return m_base->text();
}

QString CompareView::tunedText() const {
    return m_tunedSide->text();
}

QString CompareView::referenceText() const {
    return m_reference->toPlainText();
}

} // namespace ft::ui
