// EvaluationView: held-out evaluation of a run on a worker, and its report (see evaluation_view.h).
#include "evaluation_view.h"
#include "qt_std.h"
#include "tone.h"

#include "background.h"
#include "eval/evaluator.h"
#include "eval/report_html.h"
#include "io/json_file.h"
#include "train/run_folder.h"
#include "util/run_control.h"
#include "workspace.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPageLayout>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace ft::ui {

using json = nlohmann::json;

namespace {

QString systemLabel(const std::string& s) {
    return s == "few_shot" ? QObject::tr("few-shot") : s == "tuned" ? QObject::tr("tuned") : QObject::tr("base");
}

QColor systemColor(const std::string& s) {
    return s == "tuned" ? QColor(44, 160, 44) : s == "few_shot" ? QColor(255, 127, 14) : QColor(31, 119, 180);
}

} // namespace

EvaluationView::EvaluationView(Workspace* workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace) {
    m_run = new QComboBox(this);
    m_run->setMinimumContentsLength(24);
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon); // a long run name is elided, not widening the view
    m_split = new QComboBox(this);
    m_split->addItem(tr("validation"), QStringLiteral("validation"));
    m_split->addItem(tr("test"), QStringLiteral("test"));
    m_adapter = new QComboBox(this);
    m_adapter->addItem(tr("final weights"), QStringLiteral("final"));
    m_adapter->addItem(tr("best weights (lowest validation loss)"), QStringLiteral("best"));
    m_fewShot = new QSpinBox(this);
    m_fewShot->setRange(0, 64);
    m_fewShot->setValue(3);
    m_fewShot->setToolTip(tr("The base model with this many training examples in the prompt (0: no few-shot baseline)"));
    m_limit = new QSpinBox(this);
    m_limit->setRange(0, 1000000);
    m_limit->setSpecialValueText(tr("all"));
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(1, 8192);
    m_maxTokens->setValue(256);
    m_evaluate = new QPushButton(tr("Evaluate"), this);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setEnabled(false);
    m_openHtml = new QPushButton(tr("Open HTML Report"), this);
    m_pdf = new QPushButton(tr("Print to PDF…"), this);
    m_openHtml->setEnabled(false);
    m_pdf->setEnabled(false);
    connect(m_evaluate, &QPushButton::clicked, this, &EvaluationView::evaluate);
    connect(m_stop, &QPushButton::clicked, this, &EvaluationView::stop);
    connect(m_openHtml, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_reportPath).dir().filePath(QStringLiteral("report.html"))));
    });
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Print Report to PDF"), QStringLiteral("evaluation.pdf"), tr("PDF (*.pdf)"));
        if (!path.isEmpty() && printToPdf(path)) Q_EMIT logLine(tr("Printed the report to %1").arg(path));
    });
    auto reload = [this] {
        if (!isRunning() && QFileInfo::exists(reportPath())) loadReport(reportPath());
    };
    connect(m_run, &QComboBox::currentIndexChanged, this, reload);
    connect(m_split, &QComboBox::currentIndexChanged, this, reload);

    // Two rows: what is scored (and the buttons that score it), then how, with the report's exports.
    auto* what = new QHBoxLayout;
    auto* how = new QHBoxLayout;
    auto add = [this](QHBoxLayout* row, const QString& label, QWidget* w) {
        if (!label.isEmpty()) row->addWidget(new QLabel(label, this));
        row->addWidget(w);
    };
    add(what, tr("Run"), m_run);
    add(what, tr("Split"), m_split);
    add(what, QString(), m_adapter);
    what->addWidget(m_evaluate);
    what->addWidget(m_stop);
    what->addStretch(1);
    add(how, tr("Few-shot"), m_fewShot);
    add(how, tr("Examples"), m_limit);
    add(how, tr("Max tokens"), m_maxTokens);
    how->addStretch(1);
    how->addWidget(m_openHtml);
    how->addWidget(m_pdf);
    auto* controls = new QVBoxLayout;
    controls->addLayout(what);
    controls->addLayout(how);

    m_progress = new QProgressBar(this);
    m_progress->hide();
    m_phase = new QLabel(this);
    m_summary = new QLabel(tr("Choose a run and evaluate it on its held-out split."), this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_chart = new QCustomPlot(this);
    m_chart->setMinimumHeight(180);
    m_metrics = new QTableWidget(this);
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_examples = new QTableWidget(this);
    m_examples->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_examples->setWordWrap(true);
    m_examples->horizontalHeader()->setStretchLastSection(true);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_chart);
    top->addWidget(m_metrics);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_examples);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    auto* status = new QHBoxLayout;
    status->addWidget(m_phase);
    status->addWidget(m_progress, 1);
    layout->addLayout(status);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(m_workspace, &Workspace::opened, this, &EvaluationView::refreshRuns);
    refreshRuns();
}

