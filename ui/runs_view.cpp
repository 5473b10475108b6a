// RunsView: the workspace's runs listed, compared on one chart, resumed, renamed, deleted and
// exported.
#include "runs_view.h"
#include "qt_std.h"
#include "tone.h"

#include "background.h"
#include "export/export_format.h"
#include "metric_chart.h"
#include "train/run_folder.h"
#include "workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ft::ui {

namespace {

enum Column { Name, Status, Method, Model, Dataset, Steps, TrainLoss, BestLoss, Device, Created, ColumnCount };

// How the Runs view names a run's method.
QString methodLabel(const std::string& method) {
    if (method == "qlora") return QStringLiteral("QLoRA");
    if (method == "dora") return QStringLiteral("DoRA");
    if (method == "full") return RunsView::tr("Full");
    return QStringLiteral("LoRA");
}

// A palette that tells a handful of overlaid runs apart.
QColor runColor(int i) {
    static const QColor colors[] = {QColor(31, 119, 180),  QColor(255, 127, 14), QColor(44, 160, 44),   QColor(214, 39, 40),
                                    QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194), QColor(127, 127, 127)};
    return colors[i % 8];
}

} // namespace

RunsView::RunsView(Workspace* workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace) {
    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSortingEnabled(true);
    m_list->setHeaderLabels({tr("Run"), tr("Status"), tr("Method"), tr("Model"), tr("Data"), tr("Steps"), tr("Train loss"),
                             tr("Best val. loss"), tr("Device"), tr("Created")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->sortByColumn(Created, Qt::DescendingOrder);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        updateChart();
        updateButtons();
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem* item) { Q_EMIT openRequested(item->data(Name, Qt::UserRole).toString()); });

    m_compare = new QPushButton(tr("Compare"), this);
    m_evaluate = new QPushButton(tr("Evaluate"), this);
    m_resume = new QPushButton(tr("Resume"), this);
    m_rename = new QPushButton(tr("Rename…"), this);
    m_delete = new QPushButton(tr("Delete…"), this);
    m_export = new QPushButton(tr("Export"), this);
    auto* exportMenu = new QMenu(m_export);
    m_exportAdapter = exportMenu->addAction(tr("PEFT Adapter…"), this, [this] { exportSelected(QStringLiteral("peft")); });
    exportMenu->addAction(tr("Merged Hugging Face Model…"), this, [this] { exportSelected(QStringLiteral("merged")); });
    // GGUF: one file with the adapter merged, the tokenizer and the run's chat template.
    auto* ggufMenu = exportMenu->addMenu(tr("GGUF for llama.cpp / Ollama"));
    const std::pair<QString, QString> ggufTypes[] = {
        {QStringLiteral("q8_0"), tr("Q8_0: half the size of F16, near-lossless…")},
        {QStringLiteral("f16"), tr("F16: full quality…")},
        {QStringLiteral("bf16"), tr("BF16: full quality, the range of F32…")},
        {QStringLiteral("f32"), tr("F32: exact, twice the size of F16…")},
    };
    for (const auto& [type, label] : ggufTypes) ggufMenu->addAction(label, this, [this, type = type] { exportSelectedGguf(type); });
    ggufMenu->addSeparator();
    m_exportGgufAdapter = ggufMenu->addAction(tr("The Adapter Alone (llama.cpp --lora, Ollama ADAPTER)…"), this,
                                              [this] { exportSelectedGguf(QStringLiteral("adapter")); });
    m_export->setMenu(exportMenu);
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setShortcut(QKeySequence::Refresh);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        if (!selectedRuns().isEmpty()) Q_EMIT compareRequested(selectedRuns().first());
    });
    connect(m_evaluate, &QPushButton::clicked, this, [this] {
        if (!selectedRuns().isEmpty()) Q_EMIT evaluateRequested(selectedRuns().first());
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (!selectedRuns().isEmpty()) Q_EMIT resumeRequested(selectedRuns().first());
    });
    connect(m_rename, &QPushButton::clicked, this, &RunsView::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &RunsView::deleteSelected);
    connect(refreshButton, &QPushButton::clicked, this, &RunsView::refresh);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_compare, m_evaluate, m_resume, m_rename, m_delete, m_export}) buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(refreshButton);

    m_chart = new widgets::MetricChart(tr("loss"), this);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_details);
    lowerLayout->addWidget(m_chart, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(lower);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(m_workspace, &Workspace::opened, this, &RunsView::refresh);
    refresh();
}

