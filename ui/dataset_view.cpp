// DatasetView: the dataset choice, filters and table, and the panels around them (see dataset_view.h).
#include "dataset_view.h"

#include "bulk_edits.h"
#include "example_editor_panel.h"
#include "import_panel.h"
#include "qt_std.h"

#include "background.h"
#include "data/dataset_store.h"
#include "data/exporter.h"
#include "dataset_table_model.h"
#include "duplicates_panel.h"
#include "token_lengths_panel.h"
#include "histogram_chart.h"
#include "message_editor.h"
#include "workspace.h"

#include <QAction>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ft::ui {

DatasetView::DatasetView(Workspace* workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_model(new DatasetTableModel(workspace, this)) {
    // Bulk edits of the selection (the editor's pending edit saved first).
    m_bulk = new BulkEdits(m_workspace,
                           {[this] { return datasetId(); }, [this] { return selectedIds(); }, [this] { return saveCurrentEdit(); }}, this);
    connect(m_bulk, &BulkEdits::datasetCreated, this, [this](const QString& name) {
        reloadDatasets();
        setCurrentDataset(name);
    });
    connect(m_bulk, &BulkEdits::exampleToShow, this, [this](qlonglong id) {
        m_editor->load(id);
        if (id) m_editor->editor()->setFocus();
    });
    connect(m_bulk, &BulkEdits::failed, this, &DatasetView::showError);
    connect(m_bulk, &BulkEdits::logLine, this, &DatasetView::logLine);

    // Dataset choice and file operations.
    m_datasets = new QComboBox(this);
    m_datasets->setMinimumContentsLength(16);
    m_datasets->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* newButton = new QPushButton(tr("New…"), this);
    auto* importButton = new QPushButton(tr("Import…"), this);
    importButton->setObjectName(QStringLiteral("importButton"));
    auto* exportButton = new QPushButton(tr("Export…"), this);
    auto* splitsButton = new QPushButton(tr("Assign Splits…"), this);
    connect(newButton, &QPushButton::clicked, this, &DatasetView::newDataset);
    connect(importButton, &QPushButton::clicked, this, &DatasetView::chooseImportFiles);
    connect(exportButton, &QPushButton::clicked, this, &DatasetView::chooseExportFile);
    connect(splitsButton, &QPushButton::clicked, m_bulk, &BulkEdits::assignSplits);
    connect(m_datasets, &QComboBox::currentTextChanged, this, [this] {
        saveCurrentEdit();
        m_editor->load(0);
        applyFilter();
        Q_EMIT currentDatasetChanged(m_datasets->currentText());
    });

    // Search and filters.
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search text (every word must appear)"));
    m_search->setClearButtonEnabled(true);
    m_splitFilter = new QComboBox(this);
    m_splitFilter->addItem(tr("All splits"), QString());
    for (Split s : {Split::Train, Split::Validation, Split::Test, Split::Unassigned})
        m_splitFilter->addItem(QString::fromLatin1(splitName(s)), QString::fromLatin1(splitName(s)));
    m_statusFilter = new QComboBox(this);
    m_statusFilter->addItem(tr("Any status"), QString());
    m_statusFilter->addItem(tr("Valid"), QStringLiteral("valid"));
    m_statusFilter->addItem(tr("With problems"), QStringLiteral("invalid"));
    m_tagFilter = new QLineEdit(this);
    m_tagFilter->setPlaceholderText(tr("Tag"));
    m_tagFilter->setMaximumWidth(120);
    m_count = new QLabel(this);
    auto* searchDelay = new QTimer(this); // search as the user types, without a query per key
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(m_tagFilter, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &DatasetView::applyFilter);
    connect(m_splitFilter, &QComboBox::currentIndexChanged, this, &DatasetView::applyFilter);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &DatasetView::applyFilter);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Dataset:"), this));
    top->addWidget(m_datasets);
    for (QWidget* w : {static_cast<QWidget*>(newButton), static_cast<QWidget*>(importButton), static_cast<QWidget*>(exportButton),
                       static_cast<QWidget*>(splitsButton)})
        top->addWidget(w);
    top->addStretch(1);
    top->addWidget(m_count);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_splitFilter);
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_tagFilter);

    // The table: fixed row heights keep a million rows smooth (no per-row measuring).
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(DatasetTableModel::Id, 70);
    m_table->setColumnWidth(DatasetTableModel::Prompt, 280);
    m_table->setColumnWidth(DatasetTableModel::Reply, 280);
    m_table->setColumnWidth(DatasetTableModel::SplitColumn, 90);
    m_table->setColumnWidth(DatasetTableModel::Tokens, 70);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_count->setText(tr("%n example(s)", nullptr, m_model->rowCount()));
        // Keep the example being edited selected when it is still listed.
        const int row = m_editor->currentId() ? m_model->rowOfId(m_editor->currentId()) : -1;
        if (row >= 0) {
            QSignalBlocker block(m_table->selectionModel());
            m_table->selectRow(row);
        }
    });

    // The editor of the selected example.
    m_editor = new ExampleEditorPanel(m_workspace, this);
    connect(m_editor, &ExampleEditorPanel::failed, this, &DatasetView::showError);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (!current.isValid()) return;
        const int64_t id = m_model->exampleId(current.row());
        if (id == m_editor->currentId()) return;
        saveCurrentEdit();
        m_editor->load(id);
    });

    // Bottom: import report, token lengths, duplicates.
    m_tabs = new QTabWidget(this);
    m_tabs->setMinimumHeight(200);
    m_import = new ImportPanel(m_workspace, this);
    connect(m_import, &ImportPanel::progress, this, [this](int permille) { m_progress->setValue(permille); });
    connect(m_import, &ImportPanel::logLine, this, &DatasetView::logLine);
    connect(m_import, &ImportPanel::finished, this, [this](int imported, int skipped) {
        setBusy(false);
        Q_EMIT importFinished(imported, skipped);
    });
    m_tabs->addTab(m_import, tr("Import Report"));

    m_lengths = new TokenLengthsPanel(
        m_workspace, [this] { return datasetId(); }, [this] { return !m_busy; }, this);
    connect(m_lengths, &TokenLengthsPanel::busyChanged, this, &DatasetView::setBusy);
    connect(m_lengths, &TokenLengthsPanel::counted, this, [this](int counted, const QString& key) {
        m_model->setTokenCountKey(str(key));
        m_tabs->setCurrentWidget(m_lengths);
        Q_EMIT tokenCountsReady(counted);
    });
    connect(m_lengths, &TokenLengthsPanel::failed, this, &DatasetView::showError);
    m_tabs->addTab(m_lengths, tr("Token Lengths"));

    m_duplicates = new DuplicatesPanel(
        m_workspace, [this] { return datasetId(); }, [this] { return !m_busy; }, [this] { return saveCurrentEdit(); }, this);
    connect(m_duplicates, &DuplicatesPanel::exampleActivated, this, [this](qlonglong id) {
        if (saveCurrentEdit()) m_editor->load(id);
    });
    connect(m_duplicates, &DuplicatesPanel::busyChanged, this, &DatasetView::setBusy);
    connect(m_duplicates, &DuplicatesPanel::found, this, [this](int groups) {
        m_tabs->setCurrentWidget(m_duplicates);
        Q_EMIT duplicatesReady(groups);
    });
    connect(m_duplicates, &DuplicatesPanel::failed, this, &DatasetView::showError);
    connect(m_duplicates, &DuplicatesPanel::logLine, this, &DatasetView::logLine);
    m_tabs->addTab(m_duplicates, tr("Duplicates"));

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->hide();

    auto* upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(m_table);
    upper->addWidget(m_editor);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 2);
    auto* whole = new QSplitter(Qt::Vertical, this);
    whole->addWidget(upper);
    whole->addWidget(m_tabs);
    whole->setStretchFactor(0, 3);
    whole->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(whole, 1);
    layout->addWidget(m_progress);

    createActions();
    connect(m_workspace, &Workspace::changed, this, &DatasetView::onStoreChanged);
    connect(m_workspace, &Workspace::opened, this, [this] {
        m_editor->load(0);
        reloadDatasets();
    });
    reloadDatasets();
}

