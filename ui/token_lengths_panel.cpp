// TokenLengthsPanel: token counts on a worker, as a histogram against the max length.
#include "token_lengths_panel.h"

#include "background.h"
#include "chat/chat_template.h"
#include "data/curation.h"
#include "data/dataset_store.h"
#include "histogram_chart.h"
#include "qt_std.h"
#include "tokenizer/tokenizer.h"
#include "train/training_data.h"
#include "workspace.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ft::ui {

namespace {
struct CountOutcome {
    QString error, key;
    int counted = 0;
};
} // namespace

TokenLengthsPanel::TokenLengthsPanel(Workspace* workspace, std::function<int64_t()> datasetId, std::function<bool()> idle, QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_datasetId(std::move(datasetId)), m_idle(std::move(idle)) {
    m_histogram = new widgets::HistogramChart(tr("tokens per example"), this);
    m_maxLength = new QSpinBox(this);
    m_maxLength->setRange(16, 1 << 20);
    m_maxLength->setValue(2048);
    m_maxLength->setToolTip(tr("The run's max_seq_len: longer examples are truncated in training"));
    connect(m_maxLength, &QSpinBox::valueChanged, this, [this](int v) { m_histogram->setLimit(v); });
    m_tokenizerLabel = new QLabel(tr("Open a model to count tokens with its tokenizer and chat template."), this);
    m_tokenizerLabel->setWordWrap(true);
    auto* countButton = new QPushButton(tr("Count Tokens"), this);
    connect(countButton, &QPushButton::clicked, this, &TokenLengthsPanel::count);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_tokenizerLabel, 1);
    controls->addWidget(new QLabel(tr("Max length"), this));
    controls->addWidget(m_maxLength);
    controls->addWidget(countButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_histogram, 1);
}

void TokenLengthsPanel::setTokenizerModel(const QString& modelDir) {
    m_tokenizerModel = modelDir;
    m_tokenKey.clear();
    m_tokenizerLabel->setText(tr("Tokens of %1 (its tokenizer and chat template)").arg(QDir(modelDir).dirName()));
}

void TokenLengthsPanel::count() {
    const int64_t dataset = m_datasetId();
    if (!dataset || !m_idle()) return;
    if (m_tokenizerModel.isEmpty()) return Q_EMIT failed(tr("Cannot count tokens"), tr("Open a model first (Model view)."));
    Q_EMIT busyChanged(true);
    const std::string workspaceDir = str(m_workspace->dir());
    const std::string modelDir = str(m_tokenizerModel);
    runInBackground<CountOutcome>(
        this,
        [workspaceDir, modelDir, dataset] {
            CountOutcome out;
            try {
                auto tokenizer = Tokenizer::load(modelDir);
                auto tmpl = std::make_shared<const ChatTemplate>(ChatTemplate::forTokenizer(*tokenizer));
                out.key = qstr(tokenCountKey(*tokenizer, *tmpl));
                DatasetStore store(workspaceDir);
                out.counted = int(updateTokenCounts(store, dataset, str(out.key), exampleTokenCounter(tokenizer, tmpl)));
            } catch (const std::exception& e) {
                out.error = qstr(e.what());
            }
            return out;
        },
        [this](const CountOutcome& out) {
            Q_EMIT busyChanged(false);
            if (!out.error.isEmpty()) return Q_EMIT failed(tr("Cannot count tokens"), out.error);
            m_tokenKey = str(out.key);
            updateHistogram();
            Q_EMIT counted(out.counted, out.key);
        });
}

void TokenLengthsPanel::updateHistogram() {
    DatasetStore* store = m_workspace->store();
    const int64_t dataset = m_datasetId();
    if (!store || m_tokenKey.empty() || !dataset) return;
    const LengthStats s = lengthStats(*store, dataset, m_tokenKey, m_maxLength->value());
    m_histogram->setValues(QVector<double>(s.total.begin(), s.total.end()));
    m_histogram->setLimit(m_maxLength->value());
}

} // namespace ft::ui