EvaluationView::~EvaluationView() {
    stop();
}

void EvaluationView::refreshRuns() {
    const QString current = currentRun();
    QSignalBlocker block(m_run);
    m_run->clear();
    if (!m_workspace->runsDir().isEmpty())
        for (const std::string& dir : listRunFolders(m_workspace->runsDir().toStdString()))
            if (summarizeRun(dir).hasResult) m_run->addItem(QFileInfo(qstr(dir)).fileName(), qstr(dir));
    const int index = m_run->findData(current);
    if (index >= 0) m_run->setCurrentIndex(index);
}

bool EvaluationView::selectRun(const QString& runDir) {
    const QString dir = QDir(runDir).absolutePath();
    int index = m_run->findData(dir);
    if (index < 0) {
        if (!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("run.json")))) return false;
        m_run->addItem(QDir(dir).dirName(), dir);
        index = m_run->count() - 1;
    }
    m_run->setCurrentIndex(index);
    if (QFileInfo::exists(reportPath())) loadReport(reportPath());
    return true;
}

void EvaluationView::setSplit(const QString& split) {
    m_split->setCurrentIndex(std::max(0, m_split->findData(split)));
}

void EvaluationView::setOptions(int fewShot, int limit, int maxNewTokens) {
    m_fewShot->setValue(fewShot);
    m_limit->setValue(limit);
    m_maxTokens->setValue(maxNewTokens);
}

QString EvaluationView::currentRun() const {
    return m_run->currentData().toString();
}

QString EvaluationView::reportPath() const {
    if (currentRun().isEmpty()) return {};
    return qstr(evalReportDir(currentRun().toStdString(), m_split->currentData().toString().toStdString())) +
           QStringLiteral("/report.json");
}

void EvaluationView::evaluate() {
    if (isRunning() || currentRun().isEmpty()) return;
    EvalOptions o;
    o.runDir = currentRun().toStdString();
    o.split = m_split->currentData().toString().toStdString();
    o.adapter = m_adapter->currentData().toString().toStdString();
    o.fewShot = m_fewShot->value();
    o.limit = m_limit->value();
    o.maxNewTokens = m_maxTokens->value();
    m_control = std::make_shared<RunControl>();
    m_evaluate->setEnabled(false);
    m_stop->setEnabled(true);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_phase->setText(tr("Loading…"));
    Q_EMIT evaluationStarted();

    const PostToOwner post(this);
    struct Outcome {
        bool ok = false;
        QString message, path;
    };
    auto control = m_control;
    runInBackground<Outcome>(
        this,
        [this, o, control, post] {
            Outcome out;
            try {
                const EvalResult r = evaluateRun(
                    o,
                    [this, post](const std::string& phase, int64_t done, int64_t total) {
                        post([this, p = qstr(phase), done, total] { // runs only while the view lives
                            m_phase->setText(p);
                            m_progress->setRange(0, int(total));
                            m_progress->setValue(int(done));
                            Q_EMIT progressChanged(int(done), int(total));
                        });
                    },
                    control.get());
                out.ok = true;
                out.path = qstr(r.jsonPath);
                out.message = QObject::tr("Evaluation written to %1").arg(out.path);
            } catch (const std::exception& e) {
                out.message = QObject::tr("Evaluation failed: %1").arg(qstr(e.what()));
            }
            return out;
        },
        [this](const Outcome& out) {
            m_control.reset();
            m_evaluate->setEnabled(true);
            m_stop->setEnabled(false);
            m_progress->hide();
            m_phase->clear();
            if (out.ok) loadReport(out.path);
            else m_summary->setText(widgets::toneHtml(widgets::Tone::Failed, out.message.toHtmlEscaped(), palette()));
            Q_EMIT logLine(out.message);
            Q_EMIT evaluationFinished(out.ok, out.message);
        });
}