void RunsView::setActiveRun(const QString& runDir) {
    m_activeRun = runDir.isEmpty() ? QString() : QDir(runDir).absolutePath();
    refresh();
}

void RunsView::addRunFolder(const QString& runDir) {
    const QString dir = QDir(runDir).absolutePath();
    if (!m_extraRuns.contains(dir) && !dir.startsWith(m_workspace->runsDir() + QLatin1Char('/'))) m_extraRuns << dir;
    refresh();
}

void RunsView::refresh() {
    const QStringList selected = selectedRuns();
    QStringList dirs;
    if (!m_workspace->runsDir().isEmpty())
        for (const std::string& dir : listRunFolders(m_workspace->runsDir().toStdString())) dirs << qstr(dir);
    for (const QString& d : m_extraRuns)
        if (QFileInfo::exists(QDir(d).filePath(QStringLiteral("run.json")))) dirs << d;

    QSignalBlocker block(m_list);
    m_list->setSortingEnabled(false);
    m_list->clear();
    for (const QString& dir : dirs) {
        const RunSummary r = summarizeRun(dir.toStdString());
        auto* item = new QTreeWidgetItem(m_list);
        item->setData(Name, Qt::UserRole, dir);
        item->setText(Name, qstr(r.name));
        QString status = qstr(r.status);
        // run.json says running, but nothing here runs it: the process that did has gone.
        if ((r.status == "running" || r.status == "preparing") && QDir(dir).absolutePath() != m_activeRun) status = tr("interrupted");
        if (!r.error.empty()) status = tr("unreadable");
        item->setText(Status, status);
        item->setToolTip(Status, r.error.empty() ? status : qstr(r.error));
        if (status == QLatin1String("failed") || status == tr("interrupted") || status == tr("unreadable"))
            item->setForeground(Status, widgets::toneColor(widgets::Tone::Failed, palette()));
        else if (status == QLatin1String("completed") || status == QLatin1String("early_stopped"))
            item->setForeground(Status, widgets::toneColor(widgets::Tone::Done, palette()));
        else if (status == QLatin1String("running") || status == QLatin1String("preparing"))
            item->setForeground(Status, widgets::toneColor(widgets::Tone::Running, palette()));
        else if (status == QLatin1String("stopped")) item->setForeground(Status, widgets::toneColor(widgets::Tone::Stopped, palette()));
        item->setText(Method, methodLabel(r.method));
        item->setText(Model, QFileInfo(qstr(r.model)).fileName());
        item->setToolTip(Model, qstr(r.model));
        item->setText(Dataset, qstr(r.dataset));
        item->setText(Steps, r.totalSteps ? QStringLiteral("%1 / %2").arg(r.step).arg(r.totalSteps) : QString::number(r.step));
        item->setData(Steps, Qt::UserRole, QVariant::fromValue<qlonglong>(r.step));
        if (r.lastTrainLoss >= 0) item->setText(TrainLoss, QString::number(r.lastTrainLoss, 'f', 4));
        if (r.bestEvalLoss >= 0) item->setText(BestLoss, tr("%1 (step %2)").arg(r.bestEvalLoss, 0, 'f', 4).arg(r.bestEvalStep));
        item->setText(Device, qstr(r.device + (r.dtype.empty() ? "" : ", " + r.dtype)));
        item->setText(Created, QDateTime::fromSecsSinceEpoch(qint64(r.created)).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        item->setData(Created, Qt::UserRole, r.created);
        item->setData(
            Status, Qt::UserRole,
            QStringList{qstr(r.status), r.hasResult ? QStringLiteral("1") : QString(), QString::number(r.checkpoints), qstr(r.method)});
    }
    m_list->setSortingEnabled(true);
    block.unblock();
    selectRuns(selected);
    updateChart();
    updateButtons();
}

QStringList RunsView::selectedRuns() const {
    QStringList out;
    for (QTreeWidgetItem* item : m_list->selectedItems()) out << item->data(Name, Qt::UserRole).toString();
    return out;
}

void RunsView::selectRuns(const QStringList& runDirs) {
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        item->setSelected(runDirs.contains(item->data(Name, Qt::UserRole).toString()));
    }
}