void DatasetView::createActions() {
    struct Spec {
        QString text;
        QKeySequence keys;
        void (BulkEdits::*slot)();
    };
    const Spec specs[] = {
        {tr("Add Example"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &BulkEdits::addExample},
        {tr("Duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), &BulkEdits::duplicateSelected},
        {tr("Delete"), QKeySequence::Delete, &BulkEdits::deleteSelected},
        {tr("Tag…"), QKeySequence(Qt::CTRL | Qt::Key_T), &BulkEdits::tagSelected},
    };
    // Adding works anywhere in the view; the others act on the table's selection, so their keys
    // (Delete above all) belong to the table and never reach them from the editor.
    for (const Spec& s : specs) {
        auto* a = new QAction(s.text, this);
        a->setShortcut(s.keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, m_bulk, s.slot);
        m_table->addAction(a);
        if (s.slot == &BulkEdits::addExample) addAction(a);
    }
    auto* splitMenu = new QMenu(tr("Set Split"), this);
    int key = 0;
    for (Split s : {Split::Train, Split::Validation, Split::Test, Split::Unassigned}) {
        QAction* a = splitMenu->addAction(QString::fromLatin1(splitName(s)), this, [this, s] { m_bulk->setSplitOfSelected(int(s)); });
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + key++)));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a); // the shortcut; the table's context menu shows them in the submenu
    }
    m_table->addAction(splitMenu->menuAction());
    auto* find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
}