QString EvaluationView::currentRunName() const {
    return currentRun().isEmpty() ? QString() : QDir(currentRun()).dirName();
}

void EvaluationView::stop() {
    if (m_control) m_control->stop();
}

bool EvaluationView::loadReport(const QString& path) {
    try {
        m_report = readJsonFile(path.toStdString());
        m_reportPath = path;
    } catch (const std::exception& e) {
        m_summary->setText(tr("Cannot read %1: %2").arg(path, qstr(e.what())));
        return false;
    }
    showReport();
    return true;
}

QString EvaluationView::summaryText() const {
    return m_summary->text();
}

void EvaluationView::showReport() {
    const json& r = m_report;
    const std::vector<std::string> systems = r.value("systems", std::vector<std::string>{});
    const std::string headline = r.value("headline_metric", "");
    QStringList lines;
    lines << tr("<b>%1</b> examples of the %2 split; headline metric <b>%3</b>.")
                 .arg(r.value("examples", 0))
                 .arg(qstr(r.value("split", "")), qstr(headline));
    if (r.contains("likelihood"))
        lines << tr("Loss on the reference replies: base %1 (perplexity %2), tuned %3 (perplexity %4).")
                     .arg(r["likelihood"]["base"]["loss"].get<double>(), 0, 'f', 4)
                     .arg(r["likelihood"]["base"]["ppl"].get<double>(), 0, 'f', 2)
                     .arg(r["likelihood"]["tuned"]["loss"].get<double>(), 0, 'f', 4)
                     .arg(r["likelihood"]["tuned"]["ppl"].get<double>(), 0, 'f', 2);
    for (auto it = r["differences"].begin(); it != r["differences"].end(); ++it)
        lines << tr("%1: %2 [%3, %4], %5")
                     .arg(qstr(it.key()))
                     .arg(it.value()["mean"].get<double>(), 0, 'f', 3)
                     .arg(it.value()["low"].get<double>(), 0, 'f', 3)
                     .arg(it.value()["high"].get<double>(), 0, 'f', 3)
                     .arg(it.value().value("significant", false) ? tr("a real difference") : tr("within noise"));
    lines << tr("%n regression(s) (tuned below base), listed first.", nullptr, r.value("regressions", 0));
    m_summary->setText(lines.join(QStringLiteral("<br>")));

    // Headline chart: one bar per system with its interval.
    m_chart->clearPlottables();
    QVector<double> ticks;
    QVector<QString> names;
    int x = 1;
    for (const auto& s : systems) {
        const json& m = r["metrics"][s][headline];
        auto* bar = new QCPBars(m_chart->xAxis, m_chart->yAxis);
        bar->setBrush(systemColor(s));
        bar->setPen(Qt::NoPen);
        bar->addData(x, m["mean"].get<double>());
        auto* err = new QCPErrorBars(m_chart->xAxis, m_chart->yAxis);
        err->setDataPlottable(bar);
        err->setData(QVector<double>{m["mean"].get<double>() - m["low"].get<double>()},
                     QVector<double>{m["high"].get<double>() - m["mean"].get<double>()});
        ticks << x++;
        names << systemLabel(s);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(ticks, names);
    m_chart->xAxis->setTicker(ticker);
    m_chart->xAxis->setRange(0.3, x - 0.3);
    m_chart->yAxis->setRange(0, 1.05);
    m_chart->yAxis->setLabel(qstr(headline));
    m_chart->replot();

    // Every metric, systems as columns.
    m_metrics->clear();
    m_metrics->setColumnCount(int(systems.size()));
    QStringList headers;
    for (const auto& s : systems) headers << systemLabel(s);
    m_metrics->setHorizontalHeaderLabels(headers);
    QStringList metricNames;
    if (!systems.empty())
        for (auto it = r["metrics"][systems[0]].begin(); it != r["metrics"][systems[0]].end(); ++it) metricNames << qstr(it.key());
    m_metrics->setRowCount(int(metricNames.size()));
    m_metrics->setVerticalHeaderLabels(metricNames);
    for (int row = 0; row < metricNames.size(); ++row)
        for (int col = 0; col < int(systems.size()); ++col) {
            const json& m = r["metrics"][systems[size_t(col)]][metricNames[row].toStdString()];
            m_metrics->setItem(row, col,
                               new QTableWidgetItem(QStringLiteral("%1  [%2, %3]")
                                                        .arg(m["mean"].get<double>(), 0, 'f', 3)
                                                        .arg(m["low"].get<double>(), 0, 'f', 3)
                                                        .arg(m["high"].get<double>(), 0, 'f', 3)));
        }
    m_metrics->resizeColumnsToContents();

    // Examples, regressions first (the report's order).
    QStringList columns{tr("#"), tr("Prompt"), tr("Reference")};
    for (const auto& s : systems) columns << systemLabel(s);
    columns << tr("Winner");
    m_examples->clear();
    m_examples->setColumnCount(int(columns.size()));
    m_examples->setHorizontalHeaderLabels(columns);
    m_examples->setRowCount(int(r["per_example"].size()));
    int row = 0;
    for (const json& e : r["per_example"]) {
        QStringList cells{QString::number(e["id"].get<int64_t>()), qstr(e.value("prompt", "")), qstr(e.value("reference", ""))};
        for (const auto& s : systems) cells << qstr(e[s].value("reply", ""));
        cells << systemLabel(e.value("winner", ""));
        if (e.value("winner", "") == "tie") cells.back() = tr("tie");
        for (int c = 0; c < cells.size(); ++c) {
            // Shown trimmed, blank runs collapsed (a rambling base model's tabs and newlines would
            // make rows screen-high); the tooltip keeps the exact text.
            QString shown = cells[c].trimmed();
            shown.replace(QRegularExpression(QStringLiteral("\\n[\\s]*\\n")), QStringLiteral("\n"));
            auto* item = new QTableWidgetItem(shown);
            item->setToolTip(cells[c]);
            if (e.value("regression", false)) item->setBackground(QColor(253, 232, 230));
            m_examples->setItem(row, c, item);
        }
        ++row;
    }
    // Texts share the width; the id and the winner take what they need.
    for (int c = 0; c < m_examples->columnCount(); ++c)
        m_examples->horizontalHeader()->setSectionResizeMode(
            c, c == 0 || c == m_examples->columnCount() - 1 ? QHeaderView::ResizeToContents : QHeaderView::Stretch);
    m_examples->resizeRowsToContents();
    const int maxRowHeight = m_examples->fontMetrics().lineSpacing() * 8 + 8;
    for (int r = 0; r < m_examples->rowCount(); ++r)
        if (m_examples->rowHeight(r) > maxRowHeight) m_examples->setRowHeight(r, maxRowHeight);
    m_openHtml->setEnabled(true);
    m_pdf->setEnabled(true);
}

bool EvaluationView::printToPdf(const QString& path) {
    if (m_report.is_null()) return false;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageOrientation(QPageLayout::Landscape);
    // The HTML report, with the chart drawn by the plot (QTextDocument does not render inline SVG).
    QTextDocument doc;
    doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart.png")), m_chart->toPixmap(640, 320).toImage());
    doc.setHtml(QStringLiteral("<img src='chart.png'>") + qstr(eval::reportHtml(m_report)));
    doc.print(&printer);
    return QFileInfo(path).size() > 0;
}

} // namespace ft::ui
