// DatasetView: curate the workspace's datasets by hand. The view itself holds the dataset choice,
// search and filters and a lazy table (prompt, reply, split, tags, tokens, status); around it sit
// panels that each do one thing: the selected example's editor (ExampleEditorPanel: edits saved
// when asked or when the selection moves on, never lost), bulk edits of the selection (BulkEdits),
// import with every rejected line shown (ImportPanel, also by drag-and-drop), token lengths against
// the max length (TokenLengthsPanel) and duplicates (DuplicatesPanel). Long work runs on worker
// threads with their own store connection, one at a time.
#pragma once
#include <QWidget>
#include <cstdint>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace ft::widgets {
class HistogramChart;
class MessageEditor;
} // namespace ft::widgets

namespace ft::ui {

class BulkEdits;
class DatasetTableModel;
class DuplicatesPanel;
class ExampleEditorPanel;
class ImportPanel;
class TokenLengthsPanel;
class Workspace;

class DatasetView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetView)

public:
    explicit DatasetView(Workspace* workspace, QWidget* parent = nullptr);

    // Starts importing on a worker thread into the current dataset (one named after the first file
    // when there is none); importFinished follows.
    void importFiles(const QStringList& paths);
    bool setCurrentDataset(const QString& name);
    QString currentDataset() const;
    void setTokenizerModel(const QString& modelDir); // whose tokenizer and template count tokens

    void selectRow(int row);
    int64_t currentExampleId() const;
    bool saveCurrentEdit(); // writes the editor's changes (one undoable step); true when nothing was lost
    BulkEdits* bulkEdits() const { return m_bulk; }

    DatasetTableModel* tableModel() const { return m_model; }
    QTableView* table() const { return m_table; }
    widgets::MessageEditor* editor() const;
    widgets::HistogramChart* histogram() const;
    QTreeWidget* duplicateGroups() const;
    QString importReportText() const;
    QString countText() const;

public Q_SLOTS:
    void chooseImportFiles();
    void chooseExportFile();
    void newDataset();
    void countTokens();
    void findDuplicates();
    void removeDuplicates(); // all but the first of every checked group

Q_SIGNALS:
    void importFinished(int imported, int skipped);
    void tokenCountsReady(int counted);
    void duplicatesReady(int groups);
    void logLine(const QString& line);
    void errorOccurred(const QString& line); // also in logLine; the window opens its log panel
    void currentDatasetChanged(const QString& name);

private:
    void createActions();
    void reloadDatasets();
    void applyFilter();
    void onStoreChanged();
    std::vector<int64_t> selectedIds() const;
    int64_t datasetId() const;
    void showError(const QString& what, const QString& error);
    void setBusy(bool busy);

    Workspace* m_workspace;
    DatasetTableModel* m_model = nullptr;
    QComboBox* m_datasets = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_splitFilter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QLineEdit* m_tagFilter = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    ExampleEditorPanel* m_editor = nullptr;
    BulkEdits* m_bulk = nullptr;
    QTabWidget* m_tabs = nullptr;
    ImportPanel* m_import = nullptr;
    TokenLengthsPanel* m_lengths = nullptr;
    DuplicatesPanel* m_duplicates = nullptr;
    QProgressBar* m_progress = nullptr;
    bool m_busy = false;
};

} // namespace ft::ui
