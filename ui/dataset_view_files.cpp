// DatasetView: its file operations (import from the dialog or of files dropped on the window, export of the
// current dataset or split), apart from the table and editing in dataset_view.cpp.
#include "dataset_view.h"

#include "background.h"
#include "data/dataset_store.h"
#include "data/exporter.h"
#include "dropped_files.h"
#include "import_panel.h"
#include "qt_std.h"
#include "workspace.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QProgressBar>
#include <QTabWidget>

namespace ft::ui {

void DatasetView::chooseImportFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import Examples"), QString(),
                                                            tr("Datasets (%1);;All files (*)").arg(datasetFilePatterns()));
    if (!paths.isEmpty()) importFiles(paths);
}

void DatasetView::importFiles(const QStringList& paths) {
    if (paths.isEmpty() || m_busy || !m_workspace->isOpen()) return;
    if (!saveCurrentEdit()) return;
    QString dataset = m_datasets->currentText();
    if (dataset.isEmpty()) dataset = QFileInfo(paths.first()).completeBaseName();
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { s.ensureDataset(str(dataset)); }, &error)) return showError(tr("Cannot import"), error);
    reloadDatasets();
    setCurrentDataset(dataset);

    setBusy(true);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_tabs->setCurrentWidget(m_import);
    m_import->start(dataset, paths);
}

void DatasetView::chooseExportFile() {
    const int64_t dataset = datasetId();
    if (!dataset || !saveCurrentEdit()) return;
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Dataset"), m_datasets->currentText() + QStringLiteral(".jsonl"),
                                                      tr("Messages JSONL (*.jsonl);;Alpaca JSON (*.json)"), &selectedFilter);
    if (path.isEmpty()) return;
    const ExportFormat format = path.endsWith(QStringLiteral(".json")) ? ExportFormat::Alpaca : ExportFormat::Messages;
    std::optional<Split> split;
    if (const QString s = m_splitFilter->currentData().toString(); !s.isEmpty()) split = splitFromName(str(s));
    const std::string workspaceDir = str(m_workspace->dir());
    runInBackground<QString>(
        this,
        [workspaceDir, dataset, split, format, path] {
            try {
                DatasetStore store(workspaceDir);
                int64_t skipped = 0;
                const int64_t n = exportDataset(store, dataset, split, format, str(path), &skipped);
                QString text = QObject::tr("Exported %1 example(s) to %2").arg(n).arg(path);
                if (skipped) text += QObject::tr(" (%1 multi-turn example(s) left out: Alpaca holds one turn)").arg(skipped);
                return text;
            } catch (const std::exception& e) {
                return QObject::tr("Export failed: %1").arg(QString::fromStdString(e.what()));
            }
        },
        [this](const QString& text) { Q_EMIT logLine(text); });
}

} // namespace ft::ui