void RunsView::updateButtons() {
    const QList<QTreeWidgetItem*> items = m_list->selectedItems();
    const bool one = items.size() == 1;
    const QStringList facts = one ? items.first()->data(Status, Qt::UserRole).toStringList() : QStringList();
    const bool active = one && items.first()->data(Name, Qt::UserRole).toString() == m_activeRun;
    m_compare->setEnabled(one && facts.value(1) == QLatin1String("1"));
    m_evaluate->setEnabled(one && facts.value(1) == QLatin1String("1"));
    m_resume->setEnabled(one && !active && facts.value(2).toInt() > 0 && facts.value(0) != QLatin1String("completed"));
    m_rename->setEnabled(one && !active);
    m_delete->setEnabled(!items.isEmpty() && !active);
    m_export->setEnabled(one && facts.value(1) == QLatin1String("1"));
    // A full fine-tune made a model, not an adapter (DoRA's magnitudes have no GGUF adapter form).
    m_exportAdapter->setEnabled(facts.value(3) != QLatin1String("full"));
    m_exportGgufAdapter->setEnabled(facts.value(3) == QLatin1String("lora") || facts.value(3) == QLatin1String("qlora"));
}

void RunsView::updateChart() {
    m_chart->removeAllSeries();
    const QStringList runs = selectedRuns();
    QStringList details;
    int i = 0;
    for (const QString& dir : runs) {
        const QString name = QDir(dir).dirName();
        const QColor color = runColor(i++);
        const int train = m_chart->addSeries(tr("%1 train").arg(name), color, false, runs.size() > 1 ? 0.0 : 0.9);
        const int eval = m_chart->addSeries(tr("%1 validation").arg(name), color.darker(130), true);
        for (const auto& e : readMetrics(runfiles::metrics(dir.toStdString()))) {
            if (const auto* k = e.as<StepDone>()) m_chart->addPoint(train, double(k->step), k->loss);
            else if (const auto* k = e.as<EvalDone>()) m_chart->addPoint(eval, double(k->step), k->loss);
        }
        if (runs.size() == 1) {
            const RunSummary r = summarizeRun(dir.toStdString());
            details << tr("<b>%1</b>: %2 on %3, %4 train examples; folder %5")
                           .arg(qstr(r.name), QFileInfo(qstr(r.model)).fileName(), qstr(r.dataset))
                           .arg(r.trainExamples)
                           .arg(dir.toHtmlEscaped());
        }
    }
    if (runs.size() > 1) details << tr("%n runs overlaid.", nullptr, int(runs.size()));
    m_details->setText(details.join(QStringLiteral("<br>")));
}

bool RunsView::renameRun(const QString& runDir, const QString& newName, QString* error) {
    if (QDir(runDir).absolutePath() == m_activeRun) {
        *error = tr("The run is training; rename it when it has stopped.");
        return false;
    }
    QString target;
    try {
        std::string warning;
        target = qstr(renameRunFolder(str(runDir), str(newName), &warning));
        if (!warning.empty()) Q_EMIT logLine(qstr(warning));
    } catch (const std::exception& e) {
        *error = qstr(e.what());
        return false;
    }
    m_extraRuns.replaceInStrings(QDir(runDir).absolutePath(), target);
    refresh();
    selectRuns({target});
    return true;
}

bool RunsView::deleteRun(const QString& runDir, QString* error) {
    if (QDir(runDir).absolutePath() == m_activeRun) {
        *error = tr("The run is training; stop it first.");
        return false;
    }
    if (!QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("run.json")))) {
        *error = tr("%1 is not a run folder; nothing was deleted.").arg(runDir);
        return false;
    }
    // The desktop's trash when there is one, so that a mistaken delete can be undone there.
    if (!QFile::moveToTrash(runDir) && !QDir(runDir).removeRecursively()) {
        *error = tr("Cannot delete %1").arg(runDir);
        return false;
    }
    m_extraRuns.removeAll(QDir(runDir).absolutePath());
    refresh();
    return true;
}

