#include "dataset_view.h"
#include "qt_std.h"

#include "background.h"
#include "chat/chat_template.h"
#include "data/curation.h"
#include "data/dataset_store.h"
#include "data/exporter.h"
#include "data/importer.h"
#include "dataset_table_model.h"
#include "duplicates_panel.h"
#include "token_lengths_panel.h"
#include "histogram_chart.h"
#include "message_editor.h"
#include "tokenizer/tokenizer.h"
#include "train/training_data.h"
#include "workspace.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ft::ui {

namespace {

std::vector<std::string> parseTags(const QString& text) {
    std::vector<std::string> tags;
    for (const QString& t : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty()) tags.push_back(str(t.trimmed()));
    return tags;
}

struct ImportOutcome {
    QString error, summary;
    int imported = 0, skipped = 0;
};



} // namespace

DatasetView::DatasetView(Workspace* workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_model(new DatasetTableModel(workspace, this)) {
    setAcceptDrops(true);

    // Dataset choice and file operations.
    m_datasets = new QComboBox(this);
    m_datasets->setMinimumContentsLength(16);
    auto* newButton = new QPushButton(tr("New…"), this);
    auto* importButton = new QPushButton(tr("Import…"), this);
    importButton->setObjectName(QStringLiteral("importButton"));
    auto* exportButton = new QPushButton(tr("Export…"), this);
    auto* splitsButton = new QPushButton(tr("Assign Splits…"), this);
    connect(newButton, &QPushButton::clicked, this, &DatasetView::newDataset);
    connect(importButton, &QPushButton::clicked, this, &DatasetView::chooseImportFiles);
    connect(exportButton, &QPushButton::clicked, this, &DatasetView::chooseExportFile);
    connect(splitsButton, &QPushButton::clicked, this, &DatasetView::assignSplits);
    connect(m_datasets, &QComboBox::currentTextChanged, this, [this] {
        saveCurrentEdit();
        loadExample(0);
        applyFilter();
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
    auto* searchDelay = new QTimer(this);   // search as the user types, without a query per key
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
    for (QWidget* w : {static_cast<QWidget*>(newButton), static_cast<QWidget*>(importButton),
                       static_cast<QWidget*>(exportButton), static_cast<QWidget*>(splitsButton)})
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
        const int row = m_currentId ? m_model->rowOfId(m_currentId) : -1;
        if (row >= 0) {
            QSignalBlocker block(m_table->selectionModel());
            m_table->selectRow(row);
        }
    });

    // The editor of the selected example.
    m_exampleTitle = new QLabel(tr("No example selected"), this);
    m_editor = new widgets::MessageEditor(this);
    m_split = new QComboBox(this);
    for (Split s : {Split::Train, Split::Validation, Split::Test, Split::Unassigned})
        m_split->addItem(QString::fromLatin1(splitName(s)), int(s));
    m_tags = new QLineEdit(this);
    m_tags->setPlaceholderText(tr("comma-separated"));
    m_note = new QLineEdit(this);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the edit (%1). Moving to another example also saves it.")
                           .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_revert = new QPushButton(tr("Revert"), this);
    auto markMeta = [this] {
        m_metaModified = true;
        m_save->setEnabled(true);
        m_revert->setEnabled(true);
    };
    connect(m_split, &QComboBox::activated, this, markMeta);
    connect(m_tags, &QLineEdit::textEdited, this, markMeta);
    connect(m_note, &QLineEdit::textEdited, this, markMeta);
    connect(m_editor, &widgets::MessageEditor::modifiedChanged, this, [this](bool modified) {
        m_save->setEnabled(modified || m_metaModified);
        m_revert->setEnabled(modified || m_metaModified);
    });
    connect(m_save, &QPushButton::clicked, this, &DatasetView::saveCurrentEdit);
    connect(m_revert, &QPushButton::clicked, this, [this] { loadExample(m_currentId); });
    auto* meta = new QFormLayout;
    meta->addRow(tr("Split"), m_split);
    meta->addRow(tr("Tags"), m_tags);
    meta->addRow(tr("Note"), m_note);
    auto* editButtons = new QHBoxLayout;
    editButtons->addStretch(1);
    editButtons->addWidget(m_revert);
    editButtons->addWidget(m_save);
    auto* editorPane = new QWidget(this);
    auto* editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_exampleTitle);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addLayout(meta);
    editorLayout->addLayout(editButtons);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (!current.isValid()) return;
        const int64_t id = m_model->exampleId(current.row());
        if (id == m_currentId) return;
        saveCurrentEdit();
        loadExample(id);
    });

    // Bottom: import report, token lengths, duplicates.
    m_tabs = new QTabWidget(this);
    m_tabs->setMinimumHeight(200);
    m_importReport = new QPlainTextEdit(this);
    m_importReport->setObjectName(QStringLiteral("importReport"));
    m_importReport->setReadOnly(true);
    m_importReport->setPlaceholderText(tr("Import files with Import… or drop them here. Formats: messages/ShareGPT/Alpaca/"
                                          "prompt-completion JSONL or JSON, CSV, TSV, plain text."));
    m_tabs->addTab(m_importReport, tr("Import Report"));

    m_lengths = new TokenLengthsPanel(m_workspace, [this] { return datasetId(); }, [this] { return !m_busy; }, this);
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
        if (saveCurrentEdit()) loadExample(id);
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
    upper->addWidget(editorPane);
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
        m_currentId = 0;
        reloadDatasets();
    });
    reloadDatasets();
    loadExample(0);
}

