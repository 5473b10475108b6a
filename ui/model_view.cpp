// ModelView: a model folder read on a worker and described.
#include "model_view.h"

#include "property_list.h"
#include "qt_std.h"
#include "settings.h"
#include "tone.h"
#include "typography.h"

#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ft::ui {

ModelView::ModelView(QWidget* parent) : QWidget(parent) {
    m_title = new QLabel(tr("No model open"), this);
    m_title->setFont(widgets::titleFont(m_title->font()));
    m_open = new QPushButton(tr("Open model folder…"), this);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, widgets::toneColor(widgets::Tone::Failed, palette()));
    m_error->setPalette(errorPalette);
    m_error->hide();
    m_properties = new widgets::PropertyList(this);

    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_open);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_properties, 1);

    connect(m_open, &QPushButton::clicked, this, &ModelView::chooseModel);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] { showOutcome(m_dir, m_watcher.result()); });
}

QString ModelView::errorText() const {
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void ModelView::chooseModel() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a Hugging Face model folder"), settings::lastModelDir.get());
    if (!dir.isEmpty()) openModel(dir);
}

void ModelView::openModel(const QString& dir) {
    m_dir = dir;
    m_title->setText(tr("Reading %1…").arg(dir));
    m_open->setEnabled(false);
    const std::string path = dir.toStdString();
    m_watcher.setFuture(QtConcurrent::run([path] {
        Outcome o;
        try {
            o.summary = describeModel(path);
            o.ok = true;
        } catch (const std::exception& e) {
            o.error = errorMessage(e);
        }
        return o;
    }));
}

void ModelView::showOutcome(const QString& dir, const Outcome& o) {
    m_open->setEnabled(true);
    m_properties->clearRows();
    if (!o.ok) {
        m_title->setText(tr("Cannot use %1").arg(dir));
        m_error->setText(o.error);
        m_error->show();
        Q_EMIT modelFailed(dir, o.error);
        return;
    }
    m_error->clear();
    m_error->hide();
    settings::lastModelDir.set(dir);
    const ModelSummary& s = o.summary;
    const QLocale locale;
    const QString params = s.parameters >= 1'000'000'000 ? tr("%1 B").arg(double(s.parameters) / 1e9, 0, 'f', 2)
                           : s.parameters >= 1'000'000   ? tr("%1 M").arg(double(s.parameters) / 1e6, 0, 'f', 1)
                                                         : tr("%1 K").arg(double(s.parameters) / 1e3, 0, 'f', 1);
    m_title->setText(tr("%1 — %2 parameters").arg(QString::fromStdString(s.architecture), params));

    m_properties->addGroup(tr("Model"));
    m_properties->addRow(tr("Folder"), dir);
    m_properties->addRow(tr("Architecture"), QString::fromStdString(s.architecture));
    m_properties->addRow(tr("Parameters"), locale.toString(qlonglong(s.parameters)));
    m_properties->addRow(tr("Weights"), tr("%1 in %n file(s), stored as %2", nullptr, int(s.weightFiles))
                                            .arg(locale.formattedDataSize(qint64(s.weightsBytes)), QString::fromStdString(s.dtype)));
    m_properties->addGroup(tr("Shape"));
    m_properties->addRow(tr("Layers"), QString::number(s.layers));
    m_properties->addRow(tr("Hidden size"), QString::number(s.hiddenSize));
    m_properties->addRow(tr("MLP size"), QString::number(s.intermediateSize));
    m_properties->addRow(tr("Attention heads"), tr("%1 query, %2 key/value, %3 dims each").arg(s.heads).arg(s.kvHeads).arg(s.headDim));
    m_properties->addRow(tr("Vocabulary"), locale.toString(qlonglong(s.vocabSize)));
    m_properties->addRow(tr("Context length"), locale.toString(qlonglong(s.maxPositions)));
    m_properties->addRow(tr("Rotary embeddings"), tr("theta %1, scaling %2").arg(s.ropeTheta).arg(QString::fromStdString(s.ropeScaling)));
    m_properties->addRow(tr("Tied embeddings"), s.tieWordEmbeddings ? tr("yes") : tr("no"));
    if (s.slidingWindow > 0) m_properties->addRow(tr("Sliding window"), QString::number(s.slidingWindow));
    QStringList eos;
    for (int64_t id : s.eosTokenIds) eos << QString::number(id);
    m_properties->addRow(tr("End-of-sequence ids"), eos.join(QStringLiteral(", ")));
    Q_EMIT modelLoaded(dir, QStringLiteral("%1 (%2)").arg(QString::fromStdString(s.architecture), params));
}

} // namespace ft::ui