void RunsView::renameSelected() {
    const QStringList runs = selectedRuns();
    if (runs.size() != 1) return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename Run"), tr("New name:"), QLineEdit::Normal, QDir(runs.first()).dirName(), &ok);
    if (!ok) return;
    QString error;
    if (!renameRun(runs.first(), name, &error)) QMessageBox::warning(this, tr("Cannot Rename"), error);
}

void RunsView::deleteSelected() {
    const QStringList runs = selectedRuns();
    if (runs.isEmpty()) return;
    QStringList names;
    for (const QString& r : runs) names << QDir(r).dirName();
    const auto answer =
        QMessageBox::question(this, tr("Delete Runs"),
                              tr("Delete %n run(s) with their adapters, checkpoints and logs?\n%1", nullptr, int(runs.size()))
                                  .arg(names.join(QStringLiteral("\n"))),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) return;
    for (const QString& r : runs) {
        QString error;
        if (!deleteRun(r, &error)) QMessageBox::warning(this, tr("Cannot Delete"), error);
        else Q_EMIT logLine(tr("Deleted run %1").arg(r));
    }
}

void RunsView::exportSelected(const QString& kind) {
    const QStringList runs = selectedRuns();
    if (runs.size() != 1) return;
    const QString out = QFileDialog::getExistingDirectory(
        this, kind == QLatin1String("merged") ? tr("Folder for the Merged Model (empty)") : tr("Folder for the Adapter (empty)"));
    if (!out.isEmpty()) exportRun(runs.first(), kind, out);
}

void RunsView::exportSelectedGguf(const QString& type) {
    const QStringList runs = selectedRuns();
    if (runs.size() != 1) return;
    const bool adapter = type == QLatin1String("adapter");
    const QString suggested =
        QDir(runs.first())
            .filePath(QStringLiteral("export/%1-%2.gguf").arg(QDir(runs.first()).dirName(), adapter ? QStringLiteral("lora") : type));
    QDir().mkpath(QFileInfo(suggested).absolutePath());
    // The dialog asks before replacing a file; the export then replaces it only once the new one is complete.
    const QString out = QFileDialog::getSaveFileName(this, adapter ? tr("Save the Adapter as GGUF") : tr("Save the Model as GGUF"),
                                                     suggested, tr("GGUF models (*.gguf)"));
    if (out.isEmpty()) return;
    if (adapter) exportRun(runs.first(), QStringLiteral("gguf-adapter"), out, QStringLiteral("f32"));
    else exportRun(runs.first(), QStringLiteral("gguf"), out, type);
}

void RunsView::exportRun(const QString& runDir, const QString& kind, const QString& outDir, const QString& dtype) {
    Q_EMIT logLine(tr("Exporting %1 of %2 to %3…").arg(kind, runDir, outDir));
    struct Outcome {
        bool ok = false;
        QString message;
    };
    runInBackground<Outcome>(
        this,
        [runDir, kind, outDir, dtype] {
            Outcome o;
            try {
                ExportOptions options;
                options.kind = exportKindFromName(str(kind));
                (isGguf(options.kind) ? options.type : options.dtype) = str(dtype);
                options.overwrite = true; // the save dialog asked before replacing a file
                const ExportResult r = exportAs(exportSourceOfRun(str(runDir), "final"), str(outDir), options);
                o.ok = true;
                if (isGguf(options.kind)) {
                    o.message = QObject::tr("Exported GGUF (%1, %2) to %3")
                                    .arg(qstr(options.ggufType()).toUpper(), QLocale().formattedDataSize(qint64(r.gguf.bytes)), outDir);
                    for (const auto& w : r.gguf.warnings) o.message += QStringLiteral("\n") + QObject::tr("Note: %1").arg(qstr(w));
                } else {
                    o.message = QObject::tr("Exported %1 to %2").arg(kind, outDir);
                }
            } catch (const std::exception& e) {
                o.message = QObject::tr("Export failed: %1").arg(qstr(e.what()));
            }
            return o;
        },
        [this](const Outcome& o) {
            Q_EMIT logLine(o.message);
            Q_EMIT exportFinished(o.ok, o.message);
        });
}

} // namespace ft::ui