void DatasetView::createActions() {
    struct Spec {
        QString text;
        QKeySequence keys;
        void (DatasetView::*slot)();
    };
    const Spec specs[] = {
        {tr("Add Example"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &DatasetView::addExample},
        {tr("Duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), &DatasetView::duplicateSelected},
        {tr("Delete"), QKeySequence::Delete, &DatasetView::deleteSelected},
        {tr("Tag…"), QKeySequence(Qt::CTRL | Qt::Key_T), &DatasetView::tagSelected},
    };
    // Adding works anywhere in the view; the others act on the table's selection, so their keys
    // (Delete above all) belong to the table and never reach them from the editor.
    for (const Spec& s : specs) {
        auto* a = new QAction(s.text, this);
        a->setShortcut(s.keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, s.slot);
        m_table->addAction(a);
        if (s.slot == &DatasetView::addExample) addAction(a);
    }
    auto* splitMenu = new QMenu(tr("Set Split"), this);
    int key = 0;
    for (Split s : {Split::Train, Split::Validation, Split::Test, Split::Unassigned}) {
        QAction* a = splitMenu->addAction(QString::fromLatin1(splitName(s)), this, [this, s] { setSplitOfSelected(int(s)); });
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + key++)));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);   // the shortcut; the table's context menu shows them in the submenu
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
    // The example in the editor may have been changed by undo/redo, or deleted.
    if (m_currentId && !m_editor->isModified() && !m_metaModified) loadExample(m_currentId);
}

void DatasetView::loadExample(int64_t id) {
    m_currentId = 0;
    m_metaModified = false;
    DatasetStore* store = m_workspace->store();
    Example e;
    bool found = false;
    if (store && id > 0) {
        try {
            e = store->get(id);
            found = true;
        } catch (const std::exception&) {
        }
    }
    QList<widgets::Turn> turns;
    for (const auto& m : e.messages) turns.push_back({qstr(m.role), qstr(m.content)});
    m_editor->setTurns(turns);
    m_editor->setProblems(found && !e.problems.empty() ? tr("Problems: %1").arg(qstr(e.problems)) : QString());
    m_editor->setEnabled(found);
    m_split->setEnabled(found);
    m_tags->setEnabled(found);
    m_note->setEnabled(found);
    m_split->setCurrentIndex(m_split->findData(int(e.split)));
    QStringList tags;
    for (const auto& t : e.tags) tags << qstr(t);
    m_tags->setText(tags.join(QStringLiteral(", ")));
    m_note->setText(qstr(e.note));
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    if (!found) {
        m_exampleTitle->setText(tr("No example selected"));
        return;
    }
    m_currentId = id;
    QString title = tr("Example #%1").arg(id);
    if (!e.sourceFile.empty())
        title += tr(" (from %1, line %2)").arg(QFileInfo(qstr(e.sourceFile)).fileName()).arg(e.sourceLine);
    m_exampleTitle->setText(title);
}

