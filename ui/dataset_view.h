// DatasetView: curate the workspace's datasets by hand. A lazy table (prompt, reply, split, tags,
// tokens, status) with search and filters; a message editor for the selected example whose edits
// are saved when asked or when the selection moves on (never lost); add, duplicate, delete, tag and
// split in bulk, each one undoable step; import (dialog or drag-and-drop) with the format detection
// and every rejected line shown; export; a token-length histogram against the max length; and a
// review of exact and near duplicates. Long work (import, counting, duplicates) runs on worker
// threads with their own store connection.
#pragma once
#include <QWidget>
#include <cstdint>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QDoubleSpinBox;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace ft::widgets {
class HistogramChart;
class MessageEditor;
}

namespace ft::ui {

class DuplicatesPanel;
class TokenLengthsPanel;

class DatasetTableModel;
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
    void setTokenizerModel(const QString& modelDir);   // whose tokenizer and template count tokens

    void selectRow(int row);
    int64_t currentExampleId() const { return m_currentId; }
    bool saveCurrentEdit();   // writes the editor's changes (one undoable step); true when nothing was lost

    DatasetTableModel* tableModel() const { return m_model; }
    QTableView* table() const { return m_table; }
    widgets::MessageEditor* editor() const { return m_editor; }
    widgets::HistogramChart* histogram() const;
    QTreeWidget* duplicateGroups() const;
    QString importReportText() const;
    QString countText() const;

public Q_SLOTS:
    void chooseImportFiles();
    void chooseExportFile();
    void newDataset();
    void addExample();
    void duplicateSelected();
    void deleteSelected();
    void tagSelected();
    void setSplitOfSelected(int split);   // ft::Split as int
    void assignSplits();
    void countTokens();
    void findDuplicates();
    void removeDuplicates();   // all but the first of every checked group

Q_SIGNALS:
    void importFinished(int imported, int skipped);
    void tokenCountsReady(int counted);
    void duplicatesReady(int groups);
    void logLine(const QString& line);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void reloadDatasets();
    void applyFilter();
    void onStoreChanged();
    void loadExample(int64_t id);
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

    widgets::MessageEditor* m_editor = nullptr;
    QLabel* m_exampleTitle = nullptr;
    QComboBox* m_split = nullptr;
    QLineEdit* m_tags = nullptr;
    QLineEdit* m_note = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    int64_t m_currentId = 0;
    bool m_metaModified = false;

    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_importReport = nullptr;
    QProgressBar* m_progress = nullptr;
    TokenLengthsPanel* m_lengths = nullptr;
    DuplicatesPanel* m_duplicates = nullptr;
    bool m_busy = false;
};

} // namespace ft::ui
