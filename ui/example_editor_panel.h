// ExampleEditorPanel: the Dataset view's editor of one example: its turns (a MessageEditor), split,
// tags and note, with Save and Revert. An edit is written as one undoable step when saved, and
// save() is what the view calls before anything that would drop it (another selection, a bulk
// edit, an import), so nothing typed is lost.
#pragma once
#include <QWidget>

#include <cstdint>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ft::widgets {
class MessageEditor;
}

namespace ft::ui {

class Workspace;

class ExampleEditorPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExampleEditorPanel)

public:
    explicit ExampleEditorPanel(Workspace* workspace, QWidget* parent = nullptr);

    void load(int64_t id);    // 0 (or an id that is gone): nothing to edit
    bool save();              // writes pending changes; true when nothing was lost
    void reloadIfUnchanged(); // after undo/redo: show the stored example unless it is being edited
    int64_t currentId() const { return m_currentId; }
    widgets::MessageEditor* editor() const { return m_editor; }

Q_SIGNALS:
    void failed(const QString& what, const QString& error);

private:
    Workspace* m_workspace;
    widgets::MessageEditor* m_editor = nullptr;
    QLabel* m_title = nullptr;
    QComboBox* m_split = nullptr;
    QLineEdit* m_tags = nullptr;
    QLineEdit* m_note = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    int64_t m_currentId = 0;
    bool m_metaModified = false;
};

} // namespace ft::ui