bool DatasetView::saveCurrentEdit() {
    if (!m_currentId || (!m_editor->isModified() && !m_metaModified)) return true;
    const int64_t id = m_currentId;
    QString error;
    const QList<widgets::Turn> turns = m_editor->turns();
    const Split split = Split(m_split->currentData().toInt());
    const std::vector<std::string> tags = parseTags(m_tags->text());
    const std::string note = str(m_note->text());
    const bool ok = m_workspace->edit(
        [&](DatasetStore& store) {
            Example e = store.get(id);
            if (m_editor->isModified()) {
                e.messages.clear();
                for (const auto& t : turns) e.messages.push_back({str(t.role), str(t.content)});
                store.edit(e);
            }
            if (e.split != split) store.setSplit({id}, split);
            for (const auto& t : e.tags)
                if (std::find(tags.begin(), tags.end(), t) == tags.end()) store.untag({id}, t);
            for (const auto& t : tags)
                if (std::find(e.tags.begin(), e.tags.end(), t) == e.tags.end()) store.tag({id}, t);
            if (e.note != note) store.setNote(id, note);
        },
        &error);
    if (!ok) {
        showError(tr("Cannot save example #%1").arg(id), error);
        return false;
    }
    m_editor->setModified(false);
    m_metaModified = false;
    loadExample(id);   // shows the problems the store found
    return true;
}

std::vector<int64_t> DatasetView::selectedIds() const {
    std::vector<int64_t> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        if (const int64_t id = m_model->exampleId(index.row())) ids.push_back(id);
    if (ids.empty() && m_currentId) ids.push_back(m_currentId);
    return ids;
}

void DatasetView::selectRow(int row) {
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
}

void DatasetView::showError(const QString& what, const QString& error) {
    Q_EMIT logLine(what + QStringLiteral(": ") + error);
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

void DatasetView::addExample() {
    if (!saveCurrentEdit()) return;
    if (!datasetId()) {
        QString error;
        if (!m_workspace->edit([](DatasetStore& s) { s.ensureDataset("default"); }, &error))
            return showError(tr("Cannot create a dataset"), error);
        reloadDatasets();
        setCurrentDataset(QStringLiteral("default"));
    }
    int64_t id = 0;
    Example e;
    e.messages = {{"user", ""}, {"assistant", ""}};
    const int64_t dataset = datasetId();
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { id = s.add(dataset, e); }, &error))
        return showError(tr("Cannot add an example"), error);
    loadExample(id);
    m_editor->setFocus();
}

void DatasetView::duplicateSelected() {
    if (!saveCurrentEdit()) return;
    const auto ids = selectedIds();
    if (ids.empty()) return;
    int64_t last = 0;
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) {
            for (int64_t id : ids) last = s.duplicate(id);
        }, &error))
        return showError(tr("Cannot duplicate"), error);
    loadExample(last);
}

void DatasetView::deleteSelected() {
    if (!saveCurrentEdit()) return;
    const auto ids = selectedIds();
    if (ids.empty()) return;
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { s.remove(ids); }, &error)) return showError(tr("Cannot delete"), error);
    Q_EMIT logLine(tr("Deleted %n example(s); Undo brings them back.", nullptr, int(ids.size())));
    loadExample(0);
}

void DatasetView::tagSelected() {
    if (!saveCurrentEdit()) return;
    const auto ids = selectedIds();
    if (ids.empty()) return;
    bool ok = false;
    const QString tag = QInputDialog::getText(this, tr("Tag Examples"), tr("Tag for %n example(s):", nullptr, int(ids.size())),
                                              QLineEdit::Normal, QString(), &ok).trimmed();
    if (!ok || tag.isEmpty()) return;
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { s.tag(ids, str(tag)); }, &error)) showError(tr("Cannot tag"), error);
}

void DatasetView::setSplitOfSelected(int split) {
    if (!saveCurrentEdit()) return;
    const auto ids = selectedIds();
    if (ids.empty()) return;
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { s.setSplit(ids, Split(split)); }, &error))
        showError(tr("Cannot set the split"), error);
}