int64_t DatasetView::datasetId() const {
    DatasetStore* store = m_workspace->store();
    if (!store || m_datasets->currentText().isEmpty()) return 0;
    try {
        return store->datasetId(str(m_datasets->currentText()));
    } catch (const std::exception&) {
        return 0;
    }
}

QString DatasetView::currentDataset() const {
    return m_datasets->currentText();
}

bool DatasetView::setCurrentDataset(const QString& name) {
    const int index = m_datasets->findText(name);
    if (index < 0) return false;
    m_datasets->setCurrentIndex(index);
    return true;
}

void DatasetView::reloadDatasets() {
    const QString current = m_datasets->currentText();
    QSignalBlocker block(m_datasets);
    m_datasets->clear();
    if (DatasetStore* store = m_workspace->store())
        for (const auto& name : store->datasetNames()) m_datasets->addItem(qstr(name));
    const int index = m_datasets->findText(current);
    m_datasets->setCurrentIndex(index >= 0 ? index : 0);
    applyFilter();
}

void DatasetView::applyFilter() {
    ExampleFilter f;
    const QString split = m_splitFilter->currentData().toString();
    if (!split.isEmpty()) f.split = splitFromName(str(split));
    f.status = str(m_statusFilter->currentData().toString());
    f.tag = str(m_tagFilter->text().trimmed());
    f.search = str(m_search->text().trimmed());
    m_model->setQuery(datasetId(), f);
}

void DatasetView::onStoreChanged() {
    if (m_datasets->count() != int(m_workspace->store() ? m_workspace->store()->datasetNames().size() : 0)) reloadDatasets();
    m_model->refresh();
    m_editor->reloadIfUnchanged(); // it may have been changed by undo/redo, or deleted
}

bool DatasetView::saveCurrentEdit() {
    return m_editor->save();
}

int64_t DatasetView::currentExampleId() const {
    return m_editor->currentId();
}

widgets::MessageEditor* DatasetView::editor() const {
    return m_editor->editor();
}

std::vector<int64_t> DatasetView::selectedIds() const {
    std::vector<int64_t> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        if (const int64_t id = m_model->exampleId(index.row())) ids.push_back(id);
    if (ids.empty() && m_editor->currentId()) ids.push_back(m_editor->currentId());
    return ids;
}

void DatasetView::selectRow(int row) {
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
}

void DatasetView::showError(const QString& what, const QString& error) {
    Q_EMIT logLine(what + QStringLiteral(": ") + error);
    Q_EMIT errorOccurred(what + QStringLiteral(": ") + error);
    if (isVisible()) QMessageBox::warning(this, what, error);
}

void DatasetView::newDataset() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Dataset"), tr("Name:"), QLineEdit::Normal, QString(), &ok).trimmed();
    if (!ok || name.isEmpty()) return;
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { s.createDataset(str(name)); }, &error))
        return showError(tr("Cannot create dataset %1").arg(name), error);
    reloadDatasets();
    setCurrentDataset(name);
}

QString DatasetView::importReportText() const {
    return m_import->reportText();
}

QString DatasetView::countText() const {
    return m_count->text();
}

void DatasetView::setTokenizerModel(const QString& modelDir) {
    m_lengths->setTokenizerModel(modelDir);
}

void DatasetView::countTokens() {
    m_lengths->count();
}

widgets::HistogramChart* DatasetView::histogram() const {
    return m_lengths->histogram();
}

void DatasetView::setBusy(bool busy) { // one worker at a time: an import, a count or a search
    m_busy = busy;
    m_progress->setRange(0, 0);
    m_progress->setVisible(busy);
}

QTreeWidget* DatasetView::duplicateGroups() const {
    return m_duplicates->groups();
}

void DatasetView::findDuplicates() {
    m_duplicates->find();
}

void DatasetView::removeDuplicates() {
    m_duplicates->removeChecked();
}

} // namespace ft::ui
