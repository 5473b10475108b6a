// ImportPanel: files into a dataset on a worker, and the report of what happened (see import_panel.h).
#include "import_panel.h"

#include "background.h"
#include "data/dataset_store.h"
#include "data/importer.h"
#include "qt_std.h"
#include "workspace.h"

#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace ft::ui {

namespace {

struct ImportOutcome {
    QString error, summary;
    int imported = 0, skipped = 0;
};

} // namespace

ImportPanel::ImportPanel(Workspace* workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace) {
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("importReport"));
    m_report->setReadOnly(true);
    m_report->setPlaceholderText(
        tr("Import files with Import… or drop them here. Formats: messages/ShareGPT/Alpaca/"
           "prompt-completion JSONL or JSON, CSV, TSV, plain text."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_report);
}

QString ImportPanel::reportText() const {
    return m_report->toPlainText();
}

void ImportPanel::start(const QString& dataset, const QStringList& paths) {
    m_report->setPlainText(tr("Importing %1…").arg(paths.join(QStringLiteral(", "))));
    const std::string workspaceDir = str(m_workspace->dir());
    const std::string datasetName = str(dataset);
    const PostToOwner post(this);
    runInBackground<ImportOutcome>(
        this,
        [this, workspaceDir, datasetName, paths, post] {
            ImportOutcome out;
            QStringList lines;
            try {
                DatasetStore store(workspaceDir);
                const int64_t id = store.datasetId(datasetName);
                for (const QString& path : paths) {
                    ImportOptions options;
                    options.progress = [this, post](uint64_t done, uint64_t total) {
                        const int value = total ? int(1000 * done / total) : 0;
                        post([this, value] { Q_EMIT progress(value); });
                    };
                    const ImportReport r = importFile(store, id, str(path), options);
                    out.imported += int(r.imported);
                    out.skipped += int(r.skipped);
                    lines << QObject::tr("%1: format %2, %3 imported, %4 skipped, %5 duplicate(s) left out")
                                 .arg(path, QString::fromLatin1(importFormatName(r.format)))
                                 .arg(r.imported)
                                 .arg(r.skipped)
                                 .arg(r.duplicates);
                    for (const auto& e : r.errors) lines << QObject::tr("  line %1: %2").arg(e.line).arg(qstr(e.reason));
                }
            } catch (const std::exception& e) {
                out.error = qstr(e.what());
            }
            out.summary = lines.join(QLatin1Char('\n'));
            return out;
        },
        [this](const ImportOutcome& out) {
            QString text = out.summary;
            if (!out.error.isEmpty()) text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Error: %1").arg(out.error);
            m_report->setPlainText(text);
            Q_EMIT logLine(text);
            m_workspace->notifyExternalChange();
            Q_EMIT finished(out.imported, out.skipped);
        });
}

} // namespace ft::ui