void DatasetView::assignSplits() {
    const int64_t dataset = datasetId();
    if (!dataset || !saveCurrentEdit()) return;
    bool ok = false;
    const QString ratios = QInputDialog::getText(this, tr("Assign Splits"),
                                                 tr("Train / validation / test ratios for the unassigned examples:"),
                                                 QLineEdit::Normal, QStringLiteral("0.8 / 0.1 / 0.1"), &ok);
    if (!ok) return;
    const QStringList parts = ratios.split(QLatin1Char('/'));
    double r[3] = {0, 0, 0};
    bool valid = parts.size() == 3;
    for (int i = 0; valid && i < 3; ++i) r[i] = parts[i].trimmed().toDouble(&valid);
    if (!valid) return showError(tr("Cannot assign splits"), tr("Write three numbers separated by '/', e.g. 0.8 / 0.1 / 0.1."));
    QString error;
    int64_t n = 0;
    if (!m_workspace->edit([&](DatasetStore& s) { n = ft::assignSplits(s, dataset, r[0], r[1], r[2], 42, false); }, &error))
        return showError(tr("Cannot assign splits"), error);
    Q_EMIT logLine(tr("Assigned splits to %n example(s).", nullptr, int(n)));
}

void DatasetView::chooseImportFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Examples"), QString(),
        tr("Datasets (*.jsonl *.json *.csv *.tsv *.txt *.md);;All files (*)"));
    if (!paths.isEmpty()) importFiles(paths);
}

void DatasetView::importFiles(const QStringList& paths) {
    if (paths.isEmpty() || m_busy || !m_workspace->isOpen()) return;
    if (!saveCurrentEdit()) return;
    QString dataset = m_datasets->currentText();
    if (dataset.isEmpty()) dataset = QFileInfo(paths.first()).completeBaseName();
    QString error;
    if (!m_workspace->edit([&](DatasetStore& s) { s.ensureDataset(str(dataset)); }, &error))
        return showError(tr("Cannot import"), error);
    reloadDatasets();
    setCurrentDataset(dataset);

    m_busy = true;
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->show();
    m_tabs->setCurrentWidget(m_importReport);
    m_importReport->setPlainText(tr("Importing %1…").arg(paths.join(QStringLiteral(", "))));
    const std::string workspaceDir = str(m_workspace->dir());
    const std::string datasetName = str(dataset);
    QPointer<QProgressBar> progress = m_progress;
    runInBackground<ImportOutcome>(
        this,
        [workspaceDir, datasetName, paths, progress] {
            ImportOutcome out;
            QStringList lines;
            try {
                DatasetStore store(workspaceDir);
                const int64_t id = store.datasetId(datasetName);
                for (const QString& path : paths) {
                    ImportOptions options;
                    options.progress = [progress](uint64_t done, uint64_t total) {
                        const int value = total ? int(1000 * done / total) : 0;
                        QMetaObject::invokeMethod(progress, [progress, value] {
                            if (progress) progress->setValue(value);
                        }, Qt::QueuedConnection);
                    };
                    const ImportReport r = importFile(store, id, str(path), options);
                    out.imported += int(r.imported);
                    out.skipped += int(r.skipped);
                    lines << QObject::tr("%1: format %2, %3 imported, %4 skipped, %5 duplicate(s) left out")
                                 .arg(path, QString::fromLatin1(importFormatName(r.format)))
                                 .arg(r.imported)
                                 .arg(r.skipped)
                                 .arg(r.duplicates);
                    for (const auto& e : r.errors)
                        lines << QObject::tr("  line %1: %2").arg(e.line).arg(QString::fromStdString(e.reason));
                }
            } catch (const std::exception& e) {
                out.error = QString::fromStdString(e.what());
            }
            out.summary = lines.join(QLatin1Char('\n'));
            return out;
        },
        [this](const ImportOutcome& out) {
            m_busy = false;
            m_progress->hide();
            QString text = out.summary;
            if (!out.error.isEmpty()) text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Error: %1").arg(out.error);
            m_importReport->setPlainText(text);
            Q_EMIT logLine(text);
            m_workspace->notifyExternalChange();
            Q_EMIT importFinished(out.imported, out.skipped);
        });
}

QString DatasetView::importReportText() const {
    return m_importReport->toPlainText();
}

QString DatasetView::countText() const {
    return m_count->text();
}

void DatasetView::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void DatasetView::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        importFiles(paths);
    }
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

void DatasetView::setTokenizerModel(const QString& modelDir) {
    m_lengths->setTokenizerModel(modelDir);
}

void DatasetView::countTokens() {
    m_lengths->count();
}

widgets::HistogramChart* DatasetView::histogram() const {
    return m_lengths->histogram();
}

void DatasetView::setBusy(bool busy) {   // one worker at a time: an import, a count or a search
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
